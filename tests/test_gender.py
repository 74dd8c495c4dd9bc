"""speaker.gender: from the cue's agreement, feminine titles and first names; None
when the evidence is absent or conflicting."""

from __future__ import annotations

import pytest

from quotes import Extractor
from quotes.gender import cue_gender, decide, name_gender, title_gender
from quotes.lexicon import default_lexicons

LEX = default_lexicons()


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.speaker.name, q.speaker.gender) for q in Extractor(parser="none").extract(text)
            if q.speaker is not None]


@pytest.mark.parametrize("text, expected", [
    # the cue agrees with its subject
    ('وقالت سعاد حسني إن الفيلم جاهز.', "female"),
    ("وأضافت المتحدثة أن الاجتماع انتهى.", "female"),
    ("قال المدير إن الأرباح ارتفعت.", "male"),
    # a participle agrees too
    ('وأعلن الوزير خالد يوسف الخطة، مؤكدا أن "التمويل جاهز".', "male"),
])
def test_gender_from_the_cue_and_the_title(text, expected):
    assert {g for _, g in speakers(text)} == {expected}


def test_title_gender():
    assert title_gender("الوزيرة", LEX) == "female"
    assert title_gender("وزيرة الصحة الأردنية", LEX) == "female"
    assert title_gender("وزير الدفاع", LEX) == "male"
    assert title_gender("عمدة البلدة", LEX) == "male"   # written with ة, a man
    assert title_gender("عضو مجلس النواب", LEX) is None  # said of women and men alike
    assert title_gender(None, LEX) is None
    assert title_gender("الأكاديمية", LEX) is None      # mostly the academy, not a woman
    assert title_gender("الأكاديمي", LEX) == "male"


def test_cue_gender_only_for_verbs_and_participles_of_one_speaker():
    assert cue_gender("verb", True, False, False) == "female"
    assert cue_gender("participle", False, False, False) == "male"
    assert cue_gender("noun", False, False, False) is None      # تصريح: no agreement
    assert cue_gender("according", None, False, False) is None  # بحسب
    assert cue_gender("verb", True, True, False) is None        # plural
    assert cue_gender("verb", False, False, True) is None       # جاء في بيان: agrees with the document


def test_first_names_from_the_lexicon():
    assert name_gender("فاطمة الزهراء", LEX) == "female"
    assert name_gender("محمد علي", LEX) == "male"
    assert name_gender("كلمة", LEX) is None


def test_conflicting_or_absent_evidence_gives_none():
    assert decide(["female", None, "female"]) == "female"
    assert decide(["female", "male"]) is None
    assert decide([None, None]) is None
    # a man's first name with a feminine cue: no gender rather than a wrong one
    assert speakers("وقالت محمد إن الأمر انتهى.") in ([], [("محمد", None)])


def test_organisations_have_no_gender():
    found = [q.speaker for q in Extractor(parser="none").extract("وقالت الوزارة في بيان إن الطريق مغلق.")]
    assert found and all(s.kind != "person" and s.gender is None for s in found)


def test_gender_is_in_the_output_schema():
    q = Extractor(parser="none").extract("قال المدير إن الأرباح ارتفعت.")[0]
    assert list(q.to_dict()["speaker"]) == ["name", "role", "kind", "gender", "mention"]


def test_the_cue_alone_decides_only_for_what_reads_as_a_name():
    from quotes.gender import looks_like_a_name
    assert looks_like_a_name("ماركوس فيلدر", LEX)
    assert not looks_like_a_name("العداء كريم", LEX)     # an article: a description, not a name
    assert not looks_like_a_name("مسؤول", LEX)           # a common word
    # one feminine verb read with a thing as its subject gives no gender; two cues of a name do
    assert all(g is None for _, g in speakers('وتعتبر نواقل للعدوى "خطيرة جدا".'))
    assert {g for _, g in speakers('وقالت ماركيتا فيلدر إن الطقس بارد. وأضافت فيلدر أن الثلج قادم.')} == {"female"}
    # the reporting verb agrees with the reporter (الوكالة), so it does not contradict the man's name
    assert {g for _, g in speakers('ونقلت الوكالة عن ماركوس فيلدر قوله إن الطقس بارد.')} == {"male"}
