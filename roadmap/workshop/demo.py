"""The demo workshop loaded on first start: a fictional precision-engineering firm of 45 people.

It lives in the present: built relative to the day it is loaded (the strategy workshop finished four
months ago, Microsoft 365 under way since two months, the next company holidays in August), so a
first look on any date shows a believable plan that looks ahead. Its roadmap workshop was held on the
15th of last month: the plan made then is kept as the baseline, so the follow-up (Umsetzung) and the
Gantt's baseline bars show from the first look what has moved since.
"""

from __future__ import annotations

from datetime import date, timedelta

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.month import Month, default_horizon
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELDS
from roadmap.domain.workshop import Workshop
from roadmap.workshop.maturity import QUESTIONS

DEMO_NAME = "Schneider Feinmechanik GmbH"  # the fictional firm of the demo
BASELINE_NAME = "Workshop-Ergebnis"  # the snapshot kept at the demo's workshop, its baseline
_PROFILE = Profile(
    name=DEMO_NAME,
    industry="Maschinenbau / Zerspanung",
    employees=45,
    revenue=6_800_000,
    baseline_it=95_000,
    budget_share=3.0,
    funding_rate=40.0,
    capacity=45,
    phase_names=(
        "Phase 1 – Quick Wins & Grundlagen",
        "Phase 2 – Prozesse & Daten",
        "Phase 3 – Kunden & Vertrieb",
        "Phase 4 – Verankern",
    ),
    dots_per_person=3,
)

GF, IT, VT, FE, BH, PE = (
    "Geschäftsführung (Hr. Schneider)",
    "IT (Fr. Öztürk)",
    "Vertrieb (Hr. Lange)",
    "Fertigung (Hr. Braun)",
    "Buchhaltung (Fr. Wagner)",
    "Personal (Fr. Klein)",
)
P, D, C, K, M, S = FIELDS


def m(
    ident: str,
    title: str,
    field: str,
    value: int,
    effort: int,
    cost: float,
    running: float,
    days: float,
    months: int,
    *deps: str,
    **more: object,
) -> Measure:
    """A demo measure; funding eligibility defaults to yes for one-time costs of 2,000 € or more."""
    more.setdefault("funding_eligible", cost >= 2000)
    return Measure(
        ident,
        title,
        field,
        value=value,
        effort=effort,
        one_time_cost=cost,
        running_cost=running,
        person_days=days,
        duration=months,
        depends_on=deps,
        **more,  # type: ignore[arg-type]
    )


def _under_way(now: Month) -> tuple[Measure, ...]:
    """The strategy, finished four months before `now`, and Microsoft 365, under way for two months."""
    return (
        m(
            "M01",
            "Digitalstrategie und Roadmap",
            S,
            5,
            2,
            5000,
            0,
            8,
            1,
            status="Abgeschlossen",
            actual_start=now + -4,
            actual_end=now + -4,
            percent_done=100,
            actual_cost=5400,
            owner=GF,
            description="Ziele, Handlungsfelder und Budgetrahmen für die nächsten zwei Jahre festgelegt.",
        ),
        m(
            "M02",
            "Microsoft 365 für alle Arbeitsplätze",
            C,
            5,
            3,
            12000,
            9600,
            20,
            4,
            status="In Umsetzung",
            actual_start=now + -2,
            percent_done=40,
            actual_cost=7000,
            owner=IT,
            votes=2,
            description="Teams, Exchange Online und SharePoint; Migration der Postfächer läuft.",
            kpi=Kpi("Arbeitsplätze migriert", "0", "45", "18", (now + -1).last_day),
        ),
    )


def _security() -> tuple[Measure, ...]:
    """Securing the basics: backup, two-factor sign-in, the security concept, awareness and rights."""
    return (
        m(
            "M03",
            "Zwei-Faktor-Authentifizierung",
            C,
            5,
            1,
            1200,
            0,
            4,
            1,
            "M02",
            must_have=True,
            owner=IT,
            kpi=Kpi("Konten mit 2FA", "10 %", "100 %"),
        ),
        m(
            "M04",
            "Datensicherung nach 3-2-1-Regel",
            C,
            5,
            2,
            4500,
            1800,
            5,
            1,
            must_have=True,
            owner=IT,
            description="Zweite Sicherung außer Haus, monatlicher Wiederherstellungstest.",
        ),
        m("M05", "IT-Sicherheitskonzept mit Risikoanalyse", C, 5, 3, 8000, 0, 12, 2, owner=IT),
        m("M06", "Security-Awareness-Schulung", M, 4, 1, 2400, 1200, 6, 1, "M05", owner=PE, votes=1),
        m("M07", "Berechtigungskonzept", C, 4, 2, 3000, 0, 8, 1, owner=IT),
    )


