"""Stance signals on small hand-written sentences, their combination and their evidence."""

from __future__ import annotations

import math

import pytest

import framing
from framing.schema import STANCE, STANCE_EVIDENCE
from framing.stance import SIGNALS, StanceOptions


def stance_of(text: str, **kwargs) -> dict:
    res = framing.analyze(text, **kwargs)
    return res.stance.set_index("target").to_dict("index")


def valence(text: str, target: str, **kwargs) -> float:
    return stance_of(text, **kwargs)[target]["loaded_valence"]


def test_the_one_hostile_is_blamed_and_its_object_is_the_victim():
    stance = stance_of("France is hostile to Russia.")
    assert stance["France"]["loaded_valence"] < 0
    assert stance["Russia"]["loaded_valence"] > 0


def test_relative_clause_carries_its_antecedent():
    stance = stance_of("Arms came from France, which is hostile to Russia.")
    assert stance["France"]["loaded_valence"] < 0
    assert stance["Russia"]["loaded_valence"] > 0


def test_passive_subject_is_the_victim_and_the_agent_is_blamed():
    stance = stance_of("Lavrov was aggressively confronted by a pro-Ukrainian provocateur.")
    assert stance["Sergey Lavrov"]["loaded_valence"] > 0
    assert stance["Ukraine"]["loaded_valence"] < 0


def test_possessor_keeps_the_blame_and_anti_compounds_name_opponents():
    assert valence("He implied ulterior motives on Armenia's part.", "Armenia") < 0
    assert valence("Buying from anti-Russian countries raises eyebrows.", "Russia") > 0


def test_a_term_far_from_any_mention_is_aimed_at_nobody():
    stance = stance_of("Russia said that years later the weaponized propaganda spread widely.")
    assert math.isnan(stance["Russia"]["loaded_valence"])


def test_negation_reverses_a_term():
    assert valence("Armenia is a revanchist state.", "Armenia") < 0
    assert valence("Armenia is not a revanchist state.", "Armenia") > 0


def test_sentiment_is_scored_on_the_clause_not_the_sentence():
    stance = stance_of(
        "Japan is a wonderful, generous friend, while Chad is a terrible, cruel enemy."
    )
    assert stance["Japan"]["sentiment"] > 0.5
    assert stance["Chad"]["sentiment"] < -0.5


def test_quoted_clauses_weigh_less_than_the_authors_voice():
    text = 'Russia is a wonderful partner. "Russia is a terrible, awful partner," he said.'
    options = StanceOptions(quote_weight=0.25)
    stance = framing.analyze(text, stance_options=options).stance.set_index("target")
    assert stance.loc["Russia", "sentiment"] > 0


def test_voice_share_and_attribution_follow_the_speakers_affiliation():
    text = (
        'Russian Foreign Minister Sergey Lavrov reminded reporters that "peace is possible '
        'in the region now." An activist claimed that "Russia lies."'
    )
    stance = stance_of(text)
    russia = stance["Russia"]
    # Lavrov's 7 quoted words of the 9 quoted in all; "reminded" endorses him.
    assert russia["voice_share"] == pytest.approx(7 / 9)
    assert russia["attribution"] == pytest.approx(1.0)


def test_a_target_that_never_appears_is_reported_without_signals():
    stance = stance_of("Nothing here concerns anyone.", targets=["Japan"])
    japan = stance["Japan"]
    assert japan["mentions"] == 0 and japan["low_evidence"]
    assert math.isnan(japan["score"]) and japan["n_evidence"] == 0


def test_a_single_mention_gets_a_score_flagged_low_evidence():
    stance = stance_of("Chad is a cruel, brutal regime.")
    assert stance["Chad"]["score"] < 0 and stance["Chad"]["low_evidence"]


ONLY = {signal: 0.0 for signal in SIGNALS}


def test_score_is_the_weighted_mean_of_the_available_signals():
    text = "France is hostile to Russia. Russia is a wonderful partner."
    only_loaded = StanceOptions(weights={**ONLY, "loaded_valence": 1.0})
    res = framing.analyze(text, stance_options=only_loaded)
    russia = res.stance.set_index("target").loc["Russia"]
    assert russia["score"] == pytest.approx(russia["loaded_valence"])
    two = {**ONLY, "sentiment": 1.0, "model": 1.0}
    balanced = framing.analyze(text, stance_options={"weights": two}).stance
    russia = balanced.set_index("target").loc["Russia"]
    assert russia["score"] == pytest.approx((russia["sentiment"] + russia["model"]) / 2)
    assert -1.0 <= russia["score"] <= 1.0


def test_unknown_signal_weights_are_refused():
    with pytest.raises(ValueError, match="unknown stance signal"):
        StanceOptions(weights={"vibes": 1.0})


def test_every_evidence_row_points_at_its_text(seed_analysis):
    text = seed_analysis.article.text
    evidence = seed_analysis.stance_evidence
    assert not evidence.empty
    for row in evidence.itertuples():
        assert text[row.start : row.end] == row.text
    counts = evidence.groupby("target").size()
    stance = seed_analysis.stance.set_index("target")
    assert (stance["n_evidence"] == counts.reindex(stance.index).fillna(0)).all()


