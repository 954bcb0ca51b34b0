"""Short team surveys: Likert answers, reverse items, scale scores and Cronbach's alpha.

Two surveys use this module:

* **Psychological safety** (chapter 5): the course's Norwegian version of the seven
  statements in Edmondson (1999), answered on a scale from 1 to 7. Statements 1, 3 and 5
  are worded negatively, so they are *reversed* before anything is added up:
  ``low + high - x``, which is ``8 - x`` on the 1-7 scale.
* **Learning organisation** (chapter 3): eleven statements written for the course, inspired
  by the three building blocks of Garvin, Edmondson & Gino (2008), answered from 1 to 5.
  They are not the authors' published survey, and the scores cannot be compared with its
  benchmarks.

Rules for answers that are missing (documented in the notebooks too):

* an item's mean uses everyone who answered that item;
* a person's scale score is the mean of the items they answered, if they answered at least
  half of them; otherwise they are left out of the scale mean;
* Cronbach's alpha uses only people who answered every item (listwise), and says how many
  were left out.

No result is shown for fewer than :data:`MIN_RESPONDENTS` people (anonymity).

Both surveys take one path from answers to a team result: a :class:`Survey` says where its
statements and example team are, its scale and how its result is told, and :meth:`Survey.answer`
turns a team's answers into the :class:`~helseinnovasjon.plotting.Answer` the notebooks show and save
(:data:`SAFETY` and :data:`LEARNING` are the two surveys).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pandas as pd

from . import data, formatting, plotting
from .errors import InputError

MIN_RESPONDENTS = 5
"""The fewest answers a team result is shown for. With four or fewer, colleagues (and the
leader, who knows who was at work) can often work out who answered what, and one person's
answer moves the mean a lot. Five is a common floor for small-group reporting; raise it for
teams where people are easy to recognise."""

SAFETY_ITEMS = "psykologisk-trygghet-utsagn"
SAFETY_EXAMPLE = "psykologisk-trygghet-eksempel"
LEARNING_ITEMS = "laerende-organisasjon-utsagn"
LEARNING_EXAMPLE = "laerende-organisasjon-eksempel"

SAFETY_SOURCE = (
    "Påstandene: kursets norske oversettelse av de sju påstandene i Edmondson (1999); "
    "ikke et validert norsk måleinstrument."
)
LEARNING_SOURCE = (
    "Påstandene er skrevet for kurset, inspirert av de tre byggesteinene hos Garvin, Edmondson og "
    "Gino (2008). De er ikke forfatternes spørreskjema og kan ikke sammenlignes med deres referanseverdier."
)
ILLUSTRATIVE = "Dataene er illustrerende, laget for kurset."


# -- the statements -------------------------------------------------------------------------


def statement_table(kind: str = "trygghet") -> pd.DataFrame:
    """The statements as the notebooks show them."""
    if kind not in ("trygghet", "laering"):
        raise ValueError(f"unknown survey {kind!r}: use 'trygghet' or 'laering'")
    if kind == "trygghet":
        items = SAFETY.items()
        return pd.DataFrame(
            {
                "Nr.": items["nr"],
                "Påstand": items["utsagn"],
                "Snus?": items["omvendt"].map({"ja": "ja (8 − svaret)", "nei": ""}),
            }
        )
    items = LEARNING.items()
    return pd.DataFrame(
        {
            "Nr.": [statement_number(c) for c in LEARNING.columns(items)],
            "Byggestein": items["byggestein"],
            "Delområde": items["delomrade"],
            "Påstand": items["utsagn"],
        }
    )


# -- the formulas ---------------------------------------------------------------------------


def reverse_score(values, low: int, high: int):
    """A negatively worded item turned round: ``low + high - x`` (``8 - x`` on 1-7).

    Works on a number, a Series or a DataFrame; missing values stay missing."""
    return low + high - values


def score(responses: pd.DataFrame, reverse: Iterable[str], low: int, high: int) -> pd.DataFrame:
    """The answers with the ``reverse`` columns turned round, so that high is always good."""
    scored = responses.astype("float64")
    for column in reverse:
        scored[column] = reverse_score(scored[column], low, high)
    return scored


def respondent_scores(scored: pd.DataFrame, min_answered: int | None = None) -> pd.Series:
    """Each person's scale score: the mean of the items they answered.

    People who answered fewer than ``min_answered`` items (default: half, rounded up) get
    no score (NaN) and are left out of the scale mean."""
    needed = math.ceil(scored.shape[1] / 2) if min_answered is None else min_answered
    means = scored.mean(axis=1, skipna=True)
    return means.where(scored.notna().sum(axis=1) >= needed)


def cronbach_alpha(scored: pd.DataFrame) -> float:
    """Cronbach's (1951) alpha: ``k/(k-1) * (1 - sum of item variances / variance of the sum)``.

    Uses only the rows with every item answered (listwise). Sample variances (n - 1); the
    choice cancels out. Raises :class:`InputError` when alpha cannot be computed."""
    complete = scored.dropna()
    k = complete.shape[1]
    if k < 2:
        raise InputError("alfa trenger minst to påstander")
    if len(complete) < 2:
        raise InputError("alfa trenger minst to personer som har svart på alle påstandene")
    total_variance = complete.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        raise InputError(
            "alle har samme sum, så alfa kan ikke regnes ut",
            "Det skjer når alle svarer likt; se på fordelingen i stedet.",
        )
    return k / (k - 1) * (1 - complete.var(ddof=1).sum() / total_variance)


def check_anonymity(respondents: int, minimum: int = MIN_RESPONDENTS) -> None:
    """Refuse to show a team result for fewer than ``minimum`` people."""
    if respondents == 0:
        raise InputError("tabellen har ingen svar", "Lim inn minst én rad med svar under overskriftene.")
    if respondents < minimum:
        raise InputError(
            f"bare {respondents} {'person' if respondents == 1 else 'personer'} har svart",
            f"For å verne anonymiteten vises resultater først når minst {minimum} har svart. "
            "Samle inn flere svar, eller slå sammen med et annet team.",
        )


# -- reading answers ----------------------------------------------------------------------


def statement_number(column: str) -> int:
    """The statement's number from its answer column: ``p3`` and ``u03`` are both statement 3."""
    return int(column[1:])


