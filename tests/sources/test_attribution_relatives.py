"""Relative-pronoun speakers ("X, who said") and nouns of speech ("X's assertion that"):
one hand-written sentence for each shape."""

from __future__ import annotations

from attribution_helpers import said_by, speaker_span, speech

# -- relative pronouns ----------------------------------------------------------------------


def test_insertion_between_who_and_the_cue():
    text = "Ann Pruitt, who, like many of her neighbours, criticized the levy, stayed home."
    row = said_by(text, "criticized")
    assert row["speaker"] == "Ann Pruitt" and speaker_span(text, row) == "Ann Pruitt, who"


def test_dashes_between_which_and_the_cue():
    text = "The union, which — as its members noted — warned of strikes, met on Monday."
    row = said_by(text, "warned")
    assert speaker_span(text, row) == "The union, which"


def test_second_relative_of_a_coordinated_pair():
    text = (
        "Mayor Tom Ridley, who last year threatened to close the port, and who has "
        "argued that tolls are needed, spoke first."
    )
    row = said_by(text, "argued")
    assert row["speaker"] == "Tom Ridley" and speaker_span(text, row).endswith("and who")
    assert said_by(text, "threatened")["quote"] == "to close the port"


def test_second_verb_inside_a_relative_clause():
    text = "The councillor who lost the vote and complained about it to reporters left early."
    row = said_by(text, "complained")
    assert speaker_span(text, row) == "The councillor who"


def test_main_verb_after_a_relative_clause_keeps_the_antecedent():
    text = "An aide who asked not to be named said the talks had stalled."
    assert speaker_span(text, said_by(text, "said")) == "An aide"


def test_who_s_reads_as_who_has():
    text = "Ms. Ortiz, who's called for a recount, is waiting."
    row = said_by(text, "called for")
    assert row["speaker"] == "Ortiz" and speaker_span(text, row) == "Ms. Ortiz, who"


def test_that_before_a_cue_is_a_relative_pronoun():
    text = "Surveys that show the mayor ahead were published on Friday."
    assert speaker_span(text, said_by(text, "show")) == "Surveys that"


def test_antecedent_before_a_double_hyphen():
    text = "The audit -- which concluded that funds were misused -- was sealed."
    assert speaker_span(text, said_by(text, "concluded")) == "The audit -- which"


# -- nouns of speech ------------------------------------------------------------------------


def test_possessed_noun_with_a_day_before_its_that_clause():
    text = "The governor's claim Tuesday that the dam is safe drew scorn."
    row = said_by(text, "claim")
    assert speaker_span(text, row) == "The governor" and row["quote"].startswith("the dam is safe")


def test_possessed_noun_then_a_copula_and_its_that_clause():
    text = "Ms. Lind's contention was that the audit had been rushed."
    row = said_by(text, "contention")
    assert row["speaker"] == "Lind" and row["quote"] == "the audit had been rushed"


def test_noun_of_speech_then_from_and_its_speaker():
    text = "The mayor has faced criticism from residents that the new buses are too slow."
    row = said_by(text, "criticism")
    assert speaker_span(text, row) == "residents"
    assert row["quote"] == "the new buses are too slow"


def test_from_a_time_is_no_speaker():
    assert speech("The plan drew criticism from the start.").empty


def test_possessed_cue_verb_used_as_a_noun():
    text = "The flyer attacks Senator Joan Avery, citing her support of the pipeline."
    row = said_by(text, "support")
    assert row["speaker"] == "Joan Avery" and speaker_span(text, row) == "her"
    assert row["quote"] == "the pipeline"


def test_possessed_cue_noun_of_another_sense_is_no_speech():
    assert speech("Their shows rose to the top of the ratings.").empty


def test_hyphenated_modifier_after_a_keeps_the_cue_a_noun():
    rows = speech("Mr. Hale offered a Lincoln-style retort to the hecklers.")
    assert list(rows["cue"]) == ["offered"] and list(rows["speaker"]) == ["Hale"]


def test_her_after_a_preposition_is_an_object_before_a_verb():
    text = "People around her warn that she will run."
    assert said_by(text, "warn")["speaker"] == "People around her"


def test_subject_owns_the_noun_after_a_verb_of_no_saying():
    text = "Senator Ruth Alder has toned down her criticism of the pipeline."
    row = said_by(text, "criticism")
    assert speaker_span(text, row) == "Senator Ruth Alder" and row["quote"] == "the pipeline"


def test_a_later_participle_shares_the_subject_not_the_possessive():
    text = "She escalated her criticism on Friday, telling reporters that the bill was a fraud."
    assert speaker_span(text, said_by(text, "telling")) == "She"


def test_subject_of_another_gender_leaves_the_possessive():
    text = "Ms. Kerr has toned down his criticism of the pipeline."
    assert speaker_span(text, said_by(text, "criticism")) == "his"


def test_a_cue_between_subject_and_possessive_leaves_the_possessive():
    text = "The mayor attacked his remarks on transit."
    assert speaker_span(text, said_by(text, "remarks")) == "his"


def test_possessor_name_inside_a_prepositional_phrase():
    text = "The paper ran a check on Senator Ada Voss's claim that crime had doubled."
    row = said_by(text, "claim")
    assert row["speaker"] == "Ada Voss" and row["quote"] == "crime had doubled"


def test_adjective_between_possessive_and_cue_makes_a_noun():
    text = "Reporters doubted the mayor's earlier claim that the bridge was safe."
    row = said_by(text, "claim")
    assert speaker_span(text, row) == "the mayor" and row["quote"] == "the bridge was safe"


def test_participle_ending_a_relative_clause_takes_the_antecedent():
    text = (
        "The remarks may have hurt the former mayor, who spent much of his speech "
        "defending his record."
    )
    row = said_by(text, "defending")
    assert speaker_span(text, row) == "the former mayor, who"
    text = "Voters cheered for Rep. Ann Cole, who won the seat by denouncing the tolls."
    assert speaker_span(text, said_by(text, "denouncing")) == "Rep. Ann Cole, who"


def test_relative_after_a_prepositional_phrase_takes_the_name():
    text = (
        "The tolls will need broad support against Rep. Ann Cole, who has accused the "
        "board of lying."
    )
    row = said_by(text, "accused")
    assert row["speaker"] == "Ann Cole" and speaker_span(text, row) == "Rep. Ann Cole, who"
