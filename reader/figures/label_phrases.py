"""The labeller's noun-phrase rules, on part-of-speech tagged words: the phrase after a
figure, the subject before it, a list's items, the verb that names an amount.

The rules are pure functions of ``(text, tag)`` lists (see :mod:`reader.figures.label_words`
for the word classes), so each can be read and tested alone; :mod:`reader.figures.label`
applies them to a figure's clause.

>>> noun_after([("小型", "b"), ("煤矿", "n"), ("，", "x")])
'小型煤矿'
>>> subject_before([("最大", "a"), ("电力", "n"), ("负荷", "n")])
'电力负荷'
>>> subject_before([("同比", "j"), ("增长", "v")])
''
"""

from __future__ import annotations

from operator import itemgetter

from reader.figures.label_words import (
    AGENT_NOUNS,
    COMPARISON_WORDS,
    DISTRIBUTIVE,
    FUNCTION_WORDS,
    HAN,
    LATIN,
    LIST_JOINS,
    METRIC_VERBS,
    NOUN_TAGS,
    PAYING,
    PERSONAL_PRONOUNS,
    UNIT_WORDS,
    Word,
    is_baseline,
    is_head,
    is_noun,
    is_per_unit,
    is_time_word,
    phrase,
)


def noun_after(words: list[Word], limit: int = 3, unknown: bool = False, counted: bool = False) -> str:
    """The noun phrase the words start with (spaces between Latin words skipped), ``""`` when they
    do not start with one: 三款 + 手机, 30 倍 + 数字变焦, 200米 + 自由泳决赛.  Words jieba does
    not know (``x``: names, or characters its HMM glued together) only when ``unknown``.
    ``counted``: after a measure word whatever comes is a noun (三個抓手, 10個垂直行業).

    >>> noun_after([("数字", "n"), ("变焦", "vn"), ("。", "x")]), noun_after([(" ", "x"), ("iPhone", "eng")])
    ('数字变焦', 'iPhone')
    >>> noun_after([("支持", "v"), ("发", "v")])
    ''
    """
    if not words:
        return ""
    k = 1 if len(words) > 1 and (words[0][0] in "“「『\"'" or words[0][0].isspace() and words[1][1] == "eng") else 0
    if words[k][1] not in _STARTING_TAGS:
        return ""  # (most words after a figure: a verb's particle, an adverb, a mark)
    taken: list[Word] = []
    while k < len(words) and len(taken) < limit:
        w, t = words[k]
        if w.isspace() and taken and k + 1 < len(words) and LATIN.match(words[k + 1][0]):
            k += 1
            continue
        if t in ("v", "vn") and w not in FUNCTION_WORDS and _suffix_noun(words, k + 1):
            taken += [(w + words[k + 1][0], "n")]  # 振興 + 券
            k += 2
            if words[k - 1][0] in _ROLE_NOUNS:
                break  # 300名執法人員巡查: the people end the phrase, their task follows
            continue
        if (
            counted
            and not taken
            and k + 1 < len(words)
            and t in ("n", "ng", "q")
            and len(w) == 1
            and not is_noun(*words[k + 1])
        ):
            return w  # 逾千隻股上揚: one character counted (股, 人, 車)
        if (
            counted
            and not taken
            and t in ("v", "vn", "a")
            and len(w) > 1
            and w not in FUNCTION_WORDS
            and _ends(words, k + 1)
        ):
            taken.append((w, "n"))
            k += 1
            continue
        if not is_noun(w, t) or w in UNIT_WORDS or is_time_word(w, t) or w in PERSONAL_PRONOUNS:
            break
        if not taken and w in _SPAN_ENDS:
            if w not in _WITHIN:
                return ""  # 3年後公司…: what comes after a span is not what it measures
            k += 1  # 近一年內價格翻了一倍: what changed within the span
            continue
        taken.append((w, t))
        k += 1
    # an unknown word ends the phrase only when names are expected (超商門市 keeps 超商)
    while taken and (not is_head(*taken[-1]) or (taken[-1][1] == "x" and not unknown)):
        taken.pop()
    return phrase(taken)


# The tags a phrase can start with: a noun's, or a verb or adjective the rules take for one.
_STARTING_TAGS = NOUN_TAGS | frozenset("v vn a q".split())
_SPAN_ENDS = frozenset("以来 以來 之内 之內 内 內 来 來 前 后 後".split())  # 近9個月以來的收市新高
_PHRASE_STOPS = _SPAN_ENDS | frozenset("时 時".split())
_WITHIN = frozenset("之内 之內 内 內".split())
# A range or bound closing the figure before 的 (3年至7年不等的有期徒刑, 60岁以上的投资人).
RANGE_ENDS = frozenset("不等 不 等 左右 以上 以下 之间 之間 上下".split())  # jieba cuts 不等 in two


