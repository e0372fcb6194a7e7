"""Mentions → entities: the entity (or value) each argument of a statement names.

:class:`EntityResolver` reads an argument against its document
(:class:`~kg.resolve.document.DocumentIndex`): the named entity covering its head,
else the run of proper nouns around it, else a description, a pronoun or a
government noun (:mod:`kg.resolve.coref`); names are looked up in the gazetteer,
merged with the people the document names in full, and typed from what the
document says of them or from their NER label. :class:`~kg.resolve.Resolver`
builds on it to name relations and derive facts.

>>> EntityResolver(metonymy=False).metonymy
False
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.clauses import speaker_of
from kg.ontology import Ontology, default_ontology
from kg.resolve import nominal, roles
from kg.resolve.constraints import TypeConstraints
from kg.resolve.coref import (
    DESCRIBED_HEADS,
    LESSER_TITLES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    Groups,
    People,
)
from kg.resolve.crossdoc import scoped_person_key
from kg.resolve.document import (
    _FACILITY_HEADS,
    _HONORIFICS,
    _NAME_CONNECTORS,
    _NAMED_BODIES,
    _ORGANIZATION_HEADS,
    _OWNED_WORK,
    _PEOPLE_DEMONYM_ENDINGS,
    _ROLE_WORDS,
    _TRAILING_NUMBER,
    _UNITS,
    _UNKNOWN,
    _VALUE_LABELS,
    _WORK_CONNECTORS,
    _WORK_SUFFIX,
    GOVERNMENT_NOUNS,
    LABEL_TYPES,
    DocumentIndex,
    _after_last_title,
    _misread_person,
    _squash,
    programme_named,
)
from kg.resolve.gazetteer import club_nicknames, default_gazetteer, normalize
from kg.resolve.mentions import Mention as _Mention
from kg.resolve.mentions import entry_mention as _entry_mention
from kg.resolve.mentions import token_argument
from kg.resolve.mentions import unnamed as _unnamed
from kg.resolve.names import (
    LONE_TITLES,
    TITLE_WORDS,
    clean_mention,
    is_plausible_name,
    is_plausible_person,
    organization_type,
    strip_titles,
)
from kg.resolve.tokens import clause_verb
from kg.resolve.values import DATE_LABELS, VALUE_LABELS, amount_value, date_value
from kg.types import Argument, Value

__all__ = ["EntityResolver"]

#: Titles that only a person bears, right before a name ("President Bush").
_PERSON_TITLES = frozenset({"president", "minister", "senator", "chancellor", "premier",
                            "secretary", "ambassador", "spokesman", "spokeswoman", "leader",
                            "chairman", "chairwoman", "governor", "mayor", "judge", "general",
                            "colonel", "captain", "coach", "manager", "striker", "midfielder",
                            "defender", "goalkeeper", "singer", "actor", "actress", "star",
                            "presenter", "director", "producer", "rapper", "boss"})
#: Last words of place names ("English Channel", "Irish Sea").
_GEOGRAPHIC_HEADS = frozenset({"channel", "sea", "ocean", "river", "valley", "island",
                               "islands", "mountains", "hills", "strait", "bay", "gulf",
                               "lake", "peninsula", "desert", "coast", "county", "shire"})
#: Posts that name one person when followed by "of" a place ("Archbishop of
#: Canterbury", "Duke of Edinburgh").
_TITLED_PERSONS = frozenset({"archbishop", "bishop", "king", "queen", "prince", "princess",
                             "duke", "duchess", "earl", "pope", "cardinal", "dean",
                             "baroness", "baron", "lord", "lady", "marquess", "countess"})

_DIGIT = re.compile(r"\d")


#: What joins the two numbers of a result ("2-0").
_SCORE_DASHES = frozenset({"-", "\u2013"})


def _number_word(token: Token) -> bool:
    """A number written as a capitalised word inside a title ("Million Dollar Baby",
    "Seven Samurai"), which the tagger leaves out of the name."""
    return (token.pos_ == "NUM" and token.text[:1].isupper() and token.text.isalpha()
            and token.dep_ in {"compound", "nummod"} and not token.is_sent_start)


def _word_before(span: Span, arg: Argument, index: DocumentIndex) -> Token | None:
    """The token just before ``span``, if the argument holds it."""
    if not span.start or index.tokens.idx[span.start - 1] < arg.start:
        return None
    return index.doc[span.start - 1]


def _year_of_event(span: Span, arg: Argument, index: DocumentIndex) -> bool:
    """Whether an event's name has the year it was held just before it, in the
    argument, which the tagger left out as a date ("the 2000 Olympics in Sydney",
    "the 1996 Olympics"), so that the name says which one."""
    prev = _word_before(span, arg, index)
    return (prev is not None and len(prev.text) == 4 and prev.text.isdigit()
            and prev.text[:2] in {"18", "19", "20"} and prev.ent_type_ == "DATE"
            and span.start <= prev.head.i < span.end)


#: Determiners a title of a work may open with ("His Dark Materials", "My Family").
_POSSESSIVE_OPENINGS = frozenset({"His", "Her", "My", "Our", "Their", "Your"})


#: What stands around a nickname in a phrase: "the", a possessive ("the Saints'").
_NICKNAME_EDGES = re.compile(r"^(?:the|The)\s+|'s?$")


def _title_opening(token: Token) -> bool:
    """Whether a word the tagger did not call a proper noun opens the name after it:
    capitalised inside a sentence, a possessive determiner or a common noun that
    modifies the name ("His" of "His Dark Materials", "X" of "the X Files"); not a
    title ("Chancellor Brown") nor a word that opens its sentence or a quotation."""
    if token.is_sent_start or not token.text[:1].isupper() or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.is_quote or before.text in {":", "(", "-"}:
        return False
    if token.pos_ == "PRON":
        return token.text in _POSSESSIVE_OPENINGS and token.dep_ == "poss"
    return (token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "PROPN"
            and token.lower_ not in TITLE_WORDS and token.lower_ not in _HONORIFICS)


def _named_inside_a_sentence(text: str, name: str) -> bool:
    """Whether ``name`` stands, capitalised as it is, somewhere in ``text`` after a
    word of the same sentence ("Parma and Real Madrid are interested"), so that its
    first word is part of the name wherever it opens a sentence ("Real Madrid view
    him ...", with "Real" tagged an adjective).

    >>> _named_inside_a_sentence("Real Madrid won. Parma and Real Madrid lost.", "Real Madrid")
    True
    >>> _named_inside_a_sentence("Central London was quiet.", "Central London")
    False
    """
    start = text.find(name)
    while start != -1:
        before = text[:start].rstrip()
        if before and before[-1].isalnum():
            return True
        start = text.find(name, start + 1)
    return False


def _name_word_before(span: Span, arg: Argument, index: DocumentIndex,
                      deps: frozenset[str] = frozenset({"compound"})) -> Token | None:
    """The proper noun just before ``span``, in the argument, that modifies a word of
    ``span`` (``deps``: its dependency labels): a word of the same name the tagger
    left out ("UK" of "UK Film Council", "Real" of "Real Madrid")."""
    prev = _word_before(span, arg, index)
    if prev is None or not (prev.pos_ == "PROPN" and prev.dep_ in deps
                            and span.start <= prev.head.i < span.end):
        return None
    return prev


#: Nouns of a sports team, named by whose it is ("the England team", "the Chelsea side").
_TEAM_NOUNS = frozenset({"team", "side", "squad", "xv"})
#: Prepositions before a team noun that say membership, not the team as a side ("named
#: in the Wales squad", "dropped from the England team").
_MEMBERSHIP_ROLES = frozenset({"in", "into", "from", "within", "out of", "of"})
#: What a team noun's name may be: its country, town or club.
_TEAM_OWNERS = frozenset({"Country", "City", "Organization"})


def _cut_before_its_noun(head: Token, arg: Argument) -> bool:
    """Whether an argument "his/their NAME" was cut before the noun the name
    modifies ("during his Anfield playing career", parsed with "Anfield" as the
    object): a person's possessive before a proper noun, then a lower-case noun (or
    an "-ing" word and a noun) right after the argument that does not hang on the
    name itself."""
    words = arg.text.split()
    if head.pos_ != "PROPN" or len(words) < 2 or words[0].lower() not in _PERSONS_OWN:
        return False
    doc = head.doc
    after = next((t for t in doc[head.i + 1 : head.i + 3] if t.idx >= arg.end), None)
    if after is None or not after.text.isalpha() or not after.text.islower() or (
            after.head.i == head.i):
        return False  # ("Her comeback song Bout featuring Rah Digga": the name's own)
    nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return after.pos_ == "NOUN" or (after.tag_ == "VBG" and nxt is not None
                                    and nxt.pos_ == "NOUN")


def _shares_later_noun(head: Token) -> bool:
    """Whether a name is the first of coordinated modifiers of a plural noun after
    the last of them ("reached the Wimbledon and US Open finals", parsed with
    "Wimbledon" as the object and "finals" as its conjunct): it names the finals'
    tournament, not what was reached.

    >>> from kg.nlp import parse
    >>> doc = next(parse(["Tony Roche reached the Wimbledon and US Open finals."]))
    >>> _shares_later_noun(doc[4]), _shares_later_noun(doc[8])
    (True, False)
    """
    doc = head.doc
    if (head.pos_ != "PROPN" or head.i + 2 >= len(doc) or doc[head.i + 1].dep_ != "cc"
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
        return False  # ("accused Mr Blair and other Cabinet ministers": Blair himself)
    return any(
        c.dep_ == "conj" and c.tag_ == "NNS" and c.pos_ == "NOUN"
        and c.left_edge.i == head.i + 2 and c.left_edge.dep_ == "compound"
        and c.left_edge.pos_ == "PROPN"
        for c in head.children)


#: Possessive pronouns of people ("his Anfield playing career").
_PERSONS_OWN = frozenset({"his", "her", "their", "my", "our", "your"})


class EntityResolver:
    """Resolves the arguments of one document's statements to entities and values
    (``metonymy``: a capital acting as an agent is its country; ``coreference``:
    pronouns and descriptions are resolved; ``ontology``: the classes' hierarchy)."""

    def __init__(
        self,
        *,
        metonymy: bool = True,
        ontology: Ontology | None = None,
        coreference: bool = True,
    ) -> None:
        self.metonymy = metonymy
        self.coreference = coreference
        self.ontology = ontology or default_ontology()
        self.gazetteer = default_gazetteer()
        self.types = TypeConstraints(self.ontology)

    def _people(self, index: DocumentIndex) -> People[_Mention]:
        if index.people is None:
            index.people = People(index.doc, self.gazetteer,
                                  lambda text, label: self._name(text, label, index),
                                  lambda span: index.titled_span(index.extend_name(span)),
                                  ents=index.ents, tokens=index.tokens)
        return index.people

    def _groups(self, index: DocumentIndex) -> Groups[_Mention]:
        if index.groups is None:
            index.groups = Groups(index.doc,
                                  lambda text, label: self._group_name(text, label, index),
                                  self._is_group, ents=index.ents, tokens=index.tokens)
        return index.groups

    def _group_name(self, text: str, label: str, index: DocumentIndex) -> _Mention | None:
        """The entity a group's name stands for, a nickname's club as it does as an
        argument ("Saints ... They also knocked out" in a report on Southampton)."""
        club = self._nicknamed_club(Argument(text, 0, 0, 0, 0, label, "subj"), index,
                                    agent=True)
        return club if club is not None else self._name(text, label, index)

    def _is_group(self, mention: _Mention) -> bool:
        """Whether "they" can stand for the entity: an organisation, a country, a group,
        a club named by its nickname (whatever the town it is named after is typed)."""
        return self.types.is_a(mention.type, {"Organization", "Country", "Group"}) or (
            mention.surface in club_nicknames())

    def _refer(self, head: Token, arg: Argument, index: DocumentIndex,
               we: _Mention | None, speaker: _Mention | None) -> _Mention | None:
        """Coreference for an argument whose head is no name: "he", "we", "our
        country", "the Russian leader", "the President of China Xi Jinping"."""
        lower = head.lower_
        if lower in {"i", "me"} and _told_within_quote(head, index):
            return None  # "Nicolas told me that he agrees with me", in Wardle's quote:
            # the quote's voice, not its teller's, whom the text does not name here
        if lower in {"i", "me"} and speaker is not None and speaker.type == "Person":
            return _unnamed(speaker)  # "I" in a quote is its speaker
        if lower in {"we", "us"} or (
            head.lemma_ == "country"
            and any(c.lower_ == "our" for c in head.children)
        ):
            return we
        if head.pos_ == "PRON":
            if lower in PLURAL_PRONOUNS:
                return _unnamed(self._groups(index).pronoun(head))
            if lower not in PERSON_PRONOUNS:
                return None  # "it", "you": no one People.pronoun names
            quoted = speaker is not None and _quoted(head, index)
            return _unnamed(self._people(index).pronoun(  # "he" in X's quote is not X
                head, speaker=speaker.key if quoted and speaker else None))
        if lower in BODY_DESCRIPTIONS:
            return _unnamed(self._body_description(head, index, speaker))
        if lower in _SPOKESPEOPLE:
            return self._spoken_for(head, index)
        if lower not in TITLE_WORDS:
            return None
        people = self._people(index)  # built only for the questions that need it
        idx = index.tokens.idx
        inside = {m.mention.key: m.mention for m in people.mentions
                  if m.start > head.i and arg.start <= idx[m.start] < arg.end
                  and not _under_other_preposition(index.doc[m.start], head)}
        if len(inside) == 1:  # "The President of the People's Republic of China Xi Jinping"
            return _unnamed(next(iter(inside.values())))
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        # a subject outside quotes may be read by position ("The striker has...")
        recent = (speaker is None and (lower in DESCRIBED_HEADS or lower == "leader")
                  and head.dep_ in {"nsubj", "nsubjpass", "poss"}
                  and not _quoted(head, index) and not _apposed(head))
        country: str | None = None
        titles: set[str] = set()
        loose = False  # a modifier that only a reading by position may leave unchecked
        body = False  # a name among the modifiers ("the Veritas leader")
        for child in head.children:
            if child.dep_ in {"det", "punct", "case"}:
                continue
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "at"} and child.i > head.i:
                loose = True  # "the Tory MP for Sleaford and North Hykeham"
                continue
            if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
                return None  # "the president of the club": more than we can check
            demonym = self.gazetteer.demonym(child.text)
            named = [e for e in self.gazetteer.find(clean_mention(child.text))
                     if e.kind == "country"]
            if demonym is not None:
                country = demonym.key
            elif named:
                country = named[0].key
            elif child.lower_ in TITLE_WORDS or child.lower_ in LESSER_TITLES:
                titles.add(child.lower_)
            elif recent and child.pos_ == "PROPN":
                loose = True  # "the Rovers assistant boss"
                body = True
            else:
                return None  # "the new president": a modifier we cannot check
        if recent and lower == "leader" and not (body or titles & PARTY_WORDS):
            recent = False  # "the Veritas leader", "the Tory leader", not "the leader"
        if loose and not recent:
            return None
        return _unnamed(people.description(head, country, titles, recent=recent))

    def _spoken_for(self, head: Token, index: DocumentIndex) -> _Mention | None:
        """ "A spokesman for UKIP", "a Home Office spokeswoman" left unnamed: the body
        they speak for (their words and acts are the body's)."""
        if _apposed(head) or not any(c.dep_ == "det" for c in head.children):
            return None  # "UKIP spokesman Mark Croucher": the person
        body: list[Token] = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "for" and child.i == head.i + 1:
                body = [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
            elif child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN":
                body = [t for t in child.subtree if t.i < head.i]
        if not body or any(t.ent_type_ == "PERSON" for t in body):
            return None
        found = self._argument(token_argument(body, "subj"), index, agent=True)
        if isinstance(found, _Mention) and self.types.is_a(
                found.type, {"Organization", "Country"}):
            return _unnamed(found)
        return None

    def _body_description(self, head: Token, index: DocumentIndex,
                          speaker: _Mention | None) -> _Mention | None:
        """ "The company said...", "the firm's profits": the body named just before
        (:meth:`kg.resolve.coref.Groups.description`), for a subject outside quotes
        written "the [adjective or noun] NOUN"."""
        if (speaker is not None or head.dep_ not in {"nsubj", "nsubjpass", "poss"}
                or _quoted(head, index) or _apposed(head)):
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        if any(c.dep_ not in {"det", "punct", "case", "amod", "compound", "acl", "relcl"}
               or c.pos_ == "PROPN" or (c.dep_ == "amod" and c.pos_ != "ADJ")
               for c in head.children):
            return None  # "the Microsoft group", "the merged group": not this one
        classes = BODY_DESCRIPTIONS[head.lower_]
        return self._groups(index).description(
            head, lambda m: m.type in classes)

    # -- arguments -------------------------------------------------------------

    def _name_span(self, head: Token, arg: Argument) -> Span:
        doc = head.doc
        start, end = head.i, head.i + 1
        while start > 0 and doc[start - 1].idx >= arg.start and (
                doc[start - 1].pos_ == "PROPN" or _number_word(doc[start - 1])):
            start -= 1
        if start > 0 and doc[start - 1].idx >= arg.start and _title_opening(doc[start - 1]):
            start -= 1  # "His Dark Materials", "the X Files actress"
        while end < len(doc) and doc[end].idx + len(doc[end]) <= arg.end:
            if doc[end].pos_ == "PROPN":
                end += 1
            elif (doc[end].lower_ in _NAME_CONNECTORS and end + 1 < len(doc)
                  and doc[end + 1].pos_ == "PROPN"
                  and doc[end + 1].idx + len(doc[end + 1]) <= arg.end):
                end += 2  # "Treaty of Lisbon", "Bank of England"
            else:
                break
        if (end - start >= 3 and doc[start].ent_type_ == "NORP"
                and self.gazetteer.demonym(doc[start].text) is not None):
            start += 1  # "fellow Russian Svetlana Kuznetsova": her nationality, no name
        return doc[start:end]

    def _amount(self, head: Token, lemma: str, arg: Argument, index: DocumentIndex
                ) -> Value | None:
        """ "40 million euros" where the tagger marked only "40 million" (CARDINAL);
        ``lemma`` is ``head.lemma_`` in lower case."""
        if lemma not in _UNITS:
            return None
        for child in head.children:
            if child.dep_ == "nummod" and child.ent_type_ in {"CARDINAL", "MONEY", "QUANTITY"}:
                ent = index.ent_of.get(child.i)
                start = ent.start_char if ent is not None else child.idx
                if start >= arg.start:
                    return amount_value(index.text[start : head.idx + len(head)])
        return None

    def _government(self, head: Token, index: DocumentIndex) -> _Mention | None:
        """ "the German government", "Russia's authorities" → the country."""
        for child in head.children:
            if child.dep_ not in {"amod", "compound", "poss", "nmod"}:
                continue
            country = self.gazetteer.demonym(child.text)
            if country is None:
                found = [e for e in self.gazetteer.find(clean_mention(child.text))
                         if e.kind == "country"]
                country = found[0] if found else None
            if country is None:
                continue
            if self.metonymy:
                return _entry_mention(country, None)
            label = f"Government of {country.label}"
            return _Mention(f"org/{label}", label, "GovernmentBody")
        return None

    def _argument(
        self,
        arg: Argument,
        index: DocumentIndex,
        *,
        agent: bool,
        we: _Mention | None = None,
        speaker: _Mention | None = None,
    ) -> _Mention | Value | None:
        """The entity or value ``arg`` stands for (``agent``: whether it acts, so
        that a capital is its country; ``we``/``speaker``: whom "we" and "I" mean
        there), or ``None``. Memoised per document: statements share arguments."""
        # what _find_argument reads of the argument (not its role), as a plain tuple:
        # cheaper to hash than the dataclass
        key = (arg.text, arg.start, arg.end, arg.head_start, arg.head_end, arg.label,
               agent, we, speaker)
        found = index.arguments.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = index.arguments[key] = self._find_argument(arg, index, agent=agent,
                                                               we=we, speaker=speaker)
        return found

    def _nicknamed_club(self, arg: Argument, index: DocumentIndex, *, agent: bool
                        ) -> _Mention | None:
        """The club a nickname stands for, as the document names it ("the Red
        Devils" where Manchester United is named; :meth:`DocumentIndex.nicknamed`),
        with the nickname as an alias; else ``None``."""
        text = _NICKNAME_EDGES.sub("", arg.text)
        where = index.nicknamed(text)
        if where is None:
            return None
        span = index.doc.char_span(*where, alignment_mode="expand")
        if span is None or not len(span):
            return None
        found = self._argument(token_argument(list(span), arg.role), index, agent=agent)
        if not isinstance(found, _Mention) or found.type == "Person":
            return None
        return replace(found, surface=text)

    def _find_argument(
        self,
        arg: Argument,
        index: DocumentIndex,
        *,
        agent: bool,
        we: _Mention | None,
        speaker: _Mention | None,
    ) -> _Mention | Value | None:
        head = index.token_at(arg.head_start, arg.head_end)
        if head is None:
            return None
        club = self._nicknamed_club(arg, index, agent=agent)
        if club is not None:
            return club  # "the Teessiders" in a report on Middlesbrough
        whole = clean_mention(arg.text)
        if " and " in whole and index.kinds.get(whole) == "Place":
            return self._name(whole, "", index)  # "Sittingbourne and Sheppey", one seat
        if _cut_before_its_noun(head, arg) or _shares_later_noun(head):
            return None  # "during his Anfield playing career": "his Anfield" is no
            # place; "reached the Wimbledon and US Open finals": no Wimbledon reached
        if head.pos_ in {"NOUN", "PRON"} and head.i not in index.ent_of:
            # "presidential aide Yury Ushakov": the name in apposition to the head noun
            name = index.apposed_name(head.i, arg.start, arg.end)
            if name is not None:
                head = index.doc[name]
        if head.pos_ == "NOUN" and head.i not in index.ent_of:
            named = (self._team_of(head, arg, index) or self._kind_named(head, arg, index)
                     or self._titled(head, arg, index))
            if named is not None:
                return named
        if head.text[:1].isupper() and index.doc[max(0, head.i - 1)].lower_ in {
                "the", "several", "two", "three", "many", "some"} and not any(
                t.pos_ == "PROPN" for t in head.lefts):
            people = self.gazetteer.demonym(head.text)
            if people is not None:  # "the Scots" (tagged a body), "The Briton" (a person)
                if index.doc[head.i - 1].lower_ != "the":
                    return None  # "several Scots caught my eye": some of them, no side
                if head.lower_.endswith(_PEOPLE_DEMONYM_ENDINGS):
                    return _entry_mention(people, None)  # a nation's people, its side
                return (self._refer(head, arg, index, we, speaker) if self.coreference
                        else None)  # one of them: someone the text names elsewhere
        ent = index.ent_of.get(head.i)
        label = arg.label or (ent.label_ if ent is not None else "")
        if "s " in arg.text:
            on_air = programme_named(arg.text)  # "the BBC's Westminster Hour" (PERSON)
            programme = self._programme(arg.text) if on_air or label != "PERSON" else None
            if programme is not None and (on_air or index.person(programme.label) is None):
                return programme  # not "the BBC's Louisa Lim", a reporter
        if ent is not None:
            lo, hi = max(ent.start_char, arg.start), min(ent.end_char, arg.end)
            clipped = lo != ent.start_char or hi != ent.end_char
            span = index.doc.char_span(lo, hi, alignment_mode="expand") if clipped else ent
            if span is None or not len(span):
                return None
            if clipped:
                if label in _VALUE_LABELS and not _DIGIT.search(index.tokens.span_text(span)):
                    return None  # "one" cut out of "round one last year"
                cut = [t for t in ent if not lo <= t.idx < hi]
                cut_common = label == "PERSON" and all(
                    t.text.islower() or t.text in roles.POSTNOMINALS for t in cut)
                if label not in _VALUE_LABELS and all(
                        t.text.isdigit() or t.text in _SCORE_DASHES for t in cut):
                    # "Chelsea 2-0" tagged as one name: Chelsea, whose tag it is
                    while len(span) > 1 and span[-1].text.isdigit():
                        span = span[:-1]
                elif label not in _VALUE_LABELS and not cut_common:
                    label = ""  # (a person stays one without "stepson" in "stepson Sholto")
                elif cut_common:  # "[Manjit] Singh Gill QC": the untagged first name too
                    start, doc = span.start, index.doc
                    while (start > 0 and doc[start - 1].pos_ == "PROPN"
                           and doc[start - 1].idx >= arg.start
                           and ent.start <= doc[start - 1].head.i < ent.end
                           and doc[start - 1].lower_ not in TITLE_WORDS):
                        start -= 1
                    span = doc[start : span.end]
            else:
                span = index.extend_name(span, arg.start)
            if (span.start and index.tokens.idx[span.start - 1] >= arg.start
                    and label not in _VALUE_LABELS
                    and index.doc[span.start - 1].lower_.rstrip(".") in _HONORIFICS):
                # "Mr Hockney" with only "Hockney" tagged (GPE): a person
                span, label = index.doc[span.start - 1 : span.end], "PERSON"
            elif (span.start and label in {"GPE", "LOC", "ORG", "NORP", "PERSON"}
                  and index.tokens.idx[span.start - 1] >= arg.start
                  and index.doc[span.start - 1].lower_ in _PERSON_TITLES):
                # "US President Bush": a person (titled), not the town of Bush
                span, label = index.doc[span.start - 1 : span.end], "PERSON"
            elif label in {"NORP", "ORG"} and self._known_longer(span, arg, index):
                # "Liberal Democrats" with only "Democrats" tagged (NORP): the
                # party whose whole name it is, not the US Democratic Party
                span, label = index.doc[span.start - 1 : span.end], "ORG"
            elif label == "ORG" and self._country_first(span, arg, index):
                # "UK Film Council" with "UK" tagged apart: the body's whole name
                span = index.doc[span.start - 1 : span.end]
            elif label in {"GPE", "LOC"} and self._named_after_place(span, arg, index):
                # "Real Madrid", "Inter Milan": a body named with its town, no town
                start = span.start - 1
                while self._named_after_place(index.doc[start : span.end], arg, index):
                    start -= 1  # "BBC Radio Scotland"
                span, label = index.doc[start : span.end], "ORG"
            elif label == "EVENT" and _year_of_event(span, arg, index):
                # "the 2000 Olympics" with "2000" tagged a date: that year's games
                span = index.doc[span.start - 1 : span.end]
            if label == "ORG":
                span = self._known_after(span, arg, index)  # "BBC" + "Two": BBC Two
            if (span.start and index.doc[span.start - 1].text == "All"
                    and index.doc[span.start - 1].idx >= arg.start):
                span = index.doc[span.start - 1 : span.end]  # "All England Club" with
                # "All" left out of the tag
        elif head.pos_ == "PROPN" and head.lower_ not in LONE_TITLES:
            span, label = self._name_span(head, arg), ""
        else:
            lemma, lower = head.lemma_.lower(), head.lower_  # (each decoded once)
            if lemma in GOVERNMENT_NOUNS or lower in GOVERNMENT_NOUNS:
                return self._government(head, index)
            amount = self._amount(head, lemma, arg, index)
            if amount is not None:
                return amount
            if head.text[:1].isupper() and head.pos_ in {"NOUN", "ADJ"} and (
                lower.endswith(_PEOPLE_DEMONYM_ENDINGS)
            ):  # "the Russians", "the Chinese" (not "the Spaniard", a person)
                country = self.gazetteer.demonym(head.text)
                if country is not None:
                    return _entry_mention(country, None)
            place = self._place_word(head, arg)
            if place is not None:
                return place
            return self._refer(head, arg, index, we, speaker) if self.coreference else None
        if label not in _VALUE_LABELS:
            titled = index.titled_span(span)
            if titled is not span:  # "Bride" of the film "Bride and Prejudice"
                span, label = titled, ""
            elif label != "PERSON" and (end := nominal.award_end(index.doc, span.end)) > span.end:
                span = index.doc[span.start : end]  # "BBC Sports Personality of the Year"
        if (label == "PERSON" and len(span) == 1 and span.start
                and index.doc[span.start - 1].text == "the"
                and index.doc[span.start - 1].dep_ == "det"):
            return None  # "the Bill is debated", "the Gunners": no one's name (but "The
            # Libertine", a title, and "The Telegraph" at a sentence's start)
        text = index.tokens.span_text(span)
        if label in DATE_LABELS:
            return date_value(text)
        if label in VALUE_LABELS:
            if label == "ORDINAL" or (label == "CARDINAL" and not _DIGIT.search(text)):
                return None  # "one", "first": no value worth a triple
            return amount_value(text)
        whole = clean_mention(arg.text)
        if whole != text and whole in index.acronym_of:
            # "The Public and Commercial Services Union (PCS)" with a part tagged
            span, label = index.doc.char_span(arg.start, arg.end,
                                              alignment_mode="expand") or span, "ORG"
            text = index.tokens.span_text(span)
        if label == "PERSON" and programme_named(text):
            label = "WORK_OF_ART"  # "Westminster Hour" tagged a person
        elif (label == "PERSON" and span.start and span[0].pos_ == "PROPN"
              and nominal.KIND_NOUNS.get(index.doc[span.start - 1].lower_) == "Organization"):
            label = "ORG"  # "the band New Order" tagged a person (and "New" no title)
        mention = self._name(clean_mention(text), label, index)
        if mention is not None and self.metonymy and agent and mention.entry is not None:
            country = self.gazetteer.capital_country(mention.entry)
            if country is not None:
                return _entry_mention(country, None)
        return mention

    def _known_longer(self, span: Span, arg: Argument, index: DocumentIndex) -> bool:
        """Whether the capitalised word before a tagged name, in the same name, makes
        it the name of a body the gazetteer knows ("Liberal" + "Democrats")."""
        prev = _name_word_before(span, arg, index, frozenset({"compound", "amod"}))
        if prev is None:
            # ("Sunday" + "Telegraph", the day tagged a date, both on "journalist")
            prev = _word_before(span, arg, index)
            if prev is None or prev.pos_ != "PROPN" or prev.head.i != span.root.head.i:
                return False
        found = self.gazetteer.find(f"{prev.text} {index.tokens.span_text(span)}")
        return bool(found) and found[0].kind == "org"

    def _known_after(self, span: Span, arg: Argument, index: DocumentIndex) -> Span:
        """A body's tagged name grown right over the capitalised words or the number
        after it, in the argument, when the longer name is a body the gazetteer knows
        ("BBC" + "Two", a number the tagger leaves out of the channel's name); the
        span as it is otherwise."""
        doc, longest = index.doc, span
        for end in range(span.end + 1, min(span.end + 3, len(doc)) + 1):
            word = doc[end - 1]
            if word.idx + len(word) > arg.end or not (word.text[:1].isupper()
                                                      or word.text.isdigit()):
                break
            found = self.gazetteer.find(index.tokens.span_text(doc[span.start : end]))
            if found and found[0].kind == "org":
                longest = doc[span.start : end]
        return longest

    def _country_first(self, span: Span, arg: Argument, index: DocumentIndex) -> bool:
        """Whether a body's name has a country's name before it that the tagger
        left out ("UK Film Council": "UK" GPE, "Film Council" ORG), in the argument."""
        prev = _name_word_before(span, arg, index)
        if prev is None or prev.ent_type_ != "GPE":
            return False
        found = self.gazetteer.find(prev.text)
        return bool(found) and found[0].kind == "country"

    def _named_after_place(self, span: Span, arg: Argument, index: DocumentIndex) -> bool:
        """Whether a place's name has a capitalised word before it in the same name
        that is no title, demonym or place ("Real Madrid", "Inter Milan", "Dynamo
        Kiev"; not "US President Bush", "Spain Madrid"), so that the two name a body."""
        prev = _name_word_before(span, arg, index)
        if prev is None:  # "Real" of "Real Madrid general manager", hung on "manager"
            prev = _word_before(span, arg, index)
            if prev is not None and not (prev.dep_ in {"amod", "compound"} and (
                    prev.pos_ == "PROPN" or _named_inside_a_sentence(
                        index.text, f"{prev.text} {index.tokens.span_text(span)}"))):
                prev = None
        if prev is None or not (prev.is_alpha and prev.text[:1].isupper()
                                and prev.lower_ not in TITLE_WORDS
                                and prev.lower_ not in _HONORIFICS
                                and self.gazetteer.demonym(prev.text) is None):
            return False
        found = self.gazetteer.find(prev.text)
        return not found or found[0].kind == "org"  # (not "Spain Madrid")

    def _place_word(self, head: Token, arg: Argument) -> _Mention | None:
        """A country the tagger took for a common noun, the whole argument ("Wales
        beat England", "Wales" tagged as a plural noun); not a town, which at the
        head of a sentence is as often its club ("Bath have signed ...")."""
        if (head.pos_ != "NOUN" or not head.text[:1].isupper() or arg.text != head.text
                or not head.is_alpha):
            return None
        found = self.gazetteer.find(head.text)
        if found and found[0].kind == "country":
            return _entry_mention(found[0], head.text)
        return None

    def _team_of(self, head: Token, arg: Argument, index: DocumentIndex) -> _Mention | None:
        """ "beat the England team", "the Chelsea side", "the Wales squad": the country
        or club whose team it is, as its name alone stands for it in sport."""
        if head.lower_ not in _TEAM_NOUNS or arg.role.lower() in _MEMBERSHIP_ROLES:
            return None  # ("named in the Wales squad" is no act in Wales)
        names = [c for c in head.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
                 and c.idx >= arg.start and c.i == head.i - 1]
        if not names:
            return None
        tokens = [t for t in names[0].subtree if t.idx >= arg.start]
        if any(t.pos_ != "PROPN" for t in tokens):
            return None
        ent = index.ent_of.get(tokens[-1].i)
        mention = self._name(clean_mention(index.tokens.span_text(
            index.doc[tokens[0].i : tokens[-1].i + 1])), ent.label_ if ent is not None else "",
            index)
        if mention is None or not self.types.is_a(mention.type, _TEAM_OWNERS):
            return None
        return mention

    def _kind_named(self, head: Token, arg: Argument, index: DocumentIndex) -> _Mention | None:
        """ "the Charite hospital", "the Guardian newspaper": the name before a noun
        that says what it is, typed by the noun where nothing better is known."""
        found = nominal.kind_named(head, arg.start, arg.end)
        if found is None:
            after = head.i + 1
            cls = nominal.KIND_NOUNS.get(head.lower_)
            if (cls is None or after >= len(index.doc) or index.doc[after].pos_ != "PROPN"
                    or index.doc[after].head.i != head.i):
                return None
            # "India's biggest carmaker Maruti" with the name cut off the argument
            end = after
            while end + 1 < len(index.doc) and index.doc[end + 1].pos_ == "PROPN":
                end += 1
            span = index.doc[after : end + 1]
            titled = index.titled_span(span)  # "horror film Critters 3"
            if titled is not span:
                return self._name(index.tokens.span_text(titled), "", index)
            ent = index.ent_of.get(end)
            return self._name(clean_mention(index.tokens.span_text(span)),
                              ent.label_ if ent is not None else "", index)
        tokens, cls = found
        text = index.tokens.span_text(index.doc[tokens[0].i : tokens[-1].i + 1])
        if cls == "Event" and is_plausible_name(text):
            # "the Tory Party conference", "the Edinburgh festival": the event, not
            # the party or the town that names it
            label = f"{text} {head.lower_}"
            return _Mention(f"event/{label}", label, "Event", None, label)
        ent = index.ent_of.get(tokens[-1].i)
        mention = self._name(clean_mention(text), ent.label_ if ent is not None else "", index)
        if (mention is not None and mention.type in _TOWNS_AND_COUNTRIES
                and cls not in {"Place", "City", "Country"}):
            return None  # "the Glasgow club", "a Berlin hospital": where it is, not its name
        if (mention is not None and cls == "Work"
                and self.types.is_a(mention.type, {"Organization"})):
            return None  # "The BBC show beat ...", "the Pixar film": whose work it is, not
            # its name
        if mention is not None and mention.type not in {"Entity", "Place", "Person", "Group"}:
            return mention
        if not is_plausible_name(text) or text.casefold() in TITLE_WORDS:
            return None
        prefix = "facility" if cls == "Facility" else "org"
        return _Mention(f"{prefix}/{text}", text, cls, None, text)

    def _titled(self, head: Token, arg: Argument, index: DocumentIndex) -> _Mention | None:
        """ "the US national security advisor Jake Sullivan" where the argument
        stops at the title: the person named right after it."""
        if head.lower_ not in TITLE_WORDS or head.i + 1 >= len(index.doc):
            return None
        ent = index.ent_of.get(head.i + 1)
        if ent is None or ent.label_ != "PERSON" or ent.start != head.i + 1:
            return None
        return self._name(index.person_name(clean_mention(ent.text)), "PERSON", index)

    def _name(self, text: str, label: str, index: DocumentIndex) -> _Mention | None:
        """The entity a cleaned mention ``text`` (NER label ``label``, "" if none)
        names, or ``None``; memoised per document (the answer depends only on the
        text, the label and what the document defines)."""
        key = (text, label)
        found = index.names.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = index.names[key] = self._find_name(text, label, index)
        return found

    def _find_name(self, text: str, label: str, index: DocumentIndex) -> _Mention | None:
        if (label == "ORG" and " " not in text and text[-1:] == "s"
                and text[:-1].casefold() in TITLE_WORDS and f"the {text}" in index.text):
            return None  # "the Directors would take the money": people, no body's name
        kind = index.kinds.get(text) if label not in _VALUE_LABELS else None
        if kind is not None and not self.gazetteer.find(text) and is_plausible_name(text):
            # the document says what it is: "carmaker Maruti", "Mencap, the charity"
            if kind == "Person":
                return self._person_name(text, index)
            prefix = nominal.KIND_PREFIXES.get(kind, "org")
            return _Mention(f"{prefix}/{text}", text, kind, None, text)
        words = text.split()
        first = words[0].casefold().rstrip(".") if words else ""
        rest = index.without_kind_word(text) if label not in _VALUE_LABELS else None
        if rest is not None:  # "Comedy Meet The Fockers": the name is "Meet The Fockers"
            return self._name(rest, "" if label == "PERSON" else label, index)
        cut = (index.after_demonym(text, person=label == "PERSON")
               if label not in _VALUE_LABELS and len(words) > 2 else None)
        if cut is not None:  # "Veteran Spaniard Conchita Martinez"
            return self._person_name(cut, index)
        if (first in _HONORIFICS and len(words) > 1 and label not in _VALUE_LABELS
                and not all(w.casefold() in TITLE_WORDS for w in words[1:])):
            label = "PERSON"  # "Mr Nevzlin", "Lord Haskins", whatever the tagger said
        elif label in {"", "ORG", "GPE", "LOC", "NORP", "FAC"} and len(words) > 2:
            named = _after_last_title(words)
            if named is not words and index.person(" ".join(named)) is None and not (
                    self.gazetteer.find(" ".join(named))):
                # "Suffolk Chief Constable Alastair McWhirter": the person after the title
                text, label = " ".join(named), "PERSON"
        numbered = _TRAILING_NUMBER.fullmatch(text) if text[-1:].isdecimal() else None
        if numbered:
            # a minute or squad number after a name ("Dyer 69" in a match report)
            bare = numbered.group(1)
            if index.person(bare) is not None or self.gazetteer.find(bare):
                text, label = bare, ""
        if self._one_of_a_nation(text, label, index):
            return None  # "the Briton", "the Mallorcan": someone by nationality, no name
        if label == "PERSON" or (label == "ORG" and normalize(text) in index.full_names):
            return self._person_name(text, index)  # (a person the tagger called an ORG)
        defined = index.acronyms.get(text)
        if defined is not None and not self.gazetteer.find(text) and defined[0] != text:
            # an acronym the document defined: the entity of its long name
            expanded = self._name(defined[0], defined[1], index)
            if expanded is not None:
                return _Mention(expanded.key, expanded.label, expanded.type,
                                expanded.wikidata, text, expanded.entry)
        if not is_plausible_name(text):
            return None
        if " " not in text and normalize(text) in index.surnames:
            # a surname of someone named in full in this document ("Navalny" tagged GPE)
            person = index.person(text)
            if person is not None:
                return person
        found = self.gazetteer.find(text)
        if " " not in text and not found and label in {"ORG", "GPE", "NORP", ""}:
            given = index.by_given_name(text)  # "Graeme" (tagged ORG) after "Graeme
            if given is not None:  # Souness": the one person of that given name
                return given
        if found:
            return _entry_mention(found[0], text)
        country = self.gazetteer.demonym(text)
        if country is not None and label in {"NORP", ""}:
            # "the Russians", "the Chinese" are the country; "the Spaniard" a person
            if not text.casefold().endswith(_PEOPLE_DEMONYM_ENDINGS):
                return None
            return _entry_mention(country, None)
        person = index.person(text)
        if person is not None:
            return person
        if label == "ORG":
            titled = strip_titles(text)
            if titled != text and index.person(titled) is not None:
                return index.person(titled)
            cls = self._organization_type(text)
            if cls == "Law":  # "the Treaty establishing...", tagged ORG
                return _Mention(f"law/{text}", text, "Law", None, text)
            return _Mention(f"org/{text}", text, cls, None, text)
        if label in LABEL_TYPES:
            cls, prefix = LABEL_TYPES[label]
            kind = self._organization_type(text)
            if label in {"GPE", "LOC", "FAC", "NORP"} and " " in text and kind in _NAMED_BODIES:
                # "Economic Commission for Latin America" tagged GPE is a body
                return _Mention(f"org/{text}", text, kind, None, text)
            return _Mention(f"{prefix}/{text}", text, cls, None, text)
        words = text.split()
        if (len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper()
                and all(w[:1].isupper() or w in _NAME_CONNECTORS for w in words)
                and words[-1].casefold() not in LONE_TITLES
                and words[0].casefold() not in LONE_TITLES  # "Chief Executive of X": a post
                and not all(w.casefold() in TITLE_WORDS for w in words)):
            # an untagged name: typed by its words where they tell ("Treaty of Lisbon")
            cls = self._organization_type(text)
            if cls == "Law":
                return _Mention(f"law/{text}", text, "Law", None, text)
            if cls != "Organization":
                return _Mention(f"org/{text}", text, cls, None, text)
            last, first = words[-1].casefold(), words[0].casefold()
            if last in _ORGANIZATION_HEADS:  # "Fabian Society", "Funding Council"
                return _Mention(f"org/{text}", text, "Organization", None, text)
            if last in _FACILITY_HEADS or first in _FACILITY_HEADS:  # "Palace of Westminster"
                return _Mention(f"facility/{text}", text, "Facility", None, text)
            if last in _GEOGRAPHIC_HEADS:  # "English Channel"
                return _Mention(f"place/{text}", text, "Place", None, text)
            if first in _TITLED_PERSONS and len(words) >= 3 and words[1] == "of":
                # "Archbishop of Canterbury": one person named by the post
                return _Mention(f"person/{text}", text, "Person", None, text)
            return _Mention(f"entity/{text}", text, "Entity", None, text)
        return None

    def _capital_kept(self, *mentions: _Mention | Value) -> bool:
        """Whether a capital acts as an agent with metonymy switched off: the user
        asked for the city, so the statement stays though a city is no agent."""
        return not self.metonymy and any(
            isinstance(m, _Mention) and m.entry is not None and m.entry.capital_of
            for m in mentions)

    def _programme(self, text: str) -> _Mention | None:
        """A broadcaster's or paper's programme or title ("BBC Radio 4's Woman's
        Hour", "BBC One's Breakfast with Frost"): a work, not a place or an event."""
        if "'s" not in text and "\u2019s" not in text:
            return None  # no possessive: no owner (the common case, said cheaply)
        match = _OWNED_WORK.match(_squash(text))
        if match is None:
            return None
        owner, name = match.group(1), _WORK_SUFFIX.sub("", match.group(2)).strip()
        words = name.split()
        media = self._organization_type(owner) == "MediaOrganization" or any(
            e.type == "MediaOrganization" for e in self.gazetteer.find(owner))
        if (not media or not words or not is_plausible_name(name)
                or not all(w[:1].isupper() or w in _WORK_CONNECTORS for w in words)):
            return None
        return _Mention(f"work/{name}", name, "Work", None, name)

    def _organization_type(self, text: str) -> str:
        """:func:`~kg.resolve.names.organization_type`, and a media organisation for
        a name that starts with one the gazetteer knows ("BBC Wales", "BBC One")."""
        cls = organization_type(text)
        if cls == "Organization" and " " in text:
            found = self.gazetteer.find(text.split(" ", 1)[0])
            if found and found[0].type == "MediaOrganization":
                return "MediaOrganization"
        return cls

    def _one_of_a_nation(self, text: str, label: str, index: DocumentIndex) -> bool:
        """Whether ``text`` is one word for one person of a nation or a region ("the
        Briton", tagged a person's name; "the Slovakian", "the Mallorcan", tagged a
        group, after "the"): a description, not a name. Not a plural ("the Tutsis", a
        people), not a name the gazetteer or the document knows ("Labour", a surname
        "English")."""
        if " " in text or text[-1:] in {"s", "S"} or label not in {"PERSON", "NORP"}:
            return False
        if self.gazetteer.find(text) or normalize(text) in index.surnames:
            return False
        if label == "PERSON":
            return self.gazetteer.demonym(text) is not None
        # a word the tagger called a group's, after "the" ("the Slovakian"; not
        # "the Chinese", the country, nor "a plant at Arese", a town)
        doc = index.doc
        return self.gazetteer.demonym(text) is None and any(
            t.text == text and t.i and doc[t.i - 1].lower_ == "the"
            and t.dep_ not in {"compound", "amod"} for t in doc)  # ("the Arese plant")

    def _person_name(self, text: str, index: DocumentIndex) -> _Mention | None:
        name = index.person_name(text)
        if len(name) > 1 and name.isalpha() and name.isupper() and " " not in name:
            # an acronym tagged PERSON ("BAA launched..."): an organisation
            found = self.gazetteer.find(name)
            if found:
                return _entry_mention(found[0], name)
            return _Mention(f"org/{name}", name, self._organization_type(name), None, name)
        misread = _misread_person(name, self.gazetteer)
        if misread is not None:
            prefix, cls = misread
            return _Mention(f"{prefix}/{name}", name, cls, None, name)
        person = index.person(text)
        if person is not None:
            return person
        if not is_plausible_person(name):
            return None
        misread = _misread_person(name, self.gazetteer)
        if misread is not None:
            prefix, cls = misread
            return _Mention(f"{prefix}/{name}", name, cls, None, name)
        found = self.gazetteer.find(name)
        if found and found[0].kind in {"country", "org"}:
            # a country or organisation the tagger took for a person ("Jordan")
            return _entry_mention(found[0], name)
        if " " not in name and re.fullmatch(r"[A-Z]{2,}s", name):
            return None  # "MPs", "MEPs": people, but no one person
        honored = (text.split(" ", 1)[0].casefold().rstrip(".") in _HONORIFICS
                   or len(text.split()) > len(name.split()))  # "US President Bush"
        given = index.by_given_name(text) if " " not in name else None
        if given is not None:
            return given  # "I've said to Nigel" after "Nigel Melville", though a town in
            # South Africa is called Nigel
        if " " not in name and not honored and found and found[0].kind == "city":
            # a lone city name tagged PERSON, with no "Mr" before it ("Manchester")
            return _entry_mention(found[0], name)
        if " " not in name:
            key = scoped_person_key(name, index.scope)
            if index.surnames.get(normalize(name)) and index.one_named(normalize(name)) is None:
                index.ambiguous.add(key)  # "Robinson" where the document names Andy
                # and Jason Robinson: one of them, the text does not say which
            # a surname (or first name) alone, whom this document never names in full:
            # this document's, until kg.resolve.crossdoc links it to one full name
            return _Mention(key, name, "Person", None, name)
        return _Mention(f"person/{name}", name, "Person", None, name)

    def _we(self, speaker: _Mention | None, index: DocumentIndex) -> _Mention | None:
        """Whom "we" stands for in what ``speaker`` says: the country or organisation
        the speaker represents (or the speaker itself, when not a person)."""
        if speaker is None or not self.coreference:
            return None
        if speaker.type != "Person":
            return _unnamed(speaker) if speaker.type not in {"City", "Place"} else None
        key = self._people(index).represents(speaker.key)
        entry = self.gazetteer.get(key) if key else None
        return _entry_mention(entry, None) if entry is not None else None

    # -- statements ------------------------------------------------------------

    def _body(self, arg: Argument, index: DocumentIndex) -> _Mention | Value | None:
        """The body a role's modifier or object names: a country by its demonym
        ("French"), a party by its adjective ("Tory", "Liberal Democrat"), else
        the entity the argument resolves to (a town stays a town)."""
        text = clean_mention(arg.text)
        if not text or text.casefold() in roles.PORTFOLIOS:
            return None  # "Secretary of State": a portfolio, no body
        country = self.gazetteer.demonym(text)
        if country is not None:
            return _entry_mention(country, None)
        if text[:1].isupper():
            plurals = (text + "s", text[:-1] + "ies") if text.endswith("y") else (text + "s",)
            for plural in plurals:
                for entry in self.gazetteer.find(plural):
                    if entry.type == "PoliticalParty":
                        return _entry_mention(entry, text)
        if text in index.kinds:  # "21 Grams actress": the work the document names so
            named = self._name(text, "", index)
            if named is not None:
                return named
        found = self._argument(arg, index, agent=False)
        if found is None:
            # "the PCS union", "the campaign group Liberty": the name inside; not
            # in an apposition after the head ("for The World, a BBC World Service
            # and WGBH-Boston co-production": what The World is, not a body of its)
            comma = index.text.find(",", arg.head_end, arg.end)
            end = comma if comma >= 0 else arg.end
            for ent in reversed(index.ents):
                if (arg.start <= ent.start_char and ent.end_char <= end
                        and ent.label_ in {"ORG", "GPE", "NORP", "FAC"}):
                    inner = Argument(ent.text, ent.start_char, ent.end_char,
                                     ent.root.idx, ent.root.idx + len(ent.root), ent.label_,
                                     arg.role)
                    return self._argument(inner, index, agent=False)
            # a capitalised word the tagger took for a common noun ("Blackburn
            # striker", "Rovers' assistant manager"): a known place or body, else
            # the organisation the role names
            known = self.gazetteer.find(text)
            if known:
                return _entry_mention(known[0], text)
            words = text.split()
            after = index.text[arg.end : arg.end + 2]
            owner = after[:1] in {"'", "\u2019"}
            if (words and owner  # "Rovers' assistant manager"; not "Rock star X",
                    # "Transportation Secretary", "Secretary of State": capitals, no body
                    and all(w[:1].isupper() for w in words) and is_plausible_name(text)
                    and not any(w.casefold() in TITLE_WORDS or w.casefold() in roles.NOT_HEADS
                                or w.casefold() in _ROLE_WORDS
                                or w.casefold() in nominal.KIND_NOUNS for w in words)
                    and self.gazetteer.demonym(text) is None):
                return _Mention(f"org/{text}", text, "Organization", None, text)
        return found


#: Nouns that a subject "the NOUN" may be a body named just before by, with the
#: classes that body may have.
_FIRMS = frozenset({"Company", "Organization"})
_TOWNS_AND_COUNTRIES = frozenset({"City", "Country", "Territory"})
BODY_DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("company", "firm", "carmaker", "bank", "group", "retailer", "airline",
                     "insurer", "giant", "manufacturer", "maker", "publisher", "lender",
                     "supermarket", "chain", "operator", "broadcaster"), _FIRMS),
    "party": frozenset({"PoliticalParty"}),
    "club": frozenset({"Organization"}),
    "union": frozenset({"Organization"}),
    "charity": frozenset({"Organization"}),
}
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
#: Title words that name a party ("the Tory leader").
PARTY_WORDS = frozenset({"tory", "labour", "conservative", "liberal", "democrat",
                         "republican"})


