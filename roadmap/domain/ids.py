"""Measure ids: a new one after the highest M-number in use, a taken one with a suffix.

The one home of these rules; the importer, the merge of an imported list, the catalogue and new
rows of the measure table all call it. An id once given is never handed out again for another
measure of the same list: new numbers count on from the highest in use instead of filling gaps.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from roadmap.domain.messages import Message

_NUMBERED = re.compile(r"M(\d+)")
_SUFFIX = re.compile(r"-\d+$")


def new_ids(taken: Iterable[str], count: int, digits: int = 2) -> list[str]:
    """`count` new ids M01, M02, … after the highest M-number in `taken`, as wide as the widest in use.

    `digits` is the least width (the importer numbers a list without ids M001, M002, …).
    """
    used = set(taken)
    numbered = [found.group(1) for ident in used if (found := _NUMBERED.fullmatch(ident))]
    width = max([digits, *(len(number) for number in numbered)])
    number = max((int(n) for n in numbered), default=0)
    result: list[str] = []
    while len(result) < count:
        number += 1
        candidate = f"M{number:0{width}d}"
        if candidate not in used:
            result.append(candidate)
    return result


def unique_id(wanted: str, taken: Collection[str]) -> str:
    """`wanted` if it is free, else the first of `wanted-2`, `wanted-3`, … that is."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def base_id(ident: str) -> str:
    """The id a suffixed id was made from (`K-CRM-2` → `K-CRM`); an id without a suffix is its own base."""
    return _SUFFIX.sub("", ident)


def renamed_duplicate(ident: str, fresh: str) -> Message:
    """What a list is told when a repeated id was given a suffix."""
    return Message(
        f"Die ID '{ident}' ist doppelt – diese Maßnahme heißt jetzt '{fresh}'.",
        f"The ID '{ident}' is used twice – this measure is now '{fresh}'.",
    )
