"""Stage 3c: named entities and titles from a trained tagger, around the speakers only.

A Stanza BiLSTM-CRF tagger (``data/models/ar_nertagger.pt``, trained by ``make ner`` on
ANERcorp, the Wojood sample and CAraNER; see data/models/README.md) tags persons,
organisations, places and titles (role phrases: وزير الخارجية، الدكتور). Like the parse,
it runs only on windows around the cues whose speaker the rules read (and around the
other occurrences of a speaker's family name), in one batch
across the documents of a call, and the model loads once, on first use.

What the tags change (``refine_with_entities``; each can be switched off in
``CORRECTIONS``, and none lowered the dev or the unseen scores when measured):

- the name: a name the rules cut short (a foreign name of several words) or did not read
  after a role (a name in quotation marks, a name of common words) becomes the tagger's
  person span; a name they read too long (an object noun glued to the surname) ends where
  the span ends, and the quote starts after it; a body the rules read (الستير …) that
  the tagger tags as a full name becomes a person; a cue with no subject whose quote
  starts with a person span gets that person as its speaker;
- the role: a title span next to the name (before it, or after a comma and perhaps وهو)
  gives a role the rules did not read, up to a courtesy title or rank; a role the rules
  ended before its organisation runs on to the organisation the tagger tags (في "…");
- the document: around the other occurrences of a speaker's family name, a person
  introduced with a title gives the speaker's role (the resolver keeps the fullest).

The lexicons and rules stay the fallback: a candidate the tagger says nothing about keeps
what the rules read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import attrs

from .attribute import Candidate, DocumentView
from .errors import ModelError
from .lexicon import Lexicons
from .parse import (_no_training_optimizers, _quoted_after_preposition, apply_thread_setting, bundled_models_dir,
                    check_model_file, parser_input)
from .segment import Token
from .normalize import fold, strip_article
from .speakers import Mention, read_mention, word_class

MODEL_FILE = "ar_nertagger.pt"
PRETRAIN_FILE = "ar_pretrain.pt"
# the tagger's types, as the product names them (MISC: events, currencies … is not used)
KINDS = {"PERS": "person", "ORG": "organization", "LOC": "place", "TITLE": "title", "MISC": "misc"}
CONTEXT_WORDS = 8   # words tagged on either side of a speaker's phrase: the tagger needs context
MAX_TAG_BATCH = 256  # windows per call to Stanza
_PRONOUN_LINKS = frozenset({"وهو", "وهي", "هو", "هي"})  # an appositive role after a comma: X، وهو مهندس


@attrs.frozen
class EntitySpan:
    """A tagged entity: its kind and character offsets into the document."""

    kind: str  # person | organization | place | title | misc
    start: int
    end: int
    text: str
    first: int  # token indices [first, last) in its paragraph
    last: int


class EntityTagger:
    """The Stanza NER pipeline on pretokenised input, loaded once."""

    def __init__(self, nlp: Any, source: str) -> None:
        self.nlp = nlp
        self.source = source

    @classmethod
    def load(cls, models: str | Path | None = None) -> "EntityTagger":
        """Load ``ar_nertagger.pt`` (and the word vectors) from ``models`` or the bundled
        directory; a ModelError when a file is missing."""
        directory = Path(models) if models and models != "stanza" else bundled_models_dir()
        model, pretrain = directory / MODEL_FILE, directory / PRETRAIN_FILE
        for path in (model, pretrain):
            check_model_file(path, "train it with `make ner`")
        try:
            import stanza
        except ImportError as e:  # pragma: no cover - stanza is a dependency
            raise ModelError(f"the entity tagger needs stanza and torch: {e}") from None
        import torch
        apply_thread_setting(torch)
        try:
            with _no_training_optimizers():
                nlp = stanza.Pipeline(lang="ar", processors="tokenize,ner", tokenize_pretokenized=True,
                                      dir=str(directory), ner_model_path=str(model),
                                      ner_pretrain_path=str(pretrain), download_method=None,
                                      allow_unknown_language=True,  # our own model, empty resources.json
                                      logging_level="ERROR", use_gpu=False)
        except Exception as e:  # stanza raises many kinds; name what failed
            raise ModelError(f"cannot load the entity tagger from {directory}: {e}") from None
        return cls(nlp, str(directory))

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIOES tags for each pretokenised sentence (words already normalised)."""
        out: list[list[str]] = []
        for i in range(0, len(sentences), MAX_TAG_BATCH):
            batch = [list(s) for s in sentences[i:i + MAX_TAG_BATCH]]
            if not batch:
                continue
            doc = self.nlp(batch)
            out.extend([t.ner for t in sent.tokens] for sent in doc.sentences)
        return out

    def entities(self, text: str, tokens: Sequence[Token], first: int = 0, last: int | None = None) -> list[EntitySpan]:
        """The entities of ``tokens[first:last]`` (one window), offsets into ``text``."""
        last = len(tokens) if last is None else last
        return spans_from_tags(text, tokens, first, self.tag([tagger_words(tokens[first:last])])[0])


