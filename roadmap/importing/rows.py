"""Sort the rows below a header into measures, phases and rows to skip (docs/import.md).

Skipped without a word: empty rows, totals rows and template placeholders. Recognised and named in
one warning each (roadmap/importing/row_report.py): phase, section and summary rows (their name goes into
the notes of the measures below them) and milestone rows. Everything else becomes a measure (see
roadmap/importing/measure_cells.py).
A titled row with data is never taken for a template: a title over the limit, one that looks like
markup and a number that is a formula's value are kept and named (see title_findings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from roadmap.domain.measure import TITLE_LIMIT
from roadmap.importing.column_names import FILL_DOWN, TITLE_LEVELS, is_grid_header
from roadmap.importing.values import is_empty, parse_date, text_of
from roadmap.workbook.styles import Cell

MEASURE, PHASE, GROUP, SUMMARY, MILESTONE, UNTITLED = (
    "measure",
    "phase",
    "group",
    "summary",
    "milestone",
    "untitled",
)

_TOTAL = re.compile(
    r"(zwischen|gesamt|grand |sub)?(summe|gesamt|total|insgesamt|sum|subtotal)\b[\s:]*(\S+\s*){0,3}"
    r"|.*\b(summe|gesamt|total|insgesamt)\s*:?"
)
_PLACEHOLDER = re.compile(r"<.*>|\[.*\]|nn|n\.\s?n\.|tbd|tba|x{3,}|\.{3,}|…|\?+|platzhalter|placeholder")
# A title that is only a number: a template's running number, or a formula's value in a row with data.
_NUMBER_ONLY = re.compile(r"\d+([.,]\d+)?")
# What a browser or Markdown would render rather than show: HTML elements, closing tags, tags with
# attributes, entities, links and images, emphasis, code and script addresses. A template's
# '<Tätigkeit hier eintragen>' is none of these.
_HTML_ELEMENTS = (
    "a|abbr|audio|b|base|body|br|button|code|div|em|embed|font|form|frame|h[1-6]|head|html|i|iframe|img|"
    "input|link|marquee|math|meta|object|p|pre|s|script|select|source|span|strong|style|sub|sup|svg|table|"
    "td|textarea|th|title|tr|u|video"
)
_MARKUP = re.compile(
    rf"</?({_HTML_ELEMENTS})\b[^<>]*>|</[^<>\s]+>|<[^<>]*\s[\w-]+\s*=[^<>]*>|<!--|<(https?|ftp|mailto):"
    r"|&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot|nbsp);"
    r"|!?\[[^\]]*\]\([^)]*\)|\*\*\S(.*\S)?\*\*|__\S(.*\S)?__|~~\S(.*\S)?~~|`[^`]+`"
    r"|(^|\s)\*[^*\s]([^*]*[^*\s])?\*($|\s)|\b(javascript|vbscript):",
    re.IGNORECASE,
)
# What a spreadsheet program would take for a formula (docs/import.md: =, +, -, @ at the start).
_FORMULA = re.compile(r"[=+\-@]")
TOTAL = "total"
LONG_TITLE, MARKUP_TITLE, FORMULA_TITLE, VALUE_TITLE = "long_title", "markup_title", "formula_title", "value_title"
# 'Phase II', 'Phase 1: Quick Wins', 'Abschnitt 2 – Ausbau' (not 'Release 2 ausrollen').
_PHASE_NAME = re.compile(r"(phase|projektphase|abschnitt|etappe|stage)\s*([ivx]+|\d+)\.?\s*([:–—-].*)?")
_MILESTONE = re.compile(r"(meilenstein|milestone|ms\s?\d+\s*:).*")
_SUB_ITEM = re.compile(r"^\s*(\|?\s*-+>?|[–—•*·>]|\d+\))\s+|^\s{2,}")
# Columns whose value makes a row a measure of its own: a phase, summary or totals row never sets them.
OWN_DATA = ("value", "effort", "priority", "depends_on", "owner", "votes", "kpi_name", "must_have", "pinned")
# …and the amounts a summary row of a whole project would only hold as the sum of the others.
_AMOUNTS = ("one_time_cost", "running_cost", "person_days")


@dataclass
class Line:
    """One non-empty row below the header, with what the sorting needs to know about it."""

    number: int  # Excel's 1-based row number
    cells: list[Cell]
    title: str
    level: int
    ident: str
    has_data: bool
    sub_item: bool
    first_text: str
    start: date | None = None
    end: date | None = None  # the planned end, else the due date (for spans of summary rows)
    planned_end: date | None = None  # the planned end: gives the duration
    due: date | None = None  # the due date: the deadline
    title_column: int | None = None  # the 0-based column the title was read from
    title_text: bool = True  # False where the title cell held a number, date or yes/no, not text
    kind: str = MEASURE
    phase: str = ""
    parent: str = ""
    amounts: bool = False  # costs or person-days given (a project's summary row may hold their sum)
    own_data: bool = False  # a value a structure row never has: value, effort, costs, owner, dependencies …
    looked_like: str = ""  # kept as a measure although it looked like this kind of row (said in the preview)


@dataclass(frozen=True)
class Layout:
    """Which columns are mapped, which are a Gantt calendar grid and which go into the notes."""

    mapping: dict[str, int]
    grid: tuple[int, ...]
    notes: tuple[int, ...]


def layout_of(
    headers: tuple[str, ...],
    mapping: dict[str, int],
    rows: list[list[Cell]],
    hidden: frozenset[int] = frozenset(),
) -> Layout:
    """The columns' roles; unmapped visible columns that hold any value are kept for the notes."""
    width = max([len(headers), *(len(row) for row in rows)], default=0)
    used = set(mapping.values()) | hidden
    free = [c for c in range(width) if c not in used]
    grid = [c for c in free if c < len(headers) and headers[c] and is_grid_header(headers[c])]
    if len(grid) < 3:
        grid = []
    notes = [c for c in free if c not in grid and any(c < len(row) and not is_empty(row[c]) for row in rows)]
    return Layout(mapping, tuple(grid), tuple(notes))


