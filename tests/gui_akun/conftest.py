"""Fixtures of the account GUI tests: the demo with accounts, clocks the tests move."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bantu_akun import SANDI_ADMIN, SANDI_RINA, Jam

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from sakip_desktop.domain import Peran
from sakip_desktop.gui import dialog
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pengguna import (
    buat_administrator_pertama,
    masuk,
    tambah_pengguna,
)
from sakip_desktop.storage import Database


@pytest.fixture
def jam() -> Jam:
    return Jam()


@pytest.fixture
def db_akun(db_demo: Database) -> Database:
    """The demo with an administrator and a planner."""
    buat_administrator_pertama(db_demo, "admin", SANDI_ADMIN, nama="Administrator SAKIP")
    admin = masuk(db_demo, "admin", SANDI_ADMIN).pelaku
    tambah_pengguna(db_demo, admin, "rina", Peran.PERENCANA, sandi=SANDI_RINA, nama="Rina")
    return db_demo


@pytest.fixture
def rina(db_akun: Database) -> Pelaku:
    return masuk(db_akun, "rina", SANDI_RINA).pelaku


@pytest.fixture
def tanpa_tanya(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No modal question during a test; records what was asked."""
    ditanya: list[str] = []

    def tanya(_induk: object, _judul: str, teks: str, **_kw: object) -> bool:
        ditanya.append(teks)
        return True

    def tanya_simpan(_induk: object, teks: str) -> str:
        ditanya.append(teks)
        return "batal"

    monkeypatch.setattr(dialog, "tanya", tanya)
    monkeypatch.setattr(dialog, "tanya_simpan", tanya_simpan)
    return ditanya


@pytest.fixture
def jendela_akun(  # type: ignore[no-untyped-def]
    qtbot, db_akun: Database, rina: Pelaku, jam: Jam, tmp_path: Path, tanpa_tanya
) -> Iterator[JendelaUtama]:
    """The main window of a logged-in planner, with the test's clock."""
    with db_akun.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    k = Konteks(db_akun, opd_id, 2020, rina)
    s = QSettings(str(tmp_path / "jendela.ini"), QSettings.Format.IniFormat)
    w = JendelaUtama(k, buat_halaman, s, berakun=True, jam=jam, kini=jam.kini)
    qtbot.addWidget(w)
    w.mulai("pohon")
    w.show()
    qtbot.waitExposed(w)
    yield w
    w._tutup_tanpa_tanya = True
    w.close()