def find_tagger(models: str | Path | None = None) -> EntityTagger | None:
    """The tagger in ``models`` (else the bundled one); None when neither directory has
    the model file."""
    for directory in (Path(models) if models and models != "stanza" else None, bundled_models_dir()):
        if directory is not None and (directory / MODEL_FILE).is_file():
            return EntityTagger.load(directory)
    return None


def tagger_words(tokens: Sequence[Token]) -> list[str]:
    """The words the tagger reads: normalised as its training data (parser_input)."""
    return [parser_input(t.text)[0] or t.text for t in tokens]


def spans_from_tags(text: str, tokens: Sequence[Token], first: int, tags: Sequence[str]) -> list[EntitySpan]:
    """Entity spans from BIOES (or BIO) tags of ``tokens[first:first+len(tags)]``."""
    spans: list[EntitySpan] = []
    open_at, open_type = -1, ""

    def close(end: int) -> None:
        nonlocal open_at, open_type
        if open_at >= 0:
            a, b = tokens[open_at], tokens[end - 1]
            spans.append(EntitySpan(KINDS.get(open_type, "misc"), a.start, b.end, text[a.start:b.end],
                                    open_at, end))
        open_at, open_type = -1, ""

    for j, tag in enumerate(tags):
        k = first + j
        pos, _, typ = tag.partition("-")
        if pos in ("B", "S") or (pos in ("I", "E") and typ != open_type):
            close(k)
            open_at, open_type = k, typ
        elif pos == "O":
            close(k)
        if pos in ("S", "E"):
            close(k + 1)
    close(first + len(tags))
    return spans


@attrs.frozen
class TagWindow:
    """Tokens [first, last) of one paragraph sent to the tagger."""

    doc: int
    paragraph: int
    first: int
    last: int


def needs_entities(cand: Candidate) -> bool:
    """A cue whose speaker the rules read as a person (the tagger may fix the name), or a
    verb cue whose subject they did not read (it may be a name they took for the quote)."""
    if cand.cue is None or cand.impersonal:
        return False
    m = cand.mention
    if m is None:
        return cand.cue.kind == "verb"
    return m.kind == "person" or (m.kind in ("organization", "unknown") and m.name is None)


def tag_windows(views: Sequence[DocumentView], cands: Sequence[Sequence[Candidate]]) -> list[TagWindow]:
    """Around each person mention, a few words of context on each side, within its
    sentence; overlapping windows merged."""
    windows = []
    for d, (view, doc_cands) in enumerate(zip(views, cands)):
        spans: dict[int, list[tuple[int, int]]] = {}
        for c in doc_cands:
            if not needs_entities(c):
                continue
            m = c.mention
            first, last = (m.first, m.last) if m is not None else (c.cue.index, c.cue.index + 1)
            a, b = view.sentence_of(c.paragraph, c.cue.index)
            lo = max(a, min(first, c.cue.index) - CONTEXT_WORDS)
            hi = min(b, max(last, c.cue.index + 1) + CONTEXT_WORDS)
            spans.setdefault(c.paragraph, []).append((lo, hi))
        for p, ranges in spans.items():
            windows.extend(TagWindow(d, p, lo, hi) for lo, hi in _merge(ranges))
    return windows


