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

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from kg.nlp import unhyphened
from kg.resolve.mentions import tokens_text
from kg.resolve.names import is_name_letter
from kg.resolve.policy import undone
from kg.resolve.roles import WORK_MAKERS
from kg.resolve.tokens import TokenTable

__all__ = [
    "ACT_NOUNS",
    "KIN",
    "KIND_NOUNS",
    "KIND_PREFIXES",
    "RELATION_NOUNS",
    "acts",
    "appointments",
    "based_bodies",
    "bid_for",
    "counted_groups",
    "described_kinds",
    "event_name",
    "event_places",
    "gap_noun",
    "homes",
    "inner_object",
    "kind_named",
    "name_tokens",
    "national_events",
    "noun_of",
    "possessive_relation",
    "relation_noun",
    "relative_gap",
    "relatives",
    "seats",
    "sold_asset",
]

_PLACES = frozenset({"Country", "City", "Place", "Territory"})
_BODIES = frozenset({"Organization", "Company", "GovernmentBody", "InternationalOrganization",
                     "MediaOrganization", "ArmedForce", "PoliticalParty"})
_LOCATED = _BODIES | {"Facility", "Site"}
_PLACE_LABELS = frozenset({"GPE", "LOC"})
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
_KIN_WORDS = frozenset(KIN)
#: Words before a kin noun that make the relation a past one ("his former wife").
_NO_LONGER = frozenset({"former", "ex", "late", "estranged"})
#: Possessed nouns that make a place the possessor's home.
_HOMES = frozenset({"home", "house", "residence", "mansion", "villa", "estate", "farm",
                    "flat", "apartment", "cottage"})
#: Nouns of events that people are at ("the spring conference in Brighton").
_EVENT_NOUNS = frozenset({"conference", "summit", "meeting", "rally", "congress",
                          "convention", "ceremony", "forum", "talks"})
#: Verbs whose object is an event the subject is at ("told a conference in Kiev").
_ADDRESS_VERBS = frozenset({"tell", "address", "attend", "open", "host"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can",
                     "must", "'ll", "to"})
#: Events a country's adjective or name places ("the Rwandan genocide").
_NATIONAL_EVENTS = frozenset({"genocide", "election", "elections", "referendum", "war",
                              "revolution", "uprising", "coup", "earthquake", "massacre"})
#: Nouns of taking a role ("his appointment as chief executive").
_APPOINTMENTS = frozenset({"appointment", "election", "promotion", "reappointment",
                           "re-election", "confirmation", "nomination"})
#: Titles of people elected for a constituency ("MP for Sleaford").
_SEAT_HOLDERS = frozenset({"MP", "MSP", "MEP", "AM", "MLA", "TD"})
#: Kin nouns that only a person can be ("son", not "ally" or "rival").
_FAMILY = frozenset({"wife", "husband", "son", "daughter", "stepson", "stepdaughter",
                     "father", "mother", "brother", "sister"})


def _kin_in_a_title(before: str, word: str) -> bool:
    """Whether a kin word (``word``) is a word of a work's title: capitalised after a
    capitalised word, not opening a name ("Michelle Paver's Wolf Brother").

    >>> _kin_in_a_title("Wolf", "Brother"), _kin_in_a_title("his", "brother")
    (True, False)
    """
    return word[:1].isupper() and before[:1].isupper()


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
        for k, word in enumerate(lower):
            if word in _NO_LONGER or word.startswith("ex-"):
                return None  # "Mr Brown's former advisor Ed Balls": no longer
            if word in KIN:
                if k and _kin_in_a_title(owned_words[k - 1], owned_words[k]):
                    return None  # "Michelle Paver's Wolf Brother": a title's word
                return KIN[word], True
    return None


#: Prepositions that attach an entity to the noun of an object ("talks with X").
_NOUN_PREPOSITIONS = frozenset({"with", "by", "against", "on", "at", "to", "from", "for",
                                "over", "between", "into", "of"})
#: Heads of noun phrases that are only a quantity or a kind, not a noun that names a
#: relation ("some of", "a lot of", "part of").
_EMPTY_NOUNS = frozenset({"lot", "lots", "number", "some", "part", "kind", "sort", "type",
                          "rest", "most", "all", "one", "none", "many", "group", "series",
                          "couple", "majority", "bit", "way", "time", "thing", "things",
                          "range", "variety", "array", "handful", "dozen", "dozens",
                          "plenty", "string"})


#: Words of an amount of money ("$5m", "£2bn", "10 million dollars").
_MONEY_WORDS = frozenset({"m", "bn", "k", "mln", "million", "billion", "trillion", "dollars",
                          "pounds", "euros", "yen", "pence", "cents", "$", "£", "€"})


def is_amount(head: Token) -> bool:
    """Whether an object's head is an amount of money or a bare number ("paid $5m
    for", "paid 200 for"), which a relation's name does without; not the number
    of a name ("from BBC One", "Channel 4")."""
    if head.pos_ == "NUM" and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                  for c in head.children):
        return False
    return (head.pos_ == "NUM" or head.ent_type_ == "MONEY"
            or (head.lower_ in _MONEY_WORDS and any(c.dep_ == "nummod" for c in head.children)))


#: Nouns of an outcome a verb brings its object to ("booted France to victory",
#: "fired Arsenal to a 2-0 win", "led Porto to the title").
RESULT_NOUNS = frozenset({
    "victory", "win", "glory", "title", "triumph", "success", "promotion", "safety",
    "defeat", "draw", "final", "semi-final", "semi-finals", "quarter-final",
    "quarter-finals", "championship", "crown", "gold", "top"})


def result_of(head: Token) -> str | None:
    """The outcome a "to" phrase's head names, as it reads in a relation's name
    ("to victory" → "victory", "to a 2-0 win" → "win"), or ``None``.

    >>> import spacy
    >>> result_of(spacy.blank("en")("victory")[0])
    'victory'
    """
    lower = head.lower_
    return lower if lower in RESULT_NOUNS else None


#: Nouns of a business or a part of one, which a seller sells, not supplies.
_SOLD_UNITS = _UNITS | {"share", "company", "firm", "bank"}


def sold_asset(thing: Token) -> bool:
    """Whether what a verb of selling took is a business, not goods: a name
    ("sold Yugansk to Rosneft") or a unit of a firm ("sold its PC hardware division
    to Lenovo", "a stake", "shares"), so that the seller sells it to the buyer, no
    supplier supplies a customer ("sold a variety of goods to Tesco").

    >>> from kg.nlp import parse
    >>> doc = next(parse(["IBM sold its PC division to Lenovo and goods to Tesco."]))
    >>> sold_asset(doc[4]), sold_asset(doc[8])
    (True, False)
    """
    return thing.pos_ == "PROPN" or thing.lemma_.lower() in _SOLD_UNITS


