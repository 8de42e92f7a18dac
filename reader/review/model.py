"""The review of one article: verdicts on figures, notes, bookmarks, reading position.

UI-free and immutable: every change returns a new :class:`Review`.  A verdict
is keyed by the figure's text and the characters around it (not only its
offset), so that it can be re-attached when the article changed.

>>> from reader.document import parse
>>> doc = parse("營收223萬元，增長60%。")
>>> key = FigureKey.at(doc.text, 2, 7)
>>> review = Review().with_verdict(key, "verified", "對過財報")
>>> review.verdict_for(key).note
'對過財報'
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

VERDICTS = ("verified", "doubtful", "wrong")
CONTEXT = 12  # characters of context kept on each side of a figure
_MIN_CONTEXT = 8  # matching context characters needed to re-attach a verdict to a moved figure


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_hash(text: str) -> str:
    """The identity of an article's clean text (state files are keyed by it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FigureKey:
    """Where a figure is: its text, offset, and the text around it."""

    text: str
    start: int
    before: str
    after: str

    @classmethod
    def at(cls, text: str, start: int, end: int) -> FigureKey:
        return cls(text[start:end], start, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT])

    @property
    def ident(self) -> str:
        return f"{self.start}:{self.text}"


@dataclass(frozen=True)
class Verdict:
    key: FigureKey
    verdict: str | None  # one of VERDICTS, or None once cleared (kept so a merge does not resurrect it)
    note: str = ""
    updated: str = field(default_factory=now)


@dataclass(frozen=True)
class Bookmark:
    offset: int  # into the clean text: survives a change of width or script
    section: int
    excerpt: str
    created: str = field(default_factory=now)


@dataclass(frozen=True)
class Removed:
    """A deleted bookmark, kept so that a merge with an older save does not bring it back."""

    offset: int
    when: str = field(default_factory=now)


@dataclass(frozen=True)
class Position:
    section: int = 0
    offset: int = 0


@dataclass(frozen=True)
class Review:
    verdicts: tuple[Verdict, ...] = ()
    bookmarks: tuple[Bookmark, ...] = ()
    position: Position = Position()
    orphans: tuple[Verdict, ...] = ()  # verdicts whose figure no longer exists in the article
    removed_bookmarks: tuple[Removed, ...] = ()

    # ---------------------------------------------------------------- queries
    def verdict_for(self, key: FigureKey) -> Verdict | None:
        for v in self.verdicts:
            if v.key.ident == key.ident and v.verdict is not None:
                return v
        return None

    def entry_for(self, key: FigureKey) -> Verdict | None:
        """The record for ``key`` even when it holds only a note (no verdict)."""
        return next((v for v in self.verdicts if v.key.ident == key.ident), None)

    @property
    def active(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.verdict is not None or v.note)

    def reviewed_count(self) -> int:
        return sum(1 for v in self.verdicts if v.verdict is not None)

    # ---------------------------------------------------------------- changes
    def with_verdict(self, key: FigureKey, verdict: str | None, note: str | None = None) -> Review:
        if verdict is not None and verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        old = next((v for v in self.verdicts if v.key.ident == key.ident), None)
        kept_note = (old.note if old else "") if note is None else note
        new = Verdict(key, verdict, kept_note)
        others = tuple(v for v in self.verdicts if v.key.ident != key.ident)
        return replace(self, verdicts=tuple(sorted((*others, new), key=lambda v: v.key.start)))

    def with_note(self, key: FigureKey, note: str) -> Review:
        old = next((v for v in self.verdicts if v.key.ident == key.ident), None)
        return self.with_verdict(key, old.verdict if old else None, note)

    def with_bookmark(self, bookmark: Bookmark) -> Review:
        if any(b.offset == bookmark.offset for b in self.bookmarks):
            return self
        return replace(
            self,
            bookmarks=tuple(sorted((*self.bookmarks, bookmark), key=lambda b: b.offset)),
            removed_bookmarks=tuple(r for r in self.removed_bookmarks if r.offset != bookmark.offset),
        )

    def without_bookmark(self, offset: int) -> Review:
        if not any(b.offset == offset for b in self.bookmarks):
            return self
        removed = tuple(r for r in self.removed_bookmarks if r.offset != offset) + (Removed(offset),)
        return replace(
            self, bookmarks=tuple(b for b in self.bookmarks if b.offset != offset), removed_bookmarks=removed
        )

    def with_position(self, position: Position) -> Review:
        return replace(self, position=position)


