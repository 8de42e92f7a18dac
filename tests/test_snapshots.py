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
