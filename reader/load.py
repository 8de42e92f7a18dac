"""Load: bytes -> text, with the encoding detected and every refusal a clear one-liner.

Detection order: a byte-order mark, then strict UTF-8, then BOM-less UTF-16
(by its NUL pattern), then charset-normalizer limited to the encodings Chinese
articles come in.  Undecodable sequences become U+FFFD and are counted; the
article file is only ever opened for reading.

>>> decode(b"\\xef\\xbb\\xbf\\xe4\\xbd\\xa0").encoding
'utf-8-sig'
>>> decode("你好，世界。這是一篇文章。".encode("gb18030")).encoding
'gb18030'
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from reader.document import Document, parse
from reader.text.patterns import compiled
from reader.text.visible import shown_name

if TYPE_CHECKING:  # pragma: no cover
    from reader.clean.repair_log import Readings, Repairs

MAX_BYTES = 64 * 1024 * 1024  # larger files are refused: see README "Robustness"
STDIN = "-"

# Candidates for charset-normalizer: what Chinese web text is saved in.
_CJK_ENCODINGS = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be", "cp1252"]
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\x7fELF": "an executable (ELF)",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
}


class LoadError(Exception):
    """A file kreader refuses to open; ``str(err)`` is the one-line message."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replacement_chars: int = 0


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16: by the NUL pattern of ASCII-heavy text, else
    (Han-only text has almost no NUL bytes) by what the code units read as in each byte order.

    >>> _utf16_without_bom("第一段。\\n第二段很重要，數據顯示增長。".encode("utf-16-be"))
    'utf-16-be'
    >>> _utf16_without_bom("第一段。".encode("gb18030")) is None
    True
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    units = len(sample) // 2
    if odd_nuls > units * 0.3 and even_nuls < units * 0.05:
        return "utf-16-le"
    if even_nuls > units * 0.3 and odd_nuls < units * 0.05:
        return "utf-16-be"
    return _utf16_by_text(sample)


# Code units Chinese text in UTF-16 is made of: Han, CJK and fullwidth punctuation, ASCII
# (not the rare extension A: what a few Big5 punctuation marks read as).
_CHINESE_UNITS = "[\t\n\r -~\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
# C0 controls that no UTF-8 article has, but UTF-16 CJK punctuation (U+3001 = 01 30) reads as.
_C0 = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _utf16_by_text(sample: bytes) -> str | None:
    """The byte order in which ``sample`` reads as Chinese text (at least 95% of its code units),
    when the other reads as something else; None when neither or both do (then it is not UTF-16),
    or when the sample is too short to tell (a few Big5 characters can read as Han either way)."""
    if len(sample) < 32:
        return None
    fits = {}
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        fits[encoding] = len(compiled(_CHINESE_UNITS).findall(text)) / max(1, len(text))
    good = [encoding for encoding, share in fits.items() if share >= 0.95]
    return good[0] if len(good) == 1 else None


def _count_replaced(data: bytes, encoding: str, text: str) -> int:
    return text.count("\ufffd") - (data.count("\xef\xbf\xbd".encode("latin-1")) if "utf" in encoding else 0)


