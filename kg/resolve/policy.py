"""The assertion policy: which resolved statements become direct triples.

Every resolved statement keeps its node (``rdf:Statement`` with its evidence). Its
direct triple ``subject —relation→ object`` is asserted only when the text states
the fact. A statement is withheld, with the reason recorded, when it is

* ``negated`` ("Russia did not attack Georgia") or ``hypothetical`` (a modal verb:
  "may", "could", "would", "should", "must", "can"; a hedge: "probably", "perhaps");
* ``conditional``: inside an "if" / "unless" clause ("if Labour wins, Brown …");
* ``denied``: inside what someone denies, rejects or dismisses ("he denied that
  Brown ousted Milburn");
* ``alleged``: inside an allegation whose source is not named ("the lawsuit,
  alleging he shot her", "Cole reportedly met Mourinho"); a named source's
  allegation is asserted as its claim;
* ``future``: a role or affiliation still to come ("Bob Jones will become
  chairman"); an act still to come is asserted, named in the future
  (:func:`future_relation`: "England will face Italy" → *will_face*);
* ``unnamed relation``: a bare "has" or "is" between two entities, which says no
  more than that the sentence puts them together ("Australia has Liberal Party");
* ``not mutual``: coordinated subjects of a verb that is no mutual act ("France
  and Germany called for ..." states no relation between them);
* ``misread``: the verb a relation is named after is no verb the lemmatizer knows
  ("Chicago Cubs shortstop Nomar Garciaparra" parsed as the Cubs *shortstopping*
  him): a noun or adjective the parser took for one; or the object of a verb of
  saying is the subject of a clause the parser split off ("revealed Gallas and
  Drogba will be in the line-up");
* ``reported speech``: "X said of Y", "X claims of Y" (what was said is the fact,
  not the saying) and "X told the BBC" (where a quote appeared is its source, not
  news about the outlet).

A claim that a named source makes is asserted, with its speaker on the statement
node (``kg:speaker``): SPARQL users tell the writer's own facts from claims by
whether the statement has a speaker (see the saved queries ``asserted-facts`` and
``claimed-facts``).

>>> withheld_relation("has", object_type="PoliticalParty")
'unnamed relation'
>>> withheld_relation("cooperates_with", object_type="Country") is None
True
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Token

from kg.extract.clauses import ranked
from kg.extract.labels import MUTUAL_VERBS, RECIPROCALS
from kg.nlp import known_verbs
from kg.ontology import base_form
from kg.resolve import roles
from kg.types import HYPOTHETICAL_MODALS, Argument, Statement

__all__ = [
    "ALLEGATION_VERBS",
    "CONDITIONAL_MARKERS",
    "DENIAL_VERBS",
    "MUTUAL_NOUNS",
    "MUTUAL_VERBS",
    "NOMINAL_RULES",
    "PREDICTION_WORDS",
    "UNNAMED_RELATIONS",
    "labels_object",
    "predicate_token",
    "regards_object",
    "undone",
    "withheld_by_context",
    "withheld_naming",
    "withheld_nominal",
    "withheld_relation",
    "withheld_role",
]

#: Relations that name no relation between two entities.
UNNAMED_RELATIONS = frozenset({"has", "is", "be", "have", "is_value", "has_value",
                               "is_date", "has_date", "does", "gets", "is_on", "is_for",
                               "is_with", "is_of", "is_about", "is_by", "is_to", "is_as",
                               "is_like", "is_than",
                               # light verbs whose noun was lost: "taking Britain back"
                               "takes", "puts", "makes", "sets", "keeps", "brings",
                               "lets", "gives", "goes", "comes"})
#: Light verbs that, with only a preposition after them, name nothing ("does_in",
#: "makes_in", "has_in": "have confidence in Tottenham" with its noun lost).
_BARE_LIGHT_VERBS = frozenset({"does", "makes", "has", "holds"})  # (not a passive:
# made_by, made_in; "a position he holds jointly with X": holds_with)
_PREPOSITION_WORDS = frozenset({"in", "for", "to", "at", "on", "with", "over", "about",
                                "from", "into", "by", "against", "under", "after", "before"})
#: Relations of saying (by their first word): "X said of Y" is no fact about Y.
_SAYING = frozenset({"says", "said", "claims", "claimed", "adds", "added", "tells", "told",
                     "speaks", "spoke", "writes", "wrote", "insists", "argues", "asks",
                     "replies", "comments", "notes", "remarks", "explains", "states"})
#: Verbs that only say (no act of telling someone, writing somewhere, asking).
_SAYING_ONLY = frozenset({"says", "said", "claims", "claimed", "adds", "added", "insists",
                          "argues", "replies", "comments", "notes", "remarks", "states"})
#: Verbs that say something to an outlet ("confirmed to BBC Sport", "revealed to the
#: Times"): reported speech there, acts elsewhere ("Chelsea confirmed the signing").
_DISCLOSING = frozenset({"confirms", "reveals", "admits", "concedes", "stresses",
                         "emphasises", "emphasizes", "announces"})
#: Prepositions after a verb of saying that make the object a topic, not an addressee.
_TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "that"})
#: Kinds of object that a quote's source is ("told the BBC", "told Radio 4's Today").
_OUTLETS = frozenset({"MediaOrganization", "Work"})
#: Verbs whose complement the subject denies ("Brown denied that he ousted Milburn").
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "rebut", "disown",
                          "contradict", "dispute"})
#: Nouns that name a proposition someone can deny ("rejected the idea [that] ...").
_PROPOSITION_NOUNS = frozenset({"idea", "suggestion", "notion", "claim", "report",
                                "allegation", "view", "theory", "speculation", "accusation",
                                "charge", "assertion", "rumour", "rumor", "argument"})
#: Verbs whose complement, when they are negated, is not so ("it doesn't mean
#: I've lost faith in him", "does not prove that he took it").
_IMPLYING_VERBS = frozenset({"mean", "imply", "prove", "show", "suggest", "indicate"})
#: Verbs whose complement is an allegation: a fact only as its speaker's claim.
ALLEGATION_VERBS = frozenset({"allege", "accuse", "suspect", "rumour", "rumor", "charge",
                              "allegation", "accusation", "claim", "suspicion"})
#: Words whose complement is only expected or hoped for ("is expected to win", "is
#: tipped to", "is likely to"): a prediction, unless the relation names it.
PREDICTION_WORDS = frozenset({"expect", "tip", "likely", "unlikely", "poise",
                              "predict", "forecast", "hope", "due", "bid", "try", "attempt",
                              # what ought to be: "important for Ukraine to be allowed"
                              "important", "necessary", "vital", "essential", "crucial",
                              "keen", "eager", "need", "want", "wish"})
#: Words that open a relation's name with a probability ("be likely to visit"): what
#: follows is only probable, though the relation names the word.
_PROBABLE = frozenset({"likely", "unlikely", "probable", "certain", "sure", "bound"})
#: Modals that make what a verb of implying implies only possible ("would mean").
_WOULD = HYPOTHETICAL_MODALS | {"'d"}
#: Adverbs that make what their verb says only possible ("is probably favourite to
#: replace Thomas", "could perhaps meet"): said as a guess, not as a fact.
_HEDGES = frozenset({"probably", "possibly", "perhaps", "maybe", "conceivably", "potentially",
                     "presumably"})
#: Adverbs that make what their verb says a report with no named source ("Cole
#: reportedly met Mourinho").
_REPORTED = frozenset({"reportedly", "allegedly", "supposedly", "purportedly"})
#: Verbs whose "to" form states an aim ("to ensure he is fit"): what they take is
#: not yet so ("ensured that he was fit" is).
_ENSURING = frozenset({"ensure", "insure", "guarantee"})
#: Verbs of a prediction in the passive ("is set to join", "is expected to open").
_PASSIVE_PREDICTIONS = frozenset({"expect", "tip", "poise", "set", "predict", "forecast",
                                  "prime", "line", "slate"})
#: Words that open a clause whose content is only supposed.
#: Verbs whose "to" complement happened ("managed to win", "went on to score").
IMPLICATIVE_VERBS = frozenset({"manage", "begin", "start", "continue", "go", "help", "use",
                               "come", "get", "proceed", "be",
                               # a comeback's result: "rallied to beat", "fought back
                               # to beat", "bounced back to win", "recovered to close"
                               "rally", "fight", "battle", "bounce", "recover", "storm"})
CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether", "lest"})
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp",
                           "pobj", "prep", "dobj", "obj", "csubj"})


#: Nouns whose "between X and Y" states a relation both ways ("talks between Russia
#: and China"); "a choice between X and Y", "the gap between" state none.
MUTUAL_NOUNS = frozenset({
    "talks", "talk", "trade", "relations", "relation", "relationship", "ties", "links",
    "cooperation", "co-operation", "partnership", "alliance", "agreement", "deal",
    "treaty", "accord", "pact", "war", "conflict", "dispute", "row", "feud", "rivalry",
    "tension", "tensions", "clash", "clashes", "fighting", "battle", "match", "game",
    "final", "meeting", "meetings", "summit", "negotiations", "dialogue", "contest",
    "fight", "merger", "friendship", "marriage", "collaboration", "exchange", "exchanges",
    "contacts", "contact", "discussions", "agreements", "deals", "hostility",
    "rift", "split", "standoff", "stand-off", "confrontation", "ceasefire", "truce",
})
#: Rules of facts read off a noun phrase (no verb states them).
NOMINAL_RULES = frozenset({"poss", "np_prep", "np_place", "np_between", "title", "appos"})


def withheld_nominal(statement: Statement, *, subject_type: str) -> str | None:
    """Why a fact read off a noun phrase states nothing: "a choice between X and Y"
    (``between`` with a noun that is no mutual relation), or "the attempt on
    Thatcher in Brighton" (a place attached to a person's name: where the event
    was, not where the person is).

    >>> from kg.types import Argument
    >>> a = Argument("Labour", 0, 6, 0, 6, "ORG", "subj")
    >>> st = Statement(a, "has choice with", "have choice with", (a,), "", 0, 9, 0.5,
    ...                "np_between")
    >>> withheld_nominal(st, subject_type="PoliticalParty")
    'unnamed relation'
    """
    if statement.rule == "np_between":
        words = statement.lemma.split()
        noun = words[1] if len(words) >= 3 else ""
        said = statement.relation.split()[1:2]  # "has talks with": the noun as written
        if noun not in MUTUAL_NOUNS and not (said and said[0] in MUTUAL_NOUNS):
            return "unnamed relation"
    if statement.rule == "appos_place" and not _after_preposition(statement):
        # "Subs Not Used: Warrington, Maloney.", "Internazionale, Juventus, Monaco.":
        # a list of names, not "in Houston, Texas", "at Clare College, Cambridge"
        return "unclear attachment"
    if statement.rule == "np_place" and subject_type in {"Person", "PoliticalParty"}:
        # (a party "in South Shropshire" is its local branch, not where it is)
        return "unnamed relation"
    if statement.lemma in {"be in", "be at"} and not _named_head(statement):
        # "were all in the Sound of 2004 top 10": the name only says which chart
        return "unnamed relation"
    if subject_type in {"Person", "Work"} and statement.lemma in {"be in", "be at"}:
        # "X were all in the Sound of 2004 top 10", an album "in Country and Western
        # Music": a person or a work is not "located" somewhere
        return "unnamed relation"
    if statement.rule == "reciprocal" and statement.lemma.endswith(" with"):
        verb = statement.lemma.split()[0]
        if verb not in MUTUAL_VERBS:
            return "not mutual"  # "X and Y called for ...": both did, not each other
        words = statement.sentence.lower().split()
        if verb in _TAKING_PART and not any(pair in RECIPROCALS
                                            for pair in pairwise(words)):
            return "not mutual"  # "X and Y will also compete": both take part
    return None


#: Mutual verbs that, with coordinated subjects and no "each other", may say only
#: that both take part ("Davenport and Myskina will also compete").
_TAKING_PART = frozenset({"compete", "play"})


#: Prepositions before a place that a comma and a larger place follow ("in
#: Houston, Texas", "from Omaha, Nebraska").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "of", "to", "for", "near", "on",
                                 "into", "outside", "inside", "around", "across", "via"})


def _named_head(statement: Statement) -> bool:
    """Whether the statement's first object ends with a name's word (capitalised),
    not a common noun or a number a name only modifies ("the Sound of 2004 top
    10")."""
    obj = statement.object
    words = obj.text.split() if obj is not None else []
    return bool(words) and words[-1][:1].isupper()


def _after_preposition(statement: Statement) -> bool:
    """Whether the statement's subject follows a preposition in its sentence."""
    before = statement.sentence[: max(0, statement.subject.start - statement.sentence_start)]
    words = before.split()
    return bool(words) and words[-1].lower() in _PLACE_PREPOSITIONS


def copula_only(lemma: str) -> bool:
    """Whether a statement's lemma is "be" and prepositions only, no verb of its own
    ("be with": "Bruno's been with France").

    >>> copula_only("be with"), copula_only("be hold in")
    (True, False)
    """
    words = lemma.split()
    return words[:1] == ["be"] and all(w in _PREPOSITION_WORDS for w in words[1:])


def withheld_relation(relation: str, *, object_type: str | None) -> str | None:
    """Why a relation between a subject and an object of class ``object_type``
    (``None`` for a literal) is no fact, or ``None`` when it may be one.

    >>> withheld_relation("tells", object_type="MediaOrganization")
    'reported speech'
    >>> withheld_relation("tells", object_type="Person") is None
    True
    >>> withheld_relation("says_about", object_type="Person")
    'reported speech'
    >>> withheld_relation("confirms_to", object_type="MediaOrganization")
    'reported speech'
    >>> withheld_relation("does_in", object_type="Country")
    'unnamed relation'
    >>> withheld_relation("continues_feud_between", object_type="Organization")
    'misread'
    """
    if relation in UNNAMED_RELATIONS:
        return "unnamed relation"
    words = relation.split("_")
    if len(words) > 1 and words[-1] == "between":
        # "continuing the feud between United and Arsenal", "to fund the line between
        # Edinburgh and its airport": "between" takes both sides, and a fact with one
        # of them as its object says something else (a pair's own fact, "talks between
        # X and Y", is read from the noun, not named after the verb)
        return "misread"
    if len(words) == 2 and words[0] in _BARE_LIGHT_VERBS and words[1] in _PREPOSITION_WORDS:
        return "unnamed relation"  # "they did well in France" → does_in; "makes_in"
    if (words[0] in _DISCLOSING or relation == "talks_with") and object_type in _OUTLETS:
        return "reported speech"  # "a spokesman confirmed to BBC Sport", "speaking to Le
        # Matin, she added"
    if words[0] in _SAYING:
        if (object_type in _OUTLETS and words[0] not in {"writes", "wrote"}) or (
                object_type is None):
            # the outlet a quote appeared in, or when something was said
            return "reported speech"
        if len(words) == 1 and words[0] not in {"tells", "told", "asks"}:
            return "reported speech"  # "X said Y": what was said is the fact
        if len(words) > 1 and words[-1] in _TOPIC_PREPOSITIONS:
            return "reported speech"
        if words[0] in _SAYING_ONLY and words[-1] != "to":
            return "reported speech"  # "For the Lib Dems, X said": for whom, not to whom
    return None


def _last_word(lemma: str) -> str:
    """The last word of a statement's lemma (its verb: "use to call" → "call")."""
    words = lemma.split()
    return words[-1] if words else ""


#: Verbs that give a name ("Firefox, which used to be called Firebird", "Windows,
#: which has been code-named Longhorn").
NAMING_VERBS = frozenset({"call", "name", "code-name", "codename", "dub", "rename",
                          "nickname", "christen", "title", "entitle", "label", "term",
                          "brand"})


def withheld_naming(relation: str, statement: Statement, doc: Doc | None = None
                    ) -> str | None:
    """``"unnamed relation"`` for a name given in the passive ("X was called Y",
    "X used to be called Y", "has been code-named Y", and "X, dubbed Y, ..." when
    the parse made the participle the sentence's verb: a name with no one named to
    bear it, read from ``doc``): a name of the subject, no relation between two
    things; else ``None``. Roles a naming verb gives ("was named chief executive")
    are resolved before, as roles.

    >>> from kg.types import Argument
    >>> arg = Argument(text="Firebird", start=0, end=8, head_start=0, head_end=8)
    >>> called = Statement(subject=arg, relation="used to be called", lemma="use to call",
    ...                    objects=(arg,), sentence="", sentence_start=0, sentence_end=0,
    ...                    confidence=0.5, rule="xcomp")
    >>> withheld_naming("used_to_call", called)
    'unnamed relation'
    """
    if relation in _ROLE_RELATIONS:
        return None
    words = statement.relation.lower().split()
    verb = _last_word(statement.lemma)
    if verb in NAMING_VERBS and (statement.passive or "be" in words or "been" in words
                                  or "being" in words):
        return "unnamed relation"
    if (verb in {"name", "call"} and statement.subject.text.lower().startswith(("a ", "an "))
            and not any(o.role.lower() in {"as", "oprd"} for o in statement.objects)):
        return "unnamed relation"  # "a Maori named Joe Warbrick": his name, read as a verb
    first = statement.objects[0] if statement.objects else None
    if (verb in NAMING_VERBS and first is not None and first.role.lower() in {"obj", "dobj"}
            and len(statement.objects) == 1 and any(
                w.islower() and w not in {"the", "a", "an"} for w in first.text.split()[:-1])
            and first.text.split()[-1][:1].isupper()):
        return "unnamed relation"  # "planned to call their programme Trading Moms": the
        # programme's name, no relation to it
    if statement.passive and "refer" in statement.lemma.split() and any(
            o.role.lower() == "as" for o in statement.objects):
        return "unnamed relation"  # "Referred to in the Netherlands as the General"
    if (verb == "vote" and statement.passive and statement.objects
            and statement.objects[0].role.lower() in {"obj", "dobj", "oprd", "attr"}):
        return "unnamed relation"  # "was voted Record Of The Year", "voted European
        # Athletics woman athlete of 2004": an honour's name, no relation to a body
    token = predicate_token(statement, doc) if doc is not None else None
    if token is not None and token.lemma_.lower() in NAMING_VERBS and _aside_name(token):
        return "unnamed relation"  # "Ann Cole and Tom Reed, dubbed the Acme Two, won":
        # the name the two were given, with no one it is given to
    return None


def _aside_name(verb: Token) -> bool:
    """Whether a naming verb stands between commas with its name and nothing named
    ("X, dubbed the Acme Two, were ...", parsed with "dubbed" as the sentence's verb
    and the name its complement); not "Blair called Brown on Monday"."""
    name = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if (name is None or verb.i == 0 or verb.doc[verb.i - 1].text != ","
            or any(c.dep_ in {"dobj", "dative"} for c in verb.children)):
        return False
    end = name.right_edge.i + 1
    while end < len(verb.doc) and verb.doc[end].is_quote:
        end += 1
    return end < len(verb.doc) and verb.doc[end].text == ","


#: Verbs that label their object with a second one ("called Camp Delta a scandal",
#: "branded Howard a liar"): the act is a description of the object.
_LABELLING_VERBS = frozenset({"call", "brand", "label", "dub", "term"})


def labels_object(statement: Statement, relation: str) -> bool:
    """Whether a statement labels its object with a second object ("Amnesty has
    called Camp Delta a scandal", "Blair branded Howard a liar"), which *describes*
    the object: the bare verb (*calls*, *brands*) reads as another act.

    >>> from kg.types import Argument
    >>> a = Argument("Amnesty", 0, 7, 0, 7, "ORG", "subj")
    >>> b = Argument("Camp Delta", 17, 27, 22, 27, "FAC", "obj")
    >>> c = Argument("a scandal", 28, 37, 30, 37, "", "obj")
    >>> st = Statement(a, "has called", "call", (b, c), "", 0, 37, 0.5, "svo")
    >>> labels_object(st, "calls")
    True
    """
    verb = _last_word(statement.lemma)
    return (verb in _LABELLING_VERBS and "_" not in relation
            and sum(o.role.lower() in {"obj", "dobj", "oprd"} for o in statement.objects) >= 2)


def withheld_named_pair(statement: Statement, doc: Doc) -> str | None:
    """``"unnamed relation"`` for a name given to a pair or a list ("Anthony McPartlin
    and Declan Donnelly, known as Ant and Dec"): which name is whose, the text does
    not say member by member; ``None`` otherwise."""
    words = statement.lemma.split()
    if not words or words[-1] != "as" or not (set(words) & _KNOWING_VERBS):
        return None
    for arg in (statement.subject, *statement.objects[:1]):
        token = doc.char_span(arg.head_start, arg.head_end, alignment_mode="expand")
        head = token.root if token is not None and len(token) else None
        if head is not None and (head.dep_ == "conj"
                                 or any(c.dep_ == "conj" for c in head.children)):
            return "unnamed relation"
    return None


#: Verbs that give a name with "as" ("known as", "billed as").
_KNOWING_VERBS = frozenset({"know", "bill", "dub", "nickname", "call", "name"})


#: Verbs that, with "as", say how the subject regards its object ("sees Owen as the
#: ideal replacement", "Real Madrid view him as a replacement").
_REGARDING_VERBS = frozenset({"see", "view", "regard"})


def regards_object(statement: Statement, relation: str) -> bool:
    """Whether a statement says how its subject regards its object ("sees Owen as
    the ideal replacement"), which *regards* it: the bare *sees* reads as seeing."""
    verb = _last_word(statement.lemma)
    return (verb in _REGARDING_VERBS and "_" not in relation
            and any(o.role.lower() == "as" for o in statement.objects[1:]))


def speaks_for(statement: Statement, relation: str, text: str) -> bool:
    """Whether the body a statement's relation ends "for" is one its subject speaks
    for, named in a phrase set off by commas ("Oliver Letwin, for the Tories,
    attacked government red tape", "For the Lib Dems, Kirsty Williams called the
    target unambitious"): *spokesperson_for*, not *attacks_tape_for*, when the body
    is a party (the resolver's check; "Owen, for Real Madrid, scored" plays for it).
    ``text`` is the document's text.

    >>> from kg.types import Argument
    >>> t = "Letwin, for the Tories, attacked debt."
    >>> a = Argument("Letwin", 0, 6, 0, 6, "PERSON", "subj")
    >>> b = Argument("debt", 33, 37, 33, 37, "", "obj")
    >>> c = Argument("the Tories", 12, 22, 16, 22, "NORP", "for")
    >>> st = Statement(a, "attacked", "attack", (b, c), t, 0, 38, 0.5, "svo")
    >>> speaks_for(st, "attacks_debt_for", t)
    True
    """
    if not relation.endswith("_for"):
        return False
    for arg in statement.objects:
        if arg.role != "for":
            continue
        before = text[max(statement.sentence_start, arg.start - 6) : arg.start]
        opened = before.rstrip().lower().endswith("for") and (
            before.rstrip()[:-3].rstrip().endswith(",")
            or text[statement.sentence_start : arg.start].strip().lower() == "for")
        if opened and text[arg.end : arg.end + 1] == ",":
            return True
    return False


#: Relations of a role held: a role someone "will" take is not held yet.
_ROLE_RELATIONS = frozenset({"holds_position", "leads", "member_of", "works_for",
                             "represents", "plays_for", "manages", "appoints", "elects"})
_FUTURE = frozenset({"will", "shall", "going to", "to"})
#: Rules that state a role (a title, an apposition, a verb that gives one) and the
#: affiliations derived from them.
_ROLE_RULES = frozenset({"title", "appos", "copula", "role_verb", "role_given",
                         "role_affiliation"})


def withheld_role(relation: str, statement: Statement) -> str | None:
    """``"future"`` for a role or affiliation stated as one to come ("Bob Jones will
    become chairman"), or a state ("Ann Cole will be a real threat at the Europeans",
    "will be able to sell": a prediction, where a verb's act to come is a plan, as
    news states fixtures), else ``None``.

    >>> from kg.types import Argument
    >>> a = Argument("Bob Jones", 0, 9, 4, 9, "PERSON", "subj")
    >>> b = Argument("chairman", 22, 30, 22, 30, "", "obj")
    >>> st = Statement(a, "will become", "become", (b,), "", 0, 30, 0.5, "role_verb",
    ...                modality="will")
    >>> withheld_role("holds_position", st)
    'future'
    >>> c = Argument("a threat", 18, 26, 20, 26, "", "obj")
    >>> st = Statement(a, "will be", "be", (c,), "", 0, 30, 0.5, "copula", modality="will")
    >>> withheld_role("is_threat_at", st)
    'future'
    """
    if (relation in _ROLE_RELATIONS and statement.rule in _ROLE_RULES
            and (statement.modality in _FUTURE or statement.tense == "future")):
        return "future"  # (a verb's own "will represent" is an act, asserted as stated)
    if relation in _ROLE_RELATIONS and statement.objects and (
            statement.objects[0].text.lower().split()[:1] in _TO_COME):
        return "future"  # "future Beatle George Harrison": a role he came to later
    words = statement.lemma.split()
    if (words[:1] == ["be"] and words[1:2] not in _ARRANGED and statement.modality != "to"
            and statement.rule in _CLAUSE_RULES
            and (statement.modality in _FUTURE or statement.tense == "future")):
        return "future"  # (not "is to halt its flights", "is due to meet": plans)
    return None


#: First words of names that carry their time already: an act to come ("is_due_to_launch",
#: "will_") or one over ("formerly_leads").
_SAID_TO_COME = ("is_due_", "is_set_", "is_scheduled_", "is_about_", "is_expected_",
                 "is_going_", "is_to_", "will_", "formerly_")


def future_relation(relation: str, statement: Statement) -> str:
    """The name an asserted act still to come is stated under: its relation in the
    future ("England will face Italy" → *will_face*, "is to be presented with" →
    *will_be_presented_with*), so that a query for ``kg:faces`` finds matches played
    and one for ``kg:will_face`` fixtures, and the triple reads as the sentence
    does. A role keeps its name (one to come by a title or a copula is withheld
    above; one a verb assigns, "Ryabkov will represent Russia at the talks", is
    held from the assignment on), as does a name that says the future already.

    >>> from dataclasses import replace
    >>> from kg.types import Argument
    >>> a = Argument("England", 0, 7, 0, 7, "GPE", "subj")
    >>> b = Argument("Italy", 18, 23, 18, 23, "GPE", "obj")
    >>> st = Statement(a, "will face", "face", (b,), "", 0, 23, 0.5, "svo", modality="will")
    >>> future_relation("faces", st), future_relation("located_in", st)
    ('will_face', 'will_be_located_in')
    >>> future_relation("represents", st), future_relation("faces", replace(st, modality=None))
    ('represents', 'faces')
    """
    if not (statement.modality in _FUTURE or statement.tense == "future"):
        return relation
    if relation in _ROLE_RELATIONS or relation.startswith(_SAID_TO_COME):
        return relation
    head, _, rest = relation.partition("_")
    if head == "is":
        return f"will_be_{rest}"
    if not head.endswith("s") or head.endswith("ss"):
        return f"will_be_{relation}"  # "located_in", "presented_with", "given"
    return "_".join(filter(None, ("will", base_form(head), rest)))


def withheld_stopped(relation: str, statement: Statement, doc: Doc) -> str | None:
    """``"negated"`` for an act the text says has stopped ("Blair no longer supports
    Bush"); a state that has stopped is a former one instead ("no longer works for
    Chelsea" → *formerly_works_for*, named before this is asked), else ``None``."""
    if (statement.rule in _PHRASE_RULES or statement.rule in _ROLE_RULES
            or relation.startswith("formerly_")):
        return None  # (a noun phrase's fact has no verb to stop)
    verb = predicate_token(statement, doc)
    return "negated" if verb is not None and roles.no_longer(verb) else None


def past_state_relation(relation: str, statement: Statement) -> str:
    """The name a state the text puts in the past is stated under: a copula's
    relation in the past ("Smith was assistant to Ferguson at the World Cup in 1986"
    → *was_assistant_to*, "Robinson was already without Wilkinson" →
    *was_without*), so that the triple does not say it holds now; an act keeps the
    name of the act ("beat" → *defeats*), as a state in the present does.

    >>> from kg.types import Argument
    >>> a = Argument("Walter Smith", 0, 12, 7, 12, "PERSON", "subj")
    >>> b = Argument("Ferguson", 30, 38, 30, 38, "PERSON", "to")
    >>> st = Statement(a, "was assistant to", "be assistant to", (b,), "", 0, 38, 0.5,
    ...                "copula", tense="past")
    >>> past_state_relation("is_assistant_to", st), past_state_relation("defeats", st)
    ('was_assistant_to', 'defeats')
    """
    if statement.rule == "copula" and statement.tense == "past" and relation.startswith("is_"):
        return "was_" + relation.removeprefix("is_")
    return relation


#: Words after "be" that make an act to come an arranged one, which news states as
#: a fact to come ("British Airways is to halt its flights", "is due to meet").
_ARRANGED = (["to"], ["due"], ["set"], ["scheduled"])


#: First words of a title that is still to come ("future Beatle", "would-be MP").
_TO_COME = (["future"], ["would-be"], ["prospective"], ["designate"])

#: Rules of statements read from a clause, whose "be" is the clause's verb (not those
#: of a noun phrase: "Swiss Re in New York", "X's home in Y").
_CLAUSE_RULES = frozenset({"copula", "relcl", "xcomp", "advcl", "acl", "conj_verb", "svo",
                           "passive", "ccomp", "pcomp", "repair"})


def predicate_token(statement: Statement, doc: Doc) -> Token | None:
    """The token of the statement's verb (or, for a nominal fact, of its subject):
    the token of its lemma's first word nearest to the subject, in its sentence.
    Memoised for the last document asked about (several checks of a statement ask
    for it; the memo holds no more than that document's answers)."""
    key = (statement.lemma, statement.rule in _CLAUSE_RULES, statement.subject.end,
           statement.sentence_start, statement.sentence_end)
    if _PREDICATES.doc is not doc:
        _PREDICATES.doc, _PREDICATES.found = doc, {}
    found = _PREDICATES.found
    if key not in found:
        found[key] = _find_predicate_token(statement, doc)
    return found[key]


class _Memo:
    """The predicate tokens found in one document (:func:`predicate_token`)."""

    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.found: dict[tuple[str, bool, int, int, int], Token | None] = {}


_PREDICATES = _Memo()


def _find_predicate_token(statement: Statement, doc: Doc) -> Token | None:
    words = statement.lemma.split()
    if words[:2] == ["be", "to"] and len(words) > 2:
        words = words[2:]  # "be to star": the verb of what is arranged
    lemma = words[1] if words[:1] == ["be"] and len(words) > 1 else (words[0] if words else "")
    best: Token | None = None
    best_distance = 1 << 30
    span = doc.char_span(statement.sentence_start, statement.sentence_end,
                         alignment_mode="expand")
    if span is None:
        return None
    anchor = statement.subject.end
    clausal = words[:1] == ["be"] and statement.rule in _CLAUSE_RULES
    for wanted in (lemma, "be") if clausal else (lemma,):
        # ("is fit for": with no verb "fit", the copula; a noun phrase's fact has none)
        for token in span:
            if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() != wanted:
                continue
            # an auxiliary only when no verb has the lemma ("has had no contact": "had")
            distance = abs(token.idx - anchor) + (
                span.end_char if token.dep_ in {"aux", "auxpass"} else 0)
            if distance < best_distance:
                best, best_distance = token, distance
        if best is not None:
            break
    return best


def withheld_misread_verb(statement: Statement, doc: Doc, *, declared: bool) -> str | None:
    """``"misread"`` when a relation named after its verb (``declared`` false: not in
    the relation lexicon) has a verb the lemmatizer does not know as one: the parser
    took a noun or adjective for it ("Chicago Cubs shortstop Nomar Garciaparra" →
    *shortstops*); ``None`` otherwise, and for words with a hyphen ("co-star",
    "re-sign"), whose parts the table does not list."""
    if statement.rule not in _CLAUSE_RULES:
        return None
    token = predicate_token(statement, doc)
    if token is not None and _noun_after_determiner(token):
        return "misread"  # "with her debut hit Genie in a Bottle": a noun, no *hits*
    verbs = known_verbs()
    if declared or not verbs or token is None or token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    if "-" in token.text:
        return None  # "co-wrote" (→ "cowrite"): a word the table lists only in parts
    return "misread" if lemma.isalpha() and lemma not in verbs else None


#: Subjects of a verb's own (a noun the parse made a verb has none).
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Tags of a determiner or a possessive that open a noun phrase.
_NOUN_OPENERS = frozenset({"DT", "PRP$"})


def _noun_after_determiner(token: Token) -> bool:
    """Whether a finite "verb" with no subject of its own ends a noun phrase that a
    determiner or a preposition opens: "her debut hit Genie", "the country hit Ring
    of Fire", "alongside hit presenters Ant and Dec" (not "the company hit its
    target", whose subject is its own), or comes right after a name in a list, as
    a verb joined to another never does ("such as Wales scrum-half Dwayne Peel and
    Ireland lock Paul O'Connell")."""
    if token.pos_ != "VERB" or token.tag_ not in {"VBD", "VBZ", "VBP"} or any(
            c.dep_ in _SUBJECTS for c in token.children):
        return False
    doc = token.doc
    if token.dep_ == "conj" and token.i and doc[token.i - 1].pos_ == "PROPN" and not any(
            a.i == token.i for a in doc[token.i - 1].ancestors):
        return True  # (not "and on Sunday blamed", whose date is the verb's own)
    i = token.i - 1
    while i >= 0 and doc[i].pos_ in {"NOUN", "ADJ"} and token.i - i <= 2:
        i -= 1
    if i < 0 or doc[i].lower_ == "that":
        return False
    return doc[i].tag_ in _NOUN_OPENERS or doc[i].tag_ == "IN" or (
        doc[i].lower_ in _PREPOSITION_ADVERBS)


#: Prepositions the tagger calls adverbs ("alongside hit presenters Ant and Dec").
_PREPOSITION_ADVERBS = frozenset({"alongside", "including"})


#: Verbs that take a clause ("revealed [Gallas will play]", "believes [Owen is
#: fit]"): a name right after them may be the clause's subject, not their object.
_CLAUSE_TAKING = frozenset({"reveal", "say", "announce", "confirm", "believe", "think",
                            "know", "insist", "admit", "claim", "expect", "hope", "fear",
                            "feel", "suggest", "predict", "indicate", "hint", "warn",
                            "report", "stress", "accept", "concede", "reckon"})


#: Words that join alternatives ("Swindon or Notts County").
_ALTERNATIVES = frozenset({"or", "nor"})
#: Words of a relation after which "or" joins what is denied of each ("unable to
#: replace Raul or Ronaldo").
_NEITHER = frozenset({"unable", "not", "never", "no", "without", "fail", "refuse"})
#: Rules of facts a noun phrase states, whose members are named as they stand.
_PHRASE_RULES = NOMINAL_RULES | {"role_affiliation", "person_of"}


#: Verbs that pair one with one: who stands in for whom ("Heymans and Valbon come in
#: for Rougerie and Grandclaude" does not say which for which).
_ONE_FOR_ONE = frozenset({"replace", "succeed", "come in for", "take over from",
                          "stand in for", "deputise for", "deputize for", "swap"})


def withheld_unclear_pairing(statement: Statement, doc: Doc) -> str | None:
    """``"unclear attachment"`` when a verb that pairs one with one has several
    subjects and several objects ("Heymans and Valbon come in for Rougerie and
    Grandclaude"): which pairs with which the text does not say ("respectively" pairs
    them in order); ``None`` otherwise."""
    if statement.lemma not in _ONE_FOR_ONE and " ".join(
            statement.lemma.split()[:3]) not in _ONE_FOR_ONE:
        return None
    if statement.object is None:
        return None

    def place(arg: Argument) -> int | None:
        """Where the argument stands among its conjuncts, if it has any."""
        span = doc.char_span(arg.head_start, arg.head_end, alignment_mode="expand")
        if span is None or not len(span) or not span.root.conjuncts:
            return None
        members = sorted([span.root.i, *(c.i for c in span.root.conjuncts)])
        return members.index(span.root.i)

    who, whom = place(statement.subject), place(statement.object)
    if who is None or whom is None:
        return None
    if "respectively" in statement.sentence.lower():
        return None if who == whom else "unclear attachment"  # pairs in order
    return "unclear attachment"


def withheld_alternative(statement: Statement, doc: Doc) -> str | None:
    """``"alternative"`` when the subject or an object is one of alternatives
    ("drawn against either Swindon or Notts County", "will be presented to A, B or
    C"): which of them it holds for, the text does not say. ``None`` otherwise: for
    a name and another name of it ("the Football Association, or FA", "the
    Jinshajiang - or 'river of golden sand'"), for what a noun phrase states ("players
    like Middlesbrough winger Stewart Downing or ..."), and where "or" means neither
    ("has been unable to replace Raul or Ronaldo")."""
    if statement.rule in _PHRASE_RULES or (
            statement.negated or _NEITHER & set(statement.lemma.split())):
        return None
    for arg in (statement.subject, *statement.objects):
        span = doc.char_span(arg.head_start, arg.head_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        members = [span.root, *span.root.conjuncts]
        if len(members) < 2 or any(m.text.isupper() or m.pos_ != "PROPN" for m in members):
            continue
        if any(c.dep_ == "cc" and c.lower_ in _ALTERNATIVES
               for m in members for c in m.children):
            return "alternative"
    return None


def withheld_clause_subject(statement: Statement, doc: Doc) -> str | None:
    """``"misread"`` when the object of a verb that takes a clause is the subject of
    a clause the parser split off: "Mourinho revealed [defender Willian Gallas and
    striker Didier Drogba will be in the line-up]" is no *reveals* Gallas; ``None``
    otherwise."""
    if statement.rule not in {"svo", "conj_verb", "relcl"} or statement.passive:
        return None
    token = predicate_token(statement, doc)
    if token is None or token.lemma_.lower() not in _CLAUSE_TAKING:
        return None
    obj = next((c for c in token.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or not any(o.role.lower() in {"obj", "dobj", ""} and o.start <= obj.idx
                              < o.end for o in statement.objects):
        return None  # ("announced a deal with Apple to ...": the fact is with Apple)
    for clause in token.children:
        if (clause.i > obj.i and clause.dep_ in {"conj", "ccomp"}
                and clause.pos_ in {"VERB", "AUX"}
                and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
                and (clause.tag_ in {"VBZ", "VBP", "VBD", "MD"}
                     or any(c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO"
                            for c in clause.children))
                and not any(c.dep_ == "cc" and obj.i < c.i < clause.left_edge.i
                            and c.head.i == token.i for c in token.children)):
            return "misread"
    return None


#: Verbs whose "-ing" clause after a comma tells what the clause before brought
#: about ("drew 2-2, giving United the chance", "scored twice, leaving Arsenal
#: behind"): the act is the event's, not the subject's.
_RESULT_VERBS = frozenset({"give", "leave", "make", "put", "send", "bring", "allow",
                           "force", "hand", "lift", "push", "keep", "mean", "cause",
                           "take", "see"})


def _resulting(verb: Token) -> bool:
    """Whether ``verb`` is a result's "-ing" clause after a comma, after the verb
    of its clause."""
    left = verb.left_edge.i
    if not (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.lemma_.lower() in _RESULT_VERBS
            and verb.head.i < verb.i and left > 0 and verb.doc[left - 1].text == ","):
        return False
    # someone named, then where it leaves them: "giving [United] [a boost]",
    # "leaving [Arsenal] [three points behind]"; not "giving [a speech] in Leeds"
    after = [c for c in verb.children if c.i > verb.i and c.dep_ not in {"punct", "cc"}]
    return len(after) >= 2 and after[0].dep_ in {"dative", "dobj"} and after[0].pos_ in {
        "PROPN", "PRON"}


def _head_token(arg: Argument, doc: Doc) -> Token | None:
    """The root of an argument's head words in ``doc``, if they are tokens."""
    span = doc.char_span(arg.head_start, arg.head_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


#: Verbs whose "-ing" clause describes a work, not an act of the clause's subject
#: ("The Aviator, starring Leonardo DiCaprio").
_DESCRIBING = frozenset({"star", "co-star", "feature"})


def _describes_other(statement: Statement, doc: Doc) -> bool:
    """Whether the describing "-ing" clause (:data:`_DESCRIBING`) whose object is the
    statement's, hung by the parse on the clause's verb, stands right after a name
    other than the subject's head, which it describes ("Desperate Housewives was
    named top drama and Joey, starring Matt LeBlanc, was best comedy": Joey's star,
    not the first show's)."""
    obj = _head_token(statement.objects[0], doc) if statement.objects else None
    while obj is not None and obj.dep_ == "conj" and obj.head.i != obj.i:
        obj = obj.head  # "starring X and Y": Y's verb is X's
    verb = obj.head if obj is not None and obj.dep_ == "dobj" else None
    if (verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl"
            or verb.lemma_.lower() not in _DESCRIBING):
        return False
    k = verb.left_edge.i - 1
    if k >= 0 and verb.doc[k].text == ",":
        k -= 1
    if k < 0 or verb.doc[k].pos_ not in {"NOUN", "PROPN"}:
        return False
    before = verb.doc[k]
    return not statement.subject.head_start <= before.idx < statement.subject.head_end


def withheld_participle(statement: Statement, doc: Doc) -> str | None:
    """``"unclear attachment"`` for a participle clause the extractor gave the
    sentence's subject that stands after a comma and a noun, which it is more likely
    to describe ("At the debate, organised by the ISPA, Lord Currie ...", "received an
    award, presented by Tom Stoppard"); ``None`` otherwise ("Backed by the Tories,
    Mr Smith won", "England poured forward, spurred on by Matt Dawson")."""
    if statement.rule != "advcl":
        return None
    token = predicate_token(statement, doc)
    if (token is not None and _resulting(token)) or _describes_other(statement, doc):
        return "unclear attachment"
    if token is None or token.tag_ != "VBN" or any(
            c.dep_ in {"aux", "auxpass"} for c in token.children):
        return None
    left = token.left_edge.i
    if left < 2 or doc[left - 1].text != "," or doc[left - 2].pos_ not in {"NOUN", "PROPN"}:
        return None
    before = doc[left - 2]
    if statement.subject.start <= before.idx < statement.subject.end:
        return None  # the subject itself, just before: "Rosneft, backed by Gazprom, ..."
    return "unclear attachment"


#: Verbs that judge someone for what they did ("suspended her for failing to turn
#: up", "fined Mourinho for criticising Frisk"): the act is the object's.
_JUDGING = frozenset({"suspend", "ban", "fine", "punish", "criticise", "criticize",
                      "praise", "thank", "blame", "sack", "fire", "arrest", "charge",
                      "jail", "convict", "condemn", "reward", "credit", "congratulate",
                      "discipline", "censure", "slam", "hail", "applaud", "commend",
                      "forgive", "honour", "honor", "penalise", "penalize", "book",
                      "reprimand", "sentence", "investigate", "sue", "attack", "mock",
                      "lambast", "blast", "berate", "castigate", "rebuke", "scold"})


def withheld_judged_act(statement: Statement, doc: Doc) -> str | None:
    """``"unclear attachment"`` for an act in a "for" clause of a verb that judges its
    object ("Athletics Kenya suspended the runner for failing to turn up", "lambasted
    the referee for costing them the game after disallowing two tries"), which the
    extractor gave the verb's subject: it is the object's; ``None`` otherwise."""
    token = predicate_token(statement, doc)
    node = token
    for _ in range(4):  # "failing" → "to turn up"; "costing" → "after disallowing"
        if node is not None and node.dep_ == "xcomp":
            node = node.head
        elif (node is not None and node.dep_ == "pcomp" and node.head.lower_ != "for"
              and node.head.dep_ == "prep" and node.head.head.pos_ == "VERB"):
            node = node.head.head
        else:
            break
    if node is None or node.dep_ != "pcomp" or node.head.lower_ != "for":
        return None
    judge = node.head.head
    if (judge.lemma_.lower() in _JUDGING and judge.i != node.i
            and any(c.dep_ in {"dobj", "obj"} for c in judge.children)
            and statement.subject.start <= next(
                (c.idx for c in judge.children if c.dep_ in {"nsubj", "nsubjpass"}), -1)
            < statement.subject.end):
        return "unclear attachment"
    return None


#: Words that put a side where a goal leaves it ("put Arsenal ahead", "headed Chelsea
#: in front", "fired Liverpool into the lead").
_STANDINGS = frozenset({"ahead", "level", "clear", "front", "lead", "behind"})
#: Places in a ranking an object is moved to or from ("off the top spot").
_RANKS = frozenset({"spot", "place", "position", "top", "summit", "perch", "slot"})


def withheld_list_order(statement: Statement, doc: Doc) -> str | None:
    """``"unnamed relation"`` for "followed by" that orders a list or a chart ("Keane
    were followed by Franz Ferdinand, Razorlight and Joss Stone in the top five",
    "Madame Butterfly, followed by La Boheme, La Traviata and ...", "Lose My Breath,
    followed by Girls Aloud at five"): a place in an order, no act of following;
    ``None`` otherwise ("Superstar was followed by Thank You", one after the other).

    >>> from kg.nlp import parse
    >>> from kg.extract import extract
    >>> doc = next(parse(["Keane were followed by Franz Ferdinand and Razorlight."]))
    >>> withheld_list_order(next(iter(extract(doc))), doc)
    'unnamed relation'
    """
    if statement.lemma.split()[:1] != ["follow"] or statement.rule not in {"passive",
                                                                           "acl_be"}:
        return None
    if statement.rule == "acl_be":
        return "unnamed relation"  # "X, followed by Y": a list's next item
    # (the passive read actively: its subject is who comes after)
    by = statement.subject if not statement.passive else next(
        (o for o in statement.objects if o.role.lower() == "by"), None)
    span = doc.char_span(by.head_start, by.head_end, alignment_mode="expand") if by else None
    if span is not None and len(span) and (span.root.conjuncts or span.root.dep_ == "conj"):
        return "unnamed relation"  # several after it: an order
    return None


#: Verbs of a move up or down a chart or a table ("slipped one place to four").
_CHART_MOVES = frozenset({"slip", "climb", "rise", "fall", "drop", "jump", "move", "go",
                          "leap", "slide", "tumble", "soar", "return", "enter", "re-enter"})
_PLACE_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                            "nine", "ten", "first", "second", "third", "fourth", "fifth",
                            "sixth", "seventh", "eighth", "ninth", "tenth", "top"})


def _a_place_number(text: str) -> bool:
    """Whether an object names a place in a chart: "four", "number two", "No 1", "3"."""
    words = text.lower().replace(".", "").split()
    if words[:1] in (["number"], ["no"]):
        words = words[1:]
    return len(words) == 1 and (words[0] in _PLACE_NUMBERS or words[0].isdigit())


def withheld_resultative(statement: Statement, doc: Doc) -> str | None:
    """``"unnamed relation"`` for a verb that moves a named object to a standing
    ("Drogba headed Chelsea in front", "Bent put Arsenal ahead"): the scorer acted
    for the side, and the verb (*heads*, *puts*) names no relation to it; ``None``
    otherwise ("Brown put the plan ahead of the vote" has no named object).

    >>> from kg.nlp import parse
    >>> from kg.extract import extract
    >>> doc = next(parse(["Drogba headed Chelsea in front before the break."]))
    >>> withheld_resultative(next(iter(extract(doc))), doc)
    'unnamed relation'
    """
    if statement.lemma.split()[0] in _CHART_MOVES and any(
            o.role.lower() in {"to", "into"} and _a_place_number(o.text)
            for o in statement.objects):
        return "unnamed relation"  # "slipped one place to four with Lose My Breath":
        # a chart's standing, no relation to the song it is held with
    verb = predicate_token(statement, doc)
    if verb is None or not any(c.dep_ == "dobj" and c.pos_ in {"PROPN", "NOUN"}
                               for c in verb.children):
        return None  # (a noun too: "knocked thriller Hide and Seek from the top spot")
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in {"advmod", "acomp", "oprd", "xcomp"} and child.lower_ in _STANDINGS:
            return "unnamed relation"  # "put Arsenal ahead"
        if child.dep_ == "prep" and child.lower_ in {"in", "into"} and any(
                g.dep_ == "pobj" and g.lower_ in _STANDINGS for g in child.children):
            return "unnamed relation"  # "in front", "into the lead"
        if child.dep_ == "prep" and child.lower_ in {"off", "to", "down", "from", "into"} and any(
                g.dep_ == "pobj" and g.lower_ in _RANKS for g in child.children):
            return "unnamed relation"  # "knocking Eminem off the top spot", "to third
            # place", "down into second place": a chart's standing, no relation
            # between the two
    return None


#: Words that call a statement false ("they were wrong when they said ...").
_FALSE_WORDS = frozenset({"wrong", "untrue", "false", "mistaken", "incorrect", "nonsense",
                          "baseless", "groundless", "unfounded"})
#: Prepositions before an "-ing" clause that weigh the act, not state it (not
#: "after", "despite", "with", "for", "of": "praised for turning Aer Lingus around",
#: "in favour of joining Celtic" take it as done).
_PROPOSITION_PREPOSITIONS = frozenset({"to", "about", "against", "on", "over"})


def _predicts(word: Token) -> bool:
    """Whether ``word`` is one of :data:`PREDICTION_WORDS`, by its lemma or, where the
    small model's lemma is wrong ("hopes" → "hop"), by its inflected form.

    >>> import spacy
    >>> _predicts(spacy.blank("en")("hopes")[0])
    True
    """
    lower = word.lower_
    return (word.lemma_.lower() in PREDICTION_WORDS
            or (lower.endswith(("s", "d")) and lower[:-1] in PREDICTION_WORDS)
            or (lower.endswith("ed") and lower[:-2] in PREDICTION_WORDS))


def _weighed(verb: Token) -> bool:
    """Whether ``verb`` is an "-ing" clause after "to", "about", "against" ...: a
    thing weighed, not done ("preferable to Deutsche Boerse overpaying for the
    LSE", "worried about Vodafone buying O2", "committed to cutting jobs"); the
    parser hangs it on the preposition or, as a participle, on the name."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp":
        prep = verb.head
    elif verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.dep_ == "pobj":
        prep = verb.head.head
    else:
        return False
    return prep.lower_ in _PROPOSITION_PREPOSITIONS


def _passive_prediction(governor: Token) -> bool:
    """Whether ``governor`` is a prediction word as a passive ("is set to", "is
    expected to", "was tipped to"), which states no act of the subject's."""
    return (governor.lemma_.lower() in _PASSIVE_PREDICTIONS and governor.tag_ == "VBN"
            and any(c.dep_ in {"auxpass", "aux"} and c.lemma_ == "be"
                    for c in governor.children))


def _unsaid(verb: Token) -> str | None:
    """``"negated"`` or ``"hypothetical"`` when ``verb`` itself is denied or only
    possible ("did not come to play", "could go on to win"): what an implicative
    verb carries to its "to" clause, which has no negation or modal of its own."""
    for child in verb.children:
        if child.dep_ == "neg":
            return "negated"
        if child.dep_ == "aux" and child.lemma_.lower() in HYPOTHETICAL_MODALS:
            return "hypothetical"
    return None


def _no_object(statement: Statement, verb: Token) -> bool:
    """Whether the verb's direct object, whose noun names the relation ("take no
    action against", "has no links with"), is denied by "no".

    >>> from kg.nlp import parse
    >>> from kg.types import Argument
    >>> doc = next(parse(["Google has no connection with Speegle."]))
    >>> st = Statement(Argument("Google", 0, 6, 0, 6, "ORG", "subj"), "has",
    ...                "have connection with", (), "", 0, 38, 0.5, "svo")
    >>> _no_object(st, doc[1])
    True
    """
    words = set(statement.lemma.split())
    heads = {o.head_start for o in statement.objects}
    return any(child.dep_ == "dobj" and child.pos_ == "NOUN" and _denied_noun(child) and (
        child.lower_ in words or any(t.idx in heads for t in child.subtree if t.i > child.i))
        for child in verb.children)  # (or the object inside it: "had no contact with X")


def _denied_noun(noun: Token) -> bool:
    """Whether a noun is denied by "no", or all but denied by "little" or "few" ("made
    little impact on"; not "a little")."""
    determiners = [d for d in noun.children if d.dep_ == "det"]
    return any(_denying_no(d) for d in determiners) or (
        not determiners and any(d.dep_ == "amod" and d.lower_ in {"little", "few"}
                                for d in noun.children))


#: Words before an act's noun that leave it undone or unsure ("a possible takeover",
#: "an alleged talk between X and Y").
_UNDONE_WORDS = frozenset({"possible", "potential", "proposed", "planned", "rumoured",
                          "rumored", "expected", "likely", "alleged", "failed", "abortive",
                          "aborted", "mooted", "future", "hypothetical", "hostile",
                          "would-be"})


def _undone_between(statement: Statement, doc: Doc) -> bool:
    """Whether the noun of "NOUN between X and Y" is left undone or unsure ("an
    alleged talk between Rijkaard and Frisk")."""
    span = doc.char_span(statement.subject.head_start, statement.subject.head_end,
                         alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    return prep.lower_ == "between" and undone(prep.head)


def undone(noun: Token) -> bool:
    """Whether a word before an act's noun leaves the act undone or unsure ("a
    possible takeover", "an alleged talk").

    >>> from kg.nlp import parse
    >>> doc = next(parse(["A possible takeover of Arsenal was denied."]))
    >>> undone(doc[2]), undone(doc[5])
    (True, False)
    """
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in _UNDONE_WORDS
               for c in noun.children)


def _denying_no(word: Token) -> bool:
    """Whether ``word`` is a "no" that denies ("no", or "No" opening a sentence; not
    the name in "his own No campaign")."""
    return word.text == "no" or (word.text == "No" and bool(word.is_sent_start))


def _denial_before(verb: Token) -> bool:
    """Whether ``verb`` is what a denial before it denies, the parse having made
    the denial its complement: "Knapman rejected the idea [that] Kilroy-Silk posed a
    threat", with no "that", comes out as *posed* governing *rejected the idea*."""
    return any(
        c.dep_ == "ccomp" and c.i < verb.i and c.lemma_.lower() in DENIAL_VERBS
        and any(o.dep_ == "dobj" and o.lemma_.lower() in _PROPOSITION_NOUNS
                for o in c.children)
        for c in verb.children)


#: Words of a plan or a hope ("had hoped to", "had planned to", "had been due to").
_PLANS = frozenset({"hope", "plan", "intend", "want", "expect", "aim", "due", "set",
                    "schedule"})


def _unrealised_plan(verb: Token) -> bool:
    """Whether ``verb`` is a plan or hope with a "to" clause, in the past perfect
    ("had hoped to", "had been due to", "had been scheduled to"): what it looked to
    did not come about."""
    plans = [n for n in (verb, *(c for c in verb.children if c.dep_ in {"acomp", "attr"}))
             if n.lemma_.lower() in _PLANS and any(c.dep_ == "xcomp" for c in n.children)]
    return bool(plans) and any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"}
                               for node in (verb, *plans) for c in node.children)


def withheld_by_context(statement: Statement, doc: Doc) -> str | None:
    """``"denied"`` or ``"conditional"`` when the statement's verb sits inside what
    someone denies or inside an "if" clause; ``None`` otherwise."""
    if statement.rule in {"poss", "title", "appos", "role_affiliation", "person_of"}:
        return None  # facts of a noun phrase are stated whatever its clause does
    if statement.rule == "np_between":
        return "hypothetical" if _undone_between(statement, doc) else None
    words = statement.lemma.split()
    opening = words[1:2] if words[:1] == ["be"] else words[:1]
    if opening and opening[0] in _PROBABLE:
        # "is likely to be replaced by Carragher": only probable, whatever the
        # relation is called
        return "hypothetical"
    token = predicate_token(statement, doc)
    if token is None:
        return None
    if _no_object(statement, token):
        return "negated"  # "will take no action against Mourinho", "has no links with"
    node: Token = token
    own = set(statement.lemma.split())  # "plans to buy": the plan is the relation
    governor = token.head
    if (token.dep_ in {"xcomp", "advcl", "ccomp"} and governor.i != token.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        if governor.lemma_.lower() not in own | IMPLICATIVE_VERBS and not ranked(governor):
            # "urged Mr Brown to leave Labour": asked, not done (but "became the
            # first woman to win X": done)
            return "hypothetical"
        unsaid = _unsaid(governor)
        if unsaid is not None:
            return unsaid  # "will not be coming out of retirement to compete in"
    if _weighed(token):
        return "hypothetical"
    if _denial_before(token):
        return "denied"  # "rejected the idea Mr Kilroy-Silk posed a threat to UKIP"
    if (token.dep_ == "xcomp" and governor.lemma_ == "be" and governor.tag_ == "VBD"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        return "hypothetical"  # "which was to star Jude Law": a plan, not what happened
    if _unrealised_plan(token) or (token.dep_ == "xcomp" and _unrealised_plan(governor)):
        return "hypothetical"  # "had hoped to play against Fulham": it did not happen
    if _passive_prediction(token) and any(c.dep_ == "xcomp" for c in token.children):
        # "Chris Day is set to join Preston", "is expected to open": a prediction,
        # though the relation's name holds the word
        return "hypothetical"
    described = False  # past a relative clause: what it says of its noun is not
    # hedged by the clause the noun is in ("a deal with Euronext, which combines the
    # Paris, Amsterdam and Lisbon exchanges, could potentially offer")
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS for c in node.children):
            return "conditional"  # inside the "if" clause
        if not described and any(c.dep_ == "advmod" and c.lower_ in _HEDGES
                                 for c in node.children):
            return "hypothetical"  # "is probably favourite to replace Thomas"
        if any(c.dep_ == "advmod" and c.lower_ in _REPORTED for c in node.children):
            return "alleged"  # "Cole reportedly met Mourinho": a report, no one's named
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children) for c in node.children):
            return "conditional"  # what follows if it holds ("if X wins, Y will ...")
        head = node.head
        if head.i == node.i:
            break
        described = described or node.dep_ == "relcl"
        if (head.lemma_.lower() in DENIAL_VERBS and node.dep_ in _CLAUSE_LINKS
                and node.dep_ not in {"nsubj", "nsubjpass"}):
            return "denied"
        if (head.lemma_.lower() in _IMPLYING_VERBS and node.dep_ == "ccomp"
                and _unsaid(head) == "negated"):
            return "negated"  # "it doesn't mean I've lost faith in him"
        if (head.lemma_.lower() in _IMPLYING_VERBS and node.dep_ == "ccomp"
                and any(c.dep_ == "aux" and c.lower_ in _WOULD for c in head.children)):
            return "hypothetical"  # "a ban would mean that I miss the Australian Open"
        if (node.dep_ in {"advcl", "ccomp"} and _unsaid(head) == "negated"
                and any(c.dep_ == "mark" and c.lower_ == "like" for c in node.children)):
            return "negated"  # "I don't feel like I want to talk to Sveta"
        if node.dep_ in {"advcl", "ccomp", "csubj"} and any(
                c.dep_ == "acomp" and c.lower_ in _FALSE_WORDS for c in head.children):
            # "they were wrong when they said Milburn was ousting Brown", "it is
            # untrue that ...": what the writer or a speaker calls false
            return "denied"
        lemma = head.lemma_.lower()
        if (lemma in ALLEGATION_VERBS and node.dep_ in _CLAUSE_LINKS
                and node.dep_ not in {"nsubj", "nsubjpass"}):
            return "alleged"  # asserted only with the speaker who alleges it
        if (lemma in _ENSURING and node.dep_ == "ccomp"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)):
            return "hypothetical"  # "cut his schedule to ensure he is fit for": an aim
        if (_predicts(head) and lemma not in own
                and node.dep_ in {"xcomp", "ccomp", "advcl"}):
            return "hypothetical"  # "is expected to recover in time to earn his cap"
        node = head
    return None
