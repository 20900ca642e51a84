"""SOP register: the source's three SOPs, and documents kept byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, DatabaseBermasalah, InputTidakSah, TidakDitemukan
from sakip_desktop.model import Jabatan, Sop, UnitKerja
from sakip_desktop.services.pelaku import SISTEM, Pelaku
from sakip_desktop.services.sop import DataSop, LayananSop
from sakip_desktop.storage import Database


def isi_pdf_palsu() -> bytes:
    """Bytes of every value 0–255, NULs and a PDF header: what text handling would break."""
    return b"%PDF-1.4\n" + bytes(range(256)) * 300 + b"\x00\r\n%%EOF\n"


def test_register_demo_memuat_tiga_sop_sumber(db_demo: Database) -> None:
    daftar = LayananSop(db_demo).daftar()
    assert [s.judul for s in daftar] == [
        "SOP Penerbitan AK-1",
        "SOP Pendaftaran Pelatihan Kerja",
        "SOP Penyelenggaraan Transmigrasi",
    ]
    assert daftar[0].unit == "Seksi Penempatan Tenaga Kerja"
    assert (
        daftar[1].node
        == "Pembinaan dan Pelatihan Keterampilan Kerja bagi Tenaga Kerja dan Masyarakat"
    )
    assert all(s.label_status == "Berlaku" and not s.ada_berkas for s in daftar)


def test_dokumen_tersimpan_dan_terbaca_sama_persis(db_demo: Database, tmp_path: Path) -> None:
    layanan = LayananSop(db_demo)
    sop = layanan.daftar()[0]
    asli = tmp_path / "SOP AK-1 (2020).pdf"
    isi = isi_pdf_palsu()
    asli.write_bytes(isi)
    hasil = layanan.lampirkan(SISTEM, sop.id, asli)
    assert hasil.sha256 == hashlib.sha256(isi).hexdigest()
    assert (hasil.nama_berkas, hasil.jenis_mime, hasil.ukuran) == (
        "SOP AK-1 (2020).pdf",
        "application/pdf",
        len(isi),
    )
    asli.unlink()  # the database keeps its own copy
    berkas = layanan.baca_berkas(sop.id)
    assert berkas.isi == isi and berkas.sha256 == hasil.sha256

    jalur = layanan.buka_sementara(sop.id, tmp_path / "sementara")
    assert jalur.name == "SOP AK-1 (2020).pdf"
    assert jalur.read_bytes() == isi
    assert jalur.stat().st_mode & 0o222 == 0  # read-only: an edit cannot pass for the SOP
    assert layanan.buka_sementara(sop.id, tmp_path / "sementara") == jalur  # reused


def test_dokumen_diganti_dan_dilepas(db_demo: Database, tmp_path: Path) -> None:
    layanan = LayananSop(db_demo)
    sop = layanan.daftar()[1]
    layanan.lampirkan(SISTEM, sop.id, b"versi satu", nama_berkas="sop.docx")
    kedua = layanan.lampirkan(SISTEM, sop.id, b"versi dua", nama_berkas="../rahasia/sop:2.txt")
    assert kedua.nama_berkas == "sop_2.txt"  # no path, no character Windows refuses
    assert layanan.baca_berkas(sop.id).isi == b"versi dua"
    jalur1 = layanan.buka_sementara(sop.id, tmp_path)
    assert jalur1.read_bytes() == b"versi dua"
    layanan.lepas_berkas(SISTEM, sop.id)
    assert not layanan.ambil(sop.id).ada_berkas
    with pytest.raises(TidakDitemukan, match="belum memiliki dokumen"):
        layanan.baca_berkas(sop.id)
    with pytest.raises(InputTidakSah, match="kosong"):
        layanan.lampirkan(SISTEM, sop.id, b"", nama_berkas="kosong.pdf")
    with pytest.raises(TidakDitemukan, match="tidak ditemukan"):
        layanan.lampirkan(SISTEM, sop.id, tmp_path / "tidak-ada.pdf")


def test_dokumen_rusak_terdeteksi(db_demo: Database) -> None:
    layanan = LayananSop(db_demo)
    sop = layanan.daftar()[0]
    layanan.lampirkan(SISTEM, sop.id, b"isi asli", nama_berkas="a.pdf")
    with db_demo.transaksi(SISTEM) as sesi:
        sesi.execute(update(Sop).where(Sop.id == sop.id).values(isi=b"isi diubah di luar"))
    with pytest.raises(DatabaseBermasalah, match="SHA-256 tidak cocok"):
        layanan.baca_berkas(sop.id)


def test_tambah_ubah_hapus_dan_hak_akses(db_demo: Database) -> None:
    layanan = LayananSop(db_demo)
    with db_demo.baca() as sesi:
        seksi = sesi.scalars(
            select(UnitKerja).where(UnitKerja.nama == "Seksi Penyelesaian Hubungan Industrial")
        ).one()
        kabid_hi = sesi.scalars(
            select(Jabatan).where(Jabatan.nama.like("Kepala Bidang Hubungan Industrial%"))
        ).one()
        kabid_pk = sesi.scalars(
            select(Jabatan).where(Jabatan.nama == "Kepala Bidang Pelatihan Kerja")
        ).one()
    data = DataSop("SOP Mediasi Perselisihan", "060/04/413.117/2020", 2020, seksi.id)
    hi = Pelaku("kabid.hi", Peran.KABID, jabatan_id=kabid_hi.id)
    pk = Pelaku("kabid.pk", Peran.KABID, jabatan_id=kabid_pk.id)
    with pytest.raises(AksesDitolak, match="SOP unit ini"):
        layanan.tambah(pk, data)
    baru = layanan.tambah(hi, data)
    assert (baru.unit, baru.status) == ("Seksi Penyelesaian Hubungan Industrial", "berlaku")
    with pytest.raises(InputTidakSah, match="Status SOP"):
        layanan.ubah(hi, baru.id, DataSop("SOP Mediasi", status="aktif", unit_id=seksi.id))
    ubah = layanan.ubah(
        hi, baru.id, DataSop("SOP Mediasi", status="dicabut", unit_id=seksi.id), versi=baru.versi
    )
    assert (ubah.judul, ubah.label_status) == ("SOP Mediasi", "Dicabut")
    with pytest.raises(AksesDitolak):
        layanan.lampirkan(pk, baru.id, b"x", nama_berkas="x.pdf")
    layanan.hapus(hi, baru.id)
    assert len(layanan.daftar()) == 3
