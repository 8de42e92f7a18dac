"""The text a label is read in: clauses, sentences and their tagged words.

Figures are blanked out of the text (:func:`masked_text`) so that their digits and
marks never end a clause; :class:`Tagger` tags a piece once, in the text's own script.
:func:`topic` finds what a clause without a subject goes on about.

>>> t = "以甲公司為例，去年營收大增，達到5億元。"
>>> left = clause(t, t.index("5"), t.index("。"))[0]; t[left:]
'達到5億元。'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import starmap

from reader.figures.context import LIMIT as CONTEXT_LIMIT
from reader.figures.label_phrases import after_de, subject_before
from reader.figures.label_words import AGENT_NOUNS, HAN, Word, is_noun, unglued

CLAUSE_BREAKS = "，,。！？!?；;：:\n（）()【】《》"
UNDATED_KINDS = ("date", "year")
Words = Callable[[str], list[Word]]


class Tagger:
    """Tagged words of pieces of the text in its own script, each piece tagged once."""

    def __init__(self) -> None:
        from reader.text.script import to_simplified
        from reader.text.segment import tag

        self._simple, self._tag = to_simplified, tag
        self._memo: dict[str, list[Word]] = {}

    def __call__(self, piece: str) -> list[Word]:
        words = self._memo.get(piece)
        if words is None:
            simple = self._simple(piece)
            if len(simple) != len(piece):  # never seen with t2s, but offsets must hold
                simple = "".join(c if len(self._simple(c)) != 1 else self._simple(c) for c in piece)
            words, pos = [], 0
            for w, t in self._tag(simple):
                words += unglued(piece[pos : pos + len(w)], t)
                pos += len(w)
            self._memo[piece] = words
        return words


def masked_text(text: str, figures: tuple) -> str:
    """``text`` with every figure blanked out (sliced: a list of a book's characters is
    a third of a gigabyte)."""
    pieces: list[str] = []
    at = 0
    for f in sorted(figures, key=lambda f: f.start):
        if f.end > at:
            start = f.start if f.start > at else at
            pieces += (text[at:start], " " * (f.end - start))
            at = f.end
    return "".join(pieces) + text[at:]


_BREAK = re.compile("[" + re.escape(CLAUSE_BREAKS) + "]")
_BREAK_BEFORE = re.compile(".*[" + re.escape(CLAUSE_BREAKS) + "]", re.DOTALL)  # the last break


def clause(masked: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``masked[start:end]``: after the last break before it, up to the next."""
    # At most the context a figure carries either side: a line with no clause mark
    # would otherwise be segmented whole for each of its figures (quadratic).
    floor = start - CONTEXT_LIMIT if start > CONTEXT_LIMIT else 0
    m = _BREAK_BEFORE.search(masked, floor, start)
    left = m.end() if m else floor
    m = _BREAK.search(masked, end, end + CONTEXT_LIMIT)  # (a search ends at the text's end)
    return left, m.start() if m else min(len(masked), end + CONTEXT_LIMIT)


def same_sentence(out: list, f) -> list:
    """The labelled figures of ``f``'s sentence before it (the end of ``out``)."""
    k = len(out)
    while k > 0 and out[k - 1].sentence is f.sentence and out[k - 1].end <= f.start:
        k -= 1
    return out[k:]


def adjacent(masked: str, end: int, left: int) -> bool:
    """No clause between the end of a figure and the clause starting at ``left``."""
    return _BREAK.search(masked, end, left - 1) is None  # (none when left - 1 <= end)


_SENTENCE_END = re.compile("[。！？!?\n]")
_LAST_SENTENCE_END = re.compile("(?s).*" + _SENTENCE_END.pattern)  # greedy: the last one, found in C
# 以X為例, 就X而言, 拿X來說: X is what the rest of the sentence is about.
_TOPIC_FRAME = re.compile(r"(?:以|拿|就)([^，,。；;：:！？!?\n]{2,12}?)(?:為例|为例|來說|来说|而言|來看|来看)")
_NUMERAL = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億]")
# A name or place ending a clause is where or who, not a topic a figure measures.
_NOT_TOPIC_TAGS = frozenset("ns nr nrfg nrt".split())
_CLOSERS = "」”』）) "
# A clause starting with these says where a figure comes from or when it holds.
_ADVERBIAL = re.compile(
    r"\s*(?:若|如果|假如|依|據|据|根據|根据|按|按照|依照|針對|针对|對於|对于|由於|由于|因為|因为|為了|为了)"
)


