"""Loaded-term rows and frequency tables on small hand-written texts."""

from __future__ import annotations

import pytest

import framing
from framing.lexicon import Lexicon

LEX = Lexicon.from_dict(
    {"name_calling": ["regime", "thug"], "doubt": ["so-called", "insinuate"], "fear": ["menace"]},
    categories={"name_calling": "Labels.", "doubt": "Doubt.", "fear": "Fear.", "hedge": "Hedges."},
)
TEXT = (
    "The regime insinuated that the so-called reform was not a menace. "
    '"This regime is run by thugs," she said. The regime insinuates again.'
)


@pytest.fixture(scope="module")
def result():
    return framing.analyze(TEXT, lexicon=LEX)


def test_rows_have_the_contract_columns_and_surface_text(result):
    terms = result.loaded_terms
    assert list(terms.columns[:10]) == [
        "article_id", "sentence_id", "start", "end", "text", "term", "category", "polarity",
        "in_quote", "speaker",
    ]  # fmt: skip
    assert list(terms["text"]) == [
        "regime", "insinuated", "so-called", "menace", "regime", "thugs", "regime", "insinuates",
    ]  # fmt: skip
    assert all(TEXT[r.start : r.end] == r.text for r in terms.itertuples())


def test_quotes_negation_and_speakers_are_marked(result):
    terms = result.loaded_terms.set_index("start")
    quoted = terms[terms["in_quote"]]
    assert list(quoted["text"]) == ["regime", "thugs"]
    assert set(quoted["speaker"]) == {"she"}  # no named antecedent: the pronoun stays
    assert terms.loc[~terms["in_quote"], "speaker"].isna().all()
    assert terms.loc[TEXT.index("menace"), "negated"]
    assert not terms.loc[TEXT.index("so-called"), "negated"]


def test_category_frequencies_include_every_category_with_rates(result):
    table = result.category_frequencies().set_index("category")
    assert list(table.index) == ["name_calling", "doubt", "fear", "hedge"]
    assert table.loc["name_calling", "count"] == 4
    assert table.loc["name_calling", "in_quote"] == 2 and table.loc["name_calling", "author"] == 2
    assert table.loc["hedge", "count"] == 0 and table.loc["hedge", "per_1k"] == 0
    n_words = result.summary()["n_words"]
    assert table.loc["doubt", "per_1k"] == pytest.approx(1000 * 3 / n_words)
    assert table.loc["doubt", "definition"] == "Doubt."


def test_term_frequencies_count_repeats_and_list_forms(result):
    table = result.term_frequencies().set_index("term")
    assert table.loc["regime", "count"] == 3
    assert table.loc["insinuate", "forms"] == "insinuated; insinuates"
    assert list(table.index[:2]) == ["regime", "insinuate"]  # most frequent first
    assert table["count"].sum() == len(result.loaded_terms)


def test_an_article_without_matches_has_empty_tables_with_columns():
    result = framing.analyze("Nothing loaded here at all.", lexicon=LEX)
    assert result.loaded_terms.empty and "category" in result.loaded_terms
    assert result.term_frequencies().empty and "forms" in result.term_frequencies()
    assert result.category_frequencies()["count"].sum() == 0


# -- kinds, guards and the examples, with the packaged lexicon -------------------


def packaged(text: str, **options) -> framing.Analysis:
    return framing.analyze(text, **options)


def rows(text: str, **options):
    terms = packaged(text, **options).loaded_terms
    return terms.set_index("text")


