"""Mine data/lexicons/article_names.txt: names whose first letters read as a clitic
and the article (فاليري، والتر، بالوتيلي، كالديرون), or as the article alone (الستير،
البرتو، الكسندر).

The reader takes وال، فال، بال، كال at the start of a word for و/ف/ب/ك + ال, so such a
name became a definite noun and never a speaker's name. The candidates are the
person-name tokens of the Wikidata list whose Latin spelling starts with the same
sounds (v/w/f/b/p/c/k + l: Valery, Walter, Balotelli); a candidate is kept when news
uses it at least ``--min-count`` times and more often than the definite word it would
otherwise be (فاليري 56 times, اليري never; not بالدور 308, الدور 3,980); for a name
that starts like the article, Latin al/el (Alastair, Alberto) and the word without the
article rarer than the name (not الان, "now": ان).

    python scripts/mine_article_names.py ../shared/data/news-raw/*.jsonl.gz \
        --names ../shared/data/ner-arabic/names -o data/lexicons/article_names.txt
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

from corpus import folded_words, person_name_tokens, write_lexicon
from quotes.lexicon import default_lexicons

PREFIXES = ("وال", "فال", "بال", "كال")
LATIN_START = re.compile(r"^[wvfbpckq][aeo]?l")
# names that start like the article alone (الستير، البرتو، الكسندر): Alastair, Alberto
ARTICLE_LATIN_START = re.compile(r"^[ae]l")


def candidates(names_dir: Path) -> set[str]:
    """Folded Wikidata name tokens that start like a clitic and the article, with a Latin
    spelling that starts with the same sounds."""
    found = set()
    for word, latin in person_name_tokens(names_dir):
        if word.startswith(PREFIXES) and len(word) >= 5 and LATIN_START.match(latin.lower()):
            found.add(word)
        elif word.startswith("ال") and len(word) >= 6 and ARTICLE_LATIN_START.match(latin.lower()):
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
    # the word each candidate would otherwise be: the definite word after a clitic
    # (فاليري → اليري), or the bare word after the article (الستير → ستير)
    other = {w: ("ال" + w[3:] if w.startswith(PREFIXES) else w[2:]) for w in wanted}
    others = set(other.values())
    counts: collections.Counter[str] = collections.Counter()
    for words in folded_words(args.corpus):
        counts.update(w for w in words if w in wanted or w in others)
    common = default_lexicons().common_words

    def plausible(w: str) -> bool:
        # after the article alone, not an Arab family name or a word with the article
        # (الغامدي، المصري: a relative adjective; الكاتب، النادي: a common word)
        return w.startswith(PREFIXES) or not (w.endswith("ي") or w[2:] in common)

    names = sorted(w for w in wanted if counts[w] >= args.min_count and counts[other[w]] < counts[w]
                   and plausible(w))
    write_lexicon(args.out, [
        "Names whose first letters read as a clitic and the article (فاليري، والتر، بالوتيلي)",
        "or as the article (الستير، البرتو): never و/ف/ب/ك + ال, nor ال + a word. Mined by",
        "scripts/mine_article_names.py: Wikidata person-name tokens whose Latin spelling starts",
        "with the same sounds (Valery, Walter, Alastair), used in ~20M words of Arabic news at",
        f"least {args.min_count} times and more often than the word they would otherwise be",
        "(اليري، التر، ستير). Folded.",
    ], names)
    print(f"{len(names)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
