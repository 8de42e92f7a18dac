"""The character classes that find UTF-8 read as GBK/Big5: which characters a run of such
damage is made of, and the signature every damaged passage of two characters or more has.

Each class becomes one compiled regex fragment.  Python's regex engine looks a character up
in a class of the Basic Multilingual Plane in constant time, but goes through the ranges of
characters beyond it one by one: Big5-HKSCS gives a thousand of them, which made every
character of every text pay for that walk.  :func:`one_of` tests those only for characters
beyond the plane, so that the same matches cost a tenth as much.

>>> bool(signature("gb18030").search("鍙戝竷")), bool(signature("gb18030").search("发布会"))
(True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from reader.clean.mojibake.families import REPLACEMENT

_BEYOND_BMP = "[\U00010000-\U0010ffff]"


def utf8_byte(b: int) -> bool:
    """Whether UTF-8 ever writes byte ``b``.

    >>> utf8_byte(0xE4), utf8_byte(0xC0), utf8_byte(0xF5)
    (True, False, False)
    """
    return b <= 0xF4 and b not in (0xC0, 0xC1)


def ranges(points: list[int]) -> str:
    """Sorted code points as a regex class body of ranges (``a-z``): it compiles far faster.

    >>> ranges([0x41, 0x42, 0x43, 0x61])
    'A-Ca'
    """
    out, k = [], 0
    while k < len(points):
        j = k
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = _escaped(points[k]), _escaped(points[j])
        out.append(first if j == k else f"{first}-{last}")
        k = j + 1
    return "".join(out)


def _escaped(point: int) -> str:
    """A character as :func:`re.escape` writes it (which changes only ASCII), without the call
    for the thousands of others a class holds."""
    return re.escape(chr(point)) if point < 0x80 else chr(point)


def one_of(points: list[int]) -> str:
    """A regex fragment matching one character of the sorted code points ``points``; those
    beyond the Basic Multilingual Plane are looked up only for such a character.

    >>> one_of([0x41, 0x42])
    '[A-B]'
    >>> pattern = re.compile(one_of([0x41, 0x20000, 0x20001]))
    >>> [bool(pattern.fullmatch(c)) for c in ("A", "\\U00020001", "B", "\\U00020002")]
    [True, True, False, False]
    """
    bmp = [p for p in points if p <= 0xFFFF]
    beyond = [p for p in points if p > 0xFFFF]
    if not beyond:
        return f"[{ranges(bmp)}]"
    return f"(?:[{ranges(bmp)}]|{_BEYOND_BMP}(?<=[{ranges(beyond)}]))"


def pair_chars(codec: str, pairs: list[tuple[int, int]]) -> list[str | None]:
    """What ``codec`` decodes each two-byte pair to, when that is one character outside the
    private use area (else None).  All pairs are decoded in one call, a line each (a pair never
    decodes to a line break, and every byte a decoder rejects stays one surrogate), not in
    thousands of calls; a decoder that took a line break into an error falls back to one call
    a pair.

    >>> pair_chars("gb18030", [(0xE5, 0x8F), (0x80, 0x41), (0xFF, 0x41)])
    ['鍙', None, None]
    """
    lines = b"\n".join(bytes(p) for p in pairs).decode(codec, "surrogateescape").split("\n")
    if len(lines) != len(pairs):
        lines = [_strict(codec, p) for p in pairs]
    return [ch if len(ch) == 1 and _usable(ch) else None for ch in lines]


def _strict(codec: str, pair: tuple[int, int]) -> str:
    try:
        return bytes(pair).decode(codec)
    except UnicodeDecodeError:
        return ""


def _usable(ch: str) -> bool:
    return not 0xE000 <= ord(ch) <= 0xF8FF and not 0xD800 <= ord(ch) <= 0xDFFF


def _suspect_pairs() -> list[tuple[int, int]]:
    """Byte pairs both of whose bytes UTF-8 can produce (with an ASCII trail: a UTF-8 sequence's
    last byte paired with the next ASCII letter), never two lead bytes in a row."""
    return [
        (x, y)
        for x in range(0x80, 0xF5)
        for y in range(0x40, 0xF5)
        if utf8_byte(x) and utf8_byte(y) and not 0x7F <= y < 0x80 and not (0xC2 <= x and 0xC2 <= y)
    ]


_LEADS = (range(0x80, 0xC0), range(0xC2, 0xF5))  # the bytes UTF-8 writes from 0x80 (C0, C1 never)
_TRAILS = (range(0x40, 0x7F), *_LEADS)  # and the ASCII a sequence's last byte is read with
# _suspect_pairs as blocks of (leads, trails), which _pair_points decodes in one call each
SUSPECT_BLOCKS = tuple((x, y) for x in _LEADS for y in _TRAILS if not (x[0] >= 0xC2 and y[0] >= 0xC2))


@functools.lru_cache(maxsize=4)
def suspect_char(codec: str) -> str:
    """One of the two-byte characters of ``codec`` whose bytes UTF-8 can produce, or U+FFFD,
    as a regex fragment."""
    points = {p for leads, trails in SUSPECT_BLOCKS for p in _pair_points(codec, leads, trails)}
    points.add(ord(REPLACEMENT))
    return one_of(sorted(points))


# A line of one character a decoder gave, neither a surrogate (a rejected byte) nor private use.
_ONE_USABLE = re.compile("(?m)^[^\n\ud800-\udfff\ue000-\uf8ff]$")


def _pair_points(codec: str, leads: range, trails: range) -> list[int]:
    """The code points ``codec`` decodes the pairs (lead, trail) to (what :func:`pair_chars`
    finds), from one decode of all pairs, a line each, built and read in C.

    >>> _pair_points("gb18030", range(0xE5, 0xE6), range(0x8F, 0x91)) == sorted(map(ord, "鍙鍚"))
    True
    """
    # every lead byte in place of the zeros of one row of trails (no trail is a zero or a break)
    row = b"".join(bytes((0, y, 10)) for y in trails)
    lines = b"".join(row.replace(b"\0", bytes((x,))) for x in leads).decode(codec, "surrogateescape")
    if lines.count("\n") != len(leads) * len(trails):  # a decoder took a break into a character
        found = pair_chars(codec, [(x, y) for x in leads for y in trails])
        return sorted({ord(ch) for ch in found if ch is not None})
    return sorted(set(map(ord, _ONE_USABLE.findall(lines))))


def any_of(points: list[int]) -> str:
    """A plain character class holding ``points``, and every character beyond the Basic
    Multilingual Plane if one of them is: what a pattern opening with it scans for in C.

    >>> any_of([0x41, 0x42]), any_of([0x41, 0x20000]) == "[A" + "\U00010000-\U0010ffff]"
    ('[A-B]', True)
    """
    beyond = "\U00010000-\U0010ffff" if points and points[-1] > 0xFFFF else ""
    return f"[{ranges([p for p in points if p <= 0xFFFF])}{beyond}]"


_LEAD, _CONT = range(0xE0, 0xF0), range(0x80, 0xC0)  # a three-byte UTF-8 character's bytes


@functools.lru_cache(maxsize=4)
def _openings(codec: str) -> list[int]:
    """The code points of the (lead, continuation) pairs read by ``codec``: where
    :func:`signature_in` finds a triple."""
    return _pair_points(codec, _LEAD, _CONT)


@functools.lru_cache(maxsize=4)
def _orders(codec: str) -> tuple[list[int], list[int], list[int]]:
    """The code points of the (lead, continuation), (continuation, lead) and (continuation,
    continuation) pairs of three-byte UTF-8 characters read by ``codec``."""
    return _openings(codec), _pair_points(codec, _CONT, _LEAD), _pair_points(codec, _CONT, _CONT)


@functools.lru_cache(maxsize=4)
def signature(codec: str) -> re.Pattern[str]:
    """Three characters in a row that are three-byte UTF-8 characters read two bytes at a time:
    (lead, continuation), (continuation, lead), (continuation, continuation), in turn.  Genuine
    text seldom has such a triple; every damaged passage of two Chinese characters or more has."""
    points = _orders(codec)
    a, b, c = map(one_of, points)
    # The same matches as "abc|bca|cab", opening with one character class: Python's regex engine
    # then skips in C to the characters that can start one, instead of trying each branch at
    # every character of the text.
    first = any_of(sorted(set().union(*points)))
    return re.compile(f"{first}(?:(?<={a}){b}{c}|(?<={b}){c}{a}|(?<={c}){a}{b})")


@functools.lru_cache(maxsize=4)
def signature_in(codec: str) -> re.Pattern[str]:
    """A pattern found in a piece of text (searched from a line's start, or wherever the
    character before is none of the signature's) exactly when :func:`signature` is, at the
    triple's (lead, continuation) character rather than its first one: whether a piece or a line
    holds damage, for far less work.  Every triple has such a character, and they are rare in
    text of either script (lead bytes E0–EF are rare characters' first bytes, and 80–BF no common
    character's second byte in Big5), where a quarter of a text's characters can open a triple.

    >>> found = signature_in("gb18030")
    >>> bool(found.search("发布：鍙戝竷")), bool(found.search("发布会"))
    (True, False)
    >>> found.search("戝竷鍙").start(), signature("gb18030").search("戝竷鍙").start()
    (2, 0)
    """
    return re.compile(_signature_in(codec))


def _signature_in(codec: str) -> str:
    points = _orders(codec)
    a, b, c = map(one_of, points)
    return f"{any_of(points[0])}(?<={a})(?:(?={b}{c})|(?<={c}{a})(?={b})|(?<={b}{c}{a}))"


# A piece with no more of the signature's opening characters than this is checked one of them
# at a time; the rest of a longer one is searched with signature_in, whose long pattern takes
# longer to compile than a short text's whole check (the bundled sample holds 62 of them).
_FEW_OPENINGS = 100


def holds_signature(codec: str, text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether :func:`signature_in` is found in ``text[start:end]`` (the same answer, the
    characters before ``start`` seen as it sees them): the first few characters that can open
    it are checked with sets, so that a short text pays for no long pattern's compiling.

    >>> holds_signature("gb18030", "发布：鍙戝竷"), holds_signature("gb18030", "電視發布會")
    (True, False)
    >>> holds_signature("gb18030", "发布：鍙戝竷", 4), holds_signature("gb18030", "发布：鍙戝竷", 0, 5)
    (False, True)
    """
    end = len(text) if end is None else min(end, len(text))
    opening, pos = _opening(codec), start
    for _ in range(_FEW_OPENINGS):
        m = opening.search(text, pos, end)
        if m is None:
            return False
        if _triple_at(codec, text, m.start(), end):
            return True
        pos = m.start() + 1
    # signature_in's matches start at its opening characters: none before pos
    return signature_in(codec).search(text, pos, end) is not None


@functools.lru_cache(maxsize=4)
def _opening(codec: str) -> re.Pattern[str]:
    return re.compile(any_of(_openings(codec)))


@functools.lru_cache(maxsize=4)
def _order_sets(codec: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    a, b, c = (frozenset(map(chr, points)) for points in _orders(codec))
    return a, b, c


def _triple_at(codec: str, text: str, i: int, end: int) -> bool:
    """Whether :func:`signature_in` matches at ``i`` of ``text[:end]``: its (lead, continuation)
    character there, the (continuation, lead) one after it and the (continuation, continuation)
    one after that or before it, or those two before it."""
    a, b, c = _order_sets(codec)
    if text[i] not in a:
        return False
    after_c = i >= 1 and text[i - 1] in c
    if i + 1 < end and text[i + 1] in b and (after_c or (i + 2 < end and text[i + 2] in c)):
        return True
    return after_c and i >= 2 and text[i - 2] in b


def triple_in(codec: str, text: str, start: int, end: int) -> bool:
    """Whether :func:`signature` is found in ``text[start:end]`` (the same answer), tested with
    sets: a run of suspect characters is short, and the signature's pattern takes longer to
    compile than all the runs of an article take to check.

    >>> [triple_in("gb18030", "说：鍙戝竷", 0, end) for end in (3, 4)], triple_in("gb18030", "发布会", 0, 3)
    ([False, True], False)
    >>> triple_in("gb18030", "戝竷鍙", 0, 3), bool(signature("gb18030").search("戝竷鍙"))
    (True, True)
    """
    a, b, c = _order_sets(codec)
    for i in range(start, min(end, len(text)) - 2):
        x = text[i]
        if x in a:
            if text[i + 1] in b and text[i + 2] in c:
                return True
        if x in b:
            if text[i + 1] in c and text[i + 2] in a:
                return True
        if x in c and text[i + 1] in a and text[i + 2] in b:
            return True
    return False


@functools.lru_cache(maxsize=4)
def damage_or_lost(codec: str) -> re.Pattern[str]:
    """The signature (:func:`signature_in`), or a lost byte (U+FFFD): the lines where a run of
    damage may be.

    >>> damage_or_lost("gb18030").search("一切\ufffd顺利").start()
    2
    """
    return re.compile(f"{_signature_in(codec)}|{REPLACEMENT}")


_PRINTABLE_ASCII = "".join(map(chr, range(0x20, 0x7F)))


@functools.lru_cache(maxsize=4)
def _suspect_stretch(codec: str) -> re.Pattern[str]:
    # suspect characters each with the printable ASCII after it: one copy of the long class
    return re.compile(f"(?:{suspect_char(codec)}[ -~]*)+")


def suspect_runs(codec: str, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans :func:`run_pattern` finds in ``text[start:end]``, in order, from a pattern that
    holds the long class once instead of three times (a third of the compiling): a stretch of
    suspect characters with ASCII after each, cut after its last suspect character (none is
    ASCII), kept when that leaves three characters or more.

    >>> text = "他说：鍙戝竷浼氫笂，一切顺利。"
    >>> list(suspect_runs("gb18030", text, 0, len(text))), run_pattern("gb18030").search(text).span()
    ([(1, 11)], (1, 11))
    """
    for m in _suspect_stretch(codec).finditer(text, start, end):
        last = m.start() + len(m.group().rstrip(_PRINTABLE_ASCII))
        if last - m.start() >= 3:
            yield m.start(), last


@functools.lru_cache(maxsize=4)
def run_pattern(codec: str) -> re.Pattern[str]:
    """A run of suspect characters, ASCII between them allowed (the signature then says which runs
    hold damage).

    >>> run_pattern("gb18030").search("他说：鍙戝竷浼氫笂，一切顺利。").group()
    '说：鍙戝竷浼氫笂，一'
    """
    one = suspect_char(codec)
    # at least three characters: two UTF-8 characters outside ASCII take four bytes or more
    return re.compile(f"{one}(?:{one}|[ -~](?=[ -~]*{one})){{2,}}")
