"""Budget figures: the pagu in force on a date, what was spent per quarter, and the
allocation of the budget to the sasaran and IKU it serves (with shares and % serapan).

Allocation rule (docs/format-data.md, `tautan`): a budget line (kegiatan, sub kegiatan) goes
to the indicator named by the nearest cascading link on itself or an ancestor; otherwise to
the only indicator of its level-2 sasaran. Lines under no sasaran (the Sekretariat's
supporting programs) are reported apart as "Program penunjang", outside the shares.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import DokumenAnggaran, JenisNode
from ..errors import InputTidakSah
from ..kalkulasi import persentase, porsi
from ..model import (
    Anggaran,
    Indikator,
    NodeKinerja,
    RealisasiAnggaran,
    Renstra,
    RevisiAnggaran,
    TautanCascading,
)
from ..storage import Database
from .konteks import pilih_opd, renstra_untuk

URUTAN_DOKUMEN_ANGGARAN = (DokumenAnggaran.DPA, DokumenAnggaran.RKA, DokumenAnggaran.RENJA)
"""The DPA is the approved budget; before it exists the RKA, then the Renja, stand in."""

AKHIR_TRIWULAN = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def akhir_triwulan(tahun: int, triwulan: int) -> date:
    bulan, hari = AKHIR_TRIWULAN[triwulan]
    return date(tahun, bulan, hari)


def pagu_berlaku(
    sesi: Session,
    node_ids: Iterable[uuid.UUID],
    tahun: int,
    per_tanggal: date | None = None,
) -> dict[uuid.UUID, Decimal]:
    """Pagu of each node on ``per_tanggal`` (default: the end of the year).

    The base is the node's DPA pagu (else RKA, else Renja); every revision (refocusing,
    APBD perubahan) dated on or before the date is added. Nodes without a budget are absent.
    """
    ids = list(node_ids)
    tanggal = per_tanggal or date(tahun, 12, 31)
    dasar: dict[uuid.UUID, dict[DokumenAnggaran, Decimal]] = defaultdict(dict)
    for a in sesi.scalars(
        select(Anggaran).where(Anggaran.tahun == tahun, Anggaran.node_id.in_(ids))
    ):
        dasar[a.node_id][a.dokumen] = a.pagu
    hasil: dict[uuid.UUID, Decimal] = {}
    for node_id, per_dok in dasar.items():
        for dok in URUTAN_DOKUMEN_ANGGARAN:
            if dok in per_dok:
                hasil[node_id] = per_dok[dok]
                break
    for r in sesi.scalars(
        select(RevisiAnggaran).where(
            RevisiAnggaran.tahun == tahun,
            RevisiAnggaran.node_id.in_(ids),
            RevisiAnggaran.tanggal <= tanggal,
        )
    ):
        hasil[r.node_id] = hasil.get(r.node_id, Decimal(0)) + r.selisih
    return hasil


def realisasi_per_triwulan(
    sesi: Session, node_ids: Iterable[uuid.UUID], tahun: int
) -> dict[uuid.UUID, dict[int, Decimal]]:
    """Money spent per node and quarter (quarters with no entry are absent, not zero)."""
    hasil: dict[uuid.UUID, dict[int, Decimal]] = defaultdict(dict)
    for r in sesi.scalars(
        select(RealisasiAnggaran).where(
            RealisasiAnggaran.tahun == tahun, RealisasiAnggaran.node_id.in_(list(node_ids))
        )
    ):
        hasil[r.node_id][r.triwulan] = r.jumlah
    return dict(hasil)


# --- allocation per sasaran / IKU ------------------------------------------------------------


@dataclass(frozen=True)
class BarisAlokasi:
    """The budget that serves one indicator of a sasaran (an IKU), with its realization.

    ``indikator_id`` is None for budget that reaches a sasaran with several indicators and
    no cascading link saying which one it serves.
    """

    sasaran_id: uuid.UUID
    sasaran_kode: str | None
    sasaran: str
    indikator_id: uuid.UUID | None
    indikator_kode: str | None
    indikator: str | None
    pagu: Decimal
    porsi: Decimal | None
    """Share of the total pagu of all sasaran, in % (88,63)."""
    realisasi_triwulan: tuple[Decimal | None, ...]
    """Spent in each quarter TW I–IV (None = nothing recorded); later quarters than the
    report's are None."""
    realisasi: Decimal | None
    """Spent up to the report's quarter (None when nothing was recorded)."""
    serapan: Decimal | None
    """realisasi / pagu × 100 (None without realization or pagu)."""
    node_ids: tuple[uuid.UUID, ...]
    """The budget lines (kegiatan, sub kegiatan) allocated here."""


