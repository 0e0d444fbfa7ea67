"""The session's language and every way a page writes text in it.

A page's own words: `t(de, en)`. The core's messages and errors: `say(message)` (escaped for
Markdown) or `say_text(message)` (where nothing renders Markdown). A person's words inside the
page's Markdown: `plain(text)`. Numbers, money and fields of action in the session's format.
"""

from __future__ import annotations

import os

import streamlit as st

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message, RoadmapError, lang_of
from roadmap.domain.vocabulary import FIELDS_EN
from roadmap.views import escape

LANG = "lang"  # the session state key of the chosen language


def default_lang() -> Lang:
    """The language a new session starts in: ROADMAP_LANG, read as the command line reads it."""
    return lang_of(os.environ.get("ROADMAP_LANG"))


def lang() -> Lang:
    """The session's language, 'de' or 'en'."""
    chosen = st.session_state.get(LANG)
    if chosen is None:
        chosen = st.session_state[LANG] = default_lang()
    return "en" if chosen == "en" else "de"


def t(de: str, en: str) -> str:
    """A page's own words: the German or the English text, by the session's language."""
    return en if lang() == "en" else de


def please_choose() -> str:
    """The placeholder of a select box with nothing chosen (Streamlit's own would say "Choose an option")."""
    return t("Bitte wählen …", "Please choose …")


def say_text(message: Message | RoadmapError) -> str:
    """A core message or error in the session's language, for places that never render Markdown
    (placeholders, alt texts, select options, table labels)."""
    if isinstance(message, RoadmapError):
        return message.text(lang())
    return message(lang())


def say(message: Message | RoadmapError) -> str:
    """A core message or error in the session's language, escaped for Streamlit's Markdown.

    Messages carry people's words (titles, names, sheet names): captions, alerts, toasts, labels
    and options render Markdown, so these words must stay text (roadmap/views/escape.py).
    """
    return escape.markdown(say_text(message))


def say_markdown(message: Message) -> str:
    """A message the core wrote as Markdown (bold, lists), whose people's words the core escaped."""
    return message(lang())


def plain(text: str) -> str:
    """A person's words (a title, a name) inside Markdown the page writes: shown as typed."""
    return escape.markdown(text)


def field_label(field: str) -> str:
    """A field of action's name in the session's language."""
    return FIELDS_EN.get(field, field) if lang() == "en" else field


def euro(amount: float) -> str:
    """An amount of money in the session's format (12.500 € / €12,500)."""
    return formats.euro(amount, lang())


def number(value: float, digits: int = 1) -> str:
    """A number in the session's format."""
    return formats.number(value, lang(), digits)
