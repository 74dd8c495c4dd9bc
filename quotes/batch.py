"""Running the extractor over a stream of documents: in this process, or in worker
processes (``--jobs N``), in input order, with bounded memory.

A document that makes the extractor raise becomes a failed result, never a crashed
batch; only a :class:`ModelError` (the models cannot be loaded) stops the run.
Documents longer than ``max_chars`` are processed in windows split at paragraph or
sentence boundaries, with offsets mapped back to the whole document.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import attrs

from .errors import ModelError
from .extractor import Extractor
from .io import BadInput, DocResult, Document, InputItem
from .values import Quote, Span

DEFAULT_MAX_CHARS = 200_000
# Small chunks keep both workers busy to the end and the parser's batches (and so the
# memory of a process) small; the parser reads few windows per document, so larger
# batches gain nothing measurable (bench/bench.py).
DEFAULT_CHUNK_SIZE = 8
WORKER_DIED = "worker process died while processing this document"

# (quotes as dicts, None) on success, (None, error message) on failure
Outcome = tuple[list[dict[str, Any]] | None, str | None]


@attrs.frozen
class ExtractorOptions:
    """What a worker needs to build its Extractor; hashable, so extractors are cached by it."""

    parser: str = "stanza"
    models: str | None = None
    batch_size: int = 32
    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float = 0.0   # seconds per document, all its windows together; 0: none
    min_confidence: float = 0.0  # quotes with a lower confidence are left out
    entities: bool = False  # the named-entity tagger, with the parser


_EXTRACTORS: dict[ExtractorOptions, Extractor] = {}


def build_extractor(options: ExtractorOptions) -> Extractor:
    """A new Extractor with its models loaded now, so that a missing model fails the
    run at once instead of every document."""
    extractor = Extractor(parser=options.parser, models=options.models, batch_size=options.batch_size,
                          min_confidence=options.min_confidence, entities=options.entities)
    try:
        extractor.parser  # noqa: B018 -- loads the models
    except ModelError:
        raise
    except (ImportError, OSError) as e:
        raise ModelError(f"the {options.parser} parser cannot be loaded: {e}") from None
    return extractor


def check_models(options: ExtractorOptions) -> None:
    """Raises ModelError now, in the main process, when model files are missing: a
    cheap check before starting workers that would each fail to load them."""
    if options.parser != "stanza" or options.models == "stanza":
        return
    try:
        from .parse import bundled_models_dir, check_model_dir
    except ImportError as e:
        raise ModelError(f"the stanza parser cannot be loaded: {e}") from None
    check_model_dir(Path(options.models) if options.models else bundled_models_dir())


def cached_extractor(options: ExtractorOptions) -> Extractor:
    """The Extractor of this process for ``options`` (built once per process)."""
    extractor = _EXTRACTORS.get(options)
    if extractor is None:
        extractor = _EXTRACTORS[options] = build_extractor(options)
        _limit_torch_threads()
    return extractor


def _limit_torch_threads() -> None:
    """One thread per process: N workers on N cores must not each start N threads
    (unless QUOTES_TORCH_THREADS says otherwise)."""
    if (os.environ.get("OMP_NUM_THREADS") == "1" and not os.environ.get("QUOTES_TORCH_THREADS")
            and "torch" in sys.modules):
        sys.modules["torch"].set_num_threads(1)


# --- one document ------------------------------------------------------------------

def split_windows(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) windows of at most ``max_chars`` covering ``text`` without gaps, cut
    after a line break if there is one in the second half of the window, else after a
    sentence end, else at a space, else anywhere."""
    if max_chars <= 0 or len(text) <= max_chars:
        return [(0, len(text))]
    windows = []
    start = 0
    while len(text) - start > max_chars:
        low, high = start + max_chars // 2, start + max_chars
        cut = text.rfind("\n", low, high) + 1
        if cut <= 0:
            cut = max(text.rfind(end, low, high - 1) for end in (". ", "؟ ", "! ", "? ", "… ", ".\n")) + 1
        if cut <= 0:
            cut = max(text.rfind(" ", low, high), text.rfind("\t", low, high)) + 1
        if cut <= 0:
            cut = high
        windows.append((start, cut))
        start = cut
    windows.append((start, len(text)))
    return windows


