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

from reader.clean.boilerplate import boilerplate_edits, boilerplate_flags
from reader.clean.edits import Edit, OffsetMap, apply_edits, edited_text, inside_any
from reader.clean.mojibake.passages import latin_edits, recode_edits
from reader.clean.mojibake.repair import mojibake_edits, mojibake_repaired
from reader.clean.pinyin_notes import pinyin_applied, pinyin_edits, pinyin_stripped
from reader.clean.repair_log import Readings, Repairs
from reader.runtime.parallel import fork_map, line_pieces, pieces_for

Pass = Callable[..., list[Edit]]  # (text) or (text, start, end) for the line-local ones

# ------------------------------------------------------------ terminal safety

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
_INVISIBLE_CLASS = "".join(a if a == b else f"{a}-{b}" for a, b, _why in INVISIBLE_RANGES)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")


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
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\r\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\x90\x98\x9d\x9e\x9f][ -~]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)

_CONTROL = re.compile(r"\r\n?|" + _ESCAPES.pattern + "|" + _INVISIBLE.pattern)
_CONTROL_START = re.compile(f"[\r\x1b{_INVISIBLE_CLASS}]")


def control_edits(text: str) -> list[Edit]:
    """Remove escape sequences and control/bidi/zero-width characters; CR/CRLF -> LF.

    >>> [e.kind for e in control_edits("a\\r\\nb\\x1b]52;c;SGVsbG8=\\x07c\\u202e")]
    ['newline', 'escape', 'control']
    >>> [(e.start, e.end, e.kind) for e in control_edits("a\\x9d0;T\\x9cb\\x9d第二段")]
    [(1, 6, 'escape'), (7, 8, 'control')]
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
        elif g != "\x9b" and _INVISIBLE.fullmatch(g):
            edits.append(Edit(m.start(), m.end(), "", "control", f"U+{ord(g):04X} {invisible_why(g)}"))
        else:
            edits.append(Edit(m.start(), m.end(), "", "escape", "terminal escape sequence"))
        taken = m.end()
    return edits


# ------------------------------------------------------------------- HTML

# A tag cut off by the end of the text: within its line (it swallows the rest of it).
_CUT_OFF_TAG = r"<[A-Za-z][A-Za-z0-9:-]*(?:[ \t][^<>\n]*)?\s*"
# An attribute, for a tag that spans lines: only this shape may cross a line break, so that
# a "<" in prose or a tag left open never reaches a ">" lines later and deletes what is between.
_ATTRIBUTE = r"""[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:\s*=\s*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>`]+))?"""
_TAG = re.compile(
    r"<!--(?:(?!<!--).)*?-->"  # comments (not nested: an earlier "<!--" is left open)
    r"|<!--[^\n]*"  # a comment left open: the rest of its line
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:[ \t][^<>\n]*)?/?>"  # complete tags on one line
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s+" + _ATTRIBUTE + r")*\s*/?>"  # ... or attributes over lines
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
        edits.append(Edit(start, m.end(), "", "html", _tag_note(g)))
    edits += _truncated_tail(text, edits)
    taken = inside_any([(e.start, e.end) for e in edits])
    for m in _ENTITY.finditer(text):
        if taken(m.start()):
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


def _tag_note(tag: str) -> str:
    """What the HTML pass says it removed.

    >>> _tag_note("<!-- x"), _tag_note("<!-- x -->"), _tag_note("<p "), _tag_note("<p>")
    ('comment left open (the rest of its line)', 'comment', 'truncated tag', 'tag')
    """
    if tag.startswith("<!--"):
        return "comment" if tag.endswith("-->") else "comment left open (the rest of its line)"
    return "tag" if tag.endswith(">") else "truncated tag"


_TRUNCATED = re.compile(_CUT_OFF_TAG)


def _truncated_tail(text: str, edits: list[Edit]) -> list[Edit]:
    """The truncated tags that removing the tail would leave at the end, in turn.

    ``<p style="a<p style="b<p>`` loses its tag and then looks cut off again: all of
    it goes in one pass (rounds of the pass are capped, and cleaning must be idempotent).

    >>> sorted((e.start, e.end) for e in html_edits('x<p style="a<p style="b<p>'))
    [(1, 12), (12, 23), (23, 26)]
    """
    spans = sorted((e.start, e.end) for e in edits)
    end = len(text)
    extra: list[Edit] = []
    while True:
        while spans and spans[-1][1] == end:
            end = spans.pop()[0]
        at = text.rfind("<", 0, end)
        if at < 0 or (spans and spans[-1][1] > at) or not _TRUNCATED.fullmatch(text, at, end):
            return extra  # (a "<" inside what is removed already, e.g. a comment left open, is no tag)
        start = at
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        extra.append(Edit(start, end, "", "html", "truncated tag"))
        end = start


_UNSAFE_DECODED = re.compile(f"[{_INVISIBLE_CLASS}\x1b\r]")


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
    # before terminal safety: what a Latin-1 decoder made of bytes 0x80-0x9F are C1 controls
    ("mojibake (Latin-1)", latin_edits),
    ("terminal safety", control_edits),
    ("html", html_edits),
    ("mojibake", mojibake_edits),
    ("mojibake (UTF-8)", recode_edits),
    ("pinyin", pinyin_edits),
    ("boilerplate", boilerplate_edits),
)
# --keep-boilerplate: the furniture lines are listed (and read for metadata) but stay.
PASSES_KEEPING_BOILERPLATE = PASSES[:-1] + (("boilerplate", boilerplate_flags),)


def cleaning_passes(keep_boilerplate: bool = False) -> tuple[tuple[str, Pass], ...]:
    return PASSES_KEEPING_BOILERPLATE if keep_boilerplate else PASSES


# Passes whose edits never reach across a line break, so that a long text can be
# done a piece of lines at a time (the edits of a book's pinyin notes, all at
# once, would take a hundred megabytes), and the pieces spread over processes.
# They take ``(text, start, end)`` and read context outside the piece freely.
_LINE_LOCAL: tuple[Pass, ...] = (
    mojibake_edits,
    recode_edits,
    latin_edits,
    pinyin_edits,
    boilerplate_edits,
    boilerplate_flags,
)
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
    # Run to a fixed point: a pass is re-run until it finds nothing, and an earlier one again
    # when a later one changed the text (what a later pass leaves, an earlier one may act on).  The
    # number of runs is bounded by the text's length, each changing run having some edit to make.
    version, quiet_at = 0, [-1] * len(passes)  # quiet_at[k]: the version on which pass k found nothing
    ran = [False] * len(passes)
    budget = len(passes) * (len(text) + 2)
    k, started = 0, 0
    while passes and budget > 0 and min(quiet_at) < version:
        name, find_edits = passes[k]
        if quiet_at[k] != version:
            if progress is not None and k == started:  # the first run of each pass, in order
                progress(name)
                started += 1
            budget -= 1
            applied = _one_run(text, find_edits, jobs, record)
            first, ran[k] = not ran[k], True
            if applied is not None and record:
                repairs = _logged(repairs, applied, text, first)
            if applied is None or applied[0] == text:
                quiet_at[k] = version
            else:
                text = applied[0]
                version += 1
                continue  # the same pass again, on its own result
        k = (k + 1) % len(passes)
    if not record:
        empty = Repairs()
        return Cleaned(text, empty, empty.readings())
    return Cleaned(text, repairs, repairs.readings())


def _logged(repairs: Repairs, applied: tuple, text: str, first: bool) -> Repairs:
    """``repairs`` with a run's own added.  An edit that leaves its text as it is flags a place (a
    suspected run, a damaged passage, kept boilerplate): flags are kept from a pass's first run
    only, since later runs (on its own result, or after a later pass) find the same places again."""
    new_text, new_repairs, omap = applied
    if not first:
        new_repairs = Repairs.of(r for r in new_repairs if r.before != r.after)
    if not len(new_repairs):
        return repairs if new_text == text else repairs.carried(omap, new_text)
    if new_text == text:  # flags only: nothing moved (and a flag swallows nothing)
        return repairs.merged(new_repairs) if len(repairs) else new_repairs
    return repairs.carried(omap, new_text).merged(new_repairs) if len(repairs) else new_repairs


def _one_run(text: str, find_edits: Pass, jobs: int, record: bool) -> tuple | None:
    """One run of a pass: (new text, repairs, offset map), the last two None when ``record``
    is False; None when the pass finds nothing to change."""
    if find_edits in _LINE_LOCAL and (jobs > 1 or len(text) > _PIECE):
        return _apply_by_pieces(text, find_edits, jobs, record)
    if not record:
        new_text = _text_only(text, find_edits)
        return (new_text, None, None) if new_text is not None else None
    edits = find_edits(text)
    return apply_edits(text, edits) if edits else None


def _apply_by_pieces(
    text: str, find_edits: Pass, jobs: int, record: bool = True
) -> tuple[str, Repairs | None, OffsetMap | None] | None:
    """A line-local pass applied a piece of whole lines at a time: the same result as
    :func:`apply_edits` on all of ``text``, without all its edits in memory at once
    (with ``record=False`` only the text, the repairs and map None)."""
    spans = pieces_for(text, jobs) if jobs > 1 else line_pieces(text, _PIECE)
    if not record:
        texts = fork_map(_piece_text, (text, find_edits), spans, jobs)
        if not any(texts):
            return None
        joined = "".join(text[a:b] if piece is None else piece for (a, b), piece in zip(spans, texts, strict=True))
        return joined, None, None
    results = fork_map(_piece_applied, (text, find_edits), spans, jobs)
    if not any(results):
        return None
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
