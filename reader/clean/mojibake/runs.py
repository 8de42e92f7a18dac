"""Readings of one damaged run: which characters the bytes fix, which they leave open.

A :class:`Hypothesis` is a sequence of :class:`Slot` s, one per original
character; a slot with one candidate is fixed by the bytes, a slot with
several is open and is filled later from evidence.  Slot 0 is always the
character that became ``?``.

>>> h = resync_hypothesis("打擊?!爱敃r(shí)真的", 2, (0xA1,), "爱敃".encode("gbk"), 6)
>>> [s.cands for s in h.slots[1:]], h.confirm, h.end
([('“',), ('當',), ('時',)], ((3, 'shí'),), 7)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.clean.mojibake.gbk import chars_with_lead, chars_with_trail, decode_pairs, is_user_defined, pair_char
from reader.clean.mojibake.score import reads_as
from reader.clean.pinyin_notes import is_pinyin_syllable

# How far from a run the document is searched for the same words.
DOCUMENT_WINDOW = 30_000
# A middle longer than this is not one run (the holdout's runs are at most 9 characters).
MAX_MIDDLE = 24
# Lead bytes whose high-bit-cleared form is a control character that the
# terminal-safety pass deletes (tab and newline stay, CR turns into LF; a run
# across a line break is not attempted).
LOST_LEADS = tuple(b for b in range(0x81, 0xA0) if b not in (0x89, 0x8A, 0x8D))

_SYLLABLE = "a-zü\u00e0-\u00fc\u0101-\u01dc\u01f9\u1e3f"
NOTE = re.compile(rf"\(([{_SYLLABLE}]{{1,6}}) ?\)")
# A note whose "(" was eaten together with a lone byte: "顒?dòng)".
FRAGMENT = re.compile(rf"([{_SYLLABLE}]{{1,6}}) ?\)")


@dataclass(frozen=True)
class Slot:
    """One original character: its candidates (one = fixed by the bytes) and why."""

    cands: tuple[str, ...]
    why: str = ""
    # Evidence bonus (log-probability units) for some candidates.
    bonus: tuple[tuple[str, float, str], ...] = ()

    @property
    def fixed(self) -> bool:
        return len(self.cands) == 1 and not self.why


@dataclass(frozen=True)
class Hypothesis:
    slots: tuple[Slot, ...]
    end: int  # where the damaged span ends in the text
    kind: str
    penalty: float = 0.0
    # (slot index, syllable): notes swallowed by the run (kept as readings) ...
    readings: tuple[tuple[int, str], ...] = ()
    # ... and notes left in place after the run (evidence only).
    confirm: tuple[tuple[int, str], ...] = ()
    # Whether a word the document uses elsewhere may outvote the full stop
    # for the lost character: only for the messier lone-byte / dropped-pair
    # decodes, where the seed shows chunk boundaries inside a word (日?;顒).
    word_boundary: bool = False


LOST = Slot(("。",), why="character replaced by '?'")


def _fixed(chars: str) -> list[Slot]:
    return [Slot((c,)) for c in chars]


def _first_slots(leads: tuple[int, ...], middle: bytes, rest: bytes) -> list[Slot] | None:
    """Slots for lead + middle-so-far; with several possible leads the first char is open."""
    if len(leads) == 1:
        decoded = decode_pairs(bytes(leads) + rest)
        return None if decoded is None else [LOST, *_fixed(decoded)]
    firsts = tuple(c for c in (pair_char(b, middle[0]) for b in leads) if c)
    decoded = decode_pairs(rest[1:])
    if not firsts or decoded is None:
        return None
    return [LOST, Slot(firsts, why="lead byte lost to a control character"), *_fixed(decoded)]


def _note_after(text: str, pos: int) -> str | None:
    m = NOTE.match(text, pos)
    return m.group(1) if m and is_pinyin_syllable(m.group(1)) else None


def resync_hypothesis(text: str, at: int, leads: tuple[int, ...], middle: bytes, end: int) -> Hypothesis | None:
    """The run ends with an ASCII trail byte that put the decoder back in step."""
    slots = _first_slots(leads, middle, middle + text[end].encode("ascii"))
    if slots is None:
        return None
    note = _note_after(text, end + 1)
    confirm = ((len(slots) - 1, note),) if note else ()
    return Hypothesis(tuple(slots), end + 1, "resync", confirm=confirm)


def dropped_pair_hypotheses(text: str, at: int, lead: int, middle: bytes, end: int) -> list[Hypothesis]:
    """A user-defined pair (trail of one char + lead of the last) was silently dropped.

    Only tried when a pinyin note follows the run, because that note is the
    evidence that pins the last character down.
    """
    note = _note_after(text, end + 1)
    if not note:
        return []
    head = bytes((lead,)) + middle
    plain = decode_pairs(head + text[end].encode("ascii"))
    if plain and reads_as(plain[-1], note) is not False:
        return []  # the plain pairing agrees with the note (or there is no way to tell)
    decoded = decode_pairs(head[:-1])
    if decoded is None:
        return []
    prev, trail = head[-1], ord(text[end])
    found = []
    for p_range, q_range in (((0xAA, 0xAF), (0xA1, 0xFE)), ((0xF8, 0xFE), (0xA1, 0xFE)), ((0xA1, 0xA7), (0x40, 0xA0))):
        before = [(p, pair_char(prev, p)) for p in range(p_range[0], p_range[1] + 1)]
        after = [(q, c) for c in chars_with_trail(trail) for q in [c.encode("gbk")[0]] if q_range[0] <= q <= q_range[1]]
        before_chars = tuple(c for p, c in before if c and any(is_user_defined(p, q) for q, _ in after))
        after_chars = tuple(c for _, c in after)
        if before_chars and after_chars:
            why = "a user-defined GBK pair was dropped here"
            slots = (LOST, *_fixed(decoded), Slot(before_chars, why=why), Slot(after_chars, why=why))
            found.append(
                Hypothesis(slots, end + 1, "dropped pair", 6.0, confirm=((len(slots) - 1, note),), word_boundary=True)
            )
    return found


def lone_hypothesis(text: str, at: int, leads: tuple[int, ...], middle: bytes, end: int) -> Hypothesis | None:
    """The run ends with a lone lead byte (shown as ``?``) before an ASCII byte."""
    slots = _first_slots(leads, middle, middle[:-1]) if len(middle) > 1 else None
    if slots is None:
        return None
    free_index = len(slots)
    partners = chars_with_lead(middle[-1])
    if not partners:
        return None
    slots.append(Slot(partners, why=f"only the lead byte {middle[-1]:02X} survived"))
    after = end + 1
    fragment = FRAGMENT.match(text, after)
    if fragment and is_pinyin_syllable(fragment.group(1)):
        # The lost ASCII byte was the "(" of this character's note.
        return Hypothesis(
            tuple(slots), fragment.end(), "lone", 1.0, readings=((free_index, fragment.group(1)),), word_boundary=True
        )
    note = _note_after(text, after)
    if note:
        return Hypothesis(tuple(slots), after, "lone", 1.0, confirm=((free_index, note),), word_boundary=True)
    eaten = _eaten_from_document(text, at, after, slots)
    if eaten:
        slots[free_index] = eaten[0]
        slots.append(eaten[1])
    return Hypothesis(tuple(slots), after, "lone", 1.0, word_boundary=True)


_OPT_NOTE = r"(?:\([^()\s]{1,7} ?\))?"


def _eaten_from_document(text: str, at: int, after: int, slots: list[Slot]) -> tuple[Slot, Slot] | None:
    """Look for the same words elsewhere in the document: ``快手“116品質`` fixes ``快手“?16品質``.

    Returns the open slot narrowed to what the document shows, and a slot
    for the ASCII character the decoder may have eaten after the lone byte.
    """
    tail = "".join(s.cands[0] for s in slots[1:-1] if s.fixed)[-3:]
    head_match = re.match(r"[^\s()?]{2,6}", text[after:])
    if not tail or not head_match or len(tail) + len(head_match.group()) < 4:
        return None
    head = head_match.group()
    free = set(slots[-1].cands)
    pattern = _OPT_NOTE.join(map(re.escape, tail)) + _OPT_NOTE + r"(.)" + r"([!-~]?)" + re.escape(head)
    seen: dict[tuple[str, str], int] = {}
    lo = max(0, at - DOCUMENT_WINDOW)
    for m in re.compile(pattern).finditer(text, lo, at + DOCUMENT_WINDOW):
        if m.start() <= after and m.end() >= at:
            continue
        if m.group(1) in free:
            key = (m.group(1), m.group(2))
            seen[key] = seen.get(key, 0) + 1
    if not seen:
        return None
    (char, eaten), count = max(seen.items(), key=lambda kv: kv[1])
    where = f"the document has {tail}{char}{eaten}{head} elsewhere"
    others = tuple(c for c in slots[-1].cands if c != char)
    narrowed = Slot((char, *others), why=slots[-1].why, bonus=((char, 12.0 + count, where),))
    eaten_slot = Slot(
        (eaten, "") if eaten else ("",),
        why="ASCII byte eaten after the lone byte",
        bonus=((eaten, 12.0 + count, where),) if eaten else (),
    )
    return narrowed, eaten_slot
