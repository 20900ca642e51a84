"""Capaian of every indicator of a plan for a year, and for a quarter.

The target a year is measured against is the PK's if there is one, else the Renja's, else
the Renstra's (`URUTAN_DOKUMEN_UKUR`); within a document the latest perubahan counts.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import URUTAN_DOKUMEN_UKUR, Agregasi, DokumenTarget, JenisIndikator, Polaritas
from ..errors import InputTidakSah
from ..kalkulasi import BandCapaian as Band
from ..kalkulasi import (
    NilaiTarget,
    band_untuk,
    hitung_capaian,
    hitung_capaian_predikat,
    realisasi_sampai,
    realisasi_tahun,
    target_sampai,
)
from ..model import Indikator, NilaiPredikat, Opd, Realisasi, Target
from ..storage import Database
from .konteks import pilih_opd, renstra_untuk
from .pengaturan import baca as baca_pengaturan
from .pengaturan import band_capaian
from .pohon import SimpulPohon, indikator_urut, muat_pohon

PerTriwulan = list[Decimal | None]


@dataclass(frozen=True)
class BarisCapaian:
    """One indicator's line of the capaian table."""

    indikator_id: uuid.UUID
    kode: str
    level: int | None
    sasaran: str
    indikator: str
    satuan: str
    jenis: JenisIndikator
    agregasi: Agregasi
    polaritas: Polaritas
    target: NilaiTarget | None
    """The year's target, or the quarter's (cumulated under the aggregation rule)."""
    realisasi: Decimal | None
    realisasi_teks: str | None
    capaian: Decimal | None
    target_tahunan: NilaiTarget | None
    capaian_tahunan: Decimal | None
    band: Band | None
    target_triwulan: tuple[Decimal | None, ...]
    realisasi_triwulan: tuple[Decimal | None, ...]


def _target_terpilih(baris: list[Target]) -> Target | None:
    """The target in force among rows of one indicator, year and quarter."""
    for dokumen in URUTAN_DOKUMEN_UKUR:
        kandidat = [t for t in baris if t.dokumen == dokumen]
        if kandidat:
            return max(kandidat, key=lambda t: t.perubahan_ke)
    return None


def nilai_target(t: Target | None) -> NilaiTarget | None:
    if t is None:
        return None
    return NilaiTarget(nilai=t.nilai, nilai_maks=t.nilai_maks, teks=t.nilai_teks)


@dataclass
class TargetIndikator:
    """The targets in force for one indicator and year."""

    tahunan: NilaiTarget | None
    triwulan: PerTriwulan
    dokumen_triwulan: DokumenTarget | None


def target_berlaku(baris: list[Target]) -> TargetIndikator:
    """Choose the yearly target and one document's four quarterly targets."""
    tahunan = _target_terpilih([t for t in baris if t.triwulan == 0])
    triwulan: PerTriwulan = [None, None, None, None]
    dokumen_tw = None
    for dokumen in URUTAN_DOKUMEN_UKUR:
        per_tw = [t for t in baris if t.dokumen == dokumen and t.triwulan > 0]
        if per_tw:
            dokumen_tw = dokumen
            for tw in range(1, 5):
                pilih = [t for t in per_tw if t.triwulan == tw]
                if pilih:
                    triwulan[tw - 1] = max(pilih, key=lambda t: t.perubahan_ke).nilai
            break
    return TargetIndikator(nilai_target(tahunan), triwulan, dokumen_tw)


def _skala(sesi: Session, ind: Indikator) -> dict[str, Decimal]:
    if ind.skala_predikat_id is None:
        from ..kalkulasi import SKALA_OPINI_BPK

        return dict(SKALA_OPINI_BPK)
    return {
        n.teks: n.skor
        for n in sesi.scalars(
            select(NilaiPredikat).where(NilaiPredikat.skala_id == ind.skala_predikat_id)
        )
    }


