"""``analyze()`` and its result, :class:`Analysis`."""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

import pandas as pd

import framing
from framing.article import Article
from framing.errors import LexiconError
from framing.io import HTML_SUFFIXES, TEXT_SUFFIXES, read_article
from framing.lexicon import Lexicon
from framing.loaded import (
    category_frequencies,
    category_rows,
    find_loaded_terms,
    loaded_figures,
    term_frequencies,
)
from framing.schema import SUMMARY_KINDS
from framing.sources import find_sources, source_summary
from framing.stance import StanceOptions, stance_signals
from framing.targets import Gazetteer, resolve_targets
from framing.text import Document, segment

__all__ = ["Analysis", "analyze", "resolve_lexicon", "with_speakers"]

LexiconLike = Lexicon | str | Path | Mapping[str, Any] | None


@dataclass(frozen=True, eq=False)
class Analysis:
    """What :func:`analyze` found in one article. Frozen: nothing in it changes afterwards.

    Attributes
    ----------
    article : Article
        The article analysed; every offset in every table indexes into ``article.text``.
    document : framing.text.Document
        Its paragraphs, sentences, tokens and quotes.
    lexicon : Lexicon
        The lexicon the loaded terms come from.
    loaded_terms : pandas.DataFrame
        One row per loaded-term match (see ``framing.schema.LOADED_TERMS``).
    sources : pandas.DataFrame
        One row per quote, attribution or source mention (see ``framing.schema.SOURCES``).
    stance : pandas.DataFrame
        One row per target (see ``framing.schema.STANCE``).
    stance_evidence : pandas.DataFrame
        The spans behind every stance signal: target, signal, sentence, offsets, value.
    target_mentions : pandas.DataFrame
        Where each target is mentioned (see ``framing.targets.Gazetteer.find``).
    meta : dict
        framing's version, the lexicons' names, versions and hashes, and the parameters.
    """

    article: Article
    document: Document
    lexicon: Lexicon
    loaded_terms: pd.DataFrame
    sources: pd.DataFrame
    stance: pd.DataFrame
    stance_evidence: pd.DataFrame
    target_mentions: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def n_words(self) -> int:
        return int(self.meta["n_words"])

    def category_frequencies(self) -> pd.DataFrame:
        """Loaded terms per category: kind, count, rate per 1,000 words, author's voice vs
        quotes, literal uses left out."""
        return category_frequencies(
            self.loaded_terms, self.n_words, self.lexicon.categories, self.lexicon.kinds
        )

    def _category_rows(self) -> list[dict[str, Any]]:
        return category_rows(
            self.loaded_terms, self.n_words, self.lexicon.categories, self.lexicon.kinds
        )

    def term_frequencies(self) -> pd.DataFrame:
        """Loaded terms per term: count, rate per 1,000 words and the surface forms found."""
        return term_frequencies(self.loaded_terms, self.n_words)

    def summary(self, kind: str | None = None) -> pd.Series:
        """The headline figures of the article as a pandas Series, rounded to read.

        ``loaded_per_1k`` counts loaded language per 1,000 words (rows of ``kind``
        ``loaded``, literal uses left out) and ``loaded_per_1k_<category>`` does so per
        category; ``markers_per_1k`` and ``markers_per_1k_<category>`` count the
        epistemic markers (hedges, boosters, factives) apart; ``n_literal`` counts the
        literal uses left out (see :func:`framing.loaded.loaded_figures`). The source figures
        (``n_quotes``, ``quoted_share``, ``n_sources``, ``anonymous_share``, cue-class
        shares, ...) are those of :func:`framing.sources.source_summary`; ``n_targets``
        counts the targets mentioned. Rates are rounded to two decimals and shares to
        three (every figure can be recomputed exactly from the tables).

        Parameters
        ----------
        kind : {"text", "loaded", "markers", "sources", "stance"}, optional
            Only the figures of one group (see ``framing.schema.SUMMARY_KINDS``); all of
            them by default, in that order.

        Examples
        --------
        >>> res.summary("loaded")  # doctest: +SKIP
        n_loaded                 27
        loaded_per_1k         44.41
        ...
        """
        if kind is not None and kind not in SUMMARY_KINDS:
            raise ValueError(f"kind must be one of {', '.join(SUMMARY_KINDS)}, not {kind!r}.")
        figures: dict[str, Any] = {
            "n_words": self.n_words,
            "n_sentences": len(self.document.sentences),
            "n_paragraphs": len(self.document.paragraphs),
            **loaded_figures(self._category_rows(), self.n_words),
        }
        figures.update(source_summary(self.sources, self.n_words))
        figures["n_targets"] = sum(n > 0 for n in self.stance["mentions"].tolist())
        order = sorted(figures, key=lambda name: SUMMARY_KINDS.index(_summary_kind(name)))
        figures = {name: _rounded(name, figures[name]) for name in order}
        if kind is not None:
            figures = {name: v for name, v in figures.items() if _summary_kind(name) == kind}
        return pd.Series(figures, name=self.article.id, dtype=object)

    def _repr_html_(self) -> str:
        from framing.display import analysis_html

        return analysis_html(self)

    def __repr__(self) -> str:
        title = self.article.title or self.article.id
        return (
            f"<Analysis of {title!r}: {self.n_words} words, "
            f"{self.summary()['n_loaded']} loaded terms>"
        )


