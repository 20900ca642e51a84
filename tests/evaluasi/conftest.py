"""Fixtures of the evaluasi tests: the main window on the demo (pattern of tests/gui), a
planner, indicators and positions by code or name, and PDF text read back."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.model import Indikator, Jabatan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina (Perencana)")


@pytest.fixture
def perencana() -> Pelaku:
    return PERENCANA


@pytest.fixture
def indikator(db_demo: Database) -> Callable[[str], uuid.UUID]:
    """The id of a demo indicator by its code (IKU.1)."""

    def cari(kode: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(Indikator.id).where(Indikator.kode == kode)).one()

    return cari


@pytest.fixture
def jabatan(db_demo: Database) -> Callable[[str], uuid.UUID]:
    def cari(nama: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(Jabatan.id).where(Jabatan.nama == nama)).one()

    return cari


def _teks_pdf(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed (what a reader of the PDF sees)."""
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


@pytest.fixture
def teks_pdf() -> Callable[[Path], list[str]]:
    return _teks_pdf


@pytest.fixture
def jawaban(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer every confirmation with Yes and remember what was asked."""
    from sakip_desktop.gui import dialog

    ditanya: list[tuple[str, str]] = []

    def tanya(_induk: object, judul: str, teks: str, **_kw: object) -> bool:
        ditanya.append((judul, teks))
        return True

    monkeypatch.setattr(dialog, "tanya", tanya)
    return ditanya


@pytest.fixture
def jendela(qtbot, db_demo: Database, tmp_path: Path, jawaban) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window on a copy of the demo, year 2020, as the local planner."""
    from PySide6.QtCore import QSettings

    from sakip_desktop.gui.jendela_utama import JendelaUtama
    from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
    from sakip_desktop.gui.pabrik import buat_halaman
    from sakip_desktop.services.konteks import pilih_opd

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
