"""Issue 15, as a user meets kg: one document once, counts that agree, typos that
get an answer, feedback on long work (README "Words", "Document ids")."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import EXAMPLE_ARTICLE

runner = CliRunner()

TEXTS = {
    "a.txt": "Norway signed a gas treaty with Finland in Oslo. Sweden criticised Norway.",
    "b.txt": "Germany and France cooperate in the security area, the minister said.",
}


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def stats(store: Path) -> dict[str, object]:
    code, output = run("stats", "--store", str(store), "--json")
    assert code == 0, output
    data: dict[str, object] = json.loads(output)
    return data


def documents(store: Path) -> list[str]:
    code, output = run("documents", "--store", str(store))
    assert code == 0, output
    return [line.split("\t")[0] for line in output.splitlines() if line.strip()]


@pytest.fixture()
def biz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "biz"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


# -- 1. one document once ------------------------------------------------------------
def test_the_same_files_from_two_working_folders_are_one_document_each(
        biz: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = biz.parent / "store"
    assert run("build", "biz", "--store", str(store))[0] == 0
    first = stats(store)
    monkeypatch.chdir(biz)
    code, output = run("build", ".", "--store", "../store")
    assert code == 0, output
    assert stats(store) == first
    assert documents(store) == ["biz/a.txt", "biz/b.txt"]
    monkeypatch.chdir(biz.parent.parent)
    assert run("build", str(biz / "a.txt"), "--store", str(store))[0] == 0
    assert stats(store) == first and first["documents"] == 2


def test_no_machine_path_in_any_iri(biz: Path) -> None:
    store = biz.parent / "store"
    assert run("build", str(biz), "--store", str(store))[0] == 0
    code, nquads = run("export", "--store", str(store), "--format", "nq")
    assert code == 0
    iris = {part for line in nquads.splitlines() for part in line.split() if part[0] == "<"}
    assert iris and not [i for i in iris if str(biz.parent) in i or "%2F" + "tmp" in i]


def test_the_same_text_under_two_names_is_loaded_once(biz: Path) -> None:
    store = biz.parent / "store"
    assert run("build", "biz", "--store", str(store))[0] == 0
    before = stats(store)
    copy = biz.parent / "elsewhere"
    copy.mkdir()
    shutil.copy(biz / "a.txt", copy / "renamed.txt")
    code, output = run("build", str(copy), "--store", str(store))
    assert code == 0, output
    assert "the same text as stored document biz/a.txt" in output
    assert "stored under another id, skipped" in output
    assert stats(store) == before
    # and twice in one build
    fresh = biz.parent / "fresh"
    code, output = run("build", "biz", str(copy), "--store", str(fresh))
    assert code == 0, output
    assert stats(fresh)["documents"] == 2


def test_two_files_with_the_same_id_and_different_texts_are_an_error(tmp_path: Path) -> None:
    for top in ("one", "two"):
        (tmp_path / top / "news").mkdir(parents=True)
        (tmp_path / top / "news" / "a.txt").write_text(f"{top.title()} said hello to Norway.")
    code, output = run("build", str(tmp_path / "one" / "news"), str(tmp_path / "two" / "news"),
                       "--store", str(tmp_path / "s"))
    assert code == 2
    assert "same document id 'news/a.txt'" in output
    assert stats(tmp_path / "s")["documents"] == 1


def test_demo_then_a_build_of_the_shipped_article_is_one_document(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("demo", "--store", str(store))[0] == 0
    checkout = tmp_path / "kg" / "data"  # the same file, as a checkout holds it
    checkout.mkdir(parents=True)
    shutil.copy(EXAMPLE_ARTICLE, checkout / "example-article.txt")
    assert run("build", str(checkout / "example-article.txt"), "--store", str(store))[0] == 0
    code, output = run("demo", "--store", str(store))
    assert code == 0
    assert documents(store) == ["data/example-article.txt"]
    assert f"facts in the graph ({stats(store)['facts']})" in output


def test_a_missing_path_makes_no_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, output = run("build", "/nonexistent", "--store", str(store))
    assert code == 2
    assert "no such file or folder: /nonexistent" in output
    assert "loaded" not in output and "documents" not in output
    assert not store.exists()


def test_a_build_that_loads_nothing_does_not_say_the_others_were_loaded(
        tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, output = run("build", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                       "--store", str(tmp_path / "s"))
    assert code == 2
    assert "no document was loaded" in output and "the others were loaded" not in output


# -- 2. counts that agree ------------------------------------------------------------
def test_build_stats_analyze_and_exports_agree(biz: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, built = run("build", "biz", "--store", str(store))
    assert code == 0, built
    counts = stats(store)
    for word in ("documents", "statements", "facts", "entities", "edges"):
        value = counts[word]
        assert isinstance(value, int)
        assert any(line.split("│")[1:3] == [f" {word}", f"{value:,} "] or
                   (word in line and line.rstrip(" │").endswith(f"{value:,}"))
                   for line in built.splitlines() if f" {word} " in line), word
    assert counts["facts"] >= counts["edges"] > 0
    code, output = run("analyze", "--store", str(store), "--json")
    analysis = json.loads(output)
    assert (analysis["nodes"], analysis["edges"]) == (counts["connected_entities"],
                                                      counts["edges"])
    code, text = run("analyze", "--store", str(store))
    assert "connected entities" in text and "statements behind the edges" in text
    for fmt in ("graphml", "html", "dot"):
        code, message = run("export", "--store", str(store), "-f", fmt,
                            "-o", str(tmp_path / f"g.{fmt}"))
        assert code == 0, message
        assert f"{counts['connected_entities']} connected entities, {counts['edges']} edges" \
            in message
    code, message = run("graph-export", "--store", str(store), "-f", "graphml", "--isolates",
                        "-o", str(tmp_path / "all.graphml"))
    if counts["entities"] == counts["connected_entities"]:
        assert f"{counts['entities']} connected entities, {counts['edges']} edges" in message
    else:
        assert (f"{counts['entities']} entities ({counts['connected_entities']} connected), "
                f"{counts['edges']} edges") in message


# -- 4. typos that silently gave nothing ---------------------------------------------
@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("typos") / "store"
    code, output = run("build", EXAMPLE_ARTICLE, "--store", str(path))
    assert code == 0, output
    return str(path)


@pytest.mark.parametrize(("args", "said"), [
    (["--group", "coperation"], "unknown relation group 'coperation' (did you mean cooperation?"),
    (["--type", "Persn"], "unknown entity type 'Persn' (did you mean Person?"),
    (["--relation", "cooperate_with"], "did you mean cooperates_with?"),
])
def test_a_filter_that_names_nothing_is_an_error_with_the_closest_name(
        example: str, tmp_path: Path, args: list[str], said: str) -> None:
    for command in (["graph-export", "-f", "graphml", "-o", str(tmp_path / "g.graphml")],
                    ["analyze"], ["neighbors", "Norway"]):
        code, output = run(*command, "--store", example, *args)
        assert code == 2, (command, output)
        assert said in " ".join(output.split()), (command, output)
        assert "the choices:" in output
    assert not (tmp_path / "g.graphml").exists()
    # the right names still work, kg: prefix and case too
    code, output = run("analyze", "--store", example, "--type", "kg:country",
                       "--group", "Cooperation")
    assert code == 0, output


def test_an_entity_name_with_a_typo_gets_did_you_mean(example: str) -> None:
    code, output = run("path", "Norwy", "Finland", "--store", example)
    assert code == 2
    assert "no entity is called 'Norwy' (did you mean 'Norway'?" in " ".join(output.split())
    code, output = run("neighbors", "Finnland", "--store", example)
    assert code == 2 and "did you mean 'Finland'?" in output


def test_an_undefined_prefix_is_named(example: str) -> None:
    code, output = run("query", "SELECT * { ?s foo:bar ?o }", "--store", example)
    assert code == 5
    assert "prefix foo is not defined" in output
    assert "\\u{" not in output
    code, output = run("query", "SELECT * { ?s ?p ?o", "--store", example)
    assert code == 5 and "at line 1, column" in output and "\\u{" not in output


# -- 5. long work with feedback --------------------------------------------------------
def terminal(monkeypatch: pytest.MonkeyPatch, module: str) -> io.StringIO:
    """Make ``module``'s error console a terminal writing to a buffer."""
    from rich.console import Console

    buffer = io.StringIO()
    monkeypatch.setattr(f"{module}.err", Console(file=buffer, force_terminal=True, width=150))
    return buffer


