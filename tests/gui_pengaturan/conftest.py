"""Fixtures of the Pengaturan page: the main window on a copy of the demo with a first
Administrator account, working as that Administrator or as a Kabid, with the program's
data folder (cadangan.json) in a temp folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from sakip_desktop.domain import Peran
from sakip_desktop.gui import dialog
from sakip_desktop.gui.halaman.pengaturan import HalamanPengaturan
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pengguna import buat_administrator_pertama
from sakip_desktop.storage import Database

SANDI_ADMIN = "rahasia-admin-2020"


@pytest.fixture
def jawaban(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer every confirmation with Yes and remember what was asked; messages are
    recorded instead of shown."""
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
def admin(db_demo: Database) -> Pelaku:
    """The first Administrator of the demo database (which has no accounts yet)."""
    info = buat_administrator_pertama(db_demo, "admin", SANDI_ADMIN, nama="Admin Uji")
    return Pelaku(info.username, info.peran, info.jabatan_id, info.nama)


@pytest.fixture
def kabid(admin: Pelaku) -> Pelaku:
    return Pelaku("kabid.uji", Peran.KABID, None, "Kabid Uji")


@pytest.fixture
def folder_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def buka(
    qtbot,  # type: ignore[no-untyped-def]
    db_demo: Database,
    tmp_path: Path,
    folder_data: Path,
    jawaban: list[tuple[str, str]],
) -> Iterator[Callable[[Pelaku], JendelaUtama]]:
    """Open the main window at 1366×768 as ``pelaku``, on the Pengaturan page."""
    jendela: list[JendelaUtama] = []

    def buka_sebagai(pelaku: Pelaku) -> JendelaUtama:
        with db_demo.baca() as sesi:
            opd_id = pilih_opd(sesi).id
        k = Konteks(db_demo, opd_id, 2020, pelaku, folder_data=folder_data)
        s = QSettings(str(tmp_path / "jendela.ini"), QSettings.Format.IniFormat)
        w = JendelaUtama(k, buat_halaman, s)
        w.mulai("pengaturan")
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        jendela.append(w)
        return w

    yield buka_sebagai
    for w in jendela:
        for h in w._halaman.values():
            h.buang_perubahan()
        w.close()
        w.deleteLater()


@pytest.fixture
def galat() -> list[tuple[str, str]]:
    """Filled by `halaman_admin`/`halaman_kabid` with every error the window was asked to
    show (title, message)."""
    return []


def _halaman(w: JendelaUtama, galat: list[tuple[str, str]]) -> HalamanPengaturan:
    w.k.galat.connect(lambda judul, pesan: galat.append((judul, pesan)))
    h = w.halaman_aktif()
    assert isinstance(h, HalamanPengaturan)
    return h


@pytest.fixture
def halaman_admin(
    buka: Callable[[Pelaku], JendelaUtama], admin: Pelaku, galat: list[tuple[str, str]]
) -> HalamanPengaturan:
    return _halaman(buka(admin), galat)


@pytest.fixture
def halaman_kabid(
    buka: Callable[[Pelaku], JendelaUtama], kabid: Pelaku, galat: list[tuple[str, str]]
) -> HalamanPengaturan:
    return _halaman(buka(kabid), galat)
