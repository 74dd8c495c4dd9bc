"""Speaker options for one quote, each with the features a ranker scores.

The rules (attribute.py, speakers.py) pick one speaker per quote. This module lists
the others the document offers at that point, so that a learned ranker
(ranker.py) can choose among them:

- the rules' pick, and no speaker at all;
- the earlier speakers, most recent first (a cue with no subject: وأضاف أن …);
- the people and bodies named in the quote's sentence and the paragraph before
  (استقبل الوزير مراد الصغير وفدا …، ثم قال …), with the paragraph's topic and the
  subject of the verb a participle goes with;
- for a bare role or descriptor (المتحدث، المسؤول نفسه، الأخير), the people the
  document named with a role before it.

Every option carries sparse features (a dict of name → value): where it came from,
its distance to the cue in characters and sentences, gender and number agreement
with the cue, its kind, whether it has a role and a full name, whether a
descriptor's head is in its role, and whether the nearest mention sits inside a
quotation. Named-entity mentions from a tagger can be added as one more origin
(``extra`` in :func:`speaker_options`).
"""

from __future__ import annotations

import bisect
import functools
import math
import itertools
from typing import Iterable, Iterator, Sequence, overload

import attrs

from .attribute import Candidate, DocumentView
from .lexicon import Lexicons
from .normalize import fold, strip_article
from .speakers import _SOURCE_KINDS, Entity, Mention, Resolved, SpeakerResolver, _nominative, word_class

MAX_HISTORY = 4     # earlier speakers offered, most recent first
MAX_NEARBY = 6      # entities named in the sentence and the paragraph before
MAX_ROLED = 6       # people named with a role, for a descriptor
SETTLED = "settled"  # the feature of a rules' pick that the ranker keeps
# how many people named with a role a descriptor looks back over: enough for any news
# article, and a bound on the cost per quote in a document that repeats its names
MAX_ROLED_SCAN = 400
MAX_NEARBY_SCAN = 400  # likewise, the mentions the nearby entities are looked for among
_LATEST = frozenset({"الاخير", "الاخيره", "والاخير", "والاخيره"})  # الأخير: the one named last


@attrs.frozen
class SpeakerOption:
    """One possible speaker for a quote; ``resolved`` None is "no speaker"."""

    resolved: Resolved | None
    features: dict[str, float]

    @property
    def name(self) -> str | None:
        return self.resolved.entity.name if self.resolved is not None else None


def context_of(cand: Candidate) -> str:
    """How the cue gives its source: a name, a bare role or descriptor, or nothing."""
    m = cand.mention
    if m is None:
        return "implicit"
    if m.name:
        return "named"
    return "descriptor" if m.kind == "person" or m.role else "body"


@attrs.define
class _Option:
    entity: Entity | None
    mention: Mention | None = None
    origins: dict[str, float] = attrs.field(factory=dict)
    nearest: int | None = None  # offset of its closest mention before the cue


@functools.lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """The folded form of a name or role (cached: the same names come back per quote)."""
    return fold(name)


def document_mentions(scanned: Sequence[tuple[int, Mention]]) -> list[Entity]:
    """Every person the document names and every body or document it designates
    (coref.scan_mentions), as entities: also the bare names and unexplained
    designations that the resolver's index leaves out (it keeps only names with a
    role), as options of lower standing."""
    found: list[Entity] = []
    for _, m in scanned:
        if m.name:
            found.append(Entity(m.name, m.name_key, m.role, m.kind, m.start, m.feminine, m.head))
        elif m.kind in _SOURCE_KINDS:
            named = _nominative(m)
            found.append(Entity(named, tuple(fold(named).split()), None, m.kind, m.start, m.feminine, m.head))
    return found


def _token_at(view: DocumentView, offset: int, cache: dict[object, object]) -> tuple[int, int] | None:
    """(paragraph, token index) of the token that starts at ``offset``."""
    starts = cache.get("paragraph starts")
    if starts is None:
        starts = cache["paragraph starts"] = [para.start for para in view.paragraphs]
    p = bisect.bisect_right(starts, offset) - 1  # type: ignore[arg-type]
    if p < 0:
        return None
    tokens = view.paragraphs[p].tokens
    token_starts = cache.get(("token starts", p))
    if token_starts is None:
        token_starts = cache[("token starts", p)] = [t.start for t in tokens]
    k = bisect.bisect_left(token_starts, offset)  # type: ignore[arg-type]
    return (p, k) if k < len(tokens) and tokens[k].start == offset else None


