"""Fixtures of the security tests: one user of each role, placed in the demo's organisation."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from bantu_keamanan import jumlah_jejak
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.model import Indikator, Jabatan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

JABATAN_PERAN = {
    "kadis": (Peran.KEPALA_DINAS, "Kepala Dinas Tenaga Kerja"),
    "kabid_pk": (Peran.KABID, "Kepala Bidang Pelatihan Kerja"),
    "kabid_hi": (Peran.KABID, "Kepala Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"),
    "kasi_pk1": (Peran.KASI, "Kepala Seksi Kelembagaan Pelatihan"),
    "kasi_pk2": (Peran.KASI, "Kepala Seksi Penyelenggaraan Pelatihan"),
    "staf_pk1": (Peran.STAF, "Staf Seksi Kelembagaan Pelatihan"),
}


@pytest.fixture
def pelaku(db_demo: Database) -> dict[str, Pelaku]:
    """One user per role; the positioned ones hold the demo's real positions."""
    hasil = {
        "admin": Pelaku("admin", Peran.ADMINISTRATOR),
        "perencana": Pelaku("rina", Peran.PERENCANA),
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
def hitung_jejak(db_demo: Database) -> Callable[[], int]:
    """How many audit rows the demo database holds now."""
    return lambda: jumlah_jejak(db_demo)