def _ends(words: list[Word], k: int) -> bool:
    """Nothing of substance from ``words[k]`` on: the end, a mark or ``的`` (三個抓手」 but not
    8家預告上半年…, where the verb has its own object)."""
    return k >= len(words) or words[k][0] == "的" or (words[k][1] == "x" and not HAN.match(words[k][0]))


def after_de(words: list[Word]) -> str:
    """``的`` and the noun phrase after it (23岁的何诗蓓, 4199 元的价格); for counts also through a
    short modifier (5个较大的交易分场).

    >>> after_de([("的", "uj"), ("何诗蓓", "nr")]), after_de([("较大", "d"), ("的", "uj"), ("交易", "vn"), ("分场", "n")])
    ('何诗蓓', '交易分场')
    """
    k = 0
    while (
        k < len(words)
        and k < 2
        and (words[k][1] in ("a", "ad", "d", "b", "an") or words[k][0] in _SPAN_ENDS or words[k][0] in RANGE_ENDS)
    ):
        if words[k][0] == "的":
            break
        k += 1
    if k < len(words) and words[k][0] == "的":
        rest = words[k + 1 :]
        if len(rest) > 1 and rest[0][1] == "m" and rest[1][0] in _SUFFIX_NOUNS:  # 的五倍券: a name
            return rest[0][0] + rest[1][0]
        return noun_after(rest, limit=4, unknown=True) or _verb_as_noun(rest)
    return ""


# Between a quantity's noun and a bound on it (年化收益率超過6%的理財產品, 年齡在60歲以上的投資人).
_BOUND_RELATIONS = frozenset(
    "在 为 為 达 達 达到 達到 超过 超過 高于 高於 低于 低於 逾 不到 不足 大于 大於 小于 小於".split()
)


def bounded_noun(before: list[Word], bound: bool) -> str:
    """The noun a figure bounds when ``的`` + another noun follows it: ``X超過N的Y`` is a Y
    whose X is over N, so the figure measures X.  Only right before the figure, over a
    relation; with no relation, only when the figure is a bound (``bound``: 超過6%, 以上).

    >>> bounded_noun([("年化", "b"), ("收益率", "n")], bound=True), bounded_noun([("年龄", "n"), ("在", "p")], bound=False)
    ('年化收益率', '年龄')
    >>> bounded_noun([("奥运", "j"), ("银牌", "n"), ("得主", "n"), ("、", "x")], bound=False), bounded_noun([("泳手", "n")], bound=False)
    ('', '')
    """
    words = [(w, t) for w, t in before if not w.isspace()]
    related = False
    while words and words[-1][0] in _BOUND_RELATIONS:
        words, related = words[:-1], True
    if not words or not is_head(*words[-1]) or not (related or bound):
        return ""
    return subject_before(words)


def _verb_as_noun(words: list[Word]) -> str:
    """A verb after 的 that ends its phrase is a noun (5分鐘的防守非常出色: 防守).

    >>> _verb_as_noun([("防守", "v"), ("非常", "d")]), _verb_as_noun([("增长", "v")]), _verb_as_noun([("防守", "v"), ("球队", "n")])
    ('防守', '', '')
    """
    if not words or words[0][1] not in ("v", "vn") or len(words[0][0]) < 2 or words[0][0] in FUNCTION_WORDS:
        return ""
    nxt = words[1] if len(words) > 1 else None
    return words[0][0] if nxt is None or nxt[1] in ("d", "ad") or not HAN.match(nxt[0]) else ""


def baseline_cut(words: list[Word]) -> list[Word]:
    """The words before the last comparison word (the baseline after it is not measured)."""
    if _BASELINE_STARTS.isdisjoint(map(_FIRST_LETTER, map(_TEXT, words))):
        return words  # (most: no word starts like a comparison word; looked up in C)
    for k in range(len(words) - 1, -1, -1):
        w, t = words[k]
        if w[:1] in _BASELINE_STARTS and (is_baseline(w) or (t == "x" and w[0] in "较較比")):  # 較前 (HMM), 較前年
            return words[:k]
    return words


_TEXT, _FIRST_LETTER = itemgetter(0), itemgetter(slice(None, 1))  # a word's text; its first letter ("" for "")
# The first characters of every word :func:`baseline_cut` cuts at (most words start otherwise).
_BASELINE_STARTS = frozenset(w[0] for w in COMPARISON_WORDS) | frozenset("较較比")