def test_markers_are_rows_of_their_own_kind_counted_apart():
    result = packaged("This might be a so-called reform, and it clearly is a sham.")
    terms = result.loaded_terms.set_index("text")
    assert terms.loc["might", "kind"] == "marker" and terms.loc["clearly", "kind"] == "marker"
    assert terms.loc["so-called", "kind"] == "loaded" and terms.loc["sham", "kind"] == "loaded"
    summary = result.summary()
    assert (summary["n_loaded"], summary["n_markers"]) == (2, 2)
    assert summary["loaded_per_1k"] == round(1000 * 2 / summary["n_words"], 2)
    assert summary["markers_per_1k_hedge"] == round(1000 / summary["n_words"], 2)
    assert "loaded_per_1k_hedge" not in summary and "markers_per_1k_doubt" not in summary
    kinds = result.category_frequencies().set_index("category")["kind"]
    assert kinds["hedge"] == "marker" and kinds["delegitimising"] == "loaded"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I woke up to the news; the woke left was furious.", "woke"),
        ("An alarm clock rang before alarm bells rang in the capital.", "alarm"),
        ("The anti-terrorism bill angered anti-American crowds.", "anti-"),
        ("Party elites met, and the liberal elites sneered.", "elites"),
    ],
)
def test_other_senses_are_ruled_out_by_the_entrys_context(text, word):
    """Only the last occurrence of ``word`` is loaded; the first is another sense."""
    terms = packaged(text).loaded_terms
    assert [s for s in terms["start"] if text[s:].startswith(word)] == [text.rindex(word)]


def test_political_spectrum_words_before_a_party_noun_are_descriptors():
    text = "The far-right party and a left-wing coalition met; the far-right cheered."
    terms = packaged(text).loaded_terms
    assert list(terms["start"]) == [text.rindex("far-right")]


def test_descriptors_before_a_group_noun_are_not_labels():
    text = "Islamist militants and a jihadist group struck; the jihadists and Islamists fled."
    found = list(packaged(text).loaded_terms["text"])
    assert "Islamist" not in found and "jihadist" not in found
    assert "jihadists" in found and "Islamists" in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The minister, Saviour Kasukuwere, denied it.", "Saviour"),
        ("She wrote twice for Vulture magazine last year.", "Vulture"),
        ("Vulture magazine ran the piece.", "Vulture"),
        ("Doctors at the Al Aqsa Martyrs Hospital counted the wounded.", "Martyrs"),
    ],
)
def test_a_match_inside_a_proper_name_is_not_loaded(text, name):
    assert name not in set(packaged(text).loaded_terms["text"])


def test_the_same_words_as_common_nouns_are_loaded():
    found = set(packaged("Vultures circled the martyr and his saviour.").loaded_terms["text"])
    assert {"Vultures", "martyr", "saviour"} <= found


def test_labels_capitalised_by_convention_are_kept_inside_names():
    found = set(
        packaged("He compared them to Nazi Germany and Stalinist Russia.").loaded_terms["text"]
    )
    assert {"Nazi", "Stalinist"} <= found


def test_headlines_in_title_case_are_not_taken_for_names():
    found = set(
        packaged("Brutal Regime Unleashes Savage Crackdown On Protesters").loaded_terms["text"]
    )
    assert {"Brutal", "Savage"} <= found


def test_a_sentence_initial_loaded_word_before_a_name_is_kept():
    assert "Outraged" in set(packaged("Outraged Democrats walked out.").loaded_terms["text"])


