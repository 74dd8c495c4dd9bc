"""Who is quoted, and how often: counts over the output of ``quotes extract``.

Speakers are matched across documents by a canonical key (:func:`speaker_key`), so
that one person written in different spellings counts once: the folding of
:func:`quotes.normalize.fold` (hamza forms, ى/ي, ة/ه, diacritics, tatweel), then the
article ال dropped from each word, and the letters that transliterate one Latin
sound written alike (غ/ج/گ for g: هيغ، هيج; ڤ/ف for v; پ/ب for p; چ/ج). A person named
by a family name alone (ماكرون) is then merged with the one person quoted under a fuller
name that ends with it (:func:`merge_family_names`).
"""

from __future__ import annotations

import collections
import csv
import gzip
import io
import sys
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

import attrs
import orjson

from .normalize import fold

STATS_FORMATS = ("table", "csv", "json")
_TRANSLITERATION = str.maketrans({"غ": "ج", "گ": "ج", "چ": "ج", "ڤ": "ف", "پ": "ب", "ڨ": "ج"})


def speaker_key(name: str) -> str:
    """The key that matches one speaker's spellings across documents.

    >>> speaker_key("وليام هيغ") == speaker_key("ويليام هيج")
    False
    >>> speaker_key("وليام هيغ") == speaker_key("وليام هيج")
    True
    >>> speaker_key("محمد البرادعي") == speaker_key("مُحمّد البرادعى")
    True
    """
    words = []
    for word in fold(name).translate(_TRANSLITERATION).split():
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        words.append(word)
    return " ".join(words)


@attrs.define
class SpeakerCount:
    """One speaker across the documents: how often, where, and as whom."""

    key: str
    names: collections.Counter = attrs.field(factory=collections.Counter)
    kinds: collections.Counter = attrs.field(factory=collections.Counter)
    roles: collections.Counter = attrs.field(factory=collections.Counter)
    genders: collections.Counter = attrs.field(factory=collections.Counter)
    quotes: int = 0
    documents: set = attrs.field(factory=set)
    first_document: str = ""
    last_document: str = ""
    first_seen: int = 0  # the quote numbers (input order) of its first and last quote
    last_seen: int = 0

    @property
    def name(self) -> str:
        """The fullest of its names, the most frequent among equals."""
        return max(self.names.items(), key=lambda item: (len(item[0].split()), item[1]))[0]

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]

    @property
    def gender(self) -> str | None:
        """The gender its quotes give, when they agree (None when none or both)."""
        found = [g for g in self.genders if g]
        return found[0] if len(found) == 1 else None

    def row(self) -> dict[str, Any]:
        return {"speaker": self.name, "key": self.key, "kind": self.kind,
                "roles": [r for r, _ in self.roles.most_common(3)], "gender": self.gender,
                "quotes": self.quotes, "documents": len(self.documents),
                "first_document": self.first_document, "last_document": self.last_document}


@attrs.define
class Stats:
    """Counts over quotes: per speaker, and totals by type, kind, gender and fields."""

    by_fields: tuple[str, ...] = ()
    speakers: dict[str, SpeakerCount] = attrs.field(factory=dict)
    by_type: collections.Counter = attrs.field(factory=collections.Counter)
    by_kind: collections.Counter = attrs.field(factory=collections.Counter)
    by_gender: collections.Counter = attrs.field(factory=collections.Counter)
    by_field: dict[str, collections.Counter] = attrs.field(factory=dict)
    quotes: int = 0
    documents: set = attrs.field(factory=set)

    def add(self, quote: dict[str, Any], record: dict[str, Any] | None = None) -> None:
        """Counts one quote (a ``quotes extract`` quote object); ``record`` is the
        document record it came in (``--emit docs``), for the ``--by`` fields."""
        doc_id = str(quote.get("doc_id") if quote.get("doc_id") is not None
                     else (record or {}).get("doc_id", (record or {}).get("id", "")))
        self.quotes += 1
        self.documents.add(doc_id)
        self.by_type[quote.get("type") or "?"] += 1
        speaker = quote.get("speaker") or None
        self.by_kind[speaker.get("kind", "unknown") if speaker else "none"] += 1
        if not speaker:
            self.by_gender["none"] += 1
        elif speaker.get("kind") != "person":
            self.by_gender["not a person"] += 1  # organisations, documents, groups, anonymous
        else:
            self.by_gender[speaker.get("gender") or "unknown"] += 1
        for field in self.by_fields:
            value = quote.get(field, (record or {}).get(field))
            self.by_field.setdefault(field, collections.Counter())[_label(value)] += 1
        if not speaker or not speaker.get("name"):
            return
        key = speaker_key(speaker["name"])
        count = self.speakers.get(key)
        if count is None:
            count = self.speakers[key] = SpeakerCount(key, first_document=doc_id, first_seen=self.quotes)
        count.names[speaker["name"]] += 1
        count.kinds[speaker.get("kind") or "unknown"] += 1
        if speaker.get("role"):
            count.roles[speaker["role"]] += 1
        count.genders[speaker.get("gender")] += 1
        count.quotes += 1
        count.documents.add(doc_id)
        count.last_document = doc_id
        count.last_seen = self.quotes

    def ranked(self) -> list[SpeakerCount]:
        """Speakers by number of quotes, then of documents, then name."""
        return sorted(merge_family_names(self.speakers).values(),
                      key=lambda c: (-c.quotes, -len(c.documents), c.name))

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        ranked = self.ranked()
        return {"quotes": self.quotes, "documents": len(self.documents), "speakers": len(ranked),
                "by_type": dict(self.by_type.most_common()), "by_kind": dict(self.by_kind.most_common()),
                "by_gender": dict(self.by_gender.most_common()),
                "by_field": {f: dict(c.most_common()) for f, c in self.by_field.items()},
                "ranking": [c.row() for c in (ranked[:top] if top else ranked)]}


