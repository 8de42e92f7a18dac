"""A figure's context is bounded (issue 13, item 9): a long line without a full stop
no longer makes every figure carry the whole line, in any output.

Sizes are asserted, never times: the output grows linearly with the input.
"""

from __future__ import annotations

import io
import json

import pytest

from reader.document import parse
from reader.enrich import with_figures
from reader.figures.context import LIMIT, context_span
from reader.output.figures_json import write_figures_json
from reader.output.views import print_figures
from reader.review.model import Review
from reader.review.report import render

# One line, no full stop: the shapes a flattened table or a scraped list takes.
SHAPES = {
    "comma": "1元，" * 20000,
    "no mark": "1元" * 20000,
    "spaces": "1元 " * 20000,
    "long clauses": ("銷售額增長了3.5%" + "甲" * 250 + "，") * 200,
}


@pytest.fixture(scope="module", params=list(SHAPES))
def long_line(request):
    text = "標題\n" + SHAPES[request.param] + "\n"
    return text, with_figures(parse(text), labels=True)


def test_every_figure_carries_at_most_the_limit(long_line):
    text, doc = long_line
    assert len(doc.figures) >= 200
    for f in doc.figures:
        assert f.text in f.sentence and f.sentence in text
        assert len(f.sentence) <= LIMIT


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_figures_output_grows_linearly(long_line, fmt):
    text, doc = long_line
    out = io.StringIO()
    if fmt == "json":
        write_figures_json(doc, "original", out, jobs=1)
        assert len(json.loads(out.getvalue())["figures"]) == len(doc.figures)
    else:
        print_figures(doc, fmt, "original", out, jobs=1)
    # the whole line per figure was ~20,000x the input; a bounded context stays within ~150x
    # (a figure every two characters, each with its JSON keys and a window of context)
    assert len(out.getvalue()) < 200 * len(text)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_report_grows_linearly(long_line, fmt):
    text, doc = long_line
    assert len(render(doc, Review(), fmt)) < 200 * len(text)


def test_a_sentence_of_ordinary_length_is_the_context():
    doc = with_figures(parse("導語\n01\n營業收入8405.53萬元，同比增長4.07%。下一句。"), labels=False)
    assert {f.sentence for f in doc.figures} == {"營業收入8405.53萬元，同比增長4.07%。"}


def test_a_long_sentence_gives_each_figure_its_clause():
    filler = "，".join(["這是一段沒有數字的長長的從句"] * 20)
    text = f"{filler}，去年賣出了3萬件，{filler}。"
    start = text.index("3萬件")
    s, e = context_span(text, 0, len(text), start, start + 3)
    assert text[s:e] == "去年賣出了3萬件，"
