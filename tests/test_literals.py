"""An article that quotes template syntax: the author's {{ … }}, {% … %}, *|…|* and {$…} reach every reader as
written. Each provider's export is rendered by that provider's real template engine (Handlebars, Liquid,
Django, Postmark's Mustachio) with sample subscriber data: the quotes come out as written, while our own
first-name tag and unsubscribe link are filled in."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from course.text import html_text

from .conftest import fill_settings, run
from .engines.mustachio import render as mustachio

ENGINES = Path(__file__).resolve().parent / "engines"
QUOTES = [
    "{{ 7*7 }}",
    "{% if customer %}…{% endif %}",
    "*|FNAME|*",
    "{$name}",
    "{{{ raw }}}",
    "{{ unsubscribe_url }}",
    "{# a note #}",
    "{{#if first_name}}x{{/if}}",
    "{{ .Subscriber.Name }}",
]
ARTICLE = """---
title: Templates without tears
author: Ana Ruiz
---

Every email tool has its own template language, and mixing them up is the classic first mistake.

## Writing variables

In Jinja you write `{{ 7*7 }}` and get 49; Liquid has `{% if customer %}…{% endif %}`. Mailchimp writes
`*|FNAME|*`, MailerLite `{$name}`, Handlebars `{{{ raw }}}` and `{{#if first_name}}x{{/if}}`, Go
`{{ .Subscriber.Name }}`. Never type `{{ unsubscribe_url }}` into a paragraph yourself: your tool fills the
footer's link in.

```jinja
{% for item in items %}
  {{ item.name }} costs {{{ item.price }}}
{% endfor %}
{# a note #}
```

## Links your tool fills in

