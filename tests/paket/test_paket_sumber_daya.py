"""resources/ is found from the source tree, a frozen app and a non-editable install."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

import pytest

import sakip_desktop.sumber_daya as sumber_daya

AKAR = Path(__file__).resolve().parents[2]


def _salinan_terpasang(tmp_path: Path) -> ModuleType:
    """sumber_daya.py as it sits in a site-packages (no pyproject.toml beside it)."""
    paket = tmp_path / "site-packages" / "sakip_desktop"
    paket.mkdir(parents=True)
    shutil.copyfile(Path(sumber_daya.__file__), paket / "sumber_daya.py")
    spec = importlib.util.spec_from_file_location("sumber_daya_terpasang", paket / "sumber_daya.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_dari_pohon_sumber() -> None:
    assert sumber_daya.folder_sumber_daya() == AKAR / "resources"
    assert sumber_daya.berkas_demo().is_file()


def test_dari_program_beku(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert sumber_daya.folder_sumber_daya() == tmp_path / "resources"


def test_dari_wheel_terpasang(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    modul = _salinan_terpasang(tmp_path)
    data = tmp_path / "prefix"
    tujuan = data / "share" / "sakip-desktop" / "resources"
    (tujuan / "demo").mkdir(parents=True)
    asli = sysconfig.get_path

    def get_path(nama: str, *args: object, **kw: object) -> str:
        return str(data) if nama == "data" and not args else asli(nama, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(sysconfig, "get_path", get_path)
    assert modul.folder_sumber_daya() == tujuan
    assert modul.berkas_demo() == tujuan / "demo" / "disnaker-lamongan.yaml"


def test_folder_resources_asing_di_site_packages_diabaikan(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Another wheel's top-level resources/ beside the package is not ours."""
    modul = _salinan_terpasang(tmp_path)
    (tmp_path / "site-packages" / "resources" / "demo").mkdir(parents=True)
    data = tmp_path / "prefix"
    tujuan = data / "share" / "sakip-desktop" / "resources"
    tujuan.mkdir(parents=True)
    monkeypatch.setattr(sysconfig, "get_path", lambda *_a, **_k: str(data))
    assert modul.folder_sumber_daya() == tujuan
