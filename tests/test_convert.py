"""`timeline convert`, the readers' errors (file and line, all at once), calendars' recurring
events, TimelineJS's sheet columns, and the JSON Schema of events.yaml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).parent.parent
INVALID = ROOT / "tests" / "data" / "invalid"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def test_csv_row_errors_name_file_and_line_all_at_once(tmp_path: Path) -> None:
    src = tmp_path / "events.csv"
    src.write_text(
        "date,title,url,titel\n"
        '1969-07-20,"Moon\nlanding",https://nasa.gov\n'  # a quoted cell over two lines
        "31 Febuary 2001,Not a day,\n"
        "1989,,\n"
        "1990,Fine,ftp://x\n"
    )
    out = tmp_path / "out.yaml"
    result = run("convert", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert f'{src}:4: cannot read "31 Febuary 2001" as a date' in result.stderr
    assert f"{src}:5: missing title" in result.stderr
    assert f"{src}:6: warning: url" in result.stderr
    assert result.stderr.count('column "titel"') == 1
    want = f'{src}:1: warning: column "titel" kept as an extra field (a second title column)'
    assert want in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_tsv_reads_like_csv(tmp_path: Path) -> None:
    src = tmp_path / "events.tsv"
    src.write_text("type\tdate\ttitle\tgroup\ngroup\t\tLab\t\n\t1969-07-20\tMoon, landing\tLab\n")
    out = tmp_path / "out.json"
    result = run("convert", str(src), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text())
    assert [(e["title"], e["group"]) for e in doc["events"]] == [("Moon, landing", "Lab")]
    assert doc["groups"] == [{"name": "Lab", "color": None}]


def test_jsonl_and_timelinejs_errors_name_their_lines(tmp_path: Path) -> None:
    lines = tmp_path / "e.jsonl"
    lines.write_text('{"type": "event", "date": "1969", "title": "ok"}\n{nope\n'
                     '{"type": "eon", "title": "x"}\n')  # fmt: skip
    result = run("validate", str(lines))
    assert result.exit_code == 1
    assert f"{lines}:2: invalid JSON" in result.stderr
    assert f"{lines}:3: type should be one of" in result.stderr

    tl = tmp_path / "tl.json"
    tl.write_text(json.dumps({"events": [
        {"start_date": {"year": "1969"}, "text": {"headline": "ok"}},
        {"start_date": {"year": "19x9"}, "text": {"headline": "bad"}},
    ]}, indent=1))  # fmt: skip
    result = run("validate", str(tl))
    assert result.exit_code == 1
    assert f"{tl}:13: year '19x9' is not a whole number" in result.stderr


def test_json_problems_name_their_lines(tmp_path: Path) -> None:
    """A clean file is read without lines (fast); one with a problem is read again with them."""
    src = tmp_path / "e.json"
    src.write_text('{"events": [\n {"date": "1969", "title": "ok"},\n'
                   ' {"date": "Febtember", "title": "bad"}\n]}\n')  # fmt: skip
    result = run("validate", str(src))
    assert result.exit_code == 1
    assert f'{src}:3: cannot read "Febtember" as a date' in result.stderr
    src.write_text('{"events": [\n {"date": "1969",\n  "title": "a",\n  "title": "b"}]}')
    result = run("validate", str(src))
    assert result.exit_code == 1
    assert f'{src}:4: duplicate key "title"' in result.stderr
    src.write_text('{"events": [{"date": "1969", "title": "ok"}]}')
    assert run("validate", str(src)).exit_code == 0


def test_convert_chooses_the_format_by_suffix_or_to(tmp_path: Path) -> None:
    src = ROOT / "events.yaml"
    ics = tmp_path / "demo.ics"
    result = run("convert", str(src), "-o", str(ics))
    assert result.exit_code == 0, result.stderr
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "iCalendar cannot hold dates before AD 1" in result.stderr
    tl = tmp_path / "demo.json"
    result = run("convert", str(src), "-o", str(tl), "--to", "timelinejs")
    assert result.exit_code == 0, result.stderr
    assert "start_date" in tl.read_text()
    result = run("convert", str(src), "-o", str(tmp_path / "demo.txt"))
    assert result.exit_code == 1
    assert "cannot tell the format from the suffix" in result.stderr


def test_from_forces_the_reader(tmp_path: Path) -> None:
    src = tmp_path / "events.txt"  # a .txt file would be read as prose
    src.write_text("date,title\n1969-07-20,Moon landing\n")
    result = run("validate", "--from", "csv", str(src))
    assert result.exit_code == 0, result.stderr
    assert "ok: 1 event" in result.stdout


CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
X-WR-CALNAME:Team
BEGIN:VEVENT
UID:once@test
DTSTAMP:20240101T000000Z
DTSTART;VALUE=DATE:20100301
DTEND;VALUE=DATE:20100304
SUMMARY:Offsite
END:VEVENT
BEGIN:VEVENT
UID:weekly@test
DTSTAMP:20240101T000000Z
DTSTART:20240101T090000Z
DTEND:20240101T100000Z
RRULE:FREQ=WEEKLY;COUNT=10
EXDATE:20240108T090000Z
SUMMARY:Standup
END:VEVENT
END:VCALENDAR
"""


