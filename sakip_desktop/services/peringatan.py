"""The dashboard of a year, and the early warning (peringatan dini).

Dashboard: per sasaran (level 2 of the tree), each of its indicators with the quarterly
targets and realizations and the capaian per quarter — all from services.capaian, so the
dashboard agrees with every printed table.

Early warning, two kinds:

1. *Meleset* — the path so far, if it continues, misses the yearly target. The
   realizations entered so far are projected to the end of the year by the indicator's
   aggregation rule, and the projection is measured against the target with the capaian
   engine (polarity and ranges included); a projected capaian below 100% is a warning.

   * akumulasi (flows): linear extrapolation of the cumulative sum to four quarters,
     ΣR₁..ₙ × 4 / n, n being the last quarter with a realization (an empty quarter in
     between adds nothing to the sum). 200 loker in TW I → 800 for the year, against
     2.700 → 29,63%.
   * nilai akhir (levels): the last level Rₙ stays where it is. It is compared with the
     level planned for that quarter when the indicator has a quarterly target there
     (meeting the planned path is on track: BPJS 1,01% at TW I against a TW I target of
     1,01%), otherwise with the yearly target (IKP.05 25% against 100%).
   * rata-rata: the current mean of the filled quarters, against the yearly target.

   Predicate indicators and indicators without a numeric yearly target are not projected.

2. *Belum diisi* — no realization for a quarter that is past (``hari_ini`` after its last
   day) or closed, for an indicator that has a target for that quarter, or only a yearly
   target (an indicator whose quarterly targets leave that quarter empty, such as IKU.1's
   "-" in TW I–III, is not expected to report it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Agregasi, JenisIndikator, JenisNode, Polaritas
from ..kalkulasi import NAMA_TRIWULAN, NilaiTarget, bulat, hitung_capaian
from ..kalkulasi import BandCapaian as Band
from ..model import Opd, Realisasi
from ..storage import Database
from . import kunci
from .anggaran import akhir_triwulan
from .capaian import BarisCapaian, tabel_capaian
from .indikator import teks_nilai
from .konteks import pilih_opd, renstra_untuk
from .pengaturan import baca as baca_pengaturan
from .pohon import muat_pohon, telusuri
from .target import teks_target

PerTriwulan = tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]


@dataclass(frozen=True)
class IndikatorDasbor:
    indikator_id: uuid.UUID
    kode: str
    nama: str
    satuan: str
    agregasi: Agregasi
    polaritas: Polaritas
    target_tahunan: NilaiTarget | None
    target_triwulan: PerTriwulan
    realisasi_triwulan: PerTriwulan
    capaian_triwulan: PerTriwulan
    """Capaian at each quarter against its (cumulated) quarterly target; None where the
    quarter has no realization of its own or no target."""
    capaian_tahunan_triwulan: PerTriwulan
    """Capaian against the YEARLY target using the quarters up to each one; None where the
    quarter has no realization of its own."""
    capaian_tahunan: Decimal | None
    """The year so far (every filled quarter)."""
    band: Band | None
    """Band of ``capaian_tahunan``."""


@dataclass(frozen=True)
class SasaranDasbor:
    node_id: uuid.UUID
    kode: str | None
    uraian: str
    indikator: tuple[IndikatorDasbor, ...]


@dataclass(frozen=True)
class Peringatan:
    jenis: str
    """"meleset" (projected to miss the target) or "belum_diisi"."""
    indikator_id: uuid.UUID
    kode: str
    indikator: str
    sasaran: str
    level: int | None
    """Tree level of the indicator's node (2 = IKU of a sasaran), to filter the list."""
    pesan: str
    triwulan: tuple[int, ...]
    """Meleset: the quarters the projection used; belum diisi: the quarters missing."""
    proyeksi: Decimal | None = None
    pembanding: Decimal | None = None
    """The target the projection was measured against (a quarter's or the year's)."""
    capaian_proyeksi: Decimal | None = None


@dataclass(frozen=True)
class DataDasbor:
    tahun: int
    hari_ini: date
    sasaran: tuple[SasaranDasbor, ...]
    peringatan: tuple[Peringatan, ...]


def _tw(nilai: tuple[Decimal | None, ...]) -> PerTriwulan:
    a, b, c, d = (*nilai, None, None, None, None)[:4]
    return (a, b, c, d)


def _batas_atas(sesi: Session, opd: Opd) -> Decimal | None:
    batas = baca_pengaturan(sesi, "batas_atas_capaian", opd.id)
    return Decimal(str(batas)) if batas is not None else None


