"""Measures the workshop has already under the same or nearly the same title: flagged on import, in the catalogue
and in the maturity suggestions; the user skips them, keeps both or updates the existing one."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import ImportResult, import_file
from roadmap.views.import_review import duplicate_choices, duplicate_table
from roadmap.workshop.duplicates import _TYPO, DuplicateChoice, _alike, find_duplicates, likeness
from roadmap.workshop.maturity import QUESTIONS, suggestions
from roadmap.workshop.merge import APPEND, catalogue_present, merge_import
from ui.session import demo_workshop

LIST = (
    "Nr.;Maßnahme;Kosten;Vorgänger\n1;CRM-System Vertrieb;9000;\n2;CRM-System einführen;4000;1\n"
    "3;Drohnen-Inventur;500;\n"
)


def _crm_list() -> ImportResult:
    return import_file(LIST.encode(), filename="liste.csv")


@pytest.mark.parametrize(
    ("title", "other", "alike"),
    [
        ("CRM-System Vertrieb", "crm system vertrieb", "same"),
        ("CRM-System einführen", "CRM-System Vertrieb", "similar"),
        ("CRM-System", "CRM-System Vertrieb", "similar"),
        ("Zwei-Faktor-Authentifzierung", "Zwei-Faktor-Authentifizierung", "similar"),
        ("Backup-Konzept", "Firewall erneuern", None),
        ("CRM-System einführen", "ERP-System einführen", None),
    ],
)
def test_titles_are_the_same_nearly_the_same_or_different(title: str, other: str, alike: str | None) -> None:
    assert likeness(title, other) == alike


def test_appending_a_list_to_the_demo_skips_the_same_title_and_flags_the_similar_one() -> None:
    demo = demo_workshop()
    result = _crm_list()
    crm = next(m for m in demo.measures if m.title == "CRM-System Vertrieb")

    outcome = merge_import(demo, result, APPEND)

    titles = [m.title for m in outcome.workshop.measures]
    assert titles.count("CRM-System Vertrieb") == 1 and titles[-2:] == ["CRM-System einführen", "Drohnen-Inventur"]
    assert outcome.workshop.measures[-2].depends_on == (crm.id,)  # the skipped measure's dependents follow
    german = " ".join(m("de") for m in outcome.messages)
    assert german.startswith("2 Maßnahmen angehängt. 1 Maßnahme übersprungen – stehen schon in der Liste: „CRM-System")
    assert "„CRM-System einführen“ (≈ „CRM-System Vertrieb“)" in german


def test_keep_both_and_update_the_existing_one_as_the_user_chooses() -> None:
    demo = demo_workshop()
    result = _crm_list()
    crm = next(m for m in demo.measures if m.title == "CRM-System Vertrieb")

    kept = merge_import(demo, result, APPEND, {"1": DuplicateChoice.KEEP})
    updated = merge_import(demo, result, APPEND, {"1": DuplicateChoice.UPDATE, "2": DuplicateChoice.SKIP})

    assert [m.title for m in kept.workshop.measures].count("CRM-System Vertrieb") == 2
    assert len(updated.workshop.measures) == len(demo.measures) + 1
    now = next(m for m in updated.workshop.measures if m.id == crm.id)
    assert now.one_time_cost == 9000.0 and now.title == crm.title and now.value == crm.value
    assert updated.updated == 1
    assert "haben die bestehende Maßnahme aktualisiert" in " ".join(m("de") for m in updated.messages)


def test_the_preview_table_shows_the_existing_title_beside_and_the_choice_can_be_changed() -> None:
    demo = demo_workshop()
    result = _crm_list()
    duplicates = find_duplicates(demo.measures, result.measures)

    table = duplicate_table(duplicates, result, "de")

    assert table.values.tolist() == [
        ["CRM-System Vertrieb", "CRM-System Vertrieb", "gleich", "Überspringen"],
        ["CRM-System einführen", "CRM-System Vertrieb", "ähnlich", "Beide behalten"],
    ]
    chosen = duplicate_choices(duplicates, {"1": {"choice": "Bestehende aktualisieren"}}, "de")
    assert chosen == {"1": DuplicateChoice.SKIP, "2": DuplicateChoice.UPDATE}


def test_a_list_without_duplicates_is_appended_as_before() -> None:
    outcome = merge_import(Workshop(), _crm_list(), APPEND)

    assert [m("de") for m in outcome.messages] == ["3 Maßnahmen angehängt."]


def test_neither_the_catalogue_nor_the_maturity_suggestions_offer_what_the_workshop_has() -> None:
    demo = demo_workshop()
    weak = demo.with_changes(maturity={q.id: (1 if q.field == "Kunden & Omnichannel" else 4) for q in QUESTIONS})

    offered = [item.id for item in suggestions(weak)]

    assert "K-CRM" in catalogue_present(demo.measures)  # 'CRM-System' beside 'CRM-System Vertrieb'
    assert "K-CRM" not in offered and "K-MA" in offered


@given(
    st.text(alphabet="abcdefghijklmnoprstu ", min_size=6, max_size=30),
    st.text(alphabet="abcdefghijklmnoprstu ", min_size=6, max_size=30),
)
def test_the_quick_bounds_never_change_whether_two_titles_count_as_a_typo(a: str, b: str) -> None:
    # `_alike` asks difflib's cheap upper bounds first; the answer is always that of the full ratio.
    assert _alike(a, b) == (SequenceMatcher(None, a, b).ratio() >= _TYPO)


@pytest.mark.parametrize(("a", "b"), [("authentifizierung", "authentifzierung"), ("crm vertrieb", "crm vertrieb x")])
def test_a_typo_or_an_ending_is_still_alike_after_the_quick_bounds(a: str, b: str) -> None:
    assert _alike(a, b) and SequenceMatcher(None, a, b).ratio() >= _TYPO
