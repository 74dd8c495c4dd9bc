"""The gender of a person quoted: ``female``, ``male`` or None.

Evidence, gathered over every quote of the person in one document:

- the cue's agreement with its subject: قالت، أضافت، مؤكدة (female), قال، أضاف، مؤكدا
  (male); only verbs and participles whose subject is the speaker (not verbal nouns,
  according-to markers, or جاء في بيان, whose verb agrees with the document);
- the title that heads the role: الوزيرة، رئيسة (female), الوزير (male), except titles
  used for either (عضو، نائب);
- the first word of the name, in ``data/lexicons/name_genders.txt`` (mined from how
  news text treats names: الوزيرة هدى، وقالت هدى).

Without a title or a known name, the cues decide only for a name whose words are no
common words (see :func:`looks_like_a_name`), and only when at least two cues agree.

A person gets a gender only when there is evidence and all of it agrees: absent or
conflicting evidence gives None (a wrongly attributed quote shows as a conflict).
Organisations, groups, documents and anonymous sources have no gender.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Literal

import attrs

from .lexicon import Lexicons
from .normalize import fold, strip_article
from .values import Speaker

if TYPE_CHECKING:
    from .attribute import Candidate

Gender = Literal["female", "male"]
GENDERS: tuple[str, ...] = ("female", "male")

# Titles that name women and men alike in news (النائب and عضو are written so for both).
_EITHER_GENDER_TITLES = frozenset({"عضو", "نائب", "برلماني"})
# Titles written with ة that name men (عمدة البلدة، الداعية).
_MASCULINE_IN_TA = frozenset({"عمده", "داعيه"})
# Feminine forms of titles that are mostly other nouns in news (in 7.4M words of ANT
# news: الحاجة إلى "the need for" 152 of 343, الأكاديمية السويدية the academy,
# المقدمة من "submitted by"): no evidence of a woman.
_FEMININE_FORMS_THAT_ARE_NOUNS = frozenset({"حاجه", "مقدمه", "اكاديميه"})


def cue_gender(form_kind: str | None, feminine: bool | None, plural: bool, source_in: bool) -> str | None:
    """What the cue's agreement says: a singular verb or participle agrees with its
    subject, which is the speaker."""
    if form_kind not in ("verb", "participle") or plural or source_in or feminine is None:
        return None
    return "female" if feminine else "male"


def title_gender(role: str | None, lex: Lexicons) -> str | None:
    """The gender of the title that heads ``role`` (الوزيرة → female, الوزير → male)."""
    if not role:
        return None
    first = role.split()[0]
    word = strip_article(fold(first))
    if word.startswith(("و", "ل", "ب")) and word[1:] and _title(word[1:], lex):
        word = word[1:]
    if not _title(word, lex) or word in _EITHER_GENDER_TITLES or word in _FEMININE_FORMS_THAT_ARE_NOUNS:
        return None
    if word.endswith("ه"):
        if word in _MASCULINE_IN_TA:
            return "male"
        return "female" if first.endswith("ة") or word[:-1] in lex.titles else None
    return "male"


def _title(word: str, lex: Lexicons) -> bool:
    return word in lex.titles or (word.endswith("ه") and word[:-1] in lex.titles
                                  and word[:-1] not in lex.masculine_titles)


def name_gender(name: str, lex: Lexicons) -> str | None:
    """The gender of the name's first word (a family name alone counts: ميركل)."""
    words = fold(name).split()
    if not words:
        return None
    return lex.name_genders.get(words[0])


def looks_like_a_name(name: str, lex: Lexicons) -> bool:
    """Whether every word of ``name`` may be a personal name: no article, common word,
    function word or place. A verb's agreement alone is trusted only for such a name,
    since a feminine verb also agrees with things and places read as its subject by
    mistake (تعتبر نواقل، ردت بيونغيانغ)."""
    words = fold(name).split()
    return bool(words) and not any(
        w.startswith("ال") or w in lex.common_words or w in lex.function_words or w in lex.places
        for w in words)


def decide(evidence: Iterable[str | None]) -> str | None:
    """The one gender all the evidence gives; None when there is none or it conflicts."""
    found = {g for g in evidence if g is not None}
    return found.pop() if len(found) == 1 else None


def with_genders(speakers: dict[int, Speaker | None], cands: dict[int, Candidate],
                 lex: Lexicons) -> dict[int, Speaker | None]:
    """The speakers with their gender, decided per person over all of their quotes in
    the document (see :mod:`quotes.gender`)."""
    evidence: dict[str, list[str | None]] = {}
    for key, speaker in speakers.items():
        if speaker is None or speaker.kind != "person":
            continue
        cand = cands[key]
        hit = cand.cue
        found = evidence.setdefault(speaker.name, [title_gender(speaker.role, lex), name_gender(speaker.name, lex)])
        if hit is not None:
            # نقلت الوكالة عن الوزير: the verb agrees with the one who reports
            found.append(cue_gender(hit.kind, cand.feminine, cand.plural,
                                    bool(hit.form and hit.form.verb.source_in) or hit.lemma == "نقل"))
    genders = {name: decide(found) for name, found in evidence.items()
               # the first two are the title and the name; without them, the cues decide
               # only for what reads as a personal name, said at least twice (a thing
               # read as a verb's subject by mistake is seldom the subject of two cues)
               if found[0] or found[1] or (looks_like_a_name(name, lex) and sum(g is not None for g in found) >= 2)}
    return {key: attrs.evolve(speaker, gender=genders[speaker.name])
            if speaker is not None and genders.get(speaker.name) else speaker
            for key, speaker in speakers.items()}
