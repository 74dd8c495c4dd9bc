"""The value classes that the extractor returns: small, frozen, serialisable.

Offsets are code-point indices into the document exactly as it was read, so that
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

QuoteType = Literal["direct", "indirect", "mixed", "reported", "according"]
SpeakerKind = Literal["person", "organization", "group", "document", "anonymous", "unknown"]

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed", "reported", "according")
SPEAKER_KINDS: tuple[str, ...] = ("person", "organization", "group", "document", "anonymous", "unknown")


@attrs.frozen
class Span:
    """A stretch of the document: ``text == document[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@attrs.frozen
class Cue:
    """The word that introduces a quote (وقال، مشيرا، بحسب), with its dictionary form."""

    text: str
    lemma: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "lemma": self.lemma, "start": self.start, "end": self.end}


@attrs.frozen
class Speaker:
    """Who said it: the fullest name in the document, the role, and the words used here.

    ``mention`` is None when the source is implicit in the sentence (وأضاف أن …);
    ``name`` then comes from the context. ``gender`` is ``female``, ``male`` or None
    (no evidence, conflicting evidence, or not a person): see :mod:`quotes.gender`.
    """

    name: str
    role: str | None = None
    kind: str = "unknown"
    mention: Span | None = None
    gender: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "kind": self.kind,
            "gender": self.gender,
            "mention": self.mention.to_dict() if self.mention else None,
        }


@attrs.frozen
class Quote:
    """One quotation: its content span, type, cue and speaker."""

    type: str
    quote: Span
    cue: Cue | None = None
    speaker: Speaker | None = None
    confidence: float = 0.5
    doc_id: str | None = None
    index: int = 0

    @property
    def text(self) -> str:
        return self.quote.text

    @property
    def start(self) -> int:
        return self.quote.start

    @property
    def end(self) -> int:
        return self.quote.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "index": self.index,
            "type": self.type,
            "quote": self.quote.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
        }
