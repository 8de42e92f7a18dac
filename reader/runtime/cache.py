"""The user cache: disposable files derived from data, shared by every kreader install.

Several installs of kreader (a pipx install, a project venv, a checkout) share one
cache folder, so nothing in it may depend on which install made it:

* a cache file is named by a hash of the *content* it derives from (and a schema),
  never by an install's paths or file times: installs with the same data share it,
  installs with different data each have their own;
* it is written to a ``*.tmp`` file and renamed into place (readers see the old file
  or the complete new one), then only ever opened read-only;
* any error opening or checking it (missing, truncated, not a database, wrong
  tables) rebuilds it; when the folder cannot be written the file is built in a
  private temporary folder instead;
* files unused for :data:`MAX_AGE` are pruned (each use touches its file, so a file
  another process may be opening is recent and kept), and ``*.tmp`` files older
  than :data:`STALE_TMP` (left by a killed build) are swept.

>>> import tempfile; from contextlib import closing; d = Path(tempfile.mkdtemp())
>>> src = d / "words.txt"; _ = src.write_text("甲 3\\n")
>>> def build(tmp):
...     with closing(sqlite3.connect(tmp)) as con:
...         con.execute("CREATE TABLE meta (key TEXT, value INTEGER)"); con.commit()
>>> con = open_sqlite(d, "words", content_key([src], "schema 1", d), build, "SELECT * FROM meta")
>>> [p.name.startswith("words-") for p in d.glob("*.sqlite3")], con.execute("SELECT * FROM meta").fetchall()
([True], [])
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

MAX_AGE = 30 * 24 * 3600.0  # seconds a cache file may go unused before it is pruned
STALE_TMP = 3600.0  # seconds after which a *.tmp file is a leftover (a build takes seconds)
_CHUNK = 1 << 20


def tmp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path``, unique to this process and call."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def touch(path: Path) -> None:
    """Mark ``path`` as used now (what pruning by age reads); a read-only folder is no error."""
    try:
        os.utime(path)
    except OSError:
        pass


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def content_key(paths: Sequence[Path], salt: str, memo_dir: Path | None = None) -> str:
    """16 hex digits of a hash of the bytes of ``paths`` and of ``salt`` (a schema version).

    Hashing jieba's 5 MB dictionary costs ~30 ms at every start, so each file's digest is
    remembered in ``memo_dir`` under its path, size, inode and mtime: the memo only saves
    re-reading a file that has not changed; the key itself is the content's.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); a, b = d / "a", d / "b"
    >>> _ = a.write_text("same"); _ = b.write_text("same")
    >>> content_key([a], "1", d) == content_key([b], "1", d) != content_key([a], "2", d)
    True
    """
    h = hashlib.sha256(salt.encode())
    for path in paths:
        h.update(_memo_digest(path, memo_dir).encode())
    return h.hexdigest()[:16]


def _memo_digest(path: Path, memo_dir: Path | None) -> str:
    if memo_dir is None:
        return _file_digest(path)
    st = path.stat()
    where = f"{path.resolve()}\n{st.st_size}\n{st.st_ino}\n{st.st_mtime_ns}"
    memo = memo_dir / f"digest-{hashlib.sha256(where.encode()).hexdigest()[:24]}"
    try:
        known = memo.read_text(encoding="ascii")
        if len(known) == 64:
            touch(memo)
            return known
    except (OSError, UnicodeDecodeError):
        pass
    digest = _file_digest(path)
    try:
        tmp = tmp_path(memo)
        tmp.write_text(digest, encoding="ascii")
        os.replace(tmp, memo)
    except OSError:
        pass
    return digest


def sweep(directory: Path, keep: Path | None = None, now: float | None = None) -> None:
    """Delete ``*.tmp`` leftovers older than :data:`STALE_TMP` and cache files (``*.sqlite3``,
    ``digest-*``, ``*.cache``, ``*.json``) unused for :data:`MAX_AGE`, never ``keep``."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if keep is not None and name == keep.name:
            continue
        if name.endswith(".tmp") or (name.startswith("tmp") and "." not in name):  # ours, jieba's mkstemp
            limit = STALE_TMP
        elif name.endswith((".sqlite3", ".cache", ".json")) or name.startswith("digest-"):
            limit = MAX_AGE
        else:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > limit:
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to delete


def sqlite_path(directory: Path, stem: str, key: str) -> Path:
    """Where :func:`open_sqlite` keeps the file of ``stem`` for ``key``.

    >>> sqlite_path(Path("/c"), "lexicon", "00ff").as_posix()
    '/c/lexicon-00ff.sqlite3'
    """
    return directory / f"{stem}-{key}.sqlite3"


def open_sqlite(directory: Path, stem: str, key: str, build: Callable[[Path], None], probe: str) -> sqlite3.Connection:
    """A read-only connection to ``<directory>/<stem>-<key>.sqlite3``, which ``probe`` (a query)
    can read; built first with ``build(tmp_path)`` when missing, rebuilt on any error, and
    built in a private temporary folder when ``directory`` cannot be written."""
    path = sqlite_path(directory, stem, key)
    con = _open_checked(path, probe)
    if con is None:
        try:
            con = _built(path, build, probe)
        except (OSError, sqlite3.Error):  # a read-only or full cache folder: build where we can
            path = Path(tempfile.mkdtemp(prefix="kreader-cache-")) / path.name
            con = _built(path, build, probe)
    touch(path)
    sweep(directory, keep=path)
    return con


def _built(path: Path, build: Callable[[Path], None], probe: str) -> sqlite3.Connection:
    """Build ``path`` and return a read-only connection to it, opened before the file is renamed
    into place: a prune by another process cannot take it away between the two."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_path(path)
    try:
        build(tmp)
        con = _open_checked(tmp, probe)
        if con is None:
            raise sqlite3.DatabaseError(f"the cache file {path} cannot be read after it was built")
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the complete new one
        return con
    finally:
        tmp.unlink(missing_ok=True)


def _open_checked(path: Path, probe: str) -> sqlite3.Connection | None:
    """A read-only connection that answered ``probe``, or None (never creates the file)."""
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        con.execute(probe).fetchall()
    except sqlite3.Error:
        con.close()
        return None
    return con
