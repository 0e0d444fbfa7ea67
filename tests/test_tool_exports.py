"""Lists from the planning tools SMEs already use, recognised by their content and read with the same preview
and problems list: Asana and Jira CSV exports, a Trello board (JSON) and an MS Project file (MSPDI XML).
The test files follow the formats' public documentation (tests/workbooks.py)."""

from __future__ import annotations

import pytest

from roadmap.domain.month import Month
from roadmap.domain.vocabulary import DONE, FIELDS, IDEA, RUNNING
from roadmap.importing.importer import ImportResult, import_file
from roadmap.importing.raw_sheets import ImportFailed
from tests.workbooks import ASANA_CSV, JIRA_CSV, ms_project_xml, trello_board

PROCESS, DATA, SECURITY, CUSTOMERS, PEOPLE, STRATEGY = FIELDS


def _by_title(result: ImportResult) -> dict[str, object]:
    return {m.title: m for m in result.measures}


def _said(result: ImportResult, words: str) -> bool:
    return any(words in p.message("de") for p in result.problems)


def test_an_asana_export_gives_tasks_with_ids_sections_assignees_dates_and_blocking_tasks() -> None:
    result = import_file(ASANA_CSV.encode(), filename="Roadmap.csv")
    backup, crm = result.measures

    assert (backup.id, backup.title, backup.owner) == ("1204", "Backup einrichten", "Anna Kaya")
    assert (backup.field, crm.field) == (SECURITY, CUSTOMERS)  # a tag that names a field; words for the other
    assert crm.depends_on == ("1204",) and crm.earliest_start == Month(2026, 3) and crm.deadline == Month(2026, 5)
    assert "Section/Column: Planung" in crm.notes
    assert _said(result, "Als Asana-Export erkannt") and _words(result) == {"1205": "crm"}


def test_a_jira_export_gives_issues_by_key_with_status_labels_due_dates_and_blocking_links() -> None:
    result = import_file(JIRA_CSV.encode(), filename="jira.csv")
    firewall, shop = result.measures

    assert (firewall.id, firewall.title, firewall.status, firewall.field) == (
        "DIG-1",
        "Firewall erneuern",
        DONE,
        SECURITY,
    )
    assert (shop.status, shop.field, shop.depends_on) == (RUNNING, CUSTOMERS, ("DIG-1",))
    assert shop.deadline == Month(2026, 6) and shop.description == "Neuer Shop mit Schnittstelle zum ERP"
    assert firewall.value == 5.0  # priority High
    assert _said(result, "Als Jira-Export erkannt")


def test_a_trello_board_gives_its_open_cards_with_lists_labels_dates_and_checklists() -> None:
    result = import_file(trello_board(), filename="board.json")
    cards = _by_title(result)

    assert result.sheet == "Digitalisierung 2026"
    assert list(cards) == ["Zwei-Faktor-Anmeldung", "Newsletter starten", "Backup prüfen"]  # no archived card
    two_factor, newsletter, backup = result.measures
    assert (two_factor.status, two_factor.field, two_factor.description) == (RUNNING, SECURITY, "Für alle Konten")
    assert (two_factor.earliest_start, two_factor.deadline) == (Month(2026, 2), Month(2026, 3))
    assert "Checklisten: Schritte: [x] App wählen; [ ] Alle schulen" in two_factor.notes
    assert "Labels: dringend" in two_factor.notes
    assert (newsletter.status, newsletter.field, newsletter.notes) == (IDEA, CUSTOMERS, "Phase: Ideen")
    assert backup.status == DONE and backup.notes == ""  # its list 'Done' is a status, due marked complete
    assert _words(result) == {"2": "newsletter", "3": "backup"}
    assert _said(result, "Als Trello-Export erkannt")


def test_an_ms_project_file_gives_its_tasks_below_their_summary_task_with_predecessors_and_costs() -> None:
    result = import_file(ms_project_xml(), filename="digital.xml")
    inventory, erp = result.measures

    assert result.sheet == "Digitalisierung Müller"
    assert [m.id for m in result.measures] == ["1.1", "1.2"]  # the project's and the phase's summary tasks left out
    assert inventory.notes == "Phase: Phase 1: Grundlagen" and inventory.status == DONE
    assert inventory.one_time_cost == 6000.0 and erp.one_time_cost == 45000.0
    assert (erp.depends_on, erp.owner, erp.status) == (("1.1",), "Anna Kaya", RUNNING)
    assert (erp.earliest_start, erp.duration, erp.deadline) == (Month(2026, 3), 2, None)  # Finish: planned end


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b'{"lists": [], "cards": [1, 2', "board.json", "sieht aus wie ein Trello-Export"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Project xmlns="http://schemas.microsoft.com/project">',
         "plan.xml", "XML-Deklarationen"),
        (b'{"name": "kein Board"}', "daten.json", "Trello-Board als JSON"),
    ],
)  # fmt: skip
def test_a_broken_or_foreign_json_or_xml_file_is_refused_with_a_sentence(data: bytes, name: str, words: str) -> None:
    with pytest.raises(ImportFailed) as refused:
        import_file(data, filename=name)

    assert words in refused.value.text("de") and refused.value.text("en")


def _words(result: ImportResult) -> dict[str, str]:
    """The word that told each suggested field ('' where the rows around it told or nothing did)."""
    return {ident: guess.word if guess else "" for ident, guess in result.inferred_fields.items()}
