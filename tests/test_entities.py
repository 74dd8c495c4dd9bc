"""The named-entity stage: spans from tags, and how the extractor uses them.

The extractor tests use a stand-in tagger that tags given phrases, so that they test
the use of the tags, not the trained model; the last test loads the shipped model.
"""

from __future__ import annotations

import pytest

from quotes.entities import CORRECTIONS, EntityTagger, find_tagger, spans_from_tags
from quotes.extractor import Extractor
from quotes.parse import bundled_models_dir
from quotes.segment import tokenize

TYPES = {"person": "PERS", "title": "TITLE", "organization": "ORG", "place": "LOC"}


class PhraseTagger:
    """Tags the given phrases (word sequences) with BIOES tags, everything else O."""

    def __init__(self, phrases: dict[str, str]) -> None:
        # longest first; a phrase never overwrites another
        self.phrases = sorted(((p.split(), TYPES[kind]) for p, kind in phrases.items()), key=lambda x: -len(x[0]))

    def tag(self, sentences):
        out = []
        for words in sentences:
            tags = ["O"] * len(words)
            for phrase, typ in self.phrases:
                n = len(phrase)
                for i in range(len(words) - n + 1):
                    if words[i:i + n] == phrase and all(t == "O" for t in tags[i:i + n]):
                        if n == 1:
                            tags[i] = "S-" + typ
                        else:
                            tags[i:i + n] = ["B-" + typ] + ["I-" + typ] * (n - 2) + ["E-" + typ]
            out.append(tags)
        return out


class SilentParser:
    """A parser that finds nothing: the tests see the tagger's effect alone."""

    def parse(self, texts):
        return [[] for _ in texts]


