"""Every binding id of the app (what a key map may name), for telling the user of one
that names nothing; the user's key map applied."""

from __future__ import annotations

import importlib
import pkgutil

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from reader.text.visible import shown_name


def known_binding_ids() -> set[str]:
    """The ids of the bindings of every widget and screen class loaded, with the screens
    that are imported only when first shown imported now."""
    import widgets.screens

    for module in pkgutil.iter_modules(widgets.screens.__path__):
        importlib.import_module(f"widgets.screens.{module.name}")
    ids: set[str] = set()
    for cls in _subclasses(DOMNode):
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def _subclasses(cls: type) -> set[type]:
    found: set[type] = set()
    todo: list[type] = [cls]
    while todo:
        subclasses: list[type] = type.__subclasses__(todo.pop())
        for sub in subclasses:
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def apply_user_keymap(app: App) -> None:
    """Remap keys by the user's key map (reader/keymap.py); one that cannot be read is
    ignored, and ids that name no binding are told, with a notice each."""
    from reader.keymap import KeymapError, keymap_path, load_keymap, unknown_ids

    try:
        keymap = load_keymap()
    except KeymapError as err:
        app.notify(
            f"key map {shown_name(keymap_path())} ignored: {shown_name(str(err))}", severity="warning", markup=False
        )
        return
    if not keymap:
        return
    app.set_keymap(keymap)
    unknown = unknown_ids(keymap, known_binding_ids())
    if unknown:
        app.notify(
            f"key map {shown_name(keymap_path())}: no binding has the id {shown_name(', '.join(unknown))} "
            "(? lists the ids); the other keys are remapped.",
            severity="warning",
            timeout=12,
            markup=False,
        )
