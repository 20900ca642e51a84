"""Comparing a plan read from a file with an agency's Renstra, and writing it.

The same code computes the preview and performs the import, so what the preview says is
what happens. Nothing is deleted: a node, indicator or target in the database that the
file does not mention is listed ("tidak ada di berkas") and left as it is. A changed
target is written as a new revision (``perubahan_ke`` + 1, with the import as its reason),
so the earlier value stays in the history.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain import Agregasi, DokumenAnggaran, DokumenTarget, JenisIndikator, JenisNode
from ...model import Anggaran, Indikator, NodeKinerja, Opd, Renstra, TahunKinerja, Target
from ..anggaran import URUTAN_DOKUMEN_ANGGARAN
from ..kunci import wajib_target_terbuka
from .nilai import teks_persis, teks_target
from .rencana import (
    TINGKAT,
    IndikatorImpor,
    JenisMasalah,
    Masalah,
    NilaiImpor,
    NodeImpor,
    RencanaImpor,
    kunci_teks,
)

AWALAN_KODE = {
    JenisNode.TUJUAN: "IKT",
    JenisNode.SASARAN: "IKS",
    JenisNode.PROGRAM: "IKP",
    JenisNode.KEGIATAN: "IKK",
    JenisNode.SUB_KEGIATAN: "IKSK",
}
LABEL_PJ = "Penanggung jawab"
LABEL_LOKASI = "Lokasi"


@dataclass(frozen=True)
class Perubahan:
    """One difference between the file and the database.

    ``aksi``: "tambah" (new), "ubah" (changed) or "tetap" (in the database, not in the
    file: left as is).
    """

    aksi: str
    apa: str
    letak: str
    field: str | None = None
    lama: str | None = None
    baru: str | None = None
    baris: int | None = None

    def __str__(self) -> str:
        awal = {"tambah": "+", "ubah": "~", "tetap": "="}[self.aksi]
        baris = f" [baris {self.baris}]" if self.baris else ""
        if self.aksi == "ubah":
            return (
                f"{awal} {self.letak}: {self.field} {self.lama or '—'} → {self.baru or '—'}{baris}"
            )
        if self.aksi == "tetap":
            return f"{awal} {self.letak}: tidak ada di berkas, dibiarkan"
        return f"{awal} {self.letak}{baris}"


def baca_keterangan(teks: str | None, label: str) -> str | None:
    """A "Label: value" line of a node's keterangan (where the import keeps the
    responsible unit and the location)."""
    for baris in (teks or "").splitlines():
        if baris.startswith(f"{label}: "):
            return baris[len(label) + 2 :].strip() or None
    return None


def tulis_keterangan(teks: str | None, label: str, nilai: str | None) -> str | None:
    baris = [b for b in (teks or "").splitlines() if not b.startswith(f"{label}: ")]
    if nilai:
        baris.append(f"{label}: {nilai}")
    hasil = "\n".join(baris).strip()
    return hasil or None


def penanggung_jawab(node: NodeKinerja) -> str | None:
    """The responsible unit as T-C.27 prints it: the import's note, else the owner's unit."""
    teks = baca_keterangan(node.keterangan, LABEL_PJ)
    if teks is None and node.pemilik is not None and node.pemilik.unit is not None:
        teks = node.pemilik.unit.nama
    return teks


def _teks_nilai(n: NilaiImpor | None, satuan: str | None) -> str | None:
    return teks_target(n, satuan) if n is not None else None


def _sama(a: NilaiImpor, t: Target | None) -> bool:
    if t is None:
        return a.kosong
    return (a.nilai, a.nilai_maks, a.teks) == (t.nilai, t.nilai_maks, t.nilai_teks)


class Sinkron:
    """Compare (``bandingkan``) and then write (``terapkan``) one plan for one agency."""

    def __init__(
        self, sesi: Session, opd: Opd | None, renstra: Renstra | None, rencana: RencanaImpor
    ) -> None:
        self.sesi = sesi
        self.opd = opd
        self.renstra = renstra
        self.rencana = rencana
        self.pasangan: dict[int, NodeKinerja] = {}
        self.pasangan_ind: dict[int, Indikator] = {}
        self.perubahan: list[Perubahan] = []
        self.masalah: list[Masalah] = []
        self.target_db: dict[tuple[uuid.UUID, DokumenTarget, int], Target] = {}
        self.pagu_db: dict[tuple[uuid.UUID, int], Anggaran] = {}
        self.node_db: list[NodeKinerja] = []

    # --- reading the database ----------------------------------------------------------------
    def _muat(self) -> None:
        if self.renstra is None:
            return
        self.node_db = list(
            self.sesi.scalars(
                select(NodeKinerja)
                .where(NodeKinerja.renstra_id == self.renstra.id)
                .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
                .order_by(NodeKinerja.urutan)
            )
        )
        ids = [i.id for n in self.node_db for i in n.indikator]
        for t in self.sesi.scalars(
            select(Target).where(Target.indikator_id.in_(ids), Target.triwulan == 0)
        ):
            kunci = (t.indikator_id, t.dokumen, t.tahun)
            lama = self.target_db.get(kunci)
            if lama is None or t.perubahan_ke > lama.perubahan_ke:
                self.target_db[kunci] = t
        per_dok: dict[tuple[uuid.UUID, int], dict[DokumenAnggaran, Anggaran]] = defaultdict(dict)
        for a in self.sesi.scalars(
            select(Anggaran).where(Anggaran.node_id.in_([n.id for n in self.node_db]))
        ):
            per_dok[(a.node_id, a.tahun)][a.dokumen] = a
        for kunci_pagu, dok in per_dok.items():
            for d in URUTAN_DOKUMEN_ANGGARAN:
                if d in dok:
                    self.pagu_db[kunci_pagu] = dok[d]
                    break

    # --- comparing -----------------------------------------------------------------------------
    def bandingkan(self) -> list[Perubahan]:
        """Match every node and indicator and list the differences (sets each ``status``)."""
        self._muat()
        per_kode = {n.kode: n for n in self.node_db if n.kode}
        per_teks: dict[tuple[JenisNode, str], list[NodeKinerja]] = defaultdict(list)
        for d in self.node_db:
            per_teks[(d.jenis, kunci_teks(d.uraian))].append(d)
        dipakai: set[uuid.UUID] = set()
        for n in self.rencana.semua_node():
            db = self._cocokkan(n, per_kode, per_teks, dipakai)
            if db is None:
                n.status = "baru"
                for ind in n.indikator:
                    ind.status = "baru"
                if self.renstra is not None:
                    self.perubahan.append(Perubahan("tambah", "node", n.label, baris=n.baris))
                continue
            dipakai.add(db.id)
            self.pasangan[id(n)] = db
            n.status = "ubah" if self._banding_node(n, db) else "sama"
            for ind in n.indikator:
                if self._banding_indikator(n, db, ind) and n.status == "sama":
                    n.status = "ubah"
            cocok = {self.pasangan_ind[id(i)].id for i in n.indikator if id(i) in self.pasangan_ind}
            for lain in db.indikator:
                if lain.id not in cocok:
                    self.perubahan.append(
                        Perubahan("tetap", "indikator", f"{n.label} › indikator {lain.nama[:60]!r}")
                    )
        for sisa in self.node_db:
            if sisa.id not in dipakai and sisa.jenis in TINGKAT:
                kode = f" {sisa.kode}" if sisa.kode else ""
                self.perubahan.append(
                    Perubahan("tetap", "node", f"{sisa.jenis.label}{kode} {sisa.uraian[:60]!r}")
                )
        return self.perubahan

    def _cocokkan(
        self,
        n: NodeImpor,
        per_kode: dict[str, NodeKinerja],
        per_teks: dict[tuple[JenisNode, str], list[NodeKinerja]],
        dipakai: set[uuid.UUID],
    ) -> NodeKinerja | None:
        if n.kode:
            db = per_kode.get(n.kode)
            if db is not None and db.jenis is not n.jenis:
                self.masalah.append(
                    Masalah(
                        JenisMasalah.KODE_GANDA,
                        f"kode {n.kode} di basis data adalah {db.jenis.label}, di berkas "
                        f"{n.jenis.label}",
                        self.rencana.lembar,
                        n.baris,
                    )
                )
                return None
            if db is not None or n.jenis not in (JenisNode.TUJUAN, JenisNode.SASARAN):
                return db
        calon = [
            d for d in per_teks.get((n.jenis, kunci_teks(n.uraian)), []) if d.id not in dipakai
        ]
        induk = self.pasangan.get(id(n.induk)) if n.induk is not None else None
        for d in calon:
            if induk is None or d.parent_id == induk.id:
                return d
        return calon[0] if calon else None

    def _letak(self, n: NodeImpor, ind: IndikatorImpor | None = None) -> str:
        if ind is None:
            return n.label
        return f"{n.label} › indikator {ind.nama[:60]!r}"

    def _ubah(self, letak: str, field: str, lama: object, baru: object, baris: int | None) -> None:
        self.perubahan.append(
            Perubahan(
                "ubah",
                "nilai",
                letak,
                field,
                None if lama is None else str(lama),
                None if baru is None else str(baru),
                baris,
            )
        )

    def _banding_node(self, n: NodeImpor, db: NodeKinerja) -> bool:
        awal = len(self.perubahan)
        if n.kode and kunci_teks(n.uraian) != kunci_teks(db.uraian):
            self._ubah(n.label, "uraian", db.uraian, n.uraian, n.baris)
        induk = self.pasangan.get(id(n.induk)) if n.induk is not None else None
        if n.induk is not None and induk is not None and db.parent_id != induk.id:
            self._ubah(
                n.label, "induk", db.parent.uraian if db.parent else None, induk.uraian, n.baris
            )
        if n.penanggung_jawab and n.penanggung_jawab != penanggung_jawab(db):
            self._ubah(
                n.label, "penanggung jawab", penanggung_jawab(db), n.penanggung_jawab, n.baris
            )
        lokasi = baca_keterangan(db.keterangan, LABEL_LOKASI)
        if n.lokasi and n.lokasi != lokasi:
            self._ubah(n.label, "lokasi", lokasi, n.lokasi, n.baris)
        for tahun, pagu in sorted(n.pagu.items()):
            lama = self.pagu_db.get((db.id, tahun))
            if lama is None:
                self.perubahan.append(
                    Perubahan(
                        "tambah",
                        "pagu",
                        f"{n.label} pagu {tahun}: Rp {teks_persis(pagu)}",
                        baris=n.baris,
                    )
                )
            elif lama.pagu != pagu:
                self._ubah(
                    n.label,
                    f"pagu {tahun} ({lama.dokumen.label})",
                    f"Rp {teks_persis(lama.pagu)}",
                    f"Rp {teks_persis(pagu)}",
                    n.baris,
                )
        return len(self.perubahan) > awal

    def _banding_indikator(self, n: NodeImpor, db: NodeKinerja, ind: IndikatorImpor) -> bool:
        cocok = None
        if ind.kode:
            cocok = next((i for i in db.indikator if i.kode == ind.kode), None)
        if cocok is None:
            cocok = next(
                (
                    i
                    for i in db.indikator
                    if kunci_teks(i.nama) == kunci_teks(ind.nama)
                    and i.id not in {x.id for x in self.pasangan_ind.values()}
                ),
                None,
            )
        letak = self._letak(n, ind)
        if cocok is None:
            ind.status = "baru"
            self.perubahan.append(Perubahan("tambah", "indikator", letak, baris=ind.baris))
            return True
        self.pasangan_ind[id(ind)] = cocok
        awal = len(self.perubahan)
        if kunci_teks(ind.nama) != kunci_teks(cocok.nama):
            self._ubah(letak, "nama", cocok.nama, ind.nama, ind.baris)
        if ind.satuan and ind.satuan != cocok.satuan:
            self._ubah(letak, "satuan", cocok.satuan, ind.satuan, ind.baris)
        if ind.baseline is not None and ind.baseline != cocok.baseline:
            self._ubah(letak, "baseline", cocok.baseline, teks_persis(ind.baseline), ind.baris)
        for nama in ("jenis", "polaritas", "agregasi"):
            baru = getattr(ind, nama)
            if baru is not None and baru != getattr(cocok, nama):
                self._ubah(letak, nama, getattr(cocok, nama).value, baru.value, ind.baris)
        satuan = ind.satuan or cocok.satuan
        for (dok, tahun), nilai in sorted(ind.target.items()):
            lama = self.target_db.get((cocok.id, dok, tahun))
            if nilai.kosong or _sama(nilai, lama):
                continue
            lama_n = NilaiImpor(lama.nilai, lama.nilai_maks, lama.nilai_teks) if lama else None
            self._ubah(
                letak,
                f"target {dok.label} {tahun}",
                _teks_nilai(lama_n, satuan),
                _teks_nilai(nilai, satuan),
                ind.baris,
            )
        ind.status = "ubah" if len(self.perubahan) > awal else "sama"
        return ind.status == "ubah"

    # --- writing -----------------------------------------------------------------------------
    def terapkan(self, alasan: str) -> dict[str, int]:
        """Write the differences found by ``bandingkan`` (call it first) in the session."""
        assert self.opd is not None
        jumlah: dict[str, int] = defaultdict(int)
        awal, akhir = self.rencana.tahun_awal, self.rencana.tahun_akhir
        if self.renstra is None:
            self.renstra = Renstra(
                opd_id=self.opd.id,
                tahun_awal=awal,
                tahun_akhir=akhir,
                nama=f"Renstra {self.opd.nama} {awal}-{akhir}",
            )
            self.sesi.add(self.renstra)
            jumlah["renstra"] += 1
            self.sesi.flush()
        ada = set(
            self.sesi.scalars(select(TahunKinerja.tahun).where(TahunKinerja.opd_id == self.opd.id))
        )
        for tahun in self.renstra.tahun:
            if tahun not in ada:
                self.sesi.add(
                    TahunKinerja(opd_id=self.opd.id, renstra_id=self.renstra.id, tahun=tahun)
                )
        self.kode_ind = {i.kode for n in self.node_db for i in n.indikator}
        urutan_anak: dict[uuid.UUID | None, int] = defaultdict(lambda: -1)
        for d in self.node_db:
            urutan_anak[d.parent_id] = max(urutan_anak[d.parent_id], d.urutan)
        for n in self.rencana.semua_node():
            db = self.pasangan.get(id(n))
            induk = self.pasangan.get(id(n.induk)) if n.induk is not None else None
            if db is None:
                pid = induk.id if induk else None
                urutan_anak[pid] += 1
                db = NodeKinerja(
                    renstra_id=self.renstra.id,
                    parent=induk,
                    jenis=n.jenis,
                    urutan=urutan_anak[pid],
                    kode=n.kode,
                    uraian=n.uraian,
                )
                self.sesi.add(db)
                self.pasangan[id(n)] = db
                jumlah[n.jenis.value] += 1
            self._tulis_node(n, db, induk, urutan_anak, jumlah)
            for i, ind in enumerate(n.indikator):
                self._tulis_indikator(db, ind, i, alasan, jumlah)
            for tahun, pagu in sorted(n.pagu.items()):
                lama = self.pagu_db.get((db.id, tahun))
                if lama is None:
                    self.sesi.add(Anggaran(node=db, tahun=tahun, dokumen=n.dokumen_pagu, pagu=pagu))
                    jumlah["pagu"] += 1
                elif lama.pagu != pagu:
                    lama.pagu = pagu
                    jumlah["pagu"] += 1
        self.sesi.flush()
        return dict(jumlah)

    def _tulis_node(
        self,
        n: NodeImpor,
        db: NodeKinerja,
        induk: NodeKinerja | None,
        urutan_anak: dict[uuid.UUID | None, int],
        jumlah: dict[str, int],
    ) -> None:
        berubah = False
        if n.kode and kunci_teks(n.uraian) != kunci_teks(db.uraian):
            db.uraian = n.uraian
            berubah = True
        if n.induk is not None and induk is not None and db.parent_id not in (None, induk.id):
            urutan_anak[induk.id] += 1
            db.parent = induk
            db.urutan = urutan_anak[induk.id]
            berubah = True
        ket = db.keterangan
        if n.penanggung_jawab and n.penanggung_jawab != penanggung_jawab(db):
            ket = tulis_keterangan(ket, LABEL_PJ, n.penanggung_jawab)
        if n.lokasi and n.lokasi != baca_keterangan(ket, LABEL_LOKASI):
            ket = tulis_keterangan(ket, LABEL_LOKASI, n.lokasi)
        if ket != db.keterangan:
            db.keterangan = ket
            berubah = True
        if berubah and db.id in {d.id for d in self.node_db}:
            jumlah["node_diubah"] += 1

    def _kode_baru(self, jenis: JenisNode) -> str:
        awalan = AWALAN_KODE.get(jenis, "IK")
        pola = re.compile(rf"{re.escape(awalan)}\.(\d+)")
        n = max((int(m[1]) for k in self.kode_ind if (m := pola.fullmatch(k))), default=0) + 1
        kode = f"{awalan}.{n:02d}"
        self.kode_ind.add(kode)
        return kode

    def _tulis_indikator(
        self,
        node: NodeKinerja,
        ind: IndikatorImpor,
        urutan: int,
        alasan: str,
        jumlah: dict[str, int],
    ) -> None:
        db = self.pasangan_ind.get(id(ind))
        if db is None:
            kode = ind.kode if ind.kode and ind.kode not in self.kode_ind else None
            if kode:
                self.kode_ind.add(kode)
            jenis = ind.jenis or (
                JenisIndikator.JUMLAH
                if ind.satuan and ind.satuan not in ("%", "Rp")
                else JenisIndikator.NILAI
            )
            db = Indikator(
                node=node,
                kode=kode or self._kode_baru(node.jenis),
                urutan=len(node.indikator) if node.id in {d.id for d in self.node_db} else urutan,
                nama=ind.nama,
                satuan=ind.satuan or "",
                jenis=jenis,
                agregasi=ind.agregasi
                or (Agregasi.AKUMULASI if jenis is JenisIndikator.JUMLAH else Agregasi.NILAI_AKHIR),
                baseline=ind.baseline,
                baseline_tahun=ind.baseline_tahun if ind.baseline is not None else None,
            )
            if ind.polaritas is not None:
                db.polaritas = ind.polaritas
            self.sesi.add(db)
            self.pasangan_ind[id(ind)] = db
            jumlah["indikator"] += 1
        else:
            berubah = False
            for nama, baru in (
                ("nama", ind.nama if kunci_teks(ind.nama) != kunci_teks(db.nama) else None),
                ("satuan", ind.satuan),
                ("baseline", ind.baseline),
                ("jenis", ind.jenis),
                ("polaritas", ind.polaritas),
                ("agregasi", ind.agregasi),
            ):
                if baru is not None and getattr(db, nama) != baru:
                    setattr(db, nama, baru)
                    berubah = True
            if ind.baseline is not None and ind.baseline_tahun != db.baseline_tahun:
                db.baseline_tahun = ind.baseline_tahun
            if berubah:
                jumlah["indikator_diubah"] += 1
        assert self.opd is not None
        for (dok, tahun), nilai in sorted(ind.target.items()):
            lama = self.target_db.get((db.id, dok, tahun))
            if nilai.kosong or _sama(nilai, lama):
                continue
            if lama is not None:
                wajib_target_terbuka(self.sesi, self.opd.id, tahun)
            self.sesi.add(
                Target(
                    indikator=db,
                    tahun=tahun,
                    triwulan=0,
                    dokumen=dok,
                    perubahan_ke=lama.perubahan_ke + 1 if lama else 0,
                    nilai=nilai.nilai,
                    nilai_maks=nilai.nilai_maks,
                    nilai_teks=nilai.teks,
                    alasan=alasan if lama else None,
                )
            )
            jumlah["target"] += 1


__all__ = ["Perubahan", "Sinkron", "baca_keterangan", "penanggung_jawab"]
