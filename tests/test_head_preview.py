"""A long article's head cleaned whole replaces its early preview in place (issue 19): the
reader then sees exactly what a start on the cleaned head shows, at the same place, and a
real forked opening sends that head as the preview before the whole article."""

from __future__ import annotations

import subprocess
import sys

from pilot import sync, until
from test_progressive import HeldOpening, screen_text

import reader.pipeline as pipeline
from reader.clean.passes import PASSES, clean
from reader.load import document_from_cleaned
from widgets.app import KreaderApp

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def head_previews(sample_text: str, lines: int = 60):
    """The sample's first ``lines`` cleaned early and cleaned whole, as the parent builds them."""
    head = "".join(sample_text.splitlines(keepends=True)[:lines])
    made = lambda passes: document_from_cleaned(clean(head, passes), "a.txt", "utf-8", 0)  # noqa: E731
    return made(pipeline.without_word_list()), made(PASSES)


async def shown_on(doc, keys: tuple[str, ...]) -> list[str]:
    """The article's screen on a start with ``doc`` after ``keys``."""
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.article.painted, what="the first frame")
        await pilot.press(*keys)
        await pilot.pause()
        return screen_text(app.article)


async def swapped_on(early, head, whole, keys: tuple[str, ...]) -> tuple[list[str], list[str], int, int]:
    """The screen after ``keys`` on ``early``, then once ``head`` replaced it, and the top offsets."""
    held = HeldOpening(early, whole)
    app = KreaderApp(held, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.article.painted, what="the first frame")
        await pilot.press(*keys)
        await pilot.pause()
        before, top = screen_text(app.article), app.article.top_offset
        held._preview = head
        await until(pilot, lambda: app.document is head, what="the cleaned head shown")
        await pilot.pause()
        after, now = screen_text(app.article), app.article.top_offset
        held.released.set()
        await until(pilot, lambda: app.document is whole, what="the whole article")
    return before, after, top, now


@sync
async def test_the_cleaned_head_shows_what_a_start_on_it_shows_where_the_reader_is(sample_text, sample_doc):
    early, head = head_previews(sample_text)
    assert early.text != head.text  # the sample's head has mojibake to repair
    expected = await shown_on(head, ())
    _before, after, _top, _now = await swapped_on(early, head, sample_doc, ())
    assert after == expected  # the repaired passage on screen
    keys = ("pagedown",) * 4 + ("j",)
    expected = await shown_on(head, keys)
    before, after, top, now = await swapped_on(early, head, sample_doc, keys)
    assert after == expected  # the repaired passage above the reader's place: nothing moved on screen
    assert before == expected and head.text[now : now + 40] == early.text[top : top + 40]


def test_a_forked_opening_previews_the_head_early_then_whole_then_opens_the_whole_article(tmp_path, sample_text):
    """In a fresh interpreter (forking is only done without threads), the word list built: the
    last preview is the head cleaned by every pass, as it was painted first before."""
    body = sample_text.split("<p style")[0]
    book = tmp_path / "book.txt"
    book.write_text(body * (3 * pipeline.PREVIEW_CHARS // len(body)), encoding="utf-8")
    code = (
        "from reader.pipeline import open_document, PREVIEW_CHARS, _first_lines\n"
        "from reader.load import load_document, load_path, document_from_cleaned\n"
        "from reader.clean.passes import clean\n"
        "from reader.text.lexicon import lexicon; lexicon()\n"
        f"PATH = {str(book)!r}\n"
        "o = open_document(PATH); p = o.preview(); d = o.result(120)\n"
        "head = clean(_first_lines(load_path(PATH).text, PREVIEW_CHARS))\n"
        "assert o._pid and p.text != head.text and o.latest_preview() is not p\n"
        "assert o.latest_preview() == document_from_cleaned(head, PATH, 'utf-8', 0)\n"
        "assert d == load_document(PATH) and d.text.startswith(head.text)\n"
        "print('same')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert out.stdout.strip() == "same", out.stderr[-2000:]
