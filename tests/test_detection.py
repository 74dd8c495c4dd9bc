"""Quote detection on sentences written for these tests: cues mined from news, senses
of cue words that are no speech, where quotes end, and the calibrated confidence."""

from __future__ import annotations

import json

import pytest

from quotes import Extractor, ModelError, QuotesError, extract
from quotes.confidence import ConfidenceModel, default_confidence_model

EX = Extractor(parser="none")


def kinds(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.type, q.text, q.cue and q.cue.text) for q in EX.extract(text)]


# -- cues mined from news-raw --------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("ونبه رئيس البلدية سمير حداد إلى أن الطرق ستغلق غدا بسبب الأشغال.",
     ("indirect", "الطرق ستغلق غدا بسبب الأشغال", "ونبه")),
    ("واكتفى المدرب كمال العلوي بالقول إن الفريق سيعود أقوى في الموسم المقبل.",
     ("indirect", "الفريق سيعود أقوى في الموسم المقبل", "بالقول")),
    ("وبرر الوزير قرار الإغلاق بأن المدارس لم تعد آمنة للتلاميذ.",
     ("indirect", "المدارس لم تعد آمنة للتلاميذ", "وبرر")),
    ("وخلص التقرير إلى أن الشركة خالفت قواعد المنافسة مرات عدة.",
     ("indirect", "الشركة خالفت قواعد المنافسة مرات عدة", "وخلص")),
])
def test_mined_cues_introduce_quotes(text, want):
    assert kinds(text) == [want]


@pytest.mark.parametrize("text, want", [
    ("ووجد الباحثون أن النوم المبكر يحسن الذاكرة.", ("indirect", "النوم المبكر يحسن الذاكرة", "ووجد")),
    ("وألمح الوزير إلى أن الحكومة قد تستقيل قريبا.", ("indirect", "الحكومة قد تستقيل قريبا", "وألمح")),
    ("وأجمع المدربون على أن البطولة ستكون صعبة.", ("indirect", "البطولة ستكون صعبة", "وأجمع")),
    ("ووجد الطفل حقيبته في الحديقة بعد ساعة من البحث.", None),  # found a thing: no report
])
def test_findings_hints_and_agreement(text, want):
    assert kinds(text) == ([want] if want else [])


def test_the_rarer_prepositions_of_known_verbs():
    assert kinds("وأفادت الوزارة عن وقوع ثلاثة حوادث سير في العاصمة.") == [
        ("reported", "وقوع ثلاثة حوادث سير في العاصمة", "وأفادت")]
    assert kinds("وأشار الوزير كمال العلوي لضرورة إصلاح الطرق قبل الشتاء.") == [
        ("reported", "لضرورة إصلاح الطرق قبل الشتاء", "وأشار")]


@pytest.mark.parametrize("text, want", [
    ("وحذر رئيس البلدية سمير حداد من بناء المنازل قرب النهر مطالبا السكان بالحذر.",
     ("reported", "بناء المنازل قرب النهر", "وحذر")),
    ("وأعلن الوزير كمال العلوي إغلاق المصنع القديم وطالب العمال بالهدوء.",
     ("reported", "إغلاق المصنع القديم", "وأعلن")),
])
def test_a_noun_object_ends_at_the_next_cue(text, want):
    assert kinds(text)[0] == want


@pytest.mark.parametrize("text, want", [
    ("وأكدت الوزارة التزامها بتنفيذ الخطة قبل نهاية العام.",
     ("reported", "التزامها بتنفيذ الخطة قبل نهاية العام", "وأكدت")),
    ("وجدد الاتحاد التزامه بدعم الأندية الصغيرة.", ("reported", "التزامه بدعم الأندية الصغيرة", "وجدد")),
])
def test_a_verbal_noun_whose_first_letters_read_as_the_article(text, want):
    # التزام with a possessive is a verbal noun, not a definite noun that announce verbs skip
    assert kinds(text) == [want]


def test_a_claim_ends_before_the_writers_gloss():
    # …، في إشارة إلى …: the writer says what the source meant; the claim stops there
    assert kinds("ودعت النقابة إلى إضراب عام في المصانع، في إشارة إلى تدهور أوضاع العمال.") == [
        ("reported", "إضراب عام في المصانع", "ودعت")]


