"""Plural pronouns, titles and honorifics, and bare surnames linked across documents."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Literal as kg_literal
from rdflib import URIRef

import kg
from kg.namespaces import ENT
from kg.resolve import Resolver
from kg.resolve.crossdoc import surname_links, surname_of
from kg.types import Entity

pytestmark = pytest.mark.slow


def resolve_one(m, *args, **kwargs):  # type: ignore[no-untyped-def]
    resolved = Resolver().resolve([m(*args, **kwargs)], m.doc)
    assert len(resolved) <= 1
    return resolved[0] if resolved else None


# -- "they" -------------------------------------------------------------------------


def test_they_is_the_one_organisation_before_it(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("The Green Party met in Leeds on Monday. They criticised Greenpeace.")
    r = resolve_one(m, "They criticised", "They", "criticise", "Greenpeace")
    assert r is not None
    assert (r.subject.key, r.relation) == ("org/Green Party", "criticizes")
    assert "They" not in r.subject.aliases


def test_they_is_left_alone_when_a_plural_noun_could_be_meant(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("The Green Party said ministers had failed. They criticised Greenpeace.")
    assert resolve_one(m, "They criticised", "They", "criticise", "Greenpeace") is None


def test_they_is_no_single_person(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("Mr Hollis spoke in Leeds on Monday. They criticised Greenpeace.")
    assert resolve_one(m, "They criticised", "They", "criticise", "Greenpeace") is None


def test_they_with_two_organisations_is_the_subject(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("The Green Party attacked Greenpeace on Monday. They also criticised NATO.")
    r = resolve_one(m, "They also", "They", "criticise", "NATO")
    assert r is not None and r.subject.key == "org/Green Party"


# -- names after titles and honorifics ------------------------------------------------


def test_a_peer_is_a_person_named_with_the_title(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("Lord Haskins criticised Greenpeace in a speech.")
    r = resolve_one(m, "Lord Haskins", "Lord Haskins", "criticise", "Greenpeace")
    assert r is not None
    assert (r.subject.label, r.subject.type) == ("Lord Haskins", "Person")


def test_the_name_after_a_title_is_the_person(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("Yorkshire Chief Constable Alan Pettigrew criticised Greenpeace on Friday.")
    r = resolve_one(m, "Yorkshire Chief", "Yorkshire Chief Constable Alan Pettigrew",
                    "criticise", "Greenpeace", subject_head="Pettigrew")
    assert r is not None
    assert (r.subject.key, r.subject.type) == ("person/Alan Pettigrew", "Person")


def test_a_broadcasters_programme_is_a_work(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("Mr Hollis praised BBC Radio 4's Woman's Hour on Monday.")
    r = resolve_one(m, "Mr Hollis", "Mr Hollis", "praise", "BBC Radio 4's Woman's Hour",
                    object_head="Hour")
    assert r is not None and isinstance(r.object, Entity)
    assert (r.object.key, r.object.type) == ("work/Woman's Hour", "Work")


def test_a_bare_surname_is_scoped_to_its_document(maker) -> None:  # type: ignore[no-untyped-def]
    m = maker("Mr Hollis criticised Greenpeace on Monday.")
    r = resolve_one(m, "Mr Hollis", "Mr Hollis", "criticise", "Greenpeace")
    assert r is not None
    assert r.subject.key.startswith("person/Hollis/") and r.subject.label == "Hollis"
    assert surname_of(ENT + r.subject.key.replace(" ", "_")) == "Hollis"


# -- across documents -----------------------------------------------------------------


def test_one_full_name_links_a_surname_two_do_not() -> None:
    links = surname_links([
        (ENT + "person/Anna_Korhonen", "Anna Korhonen"),
        (ENT + "person/Korhonen/0123456789", "Korhonen"),
        (ENT + "person/Virtanen/0123456789", "Virtanen"),
        (ENT + "person/Aino_Virtanen", "Aino Virtanen"),
        (ENT + "person/Pekka_Virtanen", "Pekka Virtanen"),
        (ENT + "person/Laine/0123456789", "Laine"),
    ])
    assert links == {ENT + "person/Korhonen/0123456789": ENT + "person/Anna_Korhonen"}


def _build(folder: Path, texts: dict[str, str], order: list[str]) -> list[bytes]:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    graph = kg.build([str(folder / name) for name in order], store="memory:")
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    graph.close()
    return sorted(buffer.getvalue().splitlines())


def _mentions(nquads: list[bytes], name: str) -> set[str]:
    return {line.split()[2].decode() for line in nquads
            if b"schema.org/mentions" in line and name.encode() in line}


def test_a_surname_takes_the_one_full_name_of_the_batch(tmp_path: Path) -> None:
    texts = {
        "a.txt": "Anna Korhonen criticised Greenpeace on Monday.\n",
        "b.txt": "Ms Korhonen praised NATO on Tuesday.\n",
        "c.txt": "Mr Virtanen praised NATO on Tuesday.\n",
        "d.txt": "Aino Virtanen criticised Greenpeace. Pekka Virtanen praised the UN.\n",
    }
    forward = _build(tmp_path / "news", texts, ["a.txt", "b.txt", "c.txt", "d.txt"])
    backward = _build(tmp_path / "news", texts, ["d.txt", "c.txt", "b.txt", "a.txt"])
    assert forward == backward  # the same graph whatever the order
    assert _mentions(forward, "Korhonen") == {f"<{ENT}person/Anna_Korhonen>"}
    virtanen = _mentions(forward, "Virtanen")  # two Virtanens: Mr Virtanen stays apart
    assert f"<{ENT}person/Aino_Virtanen>" in virtanen
    assert f"<{ENT}person/Pekka_Virtanen>" in virtanen
    assert any(surname_of(iri.strip("<>")) == "Virtanen" for iri in virtanen)
    assert not any(b"person/Korhonen/" in line for line in forward)


# -- across real articles -------------------------------------------------------------


def test_a_person_is_one_iri_across_bbc_politics_articles() -> None:
    from tests.conftest import BBC
    from tests.test_validate import POLITICS

    if not BBC.exists():
        pytest.skip(f"{BBC} is absent (../shared/data/bbc-news)")
    graph = kg.build([str(BBC / "politics" / f"{name}.txt") for name in POLITICS],
                     store="memory:")
    rows = graph.query("""
        SELECT ?e (COUNT(DISTINCT ?d) AS ?docs) {
          ?d schema:mentions ?e . ?e a kg:Person ; rdfs:label ?label .
          FILTER(STRENDS(?label, ?surname))
        } GROUP BY ?e""", surname=kg_literal("Blair")).rows
    # Tony Blair, named in full or as "Mr Blair" in four articles: one IRI
    assert [(str(e), int(n)) for e, n in rows] == [(ENT + "person/Tony_Blair", 4)]
    rows = graph.query("""SELECT (COUNT(DISTINCT ?d) AS ?docs) { ?d schema:mentions ?e }""",
                       e=URIRef(ENT + "person/Michael_Howard")).rows
    assert int(rows[0][0]) >= 3
