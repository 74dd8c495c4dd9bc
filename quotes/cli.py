"""The ``quotes`` command: ``quotes extract`` and ``quotes evaluate``.

Exit status: 0 when every record succeeded, 1 when some failed (each is reported on
stderr as ``quotes: FILE:LINE: reason``), 2 for usage errors and models that cannot
be loaded.
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
from .errors import InputError, ModelError, QuotesError
from .extractor import PARSERS
from .io import (DECODE_POLICIES, EMITS, FORMATS, DocResult, DuplicateIds, InputItem, OutputSink,
                 ReadOptions, check_encoding, iter_inputs, output_lines, prepare_resume)

PROG = "quotes"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

EXTRACT_EXAMPLES = """\
examples:
  # one JSON line per quote, from a folder of .txt and .jsonl files
  quotes extract articles/ -o quotes.jsonl

  # one line per input record (all its fields kept, plus "quotes" or "error"), 2 workers
  quotes extract news.jsonl --emit docs --jobs 2 -o out.jsonl

  # rules only, from stdin
  $ echo 'وقال الوزير: "سنواصل العمل".' | quotes extract --parser none
  {"doc_id":"<stdin>","index":0,"type":"direct","quote":{"text":"سنواصل العمل","start":14,"end":26},
   "cue":{"text":"وقال","lemma":"قال","start":0,"end":4},"speaker":{"name":"الوزير",...},"confidence":0.9}

  # continue a run that was interrupted
  quotes extract news.jsonl --emit docs -o out.jsonl --resume

A record that cannot be read or processed is reported on stderr as
"quotes: FILE:LINE: reason" and, with --emit docs, written as the input record
plus "error", so the output has one line per input record (blank lines are not
records). Exit status: 0 all records succeeded, 1 some failed, 2 usage error or
models that cannot be loaded.
"""

EVALUATE_EXAMPLES = """\
examples:
  # run the extractor on the gold texts and score it
  quotes evaluate gold.jsonl --parser none

  # score saved predictions (output of quotes extract, either --emit)
  quotes evaluate gold.jsonl --pred predictions.jsonl --json
"""

MAIN_EXAMPLES = """\
examples:
  quotes extract news.jsonl --emit docs -o out.jsonl
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
        if self.above_progress_bar:
            from tqdm import tqdm
            tqdm.write(f"{PROG}: {message}", file=stream)
        else:
            print(f"{PROG}: {message}", file=stream, flush=True)


def positive_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def encoding_name(value: str) -> str:
    try:
        check_encoding(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parser", choices=PARSERS, default="stanza",
                        help="stanza: rules plus dependency parse and named-entity tagger (default); none: rules only")
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
    extract.add_argument("--timeout", type=float, default=0.0, metavar="SECONDS",
                         help="fail a document that takes longer (per window of a long one; "
                              "not with --engine dask; default: 0, no limit)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on stderr (default: when stderr is a terminal)")
    extract.add_argument("--fail-fast", action="store_true", help="stop at the first record that fails")
    extract.add_argument("--resume", action="store_true",
                         help="with -o: skip documents already in the output file and append")

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
        return evaluate_command(args, report)
    except QuotesError as e:  # models that cannot be loaded, a missing engine
        report(f"error: {e}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        report("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (quotes extract ... | head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED


def extract_command(args: argparse.Namespace, parser: argparse.ArgumentParser, report: Reporter) -> int:
    if args.resume and not args.output:
        parser.error("--resume needs -o FILE")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    read_options = ReadOptions(text_field=args.text_field, id_field=args.id_field, encoding=args.encoding,
                               decode_errors=args.decode_errors, format=args.format)
    options = ExtractorOptions(parser=args.parser, models=args.models, max_chars=args.max_chars,
                               timeout=max(0.0, args.timeout),
                               batch_size=max(1, min(args.chunk_size or DEFAULT_CHUNK_SIZE, 64)))
    done: set[str] = set()
    if args.resume:
        done = prepare_resume(args.output, args.emit, args.id_field, report)
    if not args.paths and sys.stdin.isatty():
        report("reading documents from the terminal; end with Ctrl-D (see quotes extract --help)")
    items: Iterator[InputItem] = iter_inputs(args.paths, read_options, report)
    items = DuplicateIds(report).check(items)
    if done:
        items = (item for item in items if item.doc_id not in done)
    chunk_size = args.chunk_size or DEFAULT_CHUNK_SIZE
    if args.engine == "dask":
        from .dask import run_distributed
        chunks = run_distributed(items, options, scheduler=args.scheduler, jobs=args.jobs,
                                 chunk_size=chunk_size)
    else:
        chunks = run(items, options, jobs=args.jobs, chunk_size=chunk_size)
    show_progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        sink = OutputSink(args.output, append=args.resume)
    except OSError as e:
        parser.error(f"cannot write {args.output}: {e.strerror}")
    # closing: a --fail-fast stop shuts the workers down now, not at garbage collection
    with sink, contextlib.closing(chunks):
        failed = write_results(chunks, sink, args.emit, report, show_progress, args.fail_fast)
    return EXIT_FAILED if failed else EXIT_OK


def write_results(chunks: Iterable[list[DocResult]], sink: OutputSink, emit: str, report: Reporter,
                  show_progress: bool, fail_fast: bool) -> int:
    """Writes results chunk by chunk; returns the number of failed records."""
    from tqdm import tqdm

    failed = records = 0
    report.above_progress_bar = show_progress
    with tqdm(unit=" docs", file=sys.stderr, disable=not show_progress, dynamic_ncols=True,
              desc=PROG) as progress:
        for chunk in chunks:
            for result in chunk:
                records += 1
                sink.add(output_lines(result, emit))
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


def evaluate_command(args: argparse.Namespace, report: Reporter) -> int:
    from .evaluate import evaluate, format_table, load_gold, load_predictions, predict_gold_texts

    try:
        gold = load_gold(args.gold)
        if args.pred:
            preds = load_predictions(args.pred, {str(d["id"]): d["text"] for d in gold})
            title = f"{args.pred} against {args.gold}"
        else:
            extractor = build_extractor(ExtractorOptions(parser=args.parser, models=args.models))
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
