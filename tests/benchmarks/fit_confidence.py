"""Fit the extraction confidence (logistic regression) on the CaRB dev split.

Usage::

    python tests/benchmarks/fit_confidence.py [--write] [--ablate] [--folds 5] [--l2 5]

Every extraction of the dev sentences is described by
:func:`kg.extract.confidence.features` and labelled with its best match against
the gold tuples (the scorer's token-level pair F1, a soft label in [0, 1]). A
logistic regression (L2, plain numpy gradient descent) is fitted; the script
reports the CaRB scores of the k-fold *cross-validated* confidences (each
sentence scored by a model that did not see it), then, with ``--write``, fits on
all of dev and writes ``kg/extract/confidence_weights.py``. Needs numpy; kg itself
only reads the written constants.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[2]
WEIGHTS_FILE = REPO / "kg" / "extract" / "confidence_weights.py"


def _scorer(carb: Path) -> Any:
    spec = importlib.util.spec_from_file_location("carb_score", carb / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect(
    carb: Path, label: str = "f1"
) -> tuple[list[str], list[dict[str, float]], list[float], list[int]]:
    """Rows, their features, soft labels and sentence ids over the dev split."""
    from kg.extract.carb import carb_rows, detokenize
    from kg.nlp import load

    score = _scorer(carb)
    nlp = load()
    gold = score.read_gold(str(carb / "dev.tsv"))
    lines = [ln.strip() for ln in (carb / "dev_sentences.txt").read_text("utf-8").splitlines()
             if ln.strip()]
    prepared = [(ln, ln.split()) for ln in lines]
    texts = [detokenize(toks) for _, toks in prepared]
    rows: list[str] = []
    feats: list[dict[str, float]] = []
    labels: list[float] = []
    sent_ids: list[int] = []
    for n, ((sentence, toks), (_, spans), doc) in enumerate(
        zip(prepared, texts, nlp.pipe([t for t, _ in texts]), strict=True)
    ):
        golds = gold.get(score.sentence_key(sentence), [])
        for _, row, f in carb_rows(doc, toks, spans, sentence):
            cols = row.split("\t")
            pred = score.Tuple(cols[2], cols[3:], 0.0)
            best = 0.0
            for g in golds:
                p, r = score.tuple_score(g, pred, False, True)
                if p + r:
                    best = max(best, {"f1": 2 * p * r / (p + r), "p": p, "r": r,
                                      "pr": (p * r) ** 0.5}[label])
            rows.append(row)
            feats.append(f)
            labels.append(best)
            sent_ids.append(n)
    return rows, feats, labels, sent_ids


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    """Logistic regression with soft labels; returns weights, the last one the bias."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    lr = 0.5
    reg = np.full(xb.shape[1], l2 / len(x))
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) / len(x) + reg * w
        w -= lr * grad
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Confidences for the feature matrix ``x``."""
    return 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))


def score_rows(carb: Path, rows: list[str], conf: np.ndarray, *extra: str) -> str:
    """Run the CaRB scorer over rows whose confidence column is replaced."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as fh:
        for row, c in zip(rows, conf, strict=True):
            cols = row.split("\t")
            cols[1] = f"{c:.4f}"
            fh.write("\t".join(cols) + "\n")
        path = fh.name
    out = subprocess.run(
        [sys.executable, str(carb / "score.py"), str(carb / "dev.tsv"), path, *extra],
        capture_output=True, text=True, check=True,
    ).stdout
    return " ".join(out.strip().splitlines()[-2:])


def main(argv: list[str] | None = None) -> None:
    """Cross-validate, report, and optionally write the fitted weights."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--carb", type=Path, default=REPO.parent / "shared" / "carb")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=5.0)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--ablate", action="store_true",
                    help="also score the CV confidences without each rule's extractions")
    ap.add_argument("--label", choices=("f1", "p", "r", "pr"), default="f1",
                    help="the soft label: best pair F1 (default), precision, recall, or sqrt(P*R)")
    a = ap.parse_args(argv)
    rows, feats, labels, sent_ids = collect(a.carb, a.label)
    counts = Counter(name for f in feats for name in f)
    names = sorted(n for n, c in counts.items() if c >= 5)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for n, v in f.items():
            if n in index:
                x[r, index[n]] = v
    y = np.array(labels)
    sid = np.array(sent_ids)
    fold = sid % a.folds
    oof = np.zeros(len(y))
    for k in range(a.folds):
        w = fit(x[fold != k], y[fold != k], a.l2)
        oof[fold == k] = predict(x[fold == k], w)
    print(f"{len(rows)} extractions, {len(names)} features")
    print("confidences of the shipped weights:", score_rows(a.carb, rows, np.array(
        [float(r.split("\t")[1]) for r in rows])))
    for extra in ((), ("--single-match",)):
        print(f"{a.folds}-fold CV {' '.join(extra) or 'default'}:",
              score_rows(a.carb, rows, oof, *extra))
    w = fit(x, y, a.l2)
    print("in-sample (optimistic):", score_rows(a.carb, rows, predict(x, w)))
    if a.ablate:
        # what each rule's extractions add: CV score without them (negative = they help)
        rules = sorted({r for f in feats for r in f if r.startswith("rule=")})
        for rule in rules:
            keep = np.array([rule not in f for f in feats])
            kept = [r for r, k in zip(rows, keep, strict=True) if k]
            print(f"without {rule[5:]:12} ({int((~keep).sum()):4} rows):",
                  score_rows(a.carb, kept, oof[keep]))
    if a.write:
        lines = [
            '"""Fitted confidence weights (generated by tests/benchmarks/fit_confidence.py;',
            f'logistic regression over {len(rows)} CaRB dev extractions, L2={a.l2})."""',
            "",
            f"BIAS = {w[-1]:.4f}",
            "WEIGHTS: dict[str, float] = {",
        ]
        for n, v in sorted(zip(names, w[:-1], strict=True), key=lambda t: -abs(t[1])):
            if abs(v) >= 1e-3:
                lines.append(f"    {n!r}: {v:.4f},")
        lines.append("}")
        WEIGHTS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("wrote", WEIGHTS_FILE)


if __name__ == "__main__":
    main()
