"""Measure ids (roadmap/domain/ids.py): the one rule for a new id and for a taken one."""

from __future__ import annotations

import pytest

from roadmap.domain.ids import base_id, new_ids, unique_id


def test_new_ids_count_on_from_the_highest_m_number_as_wide_as_the_widest() -> None:
    assert new_ids({"M01", "M07", "X"}, 2) == ["M08", "M09"]
    assert new_ids({"M001", "M002"}, 1) == ["M003"]
    assert new_ids(set(), 1) == ["M01"]


def test_new_ids_never_fill_a_gap_so_an_id_is_never_given_twice() -> None:
    assert new_ids({"M02", "M05"}, 1) == ["M06"]


def test_the_importer_numbers_with_three_digits_at_least() -> None:
    assert new_ids(set(), 3, digits=3) == ["M001", "M002", "M003"]
    assert new_ids({"M0001"}, 1, digits=3) == ["M0002"]


@pytest.mark.parametrize(
    ("wanted", "taken", "given"),
    [("K-CRM", set(), "K-CRM"), ("K-CRM", {"K-CRM"}, "K-CRM-2"), ("M1", {"M1", "M1-2"}, "M1-3")],
)
def test_a_taken_id_gets_the_first_free_suffix(wanted: str, taken: set[str], given: str) -> None:
    assert unique_id(wanted, taken) == given


@pytest.mark.parametrize(("ident", "base"), [("K-CRM-2", "K-CRM"), ("K-CRM", "K-CRM"), ("K-2FA", "K-2FA")])
def test_a_suffixed_id_leads_back_to_its_base(ident: str, base: str) -> None:
    assert base_id(ident) == base
