# quotes: make install | run | test | eval | models | ranker | lexicons | calibration | bench
PYTHON ?= python3
SHARED ?= ../shared
PIP = $(PYTHON) -m pip

.PHONY: install run test eval models ner ranker lexicons calibration bench clean

# torch's CPU wheel first: a bare "torch" would pull a multi-GB CUDA build.
install:
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e ".[test,dask]"

run:
	$(PYTHON) -m quotes extract data/sample/sample.txt

test:
	$(PYTHON) -m pytest -q

eval:
	$(PYTHON) -m quotes evaluate $(SHARED)/eval/dev.jsonl

models:
	$(PYTHON) scripts/train_models.py --shared $(SHARED) --out data/models

# the speaker ranker's weights, from the annotated quotes (prints the cross-validation)
ranker:
	$(PYTHON) scripts/train_ranker.py --shared $(SHARED) --out data/models/speaker_ranker.json

# the named-entity tagger alone (needs data/models/ar_pretrain.pt): up to 12,000 steps, about 1.5 h on an idle core
ner:
	$(PYTHON) scripts/train_models.py --shared $(SHARED) --out data/models --stages ner --work /tmp/quotes-train

# the mined lexicons, from the raw news corpus (and the name lists of ../shared/data/ner-arabic);
# the cue and according-to candidates are lists for review, from which speech_verbs.txt and
# according_markers.txt are grown by hand; full_names.txt needs the first names and genders
lexicons:
	$(PYTHON) scripts/mine_speech_verbs.py $(SHARED)/data/news-raw/*.jsonl.gz --cues data/lexicons/mined_cue_words.txt --according data/lexicons/mined_according.txt
	$(PYTHON) scripts/mine_sources.py $(SHARED)/data/news-raw/*.jsonl.gz --every 2 -o data/lexicons/mined_sources.txt
	$(PYTHON) scripts/mine_common_words.py $(SHARED)/data/news-raw/*.jsonl.gz -o data/lexicons/common_words.txt
	$(PYTHON) scripts/mine_first_names.py $(SHARED)/data/news-raw/*.jsonl.gz -o data/lexicons/first_names.txt
	$(PYTHON) scripts/mine_article_names.py $(SHARED)/data/news-raw/*.jsonl.gz \
		--names $(SHARED)/data/ner-arabic/names -o data/lexicons/article_names.txt
	$(PYTHON) scripts/mine_name_genders.py $(SHARED)/data/news-raw/*.jsonl.gz \
		--names $(SHARED)/data/ner-arabic/names -o data/lexicons/name_genders.txt
	$(PYTHON) scripts/mine_full_names.py $(SHARED)/data/news-raw/*.jsonl.gz \
		--names $(SHARED)/data/ner-arabic/names -o data/lexicons/full_names.txt

# the confidence model (data/confidence.json), fit by article-level cross-validation on the
# annotated sets; prints the reliability table of README.md
calibration:
	$(PYTHON) scripts/fit_confidence.py $(SHARED)/eval/train.jsonl $(SHARED)/eval/dev.jsonl -o data/confidence.json

bench:
	$(PYTHON) bench/bench.py

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis
