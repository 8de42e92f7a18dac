"""Fast paths find what the plain ones found, cleaning stays linear (issue 19 item 3)."""

from __future__ import annotations

import re

import pytest
from work_count import python_calls

from reader.clean.edits import inside_any
from reader.clean.mojibake.signatures import one_of, pair_chars, run_pattern, signature, suspect_char
from reader.clean.passes import html_edits


def _page(n: int) -> str:
    return "".join(f'<p class="x">段落{k}&nbsp;說&ldquo;好&rdquo;</p>\n' for k in range(n))


def test_html_pass_grows_linearly_with_tags_and_entities():
    small = python_calls(lambda: html_edits(_page(500)))
    large = python_calls(lambda: html_edits(_page(2000)))
    assert large < 5 * small  # four times the page: about four times the work, not sixteen


def test_entities_inside_tags_stay_part_of_the_tag():
    text = '<a title="&amp;">x</a>&amp;<!-- &lt; -->y&gt;'
    kinds = [(text[e.start : e.end], e.kind) for e in html_edits(text)]
    assert kinds == [
        ('<a title="&amp;">', "html"),
        ("</a>", "html"),
        ("<!-- &lt; -->", "html"),
        ("&amp;", "entity"),
        ("&gt;", "entity"),
    ]


def test_inside_any_agrees_with_the_plain_test():
    spans = [(3, 9), (0, 1), (4, 6), (20, 21), (12, 30)]
    inside = inside_any(spans)
    assert [k for k in range(32) if inside(k)] == [k for k in range(32) if any(a <= k < b for a, b in spans)]


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_suspect_characters_beyond_the_plane_are_still_found(codec):
    """The classes' characters beyond the Basic Multilingual Plane (Big5-HKSCS has a thousand)
    are looked up only for such characters; each one still matches, and no other does."""
    one = re.compile(suspect_char(codec))
    chars = {bytes((x, y)).decode(codec, "replace") for x in range(0x80, 0xF5) for y in range(0x40, 0xF5)}
    beyond = sorted(c for c in chars if len(c) == 1 and ord(c) > 0xFFFF and one.fullmatch(c))
    assert (len(beyond) > 100) == (codec == "big5hkscs")
    assert not one.fullmatch("\U0002ffff") and not one.fullmatch("a") and one.fullmatch("\ufffd")


