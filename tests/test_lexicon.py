"""The on-disk lexicon scores text exactly as jieba does, without loading jieba."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from reader.text.lexicon import lexicon
from reader.text.segment import tokenizer


@pytest.mark.parametrize("text", ["日常活动", "日睆活动", "快手电商服务商", "打击当时真的不想坚持了", "张泽宇坦言"])
def test_best_logp_matches_jieba_route(text):
    tk = tokenizer()
    route: dict[int, tuple[float, int]] = {}
    tk.calc(text, tk.get_DAG(text), route)
    assert lexicon().best_logp(text) == pytest.approx(route[0][0], abs=1e-3)


def test_frequencies_match_jieba_and_user_dictionary():
    lex, tk = lexicon(), tokenizer()
    for word in ("日常", "当时", "服务商", "快手"):
        assert lex.freq(word) == tk.FREQ[word]
    assert lex.freq("日睆") == 0
    assert "常" in lex.neighbours("日", after=True)


def test_loading_an_article_imports_neither_jieba_nor_pypinyin():
    code = (
        "import sys; from reader.load import load_document; "
        "d = load_document('assets/sample-article.txt'); "
        "assert d.repairs and '當時' in d.text; "
        "print(sorted(m for m in ('jieba', 'pypinyin', 'textual') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
