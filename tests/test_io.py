"""Reading every kind of input, good and bad, and repairing outputs for --resume."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os

import orjson
import pytest

import quotes.io as qio
from quotes.errors import QuotesError
from quotes.io import (BadInput, DocResult, Document, DuplicateIds, ReadOptions, ResumePoint, docs_record,
                       iter_inputs, output_lines, prepare_resume, read_stream, walk_directory)

from conftest import ADDED, INDIRECT, SAID, write_jsonl


def read_all(paths: list, options: ReadOptions | None = None) -> tuple[list, list[str]]:
    warnings: list[str] = []
    items = list(iter_inputs([str(p) for p in paths], options or ReadOptions(), warnings.append))
    return items, warnings


def test_jsonl_records_become_documents_with_ids_and_records(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": SAID, "outlet": "w"},
                                              {"text": INDIRECT}, {"id": 7, "text": ADDED}])
    items, warnings = read_all([path])
    assert [type(i) for i in items] == [Document] * 3
    assert [i.doc_id for i in items] == ["x", f"{path}:2", "7"]
    assert items[0].record == {"id": "x", "text": SAID, "outlet": "w"}
    assert items[0].text == SAID and items[1].line == 2
    assert warnings == []


def test_bad_jsonl_lines_are_reported_not_dropped(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id": "a", "text": "\xd9\x82\xd8\xa7\xd9\x84"}\n'
                     b'{"id": "b", "text": \n'
                     b'\n'
                     b'[1, 2]\n'
                     b'{"id": "c"}\n'
                     b'{"id": "d", "text": 12}\n'
                     b'{"id": "e", "text": null}\n')
    items, _ = read_all([path])
    assert [type(i).__name__ for i in items] == ["Document"] + ["BadInput"] * 5
    bad = items[1:]
    assert [b.line for b in bad] == [2, 4, 5, 6, 7]
    assert bad[0].message.startswith("not JSON")
    assert bad[0].doc_id == f"{path}:2"
    assert bad[1].message == "not a JSON object but an array"
    assert bad[2].message == "no 'text' field" and bad[2].doc_id == "c"
    assert bad[3].message == "field 'text' is a number, not a string"
    assert bad[4].message == "field 'text' is null, not a string"
    assert bad[3].record == {"id": "d", "text": 12}


def test_broken_utf8_names_the_byte_offset_in_the_file(tmp_path):
    first = orjson.dumps({"id": "ok", "text": SAID}) + b"\n"
    second = b'{"id": "bad", "text": "\xd9\x82\xff"}\n'
    path = tmp_path / "broken.jsonl"
    path.write_bytes(first + second)
    items, _ = read_all([path])
    assert isinstance(items[0], Document)
    assert isinstance(items[1], BadInput)
    offset = len(first) + second.index(b"\xff")
    assert items[1].message == f"invalid utf-8 at byte offset {offset}"
    assert items[1].where == f"{path}:2"


def test_broken_utf8_in_a_text_file_fails_the_file_or_is_replaced(tmp_path):
    path = tmp_path / "broken.txt"
    data = SAID.encode() + b"\xc3(" + INDIRECT.encode()
    path.write_bytes(data)
    items, _ = read_all([path])
    assert items == [BadInput(str(path), f"invalid utf-8 at byte offset {len(SAID.encode())}", str(path))]
    items, warnings = read_all([path], ReadOptions(decode_errors="replace"))
    assert isinstance(items[0], Document) and "\ufffd" in items[0].text
    assert len(warnings) == 1 and str(path) in warnings[0] and "byte offset" in warnings[0]


def test_utf8_bom_is_accepted_in_text_and_jsonl(tmp_path):
    txt = tmp_path / "bom.txt"
    txt.write_bytes(codecs.BOM_UTF8 + SAID.encode())
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(codecs.BOM_UTF8 + orjson.dumps({"id": "a", "text": SAID}) + b"\n")
    items, _ = read_all([txt, jsonl])
    assert [i.text for i in items] == [SAID, SAID]


def test_byte_offsets_count_the_bom(tmp_path):
    path = tmp_path / "bom-broken.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"ab\xffc")
    items, _ = read_all([path])
    assert items[0].message == "invalid utf-8 at byte offset 5"


def test_cp1256_when_asked(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(INDIRECT.encode("cp1256"))
    items, _ = read_all([path], ReadOptions(encoding="cp1256"))
    assert items[0].text == INDIRECT
    items, _ = read_all([path])
    assert isinstance(items[0], BadInput) and items[0].message.startswith("invalid utf-8 at byte offset")


def test_empty_and_blank_files_are_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    items, _ = read_all([tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "empty.jsonl"])
    assert [(type(i), i.message) for i in items] == [(BadInput, "empty file")] * 3


def test_binary_files_and_nul_bytes(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "nul.jsonl").write_bytes(b'{"id": "a", "text": "x\x00y"}\n'
                                         + orjson.dumps({"id": "b", "text": "x\u0000y"}) + b"\n")
    items, _ = read_all([tmp_path / "image.txt", tmp_path / "nul.jsonl"])
    assert items[0].message == "binary file: NUL byte at byte offset 8"
    assert isinstance(items[1], BadInput) and items[1].message.startswith("binary data: NUL byte")
    assert isinstance(items[2], Document) and items[2].text == "x\x00y"  # an escaped NUL is text


def test_directories_are_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(SAID, encoding="utf-8")
    (tmp_path / "a.txt").write_text(INDIRECT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    write_jsonl(tmp_path / "b" / "c.jsonl", [{"id": "r1", "text": ADDED}])
    items, _ = read_all([tmp_path])
    assert [i.doc_id for i in items] == [str(tmp_path / "a.txt"), "r1", str(tmp_path / "b" / "z.txt")]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(SAID, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(INDIRECT, encoding="utf-8")
    real_open = open

    def deny(path, *args, **kwargs):  # root ignores file modes, so simulate the denial
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(qio, "open", deny, raising=False)
    items, _ = read_all([tmp_path])
    assert items[0] == BadInput(str(locked), "cannot read: Permission denied", str(locked))
    assert isinstance(items[1], Document)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode")
def test_unreadable_file_by_mode(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(SAID, encoding="utf-8")
    locked.chmod(0)
    items, _ = read_all([tmp_path])
    assert items[0].message == "cannot read: Permission denied"


def test_missing_directory_is_reported():
    assert list(walk_directory("/nonexistent/quotes-test")) == [
        ("/nonexistent/quotes-test", "cannot read directory: No such file or directory")]


def test_missing_file_is_reported(tmp_path):
    items, _ = read_all([tmp_path / "nope.jsonl"])
    assert items[0].message == "cannot read: No such file or directory"


def test_gzip_input_and_truncated_gzip(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wb") as f:
        for i in range(50):
            f.write(orjson.dumps({"id": i, "text": SAID}) + b"\n")
    items, _ = read_all([path])
    assert [i.doc_id for i in items] == [str(i) for i in range(50)]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(path.read_bytes()[:40])
    items, _ = read_all([cut])
    assert isinstance(items[-1], BadInput) and items[-1].message.startswith("cannot read")


def test_stream_format_is_sniffed():
    def read(data: bytes) -> list:
        return list(read_stream(io.BytesIO(data), "<stdin>", ReadOptions(), lambda m: None))

    [doc] = read(b"\n\n" + SAID.encode())
    assert doc.doc_id == "<stdin>" and doc.text == "\n\n" + SAID
    docs = read(b"\n" + orjson.dumps({"id": "a", "text": SAID}) + b"\n" + orjson.dumps({"text": SAID}))
    assert [d.doc_id for d in docs] == ["a", "<stdin>:3"]


def test_duplicate_ids_warn_and_keep_both(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": SAID}, {"id": "a", "text": INDIRECT}])
    warnings: list[str] = []
    items = list(DuplicateIds(warnings.append).check(iter_inputs([str(path)], ReadOptions(), warnings.append)))
    assert [i.text for i in items] == [SAID, INDIRECT]
    assert warnings == [f"{path}:2: duplicate id 'a'; both kept"]


def test_docs_records_keep_every_input_field():
    record = {"id": "a", "text": SAID, "meta": {"k": [1, 2]}, "quotes": "old"}
    doc = Document("a", SAID, "f.jsonl", 1, record)
    out = docs_record(DocResult(doc, quotes=[{"index": 0}]))
    assert out == {"id": "a", "text": SAID, "meta": {"k": [1, 2]}, "doc_id": "a", "quotes": [{"index": 0}]}
    bad = BadInput("f.jsonl:2", "not JSON: x", "f.jsonl", 2)
    assert docs_record(DocResult(bad, error=bad.message)) == {
        "doc_id": "f.jsonl:2", "source": "f.jsonl", "line": 2, "error": "not JSON: x"}
    assert output_lines(DocResult(bad, error=bad.message), "quotes") == []
    assert output_lines(DocResult(doc, quotes=[{"a": 1}, {"b": 2}]), "quotes") == [b'{"a":1}\n', b'{"b":2}\n']


def test_resume_repairs_a_half_written_docs_output(tmp_path):
    out = tmp_path / "out.jsonl"
    whole = (b'{"id":"a","doc_id":"a","quotes":[],"input":{"file":"f","line":1,"record":0}}\n'
             b'{"id":"a","doc_id":"a","error":"x","input":{"file":"f","line":2,"record":1}}\n')
    out.write_bytes(whole + b'{"id":"c","doc_id":"c","quo')
    warnings: list[str] = []
    point = prepare_resume(str(out), "docs", warnings.append)
    assert point == ResumePoint(2, {"file": "f", "line": 2, "record": 1})
    assert out.read_bytes() == whole
    assert warnings == [f"{out}:3: removed a half-written last line (27 bytes)"]


def test_resume_redoes_the_last_document_of_a_quotes_output(tmp_path):
    out = tmp_path / "out.jsonl"
    kept = (b'{"doc_id":"a","index":0,"input":{"file":"f","line":1,"record":0}}\n'
            b'{"doc_id":"a","index":1,"input":{"file":"f","line":1,"record":0}}\n')
    out.write_bytes(kept + b'{"doc_id":"a","index":0,"input":{"file":"f","line":4,"record":3}}\n{"doc_id":"b","ind')
    point = prepare_resume(str(out), "quotes", lambda m: None)
    assert point == ResumePoint(3, {"file": "f", "line": 4, "record": 3})
    assert out.read_bytes() == kept


def test_resume_without_output_file(tmp_path):
    assert prepare_resume(str(tmp_path / "none.jsonl"), "docs", lambda m: None) == ResumePoint()


def test_resume_refuses_an_output_without_positions(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"doc_id":"a","quotes":[]}\n')
    with pytest.raises(QuotesError, match="does not say which input record"):
        prepare_resume(str(out), "docs", lambda m: None)


def test_integers_beyond_64_bits_are_kept_exactly(tmp_path):
    big = 123456789012345678901234567890
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"id": %d, "text": "%s", "n": -%d}\n' % (big, SAID.replace('"', '\\"').encode(), big))
    [doc], _ = read_all([path])
    assert doc.doc_id == str(big) and doc.record["n"] == -big
    [line] = output_lines(DocResult(doc, quotes=[]), "docs")
    assert b", " not in line
    assert json.loads(line) == {"id": big, "text": SAID, "n": -big, "doc_id": str(big), "quotes": []}


def test_file_names_that_are_not_utf8(tmp_path):
    raw_dir = os.fsencode(tmp_path)
    with open(os.path.join(raw_dir, b"bad\xff.txt"), "wb") as f:
        f.write(INDIRECT.encode())
    [doc], _ = read_all([tmp_path])
    assert isinstance(doc, Document) and doc.doc_id.endswith("bad\udcff.txt")
    [line] = output_lines(DocResult(doc, quotes=[{"doc_id": doc.doc_id}]), "docs")
    assert json.loads(line)["doc_id"] == doc.doc_id


def test_count_documents_sniffs_files_without_a_known_suffix(tmp_path):
    # the progress bar's total: a file named neither .txt nor .jsonl is read as JSONL
    # when it starts with "{", as one text otherwise
    (tmp_path / "records").write_text('{"text": "قال"}\n\n{"text": "أضاف"}\n', encoding="utf-8")
    (tmp_path / "article").write_text("وقال الوزير إن العمل مستمر.\n", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text('{"text": "أكد"}\n', encoding="utf-8")
    options = qio.ReadOptions()
    assert qio.count_documents([str(tmp_path / "records")], options) == 2
    assert qio.count_documents([str(tmp_path / "article")], options) == 1
    assert qio.count_documents([str(tmp_path / n) for n in ("records", "article", "more.jsonl")], options) == 4
