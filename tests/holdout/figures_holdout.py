"""# Hand-written figure lists (Traditional surface forms, as in clean_text_trad).
# Tuple: (text, value, kind[, value_max][, flags])   flags: 'v' = vague, 'o' = optional
# Policy: every quantity in the article body, headings and dateline included.
#   * money: multipliers applied (萬=1e4, 億=1e8, 萬億=1e12); bare "70萬" income counts as money.
#   * percent: 60% -> 60; X成 -> X*10; X個百分點 -> X (kind percent).
#   * ranges "1000-1500元", "4-6條", "兩三家": value = low, value_max = high.
#   * dates: "--MM-DD", month only "--MM"; years "YYYY"; durations in their own unit.
#   * vague magnitudes (數萬, 幾萬, 上萬, 近千, 上百萬, 千萬, 上億, 過萬, 破千) are
#     flagged 'v' with value = the named magnitude.
#   * optional ('o'): quarter-period labels (前三季度/三季度...), "一X" used as an
#     indefinite article, cohort/ranking names (00後, 985, 十強, 六穩), idioms
#     (三十而立, 18般武藝, 半個中國, 一帶一路).  A reader neither gains nor loses
#     by extracting them.
#   * not listed at all: ordinals (第一, 第二, 第一大, 首位), 一方面/之一/一定/一般 etc.
# Dev-set notes (cases that the holdout lists do not show; same principles):
#   * full dates: "2021年10月8日" -> "2021-10-08"; year + month "1996年3月" -> "1996-03";
#     "8月末" -> "--08"; "6月份" -> "--06".
#   * "1965年至1980年" is two years (each carries its own 年), not a range.
#   * index values (CIER指數 0.71, 1.48 ...) are quantities: kind "number".
#   * "X倍多" / "X倍不止": value X, kind multiple; "1000多萬" -> 1e7 (like "100多個").
#   * "四分之一" -> 0.25 fraction; "幾千年" -> 1000 vague (like 幾萬).
#   * optional: ratios ("68：1"), stock codes ("834277"), names containing numerals
#     (新三板, 五礦, 長三角, 三菱, 一哥, 千禧一代, 二十大厭惡職業榜), grades (六級工),
#     half-year report labels (半年報, 上半年), 996, idioms (十年寒窗, 十之八九, 兩難),
#     "前兩次", and "一X" used as an indefinite article (一家, 一批, 一張, 一個, 一份, 一次 ...).
#   * not listed at all: ordinals (第一, 第二, 第三次, 第一大股東), 一定/單一/一般,
#     "這幾年" (no magnitude), 一-idioms (一朝一夕, 一脈, 一會兒 ...).
# Holdout (h1-h3) notes: the dev-set policy above, applied to cases d1/d2 do not show.
#   * a sign written into the numeral is kept ("同比-4%" -> -4); a decline written in words
#     keeps the quoted magnitude ("下降2.49%" -> 2.49).
#   * year + month range "2022年4-6月" -> "2022-04" .. "2022-06" (like "1996年3月" + "1-8月").
#   * "40-70x" (a PE range) -> multiple 40 .. 70.  "千萬級" -> 1e7 vague (like 千萬).
#   * "近兩個月", "近5個百分點" are required, like the dev set's "近20年".
#   * "突破9000億美元", "50%以上" name an explicit number: required, not vague.
#   * optional: period labels "前2個月"/"前兩個月" (like 前三季度), "一季度/二季度/三季度"
#     (value = the quarter's number), "半年度" (like 半年報); names and slogans containing
#     numerals ("21世紀" in 21世紀經濟報道, 兩融 = margin trading, 六穩/六保, 一樓一策,
#     一對一, 一樓一策一專班一銀行, 一、二級市場); "兩位數(的增長)"; section markers 01/02/03;
#     "一項", "一個", "一批" as indefinite articles.
#   * not listed: 值得一提, 一站式, 為一體, 進一步, 無一(預增), 首筆, 第一大, 一方面, 一般, 一定,
#     之一, 數據/指數/基數/數字 (no magnitude), and the 一、/二、 section ordinals.
"""

