"""Fit the confidence model (data/confidence.json) and measure its reliability.

Every quote the extractor outputs on the annotated articles is labelled real (it
matches a gold quote, as ``quotes evaluate`` matches) or not, with the evidence the
rules had for it (quotes/confidence.py: type, rule, cue kind and frame, source read
and resolved, span length, marks, the rule's own prior). A logistic regression with
an L2 penalty is fit on that evidence:

- by K-fold cross-validation over *articles* (every quote of an article is in the
  same fold), to measure how well the confidence predicts precision on articles the
  model did not see: the reliability table (confidence bin → observed precision);
- then on all articles, for the weights that ship.

    python scripts/fit_confidence.py ../shared/eval/train.jsonl ../shared/eval/dev.jsonl \
        -o data/confidence.json

The model only re-scores quotes, so it changes no quote, type, span or speaker.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes import Extractor  # noqa: E402
from quotes.evaluate import load_gold, match, pred_from_dict  # noqa: E402


class _Recorder:
    """Stands in for the confidence model: keeps each quote's features."""

    def __init__(self) -> None:
        self.features: list[dict[str, float]] = []

    def probability(self, features: dict[str, float]) -> float:
        self.features.append(features)
        return 0.5


def labelled_quotes(paths: list[str], parser: str) -> list[tuple[str, list[dict[str, float]], list[int]]]:
    """(article id, features, labels) per article."""
    ex = Extractor(parser=parser)
    out = []
    for path in paths:
        docs = load_gold(path)
        for doc in docs:
            recorder = _Recorder()
            ex.confidence = recorder  # type: ignore[assignment]
            quotes = ex.extract(doc["text"], doc_id=str(doc["id"]))
            preds = [pred_from_dict(q.to_dict(), doc["text"]) for q in quotes]
            matched = {pi for _, pi in match(doc["_gold"], preds)}
            out.append((f"{path}:{doc['id']}", recorder.features, [int(i in matched) for i in range(len(preds))]))
    return out


def fit(rows: list[dict[str, float]], labels: list[int], names: list[str], l2: float) -> np.ndarray:
    """Logistic regression by Newton's method, with an L2 penalty (not on the bias)."""
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(rows: list[dict[str, float]], names: list[str], w: np.ndarray) -> np.ndarray:
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    return 1 / (1 + np.exp(-(x @ w)))


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default)."""
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", help="annotated JSONL files (the evaluation format)")
    ap.add_argument("-o", "--out", required=True, help="the weights file to write")
    ap.add_argument("--parser", default="stanza", choices=("stanza", "none"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    articles = labelled_quotes(args.gold, args.parser)
    names = sorted({n for _, feats, _ in articles for f in feats for n in f})
    order = list(range(len(articles)))
    random.Random(args.seed).shuffle(order)
    fold_of = {a: k % args.folds for k, a in enumerate(order)}
    cv_prob: list[float] = []
    cv_label: list[int] = []
    old_prior: list[float] = []
    for fold in range(args.folds):
        train = [articles[a] for a in range(len(articles)) if fold_of[a] != fold]
        test = [articles[a] for a in range(len(articles)) if fold_of[a] == fold]
        w = fit([f for _, fs, _ in train for f in fs], [y for _, _, ys in train for y in ys], names, args.l2)
        rows = [f for _, fs, _ in test for f in fs]
        if rows:
            cv_prob.extend(predict(rows, names, w).tolist())
            cv_label.extend(y for _, _, ys in test for y in ys)
            old_prior.extend(f["rule_score"] for f in rows)
    w = fit([f for _, fs, _ in articles for f in fs], [y for _, _, ys in articles for y in ys], names, args.l2)
    weights = {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) > 1e-6}
    Path(args.out).write_text(json.dumps({
        "about": "Logistic weights of quotes/confidence.py, fit by scripts/fit_confidence.py "
                 f"(make calibration) on {len(articles)} annotated articles "
                 f"({', '.join(Path(g).name for g in args.gold)}), parser={args.parser}, l2={args.l2}.",
        "weights": weights}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    prob, label = np.array(cv_prob), np.array(cv_label)
    print(f"{len(label)} quotes from {len(articles)} articles, {int(label.sum())} real "
          f"(precision {label.mean():.3f}); {args.folds}-fold cross-validation by article, parser={args.parser}")
    brier = float(((prob - label) ** 2).mean())
    brier_old = float(((np.array(old_prior) - label) ** 2).mean())
    print(f"Brier score {brier:.4f} (the rules' fixed scores: {brier_old:.4f})")
    print()
    # the observed precision of a bin is itself an estimate: its 95 % Wilson interval
    # says how far from the mean confidence a bin of that size may fall by chance
    print("| confidence | quotes | mean confidence | observed precision (95 % interval) |")
    print("|---|---:|---:|---:|")
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    for lo, hi in zip(edges, edges[1:]):
        sel = (prob >= lo) & (prob < hi)
        n = int(sel.sum())
        if n == 0:
            continue
        low, high = wilson(int(label[sel].sum()), n)
        print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {n} | {prob[sel].mean():.3f} | "
              f"{label[sel].mean():.3f} ({low:.2f}–{high:.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
