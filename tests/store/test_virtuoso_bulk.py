"""Virtuoso's bulk loader without a server: a stand-in ``isql-vt`` (a shell script)
answers as the real one does, so that every path of kg/store/virtuoso.py runs here.
The real server: tests/store/test_remote_virtuoso.py."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from kg.errors import ConfigError, StoreError
from kg.store.virtuoso import BulkLoader

GRAPH = "http://kg.example.org/graph/default"


def fake_isql(tmp_path: Path, answer: str) -> Path:
    """A program that keeps its arguments and the file it was asked to load, then
    prints ``answer``."""
    program = tmp_path / "isql-fake"
    program.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/args"\n'
        f'cat "{tmp_path}"/load/kg-bulk-* > "{tmp_path}/seen" 2>/dev/null\n'
        f"printf '%s\\n' '{answer}'\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    (tmp_path / "load").mkdir(exist_ok=True)
    return program


def loader(tmp_path: Path, program: Path, **kwargs: str) -> BulkLoader:
    return BulkLoader(folder=str(tmp_path / "load"), sql="db:1111", isql=str(program),
                      **kwargs)


def test_a_load_copies_the_data_runs_the_loader_and_cleans_up(tmp_path: Path) -> None:
    program = fake_isql(tmp_path, "kg-bulk-state  2           NULL")
    data = b'<http://x.org/a> <http://x.org/p> "v" <http://x.org/g> .\n'
    loader(tmp_path, program).load(io.BytesIO(data), "nq", graph=GRAPH, user="dba",
                                   password="secret")
    assert (tmp_path / "seen").read_bytes() == data  # the server's file held the data
    args = (tmp_path / "args").read_text().splitlines()
    assert args[:3] == ["db:1111", "dba", "secret"]
    script = args[-1]
    assert script.startswith(f"exec=ld_dir('{tmp_path}/load', 'kg-bulk-")
    assert f".nq', '{GRAPH}'); rdf_loader_run(); checkpoint;" in script
    assert "DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file = " in script
    assert list((tmp_path / "load").iterdir()) == []


def test_the_server_may_see_the_folder_elsewhere(tmp_path: Path) -> None:
    program = fake_isql(tmp_path, "kg-bulk-state  2           NULL")
    loader(tmp_path, program, server_folder="/data/load").load(
        io.BytesIO(b""), "ttl", graph=GRAPH, user="dba", password="dba")
    script = (tmp_path / "args").read_text().splitlines()[-1]
    assert script.startswith("exec=ld_dir('/data/load', 'kg-bulk-")
    assert ".ttl'" in script


@pytest.mark.parametrize(("answer", "expected"), [
    ("kg-bulk-state  2           37000 [Vectorized Turtle loader] SP029: NQuads RDF loader, "
     "line 1: Unterminated string", r"could not load .*kg-bulk-\w+\.nq: 37000 .*line 1"),
    ("*** Error 42000: [Virtuoso Driver][Virtuoso Server]FA003: Access to '/x' is denied due "
     "to access control in ini file", "DirsAllowed"),
    ("*** Error S2801: [Virtuoso Driver]CL033: Connect failed to db:1111 = db:1111.",
     "KG_STORE_SQL"),
    ("*** Error 28000: [Virtuoso Driver]CL034: Bad login", "KG_STORE_PASSWORD"),
    ("", "did not register .*KG_STORE_BULK_SERVER_DIR"),
])
def test_what_goes_wrong_is_said_with_the_file(tmp_path: Path, answer: str,
                                                expected: str) -> None:
    program = fake_isql(tmp_path, answer)
    with pytest.raises(StoreError, match=expected):
        loader(tmp_path, program).load(io.BytesIO(b"x"), "nq", graph=GRAPH, user="dba",
                                       password="dba")
    assert list((tmp_path / "load").iterdir()) == []  # the file is removed all the same


def test_what_cannot_work_is_refused_before_writing(tmp_path: Path) -> None:
    program = fake_isql(tmp_path, "kg-bulk-state  2           NULL")
    with pytest.raises(ConfigError, match="cannot read jsonld"):
        loader(tmp_path, program).load(io.BytesIO(b"{}"), "jsonld", graph=GRAPH, user="dba",
                                       password="dba")
    with pytest.raises(ConfigError, match="needs a user"):
        loader(tmp_path, program).load(io.BytesIO(b""), "nq", graph=GRAPH, user=None,
                                       password=None)
    with pytest.raises(ConfigError, match="is not installed here"):
        BulkLoader(folder=str(tmp_path), sql="db:1111", isql="no-such-isql").load(
            io.BytesIO(b""), "nq", graph=GRAPH, user="dba", password="dba")
    for folder, graph in (("/srv/it's", GRAPH), ("/srv/load", "http://x.org/a'b"),
                          ("/srv/a;b", GRAPH), ("/srv/a\\b", GRAPH)):
        with pytest.raises(ConfigError, match="cannot be given to Virtuoso's bulk loader"):
            BulkLoader(folder=folder, sql="db:1111").script(f"{folder}/kg-bulk-1.nq", graph)
    assert list((tmp_path / "load").iterdir()) == []


def test_the_environment_turns_it_on() -> None:
    assert BulkLoader.from_env("db", {}) is None
    assert BulkLoader.from_env("db", {"KG_STORE_BULK_DIR": "/l"}) == BulkLoader(
        folder="/l", sql="db:1111")
    assert BulkLoader.from_env("db", {
        "KG_STORE_BULK_DIR": "/l", "KG_STORE_SQL": "sql:2222",
        "KG_STORE_BULK_SERVER_DIR": "/s", "KG_STORE_ISQL": "/opt/isql"}) == BulkLoader(
        folder="/l", sql="sql:2222", server_folder="/s", isql="/opt/isql")
