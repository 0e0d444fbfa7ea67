"""Text a person typed stays text: escaping for the places that render Markdown or HTML.

Titles, names, owners and notes come from people and from imported lists. Streamlit renders
Markdown in captions, alerts, labels and options, so a title like `![x](http://host/p.png)` would
make every browser showing it fetch an outside address, and `**x**` would turn bold. Every place
that puts a person's words into Markdown passes them through `markdown()`; HTML snippets use
`html()`. Plain-text outputs (the workbook, the command line) need neither.
"""

from __future__ import annotations

import html as _html
import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
# that start Markdown, HTML, entities, LaTeX or Streamlit's directives (`:red[...]`, `:material/...:`).
_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~$:&=\"'")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")


def markdown(text: str) -> str:
    """`text` as literal characters inside Markdown, on one line (line breaks become spaces)."""
    flat = _LINE_BREAKS.sub(" ", text)
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)


def html(text: str) -> str:
    """`text` as literal characters inside an HTML snippet, on one line (no Markdown block can start)."""
    return _html.escape(_LINE_BREAKS.sub(" ", text), quote=True)
