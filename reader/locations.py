"""Where kreader's files live: bundled data, and the user's cache, state and configuration.

Bundled data is ``reader/assets`` in a wheel, ``assets/`` in a checkout.  The user's folders
follow the platform's conventions (platformdirs: XDG on Linux, ``~/Library`` on macOS), and
each can be moved with an environment variable (``KREADER_CACHE_DIR``, ``KREADER_STATE_DIR``,
``KREADER_CONFIG_DIR``, ``KREADER_KEYMAP``) — the tests point them, and XDG's, at temporary folders.

>>> import os; os.environ["KREADER_CACHE_DIR"] = "/tmp/kreader-doctest-cache"
>>> str(cache_dir(create=False))
'/tmp/kreader-doctest-cache'
>>> del os.environ["KREADER_CACHE_DIR"]
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_HERE = Path(__file__).resolve().parent
APP = "kreader"


def assets_dir() -> Path:
    """The folder holding the sample article, the jieba user dictionary and the CSS."""
    for candidate in (_HERE / "assets", _HERE.parent / "assets"):
        if (candidate / "sample-article.txt").is_file():
            return candidate
    raise FileNotFoundError("kreader's assets folder is missing from this installation")


def asset(name: str) -> Path:
    return assets_dir() / name


def sample_article() -> Path:
    return asset("sample-article.txt")


def _chosen(variable: str, default: str, create: bool) -> Path:
    override = os.environ.get(variable)
    path = Path(override).expanduser() if override else Path(default)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir(create: bool = True) -> Path:
    """Disposable data kreader derives (lexicon, dictionary, IDF tables): ``$KREADER_CACHE_DIR``
    or the platform's user cache folder."""
    return _chosen("KREADER_CACHE_DIR", platformdirs.user_cache_dir(APP), create)


def state_dir(create: bool = True) -> Path:
    """Reviews (verdicts, notes, bookmarks, positions): ``$KREADER_STATE_DIR`` or the platform's
    user state folder."""
    return _chosen("KREADER_STATE_DIR", platformdirs.user_state_dir(APP), create)


def config_dir() -> Path:
    """The user's settings (holds ``keymap.toml``, see :mod:`reader.keymap`): ``$KREADER_CONFIG_DIR``
    or the platform's user configuration folder; never created."""
    return _chosen("KREADER_CONFIG_DIR", platformdirs.user_config_dir(APP), False)


def keymap_path() -> Path:
    """``$KREADER_KEYMAP``, else ``keymap.toml`` in the config folder."""
    override = os.environ.get("KREADER_KEYMAP")
    return Path(override).expanduser() if override else config_dir() / "keymap.toml"
