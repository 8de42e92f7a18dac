"""The header line: file, review progress, script shown, byline, repairs made by kind, encoding.

>>> progress_content(3, 58).plain, progress_content(58, 58).plain, progress_content(0, 0).plain
('3/58 reviewed', '58/58 reviewed', '')
"""

from __future__ import annotations

import os

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
DETECTED = {"trad": "繁", "simp": "简", "mixed": "mixed", "none": "no Chinese"}


def progress_content(reviewed: int, figures: int) -> Content:
    """``12/58 reviewed``: figures with a verdict out of the figures found."""
    if not figures:
        return Content("")
    style = "$text-success" if reviewed == figures else ""
    return (
        Content.styled(f"{reviewed}/{figures} reviewed", style) if style else Content(f"{reviewed}/{figures} reviewed")
    )


def header_content(doc: Document, script: str, progress: Content | None = None) -> Content:
    """The header as Content (the file name is untrusted: never markup)."""
    name = shown_name(os.path.basename(doc.source) or doc.source)
    if script == "original":
        shown = f"original ({DETECTED[doc.script]})" if doc.script in DETECTED else "original"
    else:
        shown = SCRIPT_NAMES.get(script, script)
    dot = ("  ·  ", "$text-muted")
    parts: list = [(name, "bold")]
    if progress:
        parts += [dot, progress]  # first after the name: what a reviewer looks for, still there at 80 columns
    # The script shown next: `t` changes it, so it must stay on screen when the long parts are cut.
    parts += [dot, shown]
    if doc.replacement_chars:
        parts += [dot, (f"{doc.replacement_chars} undecodable", "$text-warning")]
    if doc.about:  # what the page said about the article (its byline)
        parts += [dot, (doc.about, "$text-muted")]
    parts += [dot, repairs_line(doc.repair_counts()), dot, doc.encoding]
    return Content.assemble(*parts)


class HeaderBar(Static):
    """One line at the top of the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Document, str] | None = None
        self._progress = Content("")

    def show(self, doc: Document, script: str) -> None:
        self._shown = (doc, script)
        self.update(header_content(doc, script, self._progress), layout=False)

    def show_progress(self, reviewed: int, figures: int) -> None:
        self._progress = progress_content(reviewed, figures)
        if self._shown is not None:
            self.show(*self._shown)
