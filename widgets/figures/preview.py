"""The figure preview: one line under the article while the figures panel has the
focus, saying what the figure under the panel's cursor is without a jump: its
exact value in words, its section, and its clause with the figure emphasised.

The value comes first: the clause is what gets cut on a narrow terminal.

>>> from types import SimpleNamespace as F
>>> f = F(value=6.2e12, value_max=None, unit="元", kind="money", qualifier="approx", vague=False)
>>> value_in_words(f)
'about 6,200,000,000,000 元 (6.2 trillion)'
>>> value_in_words(F(value="--05", value_max="--08", unit="", kind="date", qualifier="", vague=False))
'May to August'
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from reader.document import Document
from reader.text.script import in_script
from widgets.article.layout import terminal_safe

CLAUSE_ENDS = "，,、；;：:。！？!?\n"
QUALIFIER_WORDS = {"approx": "about ", "over": "over ", "under": "under ", "lower": "at least ", "upper": "at most "}
MONTHS = ("January February March April May June July August September October November December").split()
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def clause_span(text: str, start: int, end: int, limit: int = 200) -> tuple[int, int]:
    """The clause holding ``text[start:end]``: from after the previous clause mark to its
    next one, at most ``limit`` characters each side.

    >>> t = "去年營收223萬元，增長60%。"
    >>> s, e = clause_span(t, 4, 9); t[s:e]
    '去年營收223萬元'
    """
    left = start
    while left > max(0, start - limit) and text[left - 1] not in CLAUSE_ENDS:
        left -= 1
    right = end
    while right < min(len(text), end + limit) and text[right] not in CLAUSE_ENDS:
        right += 1
    while left < start and text[left].isspace():
        left += 1
    return left, right


def number_words(v: float) -> str:
    """A large number in short-scale words, with up to four significant figures.

    >>> number_words(2.685e11), number_words(2230000.0), number_words(999.0)
    ('268.5 billion', '2.23 million', '')
    """
    for scale, word in SCALES:
        if abs(v) >= scale:
            return f"{v / scale:.4g} {word}"
    return ""


def exact(v: float | str | None) -> str:
    """A value written out in full: thousands separators, no exponent.

    >>> exact(6.2e12), exact(0.25), exact("2018")
    ('6,200,000,000,000', '0.25', '2018')
    """
    if isinstance(v, float | int) and not isinstance(v, bool):
        if float(v).is_integer():
            return f"{int(v):,}"
        return f"{v:,.6f}".rstrip("0").rstrip(".")
    return "" if v is None else str(v)


def date_words(v: str) -> str:
    """``--09-10`` → ``September 10``, ``--07`` → ``July``, ``2018-07`` → ``July 2018``.

    >>> date_words("--09-10"), date_words("--07"), date_words("2018-07"), date_words("?")
    ('September 10', 'July', 'July 2018', '?')
    """
    parts = v[2:].split("-") if v.startswith("--") else v.split("-")
    year = "" if v.startswith("--") else parts.pop(0)
    if not parts or not parts[0].isdigit() or not 1 <= int(parts[0]) <= 12:
        return v
    month, day = parts[0], parts[1] if len(parts) > 1 else ""
    words = MONTHS[int(month) - 1] + (f" {int(day)}" if day.isdigit() else "")
    return f"{words} {year}" if year else words


def value_in_words(figure, script: str = "original") -> str:
    """The figure's value written out: qualifier, exact value (range), unit (in ``script``), scale words."""
    qualifier = QUALIFIER_WORDS.get(str(figure.qualifier), "")
    if figure.kind == "date" and isinstance(figure.value, str):
        text = date_words(figure.value)
        if isinstance(figure.value_max, str) and figure.value_max != figure.value:
            text += " to " + date_words(figure.value_max)
        return qualifier + text
    text = exact(figure.value)
    if figure.value_max is not None and figure.value_max != figure.value:
        text += " to " + exact(figure.value_max)
    if figure.unit:
        text += ("" if figure.unit in "%％‰" else " ") + in_script(figure.unit, script)
    if isinstance(figure.value, float | int) and not isinstance(figure.value, bool):
        words = number_words(float(figure.value))
        if words:
            text += f" ({words})"
    if getattr(figure, "vague", False):
        text += ", vague"
    return qualifier + text


def preview(doc: Document, k: int, width: int, section_label: str = "", script: str = "original") -> Text:
    """One line about figure ``k``: its value in words, its section and its clause (plain
    text, never markup), the figure reversed; the clause is windowed round the figure
    and cut to ``width`` cells; all of it in ``script``."""
    figure = doc.figures[k]
    middle = terminal_safe(in_script(figure.text, script))
    head = Text(value_in_words(figure, script), style="bold")
    label = terminal_safe(in_script(section_label, script))
    section = Text.assemble(("  §", "dim"), label) if section_label else Text("")
    if head.cell_len + section.cell_len + 2 + cell_len(middle) + 6 <= width:
        head.append_text(section)  # the section when it leaves room for the figure in its clause
    head.append("  ")
    room = max(0, width - head.cell_len)
    start, end = clause_span(doc.text, figure.start, figure.end)
    before = terminal_safe(in_script(doc.text[start : figure.start], script))
    after = terminal_safe(in_script(doc.text[figure.end : end], script))
    before, after = _window(before, cell_len(middle), after, room)
    line = head + Text(before) + Text(middle, style="reverse bold") + Text(after)
    line.truncate(width, overflow="ellipsis")
    line.no_wrap = True
    return line


def _window(before: str, middle: int, after: str, room: int) -> tuple[str, str]:
    """Cut ``before`` (from its start) and ``after`` (from its end) so that the three fit
    ``room`` cells, the figure (``middle`` cells) kept whole and as central as the text allows.

    >>> _window("一二三四五", 4, "六七八", 12)
    ('…五', '六七…')
    """
    if cell_len(before) + middle + cell_len(after) <= room:
        return before, after
    side = max(0, room - middle) // 2
    if cell_len(after) < side:
        side = room - middle - cell_len(after)
    kept = ""
    for char in reversed(before):
        if cell_len(kept) + cell_len(char) + 1 > side:
            break
        kept = char + kept
    before = "…" + kept if kept != before else before
    rest = max(0, room - middle - cell_len(before))
    if cell_len(after) > rest:
        cut = ""
        for char in after:
            if cell_len(cut) + cell_len(char) + 1 > rest:
                break
            cut += char
        after = cut + "…" if rest else ""
    return before, after


class FigurePreview(Static):
    """The line under the article that previews the figure under the panel's cursor."""

    def show(self, doc: Document, k: int | None, script: str = "original") -> None:
        if k is None or not 0 <= k < len(doc.figures):
            self.update("")
            return
        section = doc.figures[k].section
        label = doc.sections[section].label if 0 <= section < len(doc.sections) else ""
        width = max(10, self.size.width or self.app.size.width)
        self.update(preview(doc, k, width - 2, label, script), layout=False)
