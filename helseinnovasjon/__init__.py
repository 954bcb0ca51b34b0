"""helseinnovasjon: the logic behind the notebooks of the course reader
«Innovasjon og endringsledelse i helse- og omsorgstjenestene».

Modules, one per domain:

* :mod:`~helseinnovasjon.data` - load data files, validated against datasets/datapackage.json
* :mod:`~helseinnovasjon.demand` - who uses the services and the hours (demand data)
* :mod:`~helseinnovasjon.projection` - the scenario model to 2040, and a municipality's own figures
* :mod:`~helseinnovasjon.workbook` - the participant's project file (atomic save, validated load)
* :mod:`~helseinnovasjon.carelogics` - sorting workplace statements into care logics (chapter 1)
* :mod:`~helseinnovasjon.barriers` - the seven implementation factors, NASSS/TICD/CFIR and ERIC strategies
* :mod:`~helseinnovasjon.diffusion` - Rogers' adopter categories and the Bass model
* :mod:`~helseinnovasjon.runchart` - run charts with the Anhøj rules, and XmR limits
* :mod:`~helseinnovasjon.surveys` - Likert scoring, reverse items, Cronbach's alpha, the anonymity threshold
* :mod:`~helseinnovasjon.stakeholders` - stakeholder maps (Mendelow; Mitchell, Agle and Wood)
* :mod:`~helseinnovasjon.participation` - Arnstein's ladder and the Norwegian degrees of user involvement
* :mod:`~helseinnovasjon.planning` - the project's need statement, five-stage plan and notes
* :mod:`~helseinnovasjon.report` - the project report (Markdown and HTML)
* :mod:`~helseinnovasjon.checks` - self-checks for numeric exercises
* :mod:`~helseinnovasjon.plotting` - the book's one plotting style and number format
* :mod:`~helseinnovasjon.ui` - ipywidgets builders and friendly Norwegian errors
* :mod:`~helseinnovasjon.errors` - the one error type for input a participant can fix
"""

__version__ = "0.1.0"
