"""The local engine: kg's stages run in the worker processes that parse the
documents, and give what one process gives."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg.engine import LocalEngine, _batches
from kg.errors import ConfigError
from kg.pipeline import EXAMPLE_ARTICLE, KnowledgeGraph, process_documents
from kg.types import Document
from tests.conftest import BBC

KG = [sys.executable, "-m", "kg"]

#: A quotation whose two paragraphs fall into two parse pieces (the first piece
#: reaches kg.nlp.MAX_CHUNK just before its second paragraph), attributed after it.
QUOTE_ACROSS_PIECES = (
    "".join(f"The committee met on day {i} and discussed the budget at length.\n\n"
            for i in range(76))
    + "\u201cRussia will supply gas to China.\n\n"
      "China will buy more oil from Russia,\u201d Putin said.\n")


def sources() -> list[str]:
    found = [EXAMPLE_ARTICLE]
    if BBC.exists():
        found += [str(p) for p in sorted(BBC.glob("politics/*.txt"))[:4]]
    return found


def canonical(graph: KnowledgeGraph) -> list[bytes]:
    buffer = io.BytesIO()
    graph.export(buffer, "nq")
    return sorted(buffer.getvalue().splitlines())


def test_batches_hold_about_the_characters_asked_and_every_document_once() -> None:
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate([5, 5, 12, 1, 1, 30, 2])]
    batches = list(_batches(docs, 10))
    assert [[d.id for d in b] for b in batches] == [["0", "1"], ["2"], ["3", "4", "5"], ["6"]]


def test_processes_must_be_at_least_one() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        LocalEngine(0)


def test_the_quotation_across_parse_pieces_keeps_its_speaker() -> None:
    from kg.nlp import pieces

    parts = pieces(QUOTE_ACROSS_PIECES)
    assert len(parts) == 2 and parts[1].startswith("China will buy")  # the premise
    document = Document(id="quote", text=QUOTE_ACROSS_PIECES)
    for processes in (1, 2):
        [item] = process_documents([document], processes=processes)
        speakers = {s.relation: s.speaker.text if s.speaker else None for s in item.statements
                    if s.subject.text in {"Russia", "China"}}
        assert speakers == {"will supply": "Putin", "will buy": "Putin"}, processes


def test_two_processes_give_what_one_gives_in_full() -> None:
    from kg.ingest import read

    documents = list(read(sources()))
    one = list(process_documents(documents))
    two = list(process_documents(documents, processes=2))
    assert [i.document.id for i in two] == [d.id for d in documents]  # in order
    assert two == one  # statements, resolved statements and quads


def test_the_main_process_runs_no_stage_with_two_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.stages

    clean = KnowledgeGraph("memory:")
    clean.build(sources())

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a stage ran in the main process")

    monkeypatch.setattr(kg.stages.Stages, "run", refuse)  # the workers are new processes
    graph = KnowledgeGraph("memory:")
    report = graph.build(sources(), processes=2)
    assert report.documents == len(sources()) == clean.report.documents  # type: ignore[union-attr]
    assert report.extractions == clean.report.extractions > 0  # type: ignore[union-attr]
    assert report.statements == clean.report.statements  # type: ignore[union-attr]
    assert canonical(graph) == canonical(clean)
    with pytest.raises(AssertionError, match="main process"):
        KnowledgeGraph("memory:").build(sources(), processes=1)


@pytest.mark.slow
def test_cli_build_with_two_processes_equals_one(tmp_path: Path) -> None:
    stores = {}
    for processes in ("1", "2"):
        store = tmp_path / f"store-{processes}"
        done = subprocess.run([*KG, "build", *sources(), "--store", str(store), "-q",
                               "--processes", processes], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert f"documents loaded {len(sources())}" in " ".join(done.stdout.replace(
            "│", " ").split())
        stores[processes] = sorted(subprocess.run(
            [*KG, "export", "--store", str(store), "--format", "nq"], check=True,
            capture_output=True, text=True).stdout.splitlines())
    assert stores["2"] == stores["1"] and len(stores["1"]) > 100


def test_extract_documents_in_two_processes_equals_one() -> None:
    from kg.pipeline import extract_documents

    one = list(extract_documents(sources()))
    two = list(extract_documents(sources(), processes=2))
    assert [(d.id, s) for d, s in two] == [(d.id, s) for d, s in one]
    assert sum(len(s) for _d, s in one) > 10
