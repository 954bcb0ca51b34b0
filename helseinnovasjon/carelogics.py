"""Care logics in practice: sort workplace statements into logics and compare with the course.

The data behind the notebook «Logikker i praksis» (chapter «Verdier og omsorgslogikker»):
short workplace statements written for the course, each with the logic the course reads
in it (care, choice, steering/production or market: Mol 2008; Wærness 1984; Vabø 2007),
sometimes a second defensible reading, and a one-sentence explanation.

Functions here are pure: a participant's sorting in, a :class:`Result` out, with
feedback per statement, a profile (how many statements in each logic) and a chart built
from :mod:`helseinnovasjon.plotting`. Statements still unsorted are not an error: the
feedback covers those sorted and says how many are left.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.ticker import MaxNLocator

from . import data, formatting, plotting
from .errors import InputError

STATEMENTS_TABLE = "omsorgslogikker-utsagn"
SOURCE = (
    "Utsagnene og kursets lesning er skrevet for kurset. Logikkene bygger på Wærness (1984), "
    "Mol (2008), Vabø (2007) og Thornton og Ocasio (2008)."
)
UNSORTED = "Ikke sortert ennå"
MAX_STATEMENT = 220
MAX_EXPLANATION = 320
MAX_REFLECTION = 2000
MIN_STATEMENTS, MAX_STATEMENTS = 12, 16
CAVEAT = (
    "Flere av utsagnene kan leses på mer enn én måte. Kursets lesning er et utgangspunkt for samtale, ikke en fasit."
)


@dataclass(frozen=True)
class Logic:
    """One logic: its key in the data, its Norwegian name, a short name for charts, and what it is."""

    key: str
    label: str
    short: str
    description: str


LOGICS: dict[str, Logic] = {
    logic.key: logic
    for logic in (
        Logic(
            "omsorg",
            "Omsorgslogikk",
            "Omsorg",
            "Tar utgangspunkt i den konkrete personen og situasjonen. Man prøver seg fram og justerer sammen over tid.",
        ),
        Logic(
            "valg",
            "Valgets logikk",
            "Valg",
            "Tjenestemottakeren er en kunde eller borger som skal få informasjon og selv velge mellom tilbud.",
        ),
        Logic(
            "styring",
            "Styrings- og produksjonslogikk",
            "Styring",
            "Tjenesten blir styrt med vedtak, standarder, tidsmål og budsjett, så den blir lik, "
            "forutsigbar og effektiv.",
        ),
        Logic(
            "marked",
            "Markedslogikk",
            "Marked",
            "Tjenester blir kjøpt og solgt. Konkurranse, pris og kundetilfredshet skal gi kvalitet og lave kostnader.",
        ),
    )
}

# The drop-down choices: (label, value); "" means not sorted yet.
OPTIONS: list[tuple[str, str]] = [(UNSORTED, ""), *((logic.label, key) for key, logic in LOGICS.items())]

# What the participant's choice is, compared with the course's reading.
SAME, ALSO, OTHER, OPEN = "samme", "også mulig", "annen", "ikke sortert"
_VERDICT_TEXT = {
    SAME: "Samme som kursets lesning.",
    ALSO: "Også en mulig lesning.",
    OTHER: "En annen lesning enn kursets.",
}


# -- the statements --------------------------------------------------------------------


def load_statements(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """The course's statements, checked, indexed by their id (``u01`` ...)."""
    res = data.resource(STATEMENTS_TABLE, data_dir)
    table = data.load_table(STATEMENTS_TABLE, data_dir)
    return validate_statements(table, label=res["path"])


def validate_statements(table: pd.DataFrame, *, label: str = "utsagnene") -> pd.DataFrame:
    """Check a statements table and return it indexed by ``id``.

    Every logic must be used, no id or statement may appear twice, the alternative
    reading must differ from the main one, and texts must be short enough to read.
    """
    table = table.copy()
    # Empty cells as None (pandas may hold them as NaN in a string column).
    table["annen_lesning"] = pd.Series(
        [v if isinstance(v, str) and v.strip() else None for v in table["annen_lesning"]],
        index=table.index,
        dtype=object,
    )
    n = len(table)
    if not MIN_STATEMENTS <= n <= MAX_STATEMENTS:
        raise InputError(
            f"det er {n} utsagn", f"Øvelsen skal ha mellom {MIN_STATEMENTS} og {MAX_STATEMENTS} utsagn.", source=label
        )
    for column, known in (("logikk", LOGICS), ("annen_lesning", LOGICS)):
        for line, value in zip(range(2, n + 2), table[column]):
            if value is not None and value not in known:
                raise InputError(
                    f"logikken «{value}» finnes ikke",
                    f"Bruk en av disse: {', '.join(LOGICS)}.",
                    source=label,
                    column=column,
                    row=line,
                )
    unused = [LOGICS[k].label for k in LOGICS if k not in set(table["logikk"])]
    if unused:
        raise InputError(
            f"ingen utsagn hører til {', '.join(unused)}",
            "Hver logikk skal ha minst ett utsagn.",
            source=label,
            column="logikk",
        )
    for column in ("id", "utsagn"):
        keys = table[column].map(lambda text: " ".join(str(text).casefold().split()))
        twice = table[keys.duplicated()]
        if not twice.empty:
            raise InputError(
                f"«{twice.iloc[0][column]}» står to ganger",
                "Fjern eller endre det ene.",
                source=label,
                column=column,
                row=int(twice.index[0]) + 2,
            )
    for line, (main, other) in enumerate(zip(table["logikk"], table["annen_lesning"]), start=2):
        if main == other:
            raise InputError(
                "den andre lesningen er den samme som kursets lesning",
                "La feltet stå tomt eller velg en annen logikk.",
                source=label,
                column="annen_lesning",
                row=line,
            )
    for column, limit in (("utsagn", MAX_STATEMENT), ("forklaring", MAX_EXPLANATION)):
        for line, text in enumerate(table[column], start=2):
            if len(str(text)) > limit:
                raise InputError(
                    f"teksten er {len(str(text))} tegn lang",
                    f"Kort den ned til høyst {limit} tegn.",
                    source=label,
                    column=column,
                    row=line,
                )
    return table.set_index("id")


