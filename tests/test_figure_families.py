"""Issue 16: the figure families of new genres (devset2 policy D1-D21), the kinds of their
own, Chinese numerals, and what is vague or a bound, exposed in JSON, CSV and the report."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from conftest import run_cli

from reader.document import parse
from reader.figures.extract import extract_figures
from reader.figures.kinds import Kind, Qualifier, marker
from reader.review.model import Review
from reader.review.report import render


def figs(text: str) -> list[tuple]:
    return [(f.text, f.value, f.value_max, f.kind) for f in extract_figures(parse(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # D5 race and split times, one figure in seconds
        ("決賽游出1分53.92秒,", ("1分53.92秒", 113.92, None, "time")),
        ("初賽便游出1分56秒48,以", ("1分56秒48", 116.48, None, "time")),
        ("游出52秒70的時間", ("52秒70", 52.7, None, "time")),
        ("最終游出52.27秒，", ("52.27秒", 52.27, None, "time")),
        # D4 a day of the month alone; days counted are a duration
        ("台灣行政院今（9日）推出", ("9日", "---09", None, "date")),
        ("A股市場7日溫和走升", ("7日", "---07", None, "date")),
        ("泳隊一連7日的東奧之旅", ("7日", 7.0, None, "duration")),
        # D11 一X restricted or contrasted is a count; measure nouns
        ("只有一顆攝像頭,", ("一顆", 1.0, None, "count")),
        ("近一年內價格", ("近一年", 1.0, None, "duration")),
        ("收穫兩面銀牌", ("兩面", 2.0, None, "count")),
        ("共奪3面獎牌", ("3面", 3.0, None, "count")),
        ("暫時4度刷新紀錄", ("4度", 4.0, None, "count")),
        ("前3日升幅", ("3日", 3.0, None, "duration")),
        # 千 after digits, 2千多億, 7個半月 (D12)
        ("民眾可領5千，", ("5千", 5000.0, None, "number")),
        ("增加至2千多億,", ("2千多億", 2e11, None, "number")),
        ("限期在7個半月內使用", ("7個半月", 7.5, None, "duration")),
        ("跑了4千米", ("4千米", 4.0, None, "quantity")),
        # D8 a year with a Chinese-numeral month range is one date
        ("從2009年三四月起", ("2009年三四月", "2009-03", "2009-04", "date")),
        # ranges with the unit on both ends; a change 從 … 到 is not one
        ("交易的有300人至500人，", ("300人至500人", 300.0, 500.0, "people")),
        # D1 physical quantities in their written unit, Latin units too
        ("直徑超過20公分，", ("超過20公分", 20.0, None, "quantity")),
        ("電池容量4100mAh,", ("4100mAh", 4100.0, None, "quantity")),
        ("屏幕突破了 6 英寸。", ("突破了 6 英寸", 6.0, None, "quantity")),
        ("刷新率 120 Hz 的屏幕", ("120 Hz", 120.0, None, "quantity")),
        ("共100萬方石料", ("100萬方", 1e6, None, "quantity")),
        # D6 ages
        ("23歲的何詩蓓", ("23歲", 23.0, None, "age")),
        ("他身高1米85，", ("1米85", 1.85, None, "quantity")),
        # full-width digits and decimal point, thousands with a decimal part
        ("同比增長１６．４７％，", ("１６．４７％", 16.47, None, "percent")),
        ("預算為1,206.9億元，", ("1,206.9億元", 1.2069e11, None, "money")),
    ],
)
def test_families(text, expected):
    assert figs(text) == [expected]


def test_dimensions_take_the_last_unit():
    assert figs("機身 138.4 x 67.3 x 7.3 mm，") == [
        ("138.4", 138.4, None, "quantity"),
        ("67.3", 67.3, None, "quantity"),
        ("7.3 mm", 7.3, None, "quantity"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "推出了一款手機",  # 一X as an indefinite article
        "一年一度的盛會",  # a set phrase, not a contrast
        "香港代表隊週五晚完成比賽",  # a weekday
        "從事紅木交易",
        "三方協議",  # 方 is cubic metres only after a multiplier
        "30日元",  # yen, not the 30th
        "開了一家五金店",  # hardware, not five golds
        "來自四面八方",
    ],
)
def test_not_figures(text):
    found = figs(text)
    assert not [f for f in found if f[3] in ("date", "count", "quantity", "duration")] or text == "30日元"
    if text == "30日元":
        assert found == [("30日元", 30.0, None, "money")]


def test_medals_beside_each_other_are_counts():
    assert figs("收穫一金兩銀") == [("一金", 1.0, None, "count"), ("兩銀", 2.0, None, "count")]
    assert [f[0] for f in figs("3金2銀1銅")] == ["3金", "2銀", "1銅"]
    assert [f[0] for f in figs("以38金32銀18銅位列第二")] == ["38金", "32銀", "18銅"]


def test_a_change_between_two_figures_is_not_a_range():
    assert [f[:3] for f in figs("從300人增至500人")] == [("300人", 300.0, None), ("500人", 500.0, None)]


def test_grade_kind_comes_from_the_noun_after_it():
    assert [(f[0], f[3]) for f in figs("投入億級資金和千億級流量")] == [("億級", "money"), ("千億級", "number")]


def test_qualifier_and_vague_on_the_model():
    found = {f.text: f for f in extract_figures(parse("約300人，超過40公分，不到2800億元，上萬人，10人"))}
    assert found["約300人"].qualifier is Qualifier.APPROX
    assert found["超過40公分"].qualifier is Qualifier.LOWER
    assert found["不到2800億元"].qualifier is Qualifier.UPPER
    assert (found["上萬人"].qualifier, found["上萬人"].vague) == (Qualifier.LOWER, True)
    assert (found["10人"].qualifier, found["10人"].vague) == (Qualifier.NONE, False)
    assert found["上萬人"].kind == Kind.PEOPLE


def test_marker():
    assert [marker(q, v) for q, v in (("approx", False), ("lower", True), ("upper", False), ("none", True))] == [
        "≈",
        "≥ vague",
        "≤",
        "vague",
    ]


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("引發數萬人討論，約有300人到場，收入不到2萬元。\n", encoding="utf-8")
    return path


def test_figures_json_has_vague_and_qualifier(article):
    data = json.loads(run_cli("--figures", "--format", "json", str(article)).stdout)["figures"]
    got = [(f["text"], f["qualifier"], f["vague"]) for f in data]
    assert got == [("數萬人", "none", True), ("約有300人", "approx", False), ("不到2萬元", "upper", False)]


def test_figures_csv_has_vague_and_qualifier(article):
    out = run_cli("--figures", "--format", "csv", str(article)).stdout.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["qualifier"], r["vague"]) for r in rows] == [("none", "True"), ("approx", "False"), ("upper", "False")]


def test_report_shows_vague_and_bounds():
    doc = parse("引發數萬人討論，約有300人到場，收入不到2萬元。", source="a.txt")
    doc = replace(doc, figures=extract_figures(doc))
    md = render(doc, Review(), "md")
    assert (
        "| 數萬人 | 10,000 人 | vague |" in md
        and "| 約有300人 | 300 人 | ≈ |" in md
        and "| 不到2萬元 | 20,000 元 | ≤ |" in md
    )
    rows = json.loads(render(doc, Review(), "json"))["figures"]
    assert [(r["qualifier"], r["vague"]) for r in rows] == [("none", True), ("approx", False), ("upper", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("支付壹佰壹拾壹元整", [("壹佰壹拾壹元", 111.0, None, "money")]),
        ("合計壹億壹仟萬元", [("壹億壹仟萬元", 1.1e8, None, "money")]),
        ("找回拾元", [("拾元", 10.0, None, "money")]),
        ("利率為零點一", [("零點一", 0.1, None, "number")]),
        ("誤差僅為零點零零一", [("零點零零一", 0.001, None, "number")]),
        ("增長百分之零點五", [("百分之零點五", 0.5, None, "percent")]),
        # a capital alone is a word; 一點一點 is "bit by bit"
        ("他參股了公司", []),
        ("大陸地區", []),
        ("一點一點地改", []),
    ],
)
def test_chinese_numerals(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("shape", ["1x", "1×", "1分", "1秒", "一金", "三四月", "1,2", "１，", "4 "])
def test_long_repetitions_are_read_without_recursion(shape):
    """Chains of the new shapes (dimensions, relay names, race times, contrasted counts) are
    read a piece at a time: no recursion or rescan grows with the chain."""
    text = shape * 5000
    found = extract_figures(parse(text))
    assert all(text[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("午後氣溫升到35度", "temperature"),
        ("攝氏零下12度", "temperature"),
        ("連續多日33度高溫", "temperature"),
        ("室內保持26℃", "temperature"),
        ("她3度刷新紀錄", "count"),  # 度 without a temperature word: a number of times
    ],
)
def test_temperature_is_its_own_kind(text, kind):
    assert [f[3] for f in figs(text)] == [kind]


def test_a_unit_less_amount_after_a_payment_verb_or_a_currency_is_money():
    assert [(f[0], f[3]) for f in figs("會員自付2千換購5千")] == [("2千", "money"), ("5千", "money")]
    assert [(f[0], f[3]) for f in figs("政府撥出港幣3千億")] == [("3千億", "money")]
    assert [(f[0], f[3]) for f in figs("預計帶來4千多億效益")] == [("4千多億", "money")]
    assert [(f[0], f[3]) for f in figs("帶來千億級流量")] == [("千億級", "number")]


def test_a_day_after_a_month_word_is_a_date_whatever_follows():
    assert figs("銀行下月10日起調整利率") == [("10日", "---10", None, "date")]
    assert figs("本月3日前交表") == [("3日", "---03", None, "date")]
    assert figs("連續10日起跑") == [("10日", 10.0, None, "duration")]  # days counted stay a duration
