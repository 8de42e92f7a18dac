"""Export a review: every figure with its verdict and note, bookmarks, orphans.

Markdown reads as is; CSV is UTF-8 with a BOM so spreadsheets keep the
Chinese; JSON is for tools.  Pure functions from (Document, Review) to text.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from reader.document import Document
from reader.figures.kinds import marker
from reader.figures.shown import date_shown
from reader.review.model import Review, Verdict, figure_keys, verdicts_by_figure
from reader.text.visible import inert_cell, inert_json, shown_name

COLUMNS = (
    "text",
    "value",
    "value_max",
    "unit",
    "kind",
    "qualifier",
    "vague",
    "label",
    "section",
    "start",
    "verdict",
    "note",
    "sentence",
)


def _value(v: object) -> object:
    if isinstance(v, float) and v == int(v) and abs(v) < 1e18:
        return int(v)
    return v


def report_rows(doc: Document, review: Review) -> list[dict[str, Any]]:
    rows = []
    reviewed = verdicts_by_figure(review, doc.text, doc.figures)
    for k, f in enumerate(doc.figures):
        entry = reviewed.get(k)
        verdict = entry if entry is not None and entry.verdict is not None else None
        note = entry.note if entry is not None else ""
        rows.append(
            {
                "text": f.text,
                "value": _value(f.value),
                "value_max": _value(f.value_max),
                "unit": f.unit,
                "kind": f.kind,
                "qualifier": str(f.qualifier),
                "vague": f.vague,
                "label": f.label,
                "section": doc.sections[f.section].label if f.section < len(doc.sections) else "",
                "start": f.start,
                "verdict": verdict.verdict if verdict else "",
                "note": note,
                "sentence": f.sentence,
            }
        )
    return rows


def orphans(doc: Document, review: Review) -> list[Verdict]:
    """Verdicts and notes with no figure in ``doc``: the re-attach orphans, and records
    whose figure the extractor no longer finds (listed, never dropped)."""
    idents = {key.ident for key in figure_keys(doc.text, doc.figures)}
    unmatched = [v for v in review.active if v.key.ident not in idents]
    return [*review.orphans, *unmatched]


def to_json(doc: Document, review: Review) -> str:
    rows = report_rows(doc, review)
    data = {
        "file": doc.source,
        "meta": dict(doc.meta),
        "reviewed": sum(1 for r in rows if r["verdict"]),
        "figures": rows,
        "bookmarks": [{"offset": b.offset, "section": b.section, "excerpt": b.excerpt} for b in review.bookmarks],
        "orphans": [
            {
                "text": v.key.text,
                "verdict": v.verdict,
                "note": v.note,
                "context": v.key.before + "【" + v.key.text + "】" + v.key.after,
            }
            for v in orphans(doc, review)
        ],
    }
    return inert_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n"  # exact, but inert on a terminal


def to_csv(doc: Document, review: Review) -> str:
    """CSV with a BOM (as text: the caller writes it UTF-8)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in report_rows(doc, review):
        writer.writerow({k: ("" if row[k] is None else inert_cell(row[k])) for k in COLUMNS})  # never a formula
    return buf.getvalue()


# kinds whose unit is part of the value as written (2018年, 9月10日): not repeated after it
UNIT_IN_VALUE = frozenset({"date", "year"})
ATTACHED_UNITS = frozenset("%％‰")  # written against the number
# what a figure's text ends with that is no unit: a vague magnitude (億級), a ranking (三大)
NOT_UNITS = frozenset({"級", "级", "大"})


def value_with_unit(value: object, value_max: object, unit: str, kind: str) -> str:
    """The exact value as a reviewer checks it against the figure: a range with an en
    dash, thousands separated, and the unit it was written in.

    >>> value_with_unit(15, None, "%", "percent"), value_with_unit(2230000, None, "元", "money")
    ('15%', '2,230,000 元')
    >>> value_with_unit(7, 8, "個", "count"), value_with_unit("2018", None, "年", "year"), value_with_unit(0.25, None, "", "fraction")
    ('7–8 個', '2018', '0.25')
    >>> value_with_unit("--05", "--08", "", "date"), value_with_unit(1e8, None, "級", "money")
    ('05–08', '100,000,000')
    """
    text = _one(value) if value_max is None or value_max == value else f"{_one(value)}–{_one(value_max)}"
    if not unit or unit in NOT_UNITS or kind in UNIT_IN_VALUE or not isinstance(value, int | float):
        return text
    return text + unit if unit in ATTACHED_UNITS else f"{text} {unit}"


def _one(v: object) -> str:
    return date_shown(v) if isinstance(v, str) else _md_cell(_value(v))


def _md_cell(v: object) -> str:
    text = "" if v is None else (f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v))
    return text.replace("|", "\\|").replace("\n", " ")


_SYMBOL = {"verified": "✔ verified", "doubtful": "? doubtful", "wrong": "✘ wrong", "": "·"}


def to_markdown(doc: Document, review: Review) -> str:
    rows = report_rows(doc, review)
    out = [f"# Review of {shown_name(doc.source)}", ""]  # a path from outside: it never acts
    if doc.about:
        out += [_md_cell(doc.about), ""]
    out.append(f"{sum(1 for r in rows if r['verdict'])} of {len(rows)} figures reviewed.")
    out.append("")
    out.append("| # | figure | value | exact? | kind | label | section | verdict | note |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for i, r in enumerate(rows, 1):
        value = value_with_unit(r["value"], r["value_max"], r["unit"], r["kind"])
        out.append(
            "| "
            + " | ".join(
                _md_cell(x)
                for x in (
                    i,
                    r["text"],
                    value,
                    marker(r["qualifier"], r["vague"]),
                    r["kind"],
                    r["label"],
                    r["section"],
                    _SYMBOL.get(r["verdict"], r["verdict"]),
                    r["note"],
                )
            )
            + " |"
        )
    commented = [r for r in rows if r["verdict"] or r["note"]]
    if commented:
        out += ["", "## Sentences of reviewed figures", ""]
        out += [
            f"- **{_md_cell(r['text'])}** ({_SYMBOL.get(r['verdict'], '')}): {_md_cell(r['sentence'])}"
            for r in commented
        ]
    if review.bookmarks:
        out += ["", "## Bookmarks", ""]
        out += [
            f"- {doc.sections[b.section].label if b.section < len(doc.sections) else ''}: {_md_cell(b.excerpt)}"
            for b in review.bookmarks
        ]
    lost = orphans(doc, review)
    if lost:
        out += ["", "## Orphaned verdicts (their figure is no longer in the article)", ""]
        out += [
            f"- {_md_cell(v.key.before)}**{_md_cell(v.key.text)}**{_md_cell(v.key.after)}: {v.verdict or ''} {_md_cell(v.note)}".rstrip()
            for v in lost
        ]
    return "\n".join(out) + "\n"


FORMATS = {"md": to_markdown, "csv": to_csv, "json": to_json}


def render(doc: Document, review: Review, fmt: str) -> str:
    return FORMATS[fmt](doc, review)
