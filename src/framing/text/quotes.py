"""Quotations: where they open and close, with character offsets.

Straight and curly double quotes, guillemets and single quotes used as quotation marks
(not apostrophes); a quote left open at a paragraph's end continues when the next
paragraph reopens it (the convention for quotes over several paragraphs), else it ends
with its paragraph. :func:`framing.text.segment` calls :func:`find_quotes`, so every
``Document`` carries its quotes (as :class:`framing.text.Quote`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["QuoteSpan", "find_quotes"]

#: (start, end, paragraph_id, closed, depth) of one quotation; framing.text.Quote wraps it.
QuoteSpan = tuple[int, int, int, bool, int]


# Quotation marks: opening mark -> closing marks that end it. Straight double quotes
# toggle; single marks are quotes only at word boundaries (an apostrophe sits between
# letters or ends a plural possessive inside a word run).
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‹": "›", "‘": "’", '"': '"', "'": "'"}
_SINGLE = {"‘", "’", "'"}
_QUOTE_CHARS = re.compile("[\"'“”«»„‹›‘’]")


def _can_open(mark: str, before: str, after: str) -> bool:
    if after.isspace():
        return False
    if mark in _SINGLE or mark == '"':
        return not before.isalnum()
    return True


def _can_close(mark: str, before: str, after: str) -> bool:
    if before.isspace():
        return False
    if mark in _SINGLE:
        return not after.isalnum()
    return True


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Quotations of a document, nested ones included, in text order.

    - a quote left open at the end of a paragraph continues when the next paragraph
      opens with a quotation mark (the convention for quotes over several paragraphs);
      otherwise it ends with its paragraph (``closed=False``);
    - a closing mark may close an outer quote over unclosed single marks inside it, and
      single marks that never close are apostrophes ('90s, rock 'n' roll), not quotes;
    - a doubled mark (``""like this""``, CSV-style escaping) counts as one: the quote
      spans the inner marks, so that its content holds no quotation mark.

    ``paragraph_id`` is the paragraph where the quote opens; ``depth`` counts the quotes
    around it.
    """
    found: list[tuple[int, int, int, bool]] = []
    carried: tuple[str, int, int] | None = None
    for paragraph_id, (start, end) in enumerate(paragraphs):
        stack = [carried] if carried is not None else []
        closed, stack = _scan_paragraph(text, start, end, paragraph_id, stack, carried is not None)
        found.extend(closed)
        carried = None
        open_quotes = [entry for entry in stack if entry[0] not in _SINGLE]
        following = paragraphs[paragraph_id + 1] if paragraph_id + 1 < len(paragraphs) else None
        if open_quotes and following is not None and _reopens(text, following, open_quotes[0][0]):
            carried = open_quotes[0]
            open_quotes = open_quotes[1:]
        found.extend((opened, end, pid, False) for _, opened, pid in open_quotes)
    return _with_depth(found)


def _scan_paragraph(
    text: str,
    start: int,
    end: int,
    paragraph_id: int,
    stack: list[tuple[str, int, int]],
    reopened: bool,
) -> tuple[list[tuple[int, int, int, bool]], list[tuple[str, int, int]]]:
    closed = []
    skip_to = start
    for match in _QUOTE_CHARS.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if at < skip_to:
            continue  # the second mark of a doubled pair
        # A doubled mark (CSV-style ""escaping"") is one mark: a quote opens after the
        # pair and closes before it, so its content holds no quotation mark.
        doubled = at + 1 < end and text[at + 1] == mark
        last = at + 1 if doubled else at
        skip_to = last + 1
        if reopened and at == start:
            continue  # the mark that reopens a quote carried over from the last paragraph
        before = text[at - 1] if at > start else " "
        after = text[last + 1] if last + 1 < end else " "
        index = _closing_index(stack, mark, before, after)
        if index is not None:
            opening, opened_at, pid = stack[index]
            del stack[index:]
            if at - opened_at > (2 if opening in _SINGLE else 1):  # rock 'n' roll, "" are none
                closed.append((opened_at, at + 1, pid, True))
        elif mark in _PAIRS and _can_open(mark, before, after) and (after.isalnum() or not doubled):
            stack.append((mark, last, paragraph_id))
    return closed, stack


def _closing_index(
    stack: list[tuple[str, int, int]], mark: str, before: str, after: str
) -> int | None:
    """The stack entry ``mark`` closes: the innermost match, looking past open single marks."""
    for index in range(len(stack) - 1, -1, -1):
        opening = stack[index][0]
        if mark in _PAIRS[opening] and (
            _can_close(mark, before, after) or (mark == '"' and not _can_open(mark, before, after))
        ):
            return index
        if opening not in _SINGLE:
            return None
    return None


def _reopens(text: str, paragraph: tuple[int, int], mark: str) -> bool:
    first = text[paragraph[0]]
    return first == mark or (mark not in _SINGLE and first in '“"«„')


def _with_depth(found: Iterable[tuple[int, int, int, bool]]) -> list[QuoteSpan]:
    quotes = []
    ends: list[int] = []
    for start, end, paragraph_id, closed in sorted(found, key=lambda q: (q[0], -q[1])):
        while ends and ends[-1] <= start:
            ends.pop()
        quotes.append((start, end, paragraph_id, closed, len(ends)))
        ends.append(end)
    return quotes
