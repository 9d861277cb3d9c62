"""The page in a real browser: Debian's Chromium, driven by playwright.

These tests skip, saying why, when Chromium is not installed; under CI=true they must run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from timeline.model import Day
from timeline.pipeline import build
from timeline.render import RenderOptions
from timeline.sources import ReadOptions

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
TODAY = Day(2026, 11, 24)
READY = "html[data-ready=true]"


def _chromium_or_skip() -> str:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but there is no Chromium at {CHROMIUM}; .ci/run installs it")
    pytest.skip(f"no Chromium at {CHROMIUM} (apt install chromium, or set TIMELINE_CHROMIUM)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--enable-unsafe-swiftshader"])
        yield b
        b.close()


class Page:
    """A loaded timeline page, with every console error and dialog it raised."""

    def __init__(self, browser: Any, html: Path) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(html.as_uri())
        self.page.wait_for_selector(READY, timeout=60_000)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def ticks(self) -> list[str]:
        return [str(t) for t in self.js("() => timelinePage.gd.layout.xaxis.ticktext")]

    def settle(self) -> None:
        """Wait for the page to finish responding to a zoom or a search."""
        self.page.wait_for_timeout(150)
        self.page.wait_for_function(
            "() => { const gd = timelinePage.gd; return !gd._transitioning; }"
        )
        self.page.wait_for_timeout(150)

    def visible_items(self) -> list[int]:
        """The events the list holds, in order (it draws only the rows in its view)."""
        return [int(i) for i in self.js("() => timelinePage.listed()")]

    def labels(self) -> dict[str, list[Any]]:
        """The labels drawn on the chart: x, y, text and position of each."""
        return dict(self.js("() => timelinePage.labels()"))

    def x_range(self) -> tuple[float, float]:
        a, b = self.js("() => timelinePage.gd._fullLayout.xaxis.range")
        return min(a, b), max(a, b)


def make_page(tmp_path: Path, source: str | Path, name: str = "page", **render: Any) -> Path:
    if isinstance(source, str):
        src = tmp_path / f"{name}.yaml"
        src.write_text(source, encoding="utf-8")
    else:
        src = source
    out = tmp_path / f"{name}.html"
    build([str(src)], out, ReadOptions(today=TODAY), RenderOptions(today=TODAY, **render))
    return out


@pytest.fixture(scope="module")
def demo(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    html = make_page(tmp_path_factory.mktemp("demo"), ROOT / "events.yaml")
    page = Page(browser, html)
    yield page
    page.page.close()


def test_demo_renders_without_console_errors(demo: Page) -> None:
    assert demo.errors == []
    assert demo.js("() => timelinePage.gd.data.length") > 6
    assert len(demo.visible_items()) == 74
    ticks = demo.ticks()
    assert ticks and all(re.fullmatch(r"\d+ BC|AD \d{1,3}|\d{4}", t) for t in ticks), ticks
    assert any(t.endswith(" BC") for t in ticks)
    # The ticks that plotly drew are ours, not its own numbers.
    drawn = demo.js("() => [...document.querySelectorAll('.xtick text')].map(t => t.textContent)")
    assert drawn and not any(t.startswith(("-", "−")) for t in drawn), drawn


def test_choosing_from_the_list_zooms_the_chart(demo: Page) -> None:
    index = demo.js("() => timelinePage.events.findIndex(e => e.t === 'The Gutenberg Bible')")
    assert demo.js(f"() => timelinePage.reveal({index})")
    demo.page.click(f"#tl-list li[data-i='{index}'] button")
    demo.settle()
    event = demo.js(f"() => timelinePage.events[{index}]")
    a, b = demo.x_range()
    assert a <= event["x0"] and event["x1"] <= b
    assert b - a < 100  # zoomed in, from 5,000 years
    assert demo.page.locator("#tl-detail h3").inner_text() == "The Gutenberg Bible"
    assert "chosen" in (demo.page.locator(f"#ev-{index}").get_attribute("class") or "")
    # ... the list stays whole, so one can go on to the next event from it ...
    assert len(demo.visible_items()) == 74
    assert demo.page.locator("#tl-count").inner_text() == "(74)"
    # ... until the chart is zoomed: then the list holds only what the chart shows.
    demo.js(f"() => Plotly.relayout(timelinePage.gd, {{'xaxis.range': [{a}, {b}]}})")
    demo.settle()
    visible = demo.visible_items()
    assert index in visible and len(visible) < 74
    events = demo.js("() => timelinePage.events")
    for i, e in enumerate(events):
        in_view = e["x1"] >= a and e["x0"] <= b
        assert (i in visible) == in_view, e["t"]
    assert "of 74 shown" in demo.page.locator("#tl-count").inner_text()


def test_zooming_the_chart_narrows_the_list(demo: Page) -> None:
    demo.js("() => Plotly.relayout(timelinePage.gd, {'xaxis.range': [1900, 1950]})")
    demo.settle()
    events = demo.js("() => timelinePage.events")
    visible = demo.visible_items()
    expected = [i for i, e in enumerate(events) if e["x1"] >= 1900 and e["x0"] <= 1950]
    assert visible == expected and 0 < len(expected) < 74
    ticks = demo.ticks()
    # The demo has BC dates too, but "AD" only goes on years that could be taken for BC ones.
    assert "1900" in ticks and "1950" in ticks and not any("AD" in t for t in ticks)
    demo.page.click("[data-zoom=all]")
    demo.settle()
    assert len(demo.visible_items()) == 74


def test_keyboard_reaches_and_chooses_an_event(demo: Page) -> None:
    demo.page.click("[data-zoom=all]")
    demo.settle()
    demo.page.focus("#tl-list li[data-i='0'] button")
    demo.page.keyboard.press("Enter")
    demo.settle()
    assert demo.page.locator("#tl-detail h3").inner_text() == "Cuneiform writing at Uruk"
    # The list keeps its items: the next one is a key away, and choosing it zooms to it.
    assert len(demo.visible_items()) == 74
    events = demo.js("() => timelinePage.events")
    for step in (1, 2):
        demo.page.keyboard.press("ArrowDown")
        assert demo.js("() => document.activeElement.dataset.i") == str(step)
        demo.page.keyboard.press("Enter")
        demo.settle()
        assert demo.page.locator("#tl-detail h3").inner_text() == events[step]["t"]
        a, b = demo.x_range()
        assert a <= events[step]["x0"] and events[step]["x1"] <= b
        assert len(demo.visible_items()) == 74
    demo.page.keyboard.press("ArrowUp")
    assert demo.js("() => document.activeElement.dataset.i") == "1"
    role = demo.js("() => document.getElementById('tl-list').tagName")
    assert role == "OL"
    label = demo.page.locator("#tl-search").get_attribute("aria-controls")
    assert label == "tl-list"


def test_search_filters_the_list_and_dims_the_chart(demo: Page) -> None:
    demo.page.click("[data-zoom=all]")
    demo.page.fill("#tl-search", "telegraph")
    demo.settle()
    events = demo.js("() => timelinePage.events")
    visible = demo.visible_items()
    assert 0 < len(visible) < 74
    for i in visible:
        e = events[i]
        text = " ".join([e["t"], e.get("s", ""), " ".join(e.get("tags", []))]).lower()
        assert "telegraph" in text
    opacities = demo.js(
        "() => timelinePage.gd.data.filter(t => t.mode === 'markers' && Array.isArray("
        "t.marker.opacity)).flatMap(t => t.marker.opacity)"
    )
    assert opacities.count(1) == len(visible) and min(opacities) < 0.5
    demo.page.fill("#tl-search", "")
    demo.settle()
    assert len(demo.visible_items()) == 74


def test_legend_click_hides_a_lane(demo: Page) -> None:
    def toggle() -> None:
        text = demo.page.locator(".legendtext", has_text="Computing")
        demo.page.locator(".legend .traces", has=text).locator(".legendtoggle").click()
        demo.page.wait_for_timeout(400)  # plotly waits this long to tell a click from a double
        demo.settle()

    def labels() -> set[str]:
        return {t.strip() for t in demo.labels()["text"]}

    demo.page.click("[data-zoom=all]")
    demo.settle()
    events = demo.js("() => timelinePage.events")
    lane = demo.js("() => JSON.parse(document.getElementById('tl-data').textContent).lanes")
    computing = {i for i, e in enumerate(events) if lane[e["g"]] == "Computing"}
    titles = {events[i]["t"] for i in computing}
    assert labels() & titles  # some of the lane's labels are drawn to begin with
    toggle()
    hidden = demo.js(
        "() => timelinePage.gd.data.filter(t => t.visible === 'legendonly').map(t => t.legendgroup)"
    )
    assert hidden and len(set(hidden)) == 1
    # Its labels go with its marks, and its events leave the list.
    assert labels() and not labels() & titles
    visible = demo.visible_items()
    assert visible and not set(visible) & computing and len(visible) == 74 - len(computing)
    assert f"{74 - len(computing)} of 74 shown" in demo.page.locator("#tl-count").inner_text()
    toggle()
    assert demo.js("() => timelinePage.gd.data.filter(t => t.visible === 'legendonly').length") == 0
    assert labels() & titles and len(demo.visible_items()) == 74


BCE = """\
title: Classical antiquity
events:
  - {date: 490 BC, title: Marathon}
  - {date: 15 March 44 BC, title: Caesar is killed}
  - {date: 27 BC, title: Augustus}
  - {date: AD 14, title: Augustus dies}
