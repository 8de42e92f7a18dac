"""What a killed save leaves is swept later, and SIGINT ends the reader with 130, its
review saved (issue 13, item 14)."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import pytest
from ptyproc import PtyProcess, pty_env

from reader.review.store import TEMP_AGE, ReviewStore, atomic_write

TEXT = "導語。\n01\n2小時賣出223萬元，新增粉絲2.8萬。\n"


def test_a_killed_saves_temporary_file_is_swept_at_the_next_load(tmp_path):
    store = ReviewStore("/a.txt", TEXT, [], directory=tmp_path)
    (tmp_path / "reports").mkdir()
    old = [tmp_path / f".{store.path.name}.k1ll3d00.tmp", tmp_path / "reports" / ".a.review.md.k1ll3d00.tmp"]
    fresh = tmp_path / f".{store.path.name}.s4v1ng00.tmp"  # another process's save under way
    for path in [*old, fresh]:
        path.write_bytes(b'{"schema": 1, "verd')
    for path in old:
        os.utime(path, (time.time() - TEMP_AGE - 60,) * 2)
    unrelated = tmp_path / "notes.tmp"
    unrelated.write_text("x")
    os.utime(unrelated, (time.time() - TEMP_AGE - 60,) * 2)
    store.load()
    assert not any(p.exists() for p in old)
    assert fresh.exists() and unrelated.exists()


def test_a_long_name_is_written_atomically(tmp_path):
    path = tmp_path / ("長" * 80 + ".review.md")  # 250 bytes: the temporary name must still fit
    atomic_write(path, b"x")
    assert path.read_bytes() == b"x" and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_sigint_ends_the_reader_with_130_and_the_review_saved(tmp_path):
    state = tmp_path / "state"
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    proc = PtyProcess(
        [sys.executable, "-m", "reader.cli", str(article)], env=pty_env(KREADER_STATE_DIR=str(state)), cwd=tmp_path
    )
    try:
        proc.expect(b" reviewed", timeout=60)  # the figures are found: a verdict can be given
        proc.send(b"f")
        proc.send(b"v")
        deadline = time.monotonic() + 30
        while not list(state.glob("*.json")) and time.monotonic() < deadline:
            proc.send(b"", pause=0.1)
        os.kill(proc.pid, signal.SIGINT)
        status = proc.wait(30)
    finally:
        proc.kill()
    assert status == 130
    assert b"Traceback" not in proc.output
    (saved,) = state.glob("*.json")
    assert [v["verdict"] for v in json.loads(saved.read_text(encoding="utf-8"))["verdicts"]] == ["verified"]


# ------------------------------------------------ the end of the terminal during a switch of articles

OTHER = "導語。\n01\n去年營收15億元，增長30%。\n"


def verdicts_saved(path, state) -> list[str]:
    """The verdicts the next session finds for the article at ``path`` (previews merged in)."""
    from reader.load import load_document

    text = load_document(path).text
    review = ReviewStore(str(path), text, [], directory=state).load().review
    return [v.verdict for v in review.verdicts if v.verdict]


def two_articles(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(OTHER, encoding="utf-8")
    state = tmp_path / "state"
    argv = [sys.executable, "-m", "reader.cli", str(a), str(b)]
    return a, b, state, PtyProcess(argv, env=pty_env(KREADER_STATE_DIR=str(state)), cwd=tmp_path)


def wait_for_files(proc, folder_glob, count: int = 1) -> None:
    deadline = time.monotonic() + 30
    while len(folder_glob()) < count and time.monotonic() < deadline:
        proc.send(b"", pause=0.1)
    assert len(folder_glob()) >= count


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_switching_articles_keeps_the_verdict_just_given(tmp_path, sig):
    a, _b, state, proc = two_articles(tmp_path)
    try:
        proc.expect(b"0/3 reviewed", timeout=60)
        proc.send(b"f")
        proc.send(b"v", pause=0)
        proc.expect(b"1/3 reviewed")  # the verdict is given (its save may be under way)
        proc.send(b":n", pause=0)  # the switch starts, and the signal comes
        os.kill(proc.pid, sig)
        proc.wait(30)
    finally:
        proc.kill()
    assert b"Traceback" not in proc.output
    assert verdicts_saved(a, state) == ["verified"]


def test_kill_9_after_a_switch_loses_no_verdict_of_either_article(tmp_path):
    a, b, state, proc = two_articles(tmp_path)
    saved = lambda: [*state.glob("*.json"), *state.glob("previews/*.json")]  # noqa: E731
    try:
        proc.expect(b" reviewed", timeout=60)
        proc.send(b"f")
        proc.send(b"v")
        wait_for_files(proc, saved)
        proc.send(b"\x1b:n")
        proc.expect(b"(2/2)", timeout=60)
        proc.send(b"f")
        proc.send(b"x")
        wait_for_files(proc, saved, 2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        proc.kill()
    assert verdicts_saved(a, state) == ["verified"]
    assert verdicts_saved(b, state) == ["wrong"]