def test_an_unnamed_source_after_a_preposition_is_the_subject_of_its_verb():
    text = "وتحدث الوزير سمير حداد عن الأزمة بعد تقارير أفادت باعتزام الشركة إغلاق المصنع."
    quotes = EX.extract(text)
    assert [(q.type, q.text) for q in quotes] == [("reported", "باعتزام الشركة إغلاق المصنع")]
    assert quotes[0].speaker.name == "تقارير"


def test_according_to_on_the_tongue_of():
    text = "سيفتتح الجسر الجديد في الشهر المقبل، على لسان رئيس البلدية سمير حداد."
    quotes = EX.extract(text)
    assert [(q.type, q.text, q.cue.text) for q in quotes] == [
        ("according", "سيفتتح الجسر الجديد في الشهر المقبل", "على لسان")]
    assert quotes[0].speaker.name == "سمير حداد"


@pytest.mark.parametrize("text, source", [
    ("ارتفع عدد الجرحى إلى عشرين، بحسب آخر حصيلة لوزارة الصحة.", "وزارة الصحة"),
    ("تراجع عدد السياح إلى النصف، وفقا لتقديرات الأمم المتحدة.", "الأمم المتحدة"),
    ("الأسعار سترتفع في الصيف المقبل، كما يؤكد الخبير الاقتصادي سامي نور.", "سامي نور"),
])
def test_according_to_a_count_or_an_as_clause(text, source):
    quotes = EX.extract(text)
    assert [q.type for q in quotes] == ["according"]
    assert quotes[0].text == text.split("،")[0]
    assert quotes[0].speaker.name == source


@pytest.mark.parametrize("text", [
    "تختلف رسوم التسجيل في النادي حسب العمر ومدة الاشتراك.",      # depending on age
    "ستوزع المساعدات على الأسر المحتاجة وفقا للقانون الجديد.",    # under the law
    "ارتفع عدد الجرحى إلى عشرين، حسب حصيلة غير نهائية.",         # a count with no owner
])
def test_according_to_needs_a_source_that_can_speak(text):
    assert kinds(text) == []


def test_according_to_a_quoted_outlet_at_the_sentence_end():
    text = "وارتفع عدد الزوار إلى مليون شخص هذا العام، حسب «رويترز»."
    quotes = EX.extract(text)
    assert [(q.type, q.text, q.cue.text) for q in quotes] == [
        ("according", "وارتفع عدد الزوار إلى مليون شخص هذا العام", "حسب")]
    assert quotes[0].speaker.name == "رويترز"


@pytest.mark.parametrize("text, claim, source", [
    ("وبحسب بيانات وزارة المالية، بلغ العجز نحو ثلاثة مليارات دولار.",
     "بلغ العجز نحو ثلاثة مليارات دولار", "وزارة المالية"),
    ("وتراجعت صادرات القمح بنسبة كبيرة هذا العام، حسب معلومات البنك المركزي.",
     "وتراجعت صادرات القمح بنسبة كبيرة هذا العام", "البنك المركزي"),
])
def test_according_to_data_or_information_of_a_source(text, claim, source):
    quotes = EX.extract(text)
    assert [(q.type, q.text) for q in quotes] == [("according", claim)]
    assert quotes[0].speaker.name == source


@pytest.mark.parametrize("text, claim, source", [
    ("وتراجع عدد السياح هذا العام بنسبة كبيرة، حسب آخر الإحصاءات.",
     "وتراجع عدد السياح هذا العام بنسبة كبيرة", "الإحصاءات"),
    ("وحسب أحدث البيانات، ارتفع عدد العاطلين إلى مليون شخص.", "ارتفع عدد العاطلين إلى مليون شخص", "البيانات"),
])
def test_according_to_the_latest_figures(text, claim, source):
    quotes = EX.extract(text)
    assert [(q.type, q.text) for q in quotes] == [("according", claim)]
    assert quotes[0].speaker.name == source


