"""The status line: where the reader is, enrichment progress, inferred characters."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.clean.edits import Inferred
from reader.document import Document
from reader.text.script import in_script


def percent_through(y: float, last: float) -> int:
    """How far down the article the view is, in percent (100 at the end).

    >>> percent_through(0, 0), percent_through(50, 200), percent_through(200, 200)
    (100, 25, 100)
    """
    return 100 if last <= 0 else max(0, min(100, round(100 * y / last)))


def inferred_note(inferred: list[Inferred]) -> Content:
    """Say which characters of the paragraph were inferred, and the other candidates."""
    parts: list = [("inferred ", "$text-warning")]
    for k, x in enumerate(inferred[:3]):
        others = [c for c in x.candidates if c != x.char]
        parts += [("" if k == 0 else "; "), (x.char, "underline")]
        if others:
            parts.append(f" (or {'/'.join(others[:4])})")
        if x.evidence:
            parts.append(f" {x.evidence}")
    if len(inferred) > 3:
        parts.append(f"; +{len(inferred) - 3} more")
    return Content.assemble(*parts)


class StatusBar(Static):
    """One line above the footer."""

    def show(
        self,
        doc: Document,
        section: int,
        block: int,
        blocks: int,
        enrichment: str,
        inferred: list[Inferred],
        search: str = "",
        script: str = "original",
        percent: int | None = None,
    ) -> None:
        label = doc.sections[section].label if 0 <= section < len(doc.sections) else ""
        label = in_script(label, script)
        where = Content.assemble(
            ("§ ", "$text-muted"),
            Content(label).truncate(24, ellipsis=True),
            ("  ¶ ", "$text-muted"),
            f"{block + 1}/{max(1, blocks)}",
        )
        if percent is not None:  # how far through the article, as less shows it
            where = Content.assemble(where, ("  ", ""), f"{percent}%")
        parts: list = [where]
        if search:
            parts += ["  ·  ", search]
        if inferred:
            parts += ["  ·  ", inferred_note(inferred)]
        if enrichment:
            parts += ["  ·  ", (enrichment, "$text-muted")]
        self.update(Content.assemble(*parts), layout=False)  # one fixed line: no relayout