def merge_family_names(speakers: dict[str, SpeakerCount]) -> dict[str, SpeakerCount]:
    """A person named by one word in some documents (ماكرون) is the person whose fuller
    name ends with that word (إيمانويل ماكرون), when exactly one such person is quoted;
    a word that ends several names (محمد) is left alone."""
    by_last: dict[str, list[str]] = {}
    for key, count in speakers.items():
        words = key.split()
        if len(words) > 1 and count.kind == "person":
            by_last.setdefault(words[-1], []).append(key)
    merged = dict(speakers)
    for key, count in speakers.items():
        fuller = by_last.get(key, [])
        if " " in key or count.kind != "person" or len(fuller) != 1:
            continue
        merged[fuller[0]] = _merged(merged[fuller[0]], count)
        del merged[key]
    return merged


def _merged(a: SpeakerCount, b: SpeakerCount) -> SpeakerCount:
    first, last = min((a, b), key=lambda c: c.first_seen), max((a, b), key=lambda c: c.last_seen)
    return SpeakerCount(a.key, a.names + b.names, a.kinds + b.kinds, a.roles + b.roles, a.genders + b.genders,
                        a.quotes + b.quotes, a.documents | b.documents, first.first_document,
                        last.last_document, first.first_seen, last.last_seen)


def _label(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value
    return orjson.dumps(value).decode()


def read_extract_output(paths: Sequence[str], warn: Callable[[str], None]
                        ) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """(quote, document record or None) for every quote in ``quotes extract`` output:
    one quote a line (``--emit quotes``) or one document a line (``--emit docs``)."""
    for path in list(paths) or ["-"]:
        stream = _open(path)
        name = "<stdin>" if path == "-" else path
        try:
            for number, raw in enumerate(stream, 1):
                if not raw.strip():
                    continue
                try:
                    record = orjson.loads(raw)
                except orjson.JSONDecodeError as e:
                    warn(f"{name}:{number}: not JSON: {e}")
                    continue
                if not isinstance(record, dict):
                    warn(f"{name}:{number}: not a JSON object")
                elif isinstance(record.get("quotes"), list):
                    for quote in record["quotes"]:
                        if isinstance(quote, dict):
                            yield quote, record
                elif "quote" in record and "type" in record:
                    yield record, None
                elif "error" not in record:
                    warn(f"{name}:{number}: neither a quote nor a document with \"quotes\"")
        finally:
            if path != "-":
                stream.close()


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # type: ignore[return-value]


def compute(paths: Sequence[str], by_fields: Iterable[str], warn: Callable[[str], None]) -> Stats:
    stats = Stats(tuple(by_fields))
    for quote, record in read_extract_output(paths, warn):
        stats.add(quote, record)
    return stats


# --- formatting ----------------------------------------------------------------------

RANKING_COLUMNS = ("rank", "speaker", "quotes", "documents", "kind", "gender", "roles",
                   "first_document", "last_document")


def format_table(stats: Stats, top: int) -> str:
    """A plain-text report: the ranking, then the totals."""
    ranked = stats.ranked()
    rows = [[str(i), c.name, str(c.quotes), str(len(c.documents)), c.kind, c.gender or "-",
             "، ".join(r for r, _ in c.roles.most_common(2)) or "-", c.first_document, c.last_document]
            for i, c in enumerate(ranked[:top] if top else ranked, 1)]
    header = ["#", "speaker", "quotes", "docs", "kind", "gender", "roles", "first document", "last document"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    lines = [f"{stats.quotes} quotes in {len(stats.documents)} documents; {len(ranked)} speakers", ""]
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip())
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    if top and len(ranked) > top:
        lines.append(f"… {len(ranked) - top} more (--top 0 for all)")
    for title, counter in [("type", stats.by_type), ("speaker kind", stats.by_kind),
                           ("gender", stats.by_gender)] + [(f, c) for f, c in stats.by_field.items()]:
        lines += ["", f"by {title}:"]
        lines += [f"  {label:<20} {n:>8}  {n / max(1, stats.quotes):6.1%}" for label, n in counter.most_common()]
    return "\n".join(lines) + "\n"


def format_csv(stats: Stats, top: int) -> bytes:
    """The ranking as CSV (UTF-8 with BOM, for spreadsheet programs)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(RANKING_COLUMNS)
    for i, c in enumerate(stats.ranked()[:top] if top else stats.ranked(), 1):
        row = c.row()
        writer.writerow([i, row["speaker"], row["quotes"], row["documents"], row["kind"], row["gender"] or "",
                         "; ".join(row["roles"]), row["first_document"], row["last_document"]])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8", errors="replace")
