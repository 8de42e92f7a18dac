"""The file names of a review's exports: one article's never replaces another's.

``/a/index.txt`` and ``/b/index.txt`` are two articles with one stem: each
export carries a short hash of its article's real path, so both are kept
(and the same article exported again replaces its own).  A name is cut, at a
character, so that the longest export name (and the temporary file it is
written through) fits the 255 bytes a file name may have.

>>> export_name("/a/index.txt", "x") != export_name("/b/index.txt", "x")
True
>>> export_name("/a/index.txt", "x") == export_name("/a/./index.txt", "y")
True
>>> export_name("/data/a b.txt", "x")[:4], export_name("<stdin>", "x")
('a b-', 'stdin-2d711642.review.md')
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Final, Literal

from reader.review.model import text_hash

Kind = Literal["review", "vocabulary"]
NAME_MAX: Final = 255  # bytes in a file name (ext4, APFS, NTFS: 255 UTF-16 units, more than this)
TEMP_EXTRA: Final = 16  # what atomic_write's temporary name adds (".", ".", 8 random characters, ".tmp")
_LONGEST_SUFFIX: Final = len(".vocabulary.md")


def export_name(source: str, clean_text: str, kind: Kind = "review") -> str:
    """The export's file name: the article's stem and a hash of its real path, or the
    text's hash for standard input (which has no path).

    >>> name = export_name("/x/" + "長" * 200 + ".txt", "x"); len(os.fsencode(name)) <= NAME_MAX - TEMP_EXTRA
    True
    >>> name.endswith(".review.md"), export_name("/x/a.txt", "x", "vocabulary").endswith(".vocabulary.md")
    (True, True)
    """
    if source.startswith("<"):
        return f"stdin-{text_hash(clean_text)[:8]}.{kind}.md"
    tag = hashlib.sha256(os.fsencode(os.path.realpath(source))).hexdigest()[:8]
    budget = NAME_MAX - TEMP_EXTRA - len(f"-{tag}") - _LONGEST_SUFFIX
    return f"{shortened(Path(source).stem, budget)}-{tag}.{kind}.md"


_EXPORT = re.compile(r"-[0-9a-f]{8}\.(?:review|vocabulary)\.md$")


def is_export(name: str) -> bool:
    """Is ``name`` one of kreader's own exports (:func:`export_name`)?  A folder opened as a
    list of articles skips them: a review is not an article.

    >>> is_export(export_name("/a/b.txt", "x")), is_export(export_name("<stdin>", "x", "vocabulary"))
    (True, True)
    >>> is_export("notes.md"), is_export("a-review.md")
    (False, False)
    """
    return _EXPORT.search(name) is not None


def shortened(name: str, limit: int) -> str:
    """``name`` cut at a character so that its file-system bytes are at most ``limit``.

    >>> shortened("報告書", 7), shortened("abc", 7)
    ('報告', 'abc')
    """
    while len(os.fsencode(name)) > limit:
        name = name[:-1]
    return name
