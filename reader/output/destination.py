"""Where a view is printed: standard output, or a file written whole or not at all (``-o OUT``).

The view goes to a temporary file beside OUT that replaces it once the view is complete, with
OUT's permissions (a new file gets the usual ones): a view that fails leaves an existing OUT as
it was, and no reader of OUT ever sees half a view.  OUT is never the article itself.

>>> import tempfile, pathlib; folder = pathlib.Path(tempfile.mkdtemp())
>>> with destination(str(folder / "out.txt"), "article.txt") as out:
...     _ = out.write("表\\n")
>>> (folder / "out.txt").read_text(encoding="utf-8"), sorted(p.name for p in folder.iterdir())
('表\\n', ['out.txt'])
>>> try:
...     with destination(str(folder), "article.txt") as out:
...         pass
... except OutputError as err:
...     print(str(err).endswith("it is a folder"))
True
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO

from reader.text.visible import shown_name

STDOUT = "-"


class OutputError(ValueError):
    """OUT cannot be written; the message says why, in one line."""


@contextlib.contextmanager
def destination(output: str | None, source: str) -> Iterator[TextIO]:
    """A stream for the view: standard output when ``output`` is None or ``-``, else a
    temporary file that becomes ``output`` when the block ends without an error."""
    if output is None or output == STDOUT:
        yield sys.stdout
        return
    _check(output, source)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".kreader-", suffix=".tmp", dir=os.path.dirname(os.path.abspath(output)))
    except OSError as err:
        raise OutputError(f"cannot write {shown_name(output)}: {err.strerror or err}") from None
    try:
        os.fchmod(fd, _file_mode(output))
        with open(fd, "w", encoding="utf-8", newline="") as f:
            yield f
        try:
            os.replace(tmp, output)
        except OSError as err:
            raise OutputError(f"cannot write {shown_name(output)}: {err.strerror or err}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # left only when the view failed


def check_output(output: str | None, source: str) -> None:
    """Refuse an OUT that is a folder or the article ``source`` itself (OutputError)."""
    if output is not None and output != STDOUT:
        _check(output, source)


def _check(output: str, source: str) -> None:
    if os.path.isdir(output):
        raise OutputError(f"cannot write {shown_name(output)}: it is a folder")
    if os.path.exists(output) and os.path.exists(source) and os.path.samefile(output, source):
        raise OutputError("refusing to write the output over the article")


def _file_mode(path: str) -> int:
    """The permissions ``path`` has, or a new file's (mkstemp makes private files)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
