"""The handout's page with fpdf2: A4 landscape, the embedded font, the footer and the drawing helpers.

Everything is vector shapes and text in DejaVu Sans Condensed, embedded as a subset (umlauts and €
included), so the PDF stays small, its text can be searched and copied, and it prints sharply.
It reads in black and white: bars carry a black outline (a thick one for must-haves), phases
alternate light and white, the corridor is a hatched band and the budget a thick black tick.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from roadmap.domain.messages import Lang
from roadmap.domain.vocabulary import FIELD_COLORS

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0
LEFT_W = 192.0  # the plan's table carrying its Gantt
RIGHT_X = MARGIN + LEFT_W + 5.0  # the budget, the corridor, funding and scenarios
RIGHT_W = PAGE_W - MARGIN - RIGHT_X
BOTTOM = PAGE_H - MARGIN
INK, GREY, LIGHT, RULE = (26, 26, 26), (110, 110, 110), (238, 238, 238), (170, 170, 170)

RGB = tuple[int, int, int]
_PIECES = re.compile(r"[^ ]+?-(?=[^ -])|[^ ]+ *| +")  # where a line may break: after a space or a word's hyphen


def words(text: str) -> list[str]:
    """The pieces a line never breaks inside: the words, and the parts of a hyphenated word with their hyphen."""
    return [piece.strip() for piece in _PIECES.findall(text) if piece.strip()]


def _rgb(hex_color: str) -> RGB:
    return int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16)


class Handout(FPDF):
    """The page with its font, footer and the drawing helpers the sections share."""

    def __init__(self, lang: Lang, footer_text: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.language: Lang = lang
        self.footer_text = footer_text
        self.several = False  # more than one page: the footer numbers them
        self.add_font(FONT, "", FONTS / "DejaVuSansCondensed.ttf")
        self.add_font(FONT, "B", FONTS / "DejaVuSansCondensed-Bold.ttf")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_text_color(*INK)

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        """A new page; from the second on, every page's footer says which of how many it is."""
        self.several = self.several or self.page > 0
        super().add_page(*args, **kwargs)

    def footer(self) -> None:
        """The source, small and grey, and where there is more than one page its number ('Seite 1/2')."""
        self.set_xy(MARGIN, PAGE_H - 7)
        self.font(6.5, color=GREY)
        self.cell(PAGE_W - 2 * MARGIN, 3, self.footer_text, align="L")
        if self.several:
            self.set_xy(MARGIN, PAGE_H - 7)
            word = "Seite" if self.language == "de" else "Page"
            self.cell(PAGE_W - 2 * MARGIN, 3, f"{word} {self.page_no()}/{{nb}}", align="R")
        self.set_text_color(*INK)

    def font(self, size: float, bold: bool = False, color: RGB = INK) -> None:
        """Set the font size, weight and colour."""
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*color)

    def fit(self, text: str, width: float) -> str:
        """The text, shortened with '…' so that it fits the width in the current font."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def put(self, x: float, y: float, width: float, height: float, text: str, align: str = "L") -> None:
        """One line of text in a box, shortened to fit."""
        self.set_xy(x, y)
        self.cell(width, height, self.fit(text, width - 0.6), align=align, new_x=XPos.RIGHT, new_y=YPos.TOP)

    def heading(self, x: float, y: float, width: float, text: str) -> float:
        """A section's heading with a rule below, in 10 pt (down to 8.5 pt where long); returns the y below it."""
        size = 10.0
        self.font(size, bold=True)
        while size > 8.5 and self.get_string_width(text) > width - 0.6:
            size -= 0.5
            self.font(size, bold=True)
        self.put(x, y, width, 5, text)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(x, y + 5.3, x + width, y + 5.3)
        return y + 6.5

    def grid(self, x: float, y: float, widths: Sequence[float], rows: Sequence[Sequence[str]],
              size: float = 7.2, height: float = 4.0, aligns: str = "") -> float:  # fmt: skip
        """Rows of cells, the first one bold on a light band; returns the y below the table."""
        for number, row in enumerate(rows):
            self.font(size, bold=number == 0)
            if number == 0:
                self.set_fill_color(*LIGHT)
                self.rect(x, y, sum(widths), height, style="F")
            left = x
            for column, (text, width) in enumerate(zip(row, widths, strict=False)):
                align = aligns[column] if column < len(aligns) else "L"
                self.put(left, y, width, height, text, "R" if align == "R" else "L")
                left += width
            y += height
        return y

    def lines(self, text: str, width: float) -> list[str]:
        """The text broken into lines of at most `width` (a cell's, its margins inside) in the current font: at
        spaces and after a word's hyphens ('Zwei-Faktor-' / 'Authentifizierung'), inside a word only where the
        word alone is wider; wrapped, never cut."""
        room = width - 2 * self.c_margin
        found: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for piece in _PIECES.findall(paragraph):
                if line.strip() and self.get_string_width((line + piece).rstrip()) > room:
                    found.append(line.rstrip())
                    line = piece.lstrip()
                else:
                    line += piece
                while self.get_string_width(line.rstrip()) > room and len(line.rstrip()) > 1:
                    cut = next(
                        n for n in range(len(line) - 1, 0, -1) if self.get_string_width(line[:n]) <= room or n == 1
                    )
                    found.append(line[:cut])
                    line = line[cut:]
            found.append(line.rstrip())
        return found or [""]

    def wrapped_table(self, x: float, y: float, widths: Sequence[float], header: Sequence[str],
              rows: Sequence[Sequence[str]], bottom: float, size: float = 6.5, line: float = 2.7,
              aligns: str = "") -> tuple[float, list[Sequence[str]]]:  # fmt: skip
        """A header on a light band, then rows whose cells wrap (never cut, the header's too) until `bottom`:
        returns the y below and the rows that did not fit (to go on the next page)."""
        self.font(size, bold=True)
        names = [self.lines(text, width - 0.8) for text, width in zip(header, widths, strict=False)]
        height = max(len(name) for name in names) * line + 1
        self.set_fill_color(*LIGHT)
        self.rect(x, y, sum(widths), height, style="F")
        self._cells(x, y + 0.5, widths, names, line, aligns)
        y += height + 0.2
        self.set_draw_color(*LIGHT)
        self.set_line_width(0.15)
        for number, row in enumerate(rows):
            self.font(size)
            cells = [self.lines(text, width - 0.8) for text, width in zip(row, widths, strict=False)]
            height = max(len(cell) for cell in cells) * line + 0.8
            if y + height > bottom:
                return y, list(rows[number:])
            self._cells(x, y + 0.4, widths, cells, line, aligns)
            y += height
            self.line(x, y - 0.2, x + sum(widths), y - 0.2)
        return y, []

    def _cells(self, x: float, y: float, widths: Sequence[float], cells: Sequence[Sequence[str]], line: float,
               aligns: str) -> None:  # fmt: skip
        """One row's cells, already broken into lines, side by side from `y`."""
        for column, (cell, width) in enumerate(zip(cells, widths, strict=False)):
            align = "R" if column < len(aligns) and aligns[column] == "R" else "L"
            for index, text in enumerate(cell):
                self.set_xy(x, y + index * line)
                self.cell(width - 0.4, line, text, align=align)
            x += width


def field_color(field: str) -> RGB:
    """A field of action's colour, as on the app's charts."""
    return _rgb(FIELD_COLORS.get(field, "#9E9E9E"))
