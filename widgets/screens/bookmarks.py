"""The bookmarks of the article in a modal list: Enter jumps, d deletes."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.document import Document
from reader.review.model import Bookmark
from reader.text.script import in_script


def bookmark_prompt(doc: Document, bookmark: Bookmark, script: str = "original") -> Content:
    """Section label and excerpt of a bookmark in the script the article is shown in
    (plain text, never markup)."""
    section = doc.sections[bookmark.section].label if 0 <= bookmark.section < len(doc.sections) else ""
    return Content.assemble(
        Content(in_script(section, script)).truncate(16, ellipsis=True).stylize("bold"),
        ("  ·  ", "dim"),
        in_script(bookmark.excerpt, script),
    )


class BookmarksScreen(ModalScreen[int | None]):
    """Choose a bookmark; dismisses with its offset, or None."""

    BINDINGS = [
        Binding("escape,q,apostrophe", "cancel", "Close", id="bookmarks.close"),
        Binding("enter", "jump", "Jump", id="bookmarks.jump"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
        Binding("j", "cursor(1)", "Next", show=False, id="bookmarks.down"),
        Binding("k", "cursor(-1)", "Previous", show=False, id="bookmarks.up"),
    ]

    def __init__(
        self,
        doc: Document,
        bookmarks: tuple[Bookmark, ...],
        on_delete: Callable[[int], tuple[Bookmark, ...]],
        script: str = "original",
    ) -> None:
        super().__init__()
        self._doc = doc
        self._script = script
        self._bookmarks = bookmarks
        self._on_delete = on_delete  # deletes and saves; answers the bookmarks left

    def compose(self) -> ComposeResult:
        options = OptionList(id="bookmarks-list")
        options.border_title = "Bookmarks"
        options.border_subtitle = "Enter jumps · d deletes · Esc closes"
        yield options

    def on_mount(self) -> None:
        self._fill(0)

    def _fill(self, highlighted: int) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if not self._bookmarks:
            options.add_option(Option("No bookmarks yet: m adds one at the current paragraph.", disabled=True))
            return
        options.add_options(
            Option(bookmark_prompt(self._doc, b, self._script), id=str(b.offset)) for b in self._bookmarks
        )
        options.highlighted = max(0, min(highlighted, len(self._bookmarks) - 1))

    def _chosen(self) -> Bookmark | None:
        options = self.query_one(OptionList)
        k = options.highlighted
        if k is None or not self._bookmarks or k >= len(self._bookmarks):
            return None
        return self._bookmarks[k]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.dismiss(chosen.offset)

    def action_delete(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        at = self._bookmarks.index(chosen)
        self._bookmarks = self._on_delete(chosen.offset)
        self._fill(at)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
