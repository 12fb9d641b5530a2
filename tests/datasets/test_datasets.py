"""Readers of research corpora: PTC articles with their span labels, BABE sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.datasets import read_babe, read_ptc
from framing.errors import DatasetError

# Raw text with Windows line ends: offsets count every character of the file as stored.
PTC_TEXT = "Regime lies again\r\n\r\nThe corrupt regime lied, critics said.\r\n"


def ptc_folder(tmp_path: Path, *, split: bool = True) -> Path:
    articles = tmp_path / "articles" if split else tmp_path
    labels = tmp_path / "labels" if split else tmp_path
    articles.mkdir(exist_ok=True)
    labels.mkdir(exist_ok=True)
    (articles / "article111.txt").write_bytes(PTC_TEXT.encode("utf-8"))
    (articles / "article222.txt").write_bytes(b"No labels here.\n")
    start = PTC_TEXT.index("corrupt regime")
    lied = PTC_TEXT.index("lied")
    (labels / "article111.task2-TC.labels").write_text(
        f"111\tLoaded_Language\t{start}\t{start + 14}\n"
        f"111\tName_Calling,Labeling\t{start + 8}\t{start + 14}\n"
        f"111\tLoaded_Language\t{lied}\t{lied + 4}\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize("split", [True, False])
def test_ptc_articles_keep_raw_text_and_offsets(tmp_path, split):
    pairs = list(read_ptc(ptc_folder(tmp_path, split=split)))
    assert [article.id for article, _ in pairs] == ["111", "222"]
    article, labels = pairs[0]
    assert article.text == PTC_TEXT  # not cleaned, "\r\n" kept
    assert article.title == "Regime lies again"
    assert article.meta["corpus"] == "ptc" and article.meta["source_path"].endswith("111.txt")
    assert list(labels.columns) == ["article_id", "technique", "start", "end", "text"]
    assert list(labels["text"]) == ["corrupt regime", "regime", "lied"]
    for row in labels.itertuples():
        assert article.text[row.start : row.end] == row.text
    assert labels["technique"].tolist()[1] == "Name_Calling,Labeling"
    assert pairs[1][1].empty and list(pairs[1][1].columns) == list(labels.columns)


def test_ptc_span_identification_labels_have_no_technique(tmp_path):
    (tmp_path / "article7.txt").write_text("Evil plan.", encoding="utf-8")
    (tmp_path / "article7.task1-SI.labels").write_text("7\t0\t4\n", encoding="utf-8")
    ((_, labels),) = read_ptc(tmp_path)
    assert labels.loc[0, "technique"] is None and labels.loc[0, "text"] == "Evil"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("111\tLoaded_Language\t5\t999\n", "line 1 spans 5-999, outside"),
        ("111\tLoaded_Language\tfive\t9\n", "line 1 has offsets 'five'"),
        ("111\t5\n", "line 1 has 2 tab-separated fields"),
        ("999\tLoaded_Language\t0\t4\n", "labels article '999', not '111'"),
    ],
)
def test_ptc_bad_labels_name_the_file_and_line(tmp_path, line, message):
    folder = ptc_folder(tmp_path)
    (folder / "labels" / "article111.task2-TC.labels").write_text(line, encoding="utf-8")
    with pytest.raises(DatasetError, match=message) as error:
        list(read_ptc(folder))
    assert "article111.task2-TC.labels" in str(error.value)


def test_ptc_folder_without_articles(tmp_path):
    with pytest.raises(DatasetError, match="holds no PTC articles"):
        list(read_ptc(tmp_path))


BABE = (
    "\ufefftext;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    '"The ""radical"" plan failed.";https://example.org/a;Daily A;economy;left;Biased;'
    "Expresses writer's opinion;['radical', 'failed']\n"
    "Rates rose by 1%.;https://example.org/b;Daily B;economy;right;Non-biased;"
    "Entirely factual;[]\n"
)


def test_babe_reads_semicolon_csv_with_word_lists(tmp_path):
    path = tmp_path / "final_labels_SG2.csv"
    path.write_text(BABE, encoding="utf-8")
    frame = read_babe(path)
    assert list(frame.columns) == [
        "id",
        "text",
        "url",
        "outlet",
        "topic",
        "type",
        "label_bias",
        "label_opinion",
        "biased_words",
    ]
    assert frame.loc[0, "text"] == 'The "radical" plan failed.'
    assert frame.loc[0, "biased_words"] == ["radical", "failed"]
    assert frame.loc[1, "biased_words"] == []
    assert frame.loc[0, "url"] == "https://example.org/a"
    assert frame["id"].is_unique and frame["id"].equals(read_babe(path)["id"])


def test_babe_sentences_go_straight_into_a_corpus_run(tmp_path):
    from framing.corpus import analyze_corpus, compare

    path = tmp_path / "babe.csv"
    path.write_text(BABE, encoding="utf-8")
    corpus = analyze_corpus(read_babe(path), n_jobs=1, progress=False)
    assert list(corpus.articles["type"]) == ["left", "right"]
    assert list(corpus.articles["label_bias"]) == ["Biased", "Non-biased"]
    assert compare(corpus, by="type").groups == ["left", "right"]


def test_babe_errors_name_the_file_and_row(tmp_path):
    path = tmp_path / "babe.csv"
    path.write_text(BABE.replace("['radical', 'failed']", "[radical"), encoding="utf-8")
    with pytest.raises(DatasetError, match="data row 1: biased_words"):
        read_babe(path)
    path.write_text("text;outlet\nA sentence.;X\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="lacks the BABE columns news_link"):
        read_babe(path)
