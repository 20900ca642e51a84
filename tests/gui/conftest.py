"""GUI fixtures: the main window on a copy of the demo, with settings in a temp folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from sakip_desktop.gui import dialog
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.storage import Database


@pytest.fixture
def jawaban(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer every confirmation with Yes and remember what was asked."""
    ditanya: list[tuple[str, str]] = []

    def tanya(_induk: object, judul: str, teks: str, **_kw: object) -> bool:
        ditanya.append((judul, teks))
        return True

    def tanya_simpan(_induk: object, teks: str) -> str:
        raise AssertionError(f"pertanyaan simpan yang tidak diharapkan: {teks}")

    monkeypatch.setattr(dialog, "tanya", tanya)
    monkeypatch.setattr(dialog, "tanya_simpan", tanya_simpan)
    return ditanya


@pytest.fixture
def jendela(qtbot, db_demo: Database, tmp_path: Path, jawaban) -> Iterator[JendelaUtama]:  # type: ignore[no-untyped-def]
    with db_demo.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    k = Konteks(db_demo, opd_id, 2020, PERENCANA_LOKAL)
    s = QSettings(str(tmp_path / "jendela.ini"), QSettings.Format.IniFormat)
    w = JendelaUtama(k, buat_halaman, s)
    qtbot.addWidget(w)
    w.mulai("pohon")
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
