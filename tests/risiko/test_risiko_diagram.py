"""The pohon kinerja diagram: a layout without overlaps, drawn readably on A3."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakip_desktop.errors import TidakDitemukan
from sakip_desktop.kalkulasi import BAND_BAWAAN
from sakip_desktop.reports.pohon_pdf import tulis_pdf_pohon
from sakip_desktop.services.diagram_pohon import (
    KERTAS,
    PAD,
    SKALA_TERBACA,
    IndikatorKotak,
    LayananDiagramPohon,
    SimpulDiagram,
    SumberDiagram,
    TataLetakPohon,
    lebar_teks,
    susun_tata_letak,
    tumpang_tindih,
)
from sakip_desktop.storage import Database

TEKS_KATA = (
    "Meningkatnya kualitas layanan penempatan tenaga kerja pelatihan perlindungan pekerja migran "
    "produktivitas perusahaan jaminan sosial transmigrasi informasi pasar"
)
KATA = TEKS_KATA.split()


def pohon_acak(n: int, seed: int = 11) -> SumberDiagram:
    """A tree of ``n`` nodes, up to eight levels deep, with long and short statements."""
    rnd = random.Random(seed)
    akar = SimpulDiagram("n0", 0, "Visi", "Visi pohon uji yang panjang", konteks=True)
    semua = [(akar, 0)]
    for i in range(1, n):
        induk, d = rnd.choice([x for x in semua if x[1] < 7])
        s = SimpulDiagram(
            f"n{i}",
            d + 1,
            f"Node {i}",
            f"Node {i} " + " ".join(rnd.choices(KATA, k=rnd.randint(2, 16))),
            [
                IndikatorKotak(f"I.{i}.{j}", " ".join(rnd.choices(KATA, k=8)), f"{j} orang")
                for j in range(rnd.randint(0, 3))
            ],
            pemilik=rnd.choice([None, "Kasi Uji", "Kepala Bidang Uji dan Pengembangan"]),
            band=rnd.choice([None, *BAND_BAWAAN]),
            konteks=d + 1 < 2,
        )
        induk.anak.append(s)
        semua.append((s, d + 1))
    tautan = [(f"n{rnd.randrange(n)}", f"n{rnd.randrange(n)}") for _ in range(20)]
    return SumberDiagram([akar], tautan, "Uji", "Pohon acak", tuple(BAND_BAWAAN))


def periksa_kotak(tata: TataLetakPohon) -> None:
    """No overlaps, every line of text inside its box."""
    assert tumpang_tindih(tata.kotak) == []
    for k in tata.kotak:
        assert k.x >= 0 and k.y >= 0 and k.x + k.w <= tata.lebar + 0.01
        for b in k.baris:
            assert b.x + lebar_teks(b.teks, b.huruf, b.ukuran) <= k.w - PAD + 0.01, b.teks
            assert 0 < b.y < k.h


def teks_pdf(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


@pytest.fixture
def tata_demo(db_demo: Database) -> TataLetakPohon:
    return LayananDiagramPohon(db_demo).tata_letak(2020)


def test_demo_tanpa_kotak_bertumpuk_dan_teks_di_dalam_kotak(tata_demo: TataLetakPohon) -> None:
    assert len(tata_demo.kotak) == 64
    periksa_kotak(tata_demo)
    induk = [g for g in tata_demo.garis if g.jenis == "induk"]
    assert len(induk) == 64 - 3  # every node but the visi and the two supporting programs


def test_demo_muat_satu_halaman_a3_yang_terbaca(tata_demo: TataLetakPohon, tmp_path: Path) -> None:
    assert tata_demo.skala_muat >= SKALA_TERBACA
    hasil = tulis_pdf_pohon(tata_demo, tmp_path / "pohon.pdf")
    assert hasil.halaman == 1 and hasil.ubin is None and hasil.skala >= SKALA_TERBACA
    halaman = PdfReader(tmp_path / "pohon.pdf").pages
    assert len(halaman) == 1
    lebar, tinggi = float(halaman[0].mediabox.width), float(halaman[0].mediabox.height)
    assert (round(lebar), round(tinggi)) == tuple(round(x) for x in KERTAS["A3"])
    teks = teks_pdf(tmp_path / "pohon.pdf")
    for k in tata_demo.kotak:
        assert " ".join(k.pernyataan.split()) in teks, k.pernyataan
    for contoh in (
        "Terwujudnya Lamongan Lebih Sejahtera dan Berdaya Saing",
        "IKU.1",
        "2.745 orang",
    ):
        assert contoh in teks
    assert "Halaman 1 dari 1" in teks


def test_demo_di_a4_dibagi_beberapa_halaman(tata_demo: TataLetakPohon, tmp_path: Path) -> None:
    hasil = tulis_pdf_pohon(tata_demo, tmp_path / "a4.pdf", kertas="A4")
    assert hasil.ubin is not None and hasil.halaman > 2
    pembaca = PdfReader(tmp_path / "a4.pdf")
    assert len(pembaca.pages) == hasil.halaman
    assert "Ikhtisar" in (pembaca.pages[0].extract_text() or "")
    assert re.search(r"Bagian 1 dari \d+", pembaca.pages[1].extract_text() or "")
    teks = teks_pdf(tmp_path / "a4.pdf")
    for k in tata_demo.kotak:
        assert " ".join(k.pernyataan.split()) in teks


def test_level_tersusun_dari_atas_ke_bawah(tata_demo: TataLetakPohon) -> None:
    kotak = {k.id: k for k in tata_demo.kotak}
    pita = {
        k.id
        for k in tata_demo.kotak
        if k.y == 0 and k.baris[0].teks.startswith(("Visi", "Misi", "Tujuan RPJMD"))
    }
    assert len(pita) == 3  # the regency's visi, misi, tujuan: one ribbon across the top
    for g in tata_demo.garis:
        if g.jenis != "induk" or g.ke in pita:
            continue
        atas, bawah = kotak[g.dari], kotak[g.ke]
        assert bawah.y >= atas.y + atas.h, (atas.pernyataan, bawah.pernyataan)


def test_warna_menurut_capaian_terakhir_dan_tautan_lintas_cabang(
    db_demo: Database, tata_demo: TataLetakPohon
) -> None:
    per_teks = {k.pernyataan: k for k in tata_demo.kotak}
    # S.2: IKU.2 TW I 1,01% of 1,01% and IKU.3 100% → Sangat Berhasil
    assert per_teks["Meningkatnya Perlindungan Pekerja"].warna_pita == "#1b7f3b"
    # program 2.07.01: 48 of 192 orang by TW I against the year → Kurang Berhasil
    assert per_teks["Peningkatan Kualitas Tenaga Kerja"].warna_pita == "#c0392b"
    assert per_teks["Meningkatnya Penempatan Kerja"].warna_pita == "#7f8c8d"  # not measured
    tautan = [g for g in tata_demo.garis if g.jenis == "tautan"]
    id_teks = {k.id: k.pernyataan for k in tata_demo.kotak}
    assert sorted((id_teks[g.dari], id_teks[g.ke]) for g in tautan) == [
        (
            "Meningkatnya Kesejahteraan Pekerja",
            "Penyusunan, Penetapan dan Pengusulan Upah Minimum Kabupaten (UMK) Lamongan",
        ),
        ("Meningkatnya Kesejahteraan Pekerja", "Perlindungan Pengembangan Lembaga Ketenagakerjaan"),
    ]


def test_diagram_dari_node_pilihan(db_demo: Database) -> None:
    layanan = LayananDiagramPohon(db_demo)
    tata = layanan.tata_letak(2020, "2.07.05")
    assert tata.kotak[0].pernyataan == "Perlindungan Pengembangan Lembaga Ketenagakerjaan"
    assert len(tata.kotak) == 1 + 5 + 6  # the program, its kegiatan, their staff tasks
    assert tata.baris_tumpuk is None and tata.skala_muat >= 1  # small enough for a plain tree
    assert "Mulai dari Program 2.07.05" in tata.subjudul
    periksa_kotak(tata)
    with pytest.raises(TidakDitemukan, match="tidak ada di pohon kinerja"):
        layanan.tata_letak(2020, "9.99")


@pytest.mark.slow
def test_pohon_500_node_tanpa_tumpang_tindih(tmp_path: Path) -> None:
    seed = 11
    sumber = pohon_acak(500, seed)
    tata = susun_tata_letak(sumber)
    assert len(tata.kotak) == 500
    assert len({k.id for k in tata.kotak}) == 500
    periksa_kotak(tata)
    assert len([g for g in tata.garis if g.jenis == "induk"]) == 499
    hasil = tulis_pdf_pohon(tata, tmp_path / "besar.pdf")
    assert hasil.ubin is not None and hasil.skala >= SKALA_TERBACA
    pembaca = PdfReader(tmp_path / "besar.pdf")
    assert len(pembaca.pages) == hasil.halaman
    contoh = random.Random(seed).sample(list(tata.kotak), 5)
    teks = " ".join(" ".join(p.extract_text() or "" for p in pembaca.pages[1:]).split())
    for k in contoh:
        assert f"{k.baris[1].teks}" in teks


def test_pohon_kecil_tetap_pohon_biasa() -> None:
    a = SimpulDiagram("a", 5, "Sasaran", "Sasaran A")
    a.anak = [SimpulDiagram(f"b{i}", 6, "Program", f"Program {i}") for i in range(3)]
    a.anak[1].anak = [SimpulDiagram("c", 7, "Kegiatan", "Kegiatan C")]
    tata = susun_tata_letak(SumberDiagram([a], [], "Uji", "", ()))
    assert tata.baris_tumpuk is None and tata.skala_muat >= 1
    kotak = {k.id: k for k in tata.kotak}
    assert kotak["b0"].y == kotak["b1"].y == kotak["b2"].y > kotak["a"].y
    assert kotak["b0"].x < kotak["b1"].x < kotak["b2"].x
    tengah = kotak["a"].x + kotak["a"].w / 2
    assert tengah == pytest.approx(kotak["b1"].x + kotak["b1"].w / 2)
    assert kotak["c"].y > kotak["b1"].y
