"""Word lists the figure grammar reads: units, measure words, qualifiers, context cues.

Both scripts are listed (articles come in Traditional or Simplified).  A
unit maps to ``(kind, unit as shown)``; the longest unit at a position wins.

>>> longest_unit("萬元以上"), longest_unit("個百分點"), longest_unit("位數")
(None, ('個百分點', 'percent'), ('位', 'count'))
"""

from __future__ import annotations

MONEY_UNITS = (
    "元 塊錢 块钱 美元 美金 歐元 欧元 日元 日圓 英鎊 英镑 港元 港幣 港币 加元 澳元 韓元 韩元 "
    "盧比 卢比 盧布 卢布 新臺幣 新台幣 新台币 臺幣 台幣 台币 人民幣 人民币 法郎 瑞郎 泰銖 泰铢 "
    "林吉特 比索 新元 美分 元人民幣 元人民币"
).split()
PERCENT_UNITS = "% ％ 個百分點 个百分点 百分點 百分点 ‰".split()
MULTIPLE_UNITS = ["倍", "x", "X"]  # 40x: price-earnings multiples
# Durations; 年 and 月 are also read as dates/years by the date grammar first.
DURATION_UNITS = (
    "年 日 個交易日 个交易日 交易日 個月 个月 個多月 个多月 多個月 多个月 月 天 個工作日 个工作日 工作日 周 週 個星期 个星期 星期 "
    "小時 小时 個小時 个小时 個多小時 个多小时 多個小時 多个小时 鐘頭 钟头 個鐘頭 个钟头 分鐘 分钟 "
    "秒鐘 秒钟 秒 個季度 个季度 週年 周年 晚 夜"
).split()
# Measure words and counted nouns: "400位", "七八個", "91場", "三大", "一金兩銀".
COUNT_UNITS = (
    "個 个 位 名 部門 部门 家 場 场 次 件 條 条 款 種 种 類 类 項 项 座 所 臺 台 輛 辆 架 艘 部 本 "
    "篇 張 张 份 批 支 隻 只 頭 头 棵 株 顆 颗 粒 套 輪 轮 波 屆 届 層 层 道 間 间 戶 户 處 处 "
    "筆 笔 單 单 例 宗 檔 档 集 章 門 门 枚 幅 首 組 组 雙 双 隊 队 節 节 席 罐 瓶 包 箱 袋 盒 杯 "
    "封 幢 棟 栋 頁 页 大 省 國 国 股 端 重 面 度 牌 金 銀 银 銅 铜 金牌 銀牌 银牌 銅牌 铜牌 獎牌 奖牌 "
    "列 車次 车次 班次 班 輛次 辆次 架次 艘次 場次 场次 航次 片 頂 顶 床 牀 劑 剂 縣市 县市"
).split()
# Counts of people: a kind of their own.
PEOPLE_UNITS = "人次 人 男 女".split()  # 16男4女
AGE_UNITS = "歲 岁 週歲 周岁".split()
# Physical quantities (D1): the unit is kept as written, never converted.
QUANTITY_UNITS = (
    "公里 千米 平方公里 平方米 平米 立方米 米 公尺 厘米 釐米 公分 毫米 微米 納米 纳米 英寸 英吋 吋 寸 英尺 尺 英里 海里 "
    "畝 亩 公頃 公顷 噸 吨 公斤 千克 克 毫克 斤 磅 盎司 升 毫升 公升 加侖 加仑 "
    "千瓦時 千瓦时 瓦時 瓦时 千瓦 兆瓦 瓦 伏 毫安時 毫安时 千卡 大卡 卡路里 赫茲 赫兹 分貝 分贝 像素 幀 帧 "
    "馬力 马力 GB TB MB KB Gbps Mbps km kg cm mm nm kWh MWh GWh TWh kW MW GW mAh Wh W GHz MHz kHz Hz dB fps hp mg ml mL μg N·m 牛·米 牛米 mmol/L mmol 毫摩爾 毫摩尔 mg/dL 坪 L"
).split()
# Temperatures: a kind of their own.  度 alone is a count (4度刷新) unless TEMPERATURE_CUES
# surround it (氣溫38度, 攝氏38度, 38度高溫).
TEMPERATURE_UNITS = "℃ °C 攝氏度 摄氏度 華氏度 华氏度 ℉ °F".split()
TEMPERATURE_CUES = (
    "氣溫 气温 高溫 高温 低溫 低温 溫度 温度 體溫 体温 水溫 水温 室溫 室温 攝氏 摄氏 華氏 华氏 零下 降溫 降温 升溫 升温 "
    "發燒 发烧 高燒 高烧 酷熱 酷热 炎熱 炎热 寒流 冷氣 冷气"
).split()
# 級 is a reading on a scale (wind force, an earthquake's magnitude) beside these words;
# elsewhere it is a grade or a level (一級預警, 三級工), not a quantity.
SCALE_CUES = (
    "風力 风力 陣風 阵风 大風 大风 颱風 台风 颶風 飓风 北風 北风 南風 南风 東風 东风 西風 西风 風速 风速 "
    "地震 震級 震级 級風 级风 指數 指数"
).split()
# X分 is a score in points beside these words (錄取分數線為620分, 高考成績650分, a match report's
# 砍下27分, 領先6分); elsewhere 分 is minutes after a time, cents, or a word (十分, 分之).
SCORE_CUES = (
    "分數 分数 成績 成绩 得分 考分 總分 总分 滿分 满分 高考 中考 考試 考试 評分 评分 打分 錄取 录取 考生 均分 平均分 "
    "砍下 狂砍 攻下 轟下 轰下 拿下 獨得 独得 貢獻 贡献 得到 領先 领先 落後 落后 淨勝 净胜 分差 比分"
).split()
# Other measuring units: kind "number".
MEASURE_UNITS = "個基點 个基点 基點 基点 字".split()
# Medals as a bare noun count only beside another such count: 一金兩銀, 3金2銀1銅 (五金 is hardware).
MEDALS = frozenset("金銀银銅铜")
# Units read only after a multiplier: "100萬方" is cubic metres, "三方" three parties.
SCALED_ONLY_UNITS = {"方": "quantity"}

