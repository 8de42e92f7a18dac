"""GBK byte facts the mojibake pass reasons with.

A scraper decoded GBK bytes one byte out of step; to undo that we re-encode
the damaged characters and re-pair the bytes.  Only two-byte GBK characters
take part: a character that is not one (ASCII, an emoji, a user-defined
"private use" pair) cannot have come out of such a decoder.

>>> realign(0xA1, "爱敃", "r")
'“當時'
>>> realign(0xA1, "彼", "?") is None   # odd number of bytes: not a whole decode
True
>>> [c for c in chars_with_lead(0xCB) if c in "他它她塔"]
['他', '它', '她', '塔']
"""

from __future__ import annotations

import functools


def is_user_defined(lead: int, trail: int) -> bool:
    """GBK's user-defined areas (decoded to private use, or dropped by some decoders).

    >>> is_user_defined(0xFD, 0xD5), is_user_defined(0xCB, 0xFD)
    (True, False)
    """
    if 0xAA <= lead <= 0xAF or 0xF8 <= lead <= 0xFE:
        return 0xA1 <= trail <= 0xFE
    if 0xA1 <= lead <= 0xA7:
        return 0x40 <= trail <= 0xA0 and trail != 0x7F
    return False


def pair_char(lead: int, trail: int) -> str | None:
    """The character GBK bytes ``lead trail`` decode to, or None (invalid / user-defined)."""
    if not (0x81 <= lead <= 0xFE and (0x40 <= trail <= 0x7E or 0x80 <= trail <= 0xFE)):
        return None
    if is_user_defined(lead, trail):
        return None
    try:
        ch = bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None
    if len(ch) != 1 or 0xE000 <= ord(ch) <= 0xF8FF:
        return None
    return ch


def two_bytes(ch: str) -> bytes | None:
    """GBK bytes of ``ch`` when it is a two-byte GBK character, else None.

    >>> two_bytes("時").hex(), two_bytes("a"), two_bytes("😀")
    ('9572', None, None)
    """
    try:
        b = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(b) != 2 or pair_char(b[0], b[1]) != ch:
        return None
    return b


@functools.lru_cache(maxsize=256)
def chars_with_lead(lead: int) -> tuple[str, ...]:
    """Every two-byte GBK character whose first byte is ``lead``."""
    found = (pair_char(lead, t) for t in range(0x40, 0xFF))
    return tuple(c for c in found if c)


@functools.lru_cache(maxsize=256)
def chars_with_trail(trail: int) -> tuple[str, ...]:
    """Every two-byte GBK character whose second byte is ``trail``."""
    found = (pair_char(lead, trail) for lead in range(0x81, 0xFF))
    return tuple(c for c in found if c)


def decode_pairs(data: bytes) -> str | None:
    """Decode ``data`` as whole two-byte GBK characters only, else None."""
    if len(data) % 2:
        return None
    out = []
    for k in range(0, len(data), 2):
        ch = pair_char(data[k], data[k + 1])
        if ch is None:
            return None
        out.append(ch)
    return "".join(out)


def middle_bytes(middle: str) -> bytes | None:
    """Concatenated GBK bytes of ``middle`` when every character is two-byte GBK."""
    parts = []
    for ch in middle:
        b = two_bytes(ch)
        if b is None:
            return None
        parts.append(b)
    return b"".join(parts)


def realign(lead: int, middle: str, trail: str) -> str | None:
    """Undo the one-byte shift: ``lead`` + bytes of ``middle`` + the ASCII ``trail`` byte."""
    mid = middle_bytes(middle)
    if mid is None or len(trail) != 1 or ord(trail) >= 0x80:
        return None
    return decode_pairs(bytes((lead,)) + mid + trail.encode("ascii"))
