"""BOM-less UTF-16 Chinese is read, not refused as binary (issue 13, item 5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.load import LoadError, decode, load_bytes
from tests.conftest import run_cli

HAN_ONLY = "第一段。\n第二段很重要，數據顯示增長。\n第三段也很重要。\n"
COMMON = "的是在有個人這上們來到時大地為子中你說生國年著就那和要出也得裡後自以會家可下而過天去能對小多然於心學之"
# 16 characters and more: a few characters of Big5 can read as Han in UTF-16 too (then it stays Big5)
HAN_TEXT = st.text(st.sampled_from(COMMON + "。，、；：「」\n"), min_size=16, max_size=400)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_han_only_utf16_without_a_bom_opens(tmp_path, encoding):
    path = tmp_path / "u16.txt"
    path.write_bytes(HAN_ONLY.encode(encoding))
    out = run_cli("--dump", str(path))
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout == run_cli("--dump", "-", stdin=HAN_ONLY.encode()).stdout


@settings(max_examples=300, deadline=None)
@given(HAN_TEXT, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_han_only_utf16_is_detected_in_either_byte_order(text, encoding):
    decoded = load_bytes(text.encode(encoding), "u16.txt")
    assert (decoded.encoding, decoded.text) == (encoding, text)


@settings(max_examples=300, deadline=None)
@given(HAN_TEXT, st.sampled_from(["gb18030", "big5"]))
def test_legacy_chinese_encodings_are_not_taken_for_utf16(text, encoding):
    try:
        decoded = decode(text.encode(encoding))
    except LoadError:  # a few characters of Big5 may be refused as undecodable: not this test's matter
        return
    assert not decoded.encoding.startswith("utf-16")
