"""The notebook views of CorpusAnalysis and Comparison: table sizes, a preview, notes."""

from __future__ import annotations

import re
from html import unescape

from framing import Article
from framing.corpus import NO_STANCE, CorpusAnalysis, analyze_corpus, compare

HOSTILE = "<script>alert(1)</script> & co"


def articles() -> list[Article]:
    return [
        Article(
            text=f"Story {i}. The regime slammed its critics in Russia, an official said.",
            outlet=HOSTILE if i % 2 else "Beta",
            title=f"{HOSTILE} {i}",
        )
        for i in range(3)
    ]


def sizes(html: str) -> dict[str, tuple[int, int]]:
    rows = re.findall(r'<td><code>\.(\w+)</code></td><td class="num">([\d,]+)</td>'
                      r'<td class="num">(\d+)</td>', html)  # fmt: skip
    return {name: (int(n.replace(",", "")), int(c)) for name, n, c in rows}


def test_a_corpus_shows_its_tables_and_its_first_articles_escaped():
    corpus = analyze_corpus(articles(), n_jobs=1, progress=False)
    html = corpus._repr_html_()
    assert "CorpusAnalysis (in memory): 3 articles" in html
    assert sizes(html) == {
        name: getattr(corpus, name).shape
        for name in ("articles", "loaded_terms", "sources", "stance", "stance_evidence", "errors")
    }
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co 0" in html
    assert "articles: the first 3 of 3 rows" in html and "loaded_per_1k" in html
    assert unescape(NO_STANCE[1:]) not in unescape(html)  # Russia is a target: no note


def test_a_corpus_without_targets_says_why_its_stance_is_empty():
    plain = [Article(text=f"Story {i}. The regime slammed its critics.") for i in range(2)]
    html = analyze_corpus(plain, n_jobs=1, progress=False)._repr_html_()
    assert sizes(html)["stance"][0] == 0
    assert unescape(NO_STANCE[1:]) in unescape(html)


def test_a_corpus_read_from_a_folder_is_counted_from_its_files(tmp_path):
    analyze_corpus(articles(), n_jobs=1, progress=False, out=tmp_path / "run")
    corpus = CorpusAnalysis.read(tmp_path / "run")
    counted = sizes(corpus._repr_html_())
    assert f"read from {tmp_path / 'run'}" in corpus._repr_html_()
    for name, (n_rows, n_columns) in counted.items():
        assert (n_rows, n_columns) == getattr(corpus, name).shape, name


def test_a_comparison_shows_its_tables_the_groups_rates_and_its_notes():
    corpus = analyze_corpus(articles(), n_jobs=1, progress=False)
    comparison = compare(corpus)
    html = comparison._repr_html_()
    assert "Comparison by outlet of 2 groups: &lt;script&gt;" in html and "<script>" not in html
    assert sizes(html) == {
        name: getattr(comparison, name).shape for name in ("rates", "log_odds", "stance", "sources")
    }
    assert "rates (all loaded terms, per 1,000 words): the first 2 of 2 rows" in html
    assert "ci_low" in html and "(all)" not in html
    plain = [Article(text="The regime slammed its critics.", outlet=o) for o in "AB"]
    empty = compare(analyze_corpus(plain, n_jobs=1, progress=False))._repr_html_()
    assert "Stance is empty: no article of the corpus mentions a target" in empty
