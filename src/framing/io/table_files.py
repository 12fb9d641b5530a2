"""Table files row by row: ``.jsonl``, ``.csv`` and ``.parquet`` cut into parts, each part
parsed into :class:`Row` values that either hold a record or say why the row is bad.

One bad row never costs the rest of the file: an unterminated JSON object, a line holding
``[1, 2, 3]`` or ``null``, a CSV row with too many cells or an unclosed quote, a line that
is not valid in the file's encoding, each is one :class:`Row` with its ``error``, and
parsing goes on at the next line (an unclosed CSV quote runs to the end of the file, so
it is the last row). A file is read in :class:`TablePart` pieces that can be parsed
independently (a JSON Lines file cut at line ends, Parquet at row groups; a CSV file is
one part, as a quoted cell may span lines), so that engines can hand them to workers.

The encoding is settled once per file by :func:`table_parts`: a forced one, a byte-order
mark, else UTF-8 unless the bytes are plainly single-byte text (then cp1251 or cp1252, as
for single files, see :mod:`framing.io.decode`). Bytes that are not valid in it are
replaced by U+FFFD and the row carries a warning.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from framing.errors import ReadError
from framing.io.decode import BOMS, check_utf8, guess_single_byte

__all__ = ["Row", "TablePart", "part_rows", "plan_parts"]

# Bytes read at a time when scanning a file for its encoding and line ends.
_SCAN_BYTES = 1 << 20
# Single-byte guesses are made from this much of the file's text.
_GUESS_BYTES = 4 << 20
# Rows parsed from a Parquet file at a time when no chunk size is given.
_PARQUET_BATCH = 10_000
_JSON_KINDS = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


class Row(NamedTuple):
    """One row of a table file: its ``label`` and either its ``record`` or an ``error``.

    ``label`` is the line number in a JSON Lines file and the data row number (from 1) in
    CSV and Parquet files; ``error`` completes the sentence "<file> line 4 ...", advice
    included (then ``record`` is None); ``warning`` says which bytes were replaced while
    decoding it.
    """

    label: int
    record: dict[str, Any] | None
    error: str | None = None
    warning: str | None = None


@dataclass(frozen=True)
class TablePart:
    """A piece of a table file that can be parsed on its own.

    ``start`` and ``stop`` are byte offsets (JSON Lines) or row-group numbers (Parquet);
    ``stop`` None means the end of the file. ``first_label`` is the line or row number of
    the part's first row.
    """

    name: str
    kind: str
    encoding: str | None
    start: int = 0
    stop: int | None = None
    first_label: int = 1

    @property
    def path(self) -> Path:
        return Path(self.name).expanduser()


def plan_parts(
    name: str, kind: str, encoding: str | None, blocksize: int | None = None
) -> list[TablePart]:
    """The parts of table file ``name`` of type ``kind`` (``jsonl``, ``csv``, ``parquet``).

    With ``blocksize``, a JSON Lines file is cut at the first line end after every
    ``blocksize`` bytes and a Parquet file into its row groups; otherwise (and for CSV) the
    file is one part.

    Raises
    ------
    ReadError
        If the encoding is unknown, or a Parquet file cannot be opened.
    """
    path = Path(name).expanduser()
    if kind == "parquet":
        return _parquet_parts(path, name, blocksize is not None)
    codec, cuts = _scan(path, name, encoding, blocksize if kind == "jsonl" else None)
    bounds = [(0, 1), *cuts]
    return [
        TablePart(name, kind, codec, start, next_start, first)
        for (start, first), (next_start, _) in zip(bounds, [*cuts, (None, 0)], strict=True)
    ]


def part_rows(part: TablePart, chunksize: int | None = None) -> Iterator[list[Row]]:
    """The rows of ``part``, in lists of at most ``chunksize`` (all at once if None).

    Raises
    ------
    ReadError
        Part-way, if a Parquet file or a file in a non-ASCII-compatible encoding (UTF-16)
        turns out unreadable; the rows before it have been yielded.
    """
    if part.kind == "parquet":
        yield from _parquet_rows(part, chunksize)
        return
    rows = _json_rows(part) if part.kind == "jsonl" else _csv_rows(part)
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if chunksize is not None and len(chunk) >= chunksize:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- encodings and lines ----------------------------------------------------------------


def _scan(
    path: Path, name: str, encoding: str | None, blocksize: int | None
) -> tuple[str, list[tuple[int, int]]]:
    """The file's codec, and ``(byte offset, line number)`` of each cut after ``blocksize``.

    One pass over the file counts its bytes that are not UTF-8 (unless the encoding is
    forced or given by a byte-order mark) and finds the line ends to cut at.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        codec = encoding or next((c for bom, c in BOMS if head.startswith(bom)), None)
        if codec is not None:
            _check_codec(codec, name)
        if codec is not None and not _byte_lines(codec):
            return codec, []  # UTF-16/32: read as text, in one part
        checking = codec is None
        n_invalid = n_multibyte = 0
        sample = bytearray()
        cuts: list[tuple[int, int]] = []
        offset, lines, carry = 0, 1, b""
        next_cut = blocksize
        while block := handle.read(_SCAN_BYTES):
            if checking:
                # An incomplete character at the block's end is checked with the next.
                data = carry + block
                keep = _incomplete_tail(data)
                carry = data[len(data) - keep :] if keep else b""
                _, check = check_utf8(data[: len(data) - keep])
                n_invalid += check.n_invalid
                n_multibyte += check.n_multibyte
                if len(sample) < _GUESS_BYTES:
                    sample += block[: _GUESS_BYTES - len(sample)]
            while next_cut is not None and next_cut < offset + len(block):
                end = block.find(b"\n", max(next_cut - offset, 0))
                if end == -1:
                    break
                cut = offset + end + 1
                cuts.append((cut, lines + block.count(b"\n", 0, end + 1)))
                next_cut = cut + blocksize
            lines += block.count(b"\n")
            offset += len(block)
            if next_cut is not None and next_cut < offset:
                next_cut = offset  # the cut falls after the next line end
        size = offset
    cuts = [(cut, line) for cut, line in cuts if cut < size]
    if not checking:
        return codec, cuts
    n_invalid += len(carry)
    if n_invalid == 0 or n_invalid <= n_multibyte:
        return "utf-8", cuts
    try:
        return guess_single_byte(bytes(sample))[1], cuts
    except ValueError:
        return "cp1252", cuts


