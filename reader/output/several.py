"""A plain view of several articles: each article's view in turn, as ``head`` prints files.

* table, md: each view under a line ``==> name <==`` (the name made safe to print), a blank
  line between two;
* json: one JSON array holding each article's object (each names its ``file``);
* csv: refused by the command line (one table per file would not be one CSV).

An article that cannot be read is skipped with a line on standard error; the others are printed.

>>> import io
>>> out = io.StringIO()
>>> print_each(["a", "b"], "json", out, lambda doc, o: o.write('{"file": "%s"}\\n' % doc))
2
>>> import json; [item["file"] for item in json.loads(out.getvalue())]
['a', 'b']
>>> out = io.StringIO()
>>> _ = print_each(["a.txt", "b\\x1b.txt"], "table", out, lambda doc, o: o.write("view\\n"))
>>> print(out.getvalue(), end="")
==> a.txt <==
view
<BLANKLINE>
==> b\\x1b.txt <==
view
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, TextIO

from reader.load import LoadError
from reader.output.destination import check_output, destination
from reader.text.visible import shown_name

SEPARATED_FORMATS = ("table", "md")  # printed one after another under a header line


def header_line(source: str) -> str:
    """``==> name <==``: which article the lines below are about."""
    return f"==> {shown_name(source)} <=="


def _source(doc: Any) -> str:
    return str(getattr(doc, "source", doc))


def print_each(docs: Iterable[Any], fmt: str, out: TextIO, print_one: Callable[[Any, TextIO], Any]) -> int:
    """Print each document's view with ``print_one``, as ``fmt`` allows several; how many."""
    count = 0
    if fmt == "json":
        out.write("[\n")
    for doc in docs:
        if fmt == "json":
            out.write(",\n" if count else "")
        else:
            out.write(("\n" if count else "") + header_line(_source(doc)) + "\n")
        print_one(doc, out)
        count += 1
    if fmt == "json":
        out.write("]\n")
    return count


def readable(paths: Iterable[str], load: Callable[[str], Any], skipped: Callable[[str], None]) -> Iterator[Any]:
    """The documents of ``paths`` loaded one at a time (a book is let go before the next is
    read); a path kreader refuses (a LoadError: binary, missing…) is told to ``skipped``."""
    for path in paths:
        try:
            doc = load(path)
        except LoadError as err:
            skipped(str(err))
            continue
        yield doc


def print_several(
    paths: Sequence[str],
    load: Callable[[str], Any],
    fmt: str,
    output: str | None,
    skipped: Callable[[str], None],
    print_one: Callable[[Any, TextIO], Any],
) -> int:
    """Load and print each article of ``paths`` to ``output`` (see :func:`print_each`); how
    many were printed.  Nothing is written (no empty ``-o`` file) when none can be read."""
    for path in paths:
        check_output(output, path)
    docs = readable(paths, load, skipped)
    first = next(docs, None)
    if first is None:
        return 0
    with destination(output, first.source) as out:
        return print_each(chain([first], docs), fmt, out, print_one)
