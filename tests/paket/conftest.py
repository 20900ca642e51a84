"""Packaging tests load the build modules from packaging/ (not an installed package: the
folder name would shadow PyPI's ``packaging``), by file path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

AKAR = Path(__file__).resolve().parents[2]
FOLDER_PAKET = AKAR / "packaging"


def muat_modul(nama: str, sebagai: str | None = None) -> ModuleType:
    """Import packaging/<nama>.py (its siblings importable by plain name, as build.py does);
    ``sebagai``: the name in sys.modules (build.py must not pose as PyPI's ``build``)."""
    if str(FOLDER_PAKET) not in sys.path:
        sys.path.append(str(FOLDER_PAKET))
    kunci = sebagai or nama
    if kunci in sys.modules:
        return sys.modules[kunci]
    spec = importlib.util.spec_from_file_location(kunci, FOLDER_PAKET / f"{nama}.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[kunci] = modul
    spec.loader.exec_module(modul)
    return modul


@pytest.fixture(scope="session")
def isi() -> ModuleType:
    return muat_modul("paket_isi")


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return muat_modul("build", sebagai="sakip_paket_build")


@pytest.fixture(scope="session")
def deb() -> ModuleType:
    return muat_modul("paket_deb")
