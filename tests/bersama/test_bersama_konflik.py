"""Two sessions (two PCs) saving the same record: the second is refused with who, when and
both values, never silently overwritten. Runs on the test database (PostgreSQL in CI)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.errors import KonflikVersi
from sakip_desktop.kalkulasi import NilaiTarget
from sakip_desktop.model import Indikator, Target
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.target import simpan_target
from sakip_desktop.storage import Database

RINA = Pelaku("rina", Peran.PERENCANA)
DEDI = Pelaku("dedi", Peran.PERENCANA)
D = __import__("decimal").Decimal


def _target_renja(db: Database, kode: str = "IKK.01") -> tuple:
    with db.baca() as sesi:
        t = sesi.scalars(
            select(Target)
            .join(Indikator)
            .where(
                Indikator.kode == kode, Target.tahun == 2020, Target.dokumen == DokumenTarget.RENJA
            )
        ).one()
        return t.id, t.indikator_id, t.versi, t.nilai


def _simpan(db: Database, pelaku: Pelaku, ind_id, nilai: str, versi: dict) -> None:
    with db.transaksi(pelaku, versi_dimuat=versi) as sesi:
        simpan_target(sesi, pelaku, ind_id, 2020, 0, DokumenTarget.RENJA, NilaiTarget(D(nilai)))


def test_simpanan_kedua_ditolak_dengan_siapa_kapan_dan_kedua_nilai(db_demo: Database):
    # Two PCs: two engines on the same database.
    with Database(db_demo.url) as pc_dedi:
        tid, ind_id, versi, lama = _target_renja(db_demo)
        assert lama == D("15")
        # Both open the form (version `versi`); Rina saves first.
        _simpan(db_demo, RINA, ind_id, "18", {tid: versi})
        with pytest.raises(KonflikVersi) as info:
            _simpan(pc_dedi, DEDI, ind_id, "20", {tid: versi})
    k = info.value
    assert k.terperinci and k.tabel == "target" and k.rekaman_id == tid
    assert k.oleh == "rina" and k.pada is not None
    assert k.nilai_mereka == {"nilai": "18"} and k.nilai_saya == {"nilai": "20"}
    assert k.versi_sekarang == versi + 1
    assert "rina" in k.pesan
    assert _target_renja(db_demo)[3] == D("18")  # Rina's value stands


def test_perubahan_di_antara_baca_dan_tulis_juga_ditolak(db_demo: Database):
    """Another PC commits between this transaction's read and its UPDATE (version column)."""
    tid, ind_id, versi, _ = _target_renja(db_demo)
    with (
        Database(db_demo.url) as pc_rina,
        pytest.raises(KonflikVersi) as info,
        db_demo.transaksi(DEDI) as sesi,
    ):
        t = sesi.get(Target, tid)
        assert t is not None and t.versi == versi
        _simpan(pc_rina, RINA, ind_id, "18", {})
        t.nilai = D("20")
    k = info.value
    assert (k.oleh, k.nilai_mereka, k.nilai_saya) == ("rina", {"nilai": "18"}, {"nilai": "20"})
    assert _target_renja(db_demo)[3] == D("18")


def test_versi_sama_tersimpan_biasa(db_demo: Database):
    tid, ind_id, versi, _ = _target_renja(db_demo)
    _simpan(db_demo, RINA, ind_id, "16", {tid: versi})
    _simpan(db_demo, RINA, ind_id, "17", {tid: versi + 1})
    assert _target_renja(db_demo)[2:] == (versi + 2, D("17"))
