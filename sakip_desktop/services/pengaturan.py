"""Settings with documented defaults: capaian bands, predicate scales, options."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..kalkulasi import BAND_BAWAAN, SKALA_OPINI_BPK
from ..kalkulasi import BandCapaian as Band
from ..model import BandCapaian, NilaiPredikat, Pengaturan, SkalaPredikat

# Documented defaults (docs/pengaturan.md). A pemda changes them in Pengaturan.
BAWAAN: dict[str, Any] = {
    "kertas_pk": "A4",  # A4 | F4
    "kolom_satuan_pk": True,
    "batas_atas_capaian": None,  # e.g. 150 to cap capaian; None = no cap
    "simpan_cadangan": 10,
    "ukuran_maks_bukti_mb": 20,  # largest evidence file accepted
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
