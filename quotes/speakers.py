"""Stage 4: speakers and roles.

``read_mention`` reads the noun phrase that names a source, as Arabic news writes
it: a role then a name (وزير الزراعة الكندي بيتر مارلو), a name then a role in
apposition (يورغن كلوب، مدرب ليفربول), an organisation (لجان التنسيق المحلية), an
anonymous source (مصدر أمني) or a bare role (الوزير).

``SpeakerResolver`` then turns each mention into the speaker as the whole document
knows it: the fullest name (مارلو → بيتر مارلو), the role given anywhere, and, for
a cue with no subject (وأضاف أن …), the most recent speaker whose gender agrees
with the verb.
"""

from __future__ import annotations

import bisect
import re
from typing import Sequence

import attrs

from .lexicon import Lexicons, remember
from .cues import lookup_cue_word
from .normalize import fold, has_article, strip_article
from .segment import Paragraph, Token
from .values import Span, Speaker

MAX_NAME_WORDS = 5
MAX_ROLE_WORDS = 12
_JOINERS = frozenset("-‐_")
_COMMAS = frozenset("،,")
_QUOTE_MARKS = re.compile("[\"«»“”„‘’]")
_FOREIGN_ARTICLES = frozenset({"ذي", "ذا", "لو", "لا", "دي", "دير", "دو", "دا"})  # ذي تايمز، لو موند
_ORIGIN_NOUNS = frozenset({"المولد", "الاصل", "الجنسيه", "المنشا"})  # السويسري المولد
_NAMED_FOR = frozenset({"باسمه", "باسمها", "باسمهم"})  # المتحدث باسمها
_ROLE_LINKS = frozenset({"باسم", "في", "لدي", "ل", "علي", "الي"})  # المتحدث باسم الجيش، مدير الاتصالات في اللجنة
# الباحثة في مجال الطاقة المتجددة: a field, then what it is; المستشار للشؤون الاقتصادية: never
# the people addressed (للشؤون right after a title: 41 in a quarter of news-raw)
_FIELDS = frozenset({"مجال", "قطاع", "ميدان", "شؤون", "شئون"})


@attrs.frozen
class Mention:
    """A source's noun phrase within a paragraph: tokens [first, last) and its parts."""

    first: int
    last: int
    start: int
    end: int
    text: str
    kind: str                   # person | organization | group | document | anonymous | unknown
    name: str | None = None     # the name part, as written
    name_key: tuple[str, ...] = ()  # folded name words
    role: str | None = None     # the role part, as written
    head: str = ""              # folded head word without article (وزير، صحيفة)
    feminine: bool | None = None

    name_start: int | None = None
    name_end: int | None = None

    @property
    def span(self) -> Span:
        """The words that designate the source; the name part when there is one."""
        if self.name is not None and self.name_start is not None and self.name_end is not None:
            # the name as written (self.name has its spaces and joiners normalised)
            written = self.text[self.name_start - self.start:self.name_end - self.start]
            return Span(written, self.name_start, self.name_end)
        return Span(self.text, self.start, self.end)


_POSSESSIVES = ("هما", "هم", "هن", "ها", "ه")


def word_class(tok: Token, lex: Lexicons) -> str:
    """What a token can be inside a speaker's noun phrase."""
    if tok.kind != "word":
        return tok.kind
    # memoised: a document classifies each of its words several times, and the answer
    # depends on the token's spelling and parse tag and, for one step, the document's
    # known names (the only part looked up afresh)
    before_names, after_names = remember(lex.word_classes, (tok.norm, tok.text, tok.proper),
                                         lambda: _word_classes(tok, lex))
    if before_names is not None:
        return before_names
    if tok.norm in lex.known_names:
        return "name"
    return after_names


def _word_classes(tok: Token, lex: Lexicons) -> tuple[str | None, str]:
    """word_class without the document's known names: the class decided before that
    look-up (or None) and the class decided after it."""
    w = tok.norm
    if not w:
        return "punct", "punct"  # a lone tatweel or diacritic
    early = _class_before_names(tok, w, lex)
    return (early, early) if early is not None else (None, _class_after_names(tok, w, lex))


def _class_before_names(tok: Token, w: str, lex: Lexicons) -> str | None:
    if w == "علي" and tok.text.endswith("ي") and not tok.text.startswith(("و", "ف")):
        return "name"  # علي (Ali), which folds like the preposition على
    if len(w) == 1:
        return "particle"  # a prefix written apart: بـ، لـ
    if tok.text[1:2] == "\u0640" and tok.text[0] in "لب" and not tok.text[2:3].isdigit():
        # لـCNN، بـ"…": the preposition drawn out before a foreign word is the channel or an
        # adjunct, never part of a name (news-raw, an eighth sample: 67 before Latin letters)
        return "preposition"
    if any(ch.isdigit() for ch in w):
        return "number"  # بـ50، لـ2018: a prefix glued to a number
    group = lex.function_words.get(w)
    if group is None and w[0] in "وف" and len(w) > 2:
        group = lex.function_words.get(w[1:])  # وقد، وبدورها
    if group is not None:
        return group
    if lookup_cue_word(w, lex) is not None:
        return "cue"
    return None


def _class_after_names(tok: Token, w: str, lex: Lexicons) -> str:
    if len(w) >= 5 and w[0] == "ل" and tok.text.endswith(("ه", "ها", "هم", "هما", "هن")) \
            and w not in lex.first_names and w[1:] not in lex.first_names and w not in lex.common_words:
        return "pronoun-pp"  # أعلن لمحبيه: the people addressed (ل + noun + pronoun), never a name
    if w in lex.places:
        return "place"
    if len(w) > 3 and w[0] in "بل" and w[1:] in lex.places and w not in lex.first_names:
        return "preposition"  # بطوكيو، لموسكو: a place behind a preposition is an adjunct
    if len(w) >= 5 and w.startswith("م") and w.endswith("ا") and not w.endswith("ها") and w[1] not in "اوي" \
            and w not in lex.first_names:
        # an accusative participle (منتقدا، مشيدا): a circumstantial that ends the subject
        # before it, never a name, whatever the tagger says
        return "adverb"
    if tok.proper and not has_article(w) and not _is_title(w, lex) and w not in lex.source_kinds \
            and not (w.endswith("ا") and (w[:-1] in lex.common_words or w[:-1] in lex.source_kinds)) \
            and (w in lex.common_words or not _is_common(w, lex)):
        # the parse knows a name that is also a word (سلمى، جهاد); an inflected word
        # it took for one (استدعت، أجبرته، بيانا) is not
        return "name"
    if "\u064b" in tok.text:
        return "common"  # tanween: an adverb or indefinite noun (خاسراً), never a name
    if w.startswith("ال") and w in lex.common_words:
        return "common"  # التزام، التقاء: the letters of the article, not the article
    if w.startswith("ال") and any(w.endswith(suffix) and len(w) - len(suffix) >= 5
                                  and w[:-len(suffix)] in lex.common_words for suffix in _POSSESSIVES):
        return "common"  # التزامها، إلغائه: the same with a possessive (news-raw: 48 right after أكد، جدد، أعلن)
    if w.startswith("وال") and _is_title(w, lex):
        return "title"  # والدة، والي: a title whose first letters read as و + ال
    if w in lex.article_names:
        return "name"  # فاليري، والتر، بالوتيلي: a name that starts like و/ف/ب + ال
    bare = strip_article(w)
    if _is_title(bare, lex):
        return "title"
    if bare in lex.source_kinds:
        return lex.source_kinds[bare]
    if bare.endswith("ين") and bare[:-2] + "ون" in lex.source_kinds:
        return lex.source_kinds[bare[:-2] + "ون"]  # مراقبين، محللين: the accusative of مراقبون
    for dual, singular in (("تان", "ه"), ("تا", "ه"), ("تين", "ه"), ("ان", ""), ("ين", "")):
        # صحيفتا "ذي مورنينغ ستار" و"إيفنينغ بوست"، مصدران: two of a kind
        if bare.endswith(dual) and len(bare) - len(dual) >= 3 \
                and lex.source_kinds.get(bare[:-len(dual)] + singular) in ("organization", "anonymous"):
            return lex.source_kinds[bare[:-len(dual)] + singular]
    if bare != w:
        return "definite"
    if w[0] in "لب" and len(w) > 3 and (
            (noun := _noun_after_preposition(w)) in lex.source_kinds or _is_title(noun, lex)):
        return "preposition"  # لوكالة، بوزارة، للمعهد: an adjunct, not the subject
    if _is_common(w, lex):
        return "common"
    return "name"


def standalone_role(role: str | None, lex: Lexicons) -> str | None:
    """A role as it stands alone: without the conjunction or preposition a sentence
    glued to its first word (والرئيس الأسبق → الرئيس الأسبق، فالمدير), which a role
    mentioned mid-sentence carries (والد "father" keeps its letters); and no role at
    all for a courtesy title alone (الدكتور، الشيخ), which is a form of address."""
    if not role:
        return role
    if all(strip_article(w) in lex.courtesy for w in fold(role).split()):
        return None  # الدكتور، الشيخ: a courtesy title alone is how the person is addressed, no role
    words = role.split()
    while len(words) > 1 and has_article(fold(words[0])) and strip_article(fold(words[0])) in lex.courtesy \
            and _is_title(strip_article(fold(words[1])), lex):
        # الدكتور وزير النقل، الشيخ مفتي البلاد، الأخ الرئيس: the courtesy title is how
        # the person is addressed; the title after it is the role (news-raw, 1,212
        # articles: 29 roles read)
        words = words[1:]
    role = " ".join(words)
    first, _, rest = role.partition(" ")
    word = fold(first)
    if len(word) > 4 and word[0] in "وفب" and word[1:3] == "ال" and not _is_title(word, lex) \
            and _is_title(word[3:], lex):
        return (first[1:] + (" " + rest if rest else "")).strip()
    return role


def _noun_after_preposition(w: str) -> str:
    """The noun of a word with a one-letter preposition, without article: لوكالة →
    وكالة، للمعهد → معهد، بالوزارة → وزارة."""
    if w.startswith("لل"):
        return w[2:]
    return strip_article(w[1:])


_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وس", "س")
# ي and ك are left out: names end in them (شكري، فهمي، ملك)
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني", "ا", "ت", "وا", "ون", "ين")


def _is_common(w: str, lex: Lexicons) -> bool:
    """Whether a word is a common word once clitics are removed (بقوله، دعوته، يهمه)."""
    common = lex.common_words
    if w in common:
        return True
    if w.startswith(("يست", "تست", "نست", "ويست", "وتست")) and len(w) >= 6:
        return True  # a Form X imperfect verb: يستفيد، تستضيف
    if w.startswith(("است", "واست")) and len(w) >= 6 and w not in lex.first_names:
        return True  # a Form X past verb or verbal noun: استدعت، استقبل، استخدام
    if w.startswith(("سي", "ست", "سن", "وسي", "وست")) and len(w) >= 4 and w not in lex.first_names:
        return True  # a future verb: سيتم، ستكون
    for suffix in ("", "ه", "ها", "هم", "ون", "ان"):
        stem = w[: len(w) - len(suffix)] if suffix else w
        if suffix and not w.endswith(suffix):
            continue
        if stem[:1] in ("ي", "ت", "ن") and len(stem) > 3 and (
                stem[1:] in common or stem[1:] + "ه" in common or "ا" + stem[1:] in common):
            return True  # an imperfect verb: يملك، تحاسب، تمليه، يلتزم (التزم)
    for prefix in _PREFIXES:
        if not w.startswith(prefix):
            continue
        rest = w[len(prefix):]
        for suffix in _SUFFIXES:
            if suffix and not rest.endswith(suffix):
                continue
            stem = rest[: len(rest) - len(suffix)] if suffix else rest
            if len(stem) < 2 or (not prefix and not suffix):
                continue
            if suffix == "ا" and stem.endswith("ي"):
                continue  # بريطانيا، روسيا: a country, not بريطاني + ا
            if stem in common or stem in lex.function_words:
                return True
            if suffix and stem.endswith("ت") and stem[:-1] + "ه" in common:
                return True  # دعوته → دعوة
    return False


def _is_title(bare: str, lex: Lexicons) -> bool:
    if bare in lex.titles:
        return True
    if bare.endswith("ه") and bare[:-1] in lex.titles and bare[:-1] not in lex.masculine_titles:  # وزيرة، رئيسة
        return True
    return False


