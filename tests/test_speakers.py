import attrs
import pytest

from quotes.lexicon import default_lexicons
from quotes.segment import tokenize
from quotes.speakers import SpeakerResolver, read_mention
from quotes.segment import split_paragraphs

LEX = default_lexicons()


def mention(text):
    tokens = tokenize(text)
    return read_mention(text, tokens, 0, len(tokens), LEX)


def test_role_then_name():
    m = mention("وزير الزراعة الكندي بيتر مارلو الثلاثاء")
    assert m.role == "وزير الزراعة الكندي"
    assert m.name == "بيتر مارلو"
    assert m.kind == "person"


def test_name_then_role_in_apposition():
    m = mention("يورغن كلوب، مدرب ليفربول")
    assert m.name == "يورغن كلوب"
    assert m.role == "مدرب ليفربول"


def test_courtesy_title_is_not_part_of_the_role():
    m = mention("رئيس نقابة الأطباء الدكتور مازن العلي إن")
    assert m.role == "رئيس نقابة الأطباء"
    assert m.name == "مازن العلي"


def test_organisation_and_anonymous_sources():
    assert mention("لجان التنسيق المحلية ارتفاع").text == "لجان التنسيق المحلية"
    assert mention("لجان التنسيق المحلية ارتفاع").kind == "organization"
    assert mention("مصدر أمني إن").kind == "anonymous"


def test_short_mention_resolves_to_the_fullest_name_and_role():
    text = "أعلن وزير الزراعة الكندي بيتر مارلو خطة.\nوقال مارلو إن الخطة جاهزة."
    resolver = SpeakerResolver.for_document(text, list(split_paragraphs(text)), LEX)
    tokens = tokenize(text)
    k = next(i for i, t in enumerate(tokens) if t.text == "مارلو" and t.start > 40)
    m = read_mention(text, tokens, k, k + 1, LEX)
    speaker = resolver.speaker(resolver.resolve(m, tokens[k].start, False))
    assert speaker.name == "بيتر مارلو"
    assert speaker.role == "وزير الزراعة الكندي"
    assert text[speaker.mention.start:speaker.mention.end] == "مارلو"


def test_implicit_subject_takes_the_last_speaker_of_the_same_gender():
    text = "وقالت الوزيرة سعاد الخطيب إن الخطة جاهزة. وقال الدكتور مازن العلي إنها جيدة."
    resolver = SpeakerResolver.for_document(text, list(split_paragraphs(text)), LEX)
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    salma = read_mention(text, tokens, words.index("الوزيرة"), words.index("إن"), LEX)
    mazen = read_mention(text, tokens, words.index("الدكتور"), words.index("إنها"), LEX)
    assert salma.name == "سعاد الخطيب" and mazen.name == "مازن العلي"
    resolver.resolve(salma, 0, True)
    resolver.resolve(mazen, 50, False)
    assert resolver.speaker(resolver.resolve(None, 90, True)).name == "سعاد الخطيب"
    assert resolver.speaker(resolver.resolve(None, 95, False)).name == "مازن العلي"


def test_a_place_ends_a_personal_name():
    m = mention("المبعوث الدولي كوفي أنان دمشق غدا")
    assert m.name == "كوفي أنان"


def test_a_place_after_a_nisba_adjective_is_not_part_of_the_role():
    m = mention("المسؤول الأمريكي فرنسا وألمانيا بأنهما")
    assert m.role == "المسؤول الأمريكي"
    assert m.name is None


def test_a_country_is_a_source():
    m = mention("فرنسا الولايات المتحدة إلى")
    assert m.kind == "organization" and m.name == "فرنسا"


def test_organisation_name_inside_the_role_then_the_persons_name():
    m = mention("المدير المالي في مجموعة زين كريم بن عاشور: «")
    assert m.role == "المدير المالي في مجموعة زين"
    assert m.name == "كريم بن عاشور"


def test_two_words_after_a_title_before_a_colon_are_a_name():
    m = mention("وزير التعليم الفلسطيني جواد ناصر: «")
    assert m.name == "جواد ناصر" and m.role == "وزير التعليم الفلسطيني"


