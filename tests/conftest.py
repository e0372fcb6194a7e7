"""Shared fixtures: the spaCy pipeline (loaded once) and the paths of ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from spacy.language import Language
from spacy.tokens import Doc

# `pytest --hypothesis-profile=thorough` runs the property tests with 3,000 examples each.
settings.register_profile("thorough", max_examples=3000, deadline=None)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "data" / "seed-article.txt"
BBC = SHARED / "data" / "bbc-news" / "news"
CARB = SHARED / "carb"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Skip a test, with the reason, where ../shared is not beside the checkout."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (../shared not here)")


@pytest.fixture(scope="session")
def nlp() -> Language:
    from kg.nlp import load

    return load()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    """Parse one text the way the pipeline does (paragraph-aware)."""
    from kg.nlp import parse as parse_texts

    def _parse(text: str) -> Doc:
        return next(parse_texts([text], nlp=nlp))

    return _parse
