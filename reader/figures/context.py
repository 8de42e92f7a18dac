"""The context a figure carries: its sentence, or its clause when the sentence is long.

Every figure is shown, exported and reviewed with the text around it.  A
sentence of ordinary length is that context.  But a sentence without an end
mark can be a whole line of a megabyte (a table flattened into one line,
``1元，`` repeated): carried whole by each of its figures, it makes the output
grow with the square of the input.  So when the sentence is longer than
:data:`LIMIT`, a figure carries its clause (from the clause mark before it to
the one after it, included); when the clause too is longer than that, a
window of at most :data:`WINDOW` characters around the figure, cut after a
clause mark or a space where the window has one (:data:`WINDOW`, a
concordance line's worth: in a line with no clause mark every figure has a
window of its own).

The context is always a slice of the text (never an invented ellipsis), and
finding it reads at most :data:`LIMIT` characters either side of the figure:
the work and the output stay linear in the input.

>>> text = "甲" * 300 + "，乙賣出3件，丙" + "丁" * 300 + "。"
>>> s, e = context_span(text, 0, len(text), 304, 306); text[s:e]
'乙賣出3件，'
>>> context_span("賣出3件。", 0, 5, 2, 4)
(0, 5)
"""

from __future__ import annotations

import re
from typing import Final

LIMIT: Final = 200  # characters of context at most, unless the figure itself is longer
WINDOW: Final = 80  # characters around a figure whose clause is longer than LIMIT (a concordance line)
CLAUSE_MARKS: Final = "，,、：:；;。！？!?…\n"
SOFT_MARKS: Final = CLAUSE_MARKS + " \t\u3000"  # where a window may be cut

# "first" patterns are searched for; "last" ones matched greedily from the start of a range.
_FIRST_CLAUSE, _FIRST_SOFT = (re.compile("[" + re.escape(m) + "]") for m in (CLAUSE_MARKS, SOFT_MARKS))
_LAST_CLAUSE, _LAST_SOFT = (re.compile("(?s).*[" + re.escape(m) + "]") for m in (CLAUSE_MARKS, SOFT_MARKS))


def context_span(
    text: str, sent_start: int, sent_end: int, start: int, end: int, limit: int = LIMIT, window: int = WINDOW
) -> tuple[int, int]:
    """The span of the context of the figure at ``text[start:end]``, whose sentence is
    ``text[sent_start:sent_end]``: the sentence if at most ``limit`` long, else the
    figure's clause if at most ``limit`` long, else a ``window`` (see the module docstring).

    >>> t = "，".join(["1元"] * 100) + "。"
    >>> s, e = context_span(t, 0, len(t), 150, 152, limit=10); t[s:e], t[150:152]
    ('1元，', '1元')
    >>> t = "a" * 50 + "3元" + "b" * 50
    >>> context_span(t, 0, len(t), 50, 52, limit=20, window=10)
    (46, 56)
    >>> t = "x" * 50 + " 約3元 " + "y" * 50
    >>> s, e = context_span(t, 0, len(t), 52, 54, limit=10); t[s:e]
    '約3元'
    """
    if sent_end - sent_start <= limit:
        return sent_start, sent_end
    if end - start >= limit:
        return start, end
    lo, hi = max(sent_start, start - limit), min(sent_end, end + limit)
    left = _after_last(text, lo, start, _LAST_CLAUSE, lo == sent_start)
    right = _after_first(text, end, hi, _FIRST_CLAUSE, hi == sent_end)
    if left is None or right is None or right - left > limit:
        left, right = _window(text, sent_start, sent_end, start, end, min(window, limit))
    return _strip(text, left, right)


def _window(text: str, sent_start: int, sent_end: int, start: int, end: int, limit: int) -> tuple[int, int]:
    """At most ``limit`` characters around the figure, as even as the sentence allows,
    each side cut just after its outermost soft mark (where it has one)."""
    spare = limit - (end - start)
    lo = max(sent_start, start - spare // 2)
    hi = min(sent_end, end + spare - (start - lo))
    lo = max(sent_start, hi - limit)  # the sentence ended on the right: the left side takes the rest
    left = _after_first(text, lo, start, _FIRST_SOFT, lo == sent_start)
    right = _after_last(text, end, hi, _LAST_SOFT, hi == sent_end)
    return (lo if left is None or left >= start else left), (hi if right is None else right)


def _after_last(text: str, lo: int, hi: int, marks: re.Pattern[str], at_edge: bool) -> int | None:
    """Just after the last of ``marks`` in ``text[lo:hi]``; ``lo`` if none and ``lo`` is the
    sentence's edge; else None."""
    m = marks.match(text, lo, hi)  # greedy: the last mark, found in C
    return m.end() if m else lo if at_edge else None


def _after_first(text: str, lo: int, hi: int, marks: re.Pattern[str], at_edge: bool) -> int | None:
    """Just after the first of ``marks`` in ``text[lo:hi]``; ``hi`` if none and ``hi`` is the
    sentence's edge; else None."""
    m = marks.search(text, lo, hi)
    return m.end() if m else hi if at_edge else None


def _strip(text: str, left: int, right: int) -> tuple[int, int]:
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right
