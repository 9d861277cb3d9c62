"""Reading and writing every data format at scale, against reading the same events as YAML.

    python3 bench/formats_bench.py [--events 10000] [--runs 3]

A seeded synthetic events.yaml (days, months, years, BC years, decades, "c." dates, spans) is
read once; then, for each format, the timeline is written and the file read back, both timed
in this process as CPU time (other work on a shared machine inflates wall time, much less CPU
time): the best of --runs, the one least disturbed by other work on the machine, with
the date parser's cache cleared before each read. The ratio to reading the YAML, measured in
the same run, is what to compare across machines.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.model import Day  # noqa: E402
from timeline.render import write  # noqa: E402
from timeline.sources import ReadOptions, detect_format, reader_for  # noqa: E402

FORMATS = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl", "csv": ".csv",
           "timelinejs": ".json", "ics": ".ics", "markwhen": None}  # fmt: skip
OPTIONS = ReadOptions(reference_date=Day(2026, 1, 1), today=Day(2026, 1, 1))


def synthetic(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["title: Synthetic", "events:"]
    for i in range(n):
        y = rng.randint(1000, 2025)
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choice(
            [
                f"{y}-{m:02d}-{d:02d}",
                f"{y}-{m:02d}",
                str(y),
                f"{rng.randint(1, 3000)} BC",
                f"{y // 10 * 10}s",
                f"c. {y}",
            ]
        )
        lines.append(f'  - date: "{date}"')
        if rng.random() < 0.2:
            lines.append(f'    end: "{min(y + rng.randint(1, 30), 2025)}"')
        lines.append(f'    title: "Event {i}"')
        lines.append(f'    group: "Lane {rng.randint(1, 5)}"')
        lines.append(f'    url: "https://example.org/{i}"')
    return "\n".join(lines) + "\n"


def read(text: str, path: str) -> float:
    from timeline.dates import _parse_cached

    _parse_cached.cache_clear()
    start = time.process_time()
    result = reader_for(detect_format(path, text))(text, path, OPTIONS)
    elapsed = time.process_time() - start
    assert not [d for d in result.diagnostics if d.severity == "error"], path
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = synthetic(args.events)
    base = min(read(source, "events.yaml") for _ in range(args.runs))
    timeline = reader_for("yaml")(source, "events.yaml", OPTIONS).timeline
    print(f"{args.events:,} events; reading the YAML: {base:.3f} s of CPU (= 1.00)\n")
    print("| format | size | write (s) | write / YAML read | read back (s) | read / YAML read |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, suffix in FORMATS.items():
        times = []
        for _ in range(args.runs):
            start = time.process_time()
            data = write(kind, timeline).data
            times.append(time.process_time() - start)
        w = min(times)
        if suffix is None:
            r_cell = "–"
            ratio = "–"
        else:
            r = min(read(data.decode(), f"bench{suffix}") for _ in range(args.runs))
            r_cell, ratio = f"{r:.3f}", f"{r / base:.2f}"
        print(f"| {kind} | {len(data) / 2**20:.1f} MB | {w:.3f} | {w / base:.2f} | {r_cell} "
              f"| {ratio} |")  # fmt: skip


if __name__ == "__main__":
    main()
