"""analyze_corpus: tables, Parquet output and resume, failures, duplicates, engines (the
corpus report is tested in tests/report/test_corpus_report.py)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import Article
from framing.corpus import CorpusAnalysis, analyze_corpus

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "articles.jsonl"
TABLES = ("articles", "loaded_terms", "sources", "stance", "stance_evidence", "errors")
DEMO_TARGETS = str(DEMO.with_name("targets.csv"))


def small_articles(n: int) -> list[Article]:
    """Short, distinct articles with loaded terms, quotes and an outlet."""
    return [
        Article(
            text=f'Story {i}. The regime slammed its critics. "It is a sham," an official said.',
            outlet="Alpha" if i % 2 else "Beta",
            title=f"Story {i}",
        )
        for i in range(n)
    ]


def assert_same_tables(left: CorpusAnalysis, right: CorpusAnalysis) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(
            normalised(getattr(left, name)), normalised(getattr(right, name)), obj=name
        )


def normalised(table: pd.DataFrame) -> pd.DataFrame:
    """Text columns as object with None for missing, whatever string dtype they came in."""
    table = table.copy()
    for name in table.columns:
        if not (pd.api.types.is_numeric_dtype(table[name]) or table[name].dtype == bool):
            column = table[name].astype(object)
            table[name] = column.where(column.notna(), None)
    return table


@pytest.fixture(scope="module")
def demo() -> CorpusAnalysis:
    return analyze_corpus(DEMO, n_jobs=1, progress=False, targets=DEMO_TARGETS)


# --- tables -------------------------------------------------------------------------------


def test_demo_tables_have_one_row_per_article_and_shared_keys(demo):
    articles = demo.articles
    assert len(articles) == 16 and articles["article_id"].is_unique
    assert articles["article_id"].str.startswith("demo-").all()
    assert list(articles["position"]) == list(range(16))  # input order
    assert {"outlet", "event", "n_words", "loaded_per_1k", "quoted_share"} <= set(articles)
    assert set(articles["outlet"]) == {
        "Tessaly Herald",
        "The Varnian Patriot",
        "Civic Dispatch",
        "Brenn Courier",
    }
    assert articles["event"].nunique() == 4
    assert (articles["file"] == str(DEMO)).all() and articles["row"].tolist()[:2] == ["1", "2"]
    for name in ("loaded_terms", "sources", "stance", "stance_evidence"):
        assert set(getattr(demo, name)["article_id"]) <= set(articles["article_id"])
    assert demo.errors.empty
    assert not demo.loaded_terms.empty and not demo.sources.empty
    assert {"Varnia", "Ostrel", "Anselm Vitrak"} <= set(demo.stance["target"])


def test_tables_equal_the_articles_analysed_one_by_one(demo):
    articles = list(framing.read_articles(DEMO))[:3]
    for article in articles:
        res = framing.analyze(article, targets=DEMO_TARGETS)
        for name in ("loaded_terms", "sources", "stance"):
            table = getattr(demo, name)
            rows = table[table["article_id"] == article.id].reset_index(drop=True)
            pd.testing.assert_frame_equal(rows, getattr(res, name), obj=name)
        row = demo.articles.set_index("article_id").loc[article.id]
        summary = res.summary()
        assert row["n_words"] == summary["n_words"]
        assert row["loaded_per_1k"] == pytest.approx(summary["loaded_per_1k"])


def test_demo_framing_contrasts_are_measurable(demo):
    rates = demo.articles.groupby("outlet")["loaded_per_1k"].mean()
    assert rates.idxmax() == "The Varnian Patriot"
    assert rates.idxmin() == "Tessaly Herald"
    assert rates["The Varnian Patriot"] > 3 * rates["Tessaly Herald"]
    cues = demo.sources.merge(demo.articles[["article_id", "outlet"]], on="article_id")
    endorsing = (cues["cue_class"] == "endorsing").groupby(cues["outlet"]).mean()
    assert endorsing.idxmax() == "The Varnian Patriot"


def test_meta_records_version_lexicon_parameters_and_columns(demo):
    meta = demo.meta
    assert meta["framing_version"] == framing.__version__
    assert meta["lexicon"]["name"] == "loaded" and len(meta["lexicon"]["sha256"]) == 64
    assert meta["parameters"]["targets"] == DEMO_TARGETS
    assert "loaded_language" in meta["categories"]
    assert dict(meta["tables"]["loaded_terms"])["start"] == "int64"
    assert repr(demo) == "<CorpusAnalysis (in memory): 16 articles, 0 errors>"


def test_empty_corpus_gives_empty_tables_with_their_columns(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="framing"):
        corpus = analyze_corpus([], progress=False)
    assert "no articles" in caplog.text
    for name in TABLES:
        assert getattr(corpus, name).empty
    assert {"article_id", "n_words", "loaded_per_1k"} <= set(corpus.articles.columns)
    assert list(corpus.loaded_terms.columns)[:4] == ["article_id", "sentence_id", "start", "end"]
    stored = analyze_corpus([], progress=False, out=tmp_path / "empty")
    assert_same_tables(corpus, stored)


def test_a_corpus_analysis_built_by_hand_has_an_analysed_ones_columns(demo):
    by_hand = CorpusAnalysis()
    for name in TABLES:
        table, analysed = getattr(by_hand, name), getattr(demo, name)
        assert table.empty
        # The demo's articles also carry its own metadata columns (event, note, ...) last.
        analysed = analysed[analysed.columns[: len(table.columns)]]
        assert dict(table.dtypes.astype(str)) == dict(analysed.dtypes.astype(str)), name
    given = demo.loaded_terms.head(3)
    assert CorpusAnalysis(loaded_terms=given).loaded_terms is given


def test_progress_bar_counts_articles(capsys):
    analyze_corpus(small_articles(3), n_jobs=1, progress=True)
    assert "3/3" in capsys.readouterr().err


def test_bad_arguments_fail_before_any_work(tmp_path):
    with pytest.raises(framing.ReadError, match="does not exist"):
        analyze_corpus(tmp_path / "missing.jsonl", out=tmp_path / "out")
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="engine"):
        analyze_corpus([], engine="spark")
    with pytest.raises(ValueError, match="n_jobs"):
        analyze_corpus([], n_jobs=0)


# --- failures and duplicates --------------------------------------------------------------


def test_broken_files_and_rows_are_recorded_and_the_rest_analysed(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    rows = [{"text": a.text, "outlet": a.outlet} for a in small_articles(3)]
    rows.insert(1, {"text": "", "outlet": "Alpha"})
    pd.DataFrame(rows).to_json(folder / "a.jsonl", orient="records", lines=True)
    (folder / "b.jsonl").write_text('{"text": "fine"}\n{"text": broken\n', encoding="utf-8")
    (folder / "c.csv").write_text("", encoding="utf-8")
    corpus = analyze_corpus(folder, n_jobs=1, progress=False)
    assert len(corpus.articles) == 4  # the good line of b.jsonl too
    errors = corpus.errors
    assert list(errors["stage"]) == ["read"] * 3
    assert [Path(f).name for f in errors["file"]] == ["a.jsonl", "b.jsonl", "c.csv"]
    assert errors.loc[0, "row"] == "2" and "no text" in errors.loc[0, "message"]
    assert "line 2 is not valid JSON" in errors.loc[1, "message"]
    assert "is empty" in errors.loc[2, "message"]
    assert list(errors["position"]) == [1, 5, 6]


def test_an_article_whose_analysis_fails_is_recorded(monkeypatch):
    articles = small_articles(4)
    real = framing.corpus.batch.analyze

    def failing(article, **options):
        if article.id == articles[1].id:
            raise RuntimeError("boom")
        return real(article, **options)

    monkeypatch.setattr(framing.corpus.batch, "analyze", failing)
    corpus = analyze_corpus(articles, n_jobs=1, progress=False)
    assert articles[1].id not in set(corpus.articles["article_id"])
    assert len(corpus.articles) == 3
    error = corpus.errors.iloc[0]
    assert (error["article_id"], error["stage"], error["error"]) == (
        articles[1].id,
        "analyze",
        "RuntimeError",
    )
    assert error["message"] == "boom" and error["position"] == 1


def test_duplicate_ids_keep_the_first_article_and_record_the_rest():
    frame = pd.DataFrame(
        {
            "id": ["x", "y", "x"],
            "text": ["First text.", "Other text.", "A different text with the same id."],
            "outlet": ["A", "A", "B"],
        }
    )
    twice = [*small_articles(2), small_articles(1)[0]]  # same content: same derived id
    for source, duplicate_id in ((frame, "x"), (twice, twice[0].id)):
        corpus = analyze_corpus(source, n_jobs=1, progress=False)
        assert corpus.articles["article_id"].is_unique and len(corpus.articles) == 2
        error = corpus.errors.iloc[0]
        assert (error["article_id"], error["stage"], error["position"]) == (
            duplicate_id,
            "duplicate",
            2,
        )
        assert f"article id {duplicate_id!r}" in error["message"]
    first = analyze_corpus(frame, n_jobs=1, progress=False).articles
    assert first.set_index("article_id").loc["x", "outlet"] == "A"


# --- Parquet output and resume ------------------------------------------------------------


def test_out_streams_a_parquet_dataset_read_back_equal(tmp_path, demo):
    out = tmp_path / "run"
    stored = analyze_corpus(
        DEMO, n_jobs=1, progress=False, out=out, targets=DEMO_TARGETS, batch_size=5
    )
    assert stored.path == out and stored._tables == {}  # nothing loaded yet
    assert sorted(p.name for p in out.iterdir()) == [
        "_framing.json",
        "_framing.lock",
        "_index",
        "_runs",
        *sorted(TABLES),
    ]
    assert len(list((out / "articles").glob("part-*.parquet"))) == 4  # 16 articles / 5
    assert_same_tables(demo, stored)
    reread = CorpusAnalysis.read(out)
    assert_same_tables(demo, reread)
    assert reread.meta == json.loads((out / "_framing.json").read_text(encoding="utf-8"))
    dataset = reread.dataset("loaded_terms")
    assert dataset.count_rows() == len(demo.loaded_terms)
    assert len(pd.read_parquet(out / "articles")) == 16  # a plain Parquet dataset too


def test_resume_after_an_interruption_analyses_only_what_is_missing(tmp_path, monkeypatch):
    articles = small_articles(7)
    out = tmp_path / "run"

    def interrupted():
        yield from articles[:5]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        analyze_corpus(interrupted(), n_jobs=1, progress=False, out=out, batch_size=2)
    assert len(CorpusAnalysis.read(out).articles) == 4  # two committed batches
    # What a crash can leave: a temporary file and parts of a batch never committed.
    (out / "loaded_terms" / ".part-x.parquet.123.tmp").write_bytes(b"partial")
    orphan = out / "loaded_terms" / "part-r001-b0000009.parquet"
    (out / "loaded_terms" / "part-r001-b0000000.parquet").rename(orphan)
    (out / "_index" / "part-r001-b0000000.parquet").unlink()
    assert len(CorpusAnalysis.read(out).articles) == 2  # readers skip uncommitted parts

    analysed = []
    real = framing.corpus.batch.analyze
    monkeypatch.setattr(
        framing.corpus.batch,
        "analyze",
        lambda article, **options: analysed.append(article.id) or real(article, **options),
    )
    resumed = analyze_corpus(articles, n_jobs=1, progress=False, out=out, batch_size=2)
    analysed = [i for i in analysed if i != "probe"]  # the run's probe of the table columns
    assert analysed == [a.id for a in (articles[0], articles[1], *articles[4:])]
    assert not orphan.exists() and not list(out.glob("*/.*.tmp"))
    monkeypatch.undo()
    assert_same_tables(analyze_corpus(articles, n_jobs=1, progress=False), resumed)


def test_resume_refuses_a_folder_made_with_other_options(tmp_path):
    out = tmp_path / "run"
    analyze_corpus(small_articles(2), n_jobs=1, progress=False, out=out)
    with pytest.raises(ValueError, match="other lexicon"):
        analyze_corpus(small_articles(2), progress=False, out=out, lexicon={"x": ["regime"]})
    with pytest.raises(ValueError, match="other targets"):
        analyze_corpus(small_articles(2), progress=False, out=out, targets=["Alpha"])


def test_out_never_overwrites_a_folder_that_is_not_a_corpus_analysis(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(framing.StoreError, match="choose a new or empty folder"):
        analyze_corpus(small_articles(1), progress=False, out=tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(framing.StoreError, match="no framing corpus analysis"):
        CorpusAnalysis.read(tmp_path)


# --- engines ------------------------------------------------------------------------------


def test_worker_processes_give_the_same_tables(tmp_path):
    articles = small_articles(6)
    local = analyze_corpus(articles, n_jobs=1, progress=False)
    pooled = analyze_corpus(articles, n_jobs=2, progress=False, batch_size=2)
    assert_same_tables(local, pooled)
    streamed = analyze_corpus(articles, n_jobs=2, progress=False, batch_size=2, out=tmp_path)
    assert_same_tables(local, streamed)


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_engine_gives_the_local_engine_tables(tmp_path, dask_client):
    folder = tmp_path / "corpus"
    folder.mkdir()
    frame = pd.DataFrame(
        [{"text": a.text, "outlet": a.outlet, "title": a.title} for a in small_articles(8)]
    )
    frame.loc[2, "text"] = ""  # a row without text
    first = pd.concat([frame.iloc[:5], frame.iloc[[0]]], ignore_index=True)  # a duplicate
    first.to_json(folder / "a.jsonl", orient="records", lines=True)
    frame.iloc[5:].to_parquet(folder / "b.parquet")
    (folder / "c.jsonl").write_text("not json\n", encoding="utf-8")
    local = analyze_corpus(folder, n_jobs=1, progress=False)
    assert len(local.articles) == 7
    assert list(local.errors["stage"]) == ["read", "duplicate", "read"]
    on_dask = analyze_corpus(folder, engine="dask", client=dask_client, progress=False)
    assert_same_tables(local, on_dask)
    out = tmp_path / "out"
    stored = analyze_corpus(folder, engine="dask", client=dask_client, progress=False, out=out)
    assert_same_tables(local, stored)
    # Inputs read on the client and sent to the workers in batches.
    articles = small_articles(5)
    assert_same_tables(
        analyze_corpus(articles, n_jobs=1, progress=False),
        analyze_corpus(articles, engine="dask", client=dask_client, progress=False, batch_size=2),
    )


def test_dask_engine_rejects_a_client_of_the_wrong_type():
    pytest.importorskip("distributed")
    with pytest.raises(TypeError, match="scheduler address"):
        analyze_corpus(small_articles(1), engine="dask", client=42, progress=False)
