"""The library for a notebook: the events as records, a DataFrame and a plotly Figure, with
the command line's options; the README's example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import timeline
from timeline.model import Day, Event, Timeline
from timeline.pipeline import Loaded

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text()
EVENTS = """\
title: Two emperors
groups: [{name: Rome, color: "#aa3377"}]
events:
  - {date: 27 BC, title: Augustus becomes emperor, group: Rome}
  - {date: 19 August AD 14, title: Augustus dies, group: Rome, url: "https://example.org/a"}
"""
ARTICLE = """\
LONDON, 18 Nov. 2017 - The council closed the bridge on Thursday.

Last year the council voted to repair it.
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "events.yaml").write_text(EVENTS)
    (tmp_path / "article.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_records_are_flat_and_in_date_order(here: Path) -> None:
    rows = timeline.read("events.yaml").records()
    assert [(r["title"], r["date"], r["start"], r["end"], r["precision"]) for r in rows] == [
        ("Augustus becomes emperor", "27 BC", "-0026-01-01", "-0026-12-31", "year"),
        ("Augustus dies", "0014-08-19", "0014-08-19", "0014-08-19", "day"),
    ]
    assert rows[1]["url"] == "https://example.org/a"
    assert rows[1]["group"] == "Rome"
    assert rows[0]["path"] == "events.yaml"
    assert rows[0]["sentence"] is None  # written by hand


def test_read_takes_the_command_lines_options(here: Path) -> None:
    rows = timeline.read(["article.txt"], ref_date="2016-05-05", lang=["en"],
                         title="Bridge").records()  # fmt: skip
    # the dateline is the article's own date; --ref-date overrides it, as on the command line
    assert [(r["title"], r["start"]) for r in rows] == [
        ("The council voted to repair it", "2015-01-01"),
        ("The council closed the bridge", "2016-05-05"),
    ]
    assert rows[0]["path"] == "article.txt"
    assert rows[0]["line"] == 3
    assert rows[0]["sentence"] == "Last year the council voted to repair it."


@pytest.mark.parametrize(
    ("options", "option", "message"),
    [
        ({"ref_date": "not a date"}, "ref_date", "cannot read 'not a date' as a date"),
        ({"lang": ["xx"]}, "lang", "unknown language 'xx'"),
        ({"source": "doc"}, "source", "'doc' is not one of yaml, text,"),
        ({"window": "2020"}, "window", "'2020' is not START..END"),
    ],
)
def test_a_bad_option_is_an_option_error(
    here: Path, options: dict[str, object], option: str, message: str
) -> None:
    with pytest.raises(timeline.OptionError) as caught:
        timeline.read("events.yaml", **options)  # type: ignore[arg-type]
    assert caught.value.option == option
    assert message in str(caught.value)


def test_dataframe_holds_the_records(here: Path) -> None:
    pandas = pytest.importorskip("pandas")
    loaded = timeline.read("events.yaml")
    table = loaded.dataframe()
    assert isinstance(table, pandas.DataFrame)
    rows = loaded.records()
    assert list(table.columns) == list(rows[0])
    assert list(table["title"]) == [r["title"] for r in rows]
    assert list(table["start"]) == ["-0026-01-01", "0014-08-19"]
    assert list(table["sources"]) == [1, 1]


def test_figure_is_a_plotly_figure_with_hover_cards_and_labelled_axis(here: Path) -> None:
    from plotly.graph_objects import Figure

    fig = timeline.read("events.yaml").figure()
    assert isinstance(fig, Figure)
    assert fig.layout.title.text == "Two emperors"
    markers = [t for t in fig.data if t.mode == "markers" and t.customdata]
    assert len(markers) == 1
    assert markers[0].marker.color == "#aa3377"
    assert markers[0].hovertemplate == "%{customdata}<extra></extra>"
    assert any("Augustus dies" in card for card in markers[0].customdata)
    assert {"25 BC", "AD 1"} <= set(fig.layout.xaxis.ticktext)  # not plotly's bare numbers
    labels = [t for t in fig.data if t.name == "labels"]
    assert labels and any("Augustus" in text for text in labels[0].text)


def test_figure_takes_the_theme_and_the_same_options(here: Path) -> None:
    light = timeline.figure("events.yaml")
    dark = timeline.figure("events.yaml", theme="dark", title="Rome")
    assert light.layout.paper_bgcolor == "#ffffff"
    assert dark.layout.paper_bgcolor == "#0d1117"
    assert dark.layout.title.text == "Rome"
    with pytest.raises(timeline.RenderError, match="unknown theme 'blue'"):
        timeline.figure("events.yaml", theme="blue")


def test_figure_is_the_same_for_the_same_input(here: Path) -> None:
    assert timeline.figure("events.yaml").to_json() == timeline.figure("events.yaml").to_json()


def test_a_notebook_shows_the_figure(here: Path) -> None:
    loaded = timeline.read("events.yaml")
    html = loaded._repr_html_()
    assert "Plotly.newPlot" in html
    assert "Augustus becomes emperor" in html


def test_a_javascript_url_on_an_event_built_in_python_is_not_linked() -> None:
    """A reader drops such a url with a warning; an Event made in Python never met a reader."""
    from timeline.dates import parse_date
    from timeline.render import RenderOptions, render

    events = (
        Event(parse_date("1969-07-20"), "Moon", url="javascript:alert(1)"),
        Event(parse_date("1970"), "Later", url=" JaVaScRiPt:alert(2)"),
        Event(parse_date("1971"), "Kept", url="https://example.org/k"),
    )
    built = Timeline(events, title="Links")
    page = render("html", built, RenderOptions(cdn=True, today=Day(2020, 1, 1))).decode()
    assert re.search("(?i)javascript:", page) is None
    assert "https://example.org/k" in page
    cards = [c for t in Loaded(built).figure().data if t.customdata for c in t.customdata]
    assert len(cards) == 3
    assert not any(re.search("(?i)javascript:", c) for c in cards)


def test_the_readme_example_runs(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    example = README.split("## Python API", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(example, "README.md", "exec"), {})
    assert (here / "out" / "timeline.html").read_text().lstrip().lower().startswith("<!doctype")
    printed = capsys.readouterr().out
    assert "The council voted to repair it" in printed
    assert "16 November 2017 The council closed the bridge" in printed  # Thursday
