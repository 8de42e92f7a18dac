"""UTF-8 read as cp1252, a whole stretch of a line at a time (a page or a paragraph so damaged).

The run finder of :mod:`reader.clean.mojibake.passages` takes Latin-1/cp1252 runs one by one
and scores each; a run is cut where the damage holds an ASCII byte (``ä¸€`` ``"ç”µ"``) and the
pieces are then too short to score.  This fix reads the whole stretch of the line that is only
ASCII and cp1252 characters around a run: when its bytes are valid UTF-8 throughout and give
CJK text, that is what the page said.  Genuine text never passes: a Chinese character has no
cp1252 bytes, and Latin-1 words (``café``) are not valid UTF-8.

>>> text = "<p>ä¸€ã€\\x81 ç”µç…¤ä¾›åº”ç´§å¼\\xa0</p>"
>>> [(e.start, e.end, e.new) for e in segment_edits(text, 3, 6)]
[(3, 28, '一、 电煤供应紧张')]
>>> segment_edits("café crème", 3, 4), segment_edits("Ã©tÃ©", 0, 4)
([], [])
"""

from __future__ import annotations

import re

from reader.clean.edits import Edit
from reader.clean.mojibake.families import _LATIN, _latin_bytes

# What a stretch is made of: printable ASCII (tabs and spaces too) and cp1252/Latin-1 characters.
_STRETCH = f"(?:[\t -~]|{_LATIN})"
_ONE = re.compile(_STRETCH)
_AFTER = re.compile(f"{_STRETCH}*")
_MIN_CJK = 2  # characters of three UTF-8 bytes or more the stretch must give
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def segment_edits(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> list[Edit]:
    """The edit that reads the stretch around the run ``text[start:end]`` as UTF-8, or none."""
    hi = len(text) if hi is None else hi
    a = start
    while a > lo and _ONE.match(text, a - 1):  # (a line break is not in the stretch)
        a -= 1
    after = _AFTER.match(text, end, hi)
    b = after.end() if after else end
    while a < b and text[a] < "\x80":  # the stretch begins and ends with the damage itself
        a += 1
    while b > a and text[b - 1] < "\x80":
        b -= 1
    damaged = text[a:b]
    data = _latin_bytes(damaged)
    try:
        fixed = data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return []
    if not fixed or fixed == damaged or _CONTROL.search(fixed):
        return []
    if sum(ord(c) >= 0x800 for c in fixed) < _MIN_CJK:
        return []
    return [Edit(a, b, fixed, "mojibake", f"UTF-8 read as cp1252 (ftfy): {damaged} -> {fixed}")]