def proyeksi(b: BarisCapaian) -> tuple[Decimal, Decimal, tuple[int, ...]] | None:
    """(projected value, target it is measured against, quarters used), or None when the
    indicator cannot be projected (module docstring)."""
    if b.jenis is JenisIndikator.PREDIKAT or b.target_tahunan is None:
        return None
    if b.target_tahunan.nilai is None:
        return None
    terisi = [i for i, r in enumerate(b.realisasi_triwulan) if r is not None]
    if not terisi:
        return None
    nilai = [b.realisasi_triwulan[i] for i in terisi]
    dipakai = tuple(i + 1 for i in terisi)
    n = terisi[-1] + 1
    tahunan = b.target_tahunan.nilai
    if b.agregasi is Agregasi.AKUMULASI:
        jumlah = sum((v for v in nilai if v is not None), Decimal(0))
        return bulat(jumlah * 4 / n), tahunan, dipakai
    if b.agregasi is Agregasi.NILAI_AKHIR:
        akhir = nilai[-1]
        assert akhir is not None
        pembanding = b.target_triwulan[n - 1] if n < 4 else None
        return akhir, pembanding if pembanding is not None else tahunan, (n,)
    rata = bulat(sum((v for v in nilai if v is not None), Decimal(0)) / len(nilai))
    return rata, tahunan, dipakai


def _perlu_diisi(b: BarisCapaian, tw: int) -> bool:
    """Is a realization expected for quarter ``tw``? (module docstring, kind 2)"""
    if any(t is not None for t in b.target_triwulan):
        return b.target_triwulan[tw - 1] is not None
    return b.target_tahunan is not None and not b.target_tahunan.kosong


def triwulan_lewat(sesi: Session, opd: Opd, tahun: int, hari_ini: date) -> list[int]:
    """Quarters that are past on ``hari_ini`` or closed."""
    tk = kunci.tahun_kinerja(sesi, opd.id, tahun)
    ditutup = tk.triwulan_ditutup if tk is not None else 0
    return [tw for tw in range(1, 5) if hari_ini > akhir_triwulan(tahun, tw) or tw <= ditutup]


def _nama_tw(daftar: tuple[int, ...]) -> str:
    nama = [NAMA_TRIWULAN[t - 1] for t in daftar]
    return nama[0] if len(nama) == 1 else ", ".join(nama[:-1]) + " dan " + nama[-1]


def peringatan_dini(sesi: Session, opd: Opd, tahun: int, *, hari_ini: date) -> list[Peringatan]:
    """Every warning of the year as of ``hari_ini``, in tree order, "meleset" first."""
    baris = tabel_capaian(sesi, opd, tahun)
    return _peringatan(sesi, opd, tahun, hari_ini, baris)


def _peringatan(
    sesi: Session, opd: Opd, tahun: int, hari_ini: date, baris: list[BarisCapaian]
) -> list[Peringatan]:
    batas = _batas_atas(sesi, opd)
    lewat = triwulan_lewat(sesi, opd, tahun, hari_ini)
    ada = {
        (r.indikator_id, r.triwulan)
        for r in sesi.scalars(
            select(Realisasi).where(
                Realisasi.tahun == tahun,
                Realisasi.indikator_id.in_([b.indikator_id for b in baris]),
            )
        )
        if r.nilai is not None or r.nilai_teks is not None or r.komponen_a is not None
    }
    meleset: list[Peringatan] = []
    kosong: list[Peringatan] = []
    for b in baris:
        p = proyeksi(b)
        if p is not None:
            nilai, pembanding, dipakai = p
            cap = hitung_capaian(nilai, pembanding, b.polaritas, batas_atas=batas)
            if cap is not None and cap < 100:
                sampai = NAMA_TRIWULAN[dipakai[-1] - 1]
                if b.agregasi is Agregasi.AKUMULASI:
                    jumlah = sum((v for v in b.realisasi_triwulan if v is not None), Decimal(0))
                    rincian = (
                        f"realisasi sampai {sampai} {teks_nilai(jumlah, b.satuan)}; bila "
                        f"berlanjut, akhir tahun sekitar {teks_nilai(nilai, b.satuan)}"
                    )
                elif b.agregasi is Agregasi.NILAI_AKHIR:
                    rincian = f"realisasi {sampai} {teks_nilai(nilai, b.satuan)}"
                else:
                    rincian = f"rata-rata sampai {sampai} {teks_nilai(nilai, b.satuan)}"
                if b.target_tahunan is not None and pembanding == b.target_tahunan.nilai:
                    terhadap = f"target tahunan {teks_target(b.target_tahunan, b.satuan)}"
                else:
                    terhadap = f"target {sampai} {teks_nilai(pembanding, b.satuan)}"
                meleset.append(
                    Peringatan(
                        jenis="meleset",
                        indikator_id=b.indikator_id,
                        kode=b.kode,
                        indikator=b.indikator,
                        sasaran=b.sasaran,
                        level=b.level,
                        pesan=(
                            f"{b.kode}: {rincian}, di bawah {terhadap} "
                            f"(capaian proyeksi {teks_nilai(cap, '%')})."
                        ),
                        triwulan=dipakai,
                        proyeksi=nilai,
                        pembanding=pembanding,
                        capaian_proyeksi=cap,
                    )
                )
        hilang = tuple(
            tw for tw in lewat if (b.indikator_id, tw) not in ada and _perlu_diisi(b, tw)
        )
        if hilang:
            kosong.append(
                Peringatan(
                    jenis="belum_diisi",
                    indikator_id=b.indikator_id,
                    kode=b.kode,
                    indikator=b.indikator,
                    sasaran=b.sasaran,
                    level=b.level,
                    pesan=f"{b.kode}: realisasi {_nama_tw(hilang)} {tahun} belum diisi.",
                    triwulan=hilang,
                )
            )
    return meleset + kosong


