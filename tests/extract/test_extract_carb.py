"""CaRB input/output: detokenisation, row format, and a dev-split smoke score."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.carb import carb_lines, detokenize
from tests.conftest import CARB, needs_shared


@pytest.mark.parametrize(("tokens", "text"), [
    ("He said `` no '' -LRB- twice -RRB- .", 'He said "no" (twice).'),
    ("Russia 's biggest partner , China , did n't object .",
     "Russia's biggest partner, China, didn't object."),
    ("a fume - filled coal mine costs $ 4.25 ; 5 % more",
     "a fume-filled coal mine costs $4.25; 5% more"),
    ("Blagoja ` Billy ' Celeski", "Blagoja 'Billy' Celeski"),
])
def test_detokenize(tokens: str, text: str) -> None:
    out, spans = detokenize(tokens.split())
    assert out == text
    # every token maps onto its own text (brackets and quotes are normalised)
    for tok, (s, e) in zip(tokens.split(), spans, strict=True):
        assert out[s:e] in {tok, "(", ")", '"', "'"}


@pytest.mark.slow
def test_rows_keep_the_input_tokens(nlp: Language) -> None:
    line = ("The minister 's `` peace plan '' was rejected by Russia 's parliament "
            "-LRB- the Duma -RRB- on Friday .")
    rows = list(carb_lines([line, ""], nlp=nlp))
    assert rows
    for row in rows:
        cols = row.split("\t")
        assert cols[0] == line and len(cols) >= 5
        assert 0.0 <= float(cols[1]) <= 1.0
        assert not row.endswith("\n")
    got = [r.split("\t")[2:] for r in rows]
    # the first argument keeps the PTB quotes; an extra argument keeps its preposition
    assert ["was rejected by", "The minister 's `` peace plan ''", "Russia 's parliament",
            "on Friday"] in got
    assert ["be", "the Duma", "Russia 's parliament"] in got


@pytest.mark.slow
def test_implicit_copula_is_written_as_be(nlp: Language) -> None:
    rows = [r.split("\t") for r in carb_lines(
        ["Russian President Vladimir Putin visited Beijing ."], nlp=nlp)]
    assert ["be", "Vladimir Putin", "Russian President"] in [r[2:] for r in rows]


@pytest.mark.slow
@needs_shared(CARB / "score.py")
def test_dev_score_floor(nlp: Language, tmp_path: Path) -> None:
    """The first 150 dev sentences must keep a CaRB F1 well above a naive baseline."""
    lines = (CARB / "dev_sentences.txt").read_text(encoding="utf-8").splitlines()[:150]
    pred = tmp_path / "pred.tsv"
    pred.write_text("\n".join(carb_lines(lines, nlp=nlp)) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.tsv"
    keep = set(lines)
    gold.write_text("".join(
        ln for ln in (CARB / "dev.tsv").open(encoding="utf-8") if ln.split("\t")[0] in keep
    ), encoding="utf-8")
    out = subprocess.run([sys.executable, str(CARB / "score.py"), str(gold), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    f1 = float(out.strip().splitlines()[-1].split("=")[1])
    assert f1 > 0.5, out
