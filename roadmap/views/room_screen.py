"""The room screen: what the projector shows while the moderator works on the laptop (docs/room-screen.md).

Pure functions behind ui/room_screen.py. `screen` decides the scene from the moderator's stage and the
room: a round while it is open (or while the moderator is on the participation section), else the
moderator's page in a large, read-only form. `sent` reads from the store only what the room may see:
ratings once revealed, dot totals once the round closed – as the phones promise – and `screen` hides
them again if they were passed earlier. Discarded ideas leave the screen: the moderator decides out of
the room's sight. Nothing here draws; every text is a Message or a person's text to be escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from roadmap.domain.messages import Message
from roadmap.store.participation import Idea, Participation, Room
from roadmap.store.presence import Presence, Stage
from roadmap.workshop import rounds
from roadmap.workshop.rounds import RoundKind, Spread

PHONES_SECTION = "phones"  # the section of Priorisierung where the moderator runs the rounds
SHOWN_IDEAS = 12  # idea cards on the projector, newest first; the rest are counted


class Scene(StrEnum):
    """What fills the room screen."""

    WAITING = "waiting"  # no moderator page has run yet
    ROUND = "round"
    ROADMAP = "roadmap"
    PRIORITIES = "priorisierung"
    BUDGET = "budget"
    TITLE = "title"  # a calm card with the workshop's name and the page's title


PAGE_SCENES = {"roadmap": Scene.ROADMAP, "priorisierung": Scene.PRIORITIES, "budget": Scene.BUDGET}


@dataclass(frozen=True)
class Sent:
    """What the phones sent in the room's current round, as the store gives it."""

    phones: int = 0
    ideas: tuple[Idea, ...] = ()
    raters: int = 0
    voters: int = 0
    ratings: tuple[tuple[str, int, int], ...] = ()
    totals: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Join:
    """How to join: the link behind the QR code, the room code, the link to type, the phones joined."""

    link: str
    code: str
    address: str
    phones: int
    large: bool  # the round's invitation (QR code in front) or a footer line under a page

    @property
    def joined(self) -> Message:
        """'5 Handys verbunden'."""
        one = self.phones == 1
        return Message(
            f"{self.phones} {'Handy' if one else 'Handys'} verbunden",
            f"{self.phones} {'phone' if one else 'phones'} joined",
        )


@dataclass(frozen=True)
class Card:
    """An idea as the room sees it: its title and author (people's text), and whether it was taken."""

    title: str
    author: str
    taken: bool


@dataclass(frozen=True)
class Rated:
    """A measure's revealed ratings."""

    title: str
    value: Spread
    effort: Spread

    @property
    def apart(self) -> bool:
        """The room should talk about it (rounds.DISAGREEMENT)."""
        return self.value.disagreement or self.effort.disagreement


@dataclass(frozen=True)
class RoundView:
    """The round as the room sees it."""

    kind: RoundKind
    open: bool
    count: Message
    note: Message | None = None
    ideas: tuple[Card, ...] = ()
    more: int = 0
    rated: tuple[Rated, ...] = ()
    totals: tuple[tuple[str, int], ...] = ()

    @property
    def heading(self) -> Message:
        """'Ideen sammeln · offen'."""
        name = rounds.ROUND_NAMES[self.kind]
        state = Message("offen", "open") if self.open else Message("geschlossen", "closed")
        return Message(f"{name('de')} · {state('de')}", f"{name('en')} · {state('en')}")


@dataclass(frozen=True)
class Screen:
    """Everything the room screen shows now."""

    scene: Scene
    page: str = ""
    join: Join | None = None
    round: RoundView | None = None


WAITING_FOR_ROUND = Message("Gleich geht es los: die erste Runde öffnet gleich.", "The first round opens shortly.")
HIDDEN = Message(
    "Die Bewertungen bleiben verdeckt bis zum Aufdecken.", "The ratings stay hidden until the moderator reveals them."
)
RESULT_LATER = Message("Das Ergebnis erscheint, wenn die Runde schließt.", "The result appears when the round closes.")


def short_address(link: str) -> str:
    """The link without its scheme, for people who type it ('192.168.1.20:8501/?p=…')."""
    parts = urlsplit(link)
    return link[len(parts.scheme) + 3 :] if parts.scheme and link.startswith(f"{parts.scheme}://") else link


