"""The labeller's word classes, on part-of-speech tagged words: what can be part of a noun
phrase, what can end a label, and the word tables behind them.

A word is ``(text, tag)`` with jieba's tags (``n`` noun, ``v`` verb, ``m`` numeral,
``eng`` Latin ...).  :mod:`reader.figures.label_phrases` builds noun phrases from these
classes; :mod:`reader.figures.label` applies both to a figure's clause.  Tables list both
scripts.

>>> is_head("用电量", "n"), is_head("增长", "v")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from reader.figures.units import COUNT_CUES, MONEY_CUES, MONEY_UNITS

Word = tuple[str, str]

# Tags of words that can be part of a noun phrase; the head (last word) must not be ``b``
# (a modifier: 小型, 最大) and an unknown word (``x``, found by the HMM) must be Han.
NOUN_TAGS = frozenset("n nr nrt nrfg ns nt nz ng vn an eng j l b x".split())
_HEAD_TAGS = NOUN_TAGS - {"b"}
HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+&.\-]*$")
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
    + "新台币 台币 港币 美金 人民币 元 万元 萬元 亿元 億元 每吨 每噸 每日 每天 每人 每月 每年 每股 每次 攝氏 摄氏 華氏 华氏".split()
)
# People who act: an amount of money or a quantity does not measure them (民众自付1千元).
AGENT_NOUNS = frozenset(
    "民众 民眾 市民 居民 人们 人們 记者 記者 专家 專家 分析师 分析師 消费者 消費者 网友 網友 业内人士 業內人士 "
    "全民 官员 官員 政府 公司 企业 企業 人士 负责人 負責人 老板 老闆 "
    "被告 被告人 原告 法官 法院 警方 辩方 辯方 控方 当局 當局".split()
)
# Verbs that name the amount they take when the sentence has no noun for it (亏了几百万元,
# 自付1千元, 收盘报3331.90点): market and payment terms.
MARKET_VERBS = frozenset(
    "收盘 收盤 收报 收報 报收 報收 收于 收於 开盘 開盤 摸高 探低 高开 高開 低开 低開 成交 流入 流出 净流入 淨流入 "
    "净流出 淨流出 亏 虧 亏损 虧損 赚 賺 盈利 自付 支付 付 领 領 领取 領取 投资 投資 融资 融資 募集 花费 花費 "
    "卖出 賣出 带货 帶貨 涨粉 漲粉".split()
)
METRIC_VERBS = MARKET_VERBS | frozenset(MONEY_CUES + COUNT_CUES)  # and the nouns: 營業額, 粉絲 ...
# Words that never name what is measured, whatever jieba tags them: particles, qualifiers,
# relations and change words (高达 is "nr", Gundam, in jieba's dictionary), and generic
# scopes (全市, 两市, a match's 全场: the policy does not count them as owners).
FUNCTION_WORDS = frozenset(
    """
    同比 环比 環比 同期 约为 約為 达到 達到 突破 增长 增長 上涨 上漲 上升 提升 提高 下降 下跌 减少 減少 增加
    实现 實現 累计 累計 总计 總計 合计 合計 共计 共計 高达 高達 多达 多達 接近 将近 將近 不到 不足 超出 超过 超過
    相比 左右 以上 以下 约合 約合 分别 分別 大约 大約 目前 当时 當時 水平 全年 全天 全日 当天 當天 当日 當日
    同时 同時 现在 現在 此前 最终 最終 如今 大概 预计 預計 至今 大幅 小幅 显示 顯示 表示 每月 每年 每天 每日
    每周 每週 新增 淨增 净增 新建 累积 累積 原本 原来 原來 本来 本來 分别为 分別為 同比增加 同比增长 同比增長 同比下降 达成 達成 其中 整体 整體 方面 期间 期間
    居首 居次 居前 居后 居後 之首 领先 領先 第一
    计算 計算 来算 來算 估算 推算 换算 換算 折算 为准 為準
    全市 全国 全國 两市 兩市 全省 全球 我市 本市 该市 該市 全港 全臺 全台 全县 全縣 全区 全區 盘中 盤中 各地 全部
    全场 全場 半场 半場 全队 全隊
    另有 尚有 还有 還有 共有 仍有 需要 届时 屆時 此时 此時 整整 足足
    高点 高點 低点 低點 按年 按月 按季 大增 大减 大減 年增 年减 年減 月增 月减 月減 季增 季减 季減 週增 周增 週減 周减
    """.split()
)
# (existence and modal verbs and adverbs jieba leaves unknown or tags as nouns: 另有, 需要, 整整; a reference
# point a change starts from: 由高點的37.5%; the Hong Kong and Taiwan change words: 按年, 年減)
_ADVERB_LED = frozenset("连連再又屡屢曾已均共皆亦仍将將还還才")
_NUMERAL_START = frozenset("0123456789零〇一二两兩三四五六七八九十百千万萬亿億")
MEASURE_CUES = frozenset(MONEY_CUES + COUNT_CUES)
PAYING = frozenset("付 领 領 亏 虧 赚 賺")
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

    >>> is_time_word("上周五", "n"), is_time_word("去年同期", "n"), is_time_word("用电量", "n"), is_time_word("案发时", "n")
    (True, True, False, True)
    """
    if tag in ("t", "tg"):
        return True
    if len(word) > 2 and word[-1] in "时時":
        return True  # 案發時, 開賽時: "when X", a clause's time
    if len(word) > 1 and (word in _TIME_TAIL or any(word.endswith(t) for t in ("同期", "年底", "年初", "月份"))):
        return True
    return bool(_TIME.match(word)) and any(c in word for c in "年月日天周週季晚早夜期末一二三四五六")


