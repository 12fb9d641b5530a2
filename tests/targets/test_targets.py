"""The target gazetteer: coverage, matching rules, user targets, files and affiliations."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import GazetteerError
from framing.schema import TARGET_MENTIONS
from framing.targets import Gazetteer, resolve_targets
from framing.text import segment

GAZ = Gazetteer.load()


def found(text: str, gazetteer: Gazetteer = GAZ) -> list[tuple[str, str]]:
    """(surface text, target) of each mention, checking every offset on the way."""
    table = gazetteer.find(segment(text))
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.text, strict=True))
    return list(zip(table.text, table.target, strict=True))


def targets_in(text: str, gazetteer: Gazetteer = GAZ) -> list[str]:
    return [target for _, target in found(text, gazetteer)]


# -- the packaged data -------------------------------------------------------------------------


def test_card_names_version_date_licence_and_sources():
    card = GAZ.card
    assert card["name"] == "targets" and card["version"] and card["as_of"] == "2025-11"
    assert card["licence"] and len(card["sources"]) >= 3
    assert set(card["kinds"]) == {
        "name",
        "short_name",
        "demonym",
        "adjective",
        "capital",
        "institution",
        "person",
    }
    assert {"country", "organisation", "bloc", "person"} <= set(card["types"])
    assert GAZ.describe()["sha256"] == Gazetteer.load().sha256


def test_every_un_member_state_and_the_non_members():
    table = GAZ.table
    members = table[
        table["note"].str.startswith("UN member state") & (table["alias"] == table["target"])
    ]
    assert len(members) == 193
    assert (members["type"] == "country").all()
    for entity in ("Palestine", "Taiwan", "Kosovo", "Holy See"):
        assert entity in GAZ.targets
    # every country has a demonym or adjective unless noted otherwise, and most a capital
    countries = table[table["type"] == "country"]
    with_capital = set(countries.loc[countries["kind"] == "capital", "target"])
    assert len(with_capital) >= 185


def test_organisations_and_blocs():
    table = GAZ.table
    expected = {
        "United Nations": "organisation",
        "European Union": "bloc",
        "NATO": "bloc",
        "Collective Security Treaty Organization": "bloc",
        "Eurasian Economic Union": "bloc",
        "OSCE": "organisation",
        "Shanghai Cooperation Organisation": "bloc",
        "BRICS": "bloc",
        "ASEAN": "bloc",
        "African Union": "bloc",
        "Arab League": "bloc",
        "G7": "bloc",
        "G20": "bloc",
        "World Trade Organization": "organisation",
        "International Monetary Fund": "organisation",
        "World Bank": "organisation",
        "World Health Organization": "organisation",
        "International Criminal Court": "organisation",
        "OPEC": "organisation",
        "Commonwealth of Independent States": "bloc",
        "Council of Europe": "organisation",
        "Organization of American States": "organisation",
        "Gulf Cooperation Council": "bloc",
    }
    types = dict(zip(table["target"], table["type"], strict=True))
    for target, type_ in expected.items():
        assert types[target] == type_, target
    assert targets_in("The CSTO, the EAEU and the OSCE met the SCO, the IMF and the WHO.") == [
        "Collective Security Treaty Organization",
        "Eurasian Economic Union",
        "OSCE",
        "Shanghai Cooperation Organisation",
        "International Monetary Fund",
        "World Health Organization",
    ]


@pytest.mark.parametrize(
    ("person", "country"),
    [
        ("Nikol Pashinyan", "Armenia"),
        ("Ararat Mirzoyan", "Armenia"),
        ("Vahagn Khachaturyan", "Armenia"),
        ("Ilham Aliyev", "Azerbaijan"),
        ("Jeyhun Bayramov", "Azerbaijan"),
        ("Irakli Kobakhidze", "Georgia"),
        ("Vladimir Putin", "Russia"),
        ("Mikhail Mishustin", "Russia"),
        ("Sergey Lavrov", "Russia"),
        ("Volodymyr Zelensky", "Ukraine"),
        ("Yulia Svyrydenko", "Ukraine"),
        ("Andrii Sybiha", "Ukraine"),
        ("Alexander Lukashenko", "Belarus"),
        ("Kassym-Jomart Tokayev", "Kazakhstan"),
        ("Recep Tayyip Erdoğan", "Turkey"),
        ("Hakan Fidan", "Turkey"),
        ("Masoud Pezeshkian", "Iran"),
        ("Donald Trump", "United States"),
        ("JD Vance", "United States"),
        ("Marco Rubio", "United States"),
        ("Emmanuel Macron", "France"),
        ("Jean-Noël Barrot", "France"),
        ("Keir Starmer", "United Kingdom"),
        ("Yvette Cooper", "United Kingdom"),
        ("Friedrich Merz", "Germany"),
        ("Johann Wadephul", "Germany"),
        ("Xi Jinping", "China"),
        ("Wang Yi", "China"),
        ("Narendra Modi", "India"),
        ("Mark Rutte", "NATO"),
        ("Kaja Kallas", "European Union"),
    ],
)
def test_leaders_speak_for_their_country(person, country):
    rows = GAZ.table[GAZ.table["target"] == person]
    assert set(rows["type"]) == {"person"} and set(rows["country"]) == {country}
    assert GAZ.affiliation(person) == country


def test_every_g20_and_security_council_member_has_its_leaders():
    table = GAZ.table
    persons = table[(table["type"] == "person") & (table["alias"] == table["target"])]
    countries = set(persons["country"])
    g20 = {
        "Argentina",
        "Australia",
        "Brazil",
        "Canada",
        "China",
        "France",
        "Germany",
        "India",
        "Indonesia",
        "Italy",
        "Japan",
        "Mexico",
        "Russia",
        "Saudi Arabia",
        "South Africa",
        "South Korea",
        "Turkey",
        "United Kingdom",
        "United States",
        "European Union",
        "African Union",
    }
    assert g20 <= countries
    for country in g20 - {"European Union", "African Union"}:
        notes = " ".join(persons.loc[persons["country"] == country, "note"])
        assert any(
            office in notes
            for office in ("foreign", "external affairs", "international", "secretary of state")
        ), country
        assert any(office in notes for office in ("president", "prime minister", "chancellor"))
    # persons and institutions point at targets that exist
    known = set(GAZ.targets)
    speaking = table[table["kind"].isin(["person", "institution"])]
    assert set(speaking["country"]) <= known


# -- matching rules ----------------------------------------------------------------------------


def test_short_names_and_acronyms():
    text = "The US, the U.S., the USA, America and the States; the UK, the U.K. and Britain."
    assert targets_in(text) == ["United States"] * 5 + ["United Kingdom"] * 3


def test_demonyms_adjectives_and_plurals():
    text = "Armenians and an Armenian, the Azerbaijani side's Azeris, French and British diplomats."
    assert found(text) == [
        ("Armenians", "Armenia"),
        ("Armenian", "Armenia"),
        ("Azerbaijani side", "Azerbaijan"),
        ("Azeris", "Azerbaijan"),
        ("French", "France"),
        ("British diplomats", "United Kingdom"),
    ]


def test_capitals_as_metonyms():
    text = "Moscow backed Baku over Yerevan, while Kyiv, Kiev, Paris and Washington watched."
    assert targets_in(text) == [
        "Russia",
        "Azerbaijan",
        "Armenia",
        "Ukraine",
        "Ukraine",
        "France",
        "United States",
    ]


def test_institutional_metonyms():
    text = (
        "The Kremlin, the White House, the Pentagon, Downing Street, the Élysée, "
        "Foggy Bottom and Zhongnanhai all declined to comment."
    )
    table = GAZ.find(text)
    assert list(table["target"]) == [
        "Russia",
        "United States",
        "United States",
        "United Kingdom",
        "France",
        "United States",
        "China",
    ]
    assert set(table["kind"]) == {"institution"}


def test_persons_by_full_name_and_last_name():
    text = "Sergey Lavrov spoke. Lavrov then left, and Zelenskyy answered Putin."
    assert found(text) == [
        ("Sergey Lavrov", "Sergey Lavrov"),
        ("Lavrov", "Sergey Lavrov"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Putin", "Vladimir Putin"),
    ]


def test_longest_match_makes_one_mention_of_the_person():
    table = GAZ.find("Russian Foreign Minister Sergey Lavrov arrived.")
    assert len(table) == 1
    row = table.iloc[0]
    assert (row.target, row.kind, row.affiliation) == ("Sergey Lavrov", "person", "Russia")
    assert row.text == "Russian Foreign Minister Sergey Lavrov"
    assert found("Russia’s Lavrov and Kremlin spokesman Dmitry Peskov.") == [
        ("Russia’s Lavrov", "Sergey Lavrov"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ]


def test_institutions_composed_from_a_target_and_a_body():
    table = GAZ.find("The Russian Foreign Ministry rebuked the US State Department.")
    assert list(zip(table.text, table.target, table.kind, strict=True)) == [
        ("Russian Foreign Ministry", "Russia", "institution"),
        ("US State Department", "United States", "institution"),
    ]
    assert found("A senior EU official said so.") == [("EU official", "European Union")]


def test_proper_names_are_case_sensitive():
    assert found("I ate a turkey sandwich off china plates with us.") == []
    assert found("Turkey and Türkiye; TURKEY in a headline.") == [
        ("Turkey", "Turkey"),
        ("Türkiye", "Turkey"),
        ("TURKEY", "Turkey"),
    ]


def test_possessives_count():
    text = "Russia’s plan, Russia's army, the US’ partners and the Armenians’ fears."
    assert found(text) == [
        ("Russia", "Russia"),
        ("Russia's army", "Russia"),
        ("US", "United States"),
        ("Armenians", "Armenia"),
    ]


def test_hyphenated_words_are_matched_by_part():
    text = "Pro-Russian voices, US-led sanctions and Russian-made arms reached Guinea-Bissau."
    assert targets_in(text) == ["Russia", "United States", "Russia", "Guinea-Bissau"]


def test_repeated_mentions_are_each_counted():
    assert targets_in("Russia, Russia, Russia!") == ["Russia"] * 3


def test_matches_do_not_cross_sentences():
    assert targets_in("He flew to New Zealand. New Zealand replied.") == ["New Zealand"] * 2
    assert targets_in("Ask Costa. Rica knows.") == ["António Costa"]


def test_ambiguous_aliases_are_guarded_or_excluded():
    assert found("Jordan Peterson praised King Abdullah of Jordan.") == [("Jordan", "Jordan")]
    assert found("Chad Wolf visited Chad on Monday.") == [("Chad", "Chad")]
    assert found("The South China Sea worries China.") == [("China", "China")]
    assert found("The Washington Post reported from Atlanta, Georgia.") == []
    assert found("Washington on Monday warned Moscow.") == [
        ("Washington", "United States"),
        ("Moscow", "Russia"),
    ]
    assert found("Latin American and Native American leaders met Northern Ireland's.") == []
    # a headline in title case keeps its capitals
    assert targets_in("Baku Rejects Moscow Proposal At Summit") == ["Azerbaijan", "Russia"]


def test_a_short_name_after_another_given_name_is_someone_else():
    text = (
        "The court heard that Hunter Biden and later Brigitte Macron met Mr Lavrov, "
        "Foreign Minister Lavrov and the supreme leader Ayatollah Khamenei."
    )
    assert targets_in(text) == ["Sergey Lavrov", "Sergey Lavrov", "Ali Khamenei"]
    assert targets_in("But Lavrov disagreed.") == ["Sergey Lavrov"]


def test_mentions_in_quotes_are_flagged():
    table = GAZ.find('Lavrov said: "Armenia, too, has used Russian-made weapons."')
    assert list(zip(table.target, table.in_quote, strict=True)) == [
        ("Sergey Lavrov", False),
        ("Armenia", True),
        ("Russia", True),
    ]


def test_find_returns_the_contract_columns_even_when_empty():
    table = GAZ.find(segment(""))
    assert list(table.columns) == list(TARGET_MENTIONS) and table.empty
    table = GAZ.find(segment("Nothing here mentions a target."))
    assert list(table.columns) == list(TARGET_MENTIONS) and table.empty
    assert str(table["start"].dtype) == "int64" and str(table["in_quote"].dtype) == "bool"


# -- affiliation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "affiliation"),
    [
        ("Russian Foreign Minister Sergey Lavrov", "Russia"),
        ("Lavrov", "Russia"),
        ("the Kremlin", "Russia"),
        ("Moscow", "Russia"),
        ("a senior EU official", "European Union"),
        ("Kremlin spokesman Dmitry Peskov", "Russia"),
        ("the US ambassador to Russia", "United States"),
        ("Armenia's Foreign Ministry", "Armenia"),
        ("NATO Secretary General Mark Rutte", "NATO"),
        ("a pro-Ukrainian activist", "Ukraine"),
        ("an unnamed journalist", None),
        ("", None),
    ],
)
def test_affiliation(speaker, affiliation):
    assert GAZ.affiliation(speaker) == affiliation


# -- user targets, files and extension ---------------------------------------------------------


def test_user_targets_as_a_list():
    gaz = resolve_targets(["Russia", "US", "Jane Doe", "Wagner Group", "Canada"])
    assert gaz.targets == ("Russia", "United States", "Jane Doe", "Wagner Group", "Canada")
    text = "Jane Doe met Doe in Moscow; the Wagner Group and Washington; Armenia; Group."
    assert found(text, gaz) == [
        ("Jane Doe", "Jane Doe"),
        ("Doe", "Jane Doe"),
        ("Moscow", "Russia"),
        ("Wagner Group", "Wagner Group"),
        ("Washington", "United States"),
    ]
    # a person the user did not name is not a target, but the office still points at Russia
    assert found("Russian Foreign Minister Sergey Lavrov", gaz) == [
        ("Russian Foreign Minister", "Russia")
    ]


def test_user_targets_as_a_dict():
    gaz = resolve_targets({"Jane Doe": ["J. Doe"], "Wagner Group": ["Wagner", "PMC Wagner"]})
    text = "J. Doe, Doe and Jane Doe joined PMC Wagner, also called Wagner."
    assert found(text, gaz) == [
        ("J. Doe", "Jane Doe"),
        ("Doe", "Jane Doe"),
        ("Jane Doe", "Jane Doe"),
        ("PMC Wagner", "Wagner Group"),
        ("Wagner", "Wagner Group"),
    ]
    assert gaz.affiliation("Jane Doe") == "Jane Doe"
    # a packaged person keeps the country they speak for
    assert resolve_targets({"Sergey Lavrov": ["Lavrov"]}).affiliation("Lavrov") == "Russia"


def test_a_target_that_never_appears_is_still_a_target():
    gaz = resolve_targets(["Russia", "Canada"])
    table = gaz.find(segment("Russia said nothing new."))
    assert "Canada" in gaz.targets and "Canada" not in set(table["target"])


def test_bad_user_targets_say_what_to_do():
    with pytest.raises(GazetteerError, match="item 2: 5 is not a name"):
        resolve_targets(["Russia", 5])
    with pytest.raises(GazetteerError, match="aliases of 'A' must be a list"):
        resolve_targets({"A": 3})
    with pytest.raises(GazetteerError, match="'Alpha' of 'B' is already on an earlier entry"):
        resolve_targets({"A": ["Alpha"], "B": ["Alpha"]})


def test_resolve_targets():
    assert resolve_targets(None) is Gazetteer.load()
    assert resolve_targets(GAZ) is GAZ


def test_extend_from_a_file_replaces_alias_by_alias(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(
        "target,alias,kind,type,country,note\n"
        "Wagner Group,Wagner Group,name,other,,\n"
        "Wagner Group,Wagner,short_name,other,,\n"
        'Georgia (US state),"Atlanta",capital,other,,moved from nowhere\n'
        "Georgia (US state),Georgia,name,other,,a US-domestic corpus\n",
        encoding="utf-8",
    )
    gaz = GAZ.extend(path)
    assert gaz.card["name"] == "targets+extra"
    assert len(gaz.card["parts"]) == 2
    assert found("Wagner left Georgia for Atlanta; Russia shrugged.", gaz) == [
        ("Wagner", "Wagner Group"),
        ("Georgia", "Georgia (US state)"),
        ("Atlanta", "Georgia (US state)"),
        ("Russia", "Russia"),
    ]
    assert "Georgian" in set(gaz.table["alias"])  # the country keeps its other aliases
    assert found("Wagner left.") == []  # the packaged gazetteer is unchanged
    assert (GAZ + Gazetteer.from_csv(path)).sha256 == gaz.sha256


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "target,alias\nRussia,Rossiya\nRussia,Rossiya,extra\n",
            r"extra\.csv, line 3: more fields",
        ),
        ("target,alias,kind\nRussia,Rossiya,nickname\n", r"extra\.csv, line 2: kind must be"),
        (
            "target,alias\nA,Alpha\nB,Alpha\n",
            r"extra\.csv, line 3: the alias 'Alpha' of 'B' is already on line 2",
        ),
        ("target,alias\n,Alpha\n", r"extra\.csv, line 2: both target and alias"),
        ("name,alias\nA,Alpha\n", r"extra\.csv, line 1: the header needs"),
        ("target,alias,type\nA,Alpha,planet\n", r"extra\.csv, line 2: type must be"),
        ("target,alias\n", r"extra\.csv has no rows"),
    ],
)
def test_malformed_files_name_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "extra.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        Gazetteer.from_csv(path)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(GazetteerError, match="was not found"):
        Gazetteer.from_csv(tmp_path / "nope.csv")
    path = tmp_path / "latin.csv"
    path.write_bytes("target,alias\nC\xf4te,C\xf4te\n".encode("latin-1"))
    with pytest.raises(GazetteerError, match="not UTF-8"):
        Gazetteer.from_csv(path)


# -- the seed article --------------------------------------------------------------------------


def test_seed_article(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    document = segment(text)
    table = GAZ.find(document)
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.text, strict=True))
    assert {"Russia", "Armenia", "Azerbaijan", "United States", "France", "Sergey Lavrov"} <= set(
        table["target"]
    )
    by_text = dict(zip(table.text, table.target, strict=True))
    assert by_text["Moscow"] == "Russia"
    assert by_text["Baku"] == "Azerbaijan"
    assert by_text["Yerevan"] == "Armenia"
    lavrov = table[table["text"] == "Russian Foreign Minister Sergey Lavrov"]
    assert list(lavrov["target"]) == ["Sergey Lavrov"]
    # "the US’ military diplomacy": the possessive apostrophe follows US
    start = text.index("the US’") + len("the ")
    us = table[table["start"] == start]
    assert list(zip(us.text, us.target, strict=True)) == [("US", "United States")]
    # mentions inside Lavrov's quotes are flagged
    assert table["in_quote"].any() and not table["in_quote"].all()
    assert (table.groupby("target").size()["Russia"]) > (table.groupby("target").size()["France"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('Russia US’s-." \nArmenLavrovKremlin,')), max_size=80))
def test_offsets_are_valid_on_arbitrary_text(text):
    table = GAZ.find(segment(text))
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.text, strict=True))
    assert (table["start"] < table["end"]).all()
    assert pd.Index(table["start"]).is_monotonic_increasing
