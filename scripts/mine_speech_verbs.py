"""Mine speech-verb and according-to candidates from a raw news corpus.

A word introduces reported speech when it stands, in running news text, right before
a complementizer (قال إن، أكد أن، بالقول إن), before its preposition and a
complementizer (أشار إلى أن، حذر من أن: the verb's *frame*), before a colon or an
opening quotation mark (قال: «…»، أضاف "…"), possibly with its subject in between
(قال الوزير إن). The script counts, for every folded word form, how often it occurs
at all and how often in each of these positions, and writes the forms whose share of
speech positions is high enough, with their counts, for review by eye:

    python scripts/mine_speech_verbs.py ../shared/data/news-raw/*.jsonl.gz \
        --cues data/lexicons/mined_cue_words.txt --according data/lexicons/mined_according.txt

``--cues`` lists word forms (with their و/ف proclitic folded away and summed) and,
for each, the preposition it most often takes before a complementizer; a form the
bundled lexicons already know is marked ``known``. ``--according`` lists the 1–3-word
phrases that open an according-to adjunct (على لسان، وفقا لـ، بحسب …) after a comma
or at a sentence start, with how often a name, a body or a document follows them.
Neither list is read by the extractor: speech_verbs.txt and according_markers.txt
are grown from them by hand, entry by entry.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import sys
from pathlib import Path
from typing import Iterable, Iterator

import orjson
import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes.cues import lookup_cue_word  # noqa: E402
from quotes.lexicon import default_lexicons  # noqa: E402
from quotes.normalize import fold  # noqa: E402

# words, and the punctuation the positions need (colon, marks, commas, full stops)
_TOKEN = regex.compile(r"\p{Arabic}+|[:\"«»“”،,.؟!؛]")
OPENING_MARKS = frozenset('"«“')
COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بان", "بانه", "بانها",
                             "بانهم", "باننا"})
PREPOSITIONS = frozenset({"الي", "علي", "من", "عن", "ب", "ل", "في", "مع"})
CLAUSE_ENDS = frozenset({".", "؟", "!", "؛"})
# according-to adjuncts start with one of these words (folded, with و allowed)
ACCORDING_HEADS = frozenset({"حسب", "بحسب", "حسبما", "وفق", "وفقا", "طبقا", "نقلا", "علي", "استنادا",
                             "بناء", "كما", "برواية", "بلسان", "نسبه", "وبحسب", "وحسب", "ووفقا", "وفي",
                             "في", "بتعبير", "بموجب", "تبعا", "اعتمادا", "استنادا", "مثلما"})
# what may follow an according-to phrase as its source: a definite noun, a name-like word
SOURCE_START = regex.compile(r"^(ال|لل|بال)")


def articles(paths: Iterable[str], every: int) -> Iterator[str]:
    """The texts of the articles in JSONL(.gz) files, one in ``every``."""
    n = 0
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            for line in f:
                n += 1
                if n % every == 0:
                    yield orjson.loads(line).get("text") or ""


def bare(word: str) -> str:
    """The form without a و/ف proclitic (وقال → قال), as the cue look-up strips it."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+", help="JSONL(.gz) files with a 'text' field")
    ap.add_argument("--cues", required=True, help="output: candidate cue words with counts")
    ap.add_argument("--according", required=True, help="output: candidate according-to phrases")
    ap.add_argument("--every", type=int, default=1, help="read one article in N (default: all)")
    ap.add_argument("--min-count", type=int, default=30)
    ap.add_argument("--min-share", type=float, default=0.05,
                    help="least share of a form's occurrences in a speech position")
    args = ap.parse_args()

    total: collections.Counter[str] = collections.Counter()
    comp: collections.Counter[str] = collections.Counter()        # قال إن
    prep_comp: collections.Counter[tuple[str, str]] = collections.Counter()  # أشار إلى أن
    subj_comp: collections.Counter[str] = collections.Counter()   # قال الوزير إن (1–3 words between)
    colon: collections.Counter[str] = collections.Counter()       # قال: / قال الوزير:
    mark: collections.Counter[str] = collections.Counter()        # قال "…" / قال الوزير «…»
    according: collections.Counter[str] = collections.Counter()
    according_src: collections.Counter[str] = collections.Counter()
    in_speech: collections.Counter[str] = collections.Counter()  # occurrences in any of these
    n_articles = 0
    lex = default_lexicons()
    function_words = set(lex.function_words) | PREPOSITIONS
    for text in articles(args.corpus, args.every):
        n_articles += 1
        toks = _TOKEN.findall(fold(text))
        total.update(bare(t) for t in toks if t[0].isalpha())
        n_tok = len(toks)
        for j, word in enumerate(toks):
            if not word[0].isalpha() or word in function_words:
                continue
            w = bare(word)
            nxt = toks[j + 1] if j + 1 < n_tok else ""
            speech = False
            if nxt in COMPLEMENTIZERS:
                comp[w] += 1
                speech = True
            elif nxt in PREPOSITIONS and j + 2 < n_tok and toks[j + 2] in COMPLEMENTIZERS:
                prep_comp[(w, nxt)] += 1
                speech = True
            else:
                # 1-3 words (the subject) and then a complementizer, a colon or a mark
                for d in (1, 2, 3, 4):
                    if j + d >= n_tok:
                        break
                    t = toks[j + d]
                    if t == ":" or t in OPENING_MARKS:
                        # (a mark also follows names and titles: counted, not taken as speech)
                        (colon if t == ":" else mark)[w] += 1
                        speech = t == ":"
                        break
                    if not t[0].isalpha():
                        break
                    if d >= 2 and t in COMPLEMENTIZERS and toks[j + d - 1] not in PREPOSITIONS:
                        subj_comp[w] += 1
                        speech = True
                        break
            if speech:
                in_speech[w] += 1
        for i, tok in enumerate(toks):
            if tok in ("،", ",") or tok in CLAUSE_ENDS:
                # an according-to phrase after a comma or at a sentence start
                for n in (1, 2, 3):
                    gram = toks[i + 1:i + 1 + n]
                    if len(gram) < n or not all(t[0].isalpha() for t in gram) or gram[0] not in ACCORDING_HEADS:
                        break
                    key = " ".join(gram)
                    according[key] += 1
                    nxt = toks[i + 1 + n] if i + 1 + n < len(toks) else ""
                    if SOURCE_START.match(nxt):
                        according_src[key] += 1

    rows = []
    for word, n in total.items():
        if n < args.min_count:
            continue
        rows.append((word, n, in_speech[word]))
    # the prepositions per word, gathered once
    frames: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (w, p), c in prep_comp.items():
        frames[w][p] += c
    out_rows = []
    for word, n, speech in rows:
        prep, prep_n = frames[word].most_common(1)[0] if frames[word] else ("-", 0)
        share = speech / n
        if share < args.min_share or speech < 10:
            continue
        known = "known" if lookup_cue_word(word, lex) is not None else "new"
        out_rows.append((word, n, comp[word], prep, prep_n, subj_comp[word], colon[word], mark[word], share, known))
    out_rows.sort(key=lambda r: -r[1] * r[8])
    with open(args.cues, "w", encoding="utf-8") as out:
        out.write("# Candidate cue words mined by scripts/mine_speech_verbs.py (make lexicons) from\n"
                  f"# {n_articles} articles of ../shared/data/news-raw; not read by the extractor.\n"
                  "# A form (folded, و/ف proclitic removed) is listed when it occurs at least "
                  f"{args.min_count} times\n# and at least {args.min_share:.0%} of its occurrences stand "
                  "before a complementizer (قال إن), before its\n# preposition and one (أشار إلى أن), with 1-3 "
                  "words before one (قال الوزير إن), or 1-4 words\n# before a colon. The count before an opening quotation mark is shown, not used: names\n# and titles stand there too.\n"
                  "# Columns: form, count, before-comp, best preposition, prep+comp, subject+comp,\n"
                  "# before-colon, before-mark, speech share (occurrences in any of these / count), known|new (whether speech_verbs.txt has it).\n")
        for r in out_rows:
            out.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[5]}\t{r[6]}\t{r[7]}\t{r[8]:.2f}\t{r[9]}\n")
    known_markers = {" ".join(m) for m in lex.according}
    with open(args.according, "w", encoding="utf-8") as out:
        out.write("# Candidate according-to phrases mined by scripts/mine_speech_verbs.py (make lexicons)\n"
                  f"# from {n_articles} articles of ../shared/data/news-raw; not read by the extractor.\n"
                  "# 1-3-word phrases after a comma or a sentence end whose first word is an according-to\n"
                  "# head (حسب، وفقا، على، نقلا، كما …), seen at least 20 times.\n"
                  "# Columns: phrase, count, followed by a definite noun (ال/لل/بال), known|new.\n")
        for key, n in sorted(according.items(), key=lambda kv: -kv[1]):
            if n < 20:
                continue
            known = "known" if key in known_markers else "new"
            out.write(f"{key}\t{n}\t{according_src[key]}\t{known}\n")
    print(f"{len(out_rows)} cue candidates, {n_articles} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
