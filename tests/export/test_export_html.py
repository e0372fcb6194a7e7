"""The interactive page: self-contained, safe with hostile names, and it draws
something in a real headless browser (Chromium, when installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg.export import generate_html, html_payload, write_html
from kg.graph import annotate, pagerank, to_networkx
from kg.store import Store
from tests.graph import graph_fixtures as fx

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def _data(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page,
                      re.S)
    assert match is not None
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_page_is_self_contained_and_escapes_everything(sample_store: Store) -> None:
    G = annotate(to_networkx(sample_store))
    page = generate_html(G, title='Title </title><script>alert("t")</script>')
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "alert(1)" not in page.split('id="kg-data">')[0]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "&lt;/title&gt;" in page
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}  # type: ignore[attr-defined, index]
    assert {e.label for e in fx.HOSTILE} <= labels
    assert len(data["edges"]) == G.number_of_edges()  # type: ignore[arg-type]
    infos = " ".join(e["info"] for e in data["edges"])  # type: ignore[attr-defined, index]
    assert "Russia keeps cooperating" not in infos  # the first sentence, not the second
    assert "We cooperate with China" in infos


def test_payload_sizes_by_pagerank_and_caps_large_graphs() -> None:
    G = nx.barabasi_albert_graph(300, 2, seed=1)
    for n in G:
        G.nodes[n].update(label=f"node {n}", type="Person" if n % 2 else "Country")
    payload = html_payload(G, max_nodes=50)
    assert payload["shown"] == 50 and payload["total"] == 300
    sizes = {n["label"]: n["size"] for n in payload["nodes"]}  # type: ignore[attr-defined]
    ranks = pagerank(G)
    assert max(sizes, key=sizes.get) == f"node {max(ranks, key=ranks.get)}"
    assert min(sizes.values()) >= 5
    assert "the 50 most central of 300" in generate_html(G, max_nodes=50)


def _screenshot(page: Path, tmp_path: Path) -> tuple[Path, str]:
    assert CHROMIUM is not None
    shot = tmp_path / "shot.png"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--no-first-run",
             "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=820,660",
             "--virtual-time-budget=5000"]
    subprocess.run([*flags, f"--screenshot={shot}", page.as_uri()], capture_output=True,
                   timeout=120, check=False)
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True,
                         timeout=120, check=False)
    return shot, dom.stdout.decode("utf-8", "replace")


@needs_chromium
def test_chromium_draws_the_page_offline(sample_store: Store, tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    write_html(annotate(to_networkx(sample_store)), page)
    shot, dom = _screenshot(page, tmp_path)
    assert 'data-kg-ready="1"' in dom, "the page's script did not run to the end"
    assert "alert(1)" not in dom.split('id="kg-data"')[0]
    assert shot.exists() and shot.stat().st_size > 5000
    Image = pytest.importorskip("PIL.Image", reason="Pillow is not installed")
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        # the canvas area under the toolbar: count pixels that are not the background
        region = rgb.crop((0, 60, width, height))
        background = (250, 250, 250)
        counts = region.getcolors(maxcolors=width * height)
        assert counts is not None
        drawn = sum(count for count, pixel in counts
                    if max(abs(c - b) for c, b in zip(pixel, background, strict=True)) > 40)
        colours = {pixel for _count, pixel in counts}
    assert drawn > 2000, f"only {drawn} drawn pixels: the graph did not render"
    assert (225, 87, 89) in colours or len(colours) > 50  # Country red, or many colours


@needs_chromium
def test_chromium_survives_an_empty_graph(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    write_html(nx.DiGraph(), page)
    _shot, dom = _screenshot(page, tmp_path)
    assert 'data-kg-ready="1"' in dom
