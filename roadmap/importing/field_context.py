"""The fields of action of a whole list's measures, each read from its own words and from the rows around it.

People keep their lists in an order: the CRM tasks together, then the ones for the accounts, then the
trainings. A title that says little or is torn between two fields ('Benachrichtigungen implementieren' among
CRM tasks) then belongs where the rows around it belong, as a person reading the list would place it. How much
the rows around a measure count depends on how ordered by topic the list is: in a list where neighbouring rows
point to the same field no more often than chance would have it (a list sorted by priority or by date), they
do not count at all; in a list grouped by topic, up to NEIGHBOUR_WEIGHT for each of the NEIGHBOURS rows on
either side, less the farther away they are. A measure's own clear words still decide (a title's telling word
alone gains about 4–6); the rows around it tip a weak or torn case (docs/import.md, fields of action from the words).

A suggestion is marked sure where it leads clearly and the rows around it point the same way (`is_sure`); the
others are grouped for a look in the preview.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.field_words import Evidence, FieldGuess, best_field, field_evidence

NEIGHBOURS = 2  # rows on either side that count
NEIGHBOUR_WEIGHT = 2.0  # what the next row adds to its field when the list is wholly ordered by topic
FADING = 0.7  # each row farther away counts this much of the one before
_MIN_PAIRS = 4  # neighbouring pairs, both with telling words, needed to judge the list's order at all
# A suggestion is sure where its field leads the next one by this share of its score and the rows around it
# lead to the same field: chosen on the first three sets of bench/data (bench/field_confidence.py).
SURE_LEAD = 0.6


def infer_fields(texts: Sequence[tuple[str, str]]) -> list[FieldGuess | None]:
    """The most likely field of each measure, given as (title, description) in the list's order; None where
    neither its words nor the rows around it tell."""
    evidence = [field_evidence(title, description) for title, description in texts]
    shares = [_shares(item) for item in evidence]
    weight = NEIGHBOUR_WEIGHT * topic_order(evidence)
    guesses = []
    for index, own in enumerate(evidence):
        around = _around(shares, index, weight)
        guesses.append(_guess(own, around))
    return guesses


def topic_order(evidence: Sequence[Evidence]) -> float:
    """How much more often neighbouring rows point to the same field than chance would have it: 0 for a list
    in no order of topic (or too short to tell), 1 for one where neighbours always agree."""
    leading = [best_field(item.scores) if item.scores else None for item in evidence]
    pairs = [(a, b) for a, b in itertools.pairwise(leading) if a and b]
    counts = Counter(field for field in leading if field)
    total = sum(counts.values())
    if len(pairs) < _MIN_PAIRS or total == 0:
        return 0.0
    chance = sum((count / total) ** 2 for count in counts.values())
    if chance >= 1.0:
        return 0.0
    agree = sum(a == b for a, b in pairs) / len(pairs)
    return min(1.0, max(0.0, (agree - chance) / (1.0 - chance)))


def _shares(evidence: Evidence) -> dict[str, float]:
    """A row's scores as shares of its whole: what it says about its field, however many words it has."""
    total = sum(evidence.scores.values())
    return {field: score / total for field, score in evidence.scores.items()} if total else {}


def _around(shares: Sequence[dict[str, float]], index: int, weight: float) -> dict[str, float]:
    """What the rows around one add to each field: their shares, fading with the distance."""
    added: dict[str, float] = {}
    if weight <= 0.0:
        return added
    for other in range(max(0, index - NEIGHBOURS), min(len(shares), index + NEIGHBOURS + 1)):
        if other == index:
            continue
        factor = weight * FADING ** (abs(other - index) - 1)
        for field, share in shares[other].items():
            added[field] = added.get(field, 0.0) + factor * share
    return added


def _guess(own: Evidence, around: dict[str, float]) -> FieldGuess | None:
    """The field of one row from its own scores and what the rows around it add."""
    if not own.scores and not around:
        return None
    scores = {field: own.scores.get(field, 0.0) + around.get(field, 0.0) for field in FIELDS}
    field = best_field(scores)
    alone = own.guess()
    helped = alone is None or alone.field != field
    sure = is_sure(scores, around, field)
    return FieldGuess(field, round(scores[field], 2), own.words.get(field, ""), neighbours=helped, sure=sure)


def is_sure(scores: dict[str, float], around: dict[str, float], field: str) -> bool:
    """Whether a suggestion needs no look: its field leads the next by SURE_LEAD of its score, and the rows around
    it (in a list ordered by topic) lead to the same field. In a list in no order of topic nothing is sure."""
    ranked = sorted(scores.values(), reverse=True)
    top, second = ranked[0], ranked[1] if len(ranked) > 1 else 0.0
    lead = (top - second) / top if top > 0 else 0.0
    return lead >= SURE_LEAD and bool(around) and best_field(around) == field
