"""Fuzzing the whole pipeline: bytes -> load -> clean -> parse -> enrich (figures, labels, keywords, scripts).

Generated articles mix Han characters, pinyin annotations, numbers and units,
punctuation, headings, HTML fragments and terminal control sequences, and are
saved in the encodings scraped articles come in.  Properties: nothing raises
(a refusal is a one-line LoadError), every span lies inside the text it
points into, cleaning is idempotent and leaves no terminal control behind,
figure values are finite.

Two tiers (both run by ``make test``): the jieba-free pipeline with 10,000
examples, and the jieba-heavy one (labels, keywords) with fewer.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from reader.clean.passes import clean
from reader.figures.extract import extract_figures, label_figures
from reader.keywords import extract_keywords
from reader.load import LoadError, document_from_text, load_bytes
from reader.text.script import SCRIPTS, convert

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
COMMON_HAN = st.sampled_from(
    list(
        "的是在有個人這上們來到時大地為子中你說生國年著就那和要她出也得裡後自以會家可下而過天去能對小多然於心學麼之都好看起發當沒成只如事把還用第樣道想作種開美總從無情己面最女但現前些所同日手又行意動方期它頭經長兒回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感"
    )
)
PINYIN = st.sampled_from(["(guò)", "（huì）", "(shí)", "( zhōng )", "(lǜ)", "(OPPO)", "(1)", "(xx)", "(guò"])
NUMBER = st.one_of(
    st.integers(-(10**6), 10**12).map(str),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9).map(lambda f: f"{f:.2f}"),
    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
    st.sampled_from(
        ["9" * 400, "1e308", "1.7976931348623157e308", "１２３", "２.５", "0.0000001", "00", "-0", "1/3", "3:2"]
    ),
    st.text(alphabet="零〇一二三四五六七八九十百千萬万億亿兩两幾几點点", min_size=1, max_size=12),
)
UNIT = st.sampled_from(
    [
        "元",
        "萬元",
        "億元",
        "億美元",
        "%",
        "％",
        "‰",
        "倍",
        "公里",
        "噸",
        "kg",
        "平方米",
        "小時",
        "個",
        "人",
        "位",
        "年",
        "月",
        "日",
        "號",
        "萬",
        "億",
        "多",
        "餘",
        "成",
        "折",
        "次",
        "歲",
        "分鐘",
        "秒",
        "家",
        "場",
    ]
)
PUNCT = st.sampled_from(list("。，、；：？！「」『』（）《》…—·,.;:?!\"' \n") + ["\n\n", "——", "……", "~", "～", "-"])
HEADING = st.sampled_from(
    ["01\n", "\n02\n", "一、流向\n", "第一章 開始\n", "# 標題\n", "【小標】\n", "(一)\n", "Part 1\n"]
)
HTML = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br/>",
        '<a href="http://x">',
        "</a>",
        '<p style="color: rgb(51, 51, 51)">',
        "&amp;",
        "&lt;",
        "&gt;",
        "&nbsp;",
        "&#x4e2d;",
        "&#27;",
        "&#x1b;",
        "&#x9b;",
        "&amp;lt;",
        "<!--",
        "-->",
        "<script>alert(1)</script>",
        '<p style="a: b',
        "&#0;",
        "&#xd800;",
        "&#1114112;",
        "&#x202e;",
        "&#8203;",
        "&#xfeff;",
        "&#x2066;",
        "&#133;",
        "&#x85;",
    ]
)
CONTROL = st.sampled_from(
    [
        "\x1b[31m",
        "\x1b[0m",
        "\x1b]8;;http://evil\x07",
        "\x1b]8;;\x1b\\",
        "\x1b]52;c;SGVsbG8=\x07",
        "\x1bP+q544e\x1b\\",
        "\x1b",
        "\x9b2J",
        "\x9d0;t\x9c",
        "\x00",
        "\x07",
        "\x08",
        "\x7f",
        "\x85",
        "\r\n",
        "\r",
        "\t",
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\ufffd",
        "[bold]",
        "[/]",
        "[@click=app.quit]",
    ]
)
PIECE = st.one_of(
    st.text(HAN, min_size=1, max_size=6),
    st.text(COMMON_HAN, min_size=1, max_size=8),
    PINYIN,
    st.tuples(NUMBER, UNIT).map("".join),
    NUMBER,
    UNIT,
    PUNCT,
    HEADING,
    HTML,
    CONTROL,
    st.text(max_size=4),
)
ARTICLE = st.lists(PIECE, max_size=60).map("".join)
ENCODING = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "big5"])

# What must never survive cleaning: ESC and every other C0 control but tab/newline, DEL, C1.
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def loaded_document(text: str, encoding: str):
    """The Document the CLI would build from ``text`` saved in ``encoding``; None when refused."""
    data = encoded(text, encoding)
    try:
        decoded = load_bytes(data, "fuzz.txt")
    except LoadError as err:  # a refusal is a defined outcome: one line naming the file
        message = str(err)
        assert message.startswith("fuzz.txt: ") and "\n" not in message
        event("refused")
        return None
    assert decoded.replacement_chars >= 0
    return document_from_text(decoded.text, "fuzz.txt", decoded.encoding, decoded.replacement_chars)


def check_clean_document(doc) -> None:
    text = doc.text
    assert clean(text).text == text, "cleaning is idempotent"
    assert not TERMINAL_CONTROL.search(text), "no terminal control survives cleaning"
    assert not INVISIBLE.search(text), "no bidi or zero-width character survives cleaning"
    for r in doc.repairs:
        assert 0 <= r.offset <= r.end <= len(text)
    for offset in doc.readings:
        assert 0 <= offset < len(text)
    assert doc.sections and doc.sections[0].name == ""
    last = 0
    for section in doc.sections:
        for para in section.paragraphs:
            assert last <= para.start and para.end <= len(text) and text[para.start : para.end] == para.text
            last = para.end


def check_figures(doc, figures) -> None:
    text = doc.text
    previous = -1
    for f in figures:
        assert 0 <= f.start < f.end <= len(text) and text[f.start : f.end] == f.text
        assert f.start >= previous, "figures come in document order"
        previous = f.start
        assert 0 <= f.section < len(doc.sections)
        assert f.sentence and f.sentence in text
        for value in (f.value, f.value_max):
            assert value is None or isinstance(value, str) or math.isfinite(value), f
        assert "\n" not in f.label


def check_script_maps(text: str, spans) -> None:
    for script in SCRIPTS:
        converted = convert(text, script)
        n = len(converted.text)
        assert converted.original_length == len(text)
        for start, end in spans:
            cs, ce = converted.span_to_converted(start, end)
            assert 0 <= cs <= ce <= n
            os_, oe = converted.span_to_original(cs, ce)
            assert 0 <= os_ <= start and end <= oe <= len(text), "a span maps back to a span holding it"
        for offset in (0, len(text) // 2, len(text)):
            assert 0 <= converted.to_converted(offset) <= n
            assert 0 <= converted.to_original(converted.to_converted(offset)) <= len(text)


FAST = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
HEAVY = settings(max_examples=3_000, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.slow
@FAST
@given(ARTICLE, ENCODING)
@example("標題\n01\n2小時賣出223萬元，新增粉絲2.8萬。", "utf-8")
@example("\x1b]52;c;SGVsbG8=\x07營收" + "9" * 400 + "元\u202e", "gb18030")
@example('<p style="a: b<p>&amp;', "utf-16-le")
def test_load_clean_parse_figures_scripts(text, encoding):
    doc = loaded_document(text, encoding)
    if doc is None:
        return
    check_clean_document(doc)
    figures = extract_figures(doc)
    event("figures" if figures else "no figures")
    check_figures(doc, figures)
    check_script_maps(doc.text, [(f.start, f.end) for f in figures])


@pytest.mark.slow
@HEAVY
@given(ARTICLE, ENCODING)
@example("過去近兩個月，快手服務商正在持續迭代成長。營收223萬元，增長60%。", "utf-8")
def test_labels_and_keywords(text, encoding):
    doc = loaded_document(text, encoding)
    if doc is None:
        return
    figures = label_figures(doc, extract_figures(doc))
    check_figures(doc, figures)
    keywords = extract_keywords(doc)
    for k in keywords:
        assert k.word and k.weight == k.weight
        for start, end in k.spans:
            assert 0 <= start < end <= len(doc.text)
    check_script_maps(doc.text, [s for k in keywords for s in k.spans])


# Bytes as they arrive: valid text with random bytes spliced in (a cut file, a stray GBK pair), or noise.
BYTES = st.one_of(
    st.lists(
        st.one_of(ARTICLE.map(str.encode), PIECE.map(lambda p: p.encode("gb18030", "replace")), st.binary(max_size=6)),
        max_size=20,
    ).map(b"".join),
    st.binary(max_size=200),
)


@pytest.mark.slow
@settings(max_examples=3_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(BYTES)
@example(b"\x89PNG\r\n\x1a\n")
@example("前文".encode() + b"\xff\xfe\xfa" + "後文".encode("gb18030"))
def test_any_bytes_load_or_are_refused_in_one_line(data):
    try:
        decoded = load_bytes(data, "fuzz.txt")
    except LoadError as err:
        assert str(err).startswith("fuzz.txt: ") and "\n" not in str(err)
        event("refused")
        return
    event(decoded.encoding)
    doc = document_from_text(decoded.text, "fuzz.txt", decoded.encoding, decoded.replacement_chars)
    check_clean_document(doc)
    check_figures(doc, extract_figures(doc))


@pytest.mark.parametrize("entity", ["&#x202e;", "&#8203;", "&#xfeff;", "&#x2066;", "&#27;", "&#x1b;", "&#x9b;"])
def test_entities_never_decode_to_invisible_characters(entity):
    cleaned = clean(f"甲{entity}乙").text
    assert not INVISIBLE.search(cleaned)
