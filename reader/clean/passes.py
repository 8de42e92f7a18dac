"""Cleaning: ordered pure passes that repair scraped text and record every change.

Each pass maps a text to a list of :class:`~reader.clean.edits.Edit`; :func:`clean`
applies them in order, keeps every :class:`~reader.clean.edits.Repair` (offsets in
the final text) and collects the pinyin readings the source carried.

>>> clean("a\\x1b[31mb\\r\\nc&amp;d<b>e</b>").text
'ab\\nc&de'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from reader.clean.edits import Edit, OffsetMap, apply_edits, edited_text
from reader.clean.mojibake.repair import mojibake_edits, mojibake_repaired
from reader.clean.pinyin_notes import pinyin_applied, pinyin_edits, pinyin_stripped
from reader.clean.repair_log import Readings, Repairs
from reader.runtime.parallel import fork_map, line_pieces, pieces_for

Pass = Callable[..., list[Edit]]  # (text) or (text, start, end) for the line-local ones

# ------------------------------------------------------------ terminal safety

# ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings
# (ESC ] P X ^ _ … terminated by BEL or ST) and two-character escapes; the
# 8-bit C1 forms (CSI 0x9b, OSC 0x9d, DCS 0x90 …) likewise.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# Remaining controls (all of C0 but tab and newline, DEL, C1), bidi
# embeddings/overrides/isolates, zero-width characters and a stray BOM: none
# of them is text a reader should see, and some would act on the terminal.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\x80-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


_CONTROL = re.compile(r"\r\n?|" + _ESCAPES.pattern + "|" + _INVISIBLE.pattern)
_CONTROL_START = re.compile("[\r\x1b" + _INVISIBLE.pattern[1:-1] + "]")


def control_edits(text: str) -> list[Edit]:
    """Remove escape sequences and control/bidi/zero-width characters; CR/CRLF -> LF.

    >>> [e.kind for e in control_edits("a\\r\\nb\\x1b]52;c;SGVsbG8=\\x07c\\u202e")]
    ['newline', 'escape', 'control']
    """
    edits: list[Edit] = []
    taken = 0
    # Every match starts with one of a few characters: find those with one character class
    # (8x faster over a book than the alternation) and match the whole pattern only there.
    for first in _CONTROL_START.finditer(text):
        if first.start() < taken:
            continue
        m = _CONTROL.match(text, first.start())
        if m is None or not m.group():
            continue
        g = m.group()
        if g[0] == "\r":
            edits.append(Edit(m.start(), m.end(), "\n", "newline"))
        elif _INVISIBLE.fullmatch(g) and g not in "\x9b\x9d\x90\x98\x9e\x9f":
            edits.append(Edit(m.start(), m.end(), "", "control", f"U+{ord(g):04X}"))
        else:
            edits.append(Edit(m.start(), m.end(), "", "escape", "terminal escape sequence"))
        taken = m.end()
    return edits


# ------------------------------------------------------------------- HTML

# A tag cut off by the end of the text: within its line (it swallows the rest of it).
_CUT_OFF_TAG = r"<[A-Za-z][A-Za-z0-9:-]*(?:[ \t][^<>\n]*)?\s*"
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comments, also one cut off at the end
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"  # complete tags
    r"|" + _CUT_OFF_TAG + r"\Z",
    re.S,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def html_edits(text: str) -> list[Edit]:
    """Strip HTML tags (and one truncated at the end) and unescape entities.

    >>> [(e.new, e.kind) for e in html_edits('a&nbsp;b<p style="x">c')]
    [('', 'html'), ('\\xa0', 'entity')]
    >>> html_edits("a < b and c > d")
    []
    """
    edits: list[Edit] = []
    for m in _TAG.finditer(text):
        g = m.group()
        # A truncated tag swallows the rest of its line; keep the line break.
        start = m.start()
        if m.end() == len(text) and not g.endswith(">"):
            # also drop the blank/indented lead-in of that last line
            while start > 0 and text[start - 1] in " \t":
                start -= 1
        edits.append(Edit(start, m.end(), "", "html", "truncated tag" if not g.endswith(">") else "tag"))
    edits += _truncated_tail(text, edits)
    taken = [(e.start, e.end) for e in edits]
    for m in _ENTITY.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        new = html.unescape(m.group())
        if new == m.group() or _would_make_markup(new, text, m.end()):
            continue
        if _UNSAFE_DECODED.search(new):
            # &#27; &#x202e; &#8203;: an entity must not smuggle in what the control pass removes
            edits.append(Edit(m.start(), m.end(), "", "control", f"entity for U+{ord(new[0]):04X} removed"))
            continue
        edits.append(Edit(m.start(), m.end(), new, "entity"))
    return edits


_TRUNCATED = re.compile(_CUT_OFF_TAG)


def _truncated_tail(text: str, edits: list[Edit]) -> list[Edit]:
    """The truncated tags that removing the tail would leave at the end, in turn.

    ``<p style="a<p style="b<p>`` loses its tag and then looks cut off again: all of
    it goes in one pass (rounds of the pass are capped, and cleaning must be idempotent).

    >>> sorted((e.start, e.end) for e in html_edits('x<p style="a<p style="b<p>'))
    [(1, 12), (12, 23), (23, 26)]
    """
    spans = sorted((e.start, e.end) for e in edits)
    end, extra = len(text), []
    while True:
        while spans and spans[-1][1] == end:
            end = spans.pop()[0]
        at = text.rfind("<", 0, end)
        if at < 0 or not _TRUNCATED.fullmatch(text, at, end):
            return extra
        start = at
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        extra.append(Edit(start, end, "", "html", "truncated tag"))
        end = start


_UNSAFE_DECODED = re.compile(_INVISIBLE.pattern[:-1] + "\x1b\r]")


def _would_make_markup(decoded: str, text: str, after: int) -> bool:
    """Decoding must not create a tag or entity that a second cleaning would strip.

    ``&lt;b&gt;`` stays ``&lt;b>`` and ``&amp;lt;`` stays as it is, so that cleaning
    is idempotent and written-out markup is never deleted as if it were real.
    """
    if decoded == "<":
        return re.match(r"[A-Za-z/!?&]", text[after : after + 1]) is not None
    if decoded == "&":
        return re.match(r"#?[A-Za-z0-9]{1,32};", text[after : after + 34]) is not None
    return False


# ------------------------------------------------------------------ pipeline

PASSES: tuple[tuple[str, Pass], ...] = (
    ("terminal safety", control_edits),
    ("html", html_edits),
    ("mojibake", mojibake_edits),
    ("pinyin", pinyin_edits),
)
_MAX_ROUNDS = 4  # a pass is re-run until it finds nothing (e.g. &amp;lt;), at most this often
# Passes whose edits never reach across a line break, so that a long text can be
# done a piece of lines at a time (the edits of a book's pinyin notes, all at
# once, would take a hundred megabytes), and the pieces spread over processes.
# They take ``(text, start, end)`` and read context outside the piece freely.
_LINE_LOCAL: tuple[Pass, ...] = (mojibake_edits, pinyin_edits)
_PIECE = 1 << 20  # characters per piece


@dataclass(frozen=True)
class Cleaned:
    text: str
    repairs: Repairs  # a sequence of Repair in offset order, stored compactly
    readings: Readings  # offset in ``text`` -> pinyin reading (a read-only mapping)


def clean(
    text: str,
    passes: tuple[tuple[str, Pass], ...] = PASSES,
    progress: Callable[[str], None] | None = None,
    jobs: int = 1,
    record: bool = True,
) -> Cleaned:
    """Run every pass in order; each repair's offsets refer to the returned text.

    ``progress`` is told the name of each pass as it starts (for a long text).
    ``jobs`` > 1 spreads the line-local passes over that many forked processes
    (reader.runtime.parallel); the result is the same.  ``record=False`` keeps no
    repairs nor readings, only the clean text (the same text): for views that
    show neither, the log of a book's half a million repairs is most of what
    its cleaning costs outside the mojibake solver.

    >>> kept = clean("過(guò)去<b>", record=False)
    >>> kept.text, len(kept.repairs), len(kept.readings)
    ('過去', 0, 0)
    """
    repairs = Repairs()
    for name, find_edits in passes:
        if progress is not None:
            progress(name)
        for _round in range(_MAX_ROUNDS):
            if find_edits in _LINE_LOCAL and (jobs > 1 or len(text) > _PIECE):
                applied = _apply_by_pieces(text, find_edits, jobs, record)
            elif not record:
                new_text = _text_only(text, find_edits)
                applied = (new_text, None, None) if new_text is not None else None
            else:
                edits = find_edits(text)
                applied = apply_edits(text, edits) if edits else None
            if applied is None:
                break
            text, new_repairs, omap = applied
            if record:
                repairs = repairs.carried(omap).merged(new_repairs) if len(repairs) else new_repairs
    if not record:
        return Cleaned(text, (), MappingProxyType({}))
    return Cleaned(text, repairs, repairs.readings())


def _apply_by_pieces(
    text: str, find_edits: Pass, jobs: int, record: bool = True
) -> tuple[str, Repairs | None, OffsetMap | None] | None:
    """A line-local pass applied a piece of whole lines at a time: the same result as
    :func:`apply_edits` on all of ``text``, without all its edits in memory at once
    (with ``record=False`` only the text, the repairs and map None)."""
    spans = pieces_for(text, jobs) if jobs > 1 else line_pieces(text, _PIECE)
    results = fork_map(_piece_applied if record else _piece_text, (text, find_edits), spans, jobs)
    if not any(results):
        return None
    if not record:
        return (
            "".join(text[a:b] if piece is None else piece for (a, b), piece in zip(spans, results, strict=True)),
            None,
            None,
        )
    outs: list[str] = []
    parts: list[tuple[Repairs, int]] = []
    maps: list[tuple[OffsetMap, int, int]] = []
    out_at = 0
    for (start, end), applied in zip(spans, results, strict=True):
        if applied is None:
            outs.append(text[start:end])
        else:
            piece, piece_repairs, omap = applied
            outs.append(piece)
            parts.append((piece_repairs, out_at))
            maps.append((omap, start, out_at))
        out_at += len(outs[-1])
    return "".join(outs), Repairs.joined(parts), OffsetMap.joined(maps)


# Passes with a fast path giving what apply_edits would give for their edits (and its text alone).
_APPLIED = {pinyin_edits: pinyin_applied}
_TEXT_ONLY = {pinyin_edits: pinyin_stripped, mojibake_edits: mojibake_repaired}


def _piece_applied(task: tuple[str, Pass], span: tuple[int, int]) -> tuple[str, Repairs, OffsetMap] | None:
    text, find_edits = task
    if find_edits in _APPLIED:
        return _APPLIED[find_edits](text, *span)
    edits = find_edits(text, *span)
    return apply_edits(text, edits, span) if edits else None


def _text_only(text: str, find_edits: Pass) -> str | None:
    """The text after one pass over all of ``text`` (None: nothing to change), no log kept."""
    if find_edits in _TEXT_ONLY:
        return _TEXT_ONLY[find_edits](text, 0, len(text))
    edits = find_edits(text)
    return edited_text(text, edits) if edits else None


def _piece_text(task: tuple[str, Pass], span: tuple[int, int]) -> str | None:
    text, find_edits = task
    if find_edits in _TEXT_ONLY:
        return _TEXT_ONLY[find_edits](text, *span)
    edits = find_edits(text, *span)
    return edited_text(text, edits, span) if edits else None
