"""Fixtures of the measurement pages: the main window on a copy of the demo, answers to
the window's questions, and helpers to act as a user would (type in a cell, pick a role)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from sqlalchemy import select

from sakip_desktop.gui import dialog
from sakip_desktop.gui.halaman.realisasi import HalamanRealisasi
from sakip_desktop.gui.jendela_utama import JendelaUtama
from sakip_desktop.gui.konteks import PERENCANA_LOKAL, Konteks
from sakip_desktop.gui.pabrik import buat_halaman
from sakip_desktop.model import Indikator, Realisasi
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.storage import Database


@pytest.fixture
def jawaban(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer every confirmation with Yes and remember what was asked; an unexpected
    "unsaved edits" question fails the test."""
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
def galat(jendela: JendelaUtama) -> list[tuple[str, str]]:
    """Every error the window was asked to show (title, message)."""
    daftar: list[tuple[str, str]] = []
    jendela.k.galat.connect(lambda judul, pesan: daftar.append((judul, pesan)))
    return daftar


@pytest.fixture
def jendela(qtbot, db_demo: Database, tmp_path: Path, jawaban) -> Iterator[JendelaUtama]:  # type: ignore[no-untyped-def]
    with db_demo.baca() as sesi:
        opd_id = pilih_opd(sesi).id
    k = Konteks(db_demo, opd_id, 2020, PERENCANA_LOKAL)
    s = QSettings(str(tmp_path / "jendela.ini"), QSettings.Format.IniFormat)
    w = JendelaUtama(k, buat_halaman, s)  # closed below, after discarding typed edits
    w.mulai("pohon")
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for h in w._halaman.values():  # leave without the "unsaved edits" question
        h.buang_perubahan()
    w.close()
    w.deleteLater()


@pytest.fixture
def realisasi(jendela: JendelaUtama) -> HalamanRealisasi:
    """The Realisasi page, open."""
    jendela.buka_halaman("realisasi")
    h = jendela.halaman_aktif()
    assert isinstance(h, HalamanRealisasi)
    return h


@pytest.fixture
def tersimpan(db_demo: Database) -> Callable[[str, int, int], Realisasi | None]:
    """The stored realization of an indicator, year and quarter (None when empty)."""

    def baca(kode: str, tahun: int, triwulan: int) -> Realisasi | None:
        with db_demo.baca() as sesi:
            return sesi.scalar(
                select(Realisasi)
                .join(Indikator)
                .where(
                    Indikator.kode == kode,
                    Realisasi.tahun == tahun,
                    Realisasi.triwulan == triwulan,
                )
            )

    return baca
