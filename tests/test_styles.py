"""The style table (widgets/styles.py): every mark over the article's text is distinct from the text
and from the others in each display mode, as the terminal will show it."""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from widgets.styles import MARKS, MARKS_BY_NAME, MODES, TEXT_STYLES, ansi_hex, display_mode, look, marks_css

RED = {1, 9}  # the 16-colour reds: what is wrong or doubtful only
MAY_BE_RED = {"inferred", "damaged", "wrong"}


def theme_colors(theme: str = "textual-dark") -> dict[str, str]:
    return BUILTIN_THEMES[theme].to_color_system().generate()


def resolved(token: str | None, mode: str, variables: dict[str, str]) -> str:
    """The colour a terminal in ``mode`` shows for ``token`` (a theme variable or an ANSI name)."""
    if token is None:
        token = "$foreground"
    if mode == "ansi16" and not token.startswith("$"):
        return str(RichColor.parse(ansi_hex(token)).downgrade(ColorSystem.STANDARD).number)
    surface = Color.parse(variables["surface"])
    value = variables[token[1:]] if token.startswith("$") else token
    if value.startswith("auto"):  # Textual's contrast colour: the text's, at a percentage
        return (surface + surface.get_contrast_text(float(value.split()[1].rstrip("%")) / 100)).hex
    return (surface + Color.parse(value)).hex


def shown(mark, mode: str, variables: dict[str, str]) -> tuple[str, frozenset[str]]:
    chosen = look(mark, mode)
    return resolved(chosen.color, mode, variables), frozenset(chosen.style.split())


@pytest.mark.parametrize("mode", MODES)
def test_every_mark_over_the_text_is_distinct_from_the_text_and_the_others(mode):
    variables = theme_colors()
    text = (resolved(None, mode, variables), frozenset())
    seen: dict[tuple, str] = {}
    for mark in MARKS:
        if not mark.over_text:
            continue
        key = shown(mark, mode, variables)
        assert key != text, f"{mark.name} looks like the text in {mode}"
        assert key not in seen, f"{mark.name} looks like {seen[key]} in {mode}: {key}"
        seen[key] = mark.name


def test_user_terms_and_figures_differ_in_colour_and_keywords_are_not_red_on_16_colours():
    variables = theme_colors()
    user, figure = MARKS_BY_NAME["user-keyword"], MARKS_BY_NAME["figure"]
    for mode in ("color", "ansi16"):
        assert shown(user, mode, variables)[0] != shown(figure, mode, variables)[0], mode
    for mark in MARKS:
        if mark.ansi16.color is not None and mark.name not in MAY_BE_RED:
            assert int(resolved(mark.ansi16.color, "ansi16", variables)) not in RED, mark.name


def test_16_colour_looks_survive_downsampling_as_named():
    for mark in MARKS:
        if mark.ansi16.color is not None:
            index = RichColor.parse(mark.ansi16.color).number
            assert int(resolved(mark.ansi16.color, "ansi16", {})) == index, mark.name


def test_without_colour_every_mark_has_the_texts_colour_and_a_text_style():
    for mark in MARKS:
        assert mark.mono.color is None, mark.name  # a grey of another luminance would be darker than the text
        words = set(mark.mono.style.split())
        assert words <= TEXT_STYLES, mark.name  # no "dim": never darker than the text
        if mark.over_text:
            assert words, mark.name


def test_the_css_has_a_rule_per_mark_and_mode():
    css = marks_css()
    for mark in MARKS:
        assert f"\n.-mono {mark.widget} > .{mark.component} {{" in "\n" + css
        assert f"\n.-ansi16 {mark.widget} > .{mark.component} {{" in "\n" + css


def test_the_mode_follows_no_color_and_the_colour_system():
    assert display_mode(False, "truecolor") == display_mode(False, "256") == "color"
    assert display_mode(False, "standard") == display_mode(False, "windows") == "ansi16"
    assert display_mode(True, "truecolor") == display_mode(False, None) == "mono"
