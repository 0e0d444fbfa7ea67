"""Planning: rank the measures and place them month by month within the rules (docs/planning.md).

Lives here: `ranking` (score, criteria, votes, quadrants), `planner` (greedy: rank, then place),
`placement` (the earliest feasible month, shared by greedy and optimal), `optimal` (HiGHS),
`ledger` (budget and capacity left per year and month), `budget` (costs per month, quarter and
year against the budget and the 1–5 % corridor), `funding`, `phases` and milestones, `graph`
(dependencies and cycles), `reasons` (why not planned), `rules` (an independent check of every
hard rule), `plan` (what the planner returns), `scenario_compare` (plans of several scenarios side
by side).

May import: `roadmap.domain`. No I/O, no user interface, no clock (the planning month is an input).
"""