# -- scoring a sorting -----------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """Feedback on one statement."""

    id: str
    number: int
    statement: str
    chosen: str | None
    course: str
    other: str | None
    explanation: str

    @property
    def verdict(self) -> str:
        if self.chosen is None:
            return OPEN
        if self.chosen == self.course:
            return SAME
        return ALSO if self.chosen == self.other else OTHER


@dataclass(frozen=True)
class Result:
    """A participant's sorting compared with the course's reading."""

    items: tuple[Item, ...]

    def count(self, verdict: str) -> int:
        return sum(item.verdict == verdict for item in self.items)

    @property
    def sorted_count(self) -> int:
        return len(self.items) - self.count(OPEN)

    def summary(self) -> str:
        """The result in plain Norwegian."""
        total, done = len(self.items), self.sorted_count
        if done == 0:
            return (
                f"Du har ikke sortert noen av de {total} utsagnene ennå. Velg en logikk i listen under hvert "
                "utsagn, så kommer tilbakemeldingen her."
            )
        text = (
            f"Du har sortert {done} av {total} utsagn. {self.count(SAME)} er plassert som i kursets lesning, "
            f"{self.count(ALSO)} er en annen mulig lesning, og {self.count(OTHER)} er plassert annerledes enn kurset."
        )
        left = total - done
        if left:
            text += f" {left} utsagn står igjen."
        return text


