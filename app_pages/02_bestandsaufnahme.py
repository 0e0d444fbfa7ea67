"""Bestandsaufnahme: the digital-maturity check, its chart, and catalogue measures for the weakest fields."""

from __future__ import annotations

from typing import Any

import streamlit as st

from roadmap.charts.maturity_chart import maturity_chart
from roadmap.domain.vocabulary import FIELDS
from roadmap.domain.workshop import Workshop
from roadmap.workshop import maturity
from roadmap.workshop.catalogue import CatalogueItem, catalogue
from roadmap.workshop.merge import add_from_catalogue
from ui.charts import show_chart
from ui.errors import guarded
from ui.language import euro, field_label, lang, number, say_text, t
from ui.presenter import presenter
from ui.screen import split
from ui.session import save, workshop
from ui.widgets import bind, update

SUGGESTIONS_PER_FIELD = 3
CARDS_PER_ROW = 4
ANSWERS = list(range(maturity.LOWEST, maturity.HIGHEST + 1))


def _set_answer(question_id: str) -> Any:
    """A change function for one question: a choice sets the answer, an emptied choice removes it."""

    def apply(current: Workshop, value: Any) -> Workshop:
        answers = {k: v for k, v in current.maturity.items() if k != question_id}
        if value is not None:
            answers[question_id] = int(value)
        return current.with_changes(maturity=answers)

    return apply


@guarded
def add_suggestion(item_id: str) -> None:
    """Button callback: add a catalogue measure as the Maßnahmen page does (a second click adds nothing)."""
    item = next(i for i in catalogue() if i.id == item_id)
    result = add_from_catalogue(workshop(), [item], lang())
    if result.added:
        save(result.workshop, result.messages[0])


def progress() -> None:
    """How many of the 18 questions have an answer."""
    done, total = maturity.answered(workshop().maturity), len(maturity.QUESTIONS)
    st.progress(done / total, text=t(f"{done} von {total} Fragen beantwortet", f"{done} of {total} questions answered"))


def field_choice() -> str:
    """Which field's questions are shown: one pill per field with its answered questions (e.g. 2/3)."""
    key = "bestandsaufnahme_field"
    if st.session_state.get(key) not in FIELDS:
        st.session_state[key] = FIELDS[0]
    answers = workshop().maturity
    counts = {f: sum(1 for q in maturity.questions_of(f) if q.id in answers) for f in FIELDS}
    names = {f: field_label(f) for f in FIELDS}  # format_func may run outside the script run: no lang() inside
    st.pills(
        t("Handlungsfeld", "Field of action"),
        FIELDS,
        key=key,
        required=True,
        wrap=True,
        format_func=lambda f: f"{names[f]} ({counts[f]}/{len(maturity.questions_of(f))})",
    )
    return str(st.session_state[key])


def questions(field: str) -> None:
    """The questions of one field of action, each answered on the scale 0–4 (a second click clears it)."""
    labels = {i: say_text(label) for i, label in enumerate(maturity.ANSWER_LABELS)}
    answers = workshop().maturity
    for question in maturity.questions_of(field):
        key = f"bestandsaufnahme_{question.id}"
        bind(key, answers.get(question.id))
        st.segmented_control(
            say_text(question.text),
            ANSWERS,
            key=key,
            format_func=lambda value: labels[value],
            on_change=update,
            args=(key, _set_answer(question.id)),
            width="stretch",
        )


def chart() -> None:
    """The six fields' maturity, or what to do while nothing is answered yet."""
    answers = workshop().maturity
    if not maturity.answered(answers):
        st.info(
            t(
                "Sobald die ersten Fragen beantwortet sind, zeigt sich hier der Reifegrad der sechs Handlungsfelder.",
                "As soon as the first questions are answered, the maturity of the six fields of action shows here.",
            ),
            icon=":material/lightbulb:",
        )
        return
    show_chart("bestandsaufnahme_maturity", lambda: maturity_chart(answers, lang()))