def test_the_seed_positions_its_targets_as_a_careful_reader_does(seed_analysis):
    stance = seed_analysis.stance.set_index("target")
    score = stance["score"]
    # The op-ed defends Russia's policy through its foreign minister, the protagonist:
    # both read favourably, Russia the highest of the countries.
    countries = [t for t in score.index if t not in ("Sergey Lavrov", "Donald Trump", "Joe Biden")]
    assert score[countries].idxmax() == "Russia" and score["Russia"] > 0
    assert score["Sergey Lavrov"] > 0
    for critic in ("Armenia", "United States", "France", "Ukraine"):
        assert score[critic] < 0, critic
    assert score["Armenia"] < score["Azerbaijan"]


def test_an_adjective_describes_the_mention_it_precedes_and_a_verb_acts_on_it():
    targets = {"Varnia": ["Varnian"], "Ostrel": ["Ostreli"]}
    assert valence("The heroic Varnian army advanced.", "Varnia", targets=targets) > 0
    assert valence("The brutal Ostreli militia advanced.", "Ostrel", targets=targets) < 0
    assert valence("Their lobbyists occupied Ostreli politics.", "Ostrel", targets=targets) > 0
    # In a report of events "occupied" is literal, and literal uses aim at nobody.
    assert math.isnan(valence("Troops occupied Ostreli villages.", "Ostrel", targets=targets))


def test_silence_does_not_lower_a_score():
    text = 'Chad is a wonderful partner. "We agree," Japanese Prime Minister Sanae Takaichi said.'
    options = {"weights": {**ONLY, "sentiment": 1.0, "voice_share": 1.0}}
    chad = framing.analyze(text, stance_options=options).stance.set_index("target").loc["Chad"]
    assert chad["voice_share"] == 0  # others are quoted, Chad is not
    assert chad["score"] == pytest.approx(chad["sentiment"])


def evidence_of(text: str, target: str, signal: str, **kwargs) -> list[tuple[str, float]]:
    evidence = framing.analyze(text, **kwargs).stance_evidence
    rows = evidence[(evidence["target"] == target) & (evidence["signal"] == signal)]
    return list(zip(rows["text"], rows["value"], strict=True))


def test_the_clause_of_a_mention_is_read_whatever_else_it_names():
    text = "On Monday, Chad praised the generous visitors, while Japan was silent."
    clause = "On Monday, Chad praised the generous visitors,"
    assert evidence_of(text, "Chad", "sentiment")[0][0] == clause
    assert evidence_of(text, "Chad", "sentiment", targets=["Chad"])[0][0] == clause


def test_the_next_sentence_goes_on_about_the_target():
    text = "Chad signed the accord on Monday. It was a wonderful, generous gesture."
    rows = evidence_of(text, "Chad", "sentiment")
    assert [t for t, _ in rows] == [
        "Chad signed the accord on Monday.",
        "It was a wonderful, generous gesture.",
    ]
    assert stance_of(text)["Chad"]["sentiment"] > 0
    alone = StanceOptions(continuation_weight=0)
    assert stance_of(text, stance_options=alone)["Chad"]["sentiment"] == 0
    # A sentence that names the target again is read for that mention, not continued.
    again = "Chad signed the accord on Monday. Chad called it a wonderful, generous gesture."
    assert len(evidence_of(again, "Chad", "sentiment")) == 2


def test_reception_is_what_others_are_reported_saying_about_the_target():
    text = 'An activist said that "Chad is a terrible, cruel regime."'
    rows = evidence_of(text, "Chad", "reception")
    assert [t for t, _ in rows] == ["Chad is a terrible, cruel regime."]
    assert rows[0][1] < 0
    assert stance_of(text)["Chad"]["score"] < 0


def test_voice_tone_is_the_tone_of_the_targets_own_words():
    text = "Sergey Lavrov said that the talks were a wonderful success."
    rows = evidence_of(text, "Sergey Lavrov", "voice_tone")
    assert [t for t, _ in rows] == ["the talks were a wonderful success"]
    assert rows[0][1] > 0
    assert not evidence_of(text, "Sergey Lavrov", "reception")  # his own words


def test_a_verb_of_speech_disparages_its_object_and_a_title_does_not_hide_it():
    assert valence("Critics slammed Lavrov on Monday.", "Sergey Lavrov") < 0
    assert valence("The crowd was hostile to Mr. Lavrov.", "Sergey Lavrov") > 0


def test_one_loaded_term_is_damped_by_the_mentions_it_does_not_reach():
    text = "Chad is a revanchist state. Chad met Japan on Monday. Chad spoke on Tuesday."
    (_, value), *_ = evidence_of(text, "Chad", "loaded_valence")
    assert valence(text, "Chad") == pytest.approx(value / math.sqrt(3))


def test_being_quoted_is_prominence_not_favour_by_default():
    text = 'Sergey Lavrov said that "the talks took place." Chad is a terrible regime.'
    res = framing.analyze(text)
    assert res.stance.set_index("target").loc["Sergey Lavrov", "voice_share"] == 1.0
    evidence = res.stance_evidence
    assert (evidence.loc[evidence["signal"] == "voice_share", "contribution"] == 0).all()


def test_every_stance_table_has_the_schema_columns():
    for text in ("Nothing here concerns anyone.", "Chad is a terrible regime."):
        res = framing.analyze(text)
        assert list(res.stance.columns) == list(STANCE)
        assert list(res.stance_evidence.columns) == list(STANCE_EVIDENCE)
