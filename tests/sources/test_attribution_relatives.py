"""Relative-pronoun speakers ("X, who said") and nouns of speech ("X's assertion that"):
one hand-written sentence for each shape."""

from __future__ import annotations

from attribution_helpers import said_by


def _span(text: str, row) -> str:
    return text[row["speaker_start"] : row["speaker_end"]]


# -- relative pronouns ----------------------------------------------------------------------


def test_insertion_between_who_and_the_cue():
    text = "Ann Pruitt, who, like many of her neighbours, criticized the levy, stayed home."
    row = said_by(text, "criticized")
    assert row["speaker"] == "Ann Pruitt" and _span(text, row) == "Ann Pruitt, who"


def test_dashes_between_which_and_the_cue():
    text = "The union, which — as its members noted — warned of strikes, met on Monday."
    row = said_by(text, "warned")
    assert _span(text, row) == "The union, which"


def test_second_relative_of_a_coordinated_pair():
    text = (
        "Mayor Tom Ridley, who last year threatened to close the port, and who has "
        "argued that tolls are needed, spoke first."
    )
    row = said_by(text, "argued")
    assert row["speaker"] == "Tom Ridley" and _span(text, row).endswith("and who")
    assert said_by(text, "threatened")["quote"] == "to close the port"


def test_second_verb_inside_a_relative_clause():
    text = "The councillor who lost the vote and complained about it to reporters left early."
    row = said_by(text, "complained")
    assert _span(text, row) == "The councillor who"


def test_main_verb_after_a_relative_clause_keeps_the_antecedent():
    text = "An aide who asked not to be named said the talks had stalled."
    assert _span(text, said_by(text, "said")) == "An aide"


def test_who_s_reads_as_who_has():
    text = "Ms. Ortiz, who's called for a recount, is waiting."
    row = said_by(text, "called for")
    assert row["speaker"] == "Ortiz" and _span(text, row) == "Ms. Ortiz, who"


def test_that_before_a_cue_is_a_relative_pronoun():
    text = "Surveys that show the mayor ahead were published on Friday."
    assert _span(text, said_by(text, "show")) == "Surveys that"


def test_antecedent_before_a_double_hyphen():
    text = "The audit -- which concluded that funds were misused -- was sealed."
    assert _span(text, said_by(text, "concluded")) == "The audit -- which"
