"""A date field written by hand is read exactly or refused, and what timeline writes for a date
(its label, its canonical text) reads back to the same days."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import parse_date, parse_span
from timeline.errors import DateError
from timeline.labels import canonical_text, label, ordinal_suffix
from timeline.labels import label as fuzzy
from timeline.model import Day, FuzzyDate, Precision, Qualifier, Settings

REF = Settings(reference_date=Day(2020, 6, 1))


def _same(a: FuzzyDate, b: FuzzyDate) -> bool:
    def key(d: FuzzyDate) -> tuple[object, ...]:
        return d.start, d.end, d.precision, d.qualifiers

    return key(a) == key(b)


@st.composite
def _periods(draw: st.DrawFn) -> str:
    """A decade, century, millennium or year, as people write them, AD or BC."""
    kind = draw(
        st.sampled_from(["decade", "short decade", "hundreds", "century", "millennium", "year"])
    )
    bc = draw(st.booleans())
    era = " BC" if bc else ""
    if kind == "decade":
        return f"{draw(st.integers(1, 299)) * 10}s{era}"
    if kind == "short decade":  # "the '60s", "the 60s", "60s": the 20th century's
        return draw(st.sampled_from(["the '", "the ", ""])) + f"{draw(st.integers(1, 9))}0s"
    if kind == "hundreds":  # "the 1800s" is a century in common use; "(decade)" says 1800-1809
        return f"{draw(st.integers(1, 29)) * 100}s" + draw(st.sampled_from(["", " (decade)"]))
    if kind == "century":
        return f"{ordinal_suffix(draw(st.integers(1, 30)))} century{era}"
    if kind == "millennium":
        return f"{ordinal_suffix(draw(st.integers(1, 9)))} millennium{era}"
    return f"{draw(st.integers(1, 3000))}{era}"


@settings(max_examples=400, deadline=None)
@given(
    _periods(),
    st.sampled_from(["", "early ", "mid-", "late "]),
    st.sampled_from(["", "c. ", "?"]),
)
def test_qualified_periods_read_back_from_their_label_and_canonical_text(
    period: str, part: str, qualifier: str
) -> None:
    """'early 1900s' is labelled 'early 1900s', not 'late 19th century': the label and the
    canonical text written for any part of a decade, century, millennium or year read back to
    the same days."""
    text = part + period
    if qualifier == "?":
        text += "?"
    elif qualifier:
        text = qualifier + text
    date = parse_date(text, REF)
    assert _same(parse_date(label(date), REF), date), (text, label(date))
    assert _same(parse_date(canonical_text(date), REF), date), (text, canonical_text(date))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("early 1900s", "early 1900s"),
        ("mid-1900s", "mid-1900s"),
        ("late 1900s", "late 1900s"),
        ("early 19th century", "early 19th century"),
        ("late 440s BC", "late 440s BC"),
        ("early 2nd millennium BC", "early 2nd millennium BC"),
    ],
)
def test_part_of_a_period_is_labelled_as_written(text: str, label: str) -> None:
    assert fuzzy(parse_date(text, REF)) == label


@pytest.mark.parametrize("fmt", ["csv", "yaml", "jsonl"])
def test_early_1900s_survives_a_round_trip_through_our_formats(fmt: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from timeline.cli import app

    source = tmp_path / "first.yaml"
    source.write_text("events:\n  - {date: early 1900s, title: a}\n")
    middle, back = tmp_path / f"ed.{fmt}", tmp_path / "ed2.yaml"
    for a, b in ((source, middle), (middle, back)):
        result = CliRunner().invoke(app, ["convert", str(a), "-o", str(b)])
        assert result.exit_code == 0, result.output
    assert 'date: "early 1900s"' in back.read_text()


# What dateparser would guess from a field, with what it guessed before it was stopped.
REFUSED = [
    ("n/a", "short word"),  # 28 May 2020: an Estonian Thursday
    ("bad", "short word"),
    ("so", "short word"),  # a German Sunday
    ("dom", "short word"),  # a Spanish Sunday
    ("ma", "short word"),  # a French Tuesday
    ("lun", "short word"),  # a Spanish Monday
    ("after 1066", 'no "after" dates'),  # 1066
    ("pre-1900", 'no "pre" dates'),  # 1900
    ("post-1900", 'no "post" dates'),
    ("before 1500", 'no "before" dates'),
    ("by 1900", 'no "by" dates'),  # 1900
    ("après 1500", 'no "après" dates'),  # 1500
    ("the 00s", "1900s or the 2000s"),
    ("'00s", "1900s or the 2000s"),  # was 1900-1909
    ("10 000 BC 5", "spaces between its figures"),
    ("the 1990s and the 2000s and", None),  # was the reference date
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_a_field_dateparser_would_guess_from_is_refused(text: str, reason: str | None) -> None:
    with pytest.raises(DateError) as caught:
        parse_span(text, REF)
    if reason is not None:
        assert reason in caught.value.message


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("10 000 years ago", "-13050-01-01", "-3051-12-31", "deep"),  # was 2020
        ("10 000 BC", "-9999-01-01", "-9999-12-31", "year"),  # was October AD 1
        ("the 90s", "1990-01-01", "1999-12-31", "decade"),  # was AD 90-99
        ("90s", "1990-01-01", "1999-12-31", "decade"),
        ("'90s", "1990-01-01", "1999-12-31", "decade"),
        ("the 90s AD", "0090-01-01", "0099-12-31", "decade"),
        ("the 90s BC", "-0098-01-01", "-0089-12-31", "decade"),
        ("the 190s", "0190-01-01", "0199-12-31", "decade"),
        ("1990s–2000s", "1990-01-01", "2009-12-31", "decade"),  # ended 2099
        ("1900s–1910s", "1900-01-01", "1919-12-31", "decade"),
        ("1800s–1900s", "1800-01-01", "1999-12-31", "century"),
        ("the 1900s (decade)", "1900-01-01", "1909-12-31", "decade"),
        ("12th c.", "1101-01-01", "1200-12-31", "century"),  # was refused
        ("5th cent. BC", "-0499-01-01", "-0400-12-31", "century"),
        ("Monday", "2020-06-01", "2020-06-01", "day"),  # a weekday in full is still read
        ("lunes", "2020-06-01", "2020-06-01", "day"),
        ("yesterday", "2020-05-31", "2020-05-31", "day"),
        ("vor 3 Jahren", "2017-01-01", "2017-12-31", "year"),
        ("in 1066", "1066-01-01", "1066-12-31", "year"),
    ],
)
def test_a_field_is_read_exactly(text: str, start: str, end: str, precision: str) -> None:
    first, last = parse_span(text, REF)
    assert (first.start.iso(), (last or first).end.iso(), first.precision.value) == (
        start,
        end,
        precision,
    )


@pytest.mark.parametrize(("text", "reason"), REFUSED[:8])
def test_a_refused_date_names_file_line_and_value(
    text: str, reason: str | None, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from timeline.cli import app

    f = tmp_path / "f.yaml"
    f.write_text(f'reference_date: 2020-06-01\nevents:\n  - {{date: "{text}", title: a}}\n')
    for command in (["build", str(f), "-o", str(tmp_path / "x.html")],
                    ["convert", str(f), "-o", str(tmp_path / "f.json")]):  # fmt: skip
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1
        assert f'{f}:3: cannot read "{text}" as a date' in result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml"]


def test_a_third_made_elsewhere_is_still_labelled_by_its_part() -> None:
    """The prose tagger rounds its thirds a day apart from the reader: such a span keeps the
    nearest part's label rather than none ("-1998s BC")."""
    late_1990s = FuzzyDate(
        Day(1996, 8, 31), Day(1999, 12, 31), Precision.DECADE, frozenset({Qualifier.APPROXIMATE})
    )
    assert label(late_1990s) == "late 1990s"


@pytest.mark.parametrize("text", ["today", "heute", "aujourd'hui"])
def test_today_is_the_reference_day(text: str) -> None:
    """'yesterday' was read and 'today' refused; as a span's end it stays open-ended."""
    date, end = parse_span(text, REF)
    assert (date.start, date.end, end) == (Day(2020, 6, 1), Day(2020, 6, 1), None)
    assert not date.open_ended
    _, open_end = parse_span(f"2014 – {text}", REF)
    assert open_end is not None and open_end.open_ended
