"""The pinyin reading of every Han character of a paragraph, in any script shown.

A character's reading is pypinyin's, computed on the Simplified form cut into
words by jieba, so that a word decides the reading of its characters: 行 is
háng in 銀行 and xíng in 行走.  The article's own annotations (the cleaner
keeps ``過(guò)`` in ``Document.readings``) win where they agree with it or differ
only in tone (a tone sandhi, a neutral tone); where they name another syllable
(``增長(cháng)``: the word reads zēngzhǎng) the word's reading is shown and the
article's is kept as ``disputed``.
Readings are keyed by offsets into ``Document.text`` and carry the span of
their word, which the cell layout (:mod:`reader.layout.ruby`) uses to group them.

pypinyin (~0.2 s) and jieba (~0.5 s) load on first use: call these from a
worker, never while the app starts.

>>> [(r.offset, r.pinyin, r.tone) for r in paragraph_readings("去銀行。", 10)]
[(10, 'qù', 4), (11, 'yín', 2), (12, 'háng', 2)]
>>> [r.pinyin for r in paragraph_readings("過去", 0, {0: "guo"})]
['guo', 'qù']
>>> [(r.pinyin, r.source, r.disputed) for r in paragraph_readings("增長", 0, {1: "cháng"})]
[('zēng', False, ''), ('zhǎng', False, 'cháng')]
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from reader.text.han import HAN

_HAN_CHAR = re.compile(f"[{HAN}]")
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_lock = threading.Lock()
_pinyin = None


@dataclass(frozen=True, slots=True)
class Reading:
    """The reading of one character (``offset`` into ``Document.text``)."""

    offset: int
    pinyin: str  # with tone marks: "háng"
    tone: int  # 1-4, 5 for the neutral tone, 0 when unknown
    source: bool  # given by the article itself (kept by the cleaner)
    word_start: int  # the span of the word it was read in, in Document.text
    word_end: int
    disputed: str = ""  # the article's own reading when the word reads otherwise (增長(cháng))


def toneless(syllable: str) -> str:
    """A syllable without its tone mark (ü kept).

    >>> toneless("zhǎng"), toneless("lǜ"), toneless("de")
    ('zhang', 'lü', 'de')
    """
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def disputes(given: str, computed: str) -> bool:
    """Whether the article's reading names another syllable than the word's reading (a
    difference of tone alone is no dispute: sandhi and neutral tones are what notes show).

    >>> disputes("cháng", "zhǎng"), disputes("zhù", "zhe"), disputes("yí", "yī"), disputes("guo", "guò")
    (True, True, False, False)
    """
    return bool(computed) and toneless(given) != toneless(computed)


def tone_of(syllable: str) -> int:
    """Tone number of a syllable written with tone marks (5: none, the neutral tone).

    >>> tone_of("háng"), tone_of("lǜ"), tone_of("de"), tone_of("hm")
    (2, 4, 5, 5)
    """
    for c in unicodedata.normalize("NFD", syllable):
        tone = _TONE_MARKS.get(c)
        if tone:
            return tone
    return 5 if syllable else 0


def is_han(char: str) -> bool:
    """Whether ``char`` is a Han character (CJK ideograph, extensions included).

    >>> is_han("銀"), is_han("，"), is_han("a")
    (True, False, False)
    """
    return bool(_HAN_CHAR.fullmatch(char))


def _pypinyin():
    """``pypinyin.pinyin`` and its tone style, imported once (it costs ~0.2 s)."""
    global _pinyin
    if _pinyin is None:
        with _lock:
            if _pinyin is None:
                from pypinyin import Style, pinyin

                _pinyin = (pinyin, Style.TONE)
    return _pinyin


def word_pinyin(word: str) -> tuple[str, ...]:
    """pypinyin's readings of a Simplified ``word``, one per character.

    Characters pypinyin cannot read (Latin, digits, punctuation) give "".

    >>> word_pinyin("银行"), word_pinyin("重庆"), word_pinyin("2万")
    (('yín', 'háng'), ('chóng', 'qìng'), ('', 'wàn'))
    """
    pinyin, tone_style = _pypinyin()
    out = [""] * len(word)
    han = [k for k, c in enumerate(word) if is_han(c)]
    if not han:
        return tuple(out)
    # Runs of Han characters are read together, so that a word's phrase entry applies.
    runs: list[list[int]] = []
    for k in han:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        chunk = word[run[0] : run[-1] + 1]
        readings = pinyin(chunk, style=tone_style, errors=lambda s: [""] * len(s))
        if len(readings) == len(chunk):
            for k, r in zip(run, readings):
                out[k] = r[0] if r and r[0] != chunk[k - run[0]] else ""
    return tuple(out)


def _words(simplified: str) -> list[tuple[int, int]]:
    """jieba's word spans of a Simplified text (jieba loads on first use)."""
    from reader.text.segment import cut

    spans, at = [], 0
    for word in cut(simplified):
        spans.append((at, at + len(word)))
        at += len(word)
    if at != len(simplified):  # jieba always covers its input; never trust blindly
        return [(k, k + 1) for k in range(len(simplified))]
    return spans


# Characters OpenCC's t2s keeps although Traditional text also writes another Simplified
# character with them: 著 is zhù in 著名 but 着 (zhe, zháo) in 看著, 著急.
T2S_KEPT = {"著": "着"}
_KEPT = str.maketrans(T2S_KEPT)


