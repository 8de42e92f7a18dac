"""Cleaning families the third blind holdout (tests/holdout3) found: each with members that
are in none of its articles."""

from __future__ import annotations

import pytest

from reader.clean.mojibake.passages import recode_edits


@pytest.mark.parametrize(
    "passage", ["考试院强调合理安排时间，", "招生办提醒理性填报志愿，", "各高校介绍及时查询成绩，"]
)
@pytest.mark.parametrize("after", ["全省考生约有三成。", "全省各地都已开学。"])
def test_a_passage_is_repaired_when_the_text_after_it_is_valid_utf8_by_chance(passage, after):
    # 全省 is C8 AB CA A1 in GB18030, which UTF-8 reads as two letters (ȫʡ): the run of
    # suspect characters takes them in, and the passage must still be found inside it
    damaged = passage.encode("utf-8").decode("gb18030")
    assert [e.new for e in recode_edits(damaged + after)] == [passage]
