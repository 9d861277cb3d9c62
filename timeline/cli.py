"""The command line: options in, a pipeline call, diagnostics and exit codes out. Nothing else.

Exit status: 0 done, 1 bad input, 2 usage, 130 interrupted.
"""

from __future__ import annotations

import json
import sys
import traceback
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from timeline._version import __version__
from timeline.errors import InvalidInput, TimelineError
from timeline.model import Diagnostic, Severity

if TYPE_CHECKING:
    from timeline.pipeline import BuildReport
from timeline.sources import ReadOptions

if TYPE_CHECKING:
    from timeline.progress import Bar

app = typer.Typer(
    name="timeline",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEFAULT_INPUT = "events.yaml"
DEFAULT_OUTPUT = Path("out/timeline.html")


class Theme(StrEnum):
    light = "light"
    dark = "dark"


class PageFormat(StrEnum):
    html = "html"
    png = "png"
    svg = "svg"
    pdf = "pdf"


class DataFormat(StrEnum):
    """What `extract --format` and `convert --to` write (timeline.render.DATA_FORMATS)."""

    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ics = "ics"
    timelinejs = "timelinejs"
    markwhen = "markwhen"


class InputFormat(StrEnum):
    """What `--from` can force (timeline.sources.READERS)."""

    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    timelinejs = "timelinejs"
    ics = "ics"
    text = "text"
    markdown = "markdown"
    html = "html"


E = TypeVar("E", bound=StrEnum)


def _choice(kind: type[E]) -> Callable[[str], E]:
    """A parser for an enum option that says what is wrong in plain words (typer's own check
    says "Value error, ..."); help and completion still show the choices."""
    names = ", ".join(str(member) for member in kind)

    def parse(value: str) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not one of {names}") from None

    return parse


def _version(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn dated events, written in YAML or buried in prose, into an interactive timeline page.

    Example: timeline build events.yaml --open
    """


# -- Shared options -----------------------------------------------------------------------------

Inputs = Annotated[
    list[str] | None,
    typer.Argument(help="YAML, .txt, .md or .html files, folders, or - for standard input.",
                   show_default=False, metavar="INPUT"),
]  # fmt: skip
RefDate = Annotated[
    str | None,
    typer.Option(
        "--ref-date", metavar="DATE", help='Anchor for "last year" and the like, e.g. 2017-11-18.'
    ),
]
Lang = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        metavar="CODE",
        help="A language of the dates (en, fr, de, ...). Repeat for several.",
    ),
]
OpenPage = Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")]
Title = Annotated[str | None, typer.Option("--title", help="The page title.")]
ThemeOption = Annotated[
    Theme, typer.Option("--theme", parser=_choice(Theme), help="Colour theme of the page.")
]
Cdn = Annotated[
    bool,
    typer.Option("--cdn", help="Load plotly.js from a CDN: a small file that needs the network."),
]
SkipInvalid = Annotated[
    bool,
    typer.Option("--skip-invalid", help="Build with the valid events and list the skipped ones."),
]
Traceback = Annotated[
    bool, typer.Option("--traceback", help="Show the full traceback of an error.")
]
FromFormat = Annotated[
    InputFormat | None,
    typer.Option(
        "--from",
        parser=_choice(InputFormat),
        help="Read every input as this format instead of detecting it.",
    ),
]
Window = Annotated[
    str | None,
    typer.Option(
        "--window", metavar="START..END",
        help="Expand a calendar's recurring events between these dates "
        "(default: a year either side of --ref-date or today).",
    ),
]  # fmt: skip
Workers = Annotated[
    int | None,
    typer.Option("--workers", "-j", min=1, show_default="all cores, past 1 MB of input",
                 help="Documents read at once, each on a core of its own."),
]  # fmt: skip
Scheduler = Annotated[
    str | None,
    typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                 help="Read the documents on this Dask cluster (pip install 'timeline[dask]')."),
]  # fmt: skip
ShowProgress = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", show_default="on a terminal, after a second",
                 help="Show a progress bar on standard error."),
]  # fmt: skip


def _reading(scheduler: str | None, show_progress: bool | None, label: str) -> Bar:
    """The progress bar for reading documents, once --scheduler is checked."""
    from timeline.progress import Bar

    if scheduler is not None and "://" not in scheduler:
        raise typer.BadParameter(
            f"{scheduler!r} is not a scheduler address such as tcp://10.0.0.5:8786",
            param_hint="--scheduler",
        )
    return Bar(label, "documents", show=show_progress)


@contextmanager
def _said_if_interrupted() -> Iterator[None]:
    """Ctrl-C while reading says that nothing was written (typer would end with 130 silently);
    output is only ever written whole, after reading."""
    try:
        yield
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None


def _options(
    ref_date: str | None,
    lang: list[str] | None,
    title: str | None = None,
    source: InputFormat | None = None,
    window: str | None = None,
) -> ReadOptions:
    """What the options say, read by the pipeline; what it cannot use is a usage error."""
    from timeline.errors import OptionError
    from timeline.pipeline import read_options

    try:
        return read_options(
            title=title,
            ref_date=ref_date,
            lang=lang,
            source=str(source) if source else None,
            window=window,
        )
    except OptionError as exc:
        flag = {"source": "--from"}.get(exc.option, "--" + exc.option.replace("_", "-"))
        raise typer.BadParameter(exc.message, param_hint=flag) from None


NOTES_SHOWN = 20  # a folder of thousands of articles would print a note for each


def _say(diagnostics: list[Diagnostic]) -> None:
    """Errors and warnings, every one; notes (what could not be placed), the first few."""
    notes = 0
    for d in diagnostics:
        if d.severity is Severity.NOTE:
            notes += 1
            if notes > NOTES_SHOWN:
                continue
        typer.echo(str(d), err=True)
    if notes > NOTES_SHOWN:
        typer.echo(f"note: {notes - NOTES_SHOWN:,} more notes like these not shown", err=True)


def _fail(exc: BaseException, show_traceback: bool, *, writes: bool = True) -> NoReturn:
    _explain(exc, show_traceback, writes=writes)
    raise typer.Exit(1)


def _explain(exc: BaseException, show_traceback: bool, *, writes: bool = True) -> None:
    """The error on stderr; for a command that `writes`, that nothing was written."""
    if show_traceback:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, InvalidInput):
        count = exc.error_count
        unwritten = "; nothing was written" if writes else ""
        typer.echo(f"error: {count} problem{'s' if count != 1 else ''} found{unwritten}", err=True)
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
    else:
        typer.echo(f"error: {exc}", err=True)


def _output_and_format(output: Path | None, fmt: PageFormat | None) -> tuple[Path, str]:
    """--format, else the output's suffix, else html; the default output has the format's suffix."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if fmt is None:
        kind = suffix if suffix in PageFormat.__members__ else "html"
    else:
        kind = str(fmt)
        if suffix in PageFormat.__members__ and suffix != kind:
            raise typer.BadParameter(
                f"the output {str(output)!r} ends in .{suffix}, not .{kind}", param_hint="--format"
            )
    return output or DEFAULT_OUTPUT.with_suffix(f".{kind}"), kind


# -- Commands -----------------------------------------------------------------------------------


@app.command()
def build(
    inputs: Inputs = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            show_default=False,
            help="Where to write it, - for standard output "
            "[default: out/timeline.html, .png, .svg or .pdf].",
        ),
    ] = None,
    fmt: Annotated[
        PageFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=_choice(PageFormat),
            show_default=False,
            help="html for the interactive page, or png, svg or pdf for a still image of "
            "the whole timeline [default: from -o's suffix, else html].",
        ),
    ] = None,
    open_page: OpenPage = False,
    title: Title = None,
    ref_date: RefDate = None,
    lang: Lang = None,
    theme: ThemeOption = Theme.light,
    cdn: Cdn = False,
    skip_invalid: SkipInvalid = False,
    show_traceback: Traceback = False,
    workers: Workers = None,
    scheduler: Scheduler = None,
    show_progress: ShowProgress = None,
) -> None:
    """Build an interactive timeline page, or a still image, from YAML or prose.

    With no inputs it reads events.yaml and writes out/timeline.html. Images (--format png, svg
    or pdf) show the whole timeline and are drawn by Chrome or Chromium: pip install
    'timeline[image]'.

    Example: timeline build events.yaml article.txt -o out/history.html --open
    """
    from timeline.pipeline import build as run_build
    from timeline.render import RenderOptions

    output, kind = _output_and_format(output, fmt)
    if _is_stdout(output):
        if open_page:
            raise typer.BadParameter("a page on standard output cannot be opened; give -o FILE",
                                     param_hint="--open")  # fmt: skip
        if kind in BINARY_FORMATS and sys.stdout.isatty():
            raise typer.BadParameter(
                f"a {kind} image would go to the terminal; redirect it (> timeline.{kind}) or "
                "give -o FILE", param_hint="--output"
            )  # fmt: skip
    options = _options(ref_date, lang, title)
    bar = _reading(scheduler, show_progress, "reading")
    try:
        with _said_if_interrupted(), bar:
            report = run_build(
                inputs or [DEFAULT_INPUT], output, options,
                RenderOptions(theme=str(theme), cdn=cdn),
                kind=kind, skip_invalid=skip_invalid, stdin=sys.stdin.buffer,
                workers=workers, scheduler=scheduler, progress=bar, stdout=sys.stdout.buffer,
            )  # fmt: skip
    except TimelineError as exc:
        _fail(exc, show_traceback)
    _built(report)
    if open_page:
        webbrowser.open(report.output.resolve().as_uri())


