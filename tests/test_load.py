"""Loading: encodings round-trip, U+FFFD counting, and refusals with one-line messages."""

from __future__ import annotations

import os
import stat

import pytest

from reader.load import MAX_BYTES, LoadError, decode, load_document, load_path


@pytest.fixture(scope="module")
def clean_sample(sample_doc) -> str:
    return sample_doc.text


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-be-bom", "utf-16-be"),
        ("gb18030", "gb18030"),
    ],
)
def test_encodings_round_trip(tmp_path, clean_sample, codec, expected):
    if codec == "utf-16-be-bom":
        data = b"\xfe\xff" + clean_sample.encode("utf-16-be")
    else:
        data = clean_sample.encode(codec)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    loaded = load_path(path)
    assert loaded.encoding == expected
    assert loaded.text == clean_sample
    assert loaded.replacement_chars == 0


def test_big5_excerpt_round_trips(tmp_path, clean_sample):
    excerpt = "".join(c for c in clean_sample[:1500] if c.encode("big5", "ignore"))
    path = tmp_path / "big5.txt"
    path.write_bytes(excerpt.encode("big5"))
    loaded = load_path(path)
    assert loaded.encoding == "big5"
    assert loaded.text == excerpt


def test_gb18030_document_keeps_its_encoding(tmp_path, sample_text):
    path = tmp_path / "gb.txt"
    path.write_bytes(sample_text.encode("gb18030"))
    assert load_document(path).encoding == "gb18030"


def test_utf16_without_bom_is_detected():
    text = "過去近兩個月，快手服務商正在持續迭代成長。\n" * 20
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).text == text


def test_invalid_bytes_become_replacement_characters_and_are_counted():
    data = "快手電商服務商".encode() + b"\xff\xfe\xfa" + "正在持續成長。".encode() * 50
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.replacement_chars == 3
    assert "\ufffd" in decoded.text and "正在持續成長" in decoded.text


def test_genuine_replacement_character_is_not_counted():
    assert decode("a\ufffdb".encode()).replacement_chars == 0


def test_empty_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load_document(path)
    assert doc.text == "" and len(doc.sections) == 1 and not doc.sections[0].paragraphs


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: (p / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)) and p / "x.png", "PNG image"),
        (lambda p: (p / "nul.txt").write_bytes(b"abc\x00\x01\x02def" * 10) and p / "nul.txt", "binary"),
        (lambda p: (p / "noise.txt").write_bytes(bytes(range(1, 32)) * 40) and p / "noise.txt", "undecodable"),
    ],
)
def test_refusals(tmp_path, make, message):
    with pytest.raises(LoadError, match=message) as info:
        load_path(make(tmp_path))
    assert "\n" not in str(info.value)


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("秘密", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the open fail as it would for a user
        import reader.load

        def denied(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(reader.load, "open", denied, raising=False)
    with pytest.raises(LoadError, match="permission denied"):
        load_path(path)


def test_too_large_file_is_refused_with_the_limit_named(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(LoadError, match=f"limit is {MAX_BYTES // 2**20} MiB"):
        load_path(path)


def test_article_file_is_never_written(tmp_path, sample_text):
    path = tmp_path / "article.txt"
    path.write_text(sample_text, encoding="utf-8")
    path.chmod(stat.S_IRUSR)  # read-only: opening for writing would fail for a non-root user
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_document(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_mixed_utf8_and_gbk_in_one_file():
    data = "前文是UTF-8：快手電商。".encode() + "后文是GBK编码的段落。".encode("gbk") + "再回到UTF-8。".encode()
    decoded = decode(data * 5)
    assert decoded.encoding == "utf-8+gb18030"
    assert "后文是GBK编码的段落。" in decoded.text and "再回到UTF-8。" in decoded.text
    assert decoded.replacement_chars == 0


def test_a_gb18030_file_holding_a_utf8_passage_is_read_as_gb18030():
    """A GB18030 page with one passage of raw UTF-8 bytes (a scraper's paste): the GB18030 pairs
    that happen to be valid two-byte UTF-8 (时 = CA B1 reads as ʱ) are no evidence of UTF-8,
    so the file is read as GB18030 and the passage left for the mojibake repair."""
    body = "发布时间：今年全国粮食总产量预计达到13900亿斤以上，比上年增加约220亿斤。" * 4
    data = body.encode("gb18030") + ("其中玉米播种面积6.6亿亩。" * 3).encode() + body.encode("gb18030")
    decoded = decode(data)
    assert decoded.encoding == "gb18030"
    assert decoded.text.startswith("发布时间") and "ʱ" not in decoded.text


def test_whitespace_only_file_is_an_empty_document(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\n\r\n   \n")
    doc = load_document(path)
    assert all(not s.paragraphs for s in doc.sections)


def test_fifo_is_read_like_a_file(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes("標題\n01\n正文。\n".encode("gb18030")))
    writer.start()
    doc = load_document(fifo)
    writer.join()
    assert [s.name for s in doc.sections] == ["", "01"]
