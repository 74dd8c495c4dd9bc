"""Stage 3: from cues and quotation marks to quote candidates.

For each cue, the words after it are read up to the first complementizer (إن، أن،
بأن …), colon or opening quotation mark: that *zone* holds the speaker (Arabic is
mostly verb-subject), and what ends it decides the quote's type:

    وقال كارتر: "…"          colon + mark      → direct
    وتابع كارتر "…"          mark              → direct
    وأضاف أن "…" والسماح …   complementizer    → mixed (marks inside) or indirect
    وأكد كارتر التزام …      nothing           → reported (frames that take an object)
    "…"، قال كارتر           mark before cue   → direct
    … حسب X / حسب X، …       according marker  → according

A parse, when one is given (parse.py), adds speakers and names the rules missed;
without it these rules stand alone.
"""

from __future__ import annotations

import bisect
from typing import Sequence

import attrs

from .cues import CueHit, find_cues, lookup_cue_word, match_according, opens_report
from .lexicon import Lexicons
from .marks import Quoted, pair_quotation_marks
from .normalize import fold, has_article, strip_article
from .segment import Paragraph, Token, sentence_bounds, split_paragraphs
from .speakers import Mention, _quoted_name, possessed_title, read_mention, word_class

MAX_ZONE = 30          # tokens between a cue and its complementizer, colon or mark
_COMMAS = frozenset("،,")
_CLAUSE_STOPS = frozenset("؛;")
_HASB = frozenset({"حسب", "بحسب", "حسبما"})  # according-to markers that need no comma
_AMMA = frozenset({"اما", "واما"})  # أما X فقال: the topic before ف+verb is its subject


@attrs.define
class Candidate:
    """A quote found by the rules, before its speaker is resolved."""

    type: str
    start: int
    end: int
    paragraph: int
    cue: CueHit | None = None
    cue_token: Token | None = None
    mention: Mention | None = None
    topic: Mention | None = None  # the person the paragraph opens with, for subject-less cues
    # a participle cue's source when its sentence opens with another verb and its subject
    # (واستهجن المواطن وصف المقدم …، قائلا): the participle goes with that verb
    clause_subject: Mention | None = None
    feminine: bool | None = None
    plural: bool = False
    confidence: float = 0.5
    rule: str = ""
    impersonal: bool = False  # يقال إن …: no speaker, and none from context
    zone_end: int = -1        # token index after the cue's zone: where the parse stops being useful

    @property
    def position(self) -> int:
        return self.cue_token.start if self.cue_token is not None else self.start


@attrs.define
class DocumentView:
    """A document as the rules see it: paragraphs, tokens, paired marks."""

    text: str
    paragraphs: list[Paragraph]
    quoted: list[Quoted]
    sentences: list[list[tuple[int, int]]]
    opens: dict[tuple[int, int], Quoted]   # (paragraph, token) of an opening mark → quote
    closes: dict[tuple[int, int], Quoted]  # (paragraph, token) of a closing mark → quote
    lexicons: Lexicons | None = None       # this document's lexicons (with the names it introduces)
    # indexes, so that a look-up costs the same however many quotes the document has:
    # (paragraph, close token) → the first opening token of a quote opened in that
    # paragraph and closed there; and the quotes' starts, when they are sorted and
    # do not overlap (else None, and inside_quote scans)
    _first_open_before_close: dict[tuple[int, int | None], int] = attrs.field(factory=dict)
    _starts: list[int] | None = None
    _sentence_starts: list[list[int]] = attrs.field(factory=list)  # per paragraph (sentences are in order)

    @classmethod
    def build(cls, text: str) -> "DocumentView":
        paragraphs = list(split_paragraphs(text))
        quoted = pair_quotation_marks(text, paragraphs)
        opens = {(q.paragraph, q.open_token): q for q in quoted}
        closes = {(q.end_paragraph, q.close_token): q for q in quoted if q.close_token is not None}
        sentences = [sentence_bounds(p.tokens) for p in paragraphs]
        view = cls(text, paragraphs, quoted, sentences, opens, closes)
        for q in opens.values():
            key = (q.paragraph, q.close_token)
            view._first_open_before_close[key] = min(q.open_token, view._first_open_before_close.get(key, q.open_token))
        view._sentence_starts = [[a for a, _ in bounds] for bounds in sentences]
        if all(a.end <= b.start for a, b in zip(quoted, quoted[1:])):
            view._starts = [q.start for q in quoted]
        return view

    def closes_quote_opened_before(self, p: int, close_token: int, a: int) -> bool:
        """Whether a mark at token ``close_token`` closes a quote opened in paragraph
        ``p`` before token ``a``."""
        first = self._first_open_before_close.get((p, close_token))
        return first is not None and first < a

    def sentence_of(self, p: int, i: int) -> tuple[int, int]:
        s = bisect.bisect_right(self._sentence_starts[p], i) - 1
        if s >= 0:
            a, b = self.sentences[p][s]
            if a <= i < b:
                return a, b
        return 0, len(self.paragraphs[p].tokens)

    def inside_quote(self, offset: int) -> Quoted | None:
        """The first quote whose content holds ``offset``."""
        if self._starts is not None:
            i = bisect.bisect_right(self._starts, offset) - 1
            if i >= 0 and offset < self.quoted[i].end:
                return self.quoted[i]
            return None
        for q in self.quoted:
            if q.start <= offset < q.end:
                return q
        return None


def find_candidates(view: DocumentView, lex: Lexicons) -> list[Candidate]:
    """All quote candidates of a document, in text order, without overlaps."""
    found: list[Candidate] = []
    for p, para in enumerate(view.paragraphs):
        tokens = para.tokens
        headline = _headline(view, p, lex)
        if headline is not None:
            found.append(headline)
            continue
        taken_until = -1  # offset up to which this paragraph's text is already content
        for hit in find_cues(tokens, lex):
            tok = tokens[hit.index]
            inside = view.inside_quote(tok.start)
            if inside is not None and inside.closed and not (
                    hit.index > 0 and _narration_break(tokens, hit.index - 1, lex)
                    and _narration_inside(view, inside, lex) == hit.index - 1):
                continue  # an attribution nested in someone's quote belongs to that quote
            if tok.start < taken_until:
                continue
            if hit.kind == "according":
                relay = _relay_end(tokens, hit.index + hit.length, lex)
                if relay > hit.index + hit.length and any(
                        t.norm.endswith("ما") for t in tokens[hit.index:relay]):
                    # بحسب ما ذكر، حسبما أكدته: the verb is the marker's, no new cue
                    # (بحسب رأيه "in his view" has no ما: رأيه may still be one)
                    taken_until = max(taken_until, tokens[relay - 1].end)
                cand = _according(view, p, hit, lex, found)
                if cand is None and hit.length > 1 and tokens[hit.index].norm.endswith("كما"):
                    # كما أكد المصدر ضرورة …: no claim before it, so the verb is the cue
                    verb = next(find_cues(tokens[hit.index + 1:hit.index + 2], lex), None)
                    if verb is not None:
                        cand = _speech(view, p, attrs.evolve(verb, index=hit.index + 1), lex)
            else:
                cand = _speech(view, p, hit, lex)
            if cand is None:
                continue
            found.append(cand)
            taken_until = max(taken_until, cand.end)
    found.sort(key=lambda c: (c.start, -c.end))
    return _drop_overlaps(found)


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            prev = kept[-1]
            # keep the one with the stronger evidence
            if c.confidence > prev.confidence:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


