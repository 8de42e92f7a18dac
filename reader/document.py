"""The shared document model: frozen dataclasses built once from clean text.

Every view (TUI widgets, CLI dumps) reads a :class:`Document`; none of them
re-parses text.  Enrichment (figures, keywords) returns a new ``Document``
with those fields filled (``dataclasses.replace``), so data flows one way.

>>> doc = parse("導語\\n01\\n正文。\\n")
>>> [(s.name, len(s.paragraphs)) for s in doc.sections]
[('', 1), ('01', 1)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reader.clean.edits import Inferred, Repair
from reader.text.fold import Folded, fold

if TYPE_CHECKING:  # pragma: no cover - typing only
    from reader.figures.extract import Figure
    from reader.keywords import Keyword


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-empty line of the clean text; ``start`` is its offset in it."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


LEDE = {"trad": "導語", "simp": "导语"}  # the label of the text before the first heading


@dataclass(frozen=True)
class Section:
    """The lede (index 0, name "") or a numbered/titled section.

    ``name`` is how the article numbers it ("01", "一、流向", "第一章 …"; a
    Markdown heading's text without its ``#``); ``title`` is its heading text
    without the number ("" when the article gives none); ``heading`` holds the
    heading lines themselves (a Markdown heading's line from its text on: the
    ``## `` stays in ``Document.text``, outside the paragraph); ``level`` is a
    Markdown heading's number of ``#`` (1 for every other heading).
    """

    index: int
    name: str
    title: str
    heading: tuple[Paragraph, ...]
    paragraphs: tuple[Paragraph, ...]
    level: int = 1
    lede: str = LEDE["trad"]  # the lede's label, in the article's own script

    @property
    def label(self) -> str:
        """What a navigator shows: "導語" for the lede ("导语" in a Simplified article), else
        name + title.

        >>> parse("正文。", script="simp").sections[0].label, parse("正文。", script="trad").sections[0].label
        ('导语', '導語')
        """
        if self.index == 0 and not self.name:
            return self.lede
        if self.title and self.title not in self.name:
            return f"{self.name} {self.title}"
        return self.name

    @property
    def start(self) -> int:
        first = self.heading[:1] or self.paragraphs[:1]
        return first[0].start if first else 0

    @property
    def end(self) -> int:
        last = self.paragraphs[-1:] or self.heading[-1:]
        return last[0].end if last else self.start


@dataclass(frozen=True)
class Document:
    """One article: where it came from, its clean text and its structure."""

    source: str
    encoding: str
    text: str
    sections: tuple[Section, ...]
    # in offset order: a tuple, or the cleaner's compact reader.clean.repair_log.Repairs (read-only)
    repairs: Sequence[Repair] = ()
    # offset of a character in ``text`` -> the pinyin reading the source gave it
    readings: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    script: str = "unknown"  # detected: "trad", "simp", "mixed" or "none"
    replacement_chars: int = 0  # undecodable byte sequences turned into U+FFFD
    figures: tuple[Figure, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def lede(self) -> Section:
        return self.sections[0]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every heading line and paragraph in reading order."""
        return tuple(p for s in self.sections for p in (*s.heading, *s.paragraphs))

    @property
    def inferred(self) -> tuple[Inferred, ...]:
        """Characters the cleaner chose from evidence rather than read from bytes."""
        whole = getattr(self.repairs, "whole", None)  # compact repairs: only those kept whole can have any
        return tuple(x for r in (whole() if whole else self.repairs) for x in r.inferred)

    def repair_counts(self) -> dict[str, int]:
        """How many repairs of each kind, most first (flags such as ``suspect`` included)."""
        kinds = getattr(self.repairs, "kinds", None)  # the compact log counts without making repairs
        counts: dict[str, int] = dict(kinds()) if kinds else {}
        if not kinds:
            for r in self.repairs:
                counts[r.kind] = counts.get(r.kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def flagged(self) -> list[tuple[int, int, str]]:
        """``(start, end, kind)`` of what a reader should see marked: page furniture kept in the
        text (``boilerplate``), characters lost with their bytes, damaged and suspected passages."""
        spans_of = getattr(self.repairs, "spans_of", None)
        if spans_of is not None:
            return spans_of(FLAGGED_KINDS)
        return [(r.offset, r.end, r.kind) for r in self.repairs if r.kind in FLAGGED_KINDS and r.after]

    @property
    def about(self) -> str:
        """What the page said about the article (its byline lines), in one line."""
        return about_line(self.meta)

    @cached_property
    def _section_starts(self) -> tuple[list[int], list[Section]]:
        nonempty = [s for s in self.sections if s.heading or s.paragraphs]
        return [s.start for s in nonempty], nonempty

    def figure_view(self, start: int = 0, end: int | None = None) -> Folded:
        """The folded view of ``text[start:end]`` that figure extraction reads: full-width
        digits in ASCII, no spaces between a number and its unit (reader.text.fold), with
        the map back to ``text``'s offsets.

        >>> doc = parse("續航 4100 毫安時")
        >>> view = doc.figure_view(); view.text, doc.text[slice(*view.source_span(2, 10))]
        ('續航4100毫安時', '4100 毫安時')
        """
        return fold(self.text, start, end)

    def section_at(self, offset: int) -> Section:
        """The section whose span holds ``offset`` (the last one starting at or before it)."""
        starts, nonempty = self._section_starts
        i = bisect.bisect_right(starts, offset) - 1
        return nonempty[i] if i >= 0 else self.sections[0]


FLAGGED_KINDS = ("boilerplate", "lost", "damaged", "suspect")


def repairs_line(counts: Mapping[str, int]) -> str:
    """``332 repairs: 320 pinyin · 6 mojibake · 5 boilerplate · 1 lost``.

    >>> repairs_line({"pinyin": 320, "mojibake": 6, "boilerplate": 5, "lost": 1})
    '332 repairs: 320 pinyin · 6 mojibake · 5 boilerplate · 1 lost'
    >>> repairs_line({}), repairs_line({"html": 1})
    ('0 repairs', '1 repair: 1 html')
    """
    total = sum(counts.values())
    head = f"{total} repair{'s' if total != 1 else ''}"
    return head + (": " + " · ".join(f"{n} {kind}" for kind, n in counts.items()) if counts else "")


META_FIELDS = (("source", "source"), ("author", "by"), ("editor", "editor"), ("date", "published"), ("title", "title"))


def about_line(meta: Mapping[str, Any]) -> str:
    """The metadata the cleaner read from bylines, in one line ("" when there is none).

    >>> about_line({"source": "差评", "author": "托尼", "date": "2020-05-01"})
    'source 差评 · by 托尼 · published 2020-05-01'
    """
    return " · ".join(f"{label} {meta[key]}" for key, label in META_FIELDS if meta.get(key))


# ---------------------------------------------------------------- headings

_CN_DIGITS = "零〇一二三四五六七八九十百兩"
# A line that is only a section number: "01", "1", "一", "（三）", "Part 2".
_MARKER_ONLY = re.compile(
    rf"^(?:\d{{1,3}}|[{_CN_DIGITS}]{{1,4}}|[（(][{_CN_DIGITS}\d]{{1,3}}[）)]|"
    r"(?:Part|PART|Chapter|CHAPTER)\s+[\dIVXivx]{1,5})$"
)
# "一、流向", "3. 標題", "第一章 …", "Part 1 …" with a short heading after it.
_NUMBERED = re.compile(
    rf"^(?:[{_CN_DIGITS}]{{1,4}}、|\d{{1,2}}[、.．]\s*|"
    rf"第[{_CN_DIGITS}\d]{{1,4}}[章節部篇回卷]\s*|(?:Part|Chapter)\s+[\dIVX]{{1,4}}[:.]?\s+)"
)
_MARKDOWN = re.compile(r"^#{1,6}\s+\S")
# An ATX heading's parts: the opening hashes and blank, the text, an optional closing run of hashes.
_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SENTENCE_END = "。！？!?；;…"
_MAX_HEADING = 30  # characters; longer lines are prose, whatever they start with


def _is_short_title(line: str) -> bool:
    """A heading-like line: short, no sentence inside; it may end in a question or
    exclamation mark ("產業背景期貨公司成新風口？")."""
    body = line[:-1] if line[-1:] in "？！?!" else line
    return (
        0 < len(line) <= _MAX_HEADING
        and body[-1:] not in tuple(_SENTENCE_END + "，,、：:”」")
        and not any(c in body for c in "。！？!?；;")
    )


def heading_kind(line: str) -> str | None:
    """Classify a stripped line: "marker", "numbered", "markdown" or None.

    >>> heading_kind("01"), heading_kind("一、流向"), heading_kind("# 標題")
    ('marker', 'numbered', 'markdown')
    >>> heading_kind("一、團隊建設不完善，沒有拍攝；二、主播完全沒有經驗") is None
    True
    """
    if _MARKER_ONLY.match(line):
        return "marker"
    if _MARKDOWN.match(line) and len(line) <= 80:
        return "markdown"
    m = _NUMBERED.match(line)
    if m and m.end() < len(line) and _is_short_title(line):
        return "numbered"
    return None


def markdown_heading(para: Paragraph) -> tuple[int, Paragraph]:
    """An ATX heading line's level and the paragraph of its text alone (hashes outside it).

    >>> markdown_heading(Paragraph("## 營收概況 ##", 10))
    (2, Paragraph(text='營收概況', start=13))
    >>> markdown_heading(Paragraph("# C# 入門", 0))
    (1, Paragraph(text='C# 入門', start=2))
    """
    m = _ATX.match(para.text)
    if m is None or not m.group(2):
        return 1, para
    return len(m.group(1)), Paragraph(m.group(2), para.start + m.start(2))


def _title_of(kind: str, line: str) -> str:
    if kind == "markdown":
        return markdown_heading(Paragraph(line, 0))[1].text
    if kind == "numbered":
        return _NUMBERED.sub("", line, count=1).strip()
    return ""


def parse(
    text: str,
    *,
    source: str = "<text>",
    encoding: str = "utf-8",
    repairs: tuple[Repair, ...] = (),
    readings: Mapping[int, str] | None = None,
    script: str = "unknown",
    replacement_chars: int = 0,
) -> Document:
    """Split clean ``text`` into lede + sections of paragraphs (never raises)."""
    sections: list[Section] = []
    name, title, level = "", "", 1
    heading: list[Paragraph] = []
    paras: list[Paragraph] = []
    expect_title = False  # a marker-only line may be followed by a title line
    lede = LEDE.get(script, LEDE["trad"])

    def close() -> None:
        sections.append(Section(len(sections), name, title, tuple(heading), tuple(paras), level, lede))

    offset = 0
    for raw in text.split("\n"):
        line_start = offset
        offset += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        para = Paragraph(line, start)
        kind = heading_kind(line)
        if kind is None and expect_title and not paras and _is_short_title(line):
            heading.append(para)
            title = line
            expect_title = False
            continue
        expect_title = False
        if kind is None:
            paras.append(para)
            continue
        close()
        level, shown = markdown_heading(para) if kind == "markdown" else (1, para)
        name, title = shown.text, _title_of(kind, line)
        heading, paras = [shown], []
        expect_title = kind == "marker"
    close()
    return Document(
        source=source,
        encoding=encoding,
        text=text,
        sections=tuple(sections),
        repairs=tuple(repairs),
        readings=MappingProxyType(dict(readings or {})),
        script=script,
        replacement_chars=replacement_chars,
    )
