"""Stages reading what follows the number: its unit (with 半, 成, 點), a range written with
the unit on both ends, a qualifier after it (以上, 左右), a bare magnitude (萬), the kind of
a unit-less number and the indefinite 一 (D11).

Each stage takes the :class:`~reader.figures.draft.Draft` and returns ``None`` to go on, a
finished :class:`~reader.figures.draft.Quantity`, or ``False`` when the number is no
quantity; :data:`reader.figures.quantity.STAGES` runs them in order.
"""

from __future__ import annotations

import re

from reader.figures.draft import RANGE_SEP, Draft, Outcome, Quantity, cue_kind, is_change, times, unit_at
from reader.figures.numbers import Num, read_number
from reader.figures.units import (
    MAGNITUDE_PREFIXES,
    MEDALS,
    POST_QUALIFIER_WORDS,
    POST_QUALIFIERS,
    SCALE_CUES,
    SCALED_ONLY_UNITS,
    SCORE_CUES,
    TEMPERATURE_CUES,
)
from reader.text.numerals import CN_DIGITS, CN_NUMERAL_CHARS

_LIST_SEP = "、和與与及或跟"
_PER = "每"
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Bare integers are quantities only right after these ("指數升至105,").
_BARE_INT_VERBS: tuple[str, ...] = ("降至", "升至", "增至", "減至", "减至", "收於", "收于", "錄得", "录得")
_BARE_INT_VERBS += ("為", "为", "達", "达", "至", "到", "是")
_PUNCT_AFTER = "，,。；;、！？!?）)」”』\n"
_CHENG_IS = set("為为")  # X成為: "X tenths are", except 一成為 ("once it becomes")
# X成是/都/會 after 有 or an approximation is a share (約有六成是, 近三成都): 八成是 alone is "most likely".
_CHENG_SHARE_AFTER = set("是都會会")
_SHARE_BEFORE = ("有", "約", "约", "近", "逾", "超過", "超过", "不到", "不足", "僅", "仅")
_CHENG_BREAKERS = set("為为立功本員员長长交就果績绩熟型效分群不是會会要年人都品")
_QUARTER_LABEL = re.compile(r"[上下]$")  # 上半年/下半年 are period labels
_DOT_DIGIT = re.compile(r"\.\d")
# Durations written with a half between measure word and unit: 7個半月 is 7.5 months.
_AND_A_HALF = {"個半月": "個月", "个半月": "个月", "個半小時": "個小時", "个半小时": "个小时", "個半鐘頭": "個鐘頭"}
# 一X is an indefinite article unless restricted (只有一顆, 一天內) or contrasted (一金兩銀).
_ONE_RESTRICTORS = ("只有", "只", "僅有", "仅有", "僅", "仅", "唯有", "才", "單單", "单单", "一共", "總共", "总共")
_WITHIN = ("內", "内")
# A duration measured from now is a genuine one (未來一年, 過去一週), not an indefinite 一.
_PERIOD_BEFORE = ("未來", "未来", "過去", "过去", "今後", "今后", "往後", "往后", "最近")
_HALF_UNITS = ("年", "個月", "个月", "小時", "小时", "倍")  # 一年半, 一倍半
_HALF_MARKS = set("個个")
_HALF = re.compile("|".join(_AND_A_HALF))  # none starts another
_OTHER_DIGITS = set(CN_DIGITS) - {"一"}
_MEDAL_COUNT = re.compile(rf"(?:\d+|[{CN_DIGITS}]+)[金銀银銅铜]")
_POINT = set("點点")
_CUE_REACH = 12  # characters before a figure searched for its context word, within its clause
_CLAUSE_MARKS = "，,。！？!?；;：:\n"
_SENTENCE_MARKS = "。！？!?\n"
_SENTENCE_REACH = 48  # characters before a scale reading's clause searched for its scale word
# 九成五 is 95%: one more digit after 成 counts in hundredths.
_TENTH_DIGITS = {
    **{c: v for c, v in zip("一二三四五六七八九", range(1, 10), strict=True)},
    **{str(v): v for v in range(1, 10)},
}
# A reading on a scale: the mark after the number, the words beside it that say so, its kind.
_SCALE_MARKS: dict[str, tuple[tuple[str, ...], str]] = {
    "級": (tuple(SCALE_CUES), "quantity"),
    "级": (tuple(SCALE_CUES), "quantity"),
    "分": (tuple(SCORE_CUES), "number"),
}
_NOT_POINTS_AFTER = set("鐘钟之子")  # 分鐘, 分之, 分子
# 二X is ordinal-like (二次) except a duration: 緩期二年執行
_TWO_DURATIONS = ("年", "個月", "个月", "小時", "小时", "個小時", "个小时", "週", "周")


