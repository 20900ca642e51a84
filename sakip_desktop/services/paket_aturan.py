"""What a paket carries and who may change it: the tables, the records of a bidang, the
role check for each record, the period locks, and a label a person recognises.

The role check uses the services' own rules (`otorisasi`): a realization may come from the
Kabid, Kasi or Staf of its seksi or be verified by the Kabid or Kepala Dinas; a target from
the Kabid of its bidang or the planning staff; PK rows from the Kabid of the position's
bidang, the planning staff, or — signing — the Kepala Dinas.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..domain import Eselon, Peran, StatusPK
from ..errors import AksesDitolak, DataTerkunci, TidakDitemukan
from ..model import (
    BarisPK,
    Base,
    BerkasBukti,
    Indikator,
    Jabatan,
    Pengguna,
    PerjanjianKinerja,
    Realisasi,
    Target,
    TindakLanjut,
    UnitKerja,
)
from . import kunci, otorisasi
from .pelaku import SISTEM, Pelaku

TABEL_PAKET = (
    "perjanjian_kinerja",
    "target",
    "realisasi",
    "berkas_bukti",
    "tindak_lanjut",
    "baris_pk",
)
"""Tables a paket carries, in the order their rows can be inserted (parents first)."""

MODEL: dict[str, type[Any]] = {
    "perjanjian_kinerja": PerjanjianKinerja,
    "target": Target,
    "realisasi": Realisasi,
    "berkas_bukti": BerkasBukti,
    "tindak_lanjut": TindakLanjut,
    "baris_pk": BarisPK,
}

PERAN_ESELON = {
    Eselon.II: Peran.KEPALA_DINAS,
    Eselon.III: Peran.KABID,
    Eselon.IV: Peran.KASI,
    Eselon.STAF: Peran.STAF,
}


def tabel(nama: str) -> Table:
    return Base.metadata.tables[nama]


# --- scope: which records belong to a bidang -------------------------------------------------


def subpohon(sesi: Session, unit_id: uuid.UUID) -> set[uuid.UUID]:
    anak: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for uid, pid in sesi.execute(select(UnitKerja.id, UnitKerja.parent_id)).all():
        anak.setdefault(pid, []).append(uid)
    hasil: set[uuid.UUID] = set()
    antrean = [unit_id]
    while antrean:
        u = antrean.pop()
        if u not in hasil:
            hasil.add(u)
            antrean.extend(anak.get(u, []))
    return hasil


def rekaman_lingkup(sesi: Session, unit: set[uuid.UUID] | None) -> dict[str, set[uuid.UUID]]:
    """Ids of every record of the paket tables within ``unit`` (None: every record)."""
    ind_ids: set[uuid.UUID] = set()
    for ind in sesi.scalars(select(Indikator)):
        u = otorisasi.unit_node(sesi, ind.node)
        if unit is None or u in unit:
            ind_ids.add(ind.id)
    hasil: dict[str, set[uuid.UUID]] = {}
    for nama, model in (
        ("target", Target),
        ("realisasi", Realisasi),
        ("tindak_lanjut", TindakLanjut),
    ):
        hasil[nama] = {
            i for i, ind in sesi.execute(select(model.id, model.indikator_id)) if ind in ind_ids
        }
    hasil["berkas_bukti"] = {
        i
        for i, r in sesi.execute(select(BerkasBukti.id, BerkasBukti.realisasi_id))
        if r in hasil["realisasi"]
    }
    unit_jabatan = dict(sesi.execute(select(Jabatan.id, Jabatan.unit_id)).all())
    hasil["perjanjian_kinerja"] = {
        i
        for i, j in sesi.execute(select(PerjanjianKinerja.id, PerjanjianKinerja.jabatan_id))
        if unit is None or unit_jabatan.get(j) in unit
    }
    hasil["baris_pk"] = {
        i
        for i, p in sesi.execute(select(BarisPK.id, BarisPK.pk_id))
        if p in hasil["perjanjian_kinerja"]
    }
    return hasil


# --- who may change a record -----------------------------------------------------------------


def pelaku_dari_nama(sesi: Session, username: str | None, cadangan: Pelaku) -> Pelaku:
    """The user behind an audit row, as this database knows them.

    A database without accounts (single-user mode) answers with ``cadangan`` (the paket's
    sender); the window's "bekerja sebagai" names (``jabatan:<id>``) get the position's role.
    An account unknown here is refused: the paket cannot prove who that was.
    """
    if not username or username == SISTEM.username:
        return cadangan
    akun = sesi.scalar(select(Pengguna).where(Pengguna.username == username))
    if akun is not None:
        if not akun.aktif:
            raise AksesDitolak(f"Akun {username} di paket sudah tidak aktif di basis data ini.")
        return Pelaku(akun.username, akun.peran, akun.jabatan_id, akun.nama)
    if username.startswith("jabatan:"):
        try:
            jabatan = sesi.get(Jabatan, uuid.UUID(username.split(":", 1)[1]))
        except ValueError:
            jabatan = None
        if jabatan is not None and jabatan.eselon in PERAN_ESELON:
            return Pelaku(username, PERAN_ESELON[jabatan.eselon], jabatan.id, jabatan.nama)
    if sesi.scalar(select(Pengguna.id).limit(1)) is None:
        return cadangan
    raise AksesDitolak(
        f"Pengguna {username} yang tercatat di paket tidak dikenal di basis data ini."
    )


def _salah_satu(*cek: Callable[[], None]) -> None:
    """Pass when any check passes; else raise the first refusal."""
    pertama: AksesDitolak | None = None
    for c in cek:
        try:
            c()
            return
        except AksesDitolak as exc:
            pertama = pertama or exc
    assert pertama is not None
    raise pertama


def _indikator(sesi: Session, indikator_id: Any) -> Indikator:
    ind = sesi.get(Indikator, indikator_id)
    if ind is None:
        raise TidakDitemukan("indikatornya tidak ada di basis data ini")
    return ind


def _realisasi(sesi: Session, realisasi_id: Any) -> Realisasi:
    r = sesi.get(Realisasi, realisasi_id)
    if r is None:
        raise TidakDitemukan("realisasinya tidak ada di basis data ini")
    return r


def _pk(sesi: Session, pk_id: Any) -> PerjanjianKinerja:
    pk = sesi.get(PerjanjianKinerja, pk_id)
    if pk is None:
        raise TidakDitemukan("Perjanjian Kinerjanya tidak ada di basis data ini")
    return pk


def _wajib_pk(sesi: Session, pelaku: Pelaku, jabatan_id: uuid.UUID) -> None:
    _salah_satu(
        lambda: otorisasi.wajib_ubah_pk(sesi, pelaku, jabatan_id),
        lambda: otorisasi.wajib_tandatangani_pk(pelaku),
    )


def wajib_boleh_ubah(sesi: Session, pelaku: Pelaku, nama_tabel: str, baris: dict[str, Any]) -> None:
    """Refuse (AksesDitolak) when ``pelaku`` may not change this record; TidakDitemukan when
    the record's parent is missing here (then nobody can check, and it is a conflict)."""
    if nama_tabel == "target":
        ind = _indikator(sesi, baris["indikator_id"])
        otorisasi.wajib_ubah_rencana(sesi, pelaku, ind.node)
    elif nama_tabel in ("realisasi", "tindak_lanjut"):
        ind = _indikator(sesi, baris["indikator_id"])
        _salah_satu(
            lambda: otorisasi.wajib_isi_realisasi(sesi, pelaku, ind),
            lambda: otorisasi.wajib_verifikasi(sesi, pelaku, ind),
        )
    elif nama_tabel == "berkas_bukti":
        ind = _realisasi(sesi, baris["realisasi_id"]).indikator
        otorisasi.wajib_isi_realisasi(sesi, pelaku, ind)
    elif nama_tabel == "perjanjian_kinerja":
        _wajib_pk(sesi, pelaku, baris["jabatan_id"])
    elif nama_tabel == "baris_pk":
        _wajib_pk(sesi, pelaku, _pk(sesi, baris["pk_id"]).jabatan_id)
    else:  # pragma: no cover - TABEL_PAKET is closed
        raise AksesDitolak(f"Tabel {nama_tabel} tidak dapat dipertukarkan.")