def test_role_in_apposition_ends_with_the_firm_it_names():
    m = mention("بيار لوران اختصاصي أسواق العملات في كريديفال إن")
    assert m.name == "بيار لوران"
    assert m.role == "اختصاصي أسواق العملات في كريديفال"


@pytest.mark.parametrize("text, role, name", [
    ("مدير الأبحاث في مصرف جي بي كي فريديريك لامبير إن",
     "مدير الأبحاث في مصرف جي بي كي", "فريديريك لامبير"),
    ("مدير الأبحاث في مصرف اس تي بي فاينانس جوزيف لامبير إن",
     "مدير الأبحاث في مصرف اس تي بي فاينانس", "جوزيف لامبير"),
    ("جوزيف لامبير، مدير الأبحاث في مصرف اس تي بي فاينانس إن",
     "مدير الأبحاث في مصرف اس تي بي فاينانس", "جوزيف لامبير"),
])
def test_a_firm_spelled_in_letter_names_stays_in_the_role(text, role, name):
    m = mention(text)
    assert (m.role, m.name) == (role, name)


def test_a_plain_noun_with_li_after_a_bare_title_is_not_part_of_the_role():
    assert mention("المدرب للاعبين بـ«الأبطال»").text == "المدرب"
    assert mention("الأمين العام للمنظمة الدولية بان كي مون أمس إن").role == "الأمين العام للمنظمة الدولية"


def test_a_long_role_still_finds_the_name_after_it():
    m = mention("نائب مدير إدارة العلاقات العامة والإعلام في الهيئة العامة للرياضة بالمنطقة الشرقية سعد الحربي إن")
    assert m.name == "سعد الحربي"
    assert m.role == "نائب مدير إدارة العلاقات العامة والإعلام في الهيئة العامة للرياضة بالمنطقة الشرقية"


def test_a_word_with_a_possessive_is_not_an_accusative_adverb():
    from quotes.speakers import word_class
    assert word_class(tokenize("مديرها")[0], LEX) != "adverb"
    assert word_class(tokenize("منتقدا")[0], LEX) == "adverb"


def test_kabir_heads_a_role_before_a_plural():
    m = mention("كبير حاخامات روسيا بيرل لازار إن")
    assert (m.role, m.name) == ("كبير حاخامات روسيا", "بيرل لازار")


def test_a_prefix_glued_to_a_number_is_no_name():
    from quotes.speakers import word_class
    assert word_class(tokenize("بـ50")[0], LEX) == "number"
    assert mention("بـ50 مليون دولار") is None


def test_the_cues_preposition_is_not_part_of_a_bare_title():
    assert mention("الوزير على أهمية السوق الأفريقية").role == "الوزير"
    m = mention("المشرف العام على كرة القدم بالنادي سامي الجابر إن")
    assert (m.role, m.name) == ("المشرف العام على كرة القدم بالنادي", "سامي الجابر")


def test_no_name_is_read_in_a_prepositional_phrase_after_the_role():
    m = mention("وزير الثقافة خلال لقائه بالفخراني عن تقديره")
    assert (m.role, m.name) == ("وزير الثقافة", None)


def test_a_form_x_verb_is_no_name():
    from quotes.speakers import word_class
    assert word_class(tokenize("استدعت")[0], LEX) == "common"


@pytest.mark.parametrize("text, role, name", [
    ("المبعوث الأممي إلى سوريا ستيفان دي ميستورا إن", "المبعوث الأممي إلى سوريا", "ستيفان دي ميستورا"),
    ("المدير التنفيذي للدار إلى تطور العمل المصرفي", "المدير التنفيذي للدار", None),
    ("الأمير سليمان بن عبد الملك إن", "الأمير", "سليمان بن عبد الملك"),
])
def test_ila_in_roles_and_compound_names(text, role, name):
    m = mention(text)
    assert (m.role, m.name) == (role, name)


def test_a_name_ten_words_after_its_role():
    m = mention('المسؤول عن مكتب بنغازي في شركة "نوفاتيك" جوزيف لامبير "إن الميناء')
    assert (m.role, m.name) == ('المسؤول عن مكتب بنغازي في شركة "نوفاتيك"', "جوزيف لامبير")


