"""Reading inputs as people bring them (issue 21): weeks and numbers in YAML dates, HTML
tables, Markdown and HTML on standard input, spreadsheets' own column names, and where each
event came from surviving a review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from timeline.cli import app


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=input)


def converted(tmp_path: Path, name: str, text: str, to: str) -> tuple[Path, Any, Path]:
    """`timeline convert` on a file `name` holding `text`, to a file `to`: it must succeed."""
    src, out = tmp_path / name, tmp_path / to
    src.write_text(text)
    result = run("convert", str(src), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return src, result, out


# --- 6: YAML dates are not guessed ---------------------------------------------------------------


def test_an_iso_week_is_its_seven_days_and_reads_back(tmp_path: Path) -> None:
    weeks = 'events:\n  - date: "2020-W05"\n    title: A\n  - date: "2020-W05-3"\n    title: B\n'
    _, _, out = converted(tmp_path, "weeks.yaml", weeks, "weeks.json")
    dates = [(e["date"]["start"], e["date"]["end"]) for e in json.loads(out.read_text())["events"]]
    assert dates == [("2020-01-27", "2020-02-02"), ("2020-01-29", "2020-01-29")]
    again = tmp_path / "again.yaml"
    assert run("convert", str(out), "-o", str(again)).exit_code == 0
    assert '- date: "2020-W05"\n' in again.read_text()


def test_numbers_and_missing_weeks_are_errors_with_their_line(tmp_path: Path) -> None:
    src = tmp_path / "numbers.yaml"
    src.write_text('events:\n  - date: "1e9"\n    title: Big\n  - date: "2019.5"\n    title: Half\n'
                   '  - date: "2021-W53"\n    title: No such week\n'
                   '  - date: "03.2017"\n    title: March\n')  # fmt: skip
    result = run("validate", str(src))
    assert result.exit_code == 1
    assert f'{src}:2: cannot read "1e9" as a date (a number, not a date' in result.stderr
    assert f'{src}:4: cannot read "2019.5" as a date (a number, not a date' in result.stderr
    assert f'{src}:6: cannot read "2021-W53" as a date (2021 has no week 53)' in result.stderr
    assert ":8:" not in result.stderr  # a month and its year with a dot is a date


# --- 3: standard input is sniffed, and extract has --from ----------------------------------------

NOTES = "# Notes on the flood\n\n## 1953\n\n- The sea wall broke\n\n```\nprint(2020)\n```\n"


def test_markdown_on_standard_input_is_read_as_markdown() -> None:
    result = run("extract", "-", "--format", "json", input=NOTES)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["title"] == "Notes on the flood"  # the heading's text, not "# Notes ..."
    assert [(e["date"]["text"], e["title"]) for e in doc["events"]] == [
        ("1953", "The sea wall broke")  # dated by its heading; the code block is not prose
    ]


def test_extract_from_forces_the_reader_on_standard_input() -> None:
    result = run("extract", "-", "--from", "text", "--format", "json", input=NOTES)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["title"] == "# Notes on the flood"
    assert "2020" in [e["date"]["text"] for e in doc["events"]]  # the code, read as prose
    mentions = run("extract", "-", "--from", "text", "--mentions", input=NOTES)
    assert "2020" in [json.loads(line)["text"] for line in mentions.stdout.splitlines()]


def test_html_on_standard_input_is_read_as_html() -> None:
    page = "<p>The bridge <b>opened</b> in 1932.</p>\n<p>It closed in 1990.</p>\n"
    result = run("extract", "-", "--format", "json", input=page)
    assert result.exit_code == 0, result.stderr
    titles = [e["title"] for e in json.loads(result.stdout)["events"]]
    assert titles == ["The bridge opened", "The bridge closed"]  # ("It" named from before)


# --- 2: HTML tables ------------------------------------------------------------------------------

FLOODS = """<html><body><h1>Flood history</h1>
<table>
<thead><tr><th>Year</th><th>Event</th></tr></thead>
<tr><td>1953</td><td><p>The sea wall broke</p><p>at Canvey</p></td></tr>
<tr><td>1982<td>The barrier was completed
<tr><td>2007</td><td>A surge came close to the top.</td></tr>
<tr><td>2020</td><td>A second barrier opened</td></tr>
</table>
<p>Last year the council reviewed the plan.</p>
</body></html>
"""


def _events(result: Any) -> list[tuple[str, str, str, int]]:
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    return [(e["date"]["text"], e["date"]["start"][:4], e["title"], e["refs"][0]["line"])
            for e in doc["events"]]  # fmt: skip


def test_an_html_table_row_is_a_sentence_its_date_column_dates_it(tmp_path: Path) -> None:
    page = tmp_path / "floods.html"
    page.write_text(FLOODS.replace("<p>Last year the council reviewed the plan.</p>", ""))
    found = _events(run("extract", str(page), "--format", "json"))
    assert found == [
        ("1953", "1953", "The sea wall broke at Canvey", 4),
        ("1982", "1982", "The barrier was completed", 5),
        ("2007", "2007", "A surge came close to the top", 6),
        ("2020", "2020", "A second barrier opened", 7),
    ]


def test_with_a_ref_date_no_table_year_moves_last_year(tmp_path: Path) -> None:
    page = tmp_path / "floods.html"
    page.write_text(FLOODS)
    notes = tmp_path / "floods.md"
    notes.write_text(
        "# Flood history\n\n| Year | Event |\n|---|---|\n| 1953 | The sea wall broke |\n"
        "| 1982 | The barrier was completed |\n| 2007 | A surge came close |\n"
        "| 2020 | A second barrier opened |\n\nLast year the council reviewed the plan.\n"
    )
    for src in (page, notes):
        given = _events(run("extract", str(src), "--format", "json", "--ref-date", "2024-05-20"))
        assert ("Last year", "2023", "The council reviewed the plan") in [f[:3] for f in given]
        # Without one, the tables are the document's own dates, as in prose.
        alone = _events(run("extract", str(src), "--format", "json"))
        assert ("Last year", "2019", "The council reviewed the plan") in [f[:3] for f in alone]


def test_an_infobox_is_not_read(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(
        "<html><body><h1>Harbour Bridge</h1>"
        '<table class="infobox vcard"><tr><th>Engineer</th><td>Born 3 May 1870</td></tr></table>'
        "<aside><table><tr><th>Opened</th><td>19 March 1932</td></tr>"
        "<tr><th>Length</th><td>1,149 m</td></tr></table></aside>"
        "<aside><table><tr><td>1998</td><td>The walkway opened</td></tr></table></aside>"
        "<p>The bridge was painted in 2001.</p></body></html>"
    )
    found = _events(run("extract", str(page), "--format", "json"))
    # A sidebar of dated rows is a chronology, and is read.
    assert [f[2] for f in found] == ["The walkway opened", "The bridge was painted"]
    mentions = run("extract", str(page), "--mentions").stdout
    assert [json.loads(line)["text"] for line in mentions.splitlines()] == ["1998", "2001"]


# --- 4: a spreadsheet's own column names ---------------------------------------------------------


def _page_data(html: str) -> Any:
    opening = '<script type="application/json" id="tl-data">'
    start = html.index(opening) + len(opening)
    return json.loads(html[start : html.index("</script>", start)])


def test_a_spreadsheets_columns_are_read_and_said(tmp_path: Path) -> None:
    src, result, out = converted(
        tmp_path, "notes.csv", "Date,Event,Notes,Place\n1953-01-31,The sea wall broke,Many died,"
        "Canvey\n1982,The barrier was completed,,Woolwich\n", "events.yaml")  # fmt: skip
    assert (f'{src}:1: note: read column "Event" as title, "Notes" as description; kept "Place" '
            "as an extra field") in result.stderr  # fmt: skip
    written = out.read_text()
    assert ('    title: "The sea wall broke"\n    description: "Many died"\n'
            '    extra: {"Place": "Canvey"}\n') in written  # fmt: skip
    assert '    extra: {"Place": "Woolwich"}\n' in written


def test_case_and_language_variants_of_the_column_names(tmp_path: Path) -> None:
    _, result, out = converted(
        tmp_path, "termine.csv", "WANN,Ende,Ereignis,Beschreibung,Kategorie\n"
        "1961-08-13,1989-11-09,Die Mauer stand,Berlin geteilt,Politik\n", "termine.json"
    )  # fmt: skip
    event = json.loads(out.read_text())["events"][0]
    assert (event["date"]["start"], event["end"]["start"], event["title"], event["description"],
            event["group"]) == ("1961-08-13", "1989-11-09", "Die Mauer stand", "Berlin geteilt",
                                "Politik")  # fmt: skip
    assert '"WANN" as date, "Ende" as end, "Ereignis" as title' in result.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("Place,Cost\nCanvey,2\n")
    refused = run("convert", str(bad), "-o", str(out))
    assert refused.exit_code == 1
    assert f"{bad}:1: the first row should name the columns: a date (date, when" in refused.stderr


def test_a_type_column_of_the_spreadsheets_own_is_an_extra_field(tmp_path: Path) -> None:
    src, result, out = converted(tmp_path, "war.csv", "Date,Event,Type\n1916,The Somme began,"
                                 "Battle\n1919,Versailles was signed,Treaty\n", "war.yaml")
    assert f'{src}:1: note: read column "Event" as title; kept "Type" as an extra field' in (
        result.stderr
    )
    assert '    extra: {"Type": "Treaty"}\n' in out.read_text()


def test_extra_fields_round_trip_and_the_page_shows_them_escaped(tmp_path: Path) -> None:
    src = tmp_path / "notes.csv"
    src.write_text('When,What,Place\n1953,The sea wall broke,"</script><b>Canvey</b>"\n')
    previous = src
    for fmt in ("yaml", "json", "jsonl", "csv", "yaml"):
        out = tmp_path / f"step-{fmt}.{fmt}"
        assert run("convert", str(previous), "-o", str(out)).exit_code == 0
        previous = out
    assert '    extra: {"Place": "</script><b>Canvey</b>"}\n' in previous.read_text()
    page = tmp_path / "page.html"
    result = run("build", str(previous), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text()
    assert "</script><b>Canvey" not in html
    events = _page_data(html)["events"]
    assert events[0]["x"] == [["Place", "</script><b>Canvey</b>"]]


# --- 10: where each event was found survives a review --------------------------------------------

TOLD = {
    "a.txt": "The harbour bridge opened on 19 March 1932 after eight years of work.\n",
    "b.txt": "Crowds gathered.\nOn 19 March 1932 the harbour bridge was opened by the premier.\n",
}


def _sources(page: Path) -> list[tuple[str, str | None, str | None, int | None]]:
    events = _page_data(page.read_text())["events"]
    return [(e["t"], e.get("at"), e.get("q"), e.get("n")) for e in events]


def _extracted(tmp_path: Path, monkeypatch: Any) -> None:
    """`TOLD` in files of a working folder, and the events they tell in events.yaml."""
    monkeypatch.chdir(tmp_path)
    for name, text in TOLD.items():
        Path(name).write_text(text)
    result = run("extract", "a.txt", "b.txt", "-o", "events.yaml")
    assert result.exit_code == 0, result.stderr


def test_a_page_built_from_a_reviewed_file_names_the_sources(
    tmp_path: Path, monkeypatch: Any
) -> None:
    _extracted(tmp_path, monkeypatch)
    assert ('    found_in: ["a.txt:1", {at: "b.txt:2", sentence: "On 19 March 1932 the harbour '
            'bridge was opened by the premier."}]\n') in Path("events.yaml").read_text()
    for args in (["a.txt", "b.txt"], ["events.yaml"]):
        assert run("build", *args, "-o", f"{args[0]}.html").exit_code == 0
    from_prose = _sources(Path("a.txt.html"))
    assert from_prose == [("The harbour bridge opened", "a.txt:1", None, 2)]
    assert _sources(Path("events.yaml.html")) == from_prose


def test_found_in_round_trips_through_every_format_that_holds_it(
    tmp_path: Path, monkeypatch: Any
) -> None:
    _extracted(tmp_path, monkeypatch)
    told = ["a.txt:1", {"at": "b.txt:2", "sentence": TOLD["b.txt"].splitlines()[1]}]
    previous = "events.yaml"
    for fmt in ("json", "jsonl", "yaml", "csv"):
        out = f"step.{fmt}"
        assert run("convert", previous, "-o", out).exit_code == 0
        assert run("convert", out, "-o", f"{out}.json").exit_code == 0
        found = json.loads(Path(f"{out}.json").read_text())["events"][0]["found_in"]
        # A CSV cell holds the places, each found in the sentence the description is.
        assert found == (told if fmt != "csv" else ["a.txt:1", "b.txt:2"])
        previous = out


def test_events_a_reviewer_kept_apart_stay_apart(tmp_path: Path, monkeypatch: Any) -> None:
    _extracted(tmp_path, monkeypatch)
    reviewed = Path("events.yaml").read_text()
    # The reviewer parts the two tellings: one event for each.
    first, _, second = reviewed.partition(', {at: "b.txt:2"')
    second = second.partition("}]\n")[2]
    Path("events.yaml").write_text(
        first + "]\n" + second + '  - date: "1932-03-19"\n    title: "The harbour bridge was '
        'opened by the premier"\n    found_in: ["b.txt:2"]\n'
    )
    assert run("build", "events.yaml", "-o", "page.html").exit_code == 0
    assert [s[:2] for s in _sources(Path("page.html"))] == [
        ("The harbour bridge opened", "a.txt:1"),
        ("The harbour bridge was opened by the premier", "b.txt:2"),
    ]


def test_a_format_that_cannot_hold_found_in_says_so(tmp_path: Path, monkeypatch: Any) -> None:
    _extracted(tmp_path, monkeypatch)
    for out, name in (("events.ics", "iCalendar"), ("events.mw", "markwhen")):
        result = run("convert", "events.yaml", "-o", out)
        assert result.exit_code == 0, result.stderr
        assert f"warning: {name} cannot hold where events were found in prose (found_in)" in (
            result.stderr
        )


def test_found_in_keeps_fifty_places_and_counts_the_rest(tmp_path: Path) -> None:
    places = ", ".join(f'"a.txt:{i}"' for i in range(1, 61))
    src = tmp_path / "many.yaml"
    src.write_text(f"events:\n  - date: 1953\n    title: A\n    description: B\n"
                   f"    found_in: [{places}]\n")  # fmt: skip
    page, again = tmp_path / "page.html", tmp_path / "again.yaml"
    assert run("build", str(src), "-o", str(page)).exit_code == 0
    assert _sources(page) == [("A", "a.txt:1", None, 60)]
    assert run("convert", str(src), "-o", str(again)).exit_code == 0
    written = again.read_text()
    assert "  # told in 60 places; the first 50 are:\n" in written
    assert '"a.txt:50"]' in written


# --- CSV quotes: a broken one is an error, not a swallowed file ---------------------------------


def test_a_csv_quote_never_closed_is_an_error_naming_its_row(tmp_path: Path) -> None:
    """The csv module, left to itself, reads the rest of the file into the open cell: the 2002
    row became part of a title and validate said "ok"."""
    src = tmp_path / "broken.csv"
    src.write_text('type,date,title\nevent,2001,"unclosed quote\nevent,2002,ok\n', "utf-8")
    result = run("validate", str(src))
    assert result.exit_code == 1
    assert f"{src}:2: invalid CSV: a quoted cell is never closed" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_after_a_closing_quote_is_an_error_and_a_cell_over_two_lines_is_not(
    tmp_path: Path,
) -> None:
    src = tmp_path / "extra.csv"
    src.write_text('type,date,title\nevent,2001,"A" extra\n', "utf-8")
    result = run("validate", str(src))
    assert result.exit_code == 1 and f"{src}:2: invalid CSV: text after" in result.stderr
    src.write_text('type,date,title\nevent,2001,"two\nlines"\nevent,2002,ok\n', "utf-8")
    assert run("validate", str(src)).exit_code == 0