def hitung_baris(
    sesi: Session,
    simpul: SimpulPohon,
    ind: Indikator,
    targets: list[Target],
    realisasi: dict[int, Realisasi],
    triwulan: int | None,
    bands: list[Band],
    batas_atas: Decimal | None,
) -> BarisCapaian:
    """Compute one indicator's line (pure given its loaded rows)."""
    tb = target_berlaku(targets)
    r_tw: PerTriwulan = [realisasi[tw].nilai if tw in realisasi else None for tw in range(1, 5)]
    sampai = triwulan or 4
    teks_r = None
    if ind.jenis is JenisIndikator.PREDIKAT:
        terisi = [realisasi[tw] for tw in range(1, sampai + 1) if tw in realisasi]
        teks_r = terisi[-1].nilai_teks if terisi else None
        skala = _skala(sesi, ind)
        cap_tahun = hitung_capaian_predikat(teks_r, tb.tahunan.teks if tb.tahunan else None, skala)
        target = tb.tahunan
        real = None
        cap = cap_tahun
    else:
        cap_tahun = hitung_capaian(
            realisasi_tahun(ind.agregasi, r_tw, sampai),
            tb.tahunan,
            ind.polaritas,
            batas_atas=batas_atas,
        )
        if triwulan is None:
            target = tb.tahunan
            real = realisasi_tahun(ind.agregasi, r_tw, 4)
            cap = cap_tahun
        else:
            t_q = target_sampai(ind.agregasi, tb.triwulan, triwulan)
            target = NilaiTarget(nilai=t_q) if t_q is not None else None
            real = realisasi_sampai(ind.agregasi, r_tw, triwulan)
            cap = hitung_capaian(real, target, ind.polaritas, batas_atas=batas_atas)
    node = simpul.node
    return BarisCapaian(
        indikator_id=ind.id,
        kode=ind.kode,
        level=node.level,
        sasaran=node.sasaran or node.uraian,
        indikator=ind.nama,
        satuan=ind.satuan,
        jenis=ind.jenis,
        agregasi=ind.agregasi,
        polaritas=ind.polaritas,
        target=target,
        realisasi=real,
        realisasi_teks=teks_r,
        capaian=cap,
        target_tahunan=tb.tahunan,
        capaian_tahunan=cap_tahun,
        band=band_untuk(cap, bands),
        target_triwulan=tuple(tb.triwulan),
        realisasi_triwulan=tuple(r_tw),
    )


def tabel_capaian(
    sesi: Session, opd: Opd, tahun: int, triwulan: int | None = None
) -> list[BarisCapaian]:
    """Every indicator of the plan holding ``tahun``, in tree order, with its capaian."""
    if triwulan is not None and not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")
    renstra = renstra_untuk(sesi, opd, tahun)
    pasangan = indikator_urut(muat_pohon(sesi, renstra))
    ids = [ind.id for _, ind in pasangan]
    targets: dict[uuid.UUID, list[Target]] = defaultdict(list)
    for t in sesi.scalars(
        select(Target).where(Target.tahun == tahun, Target.indikator_id.in_(ids))
    ):
        targets[t.indikator_id].append(t)
    realisasi: dict[uuid.UUID, dict[int, Realisasi]] = defaultdict(dict)
    for r in sesi.scalars(
        select(Realisasi).where(Realisasi.tahun == tahun, Realisasi.indikator_id.in_(ids))
    ):
        realisasi[r.indikator_id][r.triwulan] = r
    bands = band_capaian(sesi, opd.id)
    batas = baca_pengaturan(sesi, "batas_atas_capaian", opd.id)
    batas_atas = Decimal(str(batas)) if batas is not None else None
    return [
        hitung_baris(
            sesi, simpul, ind, targets[ind.id], realisasi[ind.id], triwulan, bands, batas_atas
        )
        for simpul, ind in pasangan
    ]


class LayananCapaian:
    """Capaian tables for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def tabel(
        self, tahun: int, triwulan: int | None = None, opd: str | None = None
    ) -> list[BarisCapaian]:
        with self.db.baca() as sesi:
            return tabel_capaian(sesi, pilih_opd(sesi, opd), tahun, triwulan)
