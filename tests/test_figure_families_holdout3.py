"""The figure families the third blind holdout (tests/holdout3) found missing or wrong:
each with members that are in none of its articles."""

from __future__ import annotations

import pytest

from reader.figures.grammar import scan


def figs(text: str) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.kind) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # measure words of relief goods, beds, doses and administrative units
        ("調撥帳篷1200頂", [("1200頂", 1200.0, None, "count")]),
        ("新增病床450床，", [("450床", 450.0, None, "count")]),
        ("已接種三劑疫苗", [("三劑", 3.0, None, "count")]),
        ("全省11个县市受灾", [("11个", 11.0, None, "count")]),
        ("波及中部4縣市", [("4縣市", 4.0, None, "count")]),
        ("起床後去臨床試驗", []),
        # X成 before 是/都/會 is a share after 有 or an approximation; 八成是 alone is "most likely"
        ("受訪者中約有四成是上班族", [("約有四成", 40.0, None, "percent")]),
        ("其中近七成都來自外地", [("近七成", 70.0, None, "percent")]),
        ("他八成是忘了", []),
        # a scale named once reads on through the sentence's later clauses; scores in words
        ("紫外線指數達8級，傍晚降至3級", [("8級", 8.0, None, "quantity"), ("3級", 3.0, None, "quantity")]),
        (
            "錄取分數線文科為五百二十分，理科為498分",
            [("五百二十分", 520.0, None, "number"), ("498分", 498.0, None, "number")],
        ),
        ("颱風已遠離。發布2級警戒", []),
        ("考生十分緊張", []),
        # a bare time after a placed one in the same sentence reads in its half of the day
        ("每日早上7點至10點開放", [("早上7點", "T07:00", None, "clock"), ("10點", "T10:00", None, "clock")]),
        ("下午2:00報到，4:45散會", [("下午2:00", "T14:00", None, "clock"), ("4:45", "T16:45", None, "clock")]),
        ("晚上9點開賽，比分2:10", [("晚上9點", "T21:00", None, "clock")]),
        ("上午8點出發。4:30", [("上午8點", "T08:00", None, "clock")]),
        # 從X到Y followed by 不等/之間 is a spread of values (one range), else a change
        ("租金從800元到1500元不等", [("800元到1500元", 800.0, 1500.0, "money")]),
        ("年薪由20萬至35萬元之間", [("20萬至35萬元", 2e5, 3.5e5, "money")]),
        ("人數從300人增至500人", [("300人", 300.0, None, "people"), ("500人", 500.0, None, "people")]),
        # 一 + a duration measured from now is a genuine period (D11), not an indefinite article
        ("過去一年間物價上升", [("一年", 1.0, None, "duration")]),
        ("今后一个月内", [("一个月", 1.0, None, "duration")]),
        ("一年四季都有", []),
        # X日前後 is about a day of the month (D4); X日前 and 持續X日前後 count days
        ("洪峰將於18日前後抵達", [("18日", "---18", None, "date")]),
        ("連續5日前後", [("5日前後", 5.0, None, "duration")]),
        # a range of two fractions or two 百分之 shares is one figure
        ("約佔五分之一至四分之一", [("五分之一至四分之一", 0.2, 0.25, "fraction")]),
        ("增幅在百分之五到百分之八", [("百分之五到百分之八", 5.0, 8.0, "percent")]),
        # 多/餘 after a number written across its multiplier, then its unit (D12)
        ("累計1萬2千多例", [("1萬2千多例", 12000.0, None, "count")]),
        ("涉款3億4千餘萬元", [("3億4千餘萬元", 3.4e8, None, "money")]),
        ("由三分之二降至三分之一", [("三分之二", 2 / 3, None, "fraction"), ("三分之一", 1 / 3, None, "fraction")]),
    ],
)
def test_holdout3_families(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize(("written", "in_symbols"), [("千分之五", "5‰"), ("千分之二點五", "2.5‰"), ("千分之12", "12‰")])
def test_per_mille_in_words_has_the_value_of_its_symbol(written, in_symbols):
    (words,) = scan(f"出生率為{written}。")
    (symbol,) = scan(f"出生率為{in_symbols}。")
    assert (words.value, words.unit, words.kind) == (symbol.value, symbol.unit, symbol.kind)
