#!/usr/bin/env python3
"""Score the shipped Arabic Stanza models on the held-out test (UD Arabic PUD,
PADT-style MWTs) with Stanza's scorer (the CoNLL 2018 UD eval, via
stanza.models.common.utils.ud_scores), and measure inference speed.

Called by train_models.py (stage "eval"); can also be run alone:
  python scripts/eval_models.py --shared ../shared --models data/models --work /tmp/quotes-train
"""
import argparse
import gzip
import json
import os
import re
import sys
import time

METRICS = ["Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS"]
_DIAC = re.compile("[\u064B-\u0652\u0670]")


def make_pipeline(models, processors="tokenize,mwt,pos,lemma,depparse", **kw):
    import stanza
    args = dict(lang="ar", processors=processors, dir=models, download_method=None, logging_level="WARN",
                tokenize_model_path=os.path.join(models, "ar_tokenizer.pt"),
                mwt_model_path=os.path.join(models, "ar_mwt.pt"),
                pos_model_path=os.path.join(models, "ar_pos.pt"),
                pos_pretrain_path=os.path.join(models, "ar_pretrain.pt"),
                lemma_model_path=os.path.join(models, "ar_lemma.pt"),
                depparse_model_path=os.path.join(models, "ar_depparse.pt"),
                depparse_pretrain_path=os.path.join(models, "ar_pretrain.pt"))
    # Stanza adds a processor for every *_model_path it is given, so pass only the requested ones
    wanted = processors.split(",")
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        if proc not in wanted:
            args = {k: v for k, v in args.items() if not k.startswith(proc + "_")}
    args.update(kw)
    return stanza.Pipeline(**args)


def read_blocks(path):
    blocks, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def score(gold, system):
    # Stanza's scorer: stanza.models.common.utils.ud_scores, which wraps the official
    # CoNLL 2018 UD evaluation script (udtools.udeval in Stanza 1.15)
    from stanza.models.common.utils import ud_scores
    ev = ud_scores(gold, system)
    return {k: round(100 * ev[k].f1, 2) for k in METRICS}


def lemma_nodiac(gold_path, sys_path):
    """Share of gold words whose predicted lemma equals the gold lemma once both are de-vocalised
    (only meaningful with gold tokenisation, where words align one to one)."""
    def lemmas(path):
        out = []
        for b in read_blocks(path):
            for l in b:
                if l.startswith("#"):
                    continue
                c = l.split("\t")
                if "-" in c[0] or "." in c[0]:
                    continue
                out.append(_DIAC.sub("", c[2]).replace("ٱ", "ا"))
        return out
    g, s = lemmas(gold_path), lemmas(sys_path)
    assert len(g) == len(s)
    return round(100 * sum(x == y for x, y in zip(g, s)) / len(g), 2)


def eval_gold_tok(nlp, gold_path, out_path):
    """Gold tokenisation: feed the gold syntactic words, keep the gold token/MWT
    layer, replace UPOS..DEPREL with predictions."""
    blocks = read_blocks(gold_path)
    sents = []
    for b in blocks:
        sents.append([l.split("\t")[1] for l in b if not l.startswith("#") and "-" not in l.split("\t")[0]])
    t0 = time.time()
    doc = nlp(sents)
    dt = time.time() - t0
    with open(out_path, "w", encoding="utf-8") as f:
        for b, sent in zip(blocks, doc.sentences):
            words = iter(sent.words)
            for l in b:
                c = l.split("\t")
                if l.startswith("#") or "-" in c[0]:
                    f.write(l + "\n")
                    continue
                w = next(words)
                c[2] = w.lemma or "_"
                c[3] = w.upos or "_"
                c[4] = w.xpos or "_"
                c[5] = w.feats or "_"
                c[6] = str(w.head)
                c[7] = w.deprel or "_"
                c[8] = "_"
                f.write("\t".join(c) + "\n")
            f.write("\n")
    return dt, sum(len(s) for s in sents)


def paragraphs_from_conllu(path):
    """Raw text of a CoNLL-U file: one paragraph per '# newdoc' (PUD: one per sentence)."""
    paras, cur = [], []
    for b in read_blocks(path):
        text = [l[len("# text = "):] for l in b if l.startswith("# text = ")][0]
        if any(l.startswith("# newdoc") for l in b) and cur:
            paras.append(" ".join(cur))
            cur = []
        cur.append(text)
    if cur:
        paras.append(" ".join(cur))
    return paras


def eval_raw(nlp, gold_path, out_path):
    from stanza.utils.conll import CoNLL
    text = "\n\n".join(paragraphs_from_conllu(gold_path))
    t0 = time.time()
    doc = nlp(text)
    dt = time.time() - t0
    CoNLL.write_doc2conll(doc, out_path)
    return dt, doc.num_words


