"""The ``quotes`` command end to end: outputs, bad inputs, exit codes, resume, jobs."""

from __future__ import annotations

import orjson
import pytest

from quotes import Extractor

from conftest import ADDED, INDIRECT, NO_QUOTE, SAID, read_jsonl, write_jsonl

NONE = ("--parser", "none")


def mixed_jsonl(tmp_path):
    """Good and bad lines: one output record per line is expected, in order."""
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        orjson.dumps({"id": "a", "text": SAID, "outlet": "x", "tags": [1, 2]}) + b"\n"
        + b"this is not json\n"
        + orjson.dumps({"id": "c", "body": SAID}) + b"\n"
        + orjson.dumps({"id": "d", "text": ["list"]}) + b"\n"
        + b'{"id": "e", "text": "\xd9\x82\xff"}\n'
        + orjson.dumps({"text": INDIRECT, "n": None}) + b"\n"
        + orjson.dumps({"id": "a", "text": NO_QUOTE}) + b"\n")
    return path


def test_docs_output_has_one_line_per_input_line_with_fields_kept(tmp_path, run_quotes):
    path = mixed_jsonl(tmp_path)
    proc = run_quotes("extract", "mixed.jsonl", "--emit", "docs", *NONE)
    assert proc.returncode == 1
    out = read_jsonl(proc.stdout)
    assert len(out) == len(path.read_bytes().splitlines()) == 7
    assert [r["doc_id"] for r in out] == ["a", "mixed.jsonl:2", "c", "d", "mixed.jsonl:5", "mixed.jsonl:6", "a"]
    assert out[0]["outlet"] == "x" and out[0]["tags"] == [1, 2] and out[0]["text"] == SAID
    assert out[0]["quotes"][0]["quote"]["text"] == "سنواصل العمل"
    assert ["error" in r for r in out] == [False, True, True, True, True, False, False]
    assert out[2]["body"] == SAID and out[2]["error"] == "no 'text' field"
    assert out[5]["n"] is None and out[5]["quotes"][0]["speaker"]["name"] == "الرئيس"
    assert out[6]["quotes"] == []
    stderr = proc.stderr.decode()
    assert "quotes: mixed.jsonl:2: not JSON: " in stderr
    assert "quotes: mixed.jsonl:3: no 'text' field" in stderr
    assert "quotes: mixed.jsonl:4: field 'text' is an array, not a string" in stderr
    assert "quotes: mixed.jsonl:5: invalid utf-8 at byte offset" in stderr
    assert "quotes: mixed.jsonl:7: duplicate id 'a'; both kept" in stderr
    assert stderr.endswith("quotes: 4 of 7 records failed\n")
    assert "Traceback" not in stderr


def test_quotes_output_matches_the_library(tmp_path, run_quotes):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SAID + " " + ADDED}, {"id": "b", "text": INDIRECT}])
    proc = run_quotes("extract", "in.jsonl", *NONE, "-o", "out.jsonl")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    ex = Extractor(parser="none")
    expected = [{**q.to_dict(), "input": {"file": "in.jsonl", "line": line, "record": line - 1}}
                for line, (doc_id, text) in enumerate([("a", SAID + " " + ADDED), ("b", INDIRECT)], 1)
                for q in ex.extract(text, doc_id)]
    assert read_jsonl((tmp_path / "out.jsonl").read_bytes()) == expected
    assert len(expected) == 3


