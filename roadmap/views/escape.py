"""Text a person typed stays text: escaping for the places that render Markdown or HTML.

Titles, names, owners and notes come from people and from imported lists. Streamlit renders
Markdown in captions, alerts, labels and options, so a title like `![x](http://host/p.png)` would
make every browser showing it fetch an outside address, and `**x**` would turn bold. Streamlit adds
shortcodes of its own: `:red[…]` colours, `:material/home:` draws an icon, `:smile:` an emoji and
`:streamlit:` its logo. Every place that puts a person's words into Markdown passes them through
`markdown()`; HTML snippets use `html()`. Plain-text outputs (the workbook, the command line) need
neither.
"""

from __future__ import annotations

import html as _html
import re

# The characters that start Markdown, HTML, LaTeX or Streamlit's directives (`:red[...]`): escaped,
# they read the same and start nothing. Ordinary sentences ("Kosten: 12.500 €.") keep their look.
_SPECIAL = frozenset("\\`*_[]<>#~|$")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
# A list or heading marker at the very start, and what GFM would turn into a link on its own.
_LEADING_MARKER = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=www)(\.)|(@)")
# Streamlit's Markdown finds bare links (http://…, www.…, a@b) in the text after escapes are
# undone, so a backslash alone does not stop them: an invisible word joiner before the character does.
_JOINER = "\u2060"
# A colon that could open a shortcode (`:red[`, `:material/`, `:smile:`, `:+1:`). A backslash before it
# stops only the directive `:red[…]`: Streamlit rewrites `:material/` in the source before parsing and
# finds icons, emoji and its logo in the text after escapes are undone. The word joiner after the
# colon stops all of them (checked in Chromium, docs/participation.md, safe by default).
_SHORTCODE = re.compile(r":(?=[\w+-])")


def markdown(text: str) -> str:
    """`text` as literal characters inside Markdown, on one line (line breaks become spaces)."""
    flat = _LINE_BREAKS.sub(" ", text)
    escaped = "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)
    escaped = _AUTOLINK.sub(lambda m: _JOINER + "\\" + m.group(0), escaped)
    escaped = _SHORTCODE.sub(":" + _JOINER, escaped)
    return _LEADING_MARKER.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)


def html(text: str) -> str:
    """`text` as literal characters inside an HTML snippet, on one line (no Markdown block can start).

    Snippets are drawn by `st.markdown(..., unsafe_allow_html=True)`, which rewrites `:material/` even
    inside HTML: the same word joiner keeps shortcodes literal there.
    """
    return _SHORTCODE.sub(":" + _JOINER, _html.escape(_LINE_BREAKS.sub(" ", text), quote=True))
