"""The pipeline: read → split → find cues and marks → (parse) → attribute → resolve.

>>> from quotes import Extractor
>>> ex = Extractor(parser="none")
>>> q = ex.extract('وقال وزير الدفاع الأميركي آشتون كارتر إن التحالف سيواصل جهوده.')[0]
>>> q.type, q.text, q.speaker.name, q.speaker.role
('indirect', 'التحالف سيواصل جهوده', 'آشتون كارتر', 'وزير الدفاع الأميركي')
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .attribute import Candidate, DocumentView, find_candidates
from .errors import QuotesError
from .lexicon import Lexicons, default_lexicons
from .speakers import SpeakerResolver, with_known_names
from .values import Cue, Quote, Span

PARSERS = ("stanza", "none")


class Extractor:
    """Finds quotes, cues, speakers and roles in Arabic text.

    ``parser="stanza"`` adds the dependency parse (the bundled models, or
    ``models=DIR`` / ``models="stanza"`` for Stanza's official Arabic package);
    ``parser="none"`` uses the rules alone. Models load once, on first use.
    """

    def __init__(self, *, parser: str = "stanza", models: str | Path | None = None,
                 lexicons: str | Path | None = None, batch_size: int = 64,
                 parse_everything: bool = False) -> None:
        if parser not in PARSERS:
            raise QuotesError(f"parser must be one of {PARSERS}, not {parser!r}")
        self.parser_name = parser
        self.models = models
        self.batch_size = batch_size
        # parse every sentence, not only those with a cue: the naive path, for benchmarks
        self.parse_everything = parse_everything
        self.parse_stats: dict[str, int] = {}
        self.lexicons: Lexicons = Lexicons.load(lexicons) if lexicons else default_lexicons()
        self._parser: Any = None
        self._entity_tagger: Any = None

    def __repr__(self) -> str:
        return f"Extractor(parser={self.parser_name!r}, models={self.models!r})"

    @property
    def parser(self) -> Any:
        """The dependency parser, loaded on first use (None with parser='none')."""
        if self._parser is None and self.parser_name == "stanza":
            from .parse import Parser
            self._parser = Parser.load(self.models)
        return self._parser

    @property
    def entity_tagger(self) -> Any:
        """The named-entity tagger, loaded on first use with the parser; None with
        parser='none' or when no tagger model is installed (the rules alone then read
        names)."""
        if self._entity_tagger is None and self.parser_name == "stanza":
            from .entities import find_tagger
            self._entity_tagger = find_tagger(self.models) or False
        return self._entity_tagger or None

    def extract(self, text: str, doc_id: str | None = None) -> list[Quote]:
        """The quotes of one document, in text order."""
        return next(self._extract_batch([(doc_id, text)]))

    def extract_many(self, items: Iterable[str | Mapping[str, Any] | tuple[str | None, str]],
                     *, text_field: str = "text", id_field: str = "id") -> Iterator[list[Quote]]:
        """Quotes for each text, record ({"id", "text"}) or (id, text) pair, streamed in
        order; the parser runs on batches of documents."""
        batch: list[tuple[str | None, str]] = []
        for item in items:
            batch.append(_as_pair(item, text_field, id_field))
            if len(batch) >= self.batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def _extract_batch(self, docs: list[tuple[str | None, str]]) -> Iterator[list[Quote]]:
        views = [DocumentView.build(text) for _, text in docs]
        for view in views:
            view.lexicons = with_known_names(view.text, view.paragraphs, self.lexicons)
        cands = [find_candidates(view, view.lexicons) for view in views]
        if self.parser is not None:
            from .parse import refine_with_parse
            stats = refine_with_parse(self.parser, views, cands, self.lexicons, self.parse_everything)
            for key, value in stats.items():
                self.parse_stats[key] = self.parse_stats.get(key, 0) + value
        introductions: list[list[Any]] = []
        if self.entity_tagger is not None:
            from .entities import refine_with_entities
            stats = refine_with_entities(self.entity_tagger, views, cands, self.lexicons, introductions)
            for key, value in stats.items():
                self.parse_stats[key] = self.parse_stats.get(key, 0) + value
        for d, ((doc_id, text), view, doc_cands) in enumerate(zip(docs, views, cands)):
            yield self._finish(doc_id, text, view, doc_cands, introductions[d] if introductions else ())

    def _finish(self, doc_id: str | None, text: str, view: DocumentView,
                cands: list[Candidate], introductions: Sequence[Any] = ()) -> list[Quote]:
        resolver = SpeakerResolver.for_document(text, view.paragraphs, view.lexicons or self.lexicons)
        for mention in introductions:  # people the entity tagger finds introduced with a role
            resolver.register(mention)
        resolved = {}
        for cand in sorted(cands, key=lambda c: c.position):
            if cand.impersonal:
                resolved[id(cand)] = None
                continue
            agent = cand.cue.form.verb.agent if cand.cue is not None and cand.cue.form is not None else ""
            resolved[id(cand)] = resolver.resolve(cand.mention, cand.position, cand.feminine, cand.plural,
                                                  cand.topic, cand.clause_subject, agent)
        speakers = {key: resolver.speaker(value) for key, value in resolved.items()}
        quotes = []
        for index, cand in enumerate(sorted(cands, key=lambda c: c.start)):
            cue = None
            if cand.cue_token is not None and cand.cue is not None:
                tokens = view.paragraphs[cand.paragraph].tokens
                first = tokens[cand.cue.index]
                last = tokens[cand.cue.index + cand.cue.length - 1]
                cue = Cue(text[first.start:last.end], cand.cue.lemma, first.start, last.end)
            speaker = speakers[id(cand)]
            confidence = cand.confidence if speaker is not None else cand.confidence * 0.6
            quotes.append(Quote(type=cand.type, quote=Span(text[cand.start:cand.end], cand.start, cand.end),
                                cue=cue, speaker=speaker, confidence=confidence,
                                doc_id=doc_id, index=index))
        return quotes


def _as_pair(item: Any, text_field: str, id_field: str) -> tuple[str | None, str]:
    if isinstance(item, str):
        return None, item
    if isinstance(item, Mapping):
        text = item.get(text_field)
        if not isinstance(text, str):
            raise QuotesError(f"record has no string field {text_field!r}")
        doc_id = item.get(id_field)
        return (None if doc_id is None else str(doc_id)), text
    doc_id, text = item
    return doc_id, text


@functools.lru_cache(maxsize=4)
def _default_extractor(parser: str) -> Extractor:
    return Extractor(parser=parser)


def extract(text: str, *, parser: str = "stanza") -> list[Quote]:
    """The quotes of ``text`` with a cached default :class:`Extractor`."""
    return _default_extractor(parser).extract(text)
