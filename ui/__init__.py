"""The app's Streamlit side: the session's workshop and everything a page needs around it.

Lives here: `session` (the session's workshop behind workshop()/save()/current_plan(), and every
store operation a page may ask for: workshops, snapshots, undo), `access` (the access code form
and its lock-out), `language` (the session's language, t() for a page's own words and say() for
the core's messages, numbers and money), `widgets` (widgets bound to the workshop: bind, update,
field errors, one-shot action keys), `errors` (the error boundary of pages and callbacks, and the
notices left for the next drawing), `tables` (column config, a table's height), `charts` (Altair
specs cached per stored version, drawn), `presenter` (presenter mode), `empty` (what an empty
workshop shows instead of charts), `clock` (today and this month: the one place the app reads the
clock; the core is given them).

Imported only by app.py and the pages in app_pages/ (and their tests); the core in roadmap/ never
imports it. Pages reach the store only through `ui.session`.
"""
