"""Participation from phones (docs/participation.md): the rules of the three rounds, pure and without I/O.

- Ideas: a participant's title, description and name are cleaned here, and refused with a sentence
  naming the limit when too long (never cut); nothing enters the workshop until the moderator accepts
  an idea (a new measure) or merges it into a measure (a note).
- A phone's id (`phone_id`): the random id a phone keeps in its link, so a reload is the same person.
- Estimate (Priority Poker): ratings 1–5 for value and effort; `Spread` gives the median, the range
  and whether the room disagrees (lowest and highest rating `DISAGREEMENT` or more apart).
- Vote: a ballot gives at most `profile.dots_per_person` dots, like one-screen voting; the result
  goes into the measures through `voting.add_vote`, the same rule as the + buttons.
- `SubmitLimiter`: a sliding window per device and per address against flooding (time passed in);
  a script can drop its phone id, so the address's window is the real bound.

The state of a running participation (rooms, rounds, submissions) is kept by roadmap/store/participation.py.
"""

from __future__ import annotations

import re
import statistics
import threading
import unicodedata
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from roadmap.domain.formats import number
from roadmap.domain.ids import new_ids
from roadmap.domain.measure import TITLE_LIMIT, Measure, awaits_assessment, unassessed, with_figures
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.workshop.voting import add_vote, measure_in, reset_votes, with_measure

DESCRIPTION_LIMIT = 1_000  # characters of an idea's description
AUTHOR_LIMIT = 40  # characters of a participant's (optional) name
IDEAS_PER_ROUND = 300  # ideas of all phones together in one round
IDEAS_PER_DEVICE = IDEAS_PER_ROUND // 15  # one phone's share of a round's ideas (20)
PHONE_ID_BYTES = 16  # a phone's random id: 128 bits, 32 hex digits in its link
_PHONE_ID = re.compile(rf"[0-9a-f]{{{2 * PHONE_ID_BYTES}}}")
_SLACK = 10  # raw text this many times over its limit is refused unread: spaces never make up for that
DISAGREEMENT = 3  # lowest and highest rating this far apart: the room should talk about it
RATING_RANGE = range(1, 6)


class RoundKind(StrEnum):
    """The three rounds a moderator can open, one at a time."""

    IDEAS = "ideas"
    ESTIMATE = "estimate"
    VOTE = "vote"


ROUND_NAMES: dict[RoundKind, Message] = {
    RoundKind.IDEAS: Message("Ideen sammeln", "Collect ideas"),
    RoundKind.ESTIMATE: Message("Schätzen (Priority Poker)", "Estimate (Priority Poker)"),
    RoundKind.VOTE: Message("Abstimmen mit Punkten", "Dot voting"),
}


def _printable(text: str) -> str:
    """The text without control and format characters (line breaks become spaces)."""
    return "".join(" " if unicodedata.category(ch)[0] in "CZ" and ch != " " else ch for ch in text)


def clean_text(text: object, limit: int, what: Message) -> str:
    """A participant's text on one line, whitespace collapsed, at most `limit` characters.

    `what` names the text with its article ("Der Titel", "The title"). Text far over the limit is
    refused before it is cleaned, so a megabyte from a script costs no time.

    Raises:
        RoadmapError: if the text is longer than `limit` (it is refused, not cut: the sender sees why).
    """
    raw = str(text or "")
    if len(raw) > _SLACK * limit:
        raise too_long(what, len(raw), limit)
    cleaned = " ".join(_printable(raw).split())
    if len(cleaned) > limit:
        raise too_long(what, len(cleaned), limit)
    return cleaned


def too_long(what: Message, length: int, limit: int) -> RoadmapError:
    """The refusal of a text over its limit, naming both lengths."""
    return RoadmapError(
        Message(
            f"{what.de} ist zu lang ({number(length, 'de', 0)} Zeichen); "
            f"erlaubt sind höchstens {number(limit, 'de', 0)}.",
            f"{what.en} is too long ({number(length, 'en', 0)} characters); "
            f"at most {number(limit, 'en', 0)} are allowed.",
        )
    )


@dataclass(frozen=True)
class IdeaText:
    """A checked idea: a title of 1–200 characters and a description of at most 1,000."""

    title: str
    description: str


def idea_text(title: object, description: object) -> IdeaText:
    """Clean and check an idea from a phone.

    Raises:
        RoadmapError: if the title is empty, or the title or description is too long.
    """
    cleaned = clean_text(title, TITLE_LIMIT, Message("Der Titel", "The title"))
    if not cleaned:
        raise RoadmapError(Message("Bitte einen Titel eingeben.", "Please enter a title."))
    return IdeaText(cleaned, clean_text(description, DESCRIPTION_LIMIT, Message("Die Beschreibung", "The description")))


