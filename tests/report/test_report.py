"""The HTML report: its files, escaping, reproducibility and atomic replacement."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import display, plots
from framing.article import Article
from framing.report import write_report
from framing.report.sections import shorten
from framing.schema import STANCE, STANCE_EVIDENCE

HOSTILE_TITLE = 'Title <script>alert(1)</script> "&<>'
HOSTILE_TEXT = (
    "He insinuated that the <script>alert(1)</script> regime was\n"
    '"brutal & evil", said Smith.\n\n'
    "The REGIME <img src=x onerror=alert(2)> denied it & more.\n"
)
FIGURES = (
    "loaded_by_category",
    "markers_by_category",
    "top_terms",
    "who_gets_the_floor",
    "cue_classes",
    "stance_scores",
)
TABLES = (
    "loaded_terms",
    "category_frequencies",
    "term_frequencies",
    "summary",
    "sources",
    "words_per_speaker",
    "stance",
    "stance_evidence",
    "target_mentions",
)
EXPECTED_FILES = (
    {"index.html"}
    | {f"figures/{name}.svg" for name in FIGURES}
    | {f"tables/{name}.csv" for name in TABLES}
)
HOSTILE_TARGET = "<b>Acme</b> & Co"


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


@pytest.fixture(scope="module")
def hostile_sources():
    """Hostile text in quotes, speakers' affiliations, target names and stance evidence."""
    text = (
        'Officials at <b>Acme</b> said "<script>alert(1)</script> is a regime & worse". '
        "Acme's boss slammed the <img src=x onerror=alert(2)> plan.\n\n"
        "Le Monde reported that Acme was angry.\n"
    )
    return framing.analyze(
        Article(text=text, title="<T>"),
        targets={HOSTILE_TARGET: ["Acme"]},
        lexicon={"pejorative": ["regime"]},
    )


def section(html: str, name: str) -> str:
    return re.search(rf'<section id="{name}">(.*?)</section>', html, re.DOTALL).group(1)


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
    assert html.count("<svg") == len(FIGURES)
    for target in re.findall(r'href="([^"]*)"', html):
        assert target.startswith("#") or target in EXPECTED_FILES, target
    # the article URL appears as text only
    assert 'href="https://example.org' not in html


