"""Fixtures of the PK page tests: the main window on a copy of the demo (settings in a temp
folder, confirmations answered Yes), the PK page opened, positions by name, PDF text."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from sakip_desktop.gui import dialog
from sakip_desktop.gui.halaman.pk import HalamanPK
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
from sakip_desktop.gui.model_pk import K_JABATAN
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.model import Jabatan
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.storage import Database

KADIS = "Kepala Dinas Tenaga Kerja"
KABID_PK = "Kepala Bidang Pelatihan Kerja"
KASI_KELEMBAGAAN = "Kepala Seksi Kelembagaan Pelatihan"
KASI_PENEMPATAN = "Kepala Seksi Penempatan Tenaga Kerja"


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
    w.mulai("pk")
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture
def halaman(jendela: JendelaUtama) -> HalamanPK:
    """The Perjanjian Kinerja page, open in the window."""
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanPK)
    return h


@pytest.fixture
def galat(jendela: JendelaUtama) -> list[tuple[str, str]]:
    """Every user error the window was asked to show (title, message)."""
    pesan: list[tuple[str, str]] = []
    jendela.k.galat.connect(lambda judul, teks: pesan.append((judul, teks)))
    return pesan


@pytest.fixture
def jabatan_id(db_demo: Database) -> Callable[[str], uuid.UUID]:
    def cari(nama: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(Jabatan.id).where(Jabatan.nama == nama)).one()

    return cari


@pytest.fixture
def pilih(qtbot, halaman: HalamanPK) -> Callable[[str], None]:  # type: ignore[no-untyped-def]
    """Click a position in the list, as a user would."""

    def klik_jabatan(nama: str) -> None:
        model = halaman.model_daftar
        baris = next(i for i, b in enumerate(model.semua()) if b.jabatan == nama)
        indeks = halaman.saring.mapFromSource(model.index(baris, K_JABATAN))
        halaman.tabel_jabatan.scrollTo(indeks)
        pos = halaman.tabel_jabatan.visualRect(indeks).center()
        qtbot.mouseClick(halaman.tabel_jabatan.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert halaman.dokumen is not None and halaman.dokumen.jabatan == nama

    return klik_jabatan


@pytest.fixture
def klik(qtbot, halaman: HalamanPK) -> Callable[[str], None]:  # type: ignore[no-untyped-def]
    """Click one of the page's buttons by object name (it must be enabled)."""

    def klik_tombol(nama: str) -> None:
        tombol = halaman.findChild(QPushButton, nama)
        assert tombol is not None, nama
        assert tombol.isEnabled(), f"{nama} tidak aktif"
        qtbot.mouseClick(tombol, Qt.MouseButton.LeftButton)

    return klik_tombol


@pytest.fixture
def baca_pdf() -> Callable[[Path], list[str]]:
    """The text of each page of a PDF, whitespace collapsed (what a reader sees)."""

    def baca(path: Path) -> list[str]:
        return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]

    return baca
