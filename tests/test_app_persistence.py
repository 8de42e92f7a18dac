"""The review outlives the app: verdicts, notes, position and bookmarks after a restart,
corrupt state files, two kreader processes on one article, standard input, changed articles."""

from __future__ import annotations

import asyncio
import functools
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from figures_table import cell
from pilot import sync

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from reader.review.store import ReviewStore
from widgets.app import KreaderApp


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


@functools.cache
def sample():
    return with_figures(load_document(sample_article()), labels=False)


def store_for(doc) -> ReviewStore:
    return ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures])


async def loaded(pilot) -> None:
    """Wait for the review to be read (a thread worker) and the position restored."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def mark_of(app, k: int) -> str:
    return str(cell(app.figures, k, "text"))[:3]


@sync
async def test_restart_finds_verdicts_notes_position_and_bookmarks():
    doc = sample()
    app = KreaderApp(doc, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "v", "e", *"應為", "enter", "x", "escape")
        await pilot.press("right_square_bracket", "j", "j", "j")
        await pilot.pause()
        await pilot.press("m")
        bookmark = app.review.current.bookmarks[0].offset
        await pilot.press("space", "j")
        await pilot.pause()
        top = app.article.top_offset
        assert top > bookmark
    # quit saved the exact reading position, not just the paragraph's
    again = KreaderApp(doc, enrich=False, persist=True)
    async with again.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert [mark_of(again, 0), mark_of(again, 1)] == ["✓  ", "✗✎ "]
        assert again.review.current.entry_for(again.review.figure_key(1)).note == "應為"
        assert [b.offset for b in again.review.current.bookmarks] == [bookmark]
        assert again.article.top_offset == top
        assert "2/" in str(again.query_one("#header").render())


@sync
async def test_position_survives_a_change_of_width_and_script():
    doc = sample()
    app = KreaderApp(doc, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j", "j")
        await pilot.pause()
        saved = app.article.top_offset
    for size, keys in (((80, 24), ()), ((140, 40), ("t",))):
        narrow = KreaderApp(doc, enrich=False, persist=True)
        async with narrow.run_test(size=size) as pilot:
            await loaded(pilot)
            await pilot.press(*keys)
            await pilot.pause()
            view = narrow.article
            para = view.blocks[view.current_block].paragraph
            assert para.start <= saved < para.end or view.top_offset <= saved
            # the saved offset is on the top line: at most one line of text above it
            assert 0 <= saved - view.top_offset < 80
    # reopening at other widths did not move the saved position (no creeping back a line per width)
    assert store_for(doc).load().review.position.offset == saved


@sync
async def test_position_is_saved_while_reading_not_only_on_quit(monkeypatch):
    import widgets.review.saving as review_persist

    monkeypatch.setattr(review_persist, "POSITION_SAVE_DELAY", 0.05)
    doc = sample()
    app = KreaderApp(doc, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        on_disk = store_for(doc).load().review.position
        assert on_disk.offset == app.article.top_offset > 0
        assert on_disk.section == doc.section_at(on_disk.offset).index


@sync
async def test_opening_and_quitting_without_doing_anything_writes_nothing(state_dir):
    app = KreaderApp(sample(), enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
    assert not list(state_dir.glob("*.json"))


@sync
async def test_every_change_is_on_disk_before_quitting():
    doc = sample()
    app = KreaderApp(doc, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "d")
        await app.workers.wait_for_complete()
        assert store_for(doc).load().review.reviewed_count() == 1  # saved at once, app still open
        await pilot.press("escape", "m")
        await app.workers.wait_for_complete()
        assert len(store_for(doc).load().review.bookmarks) == 1


@sync
async def test_corrupt_state_file_gives_a_notice_not_a_crash(state_dir):
    doc = sample()
    store = store_for(doc)
    store.path.write_text('{"schema": 1, "verdicts": [', encoding="utf-8")
    app = KreaderApp(doc, enrich=False, persist=True)
    messages = []
    app.notify = lambda message, **kw: messages.append(message)  # before the review loads
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert any("unreadable" in m and "corrupt" in m for m in messages)
        await pilot.press("f", "v")  # and the review goes on
        await app.workers.wait_for_complete()
    assert list(state_dir.glob("*.corrupt-*"))
    assert store_for(doc).load().review.reviewed_count() == 1


@sync
async def test_an_unwritable_state_directory_keeps_the_review_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("KREADER_STATE_DIR", str(blocker / "state"))
    app = KreaderApp(sample(), enrich=False, persist=True)
    messages = []
    app.notify = lambda message, **kw: messages.append(message)  # before the review loads
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "v")
        assert mark_of(app, 0) == "✓  "
    assert any("cannot be saved" in m for m in messages)
    assert app.review.error == ""


OTHER_PROCESS = textwrap.dedent("""
    import asyncio, sys
    from widgets.app import KreaderApp
    from reader.locations import sample_article
    from reader.enrich import with_figures
    from reader.load import load_document

    async def main():
        app = KreaderApp(with_figures(load_document(sample_article()), labels=False), enrich=False, persist=True)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("f", "j", "j", "j", "e", *"另一個", "enter", "d")
            await app.workers.wait_for_complete()

    asyncio.run(main())
