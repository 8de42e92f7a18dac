"""Where bundled data lives: ``reader/assets`` in a wheel, ``assets/`` in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


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
