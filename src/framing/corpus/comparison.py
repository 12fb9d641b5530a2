"""Compare groups of articles (outlets, events, authors...) in a corpus analysis.

:func:`compare` returns a :class:`Comparison` of four tidy tables:

- ``rates``: loaded terms per 1,000 words per group and category, with bootstrap
  confidence intervals (articles resampled within each group);
- ``log_odds``: the terms that distinguish each group from the rest of the corpus, by the
  log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008),
  with z-scores;
- ``stance``: the mean stance score per group and target, with its interval;
- ``sources``: the mix of source kinds, speaker types and cue classes per group.

Intervals come from a fixed seed, and each group's (or group and target's) resampling
depends only on the seed and its own name, so results do not change when other groups
are added or removed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

import framing
from framing.schema import (
    COMPARISON_SOURCES_COLUMNS,
    COMPARISON_STANCE_COLUMNS,
    LOG_ODDS_COLUMNS,
    RATES_COLUMNS,
    TOTAL,
)

if TYPE_CHECKING:
    from framing.corpus.run import CorpusAnalysis

__all__ = ["NO_STANCE", "Comparison", "compare"]

logger = logging.getLogger("framing")

#: Why a corpus's (or a comparison's) stance table is empty, and what to do.
NO_STANCE = (
    "stance is empty: no article of the corpus mentions a target (pass targets= to "
    "framing.analyze_corpus: names, a {target: [aliases]} mapping or a gazetteer CSV)"
)
#: The source-table columns whose mix :func:`compare` reports.
SOURCE_DIMENSIONS = ("kind", "speaker_type", "cue_class")
# Bootstrap weights are drawn in blocks of at most this many cells, to bound memory.
_BLOCK_CELLS = 2_000_000


@dataclass(frozen=True, eq=False)
class Comparison:
    """Groups of a corpus compared; see :func:`compare`.

    Attributes
    ----------
    by : str
        The ``articles`` column the groups come from.
    rates : pandas.DataFrame
        ``group, category, n_articles, n_words, count, per_1k, ci_low, ci_high``: loaded
        terms per 1,000 words; ``category`` :data:`TOTAL` counts the loaded language (not
        the epistemic markers), as ``loaded_per_1k`` does; literal uses are left out.
    log_odds : pandas.DataFrame
        ``group, term, category, count, count_rest, per_1k, per_1k_rest, log_odds, se, z``:
        each term used in the corpus, per group, against the rest of the corpus; most
        distinctive of the group first (highest ``z``).
    stance : pandas.DataFrame
        ``group, target, n_articles, mentions, score, ci_low, ci_high``: the mean of the
        articles' stance scores toward each target they mention.
    sources : pandas.DataFrame
        ``group, dimension, value, count, share``: for ``dimension`` in ``kind``,
        ``speaker_type`` and ``cue_class``, how the group's source rows divide (``share``
        sums to 1 within a group and dimension).
    meta : dict
        The options, seed and framing version.
    """

    by: str
    rates: pd.DataFrame
    log_odds: pd.DataFrame
    stance: pd.DataFrame
    sources: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def groups(self) -> list[str]:
        """The groups compared, in order."""
        return list(dict.fromkeys(self.rates["group"]))

    def distinguishing_terms(self, group: str, n: int = 10) -> pd.DataFrame:
        """The ``n`` terms most typical of ``group`` (highest z-score, positive only)."""
        rows = self.log_odds[(self.log_odds["group"] == group) & (self.log_odds["z"] > 0)]
        return rows.head(n).reset_index(drop=True)

    @property
    def notes(self) -> list[str]:
        """What a reader of the tables should know: an empty stance table and why."""
        return [NO_STANCE] if self.stance.empty else []

    def __repr__(self) -> str:
        notes = "".join(f"; {note}" for note in self.notes)
        groups = ", ".join(self.groups)
        return f"<Comparison by {self.by!r} of {len(self.groups)} groups: {groups}{notes}>"

    def _repr_html_(self) -> str:
        from framing.display import comparison_html

        return comparison_html(self)


def compare(
    corpus: CorpusAnalysis,
    by: str = "outlet",
    *,
    confidence: float = 0.95,
    n_boot: int = 1000,
    seed: int = 0,
    prior_scale: float = 1.0,
    include_quotes: bool = True,
) -> Comparison:
    """Compare the groups of a corpus: loaded-term rates, distinctive terms, stance, sources.

    Parameters
    ----------
    corpus : CorpusAnalysis
        From :func:`framing.analyze_corpus` (or any object with its tables).
    by : str, default "outlet"
        A column of ``corpus.articles`` (``outlet``, ``author``, or a metadata column such
        as ``event``). Articles where it is missing are left out, with a logged warning.
    confidence : float, default 0.95
        Coverage of the bootstrap percentile intervals.
    n_boot : int, default 1000
        Bootstrap resamples. Articles are resampled within each group, so the intervals
        allow for terms clustering in articles. A group of one article gets no interval.
    seed : int, default 0
        Seed of the resampling: the same seed gives the same intervals.
    prior_scale : float, default 1.0
        Strength of the informative Dirichlet prior of the log-odds: the prior
        pseudo-count of a term is ``prior_scale`` times its count in the whole corpus
        (1.0 uses the pooled corpus as the prior, as when no separate background corpus
        is at hand). Larger values shrink rare terms' log-odds more.
    include_quotes : bool, default True
        Count loaded terms inside quotations (the sources' words). False keeps only the
        author's voice.

    Returns
    -------
    Comparison

    Notes
    -----
    For a term :math:`w`, a group :math:`i` and the rest of the corpus :math:`j`, with
    counts :math:`y_w^i`, word totals :math:`n^i` (every word of the group's articles,
    so that a term is judged against how much the group wrote), prior pseudo-counts
    :math:`\\alpha_w = s\\,y_w` and :math:`\\alpha_0 = s\\,n` from the whole corpus
    (Monroe, Colaresi & Quinn 2008):

    .. math::

        \\hat\\delta_w = \\log\\frac{y_w^i + \\alpha_w}{n^i + \\alpha_0 - y_w^i - \\alpha_w}
        - \\log\\frac{y_w^j + \\alpha_w}{n^j + \\alpha_0 - y_w^j - \\alpha_w},\\quad
        \\sigma^2 \\approx \\frac{1}{y_w^i + \\alpha_w} + \\frac{1}{y_w^j + \\alpha_w},\\quad
        z = \\hat\\delta_w / \\sigma.

    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis, 16(4), 372-403.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}.")
    if not isinstance(n_boot, int) or n_boot < 1:
        raise ValueError(f"n_boot must be a positive integer, not {n_boot!r}.")
    if not prior_scale > 0:
        raise ValueError(f"prior_scale must be positive, not {prior_scale!r}.")
    groups = _groups(corpus, by)
    words = corpus.articles.set_index("article_id")["n_words"].astype(float)
    words = words[~words.index.duplicated()].reindex(groups.index)
    terms = corpus.loaded_terms
    terms = terms[~terms["literal"].astype(bool)]  # literal uses are left out of every rate
    if not include_quotes:
        terms = terms[~terms["in_quote"].astype(bool)]
    terms = terms[terms["article_id"].isin(groups.index)]
    options = _Options(confidence, n_boot, seed)
    categories = list((corpus.meta or {}).get("categories") or sorted(set(terms["category"])))
    stance = _stance(corpus.stance, groups, options)
    if stance.empty:
        # "hint" lets a caller that already told the user how to pass targets (the CLI)
        # leave this one out.
        logger.warning(NO_STANCE, extra={"hint": "targets"})
    return Comparison(
        by=by,
        rates=_rates(terms, groups, words, categories, options),
        log_odds=_log_odds(terms, groups, words, prior_scale),
        stance=stance,
        sources=_sources(corpus.sources, groups),
        meta={
            "by": by,
            "confidence": confidence,
            "n_boot": n_boot,
            "seed": seed,
            "prior_scale": prior_scale,
            "include_quotes": include_quotes,
            "framing_version": framing.__version__,
            "lexicon": (corpus.meta or {}).get("lexicon"),
        },
    )


