"""`sakip pk`, `sakip iku`, `sakip iki` (the contract), and the IKU/IKI documents."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sakip_desktop.cli.main import main
from sakip_desktop.storage import Database

BacaPdf = Callable[[Path], list[str]]


def sakip(db: Database, *args: str) -> int:
    return main(["--database", db.url, *args])


def test_cli_pk_satu_jabatan(
    db_demo: Database, baca_pdf: BacaPdf, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kadis.pdf"
    assert (
        sakip(db_demo, "pk", "--year", "2020", "--jabatan", "Kepala Dinas", "--out", str(out)) == 0
    )
    assert f"PK ditulis: {out}" in capsys.readouterr().out
    pernyataan, lampiran = baca_pdf(out)
    assert "PERJANJIAN KINERJA TAHUN 2020" in pernyataan
    assert "1,28%" in lampiran and "JUMLAH 3.875.400.000" in lampiran


def test_cli_pk_semua_folder_dan_gabung(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pk-2020"
    assert sakip(db_demo, "pk", "--year", "2020", "--all", "--out", str(folder)) == 0
    keluaran = capsys.readouterr()
    assert "33 dari 33 PK tahun 2020 dicetak." in keluaran.out
    assert "[33/33]" in keluaran.err
    assert len(list(folder.glob("PK-2020-*.pdf"))) == 33
    gabung = tmp_path / "semua.pdf"
    kode = sakip(
        db_demo, "pk", "--year", "2020", "--all", "--gabung", "--kertas", "F4",
        "--bidang", "HI", "--out", str(gabung),
    )  # fmt: skip
    assert kode == 0 and gabung.is_file()
    assert "7 dari 7 PK" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--jabatan", "Kepala Seksi", "--out", "x.pdf"], "cocok dengan beberapa jabatan"),
        (["--jabatan", "Juru Masak", "--out", "x.pdf"], "tidak ada di Dinas Tenaga Kerja"),
        (["--all", "--out", "semua.pdf"], "tambahkan --gabung"),
        (["--year", "2030", "--jabatan", "Kepala Dinas", "--out", "x.pdf"], "periode Renstra"),
    ],
)
def test_cli_pk_kesalahan_satu_baris(
    db_demo: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argumen: list[str],
    pesan: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    tahun = [] if "--year" in argumen else ["--year", "2020"]
    assert sakip(db_demo, "pk", *tahun, *argumen) == 1
    err = capsys.readouterr().err
    assert err.startswith("Kesalahan:") and pesan in err
    assert list(tmp_path.glob("*.pdf")) == []


def test_cli_iku_pdf_dan_xlsx(db_demo: Database, baca_pdf: BacaPdf, tmp_path: Path) -> None:
    pdf = tmp_path / "iku.pdf"
    assert sakip(db_demo, "iku", "--year", "2020", "--format", "pdf", "--out", str(pdf)) == 0
    teks = " ".join(baca_pdf(pdf))
    assert "INDIKATOR KINERJA UTAMA (IKU) TAHUN 2020" in teks
    assert "Formula / Penjelasan" in teks and "Penanggung Jawab" in teks
    assert "(Jumlah Tenaga Kerja yang ditempatkan Tahun N - Tahun N-1) / Tahun N-1 x 100" in teks
    for target in ("1,28%", "5,15%", "100%", "2,40%"):
        assert target in teks
    assert "Drs. Bambang Sutrisno, M.M." in teks

    xlsx = tmp_path / "iku.xlsx"
    assert sakip(db_demo, "iku", "--year", "2020", "--format", "xlsx", "--out", str(xlsx)) == 0
    ws = load_workbook(xlsx).active
    assert ws.freeze_panes == "A5"
    kepala = [c.value for c in ws[4]]
    assert kepala[:4] == ["No", "Sasaran Strategis", "Kode", "Indikator"]
    assert "Penanggung Jawab" in kepala
    baris = {r[2]: r for r in ws.iter_rows(min_row=5, values_only=True)}
    assert list(baris) == ["IKU.1", "IKU.2", "IKU.3", "IKU.4"]
    kolom = kepala.index("Target 2020")
    assert Decimal(str(baris["IKU.1"][kolom])) == Decimal("0.0128")
    assert ws.cell(row=5, column=kolom + 1).number_format == "0.00%"
    assert baris["IKU.4"][-1] == "Kepala Dinas Tenaga Kerja"


def test_cli_iki_staf_pdf_dan_xlsx(db_demo: Database, baca_pdf: BacaPdf, tmp_path: Path) -> None:
    staf = "Staf Seksi Penempatan Tenaga Kerja"
    pdf = tmp_path / "iki.pdf"
    kode = sakip(db_demo, "iki", "--year", "2020", "--jabatan", staf, "--format", "pdf",
                 "--out", str(pdf))  # fmt: skip
    assert kode == 0
    teks = " ".join(baca_pdf(pdf))
    assert "INDIKATOR KINERJA INDIVIDU (IKI) TAHUN 2020" in teks
    assert "Lutfi Hakim, S.E." in teks and "19900326 201503 1 005" in teks
    assert "Atasan Langsung : Kepala Seksi Penempatan Tenaga Kerja" in teks
    assert "Jumlah laporan monitoring TKA yang disusun — laporan 8" in teks

    xlsx = tmp_path / "iki.xlsx"
    kode = sakip(db_demo, "iki", "--year", "2020", "--jabatan", staf, "--format", "xlsx",
                 "--out", str(xlsx))  # fmt: skip
    assert kode == 0
    ws = load_workbook(xlsx).active
    assert "Lutfi Hakim, S.E." in ws["A3"].value
    data = [r for r in ws.iter_rows(min_row=6, values_only=True) if r[0]]
    assert [(r[3], r[6]) for r in data] == [
        ("Jumlah laporan monitoring TKA yang disusun", 8),
        ("Jumlah calon peserta sosialisasi TKA yang didata", 30),
    ]
