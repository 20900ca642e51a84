"""Editing the performance tree: add, change, move and delete nodes, and undo a delete.

Deleting a node takes its whole subtree with it — indicators, targets, realizations,
budgets, links — so `dampak_hapus` first says exactly what goes, and `hapus_node`
returns a snapshot from which `pulihkan` puts every row back with the same identity.
References from elsewhere that the database would only blank (a risk's node, a PK row's
node) are blanked by the service and restored on undo.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..domain import JenisNode
from ..errors import InputTidakSah, KonflikVersi, TidakDitemukan
from ..model import Base, NodeKinerja, Renstra
from .otorisasi import wajib_ubah_rencana
from .pelaku import Pelaku

KODE_POLA_PERMENDAGRI = r"^\d+(\.\d{2})(\.\d{2})?(\.\d)?(\.\d{2})?(\.\d{2}|\.\d{4})?$"

LABEL_TABEL = {
    "node_kinerja": "node pohon kinerja",
    "indikator": "indikator",
    "target": "target",
    "realisasi": "realisasi",
    "berkas_bukti": "berkas bukti",
    "tindak_lanjut": "tindak lanjut",
    "anggaran": "pagu anggaran",
    "revisi_anggaran": "revisi anggaran",
    "realisasi_anggaran": "realisasi anggaran",
    "tautan_cascading": "tautan cascading",
    "rencana_aksi": "rencana aksi",
    "baris_pk": "baris Perjanjian Kinerja",
    "risiko": "risiko",
    "proses_bisnis": "proses bisnis",
    "sop": "SOP",
}


def _kelas_tabel() -> dict[Table, Any]:
    return {m.local_table: m.class_ for m in Base.registry.mappers}  # type: ignore[misc]


def ambil_node(sesi: Session, node_id: uuid.UUID) -> NodeKinerja:
    node = sesi.get(NodeKinerja, node_id)
    if node is None:
        raise TidakDitemukan("Node tidak ditemukan; mungkin sudah dihapus pengguna lain.")
    return node


def _periksa_versi(node: NodeKinerja, versi: int | None) -> None:
    if versi is not None and node.versi != versi:
        waktu = node.diubah_pada.strftime("%d-%m-%Y %H:%M") if node.diubah_pada else "?"
        raise KonflikVersi(
            f"Node ini sudah diubah oleh {node.diubah_oleh or 'pengguna lain'} pada {waktu}. "
            "Muat ulang (F5) lalu ulangi perubahan Anda."
        )


def _periksa_kode(kode: str | None, jenis: JenisNode) -> str | None:
    import re

    if kode is None or not kode.strip():
        return None
    kode = kode.strip()
    if jenis in (JenisNode.PROGRAM, JenisNode.KEGIATAN, JenisNode.SUB_KEGIATAN) and not re.match(
        KODE_POLA_PERMENDAGRI, kode
    ):
        raise InputTidakSah(
            f"Kode {kode!r} tidak mengikuti pola Permendagri 90/2019 "
            "(mis. 2.07.03, 2.07.03.2.01, 2.07.03.2.01.0001).",
            field="kode",
        )
    return kode


def tambah_node(
    sesi: Session,
    pelaku: Pelaku,
    renstra_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    jenis: JenisNode,
    uraian: str,
    *,
    kode: str | None = None,
    sasaran: str | None = None,
    pemilik_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add a child of the right kind at the end of its siblings; returns the new id."""
    renstra = sesi.get(Renstra, renstra_id)
    if renstra is None:
        raise TidakDitemukan("Renstra tidak ditemukan.")
    induk = ambil_node(sesi, parent_id) if parent_id else None
    wajib_ubah_rencana(sesi, pelaku, induk)
    if jenis.milik_rpjmd:
        raise InputTidakSah("Node RPJMD tidak ditambahkan dari pohon OPD.", field="jenis")
    if induk is not None and jenis not in induk.jenis.anak_yang_boleh():
        raise InputTidakSah(
            f"{jenis.label} tidak dapat ditambahkan di bawah {induk.jenis.label}.", field="jenis"
        )
    if not uraian or not uraian.strip():
        raise InputTidakSah("Uraian wajib diisi.", field="uraian")
    saudara = sesi.scalars(
        select(NodeKinerja.urutan).where(
            NodeKinerja.parent_id == parent_id if parent_id else NodeKinerja.parent_id.is_(None),
            NodeKinerja.renstra_id == renstra_id,
        )
    ).all()
    node = NodeKinerja(
        renstra_id=renstra_id,
        parent_id=parent_id,
        jenis=jenis,
        uraian=uraian.strip(),
        kode=_periksa_kode(kode, jenis),
        sasaran=(sasaran or "").strip() or None,
        pemilik_id=pemilik_id if pemilik_id else (induk.pemilik_id if induk else None),
        urutan=max(saudara, default=-1) + 1,
    )
    sesi.add(node)
    sesi.flush()
    return node.id