"""


def test_bce_axis_reads_bc_and_ad(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, make_page(tmp_path, BCE))
    assert page.errors == []
    ticks = page.ticks()
    assert any(t.endswith(" BC") for t in ticks) and any(t.startswith("AD ") for t in ticks)
    assert all(re.fullmatch(r"\d+ BC|AD \d+", t) for t in ticks), ticks
    # Years before AD 1 count down: 400 BC lies left of 300 BC.
    vals = page.js("() => timelinePage.gd.layout.xaxis.tickvals")
    assert vals == sorted(vals)
    assert "400 BC" in ticks and vals[ticks.index("400 BC")] == -399
    # At the scale of days, the Ides of March 44 BC.
    page.js("() => Plotly.relayout(timelinePage.gd, {'xaxis.range': [-43 + 70/365, -43 + 80/365]})")
    page.settle()
    assert "15 Mar 44 BC" in page.ticks()
    page.page.close()


DEEP = """\
title: Deep time
events:
  - {date: 4.54 billion years ago, title: Earth forms}
  - {date: 66 million years ago, title: Chicxulub impact}
  - {date: 300000 years ago, title: Homo sapiens}
  - {date: 1969-07-20, title: Moon landing}
"""


def test_deep_time_axis_reads_years_ago(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, make_page(tmp_path, DEEP))
    assert page.errors == []
    ticks = page.ticks()
    assert any(t.endswith(" Ga") for t in ticks) and any(t.endswith(" Ma") for t in ticks), ticks
    assert all(re.fullmatch(r"[\d.]+ (Ga|Ma|ka|years?)", t) for t in ticks), ticks
    assert page.js("() => timelinePage.gd._fullLayout.xaxis.type") == "log"
    assert "log scale" in page.page.locator(".mode-note").inner_text()
    page.page.close()


# Every string a user or a document controls, carrying a payload that would set window.__xss
# (or open a dialog) if it ever ran.
PAYLOADS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '"><svg onload="window.__xss=3">',
    "</script><script>window.__xss=4</script>",
    '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
    "';window.__xss=7;alert(7);'",
    "{{constructor.constructor('window.__xss=8')()}} ${window.__xss=9} @@TITLE@@ %{customdata}",
)


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_yaml() -> str:
    lines = [f"title: {_yaml_quote(' '.join(PAYLOADS))}", "eras:"]
    lines.append(f"  - {{name: {_yaml_quote(PAYLOADS[1])}, start: 1900, end: 1950}}")
    lines.append("events:")
    for n, payload in enumerate(PAYLOADS):
        q = _yaml_quote(payload)
        lines += [
            f"  - date: {1900 + 5 * n}",
            f"    title: {q}",
            f"    description: {q}",
            f"    group: {q}",
            f"    tags: [{q}]",
            f"    source: {q}",
            "    url: javascript:window.__xss=5" if n % 2 else "    url: https://example.org/",
        ]
    return "\n".join(lines) + "\n"


def _exercise(page: Page) -> None:
    """Hover every point, choose every event, search for a payload."""
    page.js(
        """() => { const gd = timelinePage.gd;
        gd.data.forEach((t, c) => { if (t.mode === 'markers' && t.customdata)
          t.x.forEach((_, p) => Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}])); });
        timelinePage.events.forEach((_, i) => timelinePage.choose(i, true)); }"""
    )
    page.page.fill("#tl-search", "script")
    page.settle()
    page.page.locator("#tl-list li[data-i] button").first.click()
    page.settle()


def _assert_nothing_ran(page: Page) -> None:
    assert page.js("() => window.__xss") is None
    assert page.js("() => window.parent.__xss") is None
    assert page.dialogs == []
    injected = page.js(
        "() => document.querySelectorAll('img, iframe, [onload], [onerror], a[href^=javascript]')"
        ".length"
    )
    assert injected == 0
    assert page.js("() => document.querySelectorAll('script').length") == 4
    assert page.errors == []


def test_hostile_yaml_never_runs(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, make_page(tmp_path, hostile_yaml(), name="hostile"))
    # The payloads are on the page, as text.
    assert PAYLOADS[0] in page.page.locator("h1").inner_text()
    assert page.page.title().startswith("<script>")
    _exercise(page)
    _assert_nothing_ran(page)
    page.page.close()


def test_hostile_prose_never_runs(browser: Any, tmp_path: Path) -> None:
    text = "\n\n".join(
        f"On {d} March 2011, the council said {payload} and left."
        for d, payload in enumerate(PAYLOADS, start=1)
    )
    src = tmp_path / "hostile.txt"
    src.write_text("12 March 2011\n\n" + text, encoding="utf-8")
    page = Page(browser, make_page(tmp_path, src, name="prose"))
    assert page.js("() => timelinePage.events.length") >= 1
    _exercise(page)
    _assert_nothing_ran(page)
    page.page.close()


def test_labels_go_left_of_markers_crowded_at_the_right_edge(browser: Any, tmp_path: Path) -> None:
    """A news story's events crowd the chart's right edge, at the story's date: with no room to
    their right, their labels go to the left, and no two labels or markers overlap."""
    rows = ["events:", "  - {date: 1990, title: The mill closed}"]
    for day in range(1, 5):
        rows.append(
            f"  - {{date: 2020-06-0{day}, title: Council vote number {day}, group: L{day}}}"
        )
    page = Page(browser, make_page(tmp_path, "\n".join(rows) + "\n", "crowded"))
    try:
        page.settle()
        drawn = page.labels()
        texts = [t.strip() for t in drawn["text"]]
        assert {f"Council vote number {d}" for d in range(1, 5)} <= set(texts), texts
        assert "middle left" in drawn["pos"]
        boxes = page.js(
            "() => [...document.querySelectorAll('svg.tl-labels text')]"
            ".map(t => { const r = t.getBoundingClientRect(); "
            "return [r.left, r.right, r.top, r.bottom]; })"
        )
        for i, (l1, r1, t1, b1) in enumerate(boxes):
            for l2, r2, t2, b2 in boxes[i + 1 :]:
                assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (boxes, texts)
        assert page.errors == []
    finally:
        page.page.close()


@pytest.mark.parametrize(
    "dates", [["4 October 1957", "11 October 1957"], ["4 October 1957", "6 October 1957"],
              ["4 October 1957"]],
)  # fmt: skip
def test_events_days_apart_open_in_view_with_labels_and_ticks(
    browser: Any, tmp_path: Path, dates: list[str]
) -> None:
    rows = ["events:"] + [f"  - {{date: {d}, title: Event {n}}}" for n, d in enumerate(dates)]
    page = Page(browser, make_page(tmp_path, "\n".join(rows) + "\n", "days"))
    try:
        n = len(dates)
        assert page.page.locator("#tl-count").inner_text() == f"({n})"
        assert len(page.visible_items()) == n
        assert page.ticks() and all(re.fullmatch(r"\d+ (Sep|Oct) 1957", t) for t in page.ticks())
        labels = page.labels()
        assert sorted(t.strip() for t in labels["text"]) == [f"Event {i}" for i in range(n)]
        # ... each label at its own dot.
        at = page.js(
            "() => [timelinePage.labels().x.slice().sort(), timelinePage.gd.data.find("
            "t => t.mode === 'markers' && t.customdata).x.slice().sort()]"
        )
        assert at[0] == at[1]
        # The range slider spans the whole timeline, not a year around a single point.
        slider = page.js("() => timelinePage.gd._fullLayout.xaxis.rangeslider.range")
        assert slider == pytest.approx(page.js("() => timelinePage.gd._fullLayout.xaxis.range"))
        # Each dot is drawn whole, away from the plot's edges, and on its day: between the
        # ticks of that day and the next.
        dots = page.js(
            "() => [...document.querySelectorAll('.scatterlayer .point')]"
            ".filter(p => !p.closest('.rangeslider-container')).map(p => {"
            " const r = p.getBoundingClientRect(); return (r.left + r.right) / 2; })"
        )
        box = page.js(
            "() => { const r = document.querySelector('.nsewdrag').getBoundingClientRect();"
            " return [r.left, r.right]; }"
        )
        assert len(dots) == n
        assert all(box[0] + 20 < x < box[1] - 20 for x in dots), (dots, box)
        xa = page.js("() => timelinePage.gd._fullLayout.xaxis.range")
        px = (box[1] - box[0]) / (xa[1] - xa[0])
        for d, x in zip(dates, sorted(dots), strict=True):
            day = int(d.split()[0])
            noon = 1957 + (273 + day - 1 + 0.5) / 365  # 1 Oct is day 273, counting from 0
            assert abs(box[0] + (noon - xa[0]) * px - x) < 0.1 * px  # within a tenth of a day
        assert page.errors == []
    finally:
        page.page.close()


def test_nothing_offers_to_upload_the_chart(demo: Page) -> None:
    """plotly.js 4 puts a "Share chart..." button (an upload to Plotly Cloud) in the modebar
    unless told not to: a journalist's unpublished timeline must never be one click from it."""
    demo.page.hover("#tl-chart .nsewdrag")
    buttons = demo.js(
        "() => [...document.querySelectorAll('.modebar-btn')]"
        ".map(b => (b.getAttribute('data-title') || '') + ' '"
        " + (b.getAttribute('data-attr') || ''))"
    )
    assert buttons and any("png" in b.lower() for b in buttons), buttons  # the modebar is there
    assert not [b for b in buttons if re.search(r"share|cloud|studio|edit", b, re.I)], buttons
    assert demo.js("() => timelinePage.gd._context.plotlyServerURL") == ""
    links = demo.js(
        "() => [...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))"
    )
    assert not [h for h in links if re.search(r"plot\.ly|plotly\.com", h)], links


