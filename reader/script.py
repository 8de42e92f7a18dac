"""Script conversion with OpenCC (contract; implementation in progress).

SCRIPTS: "original", "simp" (t2s), "trad" (s2t), "tw" (s2twp), "hk" (s2hk).
"""

from __future__ import annotations

SCRIPTS = ("original", "simp", "trad", "tw", "hk")


def detect_script(text: str) -> str:
    """"trad", "simp", "mixed" or "none"."""
    raise NotImplementedError


def convert(text: str, script: str):
    """-> Converted(text, to_converted(offset), to_original(offset)); cached per (text, script)."""
    raise NotImplementedError
