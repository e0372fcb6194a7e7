"""Verb-centred rules: one :class:`Frame` per predicate of a sentence.

A frame is the predicate's verb group (auxiliaries, negation, the verb, its
particle, and the preposition of its first prepositional object), the head token
of its subject (own, or inherited through coordination, control, relative
clauses, participial modifiers and subjectless adverbial clauses) and its object
heads in order. :mod:`kg.extract.build` turns frames into statements.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from kg.extract.labels import (
    ADVERBIAL_CLAUSES,
    ADVERBS,
    AUXILIARIES,
    BETWEEN_COORDINATED,
    CLAUSAL_OBJECTS,
    CONJUNCTS,
    CONTRACTIONS,
    CORE_OBJECTS,
    DIRECT_OBJECTS,
    FINITE_TAGS,
    MARKERS,
    NEGATIONS,
    NOMINALS,
    NOUN_CLAUSES,
    NOUN_INTERNAL,
    NP_ADVERBIALS,
    OBJECTS,
    OPEN_COMPLEMENTS,
    PARTICIPLES_ONLY,
    PARTICLES,
    PASSIVE_SUBJECTS,
    PREDICATIVES,
    PREP_CLAUSES,
    PREP_OBJECTS,
    PREPOSITIONS,
    PRESENT_TAGS,
    RELATIVE_CLAUSES,
    RELATIVE_TAGS,
    REPORTED,
    SPEECH_VERBS,
    SUBJECTS,
    TIME_LABELS,
    VERBALS,
)
from kg.extract.tokens import Tok as Token
from kg.extract.tokens import TSpan as Span

if TYPE_CHECKING:
    from spacy.tokens import Token as SpacyToken

__all__ = ["Frame", "Obj", "adverb_particle", "clause_frames", "instead_of", "ranked",
           "speaker_of", "subject_of"]


@dataclass(slots=True)
class Obj:
    """An object slot: its head token, its role and whether it is a clause."""

    head: Token
    role: str
    clause: bool = False
    prep: Token | None = None


@dataclass(slots=True)
class Frame:
    """A predicate with its relation tokens, subject head and object heads."""

    verb: Token
    rel: list[Token]
    subject: Token
    how: str  # how the subject was found: own, conj, control, relcl, acl, advcl, pcomp
    objects: list[Obj] = field(default_factory=list)
    rule: str = "svo"
    co_subjects: list[Token] = field(default_factory=list)  # "A and I call" parsed as 2 nsubj
    subject_start: int | None = None  # "reviewers RedLetterMedia delivered": 2 nsubj, one NP
    prefix: str = ""  # a synthetic word before the relation ("is")
    passive: bool = False
    rel_prep: bool = False  # the relation ends in the first object's preposition


_position = attrgetter("i")
_head_position = attrgetter("head.i")


def _kids(tok: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _first(tok: Token, deps: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def is_relative_pronoun(tok: Token) -> bool:
    """Whether ``tok`` is a relative pronoun ("who", "which", "that" in a relcl)."""
    return tok.tag_ in RELATIVE_TAGS


def _antecedent(verb: Token) -> Token:
    """The noun a relative clause hangs on, seen through a copula ("X is a Y who"),
    and through a place the person is from ("Patty Schnyder from Switzerland, who
    defeated Li Na": Schnyder, "who" being no place)."""
    noun = verb.head
    if noun.dep_ == "attr" and noun.head.pos_ in VERBALS:
        subj = _own_subject(noun.head)
        if subj is not None and not is_relative_pronoun(subj):
            return subj
    if (noun.dep_ == "pobj" and noun.head.lower_ == "from" and noun.ent_type_ in {"GPE", "LOC"}
            and any(c.lower_ == "who" and c.dep_ in SUBJECTS for c in verb.children)):
        holder = noun.head.head
        if holder.pos_ in VERBALS:  # "face Kate Lowe from Switzerland", "from" on the verb
            holder = next((c for c in holder.children if c.dep_ == "dobj"
                           and c.i < noun.head.i), holder)
        if holder.pos_ in {"NOUN", "PROPN"}:
            return holder
    return noun


def _own_subject(verb: Token) -> Token | None:
    # several subjects are a parse error; the one nearest the verb (the first, on a
    # tie) is the best guess
    best: Token | None = None
    best_distance = 0
    at = verb.i
    for c in verb.children:
        if c.dep_ in SUBJECTS:
            distance = abs(at - c.i)
            if best is None or distance < best_distance:
                best, best_distance = c, distance
    return best


def co_subjects(verb: Token, subject: Token) -> list[Token]:
    """Other subjects of ``verb`` joined to ``subject`` by a coordinator the parser
    left unattached ("The President ... and I call": two ``nsubj``)."""
    others = [s for s in _kids(verb, SUBJECTS) if s.i != subject.i]
    if not others:
        return []
    out = []
    for other in others:
        lo, hi = sorted((other.i, subject.i))
        if any(t.dep_ == "cc" for t in verb.doc.tokens[lo + 1 : hi]):
            out.append(other)
    return out


def split_subject(verb: Token, subject: Token) -> Token | None:
    """The first half of a noun phrase the parser split into two adjacent subjects
    ("popular internet reviewers RedLetterMedia delivered ...")."""
    for other in verb.children:
        if other.dep_ in SUBJECTS and other.i != subject.i and \
                other.right_edge.i + 1 == subject.left_edge.i and other.pos_ == "NOUN":
            return other
    return None


#: Verbs that take whom they tell and a clause ("assured Sullivan Moscow was ready").
_TOLD_VERBS = frozenset({"inform", "notify", "remind", "assure", "convince", "persuade",
                         "show", "promise", "teach", "advise", "bet", "guarantee", "ask"})


def _object_before(verb: Token) -> Token | None:
    """The misparsed subject of a subjectless finite complement clause.

    In "X told Y Z had notified W" the parser takes "Y Z" as the object of "told";
    the object that ends right before the clause is the clause's subject (its
    trailing apposition, if it has one: the name).
    """
    if verb.dep_ not in CLAUSAL_OBJECTS or verb.head.pos_ not in VERBALS or (
            verb.head.lemma_ not in SPEECH_VERBS and verb.head.lemma_ not in _TOLD_VERBS):
        return None  # (not "won five Wimbledon doubles titles", "doubles" a verb)
    finite = {"VBD", "VBZ", "VBP"}
    if not any(c.dep_ in AUXILIARIES or c.tag_ in finite for c in (verb, *verb.children)):
        return None
    for obj in verb.head.children:
        if obj.dep_ in OBJECTS and obj.right_edge.i + 1 == verb.left_edge.i:
            appos = [c for c in obj.children
                     if c.dep_ == "appos" and c.right_edge.i == obj.right_edge.i]
            return appos[0] if appos else obj
    return None


#: Nouns of a player's or a staff's position that the tagger reads as verbs
#: between a team and a name ("England lock Danny Grewcock").
_POSITION_VERBS = frozenset({"lock", "prop", "hook", "wing", "centre", "captain", "skipper",
                             "coach", "back", "forward", "flank", "boss"})


def _loose_clause(verb: Token, subj: Token) -> bool:
    """Whether ``verb`` is a present-tense verb with a subject of its own hung on
    another verb as an adverbial clause with no "when", "because"... or as its
    subject: a noun the tagger read as a verb ("Hollywood stars Leonardo DiCaprio ... are in the
    audience", "Little Britain stars X and Y have been named ...")."""
    if (verb.dep_ not in {"advcl", "nsubj", "csubj", "nsubjpass", "csubjpass"}
            or verb.tag_ not in {"VBZ", "VBP"}
            or verb.pos_ != "VERB"):
        return False
    if any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.i < verb.i) for c in verb.children):
        return False
    # its own subject (``subj``), a name or noun right before it ("he is determined"
    # parsed as an adverbial clause is a clause)
    return subj.i == verb.i - 1 and subj.pos_ in {"NOUN", "PROPN"}


