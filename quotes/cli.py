"""The ``quotes`` command: ``quotes extract``, ``show``, ``stats`` and ``evaluate``.

Exit status: 0 when every record succeeded, 1 when some failed (each is reported on
stderr as ``quotes: FILE:LINE: reason``), 2 for usage errors and models that cannot
be loaded, 3 when the output cannot be written (a full disk, a closed pipe).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import Iterable, Iterator, Sequence, TextIO

import orjson

from . import __version__
from .batch import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, ExtractorOptions, build_extractor, run
from .errors import InputError, ModelError, OutputError, QuotesError
from .extractor import PARSERS
from .io import (DECODE_POLICIES, DEFAULT_MAX_BYTES, EMITS, FORMATS, OUTPUT_FORMATS, DocResult, DuplicateIds,
                 InputItem, OutputSink, ReadOptions, ResumePoint, check_encoding, count_documents, csv_header,
                 csv_lines, iter_inputs, missing_paths, output_format_for, output_lines, prepare_resume,
                 skip_done)

PROG = "quotes"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3

EXTRACT_EXAMPLES = """\
examples:
  # one JSON line per quote, from a folder of .txt and .jsonl files
  quotes extract articles/ -o quotes.jsonl

  # one line per input record (all its fields kept, plus "quotes" or "error"), 2 workers
  quotes extract news.jsonl --emit docs --jobs 2 -o out.jsonl

  # rules only, from stdin
  $ echo 'وقال الوزير: "سنواصل العمل".' | quotes extract --parser none
  {"doc_id":"<stdin>","index":0,"type":"direct","quote":{"text":"سنواصل العمل","start":14,"end":26},
   "cue":{"text":"وقال","lemma":"قال","start":0,"end":4},"speaker":{"name":"الوزير",...},"confidence":0.91,
   "input":{"file":"<stdin>","line":null,"record":0}}

  # only the quotes that are real with a measured probability of at least 0.8
  quotes extract news.jsonl --min-confidence 0.8 -o likely.jsonl

  # continue a run that was interrupted (the same inputs, the same -o)
  quotes extract news.jsonl --emit docs -o out.jsonl --resume

  # a spreadsheet: one row per quote, UTF-8 with BOM (also: --output-format csv)
  quotes extract articles/ -o quotes.csv

Every output line names the input record it comes from: "input": {"file", "line",
"record"} (its file, its line, null for a text file, and its number among all the
records of the inputs, from 0). --resume continues after the last record in the
output, whatever the ids (duplicated, missing), having checked that this record is
at the same file and line (./x and x are the same file).

A record that cannot be read or processed is reported on stderr as
"quotes: FILE:LINE: reason" and, with --emit docs, written as the input record
plus "error", so the output has one line per input record (blank lines are not
records). In folders only regular files are read (a FIFO there is reported and
skipped); a FIFO named as a PATH, or '-', is read as a stream. A text file or
JSONL line longer than --max-bytes (after decompression) is an error, not read.

Exit status: 0 all records succeeded, 1 some failed, 2 usage error or models that
cannot be loaded, 3 the output cannot be written (a full disk, a closed pipe, a
folder as -o; what was written stays resumable).
"""

EVALUATE_EXAMPLES = """\
examples:
  # run the extractor on the gold texts and score it
  quotes evaluate gold.jsonl --parser none

  # score saved predictions (output of quotes extract, either --emit)
  quotes evaluate gold.jsonl --pred predictions.jsonl --json
"""

SHOW_EXAMPLES = """\
examples:
  # highlight the quotes of a few articles in one page (runs the extraction)
  quotes show article1.txt article2.txt -o page.html

  # from saved output that kept the texts (JSONL input, --emit docs): no extraction
  quotes extract news.jsonl --emit docs -o out.jsonl
  quotes show out.jsonl -o page.html

  # one page per document in a folder, with index.html
  quotes show articles/ --out-dir pages/
