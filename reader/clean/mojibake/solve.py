"""Fill a run's open characters from evidence and decide whether the run is real.

Each hypothesis is filled by coordinate ascent on the jieba log probability of
the run in its context (plus evidence bonuses: pinyin notes, matching text
elsewhere in the document); the best one is accepted only when it reads far
better than the damaged text does (an example: ``tests/test_mojibake.py``,
``test_best_repair_fills_a_run_from_evidence``).
"""

from __future__ import annotations

import functools
import operator
import re

from reader.clean.edits import Edit, Inferred
from reader.clean.mojibake.runs import DOCUMENT_WINDOW, NOTE, Hypothesis, Slot
from reader.clean.mojibake.score import (
    BOUNDARY_PUNCTUATION,
    PUNCTUATION,
    boundary_candidates,
    by_frequency,
    char_freq,
    inner_coverage,
    is_han,
    reads_as,
    simplified,
    simplified_logp,
    traditional,
    word_freq_s,
)

# How much better (natural log) the repaired run must read than the damaged one.
MARGIN = 12.0
# A character the bytes do not fix costs this much, so that free choices cannot
# make an implausible reading look good.
OPEN_COST = 2.0
# A pinyin note right after an ASCII letter cannot be the converter's doing.
ORPHAN_NOTE = 8.0
# A re-paired character in the other script than the document's (Simplified
# in a Traditional article) hints that the pairing is wrong.
SCRIPT_MISMATCH = 5.0
READING_BONUS = 8.0
# The scraper's chunks ended at a full stop: a lost character is "。" unless
# the document itself shows a word the character would complete.
BOUNDARY_PRIOR = 10.0
DOC_WORD_BONUS = 8.0
# ... and only where a full stop would leave a fragment this short as a sentence.
SHORT_SENTENCE = 8
MAX_CANDIDATES = 48
# Word-completing candidates shown as alternatives for a lost character.
FEW_WORDS = 6
SHOWN_CANDIDATES = 6
_CONTEXT = 8
_STRIP_NOTES = re.compile(NOTE.pattern)
# What a re-paired run may contain besides Han: punctuation, CJK symbols,
# full-width forms, dashes/quotes/ellipsis.  Greek, Cyrillic, kana, box
# drawing, bopomofo or tone-marked Latin mean the pairing is wrong.
_TEXTLIKE = re.compile(f"[{re.escape(PUNCTUATION)}\u3000-\u303f\uff01-\uff5e\u2010-\u2027·×÷°]")


def _left_context(text: str, at: int) -> str:
    chunk = _STRIP_NOTES.sub("", text[max(0, at - 4 * _CONTEXT) : at])
    return chunk.rsplit("\n", 1)[-1][-_CONTEXT:]


def _right_context(text: str, end: int) -> str:
    chunk = _STRIP_NOTES.sub("", text[end : end + 4 * _CONTEXT])
    return chunk.split("\n", 1)[0][:_CONTEXT]


def _sentence_so_far(text: str, at: int) -> int:
    """Characters since the last sentence end before ``at`` (notes dropped, capped)."""
    chunk = _STRIP_NOTES.sub("", text[max(0, at - 8 * SHORT_SENTENCE) : at])
    return len(re.split("[。！？!?\n]", chunk)[-1])


def _is_traditional(text: str, at: int) -> bool:
    return _reads_traditional(text[max(0, at - 300) : at + 300])


@functools.lru_cache(maxsize=64)  # each hypothesis of a run asks about the same window
def _reads_traditional(window: str) -> bool:
    return sum(map(operator.ne, window, simplified(window))) >= 2


