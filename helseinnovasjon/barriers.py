"""What hinders and what helps: rate seven factors, see them through NASSS, TICD and CFIR,
and get implementation strategies for the worst barriers.

The seven factors are those Helseinnovasjonssenteret names (technology, the patient or
target group, staff, team and collaboration, economy, governance and leadership,
regulation and law). Each is rated from −2 (hinders strongly) to +2 (helps strongly)
and, as in NASSS (Greenhalgh et al. 2017), as simple, complicated or complex. NASSS
found that technology projects with complexity in many domains were rarely taken up,
spread or sustained; an assessment with several complex factors is flagged as high risk.
Strategies come from the ERIC compilation of 73 strategies (Powell et al. 2015), in the
course's own Norwegian words, with the ERIC name kept so each can be traced.

The factors, the framework domains, the strategies and the worked example live in
``datasets/`` (see ``datapackage.json``). Everything here is pure: values in, an
:class:`Assessment` out, which notebooks show and «Lagre i prosjektet mitt» saves.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pandas as pd

from . import data, formatting, plotting
from .errors import InputError, join_words

FACTORS_TABLE = "implementeringsfaktorer"
DOMAINS_TABLE = "rammeverk-domener"
STRATEGIES_TABLE = "implementeringsstrategier"
EXAMPLE_TABLE = "eksempel-vurdering-medisineringsstotte"

FRAMEWORKS = ("NASSS", "TICD", "CFIR")
SCALE = {-2: "hemmer sterkt", -1: "hemmer litt", 0: "nøytral", 1: "fremmer litt", 2: "fremmer sterkt"}
COMPLEXITIES = ("enkel", "komplisert", "kompleks")
_COMPLEXITY_WORDS = {
    "enkel": "enkel",
    "simple": "enkel",
    "komplisert": "komplisert",
    "complicated": "komplisert",
    "kompleks": "kompleks",
    "complex": "kompleks",
}
_UNRATED = {"", "ikke vurdert", "-", "–", "none", "nan"}
HIGH_RISK_COMPLEX = 3  # «several» complex factors: NASSS' warning sign
TOP_BARRIERS = 3
MAX_NOTE = 1000


# Choices for the rating form: (label, value). Values are text, as a form gives them.
def signed(value: int) -> str:
    """A rating as the scale writes it: «−2», «0», «+1» (a real minus sign)."""
    return f"{'−' if value < 0 else '+' if value > 0 else ''}{abs(value)}"


RATING_CHOICES = [("Ikke vurdert", "")] + [(f"{signed(v)} {w}", str(v)) for v, w in SCALE.items()]
COMPLEXITY_CHOICES = [("Ikke vurdert", "")] + [(c, c) for c in COMPLEXITIES]

SOURCE = (
    "Faktorene: Helseinnovasjonssenteret. Kompleksitet: NASSS (Greenhalgh mfl. 2017). "
    "Tiltak: ERIC (Powell mfl. 2015), med kursets norske formuleringer."
)

# An illustrative project for the form's defaults (night-time digital supervision at home).
EXAMPLE_PROJECT = {
    "teknologi": ("-1", "komplisert", "Sensorene ga mange falske alarmer de første ukene."),
    "malgruppe": ("1", "komplisert", "Mange tjenestemottakere sover bedre uten at noen kommer inn om natten."),
    "ansatte": ("-2", "kompleks", "Nattevaktene er redde for at tjenestemottakerne blir mer alene."),
    "team": ("-1", "kompleks", "Dag- og nattevakt må bli enige om hvem som følger opp varslene."),
    "okonomi": ("0", "enkel", "Utstyret er betalt av et tilskudd de to første årene."),
    "styring": ("1", "komplisert", "Enhetslederen støtter prosjektet, men har lite tid."),
    "regulering": ("-1", "kompleks", "Samtykke fra tjenestemottakere med demens er ikke avklart."),
}


@dataclass(frozen=True)
class Domain:
    framework: str
    number: int
    name: str
    name_no: str


@dataclass(frozen=True)
class Factor:
    id: str
    order: int
    name: str
    description: str
    questions: tuple[str, ...]
    nasss: tuple[int, ...]
    ticd: tuple[int, ...]
    cfir: tuple[int, ...]

    def domains(self, framework: str) -> tuple[int, ...]:
        return {"NASSS": self.nasss, "TICD": self.ticd, "CFIR": self.cfir}[framework]


@dataclass(frozen=True)
class Strategy:
    factor_id: str
    action: str
    explanation: str
    eric: str


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in str(text).split(";") if part.strip())


def load_domains(data_dir: Path = data.DATA_DIR) -> dict[str, list[Domain]]:
    """The published domains of NASSS, TICD and CFIR 2.0, in order."""
    table = data.load_table(DOMAINS_TABLE, data_dir)
    out: dict[str, list[Domain]] = {name: [] for name in FRAMEWORKS}
    for row in table.sort_values(["rammeverk", "nummer"]).itertuples():
        out[row.rammeverk].append(Domain(row.rammeverk, int(row.nummer), row.domene, row.domene_norsk))
    return out


def load_factors(data_dir: Path = data.DATA_DIR) -> list[Factor]:
    """The seven factors, in Helseinnovasjonssenteret's order."""
    table = data.load_table(FACTORS_TABLE, data_dir).sort_values("rekkefolge")
    return [
        Factor(
            r.faktor_id,
            int(r.rekkefolge),
            r.faktor,
            r.beskrivelse,
            tuple(q.strip() for q in r.sporsmal.split("|") if q.strip()),
            _numbers(r.nasss),
            _numbers(r.ticd),
            _numbers(r.cfir),
        )
        for r in table.itertuples()
    ]


