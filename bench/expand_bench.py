"""What skipping timeline's own pages costs when a folder is expanded, against the plain walk.

    python3 bench/expand_bench.py [--files 2000] [--runs 5]

A temporary folder of --files HTML articles (5 KB each, as a news site's saved pages) and as
many .txt files is expanded with `timeline.pipeline.expand_inputs` (which opens each .html file
to look for the generator mark in its first 4 KB) and with the walk it replaced (suffixes
only), both in this process, best of --runs, CPU time, with the reading of each file that a
build then does as the yardstick: the ratio is what to compare across machines.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.pipeline import expand_inputs  # noqa: E402
from timeline.sources import _SUFFIXES  # noqa: E402


def plain_walk(folder: Path) -> list[str]:
    """The expansion before pages were skipped: every file with a readable suffix."""
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix in _SUFFIXES)


def read_all(paths: list[str]) -> int:
    return sum(len(Path(p).read_bytes()) for p in paths)


def best(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    page = "<!DOCTYPE html><html><head><title>An article</title></head><body>" + (
        "<p>On 3 May 1990 something happened in the town, and people said so.</p>" * 70
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.files):
            (folder / f"a{i:05d}.html").write_text(page)
            (folder / f"b{i:05d}.txt").write_text(page)
        found = expand_inputs([str(folder)])
        assert found == plain_walk(folder), "the two walks must find the same files"
        walk = best(args.runs, lambda: plain_walk(folder))
        expand = best(args.runs, lambda: expand_inputs([str(folder)]))
        read = best(args.runs, lambda: read_all(found))
    print(f"{len(found)} files: plain walk {walk * 1000:.1f} ms, expand_inputs "
          f"{expand * 1000:.1f} ms (x{expand / walk:.2f}); reading them all {read * 1000:.1f} ms; "
          f"the added cost is {(expand - walk) / read:.0%} of reading the files")  # fmt: skip


if __name__ == "__main__":
    main()