def _answer_schema(columns: list[str], low: int, high: int) -> dict:
    def aliases(column: str) -> list[str]:
        number = str(statement_number(column))
        return [number, f"{column[0]}{number}", f"påstand {number}", f"påstand{number}", f"spørsmål {number}"]

    return {
        "fields": [
            {"name": c, "aliases": aliases(c), "type": "integer", "constraints": {"minimum": low, "maximum": high}}
            for c in columns
        ]
    }


def parse_responses(
    raw: bytes | str, columns: list[str], low: int, high: int, *, label: str = "svarene"
) -> pd.DataFrame:
    """Read a respondent x item table (one row per person) from CSV text or an uploaded file.

    Semicolons or commas, Windows-1252 or UTF-8, as Norwegian Excel saves it. Other columns
    (a respondent number, a timestamp) are ignored. Rows with no answers are dropped. Empty
    cells are missing answers. Anything else gives a Norwegian :class:`InputError`."""
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    try:
        table = data.read_csv(raw, _answer_schema(columns, low, high), label=label, allow_extra_columns=True)
    except InputError as error:
        if error.column in columns:  # a clearer fix than the loader's general one
            raise InputError(
                error.problem,
                f"Svarene skal være hele tall fra {low} til {high}; la cellen stå tom hvis personen ikke svarte.",
                source=error.source,
                column=error.column,
                row=error.row,
            ) from None
        raise
    table = table.astype("float64")
    return table[table.notna().any(axis=1)].reset_index(drop=True)


def example_csv(name: str, data_dir: Path = data.DATA_DIR) -> str:
    """The text of an example data file, to start a paste box with."""
    return (Path(data_dir) / data.resource(name, data_dir)["path"]).read_text(encoding="utf-8").strip()


# -- a team summary -------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """A team's result on one scale (after reverse scoring)."""

    respondents: int
    complete: int
    item_means: pd.Series
    item_answers: pd.Series
    scored_people: int
    scale_mean: float
    alpha: float | None
    alpha_note: str


def scored_team(
    responses: pd.DataFrame, reverse: Iterable[str], low: int, high: int, minimum: int = MIN_RESPONDENTS
) -> pd.DataFrame:
    """The rows with at least one answer, reverse items turned; an error if too few answered."""
    answered = responses[responses.notna().any(axis=1)]
    check_anonymity(len(answered), minimum)
    return score(answered, reverse, low, high)