def _dasbor_indikator(
    per_tw: list[dict[uuid.UUID, BarisCapaian]], b: BarisCapaian
) -> IndikatorDasbor:
    cap_tw: list[Decimal | None] = []
    cap_thn: list[Decimal | None] = []
    for tw in range(1, 5):
        bt = per_tw[tw - 1][b.indikator_id]
        punya = b.realisasi_triwulan[tw - 1] is not None
        cap_tw.append(bt.capaian if punya else None)
        cap_thn.append(bt.capaian_tahunan if punya else None)
    return IndikatorDasbor(
        indikator_id=b.indikator_id,
        kode=b.kode,
        nama=b.indikator,
        satuan=b.satuan,
        agregasi=b.agregasi,
        polaritas=b.polaritas,
        target_tahunan=b.target_tahunan,
        target_triwulan=_tw(b.target_triwulan),
        realisasi_triwulan=_tw(b.realisasi_triwulan),
        capaian_triwulan=_tw(tuple(cap_tw)),
        capaian_tahunan_triwulan=_tw(tuple(cap_thn)),
        capaian_tahunan=b.capaian,
        band=b.band,
    )


def data_dasbor(sesi: Session, opd: Opd, tahun: int, *, hari_ini: date) -> DataDasbor:
    """Per sasaran its indicators by quarter, and the early warnings, as of ``hari_ini``."""
    tahunan = tabel_capaian(sesi, opd, tahun)
    per_tw = [
        {b.indikator_id: b for b in tabel_capaian(sesi, opd, tahun, tw)} for tw in range(1, 5)
    ]
    per_id = {b.indikator_id: b for b in tahunan}
    renstra = renstra_untuk(sesi, opd, tahun)
    sasaran = []
    for s in telusuri(muat_pohon(sesi, renstra)):
        if s.node.jenis is not JenisNode.SASARAN or s.node.renstra_id != renstra.id:
            continue
        sasaran.append(
            SasaranDasbor(
                node_id=s.node.id,
                kode=s.node.kode,
                uraian=s.node.uraian,
                indikator=tuple(
                    _dasbor_indikator(per_tw, per_id[i.id])
                    for i in s.node.indikator
                    if i.id in per_id
                ),
            )
        )
    return DataDasbor(
        tahun=tahun,
        hari_ini=hari_ini,
        sasaran=tuple(sasaran),
        peringatan=tuple(_peringatan(sesi, opd, tahun, hari_ini, tahunan)),
    )


class LayananDasbor:
    """Dashboard data for the window (read only)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def data(
        self, tahun: int, *, hari_ini: date | None = None, opd: str | None = None
    ) -> DataDasbor:
        with self.db.baca() as sesi:
            return data_dasbor(sesi, pilih_opd(sesi, opd), tahun, hari_ini=hari_ini or date.today())

    def peringatan(
        self, tahun: int, *, hari_ini: date | None = None, opd: str | None = None
    ) -> list[Peringatan]:
        with self.db.baca() as sesi:
            return peringatan_dini(
                sesi, pilih_opd(sesi, opd), tahun, hari_ini=hari_ini or date.today()
            )