H1 = [
    # lede
    ("2022年", "2022", "year"),
    ("半年度", 0.5, "duration", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("41.77億元", 41.77e8, "money"),
    ("34.15%", 34.15, "percent"),
    ("28.48億元", 28.48e8, "money"),
    ("37.47%", 37.47, "percent"),
    ("14只", 14, "count"),
    ("8家", 8, "count"),
    ("上半年", 0.5, "duration", None, "o"),
    ("50%", 50, "percent"),
    ("6只", 6, "count"),
    # 01
    ("01", 1, "number", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("41.77億元", 41.77e8, "money"),
    ("34.15%", 34.15, "percent"),
    ("28.48億元", 28.48e8, "money"),
    ("37.47%", 37.47, "percent"),
    ("兩融", 2, "number", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("24.41億元", 24.41e8, "money"),
    ("30%", 30, "percent"),
    ("58%", 58, "percent"),
    ("上半年", 0.5, "duration", None, "o"),
    ("1.06萬億元", 1.06e12, "money"),
    ("9%", 9, "percent"),
    ("30%", 30, "percent"),
    ("兩融", 2, "number", None, "o"),
    ("9.6億元", 9.6e8, "money"),
    ("25%", 25, "percent"),
    ("23%", 23, "percent"),
    ("2022年", "2022", "year"),
    ("上半年", 0.5, "duration", None, "o"),
    ("2.12%", 2.12, "percent"),
    ("兩融", 2, "number", None, "o"),
    ("6.50億元", 6.5e8, "money"),
    ("59%", 59, "percent"),
    ("15.6%", 15.6, "percent"),
    ("107%", 107, "percent"),
    ("472.5億元", 472.5e8, "money"),
    ("41.3%", 41.3, "percent"),
    ("113.6億元", 113.6e8, "money"),
    # 02
    ("02", 2, "number", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("50%", 50, "percent"),
    ("上半年", 0.5, "duration", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("57%", 57, "percent"),
    ("一季度", 1, "number", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("2022年", "2022", "year"),
    ("上半年", 0.5, "duration", None, "o"),
    ("-4%", -4, "percent"),
    ("二季度", 2, "number", None, "o"),
    ("一季度", 1, "number", None, "o"),
    ("2019年", "2019", "year"),
    ("一季度", 1, "number", None, "o"),
    ("3個月", 3, "duration"),
    ("2022年4-6月", "2022-04", "date", "2022-06"),
    ("6月", "--06", "date"),
    ("三季度", 3, "number", None, "o"),
    ("6月", "--06", "date"),
    ("一項", 1, "count", None, "o"),
    ("27.34%", 27.34, "percent"),
    ("2960億元", 2960e8, "money"),
    ("千萬級", 1e7, "count", None, "v"),
    ("1000萬", 1000e4, "count"),
    ("4000萬", 4000e4, "count"),
    ("2019年", "2019", "year"),
    ("40-70x", 40, "multiple", 70),
    # 03
    ("03", 3, "number", None, "o"),
    ("7月15日", "--07-15", "date"),
    ("14只", 14, "count"),
    ("8家", 8, "count"),
    ("上半年", 0.5, "duration", None, "o"),
    ("50%", 50, "percent"),
    ("6只", 6, "count"),
    ("上半年", 0.5, "duration", None, "o"),
    ("上半年", 0.5, "duration", None, "o"),
    ("一、二級", 1, "number", 2, "o"),
]

H2 = [
    # lede
    ("7月28日", "--07-28", "date"),
    ("近兩個月", 2, "duration"),
    ("9月22日", "--09-22", "date"),
    ("9月23日", "--09-23", "date"),
    ("300億", 300e8, "money"),
    # 01 建行宣佈成立300億基金
    ("01", 1, "number", None, "o"),
    ("300億", 300e8, "money"),
    ("9月23日", "--09-23", "date"),
    ("300億元", 300e8, "money"),
    ("299.99億元", 299.99e8, "money"),
    ("0.01億元", 0.01e8, "money"),
    ("兩端", 2, "count"),
    # 02 多方合力提速推進
    ("02", 2, "number", None, "o"),
    ("7月28日", "--07-28", "date"),
    ("一樓一策", 1, "number", None, "o"),
    ("一對一", 1, "number", None, "o"),
    ("8月", "--08", "date"),
    ("9月17日", "--09-17", "date"),
    ("一樓一策", 1, "number", None, "o"),
    ("9月19日", "--09-19", "date"),
    ("一樓一策", 1, "number", None, "o"),
    ("9月6日", "--09-06", "date"),
    ("9月7日", "--09-07", "date"),
    ("30天", 30, "duration"),
    ("10月6日", "--10-06", "date"),
    ("5個", 5, "count"),
    ("一樓一策一專班一銀行", 1, "number", None, "o"),
    ("9月12日", "--09-12", "date"),
    ("9月30日", "--09-30", "date"),
    ("9月30日", "--09-30", "date"),
    ("8月", "--08", "date"),
    ("4833.38萬平方米", 4833.38e4, "number"),
    ("2.49%", 2.49, "percent"),
    ("33個百分點", 33, "percent"),
    ("8月", "--08", "date"),
    # 03 資金活水仍需放量
    ("03", 3, "number", None, "o"),
    ("8月29日", "--08-29", "date"),
    ("上半年", 0.5, "duration", None, "o"),
    ("一批", 1, "count", None, "o"),
    ("4424套", 4424, "count"),
    ("354億元", 354e8, "money"),
    ("100億元", 100e8, "money"),
    ("四種", 4, "count"),
    ("8月19日", "--08-19", "date"),
    ("2000億元", 2000e8, "money"),
    ("9月22日", "--09-22", "date"),
    ("7000億-8000億元", 7000e8, "money", 8000e8),
    ("兩千億", 2000e8, "money"),
]

H3 = [
    # lede (dateline included)
    ("21世紀", 21, "number", None, "o"),
    ("3月7日", "--03-07", "date"),
    ("前2個月", 2, "duration", None, "o"),
    ("6.2萬億元", 6.2e12, "money"),
    ("13.3%", 13.3, "percent"),
    ("3.47萬億元", 3.47e12, "money"),
    ("13.6%", 13.6, "percent"),
    ("2.73萬億元", 2.73e12, "money"),
    ("12.9%", 12.9, "percent"),
    ("2.02萬億元", 2.02e12, "money"),
    ("9.9%", 9.9, "percent"),
    ("58.3%", 58.3, "percent"),
    ("24%", 24, "percent"),
    ("99.1%", 99.1, "percent"),
    ("1.11萬億元", 1.11e12, "money"),
    ("2254.4億元", 2254.4e8, "money"),
    ("6.7%", 6.7, "percent"),
    ("7.7%", 7.7, "percent"),
    ("前2個月", 2, "duration", None, "o"),
    # 一、外貿開門穩
    ("2022年1-2月", "2022-01", "date", "2022-02"),
    ("6.2萬億元", 6.2e12, "money"),
    ("13.3%", 13.3, "percent"),
    ("3.47萬億元", 3.47e12, "money"),
    ("13.6%", 13.6, "percent"),
    ("2.73萬億元", 2.73e12, "money"),
    ("12.9%", 12.9, "percent"),
    ("前兩個月", 2, "duration", None, "o"),
    ("9000億美元", 9000e8, "money"),
    ("9734.5億美元", 9734.5e8, "money"),
    ("15.9%", 15.9, "percent"),
    ("前2個月", 2, "duration", None, "o"),
    ("3.94萬億元", 3.94e12, "money"),
    ("16.3%", 16.3, "percent"),
    ("2.99萬億元", 2.99e12, "money"),
    ("16.1%", 16.1, "percent"),
    ("1.1個百分點", 1.1, "percent"),
    ("48.2%", 48.2, "percent"),
    ("21世紀", 21, "number", None, "o"),
    ("六穩", 6, "number", None, "o"),
    ("六保", 6, "number", None, "o"),
    ("2020年1-2月", "2020-01", "date", "2020-02"),
    ("2021年", "2021", "year"),
    ("21世紀", 21, "number", None, "o"),
    ("兩位數", 2, "count", None, "o"),
    ("1-2月", "--01", "date", "--02"),
    ("前2個月", 2, "duration", None, "o"),
    ("8746.4億元", 8746.4e8, "money"),
    ("8704.7億元", 8704.7e8, "money"),
    ("7859.2億元", 7859.2e8, "money"),
    ("12.4%", 12.4, "percent"),
    ("10.5%", 10.5, "percent"),
    ("9.7%", 9.7, "percent"),
    ("一帶一路", 1, "number", None, "o"),
    ("1.92萬億元", 1.92e12, "money"),
    ("18.3%", 18.3, "percent"),
    ("近5個百分點", 5, "percent"),
    ("一帶一路", 1, "number", None, "o"),
    ("一帶一路", 1, "number", None, "o"),
    ("一帶一路", 1, "number", None, "o"),
    ("1.85萬億元", 1.85e12, "money"),
    ("9.5%", 9.5, "percent"),
    # 二、多措並舉保穩提質
    ("三重", 3, "count"),
    ("21世紀", 21, "number", None, "o"),
    ("2022年", "2022", "year"),
    ("一個", 1, "count", None, "o"),
    ("一批", 1, "count", None, "o"),
    ("兩個", 2, "count"),
]
