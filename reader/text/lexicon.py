"""jieba's word frequencies on disk (SQLite), so scoring text costs no start-up.

The mojibake pass runs while an article loads, before the first paint; it
needs word frequencies, and loading jieba's dictionary into memory takes about
half a second.  This module builds, once per machine, a SQLite copy of the
same dictionary (plus kreader's user dictionary) in the user cache directory;
opening it is instant and a lookup costs microseconds.  ``best_logp`` is
jieba's own route score (``Tokenizer.calc`` over the word DAG), computed on
those frequencies.

>>> lex = lexicon()
>>> lex.freq("日常") > 0 and lex.freq("日睆") == 0
True
>>> lex.best_logp("日常活动") > lex.best_logp("日睆活动")
True
"""

from __future__ import annotations

import functools
import math
import sqlite3
import threading
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from reader.locations import asset, cache_dir
from reader.runtime.cache import content_key, open_sqlite, sqlite_path

SCHEMA = 2
_MAX_WORD = 8  # longer dictionary entries (rare idioms) do not change a score that matters
_lock = threading.Lock()
_instance: Lexicon | None = None


def _sources() -> list[Path]:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    paths = [Path(spec.origin).parent / "dict.txt"]
    user = asset("jieba-userdict.txt")
    if user.is_file():
        paths.append(user)
    return paths


def _read_dictionary(path: Path) -> Iterable[tuple[str, int]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                yield parts[0], int(parts[1])


def _build(tmp: Path, sources: list[Path]) -> None:
    """Write the lexicon of ``sources`` into the new SQLite file ``tmp``."""
    freqs: dict[str, int] = {}
    for path in sources:
        for word, freq in _read_dictionary(path):
            freqs[word] = freq  # a later source (the user dictionary) overrides, as jieba's add_word does
    total = sum(freqs.values())
    with closing(sqlite3.connect(tmp)) as con:
        con.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        con.execute("CREATE TABLE pairs (first TEXT, second TEXT, freq INTEGER)")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER)")
        con.executemany("INSERT INTO words VALUES (?, ?)", freqs.items())
        con.executemany(
            "INSERT INTO pairs VALUES (?, ?, ?)",
            ((w[0], w[1], f) for w, f in freqs.items() if len(w) == 2 and f and _is_han(w[0]) and _is_han(w[1])),
        )
        con.execute("CREATE INDEX pairs_first ON pairs (first, freq DESC)")
        con.execute("CREATE INDEX pairs_second ON pairs (second, freq DESC)")
        con.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
        con.commit()


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


class Lexicon:
    """Read-only word -> frequency lookups, shared by threads."""

    def __init__(self, con: sqlite3.Connection) -> None:
        # One read-only connection for the process's life: the file may be replaced or pruned
        # meanwhile by another install's kreader, and an open file stays readable (POSIX).
        self._con = con
        self._lock = threading.Lock()
        (self.total,) = self._con.execute(_PROBE).fetchone()
        self.log_total = math.log(self.total)
        self._cache: dict[str, int] = {}

    def freqs(self, words: Iterable[str]) -> dict[str, int]:
        """Frequencies of ``words`` (0 for unknown ones), in one query."""
        wanted = [w for w in dict.fromkeys(words) if w not in self._cache]
        for start in range(0, len(wanted), 900):
            chunk = wanted[start : start + 900]
            with self._lock:
                rows = self._con.execute(
                    f"SELECT word, freq FROM words WHERE word IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
            found = dict(rows)
            for w in chunk:
                self._cache[w] = found.get(w, 0) or 0
        if len(self._cache) > 500_000:  # bounded: a 10 MB article must not grow it without end
            self._cache.clear()
        return {w: self._cache.get(w, 0) for w in words}

    def freq(self, word: str) -> int:
        return self.freqs([word])[word]

    def best_logp(self, run: str) -> float:
        """Log probability of the best segmentation of ``run``, as jieba's ``calc`` scores it."""
        n = len(run)
        if not n:
            return 0.0
        subs = [run[i:j] for i in range(n) for j in range(i + 1, min(n, i + _MAX_WORD) + 1)]
        freq = self.freqs(subs)
        best = [0.0] * (n + 1)
        for i in range(n - 1, -1, -1):
            score = -math.inf
            for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
                f = freq[run[i:j]]
                if f or j == i + 1:
                    score = max(score, math.log(f or 1) - self.log_total + best[j])
            best[i] = score
        return best[0]

    def neighbours(self, ch: str, *, after: bool, limit: int = 12) -> list[str]:
        """The characters that most often follow (``after``) or precede ``ch`` in two-character words."""
        return list(self._neighbours(ch, after, limit))

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one lexicon per process, kept for its life
    def _neighbours(self, ch: str, after: bool, limit: int) -> tuple[str, ...]:
        column, other = ("first", "second") if after else ("second", "first")
        with self._lock:
            rows = self._con.execute(
                f"SELECT {other} FROM pairs WHERE {column} = ? ORDER BY freq DESC, {other} DESC LIMIT ?", (ch, limit)
            ).fetchall()
        return tuple(r[0] for r in rows)


def lexicon() -> Lexicon:
    """The shared lexicon, built into the user cache folder on first use (reader.runtime.cache)."""
    global _instance
    if _instance is not None:
        return _instance
    with _lock:
        if _instance is None:
            _instance = Lexicon(open_lexicon(cache_dir()))
    return _instance


def open_lexicon(directory: Path) -> sqlite3.Connection:
    """A read-only connection to the lexicon file in ``directory``, keyed by its sources' content."""
    sources = _sources()
    return open_sqlite(directory, "lexicon", _key(sources, directory), lambda tmp: _build(tmp, sources), _PROBE)


def _key(sources: list[Path], directory: Path) -> str:
    return content_key(sources, f"lexicon schema {SCHEMA}", directory)


def lexicon_built(directory: Path | None = None) -> bool:
    """Whether :func:`lexicon` will open a built file at once; False before the first run (or after
    the cache was emptied) builds it, which takes seconds, or when it cannot be told.

    >>> import tempfile; empty = Path(tempfile.mkdtemp())
    >>> lexicon_built(empty), (open_lexicon(empty).close(), lexicon_built(empty))[1]
    (False, True)
    """
    if directory is None and _instance is not None:
        return True
    try:
        folder = cache_dir() if directory is None else directory
        return sqlite_path(folder, "lexicon", _key(_sources(), folder)).is_file()
    except (OSError, RuntimeError):
        return False


_PROBE = "SELECT value FROM meta WHERE key = 'total'"
