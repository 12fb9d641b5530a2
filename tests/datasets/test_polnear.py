"""The BRAT / PolNeAR attribution reader, on small hand-made annotation files."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.datasets import read_brat_attributions, read_polnear
from framing.datasets.polnear import ATTRIBUTION_COLUMNS
from framing.errors import DatasetError

TEXT = (
    "The mayor said the bridge would reopen. “It is safe,” she added, “and tested.”\n"
    "Officials were told to wait.\n"
)


def offsets(part: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(part, start + 1)
    return start, start + len(part)


def t_line(tid: str, kind: str, *parts: str) -> str:
    spans = [offsets(p) for p in parts]
    text = " ".join(TEXT[s:e] for s, e in spans)
    return f"{tid}\t{kind} {';'.join(f'{s} {e}' for s, e in spans)}\t{text}"


ANN = "\n".join(
    [
        t_line("T1", "Source", "The mayor"),
        t_line("T2", "Cue", "said"),
        t_line("T3", "Content", "the bridge would reopen"),
        t_line("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        t_line("T5", "Source", "she"),
        t_line("T6", "Cue", "added"),
        t_line("T7", "Content", "“It is safe,”", "“and tested.”"),
        t_line("T8", "Attribution", "added"),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        t_line("T9", "Cue", "were told"),
        t_line("T10", "Content", "to wait"),
        t_line("T11", "Attribution-no-source", "were told"),
        "E3\tAttribution-no-source:T11 Cue:T9 Content:T10",
        "#1\tAnnotatorNotes T1\ta note that is not an attribution",
    ]
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    text_path = tmp_path / "article.txt"
    ann_path = tmp_path / "article_ab12.ann"
    text_path.write_text(TEXT, encoding="utf-8")
    ann_path.write_text(ANN + "\n", encoding="utf-8")
    return ann_path, text_path


def test_one_row_per_attribution_with_spans(files):
    table = read_brat_attributions(*files)
    assert list(table.columns) == list(ATTRIBUTION_COLUMNS)
    assert list(table["attribution_id"]) == ["E1", "E2", "E3"]
    first = table.iloc[0]
    assert TEXT[first["source_start"] : first["source_end"]] == "The mayor"
    assert TEXT[first["cue_start"] : first["cue_end"]] == "said"
    assert first["content_text"] == "the bridge would reopen"
    assert bool(first["has_source"])


def test_discontinuous_content_is_kept(files):
    second = read_brat_attributions(*files).iloc[1]
    assert second["content_spans"] == [offsets("“It is safe,”"), offsets("“and tested.”")]
    assert second["content_start"] == offsets("“It is safe,”")[0]
    assert second["content_end"] == offsets("“and tested.”")[1]
    assert second["content_text"] == "“It is safe,” “and tested.”"


def test_attribution_without_source(files):
    third = read_brat_attributions(*files).iloc[2]
    assert not third["has_source"]
    assert (third["source_start"], third["source_end"]) == (-1, -1)
    assert third["source_spans"] == []


def test_offsets_outside_the_text_are_reported(tmp_path: Path):
    (tmp_path / "a.txt").write_text("short", encoding="utf-8")
    (tmp_path / "a_x.ann").write_text("T1\tCue 0 50\tsaid\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"a_x\.ann, line 1: span 0-50 lies outside"):
        read_brat_attributions(tmp_path / "a_x.ann", tmp_path / "a.txt")


def test_malformed_lines_and_missing_targets_are_reported(tmp_path: Path):
    (tmp_path / "a.txt").write_text("He said so.", encoding="utf-8")
    (tmp_path / "bad.ann").write_text("T1\tCue three four\tsaid\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"bad\.ann, line 1"):
        read_brat_attributions(tmp_path / "bad.ann", tmp_path / "a.txt")
    (tmp_path / "event.ann").write_text("T1\tCue 3 7\tsaid\nE1\tAttribution:T1 Cue:T9\n")
    with pytest.raises(DatasetError, match=r"event\.ann, line 2: event E1 refers to T9"):
        read_brat_attributions(tmp_path / "event.ann", tmp_path / "a.txt")


def test_read_polnear_folder(tmp_path: Path, files):
    ann_path, text_path = files
    split = tmp_path / "corpus" / "dev"
    (split / "attributions").mkdir(parents=True)
    (split / "text").mkdir()
    (split / "attributions" / ann_path.name).write_text(ann_path.read_text(encoding="utf-8"))
    (split / "text" / text_path.name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus" / "metadata.tsv").write_text(
        "filename\tpublisher\ttitle\tpublication_date\tauthor\n"
        "article\texample-news\tBridge to reopen\t2016-09-12\tA. Writer\n",
        encoding="utf-8",
    )
    pairs = list(read_polnear(tmp_path / "corpus", split="dev"))
    assert len(pairs) == 1
    article, attributions = pairs[0]
    assert article.text == TEXT and article.id == "article_ab12"
    assert article.outlet == "example-news" and article.title == "Bridge to reopen"
    assert article.meta["annotator"] == "ab12"
    assert len(attributions) == 3


def test_read_polnear_names_a_missing_folder(tmp_path: Path):
    with pytest.raises(DatasetError, match="dev/attributions"):
        list(read_polnear(tmp_path, split="dev"))


def test_read_polnear_names_a_missing_text(tmp_path: Path, files):
    split = tmp_path / "dev" / "attributions"
    split.mkdir(parents=True)
    (split / "lonely_ab12.ann").write_text(ANN, encoding="utf-8")
    with pytest.raises(DatasetError, match=r"no text file lonely\.txt"):
        list(read_polnear(tmp_path))


def test_find_sources_recovers_the_hand_made_attributions(files):
    """The reader and the finder agree on offsets: predictions overlap the gold spans."""
    from framing.sources import find_sources
    from framing.text import segment

    gold = read_brat_attributions(*files)
    found = find_sources(segment(TEXT), article_id="a", affiliation=False)
    said = found[found["cue"] == "said"].iloc[0]
    first = gold.iloc[0]
    assert said["content_start"] < first["content_end"]
    assert first["content_start"] < said["content_end"]
    quotes = found[found["kind"] == "direct_quote"]
    assert len(quotes) == 2 and set(quotes["speaker"]) == {"The mayor"}


def test_annotated_text_running_over_lines_is_skipped(tmp_path: Path):
    text = "3.\n\nThe number of people rose, he said."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    start = text.index("The")
    ann = (
        f"T1\tContent 0 2;{start} {start + 10}\t3.\n\nThe number\n"
        f"T2\tCue {text.index('said')} {text.index('said') + 4}\tsaid\n"
        "E1\tAttribution:T2 Cue:T2 Content:T1\n"
    )
    (tmp_path / "a_x.ann").write_text(ann, encoding="utf-8")
    row = read_brat_attributions(tmp_path / "a_x.ann", tmp_path / "a.txt").iloc[0]
    assert row["content_spans"] == [(0, 2), (start, start + 10)]
    assert row["cue_text"] == "said"