def _context_features(view: DocumentView, offset: int, lex: Lexicons,
                      cache: dict[object, object]) -> dict[str, float]:
    """What stands before a mention: a speech verb (its subject), another word that
    may be a verb, a preposition (an adjunct), or the sentence start."""
    known = cache.get(("context", offset))
    if known is not None:
        return known  # type: ignore[return-value]
    at = _token_at(view, offset, cache)
    feats = _context_at(view, at, lex) if at is not None else {}
    cache[("context", offset)] = feats
    return feats


def _context_at(view: DocumentView, at: tuple[int, int], lex: Lexicons) -> dict[str, float]:
    p, k = at
    s0, _ = view.sentence_of(p, k)
    if k == s0:
        return {"m_sentence_start": 1.0}
    prev = view.paragraphs[p].tokens[k - 1]
    if prev.kind != "word":
        return {"m_after_punct": 1.0}
    c = word_class(prev, lex)
    if c == "cue":
        return {"m_after_cue": 1.0}
    if c in ("preposition", "pronoun-pp"):
        return {"m_after_preposition": 1.0}
    if c in ("common", "name") and k - 1 == s0:
        return {"m_after_opening_word": 1.0}  # وأعلن الوزير، استقبل الرئيس: an opening verb's subject
    return {f"m_after_{c}": 1.0}


class HistoryPrefix(Sequence[tuple[int, Entity]]):
    """The first ``n`` entries of the resolver's speaker history, without copying them:
    the history only grows, and a copy per quote would make a document's cost grow
    with the square of its quotes."""

    def __init__(self, history: list[tuple[int, Entity]], n: int) -> None:
        self._history, self._n = history, n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> tuple[int, Entity]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[int, Entity]]: ...

    def __getitem__(self, i: int | slice) -> tuple[int, Entity] | Sequence[tuple[int, Entity]]:
        if isinstance(i, slice):
            return self._history[:self._n][i]
        if not -self._n <= i < self._n:
            raise IndexError(i)
        return self._history[i % self._n]

    def __iter__(self) -> Iterator[tuple[int, Entity]]:
        return itertools.islice(self._history, self._n)

    def __reversed__(self) -> Iterator[tuple[int, Entity]]:
        return (self._history[i] for i in range(self._n - 1, -1, -1))


def _spoken_index(history: Sequence[tuple[int, Entity]],
                  cache: dict[object, object]) -> tuple[dict[str, list[int]], dict[str, Entity]]:
    """Where each name spoke (sorted offsets) and the speakers by name, the most recent
    last; kept up to date as the history grows rather than rebuilt per quote."""
    known = cache.get("spoken")
    if known is None:
        known = cache["spoken"] = [0, {}, {}]
    done, spoke, recent = known  # type: ignore[misc]
    for at, e in itertools.islice(history, done, None):
        key = _key(e.name)
        bisect.insort(spoke.setdefault(key, []), at)
        recent.pop(key, None)
        recent[key] = e
    known[0] = len(history)  # type: ignore[index]
    return spoke, recent


def _people_with_role(resolver: SpeakerResolver,
                      cache: dict[object, object]) -> tuple[list[int], list[Entity]]:
    """The people the document names with a role, by offset (and their offsets);
    rebuilt only when the resolver has indexed a new entity."""
    n = len(resolver.entities)
    known = cache.get("people with role")
    if known is None or known[0] != n:  # type: ignore[index]
        people = sorted((e for e in resolver.entities if e.kind == "person" and e.role),
                        key=lambda e: e.position)
        known = cache["people with role"] = (n, [e.position for e in people], people)
    return known[1], known[2]  # type: ignore[index,return-value]