def _position_misread(verb: Token, subj: Token) -> bool:
    """Whether ``verb`` is a position noun between a team (``subj``, just before
    it) and a person's name just after it: "England lock Danny Grewcock", "Ireland
    and Munster lock Paul O'Connell" (not "England captained by ...")."""
    if verb.tag_ != "VBP" or verb.lemma_.lower() not in _POSITION_VERBS:
        return False
    doc = verb.doc
    before = doc[verb.i - 1]
    if subj.pos_ != "PROPN" or before.pos_ != "PROPN" or not (
            before.i == subj.i or (before.dep_ == "conj" and before.head.i == subj.i)):
        return False
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return after is not None and after.pos_ == "PROPN" and after.ent_type_ == "PERSON"


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The head of ``verb``'s subject and how it was found.

    ``how`` is ``"own"``, ``"relcl"`` (antecedent of a relative pronoun or of a
    subjectless relative clause), ``"conj"`` (shared with a coordinated verb),
    ``"control"`` (subject or object of the governing verb of an xcomp),
    ``"acl"`` (the noun a participle modifies), ``"advcl"`` / ``"pcomp"``
    (subject of the main clause), or ``""`` with ``None``.
    """
    subj = _own_subject(verb)
    dep = verb.dep_
    if subj is not None and (_position_misread(verb, subj) or _loose_clause(verb, subj)):
        return None, ""
    if subj is not None:
        if is_relative_pronoun(subj) and dep in RELATIVE_CLAUSES:
            return _antecedent(verb), "relcl"
        return subj, "own"
    if depth > 6:
        return None, ""
    head = verb.head
    if dep in CONJUNCTS and head.pos_ in VERBALS:
        found, _ = subject_of(head, depth + 1)
        return found, "conj"
    if dep in OPEN_COMPLEMENTS:
        if head.pos_ in VERBALS:
            obj = _first(head, DIRECT_OBJECTS)
            if obj is not None:
                return obj, "control"
            found, _ = subject_of(head, depth + 1)
            return found, "control"
        if head.dep_ in PREDICATIVES and head.head.pos_ in VERBALS:
            found, _ = subject_of(head.head, depth + 1)
            return found, "control"
        return None, ""
    if dep in RELATIVE_CLAUSES:
        return _antecedent(verb), "relcl"
    if dep in NOUN_CLAUSES and head.pos_ in NOMINALS:
        return head, "acl"
    if dep in ADVERBIAL_CLAUSES and head.pos_ in VERBALS:
        if verb.tag_ in {"VBP", "VBZ"} and not any(c.dep_ == "mark" for c in verb.children):
            # a present-tense verb with no subject and no "when"/"as": a noun the tagger
            # read as a verb ("ruled out of the Six Nations clash against Scotland")
            return None, ""
        found, _ = subject_of(head, depth + 1)
        return found, "advcl"
    if dep in PREP_CLAUSES and head.dep_ in PREPOSITIONS and head.head.pos_ in VERBALS:
        found, _ = subject_of(head.head, depth + 1)
        return found, "pcomp"
    repaired = _object_before(verb)
    if repaired is not None:
        return repaired, "repair"
    return None, ""


def verb_group(verb: Token) -> list[Token]:
    """Auxiliaries, negation, in-group adverbs, the verb and its particle, in order."""
    at = verb.i
    first = at  # where the group starts: the first auxiliary before the verb ...
    for c in verb.children:  # (children are in token order)
        if c.dep_ in _GROUP_WORDS:
            if c.i < at:
                first = c.i
            break
    subj = _own_subject(verb)
    if subj is not None and subj.i < at:
        first = min(first, subj.right_edge.i)  # "we just want", "X also cooperates"
    group: list[Token] = []
    for c in verb.children:
        dep = c.dep_
        if dep in _GROUP_WORDS or dep in PARTICLES or _out_of(c, at) or adverb_particle(
                c, verb) or (
                dep in ADVERBS and first < c.i < at and c.left_edge is c is c.right_edge):
            if at < c.i and (not group or group[-1].i < at):
                group.append(verb)
            group.append(c)
    if not group or group[-1].i < at:
        group.append(verb)
    return group


_GROUP_WORDS = AUXILIARIES | NEGATIONS


#: Adverbs that a parse may give instead of a particle ("brushed aside Clyde").
_ADVERB_PARTICLES = frozenset({"aside", "apart", "away", "back", "off", "out", "up", "down"})


def adverb_particle(child: Token, verb: Token) -> bool:
    """Whether ``child`` is a particle parsed as an adverb: right after the verb,
    with the verb's direct object right after it ("brushed aside Clyde", "swept
    aside the challenge"), or right after a one-word object that follows the verb
    ("pegged him back", "brushed Clyde aside"; not "away", which may say where:
    "beat Chelsea away"), so that the relation keeps it (*brushes_aside*)."""
    if child.dep_ != "advmod" or child.lower_ not in _ADVERB_PARTICLES:
        return False
    if child.i == verb.i + 1:
        return any(c.dep_ == "dobj" and c.left_edge.i == child.i + 1 for c in verb.children)
    return child.i == verb.i + 2 and child.lower_ != "away" and any(
        c.dep_ == "dobj" and c.i == verb.i + 1 and c.left_edge is c is c.right_edge
        for c in verb.children)


def _out_of(child: Token, at: int) -> bool:
    """Whether ``child`` is the particle of "ruled out of the team", "pulled out of
    the race", parsed as a preposition with "of" under it, right after the verb or
    after its direct object ("knocked Newcastle out of the Cup", "shut him out of")."""
    return (child.dep_ == "prep" and child.lower_ == "out" and (child.i == at + 1 or any(
                c.dep_ == "dobj" and at < c.i and c.right_edge.i + 1 == child.i
                and not c.right_edge.is_punct for c in child.head.children))
            and any(g.dep_ == "prep" and g.lower_ == "of" for g in child.children)
            and not any(g.dep_ == "pobj" for g in child.children)
            and not _idiom(child))  # "fallen out of favour with": the idiom's own


def _inherited_aux(verb: Token) -> list[Token]:
    """Passive auxiliaries a subjectless coordinated participle shares with its head."""
    head = verb.head
    if verb.dep_ not in CONJUNCTS or _first(verb, AUXILIARIES) is not None:
        return []
    if verb.tag_ not in {"VBN", "VBD"} or _first(verb, CORE_OBJECTS) is not None:
        return []
    return [c for c in head.children if c.dep_ == "auxpass"]


def _chain(verb: Token, depth: int = 0) -> list[Token]:
    """The relation tokens governing an xcomp, for subject control and raising."""
    head = verb.head
    if depth > 4:
        return []
    if head.pos_ in VERBALS:
        prefix = _chain(head, depth + 1) if head.dep_ in OPEN_COMPLEMENTS else []
        return prefix + verb_group(head)
    if head.dep_ in PREDICATIVES and head.head.pos_ in VERBALS:
        return [*verb_group(head.head), head]
    return []


def _is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive: a passive subject or auxiliary, or a participle
    that is never a past tense with a "by" ("Bangor, beaten 5-1 by Newry": the tagger
    made "beaten" a past tense and Bangor its subject)."""
    return not _PASSIVE_MARKS.isdisjoint([c.dep_ for c in verb.children]) or (
        verb.tag_ == "VBD" and verb.lower_ in PARTICIPLES_ONLY
        and any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children))


