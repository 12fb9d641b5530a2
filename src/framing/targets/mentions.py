"""Target mentions: the gazetteer's aliases matched in a document, with their guards.

:class:`Matcher` puts every alias (and its capitalised and ALL-CAPS forms) in a
case-sensitive trie of words (the lexicon engine's :class:`~framing.lexicon.TermTrie`),
so matching is one pass over the tokens. Guards drop what only looks like a mention: a
guarded alias followed by a capitalised word that no target or role explains ("Trump
Tower"), a person's short name or a guarded alias after another capitalised word
("Hunter Biden", "Jaden Jordan"), even at the start of a sentence when that word is a
given name rather than a common word ("Mary Cheney said", but "But Cheney said"); neither
applies in title-case headlines. A demonym or adjective before a language word or a name
word of the card ("Spanish-speaking", "Indian Village") and a capital opening a dateline
("LONDON —") are no mentions either. A target reference followed by roles and a person or
an institution is composed into one mention ("Russian Foreign Minister Sergey Lavrov" is
Lavrov; "Russia's Foreign Ministry" an institution mention of Russia).

**Surnames.** A bare surname ("Cheney") is resolved by one rule, :func:`nearest_full_name`,
which the source rules (:mod:`framing.sources`) share, so that mentions, sources and stance
agree: it refers to the nearest full name ending in that surname mentioned before it
("Liz Cheney", or "Dick Cheney" who is no target), else the first one after it; it is a
mention of a target only if that full name is the target's. In a text that names no one
with that surname in full, it is the gazetteer's target with that last name, if exactly
one target has it (two targets sharing a last name are then both left out).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import pandas as pd

from framing.lexicon import Lexicon
from framing.text import Document, TermTrie, Token, tokenize, word_key

__all__ = ["Matcher", "Mention", "alias_key", "nearest_full_name"]

_POSSESSIVE = frozenset({"'s", "'"})
# Alias kinds that describe ("Indian", "Spanish") and so may open a name or name a language.
_DESCRIBING_KINDS = frozenset({"demonym", "adjective"})
_DATELINE_MARKS = frozenset({"—", "–", "-", "(", ","})


def nearest_full_name(starts: Sequence[int], at: int) -> int | None:
    """The full name a bare surname at offset ``at`` refers to: an index into ``starts``.

    ``starts`` are the sorted offsets of the full names ending in that surname that the
    text mentions. The nearest one before ``at`` wins, else the first one after it; None
    when there is none. Shared by target mentions and source speakers, so that both
    resolve "Cheney" to the same person.
    """
    if not starts:
        return None
    index = bisect_left(starts, at)
    return index - 1 if index > 0 else 0


class Mention(NamedTuple):
    """A target mentioned at ``text[start:end]``."""

    target: str
    alias: str
    kind: str
    type: str
    affiliation: str
    sentence_id: int
    start: int
    end: int
    text: str
    in_quote: bool


class Matcher:
    """Alias words in a case-sensitive trie, plus the composition and guard rules."""

    def __init__(self, entries: pd.DataFrame, rules: Mapping[str, Any]) -> None:
        keys: dict[str, int] = {}
        for phrase in rules.get("exclude", ()):
            keys.setdefault(alias_key(phrase), -1)
        aliases = list(entries["alias"])
        for index, alias in enumerate(aliases):
            keys.setdefault(alias_key(alias), index)
        for index, alias in enumerate(aliases):
            for variant in _variants(alias):
                keys.setdefault(alias_key(variant), index)
        self.entry_of = list(keys.values())
        self.trie = TermTrie(pd.DataFrame({"term": list(keys), "match": "case"}))
        self.target = list(entries["target"])
        self.alias = aliases
        self.kind = list(entries["kind"])
        self.type = list(entries["type"])
        self.affiliation = [
            country or target
            for target, country in zip(entries["target"], entries["country"], strict=True)
        ]
        guard = rules.get("guard", {})
        guarded_kinds = set(guard.get("kinds", ()))
        guarded_aliases = set(guard.get("aliases", ()))
        # a person's short name is guarded on both sides ("Trump Tower", "Hunter Biden")
        self.surname = [
            type_ == "person" and kind == "short_name" and " " not in alias
            for type_, kind, alias in zip(self.type, self.kind, aliases, strict=True)
        ]
        # Who may own each bare surname (targets sharing a last name have a row each),
        # and each person target's entry for it.
        self.owners: dict[str, dict[str, int]] = defaultdict(dict)
        for index, (alias, target) in enumerate(zip(aliases, self.target, strict=True)):
            if self.surname[index]:
                self.owners[alias].setdefault(target, index)
        # The surname of each person's full name: its last word.
        self.full_name_of = {
            index: alias.split()[-1]
            for index, alias in enumerate(aliases)
            if self.type[index] == "person" and self.kind[index] == "person" and " " in alias
        }
        self.guarded = [
            kind in guarded_kinds or alias in guarded_aliases or surname
            for kind, alias, surname in zip(self.kind, aliases, self.surname, strict=True)
        ]
        self.allow_next = frozenset(guard.get("allow_next", ()))
        # given names and rivers are guarded on their left too ("Jaden Jordan")
        self.left_guarded = [alias in guarded_aliases for alias in aliases]
        self.name_words = frozenset(guard.get("name_words", ()))
        self.language_words = frozenset(w.lower() for w in guard.get("language_words", ()))
        self.describing = [kind in _DESCRIBING_KINDS for kind in self.kind]
        self.capital = [kind == "capital" for kind in self.kind]
        # Words capitalised only because they open a sentence ("But Cheney said").
        self.openers = frozenset(str(word).lower() for word in guard.get("sentence_openers", ()))
        roles = {
            category: sorted({alias_key(term) for term in terms})
            for category, terms in (rules.get("roles") or {}).items()
        }
        self.roles = Lexicon.from_dict(roles, name="target-roles") if roles else None
        self.role_category = list(self.roles.table["category"]) if self.roles else []

    def mentions(self, document: Document) -> list[Mention]:
        tokens = _expand(document.tokens)
        raw = [
            (m.first, m.last, self.entry_of[m.entry])
            for m in self.trie.find(tokens)
            if self.entry_of[m.entry] >= 0
        ]
        roles: dict[int, tuple[int, str]] = {}
        if self.roles is not None:
            category = self.role_category
            roles = {m.first: (m.last, category[m.entry]) for m in self.roles.find(tokens)}
        starts = {first for first, _, _ in raw}
        ends = {last for _, last, _ in raw} | {role_last for role_last, _ in roles.values()}
        headlines = _title_case_sentences(tokens)
        lowercase = {t.key for t in tokens if t.text[:1].islower()}
        common = lowercase | self.openers
        full_names: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
        kept = []
        for first, last, entry in raw:
            if self.guarded[entry] and self._blocked(tokens, last + 1, starts, roles, headlines):
                continue
            if (self.surname[entry] or self.left_guarded[entry]) and self._other_person(
                tokens, first, ends, headlines, common
            ):
                # someone else's full name: a later bare surname may be theirs
                if self.surname[entry]:
                    full_names[self.alias[entry]].append((tokens[first - 1].start, None))
                continue
            if self.describing[entry] and self._part_of_name(tokens, last):
                continue
            if self.capital[entry] and _dateline(tokens, first, last):
                continue
            if entry in self.full_name_of:
                full_names[self.full_name_of[entry]].append((tokens[first].start, entry))
            kept.append((first, last, entry))
        kept = self._resolve_surnames(kept, tokens, full_names)
        by_first = {first: (first, last, entry) for first, last, entry in kept}
        found: list[Mention] = []
        k = 0
        while k < len(kept):
            first, last, entry = kept[k]
            end, entry, kind = self._compose(tokens, first, last, entry, roles, by_first)
            start, stop = tokens[first].start, tokens[end].end
            text = document.text[start:stop]
            found.append(
                Mention(
                    target=self.target[entry],
                    alias=_plain(" ".join(text.split())) if kind else self.alias[entry],
                    kind=kind or self.kind[entry],
                    type=self.type[entry],
                    affiliation=self.affiliation[entry],
                    sentence_id=tokens[first].sentence_id,
                    start=start,
                    end=stop,
                    text=text,
                    in_quote=document.quote_at(start, stop) is not None,
                )
            )
            while k < len(kept) and kept[k][0] <= end:
                k += 1
        return found

    def _blocked(
        self,
        tokens: Sequence[Token],
        index: int,
        starts: set[int],
        roles: Mapping[int, Any],
        headlines: set[int],
    ) -> bool:
        """A guarded alias is not a mention when a capitalised non-alias word follows."""
        if index >= len(tokens) or tokens[index].sentence_id != tokens[index - 1].sentence_id:
            return False
        following = tokens[index]
        return (
            following.text[:1].isupper()
            and following.sentence_id not in headlines
            and index not in starts
            and index not in roles
            and following.text not in self.allow_next
        )

    def _part_of_name(self, tokens: Sequence[Token], last: int) -> bool:
        """A demonym or adjective that names a language ("Spanish-speaking suspects",
        "Spanish speakers") or is part of a place's or firm's name ("Indian Village")."""
        following = tokens[last + 1 : last + 3]
        if not following or following[0].sentence_id != tokens[last].sentence_id:
            return False
        word = following[0]
        if word.text in {"-", "‐"} and len(following) > 1:
            word = following[1]
        return word.key in self.language_words or word.text in self.name_words

    def _resolve_surnames(
        self,
        kept: list[tuple[int, int, int]],
        tokens: Sequence[Token],
        full_names: Mapping[str, list[tuple[int, int | None]]],
    ) -> list[tuple[int, int, int]]:
        """Bare surnames resolved by :func:`nearest_full_name`; the rest as they are.

        A surname whose full name is no target's is dropped, as is one that the text never
        names in full and that several targets share.
        """
        resolved = []
        starts = {surname: [start for start, _ in named] for surname, named in full_names.items()}
        for first, last, entry in kept:
            if not self.surname[entry]:
                resolved.append((first, last, entry))
                continue
            surname = self.alias[entry]
            named = full_names.get(surname, [])
            index = nearest_full_name(starts.get(surname, []), tokens[first].start)
            if index is not None:
                owner = named[index][1]
                target = None if owner is None else self.target[owner]
                entry = self.owners[surname].get(target, -1) if target is not None else -1
            elif len(self.owners[surname]) != 1:
                entry = -1
            if entry >= 0:
                resolved.append((first, last, entry))
        return resolved

    @staticmethod
    def _other_person(
        tokens: Sequence[Token],
        first: int,
        ends: set[int],
        headlines: set[int],
        common: set[str],
    ) -> bool:
        """A short name after a capitalised word is someone else's ("Hunter Biden").

        Unless that word ends a target or a role ("Foreign Minister Lavrov", "Mr Lavrov"),
        is a ``common`` word that begins the sentence ("But Lavrov": a word the text also
        writes in lower case, or one of the card's ``guard.sentence_openers``) or the
        sentence is a headline.
        """
        before = first - 1
        if before < 0 or tokens[before].sentence_id != tokens[first].sentence_id:
            return False
        word = tokens[before].text
        opens = before == 0 or tokens[before - 1].sentence_id != tokens[before].sentence_id
        if opens and tokens[before].key in common:
            return False
        return (
            word[:1].isupper()
            and word.isalpha()
            and before not in ends
            and tokens[before].sentence_id not in headlines
        )

    def _compose(
        self,
        tokens: Sequence[Token],
        first: int,
        last: int,
        entry: int,
        roles: Mapping[int, tuple[int, str]],
        by_first: Mapping[int, tuple[int, int, int]],
    ) -> tuple[int, int, str | None]:
        """Extend a target reference over roles to a person or an institution.

        Returns the last token, the entry, and the kind "institution" for a reference
        composed with roles (whose alias is then the words matched), else None.
        "Russian Foreign Minister Sergey Lavrov" -> the person; "Russia's Foreign Ministry"
        -> an institution mention of Russia; "US State Department" -> the institution
        "State Department".
        """
        if self.type[entry] == "person":
            return last, entry, None
        sentence = tokens[first].sentence_id

        def inside(index: int) -> bool:
            return index < len(tokens) and tokens[index].sentence_id == sentence

        index = last + 1
        possessive = inside(index) and tokens[index].key in _POSSESSIVE
        index += possessive
        role_end = None
        while inside(index) and index in roles:
            role_last, category = roles[index]
            if category != "modifier":
                role_end = role_last
            index = role_last + 1
        following = by_first.get(index) if inside(index) else None
        comma = inside(index + 1) and tokens[index].text == ","
        if following is None and role_end is not None and comma:
            following = by_first.get(index + 1)
        if following is not None:
            _, other_last, other = following
            if self.type[other] == "person" and (role_end is not None or possessive):
                return other_last, other, None
            if (
                self.kind[other] == "institution"
                and self.affiliation[other] == self.affiliation[entry]
                and index == last + 1 + possessive
            ):
                return other_last, other, None
        if role_end is not None:
            return role_end, entry, "institution"
        return last, entry, None


def _dateline(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A capital in capitals opening its sentence before a dash, comma or parenthesis is
    a dateline ("LONDON —", "MOSCOW, March 3 (Reuters) -"): where the report was filed,
    not the state acting."""
    opens = first == 0 or tokens[first - 1].sentence_id != tokens[first].sentence_id
    after = tokens[last + 1].text if last + 1 < len(tokens) else ""
    return (
        opens
        and all(tokens[i].text.isupper() for i in range(first, last + 1))
        and after in _DATELINE_MARKS
    )


def _expand(tokens: Sequence[Token]) -> list[Token]:
    """Tokens with hyphenated words split into parts and apostrophes/hyphens made plain.

    Offsets still index into the document; ``text`` is the normalised surface used for
    case-sensitive matching ("Russia’s" -> "Russia", "'s"; "pro-Russian" -> "pro", "-",
    "Russian").
    """
    expanded = []
    for token in tokens:
        text = token.text
        if len(text) > 1 and ("-" in text or "‐" in text):
            for part in re.finditer(r"[-‐]|[^-‐]+", text):
                plain = _plain(part.group())
                expanded.append(
                    Token(
                        token.start + part.start(),
                        token.start + part.end(),
                        plain,
                        word_key(plain),
                        token.sentence_id,
                    )
                )
        elif "’" in text or "‐" in text:
            plain = _plain(text)
            expanded.append(
                Token(token.start, token.end, plain, word_key(plain), token.sentence_id)
            )
        else:
            expanded.append(token)
    return expanded


def _plain(text: str) -> str:
    return text.replace("’", "'").replace("‐", "-")


def alias_key(alias: str) -> str:
    """An alias's words as the matcher sees them, joined by spaces ("Guinea - Bissau")."""
    return " ".join(t.text for t in _expand(tokenize(alias)))


def _variants(alias: str) -> list[str]:
    """Other written forms of an alias: capitalised first letter, and ALL CAPS."""
    forms = []
    if alias[:1].islower():
        forms.append(alias[:1].upper() + alias[1:])
    if sum(c.isalpha() for c in alias) >= 4 and alias.upper() != alias:
        forms.append(alias.upper())
    return forms


def _title_case_sentences(tokens: Sequence[Token]) -> set[int]:
    """Sentences written in title case (headlines), where capitalisation says little."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for token in tokens:
        if len(token.text) >= 4 and token.text.isalpha():
            count = counts[token.sentence_id]
            count[0] += 1
            count[1] += token.text[0].isupper()
    return {s for s, (n, upper) in counts.items() if n >= 3 and upper >= 0.9 * n}
