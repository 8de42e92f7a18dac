"""A whole document's figures for the CLI (``--figures``), spread over processes.

Extraction, labels and JSON encoding are local to a sentence, so a book's
text is cut at line breaks (reader.runtime.parallel) and each piece's figures are
found, labelled and encoded in a worker; the output is the same byte for byte
as doing it all at once.

>>> import io
>>> from reader.document import parse
>>> doc = parse("導語\\n01\\n2小時賣出223萬元。")
>>> [item["text"] for item in figure_items(doc)]
['2小時', '223萬元']
>>> out = io.StringIO(); write_figures_json(doc, "original", out, jobs=1)
>>> import json; json.loads(out.getvalue())["figures"][1]["value"]
2230000
"""

from __future__ import annotations

import json
from itertools import repeat
from operator import attrgetter
from typing import TextIO

from reader.document import Document
from reader.figures.extract import Figure, extract_figures, figure_to_json, json_number, label_figures
from reader.output.json_safe import inert_json
from reader.runtime.parallel import fork_map, pieces_for

_FIELDS_IN_SCRIPT = ("text", "unit", "label", "sentence", "context", "section")  # every text field shown


def figure_items(doc: Document, span: tuple[int, int] | None = None, script: str = "original") -> list[dict]:
    """The JSON objects of the labelled figures starting in ``span`` (all when None), text in ``script``."""
    return [_item(f, doc, script) for f in _figures(doc, span)]


def _figures(doc: Document, span: tuple[int, int] | None) -> tuple[Figure, ...]:
    if doc.figures and span is None:
        return doc.figures  # an enriched document already has them
    return label_figures(doc, extract_figures(doc, span))


def _item(figure: Figure, doc: Document, script: str) -> dict:
    item = figure_to_json(figure, doc)
    if script != "original":
        from reader.text.script import convert

        for key in _FIELDS_IN_SCRIPT:
            if item.get(key):
                item[key] = convert(item[key], script).text
    return item


def all_figure_items(doc: Document, script: str, jobs: int) -> list[dict]:
    """:func:`figure_items` of the whole document, computed in ``jobs`` processes."""
    if doc.figures:
        return figure_items(doc, None, script)
    spans = pieces_for(doc.text, jobs)
    _load_labeller(len(spans))
    parts = fork_map(_items_of, (doc, script), spans, jobs)
    return [item for part in parts for item in part]


def write_figures_json(doc: Document, script: str, out: TextIO, jobs: int) -> None:
    """``{"file", "encoding", "figures": [...]}`` as :func:`reader.output.views.write_json` writes it."""
    if doc.figures:
        fragments = [_json_of((doc, script), None)]
    else:
        spans = pieces_for(doc.text, jobs)
        _load_labeller(len(spans))
        fragments = fork_map(_json_of, (doc, script), spans, jobs)
    head = json.dumps({"file": doc.source, "encoding": doc.encoding}, ensure_ascii=False, indent=1)[:-2]
    out.write(inert_json(head) + ",\n")
    fragments = [f for f in fragments if f]
    if not fragments:
        out.write(' "figures": []\n}\n')
        return
    out.write(' "figures": [\n')
    for k, fragment in enumerate(fragments):  # written one by one: a book's JSON is never copied whole
        out.write(",\n" + fragment if k else fragment)
    out.write("\n ]\n}\n")


def _load_labeller(pieces: int) -> None:
    """Load the segmenter and OpenCC before forking, so that workers share them instead
    of each spending ~0.3 s loading its own."""
    if pieces > 1:
        from reader.text.script import to_simplified
        from reader.text.segment import cut

        cut(to_simplified("預熱"))


def _items_of(task: tuple[Document, str], span: tuple[int, int]) -> list[dict]:
    doc, script = task
    return figure_items(doc, span, script)


def _json_of(task: tuple[Document, str], span: tuple[int, int] | None) -> str:
    """The figures of ``span`` as they appear inside the document's ``"figures"`` list
    (indent 1, at depth 2), encoded a chunk at a time (no list of a book's dicts)."""
    doc, script = task
    figures = _figures(doc, span)
    chunks = [_encoded(figures[k : k + _CHUNK], doc, script) for k in range(0, len(figures), _CHUNK)]
    encoded = ",\n".join(text for text, _printable in chunks)
    return encoded if all(printable for _text, printable in chunks) else inert_json(encoded)


_CHUNK = 2048  # figures whose fields are encoded together


def _encoded(figures: tuple[Figure, ...], doc: Document, script: str) -> tuple[str, bool]:
    """``figures`` (at least one) as items of the document's list, the objects
    :func:`figure_to_json` makes: each field of all of them encoded by one call of json's
    C encoder, then every object written from a template; and whether every text in them is
    printable (then so is the JSON, line breaks aside: the encoder only adds escapes).

    >>> from reader.document import parse
    >>> doc = parse("3個人和5隻貓")
    >>> one = ",\\n".join("  {\\n   " + _ITEM.encode(figure_to_json(f, doc))[1:-1] + "\\n  }" for f in extract_figures(doc))
    >>> _encoded(extract_figures(doc), doc, "original") == (one, True)
    True
    >>> _encoded(extract_figures(parse("3個人\\u202e")), doc, "original")[1]
    False
    """
    columns, printable = [], True
    for key in _KEYS:
        values = _field(figures, key, doc, script)
        printable = printable and _printable(values)
        columns.append(_COLUMN.encode(values)[1:-1].split("\n"))
    return ",\n".join(_OBJECT % row for row in zip(*columns, strict=True)), printable


def _printable(values: list) -> bool:
    """Every text among ``values`` printable (numbers, booleans and None always are).

    >>> _printable(["營收", 3, None]), _printable(["a\\u202eb"]), _printable([True, 2.5])
    (True, False, True)
    """
    texts = [v for v in values if isinstance(v, str)]
    return all(map(str.isprintable, texts))


def _field(figures: tuple[Figure, ...], key: str, doc: Document, script: str) -> list:
    """The values :func:`figure_to_json` gives ``key`` for each of ``figures``, text in ``script``."""
    if key == "section":
        names = {k: s.name for k, s in enumerate(doc.sections)}
        values: list = list(map(names.get, map(_SECTION, figures), repeat("")))
    else:
        values = list(map(attrgetter(key), figures))
    if key in ("value", "value_max"):
        values = list(map(json_number, values))
    elif key == "qualifier":
        values = list(map(str, values))
    elif key in _FIELDS_IN_SCRIPT and script != "original":
        from reader.text.script import convert

        values = [convert(v, script).text if v else v for v in values]
    return values


_SECTION = attrgetter("section")
# The keys of figure_to_json's objects, in its order (a test compares the two writers).
_KEYS = tuple("text value value_max unit kind qualifier vague label sentence section start end".split())
# A flat object at depth 2 of an indent-1 document, its values filled in encoded.
_OBJECT = "  {\n   " + ",\n   ".join(f'"{key}": %s' for key in _KEYS) + "\n  }"
# Values encoded one per line by json's C encoder (a line break in a string is escaped, so the
# lines are the values): one call for a column of a chunk, not one per figure.
_COLUMN = json.JSONEncoder(ensure_ascii=False, separators=("\n", ": "))
# A flat object, as figure_to_json's dict (tests, and the writers of one figure).
_ITEM = json.JSONEncoder(ensure_ascii=False, separators=(",\n   ", ": "))
