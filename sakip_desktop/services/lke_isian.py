"""An agency's LKE answers per year: read with scores and suggestions, save, apply suggestions.

One evaluation per agency and year (model/evaluasi.py) is created at the first saved
answer, against the default worksheet version unless another is chosen. Reading returns
plain values: the worksheet, every criterion with its answer, note, evidence links and the
program's suggestion, the score and grade, and last year's score beside it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..errors import InputTidakSah, KesalahanPengguna
from ..model import EvaluasiLke, JawabanLke, Opd
from ..storage import Database
from .konteks import pilih_opd
from .lke import (
    VERSI_BAWAAN,
    BandingKomponen,
    LembarLke,
    SkorLke,
    banding,
    hitung_skor,
    lembar,
    nilai_jawaban,
)
from .lke_bukti import SaranJawaban, saran_jawaban
from .lkjip_narasi import PERAN_LKJIP
from .otorisasi import wajib_peran
from .pelaku import Pelaku

_TETAP: Any = object()
"""An argument not given (None clears the field)."""


@dataclass(frozen=True)
class IsianKriteria:
    """One criterion as the worksheet editor shows it."""

    kode: str
    komponen: str
    subkomponen: str
    uraian: str
    pilihan: tuple[str, ...]
    jawaban: str | None
    catatan: str | None
    bukti: tuple[str, ...]
    saran: SaranJawaban | None = None


@dataclass(frozen=True)
class LembarTerisi:
    tahun: int
    lembar: LembarLke
    evaluasi_id: uuid.UUID | None
    isian: list[IsianKriteria]
    skor: SkorLke
    skor_lalu: SkorLke | None
    banding: list[BandingKomponen] = field(default_factory=list)

    def isian_kode(self, kode: str) -> IsianKriteria:
        for i in self.isian:
            if i.kode == kode:
                return i
        raise KeyError(kode)


def _evaluasi(sesi: Session, opd_id: uuid.UUID, tahun: int) -> EvaluasiLke | None:
    return sesi.scalar(
        select(EvaluasiLke)
        .where(EvaluasiLke.opd_id == opd_id, EvaluasiLke.tahun == tahun)
        .options(selectinload(EvaluasiLke.jawaban))
    )


def _jawaban(ev: EvaluasiLke | None) -> dict[str, JawabanLke]:
    return {j.kriteria: j for j in ev.jawaban} if ev else {}


def skor_tahun(sesi: Session, opd_id: uuid.UUID, tahun: int) -> SkorLke | None:
    """The score of a stored evaluation (None when the year has none)."""
    ev = _evaluasi(sesi, opd_id, tahun)
    if ev is None:
        return None
    lb = lembar(ev.versi_lke)
    return hitung_skor(lb, {k: j.jawaban for k, j in _jawaban(ev).items()})


def pisah_bukti(teks: str | None) -> tuple[str, ...]:
    return tuple(b.strip() for b in (teks or "").splitlines() if b.strip())


def baca_lke(
    sesi: Session, opd: Opd, tahun: int, *, versi: str | None = None, dengan_saran: bool = True
) -> LembarTerisi:
    """The year's worksheet with answers, suggestions, score and last year's score."""
    ev = _evaluasi(sesi, opd.id, tahun)
    lb = lembar(versi or (ev.versi_lke if ev else VERSI_BAWAAN))
    ada = _jawaban(ev)
    semua = list(lb.semua_kriteria())
    saran = saran_jawaban(sesi, opd, tahun, [c for _k, _s, c in semua]) if dengan_saran else {}
    isian = []
    for k, s, c in semua:
        j = ada.get(c.kode)
        isian.append(
            IsianKriteria(
                kode=c.kode,
                komponen=k.kode,
                subkomponen=s.kode,
                uraian=c.uraian,
                pilihan=c.pilihan,
                jawaban=j.jawaban if j else None,
                catatan=j.catatan if j else None,
                bukti=pisah_bukti(j.bukti) if j else (),
                saran=saran.get(c.kode),
            )
        )
    skor = hitung_skor(
        lb, {k: j.jawaban for k, j in ada.items() if k in {c.kode for *_, c in semua}}
    )
    lalu = skor_tahun(sesi, opd.id, tahun - 1)
    return LembarTerisi(tahun, lb, ev.id if ev else None, isian, skor, lalu, banding(skor, lalu))


def _evaluasi_tulis(sesi: Session, opd_id: uuid.UUID, tahun: int, versi: str | None) -> EvaluasiLke:
    ev = _evaluasi(sesi, opd_id, tahun)
    if ev is None:
        if sesi.get(Opd, opd_id) is None:
            raise InputTidakSah("OPD tidak ditemukan.", field="opd")
        ev = EvaluasiLke(opd_id=opd_id, tahun=tahun, versi_lke=lembar(versi or VERSI_BAWAAN).kunci)
        sesi.add(ev)
        sesi.flush()
    elif versi is not None and versi != ev.versi_lke:
        ganti_versi_lke(ev, lembar(versi))
    return ev


def ganti_versi_lke(ev: EvaluasiLke, baru: LembarLke) -> None:
    """Answer against another worksheet version; refused while an answer would be lost."""
    kode_baru = {c.kode for *_x, c in baru.semua_kriteria()}
    hilang = sorted(j.kriteria for j in ev.jawaban if j.kriteria not in kode_baru)
    if hilang:
        raise KesalahanPengguna(
            f"Evaluasi {ev.tahun} tidak dapat dipindah ke {baru.nama}: jawaban kriteria "
            f"{', '.join(hilang[:8])}{' …' if len(hilang) > 8 else ''} tidak ada di versi itu."
        )
    for j in ev.jawaban:
        c = baru.kriteria(j.kriteria)
        nilai_jawaban(baru, c, j.jawaban)
    ev.versi_lke = baru.kunci


def simpan_jawaban(
    sesi: Session,
    pelaku: Pelaku,
    opd_id: uuid.UUID,
    tahun: int,
    kriteria: str,
    *,
    jawaban: str | None = _TETAP,
    catatan: str | None = _TETAP,
    bukti: tuple[str, ...] | list[str] | str | None = _TETAP,
    versi_lke: str | None = None,
) -> bool:
    """Save one criterion's answer, note or evidence links; True when something changed."""
    return (
        simpan_banyak(
            sesi,
            pelaku,
            opd_id,
            tahun,
            {kriteria: {"jawaban": jawaban, "catatan": catatan, "bukti": bukti}},
            versi_lke=versi_lke,
        )
        > 0
    )


