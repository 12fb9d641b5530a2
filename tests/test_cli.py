"""The ``framing`` command: report, analyze, lexicon, and its error messages."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time

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


DEMO = ROOT / "data" / "demo" / "articles.jsonl"
DEMO_TARGETS = DEMO.with_name("targets.csv")


def test_corpus_report_with_targets_fills_stance_and_links_article_reports(
    tmp_path, capsys, caplog
):
    argv = ["-v", "report", "--corpus", str(DEMO), "--by", "outlet",
            "--targets", str(DEMO_TARGETS), "--out", str(tmp_path)]  # fmt: skip
    with caplog.at_level(logging.INFO, logger="framing"):
        assert main(argv) == 0
    index = tmp_path / "articles" / "index.html"
    captured = capsys.readouterr()
    assert captured.out.strip() == str(index)
    assert "warning" not in captured.err  # every demo article mentions a demo target
    html = index.read_text("utf-8")
    stance = html.split('<section id="stance">')[1].split("</section>")[0]
    assert "<svg" in stance and "Varnia" in stance and "Ostrel" in stance
    reports = sorted((index.parent / "article").glob("*/index.html"))
    assert len(reports) == 16 and not (index.parent / "articles").exists()
    for report in reports:
        assert f'href="article/{report.parent.name}/index.html"' in html
        page = report.read_text("utf-8")
        assert 'class="stance-sums"' in page  # each article's stance table and its sums
        assert "No target of the gazetteer is mentioned" not in page
    logged = [m.rsplit(" ", 1)[1] for m in caplog.messages if m.startswith("wrote")]
    assert sorted(logged[:-1]) == [str(r) for r in reports] and logged[-1] == str(index)


def test_without_targets_a_warning_says_how_many_articles_mention_one(capsys):
    assert main(["analyze", str(DEMO), "--table", "stance"]) == 0
    captured = capsys.readouterr()
    assert "warning: 0 of 16 articles mention a target of the packaged gazetteer" in captured.err
    assert "--targets FILE" in captured.err and "--target NAME" in captured.err
    assert "the stance table is empty: no article mentions a target." in captured.err
    assert "framing.analyze_corpus" not in captured.err  # the library's own hint is left out
    assert captured.out.startswith("article_id,target,")  # the header, as the table has


def test_analyze_with_targets_fills_the_stance_table(tmp_path, capsys):
    out = tmp_path / "stance.csv"
    argv = ["analyze", str(DEMO), "--targets", str(DEMO_TARGETS), "--table", "stance"]
    assert main([*argv, "--out", str(out)]) == 0
    assert capsys.readouterr().err == ""
    stance = pd.read_csv(out)
    assert set(stance.loc[stance["mentions"] > 0, "target"]) >= {"Varnia", "Ostrel"}
    assert stance["article_id"].nunique() == 16


def test_report_takes_targets_by_name_and_warns_on_an_article_without_any(
    tmp_path, seed_path, capsys
):
    assert main(["report", str(seed_path), "--target", "Russia", "--out", str(tmp_path)]) == 0
    stance = pd.read_csv(tmp_path / seed_path.stem / "tables" / "stance.csv")
    assert list(stance["target"]) == ["Russia"]
    assert capsys.readouterr().err == ""
    plain = tmp_path / "council.txt"
    plain.write_text("The council met on Tuesday.\n\nIt approved the budget.\n", "utf-8")
    assert main(["report", str(plain), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {plain} mentions no target of the packaged gazetteer" in err
    assert "--targets FILE" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "--by", "author"], "--by compares the groups of a corpus"),
        (["report", "--targets", "no/such.csv"], "no/such.csv was not found"),
        (["report", "--corpus", str(DEMO), "--by", "party"], "group by one of: outlet, author"),
    ],
)
def test_argument_errors_are_one_sentence(argv, message, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1 and "loaded_per_1k" not in err  # not every figure column


def test_help_shows_defaults_and_describes_every_command(capsys):
    for argv, expected in (
        (["report", "--help"], ("(default: reports)", "(default: outlet)", "--targets FILE")),
        (["analyze", "--help"], ("--targets FILE", "--target NAME")),
        (["lexicon", "--help"], ("Print a lexicon's name, version", "(default: loaded)")),
    ):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        text = " ".join(capsys.readouterr().out.split())
        for words in expected:
            assert words in text, (argv, words)


# --- under faults (issue 17) --------------------------------------------------------------

BODY = (
    "The foreign ministers met in Geneva on Thursday to discuss a long-delayed border "
    "agreement, officials said after the talks ended late in the evening."
)


def test_inputs_whose_names_slugify_alike_get_a_folder_each(tmp_path, capsys):
    names = ["a b.txt", "a-b.txt", "A_B.txt", "日本.txt", "中国.txt", "evil.txt", "evil.html"]
    for number, name in enumerate(names):
        text = f"Story number {number}\n\n{BODY} This is story {number}.\n"
        if name.endswith(".html"):
            text = f"<html><body><h1>Story {number}</h1><p>{BODY}</p><p>{BODY}</p></body></html>"
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "X"
    assert main(["report", *(str(tmp_path / n) for n in names), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    printed = captured.out.split()
    assert len(printed) == len(set(printed)) == len(names)
    assert len(list(out.glob("*/index.html"))) == len(names)
    assert {"a-b", "a-b-2", "a-b-3", "evil", "evil-2"} <= {p.name for p in out.iterdir()}
    assert f"{tmp_path / 'a-b.txt'} and {tmp_path / 'a b.txt'} have the same report name" in (
        captured.err
    )


def test_a_corpus_with_no_readable_article_gets_one_clear_message(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": broken\n[1, 2]\n', encoding="utf-8")
    assert main(["report", "--corpus", str(bad), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"no article of {bad} could be analysed" in err
    assert "outlet" not in err and "Traceback" not in err
    assert f"{bad} line 2 holds an array" in err  # each bad line is named


def test_a_full_disk_leaves_no_table_of_analyze_half_done(tmp_path, seed_path, monkeypatch, capsys):
    real = pd.DataFrame.to_parquet
    calls = []

    def filling(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", filling)
    out = tmp_path / "x.parquet"
    assert main(["analyze", str(seed_path), "--out", str(out)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # neither tables nor temporaries


def test_analyze_outputs_follow_the_umask(tmp_path, seed_path):
    previous = os.umask(0o022)
    try:
        assert main(["analyze", str(seed_path), "--out", str(tmp_path / "x.csv")]) == 0
    finally:
        os.umask(previous)
    assert {p.stat().st_mode & 0o777 for p in tmp_path.iterdir()} == {0o644}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "lexicons").mkdir() or d / "lexicons", "is a folder, not a lexicon"),
        (
            lambda d: (
                (d / "l.csv").write_text('term,category\n"open,emotive\nx,emotive\n')
                and d / "l.csv"
            ),
            "line 2: this row could not be read as CSV",
        ),
        (lambda d: (d / "l.yaml").write_text("terms: 5\n") and d / "l.yaml", "'terms' must be"),
    ],
)
def test_lexicon_shape_errors_are_one_sentence(tmp_path, seed_path, capsys, make, message):
    lexicon = make(tmp_path)
    assert main(["report", str(seed_path), "--lexicon", str(lexicon), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and "no packaged lexicon" not in err


@pytest.mark.slow
def test_sigterm_ends_a_piped_corpus_report_and_its_workers(tmp_path):
    psutil = pytest.importorskip("psutil")
    corpus = tmp_path / "corpus.jsonl"
    row = {"text": f"{BODY} The regime slammed its critics.", "outlet": "A"}
    corpus.write_text(
        "".join(json.dumps({**row, "id": f"a{i}"}) + "\n" for i in range(400)), encoding="utf-8"
    )
    command = [os.path.join(os.path.dirname(sys.executable), "framing"), "report",
               "--corpus", str(corpus), "--out", str(tmp_path / "out")]  # fmt: skip
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(psutil.Process(run.pid).children(recursive=True)) < 3:  # fork server, workers
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.05)
    helpers = psutil.Process(run.pid).children(recursive=True)
    os.kill(run.pid, signal.SIGTERM)
    out, err = run.communicate(timeout=120)  # the pipe ends: no worker holds it
    assert run.returncode == 130 and out == ""
    assert "interrupted" in err and "Traceback" not in err
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in helpers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]


def test_reading_warnings_are_printed_and_shown_in_the_report(tmp_path):
    # A page with a teaser of a paywalled article: the reader's warning reaches stderr as
    # one of the command's warnings, and the report's header.
    page = tmp_path / "teaser.html"
    page.write_text(
        '<html><head><title>Harbour toll rises</title><script type="application/ld+json">'
        '{"isAccessibleForFree": false}</script></head><body><article><p>The port authority '
        "raised the harbour toll for cargo ships on Monday, the second rise this year, citing "
        "the cost of dredging the channel.</p></article></body></html>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "framing.cli", "report", str(page), "--out", str(tmp_path / "r")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert f"framing: warning: {page}: the page looks like a teaser" in result.stderr
    html = (tmp_path / "r" / "teaser" / "index.html").read_text("utf-8")
    assert 'class="reading-warnings"' in html
    assert "looks like a teaser of a paywalled article" in html
