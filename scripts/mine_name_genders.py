"""Build data/lexicons/name_genders.txt: the gender of first names (and of the
family names news uses alone for one person), from how news text treats them.

A name is female when it stands after feminine titles and verbs (الوزيرة، السيدة،
وقالت) and male after masculine ones (الوزير، السيد، وقال), nearly always one or the
other. The candidates are the mined first names (data/lexicons/first_names.txt) and
the single-token person names of Wikidata and the romanisation list in
``../shared/data/ner-arabic/names``; the corpus decides their gender.

    python scripts/mine_name_genders.py ../shared/data/news-raw/*.jsonl.gz \\
        --names ../shared/data/ner-arabic/names -o data/lexicons/name_genders.txt   # or: make lexicons
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from corpus import folded_words
from quotes.lexicon import Lexicons
from quotes.normalize import fold

# Title words that agree with the person they name (the feminine one ends in ة).
_TITLE_PAIRS = (
    "الرئيس الأمير الملك الشيخ الدكتور السيد الوزير اللاعب المدرب الفنان النجم الكاتب "
    "الشاعر المطرب الممثل الناشط النائب المحامي الصحفي الصحافي المخرج الباحث المستشار "
    "المدير السفير المذيع الإعلامي الأستاذ المتحدث المغني البطل الطالب المهندس القاضي").split()
MALE_TITLES = {fold(w) for w in _TITLE_PAIRS} | {fold(w) for w in "الإمام الحاج العقيد اللواء العميد".split()}
FEMALE_TITLES = {fold(w) + "ه" for w in _TITLE_PAIRS} | {fold(w) for w in "الآنسة الفتاة الطفلة الملكة".split()}
# Speech verbs right before their subject (وقالت هيلاري، وأضاف محمد).
_VERBS = "قال أضاف أكد أوضح أشار تابع صرح أعلن".split()
MALE_VERBS = {p + fold(v) for v in _VERBS for p in ("", "و", "ف")}
FEMALE_VERBS = {p + fold(v) + "ت" for v in _VERBS for p in ("", "و", "ف")}
# Read by hand in the first output: words that are no names (إحدى after قالت, للموسم)
# or a man's name that the counts made female (إكرامي).
NOT_NAMES = {fold(w) for w in "إحدى إكرامي للارسالية للموسم لمكة واسمها".split()}
MALE = MALE_TITLES | MALE_VERBS
FEMALE = FEMALE_TITLES | FEMALE_VERBS


def candidate_names(first_names: Path, names_dir: Path) -> set[str]:
    """Folded single-word names: the mined first names, Wikidata's person-name tokens
    and the Arabic side of the romanisation list (its common words rarely follow a
    title or a verb as its subject, and the corpus decides)."""
    names = {line.strip() for line in first_names.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    for file in ("wikidata_person_tokens.tsv", "ar2en.tsv"):
        path = names_dir / file
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                word = fold(line.split("\t", 1)[0].strip())
                if word and " " not in word:
                    names.add(word)
    return {n for n in names if len(n) > 1 and not n.startswith("ال")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--names", type=Path, required=True, help="the ner-arabic/names folder")
    ap.add_argument("--first-names", type=Path, default=Path("data/lexicons/first_names.txt"))
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--min-count", type=int, default=3, help="gendered contexts a name needs")
    ap.add_argument("--min-share", type=float, default=0.9, help="share of the majority gender")
    args = ap.parse_args()
    lex = Lexicons.load(args.first_names.parent)
    # countries, companies and common words take speech verbs too (وقالت فرنسا، وقالت تسلا)
    names = {n for n in candidate_names(args.first_names, args.names)
             if n not in lex.places and n not in lex.source_kinds and n not in NOT_NAMES
             and (n not in lex.common_words or n in lex.first_names)}
    male: collections.Counter[str] = collections.Counter()
    female: collections.Counter[str] = collections.Counter()
    titled: collections.Counter[str] = collections.Counter()
    for words in folded_words(args.corpus):
        for prev, word in zip(words, words[1:]):
            if word in names:
                if prev in MALE:
                    male[word] += 1
                elif prev in FEMALE:
                    female[word] += 1
                else:
                    continue
                titled[word] += prev in MALE_TITLES or prev in FEMALE_TITLES
    genders: dict[str, list[str]] = {"female": [], "male": []}
    for word in sorted(set(male) | set(female)):
        m, f = male[word], female[word]
        if m + f < args.min_count or not titled[word]:
            continue  # a person's name follows a title at least once (السيدة، الوزير)
        if f / (m + f) >= args.min_share:
            genders["female"].append(word)
        elif m / (m + f) >= args.min_share:
            genders["male"].append(word)
    with open(args.out, "w", encoding="utf-8") as out:
        for line in (
            "The gender of first names (and of family names news uses alone for a person).",
            "Built by scripts/mine_name_genders.py: a candidate is a mined first name",
            "(first_names.txt), a single-token person name of Wikidata (CC0 1.0) or an Arabic",
            "word of the google/transliteration romanisation list (Apache-2.0), both from",
            "../shared/data/ner-arabic/names; its gender is the one of the titles and speech",
            "verbs right before it in ~20M words of Arabic news (ANT, Apache-2.0; SaudiNewsNet,",
            "CC BY-NC-SA 4.0; Arabic Newspapers Corpus): counts only, no text is shipped.",
            f"Kept: at least {args.min_count} such contexts, one of them a title, at least",
            f"{args.min_share:.0%} of one gender; places, organisations and common words left out.",
            "Format: folded name, a space, female|male. Shipped under the project's MIT licence.",
        ):
            out.write(f"# {line}\n")
        for gender in ("female", "male"):
            out.write(f"\n# {gender}: after {'الوزيرة، السيدة، وقالت' if gender == 'female' else 'الوزير، السيد، وقال'} …\n")
            for word in genders[gender]:
                out.write(f"{word} {gender}\n")
    print(f"{len(genders['female'])} female, {len(genders['male'])} male names of {len(names)} candidates",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
