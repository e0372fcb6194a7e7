"""Bytes → text: BOMs, UTF-8, legacy encodings (charset-normalizer), binary detection.

Every reader goes through here, so that every input ends up as ``str`` with LF line
ends, or as an :class:`~kg.errors.InputError` that says why it could not.

>>> decode_bytes("Caf\\u00e9 cr\\u00e8me\\r\\n".encode("cp1252"), source="a.txt")
'Café crème\\n'
>>> decode_bytes(b"\\xef\\xbb\\xbfHello\\rWorld", source="b.txt")
'Hello\\nWorld'
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

from kg.errors import InputError

__all__ = [
    "BINARY_EXTENSIONS",
    "SNIFF_BYTES",
    "decode_bytes",
    "iter_decoded_lines",
    "normalise_newlines",
    "sniff_encoding",
]

#: How much of a file is looked at to choose the encoding of a streamed file.
SNIFF_BYTES = 64 * 1024

#: File name extensions that are never text: reported, not read.
BINARY_EXTENSIONS = frozenset(
    {
        ".7z", ".avi", ".bin", ".bmp", ".bz2", ".class", ".db", ".dll", ".doc", ".docx",
        ".dylib", ".eot", ".epub", ".exe", ".flac", ".gif", ".gz", ".ico", ".jar", ".jpeg",
        ".jpg", ".mkv", ".mov", ".mp3", ".mp4", ".npy", ".npz", ".o", ".odp", ".ods", ".odt",
        ".ogg", ".otf", ".parquet", ".pdf", ".pickle", ".pkl", ".png", ".ppt", ".pptx",
        ".pyc", ".rar", ".so", ".sqlite", ".sqlite3", ".tar", ".tgz", ".tif", ".tiff",
        ".ttf", ".wav", ".webm", ".webp", ".woff", ".woff2", ".xls", ".xlsx", ".xz",
        ".zip", ".zst",
    }
)

# Leading bytes of common binary formats (a text file cannot start with these).
_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ\x90",
    b"SQLite format 3", b"\xd0\xcf\x11\xe0",
)

# Checked longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The Western encodings that English news in a legacy encoding is nearly always in.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n?")

_BINARY_HINT = "kg reads text, Markdown, HTML, JSON Lines and CSV; convert it to one of those"
_ENCODING_HINT = "re-save the file as UTF-8"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF.

    >>> normalise_newlines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    return _NEWLINE.sub("\n", text)


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _check_not_binary(sample: bytes, *, source: str) -> None:
    if sample.startswith(_MAGIC) or b"\x00" in sample:
        raise InputError(
            "binary file (not text)", source=source,
            hint=f"{_BINARY_HINT}, or remove it from the input",
        )


def _check_text(text: str, *, source: str) -> None:
    """Decoded text that is mostly control characters is a binary file in disguise."""
    sample = text[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(
            "binary file (too many control characters)", source=source,
            hint=f"{_BINARY_HINT}, or remove it from the input",
        )


def _legacy_encoding(data: bytes, *, source: str) -> str:
    """Guess a non-UTF-8 encoding with charset-normalizer, favouring cp1252 on a tie.

    charset-normalizer's first guess on a short English text in cp1252 is often a
    sibling code page (cp1250, cp850, ...): where cp1252 reads the bytes as cleanly
    (charset-normalizer's "chaos" measure), cp1252 wins. A text in another script
    (Cyrillic in cp1251, say) reads as a mess in cp1252 and keeps its own guess.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(
            "unknown text encoding (not UTF-8, and no other encoding fits)", source=source,
            hint=_ENCODING_HINT,
        )
    best = matches[0]
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + 0.01:
            return "cp1252" if match.encoding != "iso8859_15" else match.encoding
    if best.coherence < 0.1:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return "cp1252"
    return str(best.encoding)


def _check_damaged_utf8(data: bytes, *, source: str) -> None:
    """Bytes that are not UTF-8 but hold at least as many valid UTF-8 characters
    (outside ASCII) as invalid bytes are UTF-8 with damage, not a legacy encoding:
    decoding them as cp1252 would garble every accented letter, so they are
    reported with the line and byte offset of the first bad byte."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    if good == 0 or good < bad:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"invalid UTF-8 at byte {exc.start:,} ({exc.reason}); the rest of the file is "
            "UTF-8", source=source, line=data.count(b"\n", 0, exc.start) + 1,
            hint="fix or delete the damaged bytes, e.g. with iconv -f utf-8 -t utf-8 -c, "
                 "or re-save the file as UTF-8",
        ) from None


#: What cp1252 holds besides letters: typographic quotes, dashes, signs, which English
#: news in a legacy code page is full of.
_LEGACY_PUNCTUATION = frozenset(
    char for char in bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore")
    if not char.isalpha()
)


def _check_stray_bytes(data: bytes, encoding: str, *, source: str) -> None:
    """ASCII text with a few bytes that no reading makes sense of is damaged, not a
    legacy code page: read as cp1252, ``\xff\xfe`` and ``\xc3(`` would become
    ``ÿþ`` and ``Ã(`` in the graph. When *no* non-ASCII character reads like
    legacy text (see :func:`_plausible`), the file is refused with the place of the
    first bad byte.
    """
    if not _ascii_compatible(encoding):
        return
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return
    first = None
    for index, char in enumerate(text):
        if char < "\x80":
            continue
        if _plausible(text, index):
            return
        if first is None:
            first = index
    if first is None:
        return
    offset = len(text[:first].encode(encoding, errors="replace"))
    raise InputError(
        f"bytes that are not text at byte {offset:,} (0x{data[offset]:02x}); the rest of the "
        "file is plain ASCII", source=source, line=data.count(b"\n", 0, offset) + 1,
        hint="delete the damaged bytes (e.g. iconv -f utf-8 -t utf-8 -c) or re-save the file "
             "as UTF-8",
    )


_BOM_PAIRS = ("\xff\xfe", "\xfe\xff")
_WORD_BEFORE = "(\"'"
_WORD_AFTER = ".,;:!?\"')"


def _plausible(text: str, index: int) -> bool:
    """Whether the non-ASCII character at ``index`` reads like legacy text: typographic
    punctuation, or a letter in a word (a Latin-1 letter next to an ASCII letter, a
    letter of another script next to any letter), or a one-letter word (``à``); a
    UTF-16 byte-order mark in the middle of a file never does."""
    char = text[index]
    if char in _LEGACY_PUNCTUATION:
        return True
    if not char.isalpha() or text[index:index + 2] in _BOM_PAIRS or \
            text[max(0, index - 1):index + 1] in _BOM_PAIRS:
        return False
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    latin = "\xc0" <= char <= "\xff"

    def letter(other: str) -> bool:
        return other.isalpha() and (other.isascii() or not latin)

    if letter(before) or letter(after):
        return True
    return (before.isspace() or before in _WORD_BEFORE) and \
        (after.isspace() or after in _WORD_AFTER)


def sniff_encoding(sample: bytes, *, source: str, complete: bool = False) -> str:
    """The Python codec name to read a file with, from its first bytes.

    ``complete`` says that ``sample`` is the whole file (else it may end inside a
    multi-byte character). Raises :class:`~kg.errors.InputError` for binary data.

    >>> sniff_encoding(b"plain", source="x")
    'utf-8'
    >>> sniff_encoding("\\ufeffBOM".encode("utf-16"), source="x")
    'utf-16'
    """
    bom = _bom_encoding(sample)
    if bom:
        return bom
    _check_not_binary(sample, source=source)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        return _legacy_encoding(sample, source=source)
    return "utf-8"


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode_bytes(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Decode a whole file: BOM or UTF-8 or a detected legacy encoding, LF line ends.

    ``encoding`` is a declared codec (an HTML page's ``<meta charset>``, say). It is
    used for bytes that are not UTF-8 and that it fits: a BOM and valid UTF-8 win
    over a declaration (mislabelled pages are common), detection over a wrong one.
    Raises :class:`~kg.errors.InputError` for binary data or an unknown encoding.
    """
    enc = _bom_encoding(data)
    if enc is None:
        _check_not_binary(data[:SNIFF_BYTES], source=source)
        if _decodes(data, "utf-8"):
            enc = "utf-8"
        elif encoding and _decodes(data, encoding):
            enc = encoding
        else:
            _check_damaged_utf8(data, source=source)
            enc = _legacy_encoding(data, source=source)
            _check_stray_bytes(data, enc, source=source)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(
            f"cannot decode the file as {enc}: {exc}", source=source, hint=_ENCODING_HINT
        ) from exc
    text = text.removeprefix("\ufeff")
    _check_text(text, source=source)
    return normalise_newlines(text)


def _ascii_compatible(encoding: str) -> bool:
    if codecs.lookup(encoding).name == "utf-8-sig":
        return True
    return "a\n".encode(encoding) == b"a\n"


def iter_decoded_lines(
    stream: BinaryIO, *, encoding: str
) -> Iterator[tuple[int, str | UnicodeDecodeError]]:
    """Yield ``(line number, line without its line end)`` for a binary stream.

    A line that does not decode is yielded as its :class:`UnicodeDecodeError`, so that
    the caller reports that line and goes on with the next one. CRLF, LF and lone CR
    all end a line. One line at a time is held in memory.
    """
    if not _ascii_compatible(encoding):
        import io

        wrapper = io.TextIOWrapper(stream, encoding=encoding, newline=None)
        for number, line in enumerate(wrapper, start=1):
            yield number, line.rstrip("\n")
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    number = 0
    for raw in stream:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            number += 1
            yield number, exc
            continue
        if number == 0:
            text = text.removeprefix("\ufeff")
        text = text.removesuffix("\n").removesuffix("\r")
        for part in text.split("\r"):
            number += 1
            yield number, part
