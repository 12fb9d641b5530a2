"""Turn the bytes of a text file into ``str``: BOMs, a cp1251/cp1252 guess, binary checks.

Without an explicit encoding, a file is read as UTF-8 (a byte-order mark is honoured and
stripped). Bytes that are not UTF-8 are decoded as Windows-1251 (Cyrillic) or Windows-1252
(Western European), whichever the text itself favours; see :func:`_guess_single_byte`.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeFailure", "decode"]

# Byte-order marks and the codec each one means; the codec removes the mark.
_BOMS = (
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


class DecodeFailure(ValueError):
    """Bytes that cannot be read as text: ``reason`` says why, ``advice`` what to do."""

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(f"{reason}: {advice}")
        self.reason = reason
        self.advice = advice


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _guess_single_byte(data: bytes) -> tuple[str, str]:
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


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and normalise line ends to ``"\\n"``.

    Parameters
    ----------
    data : bytes
        The file's content.
    encoding : str, optional
        Force this codec; otherwise UTF-8 (with or without BOM), UTF-16/32 with a BOM, or
        the cp1251/cp1252 guess.

    Returns
    -------
    text, encoding : tuple of str
        The text and the name of the codec used.

    Raises
    ------
    DecodeFailure
        If the bytes look binary or cannot be decoded.
    """
    if encoding is None:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise DecodeFailure(
            "looks like a binary file, not text (it contains NUL bytes)",
            "pass a text, Markdown or HTML file (for UTF-16 text without a byte-order mark, "
            "pass encoding='utf-16')",
        )
    if encoding is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, encoding = _guess_single_byte(data)
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
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
