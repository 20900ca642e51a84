"""Headless: `sakip risiko`, `sakip proses`, `sakip sop` and `sakip pohon --out`."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakip_desktop.cli.main import main
from sakip_desktop.storage import Database


def test_risiko_json_register_dan_matriks(
    db_demo: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_demo.url, "risiko", "--year", "2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["risiko"]) == 11
    assert data["risiko"][0]["pernyataan"] == "Tingkat Pengangguran Terbuka"
    assert data["risiko"][0]["skor"] == 12 and data["risiko"][0]["level_risiko"] == "Tinggi"
    sel = {(m["kemungkinan"], m["dampak"]): m["jumlah"] for m in data["matriks"]}
    assert sel == {(3, 4): 3, (3, 3): 4, (3, 2): 1, (2, 4): 2, (4, 2): 1}
    assert data["per_level"] == {"Rendah": 0, "Sedang": 8, "Tinggi": 3, "Sangat Tinggi": 0}


def test_risiko_teks_dan_daftar_proses_sop(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_demo.url, "risiko", "--year", "2020"]) == 0
    teks = capsys.readouterr().out
    assert "Register manajemen risiko tahun 2020: 11 risiko" in teks
    assert "Kurang Harmonisnya Iklim Ketenagakerjaan" in teks
    assert "Sedang (5–9) 8" in teks and "Tinggi (10–14) 3" in teks
    assert main(["--database", db_demo.url, "proses"]) == 0
    teks = capsys.readouterr().out
    assert "Proses Bisnis Inti" in teks
    assert "Peningkatan Pelatihan  → level 4 2.07.01.2.02" in teks
    peta = tmp_path / "proses.pdf"
    assert main(["--database", db_demo.url, "proses", "--out", str(peta)]) == 0
    assert "Peta proses bisnis inti ditulis" in capsys.readouterr().out
    assert "Peningkatan Pelatihan" in (PdfReader(peta).pages[0].extract_text() or "")
    assert main(["--database", db_demo.url, "sop", "--json"]) == 0
    sop = json.loads(capsys.readouterr().out)
    assert [s["judul"] for s in sop] == [
        "SOP Penerbitan AK-1",
        "SOP Pendaftaran Pelatihan Kerja",
        "SOP Penyelenggaraan Transmigrasi",
    ]


def test_pohon_ke_pdf_a3(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tujuan = tmp_path / "pohon.pdf"
    assert main(["--database", db_demo.url, "pohon", "--year", "2020", "--out", str(tujuan)]) == 0
    assert "1 halaman A3 landscape" in capsys.readouterr().out
    pembaca = PdfReader(tujuan)
    assert len(pembaca.pages) == 1
    teks = " ".join((pembaca.pages[0].extract_text() or "").split())
    for pernyataan in (
        "Terwujudnya Lamongan Lebih Sejahtera dan Berdaya Saing",
        "Meningkatnya Penempatan Kerja",
        "Transmigrasi Regional",
        "Membantu administrasi Kelompok Masyarakat yang Mendapat Pembinaan",
    ):
        assert pernyataan in teks


def test_pohon_dari_kode_dan_galat(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tujuan = tmp_path / "s2.pdf"
    args = ["--database", db_demo.url, "pohon", "--year", "2020", "--dari", "S.2"]
    assert main([*args, "--out", str(tujuan)]) == 0
    teks = " ".join((PdfReader(tujuan).pages[0].extract_text() or "").split())
    assert "Meningkatnya Perlindungan Pekerja" in teks
    assert "Meningkatnya Penempatan Kerja" not in teks
    capsys.readouterr()
    assert main(args) == 0  # text output of the subtree when --out is absent
    keluaran = capsys.readouterr().out
    assert "Sasaran [S.2]: Meningkatnya Perlindungan Pekerja" in keluaran
    assert "Transmigrasi Regional" not in keluaran
    assert main([*args[:-1], "X.9", "--out", str(tujuan)]) == 1
    assert "Kode node 'X.9' tidak ada" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "pohon.svg")]) == 1
    assert "pakai .pdf atau .png" in capsys.readouterr().err


def ukuran_png(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_pohon_ke_png_tanpa_layar(db_demo: Database, tmp_path: Path) -> None:
    """A fresh process with no display and no QT_QPA_PLATFORM: Qt goes offscreen itself."""
    tujuan = tmp_path / "pohon.png"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    env["PYTHONWARNINGS"] = "ignore"
    hasil = subprocess.run(
        [
            sys.executable,
            "-m",
            "sakip_desktop.cli.main",
            "--database",
            db_demo.url,
            "pohon",
            "--year",
            "2020",
            "--out",
            str(tujuan),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert hasil.returncode == 0, hasil.stderr
    lebar, tinggi = ukuran_png(tujuan)
    assert f"{lebar} × {tinggi} piksel" in hasil.stdout
    assert lebar > 2000 and 1.2 < lebar / tinggi < 1.8  # 150 dpi of a landscape drawing