def test_text_files_and_directories(tmp_path, run_quotes):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(SAID, encoding="utf-8")
    (tmp_path / "in" / "two.txt").write_text(INDIRECT, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    proc = run_quotes("extract", "in", "--emit", "docs", *NONE)
    assert proc.returncode == 1
    out = read_jsonl(proc.stdout)
    assert [r["doc_id"] for r in out] == ["in/empty.txt", "in/one.txt", "in/two.txt"]
    assert out[0] == {"doc_id": "in/empty.txt", "error": "empty file",
                      "input": {"file": "in/empty.txt", "line": None, "record": 0}}
    assert set(out[1]) == {"doc_id", "quotes", "input"} and len(out[1]["quotes"]) == 1
    assert b"quotes: in/empty.txt: empty file" in proc.stderr


def test_stdin_text_and_jsonl(run_quotes):
    proc = run_quotes("extract", *NONE, stdin=SAID.encode())
    assert proc.returncode == 0
    [quote] = read_jsonl(proc.stdout)
    assert quote["doc_id"] == "<stdin>" and quote["quote"]["text"] == "سنواصل العمل"
    jsonl = orjson.dumps({"id": "s1", "text": INDIRECT}) + b"\n" + orjson.dumps({"id": "s2", "text": SAID})
    proc = run_quotes("extract", "-", "--emit", "docs", *NONE, stdin=jsonl)
    assert [r["doc_id"] for r in read_jsonl(proc.stdout)] == ["s1", "s2"]


def test_exit_codes(tmp_path, run_quotes):
    write_jsonl(tmp_path / "good.jsonl", [{"id": "a", "text": SAID}])
    (tmp_path / "bad.jsonl").write_bytes(b"{oops\n")
    assert run_quotes("extract", "good.jsonl", *NONE).returncode == 0
    assert run_quotes("extract", "good.jsonl", "bad.jsonl", *NONE).returncode == 1
    for usage in (["extract", "--jobs", "-1"], ["extract", "--emit", "nothing"], ["extract", "--resume"],
                  ["extract", "--encoding", "no-such-codec"], ["frobnicate"], []):
        proc = run_quotes(*usage, *NONE) if usage and usage[0] == "extract" else run_quotes(*usage)
        assert proc.returncode == 2, usage
        assert b"Traceback" not in proc.stderr


def test_fail_fast_stops_at_the_first_error(tmp_path, run_quotes):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SAID}, {"id": "b"}, {"id": "c", "text": SAID}])
    proc = run_quotes("extract", "in.jsonl", "--emit", "docs", "--fail-fast", *NONE)
    assert proc.returncode == 1
    assert [r["doc_id"] for r in read_jsonl(proc.stdout)] == ["a", "b"]
    proc = run_quotes("extract", "in.jsonl", "--emit", "docs", *NONE)
    assert [r["doc_id"] for r in read_jsonl(proc.stdout)] == ["a", "b", "c"]


@pytest.mark.parametrize("emit", ["docs", "quotes"])
def test_resume_after_a_killed_run(tmp_path, run_quotes, emit):
    records = [{"id": f"d{i}", "text": (SAID if i % 2 else INDIRECT + " " + ADDED)} for i in range(40)]
    write_jsonl(tmp_path / "in.jsonl", records)
    assert run_quotes("extract", "in.jsonl", "--emit", emit, *NONE, "-o", "full.jsonl").returncode == 0
    full = (tmp_path / "full.jsonl").read_bytes()
    # a run killed in the middle of writing a line
    cut = full.index(b"\n", len(full) // 2) + 20
    (tmp_path / "out.jsonl").write_bytes(full[:cut])
    proc = run_quotes("extract", "in.jsonl", "--emit", emit, *NONE, "-o", "out.jsonl", "--resume")
    assert proc.returncode == 0, proc.stderr
    assert b"removed a half-written last line" in proc.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == full
    # resuming a finished run adds nothing
    proc = run_quotes("extract", "in.jsonl", "--emit", emit, *NONE, "-o", "out.jsonl", "--resume")
    assert (tmp_path / "out.jsonl").read_bytes() == full


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path, run_quotes):
    records = [{"id": i, "text": [SAID, INDIRECT, ADDED, NO_QUOTE][i % 4] * (1 + i % 3)} for i in range(150)]
    write_jsonl(tmp_path / "in.jsonl", records)
    (tmp_path / "in.jsonl").open("ab").write(b"not json\n")
    one = run_quotes("extract", "in.jsonl", "--emit", "docs", *NONE, "--jobs", "1")
    two = run_quotes("extract", "in.jsonl", "--emit", "docs", *NONE, "--jobs", "2", "--chunk-size", "8")
    per_core = run_quotes("extract", "in.jsonl", "--emit", "docs", *NONE, "--jobs", "0", "--timeout", "60")
    assert one.returncode == two.returncode == per_core.returncode == 1
    assert len(read_jsonl(one.stdout)) == 151
    assert two.stdout == one.stdout
    assert per_core.stdout == one.stdout


