"""The examples in docstrings run as written."""

import doctest

import pytest

import quotes
import quotes.extractor
import quotes.normalize


@pytest.mark.parametrize("module", [quotes, quotes.extractor, quotes.normalize])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
