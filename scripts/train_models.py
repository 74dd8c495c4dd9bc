#!/usr/bin/env python3
"""Train the small offline Arabic Stanza models shipped in data/models/.

Fully offline recipe (nothing is downloaded).  Stages, in dependency order:

  prep       normalise the UD Arabic data, harmonise PADT's conventions with
             UD v2 Arabic (scripts/harmonise_ud.py), augment it (hamza-less
             alef, final ى, Latin punctuation), build the tokenizer label files
  vectors    word2vec (gensim) on the news-raw corpus -> ar_pretrain.pt
  tokenizer  Stanza tokenizer with multi-word tokens      -> ar_tokenizer.pt
  mwt        Stanza MWT expander (وقال -> و + قال)          -> ar_mwt.pt
  lemma      Stanza lemmatizer, dictionary only (fast)     -> ar_lemma.pt
  pos        Stanza POS/morphology tagger, with pretrain  -> ar_pos.pt
  retag      tag train/dev with the new tagger (parser input)
  depparse   Stanza dependency parser on predicted tags   -> ar_depparse.pt
  ner        named-entity tagger (PERS, ORG, LOC, MISC, TITLE) on ANERcorp, the
             Wojood sample and 4/5 of CAraNER (scripts/prepare_ner.py), with the
             pretrain vectors; scored on the held-out ANERcorp test and the held-out
             title data                                   -> ar_nertagger.pt
  eval       score on the held-out test (UD Arabic PUD) with Stanza's scorer
             (CoNLL 2018 UD eval): gold tokenisation and raw text; speed test
             (scripts/eval_models.py)

With --jobs 2 two trainers run side by side, each with one torch/OMP thread:
  phase 1: vectors  ||  tokenizer -> mwt -> lemma
  phase 2: pos      ||  retag (with the tagger's step-N checkpoint) -> depparse

Example:
  python scripts/train_models.py --shared ../shared --out data/models --work /tmp/quotes-train

The run-time input normalisation the models expect is normalize_text() below
(also documented in data/models/README.md).
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harmonise_ud  # noqa: E402

# ---------------------------------------------------------------------------
# Normalisation (applied at training time AND required at run time)
# ---------------------------------------------------------------------------
# Arabic harakat, tanwin, shadda, sukun (U+064B..U+0652) and dagger alef (U+0670)
_DIACRITICS_RE = re.compile("[\u064B-\u0652\u0670]")
_TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize_text(text):
    """Run-time normalisation: NFC, delete diacritics and tatweel, Arabic-Indic
    digits -> 0-9.  Hamza, alef maqsura and punctuation are left alone (the
    models are trained on both spellings)."""
    text = unicodedata.normalize("NFC", text)
    text = _DIACRITICS_RE.sub("", text)
    text = text.replace(_TATWEEL, "")
    return text.translate(_DIGITS)


def normalize_form(form):
    new = normalize_text(form)
    return new if new else form


# Augmentation: how real news text is written
_ALEF_RE = re.compile("[أإآ]")
_PUNCT_LATIN = str.maketrans({"،": ",", "؛": ";", "؟": "?"})


def augment_form(form, token_end, ya, punct):
    form = _ALEF_RE.sub("ا", form)
    if ya and token_end and len(form) > 1 and form.endswith("ي"):
        form = form[:-1] + "ى"
    if punct:
        form = form.translate(_PUNCT_LATIN)
    return form


# ---------------------------------------------------------------------------
# Minimal CoNLL-U handling
# ---------------------------------------------------------------------------
def read_conllu(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                cur = []
            else:
                cur.append(line)
    if cur:
        sents.append(cur)
    return sents


def write_conllu(sents, path):
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            f.write("\n".join(s) + "\n\n")


def transform_sentence(lines, form_fn, id_suffix=None):
    """Apply form_fn(form, token_end) to every token FORM and word FORM;
    rebuild '# text' from the token forms and SpaceAfter."""
    comments = [l for l in lines if l.startswith("#")]
    rows = [l.split("\t") for l in lines if not l.startswith("#")]
    mwt_end = {}
    for r in rows:
        if "-" in r[0]:
            a, b = r[0].split("-")
            mwt_end[int(b)] = True
            for i in range(int(a), int(b) + 1):
                mwt_end.setdefault(i, False)
            mwt_end[int(b)] = True
    text, covered_until = [], 0
    for r in rows:
        if "." in r[0]:
            continue
        if "-" in r[0]:
            a, b = map(int, r[0].split("-"))
            r[1] = form_fn(r[1], True)
            covered_until = b
            text.append(r[1] + ("" if "SpaceAfter=No" in r[9] else " "))
        else:
            i = int(r[0])
            r[1] = form_fn(r[1], mwt_end.get(i, True))
            if i > covered_until:
                text.append(r[1] + ("" if "SpaceAfter=No" in r[9] else " "))
    new_comments = []
    for c in comments:
        if c.startswith("# text ="):
            c = "# text = " + "".join(text).strip()
        elif id_suffix and (c.startswith("# sent_id =") or c.startswith("# newdoc id =")):
            c = c + id_suffix
        new_comments.append(c)
    return new_comments + ["\t".join(r) for r in rows]


def normalise_file(src, dst):
    sents = [transform_sentence(s, lambda f, e: normalize_form(f)) for s in read_conllu(src)]
    write_conllu(sents, dst)
    return sents


def augmented_copy(sents, seed, p_ya=0.7, p_punct=0.5):
    rng = random.Random(seed)
    out = []
    for s in sents:
        ya, punct = rng.random() < p_ya, rng.random() < p_punct
        out.append(transform_sentence(s, lambda f, e: augment_form(f, e, ya, punct), id_suffix="-aug"))
    return out


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
TIMINGS = {}


def log(msg):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def run(cmd, logfile, env_extra=None):
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONUNBUFFERED="1")
    env.update(env_extra or {})
    log("RUN " + " ".join(cmd) + "  > " + logfile)
    with open(logfile, "a", encoding="utf-8") as lf:
        lf.write("\n### " + " ".join(cmd) + "\n")
        lf.flush()
        rc = subprocess.call(cmd, stdout=lf, stderr=subprocess.STDOUT, env=env)
    if rc != 0:
        raise RuntimeError("command failed (rc=%d), see %s" % (rc, logfile))


def py(module, *args):
    # one torch thread: stanza trainers call torch without set_num_threads,
    # so OMP_NUM_THREADS=1 (set by run()) is what limits them.
    return [sys.executable, "-m", module] + [str(a) for a in args]


class Stage:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.t0 = time.time()
        log("=== stage %s" % self.name)

    def __exit__(self, *exc):
        dt = time.time() - self.t0
        TIMINGS[self.name] = round(dt, 1)
        log("=== stage %s done in %.1f s" % (self.name, dt))


# ---------------------------------------------------------------------------
# stages
# ---------------------------------------------------------------------------
def stage_prep(a):
    ud = os.path.join(a.shared, "data", "ud-arabic")
    d = os.path.join(a.work, "data")
    os.makedirs(d, exist_ok=True)
    for split, seed in (("train", 1), ("dev", 2)):
        base = normalise_file(os.path.join(ud, split + ".conllu"), os.path.join(d, split + ".orig.conllu"))
        base, counts = harmonise_ud.harmonise(base)
        write_conllu(base, os.path.join(d, split + ".orig.conllu"))
        log("harmonised %s: %s" % (split, ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
        aug = augmented_copy(base, seed)
        write_conllu(base + aug, os.path.join(d, split + ".conllu"))
        run(py("stanza.utils.datasets.conllu_to_text", os.path.join(d, split + ".conllu"), os.path.join(d, split + ".txt")),
            os.path.join(a.logs, "prep.log"))
        run(py("stanza.utils.datasets.prepare_tokenizer_data", os.path.join(d, split + ".txt"), os.path.join(d, split + ".conllu"),
               "-o", os.path.join(d, split + ".toklabels"), "-m", os.path.join(d, split + "-mwt.json")),
            os.path.join(a.logs, "prep.log"))
    prep_toktrain(a)
    prep_tokdev(a)
    for name in ("test-padtstyle", "test"):
        normalise_file(os.path.join(ud, name + ".conllu"), os.path.join(d, name + ".norm.conllu"))
    run(py("stanza.utils.datasets.conllu_to_text", os.path.join(d, "test-padtstyle.norm.conllu"), os.path.join(d, "test-padtstyle.norm.txt")),
        os.path.join(a.logs, "prep.log"))


def prep_toktrain(a):
    """Tokenizer training text: the original paragraphs (documents), plus the
    augmented copy with ONE SENTENCE PER PARAGRAPH.  With documents only, the
    tokenizer rarely saw a clitic-bearing token at the very start of the input
    and left text-initial وقال / لهم unsplit; the package feeds single
    sentences, so sentence-initial tokens must be learned too."""
    sents = read_conllu(d(a, "train.conllu"))
    out = []
    for s in sents:
        if any(l.startswith("# sent_id") and l.endswith("-aug") for l in s):
            s = ["# newpar"] + [l for l in s if not l.startswith("# newpar") and not l.startswith("# newdoc")]
        out.append(s)
    write_conllu(out, d(a, "train-tok.conllu"))
    run(py("stanza.utils.datasets.conllu_to_text", d(a, "train-tok.conllu"), d(a, "train-tok.txt")),
        os.path.join(a.logs, "prep.log"))
    run(py("stanza.utils.datasets.prepare_tokenizer_data", d(a, "train-tok.txt"), d(a, "train-tok.conllu"),
           "-o", d(a, "train-tok.toklabels"), "-m", d(a, "train-tok-mwt.json")),
        os.path.join(a.logs, "prep.log"))


def prep_tokdev(a):
    """Tokenizer dev set with one sentence per paragraph.  Stanza selects the
    tokenizer checkpoint by a harmonic mean dominated by sentence F1; PADT
    'sentences' are often whole paragraphs, so that F1 is noise and picked
    early checkpoints with worse token/MWT F1.  With one sentence per paragraph
    the selection follows token F1.  (The package runs tokenize_no_ssplit.)"""
    sents = read_conllu(d(a, "dev.conllu"))
    out = []
    for s in sents:
        s = [l for l in s if not l.startswith("# newpar")]
        out.append(["# newpar"] + s)
    write_conllu(out, d(a, "dev-tok.conllu"))
    run(py("stanza.utils.datasets.conllu_to_text", d(a, "dev-tok.conllu"), d(a, "dev-tok.txt")),
        os.path.join(a.logs, "prep.log"))
    run(py("stanza.utils.datasets.prepare_tokenizer_data", d(a, "dev-tok.txt"), d(a, "dev-tok.conllu"),
           "-o", d(a, "dev-tok.toklabels"), "-m", d(a, "dev-tok-mwt.json")),
        os.path.join(a.logs, "prep.log"))


_W2V_TOKEN_RE = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+|[0-9]+(?:[.,][0-9]+)*|[A-Za-z]+|[^\s\w]", re.UNICODE)


def stage_vectors(a):
    corpus = os.path.join(a.work, "news.tok.txt")
    vec = os.path.join(a.work, "news.vec")
    n_words = 0
    t0 = time.time()
    with open(corpus, "w", encoding="utf-8") as out:
        for fn in sorted(os.listdir(os.path.join(a.shared, "data", "news-raw"))):
            if not fn.endswith(".jsonl.gz"):
                continue
            with gzip.open(os.path.join(a.shared, "data", "news-raw", fn), "rt", encoding="utf-8") as f:
                for line in f:
                    text = json.loads(line).get("text") or ""
                    for para in normalize_text(text).split("\n"):
                        toks = _W2V_TOKEN_RE.findall(para)
                        if toks:
                            n_words += len(toks)
                            out.write(" ".join(toks) + "\n")
    log("w2v corpus: %d tokens in %.0f s" % (n_words, time.time() - t0))
    from gensim.models import Word2Vec
    model = Word2Vec(corpus_file=corpus, vector_size=a.vec_dim, window=5, min_count=5, sg=1, negative=5,
                     sample=1e-4, epochs=a.vec_epochs, workers=1, seed=1)
    words = model.wv.index_to_key[: a.vec_vocab]
    with open(vec, "w", encoding="utf-8") as f:
        f.write("%d %d\n" % (len(words), a.vec_dim))
        for w in words:
            f.write(w + " " + " ".join("%.5f" % x for x in model.wv[w]) + "\n")
    from stanza.models.common.pretrain import Pretrain
    target = os.path.join(a.out, "ar_pretrain.pt")
    if os.path.exists(target):
        os.remove(target)
    pt = Pretrain(filename=target, vec_filename=vec, max_vocab=-1)
    pt.load()
    log("pretrain: %d words x %d dims -> %s" % (len(pt.vocab), pt.emb.shape[1], target))
    if not a.keep_corpus:
        os.remove(corpus)


def d(a, name):
    return os.path.join(a.work, "data", name)


def m(a, name):
    return os.path.join(a.work, "models", name)


def stage_tokenizer(a):
    # = python -m stanza.models.tokenizer, with checkpoint selection by token+MWT F1
    run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "stanza_tokenizer_tokf1.py"), "--mode", "train", "--lang", "ar", "--shorthand", "ar_quotes",
           "--txt_file", d(a, "train-tok.txt"), "--label_file", d(a, "train-tok.toklabels"), "--mwt_json_file", d(a, "train-tok-mwt.json"),
           "--dev_txt_file", d(a, "dev-tok.txt"), "--dev_label_file", d(a, "dev-tok.toklabels"),
           "--dev_conll_gold", d(a, "dev-tok.conllu"), "--conll_file", m(a, "tok-dev.pred.conllu"),
           "--steps", str(a.tok_steps), "--eval_steps", "250", "--max_steps_before_stop", "100000",
           "--save_dir", m(a, ""), "--save_name", "ar_tokenizer.pt", "--cpu"],
        os.path.join(a.logs, "tokenizer.log"))
    shutil.copy(m(a, "ar_tokenizer.pt"), os.path.join(a.out, "ar_tokenizer.pt"))


def stage_mwt(a):
    run(py("stanza.models.mwt_expander", "--mode", "train", "--lang", "ar", "--shorthand", "ar_quotes",
           "--train_file", d(a, "train.conllu"), "--eval_file", d(a, "dev.conllu"),
           "--output_file", m(a, "mwt-dev.pred.conllu"), "--gold_file", d(a, "dev.conllu"),
           "--num_epoch", a.mwt_epochs, "--save_dir", m(a, ""), "--save_name", "ar_mwt.pt", "--cpu"),
        os.path.join(a.logs, "mwt.log"))
    shutil.copy(m(a, "ar_mwt.pt"), os.path.join(a.out, "ar_mwt.pt"))


def stage_lemma(a):
    run(py("stanza.models.lemmatizer", "--mode", "train", "--shorthand", "ar_quotes",
           "--train_file", d(a, "train.conllu"), "--eval_file", d(a, "dev.conllu"),
           "--output_file", m(a, "lemma-dev.pred.conllu"),
           "--dict_only", "--save_dir", m(a, ""), "--save_name", "ar_lemma.pt", "--cpu"),
        os.path.join(a.logs, "lemma.log"))
    shutil.copy(m(a, "ar_lemma.pt"), os.path.join(a.out, "ar_lemma.pt"))


POS_ARGS = ["--hidden_dim", 100, "--char_hidden_dim", 100, "--deep_biaff_hidden_dim", 100,
            "--composite_deep_biaff_hidden_dim", 50, "--word_emb_dim", 50, "--word_cutoff", 3,
            "--batch_size", 40]


def pos_cmd(a):
    return py("stanza.models.tagger", "--mode", "train", "--lang", "ar", "--shorthand", "ar_quotes",
              "--train_file", d(a, "train.conllu"), "--eval_file", d(a, "dev.conllu"),
              "--output_file", m(a, "pos-dev.pred.conllu"),
              "--wordvec_pretrain_file", os.path.join(a.out, "ar_pretrain.pt"), *POS_ARGS,
              "--max_steps", a.pos_steps, "--eval_interval", a.pos_eval, "--log_step", 10,
              "--max_steps_before_stop", 100000,
              "--save_dir", m(a, ""), "--save_name", "ar_pos.pt", "--cpu")


def stage_pos(a):
    """Train the tagger.  Its checkpoint after --retag-after steps is also
    snapshotted (ar_pos.early.pt) so the parser, which needs predicted tags on
    its training data, can start while the tagger keeps training."""
    logfile = os.path.join(a.logs, "pos.log")
    cmd = pos_cmd(a)
    log("RUN " + " ".join(cmd) + "  > " + logfile)
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONUNBUFFERED="1")
    with open(logfile, "a", encoding="utf-8") as lf:
        lf.write("\n### " + " ".join(cmd) + "\n")
        lf.flush()
        proc = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT, env=env)
        snap = False
        target = "Finished STEP %d/" % a.retag_after
        while proc.poll() is None:
            time.sleep(5)
            if not snap and os.path.exists(m(a, "ar_pos.pt")):
                txt = open(logfile, encoding="utf-8").read()
                i = txt.rfind(target)
                # the dev evaluation at that step is done once the next step is logged
                if i >= 0 and ("Finished STEP %d/" % (a.retag_after + 10)) in txt[i:]:
                    shutil.copy(m(a, "ar_pos.pt"), m(a, "ar_pos.early.pt"))
                    snap = True
                    log("tagger snapshot for retagging taken at step %d" % a.retag_after)
    if proc.returncode != 0:
        raise RuntimeError("tagger failed (rc=%d), see %s" % (proc.returncode, logfile))
    if not snap:
        shutil.copy(m(a, "ar_pos.pt"), m(a, "ar_pos.early.pt"))
    shutil.copy(m(a, "ar_pos.pt"), os.path.join(a.out, "ar_pos.pt"))


def stage_retag(a):
    while not os.path.exists(m(a, "ar_pos.early.pt")):
        time.sleep(10)
    for split in ("train", "dev"):
        run(py("stanza.models.tagger", "--mode", "predict", "--lang", "ar", "--shorthand", "ar_quotes",
               "--eval_file", d(a, split + ".conllu"), "--output_file", d(a, split + ".tagged.conllu"),
               "--wordvec_pretrain_file", os.path.join(a.out, "ar_pretrain.pt"),
               "--save_dir", m(a, ""), "--save_name", "ar_pos.early.pt", "--cpu"),
            os.path.join(a.logs, "retag.log"))


PARSER_ARGS = ["--hidden_dim", 150, "--char_hidden_dim", 150, "--deep_biaff_hidden_dim", 150,
               "--num_layers", 2, "--word_emb_dim", 0, "--batch_size", 2000]


def stage_depparse(a):
    run(py("stanza.models.parser", "--mode", "train", "--lang", "ar", "--shorthand", "ar_quotes",
           "--train_file", d(a, "train.tagged.conllu"), "--eval_file", d(a, "dev.tagged.conllu"),
           "--output_file", m(a, "depparse-dev.pred.conllu"),
           "--wordvec_pretrain_file", os.path.join(a.out, "ar_pretrain.pt"), *PARSER_ARGS,
           "--max_steps", a.parse_steps, "--eval_interval", 100, "--max_steps_before_stop", 100000,
           "--save_dir", m(a, ""), "--save_name", "ar_depparse.pt", "--cpu"),
        os.path.join(a.logs, "depparse.log"))
    shutil.copy(m(a, "ar_depparse.pt"), os.path.join(a.out, "ar_depparse.pt"))


NER_ARGS = ["--eval_interval", 500, "--patience", 2, "--max_steps_no_improve", 4000]


def stage_ner(a):
    """Prepare the NER data, train the tagger alone (one thread), score it on the
    held-out sets; per-type scores go to logs/ner.log."""
    import prepare_ner
    prepare_ner.prepare(a.shared, d(a, ""), caraner=not a.ner_no_caraner)
    logfile = os.path.join(a.logs, "ner.log")
    pretrain = os.path.join(a.out, "ar_pretrain.pt")
    run(py("stanza.models.ner_tagger", "--mode", "train", "--shorthand", "ar_quotes",
           "--train_file", d(a, "ner-train.json"), "--eval_file", d(a, "ner-dev.json"),
           "--wordvec_pretrain_file", pretrain, *NER_ARGS, "--max_steps", a.ner_steps,
           "--save_dir", m(a, ""), "--save_name", "ar_nertagger.pt", "--cpu"), logfile)
    for test in ("anercorp", "caraner", "wojood"):
        run(py("stanza.models.ner_tagger", "--mode", "predict", "--shorthand", "ar_quotes",
               "--eval_file", d(a, "ner-test-%s.json" % test), "--eval_output_file", m(a, "ner-test-%s.tsv" % test),
               "--wordvec_pretrain_file", pretrain, "--save_dir", m(a, ""), "--save_name", "ar_nertagger.pt",
               "--cpu"), logfile)
        for kind, (p, r, f) in score_ner_tsv(m(a, "ner-test-%s.tsv" % test)).items():
            log("NER held-out %s %-5s P %5.1f  R %5.1f  F1 %5.1f" % (test, kind, p, r, f))
    shrink_ner_model(m(a, "ar_nertagger.pt"), os.path.join(a.out, "ar_nertagger.pt"))


def bioes_spans(tags):
    """(start, end, type) of the entities in a sentence's BIOES (or BIO) tags."""
    spans, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or kind != spans_kind):
            spans.append((start, i, spans_kind))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, spans_kind = i, kind
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, spans_kind))
            start = None
    return spans


