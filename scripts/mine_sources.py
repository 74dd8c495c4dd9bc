"""Mine the head nouns of speech-verb subjects from a raw news corpus.

A speaker that is not named is designated by a noun phrase: a body (الوزارة، الشركة),
a document (البيان، الدراسة), a group (الباحثون، المحتجون) or an unnamed source
(مصادر، شهود). The extractor reads such a phrase as a source only when its head word
is in ``data/lexicons/sources.txt`` (or titles.txt). This script finds the head words
news actually uses there: for every speech verb of the lexicon (قال، أكد، أعلن …) it
takes the word right after it when a complementizer (إن، أن، بأن) or a colon follows
within a few words with no punctuation in between (أكدت الدراسة الجديدة أن …), strips
the article, and counts the word. It writes the words not yet in the lexicons, most
frequent first, with:

- ``subject``: how often the word stood there;
- ``total``: how often the word occurs at all in the articles read;
- ``share``: subject / total (a word that is mostly a subject is a safer entry).

    python scripts/mine_sources.py ../shared/data/news-raw/*.jsonl.gz -o data/lexicons/mined_sources.txt

The list is for review by eye and is not read by the extractor: sources.txt is grown
from it by hand, each word under its kind.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes.cues import lookup_cue_word  # noqa: E402
from quotes.lexicon import default_lexicons  # noqa: E402
from quotes.normalize import fold, strip_article  # noqa: E402
from mine_speech_verbs import COMPLEMENTIZERS, articles  # noqa: E402  (the same reader and words)

_TOKEN = regex.compile(r"\p{Arabic}+|[:\"«»“”،,.؟!؛()]")
# how far the complementizer or colon may stand after the subject's first word
MAX_SUBJECT_WORDS = 6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+", help="JSONL(.gz) files with a 'text' field")
    ap.add_argument("-o", "--out", required=True, help="output: candidate source head words with counts")
    ap.add_argument("--every", type=int, default=1, help="read one article in N (default: all)")
    ap.add_argument("--min-count", type=int, default=20, help="least number of times as a subject")
    args = ap.parse_args()

    lex = default_lexicons()
    # (common words stay in: a body or document is named by exactly such a word)
    known = set(lex.source_kinds) | set(lex.titles) | set(lex.first_names) | set(lex.function_words) \
        | set(lex.places)
    subject: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    verbs: dict[str, bool] = {}
    n_articles = 0
    for text in articles(args.corpus, args.every):
        n_articles += 1
        toks = _TOKEN.findall(fold(text))
        heads = [strip_article(t) if t[0].isalpha() else t for t in toks]
        total.update(h for h in heads if h[0].isalpha())
        for j in range(len(toks) - 2):
            word = toks[j]
            if not word[0].isalpha():
                continue
            is_verb = verbs.get(word)
            if is_verb is None:
                form = lookup_cue_word(word, lex)
                is_verb = verbs[word] = form is not None and form.form == "verb"
            if not is_verb or not toks[j + 1][0].isalpha():
                continue
            for k in range(j + 2, min(len(toks), j + 2 + MAX_SUBJECT_WORDS)):
                t = toks[k]
                if t in COMPLEMENTIZERS or t == ":":
                    subject[heads[j + 1]] += 1
                    break
                if not t[0].isalpha():
                    break
    rows = [(w, n) for w, n in subject.items() if n >= args.min_count and w not in known
            and lookup_cue_word(w, lex) is None and len(w) > 1]
    rows.sort(key=lambda r: (-r[1], r[0]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Head words of speech-verb subjects (قال/أكد/أعلن + WORD … إن/أن/:), article\n"
                "# stripped, mined by scripts/mine_sources.py (make lexicons) from "
                f"{n_articles} articles of ../shared/data/news-raw;\n"
                "# words already in sources.txt, titles.txt, first_names.txt, places.txt or the\n"
                "# function words are left out. For review: sources.txt is grown from it by hand.\n"
                "# Not read by the extractor.\n"
                "# word\tsubject\ttotal\tshare\n")
        for w, n in rows:
            f.write(f"{w}\t{n}\t{total[w]}\t{n / max(total[w], 1):.3f}\n")
    print(f"{n_articles} articles, {len(rows)} candidate head words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
