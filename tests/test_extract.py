"""The whole rule layer on sentences written for these tests."""

import pytest

from quotes import Extractor, Quote

from conftest import assert_spans

EX = Extractor(parser="none")


def one(doc, **want) -> Quote:
    quotes = EX.extract(doc)
    assert len(quotes) == 1, [q.to_dict() for q in quotes]
    q = quotes[0]
    for key, value in want.items():
        got = {"type": q.type, "text": q.text, "cue": q.cue and q.cue.text,
               "speaker": q.speaker and q.speaker.name, "role": q.speaker and q.speaker.role,
               "mention": q.speaker and q.speaker.mention and q.speaker.mention.text}[key]
        assert got == value, (key, got, value)
    return q


def test_direct_after_colon():
    one('وقال وزير الخارجية المصري سامح شكري: "لن نقبل بأي حل منفرد".',
        type="direct", text="لن نقبل بأي حل منفرد", cue="وقال", speaker="سامح شكري",
        role="وزير الخارجية المصري", mention="سامح شكري")


def test_direct_keeps_the_full_stop_inside_the_marks():
    one('قال الرئيس: «سنعمل معا.»', type="direct", text="سنعمل معا.")


def test_indirect_after_complementizer():
    one("وأكد المتحدث باسم الجيش اللبناني أن الوضع تحت السيطرة.",
        type="indirect", text="الوضع تحت السيطرة", cue="وأكد")


def test_mixed_when_marks_follow_the_complementizer():
    one('وأضاف كارتر أن المعركة "ستكون طويلة" في الشتاء.', type="mixed",
        text='المعركة "ستكون طويلة" في الشتاء')


def test_direct_when_the_complementizer_is_inside_the_marks():
    one('وقال كارتر: "إن المعركة ستكون طويلة".', type="direct", text="إن المعركة ستكون طويلة")


def test_reported_noun_object():
    q = one("أعلنت وزارة الداخلية الأحد بدء حملة واسعة ضد التهريب.", type="reported",
            speaker="وزارة الداخلية")
    assert q.text == "بدء حملة واسعة ضد التهريب"
    assert q.speaker.kind == "organization" and q.speaker.role is None


def test_quote_before_its_cue():
    one('"لن ننسحب من المدينة"، قال القائد العسكري علي حسن.', type="direct",
        text="لن ننسحب من المدينة", cue="قال", speaker="علي حسن")


def test_according_to_after_the_claim():
    one("ارتفع عدد الضحايا إلى عشرين، حسب وزارة الصحة.", type="according",
        text="ارتفع عدد الضحايا إلى عشرين", cue="حسب", speaker="وزارة الصحة")


def test_headline_name_colon_words():
    one("غوتيريش: نعمل على تأمين ممرات إنسانية", type="direct", cue=None,
        text="نعمل على تأمين ممرات إنسانية", speaker="غوتيريش")


def test_headline_labels_are_not_speakers():
    assert EX.extract("تحديث: وصلت القوات إلى المدينة اليوم") == []
    assert EX.extract("المصدر: وكالة الأنباء الرسمية في البلاد") == []


def test_pro_drop_takes_the_previous_speaker_and_role():
    text = ("وقال وزير الزراعة الكندي بيتر مارلو إن الحكومة ستدعم المزارعين.\n"
            "وأضاف أن الاجتماع تناول سبل التعاون.")
    quotes = EX.extract(text)
    assert [q.type for q in quotes] == ["indirect", "indirect"]
    second = quotes[1]
    assert second.speaker.name == "بيتر مارلو"
    assert second.speaker.role == "وزير الزراعة الكندي"
    assert second.speaker.mention is None


def test_participle_starts_a_new_quote():
    quotes = EX.extract("وقال الوزير إن الخطة جاهزة، مشيرا إلى أن التمويل متوفر.")
    assert [q.text for q in quotes] == ["الخطة جاهزة", "التمويل متوفر"]
    assert quotes[1].cue.text == "مشيرا"


def test_an_ellipsis_before_a_cue_ends_the_report():
    quotes = EX.extract("وأعلن الوزير أن الخطة جاهزة منذ شهور.. مضيفا في مؤتمر صحفي عقده أمس، أن التمويل متوفر.")
    assert [(q.text, q.cue.text) for q in quotes] == [("الخطة جاهزة منذ شهور", "وأعلن"),
                                                      ("التمويل متوفر", "مضيفا")]
    assert quotes[1].speaker.name == "الوزير"


def test_an_ellipsis_inside_a_report_does_not_end_it():
    one("وقال الوزير إن الخطة جاهزة.. والتمويل متوفر.", text="الخطة جاهزة.. والتمويل متوفر")


def test_a_relative_clause_cue_speaks_for_its_antecedent():
    one("ورحبت الحكومة بالقرار لدى اللجنة الأولمبية الدولية التي تأمل تجنب أي تأخير في التحضيرات.",
        speaker="اللجنة الأولمبية الدولية", text="تجنب أي تأخير في التحضيرات")


def test_a_cue_after_a_comma_takes_the_quote_that_follows_it():
    quotes = EX.extract("وعبر الوزير عن رضاه عن الخطة الجديدة، موضحا: «الأرقام جيدة هذا العام».")
    assert [(q.type, q.text, q.cue.text) for q in quotes] == [
        ("reported", "رضاه عن الخطة الجديدة", "وعبر"), ("direct", "الأرقام جيدة هذا العام", "موضحا")]
    assert {q.speaker.name for q in quotes} == {"الوزير"}


def test_a_participle_goes_with_the_verb_that_opens_its_sentence():
    quotes = EX.extract("وانتقد المواطن وصف المدرب للاعبين بـ«الكسالى»، قائلا: «هذا كلام لا يليق».")
    direct = [q for q in quotes if q.type == "direct"]
    assert [(q.text, q.cue.text, q.speaker.name) for q in direct] == [("هذا كلام لا يليق", "قائلا", "المواطن")]


def test_a_time_clause_with_an_is_not_the_report():
    one("وقال الوزير بعد أن التقى نظيره إن المحادثات كانت مثمرة.", text="المحادثات كانت مثمرة")
    assert [q.type for q in EX.extract("وزاد القلق بعد أن رفضت اللجنة الطلب.")] == []


def test_a_relative_clause_with_its_own_possessed_subject():
    one("وتعاقد اللاعب مع النادي الذي أعرب مدربه كارلوس مونتيرو عن سعادته بالصفقة.",
        type="reported", speaker="كارلوس مونتيرو", text="سعادته بالصفقة")


def test_a_hashtag_name_does_not_stop_the_cue_confirmation():
    one("وعبر الفنان #سامر_ناصيف في حديث للصحيفة عن فرحته بالجائزة.",
        type="reported", speaker="سامر ناصيف", text="فرحته بالجائزة")


def test_a_country_after_a_definite_title_is_the_object():
    one("وشكرت الناشطة فرنسا، متسائلة عن موعد تحرك الدول الأخرى.",
        speaker="الناشطة", text="موعد تحرك الدول الأخرى", cue="متسائلة")


def test_a_study_that_shows_is_a_source():
    one("وأظهرت دراسة للمعهد الوطني نشرت أمس أن نصف السكان لا يمارسون الرياضة.",
        type="indirect", speaker="المعهد الوطني", text="نصف السكان لا يمارسون الرياضة")
    assert EX.extract("وأظهرت الصور حجم الدمار في المدينة. وتظهر في الصورة سيارات محترقة.") == []


