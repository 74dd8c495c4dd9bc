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
    one("كارتر: بدأنا الاستعدادات لعزل الرقة", type="direct", cue=None,
        text="بدأنا الاستعدادات لعزل الرقة", speaker="كارتر")


def test_headline_labels_are_not_speakers():
    assert EX.extract("تحديث: وصلت القوات إلى المدينة اليوم") == []
    assert EX.extract("المصدر: وكالة الأنباء الرسمية في البلاد") == []


def test_pro_drop_takes_the_previous_speaker_and_role():
    text = ("وقال وزير الدفاع الأميركي آشتون كارتر إن التحالف سيواصل جهوده.\n"
            "وأضاف أن الاجتماع تناول سبل التعاون.")
    quotes = EX.extract(text)
    assert [q.type for q in quotes] == ["indirect", "indirect"]
    second = quotes[1]
    assert second.speaker.name == "آشتون كارتر"
    assert second.speaker.role == "وزير الدفاع الأميركي"
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
    quotes = EX.extract("توفي الممثل الشهير عن 80 عاما، بحسب ما كشف شريكه في بيان الاثنين.")
    assert [(q.type, q.text) for q in quotes] == [("according", "توفي الممثل الشهير عن 80 عاما")]


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
                        "وحذر من الذكاء الاصطناعي، داعيا الحكومة إلى تنظيمه بسرعة، حسب ما ذكر موقع \"تلغراف\" البريطاني.")
    assert [(q.type, q.cue.text) for q in quotes] == [("indirect", "وقال"), ("reported", "وحذر"), ("reported", "داعيا")]
    assert quotes[2].text == "تنظيمه بسرعة"


def test_the_subject_before_kana_s_verb_is_the_speaker():
    one("وكان وزير الخارجية سامي ناصر اتهم واشنطن أمس بتسليح المعارضة.", type="reported",
        speaker="سامي ناصر", role="وزير الخارجية")


def test_a_complementizer_inside_the_objects_relative_clause_is_not_the_report():
    one("واعترض المواطن على ألفاظ المقدم التي لا يمكن أن تقال أمام الأطفال.", type="reported",
        text="ألفاظ المقدم التي لا يمكن أن تقال أمام الأطفال")
    one("وقال الوزير الذي زار المدينة إن الوضع مستقر.", type="indirect", text="الوضع مستقر")


def test_without_that_is_no_report():
    assert EX.extract("ودافع اللاعب عن الفريق دون أن يتمكن من فرض نفسه.") == []


def test_a_connector_before_a_cue_starts_a_new_attribution():
    quotes = EX.extract("ويرى المحامون فيه تهديدا للحرية في حين حذر الأطباء من أن الإجراء يزيد المخاطر.")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("فيه تهديدا للحرية", "المحامون"), ("الإجراء يزيد المخاطر", "الأطباء")]


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
    assert set(d["speaker"]) == {"name", "role", "kind", "mention"}
    assert 0 <= d["confidence"] <= 1


def test_subject_before_the_verb_with_apposition():
    one('وكان عادل الجبير، وزير الخارجية السعودي، قد قال إن الموقف "مرفوض".', type="mixed",
        speaker="عادل الجبير", role="وزير الخارجية السعودي")


def test_first_name_that_is_also_a_word():
    one("جدد فهد القحيز، نائب رئيس اللجنة، تأكيده على عدم مشاركة اللاعبين.", type="reported",
        speaker="فهد القحيز", role="نائب رئيس اللجنة", text="تأكيده على عدم مشاركة اللاعبين")


def test_quote_then_hatha_ma_qalahu():
    one('"إنه أكبر حدث رياضي"، هذا ما قاله وزير الرياضة فيتالي موتكو أمس.', type="direct",
        cue="قاله", speaker="فيتالي موتكو", role="وزير الرياضة")


