"""The corpus report: self-contained and reproducible, its layout, what each section shows
and says, the progress bar and the log."""

from __future__ import annotations

import logging
import re
from html import unescape

import pandas as pd
import pytest

import framing.report.corpus as corpus_report
from framing import Article
from framing.corpus import analyze_corpus, compare
from framing.report import write_corpus_report

LOUD = (
    "Story {i}. The regime slammed its critics. The regime lied again, and the regime jailed them."
)
QUIET = "Story {i}. The council met on Tuesday and approved the budget. Critics said it was a sham."


def small_articles(n: int) -> list[Article]:
    """``n`` short dated articles of two outlets, each with loaded terms and a quote."""
    texts = (LOUD, QUIET)
    return [
        Article(text=texts[i % 2].format(i=i) + ' "A sham," an official said.',
                outlet=("Beta", "Alpha")[i % 2], title=f"Story {i}", published="2024-03-13")
        for i in range(n)
    ]  # fmt: skip


def two_voices() -> list[Article]:
    """Alpha says "regime" 12 times, Beta never: the one term that passes |z| > 1.96."""
    return [
        Article(text=LOUD.format(i=i), outlet="Alpha", title=f"Loud {i}", id=f"loud-{i}")
        for i in range(4)
    ] + [
        Article(text=QUIET.format(i=i), outlet="Beta", title=f"Quiet {i}", id=f"quiet-{i}")
        for i in range(4)
    ]


def section(html: str, name: str) -> str:
    return re.search(rf'<section id="{name}">(.*?)</section>', html, re.DOTALL).group(1)


@pytest.fixture(scope="module")
def voices(tmp_path_factory):
    articles = two_voices()
    corpus = analyze_corpus(articles, n_jobs=1, progress=False)
    index = write_corpus_report(
        corpus, tmp_path_factory.mktemp("voices") / "r", source=articles, progress=False
    )
    return corpus, index, index.read_text(encoding="utf-8")


def test_corpus_report_is_self_contained_linked_and_reproducible(tmp_path):
    frame = pd.DataFrame(
        [{"text": a.text, "outlet": a.outlet, "title": a.title} for a in small_articles(3)]
    )
    frame.loc[0, "title"] = "<script>alert(1)</script> & co"
    corpus = analyze_corpus(frame, n_jobs=1, progress=False)
    index = write_corpus_report(corpus, tmp_path / "one", source=frame, progress=False)
    html = index.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    for external in ('src="http', 'href="http', "url(http", "@import"):
        assert external not in html
    links = re.findall(r'<a href="(article/[^"]+)"', section(html, "articles"))
    assert len(links) == 3
    for link in links:
        assert (index.parent / link).is_file()
    figures = {p.name for p in (index.parent / "figures").iterdir()}
    assert {"rates.svg", "rates_by_category.svg"} <= figures
    again = write_corpus_report(corpus, tmp_path / "two", source=frame, progress=False)
    for path in sorted(index.parent.rglob("*")):
        twin = again.parent / path.relative_to(index.parent)
        assert path.is_dir() or path.read_bytes() == twin.read_bytes(), path


def test_article_reports_are_in_article_slug(voices):
    corpus, index, html = voices
    folders = sorted(p.name for p in (index.parent / "article").iterdir())
    assert folders == sorted(corpus.articles["article_id"])
    assert sorted(p.name for p in index.parent.iterdir()) == [
        "article", "figures", "index.html", "tables",
    ]  # fmt: skip
    for folder in folders:
        assert f'<a href="article/{folder}/index.html">' in html


def test_corpus_report_keeps_foreign_folders_and_the_old_report_on_failure(tmp_path, monkeypatch):
    corpus = analyze_corpus(small_articles(2), n_jobs=1, progress=False)
    index = corpus_report.write_corpus_report(corpus, tmp_path / "r")
    before = index.read_bytes()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        corpus_report.write_corpus_report(corpus, tmp_path / "mine")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(corpus_report.plots, "rates_by_group", broken)
    with pytest.raises(RuntimeError):
        corpus_report.write_corpus_report(corpus, tmp_path / "r")
    assert index.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "r"]


def test_a_report_in_the_earlier_layout_is_replaced(tmp_path):
    articles = small_articles(2)
    corpus = analyze_corpus(articles, n_jobs=1, progress=False)
    index = write_corpus_report(corpus, tmp_path / "r", source=articles, progress=False)
    (index.parent / "article").rename(index.parent / "articles")  # as earlier versions wrote
    write_corpus_report(corpus, tmp_path / "r", source=articles, progress=False)
    assert not (index.parent / "articles").exists() and (index.parent / "article").is_dir()


