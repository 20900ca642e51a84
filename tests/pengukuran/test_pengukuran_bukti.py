"""Evidence files inside the database: byte-identical round trip, type and size checks."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, DataTerkunci, InputTidakSah, KesalahanPengguna
from sakip_desktop.model import Pengaturan
from sakip_desktop.services.bukti import LayananBukti
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.realisasi import LayananRealisasi
from sakip_desktop.storage import Database

PDF = b"%PDF-1.4\n" + os.urandom(50_000) + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture
def entri_tw2(db_demo: Database, ind: Callable[[str], uuid.UUID], perencana: Pelaku) -> uuid.UUID:
    """IKP.02 has a draft TW II 2020 entry to attach evidence to."""
    LayananRealisasi(db_demo).simpan(perencana, ind("IKP.02"), 2020, 2, nilai=Decimal(300))
    return ind("IKP.02")


def test_bukti_kembali_identik_byte_demi_byte(
    db_demo: Database, entri_tw2: uuid.UUID, perencana: Pelaku, tmp_path: Path
) -> None:
    asal = tmp_path / "daftar hadir job fair.pdf"
    asal.write_bytes(PDF)
    layanan = LayananBukti(db_demo)
    info = layanan.lampirkan(perencana, entri_tw2, 2020, 2, asal)
    assert info.nama_berkas == "daftar hadir job fair.pdf"
    assert info.jenis_mime == "application/pdf"
    assert info.ukuran == len(PDF) and info.sha256 == hashlib.sha256(PDF).hexdigest()
    assert info.diunggah_oleh == "rina"
    foto = layanan.lampirkan_isi(perencana, entri_tw2, 2020, 2, "C:\\Foto\\kegiatan.PNG", PNG)
    assert foto.nama_berkas == "kegiatan.PNG" and foto.jenis_mime == "image/png"
    assert [b.nama_berkas for b in layanan.daftar(entri_tw2, 2020, 2)] == [
        "daftar hadir job fair.pdf",
        "kegiatan.PNG",
    ]
    _, isi = layanan.baca(info.id)
    assert isi == PDF
    keluar = layanan.simpan_ke(info.id, tmp_path)
    assert keluar != asal and keluar.read_bytes() == PDF
    # The same file twice is kept once.
    assert layanan.lampirkan(perencana, entri_tw2, 2020, 2, asal).id == info.id
    assert len(layanan.daftar(entri_tw2, 2020, 2)) == 2
    layanan.hapus(perencana, foto.id)
    assert [b.id for b in layanan.daftar(entri_tw2, 2020, 2)] == [info.id]


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("program.exe", b"MZ\x90\x00", "jenis berkas tidak diterima"),
        ("laporan.pdf", b"MZ\x90\x00 not a pdf", "tidak cocok dengan jenisnya"),
        ("data.xlsx", b"%PDF-1.4", "tidak cocok dengan jenisnya"),
        ("kosong.pdf", b"", "kosong"),
        ("data.csv", b"a;b\x00\x00", "bukan teks CSV"),
    ],
)
def test_berkas_tidak_diterima(
    db_demo: Database, entri_tw2: uuid.UUID, perencana: Pelaku, nama: str, isi: bytes, pesan: str
) -> None:
    layanan = LayananBukti(db_demo)
    with pytest.raises(InputTidakSah, match=pesan):
        layanan.lampirkan_isi(perencana, entri_tw2, 2020, 2, nama, isi)
    assert layanan.daftar(entri_tw2, 2020, 2) == []


def test_batas_ukuran_adalah_pengaturan(
    db_demo: Database, entri_tw2: uuid.UUID, perencana: Pelaku
) -> None:
    layanan = LayananBukti(db_demo)
    with db_demo.transaksi(perencana) as sesi:
        sesi.add(Pengaturan(kunci="ukuran_maks_bukti_mb", nilai=json.dumps(0.01)))
    with pytest.raises(InputTidakSah, match="melebihi batas"):
        layanan.lampirkan_isi(perencana, entri_tw2, 2020, 2, "besar.pdf", PDF)
    assert layanan.lampirkan_isi(perencana, entri_tw2, 2020, 2, "kecil.pdf", b"%PDF-1.4 ok")


def test_bukti_ikut_aturan_realisasi(
    db_demo: Database,
    ind: Callable[[str], uuid.UUID],
    entri_tw2: uuid.UUID,
    perencana: Pelaku,
    kabid_pk: Pelaku,
    tutup_triwulan: Callable[[int, int], None],
) -> None:
    layanan = LayananBukti(db_demo)
    with pytest.raises(KesalahanPengguna, match="belum diisi"):
        layanan.lampirkan_isi(perencana, ind("IKP.01"), 2020, 3, "a.pdf", PDF)
    with pytest.raises(AksesDitolak):
        layanan.lampirkan_isi(kabid_pk, entri_tw2, 2020, 2, "a.pdf", PDF)
    with pytest.raises(AksesDitolak):
        layanan.lampirkan_isi(Pelaku("ins", Peran.PEMBACA), entri_tw2, 2020, 2, "a.pdf", PDF)
    info = layanan.lampirkan_isi(perencana, entri_tw2, 2020, 2, "a.pdf", PDF)
    # Emptying an entry that still holds evidence is refused rather than losing the file.
    with pytest.raises(KesalahanPengguna, match="masih memiliki 1 berkas bukti"):
        LayananRealisasi(db_demo).simpan(perencana, entri_tw2, 2020, 2)
    # TW I 2020 of IKP.02 is verified in the demo: no evidence can be added to it.
    with pytest.raises(DataTerkunci, match="sudah diverifikasi"):
        layanan.lampirkan_isi(perencana, entri_tw2, 2020, 1, "a.pdf", PDF)
    tutup_triwulan(2020, 2)
    with pytest.raises(DataTerkunci, match="sudah ditutup"):
        layanan.hapus(perencana, info.id)
    with pytest.raises(DataTerkunci):
        layanan.lampirkan_isi(perencana, entri_tw2, 2020, 2, "b.png", PNG)
    assert [b.id for b in layanan.daftar(entri_tw2, 2020, 2)] == [info.id]
    e = {x.kode: x for x in LayananRealisasi(db_demo).daftar_entri(perencana, 2020, 2)}
    assert e["IKP.02"].jumlah_berkas == 1