@pytest.mark.parametrize("tampered", [False, True])
def test_cdn_script_is_checked_against_the_bundled_plotly(
    browser: Any, tmp_path: Path, tampered: bool
) -> None:
    """--cdn pins plotly.js with a Subresource Integrity hash: the CDN's file (stood in for by
    plotly.py's own copy) runs; a file that differs by one byte does not."""
    import pkgutil

    bundled = pkgutil.get_data("plotly", "package_data/plotly.min.js") or b""
    body = bundled + (b"\n;" if tampered else b"")
    html = make_page(tmp_path, BCE, "cdn", cdn=True)
    page = browser.new_page()
    try:
        page.route(
            "https://cdn.plot.ly/**",
            lambda route: route.fulfill(
                body=body, content_type="application/javascript",
                headers={"Access-Control-Allow-Origin": "*"},
            ),
        )  # fmt: skip
        page.goto(html.as_uri())
        if tampered:
            page.wait_for_timeout(1500)
            assert page.evaluate("() => typeof window.Plotly") == "undefined"
        else:
            page.wait_for_selector(READY, timeout=60_000)
            assert page.evaluate("() => typeof window.Plotly") == "object"
    finally:
        page.close()


SPLIT = """\
title: Both sides of AD 1, nothing between
events:
  - {date: 490 BC, title: Marathon}
  - {date: 15 March 44 BC, title: Caesar is killed}
  - {date: 27 BC, title: Augustus}
  - {date: 1 September 1939, title: War}
  - {date: 8 May 1945, title: Peace}
  - {date: 20 July 1969, title: Moon}
"""


