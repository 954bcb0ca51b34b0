"""The project report: the whole project file as one readable document (Markdown or HTML).

For the participant to hand in, or to bring to their manager. Sections that are not
filled in yet say which part of the course fills them, so the report is useful from
the first week.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from IPython.display import HTML

from . import sections, workbook

# Where each section is filled in, for the sections that are still empty.
FILLED_BY = {key: section.filled_by for key, section in sections.SECTIONS.items()}
PRIVACY = (
    "Rapporten er laget fra prosjektfilen på din egen maskin. Den skal ikke inneholde opplysninger "
    "som kan identifisere tjenestemottakere, pårørende eller kolleger."
)


def _is_table(value: Any) -> bool:
    """A saved list of rows (e.g. the stakeholders), shown as a table, not as pairs."""
    return isinstance(value, list) and bool(value) and all(isinstance(row, dict) for row in value)


def _parts(key: str) -> tuple[str, ...]:
    """Which parts of a saved section the report shows: the snapshot, and the data unless it repeats it."""
    return ("felt", "tall") if sections.get(key).report_data else ("felt",)


def _tables(content: dict, parts: tuple[str, ...]) -> list[tuple[str, list[dict]]]:
    """The saved lists of rows in a section, with their names."""
    return [
        (sections.label(str(name)), rows)
        for key in parts
        if isinstance(content.get(key), dict)
        for name, rows in content[key].items()
        if _is_table(rows)
    ]


def _columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(column for row in rows for column in row))


def _headings(rows: list[dict]) -> list[str]:
    return [sections.label(column) for column in _columns(rows)]


def _cell(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _markdown_table(rows: list[dict]) -> list[str]:
    columns = _columns(rows)
    return [
        "| " + " | ".join(_headings(rows)) + " |",
        "|" + "---|" * len(columns),
        *(
            "| " + " | ".join(_cell(row.get(c)).replace("|", "\\|").replace("\n", " ") for c in columns) + " |"
            for row in rows
        ),
    ]


def _html_table(name: str, rows: list[dict]) -> str:
    columns = _columns(rows)
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in _headings(rows))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns) + "</tr>" for row in rows
    )
    return f"<table><caption>{html.escape(name)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _lines(value: Any) -> list[tuple[str, str]]:
    """Flatten saved fields and numbers into (label, value) pairs for display."""
    if isinstance(value, dict):
        pairs = []
        for key, inner in value.items():
            if _is_table(inner):
                continue  # shown as a table by _tables
            if isinstance(inner, dict):
                pairs += [(f"{sections.label(str(key))}: {k}", v) for k, v in _lines(inner)]
            else:
                pairs.append(
                    (
                        sections.label(str(key)),
                        inner if isinstance(inner, str) else json.dumps(inner, ensure_ascii=False),
                    )
                )
        return pairs
    return [("", str(value))]


def _details(content: dict, parts: tuple[str, ...]) -> list[tuple[str, str]]:
    return [pair for key in parts if key in content for pair in _lines(content[key])]


def markdown(project: dict[str, Any]) -> str:
    """The report as Markdown."""
    out = [f"# {project.get('tittel', 'Mitt innovasjonsprosjekt')}", "", f"*{PRIVACY}*", ""]
    for key, title in workbook.SECTIONS.items():
        out += [f"## {title}", ""]
        section = project["seksjoner"].get(key)
        if not section:
            out += [f"*Ikke fylt ut ennå. Fylles ut i {FILLED_BY[key]}.*", ""]
            continue
        content = section.get("innhold", {})
        out += [str(content.get("tekst", "")).strip(), ""]
        out += [f"- **{label}:** {value}" if label else f"- {value}" for label, value in _details(content, _parts(key))]
        for name, rows in _tables(content, _parts(key)):
            out += ["", f"**{name}**", "", *_markdown_table(rows)]
        if content.get("kilde"):
            out += ["", f"Kilde: {content['kilde']}"]
        out += ["", f"*{workbook.saved_line(project, key)}.*", ""]
    return "\n".join(out).rstrip() + "\n"


def to_html(project: dict[str, Any], *, standalone: bool = True) -> str:
    """The report as a standalone HTML page (Norwegian, printable, no external files), or,
    with ``standalone=False``, as a fragment with lower headings to show inside a notebook."""
    h1, h2 = ("h1", "h2") if standalone else ("h3", "h4")
    title = html.escape(project.get("tittel", "Mitt innovasjonsprosjekt"))
    parts = [f"<{h1}>{title}</{h1}>", f"<p><em>{html.escape(PRIVACY)}</em></p>"]
    for key, heading in workbook.SECTIONS.items():
        parts.append(f"<{h2}>{html.escape(heading)}</{h2}>")
        section = project["seksjoner"].get(key)
        if not section:
            parts.append(f'<p class="tom">Ikke fylt ut ennå. Fylles ut i {html.escape(FILLED_BY[key])}.</p>')
            continue
        content = section.get("innhold", {})
        parts.append(f"<p>{html.escape(str(content.get('tekst', '')))}</p>")
        details = _details(content, _parts(key))
        if details:
            parts.append(
                "<dl>"
                + "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in details)
                + "</dl>"
            )
        parts += [_html_table(name, rows) for name, rows in _tables(content, _parts(key))]
        if content.get("kilde"):
            parts.append(f"<p>Kilde: {html.escape(str(content['kilde']))}</p>")
        parts.append(f"<p><small>{html.escape(workbook.saved_line(project, key) or '')}.</small></p>")
    body = "".join(parts)
    if not standalone:
        return f'<div class="hi-rapport">{body}</div>'
    return (
        f'<!DOCTYPE html><html lang="no"><head><meta charset="utf-8"><title>{title}</title>'
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5;color:#1a1a1a}"
        f"dt{{font-weight:bold}}.tom{{color:#595959;font-style:italic}}"
        "table{border-collapse:collapse}th,td{border:1px solid #999;padding:0.2em 0.5em;text-align:left}"
        f"</style></head><body>{body}</body></html>"
    )


def preview(project: dict[str, Any]) -> HTML:
    """The report as it shows inside a notebook."""
    return HTML(to_html(project, standalone=False))


def write(project: dict[str, Any], folder: Path) -> list[Path]:
    """Write ``prosjektrapport.md`` and ``prosjektrapport.html`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("prosjektrapport.md", markdown(project)), ("prosjektrapport.html", to_html(project))):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