#: Nouns of a bid for someone or something, whose "from" names the bidder.
_BIDS = frozenset({"offer", "bid", "approach", "enquiry", "inquiry", "proposal"})


def bid_for(token: Token) -> bool:
    """Whether ``token`` is what a bid is for ("a £5m offer for Ferguson from
    Everton", "an offer for Manchester United from Glazer"): the "from" after it is
    the bidder's, not where the token is from."""
    head = token.head
    return (token.dep_ == "pobj" and head.lower_ == "for"
            and head.head.lemma_.lower() in _BIDS)


def absolute_with(pobj: Token) -> bool:
    """Whether ``pobj`` is the subject of an absolute "with" phrase after a comma
    (", with David Niven in the lead role"): what it says holds beside the clause,
    no companion of its act.

    >>> from kg.nlp import parse
    >>> doc = next(parse(["The novel was filmed in 1967, with David Niven in the lead role."]))
    >>> absolute_with(doc[9])
    True
    >>> doc = next(parse(["Ann Cole won the final with Mary Reed third."]))
    >>> absolute_with(doc[7])
    True
    >>> doc = next(parse(["Jo Reed named his side, with Joe Cole named in midfield."]))
    >>> absolute_with(doc[8])
    True
    """
    prep = pobj.head
    if prep.lower_ != "with" or pobj.dep_ != "pobj" or prep.i == 0:
        return False
    doc = pobj.doc
    after = doc[pobj.i + 1] if pobj.i + 1 < len(doc) else None
    if after is not None and after.ent_type_ == "ORDINAL":
        return True  # "won the race with Patrick van Balkom second": his place, no
        # companion in the win
    if doc[prep.i - 1].text != ",":
        return False
    if any(c.i > pobj.i and (
            (c.dep_ == "prep" and c.lower_ != "of")
            or (c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"})) for c in pobj.children):
        return True  # "with David Niven in the lead role", "with Joe Cole named in
        # midfield": what holds of him beside the clause
    if any(c.dep_ == "pobj" and c.i > pobj.i for c in prep.children):
        return True  # "with Ray star Jamie Foxx a dead cert to win": a second noun says
        # what he is
    return (after is not None and after.i == pobj.right_edge.i + 1 and after.dep_ == "prep"
            and after.head.i < prep.i and after.lower_ in {"in", "at", "on", "behind"})
    # "set against the backdrop of 1857, with Toby Stephens in a key role": the
    # parse hangs his part on the verb


#: Adjectives that make an award of the noun after them ("won best actor for Ray").
_AWARD_ADJECTIVES = frozenset({"best", "worst"})


def noun_of(head: Token) -> str | None:
    """The noun an object phrase is about, as it should read in a relation name
    ("talks" in "held talks with"), or ``None`` for a phrase that is no plain noun
    phrase (a clause, a pronoun, a name, a quantity)."""
    if head.pos_ != "NOUN" or head.lower_ in _EMPTY_NOUNS or head.ent_type_:
        return None
    if is_amount(head):
        return None  # "paid $5m for": an amount, no noun
    if any(c.dep_ in {"relcl", "acl", "ccomp", "nsubj"} and not _content_clause(c)
           for c in head.children):
        return None
    best = next((c for c in head.lefts if c.lower_ in _AWARD_ADJECTIVES and c.dep_ == "amod"
                 and all(t.is_alpha and head in t.ancestors
                         for t in head.doc[c.i + 1 : head.i])), None)
    if best is not None:  # "won best actor for", "won best short film for": the award
        return " ".join(t.lower_ for t in head.doc[best.i : head.i + 1])
    return hyphened(head)


def hyphened(token: Token) -> str:
    """A word with the words a hyphen joins to it before it, in lower case, as the
    text writes it ("runner-up", which the parser splits in three, and "up" alone
    would read as another word).

    >>> import spacy
    >>> hyphened(spacy.blank("en")("She was runner-up")[-1])
    'runner-up'
    """
    doc, start, end = token.doc, token.i, token.i
    while start >= 2 and _in_word(doc[start - 1]) and doc[start - 2].is_alpha:
        start -= 2
    while end + 2 < len(doc) and _in_word(doc[end + 1]) and doc[end + 2].is_alpha:
        end += 2  # "made the semi-finals", parsed as three objects: not "semi"
    # (one token: "co-ordinator", which the tokenizer kept whole, is "coordinator")
    return doc[start : end + 1].text.lower() if start < end else unhyphened(token.lower_)


def bare_noun_of(head: Token) -> str | None:
    """:func:`noun_of`, for a noun with no preposition of its own but "of" whose
    object is unnamed ("a stab at something" has none; "her performance as Edith
    Piaf" and "control of the company" keep theirs): a noun that can stand in a
    relation's name before another preposition."""
    if any(c.dep_ == "prep" and c.lower_ != "of"
           and any(g.dep_ == "pobj" and g.pos_ != "PROPN" and not g.ent_type_
                   for g in c.children)
           for c in head.children):
        return None
    return noun_of(head)


#: Nouns a relative clause with no relative word tells when, where, why or how of
#: ("the day he went to Paris", "the way he played in Madrid"): no thing its verb takes.
_ADVERBIAL_HEADS = frozenset({
    "day", "days", "time", "times", "year", "years", "week", "weeks", "month", "months",
    "season", "seasons", "moment", "night", "minute", "minutes", "hour", "hours", "way",
    "reason", "reasons", "place", "places", "point", "stage", "period", "era", "occasion",
    "morning", "afternoon", "evening", "summer", "winter", "spring", "autumn", "weekend",
    "date", "manner"})

_RELATIVE_WORDS = frozenset({"who", "whom", "which", "that", "whose"})


def relative_gap(verb: Token) -> tuple[Token, bool] | None:
    """For the verb of a relative clause with its own subject, the noun the clause is
    about when the verb takes it and the clause leaves it out: with ``True`` when it
    is the verb's object ("the reading I got from him": got the reading; "the start
    that Almunia made to his career"), with ``False`` when the verb has an object of
    its own and the noun goes with a preposition stranded after it ("the surface
    Hewitt beat Federer on": on the surface). ``None`` for other clauses: one whose
    relative is its subject ("the man who went to Paris"), one a relative adverb or
    a preposition before the relative opens ("the club for which he played", "the
    town where he lives"), and one on a noun of time, place or manner ("the day he
    went to Paris").

    >>> from kg.nlp import parse
    >>> doc = next(parse(["The reading I got from Andy Roddick was positive."]))
    >>> relative_gap(doc[3])
    (reading, True)
    >>> doc = next(parse(["It was the day he went to Paris."]))
    >>> relative_gap(doc[5]) is None
    True
    """
    head = verb.head
    if (verb.dep_ != "relcl" or head.pos_ not in {"NOUN", "PRON", "NUM"}
            or head.lower_ in _ADVERBIAL_HEADS):
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in _RELATIVE_WORDS:
        return None
    if any(c.tag_ == "WRB" or c.dep_ == "mark" or (c.dep_ == "prep" and any(
            g.lower_ in _RELATIVE_WORDS for g in c.children)) for c in verb.children):
        return None  # (nor a content clause the parser hung on a noun: "suspicion that
        # Mr Brown was manoeuvring against him")
    last = verb.right_edge
    while last.is_punct and last.i > verb.i:
        last = verb.doc[last.i - 1]
    stranded = [c for c in verb.rights if c.dep_ == "prep" and not any(True for _ in c.children)]
    if stranded or (last.dep_ == "prt" and last.head.i == verb.i and last.i > verb.i):
        return head, False  # (a particle at the clause's end, "the player he brought
        # on", names nothing either way: the clause has no object then)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or all(o.lower_ in _RELATIVE_WORDS for o in objects):
        return head, True
    return None


def gap_noun(head: Token) -> str | None:
    """The noun a relative clause's gap stands for (:func:`relative_gap`), as it
    reads in a relation's name ("reading"), or ``None`` for no plain noun
    ("something", "the one", a name)."""
    if head.pos_ != "NOUN" or head.lower_ in _EMPTY_NOUNS or head.ent_type_ or is_amount(head):
        return None
    return hyphened(head)


def _content_clause(clause: Token) -> bool:
    """Whether a clause on a noun says what the noun's content is ("a plea ... that
    the holder should be a lawyer"), which leaves the noun plain."""
    return clause.dep_ in {"acl", "ccomp"} and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


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


def name_tokens(token: Token) -> list[Token]:
    """The proper nouns of the name whose head is ``token`` ("Dmitry Peskov")."""
    parts = [t for t in token.subtree
             if t.pos_ == "PROPN" and (t.i == token.i or t.head.i == token.i)
             and t.dep_ in {"compound", "flat", "appos", "npadvmod", "nsubj", "ROOT", "pobj",
                            "dobj", "conj", "attr", "nsubjpass"} | {token.dep_}]
    parts = sorted(parts, key=lambda t: t.i)
    run = [token]
    for t in reversed(parts):
        if t.i == run[0].i - 1:
            run.insert(0, t)
    return run


def _poss_child(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "poss"), None)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _possessor(noun: Token, name: Token) -> Token | None:
    """Whose relative ``noun`` (with the name ``name``) is: its own possessive, or
    that of the first item of the list it is in ("his wife Sandra, daughter
    Larissa and stepson Sholto")."""
    for token in (noun, name):
        owner = _poss_child(token)
        if owner is not None:
            return owner
    if noun.dep_ in {"appos", "conj"} and noun.head.lower_ in KIN:
        owner = _poss_child(noun.head)  # "his wife Sandra and daughter Larissa"
        if owner is not None:
            return owner
    for token in (noun, name):
        first = _first_conjunct(token)
        if first.i == token.i:
            continue
        for candidate in (first, first.head):
            owner = _poss_child(candidate)
            if owner is not None and (candidate.i == first.i or candidate.lower_ in KIN):
                return owner
    return None


#: Kin nouns whose person is born to the other's surname ("Mr Nogar's son Stephen" is
#: Stephen Nogar); a wife, a husband or a mother may not be.
SURNAME_KIN = frozenset({"son", "daughter", "brother", "sister", "father"})


def relatives(doc: Doc, table: TokenTable
              ) -> Iterator[tuple[str, list[Token], Token, str]]:
    """People named with their relation to someone: ``(relation, the person's name
    tokens, the other's token, the kin noun)``.

    "his wife Sandra", "daughter Larissa" (in a list after it), "Putin's spokesman
    Dmitry Peskov" name the possessor as the other; "Alan Milburn - a key ally of
    Tony Blair" names the object of "of"."""
    for i in table.find(_KIN_WORDS):
        token = doc[i]
        relation = KIN.get(token.lower_)
        if relation is None or not (token.pos_ in {"NOUN", "ADJ"} or token.text.islower()):
            continue  # ("stepson", lower-case, may be tagged a proper noun)
        if (i and not token.is_sent_start and doc[i - 1].is_alpha
                and _kin_in_a_title(doc[i - 1].text, token.text)):
            continue  # "Michelle Paver's Wolf Brother": a title's word, no kin
        if (i and doc[i - 1].lower_ in _NO_LONGER) or (
                i > 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "ex") or any(
                t.lower_ in _NO_LONGER for left in token.lefts if left.dep_ != "poss"
                for t in left.subtree):
            continue  # "her former mother-in-law", "his ex-wife", "his former Wham!
            # partner": no longer
        if (i + 4 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "in"
                and doc[i + 4].lower_ == "law"):
            relation = f"{token.lower_}_in_law_of"  # "son-in-law"
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            owner = _poss_child(token)
            if owner is not None:  # "Viktor Pinchuk, Mr Kuchma's son-in-law"
                yield relation, name_tokens(token.head), owner, token.lower_
                continue
        # "ally of Tony Blair" in apposition to a name
        if token.dep_ in {"appos", "attr"} and token.head.pos_ in {"PROPN", "AUX", "VERB"}:
            named = token.head if token.head.pos_ == "PROPN" else next(
                (c for c in token.head.children
                 if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
            other = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if named is not None and other is not None:
                yield relation, name_tokens(named), other, token.lower_
                continue
        name: Token | None = None
        for c in token.children:
            if c.dep_ in {"appos", "npadvmod", "compound", "flat"} and c.pos_ == "PROPN" \
                    and c.i > token.i:
                name = c
                break
        if name is None and token.head.pos_ == "PROPN" and token.dep_ in {"compound", "nmod"} \
                and token.head.i > token.i:
            name = token.head
        if name is None and token.i + 1 < len(token.doc):
            after = token.doc[token.i + 1]  # "stepson Sholto" tagged as two conjuncts
            if after.pos_ == "PROPN" and after.ent_type_ == "PERSON":
                name = after
        if name is None:
            continue
        owner = _possessor(token, name)
        if owner is None:
            continue
        yield relation, name_tokens(name), owner, token.lower_


def homes(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, list[Token]]]:
    """Homes written with their place: ``(the owner's token, the place's name
    tokens)`` for "Mr Kilroy-Silk's Buckinghamshire home", "his Surrey house"."""
    for i in table.find(_HOMES):
        token = doc[i]
        if token.pos_ != "NOUN":
            continue
        owner = _poss_child(token)
        place = next((c for c in token.children if c.dep_ in {"compound", "nmod"}
                      and c.pos_ == "PROPN" and c.ent_type_ in _PLACE_LABELS), None)
        if owner is not None and place is not None:
            yield owner, name_tokens(place)


def appointments(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, list[Token]]]:
    """Roles named by an appointment: ``(the appointed person's token, the title's
    tokens)`` for "Mark Hughes' appointment as Blackburn boss", "her election as
    party leader"."""
    for i in table.find(_APPOINTMENTS):
        token = doc[i]
        owner = _poss_child(token) if token.pos_ == "NOUN" else None
        if owner is None:
            continue
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                title = [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
                if title:
                    yield owner, title


#: Nouns of an act with its doer as possessor and its other party after a
#: preposition, → (the preposition, the verb's lemma): "Peter Hain's description of
#: him" → Hain describes him; "Glazer's takeover of Manchester United".
ACT_NOUNS: dict[str, tuple[str, str]] = {
    "description": ("of", "describe"), "criticism": ("of", "criticise"),
    "attack": ("on", "attack"), "attacks": ("on", "attack"), "praise": ("of", "praise"),
    "support": ("for", "support"), "backing": ("of", "back"),
    "endorsement": ("of", "endorse"), "condemnation": ("of", "condemn"),
    "takeover": ("of", "take over"), "acquisition": ("of", "acquire"),
    "purchase": ("of", "buy"), "bid": ("for", "bid for"), "victory": ("over", "beat"),
    "win": ("over", "beat"), "defeat": ("of", "defeat"), "invasion": ("of", "invade"),
    "sacking": ("of", "sack"), "dismissal": ("of", "dismiss"), "rejection": ("of", "reject"),
    "visit": ("to", "visit"),
}
_ACT_WORDS = frozenset(ACT_NOUNS)


#: Verbs that leave an act their clause names still to come.
_PENDING_VERBS = frozenset({"expect", "plan", "propose", "approve", "need", "require",
                            "consider", "block", "oppose", "seek", "want", "hope"})


def _pending(noun: Token) -> bool:
    """Whether the clause around a noun leaves it to come: a modal or future verb
    ("will have to be approved"), or a verb of planning or approving above it."""
    node = noun
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"} and (node.lemma_ in _PENDING_VERBS or any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS - {"to"}
                for c in node.children)):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def acts(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, str, Token]]:
    """Acts a noun phrase states with both parties named: ``(the doer's token, the
    verb's lemma, the other party's token)`` for "Peter Hain's description of him",
    "Chelsea's victory over Arsenal". Not for an act that did not happen, is unsure
    or is still to come ("Glazer's possible takeover of United")."""
    for i in table.find(_ACT_WORDS):
        token = doc[i]
        owner = _poss_child(token) if token.pos_ == "NOUN" else None
        if owner is None or owner.pos_ not in {"PROPN", "PRON"} or undone(token):
            continue
        if _pending(token):
            continue  # "Mitsubishi's takeover of UFJ will have to be approved"
        preposition, lemma = ACT_NOUNS[token.lower_]
        for prep in token.rights:
            if prep.dep_ != "prep" or prep.lower_ != preposition:
                continue
            other = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if other is not None and (other.pos_ == "PROPN" or other.lower_ in {"him", "her"}):
                yield owner, lemma, other


