"""read -> normalise -> merge and sort -> render. What the CLI and the Python API both call.

Nothing here prints or exits: problems travel back as diagnostics and `TimelineError`s.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from timeline.dates import today as clock_today
from timeline.errors import InputError, InvalidInput, TimelineError
from timeline.model import Diagnostic, Severity, SourceRef, Timeline
from timeline.render import DATA_FORMATS, RenderOptions, render, write
from timeline.sources import _SUFFIXES, ReadOptions, ReadResult, detect_format, reader_for
from timeline.sources.decode import decode

__all__ = [
    "BuildReport", "Loaded", "build", "check_output", "convert", "expand_inputs", "extract",
    "load", "mentions", "output_format", "read_input", "write_atomic",
]  # fmt: skip

STDIN = "-"
MAX_INPUT_BYTES = 200 * 1024 * 1024  # one input file; larger ones are refused, not half-read


@dataclass(slots=True)
class Loaded:
    """Everything read from the inputs: one merged timeline, and what was said along the way."""

    timeline: Timeline
    diagnostics: list[Diagnostic] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)  # input path -> detected format
    skipped: list[Diagnostic] = field(default_factory=list)  # errors passed over by skip_invalid
    left_out: int = 0  # events that `extract`'s output format could not hold


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
) -> BuildReport:
    """Read the inputs and write one rendered file. Nothing is written if anything fails.
    `workers`, `scheduler` and `progress` are as for `load`."""
    output = Path(output)
    check_output(inputs, output)
    loaded = load(inputs, options, skip_invalid=skip_invalid, stdin=stdin, workers=workers,
                  scheduler=scheduler, progress=progress)  # fmt: skip
    render_options = render_options or RenderOptions()
    if render_options.today is None:
        reference = loaded.timeline.settings.reference_date
        if reference is not None:
            render_options = replace(render_options, today=reference,
                                     today_label="reference date")  # fmt: skip
        else:
            day = (options and options.today) or clock_today()
            render_options = replace(render_options, today=day)
    data = render(kind, loaded.timeline, render_options)
    write_atomic(output, data)
    return BuildReport(output, loaded, len(data))


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
    """The data format that an output file's suffix names, else `default`."""
    suffix = output.suffix.lower()
    for kind, suffixes in DATA_FORMATS.items():
        if suffix in suffixes:
            return kind
    if default is not None:
        return default
    known = ", ".join(s for suffixes in DATA_FORMATS.values() for s in suffixes)
    raise InputError(
        SourceRef(str(output)), f"cannot tell the format from the suffix (know {known}); say --to"
    )


def convert(
    inputs: Sequence[str],
    output: str | Path,
    options: ReadOptions | None = None,
    *,
    kind: str | None = None,
    stdin: BinaryIO | None = None,
) -> BuildReport:
    """Read the inputs (any readable format) and write them as one data format, atomically.
    Nothing is written if anything fails; what the format cannot hold comes back as warnings
    in the report's `loaded.diagnostics`."""
    output = Path(output)
    check_output(inputs, output)
    kind = kind or output_format(output)
    loaded = load(inputs, options, stdin=stdin)
    out = write(kind, loaded.timeline)
    loaded.diagnostics.extend(out.warnings)
    write_atomic(output, out.data)
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
        found.extend(find(decoded.text, shown, detect_format(shown, decoded.text), options))
    return found


def check_output(inputs: Sequence[str], output: Path) -> None:
    """Refuse an output path that is a directory or one of the inputs: a build must never eat
    its source. Checked before any reading, so a long build does not fail at its last step."""
    if output.is_dir():
        raise InputError(SourceRef(str(output)), "is a directory")
    target = os.path.realpath(output)  # not Path.resolve, which raises on a symlink loop
    for path in expand_inputs(inputs):
        if path != STDIN and os.path.realpath(path) == target:
            raise InputError(SourceRef(str(output)), "the output would overwrite an input file")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file.
    A path that cannot be written is an `InputError` naming it; no temporary file is left."""
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


def _unwritable(path: Path, exc: OSError) -> InputError:
    if isinstance(exc, IsADirectoryError):
        return InputError(SourceRef(str(path)), "is a directory")
    if isinstance(exc, FileExistsError | NotADirectoryError):  # a file where a folder should be
        return InputError(SourceRef(str(path)), "cannot write: a file is in the way of its folder")
    return InputError(SourceRef(str(path)), f"cannot write: {exc.strerror or exc}")
