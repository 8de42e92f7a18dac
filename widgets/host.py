"""What a side panel may ask of the app that holds it (:class:`widgets.app.KreaderApp` is
one; the panels do not import it: the app imports them)."""

from __future__ import annotations

from typing import Protocol, cast

from textual.app import App


class PanelHost(Protocol):
    def action_focus_article(self) -> None: ...


def panel_host(app: App[object]) -> PanelHost:
    """``app`` as the reader app the panels are composed into."""
    return cast(PanelHost, app)
