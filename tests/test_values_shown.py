"""Values are never cut: compact forms in the figures panel (with the qualifier marker and
the kind's code), and CLI tables that fold or fall back to the plain layout."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pilot import sync
from ptyproc import kreader_argv, pty_env, run_in_pty

from reader.enrich import with_figures
from reader.figures.extract import Figure
from reader.figures.shown import kind_code, qualifier_mark, value_shown
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp

ROOT = Path(__file__).resolve().parent.parent

# (text, value, value_max, unit, kind, qualifier, vague): the values the issue found cut
WIDE = (
    ("6.2萬億元", 6.2e12, None, "元", "money", "", False),
    ("2685億元", 2.685e11, None, "元", "money", "", False),
    ("約為9.6億", 9.6e8, None, "", "count", "approx", False),
    ("上萬名", 1e4, None, "名", "count", "over", True),
    ("15%至20%", 15.0, 20.0, "%", "percent", "", False),
    ("5月至8月", "--05", "--08", "", "date", "", False),
    ("近兩個月", 2.0, None, "個月", "duration", "approx", False),
    ("1,234,567.5元", 1234567.5, None, "元", "money", "", False),
)


def wide_document():
    doc = load_document(sample_article())
    text = doc.text
    figures = []
    for k, (written, value, top, unit, kind, qualifier, vague) in enumerate(WIDE):
        start = 10 * k
        figures.append(
            Figure(written, value, top, unit, kind, qualifier, "", "", 0, start, start + len(written), vague)
        )
    return replace(doc, figures=tuple(figures), text=text)


def panel_lines(app) -> list[str]:
    panel = app.figures
    return [panel.render_line(y).text for y in range(1, 1 + len(app.document.figures))]


@pytest.mark.parametrize("size", [(120, 36), (100, 30), (80, 24)])
@sync
async def test_the_panel_never_cuts_a_value(size):
    doc = wide_document()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        lines = panel_lines(app)
        for figure, line in zip(doc.figures, lines, strict=True):
            shown = qualifier_mark(figure.qualifier, figure.vague) + value_shown(figure)
            assert shown in line, (shown, line)
            if size != (100, 30):  # the narrowest panel (40% of 100 columns) gives up the kind column
                assert kind_code(figure.kind) in line
            assert "…" not in line.split(shown)[1]  # nothing after the value is cut either at these widths
    assert [value_shown(f) for f in doc.figures] == [
        "6.2萬億",
        "2685億",
        "9.6億",
        "1萬",
        "15–20%",
        "05–08",
        "2",
        "123.4567萬",  # seven digits: the exact value is in the preview
    ]


@sync
async def test_the_help_explains_the_codes_and_markers():
    app = KreaderApp(with_figures(load_document(sample_article()), labels=False), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render())
        assert "dur duration" in text and "≈ approximate" in text and "~ vague" in text


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


@pytest.mark.parametrize("cols", [120, 80])
def test_cli_figures_on_a_terminal_cut_no_value(cols):
    env = pty_env(PYTHONPATH=str(ROOT), COLUMNS=str(cols))
    proc = run_in_pty(kreader_argv("--figures", str(sample_article())), env=env, timeout=120, cols=cols, rows=30)
    out = plain(proc.text)
    assert proc.status == 0
    assert "…" not in out
    for value in ("2,000,000", "100,000,000,000", "5,500,000", "09-10"):
        assert value in out
    assert "--09-10" not in out  # dates read as dates
