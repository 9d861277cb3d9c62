"""The command line: options in, a pipeline call, diagnostics and exit codes out. Nothing else.

Exit status: 0 done, 1 bad input, 2 usage, 130 interrupted.
"""

from __future__ import annotations

import json
import sys
import traceback
import webbrowser
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from timeline import __version__
from timeline.errors import InvalidInput, TimelineError
from timeline.model import Day, Diagnostic
from timeline.sources import ReadOptions

if TYPE_CHECKING:
    from timeline.progress import Bar

app = typer.Typer(
    name="timeline",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEFAULT_INPUT = "events.yaml"
DEFAULT_OUTPUT = Path("out/timeline.html")


class Theme(StrEnum):
    light = "light"
    dark = "dark"


class DataFormat(StrEnum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


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
Traceback = Annotated[
    bool, typer.Option("--traceback", help="Show the full traceback of an error.")
]
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


def _options(ref_date: str | None, lang: list[str] | None, title: str | None = None) -> ReadOptions:
    from timeline.dates import known_language, parse_date
    from timeline.errors import DateError

    reference: Day | None = None
    if ref_date is not None:
        try:
            reference = parse_date(ref_date).start
        except DateError:
            raise typer.BadParameter(
                f"cannot read {ref_date!r} as a date", param_hint="--ref-date"
            ) from None
    for code in lang or ():
        if not known_language(code):
            raise typer.BadParameter(
                f"unknown language {code!r}; use codes such as en, fr, de", param_hint="--lang"
            )
    return ReadOptions(reference_date=reference, languages=tuple(lang or ()), title=title)


def _say(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        typer.echo(str(d), err=True)


def _fail(exc: BaseException, show_traceback: bool) -> NoReturn:
    if show_traceback:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, InvalidInput):
        count = exc.error_count
        typer.echo(
            f"error: {count} problem{'s' if count != 1 else ''} found; nothing was written",
            err=True,
        )
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
    else:
        typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


# -- Commands -----------------------------------------------------------------------------------


@app.command()
def build(
    inputs: Inputs = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the page.")
    ] = DEFAULT_OUTPUT,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the page in the default browser.")
    ] = False,
    title: Annotated[str | None, typer.Option("--title", help="The page title.")] = None,
    ref_date: RefDate = None,
    lang: Lang = None,
    theme: Annotated[
        Theme, typer.Option("--theme", help="Colour theme of the page.")
    ] = Theme.light,
    cdn: Annotated[
        bool,
        typer.Option(
            "--cdn", help="Load plotly.js from a CDN: a small file that needs the network."
        ),
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid", help="Build with the valid events and list the skipped ones."
        ),
    ] = False,
    show_traceback: Traceback = False,
    workers: Workers = None,
    scheduler: Scheduler = None,
    show_progress: ShowProgress = None,
) -> None:
    """Build an interactive timeline page from YAML or prose.

    With no inputs it reads events.yaml and writes out/timeline.html.

    Example: timeline build events.yaml article.txt -o out/history.html --open
    """
    from timeline.pipeline import build as run_build
    from timeline.render import RenderOptions

    options = _options(ref_date, lang, title)
    bar = _reading(scheduler, show_progress, "reading")
    try:
        with bar:
            report = run_build(
                inputs or [DEFAULT_INPUT], output, options,
                RenderOptions(theme=str(theme), cdn=cdn),
                skip_invalid=skip_invalid, stdin=sys.stdin.buffer,
                workers=workers, scheduler=scheduler, progress=bar,
            )  # fmt: skip
    except TimelineError as exc:
        _fail(exc, show_traceback)
    loaded = report.loaded
    _say(loaded.diagnostics)
    if loaded.skipped:
        typer.echo(f"skipped {len(loaded.skipped)} invalid event(s):", err=True)
        for problem in loaded.skipped:
            typer.echo(f"  {problem}", err=True)
    count = len(loaded.timeline.events)
    typer.echo(
        f"wrote {report.output} ({count} event{'s' if count != 1 else ''}, "
        f"{report.size / 1024:,.0f} kB)"
    )
    if open_page:
        webbrowser.open(report.output.resolve().as_uri())


@app.command()
def validate(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files or folders to check.", show_default=False, metavar="INPUT"),
    ],
    ref_date: RefDate = None,
    lang: Lang = None,
    show_traceback: Traceback = False,
) -> None:
    """Check inputs for problems without writing anything.

    Example: timeline validate events.yaml
    """
    from timeline.pipeline import load

    try:
        loaded = load(inputs, _options(ref_date, lang), stdin=sys.stdin.buffer)
    except TimelineError as exc:
        _fail(exc, show_traceback)
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
            "--output", "-o", metavar="FILE", help="Write here instead of standard output."
        ),
    ] = None,
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DataFormat.yaml,
    ref_date: RefDate = None,
    lang: Lang = None,
    mentions: Annotated[
        bool,
        typer.Option(
            "--mentions", help="Print every temporal expression found, one JSON line each."
        ),
    ] = False,
    show_traceback: Traceback = False,
    workers: Workers = None,
    scheduler: Scheduler = None,
    show_progress: ShowProgress = None,
) -> None:
    """Find the dated events in prose and write them out for review.

    The YAML output is what `timeline build` reads: extract, edit, then build.

    Example: timeline extract article.txt -o events.yaml && timeline build events.yaml
    """
    options = _options(ref_date, lang)
    try:
        if mentions:
            from timeline.pipeline import mentions as find_mentions

            found = find_mentions(inputs, options, stdin=sys.stdin.buffer)
            data = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in found).encode()
            loaded = None
        else:
            from timeline.pipeline import extract as run_extract

            bar = _reading(scheduler, show_progress, "extracting")
            with bar:
                data, loaded = run_extract(
                    inputs, options, kind=str(fmt), stdin=sys.stdin.buffer,
                    workers=workers, scheduler=scheduler, progress=bar,
                )  # fmt: skip
        if output is not None:
            from timeline.pipeline import check_output, write_atomic

            check_output(inputs, output)
            write_atomic(output, data)
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
        count = len(loaded.timeline.events) if loaded else data.count(b"\n")
        typer.echo(f"wrote {output} ({count} {'events' if loaded else 'mentions'})", err=True)


def main() -> None:
    """The console script: typer's app, with Ctrl-C as exit status 130 and no traceback."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted; nothing was written", err=True)
        sys.exit(130)