# -- the zone after a cue

def _scan_zone(view: DocumentView, p: int, i: int, limit: int, lex: Lexicons,
               preps: tuple[str, ...] = ()) -> tuple[int, str]:
    """Index and kind of what ends the zone after a cue: comp, colon, mark, cue or end.

    A short quoted name inside the zone (في حديث لـ"العربية.نت" أنه، مجموعة "آي اتش
    اس" في بكين: "…") does not end it when a complementizer, colon or quotation
    follows further on."""
    tokens = view.paragraphs[p].tokens
    k = i
    object_seen = False  # the verb's preposition has opened its object (اعترض على ألفاظ …)
    while k < limit and k - i < MAX_ZONE:
        tok = tokens[k]
        if tok.kind == "word" and tok.norm in preps:
            object_seen = True
        if object_seen and tok.kind == "word" and tok.norm in lex.group("relative"):
            return k, "end"  # … على ألفاظ المقدم التي لا يمكن أن تقال: that أن is the relative clause's
        if tok.kind == "mark" and (p, k) in view.opens:
            q = view.opens[(p, k)]
            if k > i and tokens[k - 1].norm in lex.group("naming") and q.closed and q.end_paragraph == p \
                    and q.close_token is not None:
                k = q.close_token + 1  # أغنية تحمل اسم "…": a title, and the clause goes on
                continue
            quoted_words = len(view.text[q.start:q.end].split())
            if ((k > i or _quoted_name(tokens, k, limit, lex)) and q.closed and q.end_paragraph == p
                    and q.close_token is not None
                    and quoted_words <= 5
                    and tokens[k - 1].norm not in preps):  # أشار إلى "تلازم": the object, not a name
                k2, ends2 = _scan_zone(view, p, q.close_token + 1, min(limit, i + MAX_ZONE), lex, preps)
                if ends2 in ("comp", "colon", "mark") and k2 > q.close_token + 1 or (
                        ends2 in ("comp", "colon") and k2 == q.close_token + 1) or (
                        # وجاء عنوان صحيفة «الوطن» «…»: a quoted name, then the quote
                        ends2 == "mark" and k2 == q.close_token + 1 and quoted_words <= 2):  # مجموعة "X": "…"
                    return k2, ends2
            return k, "mark"
        if tok.text == ":":
            return k, "colon"
        if tok.kind == "word":
            if opens_report(tokens, k, lex):
                return k, "comp"
            if k > i and word_class(tok, lex) == "cue" and (
                    tok.norm[:1] in ("و", "ف") or _connector_before(tokens, k, lex)):
                return k, "cue"  # … في حين حذر الأطباء …: a new clause with its own cue
            if tok.norm in lex.group("relative") and k + 1 < limit and word_class(tokens[k + 1], lex) == "cue":
                return k, "cue"  # … هانز كولر الذي يستبعد أن …: the relative clause has its own cue
            if object_seen and (form := lookup_cue_word(tok.norm, lex)) is not None and form.form == "participle" \
                    and not tok.text.endswith("ه"):  # (أمله: his hope, not the participle آملة)
                return k, "cue"  # عبر عن سعادته بإقامة حفلة … موضحا بأنه …: the object ends, the next cue begins
        if tok.text in _COMMAS and k + 1 < limit and tokens[k + 1].kind == "word" \
                and (form := lookup_cue_word(tokens[k + 1].norm, lex)) is not None and form.form != "noun":
            return k, "cue"  # وعبر عن رضاه …، موضحا: «…»: the quote is the next cue's
        if tok.text in _COMMAS and k > i and k + 1 < limit and _is_according_start(tokens, k + 1, lex):
            return k, "end"  # …، حسب ما أورد موقع "الأفق": the source of what precedes
        if tok.sentence_end or tok.text in _CLAUSE_STOPS:
            return k, "end"
        k += 1
    return k, "end"


def clause_end(view: DocumentView, p: int, a: int, lex: Lexicons) -> int:
    """Index (exclusive) where reported content starting at token ``a`` ends: the
    sentence end, a semicolon, or a comma that opens a new attribution."""
    tokens = view.paragraphs[p].tokens
    k = a
    n = len(tokens)
    while k < n:
        tok = tokens[k]
        q = view.opens.get((p, k))
        if q is not None and q.closed:
            brk = _narration_inside(view, q, lex)
            if brk is not None:
                return brk  # أن «… محكمة، موضحا أن …»: the writer speaks again before the mark closes
            if q.end_paragraph != p:
                return n
            k = max(q.close_token + 1, k + 1)
            continue
        if tok.text in _CLAUSE_STOPS and k + 1 < n and tokens[k + 1].norm.startswith(("لان", "لتفادي", "لكي", "حتي")):
            k += 1  # …؛ لأنه «مهدد بالموت»، …؛ لتفادي وقوع ضحايا: the reason goes with the claim
            continue
        if tok.sentence_end or tok.text in _CLAUSE_STOPS:
            return k
        if tok.text in ".…" and k > a and _cue_after_ellipsis(tokens, k, lex):
            return k  # … منذ عقود.. مضيفا …: an ellipsis before a new attribution ends the report
        if k > a + 2 and tok.kind == "word" and _new_attribution(tokens, k, lex):
            return k  # … في اليوم مضيفا أن …: a new attribution without a comma
        if k > a + 3 and tok.kind == "word" and word_class(tok, lex) == "cue" \
                and (opener := _connector_before(tokens, k, lex)):
            return k - opener  # … بينما أكد الوزير …، … في حين حذر الأطباء …: a new clause with its own source
        if k > a + 2 and tok.kind == "word" and k + 1 < n and tok.norm in ("لكنه", "لكنها", "لكنهم") \
                and lookup_cue_word(tokens[k + 1].norm, lex) is not None:
            return k  # … لكنه يأمل بأن …: a new attribution
        if k > a + 2 and tok.kind == "word" and (
                (tok.norm == "كما" and k + 1 < n and lookup_cue_word(tokens[k + 1].norm, lex) is not None)
                or (tok.norm.lstrip("و") in _HASB and _is_according_start(tokens, k, lex))):
            return k  # … كما عبّر الوزير / … حسب الوزير: the source of what precedes
        if tok.text in _COMMAS and k + 1 < n:
            nxt = tokens[k + 1]
            if nxt.kind == "word" and (word_class(nxt, lex) == "cue" or _is_according_start(tokens, k + 1, lex)):
                return k
            if (nxt.kind == "word" and k + 2 < n and word_class(nxt, lex) in ("particle", "pronoun-pp")
                    and word_class(tokens[k + 2], lex) == "cue"):
                return k  # …، لكنه حذر من …: a new attribution after a particle
            if nxt.kind == "word" and word_class(nxt, lex) == "connector" and (
                    nxt.norm == "بينما" or (k + 2 < n and tokens[k + 2].norm in lex.group("complementizer"))):
                return k  # …، بينما اصطف …، إلا أن مراقبين …: a new clause
            if nxt.kind == "word" and word_class(nxt, lex) == "connector" and _reports_again(tokens, k + 2, lex):
                return k  # …، لكن خبراء يتوجسون من أن …: a new source with its own report
            if nxt.norm in ("في", "فى") and k + 3 < n and tokens[k + 2].norm == "اشاره":
                return k  # …، في إشارة إلى …: the writer's gloss, not the source's words (535 in news-raw)
            if nxt.norm in _AMMA and any(t.kind == "word" and t.norm[:1] == "ف" and word_class(t, lex) == "cue"
                                         for t in tokens[k + 3:min(n, k + 9)]):
                return k  # …، أما المعارضة فرأت …: a new attribution (not إما … أو)
        k += 1
    return n


