"""What a date or year dates: the event it starts or names, its clause's subject, or the
sentence's topic; and the record a duration measures (創11年新高).

A date is labelled only by what the grammar shows: ``X自DATE起 + verb + object`` (the
event, or the subject X when the verb takes no object), ``DATE + verb + object`` (推出
「振興五倍券」: the event's object), a date before a value (its subject), and a clause with no
subject of its own (the date before it, or the sentence's topic).  Otherwise empty.

>>> date_event([("起", "v"), ("适当", "ad"), ("上调", "v"), ("出厂", "vn"), ("价格", "n")])
('上调', '出厂价格')
>>> date_event([("开始", "v"), ("向", "p"), ("川渝", "ns"), ("地区", "n"), ("返输", "x"), ("天然气", "n")])
('返输', '天然气')
>>> date_event([("可", "v"), ("用到", "v")]), date_event([("使用", "v"), ("，", "x")])
(('', ''), ('使用', ''))
"""

from __future__ import annotations

import re
from itertools import compress, starmap
from operator import not_

from reader.figures.label_clause import (
    UNDATED_KINDS,
    Words,
    adjacent,
    clause,
    same_sentence,
    topic,
)
from reader.figures.label_phrases import PLACE_PREPOSITIONS, noun_after, subject_before
from reader.figures.label_words import FUNCTION_WORDS, HAN, Word, is_head, is_noun, is_time_word

_MODALS = "可能會会將将要應应需"  # 可用: what may be done, not the event
_FROM = frozenset("自 從 从 由".split())
_SINCE = re.compile(r"\s*(?:起|開始|开始|以來|以来)")
# Words between a date and its event's verb: when it starts and how.
_EVENT_LEAD = frozenset(
    "起 开始 開始 正式 陆续 陸續 已 已经 已經 再 又 也 都 就 才 便 均 首次 首度 率先 同时 同時".split()
)
# Prepositions whose phrase stands between a date and its verb (向川渝地區返輸, 在全國推出).
_EVENT_PREPOSITIONS = PLACE_PREPOSITIONS | frozenset("到 给 給 为 為 替 与 與 和 同".split())
_OPEN_QUOTES = '「“『"《'
_CLOSE_QUOTES = '」”』"》'
# What a record is (創11年新高, 近9個月以來的收市新高): the label of the span it is counted over.
RECORD_WORDS = frozenset("新高 新低 高位 低位 最高 最低 高点 高點 低点 低點 纪录 紀錄 记录 記錄".split())
_SPAN_WORDS = frozenset("以来 以來 来 來 之 的".split())


def date_event(after: list[Word]) -> tuple[str, str]:
    """The verb and object of the event right after a date, passing over 起/開始, adverbs and
    a prepositional phrase; ``("", "")`` at a modal (可用: what may be done) or no verb."""
    k = 0
    while k < len(after):
        w, t = after[k]
        if w.isspace() or w in _EVENT_LEAD or t in ("d", "ad"):
            k += 1
        elif t == "p" and w in _EVENT_PREPOSITIONS:
            k += 1
            while k < len(after) and after[k][1] != "x" and (is_noun(*after[k]) or after[k][1] == "j"):
                k += 1
        else:
            break
    if k >= len(after):
        return "", ""
    w, t = after[k]
    # a verbal noun (就業市場, vn) names a thing, not the event
    verb = (t == "v" or (t == "x" and HAN.match(w) is not None)) and len(w) >= 2
    if not verb or w in FUNCTION_WORDS or w[0] in _MODALS:
        return "", ""
    rest = _past_ordinal(after[k + 1 :])
    name = quoted_name(rest)
    if name:
        return w, name
    obj = noun_after(rest, limit=4, unknown=True)
    return w, obj if obj and _object_ends(rest, obj) else ""


def _past_ordinal(words: list[Word]) -> list[Word]:
    """The object after an ordinal that counts it (實施第七波選擇性信用管制: 第七波).

    >>> _past_ordinal([("第七", "m"), ("波", "j"), ("信用", "n")]), _past_ordinal([("信用", "n")])
    ([('信用', 'n')], [('信用', 'n')])
    """
    if len(words) > 1 and words[0][1] == "m" and words[0][0][:1] == "第":
        k = 2 if len(words[1][0]) == 1 and len(words) > 2 else 1
        return words[k:]
    return words


