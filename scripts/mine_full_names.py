"""Mine data/lexicons/full_names.txt: people's full names that hold a common word
(رجب طيب أردوغان، جون كيري، بان كي مون).

The name reader stops at a word it knows as a common word (طيب "good", كيري read as
ك + يري), so such a name was cut to its first word. The corpus says which sequences
are one name: a sequence of two or three words that starts with a first name, is
written as one phrase (no punctuation inside) at least ``--min-count`` times, whose
last word stands alone after a speech verb at least ``--min-alone`` times (وقال
أردوغان، وأضاف كيري: a family name, not an object noun), that stands after a speech
verb or a title as often, whose third word follows the first two in most of their
occurrences, and whose other words are name tokens of the Wikidata list (طيب as in
Tayyip) or family names with the article. Only the names the reader would cut are
kept, so the list stays short.

    python scripts/mine_full_names.py ../shared/data/news-raw/*.jsonl.gz \
        --names ../shared/data/ner-arabic/names -o data/lexicons/full_names.txt
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import attrs
import regex

from corpus import folded_texts, person_name_tokens, write_lexicon
from quotes.lexicon import default_lexicons
from quotes.normalize import strip_article
from quotes.segment import tokenize
from quotes.speakers import _is_title, _name_chain

# a run of Arabic words separated by spaces only: punctuation ends a phrase
PHRASE = regex.compile(r"\p{Arabic}+(?:[ \u00a0]+\p{Arabic}+)*")
# a blessing after a name (رحمه الله، حفظه الله، طيب الله ثراه) is no part of it
BLESSING = frozenset({"رحمه", "يرحمه", "حفظه", "يحفظه", "رضي", "طيب", "صلي"})
PATRONYMIC = frozenset({"بن", "ابن", "بنت", "ابو", "ولد", "عبد"})  # the name goes on after these
# speech verbs after which a word standing alone is a speaker's (family) name
SPEECH = frozenset({"قال", "وقال", "اضاف", "واضاف", "اكد", "واكد", "تابع", "وتابع", "اوضح", "واوضح"})


def phrases(paths: list[str]):
    for text in folded_texts(paths):
        for m in PHRASE.finditer(text):
            yield m.group().split()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--names", required=True, type=Path, help="the ner-arabic/names folder")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--min-alone", type=int, default=5)
    ap.add_argument("--min-share", type=float, default=0.6,
                    help="how often the third word must follow the first two")
    args = ap.parse_args()
    lex = attrs.evolve(default_lexicons(), full_names={})  # what the reader does without the list
    # (not a word with a pronoun: نظيره الفرنسي is his counterpart)
    firsts = lex.first_names | frozenset(w for w in lex.name_genders if not w.endswith("ه")
                                         and w not in lex.function_words and w not in lex.common_words)
    pairs: collections.Counter[tuple[str, ...]] = collections.Counter()
    triples: collections.Counter[tuple[str, ...]] = collections.Counter()
    alone: collections.Counter[str] = collections.Counter()
    # how often a sequence stands where a speaker's name does: after a speech verb or a title
    slot: collections.Counter[tuple[str, ...]] = collections.Counter()
    for words in phrases(args.corpus):
        for i, w in enumerate(words):
            if w in SPEECH and i + 1 < len(words):
                alone[words[i + 1]] += 1
            if w in firsts and i + 1 < len(words):
                in_slot = i > 0 and (words[i - 1] in SPEECH or _is_title(strip_article(words[i - 1]), lex))
                pairs[(w, words[i + 1])] += 1
                slot[(w, words[i + 1])] += in_slot
                if i + 2 < len(words):
                    triples[(w, words[i + 1], words[i + 2])] += 1
                    slot[(w, words[i + 1], words[i + 2])] += in_slot
    names = []
    for pair, n in pairs.items():
        if n < args.min_count or pair[1] in lex.function_words or _is_title(strip_article(pair[1]), lex):
            continue
        longer = [t for t, m in triples.items() if t[:2] == pair and m >= args.min_count
                  and m >= args.min_share * n and alone[t[2]] >= args.min_alone
                  and slot[t] >= args.min_alone and t[2] not in lex.function_words
                  and not _is_title(strip_article(t[2]), lex)]
        if longer:
            names.append(max(longer, key=lambda t: triples[t]))
        elif alone[pair[1]] >= args.min_alone and slot[pair] >= args.min_alone:
            names.append(pair)
    known = frozenset(word for word, _ in person_name_tokens(args.names)) | lex.first_names

    def name_like(word: str) -> bool:
        # a name token (Wikidata: طيب as in Tayyip, كيري as in Kerry), or a family name
        # with the article that is no adjective of nationality (not الفرنسي)
        return word in known or (word.startswith("ال") and not word.endswith("ي") and (
            word[2:] in known or word[2:] not in lex.common_words))

    kept = []
    for name in names:
        if not all(name_like(w) for w in name[1:]) or (name[-1] == "الله" and name[1] in BLESSING) \
                or name[-1] in PATRONYMIC or name[0] == name[1] \
                or (name[0][:1] == "و" and name[0] not in lex.first_names):
            continue  # (… عبيد بن: the name goes on; ولي ولي العهد: a title; وولي: و + a title)
        tokens = tokenize("قال " + " ".join(name) + " إن")
        start, end = _name_chain(tokens, 1, len(tokens) - 1, lex, after_verb=True)
        if end - start < len(name):  # the reader cuts it: the list is needed
            kept.append(" ".join(name))
    write_lexicon(args.out, [
        "People's full names that hold a common word (رجب طيب أردوغان، جون كيري): read whole.",
        "Mined by scripts/mine_full_names.py from ~20M words of Arabic news: two or three",
        f"words opening with a first name, one phrase at least {args.min_count} times, the last",
        f"word alone after a speech verb at least {args.min_alone} times (وقال أردوغان), the",
        f"third word after the first two in at least {args.min_share:.0%} of their uses; only",
        "names the name reader would otherwise cut. Folded.",
    ], sorted(kept))
    print(f"{len(kept)} full names of {len(names)} found", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
