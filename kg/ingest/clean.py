"""Scraped-page cleaning: a leading date line and title line become metadata, and the
comment-form / subscription / share block at the end of the page is cut off.

The rules are deliberately conservative, because every character offset in kg
indexes into the cleaned text and body text must never be lost:

* a **date line** is a whole line that is only a full date (day, month and year;
  "Tuesday, March 19, 2024", "19 March 2024", "2024-03-19", "Published: 3 May 2023");
* a **title line** is a short line that stands alone as a paragraph, has no
  sentence-final period (an ellipsis is fine), and has body text after it (it may
  come before or after the date line);
* the **trailing block** starts at the first whole line matching one of
  :data:`BOILERPLATE_PATTERNS` after which every line is another such marker or a
  short headline-like line (no sentence-final punctuation): a related-articles list
  is cut, a paragraph of the article after a stray "Subscribe" line is kept.

>>> page = clean_page("Tuesday, March 19, 2024\\n\\nPutin speaks\\n\\nHe spoke.\\n\\n"
...                   "LEAVE A REPLY\\nPlease enter your comment!")
>>> page.date, page.title, page.text
('2024-03-19', 'Putin speaks', 'He spoke.')
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

__all__ = [
    "BOILERPLATE_PATTERNS",
    "CleanPage",
    "clean_page",
    "cut_boilerplate",
    "is_boilerplate",
    "parse_date",
]

# Appended to a marker with free text in it, so that a sentence of the article that
# happens to start like a marker ("Read also the report.") is not one.
_NOT_A_SENTENCE = r"(?<![.!?])"

#: Whole-line markers of web boilerplate (case-insensitive regular expressions, matched
#: against a line with surrounding bullets, arrows and colons removed). The first such
#: line of the trailing block is where the article ends.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    # comment forms
    r"leave a (reply|comment|response)( cancel reply)?",
    r"(post|add|write|submit|join) (a |your |the )?(comment|discussion|conversation)s?",
    r"(\d+ )?comments?( \(\d+\))?",
    r"(no|show|view|load|read|hide) (all )?(comments?|responses?)( yet)?",
    r"comments are closed\.?",
    r"please enter your (comment|name|e-?mail( address)?)( here)?[.!]?",
    r"you have entered an incorrect e-?mail address[.!]?",
    r"please enter it here[.!]?",
    r"you must be (logged|signed) in to post a comment\.?",
    r"save my name,? e-?mail,? and website in this browser for the next time i comment\.?",
    r"(your )?e-?mail address will not be published\.?( required fields are marked \*?\.?)?",
    r"required fields are marked \*?\.?",
    # subscription and newsletters
    r"subscribe( now| today| here| for free)?!?",
    r"subscribe (to|for) .{1,80}" + _NOT_A_SENTENCE,
    r"(sign up|register) (for|to) .{0,60}newsletters?.{0,40}" + _NOT_A_SENTENCE,
    r"(get )?(our |the )?(daily |weekly |free )?newsletters?",
    # share bars
    r"share( this| the)?( article| story| post| page| on| via)?( (facebook|twitter|x|e-?mail))?",
    r"(share|tweet|post) (on|via|to) .{1,40}" + _NOT_A_SENTENCE,
    r"facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|e-?mail|print|copy link|tweet",
    r"follow us( on .{1,40})?" + _NOT_A_SENTENCE,
    # related content
    r"related( articles?| stories| posts?| news| content| coverage| topics| reading| links)?",
    r"(more|other|latest|recent|popular|recommended|trending|top) "
    r"(articles|stories|news|posts|videos|headlines)( from .{1,60})?" + _NOT_A_SENTENCE,
    r"more (on|about) this (story|topic)",
    r"(read|see) (more|next|also)(:? .{0,100})?" + _NOT_A_SENTENCE,
    r"also read(:? .{0,100})?" + _NOT_A_SENTENCE,
    r"(you may|you might|we think you.ll) (also )?(like|enjoy|be interested in).{0,60}"
    + _NOT_A_SENTENCE,
    r"recommended( for you)?",
    r"most (read|popular|viewed|shared|watched)",
    r"(previous|next) (article|post|story)",
    r"about the author",
    # cookie and captcha notices
    r"(this (web)?site|we) uses? cookies.{0,200}",
    r".{0,100}\b(accept|reject|manage) (all )?cookies\b.{0,100}" + _NOT_A_SENTENCE,
    r"cookie (policy|settings|preferences|consent|notice).{0,100}",
    r"(the )?recaptcha verification period has expired\.?( please reload the page\.?)?",
    r"this (site|page|form) is protected by recaptcha.{0,200}",
    r"recaptcha( required)?",
    # page furniture
    r"(©|\(c\)|copyright ©?)\s*(\d{4}|©).{0,150}",
    r"©.{0,150}",
    r"((©|\(c\)|copyright|\d{4}).{0,120}[.,|]\s*)?all rights reserved\.?",
    r"(tags?|filed under|categories|topics)\s*:.{0,200}",
    r"advertisement|sponsored( content)?",
    r"((sign|log) ?in( to .{1,40})?|register)" + _NOT_A_SENTENCE,
    r"loading( comments)?(\.\.\.|…)?",
)

_MARKERS = tuple(re.compile(p, re.IGNORECASE) for p in BOILERPLATE_PATTERNS)
_MARKER_MAX_LEN = 250
# Bullets, arrows and rules around a marker ("\u203a Subscribe", "\u00bb Share this:").
_DECORATION = (
    " \t\u00a0\u203a\u00bb\u00ab\u2039\u2192\u2190\u2022\u00b7|*>#=_~\u2013\u2014:-"
)
_TAIL_MAX_LINES = 60

_TITLE_MAX_LEN = 150
_TITLE_MAX_WORDS = 25
_SENTENCE_END = (".", "!", "?", "…")
_TITLE_BAD_END = (".", ",", ";", ":")
_ELLIPSIS = ("...", "\u2026")  # "My memories of Marley..." is a headline
_CLOSERS = "\"'\u201d\u2019)]\u00bb"

_BYLINE = re.compile(r"(?:By|BY|by)\s+[A-Z]")  # "By Sarah Rainsford, BBC News" is not a title

_DATE_MAX_LEN = 60
_DATE_PREFIX = re.compile(
    r"^(published|updated|last updated|posted|date|dated)(\s+on)?\s*:?\s*", re.IGNORECASE
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


class CleanPage(NamedTuple):
    """The cleaned body of a page and the metadata found on its first lines."""

    text: str
    title: str | None
    date: str | None


def parse_date(value: str) -> str | None:
    """The ISO date (YYYY-MM-DD) that ``value`` states in full, else ``None``.

    A full date has a four-digit year, a month and a day; a time and a leading
    "Published:"/"Updated:" are allowed.

    >>> parse_date("Tuesday, March 19, 2024")
    '2024-03-19'
    >>> parse_date("Published: 19 Mar 2024, 14:05 GMT")
    '2024-03-19'
    >>> parse_date("March 2024") is None, parse_date("Putin said so") is None
    (True, True)
    """
    from dateutil import parser

    text = _DATE_PREFIX.sub("", value.strip())
    if not text or len(text) > _DATE_MAX_LEN or not _YEAR.search(text):
        return None
    found = []
    for default in _DEFAULTS:
        try:
            found.append(parser.parse(text, default=default).date())
        except (ValueError, OverflowError):
            return None
    if found[0] != found[1]:  # a part of the date was missing and filled from the default
        return None
    return found[0].isoformat()


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is a web-page boilerplate marker (:data:`BOILERPLATE_PATTERNS`).

    >>> is_boilerplate("\u203a Subscribe"), is_boilerplate("LEAVE A REPLY")
    (True, True)
    >>> is_boilerplate("Putin said he would subscribe to the plan.")
    False
    """
    core = line.strip().strip(_DECORATION).strip()
    if not core or len(core) > _MARKER_MAX_LEN:
        return False
    core = " ".join(core.split())
    return any(marker.fullmatch(core) for marker in _MARKERS)


