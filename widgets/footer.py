"""The footer: Textual's compact one, showing only the keys that fit whole before the palette hint.

Textual lets the keys run on under the hint docked at the right, so the last one shown was cut
(`v▏^p palette`, `Ke▏`): a key is shown whole or not at all (help and the palette list them all).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def keys_that_fit(rights: list[int], limit: int) -> int:
    """How many keys, in order, end at or before cell ``limit`` (those after the first that does not
    are hidden too: the footer keeps its order).

    >>> keys_that_fit([10, 20, 31, 35], 30), keys_that_fit([10, 20], 30), keys_that_fit([40, 5], 30)
    (2, 2, 0)
    """
    for k, right in enumerate(rights):
        if right > limit:
            return k
    return len(rights)


class FittedFooter(Footer):
    """The footer, its keys cut at the last one that fits whole."""

    async def recompose(self) -> None:
        await super().recompose()  # the bindings changed (focus moved): new keys to fit
        self.call_after_refresh(self._fit)

    def on_resize(self, _event: events.Resize) -> None:
        for key in self._keys():
            key.display = True  # laid out again at full length, then fitted
        self.call_after_refresh(self._fit)

    def _keys(self) -> list[FooterKey]:
        return [key for key in self.query(FooterKey) if not key.has_class("-command-palette")]

    def _fit(self) -> None:
        hints = self.query(".-command-palette")
        limit = hints.first().region.x if hints else self.region.right
        keys = self._keys()
        fit = keys_that_fit([key.region.right for key in keys], limit)
        for k, key in enumerate(keys):
            key.display = k < fit