_PASSIVE_MARKS = PASSIVE_SUBJECTS | {"auxpass"}


def _noun_before_predicate(verb: Token) -> bool:
    """Whether a present-tense "verb" is a noun that the clause's real predicate
    follows ("The Six Nations clash at Lansdowne Road was a sell-out", "... clash
    with England is sold out"): a finite verb after it, attached to it with no
    subject, marker or conjunction of its own, as no clause of English is."""
    if verb.tag_ not in PRESENT_TAGS or any(
            c.dep_ in DIRECT_OBJECTS or c.dep_ in CLAUSAL_OBJECTS for c in verb.children):
        return False  # (a verb with an object is one: "X offers courses ... to achieve")
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in {"advcl", "conj"}:
            continue
        finite = child.tag_ in FINITE_TAGS or any(
            c.dep_ in AUXILIARIES and c.tag_ in FINITE_TAGS for c in child.children)
        if not finite or any(c.dep_ in SUBJECTS or c.dep_ in MARKERS for c in child.children):
            continue
        if not any(c.dep_ not in AUXILIARIES and c.pos_ not in {"PUNCT", "SPACE"}
                   for c in child.children):
            continue  # a bare last word is the noun ("Murray returns to Scotland fold")
        if _joined(verb.doc.tokens[verb.i + 1 : child.i]):
            continue  # "Russia and China cooperate ... and are partners", "pokes around
            # a bit, asks ...": a coordination, or a clause set off
        return True
    return False


