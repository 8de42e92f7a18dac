"""The status line: where the reader is, the search, inferred characters, what is loading.

The line is one row: when its parts do not fit, the part that matters least is shortened
first (each part has shorter forms, every one made of whole words), then dropped; a
dropped or shortened message that the reader needs whole is told in a notification
instead. Nothing is cut at the right edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from reader.clean.edits import Inferred
from reader.document import Document
from reader.text.script import in_script
from widgets.article.search import pattern_error

if TYPE_CHECKING:
    from widgets.article.view import ArticleView

WIDE_SEPARATOR, NARROW_SEPARATOR = "  ·  ", " · "
NARROW = 60  # cells: below this the parts are joined by the narrow separator
LABEL_CELLS = (24, 10)  # a section label's room in the long and the short form
FOLD_DELAY = 0.6  # seconds the line must stay folded before the notice (not one per key typed)

# how much each part matters: the lowest is shortened, then dropped, first
WHERE, SEARCH, TASK, INFERRED, ENRICHMENT = 4, 5, 3, 2, 1


def percent_through(y: float, last: float) -> int:
    """How far down the article the view is, in percent (100 at the end).

    >>> percent_through(0, 0), percent_through(50, 200), percent_through(200, 200)
    (100, 25, 100)
    """
    return 100 if last <= 0 else max(0, min(100, round(100 * y / last)))


@dataclass(frozen=True)
class Part:
    """A piece of the status line: its ``forms``, longest first (each one whole words),
    its ``priority``, and ``whole``: the message a notification gives when the line can
    show only a shorter form or none ("" for a part that may go unsaid). An ``optional``
    part (progress) goes before any other part is dropped."""

    forms: tuple[Content, ...]
    priority: int
    whole: str = ""
    optional: bool = False


@dataclass(frozen=True)
class Fitted:
    """The line that fits, and the messages it could not show whole."""

    line: Content
    folded: tuple[str, ...] = field(default=())


def fit(parts: Sequence[Part], width: int) -> Fitted:
    """The parts joined in their order, in the longest forms that fit ``width`` cells: the
    part of lowest priority is shortened first; only when every part is at its shortest
    are parts dropped, the lowest first.

    >>> parts = [Part((Content("§ Lede  ¶ 3/9  30%"), Content("30%")), 4),
    ...          Part((Content("“GMV” 2/21"), Content("2/21")), 5, "“GMV” 2/21"),
    ...          Part((Content("finding figures…"),), 1, optional=True)]
    >>> [str(fit(parts, w).line) for w in (80, 40, 20, 12, 5, 3)]
    ['§ Lede  ¶ 3/9  30%  ·  “GMV” 2/21  ·  finding figures…', '§ Lede  ¶ 3/9  30% · “GMV” 2/21', '30% · “GMV” 2/21', '30% · 2/21', '2/21', '']
    >>> fit(parts, 12).folded, fit(parts, 40).folded
    (('“GMV” 2/21',), ())
    """
    chosen = [0] * len(parts)  # index into each part's forms; len(forms) = dropped
    separator = WIDE_SEPARATOR if width >= NARROW else NARROW_SEPARATOR
    by_priority = sorted(range(len(parts)), key=lambda k: parts[k].priority)

    def line() -> Content:
        shown = [p.forms[c] for p, c in zip(parts, chosen, strict=True) if c < len(p.forms)]
        return Content(separator).join(shown)

    def last(k: int, dropping: bool) -> int:
        return len(parts[k].forms) - (0 if dropping or parts[k].optional else 1)

    current = line()
    for dropping in (False, True):
        while current.cell_length > width:
            k = next((k for k in by_priority if chosen[k] < last(k, dropping)), None)
            if k is None:
                break
            chosen[k] += 1
            current = line()
    folded = tuple(p.whole for p, c in zip(parts, chosen, strict=True) if c > 0 and p.whole)
    return Fitted(current, folded)


def where_part(label: str, block: int, blocks: int, percent: int | None) -> Part:
    """Section, paragraph and percent; shorter: the label shortened, then without it."""
    at = f"{block + 1}/{max(1, blocks)}"
    pct = () if percent is None else (("  ", ""), f"{percent}%")  # how far through, as less shows it
    forms = [
        Content.assemble(
            ("§ ", "$text-muted"), Content(label).truncate(cells, ellipsis=True), ("  ¶ ", "$text-muted"), at, *pct
        )
        for cells in LABEL_CELLS
    ]
    forms.append(Content.assemble(("¶ ", "$text-muted"), at, *pct))
    if percent is not None:
        forms.append(Content(f"{percent}%"))
    return Part(tuple(forms), WHERE)


def search_part(query: str, hits: int, current: int, searching: bool, error: str | None) -> Part:
    """The search's state: the query and where among its hits; shorter: the hits alone.
    ``error``: None for plain text, else the regular expression's error ("" when it has none).

    >>> [str(f) for f in search_part("GMV", 21, 1, False, None).forms]
    ['“GMV” 2/21', '2/21']
    >>> [str(f) for f in search_part("(", 0, -1, False, "missing )").forms]
    ['regex “(”: missing )', 'regex: missing )', 'bad regex']
    """
    quoted = f"“{query}”"
    if error:
        forms = (f"regex {quoted}: {error}", f"regex: {error}", "bad regex")
        return Part(tuple(Content(f) for f in forms), SEARCH, forms[0])
    at = f"{current + 1}/{hits}" if current >= 0 else f"{hits}"
    if not hits:
        at = "searching…" if searching else "not found"
    elif searching:
        at += "…"
    regex = "regex " if error is not None else ""
    whole = f"{regex}{quoted} {at}"
    return Part((Content(whole), Content(f"{regex}{at}")), SEARCH, whole)


def inferred_note(inferred: list[Inferred], most: int = 3) -> Content:
    """Say which characters of the paragraph were inferred, and the other candidates."""
    parts: list = [("inferred ", "$text-warning")]
    for k, x in enumerate(inferred[:most]):
        others = [c for c in x.candidates if c != x.char]
        parts += [("" if k == 0 else "; "), (x.char, "underline")]
        if others:
            parts.append(f" (or {'/'.join(others[:4])})")
        if x.evidence:
            parts.append(f" {x.evidence}")
    if len(inferred) > most:
        parts.append(f"; +{len(inferred) - most} more")
    return Content.assemble(*parts)


def inferred_part(inferred: list[Inferred]) -> Part:
    """The inferred characters: all three, one, or only their number."""
    count = Content.assemble(("inferred ", "$text-warning"), f"×{len(inferred)}")
    forms = (inferred_note(inferred), inferred_note(inferred, most=1), count)
    return Part(forms, INFERRED, str(inferred_note(inferred, most=len(inferred))))


class StatusBar(Static):
    """One line above the footer; ``show`` gives it the reader's place, ``preparing`` says what
    is being prepared for the reader (pinyin…)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[Part] = []
        self._shown: tuple[str, tuple[object, ...]] | None = None
        self._tasks: dict[str, str] = {}
        self._told: set[str] = set()  # folded messages already given as notifications
        self._folded: list[str] = []
        self._fold_timer: Timer | None = None

    def show_reading(self, doc: Document, view: ArticleView, enrichment: str) -> None:
        """Show where ``view`` is in ``doc``, its search and what enrichment is doing."""
        if not view.blocks:
            return
        block = view.blocks[min(view.current_block, len(view.blocks) - 1)]
        inferred = view.inferred_in(block.index)
        search, query = None, view.search_query
        if query:
            error = pattern_error(query) if view.search.regex else None
            search = search_part(query, len(view.search.hits), view.search.current, view.search.searching, error)
        self.show(
            doc,
            block.section,
            block.index,
            len(view.blocks),
            enrichment,
            inferred,
            search,
            view.script,
            percent_through(view.scroll_y, view.end_row),
        )

    def show(
        self,
        doc: Document,
        section: int,
        block: int,
        blocks: int,
        enrichment: str,
        inferred: list[Inferred],
        search: Part | None = None,
        script: str = "original",
        percent: int | None = None,
    ) -> None:
        label = doc.sections[section].label if 0 <= section < len(doc.sections) else ""
        parts = [where_part(in_script(label, script), block, blocks, percent)]
        if search is not None:
            parts.append(search)
        if inferred:
            parts.append(inferred_part(inferred))
        if enrichment:
            parts.append(Part((Content.styled(enrichment, "$text-muted"),), ENRICHMENT, optional=True))
        self._parts = parts
        self._render_parts()

    def preparing(self, name: str, text: str | None) -> None:
        """Say (or, with None, stop saying) what is being prepared, e.g. "preparing pinyin…"."""
        if text:
            self._tasks[name] = text
        else:
            self._tasks.pop(name, None)
        self._render_parts()

    def on_resize(self) -> None:
        self._render_parts()

    def _render_parts(self) -> None:
        tasks = [Part((Content.styled(t, "$text-warning"),), TASK, t) for t in self._tasks.values()]
        parts = self._parts[:1] + tasks + self._parts[1:]
        width = self.size.width or self.app.size.width
        fitted = fit(parts, width)
        shown = (fitted.line.plain, tuple(fitted.line.spans))  # Content's == compares the text alone
        if shown != self._shown:  # the same line again (the place told twice by a toggle): no frame for it
            self._shown = shown
            self.update(fitted.line, layout=False)  # one fixed line: no relayout
        self._folded = [m for m in fitted.folded if m not in self._told]
        if self._fold_timer is not None:
            self._fold_timer.stop()
            self._fold_timer = None
        if self._folded:
            self._fold_timer = self.set_timer(FOLD_DELAY, self._tell_folded, name="status fold")

    def _tell_folded(self) -> None:
        """The messages the line can show only in part, whole, once each."""
        self._fold_timer = None
        for message in self._folded:
            self._told.add(message)
            self.app.notify(message, timeout=6, markup=False)
