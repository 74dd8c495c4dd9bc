"""``quotes stats``: speakers matched across documents, ranked, and totals."""

from __future__ import annotations

import csv
import io

import orjson

from quotes.stats import Stats, speaker_key

from conftest import write_jsonl


def quote(doc: str, name: str | None, kind: str = "person", type_: str = "direct", gender: str | None = None,
          role: str | None = None) -> dict:
    speaker = None if name is None else {"name": name, "role": role, "kind": kind, "gender": gender,
                                         "mention": None}
    return {"doc_id": doc, "index": 0, "type": type_, "quote": {"text": "x", "start": 0, "end": 1},
            "cue": None, "speaker": speaker, "confidence": 0.9}


def test_speaker_key_folds_spelling_variants():
    assert speaker_key("أحمد أبو الغيط") == speaker_key("احمد ابو الغيط") == speaker_key("أحمد أبو غيط")
    assert speaker_key("هيلاري كلينتون") == speaker_key("هيلارى كلينتون")
    assert speaker_key("وليام هيغ") == speaker_key("وليام هيج")
    assert speaker_key("فاطمة") == speaker_key("فاطمه") == speaker_key("فاطِمة")
    assert speaker_key("عبد الله") != speaker_key("عبد")          # the الله of a name stays
    assert speaker_key("سامح شكري") != speaker_key("سامح شكر")


def test_ranking_counts_quotes_documents_and_first_and_last():
    stats = Stats()
    for q in [quote("d1", "وليام هيغ", role="وزير الخارجية", gender="male"), quote("d1", "وليام هيج"),
              quote("d2", "سعاد", gender="female"), quote("d3", "وليام هيغ", type_="indirect"),
              quote("d3", "الوزارة", kind="organization"), quote("d3", None, type_="according")]:
        stats.add(q)
    top = stats.ranked()[0].row()
    assert top["quotes"] == 3 and top["documents"] == 2 and top["gender"] == "male"
    assert top["first_document"] == "d1" and top["last_document"] == "d3" and top["roles"] == ["وزير الخارجية"]
    assert stats.by_type == {"direct": 4, "indirect": 1, "according": 1}
    assert stats.by_kind == {"person": 4, "organization": 1, "none": 1}
    assert stats.by_gender == {"male": 1, "unknown": 2, "female": 1, "not a person": 1, "none": 1}


def test_stats_command_with_docs_records_and_by_field(tmp_path, run_quotes):
    write_jsonl(tmp_path / "out.jsonl", [
        {"id": "a", "outlet": "X", "text": "…", "quotes": [quote("a", "سعاد", gender="female")]},
        {"id": "b", "outlet": "Y", "text": "…", "quotes": [quote("b", "سعاد"), quote("b", "كريم")]},
        {"id": "c", "outlet": "Y", "error": "empty file"}])
    proc = run_quotes("stats", "out.jsonl", "--by", "outlet", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    result = orjson.loads(proc.stdout)
    assert result["quotes"] == 3 and result["documents"] == 2
    assert result["by_field"] == {"outlet": {"Y": 2, "X": 1}}
    assert result["ranking"][0]["speaker"] == "سعاد" and result["ranking"][0]["documents"] == 2
    table = run_quotes("stats", "out.jsonl", "--by", "outlet").stdout.decode()
    assert "3 quotes in 2 documents; 2 speakers" in table and "by outlet:" in table
    data = run_quotes("stats", "out.jsonl", "--format", "csv").stdout
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["speaker"], r["quotes"]) for r in rows] == [("سعاد", "2"), ("كريم", "1")]
    assert run_quotes("stats", "nope.jsonl").returncode == 2


def test_stats_of_extract_output(tmp_path, run_quotes):
    (tmp_path / "a.txt").write_text('وقال الوزير: "سنواصل العمل". وأضاف أن الخطة جاهزة.', encoding="utf-8")
    extract = run_quotes("extract", "a.txt", "--parser", "none", "-o", "q.jsonl")
    assert extract.returncode == 0
    result = orjson.loads(run_quotes("stats", "q.jsonl", "--format", "json").stdout)
    assert result["ranking"][0]["speaker"] == "الوزير" and result["ranking"][0]["quotes"] == 2


def test_a_family_name_alone_joins_the_one_fuller_name_that_ends_with_it():
    stats = Stats()
    for q in [quote("d1", "إيمانويل ماكرون", role="الرئيس الفرنسي"), quote("d2", "ماكرون"),
              quote("d3", "محمد"), quote("d3", "سامي محمد"), quote("d4", "خالد محمد"),
              quote("d5", "الوزارة", kind="organization")]:
        stats.add(q)
    rows = {c.name: c.row() for c in stats.ranked()}
    assert rows["إيمانويل ماكرون"]["quotes"] == 2 and rows["إيمانويل ماكرون"]["documents"] == 2
    assert rows["إيمانويل ماكرون"]["last_document"] == "d2"
    assert "ماكرون" not in rows
    assert rows["محمد"]["quotes"] == 1  # محمد ends two names: left alone
    assert len(rows) == 5