def name_windows(views: Sequence[DocumentView], cands: Sequence[Sequence[Candidate]]) -> list[TagWindow]:
    """Around every other occurrence of the family name of a speaker the rules named
    without a role: the sentence that introduces that person with a role may be anywhere
    in the document (وقال الخطيب … after سامر الخطيب، مدير المدرسة، in the first line)."""
    windows = []
    for d, (view, doc_cands) in enumerate(zip(views, cands)):
        surnames = {c.mention.name_key[-1] for c in doc_cands
                    if c.mention is not None and c.mention.kind == "person" and c.mention.name_key
                    and not c.mention.role}
        # a family name with the article the rules took for a body (وقال البنا): it may be a person
        surnames |= {fold(c.mention.text) for c in doc_cands
                     if c.mention is not None and c.mention.kind in ("organization", "unknown")
                     and c.mention.name is None and c.mention.last - c.mention.first == 1}
        if not surnames:
            continue
        for p, para in enumerate(view.paragraphs):
            ranges: list[tuple[int, int]] = []
            for k, tok in enumerate(para.tokens):
                if tok.kind == "word" and fold(tok.text) in surnames:
                    a, b = view.sentence_of(p, k)
                    ranges.append((max(a, k - CONTEXT_WORDS), min(b, k + CONTEXT_WORDS)))
            windows.extend(TagWindow(d, p, lo, hi) for lo, hi in _merge(ranges))
    return windows


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def tag_documents(tagger: EntityTagger, views: Sequence[DocumentView],
                  windows: Sequence[TagWindow]) -> dict[tuple[int, int], list[EntitySpan]]:
    """Entity spans by (document, paragraph), from one batch over all the windows."""
    sentences = [tagger_words(views[w.doc].paragraphs[w.paragraph].tokens[w.first:w.last]) for w in windows]
    out: dict[tuple[int, int], list[EntitySpan]] = {}
    for w, tags in zip(windows, tagger.tag(sentences)):
        view = views[w.doc]
        out.setdefault((w.doc, w.paragraph), []).extend(
            joined_names(view.text, spans_from_tags(view.text, view.paragraphs[w.paragraph].tokens, w.first, tags)))
    return out


