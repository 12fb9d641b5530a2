"""Source mentions: quotes, attributions, speakers, cue classes, references and summaries."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.schema import SOURCE_COLUMNS, SOURCE_KINDS, SOURCES
from framing.sources import find_sources, source_summary, words_per_speaker
from framing.text import segment

HAS_TARGETS = importlib.util.find_spec("framing.targets") is not None


def sources(text: str, **options) -> pd.DataFrame:
    options.setdefault("affiliation", False)
    return find_sources(segment(text), article_id="t", **options)


def speech(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["kind"].isin(["direct_quote", "indirect", "according_to"])]


def surface(text: str, row, part: str) -> str:
    return text[row[f"{part}_start"] : row[f"{part}_end"]]


def only(table: pd.DataFrame, **where) -> pd.Series:
    for column, value in where.items():
        table = table[table[column] == value]
    assert len(table) == 1, table
    return table.iloc[0]


# -- the seed article ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_path):
    try:
        from framing.io import read_article

        text = read_article(seed_path).text
    except ImportError:
        text = "\n".join(seed_path.read_text(encoding="utf-8").splitlines()[6:])
    return text, sources(text)


def test_seed_lavrov_speaks_the_direct_quotes_with_his_role(seed):
    _, table = seed
    quotes = table[table["kind"] == "direct_quote"]
    assert len(quotes) >= 4
    assert set(quotes["speaker"]) == {"Sergey Lavrov"}
    assert set(quotes["role"]) == {"Russian Foreign Minister"}
    assert set(quotes["speaker_type"]) == {"person"}
    assert any("Many countries have our weapons" in q for q in quotes["quote"])


def test_seed_he_is_resolved_to_lavrov_and_reminded_endorses(seed):
    text, table = seed
    row = only(table, cue="reminded")
    assert row["speaker"] == "Sergey Lavrov"
    assert surface(text, row, "speaker") == "he"
    assert row["cue_class"] == "endorsing"
    assert row["kind"] == "direct_quote"
    assert row["quote"].startswith("Armenia, too, has used Russian-made weapons")


def test_seed_the_activist_is_a_labelled_source_who_insinuated(seed):
    _, table = seed
    row = only(table, cue="insinuated")
    assert row["speaker"] == "a pro-Ukrainian activist masquerading as a journalist"
    assert row["speaker_type"] == "labelled"
    assert row["cue_class"] == "distancing"
    assert row["cue_term"] == "insinuate"
    assert row["kind"] == "indirect"
    assert row["quote"].startswith("Azerbaijan’s use of Russian arms")
    assert row["quote"].endswith("over Yerevan")


def test_seed_media_and_document_references(seed):
    _, table = seed
    media = only(table, kind="media")
    assert media["speaker"] == "most media" and media["speaker_type"] == "media"
    document = only(table, kind="document")
    assert document["speaker"] == "can be read here"
    assert document["speaker_type"] == "document"


def test_seed_lavrov_is_mentioned_without_a_quote(seed):
    _, table = seed
    mentions = table[table["kind"] == "mention"]
    assert "Sergey Lavrov" in set(mentions["speaker"])
    assert (mentions["n_words"] == 0).all() and (mentions["content_start"] == -1).all()


def test_seed_words_per_speaker(seed):
    _, table = seed
    floor = words_per_speaker(table)
    assert list(floor.columns) == ["speaker", "speaker_type", "n_quotes", "n_words", "share"]
    top = floor.iloc[0]
    assert top["speaker"] == "Sergey Lavrov" and top["n_quotes"] >= 4
    assert floor["share"].sum() == pytest.approx(1.0)


@pytest.mark.skipif(not HAS_TARGETS, reason="framing.targets is not there yet")
def test_seed_affiliation_from_the_gazetteer(seed_path, seed):
    text, _ = seed
    table = find_sources(segment(text), article_id="seed")
    lavrov = table[table["speaker"] == "Sergey Lavrov"]
    assert set(lavrov["affiliation"]) == {"Russia"}


# -- quotation marks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Smith said: "We will win this war."',
        "Smith said: “We will win this war.”",
        "Smith said: ‘We will win this war.’",
        "Smith said: 'We will win this war.'",
        "Smith said: «We will win this war.»",
    ],
)
def test_quotation_mark_styles(text):
    row = only(sources(text), kind="direct_quote")
    assert row["quote"] == "We will win this war."
    assert row["speaker"] == "Smith" and row["cue"] == "said"
    assert row["n_words"] == 5


def test_apostrophes_are_not_quotes():
    text = (
        "Smith’s plan isn’t new; the ’90s rock 'n' roll tapes and the players' union don't count."
    )
    assert list(segment(text).quotes) == []
    assert sources(text).empty


def test_quote_over_several_paragraphs_reopened_at_each():
    text = (
        "“The first part of the answer runs long and ends here.\n\n"
        "“The second part goes on,” Smith said.\n\nThen he left."
    )
    quotes = [q for q in list(segment(text).quotes) if q.depth == 0]
    assert len(quotes) == 1 and quotes[0].closed
    row = only(sources(text), kind="direct_quote")
    assert row["quote"].startswith("The first part") and row["quote"].endswith("goes on,")
    assert row["speaker"] == "Smith"


def test_unclosed_quote_ends_with_its_paragraph():
    text = "Smith said: “We will win this war and more\n\nThe next paragraph is narration."
    row = only(sources(text), kind="direct_quote")
    assert row["quote"] == "We will win this war and more"


def test_nested_quote_is_part_of_the_outer_one():
    text = "“He told me ‘never again’ and walked out of the room,” Smith said."
    table = sources(text)
    row = only(table, kind="direct_quote")
    assert row["quote"] == "He told me ‘never again’ and walked out of the room,"
    assert (table["kind"] != "scare_quote").all()


def test_scare_quotes_are_not_speech():
    text = "The so-called ‘peace’ plan and the “reforms” were debated at length in parliament."
    table = sources(text)
    scare = table[table["kind"] == "scare_quote"]
    assert list(scare["quote"]) == ["peace", "reforms"]
    assert (scare["speaker"] == "").all() and (scare["cue"] == "").all()


def test_repeated_quotes_are_each_recorded():
    text = "“Never again,” Smith said. Later she repeated it: “Never again.”"
    quotes = sources(text)
    quotes = quotes[quotes["kind"] == "direct_quote"]
    assert list(quotes["quote"]) == ["Never again,", "Never again."]
    assert set(quotes["speaker"]) == {"Smith"}


def test_a_quote_with_no_speaker():
    text = "“Nobody knows what comes next in this long and bloody war.”"
    row = only(sources(text), kind="direct_quote")
    assert row["speaker"] == "" and row["speaker_start"] == -1 and row["cue"] == ""


# -- attribution patterns -----------------------------------------------------------------


def test_x_said_with_a_bare_clause():
    text = "John Smith said the plan would fail within a year."
    row = only(sources(text), kind="indirect")
    assert row["speaker"] == "John Smith" and row["speaker_type"] == "person"
    assert row["quote"] == "the plan would fail within a year"


def test_said_x_after_a_quote():
    text = "“The plan will fail,” said John Smith."
    row = only(sources(text), kind="direct_quote")
    assert row["speaker"] == "John Smith" and row["quote"] == "The plan will fail,"


def test_quote_then_x_said():
    text = "“The plan will fail,” John Smith said on Monday."
    row = only(sources(text), kind="direct_quote")
    assert row["speaker"] == "John Smith"


def test_x_who_said():
    text = "John Smith, who has led the party since 2010, said the plan would fail."
    row = only(sources(text), kind="indirect")
    assert row["speaker"] == "John Smith"
    assert row["quote"] == "the plan would fail"


def test_appositive_gives_the_role():
    text = "Sergey Lavrov, Russia’s foreign minister, said the talks had failed."
    row = only(sources(text), kind="indirect")
    assert row["speaker"] == "Sergey Lavrov" and row["role"] == "Russia’s foreign minister"


def test_x_colon_quote():
    text = "John Smith: “The plan will fail.”"
    row = only(sources(text), kind="direct_quote")
    assert row["speaker"] == "John Smith" and row["cue"] == ""


def test_according_to_x():
    text = "The plan will fail, according to a senior official."
    row = only(sources(text), kind="according_to")
    assert row["speaker"] == "a senior official" and row["speaker_type"] == "anonymous"
    assert row["quote"] == "The plan will fail" and row["cue"] == "according to"


def test_according_to_x_first():
    text = "According to the ministry, the plan will fail."
    row = only(sources(text), kind="according_to")
    assert row["speaker"] == "the ministry" and row["speaker_type"] == "organisation"
    assert row["quote"] == "the plan will fail"


def test_x_told_y_that():
    text = "John Smith told reporters that the plan would fail."
    row = only(sources(text), kind="indirect")
    assert row["speaker"] == "John Smith" and row["cue"] == "told"
    assert row["quote"] == "the plan would fail"


def test_in_xs_words():
    text = "In Smith’s words, “the plan is dead and buried.”"
    row = only(sources(text), kind="direct_quote")
    assert row["speaker"] == "Smith" and row["cue"] == "words"


@pytest.mark.parametrize("verb", ["wrote", "tweeted", "posted"])
def test_x_wrote_tweeted_posted(verb):
    text = f"John Smith {verb} that the plan was dead."
    row = only(sources(text), kind="indirect")
    assert row["speaker"] == "John Smith" and row["cue"] == verb
    assert row["quote"] == "the plan was dead"


def test_trailing_dash_attribution():
    text = "“The plan is dead, and everybody in this city knows it.” — John Smith"
    row = only(sources(text), kind="direct_quote")
    assert row["speaker"] == "John Smith"


def test_pronoun_resolves_to_the_most_recent_compatible_speaker():
    text = (
        "Jane Doe said the talks would go on. Mr. John Smith said they would not. "
        "She said the deadline had passed."
    )
    rows = speech(sources(text))
    assert list(rows["speaker"]) == ["Jane Doe", "John Smith", "Jane Doe"]
    last = rows.iloc[-1]
    assert surface(text, last, "speaker") == "She"


def test_long_name_with_role_and_later_mentions():
    text = (
        "Russian Foreign Minister Sergey Lavrov said the talks had failed. "
        "Lavrov added that the West was to blame. The minister said more talks were useless."
    )
    rows = speech(sources(text))
    assert list(rows["speaker"]) == ["Sergey Lavrov"] * 3
    assert set(rows["role"]) == {"Russian Foreign Minister"}
    assert [surface(text, r, "speaker") for _, r in rows.iterrows()] == [
        "Russian Foreign Minister Sergey Lavrov",
        "Lavrov",
        "The minister",
    ]


@pytest.mark.parametrize("verb", ["argued", "claimed", "warned", "said"])
def test_indirect_speech_content_span(verb):
    text = f"The senator {verb} that the bill would raise taxes for most families."
    row = only(sources(text), kind="indirect")
    assert row["quote"] == "the bill would raise taxes for most families"
    assert surface(text, row, "content") == row["quote"]
    assert row["n_words"] == 8


def test_a_speaker_with_no_quote():
    text = "Lavrov made three important points about the war."
    row = only(sources(text), kind="mention")
    assert row["speaker"] == "Lavrov" and row["quote"] == "" and row["n_words"] == 0


# -- cue classes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "cue_class"),
    [
        ("said", "neutral"),
        ("told reporters", "neutral"),
        ("stated", "neutral"),
        ("pointed out", "endorsing"),
        ("reminded everyone", "endorsing"),
        ("explained", "endorsing"),
        ("revealed", "endorsing"),
        ("noted", "endorsing"),
        ("claimed", "distancing"),
        ("alleged", "distancing"),
        ("insisted", "distancing"),
        ("insinuated", "distancing"),
        ("slammed", "emotive"),
        ("lashed out", "emotive"),
        ("admitted", "emotive"),
        ("conceded", "emotive"),
        ("boasted", "emotive"),
    ],
)
def test_cue_classes(verb, cue_class):
    text = f"John Smith {verb} that the deal was dead."
    row = only(sources(text), kind="indirect")
    assert row["cue_class"] == cue_class
    assert row["speaker"] == "John Smith"


def test_cue_table_is_a_documented_lexicon():
    from framing.lexicon import Lexicon

    cues = Lexicon.load("cue_verbs")
    assert set(cues.categories) == {"neutral", "endorsing", "distancing", "emotive"}
    assert all(cues.categories.values())
    sources_cited = " ".join(cues.card["sources"])
    assert "Hooper" in sources_cited and "Recasens" in sources_cited
    assert "MIT" in cues.card["licence"]


# -- speaker types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "speaker_type"),
    [
        ("A senior official said the talks had failed.", "A senior official", "anonymous"),
        (
            "Sources familiar with the matter said the talks had failed.",
            "Sources familiar with the matter",
            "anonymous",
        ),
        ("Critics say the talks had failed.", "Critics", "anonymous"),
        ("The Foreign Ministry said the talks had failed.", "Foreign Ministry", "organisation"),
        ("Reuters reported that the talks had failed.", "Reuters", "media"),
        ("The statement said the talks had failed.", "The statement", "document"),
        (
            "A report by the Pentagon said the talks had failed.",
            "A report by the Pentagon",
            "document",
        ),
        (
            "A retired schoolteacher said the talks had failed.",
            "A retired schoolteacher",
            "labelled",
        ),
    ],
)
def test_speaker_types(sentence, speaker, speaker_type):
    row = only(sources(sentence), kind="indirect")
    assert (row["speaker"], row["speaker_type"]) == (speaker, speaker_type)
    assert row["quote"] == "the talks had failed"


def test_media_reference_without_speech():
    table = sources("Most media ignored the speech, but the BBC covered it.")
    media = table[table["kind"] == "media"]
    assert list(media["speaker"]) == ["Most media", "BBC"]


def test_document_and_link_references():
    text = "The full text can be read here, and the memo is at https://example.org/memo."
    table = sources(text)
    documents = table[table["kind"] == "document"]
    assert "can be read here" in set(documents["speaker"])
    assert "https://example.org/memo." in set(documents["speaker"]) or any(
        s.startswith("https://example.org/memo") for s in documents["speaker"]
    )


def test_affiliation_can_be_given_as_a_function():
    text = "Russian Foreign Minister Sergey Lavrov said the talks had failed."
    table = sources(text, affiliation=lambda name: "Russia" if "Lavrov" in name else None)
    assert only(table, kind="indirect")["affiliation"] == "Russia"


@pytest.mark.skipif(not HAS_TARGETS, reason="framing.targets is not there yet")
def test_affiliation_from_the_packaged_gazetteer():
    text = "Russian Foreign Minister Sergey Lavrov said the talks had failed."
    table = find_sources(segment(text), article_id="t")
    assert only(table, kind="indirect")["affiliation"] == "Russia"


# -- the table and its summaries ----------------------------------------------------------


def test_columns_and_dtypes_even_when_empty():
    table = sources("")
    assert list(table.columns) == list(SOURCE_COLUMNS)
    assert list(table.columns)[: len(SOURCES)] == list(SOURCES)
    assert table.empty
    full = sources("“It will fail,” said John Smith.")
    assert dict(full.dtypes.astype(str))["n_words"] == "int64"
    assert set(full["kind"]) <= set(SOURCE_KINDS)


def test_source_summary():
    text = (
        "“The plan will fail,” said John Smith. A senior official said it would work. "
        "John Smith claimed that the vote was rigged. The so-called “reform” passed."
    )
    table = sources(text)
    n_words = segment(text).n_words
    summary = source_summary(table, n_words)
    assert summary["n_quotes"] == 1 and summary["quoted_words"] == 4
    assert summary["quoted_share"] == pytest.approx(4 / n_words)
    assert summary["n_sources"] == 2 and summary["anonymous_share"] == 0.5
    assert summary["n_scare_quotes"] == 1
    assert summary["top_speaker"] == "John Smith"
    assert summary["cue_distancing"] == pytest.approx(1 / 3)
    assert summary["cue_neutral"] == pytest.approx(2 / 3)


def test_words_per_speaker_counts_a_partial_quote_once():
    text = "John Smith said the plan was “a disaster for everyone” and would fail."
    table = sources(text)
    assert set(table["kind"]) == {"indirect", "direct_quote"}
    floor = words_per_speaker(table)
    assert list(floor["speaker"]) == ["John Smith"]
    assert floor.iloc[0]["n_words"] == only(table, kind="indirect")["n_words"]
    assert floor.iloc[0]["n_quotes"] == 1


def test_words_per_speaker_of_an_empty_table():
    floor = words_per_speaker(sources(""))
    assert floor.empty and "speaker" in floor.columns


# -- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Smith",
        "said",
        "told",
        "according to",
        "he",
        "she",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        ",",
        ".",
        ":",
        "—",
        "\n\n",
        "that",
        "the minister",
        "Russian Foreign Minister Sergey Lavrov",
        "who",
        "(",
        ")",
        "so-called",
        "in his words",
        "made three points",
        "most media",
        "can be read here",
        "https://x.org",
        "a senior official",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_gives_valid_spans(text):
    table = sources(text)
    assert list(table.columns) == list(SOURCE_COLUMNS)
    for _, row in table.iterrows():
        assert row["kind"] in SOURCE_KINDS
        for part in ("speaker", "cue", "content"):
            start, end = row[f"{part}_start"], row[f"{part}_end"]
            assert (start, end) == (-1, -1) or 0 <= start <= end <= len(text)
        if row["content_start"] >= 0:
            assert surface(text, row, "content") == row["quote"]
        if row["cue_start"] >= 0:
            assert surface(text, row, "cue") == row["cue"]
        assert row["n_words"] >= 0


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_quotes_are_valid_and_nested_properly(text):
    quotes = list(segment(text).quotes)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start] in "\"'“”«»„‹›‘’"
    assert quotes == sorted(quotes)


def test_agentless_passive_is_reported_speech_without_a_speaker():
    row = only(sources("It was reported that the talks had failed."), kind="indirect")
    assert row["speaker"] == "" and row["speaker_start"] == -1
    assert row["cue"] == "reported" and row["quote"] == "the talks had failed"


def test_i_and_we_outside_quotes_are_the_author_not_a_source():
    assert speech(sources("I said the plan would fail, and we argued that it was wrong.")).empty


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_type"),
    [
        (
            "An official who asked not to be named said the talks failed.",
            "An official",
            "anonymous",
        ),
        ("The activist who spoke to us said the talks failed.", "The activist", "labelled"),
        ("Lavrov said the talks failed.", "Lavrov", "person"),
        ("Officials in Moscow said the talks failed.", "Officials in Moscow", "anonymous"),
        ("The Daily Ledger reported that the talks failed.", "Daily Ledger", "media"),
    ],
)
def test_speaker_phrases_and_their_types(text, speaker, speaker_type):
    row = only(sources(text, affiliation=False), kind="indirect")
    assert (row["speaker"], row["speaker_type"]) == (speaker, speaker_type)