def possessed_title(tok: Token, lex: Lexicons) -> bool:
    """A title with a possessive pronoun: مدربه، رئيسها، مديرهم (its coach, her president)."""
    w = tok.norm
    for suffix in ("هم", "ها", "ه"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[:-len(suffix)]
            return _is_title(stem, lex) or (stem.endswith("ت") and _is_title(stem[:-1] + "ه", lex))
    return False


def _feminine_title(tok: Token, lex: Lexicons) -> bool:
    word = strip_article(tok.norm)
    if tok.text.endswith("ة"):
        return True  # وزيرة: written with ة, whatever the folded form looks like
    if possessed_title(tok, lex):
        # رئيسه (its president) is a man, رئيستها (its president) a woman: the ه is a pronoun
        word = word.removesuffix("ها").removesuffix("هم").removesuffix("ه")
        return word.endswith("ت")
    return word.endswith("ه")


_SOURCE_KINDS = ("organization", "document", "anonymous", "group")
# source heads that need their genitive to name a source: وسائل "means" is a source only
# as وسائل (ال)إعلام "the media" (news-raw, an eighth sample: 470, 60 right after ذكرت،
# قالت، أفادت …), where the rules stopped at وسائل
_GENITIVE_OF = {"وسائل": frozenset({"اعلام"})}


def read_mention(text: str, tokens: Sequence[Token], i: int, limit: int,
                 lex: Lexicons, skip_adverbs: bool = True) -> Mention | None:
    """The speaker noun phrase starting at token ``i`` (after optional adverbs), or None."""
    k = i
    if skip_adverbs:
        while k < limit:
            cls = word_class(tokens[k], lex)
            if cls == "adverb":
                k += 1
            elif tokens[k].norm in ("من", "عن") and k + 1 < limit and strip_article(
                    tokens[k + 1].norm).startswith(("جانب", "جهت", "ناحيت")):
                k += 2  # من جانبه، من جهتها
            elif tokens[k].kind == "punct" and tokens[k].text in _COMMAS and k + 1 < limit:
                k += 1
            elif cls == "pronoun-pp" and k == i and k + 1 < limit and word_class(tokens[k + 1], lex) in (
                    "name", "title", "place") + _SOURCE_KINDS:
                k += 1  # وقالت عنه هيبورن: the verb's prepositional phrase before its subject
            else:
                break
    if k >= limit:
        return None
    if tokens[k].norm in ("هذا", "هذه") and k + 1 < limit and has_article(tokens[k + 1].norm) \
            and word_class(tokens[k + 1], lex) == "title":
        # وأضاف هذا الخبير: the title refers back to whoever holds it
        bare = read_mention(text, tokens, k + 1, limit, lex, skip_adverbs=False)
        return bare if bare is not None and bare.kind == "person" and not bare.name else None
    first = k
    quoted = _quoted_name(tokens, k, limit, lex)
    if quoted is not None:
        # وأكدت "فيسبوك"، الأحد، أنها …: a quoted name right after the verb is its subject
        return _mention(text, tokens, first, quoted[1] + 1, "organization", quoted[0], quoted[1], None, None,
                        "", lex)
    people = _quantified_people(tokens, k, limit, lex)
    if people is not None:
        return _mention(text, tokens, first, people, "group", None, None, None, None,
                        strip_article(tokens[k].norm), lex)
    cls = word_class(tokens[k], lex)
    w = tokens[k].norm
    if k > 0 and tokens[k - 1].norm in lex.group("complementizer") and w.endswith("ا") and not w.endswith("ها") \
            and (w[:-1] in lex.titles or lex.source_kinds.get(w[:-1]) == "anonymous"):
        # يذكر أن مسؤولا في الاتحاد …، أن مصدرا مطلعا: after أن the source is in the accusative
        cls = "title" if w[:-1] in lex.titles else "anonymous"
    if cls == "common" and k + 2 < limit and tokens[k].norm[:1] not in ("و", "ف") \
            and tokens[k + 1].norm in lex.first_names and word_class(tokens[k + 1], lex) in ("common", "name") \
            and _title_follows(tokens, k + 2, limit, lex):
        # كفاح محمود المستشار الإعلامي: two words that are also common words are a name
        # when a title in apposition follows them
        role_first = k + 2 + (tokens[k + 2].text in _COMMAS)
        role_end = _role_chain(tokens, role_first, limit, lex, allow_names=True)
        return _mention(text, tokens, first, role_end, "person", k, k + 2, role_first, role_end,
                        strip_article(tokens[k].norm), lex)
    if cls in ("common", "adverb") and k + 1 < limit and (
            (tokens[k].norm in lex.first_names and word_class(tokens[k + 1], lex) in ("name", "definite"))
            or (word_class(tokens[k + 1], lex) == "name" and tokens[k].norm[:1] not in ("و", "ف"))
            or (tokens[k].norm in lex.first_names and word_class(tokens[k + 1], lex) == "common"
                and tokens[k + 1].norm[:1] not in ("و", "ف") and not _glued_to_preposition(tokens[k + 1], lex) and (
                    k + 2 >= limit or _ends_phrase(tokens, k + 2, limit, lex)))):
        # فهد القحيز، عادل الجبير، مباركة عواينية، عادل حمودة منتقدا: a first name that is
        # also a word, then a family name
        cls = "name"
    if cls != "name" and _known_full_name(tokens, k, limit, lex):
        cls = "name"  # a listed full name (full_names.txt), whatever its first word is
    if cls == "name" and tokens[k].norm[:1] == "و" and tokens[k].norm not in lex.first_names \
            and tokens[k].norm not in lex.article_names \
            and not (skip_adverbs and k == i and _unknown_after_waw(tokens[k], lex)):
        # وكندا، وعكست: a conjunction on a word, not the start of a name; but right after
        # a verb no conjunction can stand, so وانغ in وقال وانغ is the name itself
        return None
    if cls == "place":
        # دعت فرنسا، أعلنت موسكو: a country or capital speaks for its government
        return _mention(text, tokens, first, k + 1, "organization", k, k + 1, None, None, "", lex)
    if cls == "quantifier" and k + 1 < limit:
        # بعض الحضور، أحد المواطنين، عدد من الناشطين: a group of sources
        j = k + 1
        if tokens[j].norm == "من" and j + 1 < limit:
            j += 1
        if word_class(tokens[j], lex) in ("definite", "group", "anonymous", "title", "document"):
            j += 1
            while j < limit and j - k < 5 and (word_class(tokens[j], lex) == "definite" or (
                    has_article(tokens[j].norm) and strip_article(tokens[j].norm) in _OTHERS)) \
                    and not tokens[j].sentence_end:
                j += 1
            return _mention(text, tokens, first, j, "group", None, None, None, None,
                            strip_article(tokens[k + 1].norm), lex)
        return None
    role_end = name_start = name_end = None
    role_first = first
    kind = "unknown"
    head = strip_article(tokens[k].norm)
    if head.endswith("ا") and cls in ("title", "anonymous") and not _is_title(head, lex):
        head = head[:-1]  # مسؤولا، مصدرا: the accusative after أن
    if cls == "title" and not tokens[k].norm.startswith("ال") and k + 1 < limit \
            and word_class(tokens[k + 1], lex) == "common" and tokens[k + 1].norm.endswith(("ي", "يه")) \
            and (k + 2 >= limit or word_class(tokens[k + 2], lex) != "name"):
        # مسؤول حكومي، مسؤول أمريكي: an unnamed official is an anonymous source
        return _mention(text, tokens, first, k + 2, "anonymous", None, None, None, None,
                        strip_article(tokens[k].norm), lex)
    if cls == "title":
        while k + 1 < limit and has_article(tokens[k].norm) and strip_article(tokens[k].norm) in lex.courtesy \
                and word_class(tokens[k + 1], lex) == "title":
            k += 1  # الأخ الرئيس، الدكتور وزير الصحة: the role starts after the form of address
        role_first = k
        # the name is looked for after the role without whom a spokesperson speaks for
        # (المتحدث باسم الرئيس البرازيلي مارك هوفمان), which then joins the role if it
        # ends before the name (below)
        k = _role_chain(tokens, k, limit, lex, spoken_for=False)
        role_end = k
        name_start, k = _name_chain(tokens, k, limit, lex)
        name_end = k
        kind = "person"
        j = k + (k < limit and tokens[k].text in _COMMAS)
        if name_end == name_start and j + 2 <= limit and word_class(tokens[j], lex) == "common" \
                and j + 1 < limit and (tokens[j + 1].norm in lex.first_names or word_class(tokens[j + 1], lex) == "name") \
                and (j + 2 == limit or _ends_phrase(tokens, j + 2, limit, lex) or tokens[j + 2].text == ":") \
                and (j == k or (j + 2 < limit and tokens[j + 2].text in _COMMAS)):
            # وزير الصحة جواد عواد, وزيرة الثقافة، سنية مبارك،: after a title, two words are a name
            name_start, name_end = j, j + 2
            k = name_end
        if name_end == name_start:
            later = _name_after_modifiers(tokens, role_end, limit, lex)
            if later is not None:
                name_start, name_end = later
                k = name_end
        adjunct = role_end if role_end < limit and _place_adjunct(tokens[role_end], lex) else name_start
        after_place = _name_after_place(tokens, adjunct, limit, lex) if adjunct < limit else None
        if after_place is not None:
            # رئيس الغرفة الجهوية للمخابز بولاية باجة، الصادق الحبوبي: the place belongs to the role
            role_end, name_start, name_end = after_place
            while role_end - 1 > role_first and strip_article(tokens[role_end - 1].norm) in lex.courtesy:
                role_end -= 1  # … بغزة الدكتور أشرف القدرة: the courtesy title is the name's
            k = name_end
        if role_end + 1 < limit and tokens[role_end].norm == "باسم" and not (
                _after_name(tokens, first, lex) and word_class(tokens[role_end + 1], lex) == "title"):
            # (… هوفمان، المتحدث باسم الرئيس البرازيلي كارلوس منديس: after a name, the
            # name that follows whom they speak for is that person's, read on its own)
            full = _role_chain(tokens, role_first, limit, lex)
            if name_start == role_end:
                name_end = name_start  # باسم is the preposition here, not the first name
            if name_end == name_start and full > role_end:
                # no name: the whole role is the source (متحدث باسم المعارضة), or names
                # the person right after it, when the name ends the phrase
                after = _name_chain(tokens, full, limit, lex)
                if after[1] >= limit or _ends_phrase(tokens, after[1], limit, lex):
                    role_end = full
                    name_start, name_end = after
                    k = max(full, name_end)
            elif role_end < full <= name_start:
                role_end = full
    elif cls == "name":
        name_start, k = _name_chain(tokens, k, limit, lex, after_verb=skip_adverbs and k == i)
        name_end = k
        kind = "person"
        named = _named_after(tokens, k, limit, lex) if name_end > name_start else None
        if named is not None:
            # صاحب مخبز يدعى رضا الغالي: words read as a name describe the person named next
            return _mention(text, tokens, first, named[1], kind, named[0], named[1], name_start, name_end,
                            head, lex)
        # apposition: كلوب، مدرب ليفربول / العبدالوهاب شيخ الصاغة (no comma) / فيصل
        # المطيري، وهو مستشار تربوي (news-raw: 215 "، وهو/وهي" + title in a quarter)
        # (also after an age, سامي الراشد، 45 عاما، صاحب متجر …، and between dashes or
        # in brackets: سامي الراشد - رئيس الجمعية - / (رئيس الجمعية); news-raw: 2,581
        # "NUM عاما،", 382 "عاما)،", 99 " (رئيس|مدير", 37 " - رئيس|مدير")
        j = _after_age(tokens, k, limit) if name_end > name_start else k
        comma = j < limit and (tokens[j].text in _COMMAS or tokens[j].text in _ROLE_BRACKETS)
        pronoun = comma and j + 2 < limit and tokens[j + 1].norm in ("وهو", "وهي")
        if (j + comma + pronoun < limit and name_end > name_start
                and word_class(tokens[j + comma + pronoun], lex) == "title"
                and not (strip_article(tokens[j + comma + pronoun].norm) in lex.courtesy
                         and tokens[j + comma + pronoun].norm.startswith("ال"))):
            role_first = j + comma + pronoun
            k = _role_chain(tokens, role_first, limit, lex, allow_names=True)
            role_end = k
            m = _mention(text, tokens, first, k, kind, name_start, name_end, role_first, role_end, head, lex)
            # وهي، وهو: the pronoun says the person's gender, whatever the title's form
            return attrs.evolve(m, feminine=tokens[role_first - 1].norm == "وهي") if pronoun else m
    elif cls == "document" and not has_article(tokens[k].norm) and k + 2 < limit \
            and word_class(tokens[k + 1], lex) == "title" \
            and (issuer := read_mention(text, tokens, k + 1, limit, lex, skip_adverbs=False)) is not None \
            and issuer.kind == "person" and issuer.name:
        return issuer  # بيان رئيس الإقليم مسعود برزاني: the person whose statement it is
    elif cls == "document" and not has_article(tokens[k].norm) and k + 1 < limit \
            and (issuer := _genitive_organization(text, tokens, k + 1, limit, lex)) is not None:
        # تقرير الصحيفة، عناوين صحيفة «الوفد»، تقرير للمعهد الأميركي: whose text it is; the
        # verbs that follow agree with the document (وذكر تقرير الصحيفة … وتابع)
        return attrs.evolve(issuer, feminine=strip_article(tokens[k].norm).endswith("ه"))
    elif cls == "document" and k + 3 < limit and strip_article(tokens[k + 1].norm) == "صادر" \
            and tokens[k + 2].norm in ("عن", "باسم", "من"):
        # بيان صادر باسم رئيس الهيئة، كمال سعيد: the source is whoever issued it
        issuer = read_mention(text, tokens, k + 3, limit, lex, skip_adverbs=False)
        if issuer is not None and issuer.kind != "unknown":
            return issuer
        kind = cls
        k += 1
    elif cls in _SOURCE_KINDS:
        kind = cls
        k += 1
        extra = 0
        org_name_start = org_name_end = None
        while k < limit and extra < 6:
            c = word_class(tokens[k], lex)
            if tokens[k].norm[:1] == "ل" and _noun_after_preposition(tokens[k].norm) in lex.media:
                break  # مصدر للأناضول، مصدر لرويترز: the channel it spoke to
            if c in ("definite", "organization", "document") and cls == "document" \
                    and has_article(tokens[k - 1].norm) and not _adjective_like(tokens[k].norm):
                break  # البيان الحكومة: a definite noun after a definite head is a new phrase
            if c in ("organization", "document") and cls == "organization" and has_article(tokens[k - 1].norm) \
                    and tokens[k].norm.startswith("ال") and not _adjective_like(tokens[k].norm):
                break  # طالبت الخارجية الكندية السلطات …: another body after a definite one is the object
            if c == "definite" and cls == "organization" and k - first >= 2 and tokens[k].norm.startswith("ال") \
                    and has_article(tokens[k - 1].norm) and tokens[k - 1].norm.endswith(("ي", "يه")) \
                    and not _adjective_like(tokens[k].norm) and _verbal_noun_or_plural(tokens[k].norm):
                # جمدت الحكومة الأردنية التعاملات …، نفت السلطات البريطانية الاتهامات: after the
                # body's adjective, a verbal noun or plural is the object (not التيار الوطني الحر)
                break
            if c in ("definite", "organization", "document", "place"):
                k += 1  # وزارة الخارجية السعودية، حكومة جيبوتي
            elif extra == 0 and k == first + 1 and strip_article(tokens[k].norm) in _GENITIVE_OF.get(head, ()):
                k += 1  # وسائل إعلام محلية، وسائل الإعلام: a head that is named by its genitive
            elif c == "group" and cls == "organization" and has_article(tokens[k].norm) \
                    and not has_article(tokens[k - 1].norm):
                # مجلس الوزراء، نقابة المعلمين، حزب العمال: a people noun in the genitive
                # names the body (news-raw, an eighth sample: 685, 381 of them مجلس الوزراء)
                k += 1
            elif c == "common" and (tokens[k].norm[:1] == "ل" or (
                    tokens[k].norm[:1] == "ب" and tokens[k - 1].norm in _GOVERN_BA)) and k + 1 < limit \
                    and word_class(tokens[k + 1], lex) == "definite" and cls not in ("anonymous", "group"):
                # الاتحاد العربي لكرة السلة (not مصادر بأهمية …: the verb's object, nor
                # المجلس البلدي بأشد العبارات: ب opens an adjunct)
                k += 2
            elif c == "common" and extra == 0 and not has_article(tokens[k - 1].norm) and k + 1 < limit \
                    and word_class(tokens[k + 1], lex) in ("name", "definite") \
                    and not (cls in ("anonymous", "group") and tokens[k].norm[:1] in ("ب", "ل")):
                k += 1  # وكالة أنباء شينخوا، وزارة شؤون المرأة: a construct noun inside the name
            elif tokens[k].text == "(" and k + 2 < limit and tokens[k + 2].text == ")":
                k += 3  # الاتحاد الدولي لكرة القدم (فيفا)
            elif c == "name" and cls == "organization" and (extra == 0 or word_class(tokens[k - 1], lex) == "name"):
                k += 1  # حركة حماس، صحيفة فايننشال تايمز (a name right after the head)
            elif c == "common" and cls == "organization" and extra == 0 and not has_article(tokens[k - 1].norm) \
                    and tokens[k].norm[:1] not in "وفلب" and not tokens[k].norm.endswith(("ي", "يه")) \
                    and not (head.endswith("ه") and tokens[k].text.endswith("ة")) and "\u064b" not in tokens[k].text \
                    and (k + 1 >= limit or word_class(tokens[k + 1], lex) not in ("definite", "name")):
                k += 1  # حركة حماس، شركة أبل: a name that is also a word (not حركة احتجاجية، شركة ناشئة)
            elif c == "name" and cls == "organization" and word_class(tokens[k - 1], lex) == "definite" \
                    and (k + 1 >= limit or word_class(tokens[k + 1], lex) != "name"):
                org_name_start = k  # شبكة التواصل الاجتماعي فيسبوك: the name is the speaker
                k += 1
                org_name_end = k
                break
            elif c == "name" and cls == "organization" and tokens[k - 1].norm in _FOREIGN_ARTICLES:
                k += 1  # صحيفة ذي فاوتشر، صحيفة لو موند
            elif tokens[k].kind == "mark" and cls == "organization" and extra == 0 \
                    and (close := _closing_mark(tokens, k, limit, lex)) is not None:
                org_name_start = first  # صحيفة "الديلي ميل" البريطانية: the head, the name, adjectives
                k = close + 1
                while k < limit and word_class(tokens[k], lex) in ("definite", "place") \
                        and has_article(tokens[k].norm) and _adjective_like(tokens[k].norm):
                    k += 1
                org_name_end = k
                if head not in lex.source_kinds:
                    # صحيفتا "ذي دايلي مايل" و"…": two papers; the first is named by its name
                    org_name_start, org_name_end = first + 2, close
                break
            elif tokens[k].kind == "mark" and cls == "organization" and k + 2 < limit \
                    and tokens[k + 2].kind == "mark" and word_class(tokens[k - 1], lex) == "definite" \
                    and word_class(tokens[k + 1], lex) in ("name", "definite", "common"):
                org_name_start, org_name_end = k + 1, k + 2  # شبكة التواصل الاجتماعي "فيسبوك"
                k += 3
                break
            elif c == "common" and (cls in ("anonymous", "group") or (cls == "document" and not has_article(tokens[first].norm))) \
                    and extra < 2 and tokens[k].norm[:1] not in "بل" and (
                    tokens[k].norm.endswith(("ي", "يه", "ون", "ين")) or tokens[k].norm in lex.source_adjectives):
                k += 1  # مصدر أمني، مصادر مطلعة، شهود عيان
            elif tokens[k].norm in ("باسم",) and k + 1 < limit:
                k = _spoken_for(tokens, k + 1, limit, lex) or k + 2  # متحدث باسم مستشفى كيرين
            elif cls in ("anonymous", "group") and c == "preposition" and tokens[k].norm[0] in "بل" \
                    and k + 1 < limit:
                k += 1  # مصدر مسؤول بوزارة الكهرباء
            else:
                break
            extra += 1
    elif cls == "definite":
        # a definite noun phrase as source (المعارضة، الاتحاد المصري)
        kind = "organization"
        k += 1
        while k < limit and k - first < 4 and word_class(tokens[k], lex) == "definite":
            k += 1
    else:
        return None
    if k == first:
        return None
    if kind == "organization" and cls in _SOURCE_KINDS and org_name_start is not None:
        return _mention(text, tokens, first, k, kind, org_name_start, org_name_end, None, None, head, lex)
    named = _named_after(tokens, k, limit, lex)
    if named is not None and ((kind == "person" and name_end == name_start) or kind in ("anonymous", "group")):
        # أحد المربين، ويدعى صلاح القنوني: the person described is then named
        return _mention(text, tokens, first, named[1], "person", named[0], named[1],
                        role_first if role_end else None, role_end, head, lex)
    if kind == "person" and name_end == name_start and k + 1 < limit and tokens[k].text in _COMMAS:
        # a role, then the name in apposition: الناشط المعارض، الشيخ علي بلحاج
        j = k + 1
        if word_class(tokens[j], lex) == "title":
            j = _role_chain(tokens, j, limit, lex)
        n0, n1 = _name_chain(tokens, j, limit, lex)
        if n1 > n0:
            return _mention(text, tokens, first, n1, kind, n0, n1, first, role_end, head, lex)
    return _mention(text, tokens, first, k, kind, name_start, name_end,
                    role_first if role_end else None, role_end, head, lex)


# adjectives whose complement takes ب and stays in a body's name (المعنية بحقوق الإنسان)
_GOVERN_BA = frozenset({"المعني", "المعنيه", "المختص", "المختصه", "الخاص", "الخاصه"})
# a name goes on after these: a patronymic, a kunya or عبد (أبو خالد، عبد الرحيم)
_PATRONYMICS = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "عبد"})
_ROLE_BRACKETS = frozenset({"-", "–", "("})  # a role set off after a name: - رئيس الجمعية -، (مدير المدرسة)
_AGE_WORDS = frozenset({"عاما", "عام", "سنه", "سنوات", "عمره"})


