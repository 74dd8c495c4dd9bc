"""Reading inputs and writing outputs for the command line and batch runs.

Every input yields, in order, either a :class:`Document` or a :class:`BadInput`:
nothing that cannot be read is silently dropped, and each failure names its file
and line (and byte offset for undecodable bytes). Outputs are JSON lines written
whole, so that a killed run leaves at most one half-written last line, which
:func:`prepare_resume` repairs.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from typing import IO, Any, BinaryIO, Callable, Iterable, Iterator, Mapping

import attrs
import orjson

from .errors import InputError

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = (".txt", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
FORMATS = ("auto", "jsonl", "text")
DECODE_POLICIES = ("fail", "replace")
EMITS = ("quotes", "docs")
OUTPUT_FORMATS = ("auto", "jsonl", "csv")

Warn = Callable[[str], None]


@attrs.frozen
class ReadOptions:
    """How inputs are read: record fields, encoding, and what to do with bad bytes."""

    text_field: str = "text"
    id_field: str = "id"
    encoding: str = "utf-8"
    decode_errors: str = "fail"   # "fail": the record (or text file) is an error; "replace": U+FFFD
    format: str = "auto"          # "auto": by suffix, else by the first non-blank byte


@attrs.frozen
class Document:
    """One document to process. ``record`` is the whole JSONL record (None for text)."""

    doc_id: str
    text: str
    source: str
    line: int | None = None
    record: dict[str, Any] | None = None


@attrs.frozen
class BadInput:
    """A document, record or file that cannot be processed, with the reason."""

    doc_id: str
    message: str
    source: str
    line: int | None = None
    record: dict[str, Any] | None = None

    @property
    def where(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


InputItem = Document | BadInput


@attrs.frozen
class DocResult:
    """The outcome for one input item: its quotes (as dicts) or an error message."""

    item: InputItem
    quotes: list[dict[str, Any]] | None = None
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def doc_id(self) -> str:
        return self.item.doc_id

    @property
    def where(self) -> str:
        item = self.item
        return item.source if item.line is None else f"{item.source}:{item.line}"


# --- reading -----------------------------------------------------------------------

def iter_inputs(paths: Iterable[str], options: ReadOptions, warn: Warn) -> Iterator[InputItem]:
    """Every document of ``paths`` (files, directories, or "-" for stdin), in order."""
    paths = list(paths) or [STDIN]
    for path in paths:
        if path == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN_NAME, options, warn)
        elif os.path.isdir(path):
            for file_path, error in walk_directory(path):
                if error is not None:
                    yield BadInput(file_path, error, file_path)
                else:
                    yield from read_file(file_path, options, warn)
        else:
            yield from read_file(path, options, warn)


def missing_paths(paths: Iterable[str]) -> list[str]:
    """The input paths that do not exist ("-" is stdin and always does)."""
    return [p for p in paths if p != STDIN and not os.path.exists(p)]


def count_documents(paths: Iterable[str], options: ReadOptions, limit_bytes: int = 1 << 30) -> int | None:
    """How many documents the inputs hold, for a progress bar with a total and ETA:
    a text file is one, a JSONL file one per non-blank line. None when it cannot be
    known cheaply: stdin, gzipped JSONL, or more than ``limit_bytes`` of JSONL."""
    paths = list(paths) or [STDIN]
    total = 0
    budget = limit_bytes
    files: list[str] = []
    for path in paths:
        if path == STDIN:
            return None
        if os.path.isdir(path):
            files.extend(p for p, error in walk_directory(path) if error is None)
        else:
            files.append(path)
    for path in files:
        fmt = format_for(path, options.format)
        if fmt == "text":
            total += 1
            continue
        if path.endswith(".gz"):
            return None
        try:
            budget -= os.path.getsize(path)
            if budget < 0:
                return None
            with open(path, "rb") as f:
                if fmt == "auto" and sniff_format(iter(f), []) == "text":
                    total += 1
                    continue
                f.seek(0)
                total += sum(1 for line in f if line.strip())
        except OSError:
            total += 1  # reported as one failed item when it is read
    return total


def walk_directory(root: str) -> Iterator[tuple[str, str | None]]:
    """The .txt and .jsonl files under ``root``, sorted, with unreadable directories
    reported as (path, reason) rather than skipped."""
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            e = errors.pop()
            yield str(e.filename or dirpath), f"cannot read directory: {e.strerror or e}"
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES):
                yield os.path.join(dirpath, name), None
    while errors:
        e = errors.pop()
        yield str(e.filename or root), f"cannot read directory: {e.strerror or e}"


def read_file(path: str, options: ReadOptions, warn: Warn) -> Iterator[InputItem]:
    """The documents of one file; an unopenable file is one BadInput."""
    try:
        stream: BinaryIO = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # type: ignore[assignment]
    except OSError as e:
        yield BadInput(path, f"cannot read: {e.strerror or e}", path)
        return
    with stream:
        yield from read_stream(stream, path, options, warn, fmt=format_for(path, options.format))


def format_for(path: str, requested: str) -> str:
    """The input format of a file: as requested, else by suffix, else "auto"."""
    if requested != "auto":
        return requested
    if path.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if path.endswith(TEXT_SUFFIXES):
        return "text"
    return "auto"


def read_stream(stream: BinaryIO, source: str, options: ReadOptions, warn: Warn,
                fmt: str | None = None) -> Iterator[InputItem]:
    """The documents of a binary stream; read errors become BadInput items."""
    fmt = fmt or options.format
    try:
        lines = iter(stream)
        head: list[bytes] = []
        if fmt == "auto":
            fmt = sniff_format(lines, head)
        chained = _chain(head, lines)
        if fmt == "jsonl":
            yield from read_jsonl_lines(chained, source, options, warn)
        else:
            yield read_text_bytes(b"".join(chained), source, options, warn)
    except (OSError, EOFError, zlib.error) as e:  # a truncated .gz, an I/O error mid-file
        yield BadInput(source, f"cannot read: {e}", source)


def sniff_format(lines: Iterator[bytes], head: list[bytes]) -> str:
    """JSONL when the first non-blank byte is "{", else text; the lines read are kept in ``head``."""
    for line in lines:
        head.append(line)
        stripped = line.removeprefix(codecs.BOM_UTF8).strip()
        if stripped:
            return "jsonl" if stripped.startswith(b"{") else "text"
    return "text"


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def read_text_bytes(data: bytes, source: str, options: ReadOptions, warn: Warn) -> InputItem:
    """A whole text file as one document whose id is the file name."""
    if not data.strip():
        return BadInput(source, "empty file", source)
    nul = data.find(b"\x00")
    if nul >= 0 and _ascii_compatible(options.encoding):
        return BadInput(source, f"binary file: NUL byte at byte offset {nul}", source)
    bom = len(codecs.BOM_UTF8) if _is_utf8(options.encoding) and data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = decode(data[bom:], options, source, None, warn, byte_offset=bom)
    except InputError as e:
        return BadInput(source, e.reason, source)
    nul = text.find("\x00")
    if nul >= 0:
        return BadInput(source, f"binary file: NUL character at offset {nul}", source)
    if not text.strip():
        return BadInput(source, "empty file", source)
    return Document(source, text, source)


def read_jsonl_lines(lines: Iterable[bytes], source: str, options: ReadOptions,
                     warn: Warn) -> Iterator[InputItem]:
    """One item per non-blank line: a Document, or a BadInput saying what is wrong."""
    offset = 0
    records = 0
    for number, raw in enumerate(lines, 1):
        line_offset, offset = offset, offset + len(raw)
        if number == 1 and _is_utf8(options.encoding) and raw.startswith(codecs.BOM_UTF8):
            raw, line_offset = raw[len(codecs.BOM_UTF8):], line_offset + len(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        records += 1
        yield parse_jsonl_line(raw, source, number, line_offset, options, warn)
    if records == 0:
        yield BadInput(source, "empty file", source)


def parse_jsonl_line(raw: bytes, source: str, number: int, byte_offset: int,
                     options: ReadOptions, warn: Warn) -> InputItem:
    """One JSONL line as a Document, or a BadInput naming the problem."""
    fallback_id = f"{source}:{number}"
    nul = raw.find(b"\x00")
    if nul >= 0 and _ascii_compatible(options.encoding):
        return BadInput(fallback_id, f"binary data: NUL byte at byte offset {byte_offset + nul}",
                        source, number)
    try:
        line = decode(raw, options, source, number, warn, byte_offset)
    except InputError as e:
        return BadInput(fallback_id, e.reason, source, number)
    try:
        record = loads_record(line)
    except ValueError as e:  # orjson.JSONDecodeError and json.JSONDecodeError
        return BadInput(fallback_id, f"not JSON: {e}", source, number)
    return document_from_record(record, source, number, options)


_LONG_NUMBER = re.compile(r"\d{19}")


def loads_record(line: str) -> Any:
    """A parsed JSON line. orjson turns integers beyond 64 bits into floats, so lines
    with such long numbers are parsed by the standard library, which keeps them."""
    if _LONG_NUMBER.search(line):
        return json.loads(line)
    return orjson.loads(line)


def dumps_line(value: Any) -> bytes:
    """One JSON line; integers beyond 64 bits or lone surrogates (which orjson
    refuses) are written by the standard library instead."""
    try:
        return orjson.dumps(value) + b"\n"
    except TypeError:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


def document_from_record(record: Any, source: str, line: int | None,
                         options: ReadOptions) -> InputItem:
    """A parsed record as a Document, or a BadInput when it has no usable text."""
    fallback_id = source if line is None else f"{source}:{line}"
    if not isinstance(record, dict):
        return BadInput(fallback_id, f"not a JSON object but {_json_type(record)}", source, line)
    doc_id = record_id(record, options.id_field, fallback_id)
    text = record.get(options.text_field)
    if options.text_field not in record:
        return BadInput(doc_id, f"no {options.text_field!r} field", source, line, record)
    if not isinstance(text, str):
        return BadInput(doc_id, f"field {options.text_field!r} is {_json_type(text)}, not a string",
                        source, line, record)
    return Document(doc_id, text, source, line, record)


def record_id(record: Mapping[str, Any], id_field: str, fallback: str) -> str:
    """The record's id as a string; ``fallback`` ("file:line") when it has none."""
    value = record.get(id_field)
    if value is None:
        return fallback
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return dumps_line(value).decode().rstrip("\n")


