"""Numbers taken for years: the share of events dated by a number after a noun that numbers
things, on bench/corpus_bench.py's generated articles.

    python3 bench/numbered_years.py [--generated 2000]

Each generated article is a dateline and 10 sentences "On 3 May 1911, the harbour board sold
the north pier of district 1600, ..."; the district is the article's number, so from article
1500 on the number looks like a year. An event is counted as such an invention when the
date it was found as is the number written just after "district". The articles are read as
`timeline build` reads a folder, with today pinned.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus_bench import generated_corpus  # noqa: E402

from timeline.model import Day  # noqa: E402
from timeline.pipeline import load  # noqa: E402
from timeline.sources import ReadOptions  # noqa: E402

_DISTRICT = re.compile(r"\bdistrict\s+(\d+)\b")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=2000, help="articles to generate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "generated"
        generated_corpus(folder, args.generated, 10)
        options = ReadOptions(today=Day(2026, 12, 7))
        events = load([str(folder)], options).timeline.events
    invented = [
        e for e in events if (m := _DISTRICT.search(e.refs[0].sentence)) and e.date.text == m[1]
    ]
    share = 100 * len(invented) / len(events) if events else 0.0
    print(f"{args.generated} articles: {len(events):,} events, {len(invented):,} dated by the "
          f"number after 'district' ({share:.1f}%)")  # fmt: skip
    cut = sum(1 for e in events if e.title.endswith("of district"))
    print(f"titles ending in 'of district': {cut:,}")


if __name__ == "__main__":
    main()
