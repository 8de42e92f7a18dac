"""Cleaning passes on the sample and on crafted input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.edits import Edit, apply_edits
from reader.clean.passes import clean, control_edits, html_edits
from reader.clean.pinyin_notes import is_pinyin_syllable, pinyin_edits
from tests.conftest import SAMPLE

PINYIN_NOTE = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+ ?\)")


def test_terminal_controls_and_escapes_are_removed_and_recorded():
    raw = "標題\x1b[31m紅\x1b[0m\x1b]8;;http://x\x07連結\x1b]8;;\x07\x1bP1;2|x\x1b\\\x9b2J文\x07字\r\n下\r一行\u202e\u200b\t完"
    result = clean(raw)
    assert result.text == "標題紅連結文字\n下\n一行\t完"
    kinds = {r.kind for r in result.repairs}
    assert {"escape", "control", "newline"} <= kinds
    assert "\x1b" not in result.text and "\x07" not in result.text


def test_html_tags_entities_and_truncated_tail(sample_text):
    text = clean(sample_text).text
    assert "<" not in text and "style=" not in text
    assert text.endswith("對“極致信任”服務理念的踐行。\n")
    assert clean("a &lt; b &amp; &#x4e2d;<br/>c&gt;").text == "a < b & 中\nc>"  # <br> between text: a line break
    # written-out markup is shown, not deleted as if it were a tag (and stays idempotent)
    assert clean("&lt;b&gt; &amp;lt;").text == "&lt;b> &amp;lt;"


def test_html_does_not_eat_prose_comparisons():
    assert clean("若 a < b 且 c > d，則……").text == "若 a < b 且 c > d，則……"


def test_pinyin_notes_removed_and_readings_kept(sample_text):
    before = len(PINYIN_NOTE.findall(sample_text))
    assert before >= 320
    result = clean(sample_text)
    assert PINYIN_NOTE.findall(result.text) == []
    assert not re.search(r"\((?:shí|shuō|dòng)\)", result.text)
    # every reading points at the Han character it was glued to
    assert len(result.readings) >= 320
    for offset, reading in result.readings.items():
        assert "\u4e00" <= result.text[offset] <= "\u9fff", (offset, reading)
    first = result.text.index("過去")
    assert result.readings[first] == "guò"
    hui = result.text.index("大會")
    assert result.readings[hui + 1] == "huì"


def test_other_parentheses_are_untouched():
    prose = "OPPO(OPPO)推出(1)款手機(注)，顏色 rgb(51, 51, 51)，選項(a)與(e)。"
    assert clean(prose).text == prose


def test_pinyin_syllable_rules():
    assert is_pinyin_syllable("guò") and is_pinyin_syllable("chuàng") and is_pinyin_syllable("lǜ")
    assert not is_pinyin_syllable("oppo") and not is_pinyin_syllable("a") and not is_pinyin_syllable("xyz")
    assert [e.note for e in pinyin_edits("會(huì )")] == ["huì"]


def test_repairs_point_into_the_clean_text(sample_text):
    result = clean(sample_text)
    for r in result.repairs:
        assert result.text[r.offset : r.end] == r.after, r


def test_cleaning_clean_text_changes_nothing(sample_text):
    once = clean(sample_text).text
    again = clean(once)
    assert again.text == once and again.repairs == ()


def test_apply_edits_rejects_overlaps():
    import pytest

    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "", "x"), Edit(2, 4, "", "x")])


def test_passes_are_pure_functions():
    text = "a\x1b[1mb<i>c</i>"
    assert control_edits(text) == control_edits(text)
    assert html_edits(text) == html_edits(text)


def test_a_repair_undone_by_a_later_pass_is_not_kept():
    # the CRLF becomes LF, then the truncated tag swallows that line break too
    result = clean('<p style="a: b\r\n')
    assert result.text == ""
    for r in result.repairs:
        assert result.text[r.offset : r.end] == r.after


def test_pinyin_fast_path_gives_what_apply_edits_gives():
    """reader.clean.pinyin_notes.pinyin_applied is apply_edits(pinyin_edits) without Edit objects."""
    from reader.clean.edits import apply_edits
    from reader.clean.pinyin_notes import pinyin_applied, pinyin_edits

    text = SAMPLE.read_text(encoding="utf-8") + "\n過(guò)(guò)去(OPPO)會(huì )(1)了(le)\n"
    for span in [(0, len(text)), (text.index("\n") + 1, len(text))]:
        generic = apply_edits(text, pinyin_edits(text, *span), span)
        fast = pinyin_applied(text, *span)
        assert fast[0] == generic[0] and list(fast[1]) == list(generic[1])
        assert [list(a) for a in (fast[2].starts, fast[2].ends, fast[2].new_starts, fast[2].new_lens)] == [
            list(a) for a in (generic[2].starts, generic[2].ends, generic[2].new_starts, generic[2].new_lens)
        ]
    assert pinyin_applied("沒有注音的文字", 0, 7) is None


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab字\r\n\x1b[]P^_\\;0?@~ \x07\x9b\x9c\x9d\x90\x85\u200b\u202e\ufeff\U000e0041\U0001bca1😀𠀋")
        ),
        max_size=40,
    )
)
def test_control_edits_match_the_whole_pattern_scanned_everywhere(text):
    # control_edits tries the pattern only where a match can start; scanning it over
    # every position (re.finditer) must find the same edits
    from reader.clean import terminal as clean_module

    expected, taken = [], 0
    for m in re.compile(clean_module._CONTROL).finditer(text):
        if m.start() < taken or not m.group():
            continue
        expected.append((m.start(), m.end()))
        taken = m.end()
    assert [(e.start, e.end) for e in control_edits(text)] == expected


def test_a_chain_of_cut_off_tags_at_the_end_goes_in_one_cleaning():
    # found by the fuzz test: each round of the HTML pass uncovered another cut-off tag,
    # and the capped rounds left one for a second cleaning (not idempotent)
    raw = "正文。\n" + '<p style="a: b' * 6 + "<p>"
    once = clean(raw).text
    assert once == "正文。\n" and clean(once).text == once
    assert clean("a < b and c > d").text == "a < b and c > d"


def test_a_cut_off_tag_takes_only_its_own_line():
    # articles joined one after another: an earlier article's cut-off tag ends a line
    # in the middle of the text and must not take the next article with it
    first = '第一篇。\n<p style="color: red'
    second = '第二篇，共91場。\n<span class="x'
    assert clean(first + "\n" + second).text == first + "\n第二篇，共91場。\n"
    assert clean("x <a\n<b").text == "x"
