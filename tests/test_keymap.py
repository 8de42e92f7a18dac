"""A user key map remaps bindings by id; a broken one is a notice, not a crash."""

from __future__ import annotations

import asyncio

import pytest

from reader.keymap import KeymapError, load_keymap, parse_keymap
from reader.load import load_document
from reader.locations import sample_article
from widgets.app import KreaderApp


def test_parse_and_reject():
    assert parse_keymap('[keymap]\n"app.script" = "z"\n') == {"app.script": "z"}
    with pytest.raises(KeymapError):
        parse_keymap("[keymap\n")
    with pytest.raises(KeymapError):
        parse_keymap('[keymap]\n"app.script" = 3\n')


def test_missing_file_is_no_keymap(tmp_path):
    assert load_keymap(tmp_path / "none.toml") == {}


def test_user_keymap_remaps_the_script_key(tmp_path, monkeypatch):
    path = tmp_path / "keymap.toml"
    path.write_text('[keymap]\n"app.script" = "z"\n', encoding="utf-8")
    monkeypatch.setenv("KREADER_KEYMAP", str(path))

    async def run() -> None:
        app = KreaderApp(load_document(sample_article()), enrich=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("t")
            await pilot.pause()
            assert app.article.script == "original"  # t no longer cycles
            await pilot.press("z")
            await pilot.pause()
            assert app.article.script == "simp"

    asyncio.run(run())


def test_broken_keymap_is_a_notice(tmp_path, monkeypatch):
    path = tmp_path / "keymap.toml"
    path.write_text("[keymap\n", encoding="utf-8")
    monkeypatch.setenv("KREADER_KEYMAP", str(path))

    async def run() -> None:
        app = KreaderApp(load_document(sample_article()), enrich=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert any("key map" in str(n.message) for n in app._notifications)
            await pilot.press("t")
            await pilot.pause()
            assert app.article.script == "simp"  # defaults still work

    asyncio.run(run())


def test_an_unknown_binding_id_is_a_notice(tmp_path, monkeypatch):
    """Issue 13, item 14: a remap naming no binding says so (with the id it was probably meant
    to be); the others still apply."""
    path = tmp_path / "keymap.toml"
    path.write_text('[keymap]\n"app.scirpt" = "y"\n"app.script" = "z"\n"bookmarks.close" = "c"\n', encoding="utf-8")
    monkeypatch.setenv("KREADER_KEYMAP", str(path))

    async def run() -> None:
        app = KreaderApp(load_document(sample_article()), enrich=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            notices = [str(n.message) for n in app._notifications]
            assert any("app.scirpt (app.script?)" in m for m in notices), notices
            assert not any("bookmarks.close" in m for m in notices)  # a screen's id is known before it is shown
            await pilot.press("z")
            await pilot.pause()
            assert app.article.script == "simp"

    asyncio.run(run())
