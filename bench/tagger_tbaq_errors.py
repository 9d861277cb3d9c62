"""The tagger's wrong values on TBAQ's dev part, by kind of expression: what to study next.

    python3 bench/tagger_tbaq_errors.py [--show KIND] [--missed] [--spurious] [--all-types]

Only the dev part (the documents `tagger_tbaq.split` puts there) is ever read: the held-out
part must stay unseen, so this script has no option to list it. Each document is tagged with
its creation date, as `tagger_tbaq.py` does, and matched to the gold annotation by the
scorer's own rules (../shared/tools/score_timex.py: DATE and TIME only unless --all-types,
one-to-one matching on overlap). Printed: a count of matched expressions and wrong values by
kind, then each wrong value with its document date and context; or, with --missed or
--spurious, the gold expressions nothing matched, or the predictions that matched nothing.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from tagger_tbaq import SCORER, SHARED, documents, ours, split  # noqa: E402

from timeline.tagger.values import point_of_value  # noqa: E402

sys.path.insert(0, str(SCORER.parent))
import score_timex  # type: ignore[import-not-found]  # noqa: E402

_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH = (r"january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan\.|feb\.|mar\.|apr\.|aug\.|sept?\.|oct\.|nov\.|dec\.")  # fmt: skip
# (kind, pattern on the predicted text), the first that matches wins.
KINDS = [
    ("weekday", _WEEKDAY),
    ("week", r"\bweek"),
    ("quarter, half, period", r"quarter|\bhalf\b|period|fiscal"),
    ("offset (ago, earlier)", r"\b(?:ago|earlier|later|before|after)\b"),
    ("today, yesterday", r"yesterday|today|tomorrow|tonight"),
    ("year, relative", r"\byear"),
    ("month and year", rf"(?:{_MONTH}).*\d{{4}}"),
    ("month and day", rf"(?:{_MONTH})\s*\d"),
    ("month", _MONTH),
    ("decade, century", r"\d0s|decade|centur"),
    ("year", r"\d{4}"),
    ("time of day", r"a\.m|p\.m|noon|midnight|morning|evening|night|afternoon"),
    ("now, recent, future", r"now|current|recent|past|future|present"),
]


def kind(text: str) -> str:
    return next((k for k, p in KINDS if re.search(p, text, re.IGNORECASE)), "other")


# Why a value is wrong, the first that holds wins: the ways the gold can say the same time as
# ours, or a larger time holding it, before "another time".
_UNSPECIFIED = re.compile(r"(?:-(?:XX|WXX))+$|X+$")
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")


def why(gold: str, ours: str) -> str:
    """What separates a gold value from ours, in words."""
    g = re.sub(r"-W(\d)$", r"-W0\1", gold)  # "2000-W8" is ISO's "2000-W08"
    if g == ours:
        return "the same time, written otherwise"
    if _PART_OF_DAY.search(g) and _PART_OF_DAY.sub("", g) == _PART_OF_DAY.sub("", ours):
        return "the same day, with or without the part of the day"
    known = _UNSPECIFIED.sub("", g)
    if known == ours:
        return "the same time, written otherwise"  # "199X" is "199", the 1990s
    if known != g and ours.startswith(known):
        return "the gold leaves part unsaid (X) that ours says"
    a, b = point_of_value(known), point_of_value(_PART_OF_DAY.sub("", ours))
    if a is None or b is None:
        return "not both calendar points (PAST_REF, P1W, ...)"
    (a0, a1), (b0, b1) = a.span(), b.span()
    if (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1):
        return "the same time at another grain (1988 or 1988-Q3)"
    return "another time"


def dev_matches(all_types: bool) -> list[dict[str, Any]]:
    """Every gold expression and prediction of the dev part, matched."""
    corpus = SHARED / "corpora" / "tbaq"
    dev = split(documents(corpus))["dev"]
    names = {d["doc"] for d in dev}
    gold = {
        score_timex.doc_id(p.name): score_timex.parse_doc(str(p))
        for p in sorted(corpus.rglob("*.tml"))
        if score_timex.doc_id(p.name) in names
    }
    preds = {d["doc"]: ours(d) for d in dev}
    if not all_types:
        gold, preds = score_timex.restrict_types(gold, preds, ["DATE", "TIME"])
    rows: list[dict[str, Any]] = []
    for d in dev:
        g_doc = gold[d["doc"]]
        text = g_doc["text"]
        g, p, _, relaxed = score_timex.match_doc(g_doc["timexes"], preds[d["doc"]], text)
        pairs = dict(relaxed)
        matched_p = set(pairs.values())
        for gi, (gs, ge, gt) in enumerate(g):
            pi = pairs.get(gi)
            row = {"dct": g_doc["dct"][:10], "gold": gt["text"], "gold_value": gt["value"],
                   "context": text[max(0, gs - 60) : ge + 30]}  # fmt: skip
            if pi is not None:
                ps, pe, pt = p[pi]
                row.update(text=text[ps:pe], value=pt.get("value"))
            rows.append(row)
        for pi, (ps, pe, pt) in enumerate(p):
            if pi not in matched_p:
                rows.append({"dct": g_doc["dct"][:10], "text": text[ps:pe], "value": pt["value"],
                             "context": text[max(0, ps - 60) : pe + 30]})  # fmt: skip
    return rows


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # "| head" ends the listing quietly
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", metavar="KIND", help="list only this kind's errors")
    parser.add_argument("--missed", action="store_true", help="gold expressions never matched")
    parser.add_argument("--spurious", action="store_true", help="predictions matching nothing")
    parser.add_argument("--all-types", action="store_true", help="DURATION and SET too")
    args = parser.parse_args()
    rows = dev_matches(args.all_types)
    if args.missed or args.spurious:
        for r in rows:
            if ("text" not in r) if args.missed else ("gold" not in r):
                shown = r.get("gold", r.get("text"))
                value = r.get("gold_value", r.get("value"))
                print(f"{r['dct']}  {shown!r:32} {value:16} | {' '.join(r['context'].split())}")
        return
    matched = [r for r in rows if "gold" in r and "text" in r]
    wrong = [r for r in matched if score_timex.norm_value(r["value"])
             != score_timex.norm_value(r["gold_value"])]  # fmt: skip
    total, bad = Counter(kind(r["text"]) for r in matched), Counter(kind(r["text"]) for r in wrong)
    print("| kind | matched | wrong value | value accuracy |\n|---|---:|---:|---:|")
    for k, n in total.most_common():
        print(f"| {k} | {n} | {bad[k]} | {100 * (1 - bad[k] / n):.1f} |")
    print("\n| why the value differs | wrong values |\n|---|---:|")
    for reason, n in Counter(why(r["gold_value"], r["value"]) for r in wrong).most_common():
        print(f"| {reason} | {n} |")
    print()
    for r in sorted(wrong, key=lambda r: (kind(r["text"]), r["dct"])):
        if args.show is None or kind(r["text"]) == args.show:
            context = " ".join(r["context"].split())
            print(f"{kind(r['text'])} | {r['dct']} | gold {r['gold']!r} {r['gold_value']} | "
                  f"ours {r['text']!r} {r['value']} | {context}")  # fmt: skip


if __name__ == "__main__":
    main()
