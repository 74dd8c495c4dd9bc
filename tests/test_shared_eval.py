"""End to end on the shared evaluation sets, with the accuracy floors measured on them.

These read ../shared/eval (not part of the package); they skip when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import Extractor
from quotes.evaluate import evaluate, load_gold, predict_gold_texts

from conftest import assert_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(not (SHARED / "dev.jsonl").exists(),
                                reason=f"the evaluation sets are not at {SHARED}")

# Floors a little under what `quotes evaluate --parser none` measures (README.md).
RULE_FLOORS = {
    "seed.jsonl": {"f1": 0.97, "direct": 0.95, "speaker": 0.95, "role": 0.95, "end_to_end": 0.95},
    "dev.jsonl": {"f1": 0.895, "direct": 0.92, "speaker": 0.895, "role": 0.87, "end_to_end": 0.81},
}
PARSE_FLOORS = {"dev.jsonl": {"f1": 0.895, "direct": 0.92, "speaker": 0.90, "role": 0.87, "end_to_end": 0.815}}


def assert_floors(result: dict, floors: dict) -> None:
    assert result["quotes"]["f1"] >= floors["f1"], result["quotes"]
    assert result["by_type"]["direct"]["f1"] >= floors["direct"], result["by_type"]["direct"]
    assert result["speaker"]["accuracy"] >= floors["speaker"], result["speaker"]
    assert result["role"]["accuracy"] >= floors["role"], result["role"]
    assert result["end_to_end"]["f1"] >= floors["end_to_end"], result["end_to_end"]


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(parser="none")


@pytest.mark.parametrize("name", sorted(RULE_FLOORS))
def test_rule_layer_accuracy_floors(rules, name):
    docs = load_gold(SHARED / name)
    result = evaluate(docs, predict_gold_texts(docs, rules))
    assert_floors(result, RULE_FLOORS[name])


@pytest.mark.parametrize("name", sorted(PARSE_FLOORS))
def test_rules_with_the_parse_accuracy_floors(name):
    from quotes.errors import ModelError
    from quotes.parse import bundled_models_dir, check_model_dir
    try:
        check_model_dir(bundled_models_dir())
    except ModelError as e:
        pytest.skip(f"bundled models incomplete: {e}")
    docs = load_gold(SHARED / name)
    result = evaluate(docs, predict_gold_texts(docs, Extractor()))
    assert_floors(result, PARSE_FLOORS[name])


def test_every_span_indexes_the_gold_texts(rules):
    for doc in load_gold(SHARED / "dev.jsonl"):
        assert_spans(doc["text"], rules.extract(doc["text"], doc_id=doc["id"]))


def test_parsing_windows_gives_the_quotes_of_parsing_every_sentence():
    """The product parses a window around the cues that need it; the naive path parses
    every sentence. Both read the parse only within each cue's window, so on the dev
    texts they must give the same quotes; the speakers may differ only where the tagger
    reads a word differently in a window than in its whole sentence, which is rare."""
    from quotes.errors import ModelError
    from quotes.parse import bundled_models_dir, check_model_dir
    try:
        check_model_dir(bundled_models_dir())
    except ModelError as e:
        pytest.skip(f"bundled models incomplete: {e}")
    texts = [doc["text"] for doc in load_gold(SHARED / "dev.jsonl")]

    def key(extractor: Extractor) -> list[tuple]:
        return [(d, q.quote.start, q.quote.end, q.type, q.speaker and q.speaker.to_dict())
                for d, quotes in enumerate(extractor.extract_many(texts)) for q in quotes]

    product, naive = Extractor(), Extractor(parse_everything=True)
    by_product, by_naive = key(product), key(naive)
    assert [k[:4] for k in by_product] == [k[:4] for k in by_naive]
    differ = sum(a != b for a, b in zip(by_product, by_naive))
    assert differ <= len(by_product) // 200, (differ, len(by_product))
    assert naive.parse_stats["words"] > 3 * product.parse_stats["words"]
