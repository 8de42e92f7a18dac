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
import threading

from .pinyin_notes import HAN
from .segment import tokenizer

_lock = threading.Lock()
_converters: dict[str, object] = {}

# Punctuation a sentence may carry; each costs about as much as a common word.
PUNCTUATION = "。，、；：？！“”‘’「」『』（）《》〈〉—…·,.;:?!()"
_PUNCT_LOGP = math.log(1e-3)
_ASCII_WORD_LOGP = math.log(1e-4)
_HAN_RUN = re.compile(f"[{HAN}]+")
_TOKEN = re.compile(f"([{HAN}]+)|([A-Za-z0-9]+)|(.)", re.S)


def _converter(config: str):
    conv = _converters.get(config)
    if conv is None:
        import opencc

        with _lock:
            conv = _converters.setdefault(config, opencc.OpenCC(config))
    return conv


def simplified(text: str) -> str:
    """OpenCC t2s (length-preserving for the characters that matter here)."""
    return _converter("t2s").convert(text)


def traditional(text: str) -> str:
    """OpenCC s2t, phrase-aware (so ``日常`` stays, ``发展`` becomes ``發展``)."""
    return _converter("s2t").convert(text)


def is_han(ch: str) -> bool:
    return bool(_HAN_RUN.fullmatch(ch))


@functools.lru_cache(maxsize=65536)
def char_freq(ch: str) -> int:
    """jieba frequency of the character (its Simplified form), 0 when unknown."""
    freq = tokenizer().FREQ
    return freq.get(simplified(ch), 0) or freq.get(ch, 0) or 0


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
    tk = tokenizer()
    dag = tk.get_DAG(run)
    route: dict[int, tuple[float, int]] = {}
    tk.calc(run, dag, route)
    return route[0][0]


@functools.lru_cache(maxsize=65536)
def text_logp(text: str) -> float:
    """Best-segmentation log probability of ``text`` (Simplified is best).

    Han runs go through jieba's DAG; listed punctuation and each ASCII word
    cost a fixed amount; any other character costs as much as a word jieba
    never saw.
    """
    unknown = -math.log(tokenizer().total)
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


def word_freq_s(word: str) -> int:
    """jieba frequency of ``word`` after t2s."""
    freq = tokenizer().FREQ
    return freq.get(simplified(word), 0) or 0


@functools.lru_cache(maxsize=16384)
def _readings(ch: str) -> frozenset[str] | None:
    try:
        from pypinyin import Style, pinyin
    except ImportError:  # reading evidence is then simply unavailable
        return None
    out: set[str] = set()
    for form in {ch, simplified(ch)}:
        for group in pinyin(form, style=Style.TONE, heteronym=True, errors="ignore"):
            out.update(s.replace("v", "ü") for s in group)
    return frozenset(out)


def reads_as(ch: str, syllable: str) -> bool | None:
    """True when pypinyin gives ``ch`` (or its Simplified form) the toned ``syllable``.

    None when pypinyin is not installed (no evidence either way).
    """
    readings = _readings(ch)
    if readings is None:
        return None
    return syllable.replace("v", "ü") in readings


@functools.lru_cache(maxsize=1)
def _two_char_words() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Two-character jieba words indexed by first and by second character, frequent first."""
    by_first: dict[str, list[tuple[int, str]]] = {}
    by_second: dict[str, list[tuple[int, str]]] = {}
    for word, freq in tokenizer().FREQ.items():
        if freq and len(word) == 2 and is_han(word[0]) and is_han(word[1]):
            by_first.setdefault(word[0], []).append((freq, word[1]))
            by_second.setdefault(word[1], []).append((freq, word[0]))

    def top(index: dict[str, list[tuple[int, str]]]) -> dict[str, list[str]]:
        return {k: [c for _f, c in sorted(v, reverse=True)[:_BOUNDARY_WORDS]] for k, v in index.items()}

    return top(by_first), top(by_second)


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
    by_first, by_second = _two_char_words()
    after_left = by_first.get(simplified(left), []) if left else []
    before_right = by_second.get(simplified(right), []) if right else []
    found = list(BOUNDARY_PUNCTUATION)
    for k in range(max(len(after_left), len(before_right))):
        found += after_left[k : k + 1] + before_right[k : k + 1]
    return list(dict.fromkeys(found))
