"""The command line: `python -m roadmap plan INPUT --out OUT.xlsx` and `handout INPUT --out OUT.pdf`
(docs/command-line.md)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from roadmap.domain.formats import euro, number
from roadmap.domain.measure import Measure
from roadmap.domain.messages import (
    LANGS,
    Lang,
    Location,
    Message,
    Problem,
    RoadmapError,
    file_not_found,
    folder_not_file,
    lang_of,
    output_is_input,
)
from roadmap.domain.month import Month, default_horizon
from roadmap.domain.profile import PlanMode, Profile
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN
from roadmap.domain.workshop import Workshop

if TYPE_CHECKING:
    from roadmap.importing.field_words import FieldGuess
    from roadmap.planning.plan import Plan
    from roadmap.planning.scenario_compare import ScenarioResult

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a wrong call as one `Fehler:` line with exit 2, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        german = message
        for english, deutsch in _ARGPARSE_GERMAN:
            german = german.replace(english, deutsch)
        raise RoadmapError(Message(f"Aufruf fehlerhaft: {german}", f"Invalid call: {message}"))


# argparse speaks English only; these are the sentences a user of this command can meet.
_ARGPARSE_GERMAN = (
    ("the following arguments are required:", "es fehlen die Angaben"),
    ("unrecognized arguments:", "unbekannte Angaben:"),
    ("invalid choice:", "ungültiger Wert:"),
    ("choose from", "erlaubt sind"),
    ("expected one argument", "erwartet einen Wert"),
    ("argument ", "Angabe "),
)


class _GermanHelp(argparse.HelpFormatter):
    """argparse's help with German words: 'Aufruf:' for 'usage:'."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any],
                  prefix: str | None = None) -> None:  # fmt: skip
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


def _german(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The parser's own English headings and help line in German ('Optionen', 'diese Hilfe zeigen …')."""
    parser._positionals.title = "Argumente"
    parser._optionals.title = "Optionen"
    parser.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")
    return parser


def _parser(lang: Lang) -> argparse.ArgumentParser:
    de = lang != "en"
    german: dict[str, Any] = {"formatter_class": _GermanHelp, "add_help": False} if de else {}
    parser = _Parser(
        prog="python -m roadmap",
        description="Digital-Roadmap für KMU" if de else "Digital roadmap for SMEs",
        **german,
    )
    if de:
        _german(parser)
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, title="Befehle" if de else "commands"
    )
    for command, out, help_de, help_en in (
        ("plan", "OUT.xlsx", "Maßnahmen einlesen, priorisieren, planen, Roadmap-Arbeitsmappe schreiben",
         "read measures, rank, plan, write the roadmap workbook"),
        ("handout", "OUT.pdf", "Maßnahmen einlesen und planen, das Handout (eine Seite PDF) schreiben",
         "read and plan the measures, write the handout (a one-page PDF)"),
    ):  # fmt: skip
        sub = commands.add_parser(command, help=help_de if de else help_en, **german)
        _arguments(_german(sub) if de else sub, out, de)
    return parser


def _arguments(sub: argparse.ArgumentParser, out: str, de: bool) -> None:
    """The input, the output and the settings, alike for `plan` and `handout`."""
    sub.add_argument(
        "input",
        metavar="INPUT",
        help="xlsx, xlsm, xls, ods oder csv" if de else "xlsx, xlsm, xls, ods or csv",
    )
    sub.add_argument(
        "--out", required=True, metavar=out, help="die Datei, die geschrieben wird" if de else "the file to write"
    )
    sub.add_argument("--sheet", metavar="NAME", help="Tabellenblatt" if de else "sheet to read")
    sub.add_argument(
        "--company",
        metavar="NAME",
        help="Name des Unternehmens (Kopf des Handouts, Profil)" if de else "company name (handout head, profile)",
    )
    sub.add_argument("--revenue", metavar="EUR", help="Jahresumsatz in €" if de else "annual revenue in €")
    sub.add_argument("--budget-share", metavar="PCT", help="Budgetanteil in %% (1–5)" if de else "budget share in %%")
    sub.add_argument(
        "--baseline-it",
        metavar="EUR",
        help="bestehende IT-Kosten €/Jahr" if de else "existing IT cost €/year",
    )
    sub.add_argument("--funding-rate", metavar="PCT", help="Förderquote in %%" if de else "funding rate in %%")
    sub.add_argument(
        "--capacity",
        metavar="PERSON_DAYS_PER_MONTH",
        help="Personentage je Monat (0 = unbegrenzt)" if de else "person-days per month (0 = unlimited)",
    )
    sub.add_argument(
        "--start", metavar="YYYY-MM", help="erster Monat des Planungszeitraums" if de else "first month of the horizon"
    )
    sub.add_argument(
        "--end", metavar="YYYY-MM", help="letzter Monat des Planungszeitraums" if de else "last month of the horizon"
    )
    sub.add_argument(
        "--as-of",
        metavar="YYYY-MM",
        help="Planungsstand: nichts Neues beginnt davor (Standard: aktueller Monat)"
        if de
        else "planning month: nothing new starts before it (default: the current month)",
    )
    sub.add_argument(
        "--mode",
        choices=[mode.value for mode in PlanMode],
        help="schnell (greedy, Standard) oder optimal" if de else "fast (greedy, the default) or optimal",
    )
    sub.add_argument(
        "--scenario",
        action="append",
        metavar="NAME:KEY=VALUE,...",
        help="Szenario zum Vergleich, mehrfach möglich (share, revenue, funding, capacity, mode, end, in, out)"
        if de
        else "a scenario to compare, repeatable (share, revenue, funding, capacity, mode, end, in, out)",
    )
    sub.add_argument("--lang", choices=LANGS, help="Sprache der Ausgabe" if de else "output language")


