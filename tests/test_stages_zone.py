"""The memory zone a parsing process holds over the batches of a build."""

from __future__ import annotations

import spacy

from kg.stages import MemoryZone


def test_strings_stay_until_the_limit_then_are_freed() -> None:
    nlp = spacy.blank("en")
    base = len(nlp.vocab.strings)
    zone = MemoryZone(nlp, limit=10)
    with zone.batch():
        nlp("zqxa zqxb")
    kept = zone.added
    assert 0 < kept < 10
    assert len(nlp.vocab.strings) == base + kept  # kept for the next batch
    with zone.batch():
        nlp("zqxc zqxd zqxe zqxf zqxg zqxh zqxi zqxj")
    assert zone.added == 0
    assert len(nlp.vocab.strings) == base


def test_close_frees_what_the_batches_added() -> None:
    nlp = spacy.blank("en")
    base = len(nlp.vocab.strings)
    zone = MemoryZone(nlp)
    with zone.batch():
        nlp("zqxa zqxb")
    zone.close()
    assert zone.added == 0
    assert len(nlp.vocab.strings) == base
    zone.close()  # closing a closed zone does nothing


def test_nothing_is_freed_while_another_batch_runs() -> None:
    nlp = spacy.blank("en")
    zone = MemoryZone(nlp, limit=1)
    with zone.batch():
        with zone.batch():
            nlp("zqxa zqxb")
        assert zone.added > 0  # the outer batch still runs
    assert zone.added == 0