def load_strategies(data_dir: Path = data.DATA_DIR) -> dict[str, list[Strategy]]:
    """The suggested strategies for each factor, in order."""
    table = data.load_table(STRATEGIES_TABLE, data_dir).sort_values(["faktor_id", "rekkefolge"])
    out: dict[str, list[Strategy]] = {}
    for r in table.itertuples():
        out.setdefault(r.faktor_id, []).append(Strategy(r.faktor_id, r.tiltak, r.forklaring, r.eric_strategi))
    return out


def factor_names(data_dir: Path = data.DATA_DIR) -> dict[str, str]:
    """Factor id -> Norwegian name, in order (for the rating form)."""
    return {f.id: f.name for f in load_factors(data_dir)}


def mapping_table(data_dir: Path = data.DATA_DIR, *, english: bool = False) -> pd.DataFrame:
    """Each factor with the NASSS, TICD and CFIR domains it belongs to, by number and name."""
    domains = {fw: {d.number: d for d in ds} for fw, ds in load_domains(data_dir).items()}
    rows = []
    for factor in load_factors(data_dir):
        row = {"Faktor": factor.name}
        for fw in FRAMEWORKS:
            row[fw] = "; ".join(
                f"{n} {domains[fw][n].name if english else domains[fw][n].name_no}" for n in factor.domains(fw)
            )
        rows.append(row)
    return pd.DataFrame(rows).set_index("Faktor")


