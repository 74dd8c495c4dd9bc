"""Shared test helpers: running the ``quotes`` command and a few Arabic sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import orjson
import pytest

SAID = 'وقال الوزير: "سنواصل العمل".'
ADDED = "وأضاف أن الحكومة ستدعم القطاع الزراعي."
INDIRECT = "قال الرئيس إن البلاد بخير."
NO_QUOTE = "انخفضت أسعار النفط اليوم في الأسواق العالمية."

RunQuotes = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def run_quotes(tmp_path: Path) -> RunQuotes:
    """Runs ``quotes ARGS`` in ``tmp_path``; stdout and stderr are bytes."""
    def run(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "quotes.cli", *args], input=stdin,
                              capture_output=True, cwd=tmp_path, timeout=timeout)
    return run


def write_jsonl(path: Path, records: list) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def read_jsonl(data: bytes) -> list:
    return [orjson.loads(line) for line in data.splitlines() if line.strip()]


def assert_spans(text: str, quotes: list) -> None:
    """Every quote, cue and mention span indexes ``text``: text[start:end] == span text."""
    for q in quotes:
        assert text[q.quote.start:q.quote.end] == q.quote.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start:m.end] == m.text