def test_a_gazetteer_name_guards_its_capitalised_words():
    from framing.loaded import find_loaded_terms
    from framing.text import segment

    text = "Savage Garden played, and the savage crowd cheered."
    document = segment(text)
    lexicon = framing.Lexicon.load()
    name = (0, len("Savage Garden"))
    without = find_loaded_terms(document, lexicon, article_id="a")
    with_name = find_loaded_terms(document, lexicon, article_id="a", names=[name])
    assert "Savage" in set(without["text"]) and "Savage" not in set(with_name["text"])
    assert "savage" in set(with_name["text"])


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Gunmen stormed the hotel, killing twelve guests.", "stormed"),
        ("The siege of the clinic left thirty people dead.", "siege"),
        ("Troops were seizing the bridge as shelling wounded two.", "seizing"),
        ("The wildfire was a disaster for the valley.", "disaster"),
        ("She became the first woman to lead the party, a historic win.", "historic"),
        ("He was charged with recklessly endangering a child.", "recklessly"),
        ("She pleaded guilty to falsely reporting a crime.", "falsely"),
        ("Leeds suffered a crushing defeat in the cup final.", "crushing"),
        ("The striker scored twice in a stunning rout of Madrid.", "rout"),
        ("It was the worst mass shooting in the state's history.", "worst"),
        ("The attacker used a knife in the massacre at the market.", "massacre"),
        ("The missile strike on the port caused chaos in the city.", "chaos"),
        ("A deadly outbreak of cholera spread to three provinces.", "deadly"),
        ("Rare but lethal, the disease spreads through bites.", "lethal"),
        ("A bomb went off at the market, injuring nine, the worst attack in years.", "worst"),
        ("The blizzard caused chaos on the roads, forecasters said.", "chaos"),
        ("She faces charges that she recklessly endangered the crew.", "recklessly"),
        ("A late home run capped a crushing win for the Dodgers.", "crushing"),
        ("He ran for 180 yards in a humiliating loss for the Bears.", "humiliating"),
        ("Firefighters battled the blaze as winds fanned the flames.", "battled"),
        ("Firefighters battled the blaze as winds fanned the flames.", "fanned the flames"),
        (
            "Gunmen attacked the village at dawn, killing 30. Survivors described chaos in "
            "the streets. Troops arrived by noon.",
            "chaos",
        ),
        ("The storm left a trail of devastation along the coast.", "devastation"),
        ("She pleaded guilty to fraud in a plea deal.", "fraud"),
        ("He was arraigned on a charge of fraud.", "fraud"),
        ("The indictment says he falsely certified the accounts.", "falsely"),
        ("Agents seized the ledgers after he was indicted.", "seized"),
    ],
)
def test_literal_reports_of_events_are_flagged_and_left_out_of_the_rates(text, surface):
    result = packaged(text)
    terms = result.loaded_terms.set_index("text")
    assert terms.loc[surface, "literal"]
    summary = result.summary()
    assert summary["n_literal"] >= 1
    assert summary["n_loaded"] == len(result.loaded_terms.query("kind == 'loaded' and ~literal"))
    categories = result.category_frequencies().set_index("category")
    assert categories.loc[terms.loc[surface, "category"], "literal"] >= 1


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Critics stormed out of the hearing.", "stormed"),
        ("The reform was a disaster for the party.", "disaster"),
        ("He falsely claimed the election was stolen.", "falsely"),
        ("A historic betrayal, the columnist wrote.", "historic"),
        ("The senator suffered a crushing defeat in the primary.", "crushing"),
        ("That was the worst speech of his career.", "worst"),
        ("The deadly logic of austerity is plain to see.", "deadly"),
        ("The senator is a fraud.", "fraud"),
        (
            "Parents of children killed in crashes spoke at the rally. The senator's plan "
            "would bring chaos.",
            "chaos",
        ),
    ],
)
def test_the_same_words_in_comment_are_not_literal(text, surface):
    assert not rows(text).loc[surface, "literal"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Residents fear the river will rise, and fears of a flood grew.", {"fear", "fears"}),
        ("Doctors voiced alarm; the officials feared the worst.", {"alarm", "feared"}),
        ("She received death threats, and the threat of a strike hung over talks.", {"threats"}),
        ("He warned of the danger, and the dangers of a long winter.", {"danger", "dangers"}),
        ("The fact-checkers rated the claim false.", {"false"}),
    ],
)
def test_naming_a_fear_or_a_danger_is_not_an_appeal_to_fear(text, absent):
    """Describing someone's fear, or naming a threat, is reporting; the appeal is in the
    amplified forms, which count."""
    assert not absent & set(packaged(text).loaded_terms["text"].str.lower())


def test_regime_change_names_a_policy():
    assert "regime" not in set(packaged("He called for regime change.").loaded_terms["text"])


