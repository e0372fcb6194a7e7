"""Saved HTML news pages → main text and metadata, through trafilatura.

trafilatura finds the article body (dropping navigation, comments, footers) and the
page's title, date and canonical URL. Each block of the body (paragraph, heading,
list item, quotation) becomes a paragraph of kg's text, separated by blank lines.
Tables, code and images are left out: they are not prose.

>>> page = html_to_page("<html><body><article><h1>Hi</h1><p>" + "Words here. " * 30
...                     + "</p></article></body></html>")                 # doctest: +SKIP
>>> page.text.startswith("Words here.")                                    # doctest: +SKIP
True
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.ingest.clean import cut_boilerplate, parse_date

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["HtmlPage", "html_to_page", "meta_charset"]

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""",
                           re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "head", "item", "list", "quote", "div", "lb"})
_SKIP_TAGS = frozenset({"table", "code", "graphic", "figure", "image"})
_METADATA_FIELDS = ("author", "sitename", "hostname", "description", "language")
_SPACES = re.compile(r"[ \t\u00a0]+")


class HtmlPage(NamedTuple):
    """The main text of a page and its metadata (``None`` where the page has none)."""

    text: str
    title: str | None
    date: str | None
    url: str | None
    metadata: tuple[tuple[str, str], ...]


def meta_charset(data: bytes) -> str | None:
    """The Python codec named by the page's ``<meta charset>``, if any and known.

    >>> meta_charset(b'<head><meta charset="windows-1252"></head>')
    'cp1252'
    >>> meta_charset(b"<p>none</p>") is None
    True
    """
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): a page labelled Latin-1 or ASCII is windows-1252.
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


def _field(result: Any, name: str) -> Any:
    if isinstance(result, dict):
        return result.get(name)
    return getattr(result, name, None)


def _element_text(element: _Element) -> str:
    for lb in element.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    raw = "".join(element.itertext())
    lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def _blocks(element: _Element) -> list[str]:
    """The paragraphs of a trafilatura body element, in order."""
    paragraphs: list[str] = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP_TAGS:
            continue
        nested = any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS - {"lb"} for c in child)
        if tag in ("list", "quote", "div") and nested:
            lead = _SPACES.sub(" ", child.text or "").strip()
            if lead:
                paragraphs.append(lead)
            paragraphs.extend(_blocks(child))
        else:
            text = _element_text(child)
            if text:
                paragraphs.append(text)
    return paragraphs


def html_to_page(html: str, *, url: str | None = None) -> HtmlPage | None:
    """Extract the article of an HTML page; ``None`` if trafilatura finds no main text."""
    from trafilatura import bare_extraction

    result = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    if result is None:
        return None
    body = _field(result, "body")
    if body is not None and len(body):
        paragraphs = _blocks(body)
    else:
        plain = str(_field(result, "text") or "")
        paragraphs = [line.strip() for line in plain.split("\n") if line.strip()]
    title = str(_field(result, "title") or "").strip() or None
    if paragraphs and title and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]
    paragraphs = cut_boilerplate(paragraphs)
    text = "\n\n".join(paragraphs).strip()
    if not text:
        return None
    raw_date = _field(result, "date")
    metadata = tuple(
        (name, str(value).strip())
        for name in _METADATA_FIELDS
        if (value := _field(result, name)) and str(value).strip()
    )
    return HtmlPage(
        text=text,
        title=title,
        date=parse_date(str(raw_date)) if raw_date else None,
        url=str(_field(result, "url") or "").strip() or url,
        metadata=metadata,
    )
