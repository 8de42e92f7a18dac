"""A popup with one word's dictionary entries: both scripts, pinyin, definitions.

It shows a :class:`reader.text.dictionary.Lookup` (the caller looks the word up,
in a worker the first time, since loading CC-CEDICT takes about a second);
it never parses text itself, and everything it shows is plain text in
``Content`` (dictionary text holds ``[brackets]``, which are not markup).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.text.dictionary import LICENSE, SOURCE, Entry, Lookup

MAX_DEFINITIONS = 12  # per entry; the rest are counted


def _entry_lines(entry: Entry, numbered_from: int = 1) -> list[Content]:
    forms = entry.traditional if entry.traditional == entry.simplified else f"{entry.traditional} {entry.simplified}"
    lines = [Content.assemble((forms, "bold"), "  ", (entry.marked, "$accent"), (f"  {entry.pinyin}", "$text-muted"))]
    shown = entry.definitions[:MAX_DEFINITIONS]
    for k, definition in enumerate(shown, numbered_from):
        lines.append(Content.assemble((f"  {k:>2}. ", "$text-muted"), definition))
    if len(entry.definitions) > len(shown):
        lines.append(Content.styled(f"      … {len(entry.definitions) - len(shown)} more", "$text-muted"))
    return lines


def popup_content(lookup: Lookup, reading: str = "", disputed: str = "") -> Content:
    """What the popup shows for ``lookup``; ``reading`` is the word's pinyin where it stands,
    ``disputed`` the article's own reading of it when that names other syllables.

    >>> from reader.text.dictionary import Dictionary, Entry
    >>> d = Dictionary([Entry("銀行", "银行", "yin2 hang2", ("bank", "CL:家[jia1]"))])
    >>> print(popup_content(d.lookup("銀行")).plain)
    銀行  银行
    yínháng
    <BLANKLINE>
    銀行 银行  yínháng  yin2 hang2
       1. bank
       2. CL:家[jia1]
    """
    other = lookup.simplified if lookup.word != lookup.simplified else lookup.traditional
    title: list[str | tuple[str, str]] = [(lookup.word, "bold")]
    if other != lookup.word:
        title += ["  ", (other, "bold $text-muted")]
    lines = [Content.assemble(*title)]
    pinyin = reading or lookup.pinyin
    if pinyin:
        lines.append(Content.styled(pinyin, "$accent"))
    if disputed:
        lines.append(Content.styled(f"disputed: the article reads it {disputed}", "reverse"))
    lines.append(Content(""))
    if lookup.entries:
        for k, entry in enumerate(lookup.entries):
            if k:
                lines.append(Content(""))
            lines.extend(_entry_lines(entry))
    elif lookup.parts:
        lines.append(Content.styled("Not in the dictionary as a word; its parts:", "italic $text-muted"))
        for part, entries in lookup.parts:
            lines.append(Content(""))
            if entries:
                for entry in entries:
                    lines.extend(_entry_lines(entry))
            else:
                lines.append(Content.assemble((part, "bold"), ("  not in the dictionary", "$text-muted")))
    else:
        lines.append(Content.styled("Not in the dictionary.", "italic $text-muted"))
    return Content("\n").join(lines)


class WordPopup(ModalScreen[None]):
    """One word's entries; Esc (or Enter, q) closes."""

    DEFAULT_CSS = """
    WordPopup {
        align: center middle;
        #word-body {
            width: 72;
            max-width: 100%;
            height: auto;
            max-height: 80%;
            border: round $border;
            border-title-color: $accent;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="word.close")]

    def __init__(self, lookup: Lookup, reading: str = "", disputed: str = "") -> None:
        super().__init__()
        self.lookup = lookup
        self.reading = reading
        self.disputed = disputed

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="word-body") as body:
            body.border_title = Content(self.lookup.word)
            body.border_subtitle = f"{SOURCE} ({LICENSE}) · Esc closes"
            yield Static(popup_content(self.lookup, self.reading, self.disputed), id="word-text")

    def action_close(self) -> None:
        self.dismiss(None)
