"""Batches: windows for long documents, failure isolation, worker processes."""

from __future__ import annotations

import os

import pytest

from quotes import Extractor, ModelError
from quotes.batch import (WORKER_DIED, ExtractorOptions, WorkerPool, _EXTRACTORS, extract_documents,
                          extract_windowed, process_chunk, run_parallel, run_serial, split_windows)
from quotes.io import BadInput, Document

from conftest import ADDED, INDIRECT, NO_QUOTE, SAID, assert_spans

RULES = ExtractorOptions(parser="none")


@pytest.mark.parametrize("text", [
    "أ" * 1000,
    ("كلمة " * 300).strip(),
    "جملة قصيرة. " * 120,
    ("سطر قصير\n" * 80) + "ب" * 300,
])
def test_windows_cover_the_text_within_the_limit(text):
    windows = split_windows(text, 100)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(windows, windows[1:]))
    assert all(0 < end - start <= 100 for start, end in windows)


def test_windows_prefer_line_breaks_then_sentence_ends():
    text = "جملة أولى. جملة ثانية\n" + "كلمة " * 30
    assert text[:split_windows(text, 40)[0][1]].endswith("\n")
    text = "كلمة " * 5 + "جملة أولى. " + "كلمة " * 30
    assert text[:split_windows(text, 40)[0][1]].endswith("أولى.")
    assert split_windows("قصير", 100) == [(0, 4)] and split_windows("قصير", 0) == [(0, 4)]


def test_windowed_extraction_maps_offsets_back_to_the_document():
    ex = Extractor(parser="none")
    paragraphs = [SAID, INDIRECT, NO_QUOTE, SAID + " " + ADDED] * 25
    text = "\n".join(paragraphs)
    whole = ex.extract(text, "d")
    windowed = extract_windowed(ex, "d", text, 300)
    assert len(split_windows(text, 300)) > 10
    assert len(windowed) == len(whole) == 100
    assert_spans(text, windowed)
    assert all(q.cue is not None for q in windowed)
    assert [q.index for q in windowed] == list(range(100))
    assert [(q.start, q.end, q.type) for q in windowed] == [(q.start, q.end, q.type) for q in whole]


class Exploding:
    """An extractor that fails on documents containing "BOOM"."""

    def __init__(self, error: Exception = RuntimeError("bad document")) -> None:
        self.inner = Extractor(parser="none")
        self.error = error

    def extract(self, text, doc_id=None):
        if "BOOM" in text:
            raise self.error
        return self.inner.extract(text, doc_id)

    def extract_many(self, items):
        for doc_id, text in items:
            yield self.extract(text, doc_id)


def test_an_extractor_exception_fails_only_its_document():
    docs = [("a", SAID), ("b", "BOOM " + SAID), ("c", INDIRECT)]
    outcomes = extract_documents(Exploding(), docs, 1000)
    assert outcomes[0][1] is None and len(outcomes[0][0]) == 1
    assert outcomes[1] == (None, "extraction failed: RuntimeError: bad document")
    assert outcomes[2][0][0]["quote"]["text"] == "البلاد بخير"


def test_model_errors_stop_the_run():
    with pytest.raises(ModelError):
        extract_documents(Exploding(ModelError("model file missing")), [("b", "BOOM")], 1000)


def test_serial_run_reports_bad_inputs_and_failures_in_order(monkeypatch):
    options = ExtractorOptions(parser="none", batch_size=7)
    monkeypatch.setitem(_EXTRACTORS, options, Exploding())
    items = [Document("a", SAID, "f", 1), BadInput("f:2", "not JSON: x", "f", 2),
             Document("c", "BOOM", "f", 3), Document("d", INDIRECT, "f", 4)]
    results = [r for chunk in run_serial(items, options, chunk_size=2) for r in chunk]
    assert [r.doc_id for r in results] == ["a", "f:2", "c", "d"]
    assert [r.failed for r in results] == [False, True, True, False]
    assert results[1].error == "not JSON: x" and results[2].where == "f:3"


def mixed_items(n: int) -> list:
    texts = [SAID, INDIRECT, ADDED, NO_QUOTE, SAID + "\n" + INDIRECT]
    items = []
    for i in range(n):
        if i % 17 == 5:
            items.append(BadInput(f"f:{i}", "no 'text' field", "f", i))
        else:
            items.append(Document(str(i), texts[i % len(texts)], "f", i))
    return items


def test_worker_processes_give_the_serial_results_in_order():
    items = mixed_items(120)
    serial = [r for chunk in run_serial(items, RULES, chunk_size=10) for r in chunk]
    parallel = [r for chunk in run_parallel(iter(items), RULES, jobs=2, chunk_size=3) for r in chunk]
    assert parallel == serial
    assert sum(r.failed for r in serial) == 7


def die_on_poison(options: ExtractorOptions, docs: list) -> list:
    """A worker task that kills its process on a document saying "POISON"."""
    if any(text == "POISON" for _, text in docs):
        os._exit(3)
    return process_chunk(options, docs)


def test_a_dying_worker_fails_only_its_document():
    pool = WorkerPool(RULES, 2, task=die_on_poison)
    try:
        docs = [("a", SAID), ("b", "POISON"), ("c", INDIRECT)]
        outcomes = pool.outcomes(docs, *pool.submit(docs))
        assert [error for _, error in outcomes] == [None, WORKER_DIED, None]
        assert outcomes[2][0][0]["quote"]["text"] == "البلاد بخير"
        # the pool still works
        assert pool.outcomes([("d", SAID)], *pool.submit([("d", SAID)]))[0][1] is None
    finally:
        pool.close()


def worker_pid(options: ExtractorOptions, docs: list) -> list:
    import time
    time.sleep(0.2)  # so that both workers get a task
    return [(None, str(os.getpid()))]


ORPHAN_SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
from quotes.batch import ExtractorOptions, WorkerPool
from test_batch import worker_pid
pool = WorkerPool(ExtractorOptions(parser="none"), 2, task=worker_pid)
futures = [pool.submit([("x", "y")]) for _ in range(4)]
print(" ".join(sorted({{f.result()[0][1] for _, f in futures}})), flush=True)
time.sleep(60)
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return not any(line.startswith("State:\tZ") for line in f)
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to see the workers")
def test_workers_exit_when_the_main_process_is_killed():
    import signal
    import subprocess
    import sys
    import time
    script = ORPHAN_SCRIPT.format(tests=os.path.dirname(__file__))
    main = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in main.stdout.readline().split()]
        assert pids and all(alive(p) for p in pids)
    finally:
        main.send_signal(signal.SIGKILL)
        main.wait()
    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    orphans = [p for p in pids if alive(p)]
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    assert orphans == []


class Slow(Exploding):
    """An extractor that hangs on documents containing "SLOW"."""

    def extract(self, text, doc_id=None):
        if "SLOW" in text:
            import time
            time.sleep(30)
        return self.inner.extract(text, doc_id)


def test_a_document_over_the_time_limit_fails_alone():
    import time
    start = time.monotonic()
    outcomes = extract_documents(Slow(), [("a", SAID), ("b", "SLOW"), ("c", INDIRECT)], 1000, timeout=0.3)
    assert time.monotonic() - start < 5
    assert outcomes[1] == (None, "extraction timed out: took more than 0.3 s")
    assert outcomes[0][0][0]["quote"]["text"] == "سنواصل العمل" and outcomes[2][1] is None
