"""Sentence boundaries are Punkt's: the same spans as NLTK's PunktSentenceTokenizer given
the project's abbreviations, on hand-made shapes, the packaged texts and random text."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.sentences import abbreviations, sentence_spans

ROOT = Path(__file__).resolve().parents[2]


@cache
def punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(parameters)


def assert_as_punkt(text: str) -> None:
    assert sentence_spans(text) == list(punkt().span_tokenize(text)), text


SHAPES = [
    "He left. She stayed.",
    "Mr. Smith met Dr. Jones at 5 p.m. on Monday. They talked.",
    "The U.S. and the U.K. agreed. Talks resume.",
    "J. S. Bach wrote it. A. then left.",
    "It rose 5. and then fell. Item 3. Next.",
    "In 1999. The year after, 2000. was calm.",
    "Wait... what? Really?! Yes!!! Fine.",
    '"Why?" she asked. "Because." He shrugged.',
    "(See the report.) The minister disagreed.",
    "He said “enough.” Then he left. «Non.» Fin.",
    "She quoted the text.'s author. Odd.",
    "Line one ends here.\nLine two starts here. And ends.",
    "A sentence -- with dashes. Another -- one.",
    "Sen. Thom Tillis (R-N.C.) said so. Rep. Adam Schiff (D-Calif.) did not.",
    "e.g. this, i.e. that. Etc. and so on.",
    "ends with a number 42.",
    "   leading spaces. trailing spaces.   ",
    "",
    ".",
    "!!!",
    "No break here",
]


@pytest.mark.parametrize("text", SHAPES)
def test_each_shape_splits_as_punkt(text):
    assert_as_punkt(text)


def test_abbreviations_and_initials_do_not_break():
    text = "Mr. Smith met J. Doe. They talked."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Mr. Smith met J. Doe.",
        "They talked.",
    ]


def test_the_packaged_texts_split_as_punkt():
    from framing.text.segmentation import segment

    texts = [(ROOT / "data" / "articles" / "lavrov-military-diplomacy.txt").read_text("utf-8")]
    with (ROOT / "data" / "demo" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    for text in texts:
        for paragraph in segment(text).paragraphs:
            assert_as_punkt(text[paragraph.start : paragraph.end])


PIECES = [
    "word", "Word", "WORD", "Mr.", "etc.", "U.S.", "J.", "a.", "5.", "1999.", "3.5", "...",
    "end.", "end?", "end!", "?!", "!!", '"', "'", "”", "“", "(", ")", "[", "]", "--", "-",
    ",", ";", ":", "'s", "n't", "e.g.", "No.", "no.", "«", "»", "‘", "’", ".)", '."',
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=25),
    st.lists(st.sampled_from([" ", "", "\n", "  ", " \n "]), min_size=25, max_size=25),
)
def test_random_texts_split_as_punkt(pieces, separators):
    assert_as_punkt("".join(p + s for p, s in zip(pieces, separators, strict=False)))
