"""Random inputs: the readers never raise, every JSONL line gives one output line of
strict JSON, and every span the extractor returns is exactly the text at its offsets
(also across windows of long documents)."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import Extractor
from quotes.batch import ExtractorOptions, extract_windowed, run_serial
from quotes.io import BadInput, Document, ReadOptions, output_lines, read_stream

from conftest import SAID, assert_spans

SAID_TEXT = json.dumps(SAID)[1:-1]

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


# --- whole JSONL lines through reading, extraction and writing ---------------------------

def _nested(value: str, depth: int, kind: str) -> str:
    open_, close = ("[", "]") if kind == "array" else ('{"k":', "}")
    return open_ * depth + value + close * depth


NUMBERS = st.sampled_from(["0", "-0", "1.5", "1e400", "-1e999", "1e-400", "12345678901234567890",
                           "-123456789012345678901234567890", "NaN", "Infinity", "0x10", "01", "1.", "3.14e+10"])
STRINGS = st.sampled_from(['"\\u0642\\u0627\\u0644"', '"\\ud800"', '"\\udcff\\udcfe"', '"a\\"b"', '"\\n\\t\\\\"',
                           '"\\u0000"', '"' + SAID_TEXT + '"', '"\\uD83D\\uDE00"', '"\\x41"', '"unterminated'])
VALUES = st.one_of(NUMBERS, STRINGS, st.sampled_from(["null", "true", "[]", "{}", "[1,2", "{\"a\"}"]))


@st.composite
def jsonl_line(draw: st.DrawFn) -> str:
    """One line: a record with random ids, text, numbers, escapes and nesting, or junk."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(max_size=20)).replace("\n", " ")
    fields = []
    id_kind = draw(st.sampled_from(["id", "doc_id", "none", "nested", "number"]))
    if id_kind == "id":
        fields.append(f'"id": "{draw(st.sampled_from(["a", "b", "a"]))}"')
    elif id_kind == "doc_id":
        fields.append('"doc_id": "a"')
    elif id_kind == "nested":
        fields.append(f'"id": {_nested("1", draw(st.integers(0, 3)), "array")}')
    elif id_kind == "number":
        fields.append(f'"id": {draw(NUMBERS)}')
    text = draw(st.one_of(STRINGS, VALUES))
    fields.append(f'"text": {text}')
    for _ in range(draw(st.integers(0, 3))):
        depth = draw(st.sampled_from([0, 1, 5, 253, 255, 499, 500, 501, 990, 1023, 1024, 3000]))
        fields.append(f'"f{len(fields)}": {_nested(draw(VALUES), depth, draw(st.sampled_from(["array", "object"])))}')
    return "{" + ", ".join(draw(st.permutations(fields))) + "}"


@fast(300)
@given(lines=st.lists(st.one_of(jsonl_line(), st.sampled_from(["", "  ", "\t"])), min_size=1, max_size=6))
def test_every_jsonl_line_gives_one_strict_output_line(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    items = list(read_stream(io.BytesIO(data), "fuzz.jsonl", ReadOptions(format="jsonl"), lambda m: None))
    records = sum(1 for line in data.split(b"\n") if line.strip())
    assert len(items) == max(1, records)
    results = [r for chunk in run_serial(items, ExtractorOptions(parser="none")) for r in chunk]
    for ordinal, result in enumerate(results):
        [line] = output_lines(result, "docs", ordinal)
        assert line.endswith(b"\n") and b"\n" not in line[:-1]
        record = json.loads(line, parse_constant=_refuse)
        assert record["input"]["record"] == ordinal
        assert ("quotes" in record) != ("error" in record)


def _refuse(name: str) -> None:
    raise AssertionError(f"{name} written")


@fast(200)
@given(data=st.lists(st.sampled_from([b"a", b"{", b" ", b"\t", b"\r", b"\n", b"\n\n", b"\x0b", b"\xd9\x82"]),
                     max_size=80).map(b"".join),
       block=st.integers(1, 9), max_bytes=st.integers(2, 40))
def test_jsonl_lines_are_cut_alike_whatever_the_block_size(data, block, max_bytes):
    """The block reader yields each non-blank line (or its length, when too long) with
    its number and byte offset, exactly as splitting the whole input would."""
    import quotes.io as qio

    expected, offset = [], 0
    pieces = data.split(b"\n")
    for number, piece in enumerate(pieces, 1):
        raw = piece + b"\n" if number < len(pieces) else piece
        if raw.strip():
            expected.append((number, offset, raw if len(raw) <= max_bytes else len(raw)))
        offset += len(raw)
    saved, qio.READ_BLOCK = qio.READ_BLOCK, block
    try:
        assert list(qio._jsonl_lines(qio._blocks(io.BytesIO(data)), max_bytes)) == expected
    finally:
        qio.READ_BLOCK = saved
