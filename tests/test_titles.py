"""Event titles: the clause each date belongs to, reduced to who did what."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline.cli import app
from timeline.tagger.events import title_for
from timeline.tagger.titles import TITLE_CHARS, TITLE_MAX, fit, headline
from timeline.tagger.titles_fr_de_es import headline as foreign

BLOG = Path(__file__).parent / "data" / "tagger" / "blog.txt"


def title(sentence: str, date: str) -> str | None:
    start = sentence.index(date)
    return headline(sentence, start, start + len(date))


def test_the_blog_post_reads_as_headlines_through_extract() -> None:
    """An opinion post with a dateline, extracted as a user would: a relative pronoun, a
    fronted "As late as", a date in a "when" clause inside another clause's report."""
    result = CliRunner().invoke(app, ["extract", str(BLOG)])
    assert result.exit_code == 0, result.output
    events = yaml.safe_load(result.stdout)["events"]
    assert [(e["date"], e["title"]) for e in events] == [
        ("2006", "Samir Qasim died"),
        ("2016", "Channel Nine was still calling Haddad the founder"),
        ("2017", "The port of Tyrna fell"),
        ("c. 11 November 2017 – 16 November 2017", "A small weekly published an article"),
        ("2017-11-16", "Officials said the boats had been paid for by the ministry"),
    ]


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # relative pronouns: the antecedent, or the name an apposition describes
        ("The factory, which opened in 1974, will close in March.", "1974", "The factory opened"),
        ("Yesterday the president pardoned a journalist who had been jailed in 2016.", "2016",
         "The journalist had been jailed"),
        ("Her brother, a pilot who crashed in 1943, was never found.", "1943",
         "Her brother crashed"),
        ("The scientist, whom the academy had rejected in 1910, was elected in 1922.", "1910",
         "The academy had rejected the scientist"),
        ("The plague that struck the city in 1665 killed a quarter of its people.", "1665",
         "The plague struck the city"),
        # the main clause after a relative or reduced relative clause
        ("The bill, which passed in May, was blocked by the senate this week.", "this week",
         "The bill was blocked by the senate"),
        ("The ceasefire, agreed in February, collapsed within a week.", "February",
         "The ceasefire was agreed"),
        # a date in the possessive stands for an article: a singular noun keeps one
        ("Police said last month's discovery of a rifle was a breakthrough.", "last month",
         "Police said the discovery of a rifle was a breakthrough"),
        ("Analysts blamed last year's drought for the poor harvest.", "last year",
         "Analysts blamed the drought for the poor harvest"),
        ("Last month's floods destroyed the harvest.", "Last month",
         "Floods destroyed the harvest"),
        ("Tuesday's crisis talks ended without a deal.", "Tuesday",
         "The crisis talks ended without a deal"),
        ("He was named 1965's Man of the Year by the magazine.", "1965",
         "He was named Man of the Year by the magazine"),
        # a long subject loses its own phrase before what was said is lost
        ("The chief engineer of a Norwegian salvage company said Thursday he has sent a team "
         "to recover the wreck.", "Thursday", "The chief engineer said he has sent a team"),
        # "Corp.'s" comes in four tokens and closes up again
        ("Travelers Corp.'s net income rose 11% in the third quarter.", "the third quarter",
         "Travelers Corp.'s net income rose 11%"),
        # "the six months ended Sept. 30" names a period: its "ended" is no verb
        ("Net income for the six months ended Sept. 30 rose to $4 million.", "Sept. 30",
         "Net income for the six months rose to $4 million"),
        ("The strike ended Monday.", "Monday", "The strike ended"),
        # too long even for the hard limit: cut before "against" rather than lose all of it
        ("The Iraqi ambassador to Venezuela said on Tuesday that Iraq would retaliate against "
         "Venezuela and other OPEC oil cartel members.", "Tuesday",
         "The Iraqi ambassador to Venezuela said Iraq would retaliate"),
        # what was said, then who said it
        ("Insurers expect claims to top $4 billion, analysts said Wednesday.", "Wednesday",
         "Insurers expect claims to top $4 billion, analysts said"),
        ("The strike will go on, the union's leader told reporters on Friday.", "Friday",
         "The union's leader told reporters"),
        # a participle between commas is an aside, not the verb of a date put first
        ("By early September the defenders, led by Count Starhemberg, were close to collapse.",
         "early September", "The defenders were close to collapse"),
        ("At the end of March the army, with air support, launched an offensive, dubbed "
         '"Thunder", in the south.', "the end of March", "The army launched an offensive"),
        ("On November 21, 2007 General Lee, who is in charge of training, praised the police "
         "for their work.", "November 21, 2007", "General Lee praised the police for their work"),
        # "during the night of" leads to the date whole
        ("Another attempt to block the harbor during the night of 3-4 May also failed.",
         "3-4 May", "Another attempt to block the harbor failed"),
        # a verb's "to" is cut only when nothing else can be, and the title is too long whole
        ("By the end of April, the Imperial Japanese Army under Kuroki was ready to cross the "
         "Yalu river into occupied Manchuria.", "the end of April",
         "The Imperial Japanese Army under Kuroki was ready"),
        # a particle after a verb stays, a preposition does not
        ("In 2005 the war went on.", "2005", "The war went on"),
        ("A referendum was held in October 2005 in which the constitution was ratified.",
         "October 2005", "A referendum was held"),
        ("In March 2003, 9,200 Iraqi combatants were killed along with 7,299 Iraqi civilians, "
         "mostly by air.", "March 2003", "9,200 Iraqi combatants were killed"),
        # "This" or "That" before a verb is a pronoun, not a determiner
        ("This followed the general election in December 2005.", "December 2005",
         "This followed the general election"),
        ("The reduced dividend is payable in March.", "March", "The reduced dividend is payable"),
        # the date as the subject stays: there is no other
        ("The start of 2004 was marked by a relative lull in violence.", "The start of 2004",
         "The start of 2004 was marked by a relative lull in violence"),
        # "he" or "she" for a name told before in the sentence, and only for a name
        ("Kara Mustafa retreated to Belgrade, where he was executed on 25 December.",
         "25 December", "Kara Mustafa was executed"),
        ("Police arrested the man after he fled in 2010.", "2010", "He fled"),
        # "over" leads to a date as "in" does, unless it goes with the verb
        ("The storm strengthened rapidly over the weekend.", "the weekend",
         "The storm strengthened"),
        ("The rebels took over last year.", "last year", "The rebels took over"),
        # English with none of the commonest function words
        ("Crisis talks ended without a deal on Tuesday.", "Tuesday",
         "Crisis talks ended without a deal"),
        # ... but a verb between commas after a relative clause is the sentence's own
        ("The bishop's widow, who married him when he was a curate, said Thursday from her "
         'home in York, England: "I will sell the house."', "Thursday",
         "The bishop's widow said from her home in York"),
        ("The coach, who joined the club when it was in the third division, resigned on "
         "Monday, two days after the final.", "Monday", "The coach resigned"),
        # subordinate clauses: the date's own clause
        ("When the war ended in 1945, the pianist returned to Warsaw.", "1945", "The war ended"),
        ("The airport has been closed since Monday, when the runway cracked.", "Monday",
         "The runway cracked"),
        # reported speech: what was reported
        ("The minister told reporters that the talks had collapsed in August.", "August",
         "The talks had collapsed"),
        ("The company said on Wednesday that it would cut 400 jobs.", "Wednesday",
         "The company said it would cut 400 jobs"),
        ("It was in 2011 that the police first admitted the files existed.", "2011",
         "The police admitted the files existed"),
        # adverbials dropped
        ("As late as 2010, the agency was still recommending the drug.", "2010",
         "The agency was still recommending the drug"),
        ("The mayor resigned on Monday after a week of protests.", "Monday", "The mayor resigned"),
        ("Firefighters said that the blaze started shortly after midnight on Sunday.", "Sunday",
         "The blaze started"),
        # coordinated clauses share a subject; "it" is the noun before
        ("She won her first gold in 1996 and retired in 2004.", "2004", "She retired"),
        ("Pundits said the currency would never fall, and it fell in 2016.", "2016",
         "The currency fell"),
        ("In the 1970s the Saturn V never flew again.", "the 1970s",
         "The Saturn V never flew again"),
        # a phrase with a participle is not a clause; "pointed out" reports
        ("In its report published on Wednesday, the watchdog criticised the police.",
         "Wednesday", "The watchdog criticised the police"),
        ("After he returned to England in 1836, he began writing.", "1836",
         "He returned to England"),
        ("Critics pointed out in 2014 that the model had never been tested.", "2014",
         "Critics pointed out the model had never been tested"),
        # a noun that is the date's event
        ("Since its opening on 19 March 1932, the bridge has been painted eleven times.",
         "19 March 1932", "The bridge's opening"),
    ],
)  # fmt: skip
def test_a_title_is_who_did_what_in_the_dates_own_clause(
    sentence: str, date: str, expected: str
) -> None:
    assert title(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Monday's storm", "Storm"), ("Monday’s storm: chaos in the streets", "Chaos in the streets"),
     ("Monday's vote, a farce", "Vote, a farce")],
)  # fmt: skip
def test_a_dates_possessive_never_reaches_a_title_read_as_words(
    sentence: str, expected: str
) -> None:
    """No verb to read clauses by: the title is the words around the date, without its "'s"."""
    assert title_for(sentence, 0, len("Monday")) == expected


