"""The tagger: a table of sentences with every expression each must yield, and properties."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.labels import label
from timeline.model import Day
from timeline.tagger import tag

TABLE = Path(__file__).parent / "data" / "tagger" / "sentences.txt"


@dataclass(frozen=True)
class Case:
    line: int
    section: str
    reference: Day
    sentence: str
    expected: tuple[tuple[str, str, str], ...]


def load_cases() -> list[Case]:
    cases: list[Case] = []
    reference, section = Day(2017, 11, 18), ""
    current: dict[str, object] | None = None

    def close() -> None:
        if current is not None:
            cases.append(Case(**current))  # type: ignore[arg-type]

    for n, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("@ "):
            reference = Day(*map(int, line[2:].split("-")))
        elif line.startswith("## "):
            section = line[3:]
        elif line.startswith("> "):
            close()
            current = {"line": n, "section": section, "reference": reference,
                       "sentence": line[2:], "expected": ()}  # fmt: skip
        elif line.startswith("= "):
            assert current is not None, f"line {n}: an expectation with no sentence"
            text, kind, value = (part.strip() for part in line[2:].split("|"))
            current["expected"] = (*current["expected"], (text, kind, value))  # type: ignore[misc]
    close()
    return cases


CASES = load_cases()


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 150
    sections = {c.section for c in CASES}
    for needed in ("Look-alikes that are not dates", "Ranges", "French", "German", "Spanish"):
        assert needed in sections


@pytest.mark.parametrize("case", CASES, ids=[f"line{c.line}" for c in CASES])
def test_sentence(case: Case) -> None:
    found = tuple((t.text, t.type, t.value) for t in tag(case.sentence, case.reference))
    assert found == case.expected, case.sentence


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("In 2013, it closed.", 3, 7), ("It closed in 2006, 7 years before.", 13, 17)],
)
def test_spans_are_exact(text: str, start: int, end: int) -> None:
    first = tag(text, Day(2017, 1, 1))[0]
    assert (first.start, first.end) == (start, end)
    assert text[first.start : first.end] == first.text


def test_dates_carry_their_days() -> None:
    [march] = tag("It opened in March 2013.", Day(2017, 1, 1))
    assert march.date is not None
    assert (march.date.start, march.date.end) == (Day(2013, 3, 1), Day(2013, 3, 31))
    assert march.date.precision.value == "month"
    [bc] = tag("Caesar died in 44 BC.", Day(2017, 1, 1))
    assert bc.date is not None and bc.date.start == Day(-43)
    [weekend] = tag("The storm grew over the weekend.", Day(2023, 9, 14))
    assert weekend.value == "2023-W36-WE"
    assert weekend.date is not None  # its Saturday and Sunday, not the whole week
    assert (weekend.date.start, weekend.date.end) == (Day(2023, 9, 9), Day(2023, 9, 10))
    # "A decade earlier" than 1914 is about 1904, not the whole of the 1900s.
    earlier = tag("The war began in 1914. A decade earlier, the pact was signed.", Day(2017, 1, 1))
    assert earlier[1].date is not None and label(earlier[1].date) == "c. 1904"


@pytest.mark.parametrize(
    "written",
    ["early 1990s", "late 1990s", "mid-1850s", "late 2013", "19th century", "1800s",
     "early 1900s", "late 19th century", "3rd century BC", "1st century"],
)  # fmt: skip
def test_parts_of_a_span_are_the_days_a_hand_written_one_reads_as(written: str) -> None:
    """Prose and a YAML date field agree on what "the late 1990s", "the 19th century" (1801 to
    1900) and "the 1800s" (1800 to 1899) are, to the day."""
    from timeline.dates import parse_date
    from timeline.model import Settings

    [found] = tag(f"It happened in the {written}.", Day(2017, 1, 1))
    assert found.date is not None
    hand = parse_date(written, Settings(reference_date=Day(2017, 1, 1)))
    assert (found.date.start, found.date.end) == (hand.start, hand.end)


def test_no_expression_runs_across_a_blank_line() -> None:
    """ "in December", then a heading "1961": two expressions, not "December 1961"."""
    found = tag("The launch failed in December\n\n1961\n\nGagarin flew.", Day(2017, 1, 1))
    assert [t.text for t in found] == ["December", "1961"]


def test_ranges_are_linked() -> None:
    found = tag("The war lasted from 1914 to 1918.", Day(2017, 1, 1))
    assert found[0].range_to == 1
    [start] = list(tag("The archive ran 1996–present.", Day(2017, 1, 1)))
    assert start.open_ended


def test_a_ranges_end_is_in_its_starts_year() -> None:
    """ "February to April" in a story of 2005, written in 2009: both ends in 2005."""
    found = tag("In 2005 the war went on. February to April proved quiet.", Day(2009, 1, 1))
    assert [(t.text, t.value) for t in found[1:]] == [("February", "2005-02"), ("April", "2005-04")]
    assert found[1].range_to == 2


HISTORY_REF = Day(2009, 12, 19)  # the date a history was written, not the time it tells of
FILLER = "The columns marched on through the hills and the rain. "


def _value_of(text: str, written: str, reference: Day = HISTORY_REF) -> str:
    return next(t.value for t in tag(text, reference) if t.text == written)


def test_a_history_keeps_its_year_across_pages() -> None:
    """The story's year holds until another is given, however far back it was."""
    text = (
        "The war began in 1861. Both sides raised armies in 1862 and in 1863. "
        f"In May 1864 the siege opened. {FILLER * 40}In June, the town fell."
    )
    assert _value_of(text, "June") == "1864-06"


