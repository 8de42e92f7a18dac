"""CJK-aware line wrapping by terminal cells (pure; the article view calls it).

Chinese text may break between any two characters, with the usual line
rules (禁則): a line never starts with closing punctuation (``，。、」”``…)
and never ends with opening punctuation (``「“（``…); figures (``223萬元``,
``60%``, ``2.8萬``), Latin words and runs of ``……``/``——`` are never split.
A unit wider than the whole line is cut by cells as a last resort.

>>> text = "最終,2小時賣出223萬元,新增粉絲2.8萬。"
>>> [text[s:e] for s, e in wrap(text, 16)]
['最終,2小時賣出', '223萬元,新增粉絲', '2.8萬。']
>>> text = "主播「雨茉」完成"
>>> [text[s:e] for s, e in wrap(text, 10)]
['主播「雨', '茉」完成']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len

# Never at the start of a line: they belong to what precedes them.
CLOSING = frozenset("，。、；：？！）】》〉」』”’〕〗｝］…—～·‧・%％‰,.;:?!)]}>")
# Never at the end of a line: they belong to what follows them.
OPENING = frozenset("（【《〈「『“‘〔〖｛［([{<")

# Units that must stay on one line: a number with its magnitude and unit
# (223萬元, 2.8萬, 60%, 1,200, ¥30), a run of ASCII without spaces (GMV,
# iPhone, a URL, [@click=x]), or a run of
# ellipses/dashes.  Figure spans from the model are added by the caller.
_MAGNITUDE = "十百千萬万億亿兆"
_UNITS = (
    "美元 港元 港幣 港币 人民幣 人民币 小時 小时 公里 公斤 平方米 元 塊 块 倍 個 个 位 名 家 人 次"
    " 年 月 日 號 号 歲 岁 週 周 天 分 秒 件 條 条 場 场 % ％ ‰"
).split()
_UNBREAKABLE = re.compile(
    rf"[$¥￥€£]?[0-9０-９]+(?:[.,．][0-9０-９]+)*[{_MAGNITUDE}]*(?:{'|'.join(_UNITS)})?"
    r"|[!-~]*[A-Za-z0-9][!-~]*"
    r"|…+|—+|─+"
)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching-inside spans joined, sorted, empty ones dropped."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def units(text: str, keep: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Split ``text`` into the spans that may not be broken inside.

    ``keep`` holds extra unbreakable spans (offsets into ``text``).  Closing
    punctuation is glued to the unit before it, opening punctuation to the
    unit after it; spaces stay units of their own (a line may break there).

    >>> t = "約15%的商家。"
    >>> [t[s:e] for s, e in units(t)]
    ['約', '15%', '的', '商', '家。']
    """
    forced = _merged([m.span() for m in _UNBREAKABLE.finditer(text)] + list(keep))
    atoms: list[tuple[int, int]] = []
    i, f = 0, 0
    n = len(text)
    while i < n:
        while f < len(forced) and forced[f][1] <= i:
            f += 1
        if f < len(forced) and forced[f][0] <= i:
            atoms.append((i, forced[f][1]))
            i = forced[f][1]
            continue
        j = i + 1
        if text[i] == " ":
            while j < n and text[j] == " ":
                j += 1
        atoms.append((i, j))
        i = j
    # Glue closing punctuation backwards (never onto a space) ...
    glued: list[tuple[int, int]] = []
    for s, e in atoms:
        if glued and text[s] in CLOSING and not text[glued[-1][1] - 1].isspace():
            glued[-1] = (glued[-1][0], e)
        else:
            glued.append((s, e))
    # ... and opening punctuation forwards.
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in glued:
        start = s if pending is None else pending
        if text[e - 1] in OPENING and not text[s:e].isspace():
            pending = start
            continue
        pending = None
        out.append((start, e))
    if pending is not None:
        out.append((pending, n))
    return out


def _cut_by_cells(text: str, s: int, e: int, width: int) -> list[tuple[int, int]]:
    """Cut ``text[s:e]`` into pieces of at most ``width`` cells."""
    pieces: list[tuple[int, int]] = []
    start, cells = s, 0
    for k in range(s, e):
        w = cell_len(text[k])
        if cells + w > width and k > start:
            pieces.append((start, k))
            start, cells = k, 0
        cells += w
    pieces.append((start, e))
    return pieces


def wrap(text: str, width: int, keep: Sequence[tuple[int, int]] = ()) -> tuple[tuple[int, int], ...]:
    """Line spans ``(start, end)`` of ``text`` wrapped to ``width`` cells.

    Spaces at a break are left out of both lines; an empty text gives one
    empty line.  ``keep`` adds unbreakable spans (e.g. the figures).

    >>> wrap("", 10)
    ((0, 0),)
    >>> t = "abc def ghi"
    >>> [t[s:e] for s, e in wrap(t, 7)]
    ['abc def', 'ghi']
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start: int | None = None  # start of the current line
    end = 0  # end of its last non-space unit
    used = 0  # cells used on it, trailing spaces included
    for s, e in units(text, keep):
        w = cell_len(text[s:e])
        if text[s:e].isspace():
            if start is not None:
                used += w
            continue
        if start is not None and used + w <= width:
            end, used = e, used + w
            continue
        if start is not None:
            lines.append((start, end))
        if w <= width:
            start, end, used = s, e, w
            continue
        # A unit wider than a whole line: cut it by cells (last resort).
        pieces = _cut_by_cells(text, s, e, width)
        lines.extend(pieces[:-1])
        start, end = pieces[-1]
        used = cell_len(text[start:end])
    if start is not None:
        lines.append((start, end))
    return tuple(lines) or ((0, 0),)


def line_of(lines: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the line holding ``offset`` (a break's spaces go to the line before).

    >>> line_of(((0, 3), (4, 7)), 5), line_of(((0, 3), (4, 7)), 3), line_of(((0, 3),), 99)
    (1, 0, 0)
    """
    for k in range(len(lines) - 1, -1, -1):
        if lines[k][0] <= offset:
            return k
    return 0
