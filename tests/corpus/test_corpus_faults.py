"""analyze_corpus under faults (issue 17): locked stores that know their corpus, resume by
id and content, row-level read errors, time budgets, and workers that end with their
parent. Processes are started here and killed by their own PID, never by name."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from test_corpus import TABLES, assert_same_tables, normalised, small_articles

import framing
from framing.corpus import CorpusAnalysis, analyze_corpus
from framing.corpus.budget import ArticleTimeout, time_budget

psutil = pytest.importorskip("psutil")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def rows(n: int, *, ids: bool = False) -> list[dict]:
    found = [{"text": a.text, "outlet": a.outlet, "title": a.title} for a in small_articles(n)]
    return [dict(row, id=f"story-{i}") for i, row in enumerate(found)] if ids else found


# --- case 2: one writer at a time; case 6: a store knows its corpus ----------------------


def start_run(corpus: Path, out: Path, *, n_jobs: int = 2, batch_size: int = 2) -> subprocess.Popen:
    """A corpus run into ``out`` in a child process (``python -c``: no __main__ to guard)."""
    code = textwrap.dedent(
        f"""
        import framing
        framing.analyze_corpus({str(corpus)!r}, out={str(out)!r}, n_jobs={n_jobs},
                               batch_size={batch_size}, progress=False)
        """
    )
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_for(condition, what: str, limit: float = 120.0) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_a_running_store_is_locked_and_its_workers_end_with_it(tmp_path, how):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows(200))
    out = tmp_path / "out"
    run = start_run(corpus, out)
    try:
        wait_for(lambda: any((out / "_index").glob("part-*")), "a committed batch")
        workers = [p for p in descendants(run.pid) if "forkserver" in " ".join(p.cmdline())]
        assert len(workers) >= 2  # the fork server and its workers
        # Case 2: a second writer is refused, naming the first.
        other = write_jsonl(tmp_path / "other.jsonl", rows(3))
        with pytest.raises(framing.StoreError, match=rf"another framing run \(process {run.pid} "):
            analyze_corpus(other, out=out, n_jobs=1, progress=False)
        helpers = descendants(run.pid)
        os.kill(run.pid, how)
        run.wait(timeout=120)
        # Case 4: the workers, the fork server and the resource tracker all end.
        wait_for(lambda: not any(alive(p) for p in helpers), "the workers to end")
    finally:
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
    # The store is usable: a rerun completes it, and it equals a clean run.
    resumed = analyze_corpus(corpus, out=out, n_jobs=1, progress=False)
    assert_same_tables(analyze_corpus(corpus, n_jobs=1, progress=False), resumed)


def test_a_store_of_another_corpus_is_refused_unless_appended(tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", rows(3))
    second = write_jsonl(tmp_path / "second.jsonl", rows(5)[3:])
    out = tmp_path / "out"
    analyze_corpus(first, out=out, n_jobs=1, progress=False)
    with pytest.raises(framing.StoreError, match=r"holds the analysis of another corpus") as info:
        analyze_corpus(second, out=out, n_jobs=1, progress=False)
    assert str(first) in str(info.value) and str(second) in str(info.value)
    assert len(CorpusAnalysis.read(out).articles) == 3  # nothing was merged
    both = analyze_corpus(second, out=out, n_jobs=1, progress=False, append=True)
    assert len(both.articles) == 5
    again = analyze_corpus(first, out=out, n_jobs=1, progress=False)  # both sources known now
    assert len(again.articles) == 5


@pytest.mark.slow
def test_dask_local_cluster_workers_end_with_a_killed_parent(tmp_path):
    pytest.importorskip("distributed")
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows(200))
    out = tmp_path / "out"
    code = (
        "import framing\n"
        f"framing.analyze_corpus({str(corpus)!r}, out={str(out)!r}, engine='dask', n_jobs=2,"
        " progress=False)\n"
    )
    run = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: any((out / "_index").glob("part-*")), "a committed part")
        helpers = descendants(run.pid)
        assert len(helpers) >= 2  # the cluster's worker processes
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=120)
        wait_for(lambda: not any(alive(p) for p in helpers), "the Dask workers to end")
    finally:
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
            run.wait()


def test_store_files_follow_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        analyze_corpus(small_articles(2), out=tmp_path / "out", n_jobs=1, progress=False)
    finally:
        os.umask(previous)
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert files and {p.stat().st_mode & 0o777 for p in files} == {0o644}


# --- case 5: resume by id and content ---------------------------------------------------


@pytest.mark.parametrize("with_ids", [True, False])
def test_resume_reanalyses_changed_articles_and_drops_removed_ones(tmp_path, with_ids):
    path = tmp_path / "corpus.jsonl"
    data = rows(6, ids=with_ids)
    write_jsonl(path, data)
    out = tmp_path / "out"
    analyze_corpus(path, out=out, n_jobs=1, progress=False, batch_size=2)
    data[2]["text"] = "An edited story. Critics praised the reform."  # edited in place
    del data[4]  # removed
    write_jsonl(path, data)
    resumed = analyze_corpus(path, out=out, n_jobs=1, progress=False, batch_size=2)
    clean = analyze_corpus(path, n_jobs=1, progress=False)
    assert len(resumed.articles) == 5
    assert_same_tables(clean, resumed)
    reread = CorpusAnalysis.read(out)
    assert reread.dataset("articles").count_rows() == 5  # the lazy dataset agrees
    assert_same_tables(clean, reread)


def test_resume_analyses_only_what_changed(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "corpus.jsonl", rows(4, ids=True))
    out = tmp_path / "out"
    analyze_corpus(path, out=out, n_jobs=1, progress=False)
    data = rows(4, ids=True)
    data[1]["text"] = "Changed under the same id."
    write_jsonl(path, data)
    analysed = []
    real = framing.corpus.batch.analyze
    monkeypatch.setattr(
        framing.corpus.batch,
        "analyze",
        lambda article, **options: analysed.append(article.id) or real(article, **options),
    )
    resumed = analyze_corpus(path, out=out, n_jobs=1, progress=False)
    assert [i for i in analysed if i != "probe"] == ["story-1"]
    row = resumed.articles.set_index("article_id").loc["story-1"]
    assert row["n_words"] == 5


# --- case 3: read errors are rows, on every engine --------------------------------------


def test_bad_lines_are_error_rows_and_the_rest_is_analysed(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(row) for row in rows(7)]
    lines[3] = lines[3][:25]  # an unterminated object on line 4 of 7
    path.write_text("\n".join([*lines, "[1, 2, 3]", "null", '"text"']) + "\n", encoding="utf-8")
    corpus = analyze_corpus(path, n_jobs=1, progress=False)
    assert len(corpus.articles) == 6
    assert corpus.errors["row"].tolist() == ["4", "8", "9", "10"]
    assert set(corpus.errors["stage"]) == {"read"} and set(corpus.errors["file"]) == {str(path)}


@pytest.mark.slow
def test_the_dask_engine_reads_bad_lines_as_the_local_engine(tmp_path):
    pytest.importorskip("distributed")
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(row) for row in rows(5)]
    path.write_text("\n".join([lines[0], "{broken", "null", *lines[1:]]) + "\n", "utf-8")
    local = analyze_corpus(path, n_jobs=1, progress=False)
    on_dask = analyze_corpus(path, engine="dask", n_jobs=1, progress=False)
    assert_same_tables(local, on_dask)
    assert local.errors["row"].tolist() == ["2", "3"]


# --- case 10: a time budget per article -------------------------------------------------


def test_an_article_over_its_time_budget_is_a_timeout_error(monkeypatch):
    articles = small_articles(3)
    real = framing.corpus.batch.analyze

    def slow(article, **options):
        if article.id == articles[1].id:
            while True:  # a pathological article
                pass
        return real(article, **options)

    monkeypatch.setattr(framing.corpus.batch, "analyze", slow)
    corpus = analyze_corpus(articles, n_jobs=1, progress=False, timeout=0.2)
    assert len(corpus.articles) == 2
    [error] = corpus.errors.to_dict("records")
    assert (error["article_id"], error["stage"], error["error"]) == (
        articles[1].id,
        "timeout",
        "ArticleTimeout",
    )
    assert "time budget of 0.2 s" in error["message"]


def test_the_time_budget_works_outside_the_main_thread_and_restores_timers():
    outcome = {}

    def spin() -> None:
        try:
            with time_budget(0.2):
                while True:
                    pass
        except ArticleTimeout:
            outcome["stopped"] = True
        with time_budget(5):  # a budget that is not used up raises nothing later
            outcome["quick"] = sum(range(100))

    thread = threading.Thread(target=spin)
    thread.start()
    thread.join(60)
    assert outcome == {"stopped": True, "quick": 4950}
    previous = signal.signal(signal.SIGALRM, signal.SIG_DFL)
    try:
        with time_budget(5):
            pass
        assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_bad_timeouts_are_refused_before_any_work():
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        analyze_corpus([], timeout=0)


# --- case 15: a script without a __main__ guard -----------------------------------------


@pytest.mark.slow
def test_a_script_without_a_main_guard_is_told_to_add_one(tmp_path):
    script = tmp_path / "noguard.py"
    script.write_text(
        "import framing\n"
        "articles = [framing.Article(text=f'Story {i}. The regime lied.') for i in range(4)]\n"
        "framing.analyze_corpus(articles, n_jobs=2, batch_size=1, progress=False)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("framing.errors.WorkerError: ")
    assert "no 'if __name__ == \"__main__\":' guard" in last and "n_jobs=1" in last


# --- the fault-injection loop ------------------------------------------------------------


@pytest.mark.slow
def test_runs_killed_at_random_points_leave_a_store_equal_to_a_clean_run(tmp_path):
    """Kill a corpus run at random moments, several times over, resuming each time; then
    complete it: the store reads back exactly as a clean run's tables."""
    data = rows(24, ids=False)
    data[5]["text"] = ""  # an unreadable row, so that errors are resumed too
    corpus = write_jsonl(tmp_path / "corpus.jsonl", data)
    out = tmp_path / "out"
    clock = random.Random(17)
    for _ in range(4):
        run = start_run(corpus, out, batch_size=2)
        try:
            time.sleep(clock.uniform(0.5, 8.0))  # before, during or after the work
        finally:
            helpers = descendants(run.pid)
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
        wait_for(lambda helpers=helpers: not any(alive(p) for p in helpers), "workers to end")
    stored = analyze_corpus(corpus, out=out, n_jobs=1, progress=False, batch_size=2)
    clean = analyze_corpus(corpus, n_jobs=1, progress=False)
    assert len(clean.articles) == 23 and len(clean.errors) == 1
    for name in TABLES:
        pd.testing.assert_frame_equal(
            normalised(getattr(clean, name)), normalised(getattr(stored, name)), obj=name
        )
    leftovers = [p for p in out.rglob(".*") if p.name != "." and p.suffix == ".tmp"]
    assert leftovers == []