@dataclass(frozen=True)
class BarisPenunjang:
    """A supporting program (Sekretariat) under no sasaran: reported apart from the shares."""

    node_id: uuid.UUID
    kode: str | None
    uraian: str
    pagu: Decimal
    realisasi_triwulan: tuple[Decimal | None, ...]
    realisasi: Decimal | None
    serapan: Decimal | None
    node_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class RingkasanAnggaran:
    """The year's (or a quarter's) budget per sasaran, as the budget tables print it."""

    tahun: int
    triwulan: int | None
    per_tanggal: date
    """The date whose pagu counts: the end of the report's quarter, or of the year."""
    baris: list[BarisAlokasi]
    penunjang: list[BarisPenunjang]
    total_pagu: Decimal
    total_realisasi: Decimal | None
    total_serapan: Decimal | None

    @property
    def total_pagu_semua(self) -> Decimal:
        """Sasaran plus supporting programs: the agency's whole budget."""
        return self.total_pagu + sum((p.pagu for p in self.penunjang), Decimal(0))

    def garis_anggaran(self) -> list[uuid.UUID]:
        """Every budget line counted (kegiatan or sub kegiatan), sasaran first."""
        return [i for b in self.baris for i in b.node_ids] + [
            i for p in self.penunjang for i in p.node_ids
        ]

    def per_sasaran(self) -> list[tuple[BarisAlokasi, list[BarisAlokasi]]]:
        """Rows grouped by sasaran (first row, all rows), in the tree's order."""
        grup: dict[uuid.UUID, list[BarisAlokasi]] = {}
        for b in self.baris:
            grup.setdefault(b.sasaran_id, []).append(b)
        return [(rows[0], rows) for rows in grup.values()]


def _jumlah_opsional(nilai: Iterable[Decimal | None]) -> Decimal | None:
    terisi = [v for v in nilai if v is not None]
    return sum(terisi, Decimal(0)) if terisi else None


def _realisasi_sampai(per_tw: dict[int, Decimal], sampai: int) -> tuple[Decimal | None, ...]:
    return tuple(per_tw.get(tw) if tw <= sampai else None for tw in range(1, 5))


def _node_anggaran(
    nodes: dict[uuid.UUID, NodeKinerja], pagu: dict[uuid.UUID, Decimal], realisasi: set[uuid.UUID]
) -> list[uuid.UUID]:
    """The budget lines that count: nodes with a pagu or spending and no such descendant.

    A kegiatan's pagu is the sum of its sub kegiatan when both are recorded; counting only
    the lowest lines keeps a budget from being counted twice.
    """
    beranggaran = set(pagu) | realisasi
    punya_keturunan: set[uuid.UUID] = set()
    for nid in beranggaran:
        n = nodes[nid].parent_id
        while n is not None and n in nodes:
            punya_keturunan.add(n)
            n = nodes[n].parent_id
    urut = [nid for nid in nodes if nid in beranggaran and nid not in punya_keturunan]
    return urut


def _tujuan_alokasi(
    node_id: uuid.UUID,
    nodes: dict[uuid.UUID, NodeKinerja],
    tautan: dict[uuid.UUID, list[uuid.UUID]],
    indikator: dict[uuid.UUID, Indikator],
) -> tuple[uuid.UUID, uuid.UUID | None] | None:
    """(sasaran, indicator) a budget line serves, or None for a supporting program.

    The nearest cascading link naming an indicator, on the line itself or an ancestor, wins;
    otherwise the line's level-2 sasaran ancestor, through its only indicator.
    """
    n: uuid.UUID | None = node_id
    sasaran: uuid.UUID | None = None
    while n is not None and n in nodes:
        for ind_id in tautan.get(n, []):
            ind = indikator.get(ind_id)
            if ind is not None:
                s = _sasaran_dari(ind.node_id, nodes)
                if s is not None:
                    return s, ind.id
        if sasaran is None and nodes[n].jenis is JenisNode.SASARAN:
            sasaran = n
        n = nodes[n].parent_id
    if sasaran is None:
        return None
    inds = nodes[sasaran].indikator
    return sasaran, inds[0].id if len(inds) == 1 else None


def _sasaran_dari(node_id: uuid.UUID, nodes: dict[uuid.UUID, NodeKinerja]) -> uuid.UUID | None:
    n: uuid.UUID | None = node_id
    while n is not None and n in nodes:
        if nodes[n].jenis is JenisNode.SASARAN:
            return n
        n = nodes[n].parent_id
    return None


def _program_teratas(node_id: uuid.UUID, nodes: dict[uuid.UUID, NodeKinerja]) -> uuid.UUID:
    """The top program holding a supporting budget line (or the line itself)."""
    n = node_id
    hasil = node_id
    while n in nodes:
        if nodes[n].jenis is JenisNode.PROGRAM:
            hasil = n
        p = nodes[n].parent_id
        if p is None:
            break
        n = p
    return hasil


