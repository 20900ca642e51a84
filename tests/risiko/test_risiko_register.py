"""The risk register: the demo's eleven risks, the matrix, and editing them safely."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, InputTidakSah, KonflikVersi
from sakip_desktop.model import Jabatan, JejakAudit, NodeKinerja, Risiko, StatusRisiko
from sakip_desktop.services.pelaku import SISTEM, Pelaku
from sakip_desktop.services.risiko import (
    SKALA_LEVEL_RISIKO,
    DataRisiko,
    LayananRisiko,
    StatusPenanganan,
    level_risiko,
)
from sakip_desktop.storage import Database

# The demo's likelihood × impact per risk, in register order (resources/demo, "risiko").
DEMO = [
    ("Tingkat Pengangguran Terbuka", 0, 3, 4),
    ("Menurunnya Penduduk yang bekerja", 1, 3, 4),
    ("Kurangnya Penempatan Kerja", 2, 3, 3),
    ("Kualitas kelompok masyarakat yang tidak memenuhi standart", 3, 3, 2),
    ("Rendahnya Kesempatan Kerja", 3, 3, 3),
    ("Rendahnya Kesempatan Kerja", 3, 2, 4),
    ("Tingkat migrasi yang rendah", 3, 4, 2),
    ("Menurunnya perlindungan pekerja", 2, 3, 4),
    ("Kurang Harmonisnya Iklim Ketenagakerjaan", 3, 2, 4),
    ("Menurunnya Kesejahteraan Pekerja", 2, 3, 3),
    ("Kesenjangan sosial Perusahaan dengan Pekerja", 3, 3, 3),
]


def node_kode(db: Database, kode: str) -> NodeKinerja:
    with db.baca() as sesi:
        return sesi.scalars(select(NodeKinerja).where(NodeKinerja.kode == kode)).one()


def jabatan(db: Database, nama: str) -> Jabatan:
    with db.baca() as sesi:
        return sesi.scalars(select(Jabatan).where(Jabatan.nama == nama)).one()


def test_skala_level_mencakup_1_sampai_25_tanpa_celah() -> None:
    batas = [(lv.batas_bawah, lv.batas_atas) for lv in SKALA_LEVEL_RISIKO]
    assert batas == [(1, 4), (5, 9), (10, 14), (15, 25)]
    assert [level_risiko(k, d).label for k, d in ((1, 4), (1, 5), (3, 3), (2, 5), (3, 5))] == [
        "Rendah",
        "Sedang",
        "Sedang",
        "Tinggi",
        "Sangat Tinggi",
    ]
    assert level_risiko(None, 3) is None


def test_register_demo_berisi_sebelas_risiko_sumber(db_demo: Database) -> None:
    daftar = LayananRisiko(db_demo).daftar(2020)
    assert [(r.pernyataan, r.level, r.kemungkinan, r.dampak_skala) for r in daftar] == DEMO
    pertama = daftar[0]
    assert pertama.pemilik == "BUPATI"
    assert pertama.node_uraian == "Meningkatnya Penduduk yang Bekerja"
    assert pertama.penyebab == "Mutu/ kualitas SDM yang kurang sesuai dengan kebutuhan pasar"
    assert pertama.skor == 12 and pertama.level_risiko.label == "Tinggi"
    assert LayananRisiko(db_demo).daftar(2019) == []


def test_matriks_demo_menghitung_risiko_per_sel(db_demo: Database) -> None:
    layanan = LayananRisiko(db_demo)
    m = layanan.matriks(2020)
    harapan: dict[tuple[int, int], int] = {}
    for _, _, k, d in DEMO:
        harapan[(k, d)] = harapan.get((k, d), 0) + 1
    assert {sel: len(ids) for sel, ids in m.sel.items()} == harapan
    assert harapan == {(3, 4): 3, (3, 3): 4, (3, 2): 1, (2, 4): 2, (4, 2): 1}
    assert m.total == 11 and m.belum_dinilai == ()
    assert m.jumlah(5, 5) == 0
    assert m.per_level() == {"Rendah": 0, "Sedang": 8, "Tinggi": 3, "Sangat Tinggi": 0}
    sel = layanan.di_sel(2020, 3, 4)
    assert [r.pernyataan for r in sel] == [
        "Tingkat Pengangguran Terbuka",
        "Menurunnya Penduduk yang bekerja",
        "Menurunnya perlindungan pekerja",
    ]
    assert [r.id for r in sel] == list(m.sel[(3, 4)])


def test_tambah_ubah_status_hapus(db_demo: Database) -> None:
    layanan = LayananRisiko(db_demo)
    program = node_kode(db_demo, "2.07.01")
    kabid = jabatan(db_demo, "Kepala Bidang Pelatihan Kerja")
    baru = layanan.tambah(
        SISTEM,
        DataRisiko(
            tahun=2020,
            pernyataan="  Peserta pelatihan tidak hadir  ",
            node_id=program.id,
            pemilik_id=kabid.id,
            penyebab="Jadwal bentrok dengan musim panen",
            kemungkinan=4,
            dampak_skala=4,
            penanggung_jawab="Kasi Penyelenggaraan Pelatihan",
            tenggat=date(2020, 6, 30),
        ),
    )
    assert baru.level == 3  # from the node
    assert baru.pernyataan == "Peserta pelatihan tidak hadir"
    assert baru.pemilik == "Kepala Bidang Pelatihan Kerja"
    assert baru.urutan == 11 and baru.level_risiko.label == "Sangat Tinggi"
    assert layanan.matriks(2020).jumlah(4, 4) == 1

    ubah = layanan.ubah(
        SISTEM,
        baru.id,
        DataRisiko(
            tahun=2020,
            pernyataan=baru.pernyataan,
            node_id=program.id,
            kemungkinan=2,
            dampak_skala=2,
        ),
        versi=baru.versi,
    )
    assert ubah.versi == baru.versi + 1 and ubah.level_risiko.label == "Rendah"
    with pytest.raises(KonflikVersi, match="sudah diubah"):
        layanan.ubah(SISTEM, baru.id, DataRisiko(tahun=2020, pernyataan="x"), versi=baru.versi)

    layanan.atur_status(SISTEM, baru.id, 1, StatusPenanganan.PROSES, "Undangan ulang")
    hasil = layanan.atur_status(SISTEM, baru.id, 2, "terkendali")
    assert {tw: s.status for tw, s in hasil.status.items()} == {
        1: StatusPenanganan.PROSES,
        2: StatusPenanganan.TERKENDALI,
    }
    assert hasil.status[1].catatan == "Undangan ulang"
    ganti = layanan.atur_status(SISTEM, baru.id, 1, StatusPenanganan.TERKENDALI)
    assert ganti.status[1].status is StatusPenanganan.TERKENDALI and ganti.status[1].catatan is None
    with pytest.raises(InputTidakSah, match="Triwulan harus 1–4"):
        layanan.atur_status(SISTEM, baru.id, 5, "terkendali")
    with pytest.raises(InputTidakSah, match="tidak dikenal"):
        layanan.atur_status(SISTEM, baru.id, 3, "selesai")

    layanan.hapus(SISTEM, baru.id)
    assert len(layanan.daftar(2020)) == 11
    with db_demo.baca() as sesi:
        assert sesi.scalar(select(func.count()).select_from(StatusRisiko)) == 0
        jejak = sesi.scalars(
            select(JejakAudit.aksi).where(
                JejakAudit.tabel == "risiko", JejakAudit.rekaman_id == baru.id
            )
        ).all()
    assert {"tambah", "ubah", "hapus"} <= set(jejak)


def test_isian_salah_ditolak_tanpa_perubahan(db_demo: Database) -> None:
    layanan = LayananRisiko(db_demo)
    sasaran = node_kode(db_demo, "S.1")
    with pytest.raises(InputTidakSah, match="Kemungkinan harus 1–5"):
        layanan.tambah(SISTEM, DataRisiko(2020, "Risiko", node_id=sasaran.id, kemungkinan=6))
    with pytest.raises(InputTidakSah, match="tidak sama dengan level node"):
        layanan.tambah(SISTEM, DataRisiko(2020, "Risiko", level=4, node_id=sasaran.id))
    with pytest.raises(InputTidakSah, match="Pernyataan risiko wajib"):
        layanan.tambah(SISTEM, DataRisiko(2020, "   ", node_id=sasaran.id))
    with pytest.raises(InputTidakSah, match="Level risiko"):
        layanan.tambah(SISTEM, DataRisiko(2020, "Tanpa node dan level"))
    with db_demo.baca() as sesi:
        assert sesi.scalar(select(func.count()).select_from(Risiko)) == 11


def test_kabid_hanya_mengubah_risiko_bidangnya(db_demo: Database) -> None:
    layanan = LayananRisiko(db_demo)
    kabid_pk = jabatan(db_demo, "Kepala Bidang Pelatihan Kerja")
    kabid = Pelaku("kabid.pk", Peran.KABID, jabatan_id=kabid_pk.id, nama="Kabid PK")
    daftar = layanan.daftar(2020)
    milik = next(r for r in daftar if r.node_kode == "2.07.01")
    lain = next(r for r in daftar if r.node_kode == "2.07.05")
    layanan.atur_status(kabid, milik.id, 1, StatusPenanganan.PROSES)
    with pytest.raises(AksesDitolak, match="Akses ditolak"):
        layanan.atur_status(kabid, lain.id, 1, StatusPenanganan.PROSES)
    with pytest.raises(AksesDitolak):
        layanan.hapus(kabid, lain.id)
    pembaca = Pelaku("baca", Peran.PEMBACA)
    with pytest.raises(AksesDitolak):
        layanan.tambah(pembaca, DataRisiko(2020, "Risiko", level=0))
    assert len(layanan.daftar(2020)) == 11


def test_urutan_register_dapat_dipindah(db_demo: Database) -> None:
    layanan = LayananRisiko(db_demo)
    awal = layanan.daftar(2020)
    layanan.pindah(SISTEM, awal[1].id, -1)
    sesudah = layanan.daftar(2020)
    assert [r.id for r in sesudah[:2]] == [awal[1].id, awal[0].id]
    layanan.pindah(SISTEM, sesudah[0].id, -1)  # already first: nothing moves
    assert [r.id for r in layanan.daftar(2020)] == [r.id for r in sesudah]
