"""Attribution shapes measured on news text beyond the first pattern list: one hand-written
sentence (or two) for each rule."""

from __future__ import annotations

from attribution_helpers import said_by, sources, speaker_span, speech

# -- quotation marks ----------------------------------------------------------------------


def test_doubled_apostrophes_quote_then_appositive_speaker():
    text = "''The levy is a mistake,'' Ruth Adler, an economist at the institute, said of the plan."
    row = said_by(text, "said")
    assert row["kind"] == "direct_quote"
    assert row["speaker"] == "Ruth Adler"
    assert row["quote"] == "The levy is a mistake,"


def test_doubled_apostrophes_quote_then_name_and_age():
    text = "''I have never been censored,'' Mr. Hollis, 71, told me. ''Not once.''"
    rows = speech(text)
    assert list(rows["speaker"]) == ["Hollis", "Hollis"]
    assert list(rows["quote"]) == ["I have never been censored,", "Not once."]


# -- participles and the subjects they share ----------------------------------------------


def test_bare_participle_after_an_object_shares_the_clause_subject():
    row = said_by(
        "Ms. Vega fired off a string of posts late Sunday saying the count was rigged.", "saying"
    )
    assert row["speaker"] == "Vega" and row["quote"] == "the count was rigged"


def test_participle_after_a_comma_skips_a_possessed_noun():
    row = said_by("Tom Berg stood by his angry tweets, saying they were jokes.", "saying")
    assert row["speaker"] == "Tom Berg"


def test_dateline_is_not_the_subject():
    row = said_by(
        "MADRID (AP) — Spanish officials met on Friday, offering help to the region.", "offering"
    )
    assert row["speaker"] == "Spanish officials"


def test_sentence_opening_participle_is_skipped_to_find_the_subject():
    text = "Stung by the defeat, Governor Alan Reyes spoke briefly, promising a recount."
    assert said_by(text, "promising")["speaker"] == "Alan Reyes"


# -- "according to" ------------------------------------------------------------------------


def test_according_to_a_source_that_runs_on_before_its_comma():
    text = "According to the clerk on duty that evening, the ballots were never counted."
    row = said_by(text, "According to")
    assert row["speaker"].startswith("the clerk")
    assert row["quote"] == "the ballots were never counted"


def test_a_cue_word_after_a_preposition_is_a_noun():
    text = "According to the sergeant in charge, nobody was hurt."
    assert list(speech(text)["cue"]) == ["According to"]


def test_according_to_after_an_opening_conjunction():
    row = said_by("But, according to the survey, most farmers remain undecided.", "according to")
    assert row["speaker"] == "the survey" and row["quote"] == "most farmers remain undecided"


def test_early_returns_are_a_source():
    row = said_by("The mayor held her seat, according to early returns.", "according to")
    assert row["speaker"] == "early returns"


# -- parenthetical cues and what they report -----------------------------------------------


def test_parenthetical_cue_after_a_subject_reports_the_rest():
    row = said_by("This route, she says, is now much faster.", "says")
    assert row["kind"] == "indirect" and row["quote"] == "is now much faster"


def test_parenthetical_cue_after_an_adverbial_reports_the_clause_after():
    row = said_by("In any case, Mr. Ivo Marsh said, the mill was losing money.", "said")
    assert row["speaker"] == "Ivo Marsh" and row["quote"] == "the mill was losing money"


def test_time_adverbial_between_cue_and_content():
    row = said_by("Ms. Ada Kerr said Thursday she would leave the board.", "said")
    assert row["kind"] == "indirect" and row["quote"] == "she would leave the board"
    row = said_by("The warden said last week the wing was closed.", "said")
    assert row["quote"] == "the wing was closed"


# -- speaker phrases ----------------------------------------------------------------------


def test_a_quantity_heads_the_speaker_phrase():
    assert said_by("Seven in 10 say the roads are worse.", "say")["speaker"] == "Seven in 10"
    assert said_by("Most of them said they would return.", "said")["speaker"] == "Most of them"


def test_dash_bracketed_insertion_between_speaker_and_cue():
    row = said_by("Voters in two towns — Alder and Brook — said the bridge mattered most.", "said")
    assert row["speaker"] == "Voters in two towns"
    row = said_by("Okafor -- author of a book on the race -- said the poll was wrong.", "said")
    assert row["speaker"] == "Okafor"


def test_focus_word_before_a_speaker_with_an_appositive():
    row = said_by("Even Ms. Rhee, a loyal ally, said the bill went too far.", "said")
    assert row["speaker"] == "Rhee" and row["quote"] == "the bill went too far"


# -- topics of speech ---------------------------------------------------------------------


