"""English and mixed text: amounts written in English, labels that are content words, whole
Latin words (issue 17, small things)."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from reader.document import parse
from reader.figures.extract import extract_figures, label_figures
from reader.text.latin import is_content_label, is_whole


def figs(text: str) -> list[tuple]:
    return [(f.text, f.value, f.unit, f.kind, str(f.qualifier)) for f in extract_figures(parse(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("revenue of $81.8 billion in", ("$81.8 billion", 81.8e9, "$", "money", "none")),
        ("營收達到 $81.8 billion 的水平", ("$81.8 billion", 81.8e9, "$", "money", "none")),
        ("售價港幣$1,000起", ("港幣$1,000", 1000.0, "HKD", "money", "none")),
        ("raised US$5m from", ("US$5m", 5e6, "USD", "money", "none")),
        ("a €3.2bn deal", ("€3.2bn", 3.2e9, "EUR", "money", "none")),
        ("costs £1,200.5 million", ("£1,200.5 million", 1200.5e6, "GBP", "money", "none")),
        ("spent 81.8 billion yuan on", ("81.8 billion yuan", 81.8e9, "CNY", "money", "none")),
        ("about 3 million people", ("about 3 million", 3e6, "", "count", "approx")),
        ("more than $5 each", ("more than $5", 5.0, "$", "money", "lower")),
        ("約$2 billion的", ("約$2 billion", 2e9, "$", "money", "approx")),
    ],
)
def test_amounts_written_in_english(text, expected):
    assert figs(text) == [expected]


@pytest.mark.parametrize("text", ["5G手機", "長5m的桌子", "iPhone 15 Pro", "v1.2 million"])
def test_not_english_amounts(text):
    assert not any(f[3] == "money" or f[1] >= 1e6 for f in figs(text) if isinstance(f[1], float))


def test_a_chinese_multiplier_after_a_sign_stays_the_chinese_grammars():
    assert figs("US$5億")[0][:2] == ("5億", 5e8)
    assert figs("售價￥5000元")[0][:3] == ("5000元", 5000.0, "元")


def test_an_amount_too_large_for_a_float_is_no_figure():
    assert figs("$" + "9" * 400 + " billion") == []


def test_labels_in_english_text_are_content_words_or_empty():
    doc = parse("The company reported revenue of $81.8 billion in the third quarter, and shares rose 5% to the top.")
    labels = {f.text: f.label for f in label_figures(doc, extract_figures(doc))}
    assert labels == {"$81.8 billion": "revenue", "5%": ""}


def test_content_labels_and_whole_words():
    assert [is_content_label(x) for x in ("of", "the", "in the third", "revenue", "營收", "")] == [
        False,
        False,
        False,
        True,
        True,
        True,
    ]
    assert not is_whole("trading", 4, 6) and is_whole("in Asia", 0, 2)


def test_figures_cli_reads_english_money(tmp_path):
    article = tmp_path / "en.txt"
    article.write_text(
        "蘋果公佈財報\n\nThe company reported revenue of $81.8 billion in the quarter.\n", encoding="utf-8"
    )
    proc = run_cli("--figures", "--format", "json", str(article))
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)["figures"]
    money = [f for f in figures if f["text"] == "$81.8 billion"]
    assert money and money[0]["value"] == 81_800_000_000 and money[0]["unit"] == "$"
    assert money[0]["kind"] == "money" and money[0]["label"] == "revenue"


def test_keywords_cli_drops_english_function_words(tmp_path):
    article = tmp_path / "en.txt"
    article.write_text("Trading in the shares of the company rose to a record in Asia.\n", encoding="utf-8")
    words = [line.split()[0] for line in run_cli("--keywords", str(article)).stdout.decode().splitlines()[1:]]
    assert "trading" in words or "Trading" in words
    assert not set(words) & {"in", "of", "the", "to", "a"}
