"""ipywidgets builders with Norwegian labels, and the one way errors are shown.

Widgets here only wire controls to the pure functions of the domain modules. Two
kinds of control are used in the book, and each page says which it has:

* :func:`choice` shows one of a few precomputed views. It is linked in the browser
  (``jslink``), so it also works on the static website, with no Python running.
* Controls that must compute (sliders, forms) need a running notebook. Their static
  page shows the result at the default values, marked with :func:`run_live_note`.

Errors a participant can cause arrive as :class:`~helseinnovasjon.errors.InputError`
and are shown by :func:`show_error` as a Norwegian message, never as a traceback.
"""

from __future__ import annotations

import functools
import html
import numbers
import traceback
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets
from IPython.display import HTML, display

from . import sections
from .errors import InputError
from .formatting import format_number


def _fit() -> widgets.Layout:
    """A button as wide as its Norwegian label (the default width cuts «Lagre i prosjektet mitt»)."""
    return widgets.Layout(width="auto")


ERROR_STYLE = (
    "border-left:4px solid #b30000;background:#fff4f4;color:#1a1a1a;"
    "padding:0.6em 0.9em;margin:0.5em 0;border-radius:3px"
)


def error_html(error: BaseException) -> str:
    """The HTML box for an error: the Norwegian message, or a calm general one."""
    if isinstance(error, InputError):
        text = html.escape(str(error))
    else:
        text = (
            "Noe gikk galt som ikke skyldes det du skrev inn. Det du har lagt inn er ikke "
            "borte. Prøv igjen, eller vis denne meldingen til kursholderen: "
            f"<code>{html.escape(type(error).__name__)}: {html.escape(str(error))}</code>"
        )
    return f'<div role="alert" class="hi-feil" style="{ERROR_STYLE}"><strong>Obs!</strong> {text}</div>'


