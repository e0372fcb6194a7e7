"""A password in a remote store's URL is used as a credential, never printed."""

from __future__ import annotations

import socket

from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KgError
from kg.store.remote import SparqlStore, redact_uri

runner = CliRunner()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_password_is_taken_out_of_the_url() -> None:
    store = SparqlStore("http://kg:s3cr%40t@127.0.0.1:8890/sparql")
    assert store.uri == "http://127.0.0.1:8890/sparql"
    assert (store.user, store.password) == ("kg", "s3cr@t")
    assert redact_uri("https://a:b@h/x?q=1") == "https://a:***@h/x?q=1"
    assert redact_uri("https://token@h/x") == "https://token@h/x"


def test_errors_never_print_the_password() -> None:
    url = f"http://kg:hunter2@127.0.0.1:{_closed_port()}/sparql"
    store = SparqlStore(url, retries=0, timeout=2)
    try:
        len(store)
    except KgError as exc:
        assert "hunter2" not in str(exc)
    result = runner.invoke(app, ["stats", "--store", url], env={"KG_STORE_TIMEOUT": "2"})
    assert result.exit_code != 0
    assert "hunter2" not in result.output
    bad = runner.invoke(app, ["stats", "--store", "ftp://kg:hunter2@127.0.0.1/x"])
    assert "hunter2" not in bad.output