def unit(d: Draft) -> Outcome:
    """The unit after the number: a listed unit, X成 (tenths), index 點, 三點建議.

    >>> from reader.figures.quantity import trial
    >>> [(x.unit, x.kind, x.value) for x in (trial(t, 0, unit) for t in ("7個半月內", "3成", "3516.3點", "23歲的"))]
    [('個月', 'duration', 7.5), ('成', 'percent', 30.0), ('點', 'number', 3516.3), ('歲', 'age', 23.0)]
    """
    text, pos, value = d.text, d.pos, d.value
    nxt = text[pos : pos + 1]
    gap = 1 if nxt == " " and d.arabic else 0
    half = _HALF.match(text, pos) if nxt in _HALF_MARKS else None
    found = unit_at(text, pos + gap) if half is None else None
    if half is not None:
        d.unit, d.kind, d.pos, d.value = _AND_A_HALF[half.group()], "duration", half.end(), value + 0.5
    elif found is not None:
        d.unit, d.kind = found
        d.pos = pos + gap + len(d.unit)
        if d.kind in ("duration", "multiple") and d.at("半") and d.unit in _HALF_UNITS:
            d.value, d.pos = value + 0.5, d.pos + 1
    elif d.scaled and d.text[pos : pos + 1] in SCALED_ONLY_UNITS:
        d.unit, d.kind, d.pos = text[pos], SCALED_ONLY_UNITS[text[pos]], pos + 1
    elif (
        nxt == "成"
        and not d.scaled
        and value <= 10
        and not _cheng_word(d.num.text, text[pos + 1 : pos + 2], text[max(0, d.start - 2) : d.start])
    ):
        d.unit, d.kind, d.pos = "成", "percent", pos + 1
        d.value, d.value_max = value * 10, d.value_max * 10 if d.value_max is not None else None
        _and_a_tenth(d)
    elif nxt in _POINT and d.arabic and not d.scaled and (d.num.decimal or value > 24):
        d.unit, d.kind, d.pos = text[pos], "number", pos + 1  # index points; 12點 is a clock time
    elif nxt in _POINT and not d.arabic and value <= 10 and text[pos + 1 : pos + 2] not in set("鐘钟半多左"):
        d.unit, d.kind, d.pos = text[pos], "count", pos + 1  # 三點建議
    elif nxt in _SCALE_MARKS:
        scale_reading(d)  # here, not as a stage of its own: few numbers are followed by 級 or 分
    if d.unit in MEDALS and not _medal_beside(text, d.start, d.pos):
        return False  # 五金, 三金: not a medal tally
    if d.unit == "大" and d.arabic and value > 20:
        return False  # 618大促: a festival name, not "the N big ..."
    if d.num.text.startswith("半") and not d.arabic:
        before = text[max(0, d.start - 1) : d.start]
        if d.kind != "duration" or _QUARTER_LABEL.search(before) or d.at("報", "报"):
            return False
    return None


def _cheng_word(numeral: str, after: str, before: str = "") -> bool:
    """成 starts a word here (成本, 成功, 成為), not tenths: 一成為 is "once it becomes", but
    八成為65歲以上 is "80% are"; 八成是 is "most likely", but after 有 or an approximation
    (約有六成是, 近三成都) it is a share again.

    >>> _cheng_word("一", "為"), _cheng_word("八", "為"), _cheng_word("3", "本")
    (True, False, True)
    >>> _cheng_word("八", "是"), _cheng_word("六", "是", "約有"), _cheng_word("三", "都", "其中近")
    (True, False, False)
    """
    if after in _CHENG_SHARE_AFTER and before.endswith(_SHARE_BEFORE):
        return False
    return after in _CHENG_BREAKERS and not (after in _CHENG_IS and numeral != "一")


