"""What the resolver's rooms pass between them: a mention resolved to an entity
(before the document's aliases are gathered), and a staged fact.

A :class:`Mention` is one argument's reading; the resolver turns the mentions of a
document into :class:`~kg.types.Entity` objects once it has seen them all.

>>> m = Mention("country/RU", "Russia", "Country", "Q159", "Russia")
>>> unnamed(m).surface is None, unnamed(m).key
(True, 'country/RU')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.resolve.gazetteer import GazetteerEntry
from kg.types import Argument, Statement, Value

__all__ = ["Mention", "Staged", "entry_mention", "possessor_argument", "read_statement",
           "token_argument", "tokens_text", "unnamed"]


@dataclass(frozen=True, slots=True)
class Mention:
    """An argument resolved to an entity (before aliases are gathered)."""

    key: str
    label: str
    type: str
    wikidata: str | None = None
    surface: str | None = None  # the text as seen, when it names the entity itself
    entry: GazetteerEntry | None = None

    def __hash__(self) -> int:
        # equal mentions have one key; hashing every field would hash the entry's
        # names too (mentions are parts of memo keys)
        return hash(self.key)


#: A statement as the resolver keeps it: (statement, subject, relation, object,
#: speaker), before entities are made from the mentions.
Staged = tuple[Statement, Mention, str, "Mention | Value", "Mention | None"]


def entry_mention(entry: GazetteerEntry, surface: str | None) -> Mention:
    """The mention of a gazetteer entry, seen as ``surface``."""
    return Mention(entry.key, entry.label, entry.type, entry.wikidata, surface, entry)


def unnamed(mention: Mention | None) -> Mention | None:
    """A mention reached by coreference: the same entity, no alias ("he")."""
    if mention is None:
        return None
    return Mention(mention.key, mention.label, mention.type, mention.wikidata, None,
                   mention.entry)


def tokens_text(tokens: Sequence[Token]) -> str:
    """The text of consecutive tokens, as it stands in the document (without
    ``doc.text``, which spaCy rebuilds from every token on each access)."""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def token_argument(tokens: Sequence[Token], role: str, *, head: Token | None = None
                   ) -> Argument:
    """An argument over consecutive tokens (``head``: its head, else the last), as
    the rooms that read the document itself build them."""
    head = head if head is not None else tokens[-1]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Argument(tokens_text(tokens), start, end, head.idx, head.idx + len(head),
                    head.ent_type_, role)


def possessor_argument(owner: Token, role: str) -> Argument:
    """The argument of a possessor (``owner``: the head of "Mr Kuchma's", or "his"),
    without the possessive's "'s"."""
    tokens = [owner] if owner.pos_ == "PRON" else [
        t for t in owner.subtree if t.dep_ != "case" and t.i <= owner.i]
    return token_argument(tokens, role, head=owner)


def read_statement(subject: Argument, relation: str, objects: tuple[Argument, ...],
                   sentence: Span, *, lemma: str | None = None, confidence: float,
                   rule: str) -> Statement:
    """A statement the resolver reads off the document itself (a noun phrase, a
    title, a description) in ``sentence``, with the rule that read it."""
    return Statement(subject=subject, relation=relation, lemma=lemma or relation,
                     objects=objects, sentence=sentence.text,
                     sentence_start=sentence.start_char, sentence_end=sentence.end_char,
                     confidence=confidence, rule=rule)