def test_according_to_the_same_source():
    text = "وقال مصدر في الوزارة إن المفاوضات متعثرة. وحسب نفس المصدر، فإن الجولة المقبلة ستعقد في تونس."
    assert [(q.type, q.text) for q in EX.extract(text)] == [
        ("indirect", "المفاوضات متعثرة"), ("according", "الجولة المقبلة ستعقد في تونس")]


def test_according_to_what_a_newspaper_published():
    text = "وتراجعت أسعار النفط بشكل حاد خلال الأسبوع الماضي، بحسب ما ورد في صحيفة «الحياة»."
    quotes = EX.extract(text)
    assert [(q.type, q.text) for q in quotes] == [
        ("according", "وتراجعت أسعار النفط بشكل حاد خلال الأسبوع الماضي")]
    assert quotes[0].speaker.name == "صحيفة الحياة"
    # the channel of a quote already attributed is no quote of its own
    assert kinds("وقال الوزير إن الأسعار سترتفع، بحسب ما ورد في صحيفة «الحياة».") == [
        ("indirect", "الأسعار سترتفع", "وقال")]


def test_according_to_a_relay_after_a_quotation_takes_the_quotation():
    text = 'وتباينت آراء الضيوف بين "الإعجاب بهدوء الحديقة وأشجارها" وفق ما ورد في بعض الرسائل إلى البلدية.'
    quotes = EX.extract(text)
    assert [(q.type, q.text) for q in quotes] == [("according", "الإعجاب بهدوء الحديقة وأشجارها")]
    assert quotes[0].speaker.name == "بعض الرسائل"


def test_as_she_said_at_the_sentence_end_sources_the_claim_before_it():
    text = ("وقالت المغنية سلمى حداد إنها ستغني في تونس. "
            "وكانت تحلم بالغناء في دار الأوبرا منذ طفولتها، كما قالت.")
    quotes = EX.extract(text)
    assert [(q.type, q.text) for q in quotes] == [
        ("indirect", "ستغني في تونس"),
        ("according", "وكانت تحلم بالغناء في دار الأوبرا منذ طفولتها")]
    assert quotes[1].speaker is not None  # the singer, from the sentence before


def test_as_he_said_after_his_own_report_adds_no_quote():
    # the same source repeated: the indirect quote alone
    assert kinds("وأضاف أن المشروع سيكتمل قبل نهاية العام، كما قال.") == [
        ("indirect", "المشروع سيكتمل قبل نهاية العام", "وأضاف")]


def test_according_to_a_fronted_source_then_fa_inna_takes_the_claim_after():
    text = "وفي الوقت نفسه، وبحسب مصادر في الوزارة، فإن المفاوضات ستستأنف الأسبوع المقبل."
    assert kinds(text) == [("according", "المفاوضات ستستأنف الأسبوع المقبل", "وبحسب")]


def test_also_said_that_is_the_verbs_indirect_quote():
    assert kinds("كما قال الخبير الاقتصادي سامي نور إن الأسعار سترتفع في الصيف.") == [
        ("indirect", "الأسعار سترتفع في الصيف", "قال")]


def test_a_mined_cue_needs_its_complementizer_when_it_has_other_senses():
    # خلص "finished", شرح "an explanation": no complementizer or colon, no quote
    assert kinds("وخلص العمال من بناء الجسر قبل الموعد.") == []


# -- cue words in a sense that is no speech -------------------------------------------

@pytest.mark.parametrize("text", [
    "وبعد فحص الوثائق تبين أن السيارة مسروقة منذ عامين.",            # it turned out that
    "ارتفعت أسعار الخضر مرة أخرى هذا الشهر، مما يشير إلى أن التضخم لم يتراجع بعد.",  # which indicates
    "تراجعت المبيعات في الربيع، وهو ما يؤكد أن السوق تمر بأزمة.",
    # a present-tense verb with a noun object and no source anywhere
    "وارتفعت الأسعار مرة أخرى هذا الشهر، مما يشير إلى تراجع القدرة الشرائية للأسر.",
    "الحمض النووي يكشف أسرارا جديدة عن أصل الإنسان.",
])
def test_no_source_no_quote(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text", [
    "وشرح الطبيب العلاج للمريض، إذ أن الدواء الجديد يسبب النعاس.",   # إذ أن "since"
    "وتشارك عشر دول من بينها المغرب في المعرض الدولي للكتاب.",       # من بينها "among them"
    "ويعتبر المتحف الوطني من أقدم متاحف المنطقة.",                  # يعتبر "is considered"
    "وهو الجسر الذي يعتبر أطول جسر في البلاد.",
])
def test_homographs_and_adverbial_clauses_are_no_quotes(text):
    assert kinds(text) == []


