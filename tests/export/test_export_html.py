"""The interactive page: self-contained with its vendored libraries and their
licences, safe with hostile names, offline under its CSP, and in a real headless
browser (Chromium, when installed) it opens on a readable view: no entity without
an edge, labels that do not overlap, legends, and the counts the CLI prints."""

from __future__ import annotations

import fnmatch
import http.server
import json
import re
import shutil
import subprocess
import threading
import tomllib
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest

from kg.export import GraphView, export_graph, generate_html, html_payload, view, write_html
from kg.export.html import CORE_LIMIT, VENDORED, _view, page_graph, view_counts
from kg.graph import annotate, to_networkx
from kg.store import Store
from tests.graph import graph_fixtures as fx

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
REPO = Path(__file__).resolve().parents[2]


def _data(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page,
                      re.S)
    assert match is not None
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def _big_graph() -> nx.DiGraph:
    """A scale-free core with a fringe of pairs and lone entities, typed and classed."""
    core = nx.barabasi_albert_graph(260, 2, seed=3)
    G = nx.DiGraph()
    quads = ["VerbalCooperation", "MaterialConflict", None]
    for u, v in core.edges:
        quad = quads[(u + v) % 3]
        G.add_edge(f"e{u}", f"e{v}", relation="meets_with", weight=1 + (u * v) % 4,
                   sentence=f"E{u} met E{v}.", document=f"doc{u % 7}",
                   **({"quad": quad, "event": "Consult"} if quad else {}))
    for i in range(60):  # pairs, which the core view leaves out
        G.add_edge(f"p{i}a", f"p{i}b", relation="criticizes", weight=1)
    for n in G:
        G.nodes[n].update(label=f"Entity number {n}",
                          type=("Person", "Country", "PoliticalParty", "City")[hash(n) % 4])
    return annotate(G)


def test_page_is_self_contained_and_escapes_everything(sample_store: Store) -> None:
    G = annotate(to_networkx(sample_store))
    page = generate_html(G, title='Title </title><script>alert("t")</script>')
    # the guard, the data, four vendored libraries and kg's script: all inline
    assert page.count("<script") == 7 and page.count("</script>") == 7
    assert "<script src" not in page and "<link" not in page
    assert "alert(1)" not in page.split('id="kg-data">')[0]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp is not None
    assert "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)
    assert "&lt;/title&gt;" in page
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}  # type: ignore[attr-defined, index]
    assert {" ".join(e.label.split()) for e in fx.HOSTILE} <= labels
    assert len(data["edges"]) == G.number_of_edges()  # type: ignore[arg-type]
    sentences = " ".join(ev[0] for e in data["edges"]  # type: ignore[attr-defined]
                         for ev in e["ev"])  # type: ignore[index]
    assert "We cooperate with China" in sentences


def test_vendored_libraries_and_licences_ship() -> None:
    static = resources.files("kg.export") / "static"
    page = generate_html(nx.DiGraph([("a", "b")]))
    for script, licence in VENDORED:
        assert (static / script).is_file() and (static / licence).is_file()
        assert (static / licence).read_text(encoding="utf-8").strip() in page.replace(
            "* /", "*/") or "Permission is hereby granted" in page
    assert page.count("Permission is hereby granted") >= len(VENDORED)
    assert "cytoscape" in (static / "README.md").read_text(encoding="utf-8")
    # the wheel's package data covers every file in static/
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["kg.export"]
    for path in (REPO / "kg" / "export" / "static").iterdir():
        rel = f"static/{path.name}"
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel


def test_the_page_holds_no_entity_cut_off_from_every_edge() -> None:
    G = _big_graph()
    H = page_graph(G, 100)
    assert H.number_of_nodes() <= 100
    assert all(H.degree(n) > 0 for n in H)
    G.add_node("lonely", label="Lonely", type="Person")   # no edge in the graph at all
    assert "lonely" in page_graph(G, 0)