def test_zoom_buttons_never_land_on_nothing(browser: Any, tmp_path: Path) -> None:
    """The middle of this timeline (around AD 700) is empty: each zoom goes to the events
    nearest the middle instead, and the chart and the list show some."""
    page = Page(browser, make_page(tmp_path, SPLIT, "split"))
    try:
        events = page.js("() => timelinePage.events")
        for zoom in ("100", "10", "1", "0.0833"):
            page.page.click("[data-zoom=all]")
            page.settle()
            page.page.click(f"[data-zoom='{zoom}']")
            page.settle()
            a, b = page.x_range()
            assert b - a == pytest.approx(float(zoom), rel=1e-3)
            inside = [i for i, e in enumerate(events) if e["x1"] >= a and e["x0"] <= b]
            assert inside, (zoom, a, b)
            assert page.visible_items() == inside
            assert page.labels()["text"], zoom
        assert page.errors == []
    finally:
        page.page.close()


def test_ad_years_say_ad_at_every_zoom_of_a_timeline_with_bc(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, make_page(tmp_path, BCE, "bce"))
    try:
        for x_range in ([5, 40], [14, 15], [14 + 200 / 365, 14 + 240 / 365]):
            page.js("r => Plotly.relayout(timelinePage.gd, {'xaxis.range': r})", x_range)
            page.settle()
            ticks = page.ticks()
            assert ticks and all(re.search(r"\bAD \d+$", t) for t in ticks), (x_range, ticks)
        assert "AD 14" in page.page.locator("#ev-3 .ev-date").inner_text()
        assert page.errors == []
    finally:
        page.page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violations(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, scheme: str
) -> None:
    """axe-core, the engine behind Lighthouse's accessibility audit, on the demo page in each
    colour scheme: as loaded, with an event chosen and a search typed, then on a phone-wide
    screen. Any violation, of any impact, fails (the chart once held plotly's buttons inside a
    role="img", which hides them from screen readers)."""
    from axe_playwright_python.sync_playwright import Axe

    html = make_page(tmp_path_factory.mktemp(f"axe-{scheme}"), ROOT / "events.yaml")
    page = browser.new_page(viewport={"width": 1400, "height": 900}, color_scheme=scheme)
    try:
        page.goto(html.as_uri())
        page.wait_for_selector(READY, timeout=60_000)
        found: dict[str, list[str]] = {}
        for step in ("loaded", "chosen", "narrow"):
            if step == "chosen":
                page.click("#ev-3")
                page.fill("#tl-search", "war")
            elif step == "narrow":
                page.set_viewport_size({"width": 390, "height": 800})
            page.wait_for_timeout(300)
            for v in Axe().run(page).response["violations"]:
                found[f"{step}: {v['id']} ({v['impact']})"] = [str(n["target"]) for n in v["nodes"]]
        assert found == {}
    finally:
        page.close()


