"""Where the bundled resources live: the source tree, an installed package, or a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def folder_sumber_daya() -> Path:
    """The ``resources/`` folder (demo data, fonts, icons, styles)."""
    beku = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if beku:
        return Path(beku) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def berkas_demo() -> Path:
    return folder_sumber_daya() / "demo" / "disnaker-lamongan.yaml"
