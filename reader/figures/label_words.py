"""The labeller's word classes and its noun-phrase rules, on part-of-speech tagged words.

A word is ``(text, tag)`` with jieba's tags (``n`` noun, ``v`` verb, ``m`` numeral,
``eng`` Latin ...).  The rules here are pure functions of such lists, so each
can be read and tested alone; :mod:`reader.figures.label` applies them to a
figure's clause.  Tables list both scripts.

>>> noun_after([("小型", "b"), ("煤矿", "n"), ("，", "x")])
'小型煤矿'
>>> subject_before([("最大", "a"), ("电力", "n"), ("负荷", "n")])
'电力负荷'
>>> subject_before([("同比", "j"), ("增长", "v")])
''
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.figures.units import COUNT_CUES, MONEY_CUES, MONEY_UNITS

Word = tuple[str, str]

# Tags of words that can be part of a noun phrase; the head (last word) must not be ``b``
# (a modifier: 小型, 最大) and an unknown word (``x``, found by the HMM) must be Han.
_NOUN_TAGS = frozenset("n nr nrt nrfg ns nt nz ng vn an eng j l b x".split())
_HEAD_TAGS = _NOUN_TAGS - {"b"}
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+&.\-]*$")
# Who, not what: a figure is never "she"; the sentence names what it measures elsewhere.
PERSONAL_PRONOUNS = frozenset(
    "我 你 您 他 她 它 我们 我們 你们 你們 他们 他們 她们 她們 它们 它們 咱 咱们 咱們 自己 大家 人家 别人 別人".split()
)
# A comparison's baseline follows these (较上周五, 比上年同期, 高于全国增幅): what is
# measured comes before them.
COMPARISON_WORDS = frozenset(
    "较 較 比 相比 相較 相较 比起 较之 較之 高于 高於 低于 低於 多于 多於 少于 少於 快于 快於 慢于 慢於 同比 环比 環比".split()
)
# Words that name the currency or unit of a figure, never what it measures.
UNIT_WORDS = frozenset(
    MONEY_UNITS
    + "新台币 台币 港币 美金 人民币 元 万元 萬元 亿元 億元 每吨 每噸 每日 每天 每人 每月 每年 每股 每次".split()
)
# People who act: an amount of money or a quantity does not measure them (民众自付1千元).
AGENT_NOUNS = frozenset(
    "民众 民眾 市民 居民 人们 人們 记者 記者 专家 專家 分析师 分析師 消费者 消費者 网友 網友 业内人士 業內人士 "
    "全民 官员 官員 政府 公司 企业 企業 人士 负责人 負責人 老板 老闆".split()
)
# Verbs that name the amount they take when the sentence has no noun for it (亏了几百万元,
# 自付1千元, 收盘报3331.90点): market and payment terms.
METRIC_VERBS = frozenset(
    "收盘 收盤 收报 收報 报收 報收 收于 收於 开盘 開盤 摸高 探低 高开 高開 低开 低開 成交 流入 流出 净流入 淨流入 "
    "净流出 淨流出 亏 虧 亏损 虧損 赚 賺 盈利 自付 支付 付 领 領 领取 領取 投资 投資 融资 融資 募集 花费 花費".split()
) | frozenset(MONEY_CUES + COUNT_CUES)  # 賣出, 漲粉 ...
# Words that never name what is measured, whatever jieba tags them: particles, qualifiers,
# relations and change words (高达 is "nr", Gundam, in jieba's dictionary), and generic
# scopes (全市, 两市: the policy does not count them as owners).
FUNCTION_WORDS = frozenset(
    """
    同比 环比 環比 同期 约为 約為 达到 達到 突破 增长 增長 上涨 上漲 上升 提升 提高 下降 下跌 减少 減少 增加
    实现 實現 累计 累計 总计 總計 合计 合計 共计 共計 高达 高達 多达 多達 接近 将近 將近 不到 不足 超出 超过 超過
    相比 左右 以上 以下 约合 約合 分别 分別 大约 大約 目前 当时 當時 水平 全年 全天 全日 当天 當天 当日 當日
    同时 同時 现在 現在 此前 最终 最終 如今 大概 预计 預計 至今 大幅 小幅 显示 顯示 表示 每月 每年 每天 每日
    每周 每週 新增 淨增 净增 新建 累积 累積 原本 原来 原來 本来 本來 分别为 分別為 同比增加 同比增长 同比增長 同比下降 达成 達成 其中 整体 整體 方面 期间 期間
    居首 居次 居前 居后 居後 之首 领先 領先 第一
    全市 全国 全國 两市 兩市 全省 全球 我市 本市 该市 該市 全港 全臺 全台 全县 全縣 全区 全區 盘中 盤中 各地 全部
    """.split()
)
_NUMERAL_START = frozenset("0123456789零〇一二两兩三四五六七八九十百千万萬亿億")
MEASURE_CUES = frozenset(MONEY_CUES + COUNT_CUES)
_PAYING = frozenset("付 领 領 亏 虧 赚 賺")
DISTRIBUTIVE = frozenset("分别 分別 各自".split())
# (x × *: the sides of a dimension, 138.4 x 67.3 x 7.3 mm)
LIST_JOINS = frozenset("、 和 及 与 與 或 以及 至 到 ～ ~ - x X × *".split())
# Time words jieba tags as nouns (上周五, 週六, 去年同期): a date is not what is measured.
_TIME = re.compile(
    r"^(?:[上下本今去明前后後昨翌当當同首][一-龥]{0,3}|[一-龥]{0,2}(?:周|週|星期)[一二三四五六日天末]?)"
    r"(?:年|月|日|天|周|週|季度|季|晚|早|夜|期|末|[一二三四五六日天])?$"
)
_TIME_TAIL = frozenset(
    "年 月 日 天 周 週 季度 晚上 早上 上午 下午 中午 傍晚 年底 年初 月底 月初 同期 期间 期間".split()
)


@lru_cache(maxsize=65536)  # pure, and a text repeats its words
def is_time_word(word: str, tag: str) -> bool:
    """``t`` words, and nouns naming a time (上周五, 去年同期, 週六).

    >>> is_time_word("上周五", "n"), is_time_word("去年同期", "n"), is_time_word("用电量", "n")
    (True, True, False)
    """
    if tag in ("t", "tg"):
        return True
    if len(word) > 1 and (word in _TIME_TAIL or any(word.endswith(t) for t in ("同期", "年底", "年初", "月份"))):
        return True
    return bool(_TIME.match(word)) and any(c in word for c in "年月日天周週季晚早夜期末一二三四五六")


@lru_cache(maxsize=65536)  # pure, and a text repeats its words
def is_noun(word: str, tag: str) -> bool:
    """Can be part of a noun phrase (a modifier included)."""
    if word in FUNCTION_WORDS or (tag in ("x", "m") and word[:1] in _NUMERAL_START):
        return False
    if tag == "x":
        return bool(_HAN.match(word)) and len(word) > 1
    return tag in _NOUN_TAGS or (tag == "eng" and bool(_LATIN.match(word)))


@lru_cache(maxsize=65536)  # pure, and a text repeats its words
def is_head(word: str, tag: str) -> bool:
    """Can end a label: a noun of two characters or more (or a Latin word), not a time,
    unit, pronoun or comparison word.

    >>> is_head("负荷", "n"), is_head("创", "n"), is_head("PE", "eng"), is_head("港币", "n"), is_head("小型", "b")
    (True, False, True, False, False)
    """
    if word in MEASURE_CUES and len(word) > 1:
        return True  # 收入 and 賣出 are tagged verbs, but name what is measured
    if tag not in _HEAD_TAGS or not is_noun(word, tag):
        return False
    if len(word) < 2 or word in LIST_JOINS:
        return False
    return (
        word not in UNIT_WORDS
        and word not in PERSONAL_PRONOUNS
        and word not in COMPARISON_WORDS
        and not is_time_word(word, tag)
    )


def _phrase(words: list[Word]) -> str:
    """The words joined, keeping a space only between two Latin words (iPhone SE)."""
    out = ""
    for w, _t in words:
        if out and _LATIN.match(w) and out[-1].isascii() and out[-1].isalnum():
            out += " "
        out += w
    return out


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
    k = 1 if len(words) > 1 and (words[0][0] in "“「『\"'" or words[0][0].isspace() and words[1][1] == "eng") else 0
    taken: list[Word] = []
    while k < len(words) and len(taken) < limit:
        w, t = words[k]
        if w.isspace() and taken and k + 1 < len(words) and _LATIN.match(words[k + 1][0]):
            k += 1
            continue
        if _suffix_noun(words, k + 1) and t in ("v", "vn") and w not in FUNCTION_WORDS:
            taken += [(w + words[k + 1][0], "n")]  # 振興 + 券
            k += 2
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
        taken.append((w, t))
        k += 1
    # an unknown word ends the phrase only when names are expected (超商門市 keeps 超商)
    while taken and (not is_head(*taken[-1]) or (taken[-1][1] == "x" and not unknown)):
        taken.pop()
    return _phrase(taken)


_SPAN_ENDS = frozenset("以来 以來 之内 之內 内 內 来 來 前 后 後".split())  # 近9個月以來的收市新高


def _ends(words: list[Word], k: int) -> bool:
    """Nothing of substance from ``words[k]`` on: the end, a mark or ``的`` (三個抓手」 but not
    8家預告上半年…, where the verb has its own object)."""
    return k >= len(words) or words[k][0] == "的" or (words[k][1] == "x" and not _HAN.match(words[k][0]))


def after_de(words: list[Word]) -> str:
    """``的`` and the noun phrase after it (23岁的何诗蓓, 4199 元的价格); for counts also through a
    short modifier (5个较大的交易分场).

    >>> after_de([("的", "uj"), ("何诗蓓", "nr")]), after_de([("较大", "d"), ("的", "uj"), ("交易", "vn"), ("分场", "n")])
    ('何诗蓓', '交易分场')
    """
    k = 0
    while k < len(words) and k < 2 and (words[k][1] in ("a", "ad", "d", "b", "an") or words[k][0] in _SPAN_ENDS):
        if words[k][0] == "的":
            break
        k += 1
    if k < len(words) and words[k][0] == "的":
        rest = words[k + 1 :]
        if len(rest) > 1 and rest[0][1] == "m" and rest[1][0] in _SUFFIX_NOUNS:  # 的五倍券: a name
            return rest[0][0] + rest[1][0]
        return noun_after(rest, limit=4, unknown=True)
    return ""


def baseline_cut(words: list[Word]) -> list[Word]:
    """The words before the last comparison word (the baseline after it is not measured)."""
    for k in range(len(words) - 1, -1, -1):
        w, t = words[k]
        if w in COMPARISON_WORDS or (t == "x" and w[0] in "较較比"):  # 較前 (HMM)
            return words[:k]
    return words


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
    """
    words = baseline_cut(words)
    k = len(words) - 1
    while k >= 0:
        w, t = words[k]
        if w in PERSONAL_PRONOUNS:
            return ""
        if k > 0 and words[k - 1][1] == "d" and words[k - 1][0] in _ADVERBS_BEFORE_VERBS:
            k -= 1  # 也順勢增加: a word after 也/都/就 is part of the predicate
            continue
        if is_head(w, t) and (agents or w not in AGENT_NOUNS):
            break
        if t in ("v", "vn") and len(w) > 1 and k > 0 and words[k - 1][0] == "的" and w not in FUNCTION_WORDS:
            break  # 振興券的預算: a verb after 的 is a noun
        if _suffix_noun(words, k):
            break
        k -= 1
    if k < 0:
        return ""
    j = k - 1 if _suffix_noun(words, k) else k
    while j > 0 and k - j + 1 < limit:
        w, t = words[j - 1]
        if w.isspace() and j > 1 and _LATIN.match(words[j - 2][0]) and _LATIN.match(words[j][0]):
            j -= 1
            continue
        if j == k and t == "v" and len(w) == 2 and w not in FUNCTION_WORDS and w not in COMPARISON_WORDS:
            j -= 1  # 持股 + 比例: a verb right before the head modifies it, and ends the phrase
            break
        if not is_noun(w, t) or w in UNIT_WORDS or is_time_word(w, t) or w in COMPARISON_WORDS:
            break
        j -= 1
    while words[j][0].isspace():
        j += 1
    if j > 0 and words[j - 1][0] in PLACE_PREPOSITIONS and (k + 1 == len(words) or words[k + 1][1] in ("d", "ad")):
        return subject_before(words[: j - 1], limit, agents)  # 在今屆奧運 (…4度刷新): where, not what
    return _phrase(words[j : k + 1])


