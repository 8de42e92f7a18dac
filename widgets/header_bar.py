"""The header line: file, encoding, script shown, repairs made."""

from __future__ import annotations

import os

from textual.content import Content
from textual.widgets import Static

from reader.document import Document

SCRIPT_NAMES = {
    "original": "original",
    "simp": "简 Simplified",
    "trad": "繁 Traditional",
    "tw": "臺 Taiwan",
    "hk": "港 Hong Kong",
}
DETECTED = {"trad": "繁", "simp": "简", "mixed": "mixed", "none": "no Chinese"}


def header_content(doc: Document, script: str) -> Content:
    """The header as Content (the file name is untrusted: never markup)."""
    name = os.path.basename(doc.source) or doc.source
    if script == "original":
        shown = f"original ({DETECTED[doc.script]})" if doc.script in DETECTED else "original"
    else:
        shown = SCRIPT_NAMES.get(script, script)
    repairs = len(doc.repairs)
    dot = ("  ·  ", "$text-muted")
    parts: list = [(name, "bold"), dot, doc.encoding, dot, shown, dot,
                   f"{repairs} repair{'s' if repairs != 1 else ''}"]
    if doc.replacement_chars:
        parts += [dot, (f"{doc.replacement_chars} undecodable", "$text-warning")]
    return Content.assemble(*parts)


class HeaderBar(Static):
    """One line at the top of the screen."""

    def show(self, doc: Document, script: str) -> None:
        self.update(header_content(doc, script), layout=False)
