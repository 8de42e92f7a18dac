"""Parsing clean text into sections and paragraphs."""

from __future__ import annotations

from reader.document import heading_kind, parse


def test_sample_sections(sample_doc):
    shape = [(s.name, len(s.paragraphs)) for s in sample_doc.sections]
    assert shape == [("", 12), ("01", 13), ("02", 16), ("03", 1)]
    assert sample_doc.lede is sample_doc.sections[0]
    assert sample_doc.encoding == "utf-8"


def test_paragraph_offsets_index_the_clean_text(sample_doc):
    for para in sample_doc.paragraphs:
        assert sample_doc.text[para.start : para.end] == para.text


def test_enumeration_inside_a_paragraph_is_not_a_heading(sample_doc):
    para = next(p for s in sample_doc.sections for p in s.paragraphs if "一、團隊建設" in p.text)
    assert heading_kind(para.text) is None


def test_heading_styles():
    text = "導語。\n01\n小標題\n正文一。\n一、流向\n正文二。\n第二章 風起\n正文三。\n# Markdown 標題\n正文四。\nPart 5\n正文五。\n"
    doc = parse(text)
    assert [(s.name, s.title, len(s.paragraphs)) for s in doc.sections] == [
        ("", "", 1),
        ("01", "小標題", 1),
        ("一、流向", "流向", 1),
        ("第二章 風起", "風起", 1),
        ("Markdown 標題", "Markdown 標題", 1),
        ("Part 5", "", 1),
    ]


def test_marker_followed_by_prose_has_no_title():
    doc = parse("01\n早在2018年就成為快手帶貨主播的“三姐家紡”，在粉絲積累到55萬後遭遇瓶頸。\n")
    assert doc.sections[1].title == "" and len(doc.sections[1].paragraphs) == 1


def test_section_at_offset(sample_doc):
    s2 = sample_doc.sections[2]
    assert sample_doc.section_at(s2.paragraphs[3].start).index == 2
    assert sample_doc.section_at(0).index == 0


def test_markdown_headings_are_sections_without_their_hashes():
    text = "導語。\n## 營收概況 ##\n正文一。\n### 未來展望\n正文二。\n####### 七個井號\n#沒有空格\n"
    doc = parse(text)
    assert [(s.name, s.title, s.level, len(s.paragraphs)) for s in doc.sections] == [
        ("", "", 1, 1),
        ("營收概況", "營收概況", 2, 1),
        ("未來展望", "未來展望", 3, 3),  # seven hashes, or none followed by a blank: prose
    ]
    heading = doc.sections[1].heading[0]
    assert heading.text == "營收概況" and doc.text[heading.start : heading.end] == heading.text
    assert doc.text == text  # the hashes stay in the text, outside the heading's paragraph
    assert [p.text for p in doc.paragraphs][:3] == ["導語。", "營收概況", "正文一。"]
