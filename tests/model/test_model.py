"""The model's guarantees: stable UUIDs, optimistic versioning, constraints in the database."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from sakip_desktop.domain import DokumenTarget
from sakip_desktop.model import Indikator, Target
from sakip_desktop.storage import Database


def _indikator(db: Database, kode: str) -> Indikator:
    with db.baca() as sesi:
        return sesi.scalars(select(Indikator).where(Indikator.kode == kode)).one()


def test_setiap_rekaman_punya_uuid(db_demo: Database) -> None:
    ind = _indikator(db_demo, "IKU.1")
    assert isinstance(ind.id, uuid.UUID)
    assert ind.versi == 1


def test_simpan_kedua_dengan_salinan_lama_ditolak(db_demo: Database) -> None:
    """Two users load the same target; the second save with a stale copy is refused."""
    with db_demo.baca() as sesi:
        t = sesi.scalars(
            select(Target).join(Indikator).where(Indikator.kode == "IKU.1", Target.tahun == 2020)
        ).first()
        assert t is not None
        target_id = t.id
    sesi_a = db_demo._sesi()
    sesi_b = db_demo._sesi()
    try:
        a = sesi_a.get(Target, target_id)
        b = sesi_b.get(Target, target_id)
        assert a is not None and b is not None
        a.alasan = "pertama"
        sesi_a.commit()
        b.alasan = "kedua"
        with pytest.raises(StaleDataError):
            sesi_b.commit()
    finally:
        sesi_a.close()
        sesi_b.close()
    with db_demo.baca() as sesi:
        simpan = sesi.get(Target, target_id)
        assert simpan is not None
        assert simpan.alasan == "pertama"
        assert simpan.versi == 2


@pytest.mark.parametrize("triwulan", [5, -1])
def test_triwulan_di_luar_1_sampai_4_ditolak_oleh_database(
    db_demo: Database, triwulan: int
) -> None:
    ind = _indikator(db_demo, "IKU.2")
    with pytest.raises(IntegrityError), db_demo.transaksi() as sesi:
        sesi.add(
            Target(indikator_id=ind.id, tahun=2020, triwulan=triwulan, dokumen=DokumenTarget.RENJA)
        )


def test_rentang_terbalik_ditolak_oleh_database(db_demo: Database) -> None:
    ind = _indikator(db_demo, "IKT.1")
    with pytest.raises(IntegrityError), db_demo.transaksi() as sesi:
        sesi.add(
            Target(
                indikator_id=ind.id,
                tahun=2021,
                triwulan=0,
                dokumen=DokumenTarget.RENSTRA,
                nilai=97,
                nilai_maks=95,
            )
        )
