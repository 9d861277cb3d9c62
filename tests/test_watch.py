"""`timeline watch`: rebuilds on save, keeps the last good page on a bad save, reloads the page.

Every wait here is bounded: a watcher that never answers fails the test, it does not hang it.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests import test_browser
from tests.test_browser import READY, TODAY
from timeline.cli import app
from timeline.pipeline import build
from timeline.render import RenderOptions
from timeline.sources import ReadOptions
from timeline.watch import Outcome, live_script_for, watch

ROOT = Path(__file__).parent.parent
WAIT = 30.0  # seconds: generous for a shared 2-core machine, but never forever
browser = test_browser.browser  # the module-scoped Chromium fixture

GOOD = "title: First\nevents:\n  - {date: 1969-07-20, title: Apollo 11}\n"
BETTER = "title: Second\nevents:\n  - {date: 1969-07-20, title: Apollo 11}\n"
BAD = "title: Third\nevents:\n  - {date: 31 Febuary 2001, title: Nope}\n"


class Watcher:
    """`watch` on a thread, its outcomes in a queue, stopped when the test ends."""

    def __init__(self, src: Path, out: Path) -> None:
        self.outcomes: queue.Queue[Outcome] = queue.Queue()
        self.stop = threading.Event()
        self.failure: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, args=(src, out), daemon=True)
        self.thread.start()

    def _run(self, src: Path, out: Path) -> None:
        try:
            watch([str(src)], out, self.outcomes.put, ReadOptions(today=TODAY),
                  RenderOptions(today=TODAY), stop=self.stop, debounce_ms=100)  # fmt: skip
        except BaseException as exc:  # reported by next()
            self.failure.append(exc)

    def next(self) -> Outcome:
        try:
            return self.outcomes.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError(f"no build within {WAIT} s; {self.failure}") from None

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=WAIT)
        assert not self.thread.is_alive(), "the watcher did not stop"


@pytest.fixture
def files(tmp_path: Path) -> Iterator[tuple[Path, Path, Watcher]]:
    src, out = tmp_path / "events.yaml", tmp_path / "out" / "page.html"
    src.write_text(GOOD)
    watcher = Watcher(src, out)
    yield src, out, watcher
    watcher.close()


def _state(out: Path) -> dict[str, Any]:
    text = live_script_for(out).read_text()
    match = re.fullmatch(r"timelineLive\((.*)\);\n", text, re.DOTALL)
    assert match, text
    return dict(json.loads(match[1]))


def test_rebuilds_on_save_and_keeps_the_last_good_page(files: tuple[Path, Path, Watcher]) -> None:
    src, out, watcher = files
    first = watcher.next()
    assert first.error is None and first.changed == ()
    assert "<title>First</title>" in out.read_text()
    version = _state(out)["version"]
    assert version and _state(out)["problems"] == []

    src.write_text(BETTER)
    second = watcher.next()
    assert second.error is None and second.changed == (str(src.resolve()),)
    assert "<title>Second</title>" in out.read_text()
    assert _state(out)["version"] not in ("", version)
    good = out.read_bytes()

    src.write_text(BAD)
    third = watcher.next()
    assert third.report is None and third.error is not None
    assert 'cannot read "31 Febuary 2001" as a date' in str(third.error)
    assert out.read_bytes() == good  # the last good page stays
    state = _state(out)
    assert state["version"] != version  # still the second page's
    assert any('events.yaml:3: cannot read "31 Febuary 2001"' in p for p in state["problems"])

    src.write_text(GOOD)
    fourth = watcher.next()
    assert fourth.error is None and _state(out) == {"version": version, "problems": []}


def test_the_page_and_its_temporary_files_set_off_no_build(
    files: tuple[Path, Path, Watcher],
) -> None:
    src, out, watcher = files
    watcher.next()
    (out.parent / "unrelated.yaml").write_text(GOOD)  # not an input
    out.write_text("touched")
    (src.parent / "notes.txt").write_text("not watched")
    with pytest.raises(queue.Empty):
        watcher.outcomes.get(timeout=2)


def test_a_watched_folder_rebuilds_when_a_file_is_added(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "deep").mkdir(parents=True)
    (folder / "a.yaml").write_text(GOOD)
    out = tmp_path / "out" / "page.html"
    watcher = Watcher(folder, out)
    try:
        assert len(watcher.next().report.loaded.timeline.events) == 1  # type: ignore[union-attr]
        added = folder / "deep" / "b.yaml"
        added.write_text("events:\n  - {date: 1990, title: Web}\n")
        outcome = watcher.next()
        assert outcome.changed == (str(added.resolve()),)
        assert len(outcome.report.loaded.timeline.events) == 2  # type: ignore[union-attr]
        (folder / "notes.doc").write_text("not a readable input")
        with pytest.raises(queue.Empty):
            watcher.outcomes.get(timeout=2)
    finally:
        watcher.close()


def test_a_page_inside_a_watched_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    out = tmp_path / "out" / "page.html"
    result = CliRunner().invoke(app, ["watch", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{out}: the page would be written inside the watched folder" in result.stderr
    assert not out.exists()


def test_a_save_while_the_watcher_starts_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.watch as watch_module

    src, out = tmp_path / "events.yaml", tmp_path / "out" / "page.html"
    src.write_text(GOOD)
    real_build = watch_module.build
    calls: list[int] = []

    def build_then_save(*args: Any, **kwargs: Any) -> Any:
        report = real_build(*args, **kwargs)
        if not calls:  # saved after the first build read the file, before watching began
            src.write_text(BETTER)
        calls.append(1)
        return report

    monkeypatch.setattr(watch_module, "build", build_then_save)
    watcher = Watcher(src, out)
    try:
        assert watcher.next().report.loaded.timeline.title == "First"  # type: ignore[union-attr]
        assert watcher.next().error is None
        assert "<title>Second</title>" in out.read_text()
    finally:
        watcher.close()


def test_normal_pages_do_not_poll(tmp_path: Path) -> None:
    src, out = tmp_path / "e.yaml", tmp_path / "p.html"
    src.write_text(GOOD)
    build([str(src)], out, ReadOptions(today=TODAY), RenderOptions(today=TODAY))
    assert "tl-live" not in out.read_text() and "timelineLive" not in out.read_text()


def test_watch_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(app, ["watch", "--help"])
    assert result.exit_code == 0
    assert "Example: timeline watch events.yaml --open" in result.stdout.split("Options")[0]


def test_standard_input_cannot_be_watched() -> None:
    result = CliRunner().invoke(app, ["watch", "-"])
    assert result.exit_code == 1
    assert "standard input cannot be watched" in result.stderr


# -- The command, as a real process ---------------------------------------------------------------


def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None  # stdout and stderr, in the order they were said
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return lines


def _wait_for(lines: queue.Queue[str], text: str) -> list[str]:
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError(f"{text!r} not said within {WAIT} s; said: {seen}") from None
        seen.append(line)
        if text in line:
            return seen


def test_watch_command_rebuilds_reports_and_exits_130_on_ctrl_c(tmp_path: Path) -> None:
    src, out = tmp_path / "events.yaml", tmp_path / "site" / "index.html"
    src.write_text(GOOD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-m", "timeline", "watch", str(src), "-o", str(out), "--ref-date",
         "2020-01-01"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    ) as proc:  # fmt: skip
        try:
            lines = _lines(proc)
            _wait_for(lines, "watching for changes")
            assert "<title>First</title>" in out.read_text()
            src.write_text(BAD)
            said = _wait_for(lines, "watching for changes")
            text = "\n".join(said)
            assert f"changed: {src.resolve()}" in text
            assert "error: 1 problem found; nothing was written" in text
            assert f'{src}:3: cannot read "31 Febuary 2001" as a date' in text
            assert "<title>First</title>" in out.read_text()
            src.write_text(BETTER)
            said = _wait_for(lines, "watching for changes")
            assert any(line.startswith(f"wrote {out} (1 event") for line in said), said
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=WAIT) == 130
            said = _wait_for(lines, "stopped watching")
            assert not any("Traceback" in line for line in said), said
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=WAIT)
    assert "<title>Second</title>" in out.read_text()
    assert sorted(p.name for p in out.parent.iterdir()) == ["index.html", "index.live.js"]


# -- The open page reloads itself ------------------------------------------------------------------


@pytest.mark.browser
def test_open_page_reloads_on_save_shows_problems_and_keeps_its_zoom(
    browser: Any, files: tuple[Path, Path, Watcher]
) -> None:
    src, out, watcher = files
    watcher.next()
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(out.as_uri())  # file://: no server
        page.wait_for_selector(READY, timeout=WAIT * 1000)
        page.evaluate("() => Plotly.relayout(timelinePage.gd, {'xaxis.range': [1969.5, 1969.6]})")

        src.write_text(BETTER)
        watcher.next()
        page.wait_for_function("() => document.title === 'Second'", timeout=WAIT * 1000)
        page.wait_for_selector(READY, timeout=WAIT * 1000)
        page.wait_for_function(
            "() => Math.abs(timelinePage.gd.layout.xaxis.range[0] - 1969.5) < 1e-6",
            timeout=WAIT * 1000,
        )  # the zoom survived the reload

        src.write_text(BAD.replace("31 Febuary 2001", '"<img src=x onerror=window.__xss=1>"'))
        watcher.next()
        banner = page.wait_for_selector("#tl-live-problems", timeout=WAIT * 1000)
        assert banner is not None
        text = banner.inner_text()
        assert "could not be built" in text and "<img src=x onerror" in text
        assert page.title() == "Second"  # still the last good page
        assert page.evaluate("() => document.querySelectorAll('img').length") == 0

        src.write_text(GOOD)
        watcher.next()
        page.wait_for_function("() => document.title === 'First'", timeout=WAIT * 1000)
        page.wait_for_selector(READY, timeout=WAIT * 1000)
        assert page.query_selector("#tl-live-problems") is None
        assert page.evaluate("() => window.__xss") is None
        assert errors == []
    finally:
        page.close()
