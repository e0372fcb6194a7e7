"""What the resolver knows about one document, and the name rules it shares.

:class:`DocumentIndex` reads a parsed document once: its token table, its named
entities, the acronyms it defines ("Parliamentary Labour Party (PLP)"), the people
it names in full (so that "Putin" is "Vladimir Putin"), and the names it says the
kind of ("carmaker Maruti"). The constants below say how names are read: which
words are honorifics, which last words make a "person" a club or a facility, which
NER labels become which ontology classes.

>>> list(_acronym_definitions("The Bank of England (BoE) and the (EU)"))
[('The Bank of England', 0, 'BoE')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from kg.extract.quotes import quotation_marks
from kg.nlp.tokens import DocTokens
from kg.resolve import nominal, roles
from kg.resolve.coref import Groups, People
from kg.resolve.crossdoc import document_scope
from kg.resolve.gazetteer import Gazetteer, club_nicknames, given_names, normalize
from kg.resolve.mentions import Mention as _Mention
from kg.resolve.mentions import entry_mention as _entry_mention
from kg.resolve.names import (
    LONE_TITLES,
    NAME_PARTICLES,
    TITLE_WORDS,
    clean_mention,
    is_name_letter,
    is_plausible_person,
    organization_type,
    strip_titles,
)
from kg.resolve.tokens import TokenTable
from kg.resolve.values import DATE_LABELS, VALUE_LABELS
from kg.types import Value

#: NER label → (ontology class, key prefix) for entities the gazetteer does not know.
LABEL_TYPES: dict[str, tuple[str, str]] = {
    "PERSON": ("Person", "person"),
    "GPE": ("Place", "place"),
    "LOC": ("Place", "place"),
    "FAC": ("Facility", "facility"),
    "NORP": ("Group", "group"),
    "EVENT": ("Event", "event"),
    "PRODUCT": ("Product", "product"),
    "WORK_OF_ART": ("Work", "work"),
    "LAW": ("Law", "law"),
    "LANGUAGE": ("Language", "language"),
}
#: Lower-case words inside a surname that the tagger leaves out of the name
#: ("Sandra den Hamer", "Rafael van der Vaart").
_SURNAME_PARTICLES = frozenset({"van", "von", "de", "den", "der", "da", "di", "du", "del",
                                "della", "ter", "ten", "dos", "das", "le", "la"})
#: Words after a surname that are no part of it ("Harry Connick Jr").
_NAME_SUFFIXES = roles.POSTNOMINALS | {"Jr", "Sr", "Jnr", "Snr", "II", "III", "IV"}
#: Head nouns that stand for a country's government ("the German government").
GOVERNMENT_NOUNS = frozenset({"government", "authorities", "authority", "administration",
                              "regime", "leadership", "cabinet"})
_PLACE_KINDS = frozenset({"country", "city"})
#: NER labels of values (dates, amounts, numbers): no names.
_VALUE_LABELS = DATE_LABELS | VALUE_LABELS
_DIGIT = re.compile(r"\d")
#: "BBC One's Breakfast with Frost": an owner's possessive, then the work's name.
_OWNED_WORK = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w ]*?)['\u2019]s\s+(.+)$")
_WORK_SUFFIX = re.compile(r"\s+(?:programme|program|show|series|bulletin|column)$")
#: Last words of a programme's name that no person's name ends with ("the BBC's
#: Westminster Hour", tagged a person; "Question Time", "the Politics Show").
_PROGRAMME_ENDINGS = frozenset({"hour", "show", "programme", "time", "tonight", "today",
                                "live", "report", "week", "news", "night", "magazine"})


def programme_named(text: str) -> bool:
    """Whether a name ends with a word of programmes' names, not of people's.

    >>> programme_named("Westminster Hour"), programme_named("Sarah Rainsford")
    (True, False)
    """
    return text.rsplit(None, 1)[-1].casefold() in _PROGRAMME_ENDINGS if text.strip() else False
_WORK_CONNECTORS = frozenset({"with", "of", "the", "and", "on", "in", "at", "for", "a"})
_TRAILING_NUMBER = re.compile(r"(.+?)\s+\d{1,3}(?:\s*\+\s*\d{1,2})?$")  # "Dyer 69", "Ba 90+2"
#: "Parliamentary Labour Party (PLP)": an acronym in brackets, then the long name
#: that ends just before it. Words and their number are bounded, so the search for
#: the name stays linear however long a run of letters is.
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,9})\)")
_SPACES = re.compile(r"\s+")
#: Titles that go with a first name alone ("Sir Alan", "Dame Judi").
_KNIGHTED = frozenset({"Sir", "Dame"})
#: A dash between spaces: what follows it is no part of a name.
_DASHED = re.compile(r"\s+[-\u2013\u2014]+\s+")
_LONG_NAME_BEFORE = re.compile(
    r"\b[A-Z][\w'\u2019&.-]{0,40}"
    r"(?:\s+(?:of|for|the|and|on|in|de|du|[A-Z][\w'\u2019&.-]{0,40})){0,12}$"
)


def _acronym_definitions(text: str) -> Iterator[tuple[str, int, str]]:
    """``(long name, its offset, acronym)`` for each "Long Name (LN)" in ``text``.

    >>> list(_acronym_definitions("The Bank of England (BoE) and the (EU)"))
    [('The Bank of England', 0, 'BoE')]
    """
    for bracket in _ACRONYM_IN_BRACKETS.finditer(text):
        end = bracket.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == bracket.start():
            continue  # "(LN)" must follow the name after white space
        name = _LONG_NAME_BEFORE.search(text, max(0, end - 600), end)
        if name is not None:
            yield name.group(), name.start(), bracket.group(1)


#: Endings of demonyms that name a whole people ("Russians", "Chinese", "British").
_PEOPLE_DEMONYM_ENDINGS = ("s", "ese", "ish", "ch", "sh", "ss")
#: Where a double quote mark may start (straight, curly, or PTB's `` and '').
_QUOTE_MARK = re.compile("[\"\u201c\u201d]|``|''")
#: Last words of sports clubs' names after a city ("Manchester United", "Bristol Rovers").
_CLUB_WORDS = frozenset({"united", "city", "rovers", "athletic", "wanderers", "albion",
                         "villa", "county", "town", "fc", "hotspur", "rangers", "celtic",
                         "wednesday", "forest", "argyle", "dynamo", "sporting"})
#: Last words of names that the tagger takes for people's but are places or bodies.
#: (Not "Hall", "Church", "Castle", "Park", "House": surnames too.)
_FACILITY_HEADS = frozenset({"centre", "center", "museum", "theatre", "theater", "stadium",
                             "arena", "hospital", "street", "road", "square", "airport",
                             "station", "cathedral", "palace", "gallery", "building"})
_ORGANIZATION_HEADS = frozenset({"university", "college", "school", "institute", "lab",
                                 "laboratory", "laboratories", "wireless", "group", "inc",
                                 "ltd", "plc", "corp", "corporation", "company", "foundation",
                                 "association", "society", "trust", "council", "committee",
                                 "agency", "ministry", "party", "union", "league", "club",
                                 "fc", "records", "studios", "pictures", "films", "bank"})
#: Organisation kinds that a name's words make sure of, whatever its NER label.
_NAMED_BODIES = frozenset({"GovernmentBody", "InternationalOrganization", "PoliticalParty",
                           "ArmedForce", "MediaOrganization"})
#: Currencies and units: "40 million euros" is an amount even when only "40 million"
#: was tagged.
_UNITS = frozenset({
    "euro", "euros", "dollar", "pound", "yen", "rouble", "ruble", "yuan", "franc", "rupee",
    "peso", "won", "pence", "cent", "barrel", "tonne", "ton", "kilometre", "kilometer", "mile",
    "metre", "meter", "kilogram", "percent", "gigawatt", "megawatt", "acre", "hectare",
})
#: Lower-case words inside a name ("Treaty of Lisbon", "Bank of England").
_NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "del", "da", "van",
                              "von", "on"})
#: Words before a name that make it a person's.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mme", "m",
                         "lord", "lady", "baroness", "baron", "prof", "professor", "rev"})


def _at_word_start(words: Sequence[str]) -> str:
    """A regex matching any of ``words`` (each starting with a letter) where a word
    starts: ``\\b(?:Mr|Mrs|Dr)`` written as ``(?:M(?<!\\w.)(?:r|rs)|D(?<!\\w.)(?:r))``,
    which the regex engine finds by first letter instead of trying ``\\b`` at
    every offset (alternatives sharing a first letter keep their order).

    >>> re.findall(_at_word_start(["Mr", "Mrs", "Dr"]) + " (.)", "Mrs X, Dr Y, AMr Z")
    ['X', 'Y']
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{re.escape(first)}(?<!\\w.)(?:{'|'.join(tails)})"
                            for first, tails in rests.items()) + ")"


