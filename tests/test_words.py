"""Word boundaries for the word cursor: jieba words in any script, mixed Han/Latin/digits."""

from __future__ import annotations

from reader.text.script import convert
from reader.text.words import WordIndex, next_word, previous_word, word_spans


def _words(text: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text)]


def test_mixed_han_latin_and_digits():
    assert _words("GMV達2.8萬，OPPO的iPhone15銷量增長60%。") == [
        "GMV",
        "達",
        "2.8萬",
        "OPPO",
        "的",
        "iPhone15",
        "銷量",
        "增長",
        "60%",
    ]
    assert _words("客單價接近2000元的手機") == ["客單價", "接近", "2000", "元", "的", "手機"]
    assert _words("垂類3C數碼，1/4的用戶，2024-09-10") == ["垂類", "3C", "數碼", "1/4", "的", "用戶", "2024-09-10"]


def test_spaces_and_punctuation_are_never_words():
    for s, e in word_spans("「雨茉」—— 主播 …… (OPPO)、¥30！"):
        word = "「雨茉」—— 主播 …… (OPPO)、¥30！"[s:e]
        assert any(c.isalnum() for c in word) and not any(c.isspace() for c in word)


def test_the_same_words_whatever_the_script_of_the_text(sample_doc):
    # words are cut on the Simplified form and mapped back: a paragraph and its
    # Simplified or Traditional conversion (same length) have the same spans
    for paragraph in sample_doc.paragraphs[:20]:
        spans = word_spans(paragraph.text)
        assert spans
        for script in ("simp", "trad"):
            conv = convert(paragraph.text, script)
            assert conv.is_identity
            assert word_spans(conv.text) == spans, script


def test_moving_by_word_through_the_whole_article(sample_doc):
    index = WordIndex.of(sample_doc)
    forward, at = [], -1
    while (word := index.next_word(at)) is not None:
        assert word[0] > at
        forward.append(word)
        at = word[0]
    assert len(forward) > 1000
    backward, at = [], len(sample_doc.text) + 1
    while (word := index.previous_word(at)) is not None:
        assert word[0] < at
        backward.append(word)
        at = word[0]
    assert backward == forward[::-1]
    # every word lies inside one paragraph and holds a letter, digit or ideograph
    for s, e in forward:
        assert "\n" not in sample_doc.text[s:e]
        assert any(c.isalnum() for c in sample_doc.text[s:e])
    # from inside a word: next goes to the following word, previous to this word's start
    s, e = next(w for w in forward if w[1] - w[0] >= 2)
    k = forward.index((s, e))
    assert index.next_word(s + 1) == forward[k + 1]
    assert index.previous_word(s + 1) == (s, e)
    assert index.word_at(s + 1) == (s, e)


def test_crossing_paragraphs_and_the_ends(sample_doc):
    paragraphs = sample_doc.paragraphs
    second = paragraphs[1]
    first_words = WordIndex.of(sample_doc).words_in(0)
    assert next_word(sample_doc, first_words[-1][0]) == (
        second.start + word_spans(second.text)[0][0],
        second.start + word_spans(second.text)[0][1],
    )
    assert previous_word(sample_doc, second.start) == first_words[-1]
    assert previous_word(sample_doc, first_words[0][0]) is None
    last = paragraphs[-1]
    last_word = word_spans(last.text)[-1]
    assert next_word(sample_doc, last.start + last_word[0]) is None


def test_an_empty_index_moves_nowhere():
    index = WordIndex([])
    assert index.next_word(0) is None and index.previous_word(5) is None and index.word_at(0) is None
