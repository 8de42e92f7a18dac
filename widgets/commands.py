"""Command palette provider: go to section, set script, highlight, search."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from reader.text.script import SCRIPTS
from widgets.header_bar import SCRIPT_NAMES

if TYPE_CHECKING:
    from widgets.app import KreaderApp

_PREFIXES = ("search", "find", "add", "highlight", "term")


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as plain Content (never markup) with the fuzzy-matched letters styled."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for k in offsets:
            content = content.stylize(matcher.match_style, k, k + 1)
    return content


def typed_term(query: str) -> str:
    """What the user typed after an optional command word ("search 过去" -> "过去").

    >>> typed_term("add 服务商"), typed_term("過去"), typed_term("search")
    ('服务商', '過去', '')
    """
    words = query.strip().split(maxsplit=1)
    if words and words[0].lower() in _PREFIXES:
        return words[1].strip() if len(words) > 1 else ""
    return query.strip()


def in_palette(ident: str) -> bool:
    """Is the binding ``ident`` an action for the palette (not a cursor step or a mode's key)?

    >>> [in_palette(i) for i in ("review.export", "article.pinyin", "figures.down", "words.next", "app.quit")]
    [True, True, False, False, True]
    """
    if ident.startswith(("words.", "search.")):
        return False
    return not ident.endswith((".down", ".up", ".cursor-down", ".cursor-up", ".leave", ".select"))


def binding_commands(app) -> list[tuple[str, Callable, str]]:
    """Every key's action by name, run on the pane that holds it: the palette has them all."""
    from widgets.screens.help import binding_rows

    commands: list[tuple[str, Callable, str]] = []
    for pane, node in app.binding_groups():
        for keys, text, ident, action in binding_rows(node, with_action=True):
            if ident and in_palette(ident):
                name = f"{text.split(' (')[0]} ({pane.lower()})" if pane != "Anywhere" else text.split(" (")[0]
                commands.append((name, partial(node.run_action, action), f"{keys} · {text}"))
    return commands


class ReaderCommands(Provider):
    """Commands over the article the app is showing."""

    @property
    def reader(self) -> KreaderApp:
        """The app, as the reader it is (this provider is only given to it)."""
        return cast("KreaderApp", self.app)

    def _fixed(self) -> list[tuple[str, Callable, str]]:
        app = self.reader
        commands: list[tuple[str, Callable, str]] = []
        for s in app.document.sections:
            commands.append(
                (f"Go to section: {s.label}", partial(app.go_to_section, s.index), "Scroll the article to this section")
            )
        for script in SCRIPTS:
            commands.append(
                (
                    f"Set script: {SCRIPT_NAMES[script]}",
                    partial(app.set_script, script),
                    "Show the article in this script",
                )
            )
        commands.append(
            ("Toggle keyword highlighting", app.action_toggle_highlight, "Show or hide the keyword highlights")
        )
        commands.append(("Add highlight term…", app.action_prompt_term, "Highlight a word of your own"))
        commands.append(("Search…", app.action_search, "Incremental search in both scripts"))
        return commands + binding_commands(app)

    async def discover(self) -> Hits:
        for name, command, help_text in self._fixed():
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self._fixed():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), command, text=name, help=help_text)
        term = typed_term(query)
        if term:
            app = self.reader
            yield Hit(
                0.3,
                Content.assemble("Search for ", (term, "bold")),
                partial(app.start_search, term),
                text=f"Search for {term}",
                help="Find it in either script; n/N move between matches",
            )
            yield Hit(
                0.29,
                Content.assemble("Add highlight term ", (term, "bold")),
                partial(app.add_highlight_term, term),
                text=f"Add highlight term {term}",
                help="Highlight it everywhere, in either script",
            )
