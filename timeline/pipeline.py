"""read -> normalise -> merge and sort -> render. What the CLI and the Python API both call.

Nothing here prints or exits: problems travel back as diagnostics and `TimelineError`s.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from timeline.dates import today as clock_today
from timeline.errors import (
    DateError,
    InputError,
    InvalidInput,
    OptionError,
    OutputError,
    TimelineError,
)
from timeline.model import Day, Diagnostic, Event, Severity, SourceRef, Timeline
from timeline.render import DATA_FORMATS, RenderOptions, render, write
from timeline.sources import (
    _SUFFIXES,
    READERS,
    ReadOptions,
    ReadResult,
    detect_format,
    reader_for,
)
from timeline.sources.decode import decode

if TYPE_CHECKING:
    import pandas
    import plotly.graph_objects

__all__ = [
    "BuildReport", "Loaded", "build", "check_output", "check_replace", "convert", "deliver",
    "expand_inputs", "extract", "figure", "fingerprinted", "load", "mentions", "output_format",
    "read", "read_input", "read_options", "write_atomic",
]  # fmt: skip

STDIN = "-"
STDOUT = "-"  # as an output: standard output
MAX_INPUT_BYTES = 200 * 1024 * 1024  # one input file; larger ones are refused, not half-read


@dataclass(slots=True)
class Loaded:
    """Everything read from the inputs: one merged timeline, and what was said along the way."""

    timeline: Timeline
    diagnostics: list[Diagnostic] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)  # input path -> detected format
    skipped: list[Diagnostic] = field(default_factory=list)  # errors passed over by skip_invalid
    left_out: int = 0  # events that `extract`'s output format could not hold

    def records(self) -> list[dict[str, Any]]:
        """The events in date order, one flat dict each (see `record`)."""
        return [record(e) for e in self.timeline.events]

    def dataframe(self) -> pandas.DataFrame:
        """The events as a pandas DataFrame, a row per event, the columns of `record`.
        Needs pandas (pip install pandas)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Loaded.dataframe() needs pandas: pip install pandas") from None
        return pandas.DataFrame(self.records(), columns=list(RECORD_COLUMNS))

    def figure(
        self, render_options: RenderOptions | None = None, *, theme: str | None = None
    ) -> plotly.graph_objects.Figure:
        """The timeline as a plotly Figure: what a still image draws (lanes, marks, the labels
        that fit, eras, the axis, the title and key), with the page's hover cards."""
        from plotly.graph_objects import Figure

        from timeline._version import __version__
        from timeline.render.figure import figure_for
        from timeline.render.page import footer
        from timeline.render.scene import plotly_text
        from timeline.render.static import still

        render_options = _dated(render_options or RenderOptions(), self.timeline, None)
        if theme is not None:
            render_options = replace(render_options, theme=theme)
        scene, _, page, _ = figure_for(self.timeline, render_options)
        caption = footer(scene, self.timeline.sources, __version__)
        drawn = still(scene, page, plotly_text(self.timeline.title), caption)
        # `still` keeps the page's traces in order and takes their hover cards away.
        shown = [t for t in page["data"] if t.get("visible", True) is not False]
        for trace, card in zip(drawn["data"], shown, strict=True):
            for key in ("customdata", "hovertemplate", "hoverlabel", "hoverinfo"):
                if key in card:
                    trace[key] = card[key]
                else:
                    trace.pop(key, None)
        return Figure(drawn)

    def _repr_html_(self) -> str:
        """A notebook shows the figure."""
        html: str = self.figure()._repr_html_()
        return html


RECORD_COLUMNS = (
    "title", "date", "start", "end", "precision", "qualifiers", "label", "description", "group",
    "tags", "url", "color", "source", "milestone", "sources", "path", "line", "sentence",
)  # fmt: skip


