"""Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run``) for :class:`SparqlStore.load
<kg.store.remote.SparqlStore>`.

Loading many graphs over HTTP costs a request per graph; Virtuoso's bulk loader
reads a file on the server's own disk instead, in parallel, many times faster
(README "Speed"). It needs three things the SPARQL protocol does not give:

- a folder that this machine writes and the server reads, listed in the server's
  ``DirsAllowed`` (virtuoso.ini): ``KG_STORE_BULK_DIR``, and, when the server
  sees it under another path (a container's volume, an NFS mount),
  ``KG_STORE_BULK_SERVER_DIR``;
- the server's SQL port (``KG_STORE_SQL``, default the endpoint's host, port 1111)
  and Virtuoso's ``isql`` client on this machine (``KG_STORE_ISQL``, default
  ``isql-vt``, from Debian's ``virtuoso-opensource-7-bin``);
- a user allowed to run the loader (``KG_STORE_USER``/``KG_STORE_PASSWORD``, as for
  any write; ``isql`` takes the password as an argument, so other users of this
  machine can see it in the process list while a load runs).

Each load writes one file under a fresh name, registers it with ``ld_dir``, runs
``rdf_loader_run()`` and a ``checkpoint``, reads the file's row of
``DB.DBA.LOAD_LIST`` (state 2 and no error, or a :class:`~kg.errors.StoreError`
naming the server's message), removes the row and the file. The loader adds
triples (like every :meth:`load`): replacing a graph means dropping it first, as
the pipeline does for each document of a shard.

>>> loader = BulkLoader(folder="/srv/kg-load", sql="db.example.org:1111")
>>> loader.script("/srv/kg-load/kg-bulk-1.nq", "http://kg.example.org/graph/default")
... # doctest: +NORMALIZE_WHITESPACE
"ld_dir('/srv/kg-load', 'kg-bulk-1.nq', 'http://kg.example.org/graph/default');
 rdf_loader_run(); checkpoint;
 SELECT 'kg-bulk-state', ll_state, ll_error FROM DB.DBA.LOAD_LIST
 WHERE ll_file = '/srv/kg-load/kg-bulk-1.nq';
 DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file = '/srv/kg-load/kg-bulk-1.nq';"
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.errors import ConfigError, StoreError

__all__ = ["SUFFIXES", "BulkLoader"]

#: kg's RDF format names that Virtuoso's loader reads → the file suffix it goes by.
SUFFIXES = {"nq": ".nq", "nt": ".nt", "ttl": ".ttl", "trig": ".trig", "xml": ".rdf"}
_UNSAFE = re.compile(r"['\\\x00-\x1f;]")
_STATE = re.compile(r"^kg-bulk-state\s+(\d+)\s+(.*?)\s*$", re.MULTILINE)


def _sql_text(value: str, what: str) -> str:
    """``value`` as an SQL string literal; values that would need escaping are refused."""
    if _UNSAFE.search(value):
        raise ConfigError(f"{what} {value!r} cannot be given to Virtuoso's bulk loader",
                          hint="use a folder and graph IRI without quotes, backslashes, "
                          "semicolons or control characters")
    return f"'{value}'"


@dataclass(frozen=True)
class BulkLoader:
    """Where the files go and how to reach the server's SQL port (see the module)."""

    folder: str
    sql: str
    server_folder: str | None = None
    isql: str = "isql-vt"
    timeout: float = 3600.0

    @classmethod
    def from_env(cls, host: str, env: Mapping[str, str] | None = None) -> BulkLoader | None:
        """The loader ``KG_STORE_BULK_DIR`` asks for (``None`` without it).

        >>> BulkLoader.from_env("h", {"KG_STORE_BULK_DIR": "/d"}).sql
        'h:1111'
        """
        env = os.environ if env is None else env
        folder = env.get("KG_STORE_BULK_DIR")
        if not folder:
            return None
        return cls(folder=folder, sql=env.get("KG_STORE_SQL") or f"{host}:1111",
                   server_folder=env.get("KG_STORE_BULK_SERVER_DIR") or None,
                   isql=env.get("KG_STORE_ISQL") or "isql-vt")

    def script(self, server_file: str, graph: str) -> str:
        """The isql commands that load ``server_file`` (a path as the server sees it)."""
        folder, name = posixpath.split(server_file)
        file_ = _sql_text(server_file, "the file")
        return (f"ld_dir({_sql_text(folder, 'the folder')}, {_sql_text(name, 'the file')}, "
                f"{_sql_text(graph, 'the graph')}); rdf_loader_run(); checkpoint; "
                f"SELECT 'kg-bulk-state', ll_state, ll_error FROM DB.DBA.LOAD_LIST "
                f"WHERE ll_file = {file_}; "
                f"DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file = {file_};")

    def load(self, data: IO[bytes], fmt: str, *, graph: str, user: str | None,
             password: str | None) -> None:
        """Copy ``data`` into the folder, have the server load it into ``graph`` (triples
        of quad formats keep their own graphs), then delete the file."""
        if fmt not in SUFFIXES:
            raise ConfigError(f"Virtuoso's bulk loader cannot read {fmt}",
                              hint="use nq, nt, ttl, trig or xml, or unset KG_STORE_BULK_DIR")
        if user is None:
            raise ConfigError("Virtuoso's bulk loader needs a user",
                              hint="set KG_STORE_USER and KG_STORE_PASSWORD (dba on a new "
                              "server)")
        program = shutil.which(self.isql)
        if program is None:
            raise ConfigError(f"Virtuoso's SQL client {self.isql} is not installed here",
                              hint="install it (Debian: apt-get install "
                              "virtuoso-opensource-7-bin), set KG_STORE_ISQL to its path, or "
                              "unset KG_STORE_BULK_DIR to load over HTTP")
        name = f"kg-bulk-{uuid.uuid4().hex}{SUFFIXES[fmt]}"
        local = Path(self.folder) / name
        server_file = posixpath.join(self.server_folder or self.folder, name)
        script = self.script(server_file, graph)  # refuses unsafe names before writing
        try:
            with local.open("wb") as out:
                shutil.copyfileobj(data, out, 1 << 20)
        except OSError as exc:
            raise StoreError(f"cannot write the bulk-load file {local}: "
                             f"{exc.strerror or exc}",
                             hint="KG_STORE_BULK_DIR must be a folder this machine can write "
                             "and the server can read") from exc
        try:
            self._run(program, script, user, password or "", server_file)
        finally:
            local.unlink(missing_ok=True)

    def _run(self, program: str, script: str, user: str, password: str,
             server_file: str) -> None:
        try:
            done = subprocess.run(
                [program, self.sql, user, password, "VERBOSE=OFF", "BANNER=OFF",
                 "PROMPT=OFF", "ECHO=OFF", f"exec={script}"],
                capture_output=True, text=True, timeout=self.timeout, check=False,
                stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise StoreError(f"Virtuoso's bulk load of {server_file} took more than "
                             f"{self.timeout:g} s", hint="load smaller files") from exc
        text = (done.stdout + "\n" + done.stderr).strip()
        error = next((line for line in text.splitlines() if line.startswith("*** Error")),
                     None)
        if error is not None or done.returncode != 0:
            message = " ".join((error or text).split())[:400]
            hint = ("is KG_STORE_SQL the server's SQL port (virtuoso.ini [Parameters] "
                    "ServerPort)?" if "Connect failed" in message else
                    f"is {posixpath.dirname(server_file)} in the server's DirsAllowed, and "
                    "the server's view of KG_STORE_BULK_DIR (KG_STORE_BULK_SERVER_DIR)?"
                    if "FA003" in message or "access control" in message else
                    "check KG_STORE_USER and KG_STORE_PASSWORD" if "Bad login" in message
                    else "see the server's log")
            raise StoreError(f"Virtuoso's bulk loader failed on {server_file}: {message}",
                             hint=hint)
        state = _STATE.search(done.stdout)
        if state is None:
            raise StoreError(f"Virtuoso's bulk loader did not register {server_file}",
                             hint="check that KG_STORE_BULK_SERVER_DIR is the folder as the "
                             "server sees it")
        if state.group(1) != "2" or state.group(2) not in ("", "NULL"):
            raise StoreError(f"Virtuoso could not load {server_file}: "
                             f"{state.group(2) or 'state ' + state.group(1)}",
                             hint="the data does not parse, or see the server's log")
