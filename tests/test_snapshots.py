"""Snapshots of the reader on the bundled sample: 120×36 and 80×24, Traditional and Simplified.

Enrichment (figures, labels, keywords) is awaited before each snapshot, so the
pictures change when the extraction changes: look at them, then update with
``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp


def settled(*keys: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        for _ in range(1200):  # enrichment starts after the first paint: wait for its last step
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.document.keywords and not app.enrichment:
                break
            await pilot.pause(0.05)
        pilot.app.clear_notifications()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("script_keys", [(), ("t",)], ids=["traditional", "simplified"])
def test_sample(snap_compare, size, script_keys):
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=size, run_before=settled(*script_keys))


def test_figures_overlay_on_a_narrow_terminal(snap_compare):
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled("right_square_bracket", "f"))


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_review_loop(snap_compare, size):
    """The panel with verdict marks and a note, compact values with their markers and kind
    codes, and the preview line of the figure under the cursor."""
    app = KreaderApp(load_document(sample_article()))
    keys = ("f", "v", "d", "x", "e", "查", "enter", "j")
    assert snap_compare(app, terminal_size=size, run_before=settled(*keys))


def each_settled(*keys: str):
    """Like :func:`settled`, waiting for the workers a key starts (pinyin, words, the dictionary)."""

    async def run_before(pilot) -> None:
        await settled()(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_pinyin_over_the_text(snap_compare, size):
    """Readings over each character (tone colours on), the current paragraph's bar on both rows."""
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=size, run_before=each_settled("right_square_bracket", "p", "P"))


def test_pinyin_after_each_word_on_a_short_terminal(snap_compare):
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=(80, 16), run_before=each_settled("right_square_bracket", "p"))


def test_word_popup(snap_compare):
    """Word mode's cursor on the third word, then its dictionary entry over the article."""
    from reader.text.dictionary import dictionary

    dictionary()  # loaded, as another test may have: no "Loading the dictionary…" notice under the popup
    app = KreaderApp(load_document(sample_article()))
    keys = ("right_square_bracket", "W", "right", "right", "enter")
    assert snap_compare(app, terminal_size=(120, 36), run_before=each_settled(*keys))


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (40, 12)], ids=["120x36", "80x24", "40x12"])
def test_help(snap_compare, size):
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=size, run_before=settled("question_mark"))


@pytest.mark.parametrize(
    ("key", "size"),
    [("c", (80, 24)), ("c", (40, 12)), ("f", (40, 12))],  # figures at 80×24: test_figures_overlay_on_a_narrow_terminal
    ids=["sections-80x24", "sections-40x12", "figures-40x12"],
)
def test_overlays_on_a_narrow_terminal(snap_compare, key, size):
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=size, run_before=settled("right_square_bracket", key))


@pytest.mark.parametrize("mode", ["color", "ansi16", "mono"])
def test_legend(snap_compare, mode):
    """The legend in each display mode (the app's class as on a 16-colour or NO_COLOR terminal; the
    snapshot itself is drawn in truecolor, the 16 colours as the console's palette)."""
    app = KreaderApp(load_document(sample_article()))
    app.remove_class("-color", "-ansi16", "-mono")
    app.add_class(f"-{mode}")
    assert snap_compare(app, terminal_size=(100, 30), run_before=settled("L"))


def test_original_script_under_the_paragraph(snap_compare):
    app = KreaderApp(load_document(sample_article()))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled("t", "o"))
