"""What the reader gives on an article's preview (shown while the whole article is cleaned) is
never lost: saved where the next session finds it when this one ends first, and re-keyed to the
whole text when it arrives (an early preview's offsets move once its mojibake is repaired)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pilot import sync, until

from reader.document import parse
from reader.enrich import with_figures
from reader.locations import sample_article
from widgets.app import KreaderApp


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


class HeldOpening:
    """An Opening whose whole document comes when the test releases it."""

    def __init__(self, preview, document) -> None:
        self._preview, self._document = preview, document
        self.released = threading.Event()
        self.stage = "mojibake"
        self.early = self.building_word_list = False
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
        pass

    def painted(self) -> None:
        pass


def article(tmp_path: Path):
    """The whole article and an early preview of it whose first line is still garbled (the
    whole text lost it: every offset after it moved)."""
    body = "".join(Path(sample_article()).read_text(encoding="utf-8").splitlines(keepends=True)[:12])
    path = tmp_path / "a.txt"
    path.write_text(body, encoding="utf-8")
    whole = with_figures(parse(body, source=str(path)), labels=False)
    preview = with_figures(parse("ç¼ºå°‘\n" + body, source=str(path)), labels=False)
    assert whole.figures and len(preview.figures) >= len(whole.figures)
    return preview, whole


async def verdict_on_preview(pilot) -> str:
    """`v` on the panel's first figure; its text."""
    app = pilot.app
    await pilot.press("f", "v")
    await until(pilot, lambda: app.review.reviewed() == 1, what="the verdict on the preview")
    (verdict,) = app.review.current.verdicts
    return verdict.key.text


@sync
async def test_a_verdict_on_the_preview_is_saved_when_the_session_ends_before_the_whole_article(tmp_path, state_dir):
    preview, whole = article(tmp_path)
    app = KreaderApp(HeldOpening(preview, whole), enrich=False, persist=True)
    async with app.run_test(size=(100, 30)) as pilot:
        figure = await verdict_on_preview(pilot)
        await until(pilot, lambda: list((state_dir / "previews").glob("*.json")), what="kept for the next session")
    again = KreaderApp(whole, enrich=False, persist=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: again.review.reviewed() == 1, what="the preview's verdict read")
        (k,) = again.review.marks
        assert whole.figures[k].text == figure and whole.text[whole.figures[k].start :].startswith(figure)
        await until(pilot, lambda: not list((state_dir / "previews").glob("*.json")), what="merged and let go")
    assert len(list(state_dir.glob("*.json"))) == 1


@sync
async def test_a_verdict_on_the_preview_follows_its_figure_into_the_whole_article(tmp_path, state_dir):
    preview, whole = article(tmp_path)
    held = HeldOpening(preview, whole)
    app = KreaderApp(held, enrich=False, persist=True)
    async with app.run_test(size=(100, 30)) as pilot:
        figure = await verdict_on_preview(pilot)
        held.released.set()
        await until(pilot, lambda: app.document is whole, what="the whole article shown")
        await until(pilot, lambda: app.review.reviewed() == 1, what="the verdict shown on the whole article")
        (k,) = app.review.marks
        assert whole.figures[k].text == figure
        await pilot.press("u")  # undoes it where it is now
        assert app.review.reviewed() == 0
        await pilot.press("u", "v")
        await until(pilot, lambda: list(state_dir.glob("*.json")), what="saved")
        await app.workers.wait_for_complete()
    again = KreaderApp(whole, enrich=False, persist=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: again.review.reviewed() == 1, what="the verdict read")


@sync
async def test_a_verdict_on_the_early_preview_follows_its_figure_through_the_cleaned_head(tmp_path, state_dir):
    """A long article's head cleaned whole replaces its early preview before the whole article
    replaces both (reader/pipeline.py): the verdict is carried twice, and saved once."""
    preview, whole = article(tmp_path)
    body = "".join(whole.text.splitlines(keepends=True)[:8])
    head = with_figures(parse(body, source=whole.source), labels=False)
    held = HeldOpening(preview, whole)
    app = KreaderApp(held, enrich=False, persist=True)
    async with app.run_test(size=(100, 30)) as pilot:
        figure = await verdict_on_preview(pilot)
        held._preview = head
        await until(pilot, lambda: app.document is head, what="the head cleaned whole shown")
        (k,) = app.review.marks
        assert head.figures[k].text == figure and app.review.reviewed() == 1
        held.released.set()
        await until(pilot, lambda: app.document is whole, what="the whole article shown")
        await until(pilot, lambda: app.review.saving.store is not None, what="the review loaded")
        (k,) = app.review.marks
        assert whole.figures[k].text == figure and app.review.reviewed() == 1
        await until(pilot, lambda: list(state_dir.glob("*.json")), what="saved")
        await app.workers.wait_for_complete()
    again = KreaderApp(whole, enrich=False, persist=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: again.review.reviewed() == 1, what="the verdict read")
        (k,) = again.review.marks
        assert whole.figures[k].text == figure