def reading_form(simplified: str) -> str:
    """``simplified`` with each word holding a :data:`T2S_KEPT` character written the way
    jieba's dictionary knows better (same length), so that it is read as that word.

    >>> reading_form("他看著市场，非常著急，显著，著名")
    '他看着市场，非常着急，显著，著名'
    """
    if not any(c in simplified for c in T2S_KEPT):
        return simplified
    from reader.text.lexicon import lexicon

    freq = lexicon().freq
    chars = list(simplified)
    for ws, we in _words(simplified):
        word = simplified[ws:we]
        other = word.translate(_KEPT)
        if other != word and freq(other) > freq(word):
            chars[ws:we] = other
    return "".join(chars)


@lru_cache(maxsize=2048)
def _computed(text: str) -> tuple[tuple[int, str, int, int], ...]:
    """(index, pinyin, word start, word end) of each readable Han character of ``text``."""
    from reader.text.script import convert

    conv = convert(text, "simp")
    form = reading_form(conv.text)
    out: list[tuple[int, str, int, int]] = []
    for ws, we in _words(form):
        s, e = conv.span_to_original(ws, we)
        readings = word_pinyin(form[ws:we])
        if we - ws == e - s:  # t2s keeps lengths: character k of the word is character k here
            out.extend((s + k, r, s, e) for k, r in enumerate(readings) if r and is_han(text[s + k]))
        else:  # never seen with t2s; read the original characters one by one
            for k in range(s, e):
                r = word_pinyin(form[conv.to_converted(k)]) if is_han(text[k]) else ("",)
                if r[0]:
                    out.append((k, r[0], k, k + 1))
    return tuple(out)


def paragraph_readings(text: str, start: int = 0, source: Mapping[int, str] | None = None) -> tuple[Reading, ...]:
    """The reading of every Han character of a paragraph, in order.

    ``start`` is the paragraph's offset in ``Document.text``; ``source`` the
    document's own readings (``Document.readings``), which win over pypinyin.
    Results are cached per paragraph text.

    >>> [r.pinyin for r in paragraph_readings("重慶的銀行")]
    ['chóng', 'qìng', 'de', 'yín', 'háng']
    """
    source = source or {}
    computed = _computed(text)
    out: list[Reading] = []
    seen: set[int] = set()
    for k, pinyin, ws, we in computed:
        given = source.get(start + k)
        seen.add(k)
        if given and disputes(given, pinyin):
            out.append(Reading(start + k, pinyin, tone_of(pinyin), False, start + ws, start + we, given))
        elif given:
            out.append(Reading(start + k, given, tone_of(given), True, start + ws, start + we))
        else:
            out.append(Reading(start + k, pinyin, tone_of(pinyin), False, start + ws, start + we))
    # a source reading on a character pypinyin could not read (rare ideographs)
    for offset, given in source.items():
        k = offset - start
        if 0 <= k < len(text) and k not in seen and is_han(text[k]):
            out.append(Reading(offset, given, tone_of(given), True, offset, offset + 1))
    out.sort(key=lambda r: r.offset)
    return tuple(out)


def readings_of(document, paragraph) -> tuple[Reading, ...]:
    """:func:`paragraph_readings` of a :class:`~reader.document.Paragraph` of ``document``."""
    source = document.readings
    if source:
        source = {o: r for o in range(paragraph.start, paragraph.end) if (r := source.get(o))}
    return paragraph_readings(paragraph.text, paragraph.start, source)


def shown_readings(
    text: str, start: int, script: str, source: Mapping[int, str] | None = None
) -> tuple[Reading | None, ...]:
    """The reading over each character of the paragraph as shown in ``script``.

    One entry per character of the converted text (None where there is
    none); each reading keeps its original offset.  Where the script replaces
    a phrase by one of another length (Taiwan's 内存 -> 記憶體), the shown
    phrase is read as one word; elsewhere characters correspond one to one
    and keep their reading (the article's own included).

    >>> [r and r.pinyin for r in shown_readings("内存", 0, "tw")]
    ['jì', 'yì', 'tǐ']
    >>> [r and r.pinyin for r in shown_readings("銀行A", 0, "simp")]
    ['yín', 'háng', None]
    """
    from reader.text.script import convert, to_simplified

    readings = paragraph_readings(text, start, source)
    conv = convert(text, script)
    by_offset = {r.offset - start: r for r in readings}
    shown: list[Reading | None] = [None] * len(conv.text)
    if conv.is_identity:
        for k, r in by_offset.items():
            shown[k] = r
        return tuple(shown)
    at_original = at_shown = 0
    for os_, oe, cs, ce in (*conv.blocks, (len(text), len(text), len(conv.text), len(conv.text))):
        for k in range(os_ - at_original):  # one to one up to the block
            shown[at_shown + k] = by_offset.get(at_original + k)
        phrase = conv.text[cs:ce]
        for k, syllable in enumerate(word_pinyin(to_simplified(phrase))):
            if syllable and is_han(phrase[k]):
                shown[cs + k] = Reading(start + os_, syllable, tone_of(syllable), False, start + os_, start + oe)
        at_original, at_shown = oe, ce
    return tuple(shown)