def decode(data: bytes) -> Decoded:
    """Decode article bytes; never raises on any input (binary is judged by the caller)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc.replace("-sig", ""), errors="replace")
            return Decoded(text, enc if enc == "utf-8-sig" else enc, _count_replaced(data, enc, text))
    try:
        text = data.decode("utf-8")
        if _utf16_without_bom(data) is None or not _C0.search(text):  # the cheap test first (a sample)
            return Decoded(text, "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return Decoded(text, utf16, text.count("\ufffd"))
    # Mostly valid UTF-8 with some broken sequences (a cut file, a stray byte, a
    # pasted GBK passage): keep UTF-8 and read each broken spot as GB18030 when
    # it is a valid GB18030 Han character, else U+FFFD.
    _mixed_state.counts = [0, 0]
    text = data.decode("utf-8", errors=_MIXED_HANDLER)
    broken = tuple(_mixed_state.counts)
    # Only characters of three or more UTF-8 bytes count as evidence of UTF-8: a GB18030 pair
    # often happens to be a valid two-byte sequence (时 CA B1 reads as ʱ), never Chinese.
    valid_utf8_chars = sum(1 for c in text if ord(c) >= 0x800) - broken[0] - broken[1]
    if (
        broken == (0, 0)
        or valid_utf8_chars >= max(8, (broken[0] + broken[1]) // 4)
        or utf8_error.start >= len(data) - 3
    ):
        encoding = "utf-8+gb18030" if broken[0] else "utf-8"
        return Decoded(text, encoding, broken[1])
    return _decode_legacy(data)


# codecs error handler: GB18030 pairs inside UTF-8 text ("mixed encodings in one file")
_MIXED_HANDLER = "kreader-utf8-gb18030"
_mixed_state = threading.local()  # .counts = [pairs read as GB18030, U+FFFD inserted]


def _utf8_gb18030_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    data = err.object
    counts = _mixed_state.counts
    pair = bytes(data[err.start : err.start + 2])
    if len(pair) == 2 and 0x81 <= pair[0] <= 0xFE and 0x40 <= pair[1] <= 0xFE and pair[1] != 0x7F:
        try:
            ch = pair.decode("gb18030")
        except UnicodeDecodeError:
            ch = ""
        if ch and ("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"):
            counts[0] += 1
            return ch, err.start + 2
    counts[1] += 1
    return "\ufffd", err.end


codecs.register_error(_MIXED_HANDLER, _utf8_gb18030_fallback)  # type: ignore[arg-type]  # only ever raised for decoding


def _decode_legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CJK_ENCODINGS).best()
    encoding = best.encoding if best is not None else "gb18030"
    encoding = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}.get(encoding, encoding)
    text = data.decode(encoding, errors="replace")
    return Decoded(text, encoding, text.count("\ufffd"))


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise LoadError(f"{name}: looks like {what}, not a text article")
    head = data[:65536]
    if b"\x00" in head and _utf16_without_bom(data) is None and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(f"{name}: binary file (contains NUL bytes), not a text article")


# U+FFFD, C0 controls other than line breaks, tabs and form feeds, DEL and C1 controls.
_GARBAGE = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _refuse_garbage(decoded: Decoded, name: str) -> None:
    sample = decoded.text[:65536]
    if not sample:
        return
    bad = len(_GARBAGE.findall(sample))
    if bad > len(sample) * 0.1:
        raise LoadError(f"{name}: mostly undecodable bytes; not a text article in a known encoding")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read an article read-only, refusing what is not a readable regular file or FIFO."""
    if str(path) == STDIN:
        if sys.stdin is None or sys.stdin.isatty():
            raise LoadError("no article on standard input (pipe one in, or give a FILE)")
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "standard input"
    else:
        name = shown_name(str(path))  # refusals are printed and notified: the name never acts
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise LoadError(f"{name}: no such file") from None
        except PermissionError:
            raise LoadError(f"{name}: permission denied") from None
        except OSError as err:
            raise LoadError(f"{name}: cannot open ({err.strerror or err})") from None
        if stat.S_ISDIR(st.st_mode):
            raise LoadError(f"{name}: is a directory, not an article file")
        if stat.S_ISREG(st.st_mode) and st.st_size > MAX_BYTES:
            raise LoadError(f"{name}: too large ({st.st_size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB)")
        try:
            with open(path, "rb") as f:  # read-only: the article is never written
                data = f.read(MAX_BYTES + 1)
        except PermissionError:
            raise LoadError(f"{name}: permission denied") from None
        except IsADirectoryError:
            raise LoadError(f"{name}: is a directory, not an article file") from None
        except OSError as err:
            raise LoadError(f"{name}: cannot read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: too large (the limit is {MAX_BYTES // 2**20} MiB)")
    return data


def load_bytes(data: bytes, name: str = "<bytes>") -> Decoded:
    name = shown_name(name)
    _refuse_binary(data, name)
    decoded = decode(data)
    _refuse_garbage(decoded, name)
    return decoded


def load_path(path: str | os.PathLike[str]) -> Decoded:
    """Bytes of ``path`` (or ``-`` for stdin) decoded; raises LoadError with a one-line message."""
    name = "standard input" if str(path) == STDIN else str(path)
    return load_bytes(read_bytes(path), name)


