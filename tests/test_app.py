"""The app's entry page runs without an exception (Streamlit's smoke-test pattern)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def test_the_start_page_shows_the_example_plan_without_an_exception() -> None:
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)

    app.run()

    assert not app.exception
    assert app.title[0].value == "Digital-Roadmap für KMU"
    assert app.metric[0].value == "9 von 12"