def test_recurring_events_expand_within_the_window(tmp_path: Path) -> None:
    src = tmp_path / "team.ics"
    src.write_text(CALENDAR)
    out = tmp_path / "team.json"
    result = run("convert", str(src), "-o", str(out), "--window", "2024-01-01..2024-01-31")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text())
    standups = [e["date"]["start"] for e in doc["events"] if e["title"] == "Standup"]
    assert standups == ["2024-01-01", "2024-01-15", "2024-01-22", "2024-01-29"]  # not the 8th
    offsite = next(e for e in doc["events"] if e["title"] == "Offsite")  # outside the window
    assert (offsite["date"]["start"], offsite["end"]["start"]) == ("2010-03-01", "2010-03-03")
    assert doc["title"] == "Team"
    assert f"{src}:12: note: recurring event 'Standup' expanded from 2024-01-01 to 2024-01-31: " \
           "4 occurrences" in result.stderr  # fmt: skip
    assert "times of day are not kept" in result.stderr
    result = run("convert", str(src), "-o", str(out), "--window", "2024-02-01..2024-01-01")
    assert result.exit_code == 2


def test_timelinejs_sheet_columns(tmp_path: Path) -> None:
    src = tmp_path / "sheet.csv"
    src.write_text(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
        "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
        ",,,,,,,,,Rome,<p>A history</p>,,,,,title,,\n"
        "-44,3,15,,,,,,,Caesar dies,<b>Stabbed</b> &amp; killed,,Suetonius,,,,Rome,#aa0000\n"
        "-27,,,,14,,,,,Augustus,,,,,,era,,\n"
        "1850,,,,,,,,c. 1850,Railways,,https://rail.example,,,,,Tech,\n"
    )
    out = tmp_path / "out.json"
    result = run("convert", str(src), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text())
    assert doc["title"] == "Rome"
    caesar, rail = doc["events"]
    assert caesar["date"]["start"] == "-0043-03-15" and caesar["label"] == "15 March 44 BC"
    assert caesar["description"] == "Stabbed & killed"
    assert (caesar["source"], caesar["group"], caesar["color"]) == ("Suetonius", "Rome", "#aa0000")
    assert rail["label"] == "c. 1850" and rail["url"] == "https://rail.example"
    assert [(e["name"], e["start"]["start"]) for e in doc["eras"]] == [("Augustus", "-0026-01-01")]


# -- The JSON Schema -------------------------------------------------------------------------


