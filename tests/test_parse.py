"""The parse stage, with a stand-in parser (the real models are tested in
test_models.py): what the parse adds to the rules, and model loading errors."""

from __future__ import annotations

import pytest

from quotes import Extractor, ModelError
from quotes.parse import ParsedWord, Parser, check_model_dir, parser_input, to_original

SENTENCE = "وقالت وزيرة الصحة سلمى الخطيب إن الخطة جاهزة."
# word: (upos, head word, deprel); وقالت is و + قالت
ANALYSIS = {
    "و": ("CCONJ", "قالت", "cc"), "قالت": ("VERB", None, "root"), "وزيرة": ("NOUN", "قالت", "nsubj"),
    "الصحة": ("NOUN", "وزيرة", "nmod"), "سلمى": ("PROPN", "وزيرة", "appos"),
    "الخطيب": ("PROPN", "سلمى", "flat"), "إن": ("SCONJ", "جاهزة", "mark"),
    "الخطة": ("NOUN", "جاهزة", "nsubj"), "جاهزة": ("ADJ", "قالت", "ccomp"), ".": ("PUNCT", "قالت", "punct"),
    # أعلنت وزيرة الصحة سلمى الخطيب الأحد إطلاق خطة وطنية .
    "أعلنت": ("VERB", None, "root"), "الأحد": ("NOUN", "أعلنت", "obl:tmod"), "إطلاق": ("NOUN", "أعلنت", "obj"),
    "خطة": ("NOUN", "إطلاق", "nmod"), "وطنية": ("ADJ", "خطة", "amod"),
}


class StandInParser:
    """Parses the one sentence above the way a good parser would."""

    def __init__(self):
        self.calls = 0
        self.texts = []

    def parse(self, texts):
        self.calls += 1
        self.texts += texts
        out = []
        for text in texts:
            words, pos = [], 0
            pieces = []
            for token in text.replace(".", " .").split():
                start = text.index(token, pos)
                pos = start + len(token)
                if token == "وقالت":
                    pieces += [("و", start, start + 1), ("قالت", start + 1, pos)]
                else:
                    pieces.append((token, start, pos))
            index = {w: i for i, (w, _, _) in enumerate(pieces)}
            for i, (w, s, e) in enumerate(pieces):
                upos, head, rel = ANALYSIS.get(w, ("X", None, "dep"))
                words.append(ParsedWord(i, w, s, e, upos, "Gender=Fem" if w == "قالت" else "",
                                        index.get(head, -1) if head else -1, rel))
            out.append(words)
        return out


def extractor_with(parser) -> Extractor:
    ex = Extractor(parser="stanza")
    ex._parser = parser
    return ex


def test_rules_alone_miss_a_name_that_is_also_a_word():
    q = Extractor(parser="none").extract(SENTENCE)[0]
    assert q.speaker.name != "سلمى الخطيب"


def test_parse_completes_the_name_from_proper_nouns():
    q = extractor_with(StandInParser()).extract(SENTENCE)[0]
    assert q.type == "indirect" and q.text == "الخطة جاهزة"
    assert q.speaker.name == "سلمى الخطيب"
    assert q.speaker.role == "وزيرة الصحة"


def test_a_completed_name_is_taken_out_of_the_noun_object_the_rules_read():
    text = "أعلنت وزيرة الصحة سلمى الخطيب الأحد إطلاق خطة وطنية."
    rules = Extractor(parser="none").extract(text)[0]
    assert rules.text.startswith("سلمى الخطيب")  # the rules took the name for the object's start
    q = extractor_with(StandInParser()).extract(text)[0]
    assert (q.type, q.text, q.speaker.name, q.speaker.role) == (
        "reported", "إطلاق خطة وطنية", "سلمى الخطيب", "وزيرة الصحة")


def test_only_sentences_with_a_verb_cue_are_parsed_in_one_batch():
    parser = StandInParser()
    ex = extractor_with(parser)
    texts = [SENTENCE, "لا اقتباس في هذه الجملة.", SENTENCE]
    results = list(ex.extract_many(texts))
    assert parser.calls == 1
    assert [len(r) for r in results] == [1, 0, 1]
    assert ex.parse_stats["windows"] == 2
    # only the attribution is parsed, up to the complementizer, not the quote's content
    assert parser.texts == ["وقالت وزيرة الصحة سلمى الخطيب إن"] * 2


