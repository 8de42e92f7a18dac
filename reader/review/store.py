"""Persistence of reviews: one JSON file per article, atomic, merged, never lost.

* Files live in the user state directory (``$KREADER_STATE_DIR`` overrides
  it), named by the hash of the article's clean text; the path is stored for
  display and to find the review of an article that has since changed.
* A save takes an exclusive lock, re-reads the file, merges (so two kreader
  processes keep each other's verdicts) and writes a temporary file in the
  same directory which is flushed, fsynced and renamed over the old one.
* A file that does not parse or has an unknown schema is moved aside as
  ``*.corrupt-<time>`` and reported, never deleted.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import locations
from reader.review.model import (
    VERDICTS,
    Bookmark,
    FigureKey,
    Position,
    Removed,
    Review,
    Verdict,
    merge,
    reattach,
    relocate,
    text_hash,
)
from reader.review.names import NAME_MAX, TEMP_EXTRA, shortened

SCHEMA = 1
PREVIEWS = "previews"  # reviews given on an article's preview, before its whole text was known


def state_dir() -> Path:
    return locations.state_dir()


# ------------------------------------------------------------ (de)serialise


def review_to_json(review: Review, article_path: str, article_hash: str) -> dict[str, Any]:
    def verdict(v: Verdict) -> dict[str, Any]:
        k = v.key
        return {
            "text": k.text,
            "start": k.start,
            "before": k.before,
            "after": k.after,
            "verdict": v.verdict,
            "note": v.note,
            "updated": v.updated,
        }

    return {
        "schema": SCHEMA,
        "article": {"path": article_path, "hash": article_hash},
        "verdicts": [verdict(v) for v in review.verdicts],
        "orphans": [verdict(v) for v in review.orphans],
        "bookmarks": [
            {"offset": b.offset, "section": b.section, "excerpt": b.excerpt, "created": b.created}
            for b in review.bookmarks
        ],
        "position": {"section": review.position.section, "offset": review.position.offset},
        "removed_bookmarks": [{"offset": r.offset, "when": r.when} for r in review.removed_bookmarks],
    }


class InvalidReview(ValueError):
    """A state file that is not a valid schema-1 review."""


def review_from_json(data: Any) -> Review:
    """Every field checked for its type and range (a file is edited, truncated, or written by
    another version): raises :class:`InvalidReview` on anything else, never something else.

    >>> review_from_json({"schema": 1, "verdicts": [], "bookmarks": [], "position": {"section": 0, "offset": 9}})
    Review(verdicts=(), bookmarks=(), position=Position(section=0, offset=9), orphans=(), removed_bookmarks=())
    >>> review_from_json({"schema": 1, "verdicts": [], "bookmarks": [], "position": {"section": 0, "offset": 1e400}})
    Traceback (most recent call last):
    reader.review.store.InvalidReview: position.offset: expected a whole number ≥ 0, got float
    """
    top = _object(data, "review")
    if top.get("schema") != SCHEMA:
        raise InvalidReview(f"unknown schema {top.get('schema')!r:.20}")
    position = _object(top.get("position"), "position")
    return Review(
        verdicts=tuple(_verdict(d) for d in _list(top, "verdicts")),
        bookmarks=tuple(
            Bookmark(_count(b, "offset"), _count(b, "section"), _text(b, "excerpt"), _text(b, "created"))
            for b in map(_object, _list(top, "bookmarks"))
        ),
        position=Position(_count(position, "section", "position."), _count(position, "offset", "position.")),
        orphans=tuple(_verdict(d) for d in _list(top, "orphans", required=False)),
        removed_bookmarks=tuple(
            Removed(_count(r, "offset"), _text(r, "when")) for r in map(_object, _list(top, "removed_bookmarks", False))
        ),
    )


def _verdict(item: Any) -> Verdict:
    d = _object(item, "verdict")
    key = FigureKey(_text(d, "text"), _count(d, "start"), _text(d, "before"), _text(d, "after"))
    verdict = d.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise InvalidReview(f"verdict: expected one of {VERDICTS} or null, got {verdict!r:.20}")
    return Verdict(key, verdict, _text(d, "note", ""), _text(d, "updated"))


def _object(value: Any, what: str = "item") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidReview(f"{what}: expected an object, got {type(value).__name__}")
    return value


def _list(d: dict[str, Any], name: str, required: bool = True) -> list[Any]:
    value = d.get(name, None if required else [])
    if not isinstance(value, list):
        raise InvalidReview(f"{name}: expected a list, got {type(value).__name__}")
    return value


def _count(d: dict[str, Any], name: str, where: str = "") -> int:
    """An offset or an index: a whole number that fits the text (never a float, bool or infinity)."""
    value = d.get(name)
    if type(value) is not int or not 0 <= value < 2**53:
        raise InvalidReview(f"{where}{name}: expected a whole number ≥ 0, got {type(value).__name__}")
    return value


def _text(d: dict[str, Any], name: str, default: str | None = None) -> str:
    value = d.get(name, default)
    if not isinstance(value, str):
        raise InvalidReview(f"{name}: expected a string, got {type(value).__name__}")
    return value


def _parse(raw: bytes) -> Any:
    """JSON as the standard allows it: no NaN or Infinity; a nesting too deep is invalid too."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise InvalidReview("nested too deeply") from None


