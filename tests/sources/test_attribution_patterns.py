"""One hand-written sentence for each attribution pattern found wrong on real news pages."""

from __future__ import annotations

import pytest
from attribution_helpers import said_by, sources, speech

from framing.schema import SPEECH_ACTS
from framing.sources import source_summary
from framing.text import segment

# -- pronoun and quote chains -------------------------------------------------------------


def test_she_goes_to_the_woman_introduced_with_was_not_to_the_doctor_who_spoke():
    text = (
        "Dr. Omar Khalil said the ward was full. "
        "Nesma Hajjaj was brought in on Tuesday with burns. "
        "“I am from Gaza City,” she said."
    )
    quote = speech(text).iloc[-1]
    assert quote["quote"].startswith("I am from Gaza City")
    assert quote["speaker"] == "Nesma Hajjaj"


def test_he_skips_a_woman_who_spoke_last():
    text = (
        "Senator Tom Hale is running again. Mary Jones, a critic, said the plan was a copy. "
        "“You can just take the description and copy it,” he said."
    )
    assert speech(text).iloc[-1]["speaker"] == "Tom Hale"


def test_a_pronoun_no_candidate_fits_stays_unresolved():
    text = "Mr. Paul Reed said the union would strike. She did not respond to questions."
    row = said_by(text, "respond")
    assert row["speaker"] == "she"  # not Paul Reed
    assert row["speech_act"] == "negated"


def test_first_names_give_gender():
    text = (
        "Della Moore said the vote was close. Kevin Park said it was not. "
        "She said the count would go on."
    )
    assert speech(text).iloc[-1]["speaker"] == "Della Moore"


def test_a_quote_paragraph_continues_the_speaker_only_when_nobody_intervenes():
    continued = "“We will strike,” said Ann Lee.\n\n“And we will win.”"
    assert list(speech(continued)["speaker"]) == ["Ann Lee", "Ann Lee"]
    interrupted = (
        "“We will strike,” said Ann Lee. A spokesman for the employers, Tom Hart, "
        "said the offer stood.\n\n“There is nothing more to give.”"
    )
    assert speech(interrupted).iloc[-1]["speaker"] != "Ann Lee"


# -- speaker phrases ----------------------------------------------------------------------


def test_appositive_keeps_name_and_role():
    row = said_by("Chi Onwurah, the Labour MP for Newcastle Central, said the plan failed.", "said")
    assert row["speaker"] == "Chi Onwurah"
    assert row["role"] == "the Labour MP for Newcastle Central"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Staff on short-term contracts said the cuts were unfair.",
            "Staff on short-term contracts",
        ),
        (
            "Prosecutors in the county of Los Angeles said the case was closed.",
            "Prosecutors in the county of Los Angeles",
        ),
        (
            "The University and College Union said the strike would go on.",
            "University and College Union",
        ),
        ("Snopes.com writer Dan Evon said the photo was fake.", "Dan Evon"),
    ],
)
def test_speaker_phrases_stay_whole(text, speaker):
    assert said_by(text, "said")["speaker"] == speaker


def test_speaker_and_content_are_not_swapped():
    row = said_by(
        "Roxanne Delgado, founder of a small group, said Velázquez’s reversal hurt her chances.",
        "said",
    )
    assert row["speaker"] == "Roxanne Delgado"
    assert row["quote"] == "Velázquez’s reversal hurt her chances"


def test_a_clause_after_said_is_content_not_an_inverted_subject():
    row = said_by("Rep. Ann Meeks, chair of the caucus, said members will help him.", "said")
    assert row["speaker"] == "Ann Meeks" and row["quote"] == "members will help him"


def test_contractions_are_not_speakers():
    row = said_by("The mayors haven't endorsed the plan.", "endorsed")
    assert row["speaker"] == "The mayors" and row["speech_act"] == "negated"


def test_a_name_after_a_role_is_the_speaker():
    row = said_by("A lawyer for the family, Ben Crump, said the police had lied.", "said")
    assert row["speaker"] == "Ben Crump" and row["speaker_type"] == "person"
    assert row["role"] == "A lawyer for the family"


