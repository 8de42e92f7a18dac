"""Figures: every quantity the article quotes.

:func:`extract_figures` is pure text grammar (reader.figures.grammar), fast
and without jieba, so the TUI can show figures at once; :func:`label_figures`
adds what each figure measures later (reader.figures.label, uses jieba).

>>> from reader.document import parse
>>> doc = parse("導語\\n01\\n2小時賣出223萬元,新增粉絲2.8萬。")
>>> [(f.text, f.value, f.kind, f.section) for f in extract_figures(doc)]
[('2小時', 2.0, 'duration', 1), ('223萬元', 2230000.0, 'money', 1), ('2.8萬', 28000.0, 'count', 1)]
>>> figure_to_json(extract_figures(doc)[1], doc)["value"]
2230000
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from operator import attrgetter

from reader.figures.context import context_span
from reader.figures.grammar import scan
from reader.figures.kinds import Qualifier
from reader.runtime.collector import collections_paused


@dataclass(frozen=True, slots=True)  # a book has ~60,000 of them
class Figure:
    text: str  # as written in the clean text (original script), e.g. "超過400位"
    value: float | str  # normalized: 2230000.0, 60.0, "--09-10", "2018"
    value_max: float | str | None  # upper end of a range, else None
    unit: str  # "元", "位", "%", "倍", "" ...
    kind: str  # a reader.figures.kinds.Kind value: money, count, people, quantity, age, time ...
    qualifier: Qualifier  # none | approx | lower (a lower bound: 超過) | upper (不到)
    label: str  # what it measures ("粉絲", "銷售額"); "" until labelled
    sentence: str  # its context: the sentence holding it, or its clause if that is long (figures/context.py)
    section: int  # index into Document.sections
    start: int  # offsets in Document.text: text == doc.text[start:end]
    end: int
    vague: bool = False  # a magnitude, not a number: 上萬, 數萬, 近千, 億級 ...

    def labelled(self, label: str) -> Figure:
        """This figure with ``label`` (``dataclasses.replace`` without its look-ups of the
        fields, for most figures of a book); itself when it has that label already.

        >>> from dataclasses import replace
        >>> from reader.document import parse
        >>> f = extract_figures(parse("3個人"))[0]; g = f.labelled("人")
        >>> (g.label, g.text, g.end), f.labelled("") is f, g.labelled("人") is g, g == replace(f, label="人")
        (('人', '3個', 2), True, True, True)
        """
        if label == self.label:
            return self
        new = object.__new__(Figure)  # slot by slot: __init__ goes through the frozen guard per field
        for set_slot, value in zip(_SLOT_SETTERS, _SLOT_VALUES(self)):
            set_slot(new, value)
        _LABEL_SETTER(new, label)
        return new


_SETTERS = {name: getattr(Figure, name).__set__ for name in Figure.__slots__}
_OTHER_SLOTS = tuple(name for name in Figure.__slots__ if name != "label")
_SLOT_VALUES = attrgetter(*_OTHER_SLOTS)
_SLOT_SETTERS = tuple(_SETTERS[name] for name in _OTHER_SLOTS)
_LABEL_SETTER = _SETTERS["label"]


SENTENCE_ENDS = "。！？；…!?;\n"


_SENTENCE_END = re.compile("[" + re.escape(SENTENCE_ENDS) + "]")


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of every sentence end mark in ``text[start:end]`` (for :func:`sentence_span`
    on a long text; a line-aligned span holds its sentences' ends)."""
    return list(map(re.Match.start, _SENTENCE_END.finditer(text, start, len(text) if end is None else end)))


