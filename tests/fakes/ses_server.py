"""moto's real server, plus the SES v2 email-template routes it lacks, backed by moto's own v1 template store.

In AWS, v1 templates and v2 email templates are one store (shared/reference/esp.md §7.x), so the added routes
read and write moto's v1 templates: the real boto3 `sesv2` client talks to them, and `ses.list_templates()`
sees the same templates.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

ACCOUNT = "123456789012"
TEMPLATE_PATH = re.compile(r"^/v2/email/templates(?:/(?P<name>[^/]+))?/?$")


def _backend(request: Request) -> Any:
    from moto.ses.models import ses_backends

    scope = re.search(r"Credential=[^/]+/\d+/(?P<region>[^/]+)/", request.headers.get("Authorization", ""))
    return ses_backends[ACCOUNT][scope.group("region") if scope else "us-east-1"]


def _error(status: int, kind: str, message: str) -> Response:
    return Response(json.dumps({"message": message}), status, {"x-amzn-ErrorType": kind}, mimetype="application/json")


def _template_info(name: str, content: dict[str, str]) -> dict[str, Any]:
    """A v2 TemplateContent in the shape moto's v1 store keeps."""
    from moto.core.utils import utcnow

    return {
        "template_name": name,
        "subject_part": content.get("Subject", ""),
        "text_part": content.get("Text", ""),
        "html_part": content.get("Html", ""),
        "Timestamp": utcnow(),
    }


def _v2_templates(request: Request, name: str | None) -> Response:
    from moto.ses.exceptions import TemplateDoesNotExist, TemplateNameAlreadyExists

    backend = _backend(request)
    if name is None and request.method == "GET":
        items = [{"TemplateName": t["template_name"]} for t in backend.list_templates()]
        return Response(json.dumps({"TemplatesMetadata": items}), 200, mimetype="application/json")
    if name is None and request.method == "POST":
        body = request.get_json(force=True)
        for key in ("TemplateName", "TemplateContent"):
            if key not in body:
                return _error(400, "BadRequestException", f"{key} is required")
        content = body["TemplateContent"]
        info = _template_info(body["TemplateName"], content)
        try:
            backend.add_template(info)
        except TemplateNameAlreadyExists:
            return _error(400, "AlreadyExistsException", f"Template {body['TemplateName']} already exists")
        return Response("{}", 200, mimetype="application/json")
    if name is not None and request.method == "GET":
        try:
            found = backend.get_template(name)
        except TemplateDoesNotExist:
            return _error(404, "NotFoundException", f"Template {name} does not exist")
        content = {"Subject": found["subject_part"], "Text": found["text_part"], "Html": found["html_part"]}
        return Response(
            json.dumps({"TemplateName": name, "TemplateContent": content}), 200, mimetype="application/json"
        )
    if name is not None and request.method == "PUT":
        content = request.get_json(force=True).get("TemplateContent", {})
        info = _template_info(name, content)
        try:
            backend.update_template(info)
        except TemplateDoesNotExist:
            return _error(404, "NotFoundException", f"Template {name} does not exist")
        return Response("{}", 200, mimetype="application/json")
    if name is not None and request.method == "DELETE":
        backend.delete_template(name)
        return Response("{}", 200, mimetype="application/json")
    return _error(405, "BadRequestException", "method not allowed")


class _App:
    def __init__(self) -> None:
        from moto.server import DomainDispatcherApplication, create_backend_app

        self.moto = DomainDispatcherApplication(create_backend_app)
        self.requests: list[tuple[str, str]] = []

    def __call__(self, environ: dict, start_response: Any) -> Any:
        request = Request(environ)
        self.requests.append((request.method, request.path))
        match = TEMPLATE_PATH.match(request.path)
        if match:
            return _v2_templates(request, match.group("name"))(environ, start_response)
        return self.moto(environ, start_response)


@contextmanager
def ses_server() -> Iterator[tuple[str, _App]]:
    """Start the server on a free loopback port; yields its URL and the app (which records the requests)."""
    from moto.core.models import reset_model_data

    reset_model_data()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = _App()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", app
    finally:
        server.shutdown()
        thread.join()