def analyze(
    article: Article | str,
    targets: Any = None,
    lexicon: LexiconLike = None,
    *,
    stance_options: StanceOptions | Mapping[str, Any] | None = None,
) -> Analysis:
    """Analyse how one article frames its subject.

    Parameters
    ----------
    article : Article, str or path
        The article: an :class:`Article`, its text, or the path of an article file
        (a ``Path``, or a one-line string ending in ``.txt``, ``.md``, ``.html`` or
        ``.htm``), read with :func:`framing.read_article`.
    targets : None, list of str, dict, path or Gazetteer, optional
        The countries, people and organisations to measure stance toward. ``None`` uses
        the packaged gazetteer (every country, main organisations and leaders) and reports
        the targets the article mentions; a list of names (``["Russia", "Lavrov"]``) or a
        dict ``{canonical: [alias, ...]}`` reports exactly those, mentioned or not.
    lexicon : Lexicon, str, path or dict, optional
        The loaded-term lexicon: ``None`` for the packaged ``loaded`` lexicon, a
        :class:`Lexicon`, the name of a packaged lexicon, a path to a CSV or YAML
        lexicon, or ``{category: [term, ...]}``.
    stance_options : framing.stance.StanceOptions or dict, optional
        Weights of the stance signals and related parameters; a dict gives some of
        StanceOptions' fields (``{"quote_weight": 0}``), the others keep their defaults.

    Returns
    -------
    Analysis

    Examples
    --------
    >>> res = analyze("Critics slammed the so-called reform.")
    >>> res.loaded_terms[["text", "category"]]  # doctest: +SKIP
    """
    if isinstance(article, os.PathLike) or _names_a_file(article):
        article = read_article(article)  # a clear ReadError if it does not exist
    elif isinstance(article, str):
        article = Article(text=article)
    elif not isinstance(article, Article):
        raise TypeError(
            f"analyze() takes an Article, a text or the path of an article file, not "
            f"{type(article).__name__}; use framing.read_articles() for several."
        )
    lexicon = resolve_lexicon(lexicon)
    stance_options = StanceOptions.coerce(stance_options)
    gazetteer = resolve_targets(targets)
    document = segment(article.text)
    sources = find_sources(document, article_id=article.id, affiliation=gazetteer)
    mentions = gazetteer.find(document)
    names = zip(mentions["start"].tolist(), mentions["end"].tolist(), strict=True)
    loaded_terms = with_speakers(
        find_loaded_terms(document, lexicon, article_id=article.id, names=names), sources
    )
    stance, evidence = stance_signals(
        document,
        mentions,
        loaded_terms,
        sources,
        article_id=article.id,
        targets=() if targets is None else gazetteer.targets,
        options=stance_options,
    )
    meta = {
        "framing_version": framing.__version__,
        "article_id": article.id,
        "n_words": document.n_words,
        "lexicons": [lexicon.describe(), gazetteer.describe()],
        "parameters": {
            "targets": _describe_targets(targets),
            "lexicon": lexicon.name,
            "stance": {**vars(stance_options), "weights": dict(stance_options.weights)},
        },
    }
    return Analysis(
        article=article,
        document=document,
        lexicon=lexicon,
        loaded_terms=loaded_terms,
        sources=sources,
        stance=stance,
        stance_evidence=evidence,
        target_mentions=mentions,
        meta=meta,
    )


