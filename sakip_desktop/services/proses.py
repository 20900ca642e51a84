"""Proses bisnis: the management, core and support processes as one editable outline.

Lines of the core process (`JenisProses.INTI`) map to nodes of the performance tree of
level 1–4 (tujuan, sasaran, program, kegiatan). The process map (`peta_proses`) is built
from that mapping and the tree itself — statement, indicators, owner come from the node —
so nothing is typed twice and a renamed sasaran shows up in the map at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import JenisProses
from ..errors import InputTidakSah, KonflikVersi, TidakDitemukan
from ..model import NodeKinerja, Opd, ProsesBisnis
from ..storage import Database
from .diagram_pohon import (
    IndikatorKotak,
    SimpulDiagram,
    SumberDiagram,
    TataLetakPohon,
    susun_tata_letak,
)
from .konteks import pilih_opd
from .otorisasi import wajib_ubah_rencana
from .pelaku import Pelaku

LABEL_JENIS_PROSES = {
    JenisProses.MANAJEMEN: "Proses Bisnis Manajemen",
    JenisProses.INTI: "Proses Bisnis Inti",
    JenisProses.PENDUKUNG: "Proses Bisnis Pendukung",
}
LEVEL_NODE_INTI = range(1, 5)
"""Levels of the tree a core process line may map to (tujuan … kegiatan)."""


@dataclass(frozen=True)
class DataProses:
    """What a user types for one line of the outline."""

    uraian: str
    keterangan: str | None = None
    node_id: uuid.UUID | None = None


@dataclass
class SimpulProses:
    """One line of the outline with its children (plain Python, detached)."""

    id: uuid.UUID
    versi: int
    jenis: JenisProses
    kedalaman: int
    uraian: str
    keterangan: str | None
    node_id: uuid.UUID | None
    node_kode: str | None
    node_uraian: str | None
    node_level: int | None
    anak: list[SimpulProses] = field(default_factory=list)


@dataclass(frozen=True)
class BarisPeta:
    """A line of the process map: the process and what the tree says about its node."""

    proses_id: uuid.UUID
    kedalaman: int
    uraian: str
    keterangan: str | None
    node_id: uuid.UUID | None
    level: int | None
    jenis_node: str | None
    kode: str | None
    pernyataan: str | None
    """The node's statement, read from the tree (None when unmapped)."""
    indikator: tuple[str, ...]
    pemilik: str | None


def telusuri(akar: list[SimpulProses]) -> Iterator[SimpulProses]:
    """Pre-order walk of an outline."""
    for s in akar:
        yield s
        yield from telusuri(s.anak)


def _teks(nilai: str | None) -> str | None:
    if nilai is None:
        return None
    bersih = nilai.strip()
    return bersih or None


def _muat(sesi: Session, opd_id: uuid.UUID) -> list[ProsesBisnis]:
    return list(
        sesi.scalars(
            select(ProsesBisnis)
            .where(ProsesBisnis.opd_id == opd_id)
            .options(selectinload(ProsesBisnis.node).selectinload(NodeKinerja.indikator))
            .order_by(ProsesBisnis.urutan)
        )
    )


def outline_proses(sesi: Session, opd_id: uuid.UUID) -> dict[JenisProses, list[SimpulProses]]:
    """The three outlines of an agency, each as a tree in its order."""
    semua = _muat(sesi, opd_id)
    anak: dict[uuid.UUID | None, list[ProsesBisnis]] = {}
    for p in semua:
        anak.setdefault(p.parent_id, []).append(p)

    def bangun(p: ProsesBisnis, d: int) -> SimpulProses:
        n = p.node
        s = SimpulProses(
            id=p.id,
            versi=p.versi,
            jenis=p.jenis,
            kedalaman=d,
            uraian=p.uraian,
            keterangan=p.keterangan,
            node_id=p.node_id,
            node_kode=n.kode if n else None,
            node_uraian=n.uraian if n else None,
            node_level=n.level if n else None,
        )
        s.anak = [bangun(a, d + 1) for a in anak.get(p.id, [])]
        return s

    hasil: dict[JenisProses, list[SimpulProses]] = {j: [] for j in JenisProses}
    for p in anak.get(None, []):
        hasil[p.jenis].append(bangun(p, 0))
    return hasil


