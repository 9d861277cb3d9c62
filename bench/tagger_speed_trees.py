"""Tagger speed of two source trees, e.g. main against a branch: CPU time of tagging all of TBAQ.

    git archive main | tar -x -C /tmp/main-tree
    python3 bench/tagger_speed_trees.py /tmp/main-tree . [--rounds 6]

Each round runs each tree's `timeline.tagger.tag` over all of TBAQ's documents (with their
creation dates) three times in a fresh process, after one untimed pass, and takes the CPU time
of each pass; the trees alternate which goes first. The ratio of the second tree to the first
is printed for the fastest pass and the median: on a shared VM, CPU time and the median are
what other jobs disturb least.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from tagger_tbaq import SHARED, documents  # noqa: E402

_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from timeline.model import Day
from timeline.tagger import tag
docs = json.load(sys.stdin)
items = [(d["text"], Day(*map(int, d["dct"][:10].split("-")))) for d in docs]
for text, ref in items:
    tag(text, ref)
times = []
for _ in range(int(sys.argv[2])):
    start = time.process_time()
    for text, ref in items:
        tag(text, ref)
    times.append(time.process_time() - start)
print(json.dumps(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("trees", nargs=2, type=Path, help="two source trees, the base first")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "tbaq")
    args = parser.parse_args()
    docs = json.dumps(documents(args.corpus))
    trees = [t.resolve() for t in args.trees]
    times: dict[Path, list[float]] = {t: [] for t in trees}
    for n in range(args.rounds):
        for tree in trees if n % 2 == 0 else trees[::-1]:
            out = subprocess.run([sys.executable, "-c", _CHILD, str(tree), "3"], input=docs,
                                 capture_output=True, text=True, check=True).stdout  # fmt: skip
            times[tree] += json.loads(out)
    for tree, t in times.items():
        fastest, median = min(t), statistics.median(t)
        print(f"{tree}: {len(t)} passes, fastest {fastest:.3f} s, median {median:.3f} s CPU")
    base, other = (times[t] for t in trees)
    print(f"second / first: fastest {min(other) / min(base):.3f}, "
          f"median {statistics.median(other) / statistics.median(base):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
