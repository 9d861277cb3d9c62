"""What the commands write and where: `-o -` is standard output, an edited `extract` file is
not overwritten without --force, and the "wrote ..." line and usage errors read the same for
every command."""

from __future__ import annotations

import json
from pathlib import Path

import click.testing
import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).parent.parent
EVENTS = """\
title: Two emperors
reference_date: 2020-06-01
events:
  - {date: 27 BC, title: Augustus becomes emperor}
  - {date: 14 AD, title: Augustus dies}
"""
PROSE = """\
LONDON, 4 May 2012 - The firm paid £18 million to settle the claim on Thursday.

On 3 March 2011 the council approved the plan for the bridge.
"""


def run(*args: str, input: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to work in, with events.yaml and article.txt, as the current directory."""
    (tmp_path / "events.yaml").write_text(EVENTS)
    (tmp_path / "article.txt").write_text(PROSE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- -o - is standard output ------------------------------------------------------------------


def test_extract_dash_o_writes_yaml_to_stdout_and_no_file(here: Path) -> None:
    result = run("extract", "article.txt", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Events written by `timeline extract`")
    assert 'title: "The council approved the plan for the bridge"' in result.stdout
    assert files(here) == ["article.txt", "events.yaml"]


def test_build_dash_o_writes_the_page_to_stdout(here: Path) -> None:
    result = run("build", "events.yaml", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().lower().startswith("<!doctype html")
    assert "Augustus dies" in result.stdout
    # the page is the whole of standard output; the report goes beside it
    assert result.stdout.rstrip().endswith("</html>")
    assert result.stderr.startswith("wrote <stdout> (2 events, ")
    assert files(here) == ["article.txt", "events.yaml"]


def test_build_dash_o_is_the_same_page_as_a_file(here: Path) -> None:
    assert run("build", "events.yaml", "-o", "page.html").exit_code == 0
    result = CliRunner().invoke(app, ["build", "events.yaml", "-o", "-"])
    assert result.stdout_bytes == (here / "page.html").read_bytes()


@pytest.mark.parametrize(("fmt", "starts"), [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_build_dash_o_writes_an_image_to_stdout_that_is_not_a_terminal(
    here: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, starts: bytes
) -> None:
    chromium = "/usr/bin/chromium"  # as tests/test_image.py: kaleido draws in Debian's Chromium
    if not Path(chromium).exists():
        pytest.skip(f"no Chromium at {chromium} (apt install chromium)")
    pytest.importorskip("kaleido")
    monkeypatch.setenv("BROWSER_PATH", chromium)
    result = CliRunner().invoke(app, ["build", "events.yaml", "--format", fmt, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.lstrip().startswith(starts)
    assert result.stderr.startswith("wrote <stdout> (2 events, ")
    assert files(here) == ["article.txt", "events.yaml"]


def test_build_refuses_a_binary_image_to_a_terminal(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer.testing

    # what typer's runner puts in place of standard output answers as a terminal would
    monkeypatch.setattr(typer.testing._NamedTextIOWrapper, "isatty", lambda self: True)
    result = run("build", "events.yaml", "--format", "png", "-o", "-")
    assert result.exit_code == 2
    assert "a png image would go to the terminal; redirect it" in result.stderr
    assert files(here) == ["article.txt", "events.yaml"]


def test_build_cannot_open_a_page_on_stdout(here: Path) -> None:
    result = run("build", "events.yaml", "-o", "-", "--open")
    assert result.exit_code == 2
    assert "a page on standard output cannot be opened" in result.stderr


def test_convert_dash_o_writes_to_stdout(here: Path) -> None:
    result = run("convert", "events.yaml", "-o", "-", "--to", "json")
    assert result.exit_code == 0, result.stderr
    assert [e["title"] for e in json.loads(result.stdout)["events"]] == [
        "Augustus becomes emperor",
        "Augustus dies",
    ]
    assert "wrote <stdout> (2 events; read as yaml)" in result.stderr
    assert files(here) == ["article.txt", "events.yaml"]


def test_convert_dash_o_needs_to(here: Path) -> None:
    result = run("convert", "events.yaml", "-o", "-")
    assert result.exit_code == 1
    assert "error: <stdout>: standard output has no suffix to tell the format by; say --to" in (
        result.stderr
    )
    assert result.stdout == ""


def test_watch_refuses_dash_o(here: Path) -> None:
    result = run("watch", "events.yaml", "-o", "-")
    assert result.exit_code == 2
    assert "give -o FILE, not -" in result.stderr
    assert files(here) == ["article.txt", "events.yaml"]


def test_a_write_failure_is_an_output_error(here: Path) -> None:
    import timeline
    from timeline.errors import InputError, OutputError

    (here / "blocked").write_text("a file, so no folder can be made here")
    with pytest.raises(OutputError) as caught:
        timeline.build(["events.yaml"], "blocked/page.html")
    assert not isinstance(caught.value, InputError)
    assert caught.value.path == "blocked/page.html"
    assert str(caught.value) == (
        "blocked/page.html: cannot write: a file is in the way of its folder"
    )


def test_the_repository_has_no_file_named_dash() -> None:
    assert not (ROOT / "-").exists()


# -- extract does not overwrite what the user edited -------------------------------------------


def test_extract_again_replaces_the_file_it_wrote(here: Path) -> None:
    first = run("extract", "article.txt", "-o", "reviewed.yaml")
    assert first.exit_code == 0, first.stderr
    (here / "article.txt").write_text(PROSE + "\nOn 9 June 2011 the bridge was closed.\n")
    again = run("extract", "article.txt", "-o", "reviewed.yaml")
    assert again.exit_code == 0, again.stderr
    assert "The bridge was closed" in (here / "reviewed.yaml").read_text()


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("The council approved the plan", "Council approves plan"),
        lambda text: text.replace('\n  - date: "2011-03-03"', "\n  # removed"),  # a deletion
        lambda text: text + "  - {date: 2013, title: Added by hand}\n",
    ],
    ids=["changed", "deleted", "added"],
)
def test_extract_keeps_a_file_the_user_edited(here: Path, edit: object) -> None:
    assert run("extract", "article.txt", "-o", "reviewed.yaml").exit_code == 0
    reviewed = here / "reviewed.yaml"
    edited = edit(reviewed.read_text())  # type: ignore[operator]
    assert edited != reviewed.read_text()
    reviewed.write_text(edited)
    result = run("extract", "article.txt", "-o", "reviewed.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: reviewed.yaml: has been edited since timeline wrote it; not replaced, so the "
        "edits are kept (--force replaces it; -o another file writes beside it)\n"
    )
    assert reviewed.read_text() == edited
    assert files(here) == ["article.txt", "events.yaml", "reviewed.yaml"]

    forced = run("extract", "article.txt", "-o", "reviewed.yaml", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert reviewed.read_text() != edited
    assert "The council approved the plan for the bridge" in reviewed.read_text()


def test_extract_refuses_a_yaml_file_it_did_not_write(here: Path) -> None:
    result = run("extract", "article.txt", "-o", "events.yaml")
    assert result.exit_code == 1
    assert "error: events.yaml: already exists and timeline did not write it" in result.stderr
    assert "--force" in result.stderr
    assert (here / "events.yaml").read_text() == EVENTS


def test_extract_refuses_an_existing_file_that_cannot_carry_a_fingerprint(here: Path) -> None:
    assert run("extract", "article.txt", "-o", "events.csv").exit_code == 0
    written = (here / "events.csv").read_text()
    result = run("extract", "article.txt", "-o", "events.csv")
    assert result.exit_code == 1
    assert "error: events.csv: already exists, and csv has no room for the fingerprint" in (
        result.stderr
    )
    assert run("extract", "article.txt", "-o", "events.csv", "--force").exit_code == 0
    assert (here / "events.csv").read_text() == written


def test_the_fingerprinted_file_builds_cleanly(here: Path) -> None:
    assert run("extract", "article.txt", "-o", "reviewed.yaml").exit_code == 0
    assert (here / "reviewed.yaml").read_text().startswith("# timeline fingerprint ")
    result = run("validate", "reviewed.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "ok: 2 events in 1 file(s)" in result.stdout


def test_the_refusal_comes_before_the_reading(here: Path) -> None:
    """A long extract does not fail at its end: the input, which has an error, is not read."""
    (here / "reviewed.yaml").write_text("events: []\n")
    (here / "broken.yaml").write_text("events: [\n")
    assert "broken.yaml:" in run("extract", "broken.yaml").stderr  # what reading it says
    result = run("extract", "broken.yaml", "-o", "reviewed.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: reviewed.yaml: already exists and timeline did not")
    assert "broken.yaml" not in result.stderr


# -- the same words for every command ----------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["extract", "article.txt"], "a.yaml"),
        (["build", "events.yaml"], "a.html"),
        (["convert", "events.yaml"], "a.json"),
    ],
)
def test_wrote_goes_to_stdout_for_every_command(
    here: Path, command: list[str], output: str
) -> None:
    result = run(*command, "-o", output)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"wrote {output} (2 events")
    assert "wrote" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "events.yaml", "--theme", "blue"], "'blue' is not one of light, dark"),
        (["build", "events.yaml", "--format", "gif"], "'gif' is not one of html, png, svg, pdf"),
        (["convert", "events.yaml", "-o", "x", "--to", "xml"], "'xml' is not one of yaml, json,"),
        (["validate", "events.yaml", "--from", "doc"], "'doc' is not one of yaml, json, jsonl,"),
    ],
)
def test_a_bad_choice_says_so_plainly(here: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Value error" not in result.stderr


def test_a_money_title_keeps_the_amount_together(here: Path) -> None:
    result = run("extract", "article.txt")
    assert result.exit_code == 0, result.stderr
    assert 'title: "The firm paid £18 million to settle the claim"' in result.stdout


@pytest.mark.parametrize("name", ["events.html", "events.png"])
def test_extract_to_a_page_or_image_suffix_is_refused(tmp_path: Path, name: str) -> None:
    """`extract -o events.html` wrote YAML into a file named .html; now it says to use build."""
    src = tmp_path / "a.txt"
    src.write_text("On 3 March 2011, the council voted.\n", encoding="utf-8")
    out = tmp_path / name
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "timeline build" in result.stderr and str(out) in result.stderr
    assert not out.exists()
