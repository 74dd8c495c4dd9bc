"""Stage 3b: the dependency parse, run only where a cue needs it.

Only the sentences that hold a speech cue are parsed, in one batch across all the
documents of a call (Stanza is fast per batch, slow per call). What the parse adds to
the rules:

- the cue verb's subject (``nsubj``, also after the verb) finds a speaker the rules
  missed, and tells a subject from the object that follows it (أعلن X بدء …);
- the verb's gender (``Gender=Fem``) picks the speaker of a cue with no subject;
- the object (``obj``/``obl``) starts a reported quote where the rules were unsure.

The rules stay in charge: the parse is used where they found nothing, or where its
answer is checked by the rules' own reading of the phrase (read_mention).
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterator, Sequence

import attrs

from .attribute import Candidate, DocumentView
from .errors import ModelError
from .lexicon import Lexicons
from .resources import data_dir
from .segment import Token
from .speakers import noun_phrase_mention, read_mention, word_class

# The parser reads no lemmas, so the pipeline's lemma step runs as the identity: Stanza's
# depparse requires a lemma step (named by its model file), and the trained
# lemmatizer would only cost time.
MODEL_FILES = {
    "tokenize_model_path": "ar_tokenizer.pt",
    "mwt_model_path": "ar_mwt.pt",
    "pos_model_path": "ar_pos.pt",
    "lemma_model_path": "ar_lemma.pt",
    "depparse_model_path": "ar_depparse.pt",
    "pos_pretrain_path": "ar_pretrain.pt",
    "depparse_pretrain_path": "ar_pretrain.pt",
}
PROCESSORS = "tokenize,mwt,pos,lemma,depparse"


@attrs.frozen
class ParsedWord:
    """One syntactic word, with offsets into the parsed window."""

    index: int       # 0-based within its sentence
    text: str
    start: int
    end: int
    upos: str
    feats: str
    head: int        # 0-based index of the head word; -1 for the root
    deprel: str
    xpos: str = ""

    @property
    def proper(self) -> bool:
        """A proper noun: PROPN, or X with an unknown or foreign XPOS (U…, X…), as PADT tags names."""
        return self.upos == "PROPN" or (self.upos == "X" and self.xpos[:1] in ("X", "U", "F", ""))

    @property
    def feminine(self) -> bool | None:
        if "Gender=Fem" in self.feats:
            return True
        if "Gender=Masc" in self.feats:
            return False
        return None


def bundled_models_dir() -> Path:
    return data_dir() / "models"


def check_model_dir(directory: Path) -> dict[str, str]:
    """The pipeline's model paths in ``directory``; a clear error for a missing file."""
    paths = {}
    for option, name in MODEL_FILES.items():
        path = directory / name
        check_model_file(path, "train them with `make models`, or use --parser none for the rules alone")
        paths[option] = str(path)
    return paths


def check_model_file(path: Path, how_to_make: str) -> None:
    """A ModelError naming ``path`` when it is missing (saying ``how_to_make`` it) or
    too short to be a model."""
    if not path.is_file():
        raise ModelError(f"model file missing: {path} ({how_to_make})")
    if path.stat().st_size < 64:
        raise ModelError(f"model file is empty or truncated: {path}")


