"""The catalogue on the Maßnahmen page: which typical measures to list, grouped by field, and their texts.

Pure functions behind app_pages/03_massnahmen.py (no streamlit here): the page draws what they return.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from roadmap.domain import formats
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Lang, Message
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS_EN
from roadmap.workshop.catalogue import CatalogueItem, by_field, catalogue, find
from roadmap.workshop.merge import catalogue_present

SEARCH_LABEL = Message("Katalog durchsuchen", "Search the catalogue")
SEARCH_EXAMPLE = Message("z. B. CRM, Backup, Schulung", "e.g. CRM, backup, training")
IN_THE_LIST = Message(":green[:material/check_circle: in der Liste]", ":green[:material/check_circle: in the list]")
ADD = Message("Hinzufügen", "Add")


@dataclass(frozen=True)
class Listing:
    """What the catalogue section lists: the groups to show, whether it was searched, and what could be added."""

    groups: list[tuple[str, list[CatalogueItem]]]  # field of action -> its items shown, in the order of the fields
    present: set[str]  # ids of the catalogue items already in the workshop
    searched: bool  # a search was typed (so "nothing found" and "add all found" may apply)
    missing: list[str]  # ids found by the search and not yet in the workshop, sorted

    @property
    def nothing_found(self) -> bool:
        """True when a search found no catalogue measure at all."""
        return self.searched and not self.groups

    @property
    def offers_all(self) -> bool:
        """True when more than one found measure is still missing (then one button adds them all)."""
        return len(self.missing) > 1


def listing(query: str, measures: Sequence[Measure], lang: Lang) -> Listing:
    """The catalogue grouped by field, narrowed to the measures whose texts contain every word of the query."""
    found = {item.id for item in find(query, lang)} if query.strip() else None
    present = catalogue_present(measures)
    groups = []
    for field, items in by_field().items():
        shown = [item for item in items if found is None or item.id in found]
        if shown:
            groups.append((field, shown))
    missing = sorted(found - present) if found else []
    return Listing(groups, present, found is not None, missing)


def items(ids: Collection[str]) -> list[CatalogueItem]:
    """The catalogue items with these ids, in catalogue order."""
    return [item for item in catalogue() if item.id in ids]


def field_heading(field: str, lang: Lang) -> str:
    """A group's heading as HTML: a dot in the field's colour and the field's name in the language."""
    name = FIELDS_EN.get(field, field) if lang == "en" else field
    return f"<span style='color:{FIELD_COLORS[field]};font-size:1.4rem'>●</span> **{name}**"


def item_facts(item: CatalogueItem, lang: Lang) -> str:
    """Value, effort, costs and duration of a catalogue measure in one line."""
    once, running = formats.euro(item.one_time_cost, lang), formats.euro(item.running_cost, lang)
    return Message(
        f"Nutzen {item.value} · Aufwand {item.effort} · einmalig {once} · laufend {running}/Jahr · "
        f"{item.duration} Mon.",
        f"Value {item.value} · effort {item.effort} · one-time {once} · running {running}/year · {item.duration} mo.",
    )(lang)


def item_text(item: CatalogueItem, lang: Lang) -> str:
    """A catalogue measure as Markdown: bold title, description and, in grey, its facts."""
    description = item.description_en if lang == "en" else item.description_de
    return f"**{item.title(lang)}** – {description}  \n:gray[{item_facts(item, lang)}]"


def nothing_found(query: str) -> Message:
    """The hint when a search finds no catalogue measure."""
    return Message(f"Nichts gefunden für „{query}“.", f"Nothing found for “{query}”.")


def add_all_label(count: int) -> Message:
    """The button that adds every found measure not yet in the workshop."""
    return Message(f"Alle {count} gefundenen hinzufügen", f"Add all {count} found")