def _ends_sentence(line: str) -> bool:
    return line.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _headline_like(line: str) -> bool:
    """A short line that is not a sentence: a link text, a name, a heading."""
    stripped = line.strip()
    return len(stripped) <= _TITLE_MAX_LEN and not _ends_sentence(stripped)


def cut_boilerplate(lines: list[str]) -> list[str]:
    """``lines`` without the trailing boilerplate block (see the module docstring).

    >>> cut_boilerplate(["Body.", "", "Related articles", "Other headline", "Share this"])
    ['Body.', '']
    >>> cut_boilerplate(["Body.", "Subscribe", "More body text.", "Leave a comment"])
    ['Body.', 'Subscribe', 'More body text.']
    """
    end = len(lines)
    # Walk back from the end while lines may belong to the block; remember the
    # earliest marker seen, which is where the block starts.
    cut = end
    nonempty = 0
    for index in range(end - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        nonempty += 1
        if nonempty > _TAIL_MAX_LINES:
            break
        if is_boilerplate(line):
            cut = index
        elif not _headline_like(line):
            break
    if not any(line.strip() for line in lines[:cut]):
        return lines  # never leave a page without a body
    return lines[:cut]


def _title_like(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= _TITLE_MAX_LEN
        and len(stripped.split()) <= _TITLE_MAX_WORDS
        and any(ch.isalpha() for ch in stripped)
        and (
            not stripped.rstrip(_CLOSERS).endswith(_TITLE_BAD_END)
            or stripped.rstrip(_CLOSERS).endswith(_ELLIPSIS)
        )
        and not is_boilerplate(stripped)
        and not _BYLINE.match(stripped)
    )


def _next_nonempty(lines: list[str], start: int) -> int:
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _has_body(lines: list[str], start: int) -> bool:
    return _next_nonempty(lines, start) < len(lines)


def _take_title(lines: list[str], index: int, *, after_date: bool) -> bool:
    """Whether ``lines[index]`` is a title line: a short paragraph of its own
    (directly after a date line is fine) with body text after it."""
    if index >= len(lines) or not _title_like(lines[index]):
        return False
    before_ok = after_date or index == 0 or not lines[index - 1].strip()
    after_ok = index + 1 < len(lines) and not lines[index + 1].strip()
    return before_ok and after_ok and _has_body(lines, index + 1)


def clean_page(text: str) -> CleanPage:
    """Split a scraped page into its body, title and date (see the module docstring).

    ``text`` has LF line ends. The returned text is stripped of surrounding
    whitespace and of trailing spaces on each line; otherwise it is the body verbatim.

    >>> clean_page("Shell boss paid $1m\\n\\nShell is to pay $1m.").title
    'Shell boss paid $1m'
    >>> clean_page("Just one sentence here.").text
    'Just one sentence here.'
    """
    lines = [line.rstrip() for line in text.split("\n")]
    title: str | None = None
    date: str | None = None

    pos = _next_nonempty(lines, 0)
    if pos < len(lines) and _has_body(lines, pos + 1):
        date = parse_date(lines[pos])
        if date:
            pos = _next_nonempty(lines, pos + 1)
            if _take_title(lines, pos, after_date=True):
                title = lines[pos].strip()
                pos = _next_nonempty(lines, pos + 1)
        elif _take_title(lines, pos, after_date=False):
            title = lines[pos].strip()
            following = _next_nonempty(lines, pos + 1)
            pos = following
            if following < len(lines) and _has_body(lines, following + 1):
                date = parse_date(lines[following])
                if date:
                    pos = _next_nonempty(lines, following + 1)

    body = cut_boilerplate(lines[pos:])
    return CleanPage("\n".join(body).strip(), title, date)
