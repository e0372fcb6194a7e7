"""Markdown → prose and saved HTML pages → main text (through trafilatura)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read
from kg.ingest.html import html_to_page, meta_charset
from kg.ingest.markdown import markdown_to_text

MARKDOWN = """\
---
title: "Front matter title"
date: 2024-03-19
---

# Putin: *Russia* and China

Moscow and **Beijing** are [working together](https://example.com/a "x") on `weapons`,
Putin said.

## Security

> "We cooperate," he said.

- Trade topped $100bn
- Energy ties grew

```python
print("not prose")
```

![a photo](photo.jpg)

| a | b |
|---|---|
| 1 | 2 |

A snake_case_word and an escaped \\*star\\*.
"""


def test_markdown_to_text() -> None:
    text, fields = markdown_to_text(MARKDOWN)
    assert fields == {"title": "Front matter title", "date": "2024-03-19"}
    assert text == (
        "Putin: Russia and China\n\n"
        "Moscow and Beijing are working together on weapons,\nPutin said.\n\n"
        "Security\n\n"
        '"We cooperate," he said.\n\n'
        "Trade topped $100bn\n\n"
        "Energy ties grew\n\n"
        "A snake_case_word and an escaped *star*."
    )


def test_markdown_file_through_read(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# Floods hit the north\n\nHeavy rain _flooded_ homes.\n\n"
                    "Share this\n\nRelated articles\n", encoding="utf-8")
    [doc] = list(read([path]))
    assert (doc.title, doc.text) == ("Floods hit the north", "Heavy rain flooded homes.")


def test_markdown_front_matter_wins(tmp_path: Path) -> None:
    path = tmp_path / "fm.markdown"
    path.write_text(MARKDOWN, encoding="utf-8")
    [doc] = list(read([path]))
    assert (doc.title, doc.date) == ("Front matter title", "2024-03-19")
    assert doc.text.startswith("Moscow and Beijing are working together")


def test_markdown_with_only_code_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "code.md"
    path.write_text("```\nx = 1\n```\n", encoding="utf-8")
    errors: list[InputError] = []
    assert list(read([path], on_error=errors.append)) == []
    assert [e.source for e in errors] == [str(path)]
    assert "no prose" in errors[0].message


PARAGRAPHS = [
    "Moscow and Beijing are jointly working to develop state-of-the-art weapons as they "
    "cooperate in the security area, Russian President Vladimir Putin said on Thursday.",
    "\u201cWe cooperate with China in the security area,\u201d he stated during his annual "
    "news conference, adding that China\u2019s armed forces are well equipped.",
    "Trade between the two countries surpassed the pre-pandemic level to top 100 billion "
    "dollars, Putin said. The countries also work together in nuclear energy.",
]

HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Putin: Russia and China developing high-tech weapons | Example News</title>
<meta property="og:title" content="Putin: Russia and China developing high-tech weapons">
<meta property="article:published_time" content="2024-03-19T09:30:00+00:00">
<link rel="canonical" href="https://news.example.com/world/putin-china">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Putin: Russia and China developing high-tech weapons</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<h2>Trade</h2>
<p>{PARAGRAPHS[2]}</p>
</article>
<div class="comments"><h3>Leave a reply</h3><p>Great article, thanks for sharing it!</p></div>
<footer><p>Copyright 2024 Example News. All rights reserved.</p>
<p>Subscribe to our newsletter</p></footer>
</body></html>
"""


def test_html_page_through_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [doc] = list(read([path]))
    assert doc.title == "Putin: Russia and China developing high-tech weapons"
    assert doc.date == "2024-03-19"
    assert doc.url == "https://news.example.com/world/putin-china"
    assert doc.text == "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], "Trade", PARAGRAPHS[2]])
    for junk in ("Home", "Leave a reply", "Great article", "Copyright", "Subscribe"):
        assert junk not in doc.text
    # a page that names its URL is identified by it, wherever the file lies
    assert doc.id == doc.url and doc.source == str(path)


def test_html_declared_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "legacy.htm"
    page = HTML.replace('charset="utf-8"', 'charset="windows-1252"')
    path.write_bytes(page.encode("cp1252"))
    [doc] = list(read([path]))
    assert "\u201cWe cooperate with China" in doc.text


def test_html_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    path = tmp_path / "wrong.html"
    # Mislabelled as Latin-1 (read as cp1252, it would give "Chinaâ€™s"): UTF-8 wins.
    page = HTML.replace('charset="utf-8"', 'charset="iso-8859-1"')
    path.write_bytes(page.replace("\u201c", '"').replace("\u201d", '"').encode("utf-8"))
    [doc] = list(read([path]))
    assert "China\u2019s armed forces" in doc.text


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var x = 1;</script>"
                    "</body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Still read.", encoding="utf-8")
    errors: list[InputError] = []
    docs = list(read([path, tmp_path / "ok.txt"], on_error=errors.append))
    assert [d.text for d in docs] == ["Still read."]
    assert [(e.source, e.message) for e in errors] == [
        (str(path), "no article text found in the HTML page")]


def test_html_share_block_inside_the_article_is_cut() -> None:
    page = HTML.replace("</article>", "<p>Share this article</p><ul><li>Facebook</li>"
                        "<li>Twitter</li></ul><p>Related articles</p></article>")
    result = html_to_page(page)
    assert result is not None
    assert result.text.endswith(PARAGRAPHS[2])


def test_html_to_page_returns_metadata() -> None:
    page = html_to_page(HTML)
    assert page is not None
    assert dict(page.metadata)["hostname"].endswith("example.com")


@pytest.mark.parametrize(
    ("data", "codec"),
    [(b'<meta charset="ISO-8859-1">', "cp1252"),
     (b'<META CHARSET=utf-8>', "utf-8"),
     (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "cp1252"),
     (b'<meta charset="no-such-codec">', None)],
)
def test_meta_charset(data: bytes, codec: str | None) -> None:
    assert meta_charset(data) == codec
