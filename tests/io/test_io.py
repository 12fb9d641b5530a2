"""Readers: boilerplate removal, title detection, HTML, tables, folders, encodings, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import Article
from framing.errors import ReadError
from framing.io import read_article, read_articles

SEED = Path(__file__).parents[2] / "data" / "articles" / "lavrov-military-diplomacy.txt"
SEED_TITLE = "Lavrov Made Three Important Points About Russia’s Military Diplomacy"

BODY = (
    "The foreign ministers met in Geneva on Thursday to discuss a long-delayed border "
    "agreement, officials said after the talks ended late in the evening."
)
BODY2 = "Both delegations are expected to return next month for a further round of talks."


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- the seed article -------------------------------------------------------------------


def test_seed_title_body_and_removed_lines():
    art = framing.read_article(SEED)
    assert art.title == SEED_TITLE
    assert art.text.startswith("Russian Foreign Minister Sergey Lavrov was aggressively confronted")
    assert art.text.endswith("threatens to destabilize the region.")
    for junk in ("spot_img", "Home World", "NO COMMENTS", "Exit mobile version", "\n0\n"):
        assert junk not in art.text
    assert art.meta["removed_lines"] == [
        "spot_img",
        f"Home World {SEED_TITLE}",
        SEED_TITLE,
        "0",
        "NO COMMENTS",
        "Exit mobile version",
    ]
    assert art.meta["removed_rules"] == [
        "ui_token",
        "breadcrumb",
        "title",
        "comment_count",
        "comments",
        "ui_token",
    ]
    assert art.meta["reader"] == "txt"
    assert art.meta["encoding"] == "utf-8"
    assert art.meta["source_path"] == str(SEED)


def test_seed_paragraphs_are_unchanged_source_lines():
    raw = SEED.read_text(encoding="utf-8")
    paragraphs = framing.read_article(SEED).text.split("\n\n")
    assert len(paragraphs) == 8
    assert all(p and p in raw.split("\n") for p in paragraphs)


def test_seed_id_is_stable():
    assert read_article(SEED).id == read_article(SEED).id


# --- boilerplate rules on hand-written texts ----------------------------------------------


def test_breadcrumb_with_separators_and_repeated_headline(tmp_path):
    text = (
        "Skip to content\nHome › Politics › Minister Resigns Over Budget\n\n"
        f"Minister Resigns Over Budget\n\n12 Comments\n\n{BODY}\n\n{BODY2}\n"
    )
    art = read_article(write(tmp_path, "a.txt", text))
    assert art.title == "Minister Resigns Over Budget"
    assert art.text == f"{BODY}\n\n{BODY2}"
    assert art.meta["removed_rules"] == ["ui_token", "breadcrumb", "title", "comments"]


def test_breadcrumb_ending_with_title_gives_the_title_without_repeat(tmp_path):
    art = read_article(write(tmp_path, "a.txt", f"Home World Talks Resume in Geneva\n\n{BODY}\n"))
    assert art.title == "Talks Resume in Geneva"
    assert art.text == BODY


def test_headline_repeated_as_first_body_line(tmp_path):
    art = read_article(write(tmp_path, "a.txt", f"Talks Resume\n\nTalks Resume\n{BODY}\n"))
    assert art.title == "Talks Resume"
    assert art.text == BODY
    assert art.meta["removed_lines"] == ["Talks Resume", "Talks Resume"]


def test_comment_count_removed_at_top_but_list_number_kept_in_body(tmp_path):
    text = f"Talks Resume\n\n0\n\n{BODY}\n\n1\n\n{BODY2}\n\n{BODY}\n"
    art = read_article(write(tmp_path, "a.txt", text))
    assert art.text == f"{BODY}\n\n1\n\n{BODY2}\n\n{BODY}"
    assert "0" in art.meta["removed_lines"]


@pytest.mark.parametrize(
    "junk",
    [
        "NO COMMENTS",
        "Leave a comment",
        "3 Comments",
        "Exit mobile version",
        "Skip to content",
        "Advertisement",
        "Share",
        "Tweet",
        "Print",
        "Read more",
        "Related:",
        "Subscribe",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Telegram",
        "Click here to subscribe to our newsletter",
        "Sign up for our daily newsletter",
        "© 2025 Example Media. All rights reserved.",
        "Copyright 2025 Example Media Ltd",
        "We use cookies to improve your experience on our site.",
        "Read more: Another Headline Entirely",
        "Follow us on Telegram",
    ],
)
def test_boilerplate_line_is_removed(tmp_path, junk):
    art = read_article(write(tmp_path, "a.txt", f"Talks Resume\n\n{BODY}\n{junk}\n\n{BODY2}\n"))
    assert art.text == f"{BODY}\n\n{BODY2}"
    assert art.meta["removed_lines"] == ["Talks Resume", junk]


@pytest.mark.parametrize(
    "line",
    [
        # long paragraph lines containing boilerplate words
        "Share prices fell after the ministry said it would subscribe to the new fund, and "
        "an advertisement in Monday's papers urged readers to read more about the plan.",
        # short real sentences that begin like boilerplate
        "Share prices fell sharply on Monday.",
        "Read more books, the minister urged.",
        "Copyright law was changed in 2019.",
        "Print media lost readers.",
        "Like us, they want peace.",
    ],
)
def test_real_text_with_boilerplate_words_is_kept(tmp_path, line):
    art = read_article(write(tmp_path, "a.txt", f"Talks Resume\n\n{BODY}\n\n{line}\n\n{BODY2}\n"))
    assert art.text == f"{BODY}\n\n{line}\n\n{BODY2}"
    assert art.meta["removed_lines"] == ["Talks Resume"]


def test_byline_and_date_fill_author_and_published(tmp_path):
    text = f"Talks Resume in Geneva\nBy Jane Roe, Reuters\nMay 22, 2025\n\n{BODY}\n"
    art = read_article(write(tmp_path, "a.txt", text))
    assert (art.title, art.author, art.published) == (
        "Talks Resume in Geneva",
        "Jane Roe",
        "May 22, 2025",
    )
    assert art.text == BODY


def test_title_like_byline_is_not_an_author(tmp_path):
    art = read_article(write(tmp_path, "a.txt", f"By the Numbers: Arms Sales\n\n{BODY}\n"))
    assert art.title == "By the Numbers: Arms Sales"
    assert art.author is None


def test_text_starting_with_a_sentence_has_no_title(tmp_path):
    art = read_article(write(tmp_path, "a.txt", f"{BODY}\n\n{BODY2}\n"))
    assert art.title is None
    assert art.text == f"{BODY}\n\n{BODY2}"
    assert art.meta["removed_lines"] == []


def test_headline_ending_with_question_mark_or_full_stop_is_a_title(tmp_path):
    for title in ("Will the Talks Succeed?", "Ministers Never Met Again."):
        art = read_article(write(tmp_path, "a.txt", f"{title}\n\n{BODY}\n"))
        assert art.title == title
        assert art.text == BODY


def test_paragraph_lines_and_inner_line_breaks_are_kept(tmp_path):
    text = f"Talks Resume\n\n{BODY}\n{BODY2}\n\n\n\n{BODY}\n"
    art = read_article(write(tmp_path, "a.txt", text))
    assert art.text == f"{BODY}\n{BODY2}\n\n{BODY}"


def test_a_single_short_line_is_the_body_not_a_title(tmp_path):
    art = read_article(write(tmp_path, "a.txt", "Talks resume in Geneva\n"))
    assert art.text == "Talks resume in Geneva"
    assert art.title is None


def test_markdown_heading_is_the_title(tmp_path):
    art = read_article(
        write(tmp_path, "a.md", f"# Talks Resume\n\n{BODY}\n\n## Next steps\n\n{BODY2}\n")
    )
    assert art.title == "Talks Resume"
    assert art.text == f"{BODY}\n\n## Next steps\n\n{BODY2}"
    assert art.meta["reader"] == "md"


def test_keywords_override_detected_fields_and_extend_meta(tmp_path):
    path = write(tmp_path, "a.txt", f"Talks Resume\n\n{BODY}\n")
    art = read_article(path, outlet="Example News", url="https://e.org/a", title="Other", topic="x")
    assert (art.title, art.outlet, art.url) == ("Other", "Example News", "https://e.org/a")
    assert art.meta["topic"] == "x"
    assert art.meta["source_path"] == str(path)


def test_crlf_line_ends(tmp_path):
    art = read_article(write(tmp_path, "a.txt", f"Talks Resume\r\n\r\n{BODY}\r\n\r\n{BODY2}\r\n"))
    assert art.title == "Talks Resume"
    assert art.text == f"{BODY}\n\n{BODY2}"


# --- HTML ---------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministers Meet in Geneva | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/2025/05/ministers-meet">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-05-22T10:00:00Z">
<script>var tracker = "SECRET_TRACKER"; function track() {{ return 1; }}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers Meet in Geneva</h1>
<p>{BODY}</p>
<script>document.write("SCRIPT_IN_BODY");</script>
<p>“We made progress,” one minister told reporters after the talks, which lasted more than
five hours and ended without a joint statement.</p>
<p>{BODY2}</p>
</article><footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>
"""


