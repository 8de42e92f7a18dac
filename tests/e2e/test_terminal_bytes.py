"""Terminal safety, byte for byte: kreader on a hostile article in a real pty.

The article carries CSI, OSC 8 hyperlinks, OSC 52 clipboard writes, window
titles, DCS/APC/PM/SOS strings, 8-bit C1 controls, C0 controls, bidi
overrides, zero-width characters, HTML-escaped controls and Rich/Textual
markup.  Every byte kreader writes to the terminal is captured and searched
for what the article tried to send; the CLI views are checked the same way.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from conftest import run_cli
from ptyproc import PtyProcess, kreader_argv, pty_env

pytestmark = pytest.mark.e2e

HOSTILE = (
    "導語：快手服務商正在持續迭代成長。\n"
    "[bold]粗體[/bold]\n"
    "[link=http://evil.example/m]連結[/link]\n"
    "[@click=app.quit]退出[/]\n"
    "01\n"
    "CSI：正文\x1b[31;42;5m紅綠閃\x1b[0m，清屏\x1b[2J\x1b[H，光標\x1b[6n，改鍵\x1b[?1049l完。\n"
    "OSC 8：\x1b]8;;http://evil.example/x\x1b\\點我\x1b]8;;\x1b\\，標題\x1b]0;PWNED-TITLE\x07，"
    "剪貼簿\x1b]52;c;ZXZpbC1jbGlwYm9hcmQ=\x07完。\n"
    "DCS：\x1bP+q544e\x1b\\查詢\x1bP$qm\x1b\\，APC\x1b_EVIL-APC\x1b\\，PM\x1b^EVIL-PM\x1b\\，SOS\x1bXEVIL-SOS\x1b\\完。\n"
    "C1：\u009b31m八位\u009d0;C1-TITLE\u009c標題\u0090C1-DCS\u009c，\u0085下一行\u008d反向。\n"
    "C0：鈴\x07退格\x08移出\x0e移入\x0f刪除\x7f完。\n"
    "雙向：\u202eEVIL-RTL\u202c，\u2066隔離\u2069，零寬\u200b字\u200d連\ufeff完。\n"
    "實體：&#x1b;[35m紫&#x1b;[0m，&#x202e;反轉，&#8203;零寬，&#x9b;2J 完。\n"
    "02\n"
    "營收223萬元，增長60%。直播2小時賣出223萬元，新增粉絲2.8萬。\n"
)

# What the article tried to send, as bytes on the wire (UTF-8 for the C1 and format characters).
FORBIDDEN = [
    b"\x1b[31;42;5m",
    b"\x1b[6n",
    b"\x1b]8;;http://evil",
    b"\x1b]0;",
    b"PWNED-TITLE",
    b"\x1b]52",
    b"ZXZpbC1jbGlwYm9hcmQ",
    b"\x1bP+q",
    b"\x1bP$q",
    b"\x1b_",
    b"\x1b^",
    b"\x1bX",
    b"EVIL-APC",
    b"EVIL-PM",
    b"EVIL-SOS",
    b"C1-TITLE",
    b"C1-DCS",
    b"\x1b[35m",
    "\u009b".encode(),
    "\u009d".encode(),
    "\u0090".encode(),
    "\u009c".encode(),
    "\u0085".encode(),
    "\u008d".encode(),
    "\u202e".encode(),
    "\u202c".encode(),
    "\u2066".encode(),
    "\u2069".encode(),
    "\u200b".encode(),
    "\u200d".encode(),
    "\ufeff".encode(),
]
# Besides ESC, the only C0 controls a full-screen app needs: CR, LF, BS (and none of the article's).
STRAY_C0 = re.compile(rb"[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]")
C1 = re.compile("[\u0080-\u009f]")
OWN_OSC = re.compile(rb"\x1b\]22;[a-z-]+\x07")  # Textual's own: the mouse pointer's shape


@pytest.fixture()
def hostile(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def assert_inert(data: bytes, where: str, payloads: bool = True) -> None:
    """No control from the article in ``data``; with ``payloads``, not even the text they carried
    (a view that lists the removed sequences, visibly escaped, shows that text)."""
    for needle in FORBIDDEN:
        if not payloads and not re.search(rb"[\x00-\x1f\x7f-\xff]", needle):
            continue
        assert needle not in data, f"{where}: {needle!r} from the article reached the output"
    data = OWN_OSC.sub(b"", data)
    assert b"\x1b]" not in data, f"{where}: an OSC string"
    assert not re.search(rb"\x1b[P_^X]", data), f"{where}: a DCS/APC/PM/SOS string"
    assert not STRAY_C0.search(data), f"{where}: stray C0 {STRAY_C0.search(data).group()!r}"
    assert not C1.search(data.decode("utf-8", "replace")), f"{where}: a C1 control"


def test_no_escape_sequence_from_the_article_reaches_the_terminal(hostile, tmp_path):
    env = pty_env(KREADER_STATE_DIR=str(tmp_path / "state"), TERM="xterm-256color", COLORTERM="truecolor")
    proc = PtyProcess(kreader_argv(str(hostile)), env, cols=120, rows=40)
    try:
        proc.expect("紅綠閃".encode(), timeout=60)
        for key in (b" ", b"t", b"g", b"j", b"f", b"\t", b"\t", b"/", "紅".encode(), b"\r", b"]", b"t", b"t"):
            proc.send(key, pause=0.25)
        time.sleep(0.5)
        assert proc.alive()  # nothing in the article quit the app ([@click=app.quit])
        proc.send(b"q", pause=0.3)
        status = proc.wait(60)  # a loaded machine: quitting saves and stops the workers
    finally:
        proc.close()
    data = bytes(proc.output)
    assert status == 0, data[-500:]
    assert b"\x1b[?1049h" in data  # the reader really painted
    assert_inert(data, "the reader")
    # markup in the article is shown as text, not interpreted (colours may come between its characters
    # when a keyword or a search hit falls inside it, depending on when enrichment is done)
    painted = re.sub(rb"\x1b\[[0-9;:]*m", b"", data)
    for literal in ("[bold]粗體[/bold]", "[@click=app.quit]退出[/]"):
        assert literal.encode() in painted, literal
    assert "Traceback" not in proc.text


@pytest.mark.parametrize(
    "mode",
    [
        ["--dump"],
        ["--dump", "--script", "simp"],
        ["--figures"],
        ["--figures", "--format", "json"],
        ["--figures", "--format", "csv"],
        ["--sections"],
        ["--repairs"],
        ["--keywords"],
    ],
)
def test_cli_output_in_a_pipe_is_inert(hostile, mode):
    proc = run_cli(*mode, str(hostile))
    assert proc.returncode == 0, proc.stderr
    assert_inert(proc.stdout, " ".join(mode), payloads="--repairs" not in mode)
    assert proc.stderr == b""


def test_dump_keeps_the_text_around_what_was_removed(hostile):
    out = run_cli("--dump", str(hostile)).stdout.decode()
    for kept in (
        "正文紅綠閃",
        "點我",
        "查詢",
        "EVIL-RTL",
        "零寬字連完",
        "紫",
        "[link=http://evil.example/m]連結[/link]",
    ):
        assert kept in out, kept


def test_repairs_lists_every_removal(hostile):
    data = json.loads(run_cli("--repairs", "--format", "json", str(hostile)).stdout)
    repairs = data["repairs"]
    removed = "".join(r["before"] for r in repairs if r["kind"] in ("escape", "control"))
    for sent in (
        "\x1b[31;42;5m",
        "\x1b]8;;http://evil.example/x\x1b\\",
        "\x1b]52;c;ZXZpbC1jbGlwYm9hcmQ=\x07",
        "\x1bP+q544e\x1b\\",
        "\x1b_EVIL-APC\x1b\\",
        "\u009d0;C1-TITLE\u009c",
        "\x07",
        "\x7f",
        "\u202e",
        "\u200b",
        "\ufeff",
    ):
        assert sent in removed, repr(sent)
    code_points = {r["note"].split()[0] for r in repairs if r["note"].startswith("U+")}
    assert {"U+202E", "U+200B", "U+FEFF", "U+0007"} <= code_points
    table = run_cli("--repairs", str(hostile)).stdout.decode()
    assert "\\x1b]52;c;" in table and "\\u202e" in table  # shown visibly, not sent
    assert re.search(r"\d+ escape", table) and re.search(r"\d+ control", table)  # the summary by kind


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_repairs_csv_and_json_are_inert_too(hostile, fmt):
    proc = run_cli("--repairs", "--format", fmt, str(hostile))
    assert_inert(proc.stdout, f"--repairs --format {fmt}", payloads=False)