class Parser:
    """A Stanza pipeline for Arabic, loaded once, parsing batches of sentences."""

    def __init__(self, nlp: Any, source: str) -> None:
        self.nlp = nlp
        self.source = source

    @classmethod
    def load(cls, models: str | Path | None = None) -> "Parser":
        """Load the bundled models (``models=None``), a directory of models, or Stanza's
        own Arabic package (``models="stanza"``, after ``stanza.download("ar")``).

        Torch keeps its own number of threads (one per core) unless QUOTES_TORCH_THREADS
        sets it; ``--jobs`` workers use one each (batch.py). On this 2-core machine two
        threads parse the bench corpus about a fifth faster than one, quotes identical."""
        try:
            import stanza
            import torch
        except ImportError as e:  # pragma: no cover - stanza is a dependency
            raise ModelError(f"the parser needs stanza and torch: {e}") from None
        apply_thread_setting(torch)
        kwargs: dict[str, Any] = dict(lang="ar", processors=PROCESSORS, tokenize_no_ssplit=True,
                                      lemma_use_identity=True, download_method=None,
                                      allow_unknown_language=True,  # our own models, no resources.json entry
                                      logging_level="ERROR", use_gpu=False)
        if models == "stanza":
            source = "stanza"
        else:
            directory = Path(models) if models else bundled_models_dir()
            kwargs.update(check_model_dir(directory))
            resources = directory / "resources.json"
            if not resources.exists():
                raise ModelError(f"model file missing: {resources} (an empty JSON object is enough)")
            kwargs["dir"] = str(directory)
            source = str(directory)
        try:
            with _no_training_optimizers():
                nlp = stanza.Pipeline(**kwargs)
            _with_fast_decoding()
            mwt = nlp.processors.get("mwt")
            if mwt is not None:
                mwt.trainer.predict = memoised_expansions(mwt.trainer.predict, {})
        except Exception as e:  # stanza raises many kinds; name what failed
            hint = ' (run stanza.download("ar") first)' if models == "stanza" else ""
            raise ModelError(f"cannot load the Stanza models from {source}: {e}{hint}") from None
        return cls(nlp, source)

    def parse(self, texts: Sequence[str]) -> list[list[ParsedWord]]:
        """Parse each text as one sentence; words with offsets into that text."""
        if not texts:
            return []
        from stanza import Document
        docs = []
        # at most MAX_PARSE_BATCH texts a call: a huge document's hundreds of cue
        # sentences would otherwise be one batch, and the memory peak grows with it
        for i in range(0, len(texts), MAX_PARSE_BATCH):
            docs.extend(self.nlp.bulk_process([Document([], text=t) for t in texts[i:i + MAX_PARSE_BATCH]]))
        out = []
        for doc in docs:
            words: list[ParsedWord] = []
            for sent in doc.sentences:
                base = len(words)
                for w in sent.words:
                    tok = w.parent
                    start = w.start_char if w.start_char is not None else tok.start_char
                    end = w.end_char if w.end_char is not None else tok.end_char
                    words.append(ParsedWord(base + w.id - 1, w.text, start, end, w.upos or "",
                                            w.feats or "", base + w.head - 1 if w.head else -1,
                                            w.deprel or "", w.xpos or ""))
            out.append(words)
        return out


def apply_thread_setting(torch: Any) -> None:
    """Torch's threads as QUOTES_TORCH_THREADS says (else torch's default, one per core)."""
    if os.environ.get("QUOTES_TORCH_THREADS"):
        torch.set_num_threads(int(os.environ["QUOTES_TORCH_THREADS"]))


@contextlib.contextmanager
def _no_training_optimizers() -> Iterator[None]:
    """Stanza's tokenizer builds an Adam optimizer even to predict, and torch imports
    its compiler (torch._dynamo, ~1.5 s) the first time an optimizer is made. Nothing
    here trains, so the models are loaded without one: process start-up (each
    ``--jobs`` worker, each command) is that much shorter."""
    try:
        from stanza.models.common import utils
    except ImportError:  # pragma: no cover
        yield
        return
    stand_ins = {"get_optimizer": lambda *args, **kwargs: None,        # the tokenizer's
                 "get_split_optimizer": lambda *args, **kwargs: {}}    # the tagger's (a dict)
    originals = {name: getattr(utils, name) for name in stand_ins if hasattr(utils, name)}
    for name in originals:
        setattr(utils, name, stand_ins[name])
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(utils, name, original)


def _acyclic(heads: list[int]) -> bool:
    """Whether every word's chain of heads reaches the root (0): no cycle."""
    state = [0] * len(heads)  # 0 unseen, 1 on the path being followed, 2 reaches the root
    state[0] = 2
    for i in range(1, len(heads)):
        path = []
        j = i
        while state[j] == 0:
            state[j] = 1
            path.append(j)
            j = heads[j]
        if state[j] == 1:
            return False
        for k in path:
            state[k] = 2
    return True