def merge(ours: Review, theirs: Review) -> Review:
    """Combine two saves of the same article: per figure the later verdict wins,
    bookmarks are united, the position is ours (the process that saves last)."""
    by_ident: dict[str, Verdict] = {v.key.ident: v for v in theirs.verdicts}
    for v in ours.verdicts:
        other = by_ident.get(v.key.ident)
        if other is None or v.updated >= other.updated:
            by_ident[v.key.ident] = v
    bookmarks = {b.offset: b for b in theirs.bookmarks}
    bookmarks.update({b.offset: b for b in ours.bookmarks})
    removed: dict[int, Removed] = {}
    for r in (*theirs.removed_bookmarks, *ours.removed_bookmarks):
        if r.offset not in removed or r.when >= removed[r.offset].when:
            removed[r.offset] = r
    for offset, r in list(removed.items()):
        # a deletion wins over the bookmark it deleted, not over one made again later
        if offset in bookmarks and bookmarks[offset].created > r.when:
            del removed[offset]
        else:
            bookmarks.pop(offset, None)
    orphans = {v.key.ident: v for v in (*theirs.orphans, *ours.orphans)}
    return Review(
        verdicts=tuple(sorted(by_ident.values(), key=lambda v: v.key.start)),
        bookmarks=tuple(sorted(bookmarks.values(), key=lambda b: b.offset)),
        position=ours.position,
        orphans=tuple(orphans.values()),
        removed_bookmarks=tuple(sorted(removed.values(), key=lambda r: r.offset)),
    )


def reattach(review: Review, text: str, figure_spans: list[tuple[int, int]]) -> Review:
    """Re-key verdicts made on an earlier version of the article to ``text``.

    A verdict follows the figure with the same text whose context matches best
    (exact offset first, then the most matching context characters); verdicts
    with no such figure become orphans, listed in the report, never dropped.
    """
    candidates: dict[str, list[FigureKey]] = {}
    for start, end in figure_spans:
        key = FigureKey.at(text, start, end)
        candidates.setdefault(key.text, []).append(key)
    taken: set[str] = set()
    kept: list[Verdict] = []
    orphans = list(review.orphans)
    for v in review.verdicts:
        options = [k for k in candidates.get(v.key.text, []) if k.ident not in taken]
        if not options:
            if v.verdict is not None or v.note:
                orphans.append(v)
            continue
        best = max(
            options, key=lambda k: (_context_score(v.key, k), k.start == v.key.start, -abs(k.start - v.key.start))
        )
        if _context_score(v.key, best) < _MIN_CONTEXT and (best.before, best.after) != (v.key.before, v.key.after):
            # the same number elsewhere, in another context, is not the figure reviewed
            if v.verdict is not None or v.note:
                orphans.append(v)
            continue
        taken.add(best.ident)
        kept.append(replace(v, key=best))
    position = review.position
    bookmarks = tuple(b for b in review.bookmarks if b.offset <= len(text))
    return Review(tuple(kept), bookmarks, position, tuple(orphans), review.removed_bookmarks)


