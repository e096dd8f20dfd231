"""The `course` command line: a thin Click layer that parses options and calls one library function each.

Each command imports its implementation when it runs, not when this module loads: `course --help` then costs
little more than Click itself, and `course split` never loads the renderer, the providers or premailer. This is
the one module allowed to import the rest of the package inside functions (tests/test_architecture.py).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, Any

import click

from . import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from .model import Course


class _PathType(click.ParamType):
    """A file or folder argument as a pathlib.Path (imported on first use: pathlib costs --help a few ms)."""

    name = "path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        from pathlib import Path

        return value if isinstance(value, Path) else Path(value)


PATH = _PathType()


class CourseGroup(click.Group):
    """Every failure ends as one line `Error: …` with exit code 1 (2 for bad usage), never a traceback."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:  # fmt: skip
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name or "course", complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            click.echo(f"Error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"Error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Error: aborted", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:
            if os.environ.get("COURSE_DEBUG"):
                raise
            click.echo(
                f"Error: unexpected {type(exc).__name__}: {exc} (this is a bug in course; rerun with COURSE_DEBUG=1 "
                "for the traceback and report it)",
                err=True,
            )
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _help_width() -> int:
    """The width --help is wrapped to (what click would ask shutil for, which costs --help 2 ms to import)."""
    try:
        columns = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (ValueError, OSError, AttributeError):
        columns = 80
    return max(min(columns, 100) - 2, 50)


@click.group(cls=CourseGroup, context_settings={"help_option_names": ["-h", "--help"], "terminal_width": _help_width()})
@click.version_option(__version__, prog_name="course")
@click.option("-v", "--verbose", is_flag=True, help="Say more about what happens.")
def cli(verbose: bool) -> None:
    """Turn an article into an email course.

    \b
    Example:
      course split article.txt -o my-course     # the article becomes lessons in Markdown
      course build my-course                    # each lesson becomes an HTML email and a text twin
    """
    from .console import show_log_messages

    show_log_messages(verbose)


@cli.command()
@click.argument("article")
@click.option("-o", "--output", "out", type=PATH, help="Course folder (default: ./<slug of the title>).")
@click.option(
    "-n", "--lessons", type=int, help="Exact number of lessons (default: chosen from the article, 3–7, more if long)."
)
@click.option("--title", help="Course title (default: the article's title).")
@click.option("--author", help="Author (default: the article's byline or front matter).")
@click.option("--base-url", help="Resolve the article's relative links and images against this URL.")
@click.option("--force", is_flag=True, help="Replace the lessons of an existing course folder (course.toml is kept).")
@click.option(
    "--discard-edits", is_flag=True,
    help="With --force: replace lessons edited since the last split too (copies go to DIR/.course/backup/).",
)  # fmt: skip
@click.option(
    "--pin-days", is_flag=True, help="Write each lesson's day into its front matter (default: [schedule] decides)."
)
def split(article: str, out: Path | None, lessons: int | None, title: str | None, author: str | None,
          base_url: str | None, force: bool, discard_edits: bool, pin_days: bool) -> None:  # fmt: skip
    """Split ARTICLE into lessons: DIR/course.toml and DIR/lessons/NN-<slug>.md.

    ARTICLE is a .txt, .md/.markdown, .rst, .html/.htm, Word .docx or Jupyter .ipynb file, a .zip export of one
    of them with its pictures (Notion, Google Docs), an http(s) URL (a Google Doc, GitHub or Dropbox link is
    fetched as the document itself), or - for standard input.

    \b
    Example:
      course split sales-manager-or-leader.txt -o sales-course
      course split https://example.com/blog/post -n 5 --force
    """
    from .split import split_to_project
    from .text import diagram_kinds, plural

    result = split_to_project(
        article, out=out, lessons=lessons, title=title, author=author, base_url=base_url, force=force,
        discard_edits=discard_edits, pin_days=pin_days,
    )  # fmt: skip
    click.echo(f"{'No':>3}  {'Day':>3}  {'Title':<52} {'Words':>5}  {'Min':>3}")
    for lesson in result.plan:
        click.echo(
            f"{lesson.number:>3}  {lesson.day:>3}  {_fit(lesson.title, 52)} {lesson.words:>5}  {lesson.minutes:>3}"
        )
    kept = " (kept the existing course.toml)" if result.kept_settings else ""
    click.echo(f"\nWrote {plural(len(result.plan), 'lesson')} to {result.root / 'lessons'}{kept}.")
    if result.backup is not None:
        click.echo(f"The lessons it replaced are in {result.backup}.")
    if lessons is None and len(result.plan) < 3:
        total = sum(lesson.words for lesson in result.plan)
        click.echo(
            f"The article has {plural(total, 'word')}: too few for three lessons worth sending, so it made "
            f"{plural(len(result.plan), 'lesson')}; add to it, or choose the count with -n."
        )
    if result.draft:
        click.echo(
            "The article's front matter marks it as a draft (draft: true): make sure it is finished, and read each "
            "lesson, before the course goes out."
        )
    if result.unpunctuated:
        click.echo(
            "The article has almost no full stops (an automatic transcript?): titles, subjects, preheaders and the "
            "cuts between lessons fall at sentences, so add the punctuation and split again."
        )
    diagrams = {lesson.number: kinds for lesson in result.plan if (kinds := diagram_kinds(lesson.markdown))}
    if diagrams:
        where = ", ".join(f"{' and '.join(kinds)} in lesson {number}" for number, kinds in diagrams.items())
        click.echo(
            f"The article draws diagrams from their source ({where}), which no email client does: readers would get "
            "the source as code. Export each as a picture, put it online and write ![what it shows](https://…) in "
            "its place; course check points at each."
        )
    embedded = result.left_out.count("embedded image")
    inserted = [item for item in result.left_out if item.startswith(("file ", "raw ", "directive "))]
    headers = [item.split(" ", 1)[1] for item in result.left_out if item.startswith("header ")]
    relative = [
        item
        for item in result.left_out
        if item != "embedded image" and item not in inserted and not item.startswith("header ")
    ]
    if headers:
        click.echo(
            f"Left out the article's front matter, {headers[0]}: its title, author and language were not read. Fix "
            "it and split again to keep them."
        )
    if relative:
        images = sum(item.startswith("image ") for item in relative)
        counts = [plural(n, kind) for n, kind in ((images, "image"), (len(relative) - images, "link")) if n]
        addresses = list(dict.fromkeys(item.split(" ", 1)[1] for item in relative))  # each once
        shown = ", ".join(addresses[:3]) + (", …" * (len(addresses) > 3))
        words = " (a link's words stay)" if images < len(relative) else ""
        it = "it" if len(relative) == 1 else "them"
        click.echo(
            f"Left out {' and '.join(counts)} with a relative address ({shown}){words}: no reader could open {it}. "
            f"Split again with --base-url <the article's address> to keep {it}."
        )
    if result.pictures:
        it = "it" if len(result.pictures) == 1 else "them"
        click.echo(
            f"Left out {plural(len(result.pictures), 'picture')} of {result.pictures_of}, saved in "
            f"{result.pictures_dir}/ ({', '.join(result.pictures)}): put that folder online and split again with "
            f"--base-url <its address>/ to keep {it}."
        )
    if embedded:
        it = "it" if embedded == 1 else "them"
        click.echo(
            f"Left out {plural(embedded, 'picture')} embedded in the article (a data: address, which email clients "
            f"block): put {it} online and add {it} to the lessons as ![what it shows](https://…)."
        )
    if inserted:
        files = [item.split(" ", 1)[1] for item in inserted if item.startswith("file ")]
        raw = sum(item.startswith("raw ") for item in inserted)
        unknown = list(dict.fromkeys(item.split(" ", 1)[1] for item in inserted if item.startswith("directive ")))
        blocks = len(inserted) - len(files) - raw
        parts = [f"{plural(len(files), 'file')} it includes ({', '.join(files)})"] if files else []
        parts += [f"{plural(raw, 'raw HTML block')}"] if raw else []
        parts += [f"{plural(blocks, 'block')} of directives docutils does not know ({', '.join(unknown)})"] * bool(
            blocks
        )
        reasons = ["reads the article alone"] * bool(files) + ["passes no raw HTML into an email"] * bool(raw)
        reasons += ["reads reStructuredText as docutils does, without a site's extensions"] * bool(blocks)
        click.echo(
            f"Left out {' and '.join(parts)}: course {' and '.join(reasons)}; paste what they should show into the "
            "article and split again."
        )
    if not result.kept_settings:
        click.echo(
            f"Edit {result.root / 'course.toml'} (sender and postal address), then: course preview {result.root} "
            f"(live) or course build {result.root}"
        )


def _fit(text: str, width: int) -> str:
    """Text cut and padded to `width` terminal columns (a Chinese or Japanese character takes two)."""
    from .text import display_width

    if display_width(text) > width:
        kept = 0
        while display_width(text[: kept + 1]) <= width - 1:
            kept += 1
        text = text[:kept] + "…"
    return text + " " * (width - display_width(text))


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option("-o", "--output", "out", type=PATH, help="Output folder (default: DIR/build).")
@click.option(
    "--esp", "esps", multiple=True, metavar="NAME", help="Also write OUT/NAME/ with that email provider's merge tags."
)
@click.option("--clean", is_flag=True, help="Also remove files in the output folder that this build did not write.")
@click.option("--keep-mjml", is_flag=True, help="Also write OUT/NN-<slug>.mjml: the MJML each email was compiled from.")
def build(directory: Path, out: Path | None, esps: tuple[str, ...], clean: bool, keep_mjml: bool) -> None:
    """Build every lesson into a responsive HTML email and a plain-text twin.

    Writes OUT/NN-<slug>.html and .txt (merge fields show sample values), OUT/index.html (a gallery of
    the whole course) and OUT/sequence.json. The last line printed is the gallery's path.

    \b
    Example:
      course build sales-course
      course build sales-course -o /tmp/preview --clean
      course build sales-course --esp kit --esp mailchimp
    """
    from .build import build_course
    from .text import plural

    providers = []
    if esps:  # only then: a build without --esp imports none of the providers' clients
        from .providers import provider_class

        providers = [provider_class(name) for name in esps]
    result = build_course(directory, out=out, clean=clean, providers=providers, keep_mjml=keep_mjml)
    for row in result.lessons:
        click.echo(f"{row['number']:>3}  day {row['day']:>2}  {row['html']}  {row['text']}")
    click.echo(f"Built {plural(len(result.lessons), 'lesson')} into {result.out}; open the gallery:")
    click.echo(str(result.index.resolve()))


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option("--esp", "provider", required=True, metavar="NAME", help="The email provider (see `course esps`).")
@click.option("-o", "--output", "out", type=PATH, help="Output folder (default: DIR/dist/NAME).")
@click.option(
    "--allow-placeholders", is_flag=True, help="Export even with example values in course.toml (IMPORT.md says so)."
)
def export(directory: Path, provider: str, out: Path | None, allow_placeholders: bool) -> None:
    """Write what a provider's users import: the lessons with its merge tags, its own files and IMPORT.md.

    Every export also has sequence.json, sequence.csv (order, day, delay, subject, preheader, files) and
    IMPORT.md, a step-by-step guide for that provider.

    \b
    Example:
      course export sales-course --esp postmark        # -> sales-course/dist/postmark/<alias>/meta.json …
      course export sales-course --esp eml -o /tmp/eml  # one .eml file per lesson
    """
    from .export import export_course
    from .text import plural

    result = export_course(directory, provider, out=out, allow_placeholders=allow_placeholders)
    click.echo(
        f"Exported {plural(result.lessons, 'lesson')} for {result.provider} ({plural(len(result.files), 'file')}) "
        f"to {result.out}"
    )
    click.echo(f"Next: follow {result.out / 'IMPORT.md'}")


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option("--esp", "provider", required=True, metavar="NAME", help="The email provider (see `course esps`).")
@click.option("--plan", "offline", is_flag=True, help="Show what would be uploaded, from the sources alone: offline.")
@click.option("--dry-run", is_flag=True, help="Compare with what the provider holds and show the plan; change nothing.")
@click.option("--api-url", metavar="URL", help="Replace the provider's base URL (self-hosted, EU region, sandbox).")
@click.option("--publish", is_flag=True, help="Publish the emails (Kit) instead of leaving them as drafts.")
@click.option("--yes", is_flag=True, help="Do not ask before publishing into a sequence that has subscribers.")
@click.option("--allow-placeholders", is_flag=True, help="Upload even with example values in course.toml.")
def upload(directory: Path, provider: str, offline: bool, dry_run: bool, api_url: str | None, publish: bool,
           yes: bool, allow_placeholders: bool) -> None:  # fmt: skip
    """Create or update the course on a provider through its API; a second run creates nothing new.

    First shows the plan (lesson -> create / update / unchanged), then applies it. Credentials come only
    from the environment variables that `course esps` lists.

    \b
    Example:
      course upload sales-course --esp kit --plan                  # offline: what would be uploaded
      KIT_API_KEY=… course upload sales-course --esp kit --dry-run
      POSTMARK_SERVER_TOKEN=… course upload sales-course --esp postmark
    """
    from .upload import UploadSession

    session = UploadSession(
        directory, provider, api_url=api_url, publish=publish, allow_placeholders=allow_placeholders
    )
    if offline:
        click.echo("\n".join(session.offline_plan()))
        return
    session.plan(dry_run=dry_run)
    click.echo("\n".join(session.plan_lines()))
    if dry_run:
        session.close()
        click.echo("Dry run: nothing was changed.")
        return
    question = session.question()
    if question and not yes:
        if not sys.stdin.isatty():
            raise click.ClickException(f"{question.removesuffix(' Publish?')} Pass --yes to publish.")
        if not click.confirm(question, default=False):
            raise click.ClickException("nothing was uploaded: publishing was not confirmed")
    if session.pending:
        with click.progressbar(length=len(session.pending), label="Uploading", file=sys.stderr) as bar:
            for _ in session.apply():
                bar.update(1)
    else:
        for _ in session.apply():  # nothing to write: the receipt still records what is there
            pass
    click.echo(session.summary())


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option("--move", "move", type=int, metavar="N", help="Move lesson N (to the place --to gives).")
@click.option("--to", "to", type=int, metavar="M", help="With --move: its new number.")
@click.option("--add", "add", metavar="TITLE", help="Add a lesson with this title (at the end, or after --after N).")
@click.option("--after", "after", type=int, metavar="N", help="With --add: after lesson N (0: first).")
@click.option(
    "--remove", "remove", type=int, metavar="N", help="Remove lesson N (a copy is kept in DIR/.course/backup/)."
)
@click.option("--unpin", is_flag=True, help="Remove every lesson's own `day:` so that [schedule] decides them all.")
def lessons(directory: Path, move: int | None, to: int | None, add: str | None, after: int | None,
            remove: int | None, unpin: bool) -> None:  # fmt: skip
    """List the lessons, or move, add or remove one: the files are renumbered and every other lesson's text is
    left byte for byte as it was.

    \b
    Example:
      course lessons sales-course
      course lessons sales-course --move 3 --to 5
      course lessons sales-course --add "A worked example" --after 2
      course lessons sales-course --remove 4
      course lessons sales-course --unpin        # [schedule] decides every lesson's day
    """
    from .arrange import add_lesson, move_lesson, remove_lesson, unpin_days
    from .project import load_project
    from .text import plural

    options = (("--move", move), ("--add", add), ("--remove", remove), ("--unpin", unpin or None))
    chosen = [name for name, value in options if value is not None]
    if len(chosen) > 1:
        raise click.UsageError(f"choose one of {' and '.join(chosen)}")
    if (to is not None) != (move is not None):
        raise click.UsageError("--move N and --to M go together")
    if after is not None and add is None:
        raise click.UsageError("--after goes with --add")
    backup = None
    if move is not None and to is not None:
        done = move_lesson(directory, move, to)
        said = f"Moved lesson {move} to {to}."
    elif add is not None:
        done = add_lesson(directory, add, after)
        said = f"Added “{add.strip()}”; write it in its file."
    elif remove is not None:
        done, backup = remove_lesson(directory, remove)
        said = f"Removed lesson {remove}."
    elif unpin:
        done = unpin_days(directory)
        _lessons_table(done.course)
        click.echo(f"\nUnpinned {plural(len(done.renamed), 'lesson')}: [schedule] in course.toml decides every day.")
        return
    else:
        _lessons_table(load_project(directory))
        return
    _lessons_table(done.course)
    renamed = f" {plural(len(done.renamed), 'file')} renamed; the other lessons are untouched."
    click.echo(f"\n{said}{renamed if done.renamed else ''}")
    if backup is not None:
        click.echo(f"A copy of the removed lesson is in {backup}.")
    if done.note:
        click.echo(f"Note: {done.note}.")


def _lessons_table(course: Course) -> None:
    from .project import LESSONS_DIR

    click.echo(f"{'No':>3}  {'Day':>4}  {'Subject':<52} {'Words':>5}  File")
    for lesson in course.lessons:
        day = f"{lesson.day}{'*' if lesson.pinned else ''}"
        click.echo(
            f"{lesson.number:>3}  {day:>4}  {_fit(lesson.subject, 52)} {lesson.words:>5}  "
            f"{LESSONS_DIR}/{lesson.path.name}"
        )
    if any(lesson.pinned for lesson in course.lessons):
        click.echo("* pinned by the lesson's own `day:`; the others follow [schedule] in course.toml")


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option("--copy", "names", multiple=True, metavar="NAME",
              help="Copy this built-in template (and its HTML or text twin) into DIR/templates/ to edit.")  # fmt: skip
@click.option("--all", "copy_all", is_flag=True, help="Copy every built-in template.")
def templates(directory: Path, names: tuple[str, ...], copy_all: bool) -> None:
    """List the built-in templates and which ones the course overrides, or copy them into DIR/templates/ to edit.

    A file in DIR/templates/ replaces the built-in one of the same name. Most parts come in pairs, the HTML
    (.mjml.j2) and the plain text (.txt.j2): --copy copies both. Nothing that is already there is overwritten.

    \b
    Example:
      course templates sales-course
      course templates sales-course --copy partials/footer.mjml.j2
    """
    from .overrides import copy_templates, list_templates
    from .project import TEMPLATES_DIR
    from .render.templates import builtin_names

    if names or copy_all:
        wanted = builtin_names() if copy_all else list(names)
        copied, kept = copy_templates(directory, wanted)
        where = directory / TEMPLATES_DIR
        for name in copied:
            click.echo(f"Copied {name} to {where / name}")
        for name in kept:
            click.echo(f"Kept {where / name}: it is already yours (nothing was overwritten)")
        if copied:
            click.echo(f"Edit them, then `course build {directory}` (or keep `course preview {directory}` open).")
        return
    listed = list_templates(directory)
    width = max(len(t.name) for t in listed)
    click.echo(f"Built-in templates; a file of the same name in {directory / TEMPLATES_DIR}/ replaces one:")
    for template in listed:
        mark = "yours" if template.overridden else ""
        click.echo(f"  {template.name:<{width}}  {mark:<5}  {template.role}")


@cli.command("send-test")
@click.argument("directory", default=".", type=PATH)
@click.option("--to", "to", required=True, metavar="ADDRESS", help="Where the test emails go.")
@click.option("--smtp", default="localhost:1025", show_default=True, metavar="HOST[:PORT]", help="SMTP server.")
@click.option("--lesson", "lessons", type=int, multiple=True, metavar="N", help="Send only lesson N (repeatable).")
@click.option("--starttls", "security", flag_value="starttls", help="Upgrade the connection with STARTTLS.")
@click.option("--ssl", "security", flag_value="ssl", help="Connect with TLS from the start (port 465).")
@click.option("--allow-placeholders", is_flag=True, help="Send even with example values in course.toml.")
@click.option("--test-prefix/--no-test-prefix", default=True, help="Start each subject with [TEST] (the default).")
def send_test_command(directory: Path, to: str, smtp: str, lessons: tuple[int, ...], security: str | None,
                      allow_placeholders: bool, test_prefix: bool) -> None:  # fmt: skip
    """Send the lessons as real multipart emails (HTML and text) through an SMTP server.

    Merge fields show sample values. Credentials, if the server needs them, come from COURSE_SMTP_USERNAME
    and COURSE_SMTP_PASSWORD.

    \b
    Example:
      python -m aiosmtpd -n -l localhost:1025 &          # or Mailpit
      course send-test sales-course --to you@example.com
      course send-test sales-course --to you@gmail.com --smtp smtp.gmail.com:587 --starttls --lesson 2
    """
    from .sendtest import send_test
    from .text import plural

    count = 0
    sending = send_test(directory, to, smtp=smtp, lessons=lessons, security=security or "none",
                        allow_placeholders=allow_placeholders, test_prefix=test_prefix)  # fmt: skip
    for sent in sending:
        click.echo(f"  sent lesson {sent.number}: {sent.subject}")
        count += 1
    click.echo(f"Sent {plural(count, 'test email')} to {to} through {smtp}.")


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on (0 picks a free one).")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the overview in a browser.")
def preview(directory: Path, host: str, port: int, open_browser: bool) -> None:
    """Serve the whole course with live reload: an inbox overview and every email at phone and desktop width.

    Rebuilds when lessons, templates, assets or course.toml change; the open page updates by itself.
    A save that does not build shows its error in the page and keeps the last good emails.

    \b
    Example:
      course preview sales-course                 # http://127.0.0.1:8000
      course preview sales-course --port 9000 --no-open
    """
    import webbrowser

    from .preview import LOOPBACK, start_preview
    from .text import plural

    if host not in LOOPBACK:
        click.echo(
            f"Warning: listening on {host} shows your course to every machine that can reach it; "
            "use --host 127.0.0.1 to keep it on this one",
            err=True,
        )
    running = start_preview(directory, host=host, port=port)
    click.echo(
        f"Previewing {plural(len(running.state.snapshot.rows) if running.state.snapshot else 0, 'lesson')} "
        f"at {running.url}"
    )
    click.echo("Edit the lessons, templates or course.toml; the page follows. Press Ctrl+C to stop.")
    if open_browser:
        webbrowser.open(running.url)
    try:
        while True:
            running.stop_event.wait(3600)
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        running.stop()