def _reports_again(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """After a connector (لكن، فيما، بينما): a subject of one to three words, then a verb
    and its complementizer (خبراء يتوجسون من أن، مراقبين يرون أن): a new source speaks,
    with a verb the lexicon need not know. (news-raw, a quarter sample: 120 such clauses
    with a common report verb after a comma and a connector)"""
    for m in range(k + 2, min(len(tokens), k + 6)):
        tok = tokens[m]
        if tok.kind != "word":
            return False
        if opens_report(tokens, m, lex):
            v = m - 1 - (tokens[m - 1].norm in ("من", "الي", "علي"))
            verb = tokens[v].norm
            form = lookup_cue_word(verb, lex)
            if form is not None:
                return v > k and form.form == "verb"  # (تتأخر باعتبار أن: a verbal noun, "since")
            return v > k and verb[:1] in ("ي", "ت") and len(verb) >= 4 and verb not in lex.function_words
    return False


def _connector_before(tokens: Sequence[Token], k: int, lex: Lexicons) -> int:
    """How many tokens before ``k`` make a connector that opens a new clause (بينما، فيما:
    1; في حين: 2), or 0."""
    if k > 0 and word_class(tokens[k - 1], lex) == "connector":
        return 1
    if k > 1 and tokens[k - 1].norm == "حين" and tokens[k - 2].norm == "في":
        return 2
    return 0


def _cue_after_ellipsis(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """Token ``k`` ends an ellipsis (.. or …) and a speech verb follows it."""
    if k + 1 >= len(tokens) or tokens[k + 1].text in ".…":
        return False
    if tokens[k].text == "." and not (k > 0 and tokens[k - 1].text in ".…"):
        return False
    nxt = tokens[k + 1]
    return nxt.kind == "word" and lookup_cue_word(nxt.norm, lex) is not None


def _new_attribution(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """A participle cue (مضيفا) or a و-verb cue (وأضاف) followed closely by a complementizer."""
    form = lookup_cue_word(tokens[k].norm, lex)
    if form is None or not (form.form == "participle" or tokens[k].norm[:1] in ("و", "ف")):
        return False
    if tokens[k].norm[:1] == "و" and form.form == "verb" and k + 1 < len(tokens) \
            and tokens[k + 1].norm in form.verb.preps and form.verb.frame in ("feel", "urge"):
        return True  # … ردّ على الانتقاد وأعرب عن أسفه: a new cue with its own object
    return any(t.norm in lex.group("complementizer") or t.text == ":" for t in tokens[k + 1:k + 4])


def _is_according_start(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """Whether an according-to marker that can source what precedes starts at ``k``: not
    one before a rule or measure (… وفقا للقانون، حسب العمر), which names no source."""
    hit = match_according(tokens, k, lex)
    if hit is None:
        return False
    j = hit.index + hit.length
    if j < len(tokens) and tokens[j].kind == "word":
        w = tokens[j].norm
        nouns = {strip_article(w)} | ({strip_article(w[1:])} if w.startswith("ل") else set())
        if nouns & lex.non_sources:
            return False
    return True


def _span(view: DocumentView, p: int, a: int, b: int, keep_marks: bool = True) -> tuple[int, int] | None:
    """Offsets of tokens [a, b), trimmed of edge punctuation (marks kept when asked)."""
    tokens = view.paragraphs[p].tokens
    while a < b and (tokens[a].kind == "punct" or (tokens[a].kind == "mark" and not keep_marks)):
        a += 1
    while b > a and (tokens[b - 1].kind == "punct" or (tokens[b - 1].kind == "mark" and not keep_marks)):
        b -= 1
    if b <= a:
        return None
    return tokens[a].start, tokens[b - 1].end


def _speech(view: DocumentView, p: int, hit: CueHit, lex: Lexicons) -> Candidate | None:
    tokens = view.paragraphs[p].tokens
    i = hit.index
    if _sourceless_before_complementizer(tokens, i, lex):
        return None
    if hit.lemma == "كتب" and i == 0 and i + 1 < len(tokens) and tokens[i + 1].text in ("-", "–", "—", ":"):
        return None  # كتب - حسن عبدالنبي: a byline, the article's writer, not a quote
    s0, s1 = view.sentence_of(p, i)
    after = i + hit.length
    k, ends = _scan_zone(view, p, after, len(tokens), lex, hit_preps(hit))
    mention = None
    if hit.frame == "relay":
        # نقلت الوكالة عن المصدر قوله: the agency relays, the source speaks; without عن
        # the verb means to move (نقله إلى المستشفى)
        relay = next((j for j in range(after, k) if tokens[j].norm == "عن"), None)
        if relay is None:
            return None
        mention = read_mention(view.text, tokens, relay + 1, k, lex)
    relative = hit.kind == "verb" and i > s0 and tokens[i - 1].norm in lex.group("relative")
    if relative and mention is None:
        # الاتحاد الذي يأمل تجنب …: a relative clause's verb speaks for the antecedent, and
        # what follows the verb is its object, unless it is the antecedent's own person
        # (النادي الذي أعرب مدربه كارلوس مينديز عن …)
        own = read_mention(view.text, tokens, after, k, lex)
        if own is not None and own.kind == "person" and own.name and possessed_title(tokens[own.first], lex):
            mention = own
        else:
            mention = _subject_before(view, p, i, s0, lex, antecedent=True)
        if mention is None and ends == "end":
            # الكارثة التي تهدد البلاد، المخاطر التي تهدد الاستقرار: an antecedent that
            # cannot speak, and no clause or quotation after the verb, so no report (news-raw,
            # a quarter sample: 224 الذي/التي before يهدد، يكشف، يؤكد، يشير، يطالب …)
            return None
    before = None  # the subject written before the verb, looked for once
    if hit.kind == "verb" and mention is None and not relative:
        before = _subject_before(view, p, i, s0, lex)
        if before is not None and (
                (before.first > s0 and word_class(tokens[before.first - 1], lex) in ("kana", "complementizer"))
                or (before.first == s0 and before.last == i and tokens[i].norm[:1] not in ("و", "ف"))
                or (before.first > s0 and tokens[before.first - 1].norm in _AMMA
                    and tokens[i].norm[:1] == "ف")):
            # وكان لافروف اتهم واشنطن …، بريطانيا تعتبر سوريا …، يذكر أن الشركة اتهمت الحكومة
            # …، أما الوزير فأكد …: the subject opens the sentence or follows كان, أن or أما,
            # and what comes after the verb is its object
            mention = before
    if hit.kind == "verb" and mention is None and not relative:
        mention = read_mention(view.text, tokens, after, k, lex)
        if mention is not None and mention.name and _glued_preposition(tokens[mention.first], hit, lex):
            mention = None  # وعدت باتخاذ …: the verb's preposition, glued, starts its object
        weak = mention is not None and (mention.kind == "unknown" or (
            mention.name is None and mention.kind == "organization" and mention.head not in lex.source_kinds))
        if weak and (ends == "end" or hit.frame in ("urge", "announce")):
            mention = None  # a bare definite noun after the verb is its object (حذر المستهلكين من …)
        if mention is None:
            mention = before
    as_noun = hit.kind == "noun" or (hit.kind == "participle" and i > s0 and word_class(tokens[i - 1], lex) in (
        "preposition", "adverb"))  # عقب مطالبة: after a preposition the word is a verbal noun
    if as_noun and mention is None and after < k:
        # عقب مطالبة كندا المملكة ب…: the genitive after a verbal noun is its agent
        # when it names a source (a country, a body, a named person)
        agent = read_mention(view.text, tokens, after, k, lex, skip_adverbs=False)
        if agent is not None and agent.first == after and (
                word_class(tokens[after], lex) == "place" or (agent.kind == "person" and agent.name)
                or (agent.kind == "organization" and agent.head in lex.source_kinds)):
            mention = agent
    if mention is None and hit.form is not None and hit.form.verb.source_in:
        j = after + (after < k and tokens[after].norm in ("ذلك", "هذا"))
        if j + 1 < k and tokens[j].norm == "في" and word_class(tokens[j + 1], lex) == "document":
            # وجاء في بيان رئيس الإقليم مسعود برزاني «…»: whose text it is
            mention = read_mention(view.text, tokens, j + 1, k, lex, skip_adverbs=False)
            if mention is not None and mention.kind == "document" and not mention.name:
                mention = None  # وجاء في الرسالة: the letter of whoever was just named
    if mention is None and hit.plural and hit.kind in ("verb", "participle"):
        mention = _plural_source_before(view, p, i, s0, lex)
    cand = Candidate("indirect", 0, 0, p, cue=hit, cue_token=tokens[i], mention=mention,
                     feminine=_gender(hit), plural=hit.plural, impersonal=hit.frame == "impersonal",
                     zone_end=min(k + 1, len(tokens)))
    if mention is None and not cand.impersonal:
        cand.topic = _paragraph_topic(view, p, i, lex)
    if mention is None and (hit.kind == "participle" or (hit.kind == "verb" and i > s0 and (
            tokens[i - 1].norm == "ما" or _coordinated(tokens, i)))):
        # واستهجن المواطن …، قائلا، جمدت السعودية … بسبب ما وصفته، اعتذر المدرب … وقال: the
        # subject of the verb that opens the sentence speaks
        cand.clause_subject = _opening_subject(view, p, i, s0, lex)
    if ends == "comp" and hit.frame in ("announce", "urge", "feel") \
            and not (hit.form is not None and hit.form.verb.describes):
        # نفت أنقرة أمس اتهام أثينا لها بأنها …: a noun object before the complementizer
        # is the claim, and the complementizer belongs to it
        a = _object_start(tokens, after, k, mention, lex)
        if k - a >= 2 and word_class(tokens[a], lex) in ("common", "definite") and not any(
                t.kind == "punct" for t in tokens[a:k]):
            b = clause_end(view, p, a, lex)
            span = _span(view, p, a, b)
            if span is not None:
                cand.type, (cand.start, cand.end) = "reported", span
                cand.confidence, cand.rule = 0.55, "object+comp"
                return cand
    if ends == "comp":
        a = k + 1
        b = clause_end(view, p, a, lex)
        while b > a and tokens[b - 1].kind in ("mark", "punct") and view.closes_quote_opened_before(p, b - 1, a):
            b -= 1  # … موضحا أن سفينة وصلت» : the mark closes a quote opened before the cue
        span = _span(view, p, a, b)
        if span is None:
            return None
        cand.type = "mixed" if _quotes_speech(view, p, a, b, lex) else "indirect"
        cand.start, cand.end = span
        cand.confidence = 0.8 if mention or hit.kind != "verb" else 0.7
        cand.rule = "comp"
        return cand
    if ends == "colon":
        q = view.opens.get((p, k + 1))
        if q is not None:
            return _direct(view, cand, q, "colon+mark", lex)
        b = clause_end(view, p, k + 1, lex)
        span = _span(view, p, k + 1, b)
        if span is None:
            return None
        cand.type, (cand.start, cand.end) = "indirect", span
        cand.confidence, cand.rule = 0.6, "colon"
        return cand
    if ends == "mark":
        q = view.opens[(p, k)]
        prev = tokens[k - 1] if k > after else None
        glued_prefix = prev is not None and prev.end == tokens[k].start
        after_prep = prev is not None and (prev.norm in hit_preps(hit) or prev.norm in ("الي", "علي", "من", "عن", "ب"))
        quoted_words = len(view.text[q.start:q.end].split())
        short, short_name = quoted_words <= 3, quoted_words < 2
        if q.closed and q.end_paragraph == p and (after_prep or glued_prefix or (short and hit.frame != "say")):
            b = clause_end(view, p, k, lex)
            if after_prep and not short_name and q.close_token is not None and q.close_token + 1 < b \
                    and tokens[q.close_token + 1].text in _COMMAS:
                b = q.close_token + 1  # حذرت الحكومة من "هجوم كارثي"، يعتزم …: the quoted object ends it
            a = _object_start(tokens, after, k, mention, lex)
            if hit_preps(hit):
                a = _prep_object_start(tokens, a, b, hit, lex, direct=False)
                if a is None:
                    return None
            span = _span(view, p, a, b)
            if span is None:
                return None
            cand.type, (cand.start, cand.end) = "reported", span
            cand.confidence, cand.rule = 0.6, "mark-object"
            return cand
        if short and q.closed and q.close_token is not None and q.end_paragraph == p:
            b = clause_end(view, p, q.close_token + 1, lex)
            if b > q.close_token + 2:
                span = _span(view, p, k, b)
                if span:
                    cand.type, (cand.start, cand.end) = "mixed", span
                    cand.confidence, cand.rule = 0.55, "mark-short"
                    return cand
        if short and q.closed and q.close_token is not None and q.end_paragraph == p \
                and _continues(tokens, q.close_token + 1):
            return None  # a quoted name inside the clause (شركة «زين السعودية» التي …)
        cand = _direct(view, cand, q, "mark", lex)
        if cand is not None and hit.frame == "stance" and k > after and word_class(tokens[k - 1], lex) != "cue":
            cand.confidence = 0.5  # ترى في المونديال وسيلة "…": a stance on a phrase, weak evidence
        return cand
    # nothing ends the zone: a quote before the cue, or a noun object
    before = _closing_mark_before(view, p, i)
    if before is not None and hit.kind != "participle":  # "…"، متعهدا: the quote is the verb's before it
        cand.mention = mention if mention is not None else None
        return _direct(view, cand, before, "mark-before", lex)
    if hit.kind == "noun" or hit.form is None or hit.form.verb.judges:
        return None  # (رفض الحظر، ندد بالهجوم: the target of a judgement is no claim)
    if not _takes_object(hit) or (_present_stance(tokens[i], hit) and (
            relative or mention is None or mention.first > i)):
        return None  # (فرنسا تعتبر ليبيا …: with its subject before it, the verb is active)
    if hit.kind == "verb" and mention is None and not relative and _present_tense(tokens[i]):
        # مما يشير إلى تراجع …، الحمض النووي يكشف أسرارا …: a present-tense verb with no
        # source before or after it reports nothing (news-raw, 2,000 articles: 577 such noun
        # objects; about 16 in 20 read by eye were no quote)
        return None
    a = _object_start(tokens, after, k, mention, lex)
    b = clause_end(view, p, a, lex)
    if hit_preps(hit):
        a = _prep_object_start(tokens, a, b, hit, lex)
        if a is None:
            return None
    b = _object_end(tokens, a, b, lex)
    span = _span(view, p, a, b)
    if span is None:
        return None
    words = sum(1 for t in tokens[a:b] if t.kind == "word")
    if words < 2:
        return None
    first = tokens[a]
    if word_class(first, lex) in ("preposition",) and first.norm not in hit_preps(hit):
        return None
    if word_class(first, lex) == "definite" and not first.norm.startswith(("بال", "لل")) and (
            hit.frame not in ("urge", "feel") and hit.kind != "participle"
            and hit.lemma not in ("وصف", "نفى", "تعهد")):
        return None  # a definite noun after announce/say verbs is rarely the claim (أعلن … الطاقة)
    cand.type, (cand.start, cand.end) = "reported", span
    cand.confidence, cand.rule = 0.5, "object"
    return cand


# ما/مما/وهو ما + a present-tense cue + (إلى) أن: "which indicates that", whose subject is
# the clause before, not a source (news-raw, a quarter sample: 54 such clauses with
# يشير، يؤكد، يوضح، يكشف، يبين; the cue with its own subject, على ما يوضح العلماء, goes on)
_WHICH = frozenset({"ما", "مما", "وما"})


def _sourceless_before_complementizer(tokens: Sequence[Token], i: int, lex: Lexicons) -> bool:
    """A cue right before a complementizer (or its preposition and one) that has no
    source: the writer's note (يذكر أن)، تبين أن "it turned out", مما يشير إلى أن."""
    word = tokens[i].norm
    which = i > 0 and tokens[i - 1].norm in _WHICH and word[:1] in ("ي", "ت")
    if not (which or word in lex.group("writer-note") or word in lex.group("it-turned-out")):
        return False
    j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].norm in ("الي", "ب"))
    return j < len(tokens) and tokens[j].norm in lex.group("complementizer")


# stance verbs whose present tense, without a content clause, is mostly the passive
# (يُعتبر "is considered"): news-raw, a quarter sample: 1,452 يعتبر/تعتبر with no
# complementizer after them, 90 with one within four words (يأمل، تأمل hope: no such sense)
_PASSIVE_PRESENT = frozenset({"اعتبر"})


def _present_stance(tok: Token, hit: CueHit) -> bool:
    """يعتبر، تعتبر with a noun after them (ويعتبر النظام رخيصا، الحدث الذي يعتبر …): no claim."""
    if hit.form is None or hit.kind != "verb" or hit.form.verb.key not in _PASSIVE_PRESENT:
        return False
    word = _without_conjunction(tok)
    return word[:1] in ("ي", "ت") and not word.startswith(hit.form.verb.key)


def _present_tense(tok: Token) -> bool:
    """A verb in the present tense (يشير، وتكشف); تم "was done" is no present."""
    word = _without_conjunction(tok)
    return word[:1] in ("ي", "ت") and not word.startswith("تم")


def _without_conjunction(tok: Token) -> str:
    """The folded verb without a و/ف conjunction (ويشير → يشير)."""
    return tok.norm[1:] if tok.norm[:1] in ("و", "ف") and len(tok.norm) > 3 else tok.norm


def _object_end(tokens: Sequence[Token], a: int, b: int, lex: Lexicons) -> int:
    """Where a noun object (a reported claim) ends before ``b``: at ردا على, which says
    why the source spoke, not what it said (اتهم واشنطن بتسليح المعارضة ردا على …), and
    at the next cue."""
    for k in range(a + 2, b):
        tok = tokens[k]
        if tok.norm == "ردا" and k + 1 < b and tokens[k + 1].norm == "علي":
            return k
        if tok.kind == "word" and tokens[k - 1].norm != "حد" and (form := lookup_cue_word(tok.norm, lex)) is not None \
                and (form.form == "participle" or (form.form == "verb" and tok.norm[:1] in ("و", "ف"))):
            # … الإقدام على الخطوة مطالبا …، … بإلغاء القرار وطالب …: a participle or a new
            # verb opens the next cue's own clause (news-raw, 2,000 articles: 139 of 2,134
            # noun objects ran on into one; على حد وصفه stays the claim's)
            return k
    return b


def _object_start(tokens: Sequence[Token], after: int, limit: int, mention: Mention | None,
                  lex: Lexicons) -> int:
    """Where a verb's object starts: after the subject and any adverbs."""
    a = after
    if mention is not None and mention.first >= after:
        a = mention.last
    while a < limit and (word_class(tokens[a], lex) == "adverb" or tokens[a].kind == "punct"):
        a += 1
    return a


def _prep_object_start(tokens: Sequence[Token], a: int, b: int, hit: CueHit, lex: Lexicons,
                       direct: bool | None = None) -> int | None:
    """Where the object of a verb with prepositions starts, or None when a say verb
    has no such preposition: أشار، لفت، شدد report a noun only through theirs
    (لفت إلى ضرورة …), a noun right after them is their subject or something else
    (ولفت تصريح لأنقرة: a statement drew attention)."""
    verb = hit.form.verb
    start = _after_preposition(tokens, a, b, verb.preps, lex,
                               direct=verb.takes_object if direct is None else direct)
    if start == a and hit.frame == "say" and not verb.takes_object and a < len(tokens) \
            and not _glued_preposition(tokens[a], hit, lex):
        return None
    return start


def _after_preposition(tokens: Sequence[Token], a: int, b: int, preps: tuple[str, ...],
                       lex: Lexicons, direct: bool = False) -> int:
    """Where an object introduced by the verb's preposition starts (دعا … إلى فتح →
    فتح); a preposition glued to the word (طالب بتحديث) stays inside. With ``direct``
    (a verb that also takes its object without one: أكد حرص الوزارة على …) a noun
    right at ``a`` is the object itself."""
    if direct and a < b and word_class(tokens[a], lex) in ("common", "definite", "name", "organization") \
            and tokens[a].norm not in preps and tokens[a].norm[:1] not in preps:
        return a
    k, end = a, min(b, a + 15)
    while k < end:
        tok = tokens[k]
        if k > 0 and tok.norm in lex.group("relative") and tokens[k - 1].text in _COMMAS:
            close = next((j for j in range(k + 1, min(b, k + 40)) if tokens[j].text in _COMMAS), None)
            if close is None:
                break
            k, end = close + 1, min(b, close + 16)  # شدد جعجع، الذي يعد …، على ضرورة: past the aside
            continue
        if k > a and (tok.norm in lex.group("relative") or word_class(tok, lex) == "cue"):
            break  # أعلن النادي إجراءات تعبر عن …: that عن is the next verb's
        if tok.norm in preps:
            return k + 1
        if tok.kind == "word" and len(tok.norm) > 2 and tok.norm[0] in preps \
                and word_class(tok, lex) != "preposition":  # (لدى is a preposition, not ل + دى)
            return k
        k += 1
    return a


def _glued_preposition(tok: Token, hit: CueHit, lex: Lexicons) -> bool:
    first = tok.norm[:1]
    return (first in hit_preps(hit) and len(tok.norm) > 3 and tok.norm not in lex.first_names
            and tok.norm[1:] not in lex.first_names)


def hit_preps(hit: CueHit) -> tuple[str, ...]:
    return hit.form.verb.preps if hit.form else ()


def _takes_object(hit: CueHit) -> bool:
    if hit.form is None:
        return False
    verb = hit.form.verb
    return verb.frame in ("announce", "urge", "feel", "stance") or bool(verb.preps) or verb.takes_object


def _gender(hit: CueHit) -> bool | None:
    if hit.form is None:
        return None
    return hit.form.feminine


def _direct(view: DocumentView, cand: Candidate, q: Quoted, rule: str, lex: Lexicons) -> Candidate | None:
    start, end = q.start, q.end
    text = view.text
    brk = _narration_inside(view, q, lex)
    if brk is not None:
        end = view.paragraphs[q.paragraph].tokens[brk].start  # «… مقوماته، مبينا أن …»: never closed there
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    cand.type, cand.start, cand.end = "direct", start, end
    cand.confidence = 0.9 if q.closed else 0.6
    cand.rule = rule
    return cand


def _narration_break(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """Token ``k`` is a comma after which the writer speaks again inside a quote whose
    closing mark came too late: a participle cue and its complementizer (، مبينا أن)."""
    if tokens[k].text not in _COMMAS or k + 2 >= len(tokens):
        return False
    form = lookup_cue_word(tokens[k + 1].norm, lex) if tokens[k + 1].kind == "word" else None
    return form is not None and form.form == "participle" and any(
        opens_report(tokens, j, lex) for j in range(k + 2, min(len(tokens), k + 5)))


def _narration_inside(view: DocumentView, q: Quoted, lex: Lexicons) -> int | None:
    """Offset of the first narration break inside the quote ``q`` (in its first paragraph)."""
    tokens = view.paragraphs[q.paragraph].tokens
    end = q.close_token if q.close_token is not None and q.end_paragraph == q.paragraph else len(tokens)
    for k in range(q.open_token + 2, end):
        if _narration_break(tokens, k, lex):
            return k
    return None


def _continues(tokens: Sequence[Token], k: int) -> bool:
    """Whether the clause goes on with a word right after a closing mark."""
    return k < len(tokens) and tokens[k].kind == "word"


def _closing_mark_before(view: DocumentView, p: int, i: int) -> Quoted | None:
    tokens = view.paragraphs[p].tokens
    k = i - 1
    # "…"، قال X / "…"، هذا ما قاله X / "…" – يقول X
    while k >= 0 and (tokens[k].text in _COMMAS or tokens[k].text in "-–"
                      or tokens[k].norm in ("هذا", "ما", "هكذا", "بهذا")):
        k -= 1
    if k >= 0 and tokens[k].kind == "mark":
        return view.closes.get((p, k))
    return None


def _paragraph_topic(view: DocumentView, p: int, i: int, lex: Lexicons) -> Mention | None:
    """The person named at the start of the paragraph, before token ``i``."""
    tokens = view.paragraphs[p].tokens
    m = read_mention(view.text, tokens, 0, min(i, 8), lex, skip_adverbs=False)
    if m is not None and m.kind == "person" and m.name and m.last < i:
        return m
    return None


def _coordinated(tokens: Sequence[Token], i: int) -> bool:
    """A verb joined by و to the clause before it in its sentence (… بخطئه وقال:): the
    two verbs share their subject."""
    return tokens[i].norm[:1] == "و" and not tokens[i - 1].sentence_end and tokens[i - 1].kind != "mark"


def _opening_subject(view: DocumentView, p: int, i: int, s0: int, lex: Lexicons) -> Mention | None:
    """The subject of the verb that opens the sentence, when that verb is not a speech
    verb itself (واستهجن المواطن …، قائلا: the citizen, not whoever is named between)."""
    tokens = view.paragraphs[p].tokens
    v = s0
    if tokens[s0].norm in ("فيما", "بينما", "كما") and i - s0 >= 4:
        v = s0 + 1  # فيما نعاه المدرب كونتي …، قائلا: the verb after the connector
    verb = tokens[v]
    if i - v < 3 or verb.kind != "word" or (v == s0 and verb.norm[:1] not in ("و", "ف")) \
            or has_article(verb.norm[1:]) or word_class(verb, lex) not in ("common", "name", "kana"):
        return None  # (وكان الاتحاد فتح تحقيقا …، مشيرا: كان's subject is the verb's)
    m = read_mention(view.text, tokens, v + 1, i, lex, skip_adverbs=False)
    if m is None or not (m.kind in ("person", "anonymous", "group") or m.head in lex.source_kinds
                         or word_class(tokens[m.first], lex) == "place"):
        return None  # ومتوجها بالنظر إلى …: no subject there
    return m


def _subject_before(view: DocumentView, p: int, i: int, s0: int, lex: Lexicons,
                    antecedent: bool = False) -> Mention | None:
    """A subject written before its verb: وزير المالية البلجيكي مارك فيرمون قال …،
    وكان سامي الحداد، وزير الخارجية الأردني، قد قال …، … المسؤول التركي الذي قال …
    With ``antecedent`` (the verb follows a relative pronoun) the subject may also
    follow a preposition: … لدى الاتحاد الدولي الذي يأمل …"""
    boundary_classes = ("adverb", "connector", "kana", "complementizer") + (("preposition",) if antecedent else ())
    tokens = view.paragraphs[p].tokens
    end = i
    while end - 1 >= s0 and (tokens[end - 1].norm in ("قد", "لقد") or tokens[end - 1].norm in lex.group("relative")):
        end -= 1
    while end - 1 >= s0 and tokens[end - 1].text in _COMMAS:
        end -= 1  # the comma that closes an apposition
    for start in range(max(s0, end - 16), end):
        before = tokens[start - 1] if start > s0 else None
        # غير أن مصر عبرت، يذكر أن الشركة اتهمت: a complementizer opens a clause whose
        # subject comes first (inside another source's quote the cue is never read)
        at_boundary = (before is None or before.kind == "punct" and before.text not in _COMMAS
                       or word_class(before, lex) in boundary_classes)
        # بعد تقارير أفادت، وسط أنباء تتحدث: an unnamed source right after a preposition is
        # the subject of the verb that describes it (news-raw: 39 with the commonest words)
        after_preposition = before is not None and word_class(before, lex) == "preposition" \
            and not has_article(tokens[start].norm)
        if not (at_boundary or after_preposition):
            continue
        m = read_mention(view.text, tokens, start, end, lex, skip_adverbs=False)
        if not at_boundary and (m is None or m.kind not in ("document", "anonymous") or m.first != start):
            continue
        if m is not None and m.last == end and m.kind != "unknown" and (
                m.name is not None or m.kind != "organization" or m.head in lex.source_kinds):
            return m
    return None


def _plural_source_before(view: DocumentView, p: int, i: int, s0: int, lex: Lexicons) -> Mention | None:
    """For a plural cue without a subject (… خطوة قالوا إنها، اعتصم بعض الناشطين مؤكدين
    أنهم): the nearest group of sources earlier in its sentence."""
    tokens = view.paragraphs[p].tokens
    for start in range(i - 1, max(s0, i - 16) - 1, -1):
        m = read_mention(view.text, tokens, start, i, lex, skip_adverbs=False)
        if m is not None and m.kind in ("group", "anonymous") and m.first == start:
            if start - 1 >= s0:
                wider = read_mention(view.text, tokens, start - 1, i, lex, skip_adverbs=False)
                if wider is not None and wider.kind == "group" and wider.last >= m.last:
                    return wider  # بعض الناشطين, not الناشطين
            return m
    return None


def _quotes_speech(view: DocumentView, p: int, a: int, b: int, lex: Lexicons) -> bool:
    """Whether tokens[a:b] hold quoted words of the source: a quotation mark that does not
    open a name. Marks right after a body, a document, a work or a naming word (شركة "…"،
    موقع «…»، مسلسل "…"، بعنوان "…") hold a name, which makes no quote mixed."""
    tokens = view.paragraphs[p].tokens
    for k in range(a, b):
        if tokens[k].kind != "mark" or (p, k) not in view.opens:
            continue
        before = tokens[k - 1].norm if k > a and tokens[k - 1].kind == "word" else ""
        # (a head without the article names what follows it; القرار "مرفوض" is a predicate)
        if before and (before in lex.group("naming") or (not has_article(before) and (
                before in lex.group("work") or lex.source_kinds.get(before) in ("organization", "document")))):
            continue
        return True
    return False


# -- according to

def _according(view: DocumentView, p: int, hit: CueHit, lex: Lexicons,
               found: list[Candidate]) -> Candidate | None:
    tokens = list(view.paragraphs[p].tokens)
    i = hit.index
    s0, s1 = view.sentence_of(p, i)
    j = i + hit.length
    if hit.glued_prefix and j < len(tokens) and not tokens[j].norm.startswith("لل"):
        # وفقا لوزارة → وزارة (وفقا للوزارة needs nothing: لل reads as the article)
        t = tokens[j]
        tokens[j] = Token(t.text[1:], t.start + 1, t.end, fold(t.text[1:]), "word")
    j = _relay_end(tokens, j, lex)
    limit = s1
    if j < limit and word_class(tokens[j], lex) == "speech" and j + 1 < limit:
        j += 1  # حسب تصريحات وزير الخارجية: the source is the speaker of the statements
        t = tokens[j]
        if t.kind == "word" and t.norm.startswith("ل") and not t.norm.startswith("لل") and len(t.norm) > 3:
            # بحسب تصريح لمسؤول حكومي: the speaker after the preposition
            tokens[j] = Token(t.text[1:], t.start + 1, t.end, fold(t.text[1:]), "word")
    relayed = j > i + hit.length  # بحسب ما كشف …: the marker's verb was skipped
    if j + 1 < limit and (tokens[j].norm in _TALLIES or (
            tokens[j].norm in _LATEST and tokens[j + 1].norm in _TALLIES and j + 2 < limit)):
        # بحسب آخر حصيلة لوزارة الصحة، وفقا لتقديرات الأمم المتحدة: whose count it is
        j += 1 + (tokens[j].norm in _LATEST)
        t = tokens[j]
        if t.kind == "word" and t.norm.startswith("ل") and not t.norm.startswith("لل") and len(t.norm) > 3:
            tokens[j] = Token(t.text[1:], t.start + 1, t.end, fold(t.text[1:]), "word")
    elif j + 1 < limit and tokens[j].norm in _LATEST and word_class(tokens[j + 1], lex) == "document":
        j += 1  # حسب آخر الإحصاءات، وفقا لأحدث البيانات: the documents are the source (news-raw: 90)
    elif j + 1 < limit and tokens[j].norm in ("نفس", "ذات") and has_article(tokens[j + 1].norm):
        j += 1  # وحسب نفس المصدر، وفق ذات البلاغ: the source named before (news-raw: 113)
    if not relayed and tokens[i + hit.length - 1].norm.endswith("ما"):
        return None  # وفق ما تمليه عليه أهواؤه: "as … dictates", no speech verb, no source
    own_preposition = relayed and j + 1 < limit and tokens[j].norm in ("عنه", "عنها") \
        and not _relay_verb(tokens[j - 1], lex)
    if own_preposition:
        j += 1  # بحسب ما كشف عنه المحامي، وفق ما أعلنت عنه الوزارة: the verb's own preposition
    # (حسب ما نقلت عنه الوكالة: whom the agency relays was named before; no source here)
    mention = None if j < limit and word_class(tokens[j], lex) == "pronoun-pp" else \
        read_mention(view.text, tokens, j, limit, lex)
    if mention is None and relayed and j + 1 < limit and tokens[j].norm in ("في", "علي", "عبر"):
        # بحسب ما ورد في صحيفة …، وفق ما نشر على موقع …: where it was published is the
        # source (news-raw: 415 such relays; in 2,000 articles 8 new quotes, 6 read by eye
        # right; a pronoun-pp, عنه، stays no source)
        mention = read_mention(view.text, tokens, j + 1, limit, lex)
    if mention is not None and ((mention.kind == "unknown" and not mention.name) or (
            mention.head in lex.non_sources and has_article(tokens[mention.first].norm))):
        mention = None  # حسب العمر "depending on age", وفقا للقانون "under the law": no source
    if mention is not None and fold(mention.text).split()[0] in ("قوله", "قولها", "تعبيره", "تعبيرها"):
        return None
    # the claim: before the marker when the sentence already said it, else after the source
    words_before = [t for t in tokens[s0:i] if t.kind == "word"]
    # …، كما قالت. / …، حسبما أفاد.: the marker's verb ends the sentence, its subject is
    # the person already speaking (news-raw, 2,000 articles: 24 such sentence ends among
    # the markers that found no source; 10 more were حسب تعبيره، حسب قوله, same-source repeats)
    implicit = (relayed or (hit.length > 1 and tokens[i].norm.endswith("كما"))) and len(words_before) >= 3 \
        and all(t.kind == "punct" or word_class(t, lex) == "pronoun-pp" for t in tokens[j:limit])
    if mention is None and not implicit and not (
            relayed and len(words_before) >= 3 and j < limit
            and word_class(tokens[j], lex) in ("common", "name", "title", "definite")):
        return None  # (بحسب ما كشف عنه …، وفق ما جاء في …: nothing read as a source there)
    kama = hit.length > 1 and tokens[i].norm.endswith("كما")
    if kama and len(words_before) < 3:
        return None  # كما أشار الوزير …: at a sentence start, "also", and the verb is the cue
    if kama and mention is not None:
        a = mention.last
        while a < limit and tokens[a].text in _COMMAS:
            a += 1
        if a < limit and tokens[a].kind == "word" and (
                opens_report(tokens, a, lex) or tokens[a].norm in ("عن", "الي", "علي")):
            return None  # …، كما أعلن الوزير أن …/عن …: "also announced", the verb's own quote
    # (بحسب ما كشف شريكه: a source the rules cannot read still makes the claim a quote,
    # and the verb is the marker's, not a cue of its own)
    cand = Candidate("according", 0, 0, p, cue=hit, cue_token=tokens[i], mention=mention,
                     confidence=0.7, rule="according", zone_end=j)
    if len(words_before) >= 3 and not _fa_inna_after(tokens, mention, limit, lex):
        a = s0
        inside = [prev for prev in found
                  if prev.paragraph == p and tokens[s0].start <= prev.end <= tokens[i].start]
        channel = mention is not None and mention.head in lex.media
        if any(prev.mention is not None for prev in inside) or (relayed and inside and channel) \
                or (mention is None and inside):
            # a relay marker that names the channel of a quote already attributed
            # (…، بحسب وكالة …، حسب ما أورد موقع "الأفق"), or repeats its source (وأضاف أن …، كما قال)
            return None
        if own_preposition and mention is not None and inside:
            # وانتقد قرار البلدية …، بحسب ما كشف عنه الجار: the relayed verb sources the
            # subject-less quote before it, which keeps its own span (a verb's own عنه after
            # ما: 23 in a quarter of news-raw, أعلن عنه and كشف عنه the commonest)
            for prev in inside:
                prev.mention = mention
            return None
        last = inside[-1] if inside else None
        if len(inside) == 1 and last.type in ("indirect", "mixed") and mention is not None \
                and not view.text[last.end:tokens[i].start].strip(" ،,\"«»“”"):
            # ويتوقع أن يزور البلاد مليون سائح، بحسب تقديرات الوزارة: the clause right
            # before the marker is the claim
            found.remove(last)
            cand.start, cand.end = last.start, last.end
            return cand
        for prev in inside:
            found.remove(prev)  # a subject-less cue inside the claim belongs to its source
        if last is not None and last.type == "direct" and not view.text[last.end:tokens[i].start].strip(" ،,\"«»“”"):
            # … آراؤه التي "…" وفق ما جاء في …: the quotation right before the marker is its
            # claim, not the sentence around it (news-raw, 2,000 articles: 2, both read right)
            cand.start, cand.end = last.start, last.end
            return cand
        span = _span(view, p, a, i)
        if span is None:
            return None
        cand.start, cand.end = span
        return cand
    # the source may go on (تقرير صادر عن البنك الدولي، فإن …): the claim starts after its comma
    comma = _comma_after_source(tokens, mention.last, limit, lex)
    a = mention.last if comma is None else comma
    while a < limit and (tokens[a].text in _COMMAS or tokens[a].norm in lex.group("fa-inna") or tokens[a].norm == "ف"):
        a += 1
    if a < limit and tokens[i].norm.endswith("كما") and opens_report(tokens, a, lex):
        return None  # كما قال الوزير إن …: "also said that", the verb's own indirect quote
    b = clause_end(view, p, a, lex)
    span = _span(view, p, a, b)
    if span is None or b - a < 2:
        return None
    cand.start, cand.end = span
    cand.rule = "according-after"
    return cand


def _fa_inna_after(tokens: Sequence[Token], mention: Mention | None, limit: int, lex: Lexicons) -> bool:
    """The source is followed by a comma and فإن: the claim comes after it, whatever
    precedes the marker (وفي الوقت نفسه، وبحسب مصادر …، فإن …; news-raw: 34 such
    sentences with a comma before the marker)."""
    if mention is None:
        return False
    comma = _comma_after_source(tokens, mention.last, limit, lex)
    return comma is not None and comma + 1 < limit and tokens[comma + 1].norm in lex.group("fa-inna")


def _comma_after_source(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> int | None:
    """The comma that ends a source going on after ``k`` (تقرير صادر عن البنك الدولي، …),
    within ten tokens and before any cue; None when there is none."""
    for j in range(k, min(limit, k + 10)):
        if tokens[j].text in _COMMAS:
            return j
        if tokens[j].kind == "word" and word_class(tokens[j], lex) == "cue":
            return None
    return None


# a count or estimate whose owner is the source: حسب/وفقا + (آخر) حصيلة/تقديرات + X
# (news-raw, a quarter sample: 58)
_TALLIES = frozenset({"حصيله", "تقديرات"})
_LATEST = frozenset({"اخر", "احدث"})


def _relay_verb(tok: Token, lex: Lexicons) -> bool:
    """Whether a word is a relay verb (نقل): its عن names whom the words come from."""
    form = lookup_cue_word(tok.norm, lex)
    return form is not None and form.verb.frame == "relay"


def _relay_end(tokens: Sequence[Token], j: int, lex: Lexicons) -> int:
    """Index after the verb of an according-to marker (بحسب ما أعلن X، حسبما أكدته
    صحيفة): that verb names the channel and is never a cue of its own. The pronoun that
    takes up ما after the verb goes with it (بحسب ما أفاد به شهود، وفق ما صرح به مصدر:
    156 such relays with به/بها in a quarter of news-raw; a verb's own عن, as in ما عبر
    عنه, is read where the source is)."""
    start = j
    while j < len(tokens) and tokens[j].kind == "word" and (
            tokens[j].norm == "ما" or lookup_cue_word(tokens[j].norm, lex) is not None
            or _verb_with_object_pronoun(tokens[j].norm, lex)):
        j += 1
    if start < j < len(tokens) and tokens[j - 1].norm != "ما" and tokens[j].norm in ("به", "بها"):
        j += 1
    return j


def _verb_with_object_pronoun(word: str, lex: Lexicons) -> bool:
    for suffix in ("ته", "تها", "ه", "ها", "نا"):
        if word.endswith(suffix) and lookup_cue_word(word[: -len(suffix)] + ("ت" if suffix.startswith("ت") else ""), lex):
            return True
    return False


# -- headlines: "Name: words"

def _headline(view: DocumentView, p: int, lex: Lexicons) -> Candidate | None:
    tokens = view.paragraphs[p].tokens
    colon = next((k for k, t in enumerate(tokens[:6]) if t.text == ":"), None)
    if colon is None or colon == 0:
        return None
    head = tokens[:colon]
    if any(t.kind != "word" for t in head):
        return None
    if any(t.norm in lex.headline_labels or strip_article(t.norm) in lex.headline_labels for t in head):
        return None
    if any(word_class(t, lex) == "cue" for t in head):
        return None  # وقال: … is a cue, not a headline
    rest = [t for t in tokens[colon + 1:] if t.kind == "word"]
    if len(rest) < 3 or len(tokens) > 60:
        return None
    mention = read_mention(view.text, tokens, 0, colon, lex, skip_adverbs=False)
    if (mention is None or mention.last != colon) and colon <= 3 and all(
            word_class(t, lex) in ("name", "common", "definite") for t in head):
        # a short headline name that is also a word (معز: …): the colon vouches for it
        start, end = head[0].start, head[-1].end
        words = view.text[start:end]
        mention = Mention(0, colon, start, end, words, "person", words,
                          tuple(t.norm for t in head), None, head[0].norm, None, start, end)
    if mention is None or mention.last != colon:
        return None
    q = view.opens.get((p, colon + 1))
    cand = Candidate("direct", 0, 0, p, mention=mention, confidence=0.6, rule="headline")
    if q is not None and q.end_paragraph == p and q.close_token is not None and not any(
            t.kind == "word" for t in tokens[q.close_token + 1:]):
        return _direct(view, cand, q, "headline", lex)  # بن سلامة: «…» — the marks hold it all
    span = _span(view, p, colon + 1, len(tokens), keep_marks=True)
    if span is None:
        return None
    cand.start, cand.end = span
    return cand