def test_highlights_match_the_offsets(hostile, tmp_path):
    html = write_report(hostile, tmp_path / "r").read_text(encoding="utf-8")
    text = hostile.article.text
    marked = [
        unescape(inner.replace("<br>\n", "\n"))
        for inner in re.findall(
            r'<mark [^>]*data-layer="loaded"[^>]*>([^<]*(?:<br>\n[^<]*)*)</mark>', html
        )
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


@pytest.mark.parametrize("fixture", ["hostile", "hostile_sources", "seed_analysis"])
def test_same_input_gives_identical_bytes(fixture, request, tmp_path):
    res = request.getfixturevalue(fixture)
    write_report(res, tmp_path / "a")
    write_report(res, tmp_path / "b")
    assert files(tmp_path / "a") == files(tmp_path / "b")
    # and rewriting in place gives the same bytes again
    first = files(tmp_path / "a")
    write_report(res, tmp_path / "a")
    assert files(tmp_path / "a") == first


def test_a_fresh_analysis_of_the_same_article_gives_identical_bytes(seed_analysis, tmp_path):
    again = framing.analyze(seed_analysis.article)
    write_report(seed_analysis, tmp_path / "a")
    write_report(again, tmp_path / "b")
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_no_timestamps_in_figures(hostile, tmp_path):
    write_report(hostile, tmp_path / "r")
    for name in FIGURES:
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
    # whole numbers without decimals, other numbers with exactly four, text as it is
    numbers = {k: v for k, v in summary.items() if k != "top_speaker"}
    assert all(re.fullmatch(r"\d+(\.\d{4})?", value) for value in numbers.values())
    assert summary.get("top_speaker", "") == hostile.summary().get("top_speaker", "")
    assert summary["quoted_share"] == f"{hostile.summary()['quoted_share']:.4f}"


def test_every_table_is_written_even_when_empty(hostile, tmp_path):
    assert hostile.stance.empty and hostile.target_mentions.empty
    write_report(hostile, tmp_path / "r")
    tables = tmp_path / "r" / "tables"
    assert (tables / "stance.csv").read_text(encoding="utf-8") == ",".join(STANCE) + "\n"
    assert (tables / "stance_evidence.csv").read_text(encoding="utf-8") == (
        ",".join(STANCE_EVIDENCE) + "\n"
    )
    mentions = (tables / "target_mentions.csv").read_text(encoding="utf-8")
    assert mentions == ",".join(hostile.target_mentions.columns) + "\n"
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "No target of the gazetteer is mentioned." in section(html, "stance")
    assert "--targets FILE" in section(html, "stance")  # and how to pass some
    assert "<details" not in section(html, "stance")


def test_source_and_stance_tables_match_the_analysis(hostile_sources, tmp_path):
    write_report(hostile_sources, tmp_path / "r")
    tables = tmp_path / "r" / "tables"
    res = hostile_sources
    sources = pd.read_csv(tables / "sources.csv", keep_default_na=False)
    assert list(sources.columns) == list(res.sources.columns)
    assert list(sources["quote"]) == list(res.sources["quote"])
    stance = pd.read_csv(tables / "stance.csv")
    assert list(stance["target"]) == [HOSTILE_TARGET]
    evidence = pd.read_csv(tables / "stance_evidence.csv")
    assert len(evidence) == len(res.stance_evidence)
    mentions = pd.read_csv(tables / "target_mentions.csv")
    assert list(mentions["start"]) == sorted(res.target_mentions["start"])
    speakers = pd.read_csv(tables / "words_per_speaker.csv")
    assert list(speakers.columns) == ["speaker", "speaker_type", "n_quotes", "n_words", "share"]


def test_new_sections_escape_everything(hostile_sources, tmp_path):
    html = write_report(hostile_sources, tmp_path / "r").read_text(encoding="utf-8")
    for raw in ("<script", "<img", "<b>"):
        assert raw not in html
    sources = section(html, "sources")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is a regime &amp; worse" in sources
    assert "&lt;img src=x onerror=alert(2)&gt;" in sources
    assert "&lt;b&gt;Acme&lt;/b&gt; &amp; Co" in sources  # an affiliation
    stance = section(html, "stance")
    assert "<td>&lt;b&gt;Acme&lt;/b&gt; &amp; Co" in stance
    assert "<strong>&lt;b&gt;Acme&lt;/b&gt; &amp; Co</strong>" in stance
    # highlights in the article: quotes, speakers and targets with escaped hovers
    text = section(html, "text")
    assert 'data-layer="quotes"' in text
    assert 'data-layer="speakers"' in text
    assert 'title="Acme → &lt;b&gt;Acme&lt;/b&gt; &amp; Co · short_name"' in text


def test_evidence_is_listed_per_target_in_details(hostile_sources, tmp_path):
    html = write_report(hostile_sources, tmp_path / "r").read_text(encoding="utf-8")
    res = hostile_sources
    details = re.findall(r'<details class="evidence">(.*?)</details>', html, re.DOTALL)
    assert len(details) == len(res.stance) == 1
    (only,) = details
    summary = re.search(r"<summary>(.*?)</summary>", only, re.DOTALL).group(1)
    score = res.stance["score"].iloc[0]
    assert score < 0
    label = res.stance["label"].iloc[0]
    assert (
        unescape(re.sub(r"<[^>]+>", " ", summary)).split()
        == (
            f"{HOSTILE_TARGET} · score −{abs(score):.2f} · {label} · 3 mentions · 9 evidence rows"
        ).split()
    )
    # the contributions shown add up to the score
    total = re.search(r"Sum of the contributions: ([^.]+\.\d+)", only).group(1)
    assert float(total) == pytest.approx(score, abs=1e-3)
    cells = [unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", only, re.DOTALL)]
    for row in res.stance_evidence.to_dict("records"):
        assert " ".join(row["text"].split()) in cells
    assert "−1.00" in cells  # the attribution "slammed"
    headers = re.findall(r"<th>([^<]*)</th>", only)
    # reception: Le Monde's "Acme was angry"; voice tone: the words of Acme's boss
    assert headers == ["mention model", "sentiment", "attribution", "reception", "voice tone"]
    assert "<script" not in html  # details need no JavaScript


def test_stance_table_and_chart_on_the_seed(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "r").read_text(encoding="utf-8")
    stance = section(html, "stance")
    assert stance.count('<details class="evidence">') == len(seed_analysis.stance)
    rows = re.findall(r"<tr(?: class=\"low-evidence\")?><td>([^<]*)", stance)
    assert [r.strip() for r in rows[: len(seed_analysis.stance)]] == list(
        seed_analysis.stance["target"]
    )
    assert stance.count('class="low-evidence"') == int(seed_analysis.stance["low_evidence"].sum())
    assert "<svg" in stance
    sources = section(html, "sources")
    assert sources.count('<tbody class="source">') == len(seed_analysis.sources)
    assert sources.count("<svg") == 2
    assert "reminded" in sources and "endorsing" in sources
    # a long reported passage is shortened in the page
    longest = max(seed_analysis.sources["quote"], key=len)
    assert shorten(longest) in unescape(sources)
    assert shorten(longest).endswith("…")


def test_shorten():
    assert shorten("short  text\n here") == "short text here"
    long = "word " * 50
    cut = shorten(long, 30)
    assert cut.endswith("…") and len(cut) <= 30
    assert not cut[:-1].endswith(" ")


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


def test_a_report_by_an_earlier_version_is_replaced(hostile, tmp_path):
    write_report(hostile, tmp_path / "r")
    for name in ("sources", "stance", "stance_evidence", "target_mentions", "words_per_speaker"):
        (tmp_path / "r" / "tables" / f"{name}.csv").unlink()
    for name in ("who_gets_the_floor", "cue_classes", "stance_scores"):
        (tmp_path / "r" / "figures" / f"{name}.svg").unlink()
    write_report(hostile, tmp_path / "r")
    assert set(files(tmp_path / "r")) == EXPECTED_FILES


def test_seed_report(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "seed").read_text(encoding="utf-8")
    assert "Lavrov Made Three Important Points" in html
    assert html.count('data-layer="loaded"') == len(seed_analysis.loaded_terms)
    assert html.count('data-layer="targets"') == len(seed_analysis.target_mentions)
    direct = (seed_analysis.sources["kind"] == "direct_quote").sum()
    assert html.count('data-layer="quotes"') == direct
    assert 'data-layer="speakers"' in html
    for head in ("Loaded terms", "Sources", "Targets"):
        assert f'<li class="fr-legend-head">{head}</li>' in section(html, "text")
    for name in ("summary", "figures", "categories", "markers", "terms", "sources", "stance",
                 "text", "data"):  # fmt: skip
        assert f'<section id="{name}">' in html
    for path in EXPECTED_FILES - {"index.html"}:
        assert f'<a href="{path}">' in html
    lexicon = seed_analysis.meta["lexicons"][0]
    assert lexicon["sha256"] in html
    assert f"framing {framing.__version__}" in html
    for category, definition in seed_analysis.lexicon.categories.items():
        assert category in html
        if definition:
            assert unescape(definition) in unescape(html)


def test_the_report_opens_with_findings_and_placed_figures(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "seed").read_text(encoding="utf-8")
    header = html.split("<header>")[1].split("</header>")[0]
    assert "sha256" not in header and "Article id" not in header  # provenance is below
    assert html.index('<section id="summary">') < html.index('<section id="figures">')
    summary = unescape(section(html, "summary"))
    assert summary.count("<li>") == 3 and "loaded terms per 1,000 words" in summary
    figures = section(html, "figures")
    reference = display.Reference.load()
    values = seed_analysis.summary()
    for name in display.REFERENCE_FIGURES:
        tile = re.search(rf'<li data-figure="{name}">(.*?)</li>', figures, re.DOTALL).group(1)
        low, high = reference.typical(name)
        position = reference.position(name, float(values[name]))
        assert f'class="position pos-{position.replace(" ", "-")}">{position}<' in tile
        shown = display.figure_text(name, low), display.figure_text(name, high)
        assert f'<span class="typical">{shown[0]}–{shown[1]}</span>' in tile
    assert 'href="#reference"' in figures and "PolNeAR" in figures
    assert 'id="reference"' in section(html, "data")
    assert str(reference.card["licence"]).split()[0] in section(html, "data")


def test_provenance_is_in_the_footer_each_part_labelled(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "seed").read_text(encoding="utf-8")
    footer = html.split("<footer>")[1].split("</footer>")[0]
    lexicon, gazetteer = seed_analysis.meta["lexicons"]
    assert f"<dt>Article id</dt><dd>{seed_analysis.article.id}</dd>" in footer
    assert f"<dt>framing version</dt><dd>{framing.__version__}</dd>" in footer
    assert f"<dt>Lexicon</dt><dd>{lexicon['name']} {lexicon['version']} · sha256 " in footer
    assert f"<dt>Gazetteer</dt><dd>{gazetteer['name']} {gazetteer['version']} · sha256 " in footer
    assert footer.count("<dt>Lexicon</dt>") == 1 and gazetteer["sha256"] in footer


def test_the_stance_section_adds_up_each_score(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "seed").read_text(encoding="utf-8")
    table = section(html, "stance").split('<table class="stance-sums">')[1].split("</table>")[0]
    head = re.findall(r'<th class="num">([^<]+)</th>', table)
    weights = seed_analysis.meta["parameters"]["stance"]["weights"]
    assert len(head) == sum(1 for w in weights.values() if w) + 1  # each scored signal + score
    rows = re.findall(r"<tr><td>([^<]+)</td>(.*?)</tr>", table.split("<tbody>")[1])
    scores = seed_analysis.stance.set_index("target")["score"]
    assert len(rows) == len(scores)
    for target, cells in rows:
        values = [float(v) for v in re.findall(r'<td class="num[^"]*">([-+0-9.]+)</td>', cells)]
        *parts, score = values
        assert score == pytest.approx(scores[unescape(target)], abs=5e-4)
        assert sum(parts) == pytest.approx(score, abs=1e-3 * len(parts))  # rounding only


def test_markers_have_their_own_section_and_figures(seed_analysis, tmp_path):
    html = write_report(seed_analysis, tmp_path / "seed").read_text(encoding="utf-8")
    summary = seed_analysis.summary()
    loaded, markers = section(html, "categories"), section(html, "markers")
    assert "</span>hedge</td>" in markers and "</span>hedge</td>" not in loaded
    assert "</span>name calling</td>" in loaded and "</span>name calling</td>" not in markers
    assert "epistemic markers per 1,000 words" in section(html, "figures")
    assert f"{summary['markers_per_1k']:.1f}" in section(html, "figures")
    assert "might" in markers and "might" not in section(html, "terms")


def test_a_symlinked_out_dir_keeps_its_link(hostile, tmp_path):
    write_report(hostile, tmp_path / "real")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real", target_is_directory=True)
    index = write_report(hostile, link)
    assert index == link / "index.html"
    assert link.is_symlink()
    assert set(files(tmp_path / "real")) == EXPECTED_FILES
