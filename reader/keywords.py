"""Keywords: jieba TF-IDF on the Simplified form (contract; implementation in progress)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keyword:
    word: str  # Simplified form, e.g. "服务商"
    weight: float  # TF-IDF weight (1.0 for user-added terms)
    spans: tuple[tuple[int, int], ...]  # (start, end) in Document.text, any script form
    user: bool = False  # added by the user rather than computed


def extract_keywords(doc, top: int = 20) -> tuple[Keyword, ...]:
    raise NotImplementedError


def user_keyword(doc, term: str) -> Keyword:
    """A user-added term with its spans (matched in both scripts)."""
    raise NotImplementedError
