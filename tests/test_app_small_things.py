"""The small things a careful user trips on, and what `less` users reach for: keys that
mean one thing everywhere, a help of kreader's own keys by pane, every action in the
palette, the percent position, ctrl+o back after a jump, y copies; the README's key
tables match the live bindings."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from pilot import sync, until

from reader.enrich import with_figures
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp
from widgets.commands import ReaderCommands, binding_commands
from widgets.review.saving import reading_at
from widgets.screens.help import binding_rows

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def sample():
    return with_figures(load_document(sample_article()), labels=False)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))


@sync
async def test_f_and_c_focus_their_panel_from_the_panel_too():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", "f")
        assert app.figures.has_focus and app.figures.filter == "all"  # f no longer filters
        await pilot.press("F")
        assert app.figures.filter == "unreviewed"
        await pilot.press("c")
        assert app.sections.has_focus


@sync
async def test_help_shows_kreaders_own_keys_by_pane_once():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        text = str(app.screen.query_one("#help-text").render())
        assert text.count("Quit") == 1  # Textual's ctrl+q is not listed beside q
        assert "Scroll Left" not in text and "Move cursor left" not in text  # Textual's generic keys
        for pane in ("Anywhere", "Article", "Sections panel", "Figures panel"):
            assert pane in text
        assert "ctrl+p" in text and "app.jump-back" in text and "app.copy" in text


@sync
async def test_the_palette_has_every_action():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)):
        names = [name for name, _command, _help in ReaderCommands(app.screen)._fixed()]
        for wanted in ("Export review", "Pinyin (article)", "Bookmarks", "Filter (figures panel)", "Quit"):
            assert wanted in names, (wanted, names)
        # each of them runs the binding's action on its pane
        by_name = {name: command for name, command, _help in binding_commands(app)}
        await by_name["Filter (figures panel)"]()
        assert app.figures.filter == "unreviewed"


@sync
async def test_status_line_shows_the_percent_position():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert re.search(r"\b0%", str(app.query_one("#status").render()))
        await pilot.press("G")
        await pilot.pause()
        assert "100%" in str(app.query_one("#status").render())


@sync
async def test_ctrl_o_goes_back_to_where_the_jump_started_and_again_returns():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "j")
        start = app.article.top_offset
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        there = app.article.top_offset
        await pilot.press("ctrl+o")
        await pilot.pause()
        middle = app.article.top_offset  # where the second jump started
        assert start < middle < there
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.article.top_offset == there


@sync
async def test_y_copies_the_paragraph_or_the_figure_with_its_sentence():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("y")
        view = app.article
        assert copied[-1] == view.blocks[view.current_block].paragraph.text
        await pilot.press("f", "y")
        f = doc.figures[app.figures.figure_at_cursor()]
        assert copied[-1].startswith(f.text) and f.sentence in copied[-1]


def readme_keys(section: str) -> set[str]:
    """The keys named in the first column of the README section's key table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    keys = set()
    for line in body.splitlines():
        if line.startswith("| ") and not line.startswith(("| keys", "|---")):
            keys |= set(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return keys


@sync
async def test_readme_key_tables_match_the_live_bindings():
    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)):
        live = set()
        for _pane, node in app.binding_groups():
            for keys, _text, _ident in binding_rows(node):
                live |= set(keys.split())
        documented = readme_keys("Reading (the TUI)") | readme_keys("Reading aids") | readme_keys("Reviewing")
        # every documented key is live (the README does not promise what is not there) ...
        display = {"'": "'", "?": "?", "/": "/", "[": "[", "]": "]"}
        missing = {k for k in documented if display.get(k, k) not in live and len(k) == 1}
        assert not missing, f"README keys without a binding: {sorted(missing)}"
        # ... and every single-letter key of kreader's own is documented
        letters = {k for k in live if len(k) == 1 and k.isalpha()}
        assert letters <= documented, f"live keys the README does not list: {sorted(letters - documented)}"


