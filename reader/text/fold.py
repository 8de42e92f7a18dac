"""The folded view figure extraction reads: numbers as a grammar expects them.

The text is shown as written; figures are found in a folded copy and mapped
back with an exact offset map, so a figure lands on the characters the
article has.  Folding (issue 15 item 3):

* full-width digits and their punctuation become ASCII (NFKC: ``１４．８％`` ->
  ``14.8%``; ``，`` only as a thousands separator between full-width digits);
* spaces (ordinary, no-break, thin, ideographic) between a number and its unit
  or the next date part are dropped (``4100 毫安時``, ``6.2\\xa0英寸``, ``7 月 29 日``,
  ``在 2020 年``); a number never joins the number after it.

Every fold keeps or drops whole characters, so the map is a list of the folded
offsets where characters were dropped.

>>> f = fold("電池 4100\\xa0毫安時，１４．８％")
>>> f.text
'電池4100毫安時，14.8%'
>>> s, e = f.source_span(2, 9); "電池 4100\\xa0毫安時，１４．８％"[s:e]
'4100\\xa0毫安時'
>>> fold("沒有數字").text, fold("iOS 13 系統").text
('沒有數字', 'iOS 13系統')
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field

# Full-width forms NFKC folds to ASCII, one character for one (so no offset moves).
_WIDE = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "．": ".", "％": "%", "－": "-", "＋": "+"})
_WIDE_CHARS = "０-９．％－＋"
_SPACES = " \u00a0\u2009\u202f\u3000"
# What a fold acts on: a full-width run, or a short blank run (kept unless a number
# borders it on the side that matters: before its unit, after a Han word).
# (Written to open with one class of both, the branch then told by a look-behind: the engine
# skips in C to such a character, where it tried both branches at every character.)
_SITE = re.compile(
    rf"[{_WIDE_CHARS}{_SPACES}](?:(?<=[{_WIDE_CHARS}])[{_WIDE_CHARS}，]*|(?<=[{_SPACES}])[{_SPACES}]{{0,2}}(?![{_SPACES}]))"
)
_NO_UNIT_AFTER = set(".,，、。；;:：)）\n\t\r" + _WIDE_CHARS)
_WIDE_THOUSANDS = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` folded from ``source[base:...]``; ``cuts[k]`` is the folded offset where
    the ``k``-th dropped run was, ``dropped[k]`` how many characters were dropped up to it."""

    text: str
    base: int = 0
    cuts: array = field(default_factory=lambda: array("q"))
    dropped: array = field(default_factory=lambda: array("q"))

    def source(self, i: int) -> int:
        """The source offset of folded character ``i``."""
        k = bisect.bisect_right(self.cuts, i) - 1
        return self.base + i + (self.dropped[k] if k >= 0 else 0)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of folded ``text[start:end]`` (``end > start``)."""
        if not self.cuts:
            return self.base + start, self.base + end
        return self.source(start), self.source(end - 1) + 1


def fold_run(run: str) -> str:
    """A full-width run in ASCII, the comma only as a thousands separator.

    >>> fold_run("１，２３４"), fold_run("３，４"), fold_run("１６．４７％")
    ('1,234', '3，4', '16.47%')
    """
    return _WIDE_THOUSANDS.sub(",", run).translate(_WIDE)


def _number_space(source: str, start: int, end: int) -> bool:
    """Is ``source[start:end]`` a blank between a number and its unit, or between a Han word
    and a number?

    >>> [_number_space(t, 1, 2) for t in ("4 元", "在 2", "4 5", "a 5", "4 ,")]
    [True, True, False, False, False]
    """
    before, after = source[start - 1 : start], source[end : end + 1]
    if not before or not after:
        return False
    if before.isdigit():
        return not after.isdigit() and not after.isspace() and after not in _NO_UNIT_AFTER
    return after.isdigit() and "\u3400" <= before <= "\u9fff"


def fold(source: str, start: int = 0, end: int | None = None) -> Folded:
    """The folded view of ``source[start:end]`` (identity, cheaply, when nothing folds)."""
    end = len(source) if end is None else end
    pieces: list[str] = []
    cuts, dropped = array("q"), array("q")
    at, gone = start, 0
    for m in _SITE.finditer(source, start, end):
        run = m.group()
        if run[0] not in _SPACES:
            pieces.append(source[at : m.start()])
            pieces.append(fold_run(run))
            at = m.end()
            continue
        if not _number_space(source, m.start(), m.end()):
            continue
        pieces.append(source[at : m.start()])
        at = m.end()
        gone += len(run)
        cuts.append(m.start() - start - gone + len(run))
        dropped.append(gone)
    if at == start:
        return Folded(source[start:end], start)
    pieces.append(source[at:end])
    return Folded("".join(pieces), start, cuts, dropped)