def ubah_node(
    sesi: Session,
    pelaku: Pelaku,
    node_id: uuid.UUID,
    *,
    versi: int | None = None,
    **nilai: Any,
) -> bool:
    """Change a node's fields (uraian, kode, sasaran, pemilik_id, keterangan).

    ``versi`` is the version the user loaded: a stale one is refused (no silent overwrite).
    """
    node = ambil_node(sesi, node_id)
    wajib_ubah_rencana(sesi, pelaku, node)
    _periksa_versi(node, versi)
    boleh = {"uraian", "kode", "sasaran", "pemilik_id", "keterangan"}
    asing = set(nilai) - boleh
    if asing:
        raise ValueError(f"Field tidak dapat diubah: {sorted(asing)}")
    if "uraian" in nilai and not (nilai["uraian"] or "").strip():
        raise InputTidakSah("Uraian wajib diisi.", field="uraian")
    if "kode" in nilai:
        nilai["kode"] = _periksa_kode(nilai["kode"], node.jenis)
    berubah = False
    for kunci, v in nilai.items():
        if isinstance(v, str):
            v = v.strip() or None
        if getattr(node, kunci) != v:
            setattr(node, kunci, v)
            berubah = True
    return berubah


def pindah_node(sesi: Session, pelaku: Pelaku, node_id: uuid.UUID, posisi_baru: int) -> bool:
    """Move a node to ``posisi_baru`` among its siblings (0 = first)."""
    node = ambil_node(sesi, node_id)
    wajib_ubah_rencana(sesi, pelaku, node.parent)
    sama_induk = (
        NodeKinerja.parent_id == node.parent_id
        if node.parent_id
        else NodeKinerja.parent_id.is_(None)
    )
    sama_rencana = (
        NodeKinerja.renstra_id == node.renstra_id
        if node.renstra_id
        else NodeKinerja.rpjmd_id == node.rpjmd_id
    )
    saudara = list(
        sesi.scalars(
            select(NodeKinerja)
            .where(sama_induk, sama_rencana)
            .order_by(NodeKinerja.urutan, NodeKinerja.uraian)
        ).all()
    )
    lama = saudara.index(node)
    posisi_baru = max(0, min(posisi_baru, len(saudara) - 1))
    if posisi_baru == lama:
        return False
    saudara.insert(posisi_baru, saudara.pop(lama))
    for i, s in enumerate(saudara):
        if s.urutan != i:
            s.urutan = i
    return True


@dataclass
class DampakHapus:
    """What deleting a node takes with it, counted per kind of record."""

    jumlah: dict[str, int] = field(default_factory=dict)
    dilepas: dict[str, int] = field(default_factory=dict)
    """Records elsewhere that only lose their link to the node (risks, SOP, PK rows…)."""

    def uraian(self) -> str:
        """One sentence listing what goes, for the confirmation dialog."""
        bagian = [
            f"{n} {LABEL_TABEL.get(t, t)}"
            for t, n in self.jumlah.items()
            if n and t != "node_kinerja"
        ]
        sub = self.jumlah.get("node_kinerja", 1) - 1
        awal = f"{sub} node turunan" if sub else "tanpa node turunan"
        teks = ", ".join([awal, *bagian])
        if self.dilepas:
            lepas = ", ".join(f"{n} {LABEL_TABEL.get(t, t)}" for t, n in self.dilepas.items())
            teks += f"; tautan dari {lepas} akan dilepas"
        return teks


@dataclass
class SnapshotHapus:
    """Every row removed by a delete (parents first), and the links blanked elsewhere."""

    baris: list[tuple[str, dict[str, Any]]]
    lepas: list[tuple[str, uuid.UUID, str, uuid.UUID]]
    dampak: DampakHapus


