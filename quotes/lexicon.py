"""The lexicons: speech verbs, according-to markers, titles, non-person sources and
function words, read from the text files in ``data/lexicons``.

Each file keeps one entry a line with ``#`` comments per group, so a user can extend
a lexicon without touching code (``Lexicons.load(directory)``).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable

import attrs

from .normalize import fold
from .resources import data_dir


@attrs.frozen
class Verb:
    """One speech verb: its lemma, the frame that says which quotes it takes, and the
    prepositions that may introduce a reported object."""

    lemma: str   # as written in the lexicon (أكد)
    key: str     # folded (اكد), for comparisons
    frame: str
    preps: tuple[str, ...] = ()
    takes_object: bool = False  # a say verb whose noun object is the claim (أكد التزام …)
    needs_confirmation: bool = False  # زاد، جاء: a cue only before a complementizer, colon or mark
    agent: str = ""  # the folded participle stem (كتب → كاتب): who did it (… وأكد الكاتب)
    source_in: bool = False  # جاء في بيان X: the source is the text named after في
    describes: bool = False  # وصف X بأنه Y: the claim is Y, the clause after the object
    judges: bool = False  # رفض، ندد: a noun object alone is the target judged, not a claim
    follows: bool = False  # أضاف، تابع: goes on with what the last speaker said


@attrs.frozen
class CueForm:
    """What a folded surface form is: the verb, and whether it is a participle
    (مضيفا) or a verbal noun (تأكيده)."""

    verb: Verb
    form: str  # "verb" | "participle" | "noun"
    feminine: bool = False
    plural: bool = False


# The dual ا is left out: it makes nouns of cues (ردا على سؤال); duals are listed as extra.
_PAST_SUFFIXES = {"": (False, False), "ت": (True, False), "وا": (False, True),
                  "تا": (True, True)}
# 1st person ن is left out: news attributes in the 3rd person, and نصف، نقل are nouns
_PRESENT_PREFIXES = {"ي": False, "ت": True}
_PRESENT_SUFFIXES = {"": False, "ون": True, "ان": True, "ين": True, "ن": True}
_PTC_SUFFIXES = {"": (False, False), "ا": (False, False), "اً": (False, False),
                 "ه": (True, False), "ين": (False, True), "ون": (False, True),
                 "ات": (True, True), "تين": (True, True), "ان": (False, True)}


def _read_lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def _optional_words(path: Path) -> frozenset[str]:
    """The folded words of a lexicon file that an older data folder may lack."""
    return frozenset(fold(w) for w in _read_lines(path)) if path.exists() else frozenset()


def _marked(lines: list[str], prefix: str) -> frozenset[str]:
    """The folded words of the lines with ``prefix`` (courtesy:, generic:, honorific:)."""
    return frozenset(fold(t.split(":", 1)[1]) for t in lines if t.startswith(prefix))


def _verb_forms(line: str, path: Path) -> dict[str, CueForm]:
    lemma, *fields = line.split()
    opts: dict[str, str] = {}
    for field in fields:
        key, sep, value = field.partition("=")
        if not sep:
            raise ValueError(f"{path}: bad field {field!r} in line {line!r}")
        opts[key] = value
    verb = Verb(lemma=lemma, key=fold(lemma), frame=opts.get("frame", "say"),
                preps=tuple(fold(p) for p in opts.get("prep", "").split(",") if p),
                takes_object=opts.get("object") == "yes",
                needs_confirmation=opts.get("confirm") == "yes", agent=fold(opts.get("ptc", "")),
                source_in=opts.get("in") == "yes", describes=opts.get("describe") == "yes",
                judges=opts.get("target") == "yes", follows=opts.get("follows") == "yes")
    forms: dict[str, CueForm] = {}
    if "past" in opts:
        stem = fold(opts["past"])
        if stem.endswith("ي"):  # نفى → نفت، نفوا
            base = stem[:-1]
            forms[stem] = CueForm(verb, "verb")
            forms[base + "ت"] = CueForm(verb, "verb", feminine=True)
            forms[base + "وا"] = CueForm(verb, "verb", plural=True)
        else:
            for suffix, (fem, plural) in _PAST_SUFFIXES.items():
                forms.setdefault(stem + suffix, CueForm(verb, "verb", fem, plural))
    if "present" in opts:
        stem = fold(opts["present"])
        for prefix, fem in _PRESENT_PREFIXES.items():
            for suffix, plural in _PRESENT_SUFFIXES.items():
                forms.setdefault(prefix + stem + suffix, CueForm(verb, "verb", fem, plural))
    if "ptc" in opts:
        stem = fold(opts["ptc"])
        for suffix, (fem, plural) in _PTC_SUFFIXES.items():
            if suffix == "" :
                continue  # the bare stem is too often a plain noun (مشير، مؤكد)
            forms.setdefault(stem + fold(suffix), CueForm(verb, "participle", fem, plural))
    for noun in opts.get("noun", "").split(","):
        if noun:
            forms.setdefault(fold(noun), CueForm(verb, "noun"))
    for extra in opts.get("extra", "").split(","):
        if extra:
            word = fold(extra)
            # فاعل/مفعل patterns with an ending: داعيا، نافية، مبديا; not قالوا
            participle = ((word[0] == "م" or word[1:2] == "ا") and word.endswith(("ا", "ه", "ين", "ون"))
                          and not word.endswith("وا"))
            kind = "participle" if participle else "verb"
            forms[word] = CueForm(verb, kind, feminine=word.endswith(("ت", "ه")),
                                  plural=word.endswith(("وا", "ين", "ون")))
    return forms


# entries a memo of the lexicons holds before it is emptied (a few MB; an archive's
# vocabulary would otherwise grow it without end)
MEMO_ENTRIES = 200_000
_MISSING = object()


def remember(memo: dict[Any, Any], key: Any, compute: Callable[[], Any]) -> Any:
    """``memo[key]``, computed once by ``compute()`` (which may return None)."""
    found = memo.get(key, _MISSING)
    if found is _MISSING:
        if len(memo) >= MEMO_ENTRIES:
            memo.clear()
        found = memo[key] = compute()
    return found


@attrs.frozen
class Lexicons:
    """All lexicons, folded and indexed for look-up."""

    cue_forms: dict[str, CueForm]
    according: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    courtesy: frozenset[str]   # titles that stand right before a name (الدكتور، الشيخ)
    first_names: frozenset[str]
    source_kinds: dict[str, str]
    media: frozenset[str]       # صحيفة، وكالة: sources that are also channels (قال لوكالة …)
    source_adjectives: frozenset[str]  # أمني، مطلعة: what describes an unnamed source
    function_words: dict[str, str]  # word -> its group (preposition, adverb, complementizer …)
    common_words: frozenset[str]
    headline_labels: frozenset[str]
    directory: Path

    groups: dict[str, frozenset[str]] = attrs.field(factory=dict)  # group -> its function words
    # شركة، مجموعة: heads that, bare (الشركة), refer back to the company in focus
    companies: frozenset[str] = frozenset()
    # names of the people one document introduces (منصور in رئيس النادي مرتضى منصور):
    # there, the word is a name even where it is also a common word (وقال منصور إن …)
    known_names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # دمشق، فرنسا: never part of a personal name
    place_heads: frozenset[str] = frozenset()  # منطقة، ولاية: head + name is a place (منطقة عسير)
    # مسؤول: a title that can stand for any office (المسؤول التركي for a deputy minister)
    generic_titles: frozenset[str] = frozenset()
    # الملك، الأمير، الفريق: titles that are also a name's rank or honorific; after a
    # complete role (العاهل الأردني الملك عبد الله) they open the name
    honorifics: frozenset[str] = frozenset()
    # titles whose form in ة is another noun (مؤسسة, مساعدة): no feminine title
    masculine_titles: frozenset[str] = frozenset()
    # فاليري، والتر: names whose first letters read as a clitic and the article (article_names.txt)
    article_names: frozenset[str] = frozenset()
    # معالي، سمو، ذات (المصدر): words that stand for someone named before (address_words.txt)
    address_words: frozenset[str] = frozenset()
    letter_names: frozenset[str] = frozenset()  # بي، اتش، اس: acronyms spelled out (اتش اس بي سي)
    non_sources: frozenset[str] = frozenset()  # قانون، عمر: وفقا للقانون، حسب العمر name no source
    name_genders: dict[str, str] = attrs.field(factory=dict)  # folded name -> female | male
    # رجب طيب أردوغان، جون كيري: full names that hold a common word, by their first word,
    # longest first (full_names.txt)
    full_names: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    # derived look-up tables and memos, built from the fields above (init=False: a copy
    # made with other fields builds its own; with_known_names shares them, since known
    # names are not part of them)
    according_index: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = attrs.field(
        init=False, eq=False, repr=False)
    word_classes: dict[tuple[str, str, bool], tuple[str | None, str]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False)
    cue_lookups: dict[str, CueForm | None] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for order, marker in enumerate(self.according):
            index.setdefault(marker[0], []).append((order, marker))
        object.__setattr__(self, "according_index", {w: tuple(v) for w, v in index.items()})

    def with_known_names(self, names: frozenset[str]) -> "Lexicons":
        """A copy that also knows the names one document introduces."""
        copy = attrs.evolve(self, known_names=names)
        for field in attrs.fields(Lexicons):
            if not field.init:  # the derived tables and memos
                object.__setattr__(copy, field.name, getattr(self, field.name))
        return copy

    def according_starting(self, word: str) -> list[tuple[str, ...]]:
        """The according-to markers that can start at ``word`` (itself or after و/ف),
        in lexicon order (longest first)."""
        hits = list(self.according_index.get(word, ()))
        if len(word) > 1 and word[0] in "وف":
            hits += self.according_index.get(word[1:], ())
            hits.sort()
        return [marker for _, marker in hits]

    def group(self, kind: str) -> frozenset[str]:
        """The function words of one group of function_words.txt (complementizer, kana …)."""
        return self.groups.get(kind, frozenset())

    @classmethod
    def load(cls, directory: str | Path | None = None) -> "Lexicons":
        directory = Path(directory) if directory else data_dir() / "lexicons"
        cue_forms: dict[str, CueForm] = {}
        path = directory / "speech_verbs.txt"
        for line in _read_lines(path):
            for form, cue in _verb_forms(line, path).items():
                cue_forms.setdefault(form, cue)
        according = tuple(sorted((tuple(fold(m).split()) for m in
                                  _read_lines(directory / "according_markers.txt")),
                                 key=len, reverse=True))
        title_lines = _read_lines(directory / "titles.txt")
        courtesy = _marked(title_lines, "courtesy:")
        titles = frozenset(fold(t.split(":", 1)[-1].strip()) for t in title_lines
                           if not t.startswith("courtesy:")) | courtesy
        names_path = directory / "first_names.txt"
        first_names = frozenset(_read_lines(names_path)) if names_path.exists() else frozenset()
        kinds: dict[str, str] = {}
        media: set[str] = set()
        companies: set[str] = set()
        source_adjectives: set[str] = set()
        kind = "organization"
        for line in _read_lines(directory / "sources.txt"):
            if line.startswith("kind:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith(("media:", "company:")):
                # "media:" and "company:" may both mark one word (company: media: شبكة)
                word, prefixes = line, []
                while word.startswith(("media:", "company:")):
                    prefix, word = word.split(":", 1)
                    prefixes.append(prefix)
                    word = word.strip()
                for prefix in prefixes:
                    (media if prefix == "media" else companies).add(fold(word))
                kinds.setdefault(fold(word), kind)
            elif line.startswith("adjective:"):
                source_adjectives.add(fold(line.split(":", 1)[1]))
            else:
                kinds.setdefault(fold(line), kind)
        function_words: dict[str, str] = {}
        group = "particle"
        for line in _read_lines(directory / "function_words.txt"):
            if line.startswith("kind:"):
                group = line.split(":", 1)[1].strip()
            else:
                function_words.setdefault(fold(line), group)
        common_path = directory / "common_words.txt"
        common = frozenset(_read_lines(common_path)) if common_path.exists() else frozenset()
        labels = frozenset(fold(w) for w in _read_lines(directory / "headline_labels.txt"))
        groups: dict[str, set[str]] = {}
        for word, group in function_words.items():
            groups.setdefault(group, set()).add(word)
        place_lines = _read_lines(directory / "places.txt") if (directory / "places.txt").exists() else []
        return cls(cue_forms, according, titles, courtesy, first_names, kinds, frozenset(media),
                   frozenset(source_adjectives), function_words, common, labels, directory,
                   {name: frozenset(words) for name, words in groups.items()}, frozenset(companies),
                   places=frozenset(fold(w) for w in place_lines if not w.startswith("head:")),
                   place_heads=frozenset(fold(w.split(":", 1)[1]) for w in place_lines if w.startswith("head:")),
                   letter_names=_optional_words(directory / "letter_names.txt"),
                   generic_titles=_marked(title_lines, "generic:"), honorifics=_marked(title_lines, "honorific:"),
                   masculine_titles=_marked(title_lines, "masculine:"),
                   address_words=_optional_words(directory / "address_words.txt"),
                   non_sources=_optional_words(directory / "non_sources.txt"),
                   article_names=_optional_words(directory / "article_names.txt"),
                   name_genders=_name_genders(directory / "name_genders.txt"),
                   full_names=_full_names(directory / "full_names.txt"))


def _full_names(path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    """full_names.txt: one folded full name a line, indexed by its first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    if path.exists():
        for line in _read_lines(path):
            words = tuple(fold(line).split())
            if len(words) >= 2:
                by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in by_first.items()}


def _name_genders(path: Path) -> dict[str, str]:
    """name_genders.txt: ``name female|male`` a line; an absent file gives none."""
    if not path.exists():
        return {}
    genders: dict[str, str] = {}
    for line in _read_lines(path):
        name, _, gender = line.partition(" ")
        if gender.strip() not in ("female", "male"):
            raise ValueError(f"{path}: bad line {line!r} (want: NAME female|male)")
        genders[fold(name)] = gender.strip()
    return genders


@functools.lru_cache(maxsize=1)
def default_lexicons() -> Lexicons:
    """The bundled lexicons, loaded once per process."""
    return Lexicons.load()
