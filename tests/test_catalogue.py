"""The built-in catalogue (docs/planning.md, the catalogue)."""

from __future__ import annotations

import pytest

from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELDS
from roadmap.planning.graph import cycles
from roadmap.planning.planner import plan
from roadmap.workshop.catalogue import by_field, catalogue, find, suggest_for_fields, to_measure


def test_the_catalogue_holds_25_to_40_measures_with_unique_ids() -> None:
    ids = [item.id for item in catalogue()]

    assert 25 <= len(ids) <= 40
    assert len(set(ids)) == len(ids)


def test_every_field_of_action_has_at_least_three_measures() -> None:
    assert all(len(by_field()[field]) >= 3 for field in FIELDS)


def test_every_dependency_exists_and_none_is_circular() -> None:
    graph = {item.id: list(item.depends_on) for item in catalogue()}

    assert all(dep in graph for deps in graph.values() for dep in deps)
    assert cycles(graph) == []


@pytest.mark.parametrize(("first", "then"), [("K-M365", "K-2FA"), ("K-PROZ", "K-ERP"), ("K-SICH", "K-AWARE")])
def test_sensible_order_is_built_in(first: str, then: str) -> None:
    items = {item.id: item for item in catalogue()}

    assert first in items[then].depends_on


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_whole_catalogue_plans_in_both_languages(lang: str) -> None:
    measures = [to_measure(item, lang) for item in catalogue()]

    roadmap = plan(measures, Profile(revenue=20_000_000, horizon_end=Profile().horizon_start + 23))

    assert len(roadmap.placements) == len(measures)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("crm", "K-CRM"),
        ("DATENSICHERUNG", "K-BACKUP"),
        ("backup", "K-BACKUP"),
        ("Massnahmen", "K-SICH"),
        ("Xylophon", None),
        ("schulung", "K-AWARE"),
    ],
)
def test_search_ignores_case_and_umlauts(query: str, expected: str | None) -> None:
    ids = [item.id for item in find(query)]

    assert (expected in ids) if expected else ids == []


def test_a_taken_id_gets_a_suffix() -> None:
    item = catalogue()[0]

    assert to_measure(item, existing_ids={item.id, f"{item.id}-2"}).id == f"{item.id}-3"


def test_suggestions_only_for_weak_fields_and_never_an_existing_measure() -> None:
    suggestions = suggest_for_fields(["Cloud & IT-Sicherheit"], {"K-2FA"})

    assert suggestions and all(s.field == "Cloud & IT-Sicherheit" and s.id != "K-2FA" for s in suggestions)