def decode(data: bytes, options: ReadOptions, source: str, line: int | None, warn: Warn,
           byte_offset: int = 0) -> str:
    """``data`` decoded; undecodable bytes raise InputError with their file byte offset,
    or become U+FFFD (with a warning) under the "replace" policy."""
    encoding = options.encoding
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        reason = f"invalid {options.encoding} at byte offset {byte_offset + e.start}"
        if _is_utf8(encoding) and byte_offset + e.start == 0 and _reads_as_cp1256(data):
            reason += " (the text reads as Windows-1256 Arabic: try --encoding cp1256)"
        if options.decode_errors == "replace":
            warn(f"{InputError(reason, source=source, line=line).args[0]}; replaced with U+FFFD")
            return data.decode(encoding, errors="replace")
        raise InputError(reason, source=source, line=line) from None


_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def _reads_as_cp1256(data: bytes) -> bool:
    """Whether bytes that are no UTF-8 decode as Windows-1256 into mostly Arabic letters
    (older Arabic sites and archives still use it)."""
    try:
        text = data[:4096].decode("cp1256")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _ARABIC_LETTER.match(c)) >= 0.6 * len(letters)


def check_encoding(name: str) -> str:
    """The canonical codec name; raises LookupError for an unknown encoding."""
    return codecs.lookup(name).name


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def _ascii_compatible(encoding: str) -> bool:
    """Whether a NUL byte can only mean binary data (not so in UTF-16/32)."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


class DuplicateIds:
    """Warns when a document id has been seen before (both documents are kept).

    Keeps 64-bit hashes, not the ids, so memory stays small over millions of documents.
    """

    def __init__(self, warn: Warn) -> None:
        self.warn = warn
        self.seen: set[int] = set()

    def check(self, items: Iterable[InputItem]) -> Iterator[InputItem]:
        for item in items:
            if isinstance(item, Document):
                key = hash(item.doc_id)
                if key in self.seen:
                    where = item.source if item.line is None else f"{item.source}:{item.line}"
                    self.warn(f"{where}: duplicate id {item.doc_id!r}; both kept")
                self.seen.add(key)
            yield item


# --- writing -----------------------------------------------------------------------

def output_lines(result: DocResult, emit: str) -> list[bytes]:
    """The JSON lines for one result: one per quote, or one per document."""
    if emit == "quotes":
        return [dumps_line(q) for q in (result.quotes or [])]
    return [dumps_line(docs_record(result))]


def docs_record(result: DocResult) -> dict[str, Any]:
    """The ``--emit docs`` record: the input record (every field kept) or {"doc_id"},
    plus "quotes", or "error" when the document failed."""
    item = result.item
    out: dict[str, Any] = dict(item.record) if item.record is not None else {}
    out.setdefault("doc_id", item.doc_id)
    if result.error is not None:
        if item.record is None and isinstance(item, BadInput) and item.line is not None:
            out.setdefault("source", item.source)
            out.setdefault("line", item.line)
        out.pop("quotes", None)
        out["error"] = result.error
    else:
        out.pop("error", None)
        out["quotes"] = result.quotes or []
    return out


CSV_COLUMNS = ("doc_id", "index", "type", "quote", "quote_start", "quote_end", "cue", "cue_lemma",
               "cue_start", "cue_end", "speaker", "speaker_role", "speaker_kind", "speaker_gender",
               "mention", "mention_start", "mention_end", "confidence")


def output_format_for(path: str | None, requested: str) -> str:
    """The output format: as requested, else CSV for a ``.csv`` file, else JSON lines."""
    if requested != "auto":
        return requested
    return "csv" if path and path.lower().endswith(".csv") else "jsonl"


def csv_header() -> bytes:
    """The BOM (so that spreadsheet programs read the file as UTF-8 Arabic) and the
    column names."""
    return codecs.BOM_UTF8 + _csv_line(CSV_COLUMNS)


def csv_lines(result: DocResult) -> list[bytes]:
    """One flat CSV row per quote of a result (a failed document has none)."""
    return [_csv_line(csv_row(q)) for q in (result.quotes or [])]


def csv_row(quote: Mapping[str, Any]) -> list[Any]:
    """A quote (its ``to_dict()`` form) as the values of :data:`CSV_COLUMNS`."""
    span = quote.get("quote") or {}
    cue = quote.get("cue") or {}
    speaker = quote.get("speaker") or {}
    mention = speaker.get("mention") or {}
    return [quote.get("doc_id"), quote.get("index"), quote.get("type"),
            span.get("text"), span.get("start"), span.get("end"),
            cue.get("text"), cue.get("lemma"), cue.get("start"), cue.get("end"),
            speaker.get("name"), speaker.get("role"), speaker.get("kind"), speaker.get("gender"),
            mention.get("text"), mention.get("start"), mention.get("end"), quote.get("confidence")]


def _csv_line(values: Iterable[Any]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(["" if v is None else v for v in values])
    return buffer.getvalue().encode("utf-8", errors="replace")


class OutputSink:
    """JSON lines to a file or stdout, written whole and flushed per batch."""

    def __init__(self, path: str | None, *, append: bool = False, header: bytes = b"") -> None:
        self.path = path
        if path is None or path == STDIN:
            self.stream: IO[bytes] = sys.stdout.buffer
            self.owned = False
        else:
            self.stream = open(path, "ab" if append else "wb")
            self.owned = True
        self.pending: list[bytes] = [header] if header else []

    def add(self, lines: list[bytes]) -> None:
        self.pending.extend(lines)

    def flush(self) -> None:
        """One write of whole lines, then flush: a kill leaves at most one partial line."""
        if self.pending:
            self.stream.write(b"".join(self.pending))
            self.pending = []
        self.stream.flush()

    def close(self) -> None:
        self.flush()
        if self.owned:
            self.stream.close()

    def __enter__(self) -> OutputSink:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.owned:
            self.close()
        elif exc[0] is None:
            self.flush()


def prepare_resume(path: str, emit: str, id_field: str, warn: Warn) -> set[str]:
    """The ids of documents already in the output ``path``, after repairing it.

    A half-written last line (a killed run) is cut off. With ``emit="quotes"`` the
    lines of the last document are cut off too, since it may be incomplete; it is
    then processed again.
    """
    if not os.path.exists(path):
        return set()
    done: set[str] = set()
    keep_until = 0          # bytes of the file that are kept
    last_id: str | None = None
    last_group_start = 0    # where the lines of ``last_id`` begin
    offset = 0
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            start, offset = offset, offset + len(raw)
            if not raw.endswith(b"\n"):
                warn(f"{path}:{number}: removed a half-written last line ({len(raw)} bytes)")
                break
            keep_until = offset
            try:
                record = orjson.loads(raw)
            except orjson.JSONDecodeError:
                warn(f"{path}:{number}: not JSON; ignored")
                continue
            doc_id = _output_doc_id(record, emit, id_field)
            if doc_id is None:
                continue
            if doc_id != last_id:
                if last_id is not None:
                    done.add(last_id)
                last_id, last_group_start = doc_id, start
    if last_id is not None:
        if emit == "quotes":
            keep_until = last_group_start   # the last document may have lost quotes: redo it
        else:
            done.add(last_id)
    if keep_until < offset:
        with open(path, "r+b") as f:
            f.truncate(keep_until)
    return done


def _output_doc_id(record: Any, emit: str, id_field: str) -> str | None:
    if not isinstance(record, dict):
        return None
    if emit == "docs" and record.get(id_field) is not None and ("quotes" in record or "error" in record):
        return record_id(record, id_field, "")
    value = record.get("doc_id")
    return None if value is None else str(value)
