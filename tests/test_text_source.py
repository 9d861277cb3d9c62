"""Prose in: plain text, Markdown and HTML, through the tagger to events and back out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline.cli import app
from timeline.model import Day, Severity
from timeline.pipeline import extract, load
from timeline.sources import ReadOptions
from timeline.sources.text import dateline, mentions, read, read_html, read_markdown

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "tagger"
TODAY = ReadOptions(today=Day(2026, 11, 24))


def test_golden_article_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """The events of a short article, as `extract` writes them. Reviewed by eye; to update
    after a deliberate change, run with UPDATE_GOLDEN=1 and read the diff."""
    monkeypatch.chdir(ROOT)
    data, loaded = extract(["tests/data/tagger/article.txt"], TODAY)
    golden = DATA / "article.events.yaml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data.decode() == golden.read_text(encoding="utf-8")
    # The bridge's opening is told twice and is one event with both sources.
    opening = [e for e in loaded.timeline.events if e.date.start == Day(1932, 3, 19)]
    assert len(opening) == 1 and [r.line for r in opening[0].refs] == [5, 13]


def test_events_have_provenance() -> None:
    text = (DATA / "article.txt").read_text(encoding="utf-8")
    result = read(text, "article.txt", TODAY)
    event = next(e for e in result.timeline.events if e.date.text == "spring 2021")
    [ref] = event.refs
    assert text[ref.start : ref.end] == "spring 2021"
    assert text.count("\n", 0, ref.start) + 1 == ref.line
    assert ref.sentence == "A replacement bridge is due to open in spring 2021."
    assert event.title == "A replacement bridge is due to open"
    assert event.description == ref.sentence


def test_durations_sets_and_vague_words_are_not_events() -> None:
    text = (
        "Reported on 3 May 2011.\n\n"
        "The talks lasted three weeks. Ferries run every day. Prices are high now."
    )
    result = read(text, "t.txt", ReadOptions(reference_date=Day(2011, 5, 3)))
    assert result.timeline.events == ()
    notes = [d for d in result.diagnostics if d.severity is Severity.NOTE]
    assert notes and '"now"' in notes[0].message and "t.txt" in str(notes[0])


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("18 November 2017\n\nThe council met.", Day(2017, 11, 18)),
        ("WASHINGTON, Nov. 18, 2017 — The council met.", Day(2017, 11, 18)),
        ("Published: 2017-11-18\nThe council met.", Day(2017, 11, 18)),
        ("The council met in 1990 and again in 1991.", None),
        # A wire dateline run into a long first paragraph (it was missed past 120 characters).
        (
            "LONDON, 3 May 2020 — The council met on Tuesday to weigh the plan, which officials "
            "said would take three years, and the mayor did not attend.",
            Day(2020, 5, 3),
        ),
        (
            "3 May 2020 -- The council met on Tuesday to weigh the plan, which officials said "
            "would take three years; the mayor, who had resigned, did not attend.",
            Day(2020, 5, 3),
        ),
        # a dash typed as a hyphen, and a long paragraph after it
        (
            "LONDON, 15 September 2022 - The bridge was closed in 1987 after a storm that tore "
            "the deck away, and it was never rebuilt in the years that followed it.",
            Day(2022, 9, 15),
        ),
        (
            "On 6 June 1944 — the day the Allies landed in Normandy, after years of planning — the "
            "second front in the west was opened at last, and the war turned.",
            None,
        ),
    ],
)
def test_dateline(head: str, day: Day | None) -> None:
    assert dateline(head) == day


def test_a_dateline_in_the_first_sentence_anchors_and_is_no_event() -> None:
    text = (
        "LONDON, 3 May 2020 — The council met on Tuesday to weigh the plan, which officials "
        "said would take three years. On 3 May 2020 the mayor resigned.\n"
    )
    result = read(text, "t.txt", TODAY)
    assert result.timeline.settings.reference_date == Day(2020, 5, 3)
    events = sorted((e.date.start.iso(), e.title) for e in result.timeline.events)
    assert events == [
        ("2020-04-28", "The council met to weigh the plan"),
        ("2020-05-03", "The mayor resigned"),
    ]


@pytest.mark.parametrize(
    "head",
    ["LONDON, Sept. 15, 2022 (AP) — ", "LONDON, 15 September 2022 - ",
     "BARNSLEY, England, Sept. 15, 2022 (AP)_ "],
)  # fmt: skip
def test_a_dateline_with_an_agency_or_a_hyphen_is_no_event(head: str) -> None:
    result = read(head + "The bridge was closed in 1987. The council met yesterday.", "t", TODAY)
    events = [(e.date.start, e.title) for e in result.timeline.events]
    assert events == [(Day(1987), "The bridge was closed"), (Day(2022, 9, 14), "The council met")]


def test_a_dateline_is_no_subject_and_an_offset_after_a_date_no_event() -> None:
    text = ("NEW YORK, Oct. 22, 2023 — The recall, which covers pills sold between January 2021 "
            "and August 2023, was announced on Monday. The House impeached him on Jan. 13, a "
            "week later, for inciting the riot.")  # fmt: skip
    result = read(text, "t.txt", TODAY)
    events = [(e.date.start, e.title) for e in result.timeline.events]
    assert events == [
        (Day(2021, 1, 1), "The recall covers pills sold"),
        (Day(2023, 1, 13), "The House impeached him"),
        (Day(2023, 10, 16), "The recall was announced"),
    ]
    assert not result.timeline.events[0].refs[0].sentence.startswith("NEW YORK")


def test_standard_input_has_no_name_for_a_title() -> None:
    assert read("The bridge opened in 1932.", "<stdin>", TODAY).timeline.title == "Timeline"
    assert read("The bridge opened in 1932.", "old_bridge.txt", TODAY).timeline.title == (
        "old bridge"
    )


@pytest.mark.parametrize(
    ("text", "reference", "events"),
    [
        # a wider date in the same clause adds nothing
        ("On January 23, 2007, in the 2007 State of the Union address, Bush announced new "
         "troops.", Day(2009, 12, 19), [(Day(2007, 1, 23), "Bush announced new troops")]),
        # a figure compared with a year before: not something that happened then
        ("Net income rose to $58.6 million from $41.2 million a year earlier. Sales rose 5% "
         "from a year earlier. A year ago, the firm was sold.", Day(2023, 10, 26),
         [(Day(2022), "The firm was sold")]),
        # the period a figure covers ("the third quarter ended Sept. 30"), beside the report
        ("Acme today reported net income of $58.6 million for the third quarter ended Sept. "
         "30. For the quarter ended June 30, Acme earned $40 million.", Day(2023, 10, 26),
         [(Day(2023, 4, 1), "Acme earned $40 million"),  # the quarter, whole
          (Day(2023, 10, 26), "Acme reported net income of $58.6 million")]),
        # where a plan ends
        ("The council approved a measure to freeze fares until 2023. The plant would remain "
         "closed until at least the end of the year. He lived in Paris until 1990.",
         Day(2021, 3, 1), [(Day(1990), "He lived in Paris")]),
    ],
)  # fmt: skip
def test_dates_that_are_no_events_of_their_own(
    text: str, reference: Day, events: list[tuple[Day, str]]
) -> None:
    result = read(text, "t.txt", ReadOptions(reference_date=reference))
    assert [(e.date.start, e.title) for e in result.timeline.events] == events


def test_a_range_after_a_dateline_keeps_its_own_end() -> None:
    """The dateline is left out of the expressions: a range's end must still be its own, not
    the next date along ("from 2011 to 2014" was read as 2011-2016, and 2014 as an event)."""
    text = "LONDON, 3 May 2020 — The works ran from 2011 to 2014, and the bridge opened in 2016.\n"
    result = read(text, "t.txt", TODAY)
    events = [(e.date.start.year, e.end.end.year if e.end else None, e.title)
              for e in result.timeline.events]  # fmt: skip
    assert events == [(2011, 2014, "The works ran"), (2016, None, "The bridge opened")]


_PIECES = ["The works ran", "from 2011 to 2014", "February to April",
           "and", "the bridge opened", "in 2016", ".", ",", "last year", "on Tuesday", "\n",
           "between May and July 2017", "1939–45", "which", "said", "the army",
           "1961 and 1964"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_a_dateline_changes_no_event_but_its_own_day(pieces: list[str]) -> None:
    """Ranges and clauses in any order, with and without a dateline on the same day as the
    reference date: reading never raises, and the dateline (left out of the expressions)
    changes no event's dates or title."""
    text = " ".join(pieces)
    options = ReadOptions(reference_date=Day(2020, 5, 3), today=Day(2026, 11, 24))

    def events(read_text: str) -> list[tuple[object, ...]]:
        return [(e.date, e.end, e.title) for e in read(read_text, "t.txt", options).timeline.events]

    assert events("LONDON, 3 May 2020 —\n\n" + text) == events(text)