def _built(report: BuildReport) -> None:
    loaded = report.loaded
    _say(loaded.diagnostics)
    if loaded.skipped:
        typer.echo(f"skipped {len(loaded.skipped)} invalid event(s):", err=True)
        for problem in loaded.skipped:
            typer.echo(f"  {problem}", err=True)
    count = len(loaded.timeline.events)
    typer.echo(
        f"wrote {_shown(report.output)} ({count} event{'s' if count != 1 else ''}, "
        f"{report.size / 1024:,.0f} kB)", err=_is_stdout(report.output),
    )  # fmt: skip


BINARY_FORMATS = ("png", "pdf")  # never sent to a terminal


def _is_stdout(output: Path | None) -> bool:
    return output is not None and str(output) == "-"


def _shown(output: Path) -> str:
    """An output as "wrote ..." names it. That line goes to standard output, like `validate`'s
    "ok: ...", unless the output itself does."""
    return "<stdout>" if _is_stdout(output) else str(output)


@app.command()
def watch(
    inputs: Inputs = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the page.")
    ] = DEFAULT_OUTPUT,
    open_page: OpenPage = False,
    title: Title = None,
    ref_date: RefDate = None,
    lang: Lang = None,
    theme: ThemeOption = Theme.light,
    cdn: Cdn = False,
    skip_invalid: SkipInvalid = False,
    show_traceback: Traceback = False,
) -> None:
    """Build the page, then rebuild it whenever an input is saved; the open page reloads itself.

    A save that cannot be built prints its problems, and the page shows them too, over the last
    good page. Ctrl-C stops. The page polls out/timeline.live.js, which the watcher keeps.

    Example: timeline watch events.yaml --open
    """
    from timeline.render import RenderOptions
    from timeline.watch import Outcome
    from timeline.watch import watch as run_watch

    if _is_stdout(output):
        raise typer.BadParameter("watch keeps a page up to date: give -o FILE, not -",
                                 param_hint="--output")  # fmt: skip
    options = _options(ref_date, lang, title)
    opened = not open_page

    def on_build(outcome: Outcome) -> None:
        nonlocal opened
        if outcome.changed:
            typer.echo(f"changed: {', '.join(outcome.changed)}", err=True)
        if outcome.error is not None:
            _explain(outcome.error, show_traceback)
        elif outcome.report is not None:
            _built(outcome.report)
            if not opened:
                opened = True
                webbrowser.open(outcome.report.output.resolve().as_uri())
        typer.echo("watching for changes (Ctrl-C to stop)", err=True)

    try:
        run_watch(
            inputs or [DEFAULT_INPUT], output, on_build, options,
            RenderOptions(theme=str(theme), cdn=cdn), skip_invalid=skip_invalid,
        )  # fmt: skip
    except TimelineError as exc:
        _fail(exc, show_traceback)
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)
        raise typer.Exit(130) from None


