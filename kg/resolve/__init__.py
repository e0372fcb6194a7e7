"""Resolve open statements into the knowledge graph's facts: entities, values,
ontology relations, and what roles and noun phrases state.

Where each part lives:

* :mod:`kg.resolve.document`: what is known about one document (its names,
  acronyms, the people it names in full, the kinds it gives names);
* :mod:`kg.resolve.entities`: mentions → entities and values (below);
* :mod:`kg.resolve.coref`: pronouns and descriptions;
* :mod:`kg.resolve.roles`: titles and appositions → ``holds_position`` *and* the
  organisation or country the role names (leads, member_of, works_for,
  plays_for, manages, represents);
* :mod:`kg.resolve.nominal`: facts inside noun phrases (possessives, relatives,
  relation nouns, an entity inside a noun object, kinds of names);
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

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.nlp.tokens import DocTokens
from kg.ontology import Ontology, RelationInfo
from kg.resolve import nominal, policy, roles
from kg.resolve.document import (
    _HONORIFICS,
    DocumentIndex,
    _is_title_word,
    _squash,
)
from kg.resolve.entities import EntityResolver
from kg.resolve.mentions import Mention as _Mention
from kg.resolve.mentions import Staged as _Staged
from kg.resolve.mentions import entry_mention as _entry_mention
from kg.resolve.mentions import (
    possessor_argument,
    read_statement,
    token_argument,
    tokens_text,
)
from kg.resolve.names import TITLE_WORDS, clean_mention
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
#: Relations (by their first word) whose subject is a place, not an actor ("London has").
_PLACE_VERBS = frozenset({"is", "has", "hosts", "lies", "sits", "borders", "contains",
                          "includes", "houses", "remains", "becomes", "located", "situated",
                          "based", "hit", "struck", "affected", "flooded", "bombed", "shelled",
                          "attacked", "visited", "captured", "occupied"})
#: Object roles that are no preposition (a later object with one is not tried).
_NOT_PREPOSITIONS = frozenset({"obj", "dobj", "time", "subj", "", "attr", "oprd", "xcomp",
                               "ccomp", "manner", "purpose", "reason"})

_DATE_TYPES = frozenset({"date", "dateTime", "gYear", "gYearMonth"})

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
#: Words of a title that join names ("Free and Bad Company singer").
_CONNECTORS = frozenset({"and", "of", "&", "for", "the", "de"})
#: Heads that say how someone is seen, not a post they hold.
_NOT_POSITIONS = frozenset({"colleague", "colleagues", "counterpart", "legend", "veteran",
                            "candidate"})
#: Words that make a title an award or a judgement ("best actress").
_EVALUATIVE = frozenset({"best", "favourite", "favorite", "obvious", "worst", "greatest",
                         "only", "brilliant", "great", "good", "excellent", "fantastic",
                         "talented", "past", "first", "last", "top", "leading", "second",
                         "third", "fourth", "another", "other"})
#: Prepositions that end a title and introduce what it names ("leader of").
_TITLE_PREPOSITIONS = frozenset({"of", "at", "for", "with"})


def _surely_person(text: str) -> bool:
    """Whether a possessed name is surely a person's: a title or honorific before
    it ("the EIU's Mr Hensel", "the BBC's correspondent X"), or a first name and a
    surname with no digit ("Microsoft's Mike Coleman").

    >>> _surely_person("Mr Hensel"), _surely_person("Asimo"), _surely_person("Xbox 2")
    (True, False, False)
    """
    words = text.split()
    if any(w.lower().rstrip(".") in _HONORIFICS or w.lower() in TITLE_WORDS for w in words):
        return True
    return len(words) >= 2 and not any(c.isdigit() for c in text)


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
#: Positions that lead a country ("president", "new prime minister").
_NATIONAL_LEADERS = [["president"], ["new", "president"], ["prime", "minister"],
                     ["new", "prime", "minister"], ["premier"]]
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})


class Resolver(EntityResolver):
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
            elif relation == "is_from":
                relation = roles.from_body(subject.type, obj.type) or relation
            if isinstance(obj, _Mention) and statement.passive \
                    and obj_arg.role.lower() == "by":
                active = self._active(statement, obj_arg, subject, obj, speaker)
                if active is not None:
                    return active
            if not self.types.allows(relation, subject=subject.type,
                                     object=obj.type if isinstance(obj, _Mention) else None
                                     ) and not self._capital_kept(subject, obj):
                return None  # outside the relation's domain or range: a misreading
            return (statement, subject, relation, obj, speaker)
        return None

    def _counted(self, index: DocumentIndex) -> dict[int, list[Argument]]:
        """The bodies a number stands for ("all three parties" after Labour, the
        Tories and the Lib Dems were named): the plural noun's character offset → an
        argument for each body, at its first mention; only where the document named
        exactly that many bodies of the class before it
        (:func:`kg.resolve.nominal.counted_groups`)."""
        found: dict[int, list[Argument]] = {}
        for noun, count, cls in nominal.counted_groups(index.doc, index.tokens):
            members: dict[str, Argument] = {}
            sentence = noun.sent.start
            for ent in index.ents:
                if ent.start >= sentence:
                    break  # (the noun's own sentence names the others: "X beat both")
                if ent.label_ not in {"ORG", "GPE", "NORP"}:
                    continue
                mention = self._name(clean_mention(index.tokens.span_text(ent)), ent.label_,
                                     index)
                if mention is None or not self._member_of_class(mention.type, cls):
                    continue
                root = ent.root
                members.setdefault(mention.key, Argument(
                    index.tokens.span_text(ent), ent.start_char, ent.end_char, root.idx,
                    root.idx + len(root), ent.label_, ""))
            if len(members) == count:
                found[noun.idx] = list(members.values())
        return found

    def _member_of_class(self, type_: str, cls: str) -> bool:
        if cls != "Company":
            return self.types.is_a(type_, {cls})
        return self.types.is_a(type_, {"Organization"}) and not self.types.is_a(
            type_, {"PoliticalParty", "GovernmentBody", "InternationalOrganization",
                    "ArmedForce", "MediaOrganization"})

    @staticmethod
    def _each_member(statement: Statement, groups: dict[int, list[Argument]]
                     ) -> Iterator[Statement]:
        """The statement once for each body its subject or first object stands for
        ("wrote to all three parties" → to each party), else as it is."""
        for position, arg in enumerate((statement.subject, *statement.objects[:1])):
            members = groups.get(arg.head_start)
            if members is None:
                continue
            for member in members:
                named = replace(member, role=arg.role)
                if position == 0:
                    yield replace(statement, subject=named)
                else:
                    yield replace(statement, objects=(named, *statement.objects[1:]))
            return
        yield statement

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
            subject_agent = (info.group != "location"
                             and relation.split("_")[0] not in _PLACE_VERBS)
            found = self._relations[key] = (full, relation, info, subject_agent)
        return found

    def _role(self, statement: Statement, index: DocumentIndex, *, we: _Mention | None,
              speaker: _Mention | None) -> _Staged | None:
        """A person's title or apposition as the position they hold:
        "Russian President Vladimir Putin" → holds_position "president of Russia"."""
        assert statement.object is not None
        if statement.rule == "title" and index.kinds.get(index.text[
                min(statement.subject.start, statement.object.start):max(
                    statement.subject.end, statement.object.end)], "Person") != "Person":
            return None  # "Coach Carter, the film": a work's name, no coach
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
        if words and words[0].lower() in _POSSESSIVE_DETERMINERS:
            return None  # "his lawyer": someone's relative, not a post
        head = words[-1].lower().rsplit("-", 1)[-1] if words else ""  # "vice-chairman"
        if (not words or head not in TITLE_WORDS or head in roles.NOT_HEADS - {"chief"}):
            return None  # "a character from cult website TV Go Home": no title
        if tail:
            named = self.gazetteer.find(" ".join(w for w in tail if w.lower() != "the"))
            if named and named[0].kind == "country":
                words = [*words, named[0].label]
        countries: list[str] = []
        kinds: list[tuple[str, str]] = []  # (word, "country" | "name" | "word")
        for word in words:
            lower = word.lower()
            after_name = bool(kinds) and (kinds[-1][1] == "name" or (
                kinds[-1][0] in _CONNECTORS and len(kinds) > 1 and kinds[-2][1] == "name"))
            entry = None if after_name else self.gazetteer.demonym(word)
            if entry is None and word[:1].isupper() and not after_name:
                found = self.gazetteer.find(word)
                entry = found[0] if found and found[0].kind == "country" else None
            if entry is not None:
                countries.append(entry.label)
                kinds.append((word, "country"))
            elif word[:1].isdigit() or (word[:1].isupper() and lower not in TITLE_WORDS
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
            if kind != "name":
                rest.append(word)
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
        if (not kept or all(w in roles.NOT_HEADS for w in kept)
                or kept[-1] in _NOT_POSITIONS or _EVALUATIVE & set(kept)):
            return None  # "the first Scot", "best actress", "former colleague": no post
        title = " ".join(kept)
        return f"{title} of {countries[0]}" if countries else title

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
        if found[0] in {"works_for", "member_of"} and not _surely_person(owned.text):
            return item  # "Honda's Asimo", "Microsoft's Xbox 2": NER's "person"
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
            whole = index.text[min(title_start, name[0].idx):max(
                title_end, name[-1].idx + len(name[-1]))]
            if index.kinds.get(whole, "Person") != "Person":
                continue  # "Coach Carter, the film": a work's name, no coach
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
            if relation == POSITION_RELATION and statement.rule in ROLE_RULES | {
                    TAKEN_ROLE_RULE, GIVEN_ROLE_RULE}:
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

        yield from roles.of_bodies(index.doc, person=person, body=body)
        yield from self._relatives(index)
        yield from self._based(index)
        yield from self._homes(index)
        yield from self._event_places(index)
        yield from self._national_events(index)
        yield from self._acts(index)
        yield from self._seats(index)

    def _seats(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"their positions on the panel of Special Advocates" → member_of, for each
        of the people "their" stands for (:func:`kg.resolve.nominal.seats`)."""
        doc = index.doc
        for owner, body_tokens in nominal.seats(doc, index.tokens):
            body_arg = token_argument(body_tokens, "obj")
            body = self._body(body_arg, index)
            if not isinstance(body, _Mention) or not self.types.is_a(
                    body.type, {"Organization"}):
                continue
            if owner.lower_ in {"their", "them"}:
                holders = self._people(index).listed(owner)
            else:
                found = self._argument(possessor_argument(owner, "subj"), index, agent=True)
                holders = [found] if isinstance(found, _Mention) else []
            owner_arg = possessor_argument(owner, "subj")
            sent = doc[owner.i].sent
            for holder in holders:
                if holder.type != "Person" or not self.types.allows(
                        "member_of", subject=holder.type, object=body.type):
                    continue
                statement = read_statement(owner_arg, "is member of", (body_arg,), sent,
                                           lemma="be member of", confidence=0.7,
                                           rule="seat")
                yield statement, holder, "member_of", body, None

    def _acts(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"Peter Hain's description of him" → Hain describes Howard; "Chelsea's
        victory over Arsenal" → Chelsea beats Arsenal (:func:`kg.resolve.nominal.acts`):
        the relation the verb of the act names, where the ontology allows it."""
        doc = index.doc
        for owner, lemma, other in nominal.acts(doc, index.tokens):
            doer_arg = possessor_argument(owner, "subj")
            other_arg = token_argument(
                [other] if other.pos_ == "PRON" else nominal.name_tokens(other), "obj",
                head=other)
            doer = self._argument(doer_arg, index, agent=True)
            whom = self._argument(other_arg, index, agent=True)
            if (not isinstance(doer, _Mention) or not isinstance(whom, _Mention)
                    or doer.key == whom.key):
                continue
            if other.pos_ == "PRON" and not any(
                    m.mention.key == whom.key and doc[m.start].sent.start == other.sent.start
                    for m in self._people(index).mentions):
                continue  # "him": only someone named in the same sentence
            relation = self.ontology.relation_for(lemma)
            if relation in policy.UNNAMED_RELATIONS or not self.types.allows(
                    relation, subject=doer.type, object=whom.type):
                continue
            sent = doc[owner.i].sent
            statement = read_statement(
                doer_arg, lemma, (other_arg,), sent, confidence=0.7, rule="act_noun")
            yield statement, doer, relation, whom, None

    def _national_events(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"the Rwandan genocide", "the US election": an event located_in the country
        (:func:`kg.resolve.nominal.national_events`)."""
        doc = index.doc
        for noun, word in nominal.national_events(doc, index.tokens):
            country = self.gazetteer.demonym(word.text)
            if country is None:
                found = [e for e in self.gazetteer.find(word.text) if e.kind == "country"]
                country = found[0] if found else None
            if country is None:
                continue
            label = f"{word.text} {noun.lower_}"
            event = _Mention(f"event/{label}", label, "Event", None, label)
            where = _entry_mention(country, word.text)
            if not self.types.allows("located_in", subject="Event", object=where.type):
                continue
            sent = noun.sent
            statement = read_statement(
                token_argument([word, noun], "subj", head=noun), "is in",
                (token_argument([word], "obj"),), sent, lemma="be in", confidence=0.7,
                rule="national_event")
            yield statement, event, "located_in", where, None

    def _event_places(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"Michael Howard spoke at the spring conference in Brighton":
        attends_conference_in (:func:`kg.resolve.nominal.event_places`); an event
        with a name ("the Labour spring conference in Gateshead", "his party's spring
        conference") is an Event the person attends, held_in the place (one named by
        common words only is this document's own)."""
        doc = index.doc
        held: set[str] = set()
        for who_token, noun, place in nominal.event_places(doc, index.tokens):
            event = noun.lower_
            who_arg = token_argument(nominal.name_tokens(who_token), "subj")
            place_arg = token_argument(place, "obj")
            who = self._argument(who_arg, index, agent=True)
            where = self._argument(place_arg, index, agent=False)
            if (not isinstance(who, _Mention) or who.type != "Person"
                    or not isinstance(where, _Mention)
                    or not self.types.is_a(where.type, {"Place"})):
                continue
            sent = doc[who_token.i].sent
            words = f"attends {event} in"
            statement = read_statement(
                who_arg, words, (place_arg,), sent, lemma=f"attend {event} in",
                confidence=0.7, rule="event_place")
            yield statement, who, f"attends_{event}_in", where, None
            found = nominal.event_name(noun)
            if found is None:
                continue
            # "the Labour spring conference in Gateshead": the event itself, and where;
            # one only this document names ("his party's spring conference") is its own
            named, proper = found
            label = tokens_text(named)
            key = f"event/{label}" if proper else f"event/{label}/{index.scope}"
            occasion = _Mention(key, label, "Event", None, label)
            event_arg = token_argument(named, "obj")
            yield (read_statement(who_arg, "attends", (event_arg,), sent, lemma="attend",
                                  confidence=0.7, rule="event_place"),
                   who, "attends", occasion, None)
            if occasion.key not in held:
                held.add(occasion.key)
                yield (read_statement(event_arg, "is held in", (place_arg,), sent,
                                      lemma="be hold in", confidence=0.7,
                                      rule="event_place"),
                       occasion, "held_in", where, None)

    def _homes(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"Mr Kilroy-Silk's Buckinghamshire home": has_home_in
        (:func:`kg.resolve.nominal.homes`)."""
        doc = index.doc
        for owner, place in nominal.homes(doc, index.tokens):
            owner_arg = possessor_argument(owner, "subj")
            place_arg = token_argument(place, "obj")
            who = self._argument(owner_arg, index, agent=False)
            where = self._argument(place_arg, index, agent=False)
            if (not isinstance(who, _Mention) or who.type != "Person"
                    or not isinstance(where, _Mention)
                    or not self.types.is_a(where.type, {"Place"})):
                continue
            sent = doc[owner.i].sent
            statement = read_statement(
                owner_arg, "has home in", (place_arg,), sent, lemma="have home in",
                confidence=0.8, rule="home")
            yield statement, who, "has_home_in", where, None

    def _based(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"Bracknell-based Exel": located_in (:func:`kg.resolve.nominal.based_bodies`)."""
        doc = index.doc
        for name, place in nominal.based_bodies(doc, index.tokens):
            name_arg = token_argument(name, "subj")
            place_arg = token_argument(place, "obj")
            body = self._argument(name_arg, index, agent=False)
            where = self._argument(place_arg, index, agent=False)
            if (not isinstance(body, _Mention) or not isinstance(where, _Mention)
                    or not self.types.is_a(body.type, {"Organization", "Facility"})
                    or not self.types.allows("located_in", subject=body.type,
                                             object=where.type)):
                continue  # (not "Paul Hofheinz of the Lisbon Council, a Brussels-based")
            sent = doc[name[0].i].sent
            statement = read_statement(
                name_arg, "based in", (place_arg,), sent, lemma="base in",
                confidence=0.8, rule="based")
            yield statement, body, "located_in", where, None

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

    def _relatives(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"his wife Sandra", "Putin's spokesman Dmitry Peskov", "Alan Milburn, an
        ally of Tony Blair" (:func:`kg.resolve.nominal.relatives`)."""
        doc = index.doc
        for relation, name, other in nominal.relatives(doc, index.tokens):
            name_arg = token_argument(name, "subj")
            other_arg = possessor_argument(other, "obj")
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
            statement = read_statement(
                name_arg, words, (other_arg,), sent,
                confidence=0.8, rule="relative")
            yield statement, who, relation, whom, None

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
                statement, subject_type=subject.type) or policy.withheld_participle(
                statement, doc)
            if withheld is None and not statement.negated and (
                    statement.modality not in HYPOTHETICAL_MODALS):
                withheld = policy.withheld_by_context(statement, doc)
                if withheld == "alleged" and speaker is not None:
                    withheld = None  # a named source's allegation: asserted, as a claim
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
