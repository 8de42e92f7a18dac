"""The header line keeps what the reader changes in view when the terminal is narrow."""

from reader.load import load_document
from reader.locations import sample_article
from widgets.header_bar import header_content


def test_the_script_shown_stays_within_80_columns_before_the_long_parts():
    doc = load_document(sample_article())
    for script, name in (("simp", "Simplified"), ("trad", "Traditional")):
        plain = header_content(doc, script).plain
        assert name in plain[:80], plain
        assert plain.index(name) < plain.index("repairs")
