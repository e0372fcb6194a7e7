"""Roles and affiliations: the organisation or country a person's title names.

A title or an apposition already gives ``holds_position`` (see
:meth:`kg.resolve.Resolver.position`). This room adds the link to the body the
role names, as its own fact:

* a modifier of the title: "PCS leader Mark Serwotka" → leads PCS; "UKIP
  spokesman Mark Croucher" → member_of UKIP; "French President Jacques Chirac" →
  leads France; "Deputy Foreign Minister Sergei Ryabkov" (Russian) → represents
  Russia; "Blackburn striker Matt Jansen" → plays_for Blackburn (a club, not the
  town); "Rovers' assistant manager Mark Bowen" → works_for Rovers;
* a preposition after the title: "Paul Reynolds, chief executive of BT Wholesale"
  → leads BT Wholesale; "Jane Smith, chief economist at Barclays" → works_for
  Barclays; "a spokesman for the campaign group Liberty" → works_for Liberty;
* a person "of" a body: "Stuart Hensel of the Economist Intelligence Unit" →
  works_for the Economist Intelligence Unit (:func:`of_bodies`).

Which relation a title gives is :func:`affiliation_relation`'s decision, from the
title's words and the kind of body; a past role ("former", "ex-") gives none.

>>> affiliation_relation(["pcs", "leader"], "Organization")
'leads'
>>> affiliation_relation(["tory", "mp"], "PoliticalParty")
'member_of'
>>> affiliation_relation(["blackburn", "striker"], "City")
'plays_for'
>>> affiliation_relation(["former", "chief", "executive"], "Company") is None
True
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.labels import SUBJECT_PRONOUNS, all_opens_a_name, opens_a_name
from kg.resolve.mentions import Mention, Staged, token_argument, tokens_text
from kg.resolve.names import TITLE_WORDS
from kg.resolve.tokens import TokenTable, clause_verb
from kg.types import Argument, Statement, Value

__all__ = [
    "AFFILIATION_RULE",
    "APPOINTING_VERBS",
    "FORMER_WORDS",
    "LESSER",
    "NOT_HEADS",
    "PARTY_NAMES",
    "POSTNOMINALS",
    "STATE_RELATIONS",
    "TITLE_ADJECTIVES",
    "WORK_MAKERS",
    "WORK_ROLES",
    "act_ended",
    "affiliation_relation",
    "appointee",
    "club_of",
    "describes",
    "ended",
    "former_title",
    "from_body",
    "held_long_ago",
    "is_past",
    "no_longer",
    "of_bodies",
    "post_left",
    "role_affiliations",
    "titled_names",
]

#: The rule name of a fact this room derives (the statement node's ``kg:rule``).
AFFILIATION_RULE = "role_affiliation"
#: ... and of "X of ORG".
PERSON_OF_RULE = "person_of"

#: Titles that lead what they name ("PCS leader", "chief executive of BT").
_HEADS = frozenset({
    "leader", "president", "chairman", "chairwoman", "chair", "head", "ceo", "boss",
    "premier", "king", "queen", "emperor", "monarch", "mayor", "governor", "chancellor",
    "chief-executive", "director-general", "secretary-general", "general-secretary",
    "chieftain", "commander-in-chief", "dictator", "ruler", "sultan", "emir",
})
#: Two-word titles that lead ("prime minister", "chief executive").
_HEAD_PAIRS = frozenset({
    ("prime", "minister"), ("chief", "executive"), ("managing", "director"),
    ("general", "secretary"), ("secretary", "general"), ("director", "general"),
    ("executive", "chairman"), ("party", "leader"), ("head", "coach"),
})
#: Titles that lead a party (not its chairman: "UKIP's chairman Petrina Holdsworth").
_PARTY_HEADS = frozenset({"leader", "head", "chieftain"})
#: Titles of people who play for a club.
_PLAYERS = frozenset({
    "striker", "defender", "midfielder", "goalkeeper", "keeper", "winger", "forward",
    "captain", "skipper", "player", "full-back", "centre-back", "centre-half", "fly-half",
    "scrum-half", "prop", "hooker", "flanker", "batsman", "bowler", "wicketkeeper",
    "playmaker", "lock", "number", "wing",
})
#: Last words of a competition's name ("Davis Cup", "Six Nations", "US Open").
_COMPETITION_WORDS = frozenset({"cup", "open", "championship", "championships", "games",
                                "olympics", "nations", "trophy", "series", "prix", "masters"})


def _competition(label: str) -> bool:
    """Whether a name is a competition's ("Davis Cup", "the Six Nations").

    >>> _competition("Davis Cup"), _competition("Chelsea")
    (True, False)
    """
    words = label.split()
    return len(words) > 1 and words[-1].casefold() in _COMPETITION_WORDS


#: Titles of athletes of sports played alone, whose town before the title is a home
#: town, not a club ("Ballymena sprinter Paul Brizzel").
_ATHLETES = frozenset({"sprinter", "runner", "athlete", "boxer", "golfer", "jockey",
                       "swimmer", "cyclist", "hurdler", "jumper", "skater", "skier",
                       "rower", "gymnast", "decathlete", "heptathlete", "triathlete"})
#: Titles of a band's members ("Muse singer", "former Blur guitarist").
_MUSICIANS = frozenset({"singer", "guitarist", "drummer", "bassist", "frontman",
                        "frontwoman", "vocalist", "keyboardist", "rapper", "member"})
#: Titles of people who run a club's team.
_MANAGERS = frozenset({"manager", "boss", "coach"})
#: Titles of a state's officials: they represent the country ("Russian Deputy
#: Foreign Minister", "the US envoy").
_OFFICIALS = frozenset({
    "minister", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "official", "diplomat", "adviser", "advisor", "aide", "negotiator",
    "representative", "delegate", "general", "commander", "admiral", "commissioner",
    "consul", "attache", "emissary", "foreign-minister",
})
OFFICIALS = _OFFICIALS
#: Words that make a role a lesser one: it no longer leads what it names.
_LESSER = frozenset({"deputy", "assistant", "vice", "shadow", "acting", "junior",
                     "vice-president", "deputy-leader", "under-secretary"})
LESSER = _LESSER
#: Capitalised adjectives of a title's rank that name no body ("Supreme Leader").
TITLE_ADJECTIVES = frozenset({"supreme"})
#: Participles of a dismissal: the post is over ("sacked Chelsea boss", "fired flight
#: attendant"), and they open no name.
_DISMISSED = frozenset({"sacked", "fired", "ousted", "deposed", "axed"})
#: Words that make a role a past one: no affiliation is asserted now.
_PAST = frozenset({"former", "ex", "ex-president", "ex-prime", "late", "then", "one-time",
                   "erstwhile", "outgoing", "retired"}) | _DISMISSED
#: Words that tie a post to someone else's ("Fellow Arsenal striker"): no body's name.
_FELLOW = frozenset({"fellow"})
#: Words of a title that never open a body's name before it ("Shadow Home Secretary",
#: "Supreme Leader", "sacked Chelsea boss", "Fellow Arsenal striker").
_NO_NAME_OPENERS = _LESSER | TITLE_ADJECTIVES | _DISMISSED | _FELLOW
#: Words of a post just taken or about to end ("New Home Secretary"), which open no
#: name unless the name is known whole ("New Labour", "New Zealand").
_NEW = frozenset({"new", "incoming", "outgoing"})
#: Participles that name a post's kind, not describe its holder ("retired general",
#: "elected mayor", "chartered accountant").
_POST_PARTICIPLES = frozenset({"retired", "elected", "unelected", "appointed", "designated",
                               "qualified", "chartered", "certified", "registered",
                               "licensed", "ordained", "decorated", "seeded", "unseeded",
                               "capped", "uncapped", "contracted", "salaried"})
#: Words before a title that describe a person, not the post: participles in "-en"
#: ("a crestfallen France coach") and adjectives of repute ("a charismatic
#: businessman", "a well-known civil rights activist").
_DESCRIBING = frozenset({"crestfallen", "fallen", "beaten", "broken", "forgotten", "stricken",
                         "shaken", "outspoken", "soft-spoken", "downtrodden", "charismatic",
                         "well-known", "famous", "renowned", "legendary", "prominent",
                         "popular", "controversial", "colourful", "colorful", "flamboyant",
                         "maverick", "notorious", "wealthy", "eccentric", "reclusive",
                         "influential", "powerful", "veteran", "seasoned", "slain",
                         "murdered", "assassinated"})


def describes(word: str, *, capitalised: bool = False) -> bool:
    """Whether a lower-case word before a title describes the one who holds it, not
    the post: a participle ("inexperienced Sale Sharks prop", "a crestfallen France
    coach", "murdered fashion designer"; not "retired general", "top seed") or an
    adjective of repute ("a charismatic businessman"). A ``capitalised`` word (a
    sentence's first) only when listed: "Murdered director", not "United boss" or
    "Armed Forces Minister".

    >>> describes("inexperienced"), describes("crestfallen"), describes("retired")
    (True, True, False)
    >>> describes("murdered", capitalised=True), describes("united", capitalised=True)
    (True, False)
    """
    if word in _DESCRIBING:
        return True
    return not capitalised and (
        len(word) > 4 and word not in _PAST and word.endswith("ed")
        and not word.endswith("eed") and word not in _POST_PARTICIPLES)


#: Titles won, not posts held: no affiliation with the body of the contest.
_HONOURS = frozenset({"champion", "champions", "winner", "medallist", "medalist",
                      "finalist", "laureate", "runner-up"})
#: Words of a past role that is over, so that a past affiliation holds ("former
#: Chelsea striker" → formerly_plays_for); not "then", "late" or "outgoing".
_FORMER = frozenset({"former", "ex", "one-time", "erstwhile"}) | _DISMISSED
FORMER_WORDS = _FORMER
#: Titles of elected members: "MP for Sleaford" represents the place.
_LEGISLATORS = frozenset({"mp", "mep", "msp", "am", "senator", "congressman",
                          "congresswoman", "representative", "councillor", "member"})
_FOUNDERS = frozenset({"founder", "co-founder", "cofounder"})
_OWNERS = frozenset({"owner", "proprietor", "co-owner"})
#: Kinds of organisation (ontology classes) that people work for or belong to.
_BODIES = frozenset({"Organization", "Company", "GovernmentBody", "InternationalOrganization",
                     "MediaOrganization", "ArmedForce", "PoliticalParty"})
#: Classes of places ("Veteran US television host": a title word before one).
_PLACE_TYPES = frozenset({"Country", "City", "Place"})
#: Classes of a possessor before a place that is no body the place is a part of
#: ("Britain's US ambassador", "Blair's UK ...").
_NOT_OWNERS = frozenset({"Person", "Country", "City", "Place", "GovernmentBody"})
#: Words that name a party after a demonym ("Scottish Conservative leader", "Welsh
#: Labour leader"): a branch of the party, not a post of the country.
PARTY_NAMES = frozenset({"conservative", "conservatives", "tory", "tories", "labour",
                         "liberal", "lib", "nationalist", "green", "unionist", "socialist"})
#: Title words of a party's or the opposition's posts ("the party's Treasury
#: spokesman", "shadow Home Office minister").
_PARTY_TITLE_WORDS = frozenset({"party", "shadow", "opposition"})
#: Prepositions after a title that name its body ("chief executive of BT").
_BODY_PREPOSITIONS = frozenset({"of", "at", "for", "with", "in"})


def _words(title: Sequence[str]) -> list[str]:
    return [w.casefold().strip(".,'\u2019") for w in title if w.strip(".,'\u2019")]


def is_past(words: Sequence[str]) -> bool:
    """Whether title words (lower case) name a past role ("former", "then", "ex").

    >>> is_past(["then", "president"])
    True
    """
    return any(w in _PAST for w in words)


def former_title(title: Sequence[str]) -> list[str] | None:
    """The words of a former role without what makes it former ("ex-President" →
    ["president"]), or ``None`` when the title is no former role, or is past in
    another way ("then president", "the late").

    >>> former_title(["former", "Chelsea", "striker"])
    ['chelsea', 'striker']
    >>> former_title(["then", "president"]) is None
    True
    """
    words = _words(title)
    present = [w.removeprefix("ex-") for w in words if w not in _FORMER]
    if len(present) == len(words) and not any(w.startswith("ex-") for w in words):
        return None
    return None if not present or is_past(present) else present


#: Titles of people who make or appear in a work, → the relation to the work a
#: name before them is ("Nighty Night star Julia Davis", "Newsnight presenter
#: Jeremy Paxman", "Harry Potter author JK Rowling").
WORK_ROLES: dict[str, str] = {
    "star": "stars_in", "co-star": "stars_in", "actor": "stars_in", "actress": "stars_in",
    "presenter": "presents", "host": "hosts", "creator": "creates", "co-creator": "creates",
    "writer": "author_of", "co-writer": "author_of", "author": "author_of",
}
#: Those of :data:`WORK_ROLES` whose name before them is a work whatever else the
#: text says ("Quantum Leap actor"); not "star": "Chelsea star" is a club's.
WORK_MAKERS = frozenset(WORK_ROLES) - {"star", "co-star"}


def affiliation_relation(title: Sequence[str], body_type: str) -> str | None:
    """The relation between a person whose role is ``title`` (its words, in order)
    and the body of class ``body_type`` the role names, or ``None`` when the role
    states no link a reader would sign (a past role; a country's economist).

    >>> affiliation_relation(["assistant", "manager"], "Organization")
    'works_for'
    >>> affiliation_relation(["deputy", "foreign", "minister"], "Country")
    'represents'
    >>> affiliation_relation(["british", "economist"], "Country") is None
    True
    >>> affiliation_relation(["former", "guitarist"], "Organization") is None
    True
    >>> affiliation_relation(["guitarist"], "Organization")
    'member_of'
    >>> affiliation_relation(["sprinter"], "Organization") is None
    True
    >>> affiliation_relation(["star"], "Organization") is None
    True
    """
    words = _words(title)
    if not words or any(w in _PAST or w.startswith("ex-") for w in words):
        return None
    if "to" in words[:-1]:
        return None  # "aide to the Labour leader": whom they serve, not their body
    last = words[-1]
    if last in _HONOURS:
        return None  # "AAA champion": a title won, not a post held
    if last in _ATHLETES and body_type != "Country":
        return None  # "Ballymena sprinter": a home town, no club or employer
    if last in WORK_ROLES and body_type in {"GovernmentBody", "ArmedForce"}:
        return None  # "The Office star Ricky Gervais": a show, whatever its name's look
    if last in {"star", "co-star"} and body_type not in {"Work", "City"}:
        return None  # "Aviator star Alan Alda", "Westlife star Brian McFadden": a film's
        # or a band's star, whom none employs (a town's star plays for its club)
    lesser = any(w in _LESSER for w in words)
    pairs = set(itertools.pairwise(words))
    head = last in _HEADS or bool(pairs & _HEAD_PAIRS)
    if last in _FOUNDERS:
        return "founds" if body_type in _BODIES else None
    if last in _OWNERS:
        return "owns" if body_type in _BODIES or body_type == "City" else None
    if body_type == "Country":
        if head and not lesser:
            return "leads"
        if last in _OFFICIALS or head:
            return "represents"
        return None
    if last in _LEGISLATORS and body_type in {"City", "Place"}:
        return "represents"  # "the Tory MP for Sleaford"
    if body_type == "City":
        # a town before a sports title is its club ("Blackburn striker")
        if last in _PLAYERS and last != "player":  # not "Hollywood player"
            return "plays_for"
        if last in _MANAGERS:
            return "works_for" if lesser else "manages"
        if last in {"mayor", "governor"} and not lesser:
            return "leads"
        return None
    if body_type == "Work":
        return WORK_ROLES.get(last)  # "Nighty Night star" stars in it, works for no one
    if body_type not in _BODIES:
        return None
    if body_type == "PoliticalParty":
        # a party's chairman or president runs its organisation; its leader leads it
        return ("leads" if head and not lesser and last in _PARTY_HEADS
                else "member_of")
    if last in _MUSICIANS and body_type == "Organization":
        return "member_of"  # "Muse singer Matt Bellamy": a band's member, no employee
    if last in _PLAYERS and body_type == "Organization":
        return "plays_for"
    if last in _MANAGERS and body_type == "Organization" and not lesser:
        return "manages"
    if head and not lesser and last not in {"chancellor"}:
        return "leads"
    return "works_for"


#: Verbs that give their object a role, → the relation from the subject to the
#: person: "BT appointed Ben Verwaayen chief executive", "Kilroy-Silk made him
#: deputy leader", "Labour elected Neil Kinnock leader".
APPOINTING_VERBS: dict[str, str] = {
    "appoint": "appoints", "name": "appoints", "make": "appoints", "install": "appoints",
    "reappoint": "appoints", "choose": "appoints", "select": "appoints",
    "elect": "elects", "re-elect": "elects",
}


def appointee(tokens: Sequence[Token]) -> tuple[list[Token], list[Token]] | None:
    """The person and the title of an appointing verb's object read as one phrase
    ("Ben Verwaayen chief executive", "him deputy party leader of Veritas"): a
    leading name or object pronoun, then the rest; ``None`` when the phrase does
    not start with one or has nothing after it."""
    if not tokens:
        return None
    if tokens[0].lower_ in {"him", "her"} and tokens[0].dep_ != "poss":
        person = [tokens[0]]
    else:
        person = []
        for token in tokens:
            if token.pos_ == "PROPN" or (person and token.text in {"-", "'"}
                                         and token.whitespace_ == ""):
                person.append(token)
                continue
            break
        while person and person[-1].pos_ != "PROPN":
            person.pop()
    if not person or len(person) == len(tokens):
        return None
    title = list(tokens[len(person):])
    if title[0].pos_ in {"DET", "PRON", "PUNCT", "CCONJ"}:
        return None  # "Howard Stringer its new chief executive", "X and Y"
    if any(t.pos_ in {"VERB", "AUX", "PART"} for t in title):
        return None  # "make her refuse to serve as minister": no title
    return person, title


def from_body(person_type: str, body_type: str) -> str | None:
    """ "Brad Adams, from Human Rights Watch": a person "from" a body works for it
    (``None`` when the body is a place: "from Birmingham" is where they come from).

    >>> from_body("Person", "Organization"), from_body("Person", "City")
    ('works_for', None)
    """
    if person_type != "Person" or body_type not in _BODIES:
        return None
    return "member_of" if body_type == "PoliticalParty" else "works_for"


def club_of(mention: Mention) -> Mention:
    """The sports club a town's name stands for before a player's or manager's
    title ("Blackburn striker Matt Jansen": the club, not the town)."""
    return Mention(f"org/{mention.label}", mention.label, "Organization", None,
                   mention.surface or mention.label)


def _is_name_part(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in {"PROPN", "ADJ", "NOUN", "NUM"}


def _opens_name(token: Token, after: Sequence[Token]) -> bool:
    """Whether ``token`` is a number that opens the name after it ("21 Grams"), not a
    year ("2004 Tour de France winner"), or a capitalised "All" ("All England Club",
    "All Blacks")."""
    if not after or not after[0].text[:1].isupper() or after[0].pos_ != "PROPN":
        return False
    return all_opens_a_name(token, after[0]) or (
        token.pos_ == "NUM" and token.text.isdigit() and len(token.text) < 4
        and after[0].head.i != token.i)


def _runs(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Runs of capitalised words inside a title phrase ("Rovers'", "Liberal
    Democrat", "BBC"), each ending before a possessive marker or a lower-case word."""
    run: list[Token] = []
    for k, token in enumerate(tokens):
        if not run and _opens_name(token, tokens[k + 1 : k + 2]):
            run.append(token)  # "21 Grams actress": a number that opens the name
            continue
        if _is_name_part(token) or (run and token.text == "-" and not token.whitespace_
                                    and not run[-1].whitespace_
                                    and run[-1].lower_ not in _PAST):  # (not "Ex-")
            run.append(token)  # (a hyphen inside a word: "World Anti-Doping Agency")
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _split(tokens: Sequence[Token]) -> tuple[list[Token], Token | None]:
    """The title part of a role phrase and the preposition after it, if any
    ("chief executive" + "of" in "chief executive of BT Wholesale")."""
    for k, token in enumerate(tokens):
        if k and token.lower_ in _BODY_PREPOSITIONS and token.dep_ == "prep":
            return list(tokens[:k]), token
    return list(tokens), None


#: A role phrase that says the role is over ("the head of Universal Music Germany
#: until last year", "chairman until 2003"; not "until next year").
_ENDED_ROLE = re.compile(r"\b(?:until|till)\b[^,;]*\b(?:last|recently|earlier|ago|(?:19|20)\d\d)\b",
                         re.IGNORECASE)


def ended(text: str) -> bool:
    """Whether a role phrase says the role is over.

    >>> ended("the head of Acme until last year"), ended("chairman until next year")
    (True, False)
    """
    return _ENDED_ROLE.search(text) is not None


#: Relations of a state that holds until it ends (not acts: "previously won" is
#: a win, "previously owned" an ownership that is over).
STATE_RELATIONS = frozenset({
    "owns", "controls", "runs", "leads", "manages", "works_for", "member_of", "plays_for",
    "represents", "lives_in", "heads", "chairs", "employs", "based_in", "holds",
    "known_as",  # "MCI, which was formerly known as Worldcom"
})
#: Adverbs that say a state is over ("previously owned by", "formerly ran").
_ENDED_ADVERBS = frozenset({"previously", "formerly", "once"})


#: Nouns of a stretch of time ("led them for five years").
_DURATION_NOUNS = frozenset({"year", "month", "week", "day", "decade", "season"})


#: Verbs by which someone gives up a post ("X has resigned", "stepped down").
_LEAVING_VERBS = frozenset({"resign", "quit", "retire", "step"})
#: Verbs by which someone is removed from one, in the passive ("was sacked").
_REMOVING_VERBS = frozenset({"sack", "fire", "dismiss", "axe", "oust", "depose", "remove",
                             "replace"})


def post_left(name: Token | None) -> bool:
    """Whether the person whose name's head is ``name`` is said to have given up or
    lost the post written with the name ("Tottenham manager Jacques Santini has
    resigned", "... was sacked", "stepped down"; not "singer X quit the show"): the
    post is a former one.
    """
    if name is None or name.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = name.head
    if verb.tag_ not in {"VBD", "VBN"} or any(c.dep_ == "dobj" for c in verb.children):
        return False  # ("will resign": still held; "quit the show", "resigned the whip":
        # something else given up)
    lemma = verb.lemma_.lower()
    if name.dep_ == "nsubj" and lemma in _LEAVING_VERBS:
        return lemma != "step" or any(c.dep_ in {"prt", "advmod"} and c.lower_ in {
            "down", "aside"} for c in verb.children)
    return name.dep_ == "nsubjpass" and lemma in _REMOVING_VERBS


def held_long_ago(name: Token | None) -> bool:
    """Whether the person whose name's head is ``name`` is the subject or object of a
    clause in the past that a year ten or more years before the document's latest
    dates ("captain Richard Hill was dumped ... after three straight losses in 1987",
    in a report of 2005): a post written with the name is the one held then.

    >>> from kg.nlp import parse
    >>> doc = next(parse(["In 2005 England lost. Captain Tom Hale was dropped in 1987."]))
    >>> held_long_ago(doc[7])
    True
    >>> doc = next(parse(["In 2005 England lost. Captain Tom Hale was dropped in 2004."]))
    >>> held_long_ago(doc[7])
    False
    """
    if name is None or name.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return False
    verb = name.head
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children))
    if not past:
        return False
    years = [int(t.text) for t in verb.subtree if t.ent_type_ == "DATE" and t.is_digit
             and len(t.text) == 4 and 1800 <= int(t.text) <= 2099
             and clause_verb(t).i == verb.i]
    if not years:
        return False
    latest = max(int(y) for y in _YEAR.findall(name.doc.text))
    return latest - max(years) >= 10


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def no_longer(verb: Token) -> bool:
    """Whether a verb says its act or state has stopped: "no longer" ("no longer works
    for Chelsea", "no longer supports the war"), "not ... any longer" being a negation
    of its own."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer"
               and any(g.lower_ == "no" for g in c.children) for c in verb.children)


def act_ended(verb: Token | None) -> bool:
    """Whether a verb says that what it states is over: with an adverb ("having
    previously been owned by Hollinger", "formerly ran the BBC"), or in the past
    tense with how long it lasted or when it ended ("whom he led for five years",
    "managed Coventry until 2001", "from 1996 to 2001", "between 1987 and 1990",
    "until he joined the Navy", "until 1997, it had been held by the Tories"; not
    "has led for five years")."""
    if verb is None:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _ENDED_ADVERBS for c in verb.children):
        return True
    if no_longer(verb):
        return True  # "no longer works for Chelsea"
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children))
    return past and any(
        _time_ended(c) if c.dep_ == "prep" else c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in {"until", "till"} for m in c.children)
        for c in verb.children)  # ("lived in Norfolk until he joined the Navy")


def _time_ended(prep: Token) -> bool:
    """Whether a preposition's phrase gives a stretch of time or its end ("for five
    years", "until 2001", "from 1996 to 2001", "between 1987 and 1990")."""
    word = prep.lower_
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if word == "for" and obj.lemma_.lower() in _DURATION_NOUNS and (
                obj.tag_ == "NNS" or any(c.dep_ == "nummod" for c in obj.children)):
            return True  # "for five years", "for years" (not "for the season")
        if word in {"until", "till"} and ended(" ".join(t.text for t in prep.subtree)):
            return True
        if word == "between" and obj.ent_type_ == "DATE":
            return True  # "between 1987 and 1990"
        if word == "from" and any(c.dep_ == "prep" and c.lower_ in {"to", "until"}
                                  for c in (*prep.children, *obj.children)):
            return True
    return False


def _name_head(statement: Statement, doc: Doc) -> Token | None:
    """The head token of a role statement's name (its subject)."""
    span = doc.char_span(statement.subject.head_start, statement.subject.head_end,
                         alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _object_of(prep: Token) -> list[Token] | None:
    """The noun phrase a preposition governs, as tokens (its object's subtree), up
    to a conjunct that is a title of its own ("chair of the judges and the Guardian
    literary editor": the judges, not the Guardian)."""
    for child in prep.children:
        if child.dep_ == "pobj":
            end = next((c.left_edge.i for c in child.children if c.dep_ == "conj"
                        and c.pos_ == "NOUN" and c.lower_ in TITLE_WORDS), None)
            return [t for t in child.subtree if end is None or t.i < end]
    return None


def role_affiliations(
    statement: Statement,
    person: Mention,
    speaker: Mention | None,
    *,
    doc: Doc,
    body: Callable[[Argument], Mention | Value | None],
    title_word: Callable[[str], bool],
) -> Iterator[Staged]:
    """The affiliations a role statement states ("Jose Mourinho" *is* "Chelsea
    boss"): one fact per body that the role phrase names, before or after its title.

    ``body`` resolves an argument to the entity it names; ``title_word`` tells
    whether a (lower-case) word is part of a title rather than of a name.
    """
    role = statement.object
    if role is None:
        return
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    title, prep = _split(list(span))
    title_words = [t.text for t in title if t.pos_ not in {"DET", "PUNCT", "PART"}]
    later = _body_after_function(prep, span) if prep is not None else None
    if later is not None:
        prep = later  # "head of new media at Virgin Radio": the head of a function
    seen: set[str] = set()
    candidates: list[list[Token]] = []
    branch = False  # a party's branch in a country ("Welsh Labour leader")
    for run in _runs(title[:-1]):
        # leading title words are no part of the name ("Shadow", "Former"), unless
        # the whole run is one ("Liberal Democrat", "Economist Intelligence Unit")
        while run and (run[0].lower_ in _NO_NAME_OPENERS or (
                run[0].lower_ in _NEW and not _gazetteer_name(run, body)) or (
                (title_word(run[0].lower_) or run[0].lower_ in _PAST | _FORMER)
                and not _known(run, body))):
            run = run[1:]  # ("Shadow Home Secretary": no body called "Shadow Home")
        if len(run) > 1 and run[1].lower_ in PARTY_NAMES and _a_country(run, body):
            # "Scottish Conservative leader", read as Scotland: the party's (not
            # "Scottish Green Party", a party's whole name)
            run, branch = run[1:], True
        if run:
            candidates.append(run)
    if prep is not None:
        tail = _object_of(prep)
        if tail:
            candidates.append(tail)
    named: list[tuple[list[Token], Token, Argument, Mention | Value | None]] = []
    for tokens in candidates:
        head = tokens[-1]
        if prep is not None and tokens[0].i > prep.i:
            head = next((c for c in prep.children if c.dep_ == "pobj"), head)
        arg = token_argument(tokens, "obj", head=head)
        named.append((tokens, head, arg, body(arg)))
    # "UK managing director of filtering firm Ciphertrust": a place before the title
    # of a body named after it is where the post is, a part of the body
    regional = prep is not None and any(
        isinstance(found, Mention) and found.type in _PLACE_TYPES and tokens[0].i < prep.i
        for tokens, _, _, found in named) and any(
        isinstance(found, Mention) and found.type in _BODIES and tokens[0].i > prep.i
        for tokens, _, _, found in named)
    # "E&Y's UK head of tax": a place between a body and the title, the same
    # (the owner need not be known: "E&Y")
    regional = regional or (any(
        not (isinstance(found, Mention) and found.type in _NOT_OWNERS)
        and tokens[-1].i + 1 < len(doc) and doc[tokens[-1].i + 1].tag_ == "POS"
        for tokens, _, _, found in named) and any(
        isinstance(found, Mention) and found.type in _PLACE_TYPES
        and (prep is None or tokens[0].i < prep.i) for tokens, _, _, found in named))
    # "managing director of the IFPI in Germany": a place after the body is where
    # the post is, a part of the body
    regional = regional or (prep is not None and any(
        t.lower_ == "in" and t.dep_ == "prep" and t.i > prep.i and any(
            c.dep_ == "pobj" and c.ent_type_ == "GPE" for c in t.children) for t in span)
        and any(isinstance(found, Mention) and found.type in _BODIES and tokens[0].i > prep.i
                for tokens, _, _, found in named))  # (not "MP for Wantage in Oxfordshire")
    # "the party's Treasury spokesman", "Tory Treasury spokesman": a department a
    # party's spokesman speaks on, not one they work for
    portfolio = any(t.lower_ in _PARTY_TITLE_WORDS for t in title) or any(
        isinstance(found, Mention) and found.type == "PoliticalParty"
        for _, _, _, found in named)
    for tokens, head, arg, found in named:
        if not isinstance(found, Mention) or found.key == person.key or found.key in seen:
            continue
        if regional and found.type in _PLACE_TYPES:
            continue
        if (prep is not None and tokens[0].i > prep.i and found.type in _PLACE_TYPES
                and any(t.text == "," and tokens[0].i < t.i < head.i for t in tokens)):
            continue  # "MP for Henley-on-Thames, Oxfordshire": the county of the seat
            # named before it, which is no seat
        if portfolio and found.type == "GovernmentBody" and (
                prep is None or tokens[0].i < prep.i or prep.lower_ == "for"):
            continue  # (and "the Conservative spokesman for the Cabinet Office")
        if title_words and title_words[-1] in _PLAYERS and _competition(found.label):
            continue  # "a former Davis Cup player for Australia": a competition played
            # in, for the body after "for"; no club
        relation = affiliation_relation(title_words, found.type)
        former = former_title(title_words) if relation is None else None
        if former is None and relation is not None and (
                ended(span.text) or post_left(_name_head(statement, doc))):
            former = title_words  # "the head of X until last year", "X manager Y has
            # resigned"
        if former is not None:
            relation = affiliation_relation(former, found.type)
            if found.type == "PoliticalParty" and relation != "leads":
                continue  # "former Tory chancellor Ken Clarke" is a Tory still
        if relation is None:
            continue
        if relation in {"leads", "manages"} and found.type != "Country" and (
                later is not None or regional
                or _qualified(tokens, title, title_word) or _of_a_part(prep, tokens)
                or (head.pos_ == "NOUN" and head.lower_ in _PARTS)  # "of the Labour group"
                or (head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children))):
            # "ISM survey chairman", "digital policy manager at the RNIB", "European
            # boss of Workshare", "chief executive for BT's wireless broadband": the
            # head of a part, who works for the whole (or is a member of the party)
            relation = "member_of" if found.type == "PoliticalParty" else "works_for"
        if branch and relation == "leads" and found.type == "PoliticalParty":
            relation = "member_of"  # the Scottish Conservatives' leader is a Conservative
        if (relation == "leads" and found.wikidata == _UNITED_KINGDOM
                and [w.lower() for w in title_words[-1:]] == ["chancellor"]):
            relation = "represents"  # "UK Chancellor Gordon Brown": the Chancellor of
            # the Exchequer, a minister (Germany's chancellor leads it)
        if found.type == "City" and relation in {"plays_for", "manages", "works_for"}:
            found = club_of(found)
        if former is not None:
            relation = f"formerly_{relation}"  # "former Chelsea striker"
        seen.add(found.key)
        derived = replace(statement, relation=relation.replace("_", " "),
                          lemma=relation.replace("_", " "), objects=(arg,),
                          rule=AFFILIATION_RULE)
        yield derived, person, relation, found, speaker


#: The United Kingdom's Wikidata id (its chancellor is its finance minister).
_UNITED_KINGDOM = "Q145"
#: Prepositions that name the body a function belongs to ("director of products
#: at Telewest", "manager of mobile marketing for NEC").
_FUNCTION_BODY_PREPOSITIONS = frozenset({"at", "for", "with"})


def _a_country(run: Sequence[Token], body: Callable[[Argument], Mention | Value | None]
               ) -> bool:
    """Whether words of a title name a country ("Scottish Conservative" read as
    Scotland)."""
    found = body(token_argument(list(run), "obj", head=run[-1]))
    return isinstance(found, Mention) and found.type == "Country"


def _body_after_function(prep: Token, span: Span) -> Token | None:
    """The preposition naming the body when the title's "of" names a function in
    lower-case words with no determiner ("head of new media at Virgin Radio",
    "manager of mobile terminals marketing for NEC"): the title heads the function,
    not the body. ``None`` when there is no such function or no body after it."""
    if prep.lower_ != "of":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    nested = {t.i for c in pobj.children if c.dep_ == "prep" for t in c.subtree}
    words = [t for t in pobj.subtree if t.i not in nested]
    if any(t.pos_ in {"DET", "PRON"} or t.dep_ == "poss" or t.text[:1].isupper()
           or t.pos_ == "NUM" for t in words):
        return None
    end = span.end
    return next((t for t in span.doc[pobj.i + 1 : end]
                 if t.dep_ == "prep" and t.lower_ in _FUNCTION_BODY_PREPOSITIONS
                 and t.head.i in {pobj.i, prep.head.i}), None)


def _of_a_part(prep: Token | None, body: Sequence[Token]) -> bool:
    """Whether the title heads a part of the body named before it: "Sotheby's
    worldwide head of contemporary art" (an "of" with no name after it), "EA's
    managing director for European publishing" (a "for" with a common noun)."""
    if prep is None or prep.lower_ not in {"of", "for"} or body[0].i > prep.i:
        return False
    part = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if part is None:
        return False
    if prep.lower_ == "for":  # (its field may have a region: "North American sales")
        return part.pos_ == "NOUN" and part.text.islower() and not any(
            t.ent_type_ in {"ORG", "PERSON", "GPE", "FAC"} for t in part.subtree)
    return not any(t.pos_ == "PROPN" for t in part.subtree)


def _qualified(body: Sequence[Token], title: Sequence[Token],
               title_word: Callable[[str], bool]) -> bool:
    """Whether the title's head is qualified by a common noun that is no title word,
    by a nationality or by a function, outside the body's own name ("ISM survey
    chairman", "digital policy manager", "European boss", "regulatory head")."""
    if not title:
        return False
    inside = {t.i for t in body}
    head = title[-1].i
    return any(t.i not in inside and t.i < head and (
        (t.pos_ == "NOUN" and not title_word(t.lower_))
        or (t.lower_ in _PARTS and t.text.islower())  # (a tagger's PROPN too)
        or (t.pos_ == "ADJ" and t.text[:1].isupper())
        or t.lower_ in _FUNCTIONS)  # "regulatory head of the MEF"
        for t in title)


#: Adjectives of a function within a body: its head does not lead the whole
#: ("regulatory head", "technical chief", "financial boss").
_FUNCTIONS = frozenset({
    "regulatory", "technical", "financial", "digital", "commercial", "creative",
    "artistic", "musical", "editorial", "medical", "legal", "political", "scientific",
    "operational", "strategic", "economic", "academic", "administrative", "diplomatic",
})


#: Nouns of a part of a body, title words or not ("ODPM committee chairman", "the
#: county Labour group leader"): who heads the part does not lead the whole.
_PARTS = frozenset({"committee", "panel", "unit", "division", "department", "branch",
                    "group", "section", "wing", "subcommittee", "caucus"})


def _gazetteer_name(run: Sequence[Token],
                    body: Callable[[Argument], Mention | Value | None]) -> bool:
    """Whether the run is a name the gazetteer knows ("New Labour", "New Zealand")."""
    whole = body(token_argument(run, "obj"))
    return isinstance(whole, Mention) and whole.entry is not None


def _known(run: Sequence[Token], body: Callable[[Argument], Mention | Value | None]) -> bool:
    """Whether a run that starts with a title word is still a name: its first word
    ("US", "Labour") or the run itself ("Liberal Democrat"), unless the run is only
    the title word before a place ("Veteran US television host": the US)."""
    if isinstance(body(token_argument(run[:1], "obj")), Mention):
        return True
    whole = body(token_argument(run, "obj"))
    if not isinstance(whole, Mention):
        return False
    if whole.entry is not None:
        return True  # a name the gazetteer knows: "New York Senator Charles Schumer"
    rest = body(token_argument(run[1:], "obj")) if len(run) > 1 else None
    return not (isinstance(rest, Mention) and rest.type in _PLACE_TYPES)


def of_bodies(
    doc: Doc,
    *,
    person: Callable[[Argument], Mention | Value | None],
    body: Callable[[Argument], Mention | Value | None],
    ents: Sequence[Span] | None = None,
) -> Iterator[Staged]:
    """"Stuart Hensel of the Economist Intelligence Unit", "John Murray, of Aldridge
    Conservatives": a person named with the body they belong to (works_for, or
    member_of a party). ``ents`` may pass ``doc.ents`` when the caller has them
    already (spaCy builds them anew on each call)."""
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != "PERSON":
            continue
        after = ent.end
        if after < len(doc) and doc[after].text == ",":
            after += 1
        if after >= len(doc) or doc[after].lower_ != "of" or doc[after].dep_ != "prep":
            continue
        prep = doc[after]
        if prep.head.i not in range(ent.start, ent.end) or (after == ent.end and _peer(ent)):
            continue  # (not "Lord Roberts of Conwy": a peer's title, no body)
        tokens = _object_of(prep)
        if not tokens:
            continue
        obj_head = next(c for c in prep.children if c.dep_ == "pobj")
        obj_arg = token_argument(tokens, "obj", head=obj_head)
        found = body(obj_arg)
        if not isinstance(found, Mention) or found.type not in _BODIES:
            continue
        subject_arg = token_argument(list(ent), "subj", head=ent.root)
        who = person(subject_arg)
        if not isinstance(who, Mention) or who.type != "Person":
            continue
        relation = "member_of" if found.type == "PoliticalParty" else "works_for"
        title = [t.lower_ for t in doc[ent.root.left_edge.i : ent.start]
                 if t.pos_ in {"NOUN", "ADJ"} and t.dep_ in _TITLE_RUN_DEPS]
        if title and title[-1] in TITLE_WORDS:
            # "Chief executive Ben Verwaayen of BT": what the title says of the body
            if any(w in _PAST or w in _FORMER or w.startswith("ex-") for w in title):
                continue
            relation = affiliation_relation(title, found.type) or relation
        sent: Span = ent.sent
        statement = Statement(
            subject=subject_arg, relation="of", lemma="be of",
            objects=(obj_arg,), sentence=sent.text,
            sentence_start=sent.start_char, sentence_end=sent.end_char,
            confidence=0.8, rule=PERSON_OF_RULE, tense="present")
        yield statement, who, relation, found, None


#: The words of a peer's title, whose "of" names the peer's territory ("Lord Roberts of
#: Conwy", "Baroness Thatcher of Kesteven"), not a body the peer belongs to.
_PEERAGE = frozenset({"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl",
                      "countess", "marquess", "duke", "duchess"})


def _peer(ent: Span) -> bool:
    """Whether a person's name is a peer's, its title inside or just before it."""
    first = ent[0] if ent[0].lower_ in _PEERAGE or not ent.start else ent.doc[ent.start - 1]
    return first.lower_ in _PEERAGE


#: Last words of constituencies' names ("Bolton West", "Sleaford and North Hykeham").
_COMPASS = frozenset({"North", "South", "East", "West", "Central", "Mid"})


def _seat(name: Sequence[Token]) -> bool:
    """Whether the name before a postnominal title is the seat's, not the person's:
    it ends in a compass word, or is one word after a determiner ("Bolton West MP",
    "the Harwich MP"; not "the Audit Committee Peter Ainsworth MP")."""
    start = name[0].i
    return name[-1].text in _COMPASS or (
        len(name) == 1 and start > 0 and name[0].doc[start - 1].pos_ == "DET")


#: Titles written after a name ("Ian MacDonald QC", "Douglas Hogg MP").
POSTNOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "AM", "MLA", "TD"})
_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
                              "baroness", "baron", "prof", "rev"})