def test_an_imperfect_verb_of_a_form_with_alef_is_no_name():
    from quotes.speakers import word_class
    assert word_class(tokenize("يختطف")[0], LEX) == "common"  # اختطف


def test_the_people_addressed_are_not_part_of_the_role():
    assert mention("المتحدث باسم الحكومة للصحافيين إن").role == "المتحدث باسم الحكومة"
    assert mention("وزير الدولة للشؤون الخارجية سامي ناصر إن").role == "وزير الدولة للشؤون الخارجية"


def test_a_first_name_and_a_family_name_that_are_both_words():
    m = mention("عادل حمودة منتقدا الحكومة")
    assert (m.kind, m.name) == ("person", "عادل حمودة")


def test_a_noun_with_bi_is_no_adjective_of_an_unnamed_source():
    assert mention("مصادر بأهمية الادخار").text == "مصادر"
    assert mention("مصادر أمنية إن").text == "مصادر أمنية"


def test_a_place_behind_a_glued_preposition_is_an_adjunct():
    # even when the tagger reads it as a proper noun (مؤتمر صحفي بطوكيو)
    from quotes.normalize import fold
    from quotes.segment import Token
    from quotes.speakers import word_class
    lex = default_lexicons()
    assert word_class(Token("بطوكيو", 0, 6, fold("بطوكيو"), "word", proper=True), lex) == "preposition"
    assert word_class(Token("طوكيو", 0, 5, fold("طوكيو"), "word"), lex) == "place"


@pytest.mark.parametrize("text, speaker", [
    ("وقال مجلس الوزراء إن الخطة أقرت بالإجماع.", "مجلس الوزراء"),
    ("وقالت نقابة المحامين إن المحاكم ستغلق غدا.", "نقابة المحامين"),
    ("وقال حزب العمال إن الانتخابات يجب أن تكون مبكرة.", "حزب العمال"),
])
def test_a_body_named_by_a_people_noun_in_the_genitive_keeps_it(text, speaker):
    from quotes import extract
    (quote,) = extract(text)
    assert quote.speaker.name == speaker
    assert quote.speaker.kind == "organization"


def test_a_commission_and_critics_are_sources():
    from quotes import extract
    (quote,) = extract("وقالت مفوضية الانتخابات إن النتائج ستعلن بعد يومين.")
    assert quote.speaker.name == "مفوضية الانتخابات"
    (quote,) = extract("ويرى منتقدون أن القانون الجديد يقيد حرية التعبير.")
    assert quote.speaker.name == "منتقدون"


@pytest.mark.parametrize("text, speaker", [
    ("وذكرت وسائل إعلام محلية أن الحريق اندلع ليلا في المخزن.", "وسائل إعلام محلية"),
    ("وقالت وسائل الإعلام الرسمية إن الرئيس سيزور المدينة غدا.", "وسائل الإعلام الرسمية"),
])
def test_the_media_are_named_with_their_genitive(text, speaker):
    from quotes import extract
    (quote,) = extract(text)
    assert quote.speaker.name == speaker


def test_a_for_more_link_line_is_no_headline_quote():
    from quotes import extract
    quotes = extract("أعلنت البلدية خطة جديدة للنقل.\nللمزيد: خمس نصائح لتوفير الوقود في فصل الصيف الحار")
    assert [q.speaker.name for q in quotes] == ["البلدية"]


@pytest.mark.parametrize("text, role", [
    ("وأكد أمير منطقة تبوك أن المشروع سيفتتح في الربيع.", "أمير منطقة تبوك"),
    ("وصرح محافظ محافظة العلا بأن السياحة تنمو.", "محافظ محافظة العلا"),
])
def test_a_place_named_after_a_place_head_is_part_of_the_role(text, role):
    from quotes import extract
    (quote,) = extract(text)
    assert quote.speaker.role == role
    assert quote.speaker.name == role  # no name given: the role designates the speaker


def test_a_place_head_is_no_place_itself():
    lex = default_lexicons()
    assert "منطقه" in lex.place_heads and "منطقه" not in lex.places


