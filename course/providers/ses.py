"""Amazon SES (v2): one email template per lesson, as `aws sesv2 create-email-template --cli-input-json` takes."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, ClassVar

from ..errors import CourseError
from ..model import Lesson
from .base import ExportedLesson, Provider
from .uploads import Action, Uploader, compared


class SESUploader(Uploader):
    """One SES v2 email template per lesson, by name, through boto3 (v1 and v2 templates are one store)."""

    def __init__(self, provider: Provider, credentials: Mapping[str, str], api_url: str | None, **options: Any):
        super().__init__(provider, credentials, api_url, **options)
        import boto3
        from botocore.config import Config

        config = Config(retries={"max_attempts": 5, "mode": "standard"}, connect_timeout=10, read_timeout=30)
        try:
            region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None
            session = boto3.session.Session(region_name=region)
            self.client = session.client("sesv2", endpoint_url=api_url or None, config=config)
        except Exception as exc:  # botocore raises NoRegionError and friends at client creation
            raise _aws_error(exc) from None

    def _call(self, operation: str, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, operation)(**kwargs)
        except Exception as exc:
            raise _aws_error(exc) from None

    def plan(self, lessons: list[ExportedLesson]) -> list[Action]:
        actions = []
        for lesson in lessons:
            desired = {"Subject": lesson.subject, "Text": lesson.text, "Html": lesson.html}
            try:
                remote = self.client.get_email_template(TemplateName=lesson.key)["TemplateContent"]
            except self.client.exceptions.NotFoundException:
                actions.append(Action(lesson, "create", lesson.key, payload=desired))
                continue
            except Exception as exc:
                raise _aws_error(exc) from None
            actions.append(compared(lesson, lesson.key, remote, desired, payload=desired))
        return actions

    def apply(self, action: Action) -> str | None:
        operation = "create_email_template" if action.verb == "create" else "update_email_template"
        self._call(operation, TemplateName=action.remote_id, TemplateContent=action.payload)
        return action.remote_id  # SES names a template by our key


def _aws_error(exc: Exception) -> CourseError:
    """botocore's exceptions as one line that says what to do."""
    name = type(exc).__name__
    if name in ("NoCredentialsError", "PartialCredentialsError"):
        return CourseError(
            "no AWS credentials for ses: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)"
        )
    if name == "NoRegionError":
        return CourseError("no AWS region for ses: set AWS_REGION (e.g. AWS_REGION=eu-west-1)")
    if name in ("EndpointConnectionError", "ConnectTimeoutError", "ConnectionClosedError"):
        return CourseError(f"cannot reach Amazon SES ({exc}); check your connection, or --api-url")
    code = getattr(exc, "response", {}).get("Error", {}).get("Code", "") if hasattr(exc, "response") else ""
    if code in (
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "SignatureDoesNotMatch",
        "InvalidSignatureException",
    ):
        return CourseError(
            "AWS rejected the credentials: the key in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; check them"
        )
    if code in ("AccessDeniedException", "AccessDenied"):
        return CourseError("AWS refused: the credentials lack ses:CreateEmailTemplate / ses:UpdateEmailTemplate")
    if code in ("TooManyRequestsException", "Throttling", "LimitExceededException"):
        return CourseError(f"Amazon SES refused more requests ({code}); wait a minute and rerun")
    if code:
        return CourseError(f"Amazon SES answered {code}: {exc}")
    return CourseError(f"Amazon SES failed: {exc}")


class SES(Provider):
    name = "ses"
    label = "Amazon SES"
    env = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION")
    env_note = "or anything else the AWS chain reads: AWS_DEFAULT_REGION, profiles, ~/.aws"
    sequences = "no (your app sends each lesson)"
    lands_as = "one email template per lesson, by name"
    uploader_class = SESUploader
    literals = "handlebars"  # Handlebars: the author's {{ is written \{{
    tags: ClassVar[dict[str, str]] = {
        "first_name": "{{#if first_name}}{{first_name}}{{else}}{fallback}{{/if}}",
        "email": "{{email}}",
        "unsubscribe_url": "{{amazonSESUnsubscribeUrl}}",
    }
    notes = (
        "- `{{amazonSESUnsubscribeUrl}}` is replaced by SES only when you send with `ListManagementOptions` "
        "(a contact list and topic); SES then also adds the one-click List-Unsubscribe headers.\n"
        "- Credentials come from the standard AWS chain (environment, `~/.aws`, a profile via AWS_PROFILE)."
    )

    def credentials(self, environ: Mapping[str, str]) -> dict[str, str]:
        return {}  # boto3 reads the standard AWS chain itself (environment, ~/.aws, profiles)

    def key(self, lesson: Lesson) -> str:
        return re.sub(r"[^A-Za-z0-9_-]", "-", super().key(lesson))[:64]

    def request_body(self, lesson: ExportedLesson) -> dict[str, Any]:
        """CreateEmailTemplate: {TemplateName, TemplateContent: {Subject, Text, Html}}."""
        return {
            "TemplateName": lesson.key,
            "TemplateContent": {"Subject": lesson.subject, "Text": lesson.text, "Html": lesson.html},
        }

    def import_steps(self, lessons: list[ExportedLesson]) -> str:
        first = lessons[0].html_file.removesuffix(".html")
        return f"""
1. For each lesson: `aws sesv2 create-email-template --cli-input-json file://{first}.json` (and the other
   `NN-….json` files); to change one later, `aws sesv2 update-email-template --cli-input-json file://…`.
   `course upload --esp ses` does both, creating or updating by name.
2. Send lesson N on its day with `aws sesv2 send-email` / `SendEmail` using `Content.Template.TemplateName` =
   the template name in `sequence.csv`, `TemplateData` = {{"first_name": …}}, and `ListManagementOptions` so
   SES fills in the unsubscribe link.
"""
