"""`sakip export`: every table by name, both formats, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sakip_desktop.cli.main import main
from sakip_desktop.services.tabel import DAFTAR_TABEL
from sakip_desktop.storage import Database


def test_daftar_tabel(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--list"]) == 0
    keluaran = capsys.readouterr().out
    for nama in DAFTAR_TABEL:
        assert nama in keluaran
    assert "Monitoring IKU" in keluaran


def test_ekspor_pdf_dan_xlsx(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "mi.pdf"
    assert (
        main(
            [
                "--database",
                db_demo.url,
                "export",
                "monitoring-iku",
                "--year",
                "2020",
                "--triwulan",
                "1",
                "--format",
                "pdf",
                "--out",
                str(pdf),
            ]
        )
        == 0
    )
    assert "19,61%" in PdfReader(str(pdf)).pages[0].extract_text()
    xlsx = tmp_path / "alokasi.xlsx"  # format from the suffix
    assert (
        main(
            [
                "--database",
                db_demo.url,
                "export",
                "alokasi-anggaran",
                "--year",
                "2020",
                "--triwulan",
                "I",
                "--out",
                str(xlsx),
            ]
        )
        == 0
    )
    assert "ditulis ke" in capsys.readouterr().out
    ws = load_workbook(xlsx).active
    assert 3080400000 in [c.value for row in ws.iter_rows() for c in row]


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (
            ["export", "risiko", "--year", "2020", "--triwulan", "1", "--out", "x.pdf"],
            "disusun per tahun",
        ),
        (["export", "tidak-ada", "--year", "2020", "--out", "x.pdf"], "tidak dikenal"),
        (["export", "renja", "--year", "2020", "--out", "x.txt"], "Format tidak diketahui"),
        (["export", "renja", "--year", "2030", "--out", "x.pdf"], "tidak termasuk periode"),
        (["export", "renja", "--out", "x.pdf"], "--year"),
    ],
)
def test_penolakan_jelas(
    argumen: list[str],
    pesan: str,
    db_demo: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--database", db_demo.url, *argumen]) == 1
    assert pesan in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
