"""Paths: where the bundled notebooks and sample data are, whether a string names a file, and checks of output paths."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def names_a_file(path: str | os.PathLike, *, folder: bool = False) -> bool:
    """Whether ``path`` names an existing file (or, with ``folder``, any existing
    entry), False for a string no file system takes as a name (a text too long
    for a file name, a NUL character) instead of an error.

    Examples
    --------
    >>> names_a_file("Troops " * 60 + "left.")
    False
    """
    try:
        p = Path(path)
        return p.exists() if folder else p.is_file()
    except (OSError, ValueError):
        return False


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


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies somewhere inside it (links resolved)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_output_file(output: str | Path, *, force: bool, reading: str | Path | None) -> Path:
    """Check a file the command line is about to write, before any work is done.

    Raises ValueError or FileNotFoundError, with a message saying what to do, when
    ``output`` is a folder, lies in a folder that does not exist or through a file,
    is inside the corpus being read (``reading``) or is that corpus, or already
    exists and ``force`` is not set.

    Examples
    --------
    >>> check_output_file("data", force=False, reading=None)
    Traceback (most recent call last):
    ...
    ValueError: -o data: that is a folder; give a file name, such as data/table.csv
    """
    path = Path(output)
    if path.is_dir():
        raise ValueError(
            f"-o {output}: that is a folder; give a file name, such as {path / 'table.csv'}"
        )
    _check_parent(path, output)
    if reading is not None and str(reading).strip() and _reads_into(path, Path(reading)):
        raise ValueError(
            f"-o {output} is inside the corpus being read ({reading}): the table would become "
            "part of the corpus the next time it is read; write it somewhere else"
        )
    if path.exists() and not force:
        raise ValueError(
            f"-o {output}: the file exists; pass --force to overwrite it, or give another name"
        )
    return path


def check_output_folder(output: str | Path, *, reading: str | Path) -> Path:
    """Check the folder a report is about to be written to: not a file, its parent
    exists, and neither it nor the corpus read (``reading``) is inside the other."""
    path = Path(output)
    if path.exists() and not path.is_dir():
        raise ValueError(f"-o {output}: that is a file; give a folder for the report's pages")
    _check_parent(path, output)
    corpus = Path(reading)
    if corpus.is_dir() and _inside(path, corpus):
        raise ValueError(
            f"-o {output} is inside the corpus folder being read ({reading}): the report's "
            "pages would be read as articles next time; write the report somewhere else"
        )
    if _inside(corpus, path):
        raise ValueError(
            f"the corpus ({reading}) is inside the report folder -o {output}: the report "
            "would be written among the articles; write the report somewhere else"
        )
    return path


def _reads_into(path: Path, corpus: Path) -> bool:
    if corpus.is_dir():
        return _inside(path, corpus)
    return path.resolve() == corpus.resolve()


def _check_parent(path: Path, output: str | Path) -> None:
    parent = path.parent
    if parent.is_dir():
        return
    missing = parent
    while not missing.parent.is_dir() and missing.parent != missing:
        missing = missing.parent
    if missing.exists():
        raise ValueError(f"-o {output}: {missing} is a file, not a folder")
    raise FileNotFoundError(
        f"-o {output}: the folder {parent} does not exist; create it first (mkdir -p {parent})"
    )