# A noun after these is where or when something happens, not what is measured.
PLACE_PREPOSITIONS = frozenset("在 於 于 從 从 自 向 對 对 按 據 据 經 经 通過 通过 跟".split())
_ADVERBS_BEFORE_VERBS = frozenset("也 都 就 还 還 又 再 才 却 卻 仍 均 皆 亦".split())
_SUFFIX_NOUNS = frozenset("券 费 費 价 價 率 量 额 額 值 款 金 税 稅 息 单 單".split())


def _suffix_noun(words: list[Word], k: int) -> bool:
    """A one-character noun suffix closing a compound jieba cut in two (振興 + 券, 電 + 費)."""
    if k >= len(words) or k == 0:
        return False
    w, t = words[k]
    if w not in _SUFFIX_NOUNS:
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
        if t == "v" and w[-1:] in _PAYING:  # 要付, 可領
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


# Function characters jieba's HMM glues to an unknown word (何詩蓓於, 券則, 日起).
_GLUED = "于於在是则則的了着著起从從自占佔"


def unglued(word: str, tag: str) -> list[Word]:
    """An unknown word split from the function character the HMM glued to it.

    >>> unglued("何詩蓓於", "x"), unglued("服務商", "n"), unglued("數從", "x")
    ([('何詩蓓', 'x'), ('於', 'p')], [('服務商', 'n')], [('數', 'x'), ('從', 'p')])
    """
    if tag != "x" or len(word) < 2:
        return [(word, tag)]
    if word[-1] in _GLUED:
        return [(word[:-1], tag), (word[-1], "p")]
    if word[0] in _GLUED:
        return [(word[0], "p"), (word[1:], tag)]
    return [(word, tag)]
