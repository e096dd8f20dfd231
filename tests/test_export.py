"""Exports for every provider: merge tags byte-exact, each provider's own files, and clean failures."""

from __future__ import annotations

import csv
import email
import email.policy
import json
import re
from pathlib import Path

import pytest

from course.providers import PROVIDERS

from .conftest import run
from .fakes.ses_server import ses_server

TAG_PROVIDERS = [name for name, cls in PROVIDERS.items() if cls.tags]


@pytest.fixture(scope="module")
def exports(ready_course: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every provider's export of the seed course, made once."""
    base = tmp_path_factory.mktemp("exports")
    folders = {}
    for name in PROVIDERS:
        result = run("export", str(ready_course), "--esp", name, "-o", str(base / name))
        assert result.exit_code == 0, result.output
        folders[name] = base / name
    return folders


def _lesson_html(folder: Path, name: str) -> list[tuple[Path, str]]:
    pattern = "*/content.html" if name == "postmark" else "[0-9][0-9]-*.html"
    files = sorted(folder.glob(pattern))
    assert files, f"no lesson HTML in {folder}"
    return [(path, path.read_text(encoding="utf-8")) for path in files]


def _lesson_text(folder: Path, name: str) -> list[str]:
    pattern = "*/content.txt" if name == "postmark" else "[0-9][0-9]-*.txt"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob(pattern))]


@pytest.mark.parametrize("name", TAG_PROVIDERS)
def test_merge_tags_are_byte_exact(exports: dict[str, Path], ready_course: Path, name: str) -> None:
    provider = PROVIDERS[name]
    first_name = provider.tags["first_name"].replace("{fallback}", "there")
    unsubscribe = provider.tags["unsubscribe_url"]
    others = {
        tag
        for other, cls in PROVIDERS.items()
        if other != name
        for tag in cls.tags.values()
        if tag not in provider.tags.values() and tag.replace("{fallback}", "there") != first_name
    }
    lessons = len(list((ready_course / "lessons").glob("*.md")))
    htmls = _lesson_html(exports[name], name)
    texts = _lesson_text(exports[name], name)
    assert len(htmls) == len(texts) == lessons
    for (path, html), text in zip(htmls, texts, strict=True):
        assert first_name in html and first_name in text, path
        assert f'href="{unsubscribe}"' in html, path
        assert unsubscribe in text
        for tag in others:
            assert tag.replace("{fallback}", "there") not in html, (path, tag)
        assert "@@COURSE_" not in html and "@@COURSE_" not in text
        assert not re.search(r"%7B|%7D|\{\{%20|&lt;%|%&gt;|\*%7C", html), path


def test_postmark_folders_match_the_cli_layout(exports: dict[str, Path]) -> None:
    metas = sorted(exports["postmark"].glob("*/meta.json"))
    assert metas
    for meta_path in metas:
        meta = json.loads(meta_path.read_text())
        assert set(meta) >= {"Name", "Alias", "Subject", "TemplateType"}
        assert meta["TemplateType"] == "Standard"
        assert meta["Alias"] == meta_path.parent.name
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", meta["Alias"])
        assert (meta_path.parent / "content.html").is_file() and (meta_path.parent / "content.txt").is_file()


def test_kit_sequence_lists_every_lesson_with_its_delay(exports: dict[str, Path], ready_course: Path) -> None:
    data = json.loads((exports["kit"] / "kit-sequence.json").read_text())
    rows = json.loads((ready_course / "build" / "sequence.json").read_text())["lessons"]
    assert data["sequence"]["name"] == "Sales Manager or Leader?"
    emails = data["emails"]
    assert [e["position"] for e in emails] == list(range(len(rows)))
    assert [e["subject"] for e in emails] == [r["subject"] for r in rows]
    assert [e["preview_text"] for e in emails] == [r["preheader"] for r in rows]
    assert [e["delay_value"] for e in emails] == [r["delay_days"] for r in rows]
    assert {e["delay_unit"] for e in emails} == {"days"}
    assert all(e["published"] is False and "{{ unsubscribe_url }}" in e["content"] for e in emails)