def test_html_text_and_metadata(tmp_path):
    art = read_article(write(tmp_path, "page.html", PAGE))
    assert art.title == "Ministers Meet in Geneva"
    assert art.author == "Jane Roe"
    assert art.published == "2025-05-22"
    assert art.outlet == "Example News"
    assert art.url == "https://news.example.org/2025/05/ministers-meet"
    assert art.text.startswith(BODY)
    assert art.text.endswith(BODY2)
    assert art.text.count("\n\n") == 2
    for junk in ("SECRET_TRACKER", "SCRIPT_IN_BODY", "track()", "Copyright", "Ministers Meet"):
        assert junk not in art.text
    assert art.meta["reader"] == "html"
    assert art.meta["extractor"].startswith("trafilatura ")


def test_html_url_and_outlet_arguments_win(tmp_path):
    art = read_article(write(tmp_path, "page.htm", PAGE), url="https://x.org/a", outlet="X")
    assert (art.url, art.outlet) == ("https://x.org/a", "X")


def test_html_declared_charset_is_used(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        BODY2, "Министр иностранных дел провёл переговоры в Ереване в четверг вечером."
    )
    art = read_article(write(tmp_path, "page.html", page, encoding="cp1251"))
    assert "Министр иностранных дел" in art.text
    assert art.meta["encoding"] == "windows-1251"