def _modifies_misread_noun(obj: Token) -> bool:
    """Whether a name the parser made an object is the modifier of the noun right
    after it, which it read as a verb with no subject ("received Kennedy Center
    honours in 2004", "avoided an FA Cup upset by edging past Exeter"): a finite
    verb has a subject of its own, and a participle right after a name, with no
    comma, is rarely a clause on it."""
    if obj.i + 1 >= len(obj.doc.tokens):
        return False
    after = obj.doc.tokens[obj.i + 1]
    if obj.right_edge.i != obj.i and after.head.i != obj.i:
        return False
    if after.pos_ != "VERB" or after.dep_ not in {"advcl", "acl", "conj"} or any(
            c.dep_ in SUBJECTS for c in after.children):
        return False
    return after.tag_ in PRESENT_TAGS or (after.tag_ == "VBN" and obj.pos_ == "PROPN"
                                            and after.head.i == obj.i)


def _unjoined(verb: Token) -> bool:
    """Whether a verb the parser coordinated with the one before has nothing that
    joins them (no "and", no comma): a noun read as a verb ("named in the squad for
    Saturday's Six Nations clash with Italy")."""
    head = verb.head
    return head.i < verb.i and not _joined(verb.doc.tokens[head.i + 1 : verb.i])


def _joined(between: Sequence[Token]) -> bool:
    """Whether the words between two verbs hold what can join two clauses: a
    conjunction, or punctuation."""
    return any(t.dep_ == "cc" or t.pos_ == "CCONJ" or t.text in _JOINERS for t in between)


#: Punctuation that can join two coordinated verbs.
_JOINERS = frozenset({",", ";", "-", "--", ":", "\u2013", "\u2014"})


