"""Scoring against gold files, as GUIDELINES.md of the evaluation sets defines it.

- A prediction matches a gold quote when their spans overlap by at least half of the
  longer of the two; pairs are matched once each, greedily by overlap.
- Precision, recall and F1 over quotes, overall and per type (recall by the gold
  type, precision by the predicted type); ``exact`` counts matches whose spans are
  equal after trimming spaces and quotation marks.
- Speaker accuracy over matched quotes with a gold speaker: the normalised
  prediction equals the gold speaker or mention, or all its words are words of the
  gold speaker. ``strict`` asks for the gold speaker itself.
- Role accuracy over matched quotes with a gold role: normalised equality.
- End-to-end F1: a quote counts when it matches and its speaker is correct (for a
  gold quote without speaker, when the prediction has none either).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

import attrs
import orjson

from .errors import InputError
from .normalize import fold
from .values import QUOTE_TYPES

_TRIM = " \t\n\u00a0\"«»“”„‘’‹›'"


@attrs.frozen
class Scored:
    """A quote reduced to what scoring needs."""

    start: int
    end: int
    type: str
    speaker: str | None = None
    mention: str | None = None
    role: str | None = None
    text: str = ""


def norm(value: str | None) -> str | None:
    """The comparison form of a speaker or role (GUIDELINES: normalisation)."""
    if value is None:
        return None
    value = fold(value)
    return value or None


def speaker_correct(pred: str | None, gold: Scored) -> bool:
    p, g, m = norm(pred), norm(gold.speaker), norm(gold.mention)
    if p is None or g is None:
        return False
    if p == g or (m is not None and p == m):
        return True
    return set(p.split()) <= set(g.split())


def gold_offsets(doc: Mapping[str, Any], where: str) -> list[Scored]:
    """Gold quotes with offsets: each quote string at its first occurrence after the
    previous quote's start."""
    text, pos, out = doc["text"], 0, []
    for i, q in enumerate(doc.get("quotes") or []):
        s = text.find(q["quote"], pos)
        if s < 0:
            raise InputError(f"quote {i} not found in text after the previous one: {q['quote'][:40]!r}",
                             source=where)
        out.append(Scored(s, s + len(q["quote"]), q.get("type", "direct"), q.get("speaker"),
                          q.get("mention"), q.get("role"), q["quote"]))
        pos = s + 1
    return out


def pred_from_dict(q: Mapping[str, Any], text: str | None) -> Scored:
    """A prediction in the output format of ``quotes extract`` (or gold format)."""
    if isinstance(q.get("quote"), Mapping):
        span = q["quote"]
        speaker = q.get("speaker") or {}
        return Scored(span["start"], span["end"], q.get("type", "direct"), speaker.get("name"),
                      (speaker.get("mention") or {}).get("text"), speaker.get("role"), span.get("text", ""))
    if text is None:
        raise ValueError("a gold-format prediction needs the document text")
    s = text.find(q["quote"])
    return Scored(s, s + len(q["quote"]), q.get("type", "direct"), q.get("speaker"), q.get("mention"),
                  q.get("role"), q["quote"])


def match(gold: list[Scored], pred: list[Scored]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by overlap; a pair needs overlap >= half the longer."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap <= 0:
                continue
            if overlap * 2 >= max(g.end - g.start, p.end - p.start):
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _exact(text: str, g: Scored, p: Scored) -> bool:
    return text[g.start:g.end].strip(_TRIM) == text[p.start:p.end].strip(_TRIM)


@attrs.define
class Counts:
    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0

    def prf(self) -> dict[str, float]:
        p = self.matched_pred / self.pred if self.pred else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "gold": self.gold, "pred": self.pred}