def test_a_short_history_is_a_history() -> None:
    """One year given, far from the reference date, and no word of the writer's own days:
    "In October" is that year's."""
    text = "In 1803 the treaty was signed. In October the army reached the river."
    assert _value_of(text, "October") == "1803-10"
    news = "In 1803 the treaty was signed. On Friday the mayor said that in October the city"
    assert _value_of(news + " will mark it.", "October") == "2010-10"


def test_news_in_its_own_year_still_follows_the_tense() -> None:
    """The dateline gives this year, but "agreed in December", said in March, is last
    December."""
    text = "WASHINGTON, March 4, 2021 — The federal government agreed in December to pay."
    assert _value_of(text, "December", Day(2021, 3, 4)) == "2020-12"


def test_news_does_not_carry_a_distant_month_into_the_next_sentence() -> None:
    text = ("WASHINGTON, March 4, 2021 — The city first asked for help in October 2015. The "
            "federal government agreed in December to pay.")  # fmt: skip
    assert _value_of(text, "December", Day(2021, 3, 4)) == "2020-12"
    same = "WASHINGTON, March 4, 2021 — Talks began in October 2020. They ended in December."
    assert _value_of(same, "December", Day(2021, 3, 4)) == "2020-12"


def test_the_following_season_after_a_year_is_the_next_years() -> None:
    text = "The cathedral was completed in 1322. The following spring, a flood came."
    assert _value_of(text, "The following spring") == "1323-SP"
    text = "In January 1360 the king died. The following spring his son was crowned."
    assert _value_of(text, "The following spring") == "1360-SP"


def test_a_history_counts_weekdays_from_its_last_day() -> None:
    """ "Friday's assault", paragraphs after "14 May 1703" (a Monday): the Friday before it."""
    text = (
        "The siege opened in 1701, 1702 and 1703. On 14 May 1703 the walls fell. "
        f"{FILLER * 8}Friday's assault was the last."
    )
    assert _value_of(text, "Friday") == "1703-05-11"


def test_a_year_standing_as_a_heading_moves_the_story() -> None:
    """A heading "1920" is never an aside, though the next year given is the one before."""
    text = (
        "The war began in 1917, spread in 1918 and raged through 1919. On 3 November 1919 the "
        "front broke.\n\n1920\n\nIn the east the army broke up. On 15 January the admiral was "
        "handed over; the treaty of 1919 was torn up."
    )
    assert _value_of(text, "15 January") == "1920-01-15"


def test_parts_of_days_in_a_history_become_events() -> None:
    """ "Early in the morning of 29 April 1975" is an event on that day (events read a date
    given outright again with `timeline.dates`, which must be given words it can read)."""
    from timeline.sources import ReadOptions
    from timeline.sources.text import read

    text = (
        "The war went on in 1973 and 1974. The last raid began early in the morning of 29 "
        "April 1975 over the city."
    )
    result = read(text, "raid.txt", ReadOptions(reference_date=HISTORY_REF))
    days = [e.date.start for e in result.timeline.events]
    assert Day(1975, 4, 29) in days


def test_a_history_that_quotes_today_is_still_a_history() -> None:
    """A few quoted "today"s among eighty dates given outright do not make it news."""
    years = " ".join(
        f"In {y}, the front moved. {FILLER}" for y in range(1955, 1976) for _ in "abcd"
    )
    quotes = 'He said: "we march today". ' * 3
    text = f"{quotes}{years}On 4 May, the capital fell."
    assert _value_of(text, "4 May") == "1975-05-04"


