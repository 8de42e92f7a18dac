"""The public dev set through load -> clean -> parse: text, mojibake runs, pinyin, sections."""

from __future__ import annotations

import re

import pytest
from conftest import DEV_FILES, DEVSET, SAMPLE, SEED

from reader.load import load_document


def _lines(text: str) -> list[str]:
    """The text's non-blank lines: blank-line layout is not part of the comparison."""
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module", params=sorted(DEV_FILES))
def article(request, devset):
    name = request.param
    expected = devset["articles"][name]
    return name, expected, load_document(DEVSET / DEV_FILES[name])


def test_encoding_detected(article):
    name, expected, doc = article
    (declared,) = expected["files"].values()
    assert doc.encoding == declared


def test_clean_text_equals_expected(article):
    _name, expected, doc = article
    assert _lines(doc.text) == _lines(expected["clean_text_trad"])


def test_every_mojibake_run_is_repaired(article):
    _name, expected, doc = article
    for run in expected["mojibake"]:
        assert run["original"] in doc.text
        assert run["damaged"] not in doc.text


def test_no_pinyin_annotation_remains(article):
    _name, expected, doc = article
    assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+ ?\)", doc.text)
    assert len(doc.readings) >= expected["pinyin_annotations"] - 3


def test_sections_match(article):
    _name, expected, doc = article
    assert [s.name for s in doc.sections] == expected["sections"]
    assert [s.title for s in doc.sections] == expected["section_titles"]


def test_bundled_sample_is_the_seed_byte_for_byte():
    if not SEED.is_file():
        pytest.skip("../shared/seed is not beside this checkout")
    assert SAMPLE.read_bytes() == SEED.read_bytes()
