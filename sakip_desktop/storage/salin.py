"""Copy every row of one SAKIP database into another, empty one, and prove the copy whole.

Used to move an office from its SQLite file to a PostgreSQL server and back
(``sakip db copy --from URL --to URL``). Every table is copied, the audit trail and the
exchange log included, so the history moves with the data. At the end each table is
compared by its row count and a checksum over every row in a canonical form that does not
depend on the backend (UUIDs, decimals, UTC timestamps, SHA-256 of binary contents), so
a value changed or lost on the way is found.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from ..errors import DatabaseBermasalah
from ..model import Base
from .database import Database

TABEL_IDENTITAS = "identitas_basis_data"
"""Made by the target's own migration; replaced by the source's row (copies share it)."""

Kemajuan = Callable[[str, int, int], None]
"""(table name, tables done, tables in all) — for a progress bar."""


def _kolom_induk(tabel: Table) -> str | None:
    """The column of a self-referencing table (parent_id, atasan_id), if any."""
    for fk in tabel.foreign_keys:
        if fk.column.table is tabel:
            return fk.parent.name
    return None


def _urut_induk_dulu(baris: Sequence[dict[str, Any]], kolom: str) -> list[dict[str, Any]]:
    """Order rows so that every parent is inserted before its children."""
    sisa = list(baris)
    sudah: set[Any] = set()
    hasil: list[dict[str, Any]] = []
    ada = {b["id"] for b in sisa}
    while sisa:
        siap = [b for b in sisa if b[kolom] is None or b[kolom] in sudah or b[kolom] not in ada]
        if not siap:  # a cycle cannot be inserted with immediate FK checks
            raise DatabaseBermasalah(f"Data berputar pada kolom {kolom}; tidak dapat disalin.")
        hasil.extend(siap)
        sudah.update(b["id"] for b in siap)
        siap_id = {id(b) for b in siap}
        sisa = [b for b in sisa if id(b) not in siap_id]
    return hasil


# --- canonical form and checksums ------------------------------------------------------------


def nilai_kanonik(nilai: Any) -> str | None:
    """A value as text that is the same whichever backend it was read from.

    SQLite gives naive timestamps (stored as UTC) where PostgreSQL gives aware ones;
    decimals come back with different trailing zeros; binary contents are represented by
    their SHA-256 so a checksum need not hold them.
    """
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        return "1" if nilai else "0"
    if isinstance(nilai, Enum):
        return str(nilai.value)
    if isinstance(nilai, Decimal):
        if nilai == 0:
            return "0"
        return format(nilai.normalize(), "f")
    if isinstance(nilai, float):
        return nilai_kanonik(Decimal(repr(nilai)))
    if isinstance(nilai, datetime):
        utc = nilai.replace(tzinfo=UTC) if nilai.tzinfo is None else nilai.astimezone(UTC)
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, uuid.UUID):
        return str(nilai)
    if isinstance(nilai, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(nilai)).hexdigest()
    return str(nilai)


def baris_kanonik(baris: dict[str, Any], kolom: Sequence[str] | None = None) -> str:
    """One row as canonical JSON (columns in name order)."""
    nama = sorted(kolom if kolom is not None else baris)
    return json.dumps({k: nilai_kanonik(baris.get(k)) for k in nama}, ensure_ascii=False)


@dataclass(frozen=True)
class SidikTabel:
    """Row count and checksum of one table."""

    jumlah: int
    sha256: str


def sidik_tabel(conn: Connection, tabel: Table) -> SidikTabel:
    """Count and checksum of every row, independent of row order and backend."""
    kolom = sorted(c.name for c in tabel.columns)
    baris = sorted(baris_kanonik(dict(b._mapping), kolom) for b in conn.execute(select(tabel)))
    h = hashlib.sha256()
    for b in baris:
        h.update(b.encode("utf-8"))
        h.update(b"\n")
    return SidikTabel(len(baris), h.hexdigest())


def sidik_basis_data(conn: Connection) -> dict[str, SidikTabel]:
    return {t.name: sidik_tabel(conn, t) for t in Base.metadata.sorted_tables}


@dataclass(frozen=True)
class SelisihTabel:
    tabel: str
    sumber: SidikTabel
    tujuan: SidikTabel | None


@dataclass
class HasilSalin:
    """What was copied, and the verification at the end."""

    jumlah: dict[str, int] = field(default_factory=dict)
    sidik: dict[str, SidikTabel] = field(default_factory=dict)
    selisih: list[SelisihTabel] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        return not self.selisih

    @property
    def total_baris(self) -> int:
        return sum(self.jumlah.values())


def bandingkan(sumber: dict[str, SidikTabel], tujuan: dict[str, SidikTabel]) -> list[SelisihTabel]:
    return [
        SelisihTabel(nama, s, tujuan.get(nama))
        for nama, s in sumber.items()
        if tujuan.get(nama) != s
    ]


def verifikasi(sumber: Database, tujuan: Database) -> list[SelisihTabel]:
    """Compare two databases table by table (counts and checksums); [] when identical."""
    with sumber.engine.connect() as a, tujuan.engine.connect() as b:
        return bandingkan(sidik_basis_data(a), sidik_basis_data(b))


# --- the copy ------------------------------------------------------------------------------


def _wajib_mutakhir(sumber: Database) -> None:
    from .migrasi import status_skema

    status = status_skema(sumber)
    if status.kosong:
        raise DatabaseBermasalah(
            f"Basis data sumber kosong, tidak ada yang disalin: {sumber.label}"
        )
    if not status.mutakhir:
        raise DatabaseBermasalah(
            f"Basis data sumber memakai skema lama ({status.revisi}); buka sekali dengan program "
            f"ini agar ditingkatkan, lalu salin lagi: {sumber.label}"
        )


def _wajib_kosong(tulis: Connection) -> None:
    for tabel in Base.metadata.sorted_tables:
        if tabel.name == TABEL_IDENTITAS:
            continue
        if tulis.execute(select(tabel).limit(1)).first() is not None:
            raise DatabaseBermasalah(
                f"Basis data tujuan tidak kosong (tabel {tabel.name} sudah berisi data). "
                "Salin hanya ke basis data yang baru dibuat dan kosong."
            )


def salin_isi(
    sumber: Database,
    tujuan: Database,
    *,
    ukuran_batch: int = 1000,
    kemajuan: Kemajuan | None = None,
) -> HasilSalin:
    """Bring ``tujuan`` to the current schema, copy every row of ``sumber`` into it, verify.

    ``tujuan`` must be empty. The source is read inside one transaction (REPEATABLE READ on
    PostgreSQL: one consistent snapshot, so other users may keep working) and its checksums
    are taken in that same snapshot; the target is written in one transaction, so a failure
    leaves it as it was. After the commit the target is read back and compared; a
    difference raises `DatabaseBermasalah` naming the tables.
    """
    from .migrasi import tingkatkan

    _wajib_mutakhir(sumber)
    tingkatkan(tujuan)
    hasil = HasilSalin()
    semua_tabel = Base.metadata.sorted_tables
    with sumber.engine.connect() as baca, tujuan.engine.begin() as tulis:
        if sumber.engine.dialect.name == "postgresql":
            baca = baca.execution_options(isolation_level="REPEATABLE READ")
        with baca.begin():
            _wajib_kosong(tulis)
            for nomor, tabel in enumerate(semua_tabel):
                if kemajuan is not None:
                    kemajuan(tabel.name, nomor, len(semua_tabel))
                if tabel.name == TABEL_IDENTITAS:
                    tulis.execute(delete(tabel))
                hasil.jumlah[tabel.name] = _salin_tabel(baca, tulis, tabel, ukuran_batch)
            hasil.sidik = sidik_basis_data(baca)
    if kemajuan is not None:
        kemajuan("verifikasi", len(semua_tabel), len(semua_tabel))
    with tujuan.engine.connect() as periksa:
        hasil.selisih = bandingkan(hasil.sidik, sidik_basis_data(periksa))
    if hasil.selisih:
        nama = ", ".join(s.tabel for s in hasil.selisih)
        raise DatabaseBermasalah(
            f"Salinan tidak sama dengan sumber pada tabel: {nama}. Jangan pakai basis data "
            f"tujuan ({tujuan.label}); ulangi penyalinan ke basis data kosong."
        )
    return hasil


def _salin_tabel(baca: Connection, tulis: Connection, tabel: Table, ukuran_batch: int) -> int:
    induk = _kolom_induk(tabel)
    hasil = baca.execution_options(yield_per=ukuran_batch).execute(select(tabel))
    if induk is not None:
        semua = _urut_induk_dulu([dict(b._mapping) for b in hasil], induk)
        potongan: Any = [semua[i : i + ukuran_batch] for i in range(0, len(semua), ukuran_batch)]
    else:
        potongan = ([dict(b._mapping) for b in p] for p in hasil.partitions())
    n = 0
    for bagian in potongan:
        if bagian:
            tulis.execute(insert(tabel), bagian)
            n += len(bagian)
    return n