def test_a_short_sentence_takes_its_documents_language() -> None:
    """ "Vor drei Wochen demonstrierten rund 20.000 Menschen in Hamburg." has none of the German
    words the sentence reader looks for; the document around it has plenty."""
    from timeline.model import Day
    from timeline.sources import ReadOptions
    from timeline.sources.text import read

    text = (
        "Der Bundestag hat am 7. März 2024 ein neues Gesetz beschlossen, das die Regierung im "
        "Januar vorgelegt hatte. Vor drei Wochen demonstrierten rund 20.000 Menschen in Hamburg. "
        "Bereits im vergangenen Jahr hatte die Regierung einen Entwurf vorgelegt."
    )
    events = read(text, "de.txt", ReadOptions(reference_date=Day(2024, 3, 12))).timeline.events
    titles = {e.title for e in events}
    assert "Rund 20.000 Menschen demonstrierten in Hamburg" in titles
    assert "Die Regierung hatte einen Entwurf vorgelegt" in titles


def test_a_name_keeps_its_own_phrase() -> None:
    """A long subject may lose its "of" phrase to keep what was said, but not a name's."""
    sentence = "The Organization of African Unity said Friday it would investigate the killings."
    found = title(sentence, "Friday")
    assert found is not None and found.startswith("The Organization of African Unity")


