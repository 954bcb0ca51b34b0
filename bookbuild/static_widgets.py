"""Draw the notebooks' ipywidgets as plain HTML on the website, without the widget manager.

MyST-NB writes each widget as a ``<script type="application/vnd.jupyter.widget-view+json">``
placeholder plus the whole widget state, and the 1.8 MB ``embed.js`` turns them into controls in
the browser. Nothing on the static site needs that: a control either works without Python (a
drop-down linked to precomputed results, :func:`helseinnovasjon.ui.choice`) or it needs a running
notebook. So the build draws every widget itself:

* a linked drop-down becomes a native ``<select>`` with a ``<label>``, and the results it chooses
  between become panels that ``_static/kursbok.js`` shows and hides (keyboard and screen-reader
  usable, since it is the browser's own control);
* every other control is drawn **disabled**, next to the «Kjør interaktivt» note its form carries,
  so nobody mistakes it for a working one;
* outputs (tables, charts with alt text and caption) are plain HTML, so they also print.

An unknown widget type stops with :class:`UnknownWidget` (the build turns it into a warning, and
warnings are errors), rather than silently drawing nothing.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

VIEW_SCRIPT = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
PREFIX = "IPY_MODEL_"
# Output formats in the order Jupyter prefers them.
MIME_ORDER = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/plain")


class UnknownWidget(ValueError):
    """A widget type this renderer does not know how to draw."""


def _ref(value: str) -> str:
    return value[len(PREFIX) :] if isinstance(value, str) and value.startswith(PREFIX) else value


def _esc(text: Any) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def _number(value: Any) -> str:
    """A slider value as Norwegian text: decimal comma, no trailing zeros."""
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",").replace("-", "\u2212")
    return str(value)


class Page:
    """The widgets of one page: its state (``{"state": {model_id: {...}}}``) drawn as HTML."""

    def __init__(self, state: Mapping[str, Any]) -> None:
        self.models: Mapping[str, Any] = state.get("state", {})
        # drop-down index -> stack selected_index links made by ui.choice (jslink)
        self.linked: dict[str, str] = {}
        for model in self.models.values():
            if model.get("model_name") in ("LinkModel", "DirectionalLinkModel"):
                (source, source_attr), (target, target_attr) = model["state"]["source"], model["state"]["target"]
                if (source_attr, target_attr) == ("index", "selected_index"):
                    self.linked[_ref(source)] = _ref(target)
        self.stacks = set(self.linked.values())

    # -- helpers -------------------------------------------------------------------------

    def _state(self, model_id: str) -> dict[str, Any]:
        try:
            return self.models[model_id]["state"]
        except KeyError as missing:
            raise UnknownWidget(f"widget {model_id} is not in the page's widget state") from missing

    def _hidden(self, state: Mapping[str, Any]) -> bool:
        layout = self.models.get(_ref(state.get("layout", "")), {}).get("state", {})
        return layout.get("display") == "none" or layout.get("visibility") == "hidden"

    @staticmethod
    def _dom_id(model_id: str) -> str:
        return f"hi-w-{model_id[:12]}"

    def _field(self, model_id: str, state: Mapping[str, Any], control: str) -> str:
        """A control with its label (the widget's description) in front of it."""
        label = state.get("description") or ""
        label_html = f'<label for="{self._dom_id(model_id)}">{_esc(label)}</label>' if label else ""
        return f'<div class="hi-w-field">{label_html}{control}</div>'

    def _named(self, model_id: str, state: Mapping[str, Any]) -> str:
        """id, and an accessible name when there is no visible label."""
        attrs = f'id="{self._dom_id(model_id)}"'
        if not state.get("description"):
            name = state.get("tooltip") or state.get("placeholder") or ""
            if name and name != "\u200b":
                attrs += f' aria-label="{_esc(name)}"'
        return attrs

    # -- outputs -------------------------------------------------------------------------

    @staticmethod
    def output_html(output: Mapping[str, Any]) -> str:
        kind = output.get("output_type")
        if kind == "stream":
            return f'<pre class="hi-w-stream">{_esc(output.get("text", ""))}</pre>'
        if kind not in ("display_data", "execute_result"):
            return ""
        data = output.get("data", {})
        for mime in MIME_ORDER:
            if mime not in data:
                continue
            value = data[mime]
            value = "".join(value) if isinstance(value, list) else value
            if mime in ("text/html", "image/svg+xml"):
                return value
            if mime.startswith("image/"):
                alt = "".join(data.get("text/plain", "")) or "Figur"
                return f'<img src="data:{mime};base64,{value.strip()}" alt="{_esc(alt)}">'
            return f"<pre>{_esc(value)}</pre>"
        return ""

    # -- widgets -------------------------------------------------------------------------

    def view(self, model_id: str) -> str:
        """The HTML of one widget and everything inside it."""
        model_id = _ref(model_id)
        model = self.models.get(model_id)
        if model is None:
            raise UnknownWidget(f"widget {model_id} is not in the page's widget state")
        name = model.get("model_name", "")
        state = model["state"]
        if self._hidden(state):
            return ""
        draw = getattr(self, "_" + name, None)
        if draw is None:
            raise UnknownWidget(f"no static drawing for {name}")
        return draw(model_id, state)

    def _children(self, state: Mapping[str, Any]) -> str:
        return "".join(self.view(child) for child in state.get("children", []))

    def _VBoxModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        return f'<div class="hi-w hi-w-vbox">{self._children(state)}</div>'

    def _HBoxModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        return f'<div class="hi-w hi-w-hbox">{self._children(state)}</div>'

    _BoxModel = _VBoxModel
    _GridBoxModel = _VBoxModel

    def _StackModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        children = state.get("children", [])
        selected = state.get("selected_index") or 0
        if model_id not in self.stacks:  # nothing switches it: only what it shows now
            return self.view(children[selected]) if children else ""
        panels = "".join(
            f'<div class="hi-w-panel"{"" if i == selected else " hidden"}>{self.view(child)}</div>'
            for i, child in enumerate(children)
        )
        return f'<div class="hi-w-stack" id="{self._dom_id(model_id)}" aria-live="polite">{panels}</div>'

    def _OutputModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        outputs = "".join(self.output_html(output) for output in state.get("outputs", []))
        return f'<div class="hi-w-output">{outputs}</div>' if outputs else ""

    def _HTMLModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        return f'<div class="hi-w-html">{state.get("value", "")}</div>' if state.get("value") else ""

    _HTMLMathModel = _HTMLModel

    def _LabelModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        return f'<span class="hi-w-label">{_esc(state.get("value", ""))}</span>'

    def _DropdownModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        labels = state.get("_options_labels", [])
        index = state.get("index")
        options = "".join(
            f"<option{' selected' if i == index else ''}>{_esc(label)}</option>" for i, label in enumerate(labels)
        )
        if model_id in self.linked:  # works in the browser (kursbok.js)
            stack = self._dom_id(self.linked[model_id])
            control = f'<select {self._named(model_id, state)} data-hi-stack="{stack}">{options}</select>'
        else:
            control = f"<select {self._named(model_id, state)} disabled>{options}</select>"
        return self._field(model_id, state, control)

    def _SelectModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        labels = state.get("_options_labels", [])
        options = "".join(
            f"<option{' selected' if i == state.get('index') else ''}>{_esc(label)}</option>"
            for i, label in enumerate(labels)
        )
        rows = max(2, min(int(state.get("rows") or 5), 8))
        return self._field(
            model_id, state, f'<select {self._named(model_id, state)} size="{rows}" disabled>{options}</select>'
        )

    def _TextModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        control = f'<input type="text" {self._named(model_id, state)} value="{_esc(state.get("value", ""))}" disabled>'
        return self._field(model_id, state, control)

    _ComboboxModel = _TextModel

    def _TextareaModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        control = (
            f'<textarea {self._named(model_id, state)} rows="{int(state.get("rows") or 4)}" disabled>'
            f"{_esc(state.get('value', ''))}</textarea>"
        )
        return self._field(model_id, state, control)

    def _CheckboxModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        checked = " checked" if state.get("value") else ""
        return (
            f'<div class="hi-w-field hi-w-check"><input type="checkbox" {self._named(model_id, state)}'
            f'{checked} disabled><label for="{self._dom_id(model_id)}">{_esc(state.get("description", ""))}'
            "</label></div>"
        )

    def _FloatSliderModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        value = state.get("value")
        control = (
            f'<input type="range" {self._named(model_id, state)} min="{state.get("min")}" '
            f'max="{state.get("max")}" step="{state.get("step")}" value="{value}" disabled>'
        )
        if state.get("readout"):
            control += f'<span class="hi-w-label">{_number(value)}</span>'
        return self._field(model_id, state, control)

    _IntSliderModel = _FloatSliderModel

    def _ButtonModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        title = f' title="{_esc(state["tooltip"])}"' if state.get("tooltip") else ""
        return (
            f'<button type="button" class="hi-w-button" {self._named(model_id, state)}{title} disabled>'
            f"{_esc(state.get('description', ''))}</button>"
        )

    def _FileUploadModel(self, model_id: str, state: Mapping[str, Any]) -> str:
        return (
            f'<button type="button" class="hi-w-button" {self._named(model_id, state)} disabled>'
            f"{_esc(state.get('description') or 'Last opp')}</button>"
        )


def render_body(body: str, state: Mapping[str, Any]) -> str:
    """Replace every widget placeholder in a page body by the widget's HTML."""
    page = Page(state)

    def draw(match: re.Match[str]) -> str:
        view = json.loads(match.group(1))
        return f'<div class="hi-widgets">{page.view(view["model_id"])}</div>'

    return VIEW_SCRIPT.sub(draw, body)
