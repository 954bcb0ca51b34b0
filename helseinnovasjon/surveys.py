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
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
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
SAFETY_SCALE = (1, 7)
LEARNING_ITEMS = "laerende-organisasjon-utsagn"
LEARNING_EXAMPLE = "laerende-organisasjon-eksempel"
LEARNING_SCALE = (1, 5)
LEARNING_ANSWERS = {1: "helt uenig", 2: "litt uenig", 3: "verken enig eller uenig", 4: "litt enig", 5: "helt enig"}

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


def safety_items(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """The seven psychological-safety statements (nr, utsagn, kort, omvendt), in order."""
    return data.load_table(SAFETY_ITEMS, data_dir)


def learning_items(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """The eleven learning-organisation statements (id, byggestein, delomrade, utsagn, kort)."""
    return data.load_table(LEARNING_ITEMS, data_dir)


def safety_columns(items: pd.DataFrame) -> list[str]:
    """Column names of the answer table: ``p1`` ... ``p7``."""
    return [f"p{nr}" for nr in items["nr"]]


def reversed_columns(items: pd.DataFrame) -> list[str]:
    """The answer columns of the negatively worded statements (``p1``, ``p3``, ``p5``)."""
    return [f"p{nr}" for nr, rev in zip(items["nr"], items["omvendt"]) if rev == "ja"]


def statement_table(kind: str = "trygghet") -> pd.DataFrame:
    """The statements as the notebooks show them."""
    if kind not in ("trygghet", "laering"):
        raise ValueError(f"unknown survey {kind!r}: use 'trygghet' or 'laering'")
    if kind == "trygghet":
        items = safety_items()
        return pd.DataFrame(
            {
                "Nr.": items["nr"],
                "Påstand": items["utsagn"],
                "Snus?": items["omvendt"].map({"ja": "ja (8 − svaret)", "nei": ""}),
            }
        )
    items = learning_items()
    return pd.DataFrame(
        {
            "Nr.": [int(i[1:]) for i in items["id"]],
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


def _answer_schema(columns: list[str], low: int, high: int) -> dict:
    def aliases(column: str) -> list[str]:
        number = str(int(column[1:]))
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


def summarise(
    responses: pd.DataFrame, reverse: Iterable[str], low: int, high: int, minimum: int = MIN_RESPONDENTS
) -> Summary:
    """Item means, scale mean and alpha for a team, or an error if too few answered."""
    answered = responses[responses.notna().any(axis=1)]
    check_anonymity(len(answered), minimum)
    scored = score(answered, reverse, low, high)
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


# -- psychological safety -----------------------------------------------------------------


def load_safety_example(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """The illustrative team: 12 answers, made for the course."""
    return data.load_table(SAFETY_EXAMPLE, data_dir).astype("float64")


def _team_name(team: str, default: str) -> str:
    return " ".join(str(team or "").split())[:60] or default


def safety_text(summary: Summary, items: pd.DataFrame, team: str) -> str:
    """The team's result in plain Norwegian (no benchmarks: there are none for this version)."""
    means = summary.item_means
    lowest = means.idxmin()
    low_label = dict(zip(safety_columns(items), items["kort"]))[lowest]
    text = (
        f"{team}: {summary.respondents} svar. Gjennomsnittet er {formatting.format_number(summary.scale_mean, 1)} "
        f"på en skala fra 1 til 7, der høyere betyr tryggere. Lavest: påstand {lowest[1:]} "
        f"«{low_label}» ({formatting.format_number(means[lowest], 1)})."
    )
    if summary.scored_people < summary.respondents:
        gone = summary.respondents - summary.scored_people
        text += f" {gone} svarte på færre enn halvparten av påstandene og er ikke med i gjennomsnittet."
    return text


def safety_chart(
    responses: pd.DataFrame, summary: Summary, items: pd.DataFrame, *, team: str, illustrative: bool = False
) -> plotting.Chart:
    """How the answers to each statement are spread, after reversing (7 is always safest)."""
    low, high = SAFETY_SCALE
    columns = safety_columns(items)
    scored = score(responses[responses.notna().any(axis=1)], reversed_columns(items), low, high)
    labels = [
        f"{nr}. {short}{' (snudd)' if rev == 'ja' else ''}"
        for nr, short, rev in zip(items["nr"], items["kort"], items["omvendt"])
    ]
    shares = pd.DataFrame(
        {
            str(v): [100 * (scored[c] == v).sum() / scored[c].notna().sum() for c in columns]
            for v in range(low, high + 1)
        },
        index=labels,
    )
    fig, ax = plotting.stacked_shares(
        shares, title=f"Psykologisk trygghet: {team}", legend_title="Skår etter snuing (1 = minst trygt, 7 = tryggest)"
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
        f"av de sju påstandene. Høyest gjennomsnitt har påstand {means.idxmax()[1:]} "
        f"({formatting.format_number(means.max(), 1)}), lavest påstand {means.idxmin()[1:]} "
        f"({formatting.format_number(means.min(), 1)})."
    )
    caption = (
        f"{safety_text(summary, items, team)} Påstand 1, 3 og 5 er snudd (8 − svaret), så høyere skår "
        f"betyr alltid tryggere. {summary.alpha_note}{' ' + ILLUSTRATIVE if illustrative else ''} {SAFETY_SOURCE}"
    )
    return plotting.Chart(fig, alt, caption)


def safety_team(responses: pd.DataFrame, team: str = "", *, illustrative: bool = False) -> plotting.Answer:
    """A team's psychological-safety result: a sentence, the distribution chart, and the numbers to save.

    Only aggregates are kept for saving, never anyone's single answers."""
    items = safety_items()
    columns = safety_columns(items)
    missing = [c for c in columns if c not in responses.columns]
    if missing:
        raise InputError(f"svartabellen mangler kolonnene {', '.join(missing)}")
    responses = responses[columns]
    low, high = SAFETY_SCALE
    summary = summarise(responses, reversed_columns(items), low, high)
    name = _team_name(team, "Teamet")
    numbers = {
        "team": name,
        "antall_svar": summary.respondents,
        "snitt_skala": round(summary.scale_mean, 2),
        "paastander": [
            {
                "paastand": f"{nr}. {short}",
                "snitt": round(float(summary.item_means[f"p{nr}"]), 2),
                "antall_svar": int(summary.item_answers[f"p{nr}"]),
            }
            for nr, short in zip(items["nr"], items["kort"])
        ],
        "cronbachs_alfa": None if summary.alpha is None else round(summary.alpha, 3),
        "merknad": summary.alpha_note,
        "illustrerende": illustrative,
    }
    chart = safety_chart(responses, summary, items, team=name, illustrative=illustrative)
    return plotting.Answer(safety_text(summary, items, name), chart, numbers, SAFETY_SOURCE)


def safety_from_csv(raw: bytes | str, team: str = "") -> plotting.Answer:
    """What the «Ditt team» form shows (and saves) for pasted or uploaded answers."""
    columns = safety_columns(safety_items())
    return safety_team(parse_responses(raw, columns, *SAFETY_SCALE), team)


def reverse_demo(responses: pd.DataFrame, rows: int = 3) -> pd.DataFrame:
    """The first few answers before and after reversing statements 1, 3 and 5 (for teaching)."""
    items = safety_items()
    reverse = reversed_columns(items)
    first = responses.head(rows)
    scored = score(first, reverse, *SAFETY_SCALE)
    table = pd.DataFrame({"Person": [f"Person {i + 1}" for i in range(len(first))]})
    for column in reverse:
        table[f"Svar på {column[1:]}"] = first[column].to_numpy()
        table[f"Skår {column[1:]} (8 − svar)"] = scored[column].to_numpy()
    return table.set_index("Person")


# -- learning organisation ----------------------------------------------------------------


def load_learning_example(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """The illustrative team: 8 answers to the eleven statements, made for the course."""
    return data.load_table(LEARNING_EXAMPLE, data_dir).astype("float64")


def example_self_assessment() -> dict[str, int]:
    """The default slider values: the first (illustrative) person in the example team."""
    first = load_learning_example().iloc[0]
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
    low, high = LEARNING_SCALE
    values = {}
    for answer in answers if isinstance(answers, list) else []:
        item = answer.get("id") if isinstance(answer, dict) else None
        if item in ids and isinstance(answer.get("svar"), (int, float)) and low <= answer["svar"] <= high:
            values[item] = round(answer["svar"])
    return values if set(values) == ids else None


def slider_labels() -> dict[str, str]:
    """Short labels for the self-assessment sliders, by statement id."""
    items = learning_items()
    return {i: f"{int(i[1:])}. {short}" for i, short in zip(items["id"], items["kort"])}


def block_scores(responses: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """Each person's score per building block: the mean of the block's statements they answered."""
    blocks = list(dict.fromkeys(items["byggestein"]))
    return pd.DataFrame({b: responses[list(items.loc[items["byggestein"] == b, "id"])].mean(axis=1) for b in blocks})


def profile_chart(means: pd.Series, items: pd.DataFrame, *, title: str) -> tuple:
    """Horizontal bars, one per statement, coloured and hatched by building block (1-5)."""
    blocks = list(dict.fromkeys(items["byggestein"]))
    labels = [f"{int(i[1:])}. {short}" for i, short in zip(items["id"], items["kort"])]
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


def self_assessment(**answers: float) -> plotting.Answer:
    """A person's own ratings of the eleven statements (1-5): block means and a profile chart."""
    items = learning_items()
    low, high = LEARNING_SCALE
    labels = slider_labels()
    values = {}
    for item in items["id"]:
        if item not in answers or answers[item] is None:
            raise InputError(
                f"påstand {int(item[1:])} mangler svar", "Gi et svar fra 1 til 5 på hver påstand.", field=labels[item]
            )
        value = float(answers[item])
        if not low <= value <= high:
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
        f"{int(row.iloc[0].idxmin()[1:])}, høyest: påstand {int(row.iloc[0].idxmax()[1:])}."
    )
    chart = plotting.Chart(fig, alt, f"{text} {LEARNING_SOURCE}")
    numbers = {
        "byggesteiner": [{"byggestein": k, "snitt": round(float(v), 2)} for k, v in blocks.items()],
        "paastander": [{"id": k, "paastand": labels[k], "svar": v} for k, v in values.items()],
    }
    return plotting.Answer(f"Din vurdering. {text}", chart, numbers, LEARNING_SOURCE)


def learning_team(responses: pd.DataFrame, team: str = "", *, illustrative: bool = False) -> plotting.Answer:
    """A team's learning-organisation profile: block means, statement means, and the chart."""
    items = learning_items()
    columns = list(items["id"])
    missing = [c for c in columns if c not in responses.columns]
    if missing:
        raise InputError(f"svartabellen mangler kolonnene {', '.join(missing)}")
    answered = responses[columns][responses[columns].notna().any(axis=1)]
    check_anonymity(len(answered))
    name = _team_name(team, "Teamet")
    means = answered.mean()
    blocks = block_scores(answered, items).mean()
    text = f"{name}: {len(answered)} svar. {_block_text(blocks)}"
    fig, _ax = profile_chart(means, items, title=f"Lærende organisasjon: {name}")
    alt = (
        f"Liggende søyler med teamets gjennomsnitt for elleve påstander, gruppert i tre byggesteiner. {text} "
        f"Lavest gjennomsnitt: påstand {int(means.idxmin()[1:])} ({formatting.format_number(means.min(), 1)})."
    )
    note = " Et tomt felt teller ikke med i gjennomsnittet for den påstanden."
    caption = f"{text}{note}{' ' + ILLUSTRATIVE if illustrative else ''} {LEARNING_SOURCE}"
    numbers = {
        "team": name,
        "antall_svar": len(answered),
        "byggesteiner": [{"byggestein": k, "snitt": round(float(v), 2)} for k, v in blocks.items()],
        "paastander": [
            {
                "paastand": f"{int(k[1:])}. {short}",
                "snitt": round(float(means[k]), 2),
                "antall_svar": int(answered[k].notna().sum()),
            }
            for k, short in zip(items["id"], items["kort"])
        ],
        "illustrerende": illustrative,
    }
    return plotting.Answer(text, plotting.Chart(fig, alt, caption), numbers, LEARNING_SOURCE)


def learning_from_csv(raw: bytes | str, team: str = "") -> plotting.Answer:
    """What the «Ditt team» form shows (and saves) for pasted or uploaded answers."""
    columns = list(learning_items()["id"])
    return learning_team(parse_responses(raw, columns, *LEARNING_SCALE), team)


def subarea_table(responses: pd.DataFrame) -> pd.DataFrame:
    """The team's mean per sub-area, lowest first: where to start the conversation."""
    items = learning_items()
    answered = responses[list(items["id"])]
    table = pd.DataFrame(
        {
            "Delområde": items["delomrade"],
            "Byggestein": items["byggestein"],
            "Gjennomsnitt": answered.mean().to_numpy(),
            "Antall svar": answered.notna().sum().to_numpy(),
        }
    )
    return table.sort_values("Gjennomsnitt", kind="stable").set_index("Delområde")