def peta_proses(sesi: Session, opd_id: uuid.UUID) -> list[BarisPeta]:
    """The core process map, in outline order, with each line's node read from the tree."""
    outline = outline_proses(sesi, opd_id)[JenisProses.INTI]
    nodes = {
        n.id: n
        for n in sesi.scalars(
            select(NodeKinerja)
            .where(NodeKinerja.id.in_([s.node_id for s in telusuri(outline) if s.node_id]))
            .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
        )
    }
    baris = []
    for s in telusuri(outline):
        n = nodes.get(s.node_id) if s.node_id else None
        baris.append(
            BarisPeta(
                proses_id=s.id,
                kedalaman=s.kedalaman,
                uraian=s.uraian,
                keterangan=s.keterangan,
                node_id=s.node_id,
                level=n.level if n else None,
                jenis_node=n.jenis.label if n else None,
                kode=n.kode if n else None,
                pernyataan=n.uraian if n else None,
                indikator=tuple(f"{i.kode} {i.nama}" for i in n.indikator) if n else (),
                pemilik=n.pemilik.nama if n and n.pemilik else None,
            )
        )
    return baris


def sumber_peta_proses(sesi: Session, opd: Opd) -> SumberDiagram:
    """The core process as a diagram (drawn by the pohon kinerja's renderers): each line a
    box with its mapped node's level, code, statement, indicators and owner from the tree."""
    outline = outline_proses(sesi, opd.id)[JenisProses.INTI]
    nodes = {
        n.id: n
        for n in sesi.scalars(
            select(NodeKinerja)
            .where(NodeKinerja.id.in_([s.node_id for s in telusuri(outline) if s.node_id]))
            .options(selectinload(NodeKinerja.indikator), selectinload(NodeKinerja.pemilik))
        )
    }

    def bangun(s: SimpulProses) -> SimpulDiagram:
        n = nodes.get(s.node_id) if s.node_id else None
        if n is None:
            label, ket = "Proses inti · tanpa node pohon", None
        else:
            kode = f" {n.kode}" if n.kode else ""
            label = f"Level {n.level} · {n.jenis.label}{kode}"
            ket = f"Node: {n.uraian}"
        return SimpulDiagram(
            id=str(s.id),
            peringkat=0,
            label_jenis=label,
            pernyataan=s.uraian,
            indikator=[IndikatorKotak(i.kode, i.nama, None) for i in n.indikator] if n else [],
            pemilik=n.pemilik.nama if n and n.pemilik else None,
            anak=[bangun(a) for a in s.anak],
            keterangan=ket,
        )

    return SumberDiagram(
        akar=[bangun(s) for s in outline],
        tautan=[],
        judul=f"Peta Proses Bisnis Inti — {opd.nama}",
        subjudul="Setiap proses dipetakan ke node pohon kinerja level 1–4; node, indikator "
        "dan pemiliknya dibaca dari pohon kinerja.",
        bands=(),
    )


def proses_untuk_node(sesi: Session, node_id: uuid.UUID) -> list[ProsesBisnis]:
    """The core process lines mapped to a node (the tree page shows them)."""
    return list(
        sesi.scalars(
            select(ProsesBisnis)
            .where(ProsesBisnis.node_id == node_id)
            .order_by(ProsesBisnis.urutan)
        )
    )


def _periksa_node(sesi: Session, jenis: JenisProses, node_id: uuid.UUID | None) -> None:
    if node_id is None:
        return
    if jenis is not JenisProses.INTI:
        raise InputTidakSah(
            "Hanya proses bisnis inti yang dipetakan ke node pohon kinerja.", field="node"
        )
    node = sesi.get(NodeKinerja, node_id)
    if node is None:
        raise TidakDitemukan("Node pohon kinerja yang dipilih tidak ada lagi.")
    if node.level not in LEVEL_NODE_INTI:
        raise InputTidakSah(
            f"Proses bisnis inti dipetakan ke node level 1–4 (tujuan sampai kegiatan); "
            f"“{node.uraian[:60]}” adalah {node.jenis.label} (level "
            f"{'—' if node.level is None else node.level}).",
            field="node",
        )


