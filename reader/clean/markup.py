"""HTML left in scraped text: tags, comments, script/style blocks and entities.

>>> [(e.new, e.kind) for e in html_edits("a<br><br>b&amp;nbsp;c")]
[('\\n', 'html'), ('', 'html'), ('\\xa0', 'entity')]
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from reader.clean.edits import Edit, inside_any
from reader.clean.terminal import INVISIBLE_CLASS
from reader.text.patterns import compiled

# A tag cut off by the end of the text: within its line (it swallows the rest of it).
_CUT_OFF_TAG = r"<[A-Za-z][A-Za-z0-9:-]*(?:[ \t][^<>\n]*)?\s*"
# An attribute, for a tag that spans lines: only this shape may cross a line break, so that
# a "<" in prose or a tag left open never reaches a ">" lines later and deletes what is between.
_ATTRIBUTE = r"""[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:\s*=\s*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>`]+))?"""
# (Every branch opens with the "<" written once before them: the engine then skips in C to
# each "<", where a first branch scoped case-insensitive made it try them all at every character.)
_TAG = re.compile(
    r"<(?:"
    # a script or style block goes whole: its code is never the article's text
    r"(?i:(script|style)\b[^<>]*>.*?</\1\s*>)"
    r"|!--(?:(?!<!--).)*?-->"  # comments (not nested: an earlier "<!--" is left open)
    r"|!--[^\n]*"  # a comment left open: the rest of its line
    r"|/?[A-Za-z][A-Za-z0-9:-]*(?:[ \t][^<>\n]*)?/?>"  # complete tags on one line
    r"|/?[A-Za-z][A-Za-z0-9:-]*(?:\s+" + _ATTRIBUTE + r")*\s*/?>"  # ... or attributes over lines
    r"|" + _CUT_OFF_TAG.removeprefix("<") + r"\Z)",
    re.S,
)
# An entity; one escaped twice (``&amp;nbsp;``); a numeric one without its semicolon (``&#65292``,
# which browsers read as well).
_ENTITY = re.compile(
    r"&(?:amp;)?(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&#[0-9]{2,7}(?![0-9;])|&#[xX][0-9a-fA-F]{2,6}(?![0-9a-fA-F;])"
)
# Tags that end a line or a paragraph in a browser: between two pieces of text on one line their
# removal leaves a line break, so that paragraphs joined by ``<br><br>`` or ``</p><p>`` stay apart.
_BLOCK_TAG = re.compile(r"</?(?:br|p|div|li|h[1-6]|tr|table|ul|ol|section|article|blockquote|dd|dt|hr)\b", re.I)
_SPACE = " \t\u3000\xa0"


def html_edits(text: str) -> list[Edit]:
    """Strip HTML tags (and one truncated at the end) and unescape entities.

    >>> [(e.new, e.kind) for e in html_edits('a&nbsp;b<span style="x">c')]
    [('', 'html'), ('\\xa0', 'entity')]
    >>> html_edits("a < b and c > d")
    []
    """
    edits: list[Edit] = []
    for m in _TAG.finditer(text):
        g = m.group()
        # A truncated tag swallows the rest of its line; keep the line break.
        start = m.start()
        if m.end() == len(text) and not g.endswith(">"):
            # also drop the blank/indented lead-in of that last line
            while start > 0 and text[start - 1] in " \t":
                start -= 1
        edits.append(Edit(start, m.end(), "", "html", _tag_note(g)))
    edits += _truncated_tail(text, edits)
    edits = _line_breaks(text, edits)
    taken = inside_any([(e.start, e.end) for e in edits])
    for m in _ENTITY.finditer(text):
        if taken(m.start()):
            continue
        new, note = _decoded(m.group())
        if new is None or _would_make_markup(new, text, m.end()):
            continue
        if compiled(_UNSAFE_DECODED).search(new):
            # &#27; &#x202e; &#8203;: an entity must not smuggle in what the control pass removes
            edits.append(Edit(m.start(), m.end(), "", "control", f"entity for U+{ord(new[0]):04X} removed"))
            continue
        edits.append(Edit(m.start(), m.end(), new, "entity", note))
    return edits


def _decoded(entity: str) -> tuple[str | None, str]:
    """What an entity match stands for (None: it stays as written), and the repair's note.

    Escaped twice, it is the character the page meant, unless that is markup (``&amp;lt;`` is
    written-out HTML and stays); without its semicolon only a character beyond ASCII is read
    (``&#123`` in a code listing stays).

    >>> _decoded("&amp;nbsp;"), _decoded("&amp;#12290;"), _decoded("&amp;lt;"), _decoded("&amp;")
    (('\\xa0', 'double-escaped entity'), ('。', 'double-escaped entity'), (None, ''), ('&', ''))
    >>> _decoded("&#65292"), _decoded("&#X4E2D;"), _decoded("&#0012290;"), _decoded("&#123")
    (('，', 'entity without its semicolon'), ('中', ''), ('。', ''), (None, ''))
    >>> _decoded("&#6529210")
    (None, '')
    """
    if entity.startswith("&amp;") and len(entity) > 5:
        inner = "&" + entity[5:]
        new = html.unescape(inner)
        return (new, "double-escaped entity") if new != inner and new not in ("<", ">", "&") else (None, "")
    if not entity.endswith(";"):
        new = html.unescape(entity + ";")
        # (digits run on into the text's own: "&#6529210" for "，10" reads as no character, and stays)
        readable = len(new) == 1 and ord(new) >= 0xA0 and new != "\ufffd"
        return (new, "entity without its semicolon") if readable else (None, "")
    new = html.unescape(entity)
    return (new, "") if new != entity else (None, "")


def _line_breaks(text: str, edits: list[Edit]) -> list[Edit]:
    """Tag edits where a run of tags with a block tag among them stands between two pieces of text
    on one line: the first of the run leaves a line break.

    >>> [e.new for e in html_edits("段一<br/> <br>段二</p><p>段三<b>x</b>")]
    ['\\n', '', '\\n', '', '', '']
    >>> [e.new for e in html_edits("<p>段一</p>\\n<p><strong>標題</strong></p>")]
    ['', '', '', '', '', '']
    """
    out = sorted(edits, key=lambda e: e.start)
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and not text[out[j].end : out[j + 1].start].strip(_SPACE):
            j += 1
        run = out[k : j + 1]
        if any(_BLOCK_TAG.match(text, e.start) for e in run) and _text_around(text, run[0].start, run[-1].end):
            out[k] = replace(run[0], new="\n", note=run[0].note + " (a line break)")
        k = j + 1
    return out


def _text_around(text: str, start: int, end: int) -> bool:
    """Whether the line has text before ``start`` and after ``end`` (spaces aside)."""
    a = start
    while a > 0 and text[a - 1] in _SPACE:
        a -= 1
    b = end
    while b < len(text) and text[b] in _SPACE:
        b += 1
    return a > 0 and text[a - 1] != "\n" and b < len(text) and text[b] != "\n"


def _tag_note(tag: str) -> str:
    """What the HTML pass says it removed.

    >>> _tag_note("<!-- x"), _tag_note("<!-- x -->"), _tag_note("<p "), _tag_note("<p>")
    ('comment left open (the rest of its line)', 'comment', 'truncated tag', 'tag')
    """
    if tag[:7].lower() in ("<script", "<style>", "<style "):
        return "script or style block"
    if tag.startswith("<!--"):
        return "comment" if tag.endswith("-->") else "comment left open (the rest of its line)"
    return "tag" if tag.endswith(">") else "truncated tag"


_TRUNCATED = re.compile(_CUT_OFF_TAG)


def _truncated_tail(text: str, edits: list[Edit]) -> list[Edit]:
    """The truncated tags that removing the tail would leave at the end, in turn.

    ``<p style="a<p style="b<p>`` loses its tag and then looks cut off again: all of
    it goes in one pass (rounds of the pass are capped, and cleaning must be idempotent).

    >>> sorted((e.start, e.end) for e in html_edits('x<p style="a<p style="b<p>'))
    [(1, 12), (12, 23), (23, 26)]
    """
    spans = sorted((e.start, e.end) for e in edits)
    end = len(text)
    extra: list[Edit] = []
    while True:
        while spans and spans[-1][1] == end:
            end = spans.pop()[0]
        at = text.rfind("<", 0, end)
        if at < 0 or (spans and spans[-1][1] > at) or not _TRUNCATED.fullmatch(text, at, end):
            return extra  # (a "<" inside what is removed already, e.g. a comment left open, is no tag)
        start = at
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        extra.append(Edit(start, end, "", "html", "truncated tag"))
        end = start


_UNSAFE_DECODED = f"[{INVISIBLE_CLASS}\x1b\r]"


def _would_make_markup(decoded: str, text: str, after: int) -> bool:
    """Decoding must not create a tag or entity that a second cleaning would strip.

    ``&lt;b&gt;`` stays ``&lt;b>`` and ``&amp;lt;`` stays as it is, so that cleaning
    is idempotent and written-out markup is never deleted as if it were real.
    """
    if decoded == "<":
        return re.match(r"[A-Za-z/!?&]", text[after : after + 1]) is not None
    if decoded == "&":
        return re.match(r"#?[A-Za-z0-9]{1,32};", text[after : after + 34]) is not None
    return False