def _reduced_relative(verb: Token, subject: Token) -> bool:
    """A past participle with no auxiliary set off from its subject by a comma
    ("Steel and Morris, dubbed the McLibel Two, ..."): a reduced relative clause
    that the parser read as the subject's own verb. An active verb in the past
    tense would be tagged VBD; one with an adverb between ("Steel, however,
    dubbed it") keeps the adverb before it."""
    if verb.tag_ != "VBN" or verb.i < 2 or _first(verb, AUXILIARIES) is not None:
        return False
    doc = verb.doc
    return (doc[verb.i - 1].text == "," and subject.i < verb.i
            and subject.left_edge.i <= verb.i - 2 <= subject.right_edge.i)


def _quoted_before(clause: Token, verb: Token) -> bool:
    """ "“We cooperate,” he said" / "X, he said": a comma or quote between the clause
    and the speech verb (a semicolon means two sentences)."""
    between = verb.doc.tokens[clause.right_edge.i + 1 : verb.i]
    return any(t.text in _QUOTE_OR_COMMA for t in between) and \
        not any(t.text in {";", ":"} for t in between)


_QUOTE_OR_COMMA = frozenset({",", "\u201d", "''", '"', "'", "\u2019", "--", "\u2014"})


def _verbal_preposition(prep: Token) -> bool:
    """ "including", "following", "given": participles used as prepositions."""
    return prep.tag_ in {"VBG", "VBN"}


def _prep_object(prep: Token) -> Obj | None:
    pobj = _first(prep, PREP_OBJECTS)
    role = prep.text.lower()
    if pobj is not None:
        return Obj(pobj, role, prep=prep)
    pcomp = _first(prep, PREP_CLAUSES)
    if pcomp is not None:
        clause = pcomp.pos_ in VERBALS
        return Obj(pcomp, role, clause=clause, prep=prep)
    return None


def _idiom(prep: Token) -> list[Token]:
    """The words of a preposition with no object of its own before "of" and a bare
    noun ("out of favour", "out of touch"): part of the verb's relation, which
    would read "fallen with" without them; ``[]`` for anything else."""
    inner = _first(prep, PREPOSITIONS)
    if inner is None or inner.lower_ != "of" or prep.i + 1 != inner.i:
        return []
    noun = _first(inner, PREP_OBJECTS)
    if noun is None or noun.pos_ != "NOUN" or noun.i != inner.i + 1 or noun.children:
        return []
    return [prep, inner, noun]


def _is_attribution(prep: Token) -> bool:
    """ "according to X" marks a source, not an argument."""
    return prep.lower_ == "according"


def instead_of(obj: Token) -> bool:
    """Whether an object comes right after "instead of" or "rather than", which the
    parse may hang on the verb as its object, or read as a conjunct of the one taken:
    the alternative not taken.

    >>> from kg.nlp import parse
    >>> doc = next(parse(["Laporte picked Nyanga instead of Harinordoquy."]))
    >>> instead_of(doc[5]), instead_of(doc[2])
    (True, False)
    """
    at = obj.left_edge.i
    doc = obj.doc
    return at >= 2 and (doc[at - 2].lower_, doc[at - 1].lower_) in {("instead", "of"),
                                                                     ("rather", "than")}


def _score_object(noun: Token, verb: Token) -> bool:
    """Whether ``noun``, which the parse hung on ``verb`` as an adverbial, is the
    verb's object followed by a score: "beat Arsenal 2-0", where the parser takes
    "2" for the name's number and "0" for the verb's object."""
    doc = noun.doc
    if noun.pos_ != "PROPN" or noun.i < verb.i or any(
            doc[i].pos_ in {"VERB", "AUX", "PUNCT"} for i in range(verb.i + 1, noun.left_edge.i)):
        return False
    return any(c.dep_ == "nummod" and c.i > noun.i and c.i + 2 < len(doc)
               and doc[c.i + 1].text in {"-", "\u2013"} and doc[c.i + 2].text.isdigit()
               for c in noun.children)


