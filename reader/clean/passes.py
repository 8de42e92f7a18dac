"""Cleaning: ordered pure passes that repair scraped text and record every change.

Each pass maps a text to a list of :class:`~reader.clean.edits.Edit`; :func:`clean`
applies them in order, keeps every :class:`~reader.clean.edits.Repair` (offsets in
the final text) and collects the pinyin readings the source carried.

>>> clean("a\\x1b[31mb\\r\\nc&amp;d<b>e</b>").text
'ab\\nc&de'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.clean.boilerplate import boilerplate_edits, boilerplate_flags
from reader.clean.edits import Edit, OffsetMap, apply_edits, edited_text
from reader.clean.markup import html_edits
from reader.clean.mojibake.passages import latin_edits, recode_edits
from reader.clean.mojibake.repair import mojibake_edits, mojibake_repaired
from reader.clean.pinyin_notes import pinyin_applied, pinyin_edits, pinyin_stripped
from reader.clean.repair_log import Readings, Repairs
from reader.clean.terminal import INVISIBLE_RANGES, control_edits, invisible_why
from reader.runtime.parallel import fork_map, line_pieces, pieces_for

# Re-exported: the passes' own modules hold them; callers know them from here.
__all__ = [
    "INVISIBLE_RANGES",
    "PASSES",
    "Cleaned",
    "clean",
    "cleaning_passes",
    "control_edits",
    "html_edits",
    "invisible_why",
]

Pass = Callable[..., list[Edit]]  # (text) or (text, start, end) for the line-local ones

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
