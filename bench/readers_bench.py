"""Reading an HTML page of tables and a spreadsheet with a column of its own, for one tree of
the code, so that two trees can be compared in the same run.

    python3 bench/readers_bench.py [--root PATH] [--rows 5000] [--runs 5]

`--root` is the tree whose `timeline` is imported (by default this one; an older commit can be
exported with `git archive COMMIT | tar -x -C /tmp/base`). The page is a seeded synthetic one:
paragraphs and tables of dated rows. Times are CPU time, the best of --runs, for turning the page
into the text the tagger reads (`_html`, without tagging it), for reading a fifth of it into
events with --ref-date (tables and prose tagged apart since issue 21) and without (tagged once
more, from a later day, to find what hangs on today), and for reading the CSV into a timeline.
Compare the two trees' figures from runs made one after the other.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path


def page(rows: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts = ["<html><body><h1>Synthetic</h1>"]
    for i in range(0, rows, 50):
        parts.append(f"<p>Paragraph {i} says the council met in {rng.randint(1900, 2020)}.</p>")
        parts.append("<table><tr><th>Year</th><th>Event</th><th>Notes</th></tr>")
        for _ in range(50):
            year = rng.randint(1800, 2020)
            parts.append(f"<tr><td>{year}</td><td>The wall at site {rng.randint(1, 99)} broke"
                         f"</td><td><p>Repaired</p><p>later</p></td></tr>")  # fmt: skip
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def sheet(rows: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["date,title,description,Place"]  # what both old and new trees read
    for i in range(rows):
        lines.append(f"{rng.randint(1800, 2020)},Event {i},Note {i},Place {rng.randint(1, 99)}")
    return "\n".join(lines) + "\n"


def best(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, args.root)
    from timeline.model import Day
    from timeline.sources import ReadOptions
    from timeline.sources.tabular import read_csv
    from timeline.sources.text import _html, read_html

    html, csv = page(args.rows), sheet(args.rows)
    options = ReadOptions(reference_date=Day(2026, 1, 1), today=Day(2026, 1, 1))
    read_csv(csv, "warm.csv", options)  # imports and caches outside the timing
    html_time = best(args.runs, lambda: _html(html))
    csv_time = best(args.runs, lambda: read_csv(csv, "bench.csv", options))
    small = page(args.rows // 5)
    read_time = best(args.runs, lambda: read_html(small, "bench.html", options))
    today = ReadOptions(today=Day(2026, 1, 1))
    without = best(args.runs, lambda: read_html(small, "bench.html", today))
    print(f"{args.root}: HTML page ({len(html) / 2**20:.1f} MB, {args.rows:,} table rows) "
          f"{html_time:.3f} s; read ({args.rows // 5:,} rows) with --ref-date {read_time:.3f} s, "
          f"without {without:.3f} s; "
          f"CSV ({args.rows:,} rows) {csv_time:.3f} s")  # fmt: skip


if __name__ == "__main__":
    main()
