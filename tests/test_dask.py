"""Dask: a bag on a two-process local cluster gives the single-process output."""

from __future__ import annotations

import pytest

db = pytest.importorskip("dask.bag", reason="dask[bag] is not installed (pip install quotes[dask])")
distributed = pytest.importorskip("distributed", reason="distributed is not installed (pip install quotes[dask])")

from quotes.batch import ExtractorOptions, run_serial  # noqa: E402
from quotes.dask import extract_bag  # noqa: E402
from quotes.io import ReadOptions, docs_record, document_from_record  # noqa: E402

from conftest import ADDED, INDIRECT, NO_QUOTE, SAID, read_jsonl, write_jsonl  # noqa: E402


def records() -> list[dict]:
    texts = [SAID, INDIRECT, SAID + " " + ADDED, NO_QUOTE]
    out: list[dict] = [{"id": f"r{i}", "text": texts[i % 4], "i": i} for i in range(60)]
    out[7] = {"id": "r7", "body": "no text"}
    out[11] = {"id": "r11", "text": 42}
    return out


def single_process(recs: list[dict]) -> list[dict]:
    items = [document_from_record(r, "<bag>", None, ReadOptions()) for r in recs]
    return [docs_record(r) for chunk in run_serial(items, ExtractorOptions(parser="none")) for r in chunk]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_extract_bag_equals_the_single_process_output(client):
    recs = records()
    bag = db.from_sequence(recs, npartitions=4)
    out = extract_bag(bag, parser="none").compute()
    assert out == single_process(recs)
    assert out[7]["error"] == "no 'text' field" and out[11]["error"].startswith("field 'text' is a number")
    assert sum(len(r.get("quotes", [])) for r in out) > 40
    # both workers took part, each with its own cached extractor
    assert len(client.scheduler_info()["workers"]) == 2


def test_bag_of_texts_and_pairs(client):
    out = extract_bag(db.from_sequence([SAID, ("p", INDIRECT)], npartitions=2), parser="none").compute()
    assert out[0]["doc_id"] is None and out[0]["quotes"][0]["quote"]["text"] == "سنواصل العمل"
    assert out[1]["doc_id"] == "p" and out[1]["quotes"][0]["doc_id"] == "p"


def test_cli_engine_dask_equals_jobs_1(client, tmp_path, run_quotes):
    write_jsonl(tmp_path / "in.jsonl", records())
    args = ("extract", "in.jsonl", "--emit", "docs", "--parser", "none", "--chunk-size", "8")
    local = run_quotes(*args)
    on_dask = run_quotes(*args, "--engine", "dask", "--scheduler", client.scheduler.address)
    assert on_dask.returncode == local.returncode == 1
    assert on_dask.stdout == local.stdout
    assert len(read_jsonl(on_dask.stdout)) == 60
