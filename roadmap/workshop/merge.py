"""Bring measures into a workshop: an imported list (append, replace, update by id) or catalogue items.

Nothing here touches the workshop in place: every function returns a new Workshop and says in both
languages what it did, so the page can show a preview before the user confirms.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from roadmap.domain.ids import base_id, new_ids
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Lang, Message, RoadmapError
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import ImportResult
from roadmap.workbook.names import SHEET_PROFILE
from roadmap.workshop.catalogue import CatalogueItem, catalogue, to_measure
from roadmap.workshop.duplicates import Duplicate, DuplicateChoice, find_duplicates, present


class MergeMode(StrEnum):
    """How an imported list comes into the workshop: appended, in place of its measures, or updating them by id."""

    APPEND = "append"
    REPLACE = "replace"
    UPDATE = "update"


APPEND, REPLACE, UPDATE = MergeMode.APPEND, MergeMode.REPLACE, MergeMode.UPDATE
HOW: tuple[MergeMode, ...] = tuple(MergeMode)

# Every attribute of a measure but its id, in the model's order.
MEASURE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Measure) if f.name != "id")

# Which measure attributes a mapped import column fills (roadmap/importing/column_names.py IMPORT_FIELDS).
_FILLS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "title_2": ("title",),
    "title_3": ("title",),
    "priority": ("value",),
    "progress": ("status",),
    "earliest_start": ("earliest_start", "duration"),
    "deadline": ("deadline", "duration"),
    "kpi_name": ("kpi",),
    "kpi_baseline": ("kpi",),
    "kpi_target": ("kpi",),
    "phase": ("notes",),
}


@dataclass(frozen=True)
class MergeResult:
    """The workshop after bringing measures in, with counts and sentences that say what happened."""

    workshop: Workshop
    added: int
    updated: int
    unchanged: int
    renamed_ids: dict[str, str]
    messages: list[Message]


def import_fields(mapping: Mapping[str, int]) -> frozenset[str] | None:
    """The measure attributes an import's columns carry; None (all of them) for the program's own workbook."""
    if not mapping:
        return None
    carried = {"title"}
    for key, column in mapping.items():
        if column >= 0:
            carried.update(_FILLS.get(key, (key,)))
    return frozenset(carried & set(MEASURE_FIELDS))


def merge(
    workshop: Workshop,
    imported_measures: Sequence[Measure],
    imported_profile: Profile | None,
    how: MergeMode,
    fields: frozenset[str] | None = None,
) -> MergeResult:
    """The workshop with an imported list appended, put in place of its measures, or used to update them by id.

    `fields` (update only) names the attributes the file carries (see `import_fields`); the others keep
    the workshop's values, so a file without a value column does not reset every value to 3.
    """
    if how == MergeMode.APPEND:
        return _append(workshop, imported_measures)
    if how == MergeMode.REPLACE:
        return _replace(workshop, imported_measures, imported_profile)
    if how == MergeMode.UPDATE:
        return _update(workshop, imported_measures, fields)
    raise RoadmapError(Message(f"Unbekannte Übernahmeart '{how}'.", f"Unknown way to merge '{how}'."))


def merge_import(
    workshop: Workshop,
    result: ImportResult,
    how: MergeMode,
    choices: Mapping[str, DuplicateChoice] | None = None,
) -> MergeResult:
    """`merge` for an import: its profile only where the file had a Profil sheet, update only what it carries.

    Appending, a measure the workshop has under the same or nearly the same title (roadmap/workshop/duplicates.py)
    is skipped, kept as well or updates the existing one, as `choices` says (by incoming id; else its default).
    """
    names = {SHEET_PROFILE("de").lower(), SHEET_PROFILE("en").lower()}
    had_profile = result.profile is not None and any(sheet.lower() in names for sheet in result.sheets)
    profile = result.profile if had_profile else None
    fields = import_fields(result.mapping)
    if how == MergeMode.APPEND:
        duplicates = find_duplicates(workshop.measures, result.measures)
        if duplicates:
            return _append_reviewed(workshop, result.measures, duplicates, choices or {}, fields)
    return merge(workshop, result.measures, profile, how, fields)


def _append_reviewed(
    workshop: Workshop,
    imported: Sequence[Measure],
    duplicates: Sequence[Duplicate],
    choices: Mapping[str, DuplicateChoice],
    fields: frozenset[str] | None,
) -> MergeResult:
    """Append, with each (nearly) duplicate measure skipped, kept or updating the existing one."""
    decided = {d.incoming: (d, choices.get(d.incoming, d.default)) for d in duplicates}
    target = {ident: d.existing for ident, (d, choice) in decided.items() if choice != DuplicateChoice.KEEP}
    by_id = {m.id: m for m in imported}
    wanted = (set(MEASURE_FIELDS) if fields is None else set(fields)) - {"title"}
    measures = list(workshop.measures)
    position = {m.id: i for i, m in enumerate(measures)}
    for ident, (duplicate, choice) in decided.items():
        if choice == DuplicateChoice.UPDATE:
            new, old = by_id[ident], measures[position[duplicate.existing]]
            new = new.with_changes(depends_on=tuple(target.get(d, d) for d in new.depends_on if d != old.id))
            changes = {n: getattr(new, n) for n in wanted if n in MEASURE_FIELDS and getattr(new, n) != getattr(old, n)}
            measures[position[duplicate.existing]] = old.with_changes(**changes)
    rest = [
        m.with_changes(depends_on=tuple(target.get(d, d) for d in m.depends_on)) for m in imported if m.id not in target
    ]
    appended = _append(workshop.with_changes(measures=tuple(measures)), rest)
    updated_ids = {d.existing for d, choice in decided.values() if choice == DuplicateChoice.UPDATE}
    if appended.renamed_ids and updated_ids:
        renamed = appended.renamed_ids
        final = tuple(
            m.with_changes(depends_on=tuple(renamed.get(d, d) for d in m.depends_on)) if m.id in updated_ids else m
            for m in appended.workshop.measures
        )
        appended = dataclasses.replace(appended, workshop=appended.workshop.with_changes(measures=final))
    messages = [*appended.messages, *_duplicate_messages(by_id, list(decided.values()))]
    return dataclasses.replace(appended, updated=len(updated_ids), messages=messages)


def _duplicate_messages(
    by_id: Mapping[str, Measure], decided: Sequence[tuple[Duplicate, DuplicateChoice]]
) -> list[Message]:
    """What became of the measures the workshop (nearly) had: skipped, updating the existing one, kept as well."""
    words = {
        DuplicateChoice.SKIP: ("übersprungen – stehen schon in der Liste", "skipped – already in the list"),
        DuplicateChoice.UPDATE: ("haben die bestehende Maßnahme aktualisiert", "updated the existing measure"),
        DuplicateChoice.KEEP: (
            "ähneln bestehenden und wurden trotzdem angehängt",
            "resemble existing ones and were appended",
        ),
    }
    messages = []
    for choice, (de, en) in words.items():
        pairs = [(by_id[d.incoming].title, d.existing_title) for d, c in decided if c == choice]
        if not pairs:
            continue
        shown = pairs[:5]
        more_de = f" und {len(pairs) - 5} weitere" if len(pairs) > 5 else ""
        more_en = f" and {len(pairs) - 5} more" if len(pairs) > 5 else ""
        listed_de = ", ".join(f"„{new}“ (≈ „{old}“)" if new != old else f"„{new}“" for new, old in shown)
        listed_en = ", ".join(f"“{new}” (≈ “{old}”)" if new != old else f"“{new}”" for new, old in shown)
        count = _count(len(pairs), _MEASURES_DE, _MEASURES_EN)
        messages.append(
            Message(f"{count('de')} {de}: {listed_de}{more_de}.", f"{count('en')} {en}: {listed_en}{more_en}.")
        )
    return messages


def _count(number: int, de: tuple[str, str], en: tuple[str, str]) -> Message:
    return Message(f"{number} {de[0] if number == 1 else de[1]}", f"{number} {en[0] if number == 1 else en[1]}")


_MEASURES_DE, _MEASURES_EN = ("Maßnahme", "Maßnahmen"), ("measure", "measures")


def _append(workshop: Workshop, imported: Sequence[Measure]) -> MergeResult:
    existing = {m.id for m in workshop.measures}
    clashing = [m.id for m in imported if m.id in existing]
    new = iter(new_ids(existing | {m.id for m in imported}, len(clashing)))
    renamed = {ident: next(new) for ident in clashing}
    own = {m.id for m in imported}
    added = tuple(
        m.with_changes(
            id=renamed.get(m.id, m.id),
            depends_on=tuple(renamed.get(d, d) if d in own else d for d in m.depends_on),
        )
        for m in imported
    )
    count = _count(len(added), _MEASURES_DE, _MEASURES_EN)
    messages = [Message(f"{count('de')} angehängt.", f"{count('en')} appended.")]
    if renamed:
        pairs = ", ".join(f"{old} → {new_id}" for old, new_id in renamed.items())
        messages.append(
            Message(
                f"Diese IDs gab es schon und wurden neu vergeben (Abhängigkeiten angepasst): {pairs}.",
                f"These IDs were taken and got new ones (dependencies follow): {pairs}.",
            )
        )
    changed = workshop.with_changes(measures=workshop.measures + added)
    return MergeResult(changed, len(added), 0, 0, renamed, messages)


def _replace(workshop: Workshop, imported: Sequence[Measure], profile: Profile | None) -> MergeResult:
    before = _count(len(workshop.measures), _MEASURES_DE, _MEASURES_EN)
    after = _count(len(imported), _MEASURES_DE, _MEASURES_EN)
    messages = [
        Message(
            f"Liste ersetzt: {after('de')} übernommen, {before('de')} der bisherigen Liste entfernt.",
            f"List replaced: {after('en')} taken over, {before('en')} of the previous list removed.",
        )
    ]
    if profile is not None:
        messages.append(
            Message(
                "Unternehmensprofil und Planungseinstellungen aus der Datei übernommen.",
                "Company profile and planning settings taken from the file.",
            )
        )
    changed = workshop.with_changes(measures=tuple(imported), profile=profile or workshop.profile)
    return MergeResult(changed, len(imported), 0, 0, {}, messages)


def _update(workshop: Workshop, imported: Sequence[Measure], fields: frozenset[str] | None) -> MergeResult:
    wanted = set(MEASURE_FIELDS) if fields is None else set(fields) & set(MEASURE_FIELDS)
    position = {m.id: i for i, m in enumerate(workshop.measures)}
    measures = list(workshop.measures)
    updated = unchanged = 0
    added: list[Measure] = []
    for new in imported:
        if new.id not in position:
            added.append(new)
            continue
        old = measures[position[new.id]]
        changes = {
            name: getattr(new, name)
            for name in MEASURE_FIELDS
            if (name in wanted or (name == "notes" and new.notes)) and getattr(new, name) != getattr(old, name)
        }
        if changes:
            measures[position[new.id]] = old.with_changes(**changes)
            updated += 1
        else:
            unchanged += 1
    parts_de = [
        f"{_count(updated, _MEASURES_DE, _MEASURES_EN)('de')} aktualisiert",
        f"{unchanged} unverändert",
        f"{len(added)} neu angehängt",
    ]
    parts_en = [
        f"{_count(updated, _MEASURES_DE, _MEASURES_EN)('en')} updated",
        f"{unchanged} unchanged",
        f"{len(added)} appended as new",
    ]
    messages = [Message(", ".join(parts_de) + " (abgeglichen über die ID).", ", ".join(parts_en) + " (matched by ID).")]
    changed = workshop.with_changes(measures=(*measures, *added))
    return MergeResult(changed, len(added), updated, unchanged, {}, messages)


# --- the catalogue ------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def catalogue_match(item: CatalogueItem, measures: Sequence[Measure]) -> Measure | None:
    """The workshop measure that came from this catalogue item (same id, id with suffix, or same title)."""
    titles = {_normal(item.title_de), _normal(item.title_en)}
    for measure in measures:
        if item.id in (measure.id, base_id(measure.id)):
            return measure
    for measure in measures:
        if _normal(measure.title) in titles:
            return measure
    return present(item.title_de, item.title_en, measures)


def add_from_catalogue(workshop: Workshop, items: Sequence[CatalogueItem], lang: Lang = "de") -> MergeResult:
    """The workshop with these catalogue measures appended; their prerequisites point at the workshop's measures.

    A prerequisite that is not in the workshop (nor added now) is left out, and said so. An item
    already in the list (a second click, another page's button) is not added again. This is the
    one way a catalogue measure enters a workshop, from the Maßnahmen and Bestandsaufnahme pages.
    """
    measures = list(workshop.measures)
    messages: list[Message] = []
    by_id = {item.id: item for item in catalogue()}
    for item in items:
        if catalogue_match(item, measures) is not None:
            continue
        measure = to_measure(item, lang, {m.id for m in measures})
        kept = []
        for needed in measure.depends_on:
            match = catalogue_match(by_id[needed], measures) if needed in by_id else None
            if match is not None:
                kept.append(match.id)
                continue
            name = by_id.get(needed)
            messages.append(
                Message(
                    f"„{measure.title}“ setzt üblicherweise „{name.title_de if name else needed}“ voraus – das "
                    "steht noch nicht in der Liste; die Abhängigkeit wurde nicht eingetragen.",
                    f"“{measure.title}” usually needs “{name.title_en if name else needed}” first – that is not "
                    "in the list yet; the dependency was not entered.",
                )
            )
        measures.append(measure.with_changes(depends_on=tuple(kept)))
    new = measures[len(workshop.measures) :]
    if new:
        messages.insert(
            0,
            Message(
                "Hinzugefügt: " + ", ".join(f"„{m.title}“" for m in new) + ".",
                "Added: " + ", ".join(f"“{m.title}”" for m in new) + ".",
            ),
        )
    return MergeResult(workshop.with_changes(measures=tuple(measures)), len(new), 0, 0, {}, messages)


def catalogue_present(measures: Sequence[Measure]) -> set[str]:
    """Ids of the catalogue items already in the workshop (as `catalogue_match` finds them, fast for 500)."""
    ids = {m.id for m in measures}
    bases = {base_id(i) for i in ids}
    titles = {_normal(m.title) for m in measures}
    return {
        item.id
        for item in catalogue()
        if item.id in ids
        or item.id in bases
        or _normal(item.title_de) in titles
        or _normal(item.title_en) in titles
        or present(item.title_de, item.title_en, measures) is not None
    }
