"""Indicators: look-up by code, and editing their definition with validation."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.domain import JenisIndikator
from sakip_desktop.errors import (
    AksesDitolak,
    InputTidakSah,
    KesalahanPengguna,
    KonflikVersi,
    TidakDitemukan,
)
from sakip_desktop.model import Indikator, NodeKinerja, Target
from sakip_desktop.services.indikator import (
    DataIndikator,
    LayananIndikator,
    cari_indikator,
    data_indikator,
)
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database


@pytest.fixture
def node(db_demo: Database) -> Callable[[str], uuid.UUID]:
    def cari(kode: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.kode == kode)).one()

    return cari


def test_cari_indikator_dengan_kode(db_demo: Database) -> None:
    with db_demo.baca() as sesi:
        opd = pilih_opd(sesi)
        assert cari_indikator(sesi, opd, "iku.2").nama.startswith("Persentase Peningkatan Pekerja")
        assert cari_indikator(sesi, opd, " IKP.01 ", tahun=2020).satuan == "orang"
        assert cari_indikator(sesi, opd, "TPT").nama == "Tingkat Pengangguran Terbuka"  # RPJMD
        with pytest.raises(TidakDitemukan) as e:
            cari_indikator(sesi, opd, "IKU.9")
        assert e.value.pesan.startswith("Indikator dengan kode 'IKU.9' tidak ada di OPD Disnaker.")
        assert "Kode yang mirip: IKU.4" in e.value.pesan
        with pytest.raises(TidakDitemukan, match="periode Renstra"):
            cari_indikator(sesi, opd, "IKU.1", tahun=2030)


def test_tambah_ubah_hapus_indikator(
    db_demo: Database, node: Callable[[str], uuid.UUID], perencana: Pelaku
) -> None:
    layanan = LayananIndikator(db_demo)
    data = DataIndikator(
        kode="IKP.90",
        nama="Jumlah Perusahaan yang Menerapkan K3",
        satuan="perusahaan",
        jenis="jumlah",
        agregasi="akumulasi",
    )
    ind_id = layanan.tambah(perencana, node("2.07.05"), data)
    with db_demo.baca() as sesi:
        ind = sesi.get(Indikator, ind_id)
        assert ind is not None and ind.jenis is JenisIndikator.JUMLAH
        versi = ind.versi
        data = data_indikator(ind)
    data.nama = "Jumlah Perusahaan yang Menerapkan SMK3"
    assert layanan.ubah(perencana, ind_id, data, versi=versi)
    assert not layanan.ubah(perencana, ind_id, data)
    with pytest.raises(KonflikVersi):
        layanan.ubah(perencana, ind_id, data, versi=versi)
    layanan.hapus(perencana, ind_id)
    with db_demo.baca() as sesi:
        assert sesi.get(Indikator, ind_id) is None


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"kode": ""}, "kode", "wajib diisi"),
        ({"kode": "IKU 1"}, "kode", "tanpa spasi"),
        ({"kode": "iku.2"}, "kode", "sudah dipakai"),
        ({"kode": "TPT"}, "kode", "sudah dipakai"),  # the RPJMD's codes count too
        ({"nama": " "}, "nama", "wajib diisi"),
        ({"satuan": ""}, "satuan", "wajib diisi"),
        ({"jenis": "rasio"}, "jenis", "tidak dikenal"),
        ({"polaritas": "naik"}, "polaritas", "tidak dikenal"),
        ({"agregasi": "kumulatif"}, "agregasi", "tidak dikenal"),
        ({"jenis": "persentase_penyelesaian", "satuan": "orang"}, "satuan", "harus %"),
        ({"jenis": "jumlah", "satuan": "%"}, "satuan", "tidak bersatuan %"),
        ({"baseline": Decimal(-4)}, "baseline", "tidak boleh negatif"),
    ],
)
def test_indikator_tidak_sah(
    db_demo: Database,
    node: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    ubah: dict[str, object],
    field: str,
    pesan: str,
) -> None:
    data = DataIndikator("IKP.91", "Indikator uji", "orang", "jumlah")
    for k, v in ubah.items():
        setattr(data, k, v)
    with pytest.raises(InputTidakSah, match=pesan) as e:
        LayananIndikator(db_demo).tambah(perencana, node("2.07.05"), data)
    assert e.value.field == field


def test_hak_dan_realisasi_melindungi_indikator(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    node: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    kabid_pk: Pelaku,
) -> None:
    layanan = LayananIndikator(db_demo)
    with pytest.raises(AksesDitolak):
        layanan.tambah(kabid_pk, node("2.07.05"), DataIndikator("IKP.92", "Uji", "orang"))
    assert layanan.tambah(kabid_pk, node("2.07.01"), DataIndikator("IKP.92", "Uji", "orang"))
    with pytest.raises(KesalahanPengguna, match="sudah memiliki 1 realisasi"):
        layanan.hapus(perencana, ind("IKP.01"))
    with db_demo.baca() as sesi:
        ikp01 = sesi.get(Indikator, ind("IKP.01"))
        assert ikp01 is not None
        data = data_indikator(ikp01)
    data.jenis = JenisIndikator.NILAI
    with pytest.raises(InputTidakSah, match="tidak dapat diubah"):
        layanan.ubah(perencana, ind("IKP.01"), data)
    # An indicator without realizations goes with its targets.
    ikk01 = ind("IKK.01")

    def jumlah_target() -> int:
        with db_demo.baca() as sesi:
            return len(sesi.scalars(select(Target).where(Target.indikator_id == ikk01)).all())

    assert jumlah_target() == 2
    layanan.hapus(perencana, ikk01)
    assert jumlah_target() == 0
    with db_demo.baca() as sesi:
        assert sesi.get(Indikator, ikk01) is None
