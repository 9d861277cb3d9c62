"""Tagger speed: all of TBAQ's text in one batch, timeline against dateparser.search_dates.

    python3 bench/tagger_speed.py [--runs 3]

"timeline + events" is the whole of extraction: tagging, then events with their titles
(`build_events`, which reads the clauses of every sentence that holds a date). CPU time (this
process's own) is reported beside wall time: it is what other jobs on a shared VM disturb
least.

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
from timeline.tagger.events import build_events, title_for  # noqa: E402


def run_ours(docs: list[dict[str, str]]) -> int:
    found = 0
    for d in docs:
        found += len(tag(d["text"], Day(*map(int, d["dct"][:10].split("-")))))
    return found


def run_events(docs: list[dict[str, str]]) -> int:
    title_for.cache_clear()  # no titles remembered from the run before
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
    runners = (("timeline", run_ours), ("timeline + events (events found)", run_events),
               ("dateparser.search_dates", run_search_dates))  # fmt: skip
    wall: dict[str, list[float]] = {name: [] for name, _ in runners}
    cpu: dict[str, list[float]] = {name: [] for name, _ in runners}
    found: dict[str, int] = {}
    for _ in range(args.runs):
        for name, run in runners:
            t, c = time.perf_counter(), time.process_time()
            found[name] = run(docs)
            wall[name].append(time.perf_counter() - t)
            cpu[name].append(time.process_time() - c)
    print(f"{len(docs)} documents, {size / 1e3:.0f} kB, {args.runs} runs each")
    print("| tagger | fastest run | median run | fastest CPU time | MB/s (fastest) | found |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, _ in runners:
        w = wall[name]
        print(f"| {name} | {min(w):.3f} s | {statistics.median(w):.3f} s | "
              f"{min(cpu[name]):.3f} s | {size / min(w) / 1e6:.3f} | {found[name]} |")  # fmt: skip
    theirs = "dateparser.search_dates"
    print()
    for name, _ in runners[:2]:
        fast = min(wall[theirs]) / min(wall[name])
        typical = statistics.median(wall[theirs]) / statistics.median(wall[name])
        by_cpu = min(cpu[theirs]) / min(cpu[name])
        print(f"{name.split(' (')[0]} is {fast:.0f}x as fast as search_dates (fastest runs), "
              f"{typical:.0f}x (medians), {by_cpu:.0f}x (CPU time, fastest runs)")  # fmt: skip


if __name__ == "__main__":
    main()