def test_html_without_text_is_an_error(tmp_path):
    path = write(
        tmp_path, "empty.html", "<html><head><script>var x = 1;</script></head><body></body></html>"
    )
    with pytest.raises(ReadError, match=r"empty\.html has no article text that trafilatura"):
        read_article(path)


# --- tables -------------------------------------------------------------------------------

ROWS = [
    {"body": "First article text.", "headline": "One", "source": "A", "lang": "en"},
    {"body": "Second article text.", "headline": "Two", "source": "B", "lang": "fr"},
    {"body": "Third article text.", "headline": "Three", "source": "A", "lang": "de"},
]
MAPPING = {"body": "text", "headline": "title", "source": "outlet"}


def write_table(tmp_path: Path, name: str, rows: list[dict]) -> Path:
    path = tmp_path / name
    frame = pd.DataFrame(rows)
    if name.endswith(".csv"):
        frame.to_csv(path, index=False)
    elif name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    return path


@pytest.mark.parametrize("name", ["c.jsonl", "c.csv", "c.parquet"])
def test_table_files_with_column_mapping(tmp_path, name):
    path = write_table(tmp_path, name, ROWS)
    arts = list(read_articles(path, columns=MAPPING))
    assert [a.text for a in arts] == [r["body"] for r in ROWS]
    assert [a.title for a in arts] == ["One", "Two", "Three"]
    assert [a.outlet for a in arts] == ["A", "B", "A"]
    assert [a.meta["lang"] for a in arts] == ["en", "fr", "de"]
    assert [a.meta["row"] for a in arts] == [1, 2, 3]
    assert arts[0].meta["source_path"] == str(path)
    assert arts[0].meta["reader"] == name.split(".")[1]


@pytest.mark.parametrize("name", ["c.jsonl", "c.csv", "c.parquet"])
def test_table_chunksize_reads_all_rows_in_order(tmp_path, name):
    rows = [{"text": f"Article number {i}.", "id": f"00{i}"} for i in range(7)]
    arts = list(read_articles(write_table(tmp_path, name, rows), chunksize=3))
    assert [a.text for a in arts] == [r["text"] for r in rows]
    assert [a.id for a in arts] == [r["id"] for r in rows]  # string ids keep leading zeros
    assert [a.meta["row"] for a in arts] == list(range(1, 8))


def test_dataframe_input(tmp_path):
    frame = pd.DataFrame(ROWS, index=["x", "y", "z"])
    arts = list(read_articles(frame, columns=MAPPING))
    assert [a.title for a in arts] == ["One", "Two", "Three"]
    assert [a.meta["index"] for a in arts] == ["x", "y", "z"]
    assert frame.columns.tolist() == ["body", "headline", "source", "lang"]  # not mutated


def test_missing_ids_are_stable_and_do_not_depend_on_row_order(tmp_path):
    first = {
        a.text: a.id for a in read_articles(write_table(tmp_path, "a.csv", ROWS), columns=MAPPING)
    }
    again = {
        a.text: a.id
        for a in read_articles(write_table(tmp_path, "b.jsonl", ROWS[::-1]), columns=MAPPING)
    }
    assert first == again
    assert len(set(first.values())) == 3