def test_an_evaluative_verb_with_only_a_target_is_no_quote():
    assert kinds("ورفض الوزير كمال العلوي قرار الحظر المفروض على الصادرات الزراعية.") == []
    assert kinds("وندد الاتحاد العام للشغل بالهجوم على مقره في العاصمة.") == []
    # its content clause is still what the source said
    assert kinds("ورفض الوزير كمال العلوي أن تفرض الحكومة ضرائب جديدة على المزارعين.") == [
        ("indirect", "تفرض الحكومة ضرائب جديدة على المزارعين", "ورفض")]


def test_a_relative_clause_cue_needs_an_antecedent_that_can_speak():
    assert kinds("وتراجعت الصادرات بسبب الجفاف الذي يهدد محاصيل القمح في الجنوب.") == []
    # (a body that speaks: tests/test_extract.py, test_a_relative_clause_cue_speaks_for_its_antecedent)


def test_the_speech_sense_of_the_same_words_still_counts():
    assert kinds("وتبين الدراسة أن الأطفال ينامون أقل من آبائهم.") == [
        ("indirect", "الأطفال ينامون أقل من آبائهم", "وتبين")]
    assert kinds("وأشار الوزير إلى أن التضخم لم يتراجع بعد.") == [
        ("indirect", "التضخم لم يتراجع بعد", "وأشار")]
    assert [(q.type, q.text) for q in EX.extract("الجزائر تعتبر تونس شريكا مهما في المنطقة.")] == [
        ("reported", "تونس شريكا مهما في المنطقة")]


# -- where a quote ends -----------------------------------------------------------------

def test_a_quote_ends_where_a_new_source_reports_with_an_unlisted_verb():
    assert kinds("وقال الوزير إن الحكومة ستدعم المزارعين هذا العام، لكن خبراء يتوجسون من أن "
                 "الدعم لن يصل إلى مستحقيه.") == [("indirect", "الحكومة ستدعم المزارعين هذا العام", "وقال")]


def test_a_quote_goes_on_past_a_comma_and_but_without_a_new_report():
    assert kinds("وقال الوزير إن الحكومة ستدعم المزارعين، لكن الميزانية محدودة هذا العام.") == [
        ("indirect", "الحكومة ستدعم المزارعين، لكن الميزانية محدودة هذا العام", "وقال")]
    assert kinds("وقال الوزير إن الحكومة ستدعم المزارعين، لكن المنح قد تتأخر باعتبار أن الموسم طويل.") == [
        ("indirect", "الحكومة ستدعم المزارعين، لكن المنح قد تتأخر باعتبار أن الموسم طويل", "وقال")]


def test_a_full_stop_glued_to_the_next_word_ends_the_sentence():
    text = "وقال الوزير إن المدارس ستفتح في موعدها.والطقس بارد في الشمال منذ أسبوع."
    assert kinds(text) == [("indirect", "المدارس ستفتح في موعدها", "وقال")]
    # a web address or an acronym is no sentence end
    assert kinds('وقال الوزير لموقع "العربية.نت" إن المدارس ستفتح في موعدها.') == [
        ("indirect", "المدارس ستفتح في موعدها", "وقال")]


# -- calibrated confidence -------------------------------------------------------------

DOC = ('وقال وزير المالية سليم ناصر: "سنخفض الضرائب في العام المقبل". '
       "وأكد الوزير التزام الحكومة بخفض العجز.")


