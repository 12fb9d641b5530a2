"""Framing measures as features for scikit-learn: :class:`FramingFeatures`.

Each text becomes one row of numbers, in named groups:

``loaded``
    ``loaded_per_1k__<category>`` for every category of loaded language (``kind``
    ``loaded`` in the lexicon), ``loaded_per_1k__total`` (their sum, the summary's
    ``loaded_per_1k``) and ``loaded_per_1k__author_voice`` (the matches outside
    quotations). Rates per 1,000 words, as in ``Analysis.summary()``: literal uses are
    left out.
``epistemic``
    ``<category>_per_1k`` for every category of epistemic markers (``kind`` ``marker``:
    ``hedge_per_1k``, ``booster_per_1k`` and ``factive_per_1k`` with the packaged
    lexicon), the summary's ``markers_per_1k_<category>``.
``sources``
    ``quoted_share`` (share of the words in direct quotes), ``attributions_per_1k``
    (direct quotes, indirect speech and "according to"), ``scare_quotes_per_1k``,
    ``source_type_share__<type>`` (the mix of distinct speakers: person, organisation,
    anonymous, labelled, media, document; ``__anonymous`` is the summary's
    ``anonymous_share``) and ``cue_share__<class>`` (the cue verbs' classes: neutral,
    endorsing, distancing, emotive). Shares are 0 when there is nothing to share.
``tone``
    ``tone__compound`` (VADER compound of the whole text, -1 to 1) and ``tone__intensity``
    (VADER's share of valenced words, 0 to 1), a lexicon-independent measure of how
    emotive the wording is.
``stance``
    ``stance__<target>``: the stance ``score`` toward each target of ``targets``; a target
    the text does not mention, or mentions without evidence, has no score and gets 0
    (neutral). Without ``targets`` the group adds no columns.

Only the stance group needs the whole :func:`framing.analyze`; the others segment the
text, find the gazetteer's names (for the proper-name guard) and match the lexicon and
cues, which is what makes many short texts fast.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.analysis import analyze, resolve_lexicon
from framing.article import Article
from framing.lexicon import Lexicon
from framing.loaded import find_loaded_terms
from framing.schema import CUE_CLASSES, SPEAKER_TYPES
from framing.sources import distinct_speakers, find_sources, source_summary
from framing.targets import resolve_targets
from framing.text import Document, SpanSentiment, segment

__all__ = ["GROUPS", "FramingFeatures", "as_texts"]

logger = logging.getLogger("framing")

GROUPS = ("loaded", "epistemic", "sources", "tone", "stance")
_CHUNKS_PER_JOB = 4


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Turn texts into framing features: loaded-term rates, hedges, sources, tone, stance.

    A scikit-learn transformer: it runs in a ``Pipeline`` or ``FeatureUnion`` (e.g. beside
    a ``TfidfVectorizer`` on the same texts), can be cloned and grid-searched, and
    ``set_output(transform="pandas")`` gives a DataFrame with named columns. The groups and
    column names are described in :mod:`framing.ml.features`.

    Parameters
    ----------
    features : tuple of str, default ("loaded", "epistemic", "sources", "tone", "stance")
        The groups of features to compute, in this order.
    lexicon : Lexicon, str, path or dict, optional
        The loaded-term lexicon, as for :func:`framing.analyze` (``None``: the packaged
        ``loaded`` lexicon).
    targets : list of str or dict, optional
        Targets of the ``stance`` group, as for :func:`framing.analyze`; one column each.
        ``None`` leaves the stance group empty (the packaged gazetteer's hundreds of
        targets would be hundreds of mostly-zero columns).
    n_jobs : int, optional
        Processes for :meth:`transform` (joblib; ``None`` is one, ``-1`` all cores).
        Worth it from a few thousand texts: every process loads the library once.

    Attributes
    ----------
    feature_names_out_ : numpy.ndarray of str
        The column names, stable for given parameters and lexicon.
    lexicon_ : dict
        Name, version and hash of the lexicon used.
    targets_ : tuple of str
        The canonical names of the stance targets (empty without ``targets``).

    Notes
    -----
    ``fit`` learns nothing from the texts: it checks the parameters, resolves the lexicon
    and targets and fixes the column names. ``transform`` treats each text on its own, so
    the output for a text does not depend on the others in the batch.

    scikit-learn's estimator checks: the tags say the input is text (``two_d_array=False``,
    ``string=True``), as for scikit-learn's own vectorizers, so ``check_estimator`` skips
    the estimator. The checks that need no data or only call ``fit`` pass as they are and
    run in ``tests/test_features.py``: ``check_parameters_default_constructible``,
    ``check_no_attributes_set_in_init``, ``check_get_params_invariance``,
    ``check_set_params``, ``check_do_not_raise_errors_in_init_or_set_params``,
    ``check_estimator_cloneable``, ``check_estimator_repr``, ``check_mixin_order``,
    ``check_valid_tag_types``, ``check_estimator_tags_renamed``,
    ``check_estimators_overwrite_params``, ``check_estimators_fit_returns_self``,
    ``check_fit_check_is_fitted``, ``check_get_feature_names_out_error``,
    ``check_transformers_unfitted`` and ``check_transformer_n_iter`` (vacuous: there is no
    ``max_iter``). The others are skipped: they pass numeric arrays to ``transform``
    (``check_fit_idempotent``, ``check_estimators_pickle``, ``check_dict_unchanged``,
    ``check_methods_sample_order_invariance``, ``check_methods_subset_invariance``,
    ``check_transformer_general``, ...), check numeric validation (NaN, inf, sparse,
    complex, dtypes, ``n_features_in_``) that does not apply to text, or concern
    classifiers, regressors and sample weights. The tests check the applicable
    properties with texts instead: fit idempotent, pickling, order and subset invariance,
    an unchanged ``__dict__`` after ``transform``, ``set_output``.

    Examples
    --------
    >>> features = FramingFeatures(features=("loaded", "epistemic")).set_output(transform="pandas")
    >>> table = features.fit_transform(["Critics slammed the so-called reform."])
    >>> table["loaded_per_1k__loaded_language"].iloc[0] > 0  # doctest: +SKIP
    True
    """

    def __init__(
        self,
        *,
        features: Sequence[str] = GROUPS,
        lexicon: Any = None,
        targets: Any = None,
        n_jobs: int | None = None,
    ) -> None:
        self.features = features
        self.lexicon = lexicon
        self.targets = targets
        self.n_jobs = n_jobs

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Check the parameters, resolve lexicon and targets, fix the feature names.

        Parameters
        ----------
        X : iterable of str or Article
            Ignored apart from a check that it is a collection, not a single text.
        y : ignored

        Returns
        -------
        self
        """
        _reject_single_text(X)
        self._extractor = _extractor(self.features, self.lexicon, self.targets)
        self.feature_names_out_ = np.asarray(self._extractor.names(), dtype=object)
        self.lexicon_ = self._extractor.lexicon.describe()
        self.targets_ = self._extractor.targets
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The features of each text.

        Parameters
        ----------
        X : iterable of str or Article, pandas Series, or a one-column DataFrame or array
            The texts (an Article contributes its ``text``).

        Returns
        -------
        numpy.ndarray of shape (n_texts, n_features)
            Float64; columns as in :meth:`get_feature_names_out`.
        """
        check_is_fitted(self, "feature_names_out_")
        texts = as_texts(X)
        n_jobs = self.n_jobs if len(texts) > 1 else None
        chunks = _chunks(texts, _n_chunks(n_jobs, len(texts)))
        parts = Parallel(n_jobs=n_jobs)(delayed(_rows)(self._extractor, c) for c in chunks)
        matrix = np.vstack([*parts, np.empty((0, len(self.feature_names_out_)))])
        logger.debug("FramingFeatures: %d texts -> %d features", *matrix.shape)
        return matrix

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns (``input_features`` is ignored: the input is text)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        tags.input_tags.string = True
        return tags


