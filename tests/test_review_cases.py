"""Cases that one-line changes to the code got past the suite with: relative dates said on the
day they name, a season across a century, spreadsheet cells, duplicates that differ in case,
and the order of events on one day. Each is seen as a user sees it: what `timeline.read` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from timeline.dates import parse_date, parse_span
from timeline.labels import span_label
from timeline.model import Day, Event, Precision, Timeline
from timeline.render import render
from timeline.sources import ReadOptions, reader_for

SATURDAY = "2017-11-18"  # a Saturday
SUNDAY = "2017-11-19"


def days(tmp_path: Path, text: str, ref_date: str, lang: str = "en") -> list[tuple[str, str]]:
    """(first day, last day) of each event found in `text`, said on `ref_date`."""
    path = tmp_path / "said.txt"
    path.write_text(text + "\n")
    rows = timeline.read(str(path), ref_date=ref_date, lang=[lang]).records()
    return [(r["start"], r["end"]) for r in rows]


def test_next_saturday_said_on_a_saturday_is_a_week_later(tmp_path: Path) -> None:
    found = days(tmp_path, "The council will meet next Saturday to vote on the plan.", SATURDAY)
    assert found == [("2017-11-25", "2017-11-25")]


@pytest.mark.parametrize("said", [SATURDAY, SUNDAY])
def test_this_friday_said_after_friday_is_the_coming_one(tmp_path: Path, said: str) -> None:
    found = days(tmp_path, "The council will meet this Friday to vote on the plan.", said)
    assert found == [("2017-11-24", "2017-11-24")]


def test_this_friday_told_in_the_past_is_this_weeks(tmp_path: Path) -> None:
    """Said on a Saturday, "met this Friday" is the day before; so is a plain "this Friday" on
    a Saturday with no tense to say otherwise."""
    assert days(tmp_path, "The council met this Friday to vote on the plan.", SATURDAY) == [
        ("2017-11-17", "2017-11-17")
    ]


def test_two_years_back_is_the_year_two_before(tmp_path: Path) -> None:
    found = days(tmp_path, "The council voted two years back to close the bridge.", SATURDAY)
    assert found == [("2015-01-01", "2015-12-31")]


def test_vorgestern_is_the_day_before_yesterday(tmp_path: Path) -> None:
    found = days(tmp_path, "Der Rat hat vorgestern den Plan beschlossen.", SATURDAY, "de")
    assert found == [("2017-11-16", "2017-11-16")]


def test_a_winter_across_the_century_runs_december_to_february() -> None:
    date, end = parse_span("Winter 1999–00")
    assert end is None
    assert (date.start, date.end, date.precision) == (
        Day(1999, 12, 1),
        Day(2000, 2, 29),  # 2000 was a leap year
        Precision.SEASON,
    )
    assert span_label(date, end) == "Winter 1999–2000"


@pytest.mark.parametrize("text", ["@SUM(A1)", "\tcmd", "=1+1", "+44 20 7946 0000"])
def test_a_csv_cell_a_spreadsheet_would_run_is_disarmed_and_reads_back(text: str) -> None:
    events = (Event(parse_date("1969-07-20"), "Moon", description=text, source=text),)
    data = render("csv", Timeline(events)).decode()
    row = next(line for line in data.splitlines() if line.startswith("event,"))
    assert row.count(f"'{text}") == 2, row  # description and source, each with its quote mark
    back = reader_for("csv")(data, "x.csv", ReadOptions(today=Day(2020, 1, 1)))
    assert back.diagnostics == []
    [event] = back.timeline.events
    # The reader takes the quote mark off again; like every reader it trims the text.
    assert (event.description, event.source) == (text.strip(), text.strip())


def test_duplicates_that_differ_in_case_across_files_are_one_event(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "events:\n  - {date: 1969-07-20, title: apollo 11 lands on the moon}\n"
    )
    (tmp_path / "b.yaml").write_text(
        "events:\n  - {date: 1969-07-20, title: Apollo 11 Lands on the Moon}\n"
    )
    rows = timeline.read([str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]).records()
    assert [(r["title"], r["sources"]) for r in rows] == [("apollo 11 lands on the moon", 2)]


def test_events_of_one_day_are_in_the_documented_order(tmp_path: Path) -> None:
    """README, The list: by first day, then last day, then title (capitals first)."""
    (tmp_path / "day.yaml").write_text(
        "events:\n"
        "  - {date: 1969-07-20, end: 1969-07-24, title: A mission}\n"
        "  - {date: 1969-07-20, title: zebra crossing}\n"
        "  - {date: 1969-07-20, title: Moon landing}\n"
        "  - {date: 1969-07-20, title: Armstrong steps out}\n"
        "  - {date: 1969-07-19, title: Lunar orbit}\n"
    )
    rows = timeline.read(str(tmp_path / "day.yaml")).records()
    assert [r["title"] for r in rows] == [
        "Lunar orbit",
        "Armstrong steps out",
        "Moon landing",
        "zebra crossing",
        "A mission",  # a span that starts that day comes after the day's own events
    ]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [("Officials met on Feb. 29 to discuss the plan.", "2016-02-29"),
     ("Officials will meet on Feb. 29 to discuss the plan.", "2020-02-29")],
)  # fmt: skip
def test_february_29th_without_a_year_takes_the_nearest_leap_year(
    tmp_path: Path, sentence: str, day: str
) -> None:
    """Said in 2017, a common year, 'Feb. 29' was dropped without a word."""
    assert days(tmp_path, sentence, SATURDAY) == [(day, day)]
