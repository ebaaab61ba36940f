"""Locations of the files reportgen ships: templates and data tables."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def templates_dir() -> Path:
    """The template folder: inside the wheel, or the repository's top-level ``templates/``."""
    inside = PACKAGE_DIR / "templates"
    return inside if inside.is_dir() else PACKAGE_DIR.parent / "templates"