def test_view_counts_and_payload_agree() -> None:
    G = _big_graph()
    counts = view_counts(G, max_nodes=200, view_nodes=80)
    payload = html_payload(G, max_nodes=200, view_nodes=80)
    assert payload["counts"] == {"graph": [G.number_of_nodes(), G.number_of_edges()],
                                 "relations": G.number_of_edges(),
                                 "page": [counts.page_nodes, counts.page_edges],
                                 "shown": [counts.shown_nodes, counts.shown_edges]}
    assert CORE_LIMIT < counts.shown_nodes <= 80
    assert counts.page_nodes > counts.shown_nodes   # the filters can show more
    small = nx.DiGraph([("a", "b"), ("c", "d")])
    assert view_counts(small).shown_nodes == 4   # a small graph is shown whole


def test_export_report_says_what_the_page_shows(sample_store: Store, tmp_path: Path) -> None:
    report = export_graph(sample_store, "html", tmp_path / "g.html", max_nodes=6)
    data = _data((tmp_path / "g.html").read_text(encoding="utf-8"))
    counts = data["counts"]
    # the page draws lines (the relations between two entities merged); the report
    # counts both, in the words of README "Words"
    assert counts["graph"] == [report.nodes, report.lines]  # type: ignore[index]
    assert counts["relations"] == report.edges  # type: ignore[index]
    assert counts["shown"] == [report.drawn_nodes, report.drawn_edges]  # type: ignore[index]
    assert counts["page"] == [report.page_nodes, report.page_edges]  # type: ignore[index]
    # every edge carries its sentences and documents
    assert all(e["ev"] and e["ev"][0][1] for e in data["edges"])  # type: ignore[attr-defined]


def test_notebook_view_is_an_iframe_of_the_same_page(sample_store: Store) -> None:
    shown = view(sample_store, title="notebook", height=500)
    assert isinstance(shown, GraphView)
    frame = shown._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "height:500px" in frame and "&lt;!DOCTYPE html&gt;" in frame
    assert "<script" not in frame   # the page is escaped inside the attribute
    assert "notebook" in repr(shown)
    assert view(nx.DiGraph([("a", "b")])).counts.shown_edges == 1
    cooperation = view(sample_store, group="cooperation")   # the README's example
    assert 0 < cooperation.counts.graph_edges < shown.counts.graph_edges


# -- in a real browser -------------------------------------------------------------


def _chromium(page: Path, tmp_path: Path, *extra: str, shot: Path | None = None) -> str:
    assert CHROMIUM is not None
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--no-first-run",
             "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,900",
             "--virtual-time-budget=10000", *extra]
    if shot is not None:
        subprocess.run([*flags, f"--screenshot={shot}", page.as_uri()], capture_output=True,
                       timeout=180, check=False)
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True,
                         timeout=180, check=False)
    return dom.stdout.decode("utf-8", "replace")


def _body(dom: str) -> dict[str, str]:
    match = re.search(r"<body([^>]*)>", dom)
    assert match is not None, dom[:500]
    return dict(re.findall(r'(data-kg-[a-z-]+)="([^"]*)"', match.group(1)))


