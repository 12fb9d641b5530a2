"""Readers and writers under faults (issue 17): one bad row costs one row, stray bytes stay
UTF-8 with a warning, pipes are refused, outputs are atomic, follow the umask and are safe
to open in a spreadsheet."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import Article
from framing.errors import ReadError
from framing.io import (
    atomic_path,
    atomic_paths,
    csv_text,
    read_article,
    read_articles,
    remove_stale,
    stale_prefix,
)

BODY = (
    "The foreign ministers met in Geneva on Thursday to discuss a long-delayed border "
    "agreement, officials said after the talks ended late in the evening."
)


def read_all(source, **options) -> tuple[list[Article], list[ReadError]]:
    errors: list[ReadError] = []
    return list(read_articles(source, on_error=errors.append, **options)), errors


# --- case 3: one bad row of a table costs that row only ---------------------------------


def test_a_malformed_json_line_costs_that_line_only(tmp_path):
    lines = [json.dumps({"text": f"Article {i} text.", "id": f"a{i}"}) for i in range(7)]
    lines[3] = '{"text": "an object never closed'
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["a0", "a1", "a2", "a4", "a5", "a6"]
    assert [a.meta["row"] for a in articles] == [1, 2, 3, 5, 6, 7]  # JSON Lines: line numbers
    [error] = errors
    assert (error.path, error.row) == (str(path), 4)
    assert str(error).startswith(f"{path} line 4 is not valid JSON (Unterminated string")


@pytest.mark.parametrize("chunksize", [None, 2])
def test_lines_that_are_not_objects_are_errors_not_type_errors(tmp_path, chunksize):
    path = tmp_path / "n.jsonl"
    path.write_text(
        '{"text": "First."}\n[1, 2, 3]\nnull\n"a string"\n5\n\n{"text": "Last."}\n',
        encoding="utf-8",
    )
    articles, errors = read_all(path, chunksize=chunksize)
    assert [a.text for a in articles] == ["First.", "Last."]
    assert [a.meta["row"] for a in articles] == [1, 7]  # the blank line 6 still counts
    assert [e.row for e in errors] == [2, 3, 4, 5]
    kinds = ["an array", "null", "a string", "a number"]
    for error, kind in zip(errors, kinds, strict=True):
        assert f"holds {kind}, not a JSON object" in str(error)


def test_a_truncated_csv_keeps_its_complete_rows(tmp_path):
    texts = [f'Row {i}, with "quotes"\nand lines.' for i in range(5)]
    frame = pd.DataFrame({"id": [f"00{i}" for i in range(5)], "text": texts})
    full = tmp_path / "full.csv"
    frame.to_csv(full, index=False)
    cut = tmp_path / "cut.csv"
    cut.write_bytes(full.read_bytes()[:-20])  # the last row's quoted text is cut off
    articles, errors = read_all(cut)
    assert [a.id for a in articles] == ["000", "001", "002", "003"]
    assert articles[1].text == frame.loc[1, "text"]
    [error] = errors
    assert error.row == 5 and "opens a quote that is never closed" in str(error)


def test_a_csv_row_with_too_many_cells_is_one_error(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("id,text\n1,Fine text.\n2,Broken, unquoted, text\n3,Also fine.\n", "utf-8")
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["1", "3"]
    assert errors[0].row == 2 and "has 4 cells but the header has 2" in str(errors[0])


def test_a_missing_text_column_suggests_the_column_holding_text(tmp_path):
    path = tmp_path / "nt.csv"
    pd.DataFrame({"id": ["1", "2"], "story_body": [BODY, BODY]}).to_csv(path, index=False)
    with pytest.raises(ReadError, match=r"columns=\{'story_body': 'text'\}"):
        list(read_articles(path))
    short = tmp_path / "short.csv"
    pd.DataFrame({"id": ["1"], "n": ["3"]}).to_csv(short, index=False)
    with pytest.raises(ReadError, match=r"columns=\{'<the text column>': 'text'\}"):
        list(read_articles(short))


# --- case 7: stray bytes and mixed encodings ----------------------------------------------


def test_a_stray_byte_in_utf8_stays_utf8_with_a_warning(tmp_path):
    text = "Министр иностранных дел\n\nМинистр иностранных дел России провёл переговоры. \n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("utf-8").replace(b". ", b". \xff"))
    art = read_article(path)
    assert art.meta["encoding"] == "utf-8"
    assert art.title == "Министр иностранных дел"  # not cp1251 mojibake
    assert art.text.endswith("провёл переговоры. \ufffd")
    [warning] = art.meta["warnings"]
    assert warning.startswith("1 byte(s) are not UTF-8") and "stray bytes" in warning


def test_a_latin1_utf8_mix_is_reported_as_mixed_encodings(tmp_path):
    path = tmp_path / "mix.txt"
    path.write_bytes("Café talks\n\nThe café was full.\n\n".encode() + b"The caf\xe9 was empty.\n")
    art = read_article(path)
    assert art.meta["encoding"] == "utf-8"
    assert "The café was full." in art.text and "caf\ufffd" in art.text
    assert "mixes encodings" in art.meta["warnings"][0]


def test_table_files_detect_cp1251_and_keep_utf8_rows_with_stray_bytes(tmp_path):
    russian = "Министр иностранных дел России провёл переговоры"
    cp1251 = tmp_path / "ru.csv"
    cp1251.write_bytes(f"id,text\n1,{russian}\n".encode("cp1251"))
    [art] = read_articles(cp1251)
    assert art.text == russian
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        json.dumps({"text": russian}, ensure_ascii=False).encode() + b"\n"
        + b'{"text": "caf\xe9 society"}\n'
    )  # fmt: skip
    first, second = read_articles(mixed)
    assert first.text == russian and "warnings" not in first.meta
    assert second.text == "caf\ufffd society" and "line 2" in second.meta["warnings"][0]


# --- case 14: pipes, surrogates -----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_read(tmp_path):
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReadError, match=r"article\.txt is a named pipe \(FIFO\), not a regular"):
        read_article(pipe)
    table = tmp_path / "rows.jsonl"
    os.mkfifo(table)
    articles, errors = read_all([pipe, table])
    assert articles == [] and [Path(e.path).name for e in errors] == ["article.txt", "rows.jsonl"]


def test_lone_surrogates_are_replaced_with_a_warning():
    res = framing.analyze("A bad \ud800 byte, and the regime lied.")
    assert res.article.text == "A bad \ufffd byte, and the regime lied."
    assert "lone surrogate" in res.article.meta["warnings"][0]
    assert not res.loaded_terms.empty  # the analysis went through
    meta = {"note": "kept"}
    art = Article(text="x\udc80", title="T\ud800", meta=meta)
    assert (art.text, art.title) == ("x\ufffd", "T\ufffd")
    assert meta == {"note": "kept"} and len(art.meta["warnings"]) == 2  # caller's dict untouched


# --- case 16: script text is not a title ----------------------------------------------------


def test_script_text_stays_out_of_an_html_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><h1>Minister <script>alert(2)</script> speaks</h1><p>{BODY}</p>"
        f"<p>{BODY}</p></body></html>",
        encoding="utf-8",
    )
    art = read_article(path)
    assert art.title == "Minister speaks"
    assert "alert" not in art.text


# --- cases 11, 12, 13: outputs -----------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    table = pd.DataFrame(
        {
            "quote": ['=HYPERLINK("http://x", "click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                      "\tx", "\rx", "plain", None],
            "value": ["-0.25", "+3", "1e-3", "=1", "ok", "", "-", "@"],
        }
    )  # fmt: skip
    read = pd.read_csv(io.StringIO(csv_text(table)), keep_default_na=False, dtype=str)
    assert read["quote"].tolist() == [
        "'=HYPERLINK(\"http://x\", \"click\")", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)",
        "'\tx", "'\rx", "plain", "",
    ]  # fmt: skip
    assert read["value"].tolist() == ["-0.25", "+3", "1e-3", "'=1", "ok", "", "'-", "'@"]
    plain = table.iloc[[6]]
    assert csv_text(plain) == "quote,value\nplain,'-\n"  # quoted only where needed


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_atomic_files_follow_the_umask(tmp_path, umask, expected):
    previous = os.umask(umask)
    try:
        with atomic_path(tmp_path / "out.csv") as temporary:
            temporary.write_text("a\n", encoding="utf-8")
    finally:
        os.umask(previous)
    assert mode(tmp_path / "out.csv") == expected


def test_files_written_together_are_all_or_none(tmp_path):
    names = [tmp_path / f"x.{table}.csv" for table in ("articles", "sources", "stance")]
    names[1].write_text("old\n", encoding="utf-8")
    with pytest.raises(OSError, match="No space left"), atomic_paths(names) as temporaries:
        temporaries[0].write_text("new\n", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.sources.csv"]
    assert names[1].read_text(encoding="utf-8") == "old\n"
    with atomic_paths(names) as temporaries:
        for temporary in temporaries:
            temporary.write_text("new\n", encoding="utf-8")
    assert all(p.read_text(encoding="utf-8") == "new\n" for p in names)


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def test_stale_temporaries_of_ended_processes_are_removed(tmp_path):
    stale = tmp_path / f".report.tmp-{dead_pid()}-abc"
    stale.mkdir()
    (stale / "index.html").write_text("half", encoding="utf-8")
    live = tmp_path / f"{stale_prefix('report', 'tmp-')}xyz"
    live.mkdir()
    other = tmp_path / ".notes.tmp-1-x"
    other.mkdir()
    removed = remove_stale(tmp_path, "report", tags=("tmp-",))
    assert removed == [stale]
    assert live.is_dir() and other.is_dir()