#: Nouns of a place held on a body ("their positions on the panel of X").
_SEAT_NOUNS = frozenset({"seat", "seats", "position", "positions", "place", "places"})
#: Verbs of giving up a seat.
_LEAVING = frozenset({"lose", "resign", "quit", "give", "vacate", "leave", "surrender",
                      "relinquish", "step", "forfeit"})
#: Bodies one sits on, named by an "of" after them ("the panel of Special Advocates").
_PANELS = frozenset({"panel", "board", "committee", "council", "commission", "bench",
                     "jury", "executive"})


def seats(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, list[Token]]]:
    """Places held on a body: ``(the holder's token, the body's name tokens)`` for
    "their positions on the panel of Special Advocates", "her seat on Ofcom": a
    possessor, a seat noun, "on" and a name (or a panel of a name); not a seat given
    up ("lost his seat on ...")."""
    for i in table.find(_SEAT_NOUNS):
        token = doc[i]
        owner = _poss_child(token) if token.pos_ == "NOUN" else None
        if owner is None or token.head.lemma_ in _LEAVING:
            continue  # "lost his seat on the board": no longer held
        on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        body = next((c for c in on.children if c.dep_ == "pobj"), None) if on else None
        if body is not None and body.pos_ != "PROPN" and body.lower_ in _PANELS:
            body = next((g for c in body.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), None)
        if body is not None and body.pos_ == "PROPN":
            yield owner, name_tokens(body)


