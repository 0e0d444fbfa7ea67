"""The field of action suggested from a measure's words where the list names none (docs/import.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from roadmap.cli import main
from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.field_words import infer_field
from roadmap.importing.importer import import_file
from tests.workbooks import FIXTURES

PROCESS, DATA, SECURITY, CUSTOMERS, PEOPLE, STRATEGY = FIELDS
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("2FA einführen", SECURITY), ("Firewall erneuern", SECURITY), ("Backup-Konzept 3-2-1", SECURITY),
        ("Mehr-Faktor-Anmeldung", SECURITY), ("Two-factor authentication", SECURITY),
        ("Neuer Webshop", CUSTOMERS), ("CRM einführen", CUSTOMERS), ("Newsletter-Tool", CUSTOMERS),
        ("Online shop relaunch", CUSTOMERS), ("Schulung Excel für alle", PEOPLE), ("Digital skills training", PEOPLE),
        ("Onboarding e-learning", PEOPLE), ("Dashboard Auftragseingang", DATA), ("BI reporting", DATA),
        ("Absatzprognose", DATA), ("Stammdatenbereinigung", DATA), ("Demand forecast", DATA),
        ("E-Rechnung (XRechnung)", PROCESS), ("Eingangsrechnungen digital freigeben", PROCESS),
        ("Digitalstrategie 2030", STRATEGY), ("Kulturwandel begleiten", STRATEGY),
        ("Datenschutz-Folgenabschätzung", SECURITY),
    ],
)  # fmt: skip
def test_a_telling_word_suggests_its_field_in_german_and_english(title: str, field: str) -> None:
    guess = infer_field(title)

    assert guess is not None and guess.field == field


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Bedrohungslage bewerten", SECURITY), ("Ransomware-Schutz", SECURITY),
        ("Technische Schulden abbauen", SECURITY),
        ("Legacy-System ablösen", SECURITY), ("Videokonferenzräume ausstatten", SECURITY),
        ("Lieferkettentransparenz", PROCESS), ("Supply chain visibility", PROCESS),
        ("Google-My-Business-Profil pflegen", CUSTOMERS), ("Hybrides Arbeiten regeln", PEOPLE),
        ("Executive sponsorship for digitalisation", STRATEGY), ("Wandlungsfähigkeit stärken", STRATEGY),
        ("Adaptive teams", STRATEGY),
    ],
)  # fmt: skip
def test_the_broader_vocabulary_reads_compounds_and_phrases_in_german_and_english(title: str, field: str) -> None:
    guess = infer_field(title)

    assert guess is not None and guess.field == field


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Automatisierung", PROCESS), ("Automatisierung der Angebotserstellung", PROCESS),
        ("Automation of quotes", PROCESS), ("Analysis of downtime", DATA), ("Kundenzufriedenheit", CUSTOMERS),
        ("Kundenportal-Personalisierung", CUSTOMERS),
    ],
)  # fmt: skip
def test_a_word_of_the_vocabulary_is_not_overruled_by_a_catalogue_word_inside_it(title: str, field: str) -> None:
    guess = infer_field(title)

    assert guess is not None and guess.field == field


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Admin-Schulung", PEOPLE), ("Firewall-Schulung für Admins", PEOPLE),
        ("ERP training for the warehouse", PEOPLE),
        ("Datenschutz-Unterweisung", PEOPLE), ("Trainingsdaten für das Prognosemodell", DATA),
    ],
)  # fmt: skip
def test_a_training_is_a_people_measure_whatever_it_teaches(title: str, field: str) -> None:
    guess = infer_field(title)

    assert guess is not None and guess.field == field


@pytest.mark.parametrize(
    "title", ["Which one, where and against what?", "Welche werden gegen wen?", "Improve every second"]
)
def test_function_words_of_the_catalogues_texts_tell_no_field(title: str) -> None:
    assert infer_field(title) is None


def test_a_catalogue_measures_title_takes_the_catalogues_field() -> None:
    guess = infer_field("Security-Awareness-Schulung")

    assert guess is not None and guess.field == PEOPLE


def test_the_description_helps_where_the_title_says_nothing() -> None:
    assert infer_field("Projekt Alpha") is None
    guess = infer_field("Projekt Alpha", "Angebote und Kundenkontakte in einem CRM bündeln")
    assert guess is not None and guess.field == CUSTOMERS


def test_a_list_without_a_field_column_gets_suggested_fields_marked_and_said() -> None:
    result = import_file(FIXTURES / "en_project_list.xlsx")
    fields = {m.title: m.field for m in result.measures}

    assert fields["Backup concept"] == SECURITY and fields["Introduce CRM system"] == CUSTOMERS
    assert fields["BI reporting"] == DATA and fields["Digital skills training"] == PEOPLE
    assert len(set(fields.values())) == 6
    assert set(result.inferred_fields) == {m.id for m in result.measures}
    assert result.inferred_fields["5"] == "backup" and result.inferred_fields["40"] == ""
    (said,) = [p for p in result.problems if "Kein Handlungsfeld angegeben" in p.message("de")]
    assert "für 38 Maßnahmen" in said.message("de") and "bei 2 sagte kein Wort etwas" in said.message("de")
    assert "please check them in the preview" in said.message("en")


def test_a_given_field_is_kept_and_only_an_empty_cell_with_nothing_above_to_fill_down_is_suggested() -> None:
    data = "Maßnahme;Handlungsfeld\nCRM einführen;\nBackup einrichten;Strategie & Kultur\nFirewall;\n".encode()

    result = import_file(data, filename="liste.csv")

    assert [m.field for m in result.measures] == [CUSTOMERS, STRATEGY, STRATEGY]
    assert result.inferred_fields == {"M001": "crm"}


def test_the_command_line_summary_says_how_many_fields_were_suggested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["plan", str(FIXTURES / "en_project_list.xlsx"), "--out", str(tmp_path / "r.xlsx"), "--revenue", "2000000"]
    )

    assert code == 0
    out = capsys.readouterr().out
    assert "Handlungsfeld aus den Wörtern vorgeschlagen: 38 von 40 (2 ohne Hinweis: Prozessautomatisierung)" in out


def test_the_suggestions_stay_right_on_titles_written_by_other_people() -> None:
    """The labelled public titles of bench/data/field_titles.csv (the figure itself: bench/field_accuracy.py)."""
    from bench.field_accuracy import FRAMEWORKS, evaluate

    right, total, _ = evaluate()
    right_second, total_second, _ = evaluate(FRAMEWORKS)

    assert total >= 150 and right / total >= 0.83
    assert total_second >= 100 and right_second / total_second >= 0.85
