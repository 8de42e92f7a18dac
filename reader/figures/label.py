"""What a figure measures: a whole word of its clause, or nothing.

The clause around a figure (up to the next ``，``/``。``, other figures marking
its ends) is tagged by jieba (reader.text.segment.tag, on the Simplified form:
OpenCC t2s keeps every character in place, so words are cut back out of the
original text and labels keep the article's script).  The rules, first that
answers wins (the noun-phrase rules are in reader.figures.label_words):

1. a figure in brackets right after another (``5千元（約港幣1400元）``) converts
   it: the same label;
2. the figure's own noun after its measure word (``三款手機``) or ``的`` + a
   noun phrase after it (``23歲的何詩蓓``, ``（…）的五倍券``);
3. a noun phrase right after a count, share, multiple or quantity
   (``303個小型煤礦``, ``30 倍數字變焦``, ``200米自由泳``);
4. ``A、B分別…x、y``: x measures A, y measures B;
5. the subject before it, over verbs, adverbs, times and a comparison's
   baseline (``用電量較上年增長``); a personal pronoun there means: empty;
6. nothing in the clause: a figure in a list (``x和y``, ``從x提高至y``), after
   a change verb, after ``其中`` or in a clause with no noun at all takes the
   label of the figure before it (a list of them, the list before, in order);
   a market or payment verb names the amount (``探低``, ``自付``, ``虧了``).

Dates and years are labelled by 2 and 3 (``2010年估值``), and by their subject
only in ``X自DATE起`` (what starts then); otherwise never by looking back: the
subject of a sentence is rarely what its date dates.  A garbled clause (U+FFFD,
``锛``) gives no label.  When
the rules do not find a noun, the label is empty: an empty label says
nothing, a wrong one misleads.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.figures.context import LIMIT as CONTEXT_LIMIT
from reader.figures.label_phrases import (
    FREQUENCY_UNITS,
    after_de,
    agreeing,
    baseline_cut,
    event_after,
    list_nouns,
    metric_follows,
    metric_verb_before,
    noun_after,
    subject_before,
)
from reader.figures.label_words import (
    AGENT_NOUNS,
    FUNCTION_WORDS,
    LIST_JOINS,
    METRIC_VERBS,
    PERSONAL_PRONOUNS,
    Word,
    is_head,
    is_noun,
    is_time_word,
    unglued,
)
from reader.figures.units import MONEY_UNITS

_CLAUSE_BREAKS = "，,。！？!?；;：:\n（）()【】《》"
_NUMERAL_OR_MEASURE = re.compile(r"^.*[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億半几幾数數]")
# Between a figure and the bracketed one that converts it: 約, 合, 即 ...
_CONVERSION = re.compile(
    r"^\s*[（(]\s*(?:約|约|合|約合|约合|折合|即|相當於|相当于)?\s*(?:"
    + "|".join(sorted(MONEY_UNITS, key=len, reverse=True))
    + r")?\s*$"
)
_BRACKETED = re.compile(r"\s*[（(][^（）()]{0,30}[）)]")
_CHANGE_VERBS = frozenset(
    "增长 增長 下降 减少 減少 上涨 上漲 提升 提高 上升 下跌 增加 降低 回落 扩大 擴大 收窄 缩小 縮小 增 降 涨 漲 跌 "
    "翻 翻了 急跌 大涨 大漲 萎缩 萎縮 锐减 銳減 放大 减 減 同比增加 同比增长 同比增長 同比下降".split()
)
# Between two figures of one quantity: a list (x、y; x和y) or a change (从x提高至y).
_JOINING = _CHANGE_VERBS | LIST_JOINS | frozenset("达 達 为 為 是 至 到 大幅 也 今年 了 增至 降至 升至 提高至".split())
_UNDATED_KINDS = ("date", "year")
# A clause the cleaner could not repair: a replacement character, or Chinese punctuation
# read as GBK (，-> 锛, 。、-> 銆), which real text does not write.
_MOJIBAKE = re.compile("[\ufffd锛銆]")
_MEASURE_WORDS = "面個个款種种顆颗家位名隻只件條条部台臺輛辆批座所項项"
# Index points (14000點整數位) measure the index, never the noun after them.
_NO_NOUN_AFTER_UNITS = frozenset("點 点".split())


class _Tagger:
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


def _masked(text: str, figures: tuple) -> str:
    """``text`` with every figure blanked out (sliced: a list of a book's characters is
    a third of a gigabyte)."""
    pieces: list[str] = []
    at = 0
    for f in sorted(figures, key=lambda f: f.start):
        if f.end > at:
            start = max(at, f.start)
            pieces += (text[at:start], " " * (f.end - start))
            at = f.end
    return "".join(pieces) + text[at:]


_BREAK = re.compile("[" + re.escape(_CLAUSE_BREAKS) + "]")
_BREAK_BEFORE = re.compile(".*[" + re.escape(_CLAUSE_BREAKS) + "]", re.DOTALL)  # the last break


def _clause(masked: str, start: int, end: int) -> tuple[int, int]:
    # At most the context a figure carries either side: a line with no clause mark
    # would otherwise be segmented whole for each of its figures (quadratic).
    floor, ceiling = max(0, start - CONTEXT_LIMIT), min(len(masked), end + CONTEXT_LIMIT)
    m = _BREAK_BEFORE.search(masked, floor, start)
    left = m.end() if m else floor
    m = _BREAK.search(masked, end, ceiling)
    return left, m.start() if m else ceiling


def own_noun(text: str, unit: str) -> str:
    """The noun a count figure writes after its measure word (``三款手機``: 手機), else ``""``;
    the caller checks that it is a noun.

    >>> own_noun("三款手機", "款"), own_noun("3面獎牌", ""), own_noun("300人左右", "人"), own_noun("163.89億千瓦時", "千瓦時")
    ('手機', '獎牌', '左右', '')
    """
    if unit and unit in text:
        tail = text[text.rindex(unit) + len(unit) :]
    else:
        m = _NUMERAL_OR_MEASURE.match(text)
        tail = text[m.end() :] if m else ""
        tail = tail[1:] if len(tail) > 2 and tail[0] in _MEASURE_WORDS else tail
    tail = tail.strip()
    return tail if len(tail) >= 2 and re.fullmatch(r"[\u3400-\u9fff]+", tail) else ""


def label_all(text: str, figures: tuple) -> tuple:
    """``figures`` (in text order) with labels."""
    masked = _masked(text, figures)
    words = _Tagger()
    out: list = []
    for i, f in enumerate(figures):
        label = _label(text, masked, figures, i, out, words)
        near = text[max(0, f.start - 2 * CONTEXT_LIMIT) : f.end + 2 * CONTEXT_LIMIT]
        if label and label not in near:  # cannot happen (labels are words around it), but labels must be text
            label = ""
        out.append(replace(f, label=label))
    return tuple(out)


def _label(text: str, masked: str, figures: tuple, i: int, out: list, words: _Tagger) -> str:
    f = figures[i]
    left, right = _clause(masked, f.start, f.end)
    if _MOJIBAKE.search(text, left, right):
        return ""  # words of a garbled passage name nothing
    prev = out[-1] if out and out[-1].sentence is f.sentence and out[-1].end <= f.start else None
    if prev is not None and _CONVERSION.match(text[prev.end : f.start]):
        return prev.label
    found = _label_inside(text, f, right, words) or _label_after(text, masked, figures, i, right, words)
    if found:
        return found
    if f.kind in _UNDATED_KINDS:
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        valued = nxt is not None and nxt.start < right and nxt.kind not in _UNDATED_KINDS
        return _date_label(text, masked, f, left, out, words, valued)
    # the figures of the clause before this one, dates left out: they are adverbials
    same = _same_sentence(out, f)
    earlier = [g for g in same if g.kind not in _UNDATED_KINDS]
    near = earlier[-1] if earlier and earlier[-1].end > left else None
    before = words(text[near.end if near is not None else left : f.start]) if f.start > left else []
    found = _distributed(text, f, left, words) or _parallel(text, masked, f, earlier, left, words)
    if found:
        return found
    if near is not None and _joined(before) and near.label:
        return near.label
    named = [g for g in earlier if g.label and not _verb_label(g.label) and _adjacent(masked, g.end, left)]
    return _label_before(f, before, named)


def _parallel(text: str, masked: str, f, earlier: list, left: int, words: _Tagger) -> str:
    """A list of figures in a clause with no noun, after a clause whose figures have one label
    each, goes with them in order (A、B分別進口x、y，增長p、q: p is A's growth, q B's)."""
    mine = [g for g in earlier if g.end > left]
    theirs = [g for g in earlier if g.end <= left and _adjacent(masked, g.end, left)]
    labels = [g.label for g in theirs]
    if len(labels) < 2 or len(set(labels)) < len(labels) or not all(labels) or len(mine) >= len(labels):
        return ""
    if any(is_head(w, t) for w, t in words(text[left : mine[0].start if mine else f.start])):
        return ""
    return labels[len(mine)]


def _verb_label(label: str) -> bool:
    """A label that is a market or payment verb (探低, 收盤報): it names its own figure only."""
    return label in METRIC_VERBS or label[:2] in METRIC_VERBS


def _same_sentence(out: list, f) -> list:
    """The labelled figures of ``f``'s sentence before it (the end of ``out``)."""
    k = len(out)
    while k > 0 and out[k - 1].sentence is f.sentence and out[k - 1].end <= f.start:
        k -= 1
    return out[k:]


