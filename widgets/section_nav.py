"""The section navigator: lede + each section with its number of figures."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.document import Document
from reader.text.script import in_script
from widgets.host import panel_host


def section_prompts(doc: Document, script: str = "original") -> list[Content]:
    """One line per section: its label (plain text, never markup) and figure count."""
    counts = [0] * len(doc.sections)
    for f in doc.figures:
        if 0 <= f.section < len(counts):
            counts[f.section] += 1
    prompts = []
    for s, n in zip(doc.sections, counts):
        label = Content(in_script(s.label, script)).truncate(14, ellipsis=True)
        count = Content.styled(f" {n}", "$text-muted") if n else Content("")
        prompts.append(Content.assemble(label, count))
    return prompts


class SectionNav(OptionList):
    """Sections of the article; Enter jumps, the highlight follows the reading position."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Next", show=False, id="sections.down"),
        Binding("k,up", "cursor_up", "Previous", show=False, id="sections.up"),
        Binding("enter", "select", "Go to the section", show=False, id="sections.select"),
        Binding("escape", "leave", "Back to article", show=False, id="sections.leave"),
    ]

    class Jump(Message):
        """The user chose a section."""

        def __init__(self, section: int) -> None:
            super().__init__()
            self.section = section

    def __init__(self, document: Document, *, id: str | None = None, classes: str | None = None) -> None:
        self.script = "original"  # the labels follow the article's script
        self._prompts = section_prompts(document)
        super().__init__(*self._section_options(self._prompts), id=id, classes=classes, markup=False)
        self._document = document
        self.border_title = "Sections"

    @staticmethod
    def _section_options(prompts: list[Content]) -> list[Option]:
        return [Option(p, id=f"s{k}") for k, p in enumerate(prompts)]

    def update_document(self, doc: Document) -> None:
        self._document = doc
        prompts = section_prompts(doc, self.script)
        if prompts == self._prompts:
            return  # labels or keywords changed, not what this list shows (a book has thousands of sections)
        self._prompts = prompts
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(self._section_options(prompts))
        self.highlighted = highlighted

    def set_script(self, script: str) -> None:
        """Show the section labels in ``script``."""
        self.script = script
        self.update_document(self._document)

    def follow(self, section: int) -> None:
        """Highlight ``section`` (the reader scrolled into it) without jumping."""
        if self.highlighted != section and 0 <= section < self.option_count:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = section

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(event.option_index))

    def action_leave(self) -> None:
        panel_host(self.app).action_focus_article()