def _and_a_tenth(d: Draft) -> None:
    """九成五 is 95: a digit right after 成 (and before no unit or numeral) adds its hundredths.

    >>> from reader.figures.quantity import trial
    >>> [trial(t, 0, unit).value for t in ("九成五。", "七成5的", "三成五年", "兩三成", "七成半")]
    [95.0, 75.0, 30.0, 20.0, 75.0]
    """
    tenth = 5 if d.at("半") else _TENTH_DIGITS.get(d.text[d.pos : d.pos + 1])  # 七成半 is 75%
    after = d.text[d.pos + 1 : d.pos + 2]
    if tenth is None or d.value_max is not None or (after and (after.isdigit() or after in CN_NUMERAL_CHARS)):
        return
    if unit_at(d.text, d.pos + 1) is None:
        d.value, d.pos = d.value + tenth, d.pos + 1


def scale_reading(d: Draft) -> Outcome:
    """X級 beside a wind or earthquake word (陣風8級, 4到6級偏北風, 7.1級地震) and X分 beside a
    score word (錄取分數線為620分) are readings on a scale; elsewhere 級 is a grade
    (一級預警) and 分 minutes or a word, and this stage leaves them.

    >>> from reader.figures.quantity import trial
    >>> [(x.unit, x.kind) for x in (trial(t, i, unit) for t, i in (("陣風可達8級，", 4), ("7.1級地震", 0)))]
    [('級', 'quantity'), ('級', 'quantity')]
    >>> trial("發布一級預警", 2, unit).unit, trial("三級工", 0, unit).unit
    ('', '')
    >>> trial("分數線為620分，", 4, unit).unit, trial("等了20分鐘的考生", 2, unit).unit
    ('分', '分鐘')
    >>> trial("分數線為四百三十六分，", 4, unit).unit, trial("考生十分緊張", 2, unit).unit
    ('分', '')
    """
    mark = d.text[d.pos : d.pos + 1]
    if d.unit or mark not in _SCALE_MARKS or d.scaled:
        return None
    cues, kind = _SCALE_MARKS[mark]
    if mark == "分" and (
        (not d.arabic and d.value < 100) or d.text[d.pos + 1 : d.pos + 2] in _NOT_POINTS_AFTER
    ):  # 十分 (very), 三分 (minutes, a third): only hundreds of points are written in words (四百三十六分)
        return None
    left = d.start
    while left > 0 and d.start - left < _CUE_REACH and d.text[left - 1] not in _CLAUSE_MARKS:
        left -= 1
    right = d.pos + 1
    while right < len(d.text) and right - d.pos < 5 and d.text[right] not in _CLAUSE_MARKS:
        right += 1
    if any(cue in d.text[left:right] for cue in cues) or _cue_earlier_in_sentence(d.text, left, cues):
        d.unit, d.kind, d.pos = mark, kind, d.pos + 1
    return None


def _cue_earlier_in_sentence(text: str, left: int, cues: tuple[str, ...]) -> bool:
    """A cue in an earlier clause of the sentence that reads on: a list of scores or scale
    readings names its scale once (分數線物理類為436分，…控制線分別為518分和547分; 指數達3級…，其中5級).
    Only clauses joined by a comma or a semicolon, and at most _SENTENCE_REACH characters back.

    >>> _cue_earlier_in_sentence("布氏指數達3級以上，其中5級", 10, ("指數",))
    True
    >>> _cue_earlier_in_sentence("風力很大。三級工", 5, ("風力",)), _cue_earlier_in_sentence("abc", 0, ("風力",))
    (False, False)
    """
    start = left
    while start > 0 and left - start < _SENTENCE_REACH and text[start - 1] not in _SENTENCE_MARKS:
        start -= 1
    return start < left and any(cue in text[start:left] for cue in cues)


def temperature(d: Draft) -> Outcome:
    """度 is a temperature, not a count, beside a temperature word (氣溫38度, 38度高溫, 攝氏38度).

    >>> from reader.figures.quantity import trial
    >>> [trial(t, i, temperature).kind for t, i in (("氣溫達38度，", 3), ("攝氏38度", 2), ("4度刷新紀錄", 0))]
    ['temperature', 'temperature', 'count']
    """
    if d.unit != "度" or d.kind != "count":
        return None
    left = d.start
    while left > 0 and d.start - left < _CUE_REACH and d.text[left - 1] not in _CLAUSE_MARKS:
        left -= 1
    near = d.text[left : d.start] + d.text[d.pos : d.pos + 4]
    if any(cue in near for cue in TEMPERATURE_CUES):
        d.kind = "temperature"
    return None