_MODALS = "可能會会將将要應应需"  # 可用: what may be done, not the event
_FROM = frozenset("自 從 从 由".split())
_SINCE = re.compile(r"\s*(?:起|開始|开始|以來|以来)")


def _date_label(text: str, masked: str, f, left: int, out: list, words: _Tagger, valued: bool) -> str:
    """A date dates its clause's subject in ``X自DATE起…`` (五倍振興券自9月22日起使用) and right
    before a value (紅木原材料2006年每噸才4萬元), the event starting then (…10月8日開始領取);
    a clause with no noun continues the date before it (…，可用到4月30日止)."""
    before = [(w, t) for w, t in words(text[left : f.start]) if not is_time_word(w, t)] if f.start > left else []
    since = _SINCE.match(text, f.end)
    if before and before[-1][0] in _FROM and since:
        return subject_before(before[:-1])
    if valued and before and is_head(*before[-1]):
        return subject_before(before)
    if since is None:
        return _date_goes_on(masked, f, left, out, before)
    # …10月8日開始領取: the event that starts then
    nxt = [
        (w, t) for w, t in words(text[since.end() : _clause(masked, since.end(), since.end())[1]]) if not w.isspace()
    ]
    if (
        nxt
        and nxt[0][1] in ("v", "vn")
        and len(nxt[0][0]) > 1
        and nxt[0][0] not in FUNCTION_WORDS
        and nxt[0][0][0] not in _MODALS
    ):
        return nxt[0][0]
    return _date_goes_on(masked, f, left, out, before)


