"""The HTML report: its files, escaping, reproducibility and atomic replacement."""

from __future__ import annotations

import dataclasses
import re
from html import unescape
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import plots
from framing.article import Article
from framing.report import write_report

HOSTILE_TITLE = 'Title <script>alert(1)</script> "&<>'
HOSTILE_TEXT = (
    "He insinuated that the <script>alert(1)</script> regime was\n"
    '"brutal & evil", said Smith.\n\n'
    "The REGIME <img src=x onerror=alert(2)> denied it & more.\n"
)
EXPECTED_FILES = {
    "index.html",
    "figures/loaded_by_category.svg",
    "figures/top_terms.svg",
    "tables/loaded_terms.csv",
    "tables/category_frequencies.csv",
    "tables/term_frequencies.csv",
    "tables/summary.csv",
}


@pytest.fixture(scope="module")
def hostile():
    article = Article(
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        outlet="<Outlet & Co>",
        author='"Ann" <ann@example.org>',
        url="https://example.org/a?x=1&y=<2>",
        published="2024-01-02",
    )
    lexicon = {"doubt": ["insinuate"], "pejorative": ["regime", "brutal"]}
    return framing.analyze(article, lexicon=lexicon)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_writes_the_documented_files(hostile, tmp_path):
    index = write_report(hostile, tmp_path / "report")
    assert index == tmp_path / "report" / "index.html"
    assert set(files(tmp_path / "report")) == EXPECTED_FILES
    # nothing outside out_dir: no temporary or backup folders left beside it
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_article_text_and_metadata_are_escaped(hostile, tmp_path):
    html = write_report(hostile, tmp_path / "r").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "<img" not in html
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt; &#34;&amp;&lt;&gt;" in html
    assert "&lt;Outlet &amp; Co&gt;" in html
    assert "https://example.org/a?x=1&amp;y=&lt;2&gt;" in html
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.DOTALL).group(1)
    assert unescape(h1) == HOSTILE_TITLE


def test_report_is_self_contained(hostile, tmp_path):
    html = write_report(hostile, tmp_path / "r").read_text(encoding="utf-8")
    assert "<link" not in html
    assert not re.search(r"<[a-z][^>]*\ssrc=", html)
    assert html.count("<svg") == 2
    for target in re.findall(r'href="([^"]*)"', html):
        assert target.startswith("#") or target in EXPECTED_FILES, target
    # the article URL appears as text only
    assert 'href="https://example.org' not in html


def test_highlights_match_the_offsets(hostile, tmp_path):
    html = write_report(hostile, tmp_path / "r").read_text(encoding="utf-8")
    text = hostile.article.text
    marked = [
        unescape(inner.replace("<br>\n", "\n"))
        for inner in re.findall(r"<mark [^>]*>(.*?)</mark>", html, re.DOTALL)
    ]
    terms = hostile.loaded_terms.sort_values("start")
    assert marked == [text[s:e] for s, e in zip(terms["start"], terms["end"], strict=True)]
    assert len(marked) == 4
    assert 'title="insinuated → insinuate · doubt · author&#x27;s voice"' in html


def test_hostile_lexicon_names_are_escaped(tmp_path):
    category = "<img src=x onerror=alert(1)>"
    res = framing.analyze("The regime fell.", lexicon={category: ["regime"]})
    html = write_report(res, tmp_path / "r").read_text(encoding="utf-8")
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_same_input_gives_identical_bytes(hostile, tmp_path):
    write_report(hostile, tmp_path / "a")
    write_report(hostile, tmp_path / "b")
    assert files(tmp_path / "a") == files(tmp_path / "b")
    # and rewriting in place gives the same bytes again
    first = files(tmp_path / "a")
    write_report(hostile, tmp_path / "a")
    assert files(tmp_path / "a") == first


def test_no_timestamps_in_figures(hostile, tmp_path):
    write_report(hostile, tmp_path / "r")
    for name in ("loaded_by_category", "top_terms"):
        svg = (tmp_path / "r" / "figures" / f"{name}.svg").read_text(encoding="utf-8")
        assert "<dc:date>" not in svg


