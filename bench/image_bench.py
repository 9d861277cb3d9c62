"""Still images and watch mode, timed against baselines measured in the same run.

    python3 bench/image_bench.py [--sizes 1000,10000] [--runs 3]

Images: whole-process time of `python -m timeline build --format png|svg|pdf` on the same
synthetic events.yaml as render_bench.py, against a script that reads the YAML with PyYAML's C
loader, makes one scatter of the same points and has kaleido draw it (the same browser start-up
and export; MathJax off in both). Also the size of each file.

Watch: after a save, the time until `timeline watch` has written the new page (its debounce
included), against one `pipeline.build` of the same file in the same process.
Figures are medians of `--runs`; compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.render_bench import READ_POINTS, events_yaml

ROOT = Path(__file__).resolve().parent.parent

BASELINE = (
    READ_POINTS
    + """
import kaleido
fig = {"data": [{"type": "scatter", "mode": "markers", "x": xs, "y": ys, "text": texts}],
       "layout": {"width": 1400, "height": 700}}
fmt = sys.argv[2].rsplit(".", 1)[1]
data = kaleido.calc_fig_sync(fig, opts={"format": fmt, "width": 1400, "height": 700,
                             "scale": 2 if fmt == "png" else 1}, kopts={"mathjax": False})
open(sys.argv[2], "wb").write(data)
"""
)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def images(src: Path, tmp: Path, n: int, runs: int) -> None:
    for fmt in ("png", "svg", "pdf"):
        ours, base = tmp / f"timeline-{n}.{fmt}", tmp / f"baseline-{n}.{fmt}"
        build = [sys.executable, "-m", "timeline", "build", str(src), "-o", str(ours),
                 "--ref-date", "2025-01-01"]  # fmt: skip
        bare = [sys.executable, "-c", BASELINE, str(src), str(base)]
        t_ours, t_base = [], []
        for _ in range(runs):  # alternate, so drift hits both alike
            t_ours.append(timed(build))
            t_base.append(timed(bare))
        a, b = statistics.median(t_ours), statistics.median(t_base)
        print(f"| {n:,} | {fmt} | {a:.2f} s | {b:.2f} s | {a / b:.2f}× | "
              f"{ours.stat().st_size / 1e3:,.0f} kB | {base.stat().st_size / 1e3:,.0f} kB |",
              flush=True)  # fmt: skip


def watch_latency(src: Path, tmp: Path, n: int, runs: int) -> None:
    from timeline.model import Day
    from timeline.pipeline import build
    from timeline.render import RenderOptions
    from timeline.sources import ReadOptions
    from timeline.watch import Outcome, watch

    today = Day(2025, 1, 1)
    read, render = ReadOptions(today=today), RenderOptions(today=today)
    out = tmp / f"watch-{n}.html"
    outcomes: queue.Queue[Outcome] = queue.Queue()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([str(src)], out, outcomes.put, read, render),
                              kwargs={"stop": stop}, daemon=True)  # fmt: skip
    thread.start()
    outcomes.get(timeout=600)
    text = src.read_text(encoding="utf-8")
    saves, builds = [], []
    for i in range(runs):
        start = time.perf_counter()
        src.write_text(text.replace("Synthetic", f"Edited {i}"), encoding="utf-8")
        outcome = outcomes.get(timeout=600)
        saves.append(time.perf_counter() - start)
        assert outcome.error is None, outcome.error
        start = time.perf_counter()
        build([str(src)], tmp / f"plain-{n}.html", read, render)
        builds.append(time.perf_counter() - start)
    stop.set()
    thread.join(timeout=60)
    a, b = statistics.median(saves), statistics.median(builds)
    print(f"| {n:,} | {a:.2f} s | {b:.2f} s | {a - b:.2f} s |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sources = {}
        for n in sizes:
            sources[n] = tmp / f"events-{n}.yaml"
            sources[n].write_text(events_yaml(n), encoding="utf-8")
        print("| events | format | timeline build | bare kaleido scatter | ratio | "
              "timeline file | bare file |")  # fmt: skip
        print("|---:|---|---:|---:|---:|---:|---:|")
        for n in sizes:
            images(sources[n], tmp, n, args.runs)
        print()
        print("| events | save → new page (watch) | one build | difference |")
        print("|---:|---:|---:|---:|")
        for n in sizes:
            watch_latency(sources[n], tmp, n, args.runs)


if __name__ == "__main__":
    main()
