"""A date field written by hand is read exactly or refused, and what timeline writes for a date
(its label, its canonical text) reads back to the same days."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import parse_date
from timeline.labels import canonical_text, ordinal_suffix
from timeline.model import Day, FuzzyDate, Settings

REF = Settings(reference_date=Day(2020, 6, 1))


def _same(a: FuzzyDate, b: FuzzyDate) -> bool:
    def key(d: FuzzyDate) -> tuple[object, ...]:
        return d.start, d.end, d.precision, d.qualifiers

    return key(a) == key(b)


@st.composite
def _periods(draw: st.DrawFn) -> str:
    """A decade, century, millennium or year, as people write them, AD or BC."""
    kind = draw(st.sampled_from(["decade", "hundreds", "century", "millennium", "year"]))
    bc = draw(st.booleans())
    era = " BC" if bc else ""
    if kind == "decade":
        return f"{draw(st.integers(1, 299)) * 10}s{era}"
    if kind == "hundreds":  # "the 1800s", a century in common use (AD only)
        return f"{draw(st.integers(1, 29)) * 100}s"
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
    assert _same(parse_date(date.label(), REF), date), (text, date.label())
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
    assert parse_date(text, REF).label() == label


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