def test_mubrizan_introduces_a_report():
    quotes = EX.extract("وأكد الوزير ضرورة الإصلاح، مبرزا أن الحكومة ستواصل دعم المؤسسات.")
    assert [(q.cue.text, q.text) for q in quotes][-1] == ("مبرزا", "الحكومة ستواصل دعم المؤسسات")
    assert EX.extract("وكان أبرز المرشحين حاضرا في القاعة.") == []


def test_according_to_a_definite_source_glued_to_li():
    one("وارتفعت الصادرات بنسبة عشرة في المئة، وفقا للإحصائيات الرسمية.", type="according",
        text="وارتفعت الصادرات بنسبة عشرة في المئة", speaker="الإحصائيات الرسمية")


def test_according_to_a_quoted_outlet_followed_by_a_relative():
    quotes = EX.extract('ورفع النادي عرضه بحسب ما ذكرت "ذي تايمز" التي رأت أن المدرب يريد اللاعب.')
    assert [(q.type, q.speaker.name) for q in quotes] == [("according", "ذي تايمز"), ("indirect", "ذي تايمز")]


def test_according_with_an_unread_source_still_keeps_its_verb():
    quotes = EX.extract("رحل الموسيقار المعروف عن 75 عاما، بحسب ما أعلن ابنه في منشور الخميس.")
    assert [(q.type, q.text) for q in quotes] == [("according", "رحل الموسيقار المعروف عن 75 عاما")]


def test_a_name_that_starts_with_waw_right_after_the_verb():
    one("وقال وانغ تشانغ إن الأجور ترتفع.", speaker="وانغ تشانغ")
    assert one("وقال الرئيس وكندا تتابع إن الأجور ترتفع.").speaker.name == "الرئيس"


def test_this_expert_refers_back_to_the_expert():
    quotes = EX.extract("وقال سامر الحلبي الخبير في شؤون الطاقة إن الأسعار سترتفع.\n"
                        "وقال الوزير كمال ناصر إن الحكومة مستعدة.\n"
                        "وأضاف هذا الخبير: \"لكن الطلب سيتراجع\".")
    assert [q.speaker.name for q in quotes] == ["سامر الحلبي", "كمال ناصر", "سامر الحلبي"]


def test_a_relay_marker_naming_the_channel_gets_no_entry_and_its_verb_is_no_cue():
    quotes = EX.extract("وقال العالم سامر ناصيف إن الخطر كبير.\n"
                        "وحذر من الذكاء الاصطناعي، داعيا الحكومة إلى تنظيمه بسرعة، حسب ما نشر موقع \"بوليتيكو\" الأمريكي.")
    assert [(q.type, q.cue.text) for q in quotes] == [("indirect", "وقال"), ("reported", "وحذر"), ("reported", "داعيا")]
    assert quotes[2].text == "تنظيمه بسرعة"


def test_the_subject_before_kana_s_verb_is_the_speaker():
    one("وكان وزير الخارجية سامي ناصر اتهم واشنطن أمس بتسليح المعارضة.", type="reported",
        speaker="سامي ناصر", role="وزير الخارجية")


def test_a_complementizer_inside_the_objects_relative_clause_is_not_the_report():
    one("واعترض الجمهور على قرارات الحكم التي لا يمكن أن تقبل في مباراة نهائية.", type="reported",
        text="قرارات الحكم التي لا يمكن أن تقبل في مباراة نهائية")
    one("وقال الوزير الذي زار المدينة إن الوضع مستقر.", type="indirect", text="الوضع مستقر")


def test_without_that_is_no_report():
    assert EX.extract("وشارك المهاجم في المباراة دون أن ينجح في التسجيل.") == []


def test_a_connector_before_a_cue_starts_a_new_attribution():
    quotes = EX.extract("ويرى المحامون فيه قيدا على الصحافة في حين حذر الأطباء من أن القانون يؤخر العلاج.")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("فيه قيدا على الصحافة", "المحامون"), ("القانون يؤخر العلاج", "الأطباء")]


def test_collective_bodies_are_sources():
    one("وأبدت مؤسسات أهلية قلقها البالغ من القرار الجديد.", type="reported", speaker="مؤسسات أهلية")


@pytest.mark.parametrize("doc", [
    "وقال الوزير: «وصلت طائرة أمس وتنقصنا بعض الإجراءات، مبينا أن سفينة وصلت الميناء.",
    "وقال الوزير: «وصلت طائرة أمس وتنقصنا بعض الإجراءات، مبينا أن سفينة وصلت الميناء».",
])
def test_the_writer_speaking_again_inside_a_late_closed_quote(doc):
    quotes = EX.extract(doc)
    assert [(q.type, q.text, q.cue.text) for q in quotes][:2] == [
        ("direct", "وصلت طائرة أمس وتنقصنا بعض الإجراءات", "وقال"), ("indirect", "سفينة وصلت الميناء", "مبينا")]


def test_an_adjunct_with_a_li_word_before_the_urged_object():
    one("ودعا الرئيس لدى افتتاح الجلسة، الحكومة إلى مراجعة الموازنة العامة.", type="reported",
        text="مراجعة الموازنة العامة", speaker="الرئيس")


def test_a_subject_that_opens_the_sentence_before_its_verb():
    one("فرنسا تعتبر ليبيا على حافة الفوضى", speaker="فرنسا", text="ليبيا على حافة الفوضى")
    one("الوزير يؤكد أن الحكومة جاهزة", speaker="الوزير", text="الحكومة جاهزة")


def test_the_united_nations_is_a_source_and_its_object_the_claim():
    one("وأعلنت الأمم المتحدة دعمها الكامل للخطة.", type="reported", speaker="الأمم المتحدة",
        text="دعمها الكامل للخطة")


def test_nested_attribution_stays_inside_the_outer_quote():
    quotes = EX.extract('وقال المدرب: "قال لي اللاعب إنه مستعد للمباراة".')
    assert len(quotes) == 1 and quotes[0].type == "direct"


def test_unbalanced_marks_do_not_lose_the_document():
    text = 'وقال الوزير: "لن نتراجع.\nوأضاف أن القرار نهائي.'
    quotes = EX.extract(text)
    assert [q.type for q in quotes] == ["direct", "indirect"]


@pytest.mark.parametrize("text", [
    'وقال الوزير: "نعم".', "قال إن الأمر انتهى.", "حسب المصدر، فإن الاتفاق قريب.",
    'وتابع «الأمر» "صعب".\n"جدا"', "",
])
def test_offsets_index_the_text(text):
    assert_spans(text, EX.extract(text))


def test_output_dict_shape():
    d = EX.extract('وقال الوزير: "نعم".', doc_id="a.txt")[0].to_dict()
    assert set(d) == {"doc_id", "index", "type", "quote", "cue", "speaker", "confidence"}
    assert d["doc_id"] == "a.txt" and d["index"] == 0
    assert set(d["speaker"]) == {"name", "role", "kind", "gender", "mention"}
    assert 0 <= d["confidence"] <= 1


def test_subject_before_the_verb_with_apposition():
    one('وكان أيمن الصفدي، وزير الخارجية الأردني، قد قال إن القرار "مرفوض".', type="mixed",
        speaker="أيمن الصفدي", role="وزير الخارجية الأردني")


def test_first_name_that_is_also_a_word():
    one("جدد فهد العتيبي، نائب رئيس الهيئة، تأكيده على عدم تأجيل البطولة.", type="reported",
        speaker="فهد العتيبي", role="نائب رئيس الهيئة", text="تأكيده على عدم تأجيل البطولة")


