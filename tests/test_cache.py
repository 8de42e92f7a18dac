"""The user cache is disposable and shared safely by several installs (issue 13, items 15 and 16)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest

from reader.runtime.cache import MAX_AGE, STALE_TMP, content_key, open_sqlite, sweep
from tests.conftest import ROOT

PROBE = "SELECT value FROM meta WHERE key = 'install'"


def _build(tmp: Path, source: Path) -> None:
    with closing(sqlite3.connect(tmp)) as con:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("INSERT INTO meta VALUES ('install', ?)", (source.read_text(encoding="utf-8"),))
        con.commit()


def _open(directory: Path, source: Path) -> sqlite3.Connection:
    key = content_key([source], "test schema 1", directory)
    return open_sqlite(directory, "lexicon", key, lambda tmp: _build(tmp, source), PROBE)


def _install_worker(args: tuple[str, str, int]) -> list[str]:
    """One install's kreader starting over and over: open (build if needed), read, prune hard."""
    directory, source, rounds = Path(args[0]), Path(args[1]), args[2]
    held = _open(directory, source)  # a long-running reader keeps its connection across the others' prunes
    seen = []
    for _ in range(rounds):
        with closing(_open(directory, source)) as con:
            seen.append(con.execute(PROBE).fetchone()[0])
        seen.append(held.execute(PROBE).fetchone()[0])
        sweep(directory, now=time.time() + 2 * MAX_AGE)  # as if every other file were old: the worst pruning
    return seen


def test_three_installs_share_one_cache_dir_concurrently(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    sources = []
    for name in ("pipx", "venv", "checkout"):
        (tmp_path / name).mkdir()
        source = tmp_path / name / "dict.txt"
        source.write_text(f"dictionary of the {name} install", encoding="utf-8")
        sources.append(source)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        results = pool.map(_install_worker, [(str(cache), str(s), 40) for s in sources])
    for source, seen in zip(sources, results, strict=True):
        assert set(seen) == {source.read_text(encoding="utf-8")}  # every read gave this install's own data
    assert not list(cache.glob("*.tmp"))


def test_cache_files_are_keyed_by_content_not_by_path_or_time(tmp_path):
    a, b = tmp_path / "a" / "dict.txt", tmp_path / "b" / "dict.txt"
    for path in (a, b):
        path.parent.mkdir()
        path.write_text("同一份詞典", encoding="utf-8")
    os.utime(b, (1_000_000, 1_000_000))
    assert content_key([a], "1", tmp_path) == content_key([b], "1", tmp_path)
    b.write_text("另一份詞典", encoding="utf-8")
    assert content_key([a], "1", tmp_path) != content_key([b], "1", tmp_path)
    assert content_key([a], "1", tmp_path) != content_key([a], "2", tmp_path)  # the schema is part of the key


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 80])
def test_a_damaged_cache_file_is_rebuilt(tmp_path, damage):
    source = tmp_path / "dict.txt"
    source.write_text("install", encoding="utf-8")
    with closing(_open(tmp_path, source)):
        pass
    (built,) = tmp_path.glob("lexicon-*.sqlite3")
    built.write_bytes(damage)
    with closing(_open(tmp_path, source)) as con:
        assert con.execute(PROBE).fetchone()[0] == "install"


def test_a_cache_file_is_opened_read_only_and_never_created_by_reading(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_text("install", encoding="utf-8")
    con = _open(tmp_path, source)
    (built,) = tmp_path.glob("lexicon-*.sqlite3")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        con.execute("INSERT INTO meta VALUES ('x', 'y')")
    built.unlink()  # pruned by another process while open: the open connection still reads
    assert con.execute(PROBE).fetchone()[0] == "install"
    assert not built.exists()
    con.close()


def test_pruning_goes_by_age_and_sweeps_tmp_leftovers(tmp_path):
    now = time.time()
    files = {
        "old": tmp_path / "lexicon-0000000000000000.sqlite3",
        "other install": tmp_path / "lexicon-1111111111111111.sqlite3",
        "stale tmp": tmp_path / ".lexicon-2.sqlite3.123.ab.tmp",
        "fresh tmp": tmp_path / ".lexicon-3.sqlite3.456.cd.tmp",
        "jieba's stale tmp": tmp_path / "tmpq1w2e3r4",
        "not ours": tmp_path / "notes.txt",
    }
    for path in files.values():
        path.write_bytes(b"x")
    for name in ("old", "not ours"):
        os.utime(files[name], (now - MAX_AGE - 60, now - MAX_AGE - 60))
    for name in ("stale tmp", "jieba's stale tmp"):
        os.utime(files[name], (now - STALE_TMP - 60, now - STALE_TMP - 60))
    sweep(tmp_path, now=now)
    left = {name for name, path in files.items() if path.exists()}
    assert left == {"other install", "fresh tmp", "not ours"}


def test_the_lexicon_and_idf_tables_use_the_shared_rules(tmp_path):
    from reader.keywords import IdfTable, open_idf
    from reader.text.lexicon import Lexicon, open_lexicon

    lexicon = Lexicon(open_lexicon(tmp_path))
    idf = IdfTable(open_idf(tmp_path))
    assert lexicon.freq("日常") > 0 and idf.of(["服务"])["服务"] > 0
    for path in tmp_path.glob("*.sqlite3"):
        path.unlink()  # another install pruned them: this process goes on reading
    assert lexicon.freq("活动") > 0 and idf.of(["直播"])["直播"] > 0
    assert not list(tmp_path.glob("*.sqlite3"))  # and no empty file was created in their place
    for path in (open_lexicon(tmp_path), open_idf(tmp_path)):
        path.close()
    assert len(list(tmp_path.glob("*.sqlite3"))) == 2  # rebuilt when next needed


def test_a_cache_dir_that_cannot_be_written_still_works(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_text("install", encoding="utf-8")
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    with closing(_open(blocked / "cache", source)) as con:  # its parent is a file: nothing can be made there
        assert con.execute(PROBE).fetchone()[0] == "install"


# ------------------------------------------------------------ item 16


def test_the_suite_never_uses_the_real_user_folders():
    base = Path(tempfile.gettempdir()).resolve()
    code = (
        "from reader.locations import cache_dir, state_dir, config_dir, keymap_path\n"
        "import platformdirs\n"
        "for p in (cache_dir(create=False), state_dir(create=False), config_dir(), keymap_path(),\n"
        "          platformdirs.user_cache_dir('kreader'), platformdirs.user_state_dir('kreader'),\n"
        "          platformdirs.user_config_dir('kreader')):\n"
        "    print(p)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    paths = [Path(line).resolve() for line in out.stdout.splitlines()]
    assert len(paths) == 7
    for path in paths:
        assert path.is_relative_to(base), path
        assert not path.is_relative_to(Path.home().resolve() / ".cache")