UNITS: dict[str, str] = {}
for _kind, _units in (
    ("number", MEASURE_UNITS),
    ("quantity", QUANTITY_UNITS),
    ("temperature", TEMPERATURE_UNITS),
    ("count", COUNT_UNITS),
    ("people", PEOPLE_UNITS),
    ("age", AGE_UNITS),
    ("duration", DURATION_UNITS),
    ("multiple", MULTIPLE_UNITS),
    ("percent", PERCENT_UNITS),
    ("money", MONEY_UNITS),
):
    for _u in _units:
        UNITS[_u] = _kind
_BY_LENGTH = sorted(UNITS, key=len, reverse=True)
_BY_FIRST_CHAR: dict[str, list[str]] = {}
for _unit in _BY_LENGTH:  # longest first within each first character
    _BY_FIRST_CHAR.setdefault(_unit[0], []).append(_unit)

# Characters after a unit that show it was the start of another word.
UNIT_BREAKERS = {
    "x": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.",  # 3x3, 0x1F, x86
    "X": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.",
    "重": "要視视新複复量點点大慶庆疊叠組组",  # 重要, 重新, 重量, 重慶 ...
    "列": "為为入出表印舉举明席隊队車车",  # 列為, 列入, 列車 ...
    "班": "長长主底子級级組组",  # 班長, 班主任, 班底 ...
    "片": "面刻段區区場场子長长",  # 片面, 片刻, 片段, 片區 ...
    "男": "子性士生人裝装籃篮排足廁厕孩童星嬰婴兒儿友方",  # 男子, 男性 ...
    "女": "子性士生人裝装籃篮排足廁厕孩童星嬰婴兒儿友方王神",
    "端": "午口正莊庄倪",  # 端午, 端口
    "位": "數数置於于",  # 兩位數 (double-digit), 位置
    "大": "於于概約约幅量多部型學学會会家",  # 三大 counts, 大於/大概 do not
    "年": "代級级",  # 80年代 decade, 三年級 grade
    "國": "際际內内外集企有",
    "国": "际内外集企有",
    "城": "市",
    "股": "東东份票權权市價价",
    "家": "庭族長长鄉乡號号爭争",
    "場": "景所地合面館馆",
    "场": "景所地合面馆",
    "門": "店檻槛戶户",
    "头": "部条号",
    "頭": "部條號",
    "節": "目日點点",
    "节": "目日点",
    "首": "先次席都頁页付批發发日度位富",  # 首付 (down payment), 首批, 首發 ...
    "單": "位元獨独純纯一",
    "单": "位元独纯一",
    "本": "身地土來来科",
    "道": "路理德",
    "部": "分長长",
    "筆": "記记",
    "笔": "记",
    "例": "如",
    "宗": "旨",
    "幅": "度",
    "組": "成織合建",
    "组": "成织合建",
    "封": "頂顶鎖锁閉闭",
    "省": "錢钱",
    "支": "持付撐撑出援",
    "只": "是要有能",
    "份": "額额",
    "批": "准覆复發发",
    "架": "構构",
    "层": "面",
    "層": "面",
    "名": "單单額额義义稱称字",
    "章": "程",
    "集": "團团中體体",
    "包": "括裝装",
    "台": "灣湾階阶",
    "臺": "灣階",
    "天": "然地下",
    "人": "民口才員员工物氣气",
    "次": "要級级貸贷",
    "件": "事",
    "條": "件例",
    "条": "件例",
    "種": "子類类",
    "种": "子",
    "晚": "上會会年期",
    "夜": "間间晚",
    "周": "邊边圍围期刊末",
    "週": "邊圍期刊末",
    "杯": "賽赛",
    "日": "本報报記记電电均線线",
    "面": "對对向臨临積积前上下子貌試试談谈孔",
    "度": "過过假日量數数",
    "牌": "子照價价坊號号",
    "金": "額额融屬属錢钱價价幣币庫库主店山會会",
    "銀": "行河幕",
    "银": "行河幕",
    "銅": "價礦材鑼",
    "铜": "价矿材锣",
    "尺": "度寸碼码",
    "寸": "步",
    "伏": "擊击",
    "米": "飯饭粉",
    "克": "服制",
    "升": "級级值高至到幅",
}