def show_error(error: BaseException) -> None:
    """Show an error as a Norwegian message box in the notebook."""
    display(HTML(error_html(error)))


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Run a block; show any error as a Norwegian message instead of a traceback.

    Unexpected errors (bugs, not input) also print their traceback to the log
    (stderr) so a teacher can report them, but the participant sees plain text.
    """
    try:
        yield
    except Exception as error:
        if not isinstance(error, InputError):
            traceback.print_exc(limit=3)
        show_error(error)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a widget callback so that errors show as Norwegian messages."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with friendly_errors():
            return func(*args, **kwargs)
        return None

    return wrapper


def choice(
    label: str,
    options: Iterable[str],
    render: Callable[[str], Any],
    *,
    value: str | None = None,
) -> widgets.VBox:
    """A drop-down that switches between precomputed views, also on the static site.

    ``render(option)`` returns what to show for one option (a
    :class:`~helseinnovasjon.plotting.Chart`, text, a table ...). Every view is
    rendered once, up front, and the drop-down is linked to them in the browser, so
    no Python needs to run when the reader changes the choice.
    """
    options = [str(o) for o in options]
    if not options:
        raise ValueError("choice() needs at least one option")
    dropdown = widgets.Dropdown(
        options=options,
        value=value if value is not None else options[0],
        description=label,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="max-content", max_width="100%"),
    )
    pages = []
    for option in options:
        page = widgets.Output()
        try:
            page.append_display_data(render(option))
        except Exception as error:
            page.append_display_data(HTML(error_html(error)))
        pages.append(page)
    stack = widgets.Stack(pages, selected_index=dropdown.index)
    widgets.jslink((dropdown, "index"), (stack, "selected_index"))
    return widgets.VBox([dropdown, stack])


def slider(label: str, low: float, high: float, step: float, value: float, unit: str = "%") -> widgets.FloatSlider:
    """A labelled slider (arrow keys move it). Its own readout would show a decimal point,
    so :func:`live_form` puts a Norwegian readout («0,5 %») beside it instead."""
    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=f"{label} ({unit})" if unit else label,
        readout=False,
        continuous_update=False,
        style={"description_width": "18em"},
        layout=widgets.Layout(width="34em", max_width="100%"),
    )


def text(label: str, value: str = "", *, long: bool = False) -> widgets.ValueWidget:
    """A labelled text field (``long``: several lines). It reports its value when the
    participant leaves the field, so a half-written sentence is not judged."""
    box = widgets.Textarea if long else widgets.Text
    return box(
        value=value,
        description=label,
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="40em", max_width="100%", height="5em" if long else None),
    )


def stage_controls(
    stages: list[str], statuses: list[str], values: Mapping[str, str] | None = None
) -> dict[str, widgets.ValueWidget]:
    """A status drop-down and a «next step» field for each stage of a plan, filled from
    ``values`` (``status_1``, ``neste_1`` ...) where given."""
    values = values or {}
    controls: dict[str, widgets.ValueWidget] = {}
    for number, stage in enumerate(stages, start=1):
        status = values.get(f"status_{number}")
        controls[f"status_{number}"] = widgets.Dropdown(
            options=statuses,
            description=f"{number}. {stage}:",
            value=status if status in statuses else statuses[0],
            style={"description_width": "initial"},
        )
        controls[f"neste_{number}"] = text(f"Neste steg ({number}):", values.get(f"neste_{number}", ""))
    return controls


def _with_readout(control: widgets.ValueWidget) -> widgets.Widget:
    """A slider with its value beside it in Norwegian number format; other controls as they are."""
    if not isinstance(control, widgets.FloatSlider):
        return control

    def text() -> str:
        return format_number(control.value, 1 if control.step < 1 else 0)

    readout = widgets.Label(value=text())
    control.observe(lambda _change: setattr(readout, "value", text()), names="value")
    return widgets.HBox([control, readout])


def presenter() -> tuple[widgets.Output, widgets.Output, Callable[[Callable[[], Any]], None], dict[str, Any]]:
    """A message area, a result area, ``present(produce)`` and the last good result.

    ``present`` shows what ``produce()`` returns, or its error as a Norwegian message
    while the last good result stays (it is kept in ``last["result"]``)."""
    message, result = widgets.Output(), widgets.Output()
    last: dict[str, Any] = {"result": None}

    def present(produce: Callable[[], Any]) -> None:
        try:
            shown = produce()
        except Exception as error:
            if not isinstance(error, InputError):
                traceback.print_exc(limit=3)
            message.outputs = ()
            message.append_display_data(HTML(error_html(error)))
            return
        message.outputs = ()
        result.outputs = ()
        result.append_display_data(shown)
        last["result"] = shown

    return message, result, present, last


def live_form(
    controls: Mapping[str, widgets.ValueWidget],
    compute: Callable[..., Any],
    *,
    note: str,
    save: tuple[sections.Section | str, str] | None = None,
) -> widgets.VBox:
    """Controls that recompute a result in a running notebook.

    ``compute(**values)`` gets the controls' values by name and returns what to show.
    A bad combination shows a Norwegian message under the controls, while the last
    good result stays on screen. The static page shows the result at the default
    values with a «Kjør interaktivt» note above the controls. With ``save=(section,
    notebook)``, a «Lagre i prosjektet mitt» step saves the last good result's ``record()``.
    """
    message, result, present, last = presenter()

    def update(_change: Any = None) -> None:
        present(lambda: compute(**{name: control.value for name, control in controls.items()}))

    for control in controls.values():
        control.observe(update, names="value")
    update()
    rows = [_with_readout(control) for control in controls.values()]
    return widgets.VBox([widgets.HTML(run_live_note(note).data), *rows, message, result, *save_row(save, last)])


def csv_form(
    compute: Callable[..., Any],
    *,
    example: str,
    fields: Mapping[str, tuple[str, str]],
    note: str,
    save: tuple[sections.Section | str, str] | None = None,
) -> widgets.VBox:
    """Upload a CSV file or paste a table, fill in a few fields, and press «Regn ut».

    ``compute(raw, **fields)`` gets the uploaded bytes (or the pasted text) and the
    fields' text. The paste box starts with ``example``; ``fields`` maps a name to
    ``(label, default)``. Nothing typed is cleared by an error: the message says what
    to fix, and the last good result stays on screen. ``save`` works as in :func:`live_form`.
    """
    upload = widgets.FileUpload(
        accept=".csv,.txt", multiple=False, description="Last opp CSV-fil", layout=widgets.Layout(width="auto")
    )
    paste = widgets.Textarea(
        value=example,
        description="… eller lim inn tabellen:",
        rows=8,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="38em", max_width="100%"),
    )
    inputs = {
        name: widgets.Text(value=default, description=label, style={"description_width": "initial"})
        for name, (label, default) in fields.items()
    }
    button = widgets.Button(description="Regn ut", tooltip="Regn ut med tallene over")
    message, result, present, last = presenter()

    def run(_event: Any = None) -> None:
        raw = bytes(upload.value[0]["content"]) if upload.value else paste.value
        present(lambda: compute(raw, **{name: box.value for name, box in inputs.items()}))

    button.on_click(run)
    upload.observe(run, names="value")
    run()
    return widgets.VBox(
        [
            widgets.HTML(run_live_note(note).data),
            upload,
            paste,
            *inputs.values(),
            button,
            message,
            result,
            *save_row(save, last),
        ]
    )


def save_row(save: tuple[sections.Section | str, str] | None, last: dict[str, Any]) -> list[widgets.Widget]:
    if save is None:
        return []
    section, source = save
    return [save_step(section, source, lambda: last["result"].record() if last["result"] is not None else None)]


class _AskFirst(widgets.VBox):
    """A step that may ask «are you sure?» (``confirm``/``cancel``) and reports in ``status``; an error in a
    step shows as one Norwegian message there, and the question is withdrawn."""

    confirm: widgets.Button
    cancel: widgets.Button
    status: widgets.HTML

    def _ask(self, show: bool) -> None:
        for choice in (self.confirm, self.cancel):
            choice.layout.display = None if show else "none"

    def _safely(self, step: Callable[[], None]) -> Callable[[Any], None]:
        def run(_event: Any = None) -> None:
            try:
                step()
            except Exception as error:
                if not isinstance(error, InputError):
                    traceback.print_exc(limit=3)
                self._ask(False)
                self.status.value = error_html(error)

        return run


class SaveStep(_AskFirst):
    """«Lagre i prosjektet mitt»: save ``content()`` in a section of the project file.

    If the section already holds something, it is shown first, and nothing is overwritten
    until the participant says yes. Named parts: ``button``, ``confirm``, ``cancel``, ``status``.
    """

    def __init__(
        self, section: sections.Section | str, source: str, content: Callable[[], dict | None], *, path: Any = None
    ) -> None:
        from . import workbook

        self._workbook, self._section, self._source, self._content, self._path = (
            workbook,
            section,
            source,
            content,
            path,
        )
        self._pending: dict[str, Any] = {}
        self.button = widgets.Button(
            description="Lagre i prosjektet mitt",
            icon="save",
            layout=_fit(),
            tooltip="Lagre resultatet i prosjektfilen din (den blir på din maskin)",
        )
        self.confirm = widgets.Button(description="Ja, overskriv", layout=widgets.Layout(display="none", width="auto"))
        self.cancel = widgets.Button(
            description="Nei, behold det som er lagret", layout=widgets.Layout(display="none", width="auto")
        )
        self.status = widgets.HTML()
        self.button.on_click(self._safely(self._offer))
        self.confirm.on_click(self._safely(self._write))
        self.cancel.on_click(self._on_cancel)
        super().__init__([widgets.HBox([self.button, self.confirm, self.cancel]), self.status])

    def _write(self) -> None:
        # Read the file again: another notebook (or another tab) may have saved its own part since
        # the question was asked, and that must stay. Only this section is replaced.
        wb, data = self._workbook, self._pending.pop("data")
        saved = wb.save(wb.with_section(wb.load(self._path), self._section, data, self._source), self._path)
        self._ask(False)
        self.status.value = (
            f'<p role="status">Lagret i «{html.escape(saved.name)}» i mappen '
            f"«{html.escape(str(saved.parent))}». Filen blir på din maskin.</p>"
        )

    def _offer(self) -> None:
        data = self._content()
        if data is None:
            self.status.value = (
                '<p role="status">Det er ingenting å lagre ennå. Fyll ut eller regn ut noe over først.</p>'
            )
            return
        wb = self._workbook
        project = wb.load(self._path)
        existing = wb.section_summary(project, self._section)
        wb.with_section(project, self._section, data, self._source)  # check the content before asking
        self._pending["data"] = data
        if existing:
            self.status.value = (
                '<p role="status"><strong>Dette er allerede lagret og blir overskrevet:</strong> '
                f"{html.escape(existing)} Vil du overskrive det?</p>"
            )
            self._ask(True)
        else:
            self._write()

    def _on_cancel(self, _event: Any = None) -> None:
        self._pending.clear()
        self._ask(False)
        self.status.value = '<p role="status">Ingenting er endret. Det som var lagret, er beholdt.</p>'


save_step = SaveStep  # the name notebooks and older code use


class ProjectFileTools(_AskFirst):
    """«Last ned prosjektfilen» and «Last opp prosjektfilen»: move the project file between
    a browser, Binder, a JupyterHub and a laptop.

    The download is a link to the file's own bytes (a ``data:`` address made in the notebook), so
    nothing goes through a server. An upload is read and checked first and described next to the
    current project; it replaces the file only when the participant says yes, and the replaced
    file is kept as ``mitt-prosjekt.json.bak``. A file that cannot be used replaces nothing.
    The parts are named, for code and tests: ``download``, ``link``, ``upload``, ``confirm``,
    ``cancel``, ``status``.
    """

    def __init__(self, *, path: Any = None) -> None:
        from . import workbook

        self._workbook, self._path, self._pending = workbook, path, None
        self.download = widgets.Button(
            description="Last ned prosjektfilen",
            icon="download",
            layout=_fit(),
            tooltip="Lag en lenke som lagrer prosjektfilen i nedlastingsmappen din",
        )
        self.link = widgets.HTML()
        self.upload = widgets.FileUpload(
            accept=".json", multiple=False, description="Last opp prosjektfilen", layout=_fit()
        )
        self.confirm = widgets.Button(
            description="Ja, bruk den opplastede filen", layout=widgets.Layout(display="none", width="auto")
        )
        self.cancel = widgets.Button(
            description="Nei, behold prosjektet mitt", layout=widgets.Layout(display="none", width="auto")
        )
        self.status = widgets.HTML()
        self.download.on_click(self._safely(self._offer_download))
        self.upload.observe(self._safely(self._read_upload), names="value")
        self.confirm.on_click(self._safely(self._replace))
        self.cancel.on_click(self._safely(self._keep))
        super().__init__(
            [
                widgets.HTML(run_live_note("Knappene flytter prosjektfilen din inn og ut.").data),
                widgets.HBox([self.download]),
                self.link,
                self.upload,
                widgets.HBox([self.confirm, self.cancel]),
                self.status,
            ]
        )

    def _offer_download(self) -> None:
        import base64

        wb = self._workbook
        project = wb.load(self._path)
        name = wb.default_path().name if self._path is None else Path(self._path).name
        encoded = base64.b64encode(wb.to_bytes(project)).decode("ascii")
        self.link.value = (
            f'<p><a download="{html.escape(name)}" href="data:application/json;base64,{encoded}">'
            f"Lagre «{html.escape(name)}» på maskinen din</a> (trykk på lenken). "
            f"{html.escape(wb.describe(project))}</p>"
        )
        self.status.value = '<p role="status">Lenken er klar. Filen blir på maskinen din; den sendes ikke noe sted.</p>'

    def _read_upload(self) -> None:
        if not self.upload.value:
            return
        item = self.upload.value[0]
        wb = self._workbook
        try:
            uploaded = wb.from_bytes(
                bytes(item["content"]), str(item.get("name") or "filen"), "Prosjektfilen din er ikke endret."
            )
        finally:
            self.upload.value = ()  # the same file can be chosen again after a fix
        current = wb.load(self._path)
        self._pending = uploaded
        self.status.value = (
            '<p role="status"><strong>Den opplastede filen:</strong> '
            f"{html.escape(wb.describe(uploaded))}<br><strong>Prosjektet ditt nå:</strong> "
            f"{html.escape(wb.describe(current))}<br>Vil du bruke den opplastede filen? "
            "Prosjektet du har nå, blir tatt vare på som en .bak-fil.</p>"
        )
        self._ask(True)

    def _replace(self) -> None:
        if self._pending is None:
            return
        saved = self._workbook.save(self._pending, self._path)
        self._pending = None
        self._ask(False)
        self.status.value = (
            f'<p role="status">Prosjektfilen er byttet ut. Den forrige ligger i '
            f"«{html.escape(saved.name)}.bak» i samme mappe.</p>"
        )

    def _keep(self) -> None:
        self._pending = None
        self._ask(False)
        self.status.value = '<p role="status">Ingenting er endret. Prosjektet ditt er som før.</p>'


def action(label: str, do: Callable[[], Any], *, note: str) -> widgets.VBox:
    """A button that runs ``do()`` and says what it made (files) or what went wrong.

    A button does nothing on the static site, so it sits under a «Kjør interaktivt» note."""
    button = widgets.Button(description=label, layout=_fit())
    status = widgets.HTML()

    def on_click(_event: Any = None) -> None:
        try:
            made = do()
        except Exception as error:
            if not isinstance(error, InputError):
                traceback.print_exc(limit=3)
            status.value = error_html(error)
            return
        files = [str(p) for p in made] if isinstance(made, (list, tuple)) else []
        listed = "".join(f"<li><code>{html.escape(f)}</code></li>" for f in files)
        status.value = f'<div role="status">Ferdig.{f"<ul>{listed}</ul>" if listed else ""}</div>'

    button.on_click(on_click)
    return widgets.VBox([widgets.HTML(run_live_note(note).data), button, status])


def run_live_note(what: str) -> HTML:
    """The note shown above a control that only works in a running notebook."""
    return HTML(
        '<div class="hi-kjor-interaktivt" style="border-left:4px solid #0072B2;'
        'background:#eef6fb;color:#1a1a1a;padding:0.6em 0.9em;margin:0.5em 0;border-radius:3px">'
        f"<strong>Kjør interaktivt:</strong> {html.escape(what)} Her ser du resultatet med "
        "standardverdiene. På nettsiden er kontrollene grå og virker ikke: trykk «Kjør i nettleseren» "
        "(eller se «Kom i gang») for å endre dem og lagre i prosjektet ditt."
        "</div>"
    )


def table(frame, *, caption: str, decimals: int = 0) -> HTML:
    """An accessible HTML table: a caption, real header cells, Norwegian numbers.

    The index becomes the first column (with its name as header), so no header
    cell is empty; numbers are formatted as in the figures (``1 234,5``, with at
    most ``decimals`` decimals and no trailing zeros) and missing values as «–».
    """
    frame = frame.reset_index() if frame.index.name else frame
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for i, value in enumerate(record):
            if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                text, align = "–", "right"  # missing, as in printed statistics
            elif isinstance(value, numbers.Real) and not isinstance(value, bool):
                text, align = format_number(float(value), decimals, trim=True), "right"
            else:
                text, align = str(value), "left"
            tag = 'th scope="row"' if i == 0 else "td"
            cells.append(f'<{tag} style="text-align:{align}">{html.escape(text)}</{tag.split()[0]}>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return HTML(
        f'<table class="hi-tabell"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


class _Question(widgets.VBox):
    """A prompt shown in full above its drop-down; ``value`` mirrors the drop-down (Python side only)."""

    value = traitlets.Any(allow_none=True)


def question(prompt: str, options: Iterable[Any], *, value: Any = None) -> widgets.VBox:
    """A drop-down under a long question or statement, for :func:`live_form`.

    A drop-down's own label is cut off after one line, so the whole ``prompt`` is shown
    wrapped above it; the drop-down carries the prompt as its accessible name (``title``),
    so a screen reader says what it is for. ``options`` are as for ``widgets.Dropdown``
    (labels, or ``(label, value)`` pairs). The returned box has a ``value`` that
    :func:`live_form` can read and observe like any control.
    """
    dropdown = widgets.Dropdown(
        options=list(options),
        description="",
        tooltip=prompt,
        layout=widgets.Layout(width="max-content", max_width="100%"),
    )
    if value is not None:
        dropdown.value = value
    text = widgets.HTML(
        f'<p style="margin:0.6em 0 0.1em;line-height:1.45;white-space:normal">{html.escape(prompt)}</p>'
    )
    box = _Question([text, dropdown], layout=widgets.Layout(max_width="48em"))
    traitlets.link((dropdown, "value"), (box, "value"))
    return box


class RecordEditor(widgets.VBox):
    """A form and a list: add, select to edit, delete; optionally import a CSV file and save.

    ``apply(records, action, index, form_values)`` is the pure edit (``action`` is
    ``"legg_til"``, ``"endre"`` or ``"slett"``; ``index`` the selected row) and returns the
    new list or raises :class:`InputError`: then the message shows, and the list and the
    form stay as they were. Selecting a row fills the form with ``values(record)``;
    ``view(records)`` is shown under the list. ``load(records, raw)`` reads an uploaded
    file into the list; ``save=(section, notebook)`` saves ``content(records)``.
    ``actions`` chooses the buttons (a mapping also renames them).

    The parts have names, for code and tests: ``records`` (the current list), ``controls``
    (the form, by field name), ``buttons`` (by action), ``clear``, ``listing``, ``message``,
    ``result``, ``upload`` (or None) and ``saving`` (the «Lagre» step, or None).
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        records: Iterable[Any],
        *,
        apply: Callable[[list, str, int | None, dict], list],
        values: Callable[[Any], dict],
        label: Callable[[Any], str],
        view: Callable[[list], Any],
        note: str,
        load: Callable[[list, bytes], list] | None = None,
        save: tuple[sections.Section | str, str] | None = None,
        content: Callable[[list], dict] | None = None,
        actions: Iterable[str] | Mapping[str, str] = ("legg_til", "endre", "slett"),
        path: Any = None,
    ) -> None:
        self.records: list[Any] = list(records)
        self.controls = dict(controls)
        self._apply, self._values, self._label, self._view, self._load = apply, values, label, view, load
        self._defaults = {name: control.value for name, control in self.controls.items()}
        self.listing = widgets.Select(
            options=[],
            rows=8,
            description="Lista:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="46em", max_width="100%"),
        )
        names = {"legg_til": "Legg til", "endre": "Lagre endring", "slett": "Slett valgt"}
        names.update(actions if isinstance(actions, Mapping) else {})
        self.buttons = {action: widgets.Button(description=names[action], layout=_fit()) for action in actions}
        self.clear = widgets.Button(
            description="Tøm skjemaet", tooltip="Sett skjemaet tilbake til standardverdiene", layout=_fit()
        )
        self.message, self.result = widgets.HTML(), widgets.Output()
        self._done = {
            "legg_til": "Lagt til.",
            "endre": "Endringen er lagret.",
            "hent": "Hentet fra filen.",
            "slett": "Slettet. Angrer du? Skjemaet har fortsatt verdiene: trykk «Legg til»."
            if "legg_til" in self.buttons
            else "Fjernet.",
        }
        for action, button in self.buttons.items():
            button.on_click(self._on_action(action))
        self.clear.on_click(self.reset)
        self.listing.observe(self._on_select, names="value")
        rows: list[widgets.Widget] = [
            widgets.HTML(run_live_note(note).data),
            *self.controls.values(),
            widgets.HBox([*self.buttons.values(), self.clear]),
            self.message,
        ]
        self.upload: widgets.FileUpload | None = None
        if load is not None:
            self.upload = widgets.FileUpload(
                accept=".csv,.txt", multiple=False, description="Hent fra CSV-fil", layout=widgets.Layout(width="auto")
            )
            self.upload.observe(self._on_upload, names="value")
            rows.append(self.upload)
        rows.append(self.listing)
        self.saving = (
            save_step(save[0], save[1], lambda: content(self.records), path=path) if save and content else None
        )
        self.refresh()
        super().__init__([*rows, self.result, *([self.saving] if self.saving else [])])

    @property
    def state(self) -> types.SimpleNamespace:
        """The current list as ``state.records`` (kept for notebooks written before the named parts)."""
        return types.SimpleNamespace(records=self.records)

    def refresh(self, selected: int | None = None) -> None:
        """Redraw the list and the picture under it."""
        self.listing.options = [(f"{i + 1}. {self._label(r)}", i) for i, r in enumerate(self.records)]
        self.listing.value = selected if selected is not None and selected < len(self.records) else None
        self.result.outputs = ()
        try:
            self.result.append_display_data(self._view(self.records))
        except Exception as error:
            self.result.append_display_data(HTML(error_html(error)))

    def reset(self, _event: Any = None) -> None:
        """Set the form back to its starting values."""
        for name, control in self.controls.items():
            control.value = self._defaults[name]

    def _run(self, action: str, change: Callable[[], list], selected: Callable[[list], int | None]) -> None:
        try:
            new = change()
        except Exception as error:
            if not isinstance(error, InputError):
                traceback.print_exc(limit=3)
            self.message.value = error_html(error)
            return
        self.records = new
        self.refresh(selected(new))
        self.message.value = f'<p role="status">{self._done.get(action, "Ferdig.")} Lista har nå {len(new)} rader.</p>'
        if action == "legg_til":
            self.reset()

    def _on_action(self, action: str) -> Callable[[Any], None]:
        def click(_event: Any = None) -> None:
            index = self.listing.value
            form = {name: control.value for name, control in self.controls.items()}
            keep = {"legg_til": lambda new: None, "endre": lambda new: index, "slett": lambda new: None}[action]
            self._run(action, lambda: self._apply(self.records, action, index, form), keep)

        return click

    def _on_select(self, change: Any) -> None:
        if change["new"] is not None and change["new"] < len(self.records):
            for name, value in self._values(self.records[change["new"]]).items():
                if name in self.controls:
                    self.controls[name].value = value

    def _on_upload(self, change: Any) -> None:
        if change["new"] and self._load is not None:
            load = self._load
            self._run("hent", lambda: load(self.records, bytes(change["new"][0]["content"])), lambda new: None)
            if self.upload is not None:
                self.upload.value = ()  # so the same file can be picked again (the browser sends it anew)


