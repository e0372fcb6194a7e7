"""Resolve open statements into entities, values and ontology relations.

For each :class:`~kg.types.Statement` the resolver finds the entity each argument
is about and names the relation:

* **mentions**: the named entity covering the argument's head (clipped to the
  argument), else the run of proper nouns around the head; quotes, articles,
  possessives ("Navalny's") and, for people, titles ("Russian President",
  "Mr") are trimmed; pronouns and junk ("n't") are rejected;
* **entities**: the gazetteer shipped in ``kg/data`` (every ISO country and
  territory with short names, demonyms and Wikidata ids; cities with 100,000+
  people and all capitals; major organisations; a few well-known people) wins
  over the small model's NER label where they disagree ("Omsk" tagged ORG is a
  city); people are merged within a document ("Putin" → "Vladimir Putin" once
  the full name has appeared); everything else is typed from its NER label;
* **metonymy** (on by default): a capital acting as an agent ("Moscow and
  Beijing are working…", "Moscow suggested…") is its country, and so is "the
  German government"; as a place ("flew to Moscow") a capital stays a city;
* **values**: dates become ``xsd:date``/``gYear``/``gYearMonth`` literals where
  complete, amounts and numbers plain literals;
* **coreference** (on by default, cautious; see :mod:`kg.resolve.coref`): "he"
  and "she" when the sentences before name one person (or one subject); "the
  Russian leader", "the blogger" when one person of the document was introduced
  so; "we"/"our country" in a quote as the country its speaker represents
  (“We cooperate with China,” Putin said → Russia cooperates_with China); "I" in
  a quote as its speaker; "Mr X", "the Parliamentary Labour Party (PLP)";
* **relations**: :meth:`kg.ontology.Ontology.relation_for` (the lexicon, else a
  readable name built from the lemma).

A statement is kept when its subject is an entity and its first object an entity
or a value, and the two are not the same entity. When the first object is no
entity, a later object that a preposition introduces may stand in ("we'll supply
energy to China" → supplies_to China): the returned statement then has that object
first and the preposition added to its lemma. Entities carry the surface forms seen
for them in the document as ``aliases``; one key has one :class:`~kg.types.Entity`
per document.

Keys (the identity RDF IRIs are made from) are ``country/<ISO code>``,
``city/<name>``, ``org/<name>``, ``person/<full name>``, ``place/<name>``,
``facility/<name>``, ``group/<name>``, ``event/<name>``, ``product/<name>``,
``work/<name>``, ``law/<name>``, ``language/<name>`` and ``entity/<name>``.

>>> from kg.types import Argument, Statement
>>> from kg.nlp import parse                                    # doctest: +SKIP
>>> doc = next(parse(["Moscow and Beijing cooperate with NATO."]))  # doctest: +SKIP
>>> subj = Argument("Moscow", 0, 6, 0, 6, "GPE", "subj")
>>> obj = Argument("NATO", 34, 38, 34, 38, "ORG", "with")
>>> st = Statement(subj, "cooperate with", "cooperate with", (obj,), doc.text, 0, 39,
...                0.9, "svo")                                  # doctest: +SKIP
>>> [(r.subject.key, r.relation, r.object.key) for r in resolve([st], doc)]  # doctest: +SKIP
[('country/RU', 'cooperates_with', 'org/NATO')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from kg.ontology import Ontology, RelationInfo, default_ontology
from kg.resolve import nominal, policy, roles
from kg.resolve.constraints import TypeConstraints
from kg.resolve.coref import PERSON_PRONOUNS, PLURAL_PRONOUNS, Groups, People
from kg.resolve.crossdoc import document_scope, scoped_person_key
from kg.resolve.gazetteer import Gazetteer, default_gazetteer, normalize
from kg.resolve.mentions import Mention as _Mention
from kg.resolve.mentions import Staged as _Staged
from kg.resolve.mentions import entry_mention as _entry_mention
from kg.resolve.mentions import unnamed as _unnamed
from kg.resolve.names import (
    LONE_TITLES,
    TITLE_WORDS,
    clean_mention,
    is_plausible_name,
    organization_type,
    strip_titles,
)
from kg.resolve.tokens import TokenTable
from kg.resolve.values import DATE_LABELS, VALUE_LABELS, amount_value, date_value
from kg.types import (
    HYPOTHETICAL_MODALS,
    Argument,
    Entity,
    ResolvedStatement,
    Statement,
    Value,
)

__all__ = ["AGENT_GROUPS", "LOCATIVE_ROLES", "Resolver", "resolve"]

#: Relation groups whose arguments act as agents (a capital there is its country).
AGENT_GROUPS = frozenset({"cooperation", "conflict", "communication", "economic",
                          "affiliation"})
#: Argument roles that make an object a place ("flew to Moscow").
LOCATIVE_ROLES = frozenset({
    "to", "in", "at", "from", "into", "toward", "towards", "near", "via", "through", "across",
    "over", "on", "inside", "within", "outside", "around", "onto", "out of", "off", "past",
    "along", "beyond", "between", "under", "above", "below", "behind", "place", "loc",
})
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
_WORK_CONNECTORS = frozenset({"with", "of", "the", "and", "on", "in", "at", "for", "a"})
#: Relations (by their first word) whose subject is a place, not an actor ("London has").
_PLACE_VERBS = frozenset({"is", "has", "hosts", "lies", "sits", "borders", "contains",
                          "includes", "houses", "remains", "becomes", "located", "situated",
                          "based", "hit", "struck", "affected", "flooded", "bombed", "shelled",
                          "attacked", "visited", "captured", "occupied"})
_TRAILING_NUMBER = re.compile(r"(.+?)\s+\d{1,3}(?:\s*\+\s*\d{1,2})?$")  # "Dyer 69", "Ba 90+2"
#: "Parliamentary Labour Party (PLP)": an acronym in brackets, then the long name
#: that ends just before it. Words and their number are bounded, so the search for
#: the name stays linear however long a run of letters is.
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,9})\)")
_SPACES = re.compile(r"\s+")
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
#: Object roles that are no preposition (a later object with one is not tried).
_NOT_PREPOSITIONS = frozenset({"obj", "dobj", "time", "subj", "", "attr", "oprd", "xcomp",
                               "ccomp", "manner", "purpose", "reason"})

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
    for i in range(len(words) - 2, 0, -1):
        word = words[i].casefold().rstrip(".")
        if word in _HONORIFICS and words[i + 1][:1].isupper():
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
    the Office of National Statistics" + "ONS" → "Office of National Statistics")."""
    words = words_before.split()
    for i, word in enumerate(words):
        if word[:1] != acronym[:1]:
            continue
        initials = [w[0].upper() for w in words[i:] if w[:1].isupper()]
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


