"""Values are never cut: compact forms in the figures panel (with the qualifier marker and
the kind's code), and CLI tables that fold or fall back to the plain layout."""

from __future__ import annotations

import functools
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


# ------------------------------------------------ every value of every article we have, at 80 and 120

SHARED = Path("/work/shared")
HOLDOUTS = sorted((ROOT / "tests" / "holdout").glob("h*.txt")) + sorted((ROOT / "tests" / "holdout2").glob("*.txt"))
ARTICLES = [Path(sample_article()), *HOLDOUTS] + sorted(
    p for folder in ("devset", "devset2") for p in (SHARED / folder).glob("*.txt")
)  # the dev sets when they are beside this checkout (not in CI)


@functools.cache
def enriched(path: Path):
    return with_figures(load_document(path))


def cells_shown(app) -> list[tuple[str, str, str]]:
    """Each figure's (as written, shown, value shown) in the panel at its width."""
    from widgets.figures.rows import written_fitted

    panel = app.figures
    columns = panel.painter.columns(panel.scrollable_content_region.width)
    out = []
    for k in range(len(app.document.figures)):
        _mark, figure, value, _label, _kind = panel.cells(k)
        shown = written_fitted(figure, columns.figure)
        assert shown.cell_len <= columns.figure and value.cell_len <= columns.value, (figure.plain, value.plain)
        out.append((figure.plain, shown.plain, value.plain))
    return out


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
@sync
async def test_no_figure_or_value_cell_is_cut_at_80_or_120_columns(path):
    doc = enriched(path)
    for size in ((80, 24), (120, 36)):
        app = KreaderApp(doc, enrich=False)
        async with app.run_test(size=size) as pilot:
            await pilot.press("f")
            for written, shown, value in cells_shown(app):
                assert not shown.endswith("…") and not value.endswith("…")
                # a shorter form keeps every digit of the figure as written
                assert re.sub(r"\D", "", shown) == re.sub(r"\D", "", written), (written, shown)
            for y in range(1, min(len(doc.figures), app.figures.size.height - 1)):
                line = app.figures.render_line(y).text
                cut = line.find("…")
                assert cut < 0 or cut > len(line) - 16, line  # only a label (the last columns) may be cut


@sync
async def test_a_latin_figure_too_wide_for_its_column_is_shown_compact():
    from reader.document import parse

    written = ("$81.8 billion", "約$2 billion", "不高於35154萬元", "163.89億千瓦時")
    doc = parse("".join(f"第{k}段說營收{w}，同比增長。\n" for k, w in enumerate(written)))
    figures = []
    for w in written:
        at = doc.text.index(w)
        figures.append(Figure(w, 8.18e10, None, "$", "money", "", "", "", 0, at, at + len(w), False))
    app = KreaderApp(replace(doc, figures=tuple(figures)), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        shown = [s for _w, s, _v in cells_shown(app)]
        columns = app.figures.painter.columns(app.figures.scrollable_content_region.width)
        assert columns.figure < len("$81.8 billion")  # the test means something
        assert shown[0] == "$81.8B" and shown[1] in ("約$2B", "$2B") and "35154" in shown[2] and "163.89" in shown[3]
        assert "$81.8B" in panel_lines(app)[0] and "…" not in panel_lines(app)[0]


def test_a_day_of_the_month_alone_never_reads_as_a_negative_number():
    # ISO writes a day without month or year `---30`; stripping the year's `--` left `-30`.
    from reader.document import parse
    from reader.figures.extract import extract_figures

    doc = parse("周五（30日）轉戰決賽；3日至6日在杭州舉行。")
    shown = {f.text: value_shown(f) for f in extract_figures(doc)}
    assert shown == {"30日": "30日", "3日至6日": "03–06日"}