@pytest.mark.parametrize("text, speaker, quote", [
    ("وذكرت \"نيويورك تايمز\" أن المفاوضات توقفت.", "نيويورك تايمز", "المفاوضات توقفت"),
    ("وأفاد «المرصد الوطني لحقوق العمال» بأن الأجور تأخرت ثلاثة أشهر.", "المرصد الوطني لحقوق العمال",
     "الأجور تأخرت ثلاثة أشهر"),
])
def test_a_quoted_name_between_the_verb_and_its_complementizer_is_the_source(text, speaker, quote):
    from quotes import extract
    (q,) = extract(text)
    assert (q.speaker.name, q.text, q.type) == (speaker, quote, "indirect")


def test_members_of_a_body_are_a_source():
    from quotes import extract
    (q,) = extract("وأكد أعضاء مجلس الإدارة أن الميزانية أقرت.")
    assert (q.speaker.name, q.speaker.kind) == ("أعضاء مجلس الإدارة", "group")


def test_a_channel_written_with_a_drawn_out_preposition_is_not_part_of_the_name():
    from quotes import extract
    (q,) = extract("وقال الوزير خالد سمير لـBBC إن الاتفاق سيوقع الشهر المقبل.")
    assert (q.speaker.name, q.speaker.role) == ("خالد سمير", "الوزير")


@pytest.mark.parametrize("role, alone", [
    ("والرئيس الأسبق", "الرئيس الأسبق"),
    ("فالمدير التنفيذي الجديد", "المدير التنفيذي الجديد"),
    ("بالدكتور", None),
    ("والمهندس", None),
    ("والد الطالب", "والد الطالب"),   # "father": the letters are the word's own
    ("والي الولاية", "والي الولاية"),
])
def test_a_role_loses_the_conjunction_or_preposition_of_its_sentence(role, alone):
    from quotes.speakers import standalone_role
    assert standalone_role(role, default_lexicons()) == alone


def test_a_speaker_named_after_a_conjunction_has_a_bare_role():
    from quotes import extract
    quotes = extract("التقى الوزير سامي العلي والمدير التنفيذي للشركة نبيل حداد أمس. وقال حداد إن الشراكة مفيدة.")
    assert (quotes[-1].speaker.name, quotes[-1].speaker.role) == ("نبيل حداد", "المدير التنفيذي للشركة")


def test_a_courtesy_title_alone_is_no_role():
    from quotes import extract
    (q,) = extract("وقال الشيخ حمد العامري إن المسجد سيفتتح في رمضان.")
    assert (q.speaker.name, q.speaker.role) == ("حمد العامري", None)


@pytest.mark.parametrize("text, name, role", [
    ('وتقول الطالبة "سعاد الحربي" إن الامتحانات كانت صعبة.', "سعاد الحربي", "الطالبة"),
    ('وقال المزارع «أبو خالد»، إن المحصول جيد هذا العام.', None, None),  # no title known: left alone
])
def test_a_name_in_quotation_marks_after_a_title(text, name, role):
    from quotes import extract
    (q,) = extract(text)
    if name is not None:
        assert (q.speaker.name, q.speaker.role) == (name, role)
    else:
        assert q.text == "المحصول جيد هذا العام"


@pytest.mark.parametrize("phrase, role, name", [
    ("العاهل الأردني الملك عبد الله بن الحسين إن", "العاهل الأردني", "عبد الله بن الحسين"),
    ("أمير منطقة الجوف الأمير فيصل بن نواف إن", "أمير منطقة الجوف", "فيصل بن نواف"),
    ("وزير الداخلية الفريق ماجد الحربي إن", "وزير الداخلية", "ماجد الحربي"),
    ("رئيس الوزراء الأخ سالم العمري إن", "رئيس الوزراء", "سالم العمري"),
    ("المتحدث باسم الجيش الكولونيل سامي الدوري إن", "المتحدث باسم الجيش", "سامي الدوري"),
    ("رئيسة الجمعية الأستاذة سلمى العبدلي إن", "رئيسة الجمعية", "سلمى العبدلي"),
    # alone, the rank is the role; without the article before it, it is the role's genitive
    ("الملك عبد الله بن الحسين إن", "الملك", "عبد الله بن الحسين"),
    ("مدرب الفريق خالد العمري إن", "مدرب الفريق", "خالد العمري"),
])
def test_a_rank_or_honorific_after_a_role_opens_the_name(phrase, role, name):
    m = mention(phrase)
    assert (m.role, m.name) == (role, name)


