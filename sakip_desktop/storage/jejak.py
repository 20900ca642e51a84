"""The audit trail, written by the session itself in the same transaction as the change.

Every flush turns new, changed and deleted records into `JejakAudit` rows: who (the
session's ``info["pelaku"]``), when, which record and field, old and new value, and the
reason (``info["alasan"]``) where one was asked. Because it happens at the session level,
no service can forget it. A bulk load sets ``info["audit"] = "ringkas"`` to write one row
per table instead of one per record.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from ..model import Berversi, JejakAudit, sekarang

ABAIKAN = {"versi", "dibuat_pada", "diubah_pada", "diubah_oleh", "isi"}


def teks_nilai(nilai: Any) -> str | None:
    """A value as the audit page shows it (decimals without trailing zeros)."""
    if nilai is None:
        return None
    if isinstance(nilai, Enum):
        return str(nilai.value)
    if isinstance(nilai, Decimal):
        return format(nilai.normalize(), "f") if nilai == nilai else str(nilai)
    if isinstance(nilai, datetime | date):
        return nilai.isoformat()
    if isinstance(nilai, bytes):
        return f"<{len(nilai)} bita>"
    return str(nilai)


def ringkasan_rekaman(obj: Any) -> str:
    """A short human label of a record for 'tambah'/'hapus' rows."""
    for nama in ("kode", "uraian", "nama", "judul", "username", "pernyataan"):
        nilai = getattr(obj, nama, None)
        if nilai:
            return str(nilai)[:200]
    bagian = [
        f"{k}={teks_nilai(getattr(obj, k, None))}"
        for k in ("tahun", "triwulan", "dokumen", "nilai")
        if getattr(obj, k, None) is not None
    ]
    return ", ".join(bagian) or type(obj).__name__


def _pengguna(sesi: Session) -> str | None:
    pelaku = sesi.info.get("pelaku")
    return getattr(pelaku, "username", None)


def catat_perubahan(sesi: Session, _konteks: Any, _instances: Any) -> None:
    """before_flush listener: stamp who changed records and write their audit rows."""
    pengguna = _pengguna(sesi)
    alasan = sesi.info.get("alasan")
    ringkas = sesi.info.get("audit") == "ringkas"
    waktu = sekarang()
    baris: list[JejakAudit] = []
    hitung: Counter[tuple[str, str]] = Counter()

    def tambah(aksi: str, obj: Any, field: str | None, lama: Any, baru: Any) -> None:
        if ringkas:
            hitung[(aksi, obj.__tablename__)] += 1
            return
        baris.append(
            JejakAudit(
                waktu=waktu,
                pengguna=pengguna,
                aksi=aksi,
                tabel=obj.__tablename__,
                rekaman_id=getattr(obj, "id", None),
                field=field,
                nilai_lama=teks_nilai(lama),
                nilai_baru=teks_nilai(baru),
                alasan=alasan,
            )
        )

    for obj in list(sesi.new):
        if isinstance(obj, JejakAudit):
            continue
        if isinstance(obj, Berversi):
            obj.diubah_oleh = pengguna
        if hasattr(obj, "__tablename__"):
            tambah("tambah", obj, None, None, ringkasan_rekaman(obj))
    for obj in list(sesi.dirty):
        if isinstance(obj, JejakAudit):
            raise RuntimeError("Jejak audit tidak boleh diubah.")
        if not hasattr(obj, "__tablename__") or not sesi.is_modified(obj):
            continue
        status = inspect(obj)
        berubah = False
        for attr in status.mapper.column_attrs:
            if attr.key in ABAIKAN:
                continue
            riwayat = status.attrs[attr.key].history
            if not riwayat.has_changes():
                continue
            lama = riwayat.deleted[0] if riwayat.deleted else None
            baru = riwayat.added[0] if riwayat.added else None
            if teks_nilai(lama) == teks_nilai(baru):
                continue
            berubah = True
            tambah("ubah", obj, attr.key, lama, baru)
        if berubah and isinstance(obj, Berversi):
            obj.diubah_oleh = pengguna
    for obj in list(sesi.deleted):
        if isinstance(obj, JejakAudit):
            raise RuntimeError("Jejak audit tidak boleh dihapus.")
        if hasattr(obj, "__tablename__"):
            tambah("hapus", obj, None, ringkasan_rekaman(obj), None)
    if ringkas:
        for (aksi, tabel), n in sorted(hitung.items()):
            baris.append(
                JejakAudit(
                    id=uuid.uuid4(),
                    waktu=waktu,
                    pengguna=pengguna,
                    aksi=aksi,
                    tabel=tabel,
                    nilai_baru=f"{n} rekaman",
                    alasan=alasan,
                )
            )
    sesi.add_all(baris)
