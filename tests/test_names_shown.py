"""File names reach the terminal only with their controls made visible (issue 13, item 7).

A file really named with an OSC 52 clipboard write (and others with C1, bidi and
non-UTF-8 bytes) goes through every view, refusal, export heading and the TUI's
header and notices: no control character of the name is ever written raw.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import run_cli
from pilot import sync

from reader.load import load_document
from reader.text.visible import shown_name

OSC52 = "n\x1b]52;c;RVZJTENMSVA=\x1b\\.txt"
NAMES = [OSC52, "b\u202e\x9b2J.txt", "c\x1b[2J\u2066.txt"]
ARTICLE = "導語\n01\n去年賣出223萬元，新增粉絲2.8萬。\n"
RAW = ("\x1b", "\x9b", "\u202e", "\u2066")


def _raw_in(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    return [c for c in RAW if c in text]


@pytest.fixture(params=NAMES, ids=["osc52", "c1-bidi", "csi-isolate"])
def hostile(request, tmp_path):
    path = tmp_path / request.param
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "view",
    [
        ("--figures", "--format", "json"),
        ("--sections", "--format", "json"),
        ("--repairs", "--format", "json"),
        ("--report",),
        ("--report", "--format", "json"),
        ("--vocabulary",),
    ],
)
def test_views_never_print_the_name_raw(hostile, view):
    proc = run_cli(*view, str(hostile))
    assert proc.returncode == 0, proc.stderr
    assert _raw_in(proc.stdout) == [] and _raw_in(proc.stderr) == []
    if "json" in view:
        data = json.loads(proc.stdout)
        assert (data["file"] if isinstance(data, dict) else hostile.name).endswith(hostile.name)  # exact in JSON
    elif view[0] in ("--report", "--vocabulary"):
        assert shown_name(hostile.name) in proc.stdout.decode()  # the heading names it, escaped


def test_the_osc52_name_is_shown_escaped_in_a_heading(tmp_path):
    path = tmp_path / OSC52
    path.write_text(ARTICLE, encoding="utf-8")
    out = run_cli("--vocabulary", str(path)).stdout.decode()
    assert "# Vocabulary: n\\x1b]52;c;RVZJTENMSVA=\\x1b\\.txt" in out


@pytest.mark.parametrize(
    "content", [b"\x89PNG\r\n\x1a\n" + bytes(64), b"\x00\x01" * 100, None], ids=["png", "nul", "missing"]
)
def test_refusals_never_print_the_name_raw(tmp_path, content):
    path = tmp_path / OSC52
    if content is not None:
        path.write_bytes(content)
    proc = run_cli("--dump", str(path))
    assert proc.returncode == 2
    assert _raw_in(proc.stderr) == [] and b"\\x1b]52;c;RVZJTENMSVA=" in proc.stderr


def test_an_unwritable_output_is_named_escaped(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("--report", "-o", str(tmp_path / "missing\x1b[2J" / "r.md"), str(article))
    assert proc.returncode == 2 and _raw_in(proc.stderr) == [] and b"missing\\x1b[2J" in proc.stderr


def test_a_name_that_is_not_utf8_is_shown_by_its_bytes(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/d\xff\x1b[2J.txt"
    with open(raw, "wb") as f:
        f.write(ARTICLE.encode())
    proc = run_cli("--report", os.fsdecode(raw))
    assert proc.returncode == 0, proc.stderr
    assert _raw_in(proc.stdout) == [] and "d\\xff\\x1b[2J.txt" in proc.stdout.decode()


def _header(app) -> str:
    return str(app.query_one("#header").render())


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@sync
async def test_the_header_and_notices_show_the_name_escaped(tmp_path):
    from widgets.app import KreaderApp

    path = tmp_path / OSC52
    path.write_text(ARTICLE, encoding="utf-8")
    app = KreaderApp(load_document(str(path)), enrich=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        header = _header(app)
        assert "n\\x1b]52;c;RVZJTENMSVA=\\x1b\\.txt" in header and "\x1b" not in header
        path.write_text(ARTICLE + "又一段。\n", encoding="utf-8")
        assert app.file_watch.check_file() == "changed"
        await pilot.press("r")
        for _ in range(100):
            await pilot.pause(0.05)
            if any(m.startswith("Reloaded") for m in _notices(app)):
                break
        notices = _notices(app)
        assert any("changed on disk" in m for m in notices) and any(m.startswith("Reloaded") for m in notices)
        assert not any("\x1b" in m for m in notices)
        assert any("n\\x1b]52;c;RVZJTENMSVA=" in m for m in notices)


def test_vocabulary_json_is_inert():
    from reader.vocabulary import VocabularyItem, render_vocabulary

    item = VocabularyItem("詞\u202e", "詞\u202e", "詞\u202e", "cí", ("a\x9bb",), 1, 0, True)
    out = render_vocabulary([item], "json")
    assert _raw_in(out.encode()) == [] and json.loads(out)[0]["word"] == "詞\u202e"