def unit_range(d: Draft) -> Outcome:
    """ "300人至500人": a range written with its unit on both ends.

    >>> from reader.figures.quantity import trial
    >>> q = trial("300人至500人，", 0, unit_range); (q.value, q.value_max, q.end)
    (300.0, 500.0, 9)
    >>> [type(trial(t, 1, unit_range)).__name__ for t in ("從300人增至500人", "有5人到3人")]
    ['Draft', 'Draft']
    >>> q = trial("從3000元到3萬元不等", 1, unit_range); (q.value, q.value_max)
    (3000.0, 30000.0)
    """
    m = RANGE_SEP.match(d.text, d.pos)
    if d.depth or not d.unit or not m or d.value_max is not None or d.over or isinstance(d.value, str):
        return None
    second = read_number(d.text, m.end())
    if second is None or second.script != d.num.script:
        return None
    q = d.read(d.text, m.end(), "", 1)
    if q is None or q.unit != d.unit or q.value_max is not None or isinstance(q.value, str) or not d.value < q.value:
        return None
    if is_change(d.text, d.start, q.end):
        return None  # 從300人增至500人 is a change; 從3000元到3萬元不等 a spread
    return Quantity(q.end, d.value, q.value, d.unit, d.kind, q.qualifier)


def post_qualifier(d: Draft) -> Outcome:
    """以上, 左右, 不止, 多 (after 倍 and durations) after the figure.

    >>> from reader.figures.quantity import trial
    >>> d = trial("8000元左右", 0, unit); post_qualifier(d); (d.qualifier, d.pos)
    ('approx', 7)
    """
    d.qualifier = "lower" if d.over else ""
    for word in _POST_BY_FIRST.get(d.text[d.pos : d.pos + 1], ()):
        if d.text.startswith(word, d.pos):
            if word in ("多", "餘", "余") and (d.over or d.kind not in ("multiple", "duration")):
                continue
            if word == "上下" and d.text[d.pos + 2 : d.pos + 3] not in _PUNCT_AFTER:
                continue
            if word in ("前後", "前后") and d.kind not in ("duration", "count"):
                continue
            d.qualifier, d.pos = POST_QUALIFIERS[word], d.pos + len(word)
            break
    return None


def bare_magnitude(d: Draft) -> Outcome:
    """萬, 百萬 written alone: vague, and a figure only after a qualifier or prefix or before a unit.

    >>> from reader.figures.quantity import trial
    >>> d = trial("上萬名", 1, bare_magnitude); (d.vague, d.prefix_word, d.qualifier)
    (True, '上', 'lower')
    >>> trial("三萬", 1, bare_magnitude)
    False
    """
    if not d.num.magnitude_only:
        return None
    text, i, pos = d.text, d.start, d.pos
    prefix = text[i - 1] if i > 0 else ""
    if prefix.isdigit() or prefix in CN_NUMERAL_CHARS + "多餘余幾几數数" + _PER:
        return False  # ... and 每千人, 每萬戶: the base of a rate, not an amount
    if d.pre_q:
        d.vague = True
    elif prefix in MAGNITUDE_PREFIXES and not (i > 1 and text[i - 2] in "最以之向往北南馬马"):
        d.vague, d.prefix_word, d.qualifier = True, prefix, d.qualifier or MAGNITUDE_PREFIXES[prefix]
    elif (
        d.kind in ("count", "money", "people") and len(d.num.text) == 1 and text[pos : pos + 1] not in CN_NUMERAL_CHARS
    ):
        d.vague = True
    elif (
        len(d.num.text) >= 2
        and d.kind not in ("duration",)
        and (text[pos : pos + 1] or " ") not in "不別别要莫勿記记小注"
    ):
        d.vague = True
    else:
        return False
    return None