def _processes(now: Month) -> tuple[Measure, ...]:
    """Processes: the order process, e-invoices (due within nine months of `now`), ERP and documents."""
    return (
        m(
            "M08",
            "Prozessinventur Auftragsabwicklung",
            P,
            5,
            2,
            6000,
            0,
            15,
            2,
            owner=GF,
            votes=2,
            description="Vom Angebot bis zur Rechnung: Medienbrüche und Doppelerfassungen finden.",
        ),
        m(
            "M09",
            "E-Rechnung einführen",
            P,
            4,
            2,
            3500,
            600,
            8,
            2,
            deadline=now + 9,
            owner=BH,
            description="Pflicht zum Versand elektronischer Rechnungen: vor Ablauf der Übergangsfrist umstellen.",
        ),
        m(
            "M10",
            "ERP für den Mittelstand",
            P,
            5,
            5,
            45000,
            15000,
            60,
            6,
            "M08",
            "M07",
            owner=GF,
            votes=3,
            kpi=Kpi("Durchlaufzeit Auftrag (Tage)", "12", "7"),
        ),
        m("M11", "Digitales Dokumentenmanagement", P, 4, 3, 12000, 3600, 20, 3, "M08", owner=BH),
    )


def _data() -> tuple[Measure, ...]:
    """Data and decisions: machine data, the key-figure dashboard and the AI pilot built on them."""
    return (
        m(
            "M12",
            "Maschinendaten erfassen (Datenbasis)",
            D,
            4,
            3,
            14000,
            1200,
            15,
            2,
            owner=FE,
            description="Laufzeiten und Stillstände der CNC-Maschinen automatisch erfassen.",
        ),
        m(
            "M13",
            "Kennzahlen-Dashboard Fertigung",
            D,
            4,
            3,
            7500,
            2400,
            12,
            2,
            "M12",
            owner=FE,
            votes=2,
            kpi=Kpi("Gesamtanlageneffektivität (OEE)", "61 %", "70 %"),
        ),
        m(
            "M14",
            "KI-Pilot Angebotskalkulation",
            P,
            4,
            4,
            25000,
            3600,
            25,
            4,
            "M08",
            "M12",
            owner=VT,
            votes=3,
            description="Kalkulation von Drehteilen aus Zeichnungen mit KI-Unterstützung.",
        ),
    )


def _customers_and_people() -> tuple[Measure, ...]:
    """Customers and people: CRM, portal, champions, training and change communication."""
    return (
        m("M15", "CRM-System Vertrieb", K, 5, 3, 9000, 7200, 20, 3, "M02", owner=VT, votes=3),
        m(
            "M16",
            "Website mit Kundenportal",
            K,
            3,
            4,
            18000,
            2400,
            15,
            4,
            "M15",
            excluded=True,
            owner=VT,
            notes="Erst nach dem CRM.",
        ),
        m("M17", "Digitale Champions benennen", M, 4, 1, 0, 0, 6, 1, owner=PE, funding_eligible=False),
        m("M18", "Schulungsprogramm digitale Kompetenzen", M, 4, 2, 6000, 3000, 20, 3, "M17", owner=PE, votes=2),
        m("M19", "Change-Kommunikation", S, 4, 1, 1500, 0, 6, 1, owner=GF),
    )


def _infrastructure(now: Month) -> tuple[Measure, ...]:
    """Insurance and the server migration, pinned to the next company holidays in August."""
    august = Month(now.year if now.month < 8 else now.year + 1, 8)  # the next company holidays
    return (
        m("M20", "Cyber-Versicherung", C, 3, 1, 0, 3000, 2, 1, "M05", "M04", owner=GF, funding_eligible=False),
        m(
            "M21",
            "Server in die Cloud migrieren",
            C,
            4,
            4,
            8000,
            4800,
            25,
            2,
            "M04",
            "M07",
            owner=IT,
            pinned=august,
            notes="In den Betriebsferien im August.",
        ),
    )


def _measures(now: Month) -> tuple[Measure, ...]:
    """The 21 measures, dated around the planning month `now`."""
    return (*_under_way(now), *_security(), *_processes(now), *_data(), *_customers_and_people(), *_infrastructure(now))


# The team's answers of the maturity check: strong on IT basics, weak on data and customers.
ANSWERS = dict(zip((q.id for q in QUESTIONS), (2, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 1, 2, 3, 3, 2), strict=True))


def demo_workshop(today: date) -> Workshop:
    """The demo workshop as it stands on `today`: horizon from this month to December of the next year."""
    now = Month.of(today)
    first, last = default_horizon(now)
    profile = _PROFILE.with_changes(horizon_start=first, horizon_end=last)
    return Workshop(profile=profile, measures=_measures(now), maturity=ANSWERS, participants=6)


def workshop_day(today: date) -> date:
    """The day the demo's roadmap workshop was held: the 15th of the month before `today`."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=15)


def demo_at_workshop(today: date) -> Workshop:
    """The demo as it stood at its workshop (`workshop_day`): the same measures, the horizon from that month.

    Kept as a snapshot taken that day, it is the demo's baseline: its plan, made as of that month,
    against today's shows what has moved since.
    """
    current = demo_workshop(today)
    return current.with_changes(profile=current.profile.with_changes(horizon_start=Month.of(workshop_day(today))))
