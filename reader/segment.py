"""One shared jieba tokenizer: lazy, thread-safe, domain dictionary loaded.

jieba costs about half a second to start, so nothing creates it at import
time; the first caller (normally a worker thread) pays, everyone else shares
it.  Its prefix-dictionary cache lives in the user cache directory rather
than in /tmp.  Segmentation runs on Simplified text (jieba's dictionary is
Simplified), so the domain dictionary is Simplified too.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import platformdirs

from .assets import asset

USER_DICT = "jieba-userdict.txt"
_lock = threading.Lock()
_tokenizer = None


def cache_dir() -> Path:
    path = Path(platformdirs.user_cache_dir("kreader"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def tokenizer():
    """The shared, initialised ``jieba.Tokenizer`` with kreader's user dictionary."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.tmp_dir = str(cache_dir())
            tk.initialize()
            user_dict = asset(USER_DICT)
            if user_dict.is_file():
                tk.load_userdict(str(user_dict))
            _tokenizer = tk
    return _tokenizer


def is_loaded() -> bool:
    return _tokenizer is not None


def cut(text: str, hmm: bool = True) -> list[str]:
    """Words of ``text`` (Simplified is best), in order, covering it exactly."""
    return tokenizer().lcut(text, HMM=hmm)


def word_freq(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 when unknown)."""
    return tokenizer().FREQ.get(word, 0) or 0
