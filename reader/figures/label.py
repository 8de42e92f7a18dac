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
from itertools import starmap

from reader.figures.context import LIMIT as CONTEXT_LIMIT
from reader.figures.kinds import Qualifier
from reader.figures.label_clause import UNDATED_KINDS, Tagger, adjacent, clause, masked_text, same_sentence, topic
from reader.figures.label_dates import date_label, record_after, started_event
from reader.figures.label_phrases import (
    FREQUENCY_UNITS,
    RANGE_ENDS,
    after_de,
    agreeing,
    baseline_cut,
    bounded_noun,
    event_after,
    list_nouns,
    metric_follows,
    metric_verb_before,
    noun_after,
    subject_before,
)
from reader.figures.label_words import (
    AGENT_NOUNS,
    LIST_JOINS,
    MARKET_VERBS,
    PERSONAL_PRONOUNS,
    Word,
    has_word,
    is_head,
    is_noun,
)
from reader.figures.units import MONEY_UNITS, UNITS

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
# A clause the cleaner could not repair: a replacement character, or Chinese punctuation
# read as GBK (，-> 锛, 。、-> 銆), which real text does not write.
_MOJIBAKE = re.compile("[\ufffd锛銆]")
_MEASURE_WORDS = "面個个款種种顆颗家位名隻只件條条部台臺輛辆批座所項项"
# Index points (14000點整數位) measure the index, never the noun after them.
_NO_NOUN_AFTER_UNITS = frozenset("點 点".split())


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


# 為/是 B 的 N倍: B is the baseline the multiple compares with, not what it measures.
_BASELINE = re.compile(r"(?:約為|约为|為|为|是|相當於|相当于|等於|等于)[^，,。；;！？!?\n的]{1,12}的\s*$")


def baseline_start(text: str, lo: int, hi: int) -> int:
    """Where the baseline of a multiple ending at ``hi`` starts (its 為/是), else ``hi``.

    >>> t = "新房價格約為舊房的1.5倍"
    >>> t[:baseline_start(t, 0, 9)], baseline_start("銷量增長的", 0, 5)
    ('新房價格', 5)
    """
    m = _BASELINE.search(text, lo, hi)
    return m.start() if m else hi


def rate_base(label: str) -> bool:
    """The base of a rate (每千克, 每平方米) or a piece cut from one (生每學年 of 每生每學年) names
    what the figure is counted per, not what it measures.  每股收益 is a metric.

    >>> [rate_base(w) for w in ("每千克", "每坪", "生每學年", "每股收益", "單價")]
    [True, True, True, False, False]
    """
    at = label.find("每")
    return at > 0 or (at == 0 and label[1:] in UNITS)


def label_all(text: str, figures: tuple) -> tuple:
    """``figures`` (in text order) with labels."""
    masked = masked_text(text, figures)
    words = Tagger()
    out: list = []
    reach = 2 * CONTEXT_LIMIT
    for i, f in enumerate(figures):
        label = _label(text, masked, figures, i, out, words)
        # cannot happen (labels are words around it), but labels must be text
        if label and text.find(label, f.start - reach if f.start > reach else 0, f.end + reach) < 0:
            label = ""
        if label and rate_base(label):
            label = ""
        out.append(f.labelled(label))
    return tuple(out)