LONG = 10_000


@pytest.fixture(scope="module")
def long_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """10,000 events, a few a year over three centuries, in two lanes."""
    rows = ["title: A long list", "events:"]
    for i in range(LONG):
        year, day = 1700 + i // 33, 1 + i % 28
        rows.append(f"  - {{date: {year}-{1 + i % 12:02d}-{day:02d}, title: Item {i}, "
                    f"group: {'North' if i % 2 else 'South'}}}")  # fmt: skip
    page = Page(browser, make_page(tmp_path_factory.mktemp("long"), "\n".join(rows) + "\n"))
    yield page
    page.page.close()


def rendered(page: Page) -> list[dict[str, str]]:
    return list(
        page.js(
            "() => [...document.querySelectorAll('#tl-list li[data-i]')].map(li => ({"
            "i: li.dataset.i, pos: li.getAttribute('aria-posinset'),"
            " size: li.getAttribute('aria-setsize')}))"
        )
    )


def focused(page: Page) -> str:
    """The event of the list row that holds the focus."""
    return str(page.js("() => document.activeElement.closest('li').dataset.i"))


def test_long_list_draws_only_the_rows_in_view(long_page: Page) -> None:
    """Every event is listed, but only a window of rows is in the DOM, each telling a screen
    reader its place in the whole list."""
    listed = long_page.visible_items()
    assert len(listed) == LONG
    rows = rendered(long_page)
    assert 10 < len(rows) < 200
    for r in rows:
        k = listed.index(int(r["i"]))
        assert (r["pos"], r["size"]) == (str(k + 1), str(LONG))
    # Scrolled to the end, the last rows are drawn, and the list is as tall as all of them.
    long_page.js(
        "() => { const l = document.getElementById('tl-list'); l.scrollTop = l.scrollHeight; }"
    )
    long_page.page.wait_for_timeout(200)
    rows = rendered(long_page)
    assert rows[-1] == {"i": str(listed[-1]), "pos": str(LONG), "size": str(LONG)}
    assert len(rows) < 200
    long_page.js("() => { document.getElementById('tl-list').scrollTop = 0; }")


