"""The Maßnahmen page's catalogue: what it lists, grouped by field, in which words (roadmap/views/catalogue_list.py)."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS
from roadmap.views.catalogue_list import (
    add_all_label,
    field_heading,
    item_facts,
    item_text,
    items,
    listing,
    nothing_found,
)
from roadmap.workshop.catalogue import CatalogueItem, by_field, catalogue


def _item(ident: str) -> CatalogueItem:
    return next(item for item in catalogue() if item.id == ident)


def test_without_a_search_every_catalogue_measure_is_listed_grouped_in_the_order_of_the_fields() -> None:
    shown = listing("", (), "de")

    assert [field for field, _ in shown.groups] == [field for field in FIELDS if by_field()[field]]
    assert sum(len(group) for _, group in shown.groups) == len(catalogue())
    assert not shown.searched and not shown.nothing_found and not shown.offers_all


def test_a_search_keeps_only_the_measures_containing_every_word_and_offers_to_add_them_all() -> None:
    shown = listing("Schulung", (), "de")

    assert [(field, [i.id for i in group]) for field, group in shown.groups] == [
        ("Mitarbeitende & Kompetenzen", ["K-AWARE", "K-SCHUL"])
    ]
    assert shown.missing == ["K-AWARE", "K-SCHUL"] and shown.offers_all


def test_measures_already_in_the_workshop_are_marked_present_and_not_offered_again() -> None:
    measures = (Measure("K-AWARE", "Security-Awareness-Schulung"),)

    shown = listing("Schulung", measures, "de")

    assert "K-AWARE" in shown.present and "K-SCHUL" not in shown.present
    assert shown.missing == ["K-SCHUL"]
    assert not shown.offers_all  # one missing measure has its own button


def test_a_search_that_finds_nothing_says_so() -> None:
    shown = listing("Raumfahrt", (), "de")

    assert shown.groups == [] and shown.searched and shown.nothing_found and shown.missing == []
    assert nothing_found("Raumfahrt")("de") == "Nichts gefunden für „Raumfahrt“."
    assert nothing_found("space")("en") == "Nothing found for “space”."


def test_a_search_of_blanks_lists_the_whole_catalogue() -> None:
    assert not listing("   ", (), "de").searched


def test_items_are_picked_by_id_in_catalogue_order() -> None:
    assert [item.id for item in items(["K-STRAT", "K-PROZ", "K-UNKNOWN"])] == ["K-PROZ", "K-STRAT"]


@pytest.mark.parametrize(("lang", "name"), [("de", "Strategie & Kultur"), ("en", "Strategy & culture")])
def test_a_group_is_headed_by_a_dot_in_the_fields_colour_and_its_name(lang: str, name: str) -> None:
    heading = field_heading("Strategie & Kultur", lang)

    assert f"color:{FIELD_COLORS['Strategie & Kultur']}" in heading
    assert heading.endswith(f"**{name}**")


def test_the_facts_of_a_measure_show_value_effort_costs_and_duration_in_the_language() -> None:
    crm = _item("K-CRM")

    assert item_facts(crm, "de") == (
        f"Nutzen {crm.value} · Aufwand {crm.effort} · einmalig 9.000\xa0€ · laufend 7.200\xa0€/Jahr · 3 Mon."
    )
    assert item_facts(crm, "en") == (
        f"Value {crm.value} · effort {crm.effort} · one-time €9,000 · running €7,200/year · 3 mo."
    )


def test_a_measure_reads_as_bold_title_description_and_grey_facts() -> None:
    crm = _item("K-CRM")

    assert item_text(crm, "en") == f"**CRM system** – {crm.description_en}  \n:gray[{item_facts(crm, 'en')}]"
    assert item_text(crm, "de").startswith(f"**CRM-System** – {crm.description_de}")


def test_the_button_for_all_found_measures_names_how_many() -> None:
    assert add_all_label(3)("de") == "Alle 3 gefundenen hinzufügen"
    assert add_all_label(3)("en") == "Add all 3 found"
