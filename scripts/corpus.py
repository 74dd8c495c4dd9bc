"""Shared helpers of the lexicon-mining scripts: read a news corpus, write a lexicon."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from typing import Iterable, Iterator

import orjson
import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes.normalize import fold  # noqa: E402

ARABIC_WORD = regex.compile(r"\p{Arabic}+")


def folded_texts(paths: Iterable[str]) -> Iterator[str]:
    """Each article's folded "text" in JSONL(.gz) files."""
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            for line in f:
                yield fold(orjson.loads(line).get("text") or "")


def folded_words(paths: Iterable[str]) -> Iterator[list[str]]:
    """The folded Arabic words of each article's "text" in JSONL(.gz) files."""
    for text in folded_texts(paths):
        yield ARABIC_WORD.findall(text)


def person_name_tokens(names_dir: Path) -> Iterator[tuple[str, str]]:
    """(folded Arabic, Latin) of each line of the Wikidata person-name tokens (CC0)."""
    with open(names_dir / "wikidata_person_tokens.tsv", encoding="utf-8") as f:
        for line in f:
            arabic, latin, *_ = line.rstrip("\n").split("\t")
            yield fold(arabic), latin


def write_lexicon(path: str, header: list[str], words: Iterable[str]) -> int:
    """Write a lexicon file: ``# `` comment lines, then one word a line. Returns the count."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for line in header:
            out.write(f"# {line}\n")
        for word in words:
            out.write(word + "\n")
            n += 1
    return n
