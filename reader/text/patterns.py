"""Regex patterns compiled the first time they are needed.

Every kreader process compiles the patterns of the modules it imports, and a pattern with a
large character class (all Han, a list of invisible characters) takes up to a millisecond:
the ones only some texts need (a control character, a UTF-16 file without its mark, a decoded
entity) are kept as strings and compiled here on first use, once per process.

>>> compiled("[a-c]+") is compiled("[a-c]+"), compiled("[a-c]+").fullmatch("cab") is not None
(True, True)
"""

from __future__ import annotations

import functools
import re


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern``, compiled on its first use in this process."""
    return re.compile(pattern)
