"""Shell completion: typer's --install-completion and --show-completion, and the answers the
installed scripts get back. Run as real processes, as a shell would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
# `timeline`, however it is started: main() names the program, so the variable is always this.
COMPLETE = "_TIMELINE_COMPLETE"


def timeline(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from timeline.cli import main; sys.argv[0] = 'anything'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env}, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("timeline bu", ["build"]),
        ("timeline w", ["watch"]),
        ("timeline build --format ", ["html", "png", "svg", "pdf"]),
        ("timeline build --th", ["--theme"]),
        ("timeline watch --theme ", ["light", "dark"]),
        (
            "timeline extract --format ",
            ["yaml", "json", "jsonl", "csv", "ics", "timelinejs", "markwhen"],
        ),
    ],
)
def test_bash_completion_answers(words: str, expected: list[str]) -> None:
    cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    proc = timeline(**{COMPLETE: "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == expected


def test_zsh_completion_answers() -> None:
    proc = timeline(**{COMPLETE: "complete_zsh", "_TYPER_COMPLETE_ARGS": "timeline va"})
    assert proc.returncode == 0, proc.stderr
    assert '"validate":"Check inputs for problems' in proc.stdout


def test_inputs_fall_back_to_file_names() -> None:
    """No answer for INPUT, so that the shell completes file names itself (bash: -o default)."""
    proc = timeline(**{COMPLETE: "complete_bash", "COMP_WORDS": "timeline build ev",
                       "COMP_CWORD": "2"})  # fmt: skip
    assert proc.returncode == 0 and proc.stdout.strip() == ""
    shown = timeline("--show-completion", "bash", _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    assert "complete -o default -F _timeline_completion timeline" in shown.stdout
    # fish: "is-args" fails where there is nothing to offer, and fish then lists files.
    for words, status in (("timeline build ev", 1), ("timeline bu", 0)):
        fish = timeline(**{COMPLETE: "complete_fish", "_TYPER_COMPLETE_ARGS": words,
                           "_TYPER_COMPLETE_FISH_ACTION": "is-args"})  # fmt: skip
        assert fish.returncode == status, words


def test_install_completion_for_bash(tmp_path: Path) -> None:
    proc = timeline("--install-completion", "bash", HOME=str(tmp_path),
                    _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    script = tmp_path / ".bash_completions" / "timeline.sh"
    assert f"{COMPLETE}=complete_bash" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
