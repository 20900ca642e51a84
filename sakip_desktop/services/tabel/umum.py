"""What the table builders share: the agency's name, period words, targets as cells."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...angka import format_rentang
from ...domain import DokumenTarget, JenisNode
from ...errors import InputTidakSah
from ...kalkulasi import NilaiTarget
from ...model import Indikator, NodeKinerja, Opd, Realisasi, Renstra, Target
from ..capaian import TargetIndikator, target_berlaku
from ..konteks import renstra_untuk
from ..pohon import SimpulPohon, muat_pohon, telusuri
from .dasar import SelTabel, sel_angka, sel_teks

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def nama_instansi(opd: Opd) -> str:
    """ "Dinas Tenaga Kerja Kabupaten Lamongan"."""
    return f"{opd.nama} {opd.pemda.nama}".strip()


def teks_periode(tahun: int, triwulan: int | None) -> str:
    return f"Triwulan {ROMAWI[triwulan]} Tahun {tahun}" if triwulan else f"Tahun {tahun}"


def judul_periode(tahun: int, triwulan: int | None) -> str:
    """The period line of a title, in capitals as the source prints it."""
    return f"TRIWULAN {ROMAWI[triwulan]} TAHUN {tahun}" if triwulan else f"TAHUN {tahun}"


def wajib_triwulan_sah(triwulan: int | None) -> None:
    if triwulan is not None and not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")


def sel_target(t: NilaiTarget | None, satuan: str | None, *, tulis_satuan: bool = True) -> SelTabel:
    """A target as a cell: a number in its unit, a range or a predicate as text.

    ``tulis_satuan`` False leaves a unit other than "%" out (the table has a Satuan column).
    A range is written with a spaced dash ("95,92% – 96,89%") so a narrow column can wrap it.
    """
    if not tulis_satuan and (satuan or "").strip() != "%":
        satuan = None
    if t is None or t.kosong:
        return sel_angka(None, satuan)
    if t.teks:
        return sel_teks(t.teks)
    if t.nilai_maks is not None:
        return sel_teks(format_rentang(t.nilai, t.nilai_maks, satuan).replace("–", " – "))
    return sel_angka(t.nilai, satuan)


def sel_nilai(x: Decimal | None, satuan: str | None) -> SelTabel:
    return sel_angka(x, satuan)


@dataclass
class PohonLaporan:
    """A plan's tree for one year, with quick look-ups by node."""

    opd: Opd
    renstra: Renstra
    akar: list[SimpulPohon]

    def __post_init__(self) -> None:
        self.simpul: dict[uuid.UUID, SimpulPohon] = {s.node.id: s for s in telusuri(self.akar)}
        self.induk: dict[uuid.UUID, uuid.UUID | None] = {
            s.node.id: s.node.parent_id for s in telusuri(self.akar)
        }

    def semua(self) -> Iterable[SimpulPohon]:
        return telusuri(self.akar)

    def berjenis(self, jenis: JenisNode) -> list[SimpulPohon]:
        return [s for s in self.semua() if s.node.jenis is jenis]

    def leluhur(self, node_id: uuid.UUID, jenis: JenisNode) -> NodeKinerja | None:
        n: uuid.UUID | None = node_id
        while n is not None and n in self.simpul:
            if self.simpul[n].node.jenis is jenis:
                return self.simpul[n].node
            n = self.induk.get(n)
        return None

    def indikator(self) -> list[Indikator]:
        return [i for s in self.semua() for i in s.node.indikator]


def muat_pohon_laporan(sesi: Session, opd: Opd, tahun: int) -> PohonLaporan:
    renstra = renstra_untuk(sesi, opd, tahun)
    return PohonLaporan(opd, renstra, muat_pohon(sesi, renstra))


def target_indikator(
    sesi: Session,
    indikator_ids: Iterable[uuid.UUID],
    tahun: int | Iterable[int],
    dokumen: DokumenTarget | None = None,
) -> dict[tuple[uuid.UUID, int], TargetIndikator]:
    """Targets in force per (indicator, year), optionally from one planning document only."""
    tahun_list = [tahun] if isinstance(tahun, int) else list(tahun)
    q = select(Target).where(
        Target.indikator_id.in_(list(indikator_ids)), Target.tahun.in_(tahun_list)
    )
    if dokumen is not None:
        q = q.where(Target.dokumen == dokumen)
    kelompok: dict[tuple[uuid.UUID, int], list[Target]] = defaultdict(list)
    for t in sesi.scalars(q):
        kelompok[(t.indikator_id, t.tahun)].append(t)
    return {k: target_berlaku(v) for k, v in kelompok.items()}


def realisasi_indikator(
    sesi: Session, indikator_ids: Iterable[uuid.UUID], tahun: int
) -> dict[uuid.UUID, dict[int, Realisasi]]:
    hasil: dict[uuid.UUID, dict[int, Realisasi]] = defaultdict(dict)
    for r in sesi.scalars(
        select(Realisasi).where(
            Realisasi.indikator_id.in_(list(indikator_ids)), Realisasi.tahun == tahun
        )
    ):
        hasil[r.indikator_id][r.triwulan] = r
    return hasil


def keterangan_sampai(per_tw: dict[int, Realisasi], sampai: int) -> str | None:
    """The "Ket" of the latest filled quarter up to ``sampai``."""
    for tw in range(sampai, 0, -1):
        r = per_tw.get(tw)
        if r is not None and r.keterangan:
            return r.keterangan
    return None