def _after_age(tokens: Sequence[Token], k: int, limit: int) -> int:
    """Where an age in apposition after a name ends (، 45 عاما → the comma after it;
    (45 عاما) → the token after the bracket); ``k`` if none is there."""
    if k + 3 < limit and tokens[k].text in _COMMAS and tokens[k + 1].kind == "number" \
            and tokens[k + 2].norm in _AGE_WORDS and tokens[k + 3].text in _COMMAS:
        return k + 3
    if k + 3 < limit and tokens[k].text == "(" and tokens[k + 1].kind == "number" \
            and tokens[k + 2].norm in _AGE_WORDS and tokens[k + 3].text == ")":
        return k + 4
    return k


def _after_name(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """Whether the phrase at ``k`` follows a name, with or without a comma: an apposition."""
    j = k - 1 - (k > 0 and tokens[k - 1].text in _COMMAS)
    return j >= 0 and word_class(tokens[j], lex) == "name"


def _spoken_for(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons,
                allow_names: bool = False) -> int | None:
    """Index after whom a spokesperson speaks for, the genitive of باسم at ``k``, when
    it is not a body or a definite noun (which the role chain reads on its own): a title
    and its complements (باسم الرئيس الفرنسي، باسم المفوض الأوروبي للتجارة), a
    name (باسم حماس، باسم طالبان), a quoted name, a group (باسم المحققين). After a
    title in news-raw (an eighth), باسم is followed so 95 times in 599. With
    ``allow_names`` (the role after the speaker's name) the principal's name is part of
    it: هوفمان، المتحدث باسم الرئيس البرازيلي كارلوس منديس."""
    c = word_class(tokens[k], lex)
    if c == "title":
        end = _role_chain(tokens, k, limit, lex)
        if allow_names and end < limit:
            start, after = _name_chain(tokens, end, limit, lex)
            if start == end and after > end:
                end = after
        return end
    if c in ("name", "common") and not has_article(tokens[k].norm) and tokens[k].norm[:1] not in "وف":
        if c == "common" and k + 1 < limit and word_class(tokens[k + 1], lex) in ("name", "place", "common") \
                and tokens[k + 1].norm[:1] not in "وف" and (
                    k + 2 >= limit or _ends_phrase(tokens, k + 2, limit, lex) or (
                        word_class(tokens[k + 1], lex) != "common" and word_class(tokens[k + 2], lex) != "name")):
            return k + 2  # باسم مستشفى كيسوبي: a noun and its genitive (not باسم حماس فوزي برهوم)
        return k + 1
    if c == "group" and has_article(tokens[k].norm):
        return k + 1
    if tokens[k].kind == "mark":
        close = _closing_mark(tokens, k, limit, lex, max_words=6)
        return None if close is None else close + 1
    return None


def _role_chain(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons,
                allow_names: bool = False, spoken_for: bool = True) -> int:
    """Index after a role: a title, then its complements (الدفاع الأميركي، باسم الجيش).
    With ``allow_names`` (a role in apposition, after the name) a proper noun may
    complete it: كلوب، مدرب ليفربول. Without ``spoken_for`` the role stops before a
    باسم that is not followed by a body (_spoken_for)."""
    start = k
    k += 1
    letters = 0  # an acronym's letters count as one word of the role
    while k < limit and k - start - letters < MAX_ROLE_WORDS:
        c = word_class(tokens[k], lex)
        if tokens[k].norm in lex.place_heads and k + 1 < limit \
                and word_class(tokens[k + 1], lex) in ("name", "place", "common") and not has_article(tokens[k + 1].norm):
            k += 2  # أمير منطقة تبوك، رئيس بلدية مدينة نابلس: the place of the office, not a name
            continue
        if strip_article(tokens[k].norm) in lex.courtesy and not (
                not has_article(tokens[k].norm) and k == start + 1 and not has_article(tokens[start].norm)):
            # رئيس النقابة الدكتور مازن: the courtesy title introduces the name; but right
            # after a title in the construct state it is the title's genitive (قائد لواء
            # القوات الخاصة، نائب عميد الكلية: 12 in a quarter of news-raw)
            break
        if _honorific_opens_name(tokens, k, limit, lex):
            break  # العاهل الأردني الملك عبد الله: the rank belongs to the name
        if tokens[k].norm.startswith(("لل", "بال")) and strip_article(tokens[k].norm) in lex.media:
            break  # المحامي للصحيفة: the channel, not part of the role
        if c == "definite" and tokens[k].norm.startswith("لل") and tokens[k].norm[2:] not in _FIELDS and (
                word_class(tokens[k - 1], lex) == "title" or tokens[k].norm.endswith("ين")):
            # وصف المقدم للأطفال، المتحدث باسم البيت الأبيض للصحافيين: an object or the
            # people addressed, not the role's field
            break
        if c in ("organization", "group", "document") and tokens[k].norm.startswith("ال") \
                and not _adjective_like(tokens[k].norm) and tokens[k - 1].norm.startswith("ال") \
                and tokens[k - 1].norm.endswith(("ي", "يه")):
            break  # ودعا وزير الاقتصاد الإيطالي الحكومة الألمانية: a noun after the role's adjective is the object
        if c in ("definite", "place") and k + 1 < limit and tokens[k + 1].norm in _ORIGIN_NOUNS:
            break  # كبير أساقفة المدينة الإيطالي المولد: the person's origin, not the role
        if c == "definite" and k + 1 < limit and tokens[k + 1].norm == "عن" and _adjective_like(tokens[k].norm) \
                and not tokens[k].norm.endswith(("ي", "يه")):
            break  # رئيس حزب التقدم والعمل المنبثق عن الحركة: a clause about the party
        if tokens[k].text == "(":
            close = next((j for j in range(k + 1, min(limit, k + 6)) if tokens[j].text == ")"), None)
            if close is not None and close + 1 < limit and (
                    tokens[close + 1].norm in _ROLE_LINKS or word_class(tokens[close + 1], lex) == "definite"):
                k = close + 1  # منظمة الأغذية والزراعة (فاو) في العراق
                continue
            break
        if tokens[k].norm in lex.letter_names and word_class(tokens[k - 1], lex) == "organization" \
                and not has_article(tokens[k - 1].norm):
            end = _acronym_end(tokens, k, limit, lex)  # في مصرف جي بي كي
            letters += end - k - 1
            k = end
            continue
        if tokens[k].kind == "mark" and not has_article(tokens[k - 1].norm) and (
                word_class(tokens[k - 1], lex) == "organization"
                or (k - 1 == start + 1 and word_class(tokens[k - 1], lex) == "common")) \
                and (close := _closing_mark(tokens, k, limit, lex, max_words=6)) is not None:
            k = close + 1  # الخبير في مجموعة "كابيتال ايكونوميكس"، مدير مشروع "…": the quoted name
            continue
        if c == "particle" and tokens[k].norm in ("ل", "ب") and k + 1 < limit and tokens[k + 1].kind == "mark" \
                and (close := _closing_mark(tokens, k + 1, limit, lex)) is not None:
            k = close + 1  # الرئيس التنفيذي لـ«دو»: a quoted name after a preposition written apart
            continue
        if c in ("name", "common") and word_class(tokens[k - 1], lex) == "organization" \
                and not has_article(tokens[k - 1].norm) and tokens[k - 1].norm[:1] not in "وف":
            k += 1  # في مجموعة زين: an organisation's name inside the role
            continue
        if c == "definite" and k - start >= 2 and tokens[k].norm.startswith("ال") \
                and tokens[k - 1].norm.startswith("ال") and _country_of(strip_article(tokens[k - 1].norm), lex) \
                and not _adjective_like(tokens[k].norm) and _verbal_noun_or_plural(tokens[k].norm):
            break  # وكرر الرئيس السوري التأكيد على …: after the nationality, the verb's object
        if c in ("definite", "title", "organization") or (c == "number" and k - start > 1):
            k += 1
        elif allow_names and c == "common" and not has_article(tokens[k - 1].norm) \
                and not has_article(tokens[k].norm) and tokens[k].norm.endswith(("ي", "يه")) \
                and tokens[k].norm[:1] not in "وفبل" and len(tokens[k].norm) > 3:
            k += 1  # فيصل المطيري، وهو مستشار تربوي: an indefinite title's adjective
        elif c == "place" and not (has_article(tokens[k - 1].norm) and tokens[k - 1].norm.endswith("ي")) \
                and not (k - 1 == start and has_article(tokens[start].norm)):  # الناشطة كندا: an object
            k += 1  # سفير فرنسا، وزيرة الخارجية السعودية (not المسؤول الأمريكي السعودية: an object)
        elif c in ("group", "anonymous", "document") and has_article(tokens[k].norm) \
                and not has_article(tokens[k - 1].norm):
            # رئيس الوزراء، منسق الخبراء: a collective noun completes the title (not ودعا
            # الوزير المنظمات: after a definite word it is the verb's object)
            k += 1
        elif allow_names and c == "name":
            k += 1
        elif c == "common" and k + 1 < limit and (
                word_class(tokens[k + 1], lex) in ("definite", "organization", "place")
                or (word_class(tokens[k + 1], lex) in ("group", "anonymous", "document")
                    and has_article(tokens[k + 1].norm))) \
                and (not tokens[k - 1].norm.startswith("ال") or tokens[k].norm[0] == "ل") \
                and tokens[k].norm not in lex.first_names:
            k += 1  # a construct noun inside the role: رئيس هيئة شؤون الأسرى (not … بالنادي سامي الجابر)
        elif tokens[k].norm in _NAMED_FOR:
            k += 1  # المتحدث باسمها: the pronoun stands for the body, and ends the role
            break
        elif spoken_for and tokens[k].norm == "باسم" and k + 1 < limit \
                and (after := _spoken_for(tokens, k + 1, limit, lex, allow_names)):
            k = after  # المتحدث باسم الرئيس الفرنسي، باسم حماس، باسم "…": whom one speaks for
        elif tokens[k].norm == "عن" and strip_article(tokens[start].norm) in lex.generic_titles and k == start + 1 \
                and k + 1 < limit and word_class(tokens[k + 1], lex) in ("organization", "common", "definite"):
            k += 2  # المسؤول عن مكتب طرابلس: what the official is in charge of
        elif tokens[k].norm in ("الي", "لدي") and k + 1 < limit and word_class(tokens[k + 1], lex) in (
                "place", "name", "organization"):
            k += 2  # المبعوث الأممي إلى سوريا، السفير لدى الأمم المتحدة (not … إلى تطور، لدى افتتاح)
        elif tokens[k].norm in _ROLE_LINKS and tokens[k].norm not in ("الي", "لدي") and k + 1 < limit \
                and not (tokens[k].norm == "علي" and k - start < 2) and (
                word_class(tokens[k + 1], lex) in ("definite", "organization", "place")
                or (allow_names and tokens[k].norm == "في" and word_class(tokens[k + 1], lex) == "name"
                    and _ends_phrase(tokens, k + 2, limit, lex))
                or (k + 2 < limit and word_class(tokens[k + 1], lex) == "common"
                    and word_class(tokens[k + 2], lex) in ("definite", "place"))
                or (k + 3 < limit and tokens[k + 1].norm in _FIELDS and word_class(tokens[k + 2], lex) == "common"
                    and word_class(tokens[k + 3], lex) in ("definite", "place"))):
            k += 2  # المتحدث باسم الجيش، المشرف العام على قطاع الشباب، الباحثة في مجال الطاقة المتجددة
        elif c == "preposition" and tokens[k].norm[0] in "بل" and k + 1 < limit and \
                tokens[k].norm[1:] not in lex.media and word_class(tokens[k + 1], lex) in ("definite", "name", "place"):
            k += 2  # … بنادي الأنصار، … لوزارة الخارجية
        elif c == "preposition" and tokens[k].norm[0] in "بل" and k + 2 < limit and \
                _noun_after_preposition(tokens[k].norm) in lex.source_kinds \
                and tokens[k].norm[1:] not in lex.media and word_class(tokens[k + 1], lex) == "common" \
                and word_class(tokens[k + 2], lex) in ("definite", "place"):
            k += 3  # … بأمانة منطقة الرياض
        else:
            break
    return k


def _with_possessor(text: str, tokens: Sequence[Token], first: int, role_start: int, role_end: int,
                    lex: Lexicons) -> str | None:
    """A role that ends in a possessive pronoun (رئيسه، المتحدث باسمها), with the body
    the pronoun stands for: the nearest one named before it in the sentence
    (موقع نادي الزمالك … رئيسه → رئيس نادي الزمالك). None when there is none."""
    last = tokens[role_end - 1]
    if not (last.norm in _NAMED_FOR or (role_end - 1 == role_start and possessed_title(last, lex))):
        return None
    suffix = next(x for x in ("هم", "ها", "ه") if last.norm.endswith(x))
    sentence = first
    while sentence > max(0, first - 15) and not tokens[sentence - 1].sentence_end:
        sentence -= 1
    # a body named so (وزارة الداخلية في غزة … الناطق باسمها) before a bare place
    before = [j for j in range(first - 1, sentence - 1, -1) if word_class(tokens[j], lex) == "organization"]
    if suffix == "ها":
        before += [j for j in range(first - 1, sentence - 1, -1) if word_class(tokens[j], lex) == "place"]
    for j in before:
        c = word_class(tokens[j], lex)
        if j > sentence and has_article(tokens[j].norm) and word_class(tokens[j - 1], lex) == "organization" \
                and not has_article(tokens[j - 1].norm):
            continue  # وزارة الداخلية: the body is named from its construct head
        body = read_mention(text, tokens, j, first, lex, skip_adverbs=False)
        if body is None or body.kind not in ("organization",) or body.last > first:
            return None
        if c == "organization" and body.feminine is not None and body.feminine != (suffix == "ها"):
            continue  # رئيسه is not the ministry's (وزارة … رئيسها)
        stem = text[tokens[role_start].start:last.end - len(suffix)]
        if tokens[role_start].norm.startswith("لل"):
            stem = "ا" + stem[1:]  # في بيان للمتحدث باسمها: the role is المتحدث
        if stem.endswith("ت") and last.norm not in _NAMED_FOR:
            stem = stem[:-1] + "ة"  # رئيستها → رئيسة
        return f"{stem} {' '.join(_QUOTE_MARKS.sub(' ', body.text).split())}"
    return None


def _same_title(said: list[str], known: list[str], lex: Lexicons) -> bool:
    """Whether a role of three words or more (الأمين العام الأممي) is a known one said
    another way (الأمين العام للأمم المتحدة): the same first two words, and no
    relative adjective that contradicts it."""
    return len(said) >= 3 and said[:2] == known[:2] and not _contradicts(said, known, lex)


def _contradicts(said: list[str], known: list[str], lex: Lexicons) -> bool:
    """Whether two roles with one head word name different countries
    (وزير الخارجية الأمريكي is not وزير الخارجية البريطاني)."""
    if not said or not known or said[0] != known[0]:
        return False
    said_countries = {c for w in said[1:] if (c := _country_of(w, lex))}
    known_countries = {c for w in known[1:] if (c := _country_of(w, lex))}
    if said_countries and known_countries and not said_countries & known_countries:
        return True
    # the head's complement: وزير الداخلية is not وزير الخارجية; a word the other role
    # has too (الرسمي) or a nationality (الوزير الفرنسي) says no more than a shorter
    # form of the same role. Whom a spokesperson speaks for goes by many names
    # (الرئاسة، الإليزيه، قصر الإليزيه): those never contradict.
    if "باسم" in said or "باسم" in known:
        return False
    said_rest, known_rest = said[1:], known[1:]
    if not said_rest or not known_rest or said_rest[0] == known_rest[0]:
        return False
    a, b = said_rest[0], known_rest[0]
    generic = lex.companies | lex.media  # مؤسس الموقع may be مؤسس فيسبوك
    return a != b and a not in known and b not in said and not (
        _country_of(a, lex) or _country_of(b, lex) or a in generic or b in generic
        or a.startswith("ب") or b.startswith("ب")  # وصفه الوزير بالأمر: no complement
        or _one_letter_apart(a, b))  # جمعية and جميعة: a slip of the pen, one word


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, dropped or swapped with its
    neighbour (a misspelling of one word, not another word)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _country_of(word: str, lex: Lexicons) -> str | None:
    """The place a relative adjective of nationality comes from (folded, without
    article): الأمريكي → امريكا، اليمنية → اليمن، السعودي → السعوديه; None for
    other adjectives (الحكومي، الائتلافية)."""
    stem = word.removesuffix("ه")  # السعودية and السعودي: the gender follows the noun
    if not stem.endswith("ي") or len(stem) < 4:
        return None
    stem = stem[:-1]
    for place in (stem, stem + "ا", "ال" + stem, stem + "يا", "ال" + stem + "يه", stem + "يه"):
        if place in lex.places:
            return place
    return None


def _nominative(m: Mention) -> str:
    """A source's words as its name, the head out of the accusative that أن puts it in
    (أن مسؤولا في الاتحاد → مسؤول في الاتحاد)."""
    words = _surface(m.text).split()
    if words and fold(words[0]) == m.head + "ا":
        words[0] = words[0][:-1]
    if words and words[0].startswith("لل") and len(words[0]) > 4:
        words[0] = "ال" + words[0][2:]  # وفقا للمدعي العام: the preposition is the marker's
    return " ".join(words)


def _unknown_after_waw(tok: Token, lex: Lexicons) -> bool:
    """Whether the word without its first letter و is no word, name or place we know."""
    rest = tok.norm[1:]
    if len(rest) < 2 or rest in lex.first_names or rest in lex.known_names or rest in lex.places:
        return False
    return word_class(Token(rest, tok.start + 1, tok.end, rest, "word"), lex) == "name"


def _acronym_end(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> int:
    """Index after an organisation's name spelled in letter names (اتش اس بي سي), with
    one more word that completes it when a two-word personal name still follows (بي ان
    بي باريبا باتريك جاك)."""
    while k < limit and tokens[k].norm in lex.letter_names:
        k += 1
    if k + 2 < limit and word_class(tokens[k], lex) == "name" and tokens[k].norm not in lex.first_names \
            and word_class(tokens[k + 1], lex) == "name" and word_class(tokens[k + 2], lex) == "name":
        k += 1
    return k


# quantifiers whose definite form means something else: الأحد (Sunday), العدد (the number)
_NOT_PEOPLE_DEFINITE = ("احد", "احدي", "عدد")
# الآخر، الآخرين: "other", an adjective after a group (بعض الشهود الآخرين، البعض الآخر)
_OTHERS = ("اخر", "اخري", "اخرون", "اخرين")


def noun_phrase_mention(text: str, tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> Mention | None:
    """A common noun and its modifiers as a source the lexicons do not know (تحليل الدم،
    اجتماع الوزراء), read only where the parse makes the noun the subject of a cue it
    follows at once, and the clause follows the phrase (ويشير تحليل الدم إلى أن …)."""
    head = tokens[k]
    w = head.norm
    if head.kind != "word" or word_class(head, lex) not in ("common", "definite") or w[:1] in "وفبلك" \
            or w.endswith(_POSSESSIVES) or strip_article(w) in lex.address_words:
        return None  # بشدة، عزمه، معاليه، ذات (المصدر): no source of its own
    j = k + 1
    while j < limit and j - k < 4 and tokens[j].kind == "word" and not tokens[j - 1].sentence_end \
            and (word_class(tokens[j], lex) in ("definite", "common", "group", "organization", "document")
                 or (tokens[j].norm.endswith(("ي", "يه")) and tokens[j].norm not in lex.function_words)) \
            and tokens[j].norm[:1] not in "وفبلك":
        j += 1  # (صحفي، طبية: an adjective, also where the word is a title or place)
    after = j + (j < limit and tokens[j].norm in ("الي", "علي", "من"))
    if after >= len(tokens) or tokens[after].norm not in lex.group("complementizer"):
        return None
    return _mention(text, tokens, k, j, "unknown", None, None, None, None, strip_article(w), lex)


# يدعى، تدعى "called", اسمه "whose name is" (folded: يدعي is also "claims", so a name
# must follow): in a quarter of news-raw 371 يدعى/تدعى and 524 اسمه/اسمها before a word
_NAMED = frozenset({"يدعي", "تدعي", "ويدعي", "وتدعي", "اسمه", "اسمها"})


def _named_after(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> tuple[int, int] | None:
    """The name given right after a description (صاحب مخبز يدعى رضا الغالي), or None."""
    j = k + (k < limit and tokens[k].text in _COMMAS)
    if j + 1 >= limit or tokens[j].norm not in _NAMED:
        return None
    if tokens[j + 1].norm not in lex.first_names and word_class(tokens[j + 1], lex) != "name":
        return None  # يدعي أن …: "claims that"
    n0, n1 = _name_chain(tokens, j + 1, limit, lex)
    return (n0, n1) if n1 > n0 else None


def _quantified_people(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> int | None:
    """Index after a quantifier that stands for people by itself, or None: with a
    pronoun (بعضهم، معظمهم), with the article (البعض، الكثير، البعض الآخر), or with the
    article before من (العديد من الخبراء). After a speech verb (news-raw: البعض 164,
    بعضهم 51, العديد من 40, بعضها 10), read as nobody the quote went to the speaker before."""
    w = tokens[k].norm
    bare = strip_article(w)
    if bare == w:
        stem = next((w[:-len(p)] for p in ("هم", "ها", "هن") if w.endswith(p)), None)
        if stem is None or lex.function_words.get(stem) != "quantifier" or w[:1] in ("و", "ف"):
            return None
        return k + 1
    if lex.function_words.get(bare) != "quantifier" or not w.startswith("ال") or bare in _NOT_PEOPLE_DEFINITE:
        return None
    j = k + 1
    if j + 1 < limit and tokens[j].norm == "من":
        c = word_class(tokens[j + 1], lex)
        if c not in ("definite", "group", "anonymous", "title"):
            return None
        j += 2
        while j < limit and j - k < 5 and word_class(tokens[j], lex) == "definite" and not tokens[j - 1].sentence_end:
            j += 1
        return j
    if j < limit and has_article(tokens[j].norm) and strip_article(tokens[j].norm) in _OTHERS:
        j += 1  # البعض الآخر
    return j


def _honorific_opens_name(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> bool:
    """Whether token ``k`` is a rank or honorific (الملك، الفريق) standing, with the
    article, after a definite word and before a name: an apposition that opens the
    name, not a word of the role before it."""
    tok = tokens[k]
    return k > 0 and k + 1 < limit and has_article(tok.norm) and strip_article(tok.norm) in lex.honorifics \
        and has_article(tokens[k - 1].norm) and tokens[k - 1].kind == "word" \
        and word_class(tokens[k + 1], lex) in ("name", "common")


def _name_chain(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons,
                after_verb: bool = False) -> tuple[int, int]:
    """Where a personal name starts and ends (جان-إيف لودريان، بشار الأسد، أبو العلا).
    ``after_verb``: the name stands right after a verb, where no conjunction can."""
    start = k
    if k + 1 < limit and tokens[k].text == "#":
        k += 1  # a hashtag name: #مروان_خوري
        start = k
    if k + 1 < limit and len(tokens[k].norm) == 1 and tokens[k + 1].text == ".":
        k += 2  # د. هيثم: the abbreviation is part of the phrase, not of the name
        start = k
    while k + 1 < limit and (strip_article(tokens[k].norm) in lex.courtesy
                             or _honorific_opens_name(tokens, k, limit, lex)):
        k += 1  # الدكتور مازن العلي، (العاهل الأردني) الملك عبد الله: the name starts after the title
        start = k
    if k < limit and tokens[k].norm[:1] == "و" and tokens[k].norm not in lex.first_names \
            and tokens[k].norm not in lex.article_names \
            and word_class(tokens[k], lex) == "name" and not (after_verb and _unknown_after_waw(tokens[k], lex)):
        return start, start  # وكندا: a conjunction on a word, not the start of a name
    if k + 1 < limit and _imperfect_verb_like(tokens[k], lex) and tokens[k + 1].norm in lex.first_names:
        k += 1  # يلتقي محمد بن سلمان: a verb we do not know, then the name
        start = k
    if k < limit and (known := _known_full_name(tokens, k, limit, lex)):
        k += known  # رجب طيب أردوغان، جون كيري: a full name that holds a common word
    while k < limit and k - start < MAX_NAME_WORDS * 2:
        tok = tokens[k]
        c = word_class(tok, lex)
        if k > start and tok.norm[:1] == "و" and c != "definite":
            break  # وقال، ومفادها: a new clause, not a name
        if k > start and _glued_to_preposition(tok, lex):
            break  # ووعد محمود بتحقيق: the verb's object, not a family name
        if (tok.norm in _PATRONYMICS or tok.norm == "ال") and k + 1 < limit \
                and tokens[k + 1].kind == "word" and word_class(tokens[k + 1], lex) not in (
                    "preposition", "complementizer", "cue", "punct"):
            k += 2  # نبيل بن سلامة، أبو العلا، عبد الله: the next word belongs to the name
            if tokens[k - 1].norm in ("عبد", "ابو") and k < limit and tokens[k].kind == "word":
                k += 1  # سليمان بن عبد الملك، محمد بن أبي بكر
        elif c == "name" or (tok.norm in lex.first_names and (
                k == start or word_class(tokens[k - 1], lex) == "name"
                or tokens[k - 1].norm in lex.first_names
                or (k - 2 >= start and tokens[k - 2].norm in ("عبد", "ابو", "بن", "ابن")))):
            # (عبد ربه منصور هادي: first names that are also words, after a compound one)
            k += 1
        elif k == start and tok.text == "بان" and k + 1 < limit and word_class(tokens[k + 1], lex) == "name":
            k += 1  # بان كي مون: a name, not the hamza-less بأن
        elif k == start and c in ("adverb", "common") and k + 1 < limit and word_class(tokens[k + 1], lex) == "name" \
                and tok.norm[:1] not in ("و", "ف") and not tok.sentence_end:
            k += 1  # صباح راجح، جهاد مقدسي: a first name that is also a word
        elif c == "common" and k == start and k + 2 < limit and tokens[k + 1].text in _JOINERS \
                and tokens[k + 1].start == tok.end:
            k += 1  # جان-إيف: a hyphenated first name
        elif c == "common" and k == start and k + 1 < limit and _surname_like(tokens[k + 1], lex):
            k += 1  # a first name that is also a word (عادل، أماني) before a surname
        elif c == "common" and k > start and k + 1 < limit and has_article(tokens[k + 1].norm) \
                and word_class(tokens[k + 1], lex) == "title" and tok.norm[:1] not in ("و", "ف"):
            k += 1  # وانغ كينوي الخبير في …: a family name before a role in apposition
            break
        elif c == "common" and k > start and (k - 1 == start or tokens[k - 1].norm in lex.first_names) and (
                _ends_phrase(tokens, k + 1, limit, lex)
                # ليلى حداد.: after a first name, a full stop ends the name too
                or (k - 1 == start and tokens[start].norm in lex.first_names
                    and (k + 1 >= limit or tokens[k + 1].sentence_end))) and (
                (tok.norm in lex.common_words and not tok.norm.endswith("ا")) or tok.text.endswith("ة")
                or not tok.norm.endswith(("ه", "ها", "هم", "ا", "ي"))):
            # a family name that is also a word, last before a boundary (علي حسن إن، خالد
            # فودة), not a word with a pronoun or an accusative ending (بوفون رسالته، عصيد صديقا),
            # nor a word after a name that is already whole (أنغيلا ميركل سريعة، ستيف جوبز هاتف)
            k += 1
            break
        elif tok.text in _JOINERS and k > start and k + 1 < limit and tokens[k + 1].start == tok.end \
                and word_class(tokens[k + 1], lex) in ("name", "common"):
            k += 2  # جان-إيف، مروان_خوري
        elif c == "definite" and k > start and not _prepositional_definite(tok, lex) \
                and (strip_article(tok.norm) not in lex.common_words
                                                  or (k - 1 == start and (tokens[k - 1].norm in lex.first_names
                                                                          or tokens[k - 1].proper))
                                                  or tok.proper
                                                  # حيدر العبادي: a word we do not know, then a
                                                  # family name shaped like a relative adjective
                                                  or (k - 1 == start and tok.norm.endswith("ي")
                                                      and word_class(tokens[start], lex) == "name"
                                                      and not _country_of(strip_article(tok.norm), lex))
                                                  # سليمان بن عبدالله الحمدان: after a patronymic,
                                                  # not a body's adjective (جمعية فهد بن سلمان
                                                  # الخيرية) or a quantifier (الجميع)
                                                  or (k - 2 >= start and tokens[k - 2].norm in ("بن", "ابن", "بنت")
                                                      and not tok.norm.endswith("يه")
                                                      and not (tok.norm.endswith("ين")  # زار … المصابين: an object
                                                               and strip_article(tok.norm) not in lex.first_names)
                                                      and strip_article(tok.norm) not in lex.function_words)):
            k += 1  # a family name with the article: بشار الأسد، سلمى الخطيب
            break
        elif tok.norm in _PATRONYMICS and k + 1 < limit:
            k += 2  # أبو العلا، عبد الله
        else:
            break
    return start, k


def _plain_full_name(m: Mention, lex: Lexicons) -> bool:
    """A person's name of two to four words that opens with a known first name and has
    no preposition on a common word or pronoun among its other words (سامي الراشد، محمد
    باركيندو, not محمد صلاح بإحراز or حسن موسيقاها): evidence enough of a name without a role."""
    key = m.name_key
    return m.kind == "person" and 2 <= len(key) <= 4 and key[0] in lex.first_names and all(
        w in lex.first_names or w in _PATRONYMICS or key[j] in _PATRONYMICS
        or (not _preposition_on_noun(w, lex) and not w.endswith(("ها", "هم", "هما")))
        for j, w in enumerate(key[1:]))  # (key[j] is the word before w: بن سلمان)


def _preposition_on_noun(w: str, lex: Lexicons) -> bool:
    """ب، ل، ك on a common word or a verbal noun (بإحراز، لتحقيق، بالفوز), not a name
    that starts with those letters (باركيندو، لوكاشينكو)."""
    if w[:1] not in "بلك" or len(w) < 4:
        return False
    rest = w[1:]
    return _is_common(w, lex) or rest.startswith("ال") or _verbal_noun_or_plural(rest) \
        or (len(rest) == 5 and rest[0] == "ا" and rest[3] == "ا")  # إفعال: إحراز، إعلان


def _known_full_name(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> int:
    """How many words from ``k`` a full name of full_names.txt takes, or 0."""
    for name in lex.full_names.get(tokens[k].norm, ()):
        n = len(name)
        if k + n <= limit and all(tokens[k + j].norm == name[j] for j in range(1, n)) \
                and all(tokens[k + j].start == tokens[k + j - 1].end + 1 for j in range(1, n)):
            return n
    return 0


def without_preposition(tokens: Sequence[Token], k: int) -> list[Token]:
    """The tokens with the one-letter preposition of token ``k`` removed (لصحيفة →
    صحيفة). A word with ل + ال (للصحيفة) needs none of this: it reads as the noun."""
    t = tokens[k]
    out = list(tokens)
    out[k] = Token(t.text[1:], t.start + 1, t.end, fold(t.text[1:]), "word", t.sentence_end, t.proper)
    return out


def _genitive_organization(text: str, tokens: Sequence[Token], k: int, limit: int,
                           lex: Lexicons) -> Mention | None:
    """The organisation named at ``k``, also behind ل (تقرير لصحيفة …), or None."""
    tok = tokens[k]
    if word_class(tok, lex) == "preposition" and tok.norm[:1] == "ل" and len(tok.text) > 2:
        bare = without_preposition(tokens, k)
        if word_class(bare[k], lex) != "organization":
            return None
        m = read_mention(text, bare, k, limit, lex, skip_adverbs=False)
    elif word_class(tok, lex) == "organization":
        m = read_mention(text, tokens, k, limit, lex, skip_adverbs=False)
    else:
        return None
    return m if m is not None and m.kind == "organization" else None


def _quoted_name(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> tuple[int, int] | None:
    """Token range of a short quoted name at ``k`` that ends a phrase: "فيسبوك"، …"""
    if tokens[k].kind != "mark":
        return None
    close = _closing_mark(tokens, k, limit, lex, max_words=6)
    if close is not None and close + 1 < len(tokens) and word_class(tokens[close + 1], lex) == "complementizer":
        # وذكرت "واشنطن بوست" أن، أفاد «المرصد السوري لحقوق الإنسان» بأن: marks between the
        # verb and its complementizer hold the source's name, whatever its words (news-raw,
        # an eighth sample: 90 such, every one a name)
        return k + 1, close
    if close is not None and close - k > 4:
        close = None  # otherwise a quoted name has at most three words
    # (an outlet the lexicon knows, «رويترز», «الشرق الأوسط», is a name too: حسب «رويترز»
    # 68 times in news-raw, and the according-to reading lost them)
    if close is None or not all(word_class(t, lex) in ("name", "common", "definite", "organization", "place")
                                for t in tokens[k + 1:close]):
        return None
    after = tokens[close + 1] if close + 1 < limit else None
    if after is None or after.kind == "punct" or word_class(after, lex) in (
            "complementizer", "adverb", "preposition", "relative") or (
            after.kind == "mark" and close - k <= 2):
        return k + 1, close  # (… "ذي مورنينغ ستار" التي رأت أن …، عنونت «المساء» «…»)
    return None


def _closing_mark(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons, max_words: int = 3) -> int | None:
    """Index of the mark closing a quoted name of one to ``max_words`` words opened at ``k``
    (an organisation's name inside a role may be longer: مجموعة "إي جي كابيتال ريسيرش")."""
    for j in range(k + 2, min(limit, k + max_words + 2)):
        if tokens[j].kind == "mark":
            return j
        if tokens[j].kind != "word" or word_class(tokens[j], lex) in ("cue", "complementizer"):
            return None
    return None


def _title_follows(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> bool:
    """Whether a definite title starts at ``k``, after an optional comma: المستشار
    الإعلامي, or a title made definite by the noun after it (وزير الدفاع، طبيب المنتخب)."""
    if k < limit and tokens[k].text in _COMMAS:
        k += 1
    if k >= limit or word_class(tokens[k], lex) != "title":
        return False
    return has_article(tokens[k].norm) or (
        k + 1 < limit and tokens[k + 1].kind == "word" and has_article(tokens[k + 1].norm)
        and word_class(tokens[k + 1], lex) in ("definite", "title", "organization", "place"))


def _name_after_modifiers(tokens: Sequence[Token], k: int, limit: int,
                          lex: Lexicons) -> tuple[int, int] | None:
    """A full name a few words after a role, past what qualifies the role: نائب رئيس
    الحزب المنبثق عن الجماعة عصام العريان في تصريح. The name must have two words and
    end the phrase, so that an object noun is not taken for it."""
    for j in range(k, min(limit, k + 10)):
        tok = tokens[j]
        if tok.kind == "mark":
            continue  # المسؤول في شركة "نوفاتيك" بيير موران
        if tok.kind != "word" or word_class(tok, lex) in ("cue", "complementizer", "relative", "kana"):
            return None
        if tok.norm[:1] in "لب" and (tok.norm[1:] in lex.media or strip_article(tok.norm[1:]) in lex.media):
            return None  # المحامي لوكالة فرانس برس: the channel, and no name before it
        if word_class(tok, lex) != "name" and tok.norm not in lex.first_names:
            continue
        if tok.norm not in lex.first_names and (
                word_class(tokens[j - 1], lex) == "preposition" or tok.text.endswith(("ه", "هم"))):
            continue  # خلال لقائه بالفخراني: a preposition's object, a noun with a pronoun
        n0, n1 = _name_chain(tokens, j, limit, lex)
        if n1 - n0 >= 2 and (n1 >= limit or tokens[n1].kind != "word"
                             or word_class(tokens[n1], lex) in ("preposition", "complementizer", "cue")
                             or tokens[n1].norm in ("وهو", "وهي")):
            return n0, n1
    return None


def _adjective_like(word: str) -> bool:
    """A definite word that can follow a definite noun as its adjective: a relative
    adjective (الأميركية، الدولي) or a participle (المتحدة، المنظمة، التابعة). Not any word
    in ت: those are mostly verbal nouns (التعاملات، التأكيد), the object after a name."""
    bare = strip_article(word)
    return bare.endswith(("ي", "يه", "يون", "يين", "يات")) or bare.startswith(("م", "تابع"))


def _verbal_noun_or_plural(word: str) -> bool:
    """A definite word shaped like a verbal noun of the ت forms (التعاملات، التحريض) or a
    plural (الاتهامات، العاملين): what a verb takes as object, rarely an adjective."""
    bare = strip_article(word)
    return (bare.startswith("ت") and len(bare) >= 5) or bare.endswith(("ات", "ين"))


def _place_adjunct(tok: Token, lex: Lexicons) -> bool:
    """A place or body behind a glued ب/ل (بولاية، بتونس، بمجلس، بمنطقة), which ends a
    role and starts no name."""
    w = tok.norm
    rest = _noun_after_preposition(w)
    return len(w) > 3 and w[0] in "بل" and not tok.proper and (
        rest in lex.places or rest in lex.source_kinds or rest in lex.place_heads)  # بولاية باجة


def _name_after_place(tokens: Sequence[Token], k: int, limit: int,
                      lex: Lexicons) -> tuple[int, int, int] | None:
    """After a place adjunct at ``k`` that ends a role (بولاية باجة، بمنطقة تبوك), the name
    that follows it, between commas or from the first first-name on: (end of the role,
    start and end of the name), or None."""
    if not _place_adjunct(tokens[k], lex):
        return None
    j = next((j for j in range(k + 1, min(limit, k + 5))
              if tokens[j].text in _COMMAS or tokens[j].norm in lex.first_names), None)
    if j is None:
        return None
    start, end = _name_chain(tokens, j + (tokens[j].text in _COMMAS), limit, lex)
    if end - start < 2 and tokens[j].text in _COMMAS:
        # …، نور الدين البحيري، / …، الصادق الحبوبي،: two or three words that can be a
        # name, between commas
        close = next((c for c in range(j + 2, min(limit, j + 5)) if tokens[c].text in _COMMAS), None)
        if close is not None and close - j - 1 >= 2 and all(
                t.kind == "word" and word_class(t, lex) in ("name", "common", "definite") for t in tokens[j + 1:close]):
            start, end = j + 1, close
    if end - start >= 2 or (end > start and tokens[j].norm in lex.first_names):
        return j, start, end
    return None


def _prepositional_definite(tok: Token, lex: Lexicons) -> bool:
    """A definite word behind a glued preposition (للبترول، بالرياض), which no family name
    is; بال that begins a Maghrebi name (بالحاج) stays."""
    w = tok.norm
    if w.startswith("لل"):
        return True
    rest = strip_article(w)
    return w.startswith("بال") and (rest in lex.common_words or rest in lex.places) and rest not in lex.first_names


def _imperfect_verb_like(tok: Token, lex: Lexicons) -> bool:
    """An unknown word shaped like an imperfect verb (يلتقي، تتمحور): a person prefix
    and at least four more letters, and no name we know."""
    w = tok.norm
    return len(w) >= 5 and w[0] in "يتن" and w not in lex.first_names and w not in lex.known_names \
        and word_class(tok, lex) == "name" and not tok.proper


def _glued_to_preposition(tok: Token, lex: Lexicons) -> bool:
    """A common word behind a preposition glued to it (بتحقيق، لتعزيز), which no family
    name is: ووعد محمود بتحقيق «…»."""
    w = tok.norm
    return len(w) > 4 and w[0] in "بل" and w[1:] in lex.common_words and w not in lex.first_names


def _ends_phrase(tokens: Sequence[Token], k: int, limit: int, lex: Lexicons) -> bool:
    """Whether nothing of the noun phrase can follow token k-1 (a full stop does not
    count: a verb's object may end the sentence, أعلن كارتر خطة.)."""
    if k >= limit:
        return False
    if tokens[k].sentence_end:
        return False
    if tokens[k].norm.startswith(("بال", "لل")) and word_class(tokens[k], lex) == "definite":
        return True  # أنور سلامة بالشكر: a preposition with the article opens a new phrase
    return word_class(tokens[k], lex) in ("punct", "mark", "preposition", "adverb", "particle", "pronoun-pp",
                                          "cue", "complementizer", "fa-inna", "relative", "kana")


def _surname_like(tok: Token, lex: Lexicons) -> bool:
    c = word_class(tok, lex)
    if c == "name":
        return True
    return c == "definite" and strip_article(tok.norm) not in lex.common_words


def _indefinite_role(tokens: Sequence[Token], k: int, last: int, lex: Lexicons) -> bool:
    """Whether a title without a name designates someone new: it has no article and no
    definite noun completes it (مسؤول في الوزارة، مسؤول كبير; not رئيس الوزراء)."""
    if has_article(tokens[k].norm) or strip_article(tokens[k].norm) in lex.courtesy:
        return False
    if k + 1 >= last:
        return True
    nxt = tokens[k + 1]
    # مسؤول في الوزارة، مسؤول حكومي، مسؤول كبير — but محافظ جنوب سيناء is a construct
    return word_class(nxt, lex) in ("preposition", "punct") or (
        not has_article(nxt.norm) and nxt.norm.endswith(("ي", "يه", "ين", "ون"))) or nxt.norm in ("كبير", "رفيع")


def _mention(text, tokens, first, last, kind, name_start, name_end, role_start, role_end,
             head, lex) -> Mention:
    start, end = tokens[first].start, tokens[last - 1].end
    name = name_key = None
    n0 = n1 = None
    if name_start is not None and name_end is not None and name_end > name_start:
        n0, n1 = tokens[name_start].start, tokens[name_end - 1].end
        name = _surface(text[n0:n1])
        if kind != "person":
            name = " ".join(_QUOTE_MARKS.sub(" ", name).split())  # صحيفة «الأهرام» → صحيفة الأهرام
        name_key = tuple(fold(t.text) for t in tokens[name_start:name_end] if t.kind == "word")
    if kind != "person" and tokens[first].norm.startswith(("لل", "بال")) and (
            name is None or n0 == tokens[first].start):
        # للمعهد الأميركي، بالوزارة: the source is المعهد الأميركي، الوزارة
        whole = text[tokens[first].start:tokens[last - 1].end] if name is None else text[n0:n1]
        whole = ("ا" + whole[1:]) if tokens[first].norm.startswith("لل") else whole[1:]
        name = " ".join(_QUOTE_MARKS.sub(" ", whole).split())
        name_key = tuple(fold(w) for w in name.split())
        n0 = n0 if n0 is not None else tokens[first].start
        n1 = n1 if n1 is not None else tokens[last - 1].end
    role = None
    if role_start is not None and role_end is not None and role_end > role_start:
        role = _surface(text[tokens[role_start].start:tokens[role_end - 1].end])
        if tokens[role_start].norm.startswith("لل") and _is_title(tokens[role_start].norm[2:], lex):
            role = "ا" + role[1:]  # للشاعر السوري نزار قباني: the role is الشاعر السوري
        if kind == "person":
            role = _with_possessor(text, tokens, first, role_start, role_end, lex) or role
    feminine = None
    if kind == "person" and role_start is not None:
        feminine = _feminine_title(tokens[role_start], lex)
    elif kind in ("organization", "document") and head:
        feminine = head.endswith("ه")  # الوزارة قالت، الجيش قال: the noun's own gender
    if kind == "person" and name is None and role is None:
        kind = "unknown"
    elif kind == "person" and name is None and role_start is not None and _indefinite_role(tokens, role_start, last, lex):
        kind = "anonymous"  # قال مسؤول في الوزارة: an official, not one named before
        role = None
    return Mention(first, last, start, end, text[start:end], kind, name, name_key or (),
                   role, head, feminine, n0, n1)


def _surface(phrase: str) -> str:
    """A phrase as a name or role is written: hashtags read as words (#سلمى_العلي →
    سلمى العلي), spaces collapsed; no name or role holds a # or an _."""
    return " ".join(phrase.replace("#", " ").replace("_", " ").split())


def with_known_names(text: str, paragraphs: Sequence[Paragraph], lex: Lexicons) -> Lexicons:
    """The lexicons for one document: ``lex`` plus the family names, also common words,
    of the people it introduces with a role and a known first name (رئيس النادي مرتضى
    منصور), so that the family name alone reads as a name there (وقال منصور إن …)."""
    names: set[str] = set()
    for para in paragraphs:
        tokens = para.tokens
        for k, tok in enumerate(tokens):
            if tok.kind != "word" or (word_class(tok, lex) != "title" and tok.norm not in lex.first_names):
                continue
            if k > 0 and word_class(tokens[k - 1], lex) in ("name", "title"):
                continue
            m = read_mention(text, tokens, k, len(tokens), lex, skip_adverbs=False)
            if m is None or m.kind != "person" or not m.role or not 2 <= len(m.name_key) <= 4:
                continue
            first, last = m.name_key[0], m.name_key[-1]
            if first in lex.first_names and len(last) > 2 and last.isalpha() \
                    and any(t.end == m.name_end and word_class(t, lex) in ("common", "definite")
                            for t in tokens[m.first:m.last]):
                names.add(last)
    return lex.with_known_names(frozenset(names)) if names else lex


@attrs.define
class Entity:
    """Someone the document names: the fullest name and the role it gives them."""

    name: str
    key: tuple[str, ...]
    role: str | None
    kind: str
    position: int
    feminine: bool | None = None
    head: str = ""  # the designation's head word (شبكه for شبكة التواصل الاجتماعي فيسبوك)

    @property
    def named(self) -> bool:
        """Whether the text names it by more than its head word (not a bare الشركة)."""
        return not (len(self.key) == 1 and strip_article(self.key[0]) == self.head)


@attrs.frozen
class Resolved:
    """A cue's source: the entity it refers to and the words that named it here."""

    entity: Entity
    mention: Mention | None


@attrs.define
class _Group:
    """The entities of one signature in list order, as runs of ascending positions, so
    that "the first (or last) entity before (or after) a position" is a binary search."""

    runs: list[tuple[list[int], list[tuple[int, Entity]]]] = attrs.field(factory=list)

    def add(self, index: int, ent: Entity) -> None:
        if not self.runs or ent.position < self.runs[-1][0][-1]:
            self.runs.append(([], []))
        positions, items = self.runs[-1]
        positions.append(ent.position)
        items.append((index, ent))

    def first_before(self, position: int) -> tuple[int, Entity] | None:
        """The first entity in list order whose position is below ``position``."""
        for positions, items in self.runs:
            if positions[0] < position:
                return items[0]
        return None

    def last_in(self, low: int, high: int) -> tuple[int, Entity] | None:
        """The last entity in list order whose position is in [low, high)."""
        for positions, items in reversed(self.runs):
            i = bisect.bisect_left(positions, high) - 1
            if i >= 0 and positions[i] >= low:
                return items[i]
        return None

    def first_from(self, position: int) -> tuple[int, Entity] | None:
        """The first entity in list order whose position is ``position`` or more."""
        for positions, items in self.runs:
            i = bisect.bisect_left(positions, position)
            if i < len(items):
                return items[i]
        return None


@attrs.define
class SpeakerResolver:
    """Resolves mentions and implicit subjects to the document's speakers.

    Every look-up goes through indexes kept up to date as entities are named and
    speak (by name word, by signature), never through a scan of all of them, so a
    document's cost grows with its length, not with its length squared."""

    text: str
    lex: Lexicons
    entities: list[Entity] = attrs.field(factory=list)
    history: list[tuple[int, Entity]] = attrs.field(factory=list)  # speakers so far
    # people by what they did (كاتب for whoever كتب): وكتب عادل حمودة … وأكد الكاتب
    agents: dict[str, Entity] = attrs.field(factory=dict)
    # -- indexes
    _words: dict[tuple[str | None, tuple[str, ...]], list[str]] = attrs.field(factory=dict)
    _keys_by_word: dict[str, dict[tuple[str, ...], None]] = attrs.field(factory=dict)
    # per name: the first entity, the first with a role, the first person, by (position, list index)
    _firsts: dict[tuple[str, ...], list[tuple[int, int, Entity]]] = attrs.field(factory=dict)
    _spoken: set[tuple[str, ...]] = attrs.field(factory=set)
    # per name: the first of its longest roles, among entities (list index) and mentions
    _entity_role: dict[tuple[str, ...], tuple[int, int, str]] = attrs.field(factory=dict)
    _mention_role: dict[tuple[str, ...], str] = attrs.field(factory=dict)
    # signature (kind, words, head) → entities named with a role or by more than their head
    _named: dict[tuple[str, tuple[str, ...], str], _Group] = attrs.field(factory=dict)
    # signature → index of its last entry in the history
    _spoke_last: dict[tuple[str, tuple[str, ...], str], int] = attrs.field(factory=dict)
    # distinct word sets of named entities and speakers, by word
    _sets_by_word: dict[str, dict[frozenset[str], None]] = attrs.field(factory=dict)
    _counts: dict[str, int] = attrs.field(factory=dict)   # occurrences in the folded text
    _folded: str | None = None
    # the full names of people whose family name, a common word, the name reading left out
    _family_names: dict[tuple[str, ...], str] = attrs.field(factory=dict)
    _same_titles: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = attrs.field(factory=dict)
    _contradictions: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = attrs.field(factory=dict)
    _people_with_role: list[Entity] = attrs.field(factory=list)  # full names with a role
    # every phrase the index read, kept or not, with its paragraph: the options and the
    # document's roles (candidates.py, coref.py) start from them
    read: list[tuple[int, Mention]] = attrs.field(factory=list)

    @classmethod
    def for_document(cls, text: str, paragraphs: Sequence[Paragraph], lex: Lexicons) -> "SpeakerResolver":
        resolver = cls(text, lex)
        for p, para in enumerate(paragraphs):
            tokens = para.tokens
            for k, tok in enumerate(tokens):
                if tok.kind != "word":
                    continue
                c = word_class(tok, lex)
                if c == "preposition" and tok.norm[:1] in "لب" and len(tok.text) > 2 and (
                        _noun_after_preposition(tok.norm) in lex.source_kinds
                        or _is_title(_noun_after_preposition(tok.norm), lex)):
                    # بحسب تقرير لصحيفة "ذي مورنينغ ستار"، ممثلة بالرئيس سالم الحكيم
                    # رئيس الجمهورية: the newspaper, the person is named here
                    m = read_mention(text, without_preposition(tokens, k), k, len(tokens), lex,
                                     skip_adverbs=False)
                    if m is not None and (m.kind in _SOURCE_KINDS or (m.kind == "person" and m.name)):
                        resolver._register(m)
                    continue
                if c not in ("title", "name") and c not in _SOURCE_KINDS and tok.norm not in lex.first_names:
                    continue  # (سامي، عادل: first names that are also words open a name too)
                if k > 0 and c != "title" and (word_class(tokens[k - 1], lex) in (
                        ("title", "definite", "organization") if c in _SOURCE_KINDS
                        else ("title", "name", "definite")) or tokens[k - 1].norm == "باسم"):
                    continue  # inside a phrase already read (a title always opens one; مجلس الإدارة، باسم الحكومة)
                m = read_mention(text, tokens, k, len(tokens), lex, skip_adverbs=False)
                if m is not None:
                    resolver.read.append((p, m))
                # a bare unknown word is no evidence of a name: only a name that a role
                # introduces or explains, a full name that opens with a known first name
                # (زار سامي الراشد المعرض … وقال الراشد), and organisations, enter the index
                if m is not None and ((m.name and (m.role or _plain_full_name(m, lex))) or m.kind in _SOURCE_KINDS):
                    resolver._register(m)
        return resolver

    def register(self, m: Mention) -> Entity:
        """Index a mention read outside the rules (a name and role the entity tagger found)."""
        return self._register(m)

    def _register(self, m: Mention) -> Entity:
        if m.name:
            ent = Entity(m.name, m.name_key, m.role, m.kind, m.start, m.feminine, m.head)
        else:
            named = _nominative(m)
            ent = Entity(named, tuple(fold(named).split()), None, m.kind, m.start, m.feminine, m.head)
        self._add_entity(ent)
        return ent

    # -- the indexes
    def _add_entity(self, ent: Entity) -> None:
        index = len(self.entities)
        self.entities.append(ent)
        if not ent.key:
            return
        for w in ent.key:
            self._keys_by_word.setdefault(w, {})[ent.key] = None
        rank = (ent.position, index, ent)
        firsts = self._firsts.setdefault(ent.key, [None, None, None])
        for slot, wanted in enumerate((True, bool(ent.role), ent.kind == "person")):
            if wanted and (firsts[slot] is None or ent.position < firsts[slot][0]):
                firsts[slot] = rank
        if ent.role:
            words = len(ent.role.split())
            best = self._entity_role.get(ent.key)
            if best is None or words > best[0]:
                self._entity_role[ent.key] = (words, index, ent.role)
            if ent.kind == "person" and len(ent.key) >= 2:
                self._people_with_role.append(ent)
        if ent.role or (ent.kind != "person" and ent.named):
            self._named.setdefault(self._signature(ent), _Group()).add(index, ent)
            self._add_word_set(self._words_of(ent))

    def _add_speaker(self, position: int, ent: Entity) -> None:
        self.history.append((position, ent))
        self._spoke_last[self._signature(ent)] = len(self.history) - 1
        self._spoken.add(ent.key)
        self._add_word_set(self._words_of(ent))

    def _add_word_set(self, words: tuple[str, ...]) -> None:
        word_set = frozenset(words)
        for w in word_set:
            self._sets_by_word.setdefault(w, {})[word_set] = None

    def _words_of(self, e: Entity) -> tuple[str, ...]:
        """The words a bare role is matched against: the role's, else the name's, without article."""
        key = (e.role, e.key)
        words = self._words.get(key)
        if words is None:
            words = self._words[key] = tuple(strip_article(w) for w in (fold(e.role).split() if e.role else e.key))
        return words

    def _signature(self, e: Entity) -> tuple[str, tuple[str, ...], str]:
        """What a look-up by head or role reads of an entity: entities with the same
        signature answer every such look-up alike."""
        return e.kind, self._words_of(e), e.head

    def _same_title(self, said: tuple[str, ...], known: tuple[str, ...]) -> bool:
        key = (said, known)
        found = self._same_titles.get(key)
        if found is None:
            found = self._same_titles[key] = _same_title(list(said), list(known), self.lex)
        return found

    def _contradicts(self, said: tuple[str, ...], known: tuple[str, ...]) -> bool:
        key = (said, known)
        found = self._contradictions.get(key)
        if found is None:
            found = self._contradictions[key] = _contradicts(list(said), list(known), self.lex)
        return found

    def _has_words(self, want: set[str]) -> bool:
        """Whether a named entity or a speaker has every word of ``want`` (not empty)."""
        posting = min((self._sets_by_word.get(w, {}) for w in want), key=len)
        return any(want <= s for s in posting)

    # -- look-ups
    def _fullest(self, key: tuple[str, ...]) -> list[Entity]:
        """Entities whose name contains every word of ``key``: the one meant first
        (a speaker already, else the earliest named), then the fuller forms of it.
        Of each distinct name, only its first entity, its first with a role and its
        first person are listed: the callers read no further."""
        want = set(key)
        if want:
            posting = min((self._keys_by_word.get(w, {}) for w in want), key=len)
            keys = [k for k in posting if want <= set(k)]
        else:
            keys = list(self._firsts)
        if not keys:
            return []

        def first(k: tuple[str, ...]) -> tuple[bool, int, int]:
            position, index, _ = self._firsts[k][0]
            return k not in self._spoken, position, index

        base = set(min(keys, key=first))
        ranked = {}
        for k in keys:
            if base <= set(k) or set(k) <= base:
                for rank in self._firsts[k]:
                    if rank is not None:
                        position, index, ent = rank
                        ranked[index] = (-len(k), position, k not in self._spoken, index)
        entities = self.entities
        return [entities[r[3]] for r in sorted(ranked.values())]

    def _by_head(self, head: str, position: int, kinds: tuple[str, ...],
                 role: str | None = None, strict: bool = False, follows: bool = False) -> Entity | None:
        """The entity a bare role or designation refers to (الوزير، الصحيفة): the most
        recent speaker whose role or name starts with ``head``, else an entity named
        before, else one named after (a role the text explains later). With ``role``,
        an entity whose role has every word of it comes first; with ``strict`` as well,
        only such an entity will do. ``follows``: the cue goes on with what was said
        (وأضاف), so a title nobody was named with may describe the person speaking."""
        ordered = tuple(strip_article(w) for w in fold(role).split()) if role else ()
        want = set(ordered)

        def matches(kind: str, words: tuple[str, ...], e_head: str) -> bool:
            if kind not in kinds or not words:
                return False
            return words[0] == head or words[0].rstrip("ه") == head.rstrip("ه") or (
                kind != "person" and e_head == head)

        def full(words: tuple[str, ...]) -> bool:
            return bool(want) and len(want) > 1 and want <= set(words)

        # people named with a role, and organisations named by more than their head
        # word (self._named), and the speakers so far (self._spoke_last)
        if len(want) > 1 and not self._has_words(want):
            # الأمين العام الأممي for الأمين العام للأمم المتحدة (a name): the same title,
            # said another way, with no adjective that contradicts it
            if "person" in kinds:
                last = max((i for (kind, words, _), i in self._spoke_last.items()
                            if kind == "person" and self._same_title(ordered, words)), default=None)
                if last is not None:
                    return self.history[last][1]
                firsts = [found for (kind, words, _), group in self._named.items()
                          if kind == "person" and self._same_title(ordered, words)
                          and (found := group.first_before(position)) is not None]
                if firsts:
                    return min(firsts, key=lambda found: found[0])[1]
            # الفنان اللبناني, said of nobody named so: most likely the person just named
            # with a role in this paragraph (… أعرب نائب وزير الخارجية سامي كارو … حسب
            # تعبير المسؤول التركي), else the person speaking
            paragraph = self.text.rfind("\n", 0, position) + 1
            generic = head in self.lex.generic_titles
            here = [found for (kind, words, _), group in self._named.items()
                    if kind == "person" and words and (generic or words[0] == head)
                    and (found := group.last_in(paragraph, position)) is not None]
            latest = [max(here, key=lambda found: found[0])[1]] if here else []
            # only a descriptor can be anyone: a generic title or a nationality (المسؤول
            # التركي، الفنان اللبناني); an office with its complement (رئيس البلدية،
            # المدعي العام) is someone else than a person with another title, unless the
            # cue goes on with what was said (وأضاف أستاذ الاقتصاد)
            descriptor = generic or follows or all(_country_of(w, self.lex) for w in ordered[1:])
            recent = [e for e in latest + [e for _, e in reversed(self.history[-3:])]
                      if e.kind in kinds and e.kind == "person"
                      and (descriptor or not e.role or self._words_of(e)[:1] == (head,))
                      and not self._contradicts(ordered, self._words_of(e))]
            if recent:
                return recent[0]

        def fits(kind: str, words: tuple[str, ...], e_head: str) -> bool:
            return matches(kind, words, e_head) and (not strict or len(want) < 2 or full(words)) \
                and not (kind == "person" and self._contradicts(ordered, words))

        # the most recent speaker, else the last entity named before, else (a person's
        # only: الشركة is never a company named further on) the first named after;
        # in each, one with every word of the role first
        spoke = [(full(sig[1]), i) for sig, i in self._spoke_last.items() if fits(*sig)]
        if spoke and max(spoke)[0]:
            return self.history[max(spoke)[1]][1]
        before = [(full(sig[1]), found[0], found[1]) for sig, group in self._named.items()
                  if fits(*sig) and (found := group.last_in(-1, position)) is not None]
        # (الوزير الألماني: the German minister named before, not another minister who spoke since)
        if spoke and not any(c[0] for c in before):
            return self.history[max(spoke)[1]][1]
        if before:
            return max(before, key=lambda c: (c[0], c[1]))[2]
        after = [(not full(sig[1]), found[0], found[1]) for sig, group in self._named.items()
                 if sig[0] == "person" and fits(*sig) and (found := group.first_from(position)) is not None]
        if after:
            return min(after, key=lambda c: (c[0], c[1]))[2]
        return None

    def resolve(self, mention: Mention | None, position: int, feminine: bool | None,
                plural: bool = False, topic: Mention | None = None,
                clause_subject: Mention | None = None, agent: str = "",
                follows: bool = False) -> "Resolved | None":
        """The speaker for a cue at ``position``: from its mention, or from context.

        ``topic`` is the person a paragraph opens with (سامي الحداد لا يخشى المنافسة … وقال
        إنه …): a cue with no subject refers to them when nobody has spoken since.
        ``clause_subject`` is the subject of the verb a participle cue goes with
        (واستهجن المواطن …، قائلا): it is the source whoever spoke since.
        ``agent`` is the participle of the cue verb (كاتب for كتب): a later bare
        الكاتب refers to whoever this speaker is."""
        resolved = self._resolve(mention, position, feminine, plural, topic, clause_subject, follows)
        if agent and resolved is not None and resolved.entity.kind == "person":
            self.agents[agent] = resolved.entity
        return resolved

    def _resolve(self, mention: Mention | None, position: int, feminine: bool | None,
                 plural: bool = False, topic: Mention | None = None,
                 clause_subject: Mention | None = None, follows: bool = False) -> "Resolved | None":
        if mention is None and clause_subject is not None and (
                feminine is None or clause_subject.feminine is None or clause_subject.feminine == feminine):
            resolved = self.resolve(clause_subject, clause_subject.start, feminine)
            if resolved is not None:
                return Resolved(resolved.entity, None)
        if mention is None:
            last = self.history[-1][0] if self.history else -1
            if topic is not None and topic.start > last and topic.kind == "person" and topic.name \
                    and (feminine is None or topic.feminine is None or topic.feminine == feminine):
                resolved = self.resolve(topic, topic.start, feminine)
                return Resolved(resolved.entity, None) if resolved else None
            ent = self._recent(feminine, plural)
            if ent is None:
                return None
            return self._speak(ent, None, position)
        if mention.name:
            candidates = self._fullest(mention.name_key)
            role = mention.role
            if candidates:
                best = candidates[0]
                role = role or next((e.role for e in candidates if e.role), None)
                kind = "person" if best.kind == "person" else mention.kind  # «الحذيفي»: a person named before
                extra = set(best.key) - set(mention.name_key)
                if kind != "person" and extra and all(strip_article(w) in self.lex.source_kinds for w in extra):
                    best = attrs.evolve(best, name=mention.name, key=mention.name_key)  # فيسبوك, not شبكة فيسبوك
                ent = Entity(best.name, best.key, role, kind, position,
                             mention.feminine if mention.feminine is not None else best.feminine,
                             best.head or mention.head)
            else:
                ent = Entity(mention.name, mention.name_key, role, mention.kind, position, mention.feminine,
                             mention.head)
                self._add_entity(ent)
            if feminine is not None and ent.feminine is None and mention.kind == "person":
                ent.feminine = feminine
            return self._speak(ent, mention, position)
        if mention.name is None and mention.head not in self.lex.source_kinds:
            # a family name with the article, alone (وتابع العلي): a person named before
            known = [e for e in self._fullest(tuple(fold(mention.text).split())) if e.kind == "person"]
            if known:
                return self._speak(known[0], mention, position)
            named = self._family_name_of(mention)
            if named is not None:
                return self._speak(named, mention, position)
        if mention.kind == "person" or (mention.role and mention.kind == "unknown"):
            ent = self._by_head(mention.head, position, ("person", "anonymous"), mention.role or mention.text,
                                follows=follows)
            if ent is None and mention.name is None and len(mention.text.split()) == 1:
                # الكاتب, said of nobody named so: the person who wrote (كتب) just before
                ent = self.agents.get(mention.head)
            if ent is not None:
                return self._speak(ent, mention, position)
        if mention.kind == "document":
            # تقرير الصحيفة، بيان الوزارة: the source is the organisation the document is of
            words = fold(mention.text).split()
            if len(words) >= 2 and self.lex.source_kinds.get(strip_article(words[1])) == "organization":
                ent = self._by_head(strip_article(words[1]), position, ("organization",))
                if ent is not None:
                    return self._speak(ent, mention, position)
        if mention.kind in ("organization", "document", "anonymous"):
            # a short designation (الصحيفة، الاتحاد) refers to the fullest one named before
            if len(mention.text.split()) <= 2 and self.text[mention.start:mention.start + 2] in ("ال", "ال"):
                generic = mention.head in self.lex.companies | self.lex.media
                ent = None
                if generic:
                    # الشركة، الشبكة: the company or outlet that is speaking, if the text named it
                    same = tuple(self.lex.companies) if mention.head in self.lex.companies else (mention.head,)
                    ent = self._recent_named_organization(same + ("",))
                if ent is None:
                    # الخارجية الكندية is not الخارجية الأمريكية: every word must agree
                    ent = self._by_head(mention.head, position, (mention.kind,), mention.text, strict=True)
                if ent is None and generic:
                    ent = self._recent_named_organization()
                if ent is not None:
                    return self._speak(ent, mention, position)
        named = _nominative(mention)
        ent = Entity(named, tuple(fold(named).split()), mention.role if mention.kind == "person" else None,
                     mention.kind, position, feminine, mention.head)
        # a bare definite phrase (المعارضة) is kept as the speaker here, but it is too
        # weak to stand for the subject of later cues that have none
        return self._speak(ent, mention, position, remember=mention.head in self.lex.source_kinds
                           or mention.kind in ("person", "anonymous", "document", "group"))

    def _family_name_of(self, mention: Mention) -> Entity | None:
        """The person whose name the text gives right before this one definite word, which
        is then their family name though it is also a common word (محمد سامي الحداد …
        وأضاف الحداد); None for a title or body word, or when nobody was so named."""
        words = fold(mention.text).split()
        if len(words) != 1 or not has_article(words[0]) or _is_title(strip_article(words[0]), self.lex) \
                or strip_article(words[0]) in self.lex.source_kinds:
            return None
        if self._folded is None:
            self._folded = fold(self.text)
        found = [e for e in self.entities if e.kind == "person" and e.name and e.position < mention.start
                 and f"{fold(e.name)} {words[0]}" in self._folded]
        if not found:
            return None
        person = max(found, key=lambda e: e.position)
        self._family_names[person.key] = f"{person.name} {mention.text}"  # the fullest name given
        return person

    def _recent_named_organization(self, heads: tuple[str, ...] | None = None) -> Entity | None:
        """The organisation that spoke last, if the text named it (فيسبوك … الشركة);
        with ``heads``, only one designated by one of these head words."""
        for _, ent in reversed(self.history[-3:]):
            if heads is not None and ent.head not in heads:
                continue
            if ent.kind == "organization" and ent.named:
                return ent
        return None

    def _recent(self, feminine: bool | None, plural: bool = False) -> Entity | None:
        if not self.history:
            # nobody has spoken yet: the person with a full name and a role whom the
            # document names most
            if not self._people_with_role:
                return None
            return max(self._people_with_role, key=lambda e: (self._count(e.key[-1]), -e.position))
        for _, ent in reversed(self.history[-4:]):
            # the verb agrees with its subject: وقال is no group's, وقالت no man's
            if (feminine is None or ent.feminine is None or ent.feminine == feminine) and (
                    plural or ent.kind != "group"):
                return ent
        return self.history[-1][1]

    def _count(self, word: str) -> int:
        """How often ``word`` occurs in the folded text (counted once per word)."""
        if word not in self._counts:
            if self._folded is None:
                self._folded = fold(self.text)
            self._counts[word] = self._folded.count(word)
        return self._counts[word]

    def _speak(self, ent: Entity, mention: Mention | None, position: int,
               remember: bool = True) -> "Resolved":
        if remember:
            # a body is as feminine as the noun that just named it (الوزارة قالت، التقرير قال)
            agreed = ent if mention is None or mention.feminine is None or ent.kind == "person" \
                else attrs.evolve(ent, feminine=mention.feminine)
            self._add_speaker(position, agreed)
        if mention is not None and mention.role and ent.kind == "person":
            best = self._mention_role.get(ent.key)
            if best is None or len(mention.role.split()) > len(best.split()):
                self._mention_role[ent.key] = mention.role
        return Resolved(ent, mention)

    def speaker(self, resolved: "Resolved | None") -> Speaker | None:
        """The final speaker: once the whole document is read, the role is the fullest
        one the document gives this person (الفنان اللبناني over النجم)."""
        if resolved is None:
            return None
        ent, mention = resolved.entity, resolved.mention
        role = None
        if ent.kind == "person":
            # the first of the longest: among the roles its mentions gave, its own,
            # and those of the entities named by part of its name, in that order
            role = self._mention_role.get(ent.key)
            if ent.role and (role is None or len(ent.role.split()) > len(role.split())):
                role = ent.role
            want = set(ent.key)
            keys = {k: None for w in want for k in self._keys_by_word.get(w, {})
                    if k in self._entity_role and set(k) <= want}
            named = max((self._entity_role[k] for k in keys), key=lambda r: (r[0], -r[1]), default=None)
            if named is not None and (role is None or named[0] > len(role.split())):
                role = named[2]
        return Speaker(name=self._family_names.get(ent.key, ent.name), role=role, kind=ent.kind,
                       mention=mention.span if mention else None)
