"""Train the speaker ranker on annotated quotes and report article-level cross-validation.

    python scripts/train_ranker.py --shared ../shared --out data/models/speaker_ranker.json

1. The extractor runs (rules + parse) over the gold articles of train.jsonl, dev.jsonl
   and seed.jsonl; for every predicted quote that matches a gold quote (evaluate.match)
   its speaker options (candidates.py) are labelled with evaluate.speaker_correct, the
   same test the scores use (a gold quote without speaker: "no speaker" is right).
2. Five folds over the train + dev articles (each article's quotes in one fold; seed
   always trains): per held-out fold, speaker accuracy, role accuracy and end-to-end
   F1 of the ranker, beside the rules' own picks on the same quotes.
3. The final weights, trained on everything, are written to ``--out``.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.evaluate import Scored, load_gold, match, score, speaker_correct  # noqa: E402
from quotes.extractor import Extractor  # noqa: E402
from quotes.ranker import Ranker, train  # noqa: E402

FOLDS = 5


class _RulesPick:
    """A stand-in ranker that keeps the rules' pick, while the options are collected."""

    def choose(self, options):
        return next((o for o in options if o.features.get("rule")), options[0])


def collect(docs: list[dict[str, Any]], parser: str, coref: bool = True) -> list[dict[str, Any]]:
    """Per document: its predicted quotes, each with its options as (features, name, role)."""
    ex = Extractor(parser=parser, speakers="rules", coref=coref)
    ex.ranker = _RulesPick()
    seen: list[tuple[Any, Any, list, Any]] = []
    ex.on_options = lambda doc_id, cand, options, final: seen.append((cand.start, cand.end, options, final))
    out = []
    for doc, quotes in zip(docs, ex.extract_many((str(d["id"]), d["text"]) for d in docs)):
        by_span = {(s, e): (opts, res) for s, e, opts, res in seen}
        seen.clear()
        preds = []
        for q in quotes:
            opts, final = by_span.get((q.start, q.end), (None, None))
            rule = (q.speaker.name if q.speaker else None, q.speaker.role if q.speaker else None)
            if opts is None:  # an impersonal cue: no options, no speaker
                options = [({}, None, None)]
            else:
                options = []
                for o in opts:
                    spk = final(o.resolved)
                    options.append((o.features, spk.name if spk else None, spk.role if spk else None))
            preds.append({"start": q.start, "end": q.end, "type": q.type, "rule": rule, "options": options})
        out.append({"id": str(doc["id"]), "text": doc["text"], "gold": doc["_gold"], "preds": preds,
                    "set": doc["_set"]})
    return out


def groups_of(docs: list[dict[str, Any]]) -> list[tuple[list[dict[str, float]], list[bool]]]:
    groups = []
    for d in docs:
        scored = [Scored(p["start"], p["end"], p["type"]) for p in d["preds"]]
        for gi, pi in match(d["gold"], scored):
            g, p = d["gold"][gi], d["preds"][pi]
            if len(p["options"]) < 2:
                continue
            if g.speaker is None:
                labels = [name is None for _, name, _ in p["options"]]
            else:
                labels = [speaker_correct(name, g) for _, name, _ in p["options"]]
            groups.append(([f for f, _, _ in p["options"]], labels))
    return groups


def predict(docs: list[dict[str, Any]], ranker: Ranker | None) -> dict[str, Any]:
    triples = []
    for d in docs:
        preds = []
        for p in d["preds"]:
            if ranker is None or len(p["options"]) < 2:
                name, role = p["rule"]
            else:
                _, name, role = p["options"][ranker.best([f for f, _, _ in p["options"]])]
            preds.append(Scored(p["start"], p["end"], p["type"], name, None, role))
        triples.append((d["text"], d["gold"], preds))
    return score(triples)


