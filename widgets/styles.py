"""The style of every mark kreader draws, in each display mode: one table (pure; no Textual).

A mark must read in the three ways a terminal shows colour:

* ``color`` — 256 colours or truecolor: the theme's colours (``$warning``), so themes still apply;
* ``ansi16`` — 16 colours (``TERM=linux``): Rich would downsample the theme's colours, and most of
  them land on bright red (orange ``$warning`` and ``$accent`` both do); each mark names one of the
  16 colours instead, written as the exact colour Rich maps back to it. Red is kept for what is
  wrong (damaged text, inferred characters, a wrong verdict);
* ``mono`` — ``NO_COLOR``: Textual turns every colour into a grey of its luminance, so a mark's
  colour is the text's own (never darker than the text) and its text style tells it apart.

Marks drawn over the article's text differ from the text and from each other in every mode;
the bar, the badges and the verdicts are told apart by their sign as well.

>>> look(MARKS_BY_NAME["keyword"], "ansi16")
Look(color='bright_yellow', style='bold')
>>> declarations(Look("bright_yellow", "bold"), "ansi16")
'color: #ffff55; text-style: bold;'
>>> declarations(Look(None, ""), "mono")
'color: $foreground; text-style: none;'
>>> display_mode(no_color=False, color_system="standard"), display_mode(False, "truecolor"), display_mode(True, "256")
('ansi16', 'color', 'mono')
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from rich._palettes import STANDARD_PALETTE
from rich.color import ANSI_COLOR_NAMES

Mode = Literal["color", "ansi16", "mono"]
MODES: tuple[Mode, ...] = ("color", "ansi16", "mono")
OTHER_MODES: tuple[Mode, ...] = ("ansi16", "mono")  # each a class on the app, overriding ``color``
TEXT_STYLES = frozenset({"bold", "italic", "underline", "reverse", "strike"})


@dataclass(frozen=True)
class Look:
    """A colour (``None``: the text's own) and text-style words."""

    color: str | None
    style: str = ""


@dataclass(frozen=True)
class Mark:
    """One mark: where it is drawn, what the legend says, and how it looks in each mode."""

    name: str
    widget: str  # the widget type whose component class draws it
    component: str
    sample: str  # shown in the legend with the mark's style
    meaning: str
    color: Look
    ansi16: Look
    mono: Look
    over_text: bool = True  # drawn over article text: must differ from it and from the other such marks


def _mark(name: str, widget: str, sample: str, meaning: str, *looks: Look, over_text: bool = True) -> Mark:
    prefix = "article-view" if widget == "ArticleView" else "figures-panel"
    color, ansi16, mono = looks
    return Mark(name, widget, f"{prefix}--{name}", sample, meaning, color, ansi16, mono, over_text)


A, F = "ArticleView", "FiguresPanel"
MARKS: tuple[Mark, ...] = (
    # over the article's text
    _mark(
        "keyword",
        A,
        "快手",
        "keyword (h hides them)",
        Look("$warning", "bold"),
        Look("bright_yellow", "bold"),
        Look(None, "bold"),
    ),
    _mark(
        "user-keyword",
        A,
        "服務商",
        "your own highlight term (palette: add a highlight term)",
        Look("$text-primary", "bold italic"),
        Look("bright_magenta", "bold italic"),
        Look(None, "bold italic"),
    ),
    _mark("figure", A, "223萬元", "a figure", Look("$success"), Look("bright_green"), Look(None, "underline")),
    _mark(
        "figure-selected",
        A,
        "223萬元",
        "the figure chosen in the figures panel",
        Look("$success", "reverse bold"),
        Look("bright_green", "reverse bold"),
        Look(None, "reverse underline"),
    ),
    _mark(
        "search",
        A,
        "直播",
        "a search hit",
        Look("$text-primary", "reverse"),
        Look("bright_cyan", "reverse"),
        Look(None, "reverse"),
    ),
    _mark(
        "search-current",
        A,
        "直播",
        "the current search hit (n / N)",
        Look("$warning", "reverse bold"),
        Look("bright_yellow", "reverse bold"),
        Look(None, "reverse bold"),
    ),
    _mark(
        "word",
        A,
        "主播",
        "the word cursor (W)",
        Look(None, "reverse bold"),
        Look(None, "reverse bold"),
        Look(None, "reverse bold italic"),
    ),
    _mark(
        "inferred",
        A,
        "銷",
        "a character the cleaner inferred (mojibake): check it",
        Look("$error", "underline"),
        Look("bright_red", "underline"),
        Look(None, "italic underline"),
    ),
    _mark(
        "damaged",
        A,
        "□□",
        "damaged or lost text",
        Look("$error", "reverse"),
        Look("red", "reverse"),
        Look(None, "reverse italic"),
    ),
    _mark(
        "boilerplate",
        A,
        "責任編輯",
        "page furniture shown again (B)",
        Look("$text-disabled", "italic"),
        Look("white", "italic strike"),
        Look(None, "italic strike"),
    ),
    _mark(
        "original",
        A,
        "過去近兩個月",
        "the paragraph in its original script (o)",
        Look("$text-muted", "italic"),
        Look("white", "italic"),
        Look(None, "italic"),
    ),
    # told apart by their place or sign
    _mark(
        "heading",
        A,
        "標題",
        "a heading",
        Look("$accent", "bold"),
        Look("bright_cyan", "bold"),
        Look(None, "bold"),
        over_text=False,
    ),
    _mark(
        "cursor",
        A,
        "▌",
        "the current paragraph",
        Look("$accent"),
        Look("bright_cyan"),
        Look(None, "bold"),
        over_text=False,
    ),
    _mark(
        "label",
        A,
        "原",
        "first line of the original-script comparison (o)",
        Look("$text-muted", "reverse bold"),
        Look("white", "reverse bold"),
        Look(None, "reverse bold"),
        over_text=False,
    ),
    _mark(
        "original-rule",
        A,
        "┆",
        "its other lines",
        Look("$text-muted"),
        Look("white"),
        Look(None),
        over_text=False,
    ),
    _mark(
        "reading-source",
        A,
        "zēngzhǎng",
        "pinyin (p) as the article annotated it",
        Look(None, "italic underline"),
        Look(None, "italic underline"),
        Look(None, "italic underline"),
        over_text=False,
    ),
    _mark(
        "reading-disputed",
        A,
        "zhǎng",
        "pinyin where the article's annotation was wrong (disputed; the word's reading shown)",
        Look(None, "reverse"),
        Look(None, "reverse"),
        Look(None, "reverse"),
        over_text=False,
    ),
    _mark(
        "verified",
        F,
        "✓",
        "verified (v)",
        Look("$success", "bold"),
        Look("bright_green", "bold"),
        Look(None, "bold"),
        over_text=False,
    ),
    _mark(
        "doubtful",
        F,
        "?",
        "doubtful (d)",
        Look("$warning", "bold"),
        Look("yellow", "bold"),
        Look(None, "bold"),
        over_text=False,
    ),
    _mark(
        "wrong",
        F,
        "✗",
        "wrong (x)",
        Look("$error", "bold"),
        Look("bright_red", "bold"),
        Look(None, "bold"),
        over_text=False,
    ),
    _mark("note", F, "✎", "has a note (e)", Look("$accent"), Look("bright_cyan"), Look(None), over_text=False),
)
MARKS_BY_NAME = {m.name: m for m in MARKS}
# the verdicts' ASCII signs on the Linux console (widgets/figures/rows.py), for the legend
ASCII_SAMPLES = {"verified": "+", "wrong": "x", "note": "*"}


def look(mark: Mark, mode: Mode) -> Look:
    """How ``mark`` looks in ``mode``."""
    return {"color": mark.color, "ansi16": mark.ansi16, "mono": mark.mono}[mode]


def ansi_hex(name: str) -> str:
    """The colour Rich downsamples to ANSI colour ``name`` itself (the Linux console's palette).

    >>> ansi_hex("bright_yellow"), ansi_hex("red")
    ('#ffff55', '#aa0000')
    """
    return STANDARD_PALETTE[ANSI_COLOR_NAMES[name]].hex


def declarations(shown: Look, mode: Mode, inherit: bool = False) -> str:
    """The Textual CSS of one look: a mark without colour takes the text's (or, ``inherit``, keeps
    what it is drawn on, as a reading keeps the readings' colour)."""
    style = f"text-style: {shown.style or 'none'};"
    if shown.color is None:
        return style if mode == "color" or inherit else f"color: $foreground; {style}"
    color = ansi_hex(shown.color) if mode == "ansi16" else shown.color
    return f"color: {color}; {style}"


def marks_css(widget: str | None = None) -> str:
    """The rules of every mark (drawn by ``widget``); the app carries the class of its mode
    (``-ansi16``, ``-mono``), so the widget's CSS must not be scoped to it."""
    rules = []
    for mark in MARKS:
        if widget is not None and mark.widget != widget:
            continue
        selector = f"{mark.widget} > .{mark.component}"
        rules.append(f"{selector} {{ {declarations(mark.color, 'color')} }}")
        for mode in OTHER_MODES:  # a mark without a colour in any mode keeps the one it is drawn on
            inherit = mark.color.color is None
            rules.append(f".-{mode} {selector} {{ {declarations(look(mark, mode), mode, inherit)} }}")
    return "\n".join(rules) + "\n"


def display_mode(no_color: bool, color_system: str | None) -> Mode:
    """The mode of a terminal: ``NO_COLOR`` (or none detected), 16 colours, or more."""
    if no_color or color_system is None:
        return "mono"
    return "ansi16" if color_system in ("standard", "windows") else "color"


def plain_terminal() -> bool:
    """The Linux console, whose fonts have no check marks or pencils: the verdicts are ASCII there."""
    return os.environ.get("TERM") == "linux"