def wajib_tidak_terkunci(sesi: Session, nama_tabel: str, baris: dict[str, Any]) -> None:
    """Refuse (DataTerkunci) a change into a locked year, a closed quarter or a signed PK."""
    from .indikator import opd_indikator

    if nama_tabel == "target":
        ind = _indikator(sesi, baris["indikator_id"])
        for opd_id in opd_indikator(sesi, ind):
            kunci.wajib_target_terbuka(sesi, opd_id, int(baris["tahun"]))
    elif nama_tabel == "realisasi":
        ind = _indikator(sesi, baris["indikator_id"])
        for opd_id in opd_indikator(sesi, ind):
            kunci.wajib_triwulan_terbuka(sesi, opd_id, int(baris["tahun"]), int(baris["triwulan"]))
    elif nama_tabel == "baris_pk":
        pk = _pk(sesi, baris["pk_id"])
        if pk.status is not StatusPK.DRAF:
            raise DataTerkunci(
                f"PK {pk.tahun} {pk.jabatan.nama} di basis data ini sudah "
                f"{pk.status.label.lower()} dan terkunci."
            )


# --- labels ------------------------------------------------------------------------------------

_TW = {0: "tahunan", 1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


def label_rekaman(sesi: Session, nama_tabel: str, baris: dict[str, Any]) -> str:
    """ "Target IKU.1 2020 tahunan (renstra)", "Realisasi IKU.2 2020 TW I", "Baris PK …"."""
    try:
        if nama_tabel in ("target", "realisasi", "tindak_lanjut"):
            ind = sesi.get(Indikator, baris.get("indikator_id"))
            kode = ind.kode if ind is not None else "?"
            tw = _TW.get(int(baris.get("triwulan") or 0), "")
            awal = {"target": "Target", "realisasi": "Realisasi", "tindak_lanjut": "Tindak lanjut"}
            teks = f"{awal[nama_tabel]} {kode} {baris.get('tahun')} {tw}".strip()
            if nama_tabel == "target":
                dok = baris.get("dokumen")
                teks += f" ({getattr(dok, 'value', dok)})"
            return teks
        if nama_tabel == "berkas_bukti":
            return f"Berkas bukti {baris.get('nama_berkas')}"
        if nama_tabel == "baris_pk":
            return f"Baris PK «{(baris.get('indikator_teks') or baris.get('uraian') or '')[:60]}»"
        if nama_tabel == "perjanjian_kinerja":
            jab = sesi.get(Jabatan, baris.get("jabatan_id"))
            return f"PK {baris.get('tahun')} {jab.nama if jab else ''}".strip()
    except (TypeError, ValueError):
        pass
    return f"{nama_tabel} {baris.get('id')}"
