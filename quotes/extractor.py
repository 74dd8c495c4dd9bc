"""The pipeline: read → split → find cues and marks → (parse) → attribute → resolve.

>>> from quotes import Extractor
>>> ex = Extractor(parser="none")
>>> q = ex.extract('وقال وزير الزراعة الكندي بيتر مارلو إن الحكومة ستدعم المزارعين.')[0]
>>> q.type, q.text, q.speaker.name, q.speaker.role
('indirect', 'الحكومة ستدعم المزارعين', 'بيتر مارلو', 'وزير الزراعة الكندي')
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from .attribute import Candidate, DocumentView, find_candidates
from .candidates import HistoryPrefix, SpeakerOption, document_mentions, speaker_options
from .confidence import ConfidenceModel, default_confidence_model, quote_features
from .coref import DocumentRoles
from .errors import ArgumentError
from .gender import with_genders
from .lexicon import Lexicons, default_lexicons
from .speakers import Resolved, SpeakerResolver, standalone_role, with_known_names
from .values import Cue, Quote, Span, Speaker

PARSERS = ("stanza", "none")
SPEAKER_CHOICE = ("ranker", "rules")


class Extractor:
    """Finds quotes, cues, speakers and roles in Arabic text.

    ``parser="stanza"`` adds the dependency parse (the bundled models, or
    ``models=DIR`` / ``models="stanza"`` for Stanza's official Arabic package);
    ``parser="none"`` uses the rules alone. Models load once, on first use.
    ``min_confidence`` drops the quotes whose confidence (the measured probability
    that the quote is real) is lower.
    ``entities=True`` (with the parser) adds the named-entity tagger, which corrects
    names and roles around the speakers.
    ``speakers="ranker"`` lets the learned ranker (ranker.py, weights in
    ``data/models/speaker_ranker.json`` or ``ranker=PATH``) choose each speaker among
    the options the rules and the document give; ``speakers="rules"`` keeps the
    rules' pick.
    """

    def __init__(self, *, parser: str = "stanza", models: str | Path | None = None,
                 lexicons: str | Path | None = None, batch_size: int = 64,
                 parse_everything: bool = False, min_confidence: float = 0.0, speakers: str = "ranker",
                 ranker: str | Path | None = None, coref: bool = True, entities: bool = False) -> None:
        if parser not in PARSERS:
            raise ArgumentError(f"parser must be one of {PARSERS}, not {parser!r}")
        if speakers not in SPEAKER_CHOICE:
            raise ArgumentError(f"speakers must be one of {SPEAKER_CHOICE}, not {speakers!r}")
        if models is not None and not isinstance(models, (str, Path)):
            raise ArgumentError(f"models must be None, a directory or 'stanza', not {type(models).__name__}")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ArgumentError(f"batch_size must be a positive integer, not {batch_size!r}")
        self.min_confidence = _checked_min_confidence(min_confidence)
        self.confidence: ConfidenceModel = default_confidence_model()
        self.parser_name = parser
        self.models = models
        self.batch_size = batch_size
        # parse every sentence, not only those with a cue: the naive path, for benchmarks
        self.parse_everything = parse_everything
        self.parse_stats: dict[str, int] = {}
        self.lexicons: Lexicons = _load_lexicons(lexicons) if lexicons else default_lexicons()
        self._parser: Any = None
        # the named-entity tagger (entities.py): off by default, since on the evaluation
        # sets it changes few speakers for half as much time again per document
        self.entities = bool(entities)
        # each person's role is the fullest the document gives them (coref.py)
        self.coref = coref
        self.ranker: Any = None  # anything with choose(options) -> SpeakerOption
        if speakers == "ranker":
            from .ranker import Ranker
            self.ranker = Ranker.load(ranker)
        # called with (doc_id, candidate, options, final) for every quote the ranker
        # sees, final(option.resolved) giving the speaker once the document is read:
        # how the training script collects the options
        self.on_options: Callable[[str | None, Candidate, list[SpeakerOption],
                                   Callable[[Resolved | None], Speaker | None]], None] | None = None
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
        """The named-entity tagger, loaded on first use with the parser when
        ``entities=True``; None otherwise, with parser='none', or when no tagger model is
        installed (the rules alone then read names)."""
        if self._entity_tagger is None and self.parser_name == "stanza" and self.entities:
            from .entities import find_tagger
            self._entity_tagger = find_tagger(self.models) or False
        return self._entity_tagger or None

    def extract(self, text: str, doc_id: str | None = None) -> list[Quote]:
        """The quotes of one document, in text order."""
        return next(self._extract_batch([_checked(doc_id, text)]))

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
            self._count(refine_with_parse(self.parser, views, cands, self.lexicons, self.parse_everything))
        introductions: list[list[Any]] = []
        if self.entity_tagger is not None:
            from .entities import refine_with_entities
            self._count(refine_with_entities(self.entity_tagger, views, cands, self.lexicons, introductions))
        for d, ((doc_id, text), view, doc_cands) in enumerate(zip(docs, views, cands)):
            yield self._finish(doc_id, text, view, doc_cands, introductions[d] if introductions else ())

    def _count(self, stats: Mapping[str, int]) -> None:
        """Adds a stage's counts (windows, words parsed or tagged) to ``parse_stats``."""
        for key, value in stats.items():
            self.parse_stats[key] = self.parse_stats.get(key, 0) + value

    def _finish(self, doc_id: str | None, text: str, view: DocumentView,
                cands: list[Candidate], introductions: Sequence[Any] = ()) -> list[Quote]:
        lex = view.lexicons or self.lexicons
        resolver = SpeakerResolver.for_document(text, view.paragraphs, lex)
        for mention in introductions:  # people the entity tagger finds introduced with a role
            resolver.register(mention)
        scanned = resolver.read
        mentions = document_mentions(scanned) if self.ranker is not None else []
        roles = DocumentRoles.build(view, lex, scanned) if self.coref else None
        fullest: dict[tuple[tuple[str, ...], str | None], str | None] = {}

        def final(value: Resolved | None) -> Speaker | None:
            """The speaker once the whole document is read, with the fullest role."""
            spk = resolver.speaker(value)
            if roles is not None and spk is not None and value is not None and spk.kind == "person":
                known = (value.entity.key, spk.role)
                if known not in fullest:
                    fullest[known] = roles.fullest(value.entity.key, spk.role)
                spk = attrs.evolve(spk, role=fullest[known])
            if spk is not None and spk.role:
                spk = attrs.evolve(spk, role=standalone_role(spk.role, lex))
            return spk

        resolved = {}
        cache: dict[object, object] = {}  # the options' look-ups, per document
        for cand in sorted(cands, key=lambda c: c.position):
            if cand.impersonal:
                resolved[id(cand)] = None
                continue
            verb = cand.cue.form.verb if cand.cue is not None and cand.cue.form is not None else None
            spoken = len(resolver.history)
            pick = resolver.resolve(cand.mention, cand.position, cand.feminine, cand.plural,
                                    cand.topic, cand.clause_subject, verb.agent if verb else "",
                                    follows=verb is not None and verb.follows)
            if self.ranker is not None:
                options = speaker_options(view, cand, pick, resolver, HistoryPrefix(resolver.history, spoken), mentions,
                                          cache=cache)
                if self.on_options is not None:
                    self.on_options(doc_id, cand, options, final)
                pick = self.ranker.choose(options).resolved
            resolved[id(cand)] = pick
        speakers = {key: final(value) for key, value in resolved.items()}
        speakers = with_genders(speakers, {id(c): c for c in cands}, lex)
        quotes: list[Quote] = []
        for cand in sorted(cands, key=lambda c: c.start):
            cue = None
            if cand.cue_token is not None and cand.cue is not None:
                tokens = view.paragraphs[cand.paragraph].tokens
                first = tokens[cand.cue.index]
                last = tokens[cand.cue.index + cand.cue.length - 1]
                cue = Cue(text[first.start:last.end], cand.cue.lemma, first.start, last.end)
            speaker = speakers[id(cand)]
            confidence = self.confidence.probability(quote_features(cand, speaker, text))
            if confidence < self.min_confidence:
                continue
            quotes.append(Quote(type=cand.type, quote=Span(text[cand.start:cand.end], cand.start, cand.end),
                                cue=cue, speaker=speaker, confidence=confidence,
                                doc_id=doc_id, index=len(quotes)))
        return quotes


def _load_lexicons(path: str | Path) -> Lexicons:
    if not isinstance(path, (str, Path)):
        raise ArgumentError(f"lexicons must be a directory, not {type(path).__name__}")
    if not Path(path).is_dir():
        raise ArgumentError(f"lexicons: {str(path)!r} is not a directory")
    try:
        return Lexicons.load(path)
    except OSError as e:
        raise ArgumentError(f"lexicons: cannot read {e.filename or path}: {e.strerror or e}") from None


def _checked(doc_id: Any, text: Any) -> tuple[str | None, str]:
    """(doc_id, text), or ArgumentError naming the argument of the wrong type."""
    if not isinstance(text, str):
        raise ArgumentError(f"text must be a string, not {_type_name(text)}"
                            + ("; decode bytes first (text.decode('utf-8'))" if isinstance(text, (bytes, bytearray))
                               else ""))
    if doc_id is not None and not isinstance(doc_id, str):
        raise ArgumentError(f"doc_id must be a string or None, not {_type_name(doc_id)}")
    return doc_id, text


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def _as_pair(item: Any, text_field: str, id_field: str) -> tuple[str | None, str]:
    if isinstance(item, str):
        return None, item
    if isinstance(item, Mapping):
        text = item.get(text_field)
        if not isinstance(text, str):
            raise ArgumentError(f"record has no string field {text_field!r}")
        doc_id = item.get(id_field)
        return (None if doc_id is None else str(doc_id)), text
    if isinstance(item, tuple) and len(item) == 2:
        doc_id, text = item
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)  # (7, text), as records have it
        return _checked(doc_id, text)
    raise ArgumentError(f"items must be texts, records or (doc_id, text) pairs, not {_type_name(item)}")


@functools.lru_cache(maxsize=4)
def _default_extractor(parser: str) -> Extractor:
    return Extractor(parser=parser)


def extract(text: str, *, parser: str = "stanza", min_confidence: float = 0.0) -> list[Quote]:
    """The quotes of ``text`` with a cached default :class:`Extractor`; those whose
    confidence is below ``min_confidence`` are left out."""
    _checked(None, text)
    if parser not in PARSERS:
        raise ArgumentError(f"parser must be one of {PARSERS}, not {parser!r}")
    min_confidence = _checked_min_confidence(min_confidence)
    quotes = [q for q in _default_extractor(parser).extract(text) if q.confidence >= min_confidence]
    return [attrs.evolve(q, index=n) for n, q in enumerate(quotes)]


def _checked_min_confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ArgumentError(f"min_confidence must be a number between 0 and 1, not {value!r}")
    return float(value)
