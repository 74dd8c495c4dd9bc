"""Cost of the named-entity tagger alone, on the windows the extractor tags.

Runs the rules on a gold or raw JSONL file (``{"text": …}`` per line), collects the
windows ``quotes.entities`` would tag, and times the tagger on them (after loading).

    python bench/entities_speed.py ../shared/eval/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from quotes.attribute import DocumentView, find_candidates  # noqa: E402
from quotes.entities import EntityTagger, name_windows, tag_documents, tag_windows  # noqa: E402
from quotes.lexicon import default_lexicons  # noqa: E402
from quotes.speakers import with_known_names  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", help="JSONL with a text field")
    p.add_argument("--models", default=None, help="model directory (default: the bundled one)")
    a = p.parse_args()
    texts = [json.loads(line)["text"] for line in open(a.corpus, encoding="utf-8") if line.strip()]
    lex = default_lexicons()
    views = [DocumentView.build(t) for t in texts]
    for v in views:
        v.lexicons = with_known_names(v.text, v.paragraphs, lex)
    cands = [find_candidates(v, v.lexicons) for v in views]
    windows = tag_windows(views, cands)  # as refine_with_entities builds them
    seen = {(w.doc, w.paragraph, w.first, w.last) for w in windows}
    windows += [w for w in name_windows(views, cands) if (w.doc, w.paragraph, w.first, w.last) not in seen]
    t0 = time.perf_counter()
    tagger = EntityTagger.load(a.models)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    tag_documents(tagger, views, windows)
    dt = time.perf_counter() - t0
    words = sum(w.last - w.first for w in windows)
    all_tokens = sum(len(p.tokens) for v in views for p in v.paragraphs)
    print(json.dumps({"documents": len(texts), "windows": len(windows), "tokens_tagged": words,
                      "tokens_in_documents": all_tokens, "load_s": round(load, 2), "tag_s": round(dt, 2),
                      "tokens_per_s": round(words / dt) if dt else None,
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


if __name__ == "__main__":
    main()
