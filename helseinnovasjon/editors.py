"""The notebooks' editors and forms: what a participant builds up and saves.

Each one wires pure functions of a topic module to widgets (:mod:`helseinnovasjon.ui`); none
computes anything itself. The stakeholder map and the participation ladder share one list of
stakeholders; «Din kommune» fetches from SSB or reads SSB's files; the care-logic sorting asks
one question per statement.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from . import carelogics, comparison, participation, sections, ssb, stakeholder_maps, statbank, ui, workbook
from . import stakeholders as st
from .errors import InputError

_WIDE = {"style": {"description_width": "9em"}, "layout": widgets.Layout(width="34em", max_width="100%")}


# -- «Interessentkart» ------------------------------------------------------------------------


def stakeholder_form(*, group: str = "Andre") -> dict[str, Any]:
    """The editor's form: name, group, the three scores and the two yes/no attributes."""
    scale = [(f"{n}{' (svært liten)' if n == 1 else ' (svært stor)' if n == 5 else ''}", n) for n in range(1, 6)]
    attitudes = [(f"{st.ATTITUDES[n]} ({n:+d})".replace("+0", "0").replace("-", "−"), n) for n in st.ATTITUDES]
    return {
        "navn": widgets.Text(description="Navn:", placeholder="for eksempel «Pårørende»", **_WIDE),
        "gruppe": widgets.Combobox(description="Gruppe:", options=st.GROUPS, value=group, ensure_option=False, **_WIDE),
        "makt": widgets.Dropdown(description="Makt:", options=scale, value=3, **_WIDE),
        "interesse": widgets.Dropdown(description="Interesse:", options=scale, value=3, **_WIDE),
        "holdning": widgets.Dropdown(description="Holdning:", options=attitudes, value=0, **_WIDE),
        "legitimitet": widgets.Checkbox(description="Har et rimelig krav (legitimitet)", indent=False),
        "hast": widgets.Checkbox(description="Kravet haster (hast)", indent=False),
    }


def stakeholder_view(items: Sequence[st.Stakeholder]) -> HTML:
    """The editor's picture: the grid and the table (or a hint when the list is empty)."""
    if not items:
        return HTML('<p role="status">Lista er tom. Fyll ut skjemaet over og trykk «Legg til».</p>')
    return HTML(
        f'<p class="hi-svar" role="status"><strong>{html.escape(st.summary(items))}</strong></p>'
        + stakeholder_maps.grid(items, title="Mitt interessentkart").to_html()
        + stakeholder_maps.salience_chart(items).to_html()
        + ui.table(st.overview(items), caption="Interessentene, med forslag til hvordan du involverer dem").data
    )


def stakeholder_editor(items: Sequence[st.Stakeholder], *, path: Path | None = None) -> ui.RecordEditor:
    """«Mine interessenter»: the form, the list, the grid, CSV import and «Lagre i prosjektet mitt»."""
    return ui.RecordEditor(
        stakeholder_form(),
        items,
        apply=st.apply,
        values=st.form_values,
        label=st.label,
        view=stakeholder_view,
        load=st.import_csv,
        save=(sections.INTERESSENTER, "Interessentkart"),
        content=st.content,
        path=path,
        note="Skjemaet, lista og kartet virker når notatboka kjører.",
    )


def export_stakeholder_map(
    items: Sequence[st.Stakeholder], folder: str | Path = ".", stem: str = "interessentkart"
) -> list[Path]:
    """Save the grid as PNG and SVG and the list as CSV (Norwegian Excel) next to the notebook."""
    if not items:
        raise InputError("lista er tom", "Legg til interessenter før du lagrer bildet.")
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        chart = stakeholder_maps.grid(items, title="Mitt interessentkart")
        made = [
            chart.save(folder / f"{stem}.png"),
            chart.save(folder / f"{stem}.svg"),
            _write_bytes(folder / f"{stem}.csv", st.to_csv(items)),
        ]
    except PermissionError:
        raise InputError(
            f"kan ikke lagre i mappen «{folder}»", "Velg en mappe du kan skrive i. Lista di er ikke borte."
        ) from None
    return [p.resolve() for p in made]