# Qualifiers written before a number (longest first when matched).
PRE_QUALIFIERS = {
    "approx": "逼近 約為 约为 約合 约合 約有 约有 大約 大约 大概 接近了 接近 將近了 将近了 將近 将近 近 約 约 左右 差不多 幾乎 几乎",
    "lower": "超過了 超过了 超過 超过 超出 突破了 突破 超 逾 多於 多于 高於 高于 大於 大于 至少 不低於 不低于 不少於 不少于 以上",
    "upper": "不超過 不超过 不高於 不高于 不多於 不多于 不到 不足 低於 低于 小於 小于 少於 少于 最多 至多 未滿 未满 不及",
}
PRE_QUALIFIER_WORDS = sorted(
    ((w, q) for q, ws in PRE_QUALIFIERS.items() for w in ws.split() if w not in ("左右", "以上")),
    key=lambda wq: len(wq[0]),
    reverse=True,
)
# Prefixes that only make sense before a bare magnitude: 上萬, 過億, 破千.
MAGNITUDE_PREFIXES = {"上": "lower", "過": "lower", "过": "lower", "破": "lower", "近": "approx"}
# Qualifiers written after the figure.
POST_QUALIFIERS = {
    "以上": "lower",
    "之上": "lower",
    "不止": "lower",
    "出頭": "lower",
    "出头": "lower",
    "有餘": "lower",
    "有余": "lower",
    "+": "lower",
    "多": "lower",
    "餘": "lower",
    "余": "lower",
    "以下": "upper",
    "以內": "upper",
    "以内": "upper",
    "之內": "upper",
    "之内": "upper",
    "左右": "approx",
    "上下": "approx",
    "前後": "approx",
    "前后": "approx",
}
POST_QUALIFIER_WORDS = sorted(POST_QUALIFIERS, key=len, reverse=True)

# Context words: a unit-less amount ("200萬GMV", "月薪2萬") is money near these.
MONEY_CUES = (
    "GMV gmv 月入 年入 出資 出资 基金 借款 募集 認繳 认缴 資本 资本 銷售額 销售额 營收 营收 收入 賣出 卖出 成交額 成交额 交易額 交易额 市值 估值 工資 工资 薪 "
    "金額 金额 資金 资金 投資 投资 融資 融资 利潤 利润 費用 费用 價 价 帶貨 带货 營業額 营业额 資產 资产 "
    "存款 貸款 贷款 補貼 补贴 獎金 奖金 預算 预算 成本 銷售 销售 賺 赚 花費 花费 罰款 罚款 收益 盈利 虧損 亏损 "
    "效益 經費 经费 補助 补助"
).split()
# Also money cues, for the kind of a unit-less amount only (not label words): paying verbs
# (自付1千領5千) and a currency written before the number (新台幣2千億).
MONEY_KIND_CUES = (
    "自付 支付 付出 付了 撥款 拨款 捐款 捐出 籌集 筹集 新臺幣 新台幣 新台币 臺幣 台幣 台币 港幣 港币 人民幣 人民币 "
    "美金 美元 歐元 欧元 日圓 日元 英鎊 英镑"
).split()
COUNT_CUES = (
    "粉絲 粉丝 月活 日活 用戶 用户 人數 人数 會員 会员 觀眾 观众 學生 学生 畢業生 毕业生 員工 员工 訂單 订单 商家 "
    "人口 遊客 游客 讀者 读者 網民 网民 考生 家庭 企業 企业 門店 门店 漲粉 涨粉"
).split()


def longest_unit(text: str, pos: int = 0) -> tuple[str, str] | None:
    """The longest unit that ``text`` starts with at ``pos``, as ``(unit, kind)``, else None.

    A unit followed by a character that shows it begins another word
    (``兩位數``'s 位 is kept, 數 is checked by the caller) is still returned.

    >>> longest_unit("3個百分點", 1), longest_unit("3個百分點", 0)
    (('個百分點', 'percent'), None)
    """
    for u in _BY_FIRST_CHAR.get(text[pos : pos + 1], ()):
        if text.startswith(u, pos):
            return u, UNITS[u]
    return None
