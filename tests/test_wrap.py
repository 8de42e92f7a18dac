"""CJK line wrapping: cells, line rules, figures kept whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.layout.wrap import CLOSING, OPENING, line_of, units, wrap

SAMPLE = (
    "最終,這場以家用紙巾為主推品的專場直播活動,2小時賣出223萬元,新增粉絲2.8萬。"
    "服務了平臺上約15%的商家,首月GMV突破50萬的商家數同比增長了10倍……「定心丸」。"
)


def texts(text, lines):
    return [text[s:e] for s, e in lines]


def test_lines_cover_the_text_in_order():
    lines = wrap(SAMPLE, 20)
    assert "".join(texts(SAMPLE, lines)) == SAMPLE
    assert all(cell_len(SAMPLE[s:e]) <= 20 for s, e in lines)


def test_no_line_starts_with_closing_or_ends_with_opening():
    for width in range(10, 40):
        lines = wrap(SAMPLE, width)
        for s, e in lines[1:]:
            assert SAMPLE[s] not in CLOSING, (width, SAMPLE[s:e])
        for s, e in lines:
            assert SAMPLE[e - 1] not in OPENING, (width, SAMPLE[s:e])


def test_figures_are_never_split():
    for figure in ("223萬元", "2.8萬", "15%", "GMV", "50萬", "10倍", "……"):
        at = SAMPLE.index(figure)
        for width in range(10, 50):
            for s, _e in wrap(SAMPLE, width):
                assert not (at < s < at + len(figure)), (figure, width)


def test_extra_unbreakable_spans_are_kept_whole():
    text = "目前已有超過四百位服務商入駐快手電商"
    at = text.index("超過四百位")
    span = (at, at + len("超過四百位"))
    for width in range(10, 30):
        for s, _e in wrap(text, width, keep=[span]):
            assert not (span[0] < s < span[1])


def test_a_unit_wider_than_the_line_is_cut_by_cells():
    text = "x" * 25
    assert texts(text, wrap(text, 10)) == ["x" * 10, "x" * 10, "x" * 5]
    assert texts("漢字", wrap("漢字", 1)) == ["漢", "字"]


def test_spaces_at_a_break_belong_to_no_line():
    text = "alpha beta gamma"
    assert texts(text, wrap(text, 10)) == ["alpha beta", "gamma"]
    assert line_of(wrap(text, 10), text.index(" gamma")) == 0


def test_units_glue_punctuation():
    text = "他說:「好。」"
    assert texts(text, units(text)) == ["他", "說:", "「好。」"]


_CHARS = st.sampled_from(list("漢字的是在了,。、「」“”（）0123456789萬%abc ") + ["223萬元", "GMV"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_CHARS, max_size=80).map("".join), st.integers(min_value=1, max_value=60))
def test_wrap_properties(text, width):
    lines = wrap(text, width)
    # In order, non-overlapping, and only spaces between lines.
    pos = 0
    for s, e in lines:
        assert pos <= s <= e
        assert text[pos:s].strip(" ") == ""
        pos = e
    assert text[pos:].strip(" ") == ""
    # Every line fits, except a single character wider than the whole line.
    for s, e in lines:
        assert cell_len(text[s:e]) <= width or e - s == 1