def read_lines(
    rows: list[list[Cell]], first: int, layout: Layout, date1904: bool, hidden: frozenset[int] = frozenset()
) -> list[Line]:
    """The non-empty rows from 0-based row `first` on that are not `hidden`, with titles, ids and dates read."""
    mapping = layout.mapping
    levels = [mapping[key] for key in TITLE_LEVELS if key in mapping]
    quiet = {*levels, *(mapping[k] for k in ("id", "description", "notes", *FILL_DOWN) if k in mapping)}
    lines = []
    for index in range(first, len(rows)):
        cells = rows[index]
        if index in hidden or all(is_empty(cell) for cell in cells):
            continue
        level, value, title_column = _title_cell(cells, levels)
        raw = value if isinstance(value, str) else text_of(value)
        ident = text_of(_at(cells, mapping.get("id")))
        line = Line(
            number=index + 1,
            cells=cells,
            title=_clean_title(raw),
            level=level,
            ident=ident,
            has_data=any(not is_empty(cell) for c, cell in enumerate(cells) if c not in quiet),
            sub_item=bool(_SUB_ITEM.match(raw)) and level == 0,
            first_text=next((c.strip() for c in cells if isinstance(c, str) and c.strip()), ""),
            title_column=title_column,
            title_text=value is None or isinstance(value, str),
        )
        line.start = _date_or_none(_at(cells, mapping.get("earliest_start")), False, date1904)
        line.due = _date_or_none(_at(cells, mapping.get("deadline")), True, date1904)
        line.planned_end = _date_or_none(_at(cells, mapping.get("planned_end")), True, date1904)
        line.end = line.planned_end or line.due
        line.own_data = any(not is_empty(_at(cells, mapping.get(key))) for key in OWN_DATA if key in mapping)
        line.amounts = any(not is_empty(_at(cells, mapping.get(key))) for key in _AMOUNTS if key in mapping)
        lines.append(line)
    return lines