def test_a_title_never_starts_with_a_dash() -> None:
    sentence = ("Officials approached the transition embodied in the U.S.-Iraq Status of Forces "
                "Agreement which was negotiated throughout 2008.")  # fmt: skip
    found = title(sentence, "2008")
    assert found is not None and found[0].isalpha() and "was negotiated" in found


@pytest.mark.parametrize("words", ["As the", "It grew over", "during the night"])
def test_words_with_no_date_among_them_give_no_title(words: str) -> None:
    """A date span that holds no word (hypothesis found "As the" raising IndexError)."""
    assert headline(words, len(words), len(words)) is None


def test_a_title_read_as_words_never_ends_on_a_comma() -> None:
    """No clause with a verb of its own (the blanks are another date, left out): the words
    after the date, cut before a phrase, without the comma before it."""
    sentence = ("On 3 May 1920, a daring raid by the rebel cavalry,     across the frozen river "
                "near the old fort failed.")  # fmt: skip
    assert title_for(sentence, 3, 13) == "A daring raid by the rebel cavalry"


def test_a_verb_is_not_cut_from_its_to() -> None:
    sentence = "In December 1904 the Japanese were finally able to capture the key hilltop bastion."
    assert title(sentence, "December 1904") == (
        "The Japanese were finally able to capture the key hilltop bastion"
    )
    sentence = ("On 15 April 1904 the government made overtures threatening to seize the reporters "
                "who were taking the ship into the war zone.")  # fmt: skip
    assert title(sentence, "15 April 1904") == "The government made overtures"


def test_long_titles_are_cut_before_a_phrase_never_inside_one() -> None:
    got = title(
        "The Great Fire of London broke out on 2 September 1666 in a bakery on Pudding Lane "
        "near the river.",
        "2 September 1666",
    )
    assert got == "The Great Fire of London broke out in a bakery"
    assert fit(["The", "council", "sold"], "the park to a developer from the city".split()) == (
        "The council sold the park to a developer from the city"
    )
    long_object = "the old harbour bridge to every kind of traffic after eighty-five years".split()
    cut = fit(["The", "council", "closed"], long_object)
    assert len(cut) <= TITLE_CHARS and not cut.endswith(("…", " to", " of", " the"))
    assert cut == "The council closed the old harbour bridge"


def test_a_phrase_with_nowhere_to_cut_is_kept_up_to_the_hard_limit() -> None:
    head = "The head of the East Berlin party announced".split()
    assert fit(head, "citizens could cross".split()).endswith("citizens could cross")
    assert len(fit(head, "citizens could cross".split())) <= TITLE_MAX


def test_sentences_that_are_not_english_are_left_to_the_other_reader() -> None:
    assert title("Die Mauer fiel am 9. November 1989.", "9. November 1989") is None
    assert title("Le pont a été inauguré le 19 mars 1932.", "19 mars 1932") is None


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("Le ministre, qui avait démissionné en 2015, est revenu.", "2015",
         "Le ministre avait démissionné"),
        ("Quand la guerre a éclaté en 1914, il s'est engagé.", "1914", "La guerre a éclaté"),
        ("La cathédrale, dont la flèche s'est effondrée en 2019, rouvrira.", "2019",
         "La flèche s'est effondrée"),
        ("Le groupe, fondé en 1968 par trois étudiants, a sorti un disque.", "1968",
         "Le groupe a été fondé par trois étudiants"),
        ("Il y a trois jours, la police a arrêté deux suspects.", "Il y a trois jours",
         "La police a arrêté deux suspects"),
        ("Der Komponist, der 1791 in Wien starb, hinterließ ein Requiem.", "1791",
         "Der Komponist starb in Wien"),
        ("Nachdem der Vertrag 1919 unterzeichnet worden war, kehrten sie heim.", "1919",
         "Der Vertrag war unterzeichnet worden"),
        ("Im Jahr 1871 wurde das Deutsche Reich gegründet.", "1871",
         "Das Deutsche Reich wurde gegründet"),
        ("La fábrica, que abrió en 1974, cerrará pronto.", "1974", "La fábrica abrió"),
        ("El ministro afirmó que la fábrica había cerrado en 2009.", "2009",
         "La fábrica había cerrado"),
        ("El alcalde dimitió el lunes tras una semana de protestas.", "el lunes",
         "El alcalde dimitió"),
        ("La banda, fundada en 1968, publicó su último disco el año pasado.", "el año pasado",
         "La banda publicó su último disco"),
        ("El presidente, que fue elegido en 2014, dimitió ayer.", "ayer", "El presidente dimitió"),
    ],
)  # fmt: skip
def test_french_german_and_spanish_titles_come_from_the_dates_own_clause(
    sentence: str, date: str, expected: str
) -> None:
    start = sentence.index(date)
    assert foreign(sentence, start, start + len(date)) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [("Am 9. November 1989 fiel sie nach 28 Jahren.", "9. November 1989",
      "Sie fiel nach 28 Jahren"),
     ("1990 zog er nach Berlin.", "1990", "Er zog nach Berlin")],
)  # fmt: skip
def test_a_german_pronoun_after_its_verb_is_the_subject(
    sentence: str, date: str, expected: str
) -> None:
    """Too short to tell their language, these take the document's (German)."""
    start = sentence.index(date)
    assert foreign(sentence, start, start + len(date), "de") == expected


