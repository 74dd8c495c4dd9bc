"""Mine data/lexicons/first_names.txt from a raw news corpus.

Many first names are also common words (سلمى، جهاد، عادل، أماني), so the common-word
test alone would cut them off a name. A word that often stands right after a
courtesy title or a role word (الرئيس بشار، الدكتور مازن، اللاعب محمد) is a first
name: the ratio of such occurrences to all its occurrences is high for names and
low for nouns.

    python scripts/mine_first_names.py ../shared/data/news-raw/*.jsonl.gz -o data/lexicons/first_names.txt
"""

from __future__ import annotations

import argparse
import collections
import sys

from corpus import folded_words, write_lexicon
from quotes.normalize import fold

# Words after which a personal name follows in news prose.
ANCHORS = {fold(w) for w in (
    "الرئيس الرئيسة الأمير الأميرة الملك الشيخ الشيخة الدكتور الدكتورة السيد السيدة "
    "الوزير الوزيرة اللاعب اللاعبة المدرب الفنان الفنانة النجم النجمة الكاتب الكاتبة "
    "الشاعر المهندس الأستاذ الإمام المطرب المطربة الممثل الممثلة الناشط الناشطة "
    "العقيد اللواء العميد الفريق الجنرال القاضي المحامي الطبيب الصحفي الصحافي "
    "المخرج الباحث الداعية الحاج المستشار النائب النائبة").split()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--min-anchored", type=int, default=4)
    ap.add_argument("--min-ratio", type=float, default=0.04)
    args = ap.parse_args()
    total: collections.Counter[str] = collections.Counter()
    anchored: collections.Counter[str] = collections.Counter()
    for words in folded_words(args.corpus):
        total.update(words)
        for prev, word in zip(words, words[1:]):
            if prev in ANCHORS and not word.startswith(("ال", "وال", "فال", "بال", "لل", "كال")):
                anchored[word] += 1
    names = sorted(w for w, n in anchored.items()
                   if n >= args.min_anchored and n / total[w] >= args.min_ratio and len(w) > 1)
    write_lexicon(args.out, [
        "First names, also those that are common words (سلمي، جهاد، عادل).",
        "Mined by scripts/mine_first_names.py from ~20M words of Arabic news: words that",
        f"follow a title word (الرئيس، الدكتور، اللاعب …) at least {args.min_anchored} times and in",
        f"at least {args.min_ratio:.0%} of their occurrences. Folded.",
    ], names)
    print(f"{len(names)} first names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