def test_a_cue_with_only_a_topic_reports_the_topic():
    row = said_by("The coach complained about the referees in the second half.", "complained")
    assert row["kind"] == "indirect" and row["quote"] == "the referees in the second half"


def test_verbs_of_speaking_with_a_topic():
    assert (
        said_by("She spoke of her years in the mines.", "spoke")["quote"]
        == "her years in the mines"
    )
    assert said_by("He talked about wages for an hour.", "talked")["quote"] == "wages for an hour"
    assert (
        said_by("The aide pointed to the new figures.", "pointed to")["quote"] == "the new figures"
    )


def test_declined_to_comment_on_is_negated_speech_with_a_topic():
    row = said_by("A spokeswoman declined to comment on the audit.", "comment")
    assert row["speech_act"] == "negated" and row["quote"] == "the audit"


def test_a_time_after_the_cue_is_no_topic():
    rows = speech("The governor spoke on Monday.")
    assert rows.empty


def test_participle_after_while_shares_the_subject():
    row = said_by(
        'Striking nurses marched past the hospital while chanting, "Fair pay now."', "chanting"
    )
    assert row["speaker"] == "Striking nurses"


def test_a_number_after_of_belongs_to_the_speaker_phrase():
    row = said_by(
        'Pressed on the cost, the 41-year-old father of two replied, "It pays off."', "replied"
    )
    assert row["speaker"] == "the 41-year-old father of two"


def test_dateline_with_two_hyphens():
    row = said_by(
        "LIMA -- Mayor Rosa Quispe, opening the bridge, said it would cut delays.", "said"
    )
    assert row["speaker"] == "Rosa Quispe"


# -- relative clauses ---------------------------------------------------------------------


def test_who_then_two_verbs_goes_to_the_antecedent():
    text = "The plan won over Mayor Ines Duarte, who came out and endorsed the levy."
    assert said_by(text, "endorsed")["speaker"] == "Ines Duarte"


def test_those_who_said():
    row = said_by("Those who said they cared about cost backed the mayor.", "said")
    assert row["speaker"] == "Those"


def test_time_phrase_inside_the_verb_group():
    assert said_by("She has at times argued that the law was weak.", "argued")["speaker"] == "she"
    row = said_by(
        "Marsh, who has in the past described the plan as a scam, voted yes.", "described"
    )
    assert row["speaker"] == "Marsh"


# -- names and participles next to quotes ---------------------------------------------------


def test_surname_that_is_a_role_word_after_an_initial():
    row = said_by("“We are done,” Senator Ruth K. Bishop, Democrat of Ohio, said.", "said")
    assert row["speaker"] == "Ruth K. Bishop"


def test_name_ending_in_jr_before_an_appositive():
    row = said_by("“We are done,” Carl T. Ames Jr., the county clerk, said on Friday.", "said")
    assert row["speaker"].startswith("Carl T. Ames Jr")


def test_participle_after_a_closing_quote_keeps_the_speaker_and_its_own_content():
    text = "Ms. Ortiz called the plan “a disaster,” adding that the council would vote again."
    row = said_by(text, "adding")
    assert row["speaker"] == "Ortiz" and row["quote"] == "the council would vote again"


def test_possessed_noun_of_speech_with_a_topic():
    row = said_by("Senator Ann Voss's criticism of the budget was sharp.", "criticism")
    assert row["speaker"] == "Ann Voss" and row["quote"] == "the budget"


def test_quote_with_a_straight_opening_and_a_curly_closing_mark():
    text = (
        'The chief said it would take "several days” before the bridge reopened. '
        "“It is safe,” she said."
    )
    rows = speech(text)
    assert list(rows["quote"])[-1] == "It is safe,"
    quoted = rows[rows["kind"] == "direct_quote"]
    assert "several days" in list(quoted["quote"])


def test_quote_with_a_curly_opening_and_a_straight_closing_mark():
    text = '“The deal is off," Mr. Hale said, adding that talks had "collapsed."'
    rows = speech(text)
    first = rows.iloc[0]
    assert first["quote"] == "The deal is off," and first["speaker"] == "Hale"
    assert set(rows.loc[rows["cue"] == "adding", "speaker"]) == {"Hale"}


def test_many_of_whom_say():
    row = said_by("The ruling angered the farmers, many of whom say the dam is useless.", "say")
    assert row["speaker"] == "many of whom" and row["quote"] == "the dam is useless"


def test_speaker_with_coordinated_prepositional_phrases():
    text = "Teachers in Leeds and across the north say the exams are too hard."
    assert said_by(text, "say")["speaker"] == "Teachers in Leeds and across the north"


def test_those_close_to_him_say():
    row = said_by("Those close to her say that she will not run again.", "say")
    assert row["speaker"] == "Those close to her"