#: Title words that only modify the title's head ("foreign" in "foreign secretary").
NOT_HEADS = frozenset({
    "foreign", "home", "national", "security", "state", "interior", "finance", "defence",
    "defense", "trade", "health", "energy", "economy", "first", "new", "former", "late",
    "acting", "then", "deputy", "vice", "prime", "presidential", "opposition", "ex",
    "incumbent", "white", "house", "us", "u.s.", "uk", "eu", "un", "nato", "kremlin",
    "labour", "conservative", "liberal", "democrat", "republican", "tory", "tv", "field",
    "air", "private", "shadow", "senior", "junior", "chief",
})
#: A minister's or secretary's portfolio, a word alone after "of" or "for" ("US
#: Secretary of State", "Minister for Health"): no body to work for.
PORTFOLIOS = frozenset({
    "state", "defence", "defense", "health", "education", "transport", "transportation",
    "trade", "justice", "energy", "environment", "culture", "agriculture", "interior",
    "finance", "commerce", "labor", "employment", "industry", "housing", "war",
    "economy", "tourism", "sport", "fisheries", "immigration", "development", "arts",
    "media", "heritage", "science", "schools", "pensions", "children", "home", "foreign",
    "armed forces", "international development", "constitutional affairs",
    "work and pensions", "trade and industry", "europe",
})
_TITLE_RUN_DEPS = frozenset({"compound", "amod", "nmod", "punct", "nummod", "poss", "case"})


