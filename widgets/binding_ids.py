"""Every binding id of the app (what a key map may name), for telling the user of one
that names nothing."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode


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
