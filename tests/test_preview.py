"""`course preview` in real headless Chromium: overview, lesson view, live reload, errors, and path safety."""

from __future__ import annotations

import http.client
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.preview import RunningPreview, safe_path, start_preview

from .browser import SCREENSHOTS
from .conftest import SEED, run


@pytest.fixture
def preview(course_copy: Path) -> Iterator[RunningPreview]:
    running = start_preview(course_copy, host="127.0.0.1", port=0)
    try:
        yield running
    finally:
        running.stop()


def _lesson_file(course: Path, number: int) -> Path:
    return sorted((course / "lessons").glob("*.md"))[number - 1]


def test_overview_lists_every_lesson_and_links_to_each(browser, preview: RunningPreview, course_copy: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(preview.url)
        rows = preview.state.snapshot.rows
        for row in rows:
            link = page.locator("#inbox").get_by_role("link", name=row["subject"], exact=True)
            assert link.get_attribute("href") == f"/lessons/{row['number']}"
            assert row["preheader"] in page.content().replace("&#39;", "'").replace("&#x27;", "'")
        assert page.locator(".timeline .stop").count() == len(rows)
        page.locator("#inbox").get_by_role("link", name=rows[1]["subject"], exact=True).click()
        page.wait_for_url(f"{preview.url}/lessons/2")
        assert page.frame_locator("#email").locator("h1").inner_text() == rows[1]["title"]
    finally:
        page.close()


def test_lesson_view_switches_width_view_and_dialect(browser, preview: RunningPreview) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto(f"{preview.url}/lessons/1")
        frame = page.locator("#email")
        page.get_by_role("button", name="Phone").click()
        assert frame.bounding_box()["width"] == pytest.approx(375, abs=2)
        page.keyboard.press("d")
        assert frame.bounding_box()["width"] == pytest.approx(640, abs=2)
        assert page.locator("#text").is_visible(), "the plain-text twin shows beside the HTML"
        page.get_by_role("button", name="Source").click()
        assert page.locator("#source").is_visible() and not page.locator("#text").is_visible()
        assert "&lt;!doctype html&gt;" in page.locator("#source").inner_html()
        page.get_by_role("button", name="Plain text").click()
        assert page.locator("#text").is_visible() and "Hi Sam," in page.locator("#text").inner_text()
        page.keyboard.press("h")
        page.select_option("#dialect", "kit")
        page.wait_for_function("document.getElementById('email').src.includes('dialect=kit')")
        page.frame_locator("#email").locator("text=subscriber.first_name").first.wait_for(timeout=10_000)
        page.wait_for_function("document.getElementById('text').textContent.includes('subscriber.first_name')")
        assert "Hi Sam," not in page.locator("#text").text_content(), "the text twin follows the merge tags"
        page.screenshot(path=str(SCREENSHOTS / "preview-lesson-1.png"))
        page.keyboard.press("ArrowRight")
        page.wait_for_url(f"{preview.url}/lessons/2")
    finally:
        page.close()


def test_saved_edit_appears_without_a_reload(browser, preview: RunningPreview, course_copy: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{preview.url}/lessons/1")
        lesson = _lesson_file(course_copy, 1)
        sentence = "This sentence was added while the preview was open."
        rendered_before = preview.state.rendered_total
        start = time.monotonic()
        lesson.write_text(lesson.read_text() + f"\n{sentence}\n")
        page.frame_locator("#email").locator(f"text={sentence}").wait_for(timeout=10_000)
        assert time.monotonic() - start < 2.0
        page.get_by_text(sentence).first.wait_for(timeout=10_000)  # the text twin beside the HTML, in the page itself
        assert sentence in page.locator("body").inner_text()
        assert preview.state.rendered_total - rendered_before == 1, "only the edited lesson is rendered again"
    finally:
        page.close()


def test_email_page_opened_directly_also_follows_edits(browser, preview: RunningPreview, course_copy: Path) -> None:
    row = preview.state.snapshot.rows[0]
    page = browser.new_page()
    try:
        page.goto(f"{preview.url}/{row['html']}")
        lesson = _lesson_file(course_copy, 1)
        lesson.write_text(lesson.read_text() + "\nAnother sentence, added later.\n")
        page.locator("text=Another sentence, added later.").wait_for(timeout=10_000)  # a loaded machine is slow
    finally:
        page.close()
    built = (preview.state.out / row["html"]).read_text()
    assert "EventSource" not in built, "the reload script must never be written into the built files"


def test_a_broken_file_shows_its_error_and_recovers(browser, preview: RunningPreview, course_copy: Path) -> None:
    page = browser.new_page()
    lesson = _lesson_file(course_copy, 2)
    good = lesson.read_text()
    try:
        page.goto(f"{preview.url}/lessons/2")
        lesson.write_text(good.replace("---\n", "---\nday: [oops\n", 1))
        error = page.locator("#error")
        error.wait_for(state="visible", timeout=10_000)
        assert lesson.name in error.inner_text()
        assert page.frame_locator("#email").locator("h1").is_visible(), "the last good email stays on screen"
        lesson.write_text(good)
        error.wait_for(state="hidden", timeout=10_000)
    finally:
        page.close()


def _raw_get(url: str, path: str) -> tuple[int, bytes]:
    host, port = re.match(r"http://([^:/]+):(\d+)", url).groups()
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.mark.parametrize(
    "path",
    ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%2f..%2fetc/passwd",
     "/%252e%252e/%252e%252e/etc/passwd", "//etc/passwd", "/etc/passwd", "/nothing-here.html"],
)  # fmt: skip
def test_paths_outside_the_build_are_not_served(preview: RunningPreview, path: str) -> None:
    status, body = _raw_get(preview.url, path)
    assert status == 404
    assert b"root:" not in body


def test_symlinks_out_of_the_build_are_refused(preview: RunningPreview, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not serve")
    (preview.state.out / "link.txt").symlink_to(secret)
    assert safe_path(preview.state.out, "/link.txt") is None
    status, body = _raw_get(preview.url, "/link.txt")
    assert status == 404 and b"do not serve" not in body


def test_listens_on_loopback_by_default(preview: RunningPreview) -> None:
    assert preview.server.server_address[0] == "127.0.0.1"


def test_non_loopback_host_warns(course_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from course import preview as module
    from course.errors import CourseError

    calls = []

    def fake_start(root, host, port):
        calls.append(host)
        raise CourseError("stopping here")

    monkeypatch.setattr(module, "start_preview", fake_start)  # the command imports it from course.preview
    result = run("preview", str(course_copy), "--host", "0.0.0.0", "--no-open")
    assert calls == ["0.0.0.0"]
    assert "Warning: listening on 0.0.0.0" in result.output


def test_preview_of_a_missing_course(tmp_path: Path) -> None:
    result = run("preview", str(tmp_path / "nope"), "--no-open")
    assert result.exit_code == 1 and "no such folder" in result.output


def test_the_preview_follows_a_course_folder_that_is_replaced(preview: RunningPreview, course_copy: Path) -> None:
    import shutil

    assert len(preview.state.snapshot.course.lessons) == 5
    shutil.rmtree(course_copy)
    deadline = time.monotonic() + 5
    while "no such folder" not in (preview.state.error or "") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "no such folder" in (preview.state.error or "")
    assert run("split", str(SEED), "-o", str(course_copy), "-n", "3").exit_code == 0
    while preview.state.error is not None and time.monotonic() < deadline + 5:
        time.sleep(0.05)
    assert preview.state.error is None
    assert len(preview.state.snapshot.course.lessons) == 3
