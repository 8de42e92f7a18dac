"""Keywords: domain dictionary, TF-IDF on the Simplified form, spans in the original."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import platformdirs
import pytest

from reader import locations
from reader.clean.passes import clean
from reader.document import parse
from reader.keywords import (
    Keyword,
    extract_keywords,
    is_candidate,
    term_counts,
    user_keyword,
    with_keywords,
    with_user_keyword,
)
from reader.locations import asset, sample_article
from reader.text import segment
from reader.text.script import to_simplified

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"


@pytest.fixture(scope="module")
def doc():
    cleaned = clean(sample_article().read_text(encoding="utf-8"))
    return parse(cleaned.text, repairs=cleaned.repairs, readings=cleaned.readings)


@pytest.fixture(scope="module")
def keywords(doc):
    return extract_keywords(doc)


def _devset_docs():
    expected = DEVSET / "expected.json"
    if not expected.is_file():
        return []
    articles = json.loads(expected.read_text(encoding="utf-8"))["articles"]
    return [parse(a["clean_text_trad"]) for a in articles.values()]


# ------------------------------------------------------------ dictionary


def _user_words() -> list[str]:
    lines = asset(segment.USER_DICT).read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]


def test_user_dictionary_is_real_and_loaded():
    words = _user_words()
    assert len(words) >= 30 and len(set(words)) == len(words)
    for required in (
        "快手",
        "电商",
        "服务商",
        "操盘手",
        "自播",
        "直播电商",
        "投流",
        "冷启动",
        "公域流量",
        "私域流量",
        "达人分销",
        "种草",
        "客单价",
        "GMV",
    ):
        assert required in words
    for word in words:
        assert segment.cut(word) == [word], word


def test_rjieba_segmenter_is_the_one_its_import_builds():
    """rjieba builds a default segmenter on import (33 MB); a second one would double that."""
    rjieba = pytest.importorskip("rjieba")
    if segment._cutter is None:
        segment.cut("预热")
    if os.environ.get("KREADER_SEGMENTER", "").lower() == "jieba":
        pytest.skip("jieba chosen")
    assert rjieba._DEFAULT_JIEBA.has_word("磁力金牛")  # a domain word, added to that segmenter


def test_kuaishou_ecommerce_is_never_cut_through_the_middle(doc):
    assert segment.cut("快手电商") == ["快手", "电商"]
    simp = to_simplified(doc.text)
    tokens = segment.cut(simp)
    assert "手电" not in tokens
    assert tokens.count("快手") == simp.count("快手")


# ------------------------------------------------------------ extraction


def test_sample_top_keywords(keywords):
    words = [k.word for k in keywords]
    assert len(words) == 20
    for expected in ("快手", "服务商", "主播", "品牌", "直播", "GMV", "电商"):
        assert expected in words
    assert not any("手电" in w for w in words)
    weights = [k.weight for k in keywords]
    assert weights == sorted(weights, reverse=True) and weights[-1] > 0
    assert not any(k.user for k in keywords)


def test_spans_hold_the_keyword_in_the_original_text(doc, keywords):
    for keyword in keywords:
        assert keyword.spans, keyword.word
        for start, end in keyword.spans:
            assert to_simplified(doc.text[start:end]) == keyword.word
        assert keyword.count == to_simplified(doc.text).count(keyword.word)
    # The Traditional surface form is found through the Simplified one.
    service = next(k for k in keywords if k.word == "服务商")
    assert {doc.text[s:e] for s, e in service.spans} == {"服務商"}


def test_no_junk_keywords(keywords):
    for keyword in keywords:
        assert is_candidate(keyword.word)
        assert len(keyword.word) >= 2
        assert not keyword.word.replace(".", "").isdigit()


@pytest.mark.parametrize(
    "token, ok",
    [
        ("服务商", True),
        ("GMV", True),
        ("3C", True),
        ("116", False),
        ("2.8", False),
        ("15%", False),
        ("两个", False),
        ("百万", False),
        ("手", False),
        ("我们", False),
        ("今年", False),
        ("，", False),
        ("——", False),
    ],
)
def test_is_candidate(token, ok):
    assert is_candidate(token) is ok


def test_term_counts_merge_paragraphs():
    assert term_counts(["服务商和服务商", "服务商"])["服务商"] == 3
    assert term_counts([]) == {}


def test_devset_keywords_are_clean():
    docs = _devset_docs()
    if not docs:
        pytest.skip("shared/devset is not beside the checkout")
    for d in docs:
        keywords = extract_keywords(d)
        assert len(keywords) == 20
        for keyword in keywords:
            assert is_candidate(keyword.word)
            assert all(to_simplified(d.text[s:e]) == keyword.word for s, e in keyword.spans)


def test_empty_document_has_no_keywords():
    assert extract_keywords(parse("")) == ()
    assert extract_keywords(parse("123 456\n。。。")) == ()


def test_extraction_is_fast_once_loaded(doc):
    extract_keywords(doc)
    best = min(_timed(lambda: extract_keywords(doc)) for _ in range(3))
    assert best < 1.0, f"{best * 1000:.0f} ms of CPU"  # nothing is loaded again (it takes ~0.5 s)


def test_large_document(doc):
    big = parse((doc.text + "\n") * 400)  # ~1.4 M characters, ~4 MB
    elapsed = _timed(lambda: extract_keywords(big))
    keywords = extract_keywords(big)
    assert elapsed < 20, f"{elapsed:.1f} s of CPU"
    assert {"快手", "服务商", "电商"} <= {k.word for k in keywords}
    kuaishou = next(k for k in keywords if k.word == "快手")
    assert kuaishou.count == big.text.count("快手")


def _timed(fn) -> float:
    """CPU seconds ``fn`` takes in this process: what other processes' load does not change
    (speed itself is `make bench`'s; these bounds catch only work done that should not be)."""
    start = time.process_time()
    fn()
    return time.process_time() - start


# ------------------------------------------------------------ user terms


def test_user_terms_in_either_script(doc, keywords):
    trad = user_keyword(doc, "服務商")
    simp = user_keyword(doc, " 服务商 ")
    assert trad == simp
    assert trad == Keyword("服务商", 1.0, trad.spans, user=True)
    computed = next(k for k in keywords if k.word == "服务商")
    assert trad.spans == computed.spans
    sister = user_keyword(doc, "三姐家紡")
    assert sister.word == "三姐家纺" and [doc.text[s:e] for s, e in sister.spans] == ["三姐家紡"]
    assert user_keyword(doc, "gmv").count == doc.text.count("GMV")
    assert user_keyword(doc, "不存在的詞").spans == ()
    with pytest.raises(ValueError):
        user_keyword(doc, "  ")


def test_with_keywords_and_user_keywords(doc):
    enriched = with_keywords(doc, top=5)
    assert len(enriched.keywords) == 5 and enriched.text == doc.text
    mine = with_user_keyword(enriched, "操盤手")
    assert mine.keywords[0].word == "操盘手" and mine.keywords[0].user
    again = with_keywords(mine, top=5)
    assert again.keywords[0] == mine.keywords[0]
    assert [k.word for k in again.keywords].count("操盘手") == 1


# ------------------------------------------------------------ start-up


def test_importing_keywords_does_not_import_jieba():
    code = (
        "import sys, reader.keywords, reader.text.script, reader.text.segment\n"
        "assert 'jieba' not in sys.modules, 'jieba imported eagerly'\n"
        "assert 'opencc' not in sys.modules, 'opencc imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_jieba_cache_lives_in_the_user_cache_dir(monkeypatch):
    tk = segment.tokenizer()
    cache = locations.cache_dir()  # the tests' own (KREADER_CACHE_DIR, conftest)
    assert Path(tk.tmp_dir) == cache == segment.cache_dir()
    # named by its dictionary's content, not jieba's "jieba.cache" that every jieba version would share
    assert tk.cache_file.startswith("jieba-") and (cache / tk.cache_file).is_file()
    monkeypatch.delenv("KREADER_CACHE_DIR")
    default = locations.cache_dir(create=False)
    assert default == Path(platformdirs.user_cache_dir("kreader"))
    if not os.environ.get("XDG_CACHE_HOME"):
        assert not default.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())


ENGLISH = (
    "The company reported revenue of $81.8 billion in the third quarter, and trading in the shares rose.\n"
    "Trading volume in Asia was strong; Asian traders joined.\n分析師認為 trading 量增加。\n"
)


def test_english_stop_words_are_never_keywords_and_case_variants_are_one():
    words = {k.word: k for k in extract_keywords(parse(ENGLISH), top=50)}
    assert not words.keys() & {"in", "of", "the", "to", "and", "The", "was"}
    assert "Trading" not in words and words["trading"].count == 3  # Trading, trading twice


def test_latin_keywords_and_user_terms_match_whole_words():
    doc = parse(ENGLISH)
    words = {k.word: k for k in extract_keywords(doc, top=50)}
    assert [doc.text[s:e] for s, e in words["Asia"].spans] == ["Asia"]  # not inside "Asian"
    spans = user_keyword(doc, "in").spans
    assert all(doc.text[s - 1 : s] in (" ", "") and doc.text[e : e + 1] == " " for s, e in spans)
    assert len(spans) == 3  # "in the third", "in the shares", "in Asia"; none inside trading