def _amount(text: str | None, flag: str) -> float | None:
    """A number given on the command line, in German or English notation."""
    if text is None:
        return None
    from roadmap.importing.values import parse_number

    try:
        value = parse_number(text)
    except ValueError:
        value = None
    if value is None:
        raise RoadmapError(
            Message(
                f"{flag}: '{text}' ist keine Zahl.",
                f"{flag}: '{text}' is not a number.",
            )
        )
    return value


def _profile(base: Profile | None, args: argparse.Namespace, today: date) -> Profile:
    """The file's profile (if any) with every given flag laid over it.

    The planning month is `--as-of` or today's month (a workbook's own value only records when its
    plan was made); without a profile in the file the horizon looks ahead from it (`default_horizon`).
    """
    as_of = Month.parse(args.as_of) if args.as_of else Month.of(today)
    start, end = default_horizon(as_of)
    profile = base or Profile(horizon_start=start, horizon_end=end)
    changes: dict[str, object] = {"as_of": as_of}
    for flag, key in (
        ("--revenue", "revenue"),
        ("--budget-share", "budget_share"),
        ("--baseline-it", "baseline_it"),
        ("--funding-rate", "funding_rate"),
        ("--capacity", "capacity"),
    ):
        value = _amount(getattr(args, key), flag)
        if value is not None:
            changes[key] = value
    if args.start:
        changes["horizon_start"] = Month.parse(args.start)
    if args.end:
        changes["horizon_end"] = Month.parse(args.end)
    if args.mode:
        changes["mode"] = args.mode
    if args.company and args.company.strip():
        changes["name"] = args.company.strip()
    profile = profile.with_changes(**changes)
    if profile.revenue <= 0:
        raise RoadmapError(
            Message(
                "Jahresumsatz fehlt: bitte --revenue angeben (z. B. --revenue 7500000) "
                "oder im Blatt 'Profil' eintragen.",
                "Annual revenue is missing: give --revenue (e.g. --revenue 7500000) or fill in the 'Profile' sheet.",
            )
        )
    return profile


def run_plan(args: argparse.Namespace, lang: Lang, today: date) -> list[str]:
    """Import, rank, plan (from the planning month, `today`'s unless --as-of) and write the workbook (or the
    handout); return the summary lines."""
    from roadmap.importing.importer import import_file
    from roadmap.planning.planner import plan

    source = Path(args.input)
    out = Path(args.out)
    _check_paths(source, out, ".pdf" if args.command == "handout" else ".xlsx")
    as_of = Month.parse(args.as_of) if args.as_of else Month.of(today)
    imported = import_file(source, filename=source.name, sheet=args.sheet, as_of=as_of)  # an old plan: from as_of
    profile = _profile(imported.profile, args, today)
    roadmap = plan(imported.measures, profile)
    workshop = with_scenarios(Workshop(profile=profile, measures=tuple(imported.measures)), args.scenario or [])
    scenarios = compared(workshop)
    try:
        _write(args.command, roadmap, out, lang, scenarios, today)  # atomic: a temporary file renamed into place
    except OSError as error:
        reason = error.strerror or error
        de, en = ("einem PDF-Betrachter", "a PDF viewer") if args.command == "handout" else ("Excel", "Excel")
        raise RoadmapError(
            Message(
                f"{out} kann nicht geschrieben werden ({reason}) – ist die Datei in {de} geöffnet?",
                f"Cannot write {out} ({reason}) – is the file open in {en}?",
            )
        ) from error
    lines = summary(
        imported.measures, roadmap, imported.problems, imported.sheet, lang, imported.inferred_fields,
        imported.assumptions, _setting_notes(workshop),
    )  # fmt: skip
    return lines + scenario_lines(scenarios, lang)


