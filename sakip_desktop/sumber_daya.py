"""Where the bundled resources live: a frozen app, the source tree, or an installed wheel.

The wheel installs ``resources/`` as data files under ``<prefix>/share/sakip-desktop/``
(pyproject.toml, ``[tool.setuptools.data-files]``), because the folder sits beside the
package in the source tree, not inside it.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

NAMA_FOLDER_DATA = Path("share") / "sakip-desktop" / "resources"
"""Where a wheel puts ``resources/``, relative to the install scheme's data path."""


def folder_sumber_daya() -> Path:
    """The ``resources/`` folder (demo data, fonts, icons, logo, styles)."""
    beku = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if beku:
        return Path(beku) / "resources"
    akar = Path(__file__).resolve().parent.parent
    if (akar / "pyproject.toml").is_file() and (akar / "resources").is_dir():
        return akar / "resources"  # source tree (also an editable install)
    for calon in _calon_terpasang():
        if calon.is_dir():
            return calon
    return akar / "resources"  # not found: callers report the missing file by name


def _calon_terpasang() -> list[Path]:
    """The data folders of the install schemes (venv/system, then ``pip --user``)."""
    calon = [Path(sysconfig.get_path("data")) / NAMA_FOLDER_DATA]
    skema_user = f"{os.name}_user"
    if skema_user in sysconfig.get_scheme_names():
        calon.append(Path(sysconfig.get_path("data", skema_user)) / NAMA_FOLDER_DATA)
    calon.append(Path(sys.prefix) / NAMA_FOLDER_DATA)
    return calon


def berkas_demo() -> Path:
    return folder_sumber_daya() / "demo" / "disnaker-lamongan.yaml"