def _date_goes_on(masked: str, f, left: int, out: list, before: list[Word]) -> str:
    if any(is_head(w, t) for w, t in before):
        return ""
    dates = [g for g in _same_sentence(out, f) if g.kind in _UNDATED_KINDS]
    if dates and dates[-1].label and _adjacent(masked, dates[-1].end, left):
        return dates[-1].label
    return ""


def _adjacent(masked: str, end: int, left: int) -> bool:
    """No clause between the end of a figure and the clause starting at ``left``."""
    return not any(c in _CLAUSE_BREAKS for c in masked[end : max(end, left - 1)])


def _label_inside(text: str, f, right: int, words: _Tagger) -> str:
    """The noun the figure itself writes (三款手機) or begins (兩批貨: 批貨)."""
    if f.kind in _UNDATED_KINDS:
        return ""
    if f.kind != "count":
        return ""
    own = own_noun(f.text, f.unit)
    if own and noun_after(words(own)) == own:
        return own
    return _straddling(text, f.end, right, words)


def _label_after(text: str, masked: str, figures: tuple, i: int, right: int, words: _Tagger) -> str:
    """What follows the figure: ``的`` + noun, the noun counted, the noun after a list of figures."""
    f = figures[i]
    nxt = figures[i + 1] if i + 1 < len(figures) and figures[i + 1].start >= f.end else None
    stop = min(right, nxt.start) if nxt is not None and nxt.start < right else right
    after = words(text[f.end : stop]) if stop > f.end else []
    m = _BRACKETED.match(text, f.end)
    if m:  # 5千元（約港幣1400元）的五倍券: what follows the bracket
        after = words(text[m.end() : _clause(masked, m.end(), m.end())[1]])
    found = after_de(after) or (agreeing(after, f) if f.kind == "count" else "")
    if not found and f.kind == "count" and f.unit in FREQUENCY_UNITS:
        found = event_after(after)
    if not found and f.unit not in _NO_NOUN_AFTER_UNITS:
        found = noun_after(after, counted=f.kind == "count" and f.unit in _MEASURE_WORDS)
        if f.kind in ("duration", "time") and found in ("时间", "時間"):
            found = ""  # 兩個月時間: a duration measures time
        if found and f.kind in _UNDATED_KINDS and not metric_follows(after, found):
            found = ""
    if found or nxt is None or nxt.start >= right:
        return found
    last = i  # 50米、100米、200米自由泳: the noun after the last of a list
    while last + 1 < len(figures) and figures[last + 1].start < right and figures[last + 1].kind == f.kind:
        if not _joined(words(text[figures[last].end : figures[last + 1].start])):
            break
        last += 1
    if last == i:
        return ""
    end = figures[last].end
    return noun_after(words(text[end:right])) if end < right else ""


