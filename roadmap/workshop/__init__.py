"""Commands on a workshop, each a plain function from a Workshop to a new Workshop (or a result).

Lives here: `voting` (dots, must-have and exclude flags, pins, criteria), `merge` (an imported list
or catalogue items into a workshop), `catalogue` (the built-in catalogue of typical measures),
`maturity` (the Bestandsaufnahme questions and the weakest fields), `compare` (two states of a
workshop), `scenarios` (named variants of the settings: apply, add, change, activate),
`scenario_spec` (a scenario written on one line, for the command line), `serialize` (a workshop as
JSON and back).

May import: `roadmap.domain`, `roadmap.planning`, `roadmap.importing` (an import's result to merge),
`roadmap.workbook` (sheet names). No I/O beyond reading the shipped catalogue; no user interface.
"""
