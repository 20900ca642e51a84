"""Permissions, enforced in the services (the window only mirrors them).

Roles (issue "Users, roles, audit"): Administrator and Perencana change everything;
Kepala Dinas reads all, signs PKs and verifies quarters; a Kabid changes the targets,
realizations and PK rows of the bidang and its seksi and verifies its quarters; Kasi and
Staf enter realizations of their own seksi; Pembaca only reads. The scope is the unit
of the user's position and every unit below it.

Period locks: Administrator, Perencana and Kepala Dinas close a quarter or lock a year's
targets; only Administrator and Kepala Dinas reopen them (with a reason). User accounts,
settings and restoring a backup are the Administrator's alone. `hak_akses` sums up what a
role may do, for the window to hide actions and make fields read-only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Peran
from ..errors import AksesDitolak, InputTidakSah
from ..model import Indikator, Jabatan, NodeKinerja, UnitKerja
from .pelaku import Pelaku

PERAN_PENUH = {Peran.ADMINISTRATOR, Peran.PERENCANA}
PERAN_TUTUP_PERIODE = {Peran.ADMINISTRATOR, Peran.PERENCANA, Peran.KEPALA_DINAS}
PERAN_BUKA_PERIODE = {Peran.ADMINISTRATOR, Peran.KEPALA_DINAS}
PERAN_ISI_REALISASI = PERAN_PENUH | {Peran.KABID, Peran.KASI, Peran.STAF}
PERAN_BERJABATAN = {Peran.KABID, Peran.KASI, Peran.STAF}
"""Roles whose scope comes from their position: an account without one could do nothing."""
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


def wajib_kelola_pengguna(pelaku: Pelaku) -> None:
    """User accounts (add, change, reset a password, list): Administrator only."""
    wajib_peran(pelaku, {Peran.ADMINISTRATOR}, "mengelola akun pengguna")


def wajib_ubah_pengaturan(pelaku: Pelaku) -> None:
    """Program settings (idle lock, backups): Administrator only."""
    wajib_peran(pelaku, {Peran.ADMINISTRATOR}, "mengubah pengaturan")


def wajib_pulihkan_cadangan(pelaku: Pelaku) -> None:
    """Replacing the whole database with a backup: Administrator only."""
    wajib_peran(pelaku, {Peran.ADMINISTRATOR}, "memulihkan basis data dari cadangan")


def wajib_tutup_periode(pelaku: Pelaku, apa: str) -> None:
    """Close a quarter or lock a year's targets: Administrator, Perencana, Kepala Dinas."""
    wajib_peran(pelaku, PERAN_TUTUP_PERIODE, apa)


def wajib_buka_periode(pelaku: Pelaku, apa: str) -> None:
    """Reopen a closed quarter or a locked year: Administrator or Kepala Dinas."""
    wajib_peran(pelaku, PERAN_BUKA_PERIODE, apa)


def _unit_jabatan(sesi: Session, jabatan_id: uuid.UUID) -> uuid.UUID | None:
    jabatan = sesi.get(Jabatan, jabatan_id)
    return jabatan.unit_id if jabatan is not None else None


def wajib_ubah_pk(sesi: Session, pelaku: Pelaku, jabatan_id: uuid.UUID) -> None:
    """Draft PK rows of a position: Perencana/Admin, or the Kabid whose scope holds it."""
    if pelaku.peran in PERAN_PENUH:
        return
    unit = _unit_jabatan(sesi, jabatan_id)
    cakupan = unit_cakupan(sesi, pelaku)
    if pelaku.peran is Peran.KABID and cakupan is not None and unit in cakupan:
        return
    raise _tolak(pelaku, f"mengubah Perjanjian Kinerja {_nama_unit(sesi, unit)}")


def wajib_tandatangani_pk(pelaku: Pelaku) -> None:
    """Sign off a PK (it then locks its rows): Kepala Dinas or Administrator."""
    wajib_peran(
        pelaku, {Peran.ADMINISTRATOR, Peran.KEPALA_DINAS}, "menandatangani Perjanjian Kinerja"
    )


def diizinkan(cek: Callable[..., None], *args: object) -> bool:
    """True when ``cek(*args)`` does not refuse (for the window: enable or hide an action)."""
    try:
        cek(*args)
    except AksesDitolak:
        return False
    return True


@dataclass(frozen=True)
class HakAkses:
    """What a role may do at all; record-level scope still comes from the wajib_* checks."""

    kelola_pengguna: bool
    ubah_pengaturan: bool
    ubah_rencana: bool
    """Targets, indicators, the tree (a Kabid: only within the bidang)."""
    ubah_rencana_semua: bool
    isi_realisasi: bool
    verifikasi: bool
    tandatangani_pk: bool
    tutup_periode: bool
    buka_periode: bool
    pulihkan_cadangan: bool

    @property
    def hanya_baca(self) -> bool:
        return not (self.ubah_rencana or self.isi_realisasi or self.verifikasi)


def hak_akses(pelaku: Pelaku) -> HakAkses:
    p = pelaku.peran
    return HakAkses(
        kelola_pengguna=p is Peran.ADMINISTRATOR,
        ubah_pengaturan=p is Peran.ADMINISTRATOR,
        ubah_rencana=p in PERAN_PENUH or p is Peran.KABID,
        ubah_rencana_semua=p in PERAN_PENUH,
        isi_realisasi=p in PERAN_ISI_REALISASI,
        verifikasi=p in {Peran.ADMINISTRATOR, Peran.KEPALA_DINAS, Peran.KABID},
        tandatangani_pk=p in {Peran.ADMINISTRATOR, Peran.KEPALA_DINAS},
        tutup_periode=p in PERAN_TUTUP_PERIODE,
        buka_periode=p in PERAN_BUKA_PERIODE,
        pulihkan_cadangan=p is Peran.ADMINISTRATOR,
    )


def peran_dari_teks(teks: str) -> Peran:
    """A role from what a user types: "kabid", "Kepala Bidang", "kepala-dinas"…"""
    kunci = teks.strip().casefold().replace("-", "_").replace(" ", "_")
    for peran in Peran:
        if kunci in {peran.value, LABEL_PERAN[peran].casefold().replace(" ", "_")}:
            return peran
    pilihan = ", ".join(p.value for p in Peran)
    raise InputTidakSah(
        f"Peran {teks!r} tidak dikenal. Pilih salah satu: {pilihan}.", field="peran"
    )
