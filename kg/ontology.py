"""kg's ontology: the Turtle file, its classes and relations, and the relation lexicon.

The ontology lives in the repository's top-level ``ontology/`` folder, which the
wheel ships as the package ``kg._ontology``. :class:`Ontology` reads it from the
checkout when there is one, else from the installed package (``importlib.resources``);
everything is parsed once and cached.

Relations are named by :meth:`Ontology.relation_for`: a lemma listed in
``relations.tsv`` maps to its canonical relation; any other lemma gets a readable
snake_case name built from it:

* an active lemma puts its verb in the third person singular present
  (``"supply to"`` → ``supplies_to``, ``"approach"`` → ``approaches``);
* a passive lemma (``"be airlift to"``, or any lemma with ``passive=True``) uses the
  past participle (``airlifted_to``, ``told``);
* a copula with a noun or adjective keeps ``is`` (``"be ready to"`` → ``is_ready_to``);
* negation, modal verbs and a few adverbs are dropped (they are statement flags).

The result only ever contains ``[a-z0-9_]`` and never starts with a digit.

>>> relation_for("work together with")
'cooperates_with'
>>> relation_for("supply gas to")
'supplies_gas_to'
>>> relation_for("be airlift to")
'airlifted_to'
>>> relation_for("tell", passive=True)
'told'
>>> relation_info("cooperates_with").group
'cooperation'
>>> "Person" in classes()
True
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import ConfigError
from kg.namespaces import KG

__all__ = [
    "ONTOLOGY_IRI",
    "QUAD_CLASSES",
    "ROOT_RELATION",
    "EventClass",
    "Ontology",
    "OntologyLike",
    "OntologySource",
    "RelationInfo",
    "as_ontology",
    "class_alternatives",
    "classes",
    "default_ontology",
    "is_valid_local_name",
    "lemma_to_local_name",
    "load_ontology",
    "ontology_dir",
    "past_participle",
    "relation_for",
    "relation_info",
    "relations",
    "third_person",
    "turtle",
]

#: The IRI of the ontology document itself.
ONTOLOGY_IRI = "http://kg.example.org/ontology"
#: The super-property of every relation kg emits.
ROOT_RELATION = "related_to"
#: The quad classes of kg's event scheme, in the order of their numbers (1 to 4).
QUAD_CLASSES = ("VerbalCooperation", "MaterialCooperation", "VerbalConflict",
                "MaterialConflict")

_VALID_LOCAL_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def is_valid_local_name(name: str) -> bool:
    """Whether ``name`` is a relation local name kg may emit: ``[a-z0-9_]``, no
    leading digit.

    >>> [is_valid_local_name(n) for n in ("cooperates_with", "2nd", "a-b")]
    [True, False, False]
    """
    return bool(_VALID_LOCAL_NAME.fullmatch(name))


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl`` and ``relations.tsv``.

    The checkout's ``ontology/`` next to the ``kg`` package when it is there (a
    development install), else the installed package ``kg._ontology``.

    >>> (ontology_dir() / "kg.ttl").is_file()
    True
    """
    checkout = Path(__file__).resolve().parent.parent / "ontology"
    if (checkout / "kg.ttl").is_file():
        return checkout
    resource = importlib.resources.files("kg._ontology")
    return Path(str(resource))


# ---------------------------------------------------------------------------
# English verb morphology for the fallback names
# ---------------------------------------------------------------------------

