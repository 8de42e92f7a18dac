"""Quick tests that rule a piece of text out before a table of patterns is tried on it.

A cleaning pass tries its table of patterns on every line, and nearly every line is ordinary
text that none of them matches.  These tests are derived from the patterns themselves (never
written by hand beside them), so a rule added to a table is gated as exactly as the rest:
:func:`last_chars` says which characters a whole match must end with (``None``: it cannot
tell), :func:`any_of_patterns` joins patterns into one.

>>> sorted(last_chars(r".{0,100}?由.{1,12}(?:提供|攝|摄)")), last_chars(r"(?:分享到)\\s*.*")
(['供', '摄', '攝'], None)
"""

from __future__ import annotations

import re
import re._constants as _c  # the parser's opcodes: the stable form of a compiled pattern's tree
import re._parser as _p


def last_chars(pattern: str) -> frozenset[str] | None:
    """The characters every full match of ``pattern`` ends with, or None when any may end it
    (a class of categories, a negated class, an optional end, flags).

    >>> sorted(last_chars("[▼↓]")), sorted(last_chars("a(?:b|cd)+")), last_chars("ab?"), last_chars("[^a]")
    (['↓', '▼'], ['b', 'd'], None, None)
    """
    parsed = _p.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _ends(list(parsed))


def _ends(items: list) -> frozenset[str] | None:
    """:func:`last_chars` of a parsed sequence."""
    if not items:
        return None
    op, arg = items[-1]
    if op is _c.LITERAL:
        return frozenset(chr(arg))
    if op is _c.IN and all(kind is _c.LITERAL for kind, _v in arg):
        return frozenset(chr(v) for _kind, v in arg)
    if op is _c.BRANCH:
        ends = [_ends(list(branch)) for branch in arg[1]]
        return None if any(e is None for e in ends) else frozenset().union(*ends)  # type: ignore[arg-type]
    if op is _c.SUBPATTERN and not arg[1] and not arg[2]:  # (group, flags added, flags removed, items)
        return _ends(list(arg[3]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:  # (min, max, items)
        return _ends(list(arg[2]))
    return None


def any_of_patterns(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that fully matches whatever one of ``patterns`` fully matches (none: nothing).

    >>> bool(any_of_patterns(["ab", "c.*"]).fullmatch("cd")), bool(any_of_patterns([]).fullmatch(""))
    (True, False)
    """
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")