""")


@sync
async def test_two_instances_on_one_article_keep_each_others_verdicts(state_dir):
    doc = sample()
    app = KreaderApp(doc, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "v")
        await app.workers.wait_for_complete()
        # meanwhile another kreader marks the fourth figure and quits
        other = subprocess.run(
            [sys.executable, "-c", OTHER_PROCESS],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert other.returncode == 0, other.stderr
        await pilot.press("x")  # this save merges: the other's verdict comes into view
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [mark_of(app, k) for k in range(4)] == ["✓  ", "✗  ", "   ", "?✎ "]
    final = store_for(doc).load().review
    assert {v.key.text: v.verdict for v in final.verdicts if v.verdict} == {
        doc.figures[0].text: "verified",
        doc.figures[1].text: "wrong",
        doc.figures[3].text: "doubtful",
    }
    assert final.entry_for(final.verdicts[-1].key).note == "另一個"


@sync
async def test_stdin_article_is_remembered_by_its_text():
    from dataclasses import replace

    doc = replace(sample(), source="<stdin>")
    app = KreaderApp(doc, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "v")
    again = KreaderApp(doc, enrich=False, persist=True)
    async with again.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert mark_of(again, 0) == "✓  "
    data = json.loads(store_for(doc).path.read_text(encoding="utf-8"))
    assert data["article"]["path"] == "<stdin>"


@sync
async def test_a_changed_article_gets_its_verdicts_back_before_figures_are_found(tmp_path):
    article = tmp_path / "a.txt"
    original = Path(sample_article()).read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    first = with_figures(load_document(article), labels=False)
    app = KreaderApp(first, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "j", "j", "j", "x")
        marked = first.figures[3]
    article.write_text("編者按：本文有更新。\n" + original, encoding="utf-8")
    changed = load_document(article)  # no figures yet: enrichment would find them later
    assert not changed.figures
    again = KreaderApp(changed, enrich=False, persist=True)
    messages = []
    again.notify = lambda message, **kw: messages.append(message)
    async with again.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        assert any("changed" in m for m in messages)
        (verdict,) = [v for v in again.review.current.verdicts if v.verdict]
        assert verdict.verdict == "wrong" and verdict.key.text == marked.text
        assert changed.text[verdict.key.start : verdict.key.start + len(marked.text)] == marked.text
        assert verdict.key.start > marked.start  # moved with the text
        # when the figures arrive, the panel shows the verdict
        again.set_document(with_figures(changed, labels=False))
        await pilot.pause()
        k = next(i for i, f in enumerate(again.document.figures) if f.start == verdict.key.start)
        assert mark_of(again, k) == "✗  "


@sync
async def test_a_reloaded_article_with_another_text_gets_its_own_review(tmp_path):
    from dataclasses import replace

    first = sample()
    other = with_figures(replace(load_document(sample_article()), source=first.source), labels=False)
    other = replace(other, text=other.text + "\n補記：全年營收5億元。", figures=other.figures)
    app = KreaderApp(first, enrich=False, persist=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f", "v")
        await app.workers.wait_for_complete()
        app.set_document(other)  # what a reload of a changed file does
        await loaded(pilot)
        assert app.review.saving.store.text == other.text
        assert mark_of(app, 0) == "✓  "  # re-attached from the review of the file's earlier text
        await pilot.press("j", "x")
        await app.workers.wait_for_complete()
        app.set_document(first)
        await loaded(pilot)
        assert mark_of(app, 0) == "✓  " and mark_of(app, 1) == "   "  # each text keeps its own review


def test_quitting_while_a_save_is_under_way_neither_hangs_nor_loses_it(monkeypatch):
    slow = ReviewStore.save

    def save_slowly(self, review):
        import time

        time.sleep(0.4)  # a slow disk: the quit comes while this save runs
        return slow(self, review)

    monkeypatch.setattr(ReviewStore, "save", save_slowly)
    doc = sample()

    async def review_and_quit():
        app = KreaderApp(doc, enrich=False, persist=True)
        async with app.run_test(size=(120, 36)) as pilot:
            await loaded(pilot)
            await pilot.press("f", "v", "j", "x")

    asyncio.run(asyncio.wait_for(review_and_quit(), timeout=20))
    monkeypatch.setattr(ReviewStore, "save", slow)
    final = store_for(doc).load().review
    assert sorted(v.verdict for v in final.verdicts if v.verdict) == ["verified", "wrong"]