def summarise(
    responses: pd.DataFrame, reverse: Iterable[str], low: int, high: int, minimum: int = MIN_RESPONDENTS
) -> Summary:
    """Item means, scale mean and alpha for a team, or an error if too few answered."""
    return summarise_scored(scored_team(responses, reverse, low, high, minimum), minimum)


def summarise_scored(scored: pd.DataFrame, minimum: int = MIN_RESPONDENTS) -> Summary:
    """:func:`summarise` for answers already scored by :func:`scored_team`."""
    people = respondent_scores(scored)
    complete = int(scored.notna().all(axis=1).sum())
    left_out = len(scored) - complete
    alpha, note = None, ""
    if complete < minimum:
        note = f"Alfa er ikke regnet ut: bare {complete} har svart på alle påstandene, og det trengs minst {minimum}."
    else:
        try:
            alpha = float(cronbach_alpha(scored))
        except InputError as error:
            note = f"Alfa er ikke regnet ut: {error.problem}."
        else:
            note = f"Cronbachs alfa er {formatting.format_number(alpha, 2)}, regnet ut fra de {complete} som svarte på alle påstandene."
            if left_out:
                note += (
                    f" {left_out} {'person' if left_out == 1 else 'personer'} med manglende svar er ikke med i alfa."
                )
    return Summary(
        len(scored),
        complete,
        scored.mean(),
        scored.notna().sum(),
        int(people.notna().sum()),
        float(people.mean()),
        alpha,
        note,
    )


# -- one path for both surveys --------------------------------------------------------------


@dataclass(frozen=True)
class TeamResult:
    """A team's answers to a survey, scored and summarised: what its sentence, chart and numbers come from."""

    survey: Survey
    items: pd.DataFrame
    name: str
    scored: pd.DataFrame
    summary: Summary
    illustrative: bool


