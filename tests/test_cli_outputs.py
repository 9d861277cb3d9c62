"""Where the command line writes and what it reads from a folder: unwritable outputs are a
message, not a traceback, and a folder's own earlier output is not read again as input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

EVENTS = """\
reference_date: 2020-06-01
events:
  - {date: 27 BC, title: Augustus becomes emperor}
  - {date: 14 AD, title: Augustus dies}
"""


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS)
    return path


@pytest.mark.parametrize("command", [["build"], ["convert"], ["extract", "-f", "json"]])
def test_output_that_is_a_directory_is_a_message(
    command: list[str], events: Path, tmp_path: Path
) -> None:
    target = tmp_path / "somedir"
    target.mkdir()
    result = run(*command, str(events), "-o", str(target))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"error: {target}: is a directory" in result.stderr
    assert list(target.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml", "somedir"]


@pytest.mark.parametrize("command", [["build"], ["convert"], ["extract", "-f", "json"]])
def test_output_that_cannot_be_written_is_a_message(
    command: list[str], events: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, so nothing can be made under it")
    target = blocked / "x.json"
    result = run(*command, str(events), "-o", str(target))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"error: {target}: cannot write: a file is in the way of its folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "events.yaml"]


def test_a_folder_skips_the_pages_timeline_wrote_there(
    events: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("build").exit_code == 0  # writes out/timeline.html
    assert (tmp_path / "out" / "timeline.html").exists()
    for _ in range(2):  # a rebuild reads what the first build read, and no more
        result = run("build", ".", "-o", "page.html")
        assert result.exit_code == 0, result.output
        assert "(2 events" in result.stdout
    assert "skipped what timeline wrote here: out/, page.html" in result.stderr
    (tmp_path / "notes.html").write_text("<p>On 3 May 1990 the notes were written.</p>")
    result = run("validate", ".")
    assert "ok: 3 events in 2 file(s)" in result.stdout


def test_a_page_named_on_its_own_is_still_read(tmp_path: Path) -> None:
    """A page with timeline's generator mark is skipped in a folder, read when named. (A page
    timeline built has no prose to read: its list and controls are not read as text.)"""
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta name="generator" content="timeline"></head>'
                    "<body><p>On 3 May 1990 the notes were written.</p></body></html>")  # fmt: skip
    result = run("validate", str(page))
    assert "in 1 file(s)" in result.stdout, result.output
    assert "no events" in run("validate", str(tmp_path)).stderr


@pytest.mark.parametrize("suffix", ["json", "jsonl"])
def test_our_own_json_reads_back_without_warnings(
    suffix: str, events: Path, tmp_path: Path
) -> None:
    written = tmp_path / f"events.{suffix}"
    assert run("convert", str(events), "-o", str(written)).exit_code == 0
    assert '"source_count"' in written.read_text()
    result = run("validate", str(written))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "ok: 2 events" in result.stdout


@pytest.mark.parametrize("fmt", ["ics", "markwhen"])
def test_extract_says_how_many_events_the_format_left_out(
    fmt: str, events: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"events.{fmt}"
    result = run("extract", str(events), "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    # 27 BC cannot be held by either format; AD 14 can.
    assert f"wrote {out} (1 of 2 events, 1 left out)" in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("events:\n  - {date: not a date at all, title: a}\n", "error: 1 problem found\n"),
        ("events: []\n", "no events"),
    ],
)
def test_validate_does_not_say_nothing_was_written(text: str, message: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "written" not in result.stderr
    assert "nothing was written" in run("build", str(bad), "-o", str(tmp_path / "p.html")).stderr
