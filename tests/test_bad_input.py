"""The bad-input matrix of issue 7, for the CLI modes and for the reader (TUI).

Every row has a defined outcome: a one-line message and exit status 2, or
an opened article (with what is wrong said in the header or a notice).
Never a traceback.  TUI rows run either in a real pty (what the user sees
before and instead of the reader) or under Textual's pilot.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from pilot import sync
from ptyproc import PtyProcess, kreader_argv, pty_env, run_in_pty

from reader.load import MAX_BYTES, load_document

LIMIT = f"limit is {MAX_BYTES // 2**20} MiB"
ARTICLE = "導語：快手服務商在成長。\n01\n營收223萬元，增長60%。\n02\n粉絲新增2.8萬。\n"


def no_traceback(*outputs: bytes | str) -> None:
    for out in outputs:
        text = bytes(out).decode("utf-8", "replace") if isinstance(out, (bytes, bytearray)) else out
        assert "Traceback" not in text and 'File "' not in text, text[-2000:]


def one_line_refusal(stderr: bytes, message: str) -> None:
    err = stderr.decode("utf-8", "replace")
    assert err.startswith("kreader: ") and message in err and err.count("\n") == 1, err
    no_traceback(err)


# --------------------------------------------------------------- the files


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def sparse(path: Path, size: int) -> str:
    with open(path, "wb") as f:
        f.truncate(size)  # costs no disk
    return str(path)


REFUSED = {
    "missing path": (lambda p: str(p / "missing.txt"), "no such file"),
    "directory": (lambda p: str(p), "no article files in this folder"),  # a folder is its articles: none here
    "PNG image": (lambda p: write(p / "x.png", b"\x89PNG\r\n\x1a\n" + os.urandom(300)), "PNG image"),
    "/bin/ls": (lambda p: "/bin/ls", "not a text article"),
    "200 MB file": (lambda p: sparse(p / "huge.txt", 200 * 2**20), LIMIT),
}


# ------------------------------------------------------------- refusals


@pytest.mark.parametrize("mode", [["--dump"], ["--figures", "--format", "json"], ["--sections"]])
@pytest.mark.parametrize("row", list(REFUSED))
def test_cli_refuses_in_one_line_with_exit_2(tmp_path, row, mode):
    make, message = REFUSED[row]
    proc = run_cli(*mode, make(tmp_path))
    assert proc.returncode == 2
    assert proc.stdout == b""
    one_line_refusal(proc.stderr, message)


def test_refusal_names_the_size_limit_and_the_size(tmp_path):
    proc = run_cli("--dump", sparse(tmp_path / "huge.txt", 200 * 2**20))
    assert b"200 MiB" in proc.stderr and LIMIT.encode() in proc.stderr


@pytest.mark.parametrize("row", list(REFUSED))
def test_reader_refuses_before_taking_the_terminal(tmp_path, row):
    make, message = REFUSED[row]
    proc = run_in_pty(kreader_argv(make(tmp_path)))
    assert proc.status == 2
    lines = proc.text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kreader: ") and message in lines[0]
    assert b"\x1b[?1049h" not in proc.output  # the alternate screen was never entered
    no_traceback(proc.output)


@pytest.mark.parametrize("mode", [["--dump"], []], ids=["dump", "reader"])
def test_unreadable_file_is_refused(tmp_path, monkeypatch, capsys, mode):
    from reader.cli import main

    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the open fail as it does for a user
        import reader.load

        def denied(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(reader.load, "open", denied, raising=False)
    assert main([*mode, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    one_line_refusal(captured.err.encode(), "permission denied")


# -------------------------------------------------- damaged but readable


def test_empty_and_whitespace_only_files_give_empty_output(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", " \n\t\r\n\u3000\n".encode())):
        proc = run_cli("--dump", write(tmp_path / name, data))
        assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
        figures = json.loads(run_cli("--figures", "--format", "json", str(tmp_path / name)).stdout)
        assert figures["figures"] == []


def test_invalid_utf8_in_the_middle_is_replaced_and_counted(tmp_path):
    data = ARTICLE.encode() + b"\xff\xfe\xfa" + "後文還在。".encode() * 30
    path = write(tmp_path / "broken.txt", data)
    proc = run_cli("--dump", path)
    assert proc.returncode == 0 and proc.stderr == b""
    out = proc.stdout.decode()
    assert "營收223萬元" in out and "後文還在。" in out and "\ufffd" in out
    assert load_document(path).replacement_chars == 3


def test_mixed_encodings_in_one_file(tmp_path):
    data = ("前文是UTF-8：快手電商。\n".encode() + "后文是GBK编码的段落。\n".encode("gbk")) * 5
    proc = run_cli("--dump", write(tmp_path / "mixed.txt", data))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert out.count("后文是GBK编码的段落。") == 5 and out.count("前文是UTF-8：快手電商。") == 5


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, codec):
    proc = run_cli("--dump", write(tmp_path / "u16.txt", ARTICLE.encode(codec)))
    assert proc.returncode == 0
    assert "營收223萬元，增長60%。" in proc.stdout.decode() and "# 01" in proc.stdout.decode()


def long_line(chars: int = 420_000) -> str:
    """About 1 MB of UTF-8 without a single newline."""
    unit = "快手服務商正在持續迭代成長，營收223萬元，增長60%。"
    return (unit * (chars // len(unit) + 1))[:chars]


def test_one_megabyte_line_dumps(tmp_path):
    text = long_line()
    path = write(tmp_path / "line.txt", text.encode())
    assert os.path.getsize(path) > 2**20
    proc = run_cli("--dump", path, timeout=600)  # a hang guard; its speed is `make bench`'s (long lines)
    assert proc.returncode == 0
    assert proc.stdout.decode() == text + "\n\n"


def test_many_tiny_paragraphs_and_many_headings(tmp_path):
    paras = write(tmp_path / "paras.txt", "".join(f"第{i}段。\n" for i in range(100_000)).encode())
    sections = json.loads(run_cli("--sections", "--format", "json", paras).stdout)["sections"]
    assert [s["paragraphs"] for s in sections] == [100_000]
    heads = write(
        tmp_path / "heads.txt", ("導語。\n" + "".join(f"# 標題{i}\n正文{i}。\n" for i in range(10_000))).encode()
    )
    proc = run_cli("--sections", "--format", "json", heads)
    sections = json.loads(proc.stdout)["sections"]
    assert len(sections) == 10_001 and all(s["paragraphs"] == 1 for s in sections)


# ---------------------------------------------------------------- stdin


def test_stdin_that_is_a_terminal_gets_the_usage(tmp_path):
    for mode in ([], ["--dump"]):
        proc = run_in_pty(kreader_argv(*mode, "-"))
        assert proc.status == 2, proc.text
        assert "no article on standard input" in proc.text and "usage: kreader" in proc.text
        no_traceback(proc.output)


def test_empty_stdin(tmp_path):
    proc = run_cli("--dump", "-", stdin=b"")
    assert proc.returncode == 0 and proc.stdout == b"" and proc.stderr == b""
    # the reader has nothing to show: one line, not a blank screen
    shell = f"exec {' '.join(kreader_argv('-'))} < /dev/null"
    proc = run_in_pty(["/bin/sh", "-c", shell])
    assert proc.status == 2
    assert "standard input: nothing was read" in proc.text and b"\x1b[?1049h" not in proc.output


# ----------------------------------------------------------------- FIFOs


def test_process_substitution_is_read_like_a_file():
    command = f"{' '.join(kreader_argv('--dump'))} <(printf '標題\\n01\\n正文。\\n')"
    proc = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "標題\n\n# 01\n\n正文。\n\n"


def test_reader_opens_a_process_substitution():
    command = f"exec {' '.join(kreader_argv())} <(printf '導語。\\n01\\n管道裡的正文。\\n')"
    proc = PtyProcess(["bash", "-c", command], pty_env(KREADER_EXIT_AFTER_PAINT="1", KREADER_STATE_DIR="/nonexistent"))
    try:
        status = proc.wait(30)
    finally:
        proc.close()
    assert status == 0
    assert "管道裡的正文" in proc.text
    no_traceback(proc.output)


def test_reader_refuses_an_empty_process_substitution():
    proc = run_in_pty(["bash", "-c", f"exec {' '.join(kreader_argv())} <(true)"])
    assert proc.status == 2 and "nothing was read (the stream was empty)" in proc.text
    no_traceback(proc.output)


def wait_in_fifo_open(pid: int, timeout: float = 20.0) -> None:
    """Until ``pid`` blocks opening a FIFO that has no writer (as `cat` would)."""
    deadline = time.monotonic() + timeout
    wchan = Path(f"/proc/{pid}/wchan")
    while time.monotonic() < deadline:
        try:
            if "partner" in wchan.read_text() or "fifo" in wchan.read_text():
                return
        except OSError:
            pass
        time.sleep(0.05)
    if not wchan.exists():
        time.sleep(3)  # no /proc: give it time to get there
        return
    raise AssertionError(f"never blocked on the FIFO (wchan {wchan.read_text()!r})")


def test_fifo_without_writer_waits_and_ctrl_c_ends_it_cleanly(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*kreader_argv("--dump", str(fifo))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        wait_in_fifo_open(proc.pid)
        time.sleep(0.3)
        assert proc.poll() is None  # still waiting for a writer
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert out == b"" and err == b"kreader: interrupted\n"


def test_reader_on_a_fifo_without_writer_ends_on_ctrl_c(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    proc = PtyProcess(kreader_argv(str(fifo)))
    try:
        wait_in_fifo_open(proc.pid)
        proc.send(b"\x03")  # Ctrl-C typed at the terminal: the line discipline sends SIGINT
        status = proc.wait(10)
    finally:
        proc.close()
    assert status == 130
    assert proc.text.strip() == "^Ckreader: interrupted" or proc.text.strip().endswith("kreader: interrupted")
    no_traceback(proc.output)


# ------------------------------------------------------------ the reader


def reader_app(path: str, **kwargs):
    from widgets.app import KreaderApp

    return KreaderApp(load_document(path), enrich=False, **kwargs)


def screen_text(view) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def header_text(app) -> str:
    return str(app.query_one("#header").render())


@sync
async def test_reader_on_empty_and_damaged_files(tmp_path):
    cases = {
        "empty.txt": (b"", "(this article has no text)", ""),
        "blank.txt": (b" \n\t\n\r\n", "(this article has no text)", ""),
        "broken.txt": (ARTICLE.encode() + b"\xff\xfe\xfa" + "後文還在。".encode() * 30, "後文還在", "3 undecodable"),
        "mixed.txt": (
            ("前文：快手電商。\n".encode() + "后文是GBK编码的段落。\n".encode("gbk")) * 5,
            "后文是GBK编码",
            "utf-8+gb18030",
        ),
        "u16.txt": (ARTICLE.encode("utf-16-le"), "營收223萬元", "utf-16-le"),
    }
    for name, (data, on_screen, in_header) in cases.items():
        app = reader_app(write(tmp_path / name, data))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert on_screen in screen_text(app.article), name
            assert in_header in header_text(app), name
            await pilot.press("space", "G", "g", "]", "t")  # keys on such a document do nothing bad
            await pilot.pause()
            assert app.is_running


@sync
async def test_reader_on_many_paragraphs_and_many_headings(tmp_path):
    paras = write(tmp_path / "paras.txt", "".join(f"第{i}段。\n" for i in range(100_000)).encode())
    app = reader_app(paras)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.article
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 0 and "第0段" not in screen_text(view)
        await pilot.press("G")
        await pilot.pause()
        assert "第99999段。" in screen_text(view)
    heads = write(
        tmp_path / "heads.txt", ("導語。\n" + "".join(f"# 標題{i}\n正文{i}。\n" for i in range(10_000))).encode()
    )
    app = reader_app(heads)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.sections.option_count == 10_001
        await pilot.press("]", "]")
        await pilot.pause()
        assert "標題1" in screen_text(app.article).split("\n")[0]
        await pilot.press("G")
        await pilot.pause()
        assert "正文9999。" in screen_text(app.article)


def probe_long_line(path: str) -> None:
    """Run in a subprocess (so that a slow paint fails the test instead of hanging it): open
    the reader on ``path`` and print what paging shows, as JSON."""

    async def run() -> dict:
        app = reader_app(path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = app.article
            first = screen_text(view)
            await pilot.press("space")
            await pilot.pause()
            paged = (view.scroll_y, screen_text(view))
            await pilot.press("G")
            await pilot.pause()
            return {
                "rows": view.virtual_size.height,
                "first": first,
                "paged_y": paged[0],
                "paged": paged[1],
                "end_y": view.scroll_y,
                "end": screen_text(view),
            }

    print(json.dumps(asyncio.run(run()), ensure_ascii=False))


def test_reader_wraps_and_pages_a_one_megabyte_line(tmp_path):
    text = long_line()
    path = write(tmp_path / "line.txt", text.encode())
    code = (
        f"import sys; sys.path[:0] = ['tests']; from test_bad_input import probe_long_line; probe_long_line({path!r})"
    )
    # a hang guard, not a speed limit (the machine may be loaded): speed is `make bench`'s
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    seen = json.loads(proc.stdout)
    width = 100 - 2  # gutter and scroll bar leave fewer cells than this for text
    assert seen["rows"] > len(text) * 3 // 2 // width  # wrapped: Han characters take two cells
    assert 0 < seen["paged_y"] < seen["end_y"] and seen["paged"] != seen["first"]
    assert text[:10] in seen["first"].replace("\n", "").replace(" ", "") or "快手" in seen["first"]
    assert text[-8:] in seen["end"].replace("\n", "").replace(" ", "").replace("▌", "")


# ------------------------------------------------------- changed on disk


def numbered(n: int = 200) -> str:
    return "導語。\n01\n" + "".join(f"段落{i}。\n" for i in range(n))


async def settle(app, pilot) -> None:
    for _ in range(50):
        await pilot.pause(0.05)
        if not app.file_watch.reloading:
            break
    await pilot.pause()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


@sync
async def test_file_rewritten_while_open_is_offered_and_r_reloads_in_place(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(numbered(), encoding="utf-8")
    app = reader_app(str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.file_watch.check_file() == "same"
        await pilot.press("space", "space")
        await pilot.pause()
        top = app.article.top_offset
        at_top = app.document.text[top : top + 6]
        assert at_top.startswith("段落") and top > 0
        path.write_text("新加的開頭。\n" + numbered(), encoding="utf-8")  # a scraper re-ran
        assert app.file_watch.check_file() == "changed"
        app.file_watch.check_file()  # told once per change
        await pilot.pause()
        assert sum("changed on disk: press r to reload" in m for m in messages(app)) == 1
        await pilot.press("r")
        await settle(app, pilot)
        assert app.document.text.startswith("新加的開頭。")
        new_top = app.article.top_offset
        assert app.document.text[new_top : new_top + 6] == at_top  # the same paragraph at the top
        assert app.file_watch.check_file() == "same"
        assert any(m.startswith("Reloaded article.txt") for m in messages(app))


@sync
async def test_file_deleted_while_open_keeps_the_text(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(numbered(), encoding="utf-8")
    app = reader_app(str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = app.document.text
        path.unlink()
        assert app.file_watch.check_file() == "deleted"
        await pilot.press("r")
        await settle(app, pilot)
        assert app.document.text == text and "段落0。" in screen_text(app.article)
        assert any("was deleted or moved; the text shown stays" in m for m in messages(app))
        assert any(m.startswith("Reload failed:") and "no such file" in m for m in messages(app))
        # it comes back as something kreader refuses: still a notice, still the same text
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
        assert app.file_watch.check_file() == "changed"
        await pilot.press("r")
        await settle(app, pilot)
        assert app.document.text == text and any("PNG image" in m for m in messages(app))
        assert app.is_running


@sync
async def test_the_file_is_watched_by_a_timer(tmp_path, monkeypatch):
    import widgets.file_watch

    monkeypatch.setattr(widgets.file_watch, "WATCH_INTERVAL", 0.1)
    path = tmp_path / "article.txt"
    path.write_text(numbered(10), encoding="utf-8")
    app = reader_app(str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        assert not any("changed on disk" in m for m in messages(app))
        with open(path, "a", encoding="utf-8") as f:
            f.write("追加的一段。\n")
        await pilot.pause(0.5)
        assert any("article.txt changed on disk: press r to reload" in m for m in messages(app))


@sync
async def test_standard_input_cannot_be_reloaded():
    from reader.load import document_from_text
    from widgets.app import KreaderApp

    app = KreaderApp(document_from_text(ARTICLE, "<stdin>"), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert app.file_watch.check_file() == ""
        assert any("standard input: it cannot be read again" in m for m in messages(app))


# ------------------------------------------------------------- signals


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_reader_ends_cleanly_on_sigterm_and_sighup(tmp_path, sig, status):
    path = write(tmp_path / "article.txt", ARTICLE.encode())
    proc = PtyProcess(kreader_argv(path), pty_env(KREADER_STATE_DIR=str(tmp_path / "state")))
    try:
        proc.expect(b"\x1b[?1049h")
        proc.expect("營收223萬元".encode())  # painted: the app is mounted, its signal handlers are in place
        os.kill(proc.pid, sig)
        # Events, not wall time (a loaded machine is slow): the process ends with the signal's
        # status (a watchdog ends it whatever happens; a hang fails here), the orderly way below.
        assert proc.wait(120) == status
    finally:
        proc.close()
    if sig == signal.SIGTERM:  # the terminal is still there: it was given back as it was
        assert proc.output.rfind(b"\x1b[?1049l") > proc.output.rfind(b"\x1b[?1049h")
    no_traceback(proc.output)


def test_reader_ends_when_its_terminal_goes_away(tmp_path):
    """The terminal emulator (or sshd) closes the pty: SIGHUP, and no process left spinning."""
    path = write(tmp_path / "article.txt", ARTICLE.encode())
    proc = PtyProcess(kreader_argv(path), pty_env(KREADER_STATE_DIR=str(tmp_path / "state")))
    try:
        proc.expect("營收223萬元".encode())  # painted: the app is mounted, its signal handlers are in place
        os.close(proc.fd)
        proc.fd = -1
        assert proc.wait(120) == 129  # gone (a watchdog ends it whatever happens), not left spinning
    finally:
        proc.close()


def every_key(*widget_classes) -> list[str]:
    """Every key bound by these widgets (and the App), each once, ``q`` (quit) last."""
    keys: list[str] = []
    for cls in widget_classes:
        for binding in cls.BINDINGS:
            for key in binding.key.split(","):
                if key.strip() not in keys and key.strip() != "q":
                    keys.append(key.strip())
    return keys


@sync
async def test_every_key_on_an_empty_document_is_harmless(tmp_path, monkeypatch):
    from widgets.app import KreaderApp
    from widgets.article.view import ArticleView
    from widgets.figures.panel import FiguresPanel
    from widgets.section_nav import SectionNav

    monkeypatch.chdir(tmp_path)  # E exports the review to the current directory
    for data in (b"", b" \n\t\n"):
        app = reader_app(write(tmp_path / "empty.txt", data))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("t", "o", "t", "o", "p", "P", "W", "o")  # the script, then the comparison line
            await pilot.pause()
            for key in every_key(KreaderApp, ArticleView, FiguresPanel, SectionNav):
                await pilot.press(key)
                # a key that opened a screen or the search line: back to the article
                while len(app.screen_stack) > 1:
                    app.pop_screen()
                await pilot.press("escape")
                app.action_focus_article()
                assert app.is_running, key
            assert "(this article has no text)" in screen_text(app.article)


@sync
async def test_r_on_an_article_replaced_by_a_fifo_refuses_it_without_waiting(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(numbered(), encoding="utf-8")
    app = reader_app(str(path))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = app.document.text
            path.unlink()
            os.mkfifo(path)  # no writer: a plain open() of it waits forever
            await pilot.press("r")
            await settle(app, pilot)
            assert not app.file_watch.reloading, "the reload is waiting on the pipe"
            assert any("article.txt: is now a named pipe" in m for m in messages(app)), messages(app)
            assert app.document.text == text and "段落0。" in screen_text(app.article)
    finally:
        try:  # release a reader blocked in open(), so that a failing test ends
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass


def test_quitting_does_not_wait_for_a_reload_that_hangs(tmp_path, monkeypatch):
    import threading

    import reader.load

    path = tmp_path / "article.txt"
    path.write_text(numbered(), encoding="utf-8")
    app = reader_app(str(path))
    release = threading.Event()

    def hang(*_args):  # any read of the file (a network file system gone away)
        release.wait()
        raise reader.load.LoadError("released")

    monkeypatch.setattr(reader.load, "load_bytes", hang)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            assert app.file_watch.reloading  # the read hangs (a network file system gone away)
            await pilot.press("q")

    runner = threading.Thread(target=asyncio.run, args=(run(),), daemon=True)
    try:
        runner.start()
        runner.join(60)  # a hang detector, not a speed limit: the app quits in well under a second
        assert not runner.is_alive(), "quitting waited for the blocked read"
    finally:
        release.set()
        runner.join(10)