def test_a_20_mb_single_line_document_is_processed_whole(tmp_path, run_quotes):
    text = SAID + " " * 20_000_000 + INDIRECT
    write_jsonl(tmp_path / "big.jsonl", [{"id": "big", "text": text}])
    proc = run_quotes("extract", "big.jsonl", *NONE)
    assert proc.returncode == 0, proc.stderr
    quotes = read_jsonl(proc.stdout)
    assert [q["quote"]["text"] for q in quotes] == ["سنواصل العمل", "البلاد بخير"]
    assert [q["index"] for q in quotes] == [0, 1]
    last = quotes[1]["quote"]
    assert text[last["start"]:last["end"]] == last["text"] and last["start"] > 20_000_000


def test_10000_quotation_marks(tmp_path, run_quotes):
    text = SAID + ' "' * 5_000 + "«" * 5_000 + INDIRECT
    write_jsonl(tmp_path / "marks.jsonl", [{"id": "m", "text": text}])
    proc = run_quotes("extract", "marks.jsonl", "--emit", "docs", *NONE)
    assert proc.returncode == 0, proc.stderr
    [record] = read_jsonl(proc.stdout)
    for q in record["quotes"]:
        assert text[q["quote"]["start"]:q["quote"]["end"]] == q["quote"]["text"]


def test_custom_fields_and_cp1256(tmp_path, run_quotes):
    (tmp_path / "old.jsonl").write_bytes(
        orjson.dumps({"key": "k1", "body": SAID}).decode().encode("cp1256") + b"\n")
    proc = run_quotes("extract", "old.jsonl", "--encoding", "cp1256", "--text-field", "body",
                      "--id-field", "key", *NONE)
    assert proc.returncode == 0, proc.stderr
    assert [q["doc_id"] for q in read_jsonl(proc.stdout)] == ["k1"]


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path, run_quotes):
    write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": SAID} for i in range(5)])
    assert run_quotes("extract", "in.jsonl", *NONE).stderr == b""
    forced = run_quotes("extract", "in.jsonl", *NONE, "--progress").stderr.decode()
    assert "5/5" in forced and "docs/s" in forced  # a total, so tqdm shows an ETA
    piped = run_quotes("extract", *NONE, "--progress", stdin=(tmp_path / "in.jsonl").read_bytes())
    assert "5 docs" in piped.stderr.decode() and "/5" not in piped.stderr.decode()  # stdin: no total


def test_csv_output_one_row_per_quote_with_bom(tmp_path, run_quotes):
    import csv
    import io
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SAID + " " + INDIRECT}, {"id": "b", "text": NO_QUOTE}])
    assert run_quotes("extract", "in.jsonl", *NONE, "-o", "out.csv").returncode == 0
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["doc_id"], r["type"], r["quote"]) for r in rows] == [
        ("a", "direct", "سنواصل العمل"), ("a", "indirect", "البلاد بخير")]
    assert rows[0]["speaker"] == "الوزير" and rows[0]["cue_lemma"] == "قال" and rows[0]["speaker_kind"] == "person"
    text = SAID + " " + INDIRECT
    assert text[int(rows[1]["quote_start"]):int(rows[1]["quote_end"])] == "البلاد بخير"
    stdout = run_quotes("extract", "in.jsonl", *NONE, "--output-format", "csv").stdout
    assert stdout == data
    assert run_quotes("extract", "in.jsonl", *NONE, "-o", "out.csv", "--emit", "docs").returncode == 2