_WORDS = st.sampled_from(
    "the a council who which that when and but said was had died fell in on , ; . "
    "As late as it its opening Raqqa 2006 of to after whom whose le la qui que dont est a été "
    "fondé der die wurde als dass el que cuya fue".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS | st.text(max_size=4), max_size=40), st.data())
def test_any_words_give_a_short_title_or_none_and_never_raise(
    words: list[str], data: st.DataObject
) -> None:
    sentence = " ".join(words)
    start = data.draw(st.integers(0, len(sentence)))
    end = data.draw(st.integers(start, len(sentence)))
    for reader in (headline, foreign):
        got = reader(sentence, start, end)
        assert got is None or (len(got) <= TITLE_MAX and len(got.split()) >= 2)


def test_a_date_in_a_sentence_of_pages_is_read_in_the_words_around_it() -> None:
    sentence = "the council met and argued, " * 2000 + "and the bridge opened in 1932"
    assert title(sentence, "1932") == "The bridge opened"


def test_two_dates_in_two_clauses_are_two_events_even_when_one_holds_the_other() -> None:
    """A narrower date or a deadline in the same clause is not an event of its own; in
    another clause (after "but", or after a clause between commas) it is."""
    from timeline.model import Day
    from timeline.sources import ReadOptions
    from timeline.sources.text import read

    text = (
        "The Ottoman army besieged Vienna in 1683 but was driven off in September. "
        "The cathedral, begun in 1248, was not finished until 1880. "
        "Apollo 7 launched in October 1968. "
        "Two months later, Apollo 8 orbited the Moon over Christmas."
    )
    options = ReadOptions(reference_date=Day(2017, 11, 18))
    events = read(text, "t.txt", options).timeline.events
    assert [(e.date.start, e.title) for e in events] == [
        (Day(1248), "The cathedral was begun"),
        (Day(1683), "The Ottoman army besieged Vienna"),
        (Day(1683, 9), "The Ottoman army was driven off"),
        (Day(1880), "The cathedral was not finished"),
        (Day(1968, 10), "Apollo 7 launched"),
        (Day(1968, 12, 25), "Apollo 8 orbited the Moon"),
    ]


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # what was said, word for word, before who said it
        ("``Stopping the violence is a priority,'' the minister said on Tuesday.", "Tuesday",
         "“Stopping the violence is a priority,” the minister said"),
        ("He spoke. ``The strike will end by Christmas,'' he said.", "Christmas",
         "The strike will end"),
    ],
)  # fmt: skip
def test_a_news_wires_typewriter_quotes_are_quotation_marks(
    sentence: str, date: str, expected: str
) -> None:
    from timeline.tagger.events import title_for

    start = sentence.index(date)
    assert title_for(sentence, start, start + len(date)) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # "and" between two nouns of one subject opens no clause
        ("The museum and the city library reopened on Monday.", "Monday",
         "The museum and the city library reopened"),
        ("When the Food and Drug Administration approved the drug in 2019, shares rose.",
         "2019", "The Food and Drug Administration approved the drug"),
        # ... but after a clause with a verb, or before a verb, it does
        ("The mill closed in 1931, and in 1935 the town lost its railway.", "1935",
         "The town lost its railway"),
        ("The army crossed the river at Arnhem and at Nijmegen and then advanced on the city "
         "in May 1945.", "May 1945", "The army advanced on the city"),
        # the subject lent to "but was ..." is the clause's, not the phrase describing its object
        ("The fleet sailed for Crete, a large island to the south, but was scattered by a "
         "storm in March.", "March", "The fleet was scattered by a storm"),
        # ... and never one from before a semicolon
        ("The union made several demands, including a shorter week, of the owners; these "
         "demands, however, were rejected in May.", "May", "These demands were rejected"),
    ],
)  # fmt: skip
def test_coordinated_clauses_and_nouns(sentence: str, date: str, expected: str) -> None:
    assert title(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a full stop inside the sentence ends an abbreviation, not the title
        ("The board on Friday rejected U.S. and Canadian bids.", "Friday",
         "The board rejected U.S. and Canadian bids"),
        ("Police charged him on Monday with the murder of Dr. Ann Lee.", "Monday",
         "Police charged him with the murder of Dr. Ann Lee"),
        # a capitalised "-ly" word is a name, not an adverb to drop
        ("The army's landing on Sicily began on 10 July.", "10 July",
         "The army's landing on Sicily began"),
        # "--" is a dash around an aside; "6-year-old" is one word
        ("The winner -- a 9-year-old pony -- was sold on Monday.", "Monday",
         "The winner was sold"),
        ("The 24-hour strike began on Monday.", "Monday", "The 24-hour strike began"),
        # "for" leads to a date; a preposition left without its noun does not end a title
        ("The council scheduled a vote for later today in the town hall.", "later today",
         "The council scheduled a vote in the town hall"),
        # a verb after "will" or "could" is a verb, though no list knows it
        ("The bridge will stay closed to traffic until March.", "March",
         "The bridge will stay closed to traffic"),
    ],
)  # fmt: skip
def test_marks_and_words_inside_a_title(sentence: str, date: str, expected: str) -> None:
    assert title(sentence, date) == expected


def test_a_title_too_long_for_any_phrase_cut_loses_its_last_clause_not_all_it_said() -> None:
    tail = "its mayors told the ministry's officials it is worried about the budget".split()
    assert fit("The council said".split(), tail) == (
        "The council said its mayors told the ministry's officials"
    )


