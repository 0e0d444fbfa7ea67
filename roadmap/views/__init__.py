"""What the pages show, decided without Streamlit: tables, texts, choices, and the import's steps.

Lives here: one module per page part – `measure_table` and `measure_edits` (Maßnahmen table),
`catalogue_list`, `priorities` (Priorisierung), `roadmap_cards` (milestones and not-planned
measures), `import_flow`, `import_preview`, `import_rescue`, `export`, `column_specs` (columns as
plain data), `escape` (a person's words stay text in Markdown and HTML).

May import: every core package. Never streamlit: the pages in app_pages/ draw what these return.
"""
