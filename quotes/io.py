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
import itertools
import math
import re
import stat
import sys
import zlib
from typing import IO, Any, BinaryIO, Callable, Iterable, Iterator, Mapping

import attrs
import orjson

from .errors import InputError, OutputError, QuotesError

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = (".txt", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
FORMATS = ("auto", "jsonl", "text")
DECODE_POLICIES = ("fail", "replace")
EMITS = ("quotes", "docs")
OUTPUT_FORMATS = ("auto", "jsonl", "csv")
# a record (a text file, a JSONL line) longer than this is an error, not read into memory
DEFAULT_MAX_BYTES = 100_000_000
# JSON nested deeper than this is refused: orjson writes at most 254 levels and the
# standard library, its fallback, recurses once per level
MAX_DEPTH = 500
READ_BLOCK = 1 << 16

Warn = Callable[[str], None]


@attrs.frozen
class ReadOptions:
    """How inputs are read: record fields, encoding, and what to do with bad bytes."""

    text_field: str = "text"
    id_field: str = "id"
    encoding: str = "utf-8"
    decode_errors: str = "fail"   # "fail": the record (or text file) is an error; "replace": U+FFFD
    format: str = "auto"          # "auto": by suffix, else by the first non-blank byte
    max_bytes: int = DEFAULT_MAX_BYTES  # longest text file or JSONL line read (decompressed)


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
    """Every document of ``paths`` (files, directories, or "-" for stdin), in order.
    A named FIFO or device is read as a stream; in a folder, only regular files are
    read (others are reported and skipped: a FIFO nobody writes to would block)."""
    paths = list(paths) or [STDIN]
    for path in paths:
        if path == STDIN:
            stdin = sys.stdin.buffer if sys.stdin is not None else None
            if stdin is None:
                yield BadInput(STDIN_NAME, "cannot read: stdin is closed", STDIN_NAME)
            else:
                yield from read_stream(stdin, STDIN_NAME, options, warn)
        elif os.path.isdir(path):
            for file_path, error in walk_directory(path, warn):
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
                if fmt == "auto" and _sniff_format(iter(lambda: f.read(READ_BLOCK), b""),
                                                   options.max_bytes)[0] == "text":
                    total += 1
                    continue
                f.seek(0)
                total += sum(1 for line in f if line.strip())
        except OSError:
            total += 1  # reported as one failed item when it is read
    return total


def walk_directory(root: str, warn: Warn | None = None) -> Iterator[tuple[str, str | None]]:
    """The .txt and .jsonl regular files under ``root``, sorted, with unreadable
    directories reported as (path, reason) rather than skipped; other files with
    these names (FIFOs, sockets, devices) are reported to ``warn`` and skipped."""
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            e = errors.pop()
            yield str(e.filename or dirpath), f"cannot read directory: {e.strerror or e}"
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES):
                path = os.path.join(dirpath, name)
                try:
                    mode = os.stat(path).st_mode
                except OSError:
                    mode = stat.S_IFREG  # a broken link: reading it reports why
                if not stat.S_ISREG(mode):
                    if warn is not None:
                        warn(f"{path}: not a regular file ({_file_kind(mode)}); skipped")
                    continue
                yield path, None
    while errors:
        e = errors.pop()
        yield str(e.filename or root), f"cannot read directory: {e.strerror or e}"


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def read_file(path: str, options: ReadOptions, warn: Warn) -> Iterator[InputItem]:
    """The documents of one file (or a FIFO, read as a stream); an unopenable file is
    one BadInput."""
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
    """The documents of a binary stream; read errors become BadInput items. The stream
    is read in blocks: blank lines cost no Python work each, and no record longer
    than ``options.max_bytes`` (decompressed) is held in memory. A UTF-16 or UTF-32 stream
    (by its byte-order mark, or by ``options.encoding``) is read as UTF-8."""
    fmt = fmt or options.format
    max_bytes = options.max_bytes
    try:
        blocks = _blocks(stream)
        first = next(blocks, b"")
        wide = _wide_encoding(first, options.encoding)
        if wide is not None:
            blocks = _transcode(itertools.chain([first], blocks), wide, options.decode_errors)
            options = attrs.evolve(options, encoding="utf-8")
            first = next(blocks, b"")
        elif (guess := _utf16_without_bom(first, options.encoding)) is not None:
            # not one "NUL byte" error per line: one error that says what to do
            yield BadInput(source, f"looks like {guess} without a byte-order mark; read it with "
                                   f"--encoding {guess}", source)
            return
        blocks = itertools.chain([first], blocks)
        skipped = (0, 0)
        if fmt == "auto":
            fmt, blocks, skipped = _sniff_format(blocks, max_bytes)
        if fmt == "jsonl":
            yield from read_jsonl_lines(_jsonl_lines(blocks, max_bytes, *skipped), source, options, warn)
        elif skipped != (0, 0):
            yield BadInput(source, f"longer than {max_bytes} bytes (--max-bytes)", source)
        else:
            data = _read_at_most(blocks, max_bytes)
            if data is None:
                yield BadInput(source, f"longer than {max_bytes} bytes (--max-bytes)", source)
            else:
                yield read_text_bytes(data, source, options, warn)
    except UnicodeDecodeError as e:  # a UTF-16 stream that is not
        yield BadInput(source, f"cannot read: invalid {e.encoding} at byte offset {e.start}", source)
    except (OSError, EOFError, zlib.error) as e:  # a truncated .gz, an I/O error mid-file
        yield BadInput(source, f"cannot read: {e}", source)


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    read = getattr(stream, "read1", None) or stream.read
    while block := read(READ_BLOCK):
        yield block


