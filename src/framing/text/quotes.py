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

#: (start, end, paragraph_id, closed, depth, mark_width) of one quotation;
#: framing.text.Quote wraps it.
QuoteSpan = tuple[int, int, int, bool, int, int]


# Quotation marks: opening mark -> closing marks that end it. Straight double quotes
# toggle, and close a curly one (and a curly one closes them: pages mix them, "...” and
# “..."); single marks are quotes only at word boundaries (an apostrophe sits between
# letters or ends a plural possessive inside a word run).
_PAIRS = {"“": '”"', "«": "»", "„": "“”", "‹": "›", "‘": "’", '"': '"”', "'": "'"}
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
    - a doubled mark (``''like this''`` in some archives, ``""this""`` in CSV-style
      escaping) counts as one: the quote spans both marks of each pair
      (``mark_width`` 2), so that its content holds no quotation mark.

    ``paragraph_id`` is the paragraph where the quote opens; ``depth`` counts the quotes
    around it.
    """
    found: list[tuple[int, int, int, bool, int]] = []
    carried: _Open | None = None
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
        found.extend((opened, end, pid, False, width) for _, opened, pid, width in open_quotes)
    return _with_depth(found)


#: An open quote on the scan's stack: (mark, where it opened, paragraph_id, mark width).
_Open = tuple[str, int, int, int]


def _scan_paragraph(
    text: str,
    start: int,
    end: int,
    paragraph_id: int,
    stack: list[_Open],
    reopened: bool,
) -> tuple[list[tuple[int, int, int, bool, int]], list[_Open]]:
    closed = []
    skip_to = start
    for match in _QUOTE_CHARS.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if at < skip_to:
            continue  # the second mark of a doubled pair
        # A doubled mark (''archives'', CSV-style ""escaping"") is one mark of width 2.
        doubled = at + 1 < end and text[at + 1] == mark
        last = at + 1 if doubled else at
        skip_to = last + 1
        if reopened and at == start:
            continue  # the mark that reopens a quote carried over from the last paragraph
        before = text[at - 1] if at > start else " "
        after = text[last + 1] if last + 1 < end else " "
        index = _closing_index(stack, mark, before, after)
        if index is not None:
            opening, opened_at, pid, width = stack[index]
            del stack[index:]
            inner = at - (opened_at + width)  # characters between the marks
            if inner > (1 if opening in _SINGLE else 0):  # rock 'n' roll, "" are none
                # a pair closes a pair; a single mark closes the inner mark of a pair
                paired = doubled and width == 2
                start = opened_at if paired or width == 1 else opened_at + 1
                closed.append(
                    (start, last + 1 if paired else at + 1, pid, True, 2 if paired else 1)
                )
        elif mark in _PAIRS and _can_open(mark, before, after) and (after.isalnum() or not doubled):
            stack.append((mark, at, paragraph_id, 2 if doubled else 1))
    return closed, stack


def _closing_index(stack: list[_Open], mark: str, before: str, after: str) -> int | None:
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


def _with_depth(found: Iterable[tuple[int, int, int, bool, int]]) -> list[QuoteSpan]:
    quotes = []
    ends: list[int] = []
    for start, end, paragraph_id, closed, width in sorted(found, key=lambda q: (q[0], -q[1])):
        while ends and ends[-1] <= start:
            ends.pop()
        quotes.append((start, end, paragraph_id, closed, len(ends), width))
        ends.append(end)
    return quotes
