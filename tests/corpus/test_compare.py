"""compare(): rates with bootstrap intervals, log-odds by formula, stance and source mix; charts."""

from __future__ import annotations

import logging
import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from framing import plots
from framing.corpus import NO_STANCE, CorpusAnalysis, compare
from framing.schema import TOTAL


def hand_made(extra_group: bool = False) -> CorpusAnalysis:
    """Two outlets, three articles, hand-countable terms.

    A: a1 (100 words) x x x y, one x quoted; a2 (100 words) x.   B: b1 (200 words) y y z.
    ``extra_group`` adds a third outlet, C.
    """
    articles = [("a1", "A", 100), ("a2", "A", 100), ("b1", "B", 200)]
    terms = [
        ("a1", "x", "cat1", False),
        ("a1", "x", "cat1", False),
        ("a1", "x", "cat1", True),
        ("a1", "y", "cat2", False),
        ("a2", "x", "cat1", False),
        ("b1", "y", "cat2", False),
        ("b1", "y", "cat2", False),
        ("b1", "z", "cat2", False),
    ]
    if extra_group:  # ten articles of uneven lengths and counts
        articles += [(f"c{i}", "C", 50 + 7 * i) for i in range(10)]
        terms += [(f"c{i}", "z", "cat2", False) for i in range(10) for _ in range(i % 4)]
    stance = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "b1", "b1"],
            "target": ["T", "T", "T", "U"],
            "mentions": [2, 1, 1, 0],
            "score": [0.5, -0.1, -0.4, 0.9],
        }
    )
    sources = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "b1"],
            "kind": ["direct_quote", "indirect", "indirect", "according_to"],
            "speaker_type": ["person", "anonymous", "", "organisation"],
            "cue_class": ["endorsing", "neutral", "neutral", None],
        }
    )
    return CorpusAnalysis(
        articles=pd.DataFrame(articles, columns=["article_id", "outlet", "n_words"]),
        loaded_terms=pd.DataFrame(
            terms, columns=["article_id", "term", "category", "in_quote"]
        ).assign(kind="loaded", literal=False),
        stance=stance,
        sources=sources,
        meta={"categories": {"cat1": "first", "cat2": "second"}},
    )


def test_the_total_counts_loaded_language_without_markers_or_literal_uses():
    corpus = hand_made()
    extra = pd.DataFrame(
        {
            "article_id": ["a1", "a1"],
            "term": ["might", "killed"],
            "category": ["cat2", "cat1"],
            "in_quote": [False, False],
            "kind": ["marker", "loaded"],
            "literal": [False, True],
        }
    )
    more = CorpusAnalysis(
        articles=corpus.articles,
        loaded_terms=pd.concat([corpus.loaded_terms, extra], ignore_index=True),
        meta=corpus.meta,
    )
    before, after = compare(corpus).rates, compare(more).rates
    assert rate(after, "A", TOTAL)["count"] == rate(before, "A", TOTAL)["count"]
    assert rate(after, "A", "cat2")["count"] == rate(before, "A", "cat2")["count"] + 1
    assert rate(after, "A", "cat1")["count"] == rate(before, "A", "cat1")["count"]


def rate(rates: pd.DataFrame, group: str, category: str) -> pd.Series:
    return rates.set_index(["group", "category"]).loc[(group, category)]


def test_rates_per_group_and_category_pool_counts_over_words():
    rates = compare(hand_made()).rates
    assert list(rates.columns) == [
        "group",
        "category",
        "n_articles",
        "n_words",
        "count",
        "per_1k",
        "ci_low",
        "ci_high",
    ]
    assert list(rates["category"][:3]) == [TOTAL, "cat1", "cat2"]
    assert rate(rates, "A", TOTAL)[["n_articles", "n_words", "count"]].tolist() == [2, 200, 5]
    assert rate(rates, "A", TOTAL)["per_1k"] == pytest.approx(25.0)
    assert rate(rates, "A", "cat1")["per_1k"] == pytest.approx(20.0)
    assert rate(rates, "B", "cat2")["per_1k"] == pytest.approx(15.0)
    assert rate(rates, "B", "cat1")["count"] == 0
    # B has one article: no interval.
    assert np.isnan(rate(rates, "B", TOTAL)["ci_low"])
    low, high = rate(rates, "A", TOTAL)[["ci_low", "ci_high"]]
    # Resampling {a1: 4/100, a2: 1/100} gives 10, 25 or 40 per 1,000 words.
    assert 10.0 - 1e-9 <= low <= 25.0 <= high <= 40.0 + 1e-9


def test_authors_voice_only_leaves_quoted_matches_out():
    rates = compare(hand_made(), include_quotes=False).rates
    assert rate(rates, "A", "cat1")["count"] == 3


def test_bootstrap_is_seeded_and_independent_of_other_groups():
    first = compare(hand_made(), n_boot=200, seed=7).rates
    assert first.equals(compare(hand_made(), n_boot=200, seed=7).rates)
    with_c = compare(hand_made(extra_group=True), n_boot=200, seed=7).rates
    pd.testing.assert_frame_equal(
        first[first["group"] == "A"].reset_index(drop=True),
        with_c[with_c["group"] == "A"].reset_index(drop=True),
    )
    other_seed = compare(hand_made(extra_group=True), n_boot=200, seed=8).rates
    c_rows = with_c["group"] == "C"
    assert not np.allclose(with_c[c_rows]["ci_low"], other_seed[c_rows]["ci_low"])