def test_a_dateline_does_not_turn_a_short_history_into_news() -> None:
    """Hypothesis found it: with the dateline, "February to April" after "1939–45" was read
    as news (this year's February); the reference day itself says neither way."""
    options = ReadOptions(reference_date=Day(2020, 5, 3), today=Day(2026, 11, 24))
    text = "1939–45. The works ran February to April."
    for read_text in (text, "LONDON, 3 May 2020 —\n\n" + text):
        [event] = read(read_text, "t.txt", options).timeline.events
        assert (event.date.start, event.title) == (Day(1939, 2, 1), "The works ran")


def test_a_she_named_in_the_sentence_before_is_named_in_the_title() -> None:
    text = ("Marie Curie moved to Paris in 1891. She won the Nobel Prize in 1903. "
            "The prize money paid for a laboratory in 1904.")  # fmt: skip
    titles = [e.title for e in read(text, "curie.txt", TODAY).timeline.events]
    assert titles == ["Marie Curie moved to Paris", "Marie Curie won the Nobel Prize",
                      "The prize money paid for a laboratory"]  # fmt: skip


def test_anchor_falls_back_to_today_with_a_warning() -> None:
    result = read("The council met last year.\nIn 1990 the bridge opened.", "t.txt", TODAY)
    assert result.timeline.settings.reference_date == Day(2026, 11, 24)
    [warning] = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    assert "--ref-date" in warning.message and "2026-11-24" in warning.message
    assert '1 date expression read from today, 2026-11-24: "last year" (line 1);' in (
        warning.message
    )
    assert result.timeline.events[0].date.start == Day(1990)
    assert result.timeline.events[1].date.start == Day(2025)


