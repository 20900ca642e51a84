"""Fixtures of the measurement tests: users of the demo's organisation, look-ups by code."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.model import Indikator, Jabatan, Realisasi, TahunKinerja
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA, nama="Rina (Perencana)")


@pytest.fixture
def perencana() -> Pelaku:
    """A planning officer: may change every target and realization."""
    return PERENCANA


def _jabatan(db: Database, nama: str) -> uuid.UUID:
    with db.baca() as sesi:
        return sesi.scalars(select(Jabatan.id).where(Jabatan.nama == nama)).one()


@pytest.fixture
def jabatan(db_demo: Database) -> Callable[[str], uuid.UUID]:
    """The id of a demo position by its printed name."""
    return lambda nama: _jabatan(db_demo, nama)


@pytest.fixture
def kabid_pk(jabatan: Callable[[str], uuid.UUID]) -> Pelaku:
    """The Kabid of Bidang Pelatihan Kerja (owns IKP.01 and its kegiatan)."""
    return Pelaku("agus", Peran.KABID, jabatan("Kepala Bidang Pelatihan Kerja"), "Agus")


@pytest.fixture
def kabid_hi(jabatan: Callable[[str], uuid.UUID]) -> Pelaku:
    """The Kabid of Hubungan Industrial (owns IKP.05)."""
    nama = "Kepala Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"
    return Pelaku("heru", Peran.KABID, jabatan(nama), "Heru")


@pytest.fixture
def ind(db_demo: Database) -> Callable[[str], uuid.UUID]:
    """The id of a demo indicator by its code."""

    def cari(kode: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(Indikator.id).where(Indikator.kode == kode)).one()

    return cari


@pytest.fixture
def realisasi_tw(db_demo: Database) -> Callable[[str, int, int], Realisasi | None]:
    """The stored realization row of an indicator, year and quarter (None if empty)."""

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


@pytest.fixture
def tutup_triwulan(db_demo: Database) -> Callable[[int, int], None]:
    """Close quarters up to ``triwulan`` of a year directly (as the lock service would)."""

    def tutup(tahun: int, triwulan: int) -> None:
        with db_demo.transaksi(PERENCANA, alasan="uji: tutup triwulan") as sesi:
            opd = pilih_opd(sesi)
            tk = sesi.scalar(
                select(TahunKinerja).where(
                    TahunKinerja.opd_id == opd.id, TahunKinerja.tahun == tahun
                )
            )
            if tk is None:
                tk = TahunKinerja(opd_id=opd.id, tahun=tahun)
                sesi.add(tk)
            tk.triwulan_ditutup = triwulan

    return tutup
