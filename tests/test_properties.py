"""Property tests: offsets are always valid and no text crashes the analysis."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.text import segment

# Text that exercises the tricky parts: quotes, apostrophes, hyphens, dots, blank lines.
pieces = [*"abcXYZ .,;!?-'\"“”‘’«»\n\t0", " Mr.", " U.S.", " not ", " regime", " pro-", "\n\n"]
tricky_text = st.lists(st.sampled_from(pieces), max_size=120).map("".join)
any_text = st.one_of(tricky_text, st.text(max_size=300))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_text)
def test_segment_offsets_are_valid(text):
    doc = segment(text)
    for token in doc.tokens:
        assert text[token.start : token.end] == token.text
    for span in [*doc.paragraphs, *doc.sentences]:
        assert 0 <= span.start < span.end <= len(text)
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
    assert [s.id for s in doc.sentences] == list(range(len(doc.sentences)))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_text)
def test_analyze_never_crashes_and_matches_are_surface_text(text):
    res = framing.analyze(text)
    for row in res.loaded_terms.itertuples():
        assert text[row.start : row.end] == row.text
    summary = res.summary()
    assert summary["n_loaded"] == len(res.loaded_terms)
    assert 0.0 <= summary["quoted_share"] <= 1.0
