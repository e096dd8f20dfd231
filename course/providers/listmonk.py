"""listmonk (self-hosted): one draft campaign per lesson, using a bare campaign template so our HTML stays whole."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .base import ExportedLesson, Provider, dumps
from .paging import Paging, by_page_number, list_all
from .uploads import Action, Uploader, compared

PER_PAGE = 100
PAGES = by_page_number("data.results", total="data.total", size="per_page")  # lists and campaigns
ONE_PAGE = Paging("data", lambda page, query, seen: None)  # templates: one answer holds them all
BARE_TEMPLATE_NAME = "course: lesson as is"
BARE_TEMPLATE_BODY = '{{ template "content" . }}'


class ListmonkUploader(Uploader):
    """One draft campaign per lesson, matched by name, on the bare template `course: lesson as is`."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        user, token = credentials["LISTMONK_USERNAME"], credentials["LISTMONK_API_TOKEN"]
        self.api_client(
            "listmonk", api_url or credentials["LISTMONK_URL"], auth=(user, token),
            credential_names=["LISTMONK_USERNAME", "LISTMONK_API_TOKEN"], secret=token,
        )  # fmt: skip
        self.template_id: int | None = None
        self.list_ids: list[int] = []

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        templates = list_all(self.client, "/api/templates", {}, ONE_PAGE)
        bare = next((t for t in templates if t.get("name") == BARE_TEMPLATE_NAME), None)
        if bare is None:
            self.notes.append(f"template “{BARE_TEMPLATE_NAME}”: create")
        else:
            self.template_id = int(bare["id"])
        lists = list_all(self.client, "/api/lists", {"page": 1, "per_page": PER_PAGE}, PAGES)
        chosen = next((x for x in lists if x.get("name") == self.provider.course.title), lists[0] if lists else None)
        if chosen is not None:
            self.list_ids = [int(chosen["id"])]
            self.notes.append(f"campaigns are drafts on the list “{chosen.get('name')}”; change it before sending")
        query = {"page": 1, "per_page": PER_PAGE}

        def existing(lesson: ExportedLesson, body: dict[str, Any], remote: dict[str, Any]) -> Action:
            wanted = {k: body[k] for k in ("subject", "body", "altbody")}
            return compared(lesson, str(remote["id"]), remote, wanted, payload=body)

        return self.match_by_name(lessons, list_all(self.client, "/api/campaigns", query, PAGES), existing)

    def prepare(self) -> None:
        if self.template_id is None:
            created = self.client.json(
                "POST",
                "/api/templates",
                json={"name": BARE_TEMPLATE_NAME, "type": "campaign", "body": BARE_TEMPLATE_BODY},
            )
            self.template_id = int(created["data"]["id"])

    def apply(self, action: Action) -> str | None:
        body = {**action.payload, "template_id": self.template_id, "lists": self.list_ids}
        if action.verb == "create":
            return str(self.client.json("POST", "/api/campaigns", json=body)["data"]["id"])
        self.client.json("PUT", f"/api/campaigns/{action.remote_id}", json=body)
        return action.remote_id


class Listmonk(Provider):
    name = "listmonk"
    label = "listmonk"
    env = ("LISTMONK_URL", "LISTMONK_USERNAME", "LISTMONK_API_TOKEN")
    env_note = "the URL of your listmonk and an API user"
    sequences = "no (send each campaign on its day)"
    lands_as = "one draft campaign per lesson"
    uploader_class = ListmonkUploader
    literals = "go"  # Go templates: the author's {{ is written {{ `{{` }}
    tags: ClassVar[dict[str, str]] = {
        "first_name": '{{ .Subscriber.FirstName | default "{fallback}" }}',
        "email": "{{ .Subscriber.Email }}",
        "unsubscribe_url": "{{ UnsubscribeURL }}",
        "view_online_url": "{{ MessageURL }}",
        "preferences_url": "{{ UnsubscribeURL }}?manage=true",
    }
    notes = "- The greeting uses Sprig's `default`, which listmonk's templates include."

    def plan_notes(self) -> list[str]:
        return [f"template “{BARE_TEMPLATE_NAME}”: created if missing; campaigns are drafts on the list named like "
                "the course, else the first list"]  # fmt: skip

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """POST /api/campaigns (draft); `template_id` is the bare template's id, filled in at upload."""
        return {
            "name": lesson.name,
            "subject": lesson.subject,
            "lists": [],
            "from_email": f"{self.course.sender.name} <{self.course.sender.email}>",
            "type": "regular",
            "content_type": "html",
            "body": lesson.html,
            "altbody": lesson.text,
            "tags": [self.course.slug],
        }

    def extra_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        return {"template.json": dumps({"name": BARE_TEMPLATE_NAME, "type": "campaign", "body": BARE_TEMPLATE_BODY})}

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return """
1. *Campaigns → Templates → New*: create the template from `template.json` (its body is only
   `{{ template "content" . }}`, so listmonk adds no frame around the lesson's own layout).
2. For each lesson: *Campaigns → New*, subject from the table, format *Raw HTML*, template *course: lesson as is*,
   paste the `.html` file and, under *Plain text*, the `.txt` file. Or run `course upload --esp listmonk`.
3. listmonk has no drip: schedule each campaign for its day, or send lesson N with the transactional API.
"""
