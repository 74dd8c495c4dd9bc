"""The lexicon files: well-formed, consistent, and loadable from another directory."""

import shutil
from collections import Counter

from quotes import Extractor
from quotes.lexicon import Lexicons, default_lexicons
from quotes.resources import data_dir

LEX = default_lexicons()


def entries(name: str) -> list[str]:
    lines = (data_dir() / "lexicons" / name).read_text(encoding="utf-8").splitlines()
    return [l.split("#", 1)[0].strip() for l in lines
            if l.split("#", 1)[0].strip() and not l.startswith(("kind:",))]


def test_no_function_word_is_in_two_groups():
    twice = [w for w, n in Counter(entries("function_words.txt")).items() if n > 1]
    assert twice == []


def test_groups_the_rules_rely_on_exist():
    for group in ("preposition", "adverb", "particle", "complementizer", "relative", "kana",
                  "fa-inna", "connector", "quantifier"):
        assert LEX.group(group), group


def test_every_speech_verb_has_a_known_frame():
    frames = {form.verb.frame for form in LEX.cue_forms.values()}
    assert frames <= {"say", "stance", "announce", "urge", "feel", "impersonal", "relay"}


def test_a_copied_lexicon_directory_can_be_extended(tmp_path):
    target = tmp_path / "lexicons"
    shutil.copytree(data_dir() / "lexicons", target)
    text = "وتفاخر الوزير بأن الخطة نجحت."
    assert Extractor(parser="none").extract(text) == []
    with open(target / "speech_verbs.txt", "a", encoding="utf-8") as f:
        f.write("# -- boasting\nتفاخر past=تفاخر present=تفاخر frame=say\n")
    quotes = Extractor(parser="none", lexicons=target).extract(text)
    assert [q.cue.lemma for q in quotes] == ["تفاخر"]
    assert Lexicons.load(target).directory == target


def test_source_word_prefixes_combine():
    assert "شبكه" in LEX.companies and "شبكه" in LEX.media
    assert LEX.source_kinds["شبكه"] == "organization"
    assert not any(":" in w for w in LEX.companies | LEX.media)


def test_places_and_companies_are_loaded():
    assert {"دمشق", "فرنسا", "السعوديه"} <= LEX.places
    assert "شركه" in LEX.companies
    group_words = entries("function_words.txt")
    assert "writer-note" in LEX.groups and "يذكر" in group_words


def test_source_heads_are_written_without_the_article():
    # words are looked up without their article (الخارجية → خارجية), so an entry
    # written with it would never match
    heads = [e.split(":")[-1].strip() for e in entries("sources.txt")]
    assert [h for h in heads if h.startswith("ال") and " " not in h] == []


def test_according_index_finds_what_a_scan_of_every_marker_finds():
    # the index by first word must give the same markers, in the same (longest first) order
    for word in {m[0] for m in LEX.according} | {"و" + m[0] for m in LEX.according} | {"ف" + m[0] for m in LEX.according}:
        scanned = [m for m in LEX.according if m[0] == word or (word[0] in "وف" and m[0] == word[1:])]
        assert LEX.according_starting(word) == scanned, word


def test_the_word_class_memo_keeps_a_documents_names_to_that_document():
    from quotes.segment import tokenize
    from quotes.speakers import word_class

    lex = Lexicons.load()
    tok = tokenize("حديد")[0]  # a common noun ("iron") that one article may use as a surname
    alone = word_class(tok, lex)
    assert alone != "name"
    assert word_class(tok, lex.with_known_names(frozenset({tok.norm}))) == "name"
    assert word_class(tok, lex) == alone  # the memo shared by the copy kept no trace of that name
    assert lex.with_known_names(frozenset({"x"})).cue_lookups is lex.cue_lookups


def test_full_names_are_indexed_by_their_first_word_longest_first(tmp_path):
    target = tmp_path / "lexicons"
    shutil.copytree(data_dir() / "lexicons", target)
    (target / "full_names.txt").write_text(
        "# invented names for the test\nكريم طيب\nكريم طيب الساعدي\nسامي\n", encoding="utf-8")
    lex = Lexicons.load(target)
    assert lex.full_names["كريم"] == (("كريم", "طيب", "الساعدي"), ("كريم", "طيب"))
    assert "سامي" not in lex.full_names  # one word is no full name
    m = Extractor(parser="none", lexicons=target).extract("وقال كريم طيب الساعدي إن الموسم جيد.")[0]
    assert m.speaker.name == "كريم طيب الساعدي"


def test_every_shipped_full_name_has_two_or_three_words():
    names = entries("full_names.txt")
    assert names and all(2 <= len(n.split()) <= 3 for n in names)