def test_a_relative_pronoun_is_the_speaker_span():
    text = "The plan is dead, said Mr. Kamin, who stressed that taxes would rise."
    row = said_by(text, "stressed")
    assert row["speaker"] == "Kamin"
    assert text[row["speaker_start"] : row["speaker_end"]] == "Mr. Kamin, who"


def test_honorific_and_role_word_make_a_name():
    row = speech("“They pay us well,” Mr. King said.").iloc[0]
    assert row["speaker"] == "King" and row["speaker_type"] == "person"


# -- nouns and participles are not cues --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Staff writer David Emery found the claim false.",
        "Unemployment claims were up sharply last week.",
        "Patients admitted to the hospital were treated.",
        "He joined a conference call on Monday.",
        "The ruling was a blow to the mayor.",
        "The reports were wrong about the date.",
    ],
)
def test_nouns_and_participles_are_not_cues(text):
    cues = set(speech(text)["cue"])
    assert not cues & {"writer", "claims", "admitted", "call", "ruling", "reports"}, cues


# -- speech acts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "act"),
    [
        ("The firm refused to acknowledge that it had erred.", "acknowledge", "negated"),
        ("Uber might have suggested that prices rise.", "suggested", "hypothetical"),
        ("The minister is expected to announce that taxes will rise.", "announce", "hypothetical"),
        ("The minister did not say that taxes would rise.", "say", "negated"),
        ("The minister said that taxes would rise.", "said", "reported"),
    ],
)
def test_speech_act(text, cue, act):
    row = said_by(text, cue)
    assert row["speech_act"] == act and act in SPEECH_ACTS


def test_summary_counts_only_reported_speech():
    text = "John Smith did not say that the plan failed. Jane Doe said that it worked."
    table = sources(text)
    assert set(table["speech_act"]) == {"negated", "reported"}
    summary = source_summary(table, segment(text).n_words)
    assert summary["n_indirect"] == 1 and summary["n_sources"] == 1


# -- shapes that were missed --------------------------------------------------------------


def test_officials_divulged():
    row = said_by("Officials divulged that the plan had changed.", "divulged")
    assert row["speaker"] == "Officials" and row["quote"] == "the plan had changed"


def test_it_is_understood():
    row = said_by("It is understood that the minister will resign.", "understood")
    assert row["speaker"] == "" and row["quote"] == "the minister will resign"


def test_according_to_a_first_name():
    row = said_by("The plan will fail, according to Della.", "according to")
    assert row["speaker"] == "Della" and row["quote"] == "The plan will fail"


def test_argued_that():
    row = said_by("Critics have long argued that the tax is unfair.", "argued")
    assert row["speaker"] == "Critics" and row["quote"] == "the tax is unfair"


def test_party_state_tag_does_not_split_the_sentence():
    text = "The deal is off, according to Sen. Jo Tate (R-N.C.) and people who know her."
    assert len(segment(text).sentences) == 1
    row = said_by(text, "according to")
    assert row["quote"] == "The deal is off"


def test_a_word_inside_a_name_is_not_the_speaker():
    row = said_by("Spanish-speaking suspects at the border announced plans to appeal.", "announced")
    assert row["speaker"] == "Spanish-speaking suspects at the border"


def test_headline_and_transcript_colons():
    text = (
        "Pat Caddell: Democrat Voters Are Worried About Her Health\n\n"
        '"WALLACE: Let us start with the debate.\n\n"PENCE: Well, look, it is serious.'
    )
    rows = speech(text)
    assert list(rows["speaker"]) == ["Pat Caddell", "WALLACE", "PENCE"]
    assert rows.iloc[2]["quote"].startswith("Well, look")


def test_sentence_opening_participle_takes_the_main_subject():
    row = said_by("Citing a new report, the mayor said the city was safe.", "Citing")
    assert row["speaker"] == "the mayor" and row["quote"] == "a new report"


def test_agentless_passive_is_reported_without_a_speaker():
    row = said_by("The banker was accused of hiding the losses.", "accused")
    assert row["speaker"] == "" and row["quote"] == "of hiding the losses"
