"""Facts that noun phrases state, read off the document itself: possessives
named by what they state ("Japan's Suzuki" → located_in Japan), relatives and
allies ("his wife Sandra"), homes, bodies based in a place, events with their
place, acts a noun states with its doer ("Chelsea's victory over Arsenal"),
seats on a body, and bodies a number stands for ("all three parties").

The token patterns live in :mod:`kg.resolve.nominal`; this room resolves their
names to entities (with :class:`~kg.resolve.entities.EntityResolver`) and builds
the facts, each with a statement read off its sentence (its rule names the
pattern). :class:`kg.resolve.Resolver` composes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from kg.resolve import nominal, policy, roles
from kg.resolve.document import (
    _CLUB_WORDS,
    _FACILITY_HEADS,
    _HONORIFICS,
    _ORGANIZATION_HEADS,
    DocumentIndex,
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
from kg.resolve.names import (
    TITLE_WORDS,
    clean_mention,
    is_plausible_person,
    organization_type,
)
from kg.types import Argument, Statement

__all__ = ["NounFacts"]

#: Last words of places' and bodies' names, never a person's surname here ("Wembley
#: Stadium", "Stamford Bridge", "Aston Villa").
_NOT_SURNAMES = _FACILITY_HEADS | _ORGANIZATION_HEADS | _CLUB_WORDS | {
    "bridge", "park", "hall", "house", "lane", "gardens", "ground"}
#: Affiliations that say only that someone belongs to a body.
_PLAIN_AFFILIATIONS = frozenset({"works_for", "member_of"})
#: Kin words of a parent, whose child named by a given name alone takes their
#: surname ("Jackie Stallone, mother of actor Sylvester").
_PARENT_KIN = frozenset({"mother", "father"})


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


def _capitalised(doc: Doc, i: int) -> bool:
    """Whether token ``i`` of ``doc`` is a capitalised word (not a sentence's first)."""
    return 0 < i < len(doc) and doc[i].text[:1].isupper() and not doc[i].is_sent_start


class NounFacts(EntityResolver):
    """The facts of noun phrases (see the module's documentation)."""

    def _possessive(self, item: _Staged, index: DocumentIndex) -> _Staged:
        """A possessive's bare "has" named by what it states ("Japan's Suzuki" →
        Suzuki located_in Japan), or the item as it was."""
        statement, subject, relation, obj, speaker = item
        if statement.rule != "poss" or relation != "has" or not isinstance(obj, _Mention):
            return item
        owned = statement.object
        assert owned is not None
        if owned.start - statement.subject.end > 3:
            return item  # "Labour's Robin Cook and ... Paul Tyler": a later conjunct
        if " and " in owned.text:
            return item  # "Barcelona's Ronaldinho and newly-crowned European Footballer
            # of the Year, AC Milan's Andriy Shevchenko": whose is which, unclear
        found = nominal.possessive_relation(subject.type, obj.type, owned.text.split())
        if found is None:
            return item
        if found[0] in {"works_for", "member_of"} and not _surely_person(owned.text):
            return item  # "Honda's Asimo", "Microsoft's Xbox 2": NER's "person"
        if (found[0] == "located_in" and obj.type in {"Organization", "Facility"}
                and obj.entry is None
                and self._person_like(obj.label, index)):
            return item  # "France's Arnaud Clement" tagged an organisation: a player
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

    def _person_like(self, name: str, index: DocumentIndex) -> bool:
        """Whether a name the tagger called an organisation is a person's: two or
        three words that can be a person's, none of them a place or a body the
        gazetteer knows, no word of an organisation's kind, and its last word tagged
        a person's name elsewhere in the document ("France's Arnaud Clement" … "Clement
        won"; not "Moscow's Sovlink Securities"), or standing alone elsewhere, as
        only a surname does ("Ethiopia's Tirunesh Dibaba" … "Dibaba, tagged a place,
        won"; a body goes by its first word or its whole name: "Morgan Stanley")."""
        words = name.split()
        if not (2 <= len(words) <= 3 and is_plausible_person(name)
                and all(w[:1].isupper() for w in words)  # (not "Statue of Liberty")
                and organization_type(name) == "Organization"
                and words[-1].casefold() not in _NOT_SURNAMES
                and not any(self.gazetteer.find(w) for w in words)):
            return False
        if any(ent.label_ == "PERSON" and ent.text.split()[-1] == words[-1]
               for ent in index.ents):
            return True
        doc = index.doc
        return any(t.text == words[-1] and not _capitalised(doc, t.i - 1)
                   and not _capitalised(doc, t.i + 1) for t in doc)

    @staticmethod
    def _stronger_roles(staged: list[_Staged]) -> list[_Staged]:
        """Without a possessive's plain affiliation where a role of the same person
        names a closer one: "BT's chief executive Ben Verwaayen" leads BT, and
        "works for" it says nothing more; "Kasabian's singer Tom Meighan" is a member
        of his band, and works for no one."""
        closer: dict[tuple[str, str], set[str]] = {}
        for statement, subject, relation, obj, _ in staged:
            if statement.rule == roles.AFFILIATION_RULE and isinstance(obj, _Mention):
                closer.setdefault((subject.key, obj.key), set()).add(relation)
        return [item for item in staged
                if not (item[0].rule == "poss" and item[2] in _PLAIN_AFFILIATIONS
                        and isinstance(item[3], _Mention)
                        and closer.get((item[1].key, item[3].key), set()) - {item[2]})]

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

    def _relatives(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"his wife Sandra", "Putin's spokesman Dmitry Peskov", "Alan Milburn, an
        ally of Tony Blair" (:func:`kg.resolve.nominal.relatives`)."""
        doc = index.doc
        for relation, name, other, kin in nominal.relatives(doc, index.tokens):
            name_arg = token_argument(name, "subj")
            other_arg = possessor_argument(other, "obj")
            who = self._argument(name_arg, index, agent=True)
            whom = self._argument(other_arg, index, agent=True)
            if (not isinstance(who, _Mention) or not isinstance(whom, _Mention)
                    or who.type != "Person" or who.key == whom.key):
                continue
            if (kin in nominal.SURNAME_KIN and len(name) == 1 and whom.type == "Person"
                    and (" " not in who.label
                         or who.label.split()[-1] != whom.label.split()[-1])):
                # "Fletcher's daughter Jill", named nowhere in full: Jill Fletcher, not
                # a node "Jill" that no reader can place (nor another Jill the article
                # names: "his son Nick" is Nick Howard, not a Nick Vaughan quoted later)
                who = index.born_to(name[0].text, whom) or who
            elif (kin in _PARENT_KIN and " " not in whom.label and who.type == "Person"
                  and whom.type == "Person"):
                # "Jackie Stallone, mother of actor Sylvester": her son, Sylvester Stallone
                whom = index.born_to(whom.label, who) or whom
            if relation not in {"ally_of", "rival_of", "spokesperson_for", "adviser_to"} \
                    and whom.type != "Person":
                continue
            sent = doc[name[0].i].sent
            words = relation.replace("_", " ")
            statement = read_statement(
                name_arg, words, (other_arg,), sent,
                confidence=0.8, rule="relative")
            yield statement, who, relation, whom, None

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

    def _person_and_place(self, who_arg: Argument, place_arg: Argument,
                          index: DocumentIndex, *, agent: bool
                          ) -> tuple[_Mention, _Mention] | None:
        """The person and the place two arguments name, or ``None`` when they do
        not name a person and a place."""
        who = self._argument(who_arg, index, agent=agent)
        where = self._argument(place_arg, index, agent=False)
        if (not isinstance(who, _Mention) or who.type != "Person"
                or not isinstance(where, _Mention)
                or not self.types.is_a(where.type, {"Place"})):
            return None
        return who, where

    def _homes(self, index: DocumentIndex) -> Iterator[_Staged]:
        """"Mr Kilroy-Silk's Buckinghamshire home": has_home_in
        (:func:`kg.resolve.nominal.homes`)."""
        doc = index.doc
        for owner, place in nominal.homes(doc, index.tokens):
            owner_arg = possessor_argument(owner, "subj")
            place_arg = token_argument(place, "obj")
            found = self._person_and_place(owner_arg, place_arg, index, agent=False)
            if found is None:
                continue
            who, where = found
            sent = doc[owner.i].sent
            statement = read_statement(
                owner_arg, "has home in", (place_arg,), sent, lemma="have home in",
                confidence=0.8, rule="home")
            yield statement, who, "has_home_in", where, None

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
            pair = self._person_and_place(who_arg, place_arg, index, agent=True)
            if pair is None:
                continue
            who, where = pair
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
            people = self._people(index)
            if other.pos_ == "PRON" and not any(
                    m.mention.key == whom.key and m.sent == people.sentence_of(other.i)
                    for m in people.mentions):
                continue  # "him": only someone named in the same sentence
            relation = self.ontology.relation_for(lemma)
            if relation in policy.UNNAMED_RELATIONS or not self.types.allows(
                    relation, subject=doer.type, object=whom.type):
                continue
            sent = doc[owner.i].sent
            statement = read_statement(
                doer_arg, lemma, (other_arg,), sent, confidence=0.7, rule="act_noun")
            yield statement, doer, relation, whom, None

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
