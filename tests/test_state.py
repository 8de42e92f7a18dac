"""Review persistence: round trip, atomic writes under kill -9, corrupt files, two processes, changed articles."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from reader.review.model import Bookmark, FigureKey, Position, Review, merge, reattach
from reader.review.store import ReviewStore, atomic_write

TEXT = "導語。\n01\n2小時賣出223萬元，新增粉絲2.8萬。粉絲2.8萬。\n"


def spans(text: str) -> list[tuple[int, int]]:
    out = []
    for word in ("223萬元", "2.8萬"):
        i = text.find(word)
        while i != -1:
            out.append((i, i + len(word)))
            i = text.find(word, i + 1)
    return sorted(out)


def key(text: str, word: str, nth: int = 0) -> FigureKey:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return FigureKey.at(text, start, start + len(word))


@pytest.fixture
def store(tmp_path):
    return ReviewStore("/articles/a.txt", TEXT, spans(TEXT), directory=tmp_path)


def test_round_trip_keeps_verdicts_notes_position_bookmarks(store, tmp_path):
    review = (
        Review()
        .with_verdict(key(TEXT, "223萬元"), "verified", "對過直播回放")
        .with_verdict(key(TEXT, "2.8萬"), "doubtful")
        .with_bookmark(Bookmark(10, 1, "2小時賣出"))
        .with_position(Position(1, 12))
    )
    store.save(review)
    again = ReviewStore("/articles/a.txt", TEXT, spans(TEXT), directory=tmp_path).load()
    assert again.notices == []
    got = again.review
    assert got.verdict_for(key(TEXT, "223萬元")).note == "對過直播回放"
    assert got.verdict_for(key(TEXT, "2.8萬")).verdict == "doubtful"
    assert got.position == Position(1, 12) and [b.offset for b in got.bookmarks] == [10]
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["schema"] == 1 and data["article"]["path"] == "/articles/a.txt"


def test_clearing_a_verdict_survives_a_merge(store):
    k = key(TEXT, "223萬元")
    store.save(Review().with_verdict(k, "wrong"))
    time.sleep(0.002)
    merged = store.save(Review().with_verdict(k, None))
    assert merged.verdict_for(k) is None


def test_two_processes_keep_each_others_verdicts(store, tmp_path):
    a = Review().with_verdict(key(TEXT, "223萬元"), "verified")
    b = Review().with_verdict(key(TEXT, "2.8萬"), "wrong", "應為2.6萬")
    store.save(a)
    other = ReviewStore("/articles/a.txt", TEXT, spans(TEXT), directory=tmp_path)
    other.save(b)  # b never saw a's verdict
    final = store.load().review
    assert final.verdict_for(key(TEXT, "223萬元")).verdict == "verified"
    assert final.verdict_for(key(TEXT, "2.8萬")).note == "應為2.6萬"


def test_concurrent_writers_lose_nothing(tmp_path):
    script = (
        "import sys\n"
        "from reader.review.model import Review, FigureKey\n"
        "from reader.review.store import ReviewStore\n"
        f"text = {TEXT!r}\n"
        "n = int(sys.argv[1])\n"
        "store = ReviewStore('/articles/a.txt', text, [], directory=__import__('pathlib').Path(sys.argv[2]))\n"
        "for i in range(20):\n"
        "    k = FigureKey(f'w{n}-{i}', 1000 * n + i, '', '')\n"
        "    store.save(Review().with_verdict(k, 'verified'))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n), str(tmp_path)]) for n in range(3)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    final = ReviewStore("/articles/a.txt", TEXT, [], directory=tmp_path).load().review
    assert final.reviewed_count() == 60


def test_corrupt_file_is_moved_aside_with_a_notice(store):
    store.path.write_text("{not json", encoding="utf-8")
    result = store.load()
    assert result.review == Review()
    assert result.notices and "unreadable" in result.notices[0]
    aside = list(store.dir.glob(store.path.name + ".corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"


def test_unknown_schema_is_moved_aside(store):
    store.path.write_text(json.dumps({"schema": 99}), encoding="utf-8")
    assert store.load().notices
    assert list(store.dir.glob("*.corrupt-*"))


def test_changed_article_reattaches_verdicts_and_lists_orphans(tmp_path):
    old = ReviewStore("/articles/a.txt", TEXT, spans(TEXT), directory=tmp_path)
    old.save(
        Review().with_verdict(key(TEXT, "223萬元"), "verified").with_verdict(key(TEXT, "2.8萬", 1), "wrong", "重複")
    )
    changed = "新的導語更長了。\n" + TEXT.replace("粉絲2.8萬。\n", "\n")  # drops the second 2.8萬
    new = ReviewStore("/articles/a.txt", changed, spans(changed), directory=tmp_path)
    result = new.load()
    assert any("changed" in n for n in result.notices)
    review = result.review
    assert review.verdict_for(key(changed, "223萬元")).verdict == "verified"
    # the second 2.8萬 is gone: its verdict is an orphan, not dropped, and not moved onto the first
    assert review.verdict_for(key(changed, "2.8萬")) is None
    assert [v.note for v in review.orphans] == ["重複"]


def test_merge_prefers_the_later_verdict():
    k = key(TEXT, "223萬元")
    older = Review().with_verdict(k, "doubtful")
    time.sleep(0.002)
    newer = Review().with_verdict(k, "verified")
    assert merge(older, newer).verdict_for(k).verdict == "verified"
    assert merge(newer, older).verdict_for(k).verdict == "verified"


def test_reattach_with_identical_text_keeps_everything():
    review = Review().with_verdict(key(TEXT, "2.8萬", 1), "wrong")
    assert reattach(review, TEXT, spans(TEXT)).verdict_for(key(TEXT, "2.8萬", 1)).verdict == "wrong"


WRITER = """
import sys, json
from pathlib import Path
from reader.review.store import atomic_write
path = Path(sys.argv[1])
big = "快手電商服務商" * 20000
i = 0
while True:
    i += 1
    atomic_write(path, json.dumps({"i": i, "pad": big}, ensure_ascii=False).encode())
    if i == 1:
        print("ready", flush=True)