def as_texts(X: Any) -> list[str]:
    """The texts of ``X``: strings as they are, Articles by their ``text``.

    Accepts any iterable of str or :class:`~framing.article.Article`, a pandas Series, or
    a one-column DataFrame or 2-D array (what a ``ColumnTransformer`` passes on).

    Raises
    ------
    TypeError
        For a single text, or an item that is neither a str nor an Article (naming it).
    """
    _reject_single_text(X)
    if isinstance(X, pd.DataFrame) or (isinstance(X, np.ndarray) and X.ndim == 2):
        if X.shape[1] != 1:
            raise ValueError(
                f"expected one column of texts, got {X.shape[1]}; select the text column "
                "(e.g. ColumnTransformer([(..., FramingFeatures(), 'text')]))."
            )
        X = X.iloc[:, 0] if isinstance(X, pd.DataFrame) else X[:, 0]
    texts = []
    for position, item in enumerate(X):
        if isinstance(item, Article):
            item = item.text
        elif not isinstance(item, str):
            raise TypeError(
                f"item {position} is a {type(item).__name__}, not a text: FramingFeatures "
                "takes strings or framing.Article objects (fill or drop missing texts first)."
            )
        texts.append(item)
    return texts


def _reject_single_text(X: Any) -> None:
    if isinstance(X, (str, bytes, Article)):
        raise TypeError(
            "FramingFeatures takes a collection of texts, not a single one; wrap it in a list."
        )


