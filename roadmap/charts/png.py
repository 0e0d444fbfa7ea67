"""Charts as PNG images for slides (vl-convert renders Vega-Lite without a browser), and export file names."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from roadmap.domain.messages import Message, RoadmapError

# Twice the pixels of the chart's own size: sharp on a 1920×1080 slide.
SCALE = 2
# A chart drawn to fill the page ("container") gets this width in the image.
DEFAULT_WIDTH = 960
# A very tall chart (a Gantt of hundreds of measures) is drawn smaller: at most this many pixels high,
# so the image stays a few MB and takes seconds, not minutes.
MAX_HEIGHT = 4000
# Vega's number and date formats per language (both are locales vl-convert knows for numbers and dates).
_LOCALES: dict[str, Literal["de-DE", "en-GB"]] = {"de": "de-DE", "en": "en-GB"}
# Umlauts spelled out in file names.
_SPELLED: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def _spec(chart: Any) -> dict[str, Any]:
    """The Vega-Lite dict of an Altair chart (or of a dict already), with a fixed width instead of 'container'."""
    if isinstance(chart, Mapping):
        spec = copy.deepcopy(dict(chart))
    elif hasattr(chart, "to_dict"):
        spec = chart.to_dict()
    else:
        raise TypeError(f"not a chart: {type(chart).__name__}")
    if spec.get("width") == "container":
        spec["width"] = DEFAULT_WIDTH
    return spec


def _detail(error: Exception) -> str:
    """The line of an error that says what went wrong (vl-convert adds a headline and a JavaScript stack)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and not line.strip().startswith("at ")]
    if not lines:
        return type(error).__name__
    return (lines[1] if len(lines) > 1 else lines[0])[:200]


def png(chart: Any, lang: str = "de", scale: float = SCALE) -> bytes:
    """The chart as PNG bytes (twice its size, for slides); RoadmapError with a readable message if it fails."""
    try:
        import vl_convert

        spec = _spec(chart)
        height = spec.get("height")
        if isinstance(height, (int, float)) and height * scale > MAX_HEIGHT:
            scale = max(0.5, MAX_HEIGHT / height)
        locale = _LOCALES.get(lang, "de-DE")
        data = vl_convert.vegalite_to_png(spec, scale=scale, format_locale=locale, time_format_locale=locale)
    except ImportError as error:
        raise RoadmapError(
            Message(
                "Bilder können nicht erzeugt werden: das Paket vl-convert-python fehlt "
                "(pip install vl-convert-python).",
                "Images cannot be made: the package vl-convert-python is missing (pip install vl-convert-python).",
            )
        ) from error
    except Exception as error:  # vl-convert raises plain ValueErrors and RuntimeErrors with Vega's message
        detail = _detail(error)
        raise RoadmapError(
            Message(
                f"Das Diagramm konnte nicht als Bild gespeichert werden ({detail}).",
                f"The chart could not be saved as an image ({detail}).",
            )
        ) from error
    if not data.startswith(b"\x89PNG"):
        raise RoadmapError(
            Message("Das Diagramm ergab kein gültiges PNG-Bild.", "The chart did not give a valid PNG image.")
        )
    return data


def file_stem(company: str, day: date) -> str:
    """'roadmap_Schneider_Feinmechanik_GmbH_2026-03-31': safe on every system, umlauts spelled out."""
    spelled = company.translate(str.maketrans(_SPELLED))
    slug = re.sub(r"[^A-Za-z0-9]+", "_", spelled).strip("_")[:40] or "workshop"
    return f"roadmap_{slug}_{day.isoformat()}"
