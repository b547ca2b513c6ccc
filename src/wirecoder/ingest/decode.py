"""Bytes -> text, or the reason they are not text.

Order of trust: a byte-order mark, then strict UTF-8, then Windows-1252 when the result reads as
Western-European text (the legacy encoding of most English-language news, and the one
charset-normalizer confuses with its Central-European siblings on short texts), then the candidates
charset-normalizer proposes, each decoded strictly again and kept only when it is confident enough.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import charset_normalizer

__all__ = ["Undecodable", "decode_bytes", "looks_binary", "looks_empty"]

SNIFF_BYTES = 8192  # binary sniffing looks at the head only: a NUL there is enough to tell
MAX_CONTROL_SHARE = 0.10  # C0 controls (not tab/newline/CR/FF) above this share of the head: binary
MAX_CHAOS = 0.10  # charset-normalizer "mess" ratio; above it a guess is not trusted (confidence < 0.9)
MAX_REPLACEMENT_SHARE = 0.01  # text already full of U+FFFD was decoded badly upstream: no use to us
MAX_NON_ASCII_LETTER_SHARE = 0.30  # Western text in cp1252: accented letters are a minority

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c")
# Well-formed UTF-8 sequences of two to four bytes: legacy 8-bit text almost never contains them.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
UTF8_VALID_PER_INVALID = 2  # at least this many good multi-byte sequences per bad byte: damaged UTF-8
# <meta charset="windows-1251"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252"})
# Non-ASCII characters Windows-1252 produces in Western-European prose: Latin-1 letters, the extra
# cp1252 letters and typographic punctuation. Anything else (box drawing, C1 controls) means the
# bytes were not cp1252.
_WESTERN_EXTRA = frozenset("ŒœŠšŽžŸƒ“”‘’„‚–—…€•«»°£¥¢§©®·´¨¡¿×÷¤¦ª²³µ¹º¼½¾\u00a0\u00ad†‡‰‹›˜™ˆ")


@dataclass(frozen=True, slots=True)
class Undecodable:
    """Why some bytes could not be turned into text (``reason`` is a ``Rejected`` reason code)."""

    reason: Literal["empty", "binary", "undecodable"]
    detail: str


def looks_empty(data: bytes) -> bool:
    """True for no bytes, or only ASCII whitespace (and an optional UTF-8 byte-order mark)."""
    return not data.removeprefix(codecs.BOM_UTF8).strip()


def looks_binary(head: bytes) -> bool:
    """True when the first bytes hold a NUL or many control characters (images, archives, PDFs)."""
    head = head[:SNIFF_BYTES]
    if not head or _bom_encoding(head) is not None:
        return False  # UTF-16/32 text is full of NULs but announces itself with a mark
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    return controls / len(head) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes) -> str | Undecodable:
    """Decode a document's bytes.

    Returns the text, or an ``Undecodable`` whose ``reason`` is ``"empty"``, ``"binary"`` or
    ``"undecodable"`` and whose ``detail`` says what was wrong in plain words.
    """
    if looks_empty(data):
        return Undecodable("empty", "the file is empty or holds only whitespace")
    if looks_binary(data):
        return Undecodable("binary", "the content is binary (NUL or control bytes), not text")

    text, encoding = _decode(data)
    if text is None:
        return Undecodable(
            "undecodable",
            "the bytes are not valid UTF-8 and no other text encoding fits them with confidence",
        )
    if not text.strip():
        return Undecodable("empty", "the file holds only whitespace")
    replacements = text.count("\ufffd")
    if replacements > 1 and replacements / len(text) > MAX_REPLACEMENT_SHARE:
        return Undecodable(
            "undecodable",
            f"decoded as {encoding}, but {replacements} characters are replacement marks (U+FFFD): "
            "the text was already damaged before it reached us",
        )
    return text


def _decode(data: bytes) -> tuple[str | None, str]:
    bom = _bom_encoding(data)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            return None, bom
        return (None if _has_controls(text) else text), bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # UTF-8 with a few broken bytes (a truncated character, one stray cp1252 byte): keep it as
        # UTF-8, the bad bytes as U+FFFD, rather than turn every accent into mojibake.
        return data.decode("utf-8", errors="replace"), "utf-8 (with a few invalid bytes)"
    declared = _declared_charset(data)
    if declared is not None:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if not _has_controls(text):
                return text, declared
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _reads_as_western(western):
        return western, "cp1252"
    for match in charset_normalizer.from_bytes(data):
        if match.chaos > MAX_CHAOS:
            continue
        try:
            # Decode ourselves, strictly: a match's own string is not guaranteed to round-trip.
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _has_controls(text):
            continue
        return text, match.encoding
    return None, "unknown"


def _mostly_utf8(data: bytes) -> bool:
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return valid > 0 and invalid * UTF8_VALID_PER_INVALID <= valid


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    label = match[1].decode("ascii").lower()
    # Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
    return "cp1252" if label in _LATIN1_LABELS else label


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _reads_as_western(text: str) -> bool:
    ascii_letters = 0
    other_letters = 0
    for char in text:
        if char.isascii():
            ascii_letters += char.isalpha()
        elif "\u00c0" <= char <= "\u00ff" and char not in "×÷":
            other_letters += 1
        elif char not in _WESTERN_EXTRA:
            return False
    letters = ascii_letters + other_letters
    return ascii_letters > 0 and other_letters / letters <= MAX_NON_ASCII_LETTER_SHARE


def _has_controls(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" and char not in "\t\n\r\x0c" for char in text)