def subject_before(words: list[Word], limit: int = 4, agents: bool = True) -> str:
    """The noun phrase nearest before the figure, over verbs, adverbs, times and particles;
    ``""`` at a personal pronoun or when there is none.  ``agents=False`` passes over people
    who act (民众自付: a sum does not measure them).

    >>> subject_before([("台湾", "ns"), ("经济", "n"), ("成长率", "n"), ("今年", "t"), ("上半年", "t"), ("达", "v")])
    '台湾经济成长率'
    >>> subject_before([("两市", "n"), ("成交额", "n"), ("较", "zg"), ("上周五", "n"), ("萎缩", "v"), ("逾", "vg")])
    '成交额'
    >>> subject_before([("她", "r"), ("在", "p")]), subject_before([("民众", "n"), ("自付", "v")], agents=False)
    ('', '')
    >>> subject_before([("风速", "n"), ("达", "v"), ("每", "zg"), ("小时", "n")])
    '风速'
    """
    words = baseline_cut(words)
    k = len(words) - 1
    while k >= 0:
        w, t = words[k]
        if w in PERSONAL_PRONOUNS:
            return ""
        prev, pt = words[k - 1] if k else ("", "")
        if pt == "d" and prev in _ADVERBS_BEFORE_VERBS:
            k -= 1  # 也順勢增加: a word after 也/都/就 is part of the predicate
            continue
        if "每" in (w[:1], prev) and is_per_unit(w, prev):  # (the cheap test first: few words are per 每)
            k -= 1  # 風速達每小時150公里: 小時 is the rate's unit
            continue
        if is_head(w, t) and (agents or w not in AGENT_NOUNS):
            break
        if w in AGENT_NOUNS and not agents:  # 區域法院: the agent's own modifiers go with it
            while k > 0 and is_noun(*words[k - 1]):
                k -= 1
        if t in ("v", "vn") and len(w) > 1 and k > 0 and words[k - 1][0] == "的" and w not in FUNCTION_WORDS:
            break  # 振興券的預算: a verb after 的 is a noun
        if words[k][0] in _SUFFIXES and _suffix_noun(words, k):  # (k moves past an agent's modifiers)
            break
        k -= 1
    if k < 0:
        return ""
    j = k - 1 if words[k][0] in _SUFFIXES and _suffix_noun(words, k) else k  # (the cheap test first)
    while j > 0 and k - j + 1 < limit:
        w, t = words[j - 1]
        if w.isspace() and j > 1 and LATIN.match(words[j - 2][0]) and LATIN.match(words[j][0]):
            j -= 1
            continue
        if j == k and t == "v" and len(w) == 2 and w not in FUNCTION_WORDS and w not in COMPARISON_WORDS:
            j -= 1  # 持股 + 比例: a verb right before the head modifies it, and ends the phrase
            break
        if not is_noun(w, t) or w in UNIT_WORDS or is_time_word(w, t) or w in COMPARISON_WORDS or w in _PHRASE_STOPS:
            break  # 近一年內價格, 開賽時氣溫: 內 closes a span, 時 a time clause, before the noun
        j -= 1
    while words[j][0].isspace():
        j += 1
    if j > 0 and words[j - 1][0] in PLACE_PREPOSITIONS and (k + 1 == len(words) or words[k + 1][1] in ("d", "ad")):
        return subject_before(words[: j - 1], limit, agents)  # 在今屆奧運 (…4度刷新): where, not what
    return phrase(words[j : k + 1])


# A noun after these is where or when something happens, not what is measured.
PLACE_PREPOSITIONS = frozenset("在 於 于 從 从 自 向 對 对 按 據 据 經 经 通過 通过 跟".split())
_ADVERBS_BEFORE_VERBS = frozenset("也 都 就 还 還 又 再 才 却 卻 仍 均 皆 亦".split())
_SUFFIX_NOUNS = frozenset("券 费 費 价 價 率 量 额 額 值 款 金 税 稅 息 单 單".split())
_ROLE_NOUNS = frozenset("人员 人員 队员 隊員 官兵 民警 干部 幹部 工作人员 工作人員".split())
_SUFFIXES = _SUFFIX_NOUNS | _ROLE_NOUNS  # what ends a compound jieba cut in two (_suffix_noun)


def _suffix_noun(words: list[Word], k: int) -> bool:
    """A one-character noun suffix closing a compound jieba cut in two (振興 + 券, 電 + 費), or
    the people a task names (搶險 + 人員, 執法 + 隊員: 800名搶險人員 counts 搶險人員).

    >>> _suffix_noun([("抢险", "v"), ("人员", "n")], 1), _suffix_noun([("连夜", "d"), ("人员", "n")], 1)
    (True, False)
    """
    if k >= len(words) or k == 0:
        return False
    w, t = words[k]
    if w not in _SUFFIXES:
        return False
    pw, pt = words[k - 1]
    return len(pw) >= 2 and pt in ("n", "v", "vn", "nz", "j") and pw not in FUNCTION_WORDS


