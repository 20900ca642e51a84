"""The audit trail, written by the session itself in the same transaction as the change.

Every flush turns new, changed and deleted records into `JejakAudit` rows: who (the
session's ``info["pelaku"]``), when, which record and field, old and new value, and the
reason (``info["alasan"]``) where one was asked. Because it happens at the session level,
no service can forget it. A bulk load sets ``info["audit"] = "ringkas"`` to write one row
per table instead of one per record; a service may name the action of its updates with
``info["aksi"]`` (e.g. "buka-kunci") instead of the plain "ubah".

Each row also carries the agency and unit the record belongs to (``opd_id``/``unit_id``),
so the audit page can filter by bidang. A password hash never enters the trail, and the
database refuses to update or delete audit rows (migration keamanan_01).
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

from ..model import (
    Berversi,
    Indikator,
    Jabatan,
    JejakAudit,
    NodeKinerja,
    Opd,
    PerjanjianKinerja,
    Realisasi,
    Renstra,
    Risiko,
    UnitKerja,
    sekarang,
)

ABAIKAN = {"versi", "dibuat_pada", "diubah_pada", "diubah_oleh", "isi"}
ABAIKAN_PER_TABEL = {("pengguna", "gagal_terakhir")}
"""The time of a failed log-in is the audit row's own time; a second row adds nothing."""
RAHASIA = {("pengguna", "hash_sandi")}
"""Fields whose values never enter the trail (only the fact that they changed)."""
TEKS_RAHASIA = "(disembunyikan)"

Lokasi = tuple[uuid.UUID | None, uuid.UUID | None]
"""(opd_id, unit_id) of a record."""

# Parent links by which a record finds the unit answering for it, in order of preference.
_INDUK: tuple[tuple[str, type[Any]], ...] = (
    ("indikator_id", Indikator),
    ("realisasi_id", Realisasi),
    ("node_id", NodeKinerja),
    ("pk_id", PerjanjianKinerja),
    ("risiko_id", Risiko),
    ("jabatan_id", Jabatan),
    ("pemilik_id", Jabatan),
)


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
    for nama in ("username", "kode", "uraian", "nama", "judul", "pernyataan"):
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


class PencariLokasi:
    """Finds the (opd, unit) of changed records during one flush, with a cache.

    A new record may point at a parent that is itself new (not in the database yet), so
    pending objects are looked up first. Best effort: a record with no owner in the
    organisation gets (opd, None) or (None, None).
    """

    def __init__(self, sesi: Session) -> None:
        self.sesi = sesi
        self.cache: dict[tuple[str, Any], Lokasi] = {}
        self.baru = {(type(o), getattr(o, "id", None)): o for o in sesi.new}

    def _ambil(self, model: type[Any], ident: Any) -> Any:
        if ident is None:
            return None
        obj = self.baru.get((model, ident))
        return obj if obj is not None else self.sesi.get(model, ident)

    def _opd_unit(self, unit_id: uuid.UUID) -> uuid.UUID | None:
        unit = self._ambil(UnitKerja, unit_id)
        return unit.opd_id if unit is not None else None

    def lokasi(self, obj: Any) -> Lokasi:
        kunci = (obj.__tablename__, getattr(obj, "id", None))
        if kunci not in self.cache:
            self.cache[kunci] = (None, None)  # guards against a cycle of parents
            self.cache[kunci] = self._hitung(obj)
        return self.cache[kunci]

    def _hitung(self, obj: Any) -> Lokasi:
        if isinstance(obj, UnitKerja):
            return obj.opd_id, obj.id
        if isinstance(obj, Opd):
            return obj.id, None
        if isinstance(obj, NodeKinerja):
            return self._lokasi_node(obj)
        opd = getattr(obj, "opd_id", None)
        unit = getattr(obj, "unit_id", None)
        if unit is not None:
            return opd or self._opd_unit(unit), unit
        for fk, model in _INDUK:
            induk = self._ambil(model, getattr(obj, fk, None))
            if induk is not None:
                opd_induk, unit_induk = self.lokasi(induk)
                if opd_induk is not None or unit_induk is not None:
                    return opd or opd_induk, unit_induk
        return opd, None

    def _lokasi_node(self, node: NodeKinerja) -> Lokasi:
        """A node's unit is its owner's, else the nearest ancestor's (as otorisasi does)."""
        opd: uuid.UUID | None = None
        n: NodeKinerja | None = node
        dilihat: set[Any] = set()
        while n is not None and n.id not in dilihat:
            dilihat.add(n.id)
            if opd is None and n.renstra_id is not None:
                renstra = self._ambil(Renstra, n.renstra_id)
                opd = renstra.opd_id if renstra is not None else None
            jabatan = self._ambil(Jabatan, n.pemilik_id)
            if jabatan is not None and jabatan.unit_id is not None:
                return opd or jabatan.opd_id or self._opd_unit(jabatan.unit_id), jabatan.unit_id
            n = self._ambil(NodeKinerja, n.parent_id)
        return opd, None


def catat_peristiwa(
    sesi: Session,
    aksi: str,
    tabel: str,
    *,
    nilai_lama: str | None = None,
    nilai_baru: str | None = None,
) -> None:
    """One audit row for an event that no ORM change describes: a bulk statement that
    bypasses the session (``DELETE FROM tabel``), or a restore that replaced the whole file.
    The who, when and why come from the session as for every other row."""
    sesi.add(
        JejakAudit(
            waktu=sekarang(),
            pengguna=_pengguna(sesi),
            aksi=aksi,
            tabel=tabel,
            nilai_lama=nilai_lama,
            nilai_baru=nilai_baru,
            alasan=sesi.info.get("alasan"),
        )
    )


def catat_massal(sesi: Session, aksi: str, tabel: str, jumlah: int) -> None:
    """`catat_peristiwa` for ``jumlah`` records of ``tabel`` at once."""
    teks = f"{jumlah} rekaman"
    if aksi == "hapus":
        catat_peristiwa(sesi, aksi, tabel, nilai_lama=teks)
    else:
        catat_peristiwa(sesi, aksi, tabel, nilai_baru=teks)


def catat_perubahan(sesi: Session, _konteks: Any, _instances: Any) -> None:
    """before_flush listener: stamp who changed records and write their audit rows."""
    pengguna = _pengguna(sesi)
    alasan = sesi.info.get("alasan")
    ringkas = sesi.info.get("audit") == "ringkas"
    aksi_ubah = sesi.info.get("aksi") or "ubah"
    waktu = sekarang()
    pencari = PencariLokasi(sesi)
    baris: list[JejakAudit] = []
    hitung: Counter[tuple[str, str]] = Counter()

    def tambah(aksi: str, obj: Any, field: str | None, lama: Any, baru: Any) -> None:
        if ringkas:
            hitung[(aksi, obj.__tablename__)] += 1
            return
        if (obj.__tablename__, field) in RAHASIA:
            lama, baru = None, TEKS_RAHASIA
        opd_id, unit_id = pencari.lokasi(obj)
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
                opd_id=opd_id,
                unit_id=unit_id,
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
            if attr.key in ABAIKAN or (obj.__tablename__, attr.key) in ABAIKAN_PER_TABEL:
                continue
            riwayat = status.attrs[attr.key].history
            if not riwayat.has_changes():
                continue
            lama = riwayat.deleted[0] if riwayat.deleted else None
            baru = riwayat.added[0] if riwayat.added else None
            if teks_nilai(lama) == teks_nilai(baru):
                continue
            berubah = True
            tambah(aksi_ubah, obj, attr.key, lama, baru)
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
