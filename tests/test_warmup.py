"""The reading aids warm up once, after enrichment and off the UI thread: a `p` pressed
before that says "preparing pinyin…" in the status line and the readings then arrive; a
second press while they are prepared starts no second build."""

from __future__ import annotations

import threading

import pytest
from pilot import sync, until

from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp
from widgets.article import warmup


@pytest.fixture(autouse=True)
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(warmup, "_warmed", set())  # as in a reader just started


@pytest.fixture
def gate(monkeypatch):
    """The first reading (pypinyin's load) waits until the test opens the gate."""
    from reader.text import readings

    opened, real = threading.Event(), readings.paragraph_readings

    def slow(text, *args, **kwargs):
        if text == "預熱":
            opened.wait(60)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(readings, "paragraph_readings", slow)
    yield opened
    opened.set()


def status(app) -> str:
    return str(app.query_one("#status").render())


@sync
async def test_p_before_the_warm_up_says_so_and_the_readings_arrive_from_one_build(gate):
    app = KreaderApp(load_document(sample_article()))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        await pilot.press("p")
        await until(pilot, lambda: warmup.PREPARING in status(app), what="the status says pinyin is coming")
        assert not view.pinyin
        await pilot.press("p")  # the impatient second press
        assert view.warmup.builds == 1 and not view.pinyin
        gate.set()
        await until(pilot, lambda: view.pinyin, what="pinyin shown")
        await until(pilot, lambda: warmup.PREPARING not in status(app), what="the status no longer says so")
        await until(pilot, lambda: app.document.keywords, timeout=60, what="enrichment done")
        await until(pilot, lambda: not app.enrichment, timeout=60, what="enrichment over")
        await pilot.pause()
        assert view.warmup.builds == 1  # the warm-up after enrichment found the readings ready


@sync
async def test_the_warm_up_runs_once_after_enrichment_and_p_is_then_immediate():
    app = KreaderApp(load_document(sample_article()))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.article
        await until(pilot, view.warmup.ready, timeout=60, what="warmed up")
        assert view.warmup.builds == 1
        await pilot.press("p")
        assert view.pinyin  # no wait, no "preparing"
        assert warmup.PREPARING not in status(app)
        await pilot.press("p", "p")
        assert view.warmup.builds == 1