@pytest.mark.parametrize("last", ["between", "against", "without", "including", "during"])
def test_a_title_never_ends_on_a_preposition_whose_noun_was_a_date(last: str) -> None:
    assert fit(["The", "road", "closed"], ["to", "traffic", last]) == "The road closed to traffic"


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a dividend's record date decides who is paid; the payment date pays
        ("The dividend is payable Nov. 15 to holders of record Oct. 31.", "Oct. 31",
         "Record date for the dividend"),
        ("The dividend is payable Nov. 15 to holders of record Oct. 31.", "Nov. 15",
         "The dividend is payable"),
        ("The bank said the dividend is payable Jan. 4 to shareholders of record Dec. 12.",
         "Dec. 12", "Record date for the dividend"),
        ("The board declared a quarterly dividend of 9 cents a share, payable May 2 to "
         "holders of record April 8.", "April 8", "Record date for the quarterly dividend"),
    ],
)  # fmt: skip
def test_dividend_dates(sentence: str, date: str, expected: str) -> None:
    from timeline.model import Day
    from timeline.sources import ReadOptions
    from timeline.sources.text import read

    events = read(sentence, "t.txt", ReadOptions(reference_date=Day(2017, 11, 18)))
    start = sentence.index(date)
    titles = [e.title for e in events.timeline.events if e.refs[0].start == start]
    assert titles == [expected]


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a noun in "-ing" after its article is no place to cut
        ("The Security Council condemned the shelling of the Red Cross hospital in the "
         "northern city on Thursday.", "Thursday", "The Security Council condemned the shelling"),
        # "as" opens a phrase a long title may lose
        ("Most scholars counted the fall of the old capital in 1453 as the close of an age of "
         "empires.", "1453", "Most scholars counted the fall of the old capital"),
        # a date in the possessive leaves its preposition to the noun
        ("The venue for Friday's summit was chosen by the hosts.", "Friday",
         "The venue for the summit was chosen by the hosts"),
        # "to" and "last" right before a date go with it
        ("The company extended to Nov. 20 its offer for all the shares.", "Nov. 20",
         "The company extended its offer for all the shares"),
        ("He was shot last Oct. 23 at his home in the suburbs.", "Oct. 23",
         "He was shot at his home in the suburbs"),
        # "as planned" is how, not what: the date goes to the clause before
        ("Then the general let the assault begin as previously planned Sunday night.",
         "Sunday night", "The general let the assault begin"),
    ],
)  # fmt: skip
def test_where_a_title_is_cut_and_what_leads_to_a_date(
    sentence: str, date: str, expected: str
) -> None:
    assert title(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # what was said before who said it, with or without "that", after any clause
        ("Rents will climb again because of the shortage of flats, the agency said on Monday.",
         "Monday", "Rents will climb again, the agency said"),
        ("Ticket sales fell by half, the theatre said in a statement on Friday.", "Friday",
         "Ticket sales fell by half, the theatre said"),
        ("Mr. Ortiz, a former mayor, will stand again, his party said on Sunday.", "Sunday",
         "Mr. Ortiz will stand again, his party said"),
        # too long for that order: who said it first, never what was said alone
        ("The regional water authority had the right to close the reservoir to all swimmers, "
         "the court ruled on Friday in a short judgment.", "Friday",
         "The court ruled the regional water authority had the right"),
        # a quotation word for word, when it fits; else only who said it
        ('"The bridge is safe," the engineer said on Monday.', "Monday",
         "\"The bridge is safe,\" the engineer said"),
        ('"We will keep the bridge open for as long as every one of its cables holds," the '
         "engineer said on Monday.", "Monday", "The engineer said"),
        ('Fans will now "stay away until the club listens," the supporters\' trust said on '
         "Monday.", "Monday", "The supporters' trust said"),
        # verbs of learning and ruling report a clause as verbs of saying do
        ("Staff learned on Monday that the mine would close.", "Monday",
         "Staff learned the mine would close"),
        # a participle between commas is no one saying anything
        ("They will appeal the ruling, announced Tuesday by the court, that the bridge must "
         "close.", "Tuesday", "The ruling was announced by the court"),
        # "so" too long a subject's own phrase goes, unless it is a name or a quantity
        ("The small island nation of Tuvalu said on Friday its envoys would join regional "
         "talks.", "Friday", "The small island nation said its envoys would join regional talks"),
    ],
)  # fmt: skip
def test_what_was_said_and_who_said_it(sentence: str, date: str, expected: str) -> None:
    assert title_for(sentence, *_span(sentence, date)) == expected