def _first_entity_with(resolver: SpeakerResolver, words: Sequence[str],
                       cache: dict[object, object]) -> Entity | None:
    """The first entity the resolver indexed whose name has all of ``words``: looked up
    through the distinct names that hold the word, not by scanning every entity."""
    n = len(resolver.entities)
    known = cache.get("names by word")
    if known is None or known[0] != n:  # type: ignore[index]
        first: dict[tuple[str, ...], tuple[int, Entity]] = {}
        by_word: dict[str, list[tuple[str, ...]]] = {}
        for index, e in enumerate(resolver.entities):
            if e.key and e.key not in first:
                first[e.key] = (index, e)
                for w in set(e.key):
                    by_word.setdefault(w, []).append(e.key)
        known = cache["names by word"] = (n, first, by_word)
    _, first, by_word = known  # type: ignore[misc]
    want = set(words)
    if not want:
        return next((e for e in resolver.entities if e.key), None)
    keys = min((by_word.get(w, []) for w in want), key=len)
    hits = [first[k] for k in keys if want <= set(k)]
    return min(hits, key=lambda t: t[0])[1] if hits else None


def _nearest_first(positions: list[int], placed: list[tuple[int, Entity, bool]], lo: int, hi: int,
                   pos: int) -> Iterator[tuple[int, Entity, bool]]:
    """The mentions placed[lo:hi] by distance from ``pos``, nearest first (the earlier of
    two at the same distance first), at most MAX_NEARBY_SCAN of them: a paragraph that
    repeats a few names many times costs no more per quote than a short one."""
    left = bisect.bisect_left(positions, pos, lo, hi) - 1
    right = left + 1
    for _ in range(MAX_NEARBY_SCAN):
        if left >= lo and (right >= hi or pos - positions[left] <= positions[right] - pos):
            at, e, known = placed[left]
            left -= 1
        elif right < hi:
            at, e, known = placed[right]
            right += 1
        else:
            return
        yield at, e, known


def _nearest_before(offsets: list[int], pos: int) -> int | None:
    i = bisect.bisect_left(offsets, pos)
    return offsets[i - 1] if i else None