# -- the extractor: one text -> one row ----------------------------------------------------


@dataclass(frozen=True)
class _Extractor:
    """What :meth:`FramingFeatures.transform` needs, picklable for worker processes."""

    groups: tuple[str, ...]
    lexicon: Lexicon
    targets_arg: Any
    targets: tuple[str, ...]
    loaded: tuple[str, ...]
    markers: tuple[str, ...]

    def names(self) -> list[str]:
        names: list[str] = []
        for group in self.groups:
            if group == "loaded":
                names += [f"loaded_per_1k__{c}" for c in self.loaded]
                names += ["loaded_per_1k__total", "loaded_per_1k__author_voice"]
            elif group == "epistemic":
                names += [f"{c}_per_1k" for c in self.markers]
            elif group == "sources":
                names += ["quoted_share", "attributions_per_1k", "scare_quotes_per_1k"]
                names += [f"source_type_share__{t}" for t in SPEAKER_TYPES]
                names += [f"cue_share__{c}" for c in CUE_CLASSES]
            elif group == "tone":
                names += ["tone__compound", "tone__intensity"]
            else:
                names += [f"stance__{t}" for t in self.targets]
        return names

    def row(self, text: str) -> list[float]:
        stance = None
        if "stance" in self.groups and self.targets:
            result = analyze(text, targets=self.targets_arg, lexicon=self.lexicon)
            document, sources = result.document, result.sources
            matches = _counted(result.loaded_terms)
            stance = result.stance.set_index("target")["score"]
        else:
            document = segment(text)
            lexical = {"loaded", "epistemic"} & set(self.groups)
            matches = _matches(document, self.lexicon) if lexical else []
            sources = find_sources(document) if "sources" in self.groups else None
        n_words = document.n_words
        values: list[float] = []
        for group in self.groups:
            if group == "loaded":
                values += self._loaded(matches, n_words)
            elif group == "epistemic":
                counts = Counter(category for category, _ in matches)
                values += [_per_1k(counts[c], n_words) for c in self.markers]
            elif group == "sources":
                values += _source_features(sources, n_words)
            elif group == "tone":
                values += _tone(text)
            else:
                values += [_score(stance, t) for t in self.targets]
        return values

    def _loaded(self, matches: list[tuple[str, bool]], n_words: int) -> list[float]:
        loaded = set(self.loaded)
        counts = Counter(category for category, _ in matches if category in loaded)
        author = sum(1 for category, quoted in matches if category in loaded and not quoted)
        return [
            *(_per_1k(counts[c], n_words) for c in self.loaded),
            _per_1k(sum(counts.values()), n_words),
            _per_1k(author, n_words),
        ]


