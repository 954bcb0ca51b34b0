"""The participant's own project: the need it answers, and a plan in five stages.

The five stages are the model for practice-near research, development and innovation that
Helseinnovasjonssenteret showed in a presentation (a seed document; no published report was
found): the idea or need is checked for relevance, the need is verified through insight, the
concept is checked, the work is planned, and the result is closed and spread. Functions
are pure: form values in, a :class:`Entry` out, which the notebook shows and «Lagre i
prosjektet mitt» saves.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import sections
from .errors import InputError, join_words

STAGES = [
    "Idé eller behov sjekkes mot relevans",
    "Behovet verifiseres gjennom innsikt",
    "Konseptet sjekkes ut",
    "Planlegging",
    "Avslutning og spredning av resultatet",
]
STATUSES = ["Ikke startet", "I gang", "Ferdig"]
# What the project file stores for each status (data, never the label the participant sees).
STATUS_CODES = {"Ikke startet": "ikke_startet", "I gang": "i_gang", "Ferdig": "ferdig"}
SOURCE = (
    "Fem steg for praksisnær forskning, utvikling og innovasjon, slik Helseinnovasjonssenteret viste dem "
    "i presentasjonen «Hvordan skape raskere innovasjon i helsesektoren»."
)


@dataclass
class Entry:
    """What a project form produced: shown as HTML, saved with :meth:`record`."""

    heading: str
    text: str
    fields: dict
    data: dict = field(default_factory=dict)

    def _repr_html_(self) -> str:
        rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in self.fields.items())
        return (
            f'<div class="hi-svar" role="status"><p><strong>{html.escape(self.heading)}</strong></p>'
            f"<p>{html.escape(self.text)}</p><dl>{rows}</dl></div>"
        )

    def record(self) -> dict:
        """The sentence, a readable snapshot («felt», for the report) and the data to resume from."""
        record = {"tekst": self.text, "felt": dict(self.fields)}
        return {**record, "tall": dict(self.data)} if self.data else record


# The need form's parameters, the labels the participant sees, and the keys the data is saved under.
NEED_FIELDS = {
    "title": "Prosjektets navn",
    "problem": "Problemet, og hvem det gjelder",
    "relevance": "Hvorfor det er viktig nå (relevans)",
    "insight": "Hvordan behovet er sjekket (innsikt)",
}
NEED_KEYS = {"title": "tittel", "problem": "problem", "relevance": "relevans", "insight": "innsikt"}
# What the forms show before anything is saved: an example project (digital night supervision).
EXAMPLE = {
    "behov": {
        "title": "Digitalt tilsyn om natten",
        "problem": "Nattevakten i hjemmetjenesten bruker mye tid på å kjøre til tjenestemottakere som sover trygt, og har "
        "lite tid til dem som trenger hjelp.",
        "relevance": "Antallet eldre som bor hjemme, øker, og det er vanskelig å rekruttere nattevakter.",
        "insight": "Vi har talt besøkene i fire uker og snakket med seks tjenestemottakere og deres pårørende.",
    },
    "plan": {},
    "notater": {"text": "Spørre lederen om vi kan prøve digitalt tilsyn hos tre tjenestemottakere i januar."},
}


def _required(value: str, label: str, *, minimum: int = 1, maximum: int = 2000) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise InputError("feltet er tomt", f"Skriv noen ord om {label.lower()}.", field=label)
    if len(text) < minimum:
        raise InputError(
            f"teksten er for kort ({len(text)} tegn)",
            f"Skriv minst {minimum} tegn, gjerne et par hele setninger.",
            field=label,
        )
    if len(text) > maximum:
        raise InputError(
            f"teksten er for lang ({len(text)} tegn)", f"Kort den ned til høyst {maximum} tegn.", field=label
        )
    return text


def need_statement(title: str, problem: str, relevance: str, insight: str) -> Entry:
    """The need or problem the project answers, checked for relevance and verified by insight."""
    given = {"title": title, "problem": problem, "relevance": relevance, "insight": insight}
    values = {
        name: _required(
            given[name],
            NEED_FIELDS[name],
            minimum=1 if name == "title" else 20,
            maximum=120 if name == "title" else 2000,
        )
        for name in NEED_FIELDS
    }
    fields = {NEED_FIELDS[name]: value for name, value in values.items()}
    return Entry(
        f"Behov: {values['title']}",
        values["problem"],
        fields,
        {NEED_KEYS[name]: value for name, value in values.items()},
    )


def stage_plan(**stages: str) -> Entry:
    """Status and next step for each of the five stages: ``status_1=..., neste_1=...`` and so on."""
    fields, steps = {}, []
    for number, stage in enumerate(STAGES, start=1):
        status = stages.get(f"status_{number}", STATUSES[0])
        if status not in STATUSES:
            raise InputError(f"statusen «{status}» finnes ikke", f"Velg {', '.join(STATUSES)}.", field=stage)
        step = " ".join(str(stages.get(f"neste_{number}", "") or "").split())
        if len(step) > 300:
            raise InputError("teksten er for lang", "Skriv neste steg med høyst 300 tegn.", field=stage)
        fields[f"{number}. {stage}"] = f"{status}" + (f": {step}" if step else "")
        steps.append({"nr": number, "status": STATUS_CODES[status], "neste": step})
    done = sum(1 for number in range(1, 6) if stages.get(f"status_{number}") == "Ferdig")
    current = next((STAGES[n - 1] for n in range(1, 6) if stages.get(f"status_{n}", STATUSES[0]) != "Ferdig"), None)
    text = f"{done} av 5 steg er ferdige. " + (
        f"Neste steg: {current.lower()}." if current else "Alle stegene er ferdige."
    )
    return Entry("Plan i fem steg", text, fields, {"steg": steps})


def notes(text: str) -> Entry:
    """Free notes for the project."""
    return Entry("Notater", _required(text, "Notater", maximum=5000), {})


def _saved_values(key: str, data: dict[str, Any], text: str) -> dict[str, str]:
    """Form values back from the data (never the labels) :meth:`Entry.record` saved in section ``key``."""
    if key == sections.BEHOV.key:
        return {name: str(data[stored]) for name, stored in NEED_KEYS.items() if data.get(stored)}
    if key == sections.PLAN.key:
        labels = {code: label for label, code in STATUS_CODES.items()}
        values = {}
        for step in data.get("steg", []) if isinstance(data.get("steg"), list) else []:
            number = step.get("nr") if isinstance(step, dict) else None
            if isinstance(number, int) and 1 <= number <= len(STAGES) and step.get("status") in labels:
                values[f"status_{number}"] = labels[step["status"]]
                values[f"neste_{number}"] = str(step.get("neste") or "")
        return values
    return {"text": text} if text else {}


EXAMPLE_LINE = "Skjemaene viser et eksempel (digitalt tilsyn om natten). Bytt det ut med ditt eget prosjekt."
_FOUND_NAMES = {"behov": "behovet", "plan": "planen", "notater": "notatene"}


def values_from_saved(saved: Mapping[str, Mapping[str, Any]]) -> tuple[dict[str, dict[str, str]], str] | None:
    """The forms' values from what is saved (section key -> «innhold»), over the example; with a
    Norwegian sentence naming what was found. None when nothing is saved."""
    values = {key: dict(example) for key, example in EXAMPLE.items()}
    found = []
    for key in values:
        content = saved.get(key) or {}
        data: dict[str, Any] = content["tall"] if isinstance(content.get("tall"), dict) else {}
        restored = _saved_values(key, data, str(content.get("tekst") or ""))
        if restored:
            values[key] = {**values[key], **restored}
            found.append(key)
    if not found:
        return None
    said = join_words([_FOUND_NAMES[k] for k in found])
    return values, f"Skjemaene starter med {said} du har lagret i prosjektfilen."
