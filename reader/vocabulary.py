"""The article's vocabulary: its words with readings, definitions and counts.

Words are the word cursor's (:mod:`reader.text.words`) that hold a Han
character; the two scripts of a word count as one (電商 and 电商).  Each
word's reading is the one it has where it first occurs (the article's own
annotations included unless the word reads otherwise: then ``disputed`` keeps
the article's), which also picks the matching dictionary entry (行 in 銀行行長
is háng).  Most frequent first, then in reading order.
Function words (的 了 在, pronouns, conjunctions, particles: :func:`is_function_word`)
are left out unless asked for (``--function-words``).

Exported by ``kreader --vocabulary [--format md|csv|json] FILE``.  The definitions are
CC-CEDICT's (CC BY-SA 4.0): every format names the source and the licence (each JSON and CSV
row, so a row copied elsewhere keeps it; a line under the Markdown table).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from functools import lru_cache

from reader.text.dictionary import ATTRIBUTION, LICENSE, SOURCE, Dictionary, dictionary
from reader.text.readings import is_han, reading_form, readings_of
from reader.text.script import to_simplified
from reader.text.visible import inert_json, inert_row, shown_name
from reader.text.words import WordIndex

FORMATS = ("md", "csv", "json")
_SOURCE = f"{SOURCE} ({LICENSE})"


@dataclass(frozen=True, slots=True)
class VocabularyItem:
    word: str  # as first written in the article
    simplified: str
    traditional: str
    pinyin: str  # where it first occurs, tone marks, syllables joined
    definitions: tuple[str, ...]
    count: int  # occurrences in the article, either script
    first: int  # offset of the first occurrence in Document.text
    found: bool  # the dictionary has the word itself (else definitions of its parts)
    disputed: str = ""  # the article's own reading where it names other syllables (zēngcháng)


# jieba's part-of-speech tags of closed word classes: prepositions, conjunctions, particles
# (u, uj 的, ul 了, uz 着 ...), modal particles, interjections, onomatopoeia, pronouns.
FUNCTION_TAGS = frozenset("p c u uj ul uz ud ug uv y e o r".split())
# Adverbs are an open class; only those in the stop list are function words (也 就 都, not 非常).
_STOP_ADVERB_TAGS = frozenset("d zg".split())


def is_function_word(simplified: str) -> bool:
    """Whether a Simplified word is a function word: one token of a closed class, or an
    adverb of the stop list (stopwordsiso's Chinese list).

    >>> [w for w in ["的", "了", "在", "他们", "因为", "也", "经济", "非常", "增长"] if is_function_word(w)]
    ['的', '了', '在', '他们', '因为', '也']
    """
    from reader.text.segment import tag

    tags = tag(simplified)
    if len(tags) != 1:
        return False
    pos = tags[0][1]
    return pos in FUNCTION_TAGS or (pos in _STOP_ADVERB_TAGS and simplified in _stop_words())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh"))


def vocabulary(document, lexicon: Dictionary | None = None, function_words: bool = False) -> tuple[VocabularyItem, ...]:
    """Every Han word of ``document`` once, most frequent first; function words only when
    ``function_words``."""
    lexicon = lexicon or dictionary()
    index = WordIndex.of(document)
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str, int]] = {}  # simplified -> (offset, as written, paragraph)
    for k in range(len(index.paragraphs)):
        for s, e in index.words_in(k):
            word = document.text[s:e]
            if not any(is_han(c) for c in word):
                continue
            key = to_simplified(word)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, (s, word, k))
    if not function_words:
        first = {key: at for key, at in first.items() if not is_function_word(reading_form(key))}
    paragraphs = document.paragraphs
    items: list[VocabularyItem] = []
    for key, (offset, word, k) in first.items():
        by_offset = {r.offset: r for r in readings_of(document, paragraphs[k])}
        here = [by_offset[o] for o in range(offset, offset + len(word)) if o in by_offset]
        reading = "".join(r.pinyin for r in here)
        disputed = "".join(r.disputed or r.pinyin for r in here) if any(r.disputed for r in here) else ""
        hit = lexicon.lookup(word, reading)
        items.append(
            VocabularyItem(
                word,
                hit.simplified,
                hit.traditional,
                reading or hit.pinyin,
                hit.definitions,
                counts[key],
                offset,
                hit.found,
                disputed,
            )
        )
    items.sort(key=lambda item: (-item.count, item.first))
    return tuple(items)


def _cell(text: str) -> str:
    """A Markdown table cell: pipes escaped, no line breaks."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_vocabulary(items, fmt: str = "md", title: str = "") -> str:
    """``items`` as a Markdown table, CSV or JSON.

    >>> item = VocabularyItem("銀行", "银行", "銀行", "yínháng", ("bank", "CL:家|个"), 2, 7, True)
    >>> print(render_vocabulary([item], "md"), end="")
    | word | simplified | traditional | pinyin | count | definitions |
    | --- | --- | --- | --- | ---: | --- |
    | 銀行 | 银行 | 銀行 | yínháng | 2 | bank; CL:家\\|个 |
    <BLANKLINE>
    Definitions: CC-CEDICT (MDBG, cc-cedict.org), CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)
    >>> print(render_vocabulary([item], "csv"), end="")
    word,simplified,traditional,pinyin,count,first,in_dictionary,definitions,disputed_reading,source
    銀行,银行,銀行,yínháng,2,7,yes,bank; CL:家|个,,CC-CEDICT (CC BY-SA 4.0)
    """
    if fmt == "json":
        rows = []
        for item in items:
            row = asdict(item)
            row["definitions"] = list(item.definitions)
            row["source"] = _SOURCE
            rows.append(row)
        return inert_json(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"  # exact, inert on a terminal
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "word",
                "simplified",
                "traditional",
                "pinyin",
                "count",
                "first",
                "in_dictionary",
                "definitions",
                "disputed_reading",
                "source",
            ]
        )
        for item in items:
            writer.writerow(
                inert_row(  # never a formula in a spreadsheet
                    [
                        item.word,
                        item.simplified,
                        item.traditional,
                        item.pinyin,
                        item.count,
                        item.first,
                        "yes" if item.found else "no",
                        "; ".join(item.definitions),
                        item.disputed,
                        _SOURCE,
                    ]
                )
            )
        return out.getvalue()
    if fmt != "md":
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    lines = [f"# Vocabulary: {shown_name(title)}", ""] if title else []  # a file name: it never acts
    lines.append("| word | simplified | traditional | pinyin | count | definitions |")
    lines.append("| --- | --- | --- | --- | ---: | --- |")
    for item in items:
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    item.word,
                    item.simplified,
                    item.traditional,
                    item.pinyin + (f" (article: {item.disputed}, disputed)" if item.disputed else ""),
                    str(item.count),
                    "; ".join(item.definitions),
                )
            )
            + " |"
        )
    lines += ["", ATTRIBUTION]
    return "\n".join(lines) + "\n"
