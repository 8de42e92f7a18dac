"""The help screen, generated from the live bindings (user keymap included)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(node: DOMNode, with_action: bool = False) -> list:
    """``(keys, description, id)`` for each of kreader's bindings of ``node``, keys as the
    user sees them (and the action, ``with_action``)."""
    app = node.app
    bindings = node._bindings.copy()
    if app._keymap:
        bindings.apply_keymap(app._keymap)
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for key_bindings in bindings.key_to_bindings.values():
        for b in key_bindings:
            if not (b.description or b.tooltip) or b.system or not b.id:
                continue  # kreader's own keys have ids; Textual's generic ones do not
            text = b.description + (f" ({b.tooltip})" if b.tooltip else "")
            keys = grouped.setdefault((b.action, text, b.id or ""), [])
            display = app.get_key_display(b)
            if display not in keys:
                keys.append(display)
    if with_action:
        return [(" ".join(keys), text, ident, action) for (action, text, ident), keys in grouped.items()]
    return [(" ".join(keys), text, ident) for (_a, text, ident), keys in grouped.items()]


def help_content(groups: Sequence[tuple[str, DOMNode]], legend: str = "", marks: Content | None = None) -> Content:
    lines: list[Content] = []
    for title, node in groups:
        rows = binding_rows(node)
        if not rows:
            continue
        lines.append(Content.styled(title, "bold $accent"))
        width = max(len(k) for k, _t, _i in rows)
        for keys, text, ident in rows:
            lines.append(
                Content.assemble(
                    ("  " + keys.ljust(width), "bold"), "  ", text, ("  " + ident if ident else "", "$text-muted")
                )
            )
        lines.append(Content(""))
    lines.append(Content.assemble(("  ctrl+p", "bold"), "  the command palette: every action by name"))
    lines.append(Content(""))
    if legend:
        lines.append(Content.styled("Figures panel: codes and marks", "bold $accent"))
        lines += [Content("  " + line) for line in legend.splitlines()]
        lines.append(Content(""))
    if marks is not None:  # the colours and marks, as they render here (widgets/screens/legend.py)
        lines += [marks, Content("")]
    lines.append(Content.styled("Keys can be remapped in a keymap by the binding ids shown dimmed.", "$text-muted"))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key binding of the app and its panels."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, groups: Sequence[tuple[str, DOMNode]], legend: str = "", marks: Content | None = None) -> None:
        super().__init__()
        self._groups = groups
        self._legend = legend  # what the figures panel's codes and marks mean
        self._marks = marks  # the colours and marks, styled as drawn

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "kreader keys"
            body.border_subtitle = "Esc closes"
            yield Static(help_content(self._groups, self._legend, self._marks), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
