"""English (Latin-script) words in a Chinese article: whole words and stop words.

A Latin word is matched whole: ``in`` is no hit inside ``trading``, ``Asia`` none
inside ``Asian``.  Only the ends of a match that are ASCII letters or digits need
a boundary, so ``GMV`` is found in ``GMV增長`` and ``iPhone手機`` keeps matching
after its Han part.  English function words (stopwordsiso's ``en`` list) are
never keywords nor labels.

>>> whole_words("trading in Asia, Asian", [(4, 6), (8, 10), (11, 15), (17, 21)])
[(8, 10), (11, 15)]
>>> is_english_stop_word("The"), is_english_stop_word("revenue")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _alnum(char: str) -> bool:
    return bool(char) and char.isascii() and char.isalnum()


def is_whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` does not cut a Latin word or number at either end.

    >>> is_whole("trading", 4, 6), is_whole("in Asia", 0, 2), is_whole("GMV增長", 0, 3), is_whole("增長", 0, 1)
    (False, True, True, True)
    """
    if start >= end:
        return False
    cut_left = _alnum(text[start]) and start > 0 and _alnum(text[start - 1])
    cut_right = _alnum(text[end - 1]) and end < len(text) and _alnum(text[end])
    return not (cut_left or cut_right)


def whole_words(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ``spans`` of ``text`` that hold whole words (see :func:`is_whole`)."""
    return [(s, e) for s, e in spans if is_whole(text, s, e)]


def has_latin(word: str) -> bool:
    """Whether ``word`` holds an ASCII letter or digit.

    >>> has_latin("GMV"), has_latin("服務商"), has_latin("5G")
    (True, False, True)
    """
    return bool(_ASCII_ALNUM.search(word))


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """stopwordsiso's English list, lower case (in of the to ...)."""
    return frozenset(w.lower() for w in stop_words("en"))


def stop_words(lang: str) -> list[str]:
    """stopwordsiso's list for ``lang``, read from the package's own data file without
    importing the package: its import looks its version up among the installed distributions
    (importlib.metadata), most of what the first Latin label of a run cost.  Through the package
    whenever its file is not where it was.

    >>> "the" in stop_words("en"), "的" in stop_words("zh")
    (True, True)
    """
    import importlib.util
    import json

    spec = importlib.util.find_spec("stopwordsiso")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        try:
            with open(f"{folder}/stopwords-iso.json", encoding="utf-8") as f:
                words = json.load(f).get(lang)
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(words, list):
            return words
    import stopwordsiso

    return sorted(stopwordsiso.stopwords(lang))


def is_english_stop_word(word: str) -> bool:
    """Whether ``word`` is an English function word, in any case."""
    return word.strip().lower() in english_stop_words()


def is_content_label(label: str) -> bool:
    """A label that names something: empty, or with a Han character, or Latin content words
    only (``of``, ``the`` name nothing, and ``in the third`` is no noun phrase).

    >>> [x for x in ["", "營收", "of", "the", "revenue", "in the third", "iPhone"] if is_content_label(x)]
    ['', '營收', 'revenue', 'iPhone']
    """
    words = _LATIN_WORD.findall(label)
    if not words or any(not c.isascii() and c.isalpha() for c in label):
        return True
    return not any(is_english_stop_word(w) for w in words)
