"""The review's export (``E``): the report as Markdown, then the article's vocabulary
next to it, written in a thread worker."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from reader.document import Document
from reader.review.model import Review
from reader.review.names import export_name
from reader.text.visible import shown_name

Call = Callable[..., None]  # runs a callable on the app's thread (from a worker's)


def report_name(source: str, clean_text: str) -> str:
    """The export's file name (reader/review/names.py: never another article's, never too long).

    >>> report_name("/data/a b.txt", "x")[:4], report_name("<stdin>", "x")[:14]
    ('a b-', 'stdin-2d711642')
    """
    return export_name(source, clean_text, "review")


def report_dir(sources: Iterable[str], cwd: Path, fallback: Path) -> Path:
    """Where the export goes: the current directory, unless it is the folder of one of the
    articles ``sources`` opened (never written into without asking: the export would be listed
    as an article the next time the folder is opened) or not writable; then ``fallback``.

    >>> import tempfile; here = Path(tempfile.mkdtemp()); away = here / "reports"
    >>> report_dir(["/elsewhere/a.txt"], here, away) == here
    True
    >>> report_dir(["/elsewhere/a.txt", str(here / "b.txt")], here, away) == away
    True
    """
    try:
        folders = {Path(s).resolve().parent for s in sources if not s.startswith("<")}
        if cwd.resolve() in folders:
            return fallback
    except OSError:
        return fallback
    return cwd if os.access(cwd, os.W_OK) else fallback


def start_export(
    app: App[Any], doc: Document, review: Review, labelling: bool, call: Call, listed: tuple[str, ...] = ()
) -> None:
    """Write the report (and the vocabulary) in a thread worker; ``call`` brings the notices back;
    ``listed`` are the session's articles, whose folders are not written into."""
    app.run_worker(
        partial(export_review, app, doc, review, labelling, call, listed),
        thread=True,
        group="review-export",
        exit_on_error=False,
        description="export the review",
    )


def export_review(
    app: App[Any], doc: Document, review: Review, labelling: bool, call: Call, listed: tuple[str, ...] = ()
) -> None:
    from reader.review.report import render
    from reader.review.store import atomic_write, state_dir

    try:
        if labelling:
            from reader.enrich import with_figures

            doc = with_figures(doc)  # labels are still coming: the report has them all
        fallback = state_dir() / "reports"
        folder = report_dir((doc.source, *listed), Path.cwd(), fallback)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / report_name(doc.source, doc.text)
        atomic_write(path, render(doc, review, "md").encode("utf-8"))
    except OSError as err:
        call(
            app.notify,
            f"The review could not be exported: {err.strerror or err}",
            severity="error",
            timeout=8,
            markup=False,
        )
        return
    call(app.notify, f"Review written to {shown_name(path)}", timeout=8, markup=False)
    export_vocabulary(app, doc, path, call)


def export_vocabulary(app: App[Any], doc: Document, review_path: Path, call: Call) -> None:
    """The article's vocabulary next to the review (after it: the dictionary takes a moment)."""
    from reader.review.store import atomic_write
    from reader.vocabulary import render_vocabulary, vocabulary

    path = review_path.with_name(review_path.name.removesuffix(".review.md") + ".vocabulary.md")
    try:
        atomic_write(path, render_vocabulary(vocabulary(doc), "md", Path(doc.source).name).encode("utf-8"))
    except Exception as err:  # noqa: BLE001 - the review, which was asked for, is written
        call(
            app.notify, f"The vocabulary could not be written ({type(err).__name__}).", severity="warning", markup=False
        )
        return
    call(app.notify, f"Vocabulary written to {shown_name(path)}", timeout=8, markup=False)
