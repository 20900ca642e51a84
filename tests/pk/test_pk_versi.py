"""PK versions: draft, edit, sign (locked snapshot), PK perubahan; who may do what."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from sakip_desktop.domain import Peran, StatusPK
from sakip_desktop.errors import (
    AksesDitolak,
    DataTerkunci,
    InputTidakSah,
    KesalahanPengguna,
    KonflikVersi,
    TidakDitemukan,
)
from sakip_desktop.model import Pegawai, PemangkuJabatan, PerjanjianKinerja
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

KADIS = "Kepala Dinas Tenaga Kerja"
KABID_PK = "Kepala Bidang Pelatihan Kerja"
KABID_HI = "Kepala Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"
KASI_KELEMBAGAAN = "Kepala Seksi Kelembagaan Pelatihan"
Jabatan = Callable[[str], uuid.UUID]
BacaPdf = Callable[[Path], list[str]]


def jumlah_pk(db: Database) -> int:
    with db.baca() as sesi:
        return len(sesi.scalars(select(PerjanjianKinerja.id)).all())


def test_susun_draf_dari_pohon_lalu_ubah_target_dan_selisih(
    layanan: LayananPK, jabatan: Jabatan, perencana: Pelaku
) -> None:
    pk = layanan.susun(perencana, jabatan(KADIS), 2020)
    assert pk.status is StatusPK.DRAF and pk.versi_ke == 0 and pk.id is not None
    assert pk.tempat == "Lamongan" and pk.tanggal == date(2020, 1, 2)
    assert pk.pertama is not None and pk.pertama.nip == "196805121994031007"
    assert pk.kedua is not None and pk.kedua.kepala_daerah and pk.kedua.nip is None
    assert [b.target.nilai for b in pk.kinerja if b.target] == [
        Decimal("1.28"),
        Decimal("5.15"),
        Decimal("100"),
        Decimal("2.40"),
    ]
    assert layanan.selisih(pk.id, per_tanggal=date(2020, 1, 2)) == []
    # by the end of 2020 the April refocusing cut five programs: the page shows it
    potong = {s.uraian: (s.nilai_pk, s.nilai_pohon) for s in layanan.selisih(pk.id)}
    assert len(potong) == 5
    assert potong["Transmigrasi Regional"] == ("Rp 335.000.000", "Rp 2.036.700")
    with pytest.raises(KesalahanPengguna, match="sudah ada"):
        layanan.susun(perencana, jabatan(KADIS), 2020)

    iku1 = pk.kinerja[0]
    baris = layanan.ubah_baris(perencana, iku1.id, target="1,5", keterangan="  usulan  ")
    assert baris.target is not None and baris.target.nilai == Decimal("1.5")
    assert baris.keterangan == "usulan"
    beda = layanan.selisih(pk.id, per_tanggal=date(2020, 1, 2))
    assert [(s.jenis, s.nilai_pk, s.nilai_pohon) for s in beda] == [("target", "1,50%", "1,28%")]
    assert "PK 1,50%, pohon kinerja 1,28%" in beda[0].pesan
    # a range and a predicate are accepted too; a bad number names the field
    assert layanan.ubah_baris(perencana, iku1.id, target="1,20 – 1,40").target.nilai_maks == (
        Decimal("1.40")
    )
    with pytest.raises(InputTidakSah, match="Target"):
        layanan.ubah_baris(perencana, iku1.id, target="1.28")
    with pytest.raises(InputTidakSah, match="Anggaran hanya"):
        layanan.ubah_baris(perencana, iku1.id, anggaran=Decimal(5))
    program = pk.anggaran[0]
    with pytest.raises(InputTidakSah, match="negatif"):
        layanan.ubah_baris(perencana, program.id, anggaran=Decimal(-1))
    assert layanan.ubah_baris(perencana, program.id, anggaran=Decimal(1)).anggaran == 1
    assert [s.jenis for s in layanan.selisih(pk.id, per_tanggal=date(2020, 3, 1))] == [
        "target",
        "anggaran",
    ]
    # a stale copy of the row is refused
    with pytest.raises(KonflikVersi):
        layanan.ubah_baris(perencana, program.id, keterangan="x", versi=program.versi)


def test_pk_ditandatangani_terkunci_dan_mencetak_ulang_sama(
    layanan: LayananPK,
    jabatan: Jabatan,
    perencana: Pelaku,
    db_demo: Database,
    baca_pdf: BacaPdf,
    tmp_path: Path,
) -> None:
    pk = layanan.susun(perencana, jabatan(KABID_PK), 2020, tanggal=date(2020, 1, 6))
    ditandatangani = layanan.tandatangani(perencana, pk.id)
    assert ditandatangani.status is StatusPK.DITANDATANGANI
    sebelum = baca_pdf(layanan.cetak(pk.id, tmp_path / "a.pdf"))
    baris = ditandatangani.kinerja[0]
    for aksi in (
        lambda: layanan.ubah_baris(perencana, baris.id, target="200"),
        lambda: layanan.ubah_baris(perencana, baris.id, keterangan="x"),
        lambda: layanan.ubah_kepala(perencana, pk.id, tempat="Surabaya"),
        lambda: layanan.susun_ulang(perencana, pk.id),
        lambda: layanan.hapus_draf(perencana, pk.id),
        lambda: layanan.tandatangani(perencana, pk.id),
    ):
        with pytest.raises(DataTerkunci, match="PK perubahan"):
            aksi()
    assert layanan.baca(pk.id).kinerja[0].target == baris.target
    # people move and are renamed: the signed PK keeps its snapshot
    with db_demo.transaksi(perencana) as sesi:
        kabid = sesi.scalars(select(Pegawai).where(Pegawai.nip == "197008201997031003")).one()
        kabid.nama = "Nama Baru"
        kabid.golongan = "IV/b"
    assert baca_pdf(layanan.cetak(pk.id, tmp_path / "b.pdf")) == sebelum
    assert "Ir. Agus Santoso, M.T." in sebelum[0]


def test_pk_perubahan_menyimpan_versi_lama(
    layanan: LayananPK,
    jabatan: Jabatan,
    perencana: Pelaku,
    baca_pdf: BacaPdf,
    tmp_path: Path,
) -> None:
    asli = layanan.susun(perencana, jabatan(KADIS), 2020)
    with pytest.raises(DataTerkunci, match="sudah ditandatangani"):
        layanan.revisi(perencana, asli.id, "Refocusing", date(2020, 5, 4))
    layanan.tandatangani(perencana, asli.id)
    with pytest.raises(InputTidakSah, match="Alasan"):
        layanan.revisi(perencana, asli.id, "  ", date(2020, 5, 4))
    with pytest.raises(InputTidakSah, match="tidak boleh sebelum"):
        layanan.revisi(perencana, asli.id, "Refocusing", date(2019, 12, 1))
    alasan = "Refocusing anggaran untuk penanganan Covid-19"
    baru = layanan.revisi(perencana, asli.id, alasan, date(2020, 5, 4))
    assert baru.versi_ke == 1 and baru.status is StatusPK.DRAF
    assert baru.alasan_perubahan == alasan
    # drafted again after the April refocusing: Rp 593.700.000 less
    assert asli.total_anggaran - baru.total_anggaran == Decimal("593700000")
    assert layanan.baca(asli.id).status is StatusPK.DITANDATANGANI  # in force until signed
    with pytest.raises(DataTerkunci, match="PK terakhir"):
        layanan.revisi(perencana, asli.id, alasan, date(2020, 5, 4))
    layanan.tandatangani(perencana, baru.id)
    riwayat = layanan.riwayat(jabatan(KADIS), 2020)
    assert [(r.versi_ke, r.status) for r in riwayat] == [
        (0, StatusPK.DIGANTI),
        (1, StatusPK.DITANDATANGANI),
    ]
    daftar = {b.jabatan: b for b in layanan.daftar(2020)}
    assert daftar[KADIS].pk is not None and daftar[KADIS].pk.versi_ke == 1

    lama = baca_pdf(layanan.cetak(asli.id, tmp_path / "lama.pdf"))
    perubahan = baca_pdf(layanan.cetak(baru.id, tmp_path / "baru.pdf"))
    assert "PERJANJIAN KINERJA TAHUN 2020" in lama[0] and "PERUBAHAN" not in lama[0]
    assert "JUMLAH 3.875.400.000" in lama[1]
    assert "sudah diganti oleh PK perubahan" in lama[0]
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in perubahan[0]
    assert alasan in perubahan[0]
    assert "Lamongan, 4 Mei 2020" in perubahan[0]
    assert "JUMLAH 3.281.700.000" in perubahan[1]
    # the CLI and the batch print the version in force
    pdf = layanan.cetak_jabatan(jabatan(KADIS), 2020, tmp_path / "kini.pdf")
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in baca_pdf(pdf)[0]


def test_revisi_tanpa_susun_ulang_menyalin_baris(
    layanan: LayananPK, jabatan: Jabatan, perencana: Pelaku
) -> None:
    asli = layanan.susun(perencana, jabatan(KASI_KELEMBAGAAN), 2020)
    layanan.ubah_baris(perencana, asli.kinerja[0].id, target="20", keterangan="disepakati")
    layanan.tandatangani(perencana, asli.id)
    salinan = layanan.revisi(
        perencana, asli.id, "Pergantian pejabat", date(2020, 7, 1), susun_ulang=False
    )
    assert salinan.kinerja[0].target.nilai == 20
    assert salinan.kinerja[0].keterangan == "disepakati"
    assert salinan.kinerja[0].id != asli.kinerja[0].id


def test_jabatan_kosong_tidak_dapat_disusun(
    layanan: LayananPK, jabatan: Jabatan, perencana: Pelaku, db_demo: Database
) -> None:
    with db_demo.transaksi(perencana) as sesi:
        p = sesi.scalars(
            select(PemangkuJabatan).where(PemangkuJabatan.jabatan_id == jabatan(KABID_PK))
        ).one()
        p.selesai = date(2020, 1, 3)
    with pytest.raises(TidakDitemukan, match=f"{KABID_PK} tidak ada pemangkunya"):
        layanan.susun(perencana, jabatan(KABID_PK), 2020, tanggal=date(2020, 2, 3))
    with pytest.raises(TidakDitemukan, match=f"Atasan {KASI_KELEMBAGAAN}.*{KABID_PK}"):
        layanan.susun(perencana, jabatan(KASI_KELEMBAGAAN), 2020, tanggal=date(2020, 2, 3))
    assert jumlah_pk(db_demo) == 0
    # before the end of the term the holder signs
    assert layanan.susun(perencana, jabatan(KABID_PK), 2020).pertama is not None
    # a draft whose date moves past the term cannot be signed
    pk = layanan.daftar(2020, bidang="PK")[0].pk
    assert pk is not None
    ubah = layanan.ubah_kepala(perencana, pk.id, tanggal=date(2020, 3, 2))
    assert ubah.pertama is None
    with pytest.raises(TidakDitemukan, match="tidak ada pemangkunya"):
        layanan.tandatangani(perencana, pk.id)
    assert layanan.baca(pk.id).status is StatusPK.DRAF


def test_hak_akses_kabid_dan_penandatangan(
    layanan: LayananPK, jabatan: Jabatan, perencana: Pelaku, db_demo: Database
) -> None:
    kabid_pk = Pelaku("agus", Peran.KABID, jabatan(KABID_PK), "Agus")
    kadis = Pelaku("bambang", Peran.KEPALA_DINAS, jabatan(KADIS), "Bambang")
    pembaca = Pelaku("tamu", Peran.PEMBACA, nama="Tamu")
    milik_bidang = layanan.susun(kabid_pk, jabatan(KASI_KELEMBAGAAN), 2020)
    layanan.susun(kabid_pk, jabatan(KABID_PK), 2020)
    with pytest.raises(AksesDitolak, match=f"tidak berwenang mengelola.*{KABID_HI}"):
        layanan.susun(kabid_pk, jabatan(KABID_HI), 2020)
    with pytest.raises(AksesDitolak):
        layanan.susun(kadis, jabatan(KABID_HI), 2020)
    with pytest.raises(AksesDitolak):
        layanan.susun(pembaca, jabatan(KADIS), 2020)
    with pytest.raises(AksesDitolak, match="Kepala Dinas, Administrator atau Perencana"):
        layanan.tandatangani(kabid_pk, milik_bidang.id)
    assert layanan.baca(milik_bidang.id).status is StatusPK.DRAF
    assert layanan.tandatangani(kadis, milik_bidang.id).status is StatusPK.DITANDATANGANI
    assert jumlah_pk(db_demo) == 2
    hapus = layanan.susun(perencana, jabatan(KADIS), 2020)
    layanan.hapus_draf(perencana, hapus.id)
    assert jumlah_pk(db_demo) == 2
