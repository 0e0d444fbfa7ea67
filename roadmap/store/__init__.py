"""The persistent store of workshops: SQLite by default, PostgreSQL via DATABASE_URL.

Lives here: `workshops` (Store: create, load, save with a version check, rename, delete, undo),
`engine` (opening the database safely), `schema` (tables, versions, upgrades), `records` (what the
store hands out and its errors), `history` (changes and undo/redo), `snapshots` (named states).

May import: `roadmap.domain`, `roadmap.workshop` (serialize). No user interface.
"""