def test_a_war_history_written_as_it_ended_is_a_history() -> None:
    """Years close to the reference date, but dozens of them over several years: a story."""
    years = " ".join(f"Fighting flared in {y}. {FILLER}" for y in (2003, 2004, 2005, 2006, 2007,
                                                                   2008) * 6)  # fmt: skip
    text = f"{years}In 2004 the city was taken. {FILLER}On April 9, the mayor fled."
    assert _value_of(text, "April 9") == "2004-04-09"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_is_deterministic(text: str) -> None:
    first = tag(text, Day(2017, 11, 18))
    assert first == tag(text, Day(2017, 11, 18))
    for t in first:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "In",
                "1990",
                "March",
                "May",
                "last",
                "year",
                "ago",
                "two",
                "days",
                "later",
                "the",
                "1939–45",
                "Friday",
                "c.",
                "BC",
                "from",
                "to",
                "$4",
                "billion",
                "-",
                "–",
                "3",
                "quarter",
                "spring",
                "every",
                "week",
                "12/25/2016",
                "44",
                "century",
                "19th",
                ",",
            ]
        ),
        max_size=25,
    ),
    st.integers(min_value=-3000, max_value=3000),
)
def test_date_like_noise_never_raises(words: list[str], year: int) -> None:
    text = " ".join(words)
    for t in tag(text, Day(year or 1, 6, 15)):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("There were 40 cases.\n17 July 2010 was hotter.", "2010-07-17"),
        ("Il y eut 40 cas. 12\n17 juillet 2010 fut plus chaud.", "2010-07-17"),
        ("Es gab 40 Fälle.\n17. Juli 2010 war es heißer.", "2010-07-17"),
        ("The count was 12\n2005 was the year it fell.", "2005"),
    ],
)
def test_a_date_that_starts_a_line_keeps_its_day(text: str, day: str) -> None:
    """A full stop or a number at the end of the line before is not one just before it."""
    assert [t.value for t in tag(text, Day(2017, 1, 1)) if t.type == "DATE"] == [day]


_GERMAN = (
    "Die Armee blieb hier bis zum Winter. Der General hatte die Stadt im Jahr 1862 erreicht, "
    "und die Truppen wurden hier versorgt. Am 27. September griff der Feind an, und die Armee "
    "war nicht bereit. Im Oktober zog sie ab."
)


def test_a_german_text_never_reads_french_hier() -> None:
    found = tag(_GERMAN, Day(2026, 12, 3))
    assert "hier" not in [t.text for t in found]
    # and, with no "yesterday" to make it news, it is a history: its days take its year
    assert [t.value for t in found if t.text in ("27. September", "Oktober")] == [
        "1862-09-27",
        "1862-10",
    ]