def simpan_banyak(
    sesi: Session,
    pelaku: Pelaku,
    opd_id: uuid.UUID,
    tahun: int,
    isian: Mapping[str, Mapping[str, Any]],
    *,
    versi_lke: str | None = None,
) -> int:
    """Save several criteria at once (the worksheet editor's Save); all or nothing."""
    wajib_peran(pelaku, PERAN_LKJIP, "mengisi evaluasi mandiri (LKE)")
    ev = _evaluasi_tulis(sesi, opd_id, tahun, versi_lke)
    lb = lembar(ev.versi_lke)
    ada = _jawaban(ev)
    berubah = 0
    for kode, medan in isian.items():
        c = lb.kriteria(kode)
        j = ada.get(kode)
        if j is None:
            j = JawabanLke(evaluasi=ev, kriteria=kode)
            sesi.add(j)
            ada[kode] = j
        sebelum = (j.jawaban, j.catatan, j.bukti)
        if medan.get("jawaban", _TETAP) is not _TETAP:
            v = medan["jawaban"]
            nilai_jawaban(lb, c, v)
            j.jawaban = str(v).strip().upper() if v and str(v).strip() else None
        if medan.get("catatan", _TETAP) is not _TETAP:
            j.catatan = (medan["catatan"] or "").strip() or None
        if medan.get("bukti", _TETAP) is not _TETAP:
            b = medan["bukti"]
            daftar = pisah_bukti(b) if isinstance(b, str) or b is None else tuple(b)
            j.bukti = "\n".join(x.strip() for x in daftar if x.strip()) or None
        if (j.jawaban, j.catatan, j.bukti) != sebelum:
            j.diubah_oleh = pelaku.username
            berubah += 1
    return berubah


def terapkan_saran(
    sesi: Session, pelaku: Pelaku, opd_id: uuid.UUID, tahun: int, *, timpa: bool = False
) -> int:
    """Answer every criterion the program holds evidence for with its suggestion, and link
    the evidence; unanswered ones only unless ``timpa``. Returns how many changed."""
    wajib_peran(pelaku, PERAN_LKJIP, "mengisi evaluasi mandiri (LKE)")
    opd = sesi.get(Opd, opd_id)
    if opd is None:
        raise InputTidakSah("OPD tidak ditemukan.", field="opd")
    data = baca_lke(sesi, opd, tahun)
    isian: dict[str, dict[str, Any]] = {}
    for i in data.isian:
        if i.saran is None or (i.jawaban is not None and not timpa):
            continue
        bukti = tuple(dict.fromkeys((*i.bukti, *i.saran.bukti.tautan)))
        isian[i.kode] = {"jawaban": i.saran.jawaban, "bukti": bukti}
        if not i.catatan:
            isian[i.kode]["catatan"] = i.saran.bukti.uraian
    return simpan_banyak(sesi, pelaku, opd_id, tahun, isian, versi_lke=data.lembar.kunci)


class LayananLke:
    """The LKE for the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def baca(self, tahun: int, opd: str | None = None, *, versi: str | None = None) -> LembarTerisi:
        with self.db.baca() as sesi:
            return baca_lke(sesi, pilih_opd(sesi, opd), tahun, versi=versi)

    def skor(self, tahun: int, opd: str | None = None) -> LembarTerisi:
        with self.db.baca() as sesi:
            return baca_lke(sesi, pilih_opd(sesi, opd), tahun, dengan_saran=False)

    def simpan(
        self,
        pelaku: Pelaku,
        tahun: int,
        isian: Mapping[str, Mapping[str, Any]],
        *,
        opd: str | None = None,
        versi_lke: str | None = None,
    ) -> int:
        with self.db.transaksi(pelaku, alasan=f"Isi LKE {tahun}") as sesi:
            o = pilih_opd(sesi, opd)
            return simpan_banyak(sesi, pelaku, o.id, tahun, isian, versi_lke=versi_lke)

    def terapkan_saran(
        self, pelaku: Pelaku, tahun: int, *, opd: str | None = None, timpa: bool = False
    ) -> int:
        with self.db.transaksi(pelaku, alasan=f"Terapkan saran LKE {tahun}") as sesi:
            o = pilih_opd(sesi, opd)
            return terapkan_saran(sesi, pelaku, o.id, tahun, timpa=timpa)
