"""A progress bar on standard error for work that takes a while, with how many things a second.

    with Bar("reading", "documents") as bar:
        for done, item in enumerate(items, 1):
            ...
            bar(done, len(items))

Unless asked for (`show=True`), a bar is shown only when standard error is a terminal and not
under CI, and only once the work has gone on for a second (at the first call after that): a quick
run, a pipe, a log file and a CI run see nothing. It never writes to standard output. rich is
imported only when a bar is actually drawn, so commands that finish quickly never pay for it.
Until then no thread is started: a process pool forked at the start of the work inherits no
thread's locks.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any, TextIO

__all__ = ["Bar", "wanted"]

DELAY = 1.0  # seconds of work before a bar appears


def wanted(stream: TextIO) -> bool:
    """Whether to show progress when nobody said: on a terminal, and not under CI."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return terminal and not os.environ.get("CI")


class Bar:
    """A progress bar: call it with (done, total) as work goes on. A context manager; the bar
    appears at the first call `delay` seconds or more after entry (at once when `show` is True)
    and is closed on exit."""

    def __init__(
        self,
        label: str,
        unit: str = "documents",
        *,
        show: bool | None = None,
        stream: TextIO | None = None,
        delay: float = DELAY,
    ) -> None:
        self.label, self.unit = label, unit
        self.stream = stream or sys.stderr
        self.enabled = wanted(self.stream) if show is None else show
        self.delay = 0.0 if show else delay
        self.done, self.total = 0, 0
        self._due = 0.0  # when the bar may appear, on the monotonic clock
        self._progress: Any = None  # rich.progress.Progress, once shown
        self._task: Any = None

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def __enter__(self) -> Bar:
        self._due = time.monotonic() + self.delay
        if self.enabled and self.delay <= 0:
            self._show()
        return self

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self._progress is None and self.enabled and time.monotonic() >= self._due:
            self._show()
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(self.unit),
            _rate_column(self.unit),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = progress.add_task(self.label, total=self.total or None, completed=self.done)
        progress.start()
        self._progress = progress

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


def _rate_column(unit: str) -> Any:
    """A rich column: how many `unit` a second, over the last few seconds."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} {unit}/s" if speed else f"– {unit}/s", style="cyan")

    return Rate()
