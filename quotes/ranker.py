"""A linear ranker over speaker options (candidates.py), learned from annotated quotes.

The model is a conditional logit: each option's score is the dot product of its
sparse features with the weights, and the option with the highest score is the
speaker. It is trained by ``scripts/train_ranker.py`` (``make ranker``) and ships as
a small JSON file, ``data/models/speaker_ranker.json``: ``{"version": 1,
"weights": {feature: weight}, ...}``. Pure Python: no new dependency, and a
quote's choice costs a few dozen dictionary look-ups.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Mapping, Sequence

import attrs

from .candidates import SETTLED, SpeakerOption
from .errors import QuotesError
from .resources import data_dir

WEIGHTS_FILE = "speaker_ranker.json"


def default_weights_path() -> Path:
    return data_dir() / "models" / WEIGHTS_FILE


@attrs.frozen
class Ranker:
    """Scores speaker options with fixed weights."""

    weights: Mapping[str, float]
    meta: Mapping[str, object] = attrs.field(factory=dict)
    # how much an alternative must outscore the rules' pick to replace it: the rules
    # are right four times in five, and a small score difference is noise
    margin: float = 0.0

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Ranker":
        path = Path(path) if path is not None else default_weights_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise QuotesError(f"cannot read the speaker ranker's weights from {path}: {e}") from None
        if not isinstance(raw, dict) or raw.get("version") != 1 or not isinstance(raw.get("weights"), dict):
            raise QuotesError(f"{path} is not a speaker ranker (version 1 with weights)")
        meta = {k: v for k, v in raw.items() if k != "weights"}
        return cls({str(k): float(v) for k, v in raw["weights"].items()}, meta, float(raw.get("margin", 0.0)))

    def save(self, path: str | Path) -> None:
        body = dict(self.meta) | {"version": 1, "margin": self.margin,
                                  "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())
                                              if abs(v) >= 1e-4}}
        Path(path).write_text(json.dumps(body, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    def score(self, option: SpeakerOption) -> float:
        return self.score_features(option.features)

    def score_features(self, features: Mapping[str, float]) -> float:
        w = self.weights
        return sum(w.get(name, 0.0) * value for name, value in features.items())

    def choose(self, options: Sequence[SpeakerOption]) -> SpeakerOption:
        """The best option, unless it beats the rules' pick by less than the margin."""
        if not options:
            raise QuotesError("no speaker options to choose from")
        return options[self.best([o.features for o in options])]

    def best(self, features: Sequence[Mapping[str, float]]) -> int:
        """The index of the option to take among options given by their features; the
        rules' pick is the one with feature ``rule`` (else "no speaker", listed first),
        and it stays when it is ``settled``."""
        rule = next((i for i, f in enumerate(features) if f.get("rule")), 0)
        if features[rule].get(SETTLED):
            return rule
        scores = [self.score_features(f) for f in features]
        top = max(range(len(scores)), key=lambda i: (scores[i], -i))
        return top if scores[top] > scores[rule] + self.margin + 1e-9 else rule


def train(groups: Sequence[tuple[Sequence[Mapping[str, float]], Sequence[bool]]], *, epochs: int = 30,
          rate: float = 0.1, l2: float = 1e-3, seed: int = 13) -> dict[str, float]:
    """Weights of a conditional logit trained by stochastic gradient descent.

    ``groups`` are the options of one quote each (their features) and which of them
    are correct; a group with no correct option teaches nothing and is skipped."""
    rng = random.Random(seed)
    data = [(feats, labels) for feats, labels in groups if any(labels) and len(feats) > 1]
    w: dict[str, float] = {}
    for epoch in range(epochs):
        rng.shuffle(data)
        step = rate / (1 + epoch * 0.2)
        for feats, labels in data:
            scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in feats]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            probs = [e / z for e in exps]
            gold_mass = sum(p for p, ok in zip(probs, labels) if ok)
            # gradient of -log P(any correct option)
            for f, p, ok in zip(feats, probs, labels):
                g = p - (p / gold_mass if ok else 0.0)
                if g == 0.0:
                    continue
                for k, v in f.items():
                    w[k] = w.get(k, 0.0) - step * g * v
        if l2:
            shrink = 1 - rate * l2
            for k in w:
                w[k] *= shrink
    return w
