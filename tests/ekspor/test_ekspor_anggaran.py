"""The budget per sasaran and IKU (services/anggaran.py) and `sakip anggaran`."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from sakip_desktop.cli.main import main
from sakip_desktop.errors import InputTidakSah
from sakip_desktop.services.anggaran import LayananAnggaran
from sakip_desktop.storage import Database


def test_alokasi_tw1_2020_sesuai_sumber(db_demo: Database) -> None:
    r = LayananAnggaran(db_demo).ringkasan(2020, 1)
    per_iku = {b.indikator_kode: b for b in r.baris}
    assert [b.indikator_kode for b in r.baris] == ["IKU.1", "IKU.2", "IKU.3", "IKU.4"]
    assert [per_iku[k].pagu for k in per_iku] == [
        Decimal(3080400000),
        Decimal(50000000),
        Decimal(195000000),
        Decimal(150000000),
    ]
    assert [per_iku[k].porsi for k in per_iku] == [
        Decimal("88.63"),
        Decimal("1.44"),
        Decimal("5.61"),
        Decimal("4.32"),
    ]
    assert [per_iku[k].realisasi for k in per_iku] == [
        Decimal(316057144),
        Decimal(13900000),
        Decimal(24694000),
        None,
    ]
    assert [per_iku[k].serapan for k in per_iku] == [
        Decimal("10.26"),
        Decimal("27.80"),
        Decimal("12.66"),
        None,
    ]
    assert r.total_pagu == Decimal(3475400000)
    # the Sekretariat's programs are apart, not in the shares
    assert {p.uraian for p in r.penunjang} == {
        "Pelayanan Administrasi Perkantoran",
        "Peningkatan Sarana dan Prasarana Aparatur",
    }


def test_pagu_setahun_setelah_refocusing(db_demo: Database) -> None:
    r = LayananAnggaran(db_demo).ringkasan(2020)
    pagu = {b.indikator_kode: b.pagu for b in r.baris}
    assert pagu["IKU.1"] == Decimal(3080400000 - 100000000 - 283563300 - 49400000)
    assert pagu["IKU.3"] == Decimal(145000000)
    assert r.per_tanggal.isoformat() == "2020-12-31"


def test_refocusing_jumlah_593_7_juta(db_demo: Database) -> None:
    revisi = LayananAnggaran(db_demo).revisi(2020)
    assert len(revisi) == 6
    assert sum(-r.selisih for r in revisi) == Decimal(593700000)
    pmi = next(r for r in revisi if "PMI" in r.kegiatan)
    assert (pmi.pagu_semula, pmi.pagu_menjadi) == (Decimal(286000000), Decimal(186000000))


def test_triwulan_tidak_sah(db_demo: Database) -> None:
    with pytest.raises(InputTidakSah, match="Triwulan harus 1–4"):
        LayananAnggaran(db_demo).ringkasan(2020, 5)


def test_cli_anggaran_json(db_demo: Database, capsys: pytest.CaptureFixture[str]) -> None:
    kode = main(
        ["--database", db_demo.url, "anggaran", "--year", "2020", "--triwulan", "1", "--json"]
    )
    assert kode == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pagu_per_tanggal"] == "2020-03-31"
    baris = [
        (a["indikator_kode"], a["pagu"], a["porsi"], a["realisasi"], a["serapan"])
        for a in data["alokasi"]
    ]
    assert baris == [
        ("IKU.1", "3080400000", "88.63", "316057144", "10.26"),
        ("IKU.2", "50000000", "1.44", "13900000", "27.80"),
        ("IKU.3", "195000000", "5.61", "24694000", "12.66"),
        ("IKU.4", "150000000", "4.32", None, None),
    ]
    sasaran = {s["kode"]: s for s in data["sasaran"]}
    assert sasaran["S.2"]["pagu"] == "245000000" and sasaran["S.2"]["porsi"] == "7.05"
    assert data["jumlah"] == {"pagu": "3475400000", "realisasi": "354651144", "serapan": "10.20"}


def test_cli_anggaran_teks(db_demo: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_demo.url, "anggaran", "--year", "2020", "--triwulan", "1"]) == 0
    keluaran = capsys.readouterr().out
    for teks in ("Rp 3.080.400.000", "88,63%", "10,26%", "27,80%", "12,66%", "Penunjang"):
        assert teks in keluaran


def _hapus_tautan(db: Database, kode_node: list[str]) -> None:
    from sqlalchemy import select

    from sakip_desktop.model import NodeKinerja, TautanCascading
    from sakip_desktop.services.pelaku import SISTEM

    with db.transaksi(SISTEM, alasan="uji alokasi") as sesi:
        ids = sesi.scalars(select(NodeKinerja.id).where(NodeKinerja.kode.in_(kode_node))).all()
        for t in sesi.scalars(
            select(TautanCascading).where(TautanCascading.node_bawah_id.in_(ids))
        ):
            sesi.delete(t)


def test_alokasi_mengikuti_tautan_terdekat_lalu_sasaran(db_demo: Database) -> None:
    # without its own link, the PP/PKB kegiatan follows its program's link to IKU.3
    _hapus_tautan(db_demo, ["2.07.05.2.04"])
    pagu = {b.indikator_kode: b.pagu for b in LayananAnggaran(db_demo).ringkasan(2020, 1).baris}
    assert pagu["IKU.3"] == Decimal(195000000)
    # with no link at all it reaches sasaran 2, which has two indicators: reported unlinked
    _hapus_tautan(db_demo, ["2.07.05", "2.07.05.2.04"])
    r = LayananAnggaran(db_demo).ringkasan(2020, 1)
    pagu = {b.indikator_kode: b.pagu for b in r.baris}
    assert pagu["IKU.3"] == Decimal(135000000)
    tanpa = [b for b in r.baris if b.indikator_id is None]
    assert len(tanpa) == 1 and tanpa[0].sasaran_kode == "S.2"
    assert tanpa[0].pagu == Decimal(60000000)
    assert r.total_pagu == Decimal(3475400000)  # nothing lost