def _label(text: str, masked: str, figures: tuple, i: int, out: list, words: Tagger) -> str:
    f = figures[i]
    left, right = clause(masked, f.start, f.end)
    if _MOJIBAKE.search(text, left, right):
        return ""  # words of a garbled passage name nothing
    prev = out[-1] if out and out[-1].sentence is f.sentence and out[-1].end <= f.start else None
    if prev is not None and _CONVERSION.match(text[prev.end : f.start]):
        return prev.label
    counts = f.kind == "count"  # (the rules of what a figure counts ask only counts)
    found = (_label_inside(text, f, right, words) if counts else "") or _label_after(
        text, masked, figures, i, (left, right), words
    )
    if found or (counts and _counted_follows(text, f, right, words)):
        return found  # 開放了27個臨時庇護中心: the noun counted follows; the subject only acts
    if f.kind in UNDATED_KINDS:
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        valued = nxt is not None and nxt.start < right and nxt.kind not in UNDATED_KINDS
        return date_label(text, masked, f, left, out, words, valued)
    # the figures of the clause before this one, dates left out: they are adverbials
    same = same_sentence(out, f)
    earlier = [g for g in same if g.kind not in UNDATED_KINDS]
    near = earlier[-1] if earlier and earlier[-1].end > left else None
    lo = near.end if near is not None else left
    before = (
        words(text[lo : baseline_start(text, lo, f.start) if f.kind == "multiple" else f.start])
        if f.start > left
        else []
    )
    found = _distributed(text, f, left, words) or (
        _parallel(text, masked, f, earlier, left, words) if len(earlier) > 1 else ""
    )
    if found:
        return found
    if near is not None and _joined(before) and near.label:
        return near.label
    parts = [g for g in earlier if g.label and adjacent(masked, g.end, left)] if earlier else []
    if parts and _part_of(before) and not subject_before(before):
        return parts[-1].label  # 投資48億元…，當中約6成: a part of what the figure before measures
    named = [g for g in parts if not _verb_label(g.label)] if parts else []
    found = _label_before(f, before, named)
    if found and near is not None and near.kind == "count" and text.startswith(found, near.end):
        return ""  # 46宗水浸及5宗山泥傾瀉, 詐騙37名客戶合共1.26億: the noun a count counts is that count's
    if found or near is not None or f.kind not in _TOPIC_KINDS or any(starmap(is_head, before)):
        return found
    if has_word(before, PERSONAL_PRONOUNS):
        return found
    return topic(text, left, out, words)  # …的儲蓄率，不降反增，高達37.85%


def _counted_follows(text: str, f, right: int, words: Tagger) -> bool:
    """A count's measure word followed by a noun the rules could not read as a phrase
    (27個臨時庇護中心): that noun is what it counts, so nothing before it is."""
    if f.kind != "count" or not f.unit or f.unit not in _MEASURE_WORDS or f.end >= right:
        return False
    after = [(w, t) for w, t in words(text[f.end : right]) if not w.isspace()]
    return bool(after) and (is_noun(*after[0]) or after[0][1] in ("b", "vn", "ng"))


def _parallel(text: str, masked: str, f, earlier: list, left: int, words: Tagger) -> str:
    """A list of figures in a clause with no noun, after a clause whose figures have one label
    each, goes with them in order (A、B分別進口x、y，增長p、q: p is A's growth, q B's)."""
    mine = [g for g in earlier if g.end > left]
    if len(earlier) - len(mine) < 2:
        return ""  # not a list of figures before this clause (most figures)
    theirs = [g for g in earlier if g.end <= left and adjacent(masked, g.end, left)]
    labels = [g.label for g in theirs]
    if len({g.kind for g in theirs}) > 1:
        return ""  # 4126名投資人…5.37億元: figures of different kinds are no list
    if len(labels) < 2 or len(set(labels)) < len(labels) or not all(labels) or len(mine) >= len(labels):
        return ""
    if any(starmap(is_head, words(text[left : mine[0].start if mine else f.start]))):
        return ""
    return labels[len(mine)]


def _verb_label(label: str) -> bool:
    """A label that is a market or payment verb (探低, 收盤報): it names its own figure only.
    A noun (營業額, 資金) names a quantity the next clause can go on about.

    >>> _verb_label("探低"), _verb_label("收盤報"), _verb_label("營業額")
    (True, True, False)
    """
    return label in MARKET_VERBS or label[:2] in MARKET_VERBS


def _label_inside(text: str, f, right: int, words: Tagger) -> str:
    """The noun the figure itself writes (三款手機) or begins (兩批貨: 批貨)."""
    if f.kind != "count":  # (dates included)
        return ""
    own = own_noun(f.text, f.unit)
    if own and noun_after(words(own)) == own:
        return own
    return _straddling(text, f.end, right, words)