def _title_cell(cells: list[Cell], levels: list[int]) -> tuple[int, Cell, int | None]:
    """The deepest filled title column of a row: its level, its cell and its column (None: no title)."""
    level, value, found = 0, None, None
    for depth, column in enumerate(levels):
        cell = cells[column] if column < len(cells) else None
        if not is_empty(cell):
            level, value, found = depth, cell, column
    return level, value, found


def _at(cells: list[Cell], column: int | None) -> Cell:
    return cells[column] if column is not None and column < len(cells) else None


def _clean_title(raw: str) -> str:
    return " ".join(_SUB_ITEM.sub("", raw).split()).strip()


def _date_or_none(value: Cell, end: bool, date1904: bool) -> date | None:
    try:
        return parse_date(value, end=end, date1904=date1904)
    except ValueError:
        return None


def sort_lines(lines: list[Line]) -> list[Line]:
    """Mark each line as measure, phase, group, summary, milestone or untitled; drop totals and templates.

    Only structure that cannot be mistaken makes a row no measure: sub-tasks one column further right, an
    outline number above its children, a totals word, a span over the whole list with no data of its own.
    A row that only looks like a phase, summary or totals row but holds data of its own stays a measure,
    and `looked_like` says what it resembled (the preview names it).
    """
    kept = []
    for line in lines:
        if _is_placeholder(line):
            continue
        if _is_total(line):
            if not line.own_data:
                continue
            line.looked_like = TOTAL
        kept.append(line)
    titled = [line for line in kept if line.title]
    share = sum(line.has_data for line in titled) / len(titled) if titled else 0.0
    span = _overall_span(titled)
    path: list[str] = []
    parent = phase_ident = ""
    # The next titled line after each line, found in one backward pass (lists run to 50,000 rows).
    after: list[Line | None] = [None] * len(kept)
    for position in range(len(kept) - 2, -1, -1):
        successor = kept[position + 1]
        after[position] = successor if successor.title else after[position + 1]
    for position, line in enumerate(kept):
        following = after[position]
        if not line.title:
            line.kind = UNTITLED
            continue
        line.kind = _structure(line, following, share, span)
        if line.kind == SUMMARY:
            path, parent = [], ""
        elif line.kind in (PHASE, GROUP) and following is not None and following.level > line.level:
            path = [*path[: line.level], line.title]
        elif line.kind == PHASE:
            path, parent = [line.title.rstrip(" :")], ""
            outline = following is not None and _outline_parent(line.ident, following.ident)
            phase_ident = line.ident if outline else ""
        elif line.kind == MEASURE:
            if phase_ident and line.ident and not _outline_parent(phase_ident, line.ident, deep=True):
                # The next top-level number ('4' after '3.4') is outside the phase numbered '3'.
                path, phase_ident = [], ""
            line.phase = " / ".join(path[: line.level] if line.level else path)
            if line.sub_item:
                line.parent = parent
            else:
                parent = line.title
    return kept


def _structure(line: Line, following: Line | None, share: float, span: tuple[date, date] | None) -> str:
    """The kind of a titled line: a structure row where that is unmistakable, else a measure."""
    if _MILESTONE.fullmatch(line.title.lower()) and not line.start and not _mapped_data(line) and not line.own_data:
        return MILESTONE
    if span and line.start and line.end and (line.start, line.end) == span:
        if not line.own_data and not line.amounts:
            return SUMMARY
        line.looked_like = SUMMARY
        return MEASURE
    if following is not None and following.level > line.level:
        # A row whose sub-tasks stand one column further right is their heading.
        return PHASE if line.level == 0 else GROUP
    if line.title.endswith(":") and not line.has_data:
        return PHASE
    if line.level == 0 and following is not None and _is_flat_heading(line, following, share):
        if not line.own_data:
            return PHASE
        line.looked_like = PHASE
    return MEASURE


