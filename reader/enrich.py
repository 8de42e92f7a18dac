"""Enrichment entry points: a Document in, a Document with figures/keywords out.

The CLI calls these directly; the TUI runs them in workers (figures first,
without jieba, then labels and keywords once jieba has loaded).
"""

from __future__ import annotations

from dataclasses import replace

from .document import Document


def with_figures(doc: Document, labels: bool = True) -> Document:
    from .figures import extract_figures, label_figures

    figures = doc.figures or extract_figures(doc)
    if labels:
        figures = label_figures(doc, figures)
    return replace(doc, figures=tuple(figures))


def with_keywords(doc: Document, top: int = 20) -> Document:
    from .keywords import extract_keywords

    return replace(doc, keywords=tuple(extract_keywords(doc, top=top)))


def enrich(doc: Document) -> Document:
    """Everything: figures with labels, and keywords."""
    return with_keywords(with_figures(doc))
