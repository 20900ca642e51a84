"""Permissions, enforced in the services (the window only mirrors them).

Roles (issue "Users, roles, audit"): Administrator and Perencana change everything;
Kepala Dinas reads all, signs PKs and verifies quarters; a Kabid changes the targets,
realizations and PK rows of the bidang and its seksi and verifies its quarters; Kasi and
Staf enter realizations of their own seksi; Pembaca only reads. The scope is the unit
of the user's position and every unit below it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import AksesDitolak
from ..model import Indikator, Jabatan, NodeKinerja, UnitKerja
from .pelaku import Pelaku

PERAN_PENUH = {Peran.ADMINISTRATOR, Peran.PERENCANA}
LABEL_PERAN = {
    Peran.ADMINISTRATOR: "Administrator",
    Peran.PERENCANA: "Perencana",
    Peran.KEPALA_DINAS: "Kepala Dinas",
    Peran.KABID: "Kepala Bidang",
    Peran.KASI: "Kepala Seksi",
    Peran.STAF: "Staf",
    Peran.PEMBACA: "Pembaca",
}


def unit_cakupan(sesi: Session, pelaku: Pelaku) -> set[uuid.UUID] | None:
    """Units the user may change (None = all): their position's unit and its subtree."""
    if pelaku.peran in PERAN_PENUH:
        return None
    if pelaku.jabatan_id is None:
        return set()
    jabatan = sesi.get(Jabatan, pelaku.jabatan_id)
    if jabatan is None or jabatan.unit_id is None:
        return set()
    semua = sesi.execute(select(UnitKerja.id, UnitKerja.parent_id)).all()
    anak: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for uid, pid in semua:
        anak.setdefault(pid, []).append(uid)
    hasil: set[uuid.UUID] = set()
    antrean = [jabatan.unit_id]
    while antrean:
        u = antrean.pop()
        if u not in hasil:
            hasil.add(u)
            antrean.extend(anak.get(u, []))
    return hasil


def unit_node(sesi: Session, node: NodeKinerja) -> uuid.UUID | None:
    """The unit answering for a node: its owner's unit, else the nearest ancestor's."""
    n: NodeKinerja | None = node
    while n is not None:
        if n.pemilik_id is not None:
            jabatan = sesi.get(Jabatan, n.pemilik_id)
            if jabatan is not None and jabatan.unit_id is not None:
                return jabatan.unit_id
        n = n.parent
    return None


def _nama_unit(sesi: Session, unit_id: uuid.UUID | None) -> str:
    unit = sesi.get(UnitKerja, unit_id) if unit_id else None
    return unit.nama if unit else "unit lain"


def _tolak(pelaku: Pelaku, apa: str) -> AksesDitolak:
    return AksesDitolak(
        f"Akses ditolak: {pelaku.label} ({LABEL_PERAN[pelaku.peran]}) tidak berwenang {apa}."
    )


def _dalam_cakupan(sesi: Session, pelaku: Pelaku, node: NodeKinerja) -> bool:
    cakupan = unit_cakupan(sesi, pelaku)
    if cakupan is None:
        return True
    unit = unit_node(sesi, node)
    return unit is not None and unit in cakupan


def wajib_ubah_rencana(sesi: Session, pelaku: Pelaku, node: NodeKinerja | None) -> None:
    """Targets, indicators and the tree below a node: Perencana/Admin, or a Kabid in scope.

    ``node`` None means the top of the plan, which only Perencana/Admin may change.
    """
    if pelaku.peran in PERAN_PENUH:
        return
    if pelaku.peran is Peran.KABID and node is not None and _dalam_cakupan(sesi, pelaku, node):
        return
    if node is None:
        raise _tolak(pelaku, "mengubah tingkat teratas rencana")
    pemilik = _nama_unit(sesi, unit_node(sesi, node))
    raise _tolak(pelaku, f"mengubah rencana milik {pemilik} ({node.uraian[:60]})")


def wajib_isi_realisasi(sesi: Session, pelaku: Pelaku, indikator: Indikator) -> None:
    """Realizations and evidence: Perencana/Admin, or Kabid/Kasi/Staf in scope."""
    if pelaku.peran in PERAN_PENUH:
        return
    if pelaku.peran in {Peran.KABID, Peran.KASI, Peran.STAF} and _dalam_cakupan(
        sesi, pelaku, indikator.node
    ):
        return
    pemilik = _nama_unit(sesi, unit_node(sesi, indikator.node))
    raise _tolak(pelaku, f"mengisi realisasi {indikator.kode} milik {pemilik}")


def wajib_verifikasi(sesi: Session, pelaku: Pelaku, indikator: Indikator) -> None:
    """Verify or reopen a quarter: Admin, Kepala Dinas, or the Kabid in scope."""
    if pelaku.peran in {Peran.ADMINISTRATOR, Peran.KEPALA_DINAS}:
        return
    if pelaku.peran is Peran.KABID and _dalam_cakupan(sesi, pelaku, indikator.node):
        return
    raise _tolak(pelaku, f"memverifikasi realisasi {indikator.kode}")


def wajib_peran(pelaku: Pelaku, peran: set[Peran], apa: str) -> None:
    if pelaku.peran not in peran:
        raise _tolak(pelaku, apa)
