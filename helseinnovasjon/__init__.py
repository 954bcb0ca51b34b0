"""helseinnovasjon: the logic behind the notebooks of the course reader
«Innovasjon og endringsledelse i helse- og omsorgstjenestene».

Three layers; a lower one never imports a higher one (tests/test_layers.py).

Base:

* :mod:`~helseinnovasjon.errors` - the one error type for input a participant can fix
* :mod:`~helseinnovasjon.formatting` - numbers written the Norwegian way
* :mod:`~helseinnovasjon.textfiles` - text as participants' programs save it (UTF-8, UTF-16, Windows-1252)
* :mod:`~helseinnovasjon.data` - the course's data files, validated against datasets/datapackage.json
* :mod:`~helseinnovasjon.plotting` - the book's one plotting style
* :mod:`~helseinnovasjon.sections` - the sections of the project file, defined once
* :mod:`~helseinnovasjon.workbook` - the participant's project file (atomic save, strict load, upgrades)

Topic modules (pure: values in, sentences, numbers and charts out):

* :mod:`~helseinnovasjon.demand` - who uses the services and the hours (demand data)
* :mod:`~helseinnovasjon.projection` - the scenario model to 2040, and a municipality's own figures
* :mod:`~helseinnovasjon.ssb` - Statistics Norway: files as downloaded, and the PxWebApi client
* :mod:`~helseinnovasjon.carelogics` - sorting workplace statements into care logics (chapter 1)
* :mod:`~helseinnovasjon.barriers` - the seven implementation factors, NASSS/TICD/CFIR and ERIC strategies
* :mod:`~helseinnovasjon.diffusion` - Rogers' adopter categories and the Bass model
* :mod:`~helseinnovasjon.runchart` - run charts with the Anhøj rules, and XmR limits
* :mod:`~helseinnovasjon.surveys` - Likert scoring, reverse items, Cronbach's alpha, the anonymity threshold
* :mod:`~helseinnovasjon.stakeholders` - stakeholders: scales, classes (Mendelow; Mitchell, Agle and Wood), CSV, saving
* :mod:`~helseinnovasjon.stakeholder_maps` - the stakeholder maps: power/interest grid and salience diagram
* :mod:`~helseinnovasjon.participation` - Arnstein's ladder and the Norwegian degrees of user involvement
* :mod:`~helseinnovasjon.planning` - the project's need statement, five-stage plan and notes
* :mod:`~helseinnovasjon.benefits` - costs and benefits: net present value, payback, sensitivity

Notebook layer:

* :mod:`~helseinnovasjon.ui` - forms, the save step, project-file transfer, friendly Norwegian errors
* :mod:`~helseinnovasjon.editors` - the editors participants build up (stakeholders, ladder, «Din kommune»)
* :mod:`~helseinnovasjon.resume` - every notebook starts from what the participant saved
* :mod:`~helseinnovasjon.report` - the project report (Markdown and HTML)
* :mod:`~helseinnovasjon.checks` - self-checks for numeric exercises
* :mod:`~helseinnovasjon.colab` - Google Colab: the project file on Google Drive
"""

__version__ = "0.2.0"