@pytest.mark.parametrize("phrase, role", [
    ("الدكتور وزير النقل سامر العبدلي إن", "وزير النقل"),
    ("الأخ الرئيس سامر العبدلي إن", "الرئيس"),
    ("أستاذ العلوم السياسية سامر العبدلي إن", "أستاذ العلوم السياسية"),  # أستاذ heads a role here
])
def test_a_form_of_address_before_a_title_is_not_part_of_the_role(phrase, role):
    assert mention(phrase).role == role


@pytest.mark.parametrize("role, alone", [
    ("الدكتور وزير النقل", "وزير النقل"),
    ("الشيخ مفتي البلاد", "مفتي البلاد"),
    ("الدكتور العلي", "الدكتور العلي"),  # no title after the courtesy word: left as read
])
def test_a_role_loses_a_leading_form_of_address(role, alone):
    from quotes.speakers import standalone_role
    assert standalone_role(role, LEX) == alone


@pytest.mark.parametrize("sentence, speaker", [
    ("ويرى آخرون أن القرار متسرع.", "آخرون"),
    ("ويقول كثيرون إن القرار متسرع.", "كثيرون"),
    ("وقال بعضهم إن القرار متسرع.", "بعضهم"),
    ("ويرى البعض الآخر أن القرار متسرع.", "البعض الآخر"),
    ("وأكد العديد من الخبراء أن القرار متسرع.", "العديد من الخبراء"),
    ("وأكد عشرات المحتجين أن القرار متسرع.", "عشرات المحتجين"),
    ("وقال بعض الشهود الآخرين إن الانفجار كان قويا.", "بعض الشهود الآخرين"),
])
def test_unnamed_people_counted_or_quantified_are_a_group_not_the_last_speaker(sentence, speaker):
    from quotes import extract
    quotes = extract("قال الوزير سامر العبدلي إن الخطة جاهزة. " + sentence)
    assert (quotes[-1].speaker.name, quotes[-1].speaker.kind) == (speaker, "group")


def test_sunday_is_no_group_of_people():
    from quotes import extract
    quotes = extract("قال الوزير سامر العبدلي إن الخطة جاهزة. وأضاف الأحد أن التنفيذ يبدأ غدا.")
    assert quotes[-1].speaker.name == "سامر العبدلي"


@pytest.mark.parametrize("phrase, role, name", [
    ("قائد لواء المشاة سامر العبدلي إن", "قائد لواء المشاة", "سامر العبدلي"),
    ("نائب عميد الكلية سامر العبدلي إن", "نائب عميد الكلية", "سامر العبدلي"),
    ("رئيس النقابة الدكتور مازن العلي إن", "رئيس النقابة", "مازن العلي"),
])
def test_a_courtesy_word_in_the_construct_state_belongs_to_the_role(phrase, role, name):
    m = mention(phrase)
    assert (m.role, m.name) == (role, name)


@pytest.mark.parametrize("sentence, speaker", [
    ("وأظهر مسح حديث أن ثقة المستهلكين تراجعت.", "مسح"),
    ("وتشير تقديرات رسمية إلى أن البطالة ارتفعت.", "تقديرات"),
    ("وتشير بعض الدراسات إلى أن البطالة ارتفعت.", "بعض الدراسات"),
])
def test_findings_and_studies_are_sources(sentence, speaker):
    from quotes import extract
    quotes = extract("قال الوزير سامر العبدلي إن الخطة جاهزة. " + sentence)
    assert quotes[-1].speaker.name.startswith(speaker)


