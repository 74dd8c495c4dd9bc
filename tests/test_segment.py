from quotes.segment import sentence_bounds, split_paragraphs, tokenize

TEXT = 'وقال د. هيثم: "بدأنا". وأضاف أن الخطة جاهزة.\nسطر ثان'


def test_tokens_index_the_original_text():
    for tok in tokenize(TEXT):
        assert TEXT[tok.start:tok.end] == tok.text


def test_token_kinds():
    kinds = {t.text: t.kind for t in tokenize('قال: "نعم" 3,9%')}
    assert kinds["قال"] == "word"
    assert kinds[":"] == "punct"
    assert kinds['"'] == "mark"
    assert kinds["3,9%"] == "number"


def test_abbreviation_does_not_end_a_sentence():
    para = next(split_paragraphs(TEXT))
    ends = [t.text for t in para.tokens if t.sentence_end]
    assert ends == [".", "."]  # after "بدأنا" and after "جاهزة", not after د
    assert len(sentence_bounds(para.tokens)) == 2


def test_paragraphs_are_lines():
    paras = list(split_paragraphs(TEXT))
    assert len(paras) == 2
    assert TEXT[paras[1].start:paras[1].end] == "سطر ثان"


def test_a_full_stop_at_the_very_end_of_the_text_ends_the_sentence():
    tokens = tokenize("وصل الوفد.")
    assert tokens[-1].text == "." and tokens[-1].sentence_end
    assert not tokenize("وصل الوفد.. ثم غادر")[2].sentence_end


def test_an_acronym_spelled_with_dots_is_one_word():
    words = [t.text for t in tokenize("وقالت لشبكة (إي.بي.سي) إن الوفد وصل، حسب وكالة د.ب.أ.")]
    assert "إي.بي.سي" in words and "د.ب.أ" in words
    # a full stop glued between two words still ends the sentence
    tokens = tokenize("وصل الوفد.وقال الوزير")
    assert [t.text for t in tokens[:4]] == ["وصل", "الوفد", ".", "وقال"] and tokens[2].sentence_end


def test_the_complementizer_is_not_read_inside_an_acronym():
    from quotes import Extractor
    q = Extractor(parser="none").extract("وقال الوزير لشبكة (إن.بي.سي) الأمريكية: نريد أن نساعد جيراننا.")[0]
    assert q.text == "نريد أن نساعد جيراننا"


def test_a_hashtag_gives_its_words_and_no_marks():
    text = "نشر #مروان_خوري صورة #جديدة و# وحدها و_ وحدها"
    assert [t.text for t in tokenize(text)] == ["نشر", "مروان", "خوري", "صورة", "جديدة", "و", "#",
                                                  "وحدها", "و", "_", "وحدها"]
    words = [t for t in tokenize(text) if t.text == "خوري"]
    assert text[words[0].start:words[0].end] == "خوري"
