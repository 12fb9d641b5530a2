"""The mention features' look-ups (own tokens, speech items per mention) against a plain
scan of every mention and every speech item: the indexes must change nothing."""

from __future__ import annotations

import framing
from framing.stance.features import DocumentFeatures, _overlaps, stance_evidence_rows
from framing.text import SpanSentiment

TEXT = (
    'Varnia said Ostrel had broken the river agreement. "Ostrel and Varnia must talk," '
    "said Anna Berg, who leads the Ostrel delegation. Critics of Varnia, according to "
    'Ostrel\'s foreign ministry, "ignore what Varnia did to the Selva". Ostrel denied it.\n\n'
    "Varnia's minister said Ostrel and Ostrel's allies were wrong, and Ostrel said nothing."
)
TARGETS = {"Varnia": ["Varnia", "Varnia's"], "Ostrel": ["Ostrel", "Ostrel's"]}


def features() -> DocumentFeatures:
    res = framing.analyze(TEXT, targets=TARGETS)
    loaded, sources = stance_evidence_rows(res.loaded_terms, res.sources)
    tone = SpanSentiment(TEXT).compound
    return DocumentFeatures(res.document, res.target_mentions, loaded, sources, tone)


def test_speech_items_per_mention_equal_a_scan_of_every_item():
    found = features()
    assert len(found.mentions) >= 8 and len(found.speech) >= 3
    # mentions that speak and mentions spoken about, both
    assert {own for items in found.speech_of for _, own in items} == {True, False}
    for index, mention in enumerate(found.mentions):
        start, end = found.tokens[mention.first].start, found.tokens[mention.last].end
        scanned = [
            (item, _overlaps(item.speaker, (start, end)))
            for item in found.speech
            if _overlaps(item.speaker, (start, end))
            or (item.content[0] <= start and end <= item.content[1])
        ]
        assert found.speech_of[index] == scanned


def test_own_tokens_are_every_mention_of_the_target_in_the_sentence():
    found = features()
    for mention in found.mentions:
        sentence = found.tokens[mention.first].sentence_id
        scanned = {
            i
            for other in found.mentions
            if other.target == mention.target and found.tokens[other.first].sentence_id == sentence
            for i in range(other.first, other.last + 1)
        }
        assert found.own_tokens[(mention.target, sentence)] == scanned
