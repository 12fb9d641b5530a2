"""analyze() and Analysis: what it takes, and a summary that reads at a glance."""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.schema import SUMMARY_KINDS


def test_a_path_is_read_as_the_article_it_names(seed_path):
    from_path = framing.analyze(seed_path)
    from_string = framing.analyze(str(seed_path))
    read = framing.analyze(framing.read_article(seed_path))
    assert from_path.article == from_string.article == read.article
    assert from_string.summary().equals(read.summary())


def test_a_file_name_that_does_not_exist_is_refused_not_analysed(tmp_path):
    missing = tmp_path / "no-such-article.txt"
    with pytest.raises(framing.ReadError, match=r"no-such-article\.txt does not exist"):
        framing.analyze(str(missing))
    with pytest.raises(framing.ReadError):
        framing.analyze(Path(missing))


def test_text_is_text_even_when_it_mentions_a_file():
    res = framing.analyze("The report is in annex.txt and in the appendix.\nIt says little.")
    assert res.n_words > 5


def test_summary_groups_its_figures_and_rounds_them(seed_analysis):
    summary = seed_analysis.summary()
    parts = [seed_analysis.summary(kind) for kind in SUMMARY_KINDS]
    assert [name for part in parts for name in part.index] == list(summary.index)
    assert list(parts[0].index) == ["n_words", "n_sentences", "n_paragraphs"]
    assert all(name.startswith(("n_loaded", "loaded_", "n_literal")) for name in parts[1].index)
    assert list(parts[4].index) == ["n_targets"]
    for name, value in summary.items():
        if isinstance(value, float):
            digits = 2 if "per_1k" in name else 3
            assert value == round(value, digits), name
    # the rounded rate is the exact one, rounded
    exact = 1000 * summary["n_loaded"] / summary["n_words"]
    assert summary["loaded_per_1k"] == round(exact, 2)
    with pytest.raises(ValueError, match="kind must be one of"):
        seed_analysis.summary("everything")