def test_according_claim_takes_in_a_subjectless_cue():
    quotes = EX.extract('صعدت الحكومة لهجتها محذرة من "عواقب وخيمة"، حسبما قالت أمس '
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
    q = one("وقال مسؤول حكومي لرويترز إن المحادثات متوقفة.", type="indirect", speaker="مسؤول حكومي")
    assert q.speaker.kind == "anonymous" and q.speaker.role is None


def test_it_is_said_has_no_speaker():
    text = "وقال الوزير إن الخطة جاهزة. ويقال إن الحكومة ستتغير قريبا."
    quotes = EX.extract(text)
    assert quotes[1].cue.text == "ويقال" and quotes[1].speaker is None


def test_quoted_name_inside_a_clause_is_not_a_quote():
    quotes = EX.extract("وقالت المجموعة «زين السعودية» التي تعمل في السوق منذ عام 2008.")
    assert all(q.text != "زين السعودية" for q in quotes)


def test_headline_that_opens_with_a_quoted_name():
    q = one("بن سلامة: «زين» تعول على السوق السعودية", type="direct")
    assert q.text == "«زين» تعول على السوق السعودية"


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
    text = 'وقال وزير الخارجية البريطاني مارك تومسون أمس، إن البلاد "على حافة الانهيار"، متعهدا الضغط على الحكومة.'
    q = EX.extract(text)[0]
    assert q.text == 'البلاد "على حافة الانهيار"'
    assert q.cue.text == "وقال" and q.speaker.name == "مارك تومسون"


def test_role_before_a_channel_has_no_name():
    q = one("وقال المحامي لوكالة فرانس برس: «الوضع صعب للغاية».", type="direct")
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
            'وأكدت "تيليغرام"، الأحد، أنها تحتفظ بسجلات المكالمات.\n'
            'وقالت الشركة إنها لا تبيع هذه البيانات.')
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
    q = one("وقدر تقرير للمعهد الأميركي للدراسات الجيولوجية أن المخزون يبلغ 40 مليار برميل.")
    assert q.speaker.name == "المعهد الأميركي للدراسات الجيولوجية"


def test_a_newspaper_named_behind_a_preposition_is_known_later():
    text = ('وذكرت وكالة الأنباء أن النادي يواجه عقوبات، بحسب تقرير لصحيفة "لوموند".\n'
            "وتابعت الصحيفة أن التحقيق سيستمر.")
    assert EX.extract(text)[-1].speaker.name == 'صحيفة لوموند'


def test_a_bare_organisation_name_is_not_extended_by_a_head_word():
    text = ('نشرت شبكة "تيليغرام" تحديثا.\n'
            'وأكدت "تيليغرام"، الأحد، أنها لا تبيع البيانات.')
    assert EX.extract(text)[-1].speaker.name == "تيليغرام"


def test_a_body_after_a_definite_body_is_the_verbs_object():
    text = ("وقال مسؤول في وزارة الخارجية الأمريكية إن البلدين حليفان.\n"
            'وطالبت الخارجية الكندية السلطات السعودية "بالإطلاق الفوري" للنشطاء.')
    q = EX.extract(text)[-1]
    assert q.speaker.name == "الخارجية الكندية"


def test_plural_outlets_are_a_source():
    one("وأفادت مواقع محلية بأن الرئيس قرر تجميد النشاط الرياضي.", speaker="مواقع محلية")


def test_a_role_keeps_the_quoted_name_of_its_organisation():
    one('وقال وانغ لي الخبير في شؤون الصين في مجموعة "كابيتال ايكونوميكس": "الأجور ترتفع".',
        speaker="وانغ لي", role='الخبير في شؤون الصين في مجموعة "كابيتال ايكونوميكس"')


