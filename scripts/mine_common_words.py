"""Mine data/lexicons/common_words.txt from a raw news corpus.

A word that also occurs with the article (التزام / الالتزام) is a common noun or
adjective, not a name: personal names almost never take ال. Verbs are the words that
occur with the imperfect prefixes and with past suffixes, or right after a particle
that only stands before a verb (لم، لن، قد); adverbs are the accusative forms (رسميا)
of common words. The list lets the rule
layer tell a name (كارتر) from the content that follows it (التزام التحالف).

    python scripts/mine_common_words.py ../shared/data/news-raw/*.jsonl.gz -o data/lexicons/common_words.txt
"""

from __future__ import annotations

import argparse
import collections
import sys

from corpus import folded_words, write_lexicon


# particles that only stand before a verb: what follows them is no name
VERB_PARTICLES = frozenset({"لم", "لن", "لا", "قد", "سوف", "لكي", "كي", "لما", "ولم", "ولن", "ولا", "وقد", "فقد"})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+", help="JSONL(.gz) files with a 'text' field")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--min-ratio", type=float, default=0.03,
                    help="least count(ال+w)/count(w) for w to be a common word")
    args = ap.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    after_particle: collections.Counter[str] = collections.Counter()  # لم يحتدم، لا تكمن
    for words in folded_words(args.corpus):
        counts.update(words)
        after_particle.update(w for prev, w in zip(words, words[1:]) if prev in VERB_PARTICLES)
    common = []
    for word, n in counts.items():
        if n < args.min_count or len(word) < 2:
            continue
        if word.startswith("ال"):
            # a word that merely starts with the letters of the article (التزام، التقاء):
            # its own article form (الالتزام) is frequent
            if counts.get("ال" + word, 0) >= max(3, args.min_ratio * n):
                common.append(word)
            continue
        with_article = counts.get("ال" + word, 0) + counts.get("لل" + word, 0)  # الوزير، للوزير
        verb_like = counts.get(word + "ت", 0) + counts.get(word + "وا", 0)
        if with_article >= max(3, args.min_ratio * n):
            common.append(word)
        elif verb_like >= max(5, 0.1 * n) and counts.get("ي" + word[1:], 0) + counts.get("ي" + word, 0) > 0:
            common.append(word)
        elif word[0] in "يتن" and after_particle[word] >= max(3, 0.05 * n):
            common.append(word)  # an imperfect verb: it follows لم، لن، لا، قد
        elif word.endswith("ا") and counts.get("ال" + word[:-1], 0) >= max(3, args.min_ratio * n) and (
                not word.endswith("يا") or counts.get("ال" + word[:-1], 0) >= 5 * n):
            # an accusative adverb (رسميا، ثالثا، اجتماعيا) of a common word; a country
            # (ايطاليا، اثيوبيا) is as frequent as its adjective (الايطالي), an adverb is not
            common.append(word)
    write_lexicon(args.out, [
        "Common words: nouns, adjectives and verbs that are not personal names.",
        "Mined by scripts/mine_common_words.py from ~20M words of Arabic news",
        f"(min count {args.min_count}; a word is common when its form with the article",
        f"ال is frequent, ratio >= {args.min_ratio}, it inflects like a verb or follows",
        "a verb particle (لم، لن، قد), or it is the accusative adverb of a common word). Folded.",
    ], sorted(common))
    print(f"{len(common)} common words from {len(counts)} distinct words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