def _wide_encoding(head: bytes, encoding: str) -> str | None:
    """The codec for a UTF-16 or UTF-32 stream: the requested one, or, when UTF-8 is
    requested, the one its byte-order mark says; None for other streams."""
    name = codecs.lookup(encoding).name
    if name.startswith(("utf-16", "utf-32")):
        return name
    if name in ("utf-8", "utf-8-sig"):
        if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return "utf-32"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
    return None


def _utf16_without_bom(head: bytes, encoding: str) -> str | None:
    """"utf-16-le" or "utf-16-be" when UTF-8 is requested but the first bytes are
    ASCII interleaved with NUL bytes, as UTF-16 text (also Arabic text with ASCII
    spaces and digits) has them; else None."""
    sample = head[:4096]
    if len(sample) < 8 or not _is_utf8(encoding):
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > len(sample) // 4 and even == 0 and sample[0:1] == b"{" or odd > len(sample) * 2 // 5 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 4 and odd == 0 and sample[1:2] == b"{" or even > len(sample) * 2 // 5 and odd == 0:
        return "utf-16-be"
    return None


def _transcode(blocks: Iterable[bytes], encoding: str, policy: str) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder(encoding)("replace" if policy == "replace" else "strict")
    for block in blocks:
        if text := decoder.decode(block):
            yield text.encode("utf-8", "surrogatepass")
    if text := decoder.decode(b"", final=True):
        yield text.encode("utf-8", "surrogatepass")


_NON_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")


def _sniff_format(blocks: Iterator[bytes], max_bytes: int
                  ) -> tuple[str, Iterator[bytes], tuple[int, int]]:
    """JSONL when the first non-blank byte is "{" (after a UTF-8 BOM), else text; with
    the blocks to read from and (lines, bytes) of blank lead dropped unread: a lead
    longer than ``max_bytes`` is not kept (a text that long is refused anyway)."""
    head: list[bytes] = []
    held = lines = dropped = 0
    first = True
    for block in blocks:
        seen = block.removeprefix(codecs.BOM_UTF8) if first else block
        first = False
        head.append(block)
        held += len(block)
        if (m := _NON_BLANK.search(seen)) is not None:
            fmt = "jsonl" if seen[m.start():m.start() + 1] == b"{" else "text"
            return fmt, itertools.chain(head, blocks), (lines, dropped)
        if held > max_bytes:
            lines += sum(b.count(b"\n") for b in head)
            dropped += held
            head, held = [], 0
    return "text", iter(head), (lines, dropped)