def _objects(verb: Token, rel: list[Token], antecedent: Token | None) -> tuple[list[Obj], bool]:
    """The objects of ``verb`` (second argument first) and whether the relation
    took the first object's preposition (``rel`` is extended in place)."""
    core: list[Obj] = []
    preps: list[Obj] = []
    extras: list[Obj] = []
    manner: list[Obj] = []
    speech = verb.lemma_.lower() in SPEECH_VERBS
    for c in verb.children:
        dep = c.dep_
        if dep not in _OBJECT_DEPS:
            continue
        if dep in CORE_OBJECTS:
            if not c.is_alpha and c.left_edge.i == c.right_edge.i:
                continue  # a stray bracket or symbol
            if c.pos_ == "ADP":  # a "to" dative is a prepositional object
                obj = _prep_object(c)
                if obj is not None:
                    preps.append(obj)
                continue
            if _modifies_misread_noun(c):
                continue  # "received [Kennedy Center] honours": no Kennedy Center received
            if instead_of(c):
                continue  # "opted for Nyanga instead of Harinordoquy": not the one taken
            head = c
            if antecedent is not None and is_relative_pronoun(c):
                head = antecedent
            core.append(Obj(head, "obj"))
        elif dep in CLAUSAL_OBJECTS:
            if c.i < verb.i and not (speech and _quoted_before(c, verb)):
                continue  # a clause before the verb is a quote, or a misattached sentence
            if not speech:
                mark = _first(c, MARKERS)
                if mark is not None and mark.lower_ == "that":
                    rel.append(mark)
            core.append(Obj(c, "obj", clause=True))
        elif dep in PREPOSITIONS:
            if _is_attribution(c):
                continue
            obj = _prep_object(c)
            if obj is None and _out_of(c, verb.i):
                # "pulled out of the race": the particle is the verb's, "of" brings
                # the object
                obj = _prep_object(next(g for g in c.children if g.lower_ == "of"))
            if obj is None:
                rel.extend(_idiom(c))  # "fallen [out of favour] with"
                continue
            if antecedent is not None and is_relative_pronoun(obj.head):
                obj.head = antecedent
            preps.append(obj)
            for other in c.children:  # "in Paris and in London"
                if other.dep_ in CONJUNCTS and other.pos_ == "ADP":
                    more = _prep_object(other)
                    if more is not None:
                        preps.append(more)
        elif dep in NP_ADVERBIALS and _score_object(c, verb):
            core.append(Obj(c, "obj"))  # "beat Arsenal 2-0": the score's first number
            # made the object's modifier, its last the object
        elif dep in NP_ADVERBIALS and c.ent_type_ in TIME_LABELS:
            extras.append(Obj(c, "time"))
        elif dep in ADVERBS and c.i > verb.i and c.pos_ == "ADV" and c.tag_ == "RB" and \
                c.left_edge.i == c.right_edge.i and c.lower_.endswith("ly"):
            manner.append(Obj(c, "manner"))  # "behave strangely"
        elif dep in OPEN_COMPLEMENTS and c.i > verb.i and _first(verb, DIRECT_OBJECTS):
            extras.append(Obj(c, "to", clause=True))  # "urged NATO [to enter ...]"

    core = _without_modifier_objects(core)
    if verb.lemma_.lower() in _CLAUSE_ONLY_VERBS:
        core = _without_clause_subjects(core)
    took_prep = False
    if core and core[0].head.dep_ == "acomp" and len(core) == 1:
        # "is independent from X": adjective and preposition join the relation
        adj = core[0].head
        aprep = next((p for p in adj.children if p.dep_ == "prep"), None)
        if aprep is not None:
            obj = _prep_object(aprep)
            if obj is not None and not obj.clause:
                rel.extend([adj, aprep])
                return [obj, *preps, *extras], True
    if not core:
        core = _shared_objects(verb)
    if not core:
        after = [p for p in preps if p.prep is not None and p.prep.i > verb.i
                 and not _verbal_preposition(p.prep)]
        timeless = [p for p in after if p.head.ent_type_ not in TIME_LABELS]
        if after and not timeless:
            # only time phrases: the first one is the object, its preposition stays in it
            first = after[0]
            preps.remove(first)
            core.append(first)
        after = timeless
        if after and not core:
            first = after[0]
            if first.prep is not None:
                rel.append(first.prep)
            preps.remove(first)
            core.append(first)
            took_prep = True
    rest = sorted([p for p in preps if not p.clause] + extras, key=_head_position)
    if not core and not rest:
        core = manner[:1]  # an intransitive verb: its manner adverb is the argument
    return core + rest, took_prep


def _without_modifier_objects(core: list[Obj]) -> list[Obj]:
    """Drop a name the parser made an object of its own that modifies the bare noun
    right after it: "boosting [their Oscars] [hopes]" is one object, about hopes
    (two objects would give "boosts Oscars"). The determiner before the name
    belongs to the whole phrase; "sent [Luscombe] [streaking] away" has none."""
    kept: list[Obj] = []
    for obj in core:
        after = next((o for o in core if o.head.i == obj.head.right_edge.i + 1), None)
        opener = obj.head.left_edge
        if (after is not None and not obj.clause and not after.clause
                and obj.head.dep_ == after.head.dep_ == "dobj" and obj.head.pos_ == "PROPN"
                and after.head.pos_ == "NOUN" and after.head.left_edge.i == after.head.i
                and opener.i < obj.head.i and opener.dep_ in {"det", "poss"}):
            continue
        kept.append(obj)
    return kept


