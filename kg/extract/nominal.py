"""Noun-phrase rules: facts stated inside noun phrases, with an implicit "is"/"has".

- apposition: "Jake Sullivan, the US national security adviser" → Jake Sullivan / is / ...
- title before a name: "Russian President Vladimir Putin" → Vladimir Putin / is / Russian President
- possessive: "NATO's expansion" → NATO / has / expansion
- place attached to a name: "the Charite hospital in Berlin" → ... / is in / Berlin
- nominal relation between coordinated members: "trade between Russia and China"
  → Russia / has trade with / China (and back)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.extract.labels import (
    APPOSITIONS,
    BETWEEN_PREPOSITIONS,
    CASE_MARKERS,
    CONJUNCTS,
    NOMINALS,
    NOUN_MODIFIERS,
    NUMERIC_LABELS,
    PERSON_LABELS,
    PHRASE_OPENERS,
    PLACE_LABELS,
    PLACE_PREPOSITIONS,
    POSSESSORS,
    PREP_OBJECTS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBJECTS,
    all_opens_a_name,
    opens_a_name,
)
from kg.extract.tokens import Tok as Token
from kg.extract.tokens import TSpan as Span

__all__ = ["NominalFact", "nominal_facts"]

_NP_PREPOSITIONS = frozenset({"for", "with", "from", "on", "between", "among", "during"})
_NAME_LABELS = frozenset({"PERSON", "ORG"})
_TITLE_DEPS = NOUN_MODIFIERS | PHRASE_OPENERS | POSSESSORS | CASE_MARKERS


@dataclass(frozen=True, slots=True)
class NominalFact:
    """An implicit fact: subject head (or explicit token range), relation, object."""

    subject: Token
    relation: str  # surface, e.g. "is", "has", "is in"
    lemma: str
    obj: Token
    rule: str
    subject_range: tuple[int, int] | None = None
    object_range: tuple[int, int] | None = None
    object_after: int | None = None  # object span starts after this token
    split_object: bool = True


_APPOS_SEPARATORS = frozenset({",", "(", "-", "--", "\u2013", "\u2014", ":"})


def _appositions(tok: Token) -> Iterator[NominalFact]:
    head = tok.head
    if head.pos_ not in NOMINALS or tok.pos_ not in NOMINALS or head.i == tok.i:
        return
    if head.pos_ == "PRON" or tok.pos_ == "PRON":
        return
    if head.ent_type_ in NUMERIC_LABELS or (tok.ent_type_ in NUMERIC_LABELS and not any(
            c.lower_ == "of" for c in tok.children)):  # "Alan, one of the crew," is fine
        return
    # a list ("A, B, and C") is parsed as appositions too: skip coordinated members
    if any(c.dep_ in CONJUNCTS for c in tok.children):
        return
    if any(c.dep_ in CONJUNCTS and c.i > tok.i for c in head.children):
        return
    if tok.pos_ == "NOUN" and any(c.dep_ in APPOSITIONS and c.ent_type_ == "PERSON"
                                  and c.left_edge.i == tok.i + 1 for c in tok.children):
        return  # "without flanker Keith Gleeson, coach Eddie O'Sullivan has ...": the
        # title of the name right after it, not an apposition to the one before
    pieces = _hyphened(tok)
    if pieces is not None:
        # "senior vice-president of technology" parsed as three appositions
        # ("senior vice", "-", "president of technology"): one, from its last piece
        if pieces[1] == tok.i:
            yield NominalFact(head, "is", "be", tok, "appos",
                              object_range=(pieces[0], tok.right_edge.i + 1))
        return
    lo, hi = (head.i, tok.left_edge.i) if head.i < tok.i else (tok.right_edge.i, head.i)
    if any(t.text == ";" for t in head.doc.tokens[min(head.i, tok.i) + 1 : max(head.i, tok.i)]):
        return  # "actor - Jamie Foxx; actress - Hilary Swank": items of a list
    if not any(t.text in _APPOS_SEPARATORS for t in head.doc.tokens[lo + 1 : hi]):
        yield from _title_head(tok)
        return
    if tok.ent_type_ in PLACE_LABELS and tok.i > head.i and tok.i == tok.right_edge.i and (
            head.ent_type_ in PLACE_LABELS or head.ent_type_ in {"ORG", "FAC"}):
        # "Mount Vernon, Ind." / "Davidson Township, Sullivan County"
        yield NominalFact(head, "is in", "be in", tok, "appos_place")
        return
    if _bracketed_with(head, tok):
        # "J Robinson (Sale Sharks, capt)": the club and the post in one pair of
        # brackets are both the name's outside them
        yield NominalFact(head.head, "is", "be", tok, "appos")
        return
    # the name is the subject, the description the object
    if tok.pos_ == "PROPN" and head.pos_ != "PROPN":
        yield NominalFact(tok, "is", "be", head, "appos")
    else:
        yield NominalFact(head, "is", "be", tok, "appos")


def _bracketed_with(head: Token, tok: Token) -> bool:
    """Whether ``head`` and its apposition ``tok`` after it stand in one pair of
    brackets that follows the name ``head`` is itself in apposition to ("J Robinson
    (Sale Sharks, capt)")."""
    outer = head.head
    if head.dep_ != "appos" or outer.i >= head.i or tok.i < head.i or outer.pos_ != "PROPN":
        return False
    doc = head.doc.tokens
    between = [t.text for t in doc[outer.i + 1 : head.i]]
    return between[:1] == ["("] and ")" not in between and all(
        t.text != ")" for t in doc[head.i + 1 : tok.i])


def _hyphened(tok: Token) -> tuple[int, int] | None:
    """The first token of a hyphened word split into appositions of one head, and
    its last piece, when ``tok`` is one of its pieces ("vice", "-", "president"
    written "vice-president"): each piece an apposition, no space around the
    hyphen."""
    tokens = tok.doc.tokens
    head = tok.head

    def piece(i: int) -> bool:
        return 0 <= i < len(tokens) and tokens[i].dep_ == "appos" and tokens[i].head is head

    for hyphen in (tok.i - 1, tok.i, tok.i + 1):
        if (0 < hyphen < len(tokens) - 1 and tokens[hyphen].text == "-"
                and piece(hyphen - 1) and piece(hyphen) and piece(hyphen + 1)
                and _in_word(tokens, hyphen)):
            return tokens[hyphen - 1].left_edge.i, hyphen + 1
    return None


def _in_word(tokens: Sequence[Token], hyphen: int) -> bool:
    """Whether the hyphen at ``hyphen`` (not the first or last token) joins the
    tokens on both sides with no space ("vice-president"), no dash between words."""
    before, dash, after = tokens[hyphen - 1], tokens[hyphen], tokens[hyphen + 1]
    return before.idx + len(before.text) == dash.idx and dash.idx + 1 == after.idx


def _title_head(name: Token) -> Iterator[NominalFact]:
    """ "BT's chief executive Ben Verwaayen" parsed with the title as the head and
    the name as its apposition, with no comma between: the name has the title."""
    title = name.head
    if (title.pos_ != "NOUN" or name.pos_ != "PROPN" or name.ent_type_ not in PERSON_LABELS
            or name.left_edge.i != title.i + 1 or title.right_edge.i != name.right_edge.i):
        return
    start = title.left_edge.i
    doc = title.doc.tokens
    opener = start
    while start < title.i and doc[start].dep_ in PHRASE_OPENERS and not _name_opener(
            doc, start):
        start += 1
    start = _after_work_title(doc, opener, start)
    if any(t.pos_ in {"VERB", "AUX", "PRON", "ADP", "ADV"} or t.tag_ in {"JJR", "JJS"}
           or (t.pos_ == "PUNCT" and t.idx > doc[t.i - 1].idx + len(doc[t.i - 1].text))
           or t.dep_ in CONJUNCTS or t.pos_ == "CCONJ" or t.ent_type_ in PERSON_LABELS
           or t.ent_type_ in NUMERIC_LABELS
           for t in doc[start : title.i]):
        # "the equally unconventional director", "Super Size Me director", "Darin's
        # wife - real life Hollywood actress", "French singer Charles Aznavour and
        # British ambassador Sir John Holmes" (a list the parser made one phrase)
        return
    yield NominalFact(name, "is", "be", title, "title",
                      subject_range=(name.left_edge.i, name.i + 1),
                      object_range=(start, title.i + 1))


def _name_opener(doc: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a determiner that opens a name ("No Doubt"; "All
    Blacks" of a title before a name even at a sentence's start: "All Blacks captain
    Tama Umaga has warned ...")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return all_opens_a_name(doc[i], after) or opens_a_name(
        doc[i], doc[i - 1] if i else None, after)


def _after_work_title(doc: list[Token], opener: int, start: int) -> int:
    """Where a title that begins at ``start`` really begins when its first names end
    a work's title ("Touching the Void director", "The Phantom of the Opera
    director": a director, of no "Void" or "Opera"): after those names, when the
    phrase opens with "the" right after a capitalised verb ("Touching"), or after a
    capitalised name and "of", that no entity tag covers; else ``start``."""
    if opener < 1 or doc[opener].lower_ != "the" or start == opener:
        return start
    word = doc[opener - 1]
    if word.lower_ == "of" and opener >= 2:
        word = doc[opener - 2]
        if word.pos_ != "PROPN":
            return start
    elif word.tag_ != "VBG":
        return start
    if not word.text[:1].isupper() or word.ent_type_:
        return start
    while start < len(doc) and doc[start].pos_ == "PROPN" and doc[start].dep_ in {
            "compound", "nmod"}:
        start += 1
    return start


def _name_start(head: Token) -> int:
    """Index of the first token of the proper name that ``head`` ends."""
    doc = head.doc.tokens
    if head.ent_type_ and head.ent_iob_ in {"B", "I"}:
        i = head.i
        while i > 0 and doc[i].ent_iob_ == "I" and doc[i - 1].ent_type_ == head.ent_type_:
            i -= 1
        return i
    i = head.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ in NOUN_MODIFIERS:
        i -= 1
    return i


#: Adjectives of a state of mind, which after "was" say how someone is, and open no
#: title ("he was confident shadow home secretary Mr Davis would ...").
_STATES = frozenset({"confident", "sure", "certain", "happy", "aware", "convinced", "keen",
                     "adamant", "pleased", "delighted", "hopeful", "optimistic", "unsure",
                     "worried", "concerned", "glad", "proud", "afraid", "satisfied"})


def _title(head: Token) -> Iterator[NominalFact]:
    """ "Russian President Vladimir Putin": the modifiers left of the name."""
    if head.pos_ != "PROPN":
        return
    if head.ent_type_ and head.ent_type_ not in PERSON_LABELS:
        return
    start = _name_start(head)
    lo = head.left_edge.i
    if start <= lo:
        return
    doc = head.doc.tokens
    mods = doc[lo:start]
    # every token left of the name must be a modifier inside the noun phrase
    if any(t.dep_ not in _TITLE_DEPS or t.head.i >= head.i + 1 for t in mods):
        return
    if any(t.text == "-" and not _in_word(doc, t.i) for t in mods if t.i):
        return  # "director - Martin Scorsese; actor - Jamie Foxx": a list's dash
    words = [t for t in mods if t.dep_ not in PHRASE_OPENERS | CASE_MARKERS | POSSESSORS]
    if not words or not any(t.is_alpha and len(t.text) > 2 for t in words):
        return  # honorifics ("Mr.", "Dr.") are not titles
    if all(t.ent_type_ in _NAME_LABELS for t in words):
        return  # another name, not a title
    if not head.ent_type_ and not any(t.pos_ == "NOUN" for t in words):
        return
    tstart = lo
    while tstart < start and doc[tstart].dep_ in PHRASE_OPENERS and not _name_opener(
            doc, tstart):
        tstart += 1  # (but "No Doubt singer": "No" is the band's, and "doubt" no post)
    tstart = _after_work_title(doc, lo, tstart)
    if tstart and doc[tstart - 1].lower_ in SUBJECT_PRONOUNS:
        tstart += 1  # "as they eye captain Steven Gerrard": a verb, tagged a noun
    while (tstart < start and tstart and doc[tstart].lower_ in _STATES
           and doc[tstart - 1].pos_ == "AUX" and doc[tstart - 1].lemma_ == "be"):
        tstart += 1  # "he was confident shadow home secretary Mr Davis would": the
        # speaker's state, no part of the post (but "is former boss X": the post's)
    if tstart >= start:
        return
    title_head = doc[start - 1]
    yield NominalFact(head, "is", "be", title_head, "title",
                      subject_range=(start, head.i + 1), object_range=(tstart, start))


def _possessive(tok: Token) -> Iterator[NominalFact]:
    owner = tok
    owned = tok.head
    if owned.pos_ not in {"NOUN", "PROPN"}:
        return
    last = owner.right_edge.i
    if owner.pos_ in {"NOUN", "PROPN"}:
        yield NominalFact(owner, "has", "have", owned, "poss", object_after=last)



def _place(tok: Token) -> Iterator[NominalFact]:
    """ "the Charite hospital in Berlin": a name located in a place."""
    noun = tok.head
    if noun.pos_ not in {"NOUN", "PROPN"} or not tok.is_alpha:
        return
    if tok.lower_ not in PLACE_PREPOSITIONS and tok.lower_ not in _NP_PREPOSITIONS:
        return
    pobj = next((c for c in tok.children if c.dep_ in PREP_OBJECTS), None)
    if pobj is None:
        return
    place = pobj.ent_type_ in PLACE_LABELS and tok.lower_ in PLACE_PREPOSITIONS
    if place and _party_to_event(noun):
        return  # "a 3-2 win over Cotonsport Garoua in Accra": where the match was
    rule = "np_place" if place else "np_prep"
    yield NominalFact(noun, "is " + tok.lower_, "be " + tok.lower_, pobj, rule)


#: Nouns of a match or its result, whose place a name after them is not in.
_EVENT_NOUNS = frozenset({"win", "victory", "defeat", "draw", "loss", "triumph", "match",
                          "game", "clash", "tie", "final", "semi-final", "fixture",
                          "meeting", "encounter", "showdown", "derby", "battle"})


def _party_to_event(noun: Token) -> bool:
    """Whether ``noun`` is the other party of a match or its result ("a win over X",
    "the clash with X", "their defeat by X"), so that a place after it is the
    match's."""
    prep = noun.head
    return (noun.dep_ in PREP_OBJECTS and prep.lower_ in _PARTY_PREPOSITIONS
            and prep.head.pos_ == "NOUN" and prep.head.lower_ in _EVENT_NOUNS)


#: Prepositions of the other party to a match ("the final of X in Y" is X's: a
#: tournament is where its final is).
_PARTY_PREPOSITIONS = frozenset({"over", "against", "with", "to", "by", "versus", "vs",
                                 "v"})


def _between(tok: Token) -> Iterator[NominalFact]:
    """ "trade between Russia and China": both directions."""
    noun = tok.head
    if tok.lower_ not in BETWEEN_PREPOSITIONS or noun.pos_ != "NOUN":
        return
    pobj = next((c for c in tok.children if c.dep_ in PREP_OBJECTS), None)
    if pobj is None:
        return
    members = [pobj, *(c for c in pobj.children if c.dep_ in CONJUNCTS)]
    if len(members) != 2:
        return
    word = noun.lower_
    for a, b in ((members[0], members[1]), (members[1], members[0])):
        yield NominalFact(a, f"has {word} with", f"have {noun.lemma_.lower()} with", b,
                          "np_between", split_object=False)




def _split_title(tok: Token) -> Iterator[NominalFact]:
    """ "popular internet reviewers RedLetterMedia delivered": a description and a
    name parsed as two subjects of one verb."""
    verb = tok.head
    if tok.pos_ != "PROPN" or verb.pos_ not in {"VERB", "AUX"}:
        return
    for other in verb.children:
        if other.dep_ in SUBJECTS and other.pos_ == "NOUN" and \
                other.right_edge.i + 1 == tok.left_edge.i:
            yield NominalFact(tok, "is", "be", other, "title",
                              subject_range=(tok.left_edge.i, tok.i + 1),
                              object_range=(other.left_edge.i, other.right_edge.i + 1))


def nominal_facts(sent: Span) -> Iterator[NominalFact]:
    """Every implicit be/have fact inside the noun phrases of ``sent``."""
    for tok in sent:
        dep = tok.dep_
        if dep in APPOSITIONS:
            yield from _appositions(tok)
        elif dep in POSSESSORS:
            yield from _possessive(tok)
        elif dep in PREPOSITIONS and tok.head.pos_ in NOMINALS:
            yield from _place(tok)
            yield from _between(tok)
        if tok.pos_ == "PROPN" and dep not in NOUN_MODIFIERS:
            yield from _title(tok)
            if dep in SUBJECTS:
                yield from _split_title(tok)
