"""Where the bundled data lives: ``data/`` in a source checkout, ``quotes/data``
in an installed wheel."""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The directory that holds ``lexicons/``, ``models/`` and ``sample/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "lexicons").is_dir():
            return candidate
    raise FileNotFoundError(
        f"the quotes data directory (lexicons, models) is missing: looked in {here / 'data'} "
        f"and {here.parent / 'data'}; reinstall the package")