def _apposed(head: Token) -> bool:
    """Whether a description names its own referent beside it: "Gazprom, the company
    tipped to buy...", "The chairman of the Bar Council, Guy Mansfield QC"."""
    if head.dep_ == "appos" or any(c.dep_ == "appos" and c.pos_ == "PROPN"
                                   for c in head.children):
        return True
    doc = head.doc
    before, after = head.left_edge.i - 1, head.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].pos_ == "PROPN" \
            and doc[after + 1].ent_type_ == "PERSON":
        return True  # "The chairman of the Bar Council, Guy Mansfield QC warned"
    # "Gazprom, the company originally tipped to buy...": a clause on the name
    return (before > 0 and doc[before].text == "," and doc[before - 1].pos_ == "PROPN"
            and head.head.dep_ in {"relcl", "acl"} and head.head.head.i == before - 1)


#: Prepositions that bring in another party than a title's holder ("best actor over
#: X", "the match against X").
_OTHER_PARTIES = frozenset({"over", "against", "with", "alongside", "beside", "than", "by",
                            "from", "versus", "v"})


def _under_other_preposition(token: Token, head: Token) -> bool:
    """Whether ``token`` hangs from ``head`` through a preposition that brings in
    someone else ("best actor over Ricky Gervais"; not "The President of China Xi
    Jinping", "deputy minister for women Jacqui Smith", "correspondent in Jakarta,
    Rachel Harvey")."""
    node = token
    for _ in range(12):
        if node.i == head.i or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in _OTHER_PARTIES:
            return True
        node = node.head
    return False


def _told_within_quote(pronoun: Token, index: DocumentIndex) -> bool:
    """Whether "I" or "me" is in a clause that someone named inside a quotation
    tells ("Nicolas told me that he agrees with me", in Wardle's words): the clause's
    speaker, found as the extractor finds it (:func:`kg.extract.clauses.speaker_of`),
    is not its "I" nor its "me" (where "we" may be the teller's: "The EU has
    reiterated that we support")."""
    # (kg's token views and spaCy's tokens read alike; the extractor's helper is typed
    # for its own)
    teller = speaker_of(clause_verb(pronoun))  # type: ignore[arg-type]
    return teller is not None and teller.pos_ == "PROPN" and index.quoted(teller.i)


def _quoted(token: Token, index: DocumentIndex) -> bool:
    """Whether ``token`` is inside a quotation, as the extractor reads quotations
    when it names their speakers (not by a count of its own: a quotation that goes on
    after a mark news opens again, `outrageous. "Stevie carried the club. He's always
    put Liverpool first."`, is one)."""
    return index.quoted(token.i)
