"""Progressive opening: a preview at once, then exactly the Document a full load gives;
compact repairs equal to the objects they replace; the reader's place kept when the
whole article replaces the preview; search in a worker, in both scripts."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pilot import sync, until

from reader.clean.edits import apply_edits, carry
from reader.clean.passes import PASSES, clean
from reader.clean.repair_log import Readings, Repairs
from reader.document import parse
from reader.load import load_document
from reader.pipeline import PREVIEW_CHARS, Opening, open_document
from reader.text.script import find_all
from widgets.app import KreaderApp

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def long_text(sample_text) -> str:
    """A book-length article from the sample, damage and all: sections, pinyin, mojibake, HTML."""
    from reader.text.script import to_simplified

    body = sample_text.split("<p style")[0]  # the truncated tag only once, at the very end
    # every third chapter in Simplified (its damaged lines left out: converting would change their bytes)
    simplified = "\n".join(to_simplified(line) for line in body.split("\n") if "?" not in line)
    parts = []
    for k in range(1, 13):
        parts.append(f"第{k}章 市場觀察\n" + (simplified if k % 3 == 0 else body))
    return "".join(parts) + sample_text[sample_text.index("<p style") :]


@pytest.fixture(scope="module")
def long_file(tmp_path_factory, long_text):
    path = tmp_path_factory.mktemp("long") / "book.txt"
    path.write_text(long_text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ compact repairs


def old_clean(text: str):
    """The cleaner as it was before repairs were stored compactly (the reference)."""
    repairs = []
    for _name, find in PASSES:
        for _round in range(4):
            edits = find(text)
            if not edits:
                break
            text, new, omap = apply_edits(text, edits)
            repairs = [carry(r, omap) for r in repairs if not omap.swallows(r.offset, r.end)] + list(new)
    repairs.sort(key=lambda r: r.offset)
    readings = {}
    for r in repairs:
        readings.update(r.readings)
    return text, tuple(repairs), readings


def test_compact_repairs_equal_the_repair_objects(sample_text, long_text):
    for text in (sample_text, long_text[:40_000], "過(guò)&amp;lt;<b>x</b>\r\n?!爱敃r(shí)"):
        cleaned = clean(text)
        ref_text, ref_repairs, ref_readings = old_clean(text)
        assert cleaned.text == ref_text
        assert cleaned.repairs == ref_repairs and tuple(cleaned.repairs) == ref_repairs
        assert [cleaned.repairs[k] for k in range(-1, -4, -1)] == list(ref_repairs[-1:-4:-1])
        assert dict(cleaned.readings) == ref_readings and cleaned.readings == ref_readings
        assert sum(cleaned.repairs.kinds().values()) == len(ref_repairs)
        assert [x for r in cleaned.repairs.whole() for x in r.inferred] == [x for r in ref_repairs for x in r.inferred]


def test_a_long_text_is_cleaned_the_same_a_piece_at_a_time(monkeypatch, long_text):
    import reader.clean.passes

    whole = clean(long_text)
    monkeypatch.setattr(reader.clean.passes, "_PIECE", 700)  # line-local passes (pinyin) now go piece by piece
    pieces = clean(long_text)
    assert pieces.text == whole.text and pieces.repairs == whole.repairs and pieces.readings == whole.readings
    assert tuple(pieces.repairs) == old_clean(long_text)[1]


def test_compact_repairs_survive_pickling(sample_text):
    import pickle

    cleaned = clean(sample_text)
    assert pickle.loads(pickle.dumps(cleaned.repairs)) == cleaned.repairs
    assert pickle.loads(pickle.dumps(cleaned.readings)) == cleaned.readings
    assert Readings.of(dict(cleaned.readings)) == cleaned.readings
    assert Repairs.of(reversed(tuple(cleaned.repairs))) == cleaned.repairs


# ---------------------------------------------------------------------- opening


def test_progressive_open_ends_in_the_full_load(long_file, long_text):
    assert len(long_text) > PREVIEW_CHARS  # a preview first, then the rest
    full = load_document(long_file)
    opening = open_document(long_file, fork=False)  # in a thread (the test runner has threads)
    preview = opening.preview()
    assert len(preview.text) < len(full.text)
    assert full.text.startswith(preview.text)  # line-local passes: the preview is a prefix
    assert [p.start for p in preview.paragraphs] == [p.start for p in full.paragraphs[: len(preview.paragraphs)]]
    assert opening.result(timeout=60) == full
    assert opening.text == "" and not opening.short  # the raw book is let go of once clean
    assert opening.preview() is opening.result()


def test_progressive_open_in_a_child_process(long_file):
    """The forked path, in a fresh interpreter (forking is only done without threads)."""
    code = (
        "import sys; from reader.pipeline import open_document; from reader.load import load_document\n"
        "from reader.text.lexicon import lexicon; lexicon()  # built: the head is cleaned whole at once\n"
        f"o = open_document({str(long_file)!r}); p = o.preview(); d = o.result(60)\n"
        "assert o._pid, 'forked'\n"
        f"assert d == load_document({str(long_file)!r}) and len(p.text) < len(d.text)\n"
        "assert p.text != o.latest_preview().text and not o.early  # the early preview, then the head cleaned whole\n"
        "assert d.text.startswith(o.latest_preview().text)  # line-local passes: a prefix\n"
        "print('same')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "same", out.stderr[-2000:]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_the_cleaning_child_holds_none_of_the_terminal(long_file):
    """Its standard streams are /dev/null: nothing it prints reaches the reader's screen, and the
    terminal (a pty, an ssh session) ends when the reader quits, not when the child is gone."""
    code = (
        "import os; from reader.pipeline import open_document\n"
        f"o = open_document({str(long_file)!r}); o.preview()\n"
        "print(*(os.readlink(f'/proc/{o._pid}/fd/{fd}') for fd in (0, 1, 2))); o.cancel()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.split() == [os.devnull] * 3, out.stderr[-2000:]


def test_a_short_article_opens_whole(sample_text, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(sample_text, encoding="utf-8")
    opening = open_document(path, fork=False)
    assert opening.short
    assert opening.preview() == load_document(path)  # no preview: it waits for the real thing


def test_a_failure_in_the_background_is_reported(monkeypatch, long_text):
    import reader.clean.passes

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader.clean.passes, "clean", broken)
    opening = Opening(long_text, "x.txt", "utf-8", fork=False)
    with pytest.raises(RuntimeError, match="boom"):
        opening.result(timeout=30)


class HeldOpening:
    """An Opening whose whole document is released by the test."""

    def __init__(self, preview, document) -> None:
        self._preview, self._document = preview, document
        self.released = threading.Event()
        self.stage = "mojibake"
        self.early = self.building_word_list = False
        self.cancelled = False
        self.painted_once = False

    def preview(self):
        return self._preview

    def latest_preview(self):
        return self._preview  # a test sets ``_preview`` to send a newer one

    def done(self) -> bool:
        return self.released.is_set()

    def wait(self, timeout=None) -> bool:
        return self.released.wait(timeout)

    def result(self, timeout=None):
        self.released.wait(timeout)
        return self._document

    def cancel(self) -> None:
        self.cancelled = True

    def painted(self) -> None:
        self.painted_once = True


def screen_text(view) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


@sync
async def test_the_reader_keeps_its_place_when_the_whole_article_arrives(long_file):
    full = load_document(long_file)
    opening = open_document(long_file, fork=False)
    preview = opening.preview()
    held = HeldOpening(preview, full)
    app = KreaderApp(held, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        assert len(view.blocks) < len(full.paragraphs)
        for _ in range(6):
            await pilot.press("pagedown")
        await pilot.press("j", "j")
        await pilot.pause()
        top, before = view.top_offset, screen_text(view)
        assert top > 0
        held.released.set()
        for _ in range(200):
            await pilot.pause(0.01)
            if app.document is full:
                break
        assert app.document is full and len(view.blocks) == len(full.paragraphs)
        assert view.top_offset == top
        assert screen_text(view) == before
        await pilot.press("G")
        await pilot.pause()
        assert full.paragraphs[-1].text.endswith(screen_text(view)[-2].strip().lstrip("▌ "))
    assert held.cancelled  # quitting stops any background work


# ----------------------------------------------------------------------- search


@sync
async def test_search_worker_finds_every_hit_in_both_scripts(long_file):
    doc = load_document(long_file)
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        for _ in range(40):
            await pilot.press("pagedown")
        await pilot.pause()
        for query in ("服务商", "服務商", "GMV"):
            origin = view.top_offset
            app.start_search(query)  # the query reaches the view with the search line's Changed message
            await until(pilot, lambda q=query: view.search_query == q and not view.search.searching, timeout=60)
            expected = find_all(doc.text, query)
            assert len(expected) > 20
            assert view.search.hits == expected
            assert {doc.text[s:e] for s, e in view.search.hits} >= ({"服务商", "服務商"} if query != "GMV" else {"GMV"})
            assert view.search.hits[view.search.current][0] >= origin  # the first hit after the reader's place
            status = str(app.query_one("#status").render())
            assert f"{view.search.current + 1}/{len(expected)}" in status
            app.article.search_query = ""
            await pilot.pause()
        assert app.article.search.hits == []


@sync
async def test_search_restarts_when_the_text_is_replaced():
    small = parse("服務商\n" * 3)
    big = parse("服務商\n" * 3 + "服务商\n" * 500)
    app = KreaderApp(small, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        app.start_search("服务商")  # the query reaches the view with the search line's Changed message
        await until(pilot, lambda: view.search_query == "服务商" and not view.search.searching, timeout=60)
        assert len(view.search.hits) == 3
        app.set_document(big)
        expected = find_all(big.text, "服务商")
        await until(pilot, lambda: view.search.hits == expected, timeout=60, what="the search of the new text")