def joined_names(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Person spans that touch joined into one: the tagger sometimes splits a long
    foreign name (إنغريد فان | دير بيرغ), and news never writes two names side by side."""
    out: list[EntitySpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == s.kind == "person" and prev.last == s.first:
            out[-1] = EntitySpan("person", prev.start, s.end, text[prev.start:s.end], prev.first, s.last)
        else:
            out.append(s)
    return out


def refine_with_entities(tagger: EntityTagger, views: Sequence[DocumentView],
                         cands: Sequence[list[Candidate]], lex: Lexicons,
                         introductions: list[list[Mention]] | None = None) -> dict[str, int]:
    """Tag the windows around the person mentions of a batch and correct their names;
    counts of what changed. ``introductions`` receives, per document, the people the
    tagger finds introduced with a role elsewhere (a title next to the name)."""
    windows = tag_windows(views, cands)
    if CORRECTIONS.introductions and introductions is not None:
        seen = {(w.doc, w.paragraph, w.first, w.last) for w in windows}
        windows += [w for w in name_windows(views, cands) if (w.doc, w.paragraph, w.first, w.last) not in seen]
    entities = tag_documents(tagger, views, windows)
    stats = {"entity_windows": len(windows), "entity_words": sum(w.last - w.first for w in windows),
             "name_extended": 0, "name_trimmed": 0,
             "role_added": 0, "role_extended": 0, "entity_subject_added": 0,
             "introductions": 0, "kind_person": 0,
             "role_after_name": 0, "role_organization": 0}
    for d, (view, doc_cands) in enumerate(zip(views, cands)):
        for cand in doc_cands:
            if not needs_entities(cand):
                continue
            spans = entities.get((d, cand.paragraph), [])
            if spans:
                apply_entities(view, cand, spans, view.lexicons or lex, stats)
        if introductions is not None:
            found = [m for p in range(len(view.paragraphs))
                     for m in introduced_people(view, p, entities.get((d, p), []), view.lexicons or lex)]
            introductions.append(found)
            stats["introductions"] += len(found)
    return stats


def role_of_title(text: str, tokens: Sequence[Token], title: EntitySpan, lex: Lexicons) -> str | None:
    """The role a title span gives: up to a courtesy title or rank, which belongs to the
    name (قائد القوات البرية اللواء …، رئيس النادي د. …); None when it starts with one."""
    for j in range(title.first, title.last):
        w = tokens[j].norm
        if tokens[j].kind == "mark":
            continue
        if tokens[j].kind != "word" or len(w) < 2 or strip_article(w) in lex.courtesy:
            return text[title.start:tokens[j - 1].end] if j > title.first else None
    return title.text


def introduced_people(view: DocumentView, p: int, spans: Sequence[EntitySpan], lex: Lexicons) -> list[Mention]:
    """Person spans with a title right before them (وزيرة الصحة سلمى الخطيب) or in
    apposition after a comma (سلمى الخطيب، وزيرة الصحة): a name and its role."""
    tokens = view.paragraphs[p].tokens
    out = []
    for person in spans:
        if person.kind != "person":
            continue
        title = _title_next_to(tokens, spans, person.first, person.last - 1)
        role = role_of_title(view.text, tokens, title, lex) if title is not None else None
        if role:
            out.append(attrs.evolve(person_mention(view.text, tokens, person, None), role=role))
    return out


def _title_next_to(tokens: Sequence[Token], spans: Sequence[EntitySpan], n0: int, n1: int) -> EntitySpan | None:
    """The title span right before the name [n0, n1], or after it, a comma and perhaps وهو."""
    titles = [s for s in spans if s.kind == "title"]
    before = next((s for s in titles if s.last == n0), None)
    if before is not None:
        return before
    k = n1 + 1
    if k < len(tokens) and tokens[k].text in ("،", ","):
        k += 1
        if k < len(tokens) and tokens[k].norm in _PRONOUN_LINKS:
            k += 1  # سمير العلي، وهو مهندس في …
        return next((s for s in titles if s.first == k), None)
    return None


def _person_at(spans: Sequence[EntitySpan], k: int) -> EntitySpan | None:
    return next((s for s in spans if s.kind == "person" and s.first <= k < s.last), None)


def _token_index(tokens: Sequence[Token], offset: int | None) -> int | None:
    if offset is None:
        return None
    return next((i for i, t in enumerate(tokens) if t.start <= offset < t.end), None)


def apply_entities(view: DocumentView, cand: Candidate, spans: Sequence[EntitySpan], lex: Lexicons,
                   stats: dict[str, int]) -> None:
    tokens = view.paragraphs[cand.paragraph].tokens
    m = cand.mention
    if m is None:
        _subject_from_person(view, cand, spans, lex, stats)
        return
    if m.kind != "person":
        person = next((s for s in spans if s.kind == "person" and s.first == m.first and s.last >= m.last), None)
        q = _quote_token(tokens, cand)
        # a full name only: a family name alone is left to the resolver, which links it
        # to the person introduced before (وقال اليوسفي after محمد لطفي اليوسفي)
        if person is not None and CORRECTIONS.kind_from_tags and person.last - person.first >= 2 \
                and all(t.kind == "word" for t in tokens[person.first:person.last]) \
                and (q >= person.last or q < m.first) and not (person.first <= cand.cue.index < person.last):
            # a name the rules read as a body (a family name with the article)
            cand.mention = person_mention(view.text, tokens, person, cand.feminine)
            stats["kind_person"] += 1
            _role_from_title(view, cand, spans, lex, stats)
        else:
            _extend_name(view, cand, spans, lex, stats)
        return
    n0 = _token_index(tokens, m.name_start) if m.name else None
    n1 = _token_index(tokens, m.name_end - 1) if m.name and m.name_end is not None else None
    if n0 is not None and n1 is not None:
        person = _person_at(spans, n0)
        if CORRECTIONS.trim_name and person is not None and person.first == n0 and person.last < n1 + 1 \
                and _outside_entities(tokens, person.last, n1 + 1, spans):
            _trim_name(view, cand, n1 + 1, person.last, stats)
        else:
            _extend_name(view, cand, spans, lex, stats)
    else:
        _extend_name(view, cand, spans, lex, stats)
    _role_from_title(view, cand, spans, lex, stats)


def _role_from_title(view: DocumentView, cand: Candidate, spans: Sequence[EntitySpan], lex: Lexicons,
                     stats: dict[str, int]) -> None:
    """A named person's role from the title span next to the name: the role the rules
    did not read (before the name, or in apposition after it and a comma), or the whole
    title where the rules stopped inside it (before a quoted or foreign organisation)."""
    tokens = view.paragraphs[cand.paragraph].tokens
    m = cand.mention
    if m is None or m.kind != "person" or not m.name or m.name_start is None or m.name_end is None:
        return
    n0, n1 = _token_index(tokens, m.name_start), _token_index(tokens, m.name_end - 1)
    if n0 is None or n1 is None:
        return
    titles = [s for s in spans if s.kind == "title"]
    if m.role:
        at = m.text.find(m.role)
        if at < 0:
            return
        r0, r1 = m.start + at, m.start + at + len(m.role)
        longer = next((s for s in titles if s.start == r0 and s.end > r1
                       and not (s.start < m.name_end and m.name_start < s.end)), None)
        if longer is not None and CORRECTIONS.extend_role and _adjunct_continues(tokens, longer, r1):
            cand.mention = attrs.evolve(m, role=longer.text)
            stats["role_extended"] += 1
        else:
            _role_with_organization(view, cand, spans, r1, lex, stats)
        return
    title = _title_next_to(tokens, spans, n0, n1)
    role = role_of_title(view.text, tokens, title, lex) if title is not None else None
    if not role or not CORRECTIONS.add_role or cand.start <= title.start < cand.end:
        _role_after_name(view, cand, n1 + 1, lex, stats)
        return
    cand.mention = attrs.evolve(m, role=role)
    stats["role_added"] += 1


def _role_with_organization(view: DocumentView, cand: Candidate, spans: Sequence[EntitySpan], role_end: int,
                            lex: Lexicons, stats: dict[str, int]) -> None:
    """A role the rules ended before the organisation it belongs to, when the tagger
    tags that organisation: مدير مشروع "…"، مديرة التسويق في "…" (quoted or foreign
    names the lexicons cannot know)."""
    if not CORRECTIONS.role_organization:
        return
    tokens = view.paragraphs[cand.paragraph].tokens
    m = cand.mention
    assert m is not None and m.role is not None
    k = next((i for i, t in enumerate(tokens) if t.start >= role_end), None)
    if k is None:
        return
    # at most two words of the role the rules left out (مدير مشروع "…"), then في/لدى
    plain = 0
    while plain < 2 and k < len(tokens) and _construct_noun(tokens[k], lex) and not any(s.first <= k < s.last for s in spans):
        k, plain = k + 1, plain + 1
    if k < len(tokens) and tokens[k].norm in _ADJUNCT_OPENERS - {"ب", "ل"}:
        k += 1
    opened = k < len(tokens) and tokens[k].kind == "mark"
    org = next((s for s in spans if s.kind == "organization" and s.first == k + opened), None)
    if org is None or (not opened and tokens[org.first].norm.startswith("ل")):
        return  # لوكالة …: the outlet spoken to, not the speaker's
    end = org.last
    if opened:
        close = next((i for i in range(org.last, min(len(tokens), org.last + 3)) if tokens[i].kind == "mark"), None)
        if close is None:
            return
        end = close + 1
    last_char = tokens[end - 1].end
    if cand.start < last_char and tokens[k].start < cand.end:
        return  # the organisation lies inside the quote
    if m.name_start is not None and tokens[k].start < m.name_end and m.name_start < last_char:
        return  # it would run into the name
    r0 = m.start + m.text.find(m.role)
    cand.mention = attrs.evolve(m, role=view.text[r0:last_char])
    stats["role_organization"] += 1


_LINK_WORDS = frozenset({"عن", "من", "الي", "علي", "مع", "الذي", "التي", "و"})


def _construct_noun(tok: Token, lex: Lexicons) -> bool:
    """A word that can continue a role in construct before its organisation (مدير
    مشروع …): no article, no proper noun, no preposition or relative, no noun behind a
    glued preposition (لوكالة، بتحقيق)."""
    w = tok.norm
    if tok.kind != "word" or tok.proper or len(w) < 3 or w.startswith("ال") or w in _LINK_WORDS \
            or w in _ADJUNCT_OPENERS:
        return False
    behind = w[1:]
    return not (w[0] in "بل" and (behind in lex.common_words or behind in lex.source_kinds
                                  or strip_article(behind) in lex.source_kinds))


def _role_after_name(view: DocumentView, cand: Candidate, k: int, lex: Lexicons, stats: dict[str, int]) -> None:
    """The role in apposition after a name the tagger gave, read by the rules' own
    reader (a bare role phrase): ستيفان مولر الخبير في …، سمير العلي، وهو مهندس في …"""
    if not CORRECTIONS.role_after_name:
        return
    tokens = view.paragraphs[cand.paragraph].tokens
    m = cand.mention
    assert m is not None
    if k < len(tokens) and tokens[k].text in ("،", ","):
        k += 1
        if k < len(tokens) and tokens[k].norm in _PRONOUN_LINKS:
            k += 1
    if k >= len(tokens) or tokens[k].kind != "word":
        return
    q = _quote_token(tokens, cand)
    if m.first > cand.cue.index:
        bound = q if q > k else view.sentence_of(cand.paragraph, k)[1]
    else:
        bound = cand.cue.index
    if bound <= k:
        return
    role = read_mention(view.text, tokens, k, bound, lex, skip_adverbs=False)
    if role is None or role.kind != "person" or role.name or not role.role or role.first != k:
        return
    if cand.start < role.end and role.start < cand.end:
        return  # the phrase lies inside the quote
    cand.mention = attrs.evolve(m, role=role.role)
    stats["role_after_name"] += 1


_ADJUNCT_OPENERS = frozenset({"في", "لدي", "لدى", "باسم", "ب", "ل"})  # مديرة التسويق في "…"، المتحدث باسم …


def _adjunct_continues(tokens: Sequence[Token], title: EntitySpan, role_end: int) -> bool:
    """Whether the title goes on past the rules' role with the place or organisation the
    role belongs to (في "نوفا فارما"، لدى …، للطاقة), not with a rank, an honorific or a
    first name the rules rightly left out (رئيس النادي د.، قائد الجيش الفريق)."""
    rest = [t for t in tokens[title.first:title.last] if t.start >= role_end]
    if not rest or len(rest[-1].text) < 2:
        return False
    first = rest[0]
    return first.kind == "mark" or first.norm in _ADJUNCT_OPENERS or first.norm.startswith(("لل", "بال"))


@attrs.define
class _Switches:
    """Which corrections run (for measuring each on the evaluation sets)."""

    extend_role: bool = True
    add_role: bool = True
    trim_name: bool = True
    extend_name: bool = True
    subject: bool = True
    introductions: bool = True
    kind_from_tags: bool = True
    role_after_name: bool = True
    role_organization: bool = True


CORRECTIONS = _Switches()


def _subject_from_person(view: DocumentView, cand: Candidate, spans: Sequence[EntitySpan], lex: Lexicons,
                         stats: dict[str, int]) -> None:
    """A verb cue with no subject whose quote starts with a person span (نفت الخطيب
    اتهامات …): the name is the subject, the quote starts after it."""
    if not CORRECTIONS.subject:
        return
    tokens = view.paragraphs[cand.paragraph].tokens
    k = cand.cue.index + cand.cue.length
    person = _person_at(spans, k)
    if person is None or person.first != k or tokens[k].start != cand.start or person.last >= len(tokens):
        return
    if tokens[person.last].start >= cand.end:
        return
    if any(t.kind != "word" for t in tokens[person.first:person.last]):
        return
    cand.mention = person_mention(view.text, tokens, person, cand.feminine)
    cand.start = tokens[person.last].start
    stats["entity_subject_added"] += 1


def person_mention(text: str, tokens: Sequence[Token], person: EntitySpan, feminine: bool | None) -> Mention:
    """A mention that is a person span alone (a name, no role)."""
    name = " ".join(person.text.replace("_", " ").split())
    return Mention(person.first, person.last, person.start, person.end, person.text, "person", name,
                   tuple(fold(t.text) for t in tokens[person.first:person.last]), None, "", feminine,
                   person.start, person.end)


def _outside_entities(tokens: Sequence[Token], a: int, b: int, spans: Sequence[EntitySpan]) -> bool:
    """Whether the words [a, b) the rules added to a name are outside every entity: a
    noun glued to the name (رفضت الخطيب مقترحات …), not more of the name."""
    return all(tokens[i].kind == "word" and not any(s.first <= i < s.last for s in spans)
               for i in range(a, b))


def _quote_token(tokens: Sequence[Token], cand: Candidate) -> int:
    """Index of the first token of the quote (len(tokens) when it starts elsewhere)."""
    return next((i for i, t in enumerate(tokens) if t.start >= cand.start), len(tokens))


def _trim_name(view: DocumentView, cand: Candidate, name_last: int, end: int, stats: dict[str, int]) -> None:
    """End the mention's name (and the mention, when the name ends it) before token
    ``end``; a quote that started right after the old name starts at ``end``."""
    tokens = view.paragraphs[cand.paragraph].tokens
    m = cand.mention
    assert m is not None and m.name_start is not None
    if m.last != name_last:
        return  # a role or more follows the name: leave the phrase alone
    q = _quote_token(tokens, cand)
    if cand.start < m.end and cand.start > m.start:
        return
    if cand.start >= m.end:
        if q != m.last:
            return  # the quote does not start right after the name
        cand.start = tokens[end].start
    new_end = tokens[end - 1].end
    n0 = _token_index(tokens, m.name_start)
    cand.mention = attrs.evolve(m, last=end, end=new_end, text=view.text[m.start:new_end],
                                name=" ".join(view.text[m.name_start:new_end].replace("_", " ").split()),
                                name_key=tuple(fold(t.text) for t in tokens[n0:end] if t.kind == "word"),
                                name_end=new_end)
    stats["name_trimmed"] += 1


def _extend_name(view: DocumentView, cand: Candidate, spans: Sequence[EntitySpan], lex: Lexicons,
                 stats: dict[str, int]) -> None:
    """The name as the tagger's person span gives it, where the rules read less of it: a
    name cut short (a foreign name of several words), or a role whose name they did not
    read (a name of common words, a name in quotation marks after the role)."""
    if not CORRECTIONS.extend_name:
        return
    tokens = view.paragraphs[cand.paragraph].tokens
    m = cand.mention
    assert m is not None
    n0 = _token_index(tokens, m.name_start) if m.name else None
    if n0 is not None:
        n1 = _token_index(tokens, m.name_end - 1)
        person = _person_at(spans, n0)
        if person is None or n1 is None or person.first != n0 or person.last <= n1 + 1:
            return
        if m.role and m.name_end <= m.text.find(m.role) + m.start < tokens[person.last - 1].end:
            return  # the span runs into the role the rules read after the name
    else:
        k = m.last + (1 if m.last < len(tokens) and tokens[m.last].kind == "mark" else 0)
        person = next((s for s in spans if s.kind == "person" and s.first == k), None)
        title = next((s for s in spans if s.kind == "title" and s.first == m.first and s.last == m.last), None)
        if person is None or (m.role is None and title is None):
            return
        if m.kind != "person":
            # a title the rules read as an organisation (الممرضة), then the name
            m = attrs.evolve(m, kind="person", role=title.text if title else m.role)
    if any(t.kind != "word" for t in tokens[person.first:person.last]):
        return
    if m.first < cand.cue.index < person.last:
        return  # the span runs over the cue
    last = max(person.last, m.last)
    if last < len(tokens) and tokens[last].kind == "mark" and tokens[person.first - 1].kind == "mark":
        last += 1  # الممرضة "سعاد البحري": the closing mark ends the phrase
    q = _quote_token(tokens, cand)
    if m.first > cand.cue.index and q < last:
        # the quote started inside the name: it now starts after it
        k = last
        while k < len(tokens) and (tokens[k].kind == "punct" or word_class(tokens[k], lex) == "adverb"):
            k += 1
        if k >= len(tokens) or tokens[k].start >= cand.end or q < m.last:
            return
        cand.start = tokens[k].start
    if m.name is None and _quoted_after_preposition(tokens, tokens[person.first].start):
        return
    n_start, n_end = tokens[person.first].start, tokens[person.last - 1].end
    end = tokens[last - 1].end
    cand.mention = attrs.evolve(m, last=last, end=end, text=view.text[m.start:end],
                                name=" ".join(view.text[n_start:n_end].replace("_", " ").split()),
                                name_key=tuple(fold(t.text) for t in tokens[person.first:person.last]),
                                name_start=n_start, name_end=n_end)
    stats["name_extended"] += 1
