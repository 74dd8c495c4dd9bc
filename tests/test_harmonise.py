"""scripts/harmonise_ud.py: the PADT v1 -> UD v2 Arabic conventions, on sentences written here."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import harmonise_ud  # noqa: E402


def conllu(rows):
    """CoNLL-U lines from (form, upos, xpos, head, deprel) tuples."""
    return ["# text = test"] + ["\t".join([str(i), form, "_", upos, xpos, "_", str(head), deprel, "_", "_"])
                                for i, (form, upos, xpos, head, deprel) in enumerate(rows, 1)]


def fields(lines):
    return [tuple(l.split("\t")[j] for j in (1, 3, 6, 7)) for l in lines if not l.startswith("#")]


def test_sentence_initial_conjunction_gives_its_place_to_the_clause():
    # و قال كارتر إن الحرب ستطول ، و أضاف : ...   (PADT v1: و is the root)
    out, counts = harmonise_ud.harmonise([conllu([
        ("و", "CCONJ", "C---------", 0, "root"),
        ("قال", "VERB", "VP-A-3MS--", 1, "parataxis"),
        ("كارتر", "X", "U---------", 2, "nsubj"),
        ("إن", "SCONJ", "C---------", 6, "mark"),
        ("الحرب", "NOUN", "N------S1D", 6, "nsubj"),
        ("ستطول", "VERB", "VIIA-3FS--", 2, "ccomp"),
    ])])
    assert fields(out[0]) == [
        ("و", "PART", "2", "compound:prt"),
        ("قال", "VERB", "0", "root"),
        ("كارتر", "PROPN", "2", "nsubj"),
        ("إن", "PART", "6", "mark"),
        ("الحرب", "NOUN", "6", "nsubj"),
        ("ستطول", "VERB", "2", "ccomp"),
    ]
    assert counts["root conjunction -> clause root"] == 1


def test_second_clause_of_the_same_conjunction_becomes_conj():
    out, _ = harmonise_ud.harmonise([conllu([
        ("و", "CCONJ", "C---------", 0, "root"),
        ("قال", "VERB", "VP-A-3MS--", 1, "parataxis"),
        ("أضاف", "VERB", "VP-A-3MS--", 1, "parataxis"),
    ])])
    assert fields(out[0])[2] == ("أضاف", "VERB", "2", "conj")


def test_pronouns_particles_and_places():
    out, _ = harmonise_ud.harmonise([conllu([
        ("هذا", "DET", "SD----MS--", 2, "det"),
        ("الموقف", "NOUN", "N------S1D", 4, "nsubj"),
        ("س", "AUX", "F---------", 4, "aux"),
        ("يتغير", "VERB", "VIIA-3MS--", 0, "root"),
        ("في", "ADP", "P---------", 6, "case"),
        ("مصر", "NOUN", "N------S2I", 4, "obl"),
        ("جدا", "NOUN", "N------S4I", 4, "obl"),
    ])])
    assert [(f, u, r) for f, u, _, r in fields(out[0])] == [
        ("هذا", "PRON", "det"), ("الموقف", "NOUN", "nsubj"), ("س", "PART", "compound:prt"),
        ("يتغير", "VERB", "root"), ("في", "ADP", "case"), ("مصر", "PROPN", "obl"), ("جدا", "ADV", "advmod")]


def test_quantifier_becomes_the_determiner_of_its_noun():
    # كل الدول وافقت   (PADT: كل heads its genitive الدول)
    out, _ = harmonise_ud.harmonise([conllu([
        ("كل", "NOUN", "N------S1R", 3, "nsubj"),
        ("الدول", "NOUN", "N------P2D", 1, "nmod"),
        ("وافقت", "VERB", "VP-A-3FS--", 0, "root"),
    ])])
    assert fields(out[0]) == [("كل", "DET", "2", "det"), ("الدول", "NOUN", "3", "nsubj"),
                              ("وافقت", "VERB", "0", "root")]


def test_every_training_sentence_stays_a_tree():
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud-arabic" / "train.conllu"
    if not shared.exists():
        pytest.skip("../shared/data/ud-arabic is not beside the repository")
    from train_models import read_conllu
    out, _ = harmonise_ud.harmonise(read_conllu(str(shared)))
    for sent in out:
        words = [harmonise_ud.Word(l.split("\t")) for l in sent if l[:1].isdigit() and "-" not in l.split("\t")[0]]
        assert harmonise_ud.single_rooted_tree(words), sent[:2]


def test_kana_before_a_verb_becomes_its_auxiliary():
    # كان الوزير يقول إن …   (PADT: كان heads the verb as its xcomp)
    out, _ = harmonise_ud.harmonise([[
        "# text = test",
        "1\tكان\tكَان\tVERB\tVP-A-3MS--\t_\t0\troot\t_\t_",
        "2\tالوزير\tوَزِير\tNOUN\tN------S1D\t_\t1\tnsubj\t_\t_",
        "3\tيقول\tقَال\tVERB\tVIIA-3MS--\t_\t1\txcomp\t_\t_",
    ]])
    assert fields(out[0]) == [("كان", "AUX", "3", "aux"), ("الوزير", "NOUN", "3", "nsubj"),
                              ("يقول", "VERB", "0", "root")]


def test_time_nouns_without_a_preposition_are_temporal_adverbs():
    out, _ = harmonise_ud.harmonise([conllu([
        ("وصل", "VERB", "VP-A-3MS--", 0, "root"),
        ("اليوم", "NOUN", "N------S4D", 1, "obl"),
    ])])
    assert fields(out[0])[1] == ("اليوم", "ADV", "1", "obl:tmod")


def test_a_dependent_with_a_preposition_is_an_oblique_not_an_object():
    # يسهم في تأمين الاستثمارات ، غنية ب عنصر   (PADT v1: في تأمين is dobj, ب عنصر nmod)
    out, counts = harmonise_ud.harmonise([conllu([
        ("يسهم", "VERB", "VIIA-3MS--", 0, "root"),
        ("في", "ADP", "P---------", 3, "case"),
        ("تأمين", "NOUN", "N------S2R", 1, "obj"),
        ("الاستثمارات", "NOUN", "N------P2D", 3, "nmod"),
        ("غنية", "ADJ", "A-----FS1I", 1, "xcomp"),
        ("ب", "ADP", "P---------", 7, "case"),
        ("عنصر", "NOUN", "N------S2I", 5, "nmod"),
        ("البلد", "NOUN", "N------S1D", 1, "obj"),
    ])])
    assert [f[3] for f in fields(out[0])] == ["root", "case", "obl", "nmod", "xcomp", "case", "obl", "obj"]
    assert counts["obj with a preposition -> obl"] == 1


def test_the_counted_noun_heads_its_number_and_a_year_is_its_nouns_nmod():
    # ب 997 مليون جنيه عام 2010   (PADT v1: the number heads the noun it counts)
    out, counts = harmonise_ud.harmonise([conllu([
        ("دفع", "VERB", "VP-A-3MS--", 0, "root"),
        ("ب", "ADP", "P---------", 3, "case"),
        ("997", "NUM", "Q---------", 1, "obl"),
        ("مليون", "NUM", "QM-----S2I", 3, "nummod"),
        ("جنيه", "NOUN", "N------S2I", 4, "nmod"),
        ("عام", "NOUN", "N------S4R", 1, "obl"),
        ("2010", "NUM", "Q---------", 6, "nummod"),
    ])])
    assert [(f[0], f[2], f[3]) for f in fields(out[0])] == [
        ("دفع", "0", "root"), ("ب", "5", "case"), ("997", "5", "nummod"), ("مليون", "3", "nummod"),
        # عام without a preposition is a temporal adverb, so the year is its obl
        ("جنيه", "1", "obl"), ("عام", "1", "obl:tmod"), ("2010", "6", "obl")]


def test_a_comma_goes_to_the_phrase_it_separates_from_its_head():
    # في عام 2010 ، قال الوزير ، و أضاف   (PADT v1: each comma on the word before it)
    out, counts = harmonise_ud.harmonise([conllu([
        ("في", "ADP", "P---------", 2, "case"),
        ("الصيف", "NOUN", "N------S2D", 4, "obl"),
        ("،", "PUNCT", "G---------", 2, "punct"),
        ("قال", "VERB", "VP-A-3MS--", 0, "root"),
        ("الوزير", "NOUN", "N------S1D", 4, "nsubj"),
        ("،", "PUNCT", "G---------", 5, "punct"),
        ("و", "CCONJ", "C---------", 8, "cc"),
        ("أضاف", "VERB", "VP-A-3MS--", 4, "conj"),
    ])])
    heads = [f[2] for f in fields(out[0])]
    assert heads[2] == "2" and heads[5] == "8"  # after the fronted obl; before the conjunct
    assert counts["comma/colon -> the phrase it separates from its head"] == 1


def test_a_multiword_preposition_becomes_one_word_with_fixed_parts():
    # سافر من خلال المطار ، عاد ب النسبة إلى العمل   (PADT v1: every word of the
    # preposition hangs on the noun after it)
    out, counts = harmonise_ud.harmonise([conllu([
        ("سافر", "VERB", "VP-A-3MS--", 0, "root"),
        ("من", "ADP", "P---------", 4, "case"),
        ("خلال", "ADP", "P---------", 4, "case"),
        ("المطار", "NOUN", "N------S2D", 1, "obl"),
        ("ب", "ADP", "P---------", 8, "dep"),
        ("النسبة", "NOUN", "N------S2D", 8, "dep"),
        ("إلى", "ADP", "P---------", 8, "case"),
        ("العمل", "NOUN", "N------S2D", 1, "obl"),
    ])])
    assert [(f[0], f[2], f[3]) for f in fields(out[0])] == [
        ("سافر", "0", "root"), ("من", "4", "case"), ("خلال", "2", "fixed"), ("المطار", "1", "obl"),
        ("ب", "8", "case"), ("النسبة", "5", "fixed"), ("إلى", "5", "fixed"), ("العمل", "1", "obl")]
    assert counts["multiword expression -> first word case, others fixed"] == 2


def test_a_multiword_preposition_that_heads_its_phrase_gives_its_place_to_the_phrase():
    # أقر من قبل اللجنة   (PADT v1: قبل is the oblique, اللجنة its nmod)
    out, _ = harmonise_ud.harmonise([conllu([
        ("أقر", "VERB", "VP-P-3MS--", 0, "root"),
        ("من", "ADP", "P---------", 3, "case"),
        ("قبل", "NOUN", "N------S2R", 1, "obl"),
        ("اللجنة", "NOUN", "N------S2D", 3, "nmod"),
    ])])
    assert [(f[0], f[2], f[3]) for f in fields(out[0])] == [
        ("أقر", "0", "root"), ("من", "4", "case"), ("قبل", "2", "fixed"), ("اللجنة", "1", "obl")]


def test_a_multiword_subordinator_and_adverb():
    # نجح ، في حين فشل الآخرون على الأقل
    out, _ = harmonise_ud.harmonise([conllu([
        ("نجح", "VERB", "VP-A-3MS--", 0, "root"),
        ("،", "PUNCT", "G---------", 1, "punct"),
        ("في", "ADP", "P---------", 5, "mark"),
        ("حين", "NOUN", "N------S2I", 5, "dep"),
        ("فشل", "VERB", "VP-A-3MS--", 1, "advcl"),
        ("الآخرون", "NOUN", "N------P1D", 5, "nsubj"),
        ("على", "ADP", "P---------", 8, "case"),
        ("الأقل", "ADJ", "A-----MS2D", 5, "advmod"),
    ])])
    assert [(f[0], f[2], f[3]) for f in fields(out[0])][2:] == [
        ("في", "5", "mark"), ("حين", "3", "fixed"), ("فشل", "1", "advcl"), ("الآخرون", "5", "nsubj"),
        ("على", "5", "advmod"), ("الأقل", "7", "fixed")]


def test_a_participle_with_a_complement_is_the_ccomp_of_its_noun():
    # القانون المعمول ب ه ، القانون الجديد ، القرار الأكثر ب عدا   (a participle, an
    # adjective without a complement, a comparative: only the participle changes)
    out, counts = harmonise_ud.harmonise([conllu([
        ("القانون", "NOUN", "N------S1D", 0, "root"),
        ("المعمول", "ADJ", "A-----MS1D", 1, "amod"),
        ("ب", "ADP", "P---------", 4, "case"),
        ("ه", "PRON", "SP---3MS2-", 2, "obl"),
        ("الجديد", "ADJ", "A-----MS1D", 1, "amod"),
        ("الأكثر", "ADJ", "A-----MS1D", 1, "amod"),
        ("ب", "ADP", "P---------", 8, "case"),
        ("عدا", "NOUN", "N------S2I", 6, "obl"),
    ])])
    assert [f[3] for f in fields(out[0])] == ["root", "ccomp", "case", "obl", "amod", "amod", "case", "obl"]
    assert counts["participle with a complement amod -> ccomp"] == 1


def test_sentence_opening_particles_and_the_clause_after_lakin():
    # لكن الحكومة رفضت ، لكن ها عادت .   ف إن ه ربح
    out, _ = harmonise_ud.harmonise([conllu([
        ("لكن", "CCONJ", "C---------", 3, "cc"),
        ("الحكومة", "NOUN", "N------S1D", 3, "nsubj"),
        ("رفضت", "VERB", "VP-A-3FS--", 0, "root"),
        ("،", "PUNCT", "G---------", 7, "punct"),
        ("لكن", "CCONJ", "C---------", 7, "cc"),
        ("ها", "PRON", "SP---3FS4-", 7, "nsubj"),
        ("عادت", "VERB", "VP-A-3FS--", 3, "conj"),
    ]), conllu([
        ("ف", "CCONJ", "C---------", 4, "cc"),
        ("إن", "PART", "F---------", 4, "advmod"),
        ("ه", "PRON", "SP---3MS4-", 4, "nsubj"),
        ("ربح", "VERB", "VP-A-3MS--", 0, "root"),
    ])])
    assert [f[3] for f in fields(out[0])] == ["compound:prt", "nsubj", "root", "punct", "mark", "nsubj", "advcl"]
    assert [f[3] for f in fields(out[1])][:2] == ["compound:prt", "compound:prt"]


def test_a_repeated_unanalysed_token_is_kept_once():
    # الموعد المقرر عقده عقده في الربيع   (PADT v1: the unanalysed عقده twice, the copy on it)
    lines = ["# text = الموعد المقرر عقده عقده في الربيع"] + conllu([
        ("الموعد", "NOUN", "N------S1D", 0, "root"),
        ("المقرر", "ADJ", "A-----MS1D", 1, "amod"),
        ("عقده", "X", "U---------", 2, "nsubj"),
        ("عقده", "X", "U---------", 3, "nmod"),
        ("في", "ADP", "P---------", 6, "case"),
        ("الربيع", "NOUN", "N------S2D", 4, "obl"),
    ])[1:]
    out, counts = harmonise_ud.harmonise([lines])
    assert out[0][0] == "# text = الموعد المقرر عقده في الربيع"
    assert [(f[0], f[2]) for f in fields(out[0])] == [
        ("الموعد", "0"), ("المقرر", "1"), ("عقده", "2"), ("في", "5"), ("الربيع", "3")]
    assert [l.split("\t")[0] for l in out[0][1:]] == ["1", "2", "3", "4", "5"]
    assert counts["repeated unanalysed token dropped"] == 1


def test_the_original_takes_the_place_of_a_copy_it_hung_on():
    out, _ = harmonise_ud.harmonise([conllu([
        ("قال", "VERB", "VP-A-3MS--", 0, "root"),
        ("نزورهم", "X", "U---------", 3, "dep"),
        ("نزورهم", "X", "U---------", 1, "ccomp"),
    ])])
    assert [(f[0], f[2], f[3]) for f in fields(out[0])] == [("قال", "0", "root"), ("نزورهم", "1", "ccomp")]
