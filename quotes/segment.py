"""Stage 1: split a document into paragraphs, sentences and tokens, keeping offsets.

Tokens are words (letters with their diacritics and tatweel), numbers, or single
punctuation characters. Every later stage works on these tokens and takes its
offsets from them, so spans always index the original text.
"""

from __future__ import annotations

import functools
from typing import Iterator

import attrs
import regex

from .normalize import fold

QUOTE_MARKS = "\"«»“”„‘’‹›"
SENTENCE_END = frozenset(".!?؟…")
_TOKEN = regex.compile(
    # an acronym spelled with dots, one word: three groups of one to three letters or two
    # of one or two (إن.بي.سي، د.ب.أ، ق.م; 88 times in news-raw إن of إن.… was read as
    # the complementizer), not a sentence glued to the next (قال.ثم، العربية.نت)
    r"(?<![\p{L}\p{M}.])(?:\p{L}{1,3}(?:\.\p{L}{1,3}){2,}|\p{L}{1,2}\.\p{L}{1,2})(?![\p{L}\p{M}\p{N}])"
    r"|[\p{L}\p{M}\u0640][\p{L}\p{M}\p{N}\u0640]*"  # a word
    r"|\p{N}+(?:[.,٫،/:-]\p{N}+)*%?"                 # a number, 3,9 or 2016-10-25
    r"|\S"                                             # one punctuation character
)
_PARAGRAPH = regex.compile(r"[^\n]+")
_LETTER = regex.compile(r"[\p{L}\p{M}\u0640]")
# the folded form of each word, memoised: news repeats its words, and folding is most
# of the cost of tokenising
_fold_word = functools.lru_cache(maxsize=100_000)(fold)


@attrs.frozen(slots=True)
class Token:
    text: str
    start: int
    end: int
    norm: str        # folded form, for lexicon look-ups
    kind: str        # "word" | "number" | "mark" | "punct"
    sentence_end: bool = False  # a full stop, ! or ? that closes a sentence
    proper: bool = False        # the parser tagged it a proper noun (PROPN)


@attrs.frozen
class Paragraph:
    """One line of the document with its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[offset:end]``, with offsets into ``text``."""
    tokens: list[Token] = []
    end = len(text) if end is None else end
    for m in _TOKEN.finditer(text, offset, end):
        word = m.group()
        first = word[0]
        if word in ("#", "_") and _LETTER.match(text[m.end():m.end() + 1]) and (
                word == "#" or _LETTER.match(text[m.start() - 1:m.start()])):
            continue  # #فلة_الجزائرية: a hashtag's words are words (4,569 hashtags of two or more in news-raw)
        if first in QUOTE_MARKS:
            kind = "mark"
        elif first.isdigit():
            kind = "number"
        elif _LETTER.match(first):
            kind = "word"
        else:
            kind = "punct"
        is_end = False
        if kind == "punct" and first in SENTENCE_END:
            nxt = text[m.end():m.end() + 1]
            # "3.5" never reaches here (numbers take their dot); a full stop must be
            # followed by a space, a line end, a mark or the end of the text.
            is_end = nxt == "" or nxt.isspace() or nxt in QUOTE_MARKS or nxt in SENTENCE_END
            if not is_end and first == "." and _glued_sentence_start(text, tokens, m.start(), m.end(), end):
                is_end = True  # …في موعدها.وأضاف: a full stop the writer glued to the next word
            prev = text[m.start() - 1:m.start()]
            # (an empty string is "in" every string: the text's first or last character)
            if first in ".…" and ((nxt and nxt in ".…") or (prev and prev in ".…") or first == "…") and nxt != "\n":
                is_end = False  # an ellipsis (.. or …) inside a sentence
            if is_end and first == "." and tokens and tokens[-1].end == m.start() and \
                    tokens[-1].kind == "word" and len(fold(tokens[-1].text)) == 1:
                is_end = False  # an abbreviation: د. هيثم، م. أحمد
        tokens.append(Token(word, m.start(), m.end(), _fold_word(word) if kind == "word" else word,
                            kind, is_end))
    return tokens


# a word glued after a full stop that is a web address, not a new sentence (العربية.نت)
_DOMAIN_ENDINGS = frozenset({"نت", "كوم", "انفو", "اورغ", "اورج"})
_ARABIC_WORD = regex.compile(r"\p{Arabic}+")


def _glued_sentence_start(text: str, tokens: list[Token], dot: int, after: int, end: int) -> bool:
    """A full stop between two Arabic words of three letters or more, with no space
    (news-raw, a quarter sample: 1,062 word.word, 85 of them before قال، أضاف، أكد …; the
    short ones are acronyms, ذا بي.ام.جيه، تي.تي, and web addresses, العربية.نت)."""
    if not tokens or tokens[-1].end != dot or tokens[-1].kind != "word" or len(fold(tokens[-1].text)) < 3 \
            or not _ARABIC_WORD.match(tokens[-1].text[-1]):
        return False
    m = _ARABIC_WORD.match(text, after, end)
    return m is not None and len(fold(m.group())) >= 3 and fold(m.group()) not in _DOMAIN_ENDINGS


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """The non-empty lines of ``text``, tokenized."""
    for m in _PARAGRAPH.finditer(text):
        tokens = tokenize(text, m.start(), m.end())
        if tokens:
            yield Paragraph(m.start(), m.end(), tuple(tokens))


def sentence_bounds(tokens: tuple[Token, ...] | list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of the sentences of a paragraph."""
    bounds, start = [], 0
    for i, tok in enumerate(tokens):
        if tok.sentence_end:
            j = i + 1
            # closing marks after the full stop belong to the sentence
            while j < len(tokens) and tokens[j].kind == "mark" and tokens[j].text in "»”’\"":
                j += 1
            if j > start:
                bounds.append((start, j))
            start = j
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    # merge a trailing empty piece into the previous sentence
    return [(a, b) for a, b in bounds if b > a]
