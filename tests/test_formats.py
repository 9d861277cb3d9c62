"""Every format timeline writes reads back to the same timeline, as far as the format can hold
it; what it cannot hold is warned about. Generated timelines cover precisions, qualifiers, BCE
and deep-time dates, spans, open ends, groups, eras, urls and sources."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.dates import parse_date, present
from timeline.model import (
    Day,
    Era,
    Event,
    FuzzyDate,
    Group,
    Precision,
    Settings,
    SourceRef,
    Timeline,
)
from timeline.render import write
from timeline.sources import ReadOptions, detect_format, reader_for

REFERENCE = Day(2026, 6, 1)
OPTIONS = ReadOptions(reference_date=REFERENCE, today=REFERENCE)
SETTINGS = Settings(reference_date=REFERENCE)
OURS = {"yaml": "t.yaml", "json": "t.json", "jsonl": "t.jsonl", "csv": "t.csv"}

# Dates as people write them, so that each generated date is one the readers can produce.
YEAR = st.integers(1, 2025)
DATE_TEXT = st.one_of(
    YEAR.map(str),
    st.integers(1, 3000).map(lambda y: f"{y} BC"),
    st.tuples(st.integers(1, 28), st.sampled_from(["March", "July", "December"]), YEAR).map(
        lambda t: f"{t[0]} {t[1]} {t[2]}"
    ),
    st.tuples(st.integers(1, 28), st.integers(1, 500)).map(lambda t: f"{t[0]} March {t[1]} BC"),
    st.tuples(st.sampled_from(["March", "October"]), st.integers(1000, 2025)).map(
        lambda t: f"{t[0]} {t[1]}"
    ),
    st.tuples(
        st.sampled_from(["early ", "mid-", "late "]),
        st.sampled_from(["February", "August"]),
        st.integers(1000, 2025),
    ).map(lambda t: f"{t[0]}{t[1]} {t[2]}"),
    st.integers(1000, 2025).map(lambda y: f"Winter {y}"),
    st.integers(100, 202).map(lambda d: f"{d * 10}s"),
    st.integers(1, 21).map(lambda c: f"{c}th century" if c > 3 else "5th century BC"),
    st.sampled_from(
        [
            "Spring 1999",
            "Q3 2011",
            "2nd millennium BC",
            "66 million years ago",
            "4.5 billion years ago",
            "early 1990s",
            "late 19th century",
        ]
    ),
    YEAR.map(lambda y: f"c. {y}"),
    YEAR.map(lambda y: f"{y}?"),
    st.integers(1, 900).map(lambda y: f"c. {y} BC"),
)
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="\ufeff")
    | st.sampled_from(["\n", "=", "-", "+", "@", '"', "'", "<", "&", "#", ",", ";", "\u2028"]),
    max_size=40,
).map(str.strip)
TITLE = TEXT.filter(bool)
URL = st.sampled_from([None, "https://example.org/a?b=1&c=%3C2%3E", "mailto:x@example.org"])
GROUP = st.sampled_from(["", "Politics", "Science & art", "#1 lane"])


@st.composite
def events(draw: Any, index: int) -> Event:
    date = parse_date(draw(DATE_TEXT), SETTINGS)
    end: FuzzyDate | None = None
    kind = draw(st.sampled_from(["point", "span", "open"]))
    if kind == "span":
        end = parse_date(draw(DATE_TEXT), SETTINGS)
        if end.end < date.start:
            date, end = end, date
    elif kind == "open" and date.start <= REFERENCE:
        end = present(SETTINGS)
    tags = draw(
        st.lists(st.sampled_from(["war", "art", "C++", "ancient history"]), max_size=3, unique=True)
    )
    return Event(
        date=date,
        end=end,
        title=f"{draw(TITLE)} {index}",
        description=draw(TEXT),
        group=draw(GROUP),
        tags=tuple(tags),
        url=draw(URL),
        color=draw(st.sampled_from([None, "#a1b2c3", "teal"])),
        source=draw(TEXT) or None,
        milestone=draw(st.booleans()),
        refs=(SourceRef("generated", index),),
    )


@st.composite
def timelines(draw: Any) -> Timeline:
    count = draw(st.integers(1, 6))
    evs = sorted((draw(events(i)) for i in range(count)), key=Event.sort_key)
    eras = []
    for i in range(draw(st.integers(0, 2))):
        a, b = parse_date(draw(DATE_TEXT), SETTINGS), parse_date(draw(DATE_TEXT), SETTINGS)
        a, b = (a, b) if a.start <= b.end else (b, a)
        eras.append(Era(f"{draw(TITLE)} {i}", a, b, draw(st.sampled_from([None, "#123456"]))))
    eras.sort(key=lambda e: (e.start.start, e.name))
    groups = [
        Group(name, draw(st.sampled_from([None, "red"])), i)
        for i, name in enumerate(draw(st.lists(GROUP.filter(bool), unique=True)))
    ]
    return Timeline(tuple(evs), draw(TITLE) or "Timeline", tuple(eras), tuple(groups), SETTINGS)


def _date(d: FuzzyDate | None) -> Any:
    return d and (d.start, d.end, d.precision, d.qualifiers)


def _event(e: Event, *, tags: bool = True, milestone: bool = True) -> tuple[Any, ...]:
    return (
        _date(e.date),
        _date(e.end),
        e.title,
        e.description,
        e.group,
        e.tags if tags else (),
        e.url,
        e.color,
        e.source,
        e.milestone and milestone,
    )


def _read_back(kind: str, path: str, timeline: Timeline) -> tuple[Timeline, Any]:
    out = write(kind, timeline)
    text = out.data.decode()
    fmt = detect_format(path, text)
    result = reader_for(fmt)(text, path, OPTIONS)
    errors = [str(d) for d in result.diagnostics if d.severity == "error"]
    assert not errors, (errors, text)
    return result.timeline, out


ROUND_TRIP = settings(
    max_examples=int(os.environ.get("TIMELINE_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("title", ["=1+1", "'=1+1", "''@cmd", "'quoted", "-cmd", "+1"])
def test_csv_disarms_formulas_and_reads_them_back(title: str) -> None:
    """A cell a spreadsheet would run gets a quote mark, and reads back as written, even when
    it already started with quote marks."""
    day = Day(2020, 1, 1)
    event = Event(FuzzyDate(day, day, Precision.DAY, frozenset(), "2020-01-01"), title)
    timeline = Timeline(events=(event,), settings=Settings(reference_date=REFERENCE))
    import csv
    import io

    rows = list(csv.reader(io.StringIO(write("csv", timeline).data.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in "=+-@" and cell[:1]], cells
    back, _ = _read_back("csv", "t.csv", timeline)
    assert back.events[0].title == title


@ROUND_TRIP
@given(timelines())
def test_our_formats_round_trip_everything(timeline: Timeline) -> None:
    """YAML, JSON, JSON Lines and CSV keep every event, era, group and the title, silently."""
    for kind, path in OURS.items():
        back, out = _read_back(kind, path, timeline)
        assert out.warnings == (), kind
        assert [_event(e) for e in back.events] == [_event(e) for e in timeline.events], kind
        assert [(e.name, _date(e.start), _date(e.end), e.color) for e in back.eras] == [
            (e.name, _date(e.start), _date(e.end), e.color) for e in timeline.eras
        ], kind
        assert back.groups == timeline.groups, kind
        assert back.title == timeline.title, kind
        assert back.settings.reference_date == REFERENCE, kind


@ROUND_TRIP
@given(timelines())
def test_timelinejs_round_trip_keeps_all_but_what_it_warns_about(timeline: Timeline) -> None:
    back, out = _read_back("timelinejs", "t.json", timeline)
    assert detect_format("t.json", out.data.decode()) == "timelinejs"
    lost = " ".join(d.message for d in out.warnings)
    assert ("tags" in lost) == any(e.tags for e in timeline.events)
    assert ("milestones" in lost) == any(e.milestone for e in timeline.events)
    assert [_event(e, tags=False, milestone=False) for e in back.events] == [
        _event(e, tags=False, milestone=False) for e in timeline.events
    ]
    assert [(e.name, _date(e.start), _date(e.end)) for e in back.eras] == [
        (e.name, _date(e.start), _date(e.end)) for e in timeline.eras
    ]


@ROUND_TRIP
@given(timelines())
def test_icalendar_round_trip_keeps_what_a_calendar_can_hold(timeline: Timeline) -> None:
    """Events from AD 1 to 9999 come back whole; the others are left out and warned about."""
    import icalendar

    inside = [e for e in timeline.events if e.first_day.year >= 1 and e.last_day.year <= 9999]
    out = write("ics", timeline)
    calendar = icalendar.Calendar.from_ical(out.data)
    assert len(calendar.walk("VEVENT")) == len(inside)
    lost = " ".join(d.message for d in out.warnings)
    assert ("before AD 1" in lost) == (len(inside) < len(timeline.events))
    assert ("eras" in lost) == bool(timeline.eras)
    if not inside:
        return
    back, _ = _read_back("ics", "t.ics", timeline)
    assert [_event(e) for e in back.events] == [_event(e) for e in inside]


def test_markwhen_groups_lanes_and_warns_about_bce() -> None:
    timeline = Timeline(
        (
            Event(parse_date("44 BC"), "Caesar dies", group="Rome"),
            Event(parse_date("c. 1850"), "Railways", group="Tech", tags=("steam power",)),
            Event(parse_date("March 2013"), "Launch", end=present(SETTINGS), url="https://x.org"),
            Event(parse_date("Winter 1941–42"), "Siege"),
        ),
        "Demo",
    )
    out = write("markwhen", timeline)
    text = out.data.decode()
    assert "12/1941 - 02/1942: Siege" in text  # the months of a winter, not "1941 - 1942"
    assert "group Tech\n1850: Railways #steam-power\n(c. 1850)\n" in text
    assert "03/2013 - now: Launch\n[https://x.org](https://x.org)\n" in text
    assert "Caesar" not in text
    assert any("before AD 1" in d.message and "Caesar" in d.message for d in out.warnings)


def test_timelinejs_has_the_documented_shape_and_escapes_html() -> None:
    """TimelineJS3's data format: title slide, events with start_date.year as text, text as
    HTML; BCE years count 1 BCE as -1."""
    import json

    timeline = Timeline(
        (
            Event(parse_date("15 March 44 BC"), "<b>Caesar</b> & Brutus", group="Rome"),
            Event(parse_date("1 BC"), "Year before AD 1"),
            Event(parse_date("1939"), "War", end=parse_date("1945"), description="a\n\nb"),
        ),
        "A <title>",
    )
    doc = json.loads(write("timelinejs", timeline).data)
    assert doc["title"] == {"text": {"headline": "A &lt;title&gt;", "text": ""}}
    caesar, one_bc, war = doc["events"]
    assert caesar["start_date"] == {
        "year": "-44",
        "month": "3",
        "day": "15",
        "display_date": "15 March 44 BC",
    }
    assert caesar["text"]["headline"] == "&lt;b&gt;Caesar&lt;/b&gt; &amp; Brutus"
    assert one_bc["start_date"]["year"] == "-1"
    assert war["end_date"]["year"] == "1945" and war["text"]["text"] == "<p>a</p><p></p><p>b</p>"
    for slide in doc["events"]:
        assert set(slide) <= {
            "start_date",
            "end_date",
            "display_date",
            "text",
            "group",
            "background",
            "media",
            "unique_id",
        }
        assert all(isinstance(v, str) for v in slide["start_date"].values())
    assert len({s["unique_id"] for s in doc["events"]}) == 3
    from timeline.sources.timelinejs import read

    back = read(json.dumps(doc), "t.json", OPTIONS).timeline.events
    assert [e.description for e in back] == ["", "", "a\n\nb"]  # the blank line comes back


STRUCTURED = {"json": "t.json", "jsonl": "t.jsonl", "csv": "t.csv", "tsv": "t.tsv",
              "timelinejs": "t.json", "ics": "t.ics", "yaml": "t.yaml"}  # fmt: skip
SAMPLE = Timeline(
    (
        Event(parse_date("c. 44 BC"), "Caesar", group="Rome", tags=("a",), source="Suetonius"),
        Event(parse_date("March 1969"), "Moon", end=present(SETTINGS), url="https://x.org"),
    ),
    "Sample",
    eras=(Era("Modern", parse_date("1900"), parse_date("2000")),),
    groups=(Group("Rome", "red", 0),),
    settings=SETTINGS,
)


@st.composite
def damaged(draw: Any) -> tuple[str, str]:
    """A file of some format with a few cuts and insertions, or plain garbage."""
    fmt = draw(st.sampled_from(sorted(STRUCTURED)))
    kind = {"tsv": "csv"}.get(fmt, fmt)
    text = write(kind, SAMPLE).data.decode()
    if fmt == "tsv":
        text = text.replace(",", "\t")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 20))
        text = text[:at] + draw(st.text(max_size=8)) + text[at + cut :]
    if draw(st.booleans()) and draw(st.booleans()):
        text = draw(st.text(max_size=200))
    return fmt, text


@settings(max_examples=int(os.environ.get("TIMELINE_EXAMPLES", "100")) * 3, deadline=None)
@given(damaged())
def test_readers_never_crash_on_damaged_files(case: tuple[str, str]) -> None:
    """A damaged file gives diagnostics or an InputError naming the file, never a traceback."""
    from timeline.errors import InputError

    fmt, text = case
    path = STRUCTURED[fmt]
    try:
        result = reader_for(fmt)(text, path, OPTIONS)
    except InputError as exc:
        assert exc.ref.path == path
        return
    assert all(d.ref.path == path for d in result.diagnostics)


GOLDEN = Path(__file__).parent / "data" / "formats"
WRITTEN = {"timelinejs": "timelinejs.json", "ics": "ics", "markwhen": "mw", "csv": "csv"}


@pytest.mark.parametrize("kind", sorted(WRITTEN))
def test_writers_match_their_golden_files(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/data/formats/small.yaml in each format, byte for byte (reviewed by eye), and the
    same bytes on a second run: no clock, no set order, no random id leaks in."""
    from timeline.pipeline import load

    monkeypatch.chdir(GOLDEN)
    timeline = load(["small.yaml"], ReadOptions(today=Day(2030, 1, 1))).timeline
    first, second = write(kind, timeline).data, write(kind, timeline).data
    assert first == second
    assert first == (GOLDEN / f"small.expected.{WRITTEN[kind]}").read_bytes()
