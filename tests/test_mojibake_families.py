"""Mojibake families beyond the seed's misalignment: UTF-8 read as GBK/Big5, GBK/Big5 and UTF-8
read as Latin-1/cp1252, lossy passages; and genuine text that must never be "repaired"."""

from __future__ import annotations

import importlib.util
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.clean.mojibake.lossy import LOST_MARK
from reader.clean.mojibake.passages import latin_edits, recode_edits
from reader.clean.passes import clean

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WILD = SHARED / "devset2" / "make_wild.py"
FIXING = {"mojibake", "lost"}


def _texts() -> list[str]:
    """Varied genuine articles: the holdout sources (Simplified), the dev sets' sources and their
    clean Traditional texts (Simplified, Traditional, Taiwan and Hong Kong news)."""
    paths = sorted((ROOT / "tests" / "holdout" / "src").glob("*.txt")) + sorted(SHARED.glob("devset*/src/*.src.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths if p.is_file()]
    for expected in SHARED.glob("devset*/expected.json"):
        texts += [
            a["clean_text_trad"]
            for a in json.loads(expected.read_text("utf-8"))["articles"].values()
            if "clean_text_trad" in a
        ]
    return texts


def _clauses(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for line in text.splitlines():
            found += [c for c in re.findall(r"[^，。；！？\n]+[，。；！？]", line) if 6 <= len(c) <= 40]
    return found


CLAUSES = _clauses(_texts())


def _fixes(cleaned) -> list:
    return [r for r in cleaned.repairs if r.kind in FIXING]


@pytest.fixture(scope="module")
def make_wild():
    if not WILD.is_file():
        pytest.skip("../shared/devset2/make_wild.py is missing")
    spec = importlib.util.spec_from_file_location("make_wild", WILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- the families, one by one


@pytest.mark.parametrize(
    "damaged,original",
    [
        ("鍙戝竷浼氫笂", "发布会上"),  # UTF-8 read as GBK
        ("ÌìÆøÇçÀÊ", "天气晴朗"),  # GBK read as Latin-1
        ("¤Ñ®ð«Ü¦n", "天氣很好"),  # Big5 read as Latin-1
        ("å¿«æ‰‹ç›´æ’\xadå¹³å\x8f°", "快手直播平台"),  # UTF-8 read as cp1252 (ftfy), a C1 control inside
        ("銝滢葉", "不中"),  # UTF-8 read as Big5
    ],
)
def test_each_family_is_repaired_in_place(damaged, original):
    text = f"報道稱，{damaged}，一切如常。"
    cleaned = clean(text)
    assert cleaned.text == f"報道稱，{original}，一切如常。"
    (fix,) = _fixes(cleaned)
    assert fix.kind == "mojibake" and fix.offset == 4 and fix.after == original
    assert fix.before == damaged.replace("\xad", "\xad")


def test_reversible_passages_made_by_make_wild_are_restored(make_wild):
    """make_wild's own damage (UTF-8 read as GB18030) on clauses of other articles."""
    rng = random.Random(15)
    tried = restored = 0
    for _ in range(6000):  # most clauses are not exactly reversible (odd byte counts, private use)
        k = rng.randrange(len(CLAUSES) - 3)
        passage = "".join(CLAUSES[k : k + rng.randint(1, 3)])
        damaged = make_wild.lossless_mojibake(passage)
        if damaged is None:
            continue
        before, after = "前文说得很清楚。", "后文也很重要。"
        tried += 1
        cleaned = clean(before + damaged + after)
        assert LOST_MARK not in cleaned.text
        restored += cleaned.text == before + passage + after
        if tried == 120:
            break
    assert tried >= 100 and restored / tried >= 0.97, (restored, tried)


def test_lossy_passages_keep_every_determined_character_and_mark_the_rest(make_wild):
    rng = random.Random(16)
    tried = 0
    for _ in range(3000):
        if tried == 120:
            break
        k = rng.randrange(len(CLAUSES) - 3)
        passage = "".join(CLAUSES[k : k + rng.randint(1, 3)])
        damaged = make_wild.lossy_mojibake(passage)
        if damaged is None:
            continue
        tried += 1
        cleaned = clean("前文。" + damaged + "后文。")
        body = cleaned.text[3:-3]
        assert "\ufffd" not in cleaned.text
        # one mark per lost character, every other character the original one
        assert len(body) == len(passage), (damaged, body, passage)
        assert all(a == b or a == LOST_MARK for a, b in zip(body, passage)), (body, passage)
        assert body.count(LOST_MARK) <= damaged.count("\ufffd") * 2
        lost = [r for r in cleaned.repairs if r.kind == "lost"]
        assert sum(r.after.count(LOST_MARK) for r in lost) == body.count(LOST_MARK)
    assert tried >= 100


def test_utf8_read_as_cp1252_is_ftfys_family():
    text = "“å¿«æ‰‹”的直播"
    assert clean(text).text == "“快手”的直播"
    assert latin_edits("Café au lait, naïve résumé") == []


def test_kunkinkao_is_shown_as_lost_and_an_unreadable_passage_is_flagged():
    cleaned = clean("數據顯示锟斤拷锟斤拷同比增長。")
    assert cleaned.text == "數據顯示□□同比增長。"
    assert [r.kind for r in cleaned.repairs] == ["lost"]
    flagged = clean("他說\ufffd這是真的。")
    assert flagged.text == "他說\ufffd這是真的。"
    assert [r.kind for r in flagged.repairs] == ["damaged"]


def test_offsets_of_later_repairs_stay_right_after_a_passage_is_repaired():
    cleaned = clean("鍙戝竷浼氫笂<b>過(guò)</b>去。")
    assert cleaned.text == "发布会上過去。"
    for r in cleaned.repairs:
        assert cleaned.text[r.offset : r.offset + len(r.after)] == r.after


# ----------------------------------------------------------- genuine text is never "repaired"

ISSUE_13 = ["幾裡?0嗰氹咁f站。", "活動期間總?1咗B站服務了平臺"]


@pytest.mark.parametrize("text", ISSUE_13)
def test_rare_and_cantonese_text_after_a_question_mark_stays_and_is_listed_as_suspected(text):
    cleaned = clean(text)
    assert cleaned.text == text
    assert not _fixes(cleaned)
    assert [r.kind for r in cleaned.repairs if r.kind != "pinyin"] in (["suspect"], [])


CANTONESE = [
    "佢哋喺度食緊嘢，",
    "咁樣都得？",
    "我哋聽日再傾。",
    "嗰間舖頭啲嘢好抵食，",
    "你睇吓佢幾叻！",
    "唔好意思，我遲咗。",
    "佢冇嚟過呢度。",
    "氹氹轉菊花園，",
    "咪住，等陣先。",
    "呢啲數據嘅來源係乜嘢？",
    "佢畀咗三百蚊我。",
    "乜你咁早返嚟？",
]
RARE = "皢駳頵眳嗰氹咁咗嘅喺冇啲佢哋嚟乜嘢畀睇噉啱囖嘞喎冚攰"
LATIN = ["B站", "f", "App", "iPhone", "Q3", "GDP", "A股", "x", "K線", "OK"]
ASCII_LEADS = list("0123456789!#%&*+-/:;=@ABCXYZabcfxyz?")


@st.composite
def genuine_sentence(draw):
    """A real clause (Simplified, Traditional or Cantonese), maybe with the issue's shape inserted:
    ``?`` + an ASCII character + 1-3 Han characters (rare and Cantonese ones too) + a Latin word."""
    pool = draw(st.sampled_from(["clauses", "cantonese"]))
    base = draw(st.sampled_from(CLAUSES if pool == "clauses" else CANTONESE))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(base)))
        han = draw(st.text(alphabet=st.sampled_from(RARE + "的是在了不和有大这中國們說時"), min_size=1, max_size=3))
        shape = "?" + draw(st.sampled_from(ASCII_LEADS)) + han + draw(st.sampled_from(LATIN))
        base = base[:at] + shape + base[at:]
    return base


SENTENCES_PER_EXAMPLE = 50
EXAMPLES = 400  # 20,000 sentences


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.lists(genuine_sentence(), min_size=SENTENCES_PER_EXAMPLE, max_size=SENTENCES_PER_EXAMPLE))
def test_no_repair_of_twenty_thousand_genuine_sentences(sentences):
    text = "\n".join(sentences)
    assert recode_edits(text) == [] or all(e.kind == "damaged" for e in recode_edits(text))
    cleaned = clean(text)
    assert not _fixes(cleaned), [(r.before, r.after) for r in _fixes(cleaned)][:3]
    assert cleaned.text == text
