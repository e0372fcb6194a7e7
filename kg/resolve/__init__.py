"""Resolve open statements into the knowledge graph's facts: entities, values,
ontology relations, and what roles and noun phrases state.

Where each part lives:

* :mod:`kg.resolve.document`: what is known about one document (its names,
  acronyms, the people it names in full, the kinds it gives names);
* :mod:`kg.resolve.entities`: mentions → entities and values (below);
* :mod:`kg.resolve.coref`: pronouns and descriptions;
* :mod:`kg.resolve.roles`: the token patterns of titles and appositions, and
  which relation a title gives to the organisation or country it names (leads,
  member_of, works_for, plays_for, manages, represents);
* :mod:`kg.resolve.rolefacts`: the facts of roles: ``holds_position``, its
  body, the one who gave the role (appoints, elects), former roles, the leader of
  the country an article is about;
* :mod:`kg.resolve.nominal`: the token patterns of facts inside noun phrases
  (possessives, relatives, relation nouns, acts, events, seats, kinds of names);
* :mod:`kg.resolve.nounfacts`: the facts of noun phrases, resolved;
* :mod:`kg.resolve.policy`: the assertion policy (what stays a statement without
  a direct triple, and why);
* :mod:`kg.resolve.crossdoc`: one person across documents;
* this module: :class:`Resolver`, which names the relations and composes the rest.

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

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.nlp.tokens import DocTokens
from kg.ontology import Ontology, RelationInfo
from kg.resolve import nominal, policy, roles
from kg.resolve.document import DocumentIndex, _squash
from kg.resolve.mentions import Mention as _Mention
from kg.resolve.mentions import Staged as _Staged
from kg.resolve.mentions import token_argument
from kg.resolve.rolefacts import POSITION_RELATION, ROLE_RULES, RoleFacts
from kg.types import (
    HYPOTHETICAL_MODALS,
    Argument,
    Entity,
    ResolvedStatement,
    Statement,
    Value,
)

__all__ = ["AGENT_GROUPS", "LOCATIVE_ROLES", "POSITION_RELATION", "Resolver", "resolve"]

#: Relation groups whose arguments act as agents (a capital there is its country).
AGENT_GROUPS = frozenset({"cooperation", "conflict", "communication", "economic",
                          "affiliation"})
#: Argument roles that make an object a place ("flew to Moscow").
LOCATIVE_ROLES = frozenset({
    "to", "in", "at", "from", "into", "toward", "towards", "near", "via", "through", "across",
    "over", "on", "inside", "within", "outside", "around", "onto", "out of", "off", "past",
    "along", "beyond", "between", "under", "above", "below", "behind", "place", "loc",
})
#: Relations (by their first word) whose subject is a place, not an actor ("London has").
_PLACE_VERBS = frozenset({"is", "has", "hosts", "lies", "sits", "borders", "contains",
                          "includes", "houses", "remains", "becomes", "located", "situated",
                          "based", "hit", "struck", "affected", "flooded", "bombed", "shelled",
                          "attacked", "visited", "captured", "occupied"})
#: Object roles that are no preposition (a later object with one is not tried).
#: Rules of facts with no verb of their own (roles, noun phrases): no adverb on them.
_NOUN_RULES = ROLE_RULES | policy.NOMINAL_RULES | {roles.AFFILIATION_RULE,
                                                   roles.PERSON_OF_RULE}
_NOT_PREPOSITIONS = frozenset({"obj", "dobj", "time", "subj", "", "attr", "oprd", "xcomp",
                               "ccomp", "manner", "purpose", "reason"})

#: Prepositions of a comparison, which, fronted, tie no one to the act ("Like X, ...").
_COMPARISONS = frozenset({"like", "unlike"})
#: Pronouns of an unnamed thing that a verb took ("threw everything at the French"),
#: which a relation's name cannot do without.
_UNNAMED_THINGS = frozenset({"everything", "something", "anything", "nothing", "all",
                             "much", "little", "more", "less", "lot"})

_DATE_TYPES = frozenset({"date", "dateTime", "gYear", "gYearMonth"})

#: What someone loses to whoever takes their place ("lost his place to Y").
_PLACES_IN_A_SIDE = frozenset({"place", "position", "spot", "seat", "shirt", "jersey"})
#: Verbs whose indirect object is who gets the direct one ("sent the Commission a
#: response", "offered BT the choice").
_GIVING_VERBS = frozenset({"give", "send", "offer", "hand", "sell", "grant", "award", "pay",
                           "lend", "owe", "promise", "bring", "loan", "issue", "deliver",
                           "write", "show"})
#: Reflexive pronouns, as a verb's object ("found herself in trouble").
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself",
                         "ourselves", "yourself", "yourselves"})
#: Verbs of giving whose thing given is no clause (a promise's is: "promised Gordon
#: Brown he would stand down" is a promise to him).
_CLAUSE_LOSING_VERBS = _GIVING_VERBS - {"promise", "write"}
#: Verbs whose indirect object is whom the thing is got for ("earned Middlesbrough a
#: draw" → earns_draw_for Middlesbrough, not "earns Middlesbrough").
_GETTING_VERBS = frozenset({"earn", "win", "buy", "get", "find", "book", "build", "save"})


def value_relation(relation: str, value: Value) -> str:
    """The name of a relation whose object is a literal: its own datatype property,
    so that one name is never both an object and a datatype property.

    >>> value_relation("ends_in", Value("2060", "gYear"))
    'ends_in_date'
    >>> value_relation("promises", Value("40 million euros"))
    'promises_value'
    """
    return f"{relation}_date" if value.datatype in _DATE_TYPES else f"{relation}_value"


#: Verb particles that an active reading keeps ("snapped up by" → snaps_up).
_PARTICLES = frozenset({"up", "down", "out", "off", "over", "in", "on", "away", "back"})
#: Classes of places inside a country, where no country is.
_INSIDE_COUNTRIES = frozenset({"City", "Place", "Facility"})
#: Rules of an "X is Y" statement, in a main clause or a relative one ("Ben
#: Verwaayen, who is chief executive of BT").
_COPULAS = frozenset({"copula", "relcl"})


def _towns_compete(subject: _Mention, obj: _Mention | Value) -> bool:
    """Whether a contest's sides are towns where the ontology wants agents, each
    standing for its club or team as sport reports write them ("Liverpool beat
    Chelsea", "Edinburgh lost to Glasgow"), the others agents already."""
    sides = [subject, *([obj] if isinstance(obj, _Mention) else [])]
    return any(m.type == "City" for m in sides) and all(
        m.type in _SIDES for m in sides)


#: Classes of what may take a side in a contest, a town standing for its club.
_SIDES = frozenset({"City", "Organization", "Country", "Person", "Group", "Company",
                    "PoliticalParty", "Entity"})


class Resolver(RoleFacts):
    """Resolves statements of one document at a time (reusable across documents):
    their arguments as :class:`~kg.resolve.entities.EntityResolver` does, their
    relations by the ontology, and the facts their roles and noun phrases state.

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
        super().__init__(metonymy=metonymy, ontology=ontology, coreference=coreference)
        self._relations: dict[tuple[str, str, bool], tuple[str, str, RelationInfo, bool]] = {}

    def _statement(self, statement: Statement, index: DocumentIndex) -> _Staged | None:
        """Resolve one statement, or ``None`` when its arguments do not resolve."""
        if statement.object is None:
            return None
        speaker, we = self._voices(statement, index)
        if statement.rule in ROLE_RULES | _COPULAS and statement.lemma == "be":
            held = self._role(statement, index, we=we, speaker=speaker)
            if held is not None:
                return held
        elif statement.lemma != "be":
            held = self._taken_role(statement, index, we=we, speaker=speaker)
            if held is not None:
                return held
        statement = self._place_lost(self._dative_last(statement, index), index)
        if statement.passive and policy.copula_only(statement.lemma):
            # "Bruno's been with France": "'s been" is "has been", no passive of a verb
            statement = replace(statement, passive=False)
        statement, gap = self._relative_gap(statement, index)
        reflexive = any(o.role.lower() in {"obj", "dobj"} and o.text.lower() in _REFLEXIVES
                        for o in statement.objects)
        subject: _Mention | Value | None = None
        # the first object; failing that, a later one that a preposition introduces
        # ("supply [energy] to China" → supplies_to China), as the statement's object
        for position, obj_arg in enumerate(statement.objects):
            if position and obj_arg.role.lower() in _NOT_PREPOSITIONS:
                continue
            if obj_arg.role.lower() in _COMPARISONS and obj_arg.start < statement.subject.start:
                continue  # "Like skipper X, Y failed to recover": no relation to X
            lemma, relation, info, subject_agent = self._relation(
                statement.lemma, obj_arg.role.lower(), statement.passive)
            if reflexive and not info.declared and obj_arg.role.lower() not in (
                    _NOT_PREPOSITIONS):
                continue  # "found herself in trouble early on against Vinci", "describes
                # himself as an average American Joe": what the verb did to its subject
                # is lost from a name of the verb and the preposition
            if gap is not None and not info.declared and obj_arg.role.lower() not in (
                    _NOT_PREPOSITIONS):
                # "the reading I got from him": the noun the clause is about is what
                # the verb took, and stays in the name (gets_reading_from) as an object
                # noun does; with no plain noun ("something I have taken on for
                # Wales"), a name of the verb and the preposition would lose it
                if not gap:
                    continue
                role = obj_arg.role.lower()
                base = statement.lemma.removesuffix(f" {role}")
                lemma, relation, info, subject_agent = self._relation(
                    f"{base} {gap}", role, statement.passive)
                if relation.startswith(f"{POSITION_RELATION}_"):
                    continue  # "a position he holds jointly with X": no one's post
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
            if obj_arg.role.lower() == "with":
                pobj = index.token_at(obj_arg.head_start, obj_arg.head_end)
                if pobj is not None and nominal.absolute_with(pobj):
                    continue  # ", with David Niven in the lead role": no companion
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
            if not position and isinstance(obj, _Mention):
                result = self._result(statement, index)
                if result is not None:
                    # "booted France to victory": boots_to_victory, not boots
                    lemma, relation, info, _ = self._relation(
                        f"{statement.lemma} to {result}", obj_arg.role.lower(),
                        statement.passive)
            if position and not info.declared:
                # "shouted insults at Montezemolo": the noun the verb took stays in
                # the relation's name (shouts_insults_at), as a light verb's must;
                # with no such plain noun, or one with a complement of its own ("had
                # a stab at something ... in Japan", "wrote [a quote] from England",
                # "will have trackers that ..., like BitTorrent"), a name of the
                # verb and the later preposition would lose what the verb took
                # (an amount is no such loss: "paid $5m for Sybari" → pays_for)
                first = index.token_at(statement.objects[0].head_start,
                                       statement.objects[0].head_end)
                noun = nominal.bare_noun_of(first) if first is not None else None
                if noun is not None:
                    lemma, relation, info, _ = self._relation(
                        f"{statement.lemma} {noun}", obj_arg.role.lower(), statement.passive)
                elif first is None or not (nominal.is_amount(first) or first.pos_ in {
                        "PRON", "VERB", "AUX"}) or first.lower_ in _UNNAMED_THINGS:
                    continue  # (nor is a pronoun or a clause: "took him to Ibrox"; but
                    # "threw everything at the French" would read throws_at)
            if isinstance(obj, _Mention) and obj.key == subject.key:
                return None
            if position:
                rest = tuple(o for o in statement.objects if o is not obj_arg)
                statement = replace(statement, lemma=lemma, objects=(obj_arg, *rest))
            if isinstance(obj, Value):
                relation = value_relation(relation, obj)
            elif relation == "is_from":
                whose = index.token_at(statement.subject.head_start,
                                       statement.subject.head_end)
                if whose is not None and nominal.bid_for(whose):
                    return None  # "a £5m offer for Ferguson from Everton": the bidder
                relation = roles.from_body(subject.type, obj.type) or relation
            if isinstance(obj, _Mention) and statement.passive \
                    and obj_arg.role.lower() == "by":
                active = self._active(statement, obj_arg, subject, obj, speaker)
                if active is not None:
                    return active
            if not self.types.allows(relation, subject=subject.type,
                                     object=obj.type if isinstance(obj, _Mention) else None
                                     ) and not self._capital_kept(subject, obj) and not (
                    info.group == "competition" and _towns_compete(subject, obj)):
                return None  # outside the relation's domain or range: a misreading
            if (relation == "located_in" and subject.type == "Country"
                    and isinstance(obj, _Mention) and obj.type in _INSIDE_COUNTRIES):
                return None  # "against Ireland in Cardiff": the match is there
            if (relation == "located_in" and subject.type == "Country"
                    and isinstance(obj, _Mention) and obj.type == "Country"
                    and not subject.key.startswith(f"{obj.key}-")):
                return None  # "Stalin's Russia, Ceausescu's Romania": no country in
                # another, but its parts ("Wales is in the United Kingdom")
            return (statement, subject, relation, obj, speaker)
        return None

    @staticmethod
    def _relative_gap(statement: Statement, index: DocumentIndex) -> tuple[Statement, str | None]:
        """A statement of a relative clause's verb, and the noun the clause is about
        when it is what the verb took (:func:`nominal.relative_gap`: "reading" in "the
        reading I got from him", ``""`` for no plain noun, ``None`` for none left
        out); a preposition stranded after the verb's own object goes with that noun,
        not with the verb, and leaves the statement's lemma ("the surface Hewitt beat
        Federer on": beat, not beat on)."""
        if statement.rule in policy.NOMINAL_RULES or not (
                any(o.role.lower() not in _NOT_PREPOSITIONS for o in statement.objects)
                or " " in statement.lemma) or not index.relative_clause_in(
                    statement.sentence_start, statement.sentence_end):
            return statement, None  # (cheap tests first: most statements have no
            # prepositional object nor stranded word, most sentences no relative clause)
        verb = policy.predicate_token(statement, index.doc)
        found = nominal.relative_gap(verb) if verb is not None else None
        if verb is None or found is None:
            return statement, None
        head, is_object = found
        if is_object:
            return statement, nominal.gap_noun(head) or ""
        words = statement.lemma.split()
        if len(words) > 1 and any(c.lower_ == words[-1] and c.dep_ in {"prt", "prep"}
                                  and not any(True for _ in c.children)
                                  for c in verb.rights):
            strand = " " + words[-1]
            return replace(statement, lemma=statement.lemma.removesuffix(strand),
                           relation=statement.relation.removesuffix(strand)), None
        return statement, None

    def _dative_last(self, statement: Statement, index: DocumentIndex) -> Statement:
        """A verb of giving's indirect object as what the thing given goes to:
        "Vodafone sent the Commission a response" reads sends_response_to the
        Commission, not "sends the Commission" (the noun stays in the relation's
        name, as a light verb's does; with no plain noun, *grants_to*); a verb of
        getting's as whom it is got for ("earned Leeds a draw": earns_draw_for);
        no objects when the thing given is a clause the parser made of it ("awarded
        Hazell his first start" with "start" a verb); other statements as they are."""
        objects = statement.objects
        if (len(objects) < 2 or objects[0].role != "obj" or objects[1].role != "obj"
                or statement.lemma not in _GIVING_VERBS | _GETTING_VERBS):
            return statement
        to = "for" if statement.lemma in _GETTING_VERBS else "to"  # "earned Leeds a draw"
        first = index.token_at(objects[0].head_start, objects[0].head_end)
        second = index.token_at(objects[1].head_start, objects[1].head_end)
        if first is None or second is None or first.pos_ == "ADP":
            return statement
        if (first.dep_ == "dobj" and first.pos_ in {"PROPN", "PRON"} and second.i > first.i
                and second.dep_ != "dobj" and statement.lemma in _CLAUSE_LOSING_VERBS):
            # "awarded Andy Hazell his first Six Nations start" with "start" read as a
            # verb, "showed him how it should be done": the thing given is lost, and a
            # fact naming the verb alone would say he was the thing given
            return replace(statement, objects=())
        if second.dep_ != "dobj" or second.head.i != first.head.i or second.i < first.i:
            return statement
        if first.dep_ != "dative" and not (
                first.dep_ == "dobj" and statement.lemma in _GIVING_VERBS
                and any(c.dep_ in {"det", "poss"} for c in second.children)):
            return statement  # (two objects read as two direct ones: "awarded Tom
            # Reed the best actor prize", as the parser often has it, is a dative too;
            # not "sent Luscombe streaking away", nor a headline's "wins China
            # copyright ruling")
        noun = self._noun(objects[1], index)
        if noun is None:  # "granted Electronic Arts the rights to use his voice": the
            # thing given has no plain noun to name, but goes to the dative all the same
            return replace(statement, objects=(replace(objects[0], role=to),
                                               *objects[1:]))
        return replace(statement, lemma=f"{statement.lemma} {noun}",
                       objects=(replace(objects[0], role=to), objects[1], *objects[2:]))

    @staticmethod
    def _place_lost(statement: Statement, index: DocumentIndex) -> Statement:
        """"X lost his place to Y" read as Y replaces X (in the side, or in a seat:
        "lost her seat to the Liberal Democrats' Y"), not as a defeat (*loses_to*,
        which "lost the final to Y" is); other statements as they are."""
        objects = statement.objects
        if (statement.lemma != "lose" or statement.passive or len(objects) < 2
                or objects[0].role != "obj"):
            return statement
        head = index.token_at(objects[0].head_start, objects[0].head_end)
        if head is None or head.lemma_.lower() not in _PLACES_IN_A_SIDE or not any(
                c.dep_ == "poss" for c in head.children):
            return statement
        taker = next((o for o in objects[1:] if o.role.lower() == "to"), None)
        if taker is None:
            return statement
        subject = replace(statement.subject, role="obj")
        return replace(statement, subject=replace(taker, role="subj"), relation="replaced",
                       lemma="replace", objects=(subject,))

    def _active(self, statement: Statement, agent_arg: Argument, subject: _Mention,
                agent: _Mention, speaker: _Mention | None) -> _Staged | None:
        """A passive with its agent read in the active voice, so that a relation
        has one direction: "Maruti is majority-owned by Suzuki" → Suzuki owns
        Maruti; "Blair was criticised by Howard" → Howard criticizes Blair. ``None``
        when the verb has no active reading the ontology allows for these types."""
        words = statement.lemma.split()
        if words[:1] == ["be"]:
            words = words[1:]
        if words[-1:] == ["by"]:
            words = words[:-1]
        if not (len(words) == 1 or (len(words) == 2 and words[1] in _PARTICLES)):
            return None  # "had been shown to be overstretched by": no one active verb
        lemma = " ".join(words)
        relation = self.ontology.relation_for(lemma, passive=False)
        if relation in policy.UNNAMED_RELATIONS or not self.types.allows(
                relation, subject=agent.type, object=subject.type):
            return None
        rest = tuple(o for o in statement.objects if o is not agent_arg)
        active = replace(statement, subject=agent_arg, objects=(statement.subject, *rest),
                         relation=lemma, lemma=lemma, passive=False)
        return (active, agent, relation, subject, speaker)

    @staticmethod
    def _result(statement: Statement, index: DocumentIndex) -> str | None:
        """The outcome a verb brings its object to, from a later "to" object
        ("booted France to victory" → "victory"), if any."""
        for arg in statement.objects[1:]:
            if arg.role.lower() == "to":
                head = index.token_at(arg.head_start, arg.head_end)
                if head is not None:
                    return nominal.result_of(head)
        return None

    def _noun(self, arg: Argument, index: DocumentIndex) -> str | None:
        """The plain noun an object phrase is about ("insults"), if it is one."""
        head = index.token_at(arg.head_start, arg.head_end)
        return nominal.noun_of(head) if head is not None else None

    def _inner(self, statement: Statement, obj_arg: Argument, index: DocumentIndex, *,
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
        if nominal.absolute_with(pobj):
            return None  # "the next Bond film, with Martin Campbell behind the camera"
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

    def _related(self, statement: Statement, obj_arg: Argument, index: DocumentIndex, *,
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
        owner_arg = token_argument(tokens, "of", head=owner)
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
            if passive and role not in {"by", *_NOT_PREPOSITIONS} and lemma.endswith(" by"):
                full = lemma = lemma[:-3]  # "held by [the US] at Guantanamo": held_at
            if (role not in _NOT_PREPOSITIONS and lemma.split()[-1:] != role.split()[-1:]
                    and not lemma.endswith(" " + role)):
                full = f"{lemma} {role}"  # "end" + "in 2060" → "end in" → ends_in
            relation = self.ontology.relation_for(full, passive=passive)
            info = self.ontology.relation_info(relation)
            # (a town that beats or plays someone is its club or team, not its
            # country: "Cardiff beat Leeds" is no win of Wales)
            subject_agent = (info.group not in {"location", "competition"}
                             and relation.split("_")[0] not in _PLACE_VERBS)
            found = self._relations[key] = (full, relation, info, subject_agent)
        return found

    def resolve(self, statements: Iterable[Statement], doc: Doc, *,
                document_facts: bool = False,
                tokens: DocTokens | None = None) -> list[ResolvedStatement]:
        """Resolve the statements of one parsed document (``doc``, whose text their
        offsets index), keeping those whose subject and first object resolve, with
        the affiliations their roles name.

        ``document_facts`` adds the facts that the document's noun phrases state
        outside any statement given (titles next to names, relatives, "X of ORG"):
        :func:`kg.pipeline.process` asks for them. ``tokens`` is the doc's token
        table when the caller has read it already (for extraction)."""
        index = DocumentIndex(doc, self.gazetteer, tokens=tokens)
        staged: list[_Staged] = []
        groups = self._counted(index)
        for statement in (each for found in statements
                          for each in self._each_member(found, groups)):
            given = self._appointment(statement, index)
            if given:
                staged.extend(given)
                continue
            found = self._statement(statement, index)
            if found is not None:
                staged.append(found)
        if document_facts:
            staged.extend(self._titles(staged, index))
        staged.extend(self._affiliations(staged, index, document_facts=document_facts))
        staged = self._stronger_roles([self._possessive(item, index) for item in staged])

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
            if policy.labels_object(statement, relation):
                relation = "describes"  # "Amnesty has called Camp Delta a scandal"
            elif policy.regards_object(statement, relation):
                relation = "regards"  # "he sees Owen as the ideal replacement"
            elif (isinstance(obj, _Mention) and obj.type == "PoliticalParty"
                  and policy.speaks_for(statement, relation, index.text)):
                relation = "spokesperson_for"  # "Letwin, for the Tories, attacked"
            elif (relation == "travels_to" and statement.lemma.split()[:1] == ["move"]
                  and isinstance(obj, _Mention)
                  and self.types.is_a(obj.type, {"Organization"})
                  and self.types.allows("joins", subject=subject.type, object=obj.type)):
                relation = "joins"  # "he moved to Chelsea from Anderlecht": a transfer
            elif relation == "supplies_to" and statement.lemma.split()[:1] == ["sell"] and (
                    (thing := _direct_object(statement, index)) is not None
                    and nominal.sold_asset(thing)):
                relation = "sells_to"  # "sold its PC division to Lenovo": no supply
            if (relation in roles.STATE_RELATIONS and isinstance(obj, _Mention)
                    and statement.rule not in _NOUN_RULES
                    and roles.act_ended(policy.predicate_token(statement, doc))):
                relation = f"formerly_{relation}"  # "having previously been owned by"
            withheld = policy.withheld_relation(
                relation, object_type=obj.type if isinstance(obj, _Mention) else None
            ) or policy.withheld_role(relation, statement) or policy.withheld_naming(
                relation, statement, doc) or policy.withheld_nominal(
                statement, subject_type=subject.type) or policy.withheld_participle(
                statement, doc) or policy.withheld_resultative(statement, doc) or (
                policy.withheld_misread_verb(
                    statement, doc, declared=self.ontology.relation_info(relation).declared)
            ) or policy.withheld_clause_subject(statement, doc) or (
                policy.withheld_stopped(relation, statement, doc)) or (
                policy.withheld_judged_act(statement, doc)) or (
                policy.withheld_named_pair(statement, doc)) or (
                policy.withheld_alternative(statement, doc)) or (
                policy.withheld_list_order(statement, doc)) or (
                policy.withheld_unclear_pairing(statement, doc))
            if withheld is None and index.ambiguous and (
                    subject.key in index.ambiguous
                    or (isinstance(obj, _Mention) and obj.key in index.ambiguous)):
                withheld = "ambiguous name"  # "Robinson" beside Andy and Jason Robinson
            if withheld is None and not statement.negated and (
                    statement.modality not in HYPOTHETICAL_MODALS):
                withheld = policy.withheld_by_context(statement, doc)
                if withheld == "alleged" and speaker is not None:
                    withheld = None  # a named source's allegation: asserted, as a claim
            if withheld is None and not statement.negated and (
                    statement.modality not in HYPOTHETICAL_MODALS):  # asserted: will_face,
                # was_assistant_to (a statement withheld keeps the name of the act)
                relation = policy.past_state_relation(
                    policy.future_relation(relation, statement), statement)
            out.append(ResolvedStatement(
                statement=statement,
                subject=entity(subject),
                relation=relation,
                object=entity(obj) if isinstance(obj, _Mention) else obj,
                speaker=entity(speaker) if speaker is not None else None,
                withheld=withheld,
            ))
        return out


def _direct_object(statement: Statement, index: DocumentIndex) -> Token | None:
    """The head token of a statement's direct object, if it has one."""
    arg = next((o for o in statement.objects if o.role.lower() in {"obj", "dobj"}), None)
    return index.token_at(arg.head_start, arg.head_end) if arg is not None else None


def resolve(
    statements: Iterable[Statement], doc: Doc, *, metonymy: bool = True,
    document_facts: bool = False,
) -> list[ResolvedStatement]:
    """Resolve one document's statements with a default :class:`Resolver` (see
    :meth:`Resolver.resolve`)."""
    return Resolver(metonymy=metonymy).resolve(statements, doc,
                                               document_facts=document_facts)