def test_quote_then_hatha_ma_qalahu():
    one('"إنه أكبر حدث رياضي"، هذا ما قاله وزير الرياضة فيتالي موتكو أمس.', type="direct",
        cue="قاله", speaker="فيتالي موتكو", role="وزير الرياضة")


def test_according_claim_takes_in_a_subjectless_cue():
    quotes = EX.extract('رفعت الحكومة نبرتها محذرة من "نتائج خطيرة"، حسبما قالت الخميس '
                        "وزيرة الخارجية ليلى حداد.")
    assert [q.type for q in quotes] == ["according"]
    assert quotes[0].speaker.name == "ليلى حداد"


def test_according_to_statements_names_their_speaker():
    one("ارتفعت الأسعار بنسبة كبيرة حسب تصريحات وزير المالية خالد يوسف أمس.", type="according",
        speaker="خالد يوسف", role="وزير المالية")


def test_group_of_sources():
    q = one("وأبدى بعض الحضور امتعاضهم من القرار.", type="reported", speaker="بعض الحضور")
    assert q.speaker.kind == "group"


def test_subjectless_cue_refers_to_the_person_the_paragraph_opens_with():
    text = ('وقال المدرب سامي الطرابلسي إن الفريق جاهز.\n'
            "ياسين براهيمي لا يخيفه شيء. وقد وصل إلى موسكو أمس. وقال إنه متفائل بالفوز.")
    quotes = EX.extract(text)
    assert quotes[-1].speaker.name == "ياسين براهيمي"
    assert quotes[-1].speaker.mention is None


def test_headline_with_a_short_name():
    one('معز: "متفائل بالفوز على بلجيكا"', type="direct", speaker="معز", cue=None)


def test_relayed_quote_names_the_source_not_the_agency():
    q = one('ونقلت وكالة الأنباء الرسمية عن مصدر أمني قوله: "الوضع تحت السيطرة".', type="direct")
    assert q.speaker.name == "مصدر أمني" and q.speaker.kind == "anonymous"


def test_participle_without_a_comma_starts_a_new_quote():
    quotes = EX.extract('وقال الخبير إن الإنتاج ارتفع في العام الماضي مضيفا أن ذلك "لم يحدث من قبل".')
    assert [q.type for q in quotes] == ["indirect", "mixed"]
    assert quotes[0].text == "الإنتاج ارتفع في العام الماضي"


def test_glued_preposition_starts_the_object():
    q = one("ووعدت الوزارة أمس باتخاذ الإجراءات اللازمة.", type="reported",
            text="باتخاذ الإجراءات اللازمة")
    assert q.speaker.name == "الوزارة"


def test_unnamed_official_is_anonymous():
    q = one("وأوضح مسؤول حكومي للصحفيين إن المفاوضات متوقفة.", type="indirect", speaker="مسؤول حكومي")
    assert q.speaker.kind == "anonymous" and q.speaker.role is None


def test_it_is_said_has_no_speaker():
    text = "وقال الوزير إن الخطة جاهزة. ويقال إن الحكومة ستتغير قريبا."
    quotes = EX.extract(text)
    assert quotes[1].cue.text == "ويقال" and quotes[1].speaker is None


def test_quoted_name_inside_a_clause_is_not_a_quote():
    quotes = EX.extract("وقالت المجموعة «زين السعودية» التي تعمل في السوق منذ عام 2008.")
    assert all(q.text != "زين السعودية" for q in quotes)


def test_headline_that_opens_with_a_quoted_name():
    q = one("الشامسي: «اتصالات» تراهن على السوق المصرية", type="direct")
    assert q.text == "«اتصالات» تراهن على السوق المصرية"


def test_a_documents_source_is_its_organisation():
    text = ("وقالت صحيفة لوموند الفرنسية إن النادي يواجه عقوبات.\n"
            "وأضاف تقرير الصحيفة أن التحقيق سيستمر أشهرا.")
    quotes = EX.extract(text)
    assert quotes[1].speaker.name == "صحيفة لوموند الفرنسية"


def test_mention_span_is_the_name_as_written():
    text = "وقال الوزير محمد   سالم إن الخطة جاهزة."
    q = EX.extract(text)[0]
    m = q.speaker.mention
    assert text[m.start:m.end] == m.text == "محمد   سالم"
    assert q.speaker.name == "محمد سالم"


def test_subject_before_the_verb_after_a_complementizer():
    q = one("غير أن الحكومة المحلية أعلنت أن الطريق سيفتح غدا.", type="indirect",
            text="الطريق سيفتح غدا")
    assert q.speaker.name == "الحكومة المحلية"


def test_kana_subject_qad_verb_with_a_collective_in_the_role():
    one("وكان رئيس الوزراء الأردني سمير النابلسي قد قال إن الميزانية جاهزة.",
        speaker="سمير النابلسي", role="رئيس الوزراء الأردني")


def test_unnamed_official_is_a_new_source_and_the_definite_title_refers_back():
    text = ("ووصف المسؤول الفرنسي المغرب وتونس بأنهما شريكان.\n"
            "وقال مسؤول في وزارة المالية إن العجز تراجع.\n"
            "وأضاف المسؤول أن الأرقام ستنشر الشهر المقبل.")
    quotes = EX.extract(text)
    assert [q.speaker.name for q in quotes[-2:]] == ["مسؤول في وزارة المالية"] * 2
    assert quotes[-2].speaker.kind == "anonymous"
    assert all(q.speaker.name != "وتونس" for q in quotes)


def test_a_bare_company_word_refers_to_the_company_named_before():
    text = ('وأعلنت شبكة التواصل الاجتماعي "تيليغرام" في بيان أنها أصلحت الخلل.\n'
            'وتابعت الشبكة: "لم تتسرب أي بيانات".\n'
            'وأوضحت الشركة أن المستخدمين لن يحتاجوا إلى تغيير كلمات المرور.')
    quotes = EX.extract(text)
    assert [q.speaker.name for q in quotes] == ["تيليغرام"] * 3
    assert quotes[1].speaker.mention.text == "الشبكة"


def test_full_name_after_the_words_that_qualify_a_role():
    one("وقال نائب رئيس الحزب المنبثق عن الحركة سالم الراشد في تصريح إن الحزب سيشارك.",
        speaker="سالم الراشد")


def test_newspaper_with_a_foreign_article_in_its_name():
    q = one("لكن صحيفة ذي غلوب الكندية قالت إن المفاوضات فشلت.", type="indirect")
    assert q.speaker.name == "صحيفة ذي غلوب الكندية"


def test_family_name_that_is_a_common_word_reads_as_the_name_introduced_before():
    text = ("وأعلن رئيس النادي مرتضى منصور استقالته.\n"
            "وقال المدرب حسام البدري إن الفريق جاهز.\n"
            "وقال منصور إن المجلس لم يخالف القانون.")
    quotes = EX.extract(text)
    assert quotes[-1].speaker.name == "مرتضى منصور"
    assert quotes[-1].speaker.mention.text == "منصور"


def test_writers_background_note_is_not_a_quote():
    quotes = EX.extract("يذكر أن المباراة ستقام يوم الجمعة في الرياض.")
    assert quotes == []


def test_quote_before_a_participle_stays_with_the_verb_before_it():
    text = 'وقال وزير الخارجية البريطاني مارك تومسون أمس، إن المنطقة "على شفا الفوضى"، متعهدا دعم الوساطة.'
    q = EX.extract(text)[0]
    assert q.text == 'المنطقة "على شفا الفوضى"'
    assert q.cue.text == "وقال" and q.speaker.name == "مارك تومسون"


