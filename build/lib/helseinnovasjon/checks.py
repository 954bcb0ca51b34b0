"""Self-checks for numeric exercises: immediate, friendly feedback in the notebook.

A participant writes an answer in a cell (``svar = 133,7`` or ``svar = "133,7"``) and runs
a check; the check never raises, it answers in Norwegian: «Riktig!», a hint, or what to fix.
"""

from __future__ import annotations

import html
from typing import Any

from IPython.display import HTML

from . import data, formatting
from .errors import InputError

_STYLE = {
    True: ("#1b6e20", "#eef7ee", "Riktig!"),
    False: ("#8a4b00", "#fff6e5", "Ikke helt."),
    None: ("#0072B2", "#eef6fb", "Ikke svart ennå."),
}


def feedback(text: str, correct: bool | None) -> HTML:
    """A feedback box: green for right, orange for a hint, blue when there is no answer yet."""
    border, background, title = _STYLE[correct]
    return HTML(
        f'<div class="hi-sjekk" role="status" style="border-left:4px solid {border};background:{background};'
        f'color:#1a1a1a;padding:0.6em 0.9em;margin:0.5em 0;border-radius:3px">'
        f"<strong>{title}</strong> {html.escape(text)}</div>"
    )


def number(answer: Any, expected: float, *, tolerance: float = 0.0, unit: str = "", hint: str = "") -> HTML:
    """Check a numeric answer. Accepts numbers and text such as "1 234,5"."""
    if answer is None or str(answer).strip() in {"", "..."}:
        return feedback("Skriv svaret ditt etter svar = i cellen over, og kjør cellen på nytt.", None)
    try:
        value = float(answer) if isinstance(answer, (int, float)) else data.parse_number(str(answer), field="svar")
    except InputError as error:
        return feedback(str(error), False)
    shown = f"{formatting.format_number(expected, 1, trim=True)}{(' ' + unit) if unit else ''}"
    if abs(value - expected) <= tolerance:
        return feedback(f"Svaret er {shown}.", True)
    direction = "for høyt" if value > expected else "for lavt"
    return feedback(f"Svaret ditt er {direction}. {hint}".strip(), False)
