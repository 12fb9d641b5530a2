"""The mention model: its packaged weights, its mentions' rows, the score they add up to,
the label, the interval, and the options' API."""

from __future__ import annotations

import hashlib
import math
import os
from importlib import resources
from pathlib import Path

import pytest
import yaml

import framing
from framing.stance import DEFAULT_WEIGHTS, StanceOptions, StanceOptionsError
from framing.stance.aggregate import aggregate, label_of
from framing.stance.model import MODEL_FILE, MentionModel

MODELS = resources.files("framing.stance").joinpath("models")


def stance(text: str, **kwargs):
    return framing.analyze(text, **kwargs).stance.set_index("target")


def test_the_shipped_weights_match_their_card():
    raw = resources.files("framing.stance").joinpath(MODEL_FILE).read_bytes()
    card = yaml.safe_load(MODELS.joinpath("mention-model.yaml").read_text(encoding="utf-8"))
    assert hashlib.sha256(raw).hexdigest() == card["sha256"] == MentionModel.load().sha256
    assert "Hamborg" in card["training_data"]["citation"]
    assert card["training_data"]["licence"].startswith("MIT")
    assert "Permission is hereby granted" in MODELS.joinpath("LICENSE").read_text(encoding="utf-8")
    assert set(card["dev_figures"]) >= {"rw", "mt"}


def test_a_score_is_the_sum_of_its_evidence_contributions(seed_analysis):
    sums = seed_analysis.stance_evidence.groupby("target")["contribution"].sum()
    for row in seed_analysis.stance.itertuples():
        assert row.score == pytest.approx(sums[row.target], abs=1e-12), row.target
        assert row.ci_low <= row.score <= row.ci_high
        assert row.label in ("negative", "neutral", "positive")


def test_every_mention_has_a_model_row_with_its_drivers(seed_analysis):
    rows = seed_analysis.stance_evidence
    model = rows[rows["signal"] == "model"]
    assert len(model) == int(seed_analysis.stance["mentions"].sum())
    total = model[["p_negative", "p_neutral", "p_positive"]].sum(axis=1)
    assert (total - 1).abs().max() < 1e-9
    text = seed_analysis.article.text
    for drivers in model["drivers"]:
        for part in drivers.split("; "):
            span = part[part.rindex("[") + 1 : part.rindex("]")]
            start, end = map(int, span.split(":"))
            assert 0 <= start < end <= len(text)


def test_the_model_reads_each_target_from_its_own_mentions():
    text = "Japan won praise for its generous aid. Chad was condemned for its brutal raids."
    scores = stance(text)
    assert scores.loc["Japan", "model"] > 0 > scores.loc["Chad", "model"]
    assert scores.loc["Japan", "label"] == "positive"
    assert scores.loc["Chad", "label"] == "negative"


def test_a_neutral_mention_leaves_a_clear_one_standing():
    clear = [(0.9, 0.05, 0.05)]
    flat = [(0.05, 0.9, 0.05)] * 10
    alone = aggregate(clear, [1.0])
    many = aggregate(clear + flat, [1.0] * 11)
    assert many.score < -0.4  # a plain mean would be -0.08
    assert sum(many.contributions) == pytest.approx(many.score)
    assert many.ci_high - many.ci_low < alone.ci_high - alone.ci_low
    assert label_of(alone.probabilities, {}) == "negative"
    assert label_of(aggregate(clear + flat[:4], [1.0] * 5).probabilities, {}) == "negative"
    assert label_of(many.probabilities, {}) == "neutral"  # ten flat mentions to one
    assert math.isnan(aggregate([], []).score) and label_of((math.nan,) * 3, {}) == "neutral"


def test_quoted_mentions_are_kept_apart_and_weigh_less():
    text = 'Japan is a generous partner. "Japan is a cruel, brutal regime," the activist said.'
    row = stance(text).loc["Japan"]
    assert row["author_voice"] > 0 > row["quoted_voice"]
    assert row["model"] > (row["author_voice"] + row["quoted_voice"]) / 2


def test_partial_weights_merge_with_the_defaults():
    options = StanceOptions(weights={"sentiment": 0})
    assert options.weights == {**DEFAULT_WEIGHTS, "sentiment": 0}
    scores = stance("France is hostile to Russia.", stance_options=options)["score"]
    assert not scores.isna().any()


def test_a_dict_is_taken_for_stance_options():
    text = "France is hostile to Russia."
    given = stance(text, stance_options={"weights": {"model": 1.0, "sentiment": 0.0}})
    built = stance(text, stance_options=StanceOptions(weights={"model": 1.0, "sentiment": 0}))
    assert given["score"].equals(built["score"])
    with pytest.raises(StanceOptionsError, match="unknown stance option"):
        framing.analyze(text, stance_options={"quote_wieght": 0})
    with pytest.raises(StanceOptionsError, match="StanceOptions or a dict"):
        framing.analyze(text, stance_options=0.5)


def test_a_score_does_not_depend_on_the_other_targets_listed(seed_path):
    article = framing.read_article(seed_path)
    alone = framing.analyze(article, targets=["Armenia"]).stance.set_index("target")
    among = framing.analyze(article, targets=["Armenia", "Azerbaijan", "Russia", "France"])
    default = framing.analyze(article).stance.set_index("target")
    for other in (among.stance.set_index("target"), default):
        assert other.loc["Armenia", "score"] == pytest.approx(alone.loc["Armenia", "score"])


EVAL = Path(os.environ.get("FRAMING_EVAL_DIR", Path(__file__).resolve().parents[3] / "shared/eval"))


@pytest.mark.slow
@pytest.mark.skipif(not (EVAL / "newsmtsc" / "train.jsonl").is_file(), reason="no NewsMTSC here")
def test_retraining_gives_the_shipped_model_byte_for_byte(tmp_path):
    from framing.stance.train import main

    assert main([str(EVAL), "--out", str(tmp_path)]) == 0
    shipped = resources.files("framing.stance").joinpath(MODEL_FILE).read_bytes()
    assert (tmp_path / "mention-model.json").read_bytes() == shipped