@needs_chromium
def test_chromium_opens_a_readable_core(tmp_path: Path) -> None:
    G = _big_graph()
    page = tmp_path / "graph.html"
    write_html(G, page)
    shot = tmp_path / "shot.png"
    dom = _chromium(page, tmp_path, shot=shot)
    body = _body(dom)
    assert body.get("data-kg-ready") == "1", "the page's script did not run to the end"
    counts = view_counts(G)
    assert int(body["data-kg-nodes"]) == counts.shown_nodes  # the script's rule = Python's
    assert int(body["data-kg-edges"]) == counts.shown_edges
    assert body["data-kg-isolated"] == "0"        # no entity without an edge
    assert body["data-kg-label-overlaps"] == "0"
    assert int(body["data-kg-labels"]) >= 10       # the most central are named
    assert not re.search(r"<html[^>]*data-kg-csp-violations", dom)
    # legends for node and edge colours, with their counts
    assert dom.count('class="sw"') >= 4 and dom.count('class="ln"') >= 3
    assert "PoliticalParty" in dom and "VerbalCooperation" in dom
    summary = re.search(r'id="kg-summary">([^<]*)<', dom)
    assert summary is not None and summary.group(1) == counts.sentence()
    Image = pytest.importorskip("PIL.Image", reason="Pillow is not installed")
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        region = rgb.crop((270, 50, width - 330, height))   # the graph, between the panels
        colours = region.getcolors(maxcolors=width * height)
        assert colours is not None
        drawn = sum(count for count, pixel in colours if max(pixel) - min(pixel) > 40
                    or max(pixel) < 200)
    assert drawn > 5000, f"only {drawn} drawn pixels: the graph did not render"


@needs_chromium
def test_chromium_filters_by_the_same_rule(tmp_path: Path) -> None:
    """A view named in the address (here: no MaterialConflict edges, 40 entities)
    shows what Python's rule gives for the same filter."""
    G = _big_graph()
    page = tmp_path / "graph.html"
    write_html(G, page)
    payload = html_payload(G)
    edges = [(e["s"], e["t"]) for e in payload["edges"]  # type: ignore[attr-defined]
             if e.get("quad") != "MaterialConflict"]
    candidates = sorted({x for pair in edges for x in pair})
    shown, kept = _view(candidates, edges, top=40, core=True, isolated=set())
    uri = page.as_uri() + "#hide-events=MaterialConflict&top=40"
    assert CHROMIUM is not None
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                          f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,900",
                          "--virtual-time-budget=10000", "--dump-dom", uri],
                         capture_output=True, timeout=180, check=False).stdout.decode()
    body = _body(dom)
    assert body.get("data-kg-ready") == "1"
    assert (int(body["data-kg-nodes"]), int(body["data-kg-edges"])) == (len(shown), len(kept))
    assert len(shown) == 40 and body["data-kg-isolated"] == "0"
    assert "(filtered)" in dom


@needs_chromium
def test_chromium_draws_the_sample_offline_without_requests(sample_store: Store,
                                                            tmp_path: Path) -> None:
    """Every request the page might make goes to a recording proxy: none arrives
    (the proxy does see the browser's own calls home, so it is listening)."""
    seen: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def _record(self) -> None:
            seen.append(self.requestline)
            self.send_response(404)
            self.end_headers()

        do_GET = do_POST = do_CONNECT = do_HEAD = _record

        def log_message(self, *_args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = tmp_path / "graph.html"
        export_graph(sample_store, "html", page)
        proxy = f"http://127.0.0.1:{server.server_address[1]}"
        dom = _chromium(page, tmp_path, f"--proxy-server={proxy}",
                        "--proxy-bypass-list=<-loopback>")
    finally:
        server.shutdown()
        server.server_close()
    body = _body(dom)
    assert body.get("data-kg-ready") == "1"
    assert int(body["data-kg-nodes"]) == 10 and body["data-kg-isolated"] == "0"
    assert "alert(1)" not in dom.split('id="kg-data"')[0]
    assert not re.search(r"<html[^>]*data-kg-csp-violations", dom)
    # Chromium itself phones Google (time, accounts): that is the browser, not the page
    browser = re.compile(r"\b[\w.-]*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)\b")
    from_page = [line for line in seen if not browser.search(line)]
    assert from_page == [], f"the page made network requests: {from_page}"


@needs_chromium
def test_chromium_survives_an_empty_graph(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    write_html(nx.DiGraph(), page)
    body = _body(_chromium(page, tmp_path))
    assert body.get("data-kg-ready") == "1" and body["data-kg-nodes"] == "0"
