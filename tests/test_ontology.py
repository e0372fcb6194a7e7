"""The ontology folder: kg.ttl parses and declares what kg emits; the lexicon and
the fallback relation names."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

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


# ---------------------------------------------------------------------------
# Event classes (CAMEO-style) and quad classes
# ---------------------------------------------------------------------------

CAMEO_ROOTS = {
    "01": ("MakePublicStatement", "VerbalCooperation"),
    "02": ("Appeal", "VerbalCooperation"),
    "03": ("ExpressIntentToCooperate", "VerbalCooperation"),
    "04": ("Consult", "VerbalCooperation"),
    "05": ("EngageInDiplomaticCooperation", "VerbalCooperation"),
    "06": ("EngageInMaterialCooperation", "MaterialCooperation"),
    "07": ("ProvideAid", "MaterialCooperation"),
    "08": ("Yield", "MaterialCooperation"),
    "09": ("Investigate", "VerbalConflict"),
    "10": ("Demand", "VerbalConflict"),
    "11": ("Disapprove", "VerbalConflict"),
    "12": ("Reject", "VerbalConflict"),
    "13": ("Threaten", "VerbalConflict"),
    "14": ("Protest", "MaterialConflict"),
    "15": ("ExhibitForcePosture", "MaterialConflict"),
    "16": ("ReduceRelations", "MaterialConflict"),
    "17": ("Coerce", "MaterialConflict"),
    "18": ("Assault", "MaterialConflict"),
    "19": ("Fight", "MaterialConflict"),
    "20": ("UseUnconventionalMassViolence", "MaterialConflict"),
}


def test_event_scheme_holds_the_cameo_root_categories(onto: Ontology) -> None:
    by_code = {e.code: e for e in onto.events.values() if e.code and len(e.code) == 2}
    assert {code: (e.name, e.quad) for code, e in by_code.items()} == CAMEO_ROOTS
    g = onto.graph
    for code, (name, quad) in CAMEO_ROOTS.items():
        concept = KG[name]
        assert (concept, RDF.type, SKOS.Concept) in g
        assert (concept, SKOS.inScheme, KG.EventScheme) in g
        assert (concept, SKOS.broader, KG[quad]) in g
        assert (KG.EventCategories, SKOS.member, concept) in g
        assert g.value(concept, SKOS.notation) == Literal(code, datatype=KG.CameoCode)
        assert g.value(concept, SKOS.definition) is not None
        assert onto.events[name].cooperation is ("Cooperation" in quad)


def test_quad_classes_sit_on_two_axes(onto: Ontology) -> None:
    g = onto.graph
    assert ontology.QUAD_CLASSES == ("VerbalCooperation", "MaterialCooperation",
                                     "VerbalConflict", "MaterialConflict")
    for number, quad in enumerate(ontology.QUAD_CLASSES, start=1):
        assert (KG.QuadClasses, SKOS.member, KG[quad]) in g
        assert g.value(KG[quad], SKOS.notation) == Literal(str(number), datatype=KG.QuadCode)
        broader = set(g.objects(KG[quad], SKOS.broader))
        kind = KG.CooperationEvent if "Cooperation" in quad else KG.ConflictEvent
        mode = KG.VerbalEvent if quad.startswith("Verbal") else KG.MaterialEvent
        assert broader == {kind, mode}, quad
    tops = set(g.objects(KG.EventScheme, SKOS.hasTopConcept))
    assert tops == {KG.CooperationEvent, KG.ConflictEvent, KG.VerbalEvent, KG.MaterialEvent}
    # the scheme's concepts are not OWL classes of entities, nor relations
    assert not {e for e in onto.events} & (onto.classes | set(onto.relations))


def test_event_relations_link_to_their_category(onto: Ontology) -> None:
    assert relation_info("cooperates_with").event == "EngageInMaterialCooperation"
    expected = {
        "meets_with": "Consult", "negotiates_with": "Consult", "helps": "ProvideAid",
        "threatens": "Threaten", "warns": "Threaten", "sanctions": "ReduceRelations",
        "attacks": "Fight", "arrests": "Coerce", "criticizes": "Disapprove",
        "demands_from": "Demand", "urges": "Appeal", "promises": "ExpressIntentToCooperate",
        "tells": "MakePublicStatement", "supports": "EngageInDiplomaticCooperation",
        "trades_with": "EngageInMaterialCooperation",
    }
    assert {name: relation_info(name).event for name in expected} == expected
    for name, info in onto.relations.items():
        if info.event is not None:
            assert info.event in onto.events, name
            assert onto.events[info.event].quad in ontology.QUAD_CLASSES, name
    # every cooperation or conflict relation is an event on its own side
    for name, info in onto.relations.items():
        if info.group in {"cooperation", "conflict"} and name not in onto.groups:
            if name == "deceives":  # deception is no CAMEO event
                continue
            assert info.event is not None, name
            assert onto.events[info.event].cooperation is (info.group == "cooperation"), name


def test_relations_that_are_not_events_have_no_event_class(onto: Ontology) -> None:
    for name, info in onto.relations.items():
        if info.group in {"location", "affiliation", "competition"}:
            assert info.event is None, name
    for name in ("airlifted_to", "taken_to", "born_in", "holds_position", "related_to"):
        assert ontology.relation_info(name).event is None, name


def test_fallback_relations_get_their_verbs_event_class() -> None:
    assert relation_info("supplies_gas_to").event == "EngageInMaterialCooperation"
    assert relation_info("attacked_by").event == "Fight"
    assert relation_info("warned").event == "Threaten"
    # light verbs and verbs whose listed relations are no events get none
    assert relation_info("has_talks_with").event is None
    assert relation_info("has").event is None
    assert relation_info("joins_in").event is None
    assert relation_info("approaches").event is None


def test_the_rdf_stage_declares_a_fallback_relation_with_its_event_class() -> None:
    from kg.rdf import RELATIONS_GRAPH, document_quads
    from kg.types import Argument, Document, Entity, ResolvedStatement, Statement

    text = "Russia supplies gas to China. Russia approaches China."
    russia = Entity(key="country/RU", label="Russia", type="Country")
    china = Entity(key="country/CN", label="China", type="Country")

    def fact(start: int, end: int, lemma: str, relation: str) -> ResolvedStatement:
        arg = Argument(text="Russia", start=start, end=start + 6, head_start=start,
                       head_end=start + 6)
        statement = Statement(subject=arg, relation=lemma, lemma=lemma, objects=(arg,),
                              sentence=text[start:end], sentence_start=start,
                              sentence_end=end, confidence=0.9, rule="test")
        return ResolvedStatement(statement, russia, relation, china)

    resolved = [fact(0, 29, "supply gas to", "supplies_gas_to"),
                fact(30, 54, "approach", "approaches")]
    quads = set(document_quads(Document(id="d", text=text), resolved,
                               known_relations=ontology.relations()))
    assert (KG.supplies_gas_to, KG.eventClass, KG.EngageInMaterialCooperation,
            RELATIONS_GRAPH) in quads
    assert (KG.supplies_gas_to, RDFS.subPropertyOf, KG.economic, RELATIONS_GRAPH) in quads
    assert not any(q[0] == KG.approaches and q[1] == KG.eventClass for q in quads)


def test_lexicon_property_is_declared(onto: Ontology) -> None:
    g = onto.graph
    assert (KG.lemma, RDFS.subPropertyOf, SKOS.hiddenLabel) in g
    assert (KG.eventClass, RDF.type, OWL.AnnotationProperty) in g


def test_the_store_holds_kgs_lexicon_as_skos_labels() -> None:
    from kg.pipeline import KnowledgeGraph
    from kg.rdf import ONTOLOGY_GRAPH

    graph = KnowledgeGraph("memory:")
    graph._load_ontology()
    rows = graph.store.query(
        f"SELECT ?lemma {{ GRAPH <{ONTOLOGY_GRAPH}> {{ kg:cooperates_with kg:lemma ?lemma }} }}",
        union=False).rows
    lemmas = {str(lemma) for (lemma,) in rows}
    assert {"partner with", "work together with", "cooperate with"} <= lemmas
    # a SKOS reader sees them as hidden labels of the relation
    assert graph.query("""ASK { kg:cooperates_with ?p "team up with"@en .
                                ?p rdfs:subPropertyOf skos:hiddenLabel }""").boolean
    assert len(Ontology().lexicon_ntriples().splitlines()) == len(Ontology().lexicon)
