"""Batch printing of a year's PKs: one file per position or one file, progress, cancel, and
the positions that cannot be printed."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from sakip_desktop.model import PemangkuJabatan
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.pk import LayananPK
from sakip_desktop.storage import Database

KASI_KELEMBAGAAN = "Kepala Seksi Kelembagaan Pelatihan"
STAF_KELEMBAGAAN = "Staf Seksi Kelembagaan Pelatihan"
Jabatan = Callable[[str], uuid.UUID]
BacaPdf = Callable[[Path], list[str]]


def kosongkan(db: Database, pelaku: Pelaku, jabatan_id: uuid.UUID) -> None:
    """End the holder's term before the year: the position is vacant in 2020."""
    with db.transaksi(pelaku) as sesi:
        for p in sesi.scalars(
            select(PemangkuJabatan).where(PemangkuJabatan.jabatan_id == jabatan_id)
        ):
            p.mulai = date(2019, 1, 2)
            p.selesai = date(2019, 12, 31)


def test_massal_satu_berkas_per_jabatan_dan_jabatan_kosong_dilaporkan(
    layanan: LayananPK,
    jabatan: Jabatan,
    perencana: Pelaku,
    db_demo: Database,
    baca_pdf: BacaPdf,
    tmp_path: Path,
) -> None:
    kosongkan(db_demo, perencana, jabatan(KASI_KELEMBAGAAN))
    kemajuan: list[tuple[int, int, str]] = []
    hasil = layanan.cetak_massal(
        2020, tmp_path / "pk", kemajuan=lambda s, t, label: kemajuan.append((s, t, label))
    )
    assert hasil.total == 33 and not hasil.dibatalkan
    # the vacant Kasi, and his staf whose superior is vacant, are reported and not printed
    assert len(hasil.tanpa_pemangku) == 2
    assert f"Jabatan {KASI_KELEMBAGAAN} tidak ada pemangkunya" in hasil.tanpa_pemangku[0]
    assert f"Atasan {STAF_KELEMBAGAAN}" in hasil.tanpa_pemangku[1]
    assert len(hasil.berkas) == len(hasil.dicetak) == 31
    assert sorted(p.name for p in (tmp_path / "pk").iterdir()) == sorted(
        p.name for p in hasil.berkas
    )
    assert not any("kelembagaan" in p.name for p in hasil.berkas)
    assert "Kepala Subbagian Keuangan: tidak ada sasaran/indikator" in hasil.tanpa_target[0]
    assert "31 dari 33 PK tahun 2020 dicetak." in hasil.ringkasan
    assert "jabatan tanpa pemangku (2)" in hasil.ringkasan
    assert [s for s, _, _ in kemajuan] == list(range(1, 34))
    assert {t for _, t, _ in kemajuan} == {33}
    assert hasil.berkas[0].name == "PK-2020-01-kepala-dinas-tenaga-kerja.pdf"
    halaman = baca_pdf(hasil.berkas[0])
    assert "Drs. Bambang Sutrisno, M.M." in halaman[0]
    for berkas in hasil.berkas:  # nobody is printed with an empty name
        pertama = baca_pdf(berkas)[0]
        assert "Nama : Jabatan" not in pertama and "…" not in pertama


def test_massal_gabung_satu_bidang_bernomor_per_pk(
    layanan: LayananPK, baca_pdf: BacaPdf, tmp_path: Path
) -> None:
    hasil = layanan.cetak_massal(2020, tmp_path / "bidang-pk.pdf", bidang="PK", gabung=True)
    assert hasil.berkas == [tmp_path / "bidang-pk.pdf"]
    assert len(hasil.dicetak) == 7  # the Kabid, three Kasi, three staf
    halaman = baca_pdf(hasil.berkas[0])
    assert len(halaman) == 14
    assert sum("Halaman 1 dari 2" in h for h in halaman) == 7
    assert sum("Halaman 2 dari 2" in h for h in halaman) == 7
    assert "Ir. Agus Santoso, M.T." in halaman[0]


def test_massal_dibatalkan_berhenti_lebih_awal(layanan: LayananPK, tmp_path: Path) -> None:
    berhenti = threading.Event()
    kemajuan: list[int] = []

    def lapor(selesai: int, _total: int, _label: str) -> None:
        kemajuan.append(selesai)
        if selesai == 3:
            berhenti.set()

    hasil = layanan.cetak_massal(2020, tmp_path / "pk", kemajuan=lapor, batal=berhenti)
    assert hasil.dibatalkan
    assert len(hasil.berkas) == 3 and kemajuan == [1, 2, 3]
    assert len(list((tmp_path / "pk").iterdir())) == 3
    assert "3 dari 33 PK tahun 2020 dicetak (dibatalkan)." in hasil.ringkasan


def test_massal_gabung_dibatalkan_tidak_meninggalkan_berkas(
    layanan: LayananPK, tmp_path: Path
) -> None:
    ditanya = 0

    def batal() -> bool:
        nonlocal ditanya
        ditanya += 1
        return ditanya > 40  # after collecting all 33, during the rendering

    out = tmp_path / "keluaran" / "semua.pdf"
    hasil = layanan.cetak_massal(2020, out, gabung=True, batal=batal)
    assert hasil.dibatalkan and hasil.berkas == [] and hasil.dicetak == []
    assert list(out.parent.iterdir()) == []  # no half-written file
    assert 0 < hasil.selesai < hasil.total


def test_massal_gabung_f4(layanan: LayananPK, tmp_path: Path) -> None:
    hasil = layanan.cetak_massal(2020, tmp_path / "f4.pdf", gabung=True, kertas="F4")
    pdf = PdfReader(hasil.berkas[0])
    assert len(pdf.pages) >= 66
    assert round(float(pdf.pages[0].mediabox.height) * 25.4 / 72) == 330
