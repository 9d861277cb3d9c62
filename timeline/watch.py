"""`timeline watch`: rebuild the page whenever an input is saved; the open page reloads itself.

The one module that imports watchfiles. Beside the page the watcher keeps a small script,
`<page>.live.js`, that says which version of the page is the latest good one and what was wrong
with the last save, if anything. The page (built with `RenderOptions.live_script`) loads that
script every second and reloads when the version changes: no server and no port, and it works
from file:// as well as over HTTP. A save that cannot be built leaves the page as it was, and the
page shows the problems until the next good save.

Nothing here prints: each build's outcome goes to the `on_build` callback.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.errors import InputError, InvalidInput, TimelineError
from timeline.model import SourceRef
from timeline.pipeline import STDIN, BuildReport, build, expand_inputs, write_atomic
from timeline.render import RenderOptions
from timeline.sources import _SUFFIXES, ReadOptions

__all__ = ["DEBOUNCE_MS", "Outcome", "live_script_for", "watch"]

DEBOUNCE_MS = 300  # an editor's save can be several writes; one build for all of them
WAKE_MS = 200  # how often the watcher wakes when nothing changes (to see `stop`)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One build: its report, or the error that stopped it (the page on disk is then the last
    good one). `changed` holds the paths whose change set it off; empty for the first build."""

    report: BuildReport | None
    error: TimelineError | None
    changed: tuple[str, ...] = ()


def live_script_for(output: Path) -> Path:
    """The script beside the page that tells it when to reload: out/timeline.live.js."""
    return output.with_name(f"{output.stem}.live.js")


def _version(inputs: Sequence[str]) -> str:
    """The inputs' names and bytes, hashed: the same inputs make the same page."""
    digest = hashlib.sha256()
    try:
        for path in expand_inputs(inputs):
            digest.update(path.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    except (OSError, TimelineError):
        return ""  # the build will say what is wrong
    return digest.hexdigest()[:16]


def _problems(error: TimelineError) -> list[str]:
    if isinstance(error, InvalidInput):
        return [str(p) for p in error.problems]
    return [str(error)]


def _tell_page(script: Path, version: str, problems: list[str]) -> None:
    state = json.dumps({"version": version, "problems": problems}, ensure_ascii=True)
    write_atomic(script, f"timelineLive({state});\n".encode())


Filter = Callable[[object, str], bool]


def _watched(inputs: Sequence[str], output: Path) -> tuple[list[Path], Filter]:
    """The folders to watch, and which changes in them matter: an input file, or a readable
    file in an input folder; never the page, its live script or their temporary files."""
    files = {Path(p).resolve() for p in inputs if not Path(p).is_dir()}
    folders = [Path(p).resolve() for p in inputs if Path(p).is_dir()]
    roots = sorted(set(folders) | {f.parent for f in files})
    for root in roots:
        if not root.is_dir():
            raise InputError(SourceRef(str(root)), "no such folder to watch")
    page = output.resolve()
    for folder in folders:
        if page.is_relative_to(folder):
            # The next build would read the page as one of the inputs.
            raise InputError(SourceRef(str(output)), f"the page would be written inside the "
                             f"watched folder {folder}; write it elsewhere with -o")  # fmt: skip
    ours = {page, live_script_for(page)}

    def matters(_change: object, path: str) -> bool:
        p = Path(path).resolve()
        if p in ours or (p.parent == page.parent and p.name.startswith(".")):
            return False
        if p in files:
            return True
        return p.suffix.lower() in _SUFFIXES and any(p.is_relative_to(f) for f in folders)

    return roots, matters


def watch(
    inputs: Sequence[str],
    output: str | Path,
    on_build: Callable[[Outcome], None],
    options: ReadOptions | None = None,
    render_options: RenderOptions | None = None,
    *,
    skip_invalid: bool = False,
    stop: threading.Event | None = None,
    debounce_ms: int = DEBOUNCE_MS,
) -> None:
    """Build now, then again after every change to the inputs, until `stop` is set or Ctrl-C
    (KeyboardInterrupt, which is raised to the caller)."""
    import watchfiles

    output = Path(output)
    if STDIN in inputs:
        raise InputError(SourceRef("<stdin>"), "standard input cannot be watched; name a file")
    roots, matters = _watched(inputs, output)
    script = live_script_for(output)
    render_options = replace(render_options or RenderOptions(), live_script=script.name)
    good = ""  # the version of the last page written
    tried = ""  # the version of the inputs the last build read

    def rebuild(changed: tuple[str, ...]) -> Outcome:
        nonlocal good, tried
        version = tried = _version(inputs)
        try:
            report = build(inputs, output, options, replace(render_options, live_version=version),
                           skip_invalid=skip_invalid)  # fmt: skip
        except TimelineError as error:
            _tell_page(script, good, _problems(error))
            return Outcome(None, error, changed)
        good = version
        _tell_page(script, good, [])
        return Outcome(report, None, changed)

    first: Outcome | None = rebuild(())
    # The first outcome is told once the watcher is running (its first answer, a change or a
    # quiet spell of WAKE_MS), so that a save made after it is never missed; a save made
    # while the watcher was starting is caught by comparing the inputs with what was built.
    for changes in watchfiles.watch(
        *roots, watch_filter=matters, debounce=debounce_ms, stop_event=stop,
        recursive=any(Path(p).is_dir() for p in inputs), rust_timeout=WAKE_MS,
        yield_on_timeout=True,
    ):  # fmt: skip
        if first is not None:
            stale = not changes and _version(inputs) != tried  # before anyone is told
            on_build(first)
            first = None
            if stale:
                on_build(rebuild(()))
        if changes:
            on_build(rebuild(tuple(sorted({path for _, path in changes}))))
    if first is not None:  # stopped before the watcher answered
        on_build(first)
