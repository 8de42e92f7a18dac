"""Every test run uses temporary user folders, never the developer's (issue 13).

Set before anything is collected, in the environment that subprocess and pty tests
inherit, and for every pytest-xdist worker (each runs this too): the cache (the SQLite
lexicon, jieba's dictionary cache), the review state and the key map.  The cache is
shared by the run's tests, so that the lexicon is built once per process.
"""

from __future__ import annotations

import os
import shutil
import tempfile

_USER_VARIABLES = {
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
}
_saved: dict[str, str | None] = {}
_base: list[str] = []


def pytest_configure(config) -> None:
    base = tempfile.mkdtemp(prefix="kreader-tests-")
    _base.append(base)
    values = {name: os.path.join(base, sub) for name, sub in _USER_VARIABLES.items()}
    values |= {
        "KREADER_CACHE_DIR": os.path.join(values["XDG_CACHE_HOME"], "kreader"),
        "KREADER_STATE_DIR": os.path.join(values["XDG_STATE_HOME"], "kreader"),
        "KREADER_CONFIG_DIR": os.path.join(values["XDG_CONFIG_HOME"], "kreader"),
        "KREADER_KEYMAP": os.path.join(values["XDG_CONFIG_HOME"], "kreader", "keymap.toml"),
    }
    for name, value in values.items():
        _saved[name] = os.environ.get(name)
        os.environ[name] = value


def pytest_unconfigure(config) -> None:
    for name, value in _saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    for base in _base:
        shutil.rmtree(base, ignore_errors=True)