def _incomplete_tail(data: bytes) -> int:
    """How many bytes at the end of ``data`` may start a UTF-8 character cut by the block."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return 0
        if byte >= 0xC0:  # a lead byte: is its character complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back if back < need else 0
    return 0


def _check_codec(codec: str, name: str) -> None:
    try:
        codecs.lookup(codec)
    except LookupError:
        raise ReadError(
            f"{name} cannot be decoded with the unknown encoding {codec!r}: pass a codec "
            "name Python knows, such as 'utf-8', 'cp1251' or 'latin-1'.",
            path=name,
        ) from None


def _byte_lines(codec: str) -> bool:
    """Whether lines of this codec can be split at b"\\n" (ASCII-compatible codecs)."""
    return "a\n".encode(codec) == b"a\n"


def _lines(part: TablePart) -> Iterator[tuple[int, str, str | None]]:
    """``(line number, text, warning)`` of each line of a part, line ends kept."""
    codec = part.encoding or "utf-8"
    if not _byte_lines(codec):
        with part.path.open(encoding=codec, newline="") as handle:
            try:
                for number, line in enumerate(handle, start=part.first_label):
                    yield number, line, None
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"{part.name} is not valid {codec} text (byte {exc.object[exc.start]:#04x})"
                    ": pass its real encoding.",
                    path=part.name,
                ) from None
        return
    strict_codec = "utf-8" if codec == "utf-8-sig" else codec
    with part.path.open("rb") as handle:
        handle.seek(part.start)
        position = part.start
        for number, raw in enumerate(handle, start=part.first_label):
            if part.stop is not None and position >= part.stop:
                break
            if position == 0 and codec == "utf-8-sig":
                raw = raw.removeprefix(codecs.BOM_UTF8)
            position += len(raw)
            try:
                yield number, raw.decode(strict_codec), None
            except UnicodeDecodeError as exc:
                text = raw.decode(strict_codec, errors="replace")
                n_bad = text.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
                yield (
                    number,
                    text,
                    f"{max(n_bad, 1)} byte(s) of line {number} are not valid {strict_codec} "
                    f"(the first is {exc.object[exc.start]:#04x}) and were replaced by U+FFFD",
                )


# -- JSON Lines -------------------------------------------------------------------------


def _json_rows(part: TablePart) -> Iterator[Row]:
    for number, line, warning in _lines(part):
        if not line.strip():
            continue
        try:
            value = json.loads(line.rstrip("\r\n"))
        except ValueError as exc:
            reason = f"{exc.msg} column {exc.colno}" if hasattr(exc, "colno") else "malformed"
            yield Row(
                number,
                None,
                f"is not valid JSON ({reason}): fix or remove that line (each line must hold "
                "one JSON object)",
                warning,
            )
            continue
        if not isinstance(value, dict):
            kind = _JSON_KINDS.get(type(value), "a number")
            yield Row(
                number,
                None,
                f"holds {kind}, not a JSON object: each line must hold one object with a "
                "'text' field",
                warning,
            )
            continue
        yield Row(number, value, None, warning)


# -- CSV --------------------------------------------------------------------------------


def _csv_rows(part: TablePart) -> Iterator[Row]:
    """Data rows numbered from 1; every cell a string (ids keep their leading zeros)."""
    lines = _lines(part)
    warnings: dict[int, str] = {}

    def texts() -> Iterator[str]:
        for number, line, warning in lines:
            if warning:
                warnings[number] = warning
            yield line

    reader = csv.reader(texts(), strict=True)
    header: list[str] | None = None
    number = 0
    first_line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if header is None:
                raise ReadError(
                    f"{part.name} line {reader.line_num}: its header could not be read as "
                    f"CSV ({exc}): check the quotes of the first line.",
                    path=part.name,
                ) from None
            number += 1
            yield Row(number, None, _csv_problem(exc, first_line, reader.line_num))
            first_line = reader.line_num + 1
            continue
        lines_read = range(first_line, reader.line_num + 1)
        first_line = reader.line_num + 1
        if not cells:
            continue  # a blank line
        if header is None:
            header = [cell.strip() for cell in cells]
            continue
        number += 1
        warning = next((warnings.pop(n) for n in lines_read if n in warnings), None)
        if len(cells) > len(header):
            yield Row(
                number,
                None,
                f"(line {lines_read.start}) has {len(cells)} cells but the header has "
                f"{len(header)}: quote cells that contain commas",
                warning,
            )
            continue
        record = dict(zip(header, cells, strict=False))
        record.update((column, None) for column in header[len(cells) :])
        yield Row(number, record, None, warning)


def _csv_problem(exc: csv.Error, first_line: int, line: int) -> str:
    if "unexpected end of data" in str(exc):
        return (
            f"(line {first_line}) opens a quote that is never closed, so the rest of the file "
            "was read as one cell: close the quote (is the file truncated?)"
        )
    return f"(line {line}) could not be read as CSV ({exc}): check its quotes"


# -- Parquet ----------------------------------------------------------------------------


def _parquet_file(path: Path, name: str) -> Any:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        raise _parquet_error(name, exc) from None


def _parquet_error(name: str, exc: Exception) -> ReadError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ReadError(
        f"{name} could not be read as Parquet ({detail}): check that the file is complete "
        "and in that format.",
        path=name,
    )


def _parquet_parts(path: Path, name: str, split: bool) -> list[TablePart]:
    metadata = _parquet_file(path, name).metadata
    if not split or metadata.num_row_groups <= 1:
        return [TablePart(name, "parquet", None)]
    parts, first = [], 1
    for group in range(metadata.num_row_groups):
        parts.append(TablePart(name, "parquet", None, group, group + 1, first))
        first += metadata.row_group(group).num_rows
    return parts


def _parquet_rows(part: TablePart, chunksize: int | None) -> Iterator[list[Row]]:
    source = _parquet_file(part.path, part.name)
    stop = source.metadata.num_row_groups if part.stop is None else part.stop
    groups = list(range(part.start, stop))
    label = part.first_label
    try:
        for batch in source.iter_batches(batch_size=chunksize or _PARQUET_BATCH, row_groups=groups):
            records = batch.to_pylist()
            yield [Row(label + i, record) for i, record in enumerate(records)]
            label += len(records)
    except (OSError, ValueError) as exc:
        raise _parquet_error(part.name, exc) from None
