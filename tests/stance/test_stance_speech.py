"""Reported-speech stance signals (framing.stance.speech) on hand-made source rows."""

from __future__ import annotations

from collections import namedtuple

from framing.stance.speech import reported_speech, speech_by_target, speech_signals

Row = namedtuple(
    "Row", "kind speaker affiliation sentence_id content_start content_end", defaults=(0, -1, -1)
)
TEXT = "Chad is cruel, said Japan. We are kind, said Chad. Chad met Japan."


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def tone(start: int, end: int) -> float:
    return {"Chad is cruel": -0.5, "We are kind": 0.5}.get(TEXT[start:end], 0.0)


def test_each_reported_content_is_taken_once_and_mentions_are_not_speech():
    rows = [
        Row("direct_quote", "Japan", "Japan", 0, *span("Chad is cruel")),
        Row("indirect", "Japan", "Japan", 0, *span("Chad is cruel")),  # same span again
        Row("mention", "Japan", "Japan", 0),  # no content
        Row("direct_quote", "Chad", "Chad", 1, *span("We are kind")),
    ]
    speech = reported_speech(rows, tone)
    assert [(s.speaker, TEXT[s.start : s.end], s.value) for s in speech] == [
        ("Japan", "Chad is cruel", -0.5),
        ("Chad", "We are kind", 0.5),
    ]


def test_others_words_about_the_target_are_reception_its_own_are_voice_tone():
    rows = [
        Row("direct_quote", "Japan", "Japan", 0, *span("Chad is cruel")),
        Row("direct_quote", "Chad", "Chad", 1, *span("We are kind")),
    ]
    speech = reported_speech(rows, tone)
    added = []
    chad = [i for i in range(len(TEXT)) if TEXT.startswith("Chad", i)]
    values = speech_signals("Chad", speech, chad, lambda *row: added.append(row))
    assert values == {"reception": [-0.5], "voice_tone": [0.5]}
    assert [(signal, TEXT[start:end]) for signal, _, start, end, _ in added] == [
        ("reception", "Chad is cruel"),
        ("voice_tone", "We are kind"),
    ]
    # Japan is not mentioned in Chad's words: nothing is said about it.
    japan = [i for i in range(len(TEXT)) if TEXT.startswith("Japan", i)]
    assert speech_signals("Japan", speech, japan, lambda *row: None) == {
        "reception": [],
        "voice_tone": [-0.5],
    }


def test_each_target_reads_only_its_own_items_and_gets_the_same_signals():
    rows = [
        Row("direct_quote", "Japan", "Japan", 0, *span("Chad is cruel")),
        Row("direct_quote", "Chad", "Chad", 1, *span("We are kind")),
        Row("indirect", "Mali", "Mali", 2, *span("Chad met Japan")),
    ]
    speech = reported_speech(rows, tone)
    starts = {
        name: [i for i in range(len(TEXT)) if TEXT.startswith(name, i)]
        for name in ("Chad", "Japan")
    }
    own = speech_by_target(speech, starts)
    assert [TEXT[s.start : s.end] for s in own["Chad"]] == [
        "Chad is cruel", "We are kind", "Chad met Japan",
    ]  # fmt: skip
    assert [TEXT[s.start : s.end] for s in own["Japan"]] == ["Chad is cruel", "Chad met Japan"]
    assert [TEXT[s.start : s.end] for s in own["Mali"]] == ["Chad met Japan"]
    for name in ("Chad", "Japan", "Mali"):
        mentioned = starts.get(name, [])
        assert speech_signals(name, own[name], mentioned, lambda *row: None) == (
            speech_signals(name, speech, mentioned, lambda *row: None)
        )