#: A name after one of these ("Mr Blair", "Mrs May"): its last word is a surname.
_HONORIFIC_SURNAME = re.compile(
    _at_word_start(["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness",
                    "Prof"]) + r"\.?\s+([A-Z][\w'\u2019-]+)")
#: Title words that also modify other nouns ("Home Office", "National Trust"): not a
#: sign that a person's name follows.
_MODIFIER_TITLES = frozenset({
    "state", "home", "national", "security", "white", "house", "us", "u.s.", "uk", "eu", "un",
    "nato", "kremlin", "foreign", "defence", "defense", "interior", "finance", "economy",
    "trade", "health", "energy", "first", "new", "field", "air", "private", "major",
    "general", "labour", "conservative", "liberal", "democrat", "republican", "tory", "tv",
    "late", "then", "acting", "former", "model", "host", "star", "chat-show", "talk-show",
    "vice", "deputy", "chief", "prime", "presidential", "attorney", "opposition", "ex",
    "incumbent", "executive", "head", "speaker", "legend", "veteran", "counterpart",
    "colleague", "film-maker", "filmmaker", "actor-director",
})


def _same_person(name: str, other: str) -> bool:
    """Whether two normalised full names with one surname can name one person: the
    same first given name, or an initial of it ("g henson", "gavin henson").

    >>> _same_person("g henson", "gavin henson"), _same_person("andy robinson",
    ...                                                        "jason robinson")
    (True, False)
    """
    first, second = name.split()[0].rstrip("."), other.split()[0].rstrip(".")
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    return first == second


