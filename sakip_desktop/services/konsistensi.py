"""Konsistensi: do the planning documents of a year say the same thing?

The source's "KONSISTENSI MATRIK RENSTRA, IKU, PERJANJIAN KINERJA, IKI, RENJA, RKA, DPA"
page puts the documents side by side. Here the check is computed:

* every indicator's yearly target in the Renstra (the year's column), the IKU document, the
  PK target (its latest perubahan), the IKI, the Renja, and the signed PK documents;
* every program/kegiatan's pagu in the Renja, RKA and DPA, the DPA after refocusing, a
  kegiatan against the sum of its sub kegiatan, and the pagu a signed PK printed;
* every stored PK row against a node and indicator that still exist in the plan;
* every kegiatan and sub kegiatan against a program that belongs to the Renstra.

The IKU and IKI documents are printed from the target in force (PK, else Renja, else
Renstra — reports/iku_iki.py), so their cells show what those documents would print.
Each finding names the values that disagree and the record to open to fix it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..angka import format_rupiah
from ..domain import DokumenAnggaran, DokumenTarget, JenisNode, StatusPK
from ..kalkulasi import NilaiTarget
from ..model import Anggaran, BarisPK, Indikator, NodeKinerja, Opd, PerjanjianKinerja, Target
from ..storage import Database
from .anggaran import pagu_berlaku
from .capaian import nilai_target, target_berlaku
from .konteks import pilih_opd, renstra_untuk
from .pohon import indikator_urut, muat_pohon, telusuri
from .target import teks_target

KOLOM_TARGET: tuple[tuple[str, str], ...] = (
    ("renstra", "Renstra"),
    ("iku", "IKU"),
    ("pk", "PK"),
    ("iki", "IKI"),
    ("renja", "Renja"),
    ("pk_ttd", "PK ditandatangani"),
)
"""Columns of the target matrix, in the source's order (the signed PKs last)."""
LABEL_KOLOM = dict(KOLOM_TARGET)
URUTAN_ACUAN = ("renstra", "renja", "pk", "pk_ttd", "iku", "iki")
"""The cell others are compared with: the Renstra's year column when there is one."""


@dataclass(frozen=True)
class SelKonsistensi:
    """One document's target for one indicator."""

    kolom: str
    nilai: NilaiTarget | None
    teks: str
    beda: bool = False
    """Differs from the row's reference (``acuan``) value."""
    acuan: str | None = None
    """"Renstra 1,28%" when ``beda``: the value it should agree with."""
    catatan: str | None = None
    """E.g. "perubahan ke-1; semula 1,28%" for a revised PK target."""


@dataclass(frozen=True)
class BarisMatriks:
    """One indicator across the documents (a row of the matrix)."""

    indikator_id: uuid.UUID
    node_id: uuid.UUID
    kode: str
    indikator: str
    sasaran: str
    jenis_node: JenisNode
    satuan: str
    sel: dict[str, SelKonsistensi]

    @property
    def sepakat(self) -> bool:
        return not any(s.beda for s in self.sel.values())


@dataclass(frozen=True)
class BarisAnggaranKonsistensi:
    """One budget line across Renja, RKA, DPA, the DPA after refocusing and the PK."""

    node_id: uuid.UUID
    kode: str | None
    uraian: str
    jenis_node: JenisNode
    renja: Decimal | None
    rka: Decimal | None
    dpa: Decimal | None
    dpa_akhir: Decimal | None
    """The pagu in force at the end of the year (after refocusing)."""
    pk: Decimal | None
    """What the signed PK printed for this line (None when no signed PK names it)."""
    beda: bool


@dataclass(frozen=True)
class Temuan:
    """A disagreement, with the record to open to fix it.

    ``jenis``: "target", "anggaran", "pk" (a PK row without its node or indicator) or
    "struktur" (a kegiatan without a program of the Renstra).
    """

    jenis: str
    pesan: str
    nilai: tuple[tuple[str, str], ...] = ()
    """(document, value) pairs that disagree, e.g. (("Renstra", "1,28%"), ("PK", "1,50%"))."""
    node_id: uuid.UUID | None = None
    """The tree node to open (the window shows it on the Pohon Kinerja page)."""
    tabel: str | None = None
    rekaman_id: uuid.UUID | None = None
    kode: str | None = None

    def ke_dict(self) -> dict[str, Any]:
        return {
            "jenis": self.jenis,
            "pesan": self.pesan,
            "kode": self.kode,
            "nilai": [{"dokumen": d, "nilai": v} for d, v in self.nilai],
            "node_id": str(self.node_id) if self.node_id else None,
            "tabel": self.tabel,
            "rekaman_id": str(self.rekaman_id) if self.rekaman_id else None,
        }


@dataclass
class HasilKonsistensi:
    """The whole check of one year."""

    tahun: int
    opd: str
    kolom: tuple[tuple[str, str], ...]
    baris: list[BarisMatriks] = field(default_factory=list)
    anggaran: list[BarisAnggaranKonsistensi] = field(default_factory=list)
    temuan: list[Temuan] = field(default_factory=list)

    @property
    def konsisten(self) -> bool:
        return not self.temuan

    def ke_dict(self) -> dict[str, Any]:
        """For ``sakip konsistensi --json``: numbers as Indonesian text, as printed."""
        return {
            "tahun": self.tahun,
            "opd": self.opd,
            "konsisten": self.konsisten,
            "jumlah_temuan": len(self.temuan),
            "temuan": [t.ke_dict() for t in self.temuan],
            "indikator": [
                {
                    "kode": b.kode,
                    "indikator": b.indikator,
                    "sepakat": b.sepakat,
                    "target": {k: b.sel[k].teks for k, _ in self.kolom if k in b.sel},
                }
                for b in self.baris
            ],
            "anggaran": [
                {
                    "kode": a.kode,
                    "uraian": a.uraian,
                    "renja": _rp(a.renja),
                    "rka": _rp(a.rka),
                    "dpa": _rp(a.dpa),
                    "dpa_setelah_refocusing": _rp(a.dpa_akhir),
                    "pk": _rp(a.pk),
                    "sepakat": not a.beda,
                }
                for a in self.anggaran
            ],
        }


def _rp(x: Decimal | None) -> str | None:
    return format_rupiah(x) if x is not None else None


def _kunci(t: NilaiTarget | None) -> tuple[object, ...] | None:
    """Comparable form of a target (None for no target): 1,28 equals 1,2800."""
    if t is None or t.kosong:
        return None
    return (t.nilai, t.nilai_maks, (t.teks or "").strip().casefold() or None)


def _terbaru(baris: list[Target]) -> Target | None:
    return max(baris, key=lambda t: t.perubahan_ke) if baris else None


# --- signed PK documents -------------------------------------------------------------------------


def pk_berlaku(sesi: Session, opd: Opd, tahun: int) -> list[PerjanjianKinerja]:
    """Per position of ``opd``, the latest stored PK version of ``tahun`` (any status)."""
    semua = sesi.scalars(
        select(PerjanjianKinerja)
        .where(PerjanjianKinerja.tahun == tahun)
        .options(selectinload(PerjanjianKinerja.baris), selectinload(PerjanjianKinerja.jabatan))
        .order_by(PerjanjianKinerja.versi_ke)
    ).all()
    terakhir: dict[uuid.UUID, PerjanjianKinerja] = {}
    for pk in semua:
        if pk.jabatan.opd_id in (opd.id, None):
            terakhir[pk.jabatan_id] = pk
    return list(terakhir.values())


def _label_pk(pk: PerjanjianKinerja) -> str:
    jenis = f"PK perubahan ke-{pk.versi_ke}" if pk.versi_ke else "PK"
    return f"{jenis} {pk.jabatan.nama}"


