"""The interactive explorers: ``toolkit.widgets.kwic_explorer(corpus)`` and the rest.

This module keeps ``import toolkit.widgets`` and ``from toolkit.widgets import ...``
working for scripts and notebooks; the explorers live in :mod:`toolkit.show.widgets`.
"""

from .show.widgets import *  # noqa: F403
from .show.widgets import __all__  # noqa: F401
