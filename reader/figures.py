"""Figures: every quantity the article quotes (contract; implementation in progress)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    text: str  # as written in the clean text (original script), e.g. "超過400位"
    value: float | str  # normalized: 2230000.0, 60.0, "--09-10", "2018"
    value_max: float | str | None  # upper end of a range, else None
    unit: str  # "元", "位", "%", "倍", "" ...
    kind: str  # money|count|percent|multiple|fraction|date|year|duration|number
    qualifier: str  # ""|"approx"|"over"|"under"
    label: str  # what it measures ("粉絲", "銷售額"); "" until labelled
    sentence: str  # the sentence holding it
    section: int  # index into Document.sections
    start: int  # offsets in Document.text: text == doc.text[start:end]
    end: int
    vague: bool = False  # 上萬, 數萬, 近千 ...


def extract_figures(doc) -> tuple[Figure, ...]:
    """Every figure of ``doc`` in document order, without labels (fast, no jieba)."""
    raise NotImplementedError


def label_figures(doc, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The same figures with ``label`` filled from their clause (uses reader.segment)."""
    raise NotImplementedError