def shift_quote(quote: Quote, offset: int, index: int) -> Quote:
    """``quote`` found in a window starting at ``offset``, with whole-document offsets."""
    def span(s: Span | None) -> Span | None:
        return None if s is None else attrs.evolve(s, start=s.start + offset, end=s.end + offset)

    cue = quote.cue and attrs.evolve(quote.cue, start=quote.cue.start + offset, end=quote.cue.end + offset)
    speaker = quote.speaker and attrs.evolve(quote.speaker, mention=span(quote.speaker.mention))
    return attrs.evolve(quote, quote=span(quote.quote), cue=cue, speaker=speaker, index=index)


def extract_windowed(extractor: Extractor, doc_id: str | None, text: str, max_chars: int) -> list[Quote]:
    """The quotes of a document of any length: long ones window by window."""
    windows = split_windows(text, max_chars)
    if len(windows) == 1:
        return extractor.extract(text, doc_id)
    quotes: list[Quote] = []
    found = extractor.extract_many((doc_id, text[start:end]) for start, end in windows)
    for (start, _), window_quotes in zip(windows, found):
        for quote in window_quotes:
            quotes.append(shift_quote(quote, start, len(quotes)))
    return quotes


class DocumentTimeout(Exception):
    """A document took longer than the time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raises DocumentTimeout in the block after ``seconds`` (0: no limit). Works in a
    process's main thread only (as in the worker processes); elsewhere, no limit."""
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_documents(extractor: Extractor, docs: list[tuple[str | None, str]],
                      max_chars: int, timeout: float = 0.0) -> list[Outcome]:
    """One outcome per (doc_id, text), in order. Short documents go through the parser
    together; when that raises (or runs out of time), each is retried alone so only
    the culprit fails."""
    outcomes: list[Outcome | None] = [None] * len(docs)
    short = [i for i, (_, text) in enumerate(docs) if len(text) <= max_chars or max_chars <= 0]
    try:
        with time_limit(timeout * len(short)):
            for i, quotes in zip(short, extractor.extract_many(docs[i] for i in short)):
                outcomes[i] = ([q.to_dict() for q in quotes], None)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 -- isolated below, one document at a time
        pass
    for i, (doc_id, text) in enumerate(docs):
        if outcomes[i] is None:
            outcomes[i] = _extract_one(extractor, doc_id, text, max_chars, timeout)
    release_memory()
    return outcomes  # type: ignore[return-value]


def release_memory() -> None:
    """Hands the memory freed by a chunk back to the system. The parser's tensors
    differ in size from one batch to the next, and without this glibc keeps the freed
    blocks, so a long run's RSS creeps up with the longest documents it has seen."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018 -- glibc only (not musl)
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _load_libc()


def _extract_one(extractor: Extractor, doc_id: str | None, text: str, max_chars: int,
                 timeout: float = 0.0) -> Outcome:
    try:
        with time_limit(timeout):  # the whole document, however many windows it has
            return [q.to_dict() for q in extract_windowed(extractor, doc_id, text, max_chars)], None
    except ModelError:
        raise
    except DocumentTimeout as e:
        return None, f"extraction timed out: {e}"
    except Exception as e:  # noqa: BLE001 -- one bad document must not stop the batch
        return None, f"extraction failed: {type(e).__name__}: {e}"


def process_chunk(options: ExtractorOptions, docs: list[tuple[str | None, str]]) -> list[Outcome]:
    """The outcomes of a chunk with this process's cached Extractor (the worker task)."""
    return extract_documents(cached_extractor(options), docs, options.max_chars, options.timeout)


# --- streams -----------------------------------------------------------------------