def _span(sentence: str, date: str) -> tuple[int, int]:
    start = sentence.index(date)
    return start, start + len(date)


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # whatever follows "who" is its verb
        ("Engineers who inspect the dam said on Monday that it was safe.", "Monday",
         "Engineers said it was safe"),
        # a connective is no part of a subject
        ("But the talks collapsed in June.", "June", "The talks collapsed"),
        # "who" after "the arrest of Kopp" is Kopp
        ("Police offered a reward for the arrest of Carter, who fled the city in May.", "May",
         "Carter fled the city"),
        # "de" before a name is the name's
        ("On his June trip, de Gaulle made an appeal to the settlers.", "June",
         "De Gaulle's trip"),
        ("In 1960, de Gaulle made an appeal to the settlers.", "1960",
         "De Gaulle made an appeal to the settlers"),
    ],
)  # fmt: skip
def test_subjects(sentence: str, date: str, expected: str) -> None:
    assert title(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a participle clause after the verb is an event of the sentence's subject
        ("The storm crossed the coast, flooding the harbour on Monday.", "Monday",
         "The storm flooded the harbour"),
        ("The rebels took the port, seizing the customs house in May, and making the governor "
         "flee in June.", "June", "The rebels made the governor flee"),
        ("The rebels took the port, seizing the customs house in May, and making the governor "
         "flee in June.", "May", "The rebels seized the customs house"),
        ("The court sat until 1911, when a new judge replaced it, taking his seat in 1912.",
         "1912", "The new judge took his seat"),
        # ... between commas before the verb, the noun before it
        ("The town held out, but the garrison, having run out of food in March, surrendered.",
         "March", "The garrison had run out of food"),
        ("The council, hoping to save money, closed the library in 2015.", "2015",
         "The council closed the library"),
        # ... but not an object before it
        ("The army launched an attack, pushing the enemy to the river by early June, followed "
         "by a lull.", "early June", "The army pushed the enemy to the river"),
        # ... and a date put first goes past it to the sentence's own verb
        ("In 1952, having left the navy, the engineer began to teach.", "1952",
         "The engineer began to teach"),
        # ... at the start, the subject after it
        ("Having crossed the river in April, the army took the town.", "April",
         "The army had crossed the river"),
        # "Chongqing" is a name; "including" leads to a phrase
        ("The government moved to Wuhan, Chongqing in 1938.", "1938",
         "The government moved to Wuhan"),
        ("About 300 people marched through the town on Friday, carrying flags.", "Friday",
         "About 300 people marched through the town"),
    ],
)  # fmt: skip
def test_participle_clauses(sentence: str, date: str, expected: str) -> None:
    assert title(sentence, date) == expected


@pytest.mark.parametrize(
    ("before", "sentence", "date", "expected"),
    [
        ("Ada Lovelace met Charles Babbage in London.", "She wrote her notes in 1843.", "1843",
         "Ada Lovelace wrote her notes"),
        ("In 1833 Ada Lovelace met Charles Babbage.", "She wrote her notes in 1843.", "1843",
         "Ada Lovelace wrote her notes"),
        ("In June, Ada Lovelace, a mathematician, met him.", "She wrote her notes in 1843.",
         "1843", "Ada Lovelace wrote her notes"),
        ("The rebel columns crossed the river.", "They took the town in May.", "May",
         "The rebel columns took the town"),
        # only a name for "he" or "she", only a plural for "they"
        ("Police arrested the man at the station.", "He fled in 2010.", "2010", "He fled"),
        ("The company cut its prices.", "They rose again in May.", "May", "They rose again"),
        # a name in the sentence itself comes first
        ("Ada Lovelace met Charles Babbage.", "When Babbage died in 1871, he was poor.", "1871",
         "Babbage died"),
    ],
)  # fmt: skip
def test_he_she_or_they_from_the_sentence_before(
    before: str, sentence: str, date: str, expected: str
) -> None:
    start = sentence.index(date)
    assert headline(sentence, start, start + len(date), before) == expected


def _titles(text: str) -> dict[str, str]:
    """Each event of a text, extracted as `timeline extract` would: its date as written and
    its title."""
    from timeline.model import Day
    from timeline.tagger import tag
    from timeline.tagger.events import build_events

    events = build_events(text, "t", tag(text, Day(2025, 3, 3)), Day(2025, 3, 3), [0])[0]
    return {e.date.text: e.title for e in events}


def _title_of(text: str, date: str) -> str | None:
    """The title of the event whose date as written is `date`, or holds it, or is held in it
    ("le 8 mars 1859" for "8 mars 1859": where a date's span begins is the tagger's to say)."""
    found = _titles(text)
    return next((t for d, t in found.items() if date in d or d in date), None)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # "he" through a sentence that opens with "he" itself, to the name the title ends in
        ("In 48 AD the emperor Decimus Varro spoke to the council. He was cheered. He "
         "raised the town to the rank of a colony in 1562.", "1562",
         "Decimus Varro raised the town to the rank of a colony"),
        # "she" inside the sentence, after its date
        ("Ada Byron met the engineer in 1833. Two years later she married a baron.",
         "Two years later", "Ada Byron married a baron"),
        # "it" passes over the person a "he" stood for, to the place
        ("Vienne is a town on the river. In 48 the emperor Decimus Varro visited it. He "
         "was cheered. In 1562 it was besieged by an army.", "1562",
         "Vienne was besieged by an army"),
        ("The factory opened in 1974. It closed in 2001.", "2001", "The factory closed"),
        # an "it" that stands for nothing stays
        ("The factory opened in 1974. It was a cold winter in 1975.", "1975",
         "It was a cold winter"),
        # when unsure, the pronoun stays: "the driver" is no name
        ("Police arrested the driver on Friday. He was released on Sunday.", "Sunday",
         "He was released"),
        # French, German: the name the sentence before opens with
        ("La Première ministre Élisabeth Borne a présenté la réforme en janvier 2023. Elle "
         "a démissionné le 8 janvier 2024.", "8 janvier 2024",
         "Élisabeth Borne a démissionné"),
        ("Angela Merkel wurde 2005 Kanzlerin, und sie war die erste Frau in dem Amt. Sie trat "
         "2021 ab.", "2021", "Angela Merkel trat ab"),
    ],
)  # fmt: skip
def test_pronouns_resolved_from_sentences_before(text: str, date: str, expected: str) -> None:
    assert _title_of(text, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # "who" after a place: the person the place belongs to, and the name that person is
        ("Jean Morel, a lawyer from Grenoble who died in 1840, founded the library.", "1840",
         "Jean Morel died"),
        ("The mayor of Lyon, who died in 1840, founded the library.", "1840",
         "The mayor of Lyon died"),
        # a slogan in quotation marks is nobody's subject
        ('In 1834 the weavers, whose motto was "Work in peace or perish", rose again.', "1834",
         "The weavers rose again"),
        ("In 1834 the weavers, whose motto was “Work in peace or perish”, rose again.", "1834",
         "The weavers rose again"),
        # a verb that says only that something happened: the "when" clause says what
        ("The breakthrough came on 20 February, when mediators invited both sides to talks.",
         "20 February", "Mediators invited both sides to talks"),
        ("The press arrived in England in 1476, when a printer set up shop.", "1476",
         "The press arrived in England"),
    ],
)  # fmt: skip
def test_the_clause_and_subject_the_date_belongs_to(
    sentence: str, date: str, expected: str
) -> None:
    assert title(sentence, date) == expected