def score_ner_tsv(path):
    """Entity-level precision, recall and F1 (exact span and type), per type and micro,
    from the token / gold / predicted columns that `ner_tagger --mode predict` writes."""
    counts = {}  # type -> [gold, predicted, correct]
    gold, pred = [], []

    def flush():
        g, p = set(bioes_spans(gold)), set(bioes_spans(pred))
        for spans, col in ((g, 0), (p, 1), (g & p, 2)):
            for _, _, kind in spans:
                counts.setdefault(kind, [0, 0, 0])[col] += 1
        gold.clear()
        pred.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                flush()
                continue
            gold.append(cols[1])
            pred.append(cols[2])
    flush()

    def prf(g, p, c):
        pr, rc = (c / p if p else 0.0), (c / g if g else 0.0)
        return 100 * pr, 100 * rc, (200 * pr * rc / (pr + rc) if pr + rc else 0.0)

    table = {kind: prf(*v) for kind, v in sorted(counts.items())}
    table["all"] = prf(*(sum(v[i] for v in counts.values()) for i in range(3)))
    return table


def shrink_ner_model(src, dst):
    """Store the fine-tuned word-embedding deltas (most of the file: one row per training
    word) in float16: 23 MB -> 16 MB; Stanza casts them back to float32 when it loads."""
    import torch
    state = torch.load(src, map_location="cpu", weights_only=False)
    state["model"]["delta_emb.weight"] = state["model"]["delta_emb.weight"].half()
    torch.save(state, dst)
    log("NER model %s: %.2f MB -> %.2f MB" % (dst, os.path.getsize(src) / 1e6, os.path.getsize(dst) / 1e6))