def test_a_history_counted_from_its_own_dates_needs_no_reference_date() -> None:
    """ "The following day" counts from the text's own dates: today's date changes nothing, so
    there is nothing to warn about and no reference date to write out."""
    text = "The army reached the city on 14 July 1683. It began digging the following day."
    result = read(text, "siege.txt", TODAY)
    assert [d for d in result.diagnostics if d.severity is Severity.WARNING] == []
    assert result.timeline.settings.reference_date is None
    assert [e.date.start for e in result.timeline.events] == [Day(1683, 7, 14), Day(1683, 7, 15)]


HTML = """<!doctype html><html><head><title>Page title</title>
<meta property="article:published_time" content="2017-11-18T09:00:00Z">
<style>.x { content: "1 January 1999"; }</style>
<script>var d = "2 February 2002";</script></head>
<body><h1>Bridge news</h1><p>The bridge opened on 3&nbsp;March 2013 &amp; closed last year.</p>
<template><p>4 April 2004</p></template><noscript>5 May 2005</noscript></body></html>"""


def test_html_reads_visible_text_only_with_offsets_into_the_source() -> None:
    found = mentions(HTML, "page.html", "html", TODAY)
    assert [m["value"] for m in found] == ["2013-03-03", "2016"]
    first = found[0]
    assert HTML[first["start"] : first["end"]] == "3&nbsp;March 2013"  # type: ignore[misc]
    assert first["text"] == "3&nbsp;March 2013"
    assert first["line"] == 5
    result = read_html(HTML, "page.html", TODAY)
    assert result.timeline.title == "Bridge news"
    assert result.timeline.settings.reference_date == Day(2017, 11, 18)
    assert {e.date.start for e in result.timeline.events} == {Day(2013, 3, 3), Day(2016)}


MARKDOWN = """---
title: Notes
date: 2017-11-18
---
# The bridge

The **bridge** opened on [19 March 1932](https://example.org/1932). It closed last year.
"""


def test_markdown_front_matter_and_markup() -> None:
    result = read_markdown(MARKDOWN, "notes.md", TODAY)
    assert result.timeline.title == "Notes"
    assert result.timeline.settings.reference_date == Day(2017, 11, 18)
    days = sorted(e.date.start for e in result.timeline.events)
    assert days == [Day(1932, 3, 19), Day(2016)]
    found = mentions(MARKDOWN, "notes.md", "markdown", TODAY)
    for m in found:
        assert MARKDOWN[m["start"] : m["end"]] == m["text"]  # type: ignore[misc]
    assert "2017-11-18" not in [m["value"] for m in found]  # the front matter is not prose


