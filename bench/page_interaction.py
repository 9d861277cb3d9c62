"""How fast the page answers once it is drawn, against a bare plotly scatter of the same points.

    python3 bench/page_interaction.py [--sizes 1000,10000,100000] [--corpus-docs 2400]
                                      [--runs 3] [--cache DIR]

Pages: synthetic timelines of each size (bench/render_bench.py's seeded events.yaml), and a
corpus page: `--corpus-docs` generated prose articles (bench/corpus_bench.py's, about 10 events
each) extracted with `timeline extract -f json -j 2` and built from that JSON. `--cache DIR`
keeps the extracted JSON, the slow step, between runs; the pages are always built afresh by the
tree this script sits in. Each bare scatter is one `go.Scatter` of the same points written with
`fig.write_html` (plotly.js inlined in both).

In Debian's Chromium (software WebGL), per round, one fresh load of each page, alternating:

- ready: from navigation until the page's script marks it drawn (`data-ready`);
- list complete: from navigation until every event is in the list (the page once added the
  items past the first 1,000 in chunks after drawing);
- keystroke: one character ("k": in about one synthetic title in eight) typed into the empty
  search box, and the Backspace that empties it;
- wheel: one wheel step over the middle of the chart (plotly itself waits 50 ms after the
  last wheel event before it redraws; that wait is in the figure, for both pages);
- each zoom button from the whole range ("All" from a decade);
- list click: choosing an event half way down the list (which zooms the chart to it);
- list scroll: moving the list to a new place, until that place is painted.

An interaction's time runs from the input event's own timestamp (`event.timeStamp`, taken in
the page) until the page is settled: its script has set `data-ready` again (the bench removes it
first) and the next frame has been painted (a requestAnimationFrame, then a task after it). For
the bare scatter the same inputs go to plotly directly: the wheel to its chart; the buttons as
`Plotly.relayout` to the same spans (All: autorange); a keystroke as one `Plotly.restyle` of
marker opacity from a substring filter of the titles; it has no list. Figures are medians over
the rounds (keystrokes: two per round); compare ratios across machines, not seconds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus_bench import BASELINE as CORPUS_BASELINE  # noqa: E402
from corpus_bench import generated_corpus  # noqa: E402
from render_bench import BASELINE, CHROMIUM, events_yaml  # noqa: E402

TIMEOUT = 300_000
ZOOMS = (("All", "all"), ("Century", "100"), ("Decade", "10"), ("Year", "1"), ("Month", "0.0833"))
ROWS = ("ready", "list complete", "keystroke", "wheel", *(z[0] for z in ZOOMS), "list click",
        "list scroll")  # fmt: skip

# Page-side helpers: `mark(type)` records the timestamp of the next such event (capturing, so
# before any handler of the page); `settled(ready)` resolves, with the latency in ms, once the
# page has marked itself ready (when `ready`) and the frame after that is painted.
HELPERS = """() => {
  window.__t0 = null;
  window.__mark = (type) => {
    window.__t0 = null;
    window.addEventListener(type, (e) => { if (window.__t0 === null) window.__t0 = e.timeStamp; },
      { capture: true, once: true });
  };
  window.__painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  window.__settled = async (ready) => {
    const root = document.documentElement;
    const start = performance.now();
    while ((ready && root.getAttribute('data-ready') !== 'true') || window.__t0 === null) {
      if (performance.now() - start > 60000) {
        throw new Error('not settled: ready=' + root.getAttribute('data-ready')
          + ' t0=' + window.__t0);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await window.__painted();
    return performance.now() - window.__t0;
  };
}"""

LIST_DONE = """() => !document.querySelector('#tl-list li.more')"""


def build_pages(tmp: Path, sizes: list[int], corpus_docs: int, cache: Path | None) -> list[
    tuple[str, Path, Path]
]:  # fmt: skip
    pages = []
    for n in sizes:
        src = tmp / f"events-{n}.yaml"
        src.write_text(events_yaml(n), encoding="utf-8")
        ours, base = tmp / f"timeline-{n}.html", tmp / f"bare-{n}.html"
        subprocess.run([sys.executable, "-m", "timeline", "build", str(src), "-o", str(ours),
                        "--ref-date", "2025-01-01"], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        subprocess.run([sys.executable, "-c", BASELINE, str(src), str(base)], check=True, cwd=ROOT)
        pages.append((f"{n:,} events", ours, base))
    if corpus_docs:
        folder = cache or tmp
        data = folder / f"corpus-{corpus_docs}.json"
        if not data.exists():
            docs = tmp / "corpus"
            generated_corpus(docs, corpus_docs, 10)
            subprocess.run([sys.executable, "-m", "timeline", "extract", str(docs), "-f", "json",
                            "-o", str(data), "--no-progress", "-j", "2",
                            "--ref-date", "2020-06-01"], check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            shutil.rmtree(docs)
        events = len(json.loads(data.read_text(encoding="utf-8"))["events"])
        ours, base = tmp / "timeline-corpus.html", tmp / "bare-corpus.html"
        subprocess.run([sys.executable, "-m", "timeline", "build", str(data), "-o", str(ours),
                        "--ref-date", "2020-06-01"], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        subprocess.run([sys.executable, "-c", CORPUS_BASELINE, str(data), str(base)], check=True,
                       cwd=ROOT)  # fmt: skip
        pages.append((f"corpus page ({events:,} events)", ours, base))
    return pages


def wheel(page: Any, mark: bool = True) -> None:
    box = page.locator(".draglayer .xy .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    if mark:
        page.evaluate("() => window.__mark('wheel')")
    page.mouse.wheel(0, -100)


def timeline_round(page: Any, times: dict[str, list[float]]) -> None:
    def timed(row: str, event: str, act: Callable[[], None], ready: bool = True) -> None:
        page.evaluate("() => document.documentElement.removeAttribute('data-ready')")
        page.evaluate("t => window.__mark(t)", event)
        act()
        times[row].append(page.evaluate("r => window.__settled(r)", ready))

    def untimed(act: Callable[[], None]) -> None:
        page.evaluate("() => document.documentElement.removeAttribute('data-ready')")
        page.evaluate("() => { window.__t0 = 0; }")
        act()
        page.evaluate("() => window.__settled(true)")

    search = page.locator("#tl-search")
    search.focus()
    timed("keystroke", "keydown", lambda: page.keyboard.type("k"))
    timed("keystroke", "keydown", lambda: page.keyboard.press("Backspace"))
    timed("wheel", "wheel", lambda: wheel(page, mark=False))
    for name, zoom in ZOOMS[1:]:
        untimed(lambda: page.click("[data-zoom=all]"))
        timed(name, "click", lambda z=zoom: page.click(f"[data-zoom='{z}']"))  # type: ignore[misc]
    timed("All", "click", lambda: page.click("[data-zoom=all]"))
    middle = page.evaluate("() => Math.floor(timelinePage.events.length / 2)")
    page.evaluate(
        """i => { const l = document.getElementById('tl-list');
        const li = document.getElementById('ev-' + i);
        if (li) li.scrollIntoView({block: 'center'});
        else l.scrollTop = l.scrollHeight * i / timelinePage.events.length
          - l.clientHeight / 2; }""",
        middle,
    )
    page.evaluate("() => window.__painted()")
    button = page.locator(f"#ev-{middle} button.ev")
    timed("list click", "click", lambda: button.click())
    times["list scroll"].append(
        page.evaluate(
            """async () => { const l = document.getElementById('tl-list');
            const t0 = performance.now();
            const h = l.scrollHeight;
            l.scrollTop = l.scrollTop > h / 4 ? h / 8 : h * 3 / 4;
            await window.__painted(); return performance.now() - t0; }"""
        )
    )


BARE_SPAN = """async (years) => {
  const gd = document.getElementById('baseline'), ax = gd._fullLayout.xaxis;
  if (years === 'all') return Plotly.relayout(gd, {'xaxis.autorange': true});
  const r = ax.range.map(ax.r2l), c = (r[0] + r[1]) / 2;
  const w = parseFloat(years) * (ax.type === 'date' ? 365.25 * 86400e3 : 1);
  return Plotly.relayout(gd, {'xaxis.range': [ax.l2r(c - w / 2), ax.l2r(c + w / 2)]});
}"""

BARE_FILTER = """async (q) => {
  const gd = document.getElementById('baseline');
  const op = gd.data[0].text.map((t) => (!q || String(t).toLowerCase().includes(q) ? 1 : 0.12));
  return Plotly.restyle(gd, {'marker.opacity': [op]});
}"""


def bare_round(page: Any, times: dict[str, list[float]]) -> None:
    def in_page(script: str, arg: Any) -> float:
        return float(
            page.evaluate(
                f"async (a) => {{ const t0 = performance.now(); await ({script})(a);"
                " await window.__painted(); return performance.now() - t0; }",
                arg,
            )
        )

    times["keystroke"].append(in_page(BARE_FILTER, "k"))
    times["keystroke"].append(in_page(BARE_FILTER, ""))
    # (plotly zooms a cartesian chart with the wheel only when asked to, as the page does)
    page.evaluate(
        """async () => { const gd = document.getElementById('baseline');
        await Plotly.react(gd, gd.data, gd.layout, {scrollZoom: true});
        window.__relaid = false; gd.on('plotly_relayout', () => { window.__relaid = true; }); }"""
    )
    wheel(page)
    times["wheel"].append(
        page.evaluate(
            """async () => { const start = performance.now();
            while (!window.__relaid || window.__t0 === null) {
              if (performance.now() - start > 60000) throw new Error('the wheel did not zoom');
              await new Promise((r) => setTimeout(r, 2));
            }
            await window.__painted(); return performance.now() - window.__t0; }"""
        )
    )
    for name, zoom in ZOOMS[1:]:
        in_page(BARE_SPAN, "all")
        times[name].append(in_page(BARE_SPAN, zoom))
    times["All"].append(in_page(BARE_SPAN, "all"))


def measure(pages: list[tuple[str, Path, Path]], runs: int) -> dict[str, dict[str, dict[str, Any]]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, dict[str, Any]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--enable-unsafe-swiftshader"])
        for label, ours, base in pages:
            times: dict[str, dict[str, list[float]]] = {
                kind: {row: [] for row in ROWS} for kind in ("timeline", "bare")
            }
            elements: list[int] = []
            for _ in range(runs):
                for kind, path in (("timeline", ours), ("bare", base)):
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    start = time.perf_counter()
                    page.goto(path.as_uri(), timeout=TIMEOUT)
                    t = times[kind]
                    if kind == "timeline":
                        page.wait_for_function("() => document.documentElement.getAttribute("
                                               "'data-ready') === 'true'", timeout=TIMEOUT,
                                               polling=20)  # fmt: skip
                        t["ready"].append((time.perf_counter() - start) * 1000)
                        page.wait_for_function(LIST_DONE, timeout=TIMEOUT, polling=20)
                        t["list complete"].append((time.perf_counter() - start) * 1000)
                        elements.append(
                            page.evaluate("() => document.querySelectorAll('*').length")
                        )
                        page.evaluate(HELPERS)
                        timeline_round(page, t)
                    else:
                        svg = "() => !!document.querySelector('#baseline .main-svg')"
                        page.wait_for_function(svg, timeout=TIMEOUT, polling=20)
                        t["ready"].append((time.perf_counter() - start) * 1000)
                        page.evaluate(HELPERS)
                        bare_round(page, t)
                    page.close()
            out[label] = {
                kind: {row: statistics.median(v) for row, v in rows.items() if v}
                for kind, rows in times.items()
            }
            out[label]["timeline"]["DOM elements"] = statistics.median(elements)
            print(f"{label}: {json.dumps(out[label])}", file=sys.stderr, flush=True)
        browser.close()
    return out


def fmt(ms: float | None) -> str:
    if ms is None:
        return "—"
    return f"{ms / 1000:.1f} s" if ms >= 2000 else f"{ms:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--corpus-docs", type=int, default=2400)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="folder to keep the extracted corpus in")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        pages = build_pages(Path(tmp), sizes, args.corpus_docs, args.cache)
        results = measure(pages, args.runs)
    labels = list(results)
    print("| | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for row in ROWS:
        cells = []
        for label in labels:
            ours, bare = results[label]["timeline"].get(row), results[label]["bare"].get(row)
            cells.append(fmt(ours) + (f" (bare {fmt(bare)})" if bare is not None else ""))
        print(f"| {row} | " + " | ".join(cells) + " |")
    cells = [f"{results[label]['timeline']['DOM elements']:,.0f}" for label in labels]
    print("| DOM elements | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