def test_same_text_in_two_outlets_gets_two_ids():
    frame = pd.DataFrame({"text": ["Same wire story."] * 2, "outlet": ["A", "B"]})
    ids = [a.id for a in read_articles(frame)]
    assert ids[0] != ids[1]


def test_row_without_outlet_gets_the_article_default_id():
    [art] = read_articles(pd.DataFrame({"text": ["Body."], "title": ["T"]}))
    assert art.id == Article(text="Body.", title="T").id


def test_missing_text_column_error_names_file_columns_and_fix(tmp_path):
    path = write_table(tmp_path, "c.csv", ROWS)
    with pytest.raises(ReadError) as info:
        next(read_articles(path))
    message = str(info.value)
    assert message.startswith(f"{path} has no 'text' column")
    assert "body, headline, source, lang" in message
    assert "columns={'body': 'text'}" in message


def test_dataframe_without_text_column_fails_at_the_call():
    with pytest.raises(ReadError, match="DataFrame has no 'text' column"):
        read_articles(pd.DataFrame({"content": ["x"]}))


def test_empty_text_row_is_an_error_naming_file_and_row(tmp_path):
    rows = [{"text": "Fine."}, {"text": ""}, {"text": "Also fine."}]
    path = write_table(tmp_path, "c.csv", rows)
    with pytest.raises(ReadError, match=rf"^{path} row 2 has no text") as info:
        list(read_articles(path))
    assert info.value.row == 2


def test_nan_text_row_in_dataframe_is_an_error():
    with pytest.raises(ReadError, match="DataFrame row 1 has no text"):
        list(read_articles(pd.DataFrame({"text": ["Fine.", None]})))


def test_on_error_skip_and_callable_go_on(tmp_path):
    path = write_table(tmp_path, "c.jsonl", [{"text": "Fine."}, {"text": None}, {"text": "Ok."}])
    assert [a.text for a in read_articles(path, on_error="skip")] == ["Fine.", "Ok."]
    errors: list[ReadError] = []
    assert len(list(read_articles(path, on_error=errors.append))) == 2
    assert [e.row for e in errors] == [2]


def test_invalid_json_line_is_named(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Fine."}\n{"text": broken}\n', encoding="utf-8")
    with pytest.raises(ReadError, match=rf"^{path} line 2 is not valid JSON"):
        list(read_articles(path))


def test_empty_table_file_is_an_error(tmp_path):
    with pytest.raises(ReadError, match="is empty"):
        list(read_articles(write(tmp_path, "c.csv", "")))


# --- folders, globs, iterables ------------------------------------------------------------


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    write(folder, "b.txt", f"Bee Story\n\n{BODY}\n")
    write(folder, "a.md", f"# Ay Story\n\n{BODY2}\n")
    write(folder, "README.md", "# About this folder\n\nNot an article.\n")
    write(folder, "notes.docx", "ignored")
    write_table(folder, "c.csv", [{"text": "Row article."}])
    write(folder / "sub", "d.txt", f"Dee Story\n\n{BODY}\n")
    return folder


def test_folder_reads_supported_files_sorted_and_not_subfolders(tmp_path):
    arts = list(read_articles(make_folder(tmp_path)))
    assert [a.title for a in arts] == ["Ay Story", "Bee Story", None]
    assert arts[2].text == "Row article."


def test_glob_pattern_and_recursive_glob(tmp_path):
    folder = make_folder(tmp_path)
    assert [a.title for a in read_articles(str(folder / "*.txt"))] == ["Bee Story"]
    assert [a.title for a in read_articles(str(folder / "**" / "*.txt"))] == [
        "Bee Story",
        "Dee Story",
    ]


def test_iterable_of_paths_and_articles(tmp_path):
    folder = make_folder(tmp_path)
    given = Article(text="Given directly.")
    arts = list(read_articles([folder / "b.txt", given, str(folder / "c.csv")]))
    assert [a.text for a in arts] == [BODY, "Given directly.", "Row article."]
    assert arts[1] is given


def test_empty_folder_and_unmatched_glob_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReadError, match="holds no article files"):
        read_articles(tmp_path / "empty")
    with pytest.raises(ReadError, match="matches no article files"):
        read_articles(str(tmp_path / "*.txt"))


def test_bad_file_in_folder_can_be_skipped(tmp_path):
    folder = make_folder(tmp_path)
    write(folder, "broken.txt", "")
    errors: list[ReadError] = []
    arts = list(read_articles(folder, on_error=errors.append))
    assert len(arts) == 3
    assert [Path(e.path).name for e in errors] == ["broken.txt"]