def test_arrow_keys_step_past_the_rows_drawn(long_page: Page) -> None:
    listed = long_page.visible_items()
    long_page.page.focus(f"#ev-{listed[0]} button")
    steps = 120  # several times the rows the list draws at once
    for k in range(1, steps + 1):
        long_page.page.keyboard.press("ArrowDown")
        assert focused(long_page) == str(listed[k])
    inside = long_page.js(
        "() => { const b = document.activeElement.getBoundingClientRect(),"
        " l = document.getElementById('tl-list').getBoundingClientRect();"
        " return b.top >= l.top - 1 && b.bottom <= l.bottom + 1; }"
    )
    assert inside
    for k in range(steps - 1, steps - 4, -1):
        long_page.page.keyboard.press("ArrowUp")
        assert focused(long_page) == str(listed[k])


def test_an_event_far_down_the_list_is_chosen_and_shown(long_page: Page) -> None:
    """Scrolled far down, a row is clicked: the chart zooms to it. Chosen in the chart, an
    event far away in the list is scrolled into view."""
    long_page.page.click("[data-zoom=all]")
    long_page.settle()
    far = LONG - 500
    long_page.js(
        "i => { const l = document.getElementById('tl-list'); l.scrollTop = i * l.scrollHeight / "
        f"{LONG} - 100; }}",
        far,
    )
    long_page.page.wait_for_timeout(200)
    long_page.page.click(f"#ev-{far} button")
    long_page.settle()
    event = long_page.js(f"() => timelinePage.events[{far}]")
    a, b = long_page.x_range()
    assert a <= event["x0"] and event["x1"] <= b and b - a < 10
    assert long_page.page.locator("#tl-detail h3").inner_text() == event["t"]
    assert "chosen" in (long_page.page.locator(f"#ev-{far}").get_attribute("class") or "")
    long_page.page.click("[data-zoom=all]")
    long_page.settle()
    long_page.js("() => { document.getElementById('tl-list').scrollTop = 0; }")
    long_page.page.wait_for_timeout(200)
    long_page.js("() => timelinePage.choose(7000, false)")  # as a click on its mark does
    long_page.page.wait_for_timeout(200)
    shown = long_page.js(
        "() => { const li = document.getElementById('ev-7000'); if (!li) return null;"
        " const b = li.getBoundingClientRect(), l = document.getElementById('tl-list')"
        ".getBoundingClientRect(); return b.top >= l.top && b.bottom <= l.bottom"
        " && li.classList.contains('chosen'); }"
    )
    assert shown