class _Scorer:
    def __init__(self, text: str, at: int, hyp: Hypothesis):
        self.text = text
        # Where the document's own words are looked up (bounded, for huge texts).
        self.window = (max(0, at - DOCUMENT_WINDOW), at + DOCUMENT_WINDOW)  # searched in place, not copied
        self._document_words: dict[str, bool] = {}
        self.sentence_so_far = _sentence_so_far(text, at)
        self.left = _left_context(text, at)
        self.right = _right_context(text, hyp.end)
        self.hyp = hyp
        self.traditional = _is_traditional(text, at)
        self.notes = {i: s for i, s in hyp.readings + hyp.confirm}

    def logp(self, chars: list[str]) -> float:
        return simplified_logp(self.left + "".join(chars) + self.right)

    def evidence(self, index: int, char: str) -> float:
        score = 0.0
        slot = self.hyp.slots[index]
        for cand, bonus, _why in slot.bonus:
            if cand == char:
                score += bonus
        agrees = reads_as(char, self.notes[index]) if index in self.notes else None
        if agrees is not None:
            score += READING_BONUS if agrees else -READING_BONUS
        if index and not slot.fixed:
            score -= OPEN_COST
        if self.foreign_script(char):
            score -= SCRIPT_MISMATCH
        return score

    def foreign_script(self, char: str) -> bool:
        if not is_han(char):
            return False
        if self.traditional:
            return traditional(char) != char and simplified(char) == char
        return simplified(char) != char

    def baseline(self, damaged: str) -> float:
        """How well the damaged text reads as it stands."""
        score = simplified_logp(self.left + damaged + self.right)
        if damaged[-1:].isascii() and damaged[-1:].isalpha() and NOTE.match(self.text, self.hyp.end):
            score -= ORPHAN_NOTE
        return score

    def prior(self, index: int, char: str, chars: list[str]) -> float:
        """Preference among a lost character's candidates (not evidence of damage)."""
        if index != 0:
            return 0.0
        if char == BOUNDARY_PUNCTUATION[0]:
            return BOUNDARY_PRIOR
        if not is_han(char) or not self.hyp.word_boundary:
            return 0.0
        right = chars[1] if len(chars) > 1 else ""
        if right and not is_han(right):
            return 0.0  # a quote or other punctuation follows: the lost one ended a sentence
        if self.sentence_so_far >= SHORT_SENTENCE:
            return 0.0  # a full stop there ends a sentence of ordinary length
        return DOC_WORD_BONUS if self.document_word(self.left[-1:] + char) else 0.0

    def document_word(self, word: str) -> bool:
        """``word`` is a jieba word and the document uses it near the run."""
        known = self._document_words.get(word)
        if known is None:
            known = (
                len(word) == 2
                and is_han(word[0])
                and bool(word_freq_s(word))
                and self.text.find(word, *self.window) >= 0
            )
            self._document_words[word] = known
        return known

    def total(self, chars: list[str]) -> float:
        return self.logp(chars) + sum(self.evidence(i, c) for i, c in enumerate(chars)) - self.hyp.penalty


def _pool(scorer: _Scorer, index: int, slot: Slot, chars: list[str], display: bool = False) -> tuple[str, ...]:
    """Candidates worth scoring for an open slot (the reading narrows them first).

    For the lost character only the full stop and words the document itself
    shows compete; ``display`` adds the other likely characters so the
    reader sees what else it could have been.
    """
    cands = slot.cands
    if index == 0 and (display or scorer.hyp.word_boundary):
        right = chars[1] if len(chars) > 1 else ""
        extra = boundary_candidates(scorer.left[-1:], right)
        if scorer.traditional:
            extra = [_to_traditional(scorer.left[-1:], x, right) for x in extra]
        if display:
            extra = extra[: len(BOUNDARY_PUNCTUATION) + FEW_WORDS]
        else:
            extra = [x for x in extra if scorer.prior(0, x, [x, *chars[1:]]) > 0]
        cands = tuple(dict.fromkeys((*cands, *extra)))
    note = scorer.notes.get(index)
    if note and len(cands) > 1:
        cands = tuple(c for c in cands if reads_as(c, note)) or cands
    if len(cands) > MAX_CANDIDATES:
        favoured = tuple(c for c, _b, _w in slot.bonus)
        cands = tuple(dict.fromkeys((*favoured, *by_frequency(cands))))[:MAX_CANDIDATES]
    return cands


def _to_traditional(left: str, char: str, right: str) -> str:
    converted = traditional(left + char + right)
    if len(converted) == len(left) + 1 + len(right):
        return converted[len(left)]
    return traditional(char)[:1] or char


def _ranked(scorer: _Scorer, i: int, pool: tuple[str, ...], chars: list[str]) -> list[tuple[float, str]]:
    scored = []
    for cand in pool:
        trial = chars[:i] + [cand] + chars[i + 1 :]
        scored.append((scorer.logp(trial) + scorer.evidence(i, cand) + scorer.prior(i, cand, trial), cand))
    scored.sort(key=lambda x: -x[0])
    return scored