def test_lang_forces_the_language_of_a_text_too_short_to_tell() -> None:
    assert [t.value for t in tag("Hier.", Day(2017, 1, 2))] == ["2017-01-01"]
    assert [t.value for t in tag("Hier.", Day(2017, 1, 2), ("fr",))] == ["2017-01-01"]
    assert tag("Hier.", Day(2017, 1, 2), ("de",)) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Il est arrivé le 27 mai 1998 vers 19 h 30.",
         [("le 27 mai 1998", "1998-05-27"), ("19 h 30", "1998-05-27T19:30")]),
        ("fr", "Il est parti hier soir ; le lendemain, la police est venue.",
         [("hier soir", "2010-07-19TEV"), ("le lendemain", "2010-07-20")]),
        ("fr", "Le tribunal siégera dimanche après-midi, puis début octobre.",
         [("dimanche après-midi", "2010-07-25TAF"), ("début octobre", "2010-10")]),
        ("fr", "Désormais, la ville ferme le 30 août.",
         [("Désormais", "PRESENT_REF"), ("le 30 août", "2010-08-30")]),
        ("fr", "Dès octobre 98, puis le 10 novembre 93, vers midi ; le 3 mai 20 personnes.",
         [("octobre 98", "1998-10"), ("le 10 novembre 93", "1993-11-10"),
          ("midi", "1993-11-10T12:00"), ("le 3 mai", "1993-05-03")]),
        ("es", "Cayó un 2% a las 16:08 UTC.", [("las 16:08 UTC", "2010-07-20T16:08Z")]),
        ("de", "In der vergangenen Woche kam er um neun Uhr an.",
         [("der vergangenen Woche", "2010-W28"), ("neun Uhr", "2010-07-20T09:00")]),
        ("de", "Mitte Oktober und bis Ende dieses Jahres, seit den fünfziger Jahren.",
         [("Mitte Oktober", "2010-10"), ("Ende dieses Jahres", "2010"),
          ("den fünfziger Jahren", "195")]),
        ("de", "Am 3. Mai 1862 griff er an. Am selben Tag fiel die Stadt, einen Monat später "
               "der Hafen; damals war es Ende April.",
         [("3. Mai 1862", "1862-05-03"), ("selben Tag", "1862-05-03"),
          ("einen Monat später", "1862-06"), ("damals", "PAST_REF"), ("Ende April", "1862-04")]),
        ("es", "El lunes por la tarde se firmó el acuerdo del 27 de abril del 2005.",
         [("El lunes por la tarde", "2010-07-19TAF"), ("27 de abril del 2005", "2005-04-27")]),
        ("es", "El mismo día, a las 10:30 horas, y más tarde a finales de mayo.",
         [("El mismo día", "2010-07-20"), ("las 10:30 horas", "2010-07-20T10:30"),
          ("más tarde", "FUTURE_REF"), ("finales de mayo", "2010-05")]),
        ("es", "En el día de hoy, la bolsa terminó la jornada al alza, como en septiembre del "
               "año pasado.",
         [("el día de hoy", "2010-07-20"), ("la jornada", "2010-07-20"),
          ("septiembre del año pasado", "2009-09")]),
        # a relative pronoun before a year, an article before "damals": not the date's
        ("de", "Er schrieb dem damals amtierenden Chef, der 1997 gestorben ist.",
         [("damals", "PAST_REF"), ("1997", "1997")]),
        ("de", "Er hat am Freitag gesagt, dass er geht.", [("Freitag", "2010-07-16")]),
        # seasons are nouns; a date given outright leaves its article out, as histories do
        ("de", "Im Jahr 1862 zog er im Sommer und Herbst vor dem 1. Juni über den Winter.",
         [("Jahr 1862", "1862"), ("Sommer", "1862-SU"), ("Herbst", "1862-FA"),
          ("1. Juni", "1862-06-01"), ("Winter", "1862-WI")]),
        ("de", "Im März des folgenden Jahres und im Laufe des Jahres 1966.",
         [("März des folgenden Jahres", "2011-03"), ("Laufe des Jahres 1966", "1966")]),
        ("de", "Im April des Jahres 1918 und bis zum Jahresbeginn 1919.",
         [("April des Jahres 1918", "1918-04"), ("Jahresbeginn 1919", "1919")]),
    ],
)  # fmt: skip
def test_french_german_and_spanish_expressions(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = tag(text, Day(2010, 7, 20), (lang,))
    assert [(t.text, t.value) for t in found if t.type in ("DATE", "TIME")] == expected


def test_a_rule_of_one_language_is_not_read_in_another() -> None:
    """ "18 h" is a French clock time, not one in an English text."""
    assert [t.value for t in tag("It closed at 18 h.", Day(2010, 7, 20), ("fr",))] == [
        "2010-07-20T18:00"
    ]
    assert tag("It closed at 18 h.", Day(2010, 7, 20), ("en",)) == []


def test_a_german_history_says_heute_of_the_writers_days() -> None:
    text = (
        _GERMAN + " Im Jahr 1863 fiel die Festung, 1864 die Hauptstadt. Der Krieg endete 1865."
        " Die Festung ist heute eine Ruine."
    )
    assert [t.value for t in tag(text, Day(2026, 12, 3)) if t.text == "heute"] == ["PRESENT_REF"]


def test_a_german_quotation_closes_with_a_high_quote() -> None:
    """After „…“ the text is no longer quoted: a history's "Ende des Monats" is its month."""
    text = _GERMAN + " Er sagte: „Wir gehen.“ Erst gegen Ende des Monats zog er ab."
    assert [t.value for t in tag(text, Day(2026, 12, 3)) if t.text == "Ende des Monats"] == [
        "1862-10"
    ]


def test_a_year_far_from_the_story_does_not_decide_an_aside() -> None:
    """ "ab dem 15. Juli 1863", told in 1862, is an aside when the story goes on in 1862:
    "bis 1881", far from both, says nothing either way."""
    text = (
        "Im Jahr 1861 begann der Krieg. Am 27. September 1862 griff der Feind an. Das Gesetz "
        "galt ab dem 15. Juli 1863. Im Dezember gelang der Angriff. Die Stadt fiel 1862 an "
        "den Süden. Die Bande raubte bis 1881 Züge aus."
    )
    assert [t.value for t in tag(text, Day(2026, 12, 3)) if t.text == "Dezember"] == ["1862-12"]