#: Plural nouns a number can stand for named bodies with ("all three parties",
#: "the two firms", "both countries") → the ontology class of their members.
_GROUP_NOUNS: dict[str, str] = {
    "parties": "PoliticalParty", "companies": "Company", "firms": "Company",
    "countries": "Country", "nations": "Country",
}
_GROUP_WORDS = frozenset(_GROUP_NOUNS)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def counted_groups(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, int, str]]:
    """Groups a number names: ``(the plural noun, how many, their class)`` for "all
    three parties", "the two companies", "both countries"; not "two other firms",
    "the two main parties" (a choice among more)."""
    for i in table.find(_GROUP_WORDS):
        token = doc[i]
        if token.pos_ != "NOUN":
            continue
        words = [c for c in token.lefts]
        count = next((_NUMBERS[c.lower_] for c in words if c.dep_ == "nummod"
                      and c.lower_ in _NUMBERS), None)
        if count is None and any(c.lower_ == "both" for c in words):
            count = 2
        if count is None or any(c.lower_ in {"other", "main", "biggest", "largest", "major",
                                             "leading", "smaller", "top", "more", "some"}
                                for c in words):
            continue
        if not any(c.lower_ in {"the", "all", "both", "these", "those"} for c in words):
            continue  # "two firms said": which two is not said
        yield token, count, _GROUP_NOUNS[token.lower_]


