"""Stage 2a: find quotation marks and pair them, tolerating what real texts do.

Texts mix « » “ ” " ‘ ’ „, glue marks to prefixes (بـ»الصدود», ل»الرياض»), leave
them unbalanced, and reopen a quote at each paragraph of a long quotation. Pairing
never fails: an unclosed mark runs to the end of its paragraph, or on into the next
paragraph when that one reopens the quote.
"""

from __future__ import annotations

import attrs

from .segment import Paragraph, Token

OPENERS = frozenset("«“„‘‹")
CLOSERS = frozenset("»”’›")
AMBIGUOUS = frozenset('"')
_PREFIX_LETTERS = frozenset("وفبلك")


@attrs.frozen
class Quoted:
    """A stretch of text between quotation marks.

    ``start``/``end`` bound the content (marks excluded); ``open_at``/``close_at``
    are the offsets of the marks (``close_at`` is None when no mark closes it).
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    open_token: int        # index of the opening mark in its paragraph's tokens
    close_token: int | None
    paragraph: int
    end_paragraph: int

    @property
    def closed(self) -> bool:
        return self.close_at is not None


def _can_open(text: str, tok: Token) -> bool:
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if after.isspace():
        return False
    # a one-letter prefix glued to the mark: بـ"…", ل»…»
    prefix_glued = before in _PREFIX_LETTERS or before == "\u0640"
    return before.isspace() or before in "(:[،,؛;" or prefix_glued or before in OPENERS | AMBIGUOUS


def _can_close(text: str, tok: Token) -> bool:
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if before.isspace():
        return False
    return after.isspace() or not after.isalpha() or tok.end == len(text)


def classify_marks(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, str]]:
    """(token index, "open" | "close") for every quotation mark of a paragraph."""
    out: list[tuple[int, str]] = []
    depth_ambiguous = 0
    for i, tok in enumerate(tokens):
        if tok.kind != "mark":
            continue
        ch = tok.text
        can_open, can_close = _can_open(text, tok), _can_close(text, tok)
        if ch in OPENERS:
            role = "close" if (can_close and not can_open and ch in "“‘") else "open"
        elif ch in CLOSERS:
            role = "open" if (can_open and not can_close) else "close"
        else:  # ASCII " decides by its neighbours, then by what is open
            if can_open and not can_close:
                role = "open"
            elif can_close and not can_open:
                role = "close"
            else:
                role = "close" if depth_ambiguous > 0 else "open"
            depth_ambiguous += 1 if role == "open" else -1
            depth_ambiguous = max(depth_ambiguous, 0)
        out.append((i, role))
    return out


def pair_quotation_marks(text: str, paragraphs: list[Paragraph]) -> list[Quoted]:
    """The outermost quoted stretches of a document, in text order."""
    found: list[Quoted] = []
    carry: tuple[int, int, int] | None = None  # (paragraph, token, offset) of a quote left open
    for p_index, para in enumerate(paragraphs):
        marks = classify_marks(text, para.tokens)
        stack: list[tuple[int, int]] = []  # (paragraph, token index) of open marks
        if carry is not None:
            first = marks[0] if marks else None
            reopens = first is not None and first[1] == "open" and first[0] == 0
            if reopens:
                # the quotation continues: this paragraph's opening mark is a reopening
                stack.append((carry[0], carry[1]))
                marks = marks[1:]
            else:
                _close_at_end(found, carry, paragraphs)
            carry = None
        for tok_index, role in marks:
            if role == "open":
                stack.append((p_index, tok_index))
            elif stack:
                open_p, open_i = stack.pop()
                if stack:
                    continue  # a nested pair stays inside the outer quote
                open_tok = paragraphs[open_p].tokens[open_i]
                close_tok = para.tokens[tok_index]
                found.append(Quoted(open_tok.end, close_tok.start, open_tok.start, close_tok.start,
                                    open_i, tok_index, open_p, p_index))
        if stack:
            carry = (stack[0][0], stack[0][1], 0)
    if carry is not None:
        _close_at_end(found, carry, paragraphs)
    found.sort(key=lambda q: q.start)
    return [q for q in found if q.end > q.start]


def _close_at_end(found: list[Quoted], carry: tuple[int, int, int], paragraphs: list[Paragraph]) -> None:
    """An unclosed quote runs to the end of the paragraph where it opened."""
    p_index, tok_index, _ = carry
    para = paragraphs[p_index]
    open_tok = para.tokens[tok_index]
    last = para.tokens[-1]
    end = last.start if last.sentence_end else last.end
    found.append(Quoted(open_tok.end, end, open_tok.start, None, tok_index, None, p_index, p_index))