_IRREGULAR_PARTICIPLES = {
    "be": "been", "bear": "born", "beat": "beaten", "become": "become", "begin": "begun",
    "bend": "bent", "bet": "bet", "bind": "bound", "bite": "bitten", "blow": "blown",
    "break": "broken", "bring": "brought", "broadcast": "broadcast", "build": "built",
    "buy": "bought", "cast": "cast", "catch": "caught", "choose": "chosen", "come": "come",
    "cost": "cost", "cut": "cut", "deal": "dealt", "dig": "dug", "do": "done", "draw": "drawn",
    "drink": "drunk", "drive": "driven", "eat": "eaten", "fall": "fallen", "feed": "fed",
    "feel": "felt", "fight": "fought", "find": "found", "flee": "fled", "fly": "flown",
    "forbid": "forbidden", "forecast": "forecast", "foresee": "foreseen", "forget": "forgotten",
    "forgive": "forgiven", "freeze": "frozen", "get": "got", "give": "given", "go": "gone",
    "grow": "grown", "hang": "hung", "have": "had", "hear": "heard", "hide": "hidden",
    "hit": "hit", "hold": "held", "hurt": "hurt", "keep": "kept", "know": "known",
    "lay": "laid", "lead": "led", "leave": "left", "lend": "lent", "let": "let", "lie": "lain",
    "light": "lit", "lose": "lost", "make": "made", "mean": "meant", "meet": "met",
    "mislead": "misled", "overcome": "overcome", "overtake": "overtaken",
    "overthrow": "overthrown", "pay": "paid", "put": "put", "quit": "quit", "read": "read",
    "rebuild": "rebuilt", "ride": "ridden", "ring": "rung", "rise": "risen", "run": "run",
    "say": "said", "see": "seen", "seek": "sought", "sell": "sold", "send": "sent",
    "set": "set", "shake": "shaken", "shed": "shed", "shoot": "shot", "show": "shown",
    "shut": "shut", "sing": "sung", "sink": "sunk", "sit": "sat", "sleep": "slept",
    "slide": "slid", "speak": "spoken", "spend": "spent", "split": "split",
    "spread": "spread", "stand": "stood", "steal": "stolen", "stick": "stuck",
    "sting": "stung", "strike": "struck", "swear": "sworn", "sweep": "swept",
    "swing": "swung", "take": "taken", "teach": "taught", "tear": "torn", "tell": "told",
    "think": "thought", "throw": "thrown", "undergo": "undergone",
    "understand": "understood", "undertake": "undertaken", "upset": "upset",
    "uphold": "upheld", "wake": "woken", "wear": "worn", "win": "won",
    "withdraw": "withdrawn", "withhold": "withheld", "write": "written",
}
# Verbs of more than one syllable that double their final consonant (stress on it).
_DOUBLING = frozenset({
    "abet", "acquit", "admit", "commit", "compel", "confer", "control", "defer", "deter",
    "dispel", "equip", "expel", "extol", "incur", "occur", "omit", "patrol", "permit",
    "prefer", "propel", "rebel", "recur", "refer", "regret", "submit", "transfer", "transmit",
    "outfit", "outbid", "unwrap", "forget",
})
_THIRD_PERSON = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_ONE_SYLLABLE_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def third_person(verb: str) -> str:
    """The third person singular present of a base-form English verb.

    >>> [third_person(v) for v in ("supply", "cooperate", "go", "approach", "have", "play")]
    ['supplies', 'cooperates', 'goes', 'approaches', 'has', 'plays']
    """
    if verb in _THIRD_PERSON:
        return _THIRD_PERSON[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if len(verb) > 1 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_BASES = {third: base for base, third in _THIRD_PERSON.items()}


def base_form(verb: str) -> str:
    """The base form of a third person singular present, as :func:`third_person`
    makes it (the inverse of its spelling rules).

    >>> [base_form(v) for v in ("supplies", "cooperates", "goes", "approaches", "has",
    ...                         "plays", "faces", "passes", "fixes", "dies")]
    ['supply', 'cooperate', 'go', 'approach', 'have', 'play', 'face', 'pass', 'fix', 'die']
    """
    if verb in _BASES:
        return _BASES[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


#: Base forms of verbs that end in "ed" (other than "-eed": "need", "proceed").
_ED_BASES = frozenset({"bed", "embed", "shed", "shred", "sled", "wed"})


def past_participle(verb: str) -> str:
    """The past participle of a base-form English verb (a table of irregular ones,
    then the spelling rules).

    >>> [past_participle(v) for v in ("airlift", "tell", "stop", "supply", "admit", "visit")]
    ['airlifted', 'told', 'stopped', 'supplied', 'admitted', 'visited']

    A word that is a participle already (the adjective of "was surprised to be
    beaten by") stays as it is; bases that end in "ed" do not ("need", "shed"):

    >>> [past_participle(v) for v in ("surprised", "delighted", "need", "shed")]
    ['surprised', 'delighted', 'needed', 'shed']
    """
    if verb in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[verb]
    if verb.endswith("ed") and not verb.endswith("eed") and verb not in _ED_BASES:
        return verb
    if verb.endswith("ee"):
        return verb + "d"
    if verb.endswith("e"):
        return verb + "d"
    if len(verb) > 1 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if verb.endswith("ic"):
        return verb + "ked"
    if verb in _DOUBLING or _ONE_SYLLABLE_CVC.fullmatch(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


# Tokens dropped from a lemma before naming: negation and modality are statement
# flags, and these adverbs do not change the relation.
_NEGATION = frozenset({"not", "n't", "never"})
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "shall",
                     "should", "ca", "wo"})
_ADVERBS = frozenset({
    "also", "even", "still", "already", "just", "further", "repeatedly", "reportedly",
    "allegedly", "personally", "again", "always", "actually", "really", "currently",
    "recently", "previously", "then", "now", "jointly", "once", "ever", "often", "soon",
    "later", "finally", "formally", "officially", "publicly", "directly", "immediately",
    "successfully", "strongly", "firmly", "apparently",
})
# Words after "go to" that show it is a movement, not the "going to" future.
_NOT_VERBS = frozenset({"the", "a", "an", "this", "that", "war", "court", "school", "church",
                        "bed", "prison", "jail", "hospital", "work", "sea", "press", "town",
                        "market", "power", "polls", "extra", "great", "any", "some"})
# Words after "be" that make a copula rather than a passive ("be ready to").
_COPULA_COMPLEMENTS = frozenset({
    "a", "an", "the", "one", "part", "member", "ready", "able", "unable", "willing",
    "leader", "head", "home", "responsible", "aware", "due", "likely", "unlikely", "happy",
    "sure", "certain", "open", "close", "partner", "friend", "ally", "enemy", "rival",
    "in", "on", "at", "of", "from", "with", "to", "for", "into", "about", "near", "under",
    "behind", "against", "among", "between", "ahead", "capital", "president", "minister",
    "chief", "director", "owner", "founder", "citizen", "native", "neighbour", "neighbor",
    "party", "signatory", "host", "subject", "victim", "target", "source", "supplier",
    "customer", "client", "creditor", "debtor", "largest", "biggest", "main", "major",
    "key", "top", "new", "first", "last", "only", "interested", "committed", "opposed",
    "present", "absent", "similar", "different", "dependent", "independent", "critical",
    "free", "eager", "keen", "afraid", "concerned", "worried", "confident", "prepared",
    "there", "here", "back", "up", "out", "down", "off", "over",
})


#: Lemmas that en_core_web_sm gets wrong ("hopes" → "hop"), put right.
_LEMMA_REPAIRS = {"hop": "hope", "asse": "assess", "fin": "fine", "emptie": "empty",
                  "focuse": "focus", "bia": "bias"}


def _normalize_lemma(lemma: str) -> list[str]:
    text = unicodedata.normalize("NFKC", lemma).replace("\u2019", "'").lower()
    raw = [_LEMMA_REPAIRS.get(tok, tok) for tok in text.split()]
    tokens: list[str] = []
    for i, tok in enumerate(raw):
        if tok in _NEGATION or tok in _ADVERBS:
            continue
        if tok in _MODALS and not tokens:
            continue
        # the auxiliary of a negation ("do not cooperate") is not part of the relation
        if tok in {"do", "does", "did"} and i + 1 < len(raw) and raw[i + 1] in _NEGATION:
            continue
        tokens.append(tok)
    # "be going to share" is the future of "share" (tense is a statement flag)
    if len(tokens) > 2 and tokens[0] == "go" and tokens[1] == "to" and tokens[2] not in _NOT_VERBS:
        tokens = tokens[2:]
    # "is to be presented with": what is arranged, named by its verb
    if len(tokens) > 2 and tokens[0] == "be" and tokens[1] == "to" and tokens[2] not in _NOT_VERBS:
        tokens = tokens[2:]
    return tokens


def _sanitize(name: str) -> str:
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    )
    ascii_name = ascii_name.replace("'", "")
    cleaned = re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")
    if not cleaned:
        return ROOT_RELATION
    if cleaned[0].isdigit():
        cleaned = "r_" + cleaned
    return cleaned