@lru_cache(maxsize=65536)  # pure, and a text repeats its words
def is_noun(word: str, tag: str) -> bool:
    """Can be part of a noun phrase (a modifier included).

    >>> is_noun("何詩蓓", "x"), is_noun("連奪", "x"), is_noun("較前年", "n"), is_noun("售電量", "n")
    (True, False, False, True)
    """
    if word in FUNCTION_WORDS or (tag in ("x", "m") and word[:1] in _NUMERAL_START) or is_baseline(word):
        return False
    if tag == "x":  # an unknown word led by an adverb is a predicate the HMM glued (連奪, 再創)
        return bool(HAN.match(word)) and len(word) > 1 and word[0] not in _ADVERB_LED
    return tag in NOUN_TAGS or (tag == "eng" and bool(LATIN.match(word)))


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
        and not is_baseline(word)
        and not is_time_word(word, tag)
        and not is_per_unit(word)
    )


def is_baseline(word: str) -> bool:
    """A comparison word, or one glued to the time it compares with (較前年, 比去年): what
    follows it is the baseline, not what is measured.

    >>> is_baseline("較前年"), is_baseline("较上月"), is_baseline("比例"), is_baseline("同比")
    (True, True, False, True)
    """
    if word in COMPARISON_WORDS:
        return True
    return len(word) > 1 and word[0] in "较較比" and is_time_word(word[1:], "n")


def is_per_unit(word: str, before: str = "") -> bool:
    """The unit of a rate (每坪, 每小時 after 每): what an amount is counted per, not what it
    measures.  A longer word beginning with 每 is a metric (每股收益).

    >>> is_per_unit("每坪"), is_per_unit("小時", before="每"), is_per_unit("每股收益"), is_per_unit("風速")
    (True, True, False, False)
    """
    return (len(word) == 2 and word[0] == "每") or before == "每"


def has_word(words: list[Word], table: frozenset[str]) -> bool:
    """Any of ``words`` is in ``table`` (looked up in C, without a generator).

    >>> has_word([("他", "r"), ("在", "p")], PERSONAL_PRONOUNS), has_word([("营收", "n")], PERSONAL_PRONOUNS), has_word([], PERSONAL_PRONOUNS)
    (True, False, False)
    """
    return not table.isdisjoint(map(_TEXT, words))


_TEXT = itemgetter(0)
_ASCII_LETTER = re.compile("[A-Za-z]")


def phrase(words: list[Word]) -> str:
    """The words joined, keeping a space only between two Latin words (iPhone SE).

    >>> phrase([("iPhone", "eng"), ("SE", "eng")]), phrase([("电力", "n"), ("负荷", "n")]), phrase([("券", "n")]), phrase([])
    ('iPhone SE', '电力负荷', '券', '')
    """
    if len(words) < 2:  # most phrases: one word or none
        return words[0][0] if words else ""
    joined = "".join(map(_TEXT, words))
    if _ASCII_LETTER.search(joined) is None:
        return joined  # no Latin word in it (a Latin word starts with an ASCII letter)
    out = ""
    for w, _t in words:
        if out and LATIN.match(w) and out[-1].isascii() and out[-1].isalnum():
            out += " "
        out += w
    return out


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
