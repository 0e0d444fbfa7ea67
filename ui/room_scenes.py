"""The room screen's scenes, drawn large and read-only from what roadmap/views/room_screen.py decided.

A round: the join QR code, the room code, the address and the phones joined beside the round's ideas,
counts and revealed results. A page: the Roadmap's Gantt chart, the Priorisierung matrix and ranking,
the Budget's yearly chart, made by the same core calls and shared chart specs as those pages; any
other page a calm title card. No widget: nothing here can be clicked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from roadmap.charts.budget_chart import yearly_cost_chart
from roadmap.charts.gantt_chart import Room, gantt_chart, gantt_legend
from roadmap.charts.matrix_chart import matrix_chart
from roadmap.charts.style import FONT_SIZES, scaled_type
from roadmap.domain.messages import Message
from roadmap.views import participation as participation_view
from roadmap.views import priorities as ranking_view
from roadmap.views import room_screen as view
from roadmap.views.gantt_legend import legend_html
from roadmap.views.room_screen import Join, RoundView, Scene, Screen
from ui import clock
from ui.charts import chart_spec, with_arrow_data
from ui.language import lang, plain, say, t
from ui.plans import baseline_snapshot, current_baseline, current_plan, shared
from ui.presenter import CHART_TYPE_SCALE, PRESENTER_FONT_PX
from ui.session import workshop, workshop_info

RANKED_ROWS = 10  # the ranking's top rows beside the matrix
RANKED_COLUMNS = ("rank", "title", "score_text", "votes")  # fewer than on the laptop: the matrix shows quadrants
IDEA_COLUMNS = 2

# Large type for 4 metres, dark ink on white, no sidebar, no header, no toolbar: a window for the projector.
ROOM_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stElementToolbar"] { display: none; }
  html { font-size: 24px; }
  @media (max-width: 1280px) { html { font-size: 19px; } }
  .stApp, .stMain { background: #FFFFFF; color: #000000; }
  .stMainBlockContainer { max-width: 100%; padding: 1rem 2rem 1rem; }
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *, [data-testid="stMarkdownContainer"] p {
    color: #111111 !important; }
  .st-key-room_join [data-testid="stImage"] img { max-height: 52vh; width: auto !important; }
  .st-key-room_join [data-testid="stImage"] { display: flex; justify-content: center; }
  .st-key-room_code h2 { font-size: min(3rem, 3.6vw); letter-spacing: 0.2rem; white-space: nowrap; padding: 0; }
  .st-key-room_code code { font-size: 0.9rem; white-space: normal; word-break: break-all; }
  [class*="st-key-room_idea_"] p { font-size: 1.35rem; line-height: 1.3; }
  [class*="st-key-room_idea_"] [data-testid="stCaptionContainer"] p { font-size: 0.9rem; }
  .st-key-room_title { padding-top: 20vh; text-align: center; }
  .st-key-room_title h1 { font-size: 4rem; }
  .st-key-room_footer { border-top: 2px solid #000000; padding-top: 0.3rem; }
  /* Matrix and ranking side by side from 1280 px; below, one under the other (the screen scrolls). */
  .st-key-room_priorities [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  @media (max-width: 1280px) { .st-key-room_priorities [data-testid="stColumn"] { min-width: 100%; } }
</style>
"""


def draw(screen: Screen, page_titles: Mapping[str, Message]) -> None:
    """The scene of the room screen."""
    st.markdown(ROOM_CSS, unsafe_allow_html=True)
    title = say(page_titles[screen.page]) if screen.page in page_titles else ""
    if screen.scene == Scene.WAITING:
        _title_card(
            "Digital-Roadmap für KMU",
            t("Der Raumbildschirm folgt der Moderation.", "The room screen follows the moderator."),
        )
    elif screen.scene == Scene.ROUND:
        _round(screen.join, screen.round)
    elif not workshop().measures:
        _title_card(plain(workshop_info().name), title)
    elif screen.scene == Scene.ROADMAP:
        _roadmap(title)
    elif screen.scene == Scene.PRIORITIES:
        _priorities(title)
    elif screen.scene == Scene.BUDGET:
        _budget(title)
    else:
        _title_card(plain(workshop_info().name), title)
    if screen.join is not None and not (screen.scene == Scene.ROUND and screen.join.large):
        _footer(screen.join)


# The Gantt chart on a 1920×1080 projector: the screen less the heading above it, its smallest type 21 px.
GANTT_ROOM = Room(1080 - 120, PRESENTER_FONT_PX / min(FONT_SIZES.values()))


def _draw_chart(key: str, spec: dict[str, Any], type_scale: float = CHART_TYPE_SCALE) -> None:
    """A shared chart spec, its type scaled for the projector like presenter mode's (or `type_scale` times, the
    scale a chart was fitted for)."""
    scaled = scaled_type(with_arrow_data(spec), type_scale)
    st.vega_lite_chart(spec=scaled, width="stretch", theme=None, key=f"room_{key}")


def _title_card(title: str, subtitle: str) -> None:
    """A calm card: the workshop's name and the page's title."""
    with st.container(key="room_title"):
        st.title(title, anchor=False)
        st.header(subtitle, anchor=False)


