"""Run stanza.models.tokenizer, but select the best checkpoint by token and
MWT F1 only.

Stanza scores tokenizer dev checkpoints with harmonic_mean([token F1,
sentence F1, MWT F1], weights [1, 1, .01]), so sentence F1 dominates.  In this
PADT-derived data "sentences" are often whole paragraphs with internal full
stops; sentence F1 is noise there (it swung 36-70 between checkpoints) and
picked an early checkpoint with clearly worse token/MWT F1.  The package does
not use the sentence splitter (tokenize_no_ssplit=True).

Usage: python scripts/stanza_tokenizer_tokf1.py <stanza.models.tokenizer args>
"""
import stanza.models.tokenization.utils as tok_utils

_harmonic_mean = tok_utils.harmonic_mean


def _token_mwt_mean(values, weights=None):
    f1tok, f1sent, f1mwt = values
    return _harmonic_mean([f1tok, f1mwt], [1, 1])


tok_utils.harmonic_mean = _token_mwt_mean

if __name__ == "__main__":
    from stanza.models import tokenizer
    tokenizer.main()