def relocate(review: Review, text: str) -> Review:
    """Re-key a review made on another version of ``text`` (a preview cleaned before its
    mojibake was repaired) without knowing its figures: each verdict follows the occurrence of
    its figure's text whose context matches best; bookmarks follow their excerpt.  What is at
    its place already stays; a verdict whose figure is not found is kept as it is (the store's
    :func:`reattach` orphans it once the figures are known).

    >>> old = Review().with_verdict(FigureKey.at("亂碼??本季公司營收223萬元，同比增長。", 10, 15), "wrong")
    >>> moved = relocate(old, "繁體本季公司營收223萬元，同比增長。")
    >>> [(v.key.start, v.key.text, v.verdict) for v in moved.verdicts]
    [(8, '223萬元', 'wrong')]
    >>> relocate(moved, "繁體本季公司營收223萬元，同比增長。") == moved
    True
    """
    verdicts = tuple(_relocated(v, text) for v in review.verdicts)
    bookmarks = {}
    for b in review.bookmarks:
        at = _nearest(text, b.excerpt, b.offset) if b.excerpt else -1
        moved = b if at < 0 else replace(b, offset=at)
        bookmarks[moved.offset] = moved
    if verdicts == review.verdicts and tuple(bookmarks.values()) == review.bookmarks:
        return review
    return replace(
        review,
        verdicts=tuple(sorted(verdicts, key=lambda v: v.key.start)),
        bookmarks=tuple(sorted(bookmarks.values(), key=lambda b: b.offset)),
    )


def _relocated(v: Verdict, text: str) -> Verdict:
    key = relocate_key(v.key, text)
    return v if key is v.key else replace(v, key=key)


def relocate_key(key: FigureKey, text: str) -> FigureKey:
    """``key`` (a figure of another version of ``text``) moved to the occurrence of its figure's
    text whose context matches best; ``key`` itself when it is in place or not found."""
    if text[key.start : key.start + len(key.text)] == key.text:
        here = FigureKey.at(text, key.start, key.start + len(key.text))
        if (here.before, here.after) == (key.before, key.after):
            return key
    best: tuple[int, int] | None = None
    at = text.find(key.text)
    while at >= 0 and key.text:
        score = (_context_score(key, FigureKey.at(text, at, at + len(key.text))), -abs(at - key.start))
        if best is None or score > (best[0], -abs(best[1] - key.start)):
            best = (score[0], at)
        at = text.find(key.text, at + 1)
    if best is None or best[0] < _MIN_CONTEXT // 2:
        return key
    return FigureKey.at(text, best[1], best[1] + len(key.text))


def _nearest(text: str, excerpt: str, offset: int) -> int:
    """The start of the occurrence of ``excerpt`` in ``text`` nearest ``offset`` (-1: none)."""
    before, after = text.rfind(excerpt, 0, offset + len(excerpt)), text.find(excerpt, offset)
    found = [k for k in (before, after) if k >= 0]
    return min(found, key=lambda k: abs(k - offset)) if found else -1


def figure_keys(text: str, figures) -> list[FigureKey]:
    """The key of each figure (anything with ``start`` and ``end`` offsets into ``text``)."""
    return [FigureKey.at(text, f.start, f.end) for f in figures]


def verdicts_by_figure(review: Review, text: str, figures, starts: list[int] | None = None) -> dict[int, Verdict]:
    """Index of each figure that has a verdict or a note -> its record.

    ``figures`` are in document order; ``starts`` (their start offsets) may be
    passed in when the caller keeps them, so the cost follows the number of
    verdicts, not of figures (a long article has tens of thousands).

    >>> from types import SimpleNamespace as F
    >>> text = "賣出223萬元，粉絲2.8萬"
    >>> figs = [F(start=2, end=7), F(start=10, end=14)]
    >>> review = Review().with_verdict(FigureKey.at(text, 10, 14), "wrong")
    >>> {k: v.verdict for k, v in verdicts_by_figure(review, text, figs).items()}
    {1: 'wrong'}
    """
    if starts is None:
        starts = [f.start for f in figures]
    out: dict[int, Verdict] = {}
    for v in review.verdicts:
        if v.verdict is None and not v.note:
            continue
        k = bisect.bisect_left(starts, v.key.start)
        while k < len(starts) and starts[k] == v.key.start:
            f = figures[k]
            if text[f.start : f.end] == v.key.text:
                out[k] = v
                break
            k += 1
    return out


def _context_score(old: FigureKey, new: FigureKey) -> int:
    score = 0
    for a, b in zip(reversed(old.before), reversed(new.before)):
        if a != b:
            break
        score += 1
    for a, b in zip(old.after, new.after):
        if a != b:
            break
        score += 1
    return score
