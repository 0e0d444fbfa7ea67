"""A list's measures read together: a title that says little goes where the rows around it go, as far as the
list is ordered by topic (roadmap/importing/field_context.py, docs/import.md)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.field_context import FADING, NEIGHBOUR_WEIGHT, infer_fields, topic_order
from roadmap.importing.field_words import field_evidence, infer_field

PROCESS, DATA, SECURITY, CUSTOMERS, PEOPLE, STRATEGY = FIELDS

CRM_TASKS = ["CRM einführen", "Kundendaten ins CRM übernehmen", "Newsletter-Anmeldung", "Online-Shop anbinden"]
ACCOUNTS_TASKS = ["E-Rechnung einführen", "Eingangsrechnungen digital freigeben", "Mahnwesen automatisieren"]
TRAININGS = ["Excel-Schulung", "Onboarding neuer Mitarbeitender", "E-Learning für alle"]
SECURITY_TASKS = ["Firewall erneuern", "Backup-Konzept", "Zwei-Faktor-Anmeldung", "Passwort-Manager"]
VAGUE = "Benachrichtigungen implementieren"  # no word that tells a field


def _fields(titles: list[str]) -> list[str | None]:
    return [guess.field if guess else None for guess in infer_fields([(title, "") for title in titles])]


def test_a_title_that_says_nothing_goes_where_the_rows_around_it_go_in_a_list_grouped_by_topic() -> None:
    titles = [*ACCOUNTS_TASKS, *CRM_TASKS[:2], VAGUE, *CRM_TASKS[2:], *TRAININGS]
    assert infer_field(VAGUE) is None

    guesses = infer_fields([(title, "") for title in titles])

    vague = guesses[titles.index(VAGUE)]
    assert vague is not None and vague.field == CUSTOMERS and vague.neighbours and vague.word == ""


def test_a_torn_title_is_tipped_by_the_rows_around_it() -> None:
    torn = "Vertriebs-Dashboard"  # sales (customers) or dashboard (data)
    among_reports = ["BI-Reporting", "Absatzprognose", torn, "Stammdatenbereinigung", "Kennzahlen-Cockpit"]
    among_sales = ["CRM einführen", "Newsletter-Tool", torn, "Online-Shop relaunch", "Kundenportal"]
    filler = [*SECURITY_TASKS, *TRAININGS]

    in_reports = _fields([*filler, *among_reports])[len(filler) + 2]
    in_sales = _fields([*filler, *among_sales])[len(filler) + 2]

    assert (in_reports, in_sales) == (DATA, CUSTOMERS)


def test_a_clear_word_is_not_overruled_by_the_rows_around_it() -> None:
    titles = [*CRM_TASKS[:2], "Firewall erneuern", *CRM_TASKS[2:], *ACCOUNTS_TASKS, *TRAININGS]

    assert _fields(titles)[2] == SECURITY


def test_in_a_list_in_no_order_of_topic_the_rows_around_do_not_count() -> None:
    # Neighbours never share a field: the list is sorted by something else (priority, date).
    rounds = [CRM_TASKS, ACCOUNTS_TASKS, TRAININGS, SECURITY_TASKS]
    titles = [group[number] for number in range(3) for group in rounds]
    titles.insert(6, VAGUE)
    evidence = [field_evidence(title) for title in titles]

    assert topic_order(evidence) == 0.0
    assert _fields(titles) == [guess.field if (guess := infer_field(title)) else None for title in titles]


@given(st.integers(min_value=0, max_value=3))
def test_a_list_too_short_to_judge_its_order_reads_each_title_alone(extra: int) -> None:
    titles = [VAGUE, *CRM_TASKS[:extra]]

    assert topic_order([field_evidence(title) for title in titles]) == 0.0
    assert _fields(titles)[0] is None


def test_a_list_grouped_by_topic_is_judged_ordered_and_one_that_takes_the_topics_in_turn_is_not() -> None:
    grouped = [*CRM_TASKS, *ACCOUNTS_TASKS, *TRAININGS, *SECURITY_TASKS]
    alternating = [group[number] for number in range(3) for group in (CRM_TASKS, ACCOUNTS_TASKS, TRAININGS)]

    # 14 rows in four groups: 10 of the 13 neighbouring pairs agree, where chance would have about a quarter.
    assert topic_order([field_evidence(title) for title in grouped]) > 0.6
    assert topic_order([field_evidence(title) for title in alternating]) == 0.0


TITLES = [*CRM_TASKS, *ACCOUNTS_TASKS, *TRAININGS, *SECURITY_TASKS, VAGUE, "Projekt Alpha", "Vertriebs-Dashboard"]


@given(st.lists(st.sampled_from(TITLES), max_size=30))
def test_a_list_read_backwards_gets_the_same_fields(titles: list[str]) -> None:
    assert _fields(titles[::-1]) == _fields(titles)[::-1]


@given(st.lists(st.sampled_from(TITLES), max_size=30))
def test_a_title_whose_own_words_lead_by_more_than_the_rows_around_can_add_keeps_its_own_field(
    titles: list[str],
) -> None:
    most_around = 2 * NEIGHBOUR_WEIGHT * (1 + FADING)  # two rows on either side, all for one other field
    fields = _fields(titles)

    for title, field in zip(titles, fields, strict=True):
        scores = [*sorted(field_evidence(title).scores.values(), reverse=True), 0.0, 0.0]
        if scores[0] - scores[1] > most_around:
            assert field == infer_field(title).field  # type: ignore[union-attr]


@given(st.lists(st.sampled_from(TITLES), max_size=30))
def test_every_title_with_a_telling_word_or_telling_neighbours_gets_a_field_and_only_those(titles: list[str]) -> None:
    guesses = infer_fields([(title, "") for title in titles])

    for title, guess in zip(titles, guesses, strict=True):
        if infer_field(title) is not None:
            assert guess is not None and guess.field in FIELDS
        if guess is None:
            assert infer_field(title) is None