def _schema() -> Any:
    result = run("schema")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def _plain(value: Any) -> Any:
    """A document as timeline's YAML loader reads it, without its line bookkeeping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("_line", "_keys")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class _EditorLoader(yaml.SafeLoader):
    """YAML 1.2 as an editor sees it: numbers and booleans typed, dates left as text."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_schema_is_the_packaged_file_and_the_demo_points_at_it() -> None:
    import jsonschema

    schema = _schema()
    # Draft 7: the newest draft that every editor's YAML language server understands.
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft7Validator
    jsonschema.Draft7Validator.check_schema(schema)
    first = (ROOT / "events.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=timeline/events.schema.json"
    assert json.loads((ROOT / "timeline" / "events.schema.json").read_text()) == schema


def test_demo_is_valid_against_the_schema() -> None:
    import jsonschema

    from timeline.sources.yaml_source import load

    text = (ROOT / "events.yaml").read_text()
    validator = jsonschema.Draft7Validator(_schema())
    assert list(validator.iter_errors(_plain(load(text, "events.yaml")))) == []
    assert list(validator.iter_errors(yaml.load(text, _EditorLoader))) == []


# Problems only timeline itself can see: whether text is a date, and the order of two dates.
READER_ONLY = {"bad-date.yaml", "end-before-start.yaml", "impossible-days.yaml"}
INVALID_YAML = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("case", INVALID_YAML, ids=[p.name for p in INVALID_YAML])
def test_invalid_corpus_against_the_schema(case: Path) -> None:
    """Each invalid file is refused by the schema, or is not YAML a schema could see, or is
    one of the few whose problem only the reader can find (and those the schema accepts)."""
    import jsonschema

    from timeline.errors import InputError
    from timeline.sources.yaml_source import load

    try:
        data = _plain(load(case.read_text(errors="replace"), case.name))
    except InputError:  # not YAML, a bomb, a duplicate key: refused before any schema
        assert case.name not in READER_ONLY
        return
    valid = jsonschema.Draft7Validator(_schema()).is_valid(data)
    assert valid == (case.name in READER_ONLY)


@pytest.mark.parametrize(
    ("path", "text", "want"),
    [
        ("tl.json", '{"title": {}, "events": [{"start_date": {"year": "1969"}}]}', "timelinejs"),
        ("ours.json", '{"events": [{"date": "1969", "title": "x"}]}', "json"),
        ("lines.json", '{"type": "timeline"}\n{"type": "event"}\n', "jsonl"),
        ("tabs.csv", "date\ttitle\tgroup\n1969\tx\ty\n", "tsv"),
        ("-", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "ics"),
        ("-", "Year,Month,Day,Headline\n1969,7,20,x\n", "csv"),
        ("-", "date,title,url\n1969,x,\n", "csv"),
        ("notes.txt", "date,title,url\n1969,x,\n", "text"),  # the suffix says prose
        ("events.yaml", '{"events": [{"date": "1969", "title": "x"}]}', "yaml"),
        ("-", "The treaty was signed in 1648, ending the war.", "text"),
    ],
)
def test_formats_are_detected_by_suffix_and_content(path: str, text: str, want: str) -> None:
    from timeline.sources import detect_format

    assert detect_format(path, text) == want


def test_extract_writes_any_format_and_warns_what_it_loses(tmp_path: Path) -> None:
    import icalendar

    src = tmp_path / "e.yaml"
    src.write_text("events:\n  - {date: 44 BC, title: Caesar}\n  - {date: 1969, title: Moon}\n")
    result = run("extract", str(src), "--format", "ics")
    assert result.exit_code == 0, result.stderr
    events = icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Moon"]
    assert f"{src}:2: warning: iCalendar cannot hold dates before AD 1" in result.stderr
    assert '"Caesar"' in result.stderr


@pytest.mark.parametrize("command", ["convert", "schema"])
def test_help_ends_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Example: timeline {command}" in result.stdout.split("Options")[0]


def test_from_lists_every_reader() -> None:
    from timeline.cli import InputFormat
    from timeline.sources import READERS

    assert sorted(str(f) for f in InputFormat) == sorted(READERS)


def test_a_window_past_the_calendar_is_cut_to_it(tmp_path: Path) -> None:
    src = tmp_path / "team.ics"
    src.write_text(CALENDAR)
    result = run("validate", str(src), "--window", "44 BC..2024-01-10")
    assert result.exit_code == 0, result.stderr
    assert "expanded from 0001-01-01 to 2024-01-10: 1 occurrence " in result.stderr


def test_extract_takes_the_format_from_the_output_suffix(tmp_path: Path) -> None:
    src = tmp_path / "e.yaml"
    src.write_text("events:\n  - {date: 1969, title: Moon}\n")
    for name, start in (("out.csv", "type,date"), ("out.jsonl", '{"type": "timeline"'),
                        ("out.txt", "# timeline fingerprint ")):  # fmt: skip
        out = tmp_path / name
        result = run("extract", str(src), "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert out.read_text().startswith(start), name


def test_convert_counts_the_events_written_not_those_read(tmp_path: Path) -> None:
    src = tmp_path / "events.yaml"
    src.write_text(
        "events:\n"
        "  - {date: 15 March 44 BC, title: Caesar killed}\n"
        "  - {date: 4 July 1776, title: Declaration signed}\n"
        "  - {date: 20 July 1969, title: Moon landing}\n"
    )
    for suffix in ("ics", "mw"):
        out = tmp_path / f"events.{suffix}"
        result = run("convert", str(src), "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert f"wrote {out} (2 of 3 events, 1 left out; read as yaml)" in result.stdout
    result = run("convert", str(src), "-o", str(tmp_path / "events.json"))
    assert "(3 events; read as yaml)" in result.stdout
