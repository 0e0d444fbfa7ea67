"""Drawing a shared chart spec (ui/charts.py): its data is converted to Arrow once per spec and reaches
the browser exactly as Streamlit's own conversion would send it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from ui.charts import draw_spec, with_arrow_data

    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "datasets": {"rows": [{"title": "CRM-System", "value": 4}, {"title": "E-Rechnung", "value": 2}]},
        "data": {"name": "rows"},
        "mark": "point",
        "encoding": {"x": {"field": "value", "type": "quantitative"}, "y": {"field": "title", "type": "nominal"}},
    }
    st.vega_lite_chart(spec=dict(spec), key="plain")  # Streamlit converts the rows itself
    draw_spec("kept", spec)
    st.session_state["same_copy"] = with_arrow_data(spec) is with_arrow_data(spec)
    st.session_state["spec_untouched"] = isinstance(spec["datasets"]["rows"], list)


def test_a_shared_spec_reaches_the_browser_with_the_same_data_as_streamlits_own_conversion() -> None:
    app = AppTest.from_function(_script, default_timeout=60).run()

    assert not app.exception
    plain, kept = (element.proto for element in app.get("vega_lite_chart"))
    assert [d.name for d in kept.datasets] == ["rows"]
    assert kept.datasets[0].data.data == plain.datasets[0].data.data
    assert app.session_state["same_copy"] and app.session_state["spec_untouched"]
