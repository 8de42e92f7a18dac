"""The header line: file (and its place among several open, ``2/7``), review progress, script shown, byline, repairs made by kind, encoding.

It fits the terminal by shortening whole parts, the least needed first (byline, the repairs'
kinds, encoding, wide separators, the words of the progress and the script, the repairs), never by
cutting a word where the screen ends; only a file name too long for the line is elided in its middle.

>>> progress_content(3, 58).plain, progress_content(58, 58).plain, progress_content(0, 0).plain
('3/58 reviewed', '58/58 reviewed', '')
>>> progress_content(3, 58, short=True).plain
'3/58'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widgets import Static

from reader.document import Document, repairs_line
from reader.text.visible import shown_name

SCRIPT_NAMES = {
    "original": "original",
    "simp": "简 Simplified",
    "trad": "繁 Traditional",
    "tw": "臺 Taiwan",
    "hk": "港 Hong Kong",
}
SCRIPT_SHORT = {"simp": "简", "trad": "繁", "tw": "臺", "hk": "港"}
DETECTED = {"trad": "繁", "simp": "简", "mixed": "mixed", "none": "no Chinese"}


def progress_content(reviewed: int, figures: int, short: bool = False) -> Content:
    """``12/58 reviewed``: figures with a verdict out of the figures found (``12/58`` ``short``)."""
    if not figures:
        return Content("")
    text = f"{reviewed}/{figures}" + ("" if short else " reviewed")
    return Content.styled(text, "$text-success") if reviewed == figures else Content(text)


@dataclass(frozen=True)
class Fit:
    """How much of each part the header shows (the full header is ``Fit()``)."""

    byline: bool = True
    repair_kinds: bool = True
    encoding: bool = True
    wide_dots: bool = True
    progress_words: bool = True
    script_words: bool = True
    repairs: bool = True


# what goes first when the line is too long, least needed first; each step keeps the ones before it
SHORTENINGS: tuple[Fit, ...] = (
    Fit(),
    Fit(byline=False),
    Fit(byline=False, repair_kinds=False),
    Fit(byline=False, repair_kinds=False, encoding=False),
    Fit(byline=False, repair_kinds=False, encoding=False, wide_dots=False),
    Fit(byline=False, repair_kinds=False, encoding=False, wide_dots=False, progress_words=False),
)
SHORTEST = replace(SHORTENINGS[-1], script_words=False, repairs=False)
SHORTENINGS += (replace(SHORTENINGS[-1], script_words=False), SHORTEST)


def script_shown(detected_script: str, script: str, words: bool = True) -> str:
    """``original (繁)``, ``简 Simplified``; without ``words``: ``orig 繁``, ``简``.

    >>> script_shown("trad", "original"), script_shown("trad", "original", False), script_shown("trad", "simp", False)
    ('original (繁)', 'orig 繁', '简')
    """
    if script != "original":
        return SCRIPT_NAMES.get(script, script) if words else SCRIPT_SHORT.get(script, script)
    detected = DETECTED.get(detected_script)
    if detected is None:
        return "original" if words else "orig"
    return f"original ({detected})" if words else f"orig {detected}"


def elide(name: str, width: int) -> str:
    """``name`` in at most ``width`` cells, its middle replaced by ``…`` when it does not fit.

    >>> elide("a-very-long-article-name.txt", 12), elide("short.txt", 12), elide("長長的文章名字.txt", 9)
    ('a-very…e.txt', 'short.txt', '長長….txt')
    """
    if cell_len(name) <= width:
        return name
    room = max(0, width - 1)
    head = name[: len(name) // 2]
    tail = name[len(name) // 2 :]
    while cell_len(head) + cell_len(tail) > room:
        if cell_len(head) > cell_len(tail):
            head = head[:-1]
        else:
            tail = tail[1:]
    return head + "…" + tail


def repairs_total(counts: dict[str, int]) -> str:
    """``332 repairs`` without the kinds.

    >>> repairs_total({"pinyin": 2, "html": 1}), repairs_total({"html": 1})
    ('3 repairs', '1 repair')
    """
    return repairs_line(counts).partition(":")[0]


Progress = tuple[int, int]  # figures reviewed, figures found


def header_content(
    doc: Document, script: str, progress: Progress | None = None, width: int | None = None, position: str = ""
) -> Content:
    """The header as Content, in at most ``width`` cells (the file name is untrusted: never markup);
    ``position``: the article's place among several open (``2/7``), kept whole after the name."""
    name = shown_name(os.path.basename(doc.source) or doc.source)
    content = Content("")
    for fit in SHORTENINGS:
        content = _assemble(doc, name, script, progress, fit, position)
        if width is None or content.cell_length <= width:
            return content
    assert width is not None
    # the shortest form, the file name elided to what is left
    rest = content.cell_length - cell_len(name)
    return _assemble(doc, elide(name, max(1, width - rest)), script, progress, SHORTEST, position)


def _assemble(
    doc: Document, name: str, script: str, progress: Progress | None, fit: Fit, position: str = ""
) -> Content:
    dot = ("  ·  " if fit.wide_dots else " · ", "$text-muted")
    parts: list = [(name, "bold")]
    if position:
        parts += [(f" ({position})", "$text-accent")]
    if progress and progress[1]:
        parts += [dot, progress_content(*progress, short=not fit.progress_words)]  # what a reviewer looks for
    # The script shown next: `t` changes it, so it must stay on screen when the long parts go.
    parts += [dot, script_shown(doc.script, script, fit.script_words)]
    if doc.replacement_chars:
        parts += [dot, (f"{doc.replacement_chars} undecodable", "$text-warning")]
    if doc.about and fit.byline:  # what the page said about the article (its byline)
        parts += [dot, (doc.about, "$text-muted")]
    if fit.repairs:
        counts = doc.repair_counts()
        parts += [dot, repairs_line(counts) if fit.repair_kinds else repairs_total(counts)]
    if fit.encoding:
        parts += [dot, doc.encoding]
    return Content.assemble(*parts)


class HeaderBar(Static):
    """One line at the top of the screen, fitted to its width."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Document, str] | None = None
        self._progress: Progress | None = None
        self._position = ""

    def show(self, doc: Document, script: str) -> None:
        self._shown = (doc, script)
        width = self.content_size.width or None  # not laid out yet: the whole line, fitted on resize
        self.update(header_content(doc, script, self._progress, width, self._position), layout=False)

    def show_position(self, position: str) -> None:
        """``2/7``: the article's place among those open ("" when it is the only one)."""
        self._position = position
        if self._shown is not None:
            self.show(*self._shown)

    def show_progress(self, reviewed: int, figures: int) -> None:
        self._progress = (reviewed, figures)
        if self._shown is not None:
            self.show(*self._shown)

    def on_resize(self, _event: events.Resize) -> None:
        if self._shown is not None:
            self.show(*self._shown)
