"""Attribution cues beyond the first lexicon: negated and refused cues, topics of speech
("spoke at length about"), and verbs of telling, each with one hand-written sentence."""

from __future__ import annotations

import pytest
from attribution_helpers import said_by

# -- topics of speech -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "topic"),
    [
        (
            "The senator has spoken at length about her years in the Navy.",
            "spoken",
            "her years in the Navy",
        ),
        ("Ms. Ortiz spoke passionately about the flooded farms.", "spoke", "the flooded farms"),
        ("The bishop has spoken out about the new prison.", "spoken", "the new prison"),
    ],
)
def test_manner_words_between_cue_and_topic(text, cue, topic):
    row = said_by(text, cue)
    assert row["quote"] == topic


# -- verbs of telling -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "The governor recounted the night the dam broke.",
            "recounted",
            "The governor",
            "the night the dam broke",
        ),
        (
            "Mayor Lind recited the names of the missing.",
            "recited",
            "Lind",
            "the names of the missing",
        ),
        (
            "Ms. Ortiz assailed the budget for its cuts to schools.",
            "assailed",
            "Ortiz",
            "the budget for its cuts to schools",
        ),
    ],
)
def test_verbs_of_telling_take_their_object(text, cue, speaker, content):
    row = said_by(text, cue)
    assert row["speaker"] == speaker and row["quote"] == content


def test_went_on_with_a_colon_reports_the_quote():
    row = said_by('The coach went on: "We play for the town."', "went on")
    assert row["speaker"] == "The coach" and row["quote"] == "We play for the town."


def test_thanks_to_is_no_cue():
    from attribution_helpers import speech

    assert speech("The team won, thanks to a late goal by Ruiz.").empty
