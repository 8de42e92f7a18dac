"""Plausibility of Chinese text, for choosing between readings of damaged bytes.

Everything is scored on Simplified text (jieba's dictionary is Simplified);
OpenCC converts.  Scores are natural-log probabilities from jieba's word
frequencies: the best segmentation's log probability, with punctuation
costed like a common word so that a sentence boundary is not punished.

>>> text_logp("日常活动") > text_logp("日睆活动")
True
>>> reads_as("說", "shuō"), reads_as("她", "shuō")
(True, False)
"""

from __future__ import annotations

import functools
import math
import re

from reader.clean.pinyin_notes import HAN
from reader.text.lexicon import lexicon

# Punctuation a sentence may carry; each costs about as much as a common word.
PUNCTUATION = "。，、；：？！“”‘’「」『』（）《》〈〉—…·,.;:?!()"
_PUNCT_LOGP = math.log(1e-3)
_ASCII_WORD_LOGP = math.log(1e-4)
_HAN_RUN = re.compile(f"[{HAN}]+")
_TOKEN = re.compile(f"([{HAN}]+)|([A-Za-z0-9]+)|(.)", re.S)


_CONVERTERS: dict[str, object] = {}


def _converter(config: str):
    """OpenCC for ``config``: one per process, shared with the script views (the solver
    converts some 200,000 contexts on a book, so the lookup is kept to a dict hit)."""
    converter = _CONVERTERS.get(config)
    if converter is None:
        from reader.text.script import _opencc

        converter = _CONVERTERS[config] = _opencc(config)
    return converter


def simplified(text: str) -> str:
    """OpenCC t2s (length-preserving for the characters that matter here)."""
    return _short_simplified(text) if len(text) <= _SHORT else _converter("t2s").convert(text)


def traditional(text: str) -> str:
    """OpenCC s2t, phrase-aware (so ``日常`` stays, ``发展`` becomes ``發展``)."""
    return _short_traditional(text) if len(text) <= _SHORT else _converter("s2t").convert(text)


# The solver converts the same characters and three-character contexts hundreds
# of thousands of times on a book: those are remembered (a call into OpenCC
# costs ~2 µs, a cache hit a tenth of that).
_SHORT = 3


@functools.lru_cache(maxsize=1 << 16)
def _short_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


@functools.lru_cache(maxsize=1 << 16)
def _short_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


def is_han(ch: str) -> bool:
    return bool(_HAN_RUN.fullmatch(ch))


@functools.lru_cache(maxsize=65536)
def char_freq(ch: str) -> int:
    """jieba frequency of the character (its Simplified form), 0 when unknown."""
    lex = lexicon()
    return lex.freq(simplified(ch)) or lex.freq(ch)


def char_logfreq(ch: str) -> float:
    """log(frequency + 1): about 12 for 的, 0 for characters jieba never saw."""
    if ch in PUNCTUATION:
        return 9.0
    return math.log(char_freq(ch) + 1)


@functools.lru_cache(maxsize=1024)
def by_frequency(chars: tuple[str, ...]) -> tuple[str, ...]:
    """``chars``, most frequent first."""
    return tuple(sorted(chars, key=lambda c: -char_logfreq(c)))


def _han_logp(run: str) -> float:
    return lexicon().best_logp(run)


@functools.lru_cache(maxsize=65536)
def text_logp(text: str) -> float:
    """Best-segmentation log probability of ``text`` (Simplified is best).

    Han runs go through jieba's DAG; listed punctuation and each ASCII word
    cost a fixed amount; any other character costs as much as a word jieba
    never saw.
    """
    unknown = -lexicon().log_total
    total = 0.0
    for m in _TOKEN.finditer(text):
        han, word, other = m.groups()
        if han:
            total += _han_logp(han)
        elif word:
            total += _ASCII_WORD_LOGP
        else:
            # ASCII punctuation is ordinary in scraped text; other symbols are not.
            total += _PUNCT_LOGP if other in PUNCTUATION or " " <= other <= "~" else unknown
    return total


@functools.lru_cache(maxsize=1 << 16)
def simplified_logp(text: str) -> float:
    """:func:`text_logp` of ``simplified(text)``: the solver scores each trial reading of a
    run several times over (coordinate ascent, then its alternatives), so the conversion
    is remembered too."""
    return text_logp(simplified(text))