def _any_within(offsets: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(offsets, lo)
    return i < len(offsets) and offsets[i] < hi


def _canonical(resolver: SpeakerResolver, ent: Entity, cache: dict[object, object]) -> Entity:
    """The fullest entity the document has for ``ent`` (مارلو → بيتر مارلو)."""
    if not ent.key or ent.kind != "person":
        return ent
    known = (ent.key, len(resolver.entities))
    best = cache.get(known)
    if best is None:
        want = set(ent.key)
        fuller = [e for e in resolver.entities if e.kind == "person" and want <= set(e.key)]
        best = max(fuller, key=lambda e: (len(e.key), -e.position)) if fuller else ent
        cache[known] = best
    assert isinstance(best, Entity)
    if len(best.key) <= len(ent.key):
        return ent
    return attrs.evolve(ent, name=best.name, key=best.key, role=ent.role or best.role)


def _index(resolver: SpeakerResolver, mentions: Sequence[Entity],
           cache: dict[object, object]) -> tuple[list[int], list[tuple[int, Entity, bool]], dict[str, list[int]]]:
    """The document's entities and mentions by offset, and the offsets of each name;
    rebuilt only when the resolver has indexed a new entity."""
    n = len(resolver.entities)
    known = cache.get("index")
    if known is not None and known[0] == n:  # type: ignore[index]
        return known[1]  # type: ignore[index,return-value]
    indexed = {(e.position, _key(e.name)) for e in resolver.entities}
    placed = [(e.position, e, True) for e in resolver.entities]
    placed += [(e.position, e, False) for e in mentions if (e.position, _key(e.name)) not in indexed]
    placed.sort(key=lambda t: t[0])
    where: dict[str, list[int]] = {}
    for e in list(resolver.entities) + list(mentions):
        where.setdefault(_key(e.name), []).append(e.position)
    for offsets in where.values():
        offsets.sort()
    built = ([t[0] for t in placed], placed, where)
    cache["index"] = (n, built)
    return built


def speaker_options(view: DocumentView, cand: Candidate, rule_pick: Resolved | None,
                    resolver: SpeakerResolver, history: Sequence[tuple[int, Entity]],
                    mentions: Sequence[Entity] = (),
                    extra: Iterable[tuple[str, Entity, int]] = (),
                    cache: dict[object, object] | None = None) -> list[SpeakerOption]:
    """The options for ``cand``: the rules' pick first, then "no speaker", then the
    alternatives. ``history`` is the speakers before this quote; ``mentions`` the
    document's (document_mentions); ``extra`` more
    (origin, entity, offset) mentions, such as a tagger's; ``cache`` one dict per
    document, for what does not change from quote to quote."""
    cache = {} if cache is None else cache
    lex = view.lexicons or resolver.lex
    pos = cand.position
    para = view.paragraphs[cand.paragraph]
    prev_start = view.paragraphs[cand.paragraph - 1].start if cand.paragraph > 0 else para.start
    options: dict[str, _Option] = {}

    def add(ent: Entity | None, origin: str, value: float = 1.0, mention: Mention | None = None) -> None:
        if ent is None:
            return
        ent = _canonical(resolver, ent, cache)
        key = _key(ent.name)
        if not key:
            return
        opt = options.setdefault(key, _Option(ent, mention))
        opt.origins[origin] = max(opt.origins.get(origin, 0.0), value)

    if rule_pick is not None and rule_pick.mention is not None and not rule_pick.mention.name \
            and fold(rule_pick.mention.text).split()[:1] and fold(rule_pick.mention.text).split()[0] in _LATEST:
        # الأخير names nobody: it is the man (الأخيرة: the woman) named last before it
        feminine = fold(rule_pick.mention.text).split()[0].endswith("ه")
        # (people named with a role, or who spoke: a bare name is too weak a reading)
        named = [attrs.evolve(e, position=at) for at, e in
                 [(e.position, e) for e in resolver.entities] + list(history)
                 if e.kind == "person" and prev_start <= at < rule_pick.mention.start
                 and (e.feminine is None or e.feminine == feminine)]
        if named:
            last = max(named, key=lambda e: e.position)
            fuller = [e for e in named if set(last.key) <= set(e.key)]  # ماهر الجلاصي for الجلاصي
            rule_pick = Resolved(max(fuller, key=lambda e: (len(e.key), e.role is not None)), rule_pick.mention)
    if rule_pick is not None:
        add(rule_pick.entity, "rule", mention=rule_pick.mention)
    spoke, recent = _spoken_index(history, cache)
    for rank, ent in enumerate(itertools.islice(reversed(recent.values()), MAX_HISTORY), 1):
        add(ent, f"hist{rank}")
    for extra_origin, ent, _offset in extra:
        add(ent, extra_origin)
    # the document's entities named near the cue: before it in this or the previous
    # paragraph, or after it in its sentence
    s0, s1 = view.sentence_of(cand.paragraph, cand.cue.index) if cand.cue is not None \
        else (0, len(para.tokens))
    cache["cue sentence start"] = s0
    sent_start = para.tokens[s0].start if para.tokens else para.start
    sent_end = para.tokens[s1 - 1].end if para.tokens else para.end
    positions, placed, where_named = _index(resolver, mentions, cache)
    lo, hi = bisect.bisect_left(positions, prev_start), bisect.bisect_left(positions, sent_end)
    rank: list[str] = []
    for at, e, known in _nearest_first(positions, placed, lo, hi, pos):
        if cand.start <= at < cand.end:
            continue  # named inside the quote itself: what the source speaks of, not who speaks
        key = _key(_canonical(resolver, e, cache).name)
        if key in rank:
            continue
        rank.append(key)
        add(e, f"near{len(rank)}")
        if not known:
            add(e, "unindexed")
        if len(rank) >= MAX_NEARBY:
            break
    ctx = context_of(cand)
    if ctx == "descriptor":
        roled_at, roled = _people_with_role(resolver, cache)
        last = bisect.bisect_left(roled_at, pos)
        done: list[str] = []
        for e in reversed(roled[max(0, last - MAX_ROLED_SCAN):last]):
            key = _key(_canonical(resolver, e, cache).name)
            if key in done:
                continue
            done.append(key)
            add(e, f"roled{len(done)}")
            if len(done) >= MAX_ROLED:
                break
    for origin, m in (("topic", cand.topic), ("clause", cand.clause_subject)):
        if m is not None and m.name:
            found = _first_entity_with(resolver, m.name_key, cache)
            ent = found or Entity(m.name, m.name_key, m.role, m.kind, m.start, m.feminine, m.head)
            add(ent, origin)
    built = []
    for key, opt in options.items():
        named_at, spoke_at = where_named.get(key, []), spoke.get(key, [])
        before = [p for p in (_nearest_before(named_at, pos), _nearest_before(spoke_at, pos)) if p is not None]
        nearest = max(before) if before else None
        after = _any_within(named_at, pos, sent_end) or _any_within(spoke_at, pos, sent_end)
        feats, base = _features(view, cand, ctx, opt, key, nearest, after, len(named_at) + len(spoke_at),
                                sent_start, para.start, prev_start, history, lex, cache)
        built.append((opt, feats, base))
    out = [SpeakerOption(None, _features_of_empty(cand, ctx, rule_pick))]
    for opt, feats, base in built:
        if "rule" in opt.origins and ("topic" in opt.origins or "clause" in opt.origins):
            # the rules' pick is the person the paragraph opens with, or the subject of the
            # verb a participle goes with: syntax gives it, no score overrules it
            feats[SETTLED] = 1.0
        resolved = rule_pick if "rule" in opt.origins else Resolved(opt.entity, None)
        out.append(SpeakerOption(resolved, feats))
    return out


def _features_of_empty(cand: Candidate, ctx: str, rule_pick: Resolved | None) -> dict[str, float]:
    f = {"empty": 1.0, f"empty:{ctx}": 1.0, f"empty:type={cand.type}": 1.0}
    if rule_pick is None:
        f["empty:rule_none"] = 1.0
        f[f"empty:rule_none:{ctx}"] = 1.0
    else:
        f[f"empty:rule_kind={rule_pick.entity.kind}"] = 1.0
    if cand.impersonal:
        f["empty:impersonal"] = 1.0
    if cand.cue is not None:
        f[f"empty:cue={cand.cue.kind}"] = 1.0
    return f


def _features(view: DocumentView, cand: Candidate, ctx: str, opt: _Option, key: str, nearest: int | None,
              after: bool, count: int, sent_start: int, para_start: int, prev_start: int,
              history: Sequence[tuple[int, Entity]], lex: Lexicons,
              cache: dict[object, object]) -> tuple[dict[str, float], dict[str, float]]:
    first_quote = not history
    ent = opt.entity
    assert ent is not None
    base: dict[str, float] = dict(opt.origins)
    pos = cand.position
    if nearest is not None:
        base["logdist"] = math.log1p(pos - nearest) / 10
        if nearest >= sent_start:
            base["in_sentence"] = 1.0
        elif nearest >= para_start:
            base["in_paragraph"] = 1.0
        elif nearest >= prev_start:
            base["prev_paragraph"] = 1.0
        else:
            base["earlier"] = 1.0
        if view.inside_quote(nearest) is not None:
            base["in_quote"] = 1.0
        if history and nearest > history[-1][0]:
            base["named_since_last_quote"] = 1.0
        base.update(_context_features(view, nearest, lex, cache))
    else:
        base["never_before"] = 1.0
    if after:
        base["after_cue"] = 1.0
    if cand.feminine is None or ent.feminine is None:
        base["gender_unknown"] = 1.0
    elif cand.feminine == ent.feminine:
        base["gender_agree"] = 1.0
    else:
        base["gender_clash"] = 1.0
    plural_kind = ent.kind in ("group", "organization")
    base[f"number:{'pl' if cand.plural else 'sg'}:{'body' if plural_kind else 'one'}"] = 1.0
    base[f"kind={ent.kind}"] = 1.0
    if ent.role:
        base["has_role"] = 1.0
    if len(ent.key) >= 2:
        base["full_name"] = 1.0
    base["logcount"] = math.log1p(count) / 3
    if first_quote:
        base["first_quote"] = 1.0
    m = cand.mention
    if m is not None and not m.name:
        head = m.head
        role_words = {strip_article(w) for w in _key(ent.role or "").split()}
        if head and (head in role_words or head.rstrip("ه") in {w.rstrip("ه") for w in role_words}):
            base["head_in_role"] = 1.0
        if fold(m.text).split()[:1] and fold(m.text).split()[0] in _LATEST:
            base["latest_word"] = 1.0
    f: dict[str, float] = {}
    for name, value in base.items():
        f[name] = value
        f[f"{name}:{ctx}"] = value
    if "latest_word" in base:
        for name in opt.origins:
            f[f"{name}:latest"] = 1.0
    if cand.cue is not None:
        f[f"rule:cue={cand.cue.kind}"] = f.get("rule", 0.0)
        if cand.cue.index == cache.get("cue sentence start"):
            for name in ("hist1", "near1", "near2", "in_sentence", "named_since_last_quote", "rule"):
                if name in base:
                    f[f"{name}:cue_opens_sentence"] = base[name]
    return f, base
