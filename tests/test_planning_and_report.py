"""The project thread: need, plan and notes forms, and the report over every section."""

from __future__ import annotations

import pytest

from helseinnovasjon import planning, projection, report, resume, ui, workbook
from helseinnovasjon.errors import InputError

NEED = {
    "title": "Digitalt tilsyn om natten",
    "problem": "Nattevakten kjører til brukere som sover trygt, og har lite tid til dem som trenger hjelp.",
    "relevance": "Flere eldre bor hjemme, og det er vanskelig å rekruttere nattevakter.",
    "insight": "Vi har talt besøkene i fire uker og snakket med seks brukere og pårørende.",
}


def test_need_statement_keeps_the_four_answers():
    entry = planning.need_statement(**NEED)
    assert entry.heading == "Behov: Digitalt tilsyn om natten"
    assert entry.record()["felt"]["Hvordan behovet er sjekket (innsikt)"].startswith("Vi har talt")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": ""}, "feltet er tomt"),
        ({"problem": "For kort."}, "for kort"),
        ({"title": "x" * 121}, "for lang"),
    ],
)
def test_need_statement_refuses_empty_short_or_long_text(change, expected):
    with pytest.raises(InputError, match=expected):
        planning.need_statement(**{**NEED, **change})


def test_stage_plan_counts_and_names_the_next_stage():
    entry = planning.stage_plan(status_1="Ferdig", status_2="I gang", neste_2="Snakke med tre brukere i uke 40")
    assert entry.text == "1 av 5 steg er ferdige. Neste steg: behovet verifiseres gjennom innsikt."
    assert entry.fields["2. Behovet verifiseres gjennom innsikt"] == "I gang: Snakke med tre brukere i uke 40"
    with pytest.raises(InputError, match="finnes ikke"):
        planning.stage_plan(status_1="Kanskje")