#: Verbs that take "by" in the active voice ("stand by", "abide by").
_ACTIVE_BY = frozenset({"stand", "abide", "go", "pass", "drop", "live", "come", "swear",
                        "stop", "get", "be", "rise", "fall", "grow", "increase", "win",
                        "lose", "lead", "trail", "cut", "beat", "sit", "stay"})


def lemma_to_local_name(lemma: str, *, passive: bool | None = None) -> str:
    """The fallback relation name built from a lemma, without the lexicon.

    ``passive=None`` guesses from the lemma: ``be`` followed by a verb is passive,
    ``be`` followed by a noun, adjective or preposition is a copula.

    >>> lemma_to_local_name("supply to")
    'supplies_to'
    >>> lemma_to_local_name("be airlift to")
    'airlifted_to'
    >>> lemma_to_local_name("airlift to", passive=True)
    'airlifted_to'
    >>> lemma_to_local_name("be ready to")
    'is_ready_to'
    >>> lemma_to_local_name("will not attack")
    'attacks'

    "used to" is a past habit, no act of using ("who used to compete for Australia"):

    >>> lemma_to_local_name("use to compete for")
    'used_to_compete_for'
    """
    tokens = _normalize_lemma(lemma)
    if not tokens:
        return ROOT_RELATION
    if tokens[:2] == ["use", "to"] and len(tokens) > 2 and not passive:
        return _sanitize("_".join(["used", *tokens[1:]]))
    if tokens[0] in {"be", "get"} and len(tokens) > 1:
        rest = tokens[1:]
        is_passive = passive if passive is not None else rest[0] not in _COPULA_COMPLEMENTS
        if is_passive:
            words = [past_participle(rest[0]), *rest[1:]]
        else:
            words = [third_person(tokens[0]), *rest]  # "is ready", "gets ready"
    elif passive or (len(tokens) == 2 and tokens[1] == "by" and tokens[0] not in _ACTIVE_BY):
        # "a concert, hosted by X" (a participle with its agent): hosted_by
        words = [past_participle(tokens[0]), *tokens[1:]]
    else:
        words = [third_person(tokens[0]), *tokens[1:]]
    return _sanitize("_".join(words))