def test_role_before_a_channel_has_no_name():
    q = one("وقال المحامي لوكالة الأنباء الألمانية: «موكلي بخير».", type="direct")
    assert q.speaker.name == "المحامي"


def test_quoted_name_right_after_the_verb_is_its_subject():
    q = one('وأكدت "تيليغرام"، الأحد، أنها لا تبيع بيانات المستخدمين.', type="indirect")
    assert q.speaker.name == "تيليغرام" and q.speaker.mention.text == "تيليغرام"


def test_two_common_words_before_a_title_in_apposition_are_a_name():
    q = one("كذلك أكد نصر محمود المستشار الإعلامي في الوزارة أن القرار نهائي.")
    assert q.speaker.name == "نصر محمود"
    assert q.speaker.role == "المستشار الإعلامي في الوزارة"


def test_newspaper_named_in_quotation_marks_keeps_its_head_and_adjective():
    q = one('وقالت صحيفة "الديلي ميل" البريطانية إن الطائرة هبطت قرب القرية.', type="indirect")
    assert q.speaker.name == "صحيفة الديلي ميل البريطانية"
    assert q.speaker.mention.text == 'صحيفة "الديلي ميل" البريطانية'


def test_the_company_that_speaks_is_preferred_to_another_named_before():
    text = ('وكانت شركة "نوفا" اللندنية قد جمعت البيانات.\n'
            'وأكدت "تيليغرام"، الأحد، أنها تحفظ نسخا من الرسائل.\n'
            'وأوضحت الشركة أنها لا تشارك أي معلومات مع المعلنين.')
    quotes = EX.extract(text)
    assert [q.speaker.name for q in quotes] == ["تيليغرام", "تيليغرام"]


def test_an_indefinite_construct_title_is_not_anonymous():
    q = one("وقال محافظ جنوب سيناء خالد فودة إن المطار سيفتتح قريبا.")
    assert q.speaker.kind == "person" and q.speaker.name == "خالد فودة"


def test_a_statement_issued_in_someones_name_is_theirs():
    q = one("وقال بيان صادر باسم المدير العام لهيئة الموانئ، سامر الحلبي، إن العقد ألغي.", type="indirect")
    assert q.speaker.name == "سامر الحلبي"


def test_an_organisation_name_that_is_a_common_word():
    q = one("وقالت حركة حماس في بيان إن الاتفاق انتهى.", type="indirect")
    assert q.speaker.name == "حركة حماس"


def test_a_bare_company_word_never_refers_to_a_company_named_later():
    text = ("وقالت الشركة في بيان إن الخلل أصلح.\n"
            "وفي سياق آخر كشفت شركة نوكيا عن هاتف جديد.")
    assert EX.extract(text)[0].speaker.name == "الشركة"


def test_plural_cue_without_subject_takes_the_group_before_it():
    q = one("واعتصم بعض الناشطين في الميدان مؤكدين أنهم سيبقون حتى الاعتراف بالنتيجة.")
    assert q.cue.text == "مؤكدين" and q.speaker.name == "بعض الناشطين"


def test_a_report_of_an_institute_behind_a_preposition_is_the_institutes():
    q = one("وقدر تقرير للمعهد الكندي للبحوث البحرية أن المخزون يبلغ 12 مليون طن.")
    assert q.speaker.name == "المعهد الكندي للبحوث البحرية"


def test_a_newspaper_named_behind_a_preposition_is_known_later():
    text = ('وذكرت وكالة الأنباء أن النادي يواجه عقوبات، بحسب تقرير لصحيفة "لوموند".\n'
            "وتابعت الصحيفة أن التحقيق سيستمر.")
    assert EX.extract(text)[-1].speaker.name == 'صحيفة لوموند'


def test_a_bare_organisation_name_is_not_extended_by_a_head_word():
    text = ('نشرت شبكة "تيليغرام" تحديثا.\n'
            'وأكدت "تيليغرام"، الأحد، أنها لا تبيع البيانات.')
    assert EX.extract(text)[-1].speaker.name == "تيليغرام"


def test_a_body_after_a_definite_body_is_the_verbs_object():
    text = ("وقال مسؤول في وزارة الخارجية الفرنسية إن البلدين شريكان.\n"
            'وطالبت الخارجية النرويجية السلطات المصرية "بالإفراج العاجل" عن الصحفيين.')
    q = EX.extract(text)[-1]
    assert q.speaker.name == "الخارجية النرويجية"


def test_plural_outlets_are_a_source():
    one("وأفادت مواقع إخبارية بأن المدرب قرر الاستقالة من منصبه.", speaker="مواقع إخبارية")


def test_a_role_keeps_the_quoted_name_of_its_organisation():
    one('وقال هاري سميث الخبير في شؤون آسيا في مجموعة "أوكسفورد أناليتكا": "الطلب يتراجع".',
        speaker="هاري سميث", role='الخبير في شؤون آسيا في مجموعة "أوكسفورد أناليتكا"')