A second unsubscribe link only confuses. Test every template with real data before it reaches a subscriber.
"""
CODE_LINES = ["{% for item in items %}", "{{ item.name }} costs {{{ item.price }}}", "{% endfor %}"]


def handlebars(template: str, data: dict[str, Any]) -> str:
    if shutil.which("node") is None or not (ENGINES / "node_modules" / "handlebars").is_dir():
        pytest.skip("Handlebars (npm) is not installed: make test installs it")
    done = subprocess.run(
        ["node", str(ENGINES / "render.js")],
        input=json.dumps({"engine": "handlebars", "template": template, "data": data}).encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def liquid(template: str, data: dict[str, Any]) -> str:
    from liquid import Template

    return Template(template).render(**data)


def django(template: str, data: dict[str, Any]) -> str:
    import django as django_module
    from django.conf import settings

    if not settings.configured:
        settings.configure(TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}])
        django_module.setup()
    from django.template import Context, Template

    return Template(template).render(Context(data))


def plain(template: str, data: dict[str, Any]) -> str:
    return template


UNSUBSCRIBE = "https://news.hopkins-sales.co.uk/unsubscribe/sam"


def _json(folder: Path, pattern: str) -> dict[str, Any]:
    return json.loads(next(folder.glob(pattern)).read_text())


# provider -> (engine, subscriber data, the second lesson's (html, text or None, subject) from its export folder)
Parts = tuple[str, str | None, str]
PROVIDERS: dict[str, tuple[Callable[[str, dict[str, Any]], str], dict[str, Any], Callable[[Path], Parts]]] = {
    "kit": (liquid, {"subscriber": {"first_name": "Sam"}, "unsubscribe_url": UNSUBSCRIBE},
            lambda f: ((e := _json(f, "kit-sequence.json")["emails"][1])["content"], None, e["subject"])),
    "sendgrid": (handlebars, {"first_name": "Sam"},
                 lambda f: ((v := _json(f, "02-*.json")["version"])["html_content"], v["plain_content"], v["subject"])),
    "ses": (handlebars, {"first_name": "Sam", "amazonSESUnsubscribeUrl": UNSUBSCRIBE},
            lambda f: ((c := _json(f, "02-*.json")["TemplateContent"])["Html"], c["Text"], c["Subject"])),
    "mailgun": (handlebars, {"first_name": "Sam"},
                lambda f: ((b := _json(f, "02-*.json"))["template"], None, json.loads(b["headers"])["Subject"])),
    "postmark": (lambda t, d: mustachio(t, d), {"first_name": "Sam", "pm:unsubscribe": UNSUBSCRIBE},
                 lambda f: ((d := next(f.glob("*-02-*")))
                            and ((d / "content.html").read_text(), (d / "content.txt").read_text(),
                                 json.loads((d / "meta.json").read_text())["Subject"]))),
    "brevo": (django, {"contact": {"FIRSTNAME": "Sam"}, "unsubscribe": UNSUBSCRIBE},
              lambda f: ((b := _json(f, "02-*.json"))["htmlContent"], None, b["subject"])),
    "buttondown": (django, {"subscriber": {"metadata": {"first_name": "Sam"}}, "unsubscribe_url": UNSUBSCRIBE},
                   lambda f: ((b := _json(f, "02-*.json"))["body"], None, b["subject"])),
    "mailchimp": (plain, {}, lambda f: (_json(f, "02-*.json")["html"], None, "")),
    "mailerlite": (plain, {}, lambda f: ((e := _json(f, "02-*.json")["emails"][0])["content"], None, e["subject"])),
    "html": (plain, {}, lambda f: (next(f.glob("02-*.html")).read_text(), next(f.glob("02-*.txt")).read_text(), "")),
}  # fmt: skip


@pytest.fixture(scope="module")
def quoting_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quotes")
    (folder / "article.md").write_text(ARTICLE)
    root = folder / "course"
    assert run("split", str(folder / "article.md"), "-o", str(root), "-n", "3").exit_code == 0
    second = sorted((root / "lessons").glob("*.md"))[1]
    second.write_text(re.sub(r"(?m)^subject: .*$", "subject: 'Writing {{ variables }}'", second.read_text(), count=1))
    toml = fill_settings(root) / "course.toml"
    toml.write_text(re.sub(r"(?m)^unsubscribe_url = .*$", f'unsubscribe_url = "{UNSUBSCRIBE}"', toml.read_text()))
    return root


def _visible(document: str) -> str:
    return " ".join(html_text(document).split())


def test_the_local_build_shows_the_quotes_as_written(quoting_course: Path) -> None:
    result = run("build", str(quoting_course))
    assert result.exit_code == 0, result.output
    built = quoting_course / "build"
    page, text = next(built.glob("02-*.html")).read_text(), next(built.glob("02-*.txt")).read_text()
    visible = _visible(page)
    for quote in QUOTES:
        assert quote in visible, quote
        assert quote in " ".join(text.split()), quote
    assert all(line in page for line in CODE_LINES)
    assert "Hi Sam," in visible


@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_each_provider_prints_the_quotes_as_written_and_fills_its_own_tags(quoting_course: Path, name: str) -> None:
    engine, data, parts = PROVIDERS[name]
    out = quoting_course / "dist" / name
    result = run("export", str(quoting_course), "--esp", name, "-o", str(out))
    assert result.exit_code == 0, result.output
    page, text, subject = parts(out)
    rendered = engine(page, data)
    visible = _visible(rendered)
    for quote in QUOTES:
        assert quote in visible, (name, quote, visible[:400])
    if engine is not plain:
        assert "Hi Sam," in visible, name
        if name != "sendgrid" and name != "mailgun":  # their unsubscribe link is filled in at send time
            assert f'href="{UNSUBSCRIBE}"' in rendered.replace("&#x3D;", "="), name
    if text is not None:
        rendered_text = engine(text, data) if engine is not plain else text
        for quote in QUOTES:
            assert quote in " ".join(html.unescape(rendered_text).split()), (name, quote)
    if subject:
        assert (engine(subject, data) if engine is not plain else subject) == "Writing {{ variables }}", name


def test_listmonk_writes_go_template_quotes_as_string_constants(quoting_course: Path) -> None:
    """No Go toolchain here to run text/template: the form Go documents for literal delimiters is checked."""
    out = quoting_course / "dist" / "listmonk"
    assert run("export", str(quoting_course), "--esp", "listmonk", "-o", str(out)).exit_code == 0
    body = _json(out, "02-*.json")
    assert "{{ `{{` }} 7*7 }}" in body["body"] and "{{ `{{` }} 7*7 }}" in body["altbody"]
    assert "{{ 7*7 }}" not in body["body"].replace("{{ `{{` }}", "")
    assert body["subject"] == "Writing {{ `{{` }} variables }}"


def test_our_own_template_mistakes_still_stop_the_build(quoting_course: Path, tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(quoting_course, course, ignore=shutil.ignore_patterns("build", "dist"))
    (course / "templates").mkdir()
    (course / "templates" / "lesson.mjml.j2").write_text(
        '{% extends "builtin/lesson.mjml.j2" %}{% block greeting %}<p>{{ "{{" }} oops</p>{% endblock %}'
    )
    result = run("build", str(course))
    assert result.exit_code == 1 and "the email still contains template syntax '{{'" in result.output