@sync
async def test_R_lists_the_repairs_by_kind_and_enter_jumps_to_one():
    doc = load_document(sample_article())
    assert len(doc.repairs) > 10
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        top = app.article.top_offset
        await pilot.press("R")
        from textual.widgets import OptionList

        from widgets.screens.repairs import RepairsScreen

        assert isinstance(app.screen, RepairsScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(doc.repairs) and f"Repairs ({len(doc.repairs)})" in str(options.border_title)
        kinds = [str(options.get_option_at_index(k).prompt).split()[0] for k in range(options.option_count)]
        assert kinds == sorted(kinds)  # by kind
        last = max(r.offset for r in doc.repairs)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, RepairsScreen) and app.article.has_focus
        _block, (start, end) = reading_at(app.article, (0, 0))
        chosen = sorted((r.kind, r.offset) for r in doc.repairs)[-1][1]
        assert start <= chosen <= end and last >= chosen
        await pilot.press("ctrl+o")  # and back
        await pilot.pause()
        assert app.article.top_offset == top


@sync
async def test_ctrl_r_in_the_search_line_toggles_regular_expressions():
    doc = sample()
    app = KreaderApp(doc, enrich=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"[0-9]+萬")
        await until(pilot, lambda: not app.article.search.searching, what="plain search done")
        assert app.article.search.hits == []  # plain text by default: the brackets are literal
        await pilot.press("ctrl+r")
        await until(pilot, lambda: app.article.search.hits and not app.article.search.searching, what="regex hits")
        texts = {doc.text[s:e] for s, e in app.article.search.hits}
        assert "223萬" in texts and all(re.fullmatch(r"[0-9]+[萬万]", t) for t in texts)
        assert "regex" in str(app.query_one("#status").render())
        await pilot.press("ctrl+r", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "(")
        await pilot.press("ctrl+r")  # an unfinished pattern says why instead of failing
        await pilot.pause()
        query = app.article.search_query
        assert query.endswith("(") and f"regex “{query}”: " in str(app.query_one("#status").render())


@sync
async def test_n_without_a_search_says_how_to_start_one():
    app = KreaderApp(sample(), enrich=False)
    said = []
    app.notify = lambda message, **kw: said.append(message)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert said == ["No search yet: / starts one."]


def kreader_bindings():
    """(class, binding) for every binding that kreader's own widgets and screens declare."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from widgets.binding_ids import _subclasses, known_binding_ids

    known_binding_ids()  # imports the screens shown only on demand
    for cls in _subclasses(DOMNode):
        if cls.__module__.startswith("widgets."):
            for binding in cls.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding):
                    yield cls, binding


@sync
async def test_every_binding_has_an_id_a_help_line_and_a_palette_command():
    """Adding a key without an id or a description, or one the palette cannot run, fails here."""
    from textual.screen import ModalScreen

    from widgets.commands import in_palette

    app = KreaderApp(sample(), enrich=False)
    async with app.run_test(size=(120, 36)):
        panes = {}
        for pane, node in app.binding_groups():
            for _keys, text, ident in binding_rows(node):
                panes[ident] = (pane, text)
        palette = {help_text.split(" · ", 1)[1] for _name, _command, help_text in binding_commands(app)}
        for cls, binding in kreader_bindings():
            assert binding.id and binding.description, f"{cls.__name__}: {binding.key} has no id or description"
            if issubclass(cls, ModalScreen):
                continue  # a list's or a prompt's own keys: they act on what it shows
            assert binding.id in panes, f"{binding.id} is not in the help"
            if in_palette(binding.id):
                assert panes[binding.id][1] in palette, f"{binding.id} has no palette command"
            else:  # only cursor steps and a mode's keys stay out of the palette
                steps = ("down", "up", "cursor-down", "cursor-up", "leave", "select")
                assert binding.id.startswith(("words.", "search.")) or binding.id.rsplit(".", 1)[1] in steps