def questions_table(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """Each factor with its description and questions to reflect on."""
    return pd.DataFrame(
        [
            {"Faktor": f.name, "Hva det handler om": f.description, "Spørsmål": " ".join(f.questions)}
            for f in load_factors(data_dir)
        ]
    ).set_index("Faktor")


def strategy_table(data_dir: Path = data.DATA_DIR) -> pd.DataFrame:
    """Every suggested strategy: the factor, the course's Norwegian wording and the ERIC name."""
    names = factor_names(data_dir)
    rows = [
        {
            "Faktor": names[s.factor_id],
            "Tiltak": s.action,
            "Hva det går ut på": s.explanation,
            "ERIC-strategi (engelsk)": s.eric,
        }
        for factor_id in names
        for s in load_strategies(data_dir).get(factor_id, [])
    ]
    return pd.DataFrame(rows).set_index("Faktor")


# -- parsing what a participant entered ---------------------------------------------------


def parse_rating(value: Any, field: str) -> int | None:
    """A rating from −2 to +2 («−1», "+2", 1 ...), or None if not rated yet."""
    if value is None:
        return None
    text = " ".join(str(value).split()).replace("\u2212", "-").replace("\u2013", "-")
    if text.casefold() in _UNRATED:
        return None
    word = text.split(" ")[0]  # "−2 hemmer sterkt" -> "-2"
    try:
        number = float(word.replace(",", "."))
    except ValueError:
        raise InputError(
            f"«{text}» er ikke en vurdering på skalaen",
            "Velg et tall fra −2 (hemmer sterkt) til +2 (fremmer sterkt).",
            field=field,
        ) from None
    if number != int(number) or not -2 <= number <= 2:
        raise InputError(
            f"vurderingen {formatting.format_number(number, 2, trim=True)} er utenfor skalaen",
            "Velg et helt tall fra −2 (hemmer sterkt) til +2 (fremmer sterkt).",
            field=field,
        )
    return int(number)


def parse_complexity(value: Any, field: str) -> str | None:
    """«enkel», «komplisert» or «kompleks» (English words too), or None if not rated yet."""
    text = " ".join(str(value if value is not None else "").split()).casefold()
    if text in _UNRATED:
        return None
    if text not in _COMPLEXITY_WORDS:
        raise InputError(
            f"«{text}» er ikke et nivå av kompleksitet", "Velg enkel, komplisert eller kompleks.", field=field
        )
    return _COMPLEXITY_WORDS[text]


def parse_note(value: Any, field: str) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if len(text) > MAX_NOTE:
        raise InputError(
            f"notatet er for langt ({len(text)} tegn)",
            f"Kort det ned til høyst {MAX_NOTE} tegn. Teksten din står fortsatt i feltet.",
            field=field,
        )
    return text


# -- the assessment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    factor: Factor
    value: int | None
    complexity: str | None
    note: str

    @property
    def score(self) -> int:
        """The rating as a number; 0 for a factor not rated (use :attr:`Assessment.rated` to leave those out)."""
        return 0 if self.value is None else self.value

    @property
    def label(self) -> str:
        if self.value is None:
            return "ikke vurdert"
        return f"{signed(self.value)} ({SCALE[self.value]})"


def _complexity_rank(complexity: str | None) -> int:
    return COMPLEXITIES.index(complexity) if complexity else -1


@dataclass
class Assessment:
    """Seven rated factors, the barriers ranked, a risk flag, and strategies for the worst."""

    ratings: tuple[Rating, ...]
    strategies: dict[str, list[Strategy]]
    domains: dict[str, list[Domain]]
    title: str = "Mitt prosjekt"
    illustrative: bool = False
    _html: str | None = field(default=None, repr=False)

    @property
    def rated(self) -> list[Rating]:
        return [r for r in self.ratings if r.value is not None]

    @property
    def unrated(self) -> list[Rating]:
        return [r for r in self.ratings if r.value is None]

    @property
    def barriers(self) -> list[Rating]:
        """Factors rated below 0: the most negative first; then the more complex; then list order."""
        return sorted(
            (r for r in self.rated if r.score < 0),
            key=lambda r: (r.score, -_complexity_rank(r.complexity), r.factor.order),
        )

    @property
    def top_barriers(self) -> list[Rating]:
        return self.barriers[:TOP_BARRIERS]

    @property
    def promoters(self) -> list[Rating]:
        return sorted((r for r in self.rated if r.score > 0), key=lambda r: (-r.score, r.factor.order))

    @property
    def complex_factors(self) -> list[Rating]:
        return [r for r in self.ratings if r.complexity == "kompleks"]

    @property
    def high_risk(self) -> bool:
        return len(self.complex_factors) >= HIGH_RISK_COMPLEX

    def complex_nasss_domains(self) -> list[Domain]:
        """The NASSS domains touched by the factors rated complex."""
        numbers = sorted({n for r in self.complex_factors for n in r.factor.nasss})
        return [d for d in self.domains["NASSS"] if d.number in numbers]

    def suggestions(self, rating: Rating) -> list[Strategy]:
        return self.strategies.get(rating.factor.id, [])

    def summary(self) -> str:
        """The answer in plain Norwegian: the top barriers, what helps, and the risk."""
        parts = []
        top = self.top_barriers
        if top:
            ranked = [
                f"{i}) {r.factor.name.lower()} ({r.label.split(' ')[0]}"
                + (f", {r.complexity})" if r.complexity else ")")
                for i, r in enumerate(top, start=1)
            ]
            heading = "Den viktigste hindringen er" if len(top) == 1 else "De viktigste hindringene er"
            parts.append(f"{heading} {join_words(ranked)}.")
        elif self.rated and all(r.value == 0 for r in self.rated):
            parts.append(
                "Alle faktorene du har vurdert, står på 0 (nøytral), så det er ingen hindringer å rangere. "
                "Se på spørsmålene en gang til: det er sjelden at ingenting hemmer eller fremmer."
            )
        else:
            parts.append("Ingen av faktorene hemmer ifølge vurderingen din.")
        if self.promoters:
            parts.append(
                "Det som fremmer mest, er "
                + join_words([f"{r.factor.name.lower()} ({r.label.split(' ')[0]})" for r in self.promoters[:2]])
                + "."
            )
        complex_count = len(self.complex_factors)
        if self.high_risk:
            parts.append(
                f"Høy risiko: {complex_count} av faktorene er vurdert som komplekse. NASSS fant at løsninger "
                "med kompleksitet i mange domener sjelden ble tatt i bruk, spredd eller varig brukt. "
                "Se etter hva som kan gjøres enklere."
            )
        elif complex_count:
            one = complex_count == 1
            parts.append(
                f"{complex_count} av faktorene er vurdert som {'kompleks' if one else 'komplekse'}. "
                f"Følg med på {'den' if one else 'dem'}."
            )
        if self.unrated:
            parts.append("Ikke vurdert ennå: " + join_words([r.factor.name.lower() for r in self.unrated]) + ".")
        return " ".join(parts)

    def ranking(self) -> pd.DataFrame:
        """The top barriers with the reason given and the suggested strategies (ERIC names in brackets)."""
        rows = []
        for place, r in enumerate(self.top_barriers, start=1):
            rows.append(
                {
                    "Plass": place,
                    "Faktor": r.factor.name,
                    "Vurdering": r.label,
                    "Kompleksitet": r.complexity or "ikke vurdert",
                    "Hvorfor (ditt notat)": r.note or "(ingen notat)",
                    "Forslag til tiltak": "; ".join(f"{s.action} (ERIC: {s.eric})" for s in self.suggestions(r)),
                }
            )
        return pd.DataFrame(
            rows, columns=["Plass", "Faktor", "Vurdering", "Kompleksitet", "Hvorfor (ditt notat)", "Forslag til tiltak"]
        ).set_index("Plass")

    def explanation_html(self) -> str:
        """Each top barrier explained: the note, the framework domains, and the strategies."""
        if not self.top_barriers:
            return ""
        names = {fw: {d.number: d.name_no for d in ds} for fw, ds in self.domains.items()}
        items = []
        for r in self.top_barriers:
            where = "; ".join(
                f"{fw}: " + ", ".join(names[fw][n].lower() for n in r.factor.domains(fw)) for fw in FRAMEWORKS
            )
            steps = "".join(
                f"<li><strong>{html.escape(s.action)}.</strong> {html.escape(s.explanation)} "
                f"<em>(ERIC: {html.escape(s.eric)})</em></li>"
                for s in self.suggestions(r)
            )
            items.append(
                f"<li><strong>{html.escape(r.factor.name)}</strong>: {html.escape(r.label)}"
                f"{', ' + html.escape(r.complexity) if r.complexity else ''}. "
                f"Hvorfor: {html.escape(r.note or '(ingen notat)')}<br><small>Hører til {html.escape(where)}."
                f"</small><ul>{steps}</ul></li>"
            )
        return "<h4>Hindringene og hva dere kan gjøre</h4><ol>" + "".join(items) + "</ol>"

    def _repr_html_(self) -> str:
        if self._html is None:
            self._html = (
                f'<div class="hi-svar" role="status"><p><strong>{html.escape(self.title)}:</strong> '
                f"{html.escape(self.summary())}</p></div>"
                + diverging_chart(self).to_html()
                + complexity_strip(self).to_html()
                + self.explanation_html()
            )
        return self._html

    def record(self) -> dict:
        """What «Lagre i prosjektet mitt» keeps: the sentence, each factor, the top barriers and strategies."""
        fields = {
            r.factor.name: f"{r.label}, {r.complexity or 'kompleksitet ikke vurdert'}"
            + (f". {r.note}" if r.note else "")
            for r in self.ratings
        }
        numbers = {
            "tittel": self.title,
            "vurderinger": {r.factor.id: r.value for r in self.ratings},
            "kompleksitet": {r.factor.id: r.complexity for r in self.ratings},
            "notater": {r.factor.id: r.note for r in self.ratings},
            "hoy_risiko": self.high_risk,
            "viktigste_hindringer": [r.factor.name for r in self.top_barriers],
            "tiltak": {
                r.factor.id: [f"{s.action} (ERIC: {s.eric})" for s in self.suggestions(r)] for r in self.top_barriers
            },
        }
        return {"tekst": f"{self.title}: {self.summary()}", "felt": fields, "tall": numbers, "kilde": SOURCE}


def assess(
    entries: Mapping[str, Any],
    *,
    title: str = "Mitt prosjekt",
    illustrative: bool = False,
    data_dir: Path = data.DATA_DIR,
) -> Assessment:
    """Rate the seven factors. ``entries`` maps a factor id to ``(rating, complexity, note)``
    or to a dict with ``vurdering``, ``kompleksitet`` and ``notat``; missing factors are unrated."""
    factors = load_factors(data_dir)
    known = {f.id for f in factors}
    unknown = [k for k in entries if k not in known]
    if unknown:
        raise InputError(f"faktoren «{unknown[0]}» finnes ikke", f"Bruk en av disse: {', '.join(sorted(known))}.")
    ratings = []
    for factor in factors:
        entry = entries.get(factor.id, ("", "", ""))
        if isinstance(entry, Mapping):
            entry = (entry.get("vurdering"), entry.get("kompleksitet"), entry.get("notat"))
        value, complexity, note = ([*list(entry), None, None, None])[:3]
        ratings.append(
            Rating(
                factor,
                parse_rating(value, factor.name),
                parse_complexity(complexity, factor.name),
                parse_note(note, factor.name),
            )
        )
    if not any(r.value is not None for r in ratings):
        raise InputError(
            "ingen av faktorene er vurdert ennå",
            "Velg en vurdering fra −2 (hemmer sterkt) til +2 (fremmer sterkt) for minst én faktor.",
        )
    clean_title = " ".join(str(title or "").split())[:80] or "Mitt prosjekt"
    return Assessment(tuple(ratings), load_strategies(data_dir), load_domains(data_dir), clean_title, illustrative)


def assess_form(tittel: str = "Mitt prosjekt", **values: Any) -> Assessment:
    """What the rating form shows and saves: ``vurdering_<id>``, ``kompleksitet_<id>`` and ``notat_<id>``."""
    ids = {key.split("_", 1)[1] for key in values if "_" in key}
    entries = {
        i: (values.get(f"vurdering_{i}"), values.get(f"kompleksitet_{i}"), values.get(f"notat_{i}")) for i in ids
    }
    return assess(entries, title=tittel)


EXAMPLE_TITLE = "Digitalt tilsyn om natten"


EXAMPLE_LINE = "Skjemaet er fylt ut med et eksempel (digitalt tilsyn om natten). Bytt det ut med ditt eget prosjekt."


def defaults_from_saved(content: Mapping[str, Any]) -> tuple[str, dict[str, tuple[str, str, str]]] | None:
    """The rating form's title and ``(rating, complexity, note)`` per factor id from what is saved in
    section «hindringer»; None when no ratings are saved."""
    saved = content.get("tall")
    ratings = saved.get("vurderinger") if isinstance(saved, dict) else None
    if not isinstance(saved, dict) or not isinstance(ratings, dict) or not ratings:
        return None
    known = {f.id for f in load_factors()}

    def text(key: str, factor: str) -> str:
        part = saved.get(key)
        value = part.get(factor) if isinstance(part, dict) else None
        return "" if value is None else str(value)

    defaults = {f: (text("vurderinger", f), text("kompleksitet", f), text("notater", f)) for f in known}
    # a hand-edited file may hold values the drop-downs do not offer: start those unrated
    offered_ratings, offered_levels = {v for _, v in RATING_CHOICES}, {v for _, v in COMPLEXITY_CHOICES}
    defaults = {
        f: (r if r in offered_ratings else "", c if c in offered_levels else "", n) for f, (r, c, n) in defaults.items()
    }
    return str(saved.get("tittel") or "Mitt prosjekt"), defaults


def load_example(data_dir: Path = data.DATA_DIR) -> Assessment:
    """The worked example: electronic medication support, as the course rates it (illustrative)."""
    table = data.load_table(EXAMPLE_TABLE, data_dir)
    entries = {r.faktor_id: (r.vurdering, r.kompleksitet, r.notat or "") for r in table.itertuples()}
    return assess(
        entries, title="Elektronisk medisineringsstøtte (kursets eksempel)", illustrative=True, data_dir=data_dir
    )


# -- charts -----------------------------------------------------------------------------------


def _note(assessment: Assessment) -> str:
    return " Vurderingen er illustrerende, skrevet for kurset." if assessment.illustrative else ""


def diverging_chart(assessment: Assessment) -> plotting.Chart:
    """Horizontal bars from 0: left (vermilion, hatched) hinders, right (blue) helps."""
    ratings = list(assessment.ratings)
    fig, ax = plotting.new_figure((8.5, 4.2), margins={"left": 0.34, "right": 0.96, "top": 0.88, "bottom": 0.2})
    positions = list(range(len(ratings)))
    with mpl.rc_context(plotting.STYLE):
        for pos, r in zip(positions, ratings):
            if r.value is None:
                ax.text(0, pos, "ikke vurdert", ha="center", va="center", fontsize=9, color="#595959", style="italic")
                continue
            if r.value == 0:
                ax.plot([0], [pos], marker="o", color=plotting.INK, markersize=6)
                ax.text(0.12, pos, "0", va="center", fontsize=10)
                continue
            hinders = r.value < 0
            ax.barh(
                pos,
                r.value,
                height=0.6,
                color=plotting.CATEGORICAL[3] if hinders else plotting.CATEGORICAL[0],
                hatch="//" if hinders else "",
                edgecolor="white",
                linewidth=0.8,
            )
            ax.text(
                r.value + (-0.08 if hinders else 0.08),
                pos,
                r.label.split(" ")[0],
                va="center",
                ha="right" if hinders else "left",
                fontsize=10,
                fontweight="bold",
            )
        ax.axvline(0, color=plotting.INK, linewidth=1)
        ax.set_yticks(positions, [r.factor.name for r in ratings])
        ax.invert_yaxis()
        ax.set_xlim(-2.6, 2.6)
        ax.set_xticks([-2, -1, 0, 1, 2], ["−2\nhemmer\nsterkt", "−1", "0\nnøytral", "+1", "+2\nfremmer\nsterkt"])
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", length=0)
        plotting.figure_title(fig, "Hva hemmer og hva fremmer?", x=0.02, y=0.98)
    alt = (
        "Liggende søyler fra midten for sju faktorer; til venstre hemmer, til høyre fremmer. "
        + "; ".join(f"{r.factor.name}: {r.label}" for r in ratings)
        + "."
    )
    caption = (
        f"{assessment.title}. Søyler mot venstre (skravert) hemmer, søyler mot høyre fremmer."
        f"{_note(assessment)} Faktorene: Helseinnovasjonssenteret."
    )
    return plotting.Chart(fig, alt, caption)


def complexity_strip(assessment: Assessment) -> plotting.Chart:
    """One cell per factor, darker the more complex (cividis), the level written in each cell."""
    ratings = list(assessment.ratings)
    light_to_dark = list(reversed(plotting.sequential(3)))  # enkel light, kompleks dark
    colours = dict(zip(COMPLEXITIES, light_to_dark))
    fig, ax = plotting.new_figure((9.0, 2.4), margins={"left": 0.02, "right": 0.98, "top": 0.78, "bottom": 0.32})
    with mpl.rc_context(plotting.STYLE):
        for i, r in enumerate(ratings):
            colour = colours.get(r.complexity or "", "white")
            ax.add_patch(mpl.patches.Rectangle((i, 0), 0.96, 1, facecolor=colour, edgecolor="#595959", linewidth=0.8))
            ax.text(
                i + 0.48,
                0.5,
                r.complexity or "ikke\nvurdert",
                ha="center",
                va="center",
                fontsize=10,
                color=plotting.text_colour(colour),
                fontweight="bold" if r.complexity == "kompleks" else "normal",
            )
        ax.set_xlim(-0.02, len(ratings))
        ax.set_ylim(0, 1)
        ax.set_xticks(
            [i + 0.48 for i in range(len(ratings))], [textwrap.fill(r.factor.name, 14) for r in ratings], fontsize=9
        )
        ax.set_yticks([])
        ax.grid(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="x", length=0)
        count = len(assessment.complex_factors)
        title = "Kompleksitet (NASSS)" + (": høy risiko" if assessment.high_risk else "")
        plotting.figure_title(fig, title, x=0.02, y=0.98)
    alt = (
        "Rad med sju felt, ett per faktor, mørkere jo mer komplekst: "
        + "; ".join(f"{r.factor.name}: {r.complexity or 'ikke vurdert'}" for r in ratings)
        + "."
    )
    risk = (
        " Flere komplekse faktorer er et varselsignal: i NASSS ble slike løsninger sjelden tatt i bruk."
        if assessment.high_risk
        else ""
    )
    caption = (
        f"{count} av {len(ratings)} faktorer er vurdert som komplekse.{risk}{_note(assessment)} "
        "Skalaen enkel – komplisert – kompleks: NASSS (Greenhalgh mfl. 2017)."
    )
    return plotting.Chart(fig, alt, caption)