@pytest.mark.parametrize("phrase, text", [
    ("تقول أوراق القضية إن المتهم بريء", "أوراق القضية"),
    ("يشير رسم القلب إلى أن المريض تعافى", "رسم القلب"),
    ("قالت نساء إنهن تعرضن للإساءة", "نساء"),
    ("أكد معالي الوزير أن", None),      # a form of address stands for someone named before
    ("أكد ذات المصدر أن", None),
    ("أكد عزمه على أن", None),           # a noun with a pronoun is the verb's object
    ("أعلن بشدة أن", None),
    ("أكد تحليل الدم في المختبر أن", None),  # the clause does not follow the phrase
])
def test_a_noun_after_a_cue_and_before_its_clause_is_a_source(phrase, text):
    from quotes.speakers import noun_phrase_mention
    tokens = tokenize(phrase)
    m = noun_phrase_mention(phrase, tokens, 1, len(tokens), LEX)
    assert (m.text if m else None) == text


@pytest.mark.parametrize("phrase, role", [
    ("المستشار للشؤون الاقتصادية سامر العبدلي إن", "المستشار للشؤون الاقتصادية"),
    ("الناطق للشئون الصحية سامر العبدلي إن", "الناطق للشئون الصحية"),
])
def test_the_field_of_a_title_after_lil_belongs_to_the_role(phrase, role):
    assert mention(phrase).role == role


@pytest.mark.parametrize("phrase, source", [
    ("الحكومة الأردنية التعاملات التجارية مع كندا", "الحكومة الأردنية"),
    ("السلطات البريطانية الاتهامات الروسية", "السلطات البريطانية"),
    # adjectives stay: a participle, and words no shape tells from an adjective
    ("المنظمة التابعة للأمم المتحدة إن", "المنظمة التابعة للأمم المتحدة"),
    ("التيار الوطني الحر إن", "التيار الوطني الحر"),
])
def test_a_verbal_noun_or_plural_after_a_body_and_its_adjective_is_the_object(phrase, source):
    assert mention(phrase).text == source


@pytest.mark.parametrize("sentence, role, gender", [
    ("وقالت سلمى العبدلي، وهي مهندسة في شركة الكهرباء، إن الانقطاع سيستمر.", "مهندسة في شركة الكهرباء", "female"),
    ("وقال سامر العبدلي، وهو محلل اقتصادي، إن الأسعار سترتفع.", "محلل اقتصادي", "male"),
    ("وقال سامر العبدلي، وهو يغادر القاعة، إن الأسعار سترتفع.", None, "male"),  # no title: no role
])
def test_a_role_in_apposition_after_wa_huwa(sentence, role, gender):
    from quotes import extract
    (q,) = extract(sentence)
    assert (q.speaker.name, q.speaker.role, q.speaker.gender) == (sentence.split("،")[0].split(" ", 1)[1], role, gender)


def test_the_pronoun_of_an_apposition_gives_the_gender_a_title_does_not():
    from quotes import extract
    quotes = extract("وقالت جين مكدول، وهي عضو في اللجنة الأممية، إن الوضع مقلق. وأضافت أن التحقيق مستمر.")
    assert [q.speaker.name for q in quotes] == ["جين مكدول", "جين مكدول"]


@pytest.mark.parametrize("sentence, name, role", [
    ("وقال مواطن يدعى رضا الغالي إن الطحين نفد.", "رضا الغالي", None),
    ("وقال صاحب مخبز يدعى رضا الغالي إن الطحين نفد.", "رضا الغالي", "صاحب مخبز"),
    ("وقال أحد المربين، ويدعى صلاح القنوني، إن الأعلاف غالية.", "صلاح القنوني", None),
    ("وقال مصدر يدعي أن الطحين نفد.", "مصدر", None),  # يدعي أن: "claims that", no name
])
def test_a_person_described_then_named(sentence, name, role):
    from quotes import extract
    (q,) = extract(sentence)
    assert (q.speaker.name, q.speaker.role) == (name, role)


def test_a_full_name_that_holds_a_common_word_is_read_whole():
    # طيب is also "good" and كيري reads as ك + يري: the mined full_names.txt keeps them in
    assert mention("الرئيس التركي رجب طيب أردوغان إن").name == "رجب طيب أردوغان"
    m = mention("جون كيري، وزير الخارجية الأمريكي الأسبق، إن")
    assert (m.name, m.role) == ("جون كيري", "وزير الخارجية الأمريكي الأسبق")
    # only the whole sequence, written as one phrase, is the listed name
    assert mention("رجب، طيب القلب، إن").name == "رجب"