# --- the checks ---------------------------------------------------------------------------


def _matriks_target(
    sesi: Session,
    pasangan: list[tuple[NodeKinerja, Indikator]],
    tahun: int,
    pk_ttd: list[PerjanjianKinerja],
) -> tuple[list[BarisMatriks], list[Temuan]]:
    ids = [ind.id for _, ind in pasangan]
    per_ind: dict[uuid.UUID, list[Target]] = defaultdict(list)
    for t in sesi.scalars(
        select(Target).where(
            Target.tahun == tahun, Target.triwulan == 0, Target.indikator_id.in_(ids)
        )
    ):
        per_ind[t.indikator_id].append(t)
    tertanda: dict[uuid.UUID, tuple[NilaiTarget | None, str]] = {}
    for pk in pk_ttd:
        if pk.status is not StatusPK.DITANDATANGANI:
            continue
        for b in pk.baris:
            if b.bagian == "kinerja" and b.indikator_id is not None:
                t = NilaiTarget(nilai=b.target, nilai_maks=b.target_maks, teks=b.target_teks)
                tertanda[b.indikator_id] = (t, _label_pk(pk))
    baris: list[BarisMatriks] = []
    temuan: list[Temuan] = []
    for node, ind in pasangan:
        rows = per_ind[ind.id]
        nilai: dict[str, tuple[NilaiTarget | None, str | None]] = {}
        for dok in (DokumenTarget.RENSTRA, DokumenTarget.PK, DokumenTarget.RENJA):
            pilih = [t for t in rows if t.dokumen is dok]
            t = _terbaru(pilih)
            if t is None:
                continue
            catatan = None
            if t.perubahan_ke > 0:
                semula = min(pilih, key=lambda x: x.perubahan_ke)
                catatan = (
                    f"perubahan ke-{t.perubahan_ke}; semula "
                    f"{teks_target(nilai_target(semula), ind.satuan)}"
                )
            nilai[dok.value] = (nilai_target(t), catatan)
        berlaku = target_berlaku(rows).tahunan
        if ind.iku and berlaku is not None:
            nilai["iku"] = (berlaku, None)
        if node.pemilik_id is not None and berlaku is not None:
            nilai["iki"] = (berlaku, None)
        if ind.id in tertanda:
            nilai["pk_ttd"] = (tertanda[ind.id][0], tertanda[ind.id][1])
        if not nilai:
            continue
        acuan_kolom = next(
            (k for k in URUTAN_ACUAN if k in nilai and _kunci(nilai[k][0]) is not None), None
        )
        acuan = nilai[acuan_kolom][0] if acuan_kolom else None
        teks_acuan = (
            f"{LABEL_KOLOM[acuan_kolom]} {teks_target(acuan, ind.satuan)}" if acuan_kolom else None
        )
        sel: dict[str, SelKonsistensi] = {}
        for k, (t, catatan) in nilai.items():
            beda = acuan_kolom is not None and _kunci(t) is not None and _kunci(t) != _kunci(acuan)
            sel[k] = SelKonsistensi(
                kolom=k,
                nilai=t,
                teks=teks_target(t, ind.satuan),
                beda=beda,
                acuan=teks_acuan if beda else None,
                catatan=catatan,
            )
        b = BarisMatriks(
            indikator_id=ind.id,
            node_id=node.id,
            kode=ind.kode,
            indikator=ind.nama,
            sasaran=node.uraian,
            jenis_node=node.jenis,
            satuan=ind.satuan,
            sel=sel,
        )
        baris.append(b)
        if not b.sepakat:
            temuan.append(_temuan_target(b, tahun))
    return baris, temuan