def _name_runs(doc: Doc, table: TokenTable) -> Iterator[tuple[int, int]]:
    """``(start, end)`` token ranges of runs of proper nouns (hyphens inside)."""
    proper = table.proper_nouns[0]  # (their indices, in order)
    start = prev = -2
    for i in proper:
        if prev < 0:
            start = prev = i
            continue
        if i == prev + 1 or (i == prev + 2 and not table.spaces[prev]
                             and not table.spaces[i - 1] and doc[i - 1].text == "-"):
            prev = i
            continue
        if start >= 0:
            yield start, prev + 1
        start = prev = i
    if start >= 0:
        yield start, prev + 1


def _chars(tokens: Sequence[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


#: Entity labels of names that are no person's ("Coach Carter" the film).
_WORK_LABELS = frozenset({"WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW"})


def titled_names(doc: Doc, *, table: TokenTable, title_word: Callable[[str], bool]
                 ) -> Iterator[tuple[list[Token], str, tuple[int, int]]]:
    """People's names with the title written next to them: ``(name tokens, title
    text)`` for "Prime Minister Yulia Tymoshenko" (whatever comes before it),
    "ex-chatshow host Mr Kilroy-Silk", "Ian MacDonald QC", and each name of a list
    in apposition to a title ("five other barristers - Nicholas Blake QC, ...");
    each with the title's character offsets.

    ``title_word`` tells whether a lower-case word is a title word."""
    for start, end in _name_runs(doc, table):
        tokens = list(doc[start:end])
        if any(t.ent_type_ in _WORK_LABELS for t in tokens):
            continue  # "Captain Corelli's Mandolin" tagged a work: no captain
        if len(tokens) >= 2 and tokens[-1].text in POSTNOMINALS:
            if not _seat(tokens[:-1]):
                yield tokens[:-1], tokens[-1].text, _chars([tokens[-1]])
            tokens = tokens[:-1]
        # a title inside the run ("[Wednesday] Prime Minister Yulia Tymoshenko"), or
        # just before it ("ex-chatshow host Mr Kilroy-Silk")
        last = max((p for p in range(len(tokens) - 1)
                    if title_word(tokens[p].lower_)
                    and tokens[p].lower_.rstrip(".") not in _HONORIFIC_WORDS), default=-1)
        first = last
        while first > 0 and title_word(tokens[first - 1].lower_):
            first -= 1
        inner = tokens[first : last + 1] if last >= 0 else []
        name = tokens[last + 1:]
        while name and name[0].lower_.rstrip(".") in _HONORIFIC_WORDS and len(name) > 1:
            name = name[1:]
        lead: list[Token] = []
        j = start - 1 if first <= 0 else -1
        while j >= 0:
            t = doc[j]
            if t.pos_ in {"DET", "ADP", "VERB", "AUX", "PRON", "CCONJ", "SCONJ"} or (
                    t.pos_ == "PUNCT" and t.text != "-") or t.dep_ not in _TITLE_RUN_DEPS:
                break
            if t.text == "-" and (t.whitespace_ or (t.i and doc[t.i - 1].whitespace_)):
                break  # "five members - president X": a dash between words, no hyphen
            if t.pos_ == "PROPN" and not title_word(t.lower_) and not (
                    t.dep_ in {"compound", "poss"} and t.head.i > t.i):
                break
            if describes(t.lower_, capitalised=not t.text.islower()) and (
                    t.text.islower() or t.is_sent_start):
                break  # "inexperienced Sale Sharks prop": the man, not the post
            lead.insert(0, t)
            j -= 1
        if (lead and 0 <= j == lead[0].i - 1 and not title_word(lead[0].lower_)
                and opens_a_name(doc[j], doc[j - 1] if j else None, lead[0])):
            lead.insert(0, doc[j])  # "No Doubt singer", "All Blacks captain": the
            # determiner is the name's, which the post is not ("doubt singer")
        while (lead and lead[0].i > 0 and not doc[lead[0].i - 1].whitespace_
               and not doc[lead[0].i - 1].is_space):
            lead = lead[1:]  # the walk stopped inside a word: "22-year-old" is no title
        while lead and lead[0].pos_ in {"PUNCT", "PART"}:
            lead = lead[1:]
        if lead and lead[0].i and doc[lead[0].i - 1].lower_ in SUBJECT_PRONOUNS:
            lead = lead[1:]  # "as they eye captain Steven Gerrard": a verb, tagged a noun
        if lead and j >= 0 and doc[j].dep_ == "poss" and doc[j].lower_ in _PERSONS_OWN:
            continue  # "his former boss Bernard Ebbers": whose boss, no post
        words = lead + inner
        if not words or not name or not title_word(words[-1].lower_):
            continue
        if words[-1].pos_ not in {"NOUN", "PROPN"}:
            continue  # "a general Production Diary": an adjective, no title
        if words[-1].lower_ in NOT_HEADS or any(
                t.lower_.rstrip(".") in _HONORIFIC_WORDS for t in name[1:]):
            continue  # "the Foreign Policy Centre Mr Straw": no title, another name
        if all(t.pos_ == "PROPN" and t.lower_ in _HONORIFIC_WORDS for t in words):
            continue
        past = [t for t in _past_words(words[-1]) if t.i < words[0].i]
        if past:  # "former Spurs and England defender Gary Stevens": a former one
            yield name, f"{tokens_text(past)} {tokens_text(words)}", _chars(words)
            continue
        yield name, tokens_text(words), _chars(words)
    yield from _listed(doc, table=table, title_word=title_word)
    yield from _apposed(doc, table=table, title_word=title_word)


def _apposed(doc: Doc, *, table: TokenTable, title_word: Callable[[str], bool]
             ) -> Iterator[tuple[list[Token], str, tuple[int, int]]]:
    """A title in apposition to a name, each of a coordination ("Helena Kennedy, a
    Labour peer and a human rights lawyer")."""
    for i in table.find(TITLE_WORDS):
        token = doc[i]
        if token.dep_ != "appos" or token.pos_ != "NOUN":
            continue
        head = token.head
        if head.pos_ == "NOUN" and any(c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN"
                                       and c.i > token.i for c in token.children):
            continue  # "assistant manager Tom Reed and fitness coach Bill Cole": the
            # coach's own name after it, apposed to "manager" with Reed by the parse
        if any(c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN"
               and c.ent_type_ == "PERSON" and c.left_edge.i == token.i + 1
               for c in token.children):
            continue  # "without flanker Keith Gleeson, coach Eddie O'Sullivan has": the
            # title of the name right after it, not Gleeson's
        if head.pos_ == "NOUN":
            # "his son Nick, a trainee vicar": both apposed to "son", the name first
            head = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                         and c.i < token.i and c.ent_type_ == "PERSON"), head)
        if head.pos_ != "PROPN" or any(
                t.text == ";" for t in doc[min(head.i, i) + 1 : max(head.i, i)]):
            continue  # (not across a semicolon: "actor - Jamie Foxx; actress - Hilary
            # Swank", items of a list)
        lo = head.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i == head.i:
            lo -= 1
        name = list(doc[lo : head.i + 1])
        for noun in (token, *(c for c in token.children if c.dep_ == "conj"
                              and c.pos_ == "NOUN" and title_word(c.lower_))):
            words = [t for t in noun.lefts if t.dep_ in {"amod", "compound", "nmod", "poss",
                                                         "case"}
                     and t.i > lo]
            # each modifier with its own words ("Olympic 200m" over "m" of "the 2000
            # Olympic 200m champion": not "m champion")
            first = max(min(t.left_edge.i for t in words), lo + 1) if words else noun.i
            past = [t for t in _past_words(noun) if lo < t.i < first]
            if past and all(t.dep_ != "punct" for t in doc[past[0].i : first]):
                first = past[0].i  # "(former Wales coach)" with "former" on "Wales"
            while (first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_
                   and not doc[first - 2].whitespace_):
                first -= 2  # "vice-president", not "president"
            words = list(doc[first : noun.i + 1])
            tail = [t for c in noun.rights if c.dep_ == "prep" and c.lower_ in
                    _BODY_PREPOSITIONS for t in c.subtree]
            words = words + tail if tail and tail[0].i == noun.i + 1 else words
            yield name, tokens_text(words), _chars(words)


