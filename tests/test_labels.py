"""Labels: what each figure measures, as a whole word of its sentence, or empty (issue 16).

The sentences are written for these tests (none is from a dev set): each checks one family
of the label rules, in both scripts where the family depends on the words.
"""

from __future__ import annotations

import pytest

from reader.document import parse
from reader.figures.extract import extract_figures, label_figures


def labels(text: str) -> dict[str, str]:
    doc = parse(text)
    return {f.text: f.label for f in label_figures(doc, extract_figures(doc))}


def test_a_change_measures_what_changed_not_the_change_word():
    got = labels("今年前十個月，出口總額320億元，同比增長8.5%。")
    assert got["320億元"] == got["8.5%"] == "出口總額"


def test_a_comparison_baseline_is_not_what_is_measured():
    assert labels("公司淨利潤較去年同期增加12%。")["12%"] == "公司淨利潤"
    assert labels("两市成交额较上周五萎缩逾三成。")["逾三成"] == "成交额"


def test_a_time_word_is_never_a_label():
    got = labels("過去三個月，門店數量增加了40家。")
    assert got["40家"] == "門店數量"
    assert got["三個月"] == ""  # not 過去


def test_respectively_gives_each_figure_its_own_noun():
    got = labels("蘋果和三星分別售出1200萬部和900萬部。")
    assert (got["1200萬部"], got["900萬部"]) == ("蘋果", "三星")
    got = labels("上海和北京的房價分別上漲3%、2%。")
    assert (got["3%"], got["2%"]) == ("上海", "北京")


def test_a_pronoun_gives_an_empty_label():
    assert labels("他賺了500萬元。")["500萬元"] == ""
    assert labels("她游出52秒。")["52秒"] == ""
    assert labels("她在決賽中游出52秒。")["52秒"] == "決賽"  # the noun is nearer than the pronoun


def test_a_measure_word_inside_a_word_labels_the_whole_word():
    assert labels("全國31個省份中，有12個省份出台措施。")["31個"] == "省份"


def test_a_bracketed_conversion_takes_the_label_of_its_figure():
    got = labels("這款耳機售價999美元（約合人民幣6500元）。")
    assert got["999美元"] == got["6500元"] == "耳機售價"


def test_the_verb_beside_the_figure_is_not_the_label():
    got = labels("新款平板支持30倍數字變焦，電池容量達到8000毫安。")
    assert got["30倍"] == "數字變焦"  # not 支持


def test_a_count_labels_the_noun_it_counts():
    got = labels("全市關閉了120家小型工廠，新增三個抓手。")
    assert got["120家"] == "小型工廠"
    assert got["三個"] == "抓手"  # a verb to jieba, a noun after a measure word


@pytest.mark.parametrize("text", ["新政策自2024年1月1日起實施。", "新政策自2024年1月1日起实施。"])
def test_a_date_labels_what_starts_from_it(text):
    assert labels(text)["2024年1月1日"] == "政策"


def test_a_date_alone_stays_unlabelled():
    assert labels("2020年，公司搬到上海。")["2020年"] == ""


def test_mojibake_and_unknown_words_are_not_labels():
    # an unknown run the segmenter glues together (here after a figure) is not a label
    got = labels("營收增長5%拉滿嗯。")
    assert got["5%"] in ("營收", "")


def test_a_measure_word_that_begins_a_noun_labels_the_noun():
    assert labels("他曾將兩批貨發給客戶。")["兩批"] == "批貨"


def test_a_garbled_clause_gives_no_label():
    # UTF-8 read as GBK: "，" became 锛 and a lost byte U+FFFD
    assert labels("璁や负锛岃吹宸炶寘鍙板钩鍧囦笂璋冧簡鍑哄巶浠�13%锛")["13%"] == ""


def test_a_clause_with_no_noun_goes_on_about_the_figure_before():
    assert labels("她轉戰400米自由泳決賽，最終游出52.27秒。")["52.27秒"] == "自由泳決賽"
    assert labels("單場銷量從70萬上升到90萬，現在可以穩定達到200萬的水平。")["200萬"] == "單場銷量"


def test_a_loss_or_payment_verb_names_the_amount_when_nothing_else_does():
    assert labels("價格急跌了40%，一下子虧了幾百萬元。")["幾百萬元"] == "虧"


