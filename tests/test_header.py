"""The header line keeps what the reader changes in view when the terminal is narrow."""

from rich.cells import cell_len

from reader.load import load_document
from reader.locations import sample_article
from widgets.header_bar import header_content


def test_the_script_shown_stays_within_80_columns_before_the_long_parts():
    doc = load_document(sample_article())
    for script, name in (("simp", "Simplified"), ("trad", "Traditional")):
        plain = header_content(doc, script).plain
        assert name in plain[:80], plain
        assert plain.index(name) < plain.index("repairs")


def test_the_header_fits_its_parts_at_each_width_and_never_cuts_a_word():
    doc = load_document(sample_article())
    full = header_content(doc, "original", (0, 73)).plain
    assert "332 repairs: 325 pinyin" in full and "utf-8" in full
    at80 = header_content(doc, "original", (0, 73), width=78).plain
    assert at80 == "sample-article.txt  ·  0/73 reviewed  ·  original (繁)  ·  332 repairs", at80
    at40 = header_content(doc, "original", (0, 73), width=38).plain
    assert at40 == "sample-article.txt · 0/73 · orig 繁", at40
    assert header_content(doc, "simp", (73, 73), width=38).plain == "sample-article.txt · 73/73 · 简"
    tiny = header_content(doc, "original", (0, 73), width=20).plain
    assert cell_len(tiny) <= 20 and "…" in tiny and tiny.endswith("0/73 · orig 繁"), tiny
    for width in range(14, 130):
        shown = header_content(doc, "trad", (5, 73), width=width).plain
        assert cell_len(shown) <= width, (width, shown)
        name, *parts = shown.replace("  ·  ", " · ").split(" · ")
        # every part is whole (none cut at the edge); only a file name too long is elided, in its middle
        assert set(parts) <= PARTS, (width, shown)
        assert name == "sample-article.txt" or (name[0] == "s" and "…" in name), shown


PARTS = {"5/73 reviewed", "5/73", "繁 Traditional", "繁", "332 repairs", "utf-8"}
PARTS |= {"332 repairs: 325 pinyin", "6 mojibake", "1 html"}  # the repairs by kind, joined by the same dot
