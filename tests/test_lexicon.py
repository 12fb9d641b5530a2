"""The lexicon engine: matching rules, constructors, merging and clear errors."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicon import Lexicon
from framing.text import inflection_candidates, segment


def found(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    tokens = segment(text).tokens
    return [
        (text[tokens[m.first].start : tokens[m.last].end], lexicon.table.iloc[m.entry]["term"])
        for m in lexicon.find(tokens)
    ]


LEX = Lexicon.from_dict(
    {
        "doubt": ["insinuate", "so-called", "ulterior motive", "masquerade as"],
        "name_calling": ["pro-*", "regime"],
        "loaded_language": ["raise eyebrows", "military-industrial complex", "lash out", "cry"],
    }
)


def test_inflections_match_the_base_form():
    assert found(LEX, "He insinuated it. She insinuates. They were insinuating.") == [
        ("insinuated", "insinuate"),
        ("insinuates", "insinuate"),
        ("insinuating", "insinuate"),
    ]
    assert found(LEX, "Critics cried foul and lashed out.") == [
        ("cried", "cry"),
        ("lashed out", "lash out"),
    ]


def test_derivational_forms_are_not_inflections():
    assert "weapon" not in inflection_candidates("weaponized")
    assert found(LEX, "The regimental band played.") == []


def test_multi_word_terms_longest_match_and_case():
    text = "The Military-Industrial Complex raised eyebrows over ulterior motives."
    assert found(LEX, text) == [
        ("Military-Industrial Complex", "military-industrial complex"),
        ("raised eyebrows", "raise eyebrows"),
        ("ulterior motives", "ulterior motive"),
    ]


def test_repeated_words_are_each_counted():
    assert [t for _, t in found(LEX, "Regime, regime, regime!")] == ["regime"] * 3


def test_prefix_wildcard():
    assert found(LEX, "A pro-Western and pro-Russian crowd; prolific pros.") == [
        ("pro-Western", "pro-*"),
        ("pro-Russian", "pro-*"),
    ]


def test_matches_do_not_cross_sentences():
    assert found(LEX, "They raise. Eyebrows are up.") == []


def test_exact_and_case_modes():
    lex = Lexicon.from_dict(
        [
            {"term": "stunning", "category": "loaded_language", "match": "exact"},
            {"term": "Trump", "category": "name_calling", "match": "case"},
        ]
    )
    assert [t for t, _ in found(lex, "Stunning, stunnings; Trump trumped trump.")] == [
        "Stunning",
        "Trump",
    ]


def test_merge_later_lexicon_wins_and_records_parts():
    user = Lexicon.from_dict({"euphemism": ["regime", "collateral damage"]}, name="mine")
    merged = LEX + user
    assert merged.table.set_index("term").loc["regime", "category"] == "euphemism"
    assert len(merged) == len(LEX) + 1
    assert [p["name"] for p in merged.card["parts"]] == ["custom", "mine"]
    assert merged.sha256 != LEX.sha256


def test_csv_and_yaml_lexicons(tmp_path):
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("term,category,polarity,weight\nbully,name_calling,-1,0.8\n", "utf-8")
    lex = Lexicon.from_csv(csv_path)
    assert lex.name == "mine" and lex.table.iloc[0]["weight"] == 0.8
    yaml_path = tmp_path / "mine.yaml"
    yaml_path.write_text(
        "name: tiny\nversion: '2'\ncategories:\n  fear: Appeals to fear.\n"
        "terms:\n  fear: [catastrophe, looming threat]\n",
        "utf-8",
    )
    lex = Lexicon.from_yaml(yaml_path)
    assert (lex.name, lex.version, lex.categories) == ("tiny", "2", {"fear": "Appeals to fear."})
    assert found(lex, "A looming threat of catastrophes.") == [
        ("looming threat", "looming threat"),
        ("catastrophes", "catastrophe"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("term,polarity\nx,1\n", "line 1: the header needs the columns term and category"),
        ("term,category,polarity\nbully,name_calling,2\n", "line 2: polarity must be -1, 0 or 1"),
        ("term,category,weight\nbully,name_calling,heavy\n", "line 2: weight must be a number"),
        ("term,category,match\nbully,x,fuzzy\n", "line 2: match must be one of"),
        (
            "term,category\nbully,a\nfoo,b\nBully,c\n",
            "line 4: the term 'Bully' is already on line 2",
        ),
        ("term,category\nbully,name_calling,extra\n", "line 2: more fields than the header"),
        ("term,category\n", "has no terms"),
        ("term,category\n*ly,x\n", "line 2: '*ly' is not a usable term"),
        (
            "term,category,context\nalarm,fear,not_befor: clock\n",
            "line 2: context 'not_befor: clock': unknown context condition 'not_befor'",
        ),
        ("term,category,context\nalarm,fear,not_before\n", "line 2: context 'not_before'"),
        ("term,category,context\nnazi,x,in_names: yes\n", "'in_names' takes no words"),
        ("term,category,context\nsiege,x,literal: war\n", "unknown literal domain 'war'"),
        (
            "term,category,context\nwoke,x,lowercase; lowercase\n",
            "line 2: context 'lowercase; lowercase': the condition 'lowercase' is given twice",
        ),
    ],
)
def test_malformed_csv_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(LexiconError) as error:
        Lexicon.from_csv(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_malformed_yaml_and_bad_encoding(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("terms:\n  fear: [a, b\n", "utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yaml, line \d+"):
        Lexicon.from_yaml(path)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"term,category\n\xff\xfe\x00,x\n")
    with pytest.raises(LexiconError, match="is not UTF-8 text"):
        Lexicon.from_csv(binary)
    with pytest.raises(LexiconError, match="was not found"):
        Lexicon.from_csv(tmp_path / "missing.csv")


def test_unknown_packaged_lexicon_lists_the_available_ones():
    with pytest.raises(LexiconError, match=r"available: .*loaded"):
        Lexicon.load("nope")


def test_packaged_lexicon_has_a_card():
    lex = Lexicon.load()
    assert lex.name == "loaded" and len(lex) >= 1500
    assert lex.card["licence"] and lex.card["sources"]
    assert all(lex.categories.values()), "every category is defined in the card"


CONTEXTS = Lexicon.from_dict(
    [
        {"term": "alarm", "category": "fear", "context": "not_before: clock; not_after: fire"},
        {"term": "woke", "category": "name_calling", "context": "not_before: up"},
        {"term": "anti-*", "category": "name_calling", "context": "except: anti-terrorism"},
        {"term": "vulture", "category": "loaded_language", "context": "lowercase"},
        {"term": "elites", "category": "name_calling", "context": "not_after: party"},
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The alarm spread; an alarm clock rang; two alarm clocks; a fire alarm.", ["alarm"]),
        ("I woke up early. The woke left objected.", ["woke"]),
        ("An anti-terrorism bill and anti-Russian rhetoric.", ["anti-Russian"]),
        ("Vulture funds circled. Vulture is a magazine; a vulture circled.", ["vulture"]),
        ("Party elites met; the liberal elites sneered.", ["elites"]),
    ],
)
def test_an_entrys_context_rules_out_other_senses(text, expected):
    assert [surface for surface, _ in found(CONTEXTS, text)] == expected


def test_context_words_do_not_reach_into_the_next_sentence():
    assert [s for s, _ in found(CONTEXTS, "He sounded the alarm. Clock in at nine.")] == ["alarm"]


def test_contexts_can_be_ignored_to_see_what_they_rule_out():
    tokens = segment("an alarm clock").tokens
    assert CONTEXTS.find(tokens) == []
    assert len(CONTEXTS.find(tokens, context=False)) == 1


def test_idiom_placeholders_stand_for_possessives_and_reflexives():
    idioms = Lexicon.from_dict(
        {"loaded_language": ["change one's tune", "shot oneself in the foot", "take a beating"]}
    )
    text = "She changed her tune; they shot themselves in the foot and took a beating."
    assert [t for _, t in found(idioms, text)] == ["change one's tune", "shot oneself in the foot"]
    assert found(idioms, "The party is taking a beating.") == [
        ("taking a beating", "take a beating")
    ]
    assert found(idioms, "He changed the tune.") == []


def test_categories_have_a_kind_from_the_card_or_the_marker_defaults():
    lex = Lexicon.from_dict(
        {"hedge": ["might"], "spin": ["spun"], "doubt": ["so-called"]},
        categories={
            "hedge": "Hedges.",
            "spin": {"definition": "Spin.", "kind": "marker"},
            "doubt": "Doubt.",
        },
    )
    assert lex.kinds == {"hedge": "marker", "spin": "marker", "doubt": "loaded"}
    with pytest.raises(LexiconError, match="kind 'epistemic'; use loaded or marker"):
        Lexicon.from_dict({"x": ["y"]}, categories={"x": {"definition": "X", "kind": "epistemic"}})
