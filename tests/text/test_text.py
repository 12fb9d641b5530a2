"""Segmentation: paragraphs, sentences, tokens and quotes, all with valid offsets."""

from __future__ import annotations

from framing.text import negated, segment, tokenize


def test_sentences_do_not_split_after_abbreviations():
    text = "Mr. Smith met U.S. officials in Washington. They talked. Gen. Ross agreed."
    doc = segment(text)
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "Mr. Smith met U.S. officials in Washington.",
        "They talked.",
        "Gen. Ross agreed.",
    ]


def test_paragraphs_are_blank_line_blocks_with_offsets():
    text = "  First para,\nstill first.\n\n\nSecond para.  \n"
    doc = segment(text)
    assert [text[p.start : p.end] for p in doc.paragraphs] == [
        "First para,\nstill first.",
        "Second para.",
    ]
    assert [s.paragraph_id for s in doc.sentences] == [0, 1]


def test_without_blank_lines_each_line_is_a_paragraph():
    doc = segment("Title line\nFirst paragraph here.\nSecond one.")
    assert len(doc.paragraphs) == 3


def test_tokens_keep_hyphenated_words_and_split_clitics():
    tokens = tokenize("The pro-Ukrainian activist doesn’t see Russia’s U.S. policy.")
    assert [t.text for t in tokens] == [
        "The", "pro-Ukrainian", "activist", "doesn", "’t", "see", "Russia", "’s", "U.S.",
        "policy", ".",
    ]  # fmt: skip
    assert tokens[4].key == "'t"


def test_token_offsets_index_the_text():
    text = "«Quoted» text — with dashes, O’Brien’s book and 1,000 ‘things’."
    doc = segment(text)
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    assert "O’Brien" in [t.text for t in doc.tokens]


def test_quotes_curly_straight_and_guillemets():
    text = 'He said “yes” and "no" and «peut-être».'
    doc = segment(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["“yes”", '"no"', "«peut-être»"]
    assert all(q.closed for q in doc.quotes)


def test_apostrophes_are_not_quotes():
    doc = segment("Russia’s view isn't the countries' view, and it’s O’Brien’s.")
    assert doc.quotes == ()


def test_single_quotes_as_quotation_marks_and_nesting():
    text = "“She called it ‘peace’ again,” he said."
    doc = segment(text)
    spans = {(text[q.start : q.end], q.depth) for q in doc.quotes}
    assert spans == {("“She called it ‘peace’ again,”", 0), ("‘peace’", 1)}
    peace = text.index("peace")
    assert doc.quote_at(peace, peace + 5).depth == 1


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said “this never ends.\n\nNext paragraph."
    doc = segment(text)
    (quote,) = doc.quotes
    assert not quote.closed
    assert text[quote.start : quote.end] == "“this never ends."
    assert doc.quote_at(text.index("Next"), text.index("Next") + 4) is None


def test_negation_scope_is_short_and_stops_at_punctuation():
    tokens = segment("This is not a hostile act, but hostile words. Hostile.").tokens
    flags = dict(zip([(t.text, t.start) for t in tokens], negated(tokens), strict=True))
    first, second = [k for k in flags if k[0] == "hostile"]
    assert flags[first] is True
    assert flags[second] is False


def test_empty_and_whitespace_text():
    for text in ["", "   \n\n  "]:
        doc = segment(text)
        assert doc.sentences == () and doc.tokens == () and doc.n_words == 0
