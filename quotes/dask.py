"""Extraction on a Dask cluster.

>>> import dask.bag as db                                      # doctest: +SKIP
>>> from quotes.dask import extract_bag                        # doctest: +SKIP
>>> records = db.read_text("news/*.jsonl").map(orjson.loads)   # doctest: +SKIP
>>> out = extract_bag(records, parser="none")                  # doctest: +SKIP
>>> out.map(lambda r: orjson.dumps(r).decode()).to_textfiles("out/*.jsonl")  # doctest: +SKIP

Each worker process builds one Extractor per set of options and keeps it (the
models load once per worker, not once per partition).
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import attrs

from .batch import (DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, ExtractorOptions, cached_extractor, check_models,
                    chunked, default_jobs, documents_of, extract_documents, merge_outcomes, process_chunk)
from .errors import QuotesError
from .io import DocResult, Document, InputItem, ReadOptions, docs_record, document_from_record

if TYPE_CHECKING:
    import dask.bag

BAG_SOURCE = "<bag>"


def extract_bag(bag: dask.bag.Bag, *, text_field: str = "text", id_field: str = "id",
                max_chars: int = DEFAULT_MAX_CHARS, **extractor_options: Any) -> dask.bag.Bag:
    """A bag of ``--emit docs`` records, one per element of ``bag``, in order.

    Elements are records (dicts with ``text_field``; every field is kept), texts, or
    (doc_id, text) pairs. An element without text gives a record with "error".
    ``extractor_options`` are those of :class:`~quotes.Extractor` (parser, models,
    batch_size).
    """
    options = ExtractorOptions(max_chars=max_chars, **extractor_options)
    read_options = ReadOptions(text_field=text_field, id_field=id_field)
    return bag.map_partitions(extract_partition, options, read_options)


def extract_partition(elements: Iterable[Any], options: ExtractorOptions,
                      read_options: ReadOptions) -> list[dict[str, Any]]:
    """The output records of one partition, with this worker's cached Extractor."""
    items = [element_as_item(element, read_options) for element in elements]
    extractor = cached_extractor(options)
    results: list[DocResult] = []
    for chunk in chunked(items, options.batch_size):
        results.extend(merge_outcomes(chunk, extract_documents(extractor, documents_of(chunk),
                                                               options.max_chars, options.timeout)))
    return [docs_record(result) for result in results]


def element_as_item(element: Any, read_options: ReadOptions) -> InputItem:
    if isinstance(element, str):
        return Document(None, element, BAG_SOURCE)  # type: ignore[arg-type]
    if isinstance(element, (tuple, list)) and len(element) == 2 and isinstance(element[1], str):
        doc_id = None if element[0] is None else str(element[0])
        return Document(doc_id, element[1], BAG_SOURCE)  # type: ignore[arg-type]
    item = document_from_record(element, BAG_SOURCE, None, read_options)
    if isinstance(element, dict) and element.get(read_options.id_field) is None:
        # a bag element has no line number to name it by
        return attrs.evolve(item, doc_id=None)
    return item


def run_distributed(items: Iterable[InputItem], options: ExtractorOptions, *, scheduler: str | None,
                    jobs: int = 0, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[list[DocResult]]:
    """Results chunk by chunk from a Dask cluster (``scheduler`` address, or a local
    cluster of ``jobs`` single-threaded worker processes), in input order, with a
    bounded number of chunks in flight."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise QuotesError(f"--engine dask needs dask and distributed: {e}") from None
    check_models(options)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    client = Client(scheduler if scheduler is not None else cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        in_flight: deque[tuple[list[InputItem], Any]] = deque()
        for chunk in chunked(items, chunk_size):
            in_flight.append((chunk, client.submit(process_chunk, options, documents_of(chunk), pure=False)))
            if len(in_flight) >= 2 * workers:
                chunk, future = in_flight.popleft()
                yield merge_outcomes(chunk, future.result())
        while in_flight:
            chunk, future = in_flight.popleft()
            yield merge_outcomes(chunk, future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