#: Verbs of saying and knowing that take no addressee as a direct object: a name
#: right before their clause is the clause's subject ("revealed Liverpool are ...").
_CLAUSE_ONLY_VERBS = frozenset({
    "say", "state", "add", "note", "claim", "announce", "insist", "argue", "declare",
    "reveal", "confirm", "admit", "acknowledge", "believe", "think", "suggest",
    "predict", "conclude", "fear", "know", "feel", "hope", "accept", "deny",
})


def _without_clause_subjects(core: list[Obj]) -> list[Obj]:
    """Drop an object the parser took out of the clause right after it: "Parry
    revealed [Liverpool] [are still in negotiations]" (Liverpool is no one revealed)."""
    clauses = {o.head.left_edge.i for o in core if o.clause}
    return [o for o in core if o.clause or o.head.dep_ != "dobj"
            or o.head.right_edge.i + 1 not in clauses]


_OBJECT_DEPS = (CORE_OBJECTS | CLAUSAL_OBJECTS | PREPOSITIONS | NP_ADVERBIALS | ADVERBS
                | OPEN_COMPLEMENTS)  # the dependents _objects looks at


def _shared_objects(verb: Token) -> list[Obj]:
    """Objects a verb shares with the next coordinated verb ("signed and ratified X")."""
    for c in verb.children:
        if c.dep_ in CONJUNCTS and c.pos_ == "VERB" and _own_subject(c) is None:
            between = verb.doc.tokens[verb.i + 1 : c.i]
            if all(t.dep_ in BETWEEN_COORDINATED for t in between):
                return [Obj(o, "obj") for o in c.children if o.dep_ in DIRECT_OBJECTS]
    return []


def _fronted_modifiers(verb: Token) -> list[Obj]:
    """Prepositional and time phrases before ``verb`` ("In 2004, X did A and B"): they
    scope over the verbs coordinated with it too."""
    out: list[Obj] = []
    for c in verb.children:
        if c.i > verb.i:
            break
        if c.dep_ in PREPOSITIONS and not _is_attribution(c):
            obj = _prep_object(c)
            if obj is not None and not obj.clause:
                out.append(obj)
        elif c.dep_ in NP_ADVERBIALS and c.ent_type_ in TIME_LABELS:
            out.append(Obj(c, "time"))
    return out


#: Words that rank the one a copula names among those who did something ("the first
#: woman to win", "the only player to score").
_RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only", "latest",
                    "youngest", "oldest"})


def ranked(verb: Token | SpacyToken) -> bool:
    """Whether ``verb`` is "be" or "become" with a ranked noun ("has become the third
    player to withdraw from X"), so that the infinitive after it is what the subject
    did.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["She", "became", "the", "first", "woman", "to", "win"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["she", "become", "the",
    ...           "first", "woman", "to", "win"], heads=[1, 1, 4, 4, 1, 6, 4],
    ...           deps=["nsubj", "ROOT", "det", "amod", "attr", "aux", "relcl"])
    >>> ranked(doc[1])
    True
    """
    if verb.lemma_ not in {"be", "become"}:
        return False
    return any(c.dep_ == "amod" and (c.lower_ in _RANKS or c.tag_ == "JJS")
               for attr in verb.children if attr.dep_ == "attr" for c in attr.children)


def _has_xcomp(verb: Token) -> bool:
    return any(c.dep_ in OPEN_COMPLEMENTS or (
        c.dep_ == "acomp" and _first(c, OPEN_COMPLEMENTS) is not None) for c in verb.children)


