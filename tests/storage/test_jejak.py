"""The audit trail is written by the session in the same transaction as the change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.model import Indikator, JejakAudit, Target
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database

PERENCANA = Pelaku("rina", Peran.PERENCANA)


def _target_2020(sesi, kode: str) -> Target:  # type: ignore[no-untyped-def]
    return sesi.scalars(
        select(Target)
        .join(Indikator)
        .where(
            Indikator.kode == kode,
            Target.tahun == 2020,
            Target.triwulan == 0,
            Target.dokumen == DokumenTarget.PK,
        )
    ).one()


def test_ubah_target_mencatat_nilai_lama_dan_baru(db_demo: Database) -> None:
    with db_demo.transaksi(PERENCANA, alasan="Koreksi ketik") as sesi:
        t = _target_2020(sesi, "IKU.1")
        t.nilai = Decimal("1.30")
        target_id = t.id
    with db_demo.baca() as sesi:
        jejak = sesi.scalars(select(JejakAudit).where(JejakAudit.rekaman_id == target_id)).all()
        assert [
            (j.aksi, j.field, j.nilai_lama, j.nilai_baru, j.pengguna, j.alasan) for j in jejak
        ] == [("ubah", "nilai", "1.28", "1.3", "rina", "Koreksi ketik")]
        assert sesi.get(Target, target_id).diubah_oleh == "rina"  # type: ignore[union-attr]


def test_perubahan_yang_gagal_tidak_meninggalkan_jejak(db_demo: Database) -> None:
    with db_demo.baca() as sesi:
        sebelum = len(sesi.scalars(select(JejakAudit)).all())
    with pytest.raises(RuntimeError), db_demo.transaksi(PERENCANA) as sesi:
        _target_2020(sesi, "IKU.2").nilai = Decimal("9")
        sesi.flush()
        raise RuntimeError("gagal di tengah")
    with db_demo.baca() as sesi:
        assert len(sesi.scalars(select(JejakAudit)).all()) == sebelum
        assert _target_2020(sesi, "IKU.2").nilai == Decimal("5.15")
