"""The words the English title reader (`titles.py`) knows: an own lexicon of auxiliaries,
irregular past forms, verbs of saying, determiners, openers of clauses and phrases, and the
words a title may not end on. Data only, with the two word tests that use nothing else."""

from __future__ import annotations

_AUX = frozenset(
    "is are was were be been being has have had do does did will would shall should can could "
    "may might must".split()
)
# Past tenses and participles that do not end in "-ed" (an own list, for finding verbs).
_IRREGULAR = frozenset(
    """arose awoke bore born beat beaten became begun began bent bit bitten bled blew blown
    broke broken brought built burnt burst bought caught chose chosen clung came crept cut
    dealt dug done drew drawn drank drunk drove driven ate eaten fell fallen fed fought found
    fled flung flew flown forbade forgot forgotten forgave forgiven froze frozen got gotten
    gave given went gone grew grown hung heard hid hidden hit held hurt kept knelt knew known
    laid led leapt left lent let lost made meant met paid put quit rode ridden rang rung rose
    risen ran said saw seen sought sold sent set shook shaken shone shot shown shut sang sung
    sank sunk sat slept slid spoke spoken sped spent spun spread sprang stood stole stolen
    stuck stung struck swore sworn swept swam swum swung took taken taught tore torn told
    thought threw thrown understood woke woken wore worn won wrote written withdrew withdrawn
    overthrew overthrown undertook undertaken shrank shrunk arisen befell beheld bound bade
    forsook foretold mistook misled mislaid overcame overtook oversaw outgrew outran rebuilt
    retook underwent upheld withheld withstood slain sown sewn shorn spat sprung strung
    slung stunk strode trod trodden wept wrung leant""".split()
)
# Present forms worth knowing: verbs of saying and thinking that introduce a reported clause,
# and a few others that head sentences of record.
_PRESENT = frozenset(
    """say says believe believes agree agrees claim claims deny denies insist insists
    remember remembers demand demands know knows think thinks argue argues show shows
    remain remains date dates admit admits recall recalls suggest suggests""".split()
)
_SAYING = frozenset(
    """said say says told pointed announced reported claimed claim claims maintained insisted
    insists admitted admits confirmed denied denies warned argued argues wrote revealed promised
    believed believe believes stated declared added noted explained acknowledged estimated
    predicted assured ruled learned learnt heard concluded disclosed indicated feared hoped
    stressed reiterated conceded alleged contended complained testified recalled""".split()
)
# "-ed" words that are not verbs.
_NOT_ED = frozenset(
    """hundred sacred naked wicked beloved kindred hatred indeed united aged shed sled need
    speed seed feed creed breed steed greed deed tweed heed weed bleed proceed succeed
    exceed""".split()
)
_DETERMINERS = frozenset(
    """a an the this these those its his her their our my your some any no every each very
    more most well so newly several many few""".split()
)
_ADVERBS = frozenset(
    "not never still already also first just now long only then later even once again "
    "soon ever since".split()
)
_MODALS = frozenset("will would shall should can could may might must do does did".split())
# Adverbs between a modal and its verb: "would not go", "could also face".
_NOT_BASE = frozenset("not n't also still never already just only even soon again then".split())
_ORDINALS = frozenset("first second third last next only same newly".split())
_VERB_WORDS = _AUX | _IRREGULAR | _PRESENT
_KEPT_ADVERBS = frozenset("not never still".split())
_RELATIVE = frozenset("who which whom whose".split())
_SUBORDINATORS = frozenset(
    "when whenever while because although though whereas unless if where".split()
)
# Prepositions that open a clause when a verb follows: "after its owner went bankrupt".
_MAYBE_SUBORDINATORS = frozenset("after before since until till as once".split())
_COORDINATORS = frozenset("and but or yet".split())
_OPENERS = _COORDINATORS | _MAYBE_SUBORDINATORS
# Words that lead to a date and go with it: "in", "as late as", "shortly after midnight on".
_PARTS_OF_DAY = frozenset("night morning evening afternoon dawn".split())
_DATE_LEAD = frozenset(
    """on in at by since during from until till around about before after as of late early
    recently only even back shortly midnight noon dawn night morning evening afternoon
    throughout between""".split()
)
# An object ends where an adverbial of time or cause begins.
_OBJECT_END = frozenset(
    """after before because despite during following amid within since until till while
    when as ago whereas although though""".split()
)
# A title cannot end on these.
_DANGLING = frozenset(
    """of the a an to in on at by for from with and or but that which who whom whose as
    into onto its his her their our this these those than shortly along amid between among
    against toward towards without within despite via behind beyond during since until
    upon including next""".split()
)
_PHRASE_START = frozenset(
    """of in on at by for from with to into onto and or under over through across along amid
    de du des à au aux dans sur pour par avec sans que von vom zu zum zur mit für nach bei
    aus durch und del en con sin para por sobre tras y""".split()
)
# What follows a modal without being its verb: "did so", "could the council", "would
# against".
_NOT_VERB = _DETERMINERS | _PHRASE_START | frozenset("so too the i you he she it we they".split())