def _no_constant(name: str) -> Any:
    raise InvalidReview(f"{name} is not a number JSON allows")


# ------------------------------------------------------------------ files


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` so that ``path`` holds either the old or the new bytes, whatever happens."""
    # the temporary name is the final one and 14 bytes: a long final name is cut to leave room
    fd, tmp = tempfile.mkstemp(
        prefix=f".{shortened(path.name, NAME_MAX - TEMP_EXTRA)}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


TEMP_AGE = 600  # seconds: a temporary file this old is a save that was killed, not one under way


def sweep_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove what :func:`atomic_write` left behind when a save was killed (``.*.tmp``
    older than :data:`TEMP_AGE`, so never another process's save under way); the removed."""
    now = time.time() if now is None else now
    removed = []
    for tmp in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove
            st = tmp.lstat()
            if now - st.st_mtime > TEMP_AGE and stat.S_ISREG(st.st_mode):
                tmp.unlink()
                removed.append(tmp)
    return removed


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path.with_suffix(".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _aside_name(path: Path) -> Path:
    """``path.corrupt-<time>``, never one that exists already (it is kept, not replaced)."""
    base = f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"
    aside, n = path.with_name(base), 1
    while aside.exists():
        aside, n = path.with_name(f"{base}-{n}"), n + 1
    return aside


@dataclass
class LoadResult:
    review: Review
    notices: list[str]


class ReviewStore:
    """The saved review of one article (identified by its clean text)."""

    def __init__(
        self, article_path: str, clean_text: str, figure_spans: list[tuple[int, int]], directory: Path | None = None
    ) -> None:
        self.article_path = os.path.abspath(article_path) if not article_path.startswith("<") else article_path
        self.text = clean_text
        self.hash = text_hash(clean_text)
        self.figure_spans = figure_spans
        self.dir = directory or state_dir()
        self.path = self.dir / f"{self.hash[:32]}.json"
        self.save_notices: list[str] = []
        self.absorbed: list[Path] = []  # preview reviews merged in by load(), removed by the next save

    @classmethod
    def for_preview(cls, article_path: str, preview_text: str) -> ReviewStore:
        """Where a review given on an article's preview is kept until the whole article is
        opened (then :meth:`load` merges it into the article's own review)."""
        return cls(article_path, preview_text, [], state_dir() / PREVIEWS)

    # ----------------------------------------------------------------- read
    def _read(self, path: Path, notices: list[str]) -> Review | None:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return review_from_json(_parse(raw))
        except (ValueError, KeyError, TypeError) as err:  # InvalidReview, JSONDecodeError, UnicodeDecodeError
            aside = _aside_name(path)
            with contextlib.suppress(OSError):
                os.replace(path, aside)
                notices.append(
                    f"review file was unreadable ({type(err).__name__}: {err}); kept as {aside.name}, starting afresh"
                )
            return None

    def previous_version(self) -> Path | None:
        """The newest saved review of another text of the same file (the article changed), if any."""
        if self.article_path.startswith("<"):
            return None  # standard input has no identity but its text: "<stdin>" is every piped article
        best: tuple[float, Path] | None = None
        for candidate in self.dir.glob("*.json"):
            if candidate == self.path:
                continue
            try:
                data = _parse(candidate.read_bytes())
                if data.get("article", {}).get("path") != self.article_path:
                    continue
                mtime = candidate.stat().st_mtime
            except (OSError, ValueError, AttributeError):  # another article's file, spoiled: not ours to judge
                continue
            if best is None or mtime > best[0]:
                best = (mtime, candidate)
        return best[1] if best else None

    def _previous_version(self, notices: list[str]) -> Review | None:
        """The review of an earlier version of the same file, re-attached to this text."""
        best = self.previous_version()
        if best is None:
            return None
        old = self._read(best, notices)
        if old is None:
            return None
        moved = reattach(old, self.text, self.figure_spans)
        notices.append(
            f"the article changed since the last review: {len(moved.verdicts)} verdicts re-attached, "
            f"{len(moved.orphans) - len(old.orphans)} orphaned"
        )
        return moved

    def has_saved(self) -> bool:
        """Is there a saved review of exactly this text (no re-attaching needed)?"""
        return self.path.exists()

    def load(self) -> LoadResult:
        notices: list[str] = []
        for folder in (self.dir, self.dir / "reports", self.dir / PREVIEWS):  # reviews, exports, previews
            sweep_temporaries(folder)
        with _locked(self.path):
            review = self._read(self.path, notices)
        if review is None:
            review = self._previous_version(notices) or Review()
        return LoadResult(self._absorb_previews(review, notices), notices)

    def _absorb_previews(self, review: Review, notices: list[str]) -> Review:
        """``review`` merged with what was given on this article's preview in a session that
        ended before the whole article was open (quit, killed, or another article shown)."""
        folder = self.dir / PREVIEWS
        if self.article_path.startswith("<") or not folder.is_dir():
            return review  # standard input: "<stdin>" is every piped article
        for candidate in sorted(folder.glob("*.json")):
            try:
                if _parse(candidate.read_bytes()).get("article", {}).get("path") != self.article_path:
                    continue
            except (OSError, ValueError, AttributeError):
                continue  # another article's, spoiled: not ours to judge
            with _locked(candidate):
                given = self._read(candidate, notices)
            if given is not None:
                review = merge(review, relocate(given, self.text))
                self.absorbed.append(candidate)
        return review

    # ---------------------------------------------------------------- write
    def save(self, review: Review) -> Review:
        """Merge with what is on disk (another process may have saved) and write atomically."""
        notices: list[str] = []
        self.save_notices = notices  # a file spoiled since the load is moved aside: the caller tells the user
        self.dir.mkdir(parents=True, exist_ok=True)  # the previews' folder is made by the first one
        with _locked(self.path):
            on_disk = self._read(self.path, notices)
            merged = merge(review, on_disk) if on_disk is not None else review
            payload = json.dumps(review_to_json(merged, self.article_path, self.hash), ensure_ascii=False, indent=1)
            atomic_write(self.path, payload.encode("utf-8"))
        for given in self.absorbed:  # now in this review, on disk
            with contextlib.suppress(OSError):
                given.unlink()
                given.with_suffix(".lock").unlink()
        self.absorbed = []
        return merged
