"""UTF-8 decoding of bytes some of which were lost (U+FFFD in the damaged text).

When a scraper decoded UTF-8 bytes as GBK/Big5 with errors replaced, every
byte its decoder could not pair became U+FFFD: that byte is gone, but the
decoder's own rules narrow what it was (a GBK decoder only fails on a byte
that cannot start a pair with the next one), and UTF-8's structure says
which character each surviving byte belongs to.  A character whose bytes all
survived is read back exactly; one that lost a byte is *lost* unless the
narrowed bytes leave a single character.  Nothing is guessed.

>>> pieces = decode_with_gaps(list("身来".encode()), {})
>>> [p.char for p in pieces]
['身', '来']
>>> data = list("身来".encode()); data[2] = None
>>> p = decode_with_gaps(data, {2: tuple(range(0x80, 0xC0))})[0]
>>> p.char, len(p.candidates), "身" in p.candidates
('', 64, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# A lost character is shown as the typesetter's mark for an illegible character.
LOST_MARK = "□"
_MAX_COMBINATIONS = 4096


@dataclass(frozen=True, slots=True)
class Piece:
    """One decoded character: ``char`` when the bytes fix it, else "" with every ``candidates``."""

    char: str
    candidates: tuple[str, ...] = ()
    start: int = 0  # byte offsets of the character in the passage's bytes
    end: int = 0

    @property
    def lost(self) -> bool:
        return not self.char


def _length(lead: int) -> int:
    """How many bytes a UTF-8 sequence starting with ``lead`` has (0: not a lead byte)."""
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _continuation(b: int | None) -> bool:
    return b is None or 0x80 <= b <= 0xBF


def _candidates(choices: Sequence[Sequence[int]]) -> tuple[str, ...] | None:
    """Every character the byte choices decode to (None: too many to list)."""
    total = 1
    for c in choices:
        total *= len(c)
    if total > _MAX_COMBINATIONS:
        return None
    found = []
    for combo in itertools.product(*choices):
        try:
            ch = bytes(combo).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and ch.isprintable():
            found.append(ch)
    return tuple(dict.fromkeys(found))


def _options(data: Sequence[int | None], options: Mapping[int, Sequence[int]], k: int) -> Sequence[int]:
    if data[k] is not None:
        return (data[k],)  # type: ignore[return-value]
    return options.get(k, range(0x80, 0x100))


def _lost_lead(data: Sequence[int | None], options: Mapping[int, Sequence[int]], i: int) -> tuple[Piece, int] | None:
    """A character whose lead byte was lost: its surviving continuation bytes follow."""
    j = i + 1
    while j < len(data) and j - i < 4 and data[j] is not None and 0x80 <= data[j] <= 0xBF:  # type: ignore[operator]
        j += 1
    leads = [x for x in _options(data, options, i) if _length(x) == j - i]
    if not leads:
        return None
    cands = _candidates([leads, *[_options(data, options, k) for k in range(i + 1, j)]])
    if cands is not None and len(cands) == 1:
        return Piece(cands[0], cands, i, j), j
    return Piece("", cands or (), i, j), j


def decode_with_gaps(data: Sequence[int | None], options: Mapping[int, Sequence[int]]) -> list[Piece] | None:
    """Decode ``data`` (bytes, None for a lost byte) as UTF-8, one :class:`Piece` per character.

    ``options`` narrows a lost byte (by its index) to the values the scraper's decoder
    would have failed on.  None when the surviving bytes are not UTF-8 at all.
    """
    out: list[Piece] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b is None:
            found = _lost_lead(data, options, i)
            if found is None:
                return None
            out.append(found[0])
            i = found[1]
            continue
        n = _length(b)
        if n == 0 or i + n > len(data) or not all(_continuation(x) for x in data[i + 1 : i + n]):
            return None
        if n == 1:
            out.append(Piece(chr(b), (chr(b),), i, i + 1))
            i += 1
            continue
        cands = _candidates([_options(data, options, k) for k in range(i, i + n)])
        if cands is not None and not cands:
            return None
        if cands is not None and len(cands) == 1:
            out.append(Piece(cands[0], cands, i, i + n))
        else:
            out.append(Piece("", cands or (), i, i + n))
        i += n
    return out
