"""Compile the Designer forms in ui/ into sakip_desktop/gui/ui/ (one way, one place).

Run after editing a .ui file:  python tools/buat_ui.py
tests/gui/test_gui_ui_mutakhir.py fails when a generated module is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
SUMBER = AKAR / "ui"
TUJUAN = AKAR / "sakip_desktop" / "gui" / "ui"
KEPALA = "# Dibuat otomatis oleh tools/buat_ui.py dari ui/{nama}. Jangan diubah dengan tangan.\n"


def uic() -> str:
    pasangan = Path(sys.executable).with_name("pyside6-uic")
    return str(pasangan) if pasangan.exists() else "pyside6-uic"


def kompilasi(ui: Path) -> str:
    hasil = subprocess.run(
        [uic(), "--no-autoconnection", str(ui)], capture_output=True, text=True, check=True
    )
    badan = "\n".join(
        baris for baris in hasil.stdout.splitlines() if not baris.startswith("## Created by")
    )
    return KEPALA.format(nama=ui.name) + badan.rstrip() + "\n"


def main() -> int:
    TUJUAN.mkdir(parents=True, exist_ok=True)
    (TUJUAN / "__init__.py").write_text('"""Modul formulir hasil pyside6-uic."""\n')
    for ui in sorted(SUMBER.glob("*.ui")):
        (TUJUAN / f"ui_{ui.stem}.py").write_text(kompilasi(ui), encoding="utf-8")
        print(f"{ui.name} -> sakip_desktop/gui/ui/ui_{ui.stem}.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
