"""Property: any Unicode text goes through nlp → extract → resolve → RDF without an
exception, and the RDF it gives is valid (it serialises and parses back)."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from kg.pipeline import process_documents
from kg.store import OxigraphStore, write_nquads
from kg.types import Document

WORDS = st.sampled_from([
    "Russia", "China", "NATO", "Putin", "said", "cooperates", "with", "the", "and", "in",
    "was", "airlifted", "to", "Berlin", "he", "not", "may", ",", ".", "“", "”", "'s",
    "<x>", '"q"', "{", "}", "\u202e", "\u200b", "\uff32\uff55\uff53\uff53\uff49\uff41",
    "\n", "\n\n", "\t", "#", "@",
])
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(WORDS, max_size=40).map(" ".join),
)


@settings(deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXT, doc_id=st.text(min_size=1, max_size=30))
def test_any_text_gives_valid_rdf(nlp: object, text: str, doc_id: str) -> None:
    items = list(process_documents([Document(id=doc_id, text=text)]))
    assert len(items) == 1
    buffer = io.BytesIO()
    write_nquads(buffer, items[0].quads)
    data = buffer.getvalue()
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    store = OxigraphStore()
    store.load(data, "nq")
    assert len(store) == len(set(data.splitlines()))
