"""Page flow and table layout of the default template, done on the rendered document.

What only the rendered booklet can tell: how many rows a table has, how many items a
list, and what the columns hold. A template keeps its own choices: only the default
template's tables (table style ``BookletTable``) and lists (its list styles) are
touched, in a user's template too when it kept them.

- A table of up to :data:`KEEP_ROWS` rows stays on one page; a longer one keeps its
  header with the first rows and never leaves fewer than :data:`MIN_ROWS` rows on a page
  (``keepNext`` on the paragraphs of the rows to keep with the following row). A row
  continued by a spanning row (a session and its note) stays with it.
- A list of up to :data:`KEEP_ITEMS` short items stays together; a longer one keeps its
  first and last two items together.
- Column widths follow the content, the way browsers lay out tables: no column is
  narrower than its longest word, so that no heading breaks in the middle of a word.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from lxml import etree

if TYPE_CHECKING:
    from copharvest.views import Harvest

KEEP_ROWS = 12
"""Tables of up to this many body rows are kept on one page."""
MIN_ROWS = 3
"""A longer table leaves at least this many rows on a page."""
KEEP_ITEMS = 12
"""Lists of up to this many items are kept together..."""
KEEP_LIST_CHARS = 1400
"""...when they are short enough (a long list kept whole leaves half-empty pages)."""
TABLE_STYLE = "BookletTable"
LIST_STYLES = frozenset({"ListBullet", "ListNumber", "ColophonBullet"})
CELL_PADDING = 2 * 85 + 60
"""Twips around a cell's text: the table style's left and right cell margins, and slack."""

_P, _PPR, _PSTYLE, _KEEP = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:keepNext")
_TR, _TC, _TRPR, _TCPR = qn("w:tr"), qn("w:tc"), qn("w:trPr"), qn("w:tcPr")
_VAL, _W = qn("w:val"), qn("w:w")
_T, _GRIDSPAN, _TBLHEADER = qn("w:t"), qn("w:gridSpan"), qn("w:tblHeader")
_TCW, _TYPE = qn("w:tcW"), qn("w:type")

# Average advance widths of Calibri, in thousandths of an em, by kind of character: an
# estimate that needs no installed font (Carlito, its free twin, has the same metrics).
_NARROW = frozenset("fijlrtI.,:;'!|()[]/-\u2019\u2018 ")
_WIDE = frozenset("mwMW%@")


def _em_thousandths(ch: str, bold: bool) -> int:
    if ch in _NARROW:
        width = 300
    elif ch in _WIDE:
        width = 800
    elif ch.isupper():
        width = 600
    elif ch.isdigit():
        width = 507
    else:
        width = 490
    return width + (30 if bold else 0)


@cache
def _char_width(ch: str) -> int:
    return _em_thousandths(ch, False)


@lru_cache(maxsize=65536)
def _ems(text: str) -> int:
    """The width of ``text`` in thousandths of an em (regular weight)."""
    return sum(map(_char_width, text))


def text_width(text: str, size_pt: float, *, bold: bool = False) -> int:
    """The estimated width of ``text`` in twips at ``size_pt`` points."""
    ems = _ems(text) + (30 * len(text) if bold else 0)
    return round(ems * size_pt * 20 / 1000)


def _child(element: Any, tag: str) -> Any:
    """The first child of ``element`` with ``tag``, or None: most often its first child
    (a property element). Quicker than ``find``, which goes through lxml's path
    machinery in Python."""
    if len(element):
        first = element[0]
        if first.tag == tag:
            return first
    for child in element.iterchildren(tag):
        return child
    return None


def _keep_next(paragraph: Any) -> None:
    ppr = _child(paragraph, _PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        paragraph.insert(0, ppr)
    elif _child(ppr, _KEEP) is not None:
        return
    keep = etree.Element(_KEEP)
    style = _child(ppr, _PSTYLE)
    if style is not None:
        style.addnext(keep)
    else:
        ppr.insert(0, keep)


def _keep_row(row: Any) -> None:
    for paragraph in row.iter(_P):
        _keep_next(paragraph)


def _is_header(row: Any) -> bool:
    trpr = _child(row, _TRPR)
    return trpr is not None and _child(trpr, _TBLHEADER) is not None


def _spans(row: Any) -> bool:
    return any(int(span.get(_VAL, "1")) > 1 for span in row.iter(_GRIDSPAN))


def keep_table(table: Any) -> None:
    """Keep a short table on one page; keep a long one's header and ends together."""
    body = []
    for row in table.iterchildren(_TR):
        if _is_header(row):
            _keep_row(row)
        else:
            body.append(row)
    keep: set[int] = set()
    if len(body) <= KEEP_ROWS:
        keep.update(range(len(body) - 1))
    else:
        keep.update(range(MIN_ROWS - 1))
        keep.update(range(len(body) - MIN_ROWS, len(body) - 1))
    # a row continued by a spanning row (a session and its note) stays with it
    keep.update(i for i in range(len(body) - 1) if _spans(body[i + 1]) and not _spans(body[i]))
    for i in sorted(keep):
        _keep_row(body[i])


def _words(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(_T))


def _style(paragraph: Any) -> str:
    ppr = _child(paragraph, _PPR)
    style = None if ppr is None else _child(ppr, _PSTYLE)
    return "" if style is None else str(style.get(_VAL, ""))


