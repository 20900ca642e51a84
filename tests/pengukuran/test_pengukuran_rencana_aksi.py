"""Rencana Aksi per sasaran and quarter, and the Monitoring IKU follow-up text."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, DataTerkunci, InputTidakSah
from sakip_desktop.model import NodeKinerja, TahunKinerja
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.rencana_aksi import DataRencanaAksi, LayananRencanaAksi
from sakip_desktop.services.tindak_lanjut import LayananTindakLanjut
from sakip_desktop.storage import Database

D = Decimal


@pytest.fixture
def sasaran(db_demo: Database) -> Callable[[str], uuid.UUID]:
    def cari(kode: str) -> uuid.UUID:
        with db_demo.baca() as sesi:
            return sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.kode == kode)).one()

    return cari


def test_rencana_aksi_demo_per_sasaran_dan_triwulan(db_demo: Database) -> None:
    kelompok = LayananRencanaAksi(db_demo).daftar(2020)
    assert [k.kode for k in kelompok] == ["S.1", "S.2", "S.3"]
    s2 = kelompok[1]
    assert [kode for kode, _ in s2.indikator] == ["IKU.2", "IKU.3"]
    tw1 = {a.uraian: a for a in s2.aksi(1)}
    penyuluhan = tw1["Penyuluhan pembuatan PP/PKB di perusahaan"]
    assert (penyuluhan.target, penyuluhan.realisasi, penyuluhan.capaian) == (
        D(5),
        D(4),
        D("80.00"),
    )
    assert penyuluhan.indikator_kode == "IKU.3"
    assert all(a.realisasi is None and a.capaian is None for a in s2.aksi(4))
    hanya_tw2 = LayananRencanaAksi(db_demo).daftar(2020, triwulan=2)
    assert all(set(k.per_triwulan) == {2} for k in hanya_tw2)


def test_tambah_ubah_realisasi_hapus(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    sasaran: Callable[[str], uuid.UUID],
    perencana: Pelaku,
) -> None:
    layanan = LayananRencanaAksi(db_demo)
    data = DataRencanaAksi(2020, 2, "Sosialisasi BPJS Ketenagakerjaan", ind("IKU.2"), D(3), "kali")
    aksi_id = layanan.tambah(perencana, sasaran("S.2"), data)
    data.target = D(4)
    assert layanan.ubah(perencana, aksi_id, data)
    assert not layanan.ubah(perencana, aksi_id, data)
    assert layanan.simpan_realisasi(perencana, aksi_id, D(2), catatan="Dua dari empat")
    s2 = {k.kode: k for k in layanan.daftar(2020)}["S.2"]
    baris = next(a for a in s2.aksi(2) if a.id == aksi_id)
    assert (baris.target, baris.realisasi, baris.capaian) == (D(4), D(2), D("50.00"))
    assert baris.urutan > 0  # after the demo's TW II actions
    layanan.hapus(perencana, aksi_id)
    s2 = {k.kode: k for k in layanan.daftar(2020)}["S.2"]
    assert aksi_id not in {a.id for a in s2.aksi(2)}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (DataRencanaAksi(2020, 2, "  "), "uraian"),
        (DataRencanaAksi(2020, 5, "Aksi"), "triwulan"),
        (DataRencanaAksi(2025, 1, "Aksi"), "tahun"),
        (DataRencanaAksi(2020, 1, "Aksi", target=D(-1), satuan="kali"), "target"),
        (DataRencanaAksi(2020, 1, "Aksi", target=D("1.5"), satuan="orang"), "target"),
    ],
)
def test_rencana_aksi_tidak_sah(
    db_demo: Database,
    sasaran: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    data: DataRencanaAksi,
    field: str,
) -> None:
    with pytest.raises(InputTidakSah) as e:
        LayananRencanaAksi(db_demo).tambah(perencana, sasaran("S.1"), data)
    assert e.value.field == field


def test_indikator_aksi_harus_milik_sasaran(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    sasaran: Callable[[str], uuid.UUID],
    perencana: Pelaku,
) -> None:
    with pytest.raises(InputTidakSah, match="indikator sasaran ini"):
        LayananRencanaAksi(db_demo).tambah(
            perencana, sasaran("S.1"), DataRencanaAksi(2020, 1, "Aksi", ind("IKU.2"))
        )


def test_hak_dan_kunci_rencana_aksi(
    db_demo: Database,
    sasaran: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    kabid_pk: Pelaku,
    tutup_triwulan: Callable[[int, int], None],
) -> None:
    layanan = LayananRencanaAksi(db_demo)
    with pytest.raises(AksesDitolak):
        layanan.tambah(kabid_pk, sasaran("S.1"), DataRencanaAksi(2020, 3, "Aksi"))
    aksi_id = layanan.tambah(perencana, sasaran("S.1"), DataRencanaAksi(2020, 3, "Aksi", None))
    with pytest.raises(AksesDitolak):
        layanan.simpan_realisasi(Pelaku("ins", Peran.PEMBACA), aksi_id, D(1))
    tutup_triwulan(2020, 3)
    with pytest.raises(DataTerkunci):
        layanan.simpan_realisasi(perencana, aksi_id, D(1))
    with db_demo.transaksi(perencana) as sesi:
        for tk in sesi.scalars(select(TahunKinerja).where(TahunKinerja.tahun == 2020)):
            tk.target_dikunci = True
    with pytest.raises(DataTerkunci, match="dikunci"):
        layanan.ubah(perencana, aksi_id, DataRencanaAksi(2020, 3, "Aksi lain"))


def test_tindak_lanjut_monitoring_iku(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    perencana: Pelaku,
    kabid_pk: Pelaku,
    tutup_triwulan: Callable[[int, int], None],
) -> None:
    layanan = LayananTindakLanjut(db_demo)
    assert layanan.baca(ind("IKU.2"), 2020) == {
        1: "Mendorong kepesertaan perusahaan untuk meningkatkan kepesertaan BPJS Ketenagakerjaan"
    }
    tutup_triwulan(2020, 2)  # written after the review: a closed quarter does not block it
    assert layanan.simpan(perencana, ind("IKU.2"), 2020, 2, " Sosialisasi ke 20 perusahaan ")
    assert not layanan.simpan(perencana, ind("IKU.2"), 2020, 2, "Sosialisasi ke 20 perusahaan")
    semua = layanan.tahun(2020)
    assert semua[ind("IKU.2")][2] == "Sosialisasi ke 20 perusahaan"
    assert semua[ind("IKU.4")][1].startswith("Melakukan sosialisasi")
    with pytest.raises(AksesDitolak):
        layanan.simpan(kabid_pk, ind("IKU.2"), 2020, 2, "Bukan wewenang")
    assert layanan.simpan(Pelaku("kadis", Peran.KEPALA_DINAS), ind("IKU.2"), 2020, 2, "")
    assert 2 not in layanan.baca(ind("IKU.2"), 2020)
