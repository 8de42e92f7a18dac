"""The cleaner's repairs in a modal list, by kind, each with what it changed: Enter jumps
to the place in the article (the header counts them; ``R`` opens the list)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.text.visible import shown_name

MOST = 2000  # repairs listed (a damaged book has hundreds of thousands; --repairs prints them all)
SIDE = 24  # characters shown of what was there and what is there now


def shown_text(text: str) -> str:
    """A repair's text for the list: controls made visible, one line, cut to SIDE characters.

    >>> shown_text("過(guò)"), shown_text("a\\x1b[31m") == "a\\\\x1b[31m", shown_text("")
    ('過(guò)', True, '∅')
    """
    text = shown_name(text)
    if not text:
        return "∅"
    return text if len(text) <= SIDE else text[: SIDE - 1] + "…"


def repair_rows(repairs: Sequence) -> list[tuple[str, int, str, str]]:
    """(kind, offset, before, after) of the repairs by kind, then by place; at most MOST.

    >>> from types import SimpleNamespace as R
    >>> repair_rows([R(kind="pinyin", offset=9, before="過(guò)", after="過"), R(kind="html", offset=2, before="<b>", after="")])
    [('html', 2, '<b>', '∅'), ('pinyin', 9, '過(guò)', '過')]
    """
    chosen = sorted(((r.kind, r.offset, r.before, r.after) for r in list(repairs)[:MOST]), key=lambda r: r[:2])
    return [(kind, offset, shown_text(before), shown_text(after)) for kind, offset, before, after in chosen]


class RepairsScreen(ModalScreen[int | None]):
    """Choose a repair; dismisses with its offset in the clean text, or None."""

    BINDINGS = [
        Binding("escape,q,R", "cancel", "Close", id="repairs.close"),
        Binding("j", "cursor(1)", "Next", show=False, id="repairs.down"),
        Binding("k", "cursor(-1)", "Previous", show=False, id="repairs.up"),
    ]

    def __init__(self, repairs: Sequence) -> None:
        super().__init__()
        self._rows = repair_rows(repairs)
        self._total = len(repairs)

    def compose(self) -> ComposeResult:
        options = OptionList(id="repairs-list")
        shown = f"{len(self._rows)} of {self._total}" if len(self._rows) < self._total else str(self._total)
        options.border_title = f"Repairs ({shown})"
        options.border_subtitle = "Enter jumps · Esc closes · kreader --repairs lists them all"
        yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if not self._rows:
            options.add_option(Option("The cleaner changed nothing in this article.", disabled=True))
            return
        options.add_options(
            Option(
                Content.assemble((kind.ljust(10), "bold"), before, (" → ", "dim"), after, (f"  @{offset}", "dim")),
                id=str(k),
            )
            for k, (kind, offset, before, after) in enumerate(self._rows)
        )
        options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self._rows and event.option_index < len(self._rows):
            self.dismiss(self._rows[event.option_index][1])

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