def document_from_text(
    text: str,
    source: str = "<text>",
    encoding: str = "utf-8",
    replacement_chars: int = 0,
    *,
    detect: bool = True,
    jobs: int = 1,
    record: bool = True,
    keep_boilerplate: bool = False,
) -> Document:
    """clean -> parse -> detect script: the Document every view reads.

    ``detect=False`` leaves the script "unknown" (a quick preview of a long text);
    ``jobs`` > 1 cleans a long text in that many processes (reader.runtime.parallel);
    ``record=False`` keeps no repairs nor readings (views that show neither);
    ``keep_boilerplate`` leaves page furniture in the text (still listed as repairs).
    """
    from reader.clean.passes import clean, cleaning_passes  # the TUI cleans in a child process
    from reader.text.script import detect_script

    cleaned = clean(text, cleaning_passes(keep_boilerplate), jobs=jobs, record=record)
    return document_from_cleaned(cleaned, source, encoding, replacement_chars, detect_script if detect else None)


class CleanedText(Protocol):
    """What parsing needs of a cleaning: a :class:`~reader.clean.passes.Cleaned`, or the same fields
    as they come back from a cleaning process."""

    @property
    def text(self) -> str: ...
    @property
    def repairs(self) -> Repairs: ...
    @property
    def readings(self) -> Readings: ...


def document_from_cleaned(
    cleaned: CleanedText, source: str, encoding: str, replacement_chars: int, detect=None, script: str = "unknown"
) -> Document:
    """parse (+ detect the script with ``detect``) a cleaned text, keeping its compact repairs."""
    if detect is not None:
        try:
            script = detect(cleaned.text)
        except NotImplementedError:  # pragma: no cover - until the script module lands
            script = "unknown"
    # parse() would copy repairs and readings into a tuple and a dict: hand them over as they are
    doc = parse(cleaned.text, source=source, encoding=encoding, script=script, replacement_chars=replacement_chars)
    return replace(doc, repairs=cleaned.repairs, readings=cleaned.readings, meta=article_metadata(cleaned.repairs))


def article_metadata(repairs) -> MappingProxyType:
    """Source, author, editor, date and original title from the byline lines the cleaner took out."""
    from reader.clean.boilerplate import metadata

    distinct = getattr(repairs, "distinct", None)
    if distinct is not None:  # the cleaner's compact log: one record per distinct line
        found = distinct("boilerplate")
    else:
        found = [(r.note, r.before, r.after) for r in repairs if r.kind == "boilerplate"]
    return MappingProxyType(metadata((note, before or after) for note, before, after in found))


def load_document(
    path: str | os.PathLike[str], *, jobs: int = 1, record: bool = True, keep_boilerplate: bool = False
) -> Document:
    """The whole core pipeline for one file: load -> clean -> parse."""
    decoded = load_path(path)
    source = "<stdin>" if str(path) == STDIN else str(Path(path))
    return document_from_text(
        decoded.text,
        source,
        decoded.encoding,
        decoded.replacement_chars,
        jobs=jobs,
        record=record,
        keep_boilerplate=keep_boilerplate,
    )


_FILE_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, in words.

    >>> file_kind(stat.S_IFIFO | 0o644), file_kind(stat.S_IFREG)
    ('a named pipe', 'a regular file')
    """
    return _FILE_KINDS.get(stat.S_IFMT(mode), "a regular file" if stat.S_ISREG(mode) else "not a regular file")


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """Bytes of the regular file at ``path``, refusing anything else without ever blocking.

    For reading an article *again*: what replaced it may be a named pipe with no
    writer, on which a plain open waits forever.  The file is opened
    non-blocking and judged by the descriptor opened (no window between a
    check and the open), then read as usual.
    """
    name = str(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as err:
        raise LoadError(f"{name}: cannot open ({err.strerror or err})") from None
    with open(fd, "rb", closefd=True) as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise LoadError(f"{name}: is now {file_kind(st.st_mode)}, not an article file")
        if st.st_size > MAX_BYTES:
            raise LoadError(f"{name}: too large ({st.st_size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB)")
        os.set_blocking(fd, True)
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as err:
            raise LoadError(f"{name}: cannot read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: too large (the limit is {MAX_BYTES // 2**20} MiB)")
    return data


def reload_document(path: str | os.PathLike[str], *, keep_boilerplate: bool = False) -> Document:
    """:func:`load_document` for an article read again: only a regular file, never a wait."""
    decoded = load_bytes(read_regular(path), str(path))
    return document_from_text(
        decoded.text,
        str(Path(path)),
        decoded.encoding,
        decoded.replacement_chars,
        keep_boilerplate=keep_boilerplate,
    )
