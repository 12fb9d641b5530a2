"""The corpus run's progress bar: silent when off, and with a total when one is cheap."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing import Article
from framing.corpus import analyze_corpus
from framing.corpus.progress import count_items

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "articles.jsonl"
DEMO_TARGETS = str(DEMO.with_name("targets.csv"))


@pytest.mark.parametrize("options", [{"n_jobs": 1}, {"n_jobs": 2, "batch_size": 4}])
def test_without_progress_a_run_writes_nothing(capfd, options):
    # capfd sees the worker processes' output too: they write to the same descriptors.
    corpus = analyze_corpus(DEMO, progress=False, targets=DEMO_TARGETS, **options)
    assert len(corpus.articles) == 16
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_the_bar_of_a_jsonl_file_has_its_total(capfd):
    analyze_corpus(DEMO, n_jobs=1, progress=True, targets=DEMO_TARGETS)
    err = capfd.readouterr().err
    assert "16/16" in err
    assert "/?" not in err


def test_count_items_of_each_kind_of_source(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"text": "One."}\n\n{"text": "Two."}\n   \n{"text": "Three."}', "utf-8")
    frame = pd.DataFrame({"text": ["x", "y"]})
    frame.to_parquet(tmp_path / "b.parquet", index=False)
    frame.to_csv(tmp_path / "c.csv", index=False)
    folder = tmp_path / "texts"
    folder.mkdir()
    for name in ("one.txt", "two.md", "README.md"):
        (folder / name).write_text("A short article.", "utf-8")

    assert count_items(str(jsonl)) == 3  # blank lines are not rows
    assert count_items(str(tmp_path / "b.parquet")) == 2
    assert count_items(str(folder)) == 2  # the README is not an article
    assert count_items([str(jsonl), frame, Article(text="Three.")]) == 6
    # CSV records may span lines, and an unknown codec may not end lines with b"\n".
    assert count_items(str(tmp_path / "c.csv")) is None
    assert count_items([str(jsonl), str(tmp_path / "c.csv")]) is None
    assert count_items(str(jsonl), encoding="utf-16") is None
    assert count_items(iter([Article(text="x")])) is None  # a generator is read once
    assert count_items(str(tmp_path / "missing.jsonl")) is None
