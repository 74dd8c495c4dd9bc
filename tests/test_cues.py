import pytest

from quotes.cues import find_cues, lookup_cue_word
from quotes.lexicon import default_lexicons
from quotes.normalize import fold
from quotes.segment import tokenize

LEX = default_lexicons()


@pytest.mark.parametrize("word,lemma,form", [
    ("وقال", "قال", "verb"), ("فأضافت", "أضاف", "verb"), ("يقول", "قال", "verb"),
    ("اكد", "أكد", "verb"), ("سيؤكد", "أكد", "verb"), ("مشيرا", "أشار", "participle"),
    ("مضيفةً", "أضاف", "participle"), ("نفت", "نفى", "verb"), ("دعوا", "دعا", "verb"),
])
def test_speech_verb_forms(word, lemma, form):
    hit = lookup_cue_word(fold(word), LEX)
    assert hit is not None, word
    assert hit.verb.lemma == lemma
    assert hit.form == form


def test_gender_from_the_verb():
    assert lookup_cue_word(fold("وقالت"), LEX).feminine
    assert not lookup_cue_word(fold("وقال"), LEX).feminine


def test_not_cues():
    for word in ("الكتاب", "مدينة", "قائل"):
        assert lookup_cue_word(fold(word), LEX) is None, word


def test_according_markers_with_glued_prefix():
    tokens = tokenize("ووفقا لصحيفة لوموند فإن الأمر خطير")
    hits = list(find_cues(tokens, LEX))
    assert hits[0].kind == "according" and hits[0].glued_prefix


def test_preposition_homograph_needs_its_preposition():
    # بين "between" is no cue; وبين أن "and he explained that" is
    assert not list(find_cues(tokenize("الفرق بين البلدين كبير"), LEX))
    assert [h.lemma for h in find_cues(tokenize("وبين أن الفرق كبير"), LEX)] == ["بين"]


def test_feminine_participle_that_is_a_noun_needs_confirmation():
    assert not list(find_cues(tokenize("وتجري متابعة القضية في المحكمة"), LEX))
    assert [h.lemma for h in find_cues(tokenize("مشيرة إلى أن القضية مستمرة"), LEX)] == ["أشار"]


def test_first_person_plural_is_no_cue():
    assert lookup_cue_word(fold("نصف"), LEX) is None  # "half", not "we describe"


def test_verbs_with_other_meanings_need_a_complementizer_or_quote():
    assert not list(find_cues(tokenize("المجموعة تزيد حصتها إلى 37 في المئة"), LEX))
    assert not list(find_cues(tokenize("وجاء الوفد إلى القاهرة أمس"), LEX))
    assert [h.lemma for h in find_cues(tokenize("وجاء في البيان أن الوفد وصل"), LEX)] == ["جاء"]


def test_via_is_no_cue_when_the_colon_belongs_to_the_next_verb():
    text = "وتحدث المغني في لقاء عبر قناة محلية بعد العرض وقال: أنا سعيد."
    assert [h.lemma for h in find_cues(tokenize(text), LEX)] == ["قال"]


@pytest.mark.parametrize("word", [
    "إضافة",   # "in addition", not أضافه
    "إشارة",   # "a sign", not أشاره
    "بوعده",   # "with his promise": ب + a noun, not a verb
    "يعد",     # "is considered", not "he promises"
    "تبلغ",    # "amounts to", not "she informs"
])
def test_words_that_only_look_like_cues(word):
    assert lookup_cue_word(fold(word), LEX) is None, word


@pytest.mark.parametrize("word,lemma,form", [
    ("قاله", "قال", "verb"), ("أكدته", "أكد", "verb"), ("بقوله", "قال", "noun"), ("بتأكيده", "أكد", "noun"),
])
def test_object_pronouns_and_verbal_nouns_after_bi(word, lemma, form):
    hit = lookup_cue_word(fold(word), LEX)
    assert (hit.verb.lemma, hit.form) == (lemma, form)


def test_a_preposition_glued_to_its_noun_confirms_a_participle():
    assert [h.lemma for h in find_cues(tokenize("مطالبة البلدية بطلب الدعم الحكومي"), LEX)] == ["طالب"]


def test_estimate_is_a_cue_only_before_a_complementizer():
    assert not list(find_cues(tokenize("صفقة بقيمة قدرها مليون دولار"), LEX))
    assert [h.lemma for h in find_cues(tokenize("وقدر الخبراء أن الخسائر كبيرة"), LEX)] == ["قدر"]


def test_a_verb_that_needs_confirmation_takes_no_object_pronoun():
    assert lookup_cue_word(fold("أبرزها"), LEX) is None  # "the most prominent of them"


def test_a_verb_that_needs_confirmation_keeps_its_object_pronoun_unless_it_is_an_elative():
    assert lookup_cue_word(fold("سأله"), LEX).verb.lemma == "سأل"


def test_a_dual_object_pronoun():
    assert lookup_cue_word(fold("لخصهما"), LEX).verb.lemma == "لخص"


def test_a_preposition_with_its_pronoun_is_no_cue():
    from quotes import Extractor
    lex = default_lexicons()
    for word in ("بينها", "بينهما", "وبينه", "عبره"):
        assert lookup_cue_word(word, lex) is None, word
    assert lookup_cue_word("اكدته", lex) is not None  # كما أكدته الصحيفة: a verb and its object
    assert Extractor(parser="none").extract("وعزفت الفرقة عدة أناشيد، ومن بينها نشيد «بلادي بلادي».") == []