def _label_after(text: str, masked: str, figures: tuple, i: int, span: tuple[int, int], words: Tagger) -> str:
    """What follows the figure (its clause: ``span``): ``的`` + noun, the noun counted, the noun
    after a list of figures."""
    f = figures[i]
    left, right = span
    nxt = figures[i + 1] if i + 1 < len(figures) and figures[i + 1].start >= f.end else None
    stop = nxt.start if nxt is not None and nxt.start < right else right
    piece = text[f.end : stop]
    after = words(piece) if piece else []
    m = _BRACKETED.match(text, f.end)
    if m:  # 5千元（約港幣1400元）的五倍券: what follows the bracket
        piece = text[m.end() : clause(masked, m.end(), m.end())[1]]
        after = words(piece)
    found = after_de(after) if "的" in piece else ""  # (the words are the piece's: most have no 的)
    if found:  # 年化收益率超過6%的理財產品: the figure bounds the noun before it
        bound = f.qualifier in (Qualifier.LOWER, Qualifier.UPPER) or bool(after and after[0][0] in RANGE_ENDS)
        found = bounded_noun(words(text[left : f.start]), bound) or found
    found = found or (agreeing(after, f) if f.kind == "count" and f.unit and f.unit in piece else "")
    if not found and f.kind in ("duration", "date", "year"):
        found = record_after(after)  # 創11年新高
    if not found and f.kind in ("duration", "age"):
        found = started_event(text, masked, f, words)  # 6歲起接受正式的泳隊訓練
    if not found and f.kind == "count" and f.unit in FREQUENCY_UNITS:
        found = event_after(after)
    if not found and f.unit not in _NO_NOUN_AFTER_UNITS:
        found = noun_after(after, counted=f.kind == "count" and f.unit in _MEASURE_WORDS)
        if f.kind in ("duration", "time") and found in ("时间", "時間"):
            found = ""  # 兩個月時間: a duration measures time
        if found and f.kind in UNDATED_KINDS and not metric_follows(after, found):
            found = ""
    if not found and f.kind == "people":
        found = event_after(after)  # 23人確診: what the people counted did
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
    if has_word(before, PERSONAL_PRONOUNS):
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
_TOPIC_KINDS = (*_AMOUNTS, "people")  # amounts a sentence's topic can measure (not dates, durations)
_GOES_ON = (
    frozenset((k, k) for k in _AMOUNTS)
    | {("number", "duration"), ("quantity", "time"), ("time", "time")}
    | frozenset((k, "multiple") for k in (*_AMOUNTS, "people"))  # 用電量163億千瓦時，是去年的1.2倍
)
# …同比增長107%，達到472.5億元: a rate and the level it reached measure one quantity
_GOES_ON |= {("percent", k) for k in ("money", "number", "quantity")} | {
    (k, "percent") for k in ("money", "number", "quantity")
}


def _part_of(before: list[Word]) -> bool:
    """``其中``: the figure is a part of the one before (其中70%來自…)."""
    return has_word(before, _PART_WORDS)


_PART_WORDS = frozenset("其中 当中 當中".split())


def _straddling(text: str, end: int, right: int, words: Tagger) -> str:
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
    a comparison's baseline (較前一交易日收盤) does not count as a noun of its own; a change
    with an object of its own (減少碳排放) is about that object."""
    last = max((k for k, (w, _t) in enumerate(before) if w in _CHANGE_VERBS), default=-1)
    if any(starmap(is_noun, before[last + 1 :])):
        return False
    return all(
        w.isspace()
        or w in _CHANGE_VERBS
        or t in ("d", "ad", "c", "p", "t", "r", "ul", "uz", "zg", "j", "vg", "m", "q")
        or not is_head(w, t)
        or w in AGENT_NOUNS
        for w, t in baseline_cut(before)
    ) and has_word(before, _CHANGE_VERBS)


_DISTRIBUTIVE = re.compile("分别|分別|各自")
_LIST_MARK = re.compile(r"[、和及與与]")


def _distributed(text: str, f, left: int, words: Tagger) -> str:
    """``A、B分別流出x、y``: the noun of A for x, of B for y (the position of ``f`` in the list
    of figures after ``分別``); ``""`` unless there are as many nouns as that needs."""
    if _DISTRIBUTIVE.search(text, left, f.start) is None:
        return ""
    at = list(_DISTRIBUTIVE.finditer(text, left, f.start))[-1].end()
    nouns = list_nouns(words(text[left:at]))
    index = len(_LIST_MARK.findall(text, at, f.start))
    return nouns[index] if index < len(nouns) else ""


def _bare(before: list[Word]) -> bool:
    """No noun at all before the figure in its clause (最終游出52.27秒): it goes on about the
    quantity of the clause before."""
    return not any(starmap(is_noun, before))
