"""A file upload in the session's language: Streamlit's English drop zone texts hidden, a caption in their place.

`uploader(label, types, key, help)` draws `st.file_uploader` with its instructions ("Drag and drop
file here", "Limit 100MB per file") hidden and its button ("Upload") renamed by CSS, and below it
the caption of roadmap/views/uploads.py: what may be dropped and the import's own limit of 20 MB.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from roadmap.views import uploads
from ui.language import lang

# The drop zone's texts go; its button keeps its place and shows the session's word (a CSS string, no quotes in it).
_CSS = """
<style>
  [data-testid="stFileUploaderDropzoneInstructions"] > div > span,
  [data-testid="stFileUploaderDropzoneInstructions"] > div > small {{ display: none; }}
  [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ display: none; }}
  [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{ content: "{choose}"; }}
</style>
"""


def uploader(label: str, types: Sequence[str], key: str, help: str | None = None) -> UploadedFile | None:
    """One file, in the session's language: the drop zone, then what it takes and the 20 MB limit."""
    language = lang()
    st.markdown(_CSS.format(choose=uploads.choose_label(language)), unsafe_allow_html=True)
    uploaded = st.file_uploader(label, type=list(types), key=key, help=help)
    st.caption(uploads.drop_hint(types, language))
    return uploaded
