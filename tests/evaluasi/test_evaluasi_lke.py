"""LKE: the worksheet is data (two versions), scoring reproduces the weights and the grade
boundaries, answers are saved with notes and evidence, suggestions come from the program's
own records, last year is compared, and the worksheet exports to PDF/XLSX."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sakip_desktop.cli.main import main
from sakip_desktop.domain import Peran
from sakip_desktop.errors import AksesDitolak, InputTidakSah, KesalahanPengguna
from sakip_desktop.services.lke import baca_lembar, daftar_lembar, hitung_skor, lembar
from sakip_desktop.services.lke_isian import LayananLke
from sakip_desktop.services.pelaku import Pelaku
from sakip_desktop.storage import Database


def _semua_penuh(versi: str = "permenpanrb-88-2021") -> dict[str, str | None]:
    lb = lembar(versi)
    return {c.kode: "Y" if c.jawaban == "YT" else "A" for _k, _s, c in lb.semua_kriteria()}


def test_bobot_88_2021() -> None:
    lb = lembar()
    assert [(k.nama, k.bobot) for k in lb.komponen] == [
        ("Perencanaan Kinerja", 30),
        ("Pengukuran Kinerja", 30),
        ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25),
    ]
    assert [[s.bobot for s in k.subkomponen] for k in lb.komponen] == [
        [6, 9, 15],
        [6, 9, 15],
        [3, Decimal("4.5"), Decimal("7.5")],
        [5, Decimal("7.5"), Decimal("12.5")],
    ]


@pytest.mark.parametrize("versi", ["permenpanrb-88-2021", "permenpanrb-12-2015"])
def test_semua_y_dan_a_bernilai_100_aa(versi: str) -> None:
    skor = hitung_skor(lembar(versi), _semua_penuh(versi))
    assert skor.total == 100 and skor.predikat == "AA"
    assert [k.nilai for k in skor.komponen] == [k.bobot for k in lembar(versi).komponen]
    assert skor.terjawab == skor.jumlah_kriteria


def test_contoh_kerja_tepat_90_adalah_a() -> None:
    jawaban = _semua_penuh()
    for kode in ("1.a.1", "1.a.2", "1.a.3", "1.a.4", "1.a.5", "1.a.6"):  # 1.a: −6
        jawaban[kode] = "T"
    jawaban["2.a.1"] = "T"  # 2.a: 6 × 2/3 → −2
    for kode in ("3.a.1", "3.a.2", "3.a.3", "3.a.4"):  # 3.a: 3 × 2/6 → −2
        jawaban[kode] = "T"
    skor = hitung_skor(lembar(), jawaban)
    assert skor.total == Decimal("90.00")
    assert (skor.predikat, skor.uraian_predikat) == ("A", "Memuaskan")
    sub = {s.kode: s.nilai for k in skor.komponen for s in k.sub}
    assert sub["1.a"] == 0 and sub["2.a"] == 4 and sub["3.a"] == 1


def test_nilai_a_sampai_e_dan_kosong() -> None:
    lb = lembar()
    jawaban = {"1.c.1": "B", "1.c.2": "C", "1.c.3": "D", "1.c.4": "E", "1.c.5": "A"}
    skor = hitung_skor(lb, jawaban)
    sub = next(s for k in skor.komponen for s in k.sub if s.kode == "1.c")
    # (0,75 + 0,5 + 0,25 + 0 + 1 + 0 + 0 + 0) / 8 × 15; three criteria unanswered count 0
    assert sub.nilai == Decimal("2.5") * 15 / 8
    assert (sub.terjawab, sub.jumlah_kriteria) == (5, 8)


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        ("90.01", "AA"),
        ("90", "A"),
        ("80.01", "A"),
        ("80", "BB"),
        ("70", "B"),
        ("60", "CC"),
        ("50", "C"),
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_batas_predikat(nilai: str, predikat: str) -> None:
    assert lembar().predikat_untuk(Decimal(nilai)).predikat == predikat


def test_jawaban_salah_jenis_ditolak() -> None:
    with pytest.raises(InputTidakSah, match=r"1\.a\.1 dijawab Y/T"):
        hitung_skor(lembar(), {"1.a.1": "A"})
    with pytest.raises(InputTidakSah, match=r"9\.z\.9"):
        hitung_skor(lembar(), {"9.z.9": "Y"})


def test_versi_lain_ditambah_sebagai_berkas(tmp_path: Path) -> None:
    asal = Path(lembar().kunci + ".yaml")
    teks = (Path(__file__).parents[2] / "resources" / "lke" / asal).read_text(encoding="utf-8")
    (tmp_path / "pemda.yaml").write_text(
        teks.replace("kunci: permenpanrb-88-2021", "kunci: pemda-2024"), encoding="utf-8"
    )
    kunci = [lb.kunci for lb in daftar_lembar([tmp_path])]
    assert kunci[0] == "permenpanrb-88-2021" and {"permenpanrb-12-2015", "pemda-2024"} <= set(kunci)
    rusak = tmp_path / "rusak.yaml"
    rusak.write_text(teks.replace("bobot: 30\n", "bobot: 35\n", 1), encoding="utf-8")
    with pytest.raises(KesalahanPengguna, match="bobot subkomponen berjumlah 30, bukan 35"):
        baca_lembar(rusak)


def test_isi_jawaban_catatan_bukti_dan_saran(db_demo: Database, perencana: Pelaku) -> None:
    layanan = LayananLke(db_demo)
    d = layanan.baca(2020)
    assert d.evaluasi_id is None and d.skor.total == 0 and d.skor.predikat == "D"
    saran = {i.kode: i.saran for i in d.isian if i.saran}
    assert saran["1.a.3"].jawaban == "Y" and saran["1.a.3"].bukti.tautan[0].startswith("renstra:")
    assert saran["1.b.6"].jawaban == "A"  # every sasaran has its IKU
    assert saran["1.b.1"].jawaban == "E"  # no PK signed yet in the demo
    assert saran["3.a.1"].jawaban == "T"  # no LKjIP narrative yet
    assert "2 dari 4" in saran["2.b.4"].bukti.uraian and saran["2.b.4"].jawaban == "C"

    n = layanan.simpan(
        perencana,
        2020,
        {"1.a.1": {"jawaban": "y", "catatan": "Perbup 12/2018", "bukti": ["/arsip/pedoman.pdf"]}},
    )
    assert n == 1
    d = layanan.baca(2020)
    i = d.isian_kode("1.a.1")
    assert (i.jawaban, i.catatan, i.bukti) == ("Y", "Perbup 12/2018", ("/arsip/pedoman.pdf",))
    assert d.skor.total == Decimal("1.00")  # 6 × 1/6
    assert layanan.terapkan_saran(perencana, 2020) == 18
    d = layanan.baca(2020)
    assert d.isian_kode("1.a.3").jawaban == "Y"
    assert any(b.startswith("renstra:") for b in d.isian_kode("1.a.3").bukti)
    assert d.isian_kode("1.a.1").catatan == "Perbup 12/2018"  # not overwritten
    assert d.skor.terjawab == 19


def test_pembaca_tidak_boleh_mengisi(db_demo: Database) -> None:
    pembaca = Pelaku("tamu", Peran.PEMBACA)
    with pytest.raises(AksesDitolak):
        LayananLke(db_demo).simpan(pembaca, 2020, {"1.a.1": {"jawaban": "Y"}})
    assert LayananLke(db_demo).baca(2020).evaluasi_id is None


def test_gagal_sebagian_tidak_mengubah_apa_pun(db_demo: Database, perencana: Pelaku) -> None:
    layanan = LayananLke(db_demo)
    with pytest.raises(InputTidakSah):
        layanan.simpan(perencana, 2020, {"1.a.1": {"jawaban": "Y"}, "1.b.1": {"jawaban": "Y"}})
    assert layanan.baca(2020).evaluasi_id is None


def test_banding_tahun_lalu_dan_cli(
    db_demo: Database, perencana: Pelaku, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layanan = LayananLke(db_demo)
    penuh = {k: {"jawaban": v} for k, v in _semua_penuh().items()}
    layanan.simpan(perencana, 2019, penuh)
    layanan.simpan(perencana, 2020, {k: {"jawaban": "T"} for k in ("1.a.1", "1.a.2")})
    d = layanan.skor(2020)
    assert d.skor_lalu is not None and d.skor_lalu.total == 100
    b = {x.kode: x for x in d.banding}
    assert b["1"].nilai_lalu == 30 and b["1"].selisih == -30

    url = db_demo.url
    assert main(["--database", url, "lke", "skor", "--year", "2019", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["predikat"]) == ("100,00", "AA")
    assert [k["nilai"] for k in data["komponen"]] == ["30,00", "30,00", "15,00", "25,00"]
    assert (
        main(
            [
                "--database",
                url,
                "lke",
                "jawab",
                "--year",
                "2019",
                "--kriteria",
                "1.a.1",
                "--jawaban",
                "T",
            ]
        )
        == 0
    )
    assert "Nilai akhir 99,00 (AA)" in capsys.readouterr().out
    assert main(["--database", url, "lke", "skor", "--year", "2019"]) == 0
    teks = capsys.readouterr().out
    assert "Nilai akhir: 99,00 — predikat AA (Sangat Memuaskan)" in teks
    assert (
        main(
            [
                "--database",
                url,
                "lke",
                "jawab",
                "--year",
                "2019",
                "--kriteria",
                "1.b.1",
                "--jawaban",
                "Y",
            ]
        )
        == 1
    )
    assert "dijawab A/B/C/D/E" in capsys.readouterr().err

    xlsx = tmp_path / "lke.xlsx"
    assert main(["--database", url, "lke", "ekspor", "--year", "2020", "--out", str(xlsx)]) == 0
    sel = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row]
    assert "1.a.1" in sel and "PERENCANAAN KINERJA" in sel
    assert any(isinstance(v, str) and "Dibanding tahun 2019" in v for v in sel)


def test_ekspor_pdf_lke(
    db_demo: Database, perencana: Pelaku, tmp_path: Path, teks_pdf: Callable[[Path], list[str]]
) -> None:
    LayananLke(db_demo).terapkan_saran(perencana, 2020)
    pdf = tmp_path / "lke.pdf"
    assert (
        main(["--database", db_demo.url, "lke", "ekspor", "--year", "2020", "--out", str(pdf)]) == 0
    )
    teks = " ".join(teks_pdf(pdf))
    assert "LEMBAR KERJA EVALUASI (LKE)" in teks and "NILAI AKHIR — PREDIKAT" in teks
