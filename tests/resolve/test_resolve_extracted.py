"""The resolver on the extractor's own output (kg.extract.extract) for the seed article
and a slice of the BBC corpus: invariants, and the facts the project was founded on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib.term import _is_valid_uri
from spacy.tokens import Doc

from kg.namespaces import ENT
from kg.ontology import classes, is_valid_local_name
from kg.resolve import Resolver
from kg.types import Entity, ResolvedStatement, Value

pytestmark = pytest.mark.slow

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "news"


def _extract(doc: Doc) -> list:  # type: ignore[type-arg]
    extract_module = pytest.importorskip("kg.extract")
    if not hasattr(extract_module, "extract"):
        pytest.skip("kg.extract.extract is not there yet")
    return list(extract_module.extract(doc))


def check_invariants(resolved: list[ResolvedStatement]) -> None:
    known = classes()
    by_key: dict[str, Entity] = {}
    for r in resolved:
        assert is_valid_local_name(r.relation), r.relation
        assert r.statement.object is not None
        things: list[Entity | Value | None] = [r.subject, r.object, r.speaker]
        for thing in things:
            if isinstance(thing, Entity):
                assert thing.type in known, thing
                assert _is_valid_uri(str(ENT[quote(thing.key, safe="/")])), thing.key
                assert thing.label and thing.label == thing.label.strip()
                # one key, one entity within a document
                assert by_key.setdefault(thing.key, thing) == thing
        if isinstance(r.object, Entity):
            assert r.object.key != r.subject.key


def test_seed_article(seed_doc: Doc) -> None:
    resolved = Resolver().resolve(_extract(seed_doc), seed_doc)
    check_invariants(resolved)
    triples = {(r.subject.key, r.relation, getattr(r.object, "key", None)) for r in resolved}
    assert ("country/RU", "cooperates_with", "country/CN") in triples
    assert ("person/Vladimir Putin", "urges", "org/NATO") in triples
    types = {e.key: e.type for r in resolved for e in (r.subject, r.object, r.speaker)
             if isinstance(e, Entity)}
    assert types.get("country/RU") == "Country"
    assert types.get("org/NATO") == "InternationalOrganization"
    assert types.get("person/Vladimir Putin") == "Person"
    assert not any(k.startswith("person/Putin") for k in types)


@pytest.mark.skipif(not BBC.exists(), reason=f"{BBC} is absent (../shared not here)")
def test_bbc_sample(parse: Callable[[str], Doc]) -> None:
    paths = sorted(BBC.rglob("*.txt"))[:: max(1, len(list(BBC.rglob("*.txt"))) // 25)][:25]
    assert paths
    total = 0
    for path in paths:
        doc = parse(path.read_text(encoding="utf-8", errors="replace"))
        resolved = Resolver().resolve(_extract(doc), doc)
        check_invariants(resolved)
        total += len(resolved)
    assert total > 0


def test_example_article(parse: Callable[[str], Doc]) -> None:
    import importlib.resources

    text = importlib.resources.files("kg.data").joinpath("example-article.txt").read_text(
        encoding="utf-8")
    doc = parse(text)
    resolved = Resolver().resolve(_extract(doc), doc)
    check_invariants(resolved)
    facts = {(r.subject.key, r.relation, getattr(r.object, "key", None) or
              getattr(r.object, "lexical", None)) for r in resolved}
    # "We are going to share our research stations with Finland," Haugland (Norwegian
    # Minister of Research) told reporters.
    assert ("country/NO", "cooperates_with", "country/FI") in facts
    # "Matti Rautio" is tagged ORG; the title before it makes him a person
    assert ("person/Matti Rautio", "criticizes", "country/RU") in facts
    # only "40 million" is tagged, as a CARDINAL
    assert ("org/European Union", "promises_value", "40 million euros") in facts


SEED = BBC.parents[2] / "data" / "seed-article.txt"


@pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is absent (../shared not here)")
def test_titles_become_positions(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.nlp import parse
    from kg.resolve import POSITION_RELATION

    doc = next(parse([SEED.read_text(encoding="utf-8")], nlp=nlp))
    positions = {(r.subject.label, r.object.lexical)
                 for r in Resolver().resolve(_extract(doc), doc)
                 if r.relation == POSITION_RELATION and isinstance(r.object, Value)}
    assert ("Vladimir Putin", "president of Russia") in positions
    assert ("Dmitry Peskov", "presidential spokesman of Russia") in positions
    assert ("Sergey Ryabkov", "deputy foreign minister") in positions


def test_position_phrases() -> None:
    resolver = Resolver()
    assert resolver.position("Chinese Foreign Minister") == "foreign minister of China"
    assert resolver.position("the French president") == "president of France"
    assert resolver.position("a former coach") == "former coach"
    assert resolver.position("the armed forces") is None
