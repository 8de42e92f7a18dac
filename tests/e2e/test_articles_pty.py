"""Several articles in a real terminal: a folder whose first file cannot be read opens on the
next one, `:n` typed as a user types it (both keys at once) switches, and the reader quits cleanly."""

from __future__ import annotations

from ptyproc import PtyProcess, kreader_argv, pty_env

FIRST = "第一篇文章講銷售額增長了15%。\n"
SECOND = "第二篇文章說利潤達到200萬元。\n"


def test_colon_n_switches_to_the_next_article_in_a_pty(tmp_path):
    (tmp_path / "0.dat").write_bytes(b"\x00\x01binary")
    for name, text in (("1.txt", FIRST), ("2.txt", SECOND)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = pty_env(KREADER_STATE_DIR=str(tmp_path / "state"))
    proc = PtyProcess(kreader_argv(str(tmp_path)), env, cols=100, rows=30)
    try:
        proc.expect("第一篇".encode(), timeout=30)
        proc.expect(b"(2/3)", timeout=10)
        proc.expect(b"cannot be read", timeout=10)
        proc.send(b":n", pause=0.3)  # one write, as a terminal sends a fast `:n`
        proc.expect("第二篇".encode(), timeout=30)
        proc.expect(b"(3/3)", timeout=10)
        proc.send(b"q", pause=0.3)
        status = proc.wait(15)
    finally:
        proc.close()
    assert status == 0
    assert "Traceback" not in proc.text