def event_places(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, Token, list[Token]]]:
    """People at an event named with its place: ``(a participant's token, the event
    noun's token, the place's name tokens)`` for "Michael Howard spoke at his party's spring
    conference in Brighton", "unions met John Prescott at the Labour conference in
    Gateshead", "Mr Yushchenko told an investors' conference in Kiev". Only what
    happened: no negated, modal or conditional verb."""
    for i in table.find(_EVENT_NOUNS):
        token = doc[i]
        if token.pos_ != "NOUN":
            continue
        place = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                      and g.ent_type_ in _PLACE_LABELS), None)
        if place is None:
            continue
        verb: Token | None = None
        people: list[Token] = []
        at = token.head if token.dep_ == "pobj" and token.head.lower_ in {"at", "to"} \
            and token.head.dep_ == "prep" else None
        if at is not None and at.head.pos_ == "VERB":
            verb = at.head
            people = [c for c in verb.children if c.dep_ in {"nsubj", "dobj"}]
        elif at is not None and at.head.pos_ == "PROPN" and at.head.dep_ in {"dobj", "nsubj"}:
            verb, people = at.head.head, [at.head]  # "met Alan Reed at the conference"
        elif token.dep_ == "dobj" and token.head.lemma_ in _ADDRESS_VERBS:
            verb = token.head
            people = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb is None or any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS)
                               or (c.dep_ == "mark" and c.lower_ in {"if", "unless"})
                               for c in verb.children):
            continue
        for who in people:
            if who.pos_ == "PROPN":
                yield who, token, name_tokens(place)


def _in_word(token: Token) -> bool:
    """Whether ``token`` is a hyphen inside a word ("year-end")."""
    return (token.text == "-" and not token.whitespace_ and token.i > 0
            and not token.doc[token.i - 1].whitespace_)


def event_name(noun: Token) -> tuple[list[Token], bool] | None:
    """The name of an event, as tokens, and whether it is a proper one: a body's
    name starts it ("the Labour spring conference", "the Tory Party conference"), or
    only common words do ("his party's spring conference"); ``None`` for an event
    the noun alone names ("a conference", "an investors' conference")."""
    words = list(noun.doc[noun.left_edge.i:noun.i])
    after = [k for k, t in enumerate(words) if t.dep_ in {"case", "det", "poss", "punct"}
             and not _in_word(t)]  # (a hyphen inside a word stays: "year-end")
    if after:
        words = words[after[-1] + 1:]  # not the possessor: "his party's", "the"
    if not words or any(t.pos_ not in {"PROPN", "NOUN", "ADJ"} for t in words):
        return None
    return [*words, noun], words[0].pos_ == "PROPN"


def national_events(doc: Doc, table: TokenTable) -> Iterator[tuple[Token, Token]]:
    """Events named by their country: ``(the event noun, the country word)`` for "the
    Rwandan genocide", "the US election"."""
    for i in table.find(_NATIONAL_EVENTS):
        token = doc[i]
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                           for c in token.children):
            continue
        named = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}
                 and c.text[:1].isupper() and c.i == token.i - 1]
        if len(named) == 1 and not any(c.dep_ == "poss" for c in token.children):
            yield token, named[0]


def based_bodies(doc: Doc, table: TokenTable) -> Iterator[tuple[list[Token], list[Token]]]:
    """Bodies written with their base: ``(the body's name tokens, the place's name
    tokens)`` for "Bracknell-based Exel", "the New York-based bank Citigroup" and
    "Ubisense, a Cambridge-based firm"."""
    for i in table.find({"based"}):
        token = doc[i]
        if token.dep_ != "amod" or i < 2 or doc[i - 1].text != "-":
            continue
        place = doc[i - 2]
        if place.pos_ != "PROPN" or place.head.i != i or place.ent_type_ not in _PLACE_LABELS:
            continue  # (not "Windows-based Creative")
        noun = token.head
        name: Token | None = None
        if noun.pos_ == "PROPN" and not noun.text.islower():
            name = noun
        elif noun.pos_ in {"NOUN", "PROPN"}:
            name = next((c for c in noun.children if c.dep_ in {"appos", "compound"}
                         and c.pos_ == "PROPN" and c.i > noun.i), None)
            if name is None and noun.dep_ in {"appos", "compound"} \
                    and noun.head.pos_ == "PROPN":
                name = noun.head  # "Ubisense, a Cambridge-based firm"
        if name is not None:
            yield name_tokens(name), name_tokens(place)


#: Nouns that name a relation between the subject of "is" and a possessor or an
#: "of" object: "China is Russia's biggest trading partner", "X, a rival of Y".
#: Words that make a relation noun's relation a past one ("a former member of").
_FORMER = frozenset({"former", "erstwhile", "one-time", "onetime", "previous", "ex"})
RELATION_NOUNS = frozenset({
    "partner", "ally", "rival", "neighbour", "neighbor", "supplier", "customer", "client",
    "creditor", "debtor", "subsidiary", "shareholder", "owner", "parent", "sponsor",
    "backer", "critic", "opponent", "successor", "predecessor", "competitor", "investor",
    "lender", "member", "friend", "enemy", "adversary", "protege", "mentor", "unit",
    "affiliate", "donor", "buyer", "seller", "bidder",
})


def relation_noun(head: Token) -> tuple[str, Token] | None:
    """For the complement of "is" headed by a relation noun with an owner ("Russia's
    biggest trading partner", "a key ally of Tony Blair"): the relation's name
    ("trading_partner_of") and the owner's token."""
    if head.lower_ not in RELATION_NOUNS or head.pos_ != "NOUN":
        return None
    owner = _poss_child(head)
    if owner is None:
        owner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None:
        return None
    words = [c.lower_ for c in head.children
             if c.dep_ == "compound" and c.i == head.i - 1 and c.pos_ == "NOUN"]
    if any(c.dep_ in {"amod", "advmod"} and c.lower_ in _FORMER for c in head.children):
        words.insert(0, "formerly")  # "a former member of rap group Tru": no longer
    return "_".join([*words, head.lower_, "of"]), owner