def parse_choice(value: Any, *, field: str = "valget") -> str | None:
    """A logic key from a drop-down value, key or label (any case); ``None`` if not sorted yet."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text or text.casefold() == UNSORTED.casefold():
        return None
    if len(text) > 60:
        raise InputError(
            f"teksten er for lang ({len(text)} tegn) til å være navnet på en logikk",
            f"Velg en av disse: {', '.join(logic.label for logic in LOGICS.values())}.",
            field=field,
        )
    for key, logic in LOGICS.items():
        if text.casefold() in (key, logic.label.casefold(), logic.short.casefold()):
            return key
    raise InputError(
        f"«{text}» er ikke en av logikkene",
        f"Velg en av disse: {', '.join(logic.label for logic in LOGICS.values())}.",
        field=field,
    )


def score(sorting: Mapping[str, Any], statements: pd.DataFrame) -> Result:
    """Compare a sorting (statement id -> logic) with the course's reading.

    Statements missing from ``sorting``, or set to «Ikke sortert ennå», count as not
    sorted yet. An unknown id or logic raises :class:`InputError`.
    """
    unknown = [key for key in sorting if key not in statements.index]
    if unknown:
        raise InputError(
            f"utsagnet «{unknown[0]}» finnes ikke i øvelsen",
            f"Bruk numrene fra listen ({statements.index[0]}–{statements.index[-1]}).",
        )
    items = []
    columns = zip(
        statements.index,
        statements["utsagn"],
        statements["logikk"],
        statements["annen_lesning"],
        statements["forklaring"],
    )
    for number, (key, text, course, other, explanation) in enumerate(columns, start=1):
        chosen = parse_choice(sorting.get(key), field=f"utsagn {number}")
        other = other if isinstance(other, str) and other else None
        items.append(Item(key, number, text, chosen, course, other, explanation))
    return Result(tuple(items))


def profile(result: Result) -> pd.DataFrame:
    """How many statements the participant and the course put in each logic."""
    mine = [sum(item.chosen == key for item in result.items) for key in LOGICS]
    course = [sum(item.course == key for item in result.items) for key in LOGICS]
    table = pd.DataFrame(
        {"Din sortering": mine, "Kursets lesning": course}, index=[logic.label for logic in LOGICS.values()]
    )
    table.index.name = "Logikk"
    return table


def profile_chart(result: Result) -> plotting.Chart:
    """The participant's profile beside the course's distribution (number of statements per logic)."""
    table = profile(result)
    done, total = result.sorted_count, len(result.items)
    series = {"Kursets lesning": list(table["Kursets lesning"])}  # first, so its colour never changes
    if done:
        series[f"Din sortering ({done} av {total})"] = list(table["Din sortering"])
    fig, ax = plotting.grouped_bars(
        series,
        [logic.short for logic in LOGICS.values()],
        title="Hvor mange utsagn i hver logikk?",
        ylabel="Antall utsagn",
        percent=False,
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole numbers only
    course = ", ".join(f"{label} {n}" for label, n in zip(table.index, table["Kursets lesning"]))
    if done:
        mine = ", ".join(f"{label} {n}" for label, n in zip(table.index, table["Din sortering"]))
        alt = (
            f"Stolpediagram med antall utsagn per logikk. Din sortering ({done} av {total} utsagn): {mine}. "
            f"Kursets lesning: {course}."
        )
    else:
        alt = f"Stolpediagram med kursets lesning av de {total} utsagnene: {course}. Du har ikke sortert noen ennå."
    caption = f"Antall utsagn du har plassert i hver logikk, ved siden av kursets lesning. {SOURCE}"
    return plotting.Chart(fig, alt, caption)


# -- what the notebook shows and saves ---------------------------------------------------


@dataclass
class Feedback:
    """What the sorting form shows (summary, feedback per statement, profile) and saves."""

    result: Result
    reflection: str
    chart: plotting.Chart

    def _repr_html_(self) -> str:
        rows = []
        for item in self.result.items:
            if item.verdict == OPEN or item.chosen is None:  # nothing chosen yet: no feedback to give
                continue
            reading = f"Kursets lesning: {LOGICS[item.course].label}."
            if item.other:
                reading += f" Også mulig: {LOGICS[item.other].label}."
            rows.append(
                f"<li><p><strong>{item.number}.</strong> «{html.escape(item.statement)}»<br>"
                f"Ditt valg: {html.escape(LOGICS[item.chosen].label)}. <strong>{_VERDICT_TEXT[item.verdict]}</strong> "
                f"{html.escape(reading)}<br><em>{html.escape(item.explanation)}</em></p></li>"
            )
        listed = f'<ul class="hi-tilbakemelding">{"".join(rows)}</ul>' if rows else ""
        caveat = f"<p>{html.escape(CAVEAT)}</p>" if rows else ""
        return (
            f'<p class="hi-svar" role="status"><strong>{html.escape(self.result.summary())}</strong></p>'
            f"{caveat}{listed}{self.chart.to_html()}"
        )

    def record(self) -> dict | None:
        """The sorting and the reflection for the project file (``None`` while nothing is sorted)."""
        if self.result.sorted_count == 0 and not self.reflection:
            return None
        rows = [
            {
                "utsagn": f"{item.number}. {item.statement}",
                "mitt_valg": LOGICS[item.chosen].label if item.chosen else UNSORTED,
                "kursets_lesning": LOGICS[item.course].label,
                "vurdering": item.verdict,
            }
            for item in self.result.items
        ]
        by_label = {logic.label: key for key, logic in LOGICS.items()}
        mine = profile(self.result)["Din sortering"].to_dict()
        numbers: dict[str, Any] = {
            "sortering": rows,
            "min_profil": {by_label.get(label, label): n for label, n in mine.items()},
        }
        return {
            "tekst": self.result.summary(),
            "felt": {"Refleksjon": self.reflection},
            "tall": numbers,
            "kilde": SOURCE,
        }


def clean_reflection(text: Any) -> str:
    """The reflection text, trimmed; too long gives a Norwegian message (nothing is cut)."""
    cleaned = str(text or "").strip()
    if len(cleaned) > MAX_REFLECTION:
        raise InputError(
            f"refleksjonen er {formatting.format_number(len(cleaned))} tegn lang",
            f"Kort den ned til høyst {formatting.format_number(MAX_REFLECTION)} tegn. Teksten din er ikke slettet.",
            field="Refleksjon",
        )
    return cleaned


def feedback(statements: pd.DataFrame, refleksjon: str = "", **sorting: Any) -> Feedback:
    """The notebook's live feedback: ``sorting`` maps statement ids to the drop-downs' values."""
    reflection = clean_reflection(refleksjon)
    result = score(sorting, statements)
    return Feedback(result, reflection, profile_chart(result))


def course_reading(statements: pd.DataFrame) -> pd.DataFrame:
    """The course's reading of every statement, as a reader-facing table."""
    table = pd.DataFrame(
        {
            "Nr.": range(1, len(statements) + 1),
            "Utsagn": statements["utsagn"].values,
            "Kursets lesning": [LOGICS[k].label for k in statements["logikk"]],
            "Også mulig": [LOGICS[k].label if k else "–" for k in statements["annen_lesning"]],
            "Hvorfor": statements["forklaring"].values,
        }
    )
    return table.set_index("Nr.")


def logics_table() -> pd.DataFrame:
    """The four logics with a short description, as a reader-facing table."""
    table = pd.DataFrame(
        {
            "Logikk": [logic.label for logic in LOGICS.values()],
            "Kort fortalt": [logic.description for logic in LOGICS.values()],
        }
    )
    return table.set_index("Logikk")