def _temuan_target(b: BarisMatriks, tahun: int) -> Temuan:
    """One finding per indicator, grouping documents by the value they carry."""
    kelompok: dict[str, list[str]] = {}
    for k, label in KOLOM_TARGET:
        s = b.sel.get(k)
        if s is not None and _kunci(s.nilai) is not None:
            kelompok.setdefault(s.teks, []).append(label)
    bagian = "; ".join(f"{', '.join(dok)} {nilai}" for nilai, dok in kelompok.items())
    pasangan = tuple((", ".join(dok), nilai) for nilai, dok in kelompok.items())
    return Temuan(
        jenis="target",
        pesan=f"{b.kode} {b.indikator}: target {tahun} tidak sama — {bagian}.",
        nilai=pasangan,
        node_id=b.node_id,
        tabel="indikator",
        rekaman_id=b.indikator_id,
        kode=b.kode,
    )


_BERANGGARAN = (JenisNode.PROGRAM, JenisNode.KEGIATAN, JenisNode.SUB_KEGIATAN)


def _pagu_subpohon(
    node_id: uuid.UUID, anak: dict[uuid.UUID, list[uuid.UUID]], pagu: dict[uuid.UUID, Decimal]
) -> Decimal | None:
    """A node's own pagu, else the sum of its descendants' (as the PK prints a program)."""
    if node_id in pagu:
        return pagu[node_id]
    bagian = [p for a in anak.get(node_id, []) if (p := _pagu_subpohon(a, anak, pagu)) is not None]
    return sum(bagian, Decimal(0)) if bagian else None


def _cek_anggaran(
    sesi: Session,
    nodes: dict[uuid.UUID, NodeKinerja],
    tahun: int,
    pk_semua: list[PerjanjianKinerja],
) -> tuple[list[BarisAnggaranKonsistensi], list[Temuan]]:
    per_dok: dict[uuid.UUID, dict[DokumenAnggaran, Decimal]] = defaultdict(dict)
    for a in sesi.scalars(
        select(Anggaran).where(Anggaran.tahun == tahun, Anggaran.node_id.in_(list(nodes)))
    ):
        per_dok[a.node_id][a.dokumen] = a.pagu
    akhir = pagu_berlaku(sesi, nodes, tahun)
    anak: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for n in nodes.values():
        if n.parent_id in nodes:
            anak[n.parent_id].append(n.id)  # type: ignore[index]
    pk_anggaran: dict[uuid.UUID, tuple[Decimal | None, PerjanjianKinerja, BarisPK]] = {}
    for pk in pk_semua:
        if pk.status is StatusPK.DITANDATANGANI:
            for b in pk.baris:
                if b.bagian == "anggaran" and b.node_id in nodes:
                    pk_anggaran[b.node_id] = (b.anggaran, pk, b)  # type: ignore[index]
    baris: list[BarisAnggaranKonsistensi] = []
    temuan: list[Temuan] = []
    for nid, n in nodes.items():
        if n.jenis not in _BERANGGARAN or (nid not in per_dok and nid not in pk_anggaran):
            continue
        dok = per_dok.get(nid, {})
        nilai = [(d.label, dok[d]) for d in DokumenAnggaran if d in dok]
        beda = len({v for _, v in nilai}) > 1
        if beda:
            temuan.append(
                Temuan(
                    jenis="anggaran",
                    pesan=f"{n.uraian}: pagu {tahun} tidak sama — "
                    + "; ".join(f"{d} {format_rupiah(v)}" for d, v in nilai)
                    + ".",
                    nilai=tuple((d, format_rupiah(v)) for d, v in nilai),
                    node_id=nid,
                    tabel="anggaran",
                    kode=n.kode,
                )
            )
        pk_nilai = None
        if nid in pk_anggaran:
            pk_nilai, pk, b = pk_anggaran[nid]
            tanggal = pk.tanggal or date(tahun, 1, 2)
            saat_pk = _pagu_subpohon(nid, anak, pagu_berlaku(sesi, nodes, tahun, tanggal))
            if (pk_nilai or Decimal(0)) != (saat_pk or Decimal(0)):
                beda = True
                temuan.append(
                    Temuan(
                        jenis="anggaran",
                        pesan=f"{n.uraian}: {_label_pk(pk)} mencantumkan "
                        f"{format_rupiah(pk_nilai)}, pagu berlaku pada tanggal PK "
                        f"{format_rupiah(saat_pk)}.",
                        nilai=(
                            (_label_pk(pk), format_rupiah(pk_nilai)),
                            ("Pagu berlaku", format_rupiah(saat_pk)),
                        ),
                        node_id=nid,
                        tabel="baris_pk",
                        rekaman_id=b.id,
                        kode=n.kode,
                    )
                )
        baris.append(
            BarisAnggaranKonsistensi(
                node_id=nid,
                kode=n.kode,
                uraian=n.uraian,
                jenis_node=n.jenis,
                renja=dok.get(DokumenAnggaran.RENJA),
                rka=dok.get(DokumenAnggaran.RKA),
                dpa=dok.get(DokumenAnggaran.DPA),
                dpa_akhir=akhir.get(nid),
                pk=pk_nilai,
                beda=beda,
            )
        )
    temuan.extend(_cek_rincian(nodes, anak, per_dok, tahun))
    return baris, temuan