"""

STATS_EXAMPLES = """\
examples:
  # who is quoted most, across a folder of articles
  quotes extract articles/ -o quotes.jsonl
  quotes stats quotes.jsonl

  # counts per outlet (a field of the input records, kept by --emit docs), as CSV
  quotes extract news.jsonl --emit docs -o out.jsonl
  quotes stats out.jsonl --by outlet --format csv -o speakers.csv

  $ quotes stats out.jsonl --top 3
  5373 quotes in 951 documents; 1376 speakers
  #  speaker        quotes  docs  kind    gender  roles                         first document ...
  1  دونالد ترمب    87      34    person  male    الرئيس الأميركي               ...
  2  محمد هنيدي     62      9     person  male    الفنان المصري، الفنان         ...
  3  محمد بن سلمان  57      9     person  male    الأمير، وزير المالية السعودي  ...
  ...
Speakers are matched across documents by a folded key: hamza forms, ى/ي, ة/ه,
diacritics, tatweel and the article ال do not matter, nor غ/ج in transliterated
names (هيغ، هيج); a family name alone (ترمب) joins the one fuller name that ends
with it (دونالد ترمب).
"""

MAIN_EXAMPLES = """\
examples:
  quotes extract news.jsonl --emit docs -o out.jsonl
  quotes stats out.jsonl --by outlet
  quotes show article.txt -o page.html
  quotes evaluate gold.jsonl
  quotes extract --help
"""


class Reporter:
    """One-line messages on stderr, prefixed with the program name."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.above_progress_bar = False  # write through tqdm so the bar is not garbled

    def __call__(self, message: str) -> None:
        stream = self.stream or sys.stderr
        if stream is None:  # stderr is closed: nowhere to report
            return
        # one message, one line, whatever a file name holds
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        try:
            if self.above_progress_bar:
                from tqdm import tqdm
                tqdm.write(f"{PROG}: {message}", file=stream)
            else:
                print(f"{PROG}: {message}", file=stream, flush=True)
        except (OSError, ValueError):  # a closed or broken stderr must not stop the run
            pass


