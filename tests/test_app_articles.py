"""Several articles in one session: :n/:p, {/}, the picker, the header's 2/3, and each
article keeping its own review and reading position (issue 17, "Several articles")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import sync, until

from reader.articles import ArticleList
from reader.locations import sample_article
from reader.pipeline import open_document
from widgets.app import KreaderApp
from widgets.header_bar import HeaderBar


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def three_articles(folder: Path) -> tuple[str, ...]:
    """Three different articles, each long enough to scroll and quoting figures."""
    lines = Path(sample_article()).read_text(encoding="utf-8").splitlines(keepends=True)
    third = len(lines) // 3
    paths = []
    for k, name in enumerate(("a.txt", "b.txt", "c.txt")):
        path = folder / name
        path.write_text("".join(lines[k * third : (k + 1) * third]), encoding="utf-8")
        paths.append(str(path))
    return tuple(paths)


def app_on(paths: tuple[str, ...], *, persist: bool = False, unreadable=None) -> KreaderApp:
    return KreaderApp(open_document(paths[0]), articles=ArticleList(paths), persist=persist, unreadable=unreadable)


def header(app) -> str:
    return str(app.query_one(HeaderBar).render())


def listed(app) -> list[str]:
    """The lines the command palette lists now."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return []
    options = lists.first()
    return [str(options.get_option_at_index(k).prompt).split("\n")[0] for k in range(options.option_count)]


def shown(app) -> str:
    return Path(app.document.source).name


async def switched_to(pilot, name: str) -> None:
    app = pilot.app
    # generous: jieba loads on the first enrichment, and the machine may be busy
    await until(pilot, lambda: shown(app) == name and app.loading.opened, timeout=60, what=f"{name} shown")
    await until(pilot, lambda: not app.enrichment and app.document.figures, timeout=60, what=f"{name} enriched")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@sync
