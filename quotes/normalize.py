"""Folding Arabic spelling variants, so that lexicons match real news text.

News text drops hamza (اكد for أكد), writes ى for final ي, adds tatweel (قـال) and
diacritics. Lexicon look-ups and the evaluation compare *folded* strings; offsets
are always taken from the original text, never from a folded copy.
"""

from __future__ import annotations

import unicodedata

import regex

# Harakat, tanwin, shadda, sukun, dagger alef and Quranic marks.
_DIACRITICS = regex.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
_TATWEEL = "\u0640"
_FOLD_TABLE = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه",
    "ک": "ك", "ی": "ي", "ھ": "ه",
    "-": " ", "‐": " ", "–": " ", "—": " ",
    "\u00a0": " ",
})
_SPACES = regex.compile(r"\s+")
# Bidi controls and zero-width characters that real texts carry.
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Presentation forms (ﻗﺎﻝ for قال), which some sites still emit: letters and
# ligatures become the letters they show; the harakat forms are diacritics.
_PRESENTATION_LETTERS = regex.compile(r"[\uFB50-\uFDFF\uFE80-\uFEFC]")
_PRESENTATION_HARAKAT = regex.compile(r"[\uFE70-\uFE7F]")


def fold(text: str) -> str:
    """The comparison form: no diacritics, tatweel or bidi marks; hamza-less alef,
    ى → ي, ة → ه, hyphens → space, spaces squeezed.

    >>> fold("أكّد")
    'اكد'
    """
    if _PRESENTATION_LETTERS.search(text) or _PRESENTATION_HARAKAT.search(text):
        text = _PRESENTATION_HARAKAT.sub("", text)
        text = _PRESENTATION_LETTERS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _DIACRITICS.sub("", text)
    text = _INVISIBLE.sub("", text.replace(_TATWEEL, ""))
    text = text.translate(_FOLD_TABLE)
    return _SPACES.sub(" ", text).strip()


def strip_article(word: str) -> str:
    """The word without a leading article (folded input): الوزير → وزير, للوزير → وزير."""
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    return word


def has_article(word: str) -> bool:
    """Whether a folded word carries the article (الوزير، والوزير، للوزير)."""
    return strip_article(word) != word