def _cek_rincian(
    nodes: dict[uuid.UUID, NodeKinerja],
    anak: dict[uuid.UUID, list[uuid.UUID]],
    per_dok: dict[uuid.UUID, dict[DokumenAnggaran, Decimal]],
    tahun: int,
) -> list[Temuan]:
    """A kegiatan whose pagu differs from the sum of its sub kegiatan in the same document."""
    hasil = []
    for nid, n in nodes.items():
        sub = [a for a in anak.get(nid, []) if nodes[a].jenis is JenisNode.SUB_KEGIATAN]
        for dok, pagu in per_dok.get(nid, {}).items():
            isi = [per_dok[a][dok] for a in sub if dok in per_dok.get(a, {})]
            if isi and sum(isi, Decimal(0)) != pagu:
                jumlah = sum(isi, Decimal(0))
                hasil.append(
                    Temuan(
                        jenis="anggaran",
                        pesan=f"{n.uraian}: pagu {dok.label} {tahun} {format_rupiah(pagu)}, "
                        f"jumlah sub kegiatannya {format_rupiah(jumlah)}.",
                        nilai=(
                            (n.jenis.label, format_rupiah(pagu)),
                            ("Sub kegiatan", format_rupiah(jumlah)),
                        ),
                        node_id=nid,
                        tabel="anggaran",
                        kode=n.kode,
                    )
                )
    return hasil


def _cek_baris_pk(
    sesi: Session, pk_semua: list[PerjanjianKinerja], nodes: dict[uuid.UUID, NodeKinerja]
) -> list[Temuan]:
    """Every row of the stored PKs must point at a node (and indicator) of the plan."""
    hasil = []
    for pk in pk_semua:
        for b in pk.baris:
            apa = b.indikator_teks or b.uraian
            masalah = None
            if b.node_id is None:
                masalah = "tidak lagi terhubung ke node pohon kinerja (node dihapus)"
            elif b.node_id not in nodes:
                masalah = "menunjuk node di luar Renstra tahun ini"
            elif b.bagian == "kinerja" and b.indikator_teks and b.indikator_id is None:
                masalah = "indikatornya tidak lagi ada di pohon kinerja"
            elif b.bagian == "kinerja" and b.indikator_id is not None:
                ind = sesi.get(Indikator, b.indikator_id)
                if ind is None or ind.node_id != b.node_id:
                    masalah = "indikatornya sudah dipindah ke node lain"
            if masalah:
                hasil.append(
                    Temuan(
                        jenis="pk",
                        pesan=f"{_label_pk(pk)}: baris \u201c{apa}\u201d {masalah}.",
                        nilai=((_label_pk(pk), apa),),
                        node_id=b.node_id if b.node_id in nodes else None,
                        tabel="baris_pk",
                        rekaman_id=b.id,
                    )
                )
    return hasil