def test_log_odds_z_scores_follow_monroe_et_al_formula():
    # Corpus counts x: A 4, B 0; y: A 1, B 2; z: A 0, B 1. Words: A 200, B 200.
    for scale in (1.0, 0.25):
        table = compare(hand_made(), prior_scale=scale).log_odds
        a = table[table["group"] == "A"].set_index("term")
        for term, y_a, y_b in (("x", 4, 0), ("y", 1, 2), ("z", 0, 1)):
            alpha, alpha0 = scale * (y_a + y_b), scale * 400
            delta = math.log((y_a + alpha) / (200 + alpha0 - y_a - alpha)) - math.log(
                (y_b + alpha) / (200 + alpha0 - y_b - alpha)
            )
            sigma = math.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
            assert a.loc[term, "log_odds"] == pytest.approx(delta)
            assert a.loc[term, "se"] == pytest.approx(sigma)
            assert a.loc[term, "z"] == pytest.approx(delta / sigma)
            assert (a.loc[term, "count"], a.loc[term, "count_rest"]) == (y_a, y_b)
        assert list(a.index) == ["x", "y", "z"]  # most distinctive of A first
        b = table[table["group"] == "B"].set_index("term")
        assert b.loc["x", "z"] == pytest.approx(-a.loc["x", "z"])  # two groups: symmetric
        assert a.loc["x", "category"] == "cat1" and a.loc["x", "per_1k"] == pytest.approx(20.0)


def test_distinguishing_terms_and_one_group_only():
    comparison = compare(hand_made())
    assert comparison.groups == ["A", "B"]
    assert list(comparison.distinguishing_terms("A")["term"]) == ["x"]
    assert repr(comparison) == "<Comparison by 'outlet' of 2 groups: A, B>"
    single = hand_made()
    single.articles["outlet"] = "A"
    assert compare(single).log_odds.empty


def test_an_empty_stance_comparison_says_why(caplog):
    corpus = hand_made()
    corpus.stance["mentions"] = 0
    with caplog.at_level(logging.WARNING, logger="framing"):
        comparison = compare(corpus)
    assert comparison.stance.empty and comparison.notes == [NO_STANCE]
    assert [r.message for r in caplog.records] == [NO_STANCE]
    assert caplog.records[0].hint == "targets"  # what the CLI leaves out for its own advice
    assert repr(comparison).endswith(f"; {NO_STANCE}>")
    assert "targets=" in NO_STANCE
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="framing"):
        assert compare(hand_made()).notes == []
    assert not caplog.records


def test_stance_per_group_and_target():
    stance = compare(hand_made(), seed=1).stance.set_index(["group", "target"])
    assert stance.loc[("A", "T"), "score"] == pytest.approx(0.2)
    assert stance.loc[("A", "T"), ["n_articles", "mentions"]].tolist() == [2, 3]
    assert -0.1 - 1e-9 <= stance.loc[("A", "T"), "ci_low"] <= 0.2
    assert 0.2 <= stance.loc[("A", "T"), "ci_high"] <= 0.5 + 1e-9
    assert np.isnan(stance.loc[("B", "T"), "ci_low"])
    assert ("B", "U") not in stance.index  # mentioned zero times


def test_source_mix_shares():
    sources = compare(hand_made()).sources
    a = sources[sources["group"] == "A"].set_index(["dimension", "value"])
    assert a.loc[("kind", "indirect"), "count"] == 2
    assert a.loc[("kind", "indirect"), "share"] == pytest.approx(2 / 3)
    assert a.loc[("speaker_type", "person"), "share"] == pytest.approx(0.5)  # "" left out
    assert a.loc[("cue_class", "neutral"), "share"] == pytest.approx(2 / 3)
    shares = sources.groupby(["group", "dimension"])["share"].sum()
    assert np.allclose(shares, 1.0)


def test_groups_must_exist():
    corpus = hand_made()
    corpus.articles["event"] = "e1"  # a metadata column of the input
    with pytest.raises(ValueError, match="no column 'party'") as raised:
        compare(corpus, by="party")
    assert "group by one of: outlet, event (metadata" in str(raised.value)
    assert "n_words" not in str(raised.value)  # summary figures are not offered
    corpus.articles["outlet"] = None
    with pytest.raises(ValueError, match="no article has a value"):
        compare(corpus)
    with pytest.raises(ValueError, match="prior_scale"):
        compare(hand_made(), prior_scale=0)


# --- charts -------------------------------------------------------------------------------


def axes():
    return Figure().subplots()


def test_rates_chart_draws_a_point_and_interval_per_group_and_category():
    comparison = compare(hand_made())
    ax = plots.rates_by_group(comparison.rates, ax=axes())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]  # highest rate first
    ax = plots.rates_by_group(comparison.rates, ["cat1", "cat2"], ax=axes())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cat1", "cat2"]


def test_log_odds_chart_labels_the_strongest_terms():
    comparison = compare(hand_made())
    ax = plots.log_odds_scatter(comparison.log_odds, "A", n_labels=2, ax=axes())
    labels = {t.get_text() for t in ax.texts}
    assert labels == {"x", "z"}  # the two largest |z|
    assert ax.get_xscale() == "log"
    empty = plots.log_odds_scatter(comparison.log_odds, "nobody", ax=axes())
    assert "no terms" in empty.texts[0].get_text()


def test_stance_heatmap_and_source_mix():
    comparison = compare(hand_made())
    ax = plots.stance_heatmap(comparison.stance, ax=axes())
    cells = [t.get_text() for t in ax.texts]
    assert "+0.20\n(n=2)" in cells and "-0.40\n(n=1)" in cells
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    ax = plots.source_mix(comparison.sources, "speaker_type", ax=axes())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "person",
        "organisation",
        "anonymous",
    ]
    with pytest.raises(ValueError, match=r"framing\.compare"):
        plots.stance_heatmap(pd.DataFrame({"group": []}), ax=axes())
