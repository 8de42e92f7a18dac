"""Quick tests that rule a piece of text out before a table of patterns is tried on it.

A cleaning pass tries its table of patterns on every line, and nearly every line is ordinary
text that none of them matches.  These tests are derived from the patterns themselves (never
written by hand beside them), so a rule added to a table is gated as exactly as the rest:
:func:`last_chars` and :func:`first_chars` say which characters a whole match must end or start
with (``None``: they cannot tell), :func:`any_of_patterns` joins patterns into one.

>>> sorted(last_chars(r".{0,100}?由.{1,12}(?:提供|攝|摄)")), last_chars(r"(?:分享到)\\s*.*")
(['供', '摄', '攝'], None)
>>> sorted(first_chars(r"(?:分享|轉發)\\s*.*")), first_chars(r".{0,100}?由")
(['分', '轉'], None)
"""

from __future__ import annotations

import re
import re._constants as _c  # the parser's opcodes: the stable form of a compiled pattern's tree
import re._parser as _p


def last_chars(pattern: str) -> frozenset[str] | None:
    """The characters every full match of ``pattern`` ends with, or None when any may end it
    (a class of categories, a negated class, an end that may be empty, flags).

    >>> sorted(last_chars("[▼↓]")), sorted(last_chars("a(?:b|cd)+")), sorted(last_chars("ab?")), last_chars("[^a]")
    (['↓', '▼'], ['b', 'd'], ['a', 'b'], None)
    >>> last_chars("a*"), last_chars("(?i)a")
    (None, None)
    """
    parsed = _p.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _ends(list(parsed))


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every full match of ``pattern`` starts with, or None when any may start it
    (as :func:`last_chars`, from the other end).

    >>> sorted(first_chars(r"[【\\[]?(?:免責|版權)")), sorted(first_chars("(?:歡迎)?關注")), first_chars("a?")
    (['[', '【', '免', '版'], ['歡', '關'], None)
    """
    parsed = _p.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _ends(list(parsed), first=True)


def first_chars_of(patterns: list[str]) -> frozenset[str] | None:
    """What a full match of any of ``patterns`` starts with (None: one may start with anything).

    >>> sorted(first_chars_of(["ab", "[cd]e"])), first_chars_of(["ab", ".b"])
    (['a', 'c', 'd'], None)
    """
    return _union([first_chars(p) for p in patterns])


def _ends(items: list, first: bool = False) -> frozenset[str] | None:
    """:func:`last_chars` of a parsed sequence (``first``: its :func:`first_chars`)."""
    if not items:
        return None
    op, arg = items[0] if first else items[-1]
    rest = items[1:] if first else items[:-1]

    def inner(sub) -> frozenset[str] | None:
        return _ends(list(sub), first)

    if op is _c.LITERAL:
        return frozenset(chr(arg))
    if op is _c.IN and all(kind is _c.LITERAL for kind, _v in arg):
        return frozenset(chr(v) for _kind, v in arg)
    if op is _c.BRANCH:
        return _union([inner(branch) for branch in arg[1]])
    if op is _c.SUBPATTERN and not arg[1] and not arg[2]:  # (group, flags added, flags removed, items)
        return inner(arg[3])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):  # (min, max, items): an optional one, or what precedes it
        return inner(arg[2]) if arg[0] >= 1 else _union([inner(arg[2]), _ends(rest, first)])
    return None


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    return None if any(s is None for s in sets) else frozenset().union(*sets)  # type: ignore[arg-type]


def any_of_patterns(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that fully matches whatever one of ``patterns`` fully matches (none: nothing).

    >>> bool(any_of_patterns(["ab", "c.*"]).fullmatch("cd")), bool(any_of_patterns([]).fullmatch(""))
    (True, False)
    """
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")
