"""The dev set's figures through the real pipeline, scored by the dev set's own score.py."""

from __future__ import annotations

import json

import pytest
from conftest import DEV_FILES, DEVSET, score_figures

from reader.figures.extract import extract_figures, figure_to_json
from reader.load import load_document

BAR = 0.95


def _score(article: str, out_path, *flags: str) -> tuple[float, float, str]:
    return score_figures(DEVSET / "expected.json", article, out_path, *flags)


@pytest.mark.parametrize("flags", [(), ("--no-vague",)], ids=["all", "no-vague"])
@pytest.mark.parametrize("article", sorted(DEV_FILES))
def test_devset_recall_and_precision(article, flags, devset, tmp_path):
    doc = load_document(DEVSET / DEV_FILES[article])
    out = tmp_path / f"{article}.json"
    out.write_text(
        json.dumps({"figures": [figure_to_json(f, doc) for f in extract_figures(doc)]}, ensure_ascii=False),
        encoding="utf-8",
    )
    recall, precision, report = _score(DEV_FILES[article], out, *flags)
    assert recall >= BAR and precision >= BAR, report
