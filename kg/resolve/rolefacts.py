"""Roles: a title, an apposition or a verb that gives a role → ``holds_position``,
and the organisation or country the role names (leads, member_of, works_for,
plays_for, manages, represents), the one who gave it (appoints, elects), former
roles (formerly_leads...) and the leader of the one country an article is about.

Which relation a title gives is :func:`kg.resolve.roles.affiliation_relation`'s
decision, and the token patterns of titles live in :mod:`kg.resolve.roles`; this
room reads the statements and the document, resolves the people and bodies, and
builds the facts. :class:`kg.resolve.Resolver` composes it with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.resolve import nominal, policy, roles
from kg.resolve.document import _HONORIFICS, DocumentIndex, _is_title_word
from kg.resolve.gazetteer import GazetteerEntry, normalize
from kg.resolve.mentions import Mention as _Mention
from kg.resolve.mentions import Staged as _Staged
from kg.resolve.mentions import (
    possessor_argument,
    read_statement,
    token_argument,
    tokens_text,
)
from kg.resolve.names import TITLE_WORDS, clean_mention
from kg.resolve.nounfacts import NounFacts
from kg.types import Argument, Statement, Value

__all__ = ["GIVEN_ROLE_RULE", "POSITION_RELATION", "ROLE_RULES", "TAKEN_ROLE_RULE",
           "RoleFacts"]

#: Extractor rules that state a person's role: a title before the name ("Russian
#: President Vladimir Putin") or an apposition ("Jake Sullivan, the US adviser").
ROLE_RULES = frozenset({"title", "appos"})
#: The rule of a role that a verb gives ("became president", "appointed as coach").
TAKEN_ROLE_RULE = "role_verb"
#: ... of a role given by someone the sentence does not name ("Mark Hughes'
#: appointment as Blackburn boss", "X was appointed chairman of Barclays"): the
#: body the title names gave it.
GIVEN_ROLE_RULE = "role_given"
#: Passive verbs of giving a role.
_GIVING_VERBS = frozenset({"be appoint", "be name", "be elect", "be install", "be reappoint",
                           "be re-elect", "be nominate", "be promote"})
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
#: Units of an event's distance, which go with its number ("10,000 metres champion").
_DISTANCES = frozenset({"metres", "meters", "metre", "meter", "km", "kilometres",
                        "kilometers", "miles", "mile", "yards", "m"})
#: Possessives that say what kind of post it is, not whose ("children's author").
_KINDS_OF_HOLDER = frozenset({"children's", "women's", "men's", "girls'", "boys'",
                              "ladies'", "people's", "athletes'", "players'"})
#: Words of a title that join names ("Free and Bad Company singer").
_CONNECTORS = frozenset({"and", "of", "&", "for", "the", "de"})
#: Heads that say how someone is seen, not a post they hold.
_NOT_POSITIONS = frozenset({"colleague", "colleagues", "counterpart", "legend", "veteran",
                            "candidate"})
#: Words that make a title an award or a judgement ("best actress").
_EVALUATIVE = frozenset({"best", "favourite", "favorite", "obvious", "worst", "greatest",
                         "only", "brilliant", "great", "good", "excellent", "fantastic",
                         "talented", "past", "first", "last", "top", "leading", "second",
                         "third", "fourth", "another", "other", "quality", "nice", "fine",
                         "world-class", "top-class", "superb", "outstanding", "wonderful",
                         "gifted", "decent", "exceptional", "terrific", "tremendous",
                         "latest", "inspired", "inspiring", "more", "less", "youngest",
                         "oldest", "canny", "shrewd", "astute", "wily", "most", "recent",
                         "newest", "longest-serving", "competitive", "fair", "key",
                         "important", "influential", "valuable", "genuine", "proven",
                         "committed", "inspirational", "capable", "successful", "prudent",
                         "extraordinary", "accomplished", "real", "bona", "fide",
                         "busier", "busiest", "unlikely"})
#: A role still to come that a phrase predicts ("the man most likely to succeed Mr
#: Blair as Labour leader", "the favourite to become chairman"): no post held.
_PREDICTED = re.compile(r"\b(?:likely|expected|set|due|tipped|poised|favourite|favorite|"
                        r"bound|certain|sure)\s+to\b", re.IGNORECASE)
#: Words that make a country's word before them part of a name ("Australian Open",
#: "All England Club", "Spanish Federation", "Welsh Office").
_NAME_HEADS = frozenset({"open", "club", "federation", "union", "association", "league",
                         "cup", "office", "masters", "championship", "championships",
                         "games", "airways", "airlines", "institute", "council", "society",
                         "academy", "foundation", "museum", "opera", "orchestra", "bank",
                         "athletics", "sport", "cycling", "film", "arts", "party"})


def _starts_name(words: Sequence[str], k: int) -> bool:
    """Whether ``words[k:]`` starts with a name's words: capitalised words that are
    no title words, up to one that heads a name ("Open", "Film Council") or an
    acronym ("Egypt FA spokesman")."""
    for n, word in enumerate(words[k:]):
        lower = word.lower()
        if not word[:1].isupper():
            return False
        if lower in _NAME_HEADS or lower in roles.PARTY_NAMES:
            return True  # ("Scottish Conservative leader": the party's, in Scotland)
        if lower in TITLE_WORDS and not (
                k + n + 1 < len(words) and words[k + n + 1].lower() == "party"):
            return False  # (but "Scottish National Party leader": the party's name)
        if len(word) > 1 and word.isupper() and word.isalpha():
            return True
    return False


#: Titles that a demonym makes a post of its country ("Russian President", "British
#: ambassador", "French coach"); other titles after one say a nationality ("British
#: actor", "an Indian blogger").
_STATE_HEADS = roles.OFFICIALS | frozenset({
    "president", "premier", "chancellor", "king", "queen", "prince", "princess", "monarch",
    "leader", "emir", "sultan", "governor", "head", "chief", "chairman", "captain", "coach",
    "manager", "skipper", "boss", "selector", "president-elect", "colonel", "brigadier",
    "lieutenant", "major", "marshal", "sergeant", "corporal"})

#: Professions that a country's name before them (not only its demonym) gives a
#: nationality, not a post of the state ("US rapper", "UK artist").
_PROFESSIONS = frozenset({
    "artist", "rapper", "singer", "actor", "actress", "writer", "author", "novelist",
    "director", "film-maker", "filmmaker", "designer", "musician", "star", "comedian",
    "presenter", "producer", "poet", "playwright", "composer", "photographer", "model",
    "chef", "architect", "businessman", "businesswoman", "entrepreneur", "tycoon",
    "songwriter", "dj", "guitarist", "drummer", "pianist", "sculptor", "painter",
    "executive", "banker", "investor", "economist", "analyst", "lawyer", "scientist",
    "journalist", "critic", "dancer", "academic", "researcher", "engineer", "host",
    "broadcaster", "commentator", "columnist", "entertainer", "conductor"})

#: Titles of what someone won or holds in a sport, which a country before them does
#: not make the country's post ("Britain's defending champion Denise Lewis", "the
#: reigning UK Inter-Counties champion": her nationality, a championship's name).
_ACHIEVEMENTS = frozenset({"champion", "champions", "medallist", "medalist", "holder",
                           "record-holder", "runner-up", "finalist", "winner"})

#: Professions someone keeps when they leave a band, show or side they had it in.
_PERFORMERS = frozenset({
    "actor", "actress", "singer", "star", "drummer", "guitarist", "bassist", "musician",
    "rapper", "presenter", "dj", "comedian", "pianist", "vocalist", "frontman", "dancer"})

#: Words that qualify a title, capitalised or not, and are no name ("Shadow Europe
#: minister" is no minister of a body called "Shadow Europe"): the lesser ones.
_TITLE_MODIFIERS = roles.LESSER | roles.TITLE_ADJECTIVES | {"interim"}
#: Adverbs an apposition puts before a title, no part of it ("now chairman").
_TITLE_ADVERBS = frozenset({"now", "currently", "also", "still", "presently"})

#: Services to a person: "X's lawyer" says whose, and holds no post.
_PERSONAL_SERVICES = frozenset({"lawyer", "solicitor", "attorney", "barrister", "agent"})
#: Prepositions that end a title and introduce what it names ("leader of").
_TITLE_PREPOSITIONS = frozenset({"of", "at", "for", "with"})
#: Prepositions that end the head of a phrase ("angry at ...", "in charge of ...").
_PHRASE_PREPOSITIONS = _TITLE_PREPOSITIONS | {"by", "in", "on", "from", "to", "about"}
#: A title won for a time or an occasion: an award, not a post.
_AWARD = re.compile(r"\bof the (?:year|season|month|decade|tournament|match|series)\b",
                    re.IGNORECASE)
#: Titles that are no post when what they are "of" or "at" is a thing, not a body
#: ("a defender of the reforms", "author of the report", "a speaker at the funeral").
_FIGURATIVE = frozenset({"defender", "champion", "architect", "author", "striker",
                         "speaker", "guest"})


def _is_portfolio(words: Sequence[str]) -> bool:
    """Whether the words after a title's "of" or "for" are its portfolio ("State",
    "State for Trade and Industry"), not a body it names.

    >>> _is_portfolio(["State", "for", "Trade"]), _is_portfolio(["BT"])
    (True, False)
    """
    kept = [w.lower() for w in words if w.lower() != "the"]
    return bool(kept) and kept[0] in roles.PORTFOLIOS and all(
        w in roles.PORTFOLIOS or w in {"of", "for", "and"} for w in kept)


#: Titles whose "of" may name a function of a body ("president of distribution",
#: "head of new media"), not a quality ("an actor of enormous charisma").
_FUNCTION_HEADS = frozenset({"president", "head", "director", "manager", "editor",
                             "officer", "controller", "professor", "lecturer", "chief",
                             "coordinator", "co-ordinator", "chairman", "chairwoman",
                             "secretary", "minister", "commissioner", "correspondent"})


#: Nouns of a body that a title's "of" may describe ("head of gaming industry body X").
_BODY_WORDS = frozenset({"body", "firm", "company", "group", "organisation", "organization",
                         "agency", "department", "team", "club", "union", "association"})
#: Words that open a phrase naming something particular ("head of that tribunal").
_DETERMINERS = _ARTICLES | {"that", "this", "these", "those", "each", "every", "both"}


def _function_words(words: Sequence[str]) -> list[str]:
    """The lower-case words that open what a title's "of" names, up to the next
    preposition: a function ("distribution", "new media", "contemporary art"), not a
    body; ``[]`` when the words open with an article or a name.

    >>> _function_words(["new", "media", "at", "Capital", "Radio"]), _function_words(["BT"])
    (['new', 'media'], [])
    >>> _function_words(["software", "firm", "Dataflex"])
    []
    >>> _function_words(["music", "and", "talent"])
    ['music', 'and', 'talent']
    """
    function: list[str] = []
    for k, word in enumerate(words):
        if word == "and" and function and k + 1 < len(words) and words[k + 1].isalpha() \
                and words[k + 1].islower() and words[k + 1] not in _PHRASE_PREPOSITIONS:
            function.append(word)  # "of technology and manufacturing"
            continue
        if word in _PHRASE_PREPOSITIONS or word in {"and", ","}:
            break
        if not word.isalpha() or not word.islower() or word in nominal.KIND_NOUNS or (
                word in _BODY_WORDS):
            return []  # "of software firm Dataflex", "of gaming industry body ELSPA",
            # "of 3ami": the body, described or named
        function.append(word)
    if not function or function[0] in _DETERMINERS or function[0] in _POSSESSIVE_DETERMINERS:
        return []
    return function


#: Positions that lead a country ("president", "new prime minister").
_NATIONAL_LEADERS = [["president"], ["new", "president"], ["prime", "minister"],
                     ["new", "prime", "minister"], ["premier"]]
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def _own_possessive(person: str, title: str) -> bool:
    """Whether a title in apposition to ``person`` is someone's of that very person
    ("Marley's former head of press"): it is the post of another, named in it.

    >>> _own_possessive("Bob Marley", "Rob Partridge - Marley's former head of press")
    True
    >>> _own_possessive("Rob Partridge", "Marley's former head of press")
    False
    """
    words = {w for w in person.split() if w[:1].isupper()}
    return any(m.group(1) in words for m in _POSSESSOR.finditer(title))


#: A capitalised word in the possessive ("Marley's", "Jones'").
_POSSESSOR = re.compile(r"\b([A-Z][\w-]*)(?:'s|\u2019s|'|\u2019)(?!\w)")


def _names_no_person(index: DocumentIndex, title_start: int, title_end: int,
                     name_start: int, name_end: int) -> bool:
    """Whether a title and the name beside it are together the name of something
    the document says is no person ("Coach Carter, the film")."""
    whole = index.text[min(title_start, name_start):max(title_end, name_end)]
    return index.kinds.get(whole, "Person") != "Person"


#: Titles that alone are someone's ("co-star Richard Gere"): a relation to another
#: person, no post; with a work's name ("Aviator co-star") they are one.
_SOMEONES = frozenset({"co-star", "co-stars"})

#: Verbs of acting a part ("plays director Roger DeBris").
_PLAYING = frozenset({"play", "portray"})
#: Words "as" follows when a part played comes after it ("his role as designer Edna
#: Mode", "starred as teacher Hector").
_ACTING = _PLAYING | frozenset({"star", "cast", "role", "part", "portrayal",
                                "performance", "appear", "voice"})


#: "late" opening a title: the holder has died ("the late Beatle George Harrison"); and
#: "then": the post was held then ("the then Lord Chancellor").
_LATE = re.compile(r"^((?:[Tt]he )?)(?:[Ll]ate|then) ")


def _plural_title_of_one(index: DocumentIndex, start: int, end: int, name_start: int,
                         name_end: int) -> bool:
    """Whether a plural title (at ``start``..``end``) stands right before one name
    alone ("Premiership leaders Chelsea", "holders Porto": a side the writer calls
    plural), not before the first of several ("coaches Graham Henry and Steve
    Hansen")."""
    span = index.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span[-1].tag_ not in {"NNS", "NNPS"}:
        return False
    if index.text[end:name_start].strip():
        return False  # the title is not right before this name
    after = index.text[name_end:name_end + 6].lstrip()
    return not after.startswith(("and ", ",", "&"))


def _persons_possessive(index: DocumentIndex, start: int, end: int) -> int:
    """How many characters of the title at ``start``..``end`` a person's possessive
    opens it with ("Thanou's " of "Thanou's coach"), or 0."""
    span = index.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return 0
    first, mark = span[0], span[1]
    if mark.tag_ != "POS" or f"{first.lower_}{mark.lower_}" in _KINDS_OF_HOLDER or not (
            first.ent_type_ == "PERSON" or normalize(first.text) in index.surnames):
        return 0  # (not "Children's Minister": what kind of minister)
    return span[2].idx - start


def _no_persons_post(index: DocumentIndex, title_start: int, title_end: int,
                     name_start: int, name_end: int) -> bool:
    """Whether a title and the name beside it hold no person's post: together the
    name of something the document says is no person ("Coach Carter, the film"), a
    part someone plays (:func:`_a_part_played`), or inside a work's name
    (:func:`_in_a_works_name`)."""
    if _names_no_person(index, title_start, title_end, name_start, name_end):
        return True
    span = index.doc.char_span(name_start, name_end, alignment_mode="expand")
    return span is not None and len(span) > 0 and (
        _a_part_played(span, index.text) or _in_a_works_name(span))


def _a_part_played(name: Span, text: str) -> bool:
    """Whether a titled name is a part someone plays that the document (``text``)
    names nowhere else: a character, whose title is the story's ("Conleth Hill, who
    plays director Roger DeBris"; not "plays soul star Ray Charles" where "Charles"
    comes again, a real person)."""
    root = name.root
    played = root.dep_ == "dobj" and root.head.lemma_.lower() in _PLAYING
    if not played and root.dep_ == "pobj" and root.head.lower_ == "as":
        # "his role as designer Edna Mode", "starred as teacher Hector", "a prize for
        # star Richard Griffiths as teacher Hector" (an actor named right before)
        as_ = root.head
        played = as_.head.lemma_.lower() in _ACTING or (
            as_.i > 0 and name.doc[as_.i - 1].ent_type_ == "PERSON")
    if not played and root.dep_ in {"appos", "compound"}:
        head = root.head  # ("plays the director, Roger DeBris")
        played = head.dep_ == "dobj" and head.head.lemma_.lower() in _PLAYING
    return played and text.count(name[-1].text) == text.count(name.text)


def _in_a_works_name(name: Span) -> bool:
    """Whether a title and the name after it are a work's name, not a person's post:
    before a noun of a work's kind they modify ("a new Captain Pugwash cartoon", "the
    Judge Dredd film"), or what something is called ("a song called Judge Y'Self")."""
    root = head = name.root
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # the noun the name is part of ("cartoon", "soundtrack")
    if any(t.lower_ in nominal._WORK_KINDS for t in name.doc[root.i + 1 : head.i + 1]):
        return True  # ("the Judge Dredd film soundtrack"; not "give US tycoon Malcolm
        # Glazer access", a compound of the parse's)
    return root.dep_ == "oprd" and root.head.lemma_.lower() in policy.NAMING_VERBS


#: Titles as they are abbreviated before a name or on a team sheet.
_ABBREVIATED_TITLES = {"gen": "general", "capt": "captain", "col": "colonel",
                       "lt": "lieutenant", "maj": "major", "adm": "admiral",
                       "sen": "senator", "rep": "representative", "gov": "governor",
                       "prof": "professor", "rev": "reverend", "sgt": "sergeant"}


class RoleFacts(NounFacts):
    """The facts of roles (see the module's documentation)."""

    def _voices(self, statement: Statement, index: DocumentIndex
                ) -> tuple[_Mention | None, _Mention | None]:
        """Who says a statement (its speaker, an agent) and whom "we" stands for."""
        speaker = None
        if statement.speaker is not None:
            found = self._argument(statement.speaker, index, agent=True)
            speaker = found if isinstance(found, _Mention) else None
            if speaker is not None and not self.types.is_a(speaker.type, {"Agent"}):
                speaker = None  # kg:speaker is an agent: no "Newsnight said"
        return speaker, self._we(speaker, index)

    def _role(self, statement: Statement, index: DocumentIndex, *, we: _Mention | None,
              speaker: _Mention | None) -> _Staged | None:
        """A person's title or apposition as the position they hold:
        "Russian President Vladimir Putin" → holds_position "president of Russia"."""
        assert statement.object is not None
        if statement.rule == "title" and _no_persons_post(
                index, statement.object.start, statement.object.end,
                statement.subject.start, statement.subject.end):
            return None  # "Coach Carter, the film", "who plays director Roger DeBris"
        role, start = statement.object.text, statement.object.start
        text = index.text
        if statement.rule == "title" and _plural_title_of_one(
                index, statement.object.start, statement.object.end, statement.subject.start,
                statement.subject.end):
            return None  # "Premiership leaders Chelsea": a side, no person's post
        if role.startswith("-") or (start > 1 and text[start - 1] == "-"):
            # "Vice-president Tom Hale", "his co-star X": the parse split the word
            word = start - (0 if role.startswith("-") else 1)
            while word > statement.sentence_start and text[word - 1].isalpha():
                word -= 1
            role, start = text[word : start] + role, word
            before = text[statement.sentence_start : start].split()
            if before and before[-1].lower() in _POSSESSIVE_DETERMINERS:
                return None  # "his co-star Michael Gambon": whose co-star, not a post
        if start - 4 > statement.sentence_start and text[start - 4 : start] == "The ":
            role, start = f"The {role}", start - 4  # "The Simpsons producer Al Jean"
        owner = _persons_possessive(index, start, start + len(role))
        if owner:
            # "Thanou's coach Christos Tzekos": whose coach is no part of the post (a
            # body's is: "BT's chief executive")
            role, start = role[owner:], start + owner
        position = self.position(role, titled=start > statement.sentence_start)
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
        if statement.rule == "appos" and _own_possessive(subject.label, statement.objects[0].text):
            return None  # "Bob Marley, Rob Partridge - Marley's former head of press": the
            # post of someone the apposition names, no one's post of himself
        if statement.rule == "relcl":
            if statement.tense == "past":
                return None  # "Lord Roberts, who was a Welsh Office minister at the time"
            statement = replace(statement, rule="copula")  # "X, who is chairman of Y"
        elif (statement.rule == "copula" and statement.tense == "past"
              and statement.speaker is None and not roles.is_past(position.split())):
            # "when he was leader of the opposition"; not what someone said ("said
            # Connick was an actor of enormous charisma": the tense of the report)
            position = f"former {position}"
        elif statement.rule in ROLE_RULES and not roles.is_past(position.split()) and (
                roles.post_left(name := index.token_at(statement.subject.head_start,
                                                       statement.subject.head_end))
                or (roles.held_long_ago(name)
                    and position.split()[-1] not in _PROFESSIONS)):
            # "Tottenham manager Santini has resigned"; "captain Richard Hill was dumped
            # ... in 1987" (a profession stays: "founded by actor Robert Redford in 1981")
            position = f"former {position}"
        return (statement, subject, POSITION_RELATION, Value(position), speaker)

    def _taken_role(self, statement: Statement, index: DocumentIndex, *,
                    we: _Mention | None, speaker: _Mention | None) -> _Staged | None:
        """A role a verb gives: "Mr Yushchenko became president", "X was appointed
        (as) chief executive", "Y served as foreign minister"."""
        words = statement.lemma.split()
        if not words or words[-1] == "by":
            return None
        verb = " ".join(w for w in words if w != "as")
        if not statement.passive and verb in roles.APPOINTING_VERBS and any(
                o.role.lower() in {"obj", "dobj"} for o in statement.objects):
            return None  # "Blair appointed Mandelson as commissioner": not Blair's role
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
            if (not roles.is_past(position.split())
                    and roles.act_ended(policy.predicate_token(statement, index.doc))):
                position = f"former {position}"  # "served as minister between 1987 and 1990"
            rest = tuple(o for o in statement.objects if o is not obj_arg)
            given = verb in _GIVING_VERBS and not any(
                o.role.lower() == "by" for o in statement.objects)
            taken = replace(statement, objects=(obj_arg, *rest),
                            rule=GIVEN_ROLE_RULE if given else TAKEN_ROLE_RULE)
            return (taken, subject, POSITION_RELATION, Value(position), speaker)
        return None

    def _appointment(self, statement: Statement, index: DocumentIndex) -> list[_Staged]:
        """A role the subject gives someone: "BT appointed Ben Verwaayen chief
        executive", "Mr Kilroy-Silk had made him deputy party leader of Veritas",
        "The board appointed Jane Smith as chairman of Barclays": the subject appoints
        (elects) the person, who holds the position, and works for (leads...) the
        body the title names (:meth:`_affiliations`), else the body that appointed
        them. Empty when the statement is no such appointment."""
        words = [w for w in statement.lemma.split() if w != "as"]
        relation = roles.APPOINTING_VERBS.get(words[0]) if len(words) == 1 else None
        if relation is None or statement.passive or not statement.objects:
            return []
        first = statement.objects[0]
        if first.role.lower() not in {"obj", "dobj", ""}:
            return []
        span = index.doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        split = roles.appointee(list(span))
        if split is not None:
            person_arg = token_argument(split[0], "obj")
            title_arg = token_argument(split[1], "as")
            rest = statement.objects[1:]
        else:
            later = next((o for o in statement.objects[1:]
                          if o.role.lower() in {"as", "oprd", "attr", "obj", ""}), None)
            if later is None:
                return []
            person_arg, title_arg = first, later
            rest = tuple(o for o in statement.objects[1:] if o is not title_arg)
        title = title_arg.text.split()
        if title[:1] and title[0].lower() in {"its", "their"}:
            title = title[1:]  # "named Jane Smith as its new chief executive"
        position = self.position(" ".join(title))
        if position is None:
            return []
        speaker, we = self._voices(statement, index)
        appointer = self._argument(statement.subject, index, agent=True, we=we,
                                   speaker=speaker)
        person = self._argument(person_arg, index, agent=True, we=we, speaker=speaker)
        if (not isinstance(person, _Mention) or person.type != "Person"
                or (isinstance(appointer, _Mention) and person.key == appointer.key)):
            return []
        verb = statement.lemma.split()[0]
        held = replace(statement, subject=person_arg, objects=(title_arg,),
                       relation=f"is {verb}ed as", lemma=f"be {verb} as",
                       rule=TAKEN_ROLE_RULE)
        facts: list[_Staged] = [(held, person, POSITION_RELATION, Value(position), speaker)]
        if not isinstance(appointer, _Mention):
            # "The board appointed Jane Smith as chairman of Barclays"
            return [(replace(held, rule=GIVEN_ROLE_RULE), *facts[0][1:])]
        if self.types.allows(relation, subject=appointer.type, object=person.type):
            given = replace(statement, objects=(person_arg, *rest))
            facts.insert(0, (given, appointer, relation, person, speaker))
        if (self.types.is_a(appointer.type, {"Organization"}) and " of " not in
                f" {position} " and not any(w[:1].isupper() for w in title)):
            # "BT appointed Ben Verwaayen chief executive": the title is BT's
            body = roles.affiliation_relation(title, appointer.type)
            if body is not None and self.types.allows(body, subject=person.type,
                                                      object=appointer.type):
                derived = replace(held, relation=body.replace("_", " "),
                                  lemma=body.replace("_", " "),
                                  objects=(statement.subject,), rule=roles.AFFILIATION_RULE)
                facts.append((derived, person, body, appointer, speaker))
        return facts

    def position(self, text: str, *, titled: bool = False) -> str | None:
        """The position a title names, its country spelt out, or ``None`` when the
        phrase does not end in a title word. ``titled``: a capitalised "The" that
        opens the text begins a title ("The Office co-writer", not at the start of
        its sentence): the capitalised words after it are the work's name.

        >>> from kg.resolve import Resolver
        >>> Resolver().position("Russian President")
        'president of Russia'
        >>> Resolver().position("the US national security adviser")
        'national security adviser of United States'
        >>> Resolver().position("a keen gardener") is None
        True
        """
        if _AWARD.search(text):
            return None  # "young player of the year", "man of the match": an award
        if text.startswith("-"):
            return None  # "-star" of "his co-star", split by the parse: no title read
        if _PREDICTED.search(text):
            return None  # "the man most likely to succeed Mr Blair as Labour leader"
        # a comma ends the title: what follows describes someone else ("former dean
        # of X and Dan Gillmor, a well-known journalist") or the body ("of Acme, a
        # big firm")
        text = text.split(", ", 1)[0]
        text = _LATE.sub(lambda m: f"{m.group(1)}former ", text)  # "the late Beatle"
        # is no present post: the post of a dead man is a former one
        words = text_words = re.findall(r"[\w][\w.'-]*", text)
        lowered = [w.lower() for w in words[:2]]
        if "fellow" in lowered and len(words) > lowered.index("fellow") + 1 and (
                lowered[0] == "fellow" or words[0].endswith(("'s", "'"))
                or lowered[0] in _POSSESSIVE_DETERMINERS):
            # "Gabbidon's fellow Cardiff defender", "his fellow Cardiff defender":
            # whose fellow is no part of the post
            words = text_words = words[lowered.index("fellow") + 1:]
        first = next((k for k, w in enumerate(words[:-1]) if k and w in _PHRASE_PREPOSITIONS),
                     None)
        if (first is not None and words[first - 1].islower()
                and words[first - 1].rsplit("-", 1)[-1] not in TITLE_WORDS):
            return None  # "angry at being impersonated by a disc jockey": no post's head
        tail: list[str] = []
        portfolio = ""
        for k in range(1, len(words) - 1):
            if (words[k] in _TITLE_PREPOSITIONS
                    and words[k - 1].lower().rsplit("-", 1)[-1] in TITLE_WORDS):
                # "chief executive of BT Wholesale": the title, then what it names
                words, tail = words[:k], words[k + 1:]
                if _is_portfolio(tail):  # "Secretary of State for Trade": the title's
                    portfolio = " " + " ".join(w.lower() for w in text_words[k:])
                    tail = []
                elif (text_words[k] == "of"
                      and words[-1].lower().rsplit("-", 1)[-1] in _FUNCTION_HEADS
                      and (function := _function_words(tail))):
                    # "president of distribution at Warner Bros": the function is the
                    # post's (a president, of distribution, not of the firm)
                    portfolio = " of " + " ".join(function)
                    tail = tail[len(function):]
                break
        while words and words[-1].lower().rstrip(".") in _HONORIFICS:
            words = words[:-1]  # "the Economist Intelligence Unit's Mr": no title
        while len(words) > 1 and words[0].lower().rstrip(".") in {"mr", "mrs", "ms", "miss"}:
            words = words[1:]  # "Mr Justice Sullivan": the title is "justice" (but
            # "Lord Chancellor" is one)
        if len(words) > 1 and words[0].lower() == "whose":
            words = words[1:]  # "the governing body, whose new chief executive": the post
        if words and words[0].lower() in _POSSESSIVE_DETERMINERS:
            return None  # "his lawyer": someone's relative, not a post
        if words and words[-1].lower() in _SOMEONES and all(w.islower() for w in words[:-1]):
            return None  # "co-star Richard Gere", "female co-star": someone's (not
            # "Aviator co-star")
        if len(words) > 2 and words[0].lower() in {"one", "another"}:
            # "One fiction judge, Stewart O'Nan": the post is the rest (not "another
            # player who impressed me", a description)
            words = words[1:]
        if words and words[0] in {"not", "never", "no"}:  # (not "No Doubt singer")
            return None  # "she was a minister and not a secretary": a post denied
        if (words and words[-1].lower() in _PERSONAL_SERVICES
                and any(w.endswith(("'s", "'")) for w in words[:-1])):
            return None  # "the rapper's lawyer": whose lawyer, not a post
        owner = next((k for k, w in enumerate(words[:3]) if k + 1 < len(words)
                      and w.endswith(("'s", "'")) and w.islower() and "-" not in w
                      and w not in _KINDS_OF_HOLDER), None)
        if owner is not None and all(w.lower() in _ARTICLES for w in words[:owner]):
            # "the film's executive producer", "the gallery's director": the post is
            # "executive producer", whosever it is (a name's stays: "BT's chief
            # executive"; and "children's author" says what kind)
            words = text_words = words[owner + 1:]
            if len(words) == 1 and words[0].lower() in _SOMEONES:
                return None  # "the film's co-star": someone's, no post
        head = words[-1].lower().rsplit("-", 1)[-1] if words else ""  # "vice-chairman"
        things = [w for w in tail if w.lower() not in _ARTICLES]
        if head in _FIGURATIVE and things and things[0][:1].islower():
            # "a defender of the reforms", "a speaker at the funerals of ...": no post
            return None
        if (not words or head not in TITLE_WORDS or head in roles.NOT_HEADS - {"chief"}):
            return None  # "a character from cult website TV Go Home": no title
        regional = False
        if tail:
            named = self.gazetteer.find(" ".join(w for w in tail if w.lower() != "the"))
            if named and named[0].kind == "country":
                words = [*words, named[0].label]
            else:
                # "UK managing director of filtering firm Ciphertrust": the country
                # before the title is where the post is, not whose it is
                # (a state's official stays the country's: "the US envoy for the
                # Middle East")
                regional = (any(w[:1].isupper() for w in tail)
                            and words[-1].lower() not in roles.OFFICIALS)
        countries: list[str] = []
        nationality = True  # every country from a demonym ("British actor")
        kinds: list[tuple[str, str]] = []  # (word, "country" | "name" | "word" | "work")
        # (not "The Culture Secretary": a capitalised title, as a whole)
        work = titled and bool(words) and words[0] == "The" and words[-1][:1].islower()
        for k, word in enumerate(words):
            lower = word.lower()
            work = work and (k == 0 or (word[:1].isupper() and k + 1 < len(words)))
            if work and k:
                kinds.append((word, "work"))  # "The Office co-writer": the show's name
                continue
            if lower in _TITLE_ADVERBS or lower in _ARTICLES:
                continue  # "Phil Redmond, now chairman of Mersey TV", "A ... coach"
            if (word.islower() or k == 0) and k + 1 < len(words) and roles.describes(
                    lower, capitalised=not word.islower()):
                continue  # "a crestfallen France coach", "Murdered director Theo van
                # Gogh" (the first word capitalised): the man, not the post
            after_name = bool(kinds) and (kinds[-1][1] == "name" or (
                kinds[-1][0] in _CONNECTORS and len(kinds) > 1 and kinds[-2][1] == "name"))
            # a country's word that starts a name ("Australian Open champion", "All
            # England Club chairman", "UK Film Council chief executive"): the name's,
            # not the post's country
            country = self._country_entry(word)
            starts_name = (country is not None and word[:1].isupper()
                           and _starts_name(words, k + 1))
            after_name = after_name or starts_name
            entry = None if after_name else country
            if entry is not None and regional:
                kinds.append((word, "region"))
            elif entry is not None:
                countries.append(entry.label)
                kinds.append((word, "country"))
                nationality = nationality and self.gazetteer.demonym(word) is not None
            elif lower in _TITLE_MODIFIERS and not starts_name:
                kinds.append((lower, "word"))  # "Shadow Europe minister"
            elif word[:1].isdigit() or starts_name or (
                    lower in _DISTANCES and k and words[k - 1][:1].isdigit()) or (
                    word[:1].isupper() and lower not in TITLE_WORDS
                    and lower.rsplit("-", 1)[-1] not in TITLE_WORDS):
                kinds.append((word, "name"))
            elif lower not in _ARTICLES:
                kinds.append((lower, "word"))
        # the name of what the role is in ("No Doubt singer", "BBC Radio Scotland
        # presenter", "Film 2005 presenter") is left to the affiliation; one
        # capitalised word stays ("Culture Secretary", "Cabinet minister")
        for k in range(1, len(kinds) - 1):  # "Free and Bad Company": one name
            if (kinds[k][0] in _CONNECTORS and kinds[k - 1][1] == "name"
                    and kinds[k + 1][1] == "name"):
                kinds[k] = (kinds[k][0], "name")
        rest: list[str | None] = []
        k = 0
        while k < len(kinds):
            word, kind = kinds[k]
            if kind == "country":
                k += 1
                continue
            if kind in {"word", "region"}:
                rest.append(word)
                k += 1
                continue
            if kind == "work":
                rest.append(None)
                k += 1
                continue
            end = k
            while end < len(kinds) and kinds[end][1] == "name":
                end += 1
            run = [w for w, _ in kinds[k:end]]
            if len(run) == 1 and not run[0][:1].isdigit() and not (
                    run[0].isupper() and len(run[0]) > 1):
                rest.append(run[0].lower())
            else:
                rest.extend([None] * len(run))
            k = end
        kept = [w for k, w in enumerate(rest) if w is not None and not (
            w in _CONNECTORS and (k == 0 or rest[k - 1] is None or k + 1 == len(rest)
                                  or rest[k + 1] is None))]
        if (len(kept) == 2 and kept[0] in roles.FORMER_WORDS and kept[1] in _PERFORMERS
                and None in rest[rest.index(kept[0]) + 1 : rest.index(kept[1])]):
            # "Former Holby City actor": a former actor of the show, still an actor
            # (formerly_stars_in the show says the rest); not "former Labour minister"
            kept = kept[1:]
        # a title's abbreviation is the title ("Gen Pinochet", a team sheet's "capt")
        kept = [_ABBREVIATED_TITLES.get(w.rstrip("."), w) for w in kept]
        # ("UK Athletics chief": the chief of the body named before it is a post)
        bodys_chief = kept == ["chief"] and None in rest
        if not bodys_chief and (not kept or all(w in roles.NOT_HEADS for w in kept)
                                or kept[-1] in _NOT_POSITIONS or _EVALUATIVE & set(kept)):
            return None  # "the first Scot", "best actress", "former colleague": no post
        title = " ".join(kept) + portfolio
        if roles.ended(text) and kept[0] not in roles.FORMER_WORDS:
            title = f"former {title}"  # "the head of Universal Music until last year"
        if countries and (nationality or head in _PROFESSIONS or head in _ACHIEVEMENTS) and (
                head not in _STATE_HEADS):
            # "British actor Clive Owen", "US rapper Snoop Dogg": his nationality, no
            # post of the country (but "England coach": the national team's)
            return title
        return f"{title} of {countries[0]}" if countries else title

    def _country_entry(self, word: str) -> GazetteerEntry | None:
        """The country a word describes ("French") or, capitalised, names ("UK")."""
        entry = self.gazetteer.demonym(word)
        if entry is None and word[:1].isupper():
            found = self.gazetteer.find(word)
            entry = found[0] if found and found[0].kind == "country" else None
        return entry

    def _described(self, held: set[tuple[str, int]], index: DocumentIndex
                   ) -> Iterator[_Staged]:
        """The titles of descriptions read by position ("Douglas Hogg said ... But the
        Tory MP for Sleaford admitted ..."; :meth:`kg.resolve.coref.People.recent`):
        holds_position, once per person and sentence, so that the title's body is
        linked too."""
        if index.people is None:
            return
        doc = index.doc
        for i, person in sorted(index.people.described.items()):
            head = doc[i]
            sent = head.sent
            if (person.key, sent.start_char) in held:
                continue
            words = [t for t in head.lefts if t.dep_ in {"amod", "compound", "nmod"}]
            first = min(t.left_edge.i for t in words) if words else i  # "Lib Dem leader"
            tail = [t for c in head.rights if c.dep_ == "prep" for t in c.subtree]
            last = tail[-1].i if tail and tail[0].i == i + 1 else i
            title_tokens = list(doc[first : last + 1])
            position = self.position(tokens_text(title_tokens))
            if position is None:
                continue
            held.add((person.key, sent.start_char))
            described = token_argument(list(doc[first - 1 if first and doc[first - 1].dep_
                                                == "det" else first : last + 1]), "subj")
            title_arg = token_argument(title_tokens, "obj")
            statement = read_statement(
                described, "is", (title_arg,), sent, lemma="be",
                confidence=0.6, rule="title")
            yield statement, person, POSITION_RELATION, Value(position), None

    def _titles(self, staged: list[_Staged], index: DocumentIndex) -> Iterator[_Staged]:
        """Titles next to names that the extractor's title rule did not read
        ("on Wednesday Prime Minister Yulia Tymoshenko", "Ian MacDonald QC", a list
        after "five other barristers"): holds_position, once per person and sentence."""
        held = {(subject.key, statement.sentence_start)
                for statement, subject, relation, _, _ in staged
                if relation == POSITION_RELATION}
        doc = index.doc
        for name, title, (title_start, title_end) in roles.titled_names(
                doc, table=index.tokens, title_word=_is_title_word):
            position = self.position(title) or (
                title if title in roles.POSTNOMINALS else None)
            if position is None:
                continue
            if _no_persons_post(index, title_start, title_end, name[0].idx,
                                name[-1].idx + len(name[-1])):
                continue  # "Coach Carter, the film", "a Captain Pugwash cartoon"
            if _plural_title_of_one(index, title_start, title_end, name[0].idx,
                                    name[-1].idx + len(name[-1])):
                continue  # "Premiership leaders Chelsea": a side
            person = self._argument(token_argument(name, "subj"), index, agent=True)
            if not isinstance(person, _Mention) or person.type != "Person":
                continue
            sent = doc[name[0].i].sent
            if (person.key, sent.start_char) in held:
                continue
            held.add((person.key, sent.start_char))
            title_arg = Argument(index.text[title_start:title_end], title_start, title_end,
                                 title_start, title_end, "", "obj")
            statement = read_statement(
                token_argument(name, "subj"), "is", (title_arg,), sent, lemma="be",
                confidence=0.8, rule="appos" if title_start > name[0].idx else "title")
            yield statement, person, POSITION_RELATION, Value(position), None
        yield from self._described(held, index)
        yield from self._appointed(held, index)

    def _appointed(self, held: set[tuple[str, int]], index: DocumentIndex
                   ) -> Iterator[_Staged]:
        """"Mark Hughes' appointment as Blackburn boss": holds_position, as a role a
        verb gives (:func:`kg.resolve.nominal.appointments`), so that the body the
        title names is linked too."""
        doc = index.doc
        for owner, title in nominal.appointments(doc, index.tokens):
            position = self.position(tokens_text(title))
            if position is None:
                continue
            owner_arg = possessor_argument(owner, "subj")
            person = self._argument(owner_arg, index, agent=True)
            sent = doc[owner.i].sent
            if (not isinstance(person, _Mention) or person.type != "Person"
                    or (person.key, sent.start_char) in held):
                continue
            held.add((person.key, sent.start_char))
            verb = "elect" if owner.head.lower_ in {"election", "re-election"} else "appoint"
            statement = read_statement(
                owner_arg, f"is {verb}ed as", (token_argument(title, "as"),), sent,
                lemma=f"be {verb} as", confidence=0.7, rule=GIVEN_ROLE_RULE)
            yield statement, person, POSITION_RELATION, Value(position), None

    def _affiliations(self, staged: list[_Staged], index: DocumentIndex, *,
                      document_facts: bool) -> Iterator[_Staged]:
        """The organisations and countries that the document's roles name
        (:mod:`kg.resolve.roles`)."""
        def body(arg: Argument) -> _Mention | Value | None:
            return self._body(arg, index)

        for statement, subject, relation, held, speaker in list(staged):
            if relation == POSITION_RELATION and (statement.rule in ROLE_RULES | {
                    TAKEN_ROLE_RULE, GIVEN_ROLE_RULE} or (
                    statement.rule == "copula" and statement.tense != "past")):
                # (not "Lord Roberts, who was a Welsh Office minister at the time")
                found = False
                for fact in roles.role_affiliations(statement, subject, speaker,
                                                    doc=index.doc, body=body,
                                                    title_word=_is_title_word):
                    if self.types.allows(fact[2], subject=fact[1].type,
                                         object=fact[3].type):  # type: ignore[union-attr]
                        found = True
                        yield fact
                        if statement.rule == GIVEN_ROLE_RULE:
                            yield from self._given_by(fact, statement)
                if not found and document_facts and isinstance(held, Value):
                    national = self._national_leader(statement, subject, held, index)
                    if national is not None:
                        yield national

        if not document_facts:
            return

        def person(arg: Argument) -> _Mention | Value | None:
            return self._argument(arg, index, agent=True)

        yield from roles.of_bodies(index.doc, person=person, body=body, ents=index.ents)
        yield from self._relatives(index)
        yield from self._based(index)
        yield from self._homes(index)
        yield from self._event_places(index)
        yield from self._national_events(index)
        yield from self._acts(index)
        yield from self._seats(index)

    def _given_by(self, affiliation: _Staged, given: Statement) -> Iterator[_Staged]:
        """The organisation that gave a role whose giver the sentence does not name:
        the body the title names ("Mark Hughes' appointment as Blackburn boss" →
        Blackburn appoints Hughes). Not a government body or a country: ministers
        are appointed by the head of government, not their department."""
        derived, person, _, body, speaker = affiliation
        if not isinstance(body, _Mention) or not self.types.is_a(
                body.type, {"Organization"}) or self.types.is_a(
                body.type, {"GovernmentBody"}):
            return
        relation = "elects" if any(w in {"elect", "re-elect", "election"}
                                   for w in given.lemma.split()) else "appoints"
        if self.types.allows(relation, subject=body.type, object=person.type):
            statement = replace(derived, subject=derived.objects[0],
                                objects=(given.subject,), relation=relation,
                                lemma=relation.removesuffix("s"))
            yield statement, body, relation, person, speaker

    def _national_leader(self, statement: Statement, person: _Mention, position: Value,
                         index: DocumentIndex) -> _Staged | None:
        """ "President Viktor Yushchenko", "Prime Minister Yulia Tymoshenko" with no
        country, in an article about one country: leads that country. The article is
        about one country when its first sentence (the headline) names it, it is
        named again, and no other country is named twice; the person speaks for no
        other country (the gazetteer's "represents"). A former one ("ex-President
        Leonid Kuchma") formerly_leads it."""
        lexical = position.lexical.split()
        former = roles.former_title(lexical)
        if (former or lexical) not in _NATIONAL_LEADERS or (
                person.entry is not None and person.entry.represents):
            return None
        role = statement.object
        words = role.text.replace("-", " ").split() if role is not None else []
        first = index.token_at(role.start, role.start + 1) if role is not None else None
        before = [index.doc[first.i - 1].lower_] if first is not None and first.i else []
        if former is not None:
            words = [w for w in words if w.lower() not in {"former", "ex"}]
        if not words or roles.is_past([w.lower() for w in words] + before) or any(
                w[:1].isupper() and w.lower() not in TITLE_WORDS
                for w in words if w.lower() not in {"the", "new"}):
            return None  # "SMFG President", "then president Ronald Reagan"
        country = self._document_country(index)
        if country is None or country[0].key == person.key:
            return None
        mention, token = country
        arg = token_argument([token], "obj")
        relation = "leads" if former is None else "formerly_leads"
        derived = replace(statement, relation=relation.replace("_", " "),
                          lemma=relation.replace("_", " "), objects=(arg,),
                          rule=roles.AFFILIATION_RULE)
        return derived, person, relation, mention, None

    def _document_country(self, index: DocumentIndex) -> tuple[_Mention, Token] | None:
        """The one country an article is about (see :meth:`_national_leader`), with
        its token in the first sentence."""
        if index.country is not None:
            return index.country or None
        counts: dict[str, int] = {}
        first: dict[str, tuple[_Mention, Token]] = {}
        lead_end = next(iter(index.doc.sents)).end if len(index.doc) else 0
        for ent in index.ents:
            if ent.label_ not in {"GPE", "ORG"}:  # (the tagger calls some countries ORG)
                continue
            mention = self._name(clean_mention(index.tokens.span_text(ent)), ent.label_,
                                 index)
            if mention is None or mention.type != "Country":
                continue
            counts[mention.key] = counts.get(mention.key, 0) + 1
            if ent.start < lead_end:
                first.setdefault(mention.key, (mention, ent.root))
        repeated = [key for key, n in counts.items() if n >= 2]
        found = first[repeated[0]] if len(repeated) == 1 and repeated[0] in first else None
        index.country = found or ()
        return found
