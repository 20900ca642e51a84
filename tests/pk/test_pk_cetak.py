"""The printed PK of the demo, read back from the PDF as a reader would check it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakip_desktop.errors import KesalahanPengguna
from sakip_desktop.model import Pengaturan
from sakip_desktop.reports.pk_pdf import tulis_pk_pdf
from sakip_desktop.services.pelaku import SISTEM
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

KADIS = "Kepala Dinas Tenaga Kerja"
KABID_IPK = "Kepala Bidang Informasi Pasar Kerja dan Peningkatan Produktivitas"
KASI_PENEMPATAN = "Kepala Seksi Penempatan Tenaga Kerja"
STAF_PENYELENGGARAAN = "Staf Seksi Penyelenggaraan Pelatihan"

BacaPdf = Callable[[Path], list[str]]
Jabatan = Callable[[str], uuid.UUID]


def cetak(layanan: LayananPK, jabatan: Jabatan, nama: str, out: Path, **kw: object) -> Path:
    return layanan.cetak_jabatan(jabatan(nama), 2020, out, **kw)  # type: ignore[arg-type]


def test_pk_eselon2_kepala_dinas(
    layanan: LayananPK, jabatan: Jabatan, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    halaman = baca_pdf(cetak(layanan, jabatan, KADIS, tmp_path / "kadis.pdf"))
    assert len(halaman) == 2
    pernyataan, lampiran = halaman
    assert "PERJANJIAN KINERJA TAHUN 2020" in pernyataan
    assert "PEMERINTAH KABUPATEN LAMONGAN" in pernyataan
    assert "DINAS TENAGA KERJA" in pernyataan
    assert "Dalam rangka mewujudkan manajemen pemerintahan yang efektif" in pernyataan
    assert "Nama : Drs. Bambang Sutrisno, M.M. Jabatan : Kepala Dinas Tenaga Kerja" in pernyataan
    assert "Nama : Drs. H. Hartono Wijaya, M.Si. Jabatan : Bupati Lamongan" in pernyataan
    assert "selanjutnya disebut PIHAK PERTAMA" in pernyataan
    assert "selaku atasan langsung pihak pertama, selanjutnya disebut PIHAK KEDUA" in pernyataan
    assert "Lamongan, 2 Januari 2020" in pernyataan
    for teks in (pernyataan, lampiran):
        assert "NIP. 19680512 199403 1 007" in teks
        assert "Pembina Utama Muda (IV/c)" in teks
        assert teks.count("NIP.") == 1, "the Bupati has no NIP line"
        assert "Drs. H. Hartono Wijaya, M.Si." in teks
    # the lampiran: sasaran strategis, IKU with the 2020 targets, programs with their pagu
    assert "Sasaran Strategis Indikator Kinerja Target" in lampiran
    for sasaran, iku, target in (
        ("Meningkatnya Penempatan Kerja", "Penempatan Kerja di Sektor Formal", "1,28%"),
        ("Meningkatnya Perlindungan Pekerja", "Program BPJS Ketenagakerjaan", "5,15%"),
        ("Meningkatnya Perlindungan Pekerja", "Perselisihan Kerja", "100%"),
        ("Meningkatnya Kesejahteraan Pekerja", "Kabupaten (UMK)", "2,40%"),
    ):
        assert sasaran in lampiran and iku in lampiran
        assert target in lampiran.split(iku, 1)[1][:12], (iku, target)
    assert lampiran.count("Meningkatnya Perlindungan Pekerja") == 1, "one cell per sasaran"
    for program, pagu in (
        ("Peningkatan Kualitas Tenaga Kerja", "1.751.400.000"),
        ("Transmigrasi Regional", "335.000.000"),
        ("Pelayanan Administrasi Perkantoran", "150.000.000"),
    ):
        assert f"{program} {pagu}" in lampiran
    assert "JUMLAH 3.875.400.000" in lampiran


def test_anggaran_pk_menjumlah_baris_dan_pagu_dpa(layanan: LayananPK, jabatan: Jabatan) -> None:
    dokumen = layanan.pratinjau(jabatan(KADIS), 2020)
    assert [b.anggaran for b in dokumen.anggaran][:2] == [1751400000, 630000000]
    assert dokumen.total_anggaran == sum(b.anggaran or 0 for b in dokumen.anggaran)
    # the five programs of the sasaran add up to the source's Rp 3.475.400.000
    assert sum(b.anggaran or 0 for b in dokumen.anggaran[:5]) == 3475400000


def test_tanda_tangan_pihak_kedua_kiri_pihak_pertama_kanan(
    layanan: LayananPK,
    jabatan: Jabatan,
    posisi_pdf: Callable[[Path, int], list[tuple[str, float, float]]],
    tmp_path: Path,
) -> None:
    pdf = cetak(layanan, jabatan, KADIS, tmp_path / "kadis.pdf")
    lebar = float(PdfReader(pdf).pages[0].mediabox.width)
    for halaman in (0, 1):
        posisi = {t: (x, y) for t, x, y in posisi_pdf(pdf, halaman)}
        kedua, pertama = posisi["PIHAK KEDUA,"], posisi["PIHAK PERTAMA,"]
        tanggal = posisi["Lamongan, 2 Januari 2020"]
        assert kedua[0] < lebar / 2 < pertama[0]
        assert kedua[1] == pytest.approx(pertama[1])
        assert tanggal[0] > lebar / 2 and tanggal[1] > pertama[1]
        assert posisi["Drs. H. Hartono Wijaya, M.Si."][0] < lebar / 2
        assert posisi["Drs. Bambang Sutrisno, M.M."][0] > lebar / 2
        # room to sign and stamp between the jabatan and the name
        assert (
            posisi["KEPALA DINAS TENAGA KERJA,"][1] - posisi["Drs. Bambang Sutrisno, M.M."][1] > 60
        )


def test_pk_eselon3_plt_kabid_ipk(
    layanan: LayananPK, jabatan: Jabatan, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    pernyataan, lampiran = baca_pdf(cetak(layanan, jabatan, KABID_IPK, tmp_path / "ipk.pdf"))
    assert f"Jabatan : Plt. {KABID_IPK}" in pernyataan
    assert "Plt. KEPALA BIDANG INFORMASI PASAR KERJA" in pernyataan
    assert "Moch. Arif Hidayat, S.E., M.M." in pernyataan
    for teks in (pernyataan, lampiran):
        assert "NIP. 19750618 200212 1 005" in teks
        assert "NIP. 19680512 199403 1 007" in teks  # the Kepala Dinas, pihak kedua
    assert "Sasaran Program" in lampiran
    assert "Meningkatkan Informasi Lowongan Kerja dan Produktifitas" in lampiran
    assert "Jumlah Informasi Pasar Kerja yang Terdistribusikan 2.700 loker" in lampiran
    assert "Program Kegiatan Anggaran (Rp)" in lampiran
    assert "Bimbingan Manajerial dan Monev 40.000.000" in lampiran
    assert "JUMLAH 630.000.000" in lampiran


def test_pk_eselon4_kasi(
    layanan: LayananPK, jabatan: Jabatan, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    pernyataan, lampiran = baca_pdf(cetak(layanan, jabatan, KASI_PENEMPATAN, tmp_path / "k.pdf"))
    assert "Rina Kusumawati, S.E." in pernyataan and "Endang Purwaningsih" in pernyataan
    assert "NIP. 19810725 200604 2 008" in lampiran
    assert "NIP. 19731104 200003 2 003" in lampiran
    assert "Sasaran Kegiatan" in lampiran
    assert "Jumlah Perusahaan yang Dimonitoring 35 perusahaan" in lampiran
    assert "Diterima oleh Perusahaan 8 kali" in lampiran
    assert "Mempekerjakan TKA 12 perusahaan" in lampiran
    assert "di Perusahaan 42.000.000" in lampiran
    assert "JUMLAH 78.000.000" in lampiran


def test_pk_staf_tanpa_tabel_anggaran(
    layanan: LayananPK, jabatan: Jabatan, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    pernyataan, lampiran = baca_pdf(
        cetak(layanan, jabatan, STAF_PENYELENGGARAAN, tmp_path / "s.pdf")
    )
    assert "Rizky Ramadhan, A.Md." in pernyataan and "Slamet Riyadi, S.T." in pernyataan
    assert "NIP. 19920210 201402 1 001" in lampiran and "Pengatur (II/c)" in lampiran
    assert "Rencana Hasil Kerja Indikator Kinerja Individu" in lampiran
    assert "Jumlah angkatan pelatihan yang diadministrasikan 12 angkatan" in lampiran
    assert "Anggaran" not in lampiran and "JUMLAH" not in lampiran


def test_pk_bupati_satu_penandatangan(
    layanan: LayananPK, db_demo: Database, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    bupati = layanan.cari_jabatan("Bupati Lamongan")
    pernyataan, lampiran = baca_pdf(layanan.cetak_jabatan(bupati, 2020, tmp_path / "b.pdf"))
    assert "PIHAK KEDUA" not in pernyataan and "PIHAK PERTAMA" not in pernyataan
    assert "berjanji akan mewujudkan target kinerja" in pernyataan
    assert "BUPATI LAMONGAN," in pernyataan and "NIP" not in pernyataan + lampiran
    assert "Lamongan, 2 Januari 2020" in pernyataan
    assert "Tingkat Pengangguran Terbuka" in lampiran


def test_kertas_f4_satuan_opsional_dan_fon_tertanam(
    layanan: LayananPK, jabatan: Jabatan, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    pdf = cetak(layanan, jabatan, KABID_IPK, tmp_path / "f4.pdf", kertas="F4", kolom_satuan=False)
    halaman = PdfReader(pdf).pages[0]
    assert float(halaman.mediabox.width) == pytest.approx(215 / 25.4 * 72, abs=0.5)
    assert float(halaman.mediabox.height) == pytest.approx(330 / 25.4 * 72, abs=0.5)
    lampiran = baca_pdf(pdf)[1]
    assert "Satuan" not in lampiran
    assert "Terdistribusikan 2.700 loker" in lampiran
    dengan = baca_pdf(cetak(layanan, jabatan, KABID_IPK, tmp_path / "a4.pdf"))[1]
    assert "Target Satuan" in dengan
    fon: set[str] = set()

    def kunjungi(teks: str, _cm: object, _tm: object, font: dict, _size: object) -> None:
        if teks.strip():
            desk = font.get("/FontDescriptor")
            fon.add(f"{font['/BaseFont']}:{'/FontFile2' in desk.get_object() if desk else False}")

    for p in PdfReader(pdf).pages:
        p.extract_text(visitor_text=kunjungi)
    assert fon and all(f.endswith(":True") and "LiberationSans" in f for f in fon), fon


def test_tabel_panjang_mengulang_kepala_dan_nomor_halaman(
    layanan: LayananPK, jabatan: Jabatan, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    dokumen = layanan.pratinjau(jabatan(KADIS), 2020)
    banyak = tuple(
        replace(b, uraian=f"Sasaran uji {i // 2}", urutan=i)
        for i, b in enumerate(dokumen.kinerja * 15)
    )
    pdf = tulis_pk_pdf([replace(dokumen, kinerja=banyak)], tmp_path / "panjang.pdf")
    halaman = baca_pdf(pdf)
    assert len(halaman) >= 4
    lampiran = halaman[1:]
    tabel = [h for h in lampiran if "Sasaran uji" in h]
    assert len(tabel) >= 2
    assert all("No Sasaran Strategis Indikator Kinerja Target" in h for h in tabel)
    n = len(halaman)
    assert [f"Halaman {i} dari {n}" in h for i, h in enumerate(halaman, 1)] == [True] * n


def test_templat_dan_logo_dari_pengaturan(
    layanan: LayananPK, jabatan: Jabatan, db_demo: Database, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    with db_demo.transaksi(SISTEM) as sesi:
        sesi.add(Pengaturan(kunci="templat_pk", nilai=json.dumps({"judul": "PK TAHUN {tahun}"})))
        sesi.add(Pengaturan(kunci="logo_kop", nilai=json.dumps(str(tmp_path / "tidak-ada.png"))))
    with pytest.raises(KesalahanPengguna, match=r"logo kop surat tidak ditemukan.*logo_kop"):
        cetak(layanan, jabatan, KADIS, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    with db_demo.transaksi(SISTEM) as sesi:
        for p in sesi.query(Pengaturan).filter(Pengaturan.kunci == "logo_kop"):
            sesi.delete(p)
    pernyataan = baca_pdf(cetak(layanan, jabatan, KADIS, tmp_path / "y.pdf"))[0]
    assert "PK TAHUN 2020" in pernyataan and "PERJANJIAN KINERJA TAHUN" not in pernyataan