def record(event: Event) -> dict[str, Any]:
    """One event as flat data: `date` is its date as `extract` writes it (and `end` the end of
    a span's), `start` and `end` its first and last day in ISO 8601 ("-0043-03-15" is 15 March
    44 BC), `label` how the page shows it; `sources` how many places told it, `path`, `line`
    and `sentence` the first of them (None for events written by hand)."""
    from timeline.labels import canonical_text
    from timeline.render.data import event_record

    nested = event_record(event)  # what JSON output writes, with each date as a record
    ref = event.refs[0] if event.refs else None
    flat = {
        "date": canonical_text(event.date),
        "start": event.first_day.iso(),
        "end": event.last_day.iso(),
        "precision": nested["date"]["precision"],
        "qualifiers": nested["date"]["qualifiers"],
        "sources": event.source_count,
        "path": ref.path if ref else None,
        "line": ref.line if ref else None,
        "sentence": ref.sentence if ref else None,
    }
    return {key: flat[key] if key in flat else nested[key] for key in RECORD_COLUMNS}


@dataclass(slots=True)
class BuildReport:
    output: Path
    loaded: Loaded
    size: int
    left_out: int = 0  # events the output format could not hold


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files as given; directories to the readable files below them, in sorted order, without
    what timeline wrote there itself (see `expand`)."""
    return expand(inputs)[0]


OUTPUT_FOLDER = "out"  # where `build` writes by default; skipped when a folder is read
GENERATOR_MARK = b'<meta name="generator" content="timeline"'  # in the head of every page


def expand(inputs: Iterable[str]) -> tuple[list[str], list[Diagnostic]]:
    """`expand_inputs`, and a note for each folder in which files were skipped.

    A folder's own `out/` and the pages timeline made (found by the generator mark in their
    first bytes) are not read: a rebuild would otherwise read its last page as prose and grow
    junk events from it each time. Files named one by one are always read.
    """
    paths: list[str] = []
    notes: list[Diagnostic] = []
    for item in inputs:
        if item == STDIN:
            paths.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found, skipped, odd = _folder(path)
            if not found and not skipped:
                raise InputError(
                    SourceRef(item),
                    "no .yaml, .json, .csv, .ics, .txt, .md or .html files in this folder",
                )
            for names, what in ((skipped, "what timeline wrote here"), (odd, _NOT_FILES)):
                if names:
                    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
                    notes.append(Diagnostic(Severity.NOTE, SourceRef(item),
                                            f"skipped {what}: {shown}"))  # fmt: skip
            paths.extend(found)
        elif not path.exists():
            raise InputError(SourceRef(item), "no such file")
        else:
            paths.append(item)
    return paths, notes


_NOT_FILES = "what is not a file (broken or looping links, pipes, devices)"


def _folder(folder: Path) -> tuple[list[str], list[str], list[str]]:
    """The readable files below `folder`, sorted, what timeline wrote there, and what is not a
    file at all (relative to it)."""
    found: list[str] = []
    skipped: list[str] = []
    odd: list[str] = []
    for root, dirs, files in os.walk(folder):
        if Path(root) == folder and OUTPUT_FOLDER in dirs:
            dirs.remove(OUTPUT_FOLDER)
            skipped.append(f"{OUTPUT_FOLDER}/")
        for name in files:
            p = Path(root, name)
            if p.suffix.lower() not in _SUFFIXES:
                continue
            if not p.is_file():  # a pipe or a device would be read forever; a dead link fails
                odd.append(str(p.relative_to(folder)))
            elif _SUFFIXES[p.suffix.lower()] == "html" and _generated(p):
                skipped.append(str(p.relative_to(folder)))
            else:
                found.append(str(p))
    return sorted(found), sorted(skipped), sorted(odd)


def _generated(path: Path) -> bool:
    """Whether an HTML file is a page timeline made: its head carries the generator mark."""
    try:
        with open(path, "rb") as f:
            return GENERATOR_MARK in f.read(4096)
    except OSError:
        return False  # reading it later says what is wrong


def read_input(path: str, stdin: BinaryIO | None) -> bytes:
    if path == STDIN:
        if stdin is None:
            raise InputError(SourceRef("<stdin>"), "standard input is not available")
        return stdin.read(MAX_INPUT_BYTES + 1)
    try:
        size = os.path.getsize(path)
        if size > MAX_INPUT_BYTES:
            raise InputError(
                SourceRef(path), f"the file is {size / 2**20:.0f} MB; the limit is "
                f"{MAX_INPUT_BYTES / 2**20:.0f} MB"
            )  # fmt: skip
        with open(path, "rb") as f:
            data = f.read(MAX_INPUT_BYTES + 1)  # a device such as /dev/zero has no size
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(SourceRef(path), f"more than the limit of "
                             f"{MAX_INPUT_BYTES / 2**20:.0f} MB")  # fmt: skip
        return data
    except IsADirectoryError:
        raise InputError(SourceRef(path), "is a folder, not a file") from None
    except PermissionError:
        raise InputError(SourceRef(path), "permission denied") from None
    except OSError as exc:
        raise InputError(SourceRef(path), f"cannot read: {exc.strerror or exc}") from None


Progress = Callable[[int, int], None]  # (documents done, documents in all)


def load(
    inputs: Sequence[str],
    options: ReadOptions | None = None,
    *,
    skip_invalid: bool = False,
    stdin: BinaryIO | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> Loaded:
    """Read every input and merge them into one timeline.

    Every problem in every file is collected first. Unless `skip_invalid`, any error raises
    `InvalidInput` listing them all; with it, the bad events are left out and listed in
    `Loaded.skipped`.

    Documents are read on `workers` processes (None: one per core, when there is enough to
    read to pay for starting them), or on the Dask cluster whose scheduler is at `scheduler`
    ("tcp://host:8786"), and merged in input order: the result is the same either way.
    `progress` is told after each document.
    """
    from timeline.merge import Merger
    from timeline.parallel import IN_FLIGHT_PER_WORKER, run_ordered

    options = options or ReadOptions()
    if options.today is None:
        options = replace(options, today=clock_today())
    paths, diagnostics = expand(inputs)
    formats: dict[str, str] = {}
    merger = Merger(options.title or _folder_title(inputs, paths))
    tasks = _tasks(paths, options, stdin, remote=scheduler is not None)
    count = 1 if scheduler is not None else min(_workers(workers, paths), len(paths))
    # A task costs the main process (or Dask's scheduler) a millisecond or more whatever its
    # size: small documents travel in batches.
    results = run_ordered(
        read_documents,
        _batched(tasks),
        workers=count,
        scheduler=scheduler,
        in_flight=max(1, IN_FLIGHT_PER_WORKER // BATCH_DOCUMENTS),
    )
    done = 0
    for reads in results:
        for read in reads:
            if read.format is not None:
                formats[read.path] = read.format
            diagnostics.extend(read.diagnostics)
            for timeline in read.timelines:
                merger.add(timeline)
            done += 1
            if progress is not None:
                progress(done, len(paths))

    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors and not skip_invalid:
        raise InvalidInput(diagnostics)
    merged = merger.timeline()
    if not merged.events:
        if errors:
            raise InvalidInput(diagnostics)
        where = ", ".join(formats) or ", ".join(inputs)
        raise TimelineError(f"{where}: no events found")
    warnings = [d for d in diagnostics if d.severity is not Severity.ERROR]
    return Loaded(merged, warnings, formats, errors)


def _folder_title(inputs: Sequence[str], paths: list[str]) -> str | None:
    """A folder of documents is titled after the folder ("news/" -> "news"), not after
    whichever of its documents comes first."""
    if len(inputs) != 1 or len(paths) < 2 or not os.path.isdir(inputs[0]):
        return None
    name = Path(inputs[0]).resolve().name
    return name.replace("_", " ").replace("-", " ") or None


# Below this much input, documents are read in this process when the number of workers was left
# to us: a worker's start (a fork, or where forking is unsafe a fresh interpreter that imports
# the readers; then its own dateparser languages and caches) costs more than it saves.
POOL_ABOVE = 1 * 2**20


def _workers(asked: int | None, paths: list[str]) -> int:
    from timeline.parallel import available_cores

    if asked is not None:
        return asked
    size = 0
    for path in paths:
        if path != STDIN:
            with contextlib.suppress(OSError):  # reading it says what is wrong
                size += os.path.getsize(path)
            if size > POOL_ABOVE:
                return available_cores()
    return 1


@dataclass(frozen=True, slots=True)
class Task:
    """One document to read, as sent to a worker: its path, and its bytes when the worker may
    not see the file (standard input; a Dask worker on another machine)."""

    path: str
    options: ReadOptions
    data: bytes | None = None
    failed: Diagnostic | None = None  # it could not even be read here


@dataclass(slots=True)
class Read:
    """What a worker sends back: one document's timelines (several for a text file read a chunk
    at a time) and its problems."""

    path: str  # as shown in messages: "<stdin>" for standard input
    format: str | None
    diagnostics: list[Diagnostic]
    timelines: list[Timeline]


def _diagnostic(exc: InputError) -> Diagnostic:
    return Diagnostic(Severity.ERROR, exc.ref, exc.message, exc.value)


def _tasks(
    paths: list[str], options: ReadOptions, stdin: BinaryIO | None, remote: bool
) -> Iterator[Task]:
    for path in paths:
        if path != STDIN and not remote:
            yield Task(path, options)
            continue
        try:
            yield Task(path, options, read_input(path, stdin))
        except InputError as exc:
            yield Task(path, options, failed=_diagnostic(exc))


BATCH_DOCUMENTS = 16  # documents to a task at most
BATCH_BYTES = 256 * 1024  # and no more than this much of them, so that big ones spread out


def _batched(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    batch: list[Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        if task.data is not None:
            size += len(task.data)
        elif task.failed is None:
            with contextlib.suppress(OSError):  # the worker will say what is wrong with it
                size += os.path.getsize(task.path)
        if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def read_documents(tasks: list[Task]) -> list[Read]:
    """`read_document` on each: one task for a worker."""
    return [read_document(task) for task in tasks]


def read_document(task: Task) -> Read:
    """Read one input into timelines. Runs in a worker: problems come back as diagnostics."""
    path, options = task.path, task.options
    shown = "<stdin>" if path == STDIN else path
    read = Read(shown, None, [], [])
    if task.failed is not None:
        read.diagnostics.append(task.failed)
        return read
    try:
        if (
            task.data is None
            and path != STDIN
            and options.format in (None, "text")
            and _streamable(path)
        ):
            read.format = "text"
            results = list(_read_in_chunks(path, options))
        else:
            data = task.data if task.data is not None else read_input(path, None)
            decoded = decode(data, shown)
            read.diagnostics.extend(decoded.warnings)
            read.format = fmt = options.format or detect_format(shown, decoded.text)
            _check_size(shown, fmt, len(decoded.text))
            results = [reader_for(fmt)(decoded.text, shown, options)]
    except InputError as exc:
        read.diagnostics.append(_diagnostic(exc))
        return read
    for result in results:
        read.diagnostics.extend(result.diagnostics)
        read.timelines.append(result.timeline)
    return read


# Plain text past this size is read and tagged a chunk at a time, so memory stays bounded
# whatever the file's size; structured formats must be read whole, and have a ceiling instead.
STREAM_ABOVE = 8 * 2**20
CHUNK = 2 * 2**20
WHOLE_LIMITS = {"yaml": 64 * 2**20, "markdown": 50 * 2**20, "html": 50 * 2**20,
                "json": 64 * 2**20, "jsonl": 64 * 2**20, "timelinejs": 64 * 2**20,
                "csv": 64 * 2**20, "tsv": 64 * 2**20, "ics": 64 * 2**20}  # fmt: skip


def _check_size(path: str, fmt: str, size: int) -> None:
    limit = WHOLE_LIMITS.get(fmt)
    if limit is not None and size > limit:
        raise InputError(
            SourceRef(path), f"{size / 2**20:.0f} MB is more {fmt} than can be read at once "
            f"(the limit is {limit / 2**20:.0f} MB); split the file"
        )  # fmt: skip


def _streamable(path: str) -> bool:
    try:
        return (
            Path(path).suffix.lower() in (".txt", ".text")
            and os.path.isfile(path)
            and (os.path.getsize(path) > STREAM_ABOVE)
        )
    except OSError:  # gone since: reading it says so
        return False


def _read_in_chunks(path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Tag a large text file a few MB at a time, cut at paragraph (else line, else word)
    boundaries, with every offset and line shifted back to the whole file."""
    import codecs

    reader = reader_for("text")
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    carry, chars_before, lines_before = "", 0, 0
    with open(path, "rb") as f:
        while True:
            block = f.read(CHUNK)
            text = carry + decoder.decode(block, final=not block)
            if not text:
                return
            cut = len(text) if not block else _cut(text)
            piece, carry = text[:cut], text[cut:]
            if piece.strip():
                result = reader(piece, path, options)
                # Later chunks are anchored where the first one was (its dateline, say).
                found = result.timeline.settings.reference_date
                if options.reference_date is None and found is not None:
                    options = replace(options, reference_date=found)
                yield _shifted(result, chars_before, lines_before)
            chars_before += len(piece)
            lines_before += piece.count("\n")
            if not block:
                if carry.strip():
                    yield _shifted(reader(carry, path, options), chars_before, lines_before)
                return


