"""Remove scraper boilerplate from plain text and find the title.

The rules are data, kept in ``framing/data/boilerplate.yaml``; this module applies them to
whole short lines only, so a line of a real paragraph is never touched. The page is read as
a *header* (the lines before the first sentence-like line), a body, and a *footer* (the
lines after the last sentence-like line): breadcrumbs, bylines, date lines and the
repeated headline are looked for in the header only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Cleaned", "clean"]

# Quotes and brackets that may close a sentence after its full stop.
_CLOSERS = "\"'”’»)]"
# Characters that render as nothing; a line made only of them is blank.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
# Phrases may be followed by this much punctuation ("Read more »", "Related:").
_PHRASE_TAIL = r"[\s:.!»›→|…]*"
# Which rule groups (by their ``where``) look at a header, body and footer line.
_HEAD = frozenset({"anywhere", "edges", "head"})
_BODY = frozenset({"anywhere"})
_FOOT = frozenset({"anywhere", "edges"})


@dataclass(frozen=True)
class Cleaned:
    """The result of :func:`clean`.

    ``removed`` lists ``(line_number, line, rule)`` for every non-blank line left out of
    ``text`` (1-based line numbers), so the cleaning can be audited.
    """

    text: str
    title: str | None
    fields: dict[str, str] = field(default_factory=dict)
    removed: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Group:
    name: str
    where: str  # "anywhere", "edges" or "head"
    regexes: tuple[re.Pattern[str], ...]
    field: str | None


@dataclass(frozen=True)
class _Rules:
    max_words: int
    title_max_words: int
    groups: tuple[_Group, ...]
    lead: re.Pattern[str]
    separators: re.Pattern[str]
    nav: re.Pattern[str]  # one root or section
    spaced_trail: re.Pattern[str]  # a root then sections, separated by spaces only


def _alternation(words: list[str]) -> str:
    # Longest first, so "world news" wins over "world".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


@cache
def _rules() -> _Rules:
    """Load and compile the packaged rules (once per process)."""
    source = resources.files("framing.io").joinpath("boilerplate.yaml")
    data: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    groups = []
    for g in data["groups"]:
        flags = 0 if g.get("case_sensitive") else re.IGNORECASE
        regexes = [re.compile(p, flags) for p in g.get("patterns") or []]
        if g.get("phrases"):
            regexes.append(re.compile(f"(?:{_alternation(g['phrases'])}){_PHRASE_TAIL}", flags))
        groups.append(_Group(g["name"], g["where"], tuple(regexes), g.get("field")))
    crumb = data["breadcrumb"]
    roots, sections = _alternation(crumb["roots"]), _alternation(crumb["sections"])
    return _Rules(
        max_words=data["max_words"],
        title_max_words=data["title_max_words"],
        groups=tuple(groups),
        lead=re.compile(crumb["lead"], re.IGNORECASE),
        separators=re.compile(crumb["separators"]),
        nav=re.compile(f"(?:{roots}|{sections})", re.IGNORECASE),
        spaced_trail=re.compile(rf"(?:{roots})(?:\s+(?:{sections})(?=\s|$))+", re.IGNORECASE),
    )


def _visible(line: str) -> str:
    return line.translate({ord(c): None for c in _INVISIBLE}).strip()


def _key(line: str) -> str:
    """Comparison form of a line: Markdown heading marks, case, spacing and end stops ignored."""
    return " ".join(_visible(line).lstrip("#").split()).casefold().rstrip(".:;")


def _title_cased(words: list[str]) -> bool:
    # Headlines capitalise most longer words; sentences capitalise few of them.
    longer = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    capital = [w for w in longer if next(c for c in w if c.isalpha()).isupper()]
    return bool(longer) and len(capital) >= 0.8 * len(longer)


def _sentence_like(line: str, rules: _Rules) -> bool:
    """Whether a line reads as body text rather than a headline or page furniture."""
    words = line.split()
    if len(words) > rules.title_max_words:
        return True
    # "?" and "!" end headlines as often as sentences; a full stop marks a sentence unless
    # the line is capitalised like a headline ("Assange Never Met Manafort.").
    return line.rstrip(_CLOSERS).endswith((".", "…")) and not _title_cased(words)


def _match(group: _Group, line: str) -> re.Match[str] | None:
    return next((m for rx in group.regexes if (m := rx.fullmatch(line))), None)


def _breadcrumb(line: str, others: list[str], rules: _Rules) -> str | None:
    """The title a breadcrumb line ends with ("" for a bare trail), or None if it is not one."""
    key = _key(line)
    # A trail ending with the headline that is repeated on a line of its own.
    for other in others:
        other_key = _key(other)
        if len(other_key.split()) >= 3 and key.endswith(" " + other_key):
            prefix = line[: len(line) - len(other)].split()
            if 0 < len(prefix) <= 6 and all(not w[0].isalpha() or w[0].isupper() for w in prefix):
                return other
    text = rules.lead.sub("", line, count=1) if rules.lead.match(line) else line
    # "Home › World › <title>", "World » <title>".
    parts = [p.strip() for p in rules.separators.split(text)]
    if len(parts) > 1:
        if all(rules.nav.fullmatch(p) for p in parts[:-1]):
            return "" if rules.nav.fullmatch(parts[-1]) else parts[-1]
        return None
    # "Home World <title>": a root followed by at least one known section.
    m = rules.spaced_trail.match(text)
    return text[m.end() :].strip() if m else None


def clean(text: str, *, title: str | None = None) -> Cleaned:
    """Remove boilerplate lines from ``text`` and find its title.

    Parameters
    ----------
    text : str
        Decoded text with ``"\\n"`` line ends.
    title : str, optional
        A title known from elsewhere (HTML metadata); lines repeating it are removed.

    Returns
    -------
    Cleaned
        The body as paragraphs (runs of kept lines) joined by ``"\\n\\n"``, each paragraph's
        lines unchanged; the title; ``author``/``published`` found in the header; and the
        removed lines with the rule that removed each.
    """
    rules = _rules()
    lines = [_visible(line) for line in text.split("\n")]
    removed: dict[int, str] = {}  # line index -> rule
    short = [0 < len(line.split()) <= rules.max_words for line in lines]
    sentences = [i for i, line in enumerate(lines) if line and _sentence_like(line, rules)]
    first, last = (sentences[0], sentences[-1]) if sentences else (len(lines), len(lines))

    fields: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not short[i]:
            continue
        where = _HEAD if i < first else _FOOT if i > last else _BODY
        for group in rules.groups:
            if group.where in where and (m := _match(group, line)):
                removed[i] = group.name
                if group.field and group.field not in fields:
                    fields[group.field] = m["value"]
                break

    head = [i for i in range(first) if lines[i] and i not in removed]
    crumb_title = None
    for i in head:
        found = _breadcrumb(lines[i], [lines[j] for j in head if j != i], rules)
        if found is not None:
            removed[i] = "breadcrumb"
            crumb_title = crumb_title or found or None
    head = [i for i in head if i not in removed]

    # Header lines are not sentence-like, so the first one is short enough for a title.
    guessed = title is None and crumb_title is None and bool(head)
    if guessed:
        title = lines[head[0]].lstrip("#").strip() or None
    title = title or crumb_title
    if title is not None:
        kept = [i for i, line in enumerate(lines) if line and i not in removed]
        repeats = [i for i in head if _key(lines[i]) == _key(title)]
        if len(repeats) < len(kept):
            removed.update(dict.fromkeys(repeats, "title"))
        elif guessed:  # a text that is nothing but one short line keeps it as its body
            title = None

    raw = text.split("\n")
    paragraphs: list[str] = []
    run: list[str] = []
    for i, line in enumerate([*lines, ""]):
        if line and i not in removed:
            run.append(raw[i])
        elif run:
            paragraphs.append("\n".join(run).strip())
            run = []
    return Cleaned(
        text="\n\n".join(paragraphs),
        title=title,
        fields=fields,
        removed=[(i + 1, lines[i], removed[i]) for i in sorted(removed)],
    )
