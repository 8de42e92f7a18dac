"""What a figure measures: the nearest noun phrase of its clause (jieba words).

jieba segments the Simplified form (OpenCC t2s keeps every character in
place), and words are cut back out of the original text by their offsets,
so labels keep the article's own script.  No part-of-speech tagging
(jieba.posseg costs seconds): function words and change verbs are skipped
from a fixed list, and a word joins its neighbour only when that is the head
of a compound (``GMV`` + ``貢獻``, ``品牌`` + ``數量``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from reader.figures.context import LIMIT as CONTEXT_LIMIT
from reader.figures.units import COUNT_CUES, MONEY_CUES

_CLAUSE_BREAKS = "，,。！？!?；;：:\n（）()【】《》"
# Words that never name what a figure measures: particles, qualifiers, change verbs.
_SKIP = set(
    """
    的 地 得 了 着 著 过 過 在 是 和 与 與 及 或 也 都 就 将 將 把 被 让 讓 对 對 从 從 到 于 於 至 中 上 下 里 裡 裏
    内 內 等 后 後 前 时 時 之 而 并 並 又 还 還 已 已经 已經 再 更 最 很 均 共 为 為 有 没有 沒有 给 給 向 由 以 其
    这 這 那 该 該 此 每 各 其中 同比 环比 環比 同期 较 較 约 約 约为 約為 近 超 超过 超過 达到 達到 达 達 突破
    增长 增長 上涨 上漲 上升 提升 提高 下降 下跌 减少 減少 增加 实现 實現 累计 累計 总计 總計 合计 合計 共计 共計
    仅 僅 只 只有 高达 高達 多达 多達 接近 将近 將近 不到 不足 超出 逾 则 則 可 能 会 會 要 需 需要 去年 今年 明年
    相比 相较 相較 较上年 左右 以上 以下 多 余 餘 个 個 约合 約合 人民币 人民幣 分别 分別 大约 大約 已有 目前 当时 當時
    慢慢 逐渐 逐漸 持续 持續 稳定 穩定 可以 水平 一 达成 達成 全年 全国 全國 同时 同時 当天 當天 当日 當日
    现在 現在 此前 最终 最終 如今 大概 大约 预计 預計 已达 已達 仍 仍然 至今 随后 隨後 从而 從而
    大幅 小幅 几乎 幾乎 倒 却 卻 降 升 增 减 減 涨 漲 跌 显示 顯示 表示 称 稱 每月 每年 每天 每日 每周 每週 不 无需 無需
    刚 剛 才 仅仅 僅僅 整整 足足 分别为 分別為 降至 升至 增至 减至 減至 达 達 约有 約有 大概率 只是 就是 还是 還是
    """.split()
)
# Generic heads that need the word before them: 品牌 + 數量, 商家 + 數.
_GENERIC_HEADS = set(
    "数 數 量 数量 數量 规模 規模 总量 總量 比例 占比 佔比 比重 金额 金額 份额 份額 总额 總額 额 額 率 人数 人數".split()
)
# Last characters of typical noun heads: a second word ending so joins the first.
_NOUN_TAIL = set(
    "业業商者人员員家户戶品类類额額量数數率费費场場店厂廠企司构構台臺部门門师師生手主粉丝絲单單项項目标標值价價款金资資本产產权權股债債户群体體向"
)
# Nouns that name what is measured: preferred over a nearer verb.
MEASURE_NOUNS = set(MONEY_CUES + COUNT_CUES) | set(
    "销量 銷量 订单量 訂單量 播放量 閱讀量 阅读量 净利润 淨利潤 利润 利潤 产值 產值 规模 規模 市场份额 市場份額".split()
)
# "a measure noun occurs in it", as one search (longest first; any order gives the same answer)
_MEASURE_IN = re.compile("|".join(map(re.escape, sorted(MEASURE_NOUNS, key=len, reverse=True))))
_CHANGE_VERBS = set(
    "增长 增長 下降 减少 減少 上涨 上漲 提升 提高 上升 下跌 增加 降低 回落 扩大 擴大 收窄 缩小 縮小 增 降 涨 漲 跌".split()
)
_TRIM = set("卻却也都則则就才又還还降升漲涨跌增減减的了著着在至到從从為为是")
_NUMERAL_CHARS = set("0123456789零〇一二两兩三四五六七八九十百千万萬亿億")
_NUMERAL = re.compile(r"^[\d.,%％]+$|^[零〇一二两兩三四五六七八九十百千万萬亿億多余餘几幾数數半]+$")
_ASCII_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9+&-]*$")
_PUNCT = re.compile(r"^[\W_]+$")


def label_all(text: str, figures: tuple) -> tuple:
    """``figures`` with labels (dates and years keep an empty label)."""
    from reader.text.script import to_simplified
    from reader.text.segment import cut

    def words(piece: str) -> list[str]:
        simple = to_simplified(piece)
        if len(simple) != len(piece):  # never seen with t2s, but offsets must hold
            simple = "".join(c if len(to_simplified(c)) != 1 else to_simplified(c) for c in piece)
        out, pos = [], 0
        for w in cut(simple):
            out.append(piece[pos : pos + len(w)])
            pos += len(w)
        return out

    # Other figures are blanked out so "2019年同期的1.48" does not label 1.48 "年".
    # (Sliced, not list(text): a list of a book's characters is a third of a gigabyte.)
    pieces, at = [], 0
    for f in sorted(figures, key=lambda f: f.start):
        if f.end > at:
            start = max(at, f.start)
            pieces += (text[at:start], " " * (f.end - start))
            at = f.end
    masked = "".join(pieces) + text[at:]
    out: list = []
    for f in figures:
        if f.kind in ("date", "year"):
            out.append(f)
            continue
        label = label_of(masked, f.start, f.end, f.unit, f.kind, words)
        if label not in text:  # cannot happen (labels are slices of the clause), but labels must be text
            label = ""
        if not label and out and out[-1].label and out[-1].sentence == f.sentence:
            # "營業收入8405.53萬元，同比增長4.07%": the clause has no noun, the sentence has
            verb = _change_verb(masked, f.start, words)
            label = out[-1].label + verb if verb and not out[-1].label.endswith(verb) else out[-1].label
        out.append(replace(f, label=label))
    return tuple(out)


def label_of(text: str, start: int, end: int, unit: str, kind: str, words: Callable[[str], list[str]]) -> str:
    """The label of the figure at ``text[start:end]`` (see module docstring)."""
    left, right = _clause(text, start, end)
    after = words(text[end:right]) if right > end else []

    if after and after[0] == "的":
        phrase = _phrase(after[1:])
        if phrase:
            return _trim(phrase)
    if unit and kind == "count":
        for k, w in enumerate(after):
            if _PUNCT.match(w):
                break
            if len(w) >= 2 and unit in w and not any(c in _NUMERAL_CHARS for c in w):  # 91場 … 直播場次
                prev = after[k - 1] if k else ""
                return prev + w if prev and _content(prev) and len(prev) <= 2 else w
    if after and _content(after[0]) and (kind in ("count", "percent", "fraction") or not unit or unit == "級"):
        # 400位服務商, 44%股權, 200萬GMV, 上百萬粉絲, 億級資金
        return after[0] if _ASCII_WORD.match(after[0]) else _trim(_phrase(after))
    before = words(text[left:start]) if start > left else []  # only now: most figures are labelled by what follows
    return _trim(_backward(before)) or _trim(_phrase(after))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    # At most the context a figure carries either side: a line with no clause mark
    # would otherwise be segmented whole for each of its figures (quadratic).
    left, floor = start, max(0, start - CONTEXT_LIMIT)
    while left > floor and text[left - 1] not in _CLAUSE_BREAKS:
        left -= 1
    right, ceiling = end, min(len(text), end + CONTEXT_LIMIT)
    while right < ceiling and text[right] not in _CLAUSE_BREAKS:
        right += 1
    return left, right


def _change_verb(text: str, start: int, words: Callable[[str], list[str]]) -> str:
    left, _ = _clause(text, start, start)
    for w in reversed(words(text[left:start])):
        if w in _CHANGE_VERBS:
            return w
    return ""


def _trim(label: str) -> str:
    """Drop a particle jieba glued on (申請卻 -> 申請, 指數降 -> 指數)."""
    while len(label) > 2 and label[-1] in _TRIM:
        label = label[:-1]
    while len(label) > 2 and label[0] in _TRIM:
        label = label[1:]
    return label


def _content(w: str) -> bool:
    return bool(w.strip()) and w not in _SKIP and not _NUMERAL.match(w) and not _PUNCT.match(w)


def _phrase(tokens: list[str]) -> str:
    """The noun phrase the tokens start with: one word, or two when the second is a head."""
    if not tokens or not _content(tokens[0]):
        return ""
    first = tokens[0]
    if len(tokens) > 1 and _content(tokens[1]) and tokens[1][-1] in _NOUN_TAIL and len(first) + len(tokens[1]) <= 6:
        return first + tokens[1]
    return first


def _backward(tokens: list[str]) -> str:
    """The nearest content word before the figure, joined with its modifier when needed;
    a measure noun one or two words further back (粉絲 in 粉絲積累到55萬) is preferred."""
    k = len(tokens) - 1
    while k >= 0 and not _content(tokens[k]):
        k -= 1
    if k < 0:
        return ""
    label = _word_at(tokens, k)
    if not _MEASURE_IN.search(label):
        for j in range(k - 1, max(-1, k - 3), -1):
            if tokens[j] in MEASURE_NOUNS:
                return _word_at(tokens, j)
    return label


def _word_at(tokens: list[str], k: int) -> str:
    word = tokens[k]
    prev = tokens[k - 1] if k > 0 else ""
    if (
        prev
        and _content(prev)
        and (
            _ASCII_WORD.match(prev)
            or len(word) == 1
            or word in _GENERIC_HEADS
            or (_ASCII_WORD.match(word) and len(prev) <= 2)
        )
    ):
        return prev + word
    return word
