"""Huge and hostile inputs: time and peak memory of `timeline` on each, against a 1 MB baseline.

    python3 bench/robustness.py [--big-mb 100] [--line-mb 20]

Each case runs `python -m timeline` in its own process, so peak RSS is the whole process's.
The inputs are generated into a temporary folder and deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPH = (
    "The council met on 3 March 2011 to discuss the bridge. Work began in the spring of 2012, "
    "and the first span opened two years later. A $4 billion budget was approved last year, "
    "with 35% set aside for repairs. In 1998, an earlier plan had failed.\n\n"
)


def run(args: list[str]) -> tuple[float, float, int, str]:
    """Seconds, peak RSS in MB, exit status and the last stderr line of one child process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "timeline", *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest so far
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, (lines or [""])[-1][:100]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--big-mb", type=int, default=100)
    parser.add_argument("--line-mb", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = folder / "small.txt"
        small.write_text(PARAGRAPH * (2**20 // len(PARAGRAPH)))
        line = folder / "line.txt"
        line.write_text(PARAGRAPH.replace("\n", " ") * (args.line_mb * 2**20 // len(PARAGRAPH)))
        line_yaml = folder / "line.yaml"
        item = "{date: 1969, title: x}, "
        line_yaml.write_text("events: [" + item * (args.line_mb * 2**20 // len(item)) + "]")
        big = folder / "big.txt"
        with big.open("w") as f:
            block = PARAGRAPH * 1000
            for _ in range(args.big_mb * 2**20 // len(block)):
                f.write(block)
        out = folder / "out.jsonl"
        cases = [
            ("1 MB text (baseline)", small, ["extract", str(small), "-f", "jsonl", "-o", str(out)]),
            (f"{args.line_mb} MB YAML on one line", line_yaml, ["validate", str(line_yaml)]),
            (
                f"{args.line_mb} MB text on one line",
                line,
                ["extract", str(line), "-f", "jsonl", "-o", str(out)],
            ),
            (f"{args.big_mb} MB text", big, ["extract", str(big), "-f", "jsonl", "-o", str(out)]),
        ]
        print("| input | size | exit | seconds | peak RSS (MB) | last message |")
        print("|---|---|---|---|---|---|")
        for name, path, cli in cases:
            seconds, peak, status, last = run(cli)
            size = path.stat().st_size / 2**20
            print(f"| {name} | {size:.0f} MB | {status} | {seconds:.1f} | {peak:.0f} | {last} |")


if __name__ == "__main__":
    main()
