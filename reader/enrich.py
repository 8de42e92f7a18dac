"""Enrichment entry points: a Document in, a Document with figures/keywords out.

The CLI calls these directly; the TUI runs them in workers (figures first,
without jieba, then labels and keywords once jieba has loaded).
"""

from __future__ import annotations

from dataclasses import replace

from reader.document import Document


def with_figures(doc: Document, labels: bool = True) -> Document:
    from reader.figures.extract import extract_figures, label_figures

    figures = doc.figures or extract_figures(doc)
    if labels:
        figures = label_figures(doc, figures)
    return replace(doc, figures=tuple(figures))


def enrich(doc: Document) -> Document:
    """Everything: figures with labels, and keywords."""
    from reader.keywords import with_keywords

    return with_keywords(with_figures(doc))
