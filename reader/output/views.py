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

from reader.document import Document
from reader.output.json_safe import write_json

Row = Sequence[object]


def _convert(text: str, script: str) -> str:
    if script == "original" or not text:
        return text
    from reader.text.script import convert

    return convert(text, script).text


def print_table(headers: Row, rows: Sequence[Row], out: TextIO, title: str = "") -> None:
    """A Rich table on a terminal; aligned plain text otherwise."""
    cells = [[_cell(v) for v in row] for row in rows]
    if out.isatty():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(*[str(h) for h in headers], title=title or None, show_lines=False)
        for row in cells:
            table.add_row(*[Text(c) for c in row])
        Console(file=out).print(table)
        return
    widths = [cell_len(str(h)) for h in headers]
    for row in cells:
        widths = [max(w, cell_len(c)) for w, c in zip(widths, row, strict=True)]
    for row in [[str(h) for h in headers], *cells]:
        padded = [c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=True)]
        out.write("  ".join(padded).rstrip() + "\n")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) and abs(value) < 1e18 else f"{value:,.6g}"
    return str(value).replace("\n", " ")


def print_csv(headers: Row, rows: Sequence[Row], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)


def print_dump(doc: Document, script: str, out: TextIO) -> None:
    """The clean document: headings marked with '#', a blank line between paragraphs."""
    for section in doc.sections:
        for line in section.heading:
            out.write("# " + _convert(line.text, script) + "\n\n")
        for para in section.paragraphs:
            out.write(_convert(para.text, script) + "\n\n")


def print_sections(doc: Document, fmt: str, out: TextIO) -> None:
    if not doc.figures:
        from reader.enrich import with_figures

        doc = with_figures(doc, labels=False)
    rows = [
        (s.index, s.name or "(lede)", s.title, len(s.paragraphs), sum(1 for f in doc.figures if f.section == s.index))
        for s in doc.sections
    ]
    headers = ("index", "section", "title", "paragraphs", "figures")
    if fmt == "json":
        write_json({"file": doc.source, "sections": [dict(zip(headers, r, strict=True)) for r in rows]}, out)
    elif fmt == "csv":
        print_csv(headers, rows, out)
    else:
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
        write_json({"file": doc.source, "repairs": items}, out)
    elif fmt == "csv":  # what was removed is shown escaped, never written raw
        print_csv(headers, [(k, o, _visible(b), _visible(a), n, i) for k, o, b, a, n, i in rows], out)
    else:
        # show invisible/escaped input visibly: repr-like, without the quotes
        shown = [(k, o, _visible(b, 40), _visible(a, 40), n, i) for k, o, b, a, n, i in rows]
        print_table(headers, shown, out)
        counts: dict[str, int] = {}
        for r in doc.repairs:
            counts[r.kind] = counts.get(r.kind, 0) + 1
        out.write(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + f" ({len(doc.repairs)} repairs)\n")


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
            headers + ("start", "end", "sentence"),
            [r + [i["start"], i["end"], i["sentence"]] for r, i in zip(rows, items, strict=True)],
            out,
        )
    else:
        print_table(headers, rows, out)


def print_keywords(doc: Document, fmt: str, out: TextIO) -> None:
    from reader.keywords import extract_keywords

    keywords = doc.keywords or extract_keywords(doc)
    if fmt == "json":
        items = [
            {"word": k.word, "weight": round(k.weight, 6), "count": k.count, "spans": [list(s) for s in k.spans]}
            for k in keywords
        ]
        write_json({"file": doc.source, "keywords": items}, out)
        return
    rows = [(k.word, f"{k.weight:.4f}", k.count) for k in keywords]
    if fmt == "csv":
        print_csv(("word", "weight", "count"), rows, out)
    else:
        print_table(("word", "weight", "count"), rows, out)
