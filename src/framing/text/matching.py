"""Term matching: a trie of term words that text tokens walk with their inflections.

Matching is one pass over the tokens, so its cost grows with the length of the text, not
with the number of terms. A term's words match their inflected forms ("insinuate" matches
"insinuated" and "insinuates") unless the entry's ``match`` says ``exact`` (lower-case form
only) or ``case`` (case-sensitive). A trailing ``*`` makes a word a prefix ("anti-*"
matches "anti-Russian"). In idioms, "one's" stands for any possessive determiner and
"oneself" for any reflexive pronoun ("change one's tune" matches "changed her tune"). An
entry's :class:`Context` may rule out some places: not before or after given words
("alarm" not before "clock"), or only in lower case.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, not_
from typing import TYPE_CHECKING, NamedTuple

from framing.schema import CONTEXT_CONDITIONS, LITERAL_DOMAINS
from framing.text.segmentation import Token, tokenize, word_key

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Context", "Match", "TermTrie", "inflection_candidates", "parse_context", "term_words"]


class Match(NamedTuple):
    """A lexicon entry found at tokens ``[first, last]`` (inclusive) of a token list."""

    first: int
    last: int
    entry: int


class Context(NamedTuple):
    """Where a lexicon entry counts, as a curator wrote it in the entry's ``context``.

    The matcher checks ``not_before``, ``not_after`` and ``lowercase``; the loaded-term
    guards read ``in_names`` and ``literal``.

    Attributes
    ----------
    not_before, not_after : tuple of tuple of str
        Phrases (as word keys) that may not follow, or precede, the match in its sentence;
        a phrase's words match their inflections ("clock" also rules out "clocks").
    except_ : tuple of tuple of str
        Forms the match itself may not be (``except`` in the written form: "anti-*" but
        not "anti-terrorism"), matched with inflections like the others.
    lowercase : bool
        Only when every letter of the match is lower case ("vulture", not "Vulture").
    in_names : bool
        Counted inside a proper name too ("Nazi Germany", "Communist Party").
    literal : tuple of str
        The event domains in which the term has a literal sense (none: never literal).
    """

    not_before: tuple[tuple[str, ...], ...] = ()
    not_after: tuple[tuple[str, ...], ...] = ()
    except_: tuple[tuple[str, ...], ...] = ()
    lowercase: bool = False
    in_names: bool = False
    literal: tuple[str, ...] = ()

    def accepts(self, tokens: Sequence[Token], first: int, last: int) -> bool:
        """Whether a match at tokens ``[first, last]`` meets the matcher's conditions."""
        if self.lowercase and any(
            char.isupper() for token in tokens[first : last + 1] for char in token.text
        ):
            return False
        sentence = tokens[first].sentence_id
        n = last + 1 - first
        if any(
            len(form) == n and _phrase_at(tokens, first, form, sentence) for form in self.except_
        ):
            return False
        if any(_phrase_at(tokens, last + 1, phrase, sentence) for phrase in self.not_before):
            return False
        return not any(
            _phrase_at(tokens, first - len(phrase), phrase, sentence) for phrase in self.not_after
        )


def _phrase_at(tokens: Sequence[Token], at: int, phrase: tuple[str, ...], sentence: int) -> bool:
    """Whether the words of ``phrase`` (or their inflections) stand at ``tokens[at:]``."""
    if at < 0 or at + len(phrase) > len(tokens):
        return False
    span = tokens[at : at + len(phrase)]
    return all(
        t.sentence_id == sentence and word in inflection_candidates(t.key)
        for t, word in zip(span, phrase, strict=True)
    )


