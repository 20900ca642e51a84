"""Excel templates and import: round trip, idempotence, every bad file refused whole."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from sakip_desktop.cli.main import main
from sakip_desktop.model import Base, JejakAudit, Realisasi
from sakip_desktop.services import templat_excel as T
from sakip_desktop.services.impor_excel import (
    BARU,
    BERUBAH,
    TETAP,
    ImporGagal,
    angka_sel,
    impor_excel,
)
from sakip_desktop.services.pelaku import SISTEM
from sakip_desktop.services.templat_excel import LayananTemplat
from sakip_desktop.storage import Database

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def dump(db: Database) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, as text, in primary-key order."""
    hasil = {}
    with db.engine.connect() as conn:
        for tabel in Base.metadata.sorted_tables:
            baris = conn.execute(tabel.select().order_by(*tabel.primary_key.columns)).all()
            hasil[tabel.name] = [tuple(str(v) for v in b) for b in baris]
    return hasil


def templat(db: Database, path: Path, jenis: str, **kw: Any) -> Path:
    LayananTemplat(db).tulis(jenis, 2020, path, **kw)
    return path


def baris_kode(ws: Any, kode: str, dokumen: str | None = None) -> int:
    for r in range(T.BARIS_KEPALA + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == kode and (dokumen is None or ws.cell(r, 7).value == dokumen):
            return r
    raise AssertionError(f"{kode} tidak ada di templat")


def ubah(path: Path, tujuan: Path, isi: dict[tuple[str, str | None, int], Any]) -> Path:
    """Copy a template with cells changed: (kode, dokumen, column) → value."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for (kode, dok, kolom), nilai in isi.items():
        ws.cell(baris_kode(ws, kode, dok), kolom).value = nilai
    wb.save(tujuan)
    return tujuan


def realisasi(db: Database, kode: str, tw: int) -> Realisasi | None:
    from sakip_desktop.model import Indikator

    with db.baca() as sesi:
        return sesi.scalar(
            select(Realisasi)
            .join(Indikator)
            .where(Indikator.kode == kode, Realisasi.tahun == 2020, Realisasi.triwulan == tw)
        )


# --- templates --------------------------------------------------------------------------------


def test_templat_target_terkunci_dengan_pilihan_dokumen(db_demo: Database, tmp_path: Path) -> None:
    path = templat(db_demo, tmp_path / "t.xlsx", "target")
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Target", "Petunjuk"]
    assert wb["_sakip"].sheet_state == "veryHidden"
    ws = wb["Target"]
    assert ws.protection.sheet
    assert [ws.cell(T.BARIS_KEPALA, c).value for c in (1, 6, 7, 8)] == [
        "Kode Indikator",
        "Tahun",
        "Dokumen",
        "Target Tahun",
    ]
    r = baris_kode(ws, "IKU.2", "renja")
    assert ws.cell(r, 1).protection.locked and not ws.cell(r, 8).protection.locked
    assert [ws.cell(r, c).value for c in range(8, 13)] == [
        pytest.approx(5.15),
        pytest.approx(1.01),
        pytest.approx(2.02),
        pytest.approx(3.17),
        pytest.approx(5.15),
    ]
    pilihan = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert pilihan and '"renstra,renja,pk"' in pilihan[0].formula1
    assert any("Impor bersifat semua-atau-tidak" in str(c.value) for c in wb["Petunjuk"]["A"])


def test_templat_realisasi_per_bidang(db_demo: Database, tmp_path: Path) -> None:
    path = templat(db_demo, tmp_path / "r.xlsx", "realisasi", triwulan=1, bidang="HI")
    ws = load_workbook(path)["Realisasi"]
    kode = {ws.cell(r, 1).value for r in range(T.BARIS_KEPALA + 1, ws.max_row + 1)}
    assert "IKP.05" in kode and "IKK.28" in kode
    assert "IKU.1" not in kode and "IKP.01" not in kode
    r = baris_kode(ws, "IKP.05")
    assert (ws.cell(r, 11).value, ws.cell(r, 12).value) == (1, 4)  # the stored counts
    assert ws.cell(r, 13).value.startswith("=IF(")  # the computed percentage
    assert not ws.cell(r, 11).protection.locked and ws.cell(r, 10).protection.locked


# --- round trip and idempotence ----------------------------------------------------------------


def test_impor_templat_apa_adanya_tidak_mengubah_apa_pun(db_demo: Database, tmp_path: Path) -> None:
    for jenis, kw in (("target", {}), ("realisasi", {"triwulan": 1})):
        path = templat(db_demo, tmp_path / f"{jenis}.xlsx", jenis, **kw)
        sebelum = dump(db_demo)
        hasil = impor_excel(db_demo, SISTEM, path)
        assert hasil.diterapkan and hasil.jumlah(TETAP) > 0
        assert hasil.jumlah(BARU) == hasil.jumlah(BERUBAH) == 0
        assert dump(db_demo) == sebelum


def test_ekspor_ubah_impor_mengubah_tepat_sel_yang_diubah(
    db_demo: Database, tmp_path: Path
) -> None:
    asli = templat(db_demo, tmp_path / "r.xlsx", "realisasi", triwulan=2)
    isi = ubah(
        asli,
        tmp_path / "r2.xlsx",
        {
            ("IKU.2", None, 11): 10202,  # BPJS TW II: counts, as numbers
            ("IKU.2", None, 12): "10.000",  # … or as text with a thousands dot
            ("IKP.01", None, 10): "60",  # a count stored as text
            ("IKP.02", None, 10): 450,
            ("IKP.02", None, 14): "Laporan bursa kerja online",
        },
    )
    sebelum = dump(db_demo)
    pratinjau = impor_excel(db_demo, SISTEM, isi, dry_run=True)
    assert not pratinjau.diterapkan
    assert dump(db_demo) == sebelum  # a dry run keeps nothing
    berubah = {(p.kode, p.jenis, p.baru) for p in pratinjau.perubahan if p.jenis != TETAP}
    assert berubah == {
        ("IKU.2", BARU, "2,02%"),
        ("IKP.01", BARU, "60 orang"),
        ("IKP.02", BARU, "450 loker"),
    }

    hasil = impor_excel(db_demo, SISTEM, isi)
    assert hasil.diterapkan and hasil.jumlah(BARU) == 3
    r = realisasi(db_demo, "IKU.2", 2)
    assert r is not None and (r.komponen_a, r.komponen_b, r.nilai) == (
        Decimal(10202),
        Decimal(10000),
        Decimal("2.02"),
    )
    assert realisasi(db_demo, "IKP.02", 2).catatan == "Laporan bursa kerja online"
    sesudah = dump(db_demo)
    beda = {t for t in sesudah if sesudah[t] != sebelum[t]}
    assert beda == {"realisasi", "jejak_audit"}
    assert len(sesudah["realisasi"]) == len(sebelum["realisasi"]) + 3
    assert set(sebelum["realisasi"]) <= set(sesudah["realisasi"])  # no other row touched

    with db_demo.baca() as sesi:  # who imported what: the audit rows of the import
        jejak = sesi.scalars(select(JejakAudit).where(JejakAudit.tabel == "realisasi")).all()
        dari_impor = [j for j in jejak if j.alasan == "Impor Excel r2.xlsx"]
        assert dari_impor and {j.pengguna for j in dari_impor} == {SISTEM.username}

    lagi = impor_excel(db_demo, SISTEM, isi)  # the same file twice: nothing the second time
    assert lagi.jumlah(BARU) == lagi.jumlah(BERUBAH) == 0
    assert dump(db_demo) == sesudah


def test_target_diubah_dengan_koma_desimal(db_demo: Database, tmp_path: Path) -> None:
    asli = templat(db_demo, tmp_path / "t.xlsx", "target")
    isi = ubah(asli, tmp_path / "t2.xlsx", {("IKU.1", "renja", 12): "1,30"})
    sebelum = dump(db_demo)
    hasil = impor_excel(db_demo, SISTEM, isi)
    ubahan = [p for p in hasil.perubahan if p.jenis != TETAP]
    assert [(p.kode, p.apa, p.lama, p.baru) for p in ubahan] == [
        ("IKU.1", "Target renja TW IV 2020", "1,28%", "1,30%")
    ]
    sesudah = dump(db_demo)
    assert {t for t in sesudah if sesudah[t] != sebelum[t]} == {"target", "jejak_audit"}
    assert len(set(sesudah["target"]) - set(sebelum["target"])) == 1


# --- bad files: every error at once, nothing written -------------------------------------------


@pytest.mark.parametrize(
    ("jenis", "isi", "pesan"),
    [
        (
            "realisasi",
            {("IKP.01", None, 10): "empat puluh"},
            'kolom Nilai (J): "empat puluh" bukan angka',
        ),
        ("realisasi", {("IKP.01", None, 1): "IKX.99"}, "kode indikator 'IKX.99' tidak dikenal"),
        ("target", {("IKU.1", "renja", 6): 2030}, "tahun 2030 di luar periode Renstra"),
        ("target", {("IKU.1", "pk", 7): "renja"}, "baris ganda: IKU.1 dokumen renja"),
        ("target", {("IKU.1", "renja", 7): "rpjmd"}, "dokumen 'rpjmd' tidak dikenal"),
        ("realisasi", {("IKK.03", None, 10): -3}, "tidak boleh negatif"),
        # a verified quarter's entry cannot be changed by an import
        (
            "realisasi",
            {("IKU.2", None, 11): 10200},
            "kolom Komponen A (K): Realisasi IKU.2 TW I 2020 sudah diverifikasi",
        ),
    ],
)
def test_berkas_salah_ditolak_utuh(
    jenis: str,
    isi: dict[tuple[str, str | None, int], Any],
    pesan: str,
    db_demo: Database,
    tmp_path: Path,
) -> None:
    kw = {"triwulan": 1} if jenis == "realisasi" else {}
    asli = templat(db_demo, tmp_path / "a.xlsx", jenis, **kw)
    baik = {("IKP.02", None, 10): 250} if jenis == "realisasi" else {("IKU.2", "renja", 8): "5,20"}
    salah = ubah(asli, tmp_path / "b.xlsx", {**baik, **isi})
    sebelum = dump(db_demo)
    with pytest.raises(ImporGagal) as info:
        impor_excel(db_demo, SISTEM, salah)
    assert pesan in info.value.pesan
    assert "tidak ada data yang disimpan" in info.value.pesan
    assert dump(db_demo) == sebelum  # the good row beside it was not kept either


def test_baris_bidang_lain_ditolak(db_demo: Database, tmp_path: Path) -> None:
    asli = templat(db_demo, tmp_path / "pk.xlsx", "realisasi", triwulan=1, bidang="PK")
    wb = load_workbook(asli)
    ws = wb["Realisasi"]
    r = ws.max_row + 1
    for c, v in enumerate(["IKP.05", "x", "%", "", "", 2020, 1], start=1):
        ws.cell(r, c).value = v
    ws.cell(r, 11).value, ws.cell(r, 12).value = 2, 4
    wb.save(tmp_path / "pk2.xlsx")
    sebelum = dump(db_demo)
    with pytest.raises(
        ImporGagal, match=r"milik Bidang Hubungan Industrial .* bukan Bidang Pelatihan Kerja"
    ):
        impor_excel(db_demo, SISTEM, tmp_path / "pk2.xlsx")
    assert dump(db_demo) == sebelum


def test_semua_kesalahan_dilaporkan_sekaligus(db_demo: Database, tmp_path: Path) -> None:
    asli = templat(db_demo, tmp_path / "a.xlsx", "realisasi", triwulan=3)
    salah = ubah(
        asli,
        tmp_path / "b.xlsx",
        {
            ("IKP.01", None, 10): "banyak",
            ("IKP.02", None, 10): -1,
            ("IKK.01", None, 1): "ZZZ",
        },
    )
    with pytest.raises(ImporGagal) as info:
        impor_excel(db_demo, SISTEM, salah)
    k = info.value.kesalahan
    assert len(k) == 3
    assert all(x.lembar == "Realisasi" and x.baris is not None for x in k)
    assert {x.kolom for x in k} == {"Nilai", "Kode Indikator"}


def test_bukan_templat(db_demo: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "daftar belanja"
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(ImporGagal, match="bukan templat SAKIP"):
        impor_excel(db_demo, SISTEM, tmp_path / "lain.xlsx")
    (tmp_path / "catatan.txt").write_text("x")
    with pytest.raises(Exception, match="bukan buku kerja Excel"):
        impor_excel(db_demo, SISTEM, tmp_path / "catatan.txt")


# --- what spreadsheet programs write -----------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "fmt", "harapan"),
    [
        (1.28, "General", Decimal("1.28")),
        ("1,28", "", Decimal("1.28")),
        ("1.28", "", Decimal("1.28")),  # a machine decimal stored as text
        ("2.700", "", Decimal(2700)),  # a thousands group
        ("1.234.567,5", "", Decimal("1234567.5")),
        (0.0128, "0.00%", Decimal("1.28")),  # a percentage-formatted cell
        (" 48 ", "", Decimal(48)),
        ("—", "", None),
    ],
)
def test_angka_dari_sel(nilai: Any, fmt: str, harapan: Decimal | None) -> None:
    assert angka_sel(nilai, fmt) == harapan


def test_sel_gabungan_dan_baris_kosong(db_demo: Database, tmp_path: Path) -> None:
    asli = templat(db_demo, tmp_path / "a.xlsx", "realisasi", triwulan=2)
    wb = load_workbook(asli)
    ws = wb["Realisasi"]
    ws.protection.sheet = False
    ws.insert_rows(baris_kode(ws, "IKK.02"))  # an empty row in the middle
    r1, r2 = baris_kode(ws, "IKK.02"), baris_kode(ws, "IKK.03")
    assert r2 == r1 + 1 and ws.cell(r1 - 1, 1).value is None
    ws.cell(r1, 10).value = 50
    ws.cell(r2, 10).value = 60
    ws.cell(r1, 15).value = "Sesuai jadwal angkatan"
    ws.merge_cells(start_row=r1, start_column=15, end_row=r2, end_column=15)
    ws.cell(ws.max_row + 3, 14).value = " "  # blank rows at the end, one with a space
    wb.save(tmp_path / "b.xlsx")
    hasil = impor_excel(db_demo, SISTEM, tmp_path / "b.xlsx")
    assert hasil.jumlah(BARU) == 2
    assert realisasi(db_demo, "IKK.03", 2).keterangan == "Sesuai jadwal angkatan"


def _libreoffice(berkas: Path, ke: str, tmp_path: Path) -> Path:
    keluar = tmp_path / f"lo-{ke}"
    keluar.mkdir()
    profil = (tmp_path / "lo-profil").as_uri()
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={profil}",
            "--headless",
            "--convert-to",
            ke,
            "--outdir",
            str(keluar),
            str(berkas),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    hasil = keluar / f"{berkas.stem}.{ke}"
    assert hasil.exists(), f"LibreOffice tidak menulis {hasil.name}"
    return hasil


@pytest.mark.slow
@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice tidak terpasang (soffice tidak ada)")
@pytest.mark.parametrize("ke", ["xlsx", "xls"])
def test_berkas_simpanan_libreoffice_diimpor_sama(
    ke: str, db_demo: Database, tmp_path: Path
) -> None:
    asli = templat(db_demo, tmp_path / "r.xlsx", "realisasi", triwulan=2)
    isi = ubah(
        asli,
        tmp_path / "isi.xlsx",
        {
            ("IKU.4", None, 11): 10100,
            ("IKU.4", None, 12): 10000,
            ("IKP.03", None, 10): "700",
            ("IKP.03", None, 15): "Realisasi Sesuai Target",
        },
    )
    if ke == "xls" and pytest.importorskip("xlrd") is None:  # pragma: no cover
        return
    lo = _libreoffice(isi, ke, tmp_path)
    sebelum = dump(db_demo)
    dari_lo = impor_excel(db_demo, SISTEM, lo, dry_run=True)
    asli_pratinjau = impor_excel(db_demo, SISTEM, isi, dry_run=True)
    ringkas = sorted((p.kode, p.apa, p.baru, p.jenis) for p in dari_lo.perubahan)
    assert ringkas == sorted((p.kode, p.apa, p.baru, p.jenis) for p in asli_pratinjau.perubahan)
    assert dump(db_demo) == sebelum
    hasil = impor_excel(db_demo, SISTEM, lo)
    assert hasil.jumlah(BARU) == 2
    r = realisasi(db_demo, "IKU.4", 2)
    assert r is not None and r.nilai == Decimal("1.00")
    assert realisasi(db_demo, "IKP.03", 2).keterangan == "Realisasi Sesuai Target"


# --- command line ------------------------------------------------------------------------------


def test_cli_template_dan_import(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.xlsx"
    assert (
        main(
            [
                "--database",
                db_demo.url,
                "template",
                "realisasi",
                "--year",
                "2020",
                "--triwulan",
                "2",
                "--bidang",
                "ipk",
                "--out",
                str(path),
            ]
        )
        == 0
    )
    assert "ditulis ke" in capsys.readouterr().out
    isi = ubah(path, tmp_path / "t2.xlsx", {("IKP.02", None, 10): "1.250"})
    assert main(["--database", db_demo.url, "import", str(isi), "--dry-run"]) == 0
    keluaran = capsys.readouterr().out
    assert "1 baru, 0 berubah, 0 dihapus" in keluaran and "1.250 loker" in keluaran
    assert "Tidak ada yang disimpan" in keluaran
    assert realisasi(db_demo, "IKP.02", 2) is None
    assert main(["--database", db_demo.url, "import", str(isi)]) == 0
    assert realisasi(db_demo, "IKP.02", 2).nilai == Decimal(1250)

    salah = ubah(path, tmp_path / "t3.xlsx", {("IKP.02", None, 10): "x"})
    laporan = tmp_path / "laporan.txt"
    assert main(["--database", db_demo.url, "import", str(salah), "--laporan", str(laporan)]) == 1
    err = capsys.readouterr().err
    assert "baris" in err and "kolom Nilai (J)" in err
    assert "kolom Nilai (J)" in laporan.read_text(encoding="utf-8")


def test_cli_template_target_tanpa_triwulan(
    db_demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "--database",
                db_demo.url,
                "template",
                "target",
                "--year",
                "2020",
                "--triwulan",
                "1",
                "--out",
                str(tmp_path / "t.xlsx"),
            ]
        )
        == 1
    )
    assert "hapus --triwulan" in capsys.readouterr().err
    assert (
        main(
            [
                "--database",
                db_demo.url,
                "template",
                "realisasi",
                "--year",
                "2020",
                "--out",
                str(tmp_path / "t.xlsx"),
            ]
        )
        == 1
    )
    assert "--triwulan 1–4" in capsys.readouterr().err
    assert (
        main(
            [
                "--database",
                db_demo.url,
                "template",
                "target",
                "--year",
                "2020",
                "--bidang",
                "XX",
                "--out",
                str(tmp_path / "t.xlsx"),
            ]
        )
        == 1
    )
    assert "Bidang dengan kode 'XX' tidak ada" in capsys.readouterr().err
