"""Turn the bytes of a text file into ``str``: BOMs, UTF-8 with stray bytes, cp1251/cp1252.

Without an explicit encoding, a file is read as UTF-8 (a byte-order mark is honoured and
stripped). A UTF-8 file with a few bytes that are not UTF-8 (a stray ``\\xff``, a pasted
Latin-1 phrase) stays UTF-8: each bad byte becomes U+FFFD, the replacement character, and
:class:`Decoded` carries a warning saying how many and where the first is (a mix that looks
like single-byte text is reported as mixed encodings). Only bytes with no more bad bytes
than valid multi-byte UTF-8 characters count as UTF-8; anything else is decoded as
Windows-1251 (Cyrillic) or Windows-1252 (Western European), whichever the text itself
favours (see :func:`_guess_single_byte`).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

__all__ = [
    "BOMS",
    "DecodeFailure",
    "Decoded",
    "Utf8Check",
    "check_utf8",
    "decode",
    "guess_single_byte",
]

#: Byte-order marks and the codec each one means; the codec removes the mark.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Above this share of control characters a "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05
_WORD = re.compile(r"[^\W\d_]+")
_REPLACEMENT = "\ufffd"
# A replaced byte next to a letter looks like part of a pasted single-byte phrase
# ("caf\xe9"), not like one stray byte.
_IN_WORD = re.compile(r"[^\W\d_]\ufffd|\ufffd[^\W\d_]")


class DecodeFailure(ValueError):
    """Bytes that cannot be read as text: ``reason`` says why, ``advice`` what to do."""

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(f"{reason}: {advice}")
        self.reason = reason
        self.advice = advice


class Decoded(NamedTuple):
    """Decoded text, the codec used and, when some bytes were replaced, why (else None)."""

    text: str
    encoding: str
    warning: str | None = None


class Utf8Check(NamedTuple):
    """How UTF-8-like some bytes are: bytes that are not UTF-8, valid multi-byte characters,
    the offset of the first bad byte (-1 if none), and whether the bad bytes sit in words."""

    n_invalid: int
    n_multibyte: int
    first_invalid: int
    in_words: bool

    @property
    def is_utf8(self) -> bool:
        """UTF-8 unless bad bytes outnumber the multi-byte characters (or are all there is)."""
        return self.n_invalid == 0 or 0 < self.n_invalid <= self.n_multibyte

    def warning(self) -> str | None:
        """What replacing the bad bytes did, for ``Article.meta['warnings']``."""
        if not self.n_invalid:
            return None
        what = (
            "the file mixes encodings (they look like single-byte text such as Latin-1)"
            if self.in_words
            else "they are stray bytes"
        )
        return (
            f"{self.n_invalid} byte(s) are not UTF-8 (the first at byte {self.first_invalid}) "
            f"and were replaced by U+FFFD; {what}: pass encoding= or fix the file to keep them"
        )


def check_utf8(data: bytes) -> tuple[str, Utf8Check]:
    """``data`` decoded as UTF-8 with bad bytes replaced, and the count of what is and is not
    UTF-8 in it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
        text = data.decode("utf-8", errors="replace")
    else:
        return text, Utf8Check(0, _non_ascii(text), -1, False)
    n_replaced = text.count(_REPLACEMENT)
    n_invalid = n_replaced - data.count(_REPLACEMENT.encode("utf-8"))
    n_multibyte = _non_ascii(text) - n_replaced
    return text, Utf8Check(n_invalid, n_multibyte, first, bool(_IN_WORD.search(text)))


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def guess_single_byte(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes as cp1251 or cp1252.

    The heuristic: decode as cp1251 and look at the words. Russian (or other Cyrillic) text
    gives words made entirely of Cyrillic letters; Western text gives Latin words with a
    stray Cyrillic letter where each accented letter was ("café" becomes "cafй"). So cp1251
    wins when whole-Cyrillic words outnumber mixed Latin-Cyrillic words, cp1252 otherwise
    (including the tie of text whose only non-ASCII bytes are quotes and dashes, which
    both code pages decode alike). A byte undefined in one code page rules it out.
    """
    decoded = {}
    for encoding in ("cp1251", "cp1252"):
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise DecodeFailure(
            "is neither UTF-8 nor Windows-1251/1252 text",
            "pass its encoding (for example encoding='latin-1') or save it as UTF-8",
        )
    if len(decoded) == 1:
        return next(iter(decoded.values())), next(iter(decoded))
    cyrillic = mixed = 0
    for word in _WORD.findall(decoded["cp1251"]):
        n_cyrillic = sum(map(_is_cyrillic, word))
        cyrillic += n_cyrillic == len(word)
        mixed += 0 < n_cyrillic < len(word)
    encoding = "cp1251" if cyrillic > mixed else "cp1252"
    return decoded[encoding], encoding


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` and normalise line ends to ``"\\n"``.

    Parameters
    ----------
    data : bytes
        The file's content.
    encoding : str, optional
        Force this codec; otherwise UTF-8 (with or without BOM, a few bad bytes replaced),
        UTF-16/32 with a BOM, or the cp1251/cp1252 guess.

    Returns
    -------
    Decoded
        The text, the name of the codec used and a warning when bytes were replaced.

    Raises
    ------
    DecodeFailure
        If the bytes look binary or cannot be decoded.
    """
    forced = encoding is not None
    if encoding is None:
        encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise DecodeFailure(
            "looks like a binary file, not text (it contains NUL bytes)",
            "pass a text, Markdown or HTML file (for UTF-16 text without a byte-order mark, "
            "pass encoding='utf-16')",
        )
    warning = None
    if not forced and encoding in (None, "utf-8-sig"):
        text, check = check_utf8(data)
        if check.is_utf8:
            encoding, warning = encoding or "utf-8", check.warning()
        else:
            text, encoding = guess_single_byte(data)
    else:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DecodeFailure(
                f"cannot be decoded with the unknown encoding {encoding!r}",
                "pass a codec name Python knows, such as 'utf-8', 'cp1251' or 'latin-1'",
            ) from None
        except UnicodeDecodeError as exc:
            raise DecodeFailure(
                f"is not valid {encoding} (byte {exc.object[exc.start]:#04x} at offset "
                f"{exc.start})",
                "pass the file's real encoding, or leave encoding=None to have it detected",
            ) from None
    text = text.removeprefix("\ufeff")  # a BOM left by a forced "utf-8"
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise DecodeFailure(
            "looks like a binary file, not text (it is full of control characters)",
            "pass a text, Markdown or HTML file",
        )
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, warning)
