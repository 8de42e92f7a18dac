"""The figures JSON writer encodes a chunk of figures field by field; its text must be the
one of encoding figure_to_json's objects one by one (the layout every release wrote)."""

from __future__ import annotations

import json

import pytest

from reader.document import parse
from reader.output import figures_json
from reader.output.figures_json import _ITEM, _json_of, figure_items
from reader.output.json_safe import inert_json

_ARTICLE = (
    "導語：營收達5億元。\n01\n"
    '去年營收增長12.5%，達到3.2億元，約有4萬名員工，"引號"與\\反斜線的300個門市。\n'
    "02\n五倍振興券自9月22日起使用，2021年估值也就是25倍，約15%。\n"
    "03\n新增\u202e粉絲300人，合計\u0085 40家。\n"
)


def _one_by_one(doc, script: str) -> str:
    items = figure_items(doc, None, script)
    return inert_json(",\n".join("  {\n   " + _ITEM.encode(item)[1:-1] + "\n  }" for item in items))


@pytest.mark.parametrize("script", ["original", "simp", "trad"])
@pytest.mark.parametrize("chunk", [1, 3, 2048])
def test_fieldwise_json_is_the_one_by_one_json(monkeypatch, script, chunk):
    monkeypatch.setattr(figures_json, "_CHUNK", chunk)
    doc = parse(_ARTICLE)
    written = _json_of((doc, script), None)
    assert written == _one_by_one(doc, script)
    items = json.loads("[" + written + "]")
    assert len(items) >= 8 and any(item["label"] for item in items)
    assert [item["section"] for item in items][-1] == "03"


def test_unprintable_text_is_escaped_in_fieldwise_json():
    doc = parse("新增\u202e粉絲300人。")
    written = _json_of((doc, "original"), None)
    assert "\u202e" not in written and "\\u202e" in written
    assert json.loads("[" + written + "]")[0]["sentence"] == "新增\u202e粉絲300人。"


def test_no_figures_is_no_json():
    assert _json_of((parse("沒有數字。"), "original"), None) == ""
