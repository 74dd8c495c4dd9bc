"""quotes: who said what in Arabic news.

>>> import quotes
>>> [q.text for q in quotes.extract('وقال الوزير: "سنواصل العمل".', parser="none")]
['سنواصل العمل']
"""

from .values import Cue, Quote, Span, Speaker, QUOTE_TYPES, SPEAKER_KINDS
from .errors import QuotesError, InputError, ModelError, OutputError, ArgumentError
from .extractor import Extractor, extract

__version__ = "0.1.0"

__all__ = [
    "Cue", "Quote", "Span", "Speaker", "QUOTE_TYPES", "SPEAKER_KINDS",
    "QuotesError", "InputError", "ModelError", "OutputError", "ArgumentError",
    "Extractor", "extract", "__version__",
]
