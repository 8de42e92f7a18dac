"""The figure families the second blind holdout (tests/holdout2) found missing or wrong:
each with members that are in none of its articles, and the grammar stays linear."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from work_count import python_calls

from reader.figures.grammar import scan


def figs(text: str) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.kind) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 零下 is the sign, in words: a value never has the wrong sign
        ("夜裡氣溫跌至零下12度。", [("零下12度", -12.0, None, "temperature")]),
        ("哈爾濱零下25℃", [("零下25℃", -25.0, None, "temperature")]),
        ("最低氣溫零下3至5℃", [("零下3至5℃", -5.0, -3.0, "temperature")]),
        ("氣溫由5℃降到-3℃", [("5℃", 5.0, None, "temperature"), ("-3℃", -3.0, None, "temperature")]),
        # a range of days in one month is one date; a bracketed day alone (Taiwan style)
        ("比賽7日至9日舉行", [("7日至9日", "---07", "---09", "date")]),
        ("2023年5月1日至5日放假", [("2023年5月1日至5日", "2023-05-01", "2023-05-05", "date")]),
        ("展期8月12日到15日", [("8月12日到15日", "--08-12", "--08-15", "date")]),
        ("警方昨（15）日表示", [("15）日", "---15", None, "date")]),
        ("9日至7日", [("9日", "---09", None, "date"), ("7日", "---07", None, "date")]),
        # a time of day: one figure, Thh:mm on a 24-hour clock
        ("下午3時15分開庭", [("下午3時15分", "T15:15", None, "clock")]),
        ("今晚7點半起", [("今晚7點半", "T19:30", None, "clock")]),
        ("晚上十點，", [("晚上十點", "T22:00", None, "clock")]),
        ("截至18時，", [("18時", "T18:00", None, "clock")]),
        ("下午三點鐘,中午12點", [("下午三點鐘", "T15:00", None, "clock"), ("中午12點", "T12:00", None, "clock")]),
        ("凌晨2時許，", [("凌晨2時許", "T02:00", None, "clock")]),
        ("上午十時三十分開庭", [("上午十時三十分", "T10:30", None, "clock")]),
        ("下午三時許，", [("下午三時許", "T15:00", None, "clock")]),
        ("每天上午8:30至", [("上午8:30", "T08:30", None, "clock")]),
        ("下午2：00開會", [("下午2：00", "T14:00", None, "clock")]),
        # a duration in two units, read in the smaller one (like D5's race times)
        ("判囚4年6個月", [("4年6個月", 54.0, None, "duration")]),
        ("歷時2小時45分鐘", [("2小時45分鐘", 165.0, None, "duration")]),
        ("耗時1天6小時", [("1天6小時", 30.0, None, "duration")]),
        ("判處監禁8個月至1年2個月不等", [("8個月至1年2個月", 8.0, 14.0, "duration")]),
        ("判處有期徒刑三年六個月", [("三年六個月", 42.0, None, "duration")]),
        ("判處有期徒刑一年零六個月", [("一年零六個月", 18.0, None, "duration")]),
        ("歷時兩小時三十分鐘", [("兩小時三十分鐘", 150.0, None, "duration")]),
        # a number written across its multiplier
        ("錄得3萬2千宗", [("3萬2千宗", 32000.0, None, "count")]),
        ("共12萬4530人", [("12萬4530人", 124530.0, None, "people")]),
        ("就診12萬4,530人次", [("12萬4,530人次", 124530.0, None, "people")]),
        ("罰款3億5千萬元", [("3億5千萬元", 3.5e8, None, "money")]),
        # tenths after 成: 七成五 is 75%; X成為 is "X tenths are"
        ("逾七成五的受訪者", [("逾七成五", 75.0, None, "percent")]),
        ("約6成3，", [("約6成3", 63.0, None, "percent")]),
        ("七成為女性", [("七成", 70.0, None, "percent")]),
        ("三成五年內", [("三成", 30.0, None, "percent"), ("五年", 5.0, None, "duration")]),
        # 級 on a wind or earthquake scale; elsewhere a grade
        ("陣風10級，", [("10級", 10.0, None, "quantity")]),
        ("發生6.4級地震", [("6.4級", 6.4, None, "quantity")]),
        ("將有5到7級大風", [("5到7級", 5.0, 7.0, "quantity")]),
        ("啟動一級響應", []),
        # 分 is a score in points beside a score word
        ("錄取分數線為620分，", [("620分", 620.0, None, "number")]),
        ("高考成績平均為512.5分", [("512.5分", 512.5, None, "number")]),
        ("比賽進行到第30分", []),
        # and beside a match report's scoring verb: the points a player or a team scored
        ("他全場砍下31分、12個籃板", [("31分", 31.0, None, "number"), ("12個", 12.0, None, "count")]),
        ("上半场领先8分", [("8分", 8.0, None, "number")]),
        ("她獨得15分", [("15分", 15.0, None, "number")]),
        ("終場前3分鐘落後5分", [("3分鐘", 3.0, None, "duration"), ("5分", 5.0, None, "number")]),
        ("下午3點20分得到消息", [("下午3點20分", "T15:20", None, "clock")]),
        # ratios and scores are no quantities
        ("比分2:1", []),
        ("男女比例為1.05：1", []),
        # a Chinese range sharing its second end's magnitude
        ("每月四到六百元", [("四到六百元", 400.0, 600.0, "money")]),
        ("兩到三千人", [("兩到三千人", 2000.0, 3000.0, "people")]),
        ("一到十個", [("一到十個", 1.0, 10.0, "count")]),
        # units and measure words of transport, engines, storage, people
        ("最大功率為300馬力", [("300馬力", 300.0, None, "quantity")]),
        ("裝機量達120GWh", [("120GWh", 120.0, None, "quantity")]),
        ("每次服用500mg，兒童10ml", [("500mg", 500.0, None, "quantity"), ("10ml", 10.0, None, "quantity")]),
        ("加開12列，", [("12列", 12.0, None, "count")]),
        ("加開30班次", [("30班次", 30.0, None, "count")]),
        ("民航日均執行航班1.7萬班", [("1.7萬班", 17000.0, None, "count")]),
        ("日均流量5600萬輛次", [("5600萬輛次", 5.6e7, None, "count")]),
        ("最大扭矩為650N·m", [("650N·m", 650.0, None, "quantity")]),
        ("判處死刑，緩期二年執行", [("二年", 2.0, None, "duration")]),
        ("完成了二次開發", []),
        ("空腹血糖6.1mmol/L", [("6.1mmol/L", 6.1, None, "quantity")]),
        ("室內約35坪", [("約35坪", 35.0, None, "quantity")]),
        ("醫師人數每千人2.6名", [("2.6名", 2.6, None, "count")]),
        ("每萬人擁有病床60張", [("60張", 60.0, None, "count")]),
        ("綜合油耗5.8L/100km，後備箱容積500L", [("5.8L", 5.8, None, "quantity"), ("500L", 500.0, None, "quantity")]),
        ("貸款首付低至0首付", []),
        ("每天三次，每次兩片", [("三次", 3.0, None, "count"), ("兩片", 2.0, None, "count")]),
        ("現場一片混亂", []),
        ("罰金人民幣十萬元", [("十萬元", 1e5, None, "money")]),
        ("拘捕5男2女", [("5男", 5.0, None, "people"), ("2女", 2.0, None, "people")]),
        ("3男子被捕，列為疑犯", []),
        # Taiwan and Hong Kong forms: 兆 (a trillion) with money, Minguo years, 三分一
        ("政府總預算約新台幣2.88兆元", [("2.88兆元", 2.88e12, None, "money")]),
        ("民國112年3月起", [("112年3月", "2023-03", None, "date")]),
        ("裝機容量5兆瓦", [("5兆瓦", 5.0, None, "quantity")]),
        ("佔約三分一，", [("約三分一", 1 / 3, None, "fraction")]),
        ("意見十分一致", []),
        # halves and vague tens of a magnitude
        ("七成半的家庭", [("七成半", 75.0, None, "percent")]),
        ("增長了一倍半", [("一倍半", 1.5, None, "multiple")]),
        ("吸引十幾萬人", [("十幾萬人", 1e5, None, "people")]),
        # a money cue in the noun phrase right after a unit-less amount
        ("可創造三千億經濟效益", [("三千億", 3e11, None, "money")]),
    ],
)
def test_holdout2_families(text, expected):
    assert figs(text) == expected


def test_an_approximate_clock_time_says_so():
    (fig,) = scan("凌晨5時許，")
    assert (fig.value, fig.qualifier) == ("T05:00", "approx")


ADVERSARIAL = ("零下3至", "3日至", "上午9時", "11萬8", "九成五", "8級風", "5.2:", "三到五百", "6年8個", "3小時2")


@pytest.mark.parametrize("piece", ADVERSARIAL)
def test_new_families_stay_linear(piece):
    small = python_calls(lambda: scan(piece * 300))
    large = python_calls(lambda: scan(piece * 1200))
    assert large < 5 * small  # four times the text: about four times the work


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*ADVERSARIAL, "日", "時", "，", "萬", "成", "級", "分", "-", "1", "一"]), max_size=60))
def test_figures_stay_ordered_and_inside_the_text(pieces):
    text = "".join(pieces)
    last = 0
    for f in scan(text):
        assert last <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        last = f.end
