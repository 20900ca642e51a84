"""Dashboard data and early warning (peringatan dini)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from sakip_desktop.domain import Agregasi, DokumenTarget, JenisIndikator
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import NodeKinerja
from sakip_desktop.services.indikator import DataIndikator, LayananIndikator
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.peringatan import LayananDasbor, Peringatan
from sakip_desktop.services.realisasi import LayananRealisasi
from sakip_desktop.services.target import LayananTarget
from sakip_desktop.storage import Database

D = Decimal
MEI = date(2020, 5, 10)


def meleset(daftar: list[Peringatan]) -> dict[str, Peringatan]:
    return {p.kode: p for p in daftar if p.jenis == "meleset"}


def kosong(daftar: list[Peringatan]) -> dict[str, Peringatan]:
    return {p.kode: p for p in daftar if p.jenis == "belum_diisi"}


def test_dasbor_per_sasaran(db_demo: Database) -> None:
    data = LayananDasbor(db_demo).data(2020, hari_ini=MEI)
    assert [(s.kode, [i.kode for i in s.indikator]) for s in data.sasaran] == [
        ("S.1", ["IKU.1"]),
        ("S.2", ["IKU.2", "IKU.3"]),
        ("S.3", ["IKU.4"]),
    ]
    bpjs = data.sasaran[1].indikator[0]
    assert bpjs.target_triwulan == (D("1.01"), D("2.02"), D("3.17"), D("5.15"))
    assert bpjs.realisasi_triwulan == (D("1.01"), None, None, None)
    assert bpjs.capaian_triwulan == (D("100.00"), None, None, None)
    assert bpjs.capaian_tahunan_triwulan[0] == D("19.61")
    assert bpjs.capaian_tahunan == D("19.61")
    assert bpjs.band is not None and bpjs.band.label == "Kurang Berhasil"


def test_dasbor_berubah_setelah_realisasi_tw2(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    LayananRealisasi(db_demo).simpan(
        perencana, ind("IKU.2"), 2020, 2, komponen=(D(10210), D(10000))
    )
    bpjs = LayananDasbor(db_demo).data(2020, hari_ini=MEI).sasaran[1].indikator[0]
    assert bpjs.realisasi_triwulan[:2] == (D("1.01"), D("2.10"))
    assert bpjs.capaian_triwulan[:2] == (D("100.00"), D("103.96"))
    assert bpjs.capaian_tahunan == D("40.78")


def test_peringatan_menemukan_indikator_yang_tertinggal(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    """IKP.01 (akumulasi, 192 orang): 48 in TW I is on track (48 × 4 = 192); adding only 10
    in TW II projects (48 + 10) × 4 / 2 = 116 → 60,42%: a warning."""
    layanan = LayananDasbor(db_demo)
    awal = meleset(layanan.peringatan(2020, hari_ini=MEI))
    assert "IKP.01" not in awal
    assert "IKU.2" not in awal and "IKU.4" not in awal  # on their planned quarterly path
    assert awal["IKP.02"].capaian_proyeksi == D("29.63")  # 200 loker × 4 vs 2.700
    LayananRealisasi(db_demo).simpan(perencana, ind("IKP.01"), 2020, 2, nilai=D(10))
    p = meleset(layanan.peringatan(2020, hari_ini=date(2020, 7, 15)))["IKP.01"]
    assert (p.proyeksi, p.pembanding, p.capaian_proyeksi) == (D(116), D(192), D("60.42"))
    assert p.triwulan == (1, 2)
    assert "116 orang" in p.pesan and "192 orang" in p.pesan and "60,42%" in p.pesan


def test_nilai_akhir_dibandingkan_dengan_jalur_triwulan(
    db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    """BPJS at 1,50% in TW II is below its TW II level of 2,02% → 74,26%."""
    LayananRealisasi(db_demo).simpan(
        perencana, ind("IKU.2"), 2020, 2, komponen=(D(10150), D(10000))
    )
    p = meleset(LayananDasbor(db_demo).peringatan(2020, hari_ini=MEI))["IKU.2"]
    assert (p.proyeksi, p.pembanding, p.capaian_proyeksi) == (D("1.50"), D("2.02"), D("74.26"))
    assert "target TW II 2,02%" in p.pesan


def test_rata_rata_memakai_rata_rata_terisi(db_demo: Database, perencana: Pelaku) -> None:
    """A new rata-rata indicator: 80 and 90 filled → mean 85 against 95 → 89,47%."""
    with db_demo.baca() as sesi:
        s1 = sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.kode == "S.1")).one()
    ind_id = LayananIndikator(db_demo).tambah(
        perencana,
        s1,
        DataIndikator(
            "IKU.9",
            "Indeks kepuasan layanan",
            "indeks",
            JenisIndikator.NILAI,
            agregasi=Agregasi.RATA_RATA,
        ),
    )
    LayananTarget(db_demo).simpan(perencana, ind_id, 2020, 0, DokumenTarget.PK, NilaiTarget(D(95)))
    for tw, nilai in ((1, 80), (2, 90)):
        LayananRealisasi(db_demo).simpan(perencana, ind_id, 2020, tw, nilai=D(nilai))
    p = meleset(LayananDasbor(db_demo).peringatan(2020, hari_ini=MEI))["IKU.9"]
    assert (p.proyeksi, p.capaian_proyeksi) == (D("85.00"), D("89.47"))


def test_realisasi_belum_diisi_untuk_triwulan_lewat_atau_ditutup(
    db_demo: Database, tutup_triwulan: Callable[[int, int], None]
) -> None:
    layanan = LayananDasbor(db_demo)
    assert kosong(layanan.peringatan(2020, hari_ini=date(2020, 3, 31))) == {}
    april = kosong(layanan.peringatan(2020, hari_ini=date(2020, 4, 1)))
    assert april["IKK.02"].triwulan == (1,)
    assert april["IKK.02"].pesan == "IKK.02: realisasi TW I 2020 belum diisi."
    assert "IKP.01" not in april  # entered in the demo
    assert "IKU.1" not in april and "IKU.3" not in april  # no TW I target ("-")
    assert "TPT" not in april  # no target at all
    tutup_triwulan(2020, 2)
    ditutup = kosong(layanan.peringatan(2020, hari_ini=date(2020, 4, 1)))
    assert ditutup["IKK.02"].triwulan == (1, 2)
    assert ditutup["IKP.01"].triwulan == (2,)
    assert ditutup["IKK.02"].level == 4
