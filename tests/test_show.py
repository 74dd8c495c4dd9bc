"""``quotes show``: the HTML highlights, and the page as a real browser renders it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

from quotes import Extractor
from quotes.show import ShownDocument, render_page, render_text

from conftest import write_jsonl

ROOT = Path(__file__).resolve().parents[1]
NONE = ("--parser", "none")
# Sentences written for these tests: a direct quote, an indirect one, and markup to escape.
TEXT = ('وقالت المديرة هدى سالم: "سنفتح المكتبة <يوم> السبت".\n'
        'وقال المهندس كريم ناصر إن الجسر سيكتمل قريبا.')


def quotes_of(text: str) -> list[dict]:
    return [q.to_dict() for q in Extractor(parser="none").extract(text, "t")]


def test_quotes_cues_and_mentions_are_marked_and_linked():
    quotes = quotes_of(TEXT)
    assert [q["type"] for q in quotes] == ["direct", "indirect"]
    body = render_text(TEXT, quotes, "d0")
    assert '<span class="q direct" title="direct · speaker: هدى سالم' in body
    assert 'id="d0-q0"' in body and 'id="d0-q1"' in body
    assert re.search(r'<a class="mention" href="#d0-q1"[^>]*>كريم ناصر</a>', body)
    assert '<span class="cue">وقالت</span>' in body
    assert "&lt;يوم&gt;" in body and "<يوم>" not in body  # the text is escaped
    # nothing of the text is lost or added: the markup removed gives the text back
    plain = re.sub(r'<a class="tag"[^>]*>\d+</a>', "", body)
    assert re.sub(r"<[^>]+>", "", plain).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') == TEXT


def test_page_is_rtl_self_contained_with_an_index_and_speaker_lists():
    docs = [ShownDocument("a", TEXT, quotes_of(TEXT)), ShownDocument("b", "", error="empty file")]
    page = render_page(docs, title="t")
    assert '<html lang="ar" dir="rtl">' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert '<a href="#d0">a</a>' in page and '<a href="#d1">b</a>' in page
    assert "<td>هدى سالم</td><td>المديرة</td><td>person</td><td>female</td>" in page
    assert '<p class="error">empty file</p>' in page


def test_show_command_from_raw_text_and_from_saved_output(tmp_path, run_quotes):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    proc = run_quotes("show", "a.txt", *NONE, "-o", "page.html")
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.count('data-quote="0"') >= 1 and page.count('class="q indirect" title=') == 1
    # saved --emit docs output with the text: shown as saved, without extraction
    saved = [{"id": "s", "text": "قال فلان إن كذا.", "quotes": [
        {"type": "reported", "quote": {"text": "كذا", "start": 12, "end": 15}, "cue": None,
         "speaker": None, "confidence": 0.5}]}]
    write_jsonl(tmp_path / "out.jsonl", saved)
    proc = run_quotes("show", "out.jsonl", "--out-dir", "pages", "--models", "/nonexistent")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "pages" / "index.html").exists()
    assert '<span class="q reported"' in (tmp_path / "pages" / "doc00001.html").read_text(encoding="utf-8")
    assert run_quotes("show", "missing.txt", *NONE, "-o", "x.html").returncode == 2
    assert not (tmp_path / "x.html").exists()


# --- in a real browser ------------------------------------------------------------------

def find_browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(browser: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args], capture_output=True, timeout=120)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        filt, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if filt == 1:
                line[i] = (line[i] + a) & 255
            elif filt == 2:
                line[i] = (line[i] + b) & 255
            elif filt == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


@pytest.mark.slow
def test_the_page_in_headless_chromium(tmp_path, run_quotes):
    """Renders the sample article's page in Chromium: the DOM holds every highlighted
    quote, and the screenshot shows coloured highlights. QUOTES_SCREENSHOT=PATH also
    keeps the screenshot (docs/show.png in the README is made so)."""
    browser = find_browser()
    if browser is None:
        pytest.skip("no Chromium found (apt-get install chromium); the page is not rendered")
    shutil.copy(ROOT / "data" / "sample" / "sample.txt", tmp_path / "sample.txt")
    proc = run_quotes("show", "sample.txt", "-o", "page.html", "--title", "quotes show data/sample/sample.txt",
                      *(NONE if os.environ.get("QUOTES_SCREENSHOT") is None else ()))
    assert proc.returncode == 0, proc.stderr
    page = tmp_path / "page.html"
    expected = {m for m in re.findall(r'data-quote="(\d+)" id=', page.read_text(encoding="utf-8"))}
    assert len(expected) >= 6

    dom = run_browser(browser, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout.decode("utf-8")
    assert 'dir="rtl"' in html
    assert {m for m in re.findall(r'data-quote="(\d+)" id=', html)} == expected
    assert "مستشفيات جديدة" in html and 'class="mention"' in html and 'class="cue"' in html

    shot = tmp_path / "page.png"
    result = run_browser(browser, f"--screenshot={shot}", "--window-size=1000,1200", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    width, bpp, rows = png_pixels(shot.read_bytes())
    colours = set()
    for row in rows[::8]:
        for x in range(0, width * bpp, bpp * 8):
            colours.add(row[x:x + 3])
    assert len(colours) > 20, "the screenshot is blank"
    assert (0xFD, 0xE6, 0x8A) in {tuple(c) for c in colours}, "no direct-quote highlight in the screenshot"
    if os.environ.get("QUOTES_SCREENSHOT"):
        shutil.copy(shot, os.environ["QUOTES_SCREENSHOT"])
