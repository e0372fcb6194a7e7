"""The people of one document, for a cautious coreference.

The resolver asks three questions of a document, and gets an answer only where the
text leaves no doubt (no answer is better than a wrong one):

* who is "he" / "she"? The people named in the pronoun's sentence before it, else in
  the closest of the four sentences before that names anyone (a quote runs over
  several): the one person named there, else the one named as a subject; a known
  gender must agree ("Mr", "Mrs", "Ms" before the name, the gazetteer, or a given name
  that is nearly always a man's or a woman's: "Jennifer"), and "she"
  needs a woman known as such;
* who is "the Russian leader", "the president", "the blogger"? The one person of
  the document introduced with that title (and that nationality, when the
  description gives one): "Russian President Vladimir Putin", "The President of the
  People's Republic of China Xi Jinping", "Russian blogger Alexey Navalny";
* whom does "we" stand for in a quote? The country or organisation its speaker
  represents, when the speaker was introduced with a government title ("Russian
  President Vladimir Putin") or the gazetteer says so.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, Protocol, TypeVar

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from kg.resolve.gazetteer import Gazetteer, given_name_genders
from kg.resolve.names import TITLE_WORDS, clean_mention
from kg.resolve.tokens import TokenTable, clause_verb

__all__ = ["DESCRIBED_HEADS", "GOVERNMENT_TITLES", "LEADER_TITLES", "PERSON_NOUNS",
           "PERSON_PRONOUNS", "People", "Profile"]

#: Titles of people who speak for their country ("we" in their quotes is the country).
GOVERNMENT_TITLES = frozenset({
    "president", "presidential", "minister", "prime", "chancellor", "premier", "ambassador",
    "envoy", "king", "queen", "spokesman", "spokeswoman", "spokesperson", "secretary",
    "diplomat", "official", "aide", "foreign", "defence", "defense", "leader", "emir",
})
#: Titles that disqualify that reading ("opposition leader", "Russian blogger").
NON_GOVERNMENT_TITLES = frozenset({"opposition", "blogger", "activist", "dissident", "rebel",
                                   "former", "ex", "journalist", "correspondent"})
#: Head nouns of a description that a subject may be read by position for ("the
#: Tory MP for Sleaford admitted...", "The winger is injured"): posts that news name
#: a person by just after naming them. Not the great offices ("the prime minister",
#: "the chancellor"): news name their holders by them without naming them nearby,
#: and the person named just before is then someone else (measured on BBC samples).
DESCRIBED_HEADS = frozenset({
    "mp", "mep", "boss", "manager", "coach", "striker", "midfielder", "defender",
    "goalkeeper", "keeper", "captain", "winger", "mayor", "senator",
})
#: Titles that "the leader" can stand for.
LEADER_TITLES = frozenset({"president", "prime", "premier", "chancellor", "king", "queen",
                           "leader", "emir", "sultan", "chairman"})
#: Common nouns for people: a subject "the former France boss" may be the "he" that follows.
PERSON_NOUNS = frozenset({
    "man", "woman", "boss", "player", "official", "coach", "manager", "star", "singer",
    "actor", "actress", "striker", "winger", "keeper", "goalkeeper", "captain", "father",
    "mother", "son", "daughter", "wife", "husband", "boy", "girl", "teenager", "suspect",
    "victim", "lawyer", "judge", "executive", "founder", "owner", "analyst", "chief",
    "spokesman", "spokeswoman", "businessman", "businesswoman", "politician", "MP",
    "veteran", "champion", "writer", "author", "director", "producer", "rapper", "defender",
    "midfielder", "forward", "batsman", "bowler", "driver", "rider", "athlete", "leader",
    "candidate", "minister", "president", "chairman", "head", "officer", "soldier", "doctor",
    "scientist", "professor", "student", "worker", "employee", "user", "customer", "fan",
    "friend", "colleague", "rival", "opponent", "partner", "insider", "source",
})
_CONTEXT_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "PART", "NUM"})
_CONTEXT_POS_IDS = frozenset(int(POS_IDS[name]) for name in _CONTEXT_POS)
#: NER labels of the entities that may name a person (the tagger mixes them up).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_MALE = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "he", "him", "duke", "earl",
                   "baron", "businessman", "sportsman", "congressman", "husband", "father",
                   "brother", "son", "widower", "boyfriend", "grandfather"})
_FEMALE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess",
                     "duchess", "countess", "baroness", "actress", "chairwoman",
                     "spokeswoman", "businesswoman", "sportswoman", "congresswoman",
                     "heiress", "wife", "mother", "sister", "daughter", "widow",
                     "girlfriend", "grandmother"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
#: The pronouns :meth:`People.pronoun` can answer for (any other gets ``None``).
PERSON_PRONOUNS = frozenset(_PRONOUN_GENDER)
#: Parts of speech of common words (see :meth:`People._common_word`).
_COMMON_POS = frozenset({POS_IDS["NOUN"], POS_IDS["ADJ"]})
#: Pronouns that are objects, never the subject of their own clause.
_OBJECT_PRONOUNS = frozenset({"him", "her"})
#: Nouns of someone whom a sentence's "she" or "he" may stand for instead of the
#: person it names ("Blair's wife said she ...", "Mary and her brother, who ...").
_GENDERED_OTHERS = frozenset({
    "wife", "husband", "mother", "father", "sister", "brother", "daughter", "son",
    "girlfriend", "boyfriend", "widow", "widower", "aunt", "uncle", "grandmother",
    "grandfather", "niece", "nephew", "mum", "dad", "fiancee", "fiance", "partner",
    "woman", "man", "girl", "boy", "lady", "queen", "king", "actress", "actor",
    "spokeswoman", "spokesman", "chairwoman", "chairman", "businesswoman",
    "businessman", "sportswoman", "sportsman"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _given_name_gender(label: str) -> str | None:
    """The gender a full name's first word gives, if it is a given name nearly
    always a man's or a woman's ("Jennifer Lopez": "f"); ``None`` for a surname
    alone or a name given to both ("Kelly Holmes")."""
    words = label.split()
    if len(words) < 2:
        return None
    return given_name_genders().get(words[0].casefold())


#: Dependencies that join a list's names to its first ("Alicia Keys, Anastasia,
#: Avril Lavigne and Beyonce Knowles").
_LISTED_DEPS = frozenset({"conj", "appos", "npadvmod"})


def _unbound(pronoun: Token) -> list[int]:
    """Indices of the tokens whose names a pronoun cannot stand for: its clause's
    subject and the subject's conjuncts (:func:`_local_subject`), and, for a
    possessive whose noun is in apposition to a name, that name ("custody of
    Frances Bean, her 12-year-old daughter": her is the mother's)."""
    local = _local_subject(pronoun)
    found: list[int] = []
    todo = [] if local is None else [local]
    while todo:  # the subject and its list's other names (which the parse may hang
        node = todo.pop()  # on it as conjuncts, appositions or adverbials)
        found.append(node.i)
        todo.extend(c for c in node.children if c.dep_ in _LISTED_DEPS)
    if pronoun.dep_ == "poss" and pronoun.head.dep_ == "appos":
        found.append(pronoun.head.head.i)
    return found


def _local_subject(pronoun: Token) -> Token | None:
    """For an object pronoun, the subject of its own clause, whom it cannot stand
    for: "Kilroy-Silk" in "Kilroy-Silk had made him deputy leader", "Hain" in
    "Hain's description of him" (a possessor is a noun's subject); ``None`` for
    any other pronoun ("he", "his": "Blair praised his chancellor")."""
    if pronoun.lower_ not in _OBJECT_PRONOUNS or pronoun.dep_ == "poss":
        return None
    node = pronoun.head
    for _ in range(6):  # up to the closest verb, or a noun with a possessor
        if node.pos_ in {"VERB", "AUX"}:
            return next((c for c in node.children
                         if c.dep_ in {"nsubj", "nsubjpass"} and c.i != pronoun.i), None)
        possessor = next((c for c in node.children if c.dep_ == "poss"), None)
        if node.pos_ == "NOUN" and possessor is not None:
            return possessor
        if node.head.i == node.i:
            return None
        node = node.head
    return None


class _Resolved(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def type(self) -> str: ...


M = TypeVar("M", bound=_Resolved)


@dataclass(slots=True)
class Profile:
    """What the document says about one person: titles, nationality, gender."""

    titles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # entity keys ("country/RU")
    represents: str | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class _PersonMention(Generic[M]):
    start: int  # token index
    end: int
    sent: int
    mention: M
    subject: bool


class People(Generic[M]):
    """The people named in ``doc``, found with the resolver's own naming function
    ``name_of(text, ner_label)`` (so that "Putin" and "Vladimir Putin" are one).

    ``ents`` and ``tokens`` may pass ``doc.ents`` and the document's
    :class:`~kg.resolve.tokens.TokenTable` when the caller has them already (spaCy
    builds the entities anew on each call)."""

    def __init__(
        self,
        doc: Doc,
        gazetteer: Gazetteer,
        name_of: Callable[[str, str], M | None],
        extend_name: Callable[[Span], Span],
        *,
        ents: Sequence[Span] | None = None,
        tokens: TokenTable | None = None,
    ) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self._tokens = tokens = TokenTable(doc) if tokens is None else tokens
        self._sent_starts = tokens.sent_starts
        found = doc.ents if ents is None else ents  # spaCy builds them anew on each call
        self._ents = found
        self.mentions: list[_PersonMention[M]] = []
        self.profiles: dict[str, Profile] = {}
        #: Descriptions read by position (:meth:`recent`): head token index → person.
        self.described: dict[int, M] = {}
        self._by_key: dict[str, M] = {}
        covered: set[int] = set()
        for ent in found:
            label = ent.label_
            if label not in _NAME_LABELS:
                continue
            span = extend_name(ent)
            covered.update(range(span.start, span.end))
            if len(span) == 1 and self._common_word(span.start):
                continue  # "Comedy sequel Meet the Fockers, in which he stars": no one
            self._add(span.start, span.end,
                      name_of(clean_mention(tokens.span_text(span)), label))
        for start, end in self._proper_runs(covered):
            self._add(start, end, name_of(clean_mention(tokens.text_of(start, end)), ""))
        self.mentions.sort(key=lambda m: m.start)
        self._learn_genders()

    def _learn_genders(self) -> None:
        """A person's gender from the document's own pronouns, where nothing else
        gives it: the one person a sentence names, followed in that sentence by
        "she" (or "he") and no pronoun of the other gender, none before the name, no
        quotation mark between (a quote's "she" is often someone else) and no noun
        of another whom the pronoun may stand for ("his wife"); only where every
        such sentence agrees. "There was a setback for Jade Johnson as she
        suffered ...": a later "he" is not Jade Johnson."""
        tokens = self._tokens
        pronouns = tokens.find(_PRONOUN_GENDER.keys())
        if not pronouns:
            return
        others = tokens.find(_GENDERED_OTHERS)
        quotes = tokens.find(_QUOTES)
        by_sent: dict[int, list[_PersonMention[M]]] = {}
        for m in self.mentions:
            by_sent.setdefault(m.sent, []).append(m)
        said: dict[str, set[str]] = {}
        n_sents = len(self._sent_starts)
        for sent, found in by_sent.items():
            if len({m.mention.key for m in found}) != 1:
                continue
            start = self._sent_starts[sent]
            end = self._sent_starts[sent + 1] if sent + 1 < n_sents else len(tokens.idx)
            after = min(m.end for m in found)
            if any(start <= i < end for i in others) or any(
                    start <= i < after for i in pronouns):
                continue  # ("She ... joined Diaghilev when she was 14": hers before him)
            words = {tokens.text_of(i, i + 1).lower() for i in pronouns
                     if after <= i < end and not any(after <= q < i for q in quotes)}
            genders = {_PRONOUN_GENDER[w] for w in words}
            # a subject's "he"/"she", not only "her"/"his" ("It was Diaghilev who
            # changed her name": hers)
            if len(genders) == 1 and words & {"he", "she"}:
                said.setdefault(found[0].mention.key, set()).update(genders)
        for key, genders in said.items():
            profile = self.profiles[key]
            if profile.gender is None and len(genders) == 1:
                profile.gender = next(iter(genders))

    def _common_word(self, i: int) -> bool:
        """Whether the one word of a name at token ``i`` is a common noun or
        adjective that the document also writes in lower case ("Comedy sequel ...",
        with "quirky comedy Sideways" further on): a word at a sentence's start that
        the tagger took for a person, for whom "he" cannot stand."""
        tokens = self._tokens
        return any(j != i and tokens.pos[j] in _COMMON_POS
                   and tokens.text[tokens.idx[j]].islower()
                   for j in tokens.find([self.doc[i].lower_]))

    @cached_property
    def _ent_of(self) -> dict[int, Span]:
        """Token index → the entity that covers it."""
        return {i: ent for ent in self._ents for i in range(ent.start, ent.end)}

    # -- building -------------------------------------------------------------------

    def _proper_runs(self, covered: set[int]) -> list[tuple[int, int]]:
        """Runs of proper nouns outside any entity ("Xi Jinping", "Navalny" untagged),
        without a leading place ("China Xi Jinping"), as (start, end) token indices."""
        runs: list[tuple[int, int]] = []
        doc = self.doc
        proper = [i for i in self._tokens.proper_nouns[0] if i not in covered]
        k, n = 0, len(proper)
        while k < n:
            i = j = proper[k]  # a run: consecutive indices in ``proper``
            while k < n and proper[k] == j:
                j += 1
                k += 1
            start = i
            while j - start > 2 and (doc[start].ent_type_ or self.gazetteer.find(doc[start].text)):
                start += 1
            runs.append((start, j))  # kept only if it names a person
        return runs

    def _add(self, start: int, end: int, mention: M | None) -> None:
        """Note the person ``mention`` names at tokens ``start``..``end`` (if any)."""
        if mention is None or mention.type != "Person":
            return
        key = mention.key
        self._by_key.setdefault(key, mention)
        self.mentions.append(_PersonMention(
            start, end, self.sentence_of(start), mention, self._subject(start, end)))
        profile = self.profiles.setdefault(key, Profile())
        titles, countries, gender = self._context(start)
        profile.titles |= titles
        profile.countries |= countries
        entry = self.gazetteer.get(key)
        profile.gender = (profile.gender or gender or (entry.gender if entry else None)
                          or _given_name_gender(mention.label))
        if profile.represents is None:
            if entry is not None and entry.represents:
                profile.represents = entry.represents
            elif (titles & GOVERNMENT_TITLES and not titles & NON_GOVERNMENT_TITLES
                  and len(countries) == 1):
                profile.represents = next(iter(countries))

    def _subject(self, start: int, end: int) -> bool:
        """Whether the name at tokens ``start``..``end`` is (part of) a subject."""
        doc = self.doc
        if any(doc[i].dep_ in _SUBJECT_DEPS for i in range(start, end)):
            return True
        # spaCy's span.root is one of the span's tokens, unless a hook says otherwise
        return "root" in doc.user_span_hooks and doc[start:end].root.dep_ in _SUBJECT_DEPS

    def _context(self, start: int) -> tuple[set[str], set[str], str | None]:
        """Titles, countries and gender words just before a name (at token
        ``start``), within its phrase ("Russian President", "The President of the
        People's Republic of China")."""
        doc = self.doc
        pos = self._tokens.pos
        sent_start = self._sent_starts[self.sentence_of(start)]
        words: list[Token] = []
        i = start - 1
        while i >= sent_start and start - i <= 10:
            if pos[i] not in _CONTEXT_POS_IDS:
                break  # (read from the table: no Token object for it)
            token = doc[i]
            if token.ent_type_ == "PERSON":
                break
            words.append(token)
            i -= 1
        titles = {t.lower_ for t in words
                  if (t.lower_ in TITLE_WORDS or t.lower_ in LESSER_TITLES) and t.pos_ != "DET"}
        countries: set[str] = set()
        seen_ents: set[int] = set()
        for token in words:
            demonym = self.gazetteer.demonym(token.text) if token.text[:1].isupper() else None
            if demonym is not None:
                countries.add(demonym.key)
            elif token.ent_type_ == "GPE" and token.ent_iob_ in {"B", "I"}:
                ent = self._ent_of.get(token.i)
                if ent is None or ent.start in seen_ents:
                    continue
                seen_ents.add(ent.start)
                found = self.gazetteer.find(clean_mention(self._tokens.span_text(ent)))
                if found and found[0].kind == "country":
                    countries.add(found[0].key)
        lowered = {t.lower_ for t in words[:2]} | {doc[start].lower_}  # "Ms Kelly"
        gender = "m" if lowered & _MALE else "f" if lowered & _FEMALE else None
        return titles, countries, gender

    # -- questions ------------------------------------------------------------------

    def sentence_of(self, token_index: int) -> int:
        """The index of the sentence holding a token."""
        return max(0, bisect.bisect_right(self._sent_starts, token_index) - 1)

    def pronoun(self, token: Token, *, speaker: str | None = None) -> M | None:
        """The person "he"/"she" (``token``) stands for, if the text is clear.

        ``speaker`` is the key of who says the sentence, when it is a quote: "he" in
        someone's quote is someone else."""
        gender = _PRONOUN_GENDER.get(token.lower_)
        if gender is None:
            return None
        here = self.sentence_of(token.i)
        # whom the pronoun cannot stand for: its clause's subject (all of a list:
        # "Alicia Keys, ... and Beyonce Knowles had featured alongside her"), and the
        # name a possessive's noun is in apposition to ("Frances Bean, her daughter")
        others = _unbound(token)
        excluded = {m.mention.key for m in self.mentions
                    if any(m.start <= i < m.end for i in others)}
        if speaker is not None:
            excluded.add(speaker)
        listed = self._conjunct_before(token, gender, excluded)
        if listed is not None:
            return listed
        antecedent = self._relative_antecedent(token, gender, excluded)
        if antecedent is not None:
            return antecedent
        for sent in range(here, max(-1, here - 5), -1):
            found = [m for m in self.mentions
                     if m.sent == sent and (sent < here or m.start < token.i)
                     and m.mention.key not in excluded]
            if not found:
                if sent == here and self._introduced_before(token):
                    return None  # "The portrait is of a young man who ... when he arrived"
                continue
            named = found
            found = [m for m in found if self._gender_fits(m.mention.key, gender)]
            if not found:
                # only people of the other gender: the one meant is further back, the
                # subject a chain of "he" goes back to if there is one ("... during the
                # premiership of Margaret Thatcher. As a minister he dealt ... He")
                if self._pronoun_chain(sent, token, gender,
                                       before=min(m.start for m in named)) == "between":
                    earlier = self._earlier_subject(sent, gender, set())
                    if earlier is not None:
                        return earlier
                continue
            keys = {m.mention.key for m in found}
            subjects = {m.mention.key for m in found if m.subject}
            if sent == here and not subjects and self._introduced_before(token):
                return None  # "One is a Jamaican who joined British troops to fight
                # Hitler but finds life difficult when he settles in London"
            if len(keys) == 1 and not subjects and self._unnamed_subject(sent, token):
                return None  # "The former France boss ... succeed Mark Hughes. He ..."
            chain = (self._pronoun_chain(sent, token, gender, before=min(m.start for m in found))
                     if len(keys) == 1 and not subjects else None)
            if chain is not None:
                # "Sir Nicholas Scott has died ... during the premiership of Margaret
                # Thatcher. As a minister he dealt with ... He also merged": the "he"
                # before continues a chain, which goes back to a subject further back
                earlier = self._earlier_subject(sent, gender, keys)
                if earlier is not None or chain == "subject":
                    # the chain's "he" is the subject of the sentence that names the one
                    # person after it, so not that person: with no subject further back,
                    # no one ("he played Thompson in Terry Gilliam's film. He worked
                    # again with Burton": not Gilliam)
                    return earlier
            if len(keys) == 1:
                return found[0].mention
            if len(subjects) == 1:
                return self._by_key[next(iter(subjects))]
            return None
        return None

    def _conjunct_before(self, token: Token, gender: str, excluded: set[str]) -> M | None:
        """For a possessive in a coordination ("David Evans and his brother Dick",
        "met Chirac and his wife"), the person named just before it in the same
        coordination, if one of ``gender`` is: the pronoun goes with that conjunct,
        not with the clause's subject."""
        noun = token.head
        if token.dep_ != "poss" or noun.dep_ != "conj":
            return None
        before = [c for c in noun.conjuncts if c.i < noun.i]
        if not before:
            return None
        last = max(before, key=lambda c: c.i)
        keys = {m.mention.key: m.mention for m in self.mentions
                if m.start <= last.i < m.end and m.mention.key not in excluded
                and self._gender_fits(m.mention.key, gender)}
        return next(iter(keys.values())) if len(keys) == 1 else None

    def _relative_antecedent(self, token: Token, gender: str, excluded: set[str]) -> M | None:
        """For a pronoun inside a "who" clause ("supermodel Claudia Schiffer - who was
        supporting her director husband"), the person named right before "who", if
        one of ``gender`` is: the clause's subject does what it says, to its own."""
        if token.dep_ != "poss":
            return None  # "who" is the clause's subject, and "him" after it someone
            # else ("Pullman, who had told him")
        node = token
        while node.dep_ != "relcl":
            if node.head.i == node.i or node.dep_ in {"ccomp", "parataxis"}:
                return None
            node = node.head
        who = next((c for c in node.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)
        if who is None:
            return None
        # the name right before "who" (the parse may hang the clause on an earlier
        # name the two are in apposition with: "Sienna Miller, Claudia Schiffer - who")
        at = who.i - 1
        while at >= 0 and self.doc[at].is_punct:
            at -= 1
        other = "m" if gender == "f" else "f"
        keys = {m.mention.key: m.mention for m in self.mentions
                if m.start <= at < m.end and m.mention.key not in excluded
                and self.profiles[m.mention.key].gender != other}
        return next(iter(keys.values())) if len(keys) == 1 else None
        # (a person of no known gender will do: the clause says whose it is)

    def _pronoun_chain(self, sent: int, token: Token, gender: str, *,
                       before: int) -> str | None:
        """Whether a subject pronoun of ``gender`` continues a chain to ``token``:
        ``"between"`` when one comes after sentence ``sent`` and before ``token``,
        ``"subject"`` when ``sent`` is an earlier sentence and one is its main verb's
        subject before the name found there (at token ``before``: "he played Thompson
        in Terry Gilliam's film. He worked again with Burton"); else ``None``."""
        doc = self.doc
        start = self._sent_starts[sent + 1] if sent + 1 < len(self._sent_starts) else token.i
        if any(doc[i].dep_ in {"nsubj", "nsubjpass"}
               and _PRONOUN_GENDER.get(doc[i].lower_) == gender for i in range(start, token.i)):
            return "between"
        if sent < self.sentence_of(token.i) and any(
                doc[i].dep_ in {"nsubj", "nsubjpass"} and doc[i].head.dep_ == "ROOT"
                and _PRONOUN_GENDER.get(doc[i].lower_) == gender
                for i in range(self._sent_starts[sent], before)):
            return "subject"
        return None

    def _earlier_subject(self, sent: int, gender: str, others: set[str]) -> M | None:
        """The one person of ``gender`` who is a subject before sentence ``sent``
        (nearest first, up to five sentences back) and is none of ``others``."""
        for back in range(sent - 1, max(-1, sent - 6), -1):
            keys = {m.mention.key for m in self.mentions
                    if m.sent == back and m.subject and m.mention.key not in others
                    and self._gender_fits(m.mention.key, gender)}
            if len(keys) == 1:
                return self._by_key[next(iter(keys))]
            if keys:
                return None
        return None

    def listed(self, token: Token) -> list[M]:
        """The people "they"/"their" (``token``) stands for when they were just
        listed by name ("five other barristers - Nicholas Blake QC, ..., Rick Scannell
        and Tom de la Mare. They are all ..."): the people of the closest list of
        names (a conjunction of two or more) in the pronoun's sentence before it or
        in the sentence before, with no one else named after the list; else none."""
        if token.lower_ not in {"they", "them", "their"}:
            return []
        doc = self.doc
        here = self.sentence_of(token.i)
        for sent in (here, here - 1):
            if sent < 0:
                break
            named = [m for m in self.mentions
                     if m.sent == sent and (sent < here or m.end <= token.i)]
            if not named:
                continue
            listed = [m for m in named if any(
                doc[i].dep_ == "conj" or any(c.dep_ == "conj" for c in doc[i].children)
                for i in range(m.start, m.end))]
            keys = {m.mention.key for m in listed}
            if len(keys) < 2 or any(m.start > listed[-1].start for m in named
                                    if m not in listed):
                return []
            return list({m.mention.key: m.mention for m in listed}.values())
        return []

    def _introduced_before(self, pronoun: Token) -> bool:
        """Whether the pronoun's sentence brings in someone unnamed before it, with
        "a"/"an" ("a young man who was dubbed ... when he arrived", "a Jamaican
        who ..."): whom the
        pronoun more likely stands for than anyone named in the sentences before."""
        start = self._sent_starts[self.sentence_of(pronoun.i)]
        for token in self.doc[start:pronoun.i]:
            if (((token.pos_ == "NOUN" and token.lemma_ in PERSON_NOUNS)
                 or (token.ent_type_ == "NORP" and token.pos_ in {"NOUN", "PROPN"}))
                    and token.dep_ != "compound"
                    and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                            for c in token.children)):
                return True
        return False

    def _unnamed_subject(self, sent: int, before: Token) -> bool:
        """Whether sentence ``sent`` has a person described, not named, as a subject
        ("The former France boss has been linked...", "One of his fellow pupils was
        ...")."""
        start = self._sent_starts[sent]
        end = self._sent_starts[sent + 1] if sent + 1 < len(self._sent_starts) else len(self.doc)
        for token in self.doc[start:min(end, before.i)]:
            if token.dep_ not in _SUBJECT_DEPS:
                continue
            if token.pos_ == "NOUN" and (token.lower_ in TITLE_WORDS
                                         or token.lemma_ in PERSON_NOUNS):
                return True
            own = [t for c in token.children if c.i < token.i or c.dep_ == "prep"
                   for t in c.subtree]  # (its phrase, not a clause on it)
            if token.pos_ in {"NOUN", "NUM"} and any(t.lower_ in {"his", "her"} for t in own):
                # "One of his fellow pupils was Vladimir Putin. ... he": the subject is
                # about someone named before, whom "he" more likely goes on with
                return True
        return False

    def _gender_fits(self, key: str, gender: str) -> bool:
        known = self.profiles[key].gender
        if gender == "f":  # "she": only someone known to be a woman
            return known == "f"
        return known != "f"

    def description(self, head: Token, country: str | None, titles: set[str], *,
                    recent: bool = False) -> M | None:
        """The one person "the [Russian] leader" (head noun ``head``, nationality
        ``country``, other title words ``titles``) describes, if there is one.

        With ``recent`` (a subject outside quotes, "The striker has scored..."),
        when no one was introduced with that title, the person named just before
        whom the document gives no other role (:meth:`recent`)."""
        if not recent:
            return self._introduced(head, country, titles)
        found = self._introduced(head, country, titles)
        if found is not None or self._holder(head, country, titles):
            return found
        return self.recent(head, country, titles)

    def _holder(self, head: Token, country: str | None, titles: set[str]) -> bool:
        """Whether someone of the document holds the title (so that a description
        that fits several of them is ambiguous, not someone else)."""
        return any(self._fits(p, head.lower_, titles) for p in self.profiles.values())

    @staticmethod
    def _fits(profile: Profile, noun: str, titles: set[str]) -> bool:
        """Whether a person introduced with ``profile`` holds the title (head noun
        ``noun``, other words ``titles``)."""
        fits = _canonical({noun} | titles) <= _canonical(profile.titles) or bool(
            noun == "leader" and profile.titles & LEADER_TITLES
            and titles <= profile.titles)
        # "the prime minister" is not the deputy prime minister
        return fits and not profile.titles & LESSER_TITLES - titles

    def recent(self, head: Token, country: str | None, titles: set[str]) -> M | None:
        """The person a description stands for by position: of the people named in
        the closest of the three sentences before it that names anyone, those who may
        hold the title (known by no other role, of no other country): the one named
        there as a subject; none when its own sentence names someone before it. The
        title is then part of that person's profile."""
        words = _canonical({head.lower_} | titles)
        here = self.sentence_of(head.i)
        if any(m.sent == here and m.start < head.i for m in self.mentions):
            return None  # "Mr Brown refused to deny claims the prime minister had..."
        verb = clause_verb(head)
        clauses = {verb.i, *(c.i for c in verb.conjuncts)}
        if any(t.dep_ in {"nsubj", "nsubjpass"} and (t.pos_ == "PROPN" or t.lower_ in {
                "he", "she"}) and clause_verb(t).i in clauses
               for t in head.doc[head.sent.start : head.i]):
            return None  # nor when its clause's subject (or its coordinated clause's)
            # before it is someone the tagger missed or a pronoun: "Drogba almost headed
            # Chelsea in front but the striker saw the ball rebound", "he curled a shot
            # past the keeper's post" (not a quote's: '"Britain is heading in the wrong
            # direction", the Conservative leader said')
        for sent in range(here - 1, max(-1, here - 4), -1):
            named = [m for m in self.mentions if m.sent == sent
                     and self.doc[max(0, m.start - 1)].lower_ != "the"]  # "the Bill"
            if not named:
                continue  # "He said ..." between the name and the description
            found = [m for m in named
                     if m.mention.key.count("/") == 1  # named in full, not "Pompey"
                     and not self._given_name_only(m)  # not "Walter" in a quote
                     and self._may_hold(m.mention.key, words, country)]
            if not found:
                return None  # the closest people named cannot hold the title
            subjects = {m.mention.key for m in found if m.subject}
            if len(subjects) != 1:
                return None  # "... a key ally of Tony Blair. The premier": too loose
            chosen = self._by_key[next(iter(subjects))]
            self.profiles[chosen.key].titles |= words
            self.described[head.i] = chosen
            return chosen
        return None

    def _given_name_only(self, mention: _PersonMention[M]) -> bool:
        """Whether a person is named here by the given name alone ("Walter would bring
        a wealth of experience", in someone's quote): too familiar a name for the
        narrative's descriptions to follow."""
        if mention.end - mention.start != 1:
            return False
        name = mention.mention.key.partition("/")[2].split()
        return len(name) > 1 and self.doc[mention.start].text == name[0]

    def _may_hold(self, key: str, words: set[str], country: str | None) -> bool:
        profile = self.profiles[key]
        if country is not None and profile.countries and country not in profile.countries:
            return False
        if "leader" in words and profile.represents:  # (the gazetteer's too: see _add)
            return False  # a head of state or government is no "Tory leader" here
        if profile.titles & _PAST:
            return True  # "Former Cabinet minister Douglas Hogg" may be an MP now
        roles = _canonical(profile.titles) - _NO_ROLE
        if roles & LESSER_TITLES - words:
            return False  # the shadow foreign secretary is not "the foreign secretary"
        return not roles or words <= roles

    def _introduced(self, head: Token, country: str | None, titles: set[str]) -> M | None:
        """The one person of the document introduced with the title, if there is one."""
        found: dict[str, M] = {}
        for m in self.mentions:
            profile = self.profiles[m.mention.key]
            if not self._fits(profile, head.lower_, titles):
                continue
            if country is not None and country not in profile.countries:
                continue
            if country is None and m.start > head.i:
                continue  # without a nationality, only someone named before
            found[m.mention.key] = m.mention
        return next(iter(found.values())) if len(found) == 1 else None

    def represents(self, key: str) -> str | None:
        """The key of the country or organisation person ``key`` speaks for."""
        profile = self.profiles.get(key)
        if profile is not None:
            return profile.represents
        entry = self.gazetteer.get(key)
        return entry.represents if entry is not None else None


#: Pronouns that stand for a plural antecedent: an organisation ("Labour say they
#: will..."), a country, a group of people.
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
#: Title words that make a lesser or another role than the bare title ("deputy prime
#: minister", "shadow chancellor"): a description without them is someone else.
LESSER_TITLES = frozenset({"deputy", "vice", "shadow", "assistant", "former", "acting",
                           "junior", "ex", "late"})
#: Words before a name that give no role of its own ("Mr", "former", "first").
_NO_ROLE = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "former", "late",
                      "then", "first", "ex", "acting", "state", "national"})
