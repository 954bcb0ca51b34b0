"""Build-time code for the book (not part of the course package participants install).

* :mod:`bookbuild.sphinxext` - the Sphinx extension listed in ``_config.yml``
* :mod:`bookbuild.bibstyle` - Norwegian citation styles for sphinxcontrib-bibtex
* :mod:`bookbuild.static_widgets` - draws the notebooks' widgets as plain HTML on the website
"""