@cli.command()
@click.argument("directory", default=".", type=PATH)
@click.option(
    "--esp", "provider", metavar="NAME", help="Check that email provider's final HTML (default: the preview build)."
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option("--links", is_flag=True, help="Also check that every external link answers (HEAD, then GET).")
@click.option("--spam/--no-spam", default=True, help="Score each lesson with SpamAssassin when it is installed.")
def check(directory: Path, provider: str | None, output_format: str, strict: bool, links: bool, spam: bool) -> None:
    """Check every lesson: size, subject, preheader, unsubscribe link, postal address, images, links, headings,
    leftover template syntax, the plain-text twin, lesson lengths, colours, CSS support and spam score.

    Exits 1 when any error is found (with --strict, any warning too), so it can guard a CI pipeline.

    \b
    Example:
      course check sales-course
      course check sales-course --esp kit --format json --strict
    """
    import json

    from .checks import check_course

    report = check_course(directory, esp=provider, links=links, spam=spam)
    if output_format == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(report.as_text()))
    if report.failed(strict):
        sys.exit(1)


@cli.command()
def esps() -> None:
    """List the email providers: what each supports and the environment variables its upload reads.

    \b
    Example:
      course esps
    """
    from .providers import provider_lines

    click.echo("\n".join(provider_lines()))


def main() -> None:
    try:
        cli(prog_name="course")
    finally:
        gc.freeze()  # the process ends here: no last search for cycles among its objects (50 ms in a big build)
