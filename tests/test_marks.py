from quotes.marks import pair_quotation_marks
from quotes.segment import split_paragraphs


def quoted(text):
    paras = list(split_paragraphs(text))
    return [text[q.start:q.end] for q in pair_quotation_marks(text, paras)]


def test_guillemets_and_ascii():
    assert quoted('قال «نعم» ثم قال "لا"') == ["نعم", "لا"]


def test_mark_glued_to_prefix_opens():
    # the closing guillemet used as an opener, glued to the prefix ل
    assert quoted("ذهب ل»الرياض» أمس") == ["الرياض"]
    assert quoted("وصفها بـ»الصدود» أمس") == ["الصدود"]


def test_nested_pairs_stay_inside_the_outer_quote():
    assert quoted('قال: "هذا «المشروع» مهم"') == ["هذا «المشروع» مهم"]


def test_unclosed_mark_runs_to_paragraph_end():
    text = 'قال: "لن نتراجع عن القرار\nسطر آخر'
    assert quoted(text) == ["لن نتراجع عن القرار"]


def test_quote_over_paragraphs_that_reopen_the_mark():
    text = 'وقال: "الفقرة الأولى\n"الفقرة الثانية".'
    assert quoted(text) == ['الفقرة الأولى\n"الفقرة الثانية']


def test_odd_count_does_not_break_later_pairs():
    text = 'كلمة " وحدها.\nثم قال "نعم".'
    assert "نعم" in quoted(text)
