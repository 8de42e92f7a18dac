"""JSON for terminals and pipes: exact text, but nothing in it acts on a terminal."""

from __future__ import annotations

import json
from typing import TextIO

from reader.text.visible import inert_json

__all__ = ["inert_json", "write_json"]


def write_json(data: object, out: TextIO) -> None:
    """JSON with the text kept exact but inert on a terminal: every non-printable
    character (C1 controls, bidi overrides, zero-width) is written as a \\u escape.
    """
    out.write(inert_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