def test_search_narrows_a_long_list_and_its_sizes(long_page: Page) -> None:
    long_page.page.click("[data-zoom=all]")
    long_page.page.fill("#tl-search", "item 99")
    long_page.settle()
    titles = long_page.js("() => timelinePage.events.map(e => e.t)")
    expected = [i for i, t in enumerate(titles) if t.lower().startswith("item 99")]
    assert 0 < len(expected) < LONG
    assert long_page.visible_items() == expected
    rows = rendered(long_page)
    first = expected.index(int(rows[0]["i"]))
    assert [int(r["i"]) for r in rows] == expected[first : first + len(rows)]
    assert [r["pos"] for r in rows] == [str(k + 1) for k in range(first, first + len(rows))]
    assert {r["size"] for r in rows} == {str(len(expected))}
    assert f"{len(expected)} of {LONG:,} shown" in long_page.page.locator("#tl-count").inner_text()
    long_page.page.fill("#tl-search", "")
    long_page.settle()
    assert len(long_page.visible_items()) == LONG


def test_labels_move_with_the_chart_while_it_is_dragged(demo: Page) -> None:
    demo.page.click("[data-zoom=all]")
    demo.settle()
    first = "() => Number(document.querySelector('svg.tl-labels text').getAttribute('x'))"
    before = demo.js(first)
    box = demo.page.locator(".draglayer .xy .nsewdrag").first.bounding_box()
    demo.page.mouse.move(box["x"] + 600, box["y"] + 100)
    demo.page.mouse.down()
    demo.page.mouse.move(box["x"] + 500, box["y"] + 100, steps=5)
    during = demo.js(first)
    demo.page.mouse.up()
    demo.settle()
    assert during == pytest.approx(before - 100, abs=2)
    demo.page.click("[data-zoom=all]")
    demo.settle()
