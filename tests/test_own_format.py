"""The Maßnahmen and Profil sheets: every field written so that reading it back restores the workshop."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import Problem
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Profile, Side, VoteMode
from roadmap.domain.vocabulary import FIELDS, STATUSES
from roadmap.importing.files import read_sheets
from roadmap.importing.own_reader import read_own_workbook
from roadmap.importing.raw_sheets import ImportFailed, RawSheet
from roadmap.planning.planner import plan
from roadmap.workbook.names import CRITERION_PREFIX, MEASURE_COLUMNS, PROFILE_HEADER, PROFILE_KEYS
from roadmap.workbook.own_format import (
    criteria_names,
    criteria_text,
    measure_rows,
    parse_criteria,
    profile_cell,
    profile_rows,
)
from roadmap.workbook.writer import workbook_bytes

FULL = Measure(
    id="M1",
    title="CRM einführen",
    field="Kunden & Omnichannel",
    description="Alle Kontakte an einem Ort",
    value=4.5,
    effort=2,
    one_time_cost=12_500.5,
    running_cost=1_200,
    funding_eligible=True,
    person_days=7.5,
    duration=3,
    depends_on=("M0", "M9"),
    earliest_start=Month(2026, 3),
    deadline=Month(2026, 11),
    pinned=Month(2026, 4),
    must_have=True,
    excluded=False,
    owner="Anna",
    status="Geplant",
    kpi=Kpi("Antwortzeit", "3 Tage", "1 Tag", "2 Tage", date(2026, 11, 30)),
    notes="mit Vertrieb abstimmen",
    votes=4,
    criteria={"Kundennutzen": 5.0, "Kosten": 2.0},
    actual_start=Month(2026, 4),
    actual_end=Month(2026, 7),
    percent_done=80,
    actual_cost=13_100.25,
)
PROFILE = Profile(
    name="Müller GmbH",
    industry="Maschinenbau",
    employees=85,
    revenue=7_500_000,
    baseline_it=60_000,
    budget_share=2.5,
    funding_rate=50,
    capacity=20,
    horizon_start=Month(2026, 1),
    horizon_end=Month(2027, 6),
    phase_names=("Grundlagen", "", "Ausbau"),
    midpoint=2.5,
    vote_mode=VoteMode.RAISES_VALUE,
    vote_weight=0.25,
    dots_per_person=5,
    criteria=(Criterion("Kundennutzen", Side.VALUE, 2), Criterion("Kosten", Side.EFFORT, 1 / 3)),
    mode="optimal",
    revenue_by_year={2026: 7_500_000, 2027: 8_125_000.5},
)


def _sheets(lang: str, measure_rows_: list[list[object]], profile: list[list[object]]) -> list[RawSheet]:
    header = [name(lang) for name in PROFILE_HEADER]
    return [
        RawSheet("Profil" if lang == "de" else "Profile", [header, *profile]),  # type: ignore[list-item]
        RawSheet("Maßnahmen" if lang == "de" else "Measures", measure_rows_),  # type: ignore[arg-type]
    ]


def _row(header: list[str], **cells: object) -> list[object]:
    """A Maßnahmen row with the given cells (keys of MEASURE_COLUMNS), everything else empty."""
    row: list[object] = [None] * len(header)
    for key, value in cells.items():
        row[list(MEASURE_COLUMNS).index(key)] = value
    return row


def test_the_header_is_every_field_then_one_column_per_criterion() -> None:
    header, rows = measure_rows([FULL], ["Kundennutzen", "Kosten"], "de")

    assert header[: len(MEASURE_COLUMNS)] == [name("de") for name in MEASURE_COLUMNS.values()]
    assert header[len(MEASURE_COLUMNS) :] == ["Kriterium: Kundennutzen", "Kriterium: Kosten"]
    assert rows[0][len(MEASURE_COLUMNS) :] == [5.0, 2.0]


def test_months_are_first_days_flags_are_words_and_lists_are_joined() -> None:
    _, (row,) = measure_rows([FULL], [], "de")
    cell = dict(zip(MEASURE_COLUMNS, row, strict=False))

    assert cell["earliest_start"] == date(2026, 3, 1)
    assert cell["deadline"] == date(2026, 11, 1)
    assert cell["pinned"] == date(2026, 4, 1)
    assert (cell["funding_eligible"], cell["must_have"], cell["excluded"]) == ("ja", "ja", "nein")
    assert cell["depends_on"] == "M0, M9"
    assert cell["field"] == "Kunden & Omnichannel"


def test_english_rows_use_english_words() -> None:
    header, (row,) = measure_rows([FULL], [], "en")
    cell = dict(zip(MEASURE_COLUMNS, row, strict=False))

    assert header[0:3] == ["ID", "Measure", "Description"]
    assert (cell["field"], cell["status"], cell["funding_eligible"]) == (
        "Customers & omnichannel",
        "Planned",
        "yes",
    )


def test_criteria_names_are_the_profiles_then_any_other_scored_one() -> None:
    other = FULL.with_changes(id="M2", criteria={"Risiko": 3.0, "Kosten": 1.0})

    assert criteria_names(PROFILE, [FULL, other]) == ["Kundennutzen", "Kosten", "Risiko"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_criteria_cell_reads_back_exactly(lang: str) -> None:
    criteria = (
        Criterion("Kundennutzen", Side.VALUE, 2),
        Criterion("Kosten (extern)", Side.EFFORT, 1 / 3),
        Criterion("Risiko; Recht", Side.VALUE, 1e-7),
    )

    text = criteria_text(criteria, lang)

    assert parse_criteria(text) == criteria
    if lang == "de":
        assert text.startswith("Kundennutzen (Nutzen, 2); Kosten (extern) (Aufwand, 0,333")


def test_a_criteria_cell_that_does_not_fit_the_form_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_criteria("Kundennutzen: 2")


def test_profile_rows_follow_the_schema_and_the_revenue_cell_is_b5() -> None:
    rows = profile_rows(PROFILE, "de")

    assert [row[0] for row in rows] == [name("de") for name in PROFILE_KEYS.values()]
    assert rows[3] == ["Jahresumsatz (€)", 7_500_000]
    assert profile_cell("revenue") == "$B$5"
    assert profile_cell("revenue", "Profil") == "'Profil'!$B$5"
    assert dict(rows)["Planungsende"] == date(2027, 6, 1)
    assert dict(rows)["Phasennamen"] == "Grundlagen |  | Ausbau"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_what_was_written_reads_back_the_same_in_both_languages(lang: str) -> None:
    header, rows = measure_rows([FULL], criteria_names(PROFILE, [FULL]), lang)
    sheets = _sheets(lang, [header, *rows], profile_rows(PROFILE, lang))  # type: ignore[list-item]

    profile, measures, problems = read_own_workbook(sheets, "roadmap.xlsx")

    assert [p.where.column for p in problems] == ["L"]  # M0 and M9 are no measures of this file
    assert profile == PROFILE
    assert measures == (FULL,)


def test_months_are_read_from_dates_serials_and_text() -> None:
    header, _ = measure_rows([], [], "de")
    rows = [
        header,
        _row(header, id="A", title="Datum", earliest_start=datetime(2026, 3, 15, 0, 0)),
        _row(header, id="B", title="Serienzahl", earliest_start=46082),
        _row(header, id="C", title="Text", earliest_start="2026-03", deadline="2026-09"),
    ]

    _, measures, problems = read_own_workbook(_sheets("de", rows, []), "x.xlsx")  # type: ignore[arg-type]

    assert problems == ()
    assert [m.earliest_start for m in measures] == [Month(2026, 3)] * 3
    assert measures[2].deadline == Month(2026, 9)


def test_unreadable_cells_are_reported_with_sheet_row_and_column_and_the_default_applies() -> None:
    header, _ = measure_rows([], [], "de")
    rows = [
        header,
        _row(header, id="A", title="Gut", value=4),
        _row(header, id="B", title="Schlecht", value="sehr hoch", duration="bald", votes=-1, pinned="morgen"),
    ]

    _, measures, problems = read_own_workbook(_sheets("de", rows, []), "liste.xlsx")  # type: ignore[arg-type]

    assert [m.id for m in measures] == ["A", "B"]
    assert (measures[1].value, measures[1].duration, measures[1].votes, measures[1].pinned) == (
        3.0,
        1,
        0,
        None,
    )
    places = {(p.where.sheet, p.where.row, p.where.column) for p in problems}
    columns = list(MEASURE_COLUMNS)
    expected = {("Maßnahmen", 3, chr(65 + columns.index(key))) for key in ("value", "duration", "pinned", "votes")}
    assert places == expected
    assert all(p.where.file == "liste.xlsx" and "Schlecht" not in p.text("de") for p in problems)
    assert any("'sehr hoch'" in p.text("en") and "default" in p.text("en") for p in problems)


def test_a_bad_setting_is_reported_and_the_rest_of_the_profile_is_kept() -> None:
    rows = profile_rows(PROFILE, "de")
    rows[3] = ["Jahresumsatz (€)", "viel"]
    rows[5] = ["Budgetanteil (%)", 250]
    rows.append(["Lieblingsfarbe", "blau"])

    profile, _, problems = read_own_workbook(_sheets("de", [["ID", "Maßnahme"]], rows), "p.xlsx")

    assert profile.revenue == 0 and profile.budget_share == 3.0
    assert profile.name == "Müller GmbH" and profile.criteria == PROFILE.criteria
    assert sorted((p.where.row, p.where.column) for p in problems) == [(5, "B"), (7, "B"), (len(rows) + 1, "A")]


def test_ids_twice_get_a_suffix_and_unknown_dependencies_are_kept_and_reported() -> None:
    header, _ = measure_rows([], [], "de")
    rows = [
        header,
        _row(header, id="A", title="Eins"),
        _row(header, id="A", title="Zwei", depends_on="A, GEIST"),
        _row(header, title="Ohne ID"),
        [None] * 3,
    ]

    _, measures, problems = read_own_workbook(_sheets("de", rows, []), "x.xlsx")  # type: ignore[arg-type]

    assert [m.id for m in measures] == ["A", "A-2", "M001"]
    assert measures[1].depends_on == ("A", "GEIST")
    assert any("GEIST" in p.text("de") and p.where.row == 3 for p in problems)
    assert any("A-2" in p.text("de") for p in problems)


def test_without_a_profile_sheet_the_defaults_apply_with_a_warning() -> None:
    header, rows = measure_rows([FULL.with_changes(depends_on=())], [], "de")
    sheets = [RawSheet("Maßnahmen", [header, *rows])]  # type: ignore[list-item]

    profile, measures, problems = read_own_workbook(sheets, "x.xlsx")

    assert profile == Profile() and len(measures) == 1
    assert len(problems) == 1 and "Profil" in problems[0].text("de")


def test_a_workbook_without_a_measures_sheet_is_refused() -> None:
    with pytest.raises(ImportFailed):
        read_own_workbook([RawSheet("Profil", [["Einstellung", "Wert"]])], "x.xlsx")


def test_a_column_nobody_knows_is_kept_in_the_notes() -> None:
    header, rows = measure_rows([FULL.with_changes(notes="")], [], "de")
    rows[0].append("Halle 3")

    _, (measure,), problems = read_own_workbook(
        _sheets("de", [[*header, "Standort"], *rows], []),  # type: ignore[list-item]
        "x.xlsx",
    )

    assert measure.notes == "Standort: Halle 3"
    assert any("Standort" in p.text("de") for p in problems)


# ---- the whole way: written by the workbook writer, read back by the importer's reader ----------

SAFE = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.text(SAFE, max_size=40) | st.sampled_from(["=1+1", "+49 170", "-5", "@SUM(A1)", "\tx", "\rx", "ä\nö"])
NAME = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -äöüß"), min_size=1, max_size=15)
IDS = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters="-_.=+@#"), min_size=1, max_size=8)
MONTHS = st.builds(Month, st.integers(1901, 2199), st.integers(1, 12))
OPTIONAL_MONTH = st.none() | MONTHS
SCORE = st.integers(2, 10).map(lambda x: x / 2)
DAYS = st.dates(date(1901, 1, 1), date(2199, 12, 31))


def _clean(text: str) -> str:
    return text if text.strip() else "x" + text


@st.composite
def workshops(draw: st.DrawFn) -> tuple[Profile, list[Measure]]:
    """A profile with criteria and phases and measures using every optional field."""
    criteria = tuple(
        Criterion(name.strip() or "K", draw(st.sampled_from([Side.VALUE, Side.EFFORT])), draw(st.floats(0, 10)))
        for name in draw(st.lists(NAME.filter(lambda n: n.strip() == n), max_size=3, unique=True))
    )
    start = draw(st.builds(Month, st.integers(2020, 2030), st.integers(1, 12)))
    profile = Profile(
        name=draw(TEXT),
        industry=draw(TEXT),
        employees=draw(st.integers(0, 5000)),
        revenue=draw(st.integers(0, 10**9)),
        baseline_it=draw(st.integers(0, 10**6)) / 100,
        budget_share=draw(st.integers(0, 1000)) / 10,
        funding_rate=draw(st.integers(0, 100)),
        capacity=draw(st.integers(0, 100)),
        horizon_start=start,
        horizon_end=start + draw(st.integers(0, 40)),
        phase_names=tuple(draw(st.lists(NAME.map(str.strip).filter(bool), max_size=4))),
        midpoint=draw(SCORE),
        vote_mode=draw(st.sampled_from([VoteMode.RAISES_VALUE, VoteMode.BREAKS_TIES])),
        vote_weight=draw(st.integers(0, 20)) / 4,
        dots_per_person=draw(st.integers(0, 10)),
        criteria=criteria,
        revenue_by_year={start.year + k: draw(st.integers(0, 10**9)) / 100 for k in range(draw(st.integers(0, 3)))},
        as_of=draw(OPTIONAL_MONTH),
    )
    ids = draw(st.lists(IDS, max_size=6, unique=True))
    measures = [
        Measure(
            id=ident,
            title=_clean(draw(TEXT)),
            field=draw(st.sampled_from(FIELDS)),
            description=draw(TEXT),
            value=draw(SCORE),
            effort=draw(SCORE),
            one_time_cost=draw(st.integers(0, 10**9)) / 100,
            running_cost=draw(st.integers(0, 10**7)) / 100,
            funding_eligible=draw(st.booleans()),
            person_days=draw(st.integers(0, 400)) / 4,
            duration=draw(st.integers(1, 24)),
            depends_on=tuple(draw(st.lists(st.sampled_from([*ids, "GHOST"]), max_size=3))),
            earliest_start=draw(OPTIONAL_MONTH),
            deadline=draw(OPTIONAL_MONTH),
            pinned=draw(OPTIONAL_MONTH),
            must_have=draw(st.booleans()),
            excluded=draw(st.booleans()),
            owner=draw(TEXT),
            status=draw(st.sampled_from(STATUSES)),
            kpi=Kpi(draw(TEXT), draw(TEXT), draw(TEXT), draw(TEXT), draw(st.none() | DAYS)),
            notes=draw(TEXT),
            votes=draw(st.integers(0, 30)),
            criteria={c.name: draw(SCORE) for c in criteria if draw(st.booleans())},
            **_progress(draw),
        )
        for ident in ids
    ]
    return profile, measures


def _progress(draw: st.DrawFn) -> dict[str, object]:
    """The follow-up fields of a measure: actual months (the end not before the start), progress, cost."""
    start = draw(OPTIONAL_MONTH)
    length = draw(st.none() | st.integers(0, 30))
    end = None
    if start is not None and length is not None and start.ordinal + length <= Month(2200, 12).ordinal:
        end = start + length
    return {
        "actual_start": start,
        "actual_end": end,
        "percent_done": draw(st.integers(0, 100)),
        "actual_cost": draw(st.none() | st.integers(0, 10**9).map(lambda x: x / 100)),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops(), st.sampled_from(["de", "en"]))
def test_export_then_import_restores_every_field(workshop: tuple[Profile, list[Measure]], lang: str) -> None:
    profile, measures = workshop
    roadmap = plan(measures, profile)

    raw = read_sheets(workbook_bytes(roadmap, lang), "roadmap.xlsx")
    read_profile, read_measures, problems = read_own_workbook(raw, "roadmap.xlsx")

    assert read_measures == tuple(measures)
    assert read_profile == profile.with_changes(as_of=None)  # the planning month is a record, not a setting
    assert all(isinstance(p, Problem) and "GHOST" in p.text("de") for p in problems)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops(), st.sampled_from(["de", "en"]), MONTHS)
def test_export_import_export_gives_the_same_sheets(
    workshop: tuple[Profile, list[Measure]], lang: str, as_of: Month
) -> None:
    profile, measures = workshop
    first = read_sheets(workbook_bytes(plan(measures, profile.with_changes(as_of=as_of)), lang), "a.xlsx")
    read_profile, read_measures, _ = read_own_workbook(first, "a.xlsx")

    again = plan(read_measures, read_profile.planned_as_of(as_of))
    second = read_sheets(workbook_bytes(again, lang), "b.xlsx")

    assert [(sheet.name, sheet.rows) for sheet in second] == [(sheet.name, sheet.rows) for sheet in first]


def test_the_criterion_prefix_comes_from_the_schema() -> None:
    header, _ = measure_rows([], ["Risiko"], "en")

    assert header[-1] == CRITERION_PREFIX("en") + "Risiko"
