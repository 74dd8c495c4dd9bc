"""The bundled Stanza models, loaded offline as the package ships them. Skipped, with
the reason, when data/models is incomplete (e.g. a checkout without the model files)."""

from __future__ import annotations

import pytest

from quotes import Extractor
from quotes.errors import ModelError
from quotes.parse import Parser, bundled_models_dir, check_model_dir

try:
    check_model_dir(bundled_models_dir())
    MISSING = None
except ModelError as e:
    MISSING = str(e)

pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"bundled models incomplete: {MISSING}")


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser.load()


def test_bundled_models_load_offline_and_parse(parser):
    words = parser.parse(["وقال الوزير إن الحكومة ستدعم المزارعين"])[0]
    text = "وقال الوزير إن الحكومة ستدعم المزارعين"
    assert any(w.upos == "VERB" for w in words)
    assert all(0 <= w.start < w.end <= len(text) for w in words)
    heads = [w.head for w in words]
    assert heads.count(-1) >= 1 and all(-1 <= h < len(words) for h in heads)


def test_parse_runs_in_batches(parser):
    texts = ["وقال الوزير إن الخطة جاهزة", "وأضافت الوزيرة أن التمويل مضمون"]
    assert [len(p) > 0 for p in parser.parse(texts)] == [True, True]


def test_extractor_with_bundled_models_keeps_offsets():
    text = 'وقالت وزيرة الصحة الأردنية سلمى الخطيب الأحد إن الوزارة ستوظف 400 طبيب. وأضافت: "التمويل مضمون".'
    quotes = Extractor().extract(text)
    assert [q.type for q in quotes] == ["indirect", "direct"]
    for q in quotes:
        assert text[q.start:q.end] == q.text
    assert quotes[1].speaker.name == quotes[0].speaker.name


def test_loading_the_models_builds_no_training_optimizer():
    from stanza.models.common import utils
    before = (utils.get_optimizer, utils.get_split_optimizer)
    parser = Parser.load()
    assert (utils.get_optimizer, utils.get_split_optimizer) == before  # put back after loading
    words = parser.parse(["وقال الوزير إن الخطة جاهزة"])[0]
    assert any(w.deprel.startswith("nsubj") and w.text == "الوزير" for w in words)


def test_a_noun_the_parse_makes_the_subject_is_the_source():
    # no lexicon lists أوراق; the rules alone give the quote to the minister named before
    text = "قال الوزير سامر العبدلي إن الخطة جاهزة. وتقول أوراق القضية إن المتهم بريء."
    assert Extractor(parser="none").extract(text)[-1].speaker.name == "سامر العبدلي"
    assert Extractor().extract(text)[-1].speaker.name == "أوراق القضية"


def test_a_noun_object_the_parse_makes_the_subject_becomes_the_source():
    # the rules, with no subject read, take تحقيق صحفي أن … for the object and its claim
    text = "وكشف تحقيق صحفي أن الشركة دفعت رشاوى."
    (rules,) = Extractor(parser="none").extract(text)
    assert (rules.type, rules.text) == ("reported", "تحقيق صحفي أن الشركة دفعت رشاوى")
    (q,) = Extractor().extract(text)
    assert (q.type, q.text, q.speaker.name) == ("indirect", "الشركة دفعت رشاوى", "تحقيق صحفي")