@functools.lru_cache(maxsize=1 << 14)
def word_coverage(text: str) -> float:
    """Share of the Han characters of ``text`` that dictionary words of two or more characters
    can cover (1.0 when it has none): real Chinese is mostly words, bytes read the wrong way
    are mostly characters that make none.

    >>> word_coverage("天气晴朗"), word_coverage("皢駳雲頵")
    (1.0, 0.0)
    """
    lex = lexicon()
    runs = [simplified(r) for r in _HAN_RUN.findall(text)]
    total = sum(map(len, runs))
    if not total:
        return 1.0
    covered = 0
    for run in runs:
        n = len(run)
        subs = [run[i:j] for i in range(n) for j in range(i + 2, min(n, i + 4) + 1)]
        freq = lex.freqs(subs)
        best = [0] * (n + 1)  # most characters of run[i:] that words can cover
        for i in range(n - 1, -1, -1):
            best[i] = best[i + 1]
            for j in range(i + 2, min(n, i + 4) + 1):
                if freq[run[i:j]]:
                    best[i] = max(best[i], j - i + best[j])
        covered += best[0]
    return covered / total


def inner_coverage(left: str, middle: str, right: str) -> float:
    """Share of the Han characters of ``middle`` that lie inside a dictionary word of two to
    four characters of ``left + middle + right`` (1.0 when it has none): the neighbours' own
    words say nothing about characters the bytes were re-read into.

    >>> inner_coverage("电力", "多虫", "负荷"), inner_coverage("来", "到北", "京")
    (0.0, 1.0)
    """
    lex = lexicon()
    text = simplified(left + middle + right)
    lo, hi = len(left), len(left) + len(middle)
    inner = [k for k in range(lo, hi) if _HAN_RUN.match(text, k)]
    if not inner:
        return 1.0
    covered: set[int] = set()
    for run in _HAN_RUN.finditer(text):
        a, b = run.span()
        if b <= lo or a >= hi:
            continue
        subs = [(i, j) for i in range(a, b) for j in range(i + 2, min(b, i + 4) + 1) if i < hi and j > lo]
        freq = lex.freqs([text[i:j] for i, j in subs])
        for i, j in subs:
            if freq[text[i:j]]:
                covered.update(range(max(i, lo), min(j, hi)))
    return sum(1 for k in inner if k in covered) / len(inner)


def word_freq_s(word: str) -> int:
    """jieba frequency of ``word`` after t2s."""
    return lexicon().freq(simplified(word))


@functools.lru_cache(maxsize=1)
def _char_readings() -> dict[str, str] | None:
    """pypinyin's per-character readings table ("12295" -> "líng,yuán,xīng"), read as data.

    Importing pypinyin itself costs ~0.2 s (phrase tables, segmenter) and this
    runs while an article loads; single-character readings are all we need.
    """
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@functools.lru_cache(maxsize=16384)
def _readings(ch: str) -> frozenset[str] | None:
    table = _char_readings()
    if table is None:  # reading evidence is then simply unavailable
        return None
    out: set[str] = set()
    for form in {ch, simplified(ch)}:
        if len(form) == 1:
            out.update(r.replace("v", "ü") for r in table.get(str(ord(form)), "").split(",") if r)
    return frozenset(out)


def reads_as(ch: str, syllable: str) -> bool | None:
    """True when pypinyin gives ``ch`` (or its Simplified form) the toned ``syllable``.

    None when pypinyin is not installed (no evidence either way).
    """
    readings = _readings(ch)
    if readings is None:
        return None
    return syllable.replace("v", "ü") in readings


_BOUNDARY_WORDS = 12
# What a lost character most often is: the chunk boundary sits at a full stop.
BOUNDARY_PUNCTUATION = ("。", "，", "！", "？", "；")


def boundary_candidates(left: str, right: str) -> list[str]:
    """Candidates (Simplified) for a character lost between ``left`` and ``right``.

    Sentence punctuation first, then characters that make a frequent word
    with either neighbour.

    >>> "常" in boundary_candidates("日", "活")
    True
    """
    lex = lexicon()
    after_left = lex.neighbours(simplified(left), after=True, limit=_BOUNDARY_WORDS) if left else []
    before_right = lex.neighbours(simplified(right), after=False, limit=_BOUNDARY_WORDS) if right else []
    found = list(BOUNDARY_PUNCTUATION)
    for k in range(max(len(after_left), len(before_right))):
        found += after_left[k : k + 1] + before_right[k : k + 1]
    return list(dict.fromkeys(found))