def author_name(name: object) -> str:
    """A participant's name on one line (empty means anonymous).

    Raises:
        RoadmapError: if it is longer than 40 characters (refused like a title, never cut).
    """
    return clean_text(name, AUTHOR_LIMIT, Message("Der Name", "The name"))


def phone_id(value: object) -> str | None:
    """`value` if it is a phone id as the app writes them into a link (32 hex digits), else None.

    Anything else (missing, longer, other characters) is not taken: the phone gets a fresh id.
    """
    return value if isinstance(value, str) and _PHONE_ID.fullmatch(value) else None


def rating(value: object, what: Message) -> int:
    """A rating 1–5 from a phone.

    Raises:
        RoadmapError: for anything else.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value not in RATING_RANGE:
        raise RoadmapError(
            Message(f"{what.de} muss 1 bis 5 sein, nicht {value!r}.", f"{what.en} must be 1 to 5, not {value!r}.")
        )
    return value


# --- estimate --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """The ratings of one measure on one side (value or effort)."""

    ratings: tuple[int, ...]

    @property
    def median(self) -> float | None:
        """The median rating (halves possible), None without ratings."""
        return float(statistics.median(self.ratings)) if self.ratings else None

    @property
    def low(self) -> int | None:
        """The lowest rating."""
        return min(self.ratings) if self.ratings else None

    @property
    def high(self) -> int | None:
        """The highest rating."""
        return max(self.ratings) if self.ratings else None

    @property
    def disagreement(self) -> bool:
        """True when the lowest and highest rating lie `DISAGREEMENT` or more apart (e.g. 1 and 5)."""
        return bool(self.ratings) and max(self.ratings) - min(self.ratings) >= DISAGREEMENT

    def counts(self) -> dict[int, int]:
        """How often each rating 1–5 was given."""
        return {r: self.ratings.count(r) for r in RATING_RANGE}


def take_estimate(workshop: Workshop, measure_id: str, value: float | None, effort: float | None) -> Workshop:
    """Set a measure's value and effort from the estimate round (None keeps a side as it is).

    Raises:
        RoadmapError: if the measure is unknown or a figure lies outside 1–5.
    """
    measure = measure_in(workshop, measure_id)
    changes: dict[str, object] = {k: float(v) for k, v in (("value", value), ("effort", effort)) if v is not None}
    if not changes:
        return workshop
    return with_measure(workshop, with_figures(measure, changes))


def proposal(spread: Spread) -> int | None:
    """What the reveal proposes for one side: the median of the phones' ratings as a whole number (a half
    rounds up: 3.5 → 4); None without ratings."""
    median = spread.median
    return None if median is None else int(median + 0.5)


def overwrites(measure: Measure, value: float | None, effort: float | None) -> bool:
    """True when taking these figures would replace a value the room already agreed: the measure is
    assessed (not waiting for its figures) and a figure differs from its own. The moderator confirms first."""
    if awaits_assessment(measure):
        return False
    return any(new is not None and new != old for new, old in ((value, measure.value), (effort, measure.effort)))


# --- ideas -----------------------------------------------------------------------------------------


def accept_idea(workshop: Workshop, idea: IdeaText) -> tuple[Workshop, str]:
    """The workshop with the idea as a new measure, not yet assessed (docs/planning.md): value, effort and
    one-time cost are still to be set, and until then it is not planned. Returns its id too."""
    ident = new_ids((m.id for m in workshop.measures), 1)[0]
    measure = unassessed(Measure(ident, idea.title, description=idea.description))
    return workshop.with_changes(measures=(*workshop.measures, measure)), ident


def merge_idea(workshop: Workshop, measure_id: str, idea: IdeaText) -> Workshop:
    """The workshop with the idea noted in an existing measure's notes (its title and figures stay).

    Raises:
        RoadmapError: if the measure is unknown.
    """
    measure = measure_in(workshop, measure_id)
    line = idea.title + (f": {idea.description}" if idea.description else "")
    notes = f"{measure.notes}\n{line}" if measure.notes else line
    return with_measure(workshop, measure.with_changes(notes=notes))


# --- vote ------------------------------------------------------------------------------------------


def ballot(dots_per_person: int, given: Mapping[str, int], measure_ids: Iterable[str]) -> dict[str, int]:
    """A phone's dots, checked: known measures, no negative counts, at most `dots_per_person` in all.

    Raises:
        RoadmapError: if any of these is broken.
    """
    known = set(measure_ids)
    dots = {ident: int(count) for ident, count in given.items() if count}
    unknown = sorted(set(dots) - known)
    if unknown:
        raise RoadmapError(
            Message(
                f"Die Maßnahme {unknown[0]} steht nicht zur Abstimmung.",
                f"Measure {unknown[0]} is not up for the vote.",
            )
        )
    if any(count < 0 for count in dots.values()):
        raise RoadmapError(Message("Punkte können nicht negativ sein.", "Dots cannot be negative."))
    if sum(dots.values()) > dots_per_person:
        raise RoadmapError(
            Message(
                f"Jede Person hat {dots_per_person} Punkte, nicht {sum(dots.values())}.",
                f"Everyone has {dots_per_person} dots, not {sum(dots.values())}.",
            )
        )
    return dots


def dots_left(dots_per_person: int, given: Mapping[str, int | None]) -> int:
    """How many of a phone's dots are still free while it places them (negative: too many placed).

    Counts what the phone's controls hold now, before anything is sent; `ballot` checks what is sent.
    """
    return dots_per_person - sum(max(0, count or 0) for count in given.values())


def apply_votes(workshop: Workshop, totals: Mapping[str, int], voters: int) -> Workshop:
    """The phones' result as the measures' votes, exactly as one-screen votes: every dot through `add_vote`.

    The room's earlier dots are taken back first and the number of participants becomes the number of
    phones that voted, so the dots budget (dots per person × participants) is the phones' budget.
    Measures deleted meanwhile are skipped.
    """
    changed = reset_votes(workshop).with_changes(participants=max(0, voters))
    present = changed.by_id()
    for ident, count in sorted(totals.items()):
        if ident not in present:
            continue
        for _ in range(count):
            changed = add_vote(changed, ident)
    return changed


# --- flooding --------------------------------------------------------------------------------------


class SubmitLimiter:
    """At most `per_device` submissions per device and `per_address` per address within `window` seconds.

    Lives in the memory of one server process, like the access code's limiter (roadmap/access.py);
    the bounds per round are kept by the store and hold across servers.
    """

    def __init__(
        self, per_device: int = 20, per_address: int = 300, window: float = 60.0, max_clients: int = 10_000
    ) -> None:
        """Set the limits."""
        self.per_device, self.per_address, self.window, self.max_clients = per_device, per_address, window, max_clients
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, device: str, address: str, now: float) -> bool:
        """Count a submission and say whether it may go on (a refused one is not counted)."""
        with self._lock:
            keys = ((f"d:{device}", self.per_device), (f"a:{address}", self.per_address))
            windows = [(self._window(key, now), limit) for key, limit in keys]
            if any(len(times) >= limit for times, limit in windows):
                return False
            for times, _ in windows:
                times.append(now)
            return True

    def _window(self, key: str, now: float) -> deque[float]:
        times = self._seen.get(key)
        if times is None:
            if len(self._seen) >= self.max_clients:
                self._forget(now)
            times = self._seen.setdefault(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def _forget(self, now: float) -> None:
        quiet = [k for k, times in self._seen.items() if not times or now - times[-1] >= self.window]
        for key in quiet:
            del self._seen[key]
        while len(self._seen) >= self.max_clients:
            self._seen.pop(next(iter(self._seen)))


ROUND_FULL = Message(
    "In dieser Runde sind genug Ideen eingegangen. Bitte die übrigen mündlich einbringen.",
    "This round has received enough ideas. Please bring in the others by word of mouth.",
)
PHONE_FULL = Message(
    f"Sie haben in dieser Runde schon {IDEAS_PER_DEVICE} Ideen gesendet; mehr nimmt die Runde von einer "
    "Person nicht an. Bitte weitere mündlich einbringen.",
    f"You have already sent {IDEAS_PER_DEVICE} ideas in this round; the round takes no more from one "
    "person. Please bring in further ones by word of mouth.",
)
ROOM_ENDED = Message(
    "Die Workshop-Runde ist beendet, dieser Link gilt nicht mehr. Danke fürs Mitmachen! Sie können diese "
    "Seite schließen. Für eine neue Runde zeigt die Moderation einen neuen Link.",
    "The workshop session has ended and this link is no longer valid. Thank you for taking part! You may "
    "close this page. For a new session the moderator shows a new link.",
)
TOO_FAST = Message(
    "Zu viele Eingaben in kurzer Zeit. Bitte einen Moment warten.",
    "Too many entries in a short time. Please wait a moment.",
)


# --- helpers ---------------------------------------------------------------------------------------


def spreads(ratings: Sequence[tuple[str, int, int]]) -> dict[str, tuple[Spread, Spread]]:
    """Per measure the (value, effort) spreads of (measure id, value, effort) ratings."""
    by_measure: dict[str, tuple[list[int], list[int]]] = {}
    for ident, value, effort in ratings:
        values, efforts = by_measure.setdefault(ident, ([], []))
        values.append(value)
        efforts.append(effort)
    return {ident: (Spread(tuple(v)), Spread(tuple(e))) for ident, (v, e) in by_measure.items()}
