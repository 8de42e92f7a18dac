"""The runner passes a stage by when the character at the draft's position is none of the
stage's marks (reader.figures.quantity.STAGE_MARKS) or the number is in the other script
(STAGE_SCRIPTS): that must be what the stage itself does there (return None, the draft
untouched), at every candidate of real articles."""

from __future__ import annotations

import copy
from dataclasses import fields
from pathlib import Path

import pytest

from reader.figures.grammar import _RUN
from reader.figures.quantity import STAGE_MARKS, STAGE_SCRIPTS, STAGES, draft, plan

HERE = Path(__file__).parent
ARTICLES = sorted((HERE / "holdout2").glob("*.txt")) + [HERE / "holdout" / "h1.txt", HERE / "holdout" / "h3.txt"]
# Every mark once, after Arabic and Chinese numbers, so that each guarded stage also acts.
MARKED = "1/4，3x4mm，5-6元，一至三年，1米85，52.27秒，晚上8點，6年8個月，億級，300人至500人，3：1，2×100米。"


def _state(d) -> tuple:
    return tuple(getattr(d, f.name) for f in fields(d))


def _texts() -> list[str]:
    texts = [MARKED]
    for path in ARTICLES:
        raw = path.read_bytes()
        for encoding in ("utf-8", "gb18030", "big5hkscs", "utf-16"):
            try:
                texts.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
    return texts


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:12])
def test_a_stage_passed_by_would_have_done_nothing(text: str) -> None:
    checked = acted = 0
    for m in _RUN.finditer(text):
        d = draft(text, m.start())
        if d is None:
            continue
        for stage in STAGES:
            if stage not in {s for _i, s in plan(d.arabic, text[d.pos : d.pos + 1])}:
                alone = copy.copy(d)
                assert stage(alone) is None, (stage.__name__, text[d.start : d.pos + 3])
                assert _state(alone) == _state(d), (stage.__name__, text[d.start : d.pos + 3])
                checked += 1
                continue
            acted += stage in STAGE_MARKS or stage in STAGE_SCRIPTS
            if stage(d) is not None:
                break
    assert checked > 0 and acted > 0


def test_the_plan_after_a_stage_holds_only_later_stages() -> None:
    for index, stage in plan(True, "元", 5):
        assert index > 5 and STAGES[index] is stage
