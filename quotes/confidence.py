"""Stage 5: a quote's confidence, the measured probability that it is a real quote.

The rules already know how they found a quote: its type, the rule that read it (a
colon and closed marks, a complementizer, a noun object …), the cue's kind and frame,
whether a source was read and resolved, how long the span is. A small logistic model
turns that evidence into a probability; its weights are fit on the annotated
evaluation articles by article-level cross-validation (scripts/fit_confidence.py,
``make calibration``) and shipped in ``data/confidence.json``.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .errors import ModelError
from .resources import data_dir

if TYPE_CHECKING:  # pragma: no cover
    from .attribute import Candidate
    from .values import Speaker


def quote_features(cand: "Candidate", speaker: "Speaker | None", text: str) -> dict[str, float]:
    """The evidence for one candidate quote, as named features (value 1.0 unless said)."""
    feats: dict[str, float] = {"bias": 1.0, f"type={cand.type}": 1.0, f"rule={cand.rule or 'none'}": 1.0}
    cue = cand.cue
    if cue is None:
        feats["cue=none"] = 1.0
    else:
        feats[f"cue={cue.kind}"] = 1.0
        feats[f"frame={cue.frame}"] = 1.0
    feats[f"speaker={speaker.kind if speaker is not None else 'none'}"] = 1.0
    if cand.mention is not None:
        feats["mention"] = 1.0  # the source is named in the quote's sentence
    span = text[cand.start:cand.end]
    words = len(span.split())
    feats["log_words"] = math.log1p(words)
    feats[f"words={min(words // 5 * 5, 30)}+"] = 1.0  # 0-4, 5-9 … 30 or more words
    if words <= 3:
        feats["short"] = 1.0
    if any(ch in span for ch in "\"«»“”"):
        feats["marks_inside"] = 1.0
    feats["rule_score"] = cand.confidence  # the rule's own prior
    return feats


@attrs.frozen
class ConfidenceModel:
    """Logistic weights by feature name; features the model does not know weigh 0."""

    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ConfidenceModel":
        path = Path(path) if path else data_dir() / "confidence.json"
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            raise ModelError(f"{path}: cannot read the confidence model: {e}") from None
        return cls(weights)


@functools.lru_cache(maxsize=1)
def default_confidence_model() -> ConfidenceModel:
    """The bundled model, loaded once per process."""
    return ConfidenceModel.load()
