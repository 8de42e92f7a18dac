"""Find mojibake passages of the named families and repair them where the evidence is clear.

A passage is repaired only when its bytes, read the right way, give text that
reads clearly better than the passage as it stands (jieba word frequencies,
with a few characters of context): genuine text, rare or Cantonese characters
included, reads worse when its bytes are re-read, never better.

UTF-8 read as GBK or Big5 (:data:`~reader.clean.mojibake.families.CJK_FAMILIES`):
only characters whose two bytes can both come from UTF-8 take part, so a
character class finds the candidate runs in C; the bytes of a run are then
searched for valid UTF-8 (a lost byte, U+FFFD, a wildcard).  The single-byte
families take runs of Latin-1/cp1252 characters whole.

>>> [(e.new, e.kind) for e in recode_edits("他说：鍙戝竷浼氫笂，一切顺利。")]
[('发布会上', 'mojibake')]
>>> recode_edits("佢哋喺度食緊嘢，咁樣都得？")
[]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from reader.clean.edits import Edit
from reader.clean.mojibake.families import (
    CJK_FAMILIES,
    LATIN_FAMILIES,
    LATIN_RUN,
    REPLACEMENT,
    WILDCARD,
    Family,
    char_bytes,
)
from reader.clean.mojibake.lossy import LOST_MARK, Piece, decode_with_gaps
from reader.clean.mojibake.score import is_han, simplified_logp, word_coverage
from reader.clean.mojibake.segments import segment_edits
from reader.clean.mojibake.signatures import damage_or_lost, holds_signature, suspect_runs, triple_in, utf8_byte
from reader.text.patterns import compiled

# How much better (natural log) a repaired passage must read than the damage, at the least
# and per character of damage (a long passage must earn its repair throughout).
MARGIN = 12.0
MARGIN_PER_CHAR = 1.5
_CONTEXT = 6
_MIN_MULTIBYTE = 2  # decoded characters outside ASCII a passage must give
# Each character of a Latin-1/cp1252 run is one byte, and a Han character takes two bytes
# at the least in every family: a shorter run cannot give _MIN_MULTIBYTE Han characters.
_MIN_LATIN_RUN = 2 * _MIN_MULTIBYTE
_UTF8 = re.compile(rb"(?:[\x00-\x7f]|[\xc2-\xdf\xff][\x80-\xbf\xff]|[\xe0-\xef\xff][\x80-\xbf\xff]{2}|\xff)+")


@functools.lru_cache(maxsize=1 << 14)
def _fails(codec: str, x: int, y: int | None) -> bool:
    """Whether ``codec``'s decoder fails on byte ``x`` followed by ``y`` (None: unknown/end)."""
    if y is None:
        return True
    try:
        bytes((x, y)).decode(codec)
    except UnicodeDecodeError as err:
        return err.start == 0
    return False


# The decoder that left U+FFFD behind: GB18030 reads every pair GBK cannot (as private use),
# so lost bytes in a GB18030-family passage are those a GBK decoder failed on.
_FAILING_DECODER = {"gb18030": "gbk"}


def _lost_options(codec: str, data: list[int | None]) -> dict[int, tuple[int, ...]]:
    """For each lost byte: the values on which the scraper's decoder would have failed there."""
    codec = _FAILING_DECODER.get(codec, codec)
    out = {}
    for k, b in enumerate(data):
        if b is None:
            after = data[k + 1] if k + 1 < len(data) else None
            out[k] = tuple(x for x in range(0x80, 0xF5) if utf8_byte(x) and _fails(codec, x, after))
    return out