def parse_context(text: str) -> Context:
    """A :class:`Context` from its written form, e.g. ``"not_before: clock; lowercase"``.

    Conditions are separated by ``;``; a condition with words takes them after ``:``,
    separated by ``,`` (each may be a phrase of several words). The names are those of
    :data:`framing.schema.CONTEXT_CONDITIONS`.

    Raises
    ------
    ValueError
        With a sentence saying what is wrong, for the caller to place in its file.
    """
    fields: dict[str, object] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        name, has_words, rest = part.partition(":")
        name = name.strip().lower().replace(" ", "_")
        key = "except_" if name == "except" else name
        words = [w.strip() for w in rest.split(",") if w.strip()]
        if name not in CONTEXT_CONDITIONS:
            raise ValueError(
                f"unknown context condition {name!r}; use {', '.join(CONTEXT_CONDITIONS)}"
            )
        if key in fields:
            raise ValueError(f"the condition {name!r} is given twice; merge its words")
        if name in ("lowercase", "in_names"):
            if has_words:
                raise ValueError(f"{name!r} takes no words (found {rest.strip()!r})")
            fields[key] = True
        elif not words:
            raise ValueError(f"{name!r} needs words after a colon, e.g. '{name}: word, other'")
        elif name == "literal":
            fields[key] = _domains(words)
        else:
            fields[key] = tuple(tuple(word_key(t.text) for t in tokenize(w)) for w in words)
    return Context(**fields)  # type: ignore[arg-type]


def _domains(words: list[str]) -> tuple[str, ...]:
    domains = [w.lower() for w in words]
    unknown = [d for d in domains if d not in LITERAL_DOMAINS]
    if unknown:
        raise ValueError(
            f"unknown literal domain {', '.join(map(repr, unknown))}; use "
            f"{', '.join(LITERAL_DOMAINS)}"
        )
    return tuple(domains)


#: Placeholder words of idioms and the words of the text they stand for.
PLACEHOLDERS = {
    "one's": frozenset({"my", "your", "his", "her", "its", "our", "their"}),
    "oneself": frozenset(
        {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
         "themselves"}
    ),
}  # fmt: skip
_PLACEHOLDER_OF = {form: word for word, forms in PLACEHOLDERS.items() for form in forms}


class _Node:
    __slots__ = ("children", "entries", "prefixes")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.prefixes: dict[str, _Node] = {}
        self.entries: list[int] = []


_MAX_REMEMBERED_STARTS = 1 << 17
_KEY = attrgetter("key")
_SENTENCE = attrgetter("sentence_id")


