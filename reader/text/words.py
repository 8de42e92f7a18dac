"""Word boundaries for a word cursor: jieba words over ``Document.text``, any script.

Each paragraph is cut by jieba on its Simplified form (jieba's dictionary
is Simplified; t2s keeps offsets) and the words are mapped back to the
clean text, so the spans are the same whatever script is shown.  Latin
words, numbers with their magnitude and unit (``2.8萬``, ``60%``,
``¥30``) and ASCII runs (``GMV``, ``iPhone15``, ``3C``) are one word even
where jieba cuts them.  Spaces and punctuation are never words.

Paragraphs are cut lazily, on first use, and cached: a cursor in a long
article costs one paragraph at a time.  jieba loads on first use (~0.5 s):
build the first index in a worker.

>>> t = "GMV達2.8萬，OPPO手機"
>>> [t[s:e] for s, e in word_spans(t)]
['GMV', '達', '2.8萬', 'OPPO', '手機']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# One word whatever jieba says: an amount with its magnitude or unit sign,
# and runs of ASCII letters/digits joined by the characters that glue them.
_MAGNITUDE = "十百千萬万億亿兆"
_FORCED = re.compile(
    rf"[$¥￥€£]?[0-9０-９]+(?:[.,．/][0-9０-９]+)*(?:[{_MAGNITUDE}]+|[%％‰])?(?![A-Za-z0-9]|[-_'’&+][A-Za-z0-9])"
    r"|[A-Za-z0-9]+(?:[-_.'’&+][A-Za-z0-9]+)*"
)


def _is_word(piece: str) -> bool:
    """A word has at least one letter, digit or ideograph (not only spaces or punctuation)."""
    return any(c.isalnum() for c in piece)


def _merge(pieces: list[tuple[int, int]], forced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive pieces inside the same forced span joined (pieces never cross one's edge)."""
    starts = [s for s, _ in forced]
    out: list[tuple[int, int]] = []
    previous_owner = None
    for s, e in pieces:
        i = bisect.bisect_right(starts, s) - 1
        owner = i if i >= 0 and e <= forced[i][1] else None
        if owner is not None and owner == previous_owner:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        previous_owner = owner
    return out


@lru_cache(maxsize=4096)
def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the words of ``text`` (one paragraph), in order; see the module doc.

    >>> t = "快手電商服務商在過去近兩個月"
    >>> [t[s:e] for s, e in word_spans(t)]
    ['快手', '電商', '服務商', '在', '過去', '近', '兩個', '月']
    >>> t = "iPhone 15 Pro增長60%（¥30），3C佔1/4"
    >>> [t[s:e] for s, e in word_spans(t)]
    ['iPhone', '15', 'Pro', '增長', '60%', '¥30', '3C', '佔', '1/4']
    """
    from reader.text.script import convert
    from reader.text.segment import cut

    conv = convert(text, "simp")
    tokens: list[tuple[int, int]] = []
    at = 0
    for token in cut(conv.text):
        tokens.append(conv.span_to_original(at, at + len(token)))
        at += len(token)
    # Split tokens at forced-span edges, then join what a forced span covers.
    forced = [m.span() for m in _FORCED.finditer(text)]
    cuts = sorted({x for span in forced for x in span})
    pieces: list[tuple[int, int]] = []
    for s, e in tokens:
        inner = cuts[bisect.bisect_right(cuts, s) : bisect.bisect_left(cuts, e)]
        points = [s, *inner, e]
        pieces.extend(zip(points, points[1:]))
    words = _merge(pieces, forced)
    return tuple((s, e) for s, e in words if _is_word(text[s:e]))


@dataclass
class WordIndex:
    """The words of a document, cut paragraph by paragraph as the cursor needs them.

    ``paragraphs`` are ``(start, text)`` pairs in order (``Document.paragraphs``
    gives them); offsets are into ``Document.text``.

    >>> index = WordIndex([(0, "快手電商"), (5, "GMV 2.8萬")])
    >>> index.word_at(1), index.next_word(1), index.next_word(3), index.previous_word(5)
    ((0, 2), (2, 4), (5, 8), (2, 4))
    >>> index.next_word(9), index.previous_word(0)
    (None, None)
    """

    paragraphs: Sequence[tuple[int, str]]
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [start for start, _ in self.paragraphs]

    @classmethod
    def of(cls, document) -> WordIndex:
        """The index of a :class:`~reader.document.Document` (headings included)."""
        return cls([(p.start, p.text) for p in document.paragraphs])

    def words_in(self, k: int) -> tuple[tuple[int, int], ...]:
        """Document spans of the words of paragraph ``k``."""
        start, text = self.paragraphs[k]
        return tuple((start + s, start + e) for s, e in word_spans(text))

    def _paragraph(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """The word holding ``offset``, else the next word of its paragraph, else the next one."""
        if not self.paragraphs:
            return None
        k = self._paragraph(offset)
        for s, e in self.words_in(k):
            if e > offset:
                return s, e
        return self.next_word(offset)

    def next_word(self, offset: int) -> tuple[int, int] | None:
        """The first word starting after ``offset`` (None after the last word)."""
        if not self.paragraphs:
            return None
        for k in range(self._paragraph(offset), len(self.paragraphs)):
            for s, e in self.words_in(k):
                if s > offset:
                    return s, e
        return None

    def previous_word(self, offset: int) -> tuple[int, int] | None:
        """The last word starting before ``offset`` (None before the first word)."""
        if not self.paragraphs:
            return None
        for k in range(self._paragraph(offset), -1, -1):
            for s, e in reversed(self.words_in(k)):
                if s < offset:
                    return s, e
        return None


def next_word(document, offset: int) -> tuple[int, int] | None:
    """The word after the one at ``offset`` in ``document`` (see :class:`WordIndex`)."""
    return _index_of(document).next_word(offset)


def previous_word(document, offset: int) -> tuple[int, int] | None:
    """The word before the one at ``offset`` in ``document``."""
    return _index_of(document).previous_word(offset)


_indexes: dict[int, tuple[object, WordIndex]] = {}


def _index_of(document) -> WordIndex:
    """One index per document object (the last few kept)."""
    key = id(document.text)
    hit = _indexes.get(key)
    if hit is None or hit[0] is not document.text:
        if len(_indexes) > 8:
            _indexes.clear()
        hit = _indexes[key] = (document.text, WordIndex.of(document))
    return hit[1]
