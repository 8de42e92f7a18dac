"""The user's key map: binding ids -> keys, from a TOML file.

``$KREADER_KEYMAP`` or ``<user config dir>/kreader/keymap.toml``::

    [keymap]
    "app.script" = "z"          # cycle the script with z instead of t
    "article.page-down" = "space,ctrl+f"

Every binding in the app has an id (the help screen lists them).  A missing
file is no key map; a broken one is reported, never fatal.

>>> parse_keymap('[keymap]\\n"app.quit" = "ctrl+q"\\n')
{'app.quit': 'ctrl+q'}
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from pathlib import Path

from reader import locations


class KeymapError(ValueError):
    """A key map file that cannot be used; the message says why, in one line."""


def keymap_path() -> Path:
    return locations.keymap_path()


def parse_keymap(source: str) -> dict[str, str]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        raise KeymapError(f"not valid TOML ({err})") from None
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        raise KeymapError('[keymap] must be a table of binding id = "keys"')
    bad = [k for k, v in table.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        raise KeymapError(f"keys must be non-empty strings (check {', '.join(sorted(bad))})")
    return {str(k): v.strip() for k, v in table.items()}


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The user's key map ({} when there is no file); KeymapError when it is unusable."""
    path = path or keymap_path()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        raise KeymapError(f"cannot read {path}: {err}") from None
    return parse_keymap(source)


def unknown_ids(keymap: dict[str, str], known: Iterable[str]) -> list[str]:
    """The key map's binding ids that name no binding, each with the nearest known id if
    one is close (a typo): a remap that silently does nothing is a remap the user never
    learns failed.

    >>> unknown_ids({"app.script": "z", "app.scirpt": "y", "no.such": "x"}, ["app.script", "app.quit"])
    ['app.scirpt (app.script?)', 'no.such']
    """
    known = set(known)
    out = []
    for name in sorted(keymap):
        if name not in known:
            near = difflib.get_close_matches(name, known, n=1)
            out.append(f"{name} ({near[0]}?)" if near else name)
    return out