@app.command()
def validate(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files or folders to check.", show_default=False, metavar="INPUT"),
    ],
    ref_date: RefDate = None,
    lang: Lang = None,
    source: FromFormat = None,
    window: Window = None,
    show_traceback: Traceback = False,
) -> None:
    """Check inputs for problems without writing anything.

    Example: timeline validate events.yaml
    """
    from timeline.pipeline import load

    options = _options(ref_date, lang, source=source, window=window)
    try:
        loaded = load(inputs, options, stdin=sys.stdin.buffer)
    except TimelineError as exc:
        _fail(exc, show_traceback, writes=False)
    _say(loaded.diagnostics)
    count = len(loaded.timeline.events)
    typer.echo(f"ok: {count} event{'s' if count != 1 else ''} in {len(loaded.formats)} file(s)")


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text, Markdown or HTML files, folders, or -.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write here instead of standard output (- is standard output).",
        ),
    ] = None,
    fmt: Annotated[
        DataFormat | None,
        typer.Option(
            "--format",
            "-f",
            parser=_choice(DataFormat),
            help="Output format; by default from the suffix of -o, else yaml.",
        ),
    ] = None,
    ref_date: RefDate = None,
    lang: Lang = None,
    source: FromFormat = None,
    mentions: Annotated[
        bool,
        typer.Option(
            "--mentions", help="Print every temporal expression found, one JSON line each."
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the -o file even if it was edited since."),
    ] = False,
    show_traceback: Traceback = False,
    workers: Workers = None,
    scheduler: Scheduler = None,
    show_progress: ShowProgress = None,
) -> None:
    """Find the dated events in prose and write them out for review.

    The YAML output is what `timeline build` reads: extract, edit, then build. A file that was
    edited since extract wrote it, or that extract did not write, is not replaced without
    --force.

    Example: timeline extract article.txt -o events.yaml && timeline build events.yaml
    """
    from timeline.pipeline import output_format

    if _is_stdout(output):
        output = None
    options = _options(ref_date, lang, source=source)
    try:
        kind = str(fmt) if fmt else output_format(output, "yaml") if output else "yaml"
        written = "jsonl" if mentions else kind
        if output is not None:  # checked before the reading, which may take long
            from timeline.pipeline import check_output, check_replace

            check_output(inputs, output)
            if not force:
                check_replace(output, written)
        if mentions:
            from timeline.pipeline import mentions as find_mentions

            found = find_mentions(inputs, options, stdin=sys.stdin.buffer)
            data = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in found).encode()
            loaded = None
        else:
            from timeline.pipeline import extract as run_extract

            bar = _reading(scheduler, show_progress, "extracting")
            with _said_if_interrupted(), bar:
                data, loaded = run_extract(
                    inputs, options, kind=kind, stdin=sys.stdin.buffer,
                    workers=workers, scheduler=scheduler, progress=bar,
                )  # fmt: skip
        if output is not None:
            from timeline.pipeline import fingerprinted, write_atomic

            write_atomic(output, fingerprinted(data, written))
    except TimelineError as exc:
        _fail(exc, show_traceback)
    if loaded is not None:
        _say(loaded.diagnostics)
        if loaded.skipped:
            typer.echo(f"skipped {len(loaded.skipped)} problem(s):", err=True)
            _say(loaded.skipped)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        lines = data.count(b"\n")
        what = (
            _events(len(loaded.timeline.events), loaded.left_out) if loaded else f"{lines} mentions"
        )
        typer.echo(f"wrote {output} ({what})")