def test_a_role_with_a_pronoun_names_the_body_it_stands_for():
    text = ("ودعت حركة النهضة في بيان للمتحدث باسمها عماد الخميري إلى الحوار.\n"
            "وقال الخميري إن الوضع صعب.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("عماد الخميري", "المتحدث باسم حركة النهضة")
    q = one("ونقل موقع نادي الأهلي تصريحات رئيسه محمود الخطيب الذي قال إن الفريق سيعود.")
    assert q.speaker.role == "رئيس نادي الأهلي"


def test_a_role_ends_before_the_persons_origin_and_a_clause_about_the_body():
    one("وقال ماركو فيراتي كبير مهندسي الشركة الإيطالي المولد إن المشروع تأخر.",
        speaker="ماركو فيراتي", role="كبير مهندسي الشركة")
    one("وقال سمير الحلبي نائب رئيس حزب التجمع الوطني المنبثق عن الحركة إن الانتخابات ستجرى.",
        speaker="سمير الحلبي", role="نائب رئيس حزب التجمع الوطني")


def test_an_unnamed_source_ends_before_the_outlet_it_spoke_to():
    one("وقال مصدر للأناضول إن الهجوم فشل.", speaker="مصدر")


def test_a_title_said_another_way_refers_to_who_holds_it():
    text = ("ودعا المدير العام لمنظمة الصحة العالمية تيدروس غيبريسوس إلى وقف القتال.\n"
            "وقال وزير الخارجية السويدي بيتر هولتكفيست إن الوضع خطير.\n"
            "وجدد المدير العام الأممي دعوته إلى الحوار.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("تيدروس غيبريسوس", "المدير العام لمنظمة الصحة العالمية")


def test_a_contradicting_adjective_keeps_two_holders_of_a_title_apart():
    text = ("وقال وزير الدفاع الإيطالي ماريو روسي إن الحل سياسي.\n"
            "وأكد وزير الدفاع الإسباني أن بلاده تدعم الحل.")
    q = EX.extract(text)[-1]
    assert q.speaker.name != "ماريو روسي"


def test_another_ministry_keeps_two_ministers_apart():
    text = ("وقال وزير المالية فادي النمر إن العجز تراجع.\n"
            "وقال وزير الصحة إن المستشفيات جاهزة.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("وزير الصحة", "وزير الصحة")


def test_a_shorter_or_misspelt_form_of_a_role_is_the_same_person():
    text = ("وقال رئيس جمعية المزارعين سالم البكري إن المحصول وفير.\n"
            "وأضاف رئيس الجمعية أن الأسعار مستقرة.\n"
            "وأوضح رئيس جميعة المزارعين أن التصدير سيبدأ قريبا.")
    assert [q.speaker.name for q in EX.extract(text)] == ["سالم البكري"] * 3


def test_whom_a_spokesperson_speaks_for_is_part_of_the_role():
    def who(text):
        q = EX.extract(text)[0]
        return q.speaker.name, q.speaker.role
    assert who("وقال المتحدث باسم الرئيس البرازيلي إن القمة تأجلت.") == (
        "المتحدث باسم الرئيس البرازيلي", "المتحدث باسم الرئيس البرازيلي")
    assert who("وأعلن متحدث باسم المعارضة أن وفدها انسحب من الجلسة.") == (
        "متحدث باسم المعارضة", "متحدث باسم المعارضة")
    assert who("وقال الناطق باسم المعارضة المسلحة سعيد الحمدان إن الهدنة صامدة.") == (
        "سعيد الحمدان", "الناطق باسم المعارضة المسلحة")
    assert who("وقالت متحدثة باسم مستشفى كيرين، هيلين بيرغر، إن المصابين بخير.") == (
        "هيلين بيرغر", "متحدثة باسم مستشفى كيرين")


def test_the_name_after_a_spokespersons_principal_is_the_principals():
    text = ("وقال مارك هوفمان، المتحدث باسم الرئيس البرازيلي كارلوس منديس، إن الزيارة تأجلت.\n"
            "وكان منديس قد أكد أن بلاده لن تتراجع.")
    first, second = EX.extract(text)
    assert first.speaker.name == "مارك هوفمان"
    assert first.speaker.role.startswith("المتحدث باسم الرئيس البرازيلي")
    assert (second.speaker.name, second.speaker.role) == ("كارلوس منديس", "الرئيس البرازيلي")


def test_an_office_nobody_was_named_with_is_someone_new():
    text = ("وقال الوزير نادر السالم إن الوضع مستقر.\n"
            "وقال رئيس البلدية إن الطرق مفتوحة.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("رئيس البلدية", "رئيس البلدية")


def test_going_on_with_another_title_describes_the_speaker_anew():
    text = ("وقال رئيس الجمعية سمير الحداد إن المعرض ناجح.\n"
            "وأضاف أستاذ الاقتصاد أن الإقبال فاق التوقعات.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("سمير الحداد", "رئيس الجمعية")


def test_according_to_a_statement_by_someone_names_them():
    q = EX.extract("وتراجعت صادرات القمح هذا العام، بحسب تصريح لمسؤول في الوزارة.")[0]
    assert (q.type, q.speaker.name) == ("according", "مسؤول في الوزارة")
    q = EX.extract("وسيزور المدينة نصف مليون سائح، وفقا لتوقعات وزير السياحة كمال الشامي.")[0]
    assert (q.type, q.speaker.name, q.speaker.role) == ("according", "كمال الشامي", "وزير السياحة")


def test_the_clause_before_an_according_marker_is_its_claim():
    q = EX.extract("ومن أجل المهرجان، يتوقع أن يزور المدينة مليون سائح، بحسب تقديرات وزارة السياحة.")[0]
    assert (q.type, q.text, q.speaker.name) == ("according", "يزور المدينة مليون سائح", "وزارة السياحة")


def test_a_marker_before_a_rule_does_not_end_the_quote():
    q = EX.extract("وأوضح المدير أن الفرق ستوزع وفقا للجدول الجديد في بداية الموسم.")[0]
    assert q.text == "الفرق ستوزع وفقا للجدول الجديد في بداية الموسم"


def test_an_institution_is_not_a_woman_founder():
    text = ("أعلنت المؤسسة العامة للموانئ أنه تم تعديل مواعيد الرحلات.\n"
            "وقال مدير الإعلام بالمؤسسة سامي الحداد إن التعديل يخدم المسافرين.")
    first, second = EX.extract(text)
    assert (first.speaker.name, first.speaker.kind) == ("المؤسسة العامة للموانئ", "organization")
    assert second.speaker.name == "سامي الحداد"


def test_a_name_that_starts_like_the_article_is_a_name():
    text = ('وقال فاليري موران، وهو أستاذ في جامعة ليون: "النتائج مشجعة".\n'
            'وتابع قائلا "سنواصل التجارب".\n'
            "وقال والتر كوخ إن الفريق جاهز. وأضاف والتر أن المباراة صعبة.")
    speakers = [(q.speaker.name, q.speaker.role) for q in EX.extract(text)]
    assert speakers[:2] == [("فاليري موران", "أستاذ في جامعة ليون")] * 2
    assert [name for name, _ in speakers[2:]] == ["والتر كوخ", "والتر كوخ"]


def test_a_family_name_that_is_a_common_word_joins_the_name_it_followed():
    text = ("قال الباحث محمد سامي الحداد إن الشعر بخير.\n"
            "وأضاف الحداد أن النقد غائب. وتابع الحداد أن الجمهور قليل.")
    assert [(q.speaker.name, q.speaker.role) for q in EX.extract(text)] == [
        ("محمد سامي الحداد", "الباحث")] * 3
    # a definite word nobody's name was followed by stays what it is
    q = EX.extract("قال الباحث محمد سامي إن الشعر بخير.\nوأضاف الحداد أن النقد غائب.")[-1]
    assert q.speaker.name == "الحداد"


def test_a_family_name_after_a_patronymic_is_part_of_the_name():
    q = EX.extract("وأوضح مدير الإدارة سعود بن فهد الحمدان أن العمل بدأ.")[0]
    assert (q.speaker.name, q.speaker.role) == ("سعود بن فهد الحمدان", "مدير الإدارة")
    # a plural after the name is the verb's object
    q = EX.extract("وزار الأمير سعود بن فهد المصابين في المستشفى وأكد أن حالتهم مستقرة.")[0]
    assert q.speaker.name == "سعود بن فهد"


def test_as_something_dictates_is_no_according_to():
    assert EX.extract("ويكتب الروائي قصصه وفق ما تمليه عليه ذاكرته وتجاربه.") == []


def test_akkada_ala_takes_a_reported_object():
    one("وأكد المدير على أهمية التدريب المستمر للعاملين الجدد.", type="reported",
        text="أهمية التدريب المستمر للعاملين الجدد", speaker="المدير")
    one("لكنه أكد حرص الشركة على خفض التكاليف في العام المقبل.", type="reported",
        text="حرص الشركة على خفض التكاليف في العام المقبل")


def test_a_definite_title_takes_no_definite_group_as_its_complement():
    text = ("قال وزير الزراعة الأردني خالد الحنيفات إن الموسم جيد.\n"
            "ودعا الوزير المنظمات الأهلية إلى دعم صغار المزارعين.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("خالد الحنيفات", "وزير الزراعة الأردني")


def test_an_adjective_that_names_no_country_does_not_keep_holders_apart():
    text = ("وقال نيكوس باباس المتحدث الحكومي القبرصي إن الحكومة باقية.\n"
            "وأضاف المتحدث باسم الحكومة الائتلافية أن التعديل قريب.")
    assert EX.extract(text)[-1].speaker.name == "نيكوس باباس"


def test_a_family_name_shaped_like_an_adjective_completes_an_unknown_first_name():
    one('وكان رئيس البرلمان العراقي مقتدى الكعبي قد قال إن "الانتخابات ستجرى في موعدها".',
        speaker="مقتدى الكعبي", role="رئيس البرلمان العراقي")


def test_a_bare_title_refers_to_the_person_just_named_in_its_paragraph():
    text = ("وقال وزير الخارجية الإيرلندي سايمون كوفيني إن الحل سياسي.\n"
            "وزار نائب وزير الداخلية مراد بوعلام باريس أمس، وقال المسؤول المغربي إن التعاون يتعزز.")
    assert EX.extract(text)[-1].speaker.name == "مراد بوعلام"


def test_a_participle_speaks_for_the_subject_of_the_verb_after_a_connector():
    text = ("وقال ميسي إن زميله كان رائعا. فيما رثاه المدرب الأرجنتيني سكالوني الذي دربه في المنتخب "
            "قائلا: «إنه يوم حزين».")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("سكالوني", "المدرب الأرجنتيني")


def test_a_verb_joined_by_waw_shares_the_subject_of_the_verb_that_opens_its_sentence():
    text = ("وقال رئيس البلدية كريم الساعدي إن الأشغال تتقدم. واجتمع المهندس سامي الراشد بالعمال صباح أمس "
            "في الموقع وقال: «سننهي الجسر قبل الصيف».")
    q = EX.extract(text)[-1]
    assert (q.text, q.speaker.name) == ("سننهي الجسر قبل الصيف", "سامي الراشد")
    # at the start of its sentence the verb has no clause to share a subject with
    q = EX.extract("وقال رئيس البلدية كريم الساعدي إن الأشغال تتقدم. وقال: «سننهي الجسر قبل الصيف».")[-1]
    assert q.speaker.name == "كريم الساعدي"


def test_a_verb_after_ma_speaks_for_the_subject_of_its_sentence():
    q = EX.extract('كما أوقفت الأردن الرحلات الجوية مع ليبيا بسبب ما وصفته "بالفوضى" في مطاراتها.')[-1]
    assert q.speaker.name == "الأردن"


def test_the_genitive_after_a_verbal_noun_is_its_agent():
    q = one("وألغت الوزارة المؤتمر عقب مطالبة فرنسا الحكومة بتأجيل الانتخابات المحلية.")
    assert q.speaker.name == "فرنسا"


def test_a_bare_specific_title_does_not_refer_to_another_office_named_before():
    text = ("وقال سامي العلي وزير الشؤون الاجتماعية إن الدعم مستمر.\n"
            "وكتب القصيدة الشاعر المصري الكبير أحمد شوقي. وعبر وزير الرياضة عن تقديره للشاعر.")
    assert "شوقي" not in EX.extract(text)[-1].speaker.name


def test_a_bare_agent_noun_refers_to_who_did_the_verb():
    text = ("وكتب سليم عزوز منتقدا الحكومة: لو تأخر الإصلاح فإن الأزمة ستتفاقم.\n"
            "وأكد الكاتب أن التغيير سيكون بطيئا.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("سليم عزوز", "الكاتب")


def test_specialists_in_the_plural_are_a_source():
    q = one("غير ان المختصين يشيرون الى ان الأسعار ستعود الى الارتفاع قريبا.")
    assert q.speaker.name == "المختصين"


def test_what_appears_in_a_statement_is_its_issuers():
    text = ("وقالت وزارة الداخلية الأردنية إن الحدود مغلقة.\n"
            "وجاء في بيان رئيس الوزراء بشر الخصاونة «سنفتح المعابر قريبا».")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("بشر الخصاونة", "رئيس الوزراء")
    text = ("وبعث رئيس الهيئة سالم الدوسري برسالة إلى الوزارة.\n"
            'وجاء في الرسالة أن "القرار غير مدروس".')
    assert EX.extract(text)[-1].speaker.name == "سالم الدوسري"


def test_two_papers_are_a_source_named_by_the_first_name():
    one('وذكرت صحيفتا "ذي غارديان" و"ذي تايمز" ان النادي يسعى الى ضم اللاعب.',
        speaker="ذي غارديان")


def test_the_subject_after_a_complementizer_comes_before_its_verb():
    one('ويذكر أن شركة الخطوط الملكية المغربية، اتهمت شركة المطار بـ"التقصير" في الصيانة.',
        speaker="شركة الخطوط الملكية المغربية")


def test_ban_before_ki_is_a_name_not_a_complementizer():
    one("دعا الأمين العام السابق بان كي مون أمس الدول الغنية إلى زيادة المساعدات للاجئين.",
        type="reported", text="زيادة المساعدات للاجئين", speaker="بان كي مون")


def test_tahaddatha_an_reports_but_the_bare_form_is_it_happens():
    one("وجاء ذلك عقب ما تحدثت وكالة رويترز عن اعتقال 40 شخصا خلال يومين.",
        type="reported", text="اعتقال 40 شخصا خلال يومين", speaker="وكالة رويترز")
    assert EX.extract("ونتمنى ألا تحدث فتنة جديدة في البلاد عن قريب.") == []


def test_a_quoted_object_after_the_preposition_ends_at_a_comma():
    q = EX.extract('وبينما حذر الوزير الحكومة الجديدة من "انهيار اقتصادي"، '
                   "يعتزم الوفد زيارة عمان غدا.")[0]
    assert (q.type, q.text) == ("reported", '"انهيار اقتصادي"')


def test_a_reason_after_a_semicolon_goes_with_the_claim():
    one("ودعت المنظمة السلطات إلى الإفراج عن الصحفي؛ لأنه «يعاني من مرض خطير».",
        type="reported", text="الإفراج عن الصحفي؛ لأنه «يعاني من مرض خطير»")


def test_a_possessed_title_is_masculine_and_the_participle_finds_him():
    text = ("ونقل موقع نادي الوحدات تصريحات رئيسه بشار الحوامدة خلال مؤتمر صحفي تحدث فيه عن "
            '"ديون متراكمة" في الموسم الماضي.\n'
            'وقال الحوامدة إن "النادي قوي"، مضيفا أن "الجمهور لن يتخلى عنه".')
    q = EX.extract(text)[-1]
    assert (q.cue.text, q.speaker.name) == ("مضيفا", "بشار الحوامدة")


def test_an_accusative_source_after_anna_is_named_in_the_nominative():
    text = ("ومن المعروف أن مسؤولا في الاتحاد الأردني لكرة السلة، أكد لـ«الغد»، أن المدرب سيتغير.\n"
            "وأضاف: «سيبدأ المدرب الجديد عمله الشهر المقبل».")
    assert [q.speaker.name for q in EX.extract(text)] == ["مسؤول في الاتحاد الأردني لكرة السلة"] * 2


def test_cues_after_a_document_agree_with_the_document():
    text = ('ذكرت صحيفة "نيويورك تايمز" أن الشركة تواجه غرامة. وقال الاتحاد الأوروبي إن التحقيق مستمر.\n'
            'وذكر تقرير الصحيفة "تشير الوثائق إلى أن الأرباح مبالغ فيها".\n'
            'وتابع "الشركة في طريقها إلى خسارة كبيرة".')
    assert EX.extract(text)[-1].speaker.name == "صحيفة نيويورك تايمز"


def test_a_bare_designation_with_a_glued_preposition_names_a_person():
    text = ("وتمنى الوفد النجاح للعراق ممثلا بالرئيس عبد اللطيف جمال رشيد رئيس الجمهورية.\n"
            "وقال الرئيس رشيد إن الحوار سيستمر.")
    q = EX.extract(text)[-1]
    assert q.speaker.name == "عبد اللطيف جمال رشيد"


def test_a_participle_speaks_for_the_subject_of_kana():
    text = ("وقالت صحيفة نيويورك تايمز إن الشركة خرقت القانون.\n"
            'وكان البرلمان الأوروبي فتح تحقيقا بشأن الشركة، مشيرا إلى أن "التحقيق سيشمل العقود".')
    assert EX.extract(text)[-1].speaker.name == "البرلمان الأوروبي"


def test_a_two_letter_verb_with_wa_is_a_cue_and_its_object_ends_the_role():
    one('وحث وزير الاقتصاد الألماني الحكومة الإيطالية على اتخاذ "خطوات حاسمة".',
        type="reported", speaker="وزير الاقتصاد الألماني", role="وزير الاقتصاد الألماني")
    assert EX.extract("وكان فرد من العائلة عن البيت بعيدا.") == []


def test_a_participle_cue_ends_the_object_of_the_verb_before_it():
    quotes = EX.extract("عبر المغني وائل جسار عن سعادته بإحياء حفل في دبي موضحاً بأنه يحب جمهوره.")
    assert [(q.type, q.text) for q in quotes] == [("reported", "سعادته بإحياء حفل في دبي"),
                                                  ("indirect", "يحب جمهوره")]


def test_radda_ala_ends_a_reported_object():
    one("وكان وزير الخارجية الإيراني اتهم لندن أمس بدعم المتظاهرين ردا على تصريحات نظيره.",
        type="reported", text="بدعم المتظاهرين")


def test_a_pronoun_with_a_preposition_may_stand_between_the_verb_and_its_subject():
    text = ('وقال مدير المتحف إن الفنان كان مبدعا.\n'
            'وقالت عنه مارغريت إن "أعماله لا تتكرر".')
    assert EX.extract(text)[-1].speaker.name == "مارغريت"
    q = one("ويأتي ذلك في وقت قال فيه مصدر عسكري إن القوات ستنسحب من المدينة.")
    assert q.speaker.name == "مصدر عسكري"
    assert one("وتمنى لهم النجاح في مهمتهم الجديدة.").speaker is None


def test_wasafa_takes_the_clause_after_its_object_as_the_claim():
    one("ووصف المهرجانات في الخليج بأنها تحمل طابعا خاصا.", type="indirect", text="تحمل طابعا خاصا")


def test_a_quoted_name_then_the_quote_after_a_headline_verb():
    one("من جانبها عنونت «الأخبار» «الحكومة تواجه أزمة الوقود».", type="direct",
        text="الحكومة تواجه أزمة الوقود", speaker="الأخبار")
    one("وجاء عنوان صحيفة «الشروق» «الأسعار تواصل الارتفاع».", type="direct",
        text="الأسعار تواصل الارتفاع", speaker="صحيفة الشروق")


def test_a_wa_cue_with_its_own_preposition_starts_a_new_attribution():
    quotes = EX.extract("وقال اللاعب إنه أخطأ في حق زملائه وأعرب عن أسفه لما حدث في المباراة.")
    assert [(q.type, q.text) for q in quotes] == [("indirect", "أخطأ في حق زملائه"),
                                                  ("reported", "أسفه لما حدث في المباراة")]


def test_an_official_in_charge_of_something_keeps_it_in_the_role():
    one('وبين المسؤول عن فرع الإسكندرية في شركة "ماريتيم" جورج حداد أن الموسم جيد.',
        speaker="جورج حداد", role='المسؤول عن فرع الإسكندرية في شركة "ماريتيم"')
    q = one("وأعلن الوزير عن خطة جديدة لدعم الاقتصاد.")
    assert (q.speaker.role, q.text) == ("الوزير", "خطة جديدة لدعم الاقتصاد")


def test_a_say_verb_reports_a_noun_only_through_its_preposition():
    # لفت "drew attention": the noun after it is its subject, the report is أعرب's
    quotes = EX.extract('ولفت بيان لعمّان مساء الأحد حين أعرب نائب رئيس الحكومة سامي ناصر عن قلق بلاده من '
                        '"تمدد الأزمة إلى الحدود".')
    assert [(q.type, q.text, q.speaker.name) for q in quotes] == [
        ("reported", 'قلق بلاده من "تمدد الأزمة إلى الحدود"', "سامي ناصر")]
    one("ولفت المدرب إلى ضرورة تحسين الأداء في الشوط الثاني.", type="reported",
        text="ضرورة تحسين الأداء في الشوط الثاني")


def test_a_name_of_two_common_words_before_a_construct_title():
    one("وقال سامي عادل وزير الدفاع إن الوضع على الحدود مستقر.", speaker="سامي عادل", role="وزير الدفاع")
    one("وأكد نبيل سعيد طبيب المنتخب أن اللاعب سيعود قريبا.", speaker="نبيل سعيد", role="طبيب المنتخب")


def test_a_relative_speaks_as_one():
    one("واعتبرت سعاد المصري أرملة الصحفي الراحل أن التحقيق لم ينته.", speaker="سعاد المصري",
        role="أرملة الصحفي الراحل")
    q = one("وقالت والدة اللاعب إن ابنها بخير.")
    assert "والدة اللاعب" in (q.speaker.name, q.speaker.role)


def test_a_role_in_a_field_keeps_the_field():
    one("وقالت سعاد المصري، الباحثة في مجال الطاقة المتجددة، إن القرار خطوة مهمة.", speaker="سعاد المصري",
        role="الباحثة في مجال الطاقة المتجددة")
    # a plain prepositional phrase after the title is still not part of it
    one("وقال الوزير في حديث صحفي الأحد إن الميزانية جاهزة.", role="الوزير")


def test_a_name_of_two_common_words_between_commas_after_a_title():
    quotes = EX.extract("أفادت وزيرة الثقافة، سلمى مبارك، أن المشروع جاهز. وأضافت مبارك أن العرض قريب.")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("سلمى مبارك", "وزيرة الثقافة")] * 2


def test_a_quoted_name_after_a_preposition_written_apart_stays_in_the_role():
    one("وأكد المدير العام لـ«مؤسسة الأفق»، نادر سلطان، أن الأرباح ارتفعت.", speaker="نادر سلطان",
        role="المدير العام لـ«مؤسسة الأفق»")


def test_a_role_written_with_the_preposition_li_drops_it():
    quotes = EX.extract("وفي مقابلة للشاعر الراحل سامي ناصر، قال: \"الشعر حياة\".")
    assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("سامي ناصر", "الشاعر الراحل")]


def test_writers_and_journalists_have_titles():
    one("وقال الشاعر سامي ناصر إن القصيدة تغيرت.", speaker="سامي ناصر", role="الشاعر")
    one("وقالت الإعلامية هدى سعيد إن البرنامج سيعود.", speaker="هدى سعيد", role="الإعلامية")
    # روائي is no title: الفيلم الروائي is a feature film
    q = one("وعرض المخرج سامي ناصر الفيلم الروائي الطويل الأول لسلمى حداد، مؤكدا أن التجربة صعبة.")
    assert q.speaker.name == "سامي ناصر"


def test_a_word_behind_a_glued_preposition_is_no_family_name():
    quotes = EX.extract("قال نائب رئيس الحزب خالد محمود إن الانتخابات ستجرى. ووعد محمود بتحقيق «الأمن والاستقرار في البلاد».")
    assert [q.speaker.name for q in quotes] == ["خالد محمود", "خالد محمود"]
    # a foreign name that happens to spell ك + a word stays whole
    one("وقال تشانغ كينام الخبير في شؤون آسيا إن الأجور ترتفع.", speaker="تشانغ كينام")


def test_the_people_addressed_are_no_speaker():
    quotes = EX.extract("وقال المطرب سامي ناصر إن الجولة ستبدأ في الصيف. وأعلن لمحبيه عن أن الألبوم سيصدر قريبا.")
    assert [q.speaker.name for q in quotes] == ["سامي ناصر", "سامي ناصر"]


def test_a_whole_name_takes_no_common_word_after_it():
    quotes = EX.extract("وكانت الضغوط على المستشارة الألمانية هيلغا برانت سريعة مما دفعها للقبول، "
                        "وقالت برانت إن الاتفاق مهم.")
    assert quotes[0].speaker.name == "هيلغا برانت"
    one("وقال أمير البلاد حمد بن خالد آل ثاني إن العلاقات قوية.", speaker="حمد بن خالد آل ثاني")
    one("وقال علي حسن إن الموسم انتهى.", speaker="علي حسن")  # a family name that is also a word


def test_a_preposition_with_the_article_ends_a_name():
    one("وتقدم رئيس الشركة أنور سلامة بالشكر للحضور، مؤكدا أن الإنجاز كبير.", speaker="أنور سلامة",
        role="رئيس الشركة")


def test_a_title_in_quotation_marks_after_a_naming_noun_is_no_quote():
    q = one('وكشف المطرب سامي ناصر عن كون ابنته ستطرح قريبا أغنية تجمعها بالمطرب نبيل سعيد تحمل اسم '
            '"بلادي يا أحلى البلاد". ونشر صورة.')
    assert q.type == "reported" and q.text.endswith('تحمل اسم "بلادي يا أحلى البلاد"')


def test_sentence_adverbs_are_never_speakers():
    for doc in ("هكذا بدأت القصة. وأضاف أن الفريق سيعود.",
                "ربما تغيرت الخطة في المدينة، حيث يتوقع أن يصل الوفد غدا."):
        assert [q.speaker for q in EX.extract(doc)] == [None]


def test_an_unknown_verb_before_a_first_name_is_not_part_of_the_name():
    one("يلتقي محمد بن ناصر نظيره الفرنسي في الرياض، وقال إن العلاقات قوية.", speaker="محمد بن ناصر")


def test_amma_fronts_the_subject_of_the_verb_after_fa():
    quotes = EX.extract("وقال الوزير إن الخطة جاهزة، أما المعارضة فرأت أن الخطة فاشلة. "
                        "أما رئيس الحزب سامي ناصر فأكد أن الانتخابات ستجرى.")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("الخطة جاهزة", "الوزير"), ("الخطة فاشلة", "المعارضة"), ("الانتخابات ستجرى", "سامي ناصر")]


def test_a_name_after_a_body_inside_a_role_is_the_persons_only():
    quotes = EX.extract("وأشار المتحدث باسم الحكومة نادر سلطاني إلى \"المناخ الاقتصادي المواتي\" في البلاد. "
                        "كما أكد عضو مجلس الإدارة وائل غلام أن الفريق سيعلن لاحقا.")
    assert [q.speaker.name for q in quotes] == ["نادر سلطاني", "وائل غلام"]


def test_the_preposition_of_a_reported_object_is_the_verbs_own():
    # عن belongs to the relative clause's verb: the object is what أعلن announced
    one("أعلن نادي الوحدة عددا من الخطوات التي تعبر عن الوفاء للاعب.", type="reported",
        text="عددا من الخطوات التي تعبر عن الوفاء للاعب", speaker="نادي الوحدة")
    # an aside between commas is skipped to reach the verb's preposition
    one("وشدد سامي ناصر، الذي يعد من أبرز المرشحين على المنصب، على ضرورة إقرار قانون جديد.",
        type="reported", text="ضرورة إقرار قانون جديد", speaker="سامي ناصر")


def test_a_place_after_the_role_belongs_to_it_and_the_name_follows():
    one("أكد رئيس الغرفة الجهوية للمخابز بولاية نابل، الهادي الصغير، في تصريح للإذاعة أن الأسعار مستقرة.",
        speaker="الهادي الصغير", role="رئيس الغرفة الجهوية للمخابز بولاية نابل")
    one("وقال الناطق باسم وزارة الصحة بغزة الدكتور سامي ناصر إن عدد الجرحى ارتفع.",
        speaker="سامي ناصر", role="الناطق باسم وزارة الصحة بغزة")


def test_a_definite_word_behind_a_preposition_is_no_family_name():
    q = one("وقال مدير المركز في جامعة الملك فهد للبترول والمعادن إن الطاقة الشمسية رخيصة.")
    assert "للبترول" not in q.speaker.name
    one("وقالت المتحدثة باسم البيت الأبيض هيلين ساندرز للحاضرين إن الرئيس سيسافر.", speaker="هيلين ساندرز")


def test_a_byline_is_no_quote():
    quotes = EX.extract("كتب - سامي ناصر:أكد مدير الهيئة، نبيل سعيد، أن الشبكة جاهزة.")
    assert [(q.cue.text, q.text, q.speaker.name) for q in quotes] == [("أكد", "الشبكة جاهزة", "نبيل سعيد")]


def test_a_title_and_a_name_after_a_comma_at_the_end_of_a_paragraph():
    # the name between commas is looked for past the end of the paragraph no more
    quotes = EX.extract('"الوضع جيد"، قالت وزيرة الثقافة، سلمى مبارك')
    assert [q.text for q in quotes] == ["الوضع جيد"]


def test_a_descriptor_with_a_nationality_is_the_person_it_fits_not_the_last_to_speak():
    text = ("وقال وزير الخارجية الألماني هانس كولر إن المحادثات صعبة. وقال وزير الخارجية عمر الزين إن "
            "بلاده تدعم الحل. وتحدث الوزير الألماني عن الأزمة، وأبدى ثقته بنجاح جولة المحادثات المقبلة.")
    q = EX.extract(text)[-1]
    assert (q.text, q.speaker.name) == ("ثقته بنجاح جولة المحادثات المقبلة", "هانس كولر")


def test_a_family_name_alone_is_the_person_named_in_full_earlier_without_a_role():
    text = "وزار سامي الراشد المعرض أمس برفقة وفد كبير. وقال الراشد إن الأسعار سترتفع."
    assert EX.extract(text)[-1].speaker.name == "سامي الراشد"
    text = "وشارك محمد باركو في الندوة. وأوضح باركو أن الصادرات تراجعت."
    assert EX.extract(text)[-1].speaker.name == "محمد باركو"


def test_kama_with_a_verb_after_a_claim_is_its_source_and_at_a_sentence_start_also():
    q = EX.extract("وتراجعت صادرات القمح بنسبة كبيرة هذا العام، كما أشار وزير الزراعة سامي الراشد.")[-1]
    assert (q.type, q.text, q.cue.text, q.speaker.name) == (
        "according", "وتراجعت صادرات القمح بنسبة كبيرة هذا العام", "كما أشار", "سامي الراشد")
    # "also pointed out": the verb is the cue of its own quote
    q = EX.extract("وقال المزارعون إن الموسم صعب. كما أشار وزير الزراعة سامي الراشد إلى أن الأمطار قليلة.")[-1]
    assert (q.type, q.text, q.cue.text) == ("indirect", "الأمطار قليلة", "أشار")
    # a complementizer after the source: the same, also after a claim
    q = EX.extract("وتراجعت الصادرات هذا العام، كما أعلن وزير الزراعة سامي الراشد أن الدعم سيزيد.")[-1]
    assert (q.type, q.text, q.cue.text) == ("indirect", "الدعم سيزيد", "أعلن")


def test_a_hashtag_source_is_named_without_its_marks():
    q = EX.extract("وقال #الجيش_الوطني إن الهجوم فشل.")[0]
    assert (q.speaker.name, q.speaker.kind) == ("الجيش الوطني", "organization")