_INDUK_SAH = {
    JenisNode.KEGIATAN: (JenisNode.PROGRAM,),
    JenisNode.SUB_KEGIATAN: (JenisNode.KEGIATAN,),
}


def _cek_struktur(nodes: dict[uuid.UUID, NodeKinerja]) -> list[Temuan]:
    """Kegiatan under a program, sub kegiatan under a kegiatan, the program in the Renstra
    (under one of its sasaran, or a supporting program at the top of the plan); codes follow
    the parent's code (2.07.01 → 2.07.01.2.01) where both are written."""
    hasil = []
    for nid, n in nodes.items():
        induk = nodes.get(n.parent_id) if n.parent_id else None
        masalah = None
        if n.jenis in _INDUK_SAH:
            if induk is None or induk.jenis not in _INDUK_SAH[n.jenis]:
                harus = _INDUK_SAH[n.jenis][0].label.lower()
                letak = f"di bawah {induk.jenis.label.lower()}" if induk else "tanpa induk"
                masalah = f"{n.jenis.label.lower()} ini berada {letak}, bukan di bawah {harus}"
            elif n.kode and induk.kode and not n.kode.startswith(induk.kode + "."):
                masalah = (
                    f"kode {n.kode} tidak diawali kode {induk.jenis.label.lower()} {induk.kode}"
                )
        elif n.jenis is JenisNode.PROGRAM and n.parent_id is not None:
            if induk is None:
                masalah = "program berinduk node di luar Renstra ini"
            elif induk.jenis is not JenisNode.SASARAN:
                masalah = f"program di bawah {induk.jenis.label.lower()}, bukan di bawah sasaran"
        if masalah:
            hasil.append(
                Temuan(
                    jenis="struktur",
                    pesan=f"{n.kode + ' ' if n.kode else ''}{n.uraian}: {masalah}.",
                    nilai=((n.jenis.label, n.uraian),),
                    node_id=nid,
                    tabel="node_kinerja",
                    rekaman_id=nid,
                    kode=n.kode,
                )
            )
    return hasil


def periksa_konsistensi(sesi: Session, opd: Opd, tahun: int) -> HasilKonsistensi:
    """Run every check for ``tahun`` of ``opd``'s Renstra (reads only)."""
    renstra = renstra_untuk(sesi, opd, tahun)
    akar = muat_pohon(sesi, renstra)
    pasangan = [(s.node, ind) for s, ind in indikator_urut(akar) if s.node.renstra_id == renstra.id]
    nodes = {s.node.id: s.node for s in telusuri(akar) if s.node.renstra_id == renstra.id}
    pk_semua = pk_berlaku(sesi, opd, tahun)
    hasil = HasilKonsistensi(tahun=tahun, opd=opd.nama, kolom=KOLOM_TARGET)
    hasil.baris, temuan_target = _matriks_target(sesi, pasangan, tahun, pk_semua)
    hasil.anggaran, temuan_anggaran = _cek_anggaran(sesi, nodes, tahun, pk_semua)
    hasil.temuan = [
        *temuan_target,
        *temuan_anggaran,
        *_cek_baris_pk(sesi, pk_semua, nodes),
        *_cek_struktur(nodes),
    ]
    dipakai = {k for b in hasil.baris for k in b.sel}
    hasil.kolom = tuple((k, label) for k, label in KOLOM_TARGET if k in dipakai)
    return hasil


class LayananKonsistensi:
    """The konsistensi check for the window and the CLI (reads only)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def periksa(self, tahun: int, opd: str | None = None) -> HasilKonsistensi:
        with self.db.baca() as sesi:
            return periksa_konsistensi(sesi, pilih_opd(sesi, opd), tahun)
