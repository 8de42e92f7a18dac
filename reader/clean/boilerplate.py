"""Page furniture that is not the article: bylines, breadcrumbs, share bars, captions, notices.

A line is furniture only when a rule's pattern (the tables below, both scripts)
matches the *whole* line and the line has the rule's shape: a short line of its
own, never part of a paragraph (``（记者 XX）`` inside a paragraph is content).
A removed line is a ``boilerplate`` repair (its text kept in ``before``), so it
can be listed, shown again, or kept (:func:`boilerplate_flags` flags the same
lines and leaves them in place).  What a byline says about the article
(source, author, editor, date, original title) is read by :func:`metadata`.

>>> text = "来源：阳光易购　作者：佚名\\n正文第一段。\\n分享到：微信 微博\\n"
>>> [(e.note, text[e.start:e.end]) for e in boilerplate_edits(text)]
[('byline', '来源：阳光易购\\u3000作者：佚名\\n'), ('share bar', '分享到：微信 微博\\n')]
>>> boilerplate_edits("今天（记者 王明）报道，来源：新华社的消息称市场平稳。\\n")
[]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from reader.clean.edits import Edit
from reader.clean.gates import any_of_patterns, first_chars_of, last_chars

# ------------------------------------------------------------------ data tables

# Byline fields, as sites label them (Simplified and Traditional), and what each says.
FIELDS: dict[str, str] = {
    **dict.fromkeys(
        "来源 來源 稿源 出处 出處 转载自 轉載自 文章来源 文章來源 新闻来源 新聞來源 本文来源 本文來源".split(), "source"
    ),
    **dict.fromkeys("作者 撰文 文 记者 記者 通讯员 通訊員 特约记者 特約記者".split(), "author"),
    **dict.fromkeys("责任编辑 責任編輯 编辑 編輯 责编 責編 主编 主編 审核 審核 校对 校對".split(), "editor"),
    **dict.fromkeys(
        "发布时间 發布時間 發佈時間 发表时间 發表時間 发布日期 發布日期 时间 時間 日期 更新时间 更新時間".split(),
        "date",
    ),
    **dict.fromkeys("原标题 原標題 原题 原題".split(), "title"),
    **dict.fromkeys("浏览 瀏覽 阅读 閱讀 点击 點擊 浏览次数 瀏覽次數 阅读量 閱讀量 字号 字號 评论 評論".split(), ""),
}
_LABEL = "|".join(sorted(map(re.escape, FIELDS), key=len, reverse=True))
# In parentheses (``（作者：赵子健）``) a byline is the article's own words: only bare or 【】 labels.
_FIELD = re.compile(rf"[【\[]?({_LABEL})[】\]]?\s*[:：]\s*")
# A date (and time) a byline may open with, unlabelled: ``2024-11-12 08:30　来源：…``.
_DATE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+")

# Photo credits a caption line ends with.
AGENCIES = (
    "新华社 新華社 中新社 中通社 美联社 美聯社 路透社 法新社 共同社 韩联社 韓聯社 欧新社 歐新社 "
    "视觉中国 視覺中國 东方IC 東方IC 图虫 圖蟲 IC photo Getty Images Getty AP Reuters AFP EPA "
    "资料图 資料圖 资料图片 資料圖片 网络图片 網絡圖片 網上圖片 网图 網圖 受访者供图 受訪者供圖 "
    "资料照片 資料照片 资料照 資料照 档案照片 檔案照片 示意图 示意圖"
).split()
_CREDIT = "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True))

# (name, pattern of the whole line, longest such line in characters)
RULES: tuple[tuple[str, str, int], ...] = (
    ("breadcrumb", r"(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|所在位置)\s*[:：].*", 80),
    ("breadcrumb", r"(?:首页|首頁|主页|主頁|Home)\s*(?:[>›»/|]\s*[^>›»/|]{1,16}\s*){1,6}", 80),
    ("share bar", r"(?:分享到|分享至|分享|转发到|轉發到|转发至|轉發至)\s*[:：]?\s*(?:[\w+ ]{1,20}\s*){0,8}", 60),
    (
        "call to action",
        r"(?:点击|點擊|点此|點此)\s*(?:进入|進入|查看|阅读|閱讀|了解|下载|下載|关注|關注|“|「|\").{0,40}",
        60,
    ),
    (
        "call to action",
        r"(?:扫码|掃碼|扫描|掃描|长按|長按|识别|識別).{0,12}(?:二维码|二維碼|关注|關注|下载|下載).{0,40}",
        80,
    ),
    ("call to action", r"(?:欢迎|歡迎)?(?:关注|關注|订阅|訂閱)(?:我们|我們|本号|本號|公众号|公眾號).{0,40}", 60),
    ("call to action", r"(?:请|請)?(?:加入|成为|成為).{0,12}(?:订户|訂戶|会员|會員|订阅者|訂閱者).{0,80}", 120),
    (
        "disclaimer",
        r"[【\[]?(?:免责声明|免責聲明|版权声明|版權聲明|转载声明|轉載聲明|特别声明|特別聲明)[】\]]?\s*[:：]?.*",
        200,
    ),
    (
        "disclaimer",
        r"(?:本文|本文章|本网|本網|本站)(?:仅代表|僅代表|系转载|系轉載|转载自|轉載自|来源于|來源於|内容仅供|內容僅供).*",
        160,
    ),
    (
        "disclaimer",
        r"(?:未经|未經).{0,12}(?:授权|授權|许可|許可).{0,12}(?:不得|禁止|严禁|嚴禁)(?:转载|轉載|复制|複製).*",
        120,
    ),
    ("disclaimer", r"(?:投资有风险|投資有風險).{0,40}", 40),
    ("disclaimer", r"(?:声明|聲明)\s*[:：].{0,20}(?:仅代表|僅代表|不代表).*", 160),
    ("disclaimer", r"(?:版权所有|版權所有)(?:\s*[©:：|｜]|\s).{0,60}", 60),
    (
        "copyright",
        r"(?:Copyright|COPYRIGHT|copyright)?\s*(?:©|\([cC]\)|（[cC]）)?\s*(?:\d{4}\s*[-–~]\s*)?\d{4}\b.{0,60}"
        r"(?:版权所有|版權所有|All Rights Reserved\.?|保留所有权利|保留所有權利)",
        100,
    ),
    ("byline", r"[（(](?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：]\s*[\w·、 ]{1,16}[）)]", 24),
    ("call to action", r"(?:打开|打開|下载|下載)\s*(?:APP|App|app|客户端|客戶端).{0,12}", 24),
    ("call to action", r"(?:返回|回到).{1,8}[，,]?\s*(?:查看更多|看更多|首页|首頁)", 20),
    ("call to action", r"(?:举报|舉報)\s*/?\s*(?:反馈|反饋)?|(?:订阅|訂閱)(?:电子报|電子報|newsletter)", 10),
    (
        "caption",
        r"(?:图片来源|圖片來源|图片提供|圖片提供|图片|圖片|图|圖|摄影|攝影|配图|配圖|题图|題圖|视频来源|視頻來源)\s*[:：].{0,40}",
        60,
    ),
    ("caption", r".{1,100}[▼↓⬇]", 100),
    ("caption", r"[▼↓⬇]", 1),
    ("caption", rf".{{0,100}}?(?:[。！？\s])(?:{_CREDIT})", 110),
    ("caption", r".{0,100}?(?:[。！？\s]|^)(?:照片|圖片|图片|图|圖)?由.{1,12}提供", 110),
    ("caption", r".{0,100}?(?:[。！？\s])[\w·]{2,8}\s?(?:摄|攝)", 110),
)


@functools.cache
def _rule(k: int) -> re.Pattern[str]:
    """Rule ``k``'s pattern, compiled the first time a line passes the gates below for it (most
    texts have no furniture, and most rules are never tried)."""
    return re.compile(RULES[k][1])


# Nearly every line is no furniture: it is ruled out by two quick tests before the rules are
# tried one by one (reader.clean.gates): its last character is none a rule can end with, and
# the rules that may end with any character, in one pattern, do not match it.
_ENDINGS = tuple(last_chars(pattern) for _name, pattern, _limit in RULES)
_ANY_PATTERNS = [pattern for (_n, pattern, _l), ends in zip(RULES, _ENDINGS, strict=True) if ends is None]
_ANY_ENDING = any_of_patterns(_ANY_PATTERNS)
_ANY_OPENINGS = first_chars_of(_ANY_PATTERNS)  # (None: one of them may start with anything)
_RULE_ENDINGS = frozenset().union(*(ends for ends in _ENDINGS if ends is not None))

# The heading of a list of related articles (the list itself: see :func:`_related_list`).
_RELATED = re.compile(
    r"[【\[]?(?:相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|更多新闻|更多新聞|相关文章|相關文章"
    r"|热门推荐|熱門推薦|猜你喜欢|猜你喜歡|相关链接|相關連結|相關鏈接)[】\]]?\s*[:：]?"
)

# A run of related headlines: three or more short titles side by side, no sentence between them.
_HEADLINE = r"[^\s。，；,;]{5,32}"
HEADLINE_AVERAGE = 9
_VISIBLE = re.compile(r"\S")
_TITLE = re.compile(r"[^。！？!?；;]{4,40}")
_HEADLINES = re.compile(rf"{_HEADLINE}(?:[ \u3000\t]+{_HEADLINE}){{2,}}")
_SENTENCE_END = re.compile(r"[。！？!?；;]")


RELATED_HEADING = 10  # the longest line a related-articles heading is taken for

# ---------------------------------------------------------------------- rules


def furniture(line: str) -> str | None:
    """The rule a stripped ``line`` is furniture by, or None (the line is article text).

    >>> furniture("责任编辑：王晓"), furniture("熟悉的祖传图标形状▼"), furniture("点击进入专题：A股收评")
    ('byline', 'caption', 'call to action')
    >>> furniture("何詩蓓在今屆奧運中，多次打破亞洲游泳紀錄。美聯社")
    'caption'
    >>> furniture("记者王明报道，昨日股市上涨。") is None
    True
    """
    if not line or len(line) > 220:
        return None
    if _is_byline(line):
        return "byline"
    if line[-1] in _RULE_ENDINGS or _ANY_ENDING.fullmatch(line):
        for k, (name, _pattern, limit) in enumerate(RULES):
            if len(line) <= limit and _rule(k).fullmatch(line):
                return name
    if _is_headline_run(line) or (len(line) <= RELATED_HEADING and _RELATED.fullmatch(line)):
        return "related links"
    return None


def _may_be_furniture(line: str) -> bool:
    """False only for a stripped line :func:`furniture` finds no furniture in, in a few tests
    the engine runs in C: what a rule ends or starts with (the gates above), a byline field's
    colon (``_FIELD``), the blank between two titles of a headline run (``_HEADLINES``), a
    related-articles heading's length.  The pass asks it of every line of the text first.

    >>> _may_be_furniture("今天天氣很好，我們去公園。"), _may_be_furniture("来源：新华社")
    (False, True)
    """
    if len(line) <= RELATED_HEADING or line[-1] in _RULE_ENDINGS:
        return True
    if _ANY_OPENINGS is None or line[0] in _ANY_OPENINGS:
        return True
    return ":" in line or "：" in line or " " in line or "\u3000" in line or "\t" in line


def _is_byline(line: str) -> bool:
    """A line made only of labelled fields (``发布时间：… 来源：… 作者：…``).

    >>> _is_byline("来源：新华社　作者：王明"), _is_byline("今天来源：新华社")
    (True, False)
    >>> _is_byline("2024-11-12 08:30　来源：经济观察网"), _is_byline("2024-11-12 来源：新华社的报道说，市场平稳。")
    (True, False)
    """
    # The first field opens the line: every other line is ruled out by one anchored match,
    # before the search for all of its fields.
    date = _DATE.match(line)
    at = date.end() if date else 0
    if len(line) > 100 or not _FIELD.match(line, at):
        return False
    fields = list(_FIELD.finditer(line, at))
    for m, nxt in zip(fields, [*fields[1:], None]):
        value = line[m.end() : nxt.start() if nxt else len(line)].strip()
        if len(value) > 30 or _SENTENCE_END.search(value):
            return False
    return True


def _is_headline_run(line: str) -> bool:
    """Three or more titles of headline length side by side (a table row's cells are shorter)."""
    if len(line) < 20 or len(line) > 200 or not _HEADLINES.fullmatch(line):
        return False
    titles = line.split()
    if sum(map(len, titles)) < HEADLINE_AVERAGE * len(titles):
        return False
    han = sum("\u4e00" <= c <= "\u9fff" for c in line)
    return han >= 0.6 * len(line.replace(" ", "").replace("\u3000", ""))


# ----------------------------------------------------------------------- passes


def _found(text: str, start: int, end: int) -> Iterable[tuple[int, int, str]]:
    """(start, end including the line break, rule) of each furniture line of ``text[start:end]``."""
    listed = False  # after the heading of a related-articles list
    titles: list[tuple[int, int, str]] = []  # its titles so far (none unless listed)
    pos = start
    for raw in text[start:end].split("\n"):
        a, pos = pos, pos + len(raw) + 1
        line = raw.strip()
        if not listed and not (line and _may_be_furniture(line)):
            continue  # (no furniture, and nothing to reset)
        stop = min(pos, end)
        name = furniture(line)
        if name:
            listed = listed or name == "related links" and _RELATED.fullmatch(line) is not None
            yield a, stop, name
        elif listed and _TITLE.fullmatch(line):
            titles.append((a, stop, "related links"))
        elif line:
            listed, titles = False, []
    if titles and _VISIBLE.search(text, end) is None:
        yield from titles


def _related_list(text: str) -> list[str]:
    """The lines of ``text`` found as page furniture; the titles under a related-articles heading
    are furniture only when the list ends the text (in the middle, they may be the article's own
    headings).

    >>> _related_list("正文。\\n相关阅读：\\n央行：继续实施稳健的货币政策\\n楼市成交回暖\\n")
    ['相关阅读：', '央行：继续实施稳健的货币政策', '楼市成交回暖']
    >>> _related_list("相关阅读：\\n一、市场回暖\\n今年以来，成交量持续上升。\\n")
    ['相关阅读：']
    """
    return [text[a:b].strip() for a, b, _name in sorted(_found(text, 0, len(text)))]


def boilerplate_edits(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    """Remove each furniture line, its line break with it."""
    end = len(text) if end is None else end
    return [Edit(a, b, "", "boilerplate", name) for a, b, name in sorted(_found(text, start, end))]


def boilerplate_flags(text: str, start: int = 0, end: int | None = None) -> list[Edit]:
    """The same lines flagged and left in place (``--keep-boilerplate``).

    >>> [(e.note, e.new) for e in boilerplate_flags("责任编辑：王晓\\n")]
    [('byline', '责任编辑：王晓\\n')]
    """
    end = len(text) if end is None else end
    return [Edit(a, b, text[a:b], "boilerplate", name) for a, b, name in sorted(_found(text, start, end))]


# --------------------------------------------------------------------- metadata


def byline_fields(line: str) -> dict[str, str]:
    """What a byline line says: ``source``, ``author``, ``editor``, ``date``, ``title``.

    >>> byline_fields("发布时间：2011-05-12　来源：阳光易购")
    {'date': '2011-05-12', 'source': '阳光易购'}
    >>> byline_fields("原标题：稀土价格上涨")
    {'title': '稀土价格上涨'}
    """
    out: dict[str, str] = {}
    fields = list(_FIELD.finditer(line))
    for m, nxt in zip(fields, [*fields[1:], None]):
        what = FIELDS[m.group(1)]
        value = re.sub(r"\s+", " ", line[m.end() : nxt.start() if nxt else len(line)]).strip(" |｜】]）)")
        if what and value and what not in out:
            out[what] = value
    return out


def metadata(removed: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The article's metadata from its furniture lines, as ``(rule, line)`` pairs; the first
    value of each field wins.

    >>> metadata([("byline", "来源：差评　作者：托尼\\n"), ("byline", "责任编辑：托尼"), ("share bar", "分享到：微信")])
    {'source': '差评', 'author': '托尼', 'editor': '托尼'}
    """
    out: dict[str, str] = {}
    for rule, line in removed:
        if rule == "byline":
            for key, value in byline_fields(line.strip()).items():
                out.setdefault(key, value)
    return out