def test_csv_tables_have_fixed_format(hostile, tmp_path):
    write_report(hostile, tmp_path / "r")
    tables = tmp_path / "r" / "tables"
    for path in tables.iterdir():
        assert b"\r" not in path.read_bytes()
    terms = pd.read_csv(tables / "loaded_terms.csv")
    assert len(terms) == len(hostile.loaded_terms)
    assert list(terms.columns) == list(hostile.loaded_terms.columns)
    assert list(terms["start"]) == sorted(terms["start"])
    assert "1.0000" in (tables / "loaded_terms.csv").read_text(encoding="utf-8")
    summary = dict(
        line.split(",")
        for line in (tables / "summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    )
    assert summary["n_words"] == str(hostile.n_words)
    # whole numbers without decimals, the rest with exactly four
    assert all(re.fullmatch(r"\d+(\.\d{4})?", value) for value in summary.values())
    assert summary["quoted_share"] == f"{hostile.summary()['quoted_share']:.4f}"


def test_sources_and_stance_tables_are_written_when_not_empty(hostile, tmp_path):
    stance = pd.DataFrame([{"article_id": "a", "target": "Russia", "score": -0.25}])
    res = dataclasses.replace(hostile, stance=stance)
    write_report(res, tmp_path / "r")
    written = set(files(tmp_path / "r"))
    assert written == EXPECTED_FILES | {"tables/stance.csv"}
    assert "target,score" in (tmp_path / "r/tables/stance.csv").read_text(encoding="utf-8")


def _fail(*args, **kwargs):
    raise RuntimeError("chart failed")


def test_a_failure_leaves_the_previous_report_intact(hostile, tmp_path, monkeypatch):
    write_report(hostile, tmp_path / "r")
    before = files(tmp_path / "r")
    monkeypatch.setattr(plots, "top_terms", _fail)
    other = framing.analyze("Another regime, another text.", lexicon={"p": ["regime"]})
    with pytest.raises(RuntimeError, match="chart failed"):
        write_report(other, tmp_path / "r")
    assert files(tmp_path / "r") == before
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_a_failure_on_a_new_folder_creates_nothing(hostile, tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "loaded_by_category", _fail)
    with pytest.raises(RuntimeError):
        write_report(hostile, tmp_path / "new")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_swap_restores_the_previous_report(hostile, tmp_path, monkeypatch):
    write_report(hostile, tmp_path / "r")
    before = files(tmp_path / "r")
    rename = Path.rename

    def failing_rename(self, target):
        if self.name.startswith(".r.tmp-"):
            raise OSError("disk full")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError, match="disk full"):
        write_report(hostile, tmp_path / "r")
    assert files(tmp_path / "r") == before
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_a_folder_with_other_files_is_not_replaced(hostile, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"notes\.txt"):
        write_report(hostile, folder)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_file_as_out_dir_is_an_error(hostile, tmp_path):
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="is a file"):
        write_report(hostile, path)


def test_stale_optional_tables_disappear(hostile, tmp_path):
    stance = pd.DataFrame([{"article_id": "a", "target": "Russia", "score": -0.25}])
    write_report(dataclasses.replace(hostile, stance=stance), tmp_path / "r")
    write_report(hostile, tmp_path / "r")
    assert set(files(tmp_path / "r")) == EXPECTED_FILES


def test_seed_report(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "seed").read_text(encoding="utf-8")
    assert "Lavrov Made Three Important Points" in html
    assert html.count("<mark ") == len(seed_analysis.loaded_terms)
    lexicon = seed_analysis.meta["lexicons"][0]
    assert lexicon["sha256"] in html
    assert f"framing {framing.__version__}" in html
    for category, definition in seed_analysis.lexicon.categories.items():
        assert category in html
        if definition:
            assert unescape(definition) in unescape(html)


def test_a_symlinked_out_dir_keeps_its_link(hostile, tmp_path):
    write_report(hostile, tmp_path / "real")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real", target_is_directory=True)
    index = write_report(hostile, link)
    assert index == link / "index.html"
    assert link.is_symlink()
    assert set(files(tmp_path / "real")) == EXPECTED_FILES
