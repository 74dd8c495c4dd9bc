"""Stage 2b: find the cues, the words that introduce a quote.

Speech verbs in any person, gender, number and tense, with و/ف/س in front (وقال،
فأضافت، سيؤكد), their participles (مضيفا، مشيرة), verbal nouns (تأكيده), and the
according-to markers (حسب، بحسب ما، وفقا لـ، نقلا عن). Which quotes a cue can
introduce is its verb's *frame* (lexicon.py).
"""

from __future__ import annotations

from typing import Iterator, Sequence

import attrs

from .lexicon import CueForm, Lexicons, remember
from .segment import Token


@attrs.frozen
class CueHit:
    """A cue found at ``index`` (first token) spanning ``length`` tokens."""

    index: int
    length: int
    kind: str                  # "verb" | "participle" | "noun" | "according"
    lemma: str
    form: CueForm | None = None
    glued_prefix: bool = False  # وفقا لـX: the marker's last letter is glued to the source

    @property
    def frame(self) -> str:
        return self.form.verb.frame if self.form else "according"

    @property
    def feminine(self) -> bool:
        return bool(self.form and self.form.feminine)

    @property
    def plural(self) -> bool:
        return bool(self.form and self.form.plural)


def lookup_cue_word(word: str, lexicons: Lexicons) -> CueForm | None:
    """The cue form of a folded word, trying it without و/ف and the future س."""
    # memoised per lexicon: every word of a document is looked up, most of them often
    return remember(lexicons.cue_lookups, word, lambda: _lookup_cue_word(word, lexicons))


def _lookup_cue_word(word: str, lexicons: Lexicons) -> CueForm | None:
    forms = lexicons.cue_forms
    candidates = [word]
    if (len(word) > 3 and word[0] in "وف") or (len(word) == 3 and word[0] == "و"):
        candidates.append(word[1:])  # (وحث، وحض: a doubled verb is two letters; not فرد → رد)
    for cand in list(candidates):
        if len(cand) > 3 and cand[0] == "س" and cand[1] in "يتن":
            candidates.append(cand[1:])
    for cand in candidates:
        hit = forms.get(cand)
        if hit is not None:
            return hit
    # a verb with an object pronoun: هذا ما قاله الوزير، كما أكدته الصحيفة
    for cand in candidates:
        for suffix in ("هما", "ه", "ها"):  # (لخصهما: summed them up)
            if cand.endswith(suffix) and len(cand) > len(suffix) + 2:
                stem = cand[: -len(suffix)]
                if lexicons.function_words.get(stem) == "preposition":
                    continue  # بينها، عبره: a preposition with its pronoun, not بيّن or عبّر
                hit = forms.get(stem)
                if hit is not None and hit.form == "verb" and suffix == "ه" and _hollow_form_iv(stem):
                    continue  # اضافه، اشاره، اجابه: the verbal noun (إضافة), not أضافه
                if hit is not None and hit.verb.needs_confirmation and len(stem) == 4 and stem[0] == "ا":
                    continue  # ابرزها "the most prominent of them": an elative, not أبرزها
                if hit is not None and hit.form in ("verb", "noun"):
                    return hit
    # a verbal noun after ب: بقوله، بتأكيده
    if len(word) > 3 and word[0] == "ب":
        rest = word[1:]
        for stem in (rest, rest[:-1] if rest.endswith("ه") else None, rest[:-2] if rest.endswith("ها") else None):
            hit = forms.get(stem) if stem else None
            if hit is not None and hit.form == "noun":
                return hit
    return None


def _hollow_form_iv(stem: str) -> bool:
    """أفاد، أضاف، أشار (folded افاد): with ه they spell their verbal noun (إفادة)."""
    return len(stem) == 4 and stem[0] == "ا" and stem[2] == "ا"


