"""cn2an is imported only when a long positional numeral needs it (its import compiles its
regexes: a fixed cost of every process that would otherwise pay it)."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
from reader.text.numerals import cn_decimal, cn_number
values = [cn_number(t) for t in sys.argv[1:]]
print(values, 'cn2an' in sys.modules)
"""


def _probe(*numerals: str) -> str:
    run = subprocess.run([sys.executable, "-c", _PROBE, *numerals], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_short_numerals_do_not_load_cn2an():
    assert _probe("三", "十二", "三十五", "七八", "二〇二一") == "[3.0, 12.0, 35.0, None, None] False"


def test_a_long_positional_numeral_loads_cn2an_and_is_read():
    assert _probe("三", "兩千三百萬", "一萬零五") == "[3.0, 23000000.0, 10005.0] True"


def test_a_printed_view_of_the_sample_does_not_load_cn2an():
    from reader.locations import sample_article

    code = (
        "import atexit, sys; sys.argv[0] = 'kreader'\n"
        "atexit.register(lambda: print('cn2an' in sys.modules, file=sys.stderr))\n"
        "from reader.cli import main; main()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "--figures", "--format", "json", str(sample_article())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and run.stderr.strip().endswith("False")
    assert '"value"' in run.stdout
