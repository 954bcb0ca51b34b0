"""The one error type for mistakes a participant can fix, with a Norwegian message.

Every module raises :class:`InputError` for bad input (a missing column, text in a
number field, an empty name ...). Notebooks never show its traceback: the ``ui``
module catches it and shows ``str(error)``, which is a complete Norwegian sentence
that says what is wrong, where, and what to do.
"""

from __future__ import annotations

from collections.abc import Iterable


class InputError(ValueError):
    """Bad input from a participant or a data file; ``str()`` is plain Norwegian.

    Parameters
    ----------
    problem:
        What is wrong, in Norwegian, e.g. ``"verdien «tre» er ikke et tall"``.
    fix:
        What to do about it, in Norwegian, e.g. ``"Skriv inn et helt tall."``.
    source:
        The file (or form) the input came from, if any.
    column:
        The column or field the problem is in, if any.
    row:
        The line number in the file (1 = the header line), if known.
    field:
        The form field or slider the problem is in, if the input came from a form.
    """

    def __init__(
        self,
        problem: str,
        fix: str = "",
        *,
        source: str | None = None,
        column: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.problem = problem
        self.fix = fix
        self.source = source
        self.column = column
        self.row = row
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole Norwegian message: where, what is wrong, and what to do."""
        where = []
        if source := self.source:
            where.append(f"i filen «{source}»")
        if self.row is not None:
            where.append(f"på linje {self.row}")
        if self.column:
            where.append(f"i kolonnen «{self.column}»")
        if self.field:
            where.append(f"i feltet «{self.field}»")
        text = _capitalise(self.problem.rstrip("."))
        if where:
            text = f"{_capitalise(' '.join(where))}: {self.problem.rstrip('.')}"
        text += "."
        if self.fix:
            text += " " + self.fix.strip()
        return text

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


def join_words(items: Iterable[object]) -> str:
    """A Norwegian list: «a», «a og b», «a, b og c» (no comma before «og»); «» for none."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
