"""``quotes show``: documents as a self-contained HTML page with every quote highlighted.

Each quote is coloured by type; its cue is underlined and its speaker's mention boxed
and linked to the quote; hovering a quote shows its speaker, role, gender and
confidence, which a numbered tag beside it also links to. Each document ends with the
list of its speakers. The page has inline CSS only, loads nothing from the network and
is written right to left (``dir="rtl"``).
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping, Sequence

import attrs

TYPE_LABELS = {"direct": "direct (quotation marks)", "indirect": "indirect (قال إن …)",
               "mixed": "mixed", "reported": "reported (أكد دعمه …)", "according": "according to (بحسب …)"}

CSS = """
:root { --direct:#fde68a; --indirect:#bfdbfe; --mixed:#ddd6fe; --reported:#bbf7d0; --according:#fecaca; }
body { font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Noto Sans Arabic", "Geeza Pro",
       "Segoe UI", Tahoma, "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 60rem;
       padding: 1rem 1.5rem; line-height: 2.1; color: #111; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
.text { white-space: pre-wrap; font-size: 1.15rem; }
.q { border-radius: 3px; padding: 0.1em 0; }
.q.direct { background: var(--direct); } .q.indirect { background: var(--indirect); }
.q.mixed { background: var(--mixed); } .q.reported { background: var(--reported); }
.q.according { background: var(--according); }
.cue { text-decoration: underline 2px #b45309; text-underline-offset: 0.35em; font-weight: bold; }
.mention { outline: 2px solid #1d4ed8; border-radius: 3px; color: #1d4ed8; text-decoration: none; }
.tag { font-size: 0.7rem; vertical-align: super; background: #374151; color: #fff; border-radius: 0.6em;
       padding: 0 0.4em; margin: 0 0.15em; text-decoration: none; }
.legend span { display: inline-block; padding: 0 0.5em; margin: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.95rem; }
th, td { border: 1px solid #ddd; padding: 0.1rem 0.6rem; text-align: right; }
th { background: #f3f4f6; }
.legend, .meta, h1, h2 { direction: ltr; text-align: right; unicode-bidi: plaintext; }
.index li { margin: 0.1rem 0; } .error { color: #b91c1c; } .meta { color: #555; font-size: 0.9rem; }
"""


@attrs.frozen
class ShownDocument:
    """A document and its quotes (``Quote.to_dict()`` form), or the error it gave."""

    doc_id: str
    text: str
    quotes: Sequence[Mapping[str, Any]] = ()
    error: str | None = None


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def quote_summary(quote: Mapping[str, Any]) -> str:
    """One line on a quote: type, speaker, role, gender, confidence (the hover text)."""
    speaker = quote.get("speaker") or {}
    parts = [quote.get("type", "?")]
    parts.append(f"speaker: {speaker.get('name')}" if speaker else "speaker: unknown")
    if speaker.get("role"):
        parts.append(f"role: {speaker['role']}")
    if speaker:
        parts.append(f"kind: {speaker.get('kind')}")
    if speaker.get("gender"):
        parts.append(f"gender: {speaker['gender']}")
    cue = quote.get("cue") or {}
    if cue:
        parts.append(f"cue: {cue.get('text')} ({cue.get('lemma')})")
    parts.append(f"confidence: {quote.get('confidence')}")
    return " · ".join(parts)


def render_text(text: str, quotes: Sequence[Mapping[str, Any]], anchor: str) -> str:
    """The document text as HTML, cut at every span boundary; each piece carries the
    classes of the quote, cue and mention that cover it."""
    spans: list[tuple[int, int, str, int]] = []  # start, end, what, quote number
    for n, q in enumerate(quotes):
        for what, span in (("q", q.get("quote")), ("cue", q.get("cue")),
                           ("mention", (q.get("speaker") or {}).get("mention"))):
            if span and 0 <= span["start"] < span["end"] <= len(text):
                spans.append((span["start"], span["end"], what, n))
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    out: list[str] = []
    opened: set[int] = set()
    for a, b in zip(cuts, cuts[1:]):
        covering = [(what, n) for s, e, what, n in spans if s <= a and b <= e]
        piece = _e(text[a:b])
        if not covering:
            out.append(piece)
            continue
        classes: list[str] = []
        attributes = ""
        for what, n in covering:
            if what == "q":
                classes += ["q", str(quotes[n].get("type", ""))]
                attributes = f' title="{_e(quote_summary(quotes[n]))}" data-quote="{n}"'
                if n not in opened:
                    opened.add(n)
                    attributes += f' id="{anchor}-q{n}"'
            else:
                classes.append(what)
        mention = next((n for what, n in covering if what == "mention"), None)
        if mention is not None:
            title = f' title="{_e(quote_summary(quotes[mention]))}"' if "title=" not in attributes else ""
            out.append(f'<a class="{" ".join(dict.fromkeys(classes))}" href="#{anchor}-q{mention}"'
                       f'{attributes}{title} data-mention="{mention}">{piece}</a>')
        else:
            out.append(f'<span class="{" ".join(dict.fromkeys(classes))}"{attributes}>{piece}</span>')
        for s, e, what, n in spans:
            if what == "q" and e == b:
                out.append(f'<a class="tag" href="#{anchor}-l{n}" title="{_e(quote_summary(quotes[n]))}">{n + 1}</a>')
    return "".join(out)


def speakers_table(quotes: Sequence[Mapping[str, Any]], anchor: str) -> str:
    """The document's speakers with their quotes (numbers link to the highlights)."""
    rows: dict[str, dict[str, Any]] = {}
    for n, q in enumerate(quotes):
        speaker = q.get("speaker") or {}
        name = speaker.get("name") or "(unknown)"
        row = rows.setdefault(name, {"speaker": speaker, "quotes": []})
        row["quotes"].append(n)
    lines = ["<table><tr><th>speaker</th><th>role</th><th>kind</th><th>gender</th><th>quotes</th></tr>"]
    for name, row in rows.items():
        speaker = row["speaker"]
        links = " ".join(f'<a id="{anchor}-l{n}" href="#{anchor}-q{n}">{n + 1}</a>' for n in row["quotes"])
        lines.append(f"<tr><td>{_e(name)}</td><td>{_e(speaker.get('role') or '')}</td>"
                     f"<td>{_e(speaker.get('kind') or '')}</td><td>{_e(speaker.get('gender') or '')}</td>"
                     f"<td>{links}</td></tr>")
    lines.append("</table>")
    return "\n".join(lines)


def render_document(doc: ShownDocument, number: int) -> str:
    anchor = f"d{number}"
    head = f'<h2 id="{anchor}">{_e(doc.doc_id)}</h2>'
    if doc.error is not None:
        return f'<section class="doc">{head}<p class="error">{_e(doc.error)}</p></section>'
    body = render_text(doc.text, doc.quotes, anchor)
    table = speakers_table(doc.quotes, anchor) if doc.quotes else '<p class="meta">no quotes found</p>'
    return (f'<section class="doc" data-quotes="{len(doc.quotes)}">{head}'
            f'<p class="meta">{len(doc.quotes)} quotes</p><div class="text">{body}</div>'
            f"<h3>speakers</h3>{table}</section>")


def legend() -> str:
    items = "".join(f'<span class="q {t}">{_e(label)}</span>' for t, label in TYPE_LABELS.items())
    return (f'<p class="legend">{items} <span class="cue">cue</span> '
            f'<span class="mention">speaker</span></p>')


def render_page(docs: Iterable[ShownDocument], title: str = "quotes", index: bool = True) -> str:
    """One HTML page for all ``docs``, with an index when there are several."""
    docs = list(docs)
    sections = [render_document(doc, n) for n, doc in enumerate(docs)]
    listing = ""
    if index and len(docs) > 1:
        entries = "".join(f'<li><a href="#d{n}">{_e(d.doc_id)}</a> '
                          f'<span class="meta">({"error" if d.error else f"{len(d.quotes)} quotes"})</span></li>'
                          for n, d in enumerate(docs))
        listing = f'<ol class="index">{entries}</ol>'
    return page(title, legend() + listing + "".join(sections))


def page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n"
            f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{CSS}</style></head>\n<body><h1>{_e(title)}</h1>\n{body}\n</body></html>\n")


def index_page(docs: Sequence[tuple[str, str, int | None]], title: str = "quotes") -> str:
    """The index of a folder of pages: (file name, doc_id, number of quotes or None)."""
    entries = "".join(f'<li><a href="{_e(file)}">{_e(doc_id)}</a> <span class="meta">'
                      f'({"error" if n is None else f"{n} quotes"})</span></li>' for file, doc_id, n in docs)
    return page(title, f'<ol class="index">{entries}</ol>')
