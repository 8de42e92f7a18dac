"""The independent holdout (tests/holdout: h1-h3, labelled blind) through the real pipeline.

Cleaner: load_document must give back the clean text, the mojibake originals and the sections.
Figures: `python -m reader.cli --figures --format json FILE`, scored by the dev set's score.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, score_figures

from reader.load import load_document

HOLDOUT = Path(__file__).resolve().parent / "holdout"
EXPECTED = HOLDOUT / "expected.json"
ARTICLES = ("h1", "h2", "h3")
BAR = 0.95


@pytest.fixture(scope="module")
def holdout() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))["articles"]


def _file(expected: dict) -> Path:
    (name,) = expected["files"]
    return HOLDOUT / name


def _lines(text: str) -> list[str]:
    """The text's non-blank lines: blank-line layout is not part of the comparison."""
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module", params=ARTICLES)
def article(request, holdout):
    expected = holdout[request.param]
    return request.param, expected, load_document(_file(expected))


def test_encoding_detected(article):
    _name, expected, doc = article
    (declared,) = expected["files"].values()
    assert doc.encoding == declared


def test_clean_text_equals_expected(article):
    _name, expected, doc = article
    assert _lines(doc.text) == _lines(expected["clean_text_trad"])


def test_every_mojibake_original_is_present(article):
    _name, expected, doc = article
    assert len(expected["mojibake"]) == 3
    for run in expected["mojibake"]:
        assert run["original"] in doc.text
        assert run["damaged"] not in doc.text


def test_sections_match(article):
    _name, expected, doc = article
    assert [s.name for s in doc.sections] == expected["sections"]
    assert [s.title for s in doc.sections] == expected["section_titles"]


def _score(article: str, reader_json: Path, *flags: str) -> tuple[float, float, str]:
    return score_figures(EXPECTED, article, reader_json, *flags)


@pytest.mark.parametrize("flags", [(), ("--no-vague",)], ids=["all", "no-vague"])
@pytest.mark.parametrize("name", ARTICLES)
def test_figures_recall_and_precision(name, flags, holdout, tmp_path):
    result = run_cli("--figures", "--format", "json", str(_file(holdout[name])))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = tmp_path / f"{name}.json"
    out.write_bytes(result.stdout)
    recall, precision, report = _score(name, out, *flags)
    assert recall >= BAR and precision >= BAR, report
