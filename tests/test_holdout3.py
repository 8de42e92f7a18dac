"""The third blind holdout (tests/holdout3: six articles of genres the dev sets lack, each
damaged twice, figures and labels written before kreader ran on them) through the real CLI,
scored by devset2's own score.py and score_labels.py.

Every file must keep the figures it reached, and its labels must not get less right nor fewer.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED, run_cli

HOLDOUT3 = Path(__file__).resolve().parent / "holdout3"
EXPECTED = HOLDOUT3 / "expected.json"
LABELS = HOLDOUT3 / "labels_holdout3.json"
SCORE = SHARED / "devset2" / "score.py"
SCORE_LABELS = SHARED / "devset2" / "score_labels.py"
NAMES = ("flood", "dengue", "presale", "exam", "waste", "rail")
KEYS = [f"{name}{wild}" for name in NAMES for wild in ("", ".wild")]
BAR = 1.0
# (recall, precision) floors below BAR, with the reason
LOWER: dict[str, tuple[float, float]] = {
    # make_wild's thousands() groups the digits of a decimal part (3.3058 -> "3.3,058"), which no
    # page writes: read as 3.3 and 058平方米 (a miss and a false positive)
    "presale.wild": (0.985, 0.97),
}
# (accuracy, coverage) of the labels reached per file; a change that lowers one is a regression
LABEL_FLOORS: dict[str, tuple[float, float]] = {
    "flood": (0.90, 0.93),
    "flood.wild": (0.90, 0.93),
    "dengue": (0.78, 0.91),
    "dengue.wild": (0.78, 0.91),
    "presale": (0.80, 0.84),
    "presale.wild": (0.78, 0.82),
    "exam": (0.87, 0.87),  # coverage was .938 with 生每學年 as two wrong labels: a rate's base is no label
    "exam.wild": (0.87, 0.87),
    "waste": (0.87, 0.85),
    "waste.wild": (0.86, 0.84),
    "rail": (0.84, 0.88),
    "rail.wild": (0.84, 0.88),
}


def _run(script: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    if not SCORE_LABELS.is_file():
        pytest.skip("../shared/devset2 is not beside this checkout")
    folder = tmp_path_factory.mktemp("holdout3")
    out = {}
    for key in KEYS:
        (name,) = json.loads(EXPECTED.read_text(encoding="utf-8"))["articles"][key]["files"]
        result = run_cli("--figures", "--format", "json", str(HOLDOUT3 / name))
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        out[key] = folder / f"{key}.json"
        out[key].write_bytes(result.stdout)
    return out


@pytest.mark.parametrize("key", KEYS)
def test_holdout3_recall_and_precision(outputs, key):
    report = _run(SCORE, str(EXPECTED), key, str(outputs[key]), "-v")
    m = re.search(r"recall=([\d.]+) precision=([\d.]+)", report)
    assert m, report
    floor_r, floor_p = LOWER.get(key, (BAR, BAR))
    assert float(m.group(1)) >= floor_r and float(m.group(2)) >= floor_p, report


@pytest.mark.parametrize("key", KEYS)
def test_holdout3_labels_stay_as_right_and_as_many(outputs, key):
    report = _run(SCORE_LABELS, str(EXPECTED), str(LABELS), key, str(outputs[key]), "-v")
    m = re.search(r"accuracy=([\d.]+) coverage=([\d.]+)", report)
    assert m, report
    accuracy, coverage = LABEL_FLOORS[key]
    assert float(m.group(1)) >= accuracy and float(m.group(2)) >= coverage, report
