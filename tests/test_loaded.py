"""Loaded-term rows and frequency tables on small hand-written texts."""

from __future__ import annotations

import pytest

import framing
from framing.lexicon import Lexicon

LEX = Lexicon.from_dict(
    {"name_calling": ["regime", "thug"], "doubt": ["so-called", "insinuate"], "fear": ["menace"]},
    categories={"name_calling": "Labels.", "doubt": "Doubt.", "fear": "Fear.", "hedge": "Hedges."},
)
TEXT = (
    "The regime insinuated that the so-called reform was not a menace. "
    '"This regime is run by thugs," she said. The regime insinuates again.'
)


@pytest.fixture(scope="module")
def result():
    return framing.analyze(TEXT, lexicon=LEX)


def test_rows_have_the_contract_columns_and_surface_text(result):
    terms = result.loaded_terms
    assert list(terms.columns[:10]) == [
        "article_id", "sentence_id", "start", "end", "text", "term", "category", "polarity",
        "in_quote", "speaker",
    ]  # fmt: skip
    assert list(terms["text"]) == [
        "regime", "insinuated", "so-called", "menace", "regime", "thugs", "regime", "insinuates",
    ]  # fmt: skip
    assert all(TEXT[r.start : r.end] == r.text for r in terms.itertuples())


def test_quotes_negation_and_speakers_are_marked(result):
    terms = result.loaded_terms.set_index("start")
    quoted = terms[terms["in_quote"]]
    assert list(quoted["text"]) == ["regime", "thugs"]
    assert set(quoted["speaker"]) == {"she"}  # no named antecedent: the pronoun stays
    assert terms.loc[~terms["in_quote"], "speaker"].isna().all()
    assert terms.loc[TEXT.index("menace"), "negated"]
    assert not terms.loc[TEXT.index("so-called"), "negated"]


def test_category_frequencies_include_every_category_with_rates(result):
    table = result.category_frequencies().set_index("category")
    assert list(table.index) == ["name_calling", "doubt", "fear", "hedge"]
    assert table.loc["name_calling", "count"] == 4
    assert table.loc["name_calling", "in_quote"] == 2 and table.loc["name_calling", "author"] == 2
    assert table.loc["hedge", "count"] == 0 and table.loc["hedge", "per_1k"] == 0
    n_words = result.summary()["n_words"]
    assert table.loc["doubt", "per_1k"] == pytest.approx(1000 * 3 / n_words)
    assert table.loc["doubt", "definition"] == "Doubt."


def test_term_frequencies_count_repeats_and_list_forms(result):
    table = result.term_frequencies().set_index("term")
    assert table.loc["regime", "count"] == 3
    assert table.loc["insinuate", "forms"] == "insinuated; insinuates"
    assert list(table.index[:2]) == ["regime", "insinuate"]  # most frequent first
    assert table["count"].sum() == len(result.loaded_terms)


def test_an_article_without_matches_has_empty_tables_with_columns():
    result = framing.analyze("Nothing loaded here at all.", lexicon=LEX)
    assert result.loaded_terms.empty and "category" in result.loaded_terms
    assert result.term_frequencies().empty and "forms" in result.term_frequencies()
    assert result.category_frequencies()["count"].sum() == 0
