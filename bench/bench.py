"""Throughput and memory of the extraction paths, on real news (``make bench``).

Paths, each run in its own process so that peak RSS is its own:

- product: ``Extractor(parser="stanza")``, parsing only the sentences with a cue;
- naive:   ``Extractor(parser="stanza", parse_everything=True)``, the full Stanza
           pipeline over every sentence, then the same attribution;
- rules:   ``Extractor(parser="none")``, the rule layer alone.

The product and rules paths run three times (``--runs``), each in a fresh process, and
the fastest run is reported beside the times of all: on a shared machine the speed of
one run varies by a fifth from run to run. Then ``quotes extract --jobs 1`` against
``--jobs 2`` through the command line.

    python bench/bench.py                      # first >= 100k words of ../shared/data/news-raw
    python bench/bench.py --corpus news.jsonl --words 20000 --json
"""

from __future__ import annotations

import argparse
import gzip
import inspect
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news-raw"
PATHS = {
    "product": {"parser": "stanza"},
    "naive": {"parser": "stanza", "parse_everything": True},
    "rules": {"parser": "none"},
}


# --- corpus ------------------------------------------------------------------------

def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records with a string text from a JSONL file (optionally .gz)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str) and record["text"].strip():
                yield record


def corpus_files(corpus: Path) -> list[Path]:
    if corpus.is_dir():
        return sorted(p for p in corpus.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz")))
    return [corpus]


def load_corpus(corpus: Path, words: int) -> list[dict[str, str]]:
    """The first articles totalling at least ``words`` words, taken in turn from each
    file so that every source is represented."""
    streams = [iter_records(p) for p in corpus_files(corpus)]
    if not streams:
        raise SystemExit(f"bench: no .jsonl or .jsonl.gz files in {corpus}")
    docs, total = [], 0
    for record in _round_robin(streams):
        docs.append({"id": str(record.get("id", len(docs))), "text": record["text"]})
        total += len(record["text"].split())
        if total >= words:
            break
    return docs


def _round_robin(streams: list[Iterator[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    for group in itertools.zip_longest(*streams):
        yield from (record for record in group if record is not None)


# --- one path, in a child process --------------------------------------------------

def run_path(name: str, corpus: Path, quotes_out: Path, models: str | None) -> dict[str, Any]:
    """Extract the whole corpus with one path; the child-process side of ``measure``."""
    sys.path.insert(0, str(REPO))
    from quotes import Extractor, ModelError, QuotesError

    options: dict[str, Any] = dict(PATHS[name])
    if options["parser"] == "stanza" and models:
        options["models"] = models
    if "parse_everything" in options and "parse_everything" not in inspect.signature(Extractor).parameters:
        return {"path": name, "status": "unavailable", "reason": "Extractor has no parse_everything option"}
    docs = list(iter_records(corpus))
    words = sum(len(d["text"].split()) for d in docs)
    start = time.perf_counter()
    try:
        extractor = Extractor(**options)
        extractor.parser  # noqa: B018 -- load the models now, timed apart
    except (ModelError, QuotesError, ImportError, OSError) as e:
        return {"path": name, "status": "skipped", "reason": str(e)}
    loaded = time.perf_counter()
    n_quotes = 0
    with open(quotes_out, "w", encoding="utf-8") as out:
        for doc, quotes in zip(docs, extractor.extract_many((d["id"], d["text"]) for d in docs)):
            n_quotes += len(quotes)
            out.write(json.dumps([q.to_dict() for q in quotes], ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - loaded
    return {
        "path": name, "status": "ok", "docs": len(docs), "words": words, "quotes": n_quotes,
        "load_seconds": round(loaded - start, 3), "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds, 1), "docs_per_second": round(len(docs) / seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "parse_stats": dict(getattr(extractor, "parse_stats", {}) or {}),
    }


def measure(name: str, corpus: Path, workdir: Path, models: str | None) -> dict[str, Any]:
    """Run one path in a fresh process (its own peak RSS) and read its report."""
    quotes_out = workdir / f"{name}.quotes.jsonl"
    proc = subprocess.run([sys.executable, __file__, "--run-path", name, "--corpus", str(corpus),
                           "--quotes-out", str(quotes_out)] + (["--models", models] if models else []),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return {"path": name, "status": "failed", "reason": proc.stderr.strip().splitlines()[-1:]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["quotes_file"] = str(quotes_out)
    return result


def same_quotes(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any] | None:
    """Whether two paths found the same quotes (spans, types, speakers), per document."""
    if a.get("status") != "ok" or b.get("status") != "ok":
        return None
    with open(a["quotes_file"], encoding="utf-8") as fa, open(b["quotes_file"], encoding="utf-8") as fb:
        pairs = [(json.loads(x), json.loads(y)) for x, y in zip(fa, fb)]

    def key(quotes: list[dict[str, Any]]) -> list[tuple]:
        return [(q["type"], q["quote"]["start"], q["quote"]["end"],
                 (q["speaker"] or {}).get("name")) for q in quotes]

    differing = sum(key(x) != key(y) for x, y in pairs)
    return {"same": differing == 0, "documents_differing": differing, "documents": len(pairs)}


def time_cli(corpus: Path, jobs: int, parser: str, models: str | None) -> dict[str, Any]:
    """Wall time of ``quotes extract`` over the corpus with ``jobs`` processes, and the
    peak RSS of its largest process (run from a child, whose RUSAGE_CHILDREN is theirs)."""
    command = [sys.executable, "-m", "quotes.cli", "extract", str(corpus), "--parser", parser,
               "--jobs", str(jobs), "-o", os.devnull, "--no-progress"]
    if models and parser == "stanza":
        command += ["--models", models]
    proc = subprocess.run([sys.executable, __file__, "--run-cli", json.dumps(command)],
                          capture_output=True, text=True, cwd=REPO)
    try:
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        result = {"returncode": None, "stderr": proc.stderr}
    if result["returncode"] not in (0, 1):
        return {"jobs": jobs, "status": "failed", "reason": result["stderr"].strip().splitlines()[-1:]}
    return {"jobs": jobs, "status": "ok", "parser": parser, "seconds": result["seconds"],
            "largest_process_peak_rss_mb": result["peak_rss_mb"]}


def best_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of repeated runs (the least disturbed by other work on the machine),
    with the times of all of them."""
    ok = [r for r in runs if r["status"] == "ok"]
    if not ok:
        return runs[-1]
    best = dict(min(ok, key=lambda r: r["seconds"]))
    best["all_seconds"] = [r["seconds"] for r in ok]
    return best


def run_cli(command: list[str]) -> dict[str, Any]:
    """The child side of ``time_cli``."""
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    return {"returncode": proc.returncode, "stderr": proc.stderr[-2000:],
            "seconds": round(time.perf_counter() - start, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


# --- report ------------------------------------------------------------------------

def markdown(report: dict[str, Any]) -> str:
    corpus = report["corpus"]
    lines = [f"## quotes benchmark: {corpus['docs']} documents, {corpus['words']:,} words ({corpus['source']})", "",
             "| path | status | words/s | docs/s | quotes | seconds (best) | all runs, s | model load s | peak RSS MB | × rules speed |",
             "|---|---|---:|---:|---:|---:|---|---:|---:|---:|"]
    rules = report["paths"].get("rules", {})
    for name, r in report["paths"].items():
        if r.get("status") != "ok":
            lines.append(f"| {name} | {r.get('status')}: {r.get('reason')} | | | | | | | | |")
            continue
        ratio = (f"{r['words_per_second'] / rules['words_per_second']:.3f}"
                 if rules.get("status") == "ok" else "")
        runs = ", ".join(f"{t:.2f}" for t in r.get("all_seconds", [r["seconds"]]))
        lines.append(f"| {name} | ok | {r['words_per_second']:,.0f} | {r['docs_per_second']:,.1f} | "
                     f"{r['quotes']} | {r['seconds']:.2f} | {runs} | {r['load_seconds']:.2f} | {r['peak_rss_mb']:.0f} | {ratio} |")
    product, naive = report["paths"].get("product", {}), report["paths"].get("naive", {})
    lines.append("")
    if product.get("status") == "ok" and naive.get("status") == "ok":
        lines.append(f"product is {product['words_per_second'] / naive['words_per_second']:.2f}× "
                     f"the speed of the naive path")
    comparison = report.get("product_vs_naive")
    if comparison is None:
        lines.append("product vs naive quotes: not compared (a path did not run)")
    else:
        lines.append(f"product vs naive quotes: {'identical' if comparison['same'] else 'different'} "
                     f"({comparison['documents_differing']} of {comparison['documents']} documents differ)")
    cli = report.get("cli", [])
    if cli:
        lines += ["", "| quotes extract | parser | wall s (best) | all runs, s | speed-up | largest process peak RSS MB |",
                  "|---|---|---:|---|---:|---:|"]
        base = next((c["seconds"] for c in cli if c.get("status") == "ok" and c["jobs"] == 1), None)
        for c in cli:
            if c.get("status") != "ok":
                lines.append(f"| --jobs {c['jobs']} | failed: {c.get('reason')} | | | | |")
                continue
            speedup = f"{base / c['seconds']:.2f}" if base else ""
            runs = ", ".join(f"{t:.2f}" for t in c.get("all_seconds", [c["seconds"]]))
            lines.append(f"| --jobs {c['jobs']} | {c['parser']} | {c['seconds']:.2f} | {runs} | {speedup} | "
                         f"{c['largest_process_peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="a JSONL file (optionally .gz) or a folder of them (default: %(default)s)")
    parser.add_argument("--words", type=int, default=100_000, help="corpus size in words (default: 100000)")
    parser.add_argument("--paths", default="product,naive,rules", help="paths to run, comma-separated")
    parser.add_argument("--no-cli", action="store_true", help="skip the --jobs 1 / --jobs 2 timing")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of the product and rules paths, each in a fresh process; the fastest "
                             "is reported (default: 3; the naive path, minutes a run, runs once)")
    parser.add_argument("--cli-runs", type=int, default=3,
                        help="runs of each --jobs timing; the fastest is reported (default: 3)")
    parser.add_argument("--models", default=None, metavar="DIR|stanza",
                        help="Stanza models for the product and naive paths (default: the bundled ones)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--run-path", choices=PATHS, help=argparse.SUPPRESS)
    parser.add_argument("--quotes-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run-cli", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run_cli:  # the child process that times one command-line run
        print(json.dumps(run_cli(json.loads(args.run_cli))))
        return 0
    if args.run_path:  # the child process of one path
        print(json.dumps(run_path(args.run_path, args.corpus, args.quotes_out, args.models)))
        return 0

    if not args.corpus.exists():
        parser.error(f"corpus not found: {args.corpus} (give one with --corpus)")
    docs = load_corpus(args.corpus, args.words)
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        report: dict[str, Any] = {"corpus": {"source": str(args.corpus), "docs": len(docs),
                                             "words": sum(len(d["text"].split()) for d in docs)},
                                  "paths": {}}
        for name in [p.strip() for p in args.paths.split(",") if p.strip()]:
            runs_of_path = 1 if name == "naive" else max(1, args.runs)
            attempts = []
            for attempt in range(runs_of_path):
                print(f"bench: {name} (run {attempt + 1}/{runs_of_path}) ...", file=sys.stderr, flush=True)
                attempts.append(measure(name, corpus, workdir, args.models))
            report["paths"][name] = best_run(attempts)
        report["product_vs_naive"] = same_quotes(report["paths"].get("product", {}),
                                                 report["paths"].get("naive", {}))
        if not args.no_cli:
            cli_parser = "stanza" if report["paths"].get("product", {}).get("status") == "ok" else "none"
            runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
            for attempt in range(args.cli_runs):  # alternated, so that a busy moment hits both
                for jobs in (1, 2):
                    print(f"bench: quotes extract --jobs {jobs} (run {attempt + 1}/{args.cli_runs}) ...",
                          file=sys.stderr, flush=True)
                    runs[jobs].append(time_cli(corpus, jobs, cli_parser, args.models))
            report["cli"] = [best_run(runs[jobs]) for jobs in (1, 2)]
        for r in report["paths"].values():
            r.pop("quotes_file", None)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
