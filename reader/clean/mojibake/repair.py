"""Repair GBK byte-misalignment mojibake: ``打擊?!爱敃r(shí)`` -> ``打擊。“當時(shí)``.

A scraper decoded GBK in chunks with errors replaced.  At a chunk boundary
the first two-byte character became ``?``, the next lead byte lost its high
bit (a1 -> ``!``) and the following bytes were paired one byte out of step,
until a byte below 0x80 in lead position (the trail byte 0x72 of 時 -> ``r``)
put the decoder back in step.  Re-encoding the damaged characters and
pairing the bytes the right way recovers everything the bytes still hold;
what they lost (the ``?`` character, a lone byte's partner, a pair some
decoder dropped) is chosen from evidence and marked as inferred.

GBK holds the Traditional forms too, and the bytes give exactly the
characters the scraper had (``ae 94`` is 當, not 当), so fixed characters are
never converted; only inferred Han characters, chosen with jieba on
Simplified text, are put into the document's script.

A run is only repaired when the re-paired text reads far better than the
damaged text (jieba word frequencies), so ordinary ``?!`` prose stays.

>>> [(e.start, e.end, e.new) for e in mojibake_edits("打擊?!爱敃r(shí)真的")]
[(2, 7, '。“當時')]
>>> mojibake_edits("真的嗎?!我不信。OK?")
[]
"""

from __future__ import annotations

import re

from reader.clean.edits import Edit, edited_text
from reader.clean.mojibake.gbk import middle_bytes
from reader.clean.mojibake.runs import (
    LOST_LEADS,
    MAX_MIDDLE,
    Hypothesis,
    dropped_pair_hypotheses,
    lone_hypothesis,
    resync_hypothesis,
)
from reader.clean.mojibake.solve import best_repair

__all__ = ["mojibake_edits", "mojibake_repaired"]


# "?", the lead byte with its high bit cleared (absent when it became a
# control character that the terminal-safety pass removed), the characters
# decoded out of step, and the byte that ended the run: an ASCII trail byte
# (0x40-0x7E) or "?" for a lone lead byte.
_RUN = re.compile(rf"\?([\x01-\x09\x0b\x0c\x0e-\x7e]?)([^\x00-\x7f]{{1,{MAX_MIDDLE}}})([?-~])")


def mojibake_edits(text: str, start: int = 0, end: int | None = None, *, explain: bool = True) -> list[Edit]:
    """One ``mojibake`` edit per damaged run found in ``text[start:end]`` (a run never
    spans a line; the evidence for it is read from all of ``text``).  ``explain=False``:
    the same spans and new text, without notes nor inferred characters."""
    edits: list[Edit] = []
    pos = start
    end = len(text) if end is None else end
    while (m := _RUN.search(text, pos, end)) is not None:
        edit = _repair(text, m, explain)
        if edit is None:
            pos = m.start() + 1
        else:
            edits.append(edit)
            pos = edit.end
    return edits


def mojibake_repaired(text: str, start: int, end: int) -> str | None:
    """Only the repaired ``text[start:end]`` (None when it has no damaged run): for a
    caller that keeps no repair log.

    >>> damaged = "打擊?!爱敃r(shí)真的"
    >>> mojibake_repaired(damaged, 0, len(damaged)), mojibake_repaired("真的", 0, 2)
    ('打擊。“當時(shí)真的', None)
    """
    edits = [e for e in mojibake_edits(text, start, end, explain=False) if e.kind != "suspect"]
    return edited_text(text, edits, (start, end)) if edits else None


def _repair(text: str, m: re.Match[str], explain: bool = True) -> Edit | None:
    hypotheses = _hypotheses(text, m)
    if not hypotheses:
        return None
    return best_repair(text, m.start(), hypotheses, explain)


def _hypotheses(text: str, m: re.Match[str]) -> list[Hypothesis]:
    """Every reading of the bytes of the run that ``m`` matched."""
    at = m.start()
    lead_char, damaged, closing = m.groups()
    leads = (ord(lead_char) | 0x80,) if lead_char else LOST_LEADS
    middle = middle_bytes(damaged)
    if middle is None:
        return []
    end = m.end() - 1
    if closing == "?":
        # A lone lead byte is only ever cut off by an ASCII byte, which the
        # decoder kept or ate: either way ASCII follows (",", "16品質", "dòng)").
        if not " " <= text[end + 1 : end + 2] <= "~":
            return []
        lone = lone_hypothesis(text, at, leads, middle, end)
        return [lone] if lone else []
    if closing < "@":
        return []
    plain = resync_hypothesis(text, at, leads, middle, end)
    found = [plain] if plain else []
    if len(leads) == 1:
        # A pair some decoders drop (user-defined area) may hide inside.
        found += dropped_pair_hypotheses(text, at, leads[0], middle, end)
    return found


def hypotheses_at(text: str, at: int) -> list[Hypothesis]:
    """The hypotheses for a run starting at ``at`` (for tests and experiments)."""
    m = _RUN.match(text, at)
    return _hypotheses(text, m) if m else []
