"""SpanSentiment gives vaderSentiment's scores exactly, for every span of a text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import SpanSentiment, segment, vader

ROOT = Path(__file__).resolve().parents[2]

# Each of VADER's rules, in sentences of our own (plus the shapes of VADER's own demo).
RULES = [
    "The plan is good.",
    "The plan is not good.",
    "The plan isn't good, and it isn't bad.",
    "The plan is very good. The plan is VERY good, the others are not.",
    "The plan is GOOD while the rest is dull!!!",
    "Is it good?? Is it bad???? Surely not?",
    "It was kind of good, sort of fine, and kinda dull.",
    "The talks were good, but the outcome was bad.",
    "Good, good and good, but good and good again, but bad.",
    "No good deed. No one was hurt. There was no hope or joy. No.",
    "It is the least bad option; at least it is not the very least good.",
    "It has never been so good, never this bad, and without doubt fine.",
    "Without a doubt, an excellent idea; without any doubt a poor one.",
    "That was the bomb, a kiss of death, bad ass, to die for, yeah right.",
    "He was hardly happy and barely alive, utterly hopeless, extremely kind.",
    "Cannot win, won't lose, rarely wrong, seldom right, despite good will.",
    "VADER IS SMART, HANDSOME, AND FUNNY.",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Copyright © 2024 Good News Ltd. All rights reserved.",
    "   ",
    "",
    "“Brutal,” he said — and then, quietly: ‘evil’.",
]


def reference(text: str) -> tuple[float, float, float, float]:
    scores = vader().polarity_scores(text)
    return scores["neg"], scores["neu"], scores["pos"], scores["compound"]


def assert_every_span_matches(text: str, spans) -> None:
    sentiment = SpanSentiment(text)
    for start, end in spans:
        assert tuple(sentiment.scores(start, end)) == reference(text[start:end]), text[start:end]


@pytest.mark.parametrize("sentence", RULES)
def test_each_rule_gives_vaders_scores(sentence):
    assert_every_span_matches(sentence, [(0, len(sentence))])
    # ... and every cut of it: spans may start or end inside a word.
    cuts = [(i, j) for i in range(0, len(sentence), 3) for j in range(i + 1, len(sentence) + 1, 4)]
    assert_every_span_matches(sentence, cuts)


def test_compound_is_the_rounded_compound():
    sentiment = SpanSentiment("A good day. A very bad night!")
    assert sentiment.compound(0, 11) == 0.4404 == vader().polarity_scores("A good day.")["compound"]
    assert sentiment.compound(12, 29) < 0


def test_the_seed_and_the_demo_corpus_match_sentence_by_sentence():
    texts = [(ROOT / "data" / "articles" / "lavrov-military-diplomacy.txt").read_text("utf-8")]
    with (ROOT / "data" / "demo" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    for text in texts:
        document = segment(text)
        spans = [(s.start, s.end) for s in document.sentences]
        spans += [(p.start, p.end) for p in document.paragraphs] + [(0, len(text))]
        assert_every_span_matches(text, spans)


WORDS = [
    "good", "bad", "not", "no", "never", "so", "this", "without", "doubt", "but", "BUT",
    "least", "at", "very", "VERY", "kind", "of", "sort", "kinda", "hardly", "extremely",
    "GOOD", "Bad", "isn't", "nor", "or", "the", "bomb", "kiss", "death", "hurt", "happy",
    "!", "?", ",", ".", "—", ":)", "love", "war", "killed", "peace", "fine", "ok",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=30),
    st.lists(st.sampled_from([" ", "  ", "\n", "", ", "]), min_size=30, max_size=30),
    st.randoms(use_true_random=False),
)
def test_random_texts_and_spans_match(words, separators, rng: random.Random):
    text = "".join(w + s for w, s in zip(words, separators, strict=False))
    spans = [(0, len(text))]
    for _ in range(5):
        start = rng.randrange(len(text) + 1)
        spans.append((start, rng.randrange(start, len(text) + 1)))
    assert_every_span_matches(text, spans)


def test_spans_outside_the_text_are_clipped():
    sentiment = SpanSentiment("A good day.")
    assert sentiment.scores(-5, 100) == sentiment.scores(0, 11)
    assert tuple(sentiment.scores(7, 3)) == (0.0, 0.0, 0.0, 0.0)