def _object_ends(rest: list[Word], obj: str) -> bool:
    """The object ends its clause or meets a mark (增供天然氣，), else it is the head of a longer
    phrase the verb only modifies (2021年就業市場上提供了…).

    >>> _object_ends([("市場", "n"), ("上", "f")], "市場"), _object_ends([("天然氣", "n"), ("，", "x")], "天然氣")
    (False, True)
    """
    seen, k = 0, 0
    size = len(obj.replace(" ", ""))
    while k < len(rest) and seen < size:
        seen += len(rest[k][0].strip())
        k += 1
    return k >= len(rest) or HAN.match(rest[k][0]) is None


def quoted_name(words: list[Word]) -> str:
    """A name in quotes at the start of ``words`` (「振興五倍券」), of 2 to 12 characters.

    >>> quoted_name([("「", "x"), ("振兴", "v"), ("五倍", "m"), ("券", "n"), ("」", "x"), ("方案", "n")])
    '振兴五倍券'
    """
    if not words or words[0][0] not in _OPEN_QUOTES:
        return ""
    name = ""
    for w, _t in words[1:]:
        if w in _CLOSE_QUOTES:
            return name if 2 <= len(name) <= 12 else ""
        name += w
    return ""


def record_after(after: list[Word]) -> str:
    """The record a span is counted for: 11年「新高」, 9個月以來的「收市新高」.

    >>> record_after([("以来", "f"), ("的", "uj"), ("收市", "n"), ("新高", "v")]), record_after([("新高", "v")])
    ('收市新高', '新高')
    """
    k = 0
    while k < len(after) and after[k][0] in _SPAN_WORDS:
        k += 1
    if k < len(after) and after[k][0] in RECORD_WORDS:
        return after[k][0]
    if k + 1 < len(after) and after[k + 1][0] in RECORD_WORDS and is_noun(*after[k]):
        return after[k][0] + after[k + 1][0]
    return ""


def date_label(text: str, masked: str, f, left: int, out: list, words: Words, valued: bool) -> str:
    """A date dates its clause's subject in ``X自DATE起…`` (五倍振興券自9月22日起使用) unless the
    verb after it has an object (中石化從3月1日起增供天然氣: the event), its subject right before
    a value (紅木原材料2006年每噸才4萬元), the event starting then (…10月8日開始領取) or named
    right after it (7月15日推出「振興三倍券」); a clause with no noun continues the date before
    it (…，可用到4月30日止) or the sentence's topic."""
    before = _untimed(words(text[left : f.start])) if f.start > left else []
    since = _SINCE.match(text, f.end)
    if valued and before and is_head(*before[-1]):
        return subject_before(before)
    start = since.end() if since else f.end
    start += 1 if text[start : start + 1] in "）)" else 0  # 今（9日）推出…
    after = words(text[start : clause(masked, start, start)[1]]) if start < len(text) else []
    verb, obj = date_event(after)
    if obj:
        return _event(text, start, verb, obj)
    if since is None:
        return _date_goes_on(text, masked, f, left, out, before, words)
    subject = subject_before(before[:-1]) if before and before[-1][0] in _FROM else ""
    return subject or verb or _date_goes_on(text, masked, f, left, out, before, words, since=True)


def _untimed(words: list[Word]) -> list[Word]:
    """``words`` without the time words (looked up in C, without a generator).

    >>> _untimed([("去年", "t"), ("营收", "n"), ("上周五", "n")])
    [('营收', 'n')]
    """
    return list(compress(words, map(not_, starmap(is_time_word, words))))


def started_event(text: str, masked: str, f, words: Words) -> str:
    """What starts at an age or after a span (6歲起接受正式的泳隊訓練, 4歲開始到…參加游泳班):
    the event after ``起``/``開始``, when it has a verb and an object; else ``""``."""
    since = _SINCE.match(text, f.end)
    if since is None or since.end() >= len(text):
        return ""
    start = since.end()
    verb, obj = date_event(words(text[start : clause(masked, start, start)[1]]))
    return _event(text, start, verb, obj) if obj else ""


def _event(text: str, start: int, verb: str, obj: str) -> str:
    """The event as the text writes it: verb and object together when they are (增供天然氣),
    else the object alone (推出「振興五倍券」: the name)."""
    event = verb + obj
    return event if text.find(event, start, start + 2 * len(event) + 8) >= 0 else obj  # near: 就是推出振興五倍券 later


def _date_goes_on(
    text: str, masked: str, f, left: int, out: list, before: list[Word], words: Words, since: bool = False
) -> str:
    if any(starmap(is_head, before)):
        return ""
    dates = [g for g in same_sentence(out, f) if g.kind in UNDATED_KINDS]
    if dates and dates[-1].label and adjacent(masked, dates[-1].end, left):
        return dates[-1].label
    return topic(text, left, out, words, framed_only=not since)