def _read_at_most(blocks: Iterable[bytes], max_bytes: int) -> bytes | None:
    """All the bytes of ``blocks``, or None (having stopped reading) beyond ``max_bytes``."""
    data = bytearray()
    for block in blocks:
        data += block
        if len(data) > max_bytes:
            return None
    return bytes(data)


def _jsonl_lines(blocks: Iterable[bytes], max_bytes: int, number: int = 0, offset: int = 0
                 ) -> Iterator[tuple[int, int, bytes | int]]:
    """(line number, byte offset, line) of each non-blank line; the line's length
    instead of the line when it is longer than ``max_bytes`` (it is not kept). Runs
    of blank lines are skipped by a regular expression, not line by line. ``number``
    lines and ``offset`` bytes have been read before ``blocks``."""
    number += 1          # the line number of the current line, which starts at buf[0]
    buf = bytearray()
    scanned = 0          # buf[pos:scanned] holds no newline
    filled = False       # ... and a byte that is not blank
    overlong = -1        # bytes of the current line dropped for its length (-1: none)
    blank = True         # ... all blank
    for block in blocks:
        buf += block
        pos = 0
        while pos < len(buf):
            if overlong >= 0:
                nl = buf.find(b"\n", pos)
                end = len(buf) if nl < 0 else nl + 1
                blank = blank and not _NON_BLANK.search(buf, pos, end)
                overlong, pos = overlong + end - pos, end
                if nl < 0:
                    break
                if not blank:
                    yield number, offset + pos - overlong, overlong
                number, overlong, blank = number + 1, -1, True
                scanned = pos
                continue
            if not filled:
                m = _NON_BLANK.search(buf, scanned)
                last = buf.rfind(b"\n", scanned, len(buf) if m is None else m.start())
                if last >= 0:  # blank lines
                    number += buf.count(b"\n", scanned, last + 1)
                    pos = last + 1
                if m is None:
                    scanned = len(buf)
                    if len(buf) - pos > max_bytes:
                        overlong, blank, pos = len(buf) - pos, True, len(buf)
                    break
                filled, scanned = True, m.start()
            nl = buf.find(b"\n", scanned)
            if nl < 0:
                scanned = len(buf)
                if len(buf) - pos > max_bytes:
                    overlong, blank, filled, pos = len(buf) - pos, False, False, len(buf)
                break
            length = nl + 1 - pos
            yield number, offset + pos, length if length > max_bytes else bytes(buf[pos:nl + 1])
            number, pos, scanned, filled = number + 1, nl + 1, nl + 1, False
        del buf[:pos]
        offset += pos
        scanned = max(0, scanned - pos)
    if overlong >= 0:
        if not blank:
            yield number, offset - overlong, overlong
    elif filled:
        yield number, offset, bytes(buf)


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


def read_jsonl_lines(lines: Iterable[tuple[int, int, bytes | int]], source: str, options: ReadOptions,
                     warn: Warn) -> Iterator[InputItem]:
    """One item per non-blank line (number, byte offset, bytes or, for a line too
    long to read, its length): a Document, or a BadInput saying what is wrong."""
    records = 0
    for number, line_offset, raw in lines:
        records += 1
        if isinstance(raw, int):
            yield BadInput(f"{source}:{number}", f"line longer than {options.max_bytes} bytes (--max-bytes): "
                                                  f"{raw} bytes", source, number)
            continue
        if number == 1 and _is_utf8(options.encoding) and raw.startswith(codecs.BOM_UTF8):
            raw, line_offset = raw[len(codecs.BOM_UTF8):], line_offset + len(codecs.BOM_UTF8)
            if not raw.strip():
                records -= 1
                continue
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
    except TooDeep as e:
        return BadInput(fallback_id, str(e), source, number)
    except ValueError as e:  # orjson.JSONDecodeError and json.JSONDecodeError
        return BadInput(fallback_id, f"not JSON: {e}", source, number)
    return document_from_record(record, source, number, options)


_LONG_NUMBER = re.compile(r"\d{19}")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")


class TooDeep(ValueError):
    """JSON nested deeper than MAX_DEPTH."""

    def __init__(self, depth: int) -> None:
        super().__init__(f"too deeply nested ({depth} levels; at most {MAX_DEPTH})")
        self.depth = depth