def test_as_opens_a_parenthetical_with_an_insertion():
    text = "As several lawyers, including Ms. Grant, have pointed out, the rule is new."
    row = said_by(text, "pointed out")
    assert row["speaker"] == "several lawyers" and row["quote"] == "the rule is new"


def test_colon_closing_a_paragraph_introduces_the_next_one():
    text = "The minister added:\n\nWe will not pay. Not now, not ever."
    row = said_by(text, "added")
    assert row["speaker"] == "The minister" and row["quote"].startswith("We will not pay")


def test_passive_agent_stops_before_what_the_speech_was_for():
    row = said_by("Trump was attacked by Hillary Clinton for his remarks on Monday.", "attacked")
    assert row["speaker"] == "Hillary Clinton" and row["quote"] == "Trump"
    row = said_by("The plan was criticized by union leaders as reckless.", "criticized")
    assert row["speaker"] == "union leaders" and row["quote"] == "The plan"
    row = said_by("The bill was criticized by a spokesman for the campaign.", "criticized")
    assert row["speaker"] == "a spokesman for the campaign"


def test_passive_with_an_agent_that_is_no_source_gives_no_row():
    assert speech("He was attacked by a dog near his home.").empty


# -- the subject a participle shares --------------------------------------------------------


def test_participle_after_a_place_with_commas_shares_the_sentence_subject():
    text = "By Sunday she had canceled a rally in Green Bay, Wis., citing the attack."
    row = said_by(text, "citing")
    assert row["speaker"] == "she" and row["quote"] == "the attack"


def test_opening_participle_with_a_place_takes_the_main_clause_subject():
    text = (
        "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, "
        "calling him a stiff."
    )
    row = said_by(text, "calling")
    assert row["speaker"] == "Trump"
    assert speaker_span(text, row) == "Trump"
    # "Speaking at ..." says where Trump spoke, not what: no row of its own
    assert "Speaking" not in set(speech(text)["cue"])
    row = said_by("Speaking about the audit, Smith said it was routine.", "Speaking")
    assert row["speaker"] == "Smith" and row["quote"] == "about the audit"


def test_linking_word_and_time_opening_before_the_subject():
    text = "But a few days later, Trump reversed himself again, telling CBS that the laws are set."
    assert said_by(text, "telling")["speaker"] == "Trump"
    text = (
        "Two weeks after Justice Scalia died, Justice Clarence Thomas broke his silence "
        "by asking questions."
    )
    assert said_by(text, "asking")["speaker"] == "Clarence Thomas"


def test_participle_whose_sentence_subject_cannot_speak_takes_the_nearest_that_can():
    text = (
        "The dispute erupted two months after the senator entered the race with harsh words "
        "about immigrants, calling them criminals."
    )
    assert said_by(text, "calling")["speaker"] == "the senator"
    text = text.replace("the senator", "the tycoon")
    assert speech(text).empty  # no subject that can speak: unresolved, not a wrong speaker


# -- parenthetical cues ----------------------------------------------------------------------


def test_weak_cue_between_commas_reports_the_clause_around_it():
    row = said_by("The bill, he added, would cost billions.", "added")
    assert row["speaker"] == "he" and row["quote"] == "would cost billions"
    assert speech("The firm added 300 jobs last year.").empty  # "added" alone is no speech


def test_quote_after_a_parenthetical_cue_is_the_cue_speaker_s():
    text = (
        "Proposals from the front-runner, Hillary Clinton, to raise taxes, he said, "
        "amount to ''just tinkering around the edges.''"
    )
    rows = speech(text)
    quote = rows[rows["kind"] == "direct_quote"].iloc[0]
    assert quote["speaker"] == "he" and quote["quote"] == "just tinkering around the edges."


def test_parenthetical_cue_after_an_adverbial_reports_the_rest():
    text = "In the long run, many economists say, this effect could ripple through the system."
    row = said_by(text, "say")
    assert row["speaker"] == "many economists"
    assert row["quote"] == "this effect could ripple through the system"


def test_parenthetical_cue_whose_rest_holds_another_cue():
    row = said_by("Still, he said, officials have to decide who gets scrutiny.", "said")
    assert row["quote"] == "officials have to decide who gets scrutiny"


# -- Title Case headlines ---------------------------------------------------------------------


def test_title_case_headline_verb_ends_the_name_before_it():
    row = said_by("Chris Christie Says He Would Issue A Quarantine Over Zika Virus", "Says")
    assert row["speaker"] == "Chris Christie"
    assert row["quote"] == "He Would Issue A Quarantine Over Zika Virus"
    row = said_by("The Worst Idea Ever, Trevor Noah Says.", "Says")
    assert row["speaker"] == "Trevor Noah" and row["quote"] == "The Worst Idea Ever"