@dataclass(frozen=True)
class _Options:
    confidence: float
    n_boot: int
    seed: int

    def rng(self, *keys: str) -> np.random.Generator:
        """A generator that depends only on the seed and ``keys``."""
        words = [
            int.from_bytes(hashlib.sha256(k.encode("utf-8")).digest()[:4], "big") for k in keys
        ]
        return np.random.default_rng(np.random.SeedSequence([self.seed, *words]))

    def interval(self, draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Percentile interval of bootstrap ``draws`` (one row per resample)."""
        tail = (1 - self.confidence) / 2
        low, high = np.nanquantile(draws, [tail, 1 - tail], axis=0)
        return low, high


def _groups(corpus: CorpusAnalysis, by: str) -> pd.Series:
    """``article_id`` -> group label (text), for the articles that have one."""
    articles = corpus.articles
    if by not in articles.columns:
        raise ValueError(
            f"the articles table has no column {by!r}; group by one of: "
            f"{', '.join(groupable_columns(corpus))} (metadata; the other columns of "
            "corpus.articles are figures)."
        )
    labels = articles.drop_duplicates("article_id").set_index("article_id")[by]
    missing = labels.isna() | (labels.astype(str).str.strip() == "")
    if missing.all():
        raise ValueError(
            f"no article has a value in {by!r}: fill it in (e.g. columns={{'source': "
            f"'{by}'}} when reading), or compare by another column."
        )
    if missing.any():
        logger.warning("%d articles without a %r are left out of the comparison", missing.sum(), by)
    return labels[~missing].astype(str)


def groupable_columns(corpus: CorpusAnalysis) -> list[str]:
    """The columns of ``corpus.articles`` worth grouping by: outlet, author and date, and
    the metadata columns of the input (``event``), not the summary figures."""
    from framing.corpus.batch import default_dtypes  # only for a corpus built by hand

    columns = [str(c) for c in corpus.articles.columns]
    recorded = ((corpus.meta or {}).get("tables") or {}).get("articles")
    known = [c for c, _ in recorded] if recorded else list(default_dtypes()["articles"])
    extras = [c for c in columns if c not in known]
    return [c for c in ("outlet", "author", "published") if c in columns] + extras


def _resampled_sums(values: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Column sums of ``values`` (articles x columns) over ``n_boot`` bootstrap resamples."""
    n = len(values)
    block = max(1, _BLOCK_CELLS // max(n, 1))
    sums = []
    for start in range(0, n_boot, block):
        size = min(block, n_boot - start)
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=size)
        sums.append(weights @ values)
    return np.vstack(sums)


def _rates(
    terms: pd.DataFrame,
    groups: pd.Series,
    words: pd.Series,
    categories: list[str],
    options: _Options,
) -> pd.DataFrame:
    counts = pd.crosstab(terms["article_id"], terms["category"])
    counts = counts.reindex(index=groups.index, columns=categories, fill_value=0)
    # The total is loaded language, as ``loaded_per_1k``: epistemic markers keep their
    # own categories' rows but are not part of it.
    loaded = terms.loc[terms["kind"] == "loaded", "article_id"].value_counts()
    counts.insert(0, TOTAL, loaded.reindex(groups.index, fill_value=0).to_numpy())
    rows = []
    for group in sorted(set(groups)):
        members = groups.index[groups == group]
        table = counts.loc[members].to_numpy(dtype=float)
        lengths = words.loc[members].to_numpy(dtype=float)
        total_words = lengths.sum()
        point = _per_1k(table.sum(axis=0), total_words)
        if len(members) > 1:
            draws = _resampled_sums(
                np.column_stack([table, lengths]), options.n_boot, options.rng("rates", group)
            )
            low, high = options.interval(_per_1k(draws[:, :-1], draws[:, -1:]))
        else:
            low = high = np.full(len(point), np.nan)
        for index, category in enumerate(counts.columns):
            rows.append(
                {
                    "group": group,
                    "category": category,
                    "n_articles": len(members),
                    "n_words": int(total_words),
                    "count": int(table[:, index].sum()),
                    "per_1k": point[index],
                    "ci_low": low[index],
                    "ci_high": high[index],
                }
            )
    return _frame(rows, RATES_COLUMNS)


def _per_1k(counts: np.ndarray, words: np.ndarray | float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.asarray(words) > 0, 1000.0 * counts / words, 0.0)


def _log_odds(
    terms: pd.DataFrame, groups: pd.Series, words: pd.Series, prior_scale: float
) -> pd.DataFrame:
    labelled = terms.assign(group=terms["article_id"].map(groups))
    counts = pd.crosstab(labelled["term"], labelled["group"])
    group_words = words.groupby(groups).sum()
    if counts.empty or len(group_words) < 2:
        if len(group_words) < 2:
            logger.info("one group only: no log-odds against the rest of the corpus")
        return _frame([], LOG_ODDS_COLUMNS)
    counts = counts.reindex(columns=group_words.index, fill_value=0).astype(float)
    category = labelled.drop_duplicates("term").set_index("term")["category"]
    total = counts.sum(axis=1).to_numpy()
    n_total = float(group_words.sum())
    alpha, alpha0 = prior_scale * total, prior_scale * n_total
    frames = []
    for group in group_words.index:
        y_i = counts[group].to_numpy()
        y_j = total - y_i
        n_i = float(group_words[group])
        n_j = n_total - n_i
        delta = np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + alpha0 - y_j - alpha)
        )
        se = np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
        frames.append(
            pd.DataFrame(
                {
                    "group": group,
                    "term": counts.index,
                    "category": category.reindex(counts.index).to_numpy(),
                    "count": y_i.astype(int),
                    "count_rest": y_j.astype(int),
                    "per_1k": _per_1k(y_i, n_i),
                    "per_1k_rest": _per_1k(y_j, n_j),
                    "log_odds": delta,
                    "se": se,
                    "z": delta / se,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table = table.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable")
    return _frame(table.to_dict("records"), LOG_ODDS_COLUMNS)


def _stance(stance: pd.DataFrame, groups: pd.Series, options: _Options) -> pd.DataFrame:
    table = stance[stance["article_id"].isin(groups.index)]
    if "mentions" in table:
        table = table[table["mentions"] > 0]
    table = table[table["score"].notna()].assign(group=lambda t: t["article_id"].map(groups))
    rows = []
    for (group, target), scores in table.groupby(["group", "target"], sort=True):
        values = scores["score"].to_numpy(dtype=float)
        n = len(values)
        if n > 1:
            sums = _resampled_sums(
                values[:, None], options.n_boot, options.rng("stance", group, target)
            )
            low, high = options.interval(sums[:, 0] / n)
        else:
            low = high = np.nan
        mentions = int(scores["mentions"].sum()) if "mentions" in scores else n
        rows.append(
            {
                "group": group,
                "target": target,
                "n_articles": n,
                "mentions": mentions,
                "score": float(values.mean()),
                "ci_low": float(low),
                "ci_high": float(high),
            }
        )
    return _frame(rows, COMPARISON_STANCE_COLUMNS)


def _sources(sources: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    table = sources[sources["article_id"].isin(groups.index)]
    table = table.assign(group=table["article_id"].map(groups))
    frames = []
    for dimension in SOURCE_DIMENSIONS:
        if dimension not in table:
            continue
        values = table[dimension]
        kept = table[values.notna() & (values.astype(str) != "")]
        counts = kept.groupby(["group", dimension]).size().rename("count").reset_index()
        counts = counts.rename(columns={dimension: "value"}).assign(dimension=dimension)
        counts["share"] = counts["count"] / counts.groupby("group")["count"].transform("sum")
        frames.append(counts)
    if not frames:
        return _frame([], COMPARISON_SOURCES_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    order = {d: i for i, d in enumerate(SOURCE_DIMENSIONS)}
    table = table.assign(_dim=table["dimension"].map(order)).sort_values(
        ["group", "_dim", "count", "value"], ascending=[True, True, False, True], kind="stable"
    )
    return _frame(table.to_dict("records"), COMPARISON_SOURCES_COLUMNS)


def _frame(rows: list[Mapping[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly ``columns``, integers as int64, text as object."""
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for name in columns:
        if name in ("group", "category", "term", "target", "dimension", "value"):
            frame[name] = frame[name].astype(object)
        elif name.startswith("n_") or name in ("count", "count_rest", "mentions"):
            frame[name] = frame[name].astype("int64")
        else:
            frame[name] = frame[name].astype("float64")
    return frame.reset_index(drop=True)