def positive_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def probability(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return number


def encoding_name(value: str) -> str:
    try:
        check_encoding(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parser", choices=PARSERS, default="stanza",
                        help="stanza: rules plus dependency parse (default); none: rules only")
    parser.add_argument("--entities", action="store_true",
                        help="with the parser, also run the named-entity tagger on the words around "
                             "the speakers (slower; see README)")
    parser.add_argument("--models", metavar="DIR|stanza", default=None,
                        help="the Stanza models: a directory, or 'stanza' for Stanza's official "
                             "Arabic package (default: the bundled models)")


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=formatter, epilog=MAIN_EXAMPLES,
        description="Find quotations, their cues, speakers and roles in Arabic news text.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", formatter_class=formatter, epilog=EXTRACT_EXAMPLES,
        help="extract quotes from files, folders or stdin as JSON lines",
        description="Extract quotes from text files (one document each), JSONL files (one "
                    "record a line) or folders of them (recursively), or stdin.")
    extract.add_argument("paths", nargs="*", metavar="PATH",
                         help="files or folders (.txt, .jsonl, optionally .gz); '-' or none: stdin")
    extract.add_argument("-o", "--output", metavar="FILE", default=None, help="output file (default: stdout)")
    extract.add_argument("--output-format", choices=OUTPUT_FORMATS, default="auto",
                         help="jsonl, or csv (one row per quote, UTF-8 with BOM); "
                              "auto: csv when -o ends with .csv, else jsonl")
    extract.add_argument("--emit", choices=EMITS, default="quotes",
                         help="quotes: one line per quote (default); docs: one line per input document")
    extract.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    extract.add_argument("--id-field", default="id",
                         help="JSONL field holding the document id (default: id; missing: FILE:LINE)")
    extract.add_argument("--format", choices=FORMATS, default="auto",
                         help="input format; auto: by file suffix, else JSONL when the first byte is '{'")
    extract.add_argument("--encoding", type=encoding_name, default="utf-8",
                         help="input encoding (default: utf-8, with or without BOM; e.g. cp1256)")
    extract.add_argument("--decode-errors", choices=DECODE_POLICIES, default="fail",
                         help="undecodable bytes: fail the record or text file (default), or replace with U+FFFD")
    add_model_options(extract)
    extract.add_argument("--min-confidence", type=probability, default=0.0, metavar="X",
                         help="leave out quotes whose confidence (the measured probability that the "
                              "quote is real; see README) is below X (default: 0, keep all)")
    extract.add_argument("--jobs", type=positive_int, default=1, metavar="N",
                         help="worker processes (0: one per core; default: 1)")
    extract.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local: this machine (default); dask: a Dask cluster")
    extract.add_argument("--scheduler", metavar="ADDRESS", default=None,
                         help="Dask scheduler address for --engine dask (default: a local cluster)")
    extract.add_argument("--chunk-size", type=positive_int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                         help=f"documents per batch sent to a worker (default: {DEFAULT_CHUNK_SIZE})")
    extract.add_argument("--max-chars", type=positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
                         help="longer documents are processed in windows of at most N characters, "
                              f"cut at paragraph or sentence ends (default: {DEFAULT_MAX_CHARS}; 0: never)")
    extract.add_argument("--max-bytes", type=positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                         help="a text file or JSONL line longer than N bytes (after decompression) is "
                              f"an error, not read into memory (default: {DEFAULT_MAX_BYTES})")
    extract.add_argument("--timeout", type=float, default=0.0, metavar="SECONDS",
                         help="fail a document that takes longer, all its windows together "
                              "(not with --engine dask; default: 0, no limit)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on stderr (default: when stderr is a terminal)")
    extract.add_argument("--fail-fast", action="store_true", help="stop at the first record that fails")
    extract.add_argument("--resume", action="store_true",
                         help="with -o: continue after the last input record in the output file "
                              "(by its position, see below) and append")

    show = commands.add_parser(
        "show", formatter_class=formatter, epilog=SHOW_EXAMPLES,
        help="an HTML page of documents with their quotes highlighted",
        description="Write documents as a self-contained HTML page (right to left, no network) with "
                    "every quote highlighted by type, its cue and its speaker's mention marked, and "
                    "each document's speakers listed. Inputs are raw documents (extracted now) or "
                    "records of quotes extract --emit docs that kept their text.")
    show.add_argument("paths", nargs="*", metavar="PATH",
                      help="files or folders (.txt, .jsonl, optionally .gz); '-' or none: stdin")
    where = show.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE.html", default=None,
                       help="the page (default: stdout)")
    where.add_argument("--out-dir", metavar="DIR", default=None,
                       help="one page per document in DIR, with index.html")
    show.add_argument("--title", default="quotes", help="the page title")
    show.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    show.add_argument("--id-field", default="id", help="JSONL field holding the document id (default: id)")
    show.add_argument("--encoding", type=encoding_name, default="utf-8", help="input encoding (default: utf-8)")
    add_model_options(show)

    stats = commands.add_parser(
        "stats", formatter_class=formatter, epilog=STATS_EXAMPLES,
        help="who is quoted and how often, from quotes extract output",
        description="Rank speakers by quotes and documents, with kind, roles, gender and the first "
                    "and last document, and count quotes by type, speaker kind, gender and any "
                    "record field (--by). Input: output of quotes extract (either --emit).")
    stats.add_argument("paths", nargs="*", metavar="PATH", help="JSONL files (optionally .gz); '-' or none: stdin")
    stats.add_argument("--by", action="append", default=[], metavar="FIELD",
                       help="also count quotes by this field of the records (e.g. outlet); repeatable")
    stats.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="table (default), csv (the ranking, UTF-8 with BOM) or json (everything)")
    stats.add_argument("--top", type=positive_int, default=None, metavar="N",
                       help="speakers to list (default: 30 in a table, all in csv and json; 0: all)")
    stats.add_argument("-o", "--output", metavar="FILE", default=None, help="output file (default: stdout)")

    evaluate = commands.add_parser(
        "evaluate", formatter_class=formatter, epilog=EVALUATE_EXAMPLES,
        help="score the extractor (or saved predictions) against a gold file",
        description="Score quotes against a gold JSONL file ({'id', 'text', 'quotes'} per line).")
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("--pred", metavar="PRED.jsonl", default=None,
                          help="predictions to score (default: run the extractor on the gold texts)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_model_options(evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    report = Reporter()
    try:
        if args.command == "extract":
            return extract_command(args, parser, report)
        if args.command == "show":
            return show_command(args, parser, report)
        if args.command == "stats":
            return stats_command(args, parser, report)
        return evaluate_command(args, report)
    except OutputError as e:  # a full disk, a closed pipe: what was written stays resumable
        report(f"error: {e}")
        _silence_stdout()
        return EXIT_OUTPUT
    except QuotesError as e:  # models that cannot be loaded, a missing engine, inputs that differ on resume
        report(f"error: {e}")
        return EXIT_USAGE
    except BrokenPipeError:  # the reader of stdout went away (quotes evaluate … | head)
        report("error: cannot write stdout: Broken pipe")
        _silence_stdout()
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        report("interrupted")
        return 130


def _silence_stdout() -> None:
    """Points stdout at /dev/null, so that the interpreter's last flush of a broken
    pipe does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass


def extract_command(args: argparse.Namespace, parser: argparse.ArgumentParser, report: Reporter) -> int:
    if args.resume and not args.output:
        parser.error("--resume needs -o FILE")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    output_format = output_format_for(args.output, args.output_format)
    if output_format == "csv" and args.emit == "docs":
        parser.error("CSV output has one row per quote: use --emit quotes (the default)")
    if output_format == "csv" and args.resume:
        parser.error("--resume works on JSON lines output, not CSV")
    missing = missing_paths(args.paths)
    if missing:  # before anything is written: a typo must not leave an empty output file
        parser.error(f"no such file or directory: {', '.join(missing)}")
    read_options = ReadOptions(text_field=args.text_field, id_field=args.id_field, encoding=args.encoding,
                               decode_errors=args.decode_errors, format=args.format,
                               max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    options = ExtractorOptions(parser=args.parser, models=args.models, entities=args.entities,
                               max_chars=args.max_chars,
                               timeout=max(0.0, args.timeout), min_confidence=args.min_confidence,
                               batch_size=max(1, min(args.chunk_size or DEFAULT_CHUNK_SIZE, 64)))
    resume = ResumePoint()
    if args.resume:
        resume = prepare_resume(args.output, args.emit, report)
    if not args.paths and sys.stdin is not None and sys.stdin.isatty():
        report("reading documents from the terminal; end with Ctrl-D (see quotes extract --help)")
    items: Iterator[InputItem] = iter_inputs(args.paths, read_options, report)
    items = DuplicateIds(report).check(items)
    if args.resume:
        items = skip_done(items, resume)
    chunk_size = args.chunk_size or DEFAULT_CHUNK_SIZE
    if args.engine == "dask":
        from .dask import run_distributed
        chunks = run_distributed(items, options, scheduler=args.scheduler, jobs=args.jobs,
                                 chunk_size=chunk_size)
    else:
        chunks = run(items, options, jobs=args.jobs, chunk_size=chunk_size)
    show_progress = sys.stderr is not None and (sys.stderr.isatty() if args.progress is None else args.progress)
    # a total (and so an ETA) when the inputs can be counted cheaply and none is skipped
    total = count_documents(args.paths, read_options) if show_progress and not args.resume else None
    sink = OutputSink(args.output, append=args.resume,
                      header=csv_header() if output_format == "csv" else b"")
    # closing: a --fail-fast stop shuts the workers down now, not at garbage collection
    with sink, contextlib.closing(chunks):
        failed = write_results(chunks, sink, args.emit, report, show_progress, args.fail_fast,
                               first_record=resume.records, output_format=output_format, total=total)
    return EXIT_FAILED if failed else EXIT_OK


def write_results(chunks: Iterable[list[DocResult]], sink: OutputSink, emit: str, report: Reporter,
                  show_progress: bool, fail_fast: bool, first_record: int = 0,
                  output_format: str = "jsonl", total: int | None = None) -> int:
    """Writes results chunk by chunk, each JSON line with its record's position
    (numbered from ``first_record``); returns the number of failed records."""
    from tqdm import tqdm

    failed = records = 0
    report.above_progress_bar = show_progress
    with tqdm(unit=" docs", file=sys.stderr, disable=not show_progress, dynamic_ncols=True,
              desc=PROG, total=total) as progress:
        for chunk in chunks:
            for result in chunk:
                sink.add(csv_lines(result) if output_format == "csv"
                         else output_lines(result, emit, first_record + records))
                records += 1
                if result.failed:
                    failed += 1
                    report(f"{result.where}: {result.error}")
                    if fail_fast:
                        sink.flush()
                        report("stopped at the first failure (--fail-fast)")
                        return failed
            sink.flush()
            progress.update(len(chunk))
            if failed:
                progress.set_postfix(failed=failed, refresh=False)
    report.above_progress_bar = False
    if failed:
        report(f"{failed} of {records} records failed")
    return failed


def show_command(args: argparse.Namespace, parser: argparse.ArgumentParser, report: Reporter) -> int:
    from .io import Document
    from .show import ShownDocument, index_page, render_page

    missing = missing_paths(args.paths)
    if missing:
        parser.error(f"no such file or directory: {', '.join(missing)}")
    read_options = ReadOptions(text_field=args.text_field, id_field=args.id_field, encoding=args.encoding)
    extractor = None
    docs: list[ShownDocument] = []
    failed = 0
    for item in iter_inputs(args.paths, read_options, report):
        if not isinstance(item, Document):
            message = item.message
            if item.record is not None and "quotes" in item.record:
                # --emit docs output of text files has no text: show the files themselves
                message += "; extract output keeps the text only for JSONL input: run quotes show on the files"
            report(f"{item.where}: {message}")
            docs.append(ShownDocument(item.doc_id, "", error=message))
            failed += 1
            continue
        saved = item.record.get("quotes") if item.record is not None else None
        if isinstance(saved, list):
            quotes = saved  # extract output that kept the text: shown as it is
        else:
            if extractor is None:
                extractor = build_extractor(ExtractorOptions(parser=args.parser, models=args.models,
                                                             entities=args.entities))
            quotes = [q.to_dict() for q in extractor.extract(item.text, item.doc_id)]
        docs.append(ShownDocument(item.doc_id, item.text, quotes))
    try:
        if args.out_dir:
            os.makedirs(args.out_dir, exist_ok=True)
            entries = []
            for n, doc in enumerate(docs):
                name = f"doc{n + 1:05d}.html"
                with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
                    f.write(render_page([doc], title=doc.doc_id))
                entries.append((name, doc.doc_id, None if doc.error else len(doc.quotes)))
            with open(os.path.join(args.out_dir, "index.html"), "w", encoding="utf-8") as f:
                f.write(index_page(entries, args.title))
        elif args.output:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(render_page(docs, title=args.title))
        else:
            sys.stdout.write(render_page(docs, title=args.title))
            sys.stdout.flush()
    except OSError as e:
        report(f"cannot write {e.filename or args.output or args.out_dir}: {e.strerror or e}")
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK


def stats_command(args: argparse.Namespace, parser: argparse.ArgumentParser, report: Reporter) -> int:
    from .stats import compute, format_csv, format_table

    missing = missing_paths(args.paths)
    if missing:
        parser.error(f"no such file or directory: {', '.join(missing)}")
    warnings = []

    def warn(message: str) -> None:
        warnings.append(message)
        report(message)

    try:
        stats = compute(args.paths, args.by, warn)
    except OSError as e:
        report(f"{e.filename}: cannot read: {e.strerror or e}")
        return EXIT_FAILED
    if args.format == "table":
        data = format_table(stats, 30 if args.top is None else args.top).encode("utf-8")
    elif args.format == "csv":
        data = format_csv(stats, args.top or 0)
    else:
        data = orjson.dumps(stats.to_dict(args.top or None), option=orjson.OPT_INDENT_2) + b"\n"
    if args.output:
        try:
            with open(args.output, "wb") as f:
                f.write(data)
        except OSError as e:
            report(f"cannot write {args.output}: {e.strerror or e}")
            return EXIT_USAGE
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_FAILED if warnings else EXIT_OK


def evaluate_command(args: argparse.Namespace, report: Reporter) -> int:
    from .evaluate import evaluate, format_table, load_gold, load_predictions, predict_gold_texts

    try:
        gold = load_gold(args.gold)
        if args.pred:
            preds = load_predictions(args.pred, {str(d["id"]): d["text"] for d in gold})
            title = f"{args.pred} against {args.gold}"
        else:
            extractor = build_extractor(ExtractorOptions(parser=args.parser, models=args.models,
                                                         entities=args.entities))
            preds = predict_gold_texts(gold, extractor)
            title = f"parser={args.parser} against {args.gold}"
    except InputError as e:
        report(str(e))
        return EXIT_FAILED
    except OSError as e:
        report(f"{e.filename}: cannot read: {e.strerror}")
        return EXIT_FAILED
    except QuotesError as e:
        if isinstance(e, ModelError):
            raise
        report(str(e))
        return EXIT_FAILED
    result = evaluate(gold, preds)
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
        sys.stdout.flush()
    else:
        print(format_table(result, title))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
