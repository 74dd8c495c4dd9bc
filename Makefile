# quotes: make install | run | test | eval | models | bench
PYTHON ?= python3
SHARED ?= ../shared
PIP = $(PYTHON) -m pip

.PHONY: install run test eval models ner lexicons bench clean

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

# the named-entity tagger alone (needs data/models/ar_pretrain.pt): 3,000 steps, ~25 min on an idle core
ner:
	$(PYTHON) scripts/train_models.py --shared $(SHARED) --out data/models --stages ner --work /tmp/quotes-train

# the two mined lexicons, from the raw news corpus
lexicons:
	$(PYTHON) scripts/mine_common_words.py $(SHARED)/data/news-raw/*.jsonl.gz -o data/lexicons/common_words.txt
	$(PYTHON) scripts/mine_first_names.py $(SHARED)/data/news-raw/*.jsonl.gz -o data/lexicons/first_names.txt

bench:
	$(PYTHON) bench/bench.py

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis
