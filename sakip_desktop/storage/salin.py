"""Copy every row of one SAKIP database into another, empty one (any backends)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert, select

from ..errors import DatabaseBermasalah
from ..model import Base
from .database import Database


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


def salin_isi(sumber: Database, tujuan: Database, *, ukuran_batch: int = 1000) -> dict[str, int]:
    """Bring ``tujuan`` to the current schema and copy every row of ``sumber`` into it.

    ``tujuan`` must be empty. The source is read inside one transaction (REPEATABLE READ on
    PostgreSQL: one consistent snapshot); the target is written in one transaction, so a
    failure leaves it as it was. Returns the row count per table.
    """
    from .migrasi import tingkatkan

    tingkatkan(tujuan)
    jumlah: dict[str, int] = {}
    with sumber.engine.connect() as baca, tujuan.engine.begin() as tulis:
        if sumber.engine.dialect.name == "postgresql":
            baca = baca.execution_options(isolation_level="REPEATABLE READ")
        with baca.begin():
            for tabel in Base.metadata.sorted_tables:
                if tulis.execute(select(tabel).limit(1)).first() is not None:
                    raise DatabaseBermasalah(
                        f"Basis data tujuan tidak kosong (tabel {tabel.name} sudah berisi data)."
                    )
                induk = _kolom_induk(tabel)
                hasil = baca.execution_options(yield_per=ukuran_batch).execute(select(tabel))
                if induk is not None:
                    semua = _urut_induk_dulu([dict(b._mapping) for b in hasil], induk)
                    potongan = [
                        semua[i : i + ukuran_batch] for i in range(0, len(semua), ukuran_batch)
                    ]
                else:
                    potongan = ([dict(b._mapping) for b in p] for p in hasil.partitions())
                n = 0
                for bagian in potongan:
                    if bagian:
                        tulis.execute(insert(tabel), bagian)
                        n += len(bagian)
                jumlah[tabel.name] = n
    return jumlah
