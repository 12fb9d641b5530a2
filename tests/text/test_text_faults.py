"""Segmentation under hostile text (issue 17): doubled quote marks, quote lookups by
bisection, long runs without full stops, deep nesting. No timings: the tests check that
the linear passes give the answers the plain ones gave."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.text import MAX_SENTENCE_TOKENS, clauses, segment


def test_doubled_quote_marks_are_one_mark():
    text = 'He wrote ""a disgraceful lie"" and left.'
    doc = segment(text)
    [quote] = doc.quotes
    assert text[quote.content.start : quote.content.end] == "a disgraceful lie"
    res = framing.analyze(text)
    assert res.loaded_terms["in_quote"].all() and not res.loaded_terms.empty
    assert (res.sources["quote"] != "").sum() == 1  # no empty quotes


def test_empty_doubled_pairs_make_no_quotes():
    assert segment('"" ' * 300).quotes == ()
    assert framing.analyze('"" ' * 300).sources.empty
    assert segment('She said "" and left.').quotes == ()


def scanned_quote_at(doc, start, end):
    """The plain scan quote_at replaced: every quote, the deepest that contains the span."""
    found = None
    for quote in doc.quotes:
        content = quote.content
        inside = content.start <= start and end <= content.end
        if inside and (found is None or quote.depth > found.depth):
            found = quote
    return found


MARKS = st.sampled_from(
    ['"', "'", "“", "”", "«", "»", "‘", "’", " word", " said", ". ", "\n\n", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKS, max_size=40))
def test_quote_at_by_bisection_equals_the_scan(pieces):
    text = "".join(pieces)
    doc = segment(text)
    for start in range(len(text) + 1):
        for end in (start, start + 1, start + 4):
            if end <= len(text):
                assert doc.quote_at(start, end) == scanned_quote_at(doc, start, end)


def test_a_run_without_full_stops_is_cut_into_sentences_of_bounded_length():
    words = ", ".join([" ".join(["word"] * 99)] * 20)  # 1,980 words, a comma every 99
    text = f"The minister said {words} and more {words} today."
    doc = segment(text)
    assert len(doc.sentences) > 1
    counts = {}
    for token in doc.tokens:
        counts[token.sentence_id] = counts.get(token.sentence_id, 0) + 1
    assert max(counts.values()) <= MAX_SENTENCE_TOKENS
    for sentence in doc.sentences:
        assert text[sentence.start : sentence.end] == text[sentence.start : sentence.end].strip()
    # a cut falls after a comma when the piece has one
    assert any(text[s.end - 1] == "," for s in doc.sentences)
    res = framing.analyze(f"Critics said it was not {words} good.")  # VADER sees short pieces
    assert res.n_words == 1_986


def test_deeply_nested_parentheses_merge_into_few_clauses_covering_every_token():
    text = "Critics said " + "(" * 3_000 + "it was wrong" + ")" * 3_000 + ", which is odd."
    doc = segment(text)
    found = clauses(doc.tokens)
    assert found[0][0] == 0 and found[-1][1] == len(doc.tokens) - 1
    assert all(later[0] == earlier[1] + 1 for earlier, later in pairwise(found))
    for first, last in found:
        assert doc.tokens[first].sentence_id == doc.tokens[last].sentence_id
    # 6,000 one-token pieces merged: about one clause per (capped) sentence, not 6,000
    assert len(found) <= 2 * len(doc.sentences) < 100


def test_long_spans_are_scored_exactly_in_one_linear_pass():
    from framing.text import SpanSentiment, vader

    # vaderSentiment lowers the whole word list again for each word near a lexicon word;
    # SpanSentiment gives its very scores without that pass, however long the span.
    text = "The plan is good, but not bad. " * 300 + "Critics are awful! " * 100
    assert SpanSentiment(text).scores(0, len(text)) == tuple(
        vader().polarity_scores(text)[key] for key in ("neg", "neu", "pos", "compound")
    )
    huge = "awful " * 120_000  # 120,000 words in one span: one linear pass
    assert SpanSentiment(huge).compound(0, len(huge)) == -1.0


def test_mixed_straight_and_curly_marks_pair_up():
    for text in ('"It is over,” she said. Later, “we left," he said.', '“Go," he said.'):
        doc = segment(text)
        assert all(quote.closed for quote in doc.quotes)
    text = '"It is over,” she said. Later, “we left," he said.'
    contents = [text[q.content.start : q.content.end] for q in segment(text).quotes]
    assert contents == ["It is over,", "we left,"]


def test_doubled_apostrophes_quote_spans_both_marks():
    text = "''The levy is a mistake,'' Ruth Adler said."
    [quote] = segment(text).quotes
    assert (quote.start, quote.end, quote.mark_width) == (0, 26, 2)
    assert text[quote.content.start : quote.content.end] == "The levy is a mistake,"