def _misread_person(name: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """(key prefix, class) of a name tagged PERSON that is no person: a club
    ("Manchester United"), a facility ("Dana Centre"), a body ("Sierra Wireless")."""
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1].casefold()
    if last in _CLUB_WORDS and any(e.kind in _PLACE_KINDS for e in gazetteer.find(words[0])):
        return "org", "Organization"
    if last in _FACILITY_HEADS:
        return "facility", "Facility"
    if last in _ORGANIZATION_HEADS:
        return "org", organization_type(name)
    return None


def _after_last_title(words: list[str]) -> list[str]:
    """The words of a name after the last honorific or title that introduces it
    ("13 March Lord Goldsmith" → "Lord Goldsmith"; "Suffolk Chief Constable Alastair
    McWhirter" → "Alastair McWhirter"), or ``words`` when no title leads in."""
    given = given_names()
    for i in range(len(words) - 2, 0, -1):
        word = words[i].casefold().rstrip(".")
        if words[i - 1].casefold() in given and words[i][:1].isupper():
            continue  # a title word inside a name, after a given name: "Sacha Baron
            # Cohen", "James Dean Bradfield"
        if word in _HONORIFICS and words[i + 1][:1].isupper() and not (
                _is_initial(words[i]) and words[i - 1][:1].isupper()
                and words[i - 1].casefold() not in TITLE_WORDS):
            # (a letter after a name is its middle initial: "Walter M Phillips Jr",
            # not "M" for Monsieur)
            return words[i:]
        if (word in TITLE_WORDS and word not in _MODIFIER_TITLES
                and len(words) - i - 1 >= 2
                and all(w[:1].isupper() and w.casefold() not in TITLE_WORDS
                        for w in words[i + 1:])):
            return words[i + 1:]
    return words


def _expansion(words_before: str, acronym: str) -> str | None:
    """The longest tail of ``words_before`` that ``acronym`` abbreviates: its first
    letter starts it and its letters follow the tail's initials in order ("In March
    the Office of National Statistics" + "ONS" → "Office of National Statistics";
    "World Anti-Doping Agency" + "Wada")."""
    words = words_before.split()
    for i, word in enumerate(words):
        if word[:1] != acronym[:1]:
            continue
        initials = [p[0].upper() for w in words[i:] if w[:1].isupper()
                    for p in w.split("-") if p[:1].isupper()]  # "Anti-Doping": A, D
        if len(initials) < 2:
            return None
        letters = iter(initials)
        if all(letter in letters for letter in acronym.upper() if letter.isalpha()):
            return " ".join(words[i:])
    return None


#: Capitalised words of titles that name no body ("Shadow Cabinet minister").
_ROLE_WORDS = frozenset({"cabinet", "shadow", "assistant", "senior", "junior", "chief",
                         "principal", "associate", "interim", "global", "regional"})
#: A memo's "not computed yet" (``None`` is an answer).
_UNKNOWN: Any = object()


@lru_cache(maxsize=1 << 14)
def _squash(text: str) -> str:
    """``text`` with each run of white space one space, none at either end."""
    return _SPACES.sub(" ", text).strip()


def _person_noun(demonym: str) -> bool:
    """Whether a demonym is a noun for a person ("Spaniard", "Dutchman", "Swede"), not
    an adjective that can start a body's name ("British", "Italian", "Chinese")."""
    lower = demonym.casefold()
    return lower.endswith(("man", "woman")) or not lower.endswith(
        ("an", "ish", "ese", "ch", "i", "ic", "ss", "sh"))


