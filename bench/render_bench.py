"""Page build and load time at scale, against a bare plotly scatter of the same data.

    python3 bench/render_bench.py [--sizes 1000,10000,100000] [--runs 3]

For each size it writes a synthetic events.yaml (seeded, so every run sees the same data), then:
- build: whole-process time of `python -m timeline build`, against a script that reads the
  same YAML with PyYAML's C loader, makes one `go.Scatter` of the same points and writes it
  with `fig.write_html` (plotly.js inlined in both);
- load: time in Debian's Chromium from navigation until the page is drawn (for timeline, until
  its script marks the page ready, which is after the labels, ticks and list are done; for the
  scatter, until plotly has drawn its SVG), and the time to respond to one zoom.
Figures are medians of `--runs`; the ratio against the baseline is what to compare across
machines, not the seconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
WORDS = (
    "treaty council bridge election strike harbour railway museum archive charter mill fire "
    "flood census reform festival university hospital court mine canal telegraph newspaper"
).split()

# The baselines' first step (this one's and bench/image_bench.py's): the points of the YAML
# file in argv[1], read with PyYAML's C loader.
READ_POINTS = """
import sys, datetime, yaml
doc = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
xs, ys, texts = [], [], []
for e in doc["events"]:
    d = datetime.date.fromisoformat(str(e["date"]))
    xs.append(d.isoformat()); ys.append(e["group"]); texts.append(e["title"])
"""

BASELINE = (
    READ_POINTS
    + """
import plotly.graph_objects as go
fig = go.Figure(go.Scatter(x=xs, y=ys, text=texts, mode="markers"))
fig.write_html(sys.argv[2], include_plotlyjs=True, div_id="baseline")
"""
)


def events_yaml(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    lines = [f"title: Synthetic timeline of {n:,} events", "events:"]
    for i in range(n):
        y, m, d = rng.randint(1700, 2024), rng.randint(1, 12), rng.randint(1, 28)
        words = " ".join(rng.choice(WORDS) for _ in range(3))
        lines.append(f'  - date: "{y:04d}-{m:02d}-{d:02d}"')
        if i % 10 == 0:
            lines.append(f'    end: "{min(y + rng.randint(1, 30), 2025):04d}-06-30"')
        lines.append(f'    title: "{words.capitalize()} {i}"')
        lines.append(f"    group: Lane {i % 8}")
        lines.append(f'    description: "The {words} of record {i}, in lane {i % 8}."')
    return "\n".join(lines) + "\n"


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def load_times(pages: dict[str, Path], runs: int) -> dict[str, tuple[float, float]]:
    """Median seconds to draw each page, and to respond to a zoom, in one browser."""
    from playwright.sync_api import sync_playwright

    ready = {
        "timeline": "document.documentElement.getAttribute('data-ready') === 'true'",
        "baseline": "!!document.querySelector('#baseline .main-svg')",
    }
    zoom_done = {
        "timeline": "document.documentElement.getAttribute('data-ready') === 'true'",
        "baseline": "true",
    }
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--enable-unsafe-swiftshader"])
        for _ in range(runs):
            for name, path in pages.items():  # alternate, so drift hits both alike
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                start = time.perf_counter()
                page.goto(path.as_uri(), timeout=300_000)
                page.wait_for_function(ready[name], timeout=300_000, polling=20)
                loaded = time.perf_counter() - start
                div = "tl-chart" if name == "timeline" else "baseline"
                page.evaluate("document.documentElement.removeAttribute('data-ready')")
                start = time.perf_counter()
                page.evaluate(
                    f"""() => {{ const gd = document.getElementById('{div}');
                    const r = gd._fullLayout.xaxis.range;
                    const a = Number(r[0]), b = Number(r[1]);
                    return typeof a === 'number' && !isNaN(a)
                      ? Plotly.relayout(gd, {{'xaxis.range': [a + (b - a) * .4, a + (b - a) * .5]}})
                      : Plotly.relayout(gd, {{'xaxis.autorange': true}}); }}"""
                )
                page.wait_for_function(zoom_done[name], timeout=300_000, polling=20)
                zoomed = time.perf_counter() - start
                out[name].append((loaded, zoomed))
                page.close()
        browser.close()
    return {
        name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
        for name, rs in out.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(
        "| events | build: timeline | build: bare scatter | ratio | load: timeline | "
        "load: bare scatter | ratio | zoom: timeline | zoom: bare scatter | page size |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            src = Path(tmp) / f"events-{n}.yaml"
            src.write_text(events_yaml(n), encoding="utf-8")
            ours, base = Path(tmp) / f"timeline-{n}.html", Path(tmp) / f"baseline-{n}.html"
            build = [sys.executable, "-m", "timeline", "build", str(src), "-o", str(ours),
                     "--ref-date", "2025-01-01"]  # fmt: skip
            bare = [sys.executable, "-c", BASELINE, str(src), str(base)]
            b_ours, b_base = [], []
            for _ in range(args.runs):
                b_ours.append(timed(build))
                b_base.append(timed(bare))
            t_ours, t_base = statistics.median(b_ours), statistics.median(b_base)
            row = [f"{n:,}", f"{t_ours:.2f} s", f"{t_base:.2f} s", f"{t_ours / t_base:.2f}×"]
            if args.no_browser:
                row += ["", "", "", "", ""]
            else:
                loads = load_times({"timeline": ours, "baseline": base}, args.runs)
                (l_ours, z_ours), (l_base, z_base) = loads["timeline"], loads["baseline"]
                row += [f"{l_ours:.2f} s", f"{l_base:.2f} s", f"{l_ours / l_base:.2f}×",
                        f"{z_ours:.2f} s", f"{z_base:.2f} s"]  # fmt: skip
            row.append(f"{ours.stat().st_size / 1e6:.1f} MB")
            print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