def test_confidence_is_a_probability_and_ranks_the_evidence():
    quotes = EX.extract(DOC)
    assert [q.type for q in quotes] == ["direct", "reported"]
    direct, reported = quotes
    assert 0.0 <= reported.confidence < direct.confidence <= 1.0
    assert direct.confidence > 0.9  # a colon, closed marks and a named source


def test_min_confidence_leaves_out_weaker_quotes_and_renumbers():
    quotes = EX.extract(DOC)
    threshold = (quotes[0].confidence + quotes[1].confidence) / 2
    strict = Extractor(parser="none", min_confidence=threshold).extract(DOC)
    assert [(q.type, q.index) for q in strict] == [("direct", 0)]
    assert [q.type for q in extract(DOC, parser="none", min_confidence=threshold)] == ["direct"]


def test_min_confidence_must_be_a_probability():
    with pytest.raises(QuotesError):
        Extractor(parser="none", min_confidence=1.5)
    with pytest.raises(QuotesError):
        extract(DOC, parser="none", min_confidence=-0.1)


def test_the_bundled_model_is_fit_and_loads():
    model = default_confidence_model()
    assert {"bias", "type=direct", "rule_score"} <= set(model.weights)
    assert model.probability({"bias": 1.0}) == pytest.approx(1 / (1 + 2.718281828459045 ** -model.weights["bias"]))


def test_a_broken_model_file_names_itself(tmp_path):
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps({"no weights": 1}), encoding="utf-8")
    with pytest.raises(ModelError, match="confidence.json"):
        ConfidenceModel.load(path)


def test_cli_min_confidence(run_quotes):
    doc = DOC.encode("utf-8")
    every = run_quotes("extract", "--parser", "none", stdin=doc)
    strict = run_quotes("extract", "--parser", "none", "--min-confidence", "0.99", stdin=doc)
    assert every.returncode == strict.returncode == 0
    assert len(every.stdout.splitlines()) == 2
    assert len(strict.stdout.splitlines()) < 2
    bad = run_quotes("extract", "--parser", "none", "--min-confidence", "2", stdin=doc)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


@pytest.mark.parametrize("text, kind", [
    ('وقال المدير إن شركة "نجمة" ستفتح فرعا جديدا.', "indirect"),        # a firm's name in marks
    ('وقال المخرج إن مسلسل "الطريق" حقق نجاحا كبيرا.', "indirect"),      # a work's title
    ('وأكد الوزير أن الخطة "ستغير وجه المدينة" خلال عامين.', "mixed"),    # the minister's own words
])
def test_a_quoted_name_does_not_make_a_quote_mixed(text, kind):
    (q,) = EX.extract(text)
    assert q.type == kind


def test_a_quoted_predicate_after_a_definite_noun_is_still_quoted_speech():
    (q,) = EX.extract('وقال الوزير إن الاتفاق "مرفوض" بصيغته الحالية.')
    assert q.type == "mixed"


@pytest.mark.parametrize("sentence, source, claim", [
    # the pronoun after the relayed verb takes up ما: the source follows it
    ("وبحسب ما أفاد به شهود عيان، فإن الانفجار وقع صباحا.", "شهود عيان", "الانفجار وقع صباحا"),
    ("ووفق ما صرح به مصدر أمني، فإن الطريق مغلق.", "مصدر أمني", "الطريق مغلق"),
    ("ووفق ما أعلنت عنه الوزارة، فإن الطريق مغلق.", "الوزارة", "الطريق مغلق"),
])
def test_an_according_to_relay_with_a_resumptive_pronoun_has_its_source(sentence, source, claim):
    quotes = extract("قال الوزير سامر العبدلي إن الخطة جاهزة. " + sentence)
    assert (quotes[-1].type, quotes[-1].speaker.name, quotes[-1].text) == ("according", source, claim)


def test_a_relayed_quote_keeps_the_source_it_is_relayed_from():
    # نقل عنه: the agency relays the minister's words, which keep their own source
    quotes = extract("قال الوزير سامر العبدلي إن الخطة جاهزة، حسب ما نقلت عنه وكالة الأنباء.")
    assert [(q.speaker.name, q.text) for q in quotes] == [("سامر العبدلي", "الخطة جاهزة")]