def chunked(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    chunk: list[InputItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def documents_of(chunk: list[InputItem]) -> list[tuple[str | None, str]]:
    return [(item.doc_id, item.text) for item in chunk if isinstance(item, Document)]


def merge_outcomes(chunk: list[InputItem], outcomes: list[Outcome]) -> list[DocResult]:
    """Results in input order: bad inputs as failures, documents with their outcomes."""
    results = []
    found = iter(outcomes)
    for item in chunk:
        if isinstance(item, BadInput):
            results.append(DocResult(item, error=item.message))
        else:
            quotes, error = next(found)
            results.append(DocResult(item, quotes=quotes, error=error))
    return results


def run_serial(items: Iterable[InputItem], options: ExtractorOptions,
               chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[list[DocResult]]:
    """Results chunk by chunk, in this process."""
    extractor = cached_extractor(options)
    for chunk in chunked(items, chunk_size):
        yield merge_outcomes(chunk, extract_documents(extractor, documents_of(chunk), options.max_chars,
                                                      options.timeout))


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker() -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ["MKL_NUM_THREADS"] = "1"
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """Ends this worker when the main process is gone (killed with SIGKILL, say):
    an orphaned worker would otherwise wait for work forever, holding its models."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


class WorkerPool:
    """Worker processes that each build one Extractor; restarted when one dies, and
    the chunks it was working on are redone, alone, so that only a document that
    kills a worker by itself is reported as failed."""

    def __init__(self, options: ExtractorOptions, jobs: int,
                 task: Callable[[ExtractorOptions, list[tuple[str | None, str]]], list[Outcome]] = process_chunk
                 ) -> None:
        self.options = options
        self.jobs = jobs
        self.task = task
        self.context = multiprocessing.get_context("spawn")
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init_worker)

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if broken is self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()

    def submit(self, docs: list[tuple[str | None, str]]) -> tuple[ProcessPoolExecutor, Future]:
        try:
            return self.pool, self.pool.submit(self.task, self.options, docs)
        except BrokenProcessPool:
            self._restart(self.pool)
            return self.pool, self.pool.submit(self.task, self.options, docs)

    def outcomes(self, docs: list[tuple[str | None, str]], pool: ProcessPoolExecutor,
                 future: Future) -> list[Outcome]:
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart(pool)
        results: list[Outcome] = []
        for doc in docs:
            pool, future = self.submit([doc])
            try:
                results.extend(future.result())
            except BrokenProcessPool:
                self._restart(pool)
                results.append((None, WORKER_DIED))
        return results

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_parallel(items: Iterable[InputItem], options: ExtractorOptions, jobs: int,
                 chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[list[DocResult]]:
    """Results chunk by chunk from ``jobs`` worker processes, in input order, with at
    most two chunks per worker in flight (memory stays flat on any input size)."""
    jobs = jobs or default_jobs()
    check_models(options)
    workers = WorkerPool(options, jobs)
    in_flight: deque[tuple[list[InputItem], list[tuple[str | None, str]], ProcessPoolExecutor, Future]] = deque()

    def finish_oldest() -> list[DocResult]:
        chunk, docs, pool, future = in_flight.popleft()
        return merge_outcomes(chunk, workers.outcomes(docs, pool, future))

    try:
        for chunk in chunked(items, chunk_size):
            docs = documents_of(chunk)
            in_flight.append((chunk, docs, *workers.submit(docs)))
            if len(in_flight) >= 2 * jobs:
                yield finish_oldest()
        while in_flight:
            yield finish_oldest()
    finally:
        workers.close()


def run(items: Iterable[InputItem], options: ExtractorOptions, jobs: int = 1,
        chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[list[DocResult]]:
    """Results chunk by chunk: in this process for ``jobs == 1``, else in workers."""
    if jobs == 1:
        return run_serial(items, options, chunk_size)
    return run_parallel(items, options, jobs, chunk_size)
