"""One role per person across the document: the fullest the document gives them.

A person's role is often fuller in another mention than in the one that speaks:

- a second role in apposition after a title and the name (العميد سالم الراشد
  المتحدث باسم الشرطة): the function, not the rank, is what the text says they are;
- a fuller name elsewhere (وقال الراشد … after وزير النقل سالم الراشد): the short
  name has the role of the full one, when only one person carries that name;
- a bare role before the name (أكد محامي عائلة المتهم أن … ثم قال المحامي سامي
  العتيبي): the fuller designation belongs to the one person the document names
  with that title.

``DocumentRoles.build`` reads the document once; ``fullest`` gives the role for a
speaker (its folded name words and the role the resolver found).
"""

from __future__ import annotations

import functools
from typing import Sequence

import attrs

from .attribute import DocumentView
from .lexicon import Lexicons
from .normalize import fold, strip_article
from .speakers import _COMMAS, _SOURCE_KINDS, Mention, _role_chain, read_mention, word_class


@functools.lru_cache(maxsize=4096)
def _words(role: str) -> tuple[str, ...]:
    """A role's folded words without article (cached: roles recur across quotes)."""
    return tuple(strip_article(w) for w in fold(role).split())


@attrs.frozen
class DocumentRoles:
    """The roles a document gives, by the name they go with, and its bare roles."""

    by_name: dict[tuple[str, ...], tuple[str, ...]]
    bare: tuple[tuple[int, str], ...]  # (offset, role) of role mentions that name nobody

    @classmethod
    def build(cls, view: DocumentView, lex: Lexicons,
              scanned: Sequence[tuple[int, Mention]] | None = None) -> "DocumentRoles":
        by_name: dict[tuple[str, ...], list[str]] = {}
        bare: list[tuple[int, str]] = []
        for p, m in (scan_mentions(view, lex) if scanned is None else scanned):
            tokens = view.paragraphs[p].tokens
            if not m.name:
                if m.kind in ("person", "anonymous"):
                    role = _bare_role(view.text, tokens, m.first, lex)
                    if role is not None:
                        bare.append((m.start, role))
                continue
            if m.kind != "person":
                continue
            roles = by_name.setdefault(m.name_key, [])
            if m.role:
                roles.append(m.role)
            appositive = _appositive_role(view.text, tokens, m.last, lex)
            if appositive is not None:
                roles.append(appositive)
        return cls({k: tuple(v) for k, v in by_name.items() if v}, tuple(bare))

    def fullest(self, key: Sequence[str], role: str | None) -> str | None:
        """The fullest role for the person named by ``key`` (folded words); ``role`` is
        the one found so far, kept on a tie."""
        want = set(key)
        if not want:
            return role
        roles = [role] if role else []
        fuller = [k for k in self.by_name if want <= set(k)]
        # a short name stands for the full one only when the full ones are one person
        if fuller and all(set(a) <= set(b) or set(b) <= set(a) for a in fuller for b in fuller):
            for k in fuller:
                roles.extend(self.by_name[k])
        for k in self.by_name:
            if set(k) < want:
                roles.extend(self.by_name[k])
        if not roles:
            return None
        fullest = _fullest(roles, role)
        head = _words(fullest)[:1]
        same_head = [k for k, rs in self.by_name.items() if any(_words(r)[:1] == head for r in rs)]
        if head and all(set(k) <= want or want <= set(k) for k in same_head):
            # the only person the document names with this title: a bare, fuller
            # designation with every word of their role is theirs
            more = [bare for _, bare in self.bare if set(_words(fullest)) < set(_words(bare))]
            if more:
                fullest = _fullest(more + [fullest], fullest)
        return fullest


def _fullest(roles: list[str], role: str | None) -> str:
    """The role to give: with none yet, or a one-word title (المدرب، العميد), the
    longest one; else the longest that has every word of ``role`` (a fuller form of
    the same role, not another role of the same person)."""
    if role is None or len(role.split()) == 1:
        return max(roles, key=lambda r: (len(r.split()), -roles.index(r)))
    own = set(_words(role))
    fuller = [r for r in roles if own < set(_words(r))]
    return max(fuller, key=lambda r: (len(r.split()), -fuller.index(r))) if fuller else role


def scan_mentions(view: DocumentView, lex: Lexicons) -> list[tuple[int, Mention]]:
    """Every noun phrase that names a person, body or document, with its paragraph, in
    text order: each phrase read once, from its first word."""
    found: list[tuple[int, Mention]] = []
    for p, para in enumerate(view.paragraphs):
        tokens = para.tokens
        for k, tok in enumerate(tokens):
            if tok.kind != "word":
                continue
            c = word_class(tok, lex)
            if c not in ("title", "name", "place") and c not in _SOURCE_KINDS:
                continue
            if k > 0 and c != "title" and word_class(tokens[k - 1], lex) in ("title", "name", "definite",
                                                                          "organization"):
                continue  # inside a phrase already read (a title always opens one)
            m = read_mention(view.text, tokens, k, len(tokens), lex, skip_adverbs=False)
            if m is not None and (m.kind in _SOURCE_KINDS or m.kind == "person"):
                found.append((p, m))
    return found


def _bare_role(text: str, tokens: Sequence, first: int, lex: Lexicons) -> str | None:
    """The role a nameless mention gives (محامي أسرة المتهم), when it is a subject or
    object: not after a preposition (للباحث), and of two words or more."""
    tok = tokens[first]
    if word_class(tok, lex) not in ("title", "anonymous") or tok.norm.startswith(("لل", "بال", "وبال", "ولل")) \
            or (first > 0 and word_class(tokens[first - 1], lex) == "preposition"):
        return None
    end = _role_chain(tokens, first, len(tokens), lex)
    if end - first < 2:
        return None
    return text[tok.start:tokens[end - 1].end]


def _appositive_role(text: str, tokens: Sequence, k: int, lex: Lexicons) -> str | None:
    """A role in apposition right after a mention that already has a title and a name
    (… سالم الراشد المتحدث باسم الشرطة، … سالم الراشد، مدير المكتب): the role chain."""
    comma = k < len(tokens) and tokens[k].text in _COMMAS
    j = k + comma
    if j >= len(tokens) or tokens[j].kind != "word" or word_class(tokens[j], lex) != "title":
        return None
    if strip_article(tokens[j].norm) in lex.courtesy:
        return None  # الدكتور، الشيخ: a courtesy title opens the next name
    end = _role_chain(tokens, j, len(tokens), lex, allow_names=True)
    if end - j < 2:
        return None  # one word (المدرب) says no more than the title before the name
    after = tokens[end] if end < len(tokens) else None
    if after is not None and word_class(after, lex) == "name":
        return None  # a title then a name: the next person, not this one's role
    return text[tokens[j].start:tokens[end - 1].end]
