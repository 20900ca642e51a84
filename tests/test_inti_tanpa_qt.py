"""The core (model, calculations, services, storage, reports, CLI) never imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap

import sakip_desktop

BAGIAN_QT = ("sakip_desktop.gui", "sakip_desktop.__main__")


def modul_inti() -> list[str]:
    return [
        m.name
        for m in pkgutil.walk_packages(sakip_desktop.__path__, "sakip_desktop.")
        if not m.name.startswith(BAGIAN_QT) and ".migrations" not in m.name
    ]


def test_setiap_modul_inti_dapat_diimpor_tanpa_pyside6() -> None:
    modul = modul_inti()
    assert "sakip_desktop.services.capaian" in modul
    skrip = textwrap.dedent(
        f"""
        import importlib, sys

        class Blokir:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("Qt dilarang di inti: " + name)
                return None

        sys.meta_path.insert(0, Blokir())
        for nama in {modul!r}:
            importlib.import_module(nama)
        print("ok", len({modul!r}))
        """
    )
    hasil = subprocess.run([sys.executable, "-c", skrip], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    assert hasil.stdout.startswith("ok")