def test_sequence_csv_and_import_guide(exports: dict[str, Path]) -> None:
    for name, folder in exports.items():
        rows = list(csv.DictReader((folder / "sequence.csv").read_text().splitlines()))
        assert [r["order"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
        assert {"day", "delay_days", "subject", "preheader", "html", "text"} <= set(rows[0])
        guide = (folder / "IMPORT.md").read_text()
        assert "## Step by step" in guide and rows[0]["subject"] in guide, name
        assert json.loads((folder / "sequence.json").read_text())["provider"] == name


def test_eml_files_are_multipart_alternative_with_one_click_unsubscribe(exports: dict[str, Path]) -> None:
    files = sorted(exports["eml"].glob("*.eml"))
    assert files
    for path in files:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert message.get_content_type() == "multipart/alternative"
        assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
        assert message["From"] == "Alistair Hopkins <alistair@hopkins-sales.co.uk>"
        assert message["Reply-To"] == "alistair@hopkins-sales.co.uk"
        assert message["Subject"] and message["Date"]
        assert re.fullmatch(r"<[^@\s]+@hopkins-sales\.co\.uk>", message["Message-ID"])
        assert "<https://hopkins-sales.co.uk/unsubscribe>" in message["List-Unsubscribe"]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        html = message.get_body(("html",)).get_content()
        assert 'href="https://hopkins-sales.co.uk/unsubscribe"' in html and "Hi there," in html


def test_ses_templates_are_accepted_by_boto3_sesv2(exports: dict[str, Path]) -> None:
    import boto3

    bodies = [json.loads(p.read_text()) for p in sorted(exports["ses"].glob("[0-9][0-9]-*.json"))]
    assert bodies
    with ses_server() as (url, _app):
        options = {
            "endpoint_url": url,
            "region_name": "us-east-1",
            "aws_access_key_id": "x",
            "aws_secret_access_key": "y",
        }
        client = boto3.client("sesv2", **options)
        for body in bodies:
            client.create_email_template(**body)
        names = sorted(t["TemplateName"] for t in client.list_email_templates()["TemplatesMetadata"])
        assert names == sorted(b["TemplateName"] for b in bodies)
        stored = client.get_email_template(TemplateName=bodies[0]["TemplateName"])["TemplateContent"]
        assert stored == bodies[0]["TemplateContent"]
        assert len(boto3.client("ses", **options).list_templates()["TemplatesMetadata"]) == len(bodies)


def test_exports_are_deterministic(ready_course: Path, tmp_path: Path, exports: dict[str, Path]) -> None:
    for name in ("mailchimp", "eml", "postmark"):
        assert run("export", str(ready_course), "--esp", name, "-o", str(tmp_path / name)).exit_code == 0
        for path in sorted(p for p in (tmp_path / name).rglob("*") if p.is_file()):
            assert path.read_bytes() == (exports[name] / path.relative_to(tmp_path / name)).read_bytes(), path


def test_build_writes_provider_variants(course_copy: Path) -> None:
    result = run("build", str(course_copy), "--esp", "kit", "--esp", "mailchimp")
    assert result.exit_code == 0, result.output
    build = course_copy / "build"
    preview = sorted(p.name for p in build.glob("[0-9][0-9]-*.html"))
    for name, tag in (("kit", "{{ unsubscribe_url }}"), ("mailchimp", "*|UNSUB|*")):
        assert sorted(p.name for p in (build / name).glob("*.html")) == preview
        assert all(f'href="{tag}"' in (build / name / file).read_text() for file in preview)


def test_esps_lists_every_provider() -> None:
    result = run("esps")
    assert result.exit_code == 0
    for name, cls in PROVIDERS.items():
        line = next(line for line in result.output.splitlines() if line.startswith(name + " "))
        for variable in cls.env:
            assert variable in line


def _one_line_error(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for word in words:
        assert word in lines[0]


def test_unknown_provider(ready_course: Path, tmp_path: Path) -> None:
    _one_line_error(run("export", str(ready_course), "--esp", "pigeon", "-o", str(tmp_path / "x")), "pigeon", "kit")
    assert not (tmp_path / "x").exists()


def test_unwritable_output_folder(ready_course: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _one_line_error(run("export", str(ready_course), "--esp", "kit", "-o", str(blocker / "out")), "cannot write")


def test_template_without_unsubscribe_link_is_refused(ready_copy: Path, tmp_path: Path) -> None:
    (ready_copy / "templates" / "partials").mkdir(parents=True)
    twin = Path(__file__).resolve().parent.parent / "templates" / "partials" / "footer.txt.j2"
    (ready_copy / "templates" / "partials" / "footer.txt.j2").write_text(twin.read_text())  # the pair: no warning
    (ready_copy / "templates" / "partials" / "footer.mjml.j2").write_text(
        "<mj-section><mj-column><mj-text>{{ sender.postal_address }}</mj-text></mj-column></mj-section>"
    )
    result = run("export", str(ready_copy), "--esp", "kit", "-o", str(tmp_path / "kit"))
    _one_line_error(result, "unsubscribe", "{{ unsubscribe_url }}", "01-")
    assert not (tmp_path / "kit").exists()
