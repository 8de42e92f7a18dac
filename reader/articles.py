"""Several articles in one session: the files and folders named on the command line, as the
list the reader steps through (``:n``/``:p``, the picker) and the plain views print in turn.

A folder stands for its article files: the regular files in it (not its subfolders), hidden
ones (``.name``), kreader's own exports (``*-<hash>.review.md``) and files whose suffix says they are
code, data or media (``score.py``, ``expected.json``, ``photo.jpg``) skipped, in natural order (``2.txt``
before ``10.txt``).  Whether a file is
text is found out when it is opened (a binary one is reported then, never fatal to the rest).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("10.txt", "2.txt", ".hidden", "B.md", "score.py", "expected.json", "2-0123abcd.review.md"):
...     _ = (folder / name).write_text("文")
>>> (folder / "sub").mkdir()
>>> [pathlib.Path(p).name for p in expand([str(folder)])]
['2.txt', '10.txt', 'B.md']
>>> articles = ArticleList(("a.txt", "b.txt", "c.txt"))
>>> articles.label, articles.step(1).label, articles.step(-1)
('1/3', '2/3', None)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STDIN = "-"
_DIGITS = re.compile(r"(\d+)")


class ArticlesError(ValueError):
    """The articles named cannot make a list; the message says why, in one line."""


def refuse_several(*, serve: bool, fmt: str) -> None:
    """Raise ArticlesError when the options asked for take one article only.

    >>> refuse_several(serve=False, fmt="json")
    >>> refuse_several(serve=True, fmt="table")
    Traceback (most recent call last):
    reader.articles.ArticlesError: --serve serves one article: name one FILE
    """
    if serve:
        raise ArticlesError("--serve serves one article: name one FILE")
    if fmt == "csv":
        raise ArticlesError(
            "--format csv prints one article; for several use table, md or json (an array, one object each)"
        )


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key: runs of digits compare as numbers (and before letters, as ``ls -v``), the rest
    without case.

    >>> sorted(["a10", "a2", "A1", "b", "B.md", "10.txt", "2.txt"], key=natural_key)
    ['2.txt', '10.txt', 'A1', 'a2', 'a10', 'b', 'B.md']
    """
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _DIGITS.split(name) if part)


def is_hidden(name: str) -> bool:
    """A dot file (editors' swap files, ``.DS_Store``): never an article of a folder.

    >>> is_hidden(".a.txt.swp"), is_hidden("a.txt")
    (True, False)
    """
    return name.startswith(".")


# Suffixes of files a scraper's output folder holds beside its articles, which are never one:
# code, data, media, archives and office documents (a file named on the command line is
# opened whatever its suffix).
NOT_ARTICLE_SUFFIXES = frozenset(
    """
    .py .pyc .pyo .ipynb .js .ts .css .tcss .sh .bat .ps1 .c .h .rs .go .java .rb .pl .php
    .json .jsonl .csv .tsv .toml .yaml .yml .ini .cfg .xml .sqlite .db .parquet .pkl .npy
    .png .jpg .jpeg .gif .webp .bmp .svg .ico .tif .tiff .mp3 .mp4 .m4a .wav .avi .mov .mkv
    .zip .gz .tgz .bz2 .xz .7z .rar .tar .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .epub
    .exe .dll .so .dylib .o .a .class .jar .whl .lock .swp .bak .tmp
    """.split()
)


def is_not_article(name: str) -> bool:
    """A file a folder holds beside its articles: its suffix says code, data or media.

    >>> is_not_article("score.py"), is_not_article("PHOTO.JPG"), is_not_article("a.txt"), is_not_article("README")
    (True, True, False, False)
    """
    return os.path.splitext(name)[1].casefold() in NOT_ARTICLE_SUFFIXES


def folder_articles(folder: str) -> list[str]:
    """The article files of ``folder``: regular, not hidden, not code/data/media, in natural order."""
    from reader.review.names import is_export  # (the review's modules: only a folder needs them)

    try:
        entries = list(os.scandir(folder))
    except OSError as err:
        raise ArticlesError(f"{folder}: cannot list the folder: {err.strerror or err}") from None
    skipped = (is_hidden, is_not_article, is_export)
    names = [e.name for e in entries if not any(skip(e.name) for skip in skipped) and _is_file(e)]
    return [os.path.join(folder, name) for name in sorted(names, key=natural_key)]


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # follows a symbolic link to a file
    except OSError:
        return False


def expand(paths: Sequence[str]) -> tuple[str, ...]:
    """The articles named by ``paths``: each folder replaced by its article files, a path
    given twice kept once.  A folder without any is an error (nothing to read there)."""
    found: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            inside = folder_articles(path)
            if not inside:
                raise ArticlesError(
                    f"{path}: no article files in this folder (hidden files, subfolders and code, data or media files are skipped)"
                )
            found += inside
        else:
            found.append(path)
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class ArticleList:
    """The articles of a session and the one shown (``current``, an index into ``paths``)."""

    paths: tuple[str, ...]
    current: int = 0

    @property
    def path(self) -> str:
        return self.paths[self.current]

    @property
    def several(self) -> bool:
        return len(self.paths) > 1

    @property
    def label(self) -> str:
        """``2/7``: where the current article is in the list ("" for a single article).

        >>> ArticleList(("a",)).label, ArticleList(("a", "b"), 1).label
        ('', '2/2')
        """
        return f"{self.current + 1}/{len(self.paths)}" if self.several else ""

    def at(self, index: int) -> ArticleList:
        return ArticleList(self.paths, max(0, min(index, len(self.paths) - 1)))

    def step(self, direction: int, skip: Iterable[int] = ()) -> ArticleList | None:
        """The list moved to the next (``1``) or previous (``-1``) article not in ``skip``;
        None at either end (less does not wrap round either).

        >>> ArticleList(("a", "b", "c")).step(1, skip={1}).current
        2
        >>> ArticleList(("a", "b", "c"), 2).step(1) is None
        True
        """
        skipped = set(skip)
        index = self.current + direction
        while 0 <= index < len(self.paths):
            if index not in skipped:
                return ArticleList(self.paths, index)
            index += direction
        return None