def recode_edits(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    """``mojibake`` and ``lost`` edits for the passages of UTF-8 read as GBK/Big5 in
    ``text[start:end]``, and a ``damaged`` flag (the text left as it is) on a passage
    with lost bytes that none of them reads."""
    end = len(text) if end is None else end
    edits: list[Edit] = []
    lost = text.find(REPLACEMENT, start, end) >= 0
    for family in CJK_FAMILIES:
        if not lost and not holds_signature(family.wrong, text, start, end):
            continue  # (in C) no passage of this family anywhere in the piece
        taken = _Taken(edits)
        for a, b in _lines_with(damage_or_lost(family.wrong), text, start, end):
            for run_start, run_end in suspect_runs(family.wrong, text, a, b):
                run = text[run_start:run_end]
                if "\n" in run or taken.overlaps(run_start, run_end):
                    continue
                if REPLACEMENT in run or triple_in(family.wrong, text, run_start, run_end):
                    edits += _cjk_run(text, run_start, run_end, family)
    edits += _garbled(text, start, end, edits)
    return sorted(edits, key=lambda e: e.start)


def _lines_with(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of ``text[start:end]`` (without their breaks) where ``pattern`` matches, in
    order: a run of damage never crosses a line, so the runs of a line without the signature
    nor lost bytes need not be looked at (most of the text's runs are genuine words).

    >>> list(_lines_with(re.compile("x"), "ab\\nxx\\ncd\\nx", 0, 10))
    [(3, 5), (9, 10)]
    """
    pos = start
    while (m := pattern.search(text, pos, end)) is not None:
        a = max(start, text.rfind("\n", start, m.start()) + 1)
        b = text.find("\n", m.end(), end)
        b = end if b < 0 else b
        yield a, b
        pos = b


def latin_edits(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    """``mojibake`` edits for runs of Latin-1/cp1252 characters that are CJK text's bytes.

    >>> [e.new for e in latin_edits("天气：ÌìÆøÇçÀÊ，å¿«æ‰‹")]
    ['天气晴朗', '快手']
    """
    end = len(text) if end is None else end
    edits: list[Edit] = []
    done = start  # the end of the last stretch read whole
    for m in LATIN_RUN.finditer(text, start, end):
        if m.start() < done:
            continue
        whole = segment_edits(text, m.start(), m.end(), start, end)
        if whole:
            edits += whole
            done = whole[0].end
        elif m.end() - m.start() >= _MIN_LATIN_RUN:  # ("——", "“…”" and the like: never two Han)
            edits += _latin_run(text, m.start(), m.end())
    return edits


# A run of U+FFFD read as GBK (UTF-8 EF BF BD EF BF BD -> 锟斤拷): bytes lost before the page was saved.
# ("(?:锟斤拷)+锟?|锟斤" written to open with its first character, which the engine then finds in C)
_KUNKINKAO = re.compile("锟(?:斤拷(?:锟斤拷)*锟?|斤)")
_KUNKINKAO_FIRST = "锟"
_LOST = re.compile("\ufffd+")


class _Taken:
    """Non-overlapping spans already edited, asked about in logarithmic time (a book has thousands)."""

    def __init__(self, edits: list[Edit]) -> None:
        spans = sorted((e.start, e.end) for e in edits)
        self.starts = [x for x, _ in spans]
        self.ends = [y for _, y in spans]

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def _garbled(text: str, start: int, end: int, edits: list[Edit]) -> list[Edit]:
    """Lost bytes no family could read: 锟斤拷 becomes a lost mark; U+FFFD is flagged ``damaged``
    and left as it is (the characters around it may be the wrong ones too)."""
    found: list[Edit] = []
    if text.find(REPLACEMENT, start, end) < 0 and text.find(_KUNKINKAO_FIRST, start, end) < 0:
        return found  # (in C) nothing lost in the piece: most pieces
    taken = _Taken(edits)
    for m in _KUNKINKAO.finditer(text, start, end):
        if not taken.overlaps(m.start(), m.end()):
            n = max(1, len(m.group()) // 3)
            note = f"{n * 2} lost byte sequences (U+FFFD saved as UTF-8, read as GBK: 锟斤拷)"
            found.append(Edit(m.start(), m.end(), LOST_MARK * n, "lost", note))
            taken.add(m.start(), m.end())
    for m in _LOST.finditer(text, start, end):
        if not taken.overlaps(m.start(), m.end()):
            # The flag sits on the lost bytes themselves: later passes may still edit the
            # passage around them (a pinyin note), which a flag over it all would not follow.
            context = text[max(start, m.start() - 12) : m.end() + 12].replace("\n", " ")
            note = f"bytes lost here and no encoding reads the passage: {context}"
            found.append(Edit(m.start(), m.end(), m.group(), "damaged", note))
    return found


# ------------------------------------------------------------ the CJK families


# Two UTF-8 sequences outside ASCII with only ASCII between them: what a passage must hold.
_TWO_MULTIBYTE = re.compile(
    rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2})[\x00-\x7f]*(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2})"
)
_MULTIBYTE_LEAD = re.compile(rb"[\xc2-\xef\xff]")


def _cjk_run(text: str, start: int, end: int, family: Family) -> list[Edit]:
    segment = text[start:end]
    if REPLACEMENT not in segment and not _TWO_MULTIBYTE.search(segment.encode(family.wrong, "replace")):
        return []  # (in C) the run's bytes hold no two UTF-8 characters: nothing to read
    data: list[int | None] = []
    bounds = [0]  # byte offset where each character of the run starts
    for ch in text[start:end]:
        b = char_bytes(ch, family.wrong)
        if b is None:
            return []
        data += [None if x == WILDCARD else x for x in b]
        bounds.append(len(data))
    raw = bytes(WILDCARD if x is None else x for x in data)
    at_char = {b: k for k, b in enumerate(bounds)}
    edits = []
    for m in _UTF8.finditer(raw):
        if len(_MULTIBYTE_LEAD.findall(raw, m.start(), m.end())) < _MIN_MULTIBYTE:
            continue
        edit = _passage(text, start, data, at_char, m.start(), m.end(), family)
        if edit:
            edits += edit
    return edits


def _passage(
    text: str, run_start: int, data: list[int | None], at_char: dict[int, int], lo: int, hi: int, family: Family
) -> list[Edit]:
    """The best repair inside the valid byte span ``[lo, hi)`` of a run, if any."""
    options = {k - lo: v for k, v in _lost_options(family.wrong, data).items() if lo <= k < hi}
    pieces = decode_with_gaps(data[lo:hi], options)
    if not pieces:
        return []
    # Where both the damaged text and the decoded one have a character boundary.
    points = [k for k in range(len(pieces) + 1) if _byte_at(pieces, k) + lo in at_char]
    best = _best_span(text, run_start, pieces, points, at_char, lo)
    if best is None:
        return []
    i, j = best
    return _edits(text, run_start, pieces[i:j], at_char, lo, family)


def _byte_at(pieces: list[Piece], k: int) -> int:
    return pieces[k].start if k < len(pieces) else pieces[-1].end


def _span_chars(pieces: list[Piece], at_char: dict[int, int], lo: int, i: int, j: int) -> tuple[int, int]:
    return at_char[_byte_at(pieces, i) + lo], at_char[_byte_at(pieces, j) + lo]


def _gain(text: str, run_start: int, span: tuple[int, int], pieces: list[Piece]) -> float:
    a, b = run_start + span[0], run_start + span[1]
    damaged = text[a:b]
    fixed = "".join(p.char for p in pieces)
    if sum(not p.char.isascii() for p in pieces) < _MIN_MULTIBYTE or not _textlike(fixed):
        return float("-inf")
    left = text[max(0, a - _CONTEXT) : a].rsplit("\n", 1)[-1]
    right = text[b : b + _CONTEXT].split("\n", 1)[0]
    gain = simplified_logp(left + fixed + right) - simplified_logp(left + damaged + right)
    if REPLACEMENT in damaged:
        gain += 4.0 * damaged.count(REPLACEMENT)  # lost bytes are evidence of damage by themselves
    return gain - MARGIN - MARGIN_PER_CHAR * len(fixed)


def _best_span(
    text: str, run_start: int, pieces: list[Piece], points: list[int], at_char: dict[int, int], lo: int
) -> tuple[int, int] | None:
    """Trim the span from either end while that improves the evidence; None if it never passes."""
    if len(points) < 2:
        return None

    def score(i: int, j: int) -> float:
        span = _span_chars(pieces, at_char, lo, points[i], points[j])
        return _gain(text, run_start, span, pieces[points[i] : points[j]])

    i, j = _textlike_ends(pieces, points)
    if i >= j:
        return None
    best = score(i, j)
    while True:
        options = [(score(i + 1, j), i + 1, j)] if i + 1 < j else []
        if j - 1 > i:
            options.append((score(i, j - 1), i, j - 1))
        top = max(options, default=None)
        if top is None or top[0] <= best:
            break
        best, i, j = top
    if best < 0:
        return None
    return points[i], points[j]


def _textlike_ends(pieces: list[Piece], points: list[int]) -> tuple[int, int]:
    """The first and last points of the span without the characters at its ends that no
    article is written in.  Genuine text right after a passage can be valid UTF-8 by chance
    (全省 is C8 AB CA A1 in GB18030, which UTF-8 reads ȫʡ): those letters would make every span
    that the trimming below tries fail as a whole, so that it never starts.

    >>> from reader.clean.mojibake.lossy import Piece
    >>> ps = [Piece(c, (), k, k + 1) for k, c in enumerate("农业，ȫʡ")]
    >>> _textlike_ends(ps, [0, 1, 2, 3, 4, 5])
    (0, 3)
    """
    i, j = 0, len(points) - 1
    while i < j and not _textlike_piece(pieces[points[j] - 1]):
        j -= 1
    while i < j and not _textlike_piece(pieces[points[i]]):
        i += 1
    return i, j


def _textlike_piece(piece: Piece) -> bool:
    return piece.lost or bool(compiled(_TEXTLIKE).fullmatch(piece.char))  # a lost byte may be anything


# Han, CJK and full-width punctuation, ASCII, quotes and dashes, pinyin's tone-marked letters.
_TEXTLIKE = (
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e\u2010-\u2027"
    "\u00b7\u00d7\u00f7\u00b0\u00e0-\u00fc\u0101-\u01dc -~" + LOST_MARK + "]+"
)


def _textlike(fixed: str) -> bool:
    """Han, CJK and full-width punctuation, ASCII: what an article is written in."""
    return bool(compiled(_TEXTLIKE).fullmatch(fixed)) and any(is_han(c) for c in fixed)


def _edits(
    text: str, run_start: int, pieces: list[Piece], at_char: dict[int, int], lo: int, family: Family
) -> list[Edit]:
    """One ``mojibake`` edit for the passage, or, where characters were lost, the passage cut
    where both texts have a boundary: ``lost`` edits for the pieces holding a lost character."""
    groups: list[list[Piece]] = [[]]
    for p in pieces:
        groups[-1].append(p)
        if p.end + lo in at_char:
            groups.append([])
    edits: list[Edit] = []
    for group in groups:
        if not group:
            continue
        a, b = at_char[group[0].start + lo], at_char[group[-1].end + lo]
        lost = [p for p in group if p.lost]
        new = "".join(p.char or LOST_MARK for p in group)
        start, end = run_start + a, run_start + b
        if lost:
            shown = " ".join("/".join(p.candidates[:8]) + ("…" if len(p.candidates) > 8 else "") for p in lost)
            note = f"{family.label}: {len(lost)} character(s) lost with their bytes (one of: {shown or 'unknown'})"
            edits.append(Edit(start, end, new, "lost", note))
        elif edits and edits[-1].kind == "mojibake" and edits[-1].end == start:
            prev = edits.pop()
            edits.append(
                Edit(
                    prev.start,
                    end,
                    prev.new + new,
                    "mojibake",
                    f"{family.label}: {text[prev.start : end]} -> {prev.new + new}",
                )
            )
        else:
            edits.append(Edit(start, end, new, "mojibake", f"{family.label}: {text[start:end]} -> {new}"))
    return [e for e in edits if text[e.start : e.end] != e.new]


# -------------------------------------------------------- the Latin-1 families


_C1 = re.compile("[\x80-\x9f]")
# Share of a repaired passage's Han characters that must be in dictionary words.
MIN_COVERAGE = 0.5


def _latin_run(text: str, start: int, end: int) -> list[Edit]:
    damaged = text[start:end]
    left = text[max(0, start - _CONTEXT) : start].rsplit("\n", 1)[-1]
    right = text[end : end + _CONTEXT].split("\n", 1)[0]
    base = simplified_logp(left + damaged + right)
    best = None
    # Without its C1 controls too: the terminal-safety pass removes them if nothing reads
    # them, and cleaning the result again must find what this finds (idempotence).
    for passage in dict.fromkeys((damaged, _C1.sub("", damaged))):
        for family in LATIN_FAMILIES:
            fixed = family.fix(passage)
            if not fixed or not _textlike(fixed) or sum(is_han(c) for c in fixed) < _MIN_MULTIBYTE:
                continue
            if word_coverage(fixed) < MIN_COVERAGE:
                continue
            gain = simplified_logp(left + fixed + right) - base - MARGIN - MARGIN_PER_CHAR * len(fixed)
            if gain >= 0 and (best is None or gain > best[0]):
                best = (gain, family, fixed)
    if best is None:
        return []
    _gain_, family, fixed = best
    return [Edit(start, end, fixed, "mojibake", f"{family.label}: {damaged} -> {fixed}")]