def test_unsupported_source_type():
    with pytest.raises(TypeError, match="cannot read a int"):
        list(read_articles([42]))


# --- encodings ----------------------------------------------------------------------------


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"Talks Resume\n\n{BODY}\n".encode())
    art = read_article(path)
    assert art.title == "Talks Resume"
    assert art.meta["encoding"] == "utf-8-sig"
    assert "\ufeff" not in art.text


def test_cp1251_russian_text_is_detected(tmp_path):
    text = (
        "Лавров провёл переговоры в Ереване\n\n"
        "Министр иностранных дел России Сергей Лавров провёл переговоры в Ереване. "
        "Стороны обсудили вопросы безопасности в регионе и поставки оружия.\n"
    )
    art = read_article(write(tmp_path, "ru.txt", text, encoding="cp1251"))
    assert art.meta["encoding"] == "cp1251"
    assert art.title == "Лавров провёл переговоры в Ереване"
    assert art.text.startswith("Министр иностранных дел России")


def test_cp1252_text_with_curly_quotes_and_accents_is_detected(tmp_path):
    text = (
        "Café Diplomacy\n\n"
        "The minister’s “résumé” was praised at a café in Genève, officials said — "
        "a naïve gesture, critics replied.\n"
    )
    art = read_article(write(tmp_path, "fr.txt", text, encoding="cp1252"))
    assert art.meta["encoding"] == "cp1252"
    assert art.title == "Café Diplomacy"
    assert "“résumé”" in art.text and "naïve" in art.text


def test_encoding_can_be_forced(tmp_path):
    path = write(tmp_path, "a.txt", f"Café Talks\n\n{BODY}\n", encoding="latin-1")
    art = read_article(path, encoding="latin-1")
    assert (art.title, art.meta["encoding"]) == ("Café Talks", "latin-1")
    with pytest.raises(ReadError, match=r"is not valid utf-8.*pass the file's real encoding"):
        read_article(path, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding 'klingon'"):
        read_article(path, encoding="klingon")


# --- errors -------------------------------------------------------------------------------


def test_binary_file_is_an_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ReadError, match=r"image\.txt looks like a binary file"):
        read_article(path)
    path.write_bytes(bytes(range(1, 32)) * 20)
    with pytest.raises(ReadError, match="full of control characters"):
        read_article(path)


def test_empty_and_whitespace_only_files(tmp_path):
    path = write(tmp_path, "x.txt", "")
    with pytest.raises(ReadError) as info:
        read_article(path)
    assert str(info.value) == f"{path} is empty: there is no article text to analyse."
    with pytest.raises(ReadError, match=r"x2\.txt contains only whitespace"):
        read_article(write(tmp_path, "x2.txt", " \n\t\n  \n"))


def test_only_boilerplate_is_an_error(tmp_path):
    path = write(tmp_path, "junk.txt", "spot_img\n\nNO COMMENTS\n\nExit mobile version\n")
    with pytest.raises(ReadError, match="no article text left once its 3 boilerplate lines"):
        read_article(path)


def test_missing_path(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(ReadError, match=rf"^{path} does not exist: check the path") as info:
        read_article(path)
    assert info.value.path == str(path)
    with pytest.raises(ReadError, match="does not exist"):
        read_articles(path)  # raised at the call, before iteration


def test_oversize_file_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", f"Talks Resume\n\n{BODY}\n" * 50)
    with pytest.raises(
        ReadError, match=r"big\.txt is 0\.0 MB, more than the 0\.001 MB limit.*max_bytes="
    ):
        read_article(path, max_bytes=1000)
    assert read_article(path).text  # within the default limit


def test_unsupported_types_and_folders_for_read_article(tmp_path):
    with pytest.raises(ReadError, match=r"use framing\.read_articles\(\)"):
        read_article(write_table(tmp_path, "c.csv", ROWS))
    with pytest.raises(ReadError, match=r"pass a \.txt, \.md, \.html or \.htm file"):
        read_article(write(tmp_path, "x.docx", "text"))
    with pytest.raises(ReadError, match="is a folder, not a file"):
        read_article(tmp_path)


def test_every_error_message_is_one_sentence_naming_the_file(tmp_path):
    cases = [
        (write(tmp_path, "e.txt", ""), {}),
        (tmp_path / "missing.txt", {}),
        (write(tmp_path, "b.txt", "x" * 200), {"max_bytes": 100}),
    ]
    for path, kwargs in cases:
        with pytest.raises(ReadError) as info:
            read_article(path, **kwargs)
        message = str(info.value)
        assert message.startswith(str(path))
        assert message.endswith(".") and "\n" not in message
