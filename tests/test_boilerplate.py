"""Page furniture: removed as ``boilerplate`` repairs, kept by --keep-boilerplate, bylines read as metadata;
body paragraphs never removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.clean.boilerplate import boilerplate_edits, furniture
from reader.clean.passes import clean
from reader.document import repairs_line
from reader.load import document_from_text
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

FURNITURE = [
    # breadcrumbs
    ("当前位置：首页 > 财经 > 正文", "breadcrumb"),
    ("首頁 > 新聞 > 國際", "breadcrumb"),
    # bylines, both scripts
    ("发布时间：2021-03-02 10:15　来源：新华网　作者：李华", "byline"),
    ("來源：中央社　記者：陳小明", "byline"),
    ("責任編輯：張三", "byline"),
    ("【原标题：稀土价格三个月翻番】", "byline"),
    # share bars, calls to action
    ("分享到：微信 微博 QQ空间", "share bar"),
    ("分享：Facebook Twitter", "share bar"),
    ("点击进入专题：两会特别报道", "call to action"),
    ("點擊「閱讀原文」，查看更多", "call to action"),
    ("扫描二维码关注我们的公众号", "call to action"),
    ("歡迎關注我們的YouTube頻道", "call to action"),
    ("請加入成為我們的會員，支持獨立新聞。", "call to action"),
    # notices
    ("【免責聲明】本文僅代表作者個人觀點。", "disclaimer"),
    ("本文系转载，不代表本网观点。", "disclaimer"),
    ("未经授权，不得转载。", "disclaimer"),
    # captions and credits
    ("图片来源：IC photo", "caption"),
    ("圖：受訪者提供", "caption"),
    ("新款手機的背面設計▼", "caption"),
    ("▼", "caption"),
    ("市民在街頭排隊領取消費券。路透社", "caption"),
    ("工人正在检修设备。 新华社记者 王强 摄", "caption"),
    ("照片由市政府提供", "caption"),
    ("新建案外觀。示意圖", "caption"),
    ("颱風過後的街道。檔案照片", "caption"),
    ("抢险人员在堤坝上加固。资料照片", "caption"),
    # related headlines
    ("央行宣布降准0.5个百分点 北京新增两条地铁线路 国内油价迎来年内第三次上调", "related links"),
]

BODY = [
    "今天（记者 王明）报道，来源：新华社的消息称市场平稳。",
    "记者王明报道，昨日股市上涨，沪指收报3000点。",
    "分享经济在过去十年里快速发展，改变了人们的出行方式。",
    "点击率并不能说明一切，内容质量才是关键。",
    "他说：“投资有风险，但不投资风险更大。”然后离开了会场，留下众人面面相觑。",
    "一、市场回顾",
    "图书馆今年新增藏书两万册。",
    "專家看了資料照片後表示，情況並不樂觀。",
    "設計師在會上展示了示意圖。",
    "作者在书中写道，城市的记忆藏在街巷里。",
    "（作者：赵子健）",
    "2021年第一季度 国内生产总值 同比增长18.3%",
]


@pytest.mark.parametrize("line,rule", FURNITURE)
def test_furniture_lines_of_every_family_are_recognised(line, rule):
    assert furniture(line) == rule


@pytest.mark.parametrize("line", BODY)
def test_body_lines_are_never_furniture(line):
    assert furniture(line) is None
    text = f"第一段很重要。\n{line}\n最後一段。\n"
    assert boilerplate_edits(text) == []


def test_removed_lines_are_repairs_and_the_rest_keeps_its_offsets():
    text = "来源：新华网　作者：李华\n第一段有100元。\n分享到：微信 微博\n第二段。\n"
    cleaned = clean(text)
    assert cleaned.text == "第一段有100元。\n第二段。\n"
    removed = [r for r in cleaned.repairs if r.kind == "boilerplate"]
    assert [(r.offset, r.before, r.note) for r in removed] == [
        (0, "来源：新华网　作者：李华\n", "byline"),
        (10, "分享到：微信 微博\n", "share bar"),
    ]


def test_metadata_is_read_from_bylines_and_shown_in_the_header_line():
    doc = document_from_text("发布时间：2021-03-02　来源：新华网\n正文。\n责任编辑：王晓\n")
    assert dict(doc.meta) == {"date": "2021-03-02", "source": "新华网", "editor": "王晓"}
    assert document_from_text("【原标题：稀土价格三个月翻番】\n正文。\n").meta["title"] == "稀土价格三个月翻番"
    assert doc.about == "source 新华网 · editor 王晓 · published 2021-03-02"
    assert doc.text == "正文。\n"


def test_repairs_are_summarised_by_kind():
    doc = document_from_text("来源：新华网\n過(guò)去<b>的</b>事。\n")
    assert doc.repair_counts() == {"html": 2, "boilerplate": 1, "pinyin": 1}
    assert repairs_line(doc.repair_counts()) == "4 repairs: 2 html · 1 boilerplate · 1 pinyin"


def test_cli_keeps_boilerplate_on_request_and_lists_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("来源：新华网　作者：李华\n正文第一段。\n分享到：微信 微博\n", encoding="utf-8")
    dump = run_cli("--dump", str(path)).stdout.decode()
    assert "来源" not in dump and "分享到" not in dump and "正文第一段。" in dump
    kept = run_cli("--dump", "--keep-boilerplate", str(path)).stdout.decode()
    assert "来源：新华网" in kept and "分享到：微信 微博" in kept
    listed = run_cli("--repairs", str(path)).stdout.decode()
    assert listed.startswith("2 repairs: 2 boilerplate") and "分享到" in listed
    sections = json.loads(run_cli("--sections", "--format", "json", str(path)).stdout)
    assert sections["meta"] == {"source": "新华网", "author": "李华"}
    assert "source 新华网 · by 李华" in run_cli("--sections", str(path)).stdout.decode()


@pytest.mark.skipif(not (SHARED / "devset2" / "expected.json").is_file(), reason="../shared/devset2 is missing")
def test_no_line_of_the_dev_sets_clean_texts_is_furniture_and_every_added_one_is():
    expected = json.loads((SHARED / "devset2" / "expected.json").read_text("utf-8"))["articles"]
    for article in expected.values():
        clean_text = article.get("clean_text", article.get("clean_text_trad"))
        assert [ln for ln in clean_text.splitlines() if furniture(ln.strip())] == []
        assert [b for b in article.get("boilerplate", []) if not furniture(b.strip())] == []
