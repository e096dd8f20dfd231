"""Mailchimp: Classic templates (`*|…|*` merge tags); the drip itself is a Customer Journey built in the UI."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from ..errors import CourseError
from .base import ExportedLesson, Provider, dumps
from .paging import by_offset, list_all
from .uploads import Action, Uploader

API_BASE = "https://{dc}.api.mailchimp.com/3.0"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same course gives byte-identical zips


class MailchimpUploader(Uploader):
    """One Classic (user) template per lesson, matched by name. Mailchimp's API does not return a template's HTML,
    so the upload's receipt (.course/uploads/) tells an unchanged lesson from an edited one."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        key = credentials["MAILCHIMP_API_KEY"]
        if not api_url and "-" not in key:
            raise CourseError("MAILCHIMP_API_KEY has no data-centre suffix (such as -us6); copy the whole key")
        base = api_url or API_BASE.format(dc=key.rsplit("-", 1)[-1])
        self.api_client("Mailchimp", base, auth=("course", key), credential_names=["MAILCHIMP_API_KEY"], secret=key)

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        query = {"type": "user", "count": 1000, "offset": 0}
        templates = list_all(self.client, "/templates", query, by_offset("templates", total="total_items"))
        return self.match_by_name(
            lessons, templates, lambda lesson, body, remote: self.by_receipt(lesson, str(remote["id"]), ["html"], body)
        )

    def apply(self, action: Action) -> str | None:
        if action.verb == "create":
            return str(self.client.json("POST", "/templates", json=action.payload)["id"])
        self.client.json("PATCH", f"/templates/{action.remote_id}", json=action.payload)
        return action.remote_id


class Mailchimp(Provider):
    name = "mailchimp"
    label = "Mailchimp"
    env = ("MAILCHIMP_API_KEY",)
    env_note = "its -us6-style suffix selects the server"
    sequences = "by hand (Customer Journey)"
    lands_as = "one Classic template per lesson"
    uploader_class = MailchimpUploader
    literals = "references"  # merge tags: the author's *| is written &#42;| in the HTML
    tags: ClassVar[dict[str, str]] = {
        "first_name": "*|IF:FNAME|**|FNAME|**|ELSE:|*{fallback}*|END:IF|*",
        "email": "*|EMAIL|*",
        "unsubscribe_url": "*|UNSUB|*",
        "view_online_url": "*|ARCHIVE|*",
        "preferences_url": "*|UPDATE_PROFILE|*",
    }
    notes = (
        "- Mailchimp has no inline fallback for a merge field, so the greeting uses a conditional merge tag: "
        "`*|IF:FNAME|**|FNAME|**|ELSE:|*there*|END:IF|*`.\n"
        "- Mailchimp's API cannot add emails to a journey, so the drip (delays between emails) is set up by hand."
    )

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        return {"name": lesson.name, "html": lesson.html}

    def extra_files(self, lessons: list[ExportedLesson]) -> dict[str, bytes]:
        files = {f"zip/{x.key}.zip": self.template_zip(x) for x in lessons}
        files["journey.json"] = dumps(
            {
                "journey": self.course.title,
                "trigger": "Contact joins the audience (or gets the course's tag)",
                "steps": [
                    {"order": x.number, "wait_days_before": x.delay_days, "template": x.name,
                     "subject": x.lesson.subject, "preview_text": x.lesson.preheader}
                    for x in lessons
                ],
            }
        )  # fmt: skip
        return files

    def template_zip(self, lesson: ExportedLesson) -> bytes:
        """index.html plus the images it uses from the course's assets/ folder, as Mailchimp's zip import wants."""
        html = lesson.html
        images: dict[str, bytes] = {}
        assets = self.course.root / "assets"
        for src in sorted(set(re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', html))):
            local = assets / Path(src).name
            if "/assets/" in src and local.is_file():
                images[f"images/{local.name}"] = local.read_bytes()
                html = html.replace(f'src="{src}"', f'src="images/{local.name}"')
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in [("index.html", html.encode("utf-8")), *sorted(images.items())]:
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        return buffer.getvalue()

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        return f"""
1. **Templates.** In Mailchimp open *Content → Email templates → Create template → Code your own → Import zip*.
   Upload `zip/{lessons[0].key}.zip` and name it “{lessons[0].name}”. Repeat for every zip in `zip/` (one per
   lesson). (`course upload --esp mailchimp` does this through the API instead.)
2. **Journey.** Open *Automations → Customer Journeys → Build from scratch*. Name it “{self.course.title}” and choose
   the starting point “Contact joins audience” (or “Tag added” if the course has its own tag).
3. For each lesson, in the order of the table above: add a **Time delay** step of *days after previous* days
   (skip it for lesson 1, which goes out at once), then a **Send email** step. In the email: *Subject* ← the
   subject, *Preview text* ← the preheader, *Design email → Saved templates* ← the lesson's template.
4. `journey.json` lists the same steps for reference. Turn the journey on when every email is reviewed.
"""
