"""Plain (non-interactive) views of a Document for the CLI.

A table is a Rich table when stdout is a terminal and plain, cell-aligned
text in a pipe (no escape codes).  Article text is printed as Rich ``Text``
objects, never parsed as markup.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len

from reader.document import Document, repairs_line
from reader.output.json_safe import write_json
from reader.text.visible import inert_row

Row = Sequence[object]


def _convert(text: str, script: str) -> str:
    if script == "original" or not text:
        return text
    from reader.text.script import convert

    return convert(text, script).text


SHORT_CELL = 16  # a column whose cells are all this short (values, units, kinds) is never folded
FOLDED_MIN = 8  # cells a folded column keeps at least


def print_table(headers: Row, rows: Sequence[Row], out: TextIO, title: str = "") -> None:
    """A Rich table on a terminal, its long text folded onto more lines, never cut; when even
    that does not fit the terminal, and in a pipe, aligned plain text."""
    cells = [[_cell(v) for v in row] for row in rows]
    if out.isatty() and _print_rich_table(headers, cells, out, title):
        return
    widths = [cell_len(str(h)) for h in headers]
    for row in cells:
        widths = [max(w, cell_len(c)) for w, c in zip(widths, row, strict=True)]
    for row in [[str(h) for h in headers], *cells]:
        padded = [c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=True)]
        out.write("  ".join(padded).rstrip() + "\n")


def _print_rich_table(headers: Row, cells: list[list[str]], out: TextIO, title: str) -> bool:
    """Print ``cells`` as a Rich table if it fits the terminal without cutting a cell: short
    columns keep their width, long ones fold (at most down to FOLDED_MIN cells)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out)
    widths = []
    for k, header in enumerate(headers):
        widest = max([cell_len(str(header))] + [cell_len(row[k]) for row in cells])
        widths.append(widest if widest <= SHORT_CELL else None)  # None: folds
    needed = sum(w if w is not None else FOLDED_MIN for w in widths) + 3 * len(widths) + 1  # padding, rules
    if needed > console.width:
        return False
    table = Table(title=title or None, show_lines=False)
    for header, width in zip(headers, widths, strict=True):
        if width is None:
            table.add_column(str(header), overflow="fold", min_width=FOLDED_MIN)
        else:
            table.add_column(str(header), no_wrap=True, min_width=width)
    for row in cells:
        table.add_row(*[Text(c) for c in row])
    console.print(table)
    return True


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) and abs(value) < 1e18 else f"{value:,.6g}"
    return str(value).replace("\n", " ")


def print_csv(headers: Row, rows: Sequence[Row], out: TextIO) -> None:
    """CSV whose text cells a spreadsheet never runs as formulas (numbers stay numbers)."""
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(inert_row(row) for row in rows)


def print_dump(doc: Document, script: str, out: TextIO) -> None:
    """The clean document: headings marked with '#' (a Markdown heading keeps its level), a blank
    line between paragraphs."""
    for section in doc.sections:
        for line in section.heading:
            out.write("#" * section.level + " " + _convert(line.text, script) + "\n\n")
        for para in section.paragraphs:
            out.write(_convert(para.text, script) + "\n\n")


def print_sections(doc: Document, fmt: str, out: TextIO, script: str = "original") -> None:
    if not doc.figures:
        from reader.enrich import with_figures

        doc = with_figures(doc, labels=False)
    rows = [
        (
            s.index,
            _convert(s.name, script) or "(lede)",
            _convert(s.title, script),
            len(s.paragraphs),
            sum(1 for f in doc.figures if f.section == s.index),
        )
        for s in doc.sections
    ]
    headers = ("index", "section", "title", "paragraphs", "figures")
    if fmt == "json":
        sections = [dict(zip(headers, r, strict=True)) for r in rows]
        write_json({"file": doc.source, "meta": dict(doc.meta), "sections": sections}, out)
    elif fmt == "csv":
        print_csv(headers, rows, out)
    else:
        if doc.about:
            out.write(_visible(doc.about) + "\n\n")
        print_table(headers, rows, out)


