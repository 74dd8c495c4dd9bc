from quotes.evaluate import Scored, match, score, speaker_correct


def test_match_needs_half_of_the_longer_span():
    gold = [Scored(0, 10, "direct")]
    assert match(gold, [Scored(0, 5, "direct")]) == [(0, 0)]   # 5 of 10
    assert match(gold, [Scored(0, 4, "direct")]) == []          # 4 of 10
    assert match(gold, [Scored(5, 25, "direct")]) == []         # 5 of 20


def test_match_is_one_to_one_by_overlap():
    gold = [Scored(0, 10, "direct")]
    pred = [Scored(0, 8, "direct"), Scored(0, 10, "direct")]
    assert match(gold, pred) == [(0, 1)]


def test_speaker_rules():
    gold = Scored(0, 1, "direct", speaker="آشتون كارتر", mention="الوزير")
    assert speaker_correct("آشتون كارتر", gold)
    assert speaker_correct("كارتر", gold)            # all words are words of the speaker
    assert speaker_correct("الوزير", gold)           # equals the mention
    assert speaker_correct("أشتون  كارتر", gold)     # normalised
    assert not speaker_correct("وزير الدفاع كارتر", gold)
    assert not speaker_correct(None, gold)


def test_score_counts():
    text = "x" * 100
    gold = [Scored(0, 10, "direct", "أ ب"), Scored(20, 30, "indirect", "ج", role="ر")]
    pred = [Scored(0, 10, "direct", "ب"), Scored(50, 60, "reported", "ج")]
    r = score([(text, gold, pred)])
    assert r["quotes"]["precision"] == 0.5 and r["quotes"]["recall"] == 0.5
    assert r["by_type"]["direct"]["f1"] == 1.0
    assert r["by_type"]["indirect"]["recall"] == 0.0
    assert r["speaker"]["accuracy"] == 1.0 and r["speaker"]["strict"] == 0.0
    assert r["role"]["n"] == 0
    assert r["end_to_end"]["f1"] == 0.5
    assert r["quotes"]["exact"] == 1


def test_predictions_may_hold_failed_documents(tmp_path):
    from quotes.evaluate import load_predictions
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a", "text": "x", "error": "not JSON"}\n'
                    '{"doc_id": "b", "quotes": [{"type": "direct", "quote": {"text": "x", "start": 0, "end": 1}}]}\n',
                    encoding="utf-8")
    preds = load_predictions(path, {"a": "x", "b": "x"})
    assert preds["a"] == [] and len(preds["b"]) == 1
