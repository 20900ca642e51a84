"""The build script refuses an environment that would ship a broken program."""

from __future__ import annotations

from importlib.metadata import requires
from types import ModuleType

import pytest
from packaging.requirements import Requirement

BAIK = {
    "python": (3, 11, 7),
    "pyside": "6.11.3",
    "addons": None,
    "pyinstaller": "6.22.3",
    "terpasang": "0.1.0",
    "proyek": "0.1.0",
}


def test_lingkungan_baik_diterima(build: ModuleType) -> None:
    assert build.masalah_lingkungan(**BAIK) == []


def test_pyside_6_12_0_dengan_python_3_11_ditolak(build: ModuleType) -> None:
    masalah = build.masalah_lingkungan(**{**BAIK, "pyside": "6.12.0"})
    assert len(masalah) == 1
    assert "none_dealloc" in masalah[0]
    assert "PySide6-Essentials<6.12" in masalah[0]


@pytest.mark.parametrize(
    ("python", "pyside"),
    [((3, 12, 3), "6.12.0"), ((3, 13, 1), "6.12.0"), ((3, 11, 9), "6.11.3"), ((3, 11, 9), "6.8.3")],
)
def test_pasangan_lain_boleh(build: ModuleType, python: tuple[int, ...], pyside: str) -> None:
    assert build.masalah_lingkungan(**{**BAIK, "python": python, "pyside": pyside}) == []


def test_pyside_lengkap_dengan_addons_ditolak(build: ModuleType) -> None:
    masalah = build.masalah_lingkungan(**{**BAIK, "addons": "6.11.3"})
    assert any("PySide6-Essentials saja" in m for m in masalah)


@pytest.mark.parametrize(
    ("ubah", "kata"),
    [
        ({"pyinstaller": None}, "PyInstaller belum terpasang"),
        ({"pyinstaller": "5.13.2"}, "terlalu lama"),
        ({"pyside": None}, "PySide6-Essentials belum terpasang"),
        ({"terpasang": "0.0.9"}, "pasang ulang"),
        ({"python": (3, 10, 12)}, "perlu 3.11+"),
    ],
)
def test_lingkungan_kurang_ditolak_dengan_alasan(
    build: ModuleType, ubah: dict[str, object], kata: str
) -> None:
    masalah = build.masalah_lingkungan(**{**BAIK, **ubah})
    assert any(kata in m for m in masalah), masalah


def test_build_py_keluar_bukan_nol_pada_pasangan_rusak(
    build: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole command, not just the function: message on stderr, exit 1, nothing built."""
    asli = build._versi_terpasang
    monkeypatch.setattr(
        build,
        "_versi_terpasang",
        lambda nama: "6.12.0" if nama == "PySide6-Essentials" else asli(nama),
    )
    monkeypatch.setattr(build, "_versi_python", lambda: (3, 11, 7))
    dipanggil: list[str] = []
    monkeypatch.setattr(build, "pyinstaller", lambda: dipanggil.append("pyinstaller"))
    assert build.main([]) == 1
    galat = capsys.readouterr().err
    assert "BUILD GAGAL" in galat and "none_dealloc" in galat
    assert dipanggil == []


def test_lingkungan_ini_boleh_membangun(build: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """This venv may build: the pin keeps the broken pair out, no PySide6 add-ons, the
    installed version matches pyproject. PyInstaller itself comes with the ``packaging``
    extra, which the test venv lacks (.ci/run installs it for the real build afterwards),
    so only its presence is assumed here."""
    asli = build._versi_terpasang
    monkeypatch.setattr(
        build,
        "_versi_terpasang",
        lambda nama: (asli(nama) or "6.10.0") if nama.lower() == "pyinstaller" else asli(nama),
    )
    assert build.main(["--periksa"]) == 0


def test_build_menolak_pasangan_yang_sama_dengan_pin_pyproject(isi: ModuleType) -> None:
    """The pair the build refuses is exactly the one the package metadata forbids."""
    syarat = [
        Requirement(r)
        for r in requires("sakip-desktop") or []
        if r.lower().startswith("pyside6-essentials")
    ]
    versi, python = isi.PYSIDE_RUSAK["PySide6-Essentials"], isi.PYSIDE_RUSAK["python"]
    untuk = [
        r
        for r in syarat
        if r.marker is None or r.marker.evaluate({"python_version": f"{python[0]}.{python[1]}"})
    ]
    assert untuk and all(not r.specifier.contains(versi) for r in untuk)
    assert isi.pasangan_rusak(versi, python)
    assert not isi.pasangan_rusak(versi, (3, 12))


def test_versi_windows_empat_angka(isi: ModuleType, build: ModuleType) -> None:
    assert isi.versi_numerik("0.1.0") == "0.1.0.0"
    assert isi.versi_numerik("1.2.3.4.5") == "1.2.3.4"
    assert isi.versi_numerik("2.0rc1") == "2.0.0.0"
    assert isi.versi_numerik("0.1.0+lokal.3") == "0.1.0.0"
    teks = build.versi_windows("0.1.0")
    assert "filevers=(0, 1, 0, 0)" in teks and "StringStruct('ProductVersion', '0.1.0')" in teks
    compile(teks, "versi-windows.txt", "eval")  # PyInstaller evaluates it as Python