# ---------------------------------------------------------------------------
# The ontology
# ---------------------------------------------------------------------------

def class_alternatives(graph: Graph, term: Any) -> tuple[URIRef, ...]:
    """The classes a domain or range stands for: itself, or the members of its
    ``owl:unionOf`` (an instance of any one of them fits); ``()`` for anything else.

    >>> g = Graph().parse(data="@prefix owl: <http://www.w3.org/2002/07/owl#> . "
    ...     "<http://x/p> <http://x/r> [ owl:unionOf (<http://x/A> <http://x/B>) ] .",
    ...     format="turtle")
    >>> [str(c) for c in class_alternatives(g, g.value(URIRef("http://x/p"), URIRef("http://x/r")))]
    ['http://x/A', 'http://x/B']
    """
    if isinstance(term, URIRef):
        return (term,)
    members = graph.value(term, OWL.unionOf)
    if members is None:
        return ()
    return tuple(m for m in Collection(graph, members) if isinstance(m, URIRef))


#: Verbs too light to say which event a relation they start reports ("has talks
#: with", "takes over"): fallback names starting with them get no event class.
_LIGHT_VERBS = frozenset({
    "is", "has", "had", "does", "done", "gets", "got", "makes", "made", "takes", "taken",
    "gives", "given", "goes", "gone", "comes", "come", "holds", "held", "puts", "put", "sets",
    "set", "keeps", "kept", "brings", "brought", "enters", "entered", "stands", "stood",
    "forms", "formed", "builds", "built",
})


@dataclass(frozen=True, slots=True)
class RelationInfo:
    """What the ontology says about a relation.

    ``group`` is the local name of its grouping super-property (``cooperation``,
    ``conflict``, ...), or ``related_to`` when it has none; ``event`` is the local
    name of its event class (``EngageInMaterialCooperation``, ``Fight``...; see
    :class:`EventClass`), or ``None`` for a relation that is not an event between
    actors; ``declared`` says whether the ontology declares it (fallback names are
    not declared; the RDF stage declares them under their group, with their event
    class).
    """

    name: str
    label: str
    group: str
    domain: str | None = None
    range: str | None = None
    declared: bool = True
    event: str | None = None


@dataclass(frozen=True, slots=True)
class EventClass:
    """A concept of the ontology's event scheme: a CAMEO root category (``code``
    ``"01"`` to ``"20"``), a quad class (``code`` ``"1"`` to ``"4"``) or an axis.

    ``quad`` is the quad class it is (or is narrower than), one of
    :data:`QUAD_CLASSES`; ``cooperation`` says whether it is narrower than
    ``kg:CooperationEvent`` (``False``: ``kg:ConflictEvent``; ``None``: neither).

    >>> fight = default_ontology().events["Fight"]
    >>> (fight.code, fight.label, fight.quad, fight.cooperation)
    ('19', 'fight', 'MaterialConflict', False)
    """

    name: str
    label: str
    code: str | None
    quad: str | None
    cooperation: bool | None