def ringkasan_anggaran(
    sesi: Session, renstra: Renstra, tahun: int, triwulan: int | None = None
) -> RingkasanAnggaran:
    """Pagu per sasaran and IKU with its share, realization per quarter and % serapan.

    The pagu is the one in force at the end of ``triwulan`` (or of the year): a TW I 2020
    report shows the budget before the April refocusing, the year's report the budget after.
    Realization counts the quarters up to ``triwulan`` (all four without one).
    """
    if triwulan is not None and not 1 <= triwulan <= 4:
        raise InputTidakSah(f"Triwulan harus 1–4, bukan {triwulan}.", field="triwulan")
    per_tanggal = akhir_triwulan(tahun, triwulan) if triwulan else date(tahun, 12, 31)
    sampai = triwulan or 4
    daftar = sesi.scalars(
        select(NodeKinerja)
        .where(NodeKinerja.renstra_id == renstra.id)
        .options(selectinload(NodeKinerja.indikator))
    ).all()
    nodes = {n.id: n for n in _urut_pohon(daftar)}
    pagu = pagu_berlaku(sesi, nodes, tahun, per_tanggal)
    realisasi = realisasi_per_triwulan(sesi, nodes, tahun)
    tautan: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for t in sesi.scalars(
        select(TautanCascading).where(
            TautanCascading.node_bawah_id.in_(list(nodes)),
            TautanCascading.indikator_atas_id.is_not(None),
        )
    ):
        assert t.indikator_atas_id is not None
        tautan[t.node_bawah_id].append(t.indikator_atas_id)
    indikator = {i.id: i for n in nodes.values() for i in n.indikator}
    for daftar_ind in tautan.values():
        daftar_ind.sort(key=lambda i: indikator[i].urutan if i in indikator else 0)

    per_tujuan: dict[tuple[uuid.UUID, uuid.UUID | None], list[uuid.UUID]] = {}
    penunjang: dict[uuid.UUID, list[uuid.UUID]] = {}
    for nid in _node_anggaran(nodes, pagu, set(realisasi)):
        tujuan = _tujuan_alokasi(nid, nodes, tautan, indikator)
        if tujuan is None:
            penunjang.setdefault(_program_teratas(nid, nodes), []).append(nid)
        else:
            per_tujuan.setdefault(tujuan, []).append(nid)

    def jumlah_pagu(ids: list[uuid.UUID]) -> Decimal:
        return sum((pagu.get(i, Decimal(0)) for i in ids), Decimal(0))

    def realisasi_tw(ids: list[uuid.UUID]) -> tuple[Decimal | None, ...]:
        per_tw = [
            _jumlah_opsional(_realisasi_sampai(realisasi.get(i, {}), sampai)[tw] for i in ids)
            for tw in range(4)
        ]
        return tuple(per_tw)

    urutan_sasaran = [nid for nid in nodes if nodes[nid].jenis is JenisNode.SASARAN]
    kunci = sorted(
        per_tujuan,
        key=lambda k: (
            urutan_sasaran.index(k[0]),
            indikator[k[1]].urutan if k[1] in indikator else 10**6,
        ),
    )
    porsi_semua = porsi({k: jumlah_pagu(per_tujuan[k]) for k in kunci})
    baris: list[BarisAlokasi] = []
    for k in kunci:
        ids = per_tujuan[k]
        s = nodes[k[0]]
        ind = indikator.get(k[1]) if k[1] else None
        p = jumlah_pagu(ids)
        r_tw = realisasi_tw(ids)
        r = _jumlah_opsional(r_tw)
        baris.append(
            BarisAlokasi(
                sasaran_id=s.id,
                sasaran_kode=s.kode,
                sasaran=s.uraian,
                indikator_id=ind.id if ind else None,
                indikator_kode=ind.kode if ind else None,
                indikator=ind.nama if ind else None,
                pagu=p,
                porsi=porsi_semua[k],
                realisasi_triwulan=r_tw,
                realisasi=r,
                serapan=persentase(r, p),
                node_ids=tuple(ids),
            )
        )
    baris_penunjang: list[BarisPenunjang] = []
    for prog_id, ids in penunjang.items():
        p = jumlah_pagu(ids)
        r_tw = realisasi_tw(ids)
        r = _jumlah_opsional(r_tw)
        prog = nodes[prog_id]
        baris_penunjang.append(
            BarisPenunjang(
                prog.id, prog.kode, prog.uraian, p, r_tw, r, persentase(r, p), tuple(ids)
            )
        )
    total_pagu = sum((b.pagu for b in baris), Decimal(0))
    total_r = _jumlah_opsional(b.realisasi for b in baris)
    return RingkasanAnggaran(
        tahun=tahun,
        triwulan=triwulan,
        per_tanggal=per_tanggal,
        baris=baris,
        penunjang=baris_penunjang,
        total_pagu=total_pagu,
        total_realisasi=total_r,
        total_serapan=persentase(total_r, total_pagu),
    )