"""


def test_kill_9_during_saves_never_leaves_a_broken_file(tmp_path):
    path = tmp_path / "state.json"
    atomic_write(path, b'{"i": 0}')
    iterations = 200
    for n in range(iterations):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline() == b"ready\n"
        time.sleep((n % 11) * 0.001)  # land the kill at varying moments of a write
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        json.loads(path.read_text(encoding="utf-8"))  # always the old or the new file
    leftovers = [p for p in tmp_path.iterdir() if p.name != "state.json"]
    # temp files of killed writers may remain; they never replace the real file
    assert all(p.name.startswith(".state.json.") for p in leftovers)


def test_a_deleted_bookmark_stays_deleted_after_a_merge(store, tmp_path):
    store.save(Review().with_bookmark(Bookmark(10, 1, "2小時賣出")).with_bookmark(Bookmark(20, 1, "新增粉絲")))
    mine = store.load().review
    time.sleep(0.002)
    store.save(mine.without_bookmark(10))  # the file still has it: the merge must not bring it back
    again = ReviewStore("/articles/a.txt", TEXT, spans(TEXT), directory=tmp_path).load().review
    assert [b.offset for b in again.bookmarks] == [20]
    time.sleep(0.002)
    store.save(again.with_bookmark(Bookmark(10, 1, "again")))  # made again later: it stays
    assert [b.offset for b in store.load().review.bookmarks] == [10, 20]


def test_a_stale_process_does_not_resurrect_a_deleted_bookmark(store):
    stale = Review().with_bookmark(Bookmark(10, 1, "x"))
    store.save(stale)
    time.sleep(0.002)
    store.save(store.load().review.without_bookmark(10))
    store.save(stale.with_position(Position(1, 30)))  # another instance that saw the bookmark earlier
    final = store.load().review
    assert final.bookmarks == () and final.position == Position(1, 30)


def test_stdin_articles_are_found_by_their_text_only(tmp_path):
    ReviewStore("<stdin>", TEXT, spans(TEXT), directory=tmp_path).save(
        Review().with_verdict(key(TEXT, "223萬元"), "verified")
    )
    other = "另一篇文章，營收223萬元。\n"
    result = ReviewStore("<stdin>", other, spans(other), directory=tmp_path).load()
    assert result.review == Review() and result.notices == []  # not "re-attached" from another piped article
    same = ReviewStore("<stdin>", TEXT, spans(TEXT), directory=tmp_path)
    assert same.has_saved() and same.load().review.verdict_for(key(TEXT, "223萬元")).verdict == "verified"