def test_one_character_counted_nouns_and_spans_ending_in_de():
    assert labels("兩市逾千隻股上揚。")["逾千隻"] == "股"
    assert labels("指數再創近9個月以來的收市新高。")["近9個月"] == "收市"  # 新高 is a verb to jieba


def test_a_list_in_a_clause_with_no_noun_follows_the_list_before():
    got = labels("進口方面，鋼材、原油分別進口900萬噸、3億噸，增長6.7%、7.7%。")
    assert (got["6.7%"], got["7.7%"]) == ("鋼材", "原油")


def test_a_verb_after_a_count_is_its_noun_only_when_nothing_follows():
    assert labels("有8家預告上半年虧損。")["8家"] == ""  # 8 companies announced: not "預告"


def test_a_level_reached_after_a_growth_rate_measures_the_same_quantity():
    got = labels("公司交易性金融資產同比增長107%，達到472.5億元。")
    assert got["107%"] == got["472.5億元"] == "公司交易性金融資產"


def test_a_place_is_not_what_is_measured_and_a_count_of_times_counts_the_event():
    assert labels("她在今屆奧運4度刷新亞洲紀錄。")["4度"] == "刷新亞洲紀錄"
    assert labels("在粉絲積累到55萬時，她開了店。")["55萬"] == "粉絲"  # 在 + a clause: its subject


def test_dimensions_share_their_label():
    got = labels("新款平板的長寬高是 250.6 x 174.1 x 6.1 mm 。")
    assert len({got["250.6"], got["174.1"], got["6.1 mm"]}) == 1 and got["250.6"] not in ("", "x")


def test_a_date_right_after_a_noun_and_before_a_value_dates_that_noun():
    assert labels("鋼材價格2019年每噸才4千元。")["2019年"] == "鋼材價格"
    assert labels("2019年，鋼材漲了。")["2019年"] == ""


def test_a_date_in_a_clause_with_no_noun_continues_the_date_before():
    got = labels("新券自9月22日起使用，可用到明年4月30日止。")
    assert got["9月22日"] == got["4月30日"] == "新券"


def test_a_date_starting_an_event_with_an_object_is_labelled_by_the_event():
    # an actor's date is its action; a thing's date (新券…使用, no object) stays its subject
    assert labels("鐵路公司自3月5日起加開班車。")["3月5日"] == "加開班車"
    assert labels("銀行從6月10日起上調房貸利率。")["6月10日"] == "上調房貸利率"
    assert labels("新券自9月22日起使用。")["9月22日"] == "新券"


def test_a_date_before_a_verb_and_a_quoted_name_dates_the_name():
    assert labels("市政府今（3日）公布「青年安居計劃」細節。")["3日"] == "青年安居計劃"
    assert labels("教育局在去年8月1日推出「午膳資助」。")["8月1日"] == "午膳資助"


def test_a_date_with_only_a_start_verb_after_it_is_labelled_by_the_verb():
    assert labels("申請表格已經印好，並自6月3日開始派發。")["6月3日"] == "派發"


def test_a_clause_without_subject_goes_back_to_the_noun_ending_the_clause_before():
    assert labels("去年的失業率，不斷上升，高達6.2%。")["6.2%"] == "失業率"
    assert labels("議會昨日通過了防洪工程預算案，編列300億元。")["300億元"] == "防洪工程預算案"
    # not through a source or condition, not a person or place, not a noun another figure counts
    assert labels("據統計局估算，全年將達3.5%。")["3.5%"] == ""
    assert labels("他昨天去了北京，花了3000元。")["3000元"] == ""
    assert labels("工地約有300名工人，尚欠缺上百人。")["上百人"] == ""


def test_a_topic_frame_names_what_the_sentence_goes_on_about():
    got = labels("以大華銀行為例，上月5日開始已經漲了一波，到月底時，達到了48元以上。")
    assert got["48元以上"] == got["5日"] == "大華銀行"
    assert labels("以月薪8千元來看，每天的開支只有50元。")["50元"] == "開支"  # a figure is no topic


def test_people_counted_by_what_they_did():
    assert labels("該屋苑的群組已增加至15人確診。")["15人"] == "確診"
    assert labels("計劃共有320萬人受惠。")["320萬人"] == "受惠"


def test_a_span_before_a_record_measures_the_record():
    assert labels("失業率創8年新高。")["8年"] == "新高"