def fast_one_root_tree(original: Any) -> Any:
    """Stanza's decoder of the best one-root tree, with a shortcut: when each word's
    best head already forms a tree with one root, that tree is the answer, and the
    decoder would return it too after a cycle search in pure Python (most of the
    parser's decoding time on short windows). Otherwise the original decoder runs.
    The trees are the same either way (a test compares them)."""
    import numpy as np

    def one_root(scores: Any) -> Any:
        # (the original lowers every root arc by one constant; each one-root tree has one
        # root arc, so that changes no choice among them, and the best tree of all, when
        # it has one root, is the best one-root tree)
        s = scores.astype(np.float64)  # (a copy, as the original makes)
        np.fill_diagonal(s, -np.inf)
        s[0] = -np.inf
        s[0, 0] = 0
        tree = np.argmax(s, axis=1)
        if int((tree[1:] == 0).sum()) == 1 and _acyclic(tree.tolist()):
            return tree
        return original(scores)

    one_root.quotes_shortcut = True  # type: ignore[attr-defined]
    return one_root


# multi-word tokens whose expansion is remembered per process (a few MB at most)
MWT_MEMO = 100_000


def memoised_expansions(predict: Any, memo: dict[str, str]) -> Any:
    """Stanza's MWT expander, remembering each token's expansion (وقال → و قال): the
    seq2seq model reads one token at a time, so the same token always expands the same
    way, and news repeats its clitic forms. Only the tokens not seen before go through
    the model, as one smaller batch."""
    import torch
    from stanza.models.common import utils
    from stanza.models.mwt.data import DataBatch

    def expand(batch: Any, unsort: bool = True, never_decode_unk: bool = False, vocab: Any = None) -> list[str]:
        src, src_mask, tgt_in, tgt_out, orig_text, orig_idx = batch
        todo = [i for i, text in enumerate(orig_text) if text not in memo]
        if todo:
            rows = torch.tensor(todo, dtype=torch.long)
            width = int((~src_mask[rows]).sum(1).max())  # the longest of the rows kept
            sub = DataBatch(src[rows, :width], src_mask[rows, :width],
                            None if tgt_in is None else tgt_in[rows], None if tgt_out is None else tgt_out[rows],
                            [orig_text[i] for i in todo], list(range(len(todo))))
            if len(memo) + len(todo) > MWT_MEMO:
                memo.clear()
            for i, expansion in zip(todo, predict(sub, unsort=False, never_decode_unk=never_decode_unk, vocab=vocab)):
                memo[orig_text[i]] = expansion
        expansions = [memo[text] for text in orig_text]
        return utils.unsort(expansions, orig_idx) if unsort else expansions

    return expand


def _with_fast_decoding() -> None:
    """Give Stanza's dependency parser the shortcut decoder (once per process)."""
    try:
        from stanza.models.depparse import model
    except ImportError:  # pragma: no cover
        return
    if not getattr(model.chuliu_edmonds_one_root, "quotes_shortcut", False):
        model.chuliu_edmonds_one_root = fast_one_root_tree(model.chuliu_edmonds_one_root)


_DELETE = re.compile("[\u064B-\u0652\u0670\u0640]")  # diacritics and tatweel: not in the treebank
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC]")  # ﻗﺎﻝ for قال, ﻻ for لا


def parser_input(text: str) -> tuple[str, list[int]]:
    """The copy of a sentence the parser reads, and for each of its characters the
    offset of that character in ``text``: diacritics and tatweel are deleted,
    presentation forms become the letters they show and Arabic-Indic digits are
    made Western, as the models were trained (data/models/README.md)."""
    chars, kept = [], []
    for i, ch in enumerate(text):
        shown = unicodedata.normalize("NFKC", ch) if _PRESENTATION.match(ch) else ch
        for c in shown:
            if not _DELETE.match(c) and not (c == " " and shown != ch):
                chars.append(c)
                kept.append(i)
    return "".join(chars).translate(_DIGITS), kept


def to_original(words: list[ParsedWord], offsets: list[int], length: int) -> list[ParsedWord]:
    """Words with offsets into the original sentence instead of the parser's copy."""
    def at(i: int) -> int:
        return offsets[i] if i < len(offsets) else length
    return [attrs.evolve(w, start=at(w.start), end=at(w.end - 1) + 1 if w.end > w.start else at(w.start))
            for w in words]


@attrs.frozen
class Window:
    """A stretch of one sentence sent to the parser, and its offsets in the document."""

    doc: int
    paragraph: int
    sentence: int  # index of the sentence's first token
    first: int     # token indices [first, last) of the stretch
    last: int
    start: int
    end: int


MAX_PARSE_BATCH = 128  # windows per call to Stanza
CONTEXT_BEFORE = 8  # words parsed before a cue: room for a subject written first (X قال …)