def test_the_forms_start_from_the_example_then_from_what_is_saved(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    values, line = resume.plan(path)
    assert values["behov"] == planning.EXAMPLE["behov"] and values["plan"] == {} and "eksempel" in line
    stages = {"status_1": "Ferdig", "neste_1": "", "status_2": "I gang", "neste_2": "Intervjue tre pårørende: før jul"}
    project = workbook.new_project()
    for key, entry in [
        ("behov", planning.need_statement(**{**NEED, "title": "Trygg natt på Ås"})),
        ("plan", planning.stage_plan(**stages)),
        ("notater", planning.notes("Ring IT-avdelingen.")),
    ]:
        project = workbook.with_section(project, key, entry.record(), "Behov og plan")
    workbook.save(project, path)
    values, line = resume.plan(path)
    assert values["behov"] == {**NEED, "title": "Trygg natt på Ås"}
    assert values["plan"] == {
        **stages,
        **{f"{k}_{n}": v for n in (3, 4, 5) for k, v in (("status", "Ikke startet"), ("neste", ""))},
    }
    assert values["notater"] == {"text": "Ring IT-avdelingen."}
    assert line == "Skjemaene starter med behovet, planen og notatene du har lagret i prosjektfilen."
    controls = ui.stage_controls(planning.STAGES, planning.STATUSES, values["plan"])
    assert controls["status_2"].value == "I gang" and controls["neste_2"].value == "Intervjue tre pårørende: før jul"
    assert (
        planning.stage_plan(**{k: c.value for k, c in controls.items()}).record()
        == planning.stage_plan(**stages).record()
    )  # what is shown saves back unchanged


def test_the_forms_leave_an_unreadable_project_file_alone(tmp_path):
    path = tmp_path / "mitt-prosjekt.json"
    path.write_text("{ ikke json", encoding="utf-8")
    values, line = resume.plan(path)
    assert values["behov"] == planning.EXAMPLE["behov"] and "kan ikke leses" in line
    assert path.read_text(encoding="utf-8") == "{ ikke json"


def test_report_of_an_empty_project_says_where_each_section_is_filled():
    text = report.markdown(workbook.new_project())
    for title in workbook.SECTIONS.values():
        assert f"## {title}" in text
    assert text.count("Ikke fylt ut ennå") == len(workbook.SECTIONS)


def _click_save(form):
    form.children[-1].children[0].children[0].click()


def test_walk_through_the_save_steps_in_order_and_make_the_report(tmp_path, monkeypatch):
    path = tmp_path / "mitt-prosjekt.json"
    monkeypatch.setenv(workbook.ENV_PATH, str(path))
    need = ui.live_form(
        {k: ui.text(k, v) for k, v in NEED.items()}, planning.need_statement, note="x", save=("behov", "Behov og plan")
    )
    scenario = ui.live_form(
        {"productivity": ui.slider("Produktivitet", 0, 3, 0.1, 0.5)},
        projection.explore,
        note="x",
        save=("ubalanse", "Scenarioutforsker"),
    )
    plan = ui.live_form(
        ui.stage_controls(planning.STAGES, planning.STATUSES),
        planning.stage_plan,
        note="x",
        save=("plan", "Behov og plan"),
    )
    notes = ui.live_form(
        {"text": ui.text("Notater", "Spørre lederen om januar.")},
        planning.notes,
        note="x",
        save=("notater", "Behov og plan"),
    )
    for form in (need, scenario, plan, notes):
        _click_save(form)
    project = workbook.load(path)
    assert set(project["seksjoner"]) == {"behov", "ubalanse", "plan", "notater"}

    written = report.write(project, tmp_path)
    text = written[0].read_text(encoding="utf-8")
    page = written[1].read_text(encoding="utf-8")
    assert "Nattevakten kjører til brukere" in text and "Med disse forutsetningene" in text
    assert "0 av 5 steg er ferdige" in text and "Spørre lederen om januar." in text
    assert text.count("Ikke fylt ut ennå") == len(workbook.SECTIONS) - 4  # the other chapters fill the rest
    assert page.startswith('<!DOCTYPE html><html lang="no">') and "Nattevakten kjører" in page
    assert "Lagret" in text and "fra «Scenarioutforsker»" in text


def test_report_escapes_what_participants_typed():
    project = workbook.with_section(workbook.new_project(), "notater", {"tekst": "<script>alert(1)</script>"}, "x")
    assert "<script>alert" not in report.to_html(project)


def test_action_button_reports_files_or_errors(tmp_path):
    box = ui.action("Lag", lambda: [tmp_path / "a.md"], note="Knappen lager filer.")
    note, button, status = box.children
    assert "Kjør interaktivt" in note.value
    button.click()
    assert "a.md" in status.value and "Ferdig" in status.value

    def fail():
        raise InputError("mappen finnes ikke", "Velg en annen.")

    box = ui.action("Lag", fail, note="Knappen lager filer.")
    box.children[1].click()
    assert "Mappen finnes ikke." in box.children[2].value


def test_preview_uses_headings_below_the_notebook_page():
    fragment = report.preview(workbook.new_project()).data
    assert fragment.startswith('<div class="hi-rapport"><h3>') and "<h1>" not in fragment and "<h4>" in fragment


def test_saved_rows_become_a_table_in_both_report_formats():
    rows = [{"navn": "Brukerne", "makt": 2}, {"navn": "Pårørende | naboer", "makt": 1, "merknad": "to\nlinjer"}]
    project = workbook.with_section(
        workbook.new_project(),
        "interessenter",
        {"tekst": "To interessenter.", "tall": {"interessenter": rows, "antall": 2}},
        "x",
    )
    text = report.markdown(project)
    assert "| Navn | Makt | Merknad |" in text
    assert "| Pårørende \\| naboer | 1 | to linjer |" in text
    assert "- **Antall:** 2" in text and '"navn"' not in text  # rows are not dumped as JSON pairs
    page = report.to_html(project)
    assert "<caption>Interessenter</caption>" in page and '<th scope="col">Merknad</th>' in page
    assert "<td>Pårørende | naboer</td>" in page and "</style></head><body>" in page


def test_the_project_chapter_names_every_section_of_the_project_file():
    from pathlib import Path

    chapter = (Path(__file__).resolve().parent.parent / "book/mitt-innovasjonsprosjekt.md").read_text(encoding="utf-8")
    table = [line for line in chapter.splitlines() if line.startswith("| ") and "](../notebooks/" in line]
    for title in workbook.SECTIONS.values():
        assert any(title in line for line in table), title
    assert set(report.FILLED_BY) == set(workbook.SECTIONS)
