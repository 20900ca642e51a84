"""Optimistic concurrency made readable: a refused save names who, when and both values.

Two checks feed `KonflikVersi`:

* the versions the user's form was loaded with (``Database.transaksi(versi_dimuat=…)``),
  checked before anything is flushed: the record was saved by someone else while the form
  was open;
* SQLAlchemy's version counter (``version_id_col``): a row changed by another PC between
  this transaction's read and its UPDATE (``StaleDataError``); the row is read again on a
  separate connection to say who changed it.

Values are shown as the audit trail writes them (`storage.jejak.teks_nilai`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, inspect, select
from sqlalchemy.orm import Session

from ..errors import KonflikVersi
from ..model import Berversi
from .jejak import ABAIKAN, ringkasan_rekaman, teks_nilai

if TYPE_CHECKING:
    from .database import Database

TEKS_DIHAPUS = "(dihapus)"

NAMA_TABEL = {
    "target": "Target",
    "realisasi": "Realisasi",
    "baris_pk": "Baris PK",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "indikator": "Indikator",
    "node_kinerja": "Simpul pohon kinerja",
    "tindak_lanjut": "Tindak lanjut",
}


def _kolom_isi(obj: Any) -> list[str]:
    """The columns a user edits (bookkeeping columns left out)."""
    return [a.key for a in inspect(obj).mapper.column_attrs if a.key not in ABAIKAN | {"id"}]


def _nilai_saya(obj: Any, dihapus: bool) -> dict[str, str | None]:
    """What this save would write: the changed fields with their new values."""
    if dihapus:
        return {"(rekaman)": TEKS_DIHAPUS}
    status = inspect(obj)
    hasil: dict[str, str | None] = {}
    for kunci in _kolom_isi(obj):
        riwayat = status.attrs[kunci].history
        if riwayat.added:
            hasil[kunci] = teks_nilai(riwayat.added[0])
    return hasil


def _versi_awal(obj: Any) -> int:
    """The version the object had when this session loaded it (before any change)."""
    riwayat = inspect(obj).attrs["versi"].history
    if riwayat.deleted:
        return int(riwayat.deleted[0])
    if riwayat.unchanged:
        return int(riwayat.unchanged[0])
    return int(obj.versi)


def label_rekaman(tabel: str, ringkasan: str) -> str:
    return f"{NAMA_TABEL.get(tabel, tabel.replace('_', ' ').capitalize())} «{ringkasan}»"


def _pesan(label: str, oleh: str | None, pada: datetime | None) -> str:
    siapa = oleh or "pengguna lain"
    kapan = ""
    if pada is not None:
        from ..angka import format_tanggal

        lokal = pada.astimezone() if pada.tzinfo else pada
        kapan = f" pada {format_tanggal(lokal.date())} pukul {lokal:%H.%M}"
    return (
        f"{label} sudah diubah oleh {siapa}{kapan} sejak Anda membukanya. "
        "Simpanan Anda tidak ditulis agar perubahan mereka tidak hilang."
    )


def _nilai_baris(baris: Any, kolom: list[str]) -> dict[str, str | None]:
    return {k: teks_nilai(baris._mapping[k]) for k in kolom if k in baris._mapping}


def konflik(
    obj: Any,
    *,
    oleh: str | None,
    pada: datetime | None,
    nilai_mereka: dict[str, str | None],
    nilai_saya: dict[str, str | None],
    versi_sekarang: int | None,
) -> KonflikVersi:
    label = label_rekaman(obj.__tablename__, ringkasan_rekaman(obj))
    return KonflikVersi(
        _pesan(label, oleh, pada),
        tabel=obj.__tablename__,
        rekaman_id=obj.id,
        label=label,
        oleh=oleh,
        pada=pada,
        nilai_mereka=nilai_mereka,
        nilai_saya=nilai_saya,
        versi_sekarang=versi_sekarang,
    )


@dataclass(frozen=True)
class _Tertunda:
    """A pending change, remembered before the flush (a failed flush forgets it)."""

    tabel: Table
    rekaman_id: uuid.UUID
    versi: int
    saya: dict[str, str | None]
    kolom: list[str]
    label: str


def periksa_versi_dimuat(sesi: Session, _konteks: Any, _instances: Any) -> None:
    """before_flush: remember the pending changes, and refuse a change to a record saved by
    someone else since the form was loaded.

    Every record of this session named in ``sesi.info["versi_dimuat"]`` is checked (a save
    that adds a revision row instead of editing the loaded one is caught too). Their values
    are the record as this transaction read it; mine are the pending changes.
    """
    dihapus = {id(o) for o in sesi.deleted}
    sesi.info["tertunda"] = [
        _Tertunda(
            inspect(o).mapper.local_table,  # type: ignore[arg-type]
            o.id,
            _versi_awal(o),
            _nilai_saya(o, id(o) in dihapus),
            _kolom_isi(o),
            label_rekaman(o.__tablename__, ringkasan_rekaman(o)),
        )
        for o in list(sesi.dirty) + list(sesi.deleted)
        if isinstance(o, Berversi) and (id(o) in dihapus or sesi.is_modified(o))
    ]
    dimuat: dict[uuid.UUID, int] = sesi.info.get("versi_dimuat") or {}
    if not dimuat:
        return
    for obj in list(sesi.identity_map.values()):
        if not isinstance(obj, Berversi) or obj.id not in dimuat:
            continue
        versi_db = _versi_awal(obj)
        if versi_db == dimuat[obj.id]:
            continue
        status = inspect(obj)
        kolom = _kolom_isi(obj)
        saya = _nilai_saya(obj, id(obj) in dihapus)
        mereka: dict[str, str | None] = {}
        for k in kolom:
            r = status.attrs[k].history
            lama = r.deleted[0] if r.deleted else (r.unchanged[0] if r.unchanged else None)
            if k in saya or not saya:
                mereka[k] = teks_nilai(lama)
        raise konflik(
            obj,
            oleh=obj.diubah_oleh,
            pada=obj.diubah_pada,
            nilai_mereka=mereka,
            nilai_saya=saya,
            versi_sekarang=versi_db,
        )


def konflik_dari_basi(db: Database, sesi: Session) -> KonflikVersi:
    """After StaleDataError: find the row another PC changed and describe the conflict.

    The pending changes were remembered before the flush; the row is read again on a
    separate connection (this transaction has failed). Falls back to a plain message when
    no changed row can be found any more.
    """
    tertunda: list[_Tertunda] = sesi.info.get("tertunda") or []
    with db.engine.connect() as conn:
        for t in tertunda:
            baris = conn.execute(select(t.tabel).where(t.tabel.c.id == t.rekaman_id)).first()
            if baris is None:
                mereka = {k: TEKS_DIHAPUS for k in t.saya}
                oleh, pada, versi = None, None, None
            elif int(baris._mapping["versi"]) != t.versi:
                kolom = list(t.saya) if t.saya and "(rekaman)" not in t.saya else t.kolom
                mereka = _nilai_baris(baris, kolom)
                oleh, pada = baris._mapping["diubah_oleh"], baris._mapping["diubah_pada"]
                versi = int(baris._mapping["versi"])
            else:
                continue
            return KonflikVersi(
                _pesan(t.label, oleh, pada),
                tabel=t.tabel.name,
                rekaman_id=t.rekaman_id,
                label=t.label,
                oleh=oleh,
                pada=pada,
                nilai_mereka=mereka,
                nilai_saya=t.saya,
                versi_sekarang=versi,
            )
    return KonflikVersi(
        "Data ini baru saja diubah pengguna lain. Muat ulang lalu ulangi perubahan Anda."
    )


def tampil_nilai(teks: str | None) -> str:
    """An audit-style value as a person reads it: Indonesian numbers, "(kosong)" for none."""
    from decimal import Decimal, InvalidOperation

    from ..angka import format_angka

    if teks is None or teks == "":
        return "(kosong)"
    if teks.lstrip("-").replace(".", "", 1).isdigit():
        try:
            return format_angka(Decimal(teks))
        except (InvalidOperation, ValueError):
            return teks
    return teks
