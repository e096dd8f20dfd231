"""The email providers, one module each; this registry is the only place that lists them."""

from __future__ import annotations

from ..errors import CourseError
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


__all__ = ["PROVIDERS", "Provider", "provider_class", "provider_lines", "providers_table"]


# what users still call a provider that changed its name, or by its company's name
FORMER_NAMES = {
    "convertkit": "kit", "sendinblue": "brevo", "amazon-ses": "ses", "aws-ses": "ses", "amazonses": "ses",
    "awsses": "ses", "amazon": "ses", "aws": "ses", "mailerlite-classic": "mailerlite",
}  # fmt: skip


def provider_class(name: str) -> type[Provider]:
    try:
        return PROVIDERS[name.lower()]
    except KeyError:
        import difflib  # here, not at the top: only a mistyped name needs it

        key = name.lower().replace(" ", "-").replace("_", "-")
        meant = FORMER_NAMES.get(key) or next(iter(difflib.get_close_matches(key, PROVIDERS, n=1, cutoff=0.75)), None)
        hint = f"did you mean {meant!r}? " if meant else ""
        raise CourseError(
            f"unknown provider {name!r}; {hint}choose one of: {', '.join(PROVIDERS)} (see `course esps`)"
        ) from None


def provider_lines() -> list[str]:
    """The table `course esps` prints: each provider, what it supports and the variables its upload reads."""
    lines = [f"{'NAME':<11} {'EXPORT':<7} {'UPLOAD':<7} {'SEQUENCES':<35} {'LANDS AS':<42} ENVIRONMENT"]
    for name, provider in PROVIDERS.items():
        upload = "yes" if provider.can_upload else "no"
        env = ", ".join(provider.env) or "-"
        env += f" ({provider.env_note})" if provider.env_note else ""
        lines.append(f"{name:<11} {'yes':<7} {upload:<7} {provider.sequences:<35} {provider.lands_as:<42} {env}")
    return lines


def providers_table() -> str:
    """The README's table of providers (Markdown), from the same attributes `course esps` prints."""
    lines = [
        "| provider | upload creates | drip with delays | environment variables |",
        "|---|---|---|---|",
    ]
    for name, provider in PROVIDERS.items():
        creates = provider.lands_as if provider.can_upload else f"export only: {provider.lands_as}"
        env = ", ".join(f"`{variable}`" for variable in provider.env) or "—"
        if provider.env_note:
            env += f" ({provider.env_note})"
        lines.append(f"| `{name}` | {creates} | {provider.sequences} | {env} |")
    return "\n".join(lines) + "\n"