def score(pairs: Iterable[tuple[str, list[Scored], list[Scored]]]) -> dict[str, Any]:
    """Scores over (text, gold quotes, predicted quotes) per document."""
    overall = Counts()
    by_type = {t: Counts() for t in QUOTE_TYPES}
    exact = 0
    spk_n = spk_ok = spk_strict = 0
    role_n = role_ok = 0
    e2e_ok = 0
    docs = 0
    for text, gold, pred in pairs:
        docs += 1
        overall.gold += len(gold)
        overall.pred += len(pred)
        for g in gold:
            by_type.setdefault(g.type, Counts()).gold += 1
        for p in pred:
            by_type.setdefault(p.type, Counts()).pred += 1
        for gi, pi in match(gold, pred):
            g, p = gold[gi], pred[pi]
            overall.matched_gold += 1
            overall.matched_pred += 1
            by_type[g.type].matched_gold += 1
            by_type[p.type].matched_pred += 1
            exact += _exact(text, g, p)
            if g.speaker is not None:
                spk_n += 1
                ok = speaker_correct(p.speaker, g)
                spk_ok += ok
                spk_strict += norm(p.speaker) == norm(g.speaker)
                e2e_ok += ok
            else:
                e2e_ok += p.speaker is None
            if g.role is not None:
                role_n += 1
                role_ok += norm(p.role) == norm(g.role)
    e2e = Counts(overall.gold, overall.pred, e2e_ok, e2e_ok)
    return {
        "documents": docs,
        "quotes": overall.prf() | {"matched": overall.matched_gold, "exact": exact},
        "by_type": {t: c.prf() for t, c in by_type.items()},
        "speaker": {"accuracy": round(spk_ok / spk_n, 4) if spk_n else 0.0,
                    "strict": round(spk_strict / spk_n, 4) if spk_n else 0.0, "n": spk_n},
        "role": {"accuracy": round(role_ok / role_n, 4) if role_n else 0.0, "n": role_n},
        "end_to_end": e2e.prf(),
    }


def read_jsonl(path: str | Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, orjson.loads(line)
            except orjson.JSONDecodeError as e:
                raise InputError(f"not JSON: {e}", source=str(path), line=n) from None


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    docs = []
    for n, doc in read_jsonl(path):
        if not isinstance(doc.get("text"), str) or "id" not in doc:
            raise InputError("a gold record needs 'id' and 'text'", source=str(path), line=n)
        doc["_gold"] = gold_offsets(doc, f"{path}:{n}")
        docs.append(doc)
    return docs


def load_predictions(path: str | Path, texts: Mapping[str, str]) -> dict[str, list[Scored]]:
    """Predictions by document id, from ``--emit quotes`` or ``--emit docs`` output."""
    preds: dict[str, list[Scored]] = {}
    for n, rec in read_jsonl(path):
        if "quotes" in rec and isinstance(rec["quotes"], list):  # one line per document
            doc_id = str(rec.get("doc_id", rec.get("id")))
            preds.setdefault(doc_id, []).extend(pred_from_dict(q, texts.get(doc_id)) for q in rec["quotes"])
        elif "quote" in rec:  # one line per quote
            doc_id = str(rec.get("doc_id"))
            preds.setdefault(doc_id, []).append(pred_from_dict(rec, texts.get(doc_id)))
        elif "error" in rec:  # a document that failed: it predicted nothing
            preds.setdefault(str(rec.get("doc_id", rec.get("id"))), [])
        else:
            raise InputError("neither a quote nor a document record", source=str(path), line=n)
    return preds


def format_table(result: dict[str, Any], title: str = "") -> str:
    """A readable table of a ``score`` result."""
    lines = []
    if title:
        lines.append(title)
    q = result["quotes"]
    lines.append(f"documents {result['documents']}   gold quotes {q['gold']}   predicted {q['pred']}   "
                 f"matched {q['matched']}   exact spans {q['exact']}")
    lines.append("")
    lines.append(f"{'':<14}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>7}{'pred':>7}")
    rows = [("quotes", q)] + [(f"  {t}", result["by_type"][t]) for t in QUOTE_TYPES]
    rows.append(("end-to-end", result["end_to_end"]))
    for name, r in rows:
        lines.append(f"{name:<14}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>10.3f}"
                     f"{r['gold']:>7}{r['pred']:>7}")
    s, ro = result["speaker"], result["role"]
    lines.append("")
    lines.append(f"speaker accuracy {s['accuracy']:.3f} (strict {s['strict']:.3f}, n={s['n']})   "
                 f"role accuracy {ro['accuracy']:.3f} (n={ro['n']})")
    return "\n".join(lines)


def predict_gold_texts(docs: list[dict[str, Any]], extractor: Any) -> dict[str, list[Scored]]:
    """Run an extractor over the gold texts; predictions by document id."""
    preds: dict[str, list[Scored]] = {}
    results = extractor.extract_many((str(d["id"]), d["text"]) for d in docs)
    for doc, quotes in zip(docs, results):
        preds[str(doc["id"])] = [pred_from_dict(q.to_dict(), doc["text"]) for q in quotes]
    return preds


def evaluate(gold_docs: list[dict[str, Any]], preds: Mapping[str, list[Scored]]) -> dict[str, Any]:
    return score((d["text"], d["_gold"], list(preds.get(str(d["id"]), []))) for d in gold_docs)
