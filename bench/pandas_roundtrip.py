"""The naive pandas round trip the command line is measured against: read_excel + to_excel (openpyxl)."""

from __future__ import annotations

import sys

import pandas as pd

frame = pd.read_excel(sys.argv[1], engine="openpyxl")
frame.to_excel(sys.argv[2], engine="openpyxl", index=False)
