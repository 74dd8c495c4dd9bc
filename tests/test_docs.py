"""The examples in docstrings run as written."""

import doctest

import pytest

import quotes
import quotes.extractor
import quotes.normalize
import quotes.stats


@pytest.mark.parametrize("module", [quotes, quotes.extractor, quotes.normalize, quotes.stats])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
