#!/usr/bin/env python3
"""Prepare the training, dev and held-out files of the Arabic named-entity tagger.

Tags (BIO): PERS, ORG, LOC, MISC and TITLE (a role or title phrase: وزير الخارجية،
الدكتور، رئيس مجلس الإدارة).  Sources (under SHARED/data/ner-arabic):

  anercorp/train.tsv   ANERcorp, CAMeL Lab split (CC BY-SA 4.0): every 10th sentence is
                       in the dev set (checkpoint choice), the rest trains
  anercorp/test.tsv    the CAMeL test split: held out, for the model card only
  wojood-sample/       Wojood sample (MIT), nested tags, outermost kept: OCC -> TITLE,
                       PERS, ORG, GPE/LOC/FAC -> LOC, EVENT/PRODUCT/CURR -> MISC;
                       train trains, val is in the dev set, test is held out (TITLE)
  caraner/caraner.tsv  CAraNER (licence not stated): PER -> PERS, TIT -> TITLE,
                       MIS -> MISC, the stray tag N -> O.  Every 5th sentence is held
                       out (TITLE F1); the other 4/5 train only with --caraner
                       (the model card must then say so)

Every token goes through normalize_text() of train_models.py, as at run time.
Output: JSON lists of sentences, each a list of {"text": word, "ner": tag}, the format
of stanza.models.ner_tagger.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_models import normalize_form  # noqa: E402

ANERCORP_TAGS = {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
CARANER_TAGS = {"PER": "PERS", "TIT": "TITLE", "ORG": "ORG", "LOC": "LOC", "MIS": "MISC"}
WOJOOD_TAGS = {"PERS": "PERS", "OCC": "TITLE", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
               "EVENT": "MISC", "PRODUCT": "MISC", "CURR": "MISC"}


def read_columns(path):
    """Sentences of (token, [tags...]) from a token<TAB/space>tag file, blank-line separated."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if parts[0] == "$#$":  # Wojood's sentence-marker artefact
                continue
            cur.append((parts[0], parts[1:] or ["O"]))
    if cur:
        sents.append(cur)
    return sents


def to_bio(sent, mapping):
    """Keep the outermost tag, map its type, repair I- after another type (-> B-)."""
    out, prev = [], "O"
    for word, tags in sent:
        tag = tags[0]
        if tag == "O" or "-" not in tag:
            new = "O"
        else:
            pos, typ = tag.split("-", 1)
            typ = mapping.get(typ)
            if typ is None:
                new = "O"
            else:
                if pos == "I" and prev[2:] != typ:
                    pos = "B"
                new = pos + "-" + typ
        form = normalize_form(word)
        out.append({"text": form, "ner": new})
        prev = new
    return out


def dump(sents, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(sents, f, ensure_ascii=False)
    print("%-40s %5d sentences %7d tokens" % (os.path.basename(path), len(sents), sum(len(s) for s in sents)))


def prepare(shared, out, caraner=True):
    src = os.path.join(shared, "data", "ner-arabic")
    os.makedirs(out, exist_ok=True)
    aner = [to_bio(s, ANERCORP_TAGS) for s in read_columns(os.path.join(src, "anercorp", "train.tsv"))]
    aner_dev = [s for i, s in enumerate(aner) if i % 10 == 9]
    train = [s for i, s in enumerate(aner) if i % 10 != 9]
    aner_test = [to_bio(s, ANERCORP_TAGS) for s in read_columns(os.path.join(src, "anercorp", "test.tsv"))]
    woj = os.path.join(src, "wojood-sample")
    train += [to_bio(s, WOJOOD_TAGS) for s in read_columns(os.path.join(woj, "train.txt"))]
    # Wojood's val joins the dev set so that TITLE counts in the checkpoint choice
    aner_dev += [to_bio(s, WOJOOD_TAGS) for s in read_columns(os.path.join(woj, "val.txt"))]
    woj_test = [to_bio(s, WOJOOD_TAGS) for s in read_columns(os.path.join(woj, "test.txt"))]
    car = [to_bio(s, CARANER_TAGS) for s in read_columns(os.path.join(src, "caraner", "caraner.tsv"))]
    car_held = [s for i, s in enumerate(car) if i % 5 == 4]
    if caraner:
        train += [s for i, s in enumerate(car) if i % 5 != 4]
    dump(train, os.path.join(out, "ner-train.json"))
    dump(aner_dev, os.path.join(out, "ner-dev.json"))
    dump(aner_test, os.path.join(out, "ner-test-anercorp.json"))
    dump(car_held, os.path.join(out, "ner-test-caraner.json"))
    dump(woj_test, os.path.join(out, "ner-test-wojood.json"))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", required=True)
    p.add_argument("--out", required=True, help="directory for the JSON files")
    p.add_argument("--no-caraner", action="store_true", help="do not train on CAraNER (held-out part still written)")
    a = p.parse_args()
    prepare(a.shared, a.out, caraner=not a.no_caraner)


if __name__ == "__main__":
    main()