def _particle(word: str, following: str) -> bool:
    """Whether `word` is the particle of a name ("de Gaulle", "von Braun"), not a preposition."""
    return word in _PARTICLES and following.istitle()


_PARTICLES = frozenset("de von van da di du del al bin".split())


def _is_ly(low: str) -> bool:
    return len(low) > 5 and low.endswith("ly") and low not in _LY_WORDS


# "-ly" words that are nouns or adjectives: "a small weekly published".
_LY_WORDS = frozenset(
    """family supply italy weekly daily monthly quarterly yearly hourly nightly assembly
    anomaly monopoly homily elderly friendly lonely lovely costly deadly orderly""".split()
)


# -ing forms whose past is not -ed, for participle clauses.
_PAST_OF_ING = dict(
    pair.split(":")
    for pair in """making:made taking:took giving:gave bringing:brought leaving:left
    winning:won beginning:began sending:sent holding:held building:built fighting:fought
    meeting:met seeking:sought leading:led putting:put setting:set cutting:cut hitting:hit
    running:ran getting:got keeping:kept losing:lost paying:paid saying:said selling:sold
    telling:told thinking:thought buying:bought catching:caught teaching:taught
    spending:spent standing:stood striking:struck driving:drove riding:rode rising:rose
    falling:fell finding:found throwing:threw drawing:drew growing:grew knowing:knew
    flying:flew writing:wrote speaking:spoke breaking:broke choosing:chose stealing:stole
    wearing:wore sinking:sank swimming:swam feeding:fed feeling:felt sleeping:slept
    lending:lent shooting:shot hiding:hid sitting:sat letting:let shutting:shut
    spreading:spread overrunning:overran withdrawing:withdrew becoming:became coming:came
    going:went doing:did seeing:saw eating:ate lying:lay dying:died tying:tied
    forgiving:forgave undertaking:undertook overcoming:overcame""".split()
)
# -ing words after a comma that lead to a phrase, not a clause of their own.
_ING_NOT_VERB = frozenset(
    """including according following regarding concerning excluding during notwithstanding
    pending beginning starting ending nothing something anything everything morning evening
    during bring thing king ring string spring""".split()
)


_OPENING = frozenset("\"“‘'")
_CLOSING = frozenset("\"”’'")


_QUANTITIES = frozenset(
    """percent per cent thousands hundreds millions dozens tens most many some all none one two
    three half majority minority part rest number""".split()
)
_BE = frozenset("is are was were be been being".split())
_OWN_PHRASE = frozenset("of in at for from with on".split())


_PRONOUNS = frozenset("i you he she it we they this that there who which".split())


_LOWERED = _DETERMINERS | frozenset(
    """another one two three many most all both several few it he she they we there
    such other""".split()
)
