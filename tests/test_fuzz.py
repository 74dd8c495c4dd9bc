"""Random inputs: the readers never raise, and every span the extractor returns is
exactly the text at its offsets (also across windows of long documents)."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import Extractor
from quotes.batch import extract_windowed
from quotes.io import BadInput, Document, ReadOptions, read_stream

from conftest import assert_spans

EXTRACTOR = Extractor(parser="none")


def fast(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["قال", "وقال", "وأضاف", "أكد", "وأوضحت", "بحسب", "وفقا", "الوزير", "الرئيس", "المتحدث", "باسم",
         "الحكومة", "إن", "أن", "أنه", "محمد", "علي", "السيد", "العمل", "سنواصل", "لن", "نقبل", "ذلك",
         "وزير", "الخارجية", "مصدر", "مسؤول", "في", "على", "بيان", "اليوم", "وكالة", "الأنباء"]
MARKS = ['"', "«", "»", "“", "”", "„", "‘", "’", "'", ":", "،", ".", "؟", "!", "…", "(", ")", "-", "\n", "\n\n",
         " ", "\t", "\u00a0", "\u0640", "\u064b", "\u200f", "\x00", "٣", "2016"]
PIECES = st.sampled_from(WORDS + MARKS) | st.text(min_size=1, max_size=3)


def arabic_mix(max_size: int) -> st.SearchStrategy[str]:
    """Words, quotation marks, punctuation and odd characters, mostly space-separated."""
    return st.lists(st.tuples(PIECES, st.sampled_from([" ", "", " ", "\n"])), max_size=max_size).map(
        lambda parts: "".join(p + sep for p, sep in parts))


@fast(600)
@given(data=st.binary(max_size=400), fmt=st.sampled_from(["auto", "jsonl", "text"]),
       encoding=st.sampled_from(["utf-8", "cp1256"]), policy=st.sampled_from(["fail", "replace"]))
def test_reader_turns_any_bytes_into_documents_or_errors(data, fmt, encoding, policy):
    options = ReadOptions(format=fmt, encoding=encoding, decode_errors=policy)
    items = list(read_stream(io.BytesIO(data), "fuzz", options, lambda message: None))
    assert items
    for item in items:
        assert isinstance(item, (Document, BadInput))
        if isinstance(item, Document):
            assert isinstance(item.text, str) and isinstance(item.doc_id, str)
        else:
            assert item.message


@fast(400)
@given(records=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "x"]),
                    st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.integers())),
                    max_size=3),
    st.text(max_size=20)), max_size=6))
def test_reader_keeps_one_item_per_jsonl_line(records):
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass") if isinstance(r, dict)
             else r.replace("\n", " ").replace("\r", " ").encode("utf-8", "surrogatepass") for r in records]
    lines = [line for line in lines if line.strip()]
    data = b"\n".join(lines)
    items = list(read_stream(io.BytesIO(data), "fuzz", ReadOptions(format="jsonl"), lambda m: None))
    assert len(items) == max(1, len(lines))


@fast(900)
@given(text=arabic_mix(60))
def test_extractor_spans_are_the_text_at_their_offsets(text):
    quotes = EXTRACTOR.extract(text, "fuzz")
    assert_spans(text, quotes)
    assert [q.index for q in quotes] == list(range(len(quotes)))


@fast(300)
@given(text=arabic_mix(120), max_chars=st.integers(min_value=8, max_value=200))
def test_windowed_spans_are_the_text_at_their_offsets(text, max_chars):
    quotes = extract_windowed(EXTRACTOR, "fuzz", text, max_chars)
    assert_spans(text, quotes)
    assert all(a.start <= b.start for a, b in zip(quotes, quotes[1:]))