def _is_flat_heading(line: Line, following: Line, share: float) -> bool:
    """A phase row in a one-level list: 'Phase II', an outline parent (1 → 1.1, 10 → 101), or
    a row with only a number and a name above rows that hold data."""
    if _PHASE_NAME.fullmatch(line.title.lower()):
        return True
    if line.ident and following.ident and _outline_parent(line.ident, following.ident):
        return True
    return (
        bool(line.ident)
        and not line.has_data
        and not line.sub_item
        and following.has_data
        and share >= 0.5
        and not _outline_sibling(line.ident, following.ident)
    )


def _outline_parent(parent: str, child: str, deep: bool = False) -> bool:
    """'1' → '1.1' (WBS) or '10' → '101' (numbered phases); only the top level makes a phase."""
    if "." in parent.rstrip(".") or not parent:
        return False
    if "." in child:
        return child.startswith(parent.rstrip(".") + ".")
    if parent.isdigit() and child.isdigit() and len(parent) >= 2 and len(child) > len(parent):
        if deep:
            # Phase 30 holds 301 … 315: the digits before the phase's trailing zeros lead.
            return child.startswith(parent.rstrip("0") or parent)
        return int(child[: len(parent)]) == int(parent)
    # With deep set, any descendant counts; ids that are not outline numbers stay in the phase.
    return deep and not (parent.isdigit() and child.replace(".", "").isdigit())


def _outline_sibling(ident: str, following: str) -> bool:
    # '4' followed by '5' is the next measure of the same list, not the first row of a phase.
    return ident.isdigit() and following.isdigit() and int(following) == int(ident) + 1


def _mapped_data(line: Line) -> bool:
    return any(not is_empty(cell) for cell in line.cells if isinstance(cell, (int, float)))


def _is_total(line: Line) -> bool:
    text = (line.title or line.first_text).lower()
    if not text or (line.ident and line.title) or len(text) > TITLE_LIMIT:
        return False
    return bool(_TOTAL.fullmatch(text))


def _is_placeholder(line: Line) -> bool:
    """A template's leftover: a prompt such as '<Tätigkeit hier eintragen>', 'tbd', a bare running number."""
    if not line.title:
        # A row with nothing but numbers (a template's running number, zeros) is a leftover.
        return all(isinstance(cell, (int, float)) or is_empty(cell) for cell in line.cells) or (
            not line.has_data and bool(line.ident)
        )
    title = line.title.lower()
    if len(title) > TITLE_LIMIT or looks_like_markup(title):
        return False  # content, not a template's prompt: kept, shortened and named (title_findings)
    if _NUMBER_ONLY.fullmatch(title):
        # A running number; in a row with data it is a value (often a formula's), kept unless it is 0.
        return not line.has_data or float(title.replace(",", ".")) == 0
    return bool(_PLACEHOLDER.fullmatch(title))


def looks_like_markup(text: str) -> bool:
    """True for text a browser or Markdown would render: '<script>', '![x](http://…)', '**x**'."""
    return bool(_MARKUP.search(text))


def title_findings(line: Line) -> tuple[str, ...]:
    """What to say about a measure's title: over the limit, markup, formula-like, a value not text."""
    title = line.title
    found = []
    if not line.title_text or _NUMBER_ONLY.fullmatch(title):
        found.append(VALUE_TITLE)
    elif _FORMULA.match(title):
        found.append(FORMULA_TITLE)
    if looks_like_markup(title):
        found.append(MARKUP_TITLE)
    if len(title) > TITLE_LIMIT:
        found.append(LONG_TITLE)
    return tuple(found)


def _overall_span(lines: list[Line]) -> tuple[date, date] | None:
    """The span of the whole list, if a few rows (project summaries) cover it and most do not."""
    dated = [(line.start, line.end) for line in lines if line.start and line.end]
    if len(dated) < 4:
        return None
    span = min(start for start, _ in dated), max(end for _, end in dated)
    covering = sum(1 for pair in dated if pair == span)
    return span if covering * 4 <= len(dated) else None
