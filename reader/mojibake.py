"""GBK byte-misalignment mojibake repair (placeholder until the real pass lands)."""

from __future__ import annotations

from .edits import Edit


def mojibake_edits(text: str) -> list[Edit]:
    return []