def needs_parse(view: DocumentView, cand: Candidate, lex: Lexicons) -> bool:
    """Whether the parse can change this candidate (see ``_apply``): a verb cue whose
    subject the rules did not read, or read as a bare role or title (الوزير، رئيس الحزب)
    whose name the parse may find, or whose gender they do not know. A named or
    organisational source is final, so its sentence is never parsed; nor is a cue with
    no room for a subject (وأضاف أن …) or for a name after its title (وقال الوزير إن …)."""
    if cand.cue is None or cand.cue.kind != "verb" or cand.impersonal:
        return False
    m = cand.mention
    if m is None and cand.feminine is not None and _no_room_for_subject(view, cand, lex):
        return False
    if m is not None and m.kind == "person" and not m.name and cand.feminine is not None \
            and _clause_opens(view.paragraphs[cand.paragraph].tokens, m.last, lex):
        return False  # وقال الوزير إن …: no name after the title to complete (34 of 81 titles)
    return cand.feminine is None or m is None or (m.kind == "person" and not m.name)


def _no_room_for_subject(view: DocumentView, cand: Candidate, lex: Lexicons) -> bool:
    """Whether a cue's subject, if the rules read none, cannot be in its sentence: no
    subject stands before the cue (it carries the conjunction و or opens the sentence;
    not ف, which follows a topic: أما الكاتب …، فقال) and the clause follows it at once
    (وأضاف أن …، قالت: "…"). On 100k words of news-raw the parse changed none of these
    cues, a fifth of those it was run for. Not a preposition: the subject may follow
    the channel (وقال لـ"الصحيفة" …)."""
    tokens = view.paragraphs[cand.paragraph].tokens
    i = cand.cue.index
    if not (tokens[i].norm[:1] == "و" or i == 0 or tokens[i - 1].sentence_end):
        return False
    return _clause_opens(tokens, i + 1, lex)


