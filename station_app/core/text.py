"""How values are written in lists, on screen and on paper alike (pure)."""
from __future__ import annotations

import datetime as dt
from typing import Any


def cell_text(value: Any) -> str:
    """A value as the printed list writes it: 10/06/2026, 22,4, empty for nothing (the screen's table too)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


# -- numbers as a Vietnamese reader writes them: 53.489 and 53,5 % ------------------------------------------

def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def percent(rate: float) -> str:
    return f"{rate * 100:.1f} %".replace(".", ",")
