"""CSV never carries a formula a spreadsheet would run (issue 13, item 8): text cells that
start with = + - @ tab or CR get a leading ' (OWASP); numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import run_cli

from reader.document import parse
from reader.enrich import with_figures
from reader.output import views
from reader.review.model import FigureKey, Review
from reader.review.report import render
from reader.vocabulary import render_vocabulary

ARTICLE = (
    '導語\n01\n=HYPERLINK("http://evil.example")標題\n=1+1 新增粉絲300人。\n@SUM(1+1) 賣出223萬元。\n'
    "-2+3 增長了5%。\n+cmd|' /C calc'!A0 共有1200位。\n\t=2 還有3個。\n"
)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def doc():
    return with_figures(parse(ARTICLE), labels=True)


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def assert_inert(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            if cell.startswith(TRIGGERS):
                float(cell.rstrip("%").replace(",", ""))  # only a plain number may start so


def test_figures_csv(doc):
    out = io.StringIO()
    views.print_figures(doc, "csv", "original", out, jobs=1)
    rows = cells(out.getvalue())
    assert_inert(rows)
    sentences = [r[-1] for r in rows[1:]]
    assert "'=1+1 新增粉絲300人。" in sentences and "'@SUM(1+1) 賣出223萬元。" in sentences
    assert "'-2+3 增長了5%。" in sentences
    values = {r[0]: r[1] for r in rows[1:]}
    assert values["223萬元"] == "2230000" and values["300人"] == "300"  # numbers stay numbers


def test_sections_csv():
    out = io.StringIO()
    views.print_sections(parse('導語\n01\n=HYPERLINK("http://x")標題\n=1+1 新增粉絲300人。\n'), "csv", out)
    rows = cells(out.getvalue())
    assert_inert(rows)
    assert rows[2][2] == '\'=HYPERLINK("http://x")標題'


def test_report_csv_with_a_hostile_note(doc):
    f = doc.figures[0]
    review = Review().with_note(FigureKey.at(doc.text, f.start, f.end), '=WEBSERVICE("http://x")')
    rows = cells(render(doc, review, "csv"))
    assert_inert(rows)
    assert '\'=WEBSERVICE("http://x")' in [r[rows[0].index("note")] for r in rows[1:]]
    starts = [r[rows[0].index("start")] for r in rows[1:]]
    assert all(s.isdigit() for s in starts)


def test_vocabulary_csv_cells_are_inert():
    from reader.vocabulary import VocabularyItem

    item = VocabularyItem("=x", "=x", "=x", "", ("-1+1",), 1, 0, False)
    rows = cells(render_vocabulary([item], "csv"))
    assert rows[1][0] == "'=x" and rows[1][7] == "'-1+1" and rows[1][4] == "1"


def test_the_cli_csv_views(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    for view in ("--figures", "--sections", "--report"):
        proc = run_cli(view, "--format", "csv", str(path))
        assert proc.returncode == 0, proc.stderr
        assert_inert(cells(proc.stdout.decode("utf-8")))