#: Nouns that say what kind of thing the name before them is ("the Charite
#: hospital", "the Guardian newspaper", "the PCS union") → the ontology class.
KIND_NOUNS: dict[str, str] = {
    "hospital": "Facility", "clinic": "Facility", "stadium": "Facility",
    "airport": "Facility", "prison": "Facility", "university": "Organization",
    "newspaper": "MediaOrganization", "paper": "MediaOrganization",
    "magazine": "MediaOrganization", "channel": "MediaOrganization",
    "broadcaster": "MediaOrganization", "tabloid": "MediaOrganization",
    "union": "Organization", "party": "PoliticalParty", "club": "Organization",
    "company": "Company", "firm": "Company", "bank": "Company", "carmaker": "Company",
    "airline": "Company", "group": "Organization", "charity": "Organization",
    "agency": "Organization", "retailer": "Company", "chain": "Company",
    "giant": "Company", "operator": "Company", "network": "MediaOrganization",
    "programme": "Work", "program": "Work", "show": "Work", "series": "Work",
    "film": "Work", "album": "Work", "novel": "Work", "documentary": "Work",
    "sitcom": "Work", "soap": "Work", "musical": "Work", "play": "Work",
    "biopic": "Work", "movie": "Work", "drama": "Work", "thriller": "Work",
    "sequel": "Work", "opera": "Work", "band": "Organization", "duo": "Organization",
    "trio": "Organization", "orchestra": "Organization",
    "constituency": "Place", "seat": "Place", "festival": "Event", "conference": "Event",
    "tournament": "Event", "championship": "Event", "organisation": "Organization",
    "organization": "Organization", "thinktank": "Organization",
    "watchdog": "Organization", "regulator": "Organization", "manufacturer": "Company",
    "maker": "Company", "insurer": "Company", "supermarket": "Company",
    "publisher": "Company", "label": "Company", "studio": "Company", "lender": "Company",
}
_KIND_WORDS = frozenset(KIND_NOUNS)
#: Kinds of the names a plural noun lists ("films such as X", "bands including Y"):
#: the kind nouns, and nouns that say a kind only of what they list ("the
#: Manchester band" is no band named Manchester).
_LIST_KINDS = {**KIND_NOUNS, "band": "Organization", "book": "Work", "song": "Work",
               "drama": "Work"}
_KIND_PLURALS = {
    (f"{word[:-1]}ies" if word.endswith("y") and word[-2:-1] not in "aeiou"
     else f"{word}es" if word.endswith(("s", "ch", "sh", "x")) else f"{word}s"): word
    for word in _LIST_KINDS}
#: Words of a kind that the tagger joins to a name after them at a sentence's start
#: ("Comedy Meet The Fockers", "Promoters Regular Music").
_LEADING_KINDS = frozenset({*_LIST_KINDS, *_KIND_PLURALS, "comedy", "comedies",
                            "promoter", "promoters"})


def leading_kind(word: str) -> bool:
    """Whether a (case-folded) first word of a name is a kind's word, no part of a
    name ("comedy", "promoters", "carmaker")."""
    return word in _LEADING_KINDS


#: The key prefix of an entity of each class that a kind noun gives.
KIND_PREFIXES = {"Facility": "facility", "Work": "work", "Place": "place", "Event": "event"}


#: Nouns before a work's title ("the film Bride and Prejudice", "the song Georgia On
#: My Mind", "the musical The Woman in White").
_WORK_KINDS = frozenset({w for w, cls in KIND_NOUNS.items() if cls == "Work"}
                        | {"song", "single", "book", "track", "ballet", "thriller", "comedy",
                           "sequel", "remake", "cartoon", "epic"})
#: Small words a title keeps between its capitalised words ("Maria Full of Grace"; not
#: "with", "for", "by", "at": "the hit track Lady Marmalade with Lil' Kim").
_TITLE_JOINERS = frozenset({"of", "in", "on", "the", "and", "a", "an", "to", "my", "your",
                            "our", "his", "her", "or"})


def _title_end(doc: Doc, start: int) -> int:
    """Where a title that starts at token ``start`` ends: capitalised words and
    numbers, with the small words of :data:`_TITLE_JOINERS` between them."""
    k = start
    while k < len(doc):
        token = doc[k]
        if k > start and token.lower_ in _TITLE_JOINERS:
            nxt = k  # the small words run on to a capitalised one: "Top of the Pops"
            while nxt < len(doc) and doc[nxt].lower_ in _TITLE_JOINERS \
                    and not doc[nxt].text[:1].isupper():
                nxt += 1
            if nxt == k or nxt >= len(doc) or not doc[nxt].text[:1].isupper():
                break
            k = nxt
            continue
        if not (token.text[:1].isupper() or (k > start and token.like_num)):
            break
        k += 1
    return k


def work_titles(doc: Doc, table: TokenTable) -> dict[int, tuple[int, int]]:
    """The works' titles a document writes after a noun of their kind ("the film
    Bride and Prejudice"), wherever it writes them: token → the title's token range
    ``[start, end)``, for titles of two words or more (the tagger cuts them at their
    small words: "Bride", "The Woman" + "White").

    >>> from kg.nlp import parse
    >>> doc = next(parse(["He stars in the film Bride and Prejudice. Bride and Prejudice won."]))
    >>> sorted({doc[a:b].text for a, b in work_titles(doc, TokenTable(doc)).values()})
    ['Bride and Prejudice']
    """
    titles: set[str] = set()
    for i in table.find(_WORK_KINDS):  # (few: the text is searched only for these)
        kind = doc[i]
        if not (kind.pos_ == "NOUN" or (kind.pos_ == "ADJ" and kind.lower_ == "musical")
                ) or i + 1 >= len(doc):
            continue  # (not "play", "book" or "show" as verbs)
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < i for c in kind.children):
            continue  # "that day's Today programme Mr Johnson": the title came before
        end = _title_end(doc, i + 1)
        if doc[i + 1].ent_type_ == "PERSON" and all(
                doc[k].ent_type_ == "PERSON" for k in range(i + 1, end)):
            continue  # "the film Tom Cruise made" (but "the drama Maria Full of Grace")
        if end - i - 1 >= 2:
            titles.add(doc[i + 1 : end].text)
    found: dict[int, tuple[int, int]] = {}
    if not titles:
        return found
    text = table.text.lower()  # ("Assault on Precinct 13" for "Assault On Precinct 13")
    for title in titles:
        title = title.lower()
        at = text.find(title)
        while at >= 0:
            span = doc.char_span(at, at + len(title))
            if span is not None:
                for k in range(span.start, span.end):
                    found.setdefault(k, (span.start, span.end))
            at = text.find(title, at + 1)
    return found


