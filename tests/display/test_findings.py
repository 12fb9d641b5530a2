"""The findings sentences and the reference ranges they place figures in."""

from __future__ import annotations

import hashlib
from importlib import resources

import pandas as pd
import pytest
import yaml

import framing
from framing.display import Reference, analysis_html, findings, reference_note
from framing.sources import words_per_speaker


def sentences(res, reference=None):
    return findings(
        res.summary(),
        res.category_frequencies(),
        res.term_frequencies(),
        words_per_speaker(res.sources),
        res.stance,
        reference,
    )


def test_the_packaged_reference_is_the_file_its_card_describes():
    folder = resources.files("framing.display")
    data = folder.joinpath("reference.json").read_bytes()
    card = yaml.safe_load(folder.joinpath("reference.yaml").read_text("utf-8"))
    assert hashlib.sha256(data).hexdigest() == card["sha256"]
    reference = Reference.load()
    assert reference.n_articles > 500
    for values in reference.quantiles.values():
        assert values == sorted(values) and len(values) == 5


def test_a_value_is_placed_by_the_quantiles():
    reference = Reference("test", 5, {"loaded_per_1k": [1.0, 2.0, 3.0, 4.0, 5.0]})
    assert [reference.position("loaded_per_1k", v) for v in (0.5, 1.5, 2.0, 4.0, 4.5, 6)] == [
        "very low", "low", "typical", "typical", "high", "very high",
    ]  # fmt: skip
    assert reference.position("n_sources", 3) is None
    assert reference_note(reference, "loaded_per_1k", 6) == "very high (typical: 2.0–4.0)"
    assert reference_note(reference, "loaded_per_1k", 3) == "typical (2.0–4.0)"


def test_a_corpus_is_its_own_reference():
    articles = pd.DataFrame({"loaded_per_1k": [0.0, 10.0, 20.0, 30.0, 40.0]})
    reference = Reference.from_articles(articles, "my corpus")
    assert reference.n_articles == 5 and reference.typical("loaded_per_1k") == (10.0, 30.0)
    assert "quoted_share" not in reference.quantiles


def test_the_seeds_findings_say_what_its_tables_show(seed_analysis):
    loaded, floor, stance = sentences(seed_analysis)
    summary = seed_analysis.summary()
    assert f"{summary['loaded_per_1k']:.1f} loaded terms per 1,000 words" in loaded
    assert "very high for news" in loaded and "PolNeAR" in loaded
    assert floor.startswith("Sergey Lavrov gets the floor") and "5 direct quotes" in floor
    assert "none anonymous" in floor
    scores = seed_analysis.stance.set_index("target")["score"]
    favoured = stance.split(" most favourably")[0]
    assert "Russia" in favoured and scores["Russia"] > 0
    assert "France" in stance.split(" most favourably")[1] and scores["France"] < 0


def test_an_article_without_loaded_terms_sources_or_targets_says_so():
    found = sentences(framing.analyze("The council met on Tuesday. It approved the budget."))
    assert found == [
        "It uses no loaded terms of the lexicon.",
        "No one is quoted or cited at length: the article speaks in its author's voice.",
        "No target is mentioned often enough for a stance reading.",
    ]


def test_the_notebook_view_leads_with_the_findings_escaped():
    text = 'Senator <b>Vex</b> said: "Critics are <script>evil</script> thugs," on Monday.'
    html = analysis_html(framing.analyze(text))
    findings_html = html.split('<p class="fr-findings">')[1].split("</p>")[0]
    assert "<b>" not in findings_html and "<script" not in findings_html
    assert "loaded terms per 1,000 words" in findings_html


@pytest.mark.parametrize("figure", ["loaded_per_1k", "quoted_share"])
def test_reference_notes_read_as_figures(figure):
    note = reference_note(Reference.load(), figure, 0.0)
    assert note.startswith(("very low", "low", "typical")) and "–" in note
