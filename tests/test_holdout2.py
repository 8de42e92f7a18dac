"""The second blind holdout (tests/holdout2: six articles of genres the dev sets lack, each
damaged twice) through the real pipeline, scored by devset2's own score.py.

Every file must keep the recall and precision it reached.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED, run_cli

HOLDOUT2 = Path(__file__).resolve().parent / "holdout2"
EXPECTED = HOLDOUT2 / "expected.json"
SCORE = SHARED / "devset2" / "score.py"
KEYS = [f"{name}{wild}" for name in ("cold", "flu", "housing", "court", "grain", "ev") for wild in ("", ".wild")]
BAR = 0.97
# (recall, precision) floors below BAR, with the reason (none left: grain.wild's loader fault is fixed)
LOWER: dict[str, tuple[float, float]] = {}


def _score(key: str, out: Path) -> tuple[float, float, str]:
    result = subprocess.run(
        [sys.executable, str(SCORE), str(EXPECTED), key, str(out), "-v"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    m = re.search(r"recall=([\d.]+) precision=([\d.]+)", result.stdout)
    assert m, result.stdout
    return float(m.group(1)), float(m.group(2)), result.stdout


@pytest.mark.skipif(not SCORE.is_file(), reason="../shared/devset2/score.py is not beside this checkout")
@pytest.mark.parametrize("key", KEYS)
def test_holdout2_recall_and_precision(key, tmp_path):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["articles"][key]
    (name,) = expected["files"]
    result = run_cli("--figures", "--format", "json", str(HOLDOUT2 / name))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = tmp_path / "figures.json"
    out.write_bytes(result.stdout)
    recall, precision, report = _score(key, out)
    floor_r, floor_p = LOWER.get(key, (BAR, BAR))
    assert recall >= floor_r and precision >= floor_p, report
