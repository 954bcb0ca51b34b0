"""Numbers written the Norwegian way: no-break spaces between thousands, a decimal comma,
a real minus sign and a space before the percent sign. Standard library only."""

from __future__ import annotations

NBSP = "\u00a0"
MINUS = "\u2212"


def format_number(value: float, decimals: int = 0, *, trim: bool = False) -> str:
    """Format a number the Norwegian way: ``1234567.5`` -> ``"1 234 567,5"``.

    The thousands separator is a no-break space, the decimal mark a comma and the
    minus sign a real minus. With ``trim``, trailing zero decimals are dropped.
    """
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    if trim and "," in text:
        text = text.rstrip("0").rstrip(",")
    negative = value < 0 and text.strip("0,") != ""
    return (MINUS if negative else "") + text


def format_percent(value: float, decimals: int = 0) -> str:
    """``51`` -> ``"51 %"`` (Norwegian puts a space before the percent sign)."""
    return f"{format_number(value, decimals)}{NBSP}%"