def test_a_build_shows_the_model_loading_then_a_bar_with_a_total_and_time_left(
        biz: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = terminal(monkeypatch, "kg.cli.build")
    code, output = run("build", "biz", "--store", str(biz.parent / "store"))
    assert code == 0, output
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # colours, cursor
    assert "loading the spaCy model" in shown
    assert "/2 documents" in shown and "elapsed" in shown and "left" in shown
    quiet = terminal(monkeypatch, "kg.cli.build")
    assert run("build", "biz", "--store", str(biz.parent / "q"), "--quiet")[0] == 0
    assert "documents" not in quiet.getvalue()


def test_validate_shows_that_it_is_working(example: str, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    screen = terminal(monkeypatch, "kg.cli.validate")
    code, output = run("validate", "--store", example)
    assert code == 0, output
    assert "validating: " in screen.getvalue()
    assert "conforms" in output


# -- 6. housekeeping ---------------------------------------------------------------------
def test_the_demo_hint_works_without_activating_the_venv(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "venv" / "bin" / "kg"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    monkeypatch.setattr("sys.argv", [str(program), "demo"])
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the venv is not active
    code, output = run("demo", "--store", str(tmp_path / "store"))
    assert code == 0, output
    assert f"{program} query --store" in output
    assert "\nQuery it: kg query" not in output
    from kg.cli.console import kg_command

    monkeypatch.setenv("PATH", str(program.parent))
    program.chmod(0o755)
    assert kg_command(str(program)) == "kg"  # when the venv is active, plain kg


def test_gitignore_covers_what_a_checkout_makes() -> None:
    ignored = (Path(__file__).resolve().parent.parent / ".gitignore").read_text().split()
    for entry in (".venv/", "build/", "kg-store/", "*.egg-info/", "__pycache__/"):
        assert entry in ignored


def test_from_python_a_copy_is_reported_not_loaded(biz: Path) -> None:
    import kg

    (biz.parent / "copy.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    seen: list[tuple[str, str]] = []
    graph = kg.open_graph("memory:")
    report = graph.build([biz, biz.parent / "copy.txt"],
                         on_duplicate=lambda document, other: seen.append((document.id, other)))
    assert (report.documents, report.duplicates) == (2, 1)
    assert seen == [(f"{biz.parent.name}/copy.txt", "biz/a.txt")]
    counts = graph.stats()
    assert counts.documents == 2 and counts.statements == report.statements