@dataclass(frozen=True, slots=True)
class OntologySource:
    """One RDF file of a user's ontology, read into memory: ``name`` (its path, for
    messages), its bytes and its rdflib format."""

    name: str
    data: bytes
    format: str

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> OntologySource:
        """Read an ontology file; its format follows its suffix (Turtle by default).

        >>> OntologySource.read("no/such.ttl")
        Traceback (most recent call last):
        ...
        kg.errors.ConfigError: no ontology file no/such.ttl (check the path)
        """
        from rdflib.util import guess_format

        name = os.fspath(path)
        try:
            data = Path(name).read_bytes()
        except FileNotFoundError as exc:
            raise ConfigError(f"no ontology file {name}", hint="check the path") from exc
        except OSError as exc:
            raise ConfigError(f"cannot read the ontology file {name}: {exc.strerror or exc}",
                              hint="check the path and its permissions") from exc
        fmt = guess_format(name) or "turtle"
        return cls(name=name, data=data, format="turtle" if fmt == "n3" else fmt)

    def parse(self) -> Graph:
        """The file as an rdflib graph; a syntax error is a :class:`ConfigError`
        naming the file and, where the parser knows it, the line."""
        graph = Graph()
        try:
            graph.parse(data=self.data, format=self.format)
        except Exception as exc:  # each rdflib parser raises its own kind of error
            line, reason = _error_position(exc)
            where = f"{self.name}:{line}" if line else self.name
            raise ConfigError(
                f"{where}: the ontology does not parse as {self.format}: {reason}",
                hint="fix the syntax there; ontology/README.md shows a user ontology",
            ) from exc
        return graph


def _error_position(exc: Exception) -> tuple[int | None, str]:
    """The line (1-based) and a one-line reason of an rdflib parse error."""
    lines = getattr(exc, "lines", None)  # notation3.BadSyntax: 0-based line
    if isinstance(lines, int):
        return lines + 1, str(getattr(exc, "_why", exc))
    get_line = getattr(exc, "getLineNumber", None)  # xml.sax.SAXParseException
    if callable(get_line):
        return int(get_line()), str(getattr(exc, "getMessage", lambda: exc)())
    match = re.search(r"\bline (\d+)", str(exc))
    reason = " ".join(str(exc).split())
    return (int(match.group(1)) if match else None), reason