_PAST = frozenset({"former", "ex", "late"})
#: Title words read as another: "premier" is "prime minister", "boss" a "manager".
_SAME_TITLE = {"premier": ("prime", "minister"), "boss": ("manager",)}


def _canonical(words: set[str]) -> set[str]:
    """Title words with synonyms spelt one way (:data:`_SAME_TITLE`)."""
    out: set[str] = set()
    for word in words:
        out.update(_SAME_TITLE.get(word, (word,)))
    return out
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Words for unnamed people that "they" may stand for instead ("somebody says they").
_INDEFINITE = frozenset({"somebody", "someone", "anyone", "anybody", "everyone",
                         "everybody", "nobody", "people", "voters", "%"})
#: NER labels of names that may be a group (a body the document typed, whatever the tag).
_GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "PERSON"})


@dataclass(frozen=True, slots=True)
class _GroupMention(Generic[M]):
    start: int  # token index
    end: int
    sent: int
    mention: M
    subject: bool


class Groups(Generic[M]):
    """The organisations, countries and groups named in ``doc`` (``is_group`` says
    which resolved mentions count), for a cautious "they"/"their": the one group
    named as a subject before the pronoun in its sentence, else in the sentence
    before, and none when anything else plural could be meant instead: a plural
    noun ("ministers ... they", "patients in Wales ... they"), people left unnamed
    ("somebody says they"), a pair of names ("Mr Blair and Mr Brown ... they")."""

    def __init__(
        self,
        doc: Doc,
        name_of: Callable[[str, str], M | None],
        is_group: Callable[[M], bool],
        *,
        ents: Sequence[Span] | None = None,
        tokens: TokenTable | None = None,
    ) -> None:
        self.doc = doc
        tokens = TokenTable(doc) if tokens is None else tokens
        self._sent_starts = tokens.sent_starts
        self.mentions: list[_GroupMention[M]] = []
        for ent in doc.ents if ents is None else ents:
            if ent.label_ not in _GROUP_LABELS:
                continue
            mention = name_of(clean_mention(tokens.span_text(ent)), ent.label_)
            if mention is None or not is_group(mention):
                continue
            subject = ent.root.dep_ in _SUBJECT_DEPS or (
                ent.root.dep_ == "conj" and ent.root.head.dep_ in _SUBJECT_DEPS)
            self.mentions.append(_GroupMention(ent.start, ent.end, self._sentence(ent.start),
                                               mention, subject))

    def _sentence(self, token_index: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, token_index) - 1)

    def _rivals(self, start: int, end: int) -> bool:
        """Whether tokens ``start``..``end`` hold something else "they" could mean:
        a plural noun, unnamed people or coordinated subjects outside the groups."""
        inside = {i for m in self.mentions if start <= m.start < end
                  for i in range(m.start, m.end)}
        for token in self.doc[start:end]:
            if token.i in inside:
                continue
            if token.tag_ in _PLURAL_TAGS and not (token.ent_type_ and token.pos_ == "PROPN"):
                return True  # "ministers", not "Leeds" (a name the tagger calls plural)
            if token.lower_ in _INDEFINITE:
                return True
            if token.dep_ in _SUBJECT_DEPS and any(c.dep_ == "conj" for c in token.children):
                return True
        return False

    def description(self, head: Token, accepts: Callable[[M], bool]) -> M | None:
        """The body a subject "the company" (head noun ``head``) stands for: in its
        sentence before it, else the closest of the three sentences before that names
        a body ``accepts`` takes, the one named there as a subject; none when several
        are subjects there or none is."""
        here = self._sentence(head.i)
        for sent in range(here, max(-1, here - 4), -1):
            found = {m.mention.key: m for m in self.mentions
                     if m.sent == sent and m.start < head.i and accepts(m.mention)}
            if not found:
                continue
            subjects = {m.mention.key: m.mention for m in found.values() if m.subject}
            return next(iter(subjects.values())) if len(subjects) == 1 else None
        return None

    def pronoun(self, token: Token) -> M | None:
        """The group "they"/"them"/"their" (``token``) stands for, if the text is clear."""
        if token.lower_ not in PLURAL_PRONOUNS:
            return None
        here = self._sentence(token.i)
        for sent in (here, here - 1):
            if sent < 0:
                break
            if self._rivals(self._sent_starts[sent], token.i):
                return None
            found = {m.mention.key: m.mention for m in self.mentions
                     if m.sent == sent and m.start < token.i and m.subject}
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return None
