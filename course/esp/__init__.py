"""The email providers, one module each; this registry is the only place that lists them."""

from __future__ import annotations

from .base import Provider
from .brevo import Brevo
from .buttondown import Buttondown
from .eml import EML
from .html import PlainHTML
from .kit import Kit
from .listmonk import Listmonk
from .mailchimp import Mailchimp
from .mailerlite import MailerLite
from .mailgun import Mailgun
from .postmark import Postmark
from .sendgrid import SendGrid
from .ses import SES

PROVIDERS: dict[str, type[Provider]] = {
    cls.name: cls
    for cls in (
        Mailchimp,
        Kit,
        MailerLite,
        Brevo,
        SendGrid,
        Postmark,
        SES,
        Mailgun,
        Listmonk,
        Buttondown,
        EML,
        PlainHTML,
    )
}


def provider_class(name: str) -> type[Provider]:
    from ..errors import CourseError

    try:
        return PROVIDERS[name.lower()]
    except KeyError:
        raise CourseError(
            f"unknown provider {name!r}; choose one of: {', '.join(PROVIDERS)} (see `course esps`)"
        ) from None