def keep_lists(body: Any) -> int:
    """Keep short lists together and long ones' ends; returns how many lists."""
    lists: list[list[Any]] = []
    previous: Any = None
    for paragraph in body.iterchildren(_P):
        if _style(paragraph) in LIST_STYLES:
            if previous is not None and paragraph.getprevious() is previous:
                lists[-1].append(paragraph)
            else:
                lists.append([paragraph])
            previous = paragraph
        else:
            previous = None
    for items in lists:
        chars = sum(len(_words(item)) for item in items)
        if len(items) <= KEEP_ITEMS and chars <= KEEP_LIST_CHARS:
            kept = items[:-1]
        else:
            kept = [items[0], items[-2]]
        for item in kept:
            _keep_next(item)
    return len(lists)


def _cell_span(tcpr: Any) -> int:
    """The columns a cell spans, by its properties (``w:tcPr``, or None)."""
    span = None if tcpr is None else _child(tcpr, _GRIDSPAN)
    return 1 if span is None else max(1, int(span.get(_VAL, "1")))


def _paragraph_texts(cell: Any) -> list[str]:
    """The text of each paragraph of a cell (nested ones included), in one pass."""
    texts: list[str] = []
    for element in cell.iter(_P, _T):
        if element.tag == _P:
            texts.append("")
        elif texts and element.text:
            texts[-1] += element.text
    return texts


def _cell_sizes(cell: Any, header: bool, size_pt: float) -> tuple[int, int]:
    """(longest word, longest paragraph) of a cell's text, in twips."""
    word = line = 0
    for text in _paragraph_texts(cell):
        if not text:
            continue
        line = max(line, text_width(text, size_pt, bold=header))
        for piece in text.split():
            word = max(word, text_width(piece, size_pt, bold=header))
    return word, line


def fit_columns(table: Any, size_pt: float = 9.5) -> list[int] | None:
    """Set the column widths of ``table`` from its content; returns them (None: left as is).

    The table keeps its width. Each column gets at least its longest word; what is
    left goes to the columns whose text would otherwise wrap, in proportion.
    """
    grid = table.find(qn("w:tblGrid"))
    if grid is None:
        return None
    cols = list(grid.iterchildren(qn("w:gridCol")))
    if not cols:
        return None
    total = sum(int(col.get(_W, "0")) for col in cols)
    least = [CELL_PADDING] * len(cols)
    most = [CELL_PADDING] * len(cols)
    cells: list[tuple[Any, int, int]] = []  # (the cell's properties, column, span)
    for row in table.iterchildren(_TR):
        header = _is_header(row)
        position = 0
        for cell in row.iterchildren(_TC):
            tcpr = _child(cell, _TCPR)
            span = _cell_span(tcpr)
            cells.append((tcpr, position, span))
            if span == 1 and position < len(cols):
                word, line = _cell_sizes(cell, header, size_pt)
                least[position] = max(least[position], word + CELL_PADDING)
                most[position] = max(most[position], line + CELL_PADDING)
            position += span
    widths = _distribute(total, least, most)
    for col, width in zip(cols, widths, strict=True):
        col.set(_W, str(width))
    for tcpr, position, span in cells:
        tcw = None if tcpr is None else _child(tcpr, _TCW)
        if tcw is not None:
            tcw.set(_W, str(sum(widths[position : position + span])))
            tcw.set(_TYPE, "dxa")
    return widths


SHORT_COLUMN = 0.2
"""A column whose longest line takes at most this share of the table gets the whole line
(a date, a count, a name) when the other columns can still hold their longest words."""


def _distribute(total: int, least: list[int], most: list[int]) -> list[int]:
    """Browsers' automatic table layout: minimum and maximum content widths -> widths."""
    short = [m <= total * SHORT_COLUMN for m in most]
    if sum(most) > total and any(short) and not all(short):
        fixed = sum(m for m, s in zip(most, short, strict=True) if s)
        rest = [i for i, s in enumerate(short) if not s]
        if fixed + sum(least[i] for i in rest) <= total:
            shared = _distribute(total - fixed, [least[i] for i in rest], [most[i] for i in rest])
            widths = [m if s else 0 for m, s in zip(most, short, strict=True)]
            for i, width in zip(rest, shared, strict=True):
                widths[i] = width
            return widths
    if sum(most) <= total:
        extra = total - sum(most)
        widths = [m + extra * m // sum(most) for m in most]
    elif sum(least) <= total:
        spare = total - sum(least)
        room = [max(m - n, 0) for n, m in zip(least, most, strict=True)]
        share = sum(room) or 1
        widths = [n + spare * r // share for n, r in zip(least, room, strict=True)]
    else:  # too narrow for the words: the longest words get the most
        widths = [n * total // sum(least) for n in least]
    widths[-1] += total - sum(widths)  # rounding
    return widths


def finish_booklet(document: Any, harvest: Harvest) -> None:
    """What the rendered booklet needs besides the numbering and the contents: the
    language of each run (formats/docx/language.py), then the page flow."""
    from copharvest.formats.docx.language import tag_document
    from copharvest.formats.docx.post import language_tag
    from copharvest.l10n import language_of

    content = harvest.content_locale
    other = bool(content) and language_of(content) != language_of(harvest.locale)
    tag_document(document, language_tag(content) if other else None)
    typeset(document)


def typeset(document: Any) -> None:
    """The default template's page flow and column widths, on the rendered booklet."""
    body = document.element.body
    for table in body.iterchildren(qn("w:tbl")):
        style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if style is None or style.get(_VAL) != TABLE_STYLE:
            continue
        fit_columns(table)
        keep_table(table)
    keep_lists(body)
