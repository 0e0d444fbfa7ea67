"""The built-in catalogue of typical SME measures, searchable and grouped by field of action."""

from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from roadmap.domain.ids import unique_id
from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import Lang
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN

# The data, one measure per line, so a consultant can review and extend it without reading code.
DATA = Path(__file__).with_name("catalogue.json")


@dataclass(frozen=True)
class CatalogueItem:
    """One catalogue measure with German and English texts and sensible defaults."""

    id: str
    field: str
    title_de: str
    title_en: str
    description_de: str
    description_en: str
    value: int
    effort: int
    one_time_cost: float
    running_cost: float
    funding_eligible: bool
    person_days: float
    duration: int
    depends_on: tuple[str, ...]
    kpi: Kpi

    def title(self, lang: Lang = "de") -> str:
        """The title in the given language."""
        return self.title_en if lang == "en" else self.title_de


@functools.cache
def catalogue() -> tuple[CatalogueItem, ...]:
    """Every catalogue measure, in catalogue order."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        CatalogueItem(**{**row, "depends_on": tuple(row["depends_on"]), "kpi": Kpi(**row["kpi"])}) for row in rows
    )


def _folded(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return unicodedata.normalize("NFKD", text)


def find(query: str, lang: Lang = "de") -> list[CatalogueItem]:
    """Catalogue measures whose title, description or field contain every word of the query."""
    words = _folded(query).split()
    found = []
    for item in catalogue():
        haystack = _folded(
            " ".join(
                (
                    item.title_de,
                    item.title_en,
                    item.description_de,
                    item.description_en,
                    item.field,
                    FIELDS_EN[item.field],
                )
            )
        )
        if all(word in haystack for word in words):
            found.append(item)
    return found


def by_field() -> dict[str, list[CatalogueItem]]:
    """The catalogue grouped by field of action, in the order of the fields."""
    groups: dict[str, list[CatalogueItem]] = {field: [] for field in FIELDS}
    for item in catalogue():
        groups[item.field].append(item)
    return groups


def to_measure(
    item: CatalogueItem, lang: Lang = "de", existing_ids: frozenset[str] | set[str] = frozenset()
) -> Measure:
    """A new workshop measure from a catalogue item; a taken id gets a suffix -2, -3, … (`unique_id`)."""
    return Measure(
        id=unique_id(item.id, existing_ids),
        title=item.title(lang),
        field=item.field,
        description=item.description_en if lang == "en" else item.description_de,
        value=item.value,
        effort=item.effort,
        one_time_cost=item.one_time_cost,
        running_cost=item.running_cost,
        funding_eligible=item.funding_eligible,
        person_days=item.person_days,
        duration=item.duration,
        depends_on=item.depends_on,
        kpi=item.kpi,
    )


def suggest_for_fields(weak_fields: list[str], existing_ids: set[str]) -> list[CatalogueItem]:
    """Catalogue measures for the weakest fields not yet in the workshop, best value per effort first."""
    chosen = [i for i in catalogue() if i.field in weak_fields and i.id not in existing_ids]
    return sorted(chosen, key=lambda i: (-i.value / i.effort, -i.value, i.id))
