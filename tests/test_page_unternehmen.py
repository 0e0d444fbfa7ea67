"""The Unternehmen page: profile and planning settings, validated next to the field, applied at once."""

from __future__ import annotations

import pytest

from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.store.records import Unavailable
from roadmap.store.workshops import Store
from tests.pages import WORKSHOPS, held, open_page, places

PAGE = "app_pages/01_unternehmen.py"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_shows_the_yearly_budget_for_every_workshop(name: str, lang: str) -> None:
    workshop = WORKSHOPS[name]()

    app = open_page(PAGE, workshop, lang)

    assert not app.exception
    budget = {
        "empty": ("0\xa0€", "€0"),
        "demo": ("204.000\xa0€", "€204,000"),
        "large": ("1.800.000\xa0€", "€1,800,000"),
    }
    assert app.metric[0].value == budget[name][0 if lang == "de" else 1]


def test_a_new_revenue_changes_the_budget_at_once() -> None:
    app = open_page(PAGE)

    app.number_input(key="unternehmen_revenue").set_value(1_000_000).run()

    assert held(app).workshop.profile.revenue == 1_000_000
    assert app.metric[0].value == "30.000\xa0€"


def test_a_budget_share_outside_the_corridor_is_warned_about_not_refused() -> None:
    app = open_page(PAGE)

    app.number_input(key="unternehmen_budget_share").set_value(7.0).run()

    assert held(app).workshop.profile.budget_share == 7.0
    assert "außerhalb des üblichen Korridors" in app.warning[0].value


def test_a_horizon_that_ends_before_it_starts_is_refused_next_to_the_field() -> None:
    app = open_page(PAGE)

    app.selectbox(key="unternehmen_horizon_end_de").set_value(Month(2025, 6)).run()

    assert held(app).workshop.profile.horizon_end == Month(2027, 12)
    assert "endet (2025-06) vor seinem Beginn" in app.error[0].value


def test_a_phase_can_be_renamed_and_an_emptied_name_falls_back_to_the_quarter() -> None:
    app = open_page(PAGE)

    app.text_input(key="unternehmen_phase_0").input("Start").run()
    app.text_input(key="unternehmen_phase_3").input("").run()

    assert held(app).workshop.profile.phase_names == (
        "Start",
        "Phase 2 – Prozesse & Daten",
        "Phase 3 – Kunden & Vertrieb",
    )


def test_the_company_name_is_kept_as_typed() -> None:
    app = open_page(PAGE)

    app.text_input(key="unternehmen_name").input("Müller & Söhne KG").run()

    assert held(app).workshop.profile.name == "Müller & Söhne KG"


def test_presenter_mode_shows_figures_and_no_inputs() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert not app.number_input and not app.text_input and not app.selectbox
    assert [m.value for m in app.metric][:3] == ["6.800.000\xa0€", "204.000\xa0€", "95.000\xa0€"]


def test_a_revenue_per_year_gives_that_year_its_own_budget_and_the_annual_one_clears_it() -> None:
    app = open_page(PAGE)  # the demo: 2026-12 to 2027-12, revenue 6.8 million

    app.number_input(key="unternehmen_revenue_2027").set_value(8_000_000).run()

    assert held(app).workshop.profile.revenue_by_year == {2027: 8_000_000}
    assert held(app).workshop.profile.revenue_in(2026) == 6_800_000

    app.number_input(key="unternehmen_revenue_2027").set_value(6_800_000).run()

    assert held(app).workshop.profile.revenue_by_year == {}


def test_the_planning_month_is_this_month_unless_another_is_chosen() -> None:
    app = open_page(PAGE)
    key = "unternehmen_as_of_de"

    assert app.selectbox(key=key).value == "current"

    app.selectbox(key=key).set_value(Month(2027, 1)).run()

    assert held(app).workshop.profile.as_of == Month(2027, 1)
    assert "Planungsstand" in app.selectbox(key=key).label

    app.selectbox(key=key).set_value("current").run()

    assert held(app).workshop.profile.as_of is None


def test_a_horizon_wholly_before_the_planning_month_is_said_in_words() -> None:
    app = open_page(PAGE)

    app.selectbox(key="unternehmen_horizon_end_de").set_value(Month(2026, 12)).run()
    app.selectbox(key="unternehmen_horizon_start_de").set_value(Month(2026, 1)).run()
    app.selectbox(key="unternehmen_as_of_de").set_value(Month(2027, 2)).run()

    assert any("liegt ganz vor dem Planungsstand Februar 2027" in w.value for w in app.warning)


def test_saving_one_field_leaves_the_others_to_what_the_user_is_typing() -> None:
    # A field given its value again makes the browser overwrite it: what is typed in the revenue
    # field while the new name is being saved would be lost, or shown beside another saved value.
    app = open_page(PAGE)

    app.text_input(key="unternehmen_name").input("Kranz Backwaren GmbH").run()

    assert held(app).workshop.profile.name == "Kranz Backwaren GmbH"
    widgets = [*app.number_input, *app.text_input, *app.selectbox, *app.date_input]
    resent = [widget.key for widget in widgets if widget.proto.set_value]
    assert resent == []


def test_a_change_the_store_cannot_write_is_said_under_its_field_and_the_text_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = open_page(PAGE)

    def disk_full(*_: object, **__: object) -> int:
        raise Unavailable(Message("Der Datenträger ist voll.", "The disk is full."))

    with monkeypatch.context() as patched:
        patched.setattr(Store, "save", disk_full)
        app.text_input(key="unternehmen_name").input("Feinmechanik Schneider KG").run()

    assert app.text_input(key="unternehmen_name").value == "Feinmechanik Schneider KG"
    assert "Nicht gespeichert: Der Datenträger ist voll." in app.error[0].value
    assert held(app).workshop.profile.name != "Feinmechanik Schneider KG"

    app.number_input(key="unternehmen_employees").set_value(50).run()  # another field is saved meanwhile

    assert app.text_input(key="unternehmen_name").value == "Feinmechanik Schneider KG"
    app.button(key="unternehmen_name__save_again").click().run()
    assert held(app).workshop.profile.name == "Feinmechanik Schneider KG"
    assert held(app).workshop.profile.employees == 50
    assert not app.error


def test_every_field_keeps_its_place_while_notes_and_messages_above_it_come_and_go() -> None:
    # The browser matches fields between runs by their place and makes a moved one anew, dropping what
    # is being typed into it: the demo's note going with the first new name took the revenue being typed.
    app = open_page(PAGE)
    before = places(app)
    assert {"unternehmen_name", "unternehmen_revenue", "unternehmen_phase_0"} <= set(before)

    app.text_input(key="unternehmen_name").input("Kranz Backwaren GmbH").run()  # the demo's note goes
    app.number_input(key="unternehmen_budget_share").set_value(7.0).run()  # the corridor's warning comes
    app.selectbox(key="unternehmen_horizon_end_de").set_value(Month(2025, 6)).run()  # an error under a field
    assert app.warning and app.error

    after = places(app)
    assert {key: after[key] for key in before if key in after} == {key: before[key] for key in before if key in after}
    assert set(before) <= set(after)
