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
    assert f"error: {target}: cannot write" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "events.yaml"]