def metric_verb_before(words: list[Word]) -> str:
    """A market or payment verb right before the figure (over adverbs and particles), which
    names the amount when the clause has no noun for it (亏了, 自付, 探低).

    >>> metric_verb_before([("民众", "n"), ("自付", "v")]), metric_verb_before([("增长", "v")])
    ('自付', '')
    """
    for w, t in reversed(words):
        if w in METRIC_VERBS or (w[-1:] == "了" and w[:-1] in METRIC_VERBS):
            return w.rstrip("了")
        if t == "v" and w[-1:] in PAYING:  # 要付, 可領
            return w
        if w in UNIT_WORDS:  # 自付臺幣1千元
            continue
        if not (
            w.isspace()
            or t in ("d", "ad", "ul", "uz", "uj", "p", "zg")
            or w in ("了", "到", "在", "为", "為", "报", "報")
        ):
            return ""
    return ""


def list_nouns(words: list[Word]) -> list[str]:
    """The noun phrases of a list before ``分别`` (A、B和C分别 ...), else ``[]``.

    >>> list_nouns([("有色", "b"), ("采选", "vn"), ("、", "x"), ("有色金属", "n"), ("加工", "vn"), ("板块", "n"), ("分别", "d")])
    ['有色采选', '有色金属加工板块']
    """
    k = max((i for i, (w, _t) in enumerate(words) if w in DISTRIBUTIVE), default=-1)
    if k < 0:
        return []
    items: list[list[Word]] = [[]]
    for w, t in words[:k]:
        if w in LIST_JOINS or w in ("，", ","):
            items.append([])
        else:
            items[-1].append((w, t))
    # 上海和北京的房價分別…: each item's own noun, before the head they share
    items = [item[: next((i for i, (w, _t) in enumerate(item) if w == "的"), len(item))] for item in items]
    nouns = [subject_before(item) for item in items if item]
    return nouns if all(nouns) and len(nouns) > 1 else []


def agreeing(after: list[Word], f) -> str:
    """A noun of the clause holding the figure's measure word (91場 … 直播場次): what it counts.

    >>> class F: unit = "場"
    >>> agreeing([("达人", "n"), ("分销", "vn"), ("的", "uj"), ("直播", "vn"), ("场次", "n")], F)
    ''
    >>> agreeing([("達人", "n"), ("分銷", "vn"), ("的", "uj"), ("直播", "vn"), ("場次", "n")], F)
    '直播場次'
    """
    if not f.unit:
        return ""
    for k, (w, t) in enumerate(after):
        if w in "，,。！？!?；;：:":
            break
        if len(w) >= 2 and f.unit in w and is_head(w, t):
            prev, pt = after[k - 1] if k else ("", "")
            return prev + w if prev and len(prev) <= 2 and is_head(prev, pt) else w
    return ""


_RELATIONS = frozenset(
    "为 為 是 达 達 达到 達到 超 超过 超過 约 約 约为 約為 也 就 分别 分別 高达 高達 仅 僅 只有 共 逾 近 "
    "增长 增長 下降 上涨 上漲 下跌 急跌 大涨 大漲 上升 回落 翻 翻了".split()  # 2008年價格急跌了40%
)


def metric_follows(after: list[Word], noun: str) -> bool:
    """After a date, a noun is what it dates only when a figure or a relation follows it
    (2010年估值也就是25倍), not a verb of its own (7月份快手電商提出…: the subject).

    >>> metric_follows([("估值", "n"), ("也", "d"), ("就是", "d")], "估值"), metric_follows([("快手", "nz"), ("电商", "n"), ("提出", "v")], "快手电商")
    (True, False)
    """
    seen, k = "", 0
    while k < len(after) and len(seen.replace(" ", "")) < len(noun.replace(" ", "")):
        seen += after[k][0].strip()
        k += 1
    rest = [(w, t) for w, t in after[k:] if not w.isspace()]
    return not rest or rest[0][0] in _RELATIONS or rest[0][1] in ("m", "d", "uj", "p")


FREQUENCY_UNITS = frozenset("次 度 回 趟 遍".split())


def event_after(after: list[Word]) -> str:
    """What a number of times counts: the verb after it and its object (4度刷新亞洲紀錄)."""
    if not after or after[0][1] != "v" or len(after[0][0]) < 2 or after[0][0] in FUNCTION_WORDS:
        return ""
    return after[0][0] + noun_after(after[1:])
