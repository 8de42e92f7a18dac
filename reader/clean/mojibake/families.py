"""Named mojibake families: bytes in one encoding that a scraper decoded as another.

A family is a fix in the style of ftfy: one function that takes a damaged
passage and gives what its bytes say, or None when they do not say anything
(the passage is not that family's damage).  :data:`FAMILIES` lists them in
the order they are tried; :mod:`reader.clean.mojibake.passages` finds the
passages and keeps a fix only when it reads clearly better than the damage.

UTF-8 read as cp1252/Latin-1 is ftfy's own family (``fix_encoding``); ftfy
never touches the GBK/Big5 families (``鍙戝竷`` and ``ÌìÆø`` come back
unchanged from it), which are written here.

>>> [f.name for f in FAMILIES]
['utf8-as-gbk', 'utf8-as-big5', 'utf8-as-cp1252', 'gbk-as-latin1', 'big5-as-latin1']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

# U+FFFD stands for bytes the scraper's decoder could not read: a wildcard byte.
REPLACEMENT = "\ufffd"
WILDCARD = 0xFF  # never a byte of UTF-8, so it cannot be taken for a real one


@functools.lru_cache(maxsize=1 << 16)
def char_bytes(ch: str, codec: str) -> bytes | None:
    """``ch`` encoded with ``codec`` (U+FFFD: one wildcard byte), or None when it has no bytes there.

    >>> char_bytes("鍙", "gb18030").hex(), char_bytes("\\ufffd", "gbk"), char_bytes("😀", "big5")
    ('e58f', b'\\xff', None)
    """
    if ch == REPLACEMENT:
        return bytes((WILDCARD,))
    try:
        data = ch.encode(codec)
    except UnicodeEncodeError:
        return None
    if len(data) == 4 and codec == "gb18030":
        return None  # four-byte GB18030: no decoder makes those out of UTF-8 bytes
    return data


def recode(passage: str, wrong: str, right: str) -> str | None:
    """``passage`` encoded back with ``wrong`` and decoded with ``right``, strictly; None if
    either step fails or nothing changes.

    >>> recode("澶╂皵", "gb18030", "utf-8"), recode("天气", "gb18030", "utf-8")
    ('天气', None)
    """
    try:
        fixed = passage.encode(wrong).decode(right)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != passage else None


def utf8_as_gbk(passage: str) -> str | None:
    """UTF-8 bytes decoded as GBK/GB18030, the commonest on Chinese sites.

    >>> utf8_as_gbk("鍙戝竷"), utf8_as_gbk("澶╂皵"), utf8_as_gbk("发布")
    ('发布', '天气', None)
    """
    return recode(passage, "gb18030", "utf-8")


def utf8_as_big5(passage: str) -> str | None:
    """UTF-8 bytes decoded as Big5 (Traditional pages); most such passages also lost bytes.

    >>> utf8_as_big5("銝滢葉"), utf8_as_big5("不中")
    ('不中', None)
    """
    return recode(passage, "big5hkscs", "utf-8")


def utf8_as_cp1252(passage: str) -> str | None:
    """UTF-8 bytes decoded as cp1252/Latin-1: ftfy's family, fixed by ftfy.

    >>> utf8_as_cp1252("å¿«æ‰‹"), utf8_as_cp1252("café")
    ('快手', None)
    """
    import ftfy

    fixed = ftfy.fix_encoding(passage)
    return fixed if fixed != passage else None


def _latin_bytes(passage: str) -> bytes | None:
    """The bytes a cp1252 (or, for C1 characters, Latin-1) decoder turned into ``passage``."""
    out = bytearray()
    for ch in passage:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))
    return bytes(out)


def _from_latin(passage: str, right: str) -> str | None:
    data = _latin_bytes(passage)
    if data is None:
        return None
    try:
        fixed = data.decode(right)
    except UnicodeDecodeError:
        return None
    return fixed if fixed != passage else None


def gbk_as_latin1(passage: str) -> str | None:
    """GBK bytes decoded as Latin-1/cp1252.

    >>> gbk_as_latin1("ÌìÆø"), gbk_as_latin1("café")
    ('天气', None)
    """
    return _from_latin(passage, "gb18030")


def big5_as_latin1(passage: str) -> str | None:
    """Big5 bytes decoded as Latin-1/cp1252.

    >>> big5_as_latin1("¤Ñ®ð")
    '天氣'
    """
    return _from_latin(passage, "big5hkscs")


@dataclass(frozen=True)
class Family:
    """One kind of mis-decoding: its fix, and where its passages live."""

    name: str
    label: str  # what --repairs says
    fix: Callable[[str], str | None]
    # the codec the scraper decoded with (the damaged text's bytes), for the passage finder;
    # "latin" for the single-byte families, whose passages ftfy-style fixes take whole
    wrong: str
    right: str


FAMILIES: tuple[Family, ...] = (
    Family("utf8-as-gbk", "UTF-8 read as GBK", utf8_as_gbk, "gb18030", "utf-8"),
    Family("utf8-as-big5", "UTF-8 read as Big5", utf8_as_big5, "big5hkscs", "utf-8"),
    Family("utf8-as-cp1252", "UTF-8 read as cp1252 (ftfy)", utf8_as_cp1252, "latin", "utf-8"),
    Family("gbk-as-latin1", "GBK read as Latin-1", gbk_as_latin1, "latin", "gb18030"),
    Family("big5-as-latin1", "Big5 read as Latin-1", big5_as_latin1, "latin", "big5hkscs"),
)
CJK_FAMILIES = tuple(f for f in FAMILIES if f.wrong != "latin")
LATIN_FAMILIES = tuple(f for f in FAMILIES if f.wrong == "latin")

# A run of what a single-byte decoder makes of multi-byte text: Latin-1 letters and signs,
# cp1252's extra characters, C1 controls (what Latin-1 makes of 0x80-0x9F).
# An ASCII character after one of them may be the second byte of a pair (Big5 好 = A6 6E: "¦n").
_LATIN = (
    "[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Two or more of them, written to open with the class itself: the regex engine then skips in C to
# such a character (a repeated group first has it try the pattern at every character).
LATIN_RUN = re.compile(f"{_LATIN}[@-~]?(?:{_LATIN}[@-~]?)+")