def test_markdown_tables_are_rows_and_code_is_not_prose() -> None:
    text = ("# Bridge\n\n| Year | Event |\n|------|:-----:|\n| 1950 | Toll removed |\n"
            "| 1999 | Lights added |\n\n```\nlog: 2001-01-01 Should not be an event\n```\n\n"
            "The bridge opened in 1932.\n")  # fmt: skip
    result = read_markdown(text, "bridge.md", TODAY)
    events = [(e.date.start.year, e.title, e.refs[0].line) for e in result.timeline.events]
    assert events == [(1932, "The bridge opened", 12), (1950, "Toll removed", 5),
                      (1999, "Lights added", 6)]  # fmt: skip


def test_markdown_descriptions_keep_no_space_where_markup_was() -> None:
    """Markup is blanked to keep offsets; the description closes the gaps it left before a
    comma or a full stop ("June 2010 ," and "the bridge ." from a table row, before)."""
    text = ("| Year | Event |\n|------|-------|\n| 1950 | Tolls removed from the bridge |\n\n"
            "The city began a renovation in **June 2010**, which ended in 2015.\n")  # fmt: skip
    result = read_markdown(text, "bridge.md", TODAY)
    descriptions = {e.description for e in result.timeline.events}
    assert "1950 – Tolls removed from the bridge." in descriptions
    assert "The city began a renovation in June 2010, which ended in 2015." in descriptions


def test_year_headings_head_their_events_and_are_not_reported_lost() -> None:
    """Notes kept by year ("## 1967" over that year's events) give each event its year, and
    the headings are not "dates that could not be placed"; a date in prose with no event
    still is."""
    text = ("# Apollo\n\n## 1961\n\nKennedy spoke to Congress on May 25.\n\n## 1967\n\n"
            "- **27 January**: A cabin fire killed three astronauts.\n\n"
            "Compare: 1966.\n")  # fmt: skip
    result = read_markdown(text, "apollo.md", TODAY)
    assert [(e.date.start, e.title) for e in result.timeline.events] == [
        (Day(1961, 5, 25), "Kennedy spoke to Congress"),
        (Day(1967, 1, 27), "A cabin fire killed three astronauts"),
    ]
    [note] = [d.message for d in result.diagnostics if d.severity is Severity.NOTE]
    assert '"1966"' in note and "1961" not in note and "1967" not in note


def test_list_items_under_a_date_heading_take_its_date() -> None:
    """Notes kept as lists under dated headings: an item with no date of its own takes the
    heading's, one with a date keeps it, and each item is a sentence of its own, full stop or
    not; items under a heading that is no date are not events."""
    text = ("# Space race\n\n## 1957\n\n- Sputnik 1 reached orbit on 4 October.\n"
            "- Laika flew aboard Sputnik 2\n- The Vanguard launch failed in December\n\n"
            "## 1961\n\n1. Gagarin became the first human in space\n\n"
            "## People\n\n- Korolev led the Soviet programme\n")  # fmt: skip
    result = read_markdown(text, "space.md", TODAY)
    events = [(e.date.start, e.date.precision.value, e.title, e.refs[0].line)
              for e in result.timeline.events]  # fmt: skip
    assert events == [
        (Day(1957), "year", "Laika flew aboard Sputnik 2", 6),
        (Day(1957, 10, 4), "day", "Sputnik 1 reached orbit", 5),
        (Day(1957, 12, 1), "month", "The Vanguard launch failed", 7),
        (Day(1961), "year", "Gagarin became the first human in space", 11),
    ]


def test_html_list_items_under_a_date_heading_take_its_date() -> None:
    page = ("<html><body><h1>Space race</h1><h2>1957</h2><ul><li>Sputnik 1 reached orbit on "
            "4 October.</li>\n<li>Laika flew aboard Sputnik 2</li></ul>\n<h2>People</h2>"
            "<ul><li>Korolev led the Soviet programme</li></ul></body></html>")  # fmt: skip
    result = read_html(page, "space.html", TODAY)
    events = [(e.date.start, e.title, e.refs[0].line) for e in result.timeline.events]
    assert events == [(Day(1957), "Laika flew aboard Sputnik 2", 2),
                      (Day(1957, 10, 4), "Sputnik 1 reached orbit", 1)]  # fmt: skip
    laika = result.timeline.events[0].refs[0]
    assert laika.start == laika.end == page.index("Laika")  # where the item starts


