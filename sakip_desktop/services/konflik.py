"""Settling a refused save (`KonflikVersi`) by merging by hand.

"Keep theirs" needs no write, and "take mine" repeats the user's own save over the current
version (`gui/konteks.py`). Merging writes the values the person chose field by field onto
the record as it is now, checked like any save: the role and scope (`paket_aturan`), the
period locks, the version the person saw (so a third save in between is refused again),
and a reason in the audit trail.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from ..angka import parse_angka
from ..errors import InputTidakSah, TidakDitemukan
from ..kalkulasi.nilai import nilai_dari_komponen
from ..model import Base, Realisasi
from . import otorisasi
from .paket_aturan import MODEL, wajib_boleh_ubah, wajib_tidak_terkunci
from .pelaku import Pelaku

DILINDUNGI = {"id", "versi", "dibuat_pada", "diubah_pada", "diubah_oleh"}


def _kelas(tabel: str) -> type[Any]:
    if tabel in MODEL:
        return MODEL[tabel]
    for m in Base.registry.mappers:
        if getattr(m.class_, "__tablename__", None) == tabel:
            return m.class_
    raise TidakDitemukan(f"Tabel {tabel} tidak dikenal.")


def nilai_dari_teks(obj: Any, field: str, teks: str | None) -> Any:
    """A typed value for ``obj.field`` from what the person typed (Indonesian numbers)."""
    kolom = inspect(obj).mapper.columns[field]
    if teks is None or not teks.strip():
        if not kolom.nullable:
            raise InputTidakSah(f"{field} wajib diisi.", field=field)
        return None
    teks = teks.strip()
    python = kolom.type.python_type
    if python is Decimal:
        return parse_angka(teks, nama_field=field)
    if python is int:
        try:
            return int(teks)
        except ValueError:
            raise InputTidakSah(
                f"{field} harus bilangan bulat, bukan {teks!r}.", field=field
            ) from None
    if python is bool:
        return teks.casefold() in {"1", "ya", "true", "benar"}
    if isinstance(python, type) and python is not str and hasattr(python, "__members__"):
        try:
            return python(teks)
        except ValueError:
            raise InputTidakSah(f"{field}: nilai {teks!r} tidak dikenal.", field=field) from None
    return teks


def simpan_gabungan(
    sesi: Session,
    pelaku: Pelaku,
    tabel: str,
    rekaman_id: uuid.UUID,
    nilai: dict[str, str | None],
) -> bool:
    """Write the merged values onto the record; True when something changed.

    Run it inside ``db.transaksi(pelaku, alasan=…, versi_dimuat={rekaman_id: versi})``
    with the version shown in the conflict dialog.
    """
    obj = sesi.get(_kelas(tabel), rekaman_id)
    if obj is None:
        raise TidakDitemukan("Rekaman ini sudah dihapus pengguna lain; tidak ada yang digabung.")
    baris = {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}
    if tabel in MODEL:
        wajib_boleh_ubah(sesi, pelaku, tabel, baris)
        wajib_tidak_terkunci(sesi, tabel, baris)
    else:
        otorisasi.wajib_peran(pelaku, otorisasi.PERAN_PENUH, f"menggabungkan data {tabel}")
    berubah = False
    for field, teks in nilai.items():
        if field in DILINDUNGI or field not in inspect(obj).mapper.columns:
            raise InputTidakSah(f"Kolom {field} tidak dapat diubah di sini.", field=field)
        baru = nilai_dari_teks(obj, field, teks)
        if getattr(obj, field) != baru:
            setattr(obj, field, baru)
            berubah = True
    if isinstance(obj, Realisasi) and {"komponen_a", "komponen_b"} & set(nilai):
        jenis = obj.indikator.jenis
        if jenis.dari_komponen:
            obj.nilai = nilai_dari_komponen(jenis, obj.komponen_a, obj.komponen_b)
    return berubah
