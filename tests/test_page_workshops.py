"""The Workshops & Stände page: several workshops side by side, snapshots taken, restored and compared."""

from __future__ import annotations

import pytest

from roadmap.domain.month import Month
from roadmap.domain.workshop import Workshop
from tests.pages import WORKSHOPS, held, open_page, own
from ui.session import store

PAGE = "app_pages/10_workshops.py"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_lists_the_workshops_for_every_workshop(name: str, lang: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), lang)

    assert not app.exception
    assert app.title[0].value == ("Workshops & Stände" if lang == "de" else "Workshops & snapshots")
    listed = app.dataframe[-1].value if app.dataframe else None
    assert listed is not None and len(listed) == len(store().workshops())


def _ident(app: object) -> str:
    return str(held(app).ident)  # type: ignore[attr-defined]


def test_a_new_empty_workshop_is_created_and_opened_with_its_name_as_the_company_name() -> None:
    app = open_page(PAGE)
    before = len(store().workshops())

    app.radio[0].set_value("empty").run()
    app.text_input(key="workshops_new_name").input("Bäckerei Kranz").run()
    next(b for b in own(app.button) if b.label == "Workshop anlegen").click().run()

    assert not app.exception
    assert len(store().workshops()) == before + 1
    assert store().info(_ident(app)).name == "Bäckerei Kranz"
    assert held(app).workshop.profile.name == "Bäckerei Kranz"
    assert held(app).workshop.measures == ()
    assert held(app).workshop.profile.horizon_start == Month(2026, 12)  # looks ahead from the tests' day


def test_a_workshop_is_deleted_only_after_the_confirmation() -> None:
    app = open_page(PAGE)
    doomed = _ident(app)
    delete = next(b for b in own(app.button) if b.label == "Workshop löschen")
    assert delete.disabled

    app.checkbox(key=f"workshops_sure_{doomed}").check().run()
    next(b for b in own(app.button) if b.label == "Workshop löschen").click().run()

    assert not store().exists(doomed)
    assert _ident(app) != doomed


def test_duplicating_opens_a_copy_with_the_same_measures() -> None:
    app = open_page(PAGE)
    original = _ident(app)

    next(b for b in own(app.button) if b.label == "Workshop duplizieren").click().run()

    assert _ident(app) != original
    assert store().load(_ident(app))[0] == store().load(original)[0]
    assert store().info(_ident(app)).name == "Test (Kopie)"


def test_a_snapshot_is_taken_on_the_page() -> None:
    app = open_page(PAGE)

    app.text_input(key="workshops_snapshot_name").input("vor Workshop 2")  # a form: sent with its button
    next(b for b in own(app.button) if b.label == "Stand festhalten").click().run()

    assert [s.name for s in store().snapshots_of(_ident(app))] == ["vor Workshop 2"]


def test_a_snapshot_is_compared_with_now_and_restored() -> None:
    ident = store().create(WORKSHOPS["demo"](), "Vergleich")
    snapshot = store().take_snapshot(ident, "vor Workshop 2")
    full = store().load(ident)[0]
    store().save(ident, full.with_changes(measures=full.measures[:-3]), 1)

    app = open_page(PAGE, ident=ident)

    sentences = [m.value for m in app.markdown if m.value.startswith("- ")]
    assert any("Entfernt (3)" in s for s in sentences)
    next(b for b in own(app.button) if b.label == "Wiederherstellen").click().run()
    assert store().load(ident)[0] == full
    assert [s.id for s in store().snapshots_of(ident)] == [snapshot]


def test_presenter_mode_shows_no_controls_and_no_other_client_s_workshop() -> None:
    store().create(Workshop(), "Anderer Kunde AG")
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert not own(app.button) and not app.text_input
    assert not app.dataframe  # the list of all workshops
    assert "Anderer Kunde AG" not in str([e.value for e in (*app.markdown, *app.subheader)])


def test_renaming_on_the_page_renames_the_stored_workshop() -> None:
    app = open_page(PAGE)
    ident = _ident(app)

    app.text_input(key=f"workshops_name_{ident}").input("Bäckerei Kranz")  # a form: sent with its button
    app.button(key="workshops_rename_submit").click().run()

    assert not app.exception
    assert store().info(ident).name == "Bäckerei Kranz"
    assert app.text_input(key=f"workshops_name_{ident}").value == "Bäckerei Kranz"


def test_a_name_changed_in_another_tab_shows_in_the_rename_field() -> None:
    app = open_page(PAGE)
    ident = _ident(app)

    store().rename(ident, "Von nebenan")
    app.run()

    assert app.text_input(key=f"workshops_name_{ident}").value == "Von nebenan"


def test_another_workshop_is_opened_from_the_list() -> None:
    other = store().create(Workshop(), "Der andere")
    app = open_page(PAGE)

    app.selectbox(key="workshops_other").set_value(other)
    app.button(key="workshops_open").click().run()

    assert not app.exception
    assert _ident(app) == other
