"""Script conversion with OpenCC, with offset maps between original and converted text.

SCRIPTS: "original", "simp" (t2s), "trad" (s2t), "tw" (s2twp), "hk" (s2hk).

Every offset in the model is into the original clean text, so a converted
text carries a map back and forth.  OpenCC's t2s, s2t and s2hk chains only
hold same-length entries (checked against the OpenCC 1.4 dictionaries), so
their map is the identity and costs nothing.  Only s2twp has Taiwan phrases
that change length (``内存`` -> ``記憶體``) or reorder (``鼠标`` -> ``滑鼠``);
for it the text is compared with s2tw (the same chain without those
phrases) and, where they differ, cut by bisection into the smallest pieces
that OpenCC converts independently: each changed phrase becomes one block.

>>> c = convert("买鼠标和内存。", "tw")
>>> c.text
'買滑鼠和記憶體。'
>>> c.span_to_converted(1, 3), c.span_to_converted(4, 6)
((1, 3), (4, 7))
>>> c.to_original(7), c.span_to_original(4, 7)
(6, (4, 6))
>>> find_all("過去，过去", "过去")
[(0, 2), (3, 5)]
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

SCRIPTS = ("original", "simp", "trad", "tw", "hk")

# script -> OpenCC config (the binding accepts names with or without ".json").
CONFIGS = {"simp": "t2s", "trad": "s2t", "tw": "s2twp", "hk": "s2hk"}
# Configs whose dictionaries may change length or order, and the same chain
# without those phrases: where both agree, the alignment is the identity.
_PLAIN_TWIN = {"s2twp": "s2tw"}

_lock = threading.Lock()
_converters: dict[str, object] = {}


# The regional configs are s2t followed by a regional step.  Each OpenCC
# config loads its own copy of the large s2t dictionaries (s2t, s2tw, s2twp and
# s2hk together: 46 MB), so they run as that chain instead, sharing one s2t
# (28 MB for all).  The output is the same (checked line by line on the
# sample, the dev set and a 10 MB corpus, in both scripts; tests/test_script.py)
# but for a rare Taiwan phrase that OpenCC's s2twp misses because it segments
# the input by Mainland phrases first (联系上: s2twp 聯繫上, here 聯絡上).
_CHAINS = {"s2tw": "t2tw", "s2twp": "t2twp", "s2hk": "t2hk"}


def _opencc(config: str):
    """One shared ``opencc.OpenCC`` per config, created on first use."""
    converter = _converters.get(config)
    if converter is None:
        with _lock:
            converter = _converters.get(config)
            if converter is None:
                import opencc

                converter = opencc.OpenCC(_t2twp_config() if config == "t2twp" else config)
                _converters[config] = converter
    return converter


def _t2twp_config() -> str:
    """A config file for Taiwan phrases and variants on Traditional text (OpenCC has
    t2tw, without the phrases, but no t2twp), built from OpenCC's own dictionaries."""
    import hashlib
    import json
    import os

    import opencc

    from reader.locations import cache_dir
    from reader.runtime.cache import tmp_path, touch

    share = os.path.dirname(opencc.OpenCC("t2tw").config)

    def ocd2(name: str) -> dict:
        return {"type": "ocd2", "file": os.path.join(share, name)}

    phrases = [ocd2("TWPhrases.ocd2"), ocd2("TWVariantsPhrases.ocd2")]
    config = {
        "name": "Traditional Chinese (OpenCC) to Taiwan standard, with Taiwan phrases (kreader)",
        "segmentation": {"type": "mmseg", "dict": {"type": "group", "match_policy": "union", "dicts": phrases}},
        "conversion_chain": [
            {"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [*phrases, ocd2("TWVariants.ocd2")]}}
        ],
    }
    body = json.dumps(config, ensure_ascii=False, indent=1)
    digest = hashlib.sha256(f"{share}\n{opencc.__version__}".encode()).hexdigest()[:12]
    path = cache_dir() / f"opencc-t2twp-{digest}.json"
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current != body:
        tmp = tmp_path(path)
        tmp.write_text(body, encoding="utf-8")
        os.replace(tmp, path)
    touch(path)  # in use: pruning by age keeps it
    return str(path)


def _converter(config: str) -> Callable[[str], str]:
    """The conversion function of ``config``, safe for any ``str``.

    OpenCC's segmenting configs stop at a NUL character, so text holding one
    is converted piece by piece around it.
    """
    if config in _CHAINS:
        first, then = _opencc("s2t").convert, _opencc(_CHAINS[config]).convert
        raw = lambda text: then(first(text))  # noqa: E731
    else:
        raw = _opencc(config).convert

    def convert_text(text: str) -> str:
        if "\x00" in text:
            return "\x00".join(raw(piece) for piece in text.split("\x00"))
        return raw(text)

    return convert_text


def load(script: str) -> None:
    """Load ``script``'s OpenCC dictionaries now (a worker does it before they are needed).

    >>> load("hk"); "t2hk" in _converters and "s2t" in _converters
    True
    """
    config = CONFIGS.get(script)
    if config is not None:
        _converter(config)  # a chain loads each of its steps


def to_simplified(text: str) -> str:
    """``text`` through OpenCC t2s (same length, offsets unchanged).

    >>> to_simplified("服務商")
    '服务商'
    """
    return _converter("t2s")(text)


# ------------------------------------------------------------------ mapping

Block = tuple[int, int, int, int]  # original start, end; converted start, end


@dataclass(frozen=True)
class Converted:
    """A converted text and the map between its offsets and the original's.

    ``blocks`` lists, in order, the original spans that became something
    else as a whole (a Taiwan phrase); outside them characters correspond one
    to one.  Offsets inside a block map to the block's start; span ends
    inside a block map to its end, so a span never loses part of a phrase.
    """

    text: str
    original_length: int
    blocks: tuple[Block, ...] = ()

    @property
    def is_identity(self) -> bool:
        """Whether every offset maps to itself (always for simp, trad and hk)."""
        return not self.blocks and len(self.text) == self.original_length

    def to_converted(self, offset: int) -> int:
        return _map(self.blocks, 0, 1, 2, 3, self.original_length, len(self.text), offset)

    def to_original(self, offset: int) -> int:
        return _map(self.blocks, 2, 3, 0, 1, len(self.text), self.original_length, offset)

    def span_to_converted(self, start: int, end: int) -> tuple[int, int]:
        return _span(self.blocks, 0, 1, 2, 3, self.original_length, len(self.text), start, end)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return _span(self.blocks, 2, 3, 0, 1, len(self.text), self.original_length, start, end)


def _map(blocks, fs, fe, ts, te, from_len, to_len, offset, ceil=False) -> int:
    """Map ``offset`` through ``blocks`` read as (from start, from end) -> (to start, to end)."""
    offset = min(max(offset, 0), from_len)
    if not blocks:
        return min(offset, to_len)
    i = bisect.bisect_right(blocks, offset, key=lambda b: b[fs]) - 1
    if i < 0:
        return offset
    b = blocks[i]
    if offset < b[fe] or (offset == b[fe] and b[fs] == b[fe]):
        return b[te] if ceil and offset > b[fs] else b[ts]
    return b[te] + (offset - b[fe])


def _span(blocks, fs, fe, ts, te, from_len, to_len, start, end) -> tuple[int, int]:
    start = min(max(start, 0), from_len)
    end = min(max(end, start), from_len)
    new_start = _map(blocks, fs, fe, ts, te, from_len, to_len, start)
    if end == start:
        return new_start, new_start
    return new_start, max(new_start, _map(blocks, fs, fe, ts, te, from_len, to_len, end, ceil=True))


def _cuts(n: int, tries: int = 64):
    """Cut points of a piece of length ``n``: the middle first, then outwards."""
    mid = n // 2
    for d in range(n):
        if d >= tries:
            return
        for cut in (mid + d, mid - d) if d else (mid,):
            if 0 < cut < n:
                yield cut


def _align(
    piece: str,
    converted: str,
    start: int,
    cstart: int,
    conv: Callable[[str], str],
    plain: Callable[[str, str], bool],
    out: list,
) -> None:
    """Append to ``out`` the blocks of ``piece`` (at ``start``) converted to ``converted``."""
    if plain(piece, converted):
        return
    if len(piece) > 1:
        for cut in _cuts(len(piece)):
            left = conv(piece[:cut])
            # A cut is sound when OpenCC converts both sides the same apart as together.
            if converted.startswith(left) and conv(piece[cut:]) == converted[len(left) :]:
                _align(piece[:cut], left, start, cstart, conv, plain, out)
                _align(piece[cut:], converted[len(left) :], start + cut, cstart + len(left), conv, plain, out)
                return
    out.append((start, start + len(piece), cstart, cstart + len(converted)))


def _blocks(text: str, converted: str, config: str) -> tuple[Block, ...]:
    convert_full = _converter(config)
    twin = _PLAIN_TWIN.get(config)
    if twin is None:
        if len(converted) == len(text):
            return ()

        def plain(piece: str, conv: str) -> bool:
            return len(piece) == len(conv)
    else:
        convert_twin = _converter(twin)

        def plain(piece: str, conv: str) -> bool:
            return conv == convert_twin(piece)

        if plain(text, converted):
            return ()
    out: list[Block] = []
    lines = text.split("\n")
    line_convs = [convert_full(line) for line in lines] if len(lines) > 1 else [converted]
    if "\n".join(line_convs) != converted:  # never seen: no phrase spans a line break
        lines, line_convs = [text], [converted]
    start = cstart = 0
    for line, line_conv in zip(lines, line_convs):
        _align(line, line_conv, start, cstart, convert_full, plain, out)
        start += len(line) + 1
        cstart += len(line_conv) + 1
    return tuple(out)


@lru_cache(maxsize=4096)
def convert(text: str, script: str) -> Converted:
    """``text`` in ``script`` with its offset map; cached per (text, script).

    >>> convert("軟件", "simp").text, convert("软件", "trad").text, convert("软件", "tw").text
    ('软件', '軟件', '軟體')
    >>> convert("abc", "original").blocks
    ()
    """
    if script == "original":
        return Converted(text, len(text))
    config = _config(script)
    converted = _converter(config)(text)
    return Converted(converted, len(text), _blocks(text, converted, config))


@lru_cache(maxsize=16384)
def in_script(text: str, script: str) -> str:
    """``text`` as shown in ``script`` (labels, units, section names): :func:`convert`'s text,
    without the offset map it aligns in Python (a book's thousands of section names took 40 ms).

    >>> in_script("個月", "simp"), in_script("個月", "original"), in_script("軟件", "tw") == convert("軟件", "tw").text
    ('个月', '個月', True)
    """
    if script == "original" or not text:
        return text
    return _converter(_config(script))(text)


def _config(script: str) -> str:
    """The OpenCC config of ``script`` (not ``original``); a ValueError naming the scripts otherwise."""
    try:
        return CONFIGS[script]
    except KeyError:
        raise ValueError(f"unknown script {script!r}; expected one of {SCRIPTS}") from None


def shows_simplified(script: str, detected: str) -> bool:
    """Is text shown in Simplified: chosen, or the original when the article is Simplified?

    >>> shows_simplified("simp", "trad"), shows_simplified("original", "simp"), shows_simplified("tw", "simp")
    (True, True, False)
    """
    return script == "simp" or (script == "original" and detected == "simp")


# ------------------------------------------------------------------ detection

_MIN_SHARE = 0.8  # of the script-specific characters, for a verdict other than "mixed"
_SAMPLE_CHARS, _SAMPLE_SLICES = 200_000, 40


def script_counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) character counts in ``text``.

    A character is Traditional-only when t2s changes it and s2t does not,
    Simplified-only the other way round; each distinct character is
    converted once, on its own.

    >>> script_counts("這裡的電商，这里的电商 GMV")
    (3, 3)
    """
    counts = Counter(text)
    han = [c for c in counts if c >= "\u2e80"]
    if not han:
        return 0, 0
    joined = "\n".join(han)
    as_simp = _converter("t2s")(joined).split("\n")
    as_trad = _converter("s2t")(joined).split("\n")
    trad = simp = 0
    for char, s, t in zip(han, as_simp, as_trad):
        if s != char and t == char:
            trad += counts[char]
        elif t != char and s == char:
            simp += counts[char]
    return trad, simp


def detect_script(text: str) -> str:
    """ "trad", "simp", "mixed" or "none" (no script-specific character).

    >>> detect_script("快手電商服務商"), detect_script("快手电商服务商")
    ('trad', 'simp')
    >>> detect_script("GMV 2.8"), detect_script("電商电商")
    ('none', 'mixed')
    """
    if len(text) > _SAMPLE_CHARS:  # a spread-out sample is as telling and much faster
        step = len(text) // _SAMPLE_SLICES
        width = _SAMPLE_CHARS // _SAMPLE_SLICES
        text = "".join(text[i : i + width] for i in range(0, len(text), step))
    trad, simp = script_counts(text)
    total = trad + simp
    if total == 0:
        return "none"
    if trad >= _MIN_SHARE * total:
        return "trad"
    if simp >= _MIN_SHARE * total:
        return "simp"
    return "mixed"


# ------------------------------------------------------------------ search


def find_all(text: str, query: str, ignore_case: bool = True) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``query`` in ``text`` in either script.

    Both sides are compared in Simplified form; hits are (start, end) in
    ``text``.  The query is also matched as typed, for the rare phrase whose
    Simplified form depends on its context.

    >>> find_all("服務商与服务商", "服務商")
    [(0, 3), (4, 7)]
    >>> find_all("GMV、gmv", "Gmv"), find_all("GMV、gmv", "gmv", ignore_case=False)
    ([(0, 3), (4, 7)], [(4, 7)])
    """
    if not query:
        return []
    flags = re.IGNORECASE if ignore_case else 0
    simp = convert(text, "simp")
    hits = {simp.span_to_original(*m.span()) for m in re.finditer(re.escape(to_simplified(query)), simp.text, flags)}
    hits.update(m.span() for m in re.finditer(re.escape(query), text, flags))
    return sorted(hits)
