"""Markdown → plain prose, with markdown-it-py (a dependency of Rich, which kg uses).

Every heading, paragraph, list item and block-quote paragraph becomes a paragraph of
its own, separated by a blank line (the parser treats blank lines as sentence
boundaries). Emphasis and link syntax are dropped, keeping the link text; code
blocks, images, raw HTML and tables are dropped (they are not prose). A YAML front
matter block gives ``title`` and ``date``.

>>> markdown_to_text("# Putin *speaks*\\n\\nSee [the report](http://x.org).\\n"
...                  "\\n```\\ncode\\n```\\n")
('Putin speaks\\n\\nSee the report.', {})
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["markdown_to_text"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
# Inline tokens whose own text is kept; every other inline token (markup, images,
# raw HTML) contributes nothing.
_SKIPPED_BLOCKS = frozenset({"table_open"})


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        field = _FRONT_FIELD.match(line)
        if field and field.group(2):
            fields[field.group(1).lower()] = field.group(2).strip("'\"")
    return text[match.end() :], fields


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def markdown_to_text(text: str) -> tuple[str, dict[str, str]]:
    """Plain prose of a Markdown document, and the fields of its front matter.

    Paragraphs are joined with one blank line; the result is stripped.
    """
    body, fields = _front_matter(text)
    paragraphs: list[str] = []
    skip_until: str | None = None
    for token in _parser().parse(body):
        if skip_until is not None:
            if token.type == skip_until:
                skip_until = None
            continue
        if token.type in _SKIPPED_BLOCKS:
            skip_until = token.type.replace("_open", "_close")
            continue
        if token.type == "inline":
            lines = [line.strip() for line in _inline_text(token).split("\n")]
            paragraph = "\n".join(line for line in lines if line)
            if paragraph:
                paragraphs.append(paragraph)
    return "\n\n".join(paragraphs), fields