@dataclass(frozen=True)
class Survey:
    """One of the course's team surveys.

    The answer columns are ``prefix`` followed by the statement table's ``key`` column (``p1`` ...
    ``p7``; ``u01`` ... ``u11``). Statements marked ``omvendt = ja`` are reversed before anything is
    added up; a statement table without that column has none. ``describe`` tells a team's result:
    the sentence, the chart, and the survey's own numbers, saved before the statements'. Cronbach's
    alpha is saved only where the statements form one scale (``one_scale``)."""

    items_table: str
    example_table: str
    low: int
    high: int
    key: str
    prefix: str
    source: str
    one_scale: bool
    describe: Callable[[TeamResult], tuple[str, plotting.Chart, dict[str, Any]]]

    def items(self, data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
        """The statements, in order."""
        return data.load_table(self.items_table, data_dir)

    def example(self, data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
        """The illustrative team's answers, made for the course."""
        return data.load_table(self.example_table, data_dir).astype("float64")

    def columns(self, items: pd.DataFrame) -> list[str]:
        """The answer table's column names, one per statement."""
        return [f"{self.prefix}{key}" for key in items[self.key]]

    def reversed_columns(self, items: pd.DataFrame) -> list[str]:
        """The answer columns of the negatively worded statements."""
        if "omvendt" not in items:
            return []
        return [c for c, rev in zip(self.columns(items), items["omvendt"]) if rev == "ja"]

    def labels(self, items: pd.DataFrame) -> list[str]:
        """Each statement's number and short text (``4. Trygt å ta en sjanse``)."""
        return [f"{statement_number(c)}. {short}" for c, short in zip(self.columns(items), items["kort"])]

    def answer(self, responses: pd.DataFrame, team: str = "", *, illustrative: bool = False) -> plotting.Answer:
        """A team's result: a sentence, the chart, and the numbers to save.

        Only aggregates are kept for saving, never anyone's single answers."""
        items = self.items()
        columns = self.columns(items)
        missing = [c for c in columns if c not in responses.columns]
        if missing:
            raise InputError(f"svartabellen mangler kolonnene {', '.join(missing)}")
        scored = scored_team(responses[columns], self.reversed_columns(items), self.low, self.high)
        summary = summarise_scored(scored)
        name = " ".join(str(team or "").split())[:60] or "Teamet"
        text, chart, own = self.describe(TeamResult(self, items, name, scored, summary, illustrative))
        numbers = {
            "team": name,
            "antall_svar": summary.respondents,
            **own,
            "paastander": [
                {
                    "paastand": label,
                    "snitt": round(float(summary.item_means[c]), 2),
                    "antall_svar": int(summary.item_answers[c]),
                }
                for c, label in zip(columns, self.labels(items))
            ],
        }
        if self.one_scale:
            numbers["cronbachs_alfa"] = None if summary.alpha is None else round(summary.alpha, 3)
            numbers["merknad"] = summary.alpha_note
        numbers["illustrerende"] = illustrative
        return plotting.Answer(text, chart, numbers, self.source)

    def from_csv(self, raw: bytes | str, team: str = "") -> plotting.Answer:
        """What the «Ditt team» form shows (and saves) for pasted or uploaded answers."""
        return self.answer(parse_responses(raw, self.columns(self.items()), self.low, self.high), team)


def _illustrative_note(result: TeamResult) -> str:
    return " " + ILLUSTRATIVE if result.illustrative else ""


# -- psychological safety -----------------------------------------------------------------


def safety_text(summary: Summary, items: pd.DataFrame, team: str) -> str:
    """The team's result in plain Norwegian (no benchmarks: there are none for this version)."""
    means = summary.item_means
    lowest = means.idxmin()
    low_label = dict(zip(SAFETY.columns(items), items["kort"]))[lowest]
    text = (
        f"{team}: {summary.respondents} svar. Gjennomsnittet er {formatting.format_number(summary.scale_mean, 1)} "
        f"på en skala fra 1 til 7, der høyere betyr tryggere. Lavest: påstand {statement_number(lowest)} "
        f"«{low_label}» ({formatting.format_number(means[lowest], 1)})."
    )
    if summary.scored_people < summary.respondents:
        gone = summary.respondents - summary.scored_people
        text += f" {gone} svarte på færre enn halvparten av påstandene og er ikke med i gjennomsnittet."
    return text


def safety_chart(result: TeamResult) -> plotting.Chart:
    """How the answers to each statement are spread, after reversing (7 is always safest)."""
    survey, items, scored, summary = result.survey, result.items, result.scored, result.summary
    low, high = survey.low, survey.high
    columns, reverse = survey.columns(items), survey.reversed_columns(items)
    labels = [f"{label}{' (snudd)' if c in reverse else ''}" for c, label in zip(columns, survey.labels(items))]
    shares = pd.DataFrame(
        {
            str(v): [100 * (scored[c] == v).sum() / scored[c].notna().sum() for c in columns]
            for v in range(low, high + 1)
        },
        index=labels,
    )
    fig, ax = plotting.stacked_shares(
        shares,
        title=f"Psykologisk trygghet: {result.name}",
        legend_title="Skår etter snuing (1 = minst trygt, 7 = tryggest)",
    )
    with mpl.rc_context(plotting.STYLE):  # one row of seven keys, in order; fixed margins draw faster
        fig.legends.clear()
        fig.set_layout_engine("none")
        ax.set_position((0.38, 0.22, 0.59, 0.68))
        fig.legend(
            title="Skår etter snuing (1 = minst trygt, 7 = tryggest)",
            ncols=high - low + 1,
            loc="lower center",
            fontsize=9,
            title_fontsize=9,
        )
    means = summary.item_means
    alt = (
        f"Stablede søyler som viser hvordan {summary.respondents} svar fordeler seg på skåren 1 til 7 for hver "
        f"av de sju påstandene. Høyest gjennomsnitt har påstand {statement_number(means.idxmax())} "
        f"({formatting.format_number(means.max(), 1)}), lavest påstand {statement_number(means.idxmin())} "
        f"({formatting.format_number(means.min(), 1)})."
    )
    caption = (
        f"{safety_text(summary, items, result.name)} Påstand 1, 3 og 5 er snudd (8 − svaret), så høyere skår "
        f"betyr alltid tryggere. {summary.alpha_note}{_illustrative_note(result)} {SAFETY_SOURCE}"
    )
    return plotting.Chart(fig, alt, caption)


def _describe_safety(result: TeamResult) -> tuple[str, plotting.Chart, dict[str, Any]]:
    summary = result.summary
    text = safety_text(summary, result.items, result.name)
    return text, safety_chart(result), {"snitt_skala": round(summary.scale_mean, 2)}


SAFETY = Survey(
    SAFETY_ITEMS,
    SAFETY_EXAMPLE,
    low=1,
    high=7,
    key="nr",
    prefix="p",
    source=SAFETY_SOURCE,
    one_scale=True,
    describe=_describe_safety,
)
"""Psychological safety: seven statements (``p1`` ... ``p7``), 1-7, statements 1, 3 and 5 reversed."""


def reverse_demo(responses: pd.DataFrame, rows: int = 3) -> pd.DataFrame:
    """The first few answers before and after reversing statements 1, 3 and 5 (for teaching)."""
    reverse = SAFETY.reversed_columns(SAFETY.items())
    first = responses.head(rows)
    scored = score(first, reverse, SAFETY.low, SAFETY.high)
    table = pd.DataFrame({"Person": [f"Person {i + 1}" for i in range(len(first))]})
    for column in reverse:
        number = statement_number(column)
        table[f"Svar på {number}"] = first[column].to_numpy()
        table[f"Skår {number} (8 − svar)"] = scored[column].to_numpy()
    return table.set_index("Person")


# -- learning organisation ----------------------------------------------------------------


def example_self_assessment() -> dict[str, int]:
    """The default slider values: the first (illustrative) person in the example team."""
    first = LEARNING.example().iloc[0]
    return {k: int(v) for k, v in first.items()}


EXAMPLE_SELF_ASSESSMENT_LINE = (
    "Glidebryterne starter med svarene til en tenkt person. Flytt dem til din egen vurdering."
)


def answers_from_saved(content: Mapping[str, Any]) -> dict[str, int] | None:
    """The sliders' values from a self-assessment saved in section «laeringskultur» (by statement id,
    never by label); None unless every statement has a usable answer."""
    saved = content.get("tall")
    answers = saved.get("paastander") if isinstance(saved, dict) else None
    ids = set(slider_labels())
    low, high = LEARNING.low, LEARNING.high
    values = {}
    for answer in answers if isinstance(answers, list) else []:
        item = answer.get("id") if isinstance(answer, dict) else None
        if item in ids and isinstance(answer.get("svar"), (int, float)) and low <= answer["svar"] <= high:
            values[item] = round(answer["svar"])
    return values if set(values) == ids else None


def slider_labels() -> dict[str, str]:
    """Short labels for the self-assessment sliders, by statement id."""
    items = LEARNING.items()
    return dict(zip(LEARNING.columns(items), LEARNING.labels(items)))


def block_scores(responses: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """Each person's score per building block: the mean of the block's statements they answered."""
    blocks = list(dict.fromkeys(items["byggestein"]))
    return pd.DataFrame({b: responses[list(items.loc[items["byggestein"] == b, "id"])].mean(axis=1) for b in blocks})


def profile_chart(means: pd.Series, items: pd.DataFrame, *, title: str) -> tuple:
    """Horizontal bars, one per statement, coloured and hatched by building block (1-5)."""
    blocks = list(dict.fromkeys(items["byggestein"]))
    labels = LEARNING.labels(items)
    fig, ax = plotting.new_figure((8.5, 5.6), margins={"left": 0.3, "right": 0.96, "top": 0.93, "bottom": 0.17})
    with mpl.rc_context(plotting.STYLE):
        for b, block in enumerate(blocks):
            rows = [n for n, blk in enumerate(items["byggestein"]) if blk == block]
            bars = ax.barh(
                [labels[n] for n in rows],
                [means.iloc[n] for n in rows],
                color=plotting.CATEGORICAL[b],
                hatch=plotting.HATCHES[b],
                edgecolor="white",
                label=block,
            )
            ax.bar_label(bars, labels=[formatting.format_number(means.iloc[n], 1) for n in rows], padding=3, fontsize=9)
        ax.invert_yaxis()
        ax.set_xlim(0, 5.4)
        ax.set_xticks(range(6))
        ax.set_xlabel("1 = helt uenig, 5 = helt enig")
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        fig.legend(ncols=3, loc="lower center", fontsize=9)
    return fig, ax


def _block_text(blocks: pd.Series) -> str:
    parts = [f"{name.lower()} {formatting.format_number(value, 1)}" for name, value in blocks.items()]
    strongest, weakest = blocks.idxmax(), blocks.idxmin()
    text = "Gjennomsnitt per byggestein (1–5): " + ", ".join(parts) + "."
    if blocks.max() - blocks.min() >= 0.25:
        text += f" Sterkest: {strongest.lower()}. Svakest: {weakest.lower()}, et godt sted å starte samtalen."
    return text


def _block_numbers(blocks: pd.Series) -> list[dict[str, Any]]:
    return [{"byggestein": k, "snitt": round(float(v), 2)} for k, v in blocks.items()]


def self_assessment(**answers: float) -> plotting.Answer:
    """A person's own ratings of the eleven statements (1-5): block means and a profile chart."""
    items = LEARNING.items()
    labels = slider_labels()
    values = {}
    for item in LEARNING.columns(items):
        if item not in answers or answers[item] is None:
            raise InputError(
                f"påstand {statement_number(item)} mangler svar",
                "Gi et svar fra 1 til 5 på hver påstand.",
                field=labels[item],
            )
        value = float(answers[item])
        if not LEARNING.low <= value <= LEARNING.high:
            raise InputError(
                f"svaret {formatting.format_number(value, 1, trim=True)} er utenfor skalaen",
                "Velg et tall fra 1 til 5.",
                field=labels[item],
            )
        values[item] = value
    row = pd.DataFrame([values])
    blocks = block_scores(row, items).iloc[0]
    fig, _ax = profile_chart(row.iloc[0], items, title="Din vurdering av arbeidsplassen")
    text = _block_text(blocks)
    alt = (
        f"Liggende søyler for elleve påstander, gruppert i tre byggesteiner. {text} Lavest: påstand "
        f"{statement_number(row.iloc[0].idxmin())}, høyest: påstand {statement_number(row.iloc[0].idxmax())}."
    )
    chart = plotting.Chart(fig, alt, f"{text} {LEARNING_SOURCE}")
    numbers = {
        "byggesteiner": _block_numbers(blocks),
        "paastander": [{"id": k, "paastand": labels[k], "svar": v} for k, v in values.items()],
    }
    return plotting.Answer(f"Din vurdering. {text}", chart, numbers, LEARNING_SOURCE)


def _describe_learning(result: TeamResult) -> tuple[str, plotting.Chart, dict[str, Any]]:
    means = result.summary.item_means
    blocks = block_scores(result.scored, result.items).mean()
    text = f"{result.name}: {result.summary.respondents} svar. {_block_text(blocks)}"
    fig, _ax = profile_chart(means, result.items, title=f"Lærende organisasjon: {result.name}")
    alt = (
        f"Liggende søyler med teamets gjennomsnitt for elleve påstander, gruppert i tre byggesteiner. {text} "
        f"Lavest gjennomsnitt: påstand {statement_number(means.idxmin())} ({formatting.format_number(means.min(), 1)})."
    )
    note = " Et tomt felt teller ikke med i gjennomsnittet for den påstanden."
    caption = f"{text}{note}{_illustrative_note(result)} {LEARNING_SOURCE}"
    return text, plotting.Chart(fig, alt, caption), {"byggesteiner": _block_numbers(blocks)}


LEARNING = Survey(
    LEARNING_ITEMS,
    LEARNING_EXAMPLE,
    low=1,
    high=5,
    key="id",
    prefix="",
    source=LEARNING_SOURCE,
    one_scale=False,
    describe=_describe_learning,
)
"""Learning organisation: eleven statements (``u01`` ... ``u11``) in three building blocks, 1-5, none reversed."""


def subarea_table(responses: pd.DataFrame) -> pd.DataFrame:
    """The team's mean per sub-area, lowest first: where to start the conversation."""
    items = LEARNING.items()
    answered = responses[LEARNING.columns(items)]
    table = pd.DataFrame(
        {
            "Delområde": items["delomrade"],
            "Byggestein": items["byggestein"],
            "Gjennomsnitt": answered.mean().to_numpy(),
            "Antall svar": answered.notna().sum().to_numpy(),
        }
    )
    return table.sort_values("Gjennomsnitt", kind="stable").set_index("Delområde")
