"""The forked worker's and the hung-up reader's standard streams go to /dev/null, all of them,
even when the reader was started with one of them closed (``kreader a.txt <&-``)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Which of fds 0-2 are open after the call, printed to a pipe opened before it (fd 3+).
_PROBE = r"""
import os, sys
from reader.runtime.terminal import let_go_of_the_terminal, silence_output
report = os.fdopen(int(sys.argv[2]), "w")  # above 2: passed as it is
{"let_go": let_go_of_the_terminal, "silence": silence_output}[sys.argv[1]]()
def is_open(fd):
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False
report.write(" ".join(str(fd) for fd in (0, 1, 2) if is_open(fd)))
report.close()
"""


@pytest.mark.parametrize(
    ("call", "closed", "open_after"),
    [
        ("let_go", 0, "0 1 2"),
        ("let_go", 1, "0 1 2"),
        ("let_go", None, "0 1 2"),
        ("silence", 1, "0 1 2"),
        ("silence", 2, "0 1 2"),
    ],
)
def test_every_stream_is_left_open_on_devnull(call: str, closed: int | None, open_after: str) -> None:
    read_end, write_end = os.pipe()
    closing = f"os.close({closed}); " if closed is not None else ""
    code = f"import os; {closing}exec(compile({_PROBE!r}, 'probe', 'exec'))"
    proc = subprocess.run(
        [sys.executable, "-c", code, call, str(write_end)],
        pass_fds=(write_end,),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
    )
    os.close(write_end)
    with os.fdopen(read_end) as report:
        seen = report.read()
    assert proc.returncode == 0, proc.stderr.decode()
    assert seen == open_after
