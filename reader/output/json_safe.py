"""JSON for terminals and pipes: exact text, but nothing in it acts on a terminal."""

from __future__ import annotations

import json
from typing import TextIO


def write_json(data: object, out: TextIO) -> None:
    """JSON with the text kept exact but inert on a terminal: every non-printable
    character (C1 controls, bidi overrides, zero-width) is written as a \\u escape.
    """
    out.write(inert_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")


def inert_json(text: str) -> str:
    """JSON text with its non-printable characters (other than line breaks) as escapes.

    >>> inert_json('"a\u202eb"')
    '"a\\\\u202eb"'
    """
    # str.isprintable runs in C: only the rare line that fails it is rebuilt character by character.
    if text.replace("\n", "").isprintable():
        return text
    lines = text.split("\n")
    return "\n".join(line if line.isprintable() else _escape_unprintable(line) for line in lines)


def _escape_unprintable(line: str) -> str:
    return "".join(c if c.isprintable() else _json_escape(c) for c in line)


def _json_escape(c: str) -> str:
    return json.dumps(c)[1:-1] if ord(c) > 0xFFFF else f"\\u{ord(c):04x}"
