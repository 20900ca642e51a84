"""The .deb's control file, desktop entry and Depends line, and the icons drawn for it."""

from __future__ import annotations

import configparser
import os
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

AKAR = Path(__file__).resolve().parents[2]


def test_entri_desktop_sah(deb: ModuleType) -> None:
    p = configparser.ConfigParser(interpolation=None)
    p.optionxform = str  # type: ignore[assignment,method-assign]
    p.read_string(deb.ENTRI_DESKTOP)
    e = p["Desktop Entry"]
    assert e["Type"] == "Application"
    assert e["Exec"] == "sakip-desktop"
    assert e["Icon"] == "sakip-desktop"
    assert e["Terminal"] == "false"
    assert e["Categories"].endswith(";") and "Office" in e["Categories"]
    assert e["Name"] == "SAKIP Desktop"


def test_kontrol(deb: ModuleType) -> None:
    teks = deb.kontrol("0.1.0", "amd64", 12345, ["libc6 (>= 2.35)", "libgl1"])
    kolom = dict(
        baris.split(": ", 1) for baris in teks.splitlines() if baris and not baris.startswith(" ")
    )
    assert kolom["Package"] == "sakip-desktop"
    assert kolom["Version"] == "0.1.0"
    assert kolom["Architecture"] == "amd64"
    assert kolom["Installed-Size"] == "12345"
    assert kolom["Depends"] == "libc6 (>= 2.35), libgl1"
    assert teks.endswith("\n")


def test_bergantung_dari_pustaka_luar(deb: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        deb,
        "pustaka_luar",
        lambda _f: {
            "libc.so.6": ["a"],
            "libGL.so.1": ["b"],
            "libm.so.6": ["a"],
            "libglib-2.0.so.0": ["c"],
        },
    )
    monkeypatch.setattr(deb, "versi_glibc_minimum", lambda _f: (2, 34))
    assert deb.bergantung(Path(".")) == [
        "libc6 (>= 2.34)",
        "libgl1",
        "libglib2.0-0t64 | libglib2.0-0",
    ]


def test_pustaka_tanpa_paket_menghentikan_build(
    deb: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deb, "pustaka_luar", lambda _f: {"libaneh.so.3": ["x/plugin.so"]})
    monkeypatch.setattr(deb, "versi_glibc_minimum", lambda _f: (2, 31))
    with pytest.raises(ValueError, match=r"libaneh\.so\.3 \(diperlukan x/plugin\.so\)"):
        deb.bergantung(Path("."))


def test_glibc_terlalu_baru_untuk_ubuntu_22_04_ditolak(
    deb: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deb, "pustaka_luar", lambda _f: {"libc.so.6": ["a"]})
    monkeypatch.setattr(deb, "versi_glibc_minimum", lambda _f: (2, 36))
    with pytest.raises(ValueError, match=r"glibc 2\.36"):
        deb.bergantung(Path("."))


def test_ikon_png_dan_ico_dari_svg(tmp_path: Path) -> None:
    """Drawn in a child process (the build script never starts Qt itself)."""
    hasil = subprocess.run(
        [
            sys.executable,
            str(AKAR / "packaging" / "paket_ikon.py"),
            str(AKAR / "resources" / "icons" / "sakip.svg"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert hasil.returncode == 0, hasil.stderr
    png = tmp_path / "sakip-256.png"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (256, 256)
    ico = (tmp_path / "sakip.ico").read_bytes()
    nol, jenis, jumlah = struct.unpack("<HHH", ico[:6])
    assert (nol, jenis) == (0, 1) and jumlah == 7
    ukuran = set()
    for i in range(jumlah):
        lebar, _t, _c, _r, _p, _b, besar, posisi = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert ico[posisi : posisi + 8] == b"\x89PNG\r\n\x1a\n"
        assert posisi + besar <= len(ico)
        ukuran.add(lebar or 256)
    assert ukuran == {16, 24, 32, 48, 64, 128, 256}