def test_a_role_with_a_pronoun_names_the_body_it_stands_for():
    text = ("ودعت حركة حماس في بيان للمتحدث باسمها سامي أبو زهري إلى التدخل.\n"
            "وقال أبو زهري إن الوضع خطير.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("سامي أبو زهري", "المتحدث باسم حركة حماس")
    q = one("ونقل موقع نادي الزمالك تصريحات رئيسه مرتضى منصور الذي قال إن الفريق سيعود.")
    assert q.speaker.role == "رئيس نادي الزمالك"


def test_a_role_ends_before_the_persons_origin_and_a_clause_about_the_body():
    one("وقال بنحاس غولد كبير حاخامي موسكو السويسري المولد إن الحكم مقلق.",
        speaker="بنحاس غولد", role="كبير حاخامي موسكو")
    one("وقال عصام العريان نائب رئيس حزب الحرية والعدالة المنبثق عن الجماعة إن النتائج ستعلن.",
        speaker="عصام العريان", role="نائب رئيس حزب الحرية والعدالة")


def test_an_unnamed_source_ends_before_the_outlet_it_spoke_to():
    one("وقال مصدر للأناضول إن الهجوم فشل.", speaker="مصدر")


def test_a_title_said_another_way_refers_to_who_holds_it():
    text = ("ودعا الأمين العام للأمم المتحدة بان كي مون إلى وقف العنف.\n"
            "وقالت وزيرة الخارجية الأميركية هيلاري كلينتون إن الوضع خطير.\n"
            "وجدد الأمين العام الأممي دعوته إلى العمل الجماعي.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("بان كي مون", "الأمين العام للأمم المتحدة")


def test_a_contradicting_adjective_keeps_two_holders_of_a_title_apart():
    text = ("وقال وزير الخارجية البريطاني وليام هيغ إن الحل سياسي.\n"
            "وأكد وزير الخارجية الأمريكي أن بلاده تدعم الحل.")
    q = EX.extract(text)[-1]
    assert q.speaker.name != "وليام هيغ"


def test_as_something_dictates_is_no_according_to():
    assert EX.extract("ويتصرف الشاعر بالكلمات وفق ما تمليه عليه أهواؤه ورغباته.") == []


def test_akkada_ala_takes_a_reported_object():
    one("وأكد الوزير على أهمية السوق الأفريقية للمنتجات المصرية.", type="reported",
        text="أهمية السوق الأفريقية للمنتجات المصرية", speaker="الوزير")
    one("لكنه أكد حرص الوزارة على بقاء الأسعار عند مستويات معقولة.", type="reported",
        text="حرص الوزارة على بقاء الأسعار عند مستويات معقولة")


def test_a_definite_title_takes_no_definite_group_as_its_complement():
    text = ("قال وزير النقل اليمني بدر الحمادي إن سفينة وصلت إلى الميناء.\n"
            "ودعا الوزير المنظمات الدولية إلى التوجه إلى الموانئ لتقديم الإغاثة.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("بدر الحمادي", "وزير النقل اليمني")


def test_an_adjective_that_names_no_country_does_not_keep_holders_apart():
    text = ("وقال سيموس كيديكوجلو المتحدث الحكومي اليوناني إن الحكومة ستصمد.\n"
            "وأضاف المتحدث باسم الحكومة الائتلافية أن الاتفاق قريب.")
    assert EX.extract(text)[-1].speaker.name == "سيموس كيديكوجلو"


def test_a_family_name_shaped_like_an_adjective_completes_an_unknown_first_name():
    one('وكان رئيس الوزراء العراقي حيدر العبادي قد قال إن "المياه حق للجميع".',
        speaker="حيدر العبادي", role="رئيس الوزراء العراقي")


def test_a_bare_title_refers_to_the_person_just_named_in_its_paragraph():
    text = ("وقال وزير الخارجية البريطاني وليام هيغ إن الحل سياسي.\n"
            "وزار نائب وزير الخارجية ناجي كورو لندن أمس، وقال المسؤول التركي إن الأزمة تمس أمن بلاده.")
    assert EX.extract(text)[-1].speaker.name == "ناجي كورو"


def test_a_participle_speaks_for_the_subject_of_the_verb_after_a_connector():
    text = ("وقال بوفون إن اللاعب كان رائعا. فيما نعاه المدرب الإيطالي كونتي الذي دربه في المنتخب "
            "قائلا: «إنها مأساة».")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("كونتي", "المدرب الإيطالي")


def test_a_verb_after_ma_speaks_for_the_subject_of_its_sentence():
    q = EX.extract('كما جمدت السعودية التعاملات التجارية مع كندا بسبب ما وصفته "بالتدخل" في شؤونها.')[-1]
    assert q.speaker.name == "السعودية"


def test_the_genitive_after_a_verbal_noun_is_its_agent():
    q = one("وأوقفت الشركة رحلاتها إلى تورنتو عقب مطالبة كندا المملكة بإطلاق سراح الناشطين.")
    assert q.speaker.name == "كندا"


def test_a_bare_specific_title_does_not_refer_to_another_office_named_before():
    text = ("وقال محمد زين العابدين وزير الشؤون الثقافية إن التكريم قريب.\n"
            "وكتب المسرحية الشاعر التونسي الكبير بيرم التونسي. وعبر وزير الثقافة عن تقديره للفنان.")
    assert "بيرم" not in EX.extract(text)[-1].speaker.name


def test_a_bare_agent_noun_refers_to_who_did_the_verb():
    text = ("وكتب عادل حمودة منتقدا الحكومة: لو فاز العسكريون فإن الدولة ستبقى.\n"
            "وأكد الكاتب أن مصر لن تهدأ بعد الانتخابات.")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("عادل حمودة", "الكاتب")


def test_specialists_in_the_plural_are_a_source():
    q = one("غير ان الاختصاصيين يشيرون الى ان ذلك لا يمت بصلة الى اليونان.")
    assert q.speaker.name == "الاختصاصيين"


def test_what_appears_in_a_statement_is_its_issuers():
    text = ("وقالت رئاسة إقليم كردستان العراق إن الهجمات مرفوضة.\n"
            "وجاء في بيان رئيس إقليم كردستان مسعود برزاني «يجب إبعاد ساحة الحرب عن الإقليم».")
    q = EX.extract(text)[-1]
    assert (q.speaker.name, q.speaker.role) == ("مسعود برزاني", "رئيس إقليم كردستان")
    text = ("وبعث رئيس المجلس فائز السراج برسالة إلى الأمم المتحدة.\n"
            'وجاء في الرسالة أن "التصعيد العسكري غير مبرر".')
    assert EX.extract(text)[-1].speaker.name == "فائز السراج"


def test_two_papers_are_a_source_named_by_the_first_name():
    one('وذكرت صحيفتا "ذي دايلي مايل" و"دايلي تلغراف" ان سيتي يسعى الى حسم الصفقة.',
        speaker="ذي دايلي مايل")


def test_the_subject_after_a_complementizer_comes_before_its_verb():
    one('ويذكر أن شركة موانئ دبي العالمية، اتهمت حكومة جيبوتي بـ"الاستيلاء" على المحطة.',
        speaker="شركة موانئ دبي العالمية")


def test_ban_before_ki_is_a_name_not_a_complementizer():
    one("دعا الأمين العام للأمم المتحدة بان كي مون اليوم مجلس الأمن إلى الضغط على النظام لوقف العنف.",
        type="reported", text="الضغط على النظام لوقف العنف", speaker="بان كي مون")


def test_tahaddatha_an_reports_but_the_bare_form_is_it_happens():
    one("يأتي ذلك بعدما تحدثت وكالة الأناضول للأنباء عن مقتل 260 متمردا خلال أسبوع.",
        type="reported", text="مقتل 260 متمردا خلال أسبوع", speaker="وكالة الأناضول للأنباء")
    assert EX.extract("ونتمنى ألا تحدث فتنة جديدة في البلاد عن قريب.") == []


def test_a_quoted_object_after_the_preposition_ends_at_a_comma():
    q = EX.extract('وبينما حذرت الوزيرة هيلاري كلينتون الحكومة السورية من "هجوم كارثي"، '
                   "يعتزم المبعوث زيارة دمشق غدا.")[0]
    assert (q.type, q.text) == ("reported", '"هجوم كارثي"')


def test_a_reason_after_a_semicolon_goes_with_the_claim():
    one("ودعت اللجنة الدولية اسرائيل إلى السماح للعائلة بزيارته؛ لأنه «مهدد بالموت الوشيك».",
        type="reported", text="السماح للعائلة بزيارته؛ لأنه «مهدد بالموت الوشيك»")


def test_a_possessed_title_is_masculine_and_the_participle_finds_him():
    text = ("ونقل موقع نادي الزمالك تصريحات رئيسه مرتضى منصور خلال مؤتمر صحفي تحدث فيه عن "
            '"مخالفات مالية" في الفترة الماضية.\n'
            'وقال منصور إن "النادي كبير"، مضيفا أن "الزمالك لن يسقط".')
    q = EX.extract(text)[-1]
    assert (q.cue.text, q.speaker.name) == ("مضيفا", "مرتضى منصور")


def test_an_accusative_source_after_anna_is_named_in_the_nominative():
    text = ("يذكر أن مسؤولا في الاتحاد السعودي لكرة القدم، أكد لـ«الشرق الأوسط»، أن الحكم سيتغير.\n"
            "وأضاف: «سيقوم المدير بفرض العقوبات».")
    assert [q.speaker.name for q in EX.extract(text)] == ["مسؤول في الاتحاد السعودي لكرة القدم"] * 2


def test_cues_after_a_document_agree_with_the_document():
    text = ('ذكرت صحيفة "فايننشال تايمز" أن النادي يواجه عقوبات. وقال الاتحاد الأوروبي إن التحقيق مستمر.\n'
            'وذكر تقرير الصحيفة "تشير التحقيقات إلى أن العقود مبالغ فيها".\n'
            'وتابع "النادي في طريقه إلى خرق القواعد".')
    assert EX.extract(text)[-1].speaker.name == "صحيفة فايننشال تايمز"


def test_a_bare_designation_with_a_glued_preposition_names_a_person():
    text = "وتمنى السلام لليمن ممثلة بالرئيس عبد ربه منصور هادي رئيس الجمهورية.\nوقال الرئيس هادي إن الحرب ستنتهي."
    q = EX.extract(text)[-1]
    assert q.speaker.name == "عبد ربه منصور هادي"


def test_a_participle_speaks_for_the_subject_of_kana():
    text = ("وقالت صحيفة فايننشال تايمز إن النادي خرق القواعد.\n"
            'وكان الاتحاد الأوروبي فتح تحقيقا بشأن النادي، مشيرا إلى أن "التحقيق سيركز على التوازن المالي".')
    assert EX.extract(text)[-1].speaker.name == "الاتحاد الأوروبي"


def test_a_two_letter_verb_with_wa_is_a_cue_and_its_object_ends_the_role():
    one('وحض وزير المال الفرنسي الإدارة الأمريكية على اتخاذ "القرارات الصائبة".',
        type="reported", speaker="وزير المال الفرنسي", role="وزير المال الفرنسي")
    assert EX.extract("وكان فرد من العائلة عن البيت بعيدا.") == []


def test_a_participle_cue_ends_the_object_of_the_verb_before_it():
    quotes = EX.extract("عبر النجم مروان خوري عن سعادته بإقامة حفلة في جدة موضحاً بأنه مشتاق لجمهوره.")
    assert [(q.type, q.text) for q in quotes] == [("reported", "سعادته بإقامة حفلة في جدة"),
                                                  ("indirect", "مشتاق لجمهوره")]


def test_radda_ala_ends_a_reported_object():
    one("وكان وزير الخارجية سيرغي لافروف اتهم واشنطن أمس بتسليح المعارضة ردا على تصريحات نظيرته.",
        type="reported", text="بتسليح المعارضة")


def test_a_pronoun_with_a_preposition_may_stand_between_the_verb_and_its_subject():
    text = ('وقال برنار أرنو إن المصمم كان فريدا.\n'
            'وقالت عنه هيبورن إن "ملابسه هي الوحيدة التي تريحني".')
    assert EX.extract(text)[-1].speaker.name == "هيبورن"
    q = one("ويأتي ذلك في وقت قال فيه مسؤول أمني إن الجيش سيتسلم تأمين المدينة.")
    assert q.speaker.name == "مسؤول أمني"
    assert one("وتمنى لها التوفيق في عملها القادم.").speaker is None


def test_wasafa_takes_the_clause_after_its_object_as_the_claim():
    one("ووصف الحفلات في السعودية بأنها تحمل خصوصية.", type="indirect", text="تحمل خصوصية")


def test_a_quoted_name_then_the_quote_after_a_headline_verb():
    one("من جانبها عنونت «الجمهورية» «وقانا الله شر الصدام».", type="direct",
        text="وقانا الله شر الصدام", speaker="الجمهورية")
    one("وجاء عنوان صحيفة «الوطن» «مصر على وشك الانفجار».", type="direct",
        text="مصر على وشك الانفجار", speaker="صحيفة الوطن")


def test_a_wa_cue_with_its_own_preposition_starts_a_new_attribution():
    quotes = EX.extract("وقال الوزير إنه رد الخطأ بالخطأ وأفصح عن ندمه عن الكلام الصادر منه.")
    assert [(q.type, q.text) for q in quotes] == [("indirect", "رد الخطأ بالخطأ"),
                                                  ("reported", "ندمه عن الكلام الصادر منه")]


def test_an_official_in_charge_of_something_keeps_it_in_the_role():
    one('وبين المسؤول عن مكتب طرابلس في شركة "ارابيتال" ارنالد كامبانوتشي أن الميناء مهم.',
        speaker="ارنالد كامبانوتشي", role='المسؤول عن مكتب طرابلس في شركة "ارابيتال"')
    q = one("وأعلن الوزير عن خطة جديدة لدعم الاقتصاد.")
    assert (q.speaker.role, q.text) == ("الوزير", "خطة جديدة لدعم الاقتصاد")