#: Plural title nouns ("barristers", "ministers"), to find lists of names after them.
_PLURAL_TITLES = frozenset({w + "s" for w in TITLE_WORDS} | {w + "es" for w in TITLE_WORDS})


#: Possessive determiners of people ("his former boss"; not "its chief executive").
_PERSONS_OWN = frozenset({"his", "her", "my", "your", "our"})


def _past_words(head: Token) -> list[Token]:
    """The words before a title's head, in its phrase, that make the role a past
    one ("former" in "former Spurs and England defender", "ex-international")."""
    words: list[Token] = []
    doc = head.doc
    for t in doc[head.left_edge.i : head.i]:
        if t.lower_ in _PAST or t.lower_.startswith("ex-"):
            first = t.head
            if first.i != head.i and (first.pos_ == "NOUN" or first.ent_type_ == "NORP") \
                    and any(c.dep_ == "conj" for c in first.children):
                continue  # "former Olympian and BBC pundit", "former minister and Labour
                # MP": the first title's past only (not "former Spurs and England defender")
            words.append(t)
            if t.lower_ == "ex" and t.i + 2 < head.i and doc[t.i + 1].text == "-":
                words.extend(doc[t.i + 1 : t.i + 3])  # "ex", "-", "international"
    return words


def _listed(doc: Doc, *, table: TokenTable, title_word: Callable[[str], bool]
            ) -> Iterator[tuple[list[Token], str, tuple[int, int]]]:
    """Names listed in apposition to a plural title ("five other barristers -
    Nicholas Blake QC, Andrew Nicol QC and Tom de la Mare")."""
    for i in table.find(_PLURAL_TITLES):
        token = doc[i]
        if token.pos_ != "NOUN" or token.tag_ != "NNS" or not title_word(token.lemma_.lower()):
            continue
        first = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                     None)
        if first is None or any(
                (t.text in POSTNOMINALS or title_word(t.lower_))
                and doc[t.i - 1].lower_ in {"a", "an"}
                for t in doc[token.i + 1 : first.i + 1]):
            continue  # "three Foreign Office officials, a QC, Christopher Greenwood": a
            # nearer title is the name's
        members = [first, *[c for c in first.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"]]
        for member in members:
            lo = member.i
            while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i == member.i:
                lo -= 1
            hi = member.i + 1
            name = list(doc[lo:hi])
            if name and name[-1].text in POSTNOMINALS and len(name) > 1:
                name = name[:-1]
            past = _past_words(token)  # "ex-international referees Colin High"
            title = token.lemma_.lower()
            yield name, f"{tokens_text(past)} {title}" if past else title, _chars([token])