def _setting_notes(workshop: Workshop) -> list[Message]:
    """Settings of the Basis or a scenario that act on no measure (a funding rate, a capacity), one line each."""
    from roadmap.planning.setting_notes import setting_notes

    scenarios = [s.settings for s in workshop.scenarios]
    rates = [workshop.profile.funding_rate, *(float(str(s.get("funding_rate", 0) or 0)) for s in scenarios)]
    capacities = [workshop.profile.capacity, *(float(str(s.get("capacity", 0) or 0)) for s in scenarios)]
    return setting_notes(workshop.measures, rates, capacities)


def _write(
    command: str, roadmap: Plan, out: Path, lang: Lang, scenarios: Sequence[ScenarioResult], today: date
) -> None:
    """Write the workbook (`plan`) or the handout dated `today` (`handout`), atomically."""
    from roadmap.workbook.writer import write_atomically, write_workbook

    if command == "handout":
        from roadmap.handout.pdf import handout_pdf

        data = handout_pdf(roadmap, lang, today, scenarios)
        write_atomically(out, lambda stream: stream.write(data))
    else:
        write_workbook(roadmap, out, lang=lang, scenarios=scenarios)


def with_scenarios(workshop: Workshop, specs: Sequence[str]) -> Workshop:
    """The workshop with every scenario given with --scenario.

    Raises:
        RoadmapError: if a scenario's line is wrong (naming the line and the part).
    """
    if not specs:
        return workshop  # the scenario modules are loaded only when scenarios are asked for
    from roadmap.workshop.scenario_spec import add_from_spec

    for spec in specs:
        workshop = add_from_spec(workshop, spec)
    return workshop


def compared(workshop: Workshop, specs: Sequence[str] = ()) -> list[ScenarioResult]:
    """The Basis and every scenario of the workshop (and given with --scenario), compared; none without any.

    Raises:
        RoadmapError: if a scenario's line is wrong (naming the line and the part).
    """
    workshop = with_scenarios(workshop, specs)
    if not workshop.scenarios:
        return []
    from roadmap.planning.scenario_compare import compare
    from roadmap.workshop.scenarios import names, scenario_plan

    return compare([(name, scenario_plan(workshop, name)) for name in names(workshop)])


def scenario_lines(results: Sequence[ScenarioResult], lang: Lang) -> list[str]:
    """One summary line per compared scenario: planned, value, cost per year, funding."""
    de = lang != "en"
    return [
        (f"Szenario {r.name}: {r.planned} geplant, Nutzen {number(r.score, lang)}, " if de
         else f"Scenario {r.name}: {r.planned} planned, value {number(r.score, lang)}, ")
        + (f"{euro(r.cost_per_year, lang)} je Jahr, Förderung {euro(r.funding, lang)}" if de
           else f"{euro(r.cost_per_year, lang)} per year, funding {euro(r.funding, lang)}")
        for r in results
    ]  # fmt: skip


def _check_paths(source: Path, out: Path, suffix: str = ".xlsx") -> None:
    """The input is a file; --out ends in `suffix`, lies in an existing folder and is not the input itself."""
    if source.is_dir():
        raise RoadmapError(folder_not_file(str(source)))
    if not source.is_file():
        raise RoadmapError(file_not_found(str(source.parent)), Location(file=source.name))
    if _same_file(source, out):
        raise RoadmapError(output_is_input(str(out)))
    if out.suffix.lower() != suffix:
        raise RoadmapError(
            Message(
                f"--out muss auf {suffix} enden, nicht '{out.name}'.",
                f"--out must end in {suffix}, not '{out.name}'.",
            )
        )
    if not out.parent.is_dir():
        raise RoadmapError(
            Message(
                f"Ordner {out.parent} für --out gibt es nicht.",
                f"Folder {out.parent} for --out does not exist.",
            )
        )


def _same_file(source: Path, out: Path) -> bool:
    """Whether writing `out` would replace `source`: through a symlink, a hard link or another spelling.

    An existing `out` is compared by the file system (os.path.samefile), a new one by its resolved path.
    Case is not folded: on a case-insensitive disk the existing file is found by samefile anyway.
    """
    with contextlib.suppress(OSError):
        if out.exists():
            return os.path.samefile(source, out)
    return os.path.realpath(source) == os.path.realpath(out)


def _inferred_line(count: int, inferred: Mapping[str, FieldGuess | None], de: bool) -> str:
    """How many fields of action were suggested from the measures' words (and how many had no hint)."""
    told = sum(1 for guess in inferred.values() if guess)
    rest = len(inferred) - told
    sure = sum(1 for guess in inferred.values() if guess and guess.sure)
    if de:
        extra = f" ({rest} ohne Hinweis: {FIELDS[0]})" if rest else ""
        return (
            f"Handlungsfeld aus den Wörtern vorgeschlagen: {told} von {count}{extra}, davon {sure} sicher – "
            f"{len(inferred) - sure} bitte prüfen"
        )
    extra = f" ({rest} without a hint: {FIELDS_EN[FIELDS[0]]})" if rest else ""
    return (
        f"Field of action suggested from the words: {told} of {count}{extra}, {sure} of them sure – "
        f"{len(inferred) - sure} to check"
    )