def with_speakers(loaded_terms: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """``loaded_terms`` with ``speaker`` filled for matches inside a speaker's direct quote."""
    if not loaded_terms["in_quote"].any():
        return loaded_terms
    # Read as lists: masking a DataFrame costs more than this whole function.
    quotes = [
        (start, end, who)
        for kind, start, end, who in zip(
            *(sources[c].tolist() for c in ("kind", "content_start", "content_end", "speaker")),
            strict=True,
        )
        if kind == "direct_quote" and who != ""
    ]
    if not quotes:
        return loaded_terms
    # Quotes by start, with the furthest end so far: each term looks back only over the
    # quotes that can still contain it (one or two), not over every quote of the article.
    spans = sorted((int(s), int(e), order, who) for order, (s, e, who) in enumerate(quotes))
    starts = [span[0] for span in spans]
    reach = list(accumulate((span[1] for span in spans), max))
    speakers = [
        _quote_speaker(spans, starts, reach, int(start), int(end)) if quoted else None
        for start, end, quoted in zip(
            loaded_terms["start"], loaded_terms["end"], loaded_terms["in_quote"], strict=True
        )
    ]
    return loaded_terms.assign(speaker=pd.Series(speakers, index=loaded_terms.index, dtype=object))


def _names_a_file(article: object) -> bool:
    """A one-line string ending in an article file's suffix is a path, not a text."""
    return (
        isinstance(article, str)
        and "\n" not in article
        and len(article) < 1024
        and Path(article.strip()).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    )


def _summary_kind(figure: str) -> str:
    """The group of a summary figure: ``text``, ``loaded``, ``markers``, ``sources`` or
    ``stance``."""
    if figure in ("n_words", "n_sentences", "n_paragraphs"):
        return "text"
    if figure in ("n_loaded", "n_loaded_author", "n_literal") or figure.startswith("loaded_"):
        return "loaded"
    if figure == "n_markers" or figure.startswith("markers_"):
        return "markers"
    return "stance" if figure == "n_targets" else "sources"


def _rounded(figure: str, value: Any) -> Any:
    if not isinstance(value, float):
        return value
    return round(value, 2 if "per_1k" in figure else 3)


def _quote_speaker(
    spans: list[tuple[int, int, int, str]],
    starts: list[int],
    reach: list[int],
    start: int,
    end: int,
) -> str | None:
    """The speaker of the first quote (in table order) whose content holds ``[start, end)``."""
    found = None
    index = bisect_right(starts, start) - 1
    while index >= 0 and reach[index] >= end:
        _, e, order, who = spans[index]
        if end <= e and (found is None or order < found[0]):
            found = (order, who)
        index -= 1
    return None if found is None else found[1]


def _describe_targets(targets: Any) -> Any:
    if targets is None or isinstance(targets, (str, Path)):
        return None if targets is None else str(targets)
    if isinstance(targets, Gazetteer):
        return targets.describe()
    return targets


def resolve_lexicon(lexicon: LexiconLike) -> Lexicon:
    """Turn what a user passed as ``lexicon=`` into a :class:`Lexicon`."""
    if lexicon is None:
        return Lexicon.load("loaded")
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, Mapping):
        return Lexicon.from_dict(lexicon)
    path = Path(lexicon)
    if path.is_dir():
        raise LexiconError(
            f"{path} is a folder, not a lexicon: pass a lexicon file (.csv or .yaml) or the "
            "name of a packaged lexicon (framing lexicon lists them)."
        )
    if path.suffix.lower() == ".csv":
        return Lexicon.from_csv(path)
    if path.suffix.lower() in {".yaml", ".yml"}:
        return Lexicon.from_yaml(path)
    return Lexicon.load(str(lexicon))