#: Words an award's name ends with after "of the" ("Player of the Year").
_AWARD_TIMES = frozenset({"Year", "Season", "Month", "Decade", "Century", "Tournament",
                          "Match", "Series"})


def award_end(doc: Doc, end: int) -> int:
    """Where a name that ends at token ``end`` ends with the "of the Year" that
    makes it an award's ("BBC Sports Personality of the Year", which the tagger cuts
    at "of"), or ``end``.

    >>> import spacy
    >>> doc = spacy.blank("en")("He is Player of the Year now")
    >>> award_end(doc, 3)
    6
    """
    if (end + 2 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ == "the"
            and doc[end + 2].text in _AWARD_TIMES):
        return end + 3
    return end


def described_kinds(doc: Doc, table: TokenTable) -> dict[str, str]:
    """Names that the document itself says the kind of: "carmaker Maruti", "the
    charity Mencap", "Mencap, the learning disability charity", "the Westminster
    Hour programme", "the panel of Special Advocates" → name → ontology class (the
    first description wins)."""
    kinds: dict[str, str] = {}
    for i in table.find(_KIND_WORDS):
        token = doc[i]
        cls = KIND_NOUNS.get(token.lower_)
        if cls is None or token.pos_ != "NOUN":
            continue
        name: list[Token] = []
        head = token.head
        apposed = next((c for c in token.children
                        if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN"
                        and c.i > token.i), None)
        if token.dep_ in {"compound", "nmod"} and head.pos_ == "PROPN" and any(
                t.is_punct for t in doc[token.i + 1 : head.i]):
            pass  # "the title of his album - West began": a dash between, no name's kind
        elif token.dep_ in {"compound", "nmod", "appos"} and head.pos_ == "PROPN":
            # "carmaker Maruti", "Mencap, the charity"
            name = [t for t in head.subtree if t.pos_ == "PROPN" and t.i <= head.i
                    and (t.i == head.i or t.head.i == head.i)]
        elif apposed is not None:
            # "India's biggest carmaker Maruti" (the name hangs off the noun)
            name = [t for t in apposed.subtree if t.pos_ == "PROPN" and t.i <= apposed.i
                    and (t.i == apposed.i or t.head.i == apposed.i)]
        else:
            # "the Westminster Hour programme"
            k = token.i - 1
            while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].head.i in (token.i, k + 1):
                name.insert(0, doc[k])
                k -= 1
            if _maker_named(name, cls):
                name = []
        run = _contiguous(name)
        if run:
            text = "".join(t.text_with_ws for t in run[:-1]) + run[-1].text
            kinds.setdefault(text, cls)
    for i in table.find(_KIND_PLURALS.keys()):
        for member, cls in _listed_members(doc[i]):
            kinds.setdefault(tokens_text(name_tokens(member)), cls)
    for i in table.find({"panel"}):
        token = doc[i]  # "the panel of Special Advocates": the panel's own name
        panel = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if token.pos_ == "NOUN" and panel is not None:
            kinds.setdefault(tokens_text(name_tokens(panel)), "Organization")
    for i in table.find({w.lower() for w in _SEAT_HOLDERS}):
        token = doc[i]  # "the Tory MP for Sleaford and North Hykeham": constituencies
        if token.text not in _SEAT_HOLDERS:
            continue  # "am", a verb
        for prep in token.rights:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            whole = _one_seat(prep)
            if whole:  # "the MP for Sittingbourne and Sheppey": one seat's name
                kinds.setdefault(tokens_text(whole), "Place")
            for place in (g for c in prep.children if c.dep_ == "pobj"
                          for g in (c, *(k for k in c.subtree if k.dep_ == "conj"))):
                if place.pos_ == "PROPN":
                    run = name_tokens(place)
                    kinds.setdefault(
                        "".join(t.text_with_ws for t in run[:-1]) + run[-1].text, "Place")
    for i in table.find(_FAMILY):
        token = doc[i]  # "Viktor Pinchuk, Mr Kuchma's son-in-law" (tagged ORG): a person
        if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.pos_ == "NOUN":
            run = name_tokens(token.head)
            kinds.setdefault("".join(t.text_with_ws for t in run[:-1]) + run[-1].text,
                             "Person")
    for i in table.find(_PERFORMANCE_NOUNS | _CATEGORY_NOUNS):
        for played in _performed_in(doc[i]):  # "her role in Vera Drake", "best actor for Ray"
            kinds.setdefault(tokens_text(name_tokens(played)), "Work")
    for i in table.find(WORK_MAKERS):
        work = _work_before(doc[i])  # "Quantum Leap actor Scott Bakula": a work
        if work:
            kinds.setdefault(tokens_text(work), "Work")
    for i in table.find(_WORK_VERB_FORMS):
        verb = doc[i]  # "he helped write Kokomo" (tagged PERSON): a song
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _WORK_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.pos_ == "PROPN" and obj.ent_type_ in {
                    "PERSON", "WORK_OF_ART", ""}:
                kinds.setdefault(tokens_text(name_tokens(obj)), "Work")
    return kinds


def _one_seat(prep: Token) -> list[Token]:
    """The name a singular seat holder's "for" governs when it joins names with
    "and" ("MP for Sittingbourne and Sheppey", "MP for Bethnal Green and Bow"): one
    constituency, as an MP holds one; else nothing."""
    holder = prep.head
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or holder.text.endswith("s") or not any(
            c.dep_ == "conj" for c in obj.children):
        return []
    tokens = [t for t in obj.subtree]
    if (len(tokens) < 3 or not all(t.pos_ == "PROPN" or t.lower_ in {"and", "&"}
                                   for t in tokens)
            or tokens[0].lower_ == "and" or tokens[-1].lower_ == "and"):
        return []
    return tokens


#: Verbs whose named object is a work (a song, a book), whatever the tagger says of
#: it ("wrote Kokomo", "recorded Ring of Fire"); not "directed", "produced" or
#: "released", which may take a person.
_WORK_VERBS = frozenset({"write", "co-write", "pen", "compose", "record", "sing"})
_WORK_VERB_FORMS = frozenset({"write", "writes", "wrote", "written", "writing", "co-write",
                              "co-wrote", "co-written", "pen", "pens", "penned", "compose",
                              "composes", "composed", "record", "records", "recorded",
                              "sing", "sings", "sang", "sung"})


