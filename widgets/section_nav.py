"""The section navigator: lede + each section with its number of figures.

The count is a right-aligned column, ``0`` included, named under the list ("figures"), so that
``01  27`` does not read as two labels and a section without figures does not look unfinished.

>>> [p.plain for p in section_prompts_for(["導語", "01", "一個很長很長的小節標題"], [20, 0, 3])]
['導語           20', '01              0', '一個很長很長…  3']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
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
    """Each label then its figure count (see :func:`section_prompt`)."""
    return [section_prompt(label, n) for label, n in zip(labels, counts)]


def section_prompt(label: str, count: int, cells: int = LABEL_CELLS) -> Content:
    """``label`` in its column of ``cells``, then its figure count right-aligned (zero too, dimmed)."""
    shown = Content(fit_label(label, cells))
    counted = Content.styled(f"{count:>{COUNT_CELLS}}", "$text-muted" if count else "$text-disabled")
    return Content.assemble(shown, counted)


def count_cells(count: int) -> int:
    """The cells of a count's column (wider for a section of a thousand figures).

    >>> count_cells(0), count_cells(999), count_cells(1234)
    (3, 3, 4)
    """
    return max(COUNT_CELLS, len(str(count)))


@dataclass(frozen=True, eq=False)
class SectionPrompt(Visual):
    """A section's line in the script its navigator shows, made when it is drawn: a toggle converts
    the labels on screen, not a book's thousands, and the list keeps its options, heights and place.
    The label gives up cells to the count when the list is narrower (its scroll bar shown).

    >>> shown = ["original"]
    >>> prompt = SectionPrompt("一個很長很長的小節標題", 3, lambda: shown[0])
    >>> str(prompt), prompt.get_optimal_width({}, 80) == cell_len(str(prompt))
    ('一個很長很長…  3', True)
    >>> shown[0] = "simp"
    >>> str(prompt), prompt.content(12).plain, SectionPrompt("導語", 1234, lambda: "hk").get_optimal_width({}, 80)
    ('一个很长很长…  3', '一个很长很… 3', 18)
    """

    label: str
    count: int
    script: Callable[[], str]

    def content(self, cells: int = LABEL_CELLS) -> Content:
        """This line as shown now, its label in ``cells``."""
        return section_prompt(in_script(self.label, self.script()), self.count, cells)

    def __str__(self) -> str:
        return self.content().plain

    def _label_cells(self, rules: RulesMap, width: int) -> int:
        return min(LABEL_CELLS, width - rules.get("line_pad", 0) * 2 - count_cells(self.count))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        cells = max(self._label_cells(options.rules, width), 2)
        return self.content(cells).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        # The label fills its column in every script, so the width is known without converting it.
        return LABEL_CELLS + count_cells(self.count) + rules.get("line_pad", 0) * 2

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content().get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        # One line while a cut label and the count fit: the list measures every option after a change.
        if self._label_cells(rules, width) >= 2:
            return 1
        return self.content(2).get_height(rules, width)


def shown_for(doc: Document) -> tuple[list[str], list[int]]:
    """What the navigator shows of ``doc``: its section labels and their figure counts."""
    return [s.label for s in doc.sections], figure_counts(doc)


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
        self._shown_for = shown_for(document)
        super().__init__(*self._section_options(document), id=id, classes=classes, markup=False)
        self.border_title = "Sections"
        self.border_subtitle = "figures"  # names the count column, which ends right above it
        self.tooltip = "Each section with its number of figures; Enter jumps to it"

    def _section_options(self, doc: Document) -> list[Option]:
        shown = self._shown_script
        return [
            Option(SectionPrompt(s.label, n, shown), id=f"s{k}")
            for k, (s, n) in enumerate(zip(doc.sections, figure_counts(doc)))
        ]

    def _shown_script(self) -> str:
        return self.script

    def update_document(self, doc: Document) -> None:
        shown = shown_for(doc)
        if shown == self._shown_for:
            return  # labels or keywords changed, not what this list shows (a book has thousands of sections)
        self._shown_for = shown
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(self._section_options(doc))
        self.highlighted = highlighted

    def set_script(self, script: str) -> None:
        """Show the section labels in ``script``: the lines on screen whose label reads otherwise are drawn again."""
        before, self.script = self.script, script
        labels = self._shown_for[0]
        # All the labels converted at once (a label ends at its line, as a phrase does): many books'
        # sections read the same in the Traditional scripts, and redrawing the list costs a frame.
        joined = "\n".join(labels)
        if in_script(joined, before) == in_script(joined, script):
            return
        # OptionList keeps each option's drawn lines, and replacing prompts clears those and every
        # option's measured height (a book's thousands measured again); the heights are the same
        # in every script, so only the drawn lines go.
        self._option_render_cache.clear()
        if self.virtual_size.height != len(labels):  # not a line per section (narrower than a label)
            self.refresh()
            return
        top = self.scroll_offset.y
        for y in range(top, min(top + self.scrollable_content_region.height, len(labels))):
            if in_script(labels[y], before) != in_script(labels[y], script):  # numbered sections do not
                self.refresh_line(y)

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
