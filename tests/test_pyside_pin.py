"""The PySide6 trap: 6.12.0 on Python 3.11 aborts (none_dealloc) after a few thousand Qt
calls that return None. The pin keeps the broken pair out; these tests keep it honest."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import requires, version

from packaging.requirements import Requirement
from packaging.version import Version

SKRIP = textwrap.dedent(
    """
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem
    item = QStandardItem()
    for i in range(20_000):
        item.setText(str(i))
    print("hidup", item.text())
    """
)


def test_20000_panggilan_qt_tanpa_nilai_kembali_tidak_mematikan_proses() -> None:
    hasil = subprocess.run(
        [sys.executable, "-c", SKRIP], capture_output=True, text=True, timeout=120
    )
    assert hasil.returncode == 0, hasil.stderr[-2000:]
    assert "hidup 19999" in hasil.stdout


def test_pasangan_rusak_tidak_terpasang() -> None:
    """The installed pair is never PySide6-Essentials 6.12.0 with Python 3.11."""
    terpasang = Version(version("PySide6-Essentials"))
    assert not (sys.version_info[:2] == (3, 11) and terpasang == Version("6.12.0"))


def test_pin_menolak_6_12_untuk_python_3_11() -> None:
    """The package metadata itself forbids 6.12.x for Python 3.11."""
    syarat = [
        Requirement(r)
        for r in requires("sakip-desktop") or []
        if r.lower().startswith("pyside6-essentials")
    ]
    assert syarat, "PySide6-Essentials tidak ada di dependensi"
    untuk_311 = [
        r for r in syarat if r.marker is None or r.marker.evaluate({"python_version": "3.11"})
    ]
    assert untuk_311
    for r in untuk_311:
        assert not r.specifier.contains("6.12.0"), r
    untuk_312 = [
        r for r in syarat if r.marker is None or r.marker.evaluate({"python_version": "3.12"})
    ]
    assert any(r.specifier.contains("6.12.0") for r in untuk_312), "3.12 boleh memakai 6.12"
