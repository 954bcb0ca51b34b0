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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, join_words

STAGES = [
    "Idé eller behov sjekkes mot relevans",
    "Behovet verifiseres gjennom innsikt",
    "Konseptet sjekkes ut",
    "Planlegging",
    "Avslutning og spredning av resultatet",
]
STATUSES = ["Ikke startet", "I gang", "Ferdig"]
SOURCE = ("Fem steg for praksisnær forskning, utvikling og innovasjon, slik Helseinnovasjonssenteret viste dem "
          "i presentasjonen «Hvordan skape raskere innovasjon i helsesektoren».")


@dataclass
class Entry:
    """What a project form produced: shown as HTML, saved with :meth:`record`."""

    heading: str
    text: str
    fields: dict

    def _repr_html_(self) -> str:
        rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in self.fields.items())
        return (f'<div class="hi-svar" role="status"><p><strong>{html.escape(self.heading)}</strong></p>'
                f"<p>{html.escape(self.text)}</p><dl>{rows}</dl></div>")

    def record(self) -> dict:
        return {"tekst": self.text, "felt": dict(self.fields)}


# The need form's parameters and the labels its answers are saved under.
NEED_FIELDS = {
    "title": "Prosjektets navn",
    "problem": "Problemet, og hvem det gjelder",
    "relevance": "Hvorfor det er viktig nå (relevans)",
    "insight": "Hvordan behovet er sjekket (innsikt)",
}
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
        raise InputError(f"teksten er for kort ({len(text)} tegn)",
                         f"Skriv minst {minimum} tegn, gjerne et par hele setninger.", field=label)
    if len(text) > maximum:
        raise InputError(f"teksten er for lang ({len(text)} tegn)", f"Kort den ned til høyst {maximum} tegn.",
                         field=label)
    return text


def need_statement(title: str, problem: str, relevance: str, insight: str) -> Entry:
    """The need or problem the project answers, checked for relevance and verified by insight."""
    fields = {
        "Prosjektets navn": _required(title, "Prosjektets navn", maximum=120),
        "Problemet, og hvem det gjelder": _required(problem, "Problemet, og hvem det gjelder", minimum=20),
        "Hvorfor det er viktig nå (relevans)": _required(relevance, "Hvorfor det er viktig nå (relevans)", minimum=20),
        "Hvordan behovet er sjekket (innsikt)": _required(insight, "Hvordan behovet er sjekket (innsikt)", minimum=20),
    }
    return Entry(f"Behov: {fields['Prosjektets navn']}", fields["Problemet, og hvem det gjelder"], fields)


def stage_plan(**stages: str) -> Entry:
    """Status and next step for each of the five stages: ``status_1=..., neste_1=...`` and so on."""
    fields = {}
    for number, stage in enumerate(STAGES, start=1):
        status = stages.get(f"status_{number}", STATUSES[0])
        if status not in STATUSES:
            raise InputError(f"statusen «{status}» finnes ikke", f"Velg {', '.join(STATUSES)}.", field=stage)
        step = " ".join(str(stages.get(f"neste_{number}", "") or "").split())
        if len(step) > 300:
            raise InputError("teksten er for lang", "Skriv neste steg med høyst 300 tegn.", field=stage)
        fields[f"{number}. {stage}"] = f"{status}" + (f": {step}" if step else "")
    done = sum(1 for number in range(1, 6) if stages.get(f"status_{number}") == "Ferdig")
    current = next((STAGES[n - 1] for n in range(1, 6) if stages.get(f"status_{n}", STATUSES[0]) != "Ferdig"), None)
    text = (f"{done} av 5 steg er ferdige. " + (f"Neste steg: {current.lower()}." if current else "Alle stegene er ferdige."))
    return Entry("Plan i fem steg", text, fields)


def notes(text: str) -> Entry:
    """Free notes for the project."""
    return Entry("Notater", _required(text, "Notater", maximum=5000), {})


def _saved_values(key: str, fields: dict[str, Any], text: str) -> dict[str, str]:
    """Form values back from what :meth:`Entry.record` saved in section ``key``."""
    if key == "behov":
        return {name: str(fields[label]) for name, label in NEED_FIELDS.items() if fields.get(label)}
    if key == "plan":
        values = {}
        for number, stage in enumerate(STAGES, start=1):
            status, _, step = str(fields.get(f"{number}. {stage}", "")).partition(": ")
            if status in STATUSES:
                values[f"status_{number}"], values[f"neste_{number}"] = status, step
        return values
    return {"text": text} if text else {}


def start(path: Path | None = None) -> tuple[dict[str, dict[str, str]], str]:
    """What the project forms start with: the need, plan and notes saved in the project file, else
    the example. Returns the values per section (``"behov"``, ``"plan"``, ``"notater"``) and a
    Norwegian sentence saying which. A project file that cannot be read is left alone."""
    from . import workbook

    values = {key: dict(example) for key, example in EXAMPLE.items()}
    example_line = "Skjemaene viser et eksempel (digitalt tilsyn om natten). Bytt det ut med ditt eget prosjekt."
    try:
        project = workbook.load(path)
    except InputError as error:
        return values, f"{error} {example_line}"
    found = []
    for key in values:
        content = workbook.saved(project, key)
        fields = content.get("felt") if isinstance(content.get("felt"), dict) else {}
        saved = _saved_values(key, fields, str(content.get("tekst") or ""))
        if saved:
            values[key] = {**values[key], **saved}
            found.append(key)
    if not found:
        return values, example_line
    names = {"behov": "behovet", "plan": "planen", "notater": "notatene"}
    said = join_words([names[k] for k in found])
    return values, f"Skjemaene starter med {said} du har lagret i prosjektfilen."