def _ambil(sesi: Session, proses_id: uuid.UUID) -> ProsesBisnis:
    p = sesi.get(ProsesBisnis, proses_id)
    if p is None:
        raise TidakDitemukan("Baris proses bisnis itu tidak ada lagi (mungkin sudah dihapus).")
    return p


def _saudara(sesi: Session, p: ProsesBisnis) -> list[ProsesBisnis]:
    syarat = (
        ProsesBisnis.parent_id == p.parent_id
        if p.parent_id is not None
        else (ProsesBisnis.parent_id.is_(None) & (ProsesBisnis.jenis == p.jenis))
    )
    return list(
        sesi.scalars(
            select(ProsesBisnis)
            .where(ProsesBisnis.opd_id == p.opd_id, syarat)
            .order_by(ProsesBisnis.urutan)
        )
    )


def _nomori(baris: list[ProsesBisnis]) -> None:
    for i, x in enumerate(baris):
        if x.urutan != i:
            x.urutan = i


class LayananProses:
    """Edit and read the process outlines; writes are Perencana/Administrator work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def outline(self, *, opd: str | None = None) -> dict[JenisProses, list[SimpulProses]]:
        with self.db.baca() as sesi:
            return outline_proses(sesi, pilih_opd(sesi, opd).id)

    def peta(self, *, opd: str | None = None) -> list[BarisPeta]:
        with self.db.baca() as sesi:
            return peta_proses(sesi, pilih_opd(sesi, opd).id)

    def tata_letak_peta(self, *, opd: str | None = None, kertas: str = "A3") -> TataLetakPohon:
        """The core process map laid out like the pohon kinerja (same PDF/PNG/Qt renderers)."""
        with self.db.baca() as sesi:
            sumber = sumber_peta_proses(sesi, pilih_opd(sesi, opd))
        return susun_tata_letak(sumber, kertas=kertas)

    def untuk_node(self, node_id: uuid.UUID) -> list[str]:
        """Descriptions of the core process lines that map to a node."""
        with self.db.baca() as sesi:
            return [p.uraian for p in proses_untuk_node(sesi, node_id)]

    def tambah(
        self,
        pelaku: Pelaku,
        jenis: JenisProses,
        data: DataProses,
        *,
        parent_id: uuid.UUID | None = None,
        opd: str | None = None,
    ) -> uuid.UUID:
        """Add a line at the end of its parent's (or the outline's) children."""
        with self.db.transaksi(pelaku, alasan="Tambah proses bisnis") as sesi:
            wajib_ubah_rencana(sesi, pelaku, None)
            o = pilih_opd(sesi, opd)
            if parent_id is not None:
                induk = _ambil(sesi, parent_id)
                if induk.jenis is not jenis:
                    raise InputTidakSah(
                        f"Baris {jenis.value} tidak dapat berada di bawah proses "
                        f"{induk.jenis.value}.",
                        field="jenis",
                    )
            if not _teks(data.uraian):
                raise InputTidakSah("Uraian proses bisnis wajib diisi.", field="uraian")
            _periksa_node(sesi, jenis, data.node_id)
            syarat = (
                ProsesBisnis.parent_id == parent_id
                if parent_id is not None
                else ProsesBisnis.parent_id.is_(None) & (ProsesBisnis.jenis == jenis)
            )
            akhir = sesi.scalar(
                select(func.max(ProsesBisnis.urutan)).where(ProsesBisnis.opd_id == o.id, syarat)
            )
            p = ProsesBisnis(
                opd_id=o.id,
                parent_id=parent_id,
                jenis=jenis,
                urutan=(akhir + 1) if akhir is not None else 0,
                uraian=_teks(data.uraian) or "",
                keterangan=_teks(data.keterangan),
                node_id=data.node_id,
            )
            sesi.add(p)
            return p.id

    def ubah(
        self, pelaku: Pelaku, proses_id: uuid.UUID, data: DataProses, *, versi: int | None = None
    ) -> None:
        with self.db.transaksi(pelaku, alasan="Ubah proses bisnis") as sesi:
            wajib_ubah_rencana(sesi, pelaku, None)
            p = _ambil(sesi, proses_id)
            if versi is not None and versi != p.versi:
                oleh = p.diubah_oleh or "pengguna lain"
                raise KonflikVersi(
                    f"Proses “{p.uraian[:60]}” sudah diubah oleh {oleh}. "
                    "Muat ulang lalu ulangi perubahan Anda."
                )
            if not _teks(data.uraian):
                raise InputTidakSah("Uraian proses bisnis wajib diisi.", field="uraian")
            _periksa_node(sesi, p.jenis, data.node_id)
            p.uraian = _teks(data.uraian) or ""
            p.keterangan = _teks(data.keterangan)
            p.node_id = data.node_id

    def hapus(self, pelaku: Pelaku, proses_id: uuid.UUID) -> int:
        """Delete a line and everything under it; returns how many lines went."""
        with self.db.transaksi(pelaku, alasan="Hapus proses bisnis") as sesi:
            wajib_ubah_rencana(sesi, pelaku, None)
            p = _ambil(sesi, proses_id)
            semua = _muat(sesi, p.opd_id)
            anak: dict[uuid.UUID | None, list[ProsesBisnis]] = {}
            for x in semua:
                anak.setdefault(x.parent_id, []).append(x)
            urut: list[ProsesBisnis] = []

            def kumpul(x: ProsesBisnis) -> None:
                for a in anak.get(x.id, []):
                    kumpul(a)
                urut.append(x)

            kumpul(p)
            saudara = [s for s in _saudara(sesi, p) if s.id != p.id]
            for x in urut:  # children first: the audit trail records each line
                sesi.delete(x)
                sesi.flush()
            _nomori(saudara)
            return len(urut)

    def pindah(self, pelaku: Pelaku, proses_id: uuid.UUID, arah: int) -> None:
        """Move a line one place up (−1) or down (+1) among its siblings."""
        with self.db.transaksi(pelaku, alasan="Urutkan proses bisnis") as sesi:
            wajib_ubah_rencana(sesi, pelaku, None)
            p = _ambil(sesi, proses_id)
            saudara = _saudara(sesi, p)
            i = saudara.index(p)
            j = i + (1 if arah > 0 else -1)
            if 0 <= j < len(saudara):
                saudara[i], saudara[j] = saudara[j], saudara[i]
            _nomori(saudara)

    def pindah_ke(
        self,
        pelaku: Pelaku,
        proses_id: uuid.UUID,
        parent_id: uuid.UUID | None,
        posisi: int | None = None,
    ) -> None:
        """Move a line (with its children) under another parent of the same kind, at
        ``posisi`` among the new siblings (default: last)."""
        with self.db.transaksi(pelaku, alasan="Pindahkan proses bisnis") as sesi:
            wajib_ubah_rencana(sesi, pelaku, None)
            p = _ambil(sesi, proses_id)
            if parent_id is not None:
                induk = _ambil(sesi, parent_id)
                if induk.jenis is not p.jenis:
                    raise InputTidakSah(
                        "Baris hanya dapat dipindah di dalam jenis proses yang sama.",
                        field="parent",
                    )
                x: ProsesBisnis | None = induk
                while x is not None:
                    if x.id == p.id:
                        raise InputTidakSah(
                            "Baris tidak dapat dipindah ke bawah dirinya sendiri.", field="parent"
                        )
                    x = sesi.get(ProsesBisnis, x.parent_id) if x.parent_id else None
            lama = [s for s in _saudara(sesi, p) if s.id != p.id]
            p.parent_id = parent_id
            sesi.flush()
            baru = [s for s in _saudara(sesi, p) if s.id != p.id]
            tempat = len(baru) if posisi is None else max(0, min(posisi, len(baru)))
            baru.insert(tempat, p)
            _nomori(lama)
            _nomori(baru)