def test_a_missing_input_is_a_usage_error_and_writes_nothing(tmp_path, run_quotes):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SAID}])
    proc = run_quotes("extract", "in.jsonl", "no-such.jsonl", *NONE, "-o", "out.jsonl")
    assert proc.returncode == 2 and b"no-such.jsonl" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_windows_1256_text_read_as_utf8_suggests_the_encoding(tmp_path, run_quotes):
    (tmp_path / "old.txt").write_bytes(SAID.encode("cp1256"))
    proc = run_quotes("extract", "old.txt", *NONE)
    assert proc.returncode == 1 and b"--encoding cp1256" in proc.stderr
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\x01 binary-ish")
    assert b"cp1256" not in run_quotes("extract", "broken.txt", *NONE).stderr


def test_models_that_cannot_load_are_a_clean_error(tmp_path, run_quotes):
    (tmp_path / "a.txt").write_text(SAID, encoding="utf-8")
    for jobs in ("1", "2"):
        proc = run_quotes("extract", "a.txt", "--models", str(tmp_path / "no-models"), "--jobs", jobs)
        assert proc.returncode == 2
        assert proc.stderr.startswith(b"quotes: error: ") and b"Traceback" not in proc.stderr
        assert b"no-models" in proc.stderr and proc.stdout == b""


def test_help_shows_examples_and_version(run_quotes):
    for command in ([], ["extract"], ["show"], ["stats"], ["evaluate"]):
        proc = run_quotes(*command, "--help")
        assert proc.returncode == 0
        assert b"examples:" in proc.stdout and b"quotes " in proc.stdout.split(b"examples:")[1]
    proc = run_quotes("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == b"quotes 0.1.0"


def gold_file(tmp_path):
    return write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "g1", "text": SAID, "quotes": [{"quote": "سنواصل العمل", "type": "direct", "speaker": "الوزير"}]},
        {"id": "g2", "text": INDIRECT, "quotes": [{"quote": "البلاد بخير", "type": "indirect", "speaker": "الرئيس"}]},
    ])


def test_evaluate_runs_the_extractor_or_scores_predictions(tmp_path, run_quotes):
    gold_file(tmp_path)
    proc = run_quotes("evaluate", "gold.jsonl", *NONE, "--json")
    assert proc.returncode == 0, proc.stderr
    result = orjson.loads(proc.stdout)
    assert result["documents"] == 2 and result["quotes"]["gold"] == 2
    assert result["quotes"]["f1"] == 1.0
    run_quotes("extract", "gold.jsonl", "--emit", "docs", *NONE, "-o", "pred.jsonl")
    proc = run_quotes("evaluate", "gold.jsonl", "--pred", "pred.jsonl", "--json")
    assert orjson.loads(proc.stdout) == result
    table = run_quotes("evaluate", "gold.jsonl", "--pred", "pred.jsonl")
    assert table.returncode == 0 and b"precision" in table.stdout


def test_evaluate_reports_bad_files(tmp_path, run_quotes):
    (tmp_path / "gold.jsonl").write_bytes(b'{"id": "x"\n')
    proc = run_quotes("evaluate", "gold.jsonl", *NONE)
    assert proc.returncode == 1 and proc.stderr.startswith(b"quotes: gold.jsonl:1: not JSON")
    proc = run_quotes("evaluate", "missing.jsonl", *NONE)
    assert proc.returncode == 1 and b"missing.jsonl" in proc.stderr and b"Traceback" not in proc.stderr


def bundled_models_missing() -> str | None:
    from quotes import ModelError
    from quotes.parse import bundled_models_dir, check_model_dir
    try:
        check_model_dir(bundled_models_dir())
    except ModelError as e:
        return str(e)
    return None


@pytest.mark.models
@pytest.mark.slow
def test_stanza_parser_with_worker_processes(tmp_path, run_quotes):
    missing = bundled_models_missing()
    if missing:
        pytest.skip(f"bundled Stanza models are missing: {missing}")
    write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": [SAID, INDIRECT, ADDED][i % 3]} for i in range(12)])
    one = run_quotes("extract", "in.jsonl", "--emit", "docs", timeout=300)
    two = run_quotes("extract", "in.jsonl", "--emit", "docs", "--jobs", "2", "--chunk-size", "4", timeout=300)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert two.stdout == one.stdout
    assert sum(len(r["quotes"]) for r in read_jsonl(one.stdout)) >= 12