def test_a_witness_who_saw_nothing_suspicious_casts_no_doubt():
    assert "suspicious" not in set(packaged("He saw nothing suspicious.").loaded_terms["text"])


def test_facing_a_problem_is_not_combat():
    text = "Reporters confronted the minister; a confrontation over the budget loomed."
    found = set(packaged(text).loaded_terms["text"].str.lower())
    assert not {"confronted", "confrontation"} & found
    assert "confrontational" in set(packaged("A confrontational speech.").loaded_terms["text"])


def test_amplified_threats_and_dangers_still_appeal_to_fear():
    text = "It is an existential threat, a clear and present danger; alarm bells rang."
    found = set(packaged(text).loaded_terms["text"])
    assert {"existential threat", "clear and present danger", "alarm bells"} <= found


def test_casting_a_statement_as_a_threat_or_a_grab_still_counts():
    """ "threatened to" and "seized on" are word choices about what someone said or did
    (annotated as lexical bias), not plain reports."""
    text = "The mayor threatened to close the port, and rivals seized on the remark."
    terms = rows(text)
    assert not terms.loc[["threatened", "seized"], "literal"].any()


@pytest.mark.parametrize(
    ("text", "descriptor", "counted"),
    [
        ("A terror attack was foiled; terror spread through the town.", "terror", "terror"),
        (
            "A terrorist group claimed it; he called the protesters terrorists.",
            "terrorist",
            "terrorists",
        ),
        ("Voter fraud is rare, the study found; the senator is a fraud.", "fraud", "fraud"),
        (
            "The historic building burned; a historic betrayal, the columnist wrote.",
            "historic",
            "historic",
        ),
        (
            "She faces an uphill battle; the battle for the soul of the party is on.",
            "battle",
            "battle",
        ),
        ("Political elites met, and the elites sneered.", "elites", "elites"),
        (
            "The sanctions regime was tightened; the regime jailed its critics.",
            "regime",
            "regime",
        ),
        (
            "Police found a suspicious package; the timing of the leak is suspicious.",
            "suspicious",
            "suspicious",
        ),
    ],
)
def test_descriptive_senses_are_left_out_and_loaded_ones_counted(text, descriptor, counted):
    """The first occurrence is the descriptive or conventional sense; the last counts."""
    terms = packaged(text).loaded_terms
    starts = list(terms.loc[terms["text"].str.lower() == counted.lower(), "start"])
    assert starts == [text.lower().rindex(counted.lower())]
    assert text.lower().index(descriptor.lower()) not in set(terms["start"])


def test_figurative_framing_idioms_are_found():
    text = (
        "The governor is taking a beating in the polls. A ghost from his past returned, "
        "and the senator changed her tune."
    )
    found = set(packaged(text).loaded_terms["text"])
    assert {"taking a beating", "ghost from his past", "changed her tune"} <= found


def test_group_labels_are_found_through_the_loaded_noun_not_the_group():
    """ "Jewish oligarchs ... three other Jews in Miami": the label is carried by
    "oligarchs"; a lexicon cannot tell when naming a religion is labelling, so "Jews" is
    not counted (read the rows' sentences)."""
    terms = packaged("Jewish oligarchs met three other Jews in Miami.").loaded_terms
    assert list(terms["text"]) == ["oligarchs"]


def test_guards_can_be_switched_off_and_unknown_ones_are_refused():
    from framing.loaded import find_loaded_terms
    from framing.text import segment

    document = segment("I woke up. Gunmen stormed the hotel, killing two.")
    lexicon = framing.Lexicon.load()
    raw = find_loaded_terms(document, lexicon, article_id="a", guards=())
    assert {"woke", "stormed"} <= set(raw["text"]) and not raw["literal"].any()
    with pytest.raises(ValueError, match="unknown guard"):
        find_loaded_terms(document, lexicon, article_id="a", guards=("names", "sarcasm"))
