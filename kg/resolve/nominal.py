"""Facts inside noun phrases: what a possessive states between two entities.

The extractor reads "Japan's Suzuki" as *Japan has Suzuki*. A bare "has" names no
relation, so the resolver asks this room what the possessive means from the two
entities' classes and the possessed phrase's words:

* a place's body, site or facility is located there: "Japan's Suzuki" → Suzuki
  located_in Japan; "Australia's Liberal Party" → Liberal Party located_in Australia;
* a body's person works for it (is a member of a party): "the Economist Intelligence
  Unit's Mr Hensel" → Hensel works_for the Economist Intelligence Unit;
* a person's party is theirs: "Harold Wilson's Labour Party" → Wilson member_of Labour;
* a company's unit, subsidiary or brand is owned by it: "Fiat's Alfa Romeo unit" →
  Fiat owns Alfa Romeo;
* a person's relative or ally: "Howard's wife Sandra" → Sandra spouse_of Howard;
  "Blair's ally Alan Milburn" → Milburn ally_of Blair.

Anything else stays a statement without a direct triple (see
:mod:`kg.resolve.policy`).

>>> possessive_relation("Country", "Company", ["Suzuki"])
('located_in', True)
>>> possessive_relation("Person", "Person", ["wife", "Sandra"])
('spouse_of', True)
>>> possessive_relation("MediaOrganization", "Work", ["Newsnight"]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

__all__ = ["KIN", "inner_object", "noun_of", "possessive_relation"]

_PLACES = frozenset({"Country", "City", "Place", "Territory"})
_BODIES = frozenset({"Organization", "Company", "GovernmentBody", "InternationalOrganization",
                     "MediaOrganization", "ArmedForce", "PoliticalParty"})
_LOCATED = _BODIES | {"Facility", "Site"}
#: Nouns that make the possessed body a part the possessor owns.
_UNITS = frozenset({"unit", "subsidiary", "division", "arm", "brand", "business",
                    "affiliate", "offshoot", "label", "venture", "operation", "operations",
                    "plant", "factory", "stake"})
#: Possessed nouns naming a person's relation to the possessor → relation name.
KIN: dict[str, str] = {
    "wife": "spouse_of", "husband": "spouse_of", "partner": "partner_of",
    "son": "child_of", "daughter": "child_of", "stepson": "stepchild_of",
    "stepdaughter": "stepchild_of", "father": "parent_of", "mother": "parent_of",
    "brother": "sibling_of", "sister": "sibling_of", "ally": "ally_of",
    "rival": "rival_of", "predecessor": "predecessor_of", "successor": "successor_of",
    "deputy": "deputy_of", "spokesman": "spokesperson_for",
    "spokeswoman": "spokesperson_for", "spokesperson": "spokesperson_for",
    "aide": "aide_of", "adviser": "adviser_to", "advisor": "adviser_to",
    "lawyer": "lawyer_of", "coach": "coach_of", "agent": "agent_of",
}


def possessive_relation(owner_type: str, owned_type: str, owned_words: Sequence[str]
                        ) -> tuple[str, bool] | None:
    """The relation a possessive "OWNER's OWNED" states, and whether it reads from
    the owned entity to the owner (``True``: "Suzuki located_in Japan"), or
    ``None`` when the possessive states none a reader would sign.

    ``owned_words`` are the words of the possessed phrase ("Alfa Romeo unit").

    >>> possessive_relation("Company", "Company", ["Alfa", "Romeo", "unit"])
    ('owns', False)
    >>> possessive_relation("Organization", "Person", ["Mr", "Hensel"])
    ('works_for', True)
    """
    lower = [w.casefold() for w in owned_words]
    if owner_type in _PLACES and owned_type in _LOCATED:
        return "located_in", True
    if owner_type in _BODIES and owned_type == "Person":
        return ("member_of" if owner_type == "PoliticalParty" else "works_for"), True
    if owner_type == "Person" and owned_type == "PoliticalParty":
        return "member_of", False
    if owner_type in _BODIES and owned_type in _BODIES and (
            any(w in _UNITS for w in lower) or owned_type == "Company" == owner_type):
        return "owns", False
    if owner_type == "Person" and owned_type == "Person":
        for word in lower:
            if word in KIN:
                return KIN[word], True
    return None


#: Prepositions that attach an entity to the noun of an object ("talks with X").
_NOUN_PREPOSITIONS = frozenset({"with", "by", "against", "on", "at", "to", "from", "for",
                                "over", "between", "into", "of"})
#: Heads of noun phrases that are only a quantity or a kind, not a noun that names a
#: relation ("some of", "a lot of", "part of").
_EMPTY_NOUNS = frozenset({"lot", "lots", "number", "some", "part", "kind", "sort", "type",
                          "rest", "most", "all", "one", "none", "many", "group", "series",
                          "couple", "majority", "bit", "way", "time", "thing", "things"})


def noun_of(head: Token) -> str | None:
    """The noun an object phrase is about, as it should read in a relation name
    ("talks" in "held talks with"), or ``None`` for a phrase that is no plain noun
    phrase (a clause, a pronoun, a name, a quantity)."""
    if head.pos_ != "NOUN" or head.lower_ in _EMPTY_NOUNS or head.ent_type_:
        return None
    if any(c.dep_ in {"relcl", "acl", "ccomp", "nsubj"} for c in head.children):
        return None
    return head.lower_


def inner_object(head: Token) -> tuple[str, str, list[Token]] | None:
    """For an object whose head is a plain noun with a preposition and a name after
    it ("a plea by Lord Falconer", "talks with Borussia Dortmund"): the noun, the
    preposition, and the tokens of the preposition's object."""
    noun = noun_of(head)
    if noun is None:
        return None
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in _NOUN_PREPOSITIONS:
            continue
        if child.lower_ == "of" and noun not in _OF_NOUNS:
            continue  # "the leader of X", "a member of X": roles, not relations
        for pobj in child.children:
            if pobj.dep_ == "pobj" and (pobj.ent_type_ or pobj.pos_ == "PROPN"):
                return noun, child.lower_, list(pobj.subtree)
    return None


#: Nouns whose "of X" names the other party of an act ("criticism of X").
_OF_NOUNS = frozenset({"criticism", "support", "invasion", "attack", "attacks", "defeat",
                       "condemnation", "praise", "purchase", "takeover", "acquisition",
                       "sale", "review", "investigation", "probe", "rejection", "backing",
                       "endorsement", "funding", "annexation", "occupation", "bombing"})
