"""The page renderer without a browser: the figure, the escaping, the page around it."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from timeline.errors import RenderError
from timeline.model import Day
from timeline.pipeline import load
from timeline.render import RenderOptions, render
from timeline.render.figure import WEBGL_ABOVE, build_figure, lane_colors
from timeline.render.page import fill, script_json
from timeline.render.scene import build_scene
from timeline.sources import ReadOptions

DATA = Path(__file__).parent / "data" / "render"
TODAY = Day(2020, 6, 15)


def small_figure() -> dict[str, object]:
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    scene = build_scene(timeline, TODAY)
    colors = lane_colors(scene, {g.name: g.color for g in timeline.groups})
    figure, meta = build_figure(scene, colors)
    return {"figure": figure, "meta": meta}


def test_golden_figure() -> None:
    """The whole figure for a small file. To update after a deliberate change, run with
    UPDATE_GOLDEN=1, then read the diff before committing it."""
    got = json.dumps(small_figure(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    golden = DATA / "small.figure.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_bc_and_spans_sit_where_they_belong() -> None:
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    marks = {m.event.title: m for m in build_scene(timeline, TODAY).marks}
    caesar = marks["Caesar is killed"]
    assert caesar.x0 == -43.0 and caesar.x1 == -42.0  # 44 BC is astronomical year -43
    war = marks["Second World War"]
    assert (war.x0, war.x1) == (1939.0, 1946.0)
    assert marks["A month"].x0 == pytest.approx(2013 + 59 / 365)
    assert marks["An approximate year"].kind == "approximate"
    assert marks["An uncertain year"].kind == "uncertain"
    # Lanes follow the declared order, then first appearance.
    assert build_scene(timeline, TODAY).lanes == ["Politics", "Science"]


def test_deep_time_switches_to_years_ago() -> None:
    text = (
        "events:\n  - {date: 66 million years ago, title: Impact}\n  - {date: 1969, title: Moon}\n"
    )
    path = DATA.parent.parent / "tmp-deep.yaml"
    try:
        path.write_text(text)
        timeline = load([str(path)], ReadOptions(today=TODAY)).timeline
    finally:
        path.unlink()
    scene = build_scene(timeline, TODAY)
    assert scene.mode == "ago"
    impact = next(m for m in scene.marks if m.event.title == "Impact")
    assert impact.xm == pytest.approx(66e6, rel=1e-3)
    figure, _ = build_figure(scene, ["#000000"])
    assert figure["layout"]["xaxis"]["type"] == "log"
    assert figure["layout"]["xaxis"]["range"][0] > figure["layout"]["xaxis"]["range"][1]


def test_webgl_past_the_threshold() -> None:
    yaml_text = "events:\n" + "".join(
        f"  - {{date: {1000 + i % 900}, title: E{i}}}\n" for i in range(WEBGL_ABOVE + 1)
    )
    path = DATA.parent.parent / "tmp-many.yaml"
    try:
        path.write_text(yaml_text)
        timeline = load([str(path)], ReadOptions(today=TODAY)).timeline
    finally:
        path.unlink()
    figure, meta = build_figure(build_scene(timeline, TODAY), ["#000000"])
    kinds = {t["type"] for t in figure["data"] if t.get("name") != "labels"}
    assert kinds == {"scattergl"}
    assert sum(len(ix) for ix in meta["traceEvents"]) == WEBGL_ABOVE + 1


def test_script_json_cannot_close_the_script() -> None:
    value = {"t": "</script><script>alert(1)</SCRIPT > & <!-- <sCrIpT \u2028", "h": "<b>x</b><br>"}
    text = script_json(value)
    lowered = text.lower()
    assert "</script" not in lowered and "<script" not in lowered and "<!--" not in text
    assert "\u2028" not in text
    assert json.loads(text) == value
    assert "<b>x</b><br>" in text  # the hover cards' own tags stay one byte each


def test_fill_is_one_pass() -> None:
    assert fill("@@A@@ @@B@@", {"A": "@@B@@", "B": "x"}) == "@@B@@ x"


def test_page_is_deterministic_and_escaped(tmp_path: Path) -> None:
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    one = render("html", timeline, RenderOptions(today=TODAY, cdn=True))
    two = render("html", timeline, RenderOptions(today=TODAY, cdn=True))
    assert one == two
    page = one.decode()
    assert page.count("<title>Golden</title>") == 1
    assert 'src="https://cdn.plot.ly/plotly-' in page
    assert len(one) < 200_000  # --cdn is the small file


def test_inline_page_needs_no_network() -> None:
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    page = render("html", timeline, RenderOptions(today=TODAY)).decode()
    assert 'src="https://cdn.plot.ly' not in page
    assert not re.search(r"<script[^>]+src=", page)
    assert len(page) > 3_000_000  # plotly.js is inside


def test_dark_theme_and_unknown_theme() -> None:
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    page = render("html", timeline, RenderOptions(today=TODAY, cdn=True, theme="dark")).decode()
    assert 'data-theme="dark"' in page and "#0d1117" in page
    with pytest.raises(RenderError, match="unknown theme"):
        render("html", timeline, RenderOptions(theme="sepia"))


def test_today_line_only_when_in_range() -> None:
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    assert build_scene(timeline, TODAY).today_x == pytest.approx(2020 + 166 / 366)
    assert build_scene(timeline, Day(2400)).today_x is None


def test_quotes_reach_plotly_as_quotes_and_tags_stay_escaped() -> None:
    """plotly decodes &amp; &lt; &gt; but not &quot;: a quoted title must not show "&quot;"."""
    from timeline.model import Event, FuzzyDate, Precision, Timeline
    from timeline.render.figure import figure_for

    day = Day(1844, 5, 24)
    event = Event(
        FuzzyDate(day, day, Precision.DAY, frozenset(), "24 May 1844"),
        '"What hath God wrought" <script>x</script>',
        group='The "wire" & <b>co</b>',
    )
    _, _, figure, _ = figure_for(Timeline(events=(event,)), RenderOptions(today=TODAY))
    text = json.dumps(figure)
    assert "&quot;" not in text and "&#x27;" not in text
    assert '\\"What hath God wrought\\"' in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<b>co</b>" not in text and "&amp; &lt;b&gt;co&lt;/b&gt;" in text


def test_the_dashed_line_is_today_or_the_documents_own_date(tmp_path: Path) -> None:
    """An article dated 1999 is read from its dateline: the line there is its reference date,
    not "today", which would say 1999 is now."""
    from timeline.pipeline import build

    article = tmp_path / "article.txt"
    article.write_text("6 May 1999\n\nThe council met on Tuesday. In 2001 the mill will close.\n")
    page = build([str(article)], tmp_path / "article.html",
                 ReadOptions(today=TODAY), RenderOptions(cdn=True))  # fmt: skip
    html = page.output.read_text(encoding="utf-8")
    assert '"text":"reference date"' in html and '"text":"today"' not in html
    plain = tmp_path / "events.yaml"
    plain.write_text("events:\n  - {date: 2019, title: The mill closed}\n"
                     "  - {date: 2021, title: The mill reopened}\n")  # fmt: skip
    page = build([str(plain)], tmp_path / "events.html", ReadOptions(today=TODAY),
                 RenderOptions(cdn=True))  # fmt: skip
    html = page.output.read_text(encoding="utf-8")
    assert '"text":"today"' in html and '"text":"reference date"' not in html


def _scene_of(tmp_path: Path, text: str) -> tuple[dict[str, object], dict[str, object]]:
    src = tmp_path / "t.yaml"
    src.write_text(text, encoding="utf-8")
    timeline = load([str(src)], ReadOptions(today=TODAY)).timeline
    scene = build_scene(timeline, TODAY)
    return build_figure(scene, lane_colors(scene, {}))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("events: [{date: 4 October 1957, title: A}, {date: 11 October 1957, title: B}]", [4, 11]),
        ("events: [{date: 4 October 1957, title: A}, {date: 6 October 1957, title: B}]", [4, 6]),
        ("events: [{date: 4 October 1957, title: A}]", [4]),
    ],
)
def test_events_days_apart_sit_on_their_days_and_all_in_the_first_view(
    tmp_path: Path, text: str, days: list[int]
) -> None:
    figure, meta = _scene_of(tmp_path, text)
    points = figure["data"][meta["markerTraces"][0]]  # type: ignore[index]
    # A day-precise event's marker is the middle of its day, to within a few minutes.
    noon = [1957 + (273 + d - 1 + 0.5) / 365 for d in days]  # 1 Oct is day 273 from 0
    assert points["x"] == pytest.approx(noon, abs=1e-5)
    a, b = figure["layout"]["xaxis"]["range"]  # type: ignore[index]
    assert b - a >= 13 / 365  # a fortnight or so: room for day ticks and the labels
    for x in points["x"]:
        assert a + 1 / 365 < x < b - 1 / 365  # every mark in view, none at the edge


def test_ad_years_say_ad_when_the_timeline_has_bc_dates(tmp_path: Path) -> None:
    src = tmp_path / "t.yaml"
    src.write_text(
        "events:\n"
        "  - {date: 44 BC, title: Caesar}\n"
        "  - {date: AD 14, title: Augustus dies}\n"
        "  - {date: c. 125, title: Hadrian}\n"
        "  - {date: 19 August 14, title: On the day}\n"
        "  - {date: 14–37, title: Tiberius}\n"
        "  - {date: 2nd century, title: Century}\n"
        "  - {date: 1st century BC, title: Century BC}\n"
        "  - {date: 7 November 1867, title: Curie born}\n"
        "  - {date: 19th century, title: Railways}\n"
        "  - {date: 900 – 1066, title: Vikings}\n",
        encoding="utf-8",
    )
    timeline = load([str(src)], ReadOptions(today=TODAY)).timeline
    page = render("html", timeline, RenderOptions(today=TODAY, cdn=True)).decode()
    dates = re.findall(r'<span class="ev-date">([^<]*)</span>', page)
    # Years from 1000 on are never taken for years BC: no "AD 1867".
    assert dates == ["1st century BC", "44 BC", "AD 14", "AD 14 – 37", "19 August AD 14",
                     "2nd century AD", "c. AD 125", "AD 900 – 1066", "19th century",
                     "7 November 1867"]  # fmt: skip
    data = json.loads(re.search(r'id="tl-data">(.*?)</script>', page)[1])  # type: ignore[index]
    assert [e["d"] for e in data["events"]] == dates
    assert data["meta"]["bc"] is True
    # "AD 14" was written so: no "as written" for what only the label adds.
    assert "w" not in data["events"][2]
    # Without BC dates, years stay plain.
    src.write_text("events:\n  - {date: 14, title: A}\n  - {date: 1969, title: B}\n", "utf-8")
    timeline = load([str(src)], ReadOptions(today=TODAY)).timeline
    page = render("html", timeline, RenderOptions(today=TODAY, cdn=True)).decode()
    assert re.findall(r'<span class="ev-date">([^<]*)</span>', page) == ["14", "1969"]


def test_the_page_offers_no_cloud(tmp_path: Path) -> None:
    """Nothing in the page outside plotly.js itself names Plotly's cloud or Chart Studio, and
    the script turns off plotly's "Share chart..." button and empties its upload address."""
    timeline = load([str(DATA / "small.yaml")], ReadOptions(today=TODAY)).timeline
    page = render("html", timeline, RenderOptions(today=TODAY, cdn=True)).decode()
    assert not re.search(r"cloud\.plotly|chart-studio|chart studio|plotly\.com", page, re.I)
    assert "showSendToCloud: false" in page and 'plotlyServerURL: ""' in page
    assert '"sendChartToCloud"' in page
    tag = re.search(r'<script src="https://cdn\.plot\.ly/[^"]+"([^>]*)>', page)
    assert tag and 'integrity="sha384-' in tag[1] and 'crossorigin="anonymous"' in tag[1]


def test_every_writer_says_ad_where_the_page_does(tmp_path: Path) -> None:
    """The density strip's hover, TimelineJS's display dates and the page's footer take their
    labels from labels.py with the timeline's era, as the list does."""
    from timeline.render.figure import THEMES, density_trace

    src = tmp_path / "t.yaml"
    src.write_text("events:\n  - {date: 44 BC, title: Caesar}\n  - {date: AD 14, title: Augustus}\n"
                   "  - {date: 79, title: Vesuvius}\n", encoding="utf-8")  # fmt: skip
    timeline = load([str(src)], ReadOptions(today=TODAY)).timeline
    hover = " ".join(t for row in density_trace(build_scene(timeline, TODAY), THEMES["light"])
                     ["text"] for t in row if t)  # fmt: skip
    assert re.search(r"AD \d+ – AD \d+", hover), hover
    slides = json.loads(render("timelinejs", timeline))["events"]
    assert [s["display_date"] for s in slides] == ["44 BC", "AD 14", "AD 79"]
    page = render("html", timeline, RenderOptions(today=TODAY, cdn=True)).decode()
    assert "44 BC to AD 79" in page
