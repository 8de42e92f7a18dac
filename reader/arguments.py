"""The ``kreader`` command's arguments: the parser (its help written only when printed),
``--version`` and the shell completion scripts.

Only the standard library at module level, as ``reader/cli.py``: every start of the reader
builds the parser, few print its help or versions.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

COMPLETION_SHELLS = ("bash", "zsh", "fish")
SCRIPT_CHOICES = ("original", "simp", "trad", "tw", "hk")


class _VersionAction(argparse.Action):
    """``-V/--version``: kreader's version and its components' (for bug reports), then exit."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from reader.about import version_report

        sys.stdout.write(version_report())
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """The parser, whose epilog (examples, variables, this machine's folders) is written only when
    help is printed: every start of the reader builds the parser, few print its help."""

    @property
    def epilog(self) -> str:
        from reader.about import help_epilog

        return help_epilog()

    @epilog.setter
    def epilog(self, value: str | None) -> None:
        pass  # ArgumentParser.__init__ sets it; it is always the one above


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="kreader",
        description=textwrap.fill(
            "Review a scraped Chinese article in the terminal: sections, script toggle, "
            "keywords and the figures it quotes. With no FILE, opens the bundled sample article.",
            width=88,
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "file",
        nargs="*",
        metavar="FILE",
        help="articles to open, or folders of them (':n'/':p' switch; '-' reads standard input)",
    )
    _add_views(p)
    _add_options(p)
    return p


def _add_views(p: argparse.ArgumentParser) -> None:
    """The views, one at a time: printed (--dump ... --vocabulary) or served."""
    views = p.add_mutually_exclusive_group()
    views.add_argument("--dump", action="store_true", help="print the clean document as plain text with headings")
    views.add_argument("--sections", action="store_true", help="list the sections with their paragraph counts")
    views.add_argument("--repairs", action="store_true", help="list every repair the cleaner made")
    views.add_argument("--figures", action="store_true", help="list the figures (quantities) the article quotes")
    views.add_argument("--keywords", action="store_true", help="list the top keywords (jieba TF-IDF)")
    views.add_argument("--report", action="store_true", help="export the saved review (verdicts, notes, bookmarks)")
    views.add_argument(
        "--vocabulary", action="store_true", help="export the article's words with pinyin and CC-CEDICT definitions"
    )
    views.add_argument(
        "--serve", action="store_true", help="serve the reader to a web browser (textual-serve) instead of the terminal"
    )


def _add_options(p: argparse.ArgumentParser) -> None:
    """How a view is printed or served, and the options that print and exit."""
    p.add_argument(
        "--format",
        choices=("table", "json", "csv", "md"),
        default=None,
        help="output format: table (default), json or csv for the lists; "
        "md (default), csv or json for --report and --vocabulary",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write the view to OUT instead of standard output ('-': standard output)"
    )
    p.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="keep page furniture (bylines, share bars, captions, notices) in the text; it is still listed by --repairs",
    )
    p.add_argument(
        "--function-words",
        action="store_true",
        help="with --vocabulary: keep function words (的 了 在, pronouns, conjunctions, particles)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address --serve listens on (default: 127.0.0.1, loopback)")
    p.add_argument("--port", type=int, default=8000, help="port --serve listens on (default: 8000)")
    p.add_argument(
        "--expose",
        action="store_true",
        help="let --serve listen on a --host other machines can reach (anyone with the printed URL reads the article)",
    )
    p.add_argument(
        "--script",
        choices=SCRIPT_CHOICES,
        default="original",
        help="script of the printed text: simp, trad, tw (Taiwan), hk (Hong Kong); default: as written",
    )
    p.add_argument(
        "-V", "--version", action=_VersionAction, help="print the versions of kreader, Python and its libraries"
    )
    p.add_argument(
        "--print-completion",
        choices=COMPLETION_SHELLS,
        metavar="SHELL",
        help="print a completion script for SHELL (bash, zsh or fish) and exit",
    )


def print_completion(parser: argparse.ArgumentParser, shell: str, out: TextIO) -> None:
    """A completion script for ``shell``, generated from the parser by shtab."""
    import shtab

    for action in parser._actions:
        if action.dest in ("file", "output"):
            action.complete = shtab.FILE  # type: ignore[attr-defined]
    out.write(shtab.complete(parser, shell=shell))