def on_round(stage: Stage | None) -> bool:
    """True while the moderator is on the participation section, where the rounds are run."""
    return stage is not None and stage.page == "priorisierung" and stage.section == PHONES_SECTION


def screen(stage: Stage | None, room: Room | None, sent: Sent, titles: Mapping[str, str], link: str) -> Screen:
    """What the room screen shows for the moderator's stage, the workshop's room and what the phones sent.

    `titles`: measure id → title; `link`: the participant link of the room ('' without a room).
    """
    if stage is None:
        return Screen(Scene.WAITING)
    joining = room is not None and (room.round_open or room.round_kind is None)
    join = Join(link, room.code, short_address(link), sent.phones, joining) if room is not None else None
    if room is not None and (room.round_open or on_round(stage)):
        return Screen(Scene.ROUND, stage.page, join, _round(room, sent, titles))
    return Screen(PAGE_SCENES.get(stage.page, Scene.TITLE), stage.page, join)


def _round(room: Room, sent: Sent, titles: Mapping[str, str]) -> RoundView | None:
    if room.round_kind == RoundKind.IDEAS:
        return _ideas(room, sent.ideas)
    if room.round_kind == RoundKind.ESTIMATE:
        return _estimate(room, sent, titles)
    if room.round_kind == RoundKind.VOTE:
        return _vote(room, sent, titles)
    return None


def _people(count: int, de: str, en: str) -> Message:
    """'1 Person hat bewertet' / '3 Personen haben bewertet'."""
    if count == 1:
        return Message(f"1 Person hat {de}", f"1 person has {en}")
    return Message(f"{count} Personen haben {de}", f"{count} people have {en}")


def _ideas(room: Room, ideas: Sequence[Idea]) -> RoundView:
    shown = [idea for idea in ideas if idea.state != "discarded"]
    newest = tuple(Card(i.title, i.author, i.state != "open") for i in reversed(shown))
    one = len(shown) == 1
    count = Message(f"{len(shown)} {'Idee' if one else 'Ideen'}", f"{len(shown)} {'idea' if one else 'ideas'}")
    return RoundView(
        RoundKind.IDEAS, room.round_open, count, ideas=newest[:SHOWN_IDEAS], more=max(0, len(newest) - SHOWN_IDEAS)
    )


def _estimate(room: Room, sent: Sent, titles: Mapping[str, str]) -> RoundView:
    count = _people(sent.raters, "bewertet", "rated")
    if not room.revealed:  # hidden until the reveal, whatever was passed
        return RoundView(RoundKind.ESTIMATE, room.round_open, count, HIDDEN)
    spreads = rounds.spreads(sent.ratings)
    empty = (Spread(()), Spread(()))
    rated = tuple(Rated(titles.get(i, i), *spreads.get(i, empty)) for i in room.chosen)
    return RoundView(RoundKind.ESTIMATE, room.round_open, count, rated=rated)


def _vote(room: Room, sent: Sent, titles: Mapping[str, str]) -> RoundView:
    count = _people(sent.voters, "abgestimmt", "voted")
    if room.round_open:  # the dots stay hidden until the round closes
        return RoundView(RoundKind.VOTE, True, count, RESULT_LATER)
    ranked = sorted(sent.totals.items(), key=lambda item: (-item[1], item[0]))
    return RoundView(RoundKind.VOTE, False, count, totals=tuple((titles.get(i, i), n) for i, n in ranked if n > 0))


def sent(participation: Participation, presence: Presence, room: Room, now: float) -> Sent:
    """What the phones sent that the room may see now: nothing hidden is even read."""
    phones = presence.phones(room.id, now)
    if room.round_kind == RoundKind.IDEAS:
        return Sent(phones, ideas=tuple(participation.ideas(room)))
    if room.round_kind == RoundKind.ESTIMATE:
        ratings = tuple(participation.ratings(room)) if room.revealed else ()
        return Sent(phones, raters=participation.raters(room), ratings=ratings)
    if room.round_kind == RoundKind.VOTE:
        totals = {} if room.round_open else participation.totals(room)
        return Sent(phones, voters=participation.voters(room), totals=totals)
    return Sent(phones)