#: Nouns of a part played in a work ("the lead role in Vera Drake").
_PERFORMANCE_NOUNS = frozenset({"role", "part", "performance", "portrayal", "turn"})
#: Words that make such a noun an actor's ("the lead role", "his portrayal"; not
#: "his role in Enron", which is no work).
_PERFORMED = frozenset({"starring", "lead", "leading", "title", "supporting", "cameo"})
#: Award categories, with "best" ("won best actor for Ray").
_CATEGORY_NOUNS = frozenset({"actor", "actress", "director", "film", "picture", "screenplay",
                             "documentary", "comedy", "drama", "album", "single", "song"})


def _performed_in(noun: Token) -> list[Token]:
    """The names of works that a performance noun or a "best" award category is
    for: "the lead role in Ray", "his portrayal in Kinsey", "Foxx won best actor for
    Ray" (the "for" on the noun or on its verb); ``[]`` for anything else
    ("Britain's role in Kosovo", "his role in Enron": no actor's role)."""
    if noun.pos_ != "NOUN":
        return []
    if noun.lower_ in _PERFORMANCE_NOUNS:
        if not any(c.lower_ in _PERFORMED or (noun.lower_ == "portrayal" and c.dep_ == "poss")
                   for c in noun.children):
            return []
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"]
    else:
        # someone named won it, so "for" names the work ("best actor for Cheadle",
        # with no winner, names the nominee)
        if noun.dep_ != "dobj" or not any(c.dep_ == "amod" and c.lower_ == "best"
                                          for c in noun.children) or not any(
                c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in noun.head.children):
            return []
        preps = [c for h in (noun, noun.head) for c in h.children
                 if c.dep_ == "prep" and c.lower_ == "for"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]


#: Words that, capitalised before a title, describe the person, not a work.
_DESCRIPTORS = frozenset({"veteran", "legendary", "leading", "top", "famous", "young",
                          "acclaimed", "celebrated", "renowned", "established", "fellow",
                          "former", "award-winning", "oscar-winning", "comedy", "stage",
                          "screen", "film", "movie", "tv", "television", "radio"})


def _capitalised_name(token: Token) -> bool:
    """Whether a word the tagger took for a common noun is a name: capitalised inside
    its sentence and inside a tagged name ("former Friends actress", "Friends" a
    plural noun tagged ORG)."""
    return (token.pos_ == "NOUN" and token.text[:1].isupper() and bool(token.ent_type_)
            and not token.is_sent_start)


def _work_before(title: Token) -> list[Token]:
    """The name right before a title of someone who makes or appears in a work
    ("Quantum Leap actor", "Dead Man's Shoes' actor", "Newsnight presenter"), as
    tokens; ``[]`` when no name is."""
    if title.pos_ != "NOUN" or title.i == 0:
        return []
    k = title.i - 1
    if title.doc[k].dep_ == "case":
        k -= 1  # a possessive: "Dead Man's Shoes' star"
    name = title.doc[k] if k >= 0 else None
    if name is None or not (name.pos_ == "PROPN" or _capitalised_name(name)) or (
            name.head.i != title.i or name.dep_ not in {"compound", "poss", "nmod"}):
        return []
    start = name.left_edge.i
    while start < name.i and title.doc[start].pos_ not in {"PROPN", "NUM"} \
            and not is_name_letter(title.doc[start].text):
        start += 1  # (not "the", "his"; the "X" of "X Files")
    if start == name.i and name.lower_ in _DESCRIPTORS:
        return []  # "Veteran actress Jane Russell": no work named Veteran
    number = title.doc[start - 1] if start else None
    if (number is not None and number.pos_ == "NUM" and number.text.isdigit()
            and len(number.text) < 4 and number.head.i in {title.i, name.i}):
        start -= 1  # "21 Grams actress", the number hung on the title
    return list(title.doc[start:name.i + 1])


def _listed_members(token: Token) -> list[tuple[Token, str]]:
    """The names a kind noun lists as its members, with the class the noun gives:
    "films such as Titanic and The Beach", "bands including Blur and Oasis", "her
    previous films have included Iris and Elizabeth"."""
    singular = _KIND_PLURALS.get(token.lower_)
    if singular is None or token.pos_ != "NOUN":
        return []  # a plural only: "the film included footage of X" lists no films
    cls = _LIST_KINDS[singular]
    heads: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "including" or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.lefts)):
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
    for prep in (c for c in token.children if c.lower_ == "such" and c.dep_ == "amod"):
        # "films such as X", parsed with "as" under "such"
        heads.extend(g for a in prep.children if a.lower_ == "as"
                     for g in a.children if g.dep_ == "pobj")
    verb = token.head
    if token.dep_ == "nsubj" and verb.lemma_ == "include" and verb.pos_ == "VERB":
        heads.extend(c for c in verb.children if c.dep_ == "dobj")
    members: list[Token] = []
    while heads:  # each head and the members coordinated with it
        head = heads.pop(0)
        members.append(head)
        heads.extend(c for c in head.children if c.dep_ == "conj")
    return [(m, cls) for m in members if m.pos_ == "PROPN"]


def _contiguous(tokens: list[Token]) -> list[Token]:
    """The last contiguous stretch of ``tokens`` (in document order)."""
    tokens = sorted(tokens, key=lambda t: t.i)
    run: list[Token] = []
    for t in tokens:
        if run and t.i != run[-1].i + 1:
            run = []
        run.append(t)
    return run


def kind_named(head: Token, start: int, end: int) -> tuple[list[Token], str] | None:
    """The proper nouns just before a kind noun inside characters ``start``..``end``
    ("Charite" in "the Charite hospital") and the class the noun gives them."""
    cls = KIND_NOUNS.get(head.lower_)
    if cls is None or head.pos_ != "NOUN":
        return None
    name: list[Token] = []
    k = head.i - 1
    doc = head.doc
    inside = {head.i}
    while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].idx >= start and doc[k].head.i in inside:
        name.insert(0, doc[k])  # "the East Kilbride seat": "East" hangs off "Kilbride"
        inside.add(k)
        k -= 1
    if not name or name[-1].idx + len(name[-1]) > end or _maker_named(name, cls):
        return None
    return name, cls


def _maker_named(name: Sequence[Token], cls: str) -> bool:
    """Whether the name before a work's kind noun is its maker's, a person's ("the
    Tennessee Williams drama", "the Mike Leigh film"), not the work's own."""
    return cls == "Work" and bool(name) and name[-1].ent_type_ == "PERSON"