def _clause_opens(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """Whether token ``k`` opens the quoted clause: a quotation mark, a colon, or the
    complementizer (أن، إن، بأن)."""
    if k >= len(tokens):
        return False
    tok = tokens[k]
    if tok.kind == "mark" or tok.text == ":":
        return True
    # بان: folded like بأن, but also a name (وقال بان كي مون)
    return tok.norm in lex.group("complementizer") and tok.text != "بان"


def cue_bounds(view: DocumentView, cand: Candidate) -> tuple[int, int]:
    """Token range [first, end) whose parse the attribution of ``cand`` reads: from a
    few words before the cue to the end of its zone. Both the windows parsed and the
    facts read are bounded by it, so that parsing the whole sentence gives the same
    attribution."""
    a, b = view.sentence_of(cand.paragraph, cand.cue.index)
    if cand.zone_end < 0:
        return a, b
    return max(a, cand.cue.index - CONTEXT_BEFORE), min(b, max(cand.zone_end, cand.cue.index + 2))


def cue_windows(views: Sequence[DocumentView], cands: Sequence[Sequence[Candidate]], lex: Lexicons,
                everything: bool = False, whole_sentences: bool = False) -> list[Window]:
    """The stretches to parse: around each verb cue that needs the parse, from a few
    words before it to the end of its zone (the speaker is there; the quote's content is
    not needed), overlapping stretches merged; whole sentences with ``whole_sentences``;
    every sentence with ``everything``. Stretches are never merged across a gap: a long
    paragraph with many cues gives many short windows, and the parser's memory grows with
    the square of a window's length."""
    windows = []
    for d, (view, doc_cands) in enumerate(zip(views, cands)):
        spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for c in doc_cands:
            if not needs_parse(view, c, view.lexicons or lex):
                continue
            a, b = view.sentence_of(c.paragraph, c.cue.index)
            spans.setdefault((c.paragraph, a), []).append((a, b) if whole_sentences else cue_bounds(view, c))
        for p, para in enumerate(view.paragraphs):
            for a, b in view.sentences[p]:
                for first, end in ([(a, b)] if everything else _merged(spans.get((p, a), []))):
                    windows.append(Window(d, p, a, first, end, para.tokens[first].start,
                                          para.tokens[end - 1].end))
    return windows


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges with the overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for first, end in sorted(spans):
        if out and first < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((first, end))
    return out


def refine_with_parse(parser: Parser, views: Sequence[DocumentView], cands: Sequence[list[Candidate]],
                      lex: Lexicons, everything: bool = False) -> dict[str, int]:
    """Parse the cue sentences of a batch and correct the candidates; counts of what changed."""
    windows = cue_windows(views, cands, lex, everything)
    inputs = [parser_input(views[w.doc].text[w.start:w.end]) for w in windows]
    parses = [to_original(words, offsets, w.end - w.start)
              for w, (_, offsets), words in zip(windows, inputs, parser.parse([t for t, _ in inputs]))]
    by_sentence: dict[tuple[int, int, int], list[tuple[Window, list[ParsedWord]]]] = {}
    for w, words in zip(windows, parses):
        by_sentence.setdefault((w.doc, w.paragraph, w.sentence), []).append((w, words))
    stats = {"windows": len(windows), "words": sum(len(w) for w in parses),
             "subject_added": 0, "name_completed": 0, "gender": 0, "noun_subject": 0}
    for d, (view, doc_cands) in enumerate(zip(views, cands)):
        for cand in doc_cands:
            if not needs_parse(view, cand, view.lexicons or lex):
                continue
            a, _ = view.sentence_of(cand.paragraph, cand.cue.index)
            found = next(((w, words) for w, words in by_sentence.get((d, cand.paragraph, a), [])
                          if w.first <= cand.cue.index < w.last), None)
            if found is None:
                continue
            window, words = found
            _apply(view, cand, window, words, view.lexicons or lex, stats)
    return stats


def tag_proper_nouns(tokens: Sequence[Token], window: Window, words: list[ParsedWord],
                     bounds: tuple[int, int]) -> list[Token]:
    """The paragraph's tokens, with those the parse tags as proper nouns marked ``proper``
    (only within ``bounds``, token indices: the cue's window)."""
    spans = [(window.start + w.start, window.start + w.end) for w in words if w.proper]
    out = list(tokens)
    lo, hi = bounds
    for i in range(max(lo, window.first), min(hi, window.last)):
        tok = tokens[i]
        if tok.kind == "word" and any(s < tok.end and tok.start < e for s, e in spans):
            out[i] = attrs.evolve(tok, proper=True)
    return out


def _apply(view: DocumentView, cand: Candidate, window: Window, words: list[ParsedWord],
           lex: Lexicons, stats: dict[str, int]) -> None:
    tokens = view.paragraphs[cand.paragraph].tokens
    cue_tok = tokens[cand.cue.index]
    verb = _word_at(words, cue_tok.start - window.start, cue_tok.end - window.start, prefer="VERB")
    if verb is None:
        return
    if cand.feminine is None and verb.feminine is not None:
        cand.feminine = verb.feminine
        stats["gender"] += 1
    lo, hi = cue_bounds(view, cand)
    tagged = tag_proper_nouns(tokens, window, words, (lo, hi))
    limit = _quote_start(tokens, cand, window)
    if cand.mention is not None:
        # the same phrase read again with the parser's proper nouns: a name the rules
        # took for a word (وزيرة الصحة سلمى الخطيب) completes the mention; where the rules
        # took that name for the start of a noun object (أعلنت وزيرة الصحة سلمى الخطيب
        # إطلاق خطة), the object then starts after it
        open_object = cand.type == "reported" and limit <= cand.mention.last
        bound = min(window.last, cand.mention.last + 4) if open_object else max(limit, cand.mention.last)
        again = read_mention(view.text, tagged, cand.mention.first, bound, lex, skip_adverbs=False)
        if again is None or not again.name or cand.mention.name or cand.mention.kind != "person" \
                or again.first != cand.mention.first or _quoted_after_preposition(tokens, again.name_start):
            return
        if again.last > limit:
            a = again.last
            while a < window.last and (tokens[a].kind == "punct" or word_class(tokens[a], lex) == "adverb"):
                a += 1
            if a >= window.last or tokens[a].start >= cand.end:
                return
            cand.start = tokens[a].start
        cand.mention = again
        stats["name_completed"] += 1
        return
    # a subject the rules did not read: let the rules read the phrase the parse points at
    subj = next((w for w in words if w.head == verb.index and w.deprel.startswith("nsubj")
                 and w.upos in ("PROPN", "NOUN", "X")), None)
    if subj is None:
        return
    start = window.start + _subtree_start(words, subj)
    k = next((i for i in range(max(lo, window.first), min(hi, window.last))
              if tokens[i].start <= start < tokens[i].end), None)
    if k is not None and cand.type == "reported" and cand.rule == "object+comp" and k == cand.cue.index + 1 \
            and tokens[k].start == cand.start and subj.upos == "NOUN":
        _object_was_subject(view, cand, tokens, k, lex, stats)
        return
    if k is None or cand.start <= tokens[k].start < cand.end:
        return  # the subject lies inside the quote: a parse error
    if _quoted_after_preposition(tokens, tokens[k].start):
        return
    end = cand.cue.index if k < cand.cue.index else limit
    mention = read_mention(view.text, tagged, k, end, lex, skip_adverbs=False)
    verb_form = cand.cue.form.verb if cand.cue.form is not None else None
    if (mention is None or mention.kind == "unknown") and subj.upos == "NOUN" and k == cand.cue.index + 1 \
            and not (verb_form is not None and (verb_form.describes or verb_form.judges)):
        # ويشير تحليل الدم إلى أن …: a noun no lexicon lists, which the parse makes the
        # subject (not after وصف or رفض, whose noun is the object described or judged)
        mention = noun_phrase_mention(view.text, tokens, k, end, lex)
        if mention is not None:
            cand.mention = mention
            stats["noun_subject"] += 1
        return
    if mention is None or mention.kind == "unknown" or (mention.name is None and mention.kind == "organization"
                                                        and mention.head not in lex.source_kinds):
        return
    if subj.upos == "NOUN" and mention.kind == "person" and mention.name and not mention.role:
        return  # a common noun the rules would read as a bare name (تجليات): no source
    cand.mention = mention
    stats["subject_added"] += 1


def _object_was_subject(view: DocumentView, cand: Candidate, tokens: Sequence[Token], k: int,
                        lex: Lexicons, stats: dict[str, int]) -> None:
    """وكشف تحقيق صحفي أن …: the rules, finding no subject, took the noun before the
    complementizer for the verb's object and the claim; the parse makes it the subject.
    The quote is then the clause after the complementizer, and the noun its source."""
    mention = noun_phrase_mention(view.text, tokens, k, len(tokens), lex)
    if mention is None:
        return
    a = mention.last + (tokens[mention.last].norm in ("الي", "علي", "من"))
    a += 1  # the complementizer
    if a >= len(tokens) or tokens[a].start >= cand.end or any(
            t.kind == "mark" for t in tokens[a:] if t.start < cand.end):
        return  # quoted words inside: left as the rules read them
    cand.mention, cand.type, cand.start, cand.rule = mention, "indirect", tokens[a].start, "comp"
    stats["noun_subject"] += 1


def _quoted_after_preposition(tokens: Sequence[Token], start: int | None) -> bool:
    """Whether the word at offset ``start`` opens a quoted name after a preposition (في
    تصريح للجوهرة "اف ام"): the channel spoken to, never the speaker."""
    k = next((i for i, t in enumerate(tokens) if t.start == start), None)
    return k is not None and k >= 2 and tokens[k - 1].kind == "mark" and tokens[k - 2].kind == "word" \
        and tokens[k - 2].norm[:1] in "لب"


def _quote_start(tokens: Sequence[Token], cand: Candidate, window: Window) -> int:
    """Index of the first token of the quote (or the window's end) after the cue."""
    for i in range(cand.cue.index + 1, window.last):
        if tokens[i].start >= cand.start and cand.start > tokens[cand.cue.index].start:
            return i
    return window.last


def _word_at(words: list[ParsedWord], start: int, end: int, prefer: str) -> ParsedWord | None:
    inside = [w for w in words if w.start < end and start < w.end]
    for w in inside:
        if w.upos == prefer:
            return w
    return inside[-1] if inside else None


def _subtree_start(words: list[ParsedWord], head: ParsedWord) -> int:
    """The first character of a word's phrase (its flat, compound and amod dependents)."""
    start = head.start
    for w in words:
        if w.head == head.index and w.deprel in ("flat", "flat:name", "compound", "amod", "nmod", "det") \
                and w.start < start:
            start = w.start
    return start
