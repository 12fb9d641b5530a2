"""The ``framing`` command: report, analyze, lexicon, and its error messages."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

from framing.cli import main


def test_report_with_no_path_writes_the_seed_report(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["report", "--out", str(tmp_path)]) == 0
    index = tmp_path / "lavrov-military-diplomacy" / "index.html"
    assert capsys.readouterr().out.strip() == str(index)
    html = index.read_text("utf-8")
    assert "Lavrov Made Three Important Points" in html
    assert (index.parent / "tables" / "loaded_terms.csv").is_file()


def test_report_is_byte_identical_when_run_twice(tmp_path, seed_path):
    assert main(["report", str(seed_path), "--out", str(tmp_path / "a")]) == 0
    assert main(["report", str(seed_path), "--out", str(tmp_path / "b")]) == 0
    first = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    second = sorted(
        p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file()
    )
    assert first == second and first
    for name in first:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_analyze_writes_every_table_beside_out(tmp_path, seed_path, capsys):
    out = tmp_path / "seed.parquet"
    assert main(["analyze", str(seed_path), "--out", str(out)]) == 0
    written = {p.name for p in tmp_path.iterdir()}
    tables = ("articles", "loaded_terms", "sources", "stance", "stance_evidence", "errors")
    assert written == {f"seed.{table}.parquet" for table in tables}
    loaded = pd.read_parquet(tmp_path / "seed.loaded_terms.parquet")
    text = seed_path.read_text("utf-8")
    assert len(loaded) > 10 and set(loaded["article_id"]) == {loaded["article_id"].iloc[0]}
    assert "insinuated" in set(loaded["text"]) and "insinuated" in text


def test_analyze_one_table_to_csv_and_summary_to_stdout(tmp_path, seed_path, capsys):
    out = tmp_path / "terms.csv"
    assert main(["analyze", str(seed_path), "--table", "loaded_terms", "--out", str(out)]) == 0
    assert list(pd.read_csv(out).columns[:4]) == ["article_id", "sentence_id", "start", "end"]
    capsys.readouterr()
    assert main(["analyze", str(seed_path)]) == 0
    assert capsys.readouterr().out.startswith("article_id,position,title,")


def test_lexicon_command_lists_categories(capsys):
    assert main(["lexicon"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("loaded ") and "name_calling" in out and "hedge" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "no/such/file.txt"], "no/such/file.txt"),
        (["analyze", "x.txt", "--out", "x.json"], "must end in .csv or .parquet"),
        (["report", "--lexicon", "missing.csv"], "missing.csv was not found"),
    ],
)
def test_errors_are_one_sentence_without_traceback(argv, message, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    status = main(argv)
    err = capsys.readouterr().err
    assert status in (1, 2)
    assert message in err and "Traceback" not in err


def test_console_script_is_installed():
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "framing"), "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("framing ")


def test_corpus_report_compares_groups_and_links_article_reports(tmp_path, capsys):
    corpus = ROOT / "data" / "demo" / "articles.jsonl"
    assert main(["report", "--corpus", str(corpus), "--by", "outlet", "--out", str(tmp_path)]) == 0
    index = tmp_path / "articles" / "index.html"
    assert capsys.readouterr().out.strip() == str(index)
    html = index.read_text("utf-8")
    linked = sorted(p.parent.name for p in (index.parent / "articles").glob("*/index.html"))
    assert linked and all(f"articles/{slug}/index.html" in html for slug in linked)
