"""Hostile inputs and faults: time linear in the document, JSON of any depth, resume
keyed by input position, inputs that are no regular files, output errors."""

from __future__ import annotations

import time

from quotes import Extractor

EXTRACTOR = Extractor(parser="none")

# quote-dense text: every sentence a quote, people named with roles and referred back to
DENSE = ('وقال وزير الخارجية سامح الديب: "سنواصل العمل مع الشركاء". وأضاف أن الحكومة ستدعم القطاع الزراعي. '
         'وأكدت المتحدثة باسم الوزارة سلمى حداد إن «القرار نهائي»، مشيرة إلى أن "الأمر مهم". '
         'وقال الديب: "لن نقبل بأي حل منفرد". وقال الوزير إن الاجتماع المقبل في الربيع. '
         'وبحسب مصدر مسؤول فإن المفاوضات مستمرة.\n')


def _cpu_seconds(text: str) -> float:
    start = time.process_time()
    EXTRACTOR.extract(text, "dense")
    return time.process_time() - start


def test_extraction_time_grows_linearly_with_a_quote_dense_document():
    small, large = DENSE * 20, DENSE * 200
    _cpu_seconds(small)  # warm the caches
    small_time = min(_cpu_seconds(small) for _ in range(3))
    large_time = _cpu_seconds(large)
    assert len(EXTRACTOR.extract(large)) == 10 * len(EXTRACTOR.extract(small))
    assert large_time <= 12 * small_time, (small_time, large_time)
