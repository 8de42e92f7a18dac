"""The section navigator: lede + each section with its number of figures.

The count is a right-aligned column, ``0`` included, named under the list ("figures"), so that
``01  27`` does not read as two labels and a section without figures does not look unfinished.

>>> [p.plain for p in section_prompts_for(["導語", "01", "一個很長很長的小節標題"], [20, 0, 3])]
['導語           20', '01              0', '一個很長很長…  3']
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.document import Document
from reader.text.script import in_script
from widgets.host import panel_host

LABEL_CELLS = 14  # the label column; with the count column it fits the 18 cells inside the panel
COUNT_CELLS = 3


def fit_label(label: str, cells: int = LABEL_CELLS) -> str:
    """``label`` in exactly ``cells`` cells: padded, or cut with ``…`` (a wide character is not split).

    >>> fit_label("01", 4) + "|", fit_label("一個很長", 6) + "|", fit_label("abcdefgh", 6) + "|"
    ('01  |', '一個… |', 'abcde…|')
    """
    width = cell_len(label)  # measured once, then by the characters cut (a book has thousands of labels)
    if width > cells:
        while label and width > cells - 1:
            width -= cell_len(label[-1])
            label = label[:-1]
        label, width = label + "…", width + 1
    return label + " " * (cells - width)


def figure_counts(doc: Document) -> list[int]:
    """How many figures each section holds."""
    counts = [0] * len(doc.sections)
    for f in doc.figures:
        if 0 <= f.section < len(counts):
            counts[f.section] += 1
    return counts


def section_prompts(doc: Document, script: str = "original") -> list[Content]:
    """One line per section: its label (plain text, never markup) and its number of figures."""
    return section_prompts_for([in_script(s.label, script) for s in doc.sections], figure_counts(doc))


def section_prompts_for(labels: list[str], counts: list[int]) -> list[Content]:
    """``label`` then its figure count, right-aligned (zero too, dimmed)."""
    prompts = []
    for label, n in zip(labels, counts):
        shown = Content(fit_label(label))
        count = Content.styled(f"{n:>{COUNT_CELLS}}", "$text-muted" if n else "$text-disabled")
        prompts.append(Content.assemble(shown, count))
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
        # The prompts of each script shown, for these sections and counts: toggling the script back
        # and forth does not convert and measure a book's thousands of labels again.
        self._by_script: dict[str, list[Content]] = {self.script: self._prompts}
        self._made_for: tuple[object, list[int]] = (document.sections, figure_counts(document))
        super().__init__(*self._section_options(self._prompts), id=id, classes=classes, markup=False)
        self._document = document
        self.border_title = "Sections"
        self.border_subtitle = "figures"  # names the count column, which ends right above it
        self.tooltip = "Each section with its number of figures; Enter jumps to it"

    @staticmethod
    def _section_options(prompts: list[Content]) -> list[Option]:
        return [Option(p, id=f"s{k}") for k, p in enumerate(prompts)]

    def _prompts_in_script(self, doc: Document) -> list[Content]:
        made_for = (doc.sections, figure_counts(doc))
        if made_for[0] is not self._made_for[0] or made_for[1] != self._made_for[1]:
            self._by_script, self._made_for = {}, made_for
        if self.script not in self._by_script:
            self._by_script[self.script] = section_prompts_for(
                [in_script(s.label, self.script) for s in doc.sections], made_for[1]
            )
        return self._by_script[self.script]

    def update_document(self, doc: Document) -> None:
        self._document = doc
        prompts = self._prompts_in_script(doc)
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
