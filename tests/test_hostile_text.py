"""Text a person typed stays text on every page: no image, link or markup comes from it.

Every page is opened on a workshop whose titles, descriptions, owners, notes, KPI, phase names,
company, workshop and snapshot names are hostile Markdown and HTML. Every string the page hands
to Streamlit for rendering as Markdown (bodies, captions, alerts, labels, options, help texts) is
checked for markup that came through unescaped. Table cells, chart specs and input values are
plain text in the browser and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from roadmap.domain.measure import Kpi
from roadmap.domain.workshop import Workshop
from roadmap.views.escape import html, markdown
from tests.pages import PAGES, open_page
from ui.session import demo_workshop, store

HOSTILE = (
    "![x](http://leak.invalid/p.png)",
    "[a](javascript:alert(1))",
    "<img src=http://leak.invalid/q.png>",
    "**x** :red[rot] :material/star: :smile:",
)
# What any of them looks like once it became markup instead of text (Streamlit's shortcodes included).
MARKUP = re.compile(r"(?<!\\)\]\(|(?<!\\)<img|\*\*x\*\*|:red\\?\[|:material/star|:smile:|(?<!\\)\$\$")
# Keys whose strings are not rendered as Markdown: table data, chart specs, input values, ids.
PLAIN_KEYS = frozenset({"data", "columns", "spec", "datasets", "value", "default", "rawValues", "id", "formId", "url"})
# Elements whose options are plain text in the browser.
PLAIN_OPTIONS = frozenset({"selectbox", "multiselect"})


def hostile_workshop() -> Workshop:
    """The demo workshop with every free text replaced by hostile Markdown/HTML."""
    demo = demo_workshop()
    measures = tuple(
        replace(
            m,
            title=f"{HOSTILE[i % 4]} {m.title}",
            description=HOSTILE[(i + 1) % 4],
            owner=HOSTILE[(i + 2) % 4],
            notes=HOSTILE[(i + 3) % 4],
            kpi=Kpi(HOSTILE[i % 4], HOSTILE[(i + 1) % 4], HOSTILE[(i + 2) % 4]),
        )
        for i, m in enumerate(demo.measures)
    )
    phases = tuple(f"{h} Phase" for h in HOSTILE[:3])
    profile = replace(demo.profile, name=HOSTILE[0] + " GmbH", industry=HOSTILE[1], phase_names=phases)
    return demo.with_changes(profile=profile, measures=measures)


def rendered_strings(app: AppTest) -> Iterator[tuple[str, str]]:
    """(element type, string) for every string the app's elements render as Markdown."""
    for node in _nodes(app._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "DESCRIPTOR"):
            continue
        kind = getattr(node, "type", "")
        yield from ((kind, text) for text in _strings(MessageToDict(proto), kind))


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _strings(value: Any, kind: str, key: str = "") -> Iterator[str]:
    if key in PLAIN_KEYS or (key == "options" and kind in PLAIN_OPTIONS):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _strings(inner, kind, inner_key)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, kind, key)


@pytest.fixture(scope="module")
def hostile_id() -> str:
    """A stored hostile workshop with a hostile name and a hostile snapshot."""
    ident = store().create(hostile_workshop(), HOSTILE[2] + " Workshop")
    store().take_snapshot(ident, HOSTILE[3] + " vor Workshop 2")
    return ident


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("CRM-System Vertrieb", "CRM-System Vertrieb"),
        ("Kosten: 12.500 € (netto).", "Kosten: 12.500 € (netto)."),
        ("Daten & Entscheidungen", "Daten & Entscheidungen"),
        ("**x**", "\\*\\*x\\*\\*"),
        ("![x](http://leak.invalid/p.png)", "!\\[x\\](http\u2060\\://leak.invalid/p.png)"),
        ("<img src=x>", "\\<img src=x\\>"),
        (":red[rot] $x$ ~~weg~~", ":\u2060red\\[rot\\] \\$x\\$ \\~\\~weg\\~\\~"),
        ("`code` # eins | zwei", "\\`code\\` \\# eins \\| zwei"),
        ("- Punkt", "\\- Punkt"),
        ("12. Mai", "12\\. Mai"),
        ("www.leak.invalid", "www\u2060\\.leak.invalid"),
        ("ich@leak.invalid", "ich\u2060\\@leak.invalid"),
        ("Zeile eins\n\n![x](y)", "Zeile eins !\\[x\\](y)"),
    ],
)
def test_escaped_text_reads_the_same_and_starts_no_markup(typed: str, escaped: str) -> None:
    assert markdown(typed) == escaped
    assert not MARKUP.search(markdown(typed))


def test_text_in_html_snippets_starts_no_tag_and_no_markdown_block() -> None:
    assert html("<img src=x onerror=alert(1)>\n\n**x**") == "&lt;img src=x onerror=alert(1)&gt; **x**"


# Streamlit's own shortcodes: a colour directive, a Material icon, an emoji (and its logo, its "+1").
# In Chromium a backslash before the colon stopped only the directive; the word joiner stops each.
SHORTCODES = [
    (":red[rot]", ":\u2060red\\[rot\\]"),
    (":material/home:", ":\u2060material/home:"),
    (":smile:", ":\u2060smile:"),
    (":material_home: :streamlit: :+1:", ":\u2060material\\_home: :\u2060streamlit: :\u2060+1:"),
]
SHORTCODE = re.compile(r":[\w+-]")


@pytest.mark.parametrize(("typed", "escaped"), SHORTCODES)
def test_streamlits_shortcodes_in_a_persons_text_stay_text(typed: str, escaped: str) -> None:
    assert markdown(typed) == escaped
    assert not SHORTCODE.search(markdown(typed))
    assert markdown(typed).replace("\u2060", "").replace("\\", "") == typed  # reads as typed


@pytest.mark.parametrize(("typed", "escaped"), SHORTCODES)
def test_streamlits_shortcodes_in_an_html_snippet_stay_text(typed: str, escaped: str) -> None:
    assert not SHORTCODE.search(html(typed))
    assert html(typed).replace("\u2060", "") == typed


def test_a_colon_in_an_ordinary_sentence_keeps_its_look() -> None:
    assert markdown("Kosten: 12.500 € (netto), Start 1. Mai: ja") == "Kosten: 12.500 € (netto), Start 1. Mai: ja"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_page_turns_a_persons_text_into_markup(page: str, lang: str, hostile_id: str) -> None:
    app = open_page(page, ident=hostile_id, lang=lang)

    assert not app.exception
    leaks = [(kind, text) for kind, text in rendered_strings(app) if MARKUP.search(text)]
    assert leaks == []
