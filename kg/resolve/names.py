"""Cleaning entity mentions: quotes, determiners, possessives, titles; and the
kind of an organisation from its name.

>>> clean_mention("the Russian Foreign Ministry")
'Russian Foreign Ministry'
>>> clean_mention("Alexey Navalny\u2019s")
'Alexey Navalny'
>>> strip_titles("Russian President Vladimir Putin")
'Vladimir Putin'
>>> strip_titles("Mr Putin")
'Putin'
>>> organization_type("Russian Foreign Ministry"), organization_type("Sky News")
('GovernmentBody', 'MediaOrganization')
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "LONE_TITLES",
    "PRONOUNS",
    "TITLE_WORDS",
    "clean_mention",
    "is_name_letter",
    "is_plausible_name",
    "is_plausible_person",
    "organization_type",
    "strip_titles",
]

#: Words that never name an entity on their own.
PRONOUNS = frozenset({
    "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him",
    "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "this",
    "that", "these", "those", "who", "whom", "which", "what", "one", "ones", "someone",
    "somebody", "everyone", "everybody", "anyone", "nobody", "none", "each other",
    "one another", "itself", "himself", "herself", "themselves", "ourselves", "myself",
    "yourself", "there", "here", "all", "both", "some", "many", "most", "others", "other",
})

#: Words of a title before a person's name; stripped ("Deputy Foreign Minister X").
#: Titles that are part of how a person is named (King, Pope, Prince) are kept.
TITLE_WORDS = frozenset({
    "president", "vice", "prime", "minister", "ministers", "mr", "mrs", "ms", "miss", "dr",
    "sir", "dame", "general", "gen", "colonel", "col", "captain", "capt", "sergeant",
    "lieutenant", "lt", "admiral", "adm", "major", "maj", "commander", "chancellor",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor",
    "gov", "mayor", "judge", "justice", "secretary", "foreign", "defence", "defense",
    "deputy", "chief", "premier", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "presidential", "aide", "adviser", "advisor", "leader", "chairman",
    "chairwoman", "chair", "ceo", "director", "head", "officer", "professor", "prof",
    "rev", "reverend", "state", "interior", "finance", "home", "economy", "trade", "health",
    "energy", "security", "national", "attorney", "speaker", "mp", "mep", "blogger",
    "opposition", "activist", "former", "late", "acting", "then", "first", "coach",
    "manager", "striker", "midfielder", "defender", "goalkeeper", "correspondent", "editor",
    "reporter", "journalist", "analyst", "economist", "author", "singer", "actor", "actress",
    "star", "champion", "detective", "inspector", "superintendent", "constable", "private",
    "corporal", "marshal", "field", "air", "conductor", "composer", "producer", "presenter",
    "host", "comedian", "musician", "pianist", "guitarist", "drummer", "rapper", "artist",
    "designer", "novelist", "poet", "writer", "playwright", "photographer", "chef", "model",
    "bishop", "archbishop", "lawyer", "barrister", "solicitor", "nurse", "surgeon",
    "scientist", "researcher", "investor", "banker", "businessman", "businesswoman",
    "tycoon", "billionaire", "entrepreneur", "cfo", "coo", "winger", "keeper", "skipper",
    "player", "athlete", "sprinter", "runner", "swimmer", "cyclist", "boxer", "golfer",
    "jockey", "batsman", "bowler", "prop", "fly-half", "scrum-half", "hooker", "tory",
    "labour", "conservative", "liberal", "democrat", "republican", "veteran", "legend",
    "actor-director", "film-maker", "filmmaker", "tv", "chat-show", "talk-show",
    "dj", "comic", "mogul", "goalscorer", "beatle",
    # (kept one token by the tokenizer: kg.nlp.HYPHENED_WORDS)
    "co-star", "co-chairman", "co-chairwoman", "co-chair", "co-founder", "co-producer",
    "co-host", "co-owner", "co-writer", "co-director", "co-ordinator", "co-author",
    "vice-president", "secretary-general", "director-general", "commander-in-chief",
    "foreign-minister", "chief-executive", "executive", "founder", "owner", "boss",
    "counterpart", "colleague", "ex", "ex-president", "ex-prime", "incumbent", "new",
    "us", "u.s.", "uk", "eu", "un", "nato", "kremlin", "white", "house", "commissioner",
    "strategist", "student", "vicar", "priest", "peer", "campaigner", "consultant",
    "pollster", "candidate", "councillor", "official", "negotiator", "lecturer",
    "teacher", "doctor", "architect", "engineer", "lobbyist", "diplomat", "supremo",
    "organiser", "commentator", "columnist", "historian", "academic", "pundit",
    "broadcaster", "qc", "trainee", "referee", "umpire", "midfield", "magistrate", "coroner",
    "sheriff", "prosecutor", "comptroller",
})

#: Title words that, alone, are no name ("President" said...).
LONE_TITLES = frozenset({
    "president", "minister", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "general",
    "colonel", "captain", "sergeant", "lieutenant", "admiral", "commander", "chancellor",
    "senator", "governor", "mayor", "judge", "justice", "secretary", "premier", "ambassador",
    "envoy", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
    "leader", "chairman", "chairwoman", "chair", "director", "head", "officer", "professor",
    "prime", "deputy", "chief", "king", "queen", "prince", "princess", "pope", "lord", "lady",
    "mp", "mep", "coach", "manager", "commissioner", "constable", "baroness", "baron",
    "bishop", "archbishop", "cardinal", "rabbi", "imam", "vicar",
})

_LEADING_DETERMINERS = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019\u02bc]s|s['\u2019\u02bc])$")
_EDGE_JUNK = (
    " \t\r\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{}<>,.;:!?\u203a\u2039*-\u2013\u2014/\\|"
)


_SPACES = re.compile(r"\s+")
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)?$")
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]{2,}|[A-Z]\d|\d[A-Z]")
#: A full stop after a word and a capital after it: two sentences in one span
#: ("Miami Vice. Scrubs"), unless the word is an abbreviation ("St. Louis").
_SENTENCE_BREAK = re.compile(r"\b([A-Za-z]*[a-z]{2,})\. [A-Z]")
_ABBREVIATIONS = frozenset({"inc", "corp", "ltd", "bros", "capt", "gen", "col", "rev",
                            "prof", "sen", "gov", "ave", "jr", "sr", "mt", "st", "dr",
                            "co", "no", "vol", "dept", "univ", "assn", "intl"})
#: Lower-case words that are part of people's names ("Ludwig van Beethoven",
#: "Prince of Wales"); any other lower-case word is not ("Anthony became Lopez").
NAME_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "du", "del", "della",
                            "der", "den", "van", "von", "le", "la", "bin", "ibn", "al",
                            "el", "y", "e", "ben", "ter", "te", "zu", "of", "the", "st",
                            "dei", "des", "ap", "ul", "bint", "abu", "mac"})


@lru_cache(maxsize=1 << 15)
def clean_mention(text: str) -> str:
    """Trim quotes, brackets and punctuation, a leading article and a possessive.

    >>> clean_mention("\u201cthe Kremlin's")
    'Kremlin'
    >>> clean_mention("\u203a Subscribe")
    'Subscribe'
    >>> clean_mention("the Royal National Institute for Deaf People (RNID")
    'Royal National Institute for Deaf People'
    >>> clean_mention("Nasa) Ames Research Center")
    'Ames Research Center'
    """
    text = _SPACES.sub(" ", text).strip(_EDGE_JUNK)
    close = text.find(")")
    if 0 < close < len(text) - 1 and "(" not in text[:close]:
        text = text[close + 1 :].strip(_EDGE_JUNK)  # a bracket opened before: "(Nasa) Ames"
    # a trailing parenthesis, closed or not: "Royal National Institute (RNID"
    text = _TRAILING_BRACKET.sub("", text) if not text.startswith("(") else text
    text = _LEADING_DETERMINERS.sub("", text)
    if _POSSESSIVE.search(text):
        text = text[:-2] if not text.endswith(("s'", "s\u2019", "s\u02bc")) else text[:-1]
    return text.strip(_EDGE_JUNK)


def strip_titles(name: str, *, demonyms: frozenset[str] | None = None) -> str:
    """Drop leading title words and nationality adjectives (``demonyms``, case-folded;
    by default the gazetteer's) from a person's name, keeping at least one word.

    >>> strip_titles("Deputy Foreign Minister Sergey Ryabkov")
    'Sergey Ryabkov'
    >>> strip_titles("Russian presidential spokesman Dmitry Peskov")
    'Dmitry Peskov'
    >>> strip_titles("President")
    'President'
    >>> strip_titles("Singers Jennifer Lopez")
    'Jennifer Lopez'
    >>> strip_titles("Teenager Andy Murray")
    'Andy Murray'
    """
    if demonyms is None:
        demonyms = _default_demonyms()
    words = name.split()
    while len(words) > 1:
        word = words[0].casefold().rstrip(".")
        if word in TITLE_WORDS or word in demonyms or word in _DESCRIBING_NOUNS or (
                len(words) > 2 and word.endswith("s") and word[:-1] in TITLE_WORDS):
            words.pop(0)  # (a plural title: "Singers Jennifer Lopez and ...")
        else:
            break
    return " ".join(words)


#: Nouns that describe a person before the name, no title ("Teenager Andy Murray",
#: "Newcomer Ciara"): stripped from the name, no post.
_DESCRIBING_NOUNS = frozenset({"teenager", "teen", "newcomer", "youngster", "rookie",
                               "debutant", "schoolboy", "schoolgirl"})


@lru_cache(maxsize=1)
def _default_demonyms() -> frozenset[str]:
    from kg.resolve.gazetteer import default_gazetteer

    return default_gazetteer().demonym_words


#: Common nouns that name nothing alone, though news write them capitalised as the
#: last or only word left of a longer name ("technology correspondent for The World",
#: "director of the Committee", "won the Cup four times", "the Criminal Justice Bill").
_GENERIC_NAMES = frozenset({
    "world", "committee", "group", "charter", "bill", "cup", "club", "league",
    "association", "society", "council", "department", "ministry", "agency", "company",
    "firm", "board", "party", "channel",
    "grand slams"})  # (a kind of tournament: "to win three Grand Slams in one season")
#: Words a name does not end with: a name cut short ("World Player of").
_DANGLING = frozenset({"of", "and", "for", "the", "&", "in", "at", "on", "to"})


def is_name_letter(text: str) -> bool:
    """Whether a word is a capital letter that may open a name ("X Files", "T Rex"),
    which the tagger takes for a common noun; not "A" or "I".

    >>> is_name_letter("X"), is_name_letter("A"), is_name_letter("x")
    (True, False, False)
    """
    return len(text) == 1 and text.isupper() and text not in {"A", "I"}


@lru_cache(maxsize=1 << 15)
def is_plausible_name(text: str) -> bool:
    """Whether a cleaned mention can name an entity: it has a letter, starts with a
    capital or a digit, is no pronoun, no lone title word and not too long.

    >>> [is_plausible_name(t) for t in ("Putin", "n\u2019t", "he", "President", "G7", "")]
    [True, False, False, False, True, False]
    >>> is_plausible_name("Miami Vice. Scrubs"), is_plausible_name("St. Louis Cardinals")
    (False, True)
    >>> is_plausible_name("World Player of")
    False
    >>> is_plausible_name("World"), is_plausible_name("Cup"), is_plausible_name("FA Cup")
    (False, False, True)
    """
    if not text or len(text) > 80 or len(text.split()) > 10:
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if text.casefold() in PRONOUNS:
        return False
    if text.casefold().rstrip(".") in LONE_TITLES and " " not in text:
        return False
    if text.casefold() in _GENERIC_NAMES:
        return False  # "The World" (a programme), "the Committee", "the Cup": a name cut
        # to its head noun, which names nothing alone
    first = text[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if " " in text and text.rsplit(" ", 1)[1] in _DANGLING:
        return False  # a name cut before its end: "World Player of" (the Year)
    for match in _SENTENCE_BREAK.finditer(text):
        if match.group(1).casefold() not in _ABBREVIATIONS:
            return False
    return bool(_LETTERS.search(text))


def is_plausible_person(name: str) -> bool:
    """Whether a person's name (titles stripped) can be one: a plausible name whose
    lower-case words are all particles of names.

    >>> [is_plausible_person(t) for t in ("Ludwig van Beethoven", "Anthony became Lopez",
    ...                                   "Shakespearean performer", "Blu-ray")]
    [True, False, False, False]
    """
    if not is_plausible_name(name):
        return False
    return all(word.casefold() in NAME_PARTICLES
               for part in name.split() for word in part.split("-")
               if word[:1].islower())


_GOVERNMENT = re.compile(
    r"\b(ministry|ministries|government|parliament|senate|congress|department|embassy|"
    r"duma|cabinet|police|prosecutor|prosecutors|presidency|kremlin|white house|"
    r"(?:supreme|high|constitutional|crown|appeals?|district|federal|criminal|county) courts?|"
    r"court of|council of ministers|administration|intelligence|agency|office|"
    r"commission|committee|assembly|legislature|bureau|treasury|central bank)\b",
    re.IGNORECASE,
)
_ARMED = re.compile(
    r"\b(army|navy|air force|armed forces|military|marines|marine corps|troops|"
    r"national guard|guards|militia|brigade|regiment|division|fleet)\b",
    re.IGNORECASE,
)
_MEDIA = re.compile(
    r"\b(news|times|post|herald|tribune|journal|tv|television|radio|broadcasting|"
    r"gazette|daily|telegraph|mail|observer|express|press|newspaper|magazine|"
    r"news agency|channel \d+)\b",
    re.IGNORECASE,
)
_COMPANY = re.compile(
    r"\b(inc|ltd|plc|corp|corporation|co|company|llc|ag|sa|gmbh|holdings|group|"
    r"airlines|airways|motors|bank|energy|oil|gas|technologies|systems|industries|"
    r"pharmaceuticals|telecom|enterprises)\b\.?$",
    re.IGNORECASE,
)
_LAW = re.compile(
    r"\b(treaty|convention|charter|protocol|accord|accords|act|bill|constitution|"
    r"directive|resolution)\b",
    re.IGNORECASE,
)
_PARTY = re.compile(r"\b(party|front|movement)\b|\b(Conservatives|Tories|Liberal Democrats|"
                    r"Lib Dems|Republicans|Democrats|Greens|Socialists|Nationalists)$",
                    re.IGNORECASE)
_INTERNATIONAL = re.compile(
    r"\b(united nations|international|european union|alliance|league of|organi[sz]ation of)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 15)
def organization_type(name: str) -> str:
    """The ontology class of an organisation that the gazetteer does not know,
    guessed from its name (so that one name always gets one type).

    >>> organization_type("Russian prosecutor's office")
    'GovernmentBody'
    >>> organization_type("Acme Holdings"), organization_type("Labour Party")
    ('Company', 'PoliticalParty')
    >>> organization_type("Charite"), organization_type("Treaty of Lisbon")
    ('Organization', 'Law')
    >>> organization_type("Aldridge Brownhills Conservatives")  # a local party
    'PoliticalParty'
    """
    if _LAW.search(name):
        return "Law"
    if _PARTY.search(name):
        return "PoliticalParty"
    if _ARMED.search(name):
        return "ArmedForce"
    if _MEDIA.search(name):
        return "MediaOrganization"
    if _COMPANY.search(name):
        return "Company"
    if _INTERNATIONAL.search(name):
        return "InternationalOrganization"
    if _GOVERNMENT.search(name):
        return "GovernmentBody"
    return "Organization"