STAGES = {"prep": stage_prep, "vectors": stage_vectors, "tokenizer": stage_tokenizer, "mwt": stage_mwt,
          "lemma": stage_lemma, "pos": stage_pos, "retag": stage_retag, "depparse": stage_depparse,
          "ner": stage_ner}
# two phases of two side-by-side chains
PHASES = [[["vectors"], ["tokenizer", "mwt", "lemma"]],
          [["pos"], ["retag", "depparse"]],
          [["ner"]]]


def run_chain(a, chain):
    for name in chain:
        with Stage(name):
            STAGES[name](a)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", required=True, help="shared data root (contains data/ud-arabic and data/news-raw)")
    p.add_argument("--out", default="data/models", help="where the shipped models go (default: data/models)")
    p.add_argument("--work", default="/tmp/quotes-train", help="scratch dir for data, logs, checkpoints")
    p.add_argument("--stages", default="all",
                   help="comma list of stages to run (prep,vectors,tokenizer,mwt,lemma,pos,retag,depparse,ner,eval) or 'all'")
    p.add_argument("--jobs", type=int, default=2, choices=[1, 2], help="training chains run side by side (default 2)")
    p.add_argument("--vec-dim", type=int, default=100, help="word2vec dimensions")
    p.add_argument("--vec-vocab", type=int, default=40000, help="pretrain vocabulary cap (file size ~ vocab*dim*4 bytes)")
    p.add_argument("--vec-epochs", type=int, default=3, help="word2vec epochs over the news corpus")
    p.add_argument("--keep-corpus", action="store_true", help="keep the tokenised news corpus in --work")
    p.add_argument("--tok-steps", type=int, default=3000, help="tokenizer training steps")
    p.add_argument("--mwt-epochs", type=int, default=15, help="MWT expander epochs")
    p.add_argument("--pos-steps", type=int, default=2000, help="tagger training steps (batches of 40 sentences)")
    p.add_argument("--pos-eval", type=int, default=200, help="tagger dev evaluation/checkpoint interval")
    p.add_argument("--retag-after", type=int, default=400,
                   help="tagger step whose checkpoint tags the parser's training data")
    p.add_argument("--parse-steps", type=int, default=3000, help="parser training steps (batches of 2000 tokens)")
    p.add_argument("--ner-steps", type=int, default=12000,
                   help="NER tagger training steps (batches of 32 sentences); the shipped run kept its best dev checkpoint, step 9,000")
    p.add_argument("--ner-no-caraner", action="store_true",
                   help="train the NER tagger without CAraNER (its licence is not stated; TITLE then comes from Wojood only)")
    a = p.parse_args()
    a.shared, a.out, a.work = (os.path.abspath(x) for x in (a.shared, a.out, a.work))
    a.logs = os.path.join(a.work, "logs")
    for x in (a.out, a.logs, os.path.join(a.work, "models"), os.path.join(a.work, "data")):
        os.makedirs(x, exist_ok=True)
    res = os.path.join(a.out, "resources.json")
    if not os.path.exists(res):
        with open(res, "w") as f:
            f.write("{}\n")

    import stanza, torch
    log("stanza %s, torch %s, python %s" % (stanza.__version__, torch.__version__, sys.version.split()[0]))
    wanted = list(STAGES) + ["eval"] if a.stages == "all" else a.stages.split(",")
    t_all = time.time()
    if "prep" in wanted:
        with Stage("prep"):
            stage_prep(a)
    for phase in PHASES:
        chains = [[s for s in c if s in wanted] for c in phase]
        chains = [c for c in chains if c]
        if a.jobs == 2 and len(chains) == 2:
            with concurrent.futures.ThreadPoolExecutor(2) as ex:
                for fut in [ex.submit(run_chain, a, c) for c in chains]:
                    fut.result()
        else:
            for c in chains:
                run_chain(a, c)
    if "eval" in wanted:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import eval_models
        with Stage("eval"):
            eval_models.evaluate(a.out, os.path.join(a.work, "data"), os.path.join(a.shared, "data"), a.work,
                                 normalize_text)
    TIMINGS["total_this_run"] = round(time.time() - t_all, 1)
    tpath = os.path.join(a.work, "timings.json")
    allt = json.load(open(tpath)) if os.path.exists(tpath) else {}
    allt.update(TIMINGS)
    with open(tpath, "w") as f:
        json.dump(allt, f, indent=1)
    log("timings (s): " + json.dumps(TIMINGS))
    total = 0
    for fn in sorted(os.listdir(a.out)):
        sz = os.path.getsize(os.path.join(a.out, fn))
        total += sz
        log("  %-20s %8.2f MB" % (fn, sz / 1e6))
    log("  %-20s %8.2f MB" % ("total", total / 1e6))


if __name__ == "__main__":
    main()