def _fill(scorer: _Scorer) -> tuple[list[str], list[tuple[str, ...]], float]:
    """Best characters for the open slots (coordinate ascent) and the evidence of damage."""
    slots = scorer.hyp.slots
    chars = [s.cands[0] for s in slots]
    ranked: list[tuple[str, ...]] = [s.cands for s in slots]
    rounds = 2 if sum(not s.fixed for s in slots) > 1 else 1
    for _round in range(rounds):
        for i, slot in enumerate(slots):
            if slot.fixed:
                continue
            scored = _ranked(scorer, i, _pool(scorer, i, slot, chars), chars)
            if not scored:
                return chars, ranked, float("-inf")
            chars[i] = scored[0][1]
            ranked[i] = tuple(c for _s, c in scored)
    # Evidence of damage is measured with the full stop in the lost place:
    # completing a word there says nothing about whether the run is damaged.
    return chars, ranked, scorer.total([BOUNDARY_PUNCTUATION[0], *chars[1:]])


def _alternatives(scorer: _Scorer, chars: list[str]) -> tuple[str, ...]:
    """The lost character's candidates to show: the choice, then the likeliest others."""
    pool = _pool(scorer, 0, scorer.hyp.slots[0], chars, display=True)
    others = [c for _s, c in _ranked(scorer, 0, pool, chars) if c != chars[0]]
    return (chars[0], *others)


# A character the bytes fix must be one jieba has seen this often: re-paired bytes that give
# rare characters (``?0嗰氹咁f`` -> ``。皢駳雲頵``) read "better" than rare genuine ones only
# because both are unknown, which is no evidence.
RARE_CHAR = 100


def _rare(slots: tuple[Slot, ...], left: str = "", right: str = "") -> bool:
    """Whether a character the bytes fix is rare and makes no dictionary word with a neighbour
    (``瀘`` is rare, ``瀘州`` a word: ``?R詾o州`` -> ``。以瀘州`` stands).

    >>> _rare((Slot(("。",)), Slot(("當",)))), _rare((Slot(("。",)), Slot(("駳",))))
    (False, True)
    >>> _rare((Slot(("。",)), Slot(("以",)), Slot(("瀘",))), right="州老窖")
    False
    """
    chars = left + "".join(s.cands[0] for s in slots) + right
    at = len(left)
    for s in slots:
        ch = s.cands[0]
        if s.fixed and is_han(ch) and char_freq(ch) < RARE_CHAR:
            if not (word_freq_s(chars[at - 1 : at + 1]) or word_freq_s(chars[at : at + 2])):
                return True
        at += len(ch)
    return False


# Below this gain a repair must also make words with its neighbours (``?*氹x`` -> ``。獨離``
# reads 14 nats better, in no word; the weakest real runs read 16 and make words).
STRONG = 20.0
COMMON_CHAR = 1000


def _backed(scorer: _Scorer, chars: list[str], gain: float) -> bool:
    """Whether the repaired characters make words with each other or their neighbours, or the
    document writes them so elsewhere (a name: ``?L祜L`` -> ``。天風`` where the article is about
    天風期貨), and either the evidence is strong or the characters are common.  Never a repair that opens with
    a full stop or comma where no sentence comes before it (a line's start, or right after another
    sentence end): genuine text has none there, however well the rest reads."""
    if chars and chars[0] in BOUNDARY_PUNCTUATION and _nothing_to_end(scorer.left):
        return False
    # Words, even for a strong gain: against damage made of rare characters (``?5乜嘞x``) any common
    # characters read many nats better, words or not (``。地苦蟲`` inside 東方財富).
    fixed = "".join(chars)
    if inner_coverage(scorer.left[-2:], fixed, scorer.right[:2]) < 0.5 and not _echoed(scorer, fixed):
        return False
    return gain >= STRONG or _common_chars(scorer.left[-1:] + fixed + scorer.right[:1], 1, len(fixed))


def _common_chars(chars: str, start: int, length: int) -> bool:
    """Whether every Han character of ``chars[start:start + length]`` is common, alone or inside a
    common word with a neighbour: 慮 is rare alone (jieba counts it in 考慮, 顧慮), 考慮 is common.

    >>> _common_chars("歉。考慮到", 1, 3), _common_chars("x。駳雲y", 1, 3)
    (True, False)
    """
    for k in range(start, start + length):
        c = chars[k]
        if not is_han(c) or char_freq(c) >= COMMON_CHAR:
            continue
        if not any(
            word_freq_s(w) >= COMMON_CHAR for w in (chars[max(0, k - 1) : k + 1], chars[k : k + 2]) if len(w) == 2
        ):
            return False
    return True