def match_according(tokens: list[Token] | tuple[Token, ...], i: int,
                     lexicons: Lexicons) -> CueHit | None:
    for marker in lexicons.according_starting(tokens[i].norm):
        n = len(marker)
        glued = marker[-1] in ("ل",) and n > 1  # وفقا ل + الصحيفة glued as لصحيفة
        words = marker[:-1] if glued else marker
        if i + len(words) > len(tokens):
            continue
        ok = True
        for k, want in enumerate(words):
            got = tokens[i + k].norm
            if k == 0 and got != want and got.startswith(("و", "ف")) and got[1:] == want:
                continue
            if got != want:
                ok = False
                break
        if not ok:
            continue
        if glued:
            nxt = tokens[i + len(words)] if i + len(words) < len(tokens) else None
            if nxt is None or not nxt.norm.startswith("ل"):
                continue
        return CueHit(i, len(words), "according", " ".join(marker), glued_prefix=glued)
    return None


def find_cues(tokens: list[Token] | tuple[Token, ...], lexicons: Lexicons) -> Iterator[CueHit]:
    """Every cue among ``tokens``, in order."""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != "word":
            i += 1
            continue
        according = match_according(tokens, i, lexicons)
        if according is not None:
            yield according
            i += according.length
            continue
        form = lookup_cue_word(tok.norm, lexicons)
        if form is not None and _confirmed(tokens, i, form, lexicons):
            yield CueHit(i, 1, form.form, form.verb.lemma, form)
        i += 1


# بعد أن، قبل أن، منذ أن، دون أن، رغم أن: "after/before/since/without/although" + أن
# opens an adverbial clause, not a report; so do إذ أن and حيث أن "since" (news-raw, a
# quarter sample: 242 إذ أن, 379 حيث أن, as a reason after the claim or a cue's object)
ADVERBIAL_CONJUNCTIONS = frozenset({"بعد", "قبل", "منذ", "دون", "بدون", "رغم", "برغم", "اذ", "حيث"})


def opens_report(tokens: Sequence[Token], j: int, lexicons: Lexicons) -> bool:
    """Token ``j`` is a complementizer that opens reported content (not بعد أن …)."""
    return tokens[j].norm in lexicons.group("complementizer") and not (
        j > 0 and tokens[j - 1].norm in ADVERBIAL_CONJUNCTIONS) and not (
        # بان كي مون: no complementizer stands before كي, so بان is a name there
        j + 1 < len(tokens) and tokens[j + 1].norm == "كي")


def _confirmed(tokens: list[Token] | tuple[Token, ...], i: int, form: CueForm, lexicons: Lexicons) -> bool:
    """A cue form that is also a common particle (بين between, عبر via) or noun
    (متابعة) counts only when its preposition, a complementizer or a colon follows
    within a few words."""
    word = tokens[i].norm
    bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    # a feminine participle is often a plain noun (متابعة follow-up, مطالبة demand)
    ambiguous = bare in lexicons.function_words or (form.form == "participle" and bare.endswith("ه"))
    if not ambiguous and bare.endswith(("ها", "هم", "هما")) and i > 0 and tokens[i - 1].norm == "من":
        # من بينها، من بينهم "among them" (news-raw, a quarter sample: 622), not بيّنها
        ambiguous = any(bare[:-len(s)] in lexicons.function_words for s in ("هما", "هم", "ها") if bare.endswith(s))
    if form.verb.needs_confirmation:
        # زاد، جاء: only right before a complementizer, colon or quotation mark
        return any(opens_report(tokens, j, lexicons) or tokens[j].text in (":", '"', "«", "“")
                   for j in range(i + 1, min(i + 9, len(tokens))))
    if not ambiguous:
        return True
    following = tokens[i + 1:i + 16]
    for j, tok in enumerate(following):
        if tok.norm in form.verb.preps and not (j + 1 < len(following) and following[j + 1].norm == "طريق"):
            return True  # عبر … عن سعادته, but not عبر الحدود عن طريق البحر
        if tok.kind == "word" and len(tok.norm) > 3 and any(
                len(prep) == 1 and tok.norm.startswith(prep) for prep in form.verb.preps):
            return True  # مطالبة الحكومة بطلب …: the preposition glued to its noun
        if opens_report(tokens, i + 1 + j, lexicons) or tok.text in (":", '"', "«", "“"):
            return True
        if tok.kind == "punct" and tok.text not in (".", "#", "_", "-"):
            return False  # (a hashtag name, #مروان_خوري, goes on)
        if tok.kind == "word" and lookup_cue_word(tok.norm, lexicons) is not None:
            return False  # عبر إذاعة … وقال: the colon is the next cue's
    return False
