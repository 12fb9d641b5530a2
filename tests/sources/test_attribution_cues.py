"""Attribution cues beyond the first lexicon: negated and refused cues, topics of speech
("spoke at length about"), and verbs of telling, each with one hand-written sentence."""

from __future__ import annotations

import pytest
from attribution_helpers import said_by, speech

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
    assert speech("The team won, thanks to a late goal by Ruiz.").empty


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "A spokesman for the port authority declined to comment.",
            "A spokesman for the port authority",
            "to comment",
        ),
        (
            "The governor declined an interview request from the Herald.",
            "The governor",
            "an interview request from the Herald",
        ),
        ("Asked about the fire, the chief declined to comment.", "the chief", "to comment"),
    ],
)
def test_declined_reports_what_was_refused(text, speaker, content):
    row = said_by(text, "declined")
    assert row["speaker"] == speaker and row["quote"] == content
    assert row["speech_act"] == "negated"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ankara refused to acknowledge the massacre.", "acknowledge", "the massacre"),
        ("Ms. Ortiz declined to comment on the audit.", "comment", "the audit"),
    ],
)
def test_a_refusal_and_the_cue_it_refuses_make_one_negated_row(text, cue, content):
    rows = speech(text)
    assert list(rows["cue"]) == [cue]
    assert rows.iloc[0]["quote"] == content and rows.iloc[0]["speech_act"] == "negated"


def test_interjection_inside_a_verb_group():
    row = said_by("The council has, so far, refused to consider the plan.", "refused")
    assert row["speaker"] == "The council" and row["quote"] == "to consider the plan"


def test_insertion_through_a_spokesman():
    row = said_by("Mr. Hale, through a spokeswoman, declined to comment.", "declined")
    assert row["speaker"] == "Hale"


@pytest.mark.parametrize(
    "text", ["Oil prices declined 3 percent on Monday.", "Ticket sales declined sharply."]
)
def test_decline_in_its_sense_of_falling_is_no_cue(text):
    assert speech(text).empty


# -- interjections between a cue and its that-clause ------------------------------------


@pytest.mark.parametrize("interjection", ["though", "however", "in fact"])
def test_interjection_before_that_clause(interjection):
    row = said_by(f"The coach added, {interjection}, that the stadium would stay.", "added")
    assert row["speaker"] == "The coach" and row["quote"] == "the stadium would stay"


def test_topic_after_an_addressee():
    row = said_by("The mayor talked with reporters on Monday about the flood.", "talked")
    assert row["speaker"] == "The mayor" and row["quote"] == "the flood"


def test_an_addressee_with_of_is_no_topic():
    assert speech("The senator spoke to members of the union.").empty


def test_not_between_a_catenative_and_its_to():
    row = said_by("The Hales have mostly chosen not to respond to his attacks.", "respond")
    assert row["speaker"] == "Hales" and row["speech_act"] == "negated"
    assert row["quote"] == "to his attacks"


def test_a_negated_verb_of_saying_leaves_a_question_open():
    row = said_by("The warden said the wing would close, but he did not say when.", "say")
    assert row["quote"] == "when" and row["speech_act"] == "negated"


def test_when_after_a_reported_say_is_a_time():
    rows = speech("She said when the storm hit the roof held.")
    assert not rows["quote"].str.startswith("when").any()


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ms. Ortiz likened the levy to a tax on bread.", "likened", "the levy to a tax on bread"),
        (
            "The senator detailed the spending of the foundation.",
            "detailed",
            "the spending of the foundation",
        ),
    ],
)
def test_more_verbs_of_telling(text, cue, content):
    assert said_by(text, cue)["quote"] == content