def test_second_headline_verb_shares_the_first_subject():
    rows = speech("Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling.’")
    assert set(rows["speaker"]) == {"Clinton"}


def test_capitalised_says_in_running_text_is_left_alone():
    # not a headline: a name that holds "Says" stays whole
    assert speech("The band Simon Says played in Boston on Friday night.").empty


# -- words that look like cues ----------------------------------------------------------------


def test_cue_noun_after_a_light_verb_is_no_verb():
    rows = speech("The report could raise new questions about the deal.")
    assert list(rows["cue"]) == ["raise"]  # "questions" is raise's object, not a verb


def test_only_a_verb_of_saying_takes_an_inverted_subject():
    assert speech("If you live in California, feel free to vote your conscience.").empty
    assert said_by("The plan is dead, said Smith.", "said")["speaker"] == "Smith"


def test_a_role_after_a_possessive_is_the_speaker_not_the_possessive():
    assert said_by("Their leaders support the plan.", "support")["speaker"] == "Their leaders"


# -- names ------------------------------------------------------------------------------------


def test_a_first_name_that_is_a_clause_word_starts_a_name():
    row = said_by('"It is expensive," said Will Doyle, a professor.', "said")
    assert row["speaker"] == "Will Doyle"


def test_weak_cue_after_a_quote_takes_an_inverted_subject():
    assert said_by('"Voters are tired," added a Democrat.', "added")["speaker"] == "Democrat"


def test_possessed_role_with_a_name_between_commas_gives_the_name():
    text = "Ms. Merkel's spokesman, Steffen Seibert, wrote on Twitter that it was sad."
    assert said_by(text, "wrote")["speaker"] == "Steffen Seibert"
    row = said_by("Ms. Merkel's spokesman said it was sad.", "said")
    assert row["speaker"] == "Ms. Merkel's spokesman"


def test_and_between_two_clauses_does_not_join_their_names():
    row = said_by("They met in Paris and John Smith said it was over.", "said")
    assert row["speaker"] == "John Smith"
    row = said_by("Both Clinton and Sanders said it was over.", "said")
    assert row["speaker"] == "Clinton and Sanders"


def test_frequency_and_degree_words_before_a_cue_are_no_speaker():
    text = "The American Legion has twice complained to officials about the emblem."
    assert said_by(text, "complained")["speaker"] == "American Legion"
    text = "Clinton, while tired of the headlines, was more eager to talk about Trump."
    assert said_by(text, "talk")["speaker"] == "Clinton"


def test_opening_asked_is_said_by_its_agent_not_by_who_was_asked():
    row = said_by("Asked about the audit, Smith said it was routine.", "Asked")
    assert row["speaker"] == "" and row["quote"] == "about the audit"
    row = said_by("Asked by Thrush if Clinton gets race, Sharpton answered that she did.", "Asked")
    assert row["speaker"] == "Thrush" and row["quote"] == "if Clinton gets race"


def test_a_topic_needs_a_subject_that_can_speak():
    rows = speech("He opposed mass migration and donor-driven attacks on voters.")
    assert "attacks" not in set(rows["cue"])
    row = said_by("Residents complained about the heat.", "complained")
    assert row["speaker"] == "Residents" and row["quote"] == "the heat"


def test_a_quoted_title_outside_a_headline_is_no_speech():
    rows = sources(
        "Trump sat for an interview on Mr. King's show, ''Politicking.'' Democrats were uneasy."
    )
    assert list(rows["kind"]) == ["scare_quote"]
    rows = sources('He signed the "Contract with America" at a rally in Iowa.')
    assert list(rows["kind"]) == ["scare_quote"]


def test_a_plural_subject_s_headline_verb_ends_its_name():
    row = said_by("Democrats Say Trump Is Unfit For Office", "Say")
    assert row["speaker"] == "Democrats" and row["quote"] == "Trump Is Unfit For Office"


def test_raise_and_suppose_are_cues_only_for_speech():
    assert speech("The groups raised more than $3 million from donors.").empty
    assert said_by("The report raised new questions about the deal.", "raised")["speaker"]
    assert speech("The war was supposed to be over.").empty


def test_find_reports_only_with_a_that_clause():
    assert speech("Young voters often cannot find jobs that pay well.").empty
    row = said_by("The study found that young voters earn less.", "found")
    assert row["quote"] == "young voters earn less"


def test_terms_of_an_interview_are_no_topic():
    text = "One employee, speaking on condition of anonymity, described the office."
    assert "speaking" not in set(speech(text)["cue"])
    assert said_by("She spoke on trade and jobs.", "spoke")["quote"] == "trade and jobs"
