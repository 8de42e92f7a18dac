"""Everything shown follows the chosen script: the figures panel (figures, labels,
magnitudes), the section navigator, the status line and the preview; the bookmarks list,
the notices and titles that quote the article, what y copies; and the CLI's --figures
(units too), --keywords and --sections. The chart labels are ASCII (lede, 1, 2 …) and the
repairs list shows the file's own characters, before and after the cleaner."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pilot import sync

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from reader.text.script import in_script
from widgets.app import KreaderApp
from widgets.figures.preview import FigurePreview

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def sample():
    doc = with_figures(load_document(sample_article()), labels=False)
    # a label in Traditional that has a distinct Simplified form
    return replace(doc, figures=tuple(replace(f, label="銷售額") for f in doc.figures))


def panel_text(app) -> str:
    return "\n".join(app.figures.render_line(y).text for y in range(1, 12))


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
@sync
async def test_t_turns_the_panel_sections_status_and_preview_simplified(size):
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        before = panel_text(app)
        assert "個月" in before and "銷售額" in before and "萬" in before
        await pilot.press("t")  # original (Traditional) -> Simplified
        assert app.article.script == "simp"
        after = panel_text(app)
        assert "个月" in after and "销售额" in after and "万" in after
        assert "個月" not in after and "銷售額" not in after and "萬" not in after
        preview = str(app.query_one(FigurePreview).render())
        assert "个月" in preview and "導語" not in preview and "导语" in preview
        assert "导语" in str(app.query_one("#status").render())
        assert "导语" in str(app.sections.get_option_at_index(0).prompt)


def run(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "reader", *args, str(sample_article())],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_cli_figures_units_follow_the_script():
    items = json.loads(run("--figures", "--format", "json", "--script", "simp"))["figures"]
    units = {i["unit"] for i in items}
    assert "个月" in units and "個月" not in units
    assert "個月" not in run("--figures", "--script", "simp")


def test_cli_keywords_and_sections_follow_the_script():
    original, simplified = run("--keywords"), run("--keywords", "--script", "simp")
    assert "電商" in original and "电商" in simplified and "電商" not in simplified
    assert "導語" not in run("--sections", "--format", "json", "--script", "simp")


@sync
async def test_after_t_lists_notices_titles_and_copies_quote_the_article_in_its_script():
    from textual.widgets import Input, OptionList

    app = KreaderApp(sample(), enrich=False)
    said, copied = [], []
    async with app.run_test(size=(120, 36)) as pilot:
        app.notify = lambda message, **kw: said.append(message)
        app.copy_to_clipboard = copied.append
        await pilot.press("t")  # Simplified; the first paragraph is 過去近兩個月…
        await pilot.press("v")  # the verdict's notice names the figure
        assert said[-1].startswith("近两个月: verified"), said[-1]
        await pilot.press("u")
        assert said[-1].startswith("Undone: 近两个月"), said[-1]
        await pilot.press("m")  # the bookmark's notice quotes the paragraph
        assert "过去近两个月" in said[-1] and "過去" not in said[-1]
        await pilot.press("apostrophe")  # and so does the list of bookmarks, with its section
        prompt = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "导语" in prompt and "过去近两个月" in prompt and "過去" not in prompt
        await pilot.press("escape", "e")  # the note's title
        assert "近两个月" in str(app.screen.query_one(Input).border_title)
        await pilot.press("escape", "y")  # what is copied is what is shown
        assert copied[-1].startswith("过去近两个月") and "過去" not in copied[-1]


@sync
async def test_a_simplified_articles_lede_is_named_in_simplified(tmp_path):
    path = tmp_path / "simp.txt"
    path.write_text("过去两个月，营收增长了15%。\n01\n这个新物种正在持续迭代成长。\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.script == "simp"
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "导语" in str(app.query_one("#status").render())
        assert str(app.sections.get_option_at_index(0).prompt).startswith("导语")
        app.set_script("trad")
        await pilot.pause()
        assert "導語" in str(app.query_one("#status").render())


@sync
async def test_sections_follow_every_script_and_back_and_new_counts_replace_the_kept_prompts():
    # The navigator keeps each script's prompts (a book has thousands of sections); they must
    # still be the script's own, and figures arriving later must replace them, not be hidden by them.
    bare = replace(sample(), figures=())
    app = KreaderApp(bare, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:

        def first() -> str:
            return str(app.sections.get_option_at_index(0).prompt)

        assert first().startswith("導語") and first().rstrip().endswith("0")
        for _ in range(8):  # every script, twice round
            await pilot.press("t")
            assert first().split()[0] == in_script("導語", app.article.script)
        while app.article.script != "simp":
            await pilot.press("t")
        app.set_document(sample())  # the figures arrive while Simplified is shown
        await pilot.pause()
        counted = sum(f.section == 0 for f in sample().figures)
        assert first().split() == ["导语", str(counted)]
        while app.article.script != "original":
            await pilot.press("t")
        assert first().split() == ["導語", str(counted)]


@sync
async def test_t_redraws_the_panels_rows_that_read_otherwise_and_the_screen_shows_them_all_in_the_script():
    # The rows that read the same in the new script keep their lines; what is on screen must
    # still be, row by row, what the panel draws in that script.
    doc = sample()
    labels = ("銷售額", "軟件收入")  # 軟件 reads 軟體 in Taiwan only
    doc = replace(doc, figures=tuple(replace(f, label=labels[k % 2]) for k, f in enumerate(doc.figures)))
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        panel = app.figures
        area = panel.scrollable_content_region

        def on_screen() -> list[str]:
            strips = app.screen._compositor.render_strips()[area.y : area.bottom]
            return [strip.crop(area.x, area.right).text for strip in strips]

        seen = set()
        for _ in range(5):  # every script, back to the original
            await pilot.press("t")
            await pilot.pause()
            shown = on_screen()
            assert shown == [panel.render_line(y).text for y in range(area.height)]
            seen.update(word for word in ("销售额", "軟體", "軟件") if word in "".join(shown))
        assert seen == {"销售额", "軟體", "軟件"}