def row_form(
    rows: Mapping[str, Mapping[str, widgets.ValueWidget]],
    compute: Callable[..., Any],
    *,
    note: str,
    save: tuple[sections.Section | str, str] | None = None,
) -> widgets.VBox:
    """:func:`live_form` with the controls laid out in rows: one row per item, its label first.

    ``rows`` maps a row label to that row's controls by name; names must be unique across
    rows, since ``compute(**values)`` gets them all at once. Errors and «Lagre i
    prosjektet mitt» work as in :func:`live_form`.
    """
    flat = {name: control for row in rows.values() for name, control in row.items()}
    form = live_form(flat, compute, note=note, save=save)
    lines = [
        widgets.HBox(
            [
                widgets.HTML(
                    f"<strong>{html.escape(label)}</strong>", layout=widgets.Layout(width="15em", min_width="10em")
                ),
                *row.values(),
            ],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", margin="0.2em 0"),
        )
        for label, row in rows.items()
    ]
    form.children = (form.children[0], *lines, *form.children[1 + len(flat) :])
    return form


def rating_rows(
    items: Mapping[str, str],
    ratings: Iterable[tuple[str, str]],
    levels: Iterable[tuple[str, str]],
    defaults: Mapping[str, tuple[str, str, str]] | None = None,
) -> dict[str, dict[str, widgets.ValueWidget]]:
    """For :func:`row_form`: per item (id -> label) a rating drop-down, a level drop-down and a
    note field, named ``vurdering_<id>``, ``kompleksitet_<id>`` and ``notat_<id>``.
    ``defaults`` maps an id to its starting ``(rating, level, note)`` values."""
    ratings, levels, defaults = list(ratings), list(levels), defaults or {}
    out: dict[str, dict[str, widgets.ValueWidget]] = {}
    for key, label in items.items():
        rating, level, note = defaults.get(key, (ratings[0][1], levels[0][1], ""))
        out[label] = {
            f"vurdering_{key}": widgets.Dropdown(
                options=ratings,
                value=rating,
                description="Vurdering:",
                tooltip=f"Vurdering: {label}",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="15em"),
            ),
            f"kompleksitet_{key}": widgets.Dropdown(
                options=levels,
                value=level,
                description="Kompleksitet:",
                tooltip=f"Kompleksitet: {label}",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="14em"),
            ),
            f"notat_{key}": widgets.Text(
                value=note,
                description="Notat:",
                continuous_update=False,
                tooltip=f"Notat: {label}",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="30em", max_width="100%"),
            ),
        }
    return out


def year_slider(label: str, low: int, high: int, value: int) -> widgets.IntSlider:
    """A labelled slider for a year; its own readout shows the year as 1995 (no thousands space)."""
    return widgets.IntSlider(
        value=value,
        min=low,
        max=high,
        step=1,
        description=label,
        continuous_update=False,
        style={"description_width": "18em"},
        layout=widgets.Layout(width="34em", max_width="100%"),
    )
