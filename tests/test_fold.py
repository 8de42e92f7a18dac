"""The folded view figure extraction reads (issue 15 item 3): full-width digits and spaces
between a number and its unit fold away, and figures land on the characters as written."""

from __future__ import annotations

import pytest

from reader.document import parse
from reader.figures.extract import extract_figures
from reader.text.fold import fold


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        ("１６．４７％", "16.47%"),
        ("１，３１４万吨", "1,314万吨"),
        ("第一，第二", "第一，第二"),
        ("4100 毫安时", "4100毫安时"),
        ("6.2\u00a0英寸", "6.2英寸"),
        ("7 月 29 日", "7月29日"),
        ("1 2", "1 2"),  # a number never joins the next one
        ("iOS 13 系统", "iOS 13系统"),  # a Latin word keeps its space before a number
    ],
)
def test_fold(source, folded):
    assert fold(source).text == folded


def test_every_folded_offset_maps_back():
    source = "在 2020 年，电池 4100\u00a0毫安时，增长１６．４７％ 了"
    view = fold(source, 1, len(source) - 1)
    for i, c in enumerate(view.text):
        s = view.source(i)
        assert source[s] == c or fold(source[s]).text == c


@pytest.mark.parametrize(
    ("text", "shown", "value"),
    [
        ("同比增長１６．４７％，", "１６．４７％", 16.47),
        ("電池達到了 4100 毫安時，", "4100 毫安時", 4100.0),
        ("價格4199\u00a0元，", "4199\u00a0元", 4199.0),
        ("有一個 5 倍混合變焦", "5 倍", 5.0),
    ],
)
def test_figures_land_on_the_source_characters(text, shown, value):
    doc = parse(text)
    (fig,) = extract_figures(doc)
    assert (fig.text, fig.value) == (shown, value)
    assert doc.text[fig.start : fig.end] == fig.text