def test_parser_input_maps_back_to_the_original():
    text = "قـالَ الوزيرُ ٣ كلمات"
    normalised, offsets = parser_input(text)
    assert normalised == "قال الوزير 3 كلمات"
    assert [text[i] for i in offsets] == [c if c != "3" else "٣" for c in normalised]
    words = [ParsedWord(0, "قال", 0, 3, "VERB", "", -1, "root"),
             ParsedWord(1, "الوزير", 4, 10, "NOUN", "", 0, "nsubj")]
    back = to_original(words, offsets, len(text))
    assert [text[w.start:w.end] for w in back] == ["قـال", "الوزير"]  # letters, not trailing marks


def test_parser_input_shows_presentation_forms_as_letters():
    text = "ﻗﺎﻝ ﻻ"
    normalised, offsets = parser_input(text)
    assert normalised == "قال لا"
    assert offsets == [0, 1, 2, 3, 4, 4]  # the ligature's two letters point at it
    back = to_original([ParsedWord(0, "لا", 4, 6, "PART", "", -1, "root")], offsets, len(text))
    assert text[back[0].start:back[0].end] == "ﻻ"


def test_missing_model_file_is_named(tmp_path):
    with pytest.raises(ModelError, match="ar_tokenizer.pt"):
        check_model_dir(tmp_path)
    with pytest.raises(ModelError, match="ar_tokenizer.pt"):
        Parser.load(tmp_path)


def test_truncated_model_file_is_named(tmp_path):
    for name in ("ar_tokenizer.pt", "ar_mwt.pt", "ar_pos.pt", "ar_lemma.pt", "ar_depparse.pt",
                 "ar_pretrain.pt"):
        (tmp_path / name).write_bytes(b"x" * 100)
    (tmp_path / "ar_pos.pt").write_bytes(b"")
    with pytest.raises(ModelError, match="ar_pos.pt"):
        check_model_dir(tmp_path)


def test_unloadable_models_give_a_model_error(tmp_path):
    for name in ("ar_tokenizer.pt", "ar_mwt.pt", "ar_pos.pt", "ar_lemma.pt", "ar_depparse.pt",
                 "ar_pretrain.pt"):
        (tmp_path / name).write_bytes(b"not a torch file" * 10)
    (tmp_path / "resources.json").write_text("{}")
    with pytest.raises(ModelError, match=str(tmp_path)):
        Parser.load(tmp_path)


def test_a_cue_whose_source_is_named_is_not_parsed():
    parser = StandInParser()
    ex = extractor_with(parser)
    quotes = ex.extract("وقال وزير الخارجية سامح شكري إن المفاوضات مستمرة.")
    assert quotes[0].speaker.name == "سامح شكري"
    assert parser.texts == []


def test_cues_far_apart_in_one_sentence_get_separate_windows():
    parser = StandInParser()
    ex = extractor_with(parser)
    filler = " ".join(["والمشروع"] * 30)
    text = f"وقالت وزيرة الصحة سلمى الخطيب إن الخطة جاهزة {filler} وأضافت في حديثها أن العمل بدأ."
    assert len(ex.extract(text)) == 2
    assert parser.texts == ["وقالت وزيرة الصحة سلمى الخطيب إن", "والمشروع " * 8 + "وأضافت في حديثها أن"]


@pytest.mark.parametrize("text", [
    "قال الوزير سامي العلي إن الخطة جاهزة. وأضاف أن العمل بدأ.",      # و + cue + أن
    "قال الوزير سامي العلي إن الخطة جاهزة. وتابع: \"العمل بدأ\".",    # و + cue + colon
    "قال الوزير سامي العلي إن الخطة جاهزة. قال إن العمل بدأ.",        # the sentence opens with the cue
    "قال الوزير سامي العلي إن الخطة جاهزة. وقال المدير إن العمل بدأ.",  # a title right before إن: no name to find
])
def test_a_cue_with_no_room_for_a_subject_or_a_name_is_not_parsed(text):
    parser = StandInParser()
    ex = extractor_with(parser)
    assert len(ex.extract(text)) == 2
    assert parser.texts == []


