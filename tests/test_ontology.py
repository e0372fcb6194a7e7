"""The ontology folder: kg.ttl parses and declares what kg emits; the lexicon and
the fallback relation names."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import ontology
from kg.namespaces import KG
from kg.ontology import (
    Ontology,
    is_valid_local_name,
    lemma_to_local_name,
    past_participle,
    relation_for,
    relation_info,
    third_person,
)


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return ontology.default_ontology()


def test_turtle_parses_and_names_the_ontology(onto: Ontology) -> None:
    graph = Graph().parse(data=onto.turtle, format="turtle")
    assert (URIRef(ontology.ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph
    assert len(graph) > 300


def test_ontology_folder_is_found(onto: Ontology) -> None:
    assert onto.turtle_path.is_file()
    assert onto.lexicon_path.is_file()
    assert ontology.turtle() == onto.turtle_path.read_text(encoding="utf-8")


def test_ontology_folder_is_an_importable_package() -> None:
    # what a wheel install reads; in a checkout it maps to ontology/
    files = importlib.resources.files("kg._ontology")
    assert files.joinpath("kg.ttl").is_file()
    assert files.joinpath("relations.tsv").is_file()


def test_required_classes_are_declared(onto: Ontology) -> None:
    wanted = {
        "Entity", "Agent", "Person", "Organization", "GovernmentBody",
        "InternationalOrganization", "Company", "ArmedForce", "MediaOrganization",
        "PoliticalParty", "Group", "Place", "Country", "Territory", "City", "Facility",
        "Event", "Product", "Work", "Law", "Language",
    }
    assert wanted <= onto.classes
    assert "Person" in ontology.classes()


def test_classes_are_aligned_with_schema_org(onto: Ontology) -> None:
    schema = "https://schema.org/"
    g = onto.graph
    assert (KG.Person, OWL.equivalentClass, URIRef(schema + "Person")) in g
    assert (KG.Country, OWL.equivalentClass, URIRef(schema + "Country")) in g
    assert (KG.Person, OWL.equivalentClass, URIRef("http://www.wikidata.org/entity/Q5")) in g
    assert (KG.GovernmentBody, RDFS.subClassOf, KG.Organization) in g
    assert (KG.Country, RDFS.subClassOf, KG.Agent) in g


def test_every_class_has_a_label_and_reaches_entity(onto: Ontology) -> None:
    g = onto.graph
    for name in onto.classes:
        assert g.value(KG[name], RDFS.label) is not None, name
        supers = set(g.transitive_objects(KG[name], RDFS.subClassOf))
        assert KG.Entity in supers, name


def test_statement_properties_are_declared(onto: Ontology) -> None:
    g = onto.graph
    for name in ("sentence", "confidence", "rule", "negated", "modality", "tense", "speaker",
                 "asserted", "subjectText", "relationText", "objectText", "contentHash",
                 "source", "relation"):
        assert (KG[name], RDFS.label, None) in g, name
        assert (KG[name], RDFS.comment, None) in g, name
        assert (KG[name], RDF.type, None) in g, name


def test_groups(onto: Ontology) -> None:
    assert {"cooperation", "conflict", "competition", "communication", "movement",
            "economic", "affiliation", "location"} <= onto.groups
    assert relation_info("defeats").group == "competition"
    assert relation_info("cooperates_with").group == "cooperation"
    assert relation_info("attacks").group == "conflict"
    assert relation_info("airlifted_to").group == "movement"
    assert relation_info("cooperation").group == "cooperation"


def test_every_lexicon_relation_is_declared(onto: Ontology) -> None:
    assert len(onto.lexicon) > 150
    for lemma, relation in onto.lexicon.items():
        assert relation in onto.relations, (lemma, relation)
        assert is_valid_local_name(relation)


def test_every_declared_relation_is_grouped_labelled_and_valid(onto: Ontology) -> None:
    for name, info in onto.relations.items():
        assert is_valid_local_name(name), name
        assert info.label, name
        assert info.declared
        if name not in onto.groups and name != ontology.ROOT_RELATION:
            assert info.group in onto.groups, name
            assert (KG[name], RDF.type, OWL.ObjectProperty) in onto.graph


def test_every_declared_relation_is_used_by_the_lexicon(onto: Ontology) -> None:
    used = set(onto.lexicon.values())
    leaves = set(onto.relations) - onto.groups - {ontology.ROOT_RELATION}
    assert leaves <= used, leaves - used


@pytest.mark.parametrize(
    ("lemma", "relation"),
    [
        ("cooperate with", "cooperates_with"),
        ("work together with", "cooperates_with"),
        ("partner with", "cooperates_with"),
        ("engage with", "cooperates_with"),
        ("Cooperate  With", "cooperates_with"),
        ("not cooperate with", "cooperates_with"),
        ("will cooperate with", "cooperates_with"),
        ("also work jointly with", "cooperates_with"),
        ("have partnership with", "cooperates_with"),
        ("urge", "urges"),
        ("represent", "represents"),
        ("expand toward", "expands_toward"),
        ("be airlift to", "airlifted_to"),
        ("be bear in", "born_in"),
        ("supply to", "supplies_to"),
    ],
)
def test_lexicon_lookup(lemma: str, relation: str) -> None:
    assert relation_for(lemma) == relation


def test_passive_flag_with_a_bare_lemma() -> None:
    # the extractor may give the passive as a flag and the lemma without "be"
    assert relation_for("airlift to", passive=True) == "airlifted_to"
    assert relation_for("rush to", passive=True) == "taken_to"
    assert relation_for("deceive", passive=True) == "deceived"
    assert relation_for("tell", passive=True) == "told"
    assert relation_for("put on", passive=True) == "put_on"
    assert relation_for("affect by", passive=True) == "affected_by"
    # active lemma of a listed passive does not become the passive relation
    assert relation_for("send to") == "sends_to"
    assert relation_for("send to", passive=True) == "sent_to"


@pytest.mark.parametrize(
    ("lemma", "name"),
    [
        ("supply gas to", "supplies_gas_to"),
        ("approach", "approaches"),
        ("go on to say", "goes_on_to_say"),
        ("have", "has"),
        ("be", "is"),
        ("do", "does"),
        ("fly over", "flies_over"),
        ("stay in", "stays_in"),
        ("be ready to continue", "is_ready_to_continue"),
        ("be member of", "is_member_of"),
        ("be airlift to", "airlifted_to"),
        ("be stop at", "stopped_at"),
        ("be admit to", "admitted_to"),
        ("be equip with", "equipped_with"),
        ("be visit by", "visited_by"),
        ("be panic", "panicked"),
        ("be free", "is_free"),
        ("must not attack", "attacks"),
        ("co-operate in", "co_operates_in"),
        ("n't end in", "ends_in"),
        ("Ça marche", "cas_marche"),
        ("", "related_to"),
        ("not", "related_to"),
        ("2 go", "r_2s_go"),
        ("hop to increase", "hopes_to_increase"),  # en_core_web_sm's lemma of "hopes"
        ("fin", "fines"),
        ("go to share", "shares"),  # "are going to share": the future of "share"
        ("go to bed", "goes_to_bed"),
    ],
)
def test_fallback_names(lemma: str, name: str) -> None:
    assert lemma_to_local_name(lemma) == name


def test_morphology() -> None:
    assert [third_person(v) for v in ("supply", "watch", "fix", "buzz", "say", "veto")] == [
        "supplies", "watches", "fixes", "buzzes", "says", "vetoes"]
    assert [past_participle(v) for v in ("airlift", "ban", "plan", "prefer", "agree",
                                         "copy", "play", "fight", "seize")] == [
        "airlifted", "banned", "planned", "preferred", "agreed", "copied", "played",
        "fought", "seized"]


def test_fallback_relations_get_their_verbs_group() -> None:
    info = relation_info("supplies_oil_to")
    assert (info.group, info.declared, info.label) == ("economic", False, "supplies oil to")
    assert relation_info("deceived").group == "conflict"
    assert relation_info("approaches").group == ontology.ROOT_RELATION


@given(st.text(max_size=60), st.one_of(st.none(), st.booleans()))
def test_relation_names_are_always_valid(lemma: str, passive: bool | None) -> None:
    name = relation_for(lemma, passive=passive)
    assert is_valid_local_name(name), (lemma, name)
    assert str(KG[name]).startswith(str(KG))


def test_a_custom_ontology_folder(tmp_path: Path, onto: Ontology) -> None:
    (tmp_path / "kg.ttl").write_text(onto.turtle, encoding="utf-8")
    (tmp_path / "relations.tsv").write_text(
        "# mine\nlemma\trelation\nshake hand with\tmeets_with\n", encoding="utf-8")
    mine = Ontology(tmp_path)
    assert mine.relation_for("shake hand with") == "meets_with"
    assert mine.relation_for("cooperate with") == "cooperates_with"  # the fallback agrees
    assert mine.relation_for("partner with") == "partners_with"  # not in this lexicon
    assert mine.classes == onto.classes