def _write_bytes(path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    return path


# -- «Brukermedvirkning» ----------------------------------------------------------------------


def ladder_form() -> dict[str, Any]:
    """Two drop-downs: the rung a stakeholder stands on now, and the planned rung."""
    wide = {"style": {"description_width": "9em"}, "layout": widgets.Layout(width="30em", max_width="100%")}
    return {
        "trinn_naa": widgets.Dropdown(
            description="Trinn nå:", options=participation.rung_options(), value=None, **wide
        ),
        "trinn_maal": widgets.Dropdown(
            description="Trinn planlagt:", options=participation.rung_options(), value=None, **wide
        ),
    }


def ladder_view(items: Sequence[st.Stakeholder]) -> HTML:
    """The editor's picture: the ladder chart and a table (or a hint when nobody is placed)."""
    placed = participation.placements(items)
    if not placed:
        return HTML(
            '<p role="status">Ingen er plassert på stigen ennå. Velg en interessent i lista, velg trinn '
            "og trykk «Lagre plassering».</p>"
        )
    ladder = participation.LADDER
    frame = pd.DataFrame(
        [
            {
                "Navn": p.item.name,
                "Gruppe": p.item.group,
                "Nå": f"{p.now} {ladder[p.now]}",
                "Planlagt": f"{p.goal} {ladder[p.goal]}",
                "Norsk grad nå": participation.degree(p.now),
                "Norsk grad planlagt": participation.degree(p.goal),
            }
            for p in placed
        ]
    )
    return HTML(
        f'<p class="hi-svar" role="status"><strong>{html.escape(participation.content(items)["tekst"])}'
        "</strong></p>"
        + participation.chart(items).to_html()
        + ui.table(frame, caption="Plassering på stigen, nå og planlagt").data
    )


def ladder_editor(items: Sequence[st.Stakeholder], *, path: Path | None = None) -> ui.RecordEditor:
    """Place each stakeholder on the ladder; saves to the section «medvirkning»."""
    return ui.RecordEditor(
        ladder_form(),
        items,
        apply=participation.place,
        values=participation.form_values,
        label=participation.label,
        view=ladder_view,
        actions={"endre": "Lagre plassering", "slett": "Fjern plassering"},
        save=(sections.MEDVIRKNING, "Brukermedvirkning"),
        content=participation.content,
        path=path,
        note="Lista og stigen virker når notatboka kjører.",
    )


# -- «Logikker i praksis» ---------------------------------------------------------------------


def care_logic_controls(statements: pd.DataFrame) -> dict[str, Any]:
    """One drop-down per statement (the whole statement shown above it) and a reflection field."""
    boxes: dict[str, Any] = {
        key: ui.question(f"{number}. {text}", carelogics.OPTIONS)
        for number, (key, text) in enumerate(statements["utsagn"].items(), start=1)
    }
    boxes["refleksjon"] = ui.text("Refleksjon (valgfritt):", long=True)
    return boxes


# -- «Din kommune» ----------------------------------------------------------------------------


def ssb_cache_folder(project_path: Path | None = None) -> Path:
    """Where fetched SSB tables are kept: a folder next to the project file."""
    return Path(project_path or workbook.default_path()).parent / ssb.CACHE_DIR


class MunicipalityView:
    """«Din kommune»'s result on screen: the projection, then the comparison and its table; saves as one record."""

    def __init__(self, result: ssb.Result) -> None:
        self.result = result

    def _repr_html_(self) -> str:
        shown = self.result.main._repr_html_()
        extra = self.result.comparison
        if extra is not None:
            compared = extra.numbers["sammenligning"]
            shown += (
                "<h3>Sammenlignet med landet og med kommuner som ligger like sentralt</h3>"
                + extra._repr_html_()
                + ui.table(comparison.table(compared), caption=f"Tallene bak figuren. {extra.source}", decimals=1).data
            )
        elif self.result.missing:
            shown += f"<p>{html.escape(self.result.missing)}</p>"
        return shown

    def record(self) -> dict:
        return self.result.record()


def municipality_form(
    *,
    workforce: str = "800",
    folder: Path | None = None,
    client: ssb.Client | None = None,
    save: tuple[sections.Section | str, str] | None = None,
    municipality: str = "",
) -> widgets.VBox:
    """«Hent fra SSB» and «Last opp filen fra SSB», the workforce field, the result and «Lagre».

    The result starts with ``municipality`` (resumed from the project file by
    :func:`helseinnovasjon.resume.municipality`) and its numbers cached in the project folder, else
    with the illustrative municipality. A request goes to SSB only when the
    participant presses «Hent fra SSB». Every failure shows one Norwegian message under the
    controls, and the last good result stays."""
    # A municipality resumed from the project file starts with its cached numbers, if any (no request).
    cached = ssb.load_cache(municipality, folder or ssb_cache_folder()) if municipality else None
    state: dict[str, ssb.Population] = {"population": cached or ssb.example_population()}
    wide = {"style": {"description_width": "initial"}, "layout": widgets.Layout(width="30em", max_width="100%")}
    choose = widgets.Combobox(
        description="Kommune (navn eller nummer):",
        options=ssb.municipality_options(),
        placeholder="for eksempel Bærum eller 3201",
        value=municipality,
        ensure_option=False,
        **wide,
    )
    people = widgets.Text(
        value=workforce, description="Ansatte i helse og omsorg i kommunen:", continuous_update=False, **wide
    )
    fetch_button = widgets.Button(
        description="Hent fra SSB",
        icon="download",
        layout=widgets.Layout(width="auto"),
        tooltip="Sender et spørsmål til SSBs åpne statistikk-API (data.ssb.no)",
    )
    refresh = widgets.Checkbox(description="Hent på nytt selv om tallene er lagret", indent=False)
    privacy = widgets.HTML(
        "<p>Først når du trykker «Hent fra SSB», sendes spørsmål til SSBs åpne statistikk-API (data.ssb.no). "
        "De inneholder bare kommunenumre: kommunen din, og kommunene den sammenlignes med. Tallene lagres i "
        "mappen «ssb-tall» ved prosjektfilen din, så notatboka virker uten nett neste gang.</p>"
    )
    upload = widgets.FileUpload(
        accept=".csv,.xlsx,.txt",
        multiple=True,
        description="Last opp filen fra SSB",
        layout=widgets.Layout(width="auto"),
    )
    message, result, present, last = ui.presenter()

    def note_missing_comparison() -> None:
        # The municipality's own result is shown; say why the comparison group is not beside it.
        problem = state["population"].comparison_error
        if problem is not None:
            message.append_display_data(HTML(ui.error_html(problem)))

    def show() -> None:
        before = last["result"]
        present(lambda: MunicipalityView(ssb.results(state["population"], people.value)))
        if last["result"] is not before:
            note_missing_comparison()

    def use(produce: Callable[[], ssb.Population]) -> None:
        def step() -> MunicipalityView:
            population = produce()
            view = MunicipalityView(ssb.results(population, people.value))
            state["population"] = population
            return view

        before = last["result"]
        present(step)
        if last["result"] is not before:
            note_missing_comparison()

    def on_fetch(_event: Any = None) -> None:
        use(lambda: ssb.fetch_or_cached(choose.value, folder or ssb_cache_folder(), client, refresh=refresh.value))

    def on_upload(_change: Any = None) -> None:
        files = [(f["name"], bytes(f["content"])) for f in upload.value]
        if files:
            use(lambda: statbank.population_from_files(files))

    fetch_button.on_click(on_fetch)
    upload.observe(on_upload, names="value")
    people.observe(lambda _change: show(), names="value")
    show()
    note = "Velg kommunen din og trykk «Hent fra SSB», eller last opp filen du lastet ned fra Statistikkbanken."
    return widgets.VBox(
        [
            widgets.HTML(ui.run_live_note(note).data),
            choose,
            people,
            widgets.HBox([fetch_button, refresh]),
            privacy,
            upload,
            message,
            result,
            *ui.save_row(save, last),
        ]
    )
