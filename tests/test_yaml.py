"""Reading events.yaml: fields, settings, line numbers, encodings, and hostile input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.model import Day, Precision, Qualifier, Severity
from timeline.pipeline import load
from timeline.render.data import render_yaml
from timeline.sources import ReadOptions
from timeline.sources.decode import decode
from timeline.sources.yaml_source import read

OPTIONS = ReadOptions(today=Day(2020, 5, 5))

DOC = """\
title: Space race
reference_date: 2020-05-05
languages: [en, fr]
date_order: DMY
groups:
  - {name: Soviet, color: "#cc3311"}
  - name: American
eras:
  - {name: Cold War, start: 1947, end: 1991}
events:
  - date: 4 October 1957
    title: Sputnik 1
    group: Soviet
    tags: [satellite, first]
    url: https://en.wikipedia.org/wiki/Sputnik_1
    milestone: true
  - date: 1969-07-20
    title: Apollo 11 lands
    group: American
    description: Armstrong and Aldrin walk on the Moon.
    source: NASA
  - date: 12 avril 1961
    title: Gagarin orbits the Earth
    group: Soviet
  - date: 1998
    end: present
    title: International Space Station
    color: teal
  - date: c. 1960s
    title: Space age
"""


def test_reads_every_field() -> None:
    result = read(DOC, "space.yaml", OPTIONS)
    tl = result.timeline
    assert [d for d in result.diagnostics if d.severity is Severity.ERROR] == []
    assert tl.title == "Space race"
    assert tl.settings.reference_date == Day(2020, 5, 5)
    assert tl.settings.languages == ("en", "fr")
    assert tl.settings.date_order == "DMY"
    assert [(g.name, g.color) for g in tl.groups] == [("Soviet", "#cc3311"), ("American", None)]
    assert [(e.name, e.start.start.year, e.end.end.year) for e in tl.eras] == [
        ("Cold War", 1947, 1991)
    ]
    titles = [e.title for e in tl.events]
    assert titles == ["Sputnik 1", "Space age", "Gagarin orbits the Earth", "Apollo 11 lands",
                      "International Space Station"]  # fmt: skip
    sputnik = tl.events[0]
    assert sputnik.date.start == Day(1957, 10, 4) and sputnik.date.precision is Precision.DAY
    assert sputnik.tags == ("satellite", "first") and sputnik.milestone
    assert sputnik.url == "https://en.wikipedia.org/wiki/Sputnik_1"
    assert sputnik.refs[0].where() == "space.yaml:11"
    assert tl.events[2].date.start == Day(1961, 4, 12)  # French, read through dateparser
    iss = tl.events[-1]
    assert iss.end is not None and iss.end.open_ended and iss.end.start == Day(2020, 5, 5)
    assert iss.color == "teal"
    assert Qualifier.APPROXIMATE in tl.events[1].date.qualifiers


def test_group_order_is_declared_then_first_appearance() -> None:
    tl = read(DOC, "space.yaml", OPTIONS).timeline
    assert tl.group_order() == ["Soviet", "American", ""]


def test_a_bare_list_of_events_is_accepted() -> None:
    tl = read("- date: 1969\n  title: One\n", "list.yaml", OPTIONS).timeline
    assert [e.title for e in tl.events] == ["One"]


def test_empty_and_null_fields_are_absent() -> None:
    text = (
        "events:\n"
        "  - {date: 1990, title: A, end: ~}\n"
        "  - date: 1991\n    title: B\n    end:\n"
        "  - {date: 1992, title: C, description: null, end: NULL}\n"
    )
    result = read(text, "nulls.yaml", OPTIONS)
    assert [(e.title, e.end, e.description) for e in result.timeline.events] == [
        ("A", None, ""),
        ("B", None, ""),
        ("C", None, ""),
    ]
    assert result.diagnostics == []


def test_an_alias_is_read_again_at_its_own_line() -> None:
    text = "events:\n  - &e {date: 1990, title: One}\n  - *e\n"
    events = read(text, "alias.yaml", OPTIONS).timeline.events
    assert [(e.title, e.refs[0].line) for e in events] == [("One", 2), ("One", 3)]


def test_unsafe_url_and_colour_are_dropped_with_a_warning() -> None:
    doc = ('events:\n  - date: 1969\n    title: t\n    url: "javascript:alert(1)"\n'
           '    color: "red;background:url(x)"\n')  # fmt: skip
    result = read(doc, "x.yaml", OPTIONS)
    event = result.timeline.events[0]
    assert event.url is None and event.color is None
    messages = [str(d) for d in result.diagnostics]
    assert any("x.yaml:4: warning: url" in m and "dropped" in m for m in messages)
    assert any("x.yaml:5: warning: color" in m for m in messages)


def test_colour_names_are_the_ones_css_knows() -> None:
    doc = ("events:\n  - date: 1969\n    title: t\n    color: RebeccaPurple\n"
           "  - date: 1970\n    title: u\n    color: notacolour\n")  # fmt: skip
    result = read(doc, "x.yaml", OPTIONS)
    assert [e.color for e in result.timeline.events] == ["RebeccaPurple", None]
    [warning] = [str(d) for d in result.diagnostics]
    assert "x.yaml:7: warning: color" in warning and "notacolour" in warning


def test_python_tags_are_not_executed(tmp_path: pytest.TempPathFactory) -> None:
    """Tags such as !!python/object build nothing: the loader makes plain data only."""
    marker = f"{tmp_path}/pwned"
    doc = (
        f"events:\n  - date: 1969\n    title: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    result = read(doc, "evil.yaml", OPTIONS)
    import os

    assert not os.path.exists(marker)
    assert [str(d) for d in result.diagnostics] == ["evil.yaml:3: title should be text, not a list"]


def test_cli_options_override_the_document() -> None:
    options = ReadOptions(reference_date=Day(2000, 1, 1), title="Mine", today=Day(2020, 5, 5))
    tl = read(DOC, "space.yaml", options).timeline
    assert tl.title == "Mine"
    assert tl.settings.reference_date == Day(2000, 1, 1)


# -- Encodings ----------------------------------------------------------------------------------

SIMPLE = "title: Été\nevents:\n  - date: 3. März 1990\n    title: Ärger\n"


@pytest.mark.parametrize(
    "data",
    [SIMPLE.encode(), codecs.BOM_UTF8 + SIMPLE.encode(),
     codecs.BOM_UTF16_LE + SIMPLE.encode("utf-16-le"),
     codecs.BOM_UTF16_BE + SIMPLE.encode("utf-16-be"), SIMPLE.replace("\n", "\r\n").encode()],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "crlf"],
)  # fmt: skip
def test_encodings(data: bytes) -> None:
    decoded = decode(data, "enc.yaml")
    assert decoded.warnings == ()
    tl = read(decoded.text, "enc.yaml", OPTIONS).timeline
    assert (tl.title, tl.events[0].title, tl.events[0].date.start) == (
        "Été",
        "Ärger",
        Day(1990, 3, 3),
    )


def test_latin1_falls_back_with_a_warning() -> None:
    decoded = decode(SIMPLE.encode("cp1252"), "old.yaml")
    assert decoded.text == SIMPLE
    assert len(decoded.warnings) == 1
    assert "old.yaml:1: warning: not valid UTF-8" in str(decoded.warnings[0])


# -- Properties ---------------------------------------------------------------------------------

_scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.floats())
_values = st.recursive(
    _scalars,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["date", "end", "title", "description", "group", "tags",
                                        "url", "color", "milestone", "source", "extra"]),
                       _values, max_size=6))  # fmt: skip
def test_reader_never_raises_on_any_event(event: dict[str, object]) -> None:
    """Any event, whatever its types, is read or reported; the same way twice."""
    import json

    doc = "events:\n  - " + json.dumps(event)  # JSON is YAML
    outcomes = []
    for _ in range(2):
        try:
            result = read(doc, "fuzz.yaml", OPTIONS)
            outcomes.append((result.timeline, [str(d) for d in result.diagnostics]))
        except InputError as exc:
            outcomes.append(str(exc))
    assert outcomes[0] == outcomes[1]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_reader_never_raises_on_any_text(text: str) -> None:
    try:
        read(text, "fuzz.yaml", OPTIONS)
    except InputError:
        pass


@pytest.mark.parametrize("escaped", ["a \\u2028 b", "a\\u2029b", "a \\x85 b"])
def test_yaml_line_breaks_inside_a_string_read_back(escaped: str) -> None:
    """YAML breaks lines at U+0085, U+2028 and U+2029 even in double quotes, and folds the
    spaces around them: the writer escapes them."""
    doc = read(f'events:\n  - date: 1969\n    title: "{escaped}"\n', "x.yaml", OPTIONS)
    title = doc.timeline.events[0].title
    assert len(title) in (3, 5)  # the character itself, read from its escape
    again = read(render_yaml(doc.timeline).decode(), "y.yaml", OPTIONS)
    assert again.timeline.events[0].title == title


def test_round_trip_through_extract_yaml(tmp_path: pytest.TempPathFactory) -> None:
    """YAML -> model -> `extract --format yaml` -> model keeps the same events."""
    from pathlib import Path

    first = Path(str(tmp_path)) / "a.yaml"
    first.write_text(DOC)
    before = load([str(first)], OPTIONS).timeline
    second = Path(str(tmp_path)) / "b.yaml"
    second.write_bytes(render_yaml(before))
    after = load([str(second)], OPTIONS).timeline

    def key(tl: object) -> list[tuple[object, ...]]:
        return [
            (e.title, e.date.start, e.date.end, e.date.precision, e.date.qualifiers,
             e.end and (e.end.start, e.end.end, e.end.qualifiers), e.description, e.group,
             e.tags, e.url, e.color, e.source, e.milestone)
            for e in tl.events  # type: ignore[attr-defined]
        ]  # fmt: skip

    assert key(after) == key(before)
    assert after.title == before.title and after.groups == before.groups
    assert [(e.name, e.start.start, e.end.end) for e in after.eras] == [
        (e.name, e.start.start, e.end.end) for e in before.eras
    ]


def test_a_misspelt_events_key_is_named_with_its_line() -> None:
    """'evnts:' holding the list said only "no events: add an `events:` list"."""
    with pytest.raises(InputError) as caught:
        read("title: X\nevnts:\n  - {date: 2001, title: A}\n", "t.yaml", ReadOptions())
    assert caught.value.ref.line == 2
    assert "evnts; did you mean events?" in caught.value.message
