"""`sakip demo`: the whole Disnaker Lamongan SAKIP, loaded safely."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sakip_desktop.domain import Eselon, JenisNode, JenisUnit
from sakip_desktop.errors import InputTidakSah, KesalahanPengguna
from sakip_desktop.model import (
    Anggaran,
    Indikator,
    Jabatan,
    NodeKinerja,
    Opd,
    RevisiAnggaran,
    Risiko,
    UnitKerja,
)
from sakip_desktop.services.demo import muat_demo
from sakip_desktop.storage import Database
from sakip_desktop.sumber_daya import berkas_demo


def hitung(db: Database, model: type) -> int:
    with db.baca() as sesi:
        return sesi.scalar(select(func.count()).select_from(model)) or 0


def test_demo_memuat_organisasi_sumber(db_demo: Database) -> None:
    with db_demo.baca() as sesi:
        bidang = sesi.scalars(select(UnitKerja).where(UnitKerja.jenis == JenisUnit.BIDANG)).all()
        assert len(bidang) == 4
        for b in bidang:
            seksi = [u for u in b.anak if u.jenis == JenisUnit.SEKSI]
            assert len(seksi) == 3, b.nama
        kadis = sesi.scalars(select(Jabatan).where(Jabatan.eselon == Eselon.II)).one()
        assert kadis.atasan is not None and kadis.atasan.eselon == Eselon.KEPALA_DAERAH


def test_demo_memuat_iku_dan_target_renstra(db_demo: Database) -> None:
    with db_demo.baca() as sesi:
        iku = sesi.scalars(select(Indikator).where(Indikator.iku).order_by(Indikator.kode)).all()
        assert [i.kode for i in iku] == ["IKU.1", "IKU.2", "IKU.3", "IKU.4"]
        target = {
            t.tahun: t.nilai for t in iku[0].target if t.triwulan == 0 and t.dokumen == "renstra"
        }
        assert target == {
            2016: Decimal("0"),
            2017: Decimal("1.06"),
            2018: Decimal("1.12"),
            2019: Decimal("1.22"),
            2020: Decimal("1.28"),
            2021: Decimal("1.51"),
        }
        program = sesi.scalars(
            select(NodeKinerja).where(NodeKinerja.jenis == JenisNode.PROGRAM)
        ).all()
        assert len([p for p in program if p.parent is not None]) == 5


def test_demo_anggaran_dan_refocusing_2020(db_demo: Database) -> None:
    with db_demo.baca() as sesi:
        pemotongan = sesi.scalar(select(func.sum(RevisiAnggaran.selisih)))
        assert pemotongan == Decimal("-593700000")
        assert sesi.scalar(select(func.count()).select_from(Anggaran)) > 20
    assert hitung(db_demo, Risiko) == 11


def test_demo_menolak_database_berisi_tanpa_replace(db_demo: Database) -> None:
    sebelum = hitung(db_demo, NodeKinerja)
    with pytest.raises(KesalahanPengguna, match="--replace"):
        muat_demo(db_demo)
    assert hitung(db_demo, NodeKinerja) == sebelum


def test_demo_replace_mengganti_tanpa_menggandakan(db_demo: Database) -> None:
    sebelum = hitung(db_demo, NodeKinerja)
    muat_demo(db_demo, ganti=True)
    assert hitung(db_demo, NodeKinerja) == sebelum
    assert hitung(db_demo, Opd) == 1


def test_berkas_rusak_tidak_mengubah_apa_pun(db_demo: Database, tmp_path: Path) -> None:
    """A file with an error deep inside loads nothing, even with --replace."""
    teks = berkas_demo().read_text(encoding="utf-8")
    rusak = tmp_path / "rusak.yaml"
    rusak.write_text(teks.replace("kode: IKU.4", "kode: IKU.1", 1), encoding="utf-8")
    sebelum = hitung(db_demo, NodeKinerja)
    with pytest.raises(InputTidakSah, match=r"IKU\.1.*lebih dari sekali"):
        muat_demo(db_demo, ganti=True, berkas=rusak)
    assert hitung(db_demo, NodeKinerja) == sebelum


def test_yaml_tidak_sah_menyebut_baris(db: Database, tmp_path: Path) -> None:
    rusak = tmp_path / "rusak.yaml"
    rusak.write_text("format: sakip-data/1\npemda: [tidak ditutup\n", encoding="utf-8")
    with pytest.raises(KesalahanPengguna, match="baris 3"):
        muat_demo(db, berkas=rusak)
