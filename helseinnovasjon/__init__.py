"""helseinnovasjon: the logic behind the notebooks of the course reader
«Innovasjon og endringsledelse i helse- og omsorgstjenestene».

Modules, one per domain:

* :mod:`~helseinnovasjon.data` - load data files, validated against data/datapackage.json
* :mod:`~helseinnovasjon.demand` - who uses the services and the hours (demand data)
* :mod:`~helseinnovasjon.plotting` - the book's one plotting style and number format
* :mod:`~helseinnovasjon.ui` - ipywidgets builders and friendly Norwegian errors
* :mod:`~helseinnovasjon.errors` - the one error type for input a participant can fix
* :mod:`~helseinnovasjon.sphinxext` - small Sphinx extension used when the book is built
"""

__version__ = "0.1.0"
