"""Report export: Markdown readable, CSV with BOM round-trips through csv, JSON complete."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from reader.document import parse
from reader.figures.extract import Figure
from reader.review.model import Bookmark, FigureKey, Review, Verdict
from reader.review.report import render

TEXT = "導語：2小時賣出223萬元，新增粉絲2.8萬。\n01\n佔比60%，「引號」|豎線。\n"


def make_doc():
    doc = parse(TEXT, source="a.txt")
    figs = []
    for word, value, kind, unit in (
        ("223萬元", 2230000.0, "money", "元"),
        ("2.8萬", 28000.0, "number", ""),
        ("60%", 60.0, "percent", "%"),
    ):
        s = TEXT.index(word)
        figs.append(
            Figure(
                word,
                value,
                None,
                unit,
                kind,
                "",
                "粉絲" if word == "2.8萬" else "",
                "句子，含逗號",
                doc.section_at(s).index,
                s,
                s + len(word),
            )
        )
    return replace(doc, figures=tuple(figs))


def make_review(doc):
    f0, f1 = doc.figures[0], doc.figures[1]
    return (
        Review()
        .with_verdict(FigureKey.at(doc.text, f0.start, f0.end), "verified", "對過回放，沒問題")
        .with_verdict(FigureKey.at(doc.text, f1.start, f1.end), "wrong", '應為"2.6萬"')
        .with_bookmark(Bookmark(doc.sections[1].start, 1, "01"))
    )


def test_csv_has_bom_and_round_trips():
    doc = make_doc()
    text = render(doc, make_review(doc), "csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["text"] for r in rows] == ["223萬元", "2.8萬", "60%"]
    assert rows[0]["value"] == "2230000" and rows[0]["verdict"] == "verified" and rows[0]["note"] == "對過回放，沒問題"
    assert rows[1]["note"] == '應為"2.6萬"' and rows[1]["label"] == "粉絲"
    assert rows[2]["verdict"] == "" and rows[2]["section"] == "01"


def test_markdown_is_readable():
    doc = make_doc()
    md = render(doc, make_review(doc), "md")
    assert md.startswith("# Review of a.txt")
    assert "2 of 3 figures reviewed." in md
    assert "| 1 | 223萬元 | 2,230,000 元 |  | money |" in md
    assert "✔ verified" in md and "✘ wrong" in md
    assert "## Bookmarks" in md


def test_json_report_lists_orphans():
    doc = make_doc()
    orphan = Verdict(FigureKey("999萬", 3, "以前", "的"), "doubtful", "原文已刪")
    review = replace(make_review(doc), orphans=(orphan,))
    data = json.loads(render(doc, review, "json"))
    assert data["reviewed"] == 2 and len(data["figures"]) == 3
    assert data["orphans"][0]["note"] == "原文已刪"
    assert "## Orphaned" in render(doc, review, "md")


def test_verdicts_whose_figure_is_no_longer_found_are_listed_not_dropped():
    doc = make_doc()
    review = make_review(doc)
    fewer = replace(doc, figures=doc.figures[1:])  # the extractor no longer finds 223萬元
    data = json.loads(render(fewer, review, "json"))
    assert data["reviewed"] == 1
    assert [(o["text"], o["note"]) for o in data["orphans"]] == [("223萬元", "對過回放，沒問題")]
    assert "對過回放，沒問題" in render(fewer, review, "md").split("## Orphaned")[1]


def test_markdown_shows_the_figure_as_written_the_value_with_its_unit_and_the_qualifier():
    doc = make_doc()
    about = replace(doc.figures[2], text="約60%", qualifier="approx")
    many = replace(doc.figures[1], text="上萬", qualifier="lower", vague=True)
    doc = replace(doc, figures=(doc.figures[0], many, about))
    md = render(doc, Review(), "md")
    assert "| 3 | 約60% | 60% | ≈ | percent |" in md  # the unit kept, the qualifier beside it
    assert "| 2 | 上萬 | 28,000 | ≥ vague | number |" in md
