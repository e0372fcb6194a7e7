"""The resolver on real parsed sentences: the seed article and a few short texts.

Statements are built by hand the way the extractor builds them (see conftest.py),
so these tests pin the resolver, not the extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest
from rdflib.term import _is_valid_uri

from kg.namespaces import ENT
from kg.ontology import classes, is_valid_local_name
from kg.resolve import Resolver, resolve
from kg.types import Entity, ResolvedStatement, Statement, Value

pytestmark = pytest.mark.slow

StatementMaker = Callable[..., Statement]


def one(statements: list[Statement], doc, **options) -> ResolvedStatement:  # type: ignore[no-untyped-def]
    resolved = Resolver(**options).resolve(statements, doc)
    assert len(resolved) == 1, resolved
    return resolved[0]


def entity(x: Entity | Value) -> Entity:
    assert isinstance(x, Entity), x
    return x


# -- the seed article -----------------------------------------------------------------


def test_capitals_as_agents_are_their_countries(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    st = seed("Moscow and Beijing are jointly", "Moscow", "work together with", "Beijing",
              role="with", speaker="Russian President Vladimir Putin")
    r = one([st], seed_doc)
    assert (r.subject.key, r.subject.label, r.subject.type, r.subject.wikidata) == (
        "country/RU", "Russia", "Country", "Q159")
    assert (r.relation, entity(r.object).key, entity(r.object).wikidata) == (
        "cooperates_with", "country/CN", "Q148")
    assert r.speaker is not None
    assert (r.speaker.key, r.speaker.label, r.speaker.type) == (
        "person/Vladimir Putin", "Vladimir Putin", "Person")
    # the capital is no alias of the country
    assert "Moscow" not in r.subject.aliases


def test_metonymy_can_be_switched_off(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    st = seed("Moscow and Beijing are jointly", "Moscow", "work together with", "Beijing",
              role="with")
    r = one([st], seed_doc, metonymy=False)
    assert (r.subject.key, r.subject.type) == ("city/Moscow", "City")
    assert (entity(r.object).key, entity(r.object).type) == ("city/Beijing", "City")
    assert resolve([st], seed_doc, metonymy=False)[0].subject.key == "city/Moscow"


def test_countries_and_a_speaker(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    st = seed("Russia and China engage", "Russia", "engage with", "China", role="with")
    r = one([st], seed_doc)
    assert (r.subject.key, r.subject.type, r.relation) == ("country/RU", "Country",
                                                           "cooperates_with")
    assert entity(r.object).wikidata == "Q148"
    assert r.speaker is None


def test_putin_and_vladimir_putin_are_one_person(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("Earlier, Putin urged NATO", "Putin", "urge", "NATO"),
        seed("Moscow and Beijing are jointly", "Moscow", "work with", "Beijing", role="with",
             speaker="Russian President Vladimir Putin"),
    ]
    first, second = Resolver().resolve(statements, seed_doc)
    assert first.subject.key == "person/Vladimir Putin"
    assert second.speaker is not None and second.speaker.key == first.subject.key
    assert first.subject == second.speaker  # one Entity, aliases gathered over the doc
    assert first.subject.wikidata == "Q7747"
    assert "Putin" in first.subject.aliases


def test_nato_is_an_international_organisation(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    r = one([seed("Earlier, Putin urged NATO", "Putin", "urge", "NATO")], seed_doc)
    nato = entity(r.object)
    assert (nato.key, nato.label, nato.type, nato.wikidata) == (
        "org/NATO", "NATO", "InternationalOrganization", "Q7184")
    assert r.relation == "urges"


def test_the_united_states_and_britain(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    anchor = "Have we approached the borders"
    statements = [
        seed(anchor, "the United States", "approach", "Britain"),
    ]
    r = one(statements, seed_doc)
    assert (r.subject.key, r.subject.label) == ("country/US", "United States")
    assert entity(r.object).key == "country/GB"
    assert "Britain" in entity(r.object).aliases


def test_titles_are_stripped_and_names_merged(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    r = one([seed("Deputy Foreign Minister", "Deputy Foreign Minister Sergey Ryabkov",
                  "represent", "Russia")], seed_doc)
    # no gazetteer entry: the name as the text spells it, titles stripped
    assert (r.subject.key, r.subject.type, r.subject.label) == (
        "person/Sergey Ryabkov", "Person", "Sergey Ryabkov")
    assert r.relation == "represents"


def test_a_name_split_by_the_tagger_is_whole(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    # en_core_web_sm tags "Yury" ORG and "Ushakov" PERSON; "Jake Sullivan Moscow" PERSON
    st = seed("presidential aide Yury", "presidential aide Yury Ushakov", "notify",
              "the US presidential national security advisor Jake Sullivan Moscow",
              object_head="Moscow")
    r = one([st], seed_doc)
    assert (r.subject.key, r.subject.type) == ("person/Yury Ushakov", "Person")
    assert (entity(r.object).key, entity(r.object).type) == ("person/Jake Sullivan", "Person")
    assert r.relation == "informs"


def test_a_glued_place_is_not_a_person(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    # "Moscow" inside the PERSON span "Jake Sullivan Moscow", as its own argument
    st = seed("Jake Sullivan Moscow was", "Moscow", "be prepared to enter into",
              "negotiations on draft security treaties", role="into")
    st2 = seed("Jake Sullivan Moscow was", "Moscow", "need", "Sergey Ryabkov")
    r = one([st, st2], seed_doc)
    assert r.subject.key == "country/RU"


def test_omsk_and_tomsk_are_cities(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("Navalny was rushed", "Navalny", "rush in", "Omsk", role="in", passive=True),
        seed("Navalny was rushed", "Navalny", "fly from", "Tomsk", role="from"),
    ]
    omsk, tomsk = Resolver().resolve(statements, seed_doc)
    assert (entity(omsk.object).key, entity(omsk.object).type) == ("city/Omsk", "City")
    assert (entity(tomsk.object).key, entity(tomsk.object).type) == ("city/Tomsk", "City")
    # "Navalny" (tagged GPE) is the blogger named in full earlier
    assert (omsk.subject.key, omsk.subject.type) == ("person/Alexei Navalny", "Person")
    assert omsk.relation == "rushed_in"


def test_a_possessive_person_tagged_org(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    st = seed("Putin also stated Western", "Alexey Navalny\u2019s", "be defend by", "Putin",
              subject_head="Navalny")
    r = one([st], seed_doc)
    assert (r.subject.key, r.subject.type) == ("person/Alexei Navalny", "Person")
    assert "Alexey Navalny" in r.subject.aliases


def test_airlifted_to_berlin_stays_a_city(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    st = seed("Navalny was rushed", "Navalny", "airlift to", "Berlin", role="to", passive=True)
    r = one([st], seed_doc)
    assert r.relation == "airlifted_to"
    assert (entity(r.object).key, entity(r.object).type) == ("city/Berlin", "City")


def test_a_government_stands_for_its_country(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("On September 2, the German government", "the German government", "accuse",
             "Russia"),
        seed("Russia\u2019s authorities pointed", "Russia\u2019s authorities", "point to",
             "Berlin", role="to"),
    ]
    german, russian = Resolver().resolve(statements, seed_doc)
    assert (german.subject.key, german.relation) == ("country/DE", "accuses")
    assert russian.subject.key == "country/RU"
    off = Resolver(metonymy=False).resolve(statements, seed_doc)
    assert (off[0].subject.key, off[0].subject.type) == ("org/Government of Germany",
                                                         "GovernmentBody")


def test_pronouns_and_junk_are_dropped(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("\u201cWe cooperate [with China]", "We", "cooperate with", "China", role="with"),
        seed("That shouldn\u2019t hurt", "That", "hurt", "carbon neutrality plans"),
        seed("That shouldn\u2019t hurt", "n\u2019t", "hurt", "carbon neutrality plans"),
        seed("Trade between the two", "Trade between the two countries", "surpass",
             "the pre-pandemic level"),
    ]
    assert Resolver().resolve(statements, seed_doc) == []


def test_values_dates_and_money(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("Navalny was rushed", "Navalny", "rush on", "August 20, 2020", role="on",
             passive=True),
        seed("Russia and China engage", "Russia", "reach by", "2060", role="by"),
        seed("Trade between the two", "Putin", "say", "$100 billion"),
        seed("On August 22, he", "he", "airlift on", "August 22", role="on"),
        seed("On December 17, the Russian", "the Russian Foreign Ministry", "make public on",
             "December 17", role="on"),
    ]
    rushed, reach, money, airlifted, ministry = Resolver().resolve(statements, seed_doc)
    assert airlifted.subject.key == "person/Alexei Navalny"  # "he", by coreference
    assert airlifted.object == Value("August 22", None)
    assert rushed.object == Value("2020-08-20", "date")
    assert reach.object == Value("2060", "gYear")
    assert money.object == Value("$100 billion", None)
    assert ministry.object == Value("December 17", None)  # no year: not guessed
    assert (ministry.subject.key, ministry.subject.type) == ("org/Russian Foreign Ministry",
                                                             "GovernmentBody")


def test_statements_without_an_object_or_with_a_self_loop_are_dropped(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("The armed forces of the two countries", "Putin", "note", None),
        seed("Russia and China engage", "Russia", "engage with", "Russia"),
    ]
    assert Resolver().resolve(statements, seed_doc) == []


def test_organisations_from_ner(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    r = one([seed("Asked by a Sky News", "a Sky News correspondent", "ask", "Russia",
                  subject_head="News")], seed_doc)
    assert (r.subject.key, r.subject.type) == ("org/Sky News", "MediaOrganization")


def test_every_resolved_key_makes_a_valid_iri(seed, seed_doc) -> None:  # type: ignore[no-untyped-def]
    statements = [
        seed("Moscow and Beijing are jointly", "Moscow", "work with", "Beijing", role="with"),
        seed("Have we approached", "the United States", "approach", "Britain"),
        seed("On December 17, the Russian", "the Russian Foreign Ministry", "make public on",
             "December 17", role="on"),
        seed("Navalny was rushed", "Navalny", "rush in", "Omsk", role="in", passive=True),
        seed("Putin also stated Western", "Alexey Navalny\u2019s", "be defend by", "Putin",
             subject_head="Navalny"),
    ]
    known = classes()
    for r in Resolver().resolve(statements, seed_doc):
        assert is_valid_local_name(r.relation)
        for e in (r.subject, r.object, r.speaker):
            if isinstance(e, Entity):
                assert e.type in known
                assert _is_valid_uri(str(ENT[quote(e.key, safe="/")])), e.key


# -- short texts ------------------------------------------------------------------------


def test_flying_to_a_capital_is_the_city(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("Vladimir Putin flew to Moscow on Monday. Moscow condemned the attack.")
    flew = m("Vladimir Putin flew", "Vladimir Putin", "fly to", "Moscow", role="to")
    condemned = m("Moscow condemned", "Moscow", "condemn", "the attack")
    r = one([flew], m.doc)
    assert (r.relation, entity(r.object).key, entity(r.object).type) == (
        "travels_to", "city/Moscow", "City")
    assert Resolver().resolve([condemned], m.doc) == []  # "the attack" is no entity


def test_capital_objects_of_agent_relations_are_countries(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("London imposed sanctions on Moscow. Beijing signed a deal with Washington.")
    statements = [
        m("London imposed", "London", "impose sanction on", "Moscow", role="on"),
        m("Beijing signed", "Beijing", "sign deal with", "Washington", role="with"),
    ]
    sanctions, deal = Resolver().resolve(statements, m.doc)
    assert (sanctions.subject.key, sanctions.relation, entity(sanctions.object).key) == (
        "country/GB", "sanctions", "country/RU")
    assert (deal.subject.key, deal.relation, entity(deal.object).key) == (
        "country/CN", "signs_agreement_with", "country/US")


def test_keys_are_stable_across_documents(maker) -> None:  # type: ignore[no-untyped-def]
    a = maker("Mr Putin met Chinese President Xi Jinping in Beijing.")
    b = maker("Russian President Vladimir Putin met Xi in Moscow.")
    ra = one([a("Mr Putin met", "Mr Putin", "meet", "Chinese President Xi Jinping")], a.doc)
    rb = one([b("Russian President", "Russian President Vladimir Putin", "meet", "Xi")], b.doc)
    assert ra.subject.key == rb.subject.key == "person/Vladimir Putin"
    assert entity(ra.object).key == entity(rb.object).key == "person/Xi Jinping"
    assert ra.relation == "meets_with"


def test_same_name_different_types_do_not_merge(maker) -> None:  # type: ignore[no-untyped-def]
    # en_core_web_sm tags the country "Jordan" PERSON here, and the player GPE below
    a = maker("Jordan signed a treaty with Israel.")
    b = maker("Michael Jordan joined the Chicago Bulls. "
              "Jordan scored 30 points against Washington.")
    rt = one([a("Jordan signed", "Jordan", "sign treaty with", "Israel", role="with")], a.doc)
    rp = one([b("Jordan scored", "Jordan", "score against", "Washington", role="against")],
             b.doc)
    assert (rt.subject.key, rt.subject.type, rt.subject.wikidata) == ("country/JO", "Country",
                                                                      "Q810")
    assert (entity(rt.object).key, rt.relation) == ("country/IL", "signs_agreement_with")
    assert (rp.subject.key, rp.subject.type) == ("person/Michael Jordan", "Person")
    assert "Jordan" in rp.subject.aliases


def test_demonym_plural_subject_is_the_country(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("The Russians accused NATO of expansion.")
    r = one([m("The Russians", "The Russians", "accuse", "NATO")], m.doc)
    assert (r.subject.key, r.relation, entity(r.object).key) == (
        "country/RU", "accuses", "org/NATO")
