"""The `sakip` command line: the foundation's contract, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sakip_desktop.cli.main import main
from sakip_desktop.storage import Database

DI_SERVER = bool(os.environ.get("SAKIP_TEST_DATABASE_URL"))


def jalankan(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "sakip_desktop.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_demo_lalu_capaian_2019(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_url, "demo"]) == 0
    assert "Data demo Disnaker Kabupaten Lamongan dimuat" in capsys.readouterr().out
    assert main(["--database", db_url, "capaian", "--year", "2019"]) == 0
    keluaran = capsys.readouterr().out
    for angka in ("220,49%", "100,83%", "103,21%", "100,00%", "2,69%", "1,22%"):
        assert angka in keluaran


def test_capaian_json_triwulan(db_demo: Database, capsys: pytest.CaptureFixture[str]) -> None:
    kode = main(
        ["--database", db_demo.url, "capaian", "--year", "2020", "--triwulan", "1", "--json"]
    )
    assert kode == 0
    data = {o["kode"]: o for o in json.loads(capsys.readouterr().out)}
    for kunci in (
        "kode",
        "sasaran",
        "indikator",
        "satuan",
        "target",
        "realisasi",
        "capaian",
        "target_tahunan",
        "capaian_tahunan",
    ):
        assert kunci in data["IKU.2"]
    assert data["IKU.2"]["capaian_tahunan"] == "19.61"
    assert data["IKU.4"]["capaian_tahunan"] == "20.83"
    assert data["IKU.2"]["target_tahunan"] == "5.15"
    assert data["IKU.1"]["realisasi"] is None
    assert data["IKU.1"]["capaian"] is None


def test_pohon_teks_berindentasi(db_demo: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_demo.url, "pohon", "--year", "2020"]) == 0
    baris = capsys.readouterr().out.splitlines()
    visi = next(i for i, b in enumerate(baris) if b.startswith("Visi:"))
    sasaran = next(i for i, b in enumerate(baris) if "Meningkatnya Penempatan Kerja" in b)
    assert sasaran > visi
    teks = "\n".join(baris)
    assert "IKU.1" in teks and "1,28%" in teks


def test_backup_menulis_salinan(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tujuan = tmp_path / "cadangan.sqlite3"
    assert main(["--database", db_demo.url, "backup", "--out", str(tujuan)]) == 0
    assert tujuan.stat().st_size > 10_000
    assert main(["--database", str(tujuan), "capaian", "--year", "2019"]) == 0
    assert "220,49%" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["capaian", "--year", "duaribu"], "tahun harus angka"),
        (["capaian", "--year", "2030"], "Tahun 2030 tidak termasuk periode Renstra"),
        (["capaian", "--year", "2020", "--triwulan", "5"], "triwulan harus 1, 2, 3 atau 4"),
        (["capaian"], "argumen wajib belum diisi"),
    ],
)
def test_kesalahan_pengguna_satu_baris_tanpa_traceback(
    db_demo: Database, args: list[str], pesan: str
) -> None:
    hasil = jalankan("--database", db_demo.url, *args)
    assert hasil.returncode != 0
    assert pesan in hasil.stderr
    assert "Traceback" not in hasil.stderr


@pytest.mark.skipif(DI_SERVER, reason="berkas SQLite")
def test_database_rusak_dan_berkas_hilang(tmp_path: Path) -> None:
    rusak = tmp_path / "rusak.sqlite3"
    rusak.write_bytes(os.urandom(4096))
    hasil = jalankan("--database", str(rusak), "capaian", "--year", "2020")
    assert hasil.returncode == 1
    assert "rusak atau bukan basis data SAKIP" in hasil.stderr
    assert "Traceback" not in hasil.stderr
    hasil = jalankan("--database", str(tmp_path / "tidak-ada.sqlite3"), "capaian", "--year", "2020")
    assert hasil.returncode == 1
    assert "Berkas basis data tidak ada" in hasil.stderr
    assert not (tmp_path / "tidak-ada.sqlite3").exists()
