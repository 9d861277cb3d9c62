"""The TimelineJS JSON that `timeline convert --to timelinejs` writes loads in TimelineJS itself:
its npm package (installed by .ci/run), served from disk, in Debian's Chromium.

Skips, saying why, when Chromium or the package is missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.test_browser import _chromium_or_skip
from timeline.dates import parse_date, present
from timeline.model import Era, Event, Settings, Timeline
from timeline.render import write

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent
PACKAGE = Path(
    os.environ.get(
        "TIMELINEJS_DIR",
        ROOT / ".cache" / "timelinejs" / "node_modules" / "@knight-lab" / "timelinejs",
    )
)


def _package_or_skip() -> Path:
    if (PACKAGE / "dist" / "js" / "timeline.js").is_file():
        return PACKAGE
    pytest.skip(
        f"TimelineJS is not installed at {PACKAGE}: .ci/run installs it with "
        "`npm install --prefix .cache/timelinejs @knight-lab/timelinejs` (or set TIMELINEJS_DIR)"
    )


def test_timelinejs_loads_our_json(tmp_path: Path) -> None:
    package = _package_or_skip()
    chromium = _chromium_or_skip()
    settings = Settings(reference_date=parse_date("2026-01-01").start)
    timeline = Timeline(
        (
            Event(parse_date("15 March 44 BC"), "<b>Caesar</b> & Brutus", group="Rome",
                  description="<img src=x onerror=alert(1)>"),
            Event(parse_date("c. 1850"), "Railways", group="Tech", url="https://example.org"),
            Event(parse_date("1939"), "War", end=parse_date("1945"), source="Archive"),
            Event(parse_date("2014"), "Ongoing", end=present(settings)),
        ),
        "A <test> timeline",
        eras=(Era("Modern", parse_date("1900"), parse_date("2000")),),
    )  # fmt: skip
    data = write("timelinejs", timeline).data.decode()
    dist = (package / "dist").as_uri()
    page_html = tmp_path / "tl.html"
    # font: null, because TimelineJS's default font stylesheet fetches web fonts from Google;
    # without it the page needs nothing from the network.
    page_html.write_text(
        f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script src="{dist}/js/timeline.js"></script></head>
<body><div id="tl" style="width: 1000px; height: 700px"></div>
<script>
window.loaded = false;
window.tl = new TL.Timeline("tl", {data},
  {{script_path: "{dist}/js/", hash_bookmark: false, font: null}});
window.tl.on("loaded", () => {{ window.loaded = true; }});
</script></body></html>""",
        encoding="utf-8",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        errors: list[str] = []
        outside: list[str] = []
        dialogs: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def route(r: Any) -> None:  # everything is served from disk; nothing from a CDN
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(page_html.as_uri())
        page.wait_for_function("() => window.loaded", timeout=30_000)
        headlines: list[str] = page.evaluate(
            "() => [...document.querySelectorAll('.tl-slide .tl-headline')].map(h => h.textContent)"
        )
        markers: list[str] = page.evaluate(
            "() => [...document.querySelectorAll('.tl-timemarker .tl-headline')]"
            ".map(h => h.textContent)"
        )
        eras = page.evaluate("() => window.tl.config.eras.length")
        dates = page.evaluate(
            "() => [...document.querySelectorAll('.tl-headline-date')].map(d => d.textContent)"
        )
        bold = page.evaluate("() => document.querySelectorAll('.tl-headline b').length")
        first_year = page.evaluate("() => window.tl.config.events[0].start_date.getTime() < 0")
        browser.close()
    assert errors == [] and dialogs == [], (errors, outside)
    assert "A <test> timeline" in headlines
    assert "<b>Caesar</b> & Brutus" in headlines and bold == 0  # shown as text, not markup
    assert sorted(markers) == sorted(["<b>Caesar</b> & Brutus", "Railways", "War", "Ongoing"])
    assert eras == 1
    assert any("44 BC" in d for d in dates), dates
    assert json.loads(data)["events"][0]["start_date"]["year"] == "-44" and first_year
    if outside:
        pytest.fail(f"TimelineJS asked the network for {outside}")