def unitless_kind(d: Draft) -> Outcome:
    """A number without a unit: scaled amounts take a kind from their context, a bare
    integer in a list the unit of the list, after 為/達/至 a plain number; names are none.

    >>> from reader.figures.quantity import trial
    >>> d = trial("30、40和50萬元", 0, unitless_kind); (d.unit, d.kind, d.value)
    ('元', 'money', 300000.0)
    >>> trial("3C數碼", 0, unitless_kind), trial("升級到2.0版", 3, unitless_kind)
    (False, False)
    """
    if d.kind:
        return None
    num, text, pos = d.num, d.text, d.pos
    if d.scaled or num.decimal or (num.vague and d.value >= 1e4):
        d.kind = "number" if num.decimal and not d.scaled else cue_kind(text, num.start, pos)
    elif d.arabic and d.depth < 4:
        inherited = _list_unit(d, num, pos)
        if inherited is None:
            if not _bare_int_ok(text, num, pos):
                return False
            d.kind = "number"
        else:
            d.unit, d.kind, d.scale = inherited
            d.value = times(d.value, d.scale)
    else:
        return False
    if d.arabic and not d.scaled and _ASCII_LETTER.match(text[pos : pos + 1]):
        return False  # 3C, 5G, 116BigDay: names
    if num.decimal and not d.scaled and (d.at("時代", "时代", "版") or _DOT_DIGIT.match(text[pos : pos + 2])):
        return False
    return None


def _list_unit(d: Draft, num: Num, pos: int) -> tuple[str, str, float] | None:
    """ "30、40和50萬元": a bare number in a list takes the unit of the last item."""
    text = d.text
    if text[pos : pos + 1] not in _LIST_SEP or not text[pos + 1 : pos + 2].isdigit():
        return None
    nxt = d.read(text, pos + 1, "", d.depth + 1)
    if nxt is None or not (nxt.unit or nxt.scale > 1) or isinstance(nxt.value, str):
        return None
    if nxt.kind in ("duration",) and nxt.unit in ("年",):
        return None
    return nxt.unit, nxt.kind, nxt.scale


def _bare_int_ok(text: str, num: Num, pos: int) -> bool:
    before = text[max(0, num.start - 3) : num.start].rstrip("了")
    after = text[pos : pos + 1]
    return before.endswith(_BARE_INT_VERBS) and (after == "" or after in _PUNCT_AFTER or after in "和與与及")


def indefinite_one(d: Draft) -> Outcome:
    """一X is an indefinite article (optional, not listed) unless it is a genuine count (D11):
    restricted (只有一顆, 一天內, 近一年) or contrasted with the next count (一金兩銀); 二X is ordinal-like.

    >>> from reader.figures.quantity import trial
    >>> [trial(t) for t in ("一款手機", "二次")]
    [False, False]
    >>> [trial(t).value for t in ("一天內", "一金兩銀")]
    [1.0, 1.0]
    >>> trial("未來一年", 2).value, trial("一年四季"), trial("過去一個", 2)
    (1.0, False, False)
    """
    if d.arabic or d.num.text not in ("一", "二", "半") or d.kind not in ("count", "duration"):
        return None
    if d.num.text == "二":
        return None if d.kind == "duration" and d.unit in _TWO_DURATIONS else False
    if d.num.text == "半" or d.pre_q or d.qualifier == "lower" or d.text.startswith("半", d.pos - 1):
        return None
    before = d.text[max(0, d.start - 2) : d.start]
    if before.endswith(_ONE_RESTRICTORS) or d.at(*_WITHIN) or _count_follows(d.text, d.pos):
        return None
    if d.kind == "duration" and before.endswith(_PERIOD_BEFORE):
        return None  # 未來一年, 過去一個月: a period measured from now
    return False


def _medal_beside(text: str, start: int, end: int) -> bool:
    """A medal count right before or after this one: 一金「兩銀」, 「一金」兩銀, 38金「32銀」.

    >>> _medal_beside("一金兩銀", 0, 2), _medal_beside("一金兩銀", 2, 4), _medal_beside("五金店", 0, 2)
    (True, True, False)
    >>> _medal_beside("38金32銀", 0, 3), _medal_beside("38金32銀", 3, 6)
    (True, True)
    """
    if _MEDAL_COUNT.match(text, end):
        return True
    return start >= 2 and text[start - 1] in MEDALS and _is_digit(text[start - 2])


def _is_digit(c: str) -> bool:
    return c.isdigit() or c in CN_DIGITS


def _count_follows(text: str, pos: int) -> bool:
    """Another Chinese count starts right here: 一金「兩銀」 (一年「一度」 is a set phrase)."""
    if text[pos : pos + 1] not in _OTHER_DIGITS:
        return False
    found = unit_at(text, pos + 1)
    return found is not None and found[1] == "count"


def _by_first(words) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return groups


_POST_BY_FIRST = _by_first(POST_QUALIFIER_WORDS)