async def test_colon_n_and_p_switch_articles_and_each_keeps_its_verdicts_and_place(tmp_path):
    paths = three_articles(tmp_path)
    app = app_on(paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await switched_to(pilot, "a.txt")
        top = app.article.top_offset
        assert "a.txt (1/3)" in header(app)
        await pilot.press("colon", "n")
        await switched_to(pilot, "b.txt")
        assert "b.txt (2/3)" in header(app)
        await pilot.press("f", "v", "escape")
        await pilot.press("right_square_bracket", "j", "j")
        await pilot.pause()
        place = app.article.top_offset
        assert place > 0 and app.review.reviewed() == 1
        await pilot.press("colon", "n")
        await switched_to(pilot, "c.txt")
        assert "(3/3)" in header(app) and app.review.reviewed() == 0
        assert app.article.top_offset <= 1
        await pilot.press("colon", "p")
        await switched_to(pilot, "b.txt")
        await until(pilot, lambda: app.article.top_offset == place, what="b's place restored")
        assert app.review.reviewed() == 1 and "1/" in header(app)
        await pilot.press("colon", "p")
        await switched_to(pilot, "a.txt")
        assert app.review.reviewed() == 0 and app.article.top_offset == top


@sync
async def test_with_persistence_the_place_and_verdicts_come_back_when_switching_back(tmp_path):
    paths = three_articles(tmp_path)
    app = app_on(paths, persist=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("f", "v", "escape", "right_square_bracket", "j")
        await pilot.pause()
        place = app.article.top_offset
        await pilot.press("right_curly_bracket")
        await switched_to(pilot, "b.txt")
        await pilot.press("left_curly_bracket")
        await switched_to(pilot, "a.txt")
        # the place is the paragraph read, as after a restart (the row at the top may be the gap before it)
        await until(pilot, lambda: place <= app.article.top_offset <= place + 5, what="a's place restored")
        assert app.review.reviewed() == 1


@sync
async def test_the_picker_lists_the_articles_by_shown_name_and_opens_one(tmp_path):
    paths = three_articles(tmp_path)
    odd = tmp_path / "c[bold]\x1b[31m.txt"  # a name that must neither style nor reach the terminal raw
    Path(paths[2]).rename(odd)
    paths = (paths[0], paths[1], str(odd))
    app = app_on(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("a")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"bold")
        await until(pilot, lambda: listed(app) == ["3/3  " + str(tmp_path) + "/c[bold]\\x1b[31m.txt"], what="one hit")
        await pilot.press("enter")
        await switched_to(pilot, odd.name)
        assert "(3/3)" in header(app) and "\x1b" not in header(app) and "\\x1b" in header(app)


@sync
async def test_an_unreadable_article_is_stepped_over_with_a_notice(tmp_path):
    paths = three_articles(tmp_path)
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    app = app_on((paths[0], str(binary), paths[2]))
    notices: list[str] = []
    app.notify = lambda message, **kw: notices.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("colon", "n")
        await switched_to(pilot, "c.txt")
        assert "(3/3)" in header(app)
        assert any("b.bin" in n and "skipped" in n for n in notices)
        await pilot.press("colon", "p")  # the unreadable one is skipped backwards too
        await switched_to(pilot, "a.txt")
        await pilot.press("colon", "p")
        await pilot.pause()
        assert any("first article" in n for n in notices) and shown(app) == "a.txt"


@sync
async def test_articles_skipped_at_start_are_told_and_one_article_has_no_position(tmp_path):
    paths = three_articles(tmp_path)
    binary = tmp_path / "0.bin"
    binary.write_bytes(b"\x00binary")
    listed_paths = (str(binary), paths[1], paths[2])
    app = KreaderApp(
        open_document(paths[1]), articles=ArticleList(listed_paths, 1), unreadable={0: f"{binary}: binary file"}
    )
    notices: list[str] = []
    app.notify = lambda message, **kw: notices.append(str(message))  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "b.txt")
        assert "b.txt (2/3)" in header(app)
        assert any("cannot be read" in n and "0.bin" in n for n in notices)
        await pilot.press("colon", "p")  # the only one before cannot be read
        await pilot.pause()
        assert shown(app) == "b.txt" and any("first article" in n for n in notices)
    single = KreaderApp(open_document(paths[0]))
    async with single.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        assert "(1/1)" not in header(single) and "a.txt" in header(single)
        await pilot.press("colon", "n")
        await pilot.pause()
        assert shown(single) == "a.txt"


@sync
async def test_the_article_keys_can_be_remapped_in_the_key_map(tmp_path, monkeypatch):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keymap]\n"articles.next" = "ctrl+n"\n', encoding="utf-8")
    monkeypatch.setenv("KREADER_KEYMAP", str(keymap))
    paths = three_articles(tmp_path)
    app = app_on(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("ctrl+n")
        await switched_to(pilot, "b.txt")


@sync
async def test_file_watching_follows_the_article_shown(tmp_path):
    paths = three_articles(tmp_path)
    app = app_on(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("colon", "n")
        await switched_to(pilot, "b.txt")
        with open(paths[0], "a", encoding="utf-8") as f:
            f.write("新的一段。\n")
        assert app.file_watch.check_file() == "same"  # a.txt is no longer the one watched
        with open(paths[1], "a", encoding="utf-8") as f:
            f.write("新的一段。\n")
        assert app.file_watch.check_file() == "changed"


@sync
async def test_verdicts_given_before_switching_are_saved_for_the_next_session(tmp_path):
    paths = three_articles(tmp_path)
    app = app_on(paths, persist=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("f", "v", "v", "escape", "colon", "n")
        await switched_to(pilot, "b.txt")
        await pilot.press("f", "x", "escape")
    again = app_on(paths, persist=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await until(pilot, lambda: again.review.reviewed() == 2, what="a's verdicts read")
        await pilot.press("colon", "n")
        await switched_to(pilot, "b.txt")
        await until(pilot, lambda: again.review.reviewed() == 1, what="b's verdict read")


@sync
async def test_an_enrichment_step_or_a_reload_for_another_article_is_dropped(tmp_path):
    from reader.load import load_document
    from widgets.messages import Enriched, Reloaded

    paths = three_articles(tmp_path)
    app = app_on(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        before = app.document
        app.post_message(Enriched(figures=(), keywords=(), text="the text of the article left"))
        app.post_message(Reloaded(load_document(paths[1]), None, source=paths[1]))
        await pilot.pause()
        await pilot.pause()
        assert app.document is before and app.document.figures


@sync
async def test_undo_is_kept_per_article(tmp_path):
    paths = three_articles(tmp_path)
    app = app_on(paths)
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("f", "v", "v", "escape")
        assert app.review.reviewed() == 2
        await pilot.press("colon", "n")
        await switched_to(pilot, "b.txt")
        await pilot.press("f", "x", "escape", "u", "u")  # b's undo has one verdict: the second says so
        assert app.review.reviewed() == 0
        await pilot.press("colon", "p")
        await switched_to(pilot, "a.txt")
        await pilot.press("u")
        assert app.review.reviewed() == 1
        await pilot.press("u")
        assert app.review.reviewed() == 0


@sync
async def test_an_export_is_never_written_among_the_articles_listed(tmp_path, monkeypatch, state_dir):
    """`kreader a.txt other/b.txt` run beside a.txt: b's export does not become an article of
    a.txt's folder (and one found there is not listed)."""
    from reader.articles import expand

    paths = three_articles(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    moved = other / "b.txt"
    Path(paths[1]).rename(moved)
    monkeypatch.chdir(tmp_path)
    app = app_on((paths[0], str(moved)))
    async with app.run_test(size=(100, 30)) as pilot:
        await switched_to(pilot, "a.txt")
        await pilot.press("colon", "n")
        await switched_to(pilot, "b.txt")
        await pilot.press("E")
        await until(pilot, lambda: list((state_dir / "reports").glob("b-*.md")), timeout=60, what="exported")
    assert not list(tmp_path.glob("*.md"))
    (tmp_path / "b-0123abcd.review.md").write_text("# Review of b.txt\n", encoding="utf-8")
    assert [Path(p).name for p in expand([str(tmp_path)])] == ["a.txt", "c.txt"]