def oracle(docs: list[dict[str, Any]]) -> tuple[int, int]:
    """(matched quotes with a gold speaker, of which some option is correct)."""
    n = ok = 0
    for d in docs:
        scored = [Scored(p["start"], p["end"], p["type"]) for p in d["preds"]]
        for gi, pi in match(d["gold"], scored):
            g = d["gold"][gi]
            if g.speaker is None:
                continue
            n += 1
            ok += any(speaker_correct(name, g) for _, name, _ in d["preds"][pi]["options"])
    return n, ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    ap.add_argument("--out", default=str(ROOT / "data" / "models" / "speaker_ranker.json"))
    ap.add_argument("--parser", default="stanza", choices=("stanza", "none"))
    ap.add_argument("--without-coref", action="store_true",
                    help="roles as the resolver gives them, without coref.py (the rules as they were)")
    ap.add_argument("--cache", default=None, help="pickle of the collected options, reused when present")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--rate", type=float, default=0.05)
    ap.add_argument("--margin", type=float, default=1.0,
                    help="how much an alternative must outscore the rules' pick to replace it")
    args = ap.parse_args()

    t0 = time.time()
    if args.cache and Path(args.cache).exists():
        with open(args.cache, "rb") as f:
            docs = pickle.load(f)
    else:
        gold = []
        for name in ("train", "dev", "seed"):
            path = Path(args.shared) / "eval" / f"{name}.jsonl"
            for doc in load_gold(path):
                doc["_set"] = name
                gold.append(doc)
        docs = collect(gold, args.parser, coref=not args.without_coref)
        if args.cache:
            with open(args.cache, "wb") as f:
                pickle.dump(docs, f)
    print(f"{len(docs)} articles, options collected in {time.time() - t0:.0f} s")
    n, ok = oracle(docs)
    print(f"oracle: a correct option exists for {ok}/{n} matched quotes with a gold speaker ({ok / n:.3f})")

    pool = [d for d in docs if d["set"] in ("train", "dev")]
    always = [d for d in docs if d["set"] not in ("train", "dev")]
    order = sorted(range(len(pool)), key=lambda i: pool[i]["id"])
    random.Random(13).shuffle(order)
    fold_of = {pool[i]["id"]: k % FOLDS for k, i in enumerate(order)}
    header = f"{'fold':>4} {'arts':>5} {'quotes':>6} | {'rules spk':>9} {'role':>6} {'e2e':>6} | " \
             f"{'ranker spk':>10} {'role':>6} {'e2e':>6}"
    print(header)
    print("-" * len(header))
    all_rules, all_rank = [], []
    for k in range(FOLDS):
        held = [d for d in pool if fold_of[d["id"]] == k]
        rest = [d for d in pool if fold_of[d["id"]] != k] + always
        model = Ranker(train(groups_of(rest), epochs=args.epochs, l2=args.l2, rate=args.rate), margin=args.margin)
        r, m = predict(held, None), predict(held, model)
        all_rules.append(r)
        all_rank.append(m)
        print(f"{k:>4} {len(held):>5} {r['quotes']['gold']:>6} | {r['speaker']['accuracy']:>9.3f} "
              f"{r['role']['accuracy']:>6.3f} {r['end_to_end']['f1']:>6.3f} | {m['speaker']['accuracy']:>10.3f} "
              f"{m['role']['accuracy']:>6.3f} {m['end_to_end']['f1']:>6.3f}")

    def pooled(results: list[dict[str, Any]]) -> tuple[float, float, float]:
        sn = sum(r["speaker"]["n"] for r in results)
        so = sum(r["speaker"]["accuracy"] * r["speaker"]["n"] for r in results)
        rn = sum(r["role"]["n"] for r in results)
        ro = sum(r["role"]["accuracy"] * r["role"]["n"] for r in results)
        gold = sum(r["end_to_end"]["gold"] for r in results)
        pred = sum(r["end_to_end"]["pred"] for r in results)
        ok = sum(r["end_to_end"]["recall"] * r["end_to_end"]["gold"] for r in results)
        p, rc = ok / pred, ok / gold
        return so / sn, ro / rn, 2 * p * rc / (p + rc)

    rs, rr, re_ = pooled(all_rules)
    ms, mr, me = pooled(all_rank)
    print("-" * len(header))
    print(f"{'all':>4} {len(pool):>5} {'':>6} | {rs:>9.3f} {rr:>6.3f} {re_:>6.3f} | {ms:>10.3f} {mr:>6.3f} {me:>6.3f}")

    final = Ranker(train(groups_of(docs), epochs=args.epochs, l2=args.l2, rate=args.rate),
                   {"trained_on": "train.jsonl + dev.jsonl + seed.jsonl", "articles": len(docs),
                    "cross_validation": {"folds": FOLDS, "rules": {"speaker": round(rs, 4), "role": round(rr, 4),
                                                                   "end_to_end_f1": round(re_, 4)},
                                         "ranker": {"speaker": round(ms, 4), "role": round(mr, 4),
                                                    "end_to_end_f1": round(me, 4)}}},
                   margin=args.margin)
    final.save(args.out)
    print(f"wrote {args.out} ({len(final.weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
