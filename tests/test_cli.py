"""The command line: exit codes, messages on stderr, what gets written and what does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).parent.parent
GOOD = """\
title: Small
reference_date: 2020-05-05
events:
  - date: 1969-07-20
    title: Apollo 11
  - date: 44 BC
    title: Caesar dies
  - date: 1939–45
    title: Second World War
"""


def run(*args: str, input: str | None = None) -> object:
    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(GOOD)
    return path


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("timeline 0.")


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["extract"]])
def test_every_help_ends_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    description = result.stdout.split("Options")[0]
    assert "Example: timeline" in description


def test_build_writes_the_page(good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "page.html"
    result = run("build", str(good), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"wrote {out} (3 events" in result.stdout
    html = out.read_text()
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Caesar dies" in html


def test_build_defaults_to_events_yaml(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(good.parent)
    result = run("build")
    assert result.exit_code == 0, result.stderr
    assert (good.parent / "out" / "timeline.html").exists()


def test_build_twice_gives_identical_bytes(good: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert run("build", str(good), "-o", str(a)).exit_code == 0
    assert run("build", str(good), "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_validate_writes_nothing(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate", str(good))
    assert result.exit_code == 0
    assert "ok: 3 events in 1 file(s)" in result.stdout
    assert not (tmp_path / "out").exists()


def test_bad_file_lists_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "events:\n  - date: 31 Febuary 2001\n    title: x\n"
        "  - date: 1969\n"
        "  - date: soon-ish\n    title: y\n"
    )
    out = tmp_path / "page.html"
    result = run("build", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert f'{bad}:2: cannot read "31 Febuary 2001" as a date' in result.stderr
    assert f"{bad}:4: missing title" in result.stderr
    assert f'{bad}:5: cannot read "soon-ish" as a date' in result.stderr
    assert "3 problems found; nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_traceback_flag_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events: []\n")
    result = run("build", str(bad), "--traceback", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert "Traceback" in result.stderr


def test_skip_invalid_builds_the_rest_and_says_where(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD + "  - date: 31 Febuary 2001\n    title: x\n")
    out = tmp_path / "page.html"
    result = run("build", str(bad), "--skip-invalid", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "skipped 1 invalid event(s):" in result.stderr
    assert f"{bad}:10: cannot read" in result.stderr
    assert "3 events" in result.stdout
    assert out.exists()


def test_output_that_is_an_input_is_refused(good: Path) -> None:
    before = good.read_bytes()
    result = run("build", str(good), "-o", str(good))
    assert result.exit_code == 1
    assert "would overwrite an input" in result.stderr
    assert good.read_bytes() == before


def test_failed_build_keeps_the_previous_page(good: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    out.write_text("previous page")
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - date: nope\n    title: x\n")
    assert run("build", str(bad), "-o", str(out)).exit_code == 1
    assert out.read_text() == "previous page"


@pytest.mark.parametrize(
    ("args", "message"),
    [(["build", "--theme", "purple"], "purple"),
     (["build", "--ref-date", "whenever"], "--ref-date"),
     (["build", "--lang", "xx"], "unknown language"), (["nonsense"], "No such command")],
)  # fmt: skip
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_input_is_exit_1(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert "nope.yaml: no such file" in result.stderr


def test_stdin(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run("build", "-", "-o", str(out), input=GOOD)
    assert result.exit_code == 0, result.stderr
    assert out.exists()


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl", "csv"])
def test_extract_from_yaml_in_every_format(good: Path, fmt: str) -> None:
    result = run("extract", str(good), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "Caesar dies" in result.stdout


def test_installed_console_script_help() -> None:
    """The entry point works as a real process: `python -m timeline --help`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True,
                          text=True, env=env, timeout=60, check=False)  # fmt: skip
    assert proc.returncode == 0
    assert "build" in proc.stdout and "extract" in proc.stdout


def test_demo_events_yaml_builds(tmp_path: Path) -> None:
    """The README's demo: the committed events.yaml builds with no errors or warnings."""
    out = tmp_path / "demo.html"
    result = run("build", str(ROOT / "events.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert out.stat().st_size > 1_000_000  # plotly.js is inlined


def test_interrupted_write_leaves_no_half_page(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while the page is being written: exit 130, the old page intact, no temp file."""
    import timeline.pipeline as pipeline

    out = tmp_path / "site" / "page.html"
    out.parent.mkdir()
    out.write_text("previous page")
    real_fsync = os.fsync

    def interrupted(fd: int) -> None:
        real_fsync(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.os, "fsync", interrupted)
    monkeypatch.setattr(sys, "argv", ["timeline", "build", str(good), "-o", str(out)])
    from timeline.cli import main

    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 130
    assert "interrupted; nothing was written" in capsys.readouterr().err
    assert out.read_text() == "previous page"
    assert sorted(p.name for p in out.parent.iterdir()) == ["page.html"]