def _extractor(features: Any, lexicon: Any, targets: Any) -> _Extractor:
    groups = (features,) if isinstance(features, str) else tuple(features)
    unknown = [g for g in groups if g not in GROUPS]
    if unknown or not groups or len(set(groups)) != len(groups):
        raise ValueError(
            f"features={features!r}: give distinct groups among {list(GROUPS)}, "
            "e.g. features=('loaded', 'sources')."
        )
    resolved = resolve_lexicon(lexicon)
    kinds = resolved.kinds
    names = resolve_targets(targets).targets if "stance" in groups and targets else ()
    return _Extractor(
        groups=groups,
        lexicon=resolved,
        targets_arg=targets,
        targets=tuple(names),
        loaded=tuple(c for c, kind in kinds.items() if kind == "loaded"),
        markers=tuple(c for c, kind in kinds.items() if kind == "marker"),
    )


def _rows(extractor: _Extractor, texts: Sequence[str]) -> np.ndarray:
    width = len(extractor.names())
    return np.asarray([extractor.row(t) for t in texts], dtype=np.float64).reshape(-1, width)


def _matches(document: Document, lexicon: Lexicon) -> list[tuple[str, bool]]:
    """(category, in_quote) of each counted loaded-term row, as ``analyze`` finds them."""
    mentions = resolve_targets(None).find(document)
    names = zip(mentions["start"].tolist(), mentions["end"].tolist(), strict=True)
    return _counted(find_loaded_terms(document, lexicon, article_id="", names=names))


def _counted(terms: pd.DataFrame) -> list[tuple[str, bool]]:
    """(category, in_quote) of the rows the rates count: literal uses left out."""
    counted = terms[~terms["literal"]]
    return list(zip(counted["category"].tolist(), counted["in_quote"].tolist(), strict=True))


def _source_features(sources: pd.DataFrame, n_words: int) -> list[float]:
    """The ``sources`` group: figures of :func:`framing.sources.source_summary` and the
    mix of speaker types."""
    summary = source_summary(sources, n_words)
    n_speech = summary["n_quotes"] + summary["n_indirect"] + summary["n_according_to"]
    type_counts = Counter(distinct_speakers(sources).values())
    return [
        summary["quoted_share"],
        _per_1k(n_speech, n_words),
        _per_1k(summary["n_scare_quotes"], n_words),
        *(_share(type_counts, t) for t in SPEAKER_TYPES),
        *(summary[f"cue_{c}"] for c in CUE_CLASSES),
    ]


def _share(counts: Counter, key: str) -> float:
    total = sum(counts.values())
    return counts[key] / total if total else 0.0


def _tone(text: str) -> list[float]:
    scores = SpanSentiment(text).scores(0, len(text))
    return [scores.compound, 1.0 - scores.neu if text.strip() else 0.0]


def _score(stance: pd.Series | None, target: str) -> float:
    score = stance.get(target, math.nan) if stance is not None else math.nan
    return 0.0 if pd.isna(score) else float(score)


def _per_1k(count: int, n_words: int) -> float:
    return 1000.0 * count / n_words if n_words else 0.0


def _n_chunks(n_jobs: int | None, n_texts: int) -> int:
    if n_jobs in (None, 1):
        return 1
    from joblib import effective_n_jobs

    return max(1, min(n_texts, effective_n_jobs(n_jobs) * _CHUNKS_PER_JOB))


def _chunks(texts: Sequence[str], n: int) -> Iterable[Sequence[str]]:
    size = math.ceil(len(texts) / n) if texts else 0
    return [texts[i : i + size] for i in range(0, len(texts), size)] if size else []
