"""Settings with documented defaults: capaian bands, predicate scales, options."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import InputTidakSah
from ..kalkulasi import BAND_BAWAAN, SKALA_OPINI_BPK
from ..kalkulasi import BandCapaian as Band
from ..model import BandCapaian, NilaiPredikat, Pengaturan, SkalaPredikat
from .otorisasi import wajib_peran
from .pelaku import Pelaku

PENGELOLA = {Peran.ADMINISTRATOR, Peran.PERENCANA}

# Documented defaults (docs/pengaturan.md). A pemda changes them in Pengaturan.
BAWAAN: dict[str, Any] = {
    "kertas_pk": "A4",  # A4 | F4
    "kolom_satuan_pk": True,
    "batas_atas_capaian": None,  # e.g. 150 to cap capaian; None = no cap
    "simpan_cadangan": 10,
    "ukuran_maks_bukti_mb": 20,  # largest evidence file accepted
    "logo_kop": None,  # path of the letterhead logo for the PK; None = the placeholder
}

LABEL: dict[str, str] = {
    "kertas_pk": "Ukuran kertas Perjanjian Kinerja (A4 atau F4/Folio)",
    "kolom_satuan_pk": "Kolom Satuan di lampiran PK",
    "batas_atas_capaian": "Batas atas capaian (%) — kosong: tanpa batas",
    "simpan_cadangan": "Jumlah cadangan otomatis yang disimpan",
    "ukuran_maks_bukti_mb": "Ukuran berkas bukti terbesar (MB)",
    "logo_kop": "Logo kop surat PK (berkas gambar)",
}


def pasang_bawaan(sesi: Session) -> None:
    """Write the default bands and the BPK opinion scale if the database has none."""
    if sesi.scalar(select(BandCapaian).where(BandCapaian.opd_id.is_(None)).limit(1)) is None:
        for band in BAND_BAWAAN:
            sesi.add(BandCapaian(batas_bawah=band.batas_bawah, label=band.label, warna=band.warna))
    nama = "Opini BPK"
    if sesi.scalar(select(SkalaPredikat).where(SkalaPredikat.nama == nama)) is None:
        skala = SkalaPredikat(nama=nama)
        skala.nilai = [NilaiPredikat(teks=t, skor=s) for t, s in SKALA_OPINI_BPK.items()]
        sesi.add(skala)


def band_capaian(sesi: Session, opd_id: uuid.UUID | None = None) -> list[Band]:
    """The agency's bands, else the global ones, else the engine's default."""
    for syarat in ([BandCapaian.opd_id == opd_id] if opd_id else []) + [
        BandCapaian.opd_id.is_(None)
    ]:
        baris = sesi.scalars(
            select(BandCapaian).where(syarat).order_by(BandCapaian.batas_bawah.desc())
        ).all()
        if baris:
            return [Band(b.batas_bawah, b.label, b.warna) for b in baris]
    return list(BAND_BAWAAN)


def baca(sesi: Session, kunci: str, opd_id: uuid.UUID | None = None) -> Any:
    """A setting's value: the agency's, else the global one, else the default."""
    if kunci not in BAWAAN:
        raise KeyError(kunci)
    for oid in ([opd_id] if opd_id else []) + [None]:
        syarat = Pengaturan.opd_id == oid if oid else Pengaturan.opd_id.is_(None)
        baris = sesi.scalar(select(Pengaturan).where(syarat, Pengaturan.kunci == kunci))
        if baris is not None:
            return json.loads(baris.nilai, parse_float=Decimal)
    return BAWAAN[kunci]


def _periksa(kunci: str, nilai: Any) -> Any:
    """Refuse a value that does not fit the setting, with the setting's name."""
    nama = LABEL.get(kunci, kunci)
    if kunci == "kertas_pk" and nilai not in ("A4", "F4"):
        raise InputTidakSah(f"{nama}: pilih A4 atau F4.", field=kunci)
    if kunci == "kolom_satuan_pk" and not isinstance(nilai, bool):
        raise InputTidakSah(f"{nama}: harus ya atau tidak.", field=kunci)
    bulat = isinstance(nilai, int) and not isinstance(nilai, bool)
    if kunci in ("simpan_cadangan", "ukuran_maks_bukti_mb") and not (bulat and 1 <= nilai <= 1000):
        raise InputTidakSah(f"{nama}: bilangan bulat 1–1000.", field=kunci)
    if kunci == "batas_atas_capaian" and nilai is not None:
        nilai = Decimal(str(nilai))
        if not Decimal(100) <= nilai <= Decimal(1000):
            raise InputTidakSah(f"{nama}: antara 100 dan 1000, atau kosong.", field=kunci)
        return str(nilai)
    if kunci == "logo_kop" and nilai is not None and not isinstance(nilai, str):
        raise InputTidakSah(f"{nama}: path berkas gambar.", field=kunci)
    return nilai


def simpan(
    sesi: Session, pelaku: Pelaku, kunci: str, nilai: Any, opd_id: uuid.UUID | None = None
) -> bool:
    """Set a setting (global, or for one agency); None restores the default."""
    wajib_peran(pelaku, PENGELOLA, "mengubah pengaturan")
    if kunci not in BAWAAN:
        raise InputTidakSah(f"Pengaturan {kunci!r} tidak dikenal.", field=kunci)
    syarat = Pengaturan.opd_id == opd_id if opd_id else Pengaturan.opd_id.is_(None)
    baris = sesi.scalar(select(Pengaturan).where(syarat, Pengaturan.kunci == kunci))
    if nilai is None and kunci != "batas_atas_capaian":
        if baris is not None:
            sesi.delete(baris)
            return True
        return False
    teks = json.dumps(_periksa(kunci, nilai))
    if baris is None:
        sesi.add(Pengaturan(opd_id=opd_id, kunci=kunci, nilai=teks))
        return True
    if baris.nilai == teks:
        return False
    baris.nilai = teks
    return True


def simpan_band(
    sesi: Session, pelaku: Pelaku, band: list[Band], opd_id: uuid.UUID | None = None
) -> None:
    """Replace the capaian bands (of one agency, or the global ones).

    The lowest band must start at 0 so every capaian falls in a band; thresholds are
    distinct and labels filled.
    """
    wajib_peran(pelaku, PENGELOLA, "mengubah pita capaian")
    if not band:
        raise InputTidakSah("Pita capaian tidak boleh kosong.", field="band")
    batas = sorted(b.batas_bawah for b in band)
    if batas[0] != 0:
        raise InputTidakSah("Pita terendah harus mulai dari 0.", field="band")
    if len(set(batas)) != len(batas):
        raise InputTidakSah("Batas bawah setiap pita harus berbeda.", field="band")
    for b in band:
        if not b.label.strip():
            raise InputTidakSah("Setiap pita memerlukan label.", field="band")
        if not (b.warna.startswith("#") and len(b.warna) in (4, 7)):
            raise InputTidakSah(f"Warna {b.warna!r} bukan kode warna (#rrggbb).", field="band")
    syarat = BandCapaian.opd_id == opd_id if opd_id else BandCapaian.opd_id.is_(None)
    for lama in sesi.scalars(select(BandCapaian).where(syarat)):
        sesi.delete(lama)
    sesi.flush()
    for b in band:
        sesi.add(
            BandCapaian(
                opd_id=opd_id, batas_bawah=b.batas_bawah, label=b.label.strip(), warna=b.warna
            )
        )