def _heading(title: str) -> None:
    st.markdown(f"#### {title} · {plain(workshop_info().name)}")


# --- a round ---------------------------------------------------------------------------------------


def _round(join: Join | None, shown: RoundView | None) -> None:
    if join is not None and join.large:
        left, right = st.columns([2, 3], gap="large")
        with left:
            _invitation(join)
        with right:
            _round_body(shown)
    else:
        _round_body(shown)


def _invitation(join: Join) -> None:
    """The QR code, the room code, the address to type and the phones joined."""
    with st.container(key="room_join"):
        st.image(participation_view.qr_png(join.link), width="stretch")
    with st.container(key="room_code"):
        st.markdown(f"## {t('Raum', 'Room')} {join.code}")
        st.code(join.address, language=None, wrap_lines=True)
        st.markdown(f":material/smartphone: **{say(join.joined)}**")


def _round_body(shown: RoundView | None) -> None:
    if shown is None:
        st.markdown(f"## {t('Mitmachen per Handy', 'Take part by phone')}")
        st.markdown(f"### {say(view.WAITING_FOR_ROUND)}")
        return
    st.markdown(f"## {say(shown.heading)}")
    st.markdown(f"### {say(shown.count)}")
    if shown.note is not None:
        st.markdown(say(shown.note))
    _idea_cards(shown)
    for rated in shown.rated:
        with st.container(border=True):
            st.markdown(f"### {plain(rated.title)}")
            for label, spread in ((t("Nutzen", "Value"), rated.value), (t("Aufwand", "Effort"), rated.effort)):
                st.markdown(f"**{label}**: {plain(participation_view.spread_line(spread, lang()))}")
            if rated.apart:
                st.warning(
                    t("Weit auseinander: bitte besprechen.", "Far apart: please discuss."), icon=":material/forum:"
                )
    top = max((count for _, count in shown.totals), default=0)
    for title, count in shown.totals:
        st.progress(count / top if top else 0.0, text=f"**{count}** · {plain(title)}")


def _idea_cards(shown: RoundView) -> None:
    """The ideas, newest first, in columns of cards."""
    for start in range(0, len(shown.ideas), IDEA_COLUMNS):
        row = shown.ideas[start : start + IDEA_COLUMNS]
        for n, (column, card) in enumerate(zip(st.columns(IDEA_COLUMNS), row, strict=False)):
            with column, st.container(border=True, key=f"room_idea_{start + n}"):
                st.markdown(f"**{plain(card.title)}**")
                by = plain(card.author) or t("anonym", "anonymous")
                taken = f" · :material/check: {t('übernommen', 'taken')}" if card.taken else ""
                st.caption(f"{by}{taken}")
    if shown.more:
        st.caption(t(f"… und {shown.more} weitere", f"… and {shown.more} more"))


def _footer(join: Join) -> None:
    """Under a page: how latecomers join."""
    with st.container(key="room_footer"):
        st.markdown(f":material/qr_code_2: {t('Raum', 'Room')} **{join.code}** · `{join.address}` · {say(join.joined)}")


# --- a page ----------------------------------------------------------------------------------------


def _roadmap(title: str) -> None:
    """The Gantt chart as the Roadmap page draws it (the same shared spec, the baseline as its default)."""
    _heading(title)
    plan, today = current_plan(), clock.today()
    info = baseline_snapshot()
    baseline = current_baseline() if info is not None else None
    # Its own spec (not the page's): fitted to the projector's height below the heading, no title of its own.
    spec = chart_spec(
        "room_gantt",
        lambda: gantt_chart(plan, lang(), today, baseline, room=GANTT_ROOM, titled=False),
        today,
        plan.profile.as_of,
        info.id if info is not None else "",
    )
    st.html(legend_html(gantt_legend(plan, lang(), today, baseline)))
    _draw_chart("roadmap_gantt", spec, GANTT_ROOM.type_scale)


def _priorities(title: str) -> None:
    """The matrix and the ranking's top rows, as the Priorisierung page ranks them."""
    _heading(title)
    plan = shared("priorisierung_ranking", lambda: ranking_view.ranking_plan(workshop()))
    table = shared("priorisierung_table", lambda: ranking_view.ranking_table(plan, lang()))
    left, right = st.container(key="room_priorities").columns(2, gap="large")
    with left:
        _draw_chart("priorisierung_matrix", chart_spec("priorisierung_matrix", lambda: matrix_chart(plan, lang())))
    with right:
        st.markdown(f"### {say(ranking_view.RANKING)}")
        top = table.head(RANKED_ROWS)[list(RANKED_COLUMNS)]
        labels = {name: say(ranking_view.RANKING_LABELS[name]) for name in RANKED_COLUMNS}
        st.table(top.rename(columns=labels), hide_index=True)


def _budget(title: str) -> None:
    """The costs per year against the budget and the corridor, as the Budget page's chart."""
    _heading(title)
    if workshop().profile.revenue <= 0:
        st.markdown(f"### {t('Noch kein Jahresumsatz eingetragen.', 'No annual revenue entered yet.')}")
        return
    plan = current_plan()
    _draw_chart("budget_years", chart_spec("budget_years", lambda: yearly_cost_chart(plan, lang())))