@app.command()
def convert(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files in any format timeline reads, folders, or -.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write; - for standard output (say --to).",
        ),
    ],
    to: Annotated[
        DataFormat | None,
        typer.Option(
            "--to",
            parser=_choice(DataFormat),
            help="Output format; by default from the suffix of -o.",
        ),
    ] = None,
    source: FromFormat = None,
    window: Window = None,
    ref_date: RefDate = None,
    lang: Lang = None,
    show_traceback: Traceback = False,
) -> None:
    """Convert events between formats: YAML, JSON, JSON Lines, CSV/TSV, iCalendar, TimelineJS
    JSON and markwhen. What the target format cannot hold is listed as warnings.

    Example: timeline convert events.yaml -o timeline.json --to timelinejs
    """
    from timeline.pipeline import convert as run_convert

    options = _options(ref_date, lang, source=source, window=window)
    try:
        report = run_convert(inputs, output, options, kind=str(to) if to else None,
                             stdin=sys.stdin.buffer, stdout=sys.stdout.buffer)  # fmt: skip
    except TimelineError as exc:
        _fail(exc, show_traceback)
    _say(report.loaded.diagnostics)
    read_as = ", ".join(sorted(set(report.loaded.formats.values())))
    events = _events(len(report.loaded.timeline.events), report.left_out)
    typer.echo(f"wrote {_shown(report.output)} ({events}; read as {read_as})",
               err=_is_stdout(report.output))  # fmt: skip


def _events(total: int, left_out: int) -> str:
    """ "23 events", or "19 of 23 events, 4 left out" when the format could not hold them all."""
    events = f"{total} event{'s' if total != 1 else ''}"
    if left_out:
        events = f"{total - left_out} of {events}, {left_out} left out"
    return events


@app.command()
def schema() -> None:
    """Print the JSON Schema of the YAML format, for editors and validators.

    Example: timeline schema > events.schema.json
    """
    from importlib.resources import files

    typer.echo(files("timeline").joinpath("events.schema.json").read_text(), nl=False)


# The cyclic garbage collector's thresholds for a run of the command. Reading prose makes
# objects by the million, most of them kept to the end (events, their dates and sources) and
# none in cycles; at Python's default (700 new objects between collections) the collector
# walked them again and again: 6-8% of reading 2,048 articles (10.3-10.5 s against 9.6-9.8 s
# at these), half the time of merging their 25,402 events. Peak memory was the same.
GC_THRESHOLD = (50_000, 20, 100)


def main() -> None:
    """The console script: typer's app, with Ctrl-C as exit status 130 and no traceback."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    try:
        # Named, so that shell completion (_TIMELINE_COMPLETE) works however it was started.
        app(prog_name="timeline")
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        sys.exit(130)
