from quotes.normalize import fold, has_article, strip_article


def test_fold_removes_diacritics_tatweel_and_hamza():
    assert fold("أكّدَ") == "اكد"
    assert fold("قـــال") == "قال"
    assert fold("إلى") == "الي"
    assert fold("مدرسة") == "مدرسه"


def test_fold_hyphens_and_spaces():
    assert fold("جان-إيف  لودريان") == "جان ايف لودريان"
    assert fold("\u200fكارتر\u200e") == "كارتر"


def test_article():
    assert strip_article("الوزير") == "وزير"
    assert strip_article("للوزير") == "وزير"
    assert strip_article("وزير") == "وزير"
    assert has_article("بالمساعدة")
    assert not has_article("ال")  # too short to be an article plus a word


def test_presentation_forms_fold_to_the_letters_they_show():
    assert fold("ﻗﺎﻝ ﻣﺼﺪﺭ ﻣﺴﺆﻭﻝ") == "قال مصدر مسؤول"
    assert fold("ﻻ") == "لا"  # a ligature becomes its two letters
    assert fold("ﺇﻥ") == "ان"


def test_a_cue_in_presentation_forms_is_found():
    from quotes import Extractor
    quotes = Extractor(parser="none").extract("ﻭﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ ﺍﻟﻮﺿﻊ ﻣﺴﺘﻘﺮ.")
    assert [(q.type, q.cue.text, q.text) for q in quotes] == [("indirect", "ﻭﻗﺎﻝ", "ﺍﻟﻮﺿﻊ ﻣﺴﺘﻘﺮ")]