class DocumentIndex:
    """What the resolver knows about one document: token offsets, entity spans, and
    the people named in full (for "Putin" → "Vladimir Putin")."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, *,
                 tokens: DocTokens | None = None) -> None:
        self.doc = doc
        self.tokens = TokenTable(doc, tokens=tokens)
        self.text = self.tokens.text
        self.gazetteer = gazetteer
        self.ents: Sequence[Span] = doc.ents  # spaCy builds them anew on each call
        self.ent_of: dict[int, Span] = {}
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        # "Long Name (LN)" defined in the text: acronym → long name
        self.acronyms: dict[str, tuple[str, str]] = {}  # acronym → (long name, NER label)
        for words, offset, acronym in _acronym_definitions(self.text):
            long_name = _expansion(words, acronym)
            if long_name is not None:
                end = offset + len(words)
                token = self.tokens.starting_at(end - len(long_name.split()[-1]))
                long_ent = self.ent_of.get(token) if token is not None else None
                self.acronyms.setdefault(
                    acronym, (long_name, long_ent.label_ if long_ent is not None else "ORG"))
        self.acronym_of = {long: short for short, (long, _) in self.acronyms.items()}
        self.people: People[_Mention] | None = None
        #: (cleaned mention, NER label) → what the resolver's ``_name`` made of it
        self.names: dict[tuple[str, str], _Mention | None] = {}
        #: Keys of the people named by a surname alone that two or more full names of
        #: the document end with ("Robinson" beside Andy and Jason Robinson): kept for
        #: coreference, but no one a fact can be about (Resolver.resolve withholds it)
        self.ambiguous: set[str] = set()
        #: (argument's text, offsets and label, agent, we, speaker) → what the
        #: resolver's ``_argument`` made of the argument
        #: The one country the article is about, with its token in the headline;
        #: ``()`` once looked for and not found (kg.resolve.Resolver._document_country).
        self.country: tuple[Any, Token] | tuple[()] | None = None
        self.arguments: dict[tuple[str, int, int, int, int, str, bool, _Mention | None,
                                   _Mention | None], _Mention | Value | None] = {}
        self._persons: dict[str, _Mention | None] = {}
        self._person_names: dict[str, str] = {}
        self._scope: str | None = None
        self.groups: Groups[_Mention] | None = None
        self._kinds: dict[str, str] | None = None
        self._quotations: list[tuple[int, int]] | None = None
        self._relatives: list[int] | None = None
        self._titles: dict[int, tuple[int, int]] | None = None
        # normalised full name → the label first seen; surname → full names
        self.full_names: dict[str, str] = {}
        self.surnames: dict[str, set[str]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON" and not self._titled(ent):
                continue
            if self.titled_span(ent) is not ent:
                continue  # "Seek" of the thriller "Hide and Seek": no person
            name = self.person_name(clean_mention(self.tokens.span_text(self.extend_name(ent))))
            name = self.after_demonym(name, person=ent.label_ == "PERSON") or name
            if len(name.split()) < 2 or not is_plausible_person(name):
                continue
            if _misread_person(name, gazetteer) is not None:
                continue
            if self.without_kind_word(name) is not None or programme_named(name):
                continue  # "Comedy Meet The Fockers", "Westminster Hour": no person
            self._learn_name(name)
            parts = name.split()
            for word in parts[1:-1]:  # "Lula" of "Luiz Inacio Lula da Silva"
                if len(word) > 2 and word[:1].isupper() and word.isalpha() \
                        and word.casefold() not in TITLE_WORDS:
                    self.surnames.setdefault(normalize(word), set()).add(normalize(name))
        self._people_tagged_org(gazetteer)
        self._named_by_honorific(doc)
        self._named_in_full_untagged(doc)

    def _learn_name(self, name: str) -> None:
        """Note a person's full name, and its last word as a surname that stands for
        it."""
        self.full_names.setdefault(normalize(name), name)
        self.surnames.setdefault(normalize(name.split()[-1]), set()).add(normalize(name))

    def _people_tagged_org(self, gazetteer: Gazetteer) -> None:
        """Full names the tagger called organisations or facilities, of people the
        document names by surname alone as people ("Ireland's Alistair Cragg won ...
        said Cragg") or that open with a common given name ("Britain's Jo Pavey"):
        two or three words that can be a person's, no word of an organisation's kind,
        no name the gazetteer knows."""
        lone = {normalize(ent.text) for ent in self.ents
                if ent.label_ == "PERSON" and len(ent) == 1}
        given = given_names()
        for ent in self.ents:
            if ent.label_ not in {"ORG", "FAC"} or not 2 <= len(ent) <= 3:
                continue
            name = clean_mention(ent.text)
            parts = name.split()
            if (len(parts) < 2 or (normalize(parts[-1]) not in lone
                                   and parts[0].casefold() not in given)
                    or normalize(parts[-1]) in self.surnames  # ("B Jackman" in a squad)
                    or any(len(w.rstrip(".")) == 1 for w in parts)
                    or not is_plausible_person(name) or gazetteer.find(name)
                    or _misread_person(name, gazetteer) is not None  # "Alex Theater"
                    or organization_type(name) != "Organization"
                    or any(w.casefold() in TITLE_WORDS for w in parts)):
                continue
            self._learn_name(name)

    def after_demonym(self, name: str, *, person: bool) -> str | None:
        """A person's name after the demonym the tagger joined to it, and the words
        before ("Veteran Spaniard Conchita Martinez", "Dutchman Patrick van
        Balkom"): at least two words that can be a person's and name no body nor
        place; the tagger called the whole a person (``person``) or the document
        names the surname alone. Else ``None`` ("British Gas Trading" stays whole).

        >>> from kg.nlp import parse
        >>> from kg.resolve.gazetteer import default_gazetteer
        >>> doc = next(parse(["Dutchman Patrick van Balkom was second."]))
        >>> DocumentIndex(doc, default_gazetteer()).after_demonym(
        ...     "Dutchman Patrick van Balkom", person=True)
        'Patrick van Balkom'
        """
        words = name.split()
        for i in range(len(words) - 3, -1, -1):
            if words[i][:1].isupper() and self.gazetteer.demonym(words[i]) is not None:
                break
        else:
            return None
        rest = words[i + 1:]
        if (not rest[0][:1].isupper() or not rest[-1][:1].isupper()
                or any(w.casefold() in TITLE_WORDS for w in rest)):
            return None
        found = " ".join(rest)
        if (not is_plausible_person(found) or self.gazetteer.find(found)
                or organization_type(found) != "Organization"):
            return None
        if not (person or _person_noun(words[i]) or any(
                ent.label_ == "PERSON" and ent.text == rest[-1] for ent in self.ents)):
            return None
        return found

    def without_kind_word(self, name: str) -> str | None:
        """The name without its first word when that word is a kind's ("Comedy Meet
        The Fockers topped ...", "Promoters Regular Music booked ...": the tagger
        joined it at a sentence's start) and the document writes the rest more
        often than the whole; else ``None``."""
        words = name.split()
        if len(words) < 2 or not nominal.leading_kind(words[0].casefold()):
            return None
        rest = " ".join(words[1:])
        if self.text.count(rest) <= self.text.count(name):
            return None
        # only where a sentence starts ("the Festival Ballet" keeps its word)
        text = self.text
        for found in re.finditer(re.escape(name), text):
            before = text[: found.start()].rstrip(" \"'\u201c\u2018(")
            if before and before[-1] not in ".!?\n:":
                return None
        return rest

    def _named_by_honorific(self, doc: Doc) -> None:
        """Full names the tagger missed, of people the text also calls "Mr X" /
        "Mrs X": "Theresa May" ... "Mrs May" (a regex over the text, then a look at
        the one or two proper nouns before each other use of the surname)."""
        surnames = {m.group(1) for m in _HONORIFIC_SURNAME.finditer(self.text)}
        surnames = {s for s in surnames if normalize(s) not in self.surnames
                    and s.casefold() not in TITLE_WORDS}
        if not surnames:
            return
        pattern = re.compile(r"\b([A-Z][\w'\u2019-]+\s+)("
                             + "|".join(re.escape(s) for s in sorted(surnames)) + r")\b")
        for match in pattern.finditer(self.text):
            token = self.tokens.starting_at(match.start(1))
            first = match.group(1).split()
            if (token is None or self.tokens.pos[token] != PROPN
                    or first[0].casefold().rstrip(".") in _HONORIFICS
                    or any(w.casefold() in TITLE_WORDS or self.gazetteer.find(w)
                           or self.gazetteer.demonym(w) for w in first)):
                continue
            name = " ".join([*first, match.group(2)])
            self._learn_name(name)

    def _named_in_full_untagged(self, doc: Doc) -> None:
        """Full names the tagger missed, of people it tags by the surname alone and
        nowhere in full ("the Carwyn James-inspired Lions" ... "James guided
        Llanelli", "Legendary Dutch coach Rinus Michels" ... "Michels led"): a proper
        noun right before another use of the surname, one space apart, alone (no
        proper noun before it: "Star Wars Episode"), in no other entity, and no
        name, title or demonym of its own."""
        lone = {ent.text for ent in self.ents
                if ent.label_ == "PERSON" and len(ent) == 1 and ent.text.isalpha()
                and normalize(ent.text) not in self.surnames}
        if not lone:
            return
        pattern = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ("
                             + "|".join(re.escape(s) for s in sorted(lone)) + r")\b")
        found: dict[str, set[str]] = {}
        for match in pattern.finditer(self.text):
            token = self.tokens.starting_at(match.start(1))
            first = match.group(1)
            if (token is None or self.tokens.pos[token] != PROPN
                    or doc[token].ent_type_ not in {"", "PERSON"}
                    or (token > 0 and self.tokens.pos[token - 1] == PROPN)
                    or first.casefold() in TITLE_WORDS or first.casefold() in _HONORIFICS
                    or self.gazetteer.find(first) or self.gazetteer.demonym(first)):
                continue
            found.setdefault(match.group(2), set()).add(f"{first} {match.group(2)}")
        for names in found.values():
            if len(names) == 1:  # (two given names before one surname: whose, unclear)
                self._learn_name(next(iter(names)))

    def relative_clause_in(self, start: int, end: int) -> bool:
        """Whether a relative clause's verb lies between characters ``start`` and
        ``end`` (a sentence): a cheap test before a statement's verb is looked up."""
        if self._relatives is None:
            idx = self.tokens.idx
            self._relatives = [idx[i] for i, dep in enumerate(self.tokens.deps)
                               if dep == "relcl"]
        k = bisect.bisect_left(self._relatives, start)
        return k < len(self._relatives) and self._relatives[k] < end

    def quoted(self, i: int) -> bool:
        """Whether token ``i`` is inside a quotation, as the extractor pairs the quote
        marks (:func:`kg.extract.quotes.quotation_marks`) when it names speakers."""
        if self._quotations is None:
            marks = (self.tokens.starting_at(m.start()) for m in _QUOTE_MARK.finditer(self.text))
            self._quotations = quotation_marks(
                self.doc, marks=[k for k in marks if k is not None])  # type: ignore[arg-type]
        k = bisect.bisect_left(self._quotations, (i, -1)) - 1
        return k >= 0 and self._quotations[k][0] < i < self._quotations[k][1]

    @property
    def kinds(self) -> dict[str, str]:
        """Names the document says the kind of ("carmaker Maruti" → Company, "the
        film Bride and Prejudice" → Work)."""
        if self._kinds is None:
            self._kinds = nominal.described_kinds(self.doc, self.tokens)
            for start, end in set(self.titles.values()):
                self._kinds.setdefault(self.tokens.span_text(self.doc[start:end]), "Work")
        return self._kinds

    @property
    def titles(self) -> dict[int, tuple[int, int]]:
        """Token → the token range of the work's title it lies in
        (:func:`kg.resolve.nominal.work_titles`)."""
        if self._titles is None:
            self._titles = nominal.work_titles(self.doc, self.tokens)
        return self._titles

    def titled_span(self, span: Span) -> Span:
        """``span`` grown to the work's title it lies in, if it lies in one ("Bride"
        → "Bride and Prejudice"); else ``span``."""
        titles = self.titles
        if not titles:
            return span
        found = titles.get(span.start)
        if found is None or found[1] < span.end or found == (span.start, span.end):
            return span
        return self.doc[found[0] : found[1]]

    @property
    def scope(self) -> str:
        """A short digest of the document's text: the scope of names that only this
        document resolves (a bare surname)."""
        if self._scope is None:
            self._scope = document_scope(self.text)
        return self._scope

    def _titled(self, ent: Span) -> bool:
        """Whether a name the tagger did not call a person follows a person's title
        ("Finnish Prime Minister Matti Rautio" with "Matti Rautio" tagged ORG)."""
        if ent.start == 0 or len(ent) < 2 or ent.label_ in _VALUE_LABELS:
            return False
        pos = self.tokens.pos
        if (not all(pos[i] == PROPN for i in range(ent.start, ent.end))
                or self.gazetteer.find(self.tokens.span_text(ent))):
            return False
        return self.doc[ent.start - 1].lower_ in LONE_TITLES

    def apposed_name(self, head: int, start: int, end: int) -> int | None:
        """The first proper noun in apposition to token ``head`` within characters
        ``start``..``end``, like the first of ``head``'s children (``t.dep_ ==
        "appos" and t.pos_ == "PROPN" and start <= t.idx < end``), but building
        Token objects for the proper nouns there only."""
        proper, offsets = self.tokens.proper_nouns
        for k in range(bisect.bisect_left(offsets, start), len(offsets)):
            if offsets[k] >= end:
                break
            token = self.doc[proper[k]]
            if proper[k] != head and token.dep_ == "appos" and token.head.i == head:
                return proper[k]
        return None

    def token_at(self, start: int, end: int) -> Token | None:
        """The token at characters ``start``..``end``: the one starting there, else
        the root of the tokens they overlap."""
        i = self.tokens.starting_at(start)
        if i is not None:
            return self.doc[i]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def extend_name(self, span: Span, lo: int = 0) -> Span:
        """A PERSON span grown leftwards over proper-noun parts of the same name that
        the tagger split off ("Yury" ORG + "Ushakov" PERSON)."""
        if span.label_ != "PERSON":
            return span
        start = span.start
        pos, idx = self.tokens.pos, self.tokens.idx
        while start > 0:
            if idx[start - 1] < lo:
                break
            given = self._given_before_particles(start, lo)
            if given is not None:
                start = given  # "Sandra den Hamer" with "Hamer" alone a PERSON
                continue
            if pos[start - 1] != PROPN:  # (read from the table: no Token for most)
                if not self._letter_of_name(start - 1, span):
                    break
                start -= 1  # "X Files" with the "X" tagged a noun
                continue
            prev = self.doc[start - 1]
            if (prev.text.casefold() in TITLE_WORDS and start >= 2
                    and pos[start - 2] == PROPN and idx[start - 2] >= lo
                    and self.doc[start - 2].text.casefold() in given_names()
                    and prev.dep_ == "compound" and self.doc[start - 2].dep_ == "compound"):
                start -= 2  # a title word inside a name: "Sacha Baron Cohen", "James
                continue  # Dean Bradfield" (a given name before it, not "Minister")
            if (
                not (start >= 2 and self.doc[start - 2].lower_ == "of")  # "of Research"
                and prev.text[:1].isupper()
                and prev.dep_ in {"compound", "flat", "nmod"}
                and span.start <= prev.head.i < span.end
                and prev.text.casefold() not in TITLE_WORDS
                and self.gazetteer.demonym(prev.text) is None
                and not self.gazetteer.find(prev.text)
            ):
                start -= 1
            else:
                break
        return self.doc[start : span.end] if start != span.start else span

    def _given_before_particles(self, start: int, lo: int) -> int | None:
        """Where a name begins whose surname's lower-case particles stand just
        before token ``start``, after a capitalised proper noun ("Sandra den Hamer"):
        that noun's index; ``None`` when there is no such run."""
        text_of, j = self.tokens.text_of, start  # (from the table: no Token for most)
        while j > 1 and text_of(j - 1, j) in _SURNAME_PARTICLES:
            j -= 1
        if j == start or self.tokens.idx[j - 1] < lo:
            return None
        given = self.doc[j - 1]
        if (self.tokens.pos[j - 1] != PROPN or not given.text[:1].isupper()
                or given.ent_type_ not in {"PERSON", ""}
                or given.text.casefold() in TITLE_WORDS):
            return None
        return j - 1

    def _letter_of_name(self, i: int, span: Span) -> bool:
        """Whether token ``i`` is a capital letter that opens the name ``span``
        ("X Files", "T Rex"), which the tagger takes for a common noun."""
        token = self.doc[i]
        return (is_name_letter(token.text) and token.dep_ == "compound"
                and span.start <= token.head.i < span.end)

    def person_name(self, text: str) -> str:
        """A person's name without titles, and without a trailing place that the
        tagger glued on ("Jake Sullivan Moscow")."""
        name = self._person_names.get(text)
        if name is None:
            name = self._person_names[text] = self._find_person_name(text)
        return name

    def _find_person_name(self, text: str) -> str:
        text = _DASHED.split(text, maxsplit=1)[0]  # "Gerard Jugnot - star of ..."
        words = _after_last_title(text.split())
        words = strip_titles(" ".join(words)).split()
        while len(words) >= 3 and words[-1] in roles.POSTNOMINALS:
            words.pop()  # "Helen Grant QC"
        if len(words) >= 3 and words[0].endswith(("ite", "ist")) and words[0][:1].isupper():
            words.pop(0)  # "Blairite Alan Milburn", "Trotskyist X": a follower's label
        while len(words) >= 3 and not _is_initial(words[-2]) and any(
            e.kind in _PLACE_KINDS for e in self.gazetteer.find(words[-1])
        ):
            words.pop()  # (never after an initial: "John F Kennedy", "George W Bush")
        return " ".join(words)

    def one_named(self, surname: str) -> str | None:
        """The one full name (normalised) of this document that ``surname`` (normalised)
        stands for: the only one it ends, or the longest of several that name one
        person, given names and initials agreeing ("G Henson" and "Gavin Henson"), or,
        of people who share it, the one the article brings in first, as news style
        names a second one in full ("Michael Howard ... Mr Howard ... John Howard");
        ``None`` when none does, or two are brought in in one sentence ("coach Andy
        Robinson named Jason Robinson captain")."""
        candidates = self.surnames.get(surname, set())
        if not candidates:
            return None
        longest = max(sorted(candidates), key=len)
        if all(_same_person(name, longest) for name in candidates):
            return longest
        known = self.gazetteer.person_by_surname(surname)
        if known is not None:
            named = [name for name in candidates if any(
                entry.key == known.key for entry in self.gazetteer.find(self.full_names[name]))]
            if len(named) == 1:
                return named[0]  # "Mr Blair" beside "Sir Ian Blair": Tony Blair
        body = self._body_start()  # (a name written only in the headline, in title
        # case, is no one the body brought in: "Comic Morris returns with sitcom")
        first = sorted((at, name) for name in candidates
                       if (at := self.text.find(self.full_names[name], body)) >= 0)
        if not first:
            return None
        people = [(at, name) for at, name in first if not _same_person(name, first[0][1])]
        if people and self._one_sentence(first[0][0], people[0][0]):
            return None
        return max((name for _, name in first if _same_person(name, first[0][1])), key=len)

    def _body_start(self) -> int:
        """Where the text after its headline begins: after a first line of a dozen
        words or fewer that ends with no full stop (0 when the text has none)."""
        end = self.text.find("\n")
        line = self.text[:end].strip() if end > 0 else ""
        if not line or len(line.split()) > 12 or line.endswith((".", "!", "?", '"', "'")):
            return 0
        return end

    def _one_sentence(self, start: int, other: int) -> bool:
        """Whether characters ``start`` and ``other`` are in one sentence."""
        sent = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return sent is not None and sent.sent.start_char <= other < sent.sent.end_char

    def person(self, text: str) -> _Mention | None:
        """The person ``text`` names, by full name, or by a surname that one full
        name of this document (or one well-known person) ends with."""
        found = self._persons.get(text, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._persons[text] = self._find_person(text)
        return found

    def _find_person(self, text: str) -> _Mention | None:
        name = self.person_name(text)
        norm = normalize(name)
        if not norm:
            return None
        full = self.full_names.get(norm)
        if full is None and " " not in norm and text.split(" ", 1)[0] in _KNIGHTED:
            # "Sir Alan" after "Sir Alan Parker": a knight or dame by first name
            full = self._one_by_given_name(norm)
        if full is None and " " not in norm:
            candidates = self.surnames.get(norm, set())
            one = self.one_named(norm)
            if one is not None:
                full = self.full_names[one]
            elif not candidates:
                known = self.gazetteer.person_by_surname(name)
                if known is not None:
                    return _entry_mention(known, name)
        if full is None:
            for entry in self.gazetteer.find(name):
                if entry.kind == "person":
                    return _entry_mention(entry, name)
            return None
        return self._full_mention(full, name)

    def _full_mention(self, full: str, name: str) -> _Mention:
        """The person named in full ``full``, seen as ``name``: the gazetteer's
        entry when it knows the name."""
        for entry in self.gazetteer.find(full):
            if entry.kind == "person":
                return _entry_mention(entry, name)
        return _Mention(f"person/{full}", full, "Person", None, name)

    def nicknamed(self, text: str) -> tuple[int, int] | None:
        """Where this document names the club that the nickname ``text`` stands for
        ("the Teessiders" in a report that names Middlesbrough): the character
        offsets of the club's first name in the text, or ``None`` when ``text`` is
        no nickname, or the document names none or several of its clubs."""
        clubs = club_nicknames().get(text)
        if not clubs:
            return None
        found: list[tuple[int, int]] = []
        for names in clubs:
            spans = [m.span() for name in names for m in re.finditer(
                r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.text)]
            if spans:
                found.append(min(spans))
        return found[0] if len(found) == 1 else None

    def born_to(self, given: str, relative: _Mention) -> _Mention | None:
        """The person a lone given name stands for when it is given with a relative
        born to the same surname and named in full ("Mr Hale's son Tom" is Tom Hale,
        "Lula da Silva's brother Jose" Jose da Silva), or ``None`` when the relative
        has no surname here, or the word is one."""
        words = [w for w in relative.label.split() if w.rstrip(".") not in _NAME_SUFFIXES]
        norm = normalize(given)
        if len(words) < 2 or not norm or " " in norm or norm in self.surnames:
            return None
        first = len(words) - 1
        while first > 1 and words[first - 1].casefold() in NAME_PARTICLES:
            first -= 1
        return self._full_mention(f"{given} {' '.join(words[first:])}", given)

    def _one_by_given_name(self, norm: str) -> str | None:
        """The one full name of this document that starts with ``norm``, if one."""
        firsts = [n for n in self.full_names if n.split(" ", 1)[0] == norm]
        return self.full_names[firsts[0]] if len(firsts) == 1 else None

    def by_given_name(self, text: str) -> _Mention | None:
        """The one person this document names in full whose given name ``text`` (a
        lone name the tagger took for a person's) is: "Anil" after "Anil Ambani",
        "Steven" after "Steven Gerrard"; ``None`` when no one or two people are, or
        an honorific says the word is a surname ("Mr Anil")."""
        name = self.person_name(text)
        norm = normalize(name)
        if (not norm or " " in norm or norm in self.surnames
                or text.split(" ", 1)[0].casefold().rstrip(".") in _HONORIFICS):
            return None
        full = self._one_by_given_name(norm)
        if full is None or self.kinds.get(full, "Person") != "Person":
            return None  # (nor "Mac" after "UK magazine Mac Format": no one's given name)
        return self._full_mention(full, name)


def _is_initial(word: str) -> bool:
    """A middle initial ("W", "F."): the name goes on after it.

    >>> _is_initial("W"), _is_initial("F."), _is_initial("Wu")
    (True, True, False)
    """
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def _is_title_word(word: str) -> bool:
    return word in TITLE_WORDS



