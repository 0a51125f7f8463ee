"""Where the bundled notebooks and sample data are, in a checkout or an install."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """The ``notebooks`` or ``data`` folder shipped with the toolkit.

    A wheel carries copies under ``toolkit/_bundled``; a source checkout (or an
    editable install) has them beside the package.
    """
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        marker = (
            "01-getting-started-kwic.ipynb"
            if name == "notebooks"
            else "trtworld-2021-07-07-qala-e-naw.txt"
        )
        if (candidate / marker).exists():
            return candidate
    raise FileNotFoundError(
        f"the toolkit's bundled '{name}' folder was not found; reinstall the package"
    )


def default_corpus() -> Path:
    """``data/`` in the working folder when there is one, else the bundled sample."""
    here = Path("data")
    return here if here.is_dir() else bundled_dir("data")