def summary(
    measures: Sequence[Measure],
    roadmap: Plan,
    problems: Sequence[Problem],
    sheet: str,
    lang: Lang,
    inferred: Mapping[str, FieldGuess | None] | None = None,
    assumed: Sequence[Message] = (),
    notes: Sequence[Message] = (),
) -> list[str]:
    """The short summary printed on success (`inferred`: the measures whose field was inferred from words;
    `assumed`: the defaults the import assumed and the settings that act on nothing, one line each)."""
    from roadmap.domain.formats import month
    from roadmap.planning.budget import yearly_costs
    from roadmap.planning.reason_summary import not_planned_summary
    from roadmap.planning.reasons import horizon_note

    de = lang != "en"
    profile = roadmap.profile
    lines = [
        (
            f"Planungsstand: {month(profile.as_of, lang)}, Planungszeitraum {profile.horizon_start} – "
            f"{profile.horizon_end}"
            if de
            else f"Plan as of: {month(profile.as_of, lang)}, horizon {profile.horizon_start} – {profile.horizon_end}"
        )
        if profile.as_of is not None
        else f"Planungszeitraum {profile.horizon_start} – {profile.horizon_end}"
        if de
        else f"Horizon {profile.horizon_start} – {profile.horizon_end}",
        (
            f"Gelesen: {len(measures)} Maßnahmen (Blatt '{sheet}')"
            if de
            else f"Read: {len(measures)} measures (sheet '{sheet}')"
        ),
        (f"Eingeplant: {len(roadmap.placements)}" if de else f"Planned: {len(roadmap.placements)}"),
        not_planned_summary(roadmap)(lang),
    ]
    lines[2:2] = [("Angenommen: " if de else "Assumed: ") + line(lang) for line in assumed] + [
        ("Hinweis: " if de else "Note: ") + line(lang) for line in notes
    ]
    if inferred:
        lines.insert(1, _inferred_line(len(measures), inferred, de))
    if roadmap.proven_optimal is not None:
        state = (
            ("optimal (bewiesen)" if de else "optimal (proven)")
            if roadmap.proven_optimal
            else ("Zeitlimit erreicht, bester gefundener Plan" if de else "time limit reached, best plan found")
        )
        lines.append(("Modus: " if de else "Mode: ") + f"{roadmap.mode} – {state}")
    note = horizon_note(profile)
    if note is not None:
        lines.append(("Hinweis: " if de else "Note: ") + note(lang))
    for year in yearly_costs(roadmap):
        verdict = (
            ("über Budget" if de else "over budget") if year.over_budget else ("im Budget" if de else "within budget")
        )
        lines.append(
            f"{year.year}: {euro(year.total, lang)} {'von' if de else 'of'} {euro(year.budget, lang)} "
            f"({number(year.share, lang)} % {'des Umsatzes' if de else 'of revenue'}) – {verdict}"
        )
    if problems:
        lines.append(
            f"Hinweise beim Einlesen: {len(problems)} (erste folgen)"
            if de
            else f"Import notes: {len(problems)} (first follow)"
        )
        lines.extend("  " + p.text(lang) for p in problems[:5])
    return lines


def language(args: Sequence[str], setting: str | None) -> Lang:
    """The language of the output: `--lang` if given (also as `--lang=en`), else the ROADMAP_LANG setting.

    Both are read by `lang_of`, as in the app: EN, en_GB or English give English, anything else German.
    """
    for position, arg in enumerate(args):
        if arg == "--lang" and position + 1 < len(args):
            return lang_of(args[position + 1])
        if arg.startswith("--lang="):
            return lang_of(arg.removeprefix("--lang="))
    return lang_of(setting)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 2 bad input, 1 internal error)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = language(args_list, os.environ.get("ROADMAP_LANG"))
    prefix = "Error: " if lang == "en" else "Fehler: "
    try:
        args = _parser(lang).parse_args(args_list)
        for line in run_plan(args, lang, date.today()):
            print(line)
        return EXIT_OK
    except RoadmapError as error:
        print(prefix + error.text(lang).replace("\n", " "), file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(prefix + ("Nicht genug Arbeitsspeicher." if lang == "de" else "Out of memory."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never show a traceback to a user
        text = f"{type(error).__name__}: {error}".replace("\n", " ")
        print(prefix + ("interner Fehler – " if lang == "de" else "internal error – ") + text, file=sys.stderr)
        return EXIT_INTERNAL
