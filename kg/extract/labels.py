"""Dependency labels, POS tags and the few closed-class word lists the rules use.

Labels are those of spaCy's English models (ClearNLP-style: ``nsubj``, ``dobj``,
``pobj``, ``xcomp`` ...). Word lists are closed classes (speech verbs, modals,
reciprocal markers), never words of a particular text.
"""

from __future__ import annotations

from typing import Protocol

#: Subjects of a clause.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Subjects that mark a passive clause.
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
#: Auxiliaries that belong to the verb group.
AUXILIARIES = frozenset({"aux", "auxpass"})
#: Negation markers ("not", "n't", "never").
NEGATIONS = frozenset({"neg"})
#: Direct objects (object control: "urged NATO to ...").
DIRECT_OBJECTS = frozenset({"dobj"})
#: Objects that may really be the subject of a following clause ("told Y Z had ...").
OBJECTS = frozenset({"dobj", "dative"})
#: Predicative complements of a copula ("is ready to", "is a leader who").
PREDICATIVES = frozenset({"acomp", "attr"})
#: Words that may stand between two coordinated verbs sharing an object.
BETWEEN_COORDINATED = frozenset({"cc", "punct", "advmod", "preconj"})
#: Modifiers inside a noun phrase that never head a clause of their own.
NOUN_INTERNAL = frozenset({"amod", "compound"})
#: Determiners and punctuation that open a noun phrase.
PHRASE_OPENERS = frozenset({"det", "punct"})
#: Case markers ("'s").
CASE_MARKERS = frozenset({"case"})

#: Nominal and adjectival complements that become the second argument.
CORE_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd", "acomp"})
#: Clausal complements that become a clause-valued argument.
CLAUSAL_OBJECTS = frozenset({"ccomp"})
#: Prepositional attachments (``agent`` is the "by" of a passive).
PREPOSITIONS = frozenset({"prep", "agent"})
#: Objects of prepositions.
PREP_OBJECTS = frozenset({"pobj"})
#: Clauses and phrases under a preposition ("by maintaining ...").
PREP_CLAUSES = frozenset({"pcomp"})
#: Verb particles ("turn over").
PARTICLES = frozenset({"prt"})
#: Bare noun-phrase adverbials (time expressions: "last week").
NP_ADVERBIALS = frozenset({"npadvmod", "tmod"})
#: Adverbs that may sit inside the verb group ("was allegedly poisoned").
ADVERBS = frozenset({"advmod"})
#: Open clausal complements (control and raising).
OPEN_COMPLEMENTS = frozenset({"xcomp"})
#: Relative clauses.
RELATIVE_CLAUSES = frozenset({"relcl"})
#: Participial and infinitival modifiers of nouns.
NOUN_CLAUSES = frozenset({"acl"})
#: Adverbial clauses.
ADVERBIAL_CLAUSES = frozenset({"advcl"})
#: Conjuncts and the coordinator.
CONJUNCTS = frozenset({"conj"})
COORDINATORS = frozenset({"cc", "preconj"})
#: Appositions.
APPOSITIONS = frozenset({"appos"})
#: Possessors ("NATO's").
POSSESSORS = frozenset({"poss"})
#: Name-internal or title modifiers of a noun.
NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "flat"})
#: Clauses that report speech or attribute a claim.
REPORTED = frozenset({"ccomp", "parataxis"})
#: Subordinating markers.
MARKERS = frozenset({"mark"})

#: Dependents cut from an argument's span at its top level.
TOP_CUTS = frozenset({"relcl", "appos", "conj", "cc", "preconj", "advcl", "parataxis"})
#: Dependents cut from an argument's span at any depth.
DEEP_CUTS = frozenset({"relcl", "parataxis"})

#: Parts of speech that can head a nominal argument.
NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
#: Parts of speech that can head a clause.
VERBALS = frozenset({"VERB", "AUX"})

#: Penn tags of relative and interrogative pronouns ("who", "which", "that").
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
#: Penn tags of finite verb forms.
PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Tags of a finite verb or auxiliary (past, present, modal).
FINITE_TAGS = PAST_TAGS | PRESENT_TAGS | {"MD"}

#: Lemmas of verbs that report speech or a claim (closed class).
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "add", "note", "stress", "explain", "claim", "announce",
    "report", "insist", "argue", "declare", "warn", "write", "reply", "respond",
    "comment", "confirm", "deny", "admit", "acknowledge", "emphasize", "emphasise",
    "remark", "mention", "assert", "allege", "continue", "reiterate", "recall",
    "believe", "think", "predict", "estimate", "suggest", "conclude", "observe",
})