def test_without_the_full_name_list_the_reader_stops_at_the_common_word():
    text = "الرئيس التركي رجب طيب أردوغان إن"
    tokens = tokenize(text)
    lex = attrs.evolve(LEX, full_names={})
    assert read_mention(text, tokens, 0, len(tokens), lex).name == "رجب"


def test_a_name_without_a_role_is_evidence_only_when_plain():
    from quotes.speakers import _plain_full_name
    assert _plain_full_name(mention("سامي الراشد المعرض"), LEX)
    assert _plain_full_name(mention("محمد بن سلمان اليوم"), LEX)
    # a preposition on a verbal noun, or a pronoun, is no part of a name
    assert not _plain_full_name(mention("محمد صلاح بإحراز الجائزة"), LEX)
    assert not _plain_full_name(mention("حسن موسيقاها بطريقة"), LEX)
    # no known first name: no evidence
    assert not _plain_full_name(mention("ريفالدو كوستا"), LEX)


def test_a_foreign_first_name_that_starts_like_the_article_opens_the_name():
    # ألكسندر، ألفونسو: mined into article_names.txt (Latin al-, the bare word rarer)
    m = mention("وزير الزراعة الروسي ألكسندر بيتروف إن")
    assert (m.role, m.name) == ("وزير الزراعة الروسي", "ألكسندر بيتروف")
    # an Arab family name with the article stays a definite family name after a first name
    assert mention("سامي الغامدي إن").name == "سامي الغامدي"


def test_hashtag_words_are_read_as_words_and_written_without_marks():
    m = mention("الفنانة #سلمى_العلي إن")
    assert (m.role, m.name) == ("الفنانة", "سلمى العلي")
    m = mention("المتحدث باسم #وزارة_الصحة خالد السعيد إن")
    assert (m.role, m.name) == ("المتحدث باسم وزارة الصحة", "خالد السعيد")
    assert mention("#الجيش_الوطني إن").text == "الجيش_الوطني"  # the span as written, from its first word


def test_a_body_name_ends_before_an_adjunct_with_ba():
    assert mention("مجلس الأمن الدولي بأشد العبارات الهجوم").text == "مجلس الأمن الدولي"
    # but an adjective that governs ب keeps its complement
    assert mention("الهيئة المعنية بحماية البيئة إن").text == "الهيئة المعنية بحماية البيئة"


def test_a_role_in_apposition_after_an_age_or_between_dashes_or_brackets():
    assert mention("سامي الراشد (45 عاما)، مدير مدرسة البنات، إن").role == "مدير مدرسة البنات"
    assert mention("سامي الراشد، 45 عاما، مدير مدرسة البنات، إن").role == "مدير مدرسة البنات"
    assert mention("سامي الراشد - رئيس الجمعية الخيرية - إن").role == "رئيس الجمعية الخيرية"
    m = mention("سامي الراشد (رئيس الجمعية الخيرية) إن")
    assert (m.name, m.role) == ("سامي الراشد", "رئيس الجمعية الخيرية")
    # a number that is no age is no apposition
    assert mention("سامي الراشد، 45 مرة، إن").role is None


def test_a_role_ends_at_its_nationality_before_the_verbs_object():
    assert mention("الرئيس الفرنسي التأكيد على").role == "الرئيس الفرنسي"
    assert mention("وزير الخارجية المصري التحركات").role == "وزير الخارجية المصري"
    # a body's name after the nationality goes on (للعلاقات is no object)
    assert mention("الخبيرة في المجلس الأوروبي للعلاقات الدولية إن").role == \
        "الخبيرة في المجلس الأوروبي للعلاقات الدولية"


def test_a_stray_hashtag_mark_never_reaches_a_name():
    from quotes.speakers import _surface
    assert _surface("الرئيس #_") == "الرئيس"
    assert _surface("دونالد #ترمب") == "دونالد ترمب"
