"""`sakip rencana impor|ekspor`, and a second agency beside the demo without mixing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sakip_desktop.cli.main import main
from sakip_desktop.storage import Database

NAMA_DINKES = {
    "Usia Harapan Hidup",
    "Jumlah Kematian Ibu",
    "Persentase Balita Gizi Buruk",
    "Persentase Puskesmas Terakreditasi",
    "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
    "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Antenatal",
    "Jumlah Balita yang Ditimbang",
    "Jumlah Posyandu yang Aktif",
    "Predikat SAKIP Dinas",
    "Persentase Dokumen Perencanaan yang Tepat Waktu",
    "Jumlah Dokumen Perencanaan Perangkat Daerah",
}


def _capaian(url: str, opd: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    kode = main(["--database", url, "capaian", "--year", "2020", "--opd", opd, "--json", *extra])
    assert kode == 0
    return json.loads(capsys.readouterr().out)


def test_opd_kedua_di_samping_demo_tidak_bercampur(
    db_demo: Database, tc27, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db_demo.url
    disnaker_sebelum = _capaian(url, "Disnaker", capsys)
    berkas = tc27(tmp_path / "renstra-dinkes.xlsx")
    args = ["--database", url, "rencana", "impor", str(berkas)]
    assert main([*args, "--opd", "Dinas Kesehatan", "--singkatan", "Dinkes"]) == 0
    assert "diimpor ke Dinas Kesehatan" in capsys.readouterr().out

    disnaker = _capaian(url, "Disnaker", capsys)
    dinkes = _capaian(url, "Dinkes", capsys)
    assert disnaker == disnaker_sebelum
    assert not {b["indikator"] for b in disnaker} & NAMA_DINKES
    assert {b["indikator"] for b in dinkes} == NAMA_DINKES
    assert {b["kode"] for b in dinkes} & {"IKU.1", "IKU.2"} == set()
    gizi = next(b for b in dinkes if b["indikator"] == "Persentase Balita Gizi Buruk")
    assert gizi["target"] == {"min": "0.9", "maks": "1.1"} and gizi["realisasi"] is None
    tw = _capaian(url, "Disnaker", capsys, "--triwulan", "1")
    assert next(b for b in tw if b["kode"] == "IKU.2")["capaian_tahunan"] == "19.61"

    assert main(["--database", url, "pohon", "--year", "2020", "--opd", "Dinkes"]) == 0
    pohon = capsys.readouterr().out
    assert "Sub Kegiatan [1.02.02.2.02.0001]" in pohon and "Penempatan" not in pohon
    assert main(["--database", url, "pohon", "--year", "2020", "--opd", "Disnaker"]) == 0
    assert "Kesehatan" not in capsys.readouterr().out
    assert main(["--database", url, "capaian", "--year", "2020"]) == 1
    assert "beberapa OPD" in capsys.readouterr().err


def test_dry_run_konfirmasi_dan_ekspor(
    db: Database, tc27, baris_contoh, tmp_path: Path, capsys: pytest.CaptureFixture[str], hitung
) -> None:
    url = db.url
    berkas = tc27(tmp_path / "renstra.xlsx")
    dasar = ["--database", url, "rencana", "impor"]
    sebelum = hitung(db)
    assert main([*dasar, str(berkas), "--opd", "Dinas Kesehatan", "--dry-run"]) == 0
    keluaran = capsys.readouterr().out
    assert "Sub kegiatan: 2 (2 baru)" in keluaran and "tidak ada yang ditulis" in keluaran
    assert hitung(db) == sebelum
    assert main([*dasar, str(berkas), "--opd", "Dinas Kesehatan", "--singkatan", "Dinkes"]) == 0
    assert main([*dasar, str(berkas), "--opd", "Dinkes"]) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out

    baris = baris_contoh()
    baris[3]["target"][2021] = "95%"  # Puskesmas terakreditasi 2021: 100% → 95%
    ubah = tc27(tmp_path / "renstra-revisi.xlsx", baris)
    sebelum = hitung(db)
    assert main([*dasar, str(ubah), "--opd", "Dinkes"]) == 1
    keluaran = capsys.readouterr()
    assert "target Renstra 2021 100% → 95%" in keluaran.out
    assert "--ya" in keluaran.err
    assert hitung(db) == sebelum
    assert main([*dasar, str(ubah), "--opd", "Dinkes", "--ya"]) == 0
    assert "1 target" in capsys.readouterr().out

    xlsx = tmp_path / "keluar.xlsx"
    yml = tmp_path / "keluar.yaml"
    eks = ["--database", url, "rencana", "ekspor", "--opd", "Dinkes"]
    assert main([*eks, "--format", "xlsx", "--out", str(xlsx)]) == 0
    assert main([*eks, "--format", "yaml", "--out", str(yml)]) == 0
    assert "95%" in {str(c) for r in _sel(xlsx) for c in r}
    assert "format: sakip-data/1" in yml.read_text(encoding="utf-8")
    assert main([*eks, "--format", "yaml", "--out", str(tmp_path / "salah.xlsx")]) == 1


def _sel(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    try:
        return [tuple(c.value for c in row) for row in wb.active.iter_rows()]
    finally:
        wb.close()


def test_pemetaan_lewat_cli(
    db: Database, tc27, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sakip_desktop.services.tc27 import baca_pemetaan

    acak = tc27(tmp_path / "acak.xlsx", tata="acak")
    dasar = [
        "--database",
        db.url,
        "rencana",
        "impor",
        str(acak),
        "--opd",
        "Dinas Kesehatan",
        "--pemda",
        "Kabupaten Lamongan",
    ]
    assert main([*dasar, "--dry-run"]) == 1
    assert "pemetaan kolom diperlukan" in capsys.readouterr().out
    pemetaan = baca_pemetaan(db, acak)
    kolom = []
    for c, label in pemetaan.label.items():
        from sakip_desktop.services.tc27.lembar import huruf_kolom

        h = huruf_kolom(c)
        if label == "Rekening":
            kolom.append(f"{h}=kode")
        elif label == "Nomenklatur":
            kolom.append(f"{h}=uraian")
        elif label.endswith("Alokasi"):
            kolom.append(f"{h}=pagu:{label.split()[1]}")
    args = [a for k in kolom for a in ("--kolom", k)]
    assert main([*dasar, *args, "--simpan-pemetaan"]) == 0
    keluaran = capsys.readouterr().out
    assert "Pemetaan kolom disimpan" in keluaran and "diimpor ke Dinas Kesehatan" in keluaran
    lagi = tc27(tmp_path / "acak-2.xlsx", tata="acak")
    assert (
        main(
            [
                "--database",
                db.url,
                "rencana",
                "impor",
                str(lagi),
                "--opd",
                "Dinas Kesehatan",
                "--dry-run",
            ]
        )
        == 0
    )
    keluaran = capsys.readouterr().out
    assert "pemetaan kolom: tersimpan" in keluaran and "Tidak ada perubahan" in keluaran


@pytest.mark.slow
def test_berkas_xls(db: Database, tc27, tmp_path: Path, potret_opd) -> None:
    """An .xls (Excel 97–2003) file of the same sheet imports to the same plan."""
    pytest.importorskip("xlrd")
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice tidak terpasang (diperlukan untuk membuat berkas .xls uji)")
    xlsx = tc27(tmp_path / "renstra.xlsx")
    profil = tmp_path / "profil-lo"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profil}",
            "--headless",
            "--convert-to",
            "xls",
            "--outdir",
            str(tmp_path / "xls"),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    xls = tmp_path / "xls" / "renstra.xls"
    assert (
        main(
            [
                "--database",
                db.url,
                "rencana",
                "impor",
                str(xlsx),
                "--opd",
                "Dinas Kesehatan",
                "--singkatan",
                "A",
                "--pemda",
                "Kabupaten Lamongan",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "--database",
                db.url,
                "rencana",
                "impor",
                str(xls),
                "--opd",
                "Dinas Kesehatan XLS",
                "--singkatan",
                "B",
            ]
        )
        == 0
    )
    assert potret_opd(db, "B") == potret_opd(db, "A")
