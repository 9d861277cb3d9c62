"""The scorer of bench/titles_gold.py: its verdicts on hand-made titles, and its gold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import titles_gold as tg  # type: ignore[import-not-found]


def test_a_title_that_opens_with_a_bare_pronoun_has_the_wrong_who() -> None:
    # The subject is named before the verb, but the title opens with someone else.
    assert not tg.who("She and Forbes travelled to Norway", ["Forbes"], ["travelled"], "en")
    assert not tg.who("Sie und Lohmann gründeten die Zeitung", ["Lohmann"], ["gründeten"], "de")
    assert not tg.who("Elle a promis le prolongement", ["Appéré"], ["promis"], "fr")
    assert tg.who("Hartley and Forbes travelled to Norway", ["Forbes"], ["travelled"], "en")


def test_the_subject_must_come_before_the_verb() -> None:
    assert not tg.who("Fell the wall at last", ["wall"], ["fell"], "en")
    assert tg.who("The wall fell", ["wall"], ["fell"], "en")
    # With no gold verb in the title, the subject may stand anywhere in it.
    assert tg.who("Founding of the Verein", ["Verein"], ["gegründet"], "de")


def test_every_content_word_of_one_subject_form_is_needed() -> None:
    assert not tg.who("Severus died at York", ["Septimius Severus"], ["died"], "en")
    assert tg.who("Severus died at York", ["Septimius Severus", "Severus"], ["died"], "en")
    # Articles and prepositions of the gold subject need not be in the title.
    assert tg.who("People of York rebelled", ["the people of York"], ["rebelled"], "en")


def test_a_verb_matches_by_its_stem_case_folded() -> None:
    assert tg.did_what("Lyon is besieged", ["besieging"], "en")
    assert tg.did_what("Die Stadt GRÜNDETE eine Schule", ["gegründet"], "de")
    assert tg.did_what("La cooperativa fue fundada", ["fundó"], "es")
    assert not tg.did_what("Hartley wrote a paper", ["published"], "en")


def test_spanish_el_is_an_article_and_only_el_with_its_accent_a_pronoun() -> None:
    assert tg.who("El museo abrió sus puertas", ["museo"], ["abrió"], "es")
    assert not tg.who("Él abrió el museo", ["Cobo"], ["abrió"], "es")


def _doc(tmp_path: Path) -> tg.Document:
    text = "Acas met both sides on Monday. Updated 3 May 2024. Talks resume in June."
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")

    def at(s: str) -> tuple[str, int, int]:
        return s, text.index(s), text.index(s) + len(s)

    monday = at("on Monday")
    gold = tg.GoldEvent(monday[0], monday[1], monday[2], "Acas met both sides",
                        ("Acas",), ("met",))  # fmt: skip
    return tg.Document("dev", "d", path, "en", "news", "2024-05-03", [gold],
                       [at("3 May 2024")], [])  # fmt: skip


def test_matching_by_span_counts_found_non_events_and_others(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    text = doc.path.read_text(encoding="utf-8")
    monday, stamp, june = (text.index(s) for s in ("Monday", "3 May 2024", "June"))
    produced = [
        tg.Produced(monday, monday + 6, "Monday", "He met both sides"),
        tg.Produced(stamp, stamp + 10, "3 May 2024", "Updated"),
        tg.Produced(june, june + 4, "June", "Talks resume"),
    ]
    scored = tg.Scored()
    tg.score(doc, produced, scored)
    c = tg.counts(scored, lambda d: True)
    assert (c["gold"], c["found"], c["who"], c["did_what"], c["both"]) == (1, 1, 0, 1, 0)
    assert (c["non_events"], c["non_events_made_events"], c["other"]) == (1, 1, 1)


def test_a_gold_event_with_no_produced_event_is_missed(tmp_path: Path) -> None:
    scored = tg.Scored()
    tg.score(_doc(tmp_path), [], scored)
    c = tg.counts(scored, lambda d: True)
    assert (c["found"], c["who"], c["non_events_made_events"]) == (0, 0, 0)
    assert tg.verdict(scored.results[0]) == "missed"


@pytest.mark.parametrize("split", tg.SPLITS)
def test_every_gold_headline_passes_the_scorer_on_its_own_subject_and_verb(split: str) -> None:
    docs = tg.load_documents([split])
    assert len(docs) >= 20
    for doc in docs:
        for g in doc.events:
            assert tg.who(g.title, g.subjects, g.verbs, doc.lang), (doc.name, g.title)
            assert tg.did_what(g.title, g.verbs, doc.lang), (doc.name, g.title)


def test_a_date_read_with_another_span_matches_by_its_text_nearby(tmp_path: Path) -> None:
    text = "Seven years later, on March 27, 1964, the quake devastated Anchorage."
    path = tmp_path / "q.txt"
    path.write_text(text + " " * 300 + "Seven years later it rained.", encoding="utf-8")
    at = text.index("on March 27, 1964")
    gold = tg.GoldEvent("on March 27, 1964", at, at + 17, "The quake devastated Anchorage",
                        ("quake",), ("devastated",))  # fmt: skip
    doc = tg.Document("dev", "q", path, "en", "wire", "2023-11-09", [gold], [], [])
    far = len(text) + 300
    produced = [tg.Produced(far, far + 17, "March 27, 1964", "It rained"),
                tg.Produced(0, 17, "March 27, 1964", "The quake devastated Anchorage")]  # fmt: skip
    scored = tg.Scored()
    tg.score(doc, produced, scored)
    assert scored.results[0].produced == produced[1]
    assert scored.results[0].who and scored.results[0].did_what
    assert [p for _, p in scored.other] == [produced[0]]