def test_a_german_clause_of_an_adverb_and_its_date_has_no_title() -> None:
    """ "Schon im Mai.": once the date and the adverb before the verb go, nothing is left
    (this raised an IndexError)."""
    sentence = "Schon im Mai."
    assert foreign(sentence, sentence.index("Mai"), len(sentence) - 1, "de") is None


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a one-word name first in the sentence before, with an apposition after it
        ("Hannibal, the son of a general, besieged the town in 219 BC. The next year he "
         "crossed the Alps.", "The next year", "Hannibal crossed the Alps"),
        # "she" and another
        ("In 1893 Hartley published her first paper. She and Forbes travelled to Norway in "
         "1908.", "1908", "Hartley and Forbes travelled to Norway"),
        # who says the quotation the sentence before opens with
        ('"It shook for a while," said Martha Quinn, who runs a shop. She said she had felt a '
         "stronger shock in 1996.", "1996", "Martha Quinn had felt a stronger shock"),
    ],
)  # fmt: skip
def test_names_for_pronouns_in_more_shapes(text: str, date: str, expected: str) -> None:
    assert _title_of(text, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a participle that names the object is not the verb the date belongs to
        ("The Romans founded a fortress called Eboracum on the site in AD 71.", "AD 71",
         "The Romans founded a fortress called Eboracum on the site"),
        # a name in apposition stands for the description before it
        ("The operator's chief executive, Priya Natarajan, apologised on Wednesday.",
         "Wednesday", "Priya Natarajan apologised"),
        # "until 1884, when": the "when" clause is what happened then
        ("She was taught at home until 1884, when her father sent her to a school.", "1884",
         "Her father sent her to a school"),
        # a participle with its object after a fronted place is the clause's verb
        ("At Mylae in 260 BC the consul defeated the fleet, using a bridge.", "260 BC",
         "The consul defeated the fleet"),
    ],
)  # fmt: skip
def test_more_clauses_and_subjects(sentence: str, date: str, expected: str) -> None:
    assert title(sentence, date) == expected


def test_an_event_made_narrower_points_at_the_narrower_date() -> None:
    """ "Seven years later, on March 27, 1964, the quake struck": the event is on the day,
    and its source span is the day's, where the date it shows is written."""
    from timeline.model import Day
    from timeline.tagger import tag
    from timeline.tagger.events import build_events

    text = "A quake struck in 1957. Seven years later, on March 27, 1964, a tsunami hit."
    (event,) = build_events(text, "t", tag(text, Day(2025, 1, 1)), Day(2025, 1, 1), [0])[0][1:]
    assert event.title == "A tsunami hit"
    assert text[event.refs[0].start : event.refs[0].end] == "March 27, 1964"


def test_two_dates_either_side_of_a_french_or_spanish_clause_are_two_events() -> None:
    assert _titles("La fábrica, que abrió en 1974, cerrará en marzo.") == {
        "1974": "La fábrica abrió",
        "marzo": "La fábrica cerrará",
    }


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("- [ ] Book the engineer for 3 June 2024\n", "3 June 2024"),
        ("Posted by the Friends of the Canal on 12 May 2024\n\nThe canal opened in 1797.",
         "12 May 2024"),
        ("Last updated: 14 May 2024\n\nThe canal opened in 1797.", "14 May 2024"),
        ("Mis à jour le 10 septembre 2024\n\nLe canal a ouvert en 1797.", "10 septembre 2024"),
        ("© 2023 The Canal Trust. All rights reserved.", "2023"),
        ("Copyright 2021 The Canal Trust.", "2021"),
        ("A woman in her forties was hurt when the canal wall fell.", "forties"),
        ("Margaret Hale met the engineer in 1980. She was 45 in 1988.", "1988"),
        ("Sales fell 4 percent compared with 2023.", "2023"),
        ("Exports rose 3 percent in May from April.", "April"),
        ("The population has grown by 10% since 2001.", "2001"),
        ("The river reached its highest level since 1501 on Monday.", "1501"),
        ("The runway will stay closed until noon on Tuesday.", "noon"),
        ("Die Schulen bleiben bis Mittwoch geschlossen.", "Mittwoch"),
        ("Las ventas cayeron un 40 % menos que el año anterior.", "el año anterior"),
    ],
)  # fmt: skip
def test_dates_that_mark_no_happening_make_no_event(text: str, date: str) -> None:
    assert _title_of(text, date) is None


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("The cathedral was not finished until 1880.", "1880", "The cathedral was not finished"),
        ("She was taught at home until 1884, when her father sent her to a school.", "1884",
         "Her father sent her to a school"),
        ("He has lived in Paris since 2001.", "2001", "He has lived in Paris"),
        ("- [x] Wrote to the archive on 2 April 2024\n", "2 April 2024",
         "[x] Wrote to the archive"),
    ],
)  # fmt: skip
def test_dates_that_look_like_those_but_mark_a_happening(
    text: str, date: str, expected: str
) -> None:
    assert _title_of(text, date) == expected


