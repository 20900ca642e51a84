"""Settings: values checked, per agency over global over default, bands replaced whole."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, InputTidakSah
from sakip_desktop.kalkulasi import BandCapaian as Band
from sakip_desktop.model import Opd
from sakip_desktop.services import pengaturan as p
from sakip_desktop.services.capaian import LayananCapaian
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA)


def test_nilai_per_opd_mengalahkan_global_dan_bawaan(db_demo: Database) -> None:
    with db_demo.transaksi(PERENCANA) as sesi:
        opd = sesi.scalars(select(Opd)).one()
        assert p.baca(sesi, "kertas_pk", opd.id) == "A4"
        assert p.simpan(sesi, PERENCANA, "kertas_pk", "F4")
        assert p.baca(sesi, "kertas_pk", opd.id) == "F4"
        assert p.simpan(sesi, PERENCANA, "kertas_pk", "A4", opd.id)
        assert p.baca(sesi, "kertas_pk", opd.id) == "A4"
        assert not p.simpan(sesi, PERENCANA, "kertas_pk", "A4", opd.id)


@pytest.mark.parametrize(
    ("kunci", "nilai", "pesan"),
    [
        ("kertas_pk", "Legal", "A4 atau F4"),
        ("simpan_cadangan", 0, "1–1000"),
        ("batas_atas_capaian", 50, "antara 100"),
        ("tidak_ada", 1, "tidak dikenal"),
    ],
)
def test_nilai_salah_ditolak(db_demo: Database, kunci: str, nilai: object, pesan: str) -> None:
    with pytest.raises(InputTidakSah, match=pesan), db_demo.transaksi(PERENCANA) as sesi:
        p.simpan(sesi, PERENCANA, kunci, nilai)


def test_pita_capaian_diganti_dan_dipakai(db_demo: Database) -> None:
    baru = [Band(Decimal(90), "Baik", "#1b7f3b"), Band(Decimal(0), "Kurang", "#c0392b")]
    with db_demo.transaksi(PERENCANA) as sesi:
        p.simpan_band(sesi, PERENCANA, baru)
    baris = {b.kode: b for b in LayananCapaian(db_demo).tabel(2019)}
    assert baris["IKU.1"].band is not None and baris["IKU.1"].band.label == "Baik"
    with pytest.raises(InputTidakSah, match="mulai dari 0"), db_demo.transaksi(PERENCANA) as sesi:
        p.simpan_band(sesi, PERENCANA, [Band(Decimal(10), "X", "#000000")])


def test_kabid_tidak_mengubah_pengaturan(db_demo: Database) -> None:
    kabid = Pelaku("kabid", Peran.KABID)
    with pytest.raises(AksesDitolak), db_demo.transaksi(kabid) as sesi:
        p.simpan(sesi, kabid, "kertas_pk", "F4")
