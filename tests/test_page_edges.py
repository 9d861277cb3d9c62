"""The page at its edges, in Debian's Chromium: printing, a phone's width, a crowded chart, the zoom
buttons from the full view, and a --cdn page with no network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import test_browser
from tests.test_browser import READY, Page, make_page

pytestmark = pytest.mark.browser
browser = test_browser.browser  # the module-scoped Chromium fixture

# A long span across the middle of the full view, and the busy part at the far end.
LONG_BAR = """\
title: One long bar and a busy century
events:
  - {date: 3000 BC, end: AD 400, title: A long age}
  - {date: 2500 BC, title: Alone in antiquity}
  - {date: 1901, title: One}
  - {date: 1914, title: Two}
  - {date: 1929, title: Three}
  - {date: 1945, title: Four}
  - {date: 1961, title: Five}
  - {date: 1965, title: Six}
  - {date: 1969, title: Seven}
"""


@pytest.mark.parametrize("zoom", ["100", "10"])
def test_zoom_from_the_full_view_goes_where_the_events_are(
    browser: Any, tmp_path: Path, zoom: str
) -> None:
    """The middle of the full view shows only the long bar: "Century" and "Decade" go to the
    busiest stretch instead, never onto the bar alone."""
    page = Page(browser, make_page(tmp_path, LONG_BAR, "bar"))
    try:
        page.page.click(f"[data-zoom='{zoom}']")
        page.settle()
        a, b = page.x_range()
        assert b - a == pytest.approx(float(zoom), rel=1e-3)
        events = page.js("() => timelinePage.events")
        own = [e["t"] for e in events if a <= e["x0"] <= b or a <= e["x1"] <= b]
        if zoom == "100":
            assert own == ["One", "Two", "Three", "Four", "Five", "Six", "Seven"]
        else:
            assert own == ["Five", "Six", "Seven"]
        assert page.errors == []
    finally:
        page.page.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_print_fits_the_chart_to_the_paper_in_light_colours(
    browser: Any, tmp_path: Path, theme: str
) -> None:
    """From a wide window the chart is redrawn at a landscape page's width, on white; back on
    the screen it has the window's width and its theme again."""
    page = Page(browser, make_page(tmp_path, Path(__file__).parent.parent / "events.yaml",
                                   theme=theme))  # fmt: skip
    try:
        page.page.set_viewport_size({"width": 1900, "height": 900})
        page.settle()
        look = (
            "() => { const L = timelinePage.gd._fullLayout; return [L.width, L.paper_bgcolor,"
            " L.font.color, document.querySelector('#tl-chart .tl-labels').getAttribute('fill')]; }"
        )
        screen = page.js(look)
        assert screen[0] > 1800
        page.page.emulate_media(media="print")
        page.settle()
        width, paper, ink, label_ink = page.js(look)
        assert width <= 960 and paper == "#ffffff" and ink == label_ink == "#1f2328"
        # The last tick is inside the chart: nothing is cut at the right.
        right = page.js(
            "() => Math.max(...[...document.querySelectorAll('#tl-chart .xtick text')]"
            ".map(t => t.getBoundingClientRect().right))"
        )
        assert right <= width
        page.page.emulate_media(media="screen")
        page.settle()
        assert page.js(look) == screen
        assert page.errors == []
    finally:
        page.page.close()


def test_print_keeps_the_keys_swatches(browser: Any, tmp_path: Path) -> None:
    """The key's swatches are CSS backgrounds, which a print leaves out unless told not to."""
    page = Page(browser, make_page(tmp_path, LONG_BAR, "bar"))
    try:
        page.page.emulate_media(media="print")
        adjust = page.js(
            "() => getComputedStyle(document.querySelector('.sw-band')).printColorAdjust"
        )
        assert adjust == "exact"
    finally:
        page.page.close()


LANES = """\
title: Lanes with long names
groups: [Printing & publishing, Telecommunication and the press, Internet & web]
events:
  - {date: 1450, title: Press, group: Printing & publishing}
  - {date: 1837, title: Telegraph, group: Telecommunication and the press}
  - {date: 1991, title: Web, group: Internet & web}
"""


def test_lane_names_are_whole_at_phone_width(browser: Any, tmp_path: Path) -> None:
    html = make_page(tmp_path, LANES, "lanes")
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto(html.as_uri())
        page.wait_for_selector(READY, timeout=60_000)
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('#tl-chart .ytick text')]"
            ".map(t => [t.textContent, t.getBoundingClientRect().left])"
        )
        text = " ".join(t for t, _ in boxes)
        for name in ("Printing", "publishing", "Telecommunication", "press", "Internet", "web"):
            assert name in text
        assert all(left >= 0 for _, left in boxes), boxes
    finally:
        page.close()


def test_a_crowded_corpus_page_still_shows_labels_that_never_overlap(
    browser: Any, tmp_path: Path
) -> None:
    """350 events in one lane over 350 years leave no room between marks for a label: a few
    are shown all the same, lying across other marks, never across each other."""
    lines = ["title: A crowded lane", "events:"]
    for n in range(350):
        lines.append(f"  - {{date: {1650 + n}-06-{1 + n % 28:02d}, "
                     f"title: The harbour board met about pier number {n}}}")  # fmt: skip
    page = Page(browser, make_page(tmp_path, "\n".join(lines) + "\n", "crowded"))
    try:
        boxes = page.js(
            "() => [...document.querySelectorAll('#tl-chart .tl-labels text')]"
            ".map(t => { const r = t.getBoundingClientRect();"
            " return [r.left, r.right, r.top, r.bottom]; })"
        )
        assert len(boxes) >= 4
        for i, (l1, r1, t1, b1) in enumerate(boxes):
            for l2, r2, t2, b2 in boxes[i + 1 :]:
                assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1
        assert page.errors == []
    finally:
        page.page.close()


def test_a_cdn_page_offline_says_why_it_has_no_chart(browser: Any, tmp_path: Path) -> None:
    html = make_page(tmp_path, LONG_BAR, "cdn", cdn=True)
    page = browser.new_page()
    try:
        page.route("https://cdn.plot.ly/**", lambda route: route.abort())
        page.goto(html.as_uri())
        note = page.locator("#tl-chart .no-chart")
        note.wait_for(timeout=10_000)
        text = note.inner_text()
        assert "plotly.js did not load" in text and "without --cdn" in text
        assert page.locator("#tl-list li[data-i]").count() == 9
    finally:
        page.close()


def test_search_dims_the_bars_it_does_not_find(browser: Any, tmp_path: Path) -> None:
    """A span is a stretch of a line trace: a search that finds none of a trace's events dims
    it with the marks (the long bar stayed bright), and clearing the search restores it."""
    page = Page(browser, make_page(tmp_path, LONG_BAR, "bar"))
    try:
        spans = page.js("() => timelinePage.gd.data.findIndex(t => / spans$/.test(t.name))")
        assert spans >= 0
        bright = page.js("i => timelinePage.gd.data[i].opacity", spans)
        page.page.fill("#tl-search", "Seven")
        page.settle()
        assert page.js("i => timelinePage.gd.data[i].opacity", spans) < bright / 2
        page.page.fill("#tl-search", "long age")
        page.settle()
        assert page.js("i => timelinePage.gd.data[i].opacity", spans) == bright
        page.page.fill("#tl-search", "")
        page.settle()
        assert page.js("i => timelinePage.gd.data[i].opacity", spans) == bright
        assert page.errors == []
    finally:
        page.page.close()
