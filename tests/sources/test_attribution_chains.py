"""Speakers of pronouns and of quotes with no cue: one hand-written sentence per shape."""

from __future__ import annotations

from attribution_helpers import said_by, speaker_span, speech


def _quote_row(text: str, opening: str):
    rows = speech(text)
    rows = rows[rows["quote"].str.startswith(opening)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_a_quote_with_no_cue_is_the_sentence_subject_s_not_the_nearer_name_s():
    row = _quote_row("Ann Lee thanked Bob Hart for “acting so fast.”", "acting")
    assert row["speaker"] == "Ann Lee"


def test_the_subject_keeps_its_own_name_when_the_verb_is_cut_off():
    text = "Smiling broadly, Ann Lee thanked Bob Hart for “acting so fast.”"
    row = _quote_row(text, "acting")
    assert row["speaker"] == "Ann Lee"
    assert speaker_span(text, row) == "Ann Lee"


def test_asked_whether_opens_the_sentence_before_its_subject():
    text = "Asked whether the church would help, Mr. Tom Reed shot back: “That would be good.”"
    assert _quote_row(text, "That would")["speaker"] == "Tom Reed"


def test_a_pronoun_subject_gives_the_quote_to_its_antecedent_with_the_pronoun_span():
    text = "Joan Bell spoke first. She then turned to the crowd with “more pay and more staff.”"
    row = _quote_row(text, "more pay")
    assert row["speaker"] == "Joan Bell"
    assert speaker_span(text, row) == "She"


def test_an_abbreviated_state_in_an_opening_phrase_is_not_the_subject():
    text = "At a rally in Aspen, Colo., the retired senator ended with “every obstacle yields.”"
    assert _quote_row(text, "every obstacle")["speaker"] == "the retired senator"


def test_a_colon_ending_a_sentence_gives_the_next_quote_to_its_subject():
    text = (
        "Senator Ruth Gale met the press. She then listed three goals:\n\n"
        "“First, the plant stays open. Second, nobody is laid off.”"
    )
    row = _quote_row(text, "First")
    assert row["speaker"] == "Ruth Gale"
    assert speaker_span(text, row) == "She"


def test_a_cue_word_after_a_past_verb_and_that_is_a_noun():
    text = "Ruth Gale vowed to act. She repeated that promise on Monday, saying the plant stays."
    rows = speech(text)
    assert "promise" not in set(rows["cue"])
    row = rows[rows["cue"] == "saying"].iloc[0]
    assert speaker_span(text, row) == "She"


def test_they_refers_back_to_a_plural_head_before_a_preposition():
    text = (
        "Officials at the ministry said the plan works. John Ward disagreed. They said it was late."
    )
    rows = speech(text)
    assert rows.iloc[-1]["speaker"] == "Officials at the ministry"


def test_the_gender_of_an_unnamed_speaker_is_its_head_s_not_a_later_noun_s():
    text = "A spokesman for the boy’s mother said the school failed. “We want answers,” he said."
    row = _quote_row(text, "We want")
    assert row["speaker"] == "A spokesman for the boy’s mother"


def test_i_in_an_interview_answer_is_the_interviewee():
    text = (
        "The singer Dana Cruz spoke to us about her album.\n\n"
        "Q: Why now?\n\n"
        "A: I think the time was right for it.\n\n"
        "Q: And next?\n\n"
        "A: I hope to tour in the spring."
    )
    rows = speech(text)
    answer = rows[rows["quote"] == "the time was right for it"].iloc[0]
    assert answer["speaker"] == "Dana Cruz"
    assert text[answer["speaker_start"] : answer["speaker_end"]] == "I"
    assert speech("I think the time was right for it.").empty  # the author: no source


def test_a_cue_after_a_quote_that_ended_its_sentence_reports_what_follows_it():
    text = (
        "Mayor Ann Cole issued a statement condemning “a cruel attack on our city.” "
        "She said she had asked the police for a full report."
    )
    assert said_by(text, "said")["quote"].startswith("she had asked the police")
    assert speech("“Is it over?” Ann Cole asked.").iloc[0]["cue"] == "asked"


def test_a_dash_signature_ends_at_its_line():
    text = (
        "Readers wrote in.\n\n"
        "“The rent is too high.” ― Carla Diaz\n"
        "“The buses are late.” ― Tom Reyes\n"
        "“The parks are lovely.” ― Ann Holt"
    )
    assert list(speech(text)["speaker"]) == ["Carla Diaz", "Tom Reyes", "Ann Holt"]


def test_a_two_word_last_name_is_the_full_name_that_ends_with_it():
    text = (
        "Rep. Debbie Wasserman Schultz left early. Wasserman Schultz said the vote was fair. "
        "“We did our job,” he said."
    )
    rows = speech(text)
    assert rows.iloc[0]["speaker"] == "Debbie Wasserman Schultz"
    assert rows.iloc[1]["speaker"] == "he"  # no man was named: unresolved, not her