def _nothing_to_end(left: str) -> bool:
    """Whether a punctuation mark after ``left`` (the run's line so far) would end no sentence.

    >>> _nothing_to_end(""), _nothing_to_end("報表。"), _nothing_to_end("  "), _nothing_to_end("公司服務")
    (True, True, True, False)
    """
    before = left.rstrip()
    return not before or before[-1] in "。！？；!?;"


def _echoed(scorer: _Scorer, fixed: str) -> bool:
    """Whether a pair of Han characters the repair makes (with a neighbour, or within it)
    occurs elsewhere near the run; the run's own place holds the damage, not the pair."""
    around = scorer.left[-1:] + fixed + scorer.right[:1]
    lo, hi = len(scorer.left[-1:]), len(scorer.left[-1:]) + len(fixed)
    for i in range(len(around) - 1):
        pair = around[i : i + 2]
        if i + 1 >= lo and i < hi and is_han(pair[0]) and is_han(pair[1]):
            if scorer.text.find(pair, *scorer.window) >= 0:
                return True
    return False


def _suspected(text: str, at: int, hyp: Hypothesis, reading: str) -> Edit:
    """A run left as it is and listed: it reads better re-paired, but only into rare characters."""
    damaged = text[at : hyp.end]
    note = f"suspected GBK misalignment left as written: re-paired it would read {reading}, rare characters"
    return Edit(at, hyp.end, damaged, "suspect", note)


def _textlike(slots: tuple[Slot, ...]) -> bool:
    return all(is_han(s.cands[0]) or _TEXTLIKE.fullmatch(s.cands[0]) for s in slots if s.fixed)


def best_repair(text: str, at: int, hypotheses: list[Hypothesis], explain: bool = True) -> Edit | None:
    """The accepted repair of the run at ``at``, or None when the damage is not proven.

    ``explain=False`` gives the same span and new text without the note, the inferred
    characters and their alternatives (a sixth of the solver's time), for a caller that
    keeps only the clean text.
    """
    best = suspect = None
    for hyp in hypotheses:
        scorer = _Scorer(text, at, hyp)
        if not _textlike(hyp.slots):
            continue
        chars, ranked, score = _fill(scorer)
        damaged = text[at : hyp.end]
        baseline = scorer.baseline(damaged)
        gain = score - baseline
        rare = _rare(hyp.slots, scorer.left[-1:], scorer.right[:1])
        if gain >= MARGIN and (rare or not _backed(scorer, chars, gain)):
            suspect = suspect or (hyp, "".join(chars))
        elif gain >= MARGIN and (best is None or gain > best[0]):
            best = (gain, scorer, chars, ranked)
    if best is None:
        return _suspected(text, at, *suspect) if suspect else None
    gain, scorer, chars, ranked = best
    hyp = scorer.hyp
    if not explain:
        return Edit(at, hyp.end, "".join(chars), "mojibake")
    ranked[0] = _alternatives(scorer, chars)
    if chars[0] == BOUNDARY_PUNCTUATION[0]:
        lost_why = "the scraper's chunks start at a full stop"
    else:
        lost_why = f"the document uses the word {scorer.left[-1:]}{chars[0]}"
    return _edit(text, at, hyp, chars, ranked, gain, lost_why)


def _edit(
    text: str, at: int, hyp: Hypothesis, chars: list[str], ranked: list[tuple[str, ...]], gain: float, lost_why: str
) -> Edit:
    new = "".join(chars)
    offsets, pos = [], 0
    for c in chars:
        offsets.append(pos)
        pos += len(c)
    inferred = []
    for i, (slot, c) in enumerate(zip(hyp.slots, chars)):
        if slot.fixed or not c:
            continue
        why = [slot.why, lost_why if i == 0 else ""] + [w for cand, _b, w in slot.bonus if cand == c]
        if i in dict(hyp.readings + hyp.confirm):
            why.append(f"pinyin {dict(hyp.readings + hyp.confirm)[i]}")
        cands = tuple(x for x in ranked[i] if x)[:SHOWN_CANDIDATES]
        if c not in cands:
            cands = (c, *cands[: SHOWN_CANDIDATES - 1])
        inferred.append(Inferred(offsets[i], c, cands, "; ".join(w for w in why if w)))
    readings = tuple((offsets[i], syl) for i, syl in hyp.readings)
    note = f"GBK bytes re-paired ({hyp.kind}): {text[at : hyp.end]} -> {new}; reads {gain:.0f} nats better"
    return Edit(at, hyp.end, new, "mojibake", note, inferred=tuple(inferred), readings=readings)
