"""Measures that are already in the workshop under the same or nearly the same title (docs/import.md).

'Same' is the same title once case, umlauts, hyphens and punctuation are set aside ('CRM-System Vertrieb'
= 'crm system vertrieb'). 'Nearly the same' is a title whose telling words are all in the other one
('CRM-System einführen' and 'CRM-System Vertrieb' share 'crm'; words such as 'einführen', 'System' or 'neu'
tell nothing), or one that differs only by a typo. An import flags both in its preview; the user
decides per measure: skip it, keep both, or update the existing one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from roadmap.domain.measure import Measure
from roadmap.importing.field_words import fold


class DuplicateChoice(StrEnum):
    """What becomes of an incoming measure that is already in the workshop."""

    SKIP = "skip"
    KEEP = "keep"
    UPDATE = "update"


_FILLER_TEXT = (
    "einfuehren einfuehrung einrichten aufbauen umsetzen umsetzung implementieren erstellen neu neue neuer neues "
    "system systeme tool tools projekt loesung der die das den dem des und fuer mit von im in zur zum ein eine "
    "introduce introduction implement set up setup new system systems project solution the and for with of a an to"
)
_FILLER = frozenset(_FILLER_TEXT.split(" "))
_TYPO = 0.9  # titles this alike (difflib ratio) differ only by a typo or an ending


@dataclass(frozen=True)
class Duplicate:
    """An incoming measure and the workshop measure with the same (`same`) or nearly the same title."""

    incoming: str
    existing: str
    existing_title: str
    same: bool

    @property
    def default(self) -> DuplicateChoice:
        """Same title: skip it (the workshop has it); nearly the same: keep both until the user says otherwise."""
        return DuplicateChoice.SKIP if self.same else DuplicateChoice.KEEP


@functools.lru_cache(maxsize=8192)
def _folded(title: str) -> str:
    """`fold`, kept: the Bestandsaufnahme compares every catalogue title with every measure on each rerun."""
    return fold(title)


@functools.lru_cache(maxsize=8192)
def telling_words(title: str) -> frozenset[str]:
    """The words of a title that tell what it is about."""
    return frozenset(word for word in _folded(title).split() if word not in _FILLER)


def likeness(title: str, other: str) -> str | None:
    """'same', 'similar' or None for two measure titles."""
    a, b = _folded(title), _folded(other)
    if not a or not b:
        return None
    if a == b:
        return "same"
    words_a, words_b = telling_words(title), telling_words(other)
    if words_a and words_b and (words_a <= words_b or words_b <= words_a):
        return "similar"
    # A typo: the telling words nearly alike ('Authentifzierung'), never two short names ('CRM' and 'ERP').
    told_a, told_b = " ".join(sorted(words_a)), " ".join(sorted(words_b))
    if min(len(told_a), len(told_b)) < 6:
        return None
    return "similar" if _alike(told_a, told_b) else None


def _alike(a: str, b: str) -> bool:
    """difflib's ratio at least _TYPO, its two cheap upper bounds asked first: most pairs of titles are far
    apart in length or letters, and the same answer comes without matching any blocks."""
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= _TYPO and matcher.quick_ratio() >= _TYPO and matcher.ratio() >= _TYPO


def find_duplicates(existing: Sequence[Measure], incoming: Iterable[Measure]) -> list[Duplicate]:
    """Each incoming measure whose title the workshop has (nearly) already, with the closest existing measure."""
    by_fold: dict[str, Measure] = {}
    by_word: dict[str, list[Measure]] = {}
    for measure in existing:
        text = fold(measure.title)
        by_fold.setdefault(text, measure)
        # A typo rarely hits the first three letters: they find the candidates for the typo check.
        for word in {*telling_words(measure.title), f"^{text[:3]}"}:
            by_word.setdefault(word, []).append(measure)
    found = []
    for measure in incoming:
        same = by_fold.get(fold(measure.title))
        if same is not None:
            found.append(Duplicate(measure.id, same.id, same.title, True))
            continue
        match = _closest(measure, by_word)
        if match is not None:
            found.append(Duplicate(measure.id, match.id, match.title, False))
    return found


def _closest(measure: Measure, by_word: dict[str, list[Measure]]) -> Measure | None:
    """The existing measure nearly the same as this one: sharing telling words or the first letters, and alike."""
    text = fold(measure.title)
    keys = {*telling_words(measure.title), f"^{text[:3]}"}
    candidates = {id(m): m for key in keys for m in by_word.get(key, ())}
    alike = [m for m in candidates.values() if likeness(measure.title, m.title) is not None]
    if not alike:
        return None
    return max(alike, key=lambda m: SequenceMatcher(None, text, fold(m.title)).ratio())


def present(title_de: str, title_en: str, measures: Sequence[Measure]) -> Measure | None:
    """The workshop measure with the same or nearly the same title as a catalogue measure (either language)."""
    for measure in measures:
        if likeness(title_de, measure.title) or likeness(title_en, measure.title):
            return measure
    return None