def test_html_time_elements_give_their_own_dates() -> None:
    page = ('<html><head><meta property="article:published_time" content="2019-06-10"></head>'
            '<body><p>The mayor resigned on <time datetime="2019-06-03">Monday</time>.</p>'
            "<p>The council met on Tuesday.</p></body></html>")  # fmt: skip
    result = read_html(page, "page.html", TODAY)
    assert [(e.date.start, e.title) for e in result.timeline.events] == [
        (Day(2019, 6, 3), "The mayor resigned"),
        (Day(2019, 6, 4), "The council met"),
    ]
    found = mentions(page, "page.html", "html", TODAY)
    assert [(m["text"], m["value"]) for m in found] == [("Monday", "2019-06-03"),
                                                        ("Tuesday", "2019-06-04")]  # fmt: skip


def test_a_date_in_a_table_cell_is_no_dateline() -> None:
    page = ("<html><body><h1>Harbour Bridge</h1><table><tr><th>Opened</th><td>19 March 1932"
            "</td></tr></table><p>The bridge was opened on 19 March 1932. It closed last year."
            "</p></body></html>")  # fmt: skip
    result = read_html(page, "bridge.html", TODAY)
    assert result.timeline.settings.reference_date == TODAY.today  # not 1932: today, warned
    assert any("last year" in d.message for d in result.diagnostics)
    news = "<html><body><p>LONDON, 3 May 2020 — The council met on Tuesday.</p></body></html>"
    assert read_html(news, "n.html", TODAY).timeline.settings.reference_date == Day(2020, 5, 3)


def test_html_navigation_footer_and_controls_are_not_read() -> None:
    page = ("<html><body><nav>Home | Archive 2015 | About</nav><p>The bridge opened in 1932."
            "</p><select><option>2016</option></select><footer>© 2019 Daily Paper</footer>"
            "</body></html>")  # fmt: skip
    result = read_html(page, "page.html", TODAY)
    assert [(e.date.start.year, e.title) for e in result.timeline.events] == [
        (1932, "The bridge opened")
    ]


def test_cli_mentions_are_json_lines(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("In 2013, it closed. It reopened last year.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(src), "--mentions", "--ref-date", "2017-11-18"]
    )
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(m["text"], m["type"], m["value"], m["start"], m["end"], m["line"]) for m in lines] == [
        ("2013", "DATE", "2013", 3, 7, 1),
        ("last year", "DATE", "2016", 32, 41, 1),
    ]
    assert set(lines[0]) == {"path", "line", "start", "end", "text", "type", "value"}


def test_cli_lang_reaches_the_tagger(tmp_path: Path) -> None:
    """ "Hier" alone says no language: read as French "yesterday", unless --lang de."""
    src = tmp_path / "a.txt"
    src.write_text("Hier. Am 3. Mai 2013.", encoding="utf-8")
    texts = []
    for lang in ([], ["--lang", "de"]):
        result = CliRunner().invoke(
            app, ["extract", str(src), "--mentions", "--ref-date", "2017-11-18", *lang]
        )
        assert result.exit_code == 0, result.stderr
        texts.append([json.loads(line)["text"] for line in result.stdout.splitlines()])
    assert texts == [["Hier", "3. Mai 2013"], ["3. Mai 2013"]]