def frame_for(verb: Token) -> Frame | None:
    """The frame of one predicate, or ``None`` when it has no subject."""
    subject, how = subject_of(verb)
    if subject is None or subject.i == verb.i:
        return None
    if (how == "own" and _noun_before_predicate(verb)) or (how == "conj"
                                                         and _unjoined(verb)):
        return None
    rel = verb_group(verb)
    rule = "svo"
    prefix = ""
    passive = _is_passive(verb)
    if how == "conj":
        extra = _inherited_aux(verb)
        if extra:
            rel = sorted(extra + rel, key=_position)
            passive = True
        head = verb.head
        if head.dep_ in OPEN_COMPLEMENTS and _own_subject(head) is None:
            # "were able to reinforce X and defeat Y": the chain scopes over both verbs
            to = [c for c in head.children if c.dep_ == "aux" and c.tag_ == "TO"]
            chain = _chain(head)
            if head.head.pos_ in VERBALS and _first(head.head, DIRECT_OBJECTS) is not None:
                chain = []  # object control: "persuaded him to go and see X"
            rel = chain + to + rel
        rule = "conj_verb"
    elif how == "control":
        chain = _chain(verb)
        if verb.head.pos_ in VERBALS and _first(verb.head, DIRECT_OBJECTS) is not None:
            chain = []  # object control: "urged NATO to enter ..."
        elif ranked(verb.head):
            # "has become the third player to withdraw from X": she withdrew from X
            chain, rel = [], [t for t in rel if t.tag_ != "TO"]
        rel = sorted(set(chain + rel), key=_position)
        rule = "xcomp"
        # "has been invited to compete against X": the subject was invited
        passive = passive or (verb.head.pos_ in VERBALS and _is_passive(verb.head))
    elif how == "relcl":
        rule = "relcl"
        if verb.head.dep_ == "attr" and ranked(verb.head.head):
            rel = [t for t in rel if t.tag_ != "TO"]  # "the first woman to win X"
    elif how == "acl":
        rule = "acl"
        if verb.tag_ == "VBN" and _first(verb, AUXILIARIES) is None:
            prefix = "is"
            passive = True
            rule = "acl_be"
    elif how == "own" and _reduced_relative(verb, subject):
        prefix = "is"  # "Steel and Morris, dubbed the McLibel Two, took on ...": they
        passive = True  # were dubbed so (the parser made the participle the root)
        rule = "acl_be"
    elif how in {"advcl", "pcomp", "repair"}:
        rule = how
        rel = [t for t in rel if t.dep_ not in MARKERS]
        if how == "advcl" and verb.tag_ == "VBN" and _first(verb, AUXILIARIES) is None:
            passive = True  # "Listed as a spammer by Spamhaus, OptInRealBig sued"
    antecedent = verb.head if how == "relcl" or (how == "own" and verb.dep_ in
                                                  RELATIVE_CLAUSES) else None
    objects, took = _objects(verb, rel, antecedent)
    if how == "conj" and objects:
        objects.extend(_fronted_modifiers(verb.head))
    if passive and rule == "svo":
        rule = "passive"
    if rule == "svo" and (verb.lemma_ == "be" or CONTRACTIONS.get(
            verb.lower_.replace("\u2019", "'")) == "be"):
        rule = "copula"
        if any(t.dep_ == "acomp" and t.tag_ == "VBN" and t.head.i == verb.i for t in rel):
            passive, rule = True, "passive"  # "are both nominated for": a passive
    rel.sort(key=_position)
    others = co_subjects(verb, subject) if how == "own" else []
    first_half = split_subject(verb, subject) if how == "own" and not others else None
    return Frame(verb=verb, rel=rel, subject=subject, how=how, objects=objects, rule=rule,
                 prefix=prefix, passive=passive, rel_prep=took, co_subjects=others,
                 subject_start=first_half.left_edge.i if first_half is not None else None)


def clause_frames(sent: Span) -> Iterator[Frame]:
    """Frames for every predicate of ``sent`` that has a (possibly inherited) subject.

    A verb whose only complement is an xcomp yields no frame of its own: the
    xcomp's frame carries the whole chain ("are working to develop").
    """
    for tok in sent:
        dep = tok.dep_
        if dep in AUXILIARIES:
            continue
        pos = tok.pos_
        if pos not in VERBALS and not (pos == "ADJ" and (
                tok.tag_ == "VBN" or _first(tok, SUBJECTS) is not None)):
            continue  # a participle tagged as an adjective still heads its clause
        if dep in NOUN_INTERNAL:
            continue
        frame = frame_for(tok)
        if frame is None:
            continue
        if (_has_xcomp(tok) and not any(o for o in frame.objects if o.role == "obj")
                and (not frame.objects or frame.verb.lemma_ == "be")):
            continue
        if frame.objects and frame.objects[0].head.dep_ == "acomp" and \
                _first(frame.objects[0].head, OPEN_COMPLEMENTS) is not None:
            continue  # "were able to defeat X": the xcomp's frame has the whole chain
        yield frame


def speaker_of(verb: Token) -> Token | None:
    """The head of whoever a clause is attributed to, if it is reported speech.

    Walks up from ``verb`` through clausal complements and parataxis to a speech
    verb and takes its subject; "according to X" on the way also counts.
    """
    cur = verb
    for _ in range(8):
        for c in cur.children:
            if c.dep_ in PREPOSITIONS and c.lower_ == "according":  # see _is_attribution
                to = next((g for g in c.children if g.dep_ in PREPOSITIONS), None)
                src = _first(to, PREP_OBJECTS) if to is not None else _first(c, PREP_OBJECTS)
                if src is not None:
                    return src
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return None
        head = cur.head
        if cur.dep_ in REPORTED and head.pos_ in VERBALS and head.lemma_.lower() in SPEECH_VERBS:
            subj, _ = subject_of(head)
            return subj
        cur = head
    return None