class Ontology:
    """kg's ontology folder, optionally extended (or replaced) by user files,
    parsed lazily and cached.

    ``files`` are RDF files (Turtle by default) that add relations, lemmas
    (``kg:lemma``), classes and event classes to kg's ontology; with ``replace``
    they are the whole ontology and kg's ``kg.ttl`` and ``relations.tsv`` are not
    read. See ontology/README.md, "User ontologies".

    >>> onto = Ontology()
    >>> onto.relation_for("partner with")
    'cooperates_with'
    >>> sorted(onto.groups)[:3]
    ['affiliation', 'communication', 'competition']
    >>> onto.relation_info("cooperates_with").event
    'EngageInMaterialCooperation'
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        files: Iterable[str | os.PathLike[str] | OntologySource] = (),
        replace: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else ontology_dir()
        self._default_path = path is None
        self.sources: tuple[OntologySource, ...] = tuple(
            f if isinstance(f, OntologySource) else OntologySource.read(f) for f in files)
        self.replace = replace
        self._names: dict[tuple[str, bool | None], str] = {}  # relation_for's answers
        if replace and not self.sources:
            raise ConfigError("replacing kg's ontology needs an ontology file",
                              hint="give --ontology FILE with --replace-ontology")

    def __reduce__(self) -> tuple[Any, ...]:
        # what a worker process (dask) needs: the user files travel as bytes
        path = None if self._default_path else self.path
        return (_restore_ontology, (path, self.sources, self.replace))

    def __repr__(self) -> str:
        files = ", ".join(s.name for s in self.sources)
        return f"Ontology({str(self.path)!r}, files=[{files}], replace={self.replace})"

    @property
    def turtle_path(self) -> Path:
        """The path of ``kg.ttl``."""
        return self.path / "kg.ttl"

    @property
    def lexicon_path(self) -> Path:
        """The path of ``relations.tsv``."""
        return self.path / "relations.tsv"

    @cached_property
    def turtle(self) -> str:
        """The text of kg's ``kg.ttl`` (without the user's files)."""
        return self.turtle_path.read_text(encoding="utf-8")

    @cached_property
    def _user_graphs(self) -> tuple[tuple[OntologySource, Graph], ...]:
        return tuple((source, source.parse()) for source in self.sources)

    @cached_property
    def _kg_graph(self) -> Graph:
        graph = Graph()
        if not self.replace:
            graph.parse(data=self.turtle, format="turtle")
        return graph

    @cached_property
    def graph(self) -> Graph:
        """The whole ontology parsed into an rdflib graph: ``kg.ttl`` (unless
        replaced) and the user's files (do not modify it)."""
        if not self.sources:
            return self._kg_graph
        graph = Graph()
        for triple in self._kg_graph:
            graph.add(triple)
        for _source, user in self._user_graphs:
            for triple in user:
                graph.add(triple)
        return graph

    def serialize(self) -> bytes:
        """The whole ontology as N-Triples, for loading into a store.

        >>> b"cooperates_with" in Ontology().serialize()
        True
        """
        return self.graph.serialize(format="nt", encoding="utf-8")

    @cached_property
    def store_data(self) -> tuple[bytes, str]:
        """What a store's ontology graph holds, and its format (``ttl`` or ``nt``):
        ``kg.ttl`` and :meth:`lexicon_ntriples`, or, with user files, the whole
        graph serialized (:meth:`serialize`) and the lexicon. Made once per ontology, since
        every build loads it.

        >>> data, fmt = Ontology().store_data
        >>> fmt, b"cooperates_with" in data
        ('ttl', True)
        """
        lexicon = self.lexicon_ntriples()  # N-Triples: valid Turtle too
        if self.sources or self.replace:
            return self.serialize() + lexicon, "nt"
        return self.turtle.encode("utf-8") + b"\n" + lexicon, "ttl"

    def lexicon_ntriples(self) -> bytes:
        """kg's own lexicon (``relations.tsv``) as RDF: one ``kg:lemma`` (a
        ``skos:hiddenLabel``) per lemma, in N-Triples; empty when replaced. The
        store's ontology graph gets these beside ``kg.ttl``, so SPARQL sees the
        verb forms of each relation (a user file's lemmas are in its own triples).

        >>> b'<http://kg.example.org/ontology#lemma> "partner with"@en' in (
        ...     Ontology().lexicon_ntriples())
        True
        """
        if self.replace:
            return b""
        lines = [f"{KG[relation].n3()} {KG.lemma.n3()} {Literal(lemma, lang='en').n3()} .\n"
                 for lemma, relation in sorted(self._tsv_lexicon.items())
                 if is_valid_local_name(relation)]
        return "".join(lines).encode("utf-8")

    def _local(self, term: Any) -> str | None:
        text = str(term)
        if isinstance(term, URIRef) and text.startswith(str(KG)):
            return text[len(str(KG)) :]
        return None

    @cached_property
    def classes(self) -> frozenset[str]:
        """Local names of the classes the ontology declares (``Person``, ``Country``...)."""
        found = set()
        for subject in self.graph.subjects(RDF.type, OWL.Class):
            name = self._local(subject)
            if name:
                found.add(name)
        return frozenset(found)

    @cached_property
    def groups(self) -> frozenset[str]:
        """The grouping super-properties: the direct sub-properties of ``related_to``."""
        root = KG[ROOT_RELATION]
        return frozenset(
            name
            for s in self.graph.subjects(RDFS.subPropertyOf, root)
            if (name := self._local(s))
        )

    @cached_property
    def events(self) -> Mapping[str, EventClass]:
        """The concepts of the event scheme by local name: the CAMEO root categories,
        the quad classes and the axes (``CooperationEvent``...)."""
        graph = self.graph
        scheme = KG.EventScheme
        concepts = set(graph.subjects(SKOS.inScheme, scheme))
        concepts.update(graph.objects(scheme, SKOS.hasTopConcept))
        quads = {KG[q] for q in QUAD_CLASSES}
        out: dict[str, EventClass] = {}
        for concept in concepts:
            name = self._local(concept)
            if not name:
                continue
            lineage = set(graph.transitive_objects(concept, SKOS.broader))
            quad = next((q for q in QUAD_CLASSES if KG[q] in lineage & quads), None)
            cooperation = (True if KG.CooperationEvent in lineage
                           else False if KG.ConflictEvent in lineage else None)
            label = graph.value(concept, SKOS.prefLabel) or graph.value(concept, RDFS.label)
            notation = graph.value(concept, SKOS.notation)
            out[name] = EventClass(
                name=name,
                label=str(label) if label is not None else name,
                code=str(notation) if notation is not None else None,
                quad=quad,
                cooperation=cooperation,
            )
        return out

    @cached_property
    def relations(self) -> Mapping[str, RelationInfo]:
        """Every relation declared under ``related_to`` (groups included), by local name."""
        graph = self.graph
        root = KG[ROOT_RELATION]
        out: dict[str, RelationInfo] = {}
        for prop in set(graph.transitive_subjects(RDFS.subPropertyOf, root)):
            name = self._local(prop)
            if not name:
                continue
            parents = sorted((p for p in graph.objects(prop, RDFS.subPropertyOf)
                              if self._local(p)), key=str)
            if prop == root:
                group = ROOT_RELATION
            elif root in parents:
                group = name if name in self.groups else ROOT_RELATION
            else:
                group = (self._local(parents[0]) or ROOT_RELATION) if parents else ROOT_RELATION
            label = graph.value(prop, RDFS.label)
            domain = graph.value(prop, RDFS.domain)
            range_ = graph.value(prop, RDFS.range)
            events = sorted((e for e in graph.objects(prop, KG.eventClass) if self._local(e)),
                            key=str)
            out[name] = RelationInfo(
                name=name,
                label=str(label) if label is not None else name.replace("_", " "),
                group=group,
                domain=self._local(domain) if domain is not None else None,
                range=self._local(range_) if range_ is not None else None,
                event=self._local(events[0]) if events else None,
            )
        return out

    @cached_property
    def _tsv_lexicon(self) -> dict[str, str]:
        """kg's own ``relations.tsv``, read once."""
        return _read_tsv_lexicon(self.lexicon_path)

    @cached_property
    def lexicon(self) -> Mapping[str, str]:
        """The relation lexicon: normalised lemma → relation local name.

        kg's ``relations.tsv`` (unless replaced), then the ``kg:lemma`` of each user
        file in order, a later entry for the same lemma winning.
        """
        out: dict[str, str] = {}
        if not self.replace:
            out.update(self._tsv_lexicon)
            out.update(self._graph_lemmas(None, self._kg_graph))
        for source, user in self._user_graphs:
            out.update(self._graph_lemmas(source, user))
        return out

    def _graph_lemmas(self, source: OntologySource | None, graph: Graph) -> dict[str, str]:
        """The ``kg:lemma`` entries of one graph, checked against the relations."""
        where = source.name if source is not None else str(self.turtle_path)
        found: dict[str, str] = {}
        for prop, lemma in sorted(graph.subject_objects(KG.lemma),
                                  key=lambda pair: (str(pair[0]), str(pair[1]))):
            name = self._local(prop)
            if name is None or not is_valid_local_name(name):
                raise ConfigError(
                    f"{where}: <{prop}> has a kg:lemma but is not a kg relation name",
                    hint="kg emits relations as kg:snake_case_names ([a-z0-9_]); declare "
                    "kg:your_relation and link your own property with owl:equivalentProperty")
            if name not in self.relations:
                raise ConfigError(
                    f"{where}: kg:{name} has a kg:lemma but is not a sub-property of "
                    f"kg:{ROOT_RELATION}",
                    hint="add rdfs:subPropertyOf with a group (kg:cooperation, kg:conflict...)"
                    f" or kg:{ROOT_RELATION}, and an rdfs:label")
            if not isinstance(lemma, Literal):
                raise ConfigError(f"{where}: the kg:lemma of kg:{name} is not a literal",
                                  hint='write it as a string: kg:lemma "pledge support to"')
            key = " ".join(_normalize_lemma(str(lemma)))
            if not key:
                continue
            if found.get(key, name) != name:
                raise ConfigError(
                    f"{where}: the lemma {str(lemma)!r} names two relations, "
                    f"kg:{found[key]} and kg:{name}",
                    hint="give each lemma to one relation")
            found[key] = name
        return found

    def check(self) -> Ontology:
        """Parse everything now, so that a bad file fails before any work starts;
        return the ontology.

        >>> Ontology().check().relation_for("cooperate with")
        'cooperates_with'
        """
        _ = self.graph, self.relations, self.lexicon, self.events
        return self

    @cached_property
    def _verb_groups(self) -> Mapping[str, str]:
        """First word of a relation name (``supplies``) → the group of the listed
        relations it starts, so that fallback names can be grouped too."""
        relations = self.relations
        return self._vote(lambda relation: (info.group if (info := relations.get(relation))
                                            and info.group != ROOT_RELATION else None),
                          skip=frozenset({"is"}))

    @cached_property
    def _verb_events(self) -> Mapping[str, str]:
        """First word of a relation name → the event class of the listed relations
        it starts; a listed relation that is no event votes for none (``""``), and
        light verbs such as ``has`` get none."""
        relations = self.relations
        votes = self._vote(lambda relation: ((info.event or "")
                                             if (info := relations.get(relation)) else None),
                           skip=_LIGHT_VERBS)
        return {head: event for head, event in votes.items() if event}

    def _vote(self, value_of: Any, *, skip: frozenset[str]) -> Mapping[str, str]:
        """Head verb → the value most of the lexicon's relations it starts have
        (``value_of(relation)``; ``None`` abstains); ties give nothing."""
        votes: dict[str, dict[str, int]] = {}
        for lemma, relation in self.lexicon.items():
            value = value_of(relation)
            if value is None:
                continue
            names = (lemma_to_local_name(lemma), lemma_to_local_name(lemma, passive=True),
                     relation)
            for name in names:
                head = name.split("_", 1)[0]
                votes.setdefault(head, {}).setdefault(value, 0)
                votes[head][value] += 1
        out: dict[str, str] = {}
        for head, counts in votes.items():
            best = max(counts.items(), key=lambda kv: kv[1])
            if list(counts.values()).count(best[1]) == 1 and head not in skip:
                out[head] = best[0]
        return out

    def relation_for(self, lemma: str, *, passive: bool | None = None) -> str:
        """The relation local name for a statement lemma: the lexicon's when listed,
        else :func:`lemma_to_local_name`.

        >>> Ontology().relation_for("engage with")
        'cooperates_with'
        >>> Ontology().relation_for("rush to", passive=True)
        'taken_to'
        """
        cached = self._names.get((lemma, passive))
        if cached is None:
            if len(self._names) >= 100_000:
                self._names.clear()
            cached = self._names[lemma, passive] = self._relation_for(lemma, passive)
        return cached

    def _relation_for(self, lemma: str, passive: bool | None) -> str:
        tokens = _normalize_lemma(lemma)
        key = " ".join(tokens)
        lexicon = self.lexicon
        if passive and tokens and tokens[0] != "be":
            found = lexicon.get("be " + key)
            if found:
                return found
        if not passive or (tokens and tokens[0] == "be"):
            found = lexicon.get(key)
            if found:
                return found
        return lemma_to_local_name(lemma, passive=passive)

    def relation_info(self, name: str) -> RelationInfo:
        """What the ontology says about relation ``name``; for an undeclared
        (fallback) name, a label from the name and the group and event class of
        its verb.

        >>> Ontology().relation_info("supplies_gas_to").group
        'economic'
        >>> Ontology().relation_info("supplies_gas_to").event
        'EngageInMaterialCooperation'
        >>> Ontology().relation_info("approaches").declared
        False
        """
        info = self.relations.get(name)
        if info is not None:
            return info
        head = name.split("_", 1)[0]
        return RelationInfo(
            name=name,
            label=name.replace("_", " "),
            group=self._verb_groups.get(head, ROOT_RELATION),
            declared=False,
            event=self._verb_events.get(head),
        )