def _kumpulkan(sesi: Session, node_id: uuid.UUID) -> SnapshotHapus:
    """Walk the foreign keys from the subtree outward to find every affected row."""
    semua = dict(sesi.execute(select(NodeKinerja.id, NodeKinerja.parent_id)).all())
    anak: dict[uuid.UUID | None, list[uuid.UUID]] = defaultdict(list)
    for nid, pid in semua.items():
        anak[pid].append(nid)
    subtree: list[uuid.UUID] = []
    antrean = [node_id]
    while antrean:
        n = antrean.pop(0)
        subtree.append(n)
        antrean.extend(anak.get(n, []))
    kumpulan: dict[str, dict[uuid.UUID, dict[str, Any]]] = defaultdict(dict)
    tabel_node = Base.metadata.tables["node_kinerja"]
    for baris in sesi.execute(select(tabel_node).where(tabel_node.c.id.in_(subtree))).mappings():
        kumpulan["node_kinerja"][baris["id"]] = dict(baris)
    lepas: list[tuple[str, uuid.UUID, str, uuid.UUID]] = []
    berubah = True
    while berubah:
        berubah = False
        for tabel in Base.metadata.sorted_tables:
            for fk in tabel.foreign_keys:
                induk = fk.column.table.name
                if induk not in kumpulan or fk.parent.table is fk.column.table:
                    continue
                ids = list(kumpulan[induk])
                kolom = tabel.c[fk.parent.name]
                for baris in sesi.execute(select(tabel).where(kolom.in_(ids))).mappings():
                    if fk.ondelete == "SET NULL":
                        kunci = (tabel.name, baris["id"], fk.parent.name, baris[fk.parent.name])
                        if kunci not in lepas and baris["id"] not in kumpulan.get(tabel.name, {}):
                            lepas.append(kunci)
                    elif baris["id"] not in kumpulan[tabel.name]:
                        kumpulan[tabel.name][baris["id"]] = dict(baris)
                        berubah = True
    urutan_tabel = [t.name for t in Base.metadata.sorted_tables]
    baris_urut: list[tuple[str, dict[str, Any]]] = []
    for nama in urutan_tabel:
        if nama == "node_kinerja":
            for nid in subtree:  # breadth-first: parents before children
                baris_urut.append((nama, kumpulan[nama][nid]))
        else:
            baris_urut.extend((nama, b) for b in kumpulan.get(nama, {}).values())
    lepas = [x for x in lepas if x[1] not in kumpulan.get(x[0], {})]
    dampak = DampakHapus(
        jumlah={t: len(r) for t, r in kumpulan.items()},
        dilepas={t: sum(1 for x in lepas if x[0] == t) for t in {x[0] for x in lepas}},
    )
    return SnapshotHapus(baris_urut, lepas, dampak)


def dampak_hapus(sesi: Session, node_id: uuid.UUID) -> DampakHapus:
    ambil_node(sesi, node_id)
    return _kumpulkan(sesi, node_id).dampak


def hapus_node(
    sesi: Session, pelaku: Pelaku, node_id: uuid.UUID, *, versi: int | None = None
) -> SnapshotHapus:
    """Delete a node and everything that belongs to it, in one transaction."""
    node = ambil_node(sesi, node_id)
    wajib_ubah_rencana(sesi, pelaku, node)
    if node.rpjmd_id is not None:
        raise InputTidakSah("Node RPJMD milik pemerintah daerah tidak dihapus dari pohon OPD.")
    _periksa_versi(node, versi)
    snapshot = _kumpulkan(sesi, node_id)
    kelas = {t.name: k for t, k in _kelas_tabel().items()}
    for tabel, rid, kolom, _nilai in snapshot.lepas:
        obj = sesi.get(kelas[tabel], rid)
        if obj is not None:
            setattr(obj, kolom, None)
    sesi.flush()
    for tabel, baris in reversed(snapshot.baris):
        obj = sesi.get(kelas[tabel], baris["id"])
        if obj is not None:
            sesi.delete(obj)
            sesi.flush()
    return snapshot


def pulihkan(sesi: Session, pelaku: Pelaku, snapshot: SnapshotHapus) -> uuid.UUID:
    """Undo `hapus_node`: put every row back with its identity, then relink references."""
    kelas = {t.name: k for t, k in _kelas_tabel().items()}
    akar = snapshot.baris[0][1]
    induk = sesi.get(NodeKinerja, akar["parent_id"]) if akar["parent_id"] else None
    wajib_ubah_rencana(sesi, pelaku, induk)
    for tabel, baris in snapshot.baris:
        if sesi.get(kelas[tabel], baris["id"]) is not None:
            continue
        sesi.add(kelas[tabel](**{k: v for k, v in baris.items() if k != "versi"}))
        sesi.flush()
    for tabel, rid, kolom, nilai in snapshot.lepas:
        obj = sesi.get(kelas[tabel], rid)
        if obj is not None and getattr(obj, kolom) is None:
            setattr(obj, kolom, nilai)
    sesi.flush()
    return akar["id"]
