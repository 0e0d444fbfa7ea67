"""Make the handout: one A4 landscape PDF page (a second only where needed) that tells the plan, its cost
and its value, in the session's language (docs/handout.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from roadmap.domain import formats
from roadmap.domain.messages import Lang
from roadmap.domain.scenario import BASIS
from roadmap.handout import content
from roadmap.handout.document import BOTTOM, LEFT_W, MARGIN, Handout
from roadmap.handout.plan_table import plan_block, plan_rest_block
from roadmap.handout.sections import budget_block, head, left_out_block, scenarios_block
from roadmap.planning.plan import Plan
from roadmap.planning.scenario_compare import ScenarioResult


def handout_pdf(
    plan: Plan,
    lang: Lang,
    today: date,
    scenarios: Sequence[ScenarioResult] = (),
    scenario: str = "",
) -> bytes:
    """The handout of a plan as PDF bytes: in `lang`, dated `today`, with the scenarios compared if given.

    `scenario` names the scenario the plan belongs to (empty: the workshop's own settings).
    """
    made = today
    de = lang == "de"
    footer = ("Digital-Roadmap für KMU – erstellt am " if de else "Digital roadmap for SMEs – made on ") + (
        formats.day(made, lang)
    )
    pdf = Handout(lang, footer)
    pdf.set_title(("Digital-Roadmap – " if de else "Digital roadmap – ") + (plan.profile.name or ""))
    pdf.set_lang("de-DE" if de else "en-GB")
    pdf.set_creator("Digital-Roadmap für KMU")
    pdf.set_creation_date(datetime.combine(made, time(12), tzinfo=UTC))
    pdf.alias_nb_pages()
    pdf.add_page()
    y = head(pdf, content.facts(plan, lang, made, scenario or BASIS))
    rest = plan_block(pdf, plan, MARGIN, y, LEFT_W, BOTTOM - 4)
    flow = budget_block(pdf, plan, y)
    if len(scenarios) > 1:
        scenarios_block(pdf, scenarios, flow)
    if plan.not_planned:
        left_out_block(pdf, plan, flow)
    if rest:  # the plan's table goes on: below the right column's rest on the second page, or on a new one
        plan_rest_block(pdf, plan, rest, flow.y + 4 if pdf.page > 1 else BOTTOM, BOTTOM - 4)
    return bytes(pdf.output())