def nesting_depth(line: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text (strings skipped)."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(_JSON_STRING.sub("", line)):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _strict_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"number is infinity: {text[:40]}")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads_record(line: str) -> Any:
    """A parsed JSON line. orjson turns integers beyond 64 bits into floats and refuses
    lone surrogates (\\udcff, as written for undecodable file names), so such lines are
    parsed by the standard library, which keeps them, strictly (no NaN, no Infinity).
    A line nested deeper than MAX_DEPTH raises TooDeep: the standard library would
    overflow the stack."""
    if line.count("[") + line.count("{") > MAX_DEPTH and (depth := nesting_depth(line)) > MAX_DEPTH:
        raise TooDeep(depth)
    if not _LONG_NUMBER.search(line):
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError as e:
            if "surrogate" not in str(e):
                raise
    return json.loads(line, parse_float=_strict_float, parse_constant=_no_constant)


def dumps_line(value: Any) -> bytes:
    """One line of strict JSON; integers beyond 64 bits, lone surrogates (which orjson
    refuses) and nesting deeper than orjson writes are written by the standard
    library instead. Non-finite numbers are written as null, as orjson does."""
    try:
        return orjson.dumps(value) + b"\n"
    except TypeError:  # orjson.JSONEncodeError
        pass
    try:
        text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(value), ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.encode("ascii") + b"\n"


def _finite(value: Any) -> Any:
    """``value`` with every non-finite float replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


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

POSITION_FIELD = "input"


def position(item: InputItem, ordinal: int) -> dict[str, Any]:
    """Where a record comes from, as written in every output line: its file ("<stdin>"
    for stdin), its line (null for a text file) and its number among all the records
    of the run's inputs, from 0 (which ``--resume`` continues after). The path is
    normalised (./x is written x), so that a resumed run writes the same lines."""
    file = item.source if item.source == STDIN_NAME else os.path.normpath(item.source)
    return {"file": file, "line": item.line, "record": ordinal}


def output_lines(result: DocResult, emit: str, ordinal: int | None = None) -> list[bytes]:
    """The JSON lines for one result: one per quote, or one per document; with
    ``ordinal``, each carries the record's position (field "input")."""
    where = None if ordinal is None else position(result.item, ordinal)
    if emit == "quotes":
        if where is None:
            return [dumps_line(q) for q in (result.quotes or [])]
        return [dumps_line({**q, POSITION_FIELD: where}) for q in (result.quotes or [])]
    record = docs_record(result)
    if where is not None:
        record[POSITION_FIELD] = where
    return [dumps_line(record)]


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
    """JSON lines to a file or stdout, written whole and flushed per batch. Any
    failure to write (a full disk, a closed pipe, a folder) is an OutputError."""

    def __init__(self, path: str | None, *, append: bool = False, header: bytes = b"") -> None:
        self.path = path
        self.failed = False
        if path is None or path == STDIN:
            self.name = "stdout"
            if sys.stdout is None:
                raise OutputError("cannot write to stdout: it is closed")
            self.stream: IO[bytes] = sys.stdout.buffer
            self.owned = False
        else:
            self.name = path
            try:
                self.stream = open(path, "ab" if append else "wb")
            except OSError as e:
                raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
            self.owned = True
        self.pending: list[bytes] = [header] if header else []

    def add(self, lines: list[bytes]) -> None:
        self.pending.extend(lines)

    def flush(self) -> None:
        """One write of whole lines, then flush: a kill or a full disk leaves at most
        one partial line, which ``--resume`` cuts off."""
        try:
            if self.pending:
                data, self.pending = b"".join(self.pending), []
                self.stream.write(data)
            self.stream.flush()
        except (OSError, ValueError) as e:  # ValueError: the stream was closed
            self.failed = True
            raise OutputError(f"cannot write {self.name}: {getattr(e, 'strerror', None) or e}") from None

    def close(self) -> None:
        try:
            if not self.failed:
                self.flush()
        finally:
            if self.owned:
                try:
                    self.stream.close()
                except OSError:
                    if not self.failed:  # the data the failed write left in the buffer
                        raise OutputError(f"cannot write {self.name}") from None

    def __enter__(self) -> OutputSink:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            self.failed = True  # already failing: do not write, only close
        self.close()


@attrs.frozen
class ResumePoint:
    """Where an interrupted run stopped: ``records`` input records are done, and the
    record numbered ``check["record"]`` must be at ``check``'s file and line."""

    records: int = 0
    check: dict[str, Any] | None = None


def prepare_resume(path: str, emit: str, warn: Warn) -> ResumePoint:
    """How many input records the output ``path`` holds, after repairing it.

    Every line names its record's position (field "input"), so duplicate or missing
    ids do not matter. A half-written last line (a killed run) is cut off. With
    ``emit="quotes"`` the lines of the last record are cut off too, since it may be
    incomplete; it is then processed again.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return ResumePoint()
    except OSError as e:
        raise OutputError(f"cannot resume {path}: {e.strerror or e}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"cannot resume {path}: {_file_kind(info.st_mode)}, not a regular file")
    keep_until = 0          # bytes of the file that are kept
    last: dict[str, Any] | None = None
    last_start = 0          # where the lines of ``last`` begin
    offset = 0
    try:
        with open(path, "rb") as f:
            for number, raw in enumerate(f, 1):
                start, offset = offset, offset + len(raw)
                if not raw.endswith(b"\n"):
                    warn(f"{path}:{number}: removed a half-written last line ({len(raw)} bytes)")
                    break
                keep_until = offset
                where = _output_position(raw)
                if where is None:
                    raise QuotesError(f"cannot resume {path}: line {number} does not say which input record "
                                      f"it is of (field {POSITION_FIELD!r}); it was not written by this "
                                      "version of quotes")
                if last is None or where["record"] != last["record"]:
                    last, last_start = where, start
        if last is not None and emit == "quotes":
            keep_until = last_start   # the last record may have lost quotes: redo it
        if keep_until < offset:
            with open(path, "r+b") as f:
                f.truncate(keep_until)
    except OSError as e:
        raise OutputError(f"cannot resume {path}: {e.strerror or e}") from None
    if last is None:
        return ResumePoint()
    return ResumePoint(last["record"] + (emit != "quotes"), last)


def _output_position(raw: bytes) -> dict[str, Any] | None:
    try:
        record = loads_record(raw.decode("utf-8", "surrogatepass"))
    except (ValueError, UnicodeDecodeError):
        return None
    where = record.get(POSITION_FIELD) if isinstance(record, dict) else None
    if not isinstance(where, dict) or not isinstance(where.get("record"), int) or where["record"] < 0:
        return None
    return where


def skip_done(items: Iterable[InputItem], resume: ResumePoint) -> Iterator[InputItem]:
    """``items`` after the first ``resume.records``, having checked that the inputs
    are those of the interrupted run (the same record at the same position)."""
    check = resume.check
    seen = 0
    for ordinal, item in enumerate(items):
        seen = ordinal + 1
        if check is not None and ordinal == check["record"] and not _same_position(item, check):
            raise QuotesError(
                f"cannot resume: input record {ordinal} is {_where(item.source, item.line)}, but the output "
                f"has it from {_where(check.get('file'), check.get('line'))}; give the same inputs as the "
                "interrupted run")
        if ordinal >= resume.records:
            yield item
    if check is not None and seen <= check["record"]:
        raise QuotesError(f"cannot resume: the inputs have {seen} records, but the output already "
                          f"holds record {check['record']}; give the same inputs as the interrupted run")


def _where(source: Any, line: Any) -> str:
    return f"{source}" if line is None else f"{source}:{line}"


def _same_position(item: InputItem, where: Mapping[str, Any]) -> bool:
    """Whether ``item`` is at the file and line ``where`` names; a path spelled
    differently (./x, x, /abs/x) is the same file."""
    file = where.get("file")
    if item.line != where.get("line") or not isinstance(file, str):
        return False
    if item.source == file:
        return True
    if STDIN_NAME in (item.source, file):
        return False
    return os.path.abspath(item.source) == os.path.abspath(file)
