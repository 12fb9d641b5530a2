"""``except framing.FramingError`` catches every error raised on bad input, each a sentence
that names the input."""

from __future__ import annotations

import pytest

import framing
from framing.datasets import read_babe, read_basil, read_polnear, read_ptc


def test_bad_article_files_raise_read_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for path in (tmp_path / "missing.txt", empty):
        with pytest.raises(framing.FramingError, match=path.name) as caught:
            framing.read_article(path)
        assert isinstance(caught.value, framing.ReadError)


def test_bad_lexicons_and_gazetteers_raise_their_errors(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category\nslur,\n", encoding="utf-8")
    with pytest.raises(framing.FramingError, match=r"mine\.csv.*line 2") as caught:
        framing.Lexicon.from_csv(lexicon)
    assert isinstance(caught.value, framing.LexiconError)
    gazetteer = tmp_path / "targets.csv"
    gazetteer.write_text("target,alias,type\nAcme,Acme,planet\n", encoding="utf-8")
    with pytest.raises(framing.FramingError, match=r"targets\.csv") as caught:
        framing.Gazetteer.from_csv(gazetteer)
    assert isinstance(caught.value, framing.GazetteerError)


def test_a_folder_that_is_no_corpus_store_raises_a_store_error(tmp_path):
    with pytest.raises(framing.FramingError, match="no framing corpus analysis") as caught:
        framing.CorpusAnalysis.read(tmp_path)
    assert isinstance(caught.value, framing.StoreError)
    (tmp_path / "mine.txt").write_text("my notes")
    with pytest.raises(framing.StoreError, match="choose a new or empty folder"):
        framing.analyze_corpus([framing.Article(text="One sentence.")], out=tmp_path,
                               progress=False)  # fmt: skip


def test_a_duplicate_id_is_recorded_as_a_framing_error():
    articles = [framing.Article(text="One.", id="a"), framing.Article(text="Two.", id="a")]
    corpus = framing.analyze_corpus(articles, progress=False, n_jobs=1)
    assert corpus.errors["error"].tolist() == ["DuplicateIdError"]


@pytest.mark.parametrize("reader", [read_babe, read_basil, read_polnear, read_ptc])
def test_research_corpora_in_the_wrong_place_raise_framing_errors(reader, tmp_path):
    with pytest.raises(framing.FramingError, match=str(tmp_path)) as caught:
        result = reader(tmp_path / "nowhere")
        list(result) if not hasattr(result, "columns") else result  # readers that iterate
    assert isinstance(caught.value, framing.DatasetError)
