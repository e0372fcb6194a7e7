"""kg's extractor as a spaCy pipeline component (``nlp.add_pipe("kg_statements")``)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from kg.extract import extract
from kg.extract.component import NAME
from kg.nlp import DEFAULT_MODELS

TEXTS = [
    "Russia supplies gas to China. Putin met Xi in Beijing on Monday.",
    "\u201cWe cooperate with China in the security area,\u201d Putin said.",
    "No statement here",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def own_nlp() -> Language:
    """A pipeline of the user's own (not kg's cached one), with the component added."""
    name = next(m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None)
    nlp = spacy.load(name)
    nlp.add_pipe(NAME, config={"min_confidence": 0.0})
    return nlp


def test_the_factory_is_found_by_name_without_importing_kg() -> None:
    code = ("import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('kg_statements'); "
            "print(nlp.pipe_names, 'kg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.split("]")[0] == "['kg_statements'"
    analysis = spacy.blank("en")
    analysis.add_pipe(NAME)
    meta = analysis.get_pipe_meta(NAME)
    assert meta.assigns == [f"doc._.{NAME}"] and "token.dep" in meta.requires


def test_the_component_puts_what_extract_finds_on_the_doc(own_nlp: Language) -> None:
    for doc in own_nlp.pipe(TEXTS):
        assert doc._.kg_statements == tuple(extract(doc))
    doc = own_nlp(TEXTS[1])
    [speech] = [s for s in doc._.kg_statements if s.relation == "cooperate with"]
    assert speech.speaker is not None and speech.speaker.text == "Putin"


def test_min_confidence_drops_the_weaker_statements(own_nlp: Language) -> None:
    from kg.extract.component import KgStatements

    doc = own_nlp(TEXTS[0] + " " + TEXTS[1])
    every = tuple(extract(doc))
    cut = max(s.confidence for s in every)
    KgStatements(min_confidence=cut)(doc)
    assert doc._.kg_statements == tuple(s for s in every if s.confidence >= cut)
    assert 0 < len(doc._.kg_statements) < len(every)


def test_a_doc_not_through_the_component_has_none(own_nlp: Language) -> None:
    assert own_nlp.make_doc("Russia supplies gas.")._.kg_statements is None


def test_statements_survive_a_docbin_and_worker_processes(own_nlp: Language) -> None:
    from kg.nlp import _spawn_workers

    expected = [own_nlp(text)._.kg_statements for text in TEXTS]
    stored = DocBin(store_user_data=True, docs=[own_nlp(text) for text in TEXTS])
    back = list(DocBin().from_bytes(stored.to_bytes()).get_docs(own_nlp.vocab))
    assert [doc._.kg_statements for doc in back] == expected
    _spawn_workers()  # (forked workers hang on the locks of the store threads of other tests)
    piped = [doc._.kg_statements for doc in own_nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert piped == expected
