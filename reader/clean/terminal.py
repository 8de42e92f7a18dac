"""Terminal safety: escape sequences, control, bidi and zero-width characters; CR/CRLF -> LF.

>>> [e.kind for e in control_edits("a\\r\\nb\\x1b[31mc")]
['newline', 'escape']
"""

from __future__ import annotations

import re

from reader.clean.edits import Edit
from reader.text.patterns import compiled

# Characters that are never text a reader should see, and some of which act on a
# terminal or reorder what it shows: (first, last, why).  Removed wherever they
# stand, each removal listed as a repair.  Variation selectors and joiners of
# scripts' own sequences (U+180B-180D, U+115F/1160) are text and stay.
INVISIBLE_RANGES: tuple[tuple[str, str, str], ...] = (
    ("\x00", "\x08", "C0 control"),
    ("\x0b", "\x0c", "C0 control"),
    ("\x0e", "\x1a", "C0 control"),
    ("\x1c", "\x1f", "C0 control"),
    ("\x7f", "\x7f", "DEL"),
    ("\x80", "\x9f", "C1 control"),
    ("\u00ad", "\u00ad", "soft hyphen"),
    ("\u034f", "\u034f", "combining grapheme joiner"),
    ("\u061c", "\u061c", "Arabic letter mark (bidi)"),
    ("\u17b4", "\u17b5", "Khmer inherent vowel (invisible)"),
    ("\u180e", "\u180e", "Mongolian vowel separator"),
    ("\u200b", "\u200f", "zero-width or bidi mark"),
    ("\u202a", "\u202e", "bidi embedding or override"),
    ("\u2060", "\u2064", "word joiner or invisible operator"),
    ("\u2066", "\u2069", "bidi isolate"),
    ("\u206a", "\u206f", "deprecated format character"),
    ("\u3164", "\u3164", "Hangul filler"),
    ("\ufeff", "\ufeff", "zero-width no-break space (stray BOM)"),
    ("\uffa0", "\uffa0", "halfwidth Hangul filler"),
    ("\ufff9", "\ufffb", "interlinear annotation"),
    ("\U0001bca0", "\U0001bca3", "shorthand format control"),
    ("\U000e0000", "\U000e007f", "tag character"),
)
INVISIBLE_CLASS = "".join(a if a == b else f"{a}-{b}" for a, b, _why in INVISIBLE_RANGES)
_INVISIBLE = f"[{INVISIBLE_CLASS}]"


def invisible_why(ch: str) -> str:
    """Why ``ch`` is removed as invisible ('' when it is not).

    >>> invisible_why("\\u00ad"), invisible_why("\\U000e0041"), invisible_why("a")
    ('soft hyphen', 'tag character', '')
    """
    return next((why for a, b, why in INVISIBLE_RANGES if a <= ch <= b), "")


# ESC-introduced sequences: CSI (ESC [ … final) and OSC/DCS/SOS/PM/APC strings
# (ESC ] P X ^ _ … terminated by BEL or ST) and two-character escapes; the 8-bit
# CSI (0x9b) likewise.  A string whose terminator is missing ends at its line:
# a terminal would swallow up to the next BEL/ST, but a file cannot be trusted to
# have one, and the following lines are the article.  The 8-bit string
# introducers (0x90 0x98 0x9d 0x9e 0x9f) are removed alone, as controls: in
# decoded text they are nearly always cp1252 bytes read as Latin-1, and once the
# introducer is gone what followed it is plain text.  An 8-bit string that is complete
# on its line (printable ASCII closed by BEL or ST) is a real sequence and goes whole.
_ESCAPES = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\r\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\x90\x98\x9d\x9e\x9f][ -~]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)

_CONTROL = r"\r\n?|" + _ESCAPES + "|" + _INVISIBLE
# Where a match may start (a superset: every character beyond the Basic Multilingual Plane, where
# the invisible ones are few, since the engine tries the ranges of a class beyond it one by one at
# every character of the text; _CONTROL is matched at each, and finds nothing at the others).
_CONTROL_START = re.compile(
    "[\r\x1b"
    + "".join(a if a == b else f"{a}-{b}" for a, b, _why in INVISIBLE_RANGES if b <= "\uffff")
    + "\U00010000-\U0010ffff]"
)


def control_edits(text: str) -> list[Edit]:
    """Remove escape sequences and control/bidi/zero-width characters; CR/CRLF -> LF.

    >>> [e.kind for e in control_edits("a\\r\\nb\\x1b]52;c;SGVsbG8=\\x07c\\u202e")]
    ['newline', 'escape', 'control']
    >>> [(e.start, e.end, e.kind) for e in control_edits("a\\x9d0;T\\x9cb\\x9d第二段")]
    [(1, 6, 'escape'), (7, 8, 'control')]
    >>> [e.new for e in control_edits("第一段，\\r接著說。\\n" + "下一段。\\n" * 4)]
    ['']
    >>> [e.new for e in control_edits("第一段，\\r接著說。\\r第二段。\\n")]
    ['\\n', '\\n']
    """
    edits: list[Edit] = []
    taken = 0
    # lone CRs are stray only in a text whose lines end in LF (not in an old Mac file's)
    lone_cr = text.count("\r")
    lone_cr -= text.count("\r\n") if lone_cr else 0
    has_lf = lone_cr > 0 and text.count("\n") > 4 * lone_cr
    # Every match starts with one of a few characters: find those with one character class
    # (8x faster over a book than the alternation) and match the whole pattern only there.
    for first in _CONTROL_START.finditer(text):
        if first.start() < taken:
            continue
        m = compiled(_CONTROL).match(text, first.start())
        if m is None or not m.group():
            continue
        g = m.group()
        if g == "\r" and has_lf and _stray_cr(text, m.start()):
            edits.append(Edit(m.start(), m.end(), "", "newline", "stray CR inside a sentence"))
        elif g[0] == "\r":
            edits.append(Edit(m.start(), m.end(), "\n", "newline"))
        elif g != "\x9b" and compiled(_INVISIBLE).fullmatch(g):
            edits.append(Edit(m.start(), m.end(), "", "control", f"U+{ord(g):04X} {invisible_why(g)}"))
        else:
            edits.append(Edit(m.start(), m.end(), "", "escape", "terminal escape sequence"))
        taken = m.end()
    return edits


# What a sentence goes on after: a lone CR right after one of these, in a text whose lines end
# in LF, split a paragraph (a scraper's stray CR), and the two halves are joined again.
_GOES_ON = "，、；,;"  # (not a colon: a label line "相关阅读：" ends in one)


def _stray_cr(text: str, at: int) -> bool:
    """Whether the lone CR at ``at`` stands inside a sentence (text on both sides, a comma before).

    >>> _stray_cr("甲，\\r乙", 2), _stray_cr("甲。\\r乙", 2), _stray_cr("甲，\\r", 2)
    (True, False, False)
    """
    return at > 0 and text[at - 1] in _GOES_ON and at + 1 < len(text) and text[at + 1] not in "\r\n"
