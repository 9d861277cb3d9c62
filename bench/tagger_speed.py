"""Tagger speed: all of TBAQ's text in one batch, timeline against dateparser.search_dates.

    python3 bench/tagger_speed.py [--runs 3]

"timeline + events" is the whole of extraction: tagging, then events with their titles
(`build_events`, which reads the clauses of every sentence that holds a date).

Both taggers read the same documents, each with its creation date as the reference, in the
same process, alternating runs; the figure to compare across machines is the ratio. These VMs
are noisy, so both the fastest run (the least disturbed) and the median are reported.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tagger_tbaq import SHARED, documents  # noqa: E402

from timeline.model import Day  # noqa: E402
from timeline.tagger import tag  # noqa: E402
from timeline.tagger.events import build_events  # noqa: E402


def run_ours(docs: list[dict[str, str]]) -> int:
    found = 0
    for d in docs:
        found += len(tag(d["text"], Day(*map(int, d["dct"][:10].split("-")))))
    return found


def run_events(docs: list[dict[str, str]]) -> int:
    found = 0
    for d in docs:
        ref = Day(*map(int, d["dct"][:10].split("-")))
        timexes = tag(d["text"], ref)
        found += len(build_events(d["text"], "bench", timexes, ref, [0])[0])
    return found


def run_search_dates(docs: list[dict[str, str]]) -> int:
    from dateparser.search import search_dates

    found = 0
    for d in docs:
        base = datetime.datetime.fromisoformat(d["dct"][:10])
        found += len(search_dates(d["text"], languages=["en"],
                                  settings={"RELATIVE_BASE": base}) or [])  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = documents(SHARED / "corpora" / "tbaq")
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    run_ours(docs[:3])
    run_search_dates(docs[:3])  # both warmed up: imports, caches, compiled patterns
    run_events(docs[:3])
    ours, events, theirs = [], [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        n_ours = run_ours(docs)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        n_events = run_events(docs)
        events.append(time.perf_counter() - t)
        t = time.perf_counter()
        n_theirs = run_search_dates(docs)
        theirs.append(time.perf_counter() - t)
    print(f"{len(docs)} documents, {size / 1e3:.0f} kB, {args.runs} runs each")
    print("| tagger | fastest run | median run | MB/s (fastest) | expressions found |")
    print("|---|---:|---:|---:|---:|")
    rows = (("timeline", ours, n_ours), ("timeline + events (events found)", events, n_events),
            ("dateparser.search_dates", theirs, n_theirs))  # fmt: skip
    for name, runs, n in rows:
        print(f"| {name} | {min(runs):.3f} s | {statistics.median(runs):.3f} s | "
              f"{size / min(runs) / 1e6:.3f} | {n} |")  # fmt: skip
    fast = min(theirs) / min(ours)
    typical = statistics.median(theirs) / statistics.median(ours)
    print(f"\ntimeline is {fast:.0f}x as fast as search_dates (fastest runs), "
          f"{typical:.0f}x (medians)")  # fmt: skip
    fast = min(theirs) / min(events)
    typical = statistics.median(theirs) / statistics.median(events)
    print(f"timeline + events is {fast:.0f}x as fast as search_dates (fastest runs), "
          f"{typical:.0f}x (medians)")  # fmt: skip


if __name__ == "__main__":
    main()
