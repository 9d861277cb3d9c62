"""The tagger on French, German and Spanish corpora, against dateparser.search_dates and
HeidelTime.

    python3 bench/tagger_languages.py [--corpus-name NAME ...] [--no-heideltime]
                                      [--no-search-dates] [--per-doc] [--lang]

Every development corpus in ../shared/corpora (see its README) is tagged as a user would tag
it, without being told its language: news with its creation time (DCT) as --ref-date, the
histories (WikiWarsDE) with none, as `timeline extract DOC.txt --mentions` tags them, "today"
pinned so that runs compare. `--lang` tells the tagger each corpus's language instead, to see
what identifying it costs. Scored with ../shared/tools/score_timex.py on two parts, chosen by
name order before any change was made: "untouched" is every fourth document, starting with
the first, never looked into; "dev" is the rest.

HeidelTime 2.2.1 runs with the corpus's language and document type (news with the DCT, or
narratives), its standalone jar on each whole document; search_dates with the corpus's
language and the DCT as its base. HeidelTime's predictions are cached under
/tmp/timeline-bench/.
"""

from __future__ import annotations

import datetime
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tagger_tbaq import SHARED, Doc, Pred, arguments, compare, documents, placed  # noqa: E402
from tagger_wikiwars import TODAY, heideltime_jar, per_doc_table  # noqa: E402

from timeline.model import Day  # noqa: E402
from timeline.sources import ReadOptions  # noqa: E402
from timeline.sources.text import mentions  # noqa: E402

# corpus -> (language code, HeidelTime's name for it, whether its documents are news)
CORPORA = {
    "ftib-dev": ("fr", "FRENCH", True),
    "krauts-diezeit-dev": ("de", "GERMAN", True),
    "wikiwarsde-dev": ("de", "GERMAN", False),
    "meantime-es-dev": ("es", "SPANISH", True),
}


def parts(docs: list[Doc]) -> dict[str, list[Doc]]:
    return {
        "dev": [d for i, d in enumerate(docs) if i % 4 != 0],
        "untouched": [d for i, d in enumerate(docs) if i % 4 == 0],
    }


def _day(dct: str) -> Day | None:
    return Day(*map(int, dct[:10].split("-"))) if dct else None


def ours(told: tuple[str, ...], doc: Doc) -> list[Pred]:
    options = ReadOptions(reference_date=_day(doc["dct"]), languages=told, today=TODAY)
    found = mentions(doc["text"], doc["doc"], "text", options)
    keys = ("start", "end", "value", "type")
    return [{"doc": doc["doc"], **{k: m[k] for k in keys}} for m in found]


def heideltime(corpus: str, doc: Doc) -> list[Pred]:
    return heideltime_jar(doc, CORPORA[corpus][1], f"heideltime-{corpus}", doc["dct"][:10])


def search_dates(lang: str, doc: Doc) -> list[Pred]:
    from dateparser.search import search_dates as find

    settings = {}
    if doc["dct"]:
        settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(doc["dct"][:10])
    found = find(doc["text"], languages=[lang], settings=settings) or []  # type: ignore[arg-type]
    return placed(doc, ((t, "DATE", when.date().isoformat()) for t, when in found))


def main() -> None:
    parser = arguments(__doc__, "ftib-dev")
    parser.add_argument("--corpus-name", action="append", choices=sorted(CORPORA),
                        help="only this corpus (repeat for several); default all")  # fmt: skip
    parser.add_argument("--per-doc", action="store_true", help="also each document, DATE,TIME")
    parser.add_argument("--lang", action="store_true", help="tell the tagger the language")
    args = parser.parse_args()
    for name in args.corpus_name or list(CORPORA):
        lang, _, news = CORPORA[name]
        args.corpus = SHARED / "corpora" / name
        docs = documents(args.corpus)
        if not news:
            docs = [{**d, "dct": ""} for d in docs]  # told without a date, as a user pastes it
        print(f"\n### {name} ({lang}, {'news' if news else 'histories'}, {len(docs)} documents)\n")
        told = (lang,) if args.lang else ()
        per_doc = compare(args, partial(ours, told), ("HeidelTime", partial(heideltime, name)),
                          docs, parts, partial(search_dates, lang))  # fmt: skip
        if args.per_doc:
            per_doc_table(docs, per_doc, {d["doc"] for d in parts(docs)["untouched"]}, "untouched")


if __name__ == "__main__":
    main()