class _DocIndex:
    """What the resolver knows about one document: token offsets, entity spans, and
    the people named in full (for "Putin" → "Vladimir Putin")."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.tokens = TokenTable(doc)
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
        #: (argument's text, offsets and label, agent, we, speaker) → what the
        #: resolver's ``_argument`` made of the argument
        self.arguments: dict[tuple[str, int, int, int, int, str, bool, _Mention | None,
                                   _Mention | None], _Mention | Value | None] = {}
        self._persons: dict[str, _Mention | None] = {}
        self._person_names: dict[str, str] = {}
        self._scope: str | None = None
        self.groups: Groups[_Mention] | None = None
        self._kinds: dict[str, str] | None = None
        # normalised full name → the label first seen; surname → full names
        self.full_names: dict[str, str] = {}
        self.surnames: dict[str, set[str]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON" and not self._titled(ent):
                continue
            name = self.person_name(clean_mention(self.tokens.span_text(self.extend_name(ent))))
            if len(name.split()) < 2 or not is_plausible_name(name):
                continue
            if _misread_person(name, gazetteer) is not None:
                continue
            self.full_names.setdefault(normalize(name), name)
            self.surnames.setdefault(normalize(name.split()[-1]), set()).add(normalize(name))
        self._named_by_honorific(doc)

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
            self.full_names.setdefault(normalize(name), name)
            self.surnames.setdefault(normalize(match.group(2)), set()).add(normalize(name))

    @property
    def kinds(self) -> dict[str, str]:
        """Names the document says the kind of ("carmaker Maruti" → Company)."""
        if self._kinds is None:
            self._kinds = nominal.described_kinds(self.doc)
        return self._kinds

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
            if pos[start - 1] != PROPN or idx[start - 1] < lo:
                break  # (read from the table: no Token object for the common case)
            prev = self.doc[start - 1]
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

    def person_name(self, text: str) -> str:
        """A person's name without titles, and without a trailing place that the
        tagger glued on ("Jake Sullivan Moscow")."""
        name = self._person_names.get(text)
        if name is None:
            name = self._person_names[text] = self._find_person_name(text)
        return name

    def _find_person_name(self, text: str) -> str:
        words = _after_last_title(text.split())
        words = strip_titles(" ".join(words)).split()
        while len(words) >= 3 and words[-1] in roles.POSTNOMINALS:
            words.pop()  # "Helen Grant QC"
        if len(words) >= 3 and words[0].endswith(("ite", "ist")) and words[0][:1].isupper():
            words.pop(0)  # "Blairite Alan Milburn", "Trotskyist X": a follower's label
        while len(words) >= 3 and any(
            e.kind in _PLACE_KINDS for e in self.gazetteer.find(words[-1])
        ):
            words.pop()
        return " ".join(words)

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
        if full is None and " " not in norm:
            candidates = self.surnames.get(norm, set())
            if len(candidates) == 1:
                full = self.full_names[next(iter(candidates))]
            elif not candidates:
                known = self.gazetteer.person_by_surname(name)
                if known is not None:
                    return _entry_mention(known, name)
        if full is None:
            for entry in self.gazetteer.find(name):
                if entry.kind == "person":
                    return _entry_mention(entry, name)
            return None
        for entry in self.gazetteer.find(full):
            if entry.kind == "person":
                return _entry_mention(entry, name)
        return _Mention(f"person/{full}", full, "Person", None, name)


def _is_title_word(word: str) -> bool:
    return word in TITLE_WORDS


def _token_argument(tokens: Sequence[Token], role: str, *, head: Token | None = None
                    ) -> Argument:
    """An argument over consecutive tokens (``head``: its head, else the last)."""
    head = head if head is not None else tokens[-1]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Argument(head.doc.text[start:end], start, end, head.idx, head.idx + len(head),
                    head.ent_type_, role)


_DATE_TYPES = frozenset({"date", "dateTime", "gYear", "gYearMonth"})

#: Extractor rules that state a person's role: a title before the name ("Russian
#: President Vladimir Putin") or an apposition ("Jake Sullivan, the US adviser").
ROLE_RULES = frozenset({"title", "appos"})
#: The rule of a role that a verb gives ("became president", "appointed as coach").
TAKEN_ROLE_RULE = "role_verb"
#: Verbs (lemmas, "be" for the passive) whose object or complement is a role taken.
ROLE_VERBS = frozenset({"become", "remain", "be appoint", "be name", "be elect",
                        "be make", "be promote", "be install", "be reappoint",
                        "be re-elect", "be confirm", "be nominate"})
#: Verbs whose "as" phrase is a role held ("served as", "joined as").
ROLE_AS_VERBS = frozenset({"serve", "act", "join", "take over", "return", "continue",
                           "stay", "work", "start", "appoint", "name", "elect"})
#: The relation a role becomes: a datatype property with the position as text.
POSITION_RELATION = "holds_position"
_ARTICLES = frozenset({"the", "a", "an"})
#: Prepositions that end a title and introduce what it names ("leader of").
_TITLE_PREPOSITIONS = frozenset({"of", "at", "for", "with"})


def value_relation(relation: str, value: Value) -> str:
    """The name of a relation whose object is a literal: its own datatype property,
    so that one name is never both an object and a datatype property.

    >>> value_relation("ends_in", Value("2060", "gYear"))
    'ends_in_date'
    >>> value_relation("promises", Value("40 million euros"))
    'promises_value'
    """
    return f"{relation}_date" if value.datatype in _DATE_TYPES else f"{relation}_value"


class Resolver:
    """Resolves statements of one document at a time (reusable across documents).

    ``metonymy`` switches the capital-as-country reading; ``ontology`` names the
    relations (kg's own by default).

    >>> resolver = Resolver(metonymy=False)
    >>> resolver.metonymy
    False
    """

    def __init__(
        self,
        *,
        metonymy: bool = True,
        ontology: Ontology | None = None,
        coreference: bool = True,
    ) -> None:
        self.metonymy = metonymy
        self.coreference = coreference
        self.ontology = ontology or default_ontology()
        self.gazetteer = default_gazetteer()
        self.types = TypeConstraints(self.ontology)
        self._relations: dict[tuple[str, str, bool], tuple[str, str, RelationInfo, bool]] = {}

    # -- coreference -----------------------------------------------------------

    def _people(self, index: _DocIndex) -> People[_Mention]:
        if index.people is None:
            index.people = People(index.doc, self.gazetteer,
                                  lambda text, label: self._name(text, label, index),
                                  index.extend_name, ents=index.ents, tokens=index.tokens)
        return index.people

    def _groups(self, index: _DocIndex) -> Groups[_Mention]:
        if index.groups is None:
            index.groups = Groups(index.doc,
                                  lambda text, label: self._name(text, label, index),
                                  self._is_group, ents=index.ents, tokens=index.tokens)
        return index.groups

    def _is_group(self, mention: _Mention) -> bool:
        """Whether "they" can stand for the entity: an organisation, a country, a group."""
        return self.types.is_a(mention.type, {"Organization", "Country", "Group"})

    def _refer(self, head: Token, arg: Argument, index: _DocIndex,
               we: _Mention | None, speaker: _Mention | None) -> _Mention | None:
        """Coreference for an argument whose head is no name: "he", "we", "our
        country", "the Russian leader", "the President of China Xi Jinping"."""
        lower = head.lower_
        if lower in {"i", "me"} and speaker is not None and speaker.type == "Person":
            return _unnamed(speaker)  # "I" in a quote is its speaker
        if lower in {"we", "us"} or (
            head.lemma_ == "country"
            and any(c.lower_ == "our" for c in head.children)
        ):
            return we
        if head.pos_ == "PRON":
            if lower in PLURAL_PRONOUNS:
                return _unnamed(self._groups(index).pronoun(head))
            if lower not in PERSON_PRONOUNS:
                return None  # "it", "you": no one People.pronoun names
            return _unnamed(self._people(index).pronoun(
                head, speaker=speaker.key if speaker else None))
        if lower not in TITLE_WORDS:
            return None
        people = self._people(index)  # built only for the questions that need it
        idx = index.tokens.idx
        inside = {m.mention.key: m.mention for m in people.mentions
                  if m.start > head.i and arg.start <= idx[m.start] < arg.end}
        if len(inside) == 1:  # "The President of the People's Republic of China Xi Jinping"
            return _unnamed(next(iter(inside.values())))
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        country: str | None = None
        titles: set[str] = set()
        for child in head.children:
            if child.dep_ in {"det", "punct", "case"}:
                continue
            if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
                return None  # "the president of the club": more than we can check
            demonym = self.gazetteer.demonym(child.text)
            named = [e for e in self.gazetteer.find(clean_mention(child.text))
                     if e.kind == "country"]
            if demonym is not None:
                country = demonym.key
            elif named:
                country = named[0].key
            elif child.lower_ in TITLE_WORDS:
                titles.add(child.lower_)
            else:
                return None  # "the new president": a modifier we cannot check
        return _unnamed(people.description(head, country, titles))

    # -- arguments -------------------------------------------------------------

    def _name_span(self, head: Token, arg: Argument) -> Span:
        doc = head.doc
        start, end = head.i, head.i + 1
        while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].idx >= arg.start):
            start -= 1
        while end < len(doc) and doc[end].idx + len(doc[end]) <= arg.end:
            if doc[end].pos_ == "PROPN":
                end += 1
            elif (doc[end].lower_ in _NAME_CONNECTORS and end + 1 < len(doc)
                  and doc[end + 1].pos_ == "PROPN"
                  and doc[end + 1].idx + len(doc[end + 1]) <= arg.end):
                end += 2  # "Treaty of Lisbon", "Bank of England"
            else:
                break
        return doc[start:end]

    def _amount(self, head: Token, lemma: str, arg: Argument, index: _DocIndex
                ) -> Value | None:
        """ "40 million euros" where the tagger marked only "40 million" (CARDINAL);
        ``lemma`` is ``head.lemma_`` in lower case."""
        if lemma not in _UNITS:
            return None
        for child in head.children:
            if child.dep_ == "nummod" and child.ent_type_ in {"CARDINAL", "MONEY", "QUANTITY"}:
                ent = index.ent_of.get(child.i)
                start = ent.start_char if ent is not None else child.idx
                if start >= arg.start:
                    return amount_value(index.text[start : head.idx + len(head)])
        return None

    def _government(self, head: Token, index: _DocIndex) -> _Mention | None:
        """ "the German government", "Russia's authorities" → the country."""
        for child in head.children:
            if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
                continue
            country = self.gazetteer.demonym(child.text)
            if country is None:
                found = [e for e in self.gazetteer.find(clean_mention(child.text))
                         if e.kind == "country"]
                country = found[0] if found else None
            if country is None:
                continue
            if self.metonymy:
                return _entry_mention(country, None)
            label = f"Government of {country.label}"
            return _Mention(f"org/{label}", label, "GovernmentBody")
        return None

    def _argument(
        self,
        arg: Argument,
        index: _DocIndex,
        *,
        agent: bool,
        we: _Mention | None = None,
        speaker: _Mention | None = None,
    ) -> _Mention | Value | None:
        """The entity or value ``arg`` stands for (``agent``: whether it acts, so
        that a capital is its country; ``we``/``speaker``: whom "we" and "I" mean
        there), or ``None``. Memoised per document: statements share arguments."""
        # what _find_argument reads of the argument (not its role), as a plain tuple:
        # cheaper to hash than the dataclass
        key = (arg.text, arg.start, arg.end, arg.head_start, arg.head_end, arg.label,
               agent, we, speaker)
        found = index.arguments.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = index.arguments[key] = self._find_argument(arg, index, agent=agent,
                                                               we=we, speaker=speaker)
        return found

    def _find_argument(
        self,
        arg: Argument,
        index: _DocIndex,
        *,
        agent: bool,
        we: _Mention | None,
        speaker: _Mention | None,
    ) -> _Mention | Value | None:
        head = index.token_at(arg.head_start, arg.head_end)
        if head is None:
            return None
        if head.pos_ in {"NOUN", "PRON"} and head.i not in index.ent_of:
            # "presidential aide Yury Ushakov": the name in apposition to the head noun
            name = index.apposed_name(head.i, arg.start, arg.end)
            if name is not None:
                head = index.doc[name]
        if head.pos_ == "NOUN" and head.i not in index.ent_of:
            named = self._kind_named(head, arg, index) or self._titled(head, arg, index)
            if named is not None:
                return named
        ent = index.ent_of.get(head.i)
        label = arg.label or (ent.label_ if ent is not None else "")
        if "s " in arg.text and label != "PERSON":
            programme = self._programme(arg.text)
            if programme is not None and index.person(programme.label) is None:
                return programme  # not "the BBC's Louisa Lim", a reporter
        if ent is not None:
            lo, hi = max(ent.start_char, arg.start), min(ent.end_char, arg.end)
            clipped = lo != ent.start_char or hi != ent.end_char
            span = index.doc.char_span(lo, hi, alignment_mode="expand") if clipped else ent
            if span is None or not len(span):
                return None
            if clipped:
                if label in _VALUE_LABELS and not _DIGIT.search(index.tokens.span_text(span)):
                    return None  # "one" cut out of "round one last year"
                label = "" if label not in _VALUE_LABELS else label
            else:
                span = index.extend_name(span, arg.start)
            if (span.start and index.tokens.idx[span.start - 1] >= arg.start
                    and label not in _VALUE_LABELS
                    and index.doc[span.start - 1].lower_.rstrip(".") in _HONORIFICS):
                # "Mr Hockney" with only "Hockney" tagged (GPE): a person
                span, label = index.doc[span.start - 1 : span.end], "PERSON"
        elif head.pos_ == "PROPN" and head.lower_ not in LONE_TITLES:
            span, label = self._name_span(head, arg), ""
        else:
            lemma, lower = head.lemma_.lower(), head.lower_  # (each decoded once)
            if lemma in GOVERNMENT_NOUNS or lower in GOVERNMENT_NOUNS:
                return self._government(head, index)
            amount = self._amount(head, lemma, arg, index)
            if amount is not None:
                return amount
            if head.text[:1].isupper() and head.pos_ in {"NOUN", "ADJ"} and (
                lower.endswith(_PEOPLE_DEMONYM_ENDINGS)
            ):  # "the Russians", "the Chinese" (not "the Spaniard", a person)
                country = self.gazetteer.demonym(head.text)
                if country is not None:
                    return _entry_mention(country, None)
            return self._refer(head, arg, index, we, speaker) if self.coreference else None
        text = index.tokens.span_text(span)
        if label in DATE_LABELS:
            return date_value(text)
        if label in VALUE_LABELS:
            if label == "ORDINAL" or (label == "CARDINAL" and not _DIGIT.search(text)):
                return None  # "one", "first": no value worth a triple
            return amount_value(text)
        whole = clean_mention(arg.text)
        if whole != text and whole in index.acronym_of:
            # "The Public and Commercial Services Union (PCS)" with a part tagged
            span, label = index.doc.char_span(arg.start, arg.end,
                                              alignment_mode="expand") or span, "ORG"
            text = index.tokens.span_text(span)
        mention = self._name(clean_mention(text), label, index)
        if mention is not None and self.metonymy and agent and mention.entry is not None:
            country = self.gazetteer.capital_country(mention.entry)
            if country is not None:
                return _entry_mention(country, None)
        return mention

    def _kind_named(self, head: Token, arg: Argument, index: _DocIndex) -> _Mention | None:
        """ "the Charite hospital", "the Guardian newspaper": the name before a noun
        that says what it is, typed by the noun where nothing better is known."""
        found = nominal.kind_named(head, arg.start, arg.end)
        if found is None:
            after = head.i + 1
            cls = nominal.KIND_NOUNS.get(head.lower_)
            if (cls is None or after >= len(index.doc) or index.doc[after].pos_ != "PROPN"
                    or index.doc[after].head.i != head.i):
                return None
            # "India's biggest carmaker Maruti" with the name cut off the argument
            end = after
            while end + 1 < len(index.doc) and index.doc[end + 1].pos_ == "PROPN":
                end += 1
            text = index.tokens.span_text(index.doc[after : end + 1])
            ent = index.ent_of.get(end)
            return self._name(clean_mention(text), ent.label_ if ent is not None else "", index)
        tokens, cls = found
        text = index.tokens.span_text(index.doc[tokens[0].i : tokens[-1].i + 1])
        ent = index.ent_of.get(tokens[-1].i)
        mention = self._name(clean_mention(text), ent.label_ if ent is not None else "", index)
        if mention is not None and mention.type not in {"Entity", "Place", "Person", "Group"}:
            return mention
        if not is_plausible_name(text) or text.casefold() in TITLE_WORDS:
            return None
        prefix = "facility" if cls == "Facility" else "org"
        return _Mention(f"{prefix}/{text}", text, cls, None, text)

    def _titled(self, head: Token, arg: Argument, index: _DocIndex) -> _Mention | None:
        """ "the US national security advisor Jake Sullivan" where the argument
        stops at the title: the person named right after it."""
        if head.lower_ not in TITLE_WORDS or head.i + 1 >= len(index.doc):
            return None
        ent = index.ent_of.get(head.i + 1)
        if ent is None or ent.label_ != "PERSON" or ent.start != head.i + 1:
            return None
        return self._name(index.person_name(clean_mention(ent.text)), "PERSON", index)

    def _name(self, text: str, label: str, index: _DocIndex) -> _Mention | None:
        """The entity a cleaned mention ``text`` (NER label ``label``, "" if none)
        names, or ``None``; memoised per document (the answer depends only on the
        text, the label and what the document defines)."""
        key = (text, label)
        found = index.names.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = index.names[key] = self._find_name(text, label, index)
        return found

    def _find_name(self, text: str, label: str, index: _DocIndex) -> _Mention | None:
        kind = index.kinds.get(text) if label not in _VALUE_LABELS else None
        if kind is not None and not self.gazetteer.find(text) and is_plausible_name(text):
            # the document says what it is: "carmaker Maruti", "Mencap, the charity"
            prefix = nominal.KIND_PREFIXES.get(kind, "org")
            return _Mention(f"{prefix}/{text}", text, kind, None, text)
        words = text.split()
        first = words[0].casefold().rstrip(".") if words else ""
        if (first in _HONORIFICS and len(words) > 1 and label not in _VALUE_LABELS
                and not all(w.casefold() in TITLE_WORDS for w in words[1:])):
            label = "PERSON"  # "Mr Nevzlin", "Lord Haskins", whatever the tagger said
        elif label in {"", "ORG", "GPE", "LOC", "NORP", "FAC"} and len(words) > 2:
            named = _after_last_title(words)
            if named is not words and index.person(" ".join(named)) is None and not (
                    self.gazetteer.find(" ".join(named))):
                # "Suffolk Chief Constable Alastair McWhirter": the person after the title
                text, label = " ".join(named), "PERSON"
        numbered = _TRAILING_NUMBER.fullmatch(text) if text[-1:].isdecimal() else None
        if numbered:
            # a minute or squad number after a name ("Dyer 69" in a match report)
            bare = numbered.group(1)
            if index.person(bare) is not None or self.gazetteer.find(bare):
                text, label = bare, ""
        if label == "PERSON":
            return self._person_name(text, index)
        defined = index.acronyms.get(text)
        if defined is not None and not self.gazetteer.find(text) and defined[0] != text:
            # an acronym the document defined: the entity of its long name
            expanded = self._name(defined[0], defined[1], index)
            if expanded is not None:
                return _Mention(expanded.key, expanded.label, expanded.type,
                                expanded.wikidata, text, expanded.entry)
        if not is_plausible_name(text):
            return None
        if " " not in text and normalize(text) in index.surnames:
            # a surname of someone named in full in this document ("Navalny" tagged GPE)
            person = index.person(text)
            if person is not None:
                return person
        found = self.gazetteer.find(text)
        if found:
            return _entry_mention(found[0], text)
        country = self.gazetteer.demonym(text)
        if country is not None and label in {"NORP", ""}:
            # "the Russians", "the Chinese" are the country; "the Spaniard" a person
            if not text.casefold().endswith(_PEOPLE_DEMONYM_ENDINGS):
                return None
            return _entry_mention(country, None)
        person = index.person(text)
        if person is not None:
            return person
        if label == "ORG":
            titled = strip_titles(text)
            if titled != text and index.person(titled) is not None:
                return index.person(titled)
            cls = self._organization_type(text)
            if cls == "Law":  # "the Treaty establishing...", tagged ORG
                return _Mention(f"law/{text}", text, "Law", None, text)
            return _Mention(f"org/{text}", text, cls, None, text)
        if label in LABEL_TYPES:
            cls, prefix = LABEL_TYPES[label]
            kind = self._organization_type(text)
            if label in {"GPE", "LOC", "FAC", "NORP"} and " " in text and kind in _NAMED_BODIES:
                # "Economic Commission for Latin America" tagged GPE is a body
                return _Mention(f"org/{text}", text, kind, None, text)
            return _Mention(f"{prefix}/{text}", text, cls, None, text)
        words = text.split()
        if (len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper()
                and all(w[:1].isupper() or w in _NAME_CONNECTORS for w in words)
                and words[-1].casefold() not in LONE_TITLES
                and words[0].casefold() not in LONE_TITLES  # "Chief Executive of X": a post
                and not all(w.casefold() in TITLE_WORDS for w in words)):
            # an untagged name: typed by its words where they tell ("Treaty of Lisbon")
            cls = self._organization_type(text)
            if cls == "Law":
                return _Mention(f"law/{text}", text, "Law", None, text)
            if cls != "Organization":
                return _Mention(f"org/{text}", text, cls, None, text)
            return _Mention(f"entity/{text}", text, "Entity", None, text)
        return None

    def _capital_kept(self, *mentions: _Mention | Value) -> bool:
        """Whether a capital acts as an agent with metonymy switched off: the user
        asked for the city, so the statement stays though a city is no agent."""
        return not self.metonymy and any(
            isinstance(m, _Mention) and m.entry is not None and m.entry.capital_of
            for m in mentions)

    def _programme(self, text: str) -> _Mention | None:
        """A broadcaster's or paper's programme or title ("BBC Radio 4's Woman's
        Hour", "BBC One's Breakfast with Frost"): a work, not a place or an event."""
        if "'s" not in text and "\u2019s" not in text:
            return None  # no possessive: no owner (the common case, said cheaply)
        match = _OWNED_WORK.match(_squash(text))
        if match is None:
            return None
        owner, name = match.group(1), _WORK_SUFFIX.sub("", match.group(2)).strip()
        words = name.split()
        media = self._organization_type(owner) == "MediaOrganization" or any(
            e.type == "MediaOrganization" for e in self.gazetteer.find(owner))
        if (not media or not words or not is_plausible_name(name)
                or not all(w[:1].isupper() or w in _WORK_CONNECTORS for w in words)):
            return None
        return _Mention(f"work/{name}", name, "Work", None, name)

    def _organization_type(self, text: str) -> str:
        """:func:`~kg.resolve.names.organization_type`, and a media organisation for
        a name that starts with one the gazetteer knows ("BBC Wales", "BBC One")."""
        cls = organization_type(text)
        if cls == "Organization" and " " in text:
            found = self.gazetteer.find(text.split(" ", 1)[0])
            if found and found[0].type == "MediaOrganization":
                return "MediaOrganization"
        return cls

    def _person_name(self, text: str, index: _DocIndex) -> _Mention | None:
        name = index.person_name(text)
        if len(name) > 1 and name.isalpha() and name.isupper() and " " not in name:
            # an acronym tagged PERSON ("BAA launched..."): an organisation
            found = self.gazetteer.find(name)
            if found:
                return _entry_mention(found[0], name)
            return _Mention(f"org/{name}", name, self._organization_type(name), None, name)
        misread = _misread_person(name, self.gazetteer)
        if misread is not None:
            prefix, cls = misread
            return _Mention(f"{prefix}/{name}", name, cls, None, name)
        person = index.person(text)
        if person is not None:
            return person
        if not is_plausible_name(name):
            return None
        misread = _misread_person(name, self.gazetteer)
        if misread is not None:
            prefix, cls = misread
            return _Mention(f"{prefix}/{name}", name, cls, None, name)
        found = self.gazetteer.find(name)
        if found and found[0].kind in {"country", "org"}:
            # a country or organisation the tagger took for a person ("Jordan")
            return _entry_mention(found[0], name)
        if " " not in name and re.fullmatch(r"[A-Z]{2,}s", name):
            return None  # "MPs", "MEPs": people, but no one person
        honored = text.split(" ", 1)[0].casefold().rstrip(".") in _HONORIFICS
        if " " not in name and not honored and found and found[0].kind == "city":
            # a lone city name tagged PERSON, with no "Mr" before it ("Manchester")
            return _entry_mention(found[0], name)
        if " " not in name:
            # a surname (or first name) alone, whom this document never names in full:
            # this document's, until kg.resolve.crossdoc links it to one full name
            return _Mention(scoped_person_key(name, index.scope), name, "Person", None, name)
        return _Mention(f"person/{name}", name, "Person", None, name)

    def _we(self, speaker: _Mention | None, index: _DocIndex) -> _Mention | None:
        """Whom "we" stands for in what ``speaker`` says: the country or organisation
        the speaker represents (or the speaker itself, when not a person)."""
        if speaker is None or not self.coreference:
            return None
        if speaker.type != "Person":
            return _unnamed(speaker) if speaker.type not in {"City", "Place"} else None
        key = self._people(index).represents(speaker.key)
        entry = self.gazetteer.get(key) if key else None
        return _entry_mention(entry, None) if entry is not None else None

    # -- statements ------------------------------------------------------------

    def _statement(self, statement: Statement, index: _DocIndex) -> _Staged | None:
        """Resolve one statement, or ``None`` when its arguments do not resolve."""
        if statement.object is None:
            return None
        speaker = None
        if statement.speaker is not None:
            found = self._argument(statement.speaker, index, agent=True)
            speaker = found if isinstance(found, _Mention) else None
            if speaker is not None and not self.types.is_a(speaker.type, {"Agent"}):
                speaker = None  # kg:speaker is an agent: no "Newsnight said"
        we = self._we(speaker, index)
        if statement.rule in ROLE_RULES | {"copula"} and statement.lemma == "be":
            held = self._role(statement, index, we=we, speaker=speaker)
            if held is not None:
                return held
        elif statement.lemma != "be":
            held = self._taken_role(statement, index, we=we, speaker=speaker)
            if held is not None:
                return held
        subject: _Mention | Value | None = None
        # the first object; failing that, a later one that a preposition introduces
        # ("supply [energy] to China" → supplies_to China), as the statement's object
        for position, obj_arg in enumerate(statement.objects):
            if position and obj_arg.role.lower() in _NOT_PREPOSITIONS:
                continue
            lemma, relation, info, subject_agent = self._relation(
                statement.lemma, obj_arg.role.lower(), statement.passive)
            subject = self._argument(statement.subject, index, agent=subject_agent, we=we,
                                     speaker=speaker)
            if not isinstance(subject, _Mention):
                return None
            # a listed relation's preposition is part of it ("impose sanction on"); a
            # fallback one's may be a place ("meet in Moscow")
            obj_agent = info.group in AGENT_GROUPS and (
                info.declared or obj_arg.role.lower() not in LOCATIVE_ROLES)
            obj = self._argument(obj_arg, index, agent=obj_agent, we=we, speaker=speaker)
            if position and not isinstance(obj, _Mention):
                continue  # later objects only for entities, not "on Monday"
            if obj is None and not position and statement.rule not in policy.NOMINAL_RULES:
                inner = (self._related(statement, obj_arg, index, we=we, speaker=speaker)
                         or self._inner(statement, obj_arg, index, we=we, speaker=speaker))
            elif obj is None and not position and statement.rule == "appos":
                inner = self._related(statement, obj_arg, index, we=we, speaker=speaker)
            else:
                inner = None
            if inner is not None:
                statement, relation, obj = inner
                if obj.key == subject.key or not self.types.allows(
                        relation, subject=subject.type, object=obj.type):
                    return None
                return (statement, subject, relation, obj, speaker)
            if obj is None:
                continue
            if position and not info.declared:
                # "shouted insults at Montezemolo": the noun the verb took stays in
                # the relation's name (shouts_insults_at), as a light verb's must
                noun = self._noun(statement.objects[0], index)
                if noun is not None:
                    lemma, relation, info, _ = self._relation(
                        f"{statement.lemma} {noun}", obj_arg.role.lower(), statement.passive)
            if isinstance(obj, _Mention) and obj.key == subject.key:
                return None
            if position:
                rest = tuple(o for o in statement.objects if o is not obj_arg)
                statement = replace(statement, lemma=lemma, objects=(obj_arg, *rest))
            if isinstance(obj, Value):
                relation = value_relation(relation, obj)
            if not self.types.allows(relation, subject=subject.type,
                                     object=obj.type if isinstance(obj, _Mention) else None
                                     ) and not self._capital_kept(subject, obj):
                return None  # outside the relation's domain or range: a misreading
            return (statement, subject, relation, obj, speaker)
        return None

    def _noun(self, arg: Argument, index: _DocIndex) -> str | None:
        """The plain noun an object phrase is about ("insults"), if it is one."""
        head = index.token_at(arg.head_start, arg.head_end)
        return nominal.noun_of(head) if head is not None else None

    def _inner(self, statement: Statement, obj_arg: Argument, index: _DocIndex, *,
               we: _Mention | None, speaker: _Mention | None
               ) -> tuple[Statement, str, _Mention] | None:
        """An entity inside an object that is no entity: "held talks with Borussia
        Dortmund" → holds_talks_with Borussia Dortmund (the noun stays in the
        relation's name)."""
        head = index.token_at(obj_arg.head_start, obj_arg.head_end)
        if head is None or obj_arg.role.lower() not in {"obj", "dobj", ""}:
            return None
        found = nominal.inner_object(head)
        if found is None:
            return None
        noun, prep, tokens = found
        pobj = next(t for t in tokens if t.head.i == next(
            c.i for c in head.children if c.dep_ == "prep" and c.lower_ == prep))
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if start < obj_arg.start or end > obj_arg.end:
            return None
        inner_arg = Argument(index.text[start:end], start, end, pobj.idx,
                             pobj.idx + len(pobj), pobj.ent_type_, prep)
        lemma, relation, info, _ = self._relation(f"{statement.lemma} {noun}", prep,
                                                  statement.passive)
        obj = self._argument(inner_arg, index, agent=info.group in AGENT_GROUPS, we=we,
                             speaker=speaker)
        if not isinstance(obj, _Mention):
            return None
        rest = tuple(o for o in statement.objects if o is not obj_arg)
        return replace(statement, lemma=lemma, objects=(inner_arg, *rest)), relation, obj

    def _related(self, statement: Statement, obj_arg: Argument, index: _DocIndex, *,
                 we: _Mention | None, speaker: _Mention | None
                 ) -> tuple[Statement, str, _Mention] | None:
        """ "China is Russia's biggest trading partner" → trading_partner_of Russia;
        "X, a rival of Y" → rival_of Y (a relation noun after "is")."""
        if statement.lemma != "be":
            return None
        head = index.token_at(obj_arg.head_start, obj_arg.head_end)
        found = nominal.relation_noun(head) if head is not None else None
        if found is None:
            return None
        name, owner = found
        tokens = [t for t in owner.subtree if t.dep_ != "case"]
        if not tokens or tokens[0].idx < obj_arg.start:
            return None
        owner_arg = _token_argument(tokens, "of", head=owner)
        obj = self._argument(owner_arg, index, agent=True, we=we, speaker=speaker)
        if not isinstance(obj, _Mention):
            return None
        words = name.replace("_", " ")
        rest = tuple(o for o in statement.objects if o is not obj_arg)
        return (replace(statement, lemma=words, relation=f"is {words}",
                        objects=(owner_arg, *rest)), name, obj)

    def _relation(self, lemma: str, role: str, passive: bool
                  ) -> tuple[str, str, RelationInfo, bool]:
        """For a statement's ``lemma`` and an object's (lower-case) ``role``: the
        lemma with the role's preposition, the relation it names, what the ontology
        says of that relation, and whether the subject acts (is no place);
        memoised, as the ontology does not change."""
        key = (lemma, role, passive)
        found = self._relations.get(key)
        if found is None:
            if len(self._relations) >= 100_000:
                self._relations.clear()
            full = lemma
            if (role not in _NOT_PREPOSITIONS and lemma.split()[-1:] != role.split()[-1:]
                    and not lemma.endswith(" " + role)):
                full = f"{lemma} {role}"  # "end" + "in 2060" → "end in" → ends_in
            relation = self.ontology.relation_for(full, passive=passive)
            info = self.ontology.relation_info(relation)
            subject_agent = (info.group != "location"
                             and relation.split("_")[0] not in _PLACE_VERBS)
            found = self._relations[key] = (full, relation, info, subject_agent)
        return found

    def _role(self, statement: Statement, index: _DocIndex, *, we: _Mention | None,
              speaker: _Mention | None) -> _Staged | None:
        """A person's title or apposition as the position they hold:
        "Russian President Vladimir Putin" → holds_position "president of Russia"."""
        assert statement.object is not None
        position = self.position(statement.object.text)
        if position is None:
            if statement.rule != "appos" and not statement.subject.text.lower().startswith(
                    "the "):
                return None
            # "The new President is Viktor Yushchenko": the title first, then the name
            position = self.position(statement.subject.text)
            if position is None:
                return None
            statement = replace(statement, subject=statement.object,
                                objects=(statement.subject, *statement.objects[1:]))
        subject = self._argument(statement.subject, index, agent=True, we=we, speaker=speaker)
        if not isinstance(subject, _Mention) or subject.type != "Person":
            return None
        return (statement, subject, POSITION_RELATION, Value(position), speaker)

    def _taken_role(self, statement: Statement, index: _DocIndex, *,
                    we: _Mention | None, speaker: _Mention | None) -> _Staged | None:
        """A role a verb gives: "Mr Yushchenko became president", "X was appointed
        (as) chief executive", "Y served as foreign minister"."""
        words = statement.lemma.split()
        if not words or words[-1] == "by":
            return None
        verb = " ".join(w for w in words if w != "as")
        if statement.passive and not verb.startswith("be "):
            verb = f"be {verb}"
        for obj_arg in statement.objects:
            role = obj_arg.role.lower()
            if not (role == "as" or (verb in ROLE_VERBS and role in {"obj", "attr", "oprd"})):
                continue
            if verb not in ROLE_VERBS and role != "as":
                continue
            if role == "as" and verb not in ROLE_VERBS | ROLE_AS_VERBS:
                continue
            position = self.position(obj_arg.text)
            if position is None:
                return None
            subject = self._argument(statement.subject, index, agent=True, we=we,
                                     speaker=speaker)
            if not isinstance(subject, _Mention) or subject.type != "Person":
                return None
            rest = tuple(o for o in statement.objects if o is not obj_arg)
            taken = replace(statement, objects=(obj_arg, *rest), rule=TAKEN_ROLE_RULE)
            return (taken, subject, POSITION_RELATION, Value(position), speaker)
        return None

    def position(self, text: str) -> str | None:
        """The position a title names, its country spelt out, or ``None`` when the
        phrase does not end in a title word.

        >>> Resolver().position("Russian President")
        'president of Russia'
        >>> Resolver().position("the US national security adviser")
        'national security adviser of United States'
        >>> Resolver().position("a keen gardener") is None
        True
        """
        words = re.findall(r"[\w][\w.'-]*", text)
        tail: list[str] = []
        for k in range(1, len(words) - 1):
            if words[k] in _TITLE_PREPOSITIONS and words[k - 1].lower() in TITLE_WORDS:
                # "chief executive of BT Wholesale": the title, then what it names
                words, tail = words[:k], words[k + 1:]
                break
        while words and words[-1].lower().rstrip(".") in _HONORIFICS:
            words = words[:-1]  # "the Economist Intelligence Unit's Mr": no title
        if not words or words[-1].lower() not in TITLE_WORDS:
            return None
        if tail:
            named = self.gazetteer.find(" ".join(w for w in tail if w.lower() != "the"))
            if named and named[0].kind == "country":
                words = [*words, named[0].label]
        countries: list[str] = []
        rest: list[str] = []
        for word in words:
            entry = self.gazetteer.demonym(word)
            if entry is None and word[:1].isupper():
                found = self.gazetteer.find(word)
                entry = found[0] if found and found[0].kind == "country" else None
            if entry is not None:
                countries.append(entry.label)
            elif word.lower() not in _ARTICLES:
                rest.append(word.lower())
        if not rest or all(w in roles.NOT_HEADS for w in rest):
            return None  # "the first Scot": a modifier, no position
        title = " ".join(rest)
        return f"{title} of {countries[0]}" if countries else title

    # -- facts inside noun phrases (kg.resolve.nominal) ------------------------

    def _possessive(self, item: _Staged) -> _Staged:
        """A possessive's bare "has" named by what it states ("Japan's Suzuki" →
        Suzuki located_in Japan), or the item as it was."""
        statement, subject, relation, obj, speaker = item
        if statement.rule != "poss" or relation != "has" or not isinstance(obj, _Mention):
            return item
        owned = statement.object
        assert owned is not None
        if owned.start - statement.subject.end > 3:
            return item  # "Labour's Robin Cook and ... Paul Tyler": a later conjunct
        found = nominal.possessive_relation(subject.type, obj.type, owned.text.split())
        if found is None:
            return item
        name, reverse = found
        if not self.types.allows(name, subject=obj.type if reverse else subject.type,
                                 object=subject.type if reverse else obj.type):
            return item
        words = name.replace("_", " ")
        if reverse:
            statement = replace(statement, subject=owned, objects=(statement.subject,),
                                relation=words, lemma=words)
            return statement, obj, name, subject, speaker
        return replace(statement, relation=words, lemma=words), subject, name, obj, speaker

    # -- roles and affiliations (kg.resolve.roles) -------------------------------

    def _body(self, arg: Argument, index: _DocIndex) -> _Mention | Value | None:
        """The body a role's modifier or object names: a country by its demonym
        ("French"), a party by its adjective ("Tory", "Liberal Democrat"), else
        the entity the argument resolves to (a town stays a town)."""
        text = clean_mention(arg.text)
        if not text:
            return None
        country = self.gazetteer.demonym(text)
        if country is not None:
            return _entry_mention(country, None)
        if text[:1].isupper():
            plurals = (text + "s", text[:-1] + "ies") if text.endswith("y") else (text + "s",)
            for plural in plurals:
                for entry in self.gazetteer.find(plural):
                    if entry.type == "PoliticalParty":
                        return _entry_mention(entry, text)
        found = self._argument(arg, index, agent=False)
        if found is None:
            # "the PCS union", "the campaign group Liberty": the name inside
            for ent in reversed(index.ents):
                if (arg.start <= ent.start_char and ent.end_char <= arg.end
                        and ent.label_ in {"ORG", "GPE", "NORP", "FAC"}):
                    inner = Argument(ent.text, ent.start_char, ent.end_char,
                                     ent.root.idx, ent.root.idx + len(ent.root), ent.label_,
                                     arg.role)
                    return self._argument(inner, index, agent=False)
            # a capitalised word the tagger took for a common noun ("Blackburn
            # striker", "Rovers' assistant manager"): a known place or body, else
            # the organisation the role names
            known = self.gazetteer.find(text)
            if known:
                return _entry_mention(known[0], text)
            words = text.split()
            if (words and all(w[:1].isupper() for w in words) and is_plausible_name(text)
                    and not any(w.casefold() in TITLE_WORDS or w.casefold() in roles.NOT_HEADS
                                or w.casefold() in _ROLE_WORDS for w in words)
                    and self.gazetteer.demonym(text) is None):
                return _Mention(f"org/{text}", text, "Organization", None, text)
        return found

    def _titles(self, staged: list[_Staged], index: _DocIndex) -> Iterator[_Staged]:
        """Titles next to names that the extractor's title rule did not read
        ("on Wednesday Prime Minister Yulia Tymoshenko", "Ian MacDonald QC", a list
        after "five other barristers"): holds_position, once per person and sentence."""
        held = {(subject.key, statement.sentence_start)
                for statement, subject, relation, _, _ in staged
                if relation == POSITION_RELATION}
        doc = index.doc
        for name, title in roles.titled_names(doc, title_word=_is_title_word):
            position = self.position(title) or (
                title if title in roles.POSTNOMINALS else None)
            if position is None:
                continue
            person = self._argument(_token_argument(name, "subj"), index, agent=True)
            if not isinstance(person, _Mention) or person.type != "Person":
                continue
            sent = doc[name[0].i].sent
            if (person.key, sent.start_char) in held:
                continue
            held.add((person.key, sent.start_char))
            start = min(name[0].idx, doc.text.find(title, sent.start_char, sent.end_char))
            title_start = doc.text.find(title, sent.start_char, sent.end_char)
            title_arg = Argument(title, title_start, title_start + len(title), title_start,
                                 title_start + len(title), "", "obj")
            statement = Statement(
                subject=_token_argument(name, "subj"), relation="is", lemma="be",
                objects=(title_arg,), sentence=sent.text, sentence_start=sent.start_char,
                sentence_end=sent.end_char, confidence=0.8,
                rule="appos" if start > name[0].idx else "title")
            yield statement, person, POSITION_RELATION, Value(position), None

    def _affiliations(self, staged: list[_Staged], index: _DocIndex, *,
                      document_facts: bool) -> Iterator[_Staged]:
        """The organisations and countries that the document's roles name
        (:mod:`kg.resolve.roles`)."""
        def body(arg: Argument) -> _Mention | Value | None:
            return self._body(arg, index)

        for statement, subject, relation, _, speaker in list(staged):
            if relation == POSITION_RELATION and statement.rule in ROLE_RULES | {
                    TAKEN_ROLE_RULE}:
                for fact in roles.role_affiliations(statement, subject, speaker,
                                                    doc=index.doc, body=body,
                                                    title_word=_is_title_word):
                    if self.types.allows(fact[2], subject=fact[1].type,
                                         object=fact[3].type):  # type: ignore[union-attr]
                        yield fact

        if not document_facts:
            return

        def person(arg: Argument) -> _Mention | Value | None:
            return self._argument(arg, index, agent=True)

        yield from roles.of_bodies(index.doc, person=person, body=body)
        yield from self._relatives(index)

    def _relatives(self, index: _DocIndex) -> Iterator[_Staged]:
        """"his wife Sandra", "Putin's spokesman Dmitry Peskov", "Alan Milburn, an
        ally of Tony Blair" (:func:`kg.resolve.nominal.relatives`)."""
        doc = index.doc
        for relation, name, other in nominal.relatives(doc):
            name_arg = _token_argument(name, "subj")
            other_tokens = [other] if other.pos_ == "PRON" else [
                t for t in other.subtree if t.dep_ != "case" and t.i <= other.i]
            other_arg = _token_argument(other_tokens, "obj", head=other)
            who = self._argument(name_arg, index, agent=True)
            whom = self._argument(other_arg, index, agent=True)
            if (not isinstance(who, _Mention) or not isinstance(whom, _Mention)
                    or who.type != "Person" or who.key == whom.key):
                continue
            if relation not in {"ally_of", "rival_of", "spokesperson_for", "adviser_to"} \
                    and whom.type != "Person":
                continue
            sent = doc[name[0].i].sent
            words = relation.replace("_", " ")
            statement = Statement(
                subject=name_arg, relation=words, lemma=words, objects=(other_arg,),
                sentence=sent.text, sentence_start=sent.start_char,
                sentence_end=sent.end_char, confidence=0.8, rule="relative")
            yield statement, who, relation, whom, None

    def resolve(self, statements: Iterable[Statement], doc: Doc, *,
                document_facts: bool = False) -> list[ResolvedStatement]:
        """Resolve the statements of one parsed document (``doc``, whose text their
        offsets index), keeping those whose subject and first object resolve, with
        the affiliations their roles name.

        ``document_facts`` adds the facts that the document's noun phrases state
        outside any statement given (titles next to names, relatives, "X of ORG"):
        :func:`kg.pipeline.process` asks for them."""
        index = _DocIndex(doc, self.gazetteer)
        staged: list[_Staged] = []
        for statement in statements:
            found = self._statement(statement, index)
            if found is not None:
                staged.append(found)
        if document_facts:
            staged.extend(self._titles(staged, index))
        staged.extend(self._affiliations(staged, index, document_facts=document_facts))
        staged = [self._possessive(item) for item in staged]

        aliases: dict[str, set[str]] = {}
        for _, subject, _, obj, speaker in staged:
            for mention in (subject, obj, speaker):
                if isinstance(mention, _Mention):
                    seen = aliases.setdefault(mention.key, set())
                    if mention.surface and _squash(mention.surface) != mention.label:
                        seen.add(_squash(mention.surface))
        entities: dict[str, Entity] = {}

        def entity(mention: _Mention) -> Entity:
            if mention.key not in entities:
                entities[mention.key] = Entity(
                    key=_squash(mention.key), label=_squash(mention.label), type=mention.type,
                    aliases=frozenset(aliases.get(mention.key, ())),
                    wikidata=mention.wikidata,
                )
            return entities[mention.key]

        out = []
        for statement, subject, relation, obj, speaker in staged:
            withheld = policy.withheld_relation(
                relation, object_type=obj.type if isinstance(obj, _Mention) else None
            ) or policy.withheld_role(relation, statement) or policy.withheld_nominal(
                statement, subject_type=subject.type)
            if withheld is None and not statement.negated and (
                    statement.modality not in HYPOTHETICAL_MODALS):
                withheld = policy.withheld_by_context(statement, doc)
            out.append(ResolvedStatement(
                statement=statement,
                subject=entity(subject),
                relation=relation,
                object=entity(obj) if isinstance(obj, _Mention) else obj,
                speaker=entity(speaker) if speaker is not None else None,
                withheld=withheld,
            ))
        return out


def resolve(
    statements: Iterable[Statement], doc: Doc, *, metonymy: bool = True,
    document_facts: bool = False,
) -> list[ResolvedStatement]:
    """Resolve one document's statements with a default :class:`Resolver` (see
    :meth:`Resolver.resolve`)."""
    return Resolver(metonymy=metonymy).resolve(statements, doc,
                                               document_facts=document_facts)
