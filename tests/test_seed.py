"""Golden expectations on the seed op-ed: what a careful reader sees in it."""

from __future__ import annotations

import pytest


def test_reader_removes_the_scraper_boilerplate(seed_analysis):
    article = seed_analysis.article
    assert article.title == "Lavrov Made Three Important Points About Russia’s Military Diplomacy"
    assert article.text.startswith("Russian Foreign Minister Sergey Lavrov was aggressively")
    assert article.text.endswith("threatens to destabilize the region.")
    for furniture in ("spot_img", "Home World", "NO COMMENTS", "Exit mobile version"):
        assert furniture not in article.text


@pytest.mark.parametrize(
    ("surface", "category"),
    [
        ("insinuated", "doubt"),
        ("masquerading as", "doubt"),
        ("provocateur", "name_calling"),
        ("pro-Ukrainian", "name_calling"),
        ("anti-Russian", "name_calling"),
        ("weaponized", "conflict"),
        ("revanchist", "name_calling"),
        ("might", "hedge"),
        ("probably", "hedge"),
    ],
)
def test_the_op_eds_rhetoric_is_found(seed_analysis, surface, category):
    terms = seed_analysis.loaded_terms
    rows = terms[terms["text"].str.lower() == surface.lower()]
    assert not rows.empty, f"{surface!r} was not found"
    assert category in set(rows["category"]), set(rows["category"])


def test_every_match_is_its_surface_text(seed_analysis):
    text = seed_analysis.article.text
    for row in seed_analysis.loaded_terms.itertuples():
        assert text[row.start : row.end] == row.text


def test_quoted_words_are_the_speakers_not_the_authors(seed_analysis):
    terms = seed_analysis.loaded_terms.set_index("text")
    # "probably" stands only inside Lavrov's quoted assessment; "insinuated" is the author's.
    assert terms.loc["probably", "in_quote"]
    assert not terms.loc["insinuated", "in_quote"]


def test_summary_figures_agree_with_the_tables(seed_analysis):
    summary = seed_analysis.summary()
    categories = seed_analysis.category_frequencies()
    terms = seed_analysis.loaded_terms
    loaded = terms[(terms["kind"] == "loaded") & ~terms["literal"]]
    markers = terms[terms["kind"] == "marker"]
    assert summary["n_loaded"] == len(loaded) == categories.query("kind == 'loaded'")["count"].sum()
    assert summary["n_markers"] == len(markers) == 11  # might, could, suggests, reminded, ...
    assert summary["n_loaded"] + summary["n_markers"] + summary["n_literal"] == len(terms)
    assert summary["n_words"] == pytest.approx(636, abs=40)
    assert summary["n_quotes"] == 5
    assert summary["loaded_per_1k"] == round(1000 * summary["n_loaded"] / summary["n_words"], 2)
    kinds = dict(zip(categories["category"], categories["kind"], strict=True))
    loaded_per_1k = [summary[f"loaded_per_1k_{c}"] for c, k in kinds.items() if k == "loaded"]
    assert sum(loaded_per_1k) == pytest.approx(summary["loaded_per_1k"], abs=0.01)  # rounded
    markers_per_1k = [summary[f"markers_per_1k_{c}"] for c, k in kinds.items() if k == "marker"]
    assert sum(markers_per_1k) == pytest.approx(summary["markers_per_1k"], abs=0.01)
    assert set(kinds.values()) == {"loaded", "marker"}
    assert summary["loaded_per_1k"] > 40, "a polemical op-ed is dense in loaded language"


def test_the_seeds_war_vocabulary_is_not_taken_for_a_literal_report(seed_analysis):
    terms = seed_analysis.loaded_terms.set_index("text")
    for surface in ("weaponized", "misportrayals", "seize", "occupied"):
        assert terms.loc[surface, "kind"] == "loaded"
        assert not terms.loc[surface, "literal"], surface