class TermTrie:
    """Term words as a trie; text tokens walk it with their inflection candidates.

    Built from a table with the columns ``term`` and ``match`` and, optionally, each
    entry's :class:`Context`; :meth:`find` returns :class:`Match` rows whose ``entry`` is
    the table's row position.
    """

    def __init__(self, table: pd.DataFrame, contexts: Sequence[Context] | None = None) -> None:
        self.root = _Node()
        self.words: list[tuple[list[str], str]] = []  # per entry: its words, its match mode
        # None where an entry has no conditions, so that most entries cost nothing here.
        self.contexts = [c if c != Context() else None for c in contexts or [None] * len(table)]
        for index, (term, mode) in enumerate(zip(table["term"], table["match"], strict=True)):
            words, prefix = term_words(term)
            node = self.root
            for word in words:
                node = node.children.setdefault(word_key(word), _Node())
            if prefix:
                node = node.prefixes.setdefault(word_key(prefix), _Node())
            node.entries.append(index)
            self.words.append((words + ([prefix] if prefix else []), mode))
        self.prefix_lengths = sorted(_prefix_lengths(self.root))
        # Where each word leads from the root: most words lead nowhere, and words recur.
        self._starts: dict[str, list[_Node]] = {}
        self._dead: set[str] = set()  # the words of _starts that lead nowhere

    def find(self, tokens: Sequence[Token], *, context: bool = True) -> list[Match]:
        """Leftmost-longest, non-overlapping matches; ``context=False`` ignores the
        entries' contexts (to measure what they rule out)."""
        matches: list[Match] = []
        keys = list(map(_KEY, tokens))
        sentences = list(map(_SENTENCE, tokens))
        n = len(tokens)
        remembered = self._starts
        resume = 0  # the first token after the last match
        # Most tokens lead nowhere: words known to are skipped by a C-level pass.
        for i in compress(count(), map(not_, map(self._dead.__contains__, keys))):
            if i < resume:
                continue
            states = remembered.get(keys[i])
            if states is None:
                states = self._start(keys[i])
            best: Match | None = None
            j = i
            while states:
                for state in states:
                    for entry in state.entries:
                        if (best is None or j > best.last) and self._accepts(
                            entry, tokens, i, j, context
                        ):
                            best = Match(i, j, entry)
                j += 1
                if j == n or sentences[j] != sentences[i]:
                    break
                states = self._step(states, keys[j])
            if best is not None:
                matches.append(best)
                resume = best.last + 1
        return matches

    def _start(self, key: str) -> list[_Node]:
        states = self._starts.get(key)
        if states is None:
            if len(self._starts) >= _MAX_REMEMBERED_STARTS:
                self._starts.clear()
                self._dead.clear()
            states = self._starts[key] = self._step([self.root], key)
            if not states:
                self._dead.add(key)
        return states

    def _step(self, states: list[_Node], key: str) -> list[_Node]:
        following = []
        candidates = inflection_candidates(key)
        if key in _PLACEHOLDER_OF:
            candidates = (*candidates, _PLACEHOLDER_OF[key])
        for state in states:
            for candidate in candidates:
                child = state.children.get(candidate)
                if child is not None and child not in following:
                    following.append(child)
            if state.prefixes:
                for length in self.prefix_lengths:
                    if length > len(key):
                        break
                    child = state.prefixes.get(key[:length])
                    if child is not None and child not in following:
                        following.append(child)
        return following

    def _accepts(
        self, entry: int, tokens: Sequence[Token], first: int, last: int, use_context: bool
    ) -> bool:
        context = self.contexts[entry]
        if use_context and context is not None and not context.accepts(tokens, first, last):
            return False
        words, mode = self.words[entry]
        if mode == "inflect":
            return True
        span = tokens[first : last + 1]
        if mode == "exact":
            return all(
                t.key == word_key(w) or w.endswith("*") or t.key in PLACEHOLDERS.get(w, ())
                for t, w in zip(span, words, strict=True)
            )
        return all(
            t.text == w or t.key in PLACEHOLDERS.get(w, ())
            for t, w in zip(span, words, strict=True)
        )


def _prefix_lengths(node: _Node) -> set[int]:
    lengths = {len(p) for p in node.prefixes}
    for child in [*node.children.values(), *node.prefixes.values()]:
        lengths |= _prefix_lengths(child)
    return lengths


def term_words(term: str) -> tuple[list[str], str | None]:
    """A term's words, tokenised like the text ("one's" kept whole), and its trailing
    wildcard prefix if any."""
    if term.endswith("*"):
        head, _, last = term[:-1].rpartition(" ")
        return _words(head), last
    return _words(term), None


def _words(text: str) -> list[str]:
    words: list[str] = []
    for token in tokenize(text):
        if token.key == "'s" and words and words[-1].lower() == "one":
            words[-1] = "one's"
        else:
            words.append(token.text)
    return words


@lru_cache(maxsize=1 << 16)  # the same words recur in every text
def inflection_candidates(key: str) -> tuple[str, ...]:
    """The forms a lower-cased word may be an inflection of, the word itself first.

    Only inflectional endings are undone (-s, -es, -ies, -ed, -ied, -ing, -er, -est, a
    doubled final consonant, a dropped final e), never derivational ones, so that
    "weaponized" does not become "weapon".
    """
    candidates = [key]
    n = len(key)
    if n > 3 and key.endswith("s") and not key.endswith("ss"):
        candidates.append(key[:-1])
        if key.endswith("ies") and n > 4:
            candidates.append(key[:-3] + "y")
        elif key.endswith("es"):
            candidates.append(key[:-2])
    for suffix in ("ed", "ing", "er", "est"):
        if key.endswith(suffix) and n - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")
            candidates += [stem, stem + "e"]
            if stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                candidates.append(stem[:-1])
    return tuple(dict.fromkeys(candidates))
