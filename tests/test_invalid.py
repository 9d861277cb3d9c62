"""Every file in tests/data/invalid fails with exit status 1, its expected messages and no output.

Each `<case>.<ext>` sits beside `<case>.expected.txt`, whose lines must each appear in stderr,
in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

INVALID = Path(__file__).parent / "data" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_invalid_file(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    output = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["build", case.name, "-o", str(output)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    assert not output.exists()
    assert not list(tmp_path.iterdir()), "a temporary file was left behind"
    expected = case.with_name(case.stem + ".expected.txt").read_text().splitlines()
    lines = result.stderr.splitlines()
    position = 0
    for want in expected:
        for i in range(position, len(lines)):
            if want in lines[i]:
                position = i + 1
                break
        else:
            pytest.fail(f"{want!r} not in stderr (in order):\n{result.stderr}")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 12