def _read_tsv_lexicon(path: Path) -> dict[str, str]:
    """``relations.tsv``: normalised lemma → relation."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, str] = {}
    for row in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"):
        if len(row) < 2 or row[0] == "lemma":
            continue
        key = " ".join(_normalize_lemma(row[0]))
        out[key] = row[1].strip()
    return out


def _restore_ontology(path: Path | None, sources: tuple[OntologySource, ...],
                      replace: bool) -> Ontology:
    if path is None and not sources and not replace:
        return default_ontology()
    return Ontology(path, files=sources, replace=replace)


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The ontology shipped with kg (cached)."""
    return Ontology()


#: What the ``ontology=`` option of kg's API accepts: an :class:`Ontology`, one
#: file or several (extending kg's), or ``None`` for kg's own.
OntologyLike = Ontology | str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None


def load_ontology(files: Iterable[str | os.PathLike[str]], *, replace: bool = False) -> Ontology:
    """kg's ontology extended by ``files`` (or replaced, with ``replace``), checked
    now: a file that does not parse, or a lemma given to something that is not a
    kg relation, is a :class:`~kg.errors.ConfigError` naming the file.

    >>> load_ontology([]).relation_for("partner with")
    'cooperates_with'
    """
    sources = list(files)
    if not sources and not replace:
        return default_ontology()
    return Ontology(files=sources, replace=replace).check()


def as_ontology(value: OntologyLike) -> Ontology:
    """The :class:`Ontology` an ``ontology=`` option names (see :data:`OntologyLike`).

    >>> as_ontology(None) is default_ontology()
    True
    """
    if value is None:
        return default_ontology()
    if isinstance(value, Ontology):
        return value
    if isinstance(value, str | os.PathLike):
        return load_ontology([value])
    return load_ontology(value)


def turtle() -> str:
    """The text of kg's ``kg.ttl``."""
    return default_ontology().turtle


def classes() -> frozenset[str]:
    """Local names of the ontology's classes."""
    return default_ontology().classes


def relations() -> Mapping[str, RelationInfo]:
    """The relations the ontology declares, by local name."""
    return default_ontology().relations


def relation_for(lemma: str, *, passive: bool | None = None) -> str:
    """The relation local name for a lemma (see :meth:`Ontology.relation_for`).

    >>> relation_for("cooperate with")
    'cooperates_with'
    """
    return default_ontology().relation_for(lemma, passive=passive)


def relation_info(name: str) -> RelationInfo:
    """What the ontology says about a relation (see :meth:`Ontology.relation_info`)."""
    return default_ontology().relation_info(name)