@pytest.mark.parametrize("text, room", [
    ("وأضاف أن العمل بدأ.", False),
    ('وتابعت: "العمل بدأ".', False),
    ("قال إن العمل بدأ.", False),
    # the subject may follow the channel, or stand before a cue without و (after ف, a topic)
    ('وقال لـ"الصحيفة" منير إن العمل بدأ.', True),
    ("وكان المدير قال إن العمل بدأ.", True),
    ("أما الكاتب، فقال إن العمل بدأ.", True),
    ("وقال بان كي مون إن العمل بدأ.", True),  # بان is a name here, not بأن
])
def test_where_a_subject_may_stand_the_cue_is_parsed(text, room):
    from quotes.attribute import DocumentView, find_candidates
    from quotes.lexicon import default_lexicons
    from quotes.parse import _no_room_for_subject
    lex = default_lexicons()
    view = DocumentView.build(text)
    (cand,) = [c for c in find_candidates(view, lex) if c.cue is not None]
    assert _no_room_for_subject(view, cand, lex) is not room


def test_a_quoted_name_after_a_preposition_is_never_the_parse_subject():
    from quotes.parse import _quoted_after_preposition
    from quotes.segment import tokenize
    tokens = tokenize('أكد الممثل في تصريح للإذاعة "نور اف ام" أنه مستعد')
    start = next(t.start for t in tokens if t.text == "نور")
    assert _quoted_after_preposition(tokens, start)
    plain = tokenize('أكد "نور" أنه مستعد')
    assert not _quoted_after_preposition(plain, next(t.start for t in plain if t.text == "نور"))


def test_the_shortcut_decoder_gives_stanzas_trees():
    import numpy as np
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    from quotes.parse import fast_one_root_tree

    fast = fast_one_root_tree(chuliu_edmonds_one_root)
    rng = np.random.default_rng(7)
    shortcuts = 0
    for trial in range(600):
        n = int(rng.integers(2, 25))
        scores = rng.normal(size=(n, n)).astype(np.float32)
        if trial % 3:  # scores like a parser's: one clear head for most words, one root
            for i in range(2, n):
                scores[i, i - 1] += 4
            scores[1, 0] += 4
        expected = chuliu_edmonds_one_root(scores)
        assert np.array_equal(fast(scores), expected)
        best = scores.copy()
        np.fill_diagonal(best, -np.inf)
        shortcuts += int((np.argmax(best[1:], axis=1) == 0).sum() == 1)
    assert shortcuts > 300  # the shortcut was taken often enough to be tested


def test_mwt_expansions_are_remembered_and_unchanged():
    import torch
    from stanza.models.common import utils
    from stanza.models.common.seq2seq_constant import PAD_ID
    from stanza.models.mwt.data import DataBatch

    from quotes.parse import memoised_expansions

    calls = []

    def model(batch, unsort=True, never_decode_unk=False, vocab=None):
        calls.append(list(batch.orig_text))
        out = [text.replace("و", "و ", 1) for text in batch.orig_text]  # in the batch's (sorted) order
        return utils.unsort(out, batch.orig_idx) if unsort else out

    src = torch.tensor([[5, 6, 7, 8], [5, 6, 7, PAD_ID], [5, 6, PAD_ID, PAD_ID]])
    batch = DataBatch(src, src.eq(PAD_ID), None, None, ["وقالت", "وقال", "وهو"], [2, 0, 1])
    expand = memoised_expansions(model, {})
    first = expand(batch)
    assert first == model(batch) == ["و قال", "و هو", "و قالت"]  # back in the document's order
    calls.clear()
    assert expand(batch) == first and calls == []  # all remembered: the model is not asked again
    mixed = DataBatch(src, src.eq(PAD_ID), None, None, ["وأضاف", "وقال", "وعاد"], [1, 2, 0])
    assert expand(mixed) == model(mixed)
    assert calls[0] == ["وأضاف", "وعاد"]  # only the new tokens, as one smaller batch
