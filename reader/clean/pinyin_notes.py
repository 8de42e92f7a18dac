"""Pinyin annotations glued after characters by a converter: ``過(guò)`` -> ``過``.

Only a single pinyin syllable in parentheses directly after a Han character is
an annotation; any other parentheses (``(OPPO)``, ``(1)``, ``(注)``,
``rgb(51, 51, 51)``) are prose.  The reading is kept for the character.

>>> [(e.start, e.end, e.readings) for e in pinyin_edits("過(guò)去(OPPO)會(huì )")]
[(1, 6, ((-1, 'guò'),)), (14, 20, ((-1, 'huì'),))]
>>> text, repairs, omap = pinyin_applied("過(guò)去(OPPO)會(huì )", 0, 20)
>>> text, [(r.offset, r.before, r.readings) for r in repairs]
('過去(OPPO)會', [(1, '(guò)', ((0, 'guò'),)), (9, '(huì )', ((8, 'huì'),))])
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator
from functools import lru_cache

from reader.clean.edits import Edit, OffsetMap
from reader.clean.repair_log import Repairs
from reader.text.han import HAN

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# "(" + one lowercase Latin word with at most one tone-marked vowel + optional space + ")", after a
# Han character (looked behind from the parenthesis: the engine then finds each "(" in C, where a
# pattern opening with the look-behind is tried at every character)
_NOTE = re.compile(rf"\((?<=[{HAN}]\()([a-zü{_TONED}]{{1,6}}) ?\)")
# A further note right after one (a converter run twice: ``過(guò)(guò)``): the same character's.
_NEXT_NOTE = re.compile(rf"\(([a-zü{_TONED}]{{1,6}}) ?\)")
# Initial + final of a Mandarin syllable, checked on the toneless form.
_SYLLABLE = re.compile(
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:i?ong|[iuü]?ang|[iuü]?eng|[iuü]?an|[iuü]?en|[iu]?ai|[i]?ao|[iu]?ei|ing|in|"
    r"iu|ui|un|ün|ou|io|ia|ua|uo|ie|üe|ue|er|[aeiouü])"
    r"|hm|hng|ng|m|n"
)
# Toneless readings are neutral-tone syllables; accept only the common ones
# so that "(a)", "(e)" enumerations are never eaten.
_NEUTRAL = frozenset("de le men me ma ne ba zi ge zhe li tou mo la ya wa na shang xia".split())


def _strip_tone(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0308")
    )


@lru_cache(maxsize=4096)
def is_pinyin_syllable(word: str) -> bool:
    """True for one Mandarin syllable written with a tone mark (or a common neutral one).

    >>> is_pinyin_syllable("zhuān"), is_pinyin_syllable("men"), is_pinyin_syllable("oppo")
    (True, True, False)
    """
    plain = _strip_tone(word)
    if not _SYLLABLE.fullmatch(plain):
        return False
    toned = sum(c in _TONED for c in word)
    return toned == 1 or (toned == 0 and plain in _NEUTRAL)


@lru_cache(maxsize=4096)
def _reading(word: str) -> tuple[tuple[int, str], ...] | None:
    """The shared ``readings`` of an edit removing the note ``word``, None when it is no syllable."""
    return ((-1, word),) if is_pinyin_syllable(word) else None


def _notes(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, syllable) of each note to remove in ``text[start:end]``, a stack of notes
    after one character all at once (removing one at a time would need a round per note).

    >>> [(s, e, w) for s, e, w in _notes("過(guò)(guò)(OPPO)(guò)", 0, 20)]
    [(1, 6, 'guò'), (6, 11, 'guò')]
    """
    for m in _NOTE.finditer(text, start, end):
        at = m.start()
        found_next: re.Match[str] | None = m
        while found_next is not None and _reading(found_next.group(1)) is not None:
            yield at, found_next.end(), found_next.group(1)
            at = found_next.end()
            found_next = _NEXT_NOTE.match(text, at, end)


def pinyin_edits(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    """One edit per annotation (in ``text[start:end]``): remove it, remember its reading for the character before."""
    edits = []
    for s, e, syllable in _notes(text, start, len(text) if end is None else end):
        readings = _reading(syllable)
        assert readings is not None
        # the note string and readings tuple are shared by every note of that syllable
        edits.append(Edit(s, e, "", "pinyin", syllable, readings=readings))
    return edits


def pinyin_applied(text: str, start: int, end: int) -> tuple[str, Repairs, OffsetMap] | None:
    """``apply_edits(text, pinyin_edits(text, start, end), (start, end))`` without an Edit
    object per note: a book has hundreds of thousands of them (3.5 → 1.5 µs a note)."""
    pieces: list[str] = []
    offsets, codes = array("q"), array("I")
    starts, ends, new_starts = array("q"), array("q"), array("q")
    table: list[tuple] = []
    index: dict[tuple, int] = {}
    last, out = start, 0
    for s, e, syllable in _notes(text, start, end):
        pieces.append(text[last:s])
        out += s - last
        record = ("pinyin", text[s:e], "", syllable, 1)  # what apply_edits records for such an edit
        code = index.get(record)
        if code is None:
            code = index[record] = len(table)
            table.append(record)
        offsets.append(out)
        codes.append(code)
        starts.append(s - start)
        ends.append(e - start)
        new_starts.append(out)
        last = e
    if not offsets:
        return None
    pieces.append(text[last:end])
    return (
        "".join(pieces),
        Repairs(offsets, codes, table),
        OffsetMap(starts, ends, new_starts, array("q", bytes(8 * len(starts)))),
    )


def pinyin_stripped(text: str, start: int, end: int) -> str | None:
    """Only the text of :func:`pinyin_applied` (None when there is no note): for a caller
    that keeps no repair log.

    >>> pinyin_stripped("過(guò)去(OPPO)會(huì )", 0, 20)
    '過去(OPPO)會'
    """
    pieces: list[str] = []
    last = start
    for s, e, _syllable in _notes(text, start, end):
        pieces.append(text[last:s])
        last = e
    if not pieces:
        return None
    pieces.append(text[last:end])
    return "".join(pieces)
