"""Reports under faults (issue 17): CSV cells safe in a spreadsheet, permissions that follow
the umask, and temporary folders of a killed run removed (or a set-aside report put back)
by the next one."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing import plots
from framing.report import write_corpus_report, write_report

INJECTION = (
    'The minister said "=HYPERLINK(\\"http://evil.example\\", \\"click\\") is the plan," '
    "and critics answered: \"+cmd|' /C calc'!A0 is a sham.\"\n"
)


@pytest.fixture(scope="module")
def injected():
    return framing.analyze(framing.Article(text=INJECTION.replace('\\"', "'"), title="Quotes"))


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(child.stdout)


def test_formula_cells_in_report_tables_are_neutralised(injected, tmp_path):
    quotes = [q for q in injected.sources["quote"] if q[:1] in "=+"]
    assert len(quotes) == 2  # what the article says, as it says it
    index = write_report(injected, tmp_path / "r")
    table = pd.read_csv(index.parent / "tables" / "sources.csv", keep_default_na=False)
    written = [q for q in table["quote"] if q]
    assert written and all(q.startswith("'") for q in written if q[1:2] in "=+")
    assert not any(q[:1] in "=+-@" for q in written)
    html = index.read_text(encoding="utf-8")
    assert "OWASP" in html and "added apostrophe" in html  # the data section says so


def test_corpus_report_tables_are_neutralised_too(tmp_path):
    frame = pd.DataFrame(
        [{"text": INJECTION.replace('\\"', "'"), "outlet": "=Outlet", "title": "@title"}]
    )
    corpus = framing.analyze_corpus(frame, n_jobs=1, progress=False)
    index = write_corpus_report(corpus, tmp_path / "c")
    for name in ("articles", "sources", "rates"):
        text = (index.parent / "tables" / f"{name}.csv").read_text(encoding="utf-8")
        cells = [cell for line in text.splitlines() for cell in line.split(",")]
        assert not any(cell[:1] in ("=", "@", "+") for cell in cells), name


def test_report_folders_and_files_follow_the_umask(injected, tmp_path):
    previous = os.umask(0o022)
    try:
        index = write_report(injected, tmp_path / "r")
    finally:
        os.umask(previous)
    folder = index.parent
    assert folder.stat().st_mode & 0o777 == 0o755
    assert {p.stat().st_mode & 0o777 for p in folder.rglob("*") if p.is_file()} == {0o644}
    assert {p.stat().st_mode & 0o777 for p in folder.rglob("*") if p.is_dir()} == {0o755}


def test_corpus_report_folders_and_files_follow_the_umask(tmp_path):
    articles = [framing.Article(text=INJECTION, outlet=o, title=o) for o in ("A", "B")]
    corpus = framing.analyze_corpus(articles, n_jobs=1, progress=False)
    previous = os.umask(0o022)
    try:
        index = write_corpus_report(corpus, tmp_path / "c", source=articles, progress=False)
    finally:
        os.umask(previous)
    folder = index.parent
    assert len(list(folder.glob("article/*/index.html"))) == 2  # the article reports too
    assert {p.stat().st_mode & 0o777 for p in folder.rglob("*") if p.is_file()} == {0o644}
    dirs = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
    assert {p.stat().st_mode & 0o777 for p in dirs} == {0o755}


def test_a_killed_runs_staging_folder_is_removed_by_the_next_report(injected, tmp_path):
    stale = tmp_path / f".r.tmp-{dead_pid()}-abcd"
    (stale / "tables").mkdir(parents=True)
    (stale / "index.html").write_text("half a report", encoding="utf-8")
    write_report(injected, tmp_path / "r")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_a_report_set_aside_by_a_killed_swap_is_put_back(injected, tmp_path, monkeypatch):
    index = write_report(injected, tmp_path / "r")
    before = index.read_bytes()
    holder = tmp_path / f".r.old-{dead_pid()}-wxyz"
    holder.mkdir()
    (tmp_path / "r").rename(holder / "r")  # what a kill between the two renames leaves

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plots, "loaded_by_category", broken)
    with pytest.raises(RuntimeError):
        write_report(injected, tmp_path / "r")
    assert index.read_bytes() == before  # the old report is back in its place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]
