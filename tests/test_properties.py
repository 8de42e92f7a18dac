"""Property tests: clean and parse never raise, cleaning is idempotent, offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.clean.passes import clean
from reader.document import parse

PIECES = st.sampled_from(
    [
        "過",
        "(guò)",
        "會",
        "(huì )",
        "。",
        "“",
        "”",
        "?",
        "!",
        ";",
        "，",
        ",",
        "\n",
        "\n\n",
        " ",
        "01\n",
        "一、流向\n",
        "第一章 開始\n",
        "# 標題\n",
        "<p>",
        "</p>",
        '<p style="a: b',
        "&amp;",
        "&lt;",
        "&#x4e2d;",
        "\x1b[31m",
        "\x1b]8;;x\x07",
        "\r\n",
        "\r",
        "\x00",
        "\x85",
        "\u202e",
        "\u200b",
        "223萬元",
        "60%",
        "(OPPO)",
        "(1)",
        "rgb(51, 51, 51)",
        "打擊?!爱敃r(shí)",
        "日?;顒?dòng)",
        "\ufffd",
        "[bold]",
        "[/]",
    ]
)
ARTICLE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXT)
def test_clean_and_parse_never_raise_and_clean_is_idempotent(text):
    result = clean(text)
    assert clean(result.text).text == result.text
    for r in result.repairs:
        assert result.text[r.offset : r.end] == r.after
    for offset in result.readings:
        assert 0 <= offset < len(result.text)
    doc = parse(result.text)
    for para in doc.paragraphs:
        assert result.text[para.start : para.end] == para.text
        assert para.text.strip() == para.text and "\n" not in para.text
