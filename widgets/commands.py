"""Command palette provider: go to section, set script, highlight, search."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from reader.text.script import SCRIPTS
from widgets.header_bar import SCRIPT_NAMES

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


class ReaderCommands(Provider):
    """Commands over the article the app is showing."""

    def _fixed(self) -> list[tuple[str, Callable, str]]:
        app = self.app
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
        return commands

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
            app = self.app
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