def weakest() -> list[str]:
    """Name the weakest fields with their scores (or say that none stands out yet) and return them."""
    answers = workshop().maturity
    weak = maturity.weakest_fields(answers)
    if not maturity.answered(answers):
        return weak
    if not weak:
        st.caption(
            t(
                "Noch hebt sich kein Feld als schwächstes ab – weitere Antworten zeigen, wo es am meisten hakt.",
                "No field stands out as the weakest yet – more answers show where help is needed most.",
            )
        )
        return weak
    scores = maturity.field_scores(answers)
    names = ", ".join(f"**{field_label(f)}** ({number(scores[f] or 0.0)})" for f in weak)
    st.markdown(t(f"Am schwächsten: {names}", f"Weakest: {names}"))
    return weak


def _suggestion(item: CatalogueItem) -> None:
    """One catalogue measure as a card: title, what it is, what it costs, and the button that adds it."""
    with st.container(border=True):
        st.caption(field_label(item.field))
        st.markdown(f"**{t(item.title_de, item.title_en)}**")
        st.caption(t(item.description_de, item.description_en))
        st.caption(
            t(
                f"Einmalkosten {euro(item.one_time_cost)} · laufend {euro(item.running_cost)}/Jahr · "
                f"{item.duration} Monat(e)",
                f"One-time {euro(item.one_time_cost)} · running {euro(item.running_cost)}/year · "
                f"{item.duration} month(s)",
            )
        )
        st.button(
            t("Hinzufügen", "Add"),
            key=f"bestandsaufnahme_add_{item.id}",
            icon=":material/add:",
            on_click=add_suggestion,
            args=(item.id,),
        )


def suggestions(weak: list[str]) -> None:
    """Catalogue measures for the weakest fields that the workshop does not hold yet, each one click away."""
    st.subheader(t("Vorschläge aus dem Katalog", "Suggestions from the catalogue"))
    if not weak:
        st.caption(
            t(
                "Vorschläge erscheinen, sobald sich die schwächsten Felder zeigen.",
                "Suggestions appear as soon as the weakest fields show.",
            )
        )
        return
    items = maturity.suggestions(workshop(), count=len(weak))
    if not items:
        st.success(
            t(
                "Alle passenden Katalog-Maßnahmen stehen schon in der Liste.",
                "Every matching catalogue measure is already on the list.",
            ),
            icon=":material/check_circle:",
        )
        return
    per_field = SUGGESTIONS_PER_FIELD if len(weak) <= 2 else SUGGESTIONS_PER_FIELD - 1
    offered = [item for field in weak for item in [i for i in items if i.field == field][:per_field]]
    for start in range(0, len(offered), CARDS_PER_ROW):
        row = offered[start : start + CARDS_PER_ROW]
        for column, item in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            with column:
                _suggestion(item)
    st.page_link(
        "app_pages/03_massnahmen.py",
        label=t("Zur Maßnahmenliste und zum ganzen Katalog", "To the list of measures and the whole catalogue"),
        icon=":material/edit_note:",
    )


def main() -> None:
    """Draw the page: chart and weakest fields in presenter mode, else questions, chart and suggestions."""
    st.title(t("Bestandsaufnahme", "Maturity check"))
    if presenter():
        chart()
        weakest()
        return
    st.markdown(
        t(
            "Schritt 2 von 10: Wo steht das Unternehmen heute? Drei Fragen je Handlungsfeld, "
            "von 0 (gar nicht) bis 4 (vollständig). Jede Antwort gilt sofort.",
            "Step 2 of 10: where does the company stand today? Three questions per field of action, "
            "from 0 (not at all) to 4 (fully). Every answer applies at once.",
        )
    )
    progress()
    left, right = split("bestandsaufnahme", 2)
    with left:
        questions(field_choice())
    with right:
        chart()
        weak = weakest()
    suggestions(weak)


main()