def test_a_book_published_in_a_year_is_no_stamp() -> None:
    assert _title_of("Published in 1859, the book sold out in a day.", "1859") is not None


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # German: the pronoun after its verb, a fronted phrase before it
        ("Greta Lind wuchs in Kiel auf, und sie war die Tochter eines Fischers. Nach der Schule "
         "begann sie 1946 eine Lehre bei der Zeitung.", "1946",
         "Greta Lind begann eine Lehre bei der Zeitung"),
        # French: a one-word name after a subordinate clause, past a sentence with none
        ("Quand le jeune Perrin découvre le procédé en 1856, Moreau reprend ses recherches. "
         "Pendant trois ans, il travaille seul. Il dépose un brevet le 8 mars 1859.", "8 mars 1859",
         "Moreau dépose un brevet"),
        # ... but a sentence that opens with a noun may be what "elle" stands for: unsure
        ("Le maire Paul Roux a parlé. Le groupe a déposé une motion de censure. Elle sera "
         "examinée le lundi 20 mars.", "lundi 20 mars", "Elle sera examinée"),
        # Spanish: the subject left out is the name before
        ("Carmen Ruiz Peña estudió en Madrid y fue la única mujer de su curso. Se licenció en "
         "1956 con el número uno de su promoción.", "1956", "Carmen Ruiz Peña se licenció"),
    ],
)  # fmt: skip
def test_french_german_spanish_pronouns_and_left_out_subjects(
    text: str, date: str, expected: str
) -> None:
    assert (_title_of(text, date) or "").startswith(expected)


def test_a_participle_before_its_date_and_the_clause_verb_is_passive() -> None:
    """ "the pay offer made in January was an insult": the offer was made then."""
    sentence = "Its secretary told reporters that the pay offer made in January was an insult."
    assert title(sentence, "January") == "The pay offer was made"


def test_a_name_after_a_preposition_is_no_subject_for_a_left_out_one() -> None:
    """ "Se casó en 1966 con el arquitecto Luis Meana": Luis Meana is whom she married, not
    who left out the subject of the next sentence."""
    text = (
        "Carmen Ruiz Peña estudió en Madrid y fue la única mujer de su curso. Se casó en 1966 "
        "con el arquitecto Luis Meana. Recibió la Gran Cruz en 2003 por su carrera."
    )
    assert (_title_of(text, "2003") or "").startswith("Carmen Ruiz Peña recibió")


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # "comme" and one word is a phrase of the clause before, not a clause; the "qui" of
        # "les cours de Gay-Lussac" is Gay-Lussac
        ("Il y suit les cours de Gay-Lussac, qui le prend comme préparateur deux ans plus tard.",
         "deux ans plus tard", "Gay-Lussac le prend comme préparateur"),
    ],
)  # fmt: skip
def test_french_clauses_and_relative_antecedents(sentence: str, date: str, expected: str) -> None:
    start = sentence.index(date)
    assert foreign(sentence, start, start + len(date), "fr") == expected


def test_a_sentence_opening_with_a_pronoun_names_no_one() -> None:
    """ "Sie übernahm 1970 die Leitung": "Sie" is no name for the "sie" after it."""
    text = (
        "Greta Lind wuchs in Kiel auf, und sie war die Tochter eines Fischers. Sie übernahm "
        "1970 die Leitung der Zeitung. Sie verkaufte das Blatt im Jahr 1994 an eine Gruppe."
    )
    assert (_title_of(text, "1994") or "").startswith("Greta Lind verkaufte das Blatt")


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # "als erste Frau" is "as", not "when"; cut, the clause keeps its final verb
        ("1976 wurde sie als erste Frau in den Vorstand des Verbands der Region gewählt.",
         "1976", "Sie wurde als erste Frau in den Vorstand gewählt"),
        ("Der Verein wurde am 12. April 1899 im Gasthaus „Zum Anker“ von vierzehn Bürgern "
         "gegründet.", "12. April 1899", "Der Verein wurde im Gasthaus „Zum Anker“ gegründet"),
        ("Als die Mauer am 9. November 1989 fiel, feierten die Berliner.", "9. November 1989",
         "Die Mauer fiel"),
    ],
)  # fmt: skip
def test_german_clauses_keep_their_verb(sentence: str, date: str, expected: str) -> None:
    start = sentence.index(date)
    assert foreign(sentence, start, start + len(date), "de") == expected
