"""Fixtures of the audit and period-lock pages: the main window on a copy of the demo, one
user per role placed in the demo's organisation, and the window's questions answered."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.gui import dialog
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.model import Indikator, Jabatan, Target
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

JABATAN_PERAN = {
    "kadis": (Peran.KEPALA_DINAS, "Kepala Dinas Tenaga Kerja"),
    "kabid_pk": (Peran.KABID, "Kepala Bidang Pelatihan Kerja"),
}


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
    w.mulai("pohon")
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for h in w._halaman.values():
        h.buang_perubahan()
    w.close()
    w.deleteLater()


@pytest.fixture
def galat(jendela: JendelaUtama) -> list[tuple[str, str]]:
    """Every error the window was asked to show (title, message)."""
    daftar: list[tuple[str, str]] = []
    jendela.k.galat.connect(lambda judul, pesan: daftar.append((judul, pesan)))
    return daftar


@pytest.fixture
def pelaku(db_demo: Database) -> dict[str, Pelaku]:
    """One user per role; the positioned ones hold the demo's real positions."""
    hasil = {
        "admin": Pelaku("admin", Peran.ADMINISTRATOR),
        "perencana": Pelaku("rina", Peran.PERENCANA, nama="Rina"),
        "pembaca": Pelaku("inspektorat", Peran.PEMBACA),
    }
    with db_demo.baca() as sesi:
        for nama, (peran, jabatan) in JABATAN_PERAN.items():
            jid = sesi.scalars(select(Jabatan.id).where(Jabatan.nama == jabatan)).one()
            hasil[nama] = Pelaku(nama, peran, jid)
    return hasil


@pytest.fixture
def ind(db_demo: Database) -> Callable[[str], uuid.UUID]:
    """The id of a demo indicator by its code."""

    def cari(kode: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(Indikator.id).where(Indikator.kode == kode)).one()

    return cari


@pytest.fixture
def id_target(db_demo: Database) -> Callable[[str], uuid.UUID]:
    """The id of an indicator's yearly PK target of 2020."""

    def cari(kode: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(
                select(Target.id)
                .join(Indikator)
                .where(
                    Indikator.kode == kode,
                    Target.tahun == 2020,
                    Target.triwulan == 0,
                    Target.dokumen == DokumenTarget.PK,
                )
            ).one()

    return cari
