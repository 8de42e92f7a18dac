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
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import locations
from reader.review.model import Bookmark, FigureKey, Position, Removed, Review, Verdict, merge, reattach, text_hash

SCHEMA = 1


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


def review_from_json(data: Any) -> Review:
    """Raises ValueError/KeyError/TypeError on anything that is not a valid schema-1 review."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"unknown schema {data.get('schema') if isinstance(data, dict) else '?'}")

    def verdict(d: dict[str, Any]) -> Verdict:
        key = FigureKey(str(d["text"]), int(d["start"]), str(d["before"]), str(d["after"]))
        v = d["verdict"]
        if v is not None and not isinstance(v, str):
            raise TypeError("verdict must be a string or null")
        return Verdict(key, v, str(d.get("note", "")), str(d["updated"]))

    return Review(
        verdicts=tuple(verdict(d) for d in data["verdicts"]),
        bookmarks=tuple(
            Bookmark(int(b["offset"]), int(b["section"]), str(b["excerpt"]), str(b["created"]))
            for b in data["bookmarks"]
        ),
        position=Position(int(data["position"]["section"]), int(data["position"]["offset"])),
        orphans=tuple(verdict(d) for d in data.get("orphans", [])),
        removed_bookmarks=tuple(Removed(int(r["offset"]), str(r["when"])) for r in data.get("removed_bookmarks", [])),
    )


# ------------------------------------------------------------------ files


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` so that ``path`` holds either the old or the new bytes, whatever happens."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path.with_suffix(".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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

    # ----------------------------------------------------------------- read
    def _read(self, path: Path, notices: list[str]) -> Review | None:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return review_from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as err:
            aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
            with contextlib.suppress(OSError):
                os.replace(path, aside)
                notices.append(
                    f"review file was unreadable ({type(err).__name__}); kept as {aside.name}, starting afresh"
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
                data = json.loads(candidate.read_text(encoding="utf-8"))
                if data.get("article", {}).get("path") != self.article_path:
                    continue
                mtime = candidate.stat().st_mtime
            except (OSError, ValueError, AttributeError):
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
        with _locked(self.path):
            review = self._read(self.path, notices)
        if review is None:
            review = self._previous_version(notices) or Review()
        return LoadResult(review, notices)

    # ---------------------------------------------------------------- write
    def save(self, review: Review) -> Review:
        """Merge with what is on disk (another process may have saved) and write atomically."""
        notices: list[str] = []
        self.save_notices = notices  # a file spoiled since the load is moved aside: the caller tells the user
        with _locked(self.path):
            on_disk = self._read(self.path, notices)
            merged = merge(review, on_disk) if on_disk is not None else review
            payload = json.dumps(review_to_json(merged, self.article_path, self.hash), ensure_ascii=False, indent=1)
            atomic_write(self.path, payload.encode("utf-8"))
        return merged