def _urut_pohon(nodes: Iterable[NodeKinerja]) -> list[NodeKinerja]:
    """Nodes in pre-order (the order documents print), parents before children."""
    anak: dict[uuid.UUID | None, list[NodeKinerja]] = defaultdict(list)
    ids = set()
    semua = list(nodes)
    for n in semua:
        ids.add(n.id)
    for n in semua:
        anak[n.parent_id if n.parent_id in ids else None].append(n)
    for daftar in anak.values():
        daftar.sort(key=lambda n: n.urutan)
    hasil: list[NodeKinerja] = []

    def jalan(induk: uuid.UUID | None) -> None:
        for n in anak.get(induk, []):
            hasil.append(n)
            jalan(n.id)

    jalan(None)
    return hasil


@dataclass(frozen=True)
class BarisRevisi:
    """One pagu revision (refocusing) with the pagu before and after it."""

    node_id: uuid.UUID
    program: str | None
    kegiatan: str
    kode: str | None
    tanggal: date
    jenis: str
    pagu_semula: Decimal | None
    selisih: Decimal
    pagu_menjadi: Decimal | None
    alasan: str
    nomor_dokumen: str | None
    upaya: str | None


def daftar_revisi(
    sesi: Session, renstra: Renstra, tahun: int, jenis: str | None = None
) -> list[BarisRevisi]:
    """The year's pagu revisions in date and tree order, each with the pagu before and after.

    ``jenis`` ("refocusing") keeps one kind only. Several revisions of one line follow each
    other: the second starts from the pagu the first left.
    """
    nodes = {
        n.id: n
        for n in _urut_pohon(
            sesi.scalars(select(NodeKinerja).where(NodeKinerja.renstra_id == renstra.id)).all()
        )
    }
    urutan = {nid: i for i, nid in enumerate(nodes)}
    q = select(RevisiAnggaran).where(
        RevisiAnggaran.tahun == tahun, RevisiAnggaran.node_id.in_(list(nodes))
    )
    revisi = sorted(sesi.scalars(q), key=lambda r: (r.tanggal, urutan[r.node_id], r.dibuat_pada))
    semula = pagu_berlaku(sesi, nodes, tahun, date(tahun, 1, 1) - timedelta(days=1))
    berjalan: dict[uuid.UUID, Decimal | None] = dict(semula)
    hasil: list[BarisRevisi] = []
    for r in revisi:
        sebelum = berjalan.get(r.node_id)
        sesudah = (sebelum or Decimal(0)) + r.selisih
        berjalan[r.node_id] = sesudah
        if jenis is not None and r.jenis != jenis:
            continue
        node = nodes[r.node_id]
        program = _induk_berjenis(node, nodes, JenisNode.PROGRAM)
        hasil.append(
            BarisRevisi(
                node_id=node.id,
                program=program.uraian if program is not None and program is not node else None,
                kegiatan=node.uraian,
                kode=node.kode,
                tanggal=r.tanggal,
                jenis=r.jenis,
                pagu_semula=sebelum,
                selisih=r.selisih,
                pagu_menjadi=sesudah,
                alasan=r.alasan,
                nomor_dokumen=r.nomor_dokumen,
                upaya=r.upaya,
            )
        )
    return hasil


def _induk_berjenis(
    node: NodeKinerja, nodes: dict[uuid.UUID, NodeKinerja], jenis: JenisNode
) -> NodeKinerja | None:
    n: NodeKinerja | None = node
    while n is not None:
        if n.jenis is jenis:
            return n
        n = nodes.get(n.parent_id) if n.parent_id else None
    return None


def pagu_awal(sesi: Session, node_ids: Iterable[uuid.UUID], tahun: int) -> dict[uuid.UUID, Decimal]:
    """Each node's pagu before any revision of the year (the plan, as the Renja prints it)."""
    return pagu_berlaku(sesi, node_ids, tahun, date(tahun, 1, 1) - timedelta(days=1))


class LayananAnggaran:
    """Budget figures for the window and the CLI (reads only)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def ringkasan(
        self, tahun: int, triwulan: int | None = None, opd: str | None = None
    ) -> RingkasanAnggaran:
        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            return ringkasan_anggaran(sesi, renstra_untuk(sesi, o, tahun), tahun, triwulan)

    def revisi(self, tahun: int, opd: str | None = None) -> list[BarisRevisi]:
        with self.db.baca() as sesi:
            o = pilih_opd(sesi, opd)
            return daftar_revisi(sesi, renstra_untuk(sesi, o, tahun), tahun)