def sentence_span(text: str, start: int, end: int, ends: list[int] | None = None) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from after the previous end mark
    to its own end mark (included), without surrounding blanks.  ``ends``:
    :func:`sentence_ends` of ``text``, when many spans are wanted.

    >>> t = "甲。乙有3個,丙!丁"
    >>> s, e = sentence_span(t, 3, 5); t[s:e], sentence_span(t, 3, 5, sentence_ends(t)) == (s, e)
    ('乙有3個,丙!', True)
    """
    if ends is not None:
        return sentence_between(text, bisect.bisect_left(ends, start), bisect.bisect_left(ends, end), ends)
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_ENDS:
        right += 1
    return _closed(text, left, right)


def sentence_between(text: str, after: int, to: int, ends: list[int]) -> tuple[int, int]:
    """The sentence from after the ``after - 1``-th end mark of ``ends`` (:func:`sentence_ends`
    of ``text``) to the ``to``-th, as :func:`sentence_span` gives it: every figure between
    the same two marks has this sentence.

    >>> t = "甲。乙有3個,丙!丁"; s, e = sentence_between(t, 1, 1, sentence_ends(t)); t[s:e]
    '乙有3個,丙!'
    """
    left = ends[after - 1] + 1 if after else 0
    right = ends[to] if to < len(ends) else len(text)
    return _closed(text, left, right)


def _closed(text: str, left: int, right: int) -> tuple[int, int]:
    """``text[left:right]`` with the end mark at ``right`` and the closing quotes after it,
    without surrounding blanks."""
    if right < len(text) and text[right] != "\n":
        right += 1
        while right < len(text) and text[right] in "”」』\"'）)":
            right += 1  # a closing quote belongs to the sentence it closes
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def extract_figures(doc, span: tuple[int, int] | None = None) -> tuple[Figure, ...]:
    """Every figure of ``doc`` (starting in the line-aligned ``span``) in document order,
    without labels (fast, no jieba)."""
    with collections_paused():  # a few records per candidate, none in a cycle
        return _extract(doc, span)


def _extract(doc, span: tuple[int, int] | None) -> tuple[Figure, ...]:
    text = doc.text
    start, end = span if span is not None else (0, len(text))
    ends = sentence_ends(text, max(0, start - 1), end)  # with the line break before the span
    figures = []
    sentences: dict[tuple[int, int], str] = {}  # figures of one sentence share its string
    view = doc.figure_view(start, end)
    section_at, qualifier_of, bisect_left = doc.section_at, Qualifier.of, bisect.bisect_left
    opened, closed = len(text), -1  # the end marks around the last figure's sentence ...
    sent = (0, 0)  # ... and its sentence: a figure between the same two marks has it too
    for view_start, view_end, _text, value, value_max, unit, kind, qualifier, vague in scan(view.text):
        raw_start, raw_end = view.source_span(view_start, view_end)
        if not opened < raw_start <= raw_end <= closed:
            after, to = bisect_left(ends, raw_start), bisect_left(ends, raw_end)
            opened = ends[after - 1] if after else -1
            closed = -1 if to != after else ends[to] if to < len(ends) else len(text)
            sent = sentence_between(text, after, to, ends)
        span = context_span(text, *sent, raw_start, raw_end)
        sentence = sentences.get(span)
        if sentence is None:
            sentence = sentences[span] = text[span[0] : span[1]]
        figures.append(
            Figure(  # text, value, value_max, unit, kind, qualifier, label, sentence, section, start, end, vague
                text[raw_start:raw_end],
                value,
                value_max,
                unit,
                kind,
                qualifier_of(qualifier),
                "",
                sentence,
                section_at(raw_start).index,
                raw_start,
                raw_end,
                vague,
            )
        )
    return tuple(figures)


def label_figures(doc, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The same figures with ``label`` filled from their clause (uses reader.text.segment); a
    Latin label of function words (``of``, ``in the third``) gives way to the English noun
    linked to the figure (``revenue of $81.8 billion``) or to none."""
    from reader.figures.label import label_all
    from reader.figures.latin import latin_label
    from reader.text.latin import is_content_label

    text = doc.text
    return tuple(
        f if _named(f.label, is_content_label) else f.labelled(latin_label(text, f.start, is_content_label))
        for f in label_all(text, figures)
    )


def _named(label: str, is_content_label) -> bool:
    """A label that names something: one that starts with a Han letter (most; then it is a
    content label without looking), else as ``is_content_label`` says.

    >>> from reader.text.latin import is_content_label
    >>> [_named(x, is_content_label) for x in ("營收", "iPhone", "of", "", "，of")]
    [True, True, False, False, False]
    """
    if not label:
        return False
    first = label[0]
    return (first.isalpha() and not first.isascii()) or is_content_label(label)


def json_number(value: float | str | None) -> float | int | str | None:
    """``value`` as JSON writes it: an integral float as an int.

    >>> json_number(3.0), json_number(2.5), json_number(float("inf")), json_number("--09-10"), json_number(None)
    (3, 2.5, inf, '--09-10', None)
    """
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def figure_to_json(fig: Figure, doc) -> dict:
    """The CLI's JSON object for ``fig`` (integral numbers as ints, section by name).

    >>> from reader.document import parse
    >>> doc = parse("約15%，上萬人")
    >>> [(j["value"], j["section"], j["qualifier"], j["vague"]) for j in (figure_to_json(f, doc) for f in extract_figures(doc))]
    [(15, '', 'approx', False), (10000, '', 'lower', True)]
    """
    sections = doc.sections
    name = sections[fig.section].name if 0 <= fig.section < len(sections) else ""
    return {
        "text": fig.text,
        "value": json_number(fig.value),
        "value_max": json_number(fig.value_max),
        "unit": fig.unit,
        "kind": fig.kind,
        "qualifier": str(fig.qualifier),
        "vague": fig.vague,
        "label": fig.label,
        "sentence": fig.sentence,
        "section": name,
        "start": fig.start,
        "end": fig.end,
    }
