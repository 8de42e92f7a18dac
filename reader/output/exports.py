"""The exported views: the saved review (``--report``) and the vocabulary (``--vocabulary``)."""

from __future__ import annotations

import json
import os
import sys

from reader.text.visible import shown_name


def report_text(doc, fmt: str) -> str:
    from reader.enrich import with_figures
    from reader.review.report import render
    from reader.review.store import ReviewStore

    doc = with_figures(doc, labels=True)
    store = ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures])
    loaded = store.load()
    for notice in loaded.notices:
        print(f"kreader: {shown_name(notice)}", file=sys.stderr)
    return render(doc, loaded.review, fmt)


def vocabulary_text(doc, fmt: str, function_words: bool = False, named: bool = False) -> str:
    """The vocabulary in ``fmt``; ``named``: its JSON list inside ``{"file", "words"}`` (one of
    several articles, whose words would not be told apart in a bare list)."""
    from reader.vocabulary import render_vocabulary, vocabulary

    text = render_vocabulary(vocabulary(doc, function_words=function_words), fmt, os.path.basename(doc.source))
    if named and fmt == "json":
        return named_json(doc.source, "words", text)
    return text


def named_json(source: str, key: str, text: str) -> str:
    """A JSON value (as text) inside an object that names its file.

    >>> import json; json.loads(named_json("a.txt", "words", "[1]"))
    {'file': 'a.txt', 'words': [1]}
    """
    from reader.text.visible import inert_json

    return inert_json('{"file": ' + json.dumps(source, ensure_ascii=False) + f', "{key}": ') + text.rstrip() + "}\n"