def test_one_of_matches_exactly_its_points():
    points = [0x4E00, 0x4E01, 0x9FA5, 0x20000, 0x20002, 0x2A6D6]
    one = re.compile(one_of(points))
    probe = [*points, 0x4E02, 0x20001, 0x2A6D7, 0x41, 0x10000]
    assert [p for p in probe if one.fullmatch(chr(p))] == points


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_damage_of_either_family_is_still_found(codec):
    damaged = "但是這次發佈會上的新產品非常受歡迎".encode().decode(codec, "replace")
    assert signature(codec).search(damaged)
    assert run_pattern(codec).search(damaged)
    assert not signature(codec).search("但是這次發佈會上的新產品非常受歡迎")


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_the_signature_finds_what_its_three_branches_find(codec):
    """The signature opens with one character class (a scan in C); it matches where the plain
    alternation of its three orders does, on damage, genuine text and characters beyond the BMP."""
    from reader.clean.mojibake.signatures import _pair_points

    lead, cont = range(0xE0, 0xF0), range(0x80, 0xC0)
    a, b, c = (one_of(_pair_points(codec, x, y)) for x, y in ((lead, cont), (cont, lead), (cont, cont)))
    plain = re.compile(f"{a}{b}{c}|{b}{c}{a}|{c}{a}{b}")
    genuine = "深圳市场监管局今年第三季度抽检了𠀋𡈽𨋢食品的质量，合格率达到百分之九十八。"
    text = genuine + genuine.encode().decode(codec, "replace") + genuine.encode().decode("gb18030", "replace")
    text += "".join(chr(p) for p in range(0x4E00, 0x9FA6, 7)) + "\U00020000\U0002a6d6\U00028b46"
    assert [m.span() for m in signature(codec).finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert signature(codec).search(text)


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_the_quick_signature_is_found_where_the_signature_is(codec):
    """signature_in opens with the rarest of the three classes; a piece holds it exactly when it
    holds the signature, in every order of the triple and every window of damage and text."""
    from reader.clean.mojibake.signatures import _orders, signature_in

    genuine = "深圳市场监管局今年第三季度抽检了𠀋𡈽𨋢食品的质量，合格率达到百分之九十八。"
    text = genuine + genuine.encode().decode(codec, "replace") + genuine.encode().decode("gb18030", "replace")
    a, b, c = (chr(points[len(points) // 2]) for points in _orders(codec))
    text += f"{a}{b}{c}x{b}{c}{a}x{c}{a}{b}x{a}{b}x{b}{c}x{c}{a}"
    windows = [text[i : i + k] for i in range(len(text)) for k in (1, 2, 3, 4, 7)]
    full, quick = signature(codec), signature_in(codec)
    assert [bool(quick.search(w)) for w in windows] == [bool(full.search(w)) for w in windows]
    assert any(quick.search(w) for w in windows)


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_the_signature_is_held_where_signature_in_finds_it(codec):
    """holds_signature checks the first openings with sets and searches the rest with
    signature_in: the same answer for every window (the text before it seen, as the regex sees
    it), with few openings and with more than it checks one by one."""
    from reader.clean.mojibake.signatures import _FEW_OPENINGS, _orders, holds_signature, signature_in

    genuine = "深圳市场监管局今年第三季度抽檢了電視和𠀋𡈽𨋢食品的質量，合格率达到百分之九十八。"
    a, b, c = (chr(points[len(points) // 3]) for points in _orders(codec))
    text = genuine + genuine.encode().decode(codec, "replace") + f"{a}{b}{c}x{b}{c}{a}x{c}{a}{b}x{a}{b}x{b}{c}x{c}{a}"
    quick = signature_in(codec)
    spans = [(i, i + k) for i in range(len(text)) for k in (1, 2, 3, 4, 7, 40)]
    assert [holds_signature(codec, text, i, j) for i, j in spans] == [bool(quick.search(text, i, j)) for i, j in spans]
    many = f"{a}x" * (2 * _FEW_OPENINGS)
    for tail in (f"{a}{b}{c}", f"{a}{b}", f"{b}{c}{a}"):
        assert holds_signature(codec, many + tail) == bool(quick.search(many + tail))


def test_a_short_clean_text_compiles_no_long_signature():
    """The long signature patterns are compiled only for a text that may hold damage, or one with
    more of their opening characters than are checked one by one."""
    from reader.clean.mojibake import signatures
    from reader.clean.passes import clean

    def calls() -> list[int]:
        return [
            f.cache_info().hits + f.cache_info().misses for f in (signatures.signature_in, signatures.damage_or_lost)
        ]

    before = calls()
    clean("電視臺的隊伍響應了類似項目。\n" * 3)
    assert calls() == before
    clean("電視臺的隊伍。" + "電" * (signatures._FEW_OPENINGS + 1))
    assert calls()[0] > before[0]


def test_patterns_only_some_texts_need_are_compiled_when_one_does():
    """Furniture rules, control sequences, decoded entities' check: a plain text calls for none
    of them (their compiling is spared); a text that has them is cleaned as before."""
    from reader.clean import boilerplate
    from reader.clean.passes import clean
    from reader.text import patterns

    def calls() -> int:
        return sum(f.cache_info().hits + f.cache_info().misses for f in (boilerplate._rule, patterns.compiled))

    before = calls()
    assert (
        clean("記者王明報道，昨日股市上漲。\n今天天氣很好。\n").text == "記者王明報道，昨日股市上漲。\n今天天氣很好。\n"
    )
    assert calls() == before
    dirty = "正文第一段。\r\n分享到：微信 微博\n\x1b[31m紅&#8203;字\n"
    assert clean(dirty).text == "正文第一段。\n紅字\n"
    assert calls() > before


def test_tags_are_found_from_their_opening_bracket():
    """The tag pattern writes its "<" once before its branches: the same matches (and the same
    script or style group) as each branch opening with its own."""
    from itertools import product

    from reader.clean.markup import _ATTRIBUTE, _CUT_OFF_TAG, _TAG

    plain = re.compile(
        r"(?i:<(script|style)\b[^<>]*>.*?</\1\s*>)|<!--(?:(?!<!--).)*?-->|<!--[^\n]*"
        r"|</?[A-Za-z][A-Za-z0-9:-]*(?:[ \t][^<>\n]*)?/?>"
        r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s+" + _ATTRIBUTE + r")*\s*/?>|" + _CUT_OFF_TAG + r"\Z",
        re.S,
    )
    pieces = ["<", ">", "/", "!--", "-->", "Script", "p", " a='1'", "\n", "x", "</SCRIPT>"]
    texts = ["".join(p) for p in product(pieces, repeat=4)] + ['<p class="x">段<!-- c --><b\n id=2>字</b><i']
    for text in texts:
        assert [(m.span(), m.group(1)) for m in _TAG.finditer(text)] == [
            (m.span(), m.group(1)) for m in plain.finditer(text)
        ]


def test_pinyin_notes_are_found_from_their_parenthesis():
    from reader.clean.pinyin_notes import _NOTE, _TONED, HAN

    plain = re.compile(rf"(?<=[{HAN}])\(([a-zü{_TONED}]{{1,6}}) ?\)")
    text = "過(guò)去(OPPO)會(huì )a(guò)\n(guò)𠀋(de)(guò)（guò）"
    assert [m.span() for m in _NOTE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert _NOTE.findall(text) == ["guò", "huì", "de"]


def test_fold_sites_are_what_the_two_branches_find():
    from reader.text.fold import _SITE, _SPACES, _WIDE_CHARS

    plain = re.compile(rf"[{_WIDE_CHARS}][{_WIDE_CHARS}，]*|[{_SPACES}]{{1,3}}(?![{_SPACES}])")
    text = "電池 4100\xa0毫安時，１４．８％，１，２３４  x     y\u3000\u30007 月 29 日－＋ "
    assert [m.span() for m in _SITE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(_SITE.findall(text)) >= 8


def test_latin_runs_are_the_runs_of_two_or_more():
    from reader.clean.mojibake.families import _LATIN, LATIN_RUN

    plain = re.compile(f"(?:{_LATIN}[@-~]?){{2,}}")
    text = "天气：ÌìÆøÇçÀÊ，å¿«æ‰‹ ¦n¤Ñ é café —— “引号” Ã a€b ÿ"
    assert [m.span() for m in LATIN_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(LATIN_RUN.findall(text)) >= 4


def test_garbage_is_counted_as_before():
    from reader.load import _GARBAGE

    def bad(c: str) -> bool:
        return c == "\ufffd" or (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0

    assert [c for c in map(chr, range(0x30000)) if bad(c)] == _GARBAGE.findall("".join(map(chr, range(0x30000))))


def test_kunkinkao_runs_are_found_as_before():
    from itertools import product

    from reader.clean.mojibake.passages import _KUNKINKAO

    plain = re.compile("(?:锟斤拷)+锟?|锟斤")
    for chars in product("锟斤拷x", repeat=7):
        text = "".join(chars)
        assert [m.span() for m in _KUNKINKAO.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs", "gbk", "big5"])
def test_pairs_decoded_at_once_are_decoded_as_one_by_one(codec):
    from reader.clean.mojibake.signatures import pair_chars

    def one(x: int, y: int) -> str | None:
        try:
            ch = bytes((x, y)).decode(codec)
        except UnicodeDecodeError:
            return None
        return ch if len(ch) == 1 and not 0xE000 <= ord(ch) <= 0xF8FF else None

    pairs = [(x, y) for x in range(0x80, 0x100) for y in range(0x30, 0x100)]
    assert pair_chars(codec, pairs) == [one(x, y) for x, y in pairs]


class _Visited(list):
    """A list that counts the items read from it, either way."""

    visited = 0

    def __iter__(self):
        for item in super().__iter__():
            self.visited += 1
            yield item

    def __reversed__(self):
        for item in super().__reversed__():
            self.visited += 1
            yield item


def test_a_clause_topic_reads_only_its_sentences_figures():
    from collections import namedtuple

    from reader.figures.label_clause import Tagger, topic

    earlier = "".join(f"第{k}項收入{k}元。" for k in range(1000))
    text = earlier + "去年的儲蓄率，不降反增，高達40%。"
    fig = namedtuple("fig", "start end")
    out = _Visited(fig(m.start(), m.end()) for m in re.finditer(r"\d+元", earlier))
    assert topic(text, text.index("高"), out, Tagger()) == "儲蓄率"
    assert out.visited < 10  # not the thousand figures of the sentences before


def _topic_article(n: int) -> str:
    # every third clause names no subject: its label is the topic the clause before ends with
    return "".join(f"去年第{k}家公司的儲蓄率，不降反增，高達{k % 90 + 1}%。\n" for k in range(n))


def test_topic_labels_are_the_clause_befores_noun():
    from reader.document import parse
    from reader.figures.extract import extract_figures, label_figures

    doc = parse(_topic_article(3))
    assert [f.label for f in label_figures(doc, extract_figures(doc))] == ["儲蓄率"] * 3


def _furniture_by_every_rule(line: str) -> str | None:
    """furniture() without its gates: every rule tried in turn."""
    from reader.clean.boilerplate import RULES, _is_byline, _is_headline_run, _rule

    if not line or len(line) > 220:
        return None
    if _is_byline(line):
        return "byline"
    for k, (name, _pattern, limit) in enumerate(RULES):
        if len(line) <= limit and _rule(k).fullmatch(line):
            return name
    return "related links" if _is_headline_run(line) else None


def test_furniture_gates_rule_out_only_lines_no_rule_matches():
    from test_boilerplate import BODY, FURNITURE

    from reader.clean.boilerplate import furniture

    lines = [line for line, _rule in FURNITURE] + BODY
    lines += [line + tail for line in lines for tail in ("。", " 摄", "▼", "提供")]
    assert [furniture(line) for line in lines] == [_furniture_by_every_rule(line) for line in lines]


def test_a_line_ruled_out_at_once_is_no_furniture():
    """The pass asks every line _may_be_furniture first: it is never False for a line furniture()
    finds (every rule's line and variants of them, and lines of the dev articles)."""
    from test_boilerplate import BODY, FURNITURE

    from reader.clean.boilerplate import _may_be_furniture, furniture

    lines = [line for line, _rule in FURNITURE] + BODY
    lines += [head + line + tail for line in lines for head in ("", "【", "版") for tail in ("", "。", " 摄", "提供")]
    lines += [line.replace(" ", "\u3000") for line in lines] + [
        "相关阅读：",
        "延伸閱讀",
        "Copyright 2024 All Rights Reserved.",
    ]
    found = [line for line in lines if furniture(line)]
    assert len(found) > len(FURNITURE) and all(_may_be_furniture(line) for line in found)
    assert not all(_may_be_furniture(line) for line in BODY)


def test_rules_that_scan_the_whole_line_are_gated_by_their_ending():
    from reader.clean.boilerplate import RULES
    from reader.clean.gates import last_chars

    scanning = [pattern for _name, pattern, _limit in RULES if pattern.startswith(".")]
    assert scanning and all(last_chars(pattern) for pattern in scanning)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stop_words_read_from_the_data_file_are_the_packages(lang, monkeypatch: pytest.MonkeyPatch):
    import importlib.util

    import stopwordsiso

    from reader.text.latin import stop_words

    assert set(stop_words(lang)) == set(stopwordsiso.stopwords(lang))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)  # the file not where it was
    assert set(stop_words(lang)) == set(stopwordsiso.stopwords(lang))


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_runs_and_triples_found_without_the_long_patterns_are_the_patterns_own(codec):
    """suspect_runs (the long class compiled once) finds the spans run_pattern finds, and
    triple_in (sets) answers as the signature does, on every window of damage of both families,
    lost bytes, ASCII between, genuine text and characters beyond the BMP."""
    from reader.clean.mojibake.signatures import _orders, suspect_runs, triple_in

    genuine = "深圳市场监管局今年第三季度抽檢了電視和𠀋𡈽𨋢食品的質量，合格率达到 98.5% 。"
    a, b, c = (chr(points[len(points) // 3]) for points in _orders(codec))
    text = genuine + genuine.encode().decode(codec, "replace") + " ab " + genuine.encode().decode("gb18030", "replace")
    text += f"{a}{b}{c}x{b}{c}{a} {c}{a}{b}x{a}{b}\n{b}{c}\ufffd{c}{a}  {a}  {b}"
    runs, full = run_pattern(codec), signature(codec)
    spans = [(i, i + k) for i in range(len(text)) for k in (1, 2, 3, 4, 7, 40, 400)]
    for i, j in spans:
        assert list(suspect_runs(codec, text, i, j)) == [m.span() for m in runs.finditer(text, i, j)], (i, j)
        assert triple_in(codec, text, i, j) == bool(full.search(text, i, j)), (i, j)
    assert any(True for _ in suspect_runs(codec, text, 0, len(text))) and triple_in(codec, text, 0, len(text))


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
def test_the_suspect_class_decoded_by_blocks_is_the_pairs_own(codec):
    """suspect_char decodes its byte pairs a block at a time: the blocks hold exactly the suspect
    pairs, and the class is the one the pairs decoded one by one give."""
    from reader.clean.mojibake.families import REPLACEMENT
    from reader.clean.mojibake.signatures import SUSPECT_BLOCKS, _suspect_pairs

    blocks = sorted((x, y) for leads, trails in SUSPECT_BLOCKS for x in leads for y in trails)
    assert blocks == sorted(_suspect_pairs())
    chars = {ch for ch in pair_chars(codec, _suspect_pairs()) if ch is not None} | {REPLACEMENT}
    assert suspect_char(codec) == one_of(sorted(map(ord, chars)))
