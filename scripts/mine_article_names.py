"""Mine data/lexicons/article_names.txt: names whose first letters read as a clitic
and the article (فاليري، والتر، بالوتيلي، كالديرون).

The reader takes وال، فال، بال، كال at the start of a word for و/ف/ب/ك + ال, so such a
name became a definite noun and never a speaker's name. The candidates are the
person-name tokens of the Wikidata list whose Latin spelling starts with the same
sounds (v/w/f/b/p/c/k + l: Valery, Walter, Balotelli); a candidate is kept when news
uses it at least ``--min-count`` times and more often than the definite word it would
otherwise be (فاليري 56 times, اليري never; not بالدور 308, الدور 3,980).

    python scripts/mine_article_names.py ../shared/data/news-raw/*.jsonl.gz \
        --names ../shared/data/ner-arabic/names -o data/lexicons/article_names.txt
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

from corpus import folded_words, write_lexicon
from quotes.normalize import fold

PREFIXES = ("وال", "فال", "بال", "كال")
LATIN_START = re.compile(r"^[wvfbpckq][aeo]?l")


def candidates(names_dir: Path) -> set[str]:
    """Folded Wikidata name tokens that start like a clitic and the article, with a Latin
    spelling that starts with the same sounds."""
    found = set()
    with open(names_dir / "wikidata_person_tokens.tsv", encoding="utf-8") as f:
        for line in f:
            arabic, latin, *_ = line.rstrip("\n").split("\t")
            word = fold(arabic)
            if word.startswith(PREFIXES) and len(word) >= 5 and LATIN_START.match(latin.lower()):
                found.add(word)
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--names", required=True, type=Path, help="the ner-arabic/names folder")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    wanted = candidates(args.names)
    definite = {"ال" + w[3:]: w for w in wanted}
    counts: collections.Counter[str] = collections.Counter()
    for words in folded_words(args.corpus):
        counts.update(w for w in words if w in wanted or w in definite)
    names = sorted(w for w in wanted
                   if counts[w] >= args.min_count and counts["ال" + w[3:]] < counts[w])
    write_lexicon(args.out, [
        "Names whose first letters read as a clitic and the article (فاليري، والتر، بالوتيلي):",
        "never و/ف/ب/ك + ال. Mined by scripts/mine_article_names.py: Wikidata person-name tokens",
        "whose Latin spelling starts with the same sounds (Valery, Walter), used in ~20M words of",
        f"Arabic news at least {args.min_count} times and more often than the definite word",
        "they would otherwise be (اليري، التر). Folded.",
    ], names)
    print(f"{len(names)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