def test_only_terms_that_pass_the_line_are_listed_and_drawn(voices):
    _, index, html = voices
    terms = section(html, "terms")
    alpha, beta = terms.split("<h3>Alpha</h3>")[1].split("<h3>Beta</h3>")
    assert re.findall(r"<tr><td>([^<]+)</td>", alpha) == ["regime"]  # z 2.4; "lied" 1.1 is not
    assert "No term is typical of Beta" in beta and "1\nterm is typical" in beta
    assert "<tr><td>" not in beta
    figures = {p.name for p in (index.parent / "figures").iterdir()}
    assert {"log_odds-alpha.svg", "log_odds-beta.svg"} <= figures


def test_no_term_passing_the_line_is_said_plainly_without_charts(tmp_path):
    corpus = analyze_corpus(small_articles(4), n_jobs=1, progress=False)
    index = write_corpus_report(corpus, tmp_path / "r", progress=False)
    terms = unescape(section(index.read_text(encoding="utf-8"), "terms"))
    assert "No term passes |z| > 1.96 for any outlet" in terms
    assert "<table>" not in terms and "<svg" not in terms
    assert not list((index.parent / "figures").glob("log_odds-*.svg"))


def test_the_by_category_chart_is_a_heatmap_and_the_table_keeps_intervals(
    voices, tmp_path, monkeypatch
):
    drawn = []
    heatmap = corpus_report.plots.rates_heatmap
    monkeypatch.setattr(
        corpus_report.plots, "rates_heatmap", lambda *a, **k: drawn.append(k) or heatmap(*a, **k)
    )
    corpus, _, _ = voices
    comparison = compare(corpus)
    html = write_corpus_report(corpus, tmp_path / "r", progress=False).read_text("utf-8")
    assert len(drawn) == 1 and drawn[0]["categories"][0] == "loaded_language"
    rates = section(html, "rates")
    alpha = comparison.rates.set_index(["group", "category"]).loc[("Alpha", "loaded_language")]
    assert f'{alpha["per_1k"]:.1f}<span class="interval">{alpha["ci_low"]:.1f} – ' in rates
    assert "loaded language" in rates and "loaded_language" not in rates
    assert "No group uses:" in rates  # the categories nobody uses are named, not drawn


def test_labels_are_readable_and_dates_do_not_wrap(tmp_path):
    corpus = analyze_corpus(small_articles(4), n_jobs=1, progress=False)
    html = write_corpus_report(corpus, tmp_path / "r", progress=False).read_text("utf-8")
    visible = re.sub(r"<[^>]+>", " ", html.split("</style>")[1].split('<section id="data">')[0])
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", visible), re.search(r"\b[a-z]+_[a-z_]+\b", visible)
    assert '<td class="date">2024-03-13</td>' in html
    assert "td.date { white-space: nowrap; }" in html


def test_the_headline_names_the_articles_that_stand_out(tmp_path):
    articles = [
        Article(text=QUIET.format(i=i), outlet="Beta", title=f"Quiet {i}", id=f"q{i}")
        for i in range(9)
    ] + [Article(text=LOUD.format(i=0), outlet="Alpha", title="The loud one", id="loud")]
    corpus = analyze_corpus(articles, n_jobs=1, progress=False)
    index = write_corpus_report(corpus, tmp_path / "r", source=articles, progress=False)
    figures = section(index.read_text("utf-8"), "figures")
    loaded = figures.split("<td>loaded terms per 1,000 words</td>")[1].split("</tr>")[0]
    rate = corpus.articles.set_index("article_id").loc["loud", "loaded_per_1k"]
    assert f'▲ {rate:.1f}: <a href="article/loud/index.html">The loud one</a>' in loaded
    assert "Quiet" not in loaded  # the nine quiet ones are the corpus's typical range


def test_progress_bar_only_when_asked(tmp_path, capfd):
    articles = small_articles(2)
    corpus = analyze_corpus(articles, n_jobs=1, progress=False)
    capfd.readouterr()
    write_corpus_report(corpus, tmp_path / "quiet", source=articles, progress=False)
    assert capfd.readouterr().err == ""
    write_corpus_report(corpus, tmp_path / "bar", source=articles, progress=True)
    err = capfd.readouterr().err
    assert "article reports" in err and "2/2" in err


def test_the_log_names_the_final_paths(tmp_path, caplog):
    articles = small_articles(2)
    corpus = analyze_corpus(articles, n_jobs=1, progress=False)
    with caplog.at_level(logging.INFO, logger="framing"):
        index = write_corpus_report(corpus, tmp_path / "r", source=articles, progress=False)
    paths = [m.rsplit(" ", 1)[1] for m in caplog.messages if m.startswith("wrote")]
    assert len(paths) == 3 and paths[-1] == str(index)
    assert all(".tmp-" not in path for path in paths)
    assert all(
        (index.parent / "article").joinpath(p.split("/article/")[1]).is_file() for p in paths[:2]
    )
