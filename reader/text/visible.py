"""Names from outside (file names, paths) as they may be shown: nothing in them acts.

A file name can hold any byte but ``/`` and NUL: an escape sequence that
clears the screen or writes the clipboard (OSC 52), a C1 control, a bidi
override that reverses what follows it.  Every place kreader shows a name or
a path (the header, notices, stderr lines, Markdown headings, JSON) shows
:func:`shown_name` of it: control, C1, bidi and other invisible characters are
written as escapes, as Python writes them in a string literal, and the bytes
of a name that is not UTF-8 (``surrogateescape``) as ``\\xNN``.

>>> shown_name("n\\x1b]52;c;RVZJTENMSVA=\\x1b\\\\.txt")
'n\\\\x1b]52;c;RVZJTENMSVA=\\\\x1b\\\\.txt'
>>> print(shown_name("a\\u202eb\\x9b.txt"), shown_name("報告 2024.txt"))
a\\u202eb\\x9b.txt 報告 2024.txt
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*)?\.?\d+(?:[eE][+-]?\d+)?%?")


def shown_name(name: str | os.PathLike[str]) -> str:
    """``name`` with every character that is not printable (other than spaces) escaped.

    >>> shown_name("a\\tb"), shown_name("\\udcff.txt"), shown_name("x\\u2028y"), shown_name("\\U000e0041")
    ('a\\\\tb', '\\\\xff.txt', 'x\\\\u2028y', '\\\\U000e0041')
    """
    text = os.fspath(name)
    if text.isprintable():  # in C: the common case costs one scan
        return text
    return "".join(c if c.isprintable() or _is_space(c) else _escape(c) for c in text)


def _is_space(c: str) -> bool:
    """Spaces (U+3000, U+00A0 ...) are shown as they are: they act on nothing."""
    return unicodedata.category(c) == "Zs"


def _escape(c: str) -> str:
    code = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def inert_json(text: str) -> str:
    """JSON text with its non-printable characters (other than line breaks) as escapes.

    >>> inert_json('"a\u202eb"')
    '"a\\\\u202eb"'
    """
    # str.isprintable runs in C: only the rare line that fails it is rebuilt character by character.
    if text.replace("\n", "").isprintable():
        return text
    lines = text.split("\n")
    return "\n".join(line if line.isprintable() else _escape_unprintable(line) for line in lines)


def _escape_unprintable(line: str) -> str:
    return "".join(c if c.isprintable() else _json_escape(c) for c in line)


def _json_escape(c: str) -> str:
    return json.dumps(c)[1:-1] if ord(c) > 0xFFFF else f"\\u{ord(c):04x}"


def inert_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a
    leading ``'`` (as OWASP recommends); numbers, and text that is a plain number, stay.

    >>> [inert_cell(v) for v in ("=1+1 新增粉絲300人。", "@SUM(A1)", "\\tx", "-3.5", "+5%", 12, -4.0, "--09-10")]
    ["'=1+1 新增粉絲300人。", "'@SUM(A1)", "'\\tx", '-3.5', '+5%', 12, -4.0, "'--09-10"]
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def inert_row(row: Iterable[object]) -> list[object]:
    """Every cell of ``row`` through :func:`inert_cell`."""
    return [inert_cell(v) for v in row]
