"""Keywords: jieba TF-IDF on the Simplified form, with spans in the original text.

The text is converted to Simplified (OpenCC t2s keeps offsets), cut by
:mod:`reader.text.segment` (domain dictionary loaded) and weighted with jieba's
IDF table (on disk, see :class:`IdfTable`); a keyword is its Simplified form, so
``服務商`` and ``服务商`` are one keyword, and its spans are found in the
Simplified text and mapped back to ``Document.text``.  Nothing here imports
jieba until the first extraction (≈0.5 s), normally run in a worker thread.

>>> is_candidate("服务商"), is_candidate("GMV"), is_candidate("2.8"), is_candidate("我们")
(True, True, False, False)
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from reader.locations import cache_dir
from reader.runtime.cache import content_key, open_sqlite
from reader.text.latin import english_stop_words, has_latin, whole_words
from reader.text.script import convert, find_all, to_simplified
from reader.text.spans import Spans


@dataclass(frozen=True)
class Keyword:
    word: str  # Simplified form, e.g. "服务商"
    weight: float  # TF-IDF weight (1.0 for user-added terms)
    spans: Sequence[tuple[int, int]]  # (start, end) in Document.text, any script form (a Spans)
    user: bool = False  # added by the user rather than computed

    @property
    def count(self) -> int:
        return len(self.spans)


# ------------------------------------------------------------------ junk filter

# News filler that stopwordsiso's function-word list leaves in: frequent in any
# article, telling nothing about this one.
_FILLER = frozenset(
    "今年 去年 明年 目前 此前 如今 当时 近日 日前 已经 进行 相关 表示 认为 一个 这个 那个 "
    "没有 需要 如何 什么 更多 非常 不同 一是 二是 三是 四是 之一 方面 同比 记者 报道".split()
)
# A few function words in case the stop-word package is missing.
_FALLBACK_STOP = frozenset(
    "我们 你们 他们 她们 它们 自己 这些 那些 这样 那样 因为 所以 但是 而且 或者 如果 虽然 "
    "以及 其中 同时 通过 对于 关于 可以 就是 还是 只是 不是 也是 都是 这里 那里 之后 之前".split()
)
_NUMERIC = re.compile(
    r"[\d０-９.,，．:：%％‰+\-/～~]+|[零〇一二三四五六七八九十百千万亿两几\d.]+[个万亿千百元倍次位名家场人岁年月日号]?"
)
_HAN_OR_LETTER = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffffA-Za-z]")


def _stop_words() -> frozenset[str]:
    try:
        import stopwordsiso
    except ImportError:  # pragma: no cover - the package is a dependency
        return _FALLBACK_STOP | _FILLER
    return frozenset(stopwordsiso.stopwords("zh")) | english_stop_words() | _FALLBACK_STOP | _FILLER


_STOP: frozenset[str] | None = None


def is_candidate(word: str) -> bool:
    """Whether a token may be a keyword: two characters or more, a Han
    character or a letter in it, not a number, not a stop word.

    >>> [w for w in ["快手", "手", "116", "2.8万", "三个", "的", "OPPO", "in", "The", "trading"] if is_candidate(w)]
    ['快手', 'OPPO', 'trading']
    """
    global _STOP
    word = word.strip()
    if len(word) < 2 or not _HAN_OR_LETTER.search(word) or _NUMERIC.fullmatch(word):
        return False
    if _STOP is None:
        _STOP = _stop_words()
    return word.lower() not in _STOP


# ------------------------------------------------------------------ extraction

_lock = threading.Lock()
_idf: IdfTable | None = None
_IDF_SCHEMA = 1


class IdfTable:
    """jieba's IDF table (word -> idf, and the median for words it lacks), looked up on disk.

    jieba.analyse parses its idf.txt (350,000 words) in about 0.4 s and keeps it
    as a 45 MB dict; an article needs the IDF of a few thousand words.  The
    table is copied once per machine into a SQLite file in the user cache
    directory (rebuilt when jieba's file changes) and queried for the words
    counted.  jieba.analyse itself is never imported.
    """

    def __init__(self, con: sqlite3.Connection) -> None:
        # One read-only connection, shared by the worker threads: the file may be replaced
        # or pruned meanwhile by another install's kreader, and an open file stays readable.
        self._con = con
        self._lock = threading.Lock()
        self.median = float(con.execute(_IDF_PROBE).fetchone()[0])

    def of(self, words) -> dict[str, float]:
        """IDF of each of ``words`` that the table has."""
        words = list(words)
        found: dict[str, float] = {}
        for k in range(0, len(words), 500):
            batch = words[k : k + 500]
            marks = ",".join("?" * len(batch))
            with self._lock:
                found.update(self._con.execute(f"SELECT word, idf FROM idf WHERE word IN ({marks})", batch))
        return found


_IDF_PROBE = "SELECT value FROM meta WHERE key = 'median'"


def _idf_table() -> IdfTable:
    global _idf
    if _idf is None:
        with _lock:
            if _idf is None:
                _idf = IdfTable(open_idf(cache_dir()))
    return _idf


def _idf_source() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).parent / "analyse" / "idf.txt"


def open_idf(directory: Path) -> sqlite3.Connection:
    """A read-only connection to the IDF file in ``directory``, keyed by jieba's idf.txt content."""
    source = _idf_source()
    key = content_key([source], f"idf schema {_IDF_SCHEMA}", directory)
    return open_sqlite(directory, "jieba-idf", key, lambda tmp: _build_idf(tmp, source), _IDF_PROBE)


def _build_idf(tmp: Path, source: Path) -> None:
    table = {}
    for line in source.read_bytes().decode("utf-8").splitlines():  # as jieba's IDFLoader reads it
        word, freq = line.strip().split(" ")
        table[word] = float(freq)
    median = sorted(table.values())[len(table) // 2]
    with closing(sqlite3.connect(tmp)) as con:
        con.execute("CREATE TABLE idf (word TEXT PRIMARY KEY, idf REAL) WITHOUT ROWID")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT INTO idf VALUES (?, ?)", table.items())
        con.execute("INSERT INTO meta VALUES ('median', ?)", (repr(median),))
        con.commit()


def _spans(simp_text: str, word: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of ``word`` in ``simp_text``; a Latin word whole and in
    any case.

    >>> _spans("Trading in 交易 trading", "trading"), _spans("服务商服务", "服务")
    ([(0, 7), (14, 21)], [(0, 2), (3, 5)])
    """
    if has_latin(word):
        return whole_words(simp_text, (m.span() for m in re.finditer(re.escape(word), simp_text, re.IGNORECASE)))
    spans = []
    start = simp_text.find(word)
    while start >= 0:
        spans.append((start, start + len(word)))
        start = simp_text.find(word, start + len(word))
    return spans


def fold_case(counts: Counter) -> Counter:
    """Latin words that differ only in case counted as one, under their most frequent form
    (``Trading`` at a sentence's start is ``trading``).

    >>> fold_case(Counter({"trading": 2, "Trading": 1, "GMV": 3, "服务": 1}))
    Counter({'trading': 3, 'GMV': 3, '服务': 1})
    """
    forms: dict[str, list[tuple[int, str]]] = {}
    for word, n in counts.items():
        forms.setdefault(word.lower() if has_latin(word) else word, []).append((n, word))
    merged: Counter = Counter()
    for group in forms.values():
        best = max(group, key=lambda nw: (nw[0], nw[1].islower()))[1]
        merged[best] = sum(n for n, _ in group)
    return merged


# Above this many characters, term counts come from evenly spread paragraphs
# of about that total: jieba cuts ~1.2 MB/s, and a book-sized text ranks the
# same from a sample; spans are still found in the whole text.
MAX_CHARS = 300_000


def _sampled(paragraphs, max_chars: int):
    total = sum(len(p.text) for p in paragraphs)
    if total <= max_chars:
        return paragraphs
    step = -(-total // max_chars)  # ceiling division
    return paragraphs[::step]


def term_counts(texts) -> Counter:
    """How often each keyword candidate occurs in ``texts`` (Simplified strings).

    >>> term_counts(["快手电商的服务商", "服务商"])
    Counter({'服务商': 2, '快手': 1, '电商': 1})
    """
    from reader.text.segment import cut

    counts: Counter = Counter()
    for text in texts:
        counts.update(cut(text))
    return Counter({w: n for w, n in counts.items() if is_candidate(w)})


def _simplified(text: str, piece: int = 65_536):
    """``convert(text, "simp")`` for a long text: OpenCC t2s line-aligned piece by piece.

    t2s keeps every length and no phrase spans a line, so the pieces join into
    the same text; one call on 10 MB would hold the interpreter for a quarter
    of a second (the interface waits meanwhile), and :func:`convert`'s cache
    would keep a second copy of the article.
    """
    if len(text) <= piece:
        return convert(text, "simp")
    parts, start = [], 0
    while start < len(text):
        end = text.find("\n", start + piece)
        end = len(text) if end < 0 else end + 1
        parts.append(to_simplified(text[start:end]))
        start = end
    simple = "".join(parts)
    if len(simple) != len(text):  # never seen with t2s: map offsets the careful way
        return convert(text, "simp")
    from reader.text.script import Converted

    return Converted(simple, len(text))


def extract_keywords(doc, top: int = 20, max_chars: int = MAX_CHARS) -> tuple[Keyword, ...]:
    """The ``top`` TF-IDF keywords of ``doc``, heaviest first, with their spans.

    Counted paragraph by paragraph on the Simplified text and merged; the
    weight is jieba's: occurrences over all candidate tokens, times the IDF
    (the median IDF for words jieba's table lacks).
    """
    simp = _simplified(doc.text)
    paragraphs = _sampled(doc.paragraphs, max_chars)
    counts = fold_case(term_counts(simp.text[p.start : p.end] for p in paragraphs))
    total = sum(counts.values())
    if not total:
        return ()
    table = _idf_table()
    idf, median = table.of(counts), table.median
    weighted = sorted(((n * idf.get(w, median) / total, w) for w, n in counts.items()), key=lambda x: (-x[0], x[1]))
    keywords = []
    for weight, word in weighted[:top]:
        spans = _spans(simp.text, word)
        if not simp.is_identity:
            spans = [simp.span_to_original(s, e) for s, e in spans]
        keywords.append(Keyword(word, weight, Spans(spans)))
    return tuple(keywords)


def user_keyword(doc, term: str) -> Keyword:
    """A user-added term with its spans (matched in both scripts).

    >>> from reader.document import parse
    >>> user_keyword(parse("服務商和服务商"), "服務商")
    Keyword(word='服务商', weight=1.0, spans=Spans([(0, 3), (4, 7)]), user=True)
    >>> user_keyword(parse("trading in Asia"), "in").spans
    Spans([(8, 10)])
    """
    term = term.strip()
    if not term:
        raise ValueError("a keyword needs at least one non-blank character")
    return Keyword(to_simplified(term), 1.0, Spans(whole_words(doc.text, find_all(doc.text, term))), user=True)


def with_keywords(doc, top: int = 20):
    """``doc`` with its ``top`` computed keywords, after any user-added ones it had."""
    users = tuple(k for k in doc.keywords if k.user)
    taken = {k.word for k in users}
    computed = tuple(k for k in extract_keywords(doc, top) if k.word not in taken)
    return replace(doc, keywords=users + computed)


def with_user_keyword(doc, term: str):
    """``doc`` with ``term`` added as a user keyword, first in the list."""
    keyword = user_keyword(doc, term)
    rest = tuple(k for k in doc.keywords if k.word != keyword.word)
    return replace(doc, keywords=(keyword,) + rest)
