"""A state file that does not validate is moved aside with a notice, and the session's
review is then saved as usual (issue 13, item 12): nothing the reviewer does is lost."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from pilot import sync

from reader.review.model import FigureKey, Review
from reader.review.store import ReviewStore

TEXT = "導語。\n01\n2小時賣出223萬元，新增粉絲2.8萬。\n"
SPANS = [(TEXT.index("223萬元"), TEXT.index("223萬元") + 6), (TEXT.index("2.8萬"), TEXT.index("2.8萬") + 4)]

GOOD_VERDICT = {
    "text": "223萬元",
    "start": 9,
    "before": "",
    "after": "",
    "verdict": "verified",
    "note": "",
    "updated": "",
}


def _file(**changes) -> str:
    data = {
        "schema": 1,
        "article": {"path": "/a.txt", "hash": ""},
        "verdicts": [GOOD_VERDICT],
        "bookmarks": [],
        "position": {"section": 0, "offset": 0},
    }
    data.update(changes)
    return json.dumps(data)


MALFORMED = {
    "offset Infinity": _file().replace('"offset": 0', '"offset": Infinity'),
    "start 1e400": _file().replace('"start": 9', '"start": 1e400'),
    "offset NaN": _file().replace('"offset": 0', '"offset": NaN'),
    "deeply nested": "[" * 200_000 + "]" * 200_000,
    "nested verdicts": _file(verdicts=[[[[]]]]),
    "verdicts not a list": _file(verdicts="all verified"),
    "position null": _file(position=None),
    "offset a string": _file(position={"section": 0, "offset": "12"}),
    "offset negative": _file(position={"section": 0, "offset": -1}),
    "offset a float": _file(position={"section": 0, "offset": 1.5}),
    "start a bool": _file(verdicts=[{**GOOD_VERDICT, "start": True}]),
    "note a number": _file(verdicts=[{**GOOD_VERDICT, "note": 5}]),
    "unknown verdict": _file(verdicts=[{**GOOD_VERDICT, "verdict": "maybe"}]),
    "bookmark an array": _file(bookmarks=[[1, 2]]),
    "top a list": "[]",
    "not utf-8": b"\xff\xfe{".decode("latin-1"),
}


def key(word: str) -> FigureKey:
    start = TEXT.index(word)
    return FigureKey.at(TEXT, start, start + len(word))


@pytest.mark.parametrize("content", list(MALFORMED.values()), ids=list(MALFORMED))
def test_a_malformed_file_is_moved_aside_and_the_review_saved(tmp_path, content):
    store = ReviewStore("/a.txt", TEXT, SPANS, directory=tmp_path)
    store.path.write_text(content, encoding="latin-1" if content.startswith("\xff") else "utf-8")
    loaded = store.load()
    assert loaded.review == Review()
    assert len(loaded.notices) == 1 and "unreadable" in loaded.notices[0] and "\n" not in loaded.notices[0]
    aside = list(tmp_path.glob(store.path.name + ".corrupt-*"))
    assert len(aside) == 1 and len(aside[0].read_bytes()) >= 2  # kept, never deleted
    review = loaded.review.with_verdict(key("223萬元"), "wrong").with_verdict(key("2.8萬"), "doubtful")
    store.save(review)
    assert ReviewStore("/a.txt", TEXT, SPANS, directory=tmp_path).load().review.reviewed_count() == 2


def test_a_file_spoiled_while_open_is_moved_aside_at_the_next_save(tmp_path):
    store = ReviewStore("/a.txt", TEXT, SPANS, directory=tmp_path)
    store.load()
    store.path.write_text(MALFORMED["offset Infinity"], encoding="utf-8")
    store.save(Review().with_verdict(key("223萬元"), "verified"))
    assert store.save_notices and list(tmp_path.glob("*.corrupt-*"))
    assert store.load().review.reviewed_count() == 1


def test_two_spoiled_files_in_one_second_are_both_kept(tmp_path):
    store = ReviewStore("/a.txt", TEXT, SPANS, directory=tmp_path)
    for content in ("[]", "{}"):
        store.path.write_text(content, encoding="utf-8")
        store.load()
    assert sorted(p.read_text() for p in tmp_path.glob("*.corrupt-*")) == ["[]", "{}"]


def test_the_cli_report_says_so_in_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    state = tmp_path / "state"
    env = {"KREADER_STATE_DIR": str(state)}
    assert run_cli("--report", str(article), env=env).returncode == 0
    state.mkdir(exist_ok=True)
    for path in state.glob("*.json"):
        path.unlink()
    from reader.load import load_document

    doc = load_document(str(article))
    store = ReviewStore(str(article), doc.text, [], directory=state)
    store.path.write_text(MALFORMED["start 1e400"], encoding="utf-8")
    proc = run_cli("--report", str(article), env=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kreader: review file was unreadable") and "internal" not in lines[0]


@sync
async def test_the_reader_moves_it_aside_and_saves_every_verdict(tmp_path, monkeypatch):
    from reader.enrich import with_figures
    from reader.load import load_document
    from reader.locations import sample_article
    from widgets.app import KreaderApp

    monkeypatch.setenv("KREADER_STATE_DIR", str(tmp_path))
    doc = with_figures(load_document(sample_article()), labels=False)
    store = ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures])
    store.path.write_text(MALFORMED["offset Infinity"], encoding="utf-8")
    app = KreaderApp(doc, enrich=False, persist=True)
    messages: list[str] = []
    app.notify = lambda message, **kw: messages.append(message)  # before the review loads
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f", "v", "v", "v")
        await app.workers.wait_for_complete()
    assert any("unreadable" in m and ".corrupt-" in m for m in messages)
    saved = ReviewStore(doc.source, doc.text, [(f.start, f.end) for f in doc.figures]).load()
    assert saved.notices == [] and saved.review.reviewed_count() == 3