def print_repairs(doc: Document, fmt: str, out: TextIO) -> None:
    headers = ("kind", "offset", "before", "after", "note", "inferred")
    rows = [
        (
            r.kind,
            r.offset,
            r.before,
            r.after,
            r.note,
            " ".join(f"{x.char}@{x.offset}[{'/'.join(x.candidates)}]" for x in r.inferred),
        )
        for r in doc.repairs
    ]
    if fmt == "json":
        items = [dict(zip(headers[:-1], row[:-1], strict=True)) for row in rows]
        for item, r in zip(items, doc.repairs, strict=True):
            item["inferred"] = [
                {"offset": x.offset, "char": x.char, "candidates": list(x.candidates), "evidence": x.evidence}
                for x in r.inferred
            ]
        write_json({"file": doc.source, "by_kind": doc.repair_counts(), "repairs": items}, out)
    elif fmt == "csv":  # what was removed is shown escaped, never written raw
        print_csv(headers, [(k, o, _visible(b), _visible(a), n, i) for k, o, b, a, n, i in rows], out)
    else:
        # show invisible/escaped input visibly: repr-like, without the quotes
        shown = [(k, o, _visible(b, 40), _visible(a, 40), n, i) for k, o, b, a, n, i in rows]
        out.write(repairs_line(doc.repair_counts()) + "\n\n")
        print_table(headers, shown, out)


def _visible(s: str, limit: int = 0) -> str:
    """Controls shown as escapes; with a ``limit``, long text cut with an ellipsis."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in s)
    return shown if not limit or len(shown) <= limit else shown[: limit - 1] + "…"


def print_figures(doc: Document, fmt: str, script: str, out: TextIO, jobs: int = 1) -> None:
    from reader.output.figures_json import all_figure_items, write_figures_json

    if fmt == "json":
        write_figures_json(doc, script, out, jobs)
        return
    items = all_figure_items(doc, script, jobs)
    headers = ("text", "value", "value_max", "unit", "kind", "qualifier", "label", "section")
    rows = [[item[h] for h in headers] for item in items]
    if fmt == "csv":
        print_csv(
            headers + ("vague", "start", "end", "sentence"),
            [r + [i["vague"], i["start"], i["end"], i["sentence"]] for r, i in zip(rows, items, strict=True)],
            out,
        )
    else:  # dates as dates (`09-10`); CSV and JSON keep the ISO form (`--09-10`)
        from reader.figures.shown import date_shown

        shown = [
            [
                date_shown(v) if h in ("value", "value_max") and isinstance(v, str) else v
                for h, v in zip(headers, r, strict=True)
            ]
            for r in rows
        ]
        print_table(headers, shown, out)


def _keyword_shown(doc: Document, keyword, script: str) -> str:
    """A keyword as the article writes it (its first occurrence), or in ``script``: keywords
    are found on the Simplified text, whatever the article's script."""
    if script == "original":
        for start, end in keyword.spans[:1]:
            return doc.text[start:end]
        return keyword.word
    return _convert(keyword.word, script)


def print_keywords(doc: Document, fmt: str, out: TextIO, script: str = "original") -> None:
    from reader.keywords import extract_keywords

    keywords = doc.keywords or extract_keywords(doc)
    if fmt == "json":
        items = [
            {
                "word": _keyword_shown(doc, k, script),
                "weight": round(k.weight, 6),
                "count": k.count,
                "spans": [list(s) for s in k.spans],
            }
            for k in keywords
        ]
        write_json({"file": doc.source, "keywords": items}, out)
        return
    rows = [(_keyword_shown(doc, k, script), f"{k.weight:.4f}", k.count) for k in keywords]
    if fmt == "csv":
        print_csv(("word", "weight", "count"), rows, out)
    else:
        print_table(("word", "weight", "count"), rows, out)
