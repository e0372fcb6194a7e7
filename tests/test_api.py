"""The package's own names stay what the README says they are."""

from __future__ import annotations

import importlib

import kg


def test_kg_extract_stays_the_function_after_a_build() -> None:
    graph = kg.build([kg.EXAMPLE_ARTICLE], store="memory:")
    importlib.import_module("kg.extract.carb")  # importing the stage must not rebind it
    assert graph.report is not None and graph.report.documents == 1
    statements = kg.extract("Russia supplies gas to China.")
    assert [(s.subject.text, s.objects[0].text) for s in statements][:1] == [("Russia", "gas")]
