"""Bringing measures into a workshop: append, replace, update by id, and catalogue items."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import ImportResult
from roadmap.workshop.catalogue import catalogue
from roadmap.workshop.merge import (
    APPEND,
    REPLACE,
    UPDATE,
    add_from_catalogue,
    catalogue_present,
    import_fields,
    merge,
    merge_import,
)

PROFILE = Profile(name="Alt GmbH", revenue=1_000_000)


def _workshop() -> Workshop:
    return Workshop(
        profile=PROFILE,
        measures=(
            Measure("M01", "Backup", value=4, owner="IT"),
            Measure("M02", "CRM", depends_on=("M01",), one_time_cost=9000),
        ),
        participants=5,
    )


def _item(ident: str):
    return next(item for item in catalogue() if item.id == ident)


# --- append -------------------------------------------------------------------------------------


def test_append_keeps_the_ids_that_are_free() -> None:
    imported = [Measure("1", "Wiki"), Measure("2", "Intranet", depends_on=("1",))]

    result = merge(_workshop(), imported, None, APPEND)

    assert [m.id for m in result.workshop.measures] == ["M01", "M02", "1", "2"]
    assert (result.added, result.updated, result.unchanged, result.renamed_ids) == (2, 0, 0, {})


def test_append_gives_clashing_ids_fresh_ones_and_the_dependencies_follow() -> None:
    imported = [Measure("M02", "ERP"), Measure("M03", "DMS", depends_on=("M02",))]

    result = merge(_workshop(), imported, None, APPEND)

    assert result.renamed_ids == {"M02": "M04"}
    assert [m.id for m in result.workshop.measures] == ["M01", "M02", "M04", "M03"]
    assert result.workshop.measures[-1].depends_on == ("M04",)
    assert "M02 → M04" in result.messages[1]("de") and "M02 → M04" in result.messages[1]("en")


def test_append_leaves_a_dependency_on_a_workshop_measure_alone() -> None:
    imported = [Measure("X1", "Portal", depends_on=("M01",))]

    result = merge(_workshop(), imported, None, APPEND)

    assert result.workshop.measures[-1].depends_on == ("M01",)


def test_append_keeps_the_profile_even_when_the_file_has_one() -> None:
    result = merge(_workshop(), [Measure("X1", "Portal")], Profile(name="Neu AG"), APPEND)

    assert result.workshop.profile == PROFILE


# --- replace ------------------------------------------------------------------------------------


def test_replace_makes_the_import_the_list_and_keeps_profile_and_participants_without_a_profile_sheet() -> None:
    imported = [Measure("1", "Wiki")]

    result = merge(_workshop(), imported, None, REPLACE)

    assert result.workshop.measures == tuple(imported)
    assert result.workshop.profile == PROFILE and result.workshop.participants == 5
    assert result.messages[0]("de") == (
        "Liste ersetzt: 1 Maßnahme übernommen, 2 Maßnahmen der bisherigen Liste entfernt."
    )


def test_replace_takes_the_profile_when_the_file_had_one() -> None:
    result = merge(_workshop(), [Measure("1", "Wiki")], Profile(name="Neu AG"), REPLACE)

    assert result.workshop.profile.name == "Neu AG"
    assert "Unternehmensprofil" in result.messages[1]("de") and "Company profile" in result.messages[1]("en")


# --- update by id -------------------------------------------------------------------------------


def test_update_changes_matching_ids_field_by_field_and_appends_new_ones() -> None:
    imported = [Measure("M02", "CRM-System", one_time_cost=12000), Measure("M09", "Portal")]

    result = merge(_workshop(), imported, None, UPDATE, frozenset({"title", "one_time_cost"}))

    crm = result.workshop.measures[1]
    assert (crm.title, crm.one_time_cost, crm.depends_on) == ("CRM-System", 12000, ("M01",))
    assert [m.id for m in result.workshop.measures] == ["M01", "M02", "M09"]
    assert (result.added, result.updated, result.unchanged) == (1, 1, 0)


def test_update_keeps_what_the_file_does_not_carry() -> None:
    imported = [Measure("M01", "Backup", value=3.0, owner="")]  # the importer's defaults: no value/owner column

    result = merge(_workshop(), imported, None, UPDATE, frozenset({"title"}))

    assert (result.workshop.measures[0].value, result.workshop.measures[0].owner) == (4, "IT")
    assert (result.updated, result.unchanged) == (0, 1)


def test_update_from_the_programs_own_workbook_takes_every_field() -> None:
    imported = [Measure("M01", "Backup", value=2, owner="")]

    result = merge(_workshop(), imported, None, UPDATE, import_fields({}))

    assert (result.workshop.measures[0].value, result.workshop.measures[0].owner) == (2, "")
    assert result.messages[0]("de") == (
        "1 Maßnahme aktualisiert, 0 unverändert, 0 neu angehängt (abgeglichen über die ID)."
    )
    assert result.messages[0]("en") == "1 measure updated, 0 unchanged, 0 appended as new (matched by ID)."


def test_the_mapped_columns_name_the_fields_an_import_carries() -> None:
    mapping = {"title": 1, "priority": 4, "kpi_target": 7, "deadline": 3, "owner": -1}

    fields = import_fields(mapping)

    assert fields == frozenset({"title", "value", "kpi", "deadline", "duration"})
    assert import_fields({}) is None


def test_an_unknown_way_to_merge_is_refused() -> None:
    with pytest.raises(RoadmapError, match="Unbekannte Übernahmeart"):
        merge(_workshop(), [], None, "mix")


# --- the catalogue ------------------------------------------------------------------------------


def test_a_catalogue_measure_points_at_the_workshop_measure_it_needs() -> None:
    workshop = Workshop(measures=(Measure("M01", "Kollaborationsplattform (Microsoft 365 / Google Workspace)"),))

    result = add_from_catalogue(workshop, [_item("K-CRM")], "de")

    crm = result.workshop.measures[-1]
    assert (crm.id, crm.title, crm.depends_on) == ("K-CRM", "CRM-System", ("M01",))
    assert result.messages[0]("de") == "Hinzugefügt: „CRM-System“."


def test_a_prerequisite_missing_from_the_workshop_is_left_out_and_said_so() -> None:
    result = add_from_catalogue(Workshop(), [_item("K-ERP")], "en")

    erp = result.workshop.measures[-1]
    assert erp.depends_on == ()
    assert len(result.messages) == 3
    assert "usually needs “Process inventory” first" in result.messages[1]("en")


def test_items_added_together_depend_on_each_other() -> None:
    result = add_from_catalogue(Workshop(), [_item("K-STRAT"), _item("K-PILOT")], "de")

    assert result.workshop.measures[1].depends_on == ("K-STRAT",)


def test_an_item_already_in_the_list_is_not_added_again() -> None:
    once = add_from_catalogue(Workshop(), [_item("K-2FA")], "de").workshop

    twice = add_from_catalogue(once, [_item("K-2FA")], "de")

    assert [m.id for m in twice.workshop.measures] == ["K-2FA"]
    assert twice.added == 0 and twice.messages == []
    assert catalogue_present(twice.workshop.measures) == {"K-2FA"}


def test_a_measure_with_the_items_id_counts_as_the_item_and_is_not_doubled() -> None:
    taken = Workshop(measures=(Measure("K-2FA", "Etwas ganz anderes"),))
    assert add_from_catalogue(taken, [_item("K-2FA")], "de").added == 0


def test_an_item_counts_as_present_by_its_title_in_either_language() -> None:
    measures = (Measure("M05", "two-factor authentication"), Measure("M06", "Cyber-Versicherung"))

    assert catalogue_present(measures) == {"K-2FA", "K-CYBER"}


def _imported(sheets: tuple[str, ...], mapping: dict[str, int]) -> ImportResult:
    return ImportResult(
        measures=(Measure("M01", "Backup", value=3.0),),
        profile=Profile(name="Aus der Datei GmbH"),
        problems=(),
        sheet=sheets[-1],
        sheets=sheets,
        header_row=1,
        mapping=mapping,
        headers=(),
        unmapped=(),
    )


@pytest.mark.parametrize(("sheets", "taken"), [(("Profil", "Maßnahmen"), True), (("Measures",), False)])
def test_an_import_brings_its_profile_only_from_a_profile_sheet(sheets: tuple[str, ...], taken: bool) -> None:
    result = merge_import(_workshop(), _imported(sheets, {}), REPLACE)

    assert (result.workshop.profile.name == "Aus der Datei GmbH") is taken


def test_an_import_without_a_value_column_updates_no_values() -> None:
    result = merge_import(_workshop(), _imported(("Liste",), {"id": 0, "title": 1}), UPDATE)

    assert result.workshop.measures[0].value == 4
