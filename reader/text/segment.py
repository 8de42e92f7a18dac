"""Word segmentation: jieba's dictionary and rules, through rjieba when it is installed.

rjieba (jieba-rs, a Rust port) cuts the same words about 15 times faster and
starts in 0.1 s instead of jieba's 0.5 s; it is used when importable, with
kreader's domain dictionary loaded, and jieba itself otherwise (or when
``KREADER_SEGMENTER=jieba``).  Both share jieba's dictionary, and with the
HMM their only difference is in runs of Latin letters, digits and
``+#&._%-``: jieba's HMM step splits an unknown run like ``2-13`` or
``Gehalt.de`` at its punctuation, rjieba keeps it whole, so :func:`cut`
splits such runs the way jieba does.  Checked equal on every paragraph and
clause of the 10 MB benchmark corpus, the dev set and the holdout (236,306
pieces); they can still differ on ties between equally likely cuts of
repeated characters (快快快), which real text does not show.

Nothing is created at import time; the first caller (normally a worker
thread) pays, everyone else shares.  jieba's prefix-dictionary cache lives
in the user cache directory rather than in /tmp.  Segmentation runs on
Simplified text (jieba's dictionary is Simplified), so the domain dictionary
is Simplified too.

>>> cut("快手电商的服务商在2-13日")
['快手', '电商', '的', '服务商', '在', '2', '-', '13', '日']
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

from reader import locations
from reader.locations import asset

USER_DICT = "jieba-userdict.txt"
_lock = threading.Lock()
_tokenizer = None
_cutter: Callable[[str, bool], list[str]] | None = None
_tagger: Callable[[str], list[tuple[str, str]]] | None = None
_rjieba_seg = None  # the rjieba segmenter cut() uses, when it is rjieba

# jieba's HMM step on a run of these characters keeps only letter/digit groups (and
# decimals, percentages) whole: re_skip in jieba/finalseg.
_NON_HAN_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]+")
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def cache_dir() -> Path:
    return locations.cache_dir()


def _jieba_cache_file(jieba) -> str:
    """jieba's prefix-dictionary pickle, named by its dictionary's content: jieba itself names
    it ``jieba.cache`` for any default dictionary, which installs of other jieba versions share."""
    from reader.runtime.cache import content_key

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    return f"jieba-{content_key([dictionary], 'jieba cache', cache_dir())}.cache"


def _user_words() -> list[tuple[str, int | None, str | None]]:
    """(word, frequency, tag) of the domain dictionary, in jieba's user-dictionary format."""
    path = asset(USER_DICT)
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        out.append((parts[0], freq, tag))
    return out


def tokenizer():
    """The shared, initialised ``jieba.Tokenizer`` with kreader's user dictionary."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging  # (only jieba's own segmenter needs it: rjieba is used when installed)

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.tmp_dir = str(cache_dir())
            tk.cache_file = _jieba_cache_file(jieba)
            tk.initialize()
            user_dict = asset(USER_DICT)
            if user_dict.is_file():
                tk.load_userdict(str(user_dict))
            _tokenizer = tk
    return _tokenizer


def is_loaded() -> bool:
    return _cutter is not None or _tokenizer is not None


def _rjieba_cutter() -> Callable[[str, bool], list[str]] | None:
    if os.environ.get("KREADER_SEGMENTER", "").lower() == "jieba":
        return None
    try:
        import rjieba
    except ImportError:
        return None
    # Importing rjieba already builds its default segmenter (33 MB): kreader is its only
    # user in the process, so the domain words go into that one rather than a second.
    global _rjieba_seg
    seg = getattr(rjieba, "_DEFAULT_JIEBA", None) or rjieba.Jieba()
    for word, freq, tag in _user_words():
        seg.add_word(word, freq, tag)
    _rjieba_seg = seg
    raw_cut, known = seg.cut, seg.has_word

    def cut_like_jieba(text: str, hmm: bool) -> list[str]:
        words = raw_cut(text, hmm)
        if not hmm:
            return words
        out: list[str] = []
        for w in words:
            if len(w) > 1 and _NON_HAN_RUN.fullmatch(w) and not _JIEBA_SKIP.fullmatch(w) and not known(w):
                out.extend(p for p in _JIEBA_SKIP.split(w) if p)
            else:
                out.append(w)
        return out

    return cut_like_jieba


def _the_cutter() -> Callable[[str, bool], list[str]]:
    global _cutter
    if _cutter is None:
        with _lock:
            if _cutter is None:
                fast = _rjieba_cutter()
                _cutter = fast if fast is not None else (lambda text, hmm: _jieba_cut(text, hmm))
    return _cutter


def _jieba_cut(text: str, hmm: bool) -> list[str]:
    return tokenizer().lcut(text, HMM=hmm)


def cut(text: str, hmm: bool = True) -> list[str]:
    """Words of ``text`` (Simplified is best), in order, covering it exactly."""
    return _the_cutter()(text, hmm)


def tag(text: str) -> list[tuple[str, str]]:
    """``(word, part of speech)`` of ``text`` (Simplified is best), covering it exactly: jieba's
    dictionary tags (``n`` noun, ``v`` verb, ``m`` numeral, ``eng`` Latin ...), through rjieba
    when it is installed (a word its HMM step found gets a guessed tag), else jieba.posseg.
    """
    global _tagger
    if _tagger is None:
        _tagger = _make_tagger()  # a race only builds it twice; both take the shared segmenter
    return _tagger(text)


def _make_tagger() -> Callable[[str], list[tuple[str, str]]]:
    _the_cutter()  # makes the rjieba segmenter, with the domain dictionary, when there is one
    if _rjieba_seg is not None:
        raw_tag, known = _rjieba_seg.tag, _rjieba_seg.has_word

        def tagged(text: str) -> list[tuple[str, str]]:
            out: list[tuple[str, str]] = []
            for w, t in raw_tag(text, True):
                if len(w) < 2 or t in ("m", "eng", "x") or known(w):
                    out.append((w, t))
                else:
                    out += _unknown(w, raw_tag(w, False))
            return out

        return tagged
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(tokenizer())
    return lambda text: [(p.word, p.flag) for p in pos.lcut(text)]


# Tags of function words that show an unknown word is not a name but words the HMM glued
# together (便游出: 便 + 游 + 出, 中以: 中 + 以).
_GLUE_TAGS = frozenset("p d c u uj ul uz ud ug uv f ad zg".split())


def _unknown(word: str, pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A word rjieba's HMM made up: its dictionary pieces when one of them is a function
    word, else the word tagged ``x`` (unknown: a name, 何詩蓓).  rjieba would
    guess a tag (同比增加 "nr"), which jieba.posseg's own HMM tagger would not.

    >>> _unknown("中以", [("中", "f"), ("以", "p")]), _unknown("何诗蓓", [("何", "r"), ("诗", "n"), ("蓓", "x")])
    ([('中', 'f'), ('以', 'p')], [('何诗蓓', 'x')])
    """
    if any(t in _GLUE_TAGS for _w, t in pieces):
        return pieces
    return [(word, "x")]


def word_freq(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 when unknown)."""
    return tokenizer().FREQ.get(word, 0) or 0
