"""Noticing that the article changed on disk, and keeping the reader's place across a reload.

The reader polls :func:`stamp` (one ``stat`` call: cheap enough for a timer)
and compares it with the stamp of the text it shows; :func:`carry_offset`
finds the same place in the reloaded text.

>>> old = "導語。\\n01\\n第一段。\\n02\\n第二段在這裡。\\n"
>>> new = "新增的導語。\\n" + old
>>> at = old.index("第二段")
>>> new[carry_offset(old, new, at):].startswith("第二段")
True
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

SNIPPET = 24  # characters of the old text looked for in the new one


@dataclass(frozen=True)
class FileStamp:
    """What identifies a version of a file without reading it."""

    inode: int
    size: int
    mtime_ns: int


def stamp(path: str | os.PathLike[str]) -> FileStamp | None:
    """The file's stamp; None when it is gone or unreadable (raises nothing).

    >>> stamp("/nonexistent/article.txt") is None
    True
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_ino, st.st_size, st.st_mtime_ns)


def is_watchable(path: str | os.PathLike[str]) -> bool:
    """Only regular files can change under the reader and be read again (not stdin, not a FIFO).

    >>> is_watchable("<stdin>"), is_watchable("/dev/null")
    (False, False)
    """
    if str(path).startswith("<"):
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def carry_offset(old: str, new: str, offset: int) -> int:
    """The offset in ``new`` of the text that was at ``offset`` in ``old``.

    The text that followed the old place (else the text that preceded it) is
    looked up in the new version, nearest occurrence first; failing both,
    the place keeps its relative position.

    >>> carry_offset("abcdef", "xxabcdef", 3)
    5
    >>> carry_offset("甲乙丙", "", 2), carry_offset("", "甲乙丙", 0)
    (0, 0)
    >>> carry_offset("0123456789" * 3, "完全不同的文字" * 3, 15)
    10
    """
    offset = max(0, min(offset, len(old)))
    if not new or not old:
        return 0
    after = old[offset : offset + SNIPPET]
    if after.strip():
        found = _nearest(new, after, offset)
        if found >= 0:
            return found
    before = old[max(0, offset - SNIPPET) : offset]
    if before.strip():
        found = _nearest(new, before, offset - len(before))
        if found >= 0:
            return min(len(new), found + len(before))
    return min(len(new), round(offset * len(new) / len(old)))


def _nearest(text: str, needle: str, near: int) -> int:
    """The occurrence of ``needle`` in ``text`` closest to ``near``, or -1."""
    right = text.find(needle, max(0, near))
    left = text.rfind(needle, 0, max(0, near) + len(needle))
    if left < 0 or (right >= 0 and right - near < near - left):
        return right
    return left