def _label_before(f, before: list[Word], named: list) -> str:
    """The subject before the figure; else, in a clause that only says how the sentence's
    quantity went on (同比增長, 其中), the label of the figure before; else a metric verb."""
    found = subject_before(before, agents=f.kind == "count")
    if found:
        return found
    if any(w in PERSONAL_PRONOUNS for w, _t in before):
        return ""
    if named and (_changes(before) or _part_of(before)):
        return named[-1].label
    found = metric_verb_before(before)
    if found or not named or not _bare(before):
        return found
    bare_number = f.kind == "number" and not f.unit  # 達到200萬的水平 after 90萬 (GMV)
    return named[-1].label if bare_number or (named[-1].kind, f.kind) in _GOES_ON else ""


# (kind before, kind after) where a clause with no noun goes on about the figure before: the
# same kind, or a time after a distance (100米自由泳決賽，最終游出52.27秒).
_AMOUNTS = ("money", "count", "percent", "multiple", "number", "fraction", "quantity")
_GOES_ON = frozenset((k, k) for k in _AMOUNTS) | {("number", "duration"), ("quantity", "time"), ("time", "time")}
# …同比增長107%，達到472.5億元: a rate and the level it reached measure one quantity
_GOES_ON |= {("percent", k) for k in ("money", "number", "quantity")} | {
    (k, "percent") for k in ("money", "number", "quantity")
}


def _part_of(before: list[Word]) -> bool:
    """``其中``: the figure is a part of the one before (其中70%來自…)."""
    return any(w in ("其中", "当中", "當中") for w, _t in before)


def _straddling(text: str, end: int, right: int, words: _Tagger) -> str:
    """The noun that the figure's last character begins (兩批貨: 批貨, 31個省份: 省份): the
    figure's measure word is part of it."""
    if end >= right or not ("\u4e00" <= text[end] <= "\u9fff"):
        return ""
    pos, start = 0, end - 1
    for w, t in words(text[start : min(right, end + 4)]):
        if pos == 0 and len(w) > 1:
            return w if t != "x" and is_head(w, t) else ""
        pos += len(w)
        break
    return ""


def _joined(between: list[Word]) -> bool:
    """Only a list mark or a change between two figures (x、y; x和y; 从x提高至y)."""
    return all(w.isspace() or w in _JOINING for w, _t in between)


def _changes(before: list[Word]) -> bool:
    """The clause says only how the sentence's quantity changed (同比增长, 较上年提高, 有的上涨了);
    a comparison's baseline (較前一交易日收盤) does not count as a noun of its own."""
    return all(
        w.isspace()
        or w in _CHANGE_VERBS
        or t in ("d", "ad", "c", "p", "t", "r", "ul", "uz", "zg", "j", "vg", "m", "q")
        or not is_head(w, t)
        or w in AGENT_NOUNS
        for w, t in baseline_cut(before)
    ) and any(w in _CHANGE_VERBS for w, _t in before)


_DISTRIBUTIVE = re.compile("分别|分別|各自")
_LIST_MARK = re.compile(r"[、和及與与]")


def _distributed(text: str, f, left: int, words: _Tagger) -> str:
    """``A、B分別流出x、y``: the noun of A for x, of B for y (the position of ``f`` in the list
    of figures after ``分別``); ``""`` unless there are as many nouns as that needs."""
    marks = list(_DISTRIBUTIVE.finditer(text, left, f.start))
    if not marks:
        return ""
    at = marks[-1].end()
    nouns = list_nouns(words(text[left:at]))
    index = len(_LIST_MARK.findall(text, at, f.start))
    return nouns[index] if index < len(nouns) else ""


def _bare(before: list[Word]) -> bool:
    """No noun at all before the figure in its clause (最終游出52.27秒): it goes on about the
    quantity of the clause before."""
    return not any(is_noun(w, t) for w, t in before)