def extract_with(phrases: dict[str, str], text: str):
    ex = Extractor(parser="none")
    ex.parser_name = "stanza"   # the tagger runs with the parser switch on
    ex._parser = SilentParser()
    ex._entity_tagger = PhraseTagger(phrases)
    quotes = ex.extract(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_spans_from_bioes_and_bio_tags():
    text = "وقال الوزير جون سميث إن"
    toks = tokenize(text)
    for tags in (["O", "S-TITLE", "B-PERS", "E-PERS", "O"], ["O", "B-TITLE", "B-PERS", "I-PERS", "O"]):
        spans = spans_from_tags(text, toks, 0, tags)
        assert [(s.kind, s.text) for s in spans] == [("title", "الوزير"), ("person", "جون سميث")]
        assert text[spans[1].start:spans[1].end] == "جون سميث"


def test_spans_from_tags_offsets_in_a_window():
    text = "قال مدير البنك. وأضاف منى الصافي إن"
    toks = tokenize(text)
    first = 4  # the window starts at وأضاف
    spans = spans_from_tags(text, toks, first, ["O", "B-PERS", "E-PERS", "O"])
    assert [(s.kind, s.text, s.first, s.last) for s in spans] == [("person", "منى الصافي", 5, 7)]


def test_foreign_name_is_read_whole():
    q = extract_with({"إنغريد فان دير بيرغ": "person", "الباحثة": "title"},
                     "وقالت الباحثة إنغريد فان دير بيرغ إن النتائج مشجعة.")
    assert q.speaker.name == "إنغريد فان دير بيرغ"
    assert q.speaker.role == "الباحثة"
    assert q.quote.text == "النتائج مشجعة"


def test_name_of_common_words():
    q = extract_with({"كريم الصادق": "person", "وزير النقل": "title"},
                     "وقال وزير النقل كريم الصادق إن الطريق سيفتح قريبا.")
    assert q.speaker.name == "كريم الصادق"
    assert q.speaker.role == "وزير النقل"


def test_name_in_quotation_marks():
    q = extract_with({"سعاد البحري": "person", "الممرضة": "title"},
                     'وتقول الممرضة "سعاد البحري" إن المستشفى يحتاج إلى أطباء.')
    assert q.speaker.name == "سعاد البحري"
    assert q.speaker.role == "الممرضة"


def test_glued_object_noun_is_not_part_of_the_name():
    q = extract_with({"الشامي": "person"}, "ونفت الشامي اتهامات بأن الشركة أخفت الأرباح.")
    assert q.speaker.name == "الشامي"
    assert q.quote.text.startswith("اتهامات")


def test_appositive_role_after_a_comma():
    q = extract_with({"سمير العلي": "person", "مهندس في شركة الكهرباء": "title"},
                     "وقال سمير العلي، وهو مهندس في شركة الكهرباء، إن الأعطال كثيرة.")
    assert q.speaker.name == "سمير العلي"
    assert q.speaker.role == "مهندس في شركة الكهرباء"


def test_role_with_a_quoted_foreign_organisation():
    q = extract_with({"ماري لوران": "person", 'مديرة المبيعات في " سولار تك "': "title"},
                     'وقالت ماري لوران، مديرة المبيعات في "سولار تك"، إن الطلب ارتفع.')
    assert q.speaker.name == "ماري لوران"
    assert q.speaker.role == 'مديرة المبيعات في "سولار تك"'


def test_rank_after_the_role_stays_out_of_it():
    q = extract_with({"فهد الزامل": "person", "قائد القوات البرية": "title"},
                     "وقال قائد القوات البرية اللواء الركن فهد الزامل إن الوضع مستقر.")
    assert q.speaker.name == "فهد الزامل"
    assert q.speaker.role == "قائد القوات البرية"


def test_switches_turn_the_corrections_off():
    CORRECTIONS.extend_name = False
    try:
        q = extract_with({"إنغريد فان دير بيرغ": "person"}, "وقالت الباحثة إنغريد فان دير بيرغ إن النتائج مشجعة.")
        assert q.speaker.name != "إنغريد فان دير بيرغ"
    finally:
        CORRECTIONS.extend_name = True


def test_parser_none_loads_no_tagger():
    ex = Extractor(parser="none")
    q = ex.extract("وقال وزير النقل كريم الصادق إن الطريق سيفتح قريبا.")[0]
    assert ex.entity_tagger is None and ex._entity_tagger is None
    assert "entity_windows" not in ex.parse_stats
    assert q.quote.text == "الطريق سيفتح قريبا"


@pytest.mark.models
@pytest.mark.skipif(not (bundled_models_dir() / "ar_nertagger.pt").is_file(), reason="no tagger model in data/models")
def test_shipped_tagger_tags_a_sentence():
    tagger = find_tagger()
    assert isinstance(tagger, EntityTagger)
    text = "وقال وزير الخارجية الفرنسي جان مارك إيرولت في باريس إن المفاوضات ستستأنف."
    toks = tokenize(text)
    kinds = {s.text: s.kind for s in tagger.entities(text, toks)}
    assert kinds.get("جان مارك إيرولت") == "person"
    assert kinds.get("باريس") == "place"


def test_role_given_elsewhere_in_apposition():
    # (ناظر is in no lexicon: the rules do not read the apposition; the tagger tags it)
    text = "حضر سامر البنا، ناظر مدرسة النور، حفل التخرج.\nوقال البنا إن الطلاب تفوقوا هذا العام."
    rules = Extractor(parser="none").extract(text)[0]
    assert rules.speaker.role is None
    q = extract_with({"سامر البنا": "person", "البنا": "person", "ناظر مدرسة النور": "title"}, text)
    assert q.speaker.name == "سامر البنا"
    assert q.speaker.role == "ناظر مدرسة النور"


def test_role_runs_on_to_a_quoted_organisation_the_tagger_knows():
    text = 'وقال رامي الحلو مدير فرع "غرين باي" للتقنية: "الطلب يزداد".'
    rules = Extractor(parser="none").extract(text)[0]
    assert rules.speaker.role == "مدير"
    q = extract_with({"رامي الحلو": "person", "غرين باي": "organization"}, text)
    assert q.speaker.role == 'مدير فرع "غرين باي"'


def test_the_outlet_spoken_to_is_no_part_of_the_role():
    text = "وقال المتحدث باسم الشرطة أنور السقا لوكالة سبوتنيك إن التحقيق مستمر."
    q = extract_with({"أنور السقا": "person", "لوكالة سبوتنيك": "organization"}, text)
    assert q.speaker.role == "المتحدث باسم الشرطة"


def test_a_title_span_with_a_rank_does_not_lengthen_the_role():
    text = "وقال قائد القوات البرية اللواء الركن فهد الزامل إن الوضع مستقر."
    q = extract_with({"فهد الزامل": "person", "قائد القوات البرية اللواء الركن": "title"}, text)
    assert q.speaker.name == "فهد الزامل"
    assert q.speaker.role == "قائد القوات البرية"


def test_the_tagger_is_off_unless_asked_for():
    assert Extractor(parser="stanza").entity_tagger is None
    assert Extractor(parser="none", entities=True).entity_tagger is None


@pytest.mark.models
@pytest.mark.skipif(not (bundled_models_dir() / "ar_nertagger.pt").is_file(), reason="no tagger model in data/models")
def test_entities_true_loads_the_shipped_tagger():
    assert isinstance(Extractor(parser="stanza", entities=True).entity_tagger, EntityTagger)
