"""The shipped example files import as a user would expect."""

from __future__ import annotations

import pytest

from roadmap.importing.importer import import_file
from tests.helpers import REPO


@pytest.mark.parametrize("name", ["beispiel_massnahmen.xlsx", "beispiel_massnahmen.csv"])
def test_the_example_list_imports_with_its_twelve_measures_and_dependencies(name: str) -> None:
    result = import_file(REPO / "data" / name, filename=name)

    by_id = {m.id: m for m in result.measures}
    assert len(by_id) == 12
    assert by_id["4"].depends_on == ("1", "3")
    assert by_id["1"].one_time_cost == 12_500
    assert by_id["4"].duration == 6
