"""Runs inside the browser (Pyodide) in every notebook of «Kjør i nettleseren».

The kernel loads this package when it starts (``loadPyodideOptions.packages`` in
``lite/jupyter-lite.json``), and IPython runs ``ipython/profile_default/startup/`` because the
kernel's ``IPYTHONDIR`` points there. It does two things:

* when a notebook imports a package that this build of the book does not ship (numpy, pandas and
  matplotlib come only from the Pyodide release archive, see scripts/pyodide.py), the participant
  gets a Norwegian explanation instead of a traceback;
* imports look in the notebook's own folder last, not first (:func:`search_notebook_folder_last`).
  That folder is the browser's storage, and each look there is a round trip from the kernel to the
  page: with the folder first in ``sys.path`` every import pays one.

Nothing here fetches anything.
"""

from __future__ import annotations

import sys

# Import names of the compiled packages the notebooks need; only the Pyodide release archive has them.
COMPILED = {
    "numpy",
    "pandas",
    "matplotlib",
    "yaml",
    "dateutil",
    "pytz",
    "PIL",
    "kiwisolver",
    "contourpy",
    "fontTools",
    "pyparsing",
    "cycler",
    "packaging",
}

MESSAGE = (
    "Obs! Denne cellen trenger pakken «{name}», og den finnes ikke i denne utgaven av boka.\n"
    "Python i nettleseren virker, men pakkene for tabeller og figurer (numpy, pandas og matplotlib) "
    "ble ikke tatt med da nettstedet ble bygd.\n"
    "Dette kan du gjøre: les resultatene på bokas nettside, eller kjør notatboka på en av de andre "
    "måtene på siden «Kom i gang».\n"
    "For den som bygger boka: legg pakkene til med «make html PYODIDE_DIST=/sti/til/pyodide-314.0.6.tar.bz2» "
    "(se siden «Kjør i nettleseren»)."
)
SHORT = "Obs! Pakken «{name}» mangler i denne utgaven av boka (se meldingen over). Cellen ble ikke kjørt."
_shown = False


def message(error: BaseException) -> str | None:
    """The Norwegian text for a missing compiled package, or None for any other error."""
    global _shown
    name = (getattr(error, "name", None) or "").split(".")[0]
    if not isinstance(error, ImportError) or name not in COMPILED:
        return None
    text = (SHORT if _shown else MESSAGE).format(name=name)
    _shown = True
    return text


def _handler(shell, etype, value, tb, tb_offset=None):
    text = message(value)
    if text is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    print(text, file=sys.stdout)
    return None


def search_notebook_folder_last(path: list[str] | None = None) -> None:
    """Move the current folder (``""``) from the front of ``sys.path`` to the end.

    Pyodide starts Python with ``""`` first, and in the browser the current folder is the notebook's
    folder in the browser's storage (``/drive``). Python checks that folder's timestamp on every
    import that reaches it, and there each check is a synchronous request to the page: hundreds for
    ``import pandas``. At the end of the path only an import that nothing installed can answer gets
    there, and a participant's own module next to the notebook still imports."""
    path = sys.path if path is None else path
    if "" in path:
        path.remove("")
        path.append("")


def install(shell=None) -> None:
    """Register the handler for ImportError in the running IPython shell."""
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((ImportError,), _handler)
