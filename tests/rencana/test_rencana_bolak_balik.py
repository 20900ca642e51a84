"""Round trips: T-C.27 import → export → import, and data file write → load → write."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import select

from sakip_desktop.domain import DokumenTarget, Peran
from sakip_desktop.model import Indikator, Target
from sakip_desktop.services.konteks import pilih_opd
from sakip_desktop.services.muat_data import muat_data
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.services.tc27 import (
    PerluKonfirmasi,
    ekspor_tc27,
    impor_rencana,
    pratinjau_impor,
)
from sakip_desktop.services.tulis_data import ekspor_data, tulis_data
from sakip_desktop.storage import Database
from sakip_desktop.storage.migrasi import tingkatkan

PERENCANA = Pelaku("rina", Peran.PERENCANA)


def _isi_lembar(path: Path) -> list[tuple[object, ...]]:
    wb = load_workbook(path)
    try:
        return [tuple(c.value for c in row) for row in wb.active.iter_rows()]
    finally:
        wb.close()


def test_tc27_impor_ekspor_impor_stabil(db, tc27, tmp_path: Path, potret_opd, hitung) -> None:
    impor_rencana(
        db,
        PERENCANA,
        tc27(tmp_path / "asal.xlsx"),
        opd="Dinas Kesehatan",
        singkatan="Dinkes",
        pemda="Kabupaten Lamongan",
    )
    ekspor1 = ekspor_tc27(db, tmp_path / "ekspor1.xlsx", opd="Dinkes")
    # the export read back into the same agency: nothing differs
    sebelum = hitung(db)
    prat = pratinjau_impor(db, ekspor1, opd="Dinkes")
    assert prat.masalah == [] and prat.tanpa_perubahan, prat.teks()
    assert not impor_rencana(db, PERENCANA, ekspor1, opd="Dinkes").berubah
    assert hitung(db) == sebelum
    # …and into a new agency: the same plan
    impor_rencana(db, PERENCANA, ekspor1, opd="Dinas Kesehatan Salinan", singkatan="Salinan")
    assert potret_opd(db, "Salinan") == potret_opd(db, "Dinkes")
    ekspor2 = ekspor_tc27(db, tmp_path / "ekspor2.xlsx", opd="Salinan")
    isi1, isi2 = _isi_lembar(ekspor1), _isi_lembar(ekspor2)
    assert isi1[3:] == isi2[3:]  # everything but the title naming the agency
    assert "Tahun-1 (2017)" in isi1[5] and "1,28%" in {v for r in isi1 for v in r}


def test_ekspor_tc27_memakai_tata_standar(db, tc27, tmp_path: Path) -> None:
    impor_rencana(
        db,
        PERENCANA,
        tc27(tmp_path / "asal.xlsx"),
        opd="Dinas Kesehatan",
        singkatan="Dinkes",
        pemda="Kabupaten Lamongan",
    )
    path = ekspor_tc27(db, tmp_path / "t.xlsx", opd="Dinkes")
    wb = load_workbook(path)
    ws = wb.active
    assert ws["A5"].value == "Tujuan" and ws["D5"].value == "Program dan Kegiatan"
    assert ws["G5"].value == "Target Kinerja Program dan Kerangka Pendanaan"
    assert ws["G6"].value == "Tahun-1 (2017)" and (ws["G7"].value, ws["H7"].value) == (
        "Target",
        "Rp",
    )
    gabungan = {str(g) for g in ws.merged_cells.ranges}
    assert {"A5:A7", "G5:P5", "G6:H6", "Q5:R6"} <= gabungan
    baris = {ws.cell(r, 3).value: r for r in range(9, ws.max_row + 1) if ws.cell(r, 3).value}
    r = baris["1.02.02.2.02"]
    assert ws.cell(r, 7).value == "1.100 orang" and ws.cell(r, 8).value == 1341400000
    assert ws.cell(r, 17).value == "1.300 orang" and ws.cell(r, 18).value == 7241400000
    wb.close()


def test_data_tulis_muat_tulis_identik(db_demo, tmp_path: Path, db_url: str) -> None:
    with db_demo.baca() as sesi:
        teks1 = tulis_data(sesi, pilih_opd(sesi, "Disnaker"))
    kosong = Database(f"sqlite:///{tmp_path / 'kosong.sqlite3'}")
    try:
        tingkatkan(kosong)
        with kosong.transaksi(None, audit="ringkas") as sesi:
            muat_data(sesi, yaml.safe_load(teks1))
        with kosong.baca() as sesi:
            teks2 = tulis_data(sesi, pilih_opd(sesi, "Disnaker"))
    finally:
        kosong.tutup()
    assert teks1 == teks2
    data = yaml.safe_load(teks1)
    iku1 = data["opd"]["renstra"]["pohon"][0]["anak"][0]["indikator"][0]
    assert iku1["kode"] == "IKU.1" and iku1["target"]["renstra"][2020] == 1.28
    assert iku1["realisasi"][2019][4]["komponen"] == [10269, 10000]


def test_berkas_data_ke_opd_baru_dan_kembali(db, tc27, tmp_path: Path, potret_opd) -> None:
    impor_rencana(
        db,
        PERENCANA,
        tc27(tmp_path / "asal.xlsx"),
        opd="Dinas Kesehatan",
        singkatan="Dinkes",
        pemda="Kabupaten Lamongan",
    )
    data1 = ekspor_data(db, tmp_path / "dinkes.yaml", opd="Dinkes")
    prat = pratinjau_impor(db, data1, opd="Dinas Kesehatan Dua")
    assert prat.opd_baru and prat.jumlah_data["indikator"] == 11 and prat.bisa_diimpor
    impor_rencana(db, PERENCANA, data1, opd="Dinas Kesehatan Dua", singkatan="Dinkes2")
    assert potret_opd(db, "Dinkes2") == potret_opd(db, "Dinkes")
    data2 = ekspor_data(db, tmp_path / "dinkes2.yaml", opd="Dinkes2")
    isi1, isi2 = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data1, data2))
    for isi in (isi1, isi2):
        del isi["opd"]["nama"], isi["opd"]["singkatan"]
    assert isi1 == isi2


def test_berkas_data_ke_opd_yang_ada_menunjukkan_beda(db_demo, tmp_path: Path, hitung) -> None:
    path = ekspor_data(db_demo, tmp_path / "disnaker.yaml", opd="Disnaker")
    prat = pratinjau_impor(db_demo, path, opd="Disnaker")
    assert prat.tanpa_perubahan and not prat.galat, prat.teks()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    iku1 = data["opd"]["renstra"]["pohon"][0]["anak"][0]["indikator"][0]
    iku1["target"]["renstra"][2021] = 1.75
    ubah = tmp_path / "disnaker-ubah.yaml"
    ubah.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    sebelum = hitung(db_demo)
    with pytest.raises(PerluKonfirmasi) as info:
        impor_rencana(db_demo, PERENCANA, ubah, opd="Disnaker")
    assert hitung(db_demo) == sebelum
    beda = [p for p in info.value.pratinjau.perubahan if p.aksi == "ubah"]
    assert len(beda) == 1 and beda[0].field == "target Renstra 2021"
    assert (beda[0].lama, beda[0].baru) == ("1,51%", "1,75%")
    impor_rencana(db_demo, PERENCANA, ubah, opd="Disnaker", konfirmasi=True)
    with db_demo.baca() as sesi:
        ind = sesi.scalars(select(Indikator).where(Indikator.kode == "IKU.1")).one()
        revisi = sesi.scalars(
            select(Target)
            .where(
                Target.indikator_id == ind.id,
                Target.tahun == 2021,
                Target.dokumen == DokumenTarget.RENSTRA,
            )
            .order_by(Target.perubahan_ke)
        ).all()
    assert [(t.perubahan_ke, t.nilai) for t in revisi] == [
        (0, Decimal("1.51")),
        (1, Decimal("1.75")),
    ]
    assert revisi[1].alasan == "Impor rencana dari disnaker-ubah.yaml"
    assert pratinjau_impor(db_demo, ubah, opd="Disnaker").tanpa_perubahan