def topic(text: str, left: int, out: list, words: Words, framed_only: bool = False) -> str:
    """What the clause starting at ``left``, which names no subject, goes on about: X of a
    ``以X為例`` earlier in its sentence, else (unless ``framed_only``) the noun phrase that ends
    the clause before it (…後的儲蓄率，不降反增，高達37.85%), over clauses with no noun.

    >>> w = Tagger()
    >>> t = "去年的儲蓄率，不降反增，高達40%。"
    >>> topic(t, t.index("高"), [], w), topic(t, t.index("高"), [], w, framed_only=True)
    ('儲蓄率', '')
    >>> t = "以乙公司為例，上月已經漲了，達到了30元。"; topic(t, t.index("達"), [], w)
    '乙公司'
    """
    floor = max(0, left - 2 * CONTEXT_LIMIT)
    m = _LAST_SENTENCE_END.match(text, floor, left)  # the sentence's start, within reach
    start = m.end() if m else floor
    frames = list(_TOPIC_FRAME.finditer(text, start, left)) if _TOPIC_FRAME.search(text, start, left) else []
    if frames and not _NUMERAL.search(frames[-1].group(1)):  # 以總額5千元來看: a figure, not a topic
        return subject_before(words(frames[-1].group(1)))
    if framed_only:
        return ""
    right = left - 1
    while right > start:
        cl_left = clause(text, right, right)[0]
        cl_left = max(cl_left, start)
        if _ADVERBIAL.match(text, cl_left):
            return ""  # 若依主計總處預估，…: a source or a condition, not what is measured
        last_figure = _last_end_in(out, cl_left, right)
        found = _ending_noun(text[last_figure:right], words, last_figure > cl_left)
        if found:
            return found
        if last_figure > cl_left or any(starmap(is_noun, words(text[cl_left:right]))):
            return ""
        right = cl_left - 1
    return ""


def _last_end_in(out: list, left: int, right: int) -> int:
    """The furthest end of the figures of ``out`` (in text order) starting in ``[left, right)``,
    else ``left``; read from the end of ``out`` (the figures before the one being labelled), so
    a long text is not walked once per clause.

    >>> from collections import namedtuple
    >>> F = namedtuple("F", "start end")
    >>> _last_end_in([F(0, 2), F(5, 9), F(10, 12), F(20, 22)], 4, 11), _last_end_in([F(0, 2)], 4, 11)
    (12, 4)
    """
    last = left
    for g in reversed(out):
        if g.start < left:
            break
        if g.start < right:
            last = max(last, g.end)
    return last


def _ending_noun(piece: str, words: Words, after_figure: bool) -> str:
    """The noun phrase ``piece`` ends with (…後的儲蓄率, …的五倍券), else ``""``; not a name or place."""
    tail = [(w, t) for w, t in words(piece) if not w.isspace()]
    # …受衝擊的業者及民眾: people who act; 無一預增: an unknown word (x) the HMM glued, often a predicate
    # an unknown Han word (x) is often a predicate the HMM glued (無一預增)
    if not tail or tail[-1][1] in _NOT_TOPIC_TAGS or tail[-1][0] in AGENT_NOUNS or _glued(*tail[-1]):
        return ""
    found = subject_before(tail)
    if not found:
        de = max((k for k, (w, _t) in enumerate(tail) if w == "的"), default=-1)
        found = after_de(tail[de:]) if de >= 0 else ""
    if not found or not piece.rstrip(_CLOSERS).endswith(found) or (after_figure and piece.lstrip().startswith(found)):
        return ""  # …約有4萬工人: the noun a figure counts is that figure's, not a topic
    return found


def _glued(word: str, tag: str) -> bool:
    return tag == "x" and HAN.match(word) is not None
