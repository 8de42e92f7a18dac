"""Everything shown follows the chosen script: the figures panel (figures, labels,
magnitudes), the section navigator, the status line and the preview; and the CLI's
--figures (units too), --keywords and --sections."""

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