def news_sample(shared, n_words, normalize_text):
    """~n_words of real news text (first paragraphs of ant-multisource articles)."""
    out, count = [], 0
    with gzip.open(os.path.join(shared, "news-raw", "ant-multisource.jsonl.gz"), "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 50:
                continue
            for para in json.loads(line)["text"].split("\n"):
                para = normalize_text(para.strip())
                if len(para.split()) < 8:
                    continue
                out.append(para)
                count += len(para.split())
                if count >= n_words:
                    return out
    return out


def speed(models, shared, normalize_text, n_words=2000):
    import torch
    torch.set_num_threads(1)
    paras = news_sample(shared, n_words, normalize_text)
    res = {}
    configs = [
        ("tokenize,mwt", {}),
        ("tokenize,mwt,pos", {}),
        ("tokenize,mwt,pos,lemma", {}),
        ("tokenize,mwt,pos,lemma,depparse", {}),
        ("tokenize,mwt,pos,lemma(identity),depparse", {"lemma_use_identity": True}),
    ]
    for name, kw in configs:
        nlp = make_pipeline(models, processors=name.replace("(identity)", ""), tokenize_no_ssplit=True, **kw)
        nlp(paras[0])  # warm-up
        best = best_batch = None
        for _ in range(2):
            # one call per paragraph (as the package parses single cue sentences)
            t0 = time.time()
            words = 0
            for p in paras:
                words += nlp(p).num_words
            dt = time.time() - t0
            best = dt if best is None else min(best, dt)
            # one call for the whole sample (paragraphs separated by blank lines)
            t0 = time.time()
            nlp("\n\n".join(paras))
            dt = time.time() - t0
            best_batch = dt if best_batch is None else min(best_batch, dt)
        res[name] = {"words": words, "paragraphs": len(paras), "seconds_per_paragraph_calls": round(best, 2),
                     "words_per_s": round(words / best), "seconds_one_call": round(best_batch, 2),
                     "words_per_s_one_call": round(words / best_batch)}
        print("speed %-45s %6d words: %6d words/s (one call per paragraph), %6d words/s (one call)"
              % (name, words, words / best, words / best_batch), flush=True)
    return res


def augment_gold(src, dst):
    """News-style spelling of the test set: hamza-less alef and final ى everywhere."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from train_models import read_conllu, write_conllu, augmented_copy
    sents = augmented_copy(read_conllu(src), seed=3, p_ya=1.0, p_punct=0.0)
    write_conllu(sents, dst)


def evaluate(models, data_dir, shared, work, normalize_text, do_speed=True):
    import torch
    torch.set_num_threads(1)
    ev = os.path.join(work, "eval")
    os.makedirs(ev, exist_ok=True)
    gold = os.path.join(data_dir, "test-padtstyle.norm.conllu")
    gold_news = os.path.join(ev, "test-padtstyle.newsspelling.conllu")
    augment_gold(gold, gold_news)
    results = {}

    nlp_pre = make_pipeline(models, processors="tokenize,pos,lemma,depparse", tokenize_pretokenized=True)
    nlp_raw = make_pipeline(models)
    for tag, g in (("standard", gold), ("news_spelling", gold_news)):
        sysf = os.path.join(ev, "gold-tok.%s.conllu" % tag)
        dt, n = eval_gold_tok(nlp_pre, g, sysf)
        r = score(g, sysf)
        r["Lemmas_nodiac"] = lemma_nodiac(g, sysf)
        r["seconds"] = round(dt, 1)
        results["gold_tok_" + tag] = r
        print("gold-tok %s: %s" % (tag, r), flush=True)
        sysf = os.path.join(ev, "raw.%s.conllu" % tag)
        dt, n = eval_raw(nlp_raw, g, sysf)
        r = score(g, sysf)
        r["seconds"] = round(dt, 1)
        results["raw_" + tag] = r
        print("raw %s: %s" % (tag, r), flush=True)
    if do_speed:
        results["speed"] = speed(models, shared, normalize_text)
    with open(os.path.join(ev, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", required=True)
    p.add_argument("--models", default="data/models")
    p.add_argument("--work", default="/tmp/quotes-train")
    p.add_argument("--no-speed", action="store_true")
    a = p.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from train_models import normalize_text
    evaluate(os.path.abspath(a.models), os.path.join(a.work, "data"), os.path.join(os.path.abspath(a.shared), "data"),
             a.work, normalize_text, do_speed=not a.no_speed)


if __name__ == "__main__":
    main()
