"""`course upload` against fakes of Kit and Postmark that enforce their documented APIs, and SES on moto."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from course.cli import cli
from course.providers import PROVIDERS as REGISTRY

from .fakes.providers import (
    BrevoAPI,
    ButtondownAPI,
    KitAPI,
    ListmonkAPI,
    MailchimpAPI,
    MailerLiteAPI,
    MailgunAPI,
    PostmarkAPI,
    SendGridAPI,
    serve,
)
from .fakes.ses_server import ses_server


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return found.group(1) if found else ""


def _by(key: str) -> Any:
    return lambda api: sorted(api.items.values(), key=lambda item: str(item[key]))


# name -> fake, environment, --api-url suffix (the base URL includes the API version), the path of a create,
# the objects the provider holds in course order, and the subject of one of them
PROVIDERS: dict[str, dict[str, Any]] = {
    "kit": {"fake": KitAPI, "env": lambda a: {"KIT_API_KEY": a.secret}, "suffix": "",
            "create": r"/v4/sequences/\d+/emails", "subject": lambda e: e["subject"],
            "held": lambda a: sorted(a.emails.values(), key=lambda e: e["position"])},
    "postmark": {"fake": PostmarkAPI, "env": lambda a: {"POSTMARK_SERVER_TOKEN": a.secret}, "suffix": "",
                 "create": "/templates", "held": lambda a: sorted(a.templates.values(), key=lambda t: t["Alias"]),
                 "subject": lambda t: t["Subject"]},
    "mailgun": {"fake": MailgunAPI, "env": lambda a: {"MAILGUN_API_KEY": a.secret, "MAILGUN_DOMAIN": a.domain},
                "suffix": "", "create": r"/v3/[^/]+/templates", "held": _by("name"),
                "subject": lambda t: json.loads(next(v for v in t["versions"] if v["active"])["headers"])["Subject"]},
    "sendgrid": {"fake": SendGridAPI, "env": lambda a: {"SENDGRID_API_KEY": a.secret}, "suffix": "",
                 "create": r"/v3/templates(/\d+/versions)?", "held": _by("name"), "writes_per_lesson": 2,
                 "subject": lambda t: next(v for v in t["versions"] if v["active"] == 1)["subject"]},
    "brevo": {"fake": BrevoAPI, "env": lambda a: {"BREVO_API_KEY": a.secret}, "suffix": "/v3",
              "create": "/v3/smtp/templates", "held": _by("templateName"), "subject": lambda t: t["subject"]},
    "mailchimp": {"fake": MailchimpAPI, "env": lambda a: {"MAILCHIMP_API_KEY": a.secret}, "suffix": "",
                  "create": "/templates", "held": _by("name"), "subject": lambda t: _title(t["html"])},
    "mailerlite": {"fake": MailerLiteAPI, "env": lambda a: {"MAILERLITE_API_KEY": a.secret}, "suffix": "/api",
                   "create": "/api/campaigns", "held": _by("name"), "subject": lambda c: c["emails"][0]["subject"]},
    "listmonk": {"fake": ListmonkAPI, "suffix": "",
                 "env": lambda a: {"LISTMONK_URL": "http://unused.invalid", "LISTMONK_USERNAME": a.user,
                                   "LISTMONK_API_TOKEN": a.secret},
                 "create": "/api/campaigns", "held": _by("name"), "subject": lambda c: c["subject"]},
    "buttondown": {"fake": ButtondownAPI, "env": lambda a: {"BUTTONDOWN_API_KEY": a.secret}, "suffix": "/v1",
                   "create": "/v1/emails", "held": _by("id"), "subject": lambda e: e["subject"]},
}  # fmt: skip


def upload(course: Path, name: str, url: str, env: dict[str, str], *extra: str):
    api_url = url + PROVIDERS[name]["suffix"] if name in PROVIDERS and url.startswith("http://127.0.0.1:") else url
    return CliRunner().invoke(cli, ["upload", str(course), "--esp", name, "--api-url", api_url, *extra], env=env)


def remote(api: Any) -> list[dict[str, Any]]:
    """What the provider holds, in course order."""
    return PROVIDERS[api.name]["held"](api)


PROVIDERS_TAGS = {name: REGISTRY[name].tags["unsubscribe_url"] for name in PROVIDERS}


def lesson_count(course: Path) -> int:
    return len(list((course / "lessons").glob("*.md")))


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []
    monkeypatch.setattr("course.providers.http.pause", recorded.append)
    return recorded


@pytest.fixture(params=sorted(PROVIDERS))
def provider(request: pytest.FixtureRequest) -> tuple[str, Any, dict[str, str]]:
    spec = PROVIDERS[request.param]
    api = spec["fake"]()
    return request.param, api, spec["env"](api)


def test_first_upload_creates_every_lesson_in_order(ready_copy: Path, provider) -> None:
    name, api, env = provider
    with serve(api) as url:
        result = upload(ready_copy, name, url, env)
    assert result.exit_code == 0, result.output
    held = remote(api)
    assert len(held) == lesson_count(ready_copy)
    assert f"Done: {len(held)} created, 0 updated, 0 unchanged" in result.output
    assert api.secret not in result.output
    unsubscribe = PROVIDERS_TAGS[name]
    assert all(f'href=\\"{unsubscribe}\\"' in json.dumps(item, ensure_ascii=False) for item in held), name
    if name == "kit":
        assert len(api.sequences) == 1 and next(iter(api.sequences.values()))["name"] == "Sales Manager or Leader?"
        assert [e["position"] for e in held] == list(range(len(held)))
        assert [e["delay_value"] for e in held] == [0] + [1] * (len(held) - 1) and {e["delay_unit"] for e in held} == {
            "days"
        }
        assert all(e["published"] is False and "{{ unsubscribe_url }}" in e["content"] for e in held)
        assert held[0]["preview_text"].startswith("Are you scratching your head?")
    elif name == "postmark":
        assert all(t["TemplateType"] == "Standard" and "{{{ pm:unsubscribe }}}" in t["HtmlBody"] for t in held)
        assert all("{{{ pm:unsubscribe }}}" in t["TextBody"] for t in held)


def test_second_upload_changes_nothing(ready_copy: Path, provider) -> None:
    name, api, env = provider
    with serve(api) as url:
        assert upload(ready_copy, name, url, env).exit_code == 0
        writes = len(api.writes)
        result = upload(ready_copy, name, url, env)
    assert result.exit_code == 0, result.output
    assert len(api.writes) == writes, "the second run wrote something"
    assert len(remote(api)) == lesson_count(ready_copy)
    assert result.output.count("unchanged") >= lesson_count(ready_copy)


def test_an_edited_lesson_is_updated_alone(ready_copy: Path, provider) -> None:
    name, api, env = provider
    lesson = sorted((ready_copy / "lessons").glob("*.md"))[1]
    with serve(api) as url:
        assert upload(ready_copy, name, url, env).exit_code == 0
        writes = len(api.writes)
        lesson.write_text(re.sub(r"(?m)^subject: .*$", "subject: A sharper subject line", lesson.read_text(), count=1))
        result = upload(ready_copy, name, url, env)
    assert result.exit_code == 0, result.output
    assert len(api.writes) == writes + 1
    assert re.search(r"\n\s+2\s+update\s", result.output), result.output
    subjects = [PROVIDERS[name]["subject"](item) for item in remote(api)]
    assert subjects[1] == "A sharper subject line" and len(subjects) == lesson_count(ready_copy)


def test_dry_run_writes_nothing(ready_copy: Path, provider) -> None:
    name, api, env = provider
    with serve(api) as url:
        result = upload(ready_copy, name, url, env, "--dry-run")
    assert result.exit_code == 0, result.output
    assert api.writes == []
    assert (
        result.output.count("create") >= lesson_count(ready_copy) and "Dry run: nothing was changed." in result.output
    )
    assert api.secret not in result.output


def test_rejected_key(ready_copy: Path, provider) -> None:
    name, api, env = provider
    wrong = {k: ("wrong-" + v if v == api.secret else v) for k, v in env.items()}
    with serve(api) as url:
        result = upload(ready_copy, name, url, wrong)
    assert result.exit_code == 1
    assert "was rejected" in result.output or "HTTP 403" in result.output, result.output
    assert next(k for k, v in env.items() if v == api.secret) in result.output
    assert api.secret not in result.output and len(result.output.strip().splitlines()) == 1


def test_429_with_retry_after_on_the_first_write_still_succeeds(ready_copy: Path, provider, sleeps) -> None:
    name, api, env = provider
    api.fail("POST", PROVIDERS[name]["create"], 429, headers={"Retry-After": "2"}, body={"errors": ["Retry later"]})
    with serve(api) as url:
        result = upload(ready_copy, name, url, env)
    assert result.exit_code == 0, result.output
    assert 2.0 in sleeps
    assert len(remote(api)) == lesson_count(ready_copy)


def test_persistent_500_reports_what_was_and_was_not_uploaded(ready_copy: Path, provider, sleeps) -> None:
    name, api, env = provider
    with serve(api) as url:
        assert upload(ready_copy, name, url, env, "--dry-run").exit_code == 0
        # let two lessons through, then fail every write
        original = api.route
        count = {"writes": 0}

        def flaky(method: str, path: str, query: dict[str, str], data: Any):
            if method in ("POST", "PUT", "PATCH") and re.fullmatch(PROVIDERS[name]["create"], path):
                count["writes"] += 1
                if count["writes"] > 2 * PROVIDERS[name].get("writes_per_lesson", 1):
                    return 500, {}, {"errors": ["boom"]}
            return original(method, path, query, data)

        api.route = flaky
        failed = upload(ready_copy, name, url, env)
        assert failed.exit_code == 1
        assert "server error" in failed.output and "HTTP 500" in failed.output
        assert "lessons 1, 2; not uploaded: lessons 3, 4, 5" in failed.output
        assert len(sleeps) >= 3  # retried before giving up
        api.route = original
        rerun = upload(ready_copy, name, url, env)
    assert rerun.exit_code == 0, rerun.output
    assert "3 created, 0 updated, 2 unchanged" in rerun.output
    assert len(remote(api)) == lesson_count(ready_copy)


def test_timeout(ready_copy: Path, provider, sleeps, monkeypatch: pytest.MonkeyPatch) -> None:
    name, api, env = provider
    monkeypatch.setattr("course.providers.http.TIMEOUT_SECONDS", 0.3)
    api.fail("GET", r"/.*", 200, times=10, delay=1.0, body={})
    with serve(api) as url:
        result = upload(ready_copy, name, url, env)
    assert result.exit_code == 1
    assert "did not answer" in result.output
    assert api.writes == []


def test_unreachable_api(ready_copy: Path, provider, sleeps) -> None:
    name, _api, env = provider
    result = upload(ready_copy, name, "http://127.0.0.1:9", env)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach") and "--api-url" in result.output


def test_missing_credentials(ready_copy: Path, provider) -> None:
    name, api, env = provider
    variable = next(k for k, v in env.items() if v == api.secret)
    result = CliRunner().invoke(cli, ["upload", str(ready_copy), "--esp", name], env={**env, variable: ""})
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: no credentials for {name}: set {variable} in the environment (see `course esps`)"
    )


def test_kit_publish_into_a_sequence_with_subscribers_asks_first(ready_copy: Path) -> None:
    api = KitAPI()
    env = {"KIT_API_KEY": api.secret}
    with serve(api) as url:
        assert upload(ready_copy, "kit", url, env).exit_code == 0
        next(iter(api.sequences.values()))["subscriber_count"] = 12
        writes = len(api.writes)
        refused = upload(ready_copy, "kit", url, env, "--publish")
        assert refused.exit_code == 1 and "12 subscribers" in refused.output and "--yes" in refused.output
        assert len(api.writes) == writes
        published = upload(ready_copy, "kit", url, env, "--publish", "--yes")
    assert published.exit_code == 0, published.output
    assert all(e["published"] for e in api.emails.values())


def test_providers_without_an_api(ready_copy: Path) -> None:
    for name in ("eml", "html"):
        result = CliRunner().invoke(cli, ["upload", str(ready_copy), "--esp", name])
        assert result.exit_code == 1 and "cannot take uploads" in result.output and "course export" in result.output
    result = CliRunner().invoke(cli, ["upload", str(ready_copy), "--esp", "pigeon"])
    assert (
        result.exit_code == 1 and "unknown provider 'pigeon'" in result.output and "did you mean" not in result.output
    )
    # a provider's former name (ConvertKit is Kit now) or a typo names the one meant
    for name, meant in (("convertkit", "kit"), ("Sendinblue", "brevo"), ("mailchip", "mailchimp")):
        result = CliRunner().invoke(cli, ["upload", str(ready_copy), "--esp", name])
        assert result.exit_code == 1 and f"did you mean '{meant}'?" in result.output, result.output


def test_ses_upload_against_moto(ready_copy: Path) -> None:
    import boto3

    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "eu-west-1",
           "AWS_DEFAULT_REGION": "eu-west-1"}  # fmt: skip
    with ses_server() as (url, _app):
        client = boto3.client("sesv2", endpoint_url=url, region_name="eu-west-1", aws_access_key_id="testing",
                              aws_secret_access_key="testing")  # fmt: skip
        first = upload(ready_copy, "ses", url, env)
        assert first.exit_code == 0, first.output
        names = [t["TemplateName"] for t in client.list_email_templates()["TemplatesMetadata"]]
        assert len(names) == lesson_count(ready_copy)
        second = upload(ready_copy, "ses", url, env)
        assert second.exit_code == 0 and "0 created, 0 updated" in second.output
        assert len(client.list_email_templates()["TemplatesMetadata"]) == len(names)
        lesson = sorted((ready_copy / "lessons").glob("*.md"))[0]
        lesson.write_text(re.sub(r"(?m)^subject: .*$", "subject: Welcome aboard", lesson.read_text(), count=1))
        third = upload(ready_copy, "ses", url, env)
        assert third.exit_code == 0 and "0 created, 1 updated" in third.output, third.output
        first_name = sorted(names)[0]
        assert client.get_email_template(TemplateName=first_name)["TemplateContent"]["Subject"] == "Welcome aboard"
        assert "testing" not in first.output + second.output + third.output


def test_ses_without_credentials(ready_copy: Path, tmp_path: Path) -> None:
    env = {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_REGION": "eu-west-1",
           "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"), "AWS_CONFIG_FILE": str(tmp_path / "none"),
           "AWS_EC2_METADATA_DISABLED": "true"}  # fmt: skip
    result = CliRunner().invoke(
        cli, ["upload", str(ready_copy), "--esp", "ses", "--api-url", "http://127.0.0.1:9"], env=env
    )
    assert result.exit_code == 1
    assert "no AWS credentials for ses" in result.output


# provider -> the path of its listing of what the account holds (SES and Mailgun look each lesson up by name)
LISTINGS = {
    "kit": r"/v4/sequences", "postmark": r"/templates", "mailgun": None, "sendgrid": r"/v3/templates",
    "brevo": r"/v3/smtp/templates", "mailchimp": r"/templates", "mailerlite": r"/api/campaigns",
    "listmonk": r"/api/campaigns", "buttondown": r"/v1/emails",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(n for n, path in LISTINGS.items() if path))
def test_a_listing_of_1200_existing_items_is_paged_to_the_end(ready_copy: Path, name: str) -> None:
    spec = PROVIDERS[name]
    api = spec["fake"]()
    api.seed(1200)  # the account's own templates/emails come first; the course's land beyond the first page
    if name == "kit":
        api.page_cap = 3  # and a sequence whose 4 emails come in two pages
    env = spec["env"](api)
    with serve(api) as url:
        first = upload(ready_copy, name, url, env)
        assert first.exit_code == 0, first.output
        assert f"Done: {lesson_count(ready_copy)} created" in first.output
        writes = len(api.writes)
        second = upload(ready_copy, name, url, env)
    assert second.exit_code == 0, second.output
    assert "Done: 0 created" in second.output, second.output
    assert len(api.writes) == writes, "the second upload wrote something"
    assert api.pages_served(LISTINGS[name]) >= 4, "the listing was not paged"
    if name == "kit":
        assert len(api.sequences) == 1201
        assert api.pages_served(r"/v4/sequences/\d+/emails") >= 2


class _LoopingClient:
    """A provider that always says there is a next page, and always the same one."""

    label = "Loopy"

    def __init__(self) -> None:
        self.calls = 0
        self.last_request = ""

    def get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        self.calls += 1
        self.last_request = f"GET {path}"
        return {"items": [{"id": self.calls}], "pagination": {"has_next_page": True, "end_cursor": "same"}}


def test_a_listing_that_never_ends_stops_with_a_clear_error() -> None:
    from course.providers.http import ApiError
    from course.providers.paging import by_cursor, list_all

    client = _LoopingClient()
    with pytest.raises(ApiError, match="Loopy kept answering GET /things with more pages"):
        list_all(client, "/things", {}, by_cursor("items", "pagination.has_next_page", "pagination.end_cursor"))  # type: ignore[arg-type]
    assert client.calls == 2  # the second answer sent us back to the same page: no third request
