"""FramingFeatures as a scikit-learn transformer, and the bias classifier recipe."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from joblib import parallel_config
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils import estimator_checks
from sklearn.utils._tags import get_tags

import framing
from framing.article import Article
from framing.ml import FramingFeatures, bias_classifier, top_features

LABELLED = Path(__file__).parents[1] / "data" / "labelled_sentences.csv"
TEXTS = [
    "Critics slammed the so-called reform, a reckless power grab by the regime.",
    "The ministry said on Tuesday that the budget would rise by 3 percent.",
    '"It is a disaster," an anonymous official told reporters, according to Reuters.',
    "The plan might perhaps help, but clearly it will not end the crisis.",
    "",
]
DEFAULT_NAMES = [
    *(
        f"loaded_per_1k__{c}"
        for c in (
            "loaded_language",
            "name_calling",
            "exaggeration",
            "doubt",
            "fear",
            "conflict",
            "delegitimising",
            "total",
            "author_voice",
        )
    ),
    "hedge_per_1k",
    "booster_per_1k",
    "factive_per_1k",
    "quoted_share",
    "attributions_per_1k",
    "scare_quotes_per_1k",
    *(
        f"source_type_share__{t}"
        for t in ("person", "organisation", "anonymous", "labelled", "media", "document")
    ),
    *(f"cue_share__{c}" for c in ("neutral", "endorsing", "distancing", "emotive")),
    "tone__compound",
    "tone__intensity",
]

# scikit-learn's checks that apply to a transformer of texts: they need no data, or only
# call fit (which learns nothing from X). The others feed numeric arrays to transform;
# tests below check the same properties with texts. check_transformer_n_iter is vacuous
# (no max_iter) and runs because the contract names it.
SKLEARN_CHECKS = [
    "check_parameters_default_constructible",
    "check_no_attributes_set_in_init",
    "check_get_params_invariance",
    "check_set_params",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_mixin_order",
    "check_valid_tag_types",
    "check_estimator_tags_renamed",
    "check_estimators_overwrite_params",
    "check_estimators_fit_returns_self",
    "check_fit_check_is_fitted",
    "check_get_feature_names_out_error",
    "check_transformers_unfitted",
    "check_transformer_n_iter",
]


@pytest.fixture(scope="module")
def fitted() -> FramingFeatures:
    return FramingFeatures().fit(TEXTS)


@pytest.fixture(scope="module")
def labelled() -> pd.DataFrame:
    return pd.read_csv(LABELLED)


# -- scikit-learn's contract -------------------------------------------------------------


@pytest.mark.parametrize("check", SKLEARN_CHECKS)
def test_sklearn_estimator_check(check):
    getattr(estimator_checks, check)("FramingFeatures", FramingFeatures())


def test_tags_declare_text_input():
    tags = get_tags(FramingFeatures())
    assert tags.input_tags.string and not tags.input_tags.two_d_array


def test_fit_is_idempotent_and_leaves_params(fitted):
    again = clone(fitted).fit(TEXTS).fit(TEXTS[:2])
    np.testing.assert_array_equal(again.transform(TEXTS), fitted.transform(TEXTS))
    assert again.get_params() == FramingFeatures().get_params()


def test_transform_leaves_the_estimator_unchanged(fitted):
    before = {k: v for k, v in vars(fitted).items() if k != "_extractor"}
    fitted.transform(TEXTS)
    after = {k: v for k, v in vars(fitted).items() if k != "_extractor"}
    assert before.keys() == after.keys()
    np.testing.assert_array_equal(before["feature_names_out_"], after["feature_names_out_"])


def test_rows_do_not_depend_on_order_or_batch(fitted):
    full = fitted.transform(TEXTS)
    order = [3, 0, 4, 1, 2]
    np.testing.assert_array_equal(fitted.transform([TEXTS[i] for i in order]), full[order])
    np.testing.assert_array_equal(fitted.transform(TEXTS[1:3]), full[1:3])


def test_pickle_round_trip(fitted):
    restored = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(restored.transform(TEXTS), fitted.transform(TEXTS))


def test_parallel_transform_matches_sequential(fitted):
    with parallel_config(backend="threading"):
        parallel = clone(fitted).set_params(n_jobs=2).fit(TEXTS).transform(TEXTS * 3)
    np.testing.assert_array_equal(parallel, fitted.transform(TEXTS * 3))


# -- feature names and values ------------------------------------------------------------


def test_feature_names_are_stable_and_meaningful(fitted):
    names = fitted.get_feature_names_out()
    assert isinstance(names, np.ndarray)
    assert list(names) == DEFAULT_NAMES
    assert list(FramingFeatures().fit(["other texts"]).get_feature_names_out()) == DEFAULT_NAMES
    assert fitted.transform(TEXTS).shape == (len(TEXTS), len(DEFAULT_NAMES))
    assert fitted.lexicon_["name"] == "loaded" and len(fitted.lexicon_["sha256"]) == 64


def test_groups_choose_columns_in_order():
    names = FramingFeatures(features=("epistemic", "loaded")).fit([]).get_feature_names_out()
    assert list(names[:3]) == ["hedge_per_1k", "booster_per_1k", "factive_per_1k"]
    assert names[3].startswith("loaded_per_1k__")


def test_set_output_pandas_keeps_the_index():
    texts = pd.Series(TEXTS[:3], index=["a", "b", "c"])
    table = FramingFeatures().set_output(transform="pandas").fit_transform(texts)
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == DEFAULT_NAMES and list(table.index) == ["a", "b", "c"]


def test_values_agree_with_analysis_summary(fitted):
    table = pd.DataFrame(fitted.transform(TEXTS), columns=fitted.get_feature_names_out())
    # The summary rounds rates to two decimals and shares to three; features are exact.
    rate, share = {"abs": 0.005}, {"abs": 0.0005}
    for text, row in zip(TEXTS, table.itertuples(index=False), strict=True):
        summary = framing.analyze(text).summary()
        row = row._asdict()
        for category in ("loaded_language", "exaggeration", "delegitimising"):
            assert row[f"loaded_per_1k__{category}"] == pytest.approx(
                summary[f"loaded_per_1k_{category}"], **rate
            )
        for category in ("hedge", "booster"):
            expected = summary[f"markers_per_1k_{category}"]
            assert row[f"{category}_per_1k"] == pytest.approx(expected, **rate)
        assert row["loaded_per_1k__total"] == pytest.approx(summary["loaded_per_1k"], **rate)
        assert row["quoted_share"] == pytest.approx(summary["quoted_share"], **share)
        expected = summary["anonymous_share"]
        assert row["source_type_share__anonymous"] == pytest.approx(expected, **share)
        for cue in ("neutral", "endorsing", "distancing", "emotive"):
            assert row[f"cue_share__{cue}"] == pytest.approx(summary[f"cue_{cue}"], **share)


def test_loaded_and_neutral_sentences_differ(fitted):
    table = pd.DataFrame(fitted.transform(TEXTS), columns=fitted.get_feature_names_out())
    assert table.loc[0, "loaded_per_1k__total"] > 0 == table.loc[1, "loaded_per_1k__total"]
    assert table.loc[3, "hedge_per_1k"] > 0 and table.loc[3, "booster_per_1k"] > 0
    assert table.loc[2, "quoted_share"] > 0 and table.loc[2, "source_type_share__anonymous"] > 0
    assert (table.loc[4] == 0).all()  # an empty text: zeros, not NaN


def test_stance_columns_per_target_with_nan_as_zero():
    text = "Lavrov slammed the reckless provocations. Lavrov called the talks a sham."
    features = FramingFeatures(features=("stance",), targets=["Lavrov", "Norway"]).fit([text])
    names = list(features.get_feature_names_out())
    assert len(names) == 2 and all(n.startswith("stance__") for n in names)
    scores = features.transform([text])[0]
    stance = framing.analyze(text, targets=["Lavrov", "Norway"]).stance.set_index("target")
    lavrov = names.index(f"stance__{stance.index[0]}")
    assert scores[lavrov] == pytest.approx(stance["score"].iloc[0]) and scores[lavrov] < 0
    assert scores[1 - lavrov] == 0.0  # Norway is never mentioned: no score, 0


def test_stance_without_targets_adds_no_columns():
    names = FramingFeatures(features=("loaded", "stance")).fit([]).get_feature_names_out()
    assert not any(n.startswith("stance__") for n in names)


def test_accepts_articles_series_and_one_column_frames(fitted):
    expected = fitted.transform(TEXTS)
    articles = [Article(text=t) for t in TEXTS]
    np.testing.assert_array_equal(fitted.transform(articles), expected)
    np.testing.assert_array_equal(fitted.transform(pd.Series(TEXTS)), expected)
    np.testing.assert_array_equal(fitted.transform(pd.DataFrame({"text": TEXTS})), expected)


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ("one text", TypeError, "not a single one"),
        (["fine", None], TypeError, "item 1 is a NoneType"),
        (pd.DataFrame({"a": ["x"], "b": ["y"]}), ValueError, "one column of texts"),
    ],
)
def test_bad_input_says_what_to_do(fitted, bad, error, message):
    with pytest.raises(error, match=message):
        fitted.transform(bad)


@pytest.mark.parametrize("features", [("loaded", "tone-deaf"), (), ("loaded", "loaded")])
def test_bad_groups_fail_at_fit(features):
    with pytest.raises(ValueError, match="distinct groups"):
        FramingFeatures(features=features).fit([])


# -- in pipelines ------------------------------------------------------------------------


def test_feature_union_with_tfidf_in_a_column_transformer(labelled):
    union = ColumnTransformer(
        [
            ("tfidf", TfidfVectorizer(), "text"),
            ("framing", FramingFeatures(features=("loaded",)), ["text"]),
        ]
    )
    matrix = union.fit_transform(labelled.head(10))
    names = union.get_feature_names_out()
    assert matrix.shape == (10, len(names))
    assert "framing__loaded_per_1k__total" in names and "tfidf__council" in names


def test_grid_search_over_groups_in_a_pipeline(labelled):
    model = bias_classifier(ngram_range=None, features=("loaded",))
    assert clone(model).get_params()["features__framing__extract__features"] == ("loaded",)
    search = GridSearchCV(
        model,
        {"features__framing__extract__features": [("loaded",), ("epistemic", "sources")]},
        cv=StratifiedKFold(2, shuffle=True, random_state=0),
        scoring="f1_macro",
    )
    search.fit(labelled["text"], labelled["label"])
    assert search.best_params_["features__framing__extract__features"] == ("loaded",)


def test_cross_validated_bias_classifier_on_labelled_sentences(labelled):
    folds = StratifiedKFold(3, shuffle=True, random_state=0)
    scores = cross_val_score(
        bias_classifier(), labelled["text"], labelled["label"], cv=folds, scoring="f1_macro"
    )
    assert scores.mean() > 0.8


def test_top_features_read_the_model(labelled):
    model = bias_classifier().fit(labelled["text"], labelled["label"])
    top = top_features(model, n=15)
    assert list(top.columns) == ["name", "weight", "source", "class"] and len(top) == 15
    assert set(top["source"]) <= {"tfidf", "framing"}
    assert top["weight"].abs().is_monotonic_decreasing
    loaded = top.set_index("name").loc["loaded_per_1k__total"]
    assert loaded["source"] == "framing" and loaded["class"] == "biased"


def test_bias_classifier_takes_articles_and_needs_a_branch(labelled):
    articles = [Article(text=t) for t in labelled["text"]]
    model = bias_classifier(features=()).fit(articles, labelled["label"])
    assert list(model.named_steps["features"].named_transformers) == ["tfidf"]
    assert isinstance(model.named_steps["features"], FeatureUnion)
    assert isinstance(model, Pipeline) and model.predict(articles[:2]).shape == (2,)
    with pytest.raises(ValueError, match="needs TF-IDF"):
        bias_classifier(ngram_range=None, features=())