#: Past participles that are never a past tense ("beaten", not "beat"): a verb the
#: tagger called a past tense in one of these forms is a participle.
PARTICIPLES_ONLY = frozenset({
    "beaten", "bitten", "blown", "broken", "chosen", "done", "drawn", "driven", "eaten",
    "fallen", "flown", "forbidden", "forgiven", "forgotten", "frozen", "given", "gone",
    "grown", "hidden", "known", "overtaken", "overthrown", "ridden", "risen", "seen",
    "shaken", "shown", "spoken", "stolen", "sworn", "taken", "thrown", "torn",
    "undertaken", "woken", "worn", "written", "begun", "sung", "rung", "sunk", "drunk",
})

#: Lemmas of contracted auxiliaries ("'s", "'re", "'ve").
CONTRACTIONS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'d": "have"}

#: Normal forms of modal verbs.
MODALS = {
    "will": "will", "'ll": "will", "wo": "will", "shall": "shall", "sha": "shall",
    "would": "would", "'d": "would", "may": "may", "might": "might", "can": "can",
    "ca": "can", "could": "could", "should": "should", "must": "must",
    "ought": "ought",
}
#: Modals that put the statement in the future.
FUTURE_MODALS = frozenset({"will", "shall"})

#: Two-word reciprocal markers.
RECIPROCALS = frozenset({("each", "other"), ("one", "another")})
#: Verbs that, with coordinated subjects and no object but where, when or on what,
#: state a relation between them ("Russia and China cooperate [in the security
#: area]", "Lord Cullen, sitting with Lord Osborne").
MUTUAL_VERBS = frozenset({
    "cooperate", "co-operate", "collaborate", "meet", "talk", "agree", "disagree",
    "clash", "fight", "negotiate", "merge", "compete", "marry", "split", "collide",
    "partner", "ally", "trade", "quarrel", "argue", "feud", "wed", "sit", "play", "draw",
    "tie", "unite", "combine", "cooperates", "work", "engage", "consult", "correspond",
    "spar", "battle", "wrestle", "reconcile", "separate", "divorce", "team",
})
#: Prepositions of a nominal relation between coordinated members.
BETWEEN_PREPOSITIONS = frozenset({"between", "among", "amongst"})
#: Prepositions that attach a place to a name ("the hospital in Berlin").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
#: Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of time expressions.
TIME_LABELS = frozenset({"DATE", "TIME"})
#: Entity labels of numbers and amounts.
NUMERIC_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "DATE", "TIME", "ORDINAL"})
#: Entity labels of people.
PERSON_LABELS = frozenset({"PERSON"})
#: Pronouns of a subject, which only a verb can follow ("as they eye captain X":
#: "eye" is a verb, whatever its tag).
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
#: Determiners that open a name when capitalised inside a sentence ("No Doubt",
#: "All Blacks", "This Morning"); not "The", which opens titles as well as names.
NAME_DETERMINERS = frozenset({"no", "all", "this", "that", "every", "some", "any",
                              "each", "another"})
#: Tokens after which a capital letter opens a sentence, not a name.
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "'", "\u201c", "\u2018", "(", "-"})


class _Word(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lower_(self) -> str: ...
    @property
    def pos_(self) -> str: ...


def all_opens_a_name(word: _Word, after: _Word | None) -> bool:
    """Whether ``word`` is a capitalised "All" before a capitalised proper noun, which
    opens a name even at a sentence's start ("All England Club chairman", "All Blacks
    captain Tama Umaga").

    >>> import spacy
    >>> doc = spacy.blank("en")("All Blacks")
    >>> doc[1].pos_ = "PROPN"
    >>> all_opens_a_name(doc[0], doc[1]), all_opens_a_name(doc[1], None)
    (True, False)
    """
    return (word.text == "All" and after is not None and after.pos_ == "PROPN"
            and after.text[:1].isupper())


def opens_a_name(word: _Word, before: _Word | None, after: _Word | None) -> bool:
    """Whether ``word``, between ``before`` and ``after`` (``None`` at the ends), is
    a determiner that opens the name after it ("as No Doubt singer Gwen Stefani"),
    not the noun phrase: capitalised inside its sentence, before a proper noun."""
    return (word.pos_ == "DET" and word.lower_ in NAME_DETERMINERS
            and word.text[:1].isupper() and before is not None
            and before.text.strip() != "" and before.text not in SENTENCE_OPENERS
            and after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())