def _cut(text: str) -> int:
    for mark in ("\n\n", "\n", ". ", " "):
        at = text.rfind(mark, len(text) // 2)
        if at != -1:
            return at + len(mark)
    return len(text)


def _shifted(result: ReadResult, chars: int, lines: int) -> ReadResult:
    def move(ref: SourceRef) -> SourceRef:
        return replace(
            ref,
            line=None if ref.line is None else ref.line + lines,
            start=None if ref.start is None else ref.start + chars,
            end=None if ref.end is None else ref.end + chars,
        )

    if not chars and not lines:
        return result
    events = tuple(replace(e, refs=tuple(move(r) for r in e.refs)) for e in result.timeline.events)
    diagnostics = [replace(d, ref=move(d.ref)) for d in result.diagnostics]
    return ReadResult(replace(result.timeline, events=events), diagnostics, result.format)


def build(
    inputs: Sequence[str],
    output: str | Path,
    options: ReadOptions | None = None,
    render_options: RenderOptions | None = None,
    *,
    kind: str = "html",
    skip_invalid: bool = False,
    stdin: BinaryIO | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    stdout: BinaryIO | None = None,
) -> BuildReport:
    """Read the inputs and write one rendered file, or to `stdout` when `output` is "-".
    Nothing is written if anything fails. `workers`, `scheduler` and `progress` are as for
    `load`."""
    output = Path(output)
    check_output(inputs, output)
    loaded = load(inputs, options, skip_invalid=skip_invalid, stdin=stdin, workers=workers,
                  scheduler=scheduler, progress=progress)  # fmt: skip
    render_options = _dated(render_options or RenderOptions(), loaded.timeline, options)
    data = render(kind, loaded.timeline, render_options)
    deliver(output, data, stdout)
    return BuildReport(output, loaded, len(data))


def _dated(
    render_options: RenderOptions, timeline: Timeline, options: ReadOptions | None
) -> RenderOptions:
    """The day the "today" line marks: the reference date the events were read from, else
    the pinned or the clock's today."""
    if render_options.today is not None:
        return render_options
    reference = timeline.settings.reference_date
    if reference is not None:
        return replace(render_options, today=reference, today_label="reference date")
    return replace(render_options, today=(options and options.today) or clock_today())


def read_options(
    *,
    title: str | None = None,
    ref_date: str | None = None,
    lang: Sequence[str] | None = None,
    source: str | None = None,
    window: str | None = None,
) -> ReadOptions:
    """`ReadOptions` from what the command line's options say, in the same words:
    `ref_date` "2017-11-18" (--ref-date), `lang` ["en", "fr"] (--lang), `source` a format to
    read every input as (--from), `window` "2024-01-01..2025-12-31" (--window). An option that
    cannot be used is an `OptionError` naming it."""
    from timeline.dates import known_language, parse_date

    if isinstance(lang, str):
        lang = [lang]
    reference: Day | None = None
    if ref_date is not None:
        try:
            reference = parse_date(ref_date).start
        except DateError:
            raise OptionError("ref_date", f"cannot read {ref_date!r} as a date") from None
    for code in lang or ():
        if not known_language(code):
            raise OptionError("lang", f"unknown language {code!r}; use codes such as en, fr, de")
    if source is not None and source not in READERS:
        raise OptionError("source", f"{source!r} is not one of {', '.join(READERS)}")
    span = None
    if window is not None:
        first, sep, last = window.partition("..")
        try:
            if not sep:
                raise DateError(window)
            span = (parse_date(first).start, parse_date(last).end)
        except DateError:
            raise OptionError(
                "window", f"{window!r} is not START..END, e.g. 2024-01-01..2025-12-31"
            ) from None
        if span[1] < span[0]:
            raise OptionError("window", f"{window!r} ends before it starts")
    return ReadOptions(reference_date=reference, languages=tuple(lang or ()), title=title,
                       format=source, window=span)  # fmt: skip


def read(
    inputs: str | Sequence[str],
    *,
    title: str | None = None,
    ref_date: str | None = None,
    lang: Sequence[str] | None = None,
    source: str | None = None,
    window: str | None = None,
    skip_invalid: bool = False,
    workers: int | None = 1,
    scheduler: str | None = None,
) -> Loaded:
    """`load` with the command line's options (see `read_options`), for a notebook:
    `timeline.read("article.txt", ref_date="2017-11-18").dataframe()`."""
    paths = [inputs] if isinstance(inputs, str) else list(inputs)
    options = read_options(title=title, ref_date=ref_date, lang=lang, source=source,
                           window=window)  # fmt: skip
    return load(paths, options, skip_invalid=skip_invalid, workers=workers, scheduler=scheduler)


def figure(
    inputs: str | Sequence[str], *, theme: str = "light", **options: Any
) -> plotly.graph_objects.Figure:
    """The plotly Figure of the inputs (`Loaded.figure`) in `theme`; `options` are `read`'s."""
    return read(inputs, **options).figure(theme=theme)


def extract(
    inputs: Sequence[str],
    options: ReadOptions | None = None,
    *,
    kind: str = "yaml",
    stdin: BinaryIO | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> tuple[bytes, Loaded]:
    """The events found in the inputs, written as YAML (or any of `DATA_FORMATS`) for review.
    What the format cannot hold is added to `Loaded.diagnostics` as warnings. `workers`,
    `scheduler` and `progress` are as for `load`."""
    loaded = load(inputs, options, skip_invalid=True, stdin=stdin, workers=workers,
                  scheduler=scheduler, progress=progress)  # fmt: skip
    out = write(kind, loaded.timeline)
    loaded.diagnostics.extend(out.warnings)
    loaded.left_out = out.left_out
    return out.data, loaded


def output_format(output: Path, default: str | None = None) -> str:
    """The data format that an output file's suffix names, else `default`. A page's or an
    image's suffix is an error either way: YAML in a file named .html helps nobody."""
    suffix = output.suffix.lower()
    if suffix in (".html", ".htm", ".png", ".svg", ".pdf"):
        raise OutputError(
            str(output),
            f"a {suffix} file is a page or an image, which `timeline build` writes; extract and "
            "convert write events (yaml, json, jsonl, csv, ics, timelinejs, markwhen)",
        )
    for kind, suffixes in DATA_FORMATS.items():
        if suffix in suffixes:
            return kind
    if default is not None:
        return default
    if str(output) == STDOUT:
        raise OutputError(STDOUT, "standard output has no suffix to tell the format by; say --to")
    known = ", ".join(s for suffixes in DATA_FORMATS.values() for s in suffixes)
    raise OutputError(
        str(output), f"cannot tell the format from the suffix (know {known}); say --to"
    )


def convert(
    inputs: Sequence[str],
    output: str | Path,
    options: ReadOptions | None = None,
    *,
    kind: str | None = None,
    stdin: BinaryIO | None = None,
    stdout: BinaryIO | None = None,
) -> BuildReport:
    """Read the inputs (any readable format) and write them as one data format, atomically
    (to `stdout` when `output` is "-"). Nothing is written if anything fails; what the format
    cannot hold comes back as warnings in the report's `loaded.diagnostics`."""
    output = Path(output)
    check_output(inputs, output)
    kind = kind or output_format(output)
    loaded = load(inputs, options, stdin=stdin)
    out = write(kind, loaded.timeline)
    loaded.diagnostics.extend(out.warnings)
    deliver(output, out.data, stdout)
    return BuildReport(output, loaded, len(out.data), out.left_out)


def mentions(
    inputs: Sequence[str], options: ReadOptions | None = None, *, stdin: BinaryIO | None = None
) -> list[dict[str, object]]:
    """Every temporal expression in the inputs, as `--mentions` prints them."""
    from timeline.sources.text import mentions as find

    options = options or ReadOptions()
    if options.today is None:
        options = replace(options, today=clock_today())
    found: list[dict[str, object]] = []
    for path in expand_inputs(inputs):
        shown = "<stdin>" if path == STDIN else path
        decoded = decode(read_input(path, stdin), shown)
        fmt = options.format or detect_format(shown, decoded.text)
        found.extend(find(decoded.text, shown, fmt, options))
    return found


def check_output(inputs: Sequence[str], output: Path) -> None:
    """Refuse an output path that is a directory or one of the inputs: a build must never eat
    its source. Checked before any reading, so a long build does not fail at its last step.
    "-" (standard output) is always fine."""
    if str(output) == STDOUT:
        return
    if output.is_dir():
        raise OutputError(str(output), "is a directory")
    target = os.path.realpath(output)  # not Path.resolve, which raises on a symlink loop
    for path in expand_inputs(inputs):
        if path != STDIN and os.path.realpath(path) == target:
            raise OutputError(str(output), "the output would overwrite an input file")


# The first line of the YAML that `extract` writes to a file: a hash of the rest, so that a
# re-run can tell a file timeline wrote, which it may replace, from one the user has edited.
FINGERPRINT_LINE = "# timeline fingerprint {}: `timeline extract -o` replaces it if unchanged\n"
_FINGERPRINT = re.compile(r"# timeline fingerprint ([0-9a-f]{16}): [^\n]*\n")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def fingerprinted(data: bytes, kind: str) -> bytes:
    """`data` as `extract` writes it to a file: YAML gets a first line that fingerprints the
    rest (see `check_replace`); formats without comments are left as they are."""
    if kind != "yaml":
        return data
    return FINGERPRINT_LINE.format(_digest(data)).encode() + data


def check_replace(output: Path, kind: str) -> None:
    """Refuse to replace a file that the user may have edited: a YAML file whose fingerprint
    line is missing (the user wrote it) or no longer matches the rest (the user changed it
    since timeline wrote it), or any existing file of a format that has no room for a
    fingerprint. Checked before reading, like `check_output`."""
    if str(output) == STDOUT:
        return
    try:
        with open(output, "rb") as f:
            head = f.read(len(FINGERPRINT_LINE) + 16)
            if kind != "yaml":
                raise OutputError(
                    str(output), f"already exists, and {kind} has no room for the fingerprint "
                    "that shows whether it was edited since; not replaced (--force replaces it)"
                )  # fmt: skip
            found = _FINGERPRINT.match(head.decode("utf-8", "replace"))
            rest = head[found.end() :] + f.read() if found else b""
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return  # nothing to lose; `check_output` and the writing say what else is wrong
    except PermissionError:
        return  # the writing says so
    if found is None:
        raise OutputError(
            str(output), "already exists and timeline did not write it (it has no fingerprint "
            "line); not replaced (--force replaces it)"
        )  # fmt: skip
    if found[1] != _digest(rest):
        raise OutputError(
            str(output), "has been edited since timeline wrote it; not replaced, so the edits "
            "are kept (--force replaces it; -o another file writes beside it)"
        )  # fmt: skip


def deliver(output: Path, data: bytes, stdout: BinaryIO | None) -> None:
    """`data` to the file `output`, atomically (`write_atomic`), or to `stdout` when `output`
    is "-"."""
    if str(output) != STDOUT:
        write_atomic(output, data)
        return
    if stdout is None:
        raise OutputError(STDOUT, "standard output is not available")
    try:
        stdout.write(data)
        stdout.flush()
    except OSError as exc:
        raise OutputError(STDOUT, f"cannot write: {exc.strerror or exc}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file.
    A path that cannot be written is an `OutputError` naming it; no temporary file is left."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from None
        raise


def _unwritable(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, IsADirectoryError):
        return OutputError(str(path), "is a directory")
    if isinstance(exc, FileExistsError | NotADirectoryError):  # a file where a folder should be
        return OutputError(str(path), "cannot write: a file is in the way of its folder")
    return OutputError(str(path), f"cannot write: {exc.strerror or exc}")