def test_extracted_yaml_builds_back(tmp_path: Path) -> None:
    out = tmp_path / "events.yaml"
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(DATA / "article.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    again = load([str(out)], TODAY).timeline
    first = load([str(DATA / "article.txt")], TODAY).timeline
    assert [(e.date.start, e.date.end, e.title) for e in again.events] == [
        (e.date.start, e.date.end, e.title) for e in first.events
    ]
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_extract_other_formats(fmt: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(DATA / "article.txt"), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert "1932-03-19" in result.stdout


def test_prose_dates_read_like_yaml_dates() -> None:
    """A date given outright goes through the same normaliser as events.yaml's dates."""
    from timeline.dates import parse_date

    text = (
        "Railways spread across Europe in the 19th century. "
        "Der Vertrag wurde am 3. März 1990 unterzeichnet."
    )
    result = read(text, "t.txt", ReadOptions(reference_date=Day(2017, 1, 1)))
    got = {(e.date.start, e.date.end) for e in result.timeline.events}
    for written in ("19th century", "3. März 1990"):
        want = parse_date(written)
        assert (want.start, want.end) in got


def test_two_dates_in_one_clause_are_one_event_on_the_narrower() -> None:
    text = (
        "Apollo 7 launched in October 1968. Two months later, Apollo 8 orbited the Moon over "
        "Christmas. In the 1970s, budgets shrank, and the Saturn V never flew again after 1973."
    )
    events = read(text, "t.md", TODAY).timeline.events
    titles = {e.title: (e.date.start, e.date.end) for e in events}
    assert titles["Apollo 8 orbited the Moon"] == (
        Day(1968, 12, 25),
        Day(1968, 12, 25),
    )
    # Different clauses stay different events.
    assert titles["Budgets shrank"][0] == Day(1970)
    assert titles["The Saturn V never flew again"][0] == Day(1973)
    assert len(events) == 4


def test_a_range_is_one_event_titled_without_either_end() -> None:
    text = (
        "Reported on 10 February 1999.\n\n"
        "Talks ran from 3 to 5 March 1998. The summit was held in Washington on April 24 "
        "and 25. The war lasted from 1914 to 1918."
    )
    events = read(text, "t.txt", ReadOptions(reference_date=Day(1999, 2, 10))).timeline.events
    spans = {e.title: (e.date.start, e.last_day) for e in events}
    assert spans == {
        "Talks ran": (Day(1998, 3, 3), Day(1998, 3, 5)),
        "The summit was held in Washington": (Day(1998, 4, 24), Day(1998, 4, 25)),
        "The war lasted": (Day(1914), Day(1918, 12, 31)),
    }


def test_wrapped_lines_are_one_sentence_and_short_lines_are_headings() -> None:
    text = (
        "Reported on 10 February 1999.\n\n"
        "On January 27, 1967, a cabin fire during a launch rehearsal killed the crew of\n"
        "Apollo 1. The first crewed flight, Apollo 7, launched on\n"
        "October 11, 1968.\n"
        "The landings\n"
        "Apollo 11 landed on the Moon on 20 July 1969.\n"
    )
    events = read(text, "t.txt", ReadOptions(reference_date=Day(1999, 2, 10))).timeline.events
    described = {e.date.start: e.description for e in events}
    assert described[Day(1967, 1, 27)].endswith("killed the crew of Apollo 1.")
    assert described[Day(1968, 10, 11)] == (
        "The first crewed flight, Apollo 7, launched on October 11, 1968."
    )
    # "The landings" is a heading of its own, not part of the next sentence.
    assert described[Day(1969, 7, 20)] == "Apollo 11 landed on the Moon on 20 July 1969."


def test_each_date_in_a_sentence_gets_its_own_words_and_deadlines_are_not_events() -> None:
    text = (
        "Reported on 3 May 2011.\n\n"
        "He was born on 3 May 1920 and died on 5 June 1990. "
        "On May 25, 1961, Kennedy set the goal of a Moon landing by the end of the decade. "
        "Over the summer of 2004, prices rose."
    )
    events = read(text, "t.txt", ReadOptions(reference_date=Day(2011, 5, 3))).timeline.events
    assert [(e.date.start, e.title) for e in events] == [
        (Day(1920, 5, 3), "He was born"),
        (Day(1961, 5, 25), "Kennedy set the goal of a Moon landing"),
        (Day(1990, 6, 5), "He died"),
        (Day(2004, 6, 1), "Prices rose"),
    ]


def test_html_footnotes_list_items_and_a_day_told_after_another() -> None:
    html = (
        "<html><head><title>Berlin Wall</title></head><body><h1>Berlin Wall</h1>"
        "<p>The wall divided the city (GDR).<sup>[1]</sup>\nConstruction of the wall was "
        "begun by the GDR on 13 August 1961.</p>"
        "<p>On 9 November 1989, the head of the East Berlin party announced that citizens "
        "could cross. Crowds of East Germans crossed onto the wall that night.</p>"
        '<ul><li>1987 – Reagan: "Tear down this wall!"</li></ul></body></html>'
    )
    events = read_html(html, "wall.html", ReadOptions(reference_date=Day(2020, 1, 1)))
    titles = {(e.date.start, e.title) for e in events.timeline.events}
    assert titles == {
        (Day(1961, 8, 13), "Construction of the wall was begun by the GDR"),
        (Day(1989, 11, 9), "The head of the East Berlin party announced citizens could cross"),
        (Day(1989, 11, 9), "Crowds of East Germans crossed onto the wall"),
        (Day(1987), "Reagan: Tear down this wall!"),
    }


def test_french_titles_keep_their_articles_and_lose_their_dates() -> None:
    text = (
        "Le 14 juillet 1789, le peuple de Paris prend la Bastille. Trois semaines plus tard, "
        "dans la nuit du 4 août, l'Assemblée abolit les privilèges. L'année suivante, la "
        "monarchie est abolie, et Louis XVI est exécuté le 21 janvier 1793. La Terreur dure de "
        "septembre 1793 à juillet 1794."
    )
    options = ReadOptions(reference_date=Day(2020, 1, 1), languages=("fr",))
    events = read(text, "revolution.txt", options).timeline.events
    assert [(e.date.start, e.title) for e in events] == [
        (Day(1789, 7, 14), "Le peuple de Paris prend la Bastille"),
        (Day(1789, 8, 4), "L'Assemblée abolit les privilèges"),
        (Day(1790), "La monarchie est abolie"),
        (Day(1793, 1, 21), "Louis XVI est exécuté"),
        (Day(1793, 9), "La Terreur dure"),
    ]


def test_german_day_numbers_do_not_end_sentences() -> None:
    text = "Am 9. November 1989 fiel die Mauer. Sie stand seit dem 13. August 1961."
    events = read(text, "mauer.txt", ReadOptions(reference_date=Day(2020, 1, 1))).timeline.events
    assert [(e.date.start, e.title) for e in events] == [
        (Day(1961, 8, 13), "Sie stand"),
        (Day(1989, 11, 9), "Die Mauer fiel"),
    ]


def test_an_event_told_in_two_documents_is_one_event_with_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Reported on 3 May 2011.\n\nThe bridge opened to traffic on 19 March 1932 after eight "
        "years of work."
    )
    (tmp_path / "b.txt").write_text(
        "Reported on 4 May 2011.\n\nOn 19 March 1932 the bridge was opened by the premier. "
        "On 19 March 1932 the premier's car broke down."
    )
    (tmp_path / "c.yaml").write_text(
        "events:\n  - date: 1932-03-19\n    title: The bridge opened\n"
        "  - date: 1932-03-19\n    title: The bridge opened to trams\n"
    )
    events = load([str(tmp_path)], TODAY).timeline.events
    told = [e for e in events if e.refs[0].sentence]
    assert [(e.title, [r.path.rsplit("/", 1)[-1] for r in e.refs]) for e in told] == [
        ("The bridge opened to traffic", ["a.txt", "b.txt"]),
        ("The premier's car broke down", ["b.txt"]),
    ]
    # Events written by hand are never merged by their words.
    assert len(events) == 4


def _extracted(
    tmp_path: Path, *texts: str, ref: str | None = "2020-07-17"
) -> list[tuple[str, str]]:
    """`timeline extract` on files holding `texts`, as (start day, title) pairs of its JSON;
    `ref` None reads each one's reference date from its dateline."""
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"doc{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", *map(str, paths), *(["--ref-date", ref] if ref else []), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    return [(e["date"]["start"], e["title"]) for e in events]


def test_a_history_that_moves_into_the_years_ad_reads_its_bare_years(tmp_path: Path) -> None:
    text = (
        "The fort was built in 52 BC. In 160, a fire destroyed the forum. In 212 the baths were "
        "opened. It fell to the Goths in 410. In 843 it was granted to Charles II. Around 870 "
        "the Franks rebuilt its walls.\n"
    )
    assert _extracted(tmp_path, text) == [
        ("-0051-01-01", "The fort was built"),
        ("0160-01-01", "A fire destroyed the forum"),
        ("0212-01-01", "The baths were opened"),
        ("0410-01-01", "It fell to the Goths"),
        ("0843-01-01", "It was granted to Charles II"),
        ("0870-01-01", "The Franks rebuilt its walls"),
    ]


def test_a_year_told_in_passing_does_not_move_the_story(tmp_path: Path) -> None:
    finding = (
        "The town was founded in 43 BC. In 177, a fire burned down its market; we know of it "
        "from a stone that was found in 1528. The following year, the council rebuilt the "
        "market. In 197, the legion left the town.\n"
    )
    assert ("0178-01-01", "The council rebuilt the market") in _extracted(tmp_path, finding)
    sale = (
        "The abbey was founded in 1120. In 1536 the king closed the smaller houses, which were "
        "sold to his courtiers in 1540. That summer the monks left. The church was pulled down "
        "in 1538, and its lands were sold in 1540.\n"
    )
    assert ("1536-06-01", "The monks left") in _extracted(tmp_path, sale)


def test_what_is_to_come_points_ahead_and_deadlines_are_no_events(tmp_path: Path) -> None:
    # 14 October 2026 is a Wednesday.
    talks = "Talks broke down on Tuesday. Both sides said talks should resume on Monday.\n"
    assert _extracted(tmp_path, talks, ref="2026-10-14") == [
        ("2026-10-13", "Talks broke down"),
        ("2026-10-19", "Talks should resume"),
    ]
    cranes = (
        "The port authority plans to install six new cranes by 2027. It said on Tuesday it "
        "would open a new quay by the end of 2028.\n"
    )
    assert _extracted(tmp_path, cranes, ref="2026-10-14") == [
        ("2026-10-13", "It said it would open a new quay")
    ]
    # What had come to pass by a date is told, not planned.
    ceased = "The weavers' guild ceased to meet by March 1920.\n"
    assert _extracted(tmp_path, ceased) == [("1920-03-01", "The weavers' guild ceased to meet")]
    review = (
        "The operator said it had suspended the service until an independent review reports "
        "in the summer.\n"
    )
    assert [day for day, _ in _extracted(tmp_path, review, ref="2026-10-14")] == ["2027-06-01"]


def test_a_wire_dateline_with_a_lower_case_agency_is_no_event(tmp_path: Path) -> None:
    text = "BERLIN, 5. Juni 2022 (dpa) - Die Regierung hat ein neues Gesetz beschlossen.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "no events found" in result.stderr


def test_two_meetings_on_one_day_in_two_cities_are_two_events(tmp_path: Path) -> None:
    geneva = (
        "GENEVA, 3 December 2026 -\n\nFinance ministers of the alliance met in Geneva on "
        "Thursday to discuss the budget.\n"
    )
    vienna = (
        "VIENNA, 3 December 2026 -\n\nFinance ministers of the region met in Vienna on "
        "Thursday to discuss trade.\n"
    )
    assert _extracted(tmp_path, geneva, vienna, ref=None) == [
        ("2026-12-03", "Finance ministers of the alliance met in Geneva"),
        ("2026-12-03", "Finance ministers of the region met in Vienna"),
    ]
    again = "On 3 December 2026 the finance ministers met in Geneva, Switzerland.\n"
    assert _extracted(tmp_path, geneva, again, ref=None) == [
        ("2026-12-03", "Finance ministers of the alliance met in Geneva")
    ]
    one = (
        "Finance ministers of the alliance met in Geneva on 3 December 2026. Finance ministers "
        "of the region met in Vienna on 3 December 2026.\n"
    )
    assert len(_extracted(tmp_path, one)) == 2


def test_a_number_after_a_noun_that_numbers_things_is_no_year(tmp_path: Path) -> None:
    text = (
        "17 July 2020\n\nOn 5 February 1911, the railway company renamed the water works of "
        "district 1600, in a decision that the papers called reckless. The ferry left from "
        "platform 1850 on 13 June 1943.\n"
    )
    assert _extracted(tmp_path, text) == [
        ("1911-02-05", "The railway company renamed the water works of district 1600"),
        ("1943-06-13", "The ferry left from platform 1850"),
    ]


def test_a_clause_that_is_only_a_verb_borrows_the_subject_before_it() -> None:
    text = "Sales rose in 2009, and fell in 2010. The company grew in 2005, and shrank in 2007."
    events = read(text, "t.txt", ReadOptions(reference_date=Day(2011, 5, 3))).timeline.events
    assert [(e.date.start.year, e.title) for e in events] == [
        (2005, "The company grew"),
        (2007, "The company shrank"),
        (2009, "Sales rose"),
        (2010, "Sales fell"),
    ]


def test_a_day_number_before_a_short_month_name_does_not_end_a_sentence() -> None:
    text = "Am 8. Mai 1945 endete der Krieg in Europa."
    events = read(text, "krieg.txt", ReadOptions(reference_date=Day(2020, 1, 1))).timeline.events
    assert [(e.date.start, e.title) for e in events] == [
        (Day(1945, 5, 8), "Der Krieg endete in Europa")
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The mill closes\n\n6 May 1999\n\nThe mill closed on Tuesday.\n", "The mill closes"),
        # a wire dateline on a line of its own runs on into the story: no title
        ("6 May 1999\nBUFFALO, N.Y. (AP) --\nThe mill closed on Tuesday.\n", "wire"),
        ("6 May 1999\nLEEDS —\nThe mill closed on Tuesday.\n", "wire"),
    ],
)
def test_a_plain_texts_title_is_a_headline_not_a_dateline(text: str, title: str) -> None:
    assert read(text, "wire.txt", TODAY).timeline.title == title
